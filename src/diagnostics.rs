//! Diagnostics: what a rule found, as data. Rendering is the report stage's job.

use std::ops::Range;

use serde::Serialize;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information; never fails a run by default.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning`, `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// A labelled span of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// What this span is in the finding.
    pub message: Option<String>,
    /// The span where the problem is (one per diagnostic).
    pub primary: bool,
}

/// A suggested replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Byte range to replace.
    pub span: Range<usize>,
    /// The new text.
    pub replacement: String,
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable rule id, e.g. `temporal/past-event-after-publication`.
    pub rule: String,
    /// Severity.
    pub severity: Severity,
    /// One-line message.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Where a fact came from (the publication date's source, …).
    pub note: Option<String>,
    /// Labelled spans; the first primary one is where the problem is.
    pub labels: Vec<Label>,
    /// A replacement that fixes it, when the rule can name one.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// The primary label's span (or the first label's).
    pub fn primary_span(&self) -> Range<usize> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map(|l| l.span.clone())
            .unwrap_or(0..0)
    }
}
