//! Synthetic datasets of any size, deterministic under a seed. Never real people.

pub mod cyrillic;
pub mod dataset;
pub mod name_pool;
pub mod planted;
pub mod portrait;
pub mod travellers;

pub use dataset::{GenerateSpec, generate_dataset};
