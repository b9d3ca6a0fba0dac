//! The class as the instructor's laptop holds it: joins, decisions, incidents, pause and end,
//! the console and the debrief. No networking here (see `server`): every rule is tested by
//! calling these methods. Time is passed in (seconds on the host's clock) so tests replay.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::store::{ClassStore, StoredDecision};
use super::{
    ClassDebrief, Console, ConsoleRow, DecisionAck, DecisionPost, IncidentPost, JoinReply, TraineeState, TraineeTraveller, TravellerResult,
};
use crate::audit::Decision;
use crate::training::scenario::{DatasetRef, Scenario, ScenarioTraveller};

/// Why the host refused a request (the server maps each to an HTTP status).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HostError {
    #[error("wrong join code or token")]
    Unauthorized,
    #[error("too many wrong join codes from this address: wait {0} s")]
    RateLimited(u64),
    #[error("{0}")]
    BadRequest(String),
    #[error("the exercise has ended")]
    Ended,
    #[error("{0}")]
    Internal(String),
}

/// Wrong join codes allowed from one address before each next try must wait (2, 4 … 300 s).
const FREE_WRONG_CODES: u32 = 5;
/// A trainee not heard from for this long shows as disconnected.
const CONNECTED_WITHIN_S: f64 = 10.0;

pub struct ClassHost {
    store: ClassStore,
    title: String,
    post: String,
    dataset: String,
    /// The scenario's dataset file, served to trainees (none for the built-in demo).
    dataset_file: Option<std::path::PathBuf>,
    queue: Vec<ScenarioTraveller>,
    code: String,
    instructor_token: String,
    last_seen: HashMap<String, f64>,
    wrong_codes: HashMap<IpAddr, (u32, f64)>,
}

fn hash(text: &str) -> String {
    crate::audit::key::hex(&Sha256::digest(text.as_bytes()))
}

fn random_hex(bytes: usize) -> Result<String, HostError> {
    let mut b = vec![0u8; bytes];
    getrandom::fill(&mut b).map_err(|e| HostError::Internal(format!("no randomness: {e}")))?;
    Ok(crate::audit::key::hex(&b))
}

/// A join code that is easy to read off a projector: no 0/O, 1/I/L.
fn new_code() -> Result<String, HostError> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut b = [0u8; 6];
    getrandom::fill(&mut b).map_err(|e| HostError::Internal(format!("no randomness: {e}")))?;
    Ok(b.iter().map(|x| ALPHABET[usize::from(*x) % ALPHABET.len()] as char).collect())
}

impl ClassHost {
    /// Opens the class kept in `db`: a new class for `scenario` (join code `code`, or a new
    /// one), or, when the file already holds this scenario's class, that class resumed with its
    /// code, token, trainees and decisions. Returns whether it was resumed.
    pub fn open(db: &Path, scenario: &Scenario, scenario_source: &str, code: Option<&str>) -> Result<(Self, bool), HostError> {
        let store = ClassStore::open(db).map_err(HostError::Internal)?;
        let resumed = match store.meta("scenario").map_err(HostError::Internal)? {
            Some(source) if source != scenario_source => {
                return Err(HostError::BadRequest(format!(
                    "{} holds the class for {source}, not {scenario_source}: use another class file",
                    db.display()
                )));
            }
            Some(_) => true,
            None => false,
        };
        if !resumed {
            let code = match code {
                Some(c) if !c.trim().is_empty() => c.trim().to_uppercase(),
                _ => new_code()?,
            };
            store.set_meta("scenario", scenario_source).map_err(HostError::Internal)?;
            store.set_meta("code", &code).map_err(HostError::Internal)?;
            // Kept in clear in the host's own file: a restarted host prints it again.
            store.set_meta("instructor_token", &random_hex(16)?).map_err(HostError::Internal)?;
        }
        let get = |k: &str| store.meta(k).map_err(HostError::Internal).map(Option::unwrap_or_default);
        let (code, instructor_token) = (get("code")?, get("instructor_token")?);
        let session = crate::training::session::TrainingSession::new(scenario.clone(), "", std::time::Instant::now());
        let dataset = match &scenario.dataset {
            DatasetRef::Builtin => "builtin".to_owned(),
            DatasetRef::Path(p) => Path::new(p).file_name().map_or_else(|| p.clone(), |n| n.to_string_lossy().into_owned()),
        };
        // The file the host will serve on the network: only one inside the scenario's folder
        // (symlinks resolved), never `../../etc/passwd`.
        let dataset_file = match (&scenario.dataset, &scenario.base_dir) {
            (DatasetRef::Path(p), Some(dir)) => Some(
                crate::dataset::safe_read::resolve_inside(dir, p)
                    .map_err(|e| HostError::BadRequest(format!("{scenario_source}: dataset: {e}")))?,
            ),
            _ => None,
        };
        let host = Self {
            dataset_file,
            store,
            title: scenario.title.clone(),
            post: scenario.post.label().to_owned(),
            dataset,
            queue: session.queue().to_vec(),
            code,
            instructor_token,
            last_seen: HashMap::new(),
            wrong_codes: HashMap::new(),
        };
        Ok((host, resumed))
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn instructor_token(&self) -> &str {
        &self.instructor_token
    }

    pub fn travellers(&self) -> usize {
        self.queue.len()
    }

    fn flag(&self, key: &str) -> bool {
        self.store.meta(key).ok().flatten().is_some_and(|v| v == "1")
    }

    pub fn is_ended(&self) -> bool {
        self.flag("ended")
    }

    /// Checks the instructor token (the server calls this before every instructor request).
    pub fn is_instructor(&self, token: &str) -> bool {
        !token.is_empty() && hash(token) == hash(&self.instructor_token)
    }

    /// A trainee joins, or rejoins with the same name and continues where it was.
    pub fn join(&mut self, name: &str, code: &str, peer: IpAddr, now: f64) -> Result<JoinReply, HostError> {
        if let Some(&(wrong, until)) = self.wrong_codes.get(&peer)
            && wrong >= FREE_WRONG_CODES
            && now < until
        {
            return Err(HostError::RateLimited((until - now).ceil() as u64));
        }
        if code.trim().to_uppercase() != self.code {
            let entry = self.wrong_codes.entry(peer).or_insert((0, now));
            entry.0 += 1;
            if entry.0 >= FREE_WRONG_CODES {
                let wait = 2f64.powi((entry.0 - FREE_WRONG_CODES + 1).min(9) as i32).min(300.0);
                entry.1 = now + wait;
            }
            return Err(HostError::Unauthorized);
        }
        self.wrong_codes.remove(&peer);
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 40 || name.chars().any(char::is_control) {
            return Err(HostError::BadRequest("an officer name of 1 to 40 printable characters is needed".into()));
        }
        let token = random_hex(16)?;
        self.store.add_trainee(name, &hash(&token), now).map_err(HostError::Internal)?;
        self.last_seen.insert(name.to_owned(), now);
        let travellers = self
            .queue
            .iter()
            .enumerate()
            .map(|(i, t)| TraineeTraveller { number: i + 1, cover_story: t.cover_story.clone(), presents: t.presents.clone() })
            .collect();
        Ok(JoinReply {
            token,
            name: name.to_owned(),
            title: self.title.clone(),
            post: self.post.clone(),
            dataset: self.dataset.clone(),
            travellers,
            next: self.progress_of(name)?.1,
        })
    }

    /// Where the scenario's dataset file is, for a trainee's terminal (inside the scenario's
    /// folder: checked when the class was opened). The caller reads it outside the host's lock:
    /// it can be large.
    pub fn dataset_file(&self, token: &str) -> Result<std::path::PathBuf, HostError> {
        self.trainee(token)?;
        self.dataset_file
            .clone()
            .ok_or_else(|| HostError::BadRequest("this class uses the built-in demo dataset every terminal has".into()))
    }

    /// The trainee a token belongs to.
    pub fn trainee(&self, token: &str) -> Result<String, HostError> {
        if token.is_empty() {
            return Err(HostError::Unauthorized);
        }
        self.store.trainee_of(&hash(token)).map_err(HostError::Internal)?.ok_or(HostError::Unauthorized)
    }

    /// The travellers `name` decided, and the first one still to decide (1-based).
    fn progress_of(&self, name: &str) -> Result<(usize, usize), HostError> {
        let decided = self.store.decided_by(name).map_err(HostError::Internal)?;
        let next = (1..=self.queue.len()).find(|n| !decided.contains(n)).unwrap_or(self.queue.len() + 1);
        Ok((decided.len(), next))
    }

    /// Records a trainee's decisions; a traveller already decided by this trainee is a resend.
    pub fn decide(&mut self, token: &str, posts: &[DecisionPost], now: f64) -> Result<DecisionAck, HostError> {
        let name = self.trainee(token)?;
        if self.is_ended() {
            return Err(HostError::Ended);
        }
        self.last_seen.insert(name.clone(), now);
        let mut ack = DecisionAck::default();
        for p in posts {
            if p.traveller == 0 || p.traveller > self.queue.len() || !p.seconds.is_finite() || p.seconds < 0.0 || p.remark.len() > 4096 {
                return Err(HostError::BadRequest(format!("traveller {}: not in this exercise or a bad field", p.traveller)));
            }
            let stored = StoredDecision {
                trainee: name.clone(),
                traveller: p.traveller,
                decision: p.decision,
                remark: p.remark.clone(),
                seconds: p.seconds,
            };
            if self.store.add_decision(&stored, now).map_err(HostError::Internal)? {
                ack.accepted += 1;
            } else {
                ack.duplicates += 1;
            }
        }
        Ok(ack)
    }

    /// A trainee's own state (its terminal polls this; it also counts as being connected).
    pub fn state(&mut self, token: &str, now: f64) -> Result<TraineeState, HostError> {
        let name = self.trainee(token)?;
        self.last_seen.insert(name.clone(), now);
        let incidents = self
            .store
            .incidents()
            .map_err(HostError::Internal)?
            .into_iter()
            .filter(|(to, _)| to.as_ref().is_none_or(|t| *t == name))
            .map(|(_, k)| k)
            .collect();
        let (decided, next) = self.progress_of(&name)?;
        Ok(TraineeState { decided, next, name, paused: self.flag("paused"), ended: self.is_ended(), incidents })
    }

    pub fn incident(&mut self, post: &IncidentPost) -> Result<(), HostError> {
        if let Some(to) = &post.to
            && !self.store.trainees().map_err(HostError::Internal)?.contains(to)
        {
            return Err(HostError::BadRequest(format!("no trainee named {to}")));
        }
        match post.kind {
            Some(kind) => self.store.add_incident(post.to.as_deref(), kind),
            None => self.store.clear_incidents(post.to.as_deref()),
        }
        .map_err(HostError::Internal)
    }

    pub fn set_paused(&mut self, paused: bool) -> Result<(), HostError> {
        self.store.set_meta("paused", if paused { "1" } else { "0" }).map_err(HostError::Internal)
    }

    pub fn end(&mut self) -> Result<(), HostError> {
        self.store.set_meta("ended", "1").map_err(HostError::Internal)
    }

    fn is_correct(&self, d: &StoredDecision) -> bool {
        self.queue.get(d.traveller - 1).is_some_and(|t| t.expected == d.decision || t.also_accept.iter().any(|a| a.decision == d.decision))
    }

    fn row_for(&self, name: &str, decided: &[&StoredDecision], now: f64) -> ConsoleRow {
        let expected = |d: &StoredDecision| self.queue.get(d.traveller - 1).map(|t| t.expected);
        let wrong = |d: &&&StoredDecision| !self.is_correct(d);
        ConsoleRow {
            name: name.to_owned(),
            connected: self.last_seen.get(name).is_some_and(|t| now - t <= CONNECTED_WITHIN_S),
            current: (1..=self.queue.len()).find(|n| !decided.iter().any(|d| d.traveller == *n)).unwrap_or(self.queue.len() + 1),
            decided: decided.len(),
            correct: decided.iter().filter(|d| self.is_correct(d)).count(),
            missed: decided.iter().filter(wrong).filter(|d| d.decision == Decision::Admit && expected(d) != Some(Decision::Admit)).count(),
            false_alarms: decided
                .iter()
                .filter(wrong)
                .filter(|d| d.decision != Decision::Admit && expected(d) == Some(Decision::Admit))
                .count(),
            mean_seconds: if decided.is_empty() { 0.0 } else { decided.iter().map(|d| d.seconds).sum::<f64>() / decided.len() as f64 },
        }
    }

    /// The instructor console: one row per trainee, live.
    pub fn console(&self, now: f64) -> Result<Console, HostError> {
        let all = self.store.decisions().map_err(HostError::Internal)?;
        let rows = self
            .store
            .trainees()
            .map_err(HostError::Internal)?
            .iter()
            .map(|name| self.row_for(name, &all.iter().filter(|d| d.trainee == *name).collect::<Vec<_>>(), now))
            .collect();
        let incidents = self
            .store
            .incidents()
            .map_err(HostError::Internal)?
            .into_iter()
            .map(|(to, k)| format!("{} (for {})", k.label(), to.unwrap_or_else(|| "all".into())))
            .collect();
        Ok(Console {
            title: self.title.clone(),
            travellers: self.queue.len(),
            paused: self.flag("paused"),
            ended: self.is_ended(),
            incidents,
            rows,
        })
    }

    /// The class debrief: per traveller the share of the class that decided right, hardest
    /// first; per trainee the scores.
    pub fn debrief(&self, now: f64) -> Result<ClassDebrief, HostError> {
        let all = self.store.decisions().map_err(HostError::Internal)?;
        let mut travellers: Vec<TravellerResult> = self
            .queue
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let on_this: Vec<&StoredDecision> = all.iter().filter(|d| d.traveller == i + 1).collect();
                let right = on_this.iter().filter(|d| self.is_correct(d)).count();
                TravellerResult {
                    number: i + 1,
                    id: t.id.clone(),
                    expected: t.expected,
                    decided: on_this.len(),
                    share_right: if on_this.is_empty() { 0.0 } else { right as f64 / on_this.len() as f64 },
                    teaching_note: t.teaching_note.clone(),
                }
            })
            .collect();
        travellers.sort_by(|a, b| a.share_right.total_cmp(&b.share_right).then(a.number.cmp(&b.number)));
        Ok(ClassDebrief { title: self.title.clone(), travellers, trainees: self.console(now)?.rows })
    }
}
