#![no_main]
// Any bytes as a dataset file: errors are fine, panics are not.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = bordercheck::dataset::parse_dataset(text, "fuzz.ron", None);
    }
});
