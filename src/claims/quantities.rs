//! Counts of things: «35 делегаций», «более 30 государств», "nearly 40 delegations".
//!
//! A count is a number (digits or number words), optionally after an approximation word,
//! right before a lower-case noun that counts (not a unit, a share or a time: those are in
//! `claims.toml`). A number glued to other numbers or signs («1,5», «30–35», «30%»), or
//! governed by a word that makes it a change, a share or a rank («до 35», «из 35»), is not a
//! count.

use super::temporal::{count_at, Tagged};
use super::words::ClaimWords;
use super::{Age, Duration, Quantity, Temporal};
use crate::language::{fold, Approx, Phrase};
use crate::text::Text;

/// Finds the counts of the tagged text outside the time expressions, durations and ages.
pub(crate) fn find(
    tg: &Tagged,
    source: &str,
    text: &Text,
    taken_by: (&[Temporal], &[Duration], &[Age]),
    words: &ClaimWords,
) -> Vec<Quantity> {
    let (temporals, durations, ages) = taken_by;
    let mut taken = vec![false; text.tokens.len()];
    let spans = temporals
        .iter()
        .map(|t| t.tokens.clone())
        .chain(durations.iter().map(|d| d.tokens.clone()))
        .chain(ages.iter().map(|a| a.tokens.clone()));
    for r in spans {
        for k in r {
            if let Some(t) = taken.get_mut(k) {
                *t = true;
            }
        }
    }
    let mut out = Vec::new();
    // A count starts with a number or a number word: both are among the tagger's starts.
    for i in tg.starts() {
        if taken[i] || (tg.number(i).is_none() && tg.cardinal(i).is_none()) {
            continue;
        }
        if let Some(q) = count_here(tg, source, text, i, &taken, words) {
            out.push(q);
        }
    }
    out
}

/// A count whose number starts at token `i`.
fn count_here(
    tg: &Tagged,
    source: &str,
    text: &Text,
    i: usize,
    taken: &[bool],
    words: &ClaimWords,
) -> Option<Quantity> {
    let written = |k: usize| tg.tok(k).map(|t| t.text(source));
    // Glued to a sign or another number before it: «1,5», «30–35», «№3», «$30», «1 200».
    if i > 0 {
        let prev = &text.tokens[i - 1];
        let glued = tg.adjacent(i)
            && prev
                .punct()
                .is_some_and(|c| !matches!(c, '(' | '«' | '"' | '“'));
        // «G7», «COVID-19»: a number glued to a word is part of a name.
        let named = tg.adjacent(i) && prev.is_word();
        if prev.number().is_some() || glued || named {
            return None;
        }
    }
    // The approximation before the number, and the word before that.
    let mut start = i;
    let mut approx = Approx::Exactly;
    let mut k = i;
    while k > 0 && i - k < 3 {
        k -= 1;
        if !tg.joined(k + 1) {
            break;
        }
        match tg.phrase(k) {
            Some((Phrase::Approx(a), after)) if after == i => {
                approx = a;
                start = k;
                break;
            }
            _ => {}
        }
    }
    if start > 0 && tg.joined(start) {
        let before = &text.tokens[start - 1];
        let blocked = if before.is_word() {
            words.is_blocker(&fold(written(start - 1)?))
        } else {
            matches!(before.punct(), Some('№' | '$' | '€' | '£' | '#' | '+'))
        };
        if blocked {
            return None;
        }
    }
    let (count, noun) = match tg.number(i) {
        Some((value, digits)) => {
            // Digit groups («1 200 человек») and decimals are read by no one: skip them.
            if digits > 6 || tg.number(i + 1).is_some() {
                return None;
            }
            (value as f64, i + 1)
        }
        None => {
            let (c, after) = count_at(tg, i)?;
            // A lone «один» is an article or pronoun more often than a count.
            if c < 2.0 {
                return None;
            }
            (c, after)
        }
    };
    // «40 шахматных федераций»: the noun comes after its adjectives.
    let mut noun = noun;
    if let Some(morph) = crate::morphology::for_language(tg.lang()) {
        for _ in 0..2 {
            let Some(t) = tg.tok(noun).filter(|t| t.is_word() && tg.joined(noun + 1)) else {
                break;
            };
            let next_is_word = tg.tok(noun + 1).is_some_and(|n| n.is_word());
            let modifier = matches!(
                crate::morphology::classify_cached(tg.lang(), morph, t.text(source)),
                crate::morphology::WordClass::Modifier
            );
            if !(modifier && next_is_word) {
                break;
            }
            noun += 1;
        }
    }
    let noun_tok = tg.tok(noun)?;
    if !noun_tok.is_word()
        || !tg.joined(noun)
        || !noun_tok.space_before
        || taken.get(noun) == Some(&true)
    {
        return None;
    }
    let noun_text = noun_tok.text(source);
    let first = noun_text.chars().next()?;
    if !first.is_lowercase() || noun_text.chars().count() < 3 {
        return None;
    }
    let folded = fold(noun_text);
    // Calendar and number words («мая», «года», «тысяч») and measures are no counted thing.
    if tg.folded(noun).is_some() || words.is_not_counted(&folded) {
        return None;
    }
    // «30 %», «30 тыс.»: a sign or an abbreviation's stop right after.
    if matches!(tg.punct(noun + 1), Some('%' | '.'))
        && tg.adjacent(noun + 1)
        && noun_text.chars().count() <= 4
    {
        return None;
    }
    Some(Quantity {
        span: text.tokens[start].start..noun_tok.end,
        tokens: start..noun + 1,
        sentence: text.sentence_of(i),
        count,
        approx,
        noun: folded,
        noun_span: noun_tok.start..noun_tok.end,
    })
}
