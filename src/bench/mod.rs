//! `bordercheck bench`: engine speed, recall against a full scan, and the side-by-side run
//! against the rapidfuzz peer's watchlist. Figures are medians/p99 from one run, printed as tables.

#[cfg(feature = "classroom")]
pub mod classroom_bench;
pub mod engine_bench;
pub mod peer;
pub mod stats;
