//! `factlint.toml`: the configuration of an article repository, found by walking up from the
//! working directory. Command-line flags win over it; it wins over the defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Severity;
use crate::rules::RuleSet;
use crate::source_error::SourceError;

/// The configuration file's name.
pub const FILE_NAME: &str = "factlint.toml";

/// Globs of the files checked when a directory is given.
pub const DEFAULT_INCLUDE: &[&str] = &["*.md", "*.markdown", "*.txt"];

/// Front-matter keys holding the publication date, in order of preference.
pub const DEFAULT_DATE_KEYS: &[&str] = &[
    "published",
    "date",
    "pubdate",
    "publishDate",
    "published_at",
];

/// Front-matter keys holding the language.
pub const DEFAULT_LANG_KEYS: &[&str] = &["lang", "language", "locale"];

/// Lowest severity that fails a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Errors fail (the default).
    #[default]
    Error,
    /// Warnings and errors fail.
    Warning,
    /// Any finding fails.
    Info,
    /// Nothing fails (exit 0 unless input is unreadable).
    Never,
}

impl FailOn {
    /// The severity at and above which the run fails.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// Per-rule settings: `[rules."temporal/weekday-mismatch"]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RuleSetting {
    /// `false` turns the rule off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Overrides the rule's severity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

/// Which front-matter keys hold what.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatterKeys {
    /// Keys of the publication date, in order of preference.
    pub date: Vec<String>,
    /// Keys of the language.
    pub lang: Vec<String>,
}

impl Default for FrontMatterKeys {
    fn default() -> Self {
        FrontMatterKeys {
            date: DEFAULT_DATE_KEYS.iter().map(|s| s.to_string()).collect(),
            lang: DEFAULT_LANG_KEYS.iter().map(|s| s.to_string()).collect(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    lang: Option<String>,
    published: Option<toml::Spanned<String>>,
    fail_on: Option<FailOn>,
    rules_dir: Option<String>,
    #[serde(default)]
    facts: Vec<String>,
    include: Option<Vec<String>>,
    #[serde(default)]
    exclude: Vec<toml::Spanned<String>>,
    front_matter: Option<FrontMatterKeys>,
    #[serde(default)]
    rules: BTreeMap<String, toml::Spanned<RuleSetting>>,
}

/// The effective configuration.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Config {
    /// The file it was read from, if any.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// Default language of articles without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Publication date of articles without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Lowest severity that fails the run.
    pub fail_on: FailOn,
    /// Rule directory replacing the embedded rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules_dir: Option<PathBuf>,
    /// Facts files.
    pub facts: Vec<PathBuf>,
    /// Globs of files to check inside directories.
    pub include: Vec<String>,
    /// Globs of files never checked inside directories.
    pub exclude: Vec<String>,
    /// Front-matter keys.
    pub front_matter: FrontMatterKeys,
    /// Per-rule settings.
    pub rules: BTreeMap<String, RuleSetting>,
    #[serde(skip)]
    text: String,
    #[serde(skip)]
    rule_spans: BTreeMap<String, std::ops::Range<usize>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            lang: None,
            published: None,
            fail_on: FailOn::Error,
            rules_dir: None,
            facts: Vec::new(),
            include: DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect(),
            exclude: Vec::new(),
            front_matter: FrontMatterKeys::default(),
            rules: BTreeMap::new(),
            text: String::new(),
            rule_spans: BTreeMap::new(),
        }
    }
}

/// Why the configuration could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// The file could not be read.
    Io(String),
    /// The file is malformed.
    Source(Box<SourceError>),
}

impl Config {
    /// `factlint.toml` in `start` or the nearest directory above it.
    pub fn find(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    /// Reads a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError::Io(format!("{}: {e}", path.display())))?;
        Config::parse(path, text).map_err(|e| ConfigError::Source(Box::new(e)))
    }

    /// Parses configuration text; relative paths are taken from `path`'s directory.
    pub fn parse(path: &Path, text: String) -> Result<Config, SourceError> {
        let name = path.display().to_string();
        let raw: RawConfig =
            toml::from_str(&text).map_err(|e| SourceError::from_toml(&name, &text, &e))?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let published = match raw.published {
            Some(p) => Some(
                NaiveDate::parse_from_str(p.get_ref(), "%Y-%m-%d").map_err(|_| {
                    SourceError::new(
                        &name,
                        &text,
                        p.span(),
                        format!("{name}: `published` is not a date: `{}`", p.get_ref()),
                        "expected YYYY-MM-DD",
                    )
                })?,
            ),
            None => None,
        };
        for g in raw
            .include
            .iter()
            .flatten()
            .map(|g| (g.as_str(), None))
            .chain(
                raw.exclude
                    .iter()
                    .map(|g| (g.get_ref().as_str(), Some(g.span()))),
            )
        {
            if let Err(e) = globset::Glob::new(g.0) {
                let span =
                    g.1.unwrap_or_else(|| text.find(g.0).map(|i| i..i + g.0.len()).unwrap_or(0..0));
                return Err(SourceError::new(
                    &name,
                    &text,
                    span,
                    format!("{name}: bad glob `{}`: {}", g.0, e.kind()),
                    "bad glob",
                ));
            }
        }
        let resolve = |p: &str| dir.join(p);
        Ok(Config {
            path: Some(path.to_path_buf()),
            lang: raw.lang,
            published,
            fail_on: raw.fail_on.unwrap_or_default(),
            rules_dir: raw.rules_dir.as_deref().map(resolve),
            facts: raw.facts.iter().map(|f| resolve(f)).collect(),
            include: raw
                .include
                .unwrap_or_else(|| DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect()),
            exclude: raw.exclude.into_iter().map(|g| g.into_inner()).collect(),
            front_matter: raw.front_matter.unwrap_or_default(),
            rule_spans: raw
                .rules
                .iter()
                .map(|(k, v)| (k.clone(), v.span()))
                .collect(),
            rules: raw
                .rules
                .into_iter()
                .map(|(k, v)| (k, v.into_inner()))
                .collect(),
            text,
        })
    }

    /// Applies `[rules.*]` to a rule set: turns rules off, overrides severities. A setting for
    /// a rule that does not exist is an error pointing at it.
    pub fn configure(&self, set: &mut RuleSet) -> Result<(), SourceError> {
        let name = self
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| FILE_NAME.to_string());
        for (id, setting) in &self.rules {
            if set.get(id).is_none() {
                let span = self.rule_spans.get(id).cloned().unwrap_or(0..0);
                let known: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
                return Err(SourceError::new(
                    &name,
                    &self.text,
                    span,
                    format!("{name}: no rule `{id}`"),
                    "unknown rule",
                )
                .with_help(format!("rules: {}", known.join(", "))));
            }
            if setting.enabled == Some(false) {
                set.rules.retain(|r| &r.id != id);
            } else if let Some(sev) = setting.severity {
                if let Some(r) = set.rules.iter_mut().find(|r| &r.id == id) {
                    r.severity = sev;
                }
            }
        }
        Ok(())
    }

    /// The effective configuration as TOML.
    pub fn to_toml(&self) -> String {
        let mut s = match &self.path {
            Some(p) => format!("# from {}\n", p.display()),
            None => "# no factlint.toml found: defaults\n".to_string(),
        };
        s.push_str(&toml::to_string_pretty(self).unwrap_or_default());
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let text = r#"
lang = "ru"
published = "2026-01-06"
fail-on = "warning"
rules-dir = "my-rules"
facts = ["facts.toml"]
include = ["*.md"]
exclude = ["drafts/**"]
[front-matter]
date = ["pubDate"]
lang = ["lang"]
[rules."temporal/weekday-mismatch"]
severity = "warning"
[rules."temporal/future-event-before-publication"]
enabled = false
"#;
        let c = Config::parse(Path::new("/repo/factlint.toml"), text.to_string()).unwrap();
        assert_eq!(c.fail_on, FailOn::Warning);
        assert_eq!(c.rules_dir.as_deref(), Some(Path::new("/repo/my-rules")));
        assert_eq!(c.front_matter.date, ["pubDate"]);
        let mut set = RuleSet::embedded().unwrap();
        let n = set.rules.len();
        c.configure(&mut set).unwrap();
        assert_eq!(set.rules.len(), n - 1);
        assert_eq!(
            set.get("temporal/weekday-mismatch").unwrap().severity,
            Severity::Warning
        );
    }

    #[test]
    fn mistakes_point_into_the_file() {
        let p = Path::new("factlint.toml");
        let e = Config::parse(p, "fail_on = \"error\"\n".into()).unwrap_err();
        assert!(e.message.contains("unknown field"), "{}", e.message);
        let e = Config::parse(p, "fail-on = \"sometimes\"\n".into()).unwrap_err();
        assert!(e.message.contains("sometimes"), "{}", e.message);
        let e = Config::parse(p, "published = \"2026-13-01\"\n".into()).unwrap_err();
        assert_eq!(e.span.offset(), 12);
        let e = Config::parse(p, "exclude = [\"a/[\"]\n".into()).unwrap_err();
        assert!(e.message.contains("bad glob"), "{}", e.message);
        let c = Config::parse(p, "[rules.\"temporal/nope\"]\nenabled = false\n".into()).unwrap();
        let e = c.configure(&mut RuleSet::embedded().unwrap()).unwrap_err();
        assert!(
            e.message.contains("no rule `temporal/nope`"),
            "{}",
            e.message
        );
        let e = Config::parse(p, "lang = 5\n".into()).unwrap_err();
        assert!(e.message.contains("invalid type"), "{}", e.message);
    }
}
