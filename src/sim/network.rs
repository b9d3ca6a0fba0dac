//! Settings of the simulated links, as a trainer sets them.

use serde::{Deserialize, Serialize};

use crate::engine::SourceId;

/// A fault a trainer injects to show that one source never blocks the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Fault {
    #[default]
    None,
    /// The source never answers (the dispatcher's watchdog times it out).
    Hang,
    /// The source's worker crashes mid-query.
    Panic,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetworkProfile {
    pub latency_mean_ms: u32,
    /// Latency is drawn uniformly from mean ± spread.
    pub latency_spread_ms: u32,
    pub timeout_ms: u32,
    /// Share of queries (0.0–1.0) that fail with a network error.
    pub error_rate: f32,
    pub offline: bool,
    /// Multiplies latency (an incident: "latency ×10").
    pub latency_factor: f32,
    pub fault: Fault,
}

impl Default for NetworkProfile {
    fn default() -> Self {
        Self {
            latency_mean_ms: 200,
            latency_spread_ms: 100,
            timeout_ms: 5_000,
            error_rate: 0.0,
            offline: false,
            latency_factor: 1.0,
            fault: Fault::None,
        }
    }
}

impl NetworkProfile {
    /// No latency, no errors: the CLI's default and the engine benchmark's.
    pub fn instant() -> Self {
        Self { latency_mean_ms: 0, latency_spread_ms: 0, timeout_ms: 30_000, ..Self::default() }
    }
}

/// A MIND-style local copy of SLTD at the post, used while the INTERPOL link is down.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LocalCopy {
    pub enabled: bool,
    /// How old the copy is (MIND refreshes every 24–48 h).
    pub age_hours: u32,
}

impl Default for LocalCopy {
    fn default() -> Self {
        Self { enabled: true, age_hours: 31 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SimSettings {
    pub seed: u64,
    pub national: NetworkProfile,
    pub interpol: NetworkProfile,
    pub local_copy: LocalCopy,
}

impl Default for SimSettings {
    /// A realistic post: the national system on the LAN, INTERPOL over I-24/7, a little slower and flakier.
    fn default() -> Self {
        Self {
            seed: 2396,
            national: NetworkProfile { latency_mean_ms: 250, latency_spread_ms: 150, timeout_ms: 5_000, ..NetworkProfile::default() },
            interpol: NetworkProfile {
                latency_mean_ms: 1_200,
                latency_spread_ms: 700,
                timeout_ms: 6_000,
                error_rate: 0.02,
                ..NetworkProfile::default()
            },
            local_copy: LocalCopy::default(),
        }
    }
}

impl SimSettings {
    pub fn instant(seed: u64) -> Self {
        Self { seed, national: NetworkProfile::instant(), interpol: NetworkProfile::instant(), local_copy: LocalCopy::default() }
    }

    pub fn profile(&self, source: SourceId) -> &NetworkProfile {
        match source {
            SourceId::National => &self.national,
            SourceId::Interpol => &self.interpol,
        }
    }

    pub fn profile_mut(&mut self, source: SourceId) -> &mut NetworkProfile {
        match source {
            SourceId::National => &mut self.national,
            SourceId::Interpol => &mut self.interpol,
        }
    }
}
