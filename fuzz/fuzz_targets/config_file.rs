//! `factlint.toml`: any text as a configuration, then applied to the embedded rules.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(config) = factlint::config::Config::parse(std::path::Path::new("factlint.toml"), text.to_string()) {
            let mut rules = factlint::rules::RuleSet::builtin().clone();
            let _ = config.configure(&mut rules);
            let _ = config.to_toml();
        }
    }
});
