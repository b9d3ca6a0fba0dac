//! Everything around the panels: title, keyboard input, menus, windows, and the frame itself.

#[allow(clippy::wildcard_imports)] // one type split by concern: the parts share the parent's imports
use super::*;

impl TerminalApp {
    pub(super) fn update_title(&mut self) {
        let title = format!("{} — {} — Bordercheck", self.booth.engine().post, self.booth.engine().name);
        if title != self.title {
            self.ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    pub(super) fn collect_input(&mut self, ctx: &egui::Context) {
        let typing = ctx.memory(|m| m.focused().is_some());
        let dialog_open = self.show_settings
            || self.load_problems.is_some()
            || self.pin_prompt.is_some()
            || self.override_prompt.is_some()
            || self.confirm_new_traveller;
        // Enter and Escape belong to a dialog's own fields while one is open.
        let leave: &[Command] = if dialog_open { &[Command::RunQuery, Command::NewTraveller] } else { &[] };
        self.pending.extend(shortcuts::pressed(ctx, typing, leave));
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect());
        for path in dropped {
            // A passenger list goes to Arrivals; anything else is a dataset.
            let list = path.extension().is_some_and(|e| ["edi", "csv", "txt"].iter().any(|x| e.eq_ignore_ascii_case(x)));
            if list { self.open_manifest(path) } else { self.pending.push(Command::LoadDataset(path)) }
        }
    }

    pub(super) fn windows(&mut self, ctx: &egui::Context) {
        settings_window(ctx, &mut self.show_settings, &mut self.settings);
        self.classroom.drain();
        self.demo_cases_frame(ctx);
        let dark = self.settings.dark && !self.settings.presenter;
        let marks = self.booth.training.as_ref().and_then(TrainingSession::pre_arrival).map(super::super::arrivals::ExerciseMarks::of);
        let commands = super::super::arrivals::arrivals_window(ctx, &mut self.arrivals, marks.as_ref(), dark);
        self.pending.extend(commands);
        if super::super::classroom_ui::host_dialog_ui(ctx, &mut self.classroom) {
            let wake = ctx.clone();
            self.classroom.start(self.class_dir.clone(), move || wake.request_repaint());
        }
        if let Some(kind) = super::super::classroom_ui::console_viewport(ctx, &mut self.classroom) {
            self.background.pick_export(kind);
        }
        self.drain_class_member();
        if super::super::classroom_join::join_dialog_ui(ctx, &mut self.join_ui) {
            let j = &self.join_ui;
            let (server, code, name) = (j.server.trim().to_owned(), j.code.trim().to_owned(), j.name.trim().to_owned());
            self.join_class(&server, &code, &name);
        }
        if let Some((file, problems)) = &self.load_problems {
            let mut open = true;
            egui::Window::new("Dataset not loaded").open(&mut open).default_width(640.0).show(ctx, |ui| {
                ui.label(format!("{file} has {} problem(s). The previous dataset stays active.", problems.len()));
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    for p in problems {
                        ui.monospace(p.to_string());
                    }
                });
            });
            if !open {
                self.load_problems = None;
            }
        }
        let mut help = self.show_help;
        egui::Window::new("Help (F1)").open(&mut help).show(ctx, |ui| {
            ui.label("Type what the document and traveller show, press Enter: the query goes to both databases at once.");
            ui.label("Each source card shows its own answer as it arrives. Hits are grouped per subject and ranked by severity.");
            ui.label("Never act on an INTERPOL hit alone: request confirmation from the owning country first.");
            ui.separator();
            // The words on the screen, in two aligned columns.
            egui::Grid::new("help-keys").num_columns(2).striped(true).show(ui, |ui| {
                for s in shortcuts::shortcuts() {
                    ui.monospace(ctx.format_shortcut(&s.keys));
                    ui.label(s.command.label());
                    ui.end_row();
                }
            });
        });
        self.show_help = help;
        self.desk_dialogs(ctx);
        if let Some(prompt) = &mut self.pin_prompt
            && let Some(c) = pin_window(ctx, prompt)
        {
            self.pending.push(c);
        }
        let dark = self.settings.dark && !self.settings.presenter;
        if let Some(session) = &self.booth.training {
            let mut open = self.instructor_open;
            if open {
                let commands = instructor_window(ctx, session, &mut open, dark);
                self.pending.extend(commands);
            }
            self.instructor_open = open;
        }
        if let Some(debrief) = &self.debrief {
            let mut open = self.show_debrief;
            if open {
                let commands = debrief_window(ctx, debrief, &mut open, dark);
                self.pending.extend(commands);
            }
            self.show_debrief = open;
        }
    }

    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button(format!("Open dataset…  {}", shortcuts::label_for(&ctx, &Command::OpenDatasetDialog))).clicked() {
                    self.pending.push(Command::OpenDatasetDialog);
                }
                if ui.button("Open passenger list (PAXLST / CSV)…").clicked() {
                    self.background.pick_manifest();
                }
                ui.menu_button("Recent datasets", |ui| {
                    for path in self.settings.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.pending.push(Command::LoadDataset(path));
                        }
                    }
                });
                ui.menu_button("Recent passenger lists", |ui| {
                    if self.settings.recent_manifests.is_empty() {
                        ui.weak("none yet");
                    }
                    for path in self.settings.recent_manifests.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.open_manifest(path);
                        }
                    }
                });
                if ui.button(format!("Export audit log (CSV)…  {}", shortcuts::label_for(&ctx, &Command::ExportAuditDialog))).clicked() {
                    self.pending.push(Command::ExportAuditDialog);
                }
            });
            ui.menu_button("Simulation", |ui| {
                if ui.button(format!("Settings…  {}", shortcuts::label_for(&ctx, &Command::ToggleSettings))).clicked() {
                    self.pending.push(Command::ToggleSettings);
                }
                let p = &mut self.settings.sim.interpol;
                ui.checkbox(&mut p.offline, "INTERPOL link offline");
                let n = &mut self.settings.sim.national;
                ui.checkbox(&mut n.offline, "National link offline");
            });
            ui.menu_button("Training", |ui| {
                ui.menu_button("Start built-in scenario", |ui| {
                    for (i, s) in crate::training::builtin::builtin_scenarios().iter().enumerate() {
                        if ui.button(&s.title).clicked() {
                            self.pending.push(Command::StartBuiltinScenario(i));
                        }
                    }
                });
                if ui.button("Start scenario from file…").clicked() {
                    self.pending.push(Command::OpenScenarioDialog);
                }
                let instructor = format!("Instructor panel…  {}", shortcuts::label_for(&ctx, &Command::OpenInstructor));
                if ui.add_enabled(self.booth.training.is_some(), egui::Button::new(instructor)).clicked() {
                    self.pending.push(Command::OpenInstructor);
                }
                if ui.add_enabled(self.debrief.is_some(), egui::Button::new("Last debrief…")).clicked() {
                    self.show_debrief = true;
                }
                ui.separator();
                match &mut self.classroom.hosted {
                    Some(h) => {
                        if ui.button("Instructor console (classroom)…").clicked() {
                            h.open = true;
                        }
                    }
                    None => {
                        if ui.button("Host classroom…").clicked() {
                            self.classroom.dialog_open = true;
                        }
                    }
                }
                if ui.add_enabled(self.class_member.is_none(), egui::Button::new("Join classroom…")).clicked() {
                    self.join_ui.dialog_open = true;
                }
            });
            ui.menu_button("View", |ui| {
                let label = if self.arrivals.flights.is_empty() {
                    "Arrivals".to_owned()
                } else {
                    format!("Arrivals ({} flights)", self.arrivals.flights.len())
                };
                if ui.button(label).clicked() {
                    self.arrivals.open = true;
                }
                if ui.button("Demo cases…").clicked() {
                    self.cases.open = true;
                }
                let label = format!("Presenter mode  {}", shortcuts::label_for(&ctx, &Command::TogglePresenter));
                if ui.checkbox(&mut self.settings.presenter, label).changed() {
                    ui.close();
                }
                ui.add(egui::Slider::new(&mut self.settings.presenter_zoom, 1.25..=2.0).text("presenter zoom"));
            });
            ui.menu_button("Help", |ui| {
                if ui.button(format!("Help  {}", shortcuts::label_for(&ctx, &Command::ToggleHelp))).clicked() {
                    self.pending.push(Command::ToggleHelp);
                }
            });
            ui.separator();
            if !self.settings.presenter {
                // On a narrow projector the link lights need the room more than the title.
                ui.label(format!("{} — {}", self.booth.engine().post, self.booth.engine().name));
            }
            if let Some(status) = self.class_status() {
                ui.separator();
                ui.strong(status);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let dark = self.settings.dark && !self.settings.presenter;
                link_lights_ui(ui, !self.settings.sim.national.offline, !self.settings.sim.interpol.offline, dark);
            });
        });
    }
}

impl TerminalApp {
    /// The theme and zoom the settings ask for, applied only when they change.
    fn apply_look(&mut self, ctx: &egui::Context, current: &egui::Visuals) {
        let (dark, zoom) =
            if self.settings.presenter { (false, self.settings.presenter_zoom.clamp(1.25, 2.0)) } else { (self.settings.dark, 1.0) };
        let want_presenter_look = self.settings.presenter;
        let is_presenter_look = current.override_text_color == Some(egui::Color32::BLACK);
        if current.dark_mode != dark || want_presenter_look != is_presenter_look {
            let mut visuals = if dark { egui::Visuals::dark() } else { egui::Visuals::light() };
            if want_presenter_look {
                // High contrast for a projector: black text, white panels.
                visuals.override_text_color = Some(egui::Color32::BLACK);
                visuals.panel_fill = egui::Color32::WHITE;
                visuals.window_fill = egui::Color32::WHITE;
                // Fields stay visible on white: a grey well with a dark outline.
                visuals.extreme_bg_color = egui::Color32::from_gray(232);
                visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, egui::Color32::from_gray(90));
                visuals.widgets.hovered.bg_stroke = egui::Stroke::new(1.5, egui::Color32::from_gray(40));
            }
            ctx.set_visuals(visuals);
        }
        if (ctx.zoom_factor() - zoom).abs() > 0.001 {
            ctx.set_zoom_factor(zoom);
        }
    }

    /// What must not be missed at the desk: a result that changed after the link returned, a
    /// traveller who left before it did, a new dataset waiting for this traveller's decision.
    fn desk_banners(&mut self, ui: &mut egui::Ui, dark: bool) {
        let bad = crate::ui::theme::bad_colour(dark);
        if let Some(change) = &self.booth.result_change {
            let message = change.message.clone();
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(bad, egui::RichText::new(message).strong());
                if ui.button("Dismiss").clicked() {
                    self.pending.push(Command::DismissResultChange);
                }
            });
        }
        for (i, alert) in self.booth.alerts.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(bad, format!("{} {}", alert.time.format("%H:%M"), alert.message));
                if ui.button("Dismiss").clicked() {
                    self.pending.push(Command::DismissAlert(i));
                }
            });
        }
        if let Some(ready) = &self.ready_dataset {
            let name = ready.engine.name.clone();
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, format!("New dataset ready ({name}) — switch after this traveller"));
                if ui.button("Switch now").clicked() {
                    self.pending.push(Command::SwitchDataset);
                }
            });
        }
    }

    /// The override reason and the "leave this traveller?" question.
    fn desk_dialogs(&mut self, ctx: &egui::Context) {
        if let Some((decision, reason)) = &mut self.override_prompt {
            let mut commands = Vec::new();
            egui::Window::new("Decision against an unconfirmed hit").collapsible(false).resizable(false).show(ctx, |ui| {
                ui.label(format!(
                    "{}: the serious hit is not confirmed by the owning country. Give the reason; it is recorded as an override.",
                    decision.label()
                ));
                let l = ui.label("Reason");
                let field = ui.add(egui::TextEdit::singleline(reason).desired_width(320.0)).labelled_by(l.id);
                field.request_focus();
                ui.horizontal(|ui| {
                    let ok = !reason.trim().is_empty();
                    if ui.add_enabled(ok, egui::Button::new("Record override")).clicked()
                        || (ok && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                    {
                        commands.push(Command::ConfirmOverride);
                    }
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::CancelOverride);
                    }
                });
            });
            self.pending.extend(commands);
        }
        if self.confirm_new_traveller {
            let mut commands = Vec::new();
            egui::Window::new("Leave this traveller undecided?").collapsible(false).resizable(false).show(ctx, |ui| {
                ui.label("The traveller at the desk has hits and no decision. Clear the desk anyway?");
                ui.horizontal(|ui| {
                    if ui.button("Clear the desk").clicked() {
                        commands.push(Command::ConfirmNewTraveller);
                    }
                    if ui.button("Stay with this traveller").clicked() {
                        commands.push(Command::CancelNewTraveller);
                    }
                });
            });
            self.pending.extend(commands);
        }
    }
}

/// MRZ check digits, expiry and MRZ-vs-visual-page agreement, each with its evidence.
fn document_checks_ui(ui: &mut egui::Ui, checks: &[DocumentCheck], dark: bool) {
    if checks.is_empty() {
        return;
    }
    ui.add_space(4.0);
    let failed = checks.iter().any(|c| c.status == CheckStatus::Failed);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Document checks:");
        for c in checks {
            let (mark, colour) = match c.status {
                CheckStatus::Verified => ("ok", crate::ui::theme::ok_colour(dark)),
                CheckStatus::Failed => ("FAIL", crate::ui::theme::bad_colour(dark)),
                CheckStatus::Absent => ("n/a", ui.visuals().weak_text_color()),
            };
            ui.colored_label(colour, format!("[{mark}] {}", c.check)).on_hover_text(&c.detail);
        }
    });
    if failed {
        for c in checks.iter().filter(|c| c.status == CheckStatus::Failed) {
            ui.colored_label(crate::ui::theme::bad_colour(dark), format!("{}: {}", c.check, c.detail));
        }
    }
}

impl eframe::App for TerminalApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let current = ui.visuals().clone();
        self.apply_look(&ctx, &current);
        self.drain_background();
        self.drain_audit_writer();
        self.drain_query_events();
        self.collect_input(&ctx);
        self.update_title();
        let dark = self.settings.dark && !self.settings.presenter;

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        if self.settings.presenter {
            // Folded away for the room: one line says it is still being kept.
            egui::Panel::bottom("audit-folded").show(ui, |ui| {
                ui.weak(format!("Audit trail: {} entries, kept and saved (hidden in presenter mode, F5)", self.booth.audit.len()));
            });
        } else {
            egui::Panel::bottom("audit").resizable(true).default_size(170.0).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.strong(format!("Audit trail — {} entries", self.booth.audit.len()));
                    if ui.button(format!("Export CSV ({})", shortcuts::label_for(&ctx, &Command::ExportAuditDialog))).clicked() {
                        self.pending.push(Command::ExportAuditDialog);
                    }
                    ui.weak(format!("dataset: {}", self.dataset_label));
                    if let Some(head) = &self.audit_head {
                        // Note it on paper: `audit verify --head` then tells a log cut short.
                        ui.weak(format!("chain head {}…", &head[..head.len().min(16)])).on_hover_text(format!(
                            "On-disk audit chain head:\n{head}\nCheck later: bordercheck audit verify FILE --head {head}"
                        ));
                    }
                });
                audit_panel_ui(ui, &self.booth.audit);
            });
        }
        let presenter = self.settings.presenter;
        // On a projector the form is narrower and the detail moves under the table, so the
        // result (source cards, hit table, severity, action) fits without scrolling.
        let (form_id, form_width) = if presenter { ("form-presenter", 200.0) } else { ("form", 300.0) };
        egui::Panel::left(form_id).resizable(true).default_size(form_width).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let (q, c) = (shortcuts::label_for(&ctx, &Command::RunQuery), shortcuts::label_for(&ctx, &Command::NewTraveller));
                let m = shortcuts::label_for(&ctx, &Command::ReadMrz);
                let commands = query_form_ui(ui, &mut self.form, &self.field_issues, &q, &c, &m, presenter);
                self.pending.extend(commands);
                if let Some((label, fraction)) = &self.background.loading {
                    ui.separator();
                    ui.label(label);
                    ui.add(egui::ProgressBar::new(*fraction).show_percentage().animate(true));
                    ui.weak("The current dataset stays usable until the new one is ready.");
                    ctx.request_repaint_after(Duration::from_millis(100));
                }
            });
        });
        // Capped so that a record with long values never squeezes the hit table away.
        let max_detail = (ctx.content_rect().width() * 0.4).max(320.0);
        if !presenter {
            // On a wide screen the detail panel starts wider too (the record's fields and photo).
            let detail_width = (ctx.content_rect().width() * 0.25).clamp(390.0, 560.0).min(max_detail);
            // At least its starting width: otherwise the first record shown (its photo, the
            // confirmation button) widens it while the answers arrive, and the table jumps.
            egui::Panel::right("detail").resizable(true).default_size(detail_width).min_size(detail_width).max_size(max_detail).show(
                ui,
                |ui| {
                    let group = self.selected.and_then(|i| self.booth.groups().get(i));
                    let confirm = shortcuts::label_for(&ctx, &Command::RequestConfirmation);
                    let commands = hit_detail_ui(ui, group, &self.photos, self.booth.confirmations(), dark, &confirm);
                    self.pending.extend(commands);
                },
            );
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(session) = &self.booth.training {
                let number = session.number();
                if self.booth_face.as_ref().is_none_or(|(n, _)| *n != number) {
                    let photo = session.current().and_then(|t| booth_photo(&session.scenario, t, &self.photos));
                    self.booth_face = Some((number, photo));
                }
                if let Some(c) = training_bar_ui(ui, session, self.booth_face.as_ref().and_then(|(_, p)| p.clone()), dark) {
                    self.pending.push(c);
                }
                ctx.request_repaint_after(Duration::from_millis(500));
            }
            self.desk_banners(ui, dark);
            source_cards_ui(ui, self.booth.current.as_ref(), dark);
            document_checks_ui(ui, &self.document_checks, dark);
            if let Some(m) = &self.pre_arrival {
                super::super::arrivals::pre_arrival_ui(ui, &self.arrivals, m, dark);
            }
            if let Some(case) = self.cases.active.and_then(|i| self.booth.engine().demo_cases.get(i))
                && self.booth.current.as_ref().is_some_and(crate::query::QueryRun::is_complete)
            {
                super::super::cases_panel::caption_ui(ui, case);
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.heading("Combined hits");
                ui.weak(format!("threshold {}", self.settings.threshold));
            });
            let groups_empty = self.booth.groups().is_empty();
            match &self.booth.current {
                None => {
                    ui.label("Type the traveller's details and press Enter.");
                }
                Some(run) => {
                    let interpol_missing = run.state(SourceId::Interpol).is_done() && !run.state(SourceId::Interpol).answered();
                    let national_missing = run.state(SourceId::National).is_done() && !run.state(SourceId::National).answered();
                    if let SourceState::LocalCopy { age_hours, .. } = run.state(SourceId::Interpol) {
                        let text = format!("INTERPOL link down — SLTD checked against the local copy ({age_hours} h old); notices and TDAWN not checked — result incomplete, re-run queued");
                        ui.colored_label(crate::ui::theme::bad_colour(dark), text);
                    } else if interpol_missing {
                        ui.colored_label(crate::ui::theme::bad_colour(dark), "INTERPOL did not answer — result incomplete");
                    }
                    if national_missing {
                        ui.colored_label(crate::ui::theme::bad_colour(dark), "National system did not answer — result incomplete");
                    }
                    if run.is_complete() && !run.is_partial() && groups_empty {
                        ui.colored_label(crate::ui::theme::ok_colour(dark), "No hits in either database");
                    } else if !run.is_complete() && groups_empty {
                        ui.label("Waiting for answers…");
                    }
                    if !run.is_complete() {
                        ctx.request_repaint_after(Duration::from_millis(100));
                    }
                }
            }
            if !groups_empty {
                let commands = hit_table_ui(ui, self.booth.groups(), self.selected, self.booth.confirmations(), dark, presenter);
                self.pending.extend(commands);
            }
            if self.booth.current.is_some() {
                ui.separator();
                let commands = decision_ui(ui, &mut self.remark, self.booth.decided());
                self.pending.extend(commands);
            }
            if presenter && self.selected.is_some() {
                ui.separator();
                egui::ScrollArea::vertical().id_salt("presenter-detail").show(ui, |ui| {
                    let group = self.selected.and_then(|i| self.booth.groups().get(i));
                    let confirm = shortcuts::label_for(&ctx, &Command::RequestConfirmation);
                    let commands = hit_detail_ui(ui, group, &self.photos, self.booth.confirmations(), dark, &confirm);
                    self.pending.extend(commands);
                });
            }
        });
        self.windows(&ctx);
        self.toasts.show(&ctx, dark);
        if self.booth.next_reply_due().is_some() {
            ctx.request_repaint_after(Duration::from_millis(500));
        }
        for command in std::mem::take(&mut self.pending) {
            self.run(command);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
