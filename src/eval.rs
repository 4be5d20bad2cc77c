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

/// One phrase of a Duckling time corpus.
#[derive(Debug, Deserialize)]
struct DucklingItem {
    lang: String,
    corpus: String,
    ref_time: String,
    text: String,
    expected: Option<serde_json::Value>,
}

/// What Duckling expects, reduced to what a news checker places on the calendar.
#[derive(Debug, PartialEq)]
enum Expected {
    /// Must not parse.
    Nothing,
    /// A value: first day and grain.
    Value(NaiveDate, String),
    /// An interval: first day and exclusive end day, either may be open.
    Interval(Option<NaiveDate>, Option<NaiveDate>, String),
}

fn day_of(v: &serde_json::Value) -> Option<NaiveDate> {
    v.as_str()
        .and_then(|s| s.get(..10))
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

fn expected(e: &Option<serde_json::Value>) -> Option<Expected> {
    let Some(e) = e else {
        return Some(Expected::Nothing);
    };
    match e["type"].as_str()? {
        "value" => Some(Expected::Value(
            day_of(&e["value"])?,
            e["grain"].as_str()?.to_string(),
        )),
        "interval" => {
            let grain = e["from"]["grain"]
                .as_str()
                .or(e["to"]["grain"].as_str())?
                .to_string();
            Some(Expected::Interval(
                day_of(&e["from"]["value"]),
                day_of(&e["to"]["value"]),
                grain,
            ))
        }
        _ => None,
    }
}

fn grain_matches(ours: crate::claims::Grain, theirs: &str) -> bool {
    use crate::claims::Grain;
    matches!(
        (ours, theirs),
        (Grain::Day, "day")
            | (Grain::Week, "week")
            | (Grain::Month, "month")
            | (Grain::Year, "year")
    )
}

fn agrees(got: Option<crate::claims::Interval>, want: &Expected) -> bool {
    match (got, want) {
        (None, Expected::Nothing) => true,
        (Some(i), Expected::Value(d, g)) => i.start == *d && grain_matches(i.grain, g),
        (Some(i), Expected::Interval(from, to, _)) => {
            from.is_none_or(|f| i.start == f) && to.is_none_or(|t| i.end.succ_opt() == Some(t))
        }
        _ => false,
    }
}

/// Scores extraction against a Duckling time corpus: exact agreement on the in-scope phrases
/// (days, weeks, months, quarters, years, and phrases that must not parse; clock times are
/// out of scope for news dates), listing every disagreement and marking those that are
/// Duckling's future-leaning convention. The last line is `key=value` pairs.
pub fn duckling(path: &str, out: &mut dyn std::io::Write) -> Result<(), String> {
    use crate::morphology::Tense;
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let (mut items, mut in_scope, mut out_of_scope, mut exact, mut convention) = (0, 0, 0, 0, 0);
    let mut lang_seen = String::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let item: DucklingItem =
            serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        items += 1;
        lang_seen.clone_from(&item.lang);
        let Some(want) = expected(&item.expected) else {
            out_of_scope += 1;
            continue;
        };
        let grain = match &want {
            Expected::Nothing => "none",
            Expected::Value(_, g) | Expected::Interval(_, _, g) => g.as_str(),
        };
        if !matches!(
            grain,
            "none" | "day" | "week" | "month" | "year" | "quarter"
        ) {
            out_of_scope += 1;
            continue;
        }
        in_scope += 1;
        let published =
            NaiveDate::parse_from_str(item.ref_time.get(..10).unwrap_or(""), "%Y-%m-%d").ok();
        let opts = ReadOptions {
            published,
            lang: Some(item.lang.clone()),
            format: Some(Format::Plain),
            ..ReadOptions::default()
        };
        let Ok(doc) = Document::from_text("phrase", item.text.clone(), &opts) else {
            continue;
        };
        let (_, claims) = crate::check::extract(&doc, crate::facts::Facts::none());
        let temporals = claims.temporals;
        // The longest expression found stands for the phrase.
        let best = temporals.iter().max_by_key(|t| t.span.len());
        let got = best.and_then(|t| t.interval);
        if agrees(got, &want) {
            exact += 1;
            continue;
        }
        let future = best
            .zip(published)
            .and_then(|(t, p)| crate::claims::resolve::resolve(&t.value, p, Some(Tense::Future)));
        let is_convention = !matches!(want, Expected::Nothing) && agrees(future, &want);
        if is_convention {
            convention += 1;
        }
        let shown = match (best, got) {
            (Some(t), Some(i)) => format!(
                "«{}» {}…{} {}",
                &doc.text[t.span.clone()],
                i.start,
                i.end,
                i.grain.as_str()
            ),
            (Some(t), None) => format!("«{}» unplaced", &doc.text[t.span.clone()]),
            _ => "nothing".to_string(),
        };
        let kind = if is_convention { "convention" } else { "miss" };
        let _ = writeln!(
            out,
            "{kind} [{}] «{}»: expected {want:?}, got {shown}",
            item.corpus, item.text
        );
    }
    let rate = |n: usize| {
        if in_scope == 0 {
            0.0
        } else {
            n as f64 / in_scope as f64
        }
    };
    let _ = writeln!(
        out,
        "lang={lang_seen} items={items} in_scope={in_scope} out_of_scope={out_of_scope} exact={:.3} convention={convention} exact_or_convention={:.3}",
        rate(exact),
        rate(exact + convention)
    );
    Ok(())
}
