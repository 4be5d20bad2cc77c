//! Measuring factlint on third-party data (`factlint eval KIND PATH`). Nothing here is
//! needed by `check`; the data files live outside the repository.

use std::io::BufRead;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::check::check;
use crate::diagnostics::Severity;
use crate::document::{Document, Format, ReadOptions};
use crate::rules::RuleSet;

/// One article of a news JSONL file (`{"doc_id","lang","dct","text",…}`).
#[derive(Debug, Deserialize)]
struct NewsItem {
    doc_id: String,
    lang: String,
    dct: Option<String>,
    #[serde(default)]
    title: Option<String>,
    text: String,
}

/// Runs every rule over each article of a news JSONL file (undated ones without the rules
/// that need a publication date) and lists what fires.
/// The last line is `key=value` pairs.
pub fn news(path: &str, rules: &RuleSet, out: &mut dyn std::io::Write) -> Result<(), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let (mut articles, mut undated, mut errors, mut warnings, mut bytes) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let item: NewsItem =
            serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let dct = item
            .dct
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        articles += 1;
        if dct.is_none() {
            undated += 1;
        }
        bytes += item.text.len();
        let opts = ReadOptions {
            published: dct,
            lang: Some(item.lang.clone()),
            format: Some(Format::Plain),
            ..ReadOptions::default()
        };
        let Ok(doc) = Document::from_text(&item.doc_id, item.text.clone(), &opts) else {
            continue;
        };
        let outcome = check(&doc, rules);
        for d in &outcome.diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => continue,
            }
            let span = d.primary_span();
            let (line_no, _) = doc.line_col(span.start);
            let ctx_start = floor_boundary(&doc.text, span.start.saturating_sub(160));
            let ctx_end = floor_boundary(&doc.text, (span.end + 160).min(doc.text.len()));
            let _ = writeln!(
                out,
                "{} [{}] {} ({}:{line_no}) {}\n    «{}»\n    …{}…\n",
                d.severity.as_str(),
                d.rule,
                item.doc_id,
                dct.map_or("undated".to_string(), |d| d.to_string()),
                item.title.as_deref().unwrap_or(""),
                &doc.text[span.clone()],
                doc.text[ctx_start..ctx_end].replace('\n', " ")
            );
            let _ = writeln!(out, "    {}", d.message);
        }
    }
    let per100 = |n: usize| {
        if articles == 0 {
            0.0
        } else {
            n as f64 * 100.0 / articles as f64
        }
    };
    let _ = writeln!(
        out,
        "articles={articles} undated={undated} bytes={bytes} errors={errors} warnings={warnings} errors_per_100={:.2} warnings_per_100={:.2}",
        per100(errors),
        per100(warnings)
    );
    Ok(())
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
