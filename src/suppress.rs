//! Suppressions: comments in an article that turn rules off where an editor decided a
//! finding is wrong, and a front-matter key for a whole file. An unused suppression is
//! itself reported, so they do not rot.
//!
//! ```markdown
//! <!-- factlint-disable-next-line temporal/weekday-mismatch -->
//! <!-- factlint-disable temporal/past-event-after-publication -->
//! …
//! <!-- factlint-enable temporal/past-event-after-publication -->
//! ```
//! A directive without rule ids applies to every rule.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::diagnostics::Diagnostic;
use crate::document::{Document, LineIndex};

/// Where a suppression applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// One line (1-based).
    Line(usize),
    /// Lines `from..=to` (1-based).
    Lines(usize, usize),
    /// The whole file.
    File,
}

/// One suppression directive.
#[derive(Debug, Clone)]
pub struct Suppression {
    /// The directive's span (the comment, or the front-matter value).
    pub span: Range<usize>,
    /// Rule ids; empty means every rule.
    pub rules: Vec<String>,
    /// Where it applies.
    pub scope: Scope,
    /// Whether it suppressed anything.
    pub used: bool,
}

impl Suppression {
    fn covers(&self, rule: &str, line: usize) -> bool {
        let rule_ok = self.rules.is_empty() || self.rules.iter().any(|r| r == rule);
        rule_ok
            && match self.scope {
                Scope::Line(l) => l == line,
                Scope::Lines(a, b) => (a..=b).contains(&line),
                Scope::File => true,
            }
    }
}

fn directive() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<!--\s*factlint-(disable-next-line|disable|enable)\b([^>]*?)-->").unwrap()
    })
}

/// Finds every suppression in a document.
pub fn parse(doc: &Document, lines: &LineIndex) -> Vec<Suppression> {
    let text = &doc.text;
    let mut out = Vec::new();
    if let Some((rules, span)) = &doc.disabled {
        out.push(Suppression {
            span: span.clone(),
            rules: rules.clone(),
            scope: Scope::File,
            used: false,
        });
    }
    let last_line = lines.line(text.len());
    // Open `disable` ranges: index into `out`.
    let mut open: Vec<usize> = Vec::new();
    for c in directive().captures_iter(&text[doc.body_start..]) {
        let m = c.get(0).expect("match");
        let span = doc.body_start + m.start()..doc.body_start + m.end();
        let rules: Vec<String> = c[2]
            .split([',', ' ', '\t', '\n', '\r'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(String::from)
            .collect();
        let line = lines.line(span.end);
        match &c[1] {
            "disable-next-line" => {
                // The next line with text on it.
                let mut target = line + 1;
                while target <= last_line {
                    let s = lines.start(target).unwrap_or(text.len());
                    let e = lines.start(target + 1).unwrap_or(text.len());
                    if !text[s..e].trim().is_empty() {
                        break;
                    }
                    target += 1;
                }
                out.push(Suppression {
                    span,
                    rules,
                    scope: Scope::Line(target),
                    used: false,
                });
            }
            "disable" => {
                open.push(out.len());
                out.push(Suppression {
                    span,
                    rules,
                    scope: Scope::Lines(line, last_line),
                    used: false,
                });
            }
            _ => {
                // `enable` closes the ranges it names (all open ones when it names none).
                open.retain(|&i| {
                    let closes = rules.is_empty()
                        || out[i].rules.iter().any(|r| rules.contains(r))
                        || out[i].rules.is_empty();
                    if closes {
                        if let Scope::Lines(a, _) = out[i].scope {
                            out[i].scope = Scope::Lines(a, line);
                        }
                    }
                    !closes
                });
            }
        }
    }
    out
}

/// Drops the diagnostics a suppression covers (by the line of their primary span) and marks
/// those suppressions used.
pub fn apply(
    suppressions: &mut [Suppression],
    diagnostics: Vec<Diagnostic>,
    lines: &LineIndex,
) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter(|d| {
            let line = lines.line(d.primary_span().start);
            let mut keep = true;
            for s in suppressions.iter_mut() {
                if s.covers(&d.rule, line) {
                    s.used = true;
                    keep = false;
                }
            }
            keep
        })
        .collect()
}
