//! The rule engine: rules are data files (`rules/<group>/<name>.toml`), each choosing a check
//! kind implemented in [`checks`] and giving its severity, languages, parameters, message
//! templates and documentation. The default set is embedded in the binary.

pub mod checks;
mod consistency;
mod facts_checks;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Severity;
use crate::source_error::SourceError;

pub use checks::{CheckKind, Context};

/// Documentation of a rule: what it checks and examples that fire and that stay silent.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Docs {
    /// Why the rule exists and what it looks at.
    pub explanation: String,
    /// Worked examples; each is checked by the test suite.
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// A short article with the expected behaviour of the rule on it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Publication date, YYYY-MM-DD (none: the article is undated).
    pub published: Option<String>,
    /// Language code.
    pub lang: String,
    /// The article text.
    pub text: String,
    /// The text of the primary span when the rule fires; absent when it must stay silent.
    pub fires_on: Option<String>,
}

/// Message templates: `{name}` is replaced by a value the check computes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Templates {
    /// The one-line message.
    pub message: String,
    /// Help when the check can name a fix.
    pub help: Option<String>,
    /// Help when it cannot.
    pub help_without_fix: Option<String>,
    /// Label on the primary span.
    pub primary_label: Option<String>,
    /// Label on the secondary span.
    pub secondary_label: Option<String>,
    /// Where a fact came from.
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    check: String,
    severity: Severity,
    languages: Vec<String>,
    summary: String,
    #[serde(flatten)]
    templates: Templates,
    #[serde(default)]
    params: toml::Table,
    docs: Docs,
}

/// One loaded rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id, `group/name`.
    pub id: String,
    /// What it checks, configured.
    pub check: CheckKind,
    /// Default severity.
    pub severity: Severity,
    /// Language codes it applies to; `*` for all.
    pub languages: Vec<String>,
    /// One line saying what it finds.
    pub summary: String,
    /// Message templates.
    pub templates: Templates,
    /// Documentation.
    pub docs: Docs,
    /// The file it came from.
    pub file: String,
}

impl Rule {
    /// Whether it applies to a document in `lang`.
    pub fn applies_to(&self, lang: &str) -> bool {
        self.languages.iter().any(|l| l == "*" || l == lang)
    }

    /// Parses one rule file.
    pub fn from_toml(file: &str, text: &str) -> Result<Rule, SourceError> {
        let raw: RuleFile =
            toml::from_str(text).map_err(|e| SourceError::from_toml(file, text, &e))?;
        let at = |key: &str| {
            let i = text
                .find(&format!("{key} ="))
                .or_else(|| text.find(key))
                .unwrap_or(0);
            let end = text[i..].find('\n').map(|n| i + n).unwrap_or(text.len());
            i..end
        };
        if !raw.id.contains('/')
            || raw
                .id
                .chars()
                .any(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '/'))
        {
            return Err(SourceError::new(file, text, at("id"), format!("{file}: rule id `{}` must be `group/name` in lower-case letters, digits and dashes", raw.id), "bad id"));
        }
        let check = CheckKind::parse(&raw.check, &raw.params).map_err(|msg| {
            let key = if msg.starts_with("unknown check kind") {
                "check"
            } else {
                "params"
            };
            SourceError::new(file, text, at(key), format!("{file}: {msg}"), "here")
                .with_help(format!("check kinds: {}", CheckKind::NAMES.join(", ")))
        })?;
        let vars = check.variables();
        for (key, tpl) in [
            ("message", Some(&raw.templates.message)),
            ("help", raw.templates.help.as_ref()),
            ("help_without_fix", raw.templates.help_without_fix.as_ref()),
            ("primary_label", raw.templates.primary_label.as_ref()),
            ("secondary_label", raw.templates.secondary_label.as_ref()),
            ("note", raw.templates.note.as_ref()),
        ] {
            let Some(tpl) = tpl else { continue };
            for name in placeholders(tpl) {
                if !vars.contains(&name) && !COMMON_VARIABLES.contains(&name) {
                    return Err(SourceError::new(
                        file,
                        text,
                        at(key),
                        format!(
                            "{file}: `{key}` uses `{{{name}}}`, which check `{}` does not provide",
                            raw.check
                        ),
                        "unknown placeholder",
                    )
                    .with_help(format!(
                        "available: {}",
                        vars.iter()
                            .chain(COMMON_VARIABLES)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
            }
        }
        Ok(Rule {
            id: raw.id,
            check,
            severity: raw.severity,
            languages: raw.languages,
            summary: raw.summary,
            templates: raw.templates,
            docs: raw.docs,
            file: file.to_string(),
        })
    }
}

/// Variables every check provides.
pub const COMMON_VARIABLES: &[&str] = &["published", "published_source", "expr", "lang"];

/// Names inside `{…}` in a template.
fn placeholders(tpl: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        out.push(&rest[i + 1..i + j]);
        rest = &rest[i + j + 1..];
    }
    out
}

/// Fills `{name}` placeholders from `vars`.
pub fn render(tpl: &str, vars: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(tpl.len() + 32);
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        match rest[i..].find('}') {
            Some(j) => {
                let name = &rest[i + 1..i + j];
                match vars.get(name) {
                    Some(v) => out.push_str(v),
                    None => out.push_str(&rest[i..i + j + 1]),
                }
                rest = &rest[i + j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A set of rules.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Rules in id order.
    pub rules: Vec<Rule>,
}

/// The embedded default rule files: (path under the repository, text).
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "rules/consistency/age-mismatch.toml",
        include_str!("../../rules/consistency/age-mismatch.toml"),
    ),
    (
        "rules/consistency/event-date-mismatch.toml",
        include_str!("../../rules/consistency/event-date-mismatch.toml"),
    ),
    (
        "rules/consistency/event-order.toml",
        include_str!("../../rules/consistency/event-order.toml"),
    ),
    (
        "rules/consistency/parts-exceed-total.toml",
        include_str!("../../rules/consistency/parts-exceed-total.toml"),
    ),
    (
        "rules/consistency/quantity-mismatch.toml",
        include_str!("../../rules/consistency/quantity-mismatch.toml"),
    ),
    (
        "rules/document/missing-publication-date.toml",
        include_str!("../../rules/document/missing-publication-date.toml"),
    ),
    (
        "rules/document/unsupported-language.toml",
        include_str!("../../rules/document/unsupported-language.toml"),
    ),
    (
        "rules/facts/age-at-date.toml",
        include_str!("../../rules/facts/age-at-date.toml"),
    ),
    (
        "rules/facts/conflicting-roles.toml",
        include_str!("../../rules/facts/conflicting-roles.toml"),
    ),
    (
        "rules/facts/duration-since-event.toml",
        include_str!("../../rules/facts/duration-since-event.toml"),
    ),
    (
        "rules/facts/role-at-date.toml",
        include_str!("../../rules/facts/role-at-date.toml"),
    ),
    (
        "rules/suppression/unused.toml",
        include_str!("../../rules/suppression/unused.toml"),
    ),
    (
        "rules/temporal/past-event-after-publication.toml",
        include_str!("../../rules/temporal/past-event-after-publication.toml"),
    ),
    (
        "rules/temporal/future-event-before-publication.toml",
        include_str!("../../rules/temporal/future-event-before-publication.toml"),
    ),
    (
        "rules/temporal/weekday-mismatch.toml",
        include_str!("../../rules/temporal/weekday-mismatch.toml"),
    ),
    (
        "rules/temporal/impossible-date.toml",
        include_str!("../../rules/temporal/impossible-date.toml"),
    ),
    (
        "rules/temporal/reversed-range.toml",
        include_str!("../../rules/temporal/reversed-range.toml"),
    ),
    (
        "rules/temporal/relative-date-mismatch.toml",
        include_str!("../../rules/temporal/relative-date-mismatch.toml"),
    ),
];

impl RuleSet {
    /// The default rules embedded in the binary.
    pub fn embedded() -> Result<RuleSet, SourceError> {
        RuleSet::from_files(EMBEDDED.iter().map(|(p, t)| (p.to_string(), t.to_string())))
    }

    /// The embedded rules, parsed once per process. The embedded files are checked by the
    /// test suite, so this cannot fail in a released binary.
    pub fn builtin() -> &'static RuleSet {
        static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
        RULES.get_or_init(|| {
            RuleSet::embedded().unwrap_or_else(|e| panic!("embedded rules are invalid: {e:?}"))
        })
    }

    /// Rules from every `*.toml` file under `dir` (except the `lang/` data folder).
    pub fn from_dir(dir: &Path) -> Result<RuleSet, RuleSetError> {
        let mut files = Vec::new();
        collect_toml(dir, dir, &mut files)
            .map_err(|e| RuleSetError::Io(format!("{}: {e}", dir.display())))?;
        files.sort();
        if files.is_empty() {
            return Err(RuleSetError::Io(format!(
                "{}: no rule files (*.toml) found",
                dir.display()
            )));
        }
        let mut loaded = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f)
                .map_err(|e| RuleSetError::Io(format!("{}: {e}", f.display())))?;
            loaded.push((f.display().to_string(), text));
        }
        RuleSet::from_files(loaded).map_err(|e| RuleSetError::Source(Box::new(e)))
    }

    fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<RuleSet, SourceError> {
        let mut rules: Vec<Rule> = Vec::new();
        for (name, text) in files {
            let rule = Rule::from_toml(&name, &text)?;
            if let Some(other) = rules.iter().find(|r| r.id == rule.id) {
                let at = text.find("id").unwrap_or(0);
                return Err(SourceError::new(
                    &name,
                    &text,
                    at..at + 2,
                    format!(
                        "{name}: rule id `{}` is also defined in {}",
                        rule.id, other.file
                    ),
                    "duplicate id",
                ));
            }
            rules.push(rule);
        }
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(RuleSet { rules })
    }

    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn collect_toml(root: &Path, dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        if p.is_dir() {
            if p.strip_prefix(root).is_ok_and(|r| r == Path::new("lang")) {
                continue;
            }
            collect_toml(root, &p, out)?;
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Why a rule directory could not be loaded.
#[derive(Debug)]
pub enum RuleSetError {
    /// The directory or a file could not be read.
    Io(String),
    /// A rule file is malformed.
    Source(Box<SourceError>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load() {
        let set = RuleSet::embedded().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(set.rules.len(), EMBEDDED.len());
        assert!(set.get("temporal/past-event-after-publication").is_some());
    }

    #[test]
    fn bad_rule_files_point_into_the_file() {
        let (_, good) = EMBEDDED
            .iter()
            .find(|(p, _)| p.ends_with("past-event-after-publication.toml"))
            .unwrap();
        let e = Rule::from_toml(
            "r.toml",
            &good.replace(
                "check = \"tense-vs-publication\"",
                "check = \"no-such-check\"",
            ),
        )
        .unwrap_err();
        assert!(e.message.contains("unknown check kind"), "{}", e.message);
        assert!(e.span.offset() > 0);
        let e = Rule::from_toml(
            "r.toml",
            &good.replacen("message = \"", "message = \"{nope} ", 1),
        )
        .unwrap_err();
        assert!(e.message.contains("{nope}"), "{}", e.message);
        let e = Rule::from_toml("r.toml", "id = 1").unwrap_err();
        assert!(e.message.contains("r.toml"));
    }

    #[test]
    fn templates_fill_known_names_only() {
        let mut v = BTreeMap::new();
        v.insert("a", "1".to_string());
        assert_eq!(render("x {a} {b} {", &v), "x 1 {b} {");
    }
}
