//! Scheduled events and the days the article gives them: «саммит НАТО пройдет 7 июля».
//!
//! A sentence dates an event when it has exactly one event noun (from `claims.toml`) and
//! exactly one time expression placed on days, anchored to a predicate that schedules
//! (`events.verbs`: «пройдет», «начнется») and not in the past tense. Sentences that say
//! the date changed («перенесли», «изначально») and nouns after a word naming another
//! occurrence («следующий саммит», «первый раунд») date nothing: precision first.

use std::ops::Range;

use super::grain_days;
use super::words::ClaimWords;
use super::{DatedEvent, Duration, OrderClaim, Temporal};
use crate::language::{fold, Approx, Lang, LanguagePack, Relation, Unit, Word};
use crate::morphology::{self, Tense, WordClass};
use crate::text::Text;

/// What the event passes read: the text and the language's data.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    /// The document's text.
    pub source: &'a str,
    /// Its tokens and sentences.
    pub text: &'a Text,
    /// The language's calendar and grammar words.
    pub pack: &'a LanguagePack,
    /// The language.
    pub lang: Lang,
    /// The language's claim words.
    pub words: &'a ClaimWords,
}

/// Finds the dated events of a document.
pub fn find(sc: Scope, temporals: &[Temporal]) -> Vec<DatedEvent> {
    let mut out: Vec<DatedEvent> = Vec::new();
    for first in lone_temporals(temporals) {
        let t = &temporals[first];
        let s = t.sentence;
        // Scheduled: a day, anchored to a predicate that dates events («пройдет»), not in
        // the past tense (a past strike or talks may well run over several days).
        // A day named by the date before it («в тот же день») dates nothing of its own.
        let dated = t.interval.is_some_and(grain_days)
            && !matches!(t.value, crate::claims::TimeValue::SamePeriod { .. })
            && t.anchor.as_ref().is_some_and(|a| {
                !a.conditional
                    && sc.words.is_event_verb(&fold(&sc.source[a.span.clone()]))
                    && (a.tense != Tense::Past || scheduled_for(sc, t, a))
            });
        if !dated {
            continue;
        }
        if let Some(e) = event_in(sc, s, first) {
            out.push(e);
        }
    }
    // A bare «саммит» is the summit the article names, when it names exactly one, and its
    // sentence names no place of its own ("In neighbouring Colombia, the inauguration …").
    let keys: Vec<String> = out
        .iter()
        .map(|e| {
            if names_a_place(sc, e.sentence, &e.span) {
                e.key.clone()
            } else {
                resolve_key(e.key.clone(), &out)
            }
        })
        .collect();
    for (e, k) in out.iter_mut().zip(keys) {
        e.key = k;
    }
    out
}

/// Whether sentence `s` names a place before the event's words `span`: a preposition
/// followed by a capitalised word, or by one word and then a capitalised one («У сусідній
/// Угорщині вибори …», "In neighbouring Colombia, the inauguration …"). A place after the
/// event is mostly its venue ("will be played at the Puskas Arena").
fn names_a_place(sc: Scope, s: usize, span: &Range<usize>) -> bool {
    let Some(range) = sc.text.sentences.get(s).cloned() else {
        return false;
    };
    let capital = |i: usize| {
        let t = &sc.text.tokens[i];
        range.contains(&i)
            && t.end <= span.start
            && t.is_word()
            && t.text(sc.source)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    range.clone().any(|i| {
        let t = &sc.text.tokens[i];
        t.is_word()
            && sc
                .pack
                .word(&fold(t.text(sc.source)))
                .iter()
                .any(|w| matches!(w, Word::Prep(_)))
            && (capital(i + 1)
                || (sc.text.tokens.get(i + 1).is_some_and(|t| t.is_word()) && capital(i + 2)))
    })
}

/// The indices of the time expressions that are alone in their sentence (the temporals are
/// in text order).
fn lone_temporals(temporals: &[Temporal]) -> impl Iterator<Item = usize> + '_ {
    (0..temporals.len()).filter(move |&k| {
        let s = temporals[k].sentence;
        (k == 0 || temporals[k - 1].sentence != s)
            && temporals.get(k + 1).is_none_or(|n| n.sentence != s)
    })
}

/// The one event noun of sentence `s`, with its key.
fn event_in(sc: Scope, s: usize, temporal: usize) -> Option<DatedEvent> {
    let Scope {
        source,
        text,
        words,
        ..
    } = sc;
    let range = text.sentences.get(s)?.clone();
    let mut found = None;
    for (i, f) in event_words(sc, &range) {
        // «перенесли на 8 июля»: two dates on purpose; «во втором туре 24 мая»: another
        // occurrence of the event.
        if words.is_change(&f) || words.is_occurrence(&f) {
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
    // «накануне саммита, 6 июля»: the day is placed by the event, not the event's own.
    if order_before(source, text, words, &range, at).is_some() {
        return None;
    }
    let (key, span) = event_key(sc, &range, at, noun)?;
    Some(DatedEvent {
        key,
        span,
        temporal,
        sentence: s,
    })
}

/// The words of a sentence that may be event nouns or change words, folded, with their
/// token indices; the rest are ruled out by their first letters without folding.
fn event_words(sc: Scope, range: &Range<usize>) -> Vec<(usize, String)> {
    range
        .clone()
        .filter_map(|i| {
            let t = &sc.text.tokens[i];
            let w = t.text(sc.source);
            (t.is_word() && sc.words.may_be_event_word(w)).then(|| (i, fold(w)))
        })
        .collect()
}

/// The word at token `i` of a sentence: (as written, folded).
fn word_at<'s>(
    source: &'s str,
    text: &Text,
    range: &Range<usize>,
    i: usize,
) -> Option<(&'s str, String)> {
    let t = text
        .tokens
        .get(i)
        .filter(|t| t.is_word() && range.contains(&i))?;
    Some((t.text(source), fold(t.text(source))))
}

/// The key of the event noun at `at` and the span of its words: the noun with the name
/// before it («Вильнюсский саммит», "G20 summit") and the name or genitive noun after it
/// («саммит НАТО», «встреча министров»). `None` when a word before it names another
/// occurrence («следующий саммит») or is an ordinal.
fn event_key(
    sc: Scope,
    range: &Range<usize>,
    at: usize,
    noun: String,
) -> Option<(String, Range<usize>)> {
    let Scope {
        source,
        text,
        pack,
        lang,
        words,
    } = sc;
    let mut key = noun;
    let mut span = text.tokens[at].start..text.tokens[at].end;
    // The word before: a preposition says nothing; a word naming another occurrence or an
    // ordinal rules the event out; a capitalised word names it. «G20 summit»: a name glued
    // to its number.
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
    if let Some((written, f)) = (at > 0)
        .then_some(name_start)
        .and_then(|i| word_at(source, text, range, i))
    {
        let readings = pack.word(&f);
        if words.is_distinguisher(&f) || readings.iter().any(|w| matches!(w, Word::Ordinal(_))) {
            return None;
        }
        let is_prep = readings.iter().any(|w| matches!(w, Word::Prep(_)));
        // A capital names it, unless it only opens the sentence («Саммит», but «НАТО»).
        // A possessive names it anywhere ("Macron's visit").
        let names = |i: usize, written: &str| {
            let acronym = written.chars().all(|c| !c.is_lowercase());
            let capital = written.chars().next().is_some_and(char::is_uppercase);
            let possessive = pack.possessive_len(&fold(written)).is_some();
            capital && (i > range.start || acronym || possessive)
        };
        // The run of names before it, up to `most` words: "the Champions League final" is not
        // "the Europa League final".
        let names_from = |from: usize, most: usize| {
            let mut first = from;
            while first > range.start && from - first < most {
                let Some((w, f)) = word_at(source, text, range, first - 1) else {
                    break;
                };
                if !pack.word(&f).is_empty() || words.is_distinguisher(&f) || !names(first - 1, w) {
                    break;
                }
                first -= 1;
            }
            first
        };
        let adjective = || {
            (name_start == range.start || !written.chars().next().is_some_and(char::is_uppercase))
                && !words.is_order_filler(&f)
                && match morphology::class_of(lang, written) {
                    Some(WordClass::Modifier) => true,
                    Some(WordClass::Noun { pronoun: false, .. }) => {
                        pack.noun_adjuncts || words.has_modifier_ending(&f)
                    }
                    _ => false,
                }
        };
        let first = if !is_prep && names(name_start, written) {
            Some(names_from(name_start, usize::MAX))
        } else if is_prep {
            // «Продажа билетов на финал», «Регистрация кандидатов на выборы»: an event after a
            // noun and its preposition is that noun's complement; the date is the sale's.
            let noun_before = name_start > range.start
                && word_at(source, text, range, name_start - 1).is_some_and(|(w, f)| {
                    !words.is_order_filler(&f)
                        && pack.word(&f).is_empty()
                        && matches!(
                            morphology::class_of(lang, w),
                            Some(WordClass::Noun { pronoun: false, .. })
                        )
                });
            if noun_before {
                return None;
            }
            None
        } else if adjective() {
            // «Предупредительная забастовка» is not «бессрочная забастовка», "technical
            // talks" not "the talks": an adjective before the noun is part of its key, with
            // the names before it ("the Kyiv mayoral election").
            Some(names_from(name_start, 3))
        } else if !pack.noun_adjuncts
            && readings.is_empty()
            && !words.is_order_filler(&f)
            && !pack.is_deverbal(&f)
            && matches!(
                morphology::class_of(lang, written),
                Some(WordClass::Noun { pronoun: false, .. })
            )
            // «в преддверии саммита»: a phrase of order, not a noun governing the event.
            && order_before(source, text, words, range, at).is_none()
        {
            // «второй тур выборов», «итоги референдума»: the noun before governs the event
            // noun, and the day is that noun's. Not a deverbal noun: «проведение саммита» is
            // the summit's.
            return None;
        } else {
            None
        };
        if let Some(first) = first {
            key = format!(
                "{key} {}",
                fold(&source[text.tokens[first].start..text.tokens[at - 1].end])
            );
            span.start = text.tokens[first].start;
        }
    }
    // The words after: names («НАТО», «G7») and nouns in the genitive («министров обороны»,
    // «мэра Киева»: not the same elections as «мэра Одессы»), up to three.
    let morph = morphology::for_language(lang);
    let mut j = at + 1;
    while j < at + 4 {
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
    }
    // A name after a preposition or in quotation marks: «Заседание Совбеза ООН по
    // Украине», «Визит Рютте в Киев», «Концерт группы «Океан Эльзы»».
    let capitalised = |i: usize| {
        word_at(source, text, range, i).is_some_and(|(w, f)| {
            w.chars().next().is_some_and(char::is_uppercase) && pack.word(&f).is_empty()
        })
    };
    let quote = |i: usize| {
        text.tokens
            .get(i)
            .is_some_and(|t| matches!(t.punct(), Some('«' | '"' | '“' | '„')))
    };
    // Up to two such names, joined by a coordinator («Матч «Динамо» и «Шахтера»»).
    let closing = |i: usize| {
        text.tokens
            .get(i)
            .is_some_and(|t| matches!(t.punct(), Some('»' | '"' | '”')))
    };
    // «Встреча с журналистами»: a complement after a preposition tells it from «встреча
    // министров» as well.
    if let (Some((_, p)), Some((w, f))) = (
        word_at(source, text, range, j),
        word_at(source, text, range, j + 1),
    ) {
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if words.is_topic_preposition(&p)
            && lower
            && pack.word(&f).is_empty()
            && !words.is_order_filler(&f)
            && w.chars().count() >= 4
        {
            key = format!("{key} {p} {f}");
            span.end = text.tokens[j + 1].end;
            return Some((key, span));
        }
    }
    let mut k = j;
    for round in 0..2 {
        if let Some((written, f)) = word_at(source, text, range, k) {
            let joins = if round == 0 {
                words.is_topic_preposition(&f)
            } else {
                pack.is_coordinator(written)
            };
            // "of the Czech president": an article may stand between.
            let article = usize::from(
                word_at(source, text, range, k + 1).is_some_and(|(_, a)| words.is_order_filler(&a)),
            );
            let after = k + 1 + article;
            if joins && (capitalised(after) || quote(after)) {
                key = format!("{key} {f}");
                k = after;
            }
        }
        if quote(k) {
            k += 1;
        }
        let name_from = k;
        while k < name_from + 3 && capitalised(k) {
            let t = &text.tokens[k];
            key = format!("{key} {}", fold(t.text(source)));
            span.end = t.end;
            k += 1;
        }
        if k == name_from {
            break;
        }
        if closing(k) {
            k += 1;
        }
    }
    Some((key, span))
}

/// An order phrase ending just before the event noun at `at` (a name may stand between:
/// «перед Вильнюсским саммитом»): (is it «before», first token of the phrase).
fn order_before(
    source: &str,
    text: &Text,
    words: &ClaimWords,
    range: &Range<usize>,
    at: usize,
) -> Option<(bool, usize)> {
    for gap in 0..=3 {
        let Some(end) = at.checked_sub(gap) else {
            break;
        };
        // Between the phrase and the noun only a name («перед Вильнюсским саммитом»,
        // "before the G20 summit") or a filler word ("the"): each step takes in token `end`.
        if gap > 0 {
            let t = &text.tokens[end];
            let w = t.text(source);
            let ok = end >= range.start
                && (t.number().is_some()
                    || (t.is_word()
                        && (w.starts_with(char::is_uppercase) || words.is_order_filler(&fold(w)))));
            if !ok {
                break;
            }
        }
        for (before, list) in [(true, &words.before), (false, &words.after)] {
            for phrase in list {
                let n = phrase.len();
                let Some(first) = end.checked_sub(n) else {
                    continue;
                };
                if first < range.start {
                    continue;
                }
                let matches = (0..n).all(|k| {
                    word_at(source, text, range, first + k).is_some_and(|(_, f)| f == phrase[k])
                });
                if matches {
                    return Some((before, first));
                }
            }
        }
    }
    None
}

/// Finds the days the article places before or after an event: «накануне саммита НАТО,
/// 6 июля», «за два дня до саммита, 5 июля», "a week after the vote, on May 3". The sentence
/// must hold exactly one time expression placed on a day.
pub fn find_order(
    sc: Scope,
    temporals: &[Temporal],
    durations: &[Duration],
    events: &[DatedEvent],
) -> Vec<OrderClaim> {
    let Scope {
        source,
        text,
        words,
        ..
    } = sc;
    let mut out = Vec::new();
    for first in lone_temporals(temporals) {
        let s = temporals[first].sentence;
        if !temporals[first].interval.is_some_and(grain_days) {
            continue;
        }
        let Some(range) = text.sentences.get(s).cloned() else {
            continue;
        };
        for (at, f) in event_words(sc, &range) {
            let Some(noun) = words.event_noun(&f) else {
                continue;
            };
            let Some((before, phrase_start)) = order_before(source, text, words, &range, at) else {
                continue;
            };
            let Some((key, event_span)) = event_key(sc, &range, at, noun.to_string()) else {
                continue;
            };
            // «за два дня до», «через неделю после»: a count of days just before.
            let days = durations
                .iter()
                .find(|d| d.tokens.end == phrase_start || d.tokens.end + 1 == phrase_start)
                .filter(|d| {
                    d.relation != Some(Relation::Ago)
                        && d.approx == Approx::Exactly
                        && !d.attributive
                })
                .and_then(|d| {
                    let per = match d.unit.calendar()? {
                        Unit::Day => 1.0,
                        Unit::Week => 7.0,
                        _ => return None,
                    };
                    let n = d.count * per;
                    (n.fract() == 0.0).then_some((n as i64, d.tokens.start))
                });
            // «за день до финала», «через неделю после»: a unit alone after a preposition
            // counts one of it.
            let days = days.or_else(|| {
                let u = phrase_start.checked_sub(1)?;
                let (_, f) = word_at(source, text, &range, u)?;
                let (unit, per) = sc.pack.word(&f).iter().find_map(|w| match w {
                    Word::DurationUnit(unit, per) => Some((*unit, *per)),
                    _ => None,
                })?;
                let (_, before) = word_at(source, text, &range, u.checked_sub(1)?)?;
                if !sc
                    .pack
                    .word(&before)
                    .iter()
                    .any(|w| matches!(w, Word::Prep(_)))
                {
                    return None;
                }
                let days = match unit.calendar()? {
                    Unit::Day => 1,
                    Unit::Week => 7,
                    _ => return None,
                };
                Some((i64::from(per) * days, u))
            });
            // «за два дня до»: the preposition before the count belongs to the phrase.
            let start = match days {
                Some((_, t)) if t > range.start => {
                    let prep = word_at(source, text, &range, t - 1).is_some_and(|(_, f)| {
                        sc.pack.word(&f).iter().any(|w| matches!(w, Word::Prep(_)))
                    });
                    if prep {
                        t - 1
                    } else {
                        t
                    }
                }
                Some((_, t)) => t,
                None => phrase_start,
            };
            out.push(OrderClaim {
                key: resolve_key(key, events),
                span: text.tokens[start].start..event_span.end,
                before,
                days: days.map(|(n, _)| n),
                temporal: first,
                sentence: s,
            });
            break;
        }
    }
    out
}

/// «Выборы назначены на 20 сентября»: a scheduling participle in the past form with a "for"
/// day states the plan in force; «были назначены на» (a copula before it) a plan of the past.
fn scheduled_for(sc: Scope, t: &Temporal, a: &crate::claims::Anchor) -> bool {
    let tokens = &sc.text.tokens;
    let Ok(verb) = tokens.binary_search_by_key(&a.span.start, |k| k.start) else {
        return false;
    };
    t.prep == Some(crate::language::Prep::For)
        && verb < t.tokens.start
        && (verb == 0 || !sc.pack.is_copula(tokens[verb - 1].text(sc.source)))
}

/// A bare «саммит» is the summit the article names, when it names exactly one.
fn resolve_key(key: String, events: &[DatedEvent]) -> String {
    if key.contains(' ') {
        return key;
    }
    let mut named: Vec<&String> = events
        .iter()
        .map(|e| &e.key)
        .filter(|k| k.split(' ').next() == Some(key.as_str()) && k.contains(' '))
        .collect();
    named.sort();
    named.dedup();
    match named.as_slice() {
        [only] => (*only).clone(),
        _ => key,
    }
}
