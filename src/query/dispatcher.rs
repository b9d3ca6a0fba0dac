//! Sends a query to both sources at once, each on its own named worker thread, and streams
//! their answers back over one bounded channel, waking the caller (the UI passes `request_repaint`).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, bounded};

use super::input::Query;
use super::run::{QueryRun, SourceState};
use crate::engine::{Engine, MatchOptions, SourceId};
use crate::sim::{PlannedOutcome, SimSettings, plan};

pub type Wake = Arc<dyn Fn() + Send + Sync>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QueryId(pub u64);

#[derive(Debug, Clone)]
pub struct QueryEvent {
    pub query: QueryId,
    pub source: SourceId,
    /// How the source finished (never `Pending`).
    pub outcome: SourceState,
}

/// Enough room for many queries' answers; a full channel only slows workers, never the UI.
pub const EVENT_CAPACITY: usize = 256;

pub struct Dispatcher {
    tx: Sender<QueryEvent>,
    rx: Receiver<QueryEvent>,
    wake: Wake,
    next_seq: u64,
}

impl Dispatcher {
    pub fn new(wake: Wake) -> Self {
        let (tx, rx) = bounded(EVENT_CAPACITY);
        Self { tx, rx, wake, next_seq: 1 }
    }

    /// Queries sent so far: with the seed, this fixes every simulated outcome.
    pub fn sequence(&self) -> u64 {
        self.next_seq
    }

    pub fn reset_sequence(&mut self) {
        self.next_seq = 1;
    }

    pub fn events(&self) -> &Receiver<QueryEvent> {
        &self.rx
    }

    /// Starts the query on both sources and returns its state, to be updated with `events()`.
    pub fn submit(&mut self, engine: &Arc<Engine>, query: Query, sim: &SimSettings, options: MatchOptions) -> QueryRun {
        let id = QueryId(self.next_seq);
        self.next_seq += 1;
        let run = QueryRun::new(id, query.clone(), sim);
        let query = Arc::new(query);
        for source in SourceId::ALL {
            let profile = *sim.profile(source);
            let planned = plan(sim.seed, id.0, source, &profile);
            let local_copy = (source == SourceId::Interpol && sim.local_copy.enabled).then_some(sim.local_copy.age_hours);
            let (engine, query, tx, wake) = (Arc::clone(engine), Arc::clone(&query), self.tx.clone(), Arc::clone(&self.wake));
            let started = run.started;
            let spawned =
                std::thread::Builder::new().name(format!("source-{}-q{}", source.short().to_lowercase(), id.0)).spawn(move || {
                    let outcome =
                        catch_unwind(AssertUnwindSafe(|| serve(&engine, source, &query, &options, &planned, started, local_copy)))
                            .unwrap_or_else(|_| {
                                Some(SourceState::Failed { reason: "source crashed while answering".into(), after: started.elapsed() })
                            });
                    if let Some(outcome) = outcome {
                        // The receiver may be gone (app closing); nothing left to tell then.
                        let _ = tx.send(QueryEvent { query: id, source, outcome });
                        wake();
                    }
                });
            if let Err(e) = spawned {
                let _ = self.tx.try_send(QueryEvent {
                    query: id,
                    source,
                    outcome: SourceState::Failed { reason: format!("cannot start worker: {e}"), after: Duration::ZERO },
                });
            }
        }
        run
    }
}

/// Runs on the worker: search, then wait out the simulated network. None = never answers (hang).
fn serve(
    engine: &Engine,
    source: SourceId,
    query: &Query,
    options: &MatchOptions,
    planned: &crate::sim::Plan,
    started: Instant,
    local_copy: Option<u32>,
) -> Option<SourceState> {
    let wait_until = |t: Duration| {
        let elapsed = started.elapsed();
        if t > elapsed {
            std::thread::sleep(t - elapsed);
        }
    };
    match &planned.outcome {
        PlannedOutcome::Offline => Some(match local_copy {
            Some(age_hours) => SourceState::LocalCopy { hits: engine.interpol.search_local_copy(query, options, age_hours), age_hours },
            None => SourceState::Offline,
        }),
        PlannedOutcome::Hang => {
            std::thread::sleep(Duration::from_secs(3600));
            None
        }
        PlannedOutcome::Panic => panic!("injected fault: {} source crashed", source.short()),
        PlannedOutcome::Timeout => {
            wait_until(planned.delay);
            Some(SourceState::TimedOut { after: planned.delay })
        }
        PlannedOutcome::Error(reason) => {
            wait_until(planned.delay);
            Some(SourceState::Failed { reason: reason.clone(), after: planned.delay })
        }
        PlannedOutcome::Answer => {
            let hits = engine.search(source, query, options);
            wait_until(planned.delay);
            Some(SourceState::Answered { hits, latency: started.elapsed() })
        }
    }
}

impl Dispatcher {
    /// Blocks until the run is complete (CLI, batch, tests). The UI never calls this.
    pub fn wait(&self, run: &mut QueryRun) {
        while !run.is_complete() {
            match self.rx.recv_timeout(Duration::from_millis(50)) {
                Ok(event) => {
                    run.apply(event);
                }
                Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
                Err(crossbeam_channel::RecvTimeoutError::Disconnected) => break,
            }
            run.check_timeouts(Instant::now());
        }
    }
}
