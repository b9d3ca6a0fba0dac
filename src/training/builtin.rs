//! The built-in scenarios, compiled in so the Training menu works from any directory.

use super::scenario::{Scenario, parse_scenario};

pub const BUILTIN_SCENARIOS: &[(&str, &str)] = &[
    ("airport-returning-fighters.ron", include_str!("../../sample_data/scenarios/airport-returning-fighters.ron")),
    ("land-border-vehicles-documents.ron", include_str!("../../sample_data/scenarios/land-border-vehicles-documents.ron")),
    ("link-down.ron", include_str!("../../sample_data/scenarios/link-down.ron")),
    ("pre-arrival-xy123.ron", include_str!("../../sample_data/scenarios/pre-arrival-xy123.ron")),
];

/// Every built-in scenario that parses (a test checks that all do), parsed once: the
/// Training menu lists them every frame it is open.
pub fn builtin_scenarios() -> &'static [Scenario] {
    static PARSED: std::sync::OnceLock<Vec<Scenario>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| BUILTIN_SCENARIOS.iter().filter_map(|(name, text)| parse_scenario(text, name).ok()).collect())
}
