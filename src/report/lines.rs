//! One-line formats: `short` (`path:line:col: severity rule: message`) and `github`
//! (workflow commands that annotate a pull request).

use super::FileReport;
use crate::diagnostics::Severity;
use crate::document::LineIndex;

/// `path:line:col: severity rule: message`, one line per diagnostic.
pub fn short(r: &FileReport) -> String {
    if let Some(e) = &r.error {
        return format!("{}: error: {}\n", r.path, e.message);
    }
    let text = r.text.as_deref().unwrap_or("");
    let lines = LineIndex::new(text);
    let mut out = String::new();
    for d in &r.diagnostics {
        let (l, c) = lines.line_col(text, d.primary_span().start);
        out.push_str(&format!(
            "{}:{l}:{c}: {} {}: {}\n",
            r.path,
            d.severity.as_str(),
            d.rule,
            one_line(&d.message)
        ));
    }
    out
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
pub fn github(r: &FileReport) -> String {
    if let Some(e) = &r.error {
        return format!(
            "::error file={},title=factlint::{}\n",
            property(&r.path),
            data(&e.message)
        );
    }
    let text = r.text.as_deref().unwrap_or("");
    let lines = LineIndex::new(text);
    let mut out = String::new();
    for d in &r.diagnostics {
        let span = d.primary_span();
        let (l, c) = lines.line_col(text, span.start);
        let (el, ec) = lines.line_col(text, span.end);
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str(&format!("\nhelp: {h}"));
        }
        out.push_str(&format!(
            "::{kind} file={},line={l},col={c},endLine={el},endColumn={ec},title={}::{}\n",
            property(&r.path),
            property(&d.rule),
            data(&message)
        ));
    }
    out
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// Escapes a workflow-command message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes() {
        assert_eq!(data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
