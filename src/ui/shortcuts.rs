//! One table of keyboard shortcuts, shown on buttons and menus and consumed outside menus.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;
use crate::audit::Decision;

pub struct Shortcut {
    pub command: Command,
    pub keys: KeyboardShortcut,
    /// Fires even while a text field has focus (Enter queries from any field).
    pub while_typing: bool,
}

pub fn shortcuts() -> Vec<Shortcut> {
    let s = |command, modifiers, key, while_typing| Shortcut { command, keys: KeyboardShortcut::new(modifiers, key), while_typing };
    vec![
        s(Command::RunQuery, Modifiers::NONE, Key::Enter, true),
        s(Command::NewTraveller, Modifiers::NONE, Key::Escape, true),
        s(Command::ReadMrz, Modifiers::COMMAND, Key::M, true),
        s(Command::OpenDatasetDialog, Modifiers::COMMAND, Key::O, true),
        s(Command::ExportAuditDialog, Modifiers::COMMAND, Key::E, true),
        s(Command::ToggleHelp, Modifiers::NONE, Key::F1, true),
        s(Command::ToggleSettings, Modifiers::NONE, Key::F2, true),
        s(Command::TogglePresenter, Modifiers::NONE, Key::F5, true),
        s(Command::RequestConfirmation, Modifiers::NONE, Key::F6, true),
        s(Command::OpenInstructor, Modifiers::NONE, Key::F9, true),
        // Decisions in the order of their buttons, from the keyboard (also while typing a remark).
        s(Command::Decide(Decision::Admit), Modifiers::COMMAND, Key::Num1, true),
        s(Command::Decide(Decision::Secondary), Modifiers::COMMAND, Key::Num2, true),
        s(Command::Decide(Decision::RefuseEntry), Modifiers::COMMAND, Key::Num3, true),
        s(Command::Decide(Decision::Detain), Modifiers::COMMAND, Key::Num4, true),
    ]
}

/// The shortcut text for a command, for button labels ("Query (Enter)").
pub fn label_for(ctx: &egui::Context, command: &Command) -> String {
    shortcuts().into_iter().find(|s| &s.command == command).map(|s| ctx.format_shortcut(&s.keys)).unwrap_or_default()
}

/// Commands whose shortcut was pressed this frame (consumed, so widgets do not see them too).
/// `leave` lists commands whose keys are left for an open dialog's own widgets (Enter, Escape).
pub fn pressed(ctx: &egui::Context, typing: bool, leave: &[Command]) -> Vec<Command> {
    shortcuts()
        .into_iter()
        .filter(|s| !typing || s.while_typing)
        .filter(|s| !leave.contains(&s.command))
        .filter(|s| ctx.input_mut(|i| i.consume_shortcut(&s.keys)))
        .map(|s| s.command)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let all = shortcuts();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.keys, b.keys, "{:?} and {:?}", a.command, b.command);
                assert_ne!(a.command, b.command);
            }
        }
    }
}
