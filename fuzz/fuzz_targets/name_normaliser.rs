#![no_main]
use bordercheck::matching::{name_similarity, NameForm};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let mid = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let (a, b) = text.split_at(mid);
        let score = name_similarity(&NameForm::new(a, b), &NameForm::from_full(text)).score;
        assert!((0.0..=1.0).contains(&score));
    }
});
