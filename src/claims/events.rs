//! Scheduled events and the days the article gives them: «саммит НАТО пройдет 7 июля».
//!
//! A sentence dates an event when it has exactly one event noun (from `claims.toml`) and
//! exactly one time expression placed on days, anchored to a predicate that schedules
//! (`events.verbs`: «пройдет», «начнется») and not in the past tense. Sentences that say
//! the date changed («перенесли», «изначально») and nouns after a word naming another
//! occurrence («следующий саммит», «первый раунд») date nothing: precision first.

use super::grain_days;
use super::words::ClaimWords;
use super::{DatedEvent, Temporal};
use crate::language::{fold, Lang, LanguagePack, Word};
use crate::morphology::{self, Tense, WordClass};
use crate::text::Text;

/// Finds the dated events of a document.
pub fn find(
    source: &str,
    text: &Text,
    pack: &LanguagePack,
    lang: Lang,
    words: &ClaimWords,
    temporals: &[Temporal],
) -> Vec<DatedEvent> {
    let mut out: Vec<DatedEvent> = Vec::new();
    let mut k = 0;
    while k < temporals.len() {
        let s = temporals[k].sentence;
        let first = k;
        while k < temporals.len() && temporals[k].sentence == s {
            k += 1;
        }
        if k - first != 1 {
            continue;
        }
        let t = &temporals[first];
        // Scheduled: a day, anchored to a predicate that dates events («пройдет»), not in
        // the past tense (a past strike or talks may well run over several days).
        let dated = t.interval.is_some_and(grain_days)
            && t.anchor.as_ref().is_some_and(|a| {
                !a.conditional
                    && a.tense != Tense::Past
                    && words.is_event_verb(&fold(&source[a.span.clone()]))
            });
        if !dated {
            continue;
        }
        if let Some(e) = event_in(source, text, pack, lang, words, s, first) {
            out.push(e);
        }
    }
    // A bare «саммит» is the summit the article names, when it names exactly one.
    let named: Vec<String> = out
        .iter()
        .filter(|e| e.key.contains(' '))
        .map(|e| e.key.clone())
        .collect();
    for e in out.iter_mut().filter(|e| !e.key.contains(' ')) {
        let mut same_noun = named
            .iter()
            .filter(|n| n.split(' ').next() == Some(e.key.as_str()));
        if let (Some(only), None) = (same_noun.next(), same_noun.next()) {
            e.key = only.clone();
        }
    }
    out
}

/// The one event noun of sentence `s`, with its key.
fn event_in(
    source: &str,
    text: &Text,
    pack: &LanguagePack,
    lang: Lang,
    words: &ClaimWords,
    s: usize,
    temporal: usize,
) -> Option<DatedEvent> {
    let range = text.sentences.get(s)?.clone();
    let word_at = |i: usize| {
        let t = text
            .tokens
            .get(i)
            .filter(|t| t.is_word() && range.contains(&i))?;
        Some((t.text(source), fold(t.text(source))))
    };
    let mut found = None;
    for i in range.clone() {
        let Some((_, f)) = word_at(i) else { continue };
        if words.is_change(&f) {
            return None;
        }
        if let Some(noun) = words.event_noun(&f) {
            if found.is_some() {
                return None; // two events in one sentence: which has the date?
            }
            found = Some((i, noun.to_string()));
        }
    }
    let (at, noun) = found?;
    let mut key = noun;
    let mut span = text.tokens[at].start..text.tokens[at].end;
    // The word before: a preposition says nothing; a word naming another occurrence or an
    // ordinal rules the event out; a capitalised word names it («Вильнюсский саммит»).
    // «G20 summit»: a name glued to its number.
    let glued_name = at >= 2
        && range.contains(&(at - 2))
        && text.tokens[at - 1].number().is_some()
        && !text.tokens[at - 1].space_before
        && text.tokens[at - 2].is_word();
    let name_start = if glued_name {
        at - 2
    } else {
        at.saturating_sub(1)
    };
    if let Some((written, f)) = (at > 0).then_some(name_start).and_then(word_at) {
        let readings = pack.word(&f);
        if words.is_distinguisher(&f) || readings.iter().any(|w| matches!(w, Word::Ordinal(_))) {
            return None;
        }
        let is_prep = readings.iter().any(|w| matches!(w, Word::Prep(_)));
        // A capital names it, unless it only opens the sentence («Саммит», but «НАТО»).
        let acronym = written.chars().all(|c| !c.is_lowercase());
        let capital = written.chars().next().is_some_and(char::is_uppercase);
        if !is_prep && capital && (name_start > range.start || acronym) {
            key = format!(
                "{key} {}",
                fold(&source[text.tokens[name_start].start..text.tokens[at - 1].end])
            );
            span.start = text.tokens[name_start].start;
        }
    }
    // The words after: a name («НАТО», «G7») or a noun in the genitive («министров»).
    let morph = morphology::for_language(lang);
    let mut j = at + 1;
    while j < at + 3 {
        let Some(tok) = text.tokens.get(j).filter(|_| range.contains(&j)) else {
            break;
        };
        let written = tok.text(source);
        let named = tok.number().is_some()
            || (tok.is_word() && written.chars().next().is_some_and(char::is_uppercase));
        let noun = tok.is_word()
            && written.chars().count() >= 4
            && pack.word(&fold(written)).is_empty()
            && !pack.is_future_marker(&fold(written))
            && !pack.is_infinitive_marker(&fold(written))
            && !pack.is_participle_marker(&fold(written))
            // A noun, or a word the dictionary does not class (Ukrainian tables know only
            // verbs); never a verb, pronoun or adjective.
            && morph.is_some_and(|m| {
                matches!(
                    morphology::classify_cached(lang, m, written),
                    WordClass::Noun { pronoun: false, .. } | WordClass::Other
                )
            });
        if !(named || noun) {
            break;
        }
        key = format!("{key} {}", fold(written));
        span.end = tok.end;
        j += 1;
        if !named {
            break; // one genitive noun is enough to tell events apart
        }
    }
    Some(DatedEvent {
        key,
        span,
        temporal,
        sentence: s,
    })
}
