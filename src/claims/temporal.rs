//! Finds time expressions in tokens with the vocabulary of a [`LanguagePack`].
//!
//! One left-to-right pass; at each token a small set of patterns is tried, each looking at
//! most a dozen tokens ahead, so the pass is linear in the length of the text.

use crate::claims::{Age, Duration, NthOf, Temporal, TimeValue};
use crate::language::{
    fold_into, word_key, Approx, LanguagePack, LexEntry, Part, Phrase, Position, Prep, Relation,
    TimeUnit, Word,
};
use crate::text::{Text, Token, TokenKind};

/// What the extractor knows about each token, computed once.
pub(crate) struct Tagged<'a> {
    source: &'a str,
    tokens: &'a [Token],
    /// Each token's lexicon entry: its readings and the phrases it opens.
    entries: Vec<Option<&'a LexEntry>>,
    /// Each word's entry in the whole lexicon, the clause words' included, as written (no
    /// possessive ending taken off): what the clause grammar reads.
    listed: Vec<Option<&'a LexEntry>>,
    /// The tokens where an expression can start: numbers and lexicon words. Every pattern
    /// begins with one, so the passes visit only these.
    starts: Vec<u32>,
    /// Tokens read without a possessive ending ("Friday's"), in order.
    possessives: Vec<u32>,
    /// Tokens with a unit of duration among their readings, in order.
    units: Vec<u32>,
    /// Hyphenated words read by durations, in order: adjectives of length ("two-year",
    /// "day-long") and numbers ("twenty-four").
    hyphenated: Vec<(u32, Hyphenated)>,
    pack: &'a LanguagePack,
    /// A buffer words are folded into for the tests of [`Tagged::folds_to`].
    scratch: std::cell::RefCell<String>,
}

impl<'a> Tagged<'a> {
    /// Looks every word up in the lexicon once.
    pub(crate) fn new(source: &'a str, tokens: &'a [Token], pack: &'a LanguagePack) -> Self {
        // Most tokens are no entry: all start as none, found ones are set.
        let mut entries = vec![None; tokens.len()];
        let mut listed = vec![None; tokens.len()];
        let possessives_too = pack.has_possessives();
        let mut buf = String::new();
        // A start per token at most: sized once, not grown.
        let mut starts = Vec::with_capacity(tokens.len());
        let mut possessives = Vec::new();
        let mut units = Vec::new();
        let mut hyphenated = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word() {
                if t.number().is_some() {
                    starts.push(i as u32);
                }
                continue;
            }
            let text = t.text(source);
            if t.hyphenated {
                if let Some(h) = hyphenated_word(pack, text) {
                    hyphenated.push((i as u32, h));
                }
            }
            // Most prose words are ruled out before they are folded; short ones are found by
            // their key, not folded at all.
            let key = word_key(text);
            let maybe_listed = pack.may_be_listed(text, key);
            if !(maybe_listed || possessives_too) {
                continue;
            }
            // The extractor's test, on the first letters only: a word with a possessive
            // ending («Friday's») ends in other letters than its entry.
            let lexical = pack.may_contain_keyed(text, key.map(|(k, _)| k));
            if !(maybe_listed || lexical) {
                continue;
            }
            let entry = if maybe_listed {
                pack.listed_keyed(text, key, &mut buf)
            } else {
                None
            };
            listed[i] = entry;
            if lexical {
                let found = entry
                    .filter(|e| e.extractor)
                    .map(|e| (e, false))
                    .or_else(|| {
                        // "Friday's announcement": the word without its possessive ending.
                        if !possessives_too {
                            return None;
                        }
                        fold_into(&mut buf, text);
                        let n = pack.possessive_len(&buf)?;
                        buf.truncate(buf.len() - n);
                        pack.entry(&buf).map(|e| (e, true))
                    });
                if let Some((entry, possessive)) = found {
                    if possessive {
                        possessives.push(i as u32);
                    }
                    if entry
                        .words
                        .iter()
                        .any(|w| matches!(w, Word::DurationUnit(..)))
                    {
                        units.push(i as u32);
                    }
                    entries[i] = Some(entry);
                    starts.push(i as u32);
                }
            }
        }
        Tagged {
            source,
            tokens,
            entries,
            listed,
            starts,
            possessives,
            units,
            hyphenated,
            pack,
            scratch: std::cell::RefCell::default(),
        }
    }

    /// Whether token `i` is a word whose folded form passes `test` (folded into a reused
    /// buffer, not a new string).
    fn folds_to(&self, i: usize, test: impl FnOnce(&str) -> bool) -> bool {
        let Some(t) = self.tok(i).filter(|t| t.is_word()) else {
            return false;
        };
        let mut buf = self.scratch.borrow_mut();
        fold_into(&mut buf, t.text(self.source));
        test(&buf)
    }

    /// What the hyphenated word at token `i` means to durations.
    fn hyphenated(&self, i: usize) -> Option<Hyphenated> {
        let k = self
            .hyphenated
            .binary_search_by_key(&(i as u32), |h| h.0)
            .ok()?;
        Some(self.hyphenated[k].1)
    }

    /// The end of token `i` without a possessive ending ("Friday's", "last year's").
    fn end_without_possessive(&self, i: usize) -> usize {
        let t = &self.tokens[i];
        let possessive = self.possessives.binary_search(&(i as u32)).is_ok()
            || self
                .folded(i)
                .is_some_and(|f| self.pack.possessive_len(f).is_some());
        if possessive {
            if let Some(k) = t.text(self.source).rfind(['\'', '’']) {
                return t.start + k;
            }
        }
        t.end
    }

    /// Each token's entry in the whole lexicon (the clause words' included), as written.
    pub(crate) fn listed(&self) -> &[Option<&'a LexEntry>] {
        &self.listed
    }

    /// The tokens where an expression can start (numbers and lexicon words), in order.
    pub(crate) fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts.iter().map(|&s| s as usize)
    }

    /// The language of the text.
    pub(crate) fn lang(&self) -> crate::language::Lang {
        self.pack.lang
    }

    pub(crate) fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    pub(crate) fn word(&self, i: usize) -> &[Word] {
        match self.entries.get(i) {
            Some(Some(e)) => &e.words,
            _ => &[],
        }
    }

    pub(crate) fn folded(&self, i: usize) -> Option<&str> {
        match self.entries.get(i) {
            Some(Some(e)) => Some(e.word.as_str()),
            _ => None,
        }
    }

    fn month(&self, i: usize) -> Option<u32> {
        self.find(i, |w| {
            if let Word::Month(m) = w {
                Some(*m)
            } else {
                None
            }
        })
    }

    /// Token `i` begins a sentence (or a segment: a heading, a list item).
    fn opens_sentence(&self, i: usize) -> bool {
        i == 0
            || self.tokens[i].segment_start
            || matches!(self.punct(i - 1), Some('.' | '!' | '?' | '…'))
    }

    /// A word allowed inside a date without meaning («the», «of» in «the 1st of March»).
    fn is_filler(&self, i: usize) -> bool {
        self.folded(i).is_some_and(|f| self.pack.is_date_filler(f))
    }

    /// The index after an optional filler word at `i`.
    fn skip_filler(&self, i: usize) -> usize {
        if self.is_filler(i) && self.joined(i + 1) {
            i + 1
        } else {
            i
        }
    }

    /// The first reading of token `i` that `pick` accepts.
    fn find<T>(&self, i: usize, pick: impl Fn(&Word) -> Option<T>) -> Option<T> {
        self.word(i).iter().find_map(pick)
    }

    fn ordinal(&self, i: usize) -> Option<u32> {
        self.find(i, |w| {
            if let Word::Ordinal(d) = w {
                Some(*d)
            } else {
                None
            }
        })
    }

    /// A cardinal word's value in tenths.
    pub(crate) fn cardinal(&self, i: usize) -> Option<u32> {
        self.find(i, |w| {
            if let Word::Cardinal(c) = w {
                Some(*c)
            } else {
                None
            }
        })
    }

    fn unit_ordinal(&self, i: usize) -> Option<u32> {
        self.find(i, |w| {
            if let Word::UnitOrdinal(n) = w {
                Some(*n)
            } else {
                None
            }
        })
    }

    fn duration_unit(&self, i: usize) -> Option<(TimeUnit, u32)> {
        self.find(i, |w| {
            if let Word::DurationUnit(u, per) = w {
                Some((*u, *per))
            } else {
                None
            }
        })
    }

    fn weekday(&self, i: usize) -> Option<u32> {
        self.find(i, |w| {
            if let Word::Weekday(d) = w {
                Some(*d)
            } else {
                None
            }
        })
    }

    fn prep(&self, i: usize) -> Option<Prep> {
        self.find(i, |w| {
            if let Word::Prep(p) = w {
                Some(*p)
            } else {
                None
            }
        })
    }

    fn is_year_word(&self, i: usize) -> bool {
        self.word(i).contains(&Word::YearWord)
    }

    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        self.tok(i).and_then(Token::punct)
    }

    pub(crate) fn number(&self, i: usize) -> Option<(u32, u8)> {
        self.tok(i).and_then(Token::number)
    }

    /// Token `i` continues the expression: same segment, exists.
    pub(crate) fn joined(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.segment_start)
    }

    /// Token `i` touches token `i - 1` with no space between.
    pub(crate) fn adjacent(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| !t.space_before && !t.segment_start)
    }

    pub(crate) fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—' | '‒'))
    }

    /// After a number at `i`: an ordinal suffix, `-м`, `-го` after a hyphen or `th` glued on;
    /// returns the index after it.
    fn skip_number_suffix(&self, i: usize) -> usize {
        let suffix = |k: usize| {
            self.adjacent(k)
                && self
                    .folded(k)
                    .is_some_and(|f| self.pack.is_number_suffix(f))
        };
        if self.punct(i + 1) == Some('-') && self.adjacent(i + 1) && suffix(i + 2) {
            i + 3
        } else if suffix(i + 1) {
            i + 2
        } else {
            i + 1
        }
    }

    /// A year word at `i` («года», «г.»): the index after it (and after the stop of «г.»).
    fn after_year_word(&self, i: usize) -> Option<usize> {
        if !self.joined(i) || !self.is_year_word(i) {
            return None;
        }
        if self.punct(i + 1) == Some('.')
            && self.adjacent(i + 1)
            && self.tok(i).is_some_and(|t| t.end - t.start <= 4)
        {
            Some(i + 2)
        } else {
            Some(i + 1)
        }
    }

    /// Phrase of the lexicon starting at `i`: (meaning, index after it).
    #[inline]
    pub(crate) fn phrase(&self, i: usize) -> Option<(Phrase, usize)> {
        self.phrase_of(i, |_| true)
    }

    /// The longest phrase at `i` whose meaning `want` accepts: other phrases are not
    /// compared word by word. Most tokens open none: that test is inlined in the callers.
    #[inline]
    pub(crate) fn phrase_of(
        &self,
        i: usize,
        want: impl Fn(&Phrase) -> bool,
    ) -> Option<(Phrase, usize)> {
        match self.entries.get(i) {
            Some(Some(e)) if !e.phrases.is_empty() => self.phrase_in(i, &e.phrases, want),
            _ => None,
        }
    }

    /// [`Tagged::phrase_of`] among the `phrases` token `i` opens.
    fn phrase_in(
        &self,
        i: usize,
        phrases: &'a [(Vec<u32>, Phrase)],
        want: impl Fn(&Phrase) -> bool,
    ) -> Option<(Phrase, usize)> {
        // When the next token is no lexicon word of the same segment (nor the stop of an
        // abbreviation, "St. Patrick's Day"), only one-word phrases can match; they come last
        // (longest first).
        let stop = self.pack.phrase_stop();
        let next_listed = self.joined(i + 1)
            && (matches!(self.entries.get(i + 1), Some(Some(_)))
                || stop.is_some() && self.punct(i + 1) == Some('.'));
        let phrases = if next_listed {
            phrases
        } else {
            &phrases[phrases.partition_point(|(rest, _)| !rest.is_empty())..]
        };
        'outer: for (rest, meaning) in phrases {
            if !want(meaning) {
                continue;
            }
            for (k, &w) in rest.iter().enumerate() {
                let j = i + 1 + k;
                if !self.joined(j) {
                    continue 'outer;
                }
                // The last word may carry a possessive ending ("last year's"); a stop is
                // the text's full stop, right after the word.
                let matches = match self.entries.get(j) {
                    _ if Some(w) == stop => self.punct(j) == Some('.') && self.adjacent(j),
                    Some(Some(e)) => e.id == w || (k + 1 == rest.len() && e.stem == Some(w)),
                    _ => false,
                };
                if !matches {
                    continue 'outer;
                }
            }
            return Some((*meaning, i + 1 + rest.len()));
        }
        None
    }
}

/// A four-digit-or-fewer number that reads as a year when a year word follows.
fn as_year(n: (u32, u8)) -> Option<i32> {
    (n.1 <= 4).then_some(n.0 as i32)
}

/// A 1–2 digit number that can be a day of month (1–39: impossible days are claims too).
fn as_day(n: (u32, u8)) -> Option<u32> {
    (n.1 <= 2 && (1..=39).contains(&n.0)).then_some(n.0)
}

/// One match: value, where its year digits and day-month are, and the index after it.
#[derive(Clone)]
struct Core {
    value: TimeValue,
    /// Dates the noun after it, not the predicate ("the 1996 campaign").
    attributive: bool,
    year_tok: Option<usize>,
    day_month: Option<(usize, usize)>,
    weekday: Option<(usize, usize)>,
    ends: Option<((usize, usize), (usize, usize))>,
    end: usize,
}

/// Everything the extractor finds in one pass over the tagged tokens.
pub struct Extracted {
    /// Time expressions.
    pub temporals: Vec<Temporal>,
    /// Durations.
    pub durations: Vec<Duration>,
    /// Stated ages.
    pub ages: Vec<Age>,
    /// Counts of things («35 делегаций»).
    pub quantities: Vec<super::Quantity>,
    /// Times named only relative to the time of writing («сейчас»).
    pub references: Vec<super::Reference>,
    /// Recurring times («ежедневно», "every Tuesday").
    pub recurrences: Vec<super::Recurrence>,
}

/// Extracts time expressions, durations and ages, tagging the tokens once.
pub fn extract_all(source: &str, text: &Text, pack: &LanguagePack) -> Extracted {
    extract_tagged(&Tagged::new(source, &text.tokens, pack), text)
}

/// [`extract_all`] over tokens tagged already.
pub(crate) fn extract_tagged(tg: &Tagged, text: &Text) -> Extracted {
    let mut temporals = temporals(tg, text);
    let mut durations = durations_in(tg, text, &temporals);
    offsets_from_days(tg, &mut temporals, &mut durations);
    periods_ending_at_dates(tg, text, &temporals, &mut durations);
    let recurrences = recurrences_in(tg, text, &mut temporals, &mut durations);
    let ages = ages_in(tg, text);
    let references = references_in(tg, text, &temporals, &durations);
    let quantities = super::words::embedded(tg.pack.lang)
        .map(|w| super::quantities::find(tg, tg.source, text, (&temporals, &durations, &ages), w))
        .unwrap_or_default();
    Extracted {
        temporals,
        durations,
        ages,
        quantities,
        references,
        recurrences,
    }
}

/// "three days after Easter", "a week from Friday", «через неделю после 5 марта», «за два
/// дня до 8 марта»: a whole length right before a time, joined to it by a preposition of the
/// language's `day_offsets`, names the time that far from it. The length becomes part of the
/// time expression, which is counted from its own time, not from publication.
fn offsets_from_days(tg: &Tagged, temporals: &mut [Temporal], durations: &mut Vec<Duration>) {
    let pack = tg.pack;
    if pack.day_offsets.is_empty() || durations.is_empty() {
        return;
    }
    let folded = |k: usize| {
        tg.tok(k)
            .filter(|t| t.is_word())
            .map(|t| crate::language::fold(t.text(tg.source)))
    };
    let mut absorbed = Vec::new();
    for (n, d) in durations.iter().enumerate() {
        let Some(unit) = d.unit.calendar() else {
            continue;
        };
        if d.approx != Approx::Exactly
            || d.attributive
            || d.count.fract() != 0.0
            || matches!(d.relation, Some(Relation::Ago | Relation::Earlier))
        {
            continue;
        }
        // The day's preposition, or one right before a day that takes none ("from today").
        let (t, prep) = match temporals.binary_search_by_key(&d.tokens.end, |t| t.tokens.start) {
            Ok(t) => (t, temporals[t].prep),
            Err(_) => match temporals.binary_search_by_key(&(d.tokens.end + 1), |t| t.tokens.start)
            {
                Ok(t) if temporals[t].prep.is_none() && tg.joined(d.tokens.end) => {
                    (t, tg.prep(d.tokens.end))
                }
                _ => continue,
            },
        };
        let day = &temporals[t];
        if !tg.joined(day.tokens.start) || matches!(day.value, TimeValue::Range { .. }) {
            continue;
        }
        let first = d.tokens.start;
        let opener_before = first > 0 && tg.joined(first);
        let Some((offset, start)) = pack.day_offsets.iter().find_map(|o| {
            if prep != Some(o.prep) || !(o.units.is_empty() || o.units.contains(&unit)) {
                return None;
            }
            if o.opener.is_empty() {
                return (d.relation.is_none()).then_some((o, first));
            }
            if folded(first).as_deref() == Some(o.opener.as_str()) {
                Some((o, first))
            } else if d.relation.is_none()
                && opener_before
                && folded(first - 1).as_deref() == Some(o.opener.as_str())
            {
                Some((o, first - 1))
            } else {
                None
            }
        }) else {
            continue;
        };
        if start > 0 && tg.joined(start) {
            // «почти через месяц после 1 февраля»: an approximation before the opener.
            let approx = (start.saturating_sub(pack.max_phrase_words)..start).any(|k| {
                tg.phrase_of(k, |m| matches!(m, Phrase::Approx(_)))
                    .is_some_and(|(_, after)| after == start)
            });
            // "$200 a week before June 1", «200 рублей за неделю до 1 июня»: a rate.
            let rate = tg.number(start - 1).is_some()
                || (start > 1 && tg.joined(start - 1) && tg.number(start - 2).is_some());
            if approx || rate || pack.offset_blocked_before(start, folded) {
                continue;
            }
        }
        let count = offset.sign * d.count as i32;
        let day = &mut temporals[t];
        day.value = TimeValue::Offset {
            base: Box::new(std::mem::replace(&mut day.value, TimeValue::RelativeDay(0))),
            unit,
            count,
        };
        day.span = tg.tokens[start].start..day.span.end;
        day.tokens = start..day.tokens.end;
        day.prep = None;
        absorbed.push(n);
    }
    for n in absorbed.into_iter().rev() {
        durations.remove(n);
    }
}

/// "the year ended Sept. 30", "the year ending June 30, 1990": the unit before the date is the
/// length of the period closing at it, an adjective of length no rule reads.
fn periods_ending_at_dates(
    tg: &Tagged,
    text: &Text,
    temporals: &[Temporal],
    durations: &mut Vec<Duration>,
) {
    let words = &tg.pack.duration_words.period_end_words;
    if words.is_empty() {
        return;
    }
    let before = durations.len();
    for t in temporals {
        let k = t.tokens.start;
        if k < 3 || !tg.joined(k) || !tg.joined(k - 1) || !tg.joined(k - 2) {
            continue;
        }
        let ends = tg
            .tok(k - 1)
            .filter(|t| t.is_word())
            .is_some_and(|w| words.contains(&crate::language::fold(w.text(tg.source))));
        let unit = tg.word(k - 2).iter().find_map(|w| match w {
            Word::DurationUnit(unit, n) if unit.calendar().is_some() => Some((*unit, *n)),
            _ => None,
        });
        let determiner = tg
            .tok(k - 3)
            .is_some_and(|d| d.is_word() && tg.pack.is_year_determiner(d.text(tg.source)));
        let (true, Some((unit, n)), true) = (ends, unit, determiner) else {
            continue;
        };
        if durations[..before]
            .iter()
            .any(|d| d.tokens.start < k - 1 && k - 3 < d.tokens.end)
        {
            continue;
        }
        durations.push(Duration {
            span: tg.tokens[k - 3].start..tg.tokens[k - 2].end,
            tokens: k - 3..k - 1,
            sentence: text.sentence_of(k - 3),
            count: f64::from(n),
            unit,
            approx: Approx::Exactly,
            relation: None,
            interval: None,
            attributive: true,
        });
    }
    if durations.len() > before {
        durations.sort_by_key(|d| d.tokens.start);
    }
}

/// "daily", "every two years", «каждый вторник»: a time that recurs. The weekday, month or
/// count of units it repeats is no time expression or duration of its own, and is taken out of
/// those.
fn recurrences_in(
    tg: &Tagged,
    text: &Text,
    temporals: &mut Vec<Temporal>,
    durations: &mut Vec<Duration>,
) -> Vec<super::Recurrence> {
    use super::Every;
    let mut out: Vec<super::Recurrence> = Vec::new();
    for i in tg.starts() {
        let (every, end) = match tg.word(i).iter().find_map(|w| match w {
            Word::Recurring(unit) => Some(Some(*unit)),
            Word::Every => Some(None),
            _ => None,
        }) {
            // "daily".
            Some(Some(unit)) => (Every::Units { count: 1.0, unit }, i + 1),
            // "every day", "every two years", "each Tuesday".
            Some(None) if tg.joined(i + 1) => {
                let (count, j) = count_at(tg, i + 1)
                    .filter(|&(_, j)| tg.joined(j))
                    .unwrap_or((1.0, i + 1));
                let every = tg.word(j).iter().find_map(|w| match w {
                    Word::DurationUnit(unit, n) => Some(Every::Units {
                        count: count * f64::from(*n),
                        unit: *unit,
                    }),
                    Word::Weekday(d) if j == i + 1 => Some(Every::Weekday(*d)),
                    Word::Month(m) if j == i + 1 => Some(Every::Month(*m)),
                    _ => None,
                });
                match every {
                    Some(e) => (e, j + 1),
                    None => continue,
                }
            }
            _ => continue,
        };
        out.push(super::Recurrence {
            span: tg.tokens[i].start..tg.tokens[end - 1].end,
            tokens: i..end,
            sentence: text.sentence_of(i),
            every,
        });
    }
    if !out.is_empty() {
        let inside = |r: &std::ops::Range<usize>| {
            out.iter()
                .any(|x| x.tokens.start < r.end && r.start < x.tokens.end)
        };
        temporals.retain(|t| !inside(&t.tokens));
        durations.retain(|d| !inside(&d.tokens));
    }
    out
}

/// «сейчас», «в будущем», "recently": outside every time expression and duration.
fn references_in(
    tg: &Tagged,
    text: &Text,
    temporals: &[Temporal],
    durations: &[Duration],
) -> Vec<super::Reference> {
    let mut taken: Vec<std::ops::Range<usize>> = temporals
        .iter()
        .map(|t| t.tokens.clone())
        .chain(durations.iter().map(|d| d.tokens.clone()))
        .collect();
    taken.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut next = 0;
    for i in tg.starts() {
        if i < next {
            continue;
        }
        let Some((Phrase::Vague(when), after)) = tg.phrase_of(i, |m| matches!(m, Phrase::Vague(_)))
        else {
            continue;
        };
        // Taken when any of its tokens is inside an expression already found.
        let k = taken.partition_point(|r| r.end <= i);
        if taken.get(k).is_some_and(|r| r.start < after) {
            continue;
        }
        out.push(super::Reference {
            span: tg.tokens[i].start..tg.tokens[after - 1].end,
            sentence: text.sentence_of(i),
            when,
        });
        next = after;
    }
    out
}

/// Extracts every time expression from the tokens.
pub fn extract(source: &str, text: &Text, pack: &LanguagePack) -> Vec<Temporal> {
    temporals(&Tagged::new(source, &text.tokens, pack), text)
}

fn temporals(tg: &Tagged, text: &Text) -> Vec<Temporal> {
    let mut out: Vec<Temporal> = Vec::new();
    let mut next = 0;
    for &start in &tg.starts {
        let i = start as usize;
        if i < next {
            continue;
        }
        match match_at(tg, i, &out) {
            Some((start, prep, mut core)) => {
                // "Thursday evening", «вчера вечером»: a part of the day after a day.
                let mut day_part = day_part_after(tg, &core);
                if day_part.is_some() {
                    core.end += 1;
                } else if let Some((Phrase::DayWithPart(_, part), after)) =
                    tg.phrase_of(start, |m| matches!(m, Phrase::DayWithPart(..)))
                {
                    // "this morning": the part is in the phrase.
                    day_part = (after == core.end).then_some(part);
                }
                // «в 15:00 6 января», "10 p.m. Wednesday": a time of day with one day.
                let mut start = start;
                let one_day = matches!(
                    core.value,
                    TimeValue::Date { .. }
                        | TimeValue::Weekday { .. }
                        | TimeValue::RelativeDay(_)
                        | TimeValue::WeekdayAfterNext { .. }
                );
                let mut clock = None;
                if one_day {
                    clock = clock_inside(tg, start, core.end);
                    let free = out.last().map_or(0, |t| t.tokens.end);
                    if let Some((c, first)) = clock_before(tg, start).filter(|_| clock.is_none()) {
                        if first >= free {
                            clock = Some(c);
                            start = first;
                        }
                    }
                }
                // «в ночь на 2 марта»: the night ending on that day is the event's time.
                let mut prep = prep;
                let free = out.last().map_or(0, |t| t.tokens.end);
                if prep == Some(Prep::For) && tg.joined(start) {
                    let night = tg.pack.night_before(start, |k| {
                        tg.tok(k)
                            .filter(|t| t.is_word() && k >= free)
                            .map(|t| crate::language::fold(t.text(tg.source)))
                    });
                    if let Some(n) = night {
                        prep = Some(Prep::At);
                        day_part = day_part.or(Some(crate::language::DayPart::Night));
                        start -= n;
                    }
                }
                // "the week of Oct. 7": the Monday–Sunday week containing the day.
                let mut value = core.value;
                if prep.is_none() && matches!(value, TimeValue::Date { .. }) && tg.joined(start) {
                    let week = tg.pack.week_of_before(start, |k| {
                        tg.tok(k)
                            .filter(|t| t.is_word() && k >= free && tg.joined(k + 1))
                            .map(|t| crate::language::fold(t.text(tg.source)))
                    });
                    if let Some(n) = week {
                        value = TimeValue::WeekOf(Box::new(value));
                        start -= n;
                        if start > free && tg.joined(start) {
                            if let Some(p) = tg.prep(start - 1) {
                                prep = Some(p);
                                start -= 1;
                            }
                        }
                    }
                }
                let span = tg.tokens[start].start..tg.end_without_possessive(core.end - 1);
                let tok_span = |a: usize, b: usize| tg.tokens[a].start..tg.tokens[b - 1].end;
                out.push(Temporal {
                    span,
                    tokens: start..core.end,
                    sentence: text.sentence_of(start),
                    value,
                    prep,
                    year_span: core.year_tok.map(|y| tok_span(y, y + 1)),
                    day_month_span: core.day_month.map(|(a, b)| tok_span(a, b)),
                    weekday_span: core.weekday.map(|(a, b)| tok_span(a, b)),
                    range_ends: core
                        .ends
                        .map(|((a, b), (c, d))| (tok_span(a, b), tok_span(c, d))),
                    attributive: core.attributive,
                    day_part,
                    clock,
                    anchor: None,
                    interval: None,
                });
                next = core.end;
            }
            None => next = i + 1,
        }
    }
    out
}

/// «в 23:00 29 марта»: hours and minutes among the first tokens of a match.
fn clock_inside(tg: &Tagged, start: usize, end: usize) -> Option<(u32, u32)> {
    (start..end.min(start + 3)).find_map(|k| {
        let (h, hd) = tg.number(k)?;
        let (m, md) = tg.number(k + 2)?;
        (hd <= 2
            && h <= 24
            && md == 2
            && m < 60
            && tg.punct(k + 1) == Some(':')
            && tg.adjacent(k + 1)
            && tg.adjacent(k + 2))
        .then_some((h, m))
    })
}

/// "10 p.m. Wednesday", "9:30 a.m. EST Nov. 9", "noon Thursday": a time of day just before
/// the day at `k` — the hours and minutes, and the token where the time begins.
fn clock_before(tg: &Tagged, k: usize) -> Option<((u32, u32), usize)> {
    let pack = tg.pack;
    if pack.meridiems.is_empty() && pack.clock_words.is_empty() || k == 0 || !tg.joined(k) {
        return None;
    }
    let folded = |x: usize| {
        tg.tok(x)
            .filter(|t| t.is_word())
            .map(|t| crate::language::fold(t.text(tg.source)))
    };
    // A time zone between: "5 p.m. EST Nov. 9".
    let mut x = k;
    if folded(x - 1).is_some_and(|f| pack.duration_words.clock_after.contains(&f)) && x >= 2 {
        x -= 1;
        if !tg.joined(x) {
            return None;
        }
    }
    if let Some(&h) = folded(x - 1).and_then(|f| pack.clock_words.get(&f)) {
        return Some(((h, 0), x - 1));
    }
    // "p.m." is written in up to four tokens ("p", ".", "m", "."), "pm" in one.
    let (offset, first) = [4, 3, 2, 1].into_iter().find_map(|n| {
        let a = x.checked_sub(n)?;
        if !(a + 1..x).all(|y| tg.adjacent(y)) {
            return None;
        }
        let written = tg.source[tg.tokens[a].start..tg.tokens[x - 1].end].to_lowercase();
        pack.meridiems.get(&written).map(|&o| (o, a))
    })?;
    // The hour, and its minutes after a colon: "10 p.m.", "9:30 a.m.".
    let hour_at = |y: usize| {
        tg.number(y)
            .filter(|&(h, d)| d <= 2 && (1..=12).contains(&h))
    };
    let (h, m, begin) = match first.checked_sub(3) {
        Some(y)
            if tg.punct(y + 1) == Some(':')
                && tg.adjacent(y + 1)
                && tg.adjacent(y + 2)
                && hour_at(y).is_some()
                && tg.number(y + 2).is_some_and(|(m, d)| d == 2 && m < 60) =>
        {
            (hour_at(y)?.0, tg.number(y + 2)?.0, y)
        }
        _ => (hour_at(first.checked_sub(1)?)?.0, 0, first - 1),
    };
    if !tg.joined(first) || !tg.joined(begin + 1) {
        return None;
    }
    Some(((h % 12 + offset, m), begin))
}

/// Tries every pattern at token `i`: (first token, governing preposition, match).
fn match_at(tg: &Tagged, i: usize, found: &[Temporal]) -> Option<(usize, Option<Prep>, Core)> {
    // Phrases first: «на прошлой неделе», «в конце».
    let mut j = i;
    let mut part = None;
    let mut prep = None;
    if let Some((meaning, after)) = tg.phrase(i) {
        match meaning {
            Phrase::RelativePeriod(unit, offset) => {
                // "last week of September" is a week of that month.
                if let Some(c) = nth_in_month(tg, i) {
                    return Some((i, None, c));
                }
                // "last year's fourth quarter".
                if unit == crate::language::Unit::Year
                    && tg.end_without_possessive(after - 1) < tg.tokens[after - 1].end
                {
                    if let Some(q) = quarter_without_year(tg, after) {
                        return Some((
                            i,
                            None,
                            Core {
                                value: TimeValue::InRelativeYear {
                                    value: Box::new(q.value),
                                    offset,
                                },
                                ..q
                            },
                        ));
                    }
                }
                return Some((
                    i,
                    None,
                    Core {
                        attributive: false,
                        value: TimeValue::RelativePeriod {
                            unit,
                            offset,
                            part: None,
                        },
                        year_tok: None,
                        day_month: None,
                        weekday: None,
                        ends: None,
                        end: after,
                    },
                ));
            }
            Phrase::Part(p, pr) => {
                part = Some(p);
                prep = pr;
                j = after;
                // "mid-March".
                if tg.is_dash(j) && tg.adjacent(j) && tg.adjacent(j + 1) {
                    j += 1;
                }
            }
            // «последние два года»: the units just before (or after) publication.
            Phrase::CountedPeriod(direction) => {
                if let Some(c) = counted_period(tg, after, direction) {
                    return Some((i, None, c));
                }
            }
            // Duration words are read by `durations`.
            Phrase::Approx(_) | Phrase::Relation(..) => {}
            // Read with the other patterns, after a preposition or not.
            Phrase::Holiday(_) => {}
            // Read by `references_in`.
            Phrase::Vague(_) => {}
            // Only after a weekday.
            Phrase::AfterNext => {}
            // Only after a part: «в конце года».
            Phrase::PeriodNoun(_) => {}
            Phrase::ContextPeriod(unit, years, months) => {
                return Some((i, None, same_period(unit, (years, months), after)));
            }
            // Read with the other patterns, after a preposition or not.
            Phrase::Fiscal | Phrase::PeriodPart(..) => {}
            Phrase::DayWithPart(day, _) => {
                return Some((
                    i,
                    None,
                    Core {
                        attributive: false,
                        value: TimeValue::RelativeDay(day),
                        year_tok: None,
                        day_month: None,
                        weekday: None,
                        ends: None,
                        end: after,
                    },
                ));
            }
        }
    }
    if part.is_none() {
        if let Some(p) = tg.prep(i) {
            prep = Some(p);
            j = i + 1;
            if !tg.joined(j) {
                return None;
            }
            // "due in March 2026", "until after May 3": the outer preposition says what the
            // time is to the predicate.
            if tg.prep(j).is_some() && tg.joined(j + 1) {
                j += 1;
            }
            // "planned for early March", «перенесли на конец мая»: a part after the
            // preposition, which says what the time is to the predicate.
            if let Some((Phrase::Part(p, _), after)) =
                tg.phrase_of(j, |m| matches!(m, Phrase::Part(..)))
            {
                if tg.joined(after) {
                    part = Some(p);
                    j = after;
                    if tg.is_dash(j) && tg.adjacent(j) && tg.adjacent(j + 1) {
                        j += 1;
                    }
                }
            }
        }
    }
    // Every pattern starts at a number or a lexicon word: after «в» before an ordinary word
    // there is nothing to try.
    if tg.number(j).is_none() && !matches!(tg.entries.get(j), Some(Some(_))) {
        return None;
    }
    // Nor at a word none of the patterns below opens with («и», «года», «тому»).
    if part.is_none() && !may_open_pattern(tg, j) {
        return None;
    }
    // A clock time before the date: «в 23:00 29 марта 2019».
    if tg.number(j).is_some_and(|n| n.1 <= 2)
        && tg.punct(j + 1) == Some(':')
        && tg.adjacent(j + 1)
        && tg.adjacent(j + 2)
        && tg.number(j + 2).is_some_and(|n| n.1 == 2)
        && tg.joined(j + 3)
    {
        j += 3;
    }
    // «the 1st of March», «on the 15th of February».
    if tg.is_filler(j)
        && tg.joined(j + 1)
        && (tg.number(j + 1).is_some() || tg.ordinal(j + 1).is_some())
    {
        j += 1;
    }
    let core = if part.is_some() {
        // «в конце прошлого года», "early next month".
        match tg.phrase(j).filter(|_| tg.joined(j)) {
            // «в конце года»: the year of the date before it.
            Some((Phrase::PeriodNoun(unit), after)) => part.map(|part| Core {
                attributive: false,
                value: TimeValue::PeriodOfContext { unit, part },
                year_tok: None,
                day_month: None,
                weekday: None,
                ends: None,
                end: after,
            }),
            Some((Phrase::RelativePeriod(unit, offset), after)) => Some(Core {
                attributive: false,
                value: TimeValue::RelativePeriod { unit, offset, part },
                year_tok: None,
                day_month: None,
                weekday: None,
                ends: None,
                end: after,
            }),
            _ => month_or_year(tg, j, part, true),
        }
    } else {
        // The date at `j`, read once: ranges start with one.
        let first = date(tg, j);
        range(tg, j, prep, first.as_ref())
            .or_else(|| month_range(tg, j, prep))
            .or(first)
            .or_else(|| nth_in_month(tg, tg.skip_filler(j)))
            .or_else(|| match tg.phrase(j) {
                Some((Phrase::ContextPeriod(unit, years, months), after)) => {
                    Some(same_period(unit, (years, months), after))
                }
                // "by year-end".
                Some((Phrase::PeriodPart(unit, part), after)) => Some(Core {
                    attributive: false,
                    value: TimeValue::PeriodOfContext { unit, part },
                    year_tok: None,
                    day_month: None,
                    weekday: None,
                    ends: None,
                    end: after,
                }),
                _ => None,
            })
            .or_else(|| holiday(tg, j))
            .or_else(|| fiscal_year(tg, j))
            .or_else(|| quarter(tg, j))
            .or_else(|| season(tg, j, prep.is_some()))
            .or_else(|| {
                // "in 1990 and 1991": a year listed after a year is governed like it.
                let listed = j > 0
                    && (tg.punct(j - 1) == Some(',') || tg.word(j - 1).contains(&Word::DateJoiner))
                    && found.last().is_some_and(|t| {
                        t.tokens.end + 1 == j && matches!(t.value, TimeValue::Year { .. })
                    });
                month_or_year(tg, j, None, prep.is_some() || listed).filter(|c| {
                    prep.is_some()
                        || c.attributive
                        || c.year_tok.is_some()
                        || matches!(c.value, TimeValue::Month { year: Some(_), .. })
                        || matches!(c.value, TimeValue::Month { part: Some(_), .. })
                        || matches!(c.value, TimeValue::RelativeMonth { .. })
                        || matches!(c.value, TimeValue::Decade { .. })
                })
            })
            .or_else(|| weekend(tg, j, prep.is_some()))
            .or_else(|| weekday(tg, j, prep, found))
            .or_else(|| relative_day(tg, j).filter(|_| prep.is_none()))
    }?;
    // "the 1988 third quarter": the year dates the quarter after it.
    let core = match core.value {
        TimeValue::Year { year, part: None } => match quarter_without_year(tg, core.end) {
            Some(q) => Core {
                value: q.value.with_year(year),
                year_tok: core.year_tok,
                ..q
            },
            None => core,
        },
        _ => core,
    };
    Some((i, prep, in_relative_year(tg, core)))
}

/// The part of the day named right after a match that names one day: "Friday night",
/// "yesterday morning", «во вторник вечером», «вчора ввечері».
fn day_part_after(tg: &Tagged, core: &Core) -> Option<crate::language::DayPart> {
    let one_day = matches!(
        core.value,
        TimeValue::Weekday { .. } | TimeValue::RelativeDay(_) | TimeValue::Date { .. }
    );
    if !one_day
        || !tg.joined(core.end)
        || tg.end_without_possessive(core.end - 1) < tg.tokens[core.end - 1].end
    {
        return None;
    }
    tg.find(core.end, |w| match w {
        Word::DayPart(p) => Some(*p),
        _ => None,
    })
}

/// "fiscal 1989", "in fiscal year 2025".
fn fiscal_year(tg: &Tagged, j: usize) -> Option<Core> {
    let (Phrase::Fiscal, k) = tg.phrase_of(j, |m| matches!(m, Phrase::Fiscal))? else {
        return None;
    };
    let year = tg
        .number(k)
        .filter(|&(y, digits)| digits == 4 && (1000..=2999).contains(&y) && tg.joined(k))?
        .0;
    Some(Core {
        attributive: false,
        value: TimeValue::FiscalYear { year: year as i32 },
        year_tok: Some(k),
        day_month: None,
        weekday: None,
        ends: None,
        end: k + 1,
    })
}

/// "the year-ago quarter": placed later by the date before it.
fn same_period(
    unit: Option<crate::language::Unit>,
    (years, months): (i32, i32),
    end: usize,
) -> Core {
    Core {
        attributive: false,
        value: TimeValue::SamePeriod {
            unit,
            years,
            months,
        },
        year_tok: None,
        day_month: None,
        weekday: None,
        ends: None,
        end,
    }
}

/// A quarter written without its year at `j` ("fourth quarter" after "last year's").
fn quarter_without_year(tg: &Tagged, j: usize) -> Option<Core> {
    if !tg.joined(j) {
        return None;
    }
    quarter(tg, j).filter(|q| matches!(q.value, TimeValue::Quarter { year: None, .. }))
}

/// Whether a pattern of [`match_at`] without a part (dates, ranges, months, years, quarters,
/// seasons, weekdays, holidays, relative days) can open at token `j`: each one's first test
/// asks for a number, a phrase, a filler before a number or season, "Q" glued to a number, or
/// a reading other than those listed here, which no pattern opens with.
fn may_open_pattern(tg: &Tagged, j: usize) -> bool {
    if tg.number(j).is_some() || (tg.adjacent(j + 1) && tg.number(j + 1).is_some()) {
        return true;
    }
    let Some(Some(e)) = tg.entries.get(j) else {
        return false;
    };
    !e.phrases.is_empty()
        || tg.is_filler(j)
        || e.words.iter().any(|w| {
            !matches!(
                w,
                Word::YearWord
                    | Word::Prep(_)
                    | Word::DurationUnit(..)
                    | Word::AgeWord
                    | Word::DurationJoiner
                    | Word::DateJoiner
                    | Word::MonthDayWord
                    | Word::MonthWeekWord
                    | Word::DayPart(_)
                    | Word::NotAfterWeekend
                    | Word::VagueCount
                    | Word::Every
                    | Word::Recurring(_)
                    | Word::UnitOrdinal(_)
            )
        })
}

/// «в первый понедельник октября», «в последнее воскресенье марта 2014 года», «останній
/// день у жовтні», "the first Tuesday of October", "the last Friday of this month".
fn nth_in_month(tg: &Tagged, j: usize) -> Option<Core> {
    let Some(n) = tg.find(j, |w| match w {
        Word::WeekdayOrdinal(n) => Some(*n),
        _ => None,
    }) else {
        return day_of_relative_month(tg, j);
    };
    if !tg.joined(j + 1) {
        return None;
    }
    let of = match tg.weekday(j + 1) {
        Some(w) => NthOf::Weekday(w),
        None if tg.word(j + 1).contains(&Word::MonthDayWord) => NthOf::Day,
        None if tg.word(j + 1).contains(&Word::MonthWeekWord) => NthOf::Week,
        None => return None,
    };
    // "of", «у» — or nothing: «первый понедельник октября».
    let mut k = j + 2;
    if (tg.is_filler(k) || tg.prep(k) == Some(Prep::At)) && tg.joined(k + 1) {
        k += 1;
    }
    if !tg.joined(k) {
        return None;
    }
    let (month, year_tok, end) = match tg.phrase(k) {
        Some((Phrase::RelativePeriod(crate::language::Unit::Month, offset), after)) => (
            TimeValue::RelativePeriod {
                unit: crate::language::Unit::Month,
                offset,
                part: None,
            },
            None,
            after,
        ),
        _ => {
            let c = month_or_year(tg, k, None, true)?;
            if !matches!(c.value, TimeValue::Month { part: None, .. }) {
                return None;
            }
            (c.value, c.year_tok, c.end)
        }
    };
    Some(Core {
        attributive: false,
        value: TimeValue::NthInMonth {
            month: Box::new(month),
            of,
            n,
        },
        year_tok,
        day_month: None,
        weekday: None,
        ends: None,
        end,
    })
}

/// "the 20th of next month", "20th day of this month": a day of a month named relative to
/// publication.
fn day_of_relative_month(tg: &Tagged, j: usize) -> Option<Core> {
    let (day, mut k) = day_at(tg, j)?;
    if tg.joined(k) && tg.word(k).contains(&Word::MonthDayWord) {
        k += 1;
    }
    if !tg.is_filler(k) || !tg.joined(k + 1) {
        return None;
    }
    // "of the next month".
    let Some((Phrase::RelativePeriod(crate::language::Unit::Month, offset), end)) =
        tg.phrase(tg.skip_filler(k + 1))
    else {
        return None;
    };
    Some(Core {
        attributive: false,
        value: TimeValue::NthInMonth {
            month: Box::new(TimeValue::RelativePeriod {
                unit: crate::language::Unit::Month,
                offset,
                part: None,
            }),
            of: NthOf::Day,
            n: day as i32,
        },
        year_tok: None,
        day_month: None,
        weekday: None,
        ends: None,
        end,
    })
}

/// «на Рождество», «Великдень 2025 року», "Thanksgiving 2013": a named day and its year.
fn holiday(tg: &Tagged, j: usize) -> Option<Core> {
    // A name that must be written with capitals: every word of it ("King's Day").
    let capitals = |from: usize, to: usize| {
        (from..to).all(|k| {
            tg.tok(k)
                .is_some_and(|t| !t.is_word() || t.text(tg.source).starts_with(char::is_uppercase))
        })
    };
    let holiday_at = |k| match tg.phrase_of(k, |m| matches!(m, Phrase::Holiday(_))) {
        Some((Phrase::Holiday(rule), after)) if !rule.capitalised || capitals(k, after) => {
            Some((rule, after))
        }
        _ => None,
    };
    // "last Christmas", «на прошлую Пасху».
    let shift = tg.find(j, |w| match w {
        Word::WeekdayShift(s) => Some(*s),
        _ => None,
    });
    if let Some((shift, (rule, end))) = shift
        .filter(|_| tg.joined(j + 1))
        .and_then(|s| Some((s, holiday_at(j + 1)?)))
    {
        return Some(Core {
            attributive: false,
            value: TimeValue::RelativeHoliday { rule, shift },
            year_tok: None,
            day_month: None,
            weekday: None,
            ends: None,
            end,
        });
    }
    let (rule, after) = holiday_at(j)?;
    let (year, year_tok, end) = match trailing_year(tg, after) {
        // "Diwali in 2019", «Пасха в 2025 году».
        (None, ..) if tg.prep(after) == Some(Prep::At) && tg.joined(after + 1) => {
            match trailing_year(tg, after + 1) {
                (Some(y), t, e) if tg.pack.bare_years || e > after + 2 => (Some(y), t, e),
                _ => (None, None, after),
            }
        }
        found => found,
    };
    if rule.needs_year && year.is_none() {
        return None;
    }
    Some(Core {
        attributive: false,
        value: TimeValue::Holiday { rule, year },
        year_tok,
        day_month: None,
        weekday: None,
        ends: None,
        end,
    })
}

/// «в марте прошлого года», «в третьем квартале прошлого года», "in March last year",
/// "March of next year": a day, month, quarter, season or named day without a written
/// year, followed by a year named relative to publication.
fn in_relative_year(tg: &Tagged, core: Core) -> Core {
    if !matches!(
        core.value,
        TimeValue::Date { year: None, .. }
            | TimeValue::Month { year: None, .. }
            | TimeValue::Holiday { year: None, .. }
            | TimeValue::Quarter { year: None, .. }
            | TimeValue::Season { year: None, .. }
    ) {
        return core;
    }
    let k = tg.skip_filler(core.end);
    match tg.phrase(k).filter(|_| tg.joined(k)) {
        Some((Phrase::RelativePeriod(crate::language::Unit::Year, offset), after)) => Core {
            attributive: false,
            value: TimeValue::InRelativeYear {
                value: Box::new(core.value),
                offset,
            },
            end: after,
            ..core
        },
        _ => core,
    }
}

/// «последние два года» (direction -1), «ближайшие три дня» (1): a count and a unit after
/// the phrase ending at `j`.
fn counted_period(tg: &Tagged, j: usize, direction: i32) -> Option<Core> {
    if !tg.joined(j) {
        return None;
    }
    let (count, k) = count_at(tg, j)?;
    if !tg.joined(k) {
        return None;
    }
    // Clock time is no calendar period: «последние 24 часа» is a duration.
    let (unit, per) = tg.duration_unit(k)?;
    let unit = unit.calendar()?;
    let n = count * per as f64;
    if n.fract() != 0.0 || !(1.0..=100.0).contains(&n) {
        return None;
    }
    let n = n as i32;
    let (first, last) = if direction < 0 { (-n, -1) } else { (1, n) };
    let period = |offset| {
        Box::new(TimeValue::RelativePeriod {
            unit,
            offset,
            part: None,
        })
    };
    Some(Core {
        attributive: false,
        value: TimeValue::Range {
            from: period(first),
            to: period(last),
        },
        year_tok: None,
        day_month: None,
        weekday: None,
        ends: None,
        end: k + 1,
    })
}

/// The calendar year written at `k` after a quarter or season («2025 года», "of 2025"):
/// (year, its token, the index after it), or nothing and `k`. Where years take a word
/// («года»), a year without one must end the phrase: «в I квартале 2019 финансового года» is
/// a fiscal year, not the calendar one.
fn calendar_year_after(tg: &Tagged, k: usize) -> (Option<i32>, Option<usize>, usize) {
    match trailing_year(tg, tg.skip_filler(k)) {
        (Some(y), Some(t), e)
            if tg.pack.bare_years
                || e > tg.skip_number_suffix(t)
                || !(tg.joined(e) && tg.tok(e).is_some_and(Token::is_word)) =>
        {
            (Some(y), Some(t), e)
        }
        // "the winter of nineteen ninety-four".
        (Some(y), None, e) => (Some(y), None, e),
        _ => (None, None, k),
    }
}

/// «летом 2025 года», «весной», «в конце лета», "in the summer of 2025". A season word
/// counts after a preposition, with a year, or in its adverbial form («летом»).
fn season(tg: &Tagged, j: usize, governed: bool) -> Option<Core> {
    // «этим летом», «прошлой зимой», "next spring".
    if let Some(shift) = tg.find(j, |w| match w {
        Word::SeasonShift(s) => Some(*s),
        _ => None,
    }) {
        let first_month = tg
            .find(j + 1, |w| match w {
                Word::Season { first_month, .. } => Some(*first_month),
                _ => None,
            })
            .filter(|_| tg.joined(j + 1));
        if let Some(first_month) = first_month {
            return Some(Core {
                attributive: false,
                value: TimeValue::RelativeSeason { first_month, shift },
                year_tok: None,
                day_month: None,
                weekday: None,
                ends: None,
                end: j + 2,
            });
        }
    }
    // "in the summer of 2025".
    let j = if governed { tg.skip_filler(j) } else { j };
    let (first_month, adverb) = tg.find(j, |w| match w {
        Word::Season {
            first_month,
            adverb,
        } => Some((*first_month, *adverb)),
        _ => None,
    })?;
    let (year, year_tok, end) = calendar_year_after(tg, j + 1);
    if !(governed || adverb || year.is_some()) {
        return None;
    }
    // "expected to fall further", "to spring a surprise": right after an infinitive's
    // marker, a season word without a year is the verb.
    let infinitive = j > 0
        && tg
            .folded(j - 1)
            .is_some_and(|f| tg.pack.is_infinitive_marker(f));
    if infinitive && year.is_none() {
        return None;
    }
    Some(Core {
        attributive: false,
        value: TimeValue::Season { year, first_month },
        year_tok,
        day_month: None,
        weekday: None,
        ends: None,
        end,
    })
}

/// «третий квартал 2025 года», «в 3-м квартале», «во II квартале», "the third quarter of
/// 2025", "Q3 2025".
fn quarter(tg: &Tagged, j: usize) -> Option<Core> {
    let numbered = tg.find(j, |w| match w {
        Word::QuarterOrdinal(q) => Some(*q),
        _ => None,
    });
    let compound = tg.find(j, |w| match w {
        Word::Quarter(q) => Some(*q),
        _ => None,
    });
    let (q, k, needs_word) = if let Some(q) = compound {
        (q, j + 1, false)
    } else if let Some(q) = numbered {
        (q, j + 1, true)
    } else if let Some((n, 1)) = tg.number(j).filter(|n| (1..=4).contains(&n.0)) {
        // «3-м квартале»; a bare «2 квартала» may count city blocks, so a bare digit
        // needs a year after the word («1 квартал 2025 года»).
        let after = tg.skip_number_suffix(j);
        let year_at = tg.skip_filler(after + 1);
        let year_after = tg.joined(after + 1)
            && tg.number(year_at).is_some_and(|y| y.1 == 4)
            && (tg.pack.bare_years || tg.after_year_word(year_at + 1).is_some());
        if after == j + 1 && !year_after {
            return None;
        }
        (n, after, true)
    } else if let Some((year, 4)) = tg
        .number(j)
        .filter(|_| tg.folded(j + 1) == Some("q") && tg.adjacent(j + 1) && tg.adjacent(j + 2))
    {
        // "2018Q4": the year glued to the letter and the number.
        let (n, digits) = tg.number(j + 2)?;
        let glued = tg.adjacent(j + 3)
            && tg
                .tok(j + 3)
                .is_some_and(|t| t.is_word() || t.number().is_some());
        if digits != 1 || !(1..=4).contains(&n) || glued {
            return None;
        }
        return Some(Core {
            attributive: false,
            value: TimeValue::Quarter {
                year: Some(year as i32),
                quarter: n,
            },
            year_tok: Some(j),
            day_month: None,
            weekday: None,
            ends: None,
            end: j + 3,
        });
    } else if tg.folded(j) == Some("q")
        && tg.adjacent(j + 1)
        && !(j > 0 && tg.adjacent(j) && tg.number(j - 1).is_some())
    {
        // "Q3": the letter glued to the number (not after one: "18q4" is some fiscal year's).
        let (n, digits) = tg.number(j + 1)?;
        (
            (digits == 1 && (1..=4).contains(&n)).then_some(n)?,
            j + 2,
            false,
        )
    } else {
        return None;
    };
    let k = if needs_word {
        if !tg.joined(k) || !tg.word(k).contains(&Word::QuarterWord) {
            return None;
        }
        k + 1
    } else {
        k
    };
    // «квартале 2025 года», "quarter of 2025".
    let (year, year_tok, end) = calendar_year_after(tg, k);
    Some(Core {
        attributive: false,
        value: TimeValue::Quarter { year, quarter: q },
        year_tok,
        day_month: None,
        weekday: None,
        ends: None,
        end,
    })
}

/// «между 1994 и 1997 годами», "between 1985 and 1987", "between March 3 and March 5": two
/// dates or years joined after «между». The order of the ends is not checked (no
/// `ends`): "between" names no direction.
fn between(tg: &Tagged, j: usize, first: Option<&Core>) -> Option<Core> {
    let year_at = |k: usize| {
        let n = tg
            .number(k)
            .filter(|n| n.1 == 4 && (1000..2200).contains(&n.0))?;
        let after = tg.skip_number_suffix(k);
        Some((n.0 as i32, tg.after_year_word(after).unwrap_or(after)))
    };
    let (from, k) = match first {
        Some(c) => (c.value.clone(), c.end),
        None => {
            let (y, k) = year_at(j)?;
            (
                TimeValue::Year {
                    year: y,
                    part: None,
                },
                k,
            )
        }
    };
    if !tg.joined(k) || !tg.word(k).contains(&Word::DateJoiner) || !tg.joined(k + 1) {
        return None;
    }
    let (to, year_tok, end) = match (&from, date(tg, k + 1)) {
        (TimeValue::Date { .. }, Some(c)) => (c.value, c.year_tok, c.end),
        (TimeValue::Year { .. }, _) => {
            let (y, end) = year_at(k + 1)?;
            // Without a year word, only where years stand bare ("between 1985 and 1987").
            if end == k + 2 && !tg.pack.bare_years {
                return None;
            }
            (
                TimeValue::Year {
                    year: y,
                    part: None,
                },
                Some(k + 1),
                end,
            )
        }
        _ => return None,
    };
    Some(Core {
        attributive: false,
        value: TimeValue::Range {
            from: Box::new(from),
            to: Box::new(to),
        },
        year_tok,
        day_month: None,
        weekday: None,
        ends: Some(((j, k), (k + 1, end))),
        end,
    })
}

/// «в январе–сентябре 2025 года», «с декабря 2024 по март 2025 года», "from January to
/// March 2025", "January-March": a range of whole months, the year written once or twice.
fn month_range(tg: &Tagged, j: usize, prep: Option<Prep>) -> Option<Core> {
    let m1 = tg.month(j)?;
    // A four-digit number right after a month is its year, a year word or not.
    let (y1, _, k) = trailing_year(tg, j + 1);
    let dash = tg.is_dash(k) && tg.joined(k);
    let from_to = prep == Some(Prep::From) && matches!(tg.prep(k), Some(Prep::To | Prep::Until));
    let second = k + 1;
    if !(dash || from_to) || !tg.joined(second) {
        return None;
    }
    let m2 = tg.month(second)?;
    let (y2, year_tok, end) = calendar_year_after(tg, second + 1);
    let month = |year, month| {
        Box::new(TimeValue::Month {
            year,
            month,
            part: None,
        })
    };
    // A year written only at the end is the first month's too, unless the months run over
    // New Year («с ноября по март 2025 года»).
    let y1 = y1.or_else(|| y2.map(|y| if m1 > m2 { y - 1 } else { y }));
    Some(Core {
        attributive: false,
        value: TimeValue::Range {
            from: month(y1, m1),
            to: month(y2, m2),
        },
        year_tok,
        day_month: None,
        weekday: None,
        ends: Some(((j, k), (second, end))),
        end,
    })
}

/// «15–20 мая», «с 15 по 20 мая», «с 28 февраля по 3 марта 2026 года», «2014–2016 годах»,
/// «с 2014 по 2016 год».
fn range(tg: &Tagged, j: usize, prep: Option<Prep>, first: Option<&Core>) -> Option<Core> {
    if prep == Some(Prep::Between) {
        return between(tg, j, first);
    }
    if let Some(c) = numeric_range(tg, j).or_else(|| month_first_range(tg, j)) {
        return Some(c);
    }
    let n1 = tg.number(j).unwrap_or((0, 0));
    // «42,31 — 10 января»: the decimals of a figure, then the day it is given for.
    let decimals = j >= 2
        && matches!(tg.punct(j - 1), Some(',' | '.'))
        && tg.adjacent(j - 1)
        && tg.adjacent(j)
        && tg.number(j - 2).is_some();
    // Dash ranges of days or years (not the dash of an ending: «с 28-го по 30 ноября»).
    if n1.1 > 0
        && !decimals
        && tg.is_dash(j + 1)
        && tg.joined(j + 2)
        && tg.skip_number_suffix(j) == j + 1
    {
        if let Some(n2) = tg.number(j + 2) {
            if let (Some(d1), Some(d2), Some(m)) = (as_day(n1), as_day(n2), tg.month(j + 3)) {
                if !tg.joined(j + 3) {
                    return None;
                }
                let (year, year_tok, end) = trailing_year(tg, j + 4);
                return Some(Core {
                    attributive: false,
                    value: TimeValue::Range {
                        from: Box::new(TimeValue::Date {
                            year,
                            month: m,
                            day: d1,
                        }),
                        to: Box::new(TimeValue::Date {
                            year,
                            month: m,
                            day: d2,
                        }),
                    },
                    year_tok,
                    day_month: None,
                    weekday: None,
                    ends: Some(((j, j + 1), (j + 2, j + 3))),
                    end,
                });
            }
            // «в 2014–2015 годах», «в 2014-15 годах», "in 2014-15": the second year may keep
            // only its last two digits, and must come after the first (never "2014-10").
            let second_year = match n2.1 {
                4 => Some(n2.0),
                2 if n2.0 > n1.0 % 100 => Some(n1.0 - n1.0 % 100 + n2.0),
                _ => None,
            };
            if let (4, Some(year2)) = (n1.1, second_year) {
                // Without a year word, only where years stand bare and a preposition governs.
                let end = match tg.after_year_word(j + 3) {
                    Some(end) => end,
                    None if tg.pack.bare_years && prep.is_some() && year2 > n1.0 => j + 3,
                    None => return None,
                };
                return Some(Core {
                    attributive: false,
                    value: TimeValue::Range {
                        from: Box::new(TimeValue::Year {
                            year: n1.0 as i32,
                            part: None,
                        }),
                        to: Box::new(TimeValue::Year {
                            year: year2 as i32,
                            part: None,
                        }),
                    },
                    year_tok: None,
                    day_month: None,
                    weekday: None,
                    ends: Some(((j, j + 1), (j + 2, j + 3))),
                    end,
                });
            }
        }
        return None;
    }
    // «13 июля – 15 июля»: two whole dates joined by a dash.
    if let Some(first) = first {
        if tg.is_dash(first.end) && tg.joined(first.end) && tg.joined(first.end + 1) {
            if let Some(second) = date(tg, first.end + 1) {
                if let (Some(a), Some(b)) = (first.day_month, second.day_month) {
                    return Some(Core {
                        attributive: false,
                        value: TimeValue::Range {
                            from: Box::new(first.value.clone()),
                            to: Box::new(second.value),
                        },
                        year_tok: second.year_tok.or(first.year_tok),
                        day_month: None,
                        weekday: None,
                        ends: Some((a, b)),
                        end: second.end,
                    });
                }
            }
        }
    }
    // «с X по Y»; "13th to 15th July" without "from" too, when the second end is a day and
    // month.
    if !matches!(prep, None | Some(Prep::From)) {
        return None;
    }
    // The first end: a bare day, a bare year, or a full date / month.
    let bare_from = first.is_none();
    let (from, after_from) = if let Some(c) = first {
        (c.value.clone(), c.end)
    } else if n1.1 == 4 && tg.prep(j + 1).is_some() {
        (
            TimeValue::Year {
                year: n1.0 as i32,
                part: None,
            },
            j + 1,
        )
    } else if let Some((day, after)) = day_at(tg, j).filter(|_| n1.1 > 0 && n1.1 <= 2) {
        // A bare day: its month comes from the second end.
        (
            TimeValue::Date {
                year: None,
                month: 0,
                day,
            },
            after,
        )
    } else {
        return None;
    };
    if !matches!(tg.prep(after_from), Some(Prep::To | Prep::Until)) || !tg.joined(after_from + 1) {
        return None;
    }
    let second = tg.skip_filler(after_from + 1);
    let to_core = date(tg, second).or_else(|| {
        let n = tg.number(after_from + 1)?;
        if n.1 != 4 {
            return None;
        }
        let end = tg.after_year_word(after_from + 2)?;
        Some(Core {
            attributive: false,
            value: TimeValue::Year {
                year: n.0 as i32,
                part: None,
            },
            year_tok: Some(after_from + 1),
            day_month: None,
            weekday: None,
            ends: None,
            end,
        })
    })?;
    // The written second end: its number alone when the first end is a bare number
    // («с 15 по 12 мая»), else its day and month.
    if prep.is_none() && to_core.day_month.is_none() {
        return None;
    }
    let to_end = match (bare_from, to_core.day_month) {
        (false, Some(dm)) => dm,
        _ => (second, tg.skip_number_suffix(second)),
    };
    let from = match (from, &to_core.value) {
        (
            TimeValue::Date {
                year: None,
                month: 0,
                day,
            },
            TimeValue::Date { year, month, .. },
        ) => TimeValue::Date {
            year: *year,
            month: *month,
            day,
        },
        (TimeValue::Date { month: 0, .. }, _) => return None,
        (TimeValue::Year { year, .. }, TimeValue::Year { .. }) => {
            TimeValue::Year { year, part: None }
        }
        (TimeValue::Year { .. }, _) => return None,
        (from, _) => from,
    };
    Some(Core {
        attributive: false,
        value: TimeValue::Range {
            from: Box::new(from),
            to: Box::new(to_core.value),
        },
        year_tok: to_core.year_tok,
        day_month: None,
        weekday: None,
        ends: Some(((j, after_from), to_end)),
        end: to_core.end,
    })
}

/// «14.10. по 15.10.2018», «14./15.10.2018», «14 - 15.10.18»: a day (and month) without a
/// year, then a numeric date whose year (and month) it shares.
fn numeric_range(tg: &Tagged, j: usize) -> Option<Core> {
    let day = as_day(tg.number(j).filter(|n| n.1 <= 2)?)?;
    let mut k = j + 1;
    let glued_stop = |k: usize| tg.punct(k) == Some('.') && tg.adjacent(k);
    if glued_stop(k) {
        k += 1;
    }
    let mut month = None;
    if k == j + 2 && tg.adjacent(k) {
        if let Some(m) = tg.number(k).filter(|n| n.1 <= 2 && (1..=12).contains(&n.0)) {
            month = Some(m.0);
            k += 1;
            if glued_stop(k) {
                k += 1;
            }
        }
    }
    let first_end = k;
    // The joint: a dash, a slash, or «по».
    let slash = tg.punct(k) == Some('/');
    if !(tg.is_dash(k) || slash || matches!(tg.prep(k), Some(Prep::To | Prep::Until))) {
        return None;
    }
    // «14./15.10.2018» is written glued; a bare «14/15» is a fraction or a score.
    if slash && !(first_end > j + 1 && tg.adjacent(k) && tg.adjacent(k + 1)) {
        return None;
    }
    if !tg.joined(k + 1) {
        return None;
    }
    let dotted = first_end > j + 1;
    let second = date(tg, k + 1).or_else(|| day_month_numeric(tg, k + 1, dotted))?;
    let TimeValue::Date {
        year, month: m2, ..
    } = second.value
    else {
        return None;
    };
    if second.day_month.is_some() {
        return None; // Only numeric second ends: «14 по 15 октября 2018» is read elsewhere.
    }
    Some(Core {
        attributive: false,
        value: TimeValue::Range {
            from: Box::new(TimeValue::Date {
                // «28.12. – 03.01.2019»: the first end is in the year before.
                year: year.map(|y| y - i32::from(month.is_some_and(|m| m > m2))),
                month: month.unwrap_or(m2),
                day,
            }),
            to: Box::new(second.value),
        },
        year_tok: second.year_tok,
        day_month: None,
        weekday: None,
        // The ends a swap would exchange: day and month, never the shared year.
        ends: Some((
            (j, if month.is_some() { j + 3 } else { j + 1 }),
            (k + 1, if month.is_some() { k + 4 } else { k + 2 }),
        )),
        end: second.end,
    })
}

/// «15.10.» or «15.10» closing a numeric range with no year («14. - 15.10.»): a day and a
/// month glued by a full stop, marked as a date by a stop after it or after the first end.
fn day_month_numeric(tg: &Tagged, k: usize, first_dotted: bool) -> Option<Core> {
    let d = tg
        .number(k)
        .filter(|n| n.1 <= 2 && (1..=31).contains(&n.0))?;
    if !(tg.punct(k + 1) == Some('.') && tg.adjacent(k + 1) && tg.adjacent(k + 2)) {
        return None;
    }
    let m = tg
        .number(k + 2)
        .filter(|n| n.1 <= 2 && (1..=12).contains(&n.0))?;
    let stop_after = tg.punct(k + 3) == Some('.') && tg.adjacent(k + 3);
    // «15.10.18» is a whole date, «15.10.2» something else.
    if stop_after && tg.adjacent(k + 4) && tg.number(k + 4).is_some() {
        return None;
    }
    if !(stop_after || first_dotted) {
        return None;
    }
    Some(Core {
        attributive: false,
        value: TimeValue::Date {
            year: None,
            month: m.0,
            day: d.0,
        },
        year_tok: None,
        day_month: None,
        weekday: None,
        ends: None,
        end: if stop_after { k + 4 } else { k + 3 },
    })
}

/// "July 13-15", "August 27th - 29th", "July 13 to 15": a month-first date, then a second day
/// of the same month.
fn month_first_range(tg: &Tagged, j: usize) -> Option<Core> {
    let month = tg.month(j)?;
    let first = month_first_date(tg, j, month)?;
    let TimeValue::Date {
        year: None, day, ..
    } = first.value
    else {
        return None;
    };
    let k = first.end;
    let dash = tg.is_dash(k);
    if !(dash || matches!(tg.prep(k), Some(Prep::To))) || !tg.joined(k + 1) {
        return None;
    }
    let (day2, after) = day_at(tg, k + 1).filter(|_| tg.number(k + 1).is_some())?;
    // "July 13 to 15 percent": a word after the second number continues something else.
    if !dash && tg.joined(after) && tg.tok(after).is_some_and(|t| t.is_word()) {
        return None;
    }
    if tg.month(after).is_some() || day2 <= day {
        return None;
    }
    let (year, year_tok, end) = match (tg.punct(after), tg.joined(after + 1)) {
        (Some(','), true) => match trailing_year(tg, after + 1) {
            (Some(y), t, e) => (Some(y), t, e),
            _ => (None, None, after),
        },
        _ => trailing_year(tg, after),
    };
    let date = |d| {
        Box::new(TimeValue::Date {
            year,
            month,
            day: d,
        })
    };
    Some(Core {
        attributive: false,
        value: TimeValue::Range {
            from: date(day),
            to: date(day2),
        },
        year_tok,
        day_month: None,
        weekday: None,
        ends: Some(((j, k), (k + 1, after))),
        end,
    })
}

/// An optional year after a month: «2026», «2026 года», «2026 г.».
fn trailing_year(tg: &Tagged, k: usize) -> (Option<i32>, Option<usize>, usize) {
    if tg.joined(k) {
        if let Some(n) = tg.number(k) {
            if n.1 == 4 {
                let after = tg.skip_number_suffix(k);
                let end = tg.after_year_word(after).unwrap_or(after);
                return (Some(n.0 as i32), Some(k), end);
            }
        }
        // "January nineteen ninety-seven".
        if let Some((year, end)) = spelled_year(tg, k) {
            return (Some(year), None, end);
        }
    }
    (None, None, k)
}

/// A year said in words, as broadcasts write it: "nineteen ninety-six", "nineteen seventy
/// nine", "twenty twenty-five" (the hundreds as one number from ten to twenty, then a number
/// from ten to ninety-nine). Only where the language reads bare years.
fn spelled_year(tg: &Tagged, j: usize) -> Option<(i32, usize)> {
    if !tg.pack.bare_years {
        return None;
    }
    let hundreds = tg
        .cardinal(j)
        .filter(|c| c % 10 == 0 && (100..=200).contains(c))?
        / 10;
    if !tg.joined(j + 1) {
        return None;
    }
    let (rest, end) = match tg.hyphenated(j + 1) {
        Some(Hyphenated::Number(n)) => (n as u32, j + 2),
        _ => {
            let tens = tg.cardinal(j + 1).filter(|c| c % 10 == 0)? / 10;
            match tg
                .cardinal(j + 2)
                .filter(|c| c % 10 == 0 && (10..=90).contains(c))
            {
                // "nineteen seventy nine".
                Some(units) if tens % 10 == 0 && tens >= 20 && tg.joined(j + 2) => {
                    (tens + units / 10, j + 3)
                }
                _ => (tens, j + 2),
            }
        }
    };
    (10..=99)
        .contains(&rest)
        .then_some(((hundreds * 100 + rest) as i32, end))
}

/// «6 января [2026 года]», «6-го января», «06.01.2026», «2026-01-06».
fn date(tg: &Tagged, j: usize) -> Option<Core> {
    if let Some(month) = tg.month(j) {
        return month_first_date(tg, j, month);
    }
    let Some(n1) = tg.number(j) else {
        // «шестого января», «двадцать пятое мая».
        let (day, k) = day_at(tg, j)?;
        let k = tg.skip_filler(k);
        let month = tg.month(k).filter(|_| tg.joined(k))?;
        let (year, year_tok, end) = trailing_year(tg, k + 1);
        return Some(Core {
            attributive: false,
            value: TimeValue::Date { year, month, day },
            year_tok,
            day_month: Some((j, k + 1)),
            weekday: None,
            ends: None,
            end,
        });
    };
    // «31-Oct-74», «31/Oct/1974»: a day, the month's name and a year glued by the same
    // hyphen or slash.
    if let (Some('-' | '/'), true, true, Some(month), Some((yy, digits))) = (
        tg.punct(j + 1),
        (j + 1..=j + 4).all(|k| tg.adjacent(k)),
        tg.punct(j + 3) == tg.punct(j + 1) && n1.1 <= 2,
        tg.month(j + 2),
        tg.number(j + 4),
    ) {
        // A further glued number or separator means something else.
        if !matches!(digits, 2 | 4)
            || !(1..=31).contains(&n1.0)
            || tg.adjacent(j + 5)
                && (tg.number(j + 5).is_some() || matches!(tg.punct(j + 5), Some('-' | '/')))
        {
            return None;
        }
        let year = match (digits, yy) {
            (2, yy) if yy < 50 => 2000 + yy as i32,
            (2, yy) => 1900 + yy as i32,
            (_, yyyy) => yyyy as i32,
        };
        return Some(Core {
            attributive: false,
            value: TimeValue::Date {
                year: Some(year),
                month,
                day: n1.0,
            },
            year_tok: Some(j + 4),
            day_month: None,
            weekday: None,
            ends: None,
            end: j + 5,
        });
    }
    // Numeric forms, all glued together.
    if matches!(tg.punct(j + 1), Some('.' | '-' | '/'))
        && tg.adjacent(j + 1)
        && tg.adjacent(j + 2)
        && tg.adjacent(j + 3)
        && tg.adjacent(j + 4)
        && tg.punct(j + 3) == tg.punct(j + 1)
    {
        let sep = tg.punct(j + 1)?;
        let n2 = tg.number(j + 2)?;
        let n3 = tg.number(j + 4)?;
        // A further glued number or separator means something else (an IP, a version).
        if tg.adjacent(j + 5)
            && (tg.number(j + 5).is_some()
                || matches!(tg.punct(j + 5), Some('.' | '-' | '/'))
                    && tg.number(j + 6).is_some()
                    && tg.adjacent(j + 6))
        {
            return None;
        }
        let (y, m, d, year_tok) = if sep == '-' && n1.1 == 4 && n2.1 <= 2 && n3.1 <= 2 {
            (n1.0 as i32, n2.0, n3.0, j)
        } else if sep != '-' && n1.1 <= 2 && n2.1 <= 2 && (n3.1 == 4 || n3.1 == 2) {
            let (d, m) = match tg.pack.numeric_date_order {
                crate::language::DateOrder::Dmy => (n1.0, n2.0),
                crate::language::DateOrder::Mdy => (n2.0, n1.0),
            };
            // Two-digit years pivot at 50: «31.10.74» is 1974, «06.01.26» is 2026.
            let y = match (n3.1, n3.0) {
                (2, yy) if yy < 50 => 2000 + yy as i32,
                (2, yy) => 1900 + yy as i32,
                (_, yyyy) => yyyy as i32,
            };
            (y, m, d, j + 4)
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        return Some(Core {
            attributive: false,
            value: TimeValue::Date {
                year: Some(y),
                month: m,
                day: d,
            },
            year_tok: Some(year_tok),
            day_month: None,
            weekday: None,
            ends: None,
            end: j + 5,
        });
    }
    // «2014-10»: an ISO year and month, the month in two digits and no later than the
    // year's last two ("2010-12" is 2010–2012, "2009-10" a season), glued to nothing else.
    if n1.1 == 4 && tg.punct(j + 1) == Some('-') && tg.adjacent(j + 1) && tg.adjacent(j + 2) {
        let (m, digits) = tg.number(j + 2)?;
        // Glued to a word or number, or to a separator and a number ("2014-10.5").
        let glued = |k: usize| {
            tg.adjacent(k)
                && (tg
                    .tok(k)
                    .is_some_and(|t| t.is_word() || t.number().is_some())
                    || matches!(tg.punct(k), Some('-' | '/' | '.' | ':'))
                        && tg.adjacent(k + 1)
                        && tg.number(k + 1).is_some())
        };
        let glued_before = j > 0
            && tg.adjacent(j)
            && (tg
                .tok(j - 1)
                .is_some_and(|t| t.is_word() || t.number().is_some())
                || matches!(tg.punct(j - 1), Some('-' | '/' | '.' | ':')));
        if digits != 2 || !(1..=12).contains(&m) || m > n1.0 % 100 || glued(j + 3) || glued_before {
            return None;
        }
        return Some(Core {
            attributive: false,
            value: TimeValue::Month {
                year: Some(n1.0 as i32),
                month: m,
                part: None,
            },
            year_tok: Some(j),
            day_month: None,
            weekday: None,
            ends: None,
            end: j + 3,
        });
    }
    let (day, k) = day_at(tg, j)?;
    let k = tg.skip_filler(k);
    if !tg.joined(k) {
        return None;
    }
    let month = tg.month(k)?;
    // An abbreviation's full stop before the year: «3 мар. 2015».
    let after_month = if tg.punct(k + 1) == Some('.')
        && tg.adjacent(k + 1)
        && tg.number(k + 2).is_some_and(|n| n.1 == 4)
    {
        k + 2
    } else {
        k + 1
    };
    let (year, year_tok, end) = match trailing_year(tg, after_month) {
        (Some(y), t, e) => (Some(y), t, e),
        _ => trailing_year(tg, k + 1),
    };
    Some(Core {
        attributive: false,
        value: TimeValue::Date { year, month, day },
        year_tok,
        day_month: Some((j, k + 1)),
        weekday: None,
        ends: None,
        end,
    })
}

/// «January 7, 2026», «Jan. 7», «January 7th».
fn month_first_date(tg: &Tagged, j: usize, month: u32) -> Option<Core> {
    // An abbreviation's full stop: «Jan. 7».
    let mut k = j + 1;
    if tg.punct(k) == Some('.') && tg.adjacent(k) {
        k += 1;
    }
    if tg.is_filler(k) && tg.joined(k + 1) {
        k += 1; // «February the 15th»
    }
    if !tg.joined(k) {
        return None;
    }
    let (day, after_day) = day_at(tg, k)?;
    // «, 2026» or « 2026».
    let year_at = if tg.punct(after_day) == Some(',') && tg.joined(after_day + 1) {
        after_day + 1
    } else {
        after_day
    };
    let (year, year_tok, end) = match trailing_year(tg, year_at) {
        (Some(y), t, e) => (Some(y), t, e),
        _ => (None, None, after_day),
    };
    Some(Core {
        attributive: false,
        value: TimeValue::Date { year, month, day },
        year_tok,
        day_month: Some((j, after_day)),
        weekday: None,
        ends: None,
        end,
    })
}

/// A day of month at `j`: a number («6», «6-го») or an ordinal word, alone or after a tens
/// word («шестого», «двадцать пятое»). Returns the day and the index after it.
fn day_at(tg: &Tagged, j: usize) -> Option<(u32, usize)> {
    if let Some(n) = tg.number(j) {
        return Some((as_day(n)?, tg.skip_number_suffix(j)));
    }
    if let Some(d) = tg.ordinal(j) {
        return Some((d, j + 1));
    }
    let tens = tg.cardinal(j).filter(|c| *c == 200 || *c == 300)? / 10;
    let units = tg
        .ordinal(j + 1)
        .filter(|u| (1..=9).contains(u) && tg.joined(j + 1))?;
    Some((tens + units, j + 2))
}

/// «январь 2026», «декабря 2026 года», «2025 году», «2025-м», with a part when given.
fn month_or_year(tg: &Tagged, j: usize, part: Option<Part>, governed: bool) -> Option<Core> {
    // "last April", "this September", "next March".
    if part.is_none() && tg.joined(j + 1) {
        let shift = tg.find(j, |w| match w {
            Word::WeekdayShift(s) => Some(*s),
            _ => None,
        });
        // The month written with a capital: "this May", never "this may happen". Looked at
        // only after a shift word.
        let capital = || {
            tg.tok(j + 1)
                .is_some_and(|t| t.text(tg.source).starts_with(char::is_uppercase))
        };
        if let (Some(shift), Some(month), true) = (
            shift,
            shift.and_then(|_| tg.month(j + 1)),
            shift.is_some() && capital(),
        ) {
            // A year after it names the month outright ("last April 2025" is rare; leave it).
            if trailing_year(tg, j + 2).0.is_none() {
                return Some(Core {
                    attributive: false,
                    value: TimeValue::RelativeMonth { month, shift },
                    year_tok: None,
                    day_month: None,
                    weekday: None,
                    ends: None,
                    end: j + 2,
                });
            }
        }
    }
    let month_part = tg.find(j, |w| match w {
        Word::MonthPart(p, m) => Some((*p, *m)),
        _ => None,
    });
    let (part, month) = match month_part {
        Some((p, m)) => (Some(p), Some(m)),
        None => (part, tg.month(j)),
    };
    if let Some(month) = month {
        let (year, year_tok, end) = trailing_year(tg, j + 1);
        // "a June agreement", "the October slaying": a month written with a capital between a
        // determiner and a lower-case word dates that noun.
        let attributive = tg.pack.bare_years
            && part.is_none()
            && year.is_none()
            && !governed
            && determiner_before(tg, j)
            && tg.tokens[j].text(tg.source).starts_with(char::is_uppercase)
            && tg.joined(j + 1)
            && tg
                .tok(j + 1)
                .is_some_and(|t| t.is_word() && t.text(tg.source).starts_with(char::is_lowercase));
        return Some(Core {
            attributive,
            value: TimeValue::Month { year, month, part },
            year_tok,
            day_month: None,
            weekday: None,
            ends: None,
            end,
        });
    }
    if let Some(d) = decade(tg, j, part) {
        return Some(d);
    }
    let Some(n) = tg.number(j) else {
        // "in nineteen ninety-six", "a nineteen ninety-seven attack": a year in words, where
        // a written one could stand.
        let (year, end) = spelled_year(tg, j).filter(|&(_, end)| {
            governed || determiner_before(tg, j) && tg.tok(end).is_some_and(Token::is_word)
        })?;
        return Some(Core {
            attributive: !governed,
            value: TimeValue::Year { year, part },
            year_tok: None,
            day_month: None,
            weekday: None,
            ends: None,
            end,
        });
    };
    // «3 года» is three years, not the year 3: a year has at least three digits.
    let year = as_year(n).filter(|_| n.1 >= 3)?;
    let after = tg.skip_number_suffix(j);
    let (end, attributive) = match tg.after_year_word(after) {
        Some(end) => (end, false),
        // «в 2025-м» without «году»: the suffix alone marks the year.
        None if after > j + 1 && n.1 == 4 => (after, false),
        // «in 2025», «since 2014»: in languages that write no year word.
        None if tg.pack.bare_years && governed && n.1 == 4 && (1000..2200).contains(&n.0) => {
            (after, false)
        }
        // "the 1996 campaign", "its 1990 invasion": a year before the noun it dates.
        None if tg.pack.bare_years && after == j + 1 && attributive_year(tg, j, n) => (after, true),
        // "the first nine months of 1997": a year after "of" dates the noun before it.
        None if tg.pack.bare_years && after == j + 1 && year_after_of(tg, j, n) => (after, true),
        // «в 2019 и 2020 годах», «в 2017, 2018 и 2020 годах»: listed before a year with its word.
        None if n.1 == 4 && listed_before_year(tg, after) => (after, false),
        None => return None,
    };
    Some(Core {
        attributive,
        value: TimeValue::Year { year, part },
        year_tok: Some(j),
        day_month: None,
        weekday: None,
        ends: None,
        end,
    })
}

/// «в 1990-е годы», «в конце 1980-х», "the late 1970s", "the '80s": a year ending in 0 with a
/// decade ending of the language. A two-digit decade needs its year word after it or an
/// apostrophe before it, and is read from the 1930s to the 1990s only.
fn decade(tg: &Tagged, j: usize, part: Option<Part>) -> Option<Core> {
    let n = tg.number(j)?;
    if n.0 % 10 != 0 {
        return None;
    }
    // The ending, glued ("1970s") or after a hyphen («1990-х»).
    let suffix = if tg.punct(j + 1) == Some('-') && tg.adjacent(j + 1) {
        j + 2
    } else {
        j + 1
    };
    let is_decade_suffix = tg.adjacent(suffix)
        && tg
            .folded(suffix)
            .is_some_and(|f| tg.pack.is_decade_suffix(f));
    if !is_decade_suffix {
        return None;
    }
    let year_word_end = tg.after_year_word(suffix + 1);
    let start = match n.1 {
        4 => i32::try_from(n.0).ok()?,
        2 if (30..=90).contains(&n.0) => {
            let apostrophe = j > 0 && tg.adjacent(j) && matches!(tg.punct(j - 1), Some('\'' | '’'));
            if year_word_end.is_none() && !apostrophe {
                return None;
            }
            1900 + i32::try_from(n.0).ok()?
        }
        _ => return None,
    };
    Some(Core {
        attributive: false,
        value: TimeValue::Decade { start, part },
        year_tok: None,
        day_month: None,
        weekday: None,
        ends: None,
        end: year_word_end.unwrap_or(suffix + 1),
    })
}

/// At `k`: a joiner or comma, then four-digit numbers so joined, the last with a year
/// word («и 2020 годах», «, 2018 и 2020 годах»).
fn listed_before_year(tg: &Tagged, mut k: usize) -> bool {
    for _ in 0..6 {
        let joins = tg.punct(k) == Some(',') || tg.word(k).contains(&Word::DateJoiner);
        if !joins || !tg.joined(k + 1) || tg.number(k + 1).is_none_or(|n| n.1 != 4) {
            return false;
        }
        if tg.after_year_word(tg.skip_number_suffix(k + 1)).is_some() {
            return true;
        }
        k += 2;
    }
    false
}

/// A bare four-digit number 1900–2099 after "of" that ends the phrase (a stop, a comma or a
/// joiner after it): "the first nine months of 1997.", never "of 2000 people".
fn year_after_of(tg: &Tagged, j: usize, n: (u32, u8)) -> bool {
    let of_before = j > 0
        && tg.joined(j)
        && tg
            .tok(j - 1)
            .is_some_and(|t| t.is_word() && tg.pack.is_year_of_word(t.text(tg.source)));
    let phrase_ends = !tg.joined(j + 1)
        || tg.punct(j + 1).is_some()
        || tg.word(j + 1).contains(&Word::DateJoiner);
    n.1 == 4 && (1900..2100).contains(&n.0) && of_before && phrase_ends
}

/// A bare four-digit number 1900–2099 after a determiner or a possessive and before a word:
/// "the 1996 campaign", "its 1990 invasion", "the company's 1989 results", "A 1996 law". Not
/// after a name ("Windows 2000"), a verb ("cost 2000 dollars") or a figure.
fn attributive_year(tg: &Tagged, j: usize, n: (u32, u8)) -> bool {
    let word_after = tg.joined(j + 1) && tg.tok(j + 1).is_some_and(Token::is_word);
    n.1 == 4 && (1900..2100).contains(&n.0) && determiner_before(tg, j) && word_after
}

/// Whether a determiner or a possessive stands right before `j` ("the", "its", "Kopp's"). A
/// capital only where the sentence opens ("A 1996 law"), or on a name's possessive
/// ("Navigation Mixte's 1989 profit").
fn determiner_before(tg: &Tagged, j: usize) -> bool {
    let opens_sentence = |k: usize| {
        k == 0
            || tg.tokens[k].segment_start
            || matches!(tg.punct(k - 1), Some('.' | '!' | '?' | '"' | '“'))
    };
    j > 0
        && tg.joined(j)
        && tg.tok(j - 1).is_some_and(|t| {
            let w = t.text(tg.source);
            let lower = w.starts_with(|c: char| c.is_lowercase());
            t.is_word()
                && ((lower || opens_sentence(j - 1)) && tg.pack.is_year_determiner(w)
                    || tg
                        .folded(j - 1)
                        .or(Some(w))
                        .is_some_and(|f| tg.pack.possessive_len(f).is_some()))
        })
}

/// «во вторник», «в прошлую пятницу», «вторник, 6 января».
fn weekday(tg: &Tagged, j: usize, prep: Option<Prep>, found: &[Temporal]) -> Option<Core> {
    let (shift, k) = match tg.word(j).iter().find_map(|w| match w {
        Word::WeekdayShift(s) => Some(*s),
        _ => None,
    }) {
        Some(s) if tg.joined(j + 1) => (Some(s), j + 1),
        _ => (None, j),
    };
    let weekday = tg.weekday(k)?;
    // "Wednesday after next", «середу після наступної».
    if let Some((Phrase::AfterNext, after)) = tg
        .phrase(k + 1)
        .filter(|_| shift.is_none() && tg.joined(k + 1))
    {
        return Some(Core {
            attributive: false,
            value: TimeValue::WeekdayAfterNext { weekday },
            year_tok: None,
            day_month: None,
            weekday: Some((j, k + 1)),
            ends: None,
            end: after,
        });
    }
    // «во вторник на следующей неделе», «середа наступного тижня», "Monday next week": the
    // week is named after the day.
    let week_at = tg.skip_filler(k + 1); // "Wednesday of next week"
    if shift.is_none() && tg.joined(k + 1) && tg.joined(week_at) {
        if let Some((Phrase::RelativePeriod(crate::language::Unit::Week, offset), after)) =
            tg.phrase(week_at)
        {
            return Some(Core {
                attributive: false,
                value: TimeValue::Weekday {
                    weekday,
                    shift: Some(offset),
                },
                year_tok: None,
                day_month: None,
                weekday: Some((j, k + 1)),
                ends: None,
                end: after,
            });
        }
    }
    if prep.is_none() && shift.is_none() {
        // A bare weekday name counts only beside a date: «вторник, 6 января» or
        // «6 января, вторник».
        let next = if tg.punct(k + 1) == Some(',') {
            k + 2
        } else {
            k + 1
        };
        let date_follows = tg.joined(next) && tg.number(next).is_some();
        // "said Friday": where the language writes weekdays with a capital, the name alone
        // — capitalised, or written in full ("friday"; "sun" and "sat" only as "Sun", "Sat").
        let capitalised = tg.pack.bare_weekdays
            && tg.tok(k).is_some_and(|t| {
                let w = t.text(tg.source);
                w.starts_with(char::is_uppercase) || w.len() >= 6
            });
        let date_precedes = found.last().is_some_and(|t| {
            let end = t.tokens.end;
            (end == j || (end + 1 == j && matches!(tg.punct(end), Some(',' | '('))))
                && t.written_date().is_some()
        });
        // «Понедельник начался с обстрелов»: the day as the subject of its sentence.
        let subject =
            tg.opens_sentence(j) && tg.folded(k).is_some_and(|f| tg.pack.is_weekday_subject(f));
        if !date_follows && !date_precedes && !capitalised && !subject {
            return None;
        }
    }
    Some(Core {
        attributive: false,
        value: TimeValue::Weekday { weekday, shift },
        year_tok: None,
        day_month: None,
        weekday: Some((j, k + 1)),
        ends: None,
        end: k + 1,
    })
}

/// «на выходных», «в минувшие выходные», "last weekend", "over the weekend": a weekend
/// named by its place, or alone after a preposition or "the". Not «выходные дни» (days
/// off in general).
fn weekend(tg: &Tagged, j: usize, governed: bool) -> Option<Core> {
    let k = tg.skip_filler(j);
    let filler = k > j;
    let shift = tg.find(k, |w| match w {
        Word::WeekendShift(s) => Some(*s),
        _ => None,
    });
    let w = if shift.is_some() { k + 1 } else { k };
    if !tg.joined(w) || !tg.word(w).contains(&Word::Weekend) {
        return None;
    }
    if shift.is_none() && !governed && !filler {
        return None;
    }
    // «выходные дни»: a noun after it makes it an adjective.
    if tg.joined(w + 1) && tg.word(w + 1).contains(&Word::NotAfterWeekend) {
        return None;
    }
    Some(Core {
        attributive: false,
        value: TimeValue::Weekend { shift },
        year_tok: None,
        day_month: None,
        weekday: None,
        ends: None,
        end: w + 1,
    })
}

/// «вчера», «сегодня»; «накануне» only when it stands alone.
fn relative_day(tg: &Tagged, j: usize) -> Option<Core> {
    let value = tg.word(j).iter().find_map(|w| match w {
        Word::RelativeDay(d) => Some(*d),
        Word::StandaloneRelativeDay(d) => {
            let alone = match tg.tok(j + 1) {
                None => true,
                Some(t) if t.segment_start => true,
                Some(t) => matches!(
                    t.kind,
                    TokenKind::Punct(',' | '.' | ';' | ':' | '—' | '–' | '!' | '?')
                ),
            };
            alone.then_some(*d)
        }
        _ => None,
    })?;
    Some(Core {
        attributive: false,
        value: TimeValue::RelativeDay(value),
        year_tok: None,
        day_month: None,
        weekday: None,
        ends: None,
        end: j + 1,
    })
}

/// Extracts stated ages: a number glued by a hyphen to an age word («62-летний»).
fn ages_in(tg: &Tagged, text: &Text) -> Vec<Age> {
    let mut out = Vec::new();
    for i in tg.starts.iter().map(|&s| s as usize) {
        let Some((years, digits)) = tg.number(i) else {
            continue;
        };
        let glued = tg.punct(i + 1) == Some('-') && tg.adjacent(i + 1) && tg.adjacent(i + 2);
        if digits <= 3 && glued && tg.word(i + 2).contains(&Word::AgeWord) {
            out.push(Age {
                span: tg.tokens[i].start..tg.tokens[i + 2].end,
                tokens: i..i + 3,
                sentence: text.sentence_of(i),
                years,
                name_before: None,
            });
        } else if tg.pack.bracket_ages
            && i >= 2
            && tg.punct(i - 1) == Some('(')
            && digits <= 3
            && (1..=120).contains(&years)
            && tg.punct(i + 2) == Some(')')
            && tg
                .word(i + 1)
                .iter()
                .any(|w| matches!(w, Word::DurationUnit(TimeUnit::Year, 1)))
        {
            // «Виктор Лебедев (45 лет)»: the number and its unit in brackets after a name.
            if let Some(name) = name_before(tg, text, i - 1) {
                out.push(Age {
                    span: tg.tokens[i].start..tg.tokens[i + 1].end,
                    tokens: i..i + 2,
                    sentence: text.sentence_of(i),
                    years,
                    name_before: Some(name),
                });
            }
        } else if tg.pack.appositive_ages && digits <= 3 && (1..=120).contains(&years) {
            if let Some(name) = name_before_age(tg, text, i) {
                out.push(Age {
                    span: tg.tokens[i].start..tg.tokens[i].end,
                    tokens: i..i + 1,
                    sentence: text.sentence_of(i),
                    years,
                    name_before: Some(name),
                });
            }
        }
    }
    out
}

/// "Mark Rutte, 59, said": the capitalised name (up to three words) before the comma that
/// precedes the number at `i`, when a comma and a lowercase word other than a coordinator
/// follow it.
fn name_before_age(tg: &Tagged, text: &Text, i: usize) -> Option<std::ops::Range<usize>> {
    let word = |k: usize| {
        tg.tokens
            .get(k)
            .filter(|t| t.is_word())
            .map(|t| t.text(tg.source))
    };
    if i < 2 || tg.punct(i - 1) != Some(',') || tg.punct(i + 1) != Some(',') {
        return None;
    }
    let next = word(i + 2)?;
    if !next.chars().next().is_some_and(char::is_lowercase) || tg.pack.is_coordinator(next) {
        return None;
    }
    name_before(tg, text, i - 1)
}

/// The capitalised name (up to three words, none a calendar or number word) right before the
/// punctuation at `p` («Mark Rutte,», «Виктор Лебедев (»), in its sentence.
fn name_before(tg: &Tagged, text: &Text, p: usize) -> Option<std::ops::Range<usize>> {
    let capitalised = |k: usize| {
        tg.tokens.get(k).filter(|t| t.is_word()).is_some_and(|t| {
            let w = t.text(tg.source);
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
        })
    };
    let sentence = text.sentence_of(p);
    let mut first = p;
    while first > 0
        && p - first < 3
        && capitalised(first - 1)
        && text.sentence_of(first - 1) == sentence
        && tg.word(first - 1).is_empty()
    {
        first -= 1;
    }
    (first < p).then_some(first..p)
}

/// A count before a unit: digits («4», «25») or number words («четыре», «двадцать пять»).
/// Returns the count and the index after it.
pub(crate) fn count_at(tg: &Tagged, j: usize) -> Option<(f64, usize)> {
    if let Some((value, digits)) = tg.number(j) {
        // Four digits before «года» are a year, not a count.
        return (digits <= 3).then_some((value as f64, j + 1));
    }
    let first = tg.cardinal(j)?;
    if first % 100 == 0 && (200..1000).contains(&first) {
        if let Some(units) = tg
            .cardinal(j + 1)
            .filter(|u| (10..=90).contains(u) && u % 10 == 0 && tg.joined(j + 1))
        {
            return Some(((first + units) as f64 / 10.0, j + 2));
        }
    }
    Some((first as f64 / 10.0, j + 1))
}

/// «3.5 месяца», «2,5 года»: a number with one or two decimals glued on, before a unit of
/// time.
fn decimal_at(tg: &Tagged, j: usize) -> Option<(f64, usize)> {
    let (whole, _) = tg.number(j).filter(|n| n.1 <= 3)?;
    if !(matches!(tg.punct(j + 1), Some('.' | ',')) && tg.adjacent(j + 1) && tg.adjacent(j + 2)) {
        return None;
    }
    let (frac, frac_digits) = tg.number(j + 2).filter(|n| (1..=2).contains(&n.1))?;
    tg.duration_unit(j + 3)?;
    Some((
        whole as f64 + frac as f64 / 10f64.powi(frac_digits as i32),
        j + 3,
    ))
}

/// A hyphenated word durations read: an adjective of length or a number.
#[derive(Debug, Clone, Copy)]
enum Hyphenated {
    /// "two-year", "52-week" (digits are tokens of their own), "day-long": the count in
    /// units and the unit.
    Length(f64, TimeUnit),
    /// "twenty-four".
    Number(f64),
}

/// The value of number words: one cardinal («five») or tens and units («twenty», «four»);
/// never a count that is also an article ("a", "an").
fn number_of_words(pack: &LanguagePack, words: &[&str]) -> Option<f64> {
    let cardinal = |w: &str| {
        if pack.duration_words.rate_counts.contains(w) {
            return None;
        }
        pack.entry(w)?.words.iter().find_map(|x| match x {
            Word::Cardinal(c) => Some(*c),
            _ => None,
        })
    };
    match words {
        [one] => Some(cardinal(one)? as f64 / 10.0),
        [tens, units] => {
            let (t, u) = (cardinal(tens)?, cardinal(units)?);
            let tens = (200..=900).contains(&t) && t % 100 == 0;
            (tens && (10..=90).contains(&u) && u % 10 == 0).then(|| (t + u) as f64 / 10.0)
        }
        _ => None,
    }
}

/// Reads a hyphenated word: "two-year", "twenty-four-hour", "day-long", "twenty-four".
fn hyphenated_word(pack: &LanguagePack, text: &str) -> Option<Hyphenated> {
    let folded = crate::language::fold(text);
    let parts: Vec<&str> = folded.split('-').collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let unit_of = |w: &str| {
        pack.entry(w)?.words.iter().find_map(|x| match x {
            Word::DurationUnit(u, per) => Some((*u, *per)),
            _ => None,
        })
    };
    if pack.duration_words.length_words.contains(&folded) {
        let (unit, per) = unit_of(parts[0])?;
        return Some(Hyphenated::Length(per as f64, unit));
    }
    if let Some(n) = number_of_words(pack, &parts) {
        return Some(Hyphenated::Number(n));
    }
    let (last, count) = parts.split_last()?;
    let (unit, per) = unit_of(last)?;
    Some(Hyphenated::Length(
        number_of_words(pack, count)? * per as f64,
        unit,
    ))
}

/// Extracts every duration («почти четыре года», «более двух недель», «три года назад»,
/// «через неделю», «пять часов», "a two-year term") outside the time expressions already
/// found. A count of hours that is a time of day («в 15 часов», «2 часа ночи») is none.
pub fn durations(
    source: &str,
    text: &Text,
    pack: &LanguagePack,
    temporals: &[Temporal],
) -> Vec<Duration> {
    durations_in(&Tagged::new(source, &text.tokens, pack), text, temporals)
}

fn durations_in(tg: &Tagged, text: &Text, temporals: &[Temporal]) -> Vec<Duration> {
    let mut taken = vec![false; tg.tokens.len()];
    for t in temporals {
        for k in t.tokens.clone() {
            taken[k] = true;
        }
    }
    // Where a duration may start: the tagger's starts and the hyphenated words.
    let mut candidates: Vec<usize> = tg.starts.iter().map(|&s| s as usize).collect();
    if !tg.hyphenated.is_empty() {
        candidates.extend(tg.hyphenated.iter().map(|h| h.0 as usize));
        candidates.sort_unstable();
        candidates.dedup();
    }
    let reach = unit_reach(tg.pack);
    let mut out = Vec::new();
    let mut next = 0;
    let mut unit = 0; // the first unit at or after the candidate, in `tg.units`
    for i in candidates {
        if i < next {
            continue;
        }
        if let (Some(Hyphenated::Length(count, unit)), false) = (tg.hyphenated(i), taken[i]) {
            next = i + 1;
            out.push(Duration {
                span: tg.tokens[i].start..tg.tokens[i].end,
                tokens: i..i + 1,
                sentence: text.sentence_of(i),
                count,
                unit,
                approx: Approx::Exactly,
                relation: None,
                interval: None,
                attributive: true,
            });
            continue;
        }
        // [`duration_at`]'s first test, with a cursor instead of a search.
        while tg.units.get(unit).is_some_and(|&u| (u as usize) < i) {
            unit += 1;
        }
        if tg.units.get(unit).is_none_or(|&u| u as usize > i + reach) {
            next = i + 1;
            continue;
        }
        match duration_at(tg, i, &taken) {
            Some((d, first)) => {
                let d = with_further_parts(tg, d, &taken);
                next = d.tokens.end;
                if clock_time(tg, &d, first) {
                    continue;
                }
                out.push(Duration {
                    sentence: text.sentence_of(d.tokens.start),
                    ..d
                });
            }
            None => next = i + 1,
        }
    }
    out
}

/// A count of clock units that is a time of day or a name, not a duration: after a
/// preposition of time («в 15 часов», «к 18 часам», «около двух часов»: also "about two
/// hours", left unread), before a part of the day or a time zone («2 часа ночи», «10 минут
/// третьего», «по местному времени»), in quotes or capitalised mid-sentence («„60 минут“»,
/// "told 60 Minutes").
fn clock_time(tg: &Tagged, d: &Duration, first: usize) -> bool {
    if d.unit.calendar().is_some() || d.attributive {
        return false;
    }
    let w = &tg.pack.duration_words;
    let is = |k: usize, set: &rustc_hash::FxHashSet<String>| tg.folds_to(k, |f| set.contains(f));
    if first > 0 && tg.joined(first) && is(first - 1, &w.clock_before) {
        return true;
    }
    // «Начало — 19 часов», «час ліквідації — 3 година 04 хвилини»: a time given after a dash
    // or colon, or with a zero before its minutes.
    if first > 0 && tg.joined(first) && (tg.is_dash(first - 1) || tg.punct(first - 1) == Some(':'))
    {
        return true;
    }
    if d.tokens.clone().any(|k| {
        tg.number(k)
            .is_some_and(|(v, digits)| digits > 1 && v < 10u32.pow(digits as u32 - 1))
    }) {
        return true;
    }
    let e = d.tokens.end;
    if (e..e + 2)
        .take_while(|&k| tg.joined(k) && tg.tok(k).is_some_and(|t| t.is_word()))
        .any(|k| is(k, &w.clock_after))
    {
        return true;
    }
    let s = d.tokens.start;
    if s > 0 && tg.adjacent(s) && matches!(tg.punct(s - 1), Some('«' | '"' | '“' | '„' | '\''))
    {
        return true;
    }
    d.tokens.clone().any(|k| {
        tg.duration_unit(k).is_some()
            && !tg.opens_sentence(k)
            && tg.tok(k).is_some_and(|t| {
                t.text(tg.source)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            })
    })
}

/// The index after a half at `k` («с половиной», "and a half").
fn half_at(tg: &Tagged, k: usize) -> Option<usize> {
    tg.pack.duration_words.halves.iter().find_map(|words| {
        let all = words
            .iter()
            .enumerate()
            .all(|(n, w)| tg.joined(k + n) && tg.folds_to(k + n, |f| f == w));
        (all && !words.is_empty()).then_some(k + words.len())
    })
}

/// "5 1/2 hours": a whole number and a fraction of halves, thirds or quarters.
fn fraction_at(tg: &Tagged, j: usize) -> Option<(f64, usize)> {
    let (whole, _) = tg.number(j).filter(|n| n.1 <= 3)?;
    let (a, _) = tg.number(j + 1).filter(|_| tg.joined(j + 1))?;
    let slash = tg.punct(j + 2) == Some('/') && tg.adjacent(j + 2) && tg.adjacent(j + 3);
    let (b, _) = tg.number(j + 3).filter(|_| slash)?;
    ((2..=4).contains(&b) && (1..b).contains(&a))
        .then_some((whole as f64 + a as f64 / b as f64, j + 4))
}

/// «два года и три месяца», "two years, three months": a duration followed by smaller
/// units is one duration, counted in the smallest. Conversions that are not whole (months to
/// days) make it approximate. Calendar units and clock time stay apart.
fn with_further_parts(tg: &Tagged, mut d: Duration, taken: &[bool]) -> Duration {
    use TimeUnit as U;
    let factor = |from: TimeUnit, to: TimeUnit| -> Option<(f64, bool)> {
        Some(match (from, to) {
            (U::Year, U::Quarter) => (4.0, true),
            (U::Year, U::Month) | (U::Quarter, U::Month) => {
                (if from == U::Year { 12.0 } else { 3.0 }, true)
            }
            (U::Week, U::Day) => (7.0, true),
            (U::Year, U::Week) => (52.18, false),
            (U::Year, U::Day) => (365.25, false),
            (U::Quarter, U::Week) => (13.04, false),
            (U::Quarter, U::Day) => (91.31, false),
            (U::Month, U::Week) => (4.35, false),
            (U::Month, U::Day) => (30.44, false),
            (U::Hour, U::Minute) | (U::Minute, U::Second) => (60.0, true),
            (U::Hour, U::Second) => (3600.0, true),
            _ => return None,
        })
    };
    if d.attributive {
        return d;
    }
    loop {
        let mut k = d.tokens.end;
        if tg.punct(k) == Some(',') && tg.joined(k + 1) {
            k += 1;
        }
        let joined_by_word = tg.word(k).contains(&Word::DurationJoiner) && tg.joined(k + 1);
        if joined_by_word {
            k += 1;
        }
        if !tg.joined(k) || taken.get(k) != Some(&false) {
            break;
        }
        // «два года и месяц»: after «и» a bare unit is one of it.
        let bare = || {
            let (unit, per) = tg.duration_unit(k).filter(|_| joined_by_word)?;
            Some(Duration {
                span: tg.tokens[k].start..tg.tokens[k].end,
                tokens: k..k + 1,
                sentence: 0,
                count: per as f64,
                unit,
                approx: Approx::Exactly,
                relation: None,
                interval: None,
                attributive: false,
            })
        };
        let counted = tg.number(k).is_some() || tg.cardinal(k).is_some();
        let Some(next) = (if counted {
            duration_at(tg, k, taken).map(|(d, _)| d)
        } else {
            bare()
        }) else {
            break;
        };
        let Some((per, whole)) = factor(d.unit, next.unit) else {
            break;
        };
        // Each part with its own approximation or relation is a duration of its own.
        if next.approx != Approx::Exactly
            || next.attributive
            || (d.relation.is_some() && next.relation.is_some())
        {
            break;
        }
        d = Duration {
            span: d.span.start..next.span.end,
            tokens: d.tokens.start..next.tokens.end,
            count: d.count * per + next.count,
            unit: next.unit,
            approx: match (d.approx, whole) {
                (Approx::Exactly, false) => Approx::About,
                (a, _) => a,
            },
            relation: d.relation.or(next.relation),
            ..d
        };
    }
    d
}

/// How far after the token where a duration starts its unit can be: two phrases (a
/// relation, an approximation), "half", a count of four tokens («5 1/2») and a half («с
/// половиной», "and a half").
fn unit_reach(pack: &LanguagePack) -> usize {
    let halves = pack.duration_words.halves.iter().map(Vec::len).max();
    2 * pack.max_phrase_words + 5 + halves.unwrap_or(0)
}

/// The duration at token `i`, and the token where its count (or bare unit) begins.
fn duration_at(tg: &Tagged, i: usize, taken: &[bool]) -> Option<(Duration, usize)> {
    if taken[i] {
        return None;
    }
    let reach = i + unit_reach(tg.pack);
    let next_unit = tg.units.partition_point(|&u| (u as usize) < i);
    if tg.units.get(next_unit).is_none_or(|&u| u as usize > reach) {
        return None;
    }
    let w = &tg.pack.duration_words;
    let mut j = i;
    let mut relation = None;
    let mut approx = None;
    if let Some((Phrase::Relation(r, Position::Before), after)) =
        tg.phrase_of(j, |p| matches!(p, Phrase::Relation(_, Position::Before)))
    {
        relation = Some(r);
        j = after;
    }
    if let Some((Phrase::Approx(a), after)) = tg.phrase(j).filter(|_| j == i || tg.joined(j)) {
        approx = Some(a);
        j = after;
        // «почти через год», «більш ніж через тиждень»: the approximation before the
        // relation.
        if relation.is_none() && tg.joined(j) {
            if let Some((Phrase::Relation(r, Position::Before), after)) =
                tg.phrase_of(j, |p| matches!(p, Phrase::Relation(_, Position::Before)))
            {
                relation = Some(r);
                j = after;
            }
        }
    }
    if !tg.joined(j) && j > i {
        return None;
    }
    // "half an hour": half the count after it (the word is no start of its own: read from
    // the count after it).
    let is_half = |x: usize| tg.folds_to(x, |f| w.half_before.contains(f));
    let mut halved = false;
    let mut start = i;
    if !w.half_before.is_empty() {
        if tg.joined(j + 1) && is_half(j) {
            halved = true;
            j += 1;
        } else if j == i && i > 0 && tg.joined(i) && !taken[i - 1] && is_half(i - 1) {
            halved = true;
            start = i - 1;
        }
    }
    let first = j;
    // "1/2 year": the number after a slash is a fraction's, not a count; «10-15 хвилин»,
    // "5-7 years": the end of a range is not the whole of it.
    if tg.number(j).is_some()
        && j > 1
        && tg.adjacent(j)
        && (tg.punct(j - 1) == Some('/') || tg.is_dash(j - 1) && tg.number(j - 2).is_some())
    {
        return None;
    }
    let hyphenated = || match tg.hyphenated(j) {
        Some(Hyphenated::Number(n)) => Some((n, j + 1)),
        _ => None,
    };
    let (mut count, mut k) = match decimal_at(tg, j)
        .or_else(|| fraction_at(tg, j))
        .or_else(|| count_at(tg, j))
        .or_else(hyphenated)
    {
        Some((c, k)) if tg.joined(k) => (Some(c), k),
        _ => (None, j),
    };
    // «третий год войны», "in its third year": the n-th unit since a start is less than n
    // of them and at least n - 1, as «почти n» says.
    let mut ordinal = false;
    if count.is_none() && relation.is_none() && approx.is_none() {
        if let Some(n) = tg.unit_ordinal(j).filter(|_| tg.joined(j + 1)) {
            count = Some(n as f64);
            approx = Some(Approx::Almost);
            ordinal = true;
            k = j + 1;
        }
    }
    // «два с половиной часа», "two and a half hours".
    let mut half = false;
    if let Some(after) = count
        .filter(|c| c.fract() == 0.0)
        .and_then(|_| half_at(tg, k))
    {
        count = count.map(|c| c + 0.5);
        half = true;
        k = after;
    }
    // "10-year": digits glued to a unit by a hyphen make an adjective of length.
    let glued = count.is_some()
        && tg.number(first).is_some()
        && tg.punct(k) == Some('-')
        && tg.adjacent(k)
        && tg.adjacent(k + 1)
        && tg.duration_unit(k + 1).is_some();
    if glued {
        if relation.is_some() || approx.is_some() || halved || half || taken[k + 1] {
            return None;
        }
        let (unit, per) = tg.duration_unit(k + 1)?;
        return Some((
            Duration {
                span: tg.tokens[i].start..tg.tokens[k + 1].end,
                tokens: i..k + 2,
                sentence: 0,
                count: count? * per as f64,
                unit,
                approx: Approx::Exactly,
                relation: None,
                interval: None,
                attributive: true,
            },
            first,
        ));
    }
    let (unit, per) = tg.duration_unit(k).filter(|_| !taken[k])?;
    // Only years and months, one to a word: "the third day" of a strike or a summit is a
    // day of the calendar as often as a length; "the third hour", «второе десятилетие» are
    // not read.
    if ordinal && (!matches!(unit, TimeUnit::Year | TimeUnit::Month) || per != 1) {
        return None;
    }
    let mut end = k + 1;
    // "an hour and a half", «час с половиной».
    if !half && count.is_none_or(|c| c.fract() == 0.0) {
        if let Some(after) = half_at(tg, end) {
            count = Some(count.unwrap_or(1.0) + 0.5);
            half = true;
            end = after;
        }
    }
    if relation.is_none() && !ordinal {
        if let Some((Phrase::Relation(r, Position::After), after)) = tg
            .phrase_of(end, |p| matches!(p, Phrase::Relation(_, Position::After)))
            .filter(|_| tg.joined(end))
        {
            relation = Some(r);
            end = after;
        }
    }
    // A bare unit word is a duration only with a relation («неделю назад», «через месяц»)
    // or an approximation («почти год»), and never after a vague count («несколько лет
    // назад», "several years ago").
    let vague = |x: usize| tg.word(x).contains(&Word::VagueCount);
    // A word that holds its own count («полгода», «десятилетие») needs neither. After a
    // number not read as its count («10-20 років тому», "1/2 year ago") a unit is not bare.
    let bare = count.is_none() && per == 1;
    if bare && (relation.is_none() && approx.is_none())
        || count.is_none() && i > 0 && (vague(i - 1) || tg.number(i - 1).is_some())
    {
        return None;
    }
    // "60 miles an hour", "$15 an hour": a rate, unless said how long ("nearly an hour", "an
    // hour ago", "half an hour", "an hour and a half", "for an hour").
    if unit.calendar().is_none()
        && relation.is_none()
        && approx.is_none()
        && !halved
        && !half
        && tg.folds_to(first, |f| w.rate_counts.contains(f))
        && !(i > 0 && tg.folds_to(i - 1, |f| w.rate_exempt_before.contains(f)))
    {
        return None;
    }
    let span = tg.tokens[start].start..tg.tokens[end - 1].end;
    let halving = if halved { 0.5 } else { 1.0 };
    Some((
        Duration {
            span,
            tokens: start..end,
            sentence: 0,
            count: count.unwrap_or(1.0) * per as f64 * halving,
            unit,
            approx: approx.unwrap_or(Approx::Exactly),
            relation,
            interval: None,
            attributive: false,
        },
        first,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Segment;
    use crate::language::{embedded, Lang, TimeUnit, Unit};

    fn found(t: &str) -> Vec<(String, TimeValue)> {
        found_in(Lang::Ru, t)
    }

    /// Everything the extractor finds in `t`, one segment of language `lang`.
    fn extracted(lang: Lang, t: &str) -> Extracted {
        let pack = embedded::pack(lang).unwrap();
        let seg = [Segment {
            range: 0..t.len(),
            holes: vec![],
        }];
        extract_all(t, &Text::new(t, &seg, pack), pack)
    }

    /// [`may_open_pattern`] turns a word away only when every pattern it guards finds
    /// nothing there, whatever follows.
    #[test]
    fn words_that_open_no_pattern_start_none() {
        let follow = [
            "",
            "5",
            "2025",
            "2025 года",
            "5 мая",
            "мая 2025",
            "травня",
            "May 5",
            "понедельник",
            "вторник, 5 мая",
            "лета",
            "of 2025",
            "quarter",
            "квартале 2025 года",
            "- 5 мая",
            "по 5 мая",
            "to 5 May",
            ", 5 мая",
            "5.05.2025",
            "3",
            "Q3",
            "года",
            "назад",
            "выходные",
            "– сентябре 2025 года",
            "и 2020 годах",
            "week of October",
        ];
        let mut turned_away = 0;
        for lang in [Lang::Ru, Lang::Uk, Lang::En] {
            let pack = embedded::pack(lang).unwrap();
            for e in pack.lexicon_entries().filter(|e| e.extractor) {
                for f in follow {
                    for t in [format!("{} {f}", e.word), format!("{}{f}", e.word)] {
                        let seg = [Segment {
                            range: 0..t.len(),
                            holes: vec![],
                        }];
                        let text = Text::new(&t, &seg, pack);
                        let tg = Tagged::new(&t, &text.tokens, pack);
                        if !matches!(tg.entries.first(), Some(Some(_))) || may_open_pattern(&tg, 0)
                        {
                            continue;
                        }
                        turned_away += 1;
                        for prep in [None, Some(Prep::From), Some(Prep::At)] {
                            let governed = prep.is_some();
                            assert!(super::date(&tg, 0).is_none(), "{t}");
                            assert!(range(&tg, 0, prep, None).is_none(), "{t}");
                            assert!(nth_in_month(&tg, 0).is_none(), "{t}");
                            assert!(holiday(&tg, 0).is_none(), "{t}");
                            assert!(quarter(&tg, 0).is_none(), "{t}");
                            assert!(season(&tg, 0, governed).is_none(), "{t}");
                            assert!(month_or_year(&tg, 0, None, governed).is_none(), "{t}");
                            assert!(weekday(&tg, 0, prep, &[]).is_none(), "{t}");
                            assert!(relative_day(&tg, 0).is_none(), "{t}");
                            assert!(month_range(&tg, 0, prep).is_none(), "{t}");
                            assert!(weekend(&tg, 0, governed).is_none(), "{t}");
                            assert!(nth_in_month(&tg, tg.skip_filler(0)).is_none(), "{t}");
                            assert!(
                                !matches!(tg.phrase(0), Some((Phrase::ContextPeriod(..), _))),
                                "{t}"
                            );
                        }
                    }
                }
            }
        }
        assert!(turned_away > 100, "{turned_away}");
    }

    fn found_in(lang: Lang, t: &str) -> Vec<(String, TimeValue)> {
        let pack = embedded::pack(lang).unwrap();
        let text = Text::new(
            t,
            &[Segment {
                range: 0..t.len(),
                holes: vec![],
            }],
            pack,
        );
        extract(t, &text, pack)
            .into_iter()
            .map(|c| (t[c.span].to_string(), c.value))
            .collect()
    }

    /// A time word with a possessive ending is read as the word, and the span stops before
    /// the ending ("Friday's", "today's", "last year's").
    #[test]
    fn possessive_endings_are_read_through() {
        let spans = |t: &str| -> Vec<String> {
            found_in(Lang::En, t).into_iter().map(|(s, _)| s).collect()
        };
        assert_eq!(spans("Friday's announcement was made"), ["Friday"]);
        assert_eq!(spans("Today's session ran late"), ["Today"]);
        assert_eq!(
            spans("the company said last year's results were weak"),
            ["last year"]
        );
    }

    #[test]
    fn a_stop_inside_a_name_is_the_texts_full_stop() {
        let spans = |t: &str| -> Vec<String> {
            found_in(Lang::En, t).into_iter().map(|(s, _)| s).collect()
        };
        assert_eq!(
            spans("On Martin Luther King Jr. Day 2014 the march began"),
            ["On Martin Luther King Jr. Day 2014"]
        );
        assert_eq!(
            spans("the parade on St. Patrick's Day was long"),
            ["on St. Patrick's Day"]
        );
        assert_eq!(spans("Last MLK Jr. Day was cold"), ["Last MLK Jr. Day"]);
        // The stop must touch its word; a name is no street.
        assert!(spans("the grave of Martin Luther King Jr . Day").is_empty());
        assert!(spans("the office on St. Patrick's Street").is_empty());
    }

    #[test]
    fn english_glued_forms_year_month_quarter_and_named_month() {
        let found = |t: &str| found_in(Lang::En, t);
        let month = |year, month| TimeValue::Month {
            year: Some(year),
            month,
            part: None,
        };
        assert_eq!(
            found("in 2014-10, sales rose"),
            [("in 2014-10".into(), month(2014, 10))]
        );
        assert_eq!(
            found("revenue 2018Q4, up"),
            [(
                "2018Q4".into(),
                TimeValue::Quarter {
                    year: Some(2018),
                    quarter: 4
                }
            )]
        );
        assert_eq!(
            found("born 31-Oct-74"),
            [("31-Oct-74".into(), date(Some(1974), 10, 31))]
        );
        assert_eq!(
            found("born 31/Oct/1974 in Leeds"),
            [("31/Oct/1974".into(), date(Some(1974), 10, 31))]
        );
        // A season, a range of years, a version, an identifier, a fiscal "18q4": no month,
        // no quarter of the current year.
        assert!(found("the 2011-12 season").is_empty());
        assert!(found("the 2005-10 period").is_empty());
        assert!(found("version 3.2014-10").is_empty());
        assert!(found("file A2014-10 was lost").is_empty());
        assert!(found("revenue 18q4 rose").is_empty());
        assert!(found("code 31-Oct-1974-05").is_empty());
    }

    #[test]
    fn quarters_seasons_counted_periods_and_bare_english_weekdays() {
        let q = |year, quarter| TimeValue::Quarter { year, quarter };
        assert_eq!(
            found_in(Lang::Ru, "в третьем квартале 2025 года и во II квартале"),
            [
                ("в третьем квартале 2025 года".into(), q(Some(2025), 3)),
                ("во II квартале".into(), q(None, 2)),
            ]
        );
        // A city block and a fiscal year are no calendar quarters.
        assert!(found_in(Lang::Ru, "в 3 квартале от центра").is_empty());
        assert_eq!(
            found_in(Lang::Ru, "в I квартале 2019 финансового года"),
            [("в I квартале".into(), q(None, 1))]
        );
        assert_eq!(
            found_in(Lang::En, "third-quarter profit and Q3 2025"),
            [
                ("third-quarter".into(), q(None, 3)),
                ("Q3 2025".into(), q(Some(2025), 3)),
            ]
        );
        assert_eq!(
            found_in(Lang::Uk, "влітку 2025 року"),
            [(
                "влітку 2025 року".into(),
                TimeValue::Season {
                    year: Some(2025),
                    first_month: 6
                }
            )]
        );
        // A season noun alone is no time; after a preposition or as an adverb it is.
        assert!(found_in(Lang::Ru, "Лето выдалось жарким").is_empty());
        let last_two_years = TimeValue::Range {
            from: Box::new(TimeValue::RelativePeriod {
                unit: Unit::Year,
                offset: -2,
                part: None,
            }),
            to: Box::new(TimeValue::RelativePeriod {
                unit: Unit::Year,
                offset: -1,
                part: None,
            }),
        };
        assert_eq!(
            found_in(Lang::Ru, "за последние два года"),
            [("последние два года".into(), last_two_years)]
        );
        // English weekday names alone are times ("said Friday"); short forms only with a
        // capital ("the sun rose" is no Sunday).
        let friday = TimeValue::Weekday {
            weekday: 5,
            shift: None,
        };
        assert_eq!(
            found_in(Lang::En, "the company said Friday"),
            [("Friday".into(), friday.clone())]
        );
        assert_eq!(
            found_in(Lang::En, "the company said friday"),
            [("friday".into(), friday)]
        );
        assert!(found_in(Lang::En, "the sun rose and we sat down").is_empty());
        // "last April" names a month by its place; "this may happen" names none.
        assert_eq!(
            found_in(Lang::En, "sales fell last April"),
            [(
                "last April".into(),
                TimeValue::RelativeMonth {
                    month: 4,
                    shift: -1
                }
            )]
        );
        assert!(found_in(Lang::En, "this may happen").is_empty());
        assert!(found_in(Lang::Ru, "окружающая Среда").is_empty());
    }

    fn date(year: Option<i32>, month: u32, day: u32) -> TimeValue {
        TimeValue::Date { year, month, day }
    }

    #[test]
    fn russian_dates_in_every_form() {
        assert_eq!(found("6 января"), [("6 января".into(), date(None, 1, 6))]);
        assert_eq!(
            found("6-го января 2026 г. прошло"),
            [("6-го января 2026 г.".into(), date(Some(2026), 1, 6))]
        );
        assert_eq!(
            found("06.01.2026"),
            [("06.01.2026".into(), date(Some(2026), 1, 6))]
        );
        assert_eq!(
            found("2026-01-06"),
            [("2026-01-06".into(), date(Some(2026), 1, 6))]
        );
        assert_eq!(
            found("31 апреля"),
            [("31 апреля".into(), date(None, 4, 31))]
        );
        assert_eq!(
            found("В конце декабря 2026 года"),
            [(
                "В конце декабря 2026 года".into(),
                TimeValue::Month {
                    year: Some(2026),
                    month: 12,
                    part: Some(Part::Late)
                }
            )]
        );
        assert_eq!(
            found("в 2025-м году и в 2024-м"),
            [
                (
                    "в 2025-м году".into(),
                    TimeValue::Year {
                        year: 2025,
                        part: None
                    }
                ),
                (
                    "в 2024-м".into(),
                    TimeValue::Year {
                        year: 2024,
                        part: None
                    }
                )
            ]
        );
    }

    #[test]
    fn ranges_weekdays_and_relative_words() {
        let r = found("с 15 по 12 мая");
        assert_eq!(r[0].0, "с 15 по 12 мая");
        assert_eq!(
            r[0].1,
            TimeValue::Range {
                from: Box::new(date(None, 5, 15)),
                to: Box::new(date(None, 5, 12))
            }
        );
        assert_eq!(found("15–20 мая")[0].0, "15–20 мая");
        assert_eq!(found("в 2014–2016 годах")[0].0, "в 2014–2016 годах");
        assert_eq!(
            found("во вторник")[0].1,
            TimeValue::Weekday {
                weekday: 2,
                shift: None
            }
        );
        assert_eq!(
            found("в прошлую пятницу")[0].1,
            TimeValue::Weekday {
                weekday: 5,
                shift: Some(-1)
            }
        );
        assert_eq!(found("вчера, 17 февраля").len(), 2);
        // A weekday alone counts as the subject opening a sentence, not inside one, and
        // never «среда» («окружающая среда»).
        let monday = TimeValue::Weekday {
            weekday: 1,
            shift: None,
        };
        assert_eq!(
            found("Тихо. Понедельник начался с обстрелов."),
            [("Понедельник".into(), monday.clone())]
        );
        assert_eq!(
            found_in(Lang::Uk, "Понеділок розпочався з вибухів.")[0].1,
            monday
        );
        assert!(found("Он не любит понедельник.").is_empty());
        assert!(found("Среда обитания изменилась.").is_empty());
        assert_eq!(
            found_in(Lang::En, "on Friday after next")[0],
            (
                "on Friday after next".into(),
                TimeValue::WeekdayAfterNext { weekday: 5 }
            )
        );
        assert_eq!(
            found("в среду после следующей")[0].1,
            TimeValue::WeekdayAfterNext { weekday: 3 }
        );
        assert!(found("накануне саммита").is_empty());
        assert_eq!(found("Накануне, 5 января").len(), 2);
    }

    #[test]
    fn parts_of_relative_periods_and_relative_years() {
        let period = |unit, offset, part| TimeValue::RelativePeriod { unit, offset, part };
        use crate::language::Unit;
        assert_eq!(
            found("В конце прошлой недели и в начале следующего месяца"),
            [
                (
                    "В конце прошлой недели".into(),
                    period(Unit::Week, -1, Some(Part::Late))
                ),
                (
                    "в начале следующего месяца".into(),
                    period(Unit::Month, 1, Some(Part::Early))
                ),
            ]
        );
        assert_eq!(
            found_in(Lang::En, "at the end of last year")[0].1,
            period(Unit::Year, -1, Some(Part::Late))
        );
        assert_eq!(
            found_in(Lang::Uk, "наприкінці минулого тижня")[0].1,
            period(Unit::Week, -1, Some(Part::Late))
        );
        let in_year = |value, offset| TimeValue::InRelativeYear {
            value: Box::new(value),
            offset,
        };
        assert_eq!(
            found("5 мая прошлого года"),
            [("5 мая прошлого года".into(), in_year(date(None, 5, 5), -1))]
        );
        let march = TimeValue::Month {
            year: None,
            month: 3,
            part: None,
        };
        assert_eq!(
            found_in(Lang::En, "in March of next year")[0],
            ("in March of next year".into(), in_year(march.clone(), 1))
        );
        assert_eq!(
            found_in(Lang::Uk, "у березні минулого року")[0].1,
            in_year(march, -1)
        );
        // A part glued to the month.
        assert_eq!(
            found_in(Lang::En, "in mid-March")[0].1,
            TimeValue::Month {
                year: None,
                month: 3,
                part: Some(Part::Mid)
            }
        );
    }

    #[test]
    fn ranges_of_whole_months() {
        let range = |y1, m1, y2, m2| TimeValue::Range {
            from: Box::new(TimeValue::Month {
                year: y1,
                month: m1,
                part: None,
            }),
            to: Box::new(TimeValue::Month {
                year: y2,
                month: m2,
                part: None,
            }),
        };
        assert_eq!(
            found("Выручка в январе–сентябре 2025 года выросла."),
            [(
                "в январе–сентябре 2025 года".into(),
                range(Some(2025), 1, Some(2025), 9)
            )]
        );
        assert_eq!(
            found("С ноября по март 2025 года цены росли.")[0].1,
            range(Some(2024), 11, Some(2025), 3)
        );
        assert_eq!(
            found_in(Lang::Uk, "З грудня 2024 по березень 2025 року ціни росли.")[0],
            (
                "З грудня 2024 по березень 2025 року".into(),
                range(Some(2024), 12, Some(2025), 3)
            )
        );
        assert_eq!(
            found_in(Lang::En, "From January to March 2025 prices rose.")[0],
            (
                "From January to March 2025".into(),
                range(Some(2025), 1, Some(2025), 3)
            )
        );
        assert_eq!(
            found("В январе – сентябре выручка выросла.")[0].1,
            range(None, 1, None, 9)
        );
        // Not a range: «с января» alone, «январь и март».
        assert_eq!(found("С января цены выросли.")[0].0, "С января");
        assert_eq!(found("в январе и в марте").len(), 2);
    }

    #[test]
    fn listed_years_and_ranges_between() {
        let year = |y| TimeValue::Year {
            year: y,
            part: None,
        };
        let spans = |lang, t: &str| {
            found_in(lang, t)
                .into_iter()
                .map(|(s, _)| s)
                .collect::<Vec<String>>()
        };
        assert_eq!(
            spans(Lang::Ru, "В 2017, 2018 и 2020 годах цены росли."),
            ["В 2017", "2018", "2020 годах"]
        );
        assert_eq!(
            spans(Lang::En, "Earnings fell in 1990 and 1991."),
            ["in 1990", "1991"]
        );
        assert_eq!(
            found_in(Lang::Uk, "Між 1994 і 1997 роками сталося три напади.")[0],
            (
                "Між 1994 і 1997 роками".into(),
                TimeValue::Range {
                    from: Box::new(year(1994)),
                    to: Box::new(year(1997))
                }
            )
        );
        assert_eq!(
            spans(Lang::En, "It happened between 1985 and 1987."),
            ["between 1985 and 1987"]
        );
        // Counts are not years: «между 1500 и 2000 рублей», «в 2019 и 300 случаях».
        assert!(found("Цена колебалась между 1500 и 2000 рублей.").is_empty());
        assert_eq!(
            spans(Lang::Ru, "в 2019 и 300 случаях"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn weekends() {
        let weekend = |shift| TimeValue::Weekend { shift };
        assert_eq!(
            found("На выходных прошли акции. В минувшие выходные шел снег."),
            [
                ("На выходных".into(), weekend(None)),
                ("В минувшие выходные".into(), weekend(Some(-1)))
            ]
        );
        assert_eq!(
            found_in(Lang::Uk, "Минулими вихідними йшов сніг.")[0].1,
            weekend(Some(-1))
        );
        assert_eq!(
            found_in(Lang::En, "Troops arrived over the weekend.")[0],
            ("the weekend".into(), weekend(None))
        );
        // Days off in general, and holidays, are not a weekend.
        assert!(found("В выходные дни музей открыт до 18:00.").is_empty());
        assert!(found("В новогодние выходные было тихо.").is_empty());
        assert!(found("Выходные прошли спокойно.").is_empty());
    }

    #[test]
    fn quarters_and_seasons_with_their_year() {
        let in_year = |value, offset| TimeValue::InRelativeYear {
            value: Box::new(value),
            offset,
        };
        let q = |year, quarter| TimeValue::Quarter { year, quarter };
        assert_eq!(
            found("В третьем квартале прошлого года ВВП вырос."),
            [(
                "В третьем квартале прошлого года".into(),
                in_year(q(None, 3), -1)
            )]
        );
        assert_eq!(
            found_in(Lang::Uk, "Влітку минулого року було спекотно.")[0].1,
            in_year(
                TimeValue::Season {
                    year: None,
                    first_month: 6
                },
                -1
            )
        );
        assert_eq!(
            found_in(Lang::En, "the third quarter of last year")[0].1,
            in_year(q(None, 3), -1)
        );
        assert_eq!(
            found_in(Lang::En, "compared with this year's third quarter")[0],
            ("this year's third quarter".into(), in_year(q(None, 3), 0))
        );
        assert_eq!(
            found_in(Lang::En, "In the 1988 third quarter, it lost money.")[0],
            ("In the 1988 third quarter".into(), q(Some(1988), 3))
        );
    }

    #[test]
    fn nth_weekday_or_day_of_a_month() {
        let month = |year, month| {
            Box::new(TimeValue::Month {
                year,
                month,
                part: None,
            })
        };
        let nth = |m, of, n| TimeValue::NthInMonth { month: m, of, n };
        assert_eq!(
            found("в последнее воскресенье марта 2014 года"),
            [(
                "в последнее воскресенье марта 2014 года".into(),
                nth(month(Some(2014), 3), NthOf::Weekday(7), -1)
            )]
        );
        assert_eq!(
            found_in(Lang::Uk, "перший вівторок у жовтні")[0].1,
            nth(month(None, 10), NthOf::Weekday(2), 1)
        );
        assert_eq!(
            found_in(Lang::En, "the last day of October 2015")[0].1,
            nth(month(Some(2015), 10), NthOf::Day, -1)
        );
        assert_eq!(
            found_in(Lang::En, "the first Monday of this month")[0].1,
            nth(
                Box::new(TimeValue::RelativePeriod {
                    unit: crate::language::Unit::Month,
                    offset: 0,
                    part: None
                }),
                NthOf::Weekday(1),
                1
            )
        );
        assert_eq!(
            found_in(Lang::Uk, "в останній тиждень вересня 2014 року")[0],
            (
                "в останній тиждень вересня 2014 року".into(),
                nth(month(Some(2014), 9), NthOf::Week, -1)
            )
        );
        assert_eq!(
            found("на первой неделе октября")[0].1,
            nth(month(None, 10), NthOf::Week, 1)
        );
        assert_eq!(
            found_in(Lang::En, "in the first week of October 2014")[0],
            (
                "in the first week of October 2014".into(),
                nth(month(Some(2014), 10), NthOf::Week, 1)
            )
        );
        let next_month = || {
            Box::new(TimeValue::RelativePeriod {
                unit: crate::language::Unit::Month,
                offset: 1,
                part: None,
            })
        };
        assert_eq!(
            found_in(Lang::En, "due on the 20th of next month")[0],
            (
                "due on the 20th of next month".into(),
                nth(next_month(), NthOf::Day, 20)
            )
        );
        assert_eq!(
            found_in(Lang::En, "the 20th day of the next month")[0].1,
            nth(next_month(), NthOf::Day, 20)
        );
        assert_eq!(
            found_in(Lang::En, "the last week of September")[0].1,
            nth(month(None, 9), NthOf::Week, -1)
        );
        // Without a month it is a plain weekday: "last Monday", «второй вторник подряд».
        assert_eq!(
            found_in(Lang::En, "last Monday in Paris")[0].0,
            "last Monday"
        );
        assert!(found("второй вторник подряд").is_empty());
    }

    #[test]
    fn named_days() {
        let day_of = |lang, t: &str, published: &str| {
            let (_, v) = found_in(lang, t).into_iter().next().unwrap();
            let p = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
            let i = crate::claims::resolve::resolve(&v, p, None).unwrap();
            (i.start.to_string(), i.end.to_string())
        };
        for (lang, phrase, day) in [
            (Lang::Ru, "Пасха 2025 года", "2025-04-20"),
            (Lang::Ru, "после Рождества", "2026-01-07"),
            (Lang::Uk, "Різдво 2020 року", "2020-01-07"),
            (Lang::Uk, "на Різдво", "2025-12-25"),
            (Lang::En, "Thanksgiving 2013", "2013-11-28"),
            (Lang::En, "Black Friday of last year", "2025-11-28"),
            // By place: the last one before publication, this year's, the first after.
            (Lang::En, "Last Christmas", "2025-12-25"),
            (Lang::En, "this Thanksgiving", "2026-11-26"),
            (Lang::En, "next Easter", "2026-04-05"),
            (Lang::Ru, "на прошлую Пасху", "2025-04-20"),
            (Lang::Ru, "Пасха в 2025 году", "2025-04-20"),
            (Lang::En, "Thanksgiving in 2013", "2013-11-28"),
        ] {
            let one = (day.to_string(), day.to_string());
            assert_eq!(day_of(lang, phrase, "2026-01-14"), one, "{phrase}");
        }
        // «В Новом году» is the coming year, and "lent" a verb.
        assert!(found("В Новом году всё изменится").is_empty());
        assert!(found_in(Lang::En, "The bank lent money").is_empty());
    }

    #[test]
    fn tabulated_named_days() {
        let span = |lang, t: &str, published: &str| {
            let (text, v) = found_in(lang, t).into_iter().next().unwrap();
            let p = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
            let i = crate::claims::resolve::resolve(&v, p, None);
            (text, i.map(|i| format!("{}…{}", i.start, i.end)))
        };
        for (lang, text, phrase, days) in [
            (
                Lang::En,
                "During Eid al-Fitr 2018 they met",
                "During Eid al-Fitr 2018",
                "2018-06-15…2018-06-15",
            ),
            (
                Lang::En,
                "in Ramadan 2018",
                "in Ramadan 2018",
                "2018-05-16…2018-06-14",
            ),
            (
                Lang::En,
                "Yom Kippur 2018 began",
                "Yom Kippur 2018",
                "2018-09-18…2018-09-18",
            ),
            (
                Lang::En,
                "Diwali 2019 sales",
                "Diwali 2019",
                "2019-10-27…2019-10-27",
            ),
            (
                Lang::En,
                "Lunar New Year's Eve 2018",
                "Lunar New Year's Eve 2018",
                "2018-02-15…2018-02-15",
            ),
            (
                Lang::Ru,
                "на Рамадан",
                "на Рамадан",
                "2026-02-18…2026-03-19",
            ),
            (
                Lang::Ru,
                "в Курбан-байрам 2019 года",
                "в Курбан-байрам 2019 года",
                "2019-08-11…2019-08-11",
            ),
            (
                Lang::Ru,
                "после Хануки 2018 года",
                "после Хануки 2018 года",
                "2018-12-02…2018-12-09",
            ),
            (
                Lang::Ru,
                "накануне Песаха 2018 года",
                "Песаха 2018 года",
                "2018-03-30…2018-04-07",
            ),
            (
                Lang::Ru,
                "Китайский Новый год 2018 года",
                "Китайский Новый год 2018 года",
                "2018-02-16…2018-02-16",
            ),
            (
                Lang::Uk,
                "на Рамадан",
                "на Рамадан",
                "2026-02-18…2026-03-19",
            ),
            (
                Lang::Uk,
                "у Курбан-байрам 2019 року",
                "у Курбан-байрам 2019 року",
                "2019-08-11…2019-08-11",
            ),
            (
                Lang::Uk,
                "до Песаху 2018 року",
                "до Песаху 2018 року",
                "2018-03-30…2018-04-07",
            ),
            (
                Lang::Uk,
                "Йом Кіпур 2018 року",
                "Йом Кіпур 2018 року",
                "2018-09-18…2018-09-18",
            ),
        ] {
            assert_eq!(
                span(lang, text, "2026-03-01"),
                (phrase.to_string(), Some(days.to_string())),
                "{text}"
            );
        }
        // Outside the table: found, but unplaced.
        assert_eq!(
            span(Lang::En, "Eid al-Fitr 2051", "2026-03-01"),
            ("Eid al-Fitr 2051".to_string(), None)
        );
        // Names that are not the day: a given name, a war, an ordinary word.
        assert!(found_in(Lang::En, "Rakhi Sawant said so").is_empty());
        assert_eq!(
            found_in(Lang::En, "Rakhi 2018 fell on a Sunday")[0].0,
            "Rakhi 2018"
        );
        assert!(found_in(Lang::En, "veterans of the Yom Kippur War met").is_empty());
        assert!(found_in(Lang::En, "Ramzan Kadyrov spoke").is_empty());
        assert!(found_in(Lang::Uk, "голі дерева").is_empty());
    }

    #[test]
    fn references_without_a_date() {
        use crate::language::Vague;
        let refs = |lang, t: &str| {
            extracted(lang, t)
                .references
                .into_iter()
                .map(|r| (t[r.span].to_string(), r.when))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            refs(
                Lang::Ru,
                "Сейчас он говорит, что в будущем году и в будущем всё изменится."
            ),
            [
                ("Сейчас".to_string(), Vague::Present),
                ("в будущем".to_string(), Vague::Future)
            ]
        );
        assert_eq!(
            refs(Lang::En, "Three years from now, recently"),
            [("recently".to_string(), Vague::Past)]
        );
        assert_eq!(refs(Lang::Uk, "Наразі")[0].1, Vague::Present);
    }

    #[test]
    fn seasons_with_their_place() {
        let season = |first_month, shift| TimeValue::RelativeSeason { first_month, shift };
        assert_eq!(
            found("Прошлой зимой было холодно"),
            [("Прошлой зимой".into(), season(12, -1))]
        );
        assert_eq!(found_in(Lang::Uk, "цього літа")[0].1, season(6, 0));
        assert_eq!(found_in(Lang::En, "next spring")[0].1, season(3, 1));
        // "fall" is a season only where a season can stand.
        assert!(found_in(Lang::En, "a fall in prices").is_empty());
        assert!(found_in(Lang::En, "prices are expected to fall further").is_empty());
        assert!(found_in(Lang::En, "the group began to fall apart").is_empty());
        assert!(found_in(Lang::En, "from summer to fall 2025")
            .iter()
            .any(|(t, _)| t == "to fall 2025"));
    }

    #[test]
    fn english_years_before_the_noun_they_date() {
        let year = |year| TimeValue::Year { year, part: None };
        assert_eq!(
            found_in(Lang::En, "after its 1990 invasion of Kuwait"),
            [("1990".into(), year(1990))]
        );
        assert_eq!(
            found_in(Lang::En, "the company's 1989 results")[0].1,
            year(1989)
        );
        // A year closing a phrase after "of" dates the noun before it.
        let months = extracted(Lang::En, "the first nine months of 1997, when sales rose");
        let of = months
            .temporals
            .iter()
            .find(|t| t.value == year(1997))
            .unwrap();
        assert!(of.attributive);
        // A capital where the sentence opens, or on a name's possessive.
        for (text, y) in [
            ("Rain fell. A 1996 law banned it.", 1996),
            ("That 1978 resolution calls for it.", 1978),
            ("Navigation Mixte's 1989 profit fell.", 1989),
        ] {
            assert_eq!(found_in(Lang::En, text)[0].1, year(y), "{text}");
        }
        // A month with a capital between a determiner and a lower-case word.
        let june = extracted(Lang::En, "under a June agreement with the group");
        assert_eq!(june.temporals.len(), 1);
        assert!(june.temporals[0].attributive);
        for not_a_year in [
            "Windows 2000 crashed",
            "it cost 2000 dollars",
            "the 2000.",
            "a crowd of 2000 people",
            "He said A 2000 people came.",
            "that may change",
            "the June.",
        ] {
            assert!(found_in(Lang::En, not_a_year).is_empty(), "{not_a_year}");
        }
    }

    #[test]
    fn times_of_day_with_their_day() {
        let clock = |lang, t: &str| {
            extracted(lang, t)
                .temporals
                .into_iter()
                .map(|x| (t[x.span].to_string(), x.clock))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            clock(Lang::En, "The deadline is 10 p.m. Wednesday."),
            [("10 p.m. Wednesday".into(), Some((22, 0)))]
        );
        assert_eq!(
            clock(Lang::En, "Bids are due by 9:30 a.m. EST Nov. 9.")[0],
            ("9:30 a.m. EST Nov. 9".into(), Some((9, 30)))
        );
        assert_eq!(
            clock(Lang::En, "They met at noon Thursday.")[0],
            ("noon Thursday".into(), Some((12, 0)))
        );
        assert_eq!(
            clock(Lang::Ru, "Встреча прошла в 15:00 6 января.")[0],
            ("в 15:00 6 января".into(), Some((15, 0)))
        );
        // A count before a day is no time of it; nor is a time with no day after it.
        assert_eq!(
            clock(Lang::En, "He spent 10 days Friday.")[0],
            ("Friday".into(), None)
        );
        assert!(clock(Lang::En, "It starts at 10 p.m. sharp.").is_empty());
    }

    #[test]
    fn the_end_of_a_year_in_one_word() {
        let end = TimeValue::PeriodOfContext {
            unit: crate::language::Unit::Year,
            part: Part::Late,
        };
        for text in [
            "The deal will close by year-end.",
            "Cuts are planned around year end.",
        ] {
            let e = extracted(Lang::En, text);
            assert_eq!(e.temporals.len(), 1, "{text}");
            assert_eq!(e.temporals[0].value, end, "{text}");
            // Not "around year": a duration of one year.
            assert!(e.durations.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_length_before_a_day_counts_from_it() {
        let date = |month, day| TimeValue::Date {
            year: None,
            month,
            day,
        };
        let offset = |base, unit, count| TimeValue::Offset {
            base: Box::new(base),
            unit,
            count,
        };
        for (lang, text, span, want) in [
            (
                Lang::En,
                "Talks resumed three days after Jan. 5.",
                "three days after Jan. 5",
                offset(date(1, 5), Unit::Day, 3),
            ),
            (
                Lang::En,
                "Prices will rise two weeks from today.",
                "two weeks from today",
                offset(TimeValue::RelativeDay(0), Unit::Week, 2),
            ),
            (
                Lang::En,
                "The vote came a week before March 8.",
                "a week before March 8",
                offset(date(3, 8), Unit::Week, -1),
            ),
            (
                Lang::Ru,
                "Переговоры возобновились через три дня после 5 марта.",
                "через три дня после 5 марта",
                offset(date(3, 5), Unit::Day, 3),
            ),
            (
                Lang::Ru,
                "За два дня до 8 марта цены выросли.",
                "За два дня до 8 марта",
                offset(date(3, 8), Unit::Day, -2),
            ),
            (
                Lang::Uk,
                "Через тиждень після 5 березня уряд ухвалив рішення.",
                "Через тиждень після 5 березня",
                offset(date(3, 5), Unit::Week, 1),
            ),
        ] {
            let e = extracted(lang, text);
            assert_eq!(e.temporals.len(), 1, "{text}");
            assert_eq!(&text[e.temporals[0].span.clone()], span, "{text}");
            assert_eq!(e.temporals[0].value, want, "{text}");
            assert_eq!(e.temporals[0].prep, None, "{text}");
            // The length is the time's, no duration of its own.
            assert!(e.durations.is_empty(), "{text}");
        }
        // A length stays a length: after "for", "the", «в течение», with an approximation,
        // and «за» with months (the months ending then).
        for (lang, text) in [
            (Lang::En, "It rose for 10 days from Dec. 18."),
            (Lang::En, "Sales in the two days before Christmas fell."),
            (Lang::En, "It came more than two weeks after Jan. 5."),
            (Lang::Ru, "В течение двух недель после 5 марта шли дожди."),
            (
                Lang::Ru,
                "Прибыль составила 319 млн евро за три месяца до 30 июня.",
            ),
            (Lang::Uk, "Прибуток зріс за три місяці до 30 червня."),
            // An approximation before the opener; a rate after a sum.
            (
                Lang::Ru,
                "Почти через месяц после 1 февраля депутаты утвердили бюджет.",
            ),
            (
                Lang::Uk,
                "Менш ніж через тиждень після 5 березня міністр подав у відставку.",
            ),
            (
                Lang::En,
                "Not even a week after March 1, the coalition fell apart.",
            ),
            (
                Lang::En,
                "Boat rentals will cost $200 a week before June 1.",
            ),
        ] {
            let e = extracted(lang, text);
            assert!(
                !e.temporals
                    .iter()
                    .any(|t| matches!(t.value, TimeValue::Offset { .. })),
                "{text}"
            );
            assert_eq!(e.durations.len(), 1, "{text}");
        }
    }

    #[test]
    fn the_week_of_a_day() {
        let week = |month, day| {
            TimeValue::WeekOf(Box::new(TimeValue::Date {
                year: None,
                month,
                day,
            }))
        };
        let e = extracted(
            Lang::En,
            "It was held the week of Oct. 7. Talks resume during the week of March 9.",
        );
        let got: Vec<_> = e
            .temporals
            .iter()
            .map(|t| (t.value.clone(), t.prep))
            .collect();
        assert_eq!(got, [(week(10, 7), None), (week(3, 9), Some(Prep::At))]);
        // Not without the article: "a week of March 3 protests".
        let e = extracted(Lang::En, "A week of March 3 protests followed.");
        assert!(e
            .temporals
            .iter()
            .all(|t| !matches!(t.value, TimeValue::WeekOf(_))));
    }

    #[test]
    fn the_length_of_a_period_closing_at_a_date() {
        let e = extracted(
            Lang::En,
            "For the year ended Sept. 30, profit rose. The period ended Monday.",
        );
        assert_eq!(e.durations.len(), 1);
        let d = &e.durations[0];
        assert_eq!(
            (d.count, d.unit, d.attributive),
            (1.0, TimeUnit::Year, true)
        );
        assert_eq!(&"For the year ended Sept. 30"[d.span.clone()], "the year");
        assert_eq!(e.temporals.len(), 2);
    }

    #[test]
    fn english_halves_of_a_year() {
        let half = |year, part| TimeValue::Year {
            year,
            part: Some(part),
        };
        for (text, want) in [
            (
                "Sales fell during the second half of 1989",
                half(1989, Part::SecondHalf),
            ),
            (
                "The last half of 1989 was weak",
                half(1989, Part::SecondHalf),
            ),
            (
                "The first two quarters of 1990 were strong",
                half(1990, Part::FirstHalf),
            ),
        ] {
            assert_eq!(found_in(Lang::En, text)[0].1, want, "{text}");
        }
    }

    #[test]
    fn english_years_in_words() {
        let year = |year| TimeValue::Year { year, part: None };
        assert_eq!(
            found_in(Lang::En, "In nineteen ninety-one he was convicted"),
            [("In nineteen ninety-one".into(), year(1991))]
        );
        assert_eq!(
            found_in(Lang::En, "in nineteen seventy nine")[0].1,
            year(1979)
        );
        let month = TimeValue::Month {
            year: Some(1997),
            month: 1,
            part: None,
        };
        assert_eq!(
            found_in(Lang::En, "January nineteen ninety-seven.")[0].1,
            month
        );
        assert_eq!(
            found_in(Lang::En, "in the winter of nineteen ninety-four")[0].1,
            TimeValue::Season {
                year: Some(1994),
                first_month: 12
            }
        );
        // Counts are no years; nor is a year in words with nothing to govern it.
        for not_a_year in [
            "nineteen twenty people came",
            "he scored nineteen ninety points",
            "in nineteen days",
        ] {
            assert!(found_in(Lang::En, not_a_year).is_empty(), "{not_a_year}");
        }
    }

    #[test]
    fn decades_and_their_parts() {
        let decade = |start, part| TimeValue::Decade { start, part };
        let cases = [
            (
                Lang::Ru,
                "В 1990-е годы завод закрылся.",
                "В 1990-е годы",
                decade(1990, None),
            ),
            (
                Lang::Ru,
                "в конце 1980-х годов",
                "в конце 1980-х годов",
                decade(1980, Some(Part::Late)),
            ),
            (Lang::Ru, "в 90-х годах", "в 90-х годах", decade(1990, None)),
            (
                Lang::Uk,
                "у 1990-ті роки",
                "у 1990-ті роки",
                decade(1990, None),
            ),
            (
                Lang::Uk,
                "наприкінці 2020-х",
                "наприкінці 2020-х",
                decade(2020, Some(Part::Late)),
            ),
            (
                Lang::En,
                "in the late 1970s",
                "late 1970s",
                decade(1970, Some(Part::Late)),
            ),
            (
                Lang::En,
                "The 1990s were good.",
                "The 1990s",
                decade(1990, None),
            ),
            (
                Lang::En,
                "the mid-1990s",
                "mid-1990s",
                decade(1990, Some(Part::Mid)),
            ),
            (Lang::En, "since the '80s", "80s", decade(1980, None)),
        ];
        for (lang, text, span, value) in cases {
            assert_eq!(found_in(lang, text), [(span.to_string(), value)], "{text}");
        }
        // A single year keeps its reading; days «в 20-х числах», a two-digit decade without
        // its year word and the 1920s/2020s written in two digits are no decades.
        assert_eq!(
            found_in(Lang::Ru, "в 1990-м году")[0].1,
            TimeValue::Year {
                year: 1990,
                part: None
            }
        );
        assert_eq!(
            found_in(Lang::En, "the 1990 campaign")[0].1,
            TimeValue::Year {
                year: 1990,
                part: None
            }
        );
        for (lang, text) in [
            (Lang::Ru, "в 20-х числах мая"),
            (Lang::Ru, "около 90-х"),
            (Lang::Ru, "в 20-е годы"),
            (Lang::En, "the 1995s"),
            (Lang::En, "1990's budget"),
        ] {
            assert!(
                found_in(lang, text)
                    .iter()
                    .all(|(_, v)| !matches!(v, TimeValue::Decade { .. })),
                "{text}"
            );
        }
    }

    /// The unit of a duration opened by the longest relation and approximation phrases and a
    /// decimal count is still within the reach `duration_at` looks for a unit in.
    #[test]
    fn the_farthest_unit_of_a_duration_is_within_reach() {
        for (lang, unit) in [
            (Lang::Ru, "месяца"),
            (Lang::Uk, "місяця"),
            (Lang::En, "months"),
        ] {
            let pack = embedded::pack(lang).unwrap();
            let by_id: std::collections::HashMap<u32, &str> = pack
                .lexicon_entries()
                .map(|e| (e.id, e.word.as_str()))
                .collect();
            let longest = |want: &dyn Fn(&Phrase) -> bool| -> String {
                let mut best: Vec<&str> = Vec::new();
                for e in pack.lexicon_entries() {
                    for (rest, _) in e.phrases.iter().filter(|(_, m)| want(m)) {
                        if rest.len() + 1 > best.len() {
                            best = std::iter::once(e.word.as_str())
                                .chain(rest.iter().map(|id| by_id[id]))
                                .collect();
                        }
                    }
                }
                best.join(" ")
            };
            let relation = longest(&|m| matches!(m, Phrase::Relation(_, Position::Before)));
            let approx = longest(&|m| matches!(m, Phrase::Approx(_)));
            let t = [relation.as_str(), approx.as_str(), "3.5", unit]
                .iter()
                .filter(|w| !w.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let d = extracted(lang, &t).durations;
            assert_eq!(d.len(), 1, "{t}");
            assert_eq!(&t[d[0].span.clone()], t, "{t}");
        }
    }

    #[test]
    fn durations_in_several_parts_and_halves() {
        use crate::language::Relation;
        let d = |lang, t: &str| {
            extracted(lang, t)
                .durations
                .into_iter()
                .map(|d| (t[d.span].to_string(), d.count, d.unit, d.approx, d.relation))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            d(Lang::Ru, "война длится уже два года и три месяца"),
            [(
                "два года и три месяца".into(),
                27.0,
                TimeUnit::Month,
                Approx::Exactly,
                None
            )]
        );
        assert_eq!(
            d(Lang::Uk, "2 роки, 3 місяці тому")[0],
            (
                "2 роки, 3 місяці тому".into(),
                27.0,
                TimeUnit::Month,
                Approx::Exactly,
                Some(Relation::Ago)
            )
        );
        assert_eq!(d(Lang::En, "two years and a month")[0].1, 25.0);
        // Months to days is not a whole conversion: the sum is approximate.
        assert_eq!(d(Lang::Ru, "месяц и 10 дней назад").len(), 1);
        assert_eq!(d(Lang::Ru, "1 месяц и 10 дней")[0].3, Approx::About);
        // Each part with its own relation stays apart.
        assert_eq!(d(Lang::Ru, "два года назад и три месяца назад").len(), 2);
        assert_eq!(d(Lang::Ru, "полгода")[0].1, 6.0);
        assert_eq!(d(Lang::Ru, "3.5 месяца")[0].1, 3.5);
        assert_eq!(d(Lang::Ru, "2,5 года")[0].1, 2.5);
    }

    #[test]
    fn ranges_of_years_with_a_shortened_second_year() {
        let years = |a, b| TimeValue::Range {
            from: Box::new(TimeValue::Year {
                year: a,
                part: None,
            }),
            to: Box::new(TimeValue::Year {
                year: b,
                part: None,
            }),
        };
        let cases = [
            (Lang::Ru, "в 2014-15 годах", years(2014, 2015)),
            (Lang::Uk, "у 2013-15 роках", years(2013, 2015)),
            (Lang::En, "in 2025-26", years(2025, 2026)),
            (Lang::En, "in 1998-2001", years(1998, 2001)),
        ];
        for (lang, text, value) in cases {
            assert_eq!(found_in(lang, text), [(text.to_string(), value)], "{text}");
        }
        // Not a range: a second part not after the first, or no preposition nor year word.
        for (lang, text) in [(Lang::En, "in 2014-10"), (Lang::En, "the 2014-15 season")] {
            assert!(
                found_in(lang, text)
                    .iter()
                    .all(|(_, v)| !matches!(v, TimeValue::Range { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn ranges_sharing_a_month_or_year() {
        let range = |a, b| TimeValue::Range {
            from: Box::new(a),
            to: Box::new(b),
        };
        let oct = |y, d| date(Some(y), 10, d);
        assert_eq!(
            found("с 14.10. по 15.10.2018"),
            [(
                "с 14.10. по 15.10.2018".into(),
                range(oct(2018, 14), oct(2018, 15))
            )]
        );
        assert_eq!(
            found("14./15.10.2018")[0].1,
            range(oct(2018, 14), oct(2018, 15))
        );
        assert_eq!(
            found("14 - 15.10.18")[0].1,
            range(oct(2018, 14), oct(2018, 15))
        );
        // Without a year: both ends take the year the reader gives the second.
        assert_eq!(
            found("14. - 15.10.")[0].1,
            range(date(None, 10, 14), date(None, 10, 15))
        );
        assert!(found("счет 14 - 15.10").len() <= 1 && found("14 - 15.10").is_empty());
        // Across the new year the first end keeps its own month, in the year before.
        assert_eq!(
            found("28.12. – 03.01.2019")[0].1,
            range(date(Some(2018), 12, 28), date(Some(2019), 1, 3))
        );
        let july = |d| date(None, 7, d);
        assert_eq!(
            found_in(Lang::En, "July 13-15"),
            [("July 13-15".into(), range(july(13), july(15)))]
        );
        assert_eq!(
            found_in(Lang::En, "from the 13th to the 15th of July")[0].1,
            range(july(13), july(15))
        );
        assert_eq!(
            found_in(Lang::En, "23rd to 26th July")[0].1,
            range(july(23), july(26))
        );
        // Not ranges: a fraction, a figure after a date.
        assert!(found("14/15.10.2018")[0].0 != "14/15.10.2018");
        assert_eq!(
            found_in(Lang::En, "on July 13 to 15 percent")[0].0,
            "on July 13"
        );
    }

    fn durations_of(t: &str, lang: Lang) -> Vec<(String, f64, TimeUnit, Approx)> {
        let pack = embedded::pack(lang).unwrap();
        let text = Text::new(
            t,
            &[Segment {
                range: 0..t.len(),
                holes: vec![],
            }],
            pack,
        );
        let temporals = extract(t, &text, pack);
        durations(t, &text, pack, &temporals)
            .into_iter()
            .map(|d| (t[d.span].to_string(), d.count, d.unit, d.approx))
            .collect()
    }

    #[test]
    fn durations_with_approximations_and_number_words() {
        // A bare unit with a relation after it is one unit; after a vague count, nothing.
        assert_eq!(
            durations_of("неделю тому назад", Lang::Ru),
            [(
                "неделю тому назад".into(),
                1.0,
                TimeUnit::Week,
                Approx::Exactly
            )]
        );
        assert!(durations_of("несколько лет назад", Lang::Ru).is_empty());
        assert!(durations_of("several years ago", Lang::En).is_empty());
        // An approximation before the relation word: «почти через год».
        assert_eq!(
            durations_of("почти через год он уехал", Lang::Ru),
            [(
                "почти через год".into(),
                1.0,
                TimeUnit::Year,
                Approx::Almost
            )]
        );
        assert_eq!(
            durations_of("майже через три тижні", Lang::Uk),
            [(
                "майже через три тижні".into(),
                3.0,
                TimeUnit::Week,
                Approx::Almost
            )]
        );
        assert_eq!(
            durations_of("война длится уже почти четыре года", Lang::Ru),
            [(
                "почти четыре года".into(),
                4.0,
                TimeUnit::Year,
                Approx::Almost
            )]
        );
        assert_eq!(
            durations_of("более двух недель", Lang::Ru),
            [(
                "более двух недель".into(),
                2.0,
                TimeUnit::Week,
                Approx::MoreThan
            )]
        );
        assert_eq!(
            durations_of("через неделю и 25 лет назад", Lang::Ru).len(),
            2
        );
        assert_eq!(
            durations_of("майже три роки", Lang::Uk),
            [("майже три роки".into(), 3.0, TimeUnit::Year, Approx::Almost)]
        );
        assert_eq!(
            durations_of("nearly four years and a decade", Lang::En)[1],
            ("a decade".into(), 10.0, TimeUnit::Year, Approx::Exactly)
        );
        assert!(durations_of("в 2025 году", Lang::Ru).is_empty());
        assert_eq!(found("шестого января")[0].1, date(None, 1, 6));
        assert_eq!(
            found("двадцать пятое мая 2026 года")[0].1,
            date(Some(2026), 5, 25)
        );
    }

    #[test]
    fn durations_in_hours_minutes_and_seconds() {
        let one = |t: &str, lang| {
            let d = durations_of(t, lang);
            assert_eq!(d.len(), 1, "{t}: {d:?}");
            (d[0].0.clone(), d[0].1, d[0].2, d[0].3)
        };
        assert_eq!(
            one("Совещание шло более 10 часов.", Lang::Ru),
            (
                "более 10 часов".into(),
                10.0,
                TimeUnit::Hour,
                Approx::MoreThan
            )
        );
        assert_eq!(one("Спор занял два с половиной часа", Lang::Ru).1, 2.5);
        assert_eq!(one("Ждали полтора часа", Lang::Ru).1, 1.5);
        assert_eq!(one("Ждали полчаса", Lang::Ru).2, TimeUnit::Minute);
        assert_eq!(one("Операция шла 3 часа 20 минут", Lang::Ru).1, 200.0);
        assert_eq!(
            one("Перемовини тривали понад 10 годин", Lang::Uk),
            (
                "понад 10 годин".into(),
                10.0,
                TimeUnit::Hour,
                Approx::MoreThan
            )
        );
        assert_eq!(one("Тренування тривало 15 хвилин", Lang::Uk).1, 15.0);
        assert_eq!(one("Мітинг тривав дві з половиною години", Lang::Uk).1, 2.5);
        assert_eq!(one("The hearing lasted 16 hours.", Lang::En).1, 16.0);
        assert_eq!(
            one("He spoke for nearly an hour.", Lang::En),
            ("nearly an hour".into(), 1.0, TimeUnit::Hour, Approx::Almost)
        );
        assert_eq!(one("The vote took half an hour.", Lang::En).1, 0.5);
        assert_eq!(one("It ended in a minute and a half.", Lang::En).1, 1.5);
        assert_eq!(one("The crossing took 6 1/2 hours.", Lang::En).1, 6.5);
        assert_eq!(one("Rescuers dug for seventy-two hours.", Lang::En).1, 72.0);
        assert_eq!(
            one("In the past twenty four hours prices fell.", Lang::En).1,
            24.0
        );
        assert_eq!(one("The loan runs for 3 1/2 years.", Lang::En).1, 3.5);
        // Times of day, rates, names and ranges are not durations.
        for (t, lang) in [
            ("Встреча начнется в 15 часов.", Lang::Ru),
            ("Магазины работают до 18 часов.", Lang::Ru),
            ("Взрыв прогремел около двух часов ночи.", Lang::Ru),
            ("Сирены звучали в 2 часа ночи.", Lang::Ru),
            ("Сбор назначен к 18 часам.", Lang::Ru),
            ("Было 10 минут третьего.", Lang::Ru),
            ("Старт — 19 часов 30 минут.", Lang::Ru),
            (
                "Поезд прибыл 13 часов 05 минут по московскому времени.",
                Lang::Ru,
            ),
            ("Программа «60 минут» вышла в эфир.", Lang::Ru),
            ("На 15 минуте хозяева забили гол.", Lang::Ru),
            ("Засідання почнеться о 15 годині.", Lang::Uk),
            ("Прийом триває до 18 години.", Lang::Uk),
            ("Пожежу загасили о 2 годині 40 хвилин.", Lang::Uk),
            ("Процедура триває 10-15 хвилин.", Lang::Uk),
            ("Так було 10-20 років тому.", Lang::Uk),
            ("The truck went 60 miles an hour.", Lang::En),
            ("Workers earn $15 an hour.", Lang::En),
            ("The deadline is at 1800 hours.", Lang::En),
            ("She told 60 Minutes about the deal.", Lang::En),
            ("The second round begins.", Lang::En),
            ("They found minute traces of the drug.", Lang::En),
        ] {
            assert!(durations_of(t, lang).is_empty(), "{t}");
        }
    }

    #[test]
    fn hyphenated_lengths_are_attributive_and_ages_stay_ages() {
        let lengths = |t: &str| {
            extracted(Lang::En, t)
                .durations
                .into_iter()
                .map(|d| (t[d.span].to_string(), d.count, d.unit, d.attributive))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            lengths("She signed a two-year contract and a 10-year lease."),
            [
                ("two-year".into(), 2.0, TimeUnit::Year, true),
                ("10-year".into(), 10.0, TimeUnit::Year, true)
            ]
        );
        assert_eq!(lengths("shares hit a 52-week high")[0].1, 52.0);
        assert_eq!(lengths("after a 16-hour flight")[0].2, TimeUnit::Hour);
        assert_eq!(lengths("a twenty-four-hour strike")[0].1, 24.0);
        assert_eq!(lengths("a day-long meeting")[0].1, 1.0);
        assert_eq!(lengths("a decade-long war")[0].1, 10.0);
        for t in [
            "a 52-year-old nurse",
            "a two-year-old girl",
            "an 8-month-old baby",
            "decades-long feud",
            "the year-end results",
            "a year-ago quarter",
            "a once-a-year sale",
        ] {
            assert!(lengths(t).is_empty(), "{t}");
        }
        let ages = extracted(Lang::En, "a 52-year-old nurse").ages;
        assert_eq!(ages.len(), 1);
        assert_eq!(ages[0].years, 52);
    }

    #[test]
    fn things_that_are_not_dates() {
        assert!(found("окружающая среда").is_empty());
        assert!(found("версия 1.2.3.4 и 192.168.1.1").is_empty());
        assert!(found("2026 человек").is_empty());
        assert!(found("Марта Иванова").is_empty());
        assert!(found("на 35 процентов").is_empty());
    }
}
