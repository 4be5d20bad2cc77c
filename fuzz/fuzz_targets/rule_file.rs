//! Rule files: any text as a rule definition.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = factlint::rules::Rule::from_toml("fuzz.toml", text);
    }
});
