//! Check kinds: the code behind rules. A rule file picks one and sets its parameters; the
//! check reads claims and emits diagnostics with the rule's templates.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::{render, Rule};
use crate::claims::resolve::{days_in_month, resolve};
use crate::claims::{Temporal, TimeValue};
use crate::diagnostics::{Diagnostic, Fix, Label};
use crate::document::{DateSource, Document};
use crate::language::{fold, LanguagePack, Prep};
use crate::morphology::Tense;
use crate::suppress::Suppression;
use crate::text::Text;

/// A check kind with its parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckKind {
    /// A predicate's tense contradicts the date's side of publication.
    TenseVsPublication(TenseParams),
    /// A weekday name next to a date that falls on another weekday.
    WeekdayMismatch,
    /// A day that does not exist («31 апреля»).
    ImpossibleDate,
    /// A range whose end is before its start.
    ReversedRange,
    /// «вчера, 17 февраля» where yesterday was another day.
    RelativeDateMismatch,
    /// The document has no publication date.
    MissingPublicationDate,
    /// The document's language has no data.
    UnsupportedLanguage,
    /// A suppression comment that suppressed nothing.
    UnusedSuppression,
    /// A person named with a role they did not hold at the time (per the facts file).
    RoleAtDate,
    /// «длится уже почти три года» against an event's start date (per the facts file).
    DurationSinceEvent,
    /// «62-летний X» against X's birth date (per the facts file).
    AgeAtDate,
    /// One person named with two roles for the same time (per the facts file's titles).
    ConflictingRoles,
    /// A count of one thing given twice differently.
    QuantityMismatch,
    /// Parts that add up to more than their stated total.
    PartsExceedTotal,
    /// One scheduled event given two different days.
    EventDateMismatch,
    /// One person given two different ages for the same time.
    AgeMismatch,
    /// A day placed before or after an event that the event's day contradicts.
    EventOrder,
}

/// Parameters of `tense-vs-publication`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenseParams {
    /// `past`: past tense after publication; `future`: future tense before it.
    pub tense: TenseParam,
    /// Days of slack around the publication date (dates may be off by a time zone).
    #[serde(default = "one")]
    pub tolerance_days: i64,
    /// Only dates at most this many days from publication (narratives use the historical
    /// future: «в 1991 году СССР распадется»).
    pub max_distance_days: Option<i64>,
}

fn one() -> i64 {
    1
}

/// Which tense `tense-vs-publication` looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TenseParam {
    /// Past tense.
    Past,
    /// Future tense.
    Future,
}

impl CheckKind {
    /// Every check kind name.
    pub const NAMES: &'static [&'static str] = &[
        "tense-vs-publication",
        "weekday-mismatch",
        "impossible-date",
        "reversed-range",
        "relative-date-mismatch",
        "missing-publication-date",
        "unsupported-language",
        "unused-suppression",
        "role-at-date",
        "duration-since-event",
        "age-at-date",
        "conflicting-roles",
        "quantity-mismatch",
        "parts-exceed-total",
        "event-date-mismatch",
        "age-mismatch",
        "event-order",
    ];

    /// Builds a check kind from its name and `[params]`.
    pub fn parse(name: &str, params: &toml::Table) -> Result<CheckKind, String> {
        let none = |k: CheckKind| {
            if params.is_empty() {
                Ok(k)
            } else {
                Err(format!("check `{name}` takes no [params]"))
            }
        };
        match name {
            "tense-vs-publication" => Ok(CheckKind::TenseVsPublication(typed(name, params)?)),
            "weekday-mismatch" => none(CheckKind::WeekdayMismatch),
            "impossible-date" => none(CheckKind::ImpossibleDate),
            "reversed-range" => none(CheckKind::ReversedRange),
            "relative-date-mismatch" => none(CheckKind::RelativeDateMismatch),
            "missing-publication-date" => none(CheckKind::MissingPublicationDate),
            "unsupported-language" => none(CheckKind::UnsupportedLanguage),
            "unused-suppression" => none(CheckKind::UnusedSuppression),
            "role-at-date" => none(CheckKind::RoleAtDate),
            "duration-since-event" => none(CheckKind::DurationSinceEvent),
            "age-at-date" => none(CheckKind::AgeAtDate),
            "conflicting-roles" => none(CheckKind::ConflictingRoles),
            "quantity-mismatch" => none(CheckKind::QuantityMismatch),
            "parts-exceed-total" => none(CheckKind::PartsExceedTotal),
            "event-date-mismatch" => none(CheckKind::EventDateMismatch),
            "age-mismatch" => none(CheckKind::AgeMismatch),
            "event-order" => none(CheckKind::EventOrder),
            other => Err(format!("unknown check kind `{other}`")),
        }
    }

    /// Template variables the check provides (besides the common ones).
    pub fn variables(&self) -> &'static [&'static str] {
        match self {
            CheckKind::TenseVsPublication(_) => &["verb", "tense", "when", "suggestion", "days"],
            CheckKind::WeekdayMismatch => {
                &["weekday", "date", "actual", "suggestion", "named_date"]
            }
            CheckKind::ImpossibleDate => &["month", "month_days"],
            CheckKind::ReversedRange => &["from", "to", "suggestion"],
            CheckKind::RelativeDateMismatch => &["relative", "date", "expected", "suggestion"],
            CheckKind::MissingPublicationDate => &[],
            CheckKind::UnsupportedLanguage => &[],
            CheckKind::UnusedSuppression => &["rules"],
            CheckKind::RoleAtDate => &["person", "role", "date", "holder", "holder_since"],
            CheckKind::DurationSinceEvent => &["event", "start", "elapsed", "suggestion"],
            CheckKind::AgeAtDate => &["person", "born", "date", "age", "suggestion"],
            CheckKind::ConflictingRoles => &["person", "role", "other_role"],
            CheckKind::QuantityMismatch => &["other", "noun"],
            CheckKind::PartsExceedTotal => &["sum", "total"],
            CheckKind::EventDateMismatch => &["event", "other"],
            CheckKind::AgeMismatch => &["other"],
            CheckKind::EventOrder => &["event", "event_date", "order", "suggestion"],
        }
    }

    /// Whether the check needs the publication date.
    pub fn needs_publication_date(&self) -> bool {
        matches!(
            self,
            CheckKind::TenseVsPublication(_) | CheckKind::RelativeDateMismatch
        )
    }

    /// Whether the check needs the language's data.
    pub fn needs_language(&self) -> bool {
        !matches!(
            self,
            CheckKind::MissingPublicationDate
                | CheckKind::UnsupportedLanguage
                | CheckKind::UnusedSuppression
        )
    }

    /// Whether the check compares with a facts file.
    pub fn needs_facts(&self) -> bool {
        matches!(
            self,
            CheckKind::RoleAtDate
                | CheckKind::DurationSinceEvent
                | CheckKind::AgeAtDate
                | CheckKind::ConflictingRoles
        )
    }

    /// Whether the check reads the suppressions (and so runs after they are applied).
    pub fn after_suppressions(&self) -> bool {
        matches!(self, CheckKind::UnusedSuppression)
    }
}

fn typed<T: serde::de::DeserializeOwned>(name: &str, params: &toml::Table) -> Result<T, String> {
    params
        .clone()
        .try_into()
        .map_err(|e: toml::de::Error| format!("bad [params] for `{name}`: {}", e.message()))
}

/// What a check reads.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its tokens.
    pub text: &'a Text,
    /// Its temporal claims, anchored and resolved.
    pub temporals: &'a [Temporal],
    /// Its language data, when there is any.
    pub pack: Option<&'a LanguagePack>,
    /// Its durations.
    pub durations: &'a [crate::claims::Duration],
    /// Mentions of the facts file's people, events and roles.
    pub mentions: &'a [crate::claims::mentions::Mention],
    /// Stated ages.
    pub ages: &'a [crate::claims::Age],
    /// Counts of things.
    pub quantities: &'a [crate::claims::Quantity],
    /// Scheduled events with their days.
    pub events: &'a [crate::claims::DatedEvent],
    /// Days placed before or after an event.
    pub orders: &'a [crate::claims::OrderClaim],
    /// What the newsroom knows.
    pub facts: &'a crate::facts::Facts,
    /// Its suppressions, once applied.
    pub suppressions: &'a [Suppression],
}

impl Context<'_> {
    pub(crate) fn src(&self, r: &Range<usize>) -> &str {
        &self.doc.text[r.clone()]
    }

    /// The language's words for claims beyond the calendar.
    pub(crate) fn claim_words(&self) -> Option<&'static crate::claims::words::ClaimWords> {
        self.doc.lang.and_then(crate::claims::words::embedded)
    }

    pub(crate) fn published(&self) -> Option<NaiveDate> {
        self.doc.published.as_ref().map(|p| p.date)
    }

    /// Every token of `tokens` belongs to a role title of the facts file («генсек НАТО»
    /// between «62-летний» and «Марк Рютте»); true for none.
    pub(crate) fn titles_only(&self, tokens: Range<usize>) -> bool {
        tokens.clone().all(|i| {
            self.mentions.iter().any(|m| {
                matches!(m.named, crate::claims::mentions::Named::Role(_)) && m.tokens.contains(&i)
            })
        })
    }
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-01-06 (Tuesday)`.
pub(crate) fn day_text(d: NaiveDate) -> String {
    format!(
        "{d} ({})",
        WEEKDAYS[d.weekday().num_days_from_monday() as usize]
    )
}

/// One finding before it is rendered with the rule's templates.
pub(crate) struct Finding {
    pub(crate) primary: Range<usize>,
    pub(crate) secondary: Option<Range<usize>>,
    pub(crate) vars: BTreeMap<&'static str, String>,
    pub(crate) fix: Option<Fix>,
}

impl Finding {
    pub(crate) fn new(primary: Range<usize>) -> Self {
        Finding {
            primary,
            secondary: None,
            vars: BTreeMap::new(),
            fix: None,
        }
    }

    pub(crate) fn var(mut self, k: &'static str, v: impl Into<String>) -> Self {
        self.vars.insert(k, v.into());
        self
    }
}

/// Runs one rule over a document.
pub fn run(rule: &Rule, ctx: &Context) -> Vec<Diagnostic> {
    let findings = match &rule.check {
        CheckKind::TenseVsPublication(p) => tense_vs_publication(p, ctx),
        CheckKind::WeekdayMismatch => weekday_mismatch(ctx),
        CheckKind::ImpossibleDate => impossible_date(ctx),
        CheckKind::ReversedRange => reversed_range(ctx),
        CheckKind::RelativeDateMismatch => relative_date_mismatch(ctx),
        CheckKind::MissingPublicationDate => missing_publication_date(ctx),
        CheckKind::UnsupportedLanguage => unsupported_language(ctx),
        CheckKind::UnusedSuppression => unused_suppression(ctx),
        CheckKind::RoleAtDate => crate::rules::facts_checks::role_at_date(ctx),
        CheckKind::DurationSinceEvent => crate::rules::facts_checks::duration_since_event(ctx),
        CheckKind::AgeAtDate => crate::rules::facts_checks::age_at_date(ctx),
        CheckKind::ConflictingRoles => crate::rules::facts_checks::conflicting_roles(ctx),
        CheckKind::QuantityMismatch => crate::rules::consistency::quantity_mismatch(ctx),
        CheckKind::PartsExceedTotal => crate::rules::consistency::parts_exceed_total(ctx),
        CheckKind::EventDateMismatch => crate::rules::consistency::event_date_mismatch(ctx),
        CheckKind::AgeMismatch => crate::rules::consistency::age_mismatch(ctx),
        CheckKind::EventOrder => crate::rules::consistency::event_order(ctx),
    };
    findings
        .into_iter()
        .map(|f| to_diagnostic(rule, ctx, f))
        .collect()
}

fn to_diagnostic(rule: &Rule, ctx: &Context, f: Finding) -> Diagnostic {
    let mut vars = f.vars;
    vars.entry("expr")
        .or_insert_with(|| ctx.src(&f.primary).to_string());
    vars.insert("lang", ctx.doc.lang_code.clone());
    if let Some(p) = &ctx.doc.published {
        vars.insert("published", day_text(p.date));
        vars.insert(
            "published_source",
            match p.source {
                DateSource::FrontMatter => "front matter",
                DateSource::Header => "the header",
                DateSource::Flag => "--published",
                DateSource::Config => "the configuration",
            }
            .to_string(),
        );
    }
    let t = &rule.templates;
    // `help` names a fix; `help_without_fix` is for when none can be named. A rule with only
    // one of them uses it either way.
    let help = if f.fix.is_some() || vars.contains_key("suggestion") {
        t.help.as_ref().or(t.help_without_fix.as_ref())
    } else {
        t.help_without_fix
            .as_ref()
            .or(t.help.as_ref().filter(|h| !h.contains("{suggestion}")))
    };
    let mut labels = vec![Label {
        span: f.primary,
        message: t.primary_label.as_ref().map(|l| render(l, &vars)),
        primary: true,
    }];
    if let Some(s) = f.secondary {
        labels.push(Label {
            span: s,
            message: t.secondary_label.as_ref().map(|l| render(l, &vars)),
            primary: false,
        });
    }
    Diagnostic {
        rule: rule.id.clone(),
        severity: rule.severity,
        message: render(&t.message, &vars),
        help: help.map(|h| render(h, &vars)),
        note: t
            .note
            .as_ref()
            .filter(|_| ctx.doc.published.is_some())
            .map(|n| render(n, &vars)),
        labels,
        fix: f.fix,
    }
}

fn tense_vs_publication(p: &TenseParams, ctx: &Context) -> Vec<Finding> {
    let Some(published) = ctx.published() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, t) in ctx.temporals.iter().enumerate() {
        let (Some(anchor), Some(interval)) = (&t.anchor, t.interval) else {
            continue;
        };
        // Only an expression that says when the event happens: not a deadline, a target
        // period or a relative word, and not in a conditional clause. A date restating the
        // time before it takes that one's preposition («призначено на неділю, 25 жовтня»).
        let prep = crate::claims::governing_prep(ctx.temporals, k, &ctx.text.tokens);
        // «Голосование запланировано на 12 мая», "The vote is scheduled for May 12": the
        // "for" time of a plan in force is the event's day.
        // Not a plan superseded ("originally scheduled for May 12").
        let superseded = || {
            let tokens = &ctx.text.tokens;
            let at = tokens.partition_point(|k| k.end <= anchor.span.start);
            (at.saturating_sub(2)..at).any(|i| {
                tokens[i].is_word()
                    && ctx
                        .pack
                        .is_some_and(|p| p.is_superseded_marker(tokens[i].text(&ctx.doc.text)))
            })
        };
        let planned_for = prep == Some(Prep::For)
            && anchor.tense == Tense::Future
            && anchor.span.end <= t.span.start
            && ctx
                .pack
                .is_some_and(|p| p.is_future_marker(&fold(ctx.src(&anchor.span))))
            && !superseded();
        if !(matches!(prep, None | Some(Prep::At)) || planned_for)
            || !anchor.strong
            || anchor.conditional
        {
            continue;
        }
        let relative = |v: &TimeValue| {
            matches!(
                v,
                TimeValue::RelativeDay(_)
                    | TimeValue::RelativePeriod { .. }
                    | TimeValue::RelativeMonth { .. }
                    | TimeValue::RelativeSeason { .. }
                    | TimeValue::PeriodOfContext { .. }
                    | TimeValue::SamePeriod { .. }
                    | TimeValue::Weekday { .. }
                    | TimeValue::WeekdayAfterNext { .. }
                    | TimeValue::Weekend { .. }
                    | TimeValue::RelativeHoliday { .. }
                    | TimeValue::Range { .. }
            )
        };
        // "two weeks from Friday": counted from a time named relative to publication.
        if relative(&t.value)
            || matches!(&t.value, TimeValue::Offset { base, .. } if relative(base))
        {
            continue;
        }
        // «ежегодно 1 января», "every year on March 1": a recurring day, not one event.
        if recurring_beside(ctx, t) {
            continue;
        }
        // «в марте следующего года» in a story of the past counts from the story's year,
        // not from publication.
        if matches!(t.value, TimeValue::InRelativeYear { offset, .. } if offset > 0) {
            continue;
        }
        // «Пасха в этом году пришлась на апрель»: the calendar, told in the past tense
        // before the day, is no event.
        let named_day = match &t.value {
            TimeValue::InRelativeYear { value, .. } => {
                matches!(**value, TimeValue::Holiday { .. })
            }
            v => matches!(v, TimeValue::Holiday { .. }),
        };
        if named_day
            && ctx
                .pack
                .is_some_and(|p| p.is_calendar_verb(&fold(ctx.src(&anchor.span))))
        {
            continue;
        }
        let distance = match p.tense {
            TenseParam::Past if anchor.tense == Tense::Past => {
                (interval.start - published).num_days()
            }
            // A future in a quotation is the speaker's («Еще в декабре Минэнерго предупреждало:
            // «5 января начнутся …»»).
            TenseParam::Future
                if anchor.tense == Tense::Future
                    && !anchor.reported
                    && !in_quotation(ctx, t.tokens.start)
                    && !future_of_an_earlier_text(ctx, t, interval.start) =>
            {
                (published - interval.end).num_days()
            }
            _ => continue,
        };
        if distance <= p.tolerance_days || p.max_distance_days.is_some_and(|m| distance > m) {
            continue;
        }
        let when = if interval.start == interval.end {
            day_text(interval.start)
        } else if interval.grain == crate::claims::Grain::FiscalYear {
            format!(
                "{} – {} (the widest span a fiscal year so named may have)",
                interval.start, interval.end
            )
        } else {
            format!("{} – {}", interval.start, interval.end)
        };
        let mut f = Finding::new(t.span.clone())
            .var("verb", ctx.src(&anchor.span))
            .var("tense", anchor.tense.as_str())
            .var("when", when)
            .var("days", distance.to_string());
        f.secondary = Some(anchor.span.clone());
        // A written year that is one too many: offer the latest year that is not after
        // publication.
        if p.tense == TenseParam::Past {
            if let (Some(ys), Some(year)) = (&t.year_span, written_year(&t.value)) {
                let fixed = (1..=3).map(|k| year - k).find(|&y| {
                    resolve(&t.value.with_year(y), published, Some(Tense::Past))
                        .is_some_and(|i| i.start <= published)
                });
                if let Some(y) = fixed {
                    let e = &t.span;
                    let sugg = format!(
                        "{}{}{}",
                        &ctx.doc.text[e.start..ys.start],
                        y,
                        &ctx.doc.text[ys.end..e.end]
                    );
                    f = f.var("suggestion", sugg);
                    f.fix = Some(Fix {
                        span: ys.clone(),
                        replacement: y.to_string(),
                    });
                }
            }
        }
        out.push(f);
    }
    out
}

fn written_year(v: &TimeValue) -> Option<i32> {
    match *v {
        TimeValue::Date { year, .. }
        | TimeValue::Month { year, .. }
        | TimeValue::Quarter { year, .. }
        | TimeValue::Season { year, .. }
        | TimeValue::Holiday { year, .. } => year,
        TimeValue::Year { year, .. } => Some(year),
        _ => None,
    }
}

/// A date written as the time of something, not as a range end or a deadline.
fn plain_date(t: &Temporal) -> bool {
    t.written_date().is_some() && matches!(t.prep, None | Some(Prep::At))
}

/// Pairs of claims next to each other, in either order: (first kind, second kind).
fn pairs<'a>(
    ctx: &'a Context,
    first: impl Fn(&Temporal) -> bool + 'a,
    second: impl Fn(&Temporal) -> bool + 'a,
) -> impl Iterator<Item = (&'a Temporal, &'a Temporal)> + 'a {
    // "on Tuesday and Wednesday, Jan. 6 and 7": members of two lists side by side are not
    // each other's apposition.
    let coordinator = move |i: usize| {
        ctx.text.tokens.get(i).is_some_and(|t| {
            t.is_word()
                && ctx
                    .pack
                    .is_some_and(|p| p.is_coordinator(ctx.src(&(t.start..t.end))))
        })
    };
    ctx.temporals.windows(2).filter_map(move |w| {
        if !w[0].beside(&w[1], &ctx.text.tokens)
            || w[0].tokens.start.checked_sub(1).is_some_and(coordinator)
            || coordinator(w[1].tokens.end)
            || dateline(ctx, &w[0], &w[1])
        {
            return None;
        }
        if first(&w[0]) && second(&w[1]) {
            Some((&w[0], &w[1]))
        } else if first(&w[1]) && second(&w[0]) {
            Some((&w[1], &w[0]))
        } else {
            None
        }
    })
}

/// The day a written date names, its year written or the nearest one to `near` when the
/// year is not in doubt (the weekday would match no other year within half a year).
fn written_day(t: &Temporal, near: Option<NaiveDate>) -> Option<(NaiveDate, bool)> {
    let (year, month, day) = t.written_date()?;
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(|d| (d, true)),
        None => {
            let near = near?;
            (near.year() - 1..=near.year() + 1)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .min_by_key(|d| (*d - near).num_days().abs())
                .map(|d| (d, false))
        }
    }
}

fn weekday_mismatch(ctx: &Context) -> Vec<Finding> {
    let Some(pack) = ctx.pack else {
        return Vec::new();
    };
    let is_weekday = |t: &Temporal| matches!(t.value, TimeValue::Weekday { shift: None, .. });
    let mut out = Vec::new();
    for (wd, date) in pairs(ctx, is_weekday, plain_date) {
        let TimeValue::Weekday { weekday, .. } = wd.value else {
            continue;
        };
        let near = date.interval.map(|i| i.start).or(ctx.published());
        let Some((day, year_written)) = written_day(date, near) else {
            continue;
        };
        let actual = day.weekday().number_from_monday();
        if actual == weekday {
            continue;
        }
        if !year_written {
            // Without a year, stay silent unless the date is within half a year of
            // publication and no neighbouring year makes the pair true.
            let Some(p) = ctx.published() else { continue };
            if (day - p).num_days().abs() > 183 {
                continue;
            }
            let other_year_fits = [-1, 1].iter().any(|k| {
                NaiveDate::from_ymd_opt(day.year() + k, day.month(), day.day()).is_some_and(|d| {
                    d.weekday().number_from_monday() == weekday && (d - p).num_days().abs() <= 183
                })
            });
            if other_year_fits {
                continue;
            }
        }
        let wspan = wd.weekday_span.clone().unwrap_or(wd.span.clone());
        let written = ctx.src(&wspan);
        // «во вторник» → «в среду»: the preposition of "on a day" changes with the weekday;
        // any other ("set for Fri.") stays, and only the weekday is replaced, with the stop
        // of its abbreviation.
        let at_prep = wd.span.start < wspan.start && matches!(wd.prep, Some(Prep::At));
        let stop = ctx
            .text
            .tokens
            .get(wd.tokens.end)
            .filter(|t| t.punct() == Some('.') && !t.space_before && t.start == wspan.end);
        let end = stop.map_or(wspan.end, |t| t.end);
        // After «на», "for": the object's form («на среду»). After any other preposition
        // («до понедельника»), a case this data does not give: no fix is named.
        let (fix_span, replacement) = match wd.prep {
            Some(Prep::At) if at_prep => (wd.span.start..end, Some(pack.weekday_at(actual))),
            Some(Prep::For) => (wspan.start..end, Some(pack.weekday_accusative(actual))),
            None | Some(Prep::At) => (wspan.start..end, Some(pack.weekday_nominative(actual))),
            _ => (wspan.start..end, None),
        };
        let replacement = replacement.map(|r| match_case(ctx.src(&fix_span), r));
        // The weekday named falls, in the same week, on this date.
        let named = day + chrono::Duration::days(weekday as i64 - actual as i64);
        let mut f = Finding::new(wd.span.clone())
            .var("weekday", written)
            .var("date", day_text(day))
            .var("actual", WEEKDAYS[actual as usize - 1])
            .var("named_date", day_text(named));
        f.secondary = Some(date.span.clone());
        if let Some(replacement) = replacement {
            f = f.var("suggestion", replacement.clone());
            f.fix = Some(Fix {
                span: fix_span,
                replacement,
            });
        }
        out.push(f);
    }
    out
}

/// Gives `new` the capitalisation of the first letter of `old`.
fn match_case(old: &str, new: &str) -> String {
    let upper = old.chars().next().is_some_and(char::is_uppercase);
    let mut c = new.chars();
    match c.next() {
        Some(first) if upper => first.to_uppercase().chain(c).collect(),
        _ => new.to_string(),
    }
}

fn impossible_date(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in ctx.temporals.iter().filter(|t| !a_title(ctx, t)) {
        let mut dates = Vec::new();
        // «через три дня после 31 апреля»: the day counted from.
        let value = match &t.value {
            TimeValue::Offset { base, .. } => base,
            v => v,
        };
        match value {
            TimeValue::Date { year, month, day } => dates.push((*year, *month, *day)),
            TimeValue::Range { from, to } => {
                for v in [from.as_ref(), to.as_ref()] {
                    if let TimeValue::Date { year, month, day } = v {
                        dates.push((*year, *month, *day));
                    }
                }
            }
            _ => {}
        }
        for (year, month, day) in dates {
            // Without a year, February has 29 days.
            let Some(max) = days_in_month(year.unwrap_or(2024), month) else {
                continue;
            };
            if day <= max {
                continue;
            }
            let month_name = MONTHS[month as usize - 1];
            let month_desc = match year {
                Some(y) => format!("{month_name} {y}"),
                None => month_name.to_string(),
            };
            // «за два дня до 31 апреля»: the day counted from, not the length before it.
            let span = match (&t.value, &t.day_month_span) {
                (TimeValue::Offset { .. }, Some(dm)) => dm.start..t.span.end,
                _ => t.span.clone(),
            };
            out.push(
                Finding::new(span)
                    .var("month", month_desc)
                    .var("month_days", max.to_string()),
            );
            break;
        }
    }
    out
}

fn reversed_range(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // «между 1997 и 1994 годами» names two ends in no order.
    for t in ctx
        .temporals
        .iter()
        .filter(|t| t.prep != Some(Prep::Between))
    {
        let TimeValue::Range { from, to } = &t.value else {
            continue;
        };
        let reversed = match (from.as_ref(), to.as_ref()) {
            (TimeValue::Year { year: a, .. }, TimeValue::Year { year: b, .. }) => a > b,
            (
                TimeValue::Date {
                    month: m1,
                    day: d1,
                    year: y1,
                },
                TimeValue::Date {
                    month: m2,
                    day: d2,
                    year: y2,
                },
            ) => {
                let (a, b) = ((*m1, *d1), (*m2, *d2));
                match y1.zip(*y2) {
                    Some((y1, y2)) => (y1, a) > (y2, b),
                    // Without both years, months that run over New Year wrap («с 1 сентября
                    // по 31 мая»); within one month the order is certain.
                    None => m1 == m2 && d1 > d2,
                }
            }
            _ => false,
        };
        if !reversed {
            continue;
        }
        let Some((a, b)) = &t.range_ends else {
            continue;
        };
        let (ta, tb) = (ctx.src(a), ctx.src(b));
        let mid = &ctx.doc.text[a.end..b.start];
        // «с 28-го по 25»: the numbers change places, each ending stays («с 25-го по 28»).
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (na, nb) = (digits(ta), digits(tb));
        let swapped = if na > 0 && nb > 0 {
            format!("{}{}{mid}{}{}", &tb[..nb], &ta[na..], &ta[..na], &tb[nb..])
        } else {
            format!("{tb}{mid}{ta}")
        };
        let sugg = format!(
            "{}{}{}",
            &ctx.doc.text[t.span.start..a.start],
            swapped,
            &ctx.doc.text[b.end..t.span.end]
        );
        let mut f = Finding::new(t.span.clone())
            .var("from", ta)
            .var("to", tb)
            .var("suggestion", sugg);
        f.fix = Some(Fix {
            span: a.start..b.end,
            replacement: swapped,
        });
        out.push(f);
    }
    out
}

/// How far a date written right after a relative day, with no comma between, may lie from
/// it and still be taken for a slip in apposition («вчера 17 февраля» on 19 February).
const JOINED_SLIP_DAYS: i64 = 7;

fn relative_date_mismatch(ctx: &Context) -> Vec<Finding> {
    let (Some(published), Some(pack)) = (ctx.published(), ctx.pack) else {
        return Vec::new();
    };
    let is_rel = |t: &Temporal| matches!(t.value, TimeValue::RelativeDay(_));
    let mut out = Vec::new();
    for (rel, date) in pairs(ctx, is_rel, plain_date) {
        let TimeValue::RelativeDay(offset) = rel.value else {
            continue;
        };
        // «Сегодня, 5 января, мы начинаем», — заявил он в понедельник: a quotation's
        // «сегодня» is the day it was said.
        if in_quotation(ctx, rel.tokens.start) {
            continue;
        }
        let expected = published + chrono::Duration::days(offset as i64);
        let Some((day, _)) = written_day(date, Some(expected)) else {
            continue;
        };
        if day == expected {
            continue;
        }
        // «Завтра, в ночь на 12 января»: the night ending on that day begins the day before.
        if date.day_part == Some(crate::language::DayPart::Night)
            && day - expected == chrono::Duration::days(1)
        {
            continue;
        }
        // «КИЕВ, 9 января — Сегодня, 9 января, …» published the next day: the story's
        // «сегодня» is its dateline's day.
        if dateline_day(ctx, published)
            .is_some_and(|d| d + chrono::Duration::days(offset as i64) == day)
        {
            continue;
        }
        // "Today, Jan. 22 is celebrated as Unity Day": a date that is the subject of a verb
        // (no comma after it, as an apposition has) is what "today" ("nowadays") says
        // something of.
        if date.tokens.start > rel.tokens.start
            && (day - expected).num_days().abs() > JOINED_SLIP_DAYS
            && subject_of_verb(ctx, date)
        {
            continue;
        }
        // «Саммит прошел 6 января. Накануне, 5 января, …»: a word that may mean the day
        // before the event just told is right when it counts from a date before it.
        if is_standalone_relative(ctx, rel)
            && days_before(ctx, rel).any(|d| d + chrono::Duration::days(offset as i64) == day)
        {
            continue;
        }
        // «Сегодня 24 февраля 2022 года кажется далеким прошлым», «для многих сегодня 9
        // мая — день траура»: with nothing between them, a date far from the day is no
        // apposition but what «сегодня» ("nowadays") says something of.
        let joined = rel.tokens.end == date.tokens.start || date.tokens.end == rel.tokens.start;
        if joined && (day - expected).num_days().abs() > JOINED_SLIP_DAYS {
            continue;
        }
        let mut f = Finding::new(date.span.clone())
            .var("relative", ctx.src(&rel.span))
            .var("date", day_text(day))
            .var("expected", day_text(expected));
        f.secondary = Some(rel.span.clone());
        if let Some(dm) = &date.day_month_span {
            let replacement = format!(
                "{} {}",
                expected.day(),
                pack.month_genitive(expected.month())
            );
            let sugg = format!(
                "{}{}{}",
                &ctx.doc.text[date.span.start..dm.start],
                replacement,
                &ctx.doc.text[dm.end..date.span.end]
            );
            f = f.var("suggestion", sugg);
            f.fix = Some(Fix {
                span: dm.clone(),
                replacement,
            });
        }
        out.push(f);
    }
    out
}

/// «По прогнозу, опубликованному 2 января, потепление начнется 5 января», "The memo, dated
/// Dec. 20, says payments will start on Jan. 5": a time before `t` in its sentence, told in
/// the past and earlier than `t`, dates the text whose future `t` is.
fn future_of_an_earlier_text(ctx: &Context, t: &Temporal, start: NaiveDate) -> bool {
    ctx.temporals.iter().any(|o| {
        o.sentence == t.sentence
            && o.tokens.end <= t.tokens.start
            && o.anchor.as_ref().is_some_and(|a| a.tense == Tense::Past)
            && o.interval.is_some_and(|i| i.end < start)
    })
}

/// The day of the article's dateline («КИЕВ, 9 января — …» opening the text), when it is
/// within three days of publication: a story filed the day before publication says
/// «сегодня» of the dateline's day.
fn dateline_day(ctx: &Context, published: NaiveDate) -> Option<NaiveDate> {
    let first = ctx.temporals.first()?;
    let tokens = &ctx.text.tokens;
    let dash_after = tokens
        .get(first.tokens.end)
        .is_some_and(|t| matches!(t.punct(), Some('—' | '–' | '-')));
    let is_dateline = dash_after
        && first.tokens.start >= 2
        && tokens[first.tokens.start - 1].punct() == Some(',')
        && {
            let w = tokens[first.tokens.start - 2].text(&ctx.doc.text);
            tokens[first.tokens.start - 2].is_word()
                && w.chars().count() > 1
                && !w.chars().any(char::is_lowercase)
        };
    if !is_dateline {
        return None;
    }
    let (day, _) = written_day(first, Some(published))?;
    ((day - published).num_days().abs() <= 3).then_some(day)
}

/// A date followed right away by a finite verb, with no comma: the verb's subject ("Jan. 22
/// is celebrated as Unity Day").
fn subject_of_verb(ctx: &Context, date: &Temporal) -> bool {
    let (Some(lang), Some(t)) = (ctx.doc.lang, ctx.text.tokens.get(date.tokens.end)) else {
        return false;
    };
    t.is_word()
        && crate::morphology::for_language(lang).is_some_and(|morph| {
            matches!(
                crate::morphology::classify_cached(lang, morph, t.text(&ctx.doc.text)),
                crate::morphology::WordClass::Verb {
                    form: crate::morphology::VerbForm::Finite,
                    ..
                }
            )
        })
}

/// «КИЕВ, 10 января — В пятницу …»: the dateline's date (after a place in capitals and a
/// comma) and the first time of the story after the dash are not in apposition.
fn dateline(ctx: &Context, first: &Temporal, second: &Temporal) -> bool {
    let tokens = &ctx.text.tokens;
    let dash = tokens[first.tokens.end..second.tokens.start]
        .iter()
        .any(|t| matches!(t.punct(), Some('—' | '–' | '-')));
    let place = first.tokens.start >= 2 && tokens[first.tokens.start - 1].punct() == Some(',') && {
        let w = tokens[first.tokens.start - 2].text(&ctx.doc.text);
        tokens[first.tokens.start - 2].is_word()
            && w.chars().count() > 1
            && !w.chars().any(char::is_lowercase)
    };
    dash && place
}

/// A word of recurrence («ежегодно», «каждый», "every") within three words before a time or
/// two after it.
fn recurring_beside(ctx: &Context, t: &Temporal) -> bool {
    let Some(pack) = ctx.pack else {
        return false;
    };
    let tokens = &ctx.text.tokens;
    let near = t.tokens.start.saturating_sub(3)..t.tokens.start;
    let after = t.tokens.end..(t.tokens.end + 2).min(tokens.len());
    near.chain(after).any(|i| {
        let tok = &tokens[i];
        tok.is_word()
            && pack.word(&fold(tok.text(&ctx.doc.text))).iter().any(|w| {
                matches!(
                    w,
                    crate::language::Word::Recurring(_) | crate::language::Word::Every
                )
            })
    })
}

/// A date that is the whole of a quoted title: the film «31 июня», the musical "June 31".
fn a_title(ctx: &Context, t: &Temporal) -> bool {
    let tokens = &ctx.text.tokens;
    let opens = t
        .tokens
        .start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|q| matches!(q.punct(), Some('«' | '“' | '"' | '„')));
    let closes = tokens
        .get(t.tokens.end)
        .is_some_and(|q| matches!(q.punct(), Some('»' | '”' | '"' | '“')));
    opens && closes
}

/// Whether token `at` stands inside a quotation («…», “…”, "…") opened in its paragraph.
pub(crate) fn in_quotation(ctx: &Context, at: usize) -> bool {
    let tokens = &ctx.text.tokens;
    let (mut depth, mut straight) = (0i32, false);
    let mut i = at;
    while i > 0 {
        i -= 1;
        // A blank line ends the paragraph.
        if ctx.doc.text[tokens[i].end..tokens[i + 1].start].contains("\n\n") {
            break;
        }
        match tokens[i].punct() {
            Some('«' | '“' | '„') => depth += 1,
            Some('»' | '”') => depth -= 1,
            Some('"') => straight = !straight,
            _ => {}
        }
    }
    depth > 0 || straight
}

/// Whether a relative day is one of the words that mean the day before only standing alone
/// («накануне», «напередодні»): after a narrated date they may count from it.
fn is_standalone_relative(ctx: &Context, rel: &Temporal) -> bool {
    let Some(pack) = ctx.pack else { return false };
    let first = &ctx.text.tokens[rel.tokens.start];
    pack.word(&fold(first.text(&ctx.doc.text)))
        .iter()
        .any(|w| matches!(w, crate::language::Word::StandaloneRelativeDay(_)))
}

/// The written dates before `t` in its sentence or the one before.
fn days_before<'a>(ctx: &'a Context, t: &'a Temporal) -> impl Iterator<Item = NaiveDate> + 'a {
    ctx.temporals
        .iter()
        .filter(move |o| o.tokens.end <= t.tokens.start && o.sentence + 1 >= t.sentence)
        .filter(|o| o.written_date().is_some())
        .filter_map(|o| o.day())
}

fn missing_publication_date(ctx: &Context) -> Vec<Finding> {
    if ctx.doc.published.is_some() {
        return Vec::new();
    }
    vec![Finding::new(first_line(ctx))]
}

fn unsupported_language(ctx: &Context) -> Vec<Finding> {
    if ctx.pack.is_some() {
        return Vec::new();
    }
    vec![Finding::new(first_line(ctx))]
}

fn unused_suppression(ctx: &Context) -> Vec<Finding> {
    ctx.suppressions
        .iter()
        .filter(|s| !s.used)
        .map(|s| {
            let rules = if s.rules.is_empty() {
                "all rules".to_string()
            } else {
                s.rules.join(", ")
            };
            Finding::new(s.span.clone()).var("rules", rules)
        })
        .collect()
}

/// The first line of prose (at most 120 bytes): where document-level findings point.
fn first_line(ctx: &Context) -> Range<usize> {
    let text = &ctx.doc.text;
    let start = ctx
        .doc
        .segments
        .first()
        .map(|s| s.range.start)
        .unwrap_or(ctx.doc.body_start);
    // Only the first 120 bytes can end the line early.
    let window = &text.as_bytes()[start..text.len().min(start + 120)];
    let mut end = memchr::memchr2(b'\n', b'\r', window).map_or(start + window.len(), |i| start + i);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end
}
