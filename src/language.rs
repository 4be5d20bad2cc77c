//! Language data: the calendar vocabulary and clause grammar of each language, read from
//! `rules/lang/<code>/*.toml` and compiled into lookup tables once.
//!
//! The engine knows no words of any language; adding a language adds files under
//! `rules/lang/`, not code.

use std::collections::HashMap as StdHashMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

use crate::source_error::SourceError;

/// A language the checker can read, by ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
    /// English.
    En,
}

impl Lang {
    /// Parses `ru`, `uk`, `en` (also `ua`, `rus`, `ukr`, `eng`, any case).
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ru" | "rus" | "ru-ru" => Some(Lang::Ru),
            "uk" | "ua" | "ukr" | "uk-ua" => Some(Lang::Uk),
            "en" | "eng" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::En => "en",
        }
    }
}

/// Part of a day named after it: "Thursday evening", «вчера вечером».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayPart {
    /// Morning.
    Morning,
    /// Afternoon.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
}

impl DayPart {
    /// Lower-case name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DayPart::Morning => "morning",
            DayPart::Afternoon => "afternoon",
            DayPart::Evening => "evening",
            DayPart::Night => "night",
        }
    }
}

/// Part of a month or year named by a phrase such as «в конце».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// Beginning.
    Early,
    /// Middle.
    Mid,
    /// End.
    Late,
    /// First half.
    FirstHalf,
    /// Second half.
    SecondHalf,
}

/// A time named only by its relation to the time of writing: «сейчас» (present),
/// «недавно» (past), «в будущем» (future).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Vague {
    /// Before the time of writing.
    Past,
    /// At it.
    Present,
    /// After it.
    Future,
}

impl Vague {
    /// Lower-case name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Vague::Past => "past",
            Vague::Present => "present",
            Vague::Future => "future",
        }
    }
}

/// What a preposition does to the time expression it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Prep {
    /// The event happens then («в январе»).
    At,
    /// Start of a range («с 15 мая»).
    From,
    /// End of a range («по 20 мая»).
    To,
    /// Deadline, exclusive («до 2030 года»).
    Until,
    /// Deadline («к 2030 году»).
    By,
    /// A range whose ends a joiner links («между 1994 и 1997 годами», "between 1985 and
    /// 1987").
    Between,
    /// The period something is meant for («на 2027 год»).
    For,
    /// After the time.
    After,
    /// Before the time.
    Before,
    /// Approximately then.
    Around,
}

/// Calendar unit of a relative period («на прошлой неделе»).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// A day.
    Day,
    /// Monday-based week.
    Week,
    /// Calendar month.
    Month,
    /// Calendar quarter.
    Quarter,
    /// Calendar year.
    Year,
}

/// Unit of a duration: a calendar unit, or a unit of clock time shorter than a day («пять
/// часов», "16 hours"), which no calendar code reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeUnit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A year.
    Year,
}

impl TimeUnit {
    /// The calendar unit; `None` for clock time (hours, minutes, seconds): a duration in it
    /// is never compared with dates or placed on the calendar.
    pub fn calendar(self) -> Option<Unit> {
        Some(match self {
            TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour => return None,
            TimeUnit::Day => Unit::Day,
            TimeUnit::Week => Unit::Week,
            TimeUnit::Month => Unit::Month,
            TimeUnit::Quarter => Unit::Quarter,
            TimeUnit::Year => Unit::Year,
        })
    }

    /// Seconds in one unit of clock time; `None` for calendar units.
    pub fn seconds(self) -> Option<f64> {
        match self {
            TimeUnit::Second => Some(1.0),
            TimeUnit::Minute => Some(60.0),
            TimeUnit::Hour => Some(3600.0),
            _ => None,
        }
    }
}

impl From<Unit> for TimeUnit {
    fn from(u: Unit) -> Self {
        match u {
            Unit::Day => TimeUnit::Day,
            Unit::Week => TimeUnit::Week,
            Unit::Month => TimeUnit::Month,
            Unit::Quarter => TimeUnit::Quarter,
            Unit::Year => TimeUnit::Year,
        }
    }
}

/// How exact a duration is said to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Approx {
    /// As stated.
    Exactly,
    /// «почти»: a little less.
    Almost,
    /// «около»: roughly.
    About,
    /// «более»: strictly more.
    MoreThan,
    /// «менее»: strictly less.
    LessThan,
    /// «не менее»: at least.
    AtLeast,
}

impl Approx {
    /// The name the JSON report and the timeline give it ("more-than").
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Exactly => "exactly",
            Approx::Almost => "almost",
            Approx::About => "about",
            Approx::MoreThan => "more-than",
            Approx::LessThan => "less-than",
            Approx::AtLeast => "at-least",
        }
    }
}

/// What a word around a duration makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// «три года назад»: that long before publication.
    Ago,
    /// «через неделю»: that long after publication.
    FromNow,
    /// «спустя два года»: that long after another event.
    Later,
    /// «годом ранее», "a year earlier": that long before another event.
    Earlier,
}

/// Whether a relation word stands before or after the duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    /// «через неделю».
    Before,
    /// «три года назад».
    After,
}

/// Day/month order of numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// 06.01.2026 is 6 January.
    Dmy,
    /// 01/06/2026 is 6 January.
    Mdy,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    language: String,
    numeric_date_order: DateOrder,
    #[serde(default)]
    bare_years: bool,
    #[serde(default)]
    bare_weekdays: bool,
    /// Weekday names that may open a sentence as its subject («Понедельник начался с…»).
    #[serde(default)]
    weekday_subjects: Vec<String>,
    /// Words joining listed dates or a range's ends after «между»: «в 2019 и 2020 годах».
    #[serde(default)]
    date_joiners: Vec<String>,
    /// The weekend and the words placing it: «на выходных», «в минувшие выходные».
    #[serde(default)]
    weekend: Option<WeekendEntry>,
    #[serde(default)]
    date_fillers: Vec<String>,
    /// Endings a time word may carry without changing its meaning: English "'s" in
    /// "Friday's announcement".
    #[serde(default)]
    possessive_suffixes: Vec<String>,
    /// Words after which a bare year dates the noun that follows: "the 1996 campaign".
    #[serde(default)]
    year_determiners: Vec<String>,
    /// Words after which a bare year ending a phrase dates the noun before them: "the first
    /// nine months of 1997".
    #[serde(default)]
    year_of_words: Vec<String>,
    /// Phrases before a "for" preposition naming the night that ends on the day after it
    /// («в ночь на 2 марта»): the day is the event's, not a limit.
    #[serde(default)]
    night_of: Vec<String>,
    /// Phrases before a day naming the Monday–Sunday week containing it ("the week of Oct.
    /// 7").
    #[serde(default)]
    week_of: Vec<String>,
    /// Words before a length that keep it a length before a day ("for 10 days from Dec.
    /// 18", «в течение недели после 5 марта»).
    #[serde(default)]
    day_offset_blockers: Vec<String>,
    /// A length right before a day counts from that day ("three days after Easter").
    #[serde(default)]
    day_offsets: Vec<DayOffset>,
    months: Vec<MonthEntry>,
    weekdays: Vec<WeekdayEntry>,
    year_words: Vec<String>,
    number_suffixes: Vec<String>,
    /// Endings that make a year ending in 0 a decade: «1990-х», "1970s".
    #[serde(default)]
    decade_suffixes: Vec<String>,
    prepositions: StdHashMap<String, Prep>,
    relative_days: StdHashMap<String, i32>,
    #[serde(default)]
    standalone_relative_days: StdHashMap<String, i32>,
    #[serde(default)]
    weekday_shifts: StdHashMap<String, i32>,
    /// Phrases after a weekday naming the one after the coming one: "after next".
    #[serde(default)]
    after_next: Vec<String>,
    /// Ordinals that count a weekday or day within a month («первый понедельник», "the last
    /// Friday"); -1 is the last.
    #[serde(default)]
    weekday_ordinals: StdHashMap<String, i32>,
    /// Named days: «Рождество», "Thanksgiving".
    #[serde(default)]
    holidays: Vec<HolidayEntry>,
    /// Words placing a season relative to publication («прошлой» зимой), in years.
    #[serde(default)]
    season_shifts: StdHashMap<String, i32>,
    /// A period named by its unit alone after a part («в конце года», "by the end of the
    /// month"): the one of the date before it in the text.
    #[serde(default)]
    period_nouns: StdHashMap<String, Unit>,
    /// Periods named by the date before them: "the quarter", «аналогичный период прошлого
    /// года».
    #[serde(default)]
    context_periods: Vec<ContextPeriodEntry>,
    /// Words and phrases that name the present, the past or the future without a date:
    /// «сейчас», «недавно», "in the future".
    #[serde(default)]
    vague_references: StdHashMap<String, Vague>,
    /// The word "day" after such an ordinal: «последний день марта».
    #[serde(default)]
    month_day_words: Vec<String>,
    /// «неделя», "week" after an ordinal: «первая неделя октября».
    #[serde(default)]
    month_week_words: Vec<String>,
    /// Words naming a part of the day after a day: "Thursday evening", «вчера вечером».
    #[serde(default)]
    day_parts: StdHashMap<String, DayPart>,
    /// Phrases before a year that make it a fiscal year: "fiscal", "fiscal year".
    #[serde(default)]
    fiscal_phrases: Vec<String>,
    /// Words making the unit, weekday or month after them recur: "every", «каждый».
    #[serde(default)]
    every_words: Vec<String>,
    /// Words naming a recurrence by themselves: "daily", «ежегодно».
    #[serde(default)]
    recurring_words: StdHashMap<String, TimeUnit>,
    /// A part of a day named relative to publication: "this morning", "last night",
    /// «этим утром».
    #[serde(default)]
    days_with_parts: StdHashMap<String, DayWithPart>,
    /// A part of a period in one word or phrase: "year-end" is the end of the year (of the
    /// date before it, or of publication).
    #[serde(default)]
    period_part_words: StdHashMap<String, PeriodPartEntry>,
    /// After an hour, the hours to add: "a.m." 0, "p.m." 12 ("10 p.m. Wednesday").
    #[serde(default)]
    meridiems: StdHashMap<String, u32>,
    /// Words naming an hour of the day before a day: "noon" 12 ("noon Thursday").
    #[serde(default)]
    clock_words: StdHashMap<String, u32>,
    #[serde(default)]
    period_parts: Vec<PartEntry>,
    #[serde(default)]
    relative_periods: Vec<RelativePeriodEntry>,
    /// «последние», «ближайшие» before a count of units: `-1` the units just before
    /// publication, `1` those just after.
    #[serde(default)]
    counted_periods: StdHashMap<String, i32>,
    /// Forms of «квартал».
    #[serde(default)]
    quarter_words: Vec<String>,
    /// Seasons: «летом», «весны», "summer".
    #[serde(default)]
    seasons: Vec<SeasonEntry>,
    /// Ordinals numbering quarters, in every form used with «квартал».
    #[serde(default)]
    quarter_ordinals: Vec<OrdinalEntry>,
    /// Quarters in one word ("third-quarter").
    #[serde(default)]
    quarter_compounds: StdHashMap<String, u32>,
    /// Parts written as a hyphenated prefix of a month name: "mid-March".
    #[serde(default)]
    month_part_prefixes: StdHashMap<String, Part>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthEntry {
    month: u32,
    genitive: String,
    forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekdayEntry {
    weekday: u32,
    nominative: String,
    at: String,
    forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartEntry {
    phrase: String,
    part: Part,
    prep: Option<Prep>,
}

/// `[weekend]`: the word for Saturday and Sunday together, and words placing it relative
/// to the publication week (-1 the last one).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekendEntry {
    words: Vec<String>,
    #[serde(default)]
    shifts: StdHashMap<String, i32>,
    /// Nouns that make the word an adjective: «выходные дни» (days off in general).
    #[serde(default)]
    not_before: Vec<String>,
}

/// `[period_part_words]`: a unit and a part of it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodPartEntry {
    unit: Unit,
    part: Part,
}

/// `[days_with_parts]`: a day counted from publication and a part of it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DayWithPart {
    day: i32,
    part: DayPart,
}

/// `[[context_periods]]`: phrases naming the period of the date before them, or its
/// quarter or year (`unit`), moved by whole `years` and `months`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextPeriodEntry {
    phrases: Vec<String>,
    unit: Option<Unit>,
    #[serde(default)]
    years: i32,
    #[serde(default)]
    months: i32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RelativePeriodEntry {
    phrase: String,
    unit: Unit,
    offset: i32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NumbersFile {
    language: String,
    #[serde(default)]
    age_words: Vec<String>,
    /// An age may follow a name between commas ("Mark Rutte, 59, said").
    #[serde(default)]
    appositive_ages: bool,
    /// An age may follow a name in brackets with its unit («Виктор Лебедев (45 лет)»).
    #[serde(default)]
    bracket_ages: bool,
    ordinals: Vec<OrdinalEntry>,
    /// Ordinals before a unit of duration: «третий год войны», "in its third year" (the
    /// n-th unit since a start, read as «почти n»).
    #[serde(default)]
    unit_ordinals: Vec<OrdinalEntry>,
    cardinals: Vec<CardinalEntry>,
    duration_units: Vec<DurationUnitEntry>,
    approximations: StdHashMap<String, Approx>,
    duration_relations: Vec<RelationEntry>,
    /// Words that count vaguely («несколько лет назад», "several years ago").
    #[serde(default)]
    vague_counts: Vec<String>,
    /// Words joining the parts of one duration: «два года и три месяца».
    #[serde(default)]
    duration_joiners: Vec<String>,
    /// Words right before a count of hours that make it a time of day («в 15 часов», «к 18
    /// часам», "at 1600 hours").
    #[serde(default)]
    clock_before: Vec<String>,
    /// Words just after a count of hours or minutes that make it a time of day («2 часа
    /// ночи», «10 минут третьего», «по местному времени»).
    #[serde(default)]
    clock_after: Vec<String>,
    /// Count words that also make a rate ("60 miles an hour"): a unit of clock time after one
    /// is a duration only with an approximation, a relation or a half ("nearly an hour", "an
    /// hour ago", "an hour and a half"), or after one of `rate_exempt_before` ("for an hour").
    #[serde(default)]
    rate_counts: Vec<String>,
    #[serde(default)]
    rate_exempt_before: Vec<String>,
    /// Words adding a half after a count or a unit: «два с половиной года», "an hour and a
    /// half".
    #[serde(default)]
    halves: Vec<String>,
    /// Words taking half of the count after them: "half an hour".
    #[serde(default)]
    half_before: Vec<String>,
    /// Hyphenated adjectives of one unit's length ("a day-long meeting"); a count glued to
    /// the unit ("a two-year term") needs no entry.
    #[serde(default)]
    length_words: Vec<String>,
    /// Participles closing a period at the date after them: "the year ended Sept. 30".
    #[serde(default)]
    period_end_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeasonEntry {
    first_month: u32,
    forms: Vec<String>,
    #[serde(default)]
    adverbs: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrdinalEntry {
    value: u32,
    forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardinalEntry {
    value: f64,
    forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DurationUnitEntry {
    unit: TimeUnit,
    #[serde(default = "one_unit")]
    per: u32,
    forms: Vec<String>,
}

/// A named day in `calendar.toml`: its names and exactly one rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayEntry {
    names: Vec<String>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<u32>,
    n: Option<i32>,
    easter: Option<crate::claims::holidays::Easter>,
    /// An observance of `rules/calendar/observances.toml`, by id.
    table: Option<String>,
    /// Kept every so many days (`every`) from a day it was kept (`on`, YYYY-MM-DD).
    every: Option<u32>,
    on: Option<String>,
    #[serde(default)]
    offset: i32,
    /// How many days; absent, as long as the rule's day or observance lasts.
    days: Option<u32>,
    /// The year the holiday moved to this rule, and the fixed day it had before (`before`);
    /// without `before`, the year it was first kept.
    since: Option<i32>,
    before: Option<FixedDay>,
    /// Days a fixed day moves when it falls on a Saturday, on a Sunday (-3–3).
    #[serde(default)]
    saturday: i8,
    #[serde(default)]
    sunday: i8,
    /// The names count only with a year after them («Rakhi 2018», not the name Rakhi).
    #[serde(default)]
    needs_year: bool,
    /// The names count only written with capitals ("King's Day", not "the king's day").
    #[serde(default)]
    capitalised: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FixedDay {
    month: u32,
    day: u32,
}

impl HolidayEntry {
    fn rule(&self) -> Result<crate::claims::holidays::Holiday, String> {
        use crate::claims::holidays::{Base, Holiday};
        let name = self.names.first().map(String::as_str).unwrap_or("?");
        let fixed = |month: u32, day: u32| {
            if (1..=12).contains(&month) && (1..=31).contains(&day) {
                Ok(Base::Fixed { month, day })
            } else {
                Err(format!(
                    "holiday «{name}»: {day}.{month} is not a day of the year"
                ))
            }
        };
        let table = |id: &str| {
            crate::claims::holidays::Observances::embedded()
                .get(id)
                .map(Base::Table)
                .ok_or_else(|| {
                    format!(
                        "holiday «{name}»: no observance `{id}` in {}",
                        crate::claims::holidays::EMBEDDED_NAME
                    )
                })
        };
        let base = match (
            self.month,
            self.day,
            self.weekday,
            self.n,
            self.easter,
            self.table.as_deref(),
        ) {
            (Some(m), Some(d), None, None, None, None) => fixed(m, d)?,
            (Some(month), None, Some(weekday), Some(n), None, None)
                if (1..=12).contains(&month)
                    && (1..=7).contains(&weekday)
                    && matches!(n, -1 | 1..=5) =>
            {
                Base::Nth { month, weekday, n }
            }
            (None, None, None, None, Some(e), None) => Base::Easter(e),
            (None, None, None, None, None, Some(id)) => table(id)?,
            (None, None, None, None, None, None) if self.every.is_some() => {
                let on = self
                    .on
                    .as_deref()
                    .and_then(|on| chrono::NaiveDate::parse_from_str(on, "%Y-%m-%d").ok());
                match (self.every, on) {
                    (Some(days @ 7..=400), Some(on)) => Base::Every { days, on },
                    _ => {
                        return Err(format!(
                            "holiday «{name}»: `every` (7–400 days) needs `on`, a day it was \
                             kept (YYYY-MM-DD)"
                        ))
                    }
                }
            }
            _ => {
                return Err(format!(
                    "holiday «{name}» needs one rule: month and day; month, weekday (1–7) and \
                     n (1–5 or -1); easter; table; or every and on"
                ))
            }
        };
        if self.on.is_some() != self.every.is_some()
            || self.every.is_some() && !matches!(base, Base::Every { .. })
        {
            return Err(format!(
                "holiday «{name}»: `every` and `on` go together, and with no other rule"
            ));
        }
        if self.names.is_empty() {
            return Err("a holiday needs at least one name".into());
        }
        if self.days.is_some_and(|d| !(1..=366).contains(&d)) || self.offset.abs() > 366 {
            return Err(format!(
                "holiday «{name}»: days must be 1–366, offset within a year"
            ));
        }
        // A day counted from an observance of several days is seldom as long: Yom Kippur
        // is one day, nine after the eve of Rosh Hashanah's three.
        if let Base::Table(t) = base {
            if self.offset != 0 && self.days.is_none() && t.lasts() {
                return Err(format!(
                    "holiday «{name}»: counted from `{}`, which lasts several days; say how \
                     many days it lasts with `days`",
                    t.id
                ));
            }
        }
        let since = match (self.since, &self.before) {
            (Some(y), Some(b)) => Some((y, Some(fixed(b.month, b.day)?))),
            (Some(y), None) => Some((y, None)),
            (None, None) => None,
            (None, Some(_)) => {
                return Err(format!(
                    "holiday «{name}»: `before` needs `since`, the year the rule began"
                ))
            }
        };
        let weekend = [self.saturday, self.sunday];
        if weekend != [0, 0] && !matches!(base, Base::Fixed { .. }) {
            return Err(format!(
                "holiday «{name}»: `saturday` and `sunday` move a fixed day (month and day)"
            ));
        }
        if weekend.iter().any(|d| !(-3..=3).contains(d)) {
            return Err(format!(
                "holiday «{name}»: `saturday` and `sunday` move a day by -3 to 3 days"
            ));
        }
        Ok(Holiday {
            base,
            offset: self.offset,
            days: self.days,
            since,
            weekend,
            needs_year: self.needs_year,
            capitalised: self.capitalised,
        })
    }
}

/// The length of the first of `phrases` (word lists) that ends right before token `at`;
/// `word(i)` gives token `i` folded, `None` for punctuation.
fn phrase_ending_at(
    phrases: &[Vec<String>],
    at: usize,
    word: impl Fn(usize) -> Option<String>,
) -> Option<usize> {
    phrases
        .iter()
        .find(|p| {
            at >= p.len()
                && p.iter()
                    .enumerate()
                    .all(|(k, w)| word(at - p.len() + k).as_deref() == Some(w.as_str()))
        })
        .map(Vec::len)
}

/// How a length right before a day counts from it: "three days after Easter", «за два дня
/// до 8 марта».
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayOffset {
    /// The day's preposition.
    pub prep: Prep,
    /// The word opening the length or standing right before it («через», «за»); none when
    /// empty.
    #[serde(default)]
    pub opener: String,
    /// 1: that long after the day; -1: before it.
    pub sign: i32,
    /// The units the length may count in; any when empty («за три месяца до 30 июня» is the
    /// three months ending then, «за два дня до 8 марта» a day).
    #[serde(default)]
    pub units: Vec<Unit>,
}

fn one_unit() -> u32 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationEntry {
    phrase: String,
    position: Position,
    relation: Relation,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GrammarFile {
    language: String,
    subordinators: Vec<String>,
    reported_speech: Vec<String>,
    #[serde(default)]
    reported_speech_markers: Vec<String>,
    conditional_particles: Vec<String>,
    future_markers: Vec<String>,
    /// Words between a present form of "be" and "to" that make the infinitive after them a
    /// plan: "is set to begin", "are expected to meet".
    #[serde(default)]
    plan_adjectives: Vec<String>,
    /// The present forms of "be" before those ("was set to" claims no tense).
    #[serde(default)]
    present_be: Vec<String>,
    /// Verbs that place a named day on the calendar rather than tell of an event: «Пасха
    /// пришлась на апрель».
    #[serde(default)]
    calendar_verbs: Vec<String>,
    abbreviations: Vec<String>,
    #[serde(default)]
    teaser_markers: Vec<String>,
    /// Words moving a sentence to a time named before it ("then", «тогда»).
    #[serde(default)]
    earlier_time: Vec<String>,
    /// Words before a role saying it is held for the time being ("acting").
    #[serde(default)]
    acting_markers: Vec<String>,
    /// Forms of "be" that make a full participle after them a predicate («бути
    /// продовжений»).
    #[serde(default)]
    copulas: Vec<String>,
    /// Nouns before a role naming the post itself («на посту генсека»).
    #[serde(default)]
    position_nouns: Vec<String>,
    /// Prepositions of a day that, after a short object, make the time the verb's ("raised
    /// its key rate on Dec. 18").
    #[serde(default)]
    verb_day_prepositions: Vec<String>,
    /// Endings of nouns that may carry a day of their own («проведение», «рассмотрения»).
    #[serde(default)]
    own_time_endings: Vec<String>,
    /// Other nouns that may carry a day of their own («рейс», «годовщина»), any form.
    #[serde(default)]
    own_time_nouns: Vec<String>,
    /// Beginnings of verbs whose object may lie ahead («анонсировал», «перенесли»).
    #[serde(default)]
    forward_verbs: Vec<String>,
    /// Nouns that make one predicate with their verb («вступил в силу»).
    #[serde(default)]
    verb_phrase_nouns: Vec<String>,
    #[serde(default)]
    former_markers: Vec<String>,
    #[serde(default)]
    infinitive_after: Vec<String>,
    #[serde(default)]
    participle_after: Vec<String>,
    /// Auxiliaries of the perfect ("has risen"): the participle keeps its past.
    #[serde(default)]
    perfect_auxiliaries: Vec<String>,
    /// A time without a preposition after the object modifies the verb ("told customers
    /// Monday"): the language puts a noun's time before the noun.
    #[serde(default)]
    bare_times_modify_verb: bool,
    /// Plan markers are nouns too ("plans", "aims", "will"): after a determiner or a verb
    /// they are the noun.
    #[serde(default)]
    plan_markers_are_nouns_too: bool,
    /// A noun right before a noun modifies it ("trade war").
    #[serde(default)]
    noun_adjuncts: bool,
    /// Words joining two predicates ("and", «и»).
    #[serde(default)]
    coordinators: Vec<String>,
    /// Prepositions that make the time after them a noun's ("of").
    #[serde(default)]
    noun_prepositions: Vec<String>,
    /// Words saying the time after them was superseded ("originally").
    #[serde(default)]
    superseded_markers: Vec<String>,
    /// Adverbs that may stand between an auxiliary and its verb ("will almost double").
    #[serde(default)]
    verb_adverbs: Vec<String>,
    /// Subordinators opening a condition ("if"): with a conditional particle anywhere in
    /// the sentence, the clause is counterfactual.
    #[serde(default)]
    conditional_openers: Vec<String>,
}

/// What one word can be in a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// A month name (1–12).
    Month(u32),
    /// A weekday name (ISO, Monday = 1).
    Weekday(u32),
    /// «год», «г.».
    YearWord,
    /// A preposition.
    Prep(Prep),
    /// «вчера» = -1.
    RelativeDay(i32),
    /// «накануне» = -1, only when standing alone.
    StandaloneRelativeDay(i32),
    /// «прошлую» = -1 before a weekday.
    WeekdayShift(i32),
    /// An ordinal day word («шестого» = 6).
    Ordinal(u32),
    /// A cardinal word, in tenths («четыре» = 40, «полтора» = 15).
    Cardinal(u32),
    /// An ordinal before a unit of duration («третий» год = 3).
    UnitOrdinal(u32),
    /// A unit of duration and how many of it one word means («десятилетие» = 10 years).
    DurationUnit(TimeUnit, u32),
    /// Glued to a number, states an age («62-летний»).
    AgeWord,
    /// «квартал»: a quarter of a year after an ordinal.
    QuarterWord,
    /// An ordinal that numbers a quarter («третьем» in «в третьем квартале»).
    QuarterOrdinal(u32),
    /// A quarter in one word ("third-quarter profit").
    Quarter(u32),
    /// An ordinal counting weekdays or days in a month («первый», "last" = -1).
    WeekdayOrdinal(i32),
    /// Places a season relative to publication («прошлой» зимой = -1).
    SeasonShift(i32),
    /// Joins the parts of one duration («два года и три месяца»).
    DurationJoiner,
    /// Joins listed dates or a range's ends after «между» («в 2019 и 2020 годах»).
    DateJoiner,
    /// «выходные», "weekend".
    Weekend,
    /// «минувшие» before «выходные»: weeks from the publication week.
    WeekendShift(i32),
    /// «дни» after «выходные»: days off, not a weekend.
    NotAfterWeekend,
    /// "day" after an ordinal of the month («последний день марта»).
    MonthDayWord,
    /// "week" after an ordinal of the month («первая неделя октября»).
    MonthWeekWord,
    /// A part of the day after a day ("evening" in "Thursday evening").
    DayPart(DayPart),
    /// A part and a month in one hyphenated word ("mid-March").
    MonthPart(Part, u32),
    /// A vague count («несколько», "several"): the unit after it has no number.
    VagueCount,
    /// Makes the unit, weekday or month after it recur ("every", «каждый»).
    Every,
    /// A recurrence in one word: "daily", «ежегодно».
    Recurring(TimeUnit),
    /// A season, by its first month (3, 6, 9, 12); `adverb` for the form that is a time
    /// adverbial by itself («летом», «влітку»).
    Season {
        /// First month: 3 spring, 6 summer, 9 autumn, 12 winter.
        first_month: u32,
        /// The form needs no preposition.
        adverb: bool,
    },
}

/// A multi-word phrase of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// «в конце» before a month or year.
    Part(Part, Option<Prep>),
    /// «на прошлой неделе».
    RelativePeriod(Unit, i32),
    /// «последние» (-1) or «ближайшие» (1) before a count of units.
    CountedPeriod(i32),
    /// «почти», «более чем» before a duration.
    Approx(Approx),
    /// «назад», «через» around a duration.
    Relation(Relation, Position),
    /// A named day: «Рождество», "Thanksgiving".
    Holiday(crate::claims::holidays::Holiday),
    /// «сейчас», «недавно», "in the future".
    Vague(Vague),
    /// «года» in «в конце года»: a period of the date before it.
    PeriodNoun(Unit),
    /// "the quarter", «аналогичный период прошлого года»: the period (or its quarter or
    /// year) of the date before it, moved by whole years and months.
    ContextPeriod(Option<Unit>, i32, i32),
    /// "after next" after a weekday: the one after the coming one.
    AfterNext,
    /// "this morning" (0), "last night" (-1): a part of a day counted from publication.
    DayWithPart(i32, DayPart),
    /// "fiscal", "fiscal year" before a year.
    Fiscal,
    /// "year-end": a part of the period of the date before it (or of publication).
    PeriodPart(Unit, Part),
}

/// Words read around durations only, as folded forms (`numbers.toml`).
#[derive(Debug, Default)]
pub struct DurationWords {
    /// Before a count of hours: a time of day («в 15 часов»).
    pub clock_before: HashSet<String>,
    /// Just after a count of hours or minutes: a time of day («2 часа ночи»).
    pub clock_after: HashSet<String>,
    /// Count words that also make a rate ("60 miles an hour").
    pub rate_counts: HashSet<String>,
    /// Words before which such a count is a duration all the same ("for an hour").
    pub rate_exempt_before: HashSet<String>,
    /// Phrases adding a half («с половиной», "and a half"), as words.
    pub halves: Vec<Vec<String>>,
    /// Words halving the count after them ("half an hour").
    pub half_before: HashSet<String>,
    /// Hyphenated adjectives of one unit's length ("day-long").
    pub length_words: HashSet<String>,
    /// Participles closing a period at the date after them ("the year ended Sept. 30").
    pub period_end_words: HashSet<String>,
}

/// The compiled knowledge of one language.
#[derive(Debug)]
pub struct LanguagePack {
    /// Which language.
    pub lang: Lang,
    /// Order of numeric dates.
    pub numeric_date_order: DateOrder,
    /// A bare four-digit number after a preposition is a year («in 2025»).
    pub bare_years: bool,
    /// A capitalised weekday name alone is a time ("the company said Friday").
    pub bare_weekdays: bool,
    /// Weekday names that count alone when they open a sentence («Понедельник начался…»).
    weekday_subjects: HashSet<String>,
    /// Words read around durations only (clock times, rates, halves).
    pub duration_words: DurationWords,
    /// After an hour, the hours to add ("p.m." 12), keyed in lower case.
    pub meridiems: HashMap<String, u32>,
    /// Words naming an hour ("noon" 12), folded.
    pub clock_words: HashMap<String, u32>,
    words: HashMap<String, Vec<Word>>,
    /// Phrases keyed by their first word; each entry is (remaining words, meaning).
    phrases: HashMap<String, Vec<(Vec<String>, Phrase)>>,
    number_suffixes: HashSet<String>,
    decade_suffixes: HashSet<String>,
    month_genitive: [String; 12],
    weekday_nominative: [String; 7],
    weekday_at: [String; 7],
    subordinators: HashSet<String>,
    reported_speech: HashSet<String>,
    /// Reported-speech marker phrases, as word lists.
    pub reported_speech_markers: Vec<Vec<String>>,
    /// Phrases opening a sentence that quotes another article («Читайте также:»), as word
    /// lists: its dates belong to that article.
    pub teaser_markers: Vec<Vec<String>>,
    /// Phrases moving a sentence to a time named before it ("at the time", «тогда»), as
    /// word lists.
    earlier_time: Vec<Vec<String>>,
    /// Phrases before a role saying it is held for the time being ("acting"), as word lists.
    acting_markers: Vec<Vec<String>>,
    copulas: HashSet<String>,
    position_nouns: HashSet<String>,
    verb_day_prepositions: HashSet<String>,
    own_time_endings: Vec<String>,
    own_time_nouns: Vec<String>,
    forward_verbs: Vec<String>,
    verb_phrase_nouns: HashSet<String>,
    /// The [`prefix_key`]s of the teaser markers' first words.
    teaser_prefixes: PrefixFilter,
    conditional_particles: HashSet<String>,
    future_markers: HashSet<String>,
    plan_adjectives: HashSet<String>,
    present_be: HashSet<String>,
    calendar_verbs: HashSet<String>,
    perfect_auxiliaries: HashSet<String>,
    /// A time without a preposition after the object modifies the verb ("told customers
    /// Monday").
    pub bare_times_modify_verb: bool,
    /// Plan markers are nouns too ("announced plans to").
    pub plan_markers_are_nouns_too: bool,
    /// An age may follow a name between commas ("Mark Rutte, 59, said").
    pub appositive_ages: bool,
    /// An age may follow a name in brackets with its unit («Виктор Лебедев (45 лет)»).
    pub bracket_ages: bool,
    /// A noun right before a noun modifies it ("trade war"); in Russian and Ukrainian the
    /// noun before governs it instead («прекращение войны»).
    pub noun_adjuncts: bool,
    abbreviations: HashSet<String>,
    /// The [`prefix_key`]s of the abbreviations: most words are ruled out unfolded.
    abbreviation_prefixes: PrefixFilter,
    date_fillers: HashSet<String>,
    possessive_suffixes: Vec<String>,
    year_determiners: HashSet<String>,
    year_of_words: HashSet<String>,
    night_of: Vec<Vec<String>>,
    week_of: Vec<Vec<String>>,
    day_offset_blockers: Vec<Vec<String>>,
    /// How a length right before a day counts from it ("three days after Easter").
    pub day_offsets: Vec<DayOffset>,
    former_markers: HashSet<String>,
    infinitive_after: HashSet<String>,
    participle_after: HashSet<String>,
    /// Byte length of the longest word of the lexicon (words and phrase starts).
    pub max_word_bytes: usize,
    /// The number of words of the longest phrase.
    pub max_phrase_words: usize,
    /// First three letters of every word the extractor looks at: a cheap test before folding
    /// a word.
    prefixes: PrefixFilter,
    /// First three letters of every word of the lexicon, the clause words included.
    listed_prefixes: PrefixFilter,
    /// First three and last two letters of every word of the lexicon longer than three.
    listed_ends: PrefixFilter,
    /// Every word that appears inside a phrase, after its first.
    phrase_words: HashSet<String>,
    /// Every folded word the extractor looks at (words, phrase words, number suffixes, date
    /// fillers) with its readings and the phrases it opens, and every word the clause grammar
    /// looks at (subordinators, markers, particles) with its roles: one lookup per word.
    lexicon: Lexicon,
    /// [`LanguagePack::reported_speech_markers`] as lexicon ids.
    reported_marker_ids: Vec<Vec<u32>>,
    /// The lexicon id of the full stop inside a phrase ("st. patrick's day"), when some
    /// phrase has one.
    phrase_stop: Option<u32>,
}

/// The full stop of an abbreviation inside a phrase, as a phrase word.
const PHRASE_STOP: &str = ".";

/// The roles a word plays in the clause grammar of `grammar.toml`, as a set of bits.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Roles(u16);

impl Roles {
    /// No role.
    pub const NONE: Roles = Roles(0);
    /// Opens a subordinate clause («что», «который»).
    pub const SUBORDINATOR: Roles = Roles(1);
    /// Complementiser of reported speech («что»).
    pub const REPORTED_SPEECH: Roles = Roles(2);
    /// Conditional particle («бы»).
    pub const CONDITIONAL: Roles = Roles(4);
    /// Predicate of plan or expectation («планируется»).
    pub const FUTURE_MARKER: Roles = Roles(8);
    /// The word after it is a bare infinitive ("will", "to").
    pub const INFINITIVE_MARKER: Roles = Roles(16);
    /// The word after it is a participle ("will be", "has been").
    pub const PARTICIPLE_MARKER: Roles = Roles(32);
    /// Opens a reported-speech marker phrase («как» in «как сообщалось»).
    pub const REPORTED_MARKER_START: Roles = Roles(64);
    /// Joins two predicates ("and", «и»): before a verb it opens a clause of its own.
    pub const COORDINATOR: Roles = Roles(128);
    /// Before a time, makes it a noun's ("the events of Jan. 5").
    pub const NOUN_PREPOSITION: Roles = Roles(256);
    /// Before a time, says it was superseded ("originally Jan. 5", «изначально 5 января»).
    pub const SUPERSEDED: Roles = Roles(512);
    /// An adverb that may stand between an auxiliary and its verb ("will almost double").
    pub const VERB_ADVERB: Roles = Roles(1024);
    /// A subordinator opening a condition ("if", «если»).
    pub const CONDITIONAL_OPENER: Roles = Roles(2048);

    /// Whether it has every role of `other`.
    #[inline]
    pub fn has(self, other: Roles) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    fn add(&mut self, other: Roles) {
        self.0 |= other.0;
    }
}

/// What the lexicon knows of one folded word.
#[derive(Debug, Default)]
pub struct LexEntry {
    /// The folded word.
    pub word: String,
    /// Its number in the lexicon: phrases name their words by it.
    pub id: u32,
    /// Its readings in time expressions (empty for a phrase word, suffix or filler only).
    pub words: Vec<Word>,
    /// Phrases it opens: (the ids of the words after it, meaning), longest first.
    pub phrases: Vec<(Vec<u32>, Phrase)>,
    /// The id of the word without its possessive ending ("year's" → "year"), when that word
    /// is in the lexicon too.
    pub stem: Option<u32>,
    /// Its roles in the clause grammar.
    pub roles: Roles,
    /// The time-expression extractor looks at it (a word, phrase word, number suffix or date
    /// filler); false for a word only the clause grammar knows.
    pub extractor: bool,
}

/// Folds a word for lookup: lower case, «ё» → «е», typographic apostrophes → `'`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(&mut out, word);
    out
}

/// [`fold`] into a reused buffer (cleared first).
///
/// Runs of characters that fold to themselves (lower-case ASCII and Cyrillic, the usual
/// case after a word's first letter) are copied whole; the rest go one by one.
pub fn fold_into(out: &mut String, word: &str) {
    out.clear();
    let b = word.as_bytes();
    let mut run = 0; // start of the pending run of unchanged bytes
    let mut i = 0;
    while i < b.len() {
        if b.get(i..i + 8).is_some_and(unchanged_cyrillic4) {
            i += 8;
            continue;
        }
        let width = unchanged_width(b, i);
        if width > 0 {
            i += width;
            continue;
        }
        out.push_str(&word[run..i]);
        let c = word[i..].chars().next().unwrap_or('\u{fffd}');
        match fold_char(c) {
            Some(f) => out.push(f),
            None => out.extend(c.to_lowercase()),
        }
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&word[run..]);
}

/// Whether eight bytes from a character boundary are four small Cyrillic letters а–я or
/// ѐ–џ but «ё» (U+0430–U+045F but U+0451): the two-byte letters [`fold_char`] leaves as
/// they are but «ґ», tested at once. Lanes of 16 bits hold a lead byte and its
/// continuation byte (valid UTF-8).
#[inline]
fn unchanged_cyrillic4(chunk: &[u8]) -> bool {
    const LANES: u64 = 0x0001_0001_0001_0001;
    let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
    // Lead bytes D0 or D1 only.
    if x & (0xFE * LANES) != 0xD0 * LANES {
        return false;
    }
    // Each letter's offset into U+0400–U+047F, seven bits in its lane.
    let v = ((x & LANES) << 6) | ((x >> 8) & (0x3F * LANES));
    // Bit 7 of each lane: offset ≥ 0x30, offset < 0x60, offset ≠ 0x51.
    let ok = (v + 0x50 * LANES) & !(v + 0x20 * LANES) & ((v ^ (0x51 * LANES)) + 0x7F * LANES);
    ok & (0x80 * LANES) == 0x80 * LANES
}

/// The byte length of the character at `i` when [`fold_char`] leaves it as it is and it is
/// ASCII or two-byte Cyrillic; 0 otherwise (the character needs folding or the slow path).
#[inline]
fn unchanged_width(b: &[u8], i: usize) -> usize {
    let b0 = b[i];
    if b0 < 0x80 {
        return usize::from(!b0.is_ascii_uppercase() && b0 != b'`');
    }
    let Some(&b1) = b.get(i + 1) else { return 0 };
    // а–п (D0 B0–BF), р–я and ѐ–џ except ё (D1 80–9F), ґ (D2 91).
    let same = (b0 == 0xD0 && (0xB0..=0xBF).contains(&b1))
        || (b0 == 0xD1 && (0x80..=0x9F).contains(&b1) && b1 != 0x91)
        || (b0 == 0xD2 && b1 == 0x91);
    if same {
        2
    } else {
        0
    }
}

/// One character folded, on the fast path (ASCII and Cyrillic); `None` for characters that
/// need the full Unicode lower-casing.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    let u = c as u32;
    if u < 0x80 {
        return Some(ASCII_FOLD[u as usize] as char);
    }
    if let Some(&f) = CYRILLIC_FOLD.get(u.wrapping_sub(0x400) as usize) {
        return char::from_u32(f.into()).filter(|_| f != 0);
    }
    matches!(c, '’' | 'ʼ').then_some('\'')
}

/// [`fold_char`] of every ASCII character: capitals to small letters, the backtick to `'`.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            c @ b'A'..=b'Z' => c + 32,
            b'`' => b'\'',
            c => c,
        };
        b += 1;
    }
    t
};

/// [`fold_char`] of U+0400–U+04FF by `code - 0x400`; 0 for the characters off the fast path.
/// Capitals А–Я map 32 code points up, Ѐ–Џ 80; «ё» and «Ё» fold to «е»; «Ґ» to «ґ».
const CYRILLIC_FOLD: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < 256 {
        let c = 0x400 + k as u16;
        t[k] = match c {
            0x401 | 0x451 => 0x435,
            0x400..=0x40F => c + 80,
            0x410..=0x42F => c + 32,
            0x430..=0x45F | 0x491 => c,
            0x490 => 0x491,
            _ => 0,
        };
        k += 1;
    }
    t
};

/// The first three folded characters of a word as a key (`\0` for missing ones), or
/// `None` when a character is off the fast path.
///
/// Reads bytes: ASCII and two-byte characters are decoded in place, others through `chars`.
#[inline]
pub(crate) fn prefix_key(word: &str) -> Option<u64> {
    word_key(word).map(|(key, _)| key)
}

/// [`prefix_key`], and whether the key holds the whole word (three characters or fewer): then
/// it names the folded word exactly.
#[inline]
pub(crate) fn word_key(word: &str) -> Option<(u64, bool)> {
    let b = word.as_bytes();
    // Two-byte Cyrillic letters, the common case (three, or a whole word of one or two):
    // lead bytes D0–D3 carry the top two bits of the offset into U+0400–U+04FF,
    // continuation bytes the low six; 0 marks a letter off the fast path.
    let fold = |l: u8, c: u8| CYRILLIC_FOLD[(usize::from(l & 3) << 6) | usize::from(c & 0x3F)];
    let cyrillic = |l: u8| l & 0xFC == 0xD0;
    let pack =
        |[f0, f1, f2]: [u16; 3]| (u64::from(f0) << 42) | (u64::from(f1) << 21) | u64::from(f2);
    match *b {
        [l0, c0, l1, c1, l2, c2, ..] if cyrillic(l0) && cyrillic(l1) && cyrillic(l2) => {
            let f = [fold(l0, c0), fold(l1, c1), fold(l2, c2)];
            return (!f.contains(&0)).then(|| (pack(f), b.len() == 6));
        }
        [l0, c0, l1, c1] if cyrillic(l0) && cyrillic(l1) => {
            let f = [fold(l0, c0), fold(l1, c1), 0];
            return (f[0] != 0 && f[1] != 0).then(|| (pack(f), true));
        }
        [l0, c0] if cyrillic(l0) => {
            let f = [fold(l0, c0), 0, 0];
            return (f[0] != 0).then(|| (pack(f), true));
        }
        _ => {}
    }
    let mut key = 0u64;
    let mut i = 0;
    // A NUL in the word would read as padding: such a key names no word exactly.
    let mut nul = false;
    for _ in 0..3 {
        let c = match b.get(i) {
            None => 0,
            Some(&b0) if b0 < 0x80 => {
                i += 1;
                nul |= b0 == 0;
                u32::from(ASCII_FOLD[b0 as usize])
            }
            Some(&b0) if b0 & 0xE0 == 0xC0 => {
                // A two-byte character: its continuation byte follows (valid UTF-8).
                let b1 = b.get(i + 1).copied().unwrap_or(0);
                let code = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
                i += 2;
                match CYRILLIC_FOLD.get(code.wrapping_sub(0x400) as usize) {
                    Some(&0) => return None,
                    Some(&f) => u32::from(f),
                    None => fold_char(char::from_u32(code)?)? as u32,
                }
            }
            Some(_) => {
                let c = word.get(i..)?.chars().next()?;
                i += c.len_utf8();
                fold_char(c)? as u32
            }
        };
        key = (key << 21) | u64::from(c);
    }
    Some((key, i >= b.len() && !nul))
}

/// The lexicon's entries, found by folded word, or, for words of three characters or fewer,
/// by their [`word_key`] without folding them.
#[derive(Debug, Default)]
struct Lexicon {
    /// In the order of their ids.
    entries: Vec<LexEntry>,
    by_word: HashMap<String, u32>,
    short: HashMap<u64, u32>,
}

impl Lexicon {
    fn new(map: HashMap<String, LexEntry>) -> Lexicon {
        let mut entries: Vec<LexEntry> = map.into_values().collect();
        entries.sort_by_key(|e| e.id);
        let mut by_word = HashMap::default();
        let mut short = HashMap::default();
        for (k, e) in entries.iter().enumerate() {
            by_word.insert(e.word.clone(), k as u32);
            // A folded word on the fast path is its own key's only word.
            if let Some((key, true)) = word_key(&e.word) {
                short.insert(key, k as u32);
            }
        }
        Lexicon {
            entries,
            by_word,
            short,
        }
    }
}

/// The last two folded characters of a word as a key, or `None` when one of them is off the
/// ASCII and two-byte Cyrillic fast path (or the word is shorter).
#[inline]
pub(crate) fn tail_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    let mut end = b.len();
    let mut key = 0u64;
    for _ in 0..2 {
        let last = *b.get(end.checked_sub(1)?)?;
        let c = if last < 0x80 {
            end -= 1;
            u32::from(ASCII_FOLD[last as usize])
        } else {
            // A lead byte D0–D3 is never a continuation byte: it starts the last character.
            let lead = *b.get(end.checked_sub(2)?)?;
            if lead & 0xFC != 0xD0 {
                return None;
            }
            let f = CYRILLIC_FOLD[(usize::from(lead & 3) << 6) | usize::from(last & 0x3F)];
            if f == 0 {
                return None;
            }
            end -= 2;
            u32::from(f)
        };
        key = (key << 21) | u64::from(c);
    }
    Some(key)
}

/// A word's [`prefix_key`] and [`tail_key`] as one key.
#[inline]
fn ends_key(prefix: u64, tail: u64) -> u64 {
    prefix.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ tail
}

/// A bitmap over hashed three-letter prefixes: one memory read rules most words out. A set
/// bit may stand for another prefix too (a false "maybe"), never the other way round.
#[derive(Debug)]
struct PrefixFilter {
    bits: Vec<u64>,
}

impl PrefixFilter {
    const BITS: u32 = 18;

    fn new(keys: impl Iterator<Item = u64>) -> PrefixFilter {
        let mut bits = vec![0u64; (1usize << Self::BITS) / 64];
        for k in keys {
            let i = Self::index(k);
            bits[i / 64] |= 1 << (i % 64);
        }
        PrefixFilter { bits }
    }

    #[inline]
    fn index(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    #[inline]
    fn may_contain(&self, key: u64) -> bool {
        let i = Self::index(key);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

impl LanguagePack {
    /// Compiles a language from the text of its `calendar.toml` and `grammar.toml`.
    /// `names` are the file names used in error messages.
    pub fn from_toml(
        lang: Lang,
        calendar: (&str, &str),
        grammar: (&str, &str),
        numbers: (&str, &str),
    ) -> Result<LanguagePack, SourceError> {
        let (cal_name, cal_text) = calendar;
        let (gr_name, gr_text) = grammar;
        let (num_name, num_text) = numbers;
        let num: NumbersFile =
            toml::from_str(num_text).map_err(|e| SourceError::from_toml(num_name, num_text, &e))?;
        let cal: CalendarFile =
            toml::from_str(cal_text).map_err(|e| SourceError::from_toml(cal_name, cal_text, &e))?;
        let gr: GrammarFile =
            toml::from_str(gr_text).map_err(|e| SourceError::from_toml(gr_name, gr_text, &e))?;
        let wrong_lang = |name: &str, text: &str, found: &str| {
            let at = text.find(found).unwrap_or(0);
            SourceError::new(
                name,
                text,
                at..at + found.len(),
                format!(
                    "{name} declares language `{found}`, expected `{}`",
                    lang.code()
                ),
                "language code",
            )
        };
        if Lang::parse(&cal.language) != Some(lang) {
            return Err(wrong_lang(cal_name, cal_text, &cal.language));
        }
        if Lang::parse(&gr.language) != Some(lang) {
            return Err(wrong_lang(gr_name, gr_text, &gr.language));
        }
        if Lang::parse(&num.language) != Some(lang) {
            return Err(wrong_lang(num_name, num_text, &num.language));
        }
        let invalid = |what: String| {
            let at = cal_text.find("[[").unwrap_or(0);
            SourceError::new(cal_name, cal_text, at..at, what, "in this file")
        };

        let mut words: HashMap<String, Vec<Word>> = HashMap::default();
        let mut add = |form: &str, w: Word| {
            let entry = words.entry(fold(form)).or_default();
            if !entry.contains(&w) {
                entry.push(w);
            }
        };
        let mut month_genitive: [String; 12] = Default::default();
        for m in &cal.months {
            if !(1..=12).contains(&m.month) {
                return Err(invalid(format!("month {} is not in 1..=12", m.month)));
            }
            month_genitive[m.month as usize - 1] = m.genitive.clone();
            add(&m.genitive, Word::Month(m.month));
            for f in &m.forms {
                add(f, Word::Month(m.month));
                for (prefix, part) in &cal.month_part_prefixes {
                    add(&format!("{prefix}-{f}"), Word::MonthPart(*part, m.month));
                }
            }
        }
        if let Some(i) = month_genitive.iter().position(String::is_empty) {
            return Err(invalid(format!("month {} is missing", i + 1)));
        }
        let mut weekday_nominative: [String; 7] = Default::default();
        let mut weekday_at: [String; 7] = Default::default();
        for w in &cal.weekdays {
            if !(1..=7).contains(&w.weekday) {
                return Err(invalid(format!("weekday {} is not in 1..=7", w.weekday)));
            }
            let i = w.weekday as usize - 1;
            weekday_nominative[i] = w.nominative.clone();
            weekday_at[i] = w.at.clone();
            add(&w.nominative, Word::Weekday(w.weekday));
            for f in &w.forms {
                add(f, Word::Weekday(w.weekday));
            }
        }
        if let Some(i) = weekday_nominative.iter().position(String::is_empty) {
            return Err(invalid(format!("weekday {} is missing", i + 1)));
        }
        for y in &cal.year_words {
            add(y, Word::YearWord);
        }
        for (p, kind) in &cal.prepositions {
            add(p, Word::Prep(*kind));
        }
        for (w, off) in &cal.relative_days {
            add(w, Word::RelativeDay(*off));
        }
        for (w, off) in &cal.standalone_relative_days {
            add(w, Word::StandaloneRelativeDay(*off));
        }
        for (w, n) in &cal.weekday_ordinals {
            if !matches!(n, -1 | 1..=5) {
                return Err(invalid(format!(
                    "weekday ordinal «{w}» is {n}; use 1 to 5, or -1 for the last"
                )));
            }
            add(w, Word::WeekdayOrdinal(*n));
        }
        for (w, shift) in &cal.season_shifts {
            add(w, Word::SeasonShift(*shift));
        }
        for w in &cal.date_joiners {
            add(w, Word::DateJoiner);
        }
        if let Some(weekend) = &cal.weekend {
            for w in &weekend.words {
                add(w, Word::Weekend);
            }
            for (w, shift) in &weekend.shifts {
                add(w, Word::WeekendShift(*shift));
            }
            for w in &weekend.not_before {
                add(w, Word::NotAfterWeekend);
            }
        }
        for w in &cal.month_week_words {
            add(w, Word::MonthWeekWord);
        }
        for (w, part) in &cal.day_parts {
            add(w, Word::DayPart(*part));
        }
        for w in &cal.every_words {
            add(w, Word::Every);
        }
        for (w, unit) in &cal.recurring_words {
            add(w, Word::Recurring(*unit));
        }
        for w in &cal.month_day_words {
            add(w, Word::MonthDayWord);
        }
        for (w, off) in &cal.weekday_shifts {
            add(w, Word::WeekdayShift(*off));
        }
        for o in &num.ordinals {
            for f in &o.forms {
                add(f, Word::Ordinal(o.value));
            }
        }
        for w in &cal.quarter_words {
            add(w, Word::QuarterWord);
        }
        for w in &num.duration_joiners {
            add(w, Word::DurationJoiner);
        }
        for w in &num.vague_counts {
            add(w, Word::VagueCount);
        }
        for (w, q) in &cal.quarter_compounds {
            if !(1..=4).contains(q) {
                return Err(invalid(format!("quarter {q} of «{w}» is not in 1..=4")));
            }
            add(w, Word::Quarter(*q));
        }
        for s in &cal.seasons {
            if ![3, 6, 9, 12].contains(&s.first_month) {
                return Err(invalid(format!(
                    "season first_month {} is not 3, 6, 9 or 12",
                    s.first_month
                )));
            }
            for (forms, adverb) in [(&s.forms, false), (&s.adverbs, true)] {
                for f in forms {
                    add(
                        f,
                        Word::Season {
                            first_month: s.first_month,
                            adverb,
                        },
                    );
                }
            }
        }
        for o in &cal.quarter_ordinals {
            if !(1..=4).contains(&o.value) {
                return Err(invalid(format!("quarter {} is not in 1..=4", o.value)));
            }
            for f in &o.forms {
                add(f, Word::QuarterOrdinal(o.value));
            }
        }
        for c in &num.cardinals {
            for f in &c.forms {
                add(f, Word::Cardinal((c.value * 10.0).round() as u32));
            }
        }
        for o in &num.unit_ordinals {
            for f in &o.forms {
                add(f, Word::UnitOrdinal(o.value));
            }
        }
        for w in &num.age_words {
            add(w, Word::AgeWord);
        }
        for u in &num.duration_units {
            for f in &u.forms {
                add(f, Word::DurationUnit(u.unit, u.per));
            }
        }

        let mut phrases: HashMap<String, Vec<(Vec<String>, Phrase)>> = HashMap::default();
        // A word written with its full stop ("st.", "jr.") is the word and the stop: the text
        // tokenises them apart.
        let mut add_phrase = |text: &str, meaning: Phrase| {
            let mut parts = text
                .split_whitespace()
                .flat_map(|w| match w.strip_suffix('.') {
                    Some(word) if !word.is_empty() => vec![fold(word), PHRASE_STOP.to_string()],
                    _ => vec![fold(w)],
                });
            if let Some(first) = parts.next() {
                phrases
                    .entry(first)
                    .or_default()
                    .push((parts.collect(), meaning));
            }
        };
        for p in &cal.period_parts {
            add_phrase(&p.phrase, Phrase::Part(p.part, p.prep));
        }
        for r in &cal.relative_periods {
            add_phrase(&r.phrase, Phrase::RelativePeriod(r.unit, r.offset));
        }
        for (phrase, unit) in &cal.period_nouns {
            add_phrase(phrase, Phrase::PeriodNoun(*unit));
        }
        for phrase in &cal.after_next {
            add_phrase(phrase, Phrase::AfterNext);
        }
        for c in &cal.context_periods {
            for phrase in &c.phrases {
                add_phrase(phrase, Phrase::ContextPeriod(c.unit, c.years, c.months));
            }
        }
        for (phrase, p) in &cal.period_part_words {
            add_phrase(phrase, Phrase::PeriodPart(p.unit, p.part));
        }
        for phrase in &cal.fiscal_phrases {
            add_phrase(phrase, Phrase::Fiscal);
        }
        for (phrase, d) in &cal.days_with_parts {
            add_phrase(phrase, Phrase::DayWithPart(d.day, d.part));
        }
        for (phrase, when) in &cal.vague_references {
            add_phrase(phrase, Phrase::Vague(*when));
        }
        for h in &cal.holidays {
            // At the holiday's first name, when it is written plainly.
            let rule = h.rule().map_err(|what| {
                match h
                    .names
                    .first()
                    .and_then(|n| cal_text.find(&format!("\"{n}\"")).map(|at| (at, n.len())))
                {
                    Some((at, len)) => {
                        SourceError::new(cal_name, cal_text, at..at + len + 2, what, "this holiday")
                    }
                    None => invalid(what),
                }
            })?;
            for name in &h.names {
                add_phrase(name, Phrase::Holiday(rule));
            }
        }
        for (p, direction) in &cal.counted_periods {
            if !matches!(direction, -1 | 1) {
                return Err(invalid(format!(
                    "counted period «{p}» has direction {direction}; use -1 or 1"
                )));
            }
            add_phrase(p, Phrase::CountedPeriod(*direction));
        }
        for (a, kind) in &num.approximations {
            add_phrase(a, Phrase::Approx(*kind));
        }
        for r in &num.duration_relations {
            add_phrase(&r.phrase, Phrase::Relation(r.relation, r.position));
        }
        // Longest phrases first, so «в первой половине» wins over a shorter prefix.
        for list in phrases.values_mut() {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        let max_phrase_words = phrases
            .values()
            .flatten()
            .map(|(rest, _)| rest.len() + 1)
            .max()
            .unwrap_or(0);

        let set = |v: &[String]| v.iter().map(|s| fold(s)).collect::<HashSet<_>>();
        // Phrases as lists of folded words («в то время» → [«в», «то», «время»]).
        let word_lists = |v: &[String]| -> Vec<Vec<String>> {
            v.iter()
                .map(|p| p.split_whitespace().map(fold).collect())
                .collect()
        };
        let number_suffixes = set(&cal.number_suffixes);
        let decade_suffixes = set(&cal.decade_suffixes);
        let fillers = set(&cal.date_fillers);
        let phrase_words: HashSet<String> = phrases
            .values()
            .flatten()
            .flat_map(|(rest, _)| rest.iter().cloned())
            .collect();
        let max_word_bytes = words
            .keys()
            .chain(phrases.keys())
            .chain(number_suffixes.iter())
            .chain(decade_suffixes.iter())
            .chain(fillers.iter())
            .chain(phrase_words.iter())
            .map(String::len)
            .max()
            .unwrap_or(0);
        let mut lexicon: HashMap<String, LexEntry> = HashMap::default();
        for w in number_suffixes
            .iter()
            .chain(decade_suffixes.iter())
            .chain(fillers.iter())
            .chain(phrase_words.iter())
        {
            lexicon.entry(w.clone()).or_default();
        }
        for (w, readings) in &words {
            lexicon.entry(w.clone()).or_default().words = readings.clone();
        }
        // Ids in the order of the words, so they do not depend on hashing.
        let mut keys: Vec<String> = lexicon.keys().cloned().collect();
        keys.extend(phrases.keys().cloned());
        keys.sort();
        keys.dedup();
        let ids: HashMap<String, u32> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i as u32))
            .collect();
        for (w, list) in &phrases {
            let by_id = list
                .iter()
                .map(|(rest, meaning)| (rest.iter().map(|r| ids[r]).collect(), *meaning))
                .collect();
            lexicon.entry(w.clone()).or_default().phrases = by_id;
        }
        let suffixes: Vec<String> = cal.possessive_suffixes.iter().map(|x| fold(x)).collect();
        for (w, entry) in lexicon.iter_mut() {
            entry.word.clone_from(w);
            entry.id = ids[w];
            entry.stem = suffixes
                .iter()
                .filter_map(|x| w.strip_suffix(x.as_str()))
                .find_map(|stem| ids.get(stem).copied());
            entry.extractor = true;
        }
        let prefixes = PrefixFilter::new(lexicon.keys().filter_map(|w| prefix_key(w)));
        // The clause words join the lexicon with their roles; new words take ids after the
        // extractor's, in the order of the words.
        let reported_markers: Vec<Vec<String>> = gr
            .reported_speech_markers
            .iter()
            .map(|p| p.split_whitespace().map(fold).collect())
            .collect();
        let mut roles: std::collections::BTreeMap<String, Roles> = Default::default();
        for (list, role) in [
            (&gr.subordinators, Roles::SUBORDINATOR),
            (&gr.reported_speech, Roles::REPORTED_SPEECH),
            (&gr.conditional_particles, Roles::CONDITIONAL),
            (&gr.future_markers, Roles::FUTURE_MARKER),
            (&gr.infinitive_after, Roles::INFINITIVE_MARKER),
            (&gr.participle_after, Roles::PARTICIPLE_MARKER),
            (&gr.coordinators, Roles::COORDINATOR),
            (&gr.noun_prepositions, Roles::NOUN_PREPOSITION),
            (&gr.superseded_markers, Roles::SUPERSEDED),
            (&gr.verb_adverbs, Roles::VERB_ADVERB),
            (&gr.conditional_openers, Roles::CONDITIONAL_OPENER),
        ] {
            for w in list {
                roles.entry(fold(w)).or_default().add(role);
            }
        }
        for m in &reported_markers {
            for (k, w) in m.iter().enumerate() {
                let r = roles.entry(w.clone()).or_default();
                if k == 0 {
                    r.add(Roles::REPORTED_MARKER_START);
                }
            }
        }
        let mut next_id = keys.len() as u32;
        for (w, r) in roles {
            let entry = lexicon.entry(w.clone()).or_insert_with(|| {
                next_id += 1;
                LexEntry {
                    word: w,
                    id: next_id - 1,
                    ..LexEntry::default()
                }
            });
            entry.roles.add(r);
        }
        let phrase_stop = ids.get(PHRASE_STOP).copied();
        let reported_marker_ids = reported_markers
            .iter()
            .map(|m| m.iter().map(|w| lexicon[w].id).collect())
            .collect();
        let listed_prefixes = PrefixFilter::new(lexicon.keys().filter_map(|w| prefix_key(w)));
        let listed_ends = PrefixFilter::new(lexicon.keys().filter_map(|w| {
            let (key, exact) = word_key(w)?;
            (!exact).then_some(ends_key(key, tail_key(w)?))
        }));
        Ok(LanguagePack {
            lang,
            numeric_date_order: cal.numeric_date_order,
            bare_years: cal.bare_years,
            bare_weekdays: cal.bare_weekdays,
            weekday_subjects: set(&cal.weekday_subjects),
            meridiems: cal
                .meridiems
                .iter()
                .map(|(k, v)| (k.to_lowercase(), *v))
                .collect(),
            clock_words: cal.clock_words.iter().map(|(k, v)| (fold(k), *v)).collect(),
            duration_words: DurationWords {
                clock_before: set(&num.clock_before),
                clock_after: set(&num.clock_after),
                rate_counts: set(&num.rate_counts),
                rate_exempt_before: set(&num.rate_exempt_before),
                halves: word_lists(&num.halves),
                half_before: set(&num.half_before),
                length_words: set(&num.length_words),
                period_end_words: set(&num.period_end_words),
            },
            words,
            phrases,
            number_suffixes,
            decade_suffixes,
            max_word_bytes,
            max_phrase_words,
            prefixes,
            listed_prefixes,
            listed_ends,
            phrase_words,
            lexicon: Lexicon::new(lexicon),
            reported_marker_ids,
            phrase_stop,
            month_genitive,
            weekday_nominative,
            weekday_at,
            subordinators: set(&gr.subordinators),
            reported_speech: set(&gr.reported_speech),
            reported_speech_markers: reported_markers,
            copulas: set(&gr.copulas),
            position_nouns: set(&gr.position_nouns),
            verb_day_prepositions: set(&gr.verb_day_prepositions),
            own_time_endings: gr.own_time_endings.iter().map(|e| fold(e)).collect(),
            own_time_nouns: gr.own_time_nouns.iter().map(|e| fold(e)).collect(),
            forward_verbs: gr.forward_verbs.iter().map(|e| fold(e)).collect(),
            verb_phrase_nouns: set(&gr.verb_phrase_nouns),
            acting_markers: word_lists(&gr.acting_markers),
            earlier_time: word_lists(&gr.earlier_time),
            teaser_markers: word_lists(&gr.teaser_markers),
            teaser_prefixes: PrefixFilter::new(
                gr.teaser_markers
                    .iter()
                    .filter_map(|p| prefix_key(&fold(p.split_whitespace().next()?))),
            ),
            conditional_particles: set(&gr.conditional_particles),
            future_markers: set(&gr.future_markers),
            plan_adjectives: set(&gr.plan_adjectives),
            present_be: set(&gr.present_be),
            calendar_verbs: set(&gr.calendar_verbs),
            perfect_auxiliaries: set(&gr.perfect_auxiliaries),
            bare_times_modify_verb: gr.bare_times_modify_verb,
            plan_markers_are_nouns_too: gr.plan_markers_are_nouns_too,
            noun_adjuncts: gr.noun_adjuncts,
            appositive_ages: num.appositive_ages,
            bracket_ages: num.bracket_ages,
            abbreviations: set(&gr.abbreviations),
            abbreviation_prefixes: PrefixFilter::new(
                gr.abbreviations.iter().filter_map(|w| prefix_key(&fold(w))),
            ),
            date_fillers: set(&cal.date_fillers),
            possessive_suffixes: cal.possessive_suffixes.iter().map(|x| fold(x)).collect(),
            year_determiners: set(&cal.year_determiners),
            year_of_words: set(&cal.year_of_words),
            night_of: word_lists(&cal.night_of),
            week_of: word_lists(&cal.week_of),
            day_offset_blockers: word_lists(&cal.day_offset_blockers),
            day_offsets: cal
                .day_offsets
                .iter()
                .map(|o| DayOffset {
                    opener: fold(&o.opener),
                    ..o.clone()
                })
                .collect(),
            former_markers: set(&gr.former_markers),
            infinitive_after: set(&gr.infinitive_after),
            participle_after: set(&gr.participle_after),
        })
    }

    /// Whether a word as written may be one the extractor looks at (false: it certainly is
    /// not).
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        self.may_contain_keyed(word, prefix_key(word))
    }

    /// [`LanguagePack::may_contain`] with the word's [`prefix_key`] computed already.
    #[inline]
    pub(crate) fn may_contain_keyed(&self, word: &str, key: Option<u64>) -> bool {
        word.len() <= self.max_word_bytes && key.is_none_or(|k| self.prefixes.may_contain(k))
    }

    /// Whether a word with this [`word_key`] may be in the lexicon, the clause words included
    /// (false: it certainly is not): its first three letters, and for a longer word its last
    /// two too, are those of a word of the lexicon.
    #[inline]
    pub(crate) fn may_be_listed(&self, word: &str, key: Option<(u64, bool)>) -> bool {
        key.is_none_or(|(k, exact)| {
            self.listed_prefixes.may_contain(k)
                && (exact
                    || tail_key(word).is_none_or(|t| self.listed_ends.may_contain(ends_key(k, t))))
        })
    }

    /// Whether a bare year after `word` ending a phrase dates the noun before it ("of").
    pub fn is_year_of_word(&self, word: &str) -> bool {
        !self.year_of_words.is_empty() && self.year_of_words.contains(&fold(word))
    }

    /// Whether `word` is an auxiliary of the perfect ("has", "had").
    pub fn is_perfect_auxiliary(&self, word: &str) -> bool {
        !self.perfect_auxiliaries.is_empty() && self.perfect_auxiliaries.contains(&fold(word))
    }

    /// The folded words of a sentence hold a phrase moving it to a time named before it
    /// ("Then the 43-year-old Rutte", «Тогда 55-летний Столтенберг»): what it says of a
    /// person's age or a count need not hold now.
    pub fn speaks_of_earlier_time(&self, words: &[String]) -> bool {
        self.earlier_time.iter().any(|p| {
            words
                .windows(p.len())
                .any(|w| w.iter().zip(p).all(|(a, b)| a == b))
        })
    }

    /// The length in words of a phrase naming a night («в ночь») that ends right before
    /// token `at`, the preposition of the day it ends on; `word(i)` gives token `i` folded,
    /// `None` for punctuation.
    pub fn night_before(&self, at: usize, word: impl Fn(usize) -> Option<String>) -> Option<usize> {
        phrase_ending_at(&self.night_of, at, word)
    }

    /// The length in words of a phrase naming the week of a day ("the week of") that ends
    /// right before token `at`; `word(i)` gives token `i` folded, `None` for punctuation.
    pub fn week_of_before(
        &self,
        at: usize,
        word: impl Fn(usize) -> Option<String>,
    ) -> Option<usize> {
        phrase_ending_at(&self.week_of, at, word)
    }

    /// Some word keeping a length a length ("for", «в течение») ends right before token `at`;
    /// `word(i)` gives token `i` folded, `None` for punctuation.
    pub fn offset_blocked_before(&self, at: usize, word: impl Fn(usize) -> Option<String>) -> bool {
        phrase_ending_at(&self.day_offset_blockers, at, word).is_some()
    }

    /// Some acting marker ends right before token `at` ("acting" in "acting foreign
    /// minister"); `word(i)` gives token `i` folded, `None` for punctuation.
    pub fn acting_before(&self, at: usize, word: impl Fn(usize) -> Option<String>) -> bool {
        phrase_ending_at(&self.acting_markers, at, word).is_some()
    }

    /// A noun naming a post before a role («посту» in «на посту генсека»): the role after
    /// it is the post, not a title of the name after it.
    pub fn is_position_noun(&self, word: &str) -> bool {
        !self.position_nouns.is_empty() && self.position_nouns.contains(&fold(word))
    }

    /// A preposition of a day that, after a short object, makes the time the verb's ("on").
    pub fn is_verb_day_preposition(&self, word: &str) -> bool {
        !self.verb_day_prepositions.is_empty() && self.verb_day_prepositions.contains(&fold(word))
    }

    /// Whether the language lists the nouns that carry a day of their own: then a day after
    /// any other noun object dates the verb («принял закон 29 декабря»).
    pub fn knows_own_time_nouns(&self) -> bool {
        !self.own_time_endings.is_empty()
    }

    /// A noun that may carry a day of its own, not the verb's («анонсировал проведение 7
    /// июля», «отменили рейс 5 марта»): by its ending or listed (any form of the word).
    /// `folded` is the word as [`fold`] gives it.
    pub fn has_own_time(&self, folded: &str) -> bool {
        self.is_deverbal(folded)
            || self
                .own_time_nouns
                .iter()
                .any(|n| crate::claims::words::same_word(n, folded))
    }

    /// A deverbal noun by its ending («проведение», «организации»: grammar
    /// `own_time_endings`).
    pub fn is_deverbal(&self, folded: &str) -> bool {
        self.own_time_endings
            .iter()
            .any(|e| folded.ends_with(e.as_str()))
    }

    /// A verb whose object may lie ahead of it («анонсировал», «перенесли», «пообещали»):
    /// a day after that object stays the object's.
    pub fn is_forward_verb(&self, word: &str) -> bool {
        !self.forward_verbs.is_empty() && {
            let f = fold(word);
            self.forward_verbs.iter().any(|p| f.starts_with(p.as_str()))
        }
    }

    /// A noun making one predicate with its verb («вступил в силу», «уйдет в отставку»).
    /// `folded` is the word as [`fold`] gives it.
    pub fn is_verb_phrase_noun(&self, folded: &str) -> bool {
        self.verb_phrase_nouns.contains(folded)
    }

    /// A form of "be" that makes a full participle after it a predicate («бути»).
    /// Whether `folded` is a word making "is … to" a plan ("set", "due", "expected").
    pub fn is_plan_adjective(&self, folded: &str) -> bool {
        self.plan_adjectives.contains(folded)
    }

    /// Whether `folded` is a present form of "be" ("is", "are").
    pub fn is_present_be(&self, folded: &str) -> bool {
        self.present_be.contains(folded)
    }

    pub fn is_copula(&self, word: &str) -> bool {
        !self.copulas.is_empty() && self.copulas.contains(&fold(word))
    }

    /// A preposition making what follows a noun's ("of").
    pub fn is_noun_preposition(&self, word: &str) -> bool {
        self.listed(&fold(word))
            .is_some_and(|e| e.roles.has(Roles::NOUN_PREPOSITION))
    }

    /// A word saying the time or plan after it was superseded ("originally", «изначально»).
    pub fn is_superseded_marker(&self, word: &str) -> bool {
        self.listed(&fold(word))
            .is_some_and(|e| e.roles.has(Roles::SUPERSEDED))
    }

    /// An adverb that may stand between an auxiliary and its verb ("not", "barely").
    pub fn is_verb_adverb(&self, word: &str) -> bool {
        self.listed(&fold(word))
            .is_some_and(|e| e.roles.has(Roles::VERB_ADVERB))
    }

    /// A word joining two members of a list or two predicates ("and", «и»).
    pub fn is_coordinator(&self, word: &str) -> bool {
        self.listed(&fold(word))
            .is_some_and(|e| e.roles.has(Roles::COORDINATOR))
    }

    /// A word after which a bare year dates the next noun ("the" in "the 1996 campaign").
    pub fn is_year_determiner(&self, word: &str) -> bool {
        !self.year_determiners.is_empty() && self.year_determiners.contains(&fold(word))
    }

    /// The length of a possessive ending of a folded word ("friday's" → 2), if it has one.
    pub fn possessive_len(&self, folded: &str) -> Option<usize> {
        self.possessive_suffixes
            .iter()
            .find(|p| folded.len() > p.len() && folded.ends_with(p.as_str()))
            .map(String::len)
    }

    /// The lexicon's entry for a folded word the extractor looks at (a word, phrase word,
    /// number suffix or date filler); `None` for any other word.
    #[inline]
    pub fn entry(&self, folded: &str) -> Option<&LexEntry> {
        self.listed(folded).filter(|e| e.extractor)
    }

    /// The lexicon's entry for a folded word, the extractor's or the clause grammar's.
    #[inline]
    pub fn listed(&self, folded: &str) -> Option<&LexEntry> {
        let k = *self.lexicon.by_word.get(folded)?;
        self.lexicon.entries.get(k as usize)
    }

    /// [`LanguagePack::listed`] for a word as written, with its [`word_key`]: a word of three
    /// characters or fewer is found by its key, a longer one is folded into `buf` first.
    #[inline]
    pub(crate) fn listed_keyed(
        &self,
        word: &str,
        key: Option<(u64, bool)>,
        buf: &mut String,
    ) -> Option<&LexEntry> {
        if let Some((key, true)) = key {
            let k = *self.lexicon.short.get(&key)?;
            return self.lexicon.entries.get(k as usize);
        }
        fold_into(buf, word);
        self.listed(buf)
    }

    /// Whether the language has possessive endings ("'s").
    #[inline]
    pub fn has_possessives(&self) -> bool {
        !self.possessive_suffixes.is_empty()
    }

    /// Every entry of the lexicon, in the order of their ids.
    #[cfg(test)]
    pub(crate) fn lexicon_entries(&self) -> impl Iterator<Item = &LexEntry> {
        self.lexicon.entries.iter()
    }

    /// [`LanguagePack::reported_speech_markers`] as the ids of their words' lexicon entries.
    pub fn reported_marker_ids(&self) -> &[Vec<u32>] {
        &self.reported_marker_ids
    }

    /// What a folded word can be in a time expression.
    pub fn word(&self, folded: &str) -> &[Word] {
        self.words.get(folded).map(Vec::as_slice).unwrap_or(&[])
    }

    /// A preposition of the calendar's table («в», "in"); `folded` as [`fold`] gives it.
    pub fn is_preposition(&self, folded: &str) -> bool {
        self.word(folded).iter().any(|x| matches!(x, Word::Prep(_)))
    }

    /// Phrases starting with this folded word: (the words after it, meaning), longest first.
    pub fn phrases(&self, folded: &str) -> &[(Vec<String>, Phrase)] {
        self.phrases.get(folded).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether letters after «2025-» make an ordinal («2025-м»).
    pub fn is_number_suffix(&self, folded: &str) -> bool {
        self.number_suffixes.contains(folded)
    }

    /// Whether letters after a year ending in 0 make it a decade («1990-х», "1970s").
    pub fn is_decade_suffix(&self, folded: &str) -> bool {
        self.decade_suffixes.contains(folded)
    }

    /// The month name after a day number («января»).
    pub fn month_genitive(&self, month: u32) -> &str {
        &self.month_genitive[(month as usize - 1) % 12]
    }

    /// The bare weekday name.
    pub fn weekday_nominative(&self, weekday: u32) -> &str {
        &self.weekday_nominative[(weekday as usize - 1) % 7]
    }

    /// «on <weekday>» («во вторник»).
    pub fn weekday_at(&self, weekday: u32) -> &str {
        &self.weekday_at[(weekday as usize - 1) % 7]
    }

    /// The weekday as the object of a preposition of "for" («перенесли на среду», "set for
    /// Wednesday"): [`LanguagePack::weekday_at`] without its preposition.
    pub fn weekday_accusative(&self, weekday: u32) -> &str {
        let at = self.weekday_at(weekday);
        at.split_once(' ').map_or(at, |(_, w)| w)
    }

    /// Opens a subordinate clause.
    pub fn is_subordinator(&self, folded: &str) -> bool {
        self.subordinators.contains(folded)
    }

    /// Complementiser of reported speech.
    pub fn is_reported_speech(&self, folded: &str) -> bool {
        self.reported_speech.contains(folded)
    }

    /// Conditional particle («бы»).
    pub fn is_conditional(&self, folded: &str) -> bool {
        self.conditional_particles.contains(folded)
    }

    /// Predicate of plan or expectation («планируется»).
    pub fn is_future_marker(&self, folded: &str) -> bool {
        self.future_markers.contains(folded)
    }

    /// A verb that says which day a named day falls on («пришлась», «выпала»).
    pub fn is_calendar_verb(&self, folded: &str) -> bool {
        self.calendar_verbs.contains(folded)
    }

    /// The word after this one is a bare infinitive («will meet», «to meet»).
    pub fn is_infinitive_marker(&self, folded: &str) -> bool {
        self.infinitive_after.contains(folded)
    }

    /// The word after this one is a participle («will be held», «has been postponed»).
    pub fn is_participle_marker(&self, folded: &str) -> bool {
        self.participle_after.contains(folded)
    }

    /// A word saying a role is no longer held («бывший», "former").
    pub fn is_former_marker(&self, folded: &str) -> bool {
        self.former_markers.contains(folded)
    }

    /// The lexicon id that stands, inside a phrase, for the full stop of an abbreviation.
    pub fn phrase_stop(&self) -> Option<u32> {
        self.phrase_stop
    }

    /// A word that continues some phrase («конце» in «в конце»).
    pub fn is_phrase_word(&self, folded: &str) -> bool {
        self.phrase_words.contains(folded)
    }

    /// A weekday name that counts alone at the start of a sentence («Понедельник начался…»).
    pub fn is_weekday_subject(&self, folded: &str) -> bool {
        self.weekday_subjects.contains(folded)
    }

    /// A word allowed inside a date without meaning («the», «of» in «the 1st of March»).
    pub fn is_date_filler(&self, folded: &str) -> bool {
        self.date_fillers.contains(folded)
    }

    /// Abbreviation whose full stop does not end a sentence.
    pub fn is_abbreviation(&self, folded: &str) -> bool {
        self.abbreviations.contains(folded)
    }

    /// Whether a word as written may fold to the first word of a teaser marker (false: it
    /// certainly does not).
    #[inline]
    pub fn may_open_teaser(&self, word: &str) -> bool {
        prefix_key(word).is_none_or(|k| self.teaser_prefixes.may_contain(k))
    }

    /// Whether a word as written may fold to an abbreviation (false: it certainly does not).
    #[inline]
    pub fn may_be_abbreviation(&self, word: &str) -> bool {
        prefix_key(word).is_none_or(|k| self.abbreviation_prefixes.may_contain(k))
    }
}

/// The language data embedded in the binary.
pub mod embedded {
    use super::*;
    use std::sync::OnceLock;

    /// `(language, calendar.toml, grammar.toml, numbers.toml)` of every embedded language.
    pub const FILES: &[(Lang, &str, &str, &str)] = &[
        (
            Lang::Ru,
            include_str!("../rules/lang/ru/calendar.toml"),
            include_str!("../rules/lang/ru/grammar.toml"),
            include_str!("../rules/lang/ru/numbers.toml"),
        ),
        (
            Lang::Uk,
            include_str!("../rules/lang/uk/calendar.toml"),
            include_str!("../rules/lang/uk/grammar.toml"),
            include_str!("../rules/lang/uk/numbers.toml"),
        ),
        (
            Lang::En,
            include_str!("../rules/lang/en/calendar.toml"),
            include_str!("../rules/lang/en/grammar.toml"),
            include_str!("../rules/lang/en/numbers.toml"),
        ),
    ];

    /// The compiled pack for `lang`, or `None` when no data is embedded for it.
    pub fn pack(lang: Lang) -> Option<&'static LanguagePack> {
        static PACKS: OnceLock<Vec<LanguagePack>> = OnceLock::new();
        let packs = PACKS.get_or_init(|| {
            FILES
                .iter()
                .map(|(lang, cal, gr, num)| {
                    let dir = format!("rules/lang/{}", lang.code());
                    LanguagePack::from_toml(
                        *lang,
                        (&format!("{dir}/calendar.toml"), cal),
                        (&format!("{dir}/grammar.toml"), gr),
                        (&format!("{dir}/numbers.toml"), num),
                    )
                    .unwrap_or_else(|e| panic!("embedded language data is invalid: {e:?}"))
                })
                .collect()
        });
        packs.iter().find(|p| p.lang == lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The timeline writes an approximation as the JSON report does.
    #[test]
    fn approximations_are_named_as_in_the_json_report() {
        for a in [
            Approx::Exactly,
            Approx::Almost,
            Approx::About,
            Approx::MoreThan,
            Approx::LessThan,
            Approx::AtLeast,
        ] {
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
    }

    /// Folding copies unchanged runs whole; it must agree with folding char by char.
    #[test]
    fn fold_agrees_with_the_char_rule() {
        let reference = |w: &str| -> String {
            w.chars()
                .flat_map(|c| match fold_char(c) {
                    Some(f) => vec![f],
                    None => c.to_lowercase().collect(),
                })
                .collect()
        };
        let chars: Vec<char> = (0u32..0x530)
            .chain([0x1E9E, 0x2019, 0x2BC, 0x301, 0x130, 0xFFFD, 0x1F600])
            .filter_map(char::from_u32)
            .collect();
        let mut buf = String::new();
        for &c in &chars {
            for w in [
                format!("{c}"),
                format!("Ал{c}ё"),
                format!("{c}Ґx`ЁЇ"),
                format!("z{c}{c}"),
            ] {
                fold_into(&mut buf, &w);
                assert_eq!(buf, reference(&w), "{w:?}");
            }
        }
    }

    /// The four-letter test agrees with [`unchanged_width`] (but «ґ», which it leaves to
    /// the letter-by-letter test) at every position of every two-byte character.
    #[test]
    fn four_letter_test_agrees_with_the_one_letter_test() {
        for c in (0x80u32..0x800).filter_map(char::from_u32) {
            for k in 0..4 {
                let w: String = (0..4).map(|j| if j == k { c } else { 'о' }).collect();
                let b = w.as_bytes();
                let one = (0..4).all(|j| unchanged_width(b, 2 * j) == 2 && b[2 * j] != 0xD2);
                assert_eq!(unchanged_cyrillic4(b), one, "{w:?}");
            }
        }
    }

    /// The folding tables agree with the rule they encode, and the byte-level prefix key
    /// with the one read character by character.
    #[test]
    fn fold_tables_and_prefix_keys_agree_with_the_rules() {
        let rule = |c: char| -> Option<char> {
            Some(match c {
                'A'..='Z' => c.to_ascii_lowercase(),
                'ё' | 'Ё' => 'е',
                'a'..='z' | 'а'..='я' | 'ѐ'..='џ' | 'ґ' => c,
                'Ґ' => 'ґ',
                'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
                'Ѐ'..='Џ' => char::from_u32(c as u32 + 80).unwrap_or(c),
                '’' | 'ʼ' | '`' => '\'',
                c if c.is_ascii() => c,
                _ => return None,
            })
        };
        let chars: Vec<char> = (0u32..0x3000)
            .chain([0x1E9E, 0xFFFD, 0x1F600])
            .filter_map(char::from_u32)
            .collect();
        for &c in &chars {
            assert_eq!(fold_char(c), rule(c), "{c:?}");
        }
        let reference = |w: &str| -> Option<u64> {
            let mut it = w.chars();
            let mut key = 0u64;
            for _ in 0..3 {
                let c = match it.next() {
                    Some(c) => rule(c)?,
                    None => '\0',
                };
                key = (key << 21) | c as u64;
            }
            Some(key)
        };
        for &c in &chars {
            for w in [
                format!("{c}"),
                format!("Ал{c}ё"),
                format!("{c}Ґx`ЁЇ"),
                format!("z{c}"),
                format!("п’{c}"),
                format!("Ё{c}"),
                format!("{c}ж"),
                format!("{c}{c}"),
                String::new(),
            ] {
                assert_eq!(prefix_key(&w), reference(&w), "{w:?}");
            }
        }
    }

    /// The clause words' roles in the lexicon say what the word lists say, and the markers'
    /// ids name their words.
    #[test]
    fn lexicon_roles_agree_with_the_grammar_lists() {
        for lang in [Lang::Ru, Lang::Uk, Lang::En] {
            let pack = embedded::pack(lang).unwrap();
            for e in pack.lexicon_entries() {
                let w = e.word.as_str();
                let has = |r| e.roles.has(r);
                assert_eq!(has(Roles::SUBORDINATOR), pack.is_subordinator(w), "{w}");
                assert_eq!(
                    has(Roles::REPORTED_SPEECH),
                    pack.is_reported_speech(w),
                    "{w}"
                );
                assert_eq!(has(Roles::CONDITIONAL), pack.is_conditional(w), "{w}");
                assert_eq!(has(Roles::FUTURE_MARKER), pack.is_future_marker(w), "{w}");
                assert_eq!(
                    has(Roles::INFINITIVE_MARKER),
                    pack.is_infinitive_marker(w),
                    "{w}"
                );
                assert_eq!(
                    has(Roles::PARTICIPLE_MARKER),
                    pack.is_participle_marker(w),
                    "{w}"
                );
                assert_eq!(e.extractor, pack.entry(w).is_some(), "{w}");
                assert_eq!(pack.word(w), &e.words[..], "{w}");
            }
            for set in [
                &pack.subordinators,
                &pack.future_markers,
                &pack.participle_after,
            ] {
                for w in set {
                    assert!(pack.listed(w).is_some(), "{w}");
                }
            }
            let ids: HashMap<u32, &str> = pack
                .lexicon_entries()
                .map(|e| (e.id, e.word.as_str()))
                .collect();
            assert_eq!(ids.len(), pack.lexicon.entries.len(), "ids are unique");
            for (m, by_id) in pack
                .reported_speech_markers
                .iter()
                .zip(pack.reported_marker_ids())
            {
                let words: Vec<&str> = by_id.iter().map(|id| ids[id]).collect();
                assert_eq!(m, &words);
                assert!(pack
                    .listed(&m[0])
                    .unwrap()
                    .roles
                    .has(Roles::REPORTED_MARKER_START));
            }
        }
    }

    /// A word as written finds the entry its folded form finds, by key or by folding, past
    /// the prefix and ending filters.
    #[test]
    fn written_words_find_the_entries_of_their_folded_forms() {
        let mut buf = String::new();
        for lang in [Lang::Ru, Lang::Uk, Lang::En] {
            let pack = embedded::pack(lang).unwrap();
            let mut words: Vec<String> = Vec::new();
            for e in pack.lexicon_entries() {
                let w = &e.word;
                let mut chars = w.chars();
                let capital: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .collect();
                let last = w.chars().last().map_or(0, char::len_utf8);
                words.extend([
                    w.clone(),
                    w.to_uppercase(),
                    format!("{capital}{}", chars.as_str()),
                    w.replace('е', "ё").replace('\'', "’"),
                    format!("{w}x"),
                    format!("{w}я"),
                    format!("x{w}"),
                    w[..w.len() - last].to_string(),
                    format!("{w}\u{301}"),
                ]);
            }
            words.extend(["", "ß", "İ", "Ѣ", "ǅ", "\u{301}", "a\u{0}", "\u{0}"].map(String::from));
            for w in &words {
                let want = pack.listed(&fold(w)).map(|e| e.id);
                let got = pack.listed_keyed(w, word_key(w), &mut buf).map(|e| e.id);
                assert_eq!(got, want, "{w:?}");
                // The filters in front of the lookup let every word of the lexicon through.
                assert!(
                    want.is_none() || pack.may_be_listed(w, word_key(w)),
                    "{w:?}"
                );
            }
        }
    }

    #[test]
    fn every_embedded_language_compiles() {
        for (lang, cal, gr, num) in embedded::FILES {
            LanguagePack::from_toml(
                *lang,
                ("calendar.toml", cal),
                ("grammar.toml", gr),
                ("numbers.toml", num),
            )
            .unwrap_or_else(|e| panic!("{lang:?}: {e:?}"));
        }
    }

    #[test]
    fn russian_month_forms_resolve() {
        let ru = embedded::pack(Lang::Ru).unwrap();
        assert_eq!(ru.word("декабря"), &[Word::Month(12)]);
        assert_eq!(ru.month_genitive(2), "февраля");
        assert_eq!(ru.weekday_at(3), "в среду");
    }

    #[test]
    fn a_typo_in_language_data_points_into_the_file() {
        let (_, cal, gr, num) = embedded::FILES[0];
        let broken = cal.replacen("month = 1\n", "mnth = 1\n", 1);
        let err =
            LanguagePack::from_toml(Lang::Ru, ("calendar.toml", &broken), ("g", gr), ("n", num))
                .unwrap_err();
        assert!(err.message.contains("unknown field"), "{}", err.message);
        assert!(err.span.offset() > 0);
        // A named day with two rules at once.
        let broken = format!(
            "{cal}\n[[holidays]]\nnames = [\"x\"]\nmonth = 1\nday = 2\neaster = \"western\"\n"
        );
        let err =
            LanguagePack::from_toml(Lang::Ru, ("calendar.toml", &broken), ("g", gr), ("n", num))
                .unwrap_err();
        assert!(err.message.contains("needs one rule"), "{}", err.message);
    }

    #[test]
    fn a_named_day_can_come_from_an_observance_table() {
        use crate::claims::holidays::Base;
        let holiday = |lang, name: &str| {
            let pack = embedded::pack(lang).unwrap();
            let mut words = name.split_whitespace().map(fold);
            let first = words.next().unwrap();
            let rest: Vec<String> = words.collect();
            pack.phrases(&first)
                .iter()
                .find_map(|(r, m)| match m {
                    Phrase::Holiday(h) if *r == rest => Some(*h),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{lang:?}: no holiday «{name}»"))
        };
        let table = |lang, name: &str| match holiday(lang, name).base {
            Base::Table(t) => t.id.as_str(),
            other => panic!("«{name}» is {other:?}"),
        };
        assert_eq!(table(Lang::En, "eid al-fitr"), "eid-al-fitr");
        assert_eq!(table(Lang::En, "ramadan"), "ramadan");
        assert_eq!(table(Lang::Ru, "ураза-байрама"), "eid-al-fitr");
        assert_eq!(table(Lang::Ru, "песаха"), "passover");
        assert_eq!(table(Lang::Uk, "хануки"), "hanukkah");
        assert_eq!(table(Lang::Uk, "рош га-шана"), "rosh-hashanah");
        // A day counted from a table: Yom Kippur, one day, nine after the eve of Rosh
        // Hashanah.
        let yk = holiday(Lang::Uk, "йом кіпур");
        assert_eq!((yk.offset, yk.days), (9, Some(1)));
        let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(yk.in_year(2018), Some((d("2018-09-18"), d("2018-09-18"))));
        // The same table, whatever the language.
        assert_eq!(
            holiday(Lang::En, "diwali").in_year(2019),
            holiday(Lang::Ru, "дивали").in_year(2019)
        );
        // Only with a year: a given name as often as the feast.
        assert!(holiday(Lang::En, "rakhi").needs_year);
        assert!(!holiday(Lang::En, "raksha bandhan").needs_year);
    }

    #[test]
    fn a_wrong_table_in_language_data_points_at_the_holiday() {
        let (_, cal, gr, num) = embedded::FILES[2];
        let add = |entry: &str| format!("{cal}\n[[holidays]]\nnames = [\"zzz day\"]\n{entry}\n");
        let broken = add("table = \"no-such-feast\"");
        let err =
            LanguagePack::from_toml(Lang::En, ("calendar.toml", &broken), ("g", gr), ("n", num))
                .unwrap_err();
        assert!(
            err.message.contains("no observance `no-such-feast`"),
            "{}",
            err.message
        );
        let at = err.span.offset();
        assert_eq!(&broken[at..at + err.span.len()], "\"zzz day\"");
        // A table and a fixed day at once.
        let broken = add("table = \"ramadan\"\nmonth = 1\nday = 1");
        let err =
            LanguagePack::from_toml(Lang::En, ("calendar.toml", &broken), ("g", gr), ("n", num))
                .unwrap_err();
        assert!(err.message.contains("needs one rule"), "{}", err.message);
        // A day counted from a feast of several days must say how long it is.
        let broken = add("table = \"rosh-hashanah\"\noffset = 9");
        let err =
            LanguagePack::from_toml(Lang::En, ("calendar.toml", &broken), ("g", gr), ("n", num))
                .unwrap_err();
        assert!(err.message.contains("`days`"), "{}", err.message);
        // Unknown fields stay errors.
        let broken = add("table = \"ramadan\"\nspan = 3");
        let err =
            LanguagePack::from_toml(Lang::En, ("calendar.toml", &broken), ("g", gr), ("n", num))
                .unwrap_err();
        assert!(err.message.contains("unknown field"), "{}", err.message);
        // A weekend move is for a fixed day, by at most three days.
        for (entry, what) in [
            ("easter = \"western\"\nsunday = 1", "move a fixed day"),
            ("month = 4\nday = 27\nsunday = 5", "-3 to 3"),
            (
                "month = 4\nday = 27\nbefore = { month = 4, day = 30 }",
                "needs `since`",
            ),
            ("every = 365", "needs `on`"),
            (
                "every = 365\non = \"2020-08-16\"\nmonth = 1\nday = 2",
                "go together",
            ),
            ("every = 3\non = \"2020-08-16\"", "7–400"),
        ] {
            let broken = add(entry);
            let err = LanguagePack::from_toml(
                Lang::En,
                ("calendar.toml", &broken),
                ("g", gr),
                ("n", num),
            )
            .unwrap_err();
            assert!(err.message.contains(what), "{}", err.message);
        }
    }
}
