//! Checks of an article against itself: a count given twice differently, parts that add up
//! to more than their total, one event given two days, one person given two ages.

use chrono::{Datelike, NaiveDate};

use super::checks::{Context, Finding};
use crate::claims::words::same_word;
use crate::claims::{Age, Quantity};
use crate::language::{fold, Prep};
use crate::morphology::{self, WordClass};

/// The time a sentence speaks of, as the set of its placed time expressions (empty: none).
fn times(ctx: &Context, sentence: usize) -> Vec<(NaiveDate, NaiveDate)> {
    let mut v: Vec<_> = ctx
        .temporals
        .iter()
        .filter(|t| t.sentence == sentence)
        .filter_map(|t| t.interval.map(|i| (i.start, i.end)))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Two sentences speak of the same time: the same dates, or neither has any; never when
/// one moves to a time named before it («Тогда 43-летний Рютте …»).
fn same_time(ctx: &Context, a: usize, b: usize) -> bool {
    times(ctx, a) == times(ctx, b) && !shifted(ctx, a) && !shifted(ctx, b)
}

/// A sentence moved to another time than its neighbours without a date: by a word for an
/// earlier time («Тогда», "back then"), a length counted from something («Десять лет
/// спустя», «Через год», "Ten years later"), or a clause of time opening it («Когда
/// началась война, …»).
fn shifted(ctx: &Context, s: usize) -> bool {
    let words = sentence_words(ctx, s);
    let folded: Vec<String> = words.iter().map(|(_, w)| w.clone()).collect();
    let Some(pack) = ctx.pack else {
        return false;
    };
    pack.speaks_of_earlier_time(&folded)
        || ctx
            .durations
            .iter()
            .any(|d| d.sentence == s && d.relation.is_some())
        || words.first().is_some_and(|(_, w)| pack.is_subordinator(w))
}

/// The folded words of a sentence.
fn sentence_words(ctx: &Context, sentence: usize) -> Vec<(usize, String)> {
    let Some(range) = ctx.text.sentences.get(sentence) else {
        return Vec::new();
    };
    range
        .clone()
        .filter(|&i| ctx.text.tokens[i].is_word())
        .map(|i| (i, fold(ctx.text.tokens[i].text(&ctx.doc.text))))
        .collect()
}

/// The sentence attributes what it says to a source («по данным МЧС», "according to").
fn attributed(ctx: &Context, sentence: usize) -> bool {
    let Some(words) = ctx.claim_words() else {
        return false;
    };
    let folded: Vec<String> = sentence_words(ctx, sentence)
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    words.sources.iter().any(|p| {
        folded
            .windows(p.len())
            .any(|w| w.iter().zip(p).all(|(a, b)| a == b))
    })
}

/// The verb a count is said with: the nearest verb within [`VERB_REACH`] tokens in the same
/// clause (no comma, colon or dash between), folded.
fn verb_of(ctx: &Context, q: &Quantity) -> Option<String> {
    let (lang, pack) = (ctx.doc.lang?, ctx.pack?);
    let morph = morphology::for_language(lang)?;
    let range = ctx.text.sentences.get(q.sentence)?.clone();
    let is_verb = |i: usize| {
        let t = &ctx.text.tokens[i];
        let w = t.text(&ctx.doc.text);
        t.is_word()
            && pack.word(&fold(w)).is_empty()
            && matches!(
                morphology::classify_cached(lang, morph, w),
                WordClass::Verb { .. }
            )
    };
    let boundary = |i: usize| {
        matches!(
            ctx.text.tokens[i].punct(),
            Some(',' | ';' | ':' | '—' | '–' | '(' | ')' | '«' | '»' | '"')
        )
    };
    let mut found: Option<(usize, usize)> = None; // (distance, token)
                                                  // Leftwards.
    for (d, i) in (range.start..q.tokens.start).rev().enumerate() {
        if d >= VERB_REACH || boundary(i) {
            break;
        }
        if is_verb(i) {
            found = Some((d, i));
            break;
        }
    }
    // Rightwards.
    for (d, i) in (q.tokens.end..range.end).enumerate() {
        if d >= VERB_REACH || found.is_some_and(|(fd, _)| fd <= d) || boundary(i) {
            break;
        }
        if is_verb(i) {
            found = Some((d, i));
            break;
        }
    }
    found.map(|(_, i)| fold(ctx.text.tokens[i].text(&ctx.doc.text)))
}

/// The sentence moves to another time or version («ранее», «изначально», "earlier").
fn shifts_time(ctx: &Context, sentence: usize) -> bool {
    ctx.claim_words().is_some_and(|w| {
        sentence_words(ctx, sentence)
            .iter()
            .any(|(_, f)| w.is_change(f))
    })
}

/// The names of a sentence: capitalised words other than its first, folded.
fn names(ctx: &Context, sentence: usize) -> Vec<String> {
    let first = ctx.text.sentences.get(sentence).map(|r| r.start);
    sentence_words(ctx, sentence)
        .into_iter()
        .filter(|(i, _)| Some(*i) != first)
        .filter(|(i, _)| {
            ctx.text.tokens[*i]
                .text(&ctx.doc.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .map(|(_, f)| f)
        .collect()
}

/// The words of a count's sentence around it, folded, without the count, its verb and
/// prepositions: what the count is said of («Украина» in «Украина получила 31 танк», «в
/// центре города» in «Полиция задержала 12 человек в центре города»).
fn frame(ctx: &Context, q: &Quantity, verb: &str) -> Vec<String> {
    let Some(range) = ctx.text.sentences.get(q.sentence) else {
        return Vec::new();
    };
    range
        .clone()
        .filter(|i| !q.tokens.contains(i))
        .filter(|&i| ctx.text.tokens[i].is_word())
        .map(|i| fold(ctx.text.tokens[i].text(&ctx.doc.text)))
        .filter(|w| !same_word(w, verb))
        .filter(|w| !ctx.pack.is_some_and(|p| p.is_preposition(w)))
        .collect()
}

/// Neither sentence names something the other does not, each way: «поддержку Коку
/// выразили 30 федераций» and «поддержку Илюмжинову выразили 40 федераций» count for two.
fn same_names(ctx: &Context, a: usize, b: usize) -> bool {
    let (na, nb) = (names(ctx, a), names(ctx, b));
    let only = |x: &[String], y: &[String]| x.iter().any(|w| !y.iter().any(|v| same_word(w, v)));
    !(only(&na, &nb) && only(&nb, &na))
}

/// Neither count is said of something the other is not, each way: «Украина получила 31
/// танк» and «Польша получила 28 танков», «Утром … стояли 300 грузовиков» and «Вечером …
/// 250» count for two.
fn same_frame(ctx: &Context, a: &Quantity, b: &Quantity, verb: &str) -> bool {
    let (fa, fb) = (frame(ctx, a, verb), frame(ctx, b, verb));
    let only = |x: &[String], y: &[String]| x.iter().any(|w| !y.iter().any(|v| same_word(w, v)));
    !(only(&fa, &fb) && only(&fb, &fa))
}

/// How far from a count its verb may stand.
const VERB_REACH: usize = 5;

/// Other numbers in the sentence than the count's own and those inside time expressions.
fn other_numbers(ctx: &Context, q: &Quantity) -> bool {
    let Some(range) = ctx.text.sentences.get(q.sentence) else {
        return false;
    };
    range.clone().any(|i| {
        ctx.text.tokens[i].number().is_some()
            && !q.tokens.contains(&i)
            && !ctx.temporals.iter().any(|t| t.tokens.contains(&i))
    })
}

fn disjoint(a: &Quantity, b: &Quantity) -> bool {
    let (alo, ahi) = a.bounds();
    let (blo, bhi) = b.bounds();
    ahi < blo || bhi < alo
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}

/// «35 делегаций» in one sentence and «30 делегаций» in another, saying the same of them.
pub(crate) fn quantity_mismatch(ctx: &Context) -> Vec<Finding> {
    let qs = ctx.quantities;
    // Whether each count can be a restatement at all, and its verb: worked out once per
    // count (and each sentence's words once), not once per pair.
    let mut plain_sentence: std::collections::HashMap<usize, bool> = Default::default();
    let mut plain = |s: usize| {
        *plain_sentence
            .entry(s)
            .or_insert_with(|| !attributed(ctx, s) && !shifts_time(ctx, s))
    };
    let candidates: Vec<Option<String>> = qs
        .iter()
        .map(|q| {
            let close_to_others = qs.iter().any(|o| {
                !std::ptr::eq(o, q)
                    && o.sentence != q.sentence
                    && same_word(&o.noun, &q.noun)
                    && disjoint(o, q)
            });
            if !close_to_others || other_numbers(ctx, q) || !plain(q.sentence) {
                return None;
            }
            verb_of(ctx, q)
        })
        .collect();
    let mut out = Vec::new();
    for (bi, b) in qs.iter().enumerate() {
        let Some(vb) = &candidates[bi] else { continue };
        // Three or more different counts of one noun are counts of different groups.
        let values: Vec<f64> = qs
            .iter()
            .filter(|q| same_word(&q.noun, &b.noun))
            .map(|q| q.count)
            .fold(Vec::new(), |mut v, c| {
                if !v.contains(&c) {
                    v.push(c);
                }
                v
            });
        if values.len() > 2 {
            continue;
        }
        // A slip restates a figure: close to the first, said with the same verb, in
        // sentences with no other figure, no source and no change of time.
        let earlier = qs[..bi].iter().enumerate().find(|(ai, a)| {
            a.sentence != b.sentence
                && same_word(&a.noun, &b.noun)
                && disjoint(a, b)
                && (a.count.max(b.count) < 1.5 * a.count.min(b.count)
                    || transposed(a.count, b.count))
                && candidates[*ai].as_ref().is_some_and(|va| same_word(va, vb))
                && same_time(ctx, a.sentence, b.sentence)
                && same_names(ctx, a.sentence, b.sentence)
                && same_frame(ctx, a, b, vb)
        });
        let Some((_, a)) = earlier else { continue };
        let mut f = Finding::new(b.span.clone())
            .var("other", ctx.src(&a.span))
            .var("noun", ctx.src(&b.noun_span));
        f.secondary = Some(a.span.clone());
        out.push(f);
    }
    out
}

/// «35 делегаций, из них 20 … и 18 …»: the parts add up to more than the total.
pub(crate) fn parts_exceed_total(ctx: &Context) -> Vec<Finding> {
    let Some(words) = ctx.claim_words() else {
        return Vec::new();
    };
    let longest = words.part_markers.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for total in ctx.quantities {
        let (_, most) = total.bounds();
        if !most.is_finite() {
            continue;
        }
        // The marker must follow the total at once («35 делегаций, из них»): only the
        // sentence's first words after the total are folded, as many as the longest marker.
        let after: Vec<(usize, String)> = ctx
            .text
            .sentences
            .get(total.sentence)
            .map(|r| {
                (r.start.max(total.tokens.end)..r.end)
                    .filter(|&i| ctx.text.tokens[i].is_word())
                    .take(longest)
                    .map(|i| (i, fold(ctx.text.tokens[i].text(&ctx.doc.text))))
                    .collect()
            })
            .unwrap_or_default();
        let Some(marker) = words.part_markers.iter().find(|m| {
            after.len() >= m.len()
                && after[..m.len()]
                    .iter()
                    .zip(m.iter())
                    .all(|((_, w), x)| w == x)
                && after[0].0 - total.tokens.end <= 1
        }) else {
            continue;
        };
        let marker_end = after[marker.len() - 1].0 + 1;
        // The parts: counts of the same noun after the marker in the same sentence, and
        // bare numbers there («из них 20 — из Европы, 18 — из Азии»).
        let sentence_end = ctx.text.sentences[total.sentence].end;
        let in_claim = |i: usize| {
            ctx.quantities.iter().any(|q| q.tokens.contains(&i))
                || ctx.temporals.iter().any(|t| t.tokens.contains(&i))
                || ctx.durations.iter().any(|d| d.tokens.contains(&i))
                || ctx.ages.iter().any(|a| a.tokens.contains(&i))
        };
        let counted: Vec<&Quantity> = ctx
            .quantities
            .iter()
            .filter(|q| q.sentence == total.sentence && q.tokens.start >= marker_end)
            .filter(|q| same_word(&q.noun, &total.noun))
            .collect();
        // «из них 6 человек в тяжелом состоянии, 8 человек госпитализированы»: a part that
        // says a state or a trait of its members rather than where they come from or what
        // befell them is a category, and categories overlap, as for bare parts below.
        let category = counted.iter().any(|q| {
            ctx.text.tokens[q.tokens.end..sentence_end]
                .first()
                .filter(|t| t.is_word())
                .is_some_and(|t| {
                    let w = t.text(&ctx.doc.text);
                    // «32 человека отпущены, а 21 человек арестован»: what befell each part
                    // (a verb) divides the total; a state or a trait does not.
                    let verb = ctx.doc.lang.is_some_and(|lang| {
                        matches!(morphology::class_of(lang, w), Some(WordClass::Verb { .. }))
                    });
                    !verb
                        && !words.is_part_origin(&fold(w))
                        && !ctx.pack.is_some_and(|p| p.is_coordinator(w))
                })
        });
        if category {
            continue;
        }
        let mut parts: Vec<(f64, usize)> = counted
            .iter()
            .map(|q| (q.bounds().0, ctx.text.tokens[q.tokens.end - 1].end))
            .collect();
        // Parts in brackets break a part down («20 — из Европы (в том числе 12 — из ЕС)»).
        let mut depth = 0usize;
        for i in marker_end..sentence_end {
            let t = &ctx.text.tokens[i];
            match t.punct() {
                Some('(') => depth += 1,
                Some(')') => depth = depth.saturating_sub(1),
                _ => {}
            }
            let Some((v, digits)) = t.number() else {
                continue;
            };
            if depth > 0 {
                continue;
            }
            let next = ctx.text.tokens.get(i + 1).filter(|_| i + 1 < sentence_end);
            let glued = next.is_some_and(|n| {
                !n.space_before && n.punct().is_some_and(|c| !matches!(c, ',' | ';'))
            });
            let prev = &ctx.text.tokens[i - 1];
            let prev_number = prev.number().is_some();
            // «от 18 до 21 года»: the ends of a range are no parts, nor is a count named
            // again ("3 of the 4 from Cardiff").
            let after_blocker = prev.is_word()
                && (words.is_blocker(&fold(prev.text(&ctx.doc.text)))
                    || ctx
                        .pack
                        .is_some_and(|p| p.is_year_determiner(prev.text(&ctx.doc.text))));
            // A bare part says where it comes from: «20 — из Европы», «20 из Европы». Any
            // other word after it makes it a count of something else («за» 115, «проти» 5,
            // «8 — дети»), and «2 из них» breaks a part down.
            let word_at = |k: usize| {
                ctx.text.tokens[k..sentence_end]
                    .iter()
                    .find(|w| w.is_word())
                    .map(|w| fold(w.text(&ctx.doc.text)))
            };
            let dash = next.is_some_and(|n| matches!(n.punct(), Some('—' | '–' | '-')));
            let origin = word_at(i + 1).filter(|w| words.is_part_origin(w));
            let breaks_down = words.part_markers.iter().any(|m| {
                let after: Vec<String> = ctx.text.tokens[i + 1..sentence_end]
                    .iter()
                    .filter(|w| w.is_word())
                    .take(m.len())
                    .map(|w| fold(w.text(&ctx.doc.text)))
                    .collect();
                after == *m
            });
            let says_whence =
                (dash || next.is_some_and(|n| n.is_word())) && origin.is_some() && !breaks_down;
            if digits <= 6
                && !glued
                && !prev_number
                && !after_blocker
                && says_whence
                && !in_claim(i)
            {
                parts.push((v as f64, t.end));
            }
        }
        if parts.len() < 2 {
            continue;
        }
        let sum: f64 = parts.iter().map(|(v, _)| v).sum();
        if sum <= most {
            continue;
        }
        let last = parts.iter().map(|(_, e)| *e).max();
        let Some(last) = last else { continue };
        let first = ctx.text.tokens[marker_end].start;
        let mut f = Finding::new(total.span.clone())
            .var("sum", number_text(sum))
            .var("total", number_text(total.count));
        f.secondary = Some(first..last);
        out.push(f);
    }
    out
}

/// One event given two different days: «саммит НАТО пройдет 7 июля» … «саммит,
/// который начнется 8 июля».
pub(crate) fn event_date_mismatch(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let evs = ctx.events;
    for (bi, b) in evs.iter().enumerate() {
        let tb = &ctx.temporals[b.temporal];
        // The day it takes place, not a limit («продлится до 21 ноября») or a start.
        let at = |t: &crate::claims::Temporal| {
            matches!(t.prep, None | Some(Prep::At | Prep::Around | Prep::For))
        };
        let Some(ib) = tb.interval.filter(|_| at(tb)) else {
            continue;
        };
        let earlier = evs[..bi].iter().find(|a| {
            let ta = &ctx.temporals[a.temporal];
            let Some(ia) = ta.interval.filter(|_| at(ta)) else {
                return false;
            };
            // Only a named event («саммит НАТО»): two bare «встречи» may be two meetings, and
            // two bare «выборы» the first round and the second, or the polls of two regions.
            a.key == b.key
                && a.key.contains(' ')
                && a.sentence != b.sentence
                && (ia.end < ib.start || ib.end < ia.start)
                // Another year is another occurrence of a yearly event.
                && (ia.start - ib.start).num_days().abs() <= 45
        });
        let Some(a) = earlier else { continue };
        let ta = &ctx.temporals[a.temporal];
        let mut f = Finding::new(tb.span.clone())
            .var("event", ctx.src(&b.span))
            .var("other", ctx.src(&ta.span));
        f.secondary = Some(ta.span.clone());
        out.push(f);
    }
    out
}

/// Two whole counts written with the same digits in another order (35 and 53, 240 and
/// 420): a typing slip however far apart they are.
fn transposed(a: f64, b: f64) -> bool {
    let digits = |x: f64| {
        let mut d: Vec<char> = format!("{}", x as u64).chars().collect();
        d.sort_unstable();
        d
    };
    a != b
        && a.fract() == 0.0
        && b.fract() == 0.0
        && (10.0..1e9).contains(&a)
        && (10.0..1e9).contains(&b)
        && digits(a) == digits(b)
}

/// The person an age is given to: the run of capitalised words right after it, or after a
/// role title of the facts file («62-летний генсек НАТО Марк Рютте» → «марк рютте»), folded,
/// as (first word, last word). Another noun between makes it someone else's age: «45-летний
/// житель Киева», «35-летний сын Ткаченко».
fn aged_person(ctx: &Context, age: &Age) -> Option<(String, String)> {
    let word = |i: usize| fold(ctx.text.tokens[i].text(&ctx.doc.text));
    // "Mark Rutte, 59,": the name before it.
    if let Some(name) = &age.name_before {
        return Some((word(name.start), word(name.end - 1)));
    }
    let end = ctx.text.sentences.get(age.sentence)?.end;
    let mut i = age.tokens.end;
    while i < end && ctx.titles_only(i..i + 1) {
        i += 1;
    }
    // A name: a capital then lower case («Рютте», not «НАТО»).
    let is_name = |i: usize| {
        let t = &ctx.text.tokens[i];
        let w = t.text(&ctx.doc.text);
        t.is_word()
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
    };
    let start = i;
    while i < end.min(start + 4) && is_name(i) {
        i += 1;
    }
    let run = start..i;
    if run.is_empty() {
        return None;
    }
    // "a 45-year-old Kyiv resident": a name before a noun modifies it.
    if let (Some(pack), Some(lang), Some(t)) = (ctx.pack, ctx.doc.lang, ctx.text.tokens.get(i)) {
        let w = t.text(&ctx.doc.text);
        let noun_after = pack.noun_adjuncts
            && t.is_word()
            && w.chars().next().is_some_and(char::is_lowercase)
            && !pack.is_perfect_auxiliary(w)
            && !pack.is_future_marker(&fold(w))
            && matches!(
                morphology::class_of(lang, w),
                Some(WordClass::Noun { pronoun: false, .. })
            );
        if noun_after {
            return None;
        }
    }
    Some((word(run.start), word(run.end - 1)))
}

/// Two names are one person's: the same surname, and the same first name when both give
/// one («Хиллари Клинтон» is not «Билл Клинтон»; «Рютте» may be «Марк Рютте»).
fn same_person(a: &(String, String), b: &(String, String)) -> bool {
    let full = |p: &(String, String)| p.0 != p.1;
    same_word(&a.1, &b.1) && (!full(a) || !full(b) || same_word(&a.0, &b.0))
}

/// One person given two ages for the same time: «62-летний Рютте» … «59-летний Рютте». A
/// person whose birth date the facts file knows is left to `facts/age-at-date`, which can
/// tell which of the two is wrong.
pub(crate) fn age_mismatch(ctx: &Context) -> Vec<Finding> {
    let people: Vec<_> = ctx
        .ages
        .iter()
        .map(|a| {
            let known = super::facts_checks::person_of_known_age(ctx, a).is_some();
            (a, aged_person(ctx, a).filter(|_| !known))
        })
        .collect();
    let mut out = Vec::new();
    for (bi, (b, pb)) in people.iter().enumerate() {
        let Some(nb) = pb else { continue };
        let before: Vec<_> = people[..bi]
            .iter()
            .filter(|(a, pa)| {
                pa.as_ref().is_some_and(|na| same_person(na, nb))
                    && a.sentence != b.sentence
                    && same_time(ctx, a.sentence, b.sentence)
            })
            .collect();
        // «Анна Смирнова (31 год) и ее отец Сергей Смирнов (58 лет) … 58-летний Смирнов»:
        // a surname that two people named before share is either's, and one of them agrees.
        let names: Vec<_> = before.iter().filter_map(|(_, pa)| pa.as_ref()).collect();
        let two_people = names
            .iter()
            .any(|x| names.iter().any(|y| !same_person(x, y)));
        if two_people || before.iter().any(|(a, _)| a.years == b.years) {
            continue;
        }
        let Some((a, _)) = before.first() else {
            continue;
        };
        let mut f = Finding::new(b.span.clone()).var("other", ctx.src(&a.span));
        f.secondary = Some(a.span.clone());
        out.push(f);
    }
    out
}

/// «накануне саммита НАТО, 8 июля» when the summit is on 7 July; «за два дня до саммита,
/// 4 июля» when that is 5 July.
pub(crate) fn event_order(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for o in ctx.orders {
        // The event's day, from a sentence that dates it: a named event, or a bare one
        // («Форум откроется 4 ноября … После форума, 2 ноября») when the article dates
        // no other event of that noun, named or not.
        let Some(ev) = ctx
            .events
            .iter()
            .find(|e| e.key == o.key && e.sentence != o.sentence)
        else {
            continue;
        };
        let head = o.key.split(' ').next().unwrap_or_default();
        let alone = ctx
            .events
            .iter()
            .all(|e| e.key == o.key || e.key.split(' ').next() != Some(head));
        if !o.key.contains(' ') && !alone {
            continue;
        }
        let event_t = &ctx.temporals[ev.temporal];
        let t = &ctx.temporals[o.temporal];
        let (Some(e), Some(d)) = (event_t.interval, t.interval) else {
            continue;
        };
        let single = d.start == d.end && e.start == e.end;
        let (wrong, expected) = match (o.before, o.days) {
            // "On the morning of March 19, before the EU summit": the same day may be before.
            (true, None) => (d.start > e.end, None),
            (false, None) => (d.end < e.start, None),
            (true, Some(n)) if single => {
                let x = e.start - chrono::Duration::days(n);
                (d.start != x, Some(x))
            }
            (false, Some(n)) if single => {
                let x = e.start + chrono::Duration::days(n);
                (d.start != x, Some(x))
            }
            _ => continue,
        };
        if !wrong {
            continue;
        }
        let mut f = Finding::new(t.span.clone())
            .var("event", ctx.src(&ev.span))
            .var("event_date", ctx.src(&event_t.span))
            .var("order", ctx.src(&o.span));
        f.secondary = Some(event_t.span.clone());
        if let (Some(x), Some(dm), Some(pack)) = (expected, &t.day_month_span, ctx.pack) {
            let written = ctx.src(dm);
            let month = pack.month_genitive(x.month());
            // Keep the order the article writes («5 июля», "July 5").
            let replacement = if written.starts_with(|c: char| c.is_ascii_digit()) {
                format!("{} {month}", x.day())
            } else {
                format!("{month} {}", x.day())
            };
            let suggestion = format!(
                "{}{}{}",
                &ctx.doc.text[t.span.start..dm.start],
                replacement,
                &ctx.doc.text[dm.end..t.span.end]
            );
            f = f.var("suggestion", suggestion);
            f.fix = Some(crate::diagnostics::Fix {
                span: dm.clone(),
                replacement,
            });
        }
        out.push(f);
    }
    out
}
