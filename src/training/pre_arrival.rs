//! The pre-arrival phase of an exercise whose scenario names a passenger list: before the
//! flight lands the trainee works through the screened list and marks whom to stop; then the
//! desk opens. The debrief scores both: targets found before landing, targets stopped at the
//! desk. A target is an announced traveller who is one of the scenario's travellers with an
//! expected decision other than Admit, found on the list as the same traveller with the same
//! document (by document, else by name and date of birth, as the desk finds them).

use std::collections::BTreeSet;

use super::scenario::ScenarioTraveller;
use crate::audit::Decision;
use crate::manifest::Manifest;
use crate::manifest::screen::Screened;

#[derive(Debug, Clone)]
pub struct PreArrival {
    pub manifest: Manifest,
    /// List positions of the targets (never shown to the trainee before the debrief).
    targets: BTreeSet<usize>,
    marked: BTreeSet<usize>,
    closed: bool,
}

/// How the trainee did before landing.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PreArrivalScore {
    pub flight: String,
    pub travellers: usize,
    /// "#12 TIKRITI MOHAMMED YOUSSEF" for each target marked, missed, and each mark on a traveller
    /// who was not a target.
    pub found: Vec<String>,
    pub missed: Vec<String>,
    pub false_marks: Vec<String>,
}

impl PreArrivalScore {
    pub fn targets(&self) -> usize {
        self.found.len() + self.missed.len()
    }
}

impl PreArrival {
    /// The phase for `manifest`, with the targets among `queue` (the exercise's travellers).
    pub fn new(manifest: Manifest, queue: &[ScenarioTraveller]) -> Self {
        let listed: Vec<Screened> = manifest
            .travellers
            .iter()
            .enumerate()
            .map(|(index, t)| Screened { index, traveller: t.clone(), issues: Vec::new(), hits: Vec::new(), companion_of: Vec::new() })
            .collect();
        let day = crate::document_reading::fixed_check_day();
        let targets = queue
            .iter()
            .filter(|t| t.expected != Decision::Admit)
            .filter_map(|t| {
                let (presented, _) = crate::document_reading::fill_from_mrz(&t.presents, day);
                // Announced as presented: a swapped document or an impostor cannot be told from
                // the list before landing, only at the desk.
                crate::manifest::desk::announced_for(&[listed.as_slice()], &presented).filter(|m| m.same_traveller).map(|m| m.index)
            })
            .collect();
        Self { manifest, targets, marked: BTreeSet::new(), closed: false }
    }

    /// Not landed yet: marks can change and the desk is not open.
    pub fn is_open(&self) -> bool {
        !self.closed
    }

    /// Marks (or unmarks) list position `index` to be stopped on arrival. False once the phase
    /// is closed or for a position not on the list.
    pub fn set_marked(&mut self, index: usize, on: bool) -> bool {
        if self.closed || index >= self.manifest.travellers.len() {
            return false;
        }
        if on {
            self.marked.insert(index)
        } else {
            self.marked.remove(&index)
        };
        true
    }

    pub fn is_marked(&self, index: usize) -> bool {
        self.marked.contains(&index)
    }

    pub fn marked_count(&self) -> usize {
        self.marked.len()
    }

    /// The list positions marked to stop (0-based), in list order.
    pub fn marked(&self) -> impl Iterator<Item = usize> + '_ {
        self.marked.iter().copied()
    }

    /// The aircraft has landed: the marks are final.
    pub fn close(&mut self) {
        self.closed = true;
    }

    fn label(&self, index: usize) -> String {
        let t = &self.manifest.travellers[index];
        format!("#{} {} {}", index + 1, t.family_name, t.given_names).trim().to_owned()
    }

    pub fn score(&self) -> PreArrivalScore {
        let (found, missed): (Vec<usize>, Vec<usize>) = self.targets.iter().partition(|i| self.marked.contains(i));
        PreArrivalScore {
            flight: self.manifest.flight.clone(),
            travellers: self.manifest.travellers.len(),
            found: found.into_iter().map(|i| self.label(i)).collect(),
            missed: missed.into_iter().map(|i| self.label(i)).collect(),
            false_marks: self.marked.iter().filter(|i| !self.targets.contains(i)).map(|&i| self.label(i)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crate::audit::Decision;
    use crate::training::builtin::builtin_scenarios;
    use crate::training::{TrainingSession, parse_scenario};

    fn exercise() -> TrainingSession {
        let scenario =
            builtin_scenarios().iter().find(|s| s.manifest.is_some()).expect("a built-in scenario names a passenger list").clone();
        TrainingSession::new(scenario, "1234", Instant::now())
    }

    #[test]
    fn the_desk_waits_for_landing_and_the_debrief_scores_both_phases() {
        let mut s = exercise();
        let t0 = Instant::now();
        assert!(s.before_landing());
        assert!(s.current().is_none(), "no traveller at the desk before the flight lands");
        // The trainee marks TIKRITI (#1) and a clean passenger (#5), not HADDAD (#2).
        assert!(s.mark_for_stop(0, true));
        assert!(s.mark_for_stop(4, true));
        assert!(!s.mark_for_stop(10_000, true), "a position not on the list");
        s.land(t0);
        assert!(!s.mark_for_stop(1, true), "marks are final once landed");
        assert!(s.current().is_some(), "the desk is open");
        // P2 (HADDAD) admitted: missed at the desk too; P4 detained, P5 (the impostor) referred.
        while let Some(id) = s.current().map(|t| t.id.clone()) {
            let d = match id.as_str() {
                "P4" => Decision::Detain,
                "P5" => Decision::Secondary,
                _ => Decision::Admit,
            };
            s.decide(d, "", t0 + Duration::from_secs(10));
        }
        let debrief = s.debrief();
        let p = debrief.pre_arrival.as_ref().expect("scored before landing");
        assert_eq!(p.found, vec!["#1 TIKRITI MOHAMMED YOUSSEF".to_owned()]);
        assert_eq!(p.missed, vec!["#2 HADDAD KARIM".to_owned()]);
        assert_eq!(p.false_marks.len(), 1);
        // At the desk: P2 admitted (missed), P4 detained, P5 (the impostor) referred.
        assert_eq!(debrief.stopped_at_desk(), (2, 3));
        let [before, desk] = debrief.pre_arrival_summary().expect("summary");
        assert!(before.contains("1/2 targets marked") && before.contains("missed #2 HADDAD KARIM"), "{before}");
        assert_eq!(desk, "At the desk: 2/3 targets stopped");
        assert!(debrief.to_html().contains("Pre-arrival") && debrief.to_csv().contains("pre_arrival_flight"));
    }

    #[test]
    fn an_exercise_ended_before_landing_reached_nobody() {
        let mut s = exercise();
        s.end();
        let debrief = s.debrief();
        assert_eq!(debrief.totals().not_reached, debrief.rows.len());
        assert!(debrief.pre_arrival.is_some());
    }

    #[test]
    fn a_passenger_list_that_does_not_exist_is_an_error_naming_the_field() {
        let text = include_str!("../../sample_data/scenarios/pre-arrival-xy123.ron").replace("xy123-ist-uto.edi", "nope.edi");
        let e = parse_scenario(&text, "s.ron").expect_err("unknown list");
        assert_eq!(e.problems[0].field.as_deref(), Some("manifest"));
        assert!(e.problems[0].line > 1 && e.problems[0].message.contains("nope.edi"), "{}", e.problems[0]);
    }

    #[test]
    fn a_passenger_list_path_outside_the_scenario_folder_is_refused() {
        let dir = std::env::temp_dir().join(format!("bc-pre-arrival-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("inner")).unwrap();
        std::fs::write(dir.join("outside.csv"), include_str!("../../sample_data/manifests/xy456-fra-uto.csv")).unwrap();
        let text = include_str!("../../sample_data/scenarios/pre-arrival-xy123.ron")
            .replace("Builtin(\"xy123-ist-uto.edi\")", "Path(\"../outside.csv\")");
        std::fs::write(dir.join("inner/s.ron"), &text).unwrap();
        let e = crate::training::load_scenario_file(&dir.join("inner/s.ron")).expect_err("outside the folder");
        assert_eq!(e.problems[0].field.as_deref(), Some("manifest"), "{}", e.problems[0]);
        // Inside the folder it is read.
        std::fs::write(dir.join("inner/list.csv"), include_str!("../../sample_data/manifests/xy456-fra-uto.csv")).unwrap();
        std::fs::write(dir.join("inner/s.ron"), text.replace("../outside.csv", "list.csv")).unwrap();
        let s = crate::training::load_scenario_file(&dir.join("inner/s.ron")).expect("inside the folder");
        assert_eq!(s.manifest_list.map(|m| m.travellers.len()), Some(5));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
