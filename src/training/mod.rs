//! Training mode: scenario files, a traveller queue with scripted incidents, and the debrief.

pub mod booth_photo;
pub mod builtin;
pub mod consistency;
pub mod debrief;
pub mod pre_arrival;
pub mod scenario;
pub mod session;

pub use booth_photo::booth_photo;
pub use debrief::{Debrief, DebriefRow};
pub use pre_arrival::{PreArrival, PreArrivalScore};
pub use scenario::{Scenario, ScenarioError, load_scenario_file, parse_scenario};
pub use session::{TrainingSession, TravellerOutcome};
