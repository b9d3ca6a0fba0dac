//! The audit trail of a post: every query and every decision, attributable to an officer.

pub mod entry;
pub mod log;

pub use entry::{AuditEntry, Decision};
pub use log::AuditLog;
