//! The temporal extractor, tense anchoring and resolution in each language, on any text.
#![no_main]

use factlint::document::{Document, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The first byte picks the language and the publication date.
    let lang = ["ru", "uk", "en"][data.first().copied().unwrap_or(0) as usize % 3];
    let published = chrono::NaiveDate::from_ymd_opt(1990 + (data.len() % 60) as i32, 1 + (data.len() % 12) as u32, 1);
    let opts = ReadOptions { published, lang: Some(lang.into()), ..ReadOptions::default() };
    if let Ok(doc) = Document::from_text("f.txt", text.to_string(), &opts) {
        let (_, claims) = factlint::check::extract(&doc, factlint::facts::Facts::none());
        for t in &claims.temporals {
            assert!(t.span.start < t.span.end && t.span.end <= doc.text.len());
        }
        for d in &claims.durations {
            assert!(d.span.start < d.span.end && d.span.end <= doc.text.len() && d.count >= 0.0);
        }
    }
});
