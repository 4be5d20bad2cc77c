//! Facts files: any text as a facts file; a loaded one is used to check an article.
#![no_main]

use factlint::document::{Document, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(facts) = factlint::facts::Facts::parse("fuzz.toml", text) {
        let opts = ReadOptions { published: chrono::NaiveDate::from_ymd_opt(2026, 1, 6), lang: Some("ru".into()), ..ReadOptions::default() };
        let article = "Генеральный секретарь НАТО Йенс Столтенберг заявил, что война длится почти четыре года.";
        let doc = Document::from_text("a.txt", article.to_string(), &opts).expect("article");
        let _ = factlint::check::check_with(&doc, factlint::rules::RuleSet::builtin(), &facts);
    }
});
