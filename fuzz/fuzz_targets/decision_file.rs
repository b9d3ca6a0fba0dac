#![no_main]
// A decisions file for `scenario run` against a built-in scenario: bad lines are errors with
// their line number, never a panic (huge or non-finite seconds, unknown or repeated travellers).
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let scenarios = bordercheck::training::builtin::builtin_scenarios();
    if let Some(scenario) = scenarios.first() {
        let _ = bordercheck::cli::scenario_cmd::read_decisions(text, "fuzz.jsonl", scenario);
    }
});
