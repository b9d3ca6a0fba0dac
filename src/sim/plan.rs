//! Decides, before a query runs, how each link will behave for it. Pure function of the
//! seed, the query's sequence number and the source, so a replayed session is identical.

use std::time::Duration;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::network::{Fault, NetworkProfile};
use crate::engine::SourceId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlannedOutcome {
    Answer,
    Error(String),
    Timeout,
    Offline,
    Hang,
    Panic,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// When the answer (or error) arrives, counted from dispatch.
    pub delay: Duration,
    pub outcome: PlannedOutcome,
}

const NETWORK_ERRORS: &[&str] = &["connection reset by peer", "TLS handshake failed", "gateway returned 503", "NCB relay unreachable"];

pub fn plan(seed: u64, query_seq: u64, source: SourceId, profile: &NetworkProfile) -> Plan {
    let stream = query_seq.wrapping_mul(2).wrapping_add(source as u64);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    let spread = f64::from(profile.latency_spread_ms);
    let latency_ms =
        (f64::from(profile.latency_mean_ms) + rng.random_range(-1.0..=1.0) * spread).max(0.0) * f64::from(profile.latency_factor.max(0.0));
    let error_roll: f32 = rng.random();
    let error_pick = rng.random_range(0..NETWORK_ERRORS.len());
    let delay = Duration::from_micros((latency_ms * 1000.0) as u64);
    let timeout = Duration::from_millis(u64::from(profile.timeout_ms));
    let outcome = if profile.offline {
        PlannedOutcome::Offline
    } else if profile.fault == Fault::Hang {
        PlannedOutcome::Hang
    } else if profile.fault == Fault::Panic {
        PlannedOutcome::Panic
    } else if delay > timeout {
        PlannedOutcome::Timeout
    } else if error_roll < profile.error_rate {
        PlannedOutcome::Error(NETWORK_ERRORS[error_pick].into())
    } else {
        PlannedOutcome::Answer
    };
    let delay = match outcome {
        PlannedOutcome::Offline => Duration::ZERO,
        PlannedOutcome::Timeout => timeout,
        _ => delay,
    };
    Plan { delay, outcome }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_plan_and_seeds_differ() {
        let p = NetworkProfile { error_rate: 0.3, ..NetworkProfile::default() };
        let a: Vec<_> = (0..50).map(|q| plan(7, q, SourceId::Interpol, &p)).collect();
        let b: Vec<_> = (0..50).map(|q| plan(7, q, SourceId::Interpol, &p)).collect();
        let c: Vec<_> = (0..50).map(|q| plan(8, q, SourceId::Interpol, &p)).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().any(|p| matches!(p.outcome, PlannedOutcome::Error(_))));
        assert!(a.iter().all(|p| p.delay <= Duration::from_millis(300)));
    }

    #[test]
    fn offline_and_slow_links() {
        let off = NetworkProfile { offline: true, ..NetworkProfile::default() };
        assert_eq!(plan(1, 1, SourceId::National, &off).outcome, PlannedOutcome::Offline);
        let slow = NetworkProfile { latency_mean_ms: 9_000, latency_spread_ms: 0, timeout_ms: 1_000, ..NetworkProfile::default() };
        let p = plan(1, 1, SourceId::National, &slow);
        assert_eq!((p.outcome, p.delay), (PlannedOutcome::Timeout, Duration::from_secs(1)));
    }
}
