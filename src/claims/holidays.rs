//! Named days («Рождество», «Великдень», "Thanksgiving"): the rule that places each in a
//! given year. The names are language data (`[[holidays]]` in `calendar.toml`); the rules
//! are calendar arithmetic: a fixed day, the n-th weekday of a month, or a day counted
//! from Easter (Western or Orthodox).

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

/// Which Easter a movable feast counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Easter {
    /// Gregorian computus (Catholic and Protestant churches).
    Western,
    /// Julian computus (Orthodox churches).
    Orthodox,
}

/// The day a holiday starts in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// A fixed day: 25 December.
    Fixed {
        /// Month 1–12.
        month: u32,
        /// Day of month.
        day: u32,
    },
    /// The n-th (−1: last) weekday of a month: the fourth Thursday of November.
    Nth {
        /// Month 1–12.
        month: u32,
        /// ISO weekday, Monday = 1.
        weekday: u32,
        /// 1–5 or −1.
        n: i32,
    },
    /// Easter Sunday.
    Easter(Easter),
}

/// A holiday's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    /// The day it is counted from.
    pub base: Base,
    /// Days after (or before, negative) the base: Black Friday is Thanksgiving + 1.
    pub offset: i32,
    /// How many days it lasts (1 for a single day; Lent lasts 46).
    pub days: u32,
    /// `(year, older)`: the holiday moved in `year`, and fell on `older` before it
    /// (Ukrainian Christmas: 25 December since 2023, 7 January before).
    pub since: Option<(i32, Base)>,
}

impl Holiday {
    /// First and last day of the holiday in `year`, or `None` outside the calendar.
    pub fn in_year(&self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let base = match self.since {
            Some((since, older)) if year < since => older,
            _ => self.base,
        };
        let day = match base {
            Base::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day)?,
            Base::Nth { month, weekday, n } => nth_weekday(year, month, weekday, n)?,
            Base::Easter(kind) => easter(year, kind)?,
        };
        let first = day.checked_add_signed(chrono::Duration::days(self.offset.into()))?;
        let last =
            first.checked_add_signed(chrono::Duration::days(i64::from(self.days.max(1)) - 1))?;
        Some((first, last))
    }
}

fn nth_weekday(year: i32, month: u32, weekday: u32, n: i32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let mut days = first
        .iter_days()
        .take_while(|d| *d < next)
        .filter(|d| d.weekday().number_from_monday() == weekday);
    if n < 0 {
        days.last()
    } else {
        days.nth(usize::try_from(n - 1).ok()?)
    }
}

/// Easter Sunday of `year` on the Gregorian calendar.
pub fn easter(year: i32, kind: Easter) -> Option<NaiveDate> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    match kind {
        // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
        Easter::Western => {
            let (a, b, c) = (year % 19, year / 100, year % 100);
            let (d, e) = (b / 4, b % 4);
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        }
        // Meeus's Julian algorithm, then Julian → Gregorian.
        Easter::Orthodox => {
            let (a, b, c) = (year % 4, year % 7, year % 19);
            let d = (19 * c + 15) % 30;
            let e = (2 * a + 4 * b - d + 34) % 7;
            let month = (d + e + 114) / 31;
            let day = (d + e + 114) % 31 + 1;
            let julian = NaiveDate::from_ymd_opt(year, month as u32, day as u32)?;
            let shift = year / 100 - year / 400 - 2;
            julian.checked_add_signed(chrono::Duration::days(shift.into()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_dates_match_the_church_calendars() {
        for (y, w, o) in [
            (2010, "2010-04-04", "2010-04-04"),
            (2013, "2013-03-31", "2013-05-05"),
            (2018, "2018-04-01", "2018-04-08"),
            (2020, "2020-04-12", "2020-04-19"),
            (2024, "2024-03-31", "2024-05-05"),
            (2026, "2026-04-05", "2026-04-12"),
        ] {
            assert_eq!(easter(y, Easter::Western), Some(d(w)), "{y}");
            assert_eq!(easter(y, Easter::Orthodox), Some(d(o)), "{y}");
        }
        assert_eq!(easter(1200, Easter::Western), None);
    }

    #[test]
    fn holidays_by_rule() {
        let thanksgiving = Holiday {
            base: Base::Nth {
                month: 11,
                weekday: 4,
                n: 4,
            },
            offset: 0,
            days: 1,
            since: None,
        };
        assert_eq!(thanksgiving.in_year(2013).unwrap().0, d("2013-11-28"));
        let lent = Holiday {
            base: Base::Easter(Easter::Western),
            offset: -46,
            days: 46,
            since: None,
        };
        assert_eq!(lent.in_year(2018), Some((d("2018-02-14"), d("2018-03-31"))));
        let christmas_uk = Holiday {
            base: Base::Fixed { month: 12, day: 25 },
            offset: 0,
            days: 1,
            since: Some((2023, Base::Fixed { month: 1, day: 7 })),
        };
        assert_eq!(christmas_uk.in_year(2022).unwrap().0, d("2022-01-07"));
        assert_eq!(christmas_uk.in_year(2025).unwrap().0, d("2025-12-25"));
    }
}
