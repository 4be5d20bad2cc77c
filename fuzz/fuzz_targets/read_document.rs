//! The article reader: any bytes as a Markdown or plain file, through the whole check.
#![no_main]

use factlint::document::{Document, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let rules = factlint::rules::RuleSet::builtin();
    for name in ["a.md", "a.txt"] {
        if let Ok(doc) = Document::from_bytes(name, data, &ReadOptions::default()) {
            let r = factlint::run::report(name, doc, rules, factlint::facts::Facts::none());
            let text = r.text.as_deref().unwrap_or("");
            for d in &r.diagnostics {
                for l in &d.labels {
                    assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end));
                }
            }
        }
    }
});
