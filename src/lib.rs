//! Bordercheck core: the mock national and INTERPOL-style databases, matching, the parallel
//! query dispatcher, the audit log and scenarios. No GUI code lives here; `ui` (feature `gui`)
//! only draws and sends commands to this core, and the CLI uses the same core.

pub mod audit;
pub mod bench;
pub mod cli;
pub mod csv_text;
pub mod dataset;
pub mod demo;
pub mod document_reading;
pub mod domain;
pub mod engine;
pub mod generate;
pub mod matching;
pub mod query;
pub mod sim;
pub mod training;

#[cfg(feature = "gui")]
pub mod ui;
