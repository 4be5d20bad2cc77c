//! The JSON report (`--format json`), version 1 of `contract/report.schema.json`.

use serde::Serialize;

use super::{FileReport, Summary};
use crate::document::LineIndex;

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_source: Option<&'static str>,
    language: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    /// Added field: where a fact came from.
    note: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    message: Option<&'a str>,
    primary: bool,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// The JSON object of one file (the contract's `files[]` item).
pub fn file_object(r: &FileReport) -> impl Serialize + '_ {
    let text = r.text.as_deref().unwrap_or("");
    // Lines are counted only as far as the last label.
    let last = r
        .diagnostics
        .iter()
        .flat_map(|d| &d.labels)
        .map(|l| l.span.start)
        .max()
        .unwrap_or(0);
    let lines = LineIndex::until(text, last);
    File {
        path: &r.path,
        published: r.published.as_ref().map(|p| p.date.to_string()),
        published_source: r.published.as_ref().map(|p| p.source.as_str()),
        language: &r.language,
        diagnostics: r
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                rule: &d.rule,
                severity: d.severity.as_str(),
                message: &d.message,
                help: d.help.as_deref(),
                note: d.note.as_deref(),
                labels: d
                    .labels
                    .iter()
                    .map(|l| {
                        let (line, column) = lines.line_col(text, l.span.start);
                        JsonLabel {
                            start: l.span.start,
                            end: l.span.end,
                            line,
                            column,
                            text: &text[l.span.clone()],
                            message: l.message.as_deref(),
                            primary: l.primary,
                        }
                    })
                    .collect(),
                fix: d.fix.as_ref().map(|f| JsonFix {
                    start: f.span.start,
                    end: f.span.end,
                    replacement: &f.replacement,
                }),
            })
            .collect(),
        error: r.error.as_ref().map(|e| e.message.as_str()),
    }
}

/// The opening of the report, up to the files array.
pub fn header() -> String {
    format!(
        "{{\"version\":1,\"tool\":{{\"name\":\"factlint\",\"version\":\"{}\"}},\"files\":[",
        env!("CARGO_PKG_VERSION")
    )
}

/// One file, as a line of the files array.
pub fn file_line(r: &FileReport) -> String {
    serde_json::to_string(&file_object(r)).expect("report serialises")
}

/// The closing of the report with the summary.
pub fn footer(s: &Summary) -> String {
    let summary = JsonSummary {
        files: s.files,
        errors: s.errors,
        warnings: s.warnings,
        infos: s.infos,
    };
    format!(
        "\n],\"summary\":{}}}\n",
        serde_json::to_string(&summary).expect("summary serialises")
    )
}
