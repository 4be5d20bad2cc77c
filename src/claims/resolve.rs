//! Placing a time expression on the calendar against the publication date.
//!
//! A year-less date takes the year a reader gives it: the most recent one for a past-tense
//! predicate, the next one for a future-tense predicate, the nearest otherwise, days ahead
//! counting double ([`PAST_BIAS`]: «в марте» with no verb, read in November, is the March
//! past, eight months back, rather than the one four months ahead). One
//! exception mirrors a reader too: a future-tense day that fell within [`NEARBY_DAYS`]
//! before the publication date is read as that day, not as a day a year away («встреча
//! пройдет 3 января» in an article of 6 January is a stale announcement, not next year's
//! meeting). The mirror case for the past is not taken: a past day shortly after
//! publication is as often last year's as a slip.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::claims::{NthOf, TimeValue};
use crate::language::{Part, Unit};
use crate::morphology::Tense;

/// How close to publication a year-less day must be to be read against the tense.
pub const NEARBY_DAYS: i64 = 14;
/// How much farther a time with no tense may lie in the past than in the future and still be
/// read as the past one: news mostly reports what has happened. Measured on TimeBank +
/// AQUAINT (value F1 0.798 at 1, the plain nearest; 0.804 at 2; 0.803 at 1.5 and at 3).
const PAST_BIAS: i64 = 2;

/// Precision of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    /// One day.
    Day,
    /// A Monday-based week.
    Week,
    /// Part of a week («в конце прошлой недели»).
    PartOfWeek,
    /// Part of a month («в конце декабря»).
    PartOfMonth,
    /// A month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A season.
    Season,
    /// Part of a year.
    PartOfYear,
    /// A year.
    Year,
    /// Part of a decade («в конце 1980-х»).
    PartOfDecade,
    /// A decade.
    Decade,
    /// A fiscal year: its widest span.
    FiscalYear,
    /// An explicit range.
    Range,
}

impl Grain {
    /// Lower-case name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::PartOfWeek => "part-of-week",
            Grain::PartOfMonth => "part-of-month",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Season => "season",
            Grain::PartOfYear => "part-of-year",
            Grain::Year => "year",
            Grain::PartOfDecade => "part-of-decade",
            Grain::Decade => "decade",
            Grain::FiscalYear => "fiscal-year",
            Grain::Range => "range",
        }
    }
}

/// A closed interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// Precision.
    pub grain: Grain,
}

impl Interval {
    /// The single day `d`.
    pub fn day(d: NaiveDate) -> Interval {
        Interval {
            start: d,
            end: d,
            grain: Grain::Day,
        }
    }

    /// Days from `date` to the interval: 0 when inside, negative when the interval is earlier.
    pub fn distance_from(&self, date: NaiveDate) -> i64 {
        if self.end < date {
            (self.end - date).num_days()
        } else if self.start > date {
            (self.start - date).num_days()
        } else {
            0
        }
    }
}

/// Days in a month, or `None` for a month outside 1–12 or a year chrono cannot hold.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(Months::new(1))?;
    Some((next - first).num_days() as u32)
}

fn month_interval(year: i32, month: u32, part: Option<Part>) -> Option<Interval> {
    let last = days_in_month(year, month)?;
    let (a, b, grain) = match part {
        None => (1, last, Grain::Month),
        Some(Part::Early) => (1, 10, Grain::PartOfMonth),
        Some(Part::Mid) => (11, 20, Grain::PartOfMonth),
        Some(Part::Late) => (21, last, Grain::PartOfMonth),
        Some(Part::FirstHalf) => (1, 15, Grain::PartOfMonth),
        Some(Part::SecondHalf) => (16, last, Grain::PartOfMonth),
    };
    Some(Interval {
        start: NaiveDate::from_ymd_opt(year, month, a)?,
        end: NaiveDate::from_ymd_opt(year, month, b)?,
        grain,
    })
}

fn quarter_interval(year: i32, quarter: u32) -> Option<Interval> {
    let first = 3 * quarter.clamp(1, 4) - 2;
    Some(Interval {
        start: NaiveDate::from_ymd_opt(year, first, 1)?,
        end: NaiveDate::from_ymd_opt(year, first + 2, days_in_month(year, first + 2)?)?,
        grain: Grain::Quarter,
    })
}

fn season_interval(year: i32, first_month: u32) -> Option<Interval> {
    let (y1, m1) = if first_month == 12 {
        (year - 1, 12)
    } else {
        (year, first_month)
    };
    let (y2, m2) = if first_month == 12 {
        (year, 2)
    } else {
        (year, first_month + 2)
    };
    Some(Interval {
        start: NaiveDate::from_ymd_opt(y1, m1, 1)?,
        end: NaiveDate::from_ymd_opt(y2, m2, days_in_month(y2, m2)?)?,
        grain: Grain::Season,
    })
}

fn year_interval(year: i32, part: Option<Part>) -> Option<Interval> {
    let (m1, m2, grain) = match part {
        None => (1, 12, Grain::Year),
        Some(Part::Early) => (1, 4, Grain::PartOfYear),
        Some(Part::Mid) => (5, 8, Grain::PartOfYear),
        Some(Part::Late) => (9, 12, Grain::PartOfYear),
        Some(Part::FirstHalf) => (1, 6, Grain::PartOfYear),
        Some(Part::SecondHalf) => (7, 12, Grain::PartOfYear),
    };
    Some(Interval {
        start: NaiveDate::from_ymd_opt(year, m1, 1)?,
        end: NaiveDate::from_ymd_opt(year, m2, days_in_month(year, m2)?)?,
        grain,
    })
}

/// The years of a decade, or of its part: early is its first four years, mid the next
/// three, late the last three.
fn decade_interval(start: i32, part: Option<Part>) -> Option<Interval> {
    let (a, b, grain) = match part {
        None => (0, 9, Grain::Decade),
        Some(Part::Early) => (0, 3, Grain::PartOfDecade),
        Some(Part::Mid) => (4, 6, Grain::PartOfDecade),
        Some(Part::Late) => (7, 9, Grain::PartOfDecade),
        Some(Part::FirstHalf) => (0, 4, Grain::PartOfDecade),
        Some(Part::SecondHalf) => (5, 9, Grain::PartOfDecade),
    };
    Some(Interval {
        start: NaiveDate::from_ymd_opt(start.checked_add(a)?, 1, 1)?,
        end: NaiveDate::from_ymd_opt(start.checked_add(b)?, 12, 31)?,
        grain,
    })
}

/// Picks among the same expression placed in neighbouring years (or weeks).
fn choose(candidates: &[Interval], published: NaiveDate, tense: Option<Tense>) -> Option<Interval> {
    let nearby =
        |c: &&Interval| c.grain == Grain::Day && c.distance_from(published).abs() <= NEARBY_DAYS;
    match tense {
        // A past day shortly after publication is as often last year's («the quarter ended
        // Oct. 31», compared with a year ago) as a slip: read it as the most recent one.
        Some(Tense::Past) => candidates
            .iter()
            .rev()
            .find(|c| c.start <= published)
            .copied(),
        Some(Tense::Future) => candidates
            .iter()
            .rev()
            .find(|c| nearby(c) && c.end < published)
            .or_else(|| candidates.iter().find(|c| c.end >= published))
            .copied(),
        _ => candidates
            .iter()
            .min_by_key(|c| {
                let d = c.distance_from(published);
                if d > 0 {
                    d * PAST_BIAS
                } else {
                    -d
                }
            })
            .copied(),
    }
}

/// The interval of `value` read in an article published on `published`, whose predicate has
/// `tense`. `None` for an impossible date or one outside the calendar.
pub fn resolve(value: &TimeValue, published: NaiveDate, tense: Option<Tense>) -> Option<Interval> {
    let y0 = published.year();
    match *value {
        TimeValue::Date {
            year: Some(y),
            month,
            day,
        } => NaiveDate::from_ymd_opt(y, month, day).map(Interval::day),
        TimeValue::Date {
            year: None,
            month,
            day,
        } => {
            let c: Vec<_> = (y0 - 1..=y0 + 1)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day).map(Interval::day))
                .collect();
            choose(&c, published, tense)
        }
        TimeValue::Month {
            year: Some(y),
            month,
            part,
        } => month_interval(y, month, part),
        TimeValue::Month {
            year: None,
            month,
            part,
        } => {
            let c: Vec<_> = (y0 - 1..=y0 + 1)
                .filter_map(|y| month_interval(y, month, part))
                .collect();
            choose(&c, published, tense)
        }
        TimeValue::Quarter {
            year: Some(y),
            quarter,
        } => quarter_interval(y, quarter),
        TimeValue::Quarter {
            year: None,
            quarter,
        } => {
            let c: Vec<_> = (y0 - 1..=y0 + 1)
                .filter_map(|y| quarter_interval(y, quarter))
                .collect();
            choose(&c, published, tense)
        }
        TimeValue::Season {
            year: Some(y),
            first_month,
        } => season_interval(y, first_month),
        TimeValue::Season {
            year: None,
            first_month,
        } => {
            let c: Vec<_> = (y0 - 1..=y0 + 1)
                .filter_map(|y| season_interval(y, first_month))
                .collect();
            choose(&c, published, tense)
        }
        TimeValue::RelativeSeason { first_month, shift } => {
            let seasons: Vec<_> = (y0 - 3..=y0 + 3)
                .filter_map(|y| season_interval(y, first_month))
                .collect();
            let last_ended = seasons.iter().rev().find(|i| i.end < published);
            let next_started = seasons.iter().find(|i| i.start > published);
            let this = seasons
                .iter()
                .find(|i| i.start <= published && published <= i.end)
                .or(match tense {
                    Some(Tense::Past) => last_ended,
                    Some(Tense::Future) => next_started,
                    // This year's (a winter counted by its December).
                    _ => seasons.iter().find(|i| i.start.year() == y0),
                });
            let base = match shift {
                0 => this,
                s if s < 0 => last_ended,
                _ => next_started,
            }?;
            // «позапрошлой зимой»: a further year back for each step beyond one.
            let extra = if shift < 0 {
                shift + 1
            } else if shift > 0 {
                shift - 1
            } else {
                0
            };
            season_interval(base.end.year().checked_add(extra)?, first_month)
        }
        TimeValue::RelativeMonth { month, shift } => {
            let m0 = published.month();
            let year = match shift {
                s if s < 0 => y0 - i32::from(month >= m0),
                0 => y0,
                _ => y0 + i32::from(month <= m0),
            };
            month_interval(year, month, None)
        }
        TimeValue::Year { year, part } => year_interval(year, part),
        // Fiscal year N ends in April–September of N for most (the United States' federal
        // one on 30 September), in January or March of N + 1 for retailers and Japanese
        // companies, who name it by the year it begins in.
        TimeValue::FiscalYear { year } => Some(Interval {
            start: NaiveDate::from_ymd_opt(year.checked_sub(1)?, 4, 1)?,
            end: NaiveDate::from_ymd_opt(year.checked_add(1)?, 3, 31)?,
            grain: Grain::FiscalYear,
        }),
        TimeValue::Decade { start, part } => decade_interval(start, part),
        TimeValue::Range { ref from, ref to } => {
            let to_i = resolve(to, published, tense)?;
            let from_i = match **from {
                TimeValue::Date {
                    year: None,
                    month,
                    day,
                } if matches!(**to, TimeValue::Date { .. }) => {
                    let y = to_i.end.year();
                    let d = NaiveDate::from_ymd_opt(y, month, day)?;
                    // «с 28 декабря по 3 января»: the first end is in the year before.
                    if d > to_i.end && month != to_i.end.month() {
                        Interval::day(NaiveDate::from_ymd_opt(y - 1, month, day)?)
                    } else {
                        Interval::day(d)
                    }
                }
                // «с ноября по март»: a month after the last one is in the year before.
                TimeValue::Month {
                    year: None,
                    month,
                    part: None,
                } if matches!(**to, TimeValue::Month { .. }) => {
                    let y = to_i.end.year() - i32::from(month > to_i.end.month());
                    month_interval(y, month, None)?
                }
                _ => resolve(from, published, tense)?,
            };
            (from_i.start <= to_i.end).then_some(Interval {
                start: from_i.start,
                end: to_i.end,
                grain: Grain::Range,
            })
        }
        TimeValue::Weekday { weekday, shift } => {
            let monday = published - Days::new(published.weekday().num_days_from_monday() as u64);
            let in_week = |w: i64| monday + chrono::Duration::days(w * 7 + weekday as i64 - 1);
            match shift {
                Some(s) => Some(Interval::day(in_week(s as i64))),
                None => {
                    let c: Vec<_> = (-1..=1).map(|w| Interval::day(in_week(w))).collect();
                    match tense {
                        Some(Tense::Past) => c.iter().rev().find(|d| d.start <= published).copied(),
                        Some(Tense::Future) => c.iter().find(|d| d.start >= published).copied(),
                        _ => choose(&c, published, None),
                    }
                }
            }
        }
        TimeValue::WeekdayAfterNext { weekday } => {
            let ahead =
                (weekday as i64 - published.weekday().number_from_monday() as i64).rem_euclid(7);
            let coming = published + chrono::Duration::days(if ahead == 0 { 7 } else { ahead });
            Some(Interval::day(coming + chrono::Duration::days(7)))
        }
        TimeValue::Weekend { shift } => {
            let monday = published - Days::new(published.weekday().num_days_from_monday() as u64);
            let weekend = |w: i64| {
                let sat = monday + chrono::Duration::days(w * 7 + 5);
                Interval {
                    start: sat,
                    end: sat + chrono::Duration::days(1),
                    grain: Grain::PartOfWeek,
                }
            };
            match shift {
                Some(s) => Some(weekend(s.into())),
                None => {
                    let c: Vec<_> = (-1..=1).map(weekend).collect();
                    match tense {
                        Some(Tense::Past) => c.iter().rev().find(|i| i.start <= published).copied(),
                        Some(Tense::Future) => c.iter().find(|i| i.end >= published).copied(),
                        _ => choose(&c, published, None),
                    }
                }
            }
        }
        TimeValue::RelativeDay(d) => {
            Some(Interval::day(published + chrono::Duration::days(d as i64)))
        }
        TimeValue::RelativePeriod { unit, offset, part } => match unit {
            Unit::Day => Some(Interval::day(
                published + chrono::Duration::days(offset as i64),
            )),
            Unit::Week => {
                let monday = published
                    - Days::new(published.weekday().num_days_from_monday() as u64)
                    + chrono::Duration::days(7 * offset as i64);
                week_interval(monday, part)
            }
            Unit::Month => {
                let first = NaiveDate::from_ymd_opt(y0, published.month(), 1)?;
                let m = if offset >= 0 {
                    first.checked_add_months(Months::new(offset as u32))?
                } else {
                    first.checked_sub_months(Months::new(offset.unsigned_abs()))?
                };
                month_interval(m.year(), m.month(), part)
            }
            // A part of a quarter is not read: «в конце квартала» is as often the fiscal one.
            Unit::Quarter if part.is_some() => None,
            Unit::Quarter => {
                // Quarters counted from year 0: the current one plus the offset.
                let index = y0 * 4 + (published.month() as i32 - 1) / 3 + offset;
                quarter_interval(index.div_euclid(4), index.rem_euclid(4) as u32 + 1)
            }
            Unit::Year => year_interval(y0.checked_add(offset)?, part),
        },
        TimeValue::NthInMonth { ref month, of, n } => {
            let m = resolve(month, published, tense).filter(|i| i.grain == Grain::Month)?;
            nth_in_month(m.start, m.end, of, n)
        }
        TimeValue::Holiday {
            rule,
            year: Some(y),
        } => holiday_interval(&rule, y),
        TimeValue::Holiday { rule, year: None } => {
            let c: Vec<_> = (y0 - 1..=y0 + 1)
                .flat_map(|y| rule.occurrences(y))
                .filter_map(|(start, end)| span_interval(start, end))
                .collect();
            choose(&c, published, tense)
        }
        TimeValue::RelativeHoliday { rule, shift } => {
            let c: Vec<_> = (y0 - 2..=y0 + 2)
                .flat_map(|y| rule.occurrences(y))
                .filter_map(|(start, end)| span_interval(start, end))
                .collect();
            match shift {
                s if s < 0 => c.iter().rev().find(|i| i.end < published),
                0 => c.iter().find(|i| i.start.year() == y0),
                _ => c.iter().find(|i| i.start > published),
            }
            .copied()
        }
        // Placed by `check` against the date before it; alone, against publication.
        TimeValue::PeriodOfContext { unit, part } => period_of(unit, Some(part), published),
        TimeValue::SamePeriod { .. } => None,
        TimeValue::InRelativeYear { ref value, offset } => {
            resolve(&value.with_year(y0.checked_add(offset)?), published, tense)
        }
        TimeValue::Offset {
            ref base,
            unit,
            count,
        } => shifted(resolve(base, published, tense)?, unit, count.into()),
        TimeValue::WeekOf(ref day) => {
            let day = resolve(day, published, tense)?;
            (day.grain == Grain::Day).then_some(())?;
            let monday = day.start
                - chrono::Duration::days(day.start.weekday().num_days_from_monday().into());
            week_interval(monday, None)
        }
    }
}

/// The `n`-th (-1: last) `weekday` (or day, for `None`) between `first` and `last`, the
/// days of one month.
fn nth_in_month(first: NaiveDate, last: NaiveDate, of: NthOf, n: i32) -> Option<Interval> {
    // A week counts when all of it lies in the month: it starts on a Monday at least six
    // days before the month ends.
    let week_end = last - chrono::Duration::days(6);
    let matches = |d: &NaiveDate| match of {
        NthOf::Day => true,
        NthOf::Weekday(w) => d.weekday().number_from_monday() == w,
        NthOf::Week => d.weekday() == chrono::Weekday::Mon && *d <= week_end,
    };
    let mut days = first.iter_days().take_while(|d| *d <= last).filter(matches);
    let day = if n < 0 {
        days.last()
    } else {
        days.nth(usize::try_from(n - 1).ok()?)
    }?;
    Some(match of {
        NthOf::Week => Interval {
            start: day,
            end: day + chrono::Duration::days(6),
            grain: Grain::Week,
        },
        _ => Interval::day(day),
    })
}

fn holiday_interval(rule: &crate::claims::holidays::Holiday, year: i32) -> Option<Interval> {
    let (start, end) = rule.in_year(year)?;
    span_interval(start, end)
}

/// A day, or the days from `start` to `end`.
fn span_interval(start: NaiveDate, end: NaiveDate) -> Option<Interval> {
    Some(Interval {
        start,
        end,
        grain: if start == end {
            Grain::Day
        } else {
            Grain::Range
        },
    })
}

/// The week, month, quarter or year that contains `day`, or part of it (`None` for part of
/// a quarter).
pub fn period_of(unit: Unit, part: Option<Part>, day: NaiveDate) -> Option<Interval> {
    match unit {
        Unit::Day => Some(Interval::day(day)),
        Unit::Week => week_interval(
            day - Days::new(day.weekday().num_days_from_monday() as u64),
            part,
        ),
        Unit::Month => month_interval(day.year(), day.month(), part),
        Unit::Quarter => part
            .is_none()
            .then(|| quarter_interval(day.year(), (day.month() - 1) / 3 + 1))
            .flatten(),
        Unit::Year => year_interval(day.year(), part),
    }
}

/// A Monday-based week, or part of one: the beginning is Monday to Wednesday, the middle
/// Tuesday to Thursday, the end Friday to Sunday.
fn week_interval(monday: NaiveDate, part: Option<Part>) -> Option<Interval> {
    let (a, b, grain) = match part {
        None => (0, 6, Grain::Week),
        Some(Part::Early) => (0, 2, Grain::PartOfWeek),
        Some(Part::Mid) => (1, 3, Grain::PartOfWeek),
        Some(Part::Late) => (4, 6, Grain::PartOfWeek),
        Some(Part::FirstHalf) => (0, 3, Grain::PartOfWeek),
        Some(Part::SecondHalf) => (3, 6, Grain::PartOfWeek),
    };
    Some(Interval {
        start: monday.checked_add_days(Days::new(a))?,
        end: monday.checked_add_days(Days::new(b))?,
        grain,
    })
}

/// `i` moved by `count` units (negative: back) at its own grain: the quarter a year before
/// a quarter, the day a week after a day. `None` when the count is not whole or the unit
/// does not fit the grain (a week from a month, a quarter from a year).
pub fn shifted(i: Interval, unit: Unit, count: f64) -> Option<Interval> {
    if count.fract() != 0.0 {
        return None;
    }
    let n = count as i32;
    let months = match unit {
        Unit::Year => 12 * n,
        Unit::Quarter => 3 * n,
        Unit::Month => n,
        Unit::Week | Unit::Day => {
            let days = if unit == Unit::Week { 7 * n } else { n };
            return (i.grain == Grain::Day)
                .then(|| {
                    i.start
                        .checked_add_signed(chrono::Duration::days(days.into()))
                })
                .flatten()
                .map(Interval::day);
        }
    };
    let by_months = |d: NaiveDate| {
        if months >= 0 {
            d.checked_add_months(Months::new(months as u32))
        } else {
            d.checked_sub_months(Months::new(months.unsigned_abs()))
        }
    };
    let start = by_months(i.start)?;
    match i.grain {
        Grain::Day => Some(Interval::day(start)),
        Grain::Month => month_interval(start.year(), start.month(), None),
        Grain::Quarter if months % 3 == 0 => {
            quarter_interval(start.year(), (start.month() - 1) / 3 + 1)
        }
        Grain::Year if months % 12 == 0 => year_interval(start.year(), None),
        // «январь–сентябрь», a season, part of a year: the same days in another year.
        Grain::Range | Grain::Season | Grain::PartOfYear | Grain::PartOfMonth
            if months % 12 == 0 =>
        {
            Some(Interval {
                start,
                end: by_months(i.end)?,
                grain: i.grain,
            })
        }
        _ => None,
    }
}

/// The time a duration with «назад» or «через» names, counted from publication; `None` for
/// a plain duration or one relative to another event («спустя»), and for clock time: «два
/// часа назад» may be the day before publication, whose hour is not known.
pub fn duration_point(d: &crate::claims::Duration, published: NaiveDate) -> Option<Interval> {
    use crate::language::Relation;
    let unit = d.unit.calendar()?;
    let sign = match d.relation? {
        Relation::Ago => -1.0,
        Relation::FromNow => 1.0,
        Relation::Later | Relation::Earlier => return None,
    };
    let shift_months = |months: f64| {
        let m = (months * sign).round() as i32;
        if m >= 0 {
            published.checked_add_months(Months::new(m as u32))
        } else {
            published.checked_sub_months(Months::new(m.unsigned_abs()))
        }
    };
    let day = match unit {
        Unit::Day => {
            published.checked_add_signed(chrono::Duration::days((d.count * sign).round() as i64))
        }
        Unit::Week => published
            .checked_add_signed(chrono::Duration::days((d.count * 7.0 * sign).round() as i64)),
        Unit::Month => shift_months(d.count),
        Unit::Quarter => shift_months(d.count * 3.0),
        Unit::Year => shift_months(d.count * 12.0),
    }?;
    match unit {
        Unit::Day | Unit::Week => Some(Interval::day(day)),
        Unit::Month => month_interval(day.year(), day.month(), None),
        Unit::Quarter => quarter_interval(day.year(), (day.month() - 1) / 3 + 1),
        Unit::Year => year_interval(day.year(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn res(v: TimeValue, pubd: &str, t: Option<Tense>) -> (String, String) {
        let i = resolve(&v, d(pubd), t).unwrap();
        (i.start.to_string(), i.end.to_string())
    }

    #[test]
    fn relative_months() {
        let m = |month, shift| TimeValue::RelativeMonth { month, shift };
        assert_eq!(
            res(m(4, -1), "2026-11-10", None),
            ("2026-04-01".into(), "2026-04-30".into())
        );
        assert_eq!(
            res(m(4, -1), "2026-02-10", None),
            ("2025-04-01".into(), "2025-04-30".into())
        );
        assert_eq!(
            res(m(3, 1), "2026-03-10", None),
            ("2027-03-01".into(), "2027-03-31".into())
        );
        assert_eq!(
            res(m(9, 0), "2026-03-10", None),
            ("2026-09-01".into(), "2026-09-30".into())
        );
    }

    #[test]
    fn offsets_and_weeks_of_a_day() {
        let date = |month, day| {
            Box::new(TimeValue::Date {
                year: Some(2026),
                month,
                day,
            })
        };
        let offset = |base, unit, count| TimeValue::Offset { base, unit, count };
        assert_eq!(
            res(offset(date(3, 5), Unit::Day, 3), "2026-03-10", None).0,
            "2026-03-08"
        );
        assert_eq!(
            res(offset(date(3, 8), Unit::Week, -2), "2026-03-10", None).0,
            "2026-02-22"
        );
        // Counted from a day named relative to publication: "3 years from today".
        let today = Box::new(TimeValue::RelativeDay(0));
        assert_eq!(
            res(offset(today, Unit::Year, 3), "2013-02-12", None),
            ("2016-02-12".into(), "2016-02-12".into())
        );
        // Thursday 8 October 2026: the week from Monday the 5th to Sunday the 11th.
        assert_eq!(
            res(TimeValue::WeekOf(date(10, 8)), "2026-03-10", None),
            ("2026-10-05".into(), "2026-10-11".into())
        );
        // A week of a month is no week of a day.
        let month = TimeValue::Month {
            year: Some(2026),
            month: 10,
            part: None,
        };
        assert_eq!(
            resolve(&TimeValue::WeekOf(Box::new(month)), d("2026-03-10"), None),
            None
        );
    }

    #[test]
    fn a_weekday_after_next() {
        let wed = TimeValue::WeekdayAfterNext { weekday: 3 };
        // From Tuesday 12 February 2013 the coming Wednesday is the 13th.
        assert_eq!(res(wed.clone(), "2013-02-12", None).0, "2013-02-20");
        // From a Wednesday the coming one is a week on.
        assert_eq!(res(wed.clone(), "2013-02-13", None).0, "2013-02-27");
        assert_eq!(res(wed, "2013-02-14", None).0, "2013-02-27");
    }

    #[test]
    fn weekends_by_place_and_tense() {
        let w = |shift| TimeValue::Weekend { shift };
        // Wednesday 14 January 2026.
        assert_eq!(
            res(w(None), "2026-01-14", Some(Tense::Past)),
            ("2026-01-10".into(), "2026-01-11".into())
        );
        assert_eq!(
            res(w(None), "2026-01-14", Some(Tense::Future)).0,
            "2026-01-17"
        );
        assert_eq!(res(w(Some(-1)), "2026-01-14", None).0, "2026-01-10");
        assert_eq!(res(w(Some(1)), "2026-01-14", None).0, "2026-01-24");
        // On a Sunday the weekend under way is this one, past or future.
        assert_eq!(
            res(w(None), "2026-01-11", Some(Tense::Past)).0,
            "2026-01-10"
        );
        assert_eq!(
            res(w(None), "2026-01-11", Some(Tense::Future)).0,
            "2026-01-10"
        );
    }

    #[test]
    fn intervals_shifted_at_their_grain() {
        let q3 = quarter_interval(1989, 3).unwrap();
        let back = shifted(q3, Unit::Year, -1.0).unwrap();
        assert_eq!((back.start, back.end), (d("1988-07-01"), d("1988-09-30")));
        assert_eq!(back.grain, Grain::Quarter);
        let y = year_interval(2019, None).unwrap();
        assert_eq!(shifted(y, Unit::Year, 2.0).unwrap().start, d("2021-01-01"));
        // A quarter or a week cannot be counted from a year; halves are not whole.
        assert!(shifted(y, Unit::Quarter, 1.0).is_none());
        assert!(shifted(y, Unit::Week, 1.0).is_none());
        assert!(shifted(q3, Unit::Year, 1.5).is_none());
        let day = Interval::day(d("2024-02-29"));
        assert_eq!(
            shifted(day, Unit::Year, 1.0).unwrap().start,
            d("2025-02-28")
        );
        assert_eq!(
            shifted(day, Unit::Week, -1.0).unwrap().start,
            d("2024-02-22")
        );
    }

    #[test]
    fn nth_weekdays_and_days_of_a_month() {
        let nth = |of, n| TimeValue::NthInMonth {
            month: Box::new(TimeValue::Month {
                year: Some(2014),
                month: 3,
                part: None,
            }),
            of,
            n,
        };
        let day = |of, n| res(nth(of, n), "2026-01-06", None);
        assert_eq!(day(NthOf::Weekday(7), -1).0, "2014-03-30");
        assert_eq!(day(NthOf::Weekday(6), 1).0, "2014-03-01");
        assert_eq!(day(NthOf::Weekday(1), 5).0, "2014-03-31");
        assert_eq!(day(NthOf::Day, -1).0, "2014-03-31");
        // Whole weeks only: March 2014 starts on a Saturday and ends on a Monday.
        assert_eq!(
            day(NthOf::Week, 1),
            ("2014-03-03".into(), "2014-03-09".into())
        );
        assert_eq!(
            day(NthOf::Week, -1),
            ("2014-03-24".into(), "2014-03-30".into())
        );
        assert!(resolve(&nth(NthOf::Week, 5), d("2026-01-06"), None).is_none());
        // March 2014 has no fifth Tuesday.
        assert!(resolve(&nth(NthOf::Weekday(2), 5), d("2026-01-06"), None).is_none());
    }

    #[test]
    fn seasons_named_by_their_place() {
        let season = |first_month, shift| TimeValue::RelativeSeason { first_month, shift };
        // January: this winter is the current one, last winter the one before it, this
        // summer the coming one — or the past one, for a past-tense event.
        assert_eq!(res(season(12, 0), "2026-01-14", None).0, "2025-12-01");
        assert_eq!(res(season(12, -1), "2026-01-14", None).0, "2024-12-01");
        assert_eq!(res(season(6, 0), "2026-01-14", None).0, "2026-06-01");
        assert_eq!(
            res(season(6, 0), "2026-01-14", Some(Tense::Past)).0,
            "2025-06-01"
        );
        assert_eq!(res(season(3, 1), "2026-01-14", None).0, "2026-03-01");
        // October: this winter is the coming one, next spring the one after it.
        assert_eq!(res(season(12, 0), "2026-10-14", None).0, "2026-12-01");
        assert_eq!(res(season(3, 1), "2026-10-14", None).0, "2027-03-01");
        assert_eq!(res(season(6, -2), "2026-10-14", None).0, "2025-06-01");
    }

    #[test]
    fn yearless_dates_follow_the_tense() {
        let dec = TimeValue::Month {
            year: None,
            month: 12,
            part: None,
        };
        assert_eq!(
            res(dec.clone(), "2026-01-06", Some(Tense::Past)).0,
            "2025-12-01"
        );
        assert_eq!(res(dec, "2026-01-06", Some(Tense::Future)).0, "2026-12-01");
        let jan20 = TimeValue::Date {
            year: None,
            month: 1,
            day: 20,
        };
        assert_eq!(
            res(jan20.clone(), "2026-01-06", Some(Tense::Future)).0,
            "2026-01-20"
        );
        assert_eq!(res(jan20, "2026-03-06", Some(Tense::Past)).0, "2026-01-20");
        // A reader takes «пройдет 3 января» on 6 January as a slip about this 3 January.
        let jan3 = TimeValue::Date {
            year: None,
            month: 1,
            day: 3,
        };
        assert_eq!(res(jan3, "2026-01-06", Some(Tense::Future)).0, "2026-01-03");
    }

    #[test]
    fn untensed_yearless_dates_lean_to_the_past() {
        let march = TimeValue::Month {
            year: None,
            month: 3,
            part: None,
        };
        // Eight months back against four ahead: the past one (the nearest would be ahead).
        assert_eq!(res(march.clone(), "2026-11-02", None).0, "2026-03-01");
        // Two months back against ten ahead, and three ahead against nine back.
        assert_eq!(res(march.clone(), "2026-05-02", None).0, "2026-03-01");
        assert_eq!(res(march, "2026-12-02", None).0, "2027-03-01");
        // A weekday four days back against three ahead: the past one.
        let thursday = TimeValue::Weekday {
            weekday: 4,
            shift: None,
        };
        assert_eq!(res(thursday.clone(), "2026-11-23", None).0, "2026-11-19");
        // Two days ahead against five back: the coming one.
        assert_eq!(res(thursday, "2026-11-24", None).0, "2026-11-26");
    }

    #[test]
    fn parts_weekdays_and_relative_periods() {
        let late = TimeValue::Month {
            year: Some(2026),
            month: 12,
            part: Some(Part::Late),
        };
        assert_eq!(
            res(late, "2026-01-06", None),
            ("2026-12-21".into(), "2026-12-31".into())
        );
        let tue = TimeValue::Weekday {
            weekday: 2,
            shift: None,
        };
        assert_eq!(
            res(tue.clone(), "2026-01-06", Some(Tense::Future)).0,
            "2026-01-06"
        );
        assert_eq!(res(tue, "2026-01-08", Some(Tense::Past)).0, "2026-01-06");
        let week = TimeValue::RelativePeriod {
            unit: Unit::Week,
            offset: -1,
            part: None,
        };
        assert_eq!(
            res(week, "2026-01-08", None),
            ("2025-12-29".into(), "2026-01-04".into())
        );
        assert!(resolve(
            &TimeValue::Date {
                year: Some(2025),
                month: 2,
                day: 29
            },
            d("2026-01-01"),
            None
        )
        .is_none());
        assert_eq!(days_in_month(2024, 2), Some(29));
        assert_eq!(days_in_month(10000, 2), Some(29));
    }
}
