//! Case files under `fixtures/cases/`: one per rule, many short articles each, every one
//! stating exactly which spans the rule fires on (none for a trap). Every rule with a case
//! file must have at least three firing cases and three silent traps in each language it
//! checks.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use factlint::document::{Document, ReadOptions};
use factlint::rules::RuleSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    /// The rule the cases are about.
    rule: String,
    /// A facts file to check against, relative to the case file.
    facts: Option<String>,
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    lang: String,
    published: String,
    text: String,
    /// Primary spans the rule must report, in order; empty for a trap.
    #[serde(default)]
    fires: Vec<String>,
    /// Secondary spans, in the same order, when the rule labels one.
    #[serde(default)]
    secondary: Vec<String>,
}

const MIN_PER_LANGUAGE: usize = 3;

#[test]
fn every_case_fires_exactly_where_it_says() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let rules = RuleSet::embedded().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case files in {}", dir.display());
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for path in &files {
        let file: CaseFile = toml::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rule = rules
            .rules
            .iter()
            .find(|r| r.id == file.rule)
            .unwrap_or_else(|| panic!("{}: unknown rule {}", path.display(), file.rule));
        seen.push(file.rule.clone());
        let facts = match &file.facts {
            Some(f) => factlint::facts::Facts::load(&[dir.join(f)]).unwrap(),
            None => factlint::facts::Facts::default(),
        };
        // (firing, silent) per language.
        let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (n, case) in file.case.iter().enumerate() {
            let c = counts.entry(case.lang.clone()).or_default();
            if case.fires.is_empty() {
                c.1 += 1;
            } else {
                c.0 += 1;
            }
            let opts = ReadOptions {
                published: Some(
                    chrono::NaiveDate::parse_from_str(&case.published, "%Y-%m-%d").unwrap(),
                ),
                lang: Some(case.lang.clone()),
                ..ReadOptions::default()
            };
            let doc = Document::from_text("case.md", case.text.clone(), &opts).unwrap();
            let found: Vec<_> = factlint::check::check_with(&doc, &rules, &facts)
                .diagnostics
                .into_iter()
                .filter(|d| d.rule == file.rule)
                .collect();
            let primary: Vec<String> = found
                .iter()
                .map(|d| doc.text[d.primary_span()].to_string())
                .collect();
            let secondary: Vec<String> = found
                .iter()
                .filter_map(|d| d.labels.iter().find(|l| !l.primary))
                .map(|l| doc.text[l.span.clone()].to_string())
                .collect();
            if primary != case.fires || (!case.secondary.is_empty() && secondary != case.secondary)
            {
                failures.push(format!(
                    "{} case {} ({}): «{}»\n  expected {:?} / {:?}\n  got      {primary:?} / {secondary:?}",
                    path.file_name().unwrap().to_string_lossy(),
                    n + 1,
                    case.lang,
                    case.text,
                    case.fires,
                    case.secondary,
                ));
            }
        }
        for lang in &rule.languages {
            let (fire, silent) = counts.get(lang).copied().unwrap_or_default();
            if fire < MIN_PER_LANGUAGE || silent < MIN_PER_LANGUAGE {
                failures.push(format!(
                    "{}: {lang} has {fire} firing and {silent} silent cases; at least {MIN_PER_LANGUAGE} of each are needed",
                    file.rule
                ));
            }
        }
    }
    // Every rule about facts or the article's own consistency has a case file.
    for rule in &rules.rules {
        let covered = seen.contains(&rule.id);
        if (rule.id.starts_with("facts/") || rule.id.starts_with("consistency/")) && !covered {
            failures.push(format!("{} has no case file in fixtures/cases/", rule.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
