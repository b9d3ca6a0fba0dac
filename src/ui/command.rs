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
    /// The override reason was given: decide against the unconfirmed hit.
    ConfirmOverride,
    CancelOverride,
    /// Escape on an undecided hit was confirmed: the traveller leaves without a decision.
    ConfirmNewTraveller,
    CancelNewTraveller,
    /// Switch to the dataset that finished loading while a traveller was at the desk.
    SwitchDataset,
    DismissResultChange,
    DismissAlert(usize),
    /// Presenter mode on or off (projector: light theme, larger type, audit trail folded).
    TogglePresenter,
    /// Before landing: mark passenger-list position (0-based) to be stopped, or take it back.
    MarkForStop(usize, bool),
    /// The exercise's flight has landed: pre-arrival marks final, the desk opens.
    Land,
    ShowArrivals,
}

impl Command {
    /// What the officer reads in Help and on buttons: the words on the screen, not the code's.
    pub fn label(&self) -> String {
        match self {
            Self::RunQuery => "Query both databases".into(),
            Self::ReadMrz => "Read the MRZ and query".into(),
            Self::NewTraveller => "Next traveller (clear the desk)".into(),
            Self::OpenDatasetDialog => "Open dataset…".into(),
            Self::ExportAuditDialog => "Export audit log (CSV)…".into(),
            Self::RequestConfirmation => "Request confirmation from the owning country".into(),
            Self::Decide(d) => d.label().into(),
            Self::ToggleSettings => "Simulation settings".into(),
            Self::ToggleHelp => "Help".into(),
            Self::TogglePresenter => "Presenter mode (projector)".into(),
            Self::OpenInstructor => "Instructor panel (PIN)".into(),
            Self::Land => "Landed: open the desk".into(),
            Self::ShowArrivals => "Arrivals".into(),
            other => format!("{other:?}"),
        }
    }
}
