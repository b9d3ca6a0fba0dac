//! The audit trail of a post: every query and every decision, attributable to an officer.

pub mod durable;
pub mod entry;
pub mod key;
pub mod log;
pub mod writer;

pub use entry::{AuditEntry, Decision};
pub use log::AuditLog;
