//! The Demo cases window in the terminal: running a guided case, Play all, the handout.

#[allow(clippy::wildcard_imports)] // one type split by concern: the parts share the parent's imports
use super::*;
use crate::ui::cases_panel::{CaseCommand, Playing, cases_window};

impl TerminalApp {
    pub(super) fn demo_cases_frame(&mut self, ctx: &egui::Context) {
        self.cases.receive_shots();
        // Once a case's answers are all in (its caption is on screen), the app photographs
        // itself for the handout.
        if let Some(number) = self.cases.active.and_then(|i| self.booth.engine().demo_cases.get(i)).map(|c| c.number)
            && self.booth.current.as_ref().is_some_and(crate::query::QueryRun::is_complete)
        {
            self.cases.take_shot(ctx, number);
        }
        let commands = cases_window(ctx, &mut self.cases, &self.booth.engine().demo_cases);
        let clicked_here = !commands.is_empty();
        for c in commands {
            match c {
                CaseCommand::Run(i) => self.run_case(i),
                CaseCommand::Play => {
                    self.cases.playing = Some(Playing { next: 0, due: Instant::now(), paused: false, armed: false });
                }
                CaseCommand::Stop => self.cases.playing = None,
                CaseCommand::Pause(paused) => {
                    if let Some(p) = &mut self.cases.playing {
                        p.paused = paused;
                    }
                }
                CaseCommand::Handout => self.background.pick_export(ExportKind::Handout),
            }
        }
        if self.cases.playing.is_none() {
            return;
        }
        let idle = self.booth.current.as_ref().is_none_or(crate::query::QueryRun::is_complete);
        // Any key or click outside the Cases window hands control back to the presenter.
        let input_seen = !clicked_here
            && ctx.input(|i| {
                // Raw events: a shortcut (Escape) is consumed from `events` before this runs.
                i.raw
                    .events
                    .iter()
                    .any(|e| matches!(e, egui::Event::Key { pressed: true, .. } | egui::Event::PointerButton { pressed: true, .. }))
            });
        if let Some(i) = self.cases.due(Instant::now(), idle, input_seen, self.booth.engine().demo_cases.len()) {
            self.run_case(i);
        }
        ctx.request_repaint_after(Duration::from_millis(200));
    }

    /// Fills the form with a case as typing would, and queries.
    pub fn run_case(&mut self, i: usize) {
        let Some(case) = self.booth.engine().demo_cases.get(i).cloned() else { return };
        if self.booth.training.is_some() {
            self.toasts.error("An exercise is running: demo cases are for the built-in demo outside exercises");
            return;
        }
        self.reset_traveller();
        self.form.set_from_input(&case.input);
        self.cases.active = Some(i);
        self.pending.push(Command::RunQuery);
    }
}
