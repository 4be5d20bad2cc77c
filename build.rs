//! Compiles the Ukrainian verb-form table (`rules/lang/uk/verb-forms.txt`, one
//! `word<TAB>codes` line per form, sorted) into an FST map embedded in the binary. Without
//! the table the map is empty and Ukrainian gets no tense analysis.

use std::path::Path;

fn main() {
    let table = Path::new("rules/lang/uk/verb-forms.txt");
    println!("cargo::rerun-if-changed={}", table.display());
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("uk-verb-forms.fst");
    let mut builder = fst::MapBuilder::memory();
    if let Ok(text) = std::fs::read_to_string(table) {
        let mut last = String::new();
        for (n, line) in text.lines().enumerate() {
            let Some((word, codes)) = line.split_once('\t') else {
                panic!("{}:{}: expected `word<TAB>codes`", table.display(), n + 1);
            };
            if word <= last.as_str() {
                panic!(
                    "{}:{}: `{word}` is out of order or repeated",
                    table.display(),
                    n + 1
                );
            }
            let mut bits = 0u64;
            for c in codes.chars() {
                bits |= match c {
                    'P' => 1,
                    'R' => 2,
                    'F' => 4,
                    'I' => 8,
                    'M' => 16,
                    'A' => 32,
                    'N' => 64,
                    other => panic!("{}:{}: unknown code `{other}`", table.display(), n + 1),
                };
            }
            builder.insert(word, bits).expect("sorted keys");
            last = word.to_string();
        }
    }
    let bytes = builder.into_inner().expect("fst builds");
    std::fs::write(out, bytes).expect("write the fst");
}
