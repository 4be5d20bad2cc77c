//! The claims stage: what an article asserts about time, each with its span.
//!
//! [`temporal`] finds time expressions, [`anchor`] finds the predicate each one anchors and
//! its tense, [`resolve`] turns the expression into a calendar interval against the
//! publication date.

pub mod anchor;
pub mod events;
pub mod holidays;
pub mod mentions;
pub mod quantities;
pub mod resolve;
pub mod temporal;
pub mod words;

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::language::{Approx, Part, Prep, Relation, TimeUnit, Unit, Vague};
use crate::morphology::Tense;

pub use resolve::{Grain, Interval};

/// A date written `YYYY-MM-DD`, as chrono's `%Y-%m-%d` reads it: the strict form of ten
/// characters directly, any other through chrono.
pub(crate) fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
    {
        let n = |r: Range<usize>| b[r].iter().fold(0, |v, c| v * 10 + u32::from(c - b'0'));
        if let Some(d) = NaiveDate::from_ymd_opt(n(0..4) as i32, n(5..7), n(8..10)) {
            return Some(d);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Whether an interval is a day or a run of days.
pub(crate) fn grain_days(i: Interval) -> bool {
    i.grain == Grain::Day
}

/// A time expression as written, before it is placed on the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeValue {
    /// A day: «6 января», «06.01.2026». The day may be impossible («31 апреля»).
    Date {
        /// Year, when written.
        year: Option<i32>,
        /// Month 1–12.
        month: u32,
        /// Day of month as written.
        day: u32,
    },
    /// A month or part of one: «в январе», «в конце декабря 2026 года».
    Month {
        /// Year, when written.
        year: Option<i32>,
        /// Month 1–12.
        month: u32,
        /// Part of the month.
        part: Option<Part>,
    },
    /// A quarter of a year: «в третьем квартале 2025 года», "in Q3".
    Quarter {
        /// Year, when written.
        year: Option<i32>,
        /// Quarter 1–4.
        quarter: u32,
    },
    /// A season: «летом 2025 года», «весной». Winter of a year runs from the December
    /// before it to its February.
    Season {
        /// Year, when written.
        year: Option<i32>,
        /// First month: 3, 6, 9 or 12.
        first_month: u32,
    },
    /// A year or part of one: «в 2025 году», «в конце 2025 года».
    Year {
        /// The year.
        year: i32,
        /// Part of the year.
        part: Option<Part>,
    },
    /// A fiscal year: "fiscal 1989", "fiscal year 2025". Where it begins is the company's or
    /// the government's: it is read as the widest span such a year may have.
    FiscalYear {
        /// The year it is named by.
        year: i32,
    },
    /// A decade or part of one: «в 1990-е годы», «в конце 1980-х», "the late 1970s".
    Decade {
        /// Its first year (1990 for the 1990s).
        start: i32,
        /// Part of the decade.
        part: Option<Part>,
    },
    /// A range: «с 15 по 20 мая», «2014–2016 годах».
    Range {
        /// First end.
        from: Box<TimeValue>,
        /// Last end.
        to: Box<TimeValue>,
    },
    /// A weekday: «во вторник», «в прошлую пятницу».
    Weekday {
        /// ISO weekday, Monday = 1.
        weekday: u32,
        /// Week shift from «прошлую» (-1), «эту» (0), «следующую» (1).
        shift: Option<i32>,
    },
    /// «этим летом» (0), «прошлой зимой» (-1), "next spring" (1): a season named by its place
    /// relative to publication.
    RelativeSeason {
        /// First month: 3, 6, 9 or 12.
        first_month: u32,
        /// Years from this year's season (the current one while it lasts).
        shift: i32,
    },
    /// "last April" (-1), "this September" (0), "next March" (1): a month named by its
    /// place relative to the publication month.
    RelativeMonth {
        /// Month 1–12.
        month: u32,
        /// -1 the latest before the publication month, 0 this year's, 1 the first after.
        shift: i32,
    },
    /// «в первый понедельник октября», «в последний день марта», «в первую неделю
    /// октября», "the last Friday of October": the n-th weekday, day or week of a month.
    NthInMonth {
        /// The month: a [`TimeValue::Month`] or a relative month («этого месяца»).
        month: Box<TimeValue>,
        /// What is counted.
        of: NthOf,
        /// 1–5, or -1 for the last.
        n: i32,
    },
    /// A named day: «на Рождество», "Thanksgiving 2013".
    Holiday {
        /// The rule that places it.
        rule: holidays::Holiday,
        /// Year, when written.
        year: Option<i32>,
    },
    /// "last Christmas", «на прошлую Пасху»: a named day by its place relative to
    /// publication.
    RelativeHoliday {
        /// The rule that places it.
        rule: holidays::Holiday,
        /// -1 the last one before publication, 0 this year's, 1 the first after.
        shift: i32,
    },
    /// «вчера» = -1 day from publication.
    RelativeDay(i32),
    /// "Wednesday after next", «середа після наступної»: a week after the coming one.
    WeekdayAfterNext {
        /// ISO weekday, Monday = 1.
        weekday: u32,
    },
    /// «на выходных», «в минувшие выходные», "last weekend": Saturday and Sunday of a week.
    Weekend {
        /// Weeks from the publication week; `None`: the one the tense points to.
        shift: Option<i32>,
    },
    /// «на прошлой неделе», «в конце прошлого года».
    RelativePeriod {
        /// Unit.
        unit: Unit,
        /// Offset in units.
        offset: i32,
        /// Part of the period («в конце»).
        part: Option<Part>,
    },
    /// «в конце года», "by the end of the month": part of the year (month, week) of the date
    /// before it in the text, or of publication when there is none.
    PeriodOfContext {
        /// Unit.
        unit: Unit,
        /// Part of it.
        part: Part,
    },
    /// "the quarter", "the year-ago period", «аналогичный период прошлого года»: the
    /// period of the date before it in the text (or the quarter or year containing it),
    /// moved by whole years. Placed by `check`; alone it has no value.
    SamePeriod {
        /// The quarter or year containing that date; `None` for the date's own period.
        unit: Option<Unit>,
        /// Years to move it by: -1 for a year before.
        years: i32,
        /// Months to move it by: 1 for "the following month".
        months: i32,
    },
    /// A month, day or part of one in a year named relative to publication: «в марте
    /// прошлого года», "in March last year".
    InRelativeYear {
        /// The month or day, its year unwritten.
        value: Box<TimeValue>,
        /// Years from the publication year: -1 «прошлого года», 0 «этого года».
        offset: i32,
    },
    /// The Monday–Sunday week containing a day: "the week of Oct. 7".
    WeekOf(Box<TimeValue>),
    /// A time counted from another: "three days after Easter", "a week from Friday", «через
    /// неделю после 5 марта», «за два дня до 8 марта».
    Offset {
        /// The time counted from.
        base: Box<TimeValue>,
        /// The unit counted.
        unit: Unit,
        /// How many: negative before the base.
        count: i32,
    },
}

/// What [`TimeValue::NthInMonth`] counts within its month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NthOf {
    /// Days: «последний день марта».
    Day,
    /// One weekday (ISO, Monday = 1): «первый вторник октября».
    Weekday(u32),
    /// Whole Monday–Sunday weeks inside the month: «первая неделя октября».
    Week,
}

/// The predicate a time expression anchors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The verb (or plan marker) in the text.
    pub span: Range<usize>,
    /// Its tense.
    pub tense: Tense,
    /// The expression is an adverbial of this verb, not a modifier of a noun between them.
    pub strong: bool,
    /// The clause is conditional («состоялась бы»).
    pub conditional: bool,
    /// The clause reports speech («заявил, что …»): its tense is relative to the report.
    pub reported: bool,
}

/// One temporal expression found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Temporal {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// Token index range.
    pub tokens: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// The value as written.
    pub value: TimeValue,
    /// The preposition or phrase governing it.
    pub prep: Option<Prep>,
    /// Byte range of the written year digits, when a year is written (for fixes).
    pub year_span: Option<Range<usize>>,
    /// Byte range of «<day> <month>» for a single date (for fixes).
    pub day_month_span: Option<Range<usize>>,
    /// Byte range of the weekday words, for a weekday.
    pub weekday_span: Option<Range<usize>>,
    /// Byte ranges of the two written ends of a range («15» and «12» in «с 15 по 12 мая»).
    pub range_ends: Option<(Range<usize>, Range<usize>)>,
    /// A year written before the noun it dates ("the 1996 campaign"): never the time of the
    /// predicate.
    pub attributive: bool,
    /// The part of the day named after a day ("Thursday evening").
    pub day_part: Option<crate::language::DayPart>,
    /// The time of day written with the day, hours and minutes («в 15:00 6 января», "10 p.m.
    /// Wednesday").
    pub clock: Option<(u32, u32)>,
    /// The predicate it anchors, when one was found.
    pub anchor: Option<Anchor>,
    /// Calendar interval against the publication date, when it could be placed.
    pub interval: Option<Interval>,
}

impl TimeValue {
    /// The year written in the value, if any (a range's last end's, a decade's first).
    pub fn written_year(&self) -> Option<i32> {
        match self {
            TimeValue::Date { year, .. }
            | TimeValue::Month { year, .. }
            | TimeValue::Quarter { year, .. }
            | TimeValue::Season { year, .. }
            | TimeValue::Holiday { year, .. } => *year,
            TimeValue::Year { year, .. } | TimeValue::FiscalYear { year } => Some(*year),
            TimeValue::Decade { start, .. } => Some(*start),
            TimeValue::Range { from, to } => to.written_year().or_else(|| from.written_year()),
            TimeValue::NthInMonth { month, .. } => month.written_year(),
            _ => None,
        }
    }

    /// The same value with its year set to `y` (unchanged for values without a year).
    pub fn with_year(&self, y: i32) -> TimeValue {
        match self.clone() {
            TimeValue::Date { month, day, .. } => TimeValue::Date {
                year: Some(y),
                month,
                day,
            },
            TimeValue::Month { month, part, .. } => TimeValue::Month {
                year: Some(y),
                month,
                part,
            },
            TimeValue::Quarter { quarter, .. } => TimeValue::Quarter {
                year: Some(y),
                quarter,
            },
            TimeValue::Season { first_month, .. } => TimeValue::Season {
                year: Some(y),
                first_month,
            },
            TimeValue::Year { part, .. } => TimeValue::Year { year: y, part },
            TimeValue::InRelativeYear { value, .. } => value.with_year(y),
            TimeValue::Offset { base, unit, count } => TimeValue::Offset {
                base: Box::new(base.with_year(y)),
                unit,
                count,
            },
            TimeValue::WeekOf(day) => TimeValue::WeekOf(Box::new(day.with_year(y))),
            TimeValue::Holiday { rule, .. } => TimeValue::Holiday {
                rule,
                year: Some(y),
            },
            other => other,
        }
    }
}

impl Temporal {
    /// A single day (written date) with its year, if this is one.
    pub fn written_date(&self) -> Option<(Option<i32>, u32, u32)> {
        match self.value {
            TimeValue::Date { year, month, day } => Some((year, month, day)),
            _ => None,
        }
    }

    /// The resolved day, when the interval is a single day.
    pub fn day(&self) -> Option<NaiveDate> {
        self.interval
            .filter(|i| i.grain == Grain::Day)
            .map(|i| i.start)
    }

    /// Whether the year was written out.
    pub fn has_written_year(&self) -> bool {
        self.year_span.is_some()
    }

    /// Whether `next` stands in apposition after this expression: in the same sentence,
    /// at most two commas, brackets or dashes between, and no preposition but «в»/"on"
    /// before it («вторник, 6 января», «6 января, во вторник», "Friday (Oct. 13)"; not
    /// "from Sept. 14 to Thursday").
    pub fn beside(&self, next: &Temporal, tokens: &[crate::text::Token]) -> bool {
        if self.sentence != next.sentence
            || self.tokens.end > next.tokens.start
            || !matches!(next.prep, None | Some(crate::language::Prep::At))
        {
            return false;
        }
        // "Fri., Jan. 21": the stop of an abbreviation glued to this one may stand between.
        let mut between = &tokens[self.tokens.end..next.tokens.start];
        if let Some((first, rest)) = between.split_first() {
            if first.punct() == Some('.') && !first.space_before && !rest.is_empty() {
                between = rest;
            }
        }
        between.len() <= 2
            && between
                .iter()
                .all(|t| matches!(t.punct(), Some(',' | '(' | ')' | '—' | '–' | '-')))
    }
}

/// The preposition the `k`-th time expression is read with: its own, or for a date restating
/// the time right before it («перенесли на понедельник, 25 марта», «призначено на неділю, 25
/// жовтня»), that one's.
pub fn governing_prep(
    temporals: &[Temporal],
    k: usize,
    tokens: &[crate::text::Token],
) -> Option<Prep> {
    let t = &temporals[k];
    t.prep.or_else(|| {
        let prev = &temporals[k.checked_sub(1)?];
        prev.beside(t, tokens).then_some(prev.prep).flatten()
    })
}

/// A time named only by its relation to the time of writing: «сейчас», «недавно», "in the
/// future". It has no calendar value and no rule reads it; the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Byte range in the document.
    pub span: Range<usize>,
    /// Index of its sentence.
    pub sentence: usize,
    /// Past, present or future.
    pub when: Vague,
}

/// A time that recurs: "daily", "every two years", «каждый вторник», «щороку». It names no
/// one day, so no rule reads it; the timeline shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recurrence {
    /// Byte range in the document.
    pub span: Range<usize>,
    /// Token index range.
    pub tokens: Range<usize>,
    /// Index of its sentence.
    pub sentence: usize,
    /// What recurs.
    pub every: Every,
}

/// What a [`Recurrence`] repeats.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Every {
    /// A count of units: "every two years", "daily".
    Units {
        /// How many units between two times.
        count: f64,
        /// The unit.
        unit: TimeUnit,
    },
    /// A weekday (ISO, Monday = 1): "every Tuesday".
    Weekday(u32),
    /// A month (1–12): "each July".
    Month(u32),
}

impl Every {
    /// In words, for people: "every day", "every 2 years", "every tuesday".
    pub fn describe(&self) -> String {
        const WEEKDAYS: [&str; 7] = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        match *self {
            Every::Units { count: 1.0, unit } => {
                format!("every {}", format!("{unit:?}").to_lowercase())
            }
            Every::Units { count, unit } => {
                format!("every {count} {}s", format!("{unit:?}").to_lowercase())
            }
            Every::Weekday(d) => format!("every {}", WEEKDAYS[(d as usize + 6) % 7]),
            Every::Month(m) => format!(
                "every {}",
                chrono::Month::try_from(m as u8)
                    .map_or("month".to_string(), |m| m.name().to_lowercase())
            ),
        }
    }
}

/// Everything extracted from one article.
#[derive(Debug, Default)]
pub struct Claims {
    /// Temporal expressions in text order.
    pub temporals: Vec<Temporal>,
    /// Durations in text order.
    pub durations: Vec<Duration>,
    /// Times named only relative to the time of writing («сейчас»), in text order.
    pub references: Vec<Reference>,
    /// Recurring times («ежедневно», "every Tuesday"), in text order.
    pub recurrences: Vec<Recurrence>,
    /// Mentions of the facts file's people, events and roles.
    pub mentions: Vec<mentions::Mention>,
    /// Stated ages («62-летний»).
    pub ages: Vec<Age>,
    /// Counts of things («35 делегаций»).
    pub quantities: Vec<Quantity>,
    /// Scheduled events with the day the article gives them («саммит НАТО пройдет 7 июля»).
    pub events: Vec<DatedEvent>,
    /// Days placed before or after an event («накануне саммита НАТО, 6 июля»).
    pub orders: Vec<OrderClaim>,
}

/// A day the article places before or after an event: «накануне саммита НАТО, 6 июля»,
/// «за два дня до саммита, 5 июля».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderClaim {
    /// The event's key, as in [`DatedEvent::key`].
    pub key: String,
    /// Byte range from the order phrase (or its count of days) to the event's words.
    pub span: Range<usize>,
    /// Before the event («накануне», «до»), or after it («после»).
    pub before: bool,
    /// How many days before or after, when a count is given («за два дня до»).
    pub days: Option<i64>,
    /// Index into the temporals of the day expression of the sentence.
    pub temporal: usize,
    /// Sentence index.
    pub sentence: usize,
}

/// A count of things: «35 делегаций», «более 30 государств».
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte range in the file, from the approximation word (if any) to the noun.
    pub span: Range<usize>,
    /// Token index range.
    pub tokens: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// The number.
    pub count: f64,
    /// How exact it is said to be.
    pub approx: Approx,
    /// The counted noun, folded as written.
    pub noun: String,
    /// Byte range of the noun.
    pub noun_span: Range<usize>,
}

impl Quantity {
    /// The values the count allows: (lowest, highest), both inclusive.
    pub fn bounds(&self) -> (f64, f64) {
        let n = self.count;
        match self.approx {
            Approx::Exactly => (n, n),
            Approx::About => (n * 0.8, n * 1.2),
            Approx::Almost => (n * 0.8, n),
            Approx::MoreThan => (n + 0.01, f64::INFINITY),
            Approx::AtLeast => (n, f64::INFINITY),
            Approx::LessThan => (0.0, n - 0.01),
        }
    }
}

/// A scheduled event and the day (or days) a sentence gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedEvent {
    /// What identifies the event: its noun's dictionary form and the name after it
    /// («саммит нато»); a bare noun takes the one named event of that noun in the article.
    pub key: String,
    /// Byte range of the event's words.
    pub span: Range<usize>,
    /// Index into the temporals of the time expression dating it.
    pub temporal: usize,
    /// Sentence index.
    pub sentence: usize,
}

/// A stated age: «62-летний», "62-year-old".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Age {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// Token index range.
    pub tokens: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// Years.
    pub years: u32,
    /// The name the age follows, as token indices ("Mark Rutte, 59,"): `None` for an age
    /// before its name («62-летний Марк Рютте», "the 62-year-old Mark Rutte").
    pub name_before: Option<Range<usize>>,
}

/// A duration: «почти четыре года», «более двух недель», «три года назад».
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// Token index range.
    pub tokens: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// How many units («полтора года» = 1.5; «десятилетие» = 10 years).
    pub count: f64,
    /// The unit: a calendar unit, or clock time («пять часов», "16 hours"), which no rule
    /// compares with dates.
    pub unit: TimeUnit,
    /// How exact it is said to be.
    pub approx: Approx,
    /// «назад», «через», «спустя».
    pub relation: Option<Relation>,
    /// An adjective of length ("a two-year term", "the 30-year bond", "day-long"): says how
    /// long something is, not how much time has passed; no rule reads it.
    pub attributive: bool,
    /// The time it names against the publication date («три года назад»).
    pub interval: Option<Interval>,
}

#[cfg(test)]
mod tests {
    /// [`super::iso_date`] reads what chrono's `%Y-%m-%d` reads.
    #[test]
    fn iso_date_reads_as_chrono_does() {
        for s in [
            "2018-07-30",
            "0000-01-01",
            "9999-12-31",
            "2020-02-29",
            "2021-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-01-00",
            "2020-1-01",
            "2020-01-1",
            " 2020-01-01",
            "+2020-01-01",
            "12345-01-01",
            "2020/01/01",
            "",
        ] {
            let chrono = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            assert_eq!(super::iso_date(s), chrono, "{s:?}");
        }
    }
}
