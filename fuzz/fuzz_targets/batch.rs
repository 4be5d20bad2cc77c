//! The JSON-lines batch reader: any bytes as input; every line gets one result line.
#![no_main]

use factlint::document::ReadOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let rules = factlint::rules::RuleSet::builtin();
    let mut out = Vec::new();
    if factlint::batch::run(data, &mut out, &ReadOptions::default(), rules, factlint::facts::Facts::none()).is_ok() {
        let text = String::from_utf8(out).expect("results are UTF-8");
        for line in text.lines() {
            serde_json_check(line);
        }
    }
});

fn serde_json_check(line: &str) {
    assert!(line.starts_with('{') && line.ends_with('}'), "{line}");
}
