//! View → Demo cases: the built-in demo's guided cases for a workshop. Choosing one fills the
//! form as typing would and runs the query; once both answers are in, the case's caption shows
//! beside the result. Play all steps through them at a chosen pace, pausable; any key or click
//! on the terminal hands control back to the presenter.

use std::time::{Duration, Instant};

use crate::demo::cases::{DemoCase, type_this};

pub enum CaseCommand {
    Run(usize),
    Play,
    Stop,
    Pause(bool),
    Handout,
}

pub struct Playing {
    pub next: usize,
    pub due: Instant,
    pub paused: bool,
    /// The frame that started it saw the click on Play: input counts from the next one.
    pub armed: bool,
}

pub struct CasesUi {
    pub open: bool,
    /// The case whose query is on the desk (index into the list).
    pub active: Option<usize>,
    pub playing: Option<Playing>,
    /// Seconds each case stays on screen in Play all.
    pub pace_s: f32,
    /// The terminal as it looked with each case's result and caption (by case number), for
    /// the handout: taken by the app itself the first time each case's answers are all in.
    pub shots: std::collections::BTreeMap<usize, std::sync::Arc<egui::ColorImage>>,
    /// The case a screenshot was asked for, until it arrives.
    pub shot_pending: Option<usize>,
    shot_tx: std::sync::mpsc::SyncSender<(usize, std::sync::Arc<egui::ColorImage>)>,
    shot_rx: std::sync::mpsc::Receiver<(usize, std::sync::Arc<egui::ColorImage>)>,
}

impl Default for CasesUi {
    fn default() -> Self {
        let (shot_tx, shot_rx) = std::sync::mpsc::sync_channel(4);
        Self {
            open: false,
            active: None,
            playing: None,
            pace_s: 12.0,
            shots: std::collections::BTreeMap::new(),
            shot_pending: None,
            shot_tx,
            shot_rx,
        }
    }
}

impl CasesUi {
    /// Asks the renderer for a picture of the next frame, for case `number` (once per case).
    pub fn take_shot(&mut self, ctx: &egui::Context, number: usize) {
        if self.shots.contains_key(&number) || self.shot_pending.is_some() {
            return;
        }
        self.shot_pending = Some(number);
        let (tx, wake) = (self.shot_tx.clone(), ctx.clone());
        ctx.request_screenshot(move |image| {
            let _ = tx.try_send((number, image));
            wake.request_repaint();
        });
    }

    /// Keeps the pictures that have arrived.
    pub fn receive_shots(&mut self) {
        while let Ok((number, image)) = self.shot_rx.try_recv() {
            self.shots.insert(number, image);
            if self.shot_pending == Some(number) {
                self.shot_pending = None;
            }
        }
    }

    /// A picture arrived by another way (tests feed one in).
    pub fn shot_sender(&self) -> std::sync::mpsc::SyncSender<(usize, std::sync::Arc<egui::ColorImage>)> {
        self.shot_tx.clone()
    }
}

/// A screenshot as a PNG for the handout, at most 960 pixels wide (a page's width).
pub fn shot_png(image: &egui::ColorImage) -> Option<Vec<u8>> {
    let [w, h] = image.size;
    let rgba = image::RgbaImage::from_raw(u32::try_from(w).ok()?, u32::try_from(h).ok()?, image.as_raw().to_vec())?;
    let rgba = if w > 960 {
        let new_h = (h as f64 * 960.0 / w as f64).round().max(1.0) as u32;
        image::imageops::resize(&rgba, 960, new_h, image::imageops::FilterType::Triangle)
    } else {
        rgba
    };
    let mut png = std::io::Cursor::new(Vec::new());
    rgba.write_to(&mut png, image::ImageFormat::Png).ok()?;
    Some(png.into_inner())
}

impl CasesUi {
    /// Play all: which case to run now, if its turn has come (the previous query must be done).
    pub fn due(&mut self, now: Instant, desk_idle: bool, input_seen: bool, count: usize) -> Option<usize> {
        let p = self.playing.as_mut()?;
        if p.armed && input_seen {
            // Any key or click: the presenter takes over.
            self.playing = None;
            return None;
        }
        p.armed = true;
        if p.paused || now < p.due || !desk_idle {
            return None;
        }
        if p.next >= count {
            self.playing = None;
            return None;
        }
        let i = p.next;
        p.next += 1;
        p.due = now + Duration::from_secs_f32(self.pace_s.clamp(3.0, 120.0));
        Some(i)
    }
}

/// `cases`: the ones the dataset in use carries.
pub fn cases_window(ctx: &egui::Context, c: &mut CasesUi, cases: &[DemoCase]) -> Vec<CaseCommand> {
    let mut commands = Vec::new();
    let mut open = c.open;
    // Bottom right, over the lower part of the detail panel: the result stays in view.
    let screen = ctx.content_rect();
    let at = egui::pos2((screen.right() - 350.0).max(0.0), (screen.bottom() - 560.0).max(40.0));
    egui::Window::new("Demo cases").open(&mut open).default_pos(at).default_width(330.0).show(ctx, |ui| {
        if cases.is_empty() {
            ui.colored_label(
                egui::Color32::from_rgb(200, 120, 0),
                "This dataset carries no demo cases (a `demo_cases` list, see docs/dataset-format.md); the built-in demo has them.",
            );
        }
        ui.horizontal_wrapped(|ui| {
            match &c.playing {
                None => {
                    if ui.button("Play all").clicked() {
                        commands.push(CaseCommand::Play);
                    }
                }
                Some(p) => {
                    if ui.button(if p.paused { "Resume" } else { "Pause" }).clicked() {
                        commands.push(CaseCommand::Pause(!p.paused));
                    }
                    if ui.button("Stop").clicked() {
                        commands.push(CaseCommand::Stop);
                    }
                    ui.label(format!("playing: case {} of {}", p.next.min(cases.len()), cases.len()));
                }
            }
            ui.add(egui::Slider::new(&mut c.pace_s, 3.0..=60.0).text("s per case"));
            if ui.button("Handout (HTML)…").clicked() {
                commands.push(CaseCommand::Handout);
            }
        });
        ui.separator();
        egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            for (i, case) in cases.iter().enumerate() {
                let label = format!("{}. {}", case.number, case.title);
                if ui.selectable_label(c.active == Some(i), label).on_hover_text(type_this(&case.input).replace('`', "")).clicked() {
                    commands.push(CaseCommand::Run(i));
                }
            }
        });
    });
    c.open = open;
    commands
}

/// Beside the result, once both answers are in: what the room should notice.
pub fn caption_ui(ui: &mut egui::Ui, case: &DemoCase) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong(format!("Case {} — {}", case.number, case.title));
        ui.label(&case.caption);
        let expected = match &case.expect {
            Some((db, record)) => format!("Expected top hit: {record} ({db})"),
            None => "Expected: no hits in either database".into(),
        };
        ui.weak(expected);
    });
}
