//! Runs every fixture article under `fixtures/` and compares its diagnostics with the
//! expectation beside it (rule id + exact primary span text, in file order).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use factlint::document::{Document, ReadOptions};
use factlint::rules::RuleSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// A facts file to check against, relative to the fixture.
    facts: Option<String>,
    diagnostic: Vec<ExpectedDiagnostic>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ExpectedDiagnostic {
    rule: String,
    span: String,
}

fn articles(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            articles(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt"))
            && p.file_name() != Some("README.md".as_ref())
        {
            out.push(p);
        }
    }
}

#[test]
fn every_fixture_gives_exactly_its_expected_diagnostics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    articles(&root, &mut files);
    files.sort();
    assert!(
        files.len() >= 15,
        "expected the fixture set, found {} files",
        files.len()
    );
    let rules = RuleSet::embedded().unwrap();
    let mut failures = Vec::new();
    for path in &files {
        let expected_path = path.with_extension("expected.toml");
        let expected: Expected = toml::from_str(
            &std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
                panic!("{} has no {}", path.display(), expected_path.display())
            }),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let bytes = std::fs::read(path).unwrap();
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        let doc = Document::from_bytes(&name, &bytes, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let facts = match &expected.facts {
            Some(f) => factlint::facts::Facts::load(&[path.parent().unwrap().join(f)])
                .unwrap_or_else(|e| panic!("{name}: {e:?}")),
            None => factlint::facts::Facts::default(),
        };
        let got: Vec<ExpectedDiagnostic> = factlint::check::check_with(&doc, &rules, &facts)
            .diagnostics
            .iter()
            .map(|d| ExpectedDiagnostic {
                rule: d.rule.clone(),
                span: doc.text[d.primary_span()].to_string(),
            })
            .collect();
        if got != expected.diagnostic {
            failures.push(format!(
                "{name}:\n  expected {:?}\n  got      {:?}",
                expected.diagnostic, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_example_behaves_as_documented() {
    let rules = RuleSet::embedded().unwrap();
    let mut failures = Vec::new();
    for rule in &rules.rules {
        assert!(
            !rule.docs.examples.is_empty(),
            "{} has no examples",
            rule.id
        );
        assert!(
            rule.docs.examples.iter().any(|e| e.fires_on.is_some()),
            "{} has no firing example",
            rule.id
        );
        for ex in &rule.docs.examples {
            let opts = ReadOptions {
                published: ex
                    .published
                    .as_deref()
                    .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
                lang: Some(ex.lang.clone()),
                ..ReadOptions::default()
            };
            let doc = Document::from_text("example.md", ex.text.clone(), &opts).unwrap();
            // Rules that compare with a facts file are documented against the example one.
            let facts = if rule.check.needs_facts() {
                factlint::facts::Facts::load(&[
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("facts/example.toml")
                ])
                .unwrap()
            } else {
                factlint::facts::Facts::default()
            };
            let fired: Vec<String> = factlint::check::check_with(&doc, &rules, &facts)
                .diagnostics
                .iter()
                .filter(|d| d.rule == rule.id)
                .map(|d| doc.text[d.primary_span()].to_string())
                .collect();
            let want: Vec<String> = ex.fires_on.iter().cloned().collect();
            if fired != want {
                failures.push(format!(
                    "{}: «{}»: expected {want:?}, got {fired:?}",
                    rule.id, ex.text
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
