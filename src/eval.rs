//! Measuring factlint on third-party data (`factlint eval KIND PATH`). Nothing here is
//! needed by `check`; the data files live outside the repository.

use std::io::BufRead;

use chrono::{Datelike, NaiveDate};
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

/// Extraction throughput on one core over the articles of a news JSONL file, or of every
/// `*.jsonl` file in a folder: the documents are read and parsed first, then the claims
/// stage (tokens, sentences, time expressions, durations, counts, anchoring and tense,
/// resolution) runs over all of them, and then the whole check (every rule); the best of
/// five passes each, after a warm-up pass that fills the dictionary caches. Prints MB/s and
/// the process's peak resident memory. The last line is `key=value` pairs.
pub fn speed(path: &str, rules: &RuleSet, out: &mut dyn std::io::Write) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{path}: {e}"))?;
    let mut files = Vec::new();
    if meta.is_dir() {
        for entry in std::fs::read_dir(path).map_err(|e| format!("{path}: {e}"))? {
            let p = entry.map_err(|e| format!("{path}: {e}"))?.path();
            if p.extension().is_some_and(|e| e == "jsonl") {
                files.push(p);
            }
        }
        files.sort();
    } else {
        files.push(std::path::PathBuf::from(path));
    }
    let mut docs = Vec::new();
    for f in &files {
        let name = f.display().to_string();
        let file = std::fs::File::open(f).map_err(|e| format!("{name}: {e}"))?;
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| format!("{name}:{}: {e}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let item: NewsItem =
                serde_json::from_str(&line).map_err(|e| format!("{name}:{}: {e}", n + 1))?;
            let opts = ReadOptions {
                published: item.dct.as_deref().and_then(|d| {
                    NaiveDate::parse_from_str(d.get(..10).unwrap_or(""), "%Y-%m-%d").ok()
                }),
                lang: Some(item.lang.clone()),
                format: Some(Format::Plain),
                ..ReadOptions::default()
            };
            if let Ok(doc) = Document::from_text(&item.doc_id, item.text, &opts) {
                docs.push(doc);
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let best_of = |f: &dyn Fn() -> usize| {
        f(); // warm-up: dictionaries loaded, caches filled
        (0..5)
            .map(|_| {
                let t = std::time::Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let extract_s = best_of(&|| {
        docs.iter()
            .map(|d| {
                crate::check::extract(d, crate::facts::Facts::none())
                    .1
                    .temporals
                    .len()
            })
            .sum()
    });
    let check_s = best_of(&|| {
        docs.iter()
            .map(|d| {
                crate::check::check_with(d, rules, crate::facts::Facts::none())
                    .diagnostics
                    .len()
            })
            .sum()
    });
    let mb = bytes as f64 / 1e6;
    // Peak resident memory of this process (Linux); 0 where unknown.
    let peak_kb: u64 = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0);
    let _ = writeln!(
        out,
        "files={} docs={} bytes={bytes} extract_s={extract_s:.3} extract_mb_s={:.1} check_s={check_s:.3} check_mb_s={:.1} peak_rss_mb={}",
        files.len(),
        docs.len(),
        mb / extract_s,
        mb / check_s,
        peak_kb / 1024
    );
    Ok(())
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
    #[serde(default)]
    dim: String,
    corpus: String,
    ref_time: String,
    text: String,
    expected: Option<serde_json::Value>,
}

/// The items of a JSONL file, each parsed or an error naming its line; blank lines skipped.
fn jsonl<T: serde::de::DeserializeOwned>(
    path: &str,
) -> Result<impl Iterator<Item = Result<T, String>> + '_, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(std::io::BufReader::new(file)
        .lines()
        .enumerate()
        .filter_map(move |(n, line)| {
            let line = match line {
                Ok(l) if l.trim().is_empty() => return None,
                Ok(l) => l,
                Err(e) => return Some(Err(format!("{path}:{}: {e}", n + 1))),
            };
            Some(serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1)))
        }))
}

/// Seconds in a unit, as Duckling normalises durations (a month is 30 days, a year 365).
fn seconds(unit: crate::language::TimeUnit) -> f64 {
    use crate::language::TimeUnit;
    const DAY: f64 = 86_400.0;
    match unit {
        TimeUnit::Second => 1.0,
        TimeUnit::Minute => 60.0,
        TimeUnit::Hour => 3_600.0,
        TimeUnit::Day => DAY,
        TimeUnit::Week => 7.0 * DAY,
        TimeUnit::Month => 30.0 * DAY,
        TimeUnit::Quarter => 90.0 * DAY,
        TimeUnit::Year => 365.0 * DAY,
    }
}

/// A Duckling duration item: `None` when out of scope (a unit factlint has no word for),
/// else whether it is in clock units (seconds, minutes, hours: scored apart) and whether
/// the longest duration found has the expected count and unit (or, for a phrase that must
/// not parse, that none is found); `Err` says what was found.
fn duckling_duration(item: &DucklingItem) -> Option<(bool, Result<(), String>)> {
    use crate::language::TimeUnit;
    let (clock, want) = match &item.expected {
        None => (false, None),
        Some(e) => {
            let unit = match e["unit"].as_str()? {
                "second" => TimeUnit::Second,
                "minute" => TimeUnit::Minute,
                "hour" => TimeUnit::Hour,
                "day" => TimeUnit::Day,
                "week" => TimeUnit::Week,
                "month" => TimeUnit::Month,
                "quarter" => TimeUnit::Quarter,
                "year" => TimeUnit::Year,
                _ => return None,
            };
            (
                unit.calendar().is_none(),
                Some(e["value"].as_f64()? * seconds(unit)),
            )
        }
    };
    let opts = ReadOptions {
        published: None,
        lang: Some(item.lang.clone()),
        format: Some(Format::Plain),
        ..ReadOptions::default()
    };
    let doc = Document::from_text("phrase", item.text.clone(), &opts).ok()?;
    let (_, claims) = crate::check::extract(&doc, crate::facts::Facts::none());
    let longest = claims.durations.iter().max_by_key(|d| d.span.len());
    let got = longest.map(|d| d.count * seconds(d.unit));
    let same = match (got, want) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-3,
        (None, None) => true,
        _ => false,
    };
    if same {
        return Some((clock, Ok(())));
    }
    let got = longest.map(|d| (d.count, d.unit));
    Some((
        clock,
        Err(match got {
            Some((count, unit)) => format!("{count} {unit:?}").to_lowercase(),
            None => "nothing".into(),
        }),
    ))
}

#[derive(Deserialize)]
struct DateparserItem {
    lang: String,
    kind: String,
    ref_time: Option<String>,
    text: String,
    expected: Option<serde_json::Value>,
}

/// Scores `factlint` on dateparser's ru/uk test phrases: `parse` (a phrase → a date) and
/// `relative` («вчера», «3 роки тому») items agree when the expected day lies in the interval
/// found (time-of-day shifts are out of scope); `search` items (a sentence → its dates) count
/// the expected dates found at their place with their day. The last line is `key=value` pairs.
pub fn dateparser(path: &str, out: &mut dyn std::io::Write) -> Result<(), String> {
    let (mut items, mut in_scope, mut out_of_scope, mut agree) = (0, 0, 0, 0);
    let (mut phrases, mut convention, mut search_gold, mut search_found) = (0, 0, 0, 0);
    let day_time = |v: &str| chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S").ok();
    for item in jsonl::<DateparserItem>(path)? {
        let item = item?;
        items += 1;
        let Some(reference) = item.ref_time.as_deref().and_then(day_time) else {
            out_of_scope += 1;
            continue;
        };
        let opts = ReadOptions {
            published: Some(reference.date()),
            lang: Some(item.lang.clone()),
            format: Some(Format::Plain),
            ..ReadOptions::default()
        };
        let Ok(doc) = Document::from_text("phrase", item.text.clone(), &opts) else {
            out_of_scope += 1;
            continue;
        };
        let (_, claims) = crate::check::extract(&doc, crate::facts::Facts::none());
        match item.kind.as_str() {
            "parse" | "relative" => {
                let Some(want) = item
                    .expected
                    .as_ref()
                    .and_then(|e| e.as_str())
                    .and_then(day_time)
                else {
                    out_of_scope += 1;
                    continue;
                };
                // A clock shift («2 часа назад», «в 12:00») is out of scope for news dates.
                if want.time() != reference.time() && want.time() != chrono::NaiveTime::MIN {
                    out_of_scope += 1;
                    continue;
                }
                in_scope += 1;
                phrases += 1;
                let chars = |r: &std::ops::Range<usize>| doc.text[r.clone()].chars().count();
                let best = claims.temporals.iter().max_by_key(|t| chars(&t.span));
                let shift = claims
                    .durations
                    .iter()
                    .filter(|d| chars(&d.span) > best.map_or(0, |t| chars(&t.span)))
                    .max_by_key(|d| chars(&d.span))
                    .and_then(|d| d.interval);
                let got = shift.or(best.and_then(|t| t.interval));
                let contains = |i: Option<crate::claims::Interval>| {
                    i.is_some_and(|i| i.start <= want.date() && want.date() <= i.end)
                };
                if contains(got) {
                    agree += 1;
                } else {
                    // dateparser gives a year-less date the reference year: the same date
                    // read past- or future-leaning.
                    let leaning = |tense| {
                        best.and_then(|t| {
                            crate::claims::resolve::resolve(&t.value, reference.date(), Some(tense))
                        })
                    };
                    let is_convention = shift.is_none()
                        && (contains(leaning(crate::morphology::Tense::Past))
                            || contains(leaning(crate::morphology::Tense::Future)));
                    if is_convention {
                        convention += 1;
                    }
                    let _ = writeln!(
                        out,
                        "{} [{}] «{}»: expected {}, got {}",
                        if is_convention { "convention" } else { "miss" },
                        item.kind,
                        item.text,
                        want.date(),
                        got.map_or("nothing".into(), |i| format!("{}…{}", i.start, i.end))
                    );
                }
            }
            "search" => {
                let Some(list) = item.expected.as_ref().and_then(|e| e.as_array()) else {
                    out_of_scope += 1;
                    continue;
                };
                in_scope += 1;
                let cp = code_points(&doc.text);
                for e in list {
                    let (Some(a), Some(b), Some(day)) = (
                        e["start"].as_u64(),
                        e["end"].as_u64(),
                        e["value"].as_str().and_then(day_time),
                    ) else {
                        continue;
                    };
                    search_gold += 1;
                    let hit = claims.temporals.iter().any(|t| {
                        (cp[t.span.start] as u64) < b
                            && (a as usize) < cp[t.span.end]
                            && t.interval
                                .is_some_and(|i| i.start <= day.date() && day.date() <= i.end)
                    }) || claims.durations.iter().any(|d| {
                        (cp[d.span.start] as u64) < b
                            && (a as usize) < cp[d.span.end]
                            && d.interval
                                .is_some_and(|i| i.start <= day.date() && day.date() <= i.end)
                    });
                    if hit {
                        search_found += 1;
                    } else {
                        let _ = writeln!(
                            out,
                            "miss [search] «{}»: expected {}",
                            e["text"].as_str().unwrap_or(""),
                            day.date()
                        );
                    }
                }
            }
            _ => out_of_scope += 1,
        }
    }
    let rate = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let _ = writeln!(
        out,
        "items={items} in_scope={in_scope} out_of_scope={out_of_scope} phrases={phrases} agree={:.3} convention={convention} agree_or_convention={:.3} search_dates={search_gold} search_recall={:.3}",
        rate(agree, phrases),
        rate(agree + convention, phrases),
        rate(search_found, search_gold)
    );
    Ok(())
}

/// For each byte offset of `text` (and its end), the code-point offset: how TimeML and
/// dateparser count.
fn code_points(text: &str) -> Vec<usize> {
    let mut cp = vec![0usize; text.len() + 1];
    let mut c = 0;
    for (b, ch) in text.char_indices() {
        cp[b..b + ch.len_utf8()].fill(c);
        c += 1;
    }
    cp[text.len()] = c;
    cp
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
            | (Grain::Quarter, "quarter")
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

/// The time a duration with a relation names («через неделю», «два года назад»), at
/// Duckling's grain for it: the day for days, weeks and months, the month for years.
fn duckling_point(
    d: &crate::claims::Duration,
    published: NaiveDate,
) -> Option<crate::claims::Interval> {
    use crate::claims::{Grain, Interval};
    use crate::language::{Relation, Unit};
    use chrono::{Datelike, Months};
    let sign: i64 = match d.relation? {
        Relation::Ago => -1,
        Relation::FromNow => 1,
        Relation::Later | Relation::Earlier => return None,
    };
    let whole = |x: f64| (x.fract() == 0.0).then_some(x as i64 * sign);
    let months = |m: i64| {
        if m >= 0 {
            published.checked_add_months(Months::new(m as u32))
        } else {
            published.checked_sub_months(Months::new(m.unsigned_abs() as u32))
        }
    };
    let (day, grain) = match d.unit.calendar()? {
        Unit::Day => (
            published + chrono::Duration::days(whole(d.count)?),
            Grain::Day,
        ),
        Unit::Week => (
            published + chrono::Duration::days(whole(d.count * 7.0)?),
            Grain::Day,
        ),
        Unit::Month => (months(whole(d.count)?)?, Grain::Day),
        Unit::Quarter => (months(whole(d.count * 3.0)?)?, Grain::Day),
        Unit::Year => (months(whole(d.count * 12.0)?)?.with_day(1)?, Grain::Month),
    };
    Some(Interval {
        start: day,
        end: day,
        grain,
    })
}

/// Scores extraction against a Duckling time corpus: exact agreement on the in-scope phrases
/// (days, weeks, months, quarters, years, and phrases that must not parse; clock times are
/// out of scope for news dates), listing every disagreement and marking those that are
/// Duckling's future-leaning convention. The last line is `key=value` pairs.
pub fn duckling(path: &str, out: &mut dyn std::io::Write) -> Result<(), String> {
    use crate::morphology::Tense;
    let (mut items, mut in_scope, mut out_of_scope, mut exact, mut convention) = (0, 0, 0, 0, 0);
    // Durations in clock units (seconds, minutes, hours): out of the calendar scope, scored
    // apart.
    let (mut clock_in_scope, mut clock_exact) = (0, 0);
    let mut lang_seen = String::new();
    for item in jsonl::<DucklingItem>(path)? {
        let item = item?;
        items += 1;
        lang_seen.clone_from(&item.lang);
        if item.dim == "duration" {
            match duckling_duration(&item) {
                None => out_of_scope += 1,
                Some((true, result)) => {
                    out_of_scope += 1;
                    clock_in_scope += 1;
                    match result {
                        Ok(()) => clock_exact += 1,
                        Err(got) => {
                            let _ = writeln!(
                                out,
                                "miss [clock] «{}»: expected {} {}, got {got}",
                                item.text,
                                item.expected
                                    .as_ref()
                                    .map_or(&serde_json::Value::Null, |e| &e["value"]),
                                item.expected
                                    .as_ref()
                                    .map_or(&serde_json::Value::Null, |e| &e["unit"]),
                            );
                        }
                    }
                }
                Some((false, Ok(()))) => {
                    in_scope += 1;
                    exact += 1;
                }
                Some((false, Err(got))) => {
                    in_scope += 1;
                    let _ = writeln!(
                        out,
                        "miss [{}] «{}»: expected {}, got {got}",
                        item.corpus,
                        item.text,
                        item.expected
                            .as_ref()
                            .map_or("nothing".to_string(), |e| format!(
                                "{} {}",
                                e["value"], e["unit"]
                            ))
                    );
                }
            }
            continue;
        }
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
        // The longest expression found (in characters) stands for the phrase.
        let chars = |r: &std::ops::Range<usize>| doc.text[r.clone()].chars().count();
        let best = temporals.iter().max_by_key(|t| chars(&t.span));
        let got = best.and_then(|t| t.interval);
        // «через неделю», «два года назад» name a time too, when longer than any date found.
        let shift = claims
            .durations
            .iter()
            .filter(|d| chars(&d.span) > best.map_or(0, |t| chars(&t.span)))
            .max_by_key(|d| chars(&d.span))
            .zip(published)
            .and_then(|(d, p)| duckling_point(d, p));
        if agrees(shift.or(got), &want) {
            exact += 1;
            continue;
        }
        // Duckling reads a phrase as the next such time after the reference: read from the
        // reference day, and from the day after it (the weekday that is today is next week's).
        let future = |shift: u64| {
            best.zip(published).and_then(|(t, p)| {
                crate::claims::resolve::resolve(
                    &t.value,
                    p + chrono::Days::new(shift),
                    Some(Tense::Future),
                )
            })
        };
        let is_convention = !matches!(want, Expected::Nothing)
            && (agrees(future(0), &want) || agrees(future(1), &want));
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
    let clock = if clock_in_scope > 0 {
        format!(
            " clock_in_scope={clock_in_scope} clock_exact={:.3}",
            clock_exact as f64 / clock_in_scope as f64
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "lang={lang_seen} items={items} in_scope={in_scope} out_of_scope={out_of_scope} exact={:.3} convention={convention} exact_or_convention={:.3}{clock}",
        rate(exact),
        rate(exact + convention)
    );
    Ok(())
}

/// One TimeML document (`tempeval3/*.jsonl`, `wikiwarsua/*.jsonl`).
#[derive(Debug, Deserialize)]
struct TimemlDoc {
    /// Named in each disagreement listed, so it can be looked up.
    #[serde(default)]
    doc_id: String,
    lang: String,
    dct: Option<String>,
    text: String,
    timexes: Vec<Timex>,
    #[serde(default)]
    events: Vec<TimemlEvent>,
}

#[derive(Debug, Deserialize)]
struct Timex {
    start: usize,
    end: usize,
    value: Option<String>,
}

#[derive(Debug, Deserialize)]
struct TimemlEvent {
    start: usize,
    tense: Option<String>,
    pos: Option<String>,
}

/// A TIMEX3 value in one spelling where the corpus writes one value two ways: a decade as
/// "198X" or "198", a week as "2000-W2" or "2000-W02".
fn canonical(v: &str) -> std::borrow::Cow<'_, str> {
    let b = v.as_bytes();
    if b.len() == 4 && b[..3].iter().all(u8::is_ascii_digit) && b[3] == b'X' {
        return v[..3].into();
    }
    if b.len() == 7 && &v[4..6] == "-W" && b[6].is_ascii_digit() {
        return format!("{}-W0{}", &v[..4], &v[6..]).into();
    }
    v.into()
}

/// Whether a predicted value agrees with the gold one, spelling aside. WikiWarsUA writes a
/// decade by its first year ("1780" for «1780-х роках»), which a predicted decade ("178")
/// matches.
fn same_value((predicted, gold): (&str, &str)) -> bool {
    let (p, g) = (canonical(predicted), canonical(gold));
    p == g || (p.len() == 3 && g.len() == 4 && g.starts_with(&*p) && g.ends_with('0'))
}

/// The TimeML value of an extracted expression, as TIMEX3 writes it.
fn timeml_value(i: &crate::claims::Interval) -> String {
    use crate::claims::Grain;
    match i.grain {
        Grain::Day => i.start.format("%Y-%m-%d").to_string(),
        Grain::Week | Grain::PartOfWeek => {
            let w = i.start.iso_week();
            // Saturday and Sunday: TIMEX3's weekend.
            let weekend = if i.start.weekday() == chrono::Weekday::Sat
                && i.end == i.start.succ_opt().unwrap_or(i.start)
            {
                "-WE"
            } else {
                ""
            };
            format!("{}-W{:02}{weekend}", w.year(), w.week())
        }
        Grain::Month | Grain::PartOfMonth => i.start.format("%Y-%m").to_string(),
        Grain::Quarter => format!("{}-Q{}", i.start.year(), (i.start.month() - 1) / 3 + 1),
        Grain::Season => {
            let (y, s) = match i.start.month() {
                3 => (i.start.year(), "SP"),
                6 => (i.start.year(), "SU"),
                9 => (i.start.year(), "FA"),
                _ => (i.end.year(), "WI"),
            };
            format!("{y}-{s}")
        }
        // A half of a year: "the first half of 1990" is 1990-H1.
        Grain::PartOfYear
            if (i.start.month(), i.start.day(), i.end.month(), i.end.day()) == (1, 1, 6, 30) =>
        {
            format!("{}-H1", i.start.year())
        }
        Grain::PartOfYear
            if (i.start.month(), i.start.day(), i.end.month(), i.end.day()) == (7, 1, 12, 31) =>
        {
            format!("{}-H2", i.start.year())
        }
        Grain::Year | Grain::PartOfYear => i.start.format("%Y").to_string(),
        // "the 1990s": TIMEX3 writes a decade by its first three digits.
        Grain::Decade | Grain::PartOfDecade => format!("{}", i.start.year() / 10),
        // Named by the year after the one its widest span begins in.
        Grain::FiscalYear => format!("{}", i.start.year() + 1),
        Grain::Range => format!("{}/{}", i.start, i.end),
    }
}

/// The byte spans of a range's two ends, when the extractor recorded them.
fn range_end_spans(t: &crate::claims::Temporal) -> Option<((usize, usize), (usize, usize))> {
    let (a, b) = t.range_ends.as_ref()?;
    Some(((a.start, a.end), (b.start, b.end)))
}

/// The TimeML values of a range's ends, at the grain each end is written in: its first
/// and last day, month or year.
fn range_end_values(
    v: &crate::claims::TimeValue,
    i: crate::claims::Interval,
) -> (Option<String>, Option<String>) {
    use crate::claims::TimeValue;
    use crate::language::Unit;
    let TimeValue::Range { from, to } = v else {
        return (None, None);
    };
    let at = |end: &TimeValue, day| {
        let unit = match end {
            TimeValue::Date { .. } => Unit::Day,
            TimeValue::Month { .. } => Unit::Month,
            TimeValue::Year { .. } => Unit::Year,
            _ => return None,
        };
        crate::claims::resolve::period_of(unit, None, day).map(|p| timeml_value(&p))
    };
    (at(from, i.start), at(to, i.end))
}

/// «the last three years»: TIMEX3 writes the span of units as a duration (`P3Y`).
fn counted_value(v: &crate::claims::TimeValue) -> Option<String> {
    use crate::claims::TimeValue;
    use crate::language::Unit;
    let TimeValue::Range { from, to } = v else {
        return None;
    };
    let (
        TimeValue::RelativePeriod {
            unit,
            offset: a,
            part: None,
        },
        TimeValue::RelativePeriod { offset: b, .. },
    ) = (&**from, &**to)
    else {
        return None;
    };
    let unit = match unit {
        Unit::Day => "D",
        Unit::Week => "W",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Year => "Y",
    };
    Some(format!("P{}{unit}", b - a + 1))
}

/// TIMEX3's value of a duration: `P2Y`, `PT5H`; a fraction of a year, an hour or a minute
/// is written in the next unit down («2,5 года» `P2Y6M`, "5 1/2 hours" `PT5H30M`, "a minute
/// and a half" `PT1M30S`).
fn duration_value(d: &crate::claims::Duration) -> String {
    match &d.interval {
        Some(i) => timeml_value(i),
        None => period_value(d.count, d.unit),
    }
}

/// A TIMEX3 period: `P2Y`, `PT1H30M`.
fn period_value(count: f64, unit: crate::language::TimeUnit) -> String {
    use crate::language::TimeUnit;
    let (unit, clock, lower) = match unit {
        TimeUnit::Second => ("S", true, None),
        TimeUnit::Minute => ("M", true, Some(("S", 60.0))),
        TimeUnit::Hour => ("H", true, Some(("M", 60.0))),
        TimeUnit::Day => ("D", false, None),
        TimeUnit::Week => ("W", false, None),
        TimeUnit::Month => ("M", false, None),
        TimeUnit::Quarter => ("Q", false, None),
        TimeUnit::Year => ("Y", false, Some(("M", 12.0))),
    };
    let t = if clock { "T" } else { "" };
    let whole = count.trunc();
    let n = if count.fract() == 0.0 {
        format!("{}", count as i64)
    } else if let Some((lower, per)) = lower.filter(|(_, per)| (count.fract() * per).fract() == 0.0)
    {
        let rest = (count.fract() * per) as i64;
        return if whole == 0.0 {
            format!("P{t}{rest}{lower}")
        } else {
            format!("P{t}{}{unit}{rest}{lower}", whole as i64)
        };
    } else {
        format!("{}", count)
    };
    format!("P{t}{n}{unit}")
}

/// The TimeML tense of the verb at token `i`, from the auxiliaries before it and its own
/// form, with the English data of the language pack.
fn timeml_tense(doc: &Document, text: &crate::text::Text, i: usize) -> &'static str {
    use crate::morphology::{Tense, WordClass};
    let (Some(pack), Some(morph)) = (
        crate::language::embedded::pack(crate::language::Lang::En),
        crate::morphology::for_language(crate::language::Lang::En),
    ) else {
        return "NONE";
    };
    let word = |k: usize| crate::language::fold(text.tokens[k].text(&doc.text));
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        let t = &text.tokens[k];
        if !t.is_word() {
            break;
        }
        let w = word(k);
        if pack.is_future_marker(&w) {
            return "FUTURE";
        }
        if pack.is_conditional(&w) {
            return "NONE";
        }
        if w == "to" {
            return "INFINITIVE";
        }
        if matches!(w.as_str(), "be" | "been" | "being") {
            continue;
        }
        let aux = pack.is_participle_marker(&w) || pack.is_infinitive_marker(&w);
        match morph.classify(&w) {
            WordClass::Verb {
                tense: Some(Tense::Past),
                ..
            } if aux => return "PAST",
            WordClass::Verb {
                tense: Some(Tense::Present),
                ..
            } if aux => return "PRESENT",
            WordClass::Other => continue, // «not», «also», adverbs
            _ => break,
        }
    }
    let w = word(i);
    let participle = crate::morphology::english().map(|e| e.present_participle_suffix.as_str());
    if participle.is_some_and(|suffix| w.ends_with(suffix)) && w.len() > 4 {
        return "PRESPART";
    }
    match morph.classify(&w) {
        WordClass::Verb {
            tense: Some(Tense::Past),
            ..
        } => "PAST",
        _ => "PRESENT",
    }
}

/// Scores TIMEX3 extraction (strict and relaxed P/R/F1, value accuracy and value F1) and the
/// tense of verb events against a TimeML corpus, each document against its own DCT. The
/// last line is `key=value` pairs.
pub fn timeml(path: &str, out: &mut dyn std::io::Write) -> Result<(), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let (mut gold, mut predicted, mut strict, mut relaxed_gold, mut relaxed_pred, mut value_ok) =
        (0, 0, 0, 0, 0, 0);
    let (mut verbs, mut tense_ok, mut docs) = (0, 0, 0);
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let d: TimemlDoc =
            serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        docs += 1;
        let published = d
            .dct
            .as_deref()
            .and_then(|s| s.get(..10))
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let opts = ReadOptions {
            published,
            lang: Some(d.lang.clone()),
            format: Some(Format::Plain),
            ..ReadOptions::default()
        };
        let Ok(doc) = Document::from_text("doc", d.text.clone(), &opts) else {
            continue;
        };
        let (text, claims) = crate::check::extract(&doc, crate::facts::Facts::none());
        // Byte offsets → code-point offsets, as TimeML counts.
        let cp = code_points(&doc.text);
        // TIMEX3 leaves the governing preposition out («on [Tuesday]»); factlint's spans keep
        // it for diagnostics, so it is dropped here.
        let pack = doc.lang.and_then(crate::language::embedded::pack);
        let core_start = |t: &crate::claims::Temporal| {
            let first = &text.tokens[t.tokens.start];
            let is_prep = pack.is_some_and(|p| {
                p.word(&crate::language::fold(first.text(&doc.text)))
                    .iter()
                    .any(|w| matches!(w, crate::language::Word::Prep(_)))
            });
            if is_prep && t.tokens.len() > 1 {
                text.tokens[t.tokens.start + 1].start
            } else {
                t.span.start
            }
        };
        let mut spans: Vec<(usize, usize, Option<String>)> = Vec::new();
        for t in &claims.temporals {
            // TIMEX3 marks the two ends of a range apart («с [15] по [20 мая]»).
            if let (Some(((_, a_end), (b_start, _))), Some(i)) = (range_end_spans(t), t.interval) {
                let (from, to) = range_end_values(&t.value, i);
                spans.push((cp[core_start(t)], cp[a_end], from));
                spans.push((cp[b_start], cp[t.span.end], to));
                continue;
            }
            spans.push((
                cp[core_start(t)],
                cp[t.span.end],
                counted_value(&t.value).or_else(|| {
                    let i = t.interval.as_ref()?;
                    // "10 p.m. Wednesday": TIMEX3 writes the time after the day.
                    if let Some((h, m)) = t.clock.filter(|_| i.grain == crate::claims::Grain::Day) {
                        return Some(format!("{}T{h:02}:{m:02}", timeml_value(i)));
                    }
                    // "Friday night": TIMEX3 writes the part of the day after the day.
                    let part = match t.day_part.filter(|_| i.grain == crate::claims::Grain::Day) {
                        Some(crate::language::DayPart::Morning) => "TMO",
                        Some(crate::language::DayPart::Afternoon) => "TAF",
                        Some(crate::language::DayPart::Evening) => "TEV",
                        Some(crate::language::DayPart::Night) => "TNI",
                        None => "",
                    };
                    Some(format!("{}{part}", timeml_value(i)))
                }),
            ));
        }
        spans.extend(
            claims
                .durations
                .iter()
                .map(|du| (cp[du.span.start], cp[du.span.end], Some(duration_value(du)))),
        );
        // TIMEX3 writes «now», "recently", "the future" as PRESENT_REF, PAST_REF, FUTURE_REF.
        spans.extend(claims.references.iter().map(|r| {
            let value = format!("{}_REF", r.when.as_str().to_uppercase());
            (cp[r.span.start], cp[r.span.end], Some(value))
        }));
        // TIMEX3 writes a set by its period ("daily" P1D), weekday (XXXX-WXX-2) or month.
        spans.extend(claims.recurrences.iter().map(|r| {
            use crate::claims::Every;
            let value = match r.every {
                Every::Units { count, unit } => period_value(count, unit),
                Every::Weekday(w) => format!("XXXX-WXX-{w}"),
                Every::Month(m) => format!("XXXX-{m:02}"),
            };
            (cp[r.span.start], cp[r.span.end], Some(value))
        }));
        gold += d.timexes.len();
        predicted += spans.len();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        // Gold text by character offsets.
        let chars: Vec<char> = d.text.chars().collect();
        let gold_text = |g: &Timex| -> String {
            chars[g.start.min(chars.len())..g.end.min(chars.len())]
                .iter()
                .collect()
        };
        for g in &d.timexes {
            if spans.iter().any(|s| (s.0, s.1) == (g.start, g.end)) {
                strict += 1;
            }
            if let Some(s) = spans
                .iter()
                .find(|s| overlaps((s.0, s.1), (g.start, g.end)))
            {
                relaxed_gold += 1;
                // A part of the day the gold leaves out of its span ("[Friday] night") is
                // left out of the value compared.
                let predicted = s.2.as_deref().map(|v| match v.split_once('T') {
                    Some((day, _)) if g.end < s.1 && !v.starts_with('P') => day,
                    _ => v,
                });
                if predicted.zip(g.value.as_deref()).is_some_and(same_value) {
                    value_ok += 1;
                } else {
                    let _ = writeln!(
                        out,
                        "value «{}» [{}]: gold {}, got {}",
                        gold_text(g),
                        d.doc_id,
                        g.value.as_deref().unwrap_or("-"),
                        s.2.as_deref().unwrap_or("-")
                    );
                }
            } else {
                let _ = writeln!(
                    out,
                    "miss «{}» [{}]: gold {}",
                    gold_text(g),
                    d.doc_id,
                    g.value.as_deref().unwrap_or("-")
                );
            }
        }
        for s in &spans {
            if d.timexes
                .iter()
                .any(|g| overlaps((s.0, s.1), (g.start, g.end)))
            {
                relaxed_pred += 1;
            } else {
                let text: String = chars[s.0.min(chars.len())..s.1.min(chars.len())]
                    .iter()
                    .collect();
                let _ = writeln!(
                    out,
                    "extra «{text}» [{}]: no gold expression there",
                    d.doc_id
                );
            }
        }
        // Tense of verb events.
        let char_to_token = |c: usize| text.tokens.iter().position(|t| cp[t.start] == c);
        for e in d.events.iter().filter(|e| e.pos.as_deref() == Some("VERB")) {
            let (Some(gold_tense), Some(i)) = (e.tense.as_deref(), char_to_token(e.start)) else {
                continue;
            };
            verbs += 1;
            if timeml_tense(&doc, &text, i) == gold_tense {
                tense_ok += 1;
            }
        }
    }
    let f1 = |p: f64, r: f64| {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (sp, sr) = (ratio(strict, predicted), ratio(strict, gold));
    let (rp, rr) = (ratio(relaxed_pred, predicted), ratio(relaxed_gold, gold));
    let value_acc = ratio(value_ok, relaxed_gold);
    let _ = writeln!(
        out,
        "docs={docs} gold={gold} predicted={predicted} strict_p={sp:.3} strict_r={sr:.3} strict_f1={:.3} relaxed_p={rp:.3} relaxed_r={rr:.3} relaxed_f1={:.3} value_acc={value_acc:.3} value_f1={:.3} verbs={verbs} tense_acc={:.3}",
        f1(sp, sr),
        f1(rp, rr),
        f1(rp, rr) * value_acc,
        ratio(tense_ok, verbs)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_written_two_ways_compare_equal() {
        assert_eq!(canonical("198X"), "198");
        assert_eq!(canonical("2000-W2"), "2000-W02");
        for same in ["198", "1998-W12", "1998-02-12", "PXY", "19XX"] {
            assert_eq!(canonical(same), same);
        }
        assert!(same_value(("178", "1780")) && same_value(("198", "198X")));
        assert!(!same_value(("1780", "178")) && !same_value(("178", "1785")));
    }

    #[test]
    fn duration_values_in_timeml() {
        use crate::language::{Approx, TimeUnit};
        let d = |count, unit| crate::claims::Duration {
            span: 0..0,
            tokens: 0..0,
            sentence: 0,
            count,
            unit,
            approx: Approx::Exactly,
            relation: None,
            interval: None,
            attributive: false,
        };
        assert_eq!(duration_value(&d(5.0, TimeUnit::Hour)), "PT5H");
        assert_eq!(duration_value(&d(5.5, TimeUnit::Hour)), "PT5H30M");
        assert_eq!(duration_value(&d(1.5, TimeUnit::Minute)), "PT1M30S");
        assert_eq!(duration_value(&d(0.5, TimeUnit::Hour)), "PT30M");
        assert_eq!(duration_value(&d(30.0, TimeUnit::Second)), "PT30S");
        assert_eq!(duration_value(&d(2.5, TimeUnit::Year)), "P2Y6M");
        assert_eq!(duration_value(&d(3.0, TimeUnit::Week)), "P3W");
    }

    /// A written-out corpus of one document: a decade, a weekday, a recurrence and a miss are
    /// scored, and each disagreement names its document.
    #[test]
    fn timeml_scores_spans_and_values() {
        let text =
            "The plant closed in the late 1970s. Shares fell Friday, as for centuries, and daily.";
        let span = |s: &str| {
            let start = text.find(s).unwrap();
            (start, start + s.len())
        };
        let timex = |s: &str, value: &str| {
            let (start, end) = span(s);
            serde_json::json!({"start": start, "end": end, "value": value})
        };
        let doc = serde_json::json!({
            "doc_id": "doc-1", "lang": "en", "dct": "1998-02-16", "text": text,
            "timexes": [timex("the late 1970s", "197"), timex("Friday", "1998-02-13"),
                        timex("centuries", "PXC"), timex("daily", "P1D")],
        });
        let path =
            std::env::temp_dir().join(format!("factlint-timeml-{}.jsonl", std::process::id()));
        std::fs::write(&path, format!("{doc}\n")).unwrap();
        let mut out = Vec::new();
        timeml(path.to_str().unwrap(), &mut out).unwrap();
        let _ = std::fs::remove_file(&path);
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("miss «centuries» [doc-1]: gold PXC"), "{out}");
        let last = out.lines().last().unwrap();
        for pair in [
            "gold=4",
            "predicted=3",
            "relaxed_p=1.000",
            "value_acc=1.000",
        ] {
            assert!(last.split(' ').any(|kv| kv == pair), "{pair} in {last}");
        }
    }
}
