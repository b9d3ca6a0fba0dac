//! A trainee terminal in a classroom: the host's queue played at this desk, decisions sent, the
//! instructor's incidents, pause and end applied (see `classroom_join`).

#[allow(clippy::wildcard_imports)] // one type split by concern: the parts share the parent's imports
use super::*;
use crate::ui::classroom_join::{FromClass, join};

impl TerminalApp {
    /// Joins the class at `server` (as `bordercheck --join` and the Join dialog do).
    pub fn join_class(&mut self, server: &str, code: &str, name: &str) {
        let wake = self.ctx.clone();
        match join(server, code, name, self.class_dir.clone(), move || wake.request_repaint()) {
            Ok(member) => {
                self.toasts.info(format!("Joining the class at {server} as {name}…"));
                self.join_ui.error = None;
                self.class_member = Some(member);
            }
            Err(e) => self.toasts.error(format!("Cannot join: {e}")),
        }
    }

    pub(super) fn drain_class_member(&mut self) {
        let Some(member) = &self.class_member else { return };
        let messages: Vec<FromClass> = member.rx.try_iter().collect();
        for m in messages {
            match m {
                FromClass::Joined(reply) => self.start_class_exercise(&reply),
                FromClass::State { state, unsent } => self.apply_class_state(&state, unsent),
                FromClass::Dataset { name, engine, photos } => {
                    // The class's own data: every query from here on searches it.
                    self.booth.set_engine(engine);
                    self.photos = photos;
                    self.booth_face = None;
                    self.dataset_label = format!("{name} (from the instructor)");
                    self.toasts.info(format!("Class dataset {name} loaded from the instructor's terminal"));
                    self.reset_traveller();
                    self.prefill_training_traveller();
                }
                FromClass::DatasetFailed(why) => self.toasts.error(format!("The class dataset could not be loaded: {why}")),
                FromClass::Offline { unsent, .. } => {
                    if let Some(m) = &mut self.class_member {
                        m.online = false;
                        m.unsent = unsent;
                    }
                }
                FromClass::Refused(why) => {
                    self.toasts.error(format!("The instructor's terminal refused: {why}"));
                    self.class_member = None;
                    self.join_ui.error = Some(why);
                    self.join_ui.dialog_open = true;
                    return;
                }
            }
        }
    }

    fn start_class_exercise(&mut self, reply: &crate::classroom::JoinReply) {
        let mut scenario = crate::classroom::client::trainee_scenario(reply);
        if reply.dataset != "builtin" {
            // The worker fetches the class's dataset and the desk switches to it when it is
            // indexed; until then the built-in demo stays.
            self.toasts.info(format!("Loading the class dataset {} from the instructor's terminal…", reply.dataset));
            scenario.dataset = crate::training::scenario::DatasetRef::Builtin;
        }
        // A PIN nobody here knows: the local instructor panel has no answers to show anyway.
        let pin = format!("{:x}", std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
        self.start_exercise(scenario, &pin);
        if let Some(session) = &mut self.booth.training {
            // Rejoining: the travellers already decided were sent before.
            let now = Instant::now();
            while session.number() < reply.next && !session.is_finished() {
                session.skip(now);
            }
        }
        self.reset_traveller();
        self.prefill_training_traveller();
        if let Some(m) = &mut self.class_member {
            m.joined = true;
            m.online = true;
        }
        self.toasts.info(format!("Joined {} as {} (traveller {} of {})", reply.title, reply.name, reply.next, reply.travellers.len()));
    }

    fn apply_class_state(&mut self, state: &crate::classroom::TraineeState, unsent: usize) {
        let Some(m) = &mut self.class_member else { return };
        m.online = true;
        m.unsent = unsent;
        let newly_ended = state.ended && !m.ended;
        m.ended = state.ended;
        if let Some(session) = &mut self.booth.training {
            // The instructor's incidents replace the ones before (a cleared one goes away).
            if session.active_incidents() != state.incidents {
                session.clear_injected();
                for k in &state.incidents {
                    session.inject(*k);
                }
            }
            session.set_paused(state.paused, Instant::now());
        }
        if newly_ended {
            self.booth.training = None;
            self.reset_traveller();
            self.toasts.info("The instructor ended the exercise: the class debrief is theirs");
        }
    }

    /// One line for the menu bar: the class link and what is still waiting to be sent.
    pub(super) fn class_status(&self) -> Option<String> {
        let m = self.class_member.as_ref()?;
        let link = if !m.joined {
            "joining…"
        } else if m.ended {
            "ended"
        } else if m.online {
            "online"
        } else {
            "offline — working on, decisions kept"
        };
        let unsent = if m.unsent > 0 { format!(" · {} unsent", m.unsent) } else { String::new() };
        Some(format!("Class {}: {link}{unsent}", m.name))
    }
}
