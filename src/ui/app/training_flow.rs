//! Training mode's flow in the terminal: PIN, calling travellers, the end of an exercise.

#[allow(clippy::wildcard_imports)] // one type split by concern: the parts share the parent's imports
use super::*;

impl TerminalApp {
    /// Starting a scenario while one runs replaces it: the running exercise's PIN comes first.
    pub(super) fn ask_to_start(&mut self, scenario: crate::training::Scenario) {
        let purpose =
            if self.booth.training.is_some() { PinPurpose::Replace(Box::new(scenario)) } else { PinPurpose::Start(Box::new(scenario)) };
        self.pin_prompt = Some(PinPrompt { purpose, pin: String::new(), error: None });
    }

    pub(super) fn confirm_pin(&mut self) {
        let Some(prompt) = self.pin_prompt.take() else { return };
        match prompt.purpose {
            PinPurpose::Start(scenario) => {
                if prompt.pin.trim().len() < 4 {
                    let error = Some("Choose a PIN of at least 4 characters".into());
                    self.pin_prompt = Some(PinPrompt { purpose: PinPurpose::Start(scenario), pin: prompt.pin, error });
                    return;
                }
                self.start_exercise(*scenario, prompt.pin.trim());
            }
            PinPurpose::OpenInstructor => match self.booth.training.as_mut().map(|t| t.check_pin(prompt.pin.trim(), Instant::now())) {
                Some(Ok(())) => self.instructor_open = true,
                Some(Err(refusal)) => {
                    self.pin_prompt =
                        Some(PinPrompt { purpose: PinPurpose::OpenInstructor, pin: String::new(), error: Some(refusal.to_string()) });
                }
                None => {}
            },
            PinPurpose::Replace(scenario) => match self.booth.training.as_mut().map(|t| t.check_pin(prompt.pin.trim(), Instant::now())) {
                // The running exercise's PIN is right: now set the new exercise's PIN.
                Some(Ok(())) | None => {
                    self.pin_prompt = Some(PinPrompt { purpose: PinPurpose::Start(scenario), pin: String::new(), error: None })
                }
                Some(Err(refusal)) => {
                    self.pin_prompt =
                        Some(PinPrompt { purpose: PinPurpose::Replace(scenario), pin: String::new(), error: Some(refusal.to_string()) });
                }
            },
        }
    }

    /// Starts an exercise at this desk (on its dataset) with the instructor PIN `pin`.
    pub(super) fn start_exercise(&mut self, scenario: crate::training::Scenario, pin: &str) {
        match &scenario.dataset {
            crate::training::scenario::DatasetRef::Builtin => {
                self.booth.set_engine(Arc::clone(&self.demo.0));
                self.photos = Arc::clone(&self.demo.1);
                self.dataset_label = "built-in demo".into();
            }
            crate::training::scenario::DatasetRef::Path(p) => {
                let path = scenario.base_dir.clone().unwrap_or_default().join(p);
                self.pending.push(Command::LoadDataset(path));
            }
        }
        self.toasts.info(format!("Exercise started: {}", scenario.title));
        self.booth.training = Some(TrainingSession::new(scenario, pin, Instant::now()));
        self.booth_face = None;
        self.debrief = None;
        self.instructor_open = false;
        self.reset_traveller();
        self.prefill_training_traveller();
        // On a dataset file, `switch_dataset` screens it once the file is loaded.
        if matches!(self.booth.training.as_ref().map(|s| &s.scenario.dataset), Some(crate::training::scenario::DatasetRef::Builtin)) {
            self.screen_exercise_list();
        }
    }

    /// Screens the exercise's passenger list against the dataset now in use (before landing
    /// only): the trainee works it in Arrivals.
    pub(super) fn screen_exercise_list(&mut self) {
        let Some(p) = self.booth.training.as_ref().filter(|s| s.before_landing()).and_then(TrainingSession::pre_arrival) else { return };
        let manifest = p.manifest.clone();
        let job = super::super::arrivals::Screening::new(super::super::arrivals::exercise_list_label(p));
        self.background.screen_list(&job, manifest, Arc::clone(self.booth.engine()), self.settings.options());
        self.arrivals.screening.push(job);
        self.arrivals.open = true;
    }

    /// The exercise's flight has landed: marks final, first traveller at the desk.
    pub(super) fn land(&mut self) {
        self.booth.land(Instant::now(), chrono::Local::now());
        self.drain_booth_events();
        self.toasts.info("Landed: the desk is open");
        // The desk needs the room: the list stays under View → Arrivals.
        self.arrivals.open = false;
        self.reset_traveller();
        self.prefill_training_traveller();
    }

    /// Puts what the current traveller presents into the form (the trainee still queries and decides).
    pub(super) fn prefill_training_traveller(&mut self) {
        let Some(t) = self.booth.training.as_ref().and_then(TrainingSession::current) else {
            return;
        };
        // The one traveller-field mapping (`QueryForm::set_from_input`), as for an MRZ read.
        let presents = t.presents.clone();
        self.form.mrz = presents.mrz.clone().unwrap_or_default();
        self.form.set_from_input(&presents);
    }

    /// Calls the next traveller, or ends the exercise with the debrief.
    pub(super) fn next_training_traveller(&mut self) {
        if self.booth.training.is_none() {
            return;
        }
        if self.class_member.is_some() && self.booth.training.as_ref().is_some_and(TrainingSession::is_finished) {
            // A class exercise: the answers and the debrief are the instructor's.
            self.booth.training = None;
            self.toasts.info("Every traveller decided: your instructor has the class debrief");
            self.reset_traveller();
            return;
        }
        if let Some(debrief) = self.booth.finish_exercise(chrono::Local::now()) {
            self.drain_booth_events();
            self.debrief = Some(debrief);
            self.show_debrief = true;
            self.booth_face = None;
            self.instructor_open = false;
            self.reset_traveller();
        } else {
            self.reset_traveller();
            self.prefill_training_traveller();
        }
    }
}
