//! The simulated network between the booth and each source: latency, timeouts, errors,
//! outages and injected faults, all drawn from a seeded generator so a session replays exactly.

pub mod confirmation;
pub mod network;
pub mod plan;

pub use network::{Fault, LocalCopy, NetworkProfile, SimSettings};
pub use plan::{Plan, PlannedOutcome, plan};
