//! One document through the whole pipeline: text → claims → rules → diagnostics.

use chrono::{Datelike, NaiveDate};

use crate::claims::{
    anchor, events, mentions, resolve, temporal, words, Claims, Duration, Interval, Temporal,
    TimeValue,
};
use crate::diagnostics::Diagnostic;
use crate::document::{Document, LineIndex};
use crate::facts::Facts;
use crate::language::{embedded, Prep, Unit};
use crate::morphology;
use crate::rules::{checks, Context, RuleSet};
use crate::suppress;
use crate::text::Text;

/// What checking one document produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Tokens and sentences (empty when the language has no data).
    pub text: Text,
    /// Temporal claims, anchored and resolved.
    pub temporals: Vec<Temporal>,
    /// Durations, placed when they name a time («три года назад»).
    pub durations: Vec<Duration>,
    /// Times named only relative to the time of writing («сейчас»).
    pub references: Vec<crate::claims::Reference>,
    /// Recurring times («ежедневно», "every Tuesday").
    pub recurrences: Vec<crate::claims::Recurrence>,
    /// Findings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts the claims of a document: tokens, time expressions with their predicates and
/// intervals, durations, and mentions of what `facts` knows.
pub fn extract(doc: &Document, facts: &Facts) -> (Text, Claims) {
    let Some(pack) = doc.lang.and_then(embedded::pack) else {
        return (Text::default(), Claims::default());
    };
    let text = Text::new(&doc.text, &doc.segments, pack);
    // Every word looked up in the lexicon once, for the extractor and the clause grammar.
    let tagged = temporal::Tagged::new(&doc.text, &text.tokens, pack);
    let temporal::Extracted {
        mut temporals,
        mut durations,
        ages,
        quantities,
        mut references,
        mut recurrences,
    } = temporal::extract_tagged(&tagged, &text);
    // A teaser of another article («Читайте также: …») speaks of that article's time.
    let teasers = teaser_sentences(&doc.text, &text, pack);
    if !teasers.is_empty() {
        temporals.retain(|t| !teasers.contains(&t.sentence));
        durations.retain(|d| !teasers.contains(&d.sentence));
        references.retain(|r| !teasers.contains(&r.sentence));
        recurrences.retain(|r| !teasers.contains(&r.sentence));
    }
    if let Some(morph) = doc.lang.and_then(morphology::for_language) {
        let scope = anchor::Scope {
            source: &doc.text,
            text: &text,
            pack,
            morph,
            listed: tagged.listed(),
        };
        anchor::anchor_all(scope, &mut temporals);
        // "the 1996 campaign" dates the campaign, whatever the verb.
        for a in temporals
            .iter_mut()
            .filter(|t| t.attributive)
            .filter_map(|t| t.anchor.as_mut())
        {
            a.strong = false;
        }
    }
    if let Some(published) = &doc.published {
        // «В 2019 году … В конце года …»: a period named by its unit alone is the one of the
        // date before it.
        let mut context: Option<crate::claims::Interval> = None;
        // The last quarter named, and the last one named that had ended by publication.
        let mut quarter_context: Option<crate::claims::Interval> = None;
        let mut ended_quarter_context: Option<crate::claims::Interval> = None;
        let mut previous: Option<(usize, Option<Prep>)> = None;
        let mut story = Story::new(&temporals, &references, published.date);
        // «перенесли на понедельник, 25 марта»: a date restating the time before it takes
        // that one's preposition.
        let governing: Vec<Option<Prep>> = (0..temporals.len())
            .map(|k| crate::claims::governing_prep(&temporals, k, &text.tokens))
            .collect();
        for (k, t) in temporals.iter_mut().enumerate() {
            // A time that modifies a noun is not placed by the verb's tense, nor is a limit
            // by a past one («продлили до 20 ноября», "extended to Nov. 20", «перенесли на 15
            // декабря»): a past act may set a limit still to come.
            let limit = match governing[k] {
                Some(Prep::Until | Prep::For) => true,
                // Not the end of a range written in two parts ("from Sept. 14 to Thursday").
                Some(Prep::To) => previous.is_none_or(|(sentence, prep)| {
                    sentence != t.sentence || prep != Some(Prep::From)
                }),
                _ => false,
            };
            previous = Some((t.sentence, t.prep));
            let tense = t
                .anchor
                .as_ref()
                .filter(|a| a.strong && !a.conditional)
                .filter(|a| !(limit && a.tense == morphology::Tense::Past))
                .map(|a| a.tense);
            t.interval = match t.value {
                // A plan («будет готов к концу года») counts from publication.
                TimeValue::PeriodOfContext { unit, part }
                    if t.anchor.as_ref().map(|a| a.tense) != Some(morphology::Tense::Future) =>
                {
                    match context {
                        // Only when the date before it lies within one such period.
                        Some(c) => resolve::period_of(unit, None, c.start)
                            .filter(|whole| c.end <= whole.end)
                            .and_then(|_| resolve::period_of(unit, Some(part), c.start)),
                        None => resolve::period_of(unit, Some(part), published.date),
                    }
                }
                TimeValue::PeriodOfContext { unit, part } => {
                    resolve::period_of(unit, Some(part), published.date)
                }
                // "the period", "the year-ago period": of the date before it. "The quarter" of a
                // report: the last quarter named before it that had ended by publication (a
                // coming one only for a plan: "a fourth-quarter charge … In the latest quarter,
                // it lost"), or else the last one that ended before publication.
                TimeValue::SamePeriod {
                    unit,
                    years,
                    months,
                } => {
                    let future = tense == Some(morphology::Tense::Future);
                    let period = match unit {
                        None => context,
                        Some(Unit::Quarter) => if future {
                            quarter_context
                        } else {
                            ended_quarter_context
                        }
                        .or_else(|| {
                            let this = resolve::period_of(Unit::Quarter, None, published.date)?;
                            resolve::shifted(this, Unit::Quarter, -1.0)
                        }),
                        Some(u) => context
                            .and_then(|c| {
                                resolve::period_of(u, None, c.start)
                                    .filter(|whole| c.end <= whole.end)
                            })
                            // "the following month" with no date before it: publication's.
                            .or_else(|| {
                                (months > 0 || years > 0)
                                    .then(|| resolve::period_of(u, None, published.date))
                                    .flatten()
                            }),
                    };
                    period
                        .and_then(|p| resolve::shifted(p, Unit::Year, years.into()))
                        .and_then(|p| resolve::shifted(p, Unit::Month, months.into()))
                }
                _ => resolve::resolve(&t.value, published.date, tense),
            };
            if let Some(i) = story.place(t, tense) {
                t.interval = Some(i);
            }
            // Nor is a deadline ("by 1992", «к 2030 году») the period the text goes on about
            // (but «за три месяца до 30 июня» is: «до» closes a period as often).
            let derived =
                matches!(t.value, TimeValue::SamePeriod { .. }) || t.prep == Some(Prep::By);
            if let Some(i) = t.interval.filter(|_| !t.attributive && !derived) {
                story.follow(t, i);
                context = Some(i);
                if i.grain == crate::claims::Grain::Quarter {
                    quarter_context = Some(i);
                    if i.end < published.date {
                        ended_quarter_context = Some(i);
                    }
                }
            }
        }
        weekdays_beside_dates(&mut temporals, &text.tokens);
        for d in &mut durations {
            d.interval = resolve::duration_point(d, published.date);
        }
        place_by_context(&temporals, &mut durations, published.date);
    }
    let mentions = mentions::find(&doc.text, &text, facts, &doc.lang_code);
    let (events, orders) = match (doc.lang, words::embedded(pack.lang)) {
        (Some(lang), Some(words)) => {
            let scope = events::Scope {
                source: &doc.text,
                text: &text,
                pack,
                lang,
                words,
            };
            let events = events::find(scope, &temporals);
            let orders = events::find_order(scope, &temporals, &durations, &events);
            (events, orders)
        }
        _ => (Vec::new(), Vec::new()),
    };
    (
        text,
        Claims {
            temporals,
            durations,
            references,
            recurrences,
            mentions,
            ages,
            quantities,
            events,
            orders,
        },
    )
}

/// The year a story of the past is told in: «В 1941 году … 22 июня началась» is 22 June
/// 1941, not last June. In news the year holds only in the sentence that names it, for a
/// past event and a plain time (not "since 1980", not a deadline); in a history (a text whose
/// written years are mostly long past and whose times seldom count from publication) it
/// holds for any time not in the future until another one is named. A sentence that counts
/// from publication («Вчера, 17 февраля, …») is never the story's.
struct Story {
    published: NaiveDate,
    history: bool,
    /// Sentences with a time counted from publication, sorted.
    now_sentences: Vec<usize>,
    /// The story's year and the last sentence that named it.
    year: Option<(i32, usize)>,
}

/// How many years before publication a year must lie for the text after it to be read as a
/// story of that year: last year's «в марте» is as often this year's.
const STORY_YEARS_BACK: i32 = 2;

/// How many years long past a text must write to be read as a history, and have more than
/// four times as many as other years and times counted from publication.
const HISTORY_MIN_YEARS: usize = 4;

impl Story {
    fn new(
        temporals: &[Temporal],
        references: &[crate::claims::Reference],
        published: NaiveDate,
    ) -> Story {
        let (mut old, mut recent) = (0, 0);
        for t in temporals {
            match t.value.written_year() {
                Some(y) if y <= published.year() - STORY_YEARS_BACK => old += 1,
                Some(_) => recent += 1,
                None if counts_from_publication(&t.value) => recent += 1,
                None => {}
            }
        }
        let mut now_sentences: Vec<usize> = temporals
            .iter()
            .filter(|t| counts_from_publication(&t.value))
            .map(|t| t.sentence)
            .chain(references.iter().map(|r| r.sentence))
            .collect();
        now_sentences.sort_unstable();
        now_sentences.dedup();
        Story {
            published,
            history: old >= HISTORY_MIN_YEARS && old > 4 * recent,
            now_sentences,
            year: None,
        }
    }

    /// Whether `t` may belong to the story: a past event, or in a history any not to come;
    /// in news a plain time only.
    fn may_tell(&self, t: &Temporal) -> bool {
        let tense_fits = match t.anchor.as_ref().map(|a| a.tense) {
            Some(morphology::Tense::Past) => true,
            Some(morphology::Tense::Future) => false,
            _ => self.history,
        };
        let plain = matches!(t.prep, None | Some(Prep::At | Prep::Around));
        tense_fits && (plain || self.history)
    }

    /// Where `t` falls when it continues the story: a year-less date in the story's year.
    fn place(&self, t: &Temporal, tense: Option<morphology::Tense>) -> Option<Interval> {
        let (year, named) = self.year?;
        let reach = if self.history { usize::MAX } else { 0 };
        if t.sentence.saturating_sub(named) > reach
            || !self.may_tell(t)
            || self.now_sentences.binary_search(&t.sentence).is_ok()
        {
            return None;
        }
        resolve::resolve(&in_year(&t.value, year)?, self.published, tense)
    }

    /// The story goes on with `t`, placed at `i`: in its year if that is long past and `t`
    /// may belong to a story, else in none.
    fn follow(&mut self, t: &Temporal, i: Interval) {
        let year = i.start.year();
        self.year = (year == i.end.year()
            && year <= self.published.year() - STORY_YEARS_BACK
            && self.may_tell(t))
        .then_some((year, t.sentence));
    }
}

/// Whether a value is named relative to publication («вчера», «в прошлую пятницу»).
fn counts_from_publication(value: &TimeValue) -> bool {
    matches!(
        value,
        TimeValue::RelativeDay(_)
            | TimeValue::RelativePeriod { .. }
            | TimeValue::Weekday { .. }
            | TimeValue::WeekdayAfterNext { .. }
            | TimeValue::Weekend { .. }
            | TimeValue::RelativeSeason { .. }
            | TimeValue::RelativeMonth { .. }
            | TimeValue::RelativeHoliday { .. }
            | TimeValue::InRelativeYear { .. }
    ) || matches!(value, TimeValue::Offset { base, .. } | TimeValue::WeekOf(base) if counts_from_publication(base))
}

/// `value` placed in year `y`, for a day, month or season written without a year (and a
/// range of them: its last end takes the year, the first may fall in the year before).
fn in_year(value: &TimeValue, y: i32) -> Option<TimeValue> {
    match value {
        TimeValue::Date { year: None, .. }
        | TimeValue::Month { year: None, .. }
        | TimeValue::Season { year: None, .. } => Some(value.with_year(y)),
        TimeValue::Range { from, to } if in_year(from, y).is_some() => Some(TimeValue::Range {
            from: from.clone(),
            to: Box::new(in_year(to, y)?),
        }),
        TimeValue::WeekOf(day) => Some(TimeValue::WeekOf(Box::new(in_year(day, y)?))),
        TimeValue::Offset { base, unit, count } => Some(TimeValue::Offset {
            base: Box::new(in_year(base, y)?),
            unit: *unit,
            count: *count,
        }),
        _ => None,
    }
}

/// "Friday, Oct. 23": a weekday in apposition with a date that falls on it names that day
/// (alone it would be the nearest such weekday). A weekday the date does not fall on keeps
/// its own reading: `temporal/weekday-mismatch` reports the pair.
fn weekdays_beside_dates(temporals: &mut [Temporal], tokens: &[crate::text::Token]) {
    for k in 1..temporals.len() {
        let (a, b) = (&temporals[k - 1], &temporals[k]);
        if !a.beside(b, tokens) {
            continue;
        }
        let (w, date) = match (&a.value, &b.value) {
            (TimeValue::Weekday { shift: None, .. }, TimeValue::Date { .. }) => (k - 1, b),
            (TimeValue::Date { .. }, TimeValue::Weekday { shift: None, .. }) => (k, a),
            _ => continue,
        };
        let TimeValue::Weekday { weekday, .. } = temporals[w].value else {
            continue;
        };
        let day = date
            .day()
            .filter(|d| chrono::Datelike::weekday(d).number_from_monday() == weekday);
        if let Some(day) = day {
            temporals[w].interval = Some(crate::claims::Interval::day(day));
        }
    }
}

/// «годом ранее», "a year later": the time named just before (in the sentence or the one
/// before it), moved by the duration. In a report on a quarter, "a year ago" and "a year
/// earlier" are that quarter a year before, however far back the quarter was named, as long
/// as no time named since lies outside it (the year-ago quarter of a financial report). "A
/// year earlier" with no time before it in its sentence or the one before counts back from
/// publication, like "a year ago".
fn place_by_context(temporals: &[Temporal], durations: &mut [Duration], published: NaiveDate) {
    use crate::claims::Grain;
    use crate::language::Relation;
    for d in durations.iter_mut() {
        // Clock time ("two hours later") is never placed on the calendar.
        let Some(unit) = d.unit.calendar() else {
            continue;
        };
        let (sign, neighbour_sentence) = match d.relation {
            Some(Relation::Earlier) => (-1.0, true),
            Some(Relation::Later) => (1.0, true),
            Some(Relation::Ago) => (-1.0, false),
            _ => continue,
        };
        let before = &temporals[..temporals.partition_point(|t| t.tokens.end <= d.tokens.start)];
        let back_by_years = sign < 0.0 && unit == Unit::Year;
        // The quarter last named, when nothing named after it lies outside it ("the quarter
        // ended Sept. 30" keeps it; "in 2019" does not). "In the quarter" names it again; "the
        // year-ago quarter" does not.
        let mut placed = before
            .iter()
            .rev()
            .filter(|t| {
                !matches!(t.value, TimeValue::SamePeriod { years, months, .. } if years != 0 || months != 0)
            })
            .filter_map(|t| t.interval);
        let last = placed.clone().next();
        let quarter = placed
            .find(|i| i.grain == Grain::Quarter)
            .filter(|q| last.is_some_and(|l| q.start <= l.start && l.end <= q.end))
            .filter(|_| back_by_years);
        let nearest = before
            .iter()
            .rev()
            .filter(|t| !t.attributive)
            .find_map(|t| Some((t, t.interval?)));
        let near = nearest.filter(|(t, _)| {
            d.relation != Some(Relation::Ago)
                && (t.sentence == d.sentence || neighbour_sentence && t.sentence + 1 == d.sentence)
        });
        let from = match (near, quarter) {
            (Some((_, i)), _) | (None, Some(i)) => i,
            (None, None) if d.relation == Some(Relation::Earlier) => {
                let ago = Duration {
                    relation: Some(Relation::Ago),
                    ..d.clone()
                };
                d.interval = resolve::duration_point(&ago, published);
                continue;
            }
            _ => continue,
        };
        if let Some(x) = resolve::shifted(from, unit, sign * d.count) {
            d.interval = Some(x);
        }
    }
}

/// Sentences that open with a teaser marker of the language.
fn teaser_sentences(source: &str, text: &Text, pack: &crate::language::LanguagePack) -> Vec<usize> {
    if pack.teaser_markers.is_empty() {
        return Vec::new();
    }
    // The first words folded, each at most once per sentence and only when a marker's
    // words before it matched; the buffers serve every sentence.
    let mut folded: [String; 3] = Default::default();
    text.sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            // The first words as written.
            let mut words = text.tokens[(*s).clone()]
                .iter()
                .filter(|t| t.is_word())
                .map(|t| t.text(source));
            let first: [Option<&str>; 3] = [words.next(), words.next(), words.next()];
            if !first[0].is_some_and(|w| pack.may_open_teaser(w)) {
                return false;
            }
            let mut done = 0;
            pack.teaser_markers.iter().any(|m| {
                !m.is_empty()
                    && m.len() <= first.len()
                    && m.iter().zip(first).enumerate().all(|(k, (want, got))| {
                        got.is_some() && {
                            // The words before `k` are there too: they come first.
                            while done <= k {
                                crate::language::fold_into(
                                    &mut folded[done],
                                    first[done].unwrap_or_default(),
                                );
                                done += 1;
                            }
                            folded[k] == *want
                        }
                    })
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// Checks a document with a rule set and no facts file.
pub fn check(doc: &Document, rules: &RuleSet) -> Outcome {
    check_with(doc, rules, Facts::none())
}

/// Checks a document with a rule set and what the newsroom knows.
pub fn check_with(doc: &Document, rules: &RuleSet, facts: &Facts) -> Outcome {
    let (
        text,
        Claims {
            temporals,
            durations,
            references,
            recurrences,
            mentions,
            ages,
            quantities,
            events,
            orders,
        },
    ) = extract(doc, facts);
    let pack = doc.lang.and_then(embedded::pack);
    let runnable = |rule: &&crate::rules::Rule| {
        rule.applies_to(&doc.lang_code)
            && !(rule.check.needs_language() && pack.is_none())
            && !(rule.check.needs_publication_date() && doc.published.is_none())
            && !(rule.check.needs_facts() && facts.is_empty())
    };
    let mut ctx = Context {
        doc,
        text: &text,
        temporals: &temporals,
        durations: &durations,
        mentions: &mentions,
        ages: &ages,
        quantities: &quantities,
        events: &events,
        orders: &orders,
        facts,
        pack,
        suppressions: &[],
    };
    let mut diagnostics = Vec::new();
    for rule in rules.rules.iter().filter(runnable) {
        if !rule.check.after_suppressions() {
            diagnostics.extend(checks::run(rule, &ctx));
        }
    }
    let mut suppressions = Vec::new();
    if doc.disabled.is_some() || doc.text.contains("factlint-") {
        let lines = LineIndex::new(&doc.text);
        suppressions = suppress::parse(doc, &lines);
        diagnostics = suppress::apply(&mut suppressions, diagnostics, &lines);
    }
    ctx.suppressions = &suppressions;
    for rule in rules.rules.iter().filter(runnable) {
        if rule.check.after_suppressions() {
            diagnostics.extend(checks::run(rule, &ctx));
        }
    }
    diagnostics
        .sort_by(|a, b| (a.primary_span().start, &a.rule).cmp(&(b.primary_span().start, &b.rule)));
    Outcome {
        text,
        temporals,
        durations,
        references,
        recurrences,
        diagnostics,
    }
}
