//! The timeline of an article: every temporal claim in text order, with its normalized value
//! and the predicate it anchors — how an editor sees why a rule fired or did not.

use std::ops::Range;

use serde::Serialize;

use crate::claims::{Duration, Every, Interval, Recurrence, Reference, Temporal, TimeValue};
use crate::document::{Document, LineIndex};

/// One row of the timeline.
#[derive(Debug, Serialize)]
pub struct Entry<'a> {
    /// Byte offset of the expression.
    pub start: usize,
    /// Byte offset after it.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode scalar values.
    pub column: usize,
    /// The expression as written.
    pub text: &'a str,
    /// What kind of expression: date, month, quarter, season, year, range, weekday,
    /// decade, fiscal-year, relative-day, relative-period, relative-month, nth-in-month, holiday, duration,
    /// reference, recurrence.
    pub kind: &'static str,
    /// First day of the interval (YYYY-MM-DD), when placed on the calendar.
    pub start_date: Option<String>,
    /// Last day, inclusive.
    pub end_date: Option<String>,
    /// day, week, part-of-month, month, part-of-year, year, fiscal-year, part-of-decade,
    /// decade, range.
    pub grain: Option<&'static str>,
    /// The governing preposition's role: at, from, to, until, by, for, after, before, around.
    pub role: Option<String>,
    /// The predicate it anchors.
    pub predicate: Option<&'a str>,
    /// past, present, future.
    pub tense: Option<&'static str>,
    /// The time modifies the verb (not a noun between them).
    pub adverbial: Option<bool>,
    /// Reported speech: the tense is relative to the report.
    pub reported: Option<bool>,
    /// Conditional clause.
    pub conditional: Option<bool>,
    /// For a duration: how many units, which unit, how exact, and what it is relative to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<DurationValue>,
    /// For a reference with no date («сейчас», "recently"): past, present or future.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<&'static str>,
    /// For a recurrence («ежедневно», "every Tuesday"): what recurs, as
    /// `{"units": {"count": 1.0, "unit": "day"}}`, `{"weekday": 2}` or `{"month": 7}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<Every>,
    /// The part of the day named after a day ("Thursday evening"): morning, afternoon,
    /// evening, night.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_part: Option<&'static str>,
    /// The time of day written with the day ("22:00" in "10 p.m. Wednesday").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// The value of a duration row.
#[derive(Debug, Serialize)]
pub struct DurationValue {
    /// How many units.
    pub count: f64,
    /// second, minute, hour, day, week, month, quarter, year.
    pub unit: String,
    /// exactly, almost, about, more-than, less-than, at-least.
    pub approx: crate::language::Approx,
    /// ago, from-now, later, or none.
    pub relation: Option<crate::language::Relation>,
    /// An adjective of length ("a two-year term"): how long something is, not how long ago.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub attributive: bool,
}

fn kind(v: &TimeValue) -> &'static str {
    match v {
        TimeValue::Date { .. } => "date",
        TimeValue::Month { .. } => "month",
        TimeValue::Quarter { .. } => "quarter",
        TimeValue::Season { .. } => "season",
        TimeValue::Year { .. } => "year",
        TimeValue::Decade { .. } => "decade",
        TimeValue::FiscalYear { .. } => "fiscal-year",
        TimeValue::Range { .. } => "range",
        TimeValue::Weekday { .. } => "weekday",
        TimeValue::Weekend { .. } => "weekend",
        TimeValue::WeekdayAfterNext { .. } => "weekday",
        TimeValue::RelativeDay(_) => "relative-day",
        TimeValue::RelativePeriod { .. } => "relative-period",
        TimeValue::RelativeMonth { .. } => "relative-month",
        TimeValue::RelativeSeason { .. } => "relative-season",
        TimeValue::InRelativeYear { value, .. } => kind(value),
        TimeValue::NthInMonth { .. } => "nth-in-month",
        TimeValue::Holiday { .. } | TimeValue::RelativeHoliday { .. } => "holiday",
        TimeValue::PeriodOfContext { .. } => "period-of-context",
        TimeValue::SamePeriod { .. } => "same-period",
        TimeValue::Offset { .. } => "offset",
        TimeValue::WeekOf(_) => "week-of",
    }
}

/// The timeline rows of a document: time expressions and durations, in text order.
pub fn entries<'a>(
    doc: &'a Document,
    temporals: &[Temporal],
    durations: &[Duration],
    references: &[Reference],
    recurrences: &[Recurrence],
) -> Vec<Entry<'a>> {
    let lines = LineIndex::new(&doc.text);
    let row = |span: &Range<usize>, kind, interval: Option<Interval>| {
        let (line, column) = lines.line_col(&doc.text, span.start);
        Entry {
            start: span.start,
            end: span.end,
            line,
            column,
            text: &doc.text[span.clone()],
            kind,
            start_date: interval.map(|i| i.start.to_string()),
            end_date: interval.map(|i| i.end.to_string()),
            grain: interval.map(|i| i.grain.as_str()),
            role: None,
            predicate: None,
            tense: None,
            adverbial: None,
            reported: None,
            conditional: None,
            duration: None,
            reference: None,
            every: None,
            day_part: None,
            time: None,
        }
    };
    let mut rows: Vec<Entry> = durations
        .iter()
        .map(|d| Entry {
            duration: Some(DurationValue {
                count: d.count,
                unit: format!("{:?}", d.unit).to_lowercase(),
                approx: d.approx,
                relation: d.relation,
                attributive: d.attributive,
            }),
            ..row(&d.span, "duration", d.interval)
        })
        .collect();
    rows.extend(temporals.iter().map(|t| {
        let a = t.anchor.as_ref();
        Entry {
            role: t.prep.map(|p| format!("{p:?}").to_lowercase()),
            predicate: a.map(|a| &doc.text[a.span.clone()]),
            tense: a.map(|a| a.tense.as_str()),
            adverbial: a.map(|a| a.strong),
            reported: a.map(|a| a.reported),
            conditional: a.map(|a| a.conditional),
            day_part: t.day_part.map(|p| p.as_str()),
            time: t.clock.map(|(h, m)| format!("{h:02}:{m:02}")),
            ..row(&t.span, kind(&t.value), t.interval)
        }
    }));
    rows.extend(references.iter().map(|r| Entry {
        reference: Some(r.when.as_str()),
        ..row(&r.span, "reference", None)
    }));
    rows.extend(recurrences.iter().map(|r| Entry {
        every: Some(r.every),
        ..row(&r.span, "recurrence", None)
    }));
    rows.sort_by_key(|r| r.start);
    rows
}

/// A plain table for people.
pub fn table(doc: &Document, rows: &[Entry]) -> String {
    let mut out = format!(
        "{}: published {}, language {}\n",
        doc.name,
        doc.published
            .as_ref()
            .map_or("unknown".to_string(), |p| format!(
                "{} ({})",
                p.date,
                p.source.as_str()
            )),
        doc.lang_code
    );
    if rows.is_empty() {
        out.push_str("no temporal expressions found\n");
        return out;
    }
    let width = rows
        .iter()
        .map(|r| r.text.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for r in rows {
        let value = match (&r.start_date, &r.end_date, r.reference) {
            (Some(s), Some(e), _) if s == e => match &r.time {
                Some(time) => format!("{s} {time}"),
                None => s.clone(),
            },
            (Some(s), Some(e), _) => format!("{s}…{e}"),
            (_, _, Some(when)) => format!("({when})"),
            _ => r
                .every
                .map_or("—".to_string(), |e| format!("({})", e.describe())),
        };
        let mut anchor = match (r.predicate, r.tense, &r.duration) {
            (Some(p), Some(t), _) => format!("{p} ({t})"),
            (_, _, Some(d)) => {
                let length = if d.attributive { ", attributive" } else { "" };
                format!("duration: {} {}, ", d.count, d.unit).to_lowercase()
                    + d.approx.as_str()
                    + length
            }
            _ => String::new(),
        };
        if r.adverbial == Some(false) {
            anchor.push_str(", modifies a noun");
        }
        if r.reported == Some(true) {
            anchor.push_str(", reported");
        }
        if r.conditional == Some(true) {
            anchor.push_str(", conditional");
        }
        let text: String = r.text.chars().take(40).collect();
        out.push_str(&format!(
            "{:>4}:{:<3} {:<width$}  {:<23} {:<14} {:<7} {}\n",
            r.line,
            r.column,
            text,
            value,
            r.grain.unwrap_or("—"),
            r.role.as_deref().unwrap_or(""),
            anchor,
            width = width
        ));
    }
    out
}
