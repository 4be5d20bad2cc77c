//! Properties over arbitrary input: extraction is total, every label points at exact bytes
//! on character boundaries, and output is deterministic.

use proptest::prelude::*;

use factlint::check::check;
use factlint::document::{Document, ReadOptions};
use factlint::report::{json, FileReport};
use factlint::rules::RuleSet;

fn rules() -> &'static RuleSet {
    RuleSet::builtin()
}

/// Text that is likely to contain dates: calendar words, numbers, punctuation, markup.
fn article() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "6 января",
        "31 апреля",
        "29 февраля 2025 года",
        "в конце декабря 2026 года",
        "во вторник",
        "вчера",
        ", ",
        ". ",
        "\n\n",
        "с 15 по 12 мая",
        "2026-01-06",
        "06.01.2026",
        "прошла",
        "пройдет",
        "анонсировал",
        "что",
        "(",
        ")",
        "—",
        "«",
        "»",
        "January 7, 2026",
        "on Tuesday",
        "yesterday",
        "will meet",
        "met",
        "у вівторок",
        "24 лютого 2022 року",
        "учора",
        "<!-- factlint-disable-next-line -->",
        "`код`",
        "**",
        "---",
        "ё",
        "\u{301}",
        "😀",
        "\r\n",
        "\r",
        "г.",
        "2025-м",
        "6-го",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(String::from), "\\PC{0,12}"],
        0..40,
    )
    .prop_map(|v| v.concat())
}

fn run(text: &str, lang: &str) -> Option<FileReport> {
    let opts = ReadOptions {
        published: chrono::NaiveDate::from_ymd_opt(2026, 1, 6),
        lang: Some(lang.to_string()),
        ..ReadOptions::default()
    };
    let doc = Document::from_text("p.md", text.to_string(), &opts).ok()?;
    Some(factlint::run::report(
        "p.md",
        doc,
        rules(),
        factlint::facts::Facts::none(),
    ))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn labels_point_at_exact_bytes(text in article(), lang in prop::sample::select(vec!["ru", "uk", "en"])) {
        if let Some(r) = run(&text, lang) {
            for d in &r.diagnostics {
                prop_assert!(!d.labels.is_empty());
                for l in &d.labels {
                    prop_assert!(l.span.start <= l.span.end && l.span.end <= text.len());
                    prop_assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end));
                }
                if let Some(f) = &d.fix {
                    prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                }
            }
            // The JSON rendering repeats exactly those bytes.
            let v = serde_json::to_value(json::file_object(&r)).unwrap();
            for d in v["diagnostics"].as_array().unwrap() {
                for l in d["labels"].as_array().unwrap() {
                    let (s, e) = (l["start"].as_u64().unwrap() as usize, l["end"].as_u64().unwrap() as usize);
                    prop_assert_eq!(l["text"].as_str().unwrap(), &text[s..e]);
                }
            }
        }
    }

    #[test]
    fn extraction_is_total_on_any_string(text in "\\PC{0,400}") {
        for lang in ["ru", "uk", "en", "de"] {
            let _ = run(&text, lang);
        }
    }

    #[test]
    fn output_is_deterministic(text in article()) {
        let a = run(&text, "ru").map(|r| json::file_line(&r));
        let b = run(&text, "ru").map(|r| json::file_line(&r));
        prop_assert_eq!(a, b);
    }
}

#[test]
fn claims_are_extracted_from_the_generated_articles() {
    // Guards the generator: it must produce text the rules actually look at.
    let r = run(
        "В конце декабря 2026 года президент анонсировал встречу.",
        "ru",
    )
    .unwrap();
    assert_eq!(r.diagnostics.len(), 1);
    let doc = Document::from_text(
        "x",
        "6 января".into(),
        &ReadOptions {
            lang: Some("ru".into()),
            ..ReadOptions::default()
        },
    )
    .unwrap();
    assert_eq!(check(&doc, rules()).temporals.len(), 1);
}
