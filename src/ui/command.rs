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
    /// Training: ask for the PIN, then start a built-in scenario (index) or a picked file.
    StartBuiltinScenario(usize),
    OpenScenarioDialog,
    ConfirmPin,
    CancelPin,
    OpenInstructor,
    InstructorPause(bool),
    InstructorInject(crate::training::scenario::IncidentKind),
    InstructorClearIncidents,
    InstructorSkip,
    InstructorEnd,
    ExportDebrief(super::background::ExportKind),
}
