//! A running exercise: the traveller queue, scripted and injected incidents, and what the
//! trainee did with each traveller. Time is passed in, so a scripted replay is exact.

use std::time::{Duration, Instant};

use super::debrief::{Debrief, DebriefRow};
use super::scenario::{IncidentKind, Scenario, ScenarioTraveller};
use crate::audit::Decision;
use crate::sim::SimSettings;

#[derive(Debug, Clone, PartialEq)]
pub struct TravellerOutcome {
    pub id: String,
    pub decision: Option<Decision>,
    pub remark: String,
    pub seconds: f64,
    pub queried: bool,
    /// Record ids of every hit the queries returned.
    pub hits_available: Vec<String>,
    /// Record ids the trainee opened in the detail view.
    pub hits_opened: Vec<String>,
    pub confirmation_requested: bool,
    /// A hit needing its owning country's confirmation was among the results.
    pub needs_confirmation: bool,
    pub skipped: bool,
    /// Incidents active while this traveller was processed.
    pub incidents: Vec<String>,
}

#[derive(Debug)]
pub struct TrainingSession {
    pub scenario: Scenario,
    queue: Vec<ScenarioTraveller>,
    current: usize,
    outcomes: Vec<TravellerOutcome>,
    started: Option<Instant>,
    paused_at: Option<Instant>,
    paused_total: Duration,
    injected: Vec<IncidentKind>,
    pin: PinLock,
    ended: bool,
    /// The passenger list worked before the desk opens, when the scenario names one.
    pre_arrival: Option<super::PreArrival>,
}

/// The instructor PIN, never kept in clear: a salted SHA-256, and a growing wait after wrong
/// guesses so a trainee cannot try PINs one after another.
#[derive(Debug, Clone)]
struct PinLock {
    salt: [u8; 16],
    hash: [u8; 32],
    failures: u32,
    wait_until: Option<Instant>,
}

/// Why a PIN was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinRefusal {
    Wrong,
    /// Too many wrong PINs: try again after this long.
    Wait(Duration),
}

impl std::fmt::Display for PinRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Wrong => write!(f, "Wrong PIN"),
            Self::Wait(d) => write!(f, "Too many wrong PINs: try again in {} s", d.as_secs().max(1)),
        }
    }
}

/// Wrong guesses allowed before the wait starts; the wait then doubles (2, 4, 8 … 300 s).
const FREE_TRIES: u32 = 3;
const MAX_WAIT: Duration = Duration::from_secs(300);

impl PinLock {
    fn new(pin: &str) -> Self {
        // The salt only has to differ between sessions; it never affects a replay.
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let mut salt = [0u8; 16];
        salt.copy_from_slice(&nanos.to_le_bytes());
        Self { salt, hash: Self::digest(&salt, pin), failures: 0, wait_until: None }
    }

    fn digest(salt: &[u8; 16], pin: &str) -> [u8; 32] {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(salt);
        h.update(pin.as_bytes());
        h.finalize().into()
    }

    fn check(&mut self, pin: &str, now: Instant) -> Result<(), PinRefusal> {
        if let Some(until) = self.wait_until
            && now < until
        {
            return Err(PinRefusal::Wait(until - now));
        }
        if !pin.is_empty() && Self::digest(&self.salt, pin) == self.hash {
            self.failures = 0;
            self.wait_until = None;
            return Ok(());
        }
        self.failures += 1;
        if self.failures >= FREE_TRIES {
            let wait = Duration::from_secs(1u64 << (self.failures - FREE_TRIES + 1).min(9)).min(MAX_WAIT);
            self.wait_until = Some(now + wait);
        }
        Err(PinRefusal::Wrong)
    }
}

impl TrainingSession {
    /// Builds the queue: scripted travellers in order, random clean travellers mixed in by seed.
    pub fn new(scenario: Scenario, pin: &str, now: Instant) -> Self {
        let mut queue = scenario.travellers.clone();
        if let Some(fill) = scenario.random_fill {
            let planted =
                crate::generate::planted::planted_cases().iter().filter(|c| crate::generate::planted::planted_mrz(c).is_some()).count() + 1;
            let extra = crate::generate::travellers::traveller_list(fill.seed, planted + fill.count);
            for (k, input) in extra.into_iter().skip(planted).enumerate() {
                let at = ((k + 1) * (queue.len() + 1) / (fill.count + 1)).min(queue.len());
                queue.insert(
                    at,
                    ScenarioTraveller {
                        id: format!("R{}", k + 1),
                        cover_story: "Returning from a holiday.".into(),
                        presents: input,
                        photo: None,
                        expected: Decision::Admit,
                        expected_hits: Vec::new(),
                        teaching_note: "Random clean traveller: admit without delay.".into(),
                        also_accept: Vec::new(),
                    },
                );
            }
        }
        let outcomes = queue
            .iter()
            .map(|t| TravellerOutcome {
                id: t.id.clone(),
                decision: None,
                remark: String::new(),
                seconds: 0.0,
                queried: false,
                hits_available: Vec::new(),
                hits_opened: Vec::new(),
                confirmation_requested: false,
                needs_confirmation: false,
                skipped: false,
                incidents: Vec::new(),
            })
            .collect();
        let pre_arrival = scenario.manifest_list.clone().map(|list| super::PreArrival::new(*list, &queue));
        Self {
            pre_arrival,
            scenario,
            queue,
            current: 0,
            outcomes,
            started: Some(now),
            paused_at: None,
            paused_total: Duration::ZERO,
            injected: Vec::new(),
            pin: PinLock::new(pin),
            ended: false,
        }
    }

    /// Checks the instructor PIN at `now`; wrong guesses make the next try wait longer.
    pub fn check_pin(&mut self, pin: &str, now: Instant) -> Result<(), PinRefusal> {
        self.pin.check(pin, now)
    }

    pub fn is_finished(&self) -> bool {
        self.ended || self.current >= self.queue.len()
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// 1-based number of the traveller at the booth.
    pub fn number(&self) -> usize {
        self.current + 1
    }

    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    pub fn waiting(&self) -> usize {
        self.queue.len().saturating_sub(self.current + 1)
    }

    /// The whole queue: scripted travellers with the random clean ones mixed in.
    pub fn queue(&self) -> &[ScenarioTraveller] {
        &self.queue
    }

    /// The traveller at the desk: none before landing (pre-arrival phase) or after the end.
    pub fn current(&self) -> Option<&ScenarioTraveller> {
        if self.is_finished() || self.before_landing() { None } else { self.queue.get(self.current) }
    }

    /// The pre-arrival phase is open: the trainee works the passenger list, the desk waits.
    pub fn before_landing(&self) -> bool {
        !self.ended && !self.desk_opened()
    }

    /// The desk has opened: at once without a pre-arrival phase, else on landing (an exercise
    /// ended before landing never opened it).
    fn desk_opened(&self) -> bool {
        self.pre_arrival.as_ref().is_none_or(|p| !p.is_open())
    }

    pub fn pre_arrival(&self) -> Option<&super::PreArrival> {
        self.pre_arrival.as_ref()
    }

    /// Marks or unmarks passenger-list position `index` to be stopped on arrival; false when
    /// there is no open pre-arrival phase.
    pub fn mark_for_stop(&mut self, index: usize, on: bool) -> bool {
        self.before_landing() && self.pre_arrival.as_mut().is_some_and(|p| p.set_marked(index, on))
    }

    /// The aircraft has landed: the marks are final and the desk opens, its clock starting now.
    pub fn land(&mut self, now: Instant) {
        if !self.before_landing() {
            return;
        }
        if let Some(p) = self.pre_arrival.as_mut() {
            p.close();
            self.started = Some(now);
            self.paused_total = Duration::ZERO;
        }
    }

    pub fn outcomes(&self) -> &[TravellerOutcome] {
        &self.outcomes
    }

    /// The expected decision for each queued traveller (instructor view only).
    pub fn expected(&self) -> impl Iterator<Item = Decision> + '_ {
        self.queue.iter().map(|t| t.expected)
    }

    /// Incidents active for the current traveller: scripted ones for its number, plus injected ones.
    pub fn active_incidents(&self) -> Vec<IncidentKind> {
        let n = self.number();
        let mut active: Vec<IncidentKind> =
            self.scenario.incidents.iter().filter(|i| (i.from_traveller..=i.to_traveller).contains(&n)).map(|i| i.kind).collect();
        active.extend(self.injected.iter().copied());
        active
    }

    /// The network the current traveller's queries run over.
    pub fn sim_for_current(&self, base: &SimSettings) -> SimSettings {
        let mut sim = *base;
        for incident in self.active_incidents() {
            match incident {
                IncidentKind::Offline(s) => sim.profile_mut(s).offline = true,
                IncidentKind::LatencySpike(s, f) => sim.profile_mut(s).latency_factor *= f,
                IncidentKind::Errors(s, r) => sim.profile_mut(s).error_rate = r,
            }
        }
        sim
    }

    pub fn seconds_on_current(&self, now: Instant) -> f64 {
        let Some(started) = self.started else { return 0.0 };
        let paused = self.paused_total + self.paused_at.map_or(Duration::ZERO, |p| now.saturating_duration_since(p));
        now.saturating_duration_since(started).saturating_sub(paused).as_secs_f64()
    }

    fn outcome(&mut self) -> Option<&mut TravellerOutcome> {
        if self.is_finished() || self.before_landing() { None } else { self.outcomes.get_mut(self.current) }
    }

    /// The result of the traveller's query: its record ids, and whether one of them needs its
    /// owning country's confirmation (only then is a detention "without confirmation" a fault).
    pub fn record_query(&mut self, hit_ids: impl IntoIterator<Item = String>, needs_confirmation: bool) {
        let labels: Vec<String> = self.active_incidents().iter().map(|i| i.label()).collect();
        if let Some(o) = self.outcome() {
            o.queried = true;
            o.needs_confirmation |= needs_confirmation;
            for id in hit_ids {
                if !o.hits_available.contains(&id) {
                    o.hits_available.push(id);
                }
            }
            for l in labels {
                if !o.incidents.contains(&l) {
                    o.incidents.push(l);
                }
            }
        }
    }

    pub fn record_opened(&mut self, record_id: &str) {
        if let Some(o) = self.outcome()
            && !o.hits_opened.iter().any(|h| h == record_id)
        {
            o.hits_opened.push(record_id.to_owned());
        }
    }

    pub fn record_confirmation(&mut self) {
        if let Some(o) = self.outcome() {
            o.confirmation_requested = true;
        }
    }

    fn advance(&mut self, now: Instant) {
        self.current += 1;
        self.started = Some(now);
        self.paused_total = Duration::ZERO;
        if self.paused_at.is_some() {
            self.paused_at = Some(now);
        }
    }

    /// Records the decision on the current traveller and calls the next one.
    pub fn decide(&mut self, decision: Decision, remark: &str, now: Instant) {
        let seconds = self.seconds_on_current(now);
        if let Some(o) = self.outcome() {
            o.decision = Some(decision);
            remark.clone_into(&mut o.remark);
            o.seconds = seconds;
            self.advance(now);
        }
    }

    // Instructor controls.
    pub fn skip(&mut self, now: Instant) {
        let seconds = self.seconds_on_current(now);
        if let Some(o) = self.outcome() {
            o.skipped = true;
            o.seconds = seconds;
            self.advance(now);
        }
    }

    pub fn set_paused(&mut self, paused: bool, now: Instant) {
        match (paused, self.paused_at) {
            (true, None) => self.paused_at = Some(now),
            (false, Some(at)) => {
                self.paused_total += now.saturating_duration_since(at);
                self.paused_at = None;
            }
            _ => {}
        }
    }

    pub fn inject(&mut self, incident: IncidentKind) {
        self.injected.push(incident);
    }

    pub fn clear_injected(&mut self) {
        self.injected.clear();
    }

    pub fn end(&mut self) {
        self.ended = true;
    }

    pub fn debrief(&self) -> Debrief {
        let rows = self
            .queue
            .iter()
            .zip(&self.outcomes)
            .enumerate()
            .map(|(i, (t, o))| DebriefRow {
                number: i + 1,
                id: t.id.clone(),
                cover_story: t.cover_story.clone(),
                expected: t.expected,
                actual: o.decision,
                seconds: o.seconds,
                expected_hits: t.expected_hits.clone(),
                hits_available: o.hits_available.clone(),
                hits_opened: o.hits_opened.clone(),
                confirmation_requested: o.confirmation_requested,
                remark: o.remark.clone(),
                teaching_note: t.teaching_note.clone(),
                incidents: o.incidents.clone(),
                skipped: o.skipped,
                also_accepted: t.also_accept.iter().map(|a| (a.decision, a.note.clone())).collect(),
                needs_confirmation: o.needs_confirmation,
                // Travellers after the one at the desk when the exercise ended were never called
                // (none, if it ended before landing).
                reached: i <= self.current && self.desk_opened(),
            })
            .collect();
        Debrief { title: self.scenario.title.clone(), rows, pre_arrival: self.pre_arrival.as_ref().map(super::PreArrival::score) }
    }
}
