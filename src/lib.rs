//! Bordercheck core: the mock national and INTERPOL-style databases, matching, the parallel
//! query dispatcher, the audit log and scenarios. No GUI code lives here; `ui` (feature `gui`)
//! only draws and sends commands to this core, and the CLI uses the same core.
//!
//! ```
//! use bordercheck::demo::demo_dataset;
//! use bordercheck::engine::{Engine, MatchOptions};
//! use bordercheck::query::input::{DocumentInput, QueryInput};
//!
//! let engine = Engine::build(demo_dataset().dataset);
//! let input = QueryInput {
//!     document: Some(DocumentInput { number: "UT4471920".into(), country: "UTO".into(), ..Default::default() }),
//!     ..Default::default()
//! };
//! let (query, issues) = input.to_query();
//! assert!(issues.is_empty());
//! let groups = engine.search_all(&query, &MatchOptions::default());
//! assert_eq!(groups[0].headline().database.code(), "sltd");
//! ```

pub mod audit;
pub mod bench;
pub mod booth;
#[cfg(feature = "classroom")]
pub mod classroom;
pub mod cli;
pub mod csv_text;
pub mod dataset;
pub mod demo;
pub mod document_reading;
pub mod domain;
pub mod engine;
pub mod generate;
pub mod hashing;
pub mod manifest;
pub mod matching;
pub mod query;
pub mod sim;
pub mod training;

#[cfg(feature = "gui")]
pub mod ui;
