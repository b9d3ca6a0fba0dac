//! Everything the officer can ask the terminal to do. Widgets push commands; the app runs
//! them at one point in the frame, so drawing never mutates state half-way.

use std::path::PathBuf;

use crate::audit::Decision;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    RunQuery,
    /// Read the MRZ field, fill the form from it and query.
    ReadMrz,
    NewTraveller,
    OpenDatasetDialog,
    LoadDataset(PathBuf),
    ExportAuditDialog,
    SelectGroup(usize),
    RequestConfirmation,
    Decide(Decision),
    ToggleSettings,
    ToggleHelp,
}
