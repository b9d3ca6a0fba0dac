//! Training mode: scenario files, a traveller queue with scripted incidents, and the debrief.

pub mod builtin;
pub mod debrief;
pub mod scenario;
pub mod session;

pub use debrief::{Debrief, DebriefRow};
pub use scenario::{Scenario, ScenarioError, load_scenario_file, parse_scenario};
pub use session::{TrainingSession, TravellerOutcome};
