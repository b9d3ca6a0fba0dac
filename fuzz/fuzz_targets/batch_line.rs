#![no_main]
// One line of a `batch` queries file: parsed, its MRZ read, checked into a query and its name
// prepared for matching, as `batch` does; never a panic, whatever the bytes.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else { return };
    let Ok(input) = serde_json::from_str::<bordercheck::query::QueryInput>(line) else { return };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
    let (input, _) = bordercheck::document_reading::fill_from_mrz(&input, today);
    let (query, _) = input.to_query();
    if let Some(p) = &query.person {
        let _ = p.name_form();
    }
});
