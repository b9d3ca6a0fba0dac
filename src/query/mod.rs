//! One query to both sources at once: input checking, dispatch to worker threads over the
//! simulated network, and the per-query state that events update as answers arrive.

pub mod dispatcher;
pub mod input;
pub mod report;
pub mod run;

pub use dispatcher::{Dispatcher, QueryEvent, QueryId, Wake};
pub use input::{FieldIssue, Query, QueryInput};
pub use run::{QueryRun, SourceState};
