//! Checks against the facts file: roles held at the time, durations since known events.

use chrono::{Datelike, NaiveDate};

use super::checks::{day_text, Context, Finding};
use crate::claims::mentions::{Mention, Named};
use crate::claims::Age;
use crate::facts::{Kind, Role};
use crate::language::{fold, Approx, Relation, Unit};
use crate::morphology::{Tense, WordClass};

/// Two mentions stand side by side: nothing but a comma, dash or quote between them.
fn adjacent(ctx: &Context, a: &Mention, b: &Mention) -> bool {
    a.sentence == b.sentence
        && a.tokens.end <= b.tokens.start
        && ctx.text.tokens[a.tokens.end..b.tokens.start].len() <= 2
        && ctx.text.tokens[a.tokens.end..b.tokens.start]
            .iter()
            .all(|t| matches!(t.punct(), Some(',' | '—' | '–' | '"' | '«' | '»' | '(')))
}

/// The first name of an entity in the document's language (or any language).
fn name_of(ctx: &Context, id: &str) -> String {
    let Some(e) = ctx.facts.entity(id) else {
        return id.to_string();
    };
    let names = e
        .names
        .get(&ctx.doc.lang_code)
        .or_else(|| e.names.values().next());
    names
        .and_then(|n| n.first())
        .map(|w| {
            w.iter()
                .map(|x| capitalise(x))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| id.to_string())
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The days a sentence is about for the claim at token `at`: the intervals of its time
/// expressions; the publication date when it has none and its verbs are not in the past
/// tense; `None` when it cannot be told (a past-tense sentence without a date speaks of some
/// earlier time). A time in reported speech after the claim is the report's, not the
/// claim's («Генсек НАТО Марк Рютте заявил, что в 2020 году …»).
fn sentence_days(ctx: &Context, sentence: usize, at: usize) -> Option<Vec<(NaiveDate, NaiveDate)>> {
    days_of(ctx, sentence, at, false)
}

/// [`sentence_days`] with only the time expressions of the claim's own clause when
/// `clause_only`: an age describes its noun, not what a relative clause or another clause
/// dates («58-летний Рютте, сменивший Столтенберга 1 октября 2024 года, проведет встречу»).
fn days_of(
    ctx: &Context,
    sentence: usize,
    at: usize,
    clause_only: bool,
) -> Option<Vec<(NaiveDate, NaiveDate)>> {
    let dated: Vec<_> = ctx
        .temporals
        .iter()
        .filter(|t| t.sentence == sentence)
        .filter(|t| !(t.tokens.start > at && t.anchor.as_ref().is_some_and(|a| a.reported)))
        .filter(|t| !clause_only || one_clause(ctx, sentence, at, t.tokens.start))
        .filter_map(|t| t.interval.map(|i| (i.start, i.end)))
        .collect();
    if !dated.is_empty() {
        return Some(dated);
    }
    let published = ctx.published()?;
    let lang = ctx.doc.lang?;
    let morph = crate::morphology::for_language(lang)?;
    let range = ctx.text.sentences.get(sentence)?.clone();
    let words = || {
        ctx.text.tokens[range.clone()]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(&ctx.doc.text))
    };
    // «Тогда …», "at the time": some earlier time, not publication.
    let folded: Vec<String> = words().map(fold).collect();
    if ctx.pack.is_some_and(|p| p.speaks_of_earlier_time(&folded)) {
        return None;
    }
    // «will be opened»: a future marker outweighs a past form.
    let future = ctx
        .pack
        .is_some_and(|p| words().any(|w| p.is_future_marker(&fold(w))));
    let past = !future
        && words().any(|w| {
            matches!(
                crate::morphology::classify_cached(lang, morph, w),
                WordClass::Verb {
                    tense: Some(Tense::Past),
                    ..
                }
            )
        });
    (!past).then(|| vec![(published, published)])
}

/// Token `b` (a time) is in the clause of token `a` (a claim): no comma, semicolon, colon,
/// bracket, spaced dash or subordinating word («который», "who") between them; a time
/// before the claim may stand apart with commas when it is in the claim's clause or in a
/// main clause before it («Завтра, 14 февраля, 59-летний Рютте отметит»; "where in 2022 a
/// 62-year-old Stoltenberg").
fn one_clause(ctx: &Context, sentence: usize, a: usize, b: usize) -> bool {
    let subordinator = |t: &crate::text::Token| {
        t.is_word()
            && ctx
                .pack
                .is_some_and(|p| p.is_subordinator(&fold(t.text(&ctx.doc.text))))
    };
    let Some(range) = ctx.text.sentences.get(sentence) else {
        return false;
    };
    if b < a {
        // In the claim's own subordinate clause, or before a claim in the main clause.
        let opener = (range.start..a)
            .rev()
            .find(|&i| subordinator(&ctx.text.tokens[i]));
        return opener.is_none_or(|s| s < b);
    }
    ctx.text.tokens[a..b].iter().all(|t| {
        let cut = match t.punct() {
            Some(',' | ';' | ':' | '(' | ')') => true,
            Some('—' | '–' | '-') => t.space_before,
            _ => false,
        };
        !cut && !subordinator(t)
    })
}

/// The role mentions, each with the person mention beside it.
fn role_person_pairs<'a>(
    ctx: &'a Context,
) -> impl Iterator<Item = (&'a Mention, &'a Mention, &'a Role, String)> + 'a {
    let m = ctx.mentions;
    m.iter().enumerate().filter_map(move |(i, role_m)| {
        let Named::Role(rid) = &role_m.named else { return None };
        let role = ctx.facts.roles.iter().find(|r| &r.id == rid)?;
        let is_person = |x: &Mention| matches!(&x.named, Named::Entity(id) if ctx.facts.entity(id).is_some_and(|e| e.kind == Kind::Person));
        // «исполняющий обязанности главы МИД»: held beside another role, for the time being.
        let folded = |k: usize| {
            let t = ctx.text.tokens.get(k)?;
            t.is_word().then(|| fold(t.text(&ctx.doc.text)))
        };
        if ctx.pack.is_some_and(|p| p.acting_before(role_m.tokens.start, folded)) {
            return None;
        }
        // «сменивший на посту генсека НАТО Йенса Столтенберга»: the post, not a title.
        let post = role_m.tokens.start.checked_sub(1).and_then(folded);
        if post.is_some_and(|w| ctx.pack.is_some_and(|p| p.is_position_noun(&w))) {
            return None;
        }
        // «генсек НАТО Марк Рютте» or «Марк Рютте, генсек НАТО» (not «Андрей Соколов,
        // министр обороны Иван Петренко», «…, министр обороны Франции»: a name after the role
        // is its holder's or its country's).
        let person = m.get(i + 1).filter(|p| is_person(p) && adjacent(ctx, role_m, p)).or_else(|| {
            i.checked_sub(1)
                .and_then(|k| m.get(k))
                .filter(|p| is_person(p) && adjacent(ctx, p, role_m) && !named_after(ctx, role_m))
        })?;
        let Named::Entity(pid) = &person.named else { return None };
        Some((role_m, person, role, pid.clone()))
    })
}

/// A capitalised word right after a role, or after a preposition there («министр обороны
/// Иван Петренко», «глава МИД Литвы», "defence minister of Poland").
fn named_after(ctx: &Context, role_m: &Mention) -> bool {
    let tokens = &ctx.text.tokens;
    let capitalised = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.is_word()
                && t.text(&ctx.doc.text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    };
    let k = role_m.tokens.end;
    capitalised(k)
        || (tokens.get(k).is_some_and(|t| {
            t.is_word()
                && ctx.pack.is_some_and(|p| {
                    p.is_preposition(&fold(t.text(&ctx.doc.text)))
                        || p.is_noun_preposition(t.text(&ctx.doc.text))
                })
        }) && capitalised(k + 1))
}

/// «бывший генсек НАТО»: a former holder is named as such.
fn named_as_former(ctx: &Context, role_m: &Mention, person: &Mention) -> bool {
    let before = role_m.tokens.start.min(person.tokens.start);
    before > 0 && {
        let t = &ctx.text.tokens[before - 1];
        t.is_word()
            && ctx
                .pack
                .is_some_and(|p| p.is_former_marker(&fold(t.text(&ctx.doc.text))))
    }
}

/// Whether the facts say `pid` held `role` on some day of `days`; `None` when the role's
/// tenures are unknown.
fn holds(role: &Role, pid: &str, days: &[(NaiveDate, NaiveDate)]) -> Option<bool> {
    if role.holders.is_empty() {
        return None;
    }
    Some(days.iter().any(|(s, e)| {
        role.holders
            .iter()
            .any(|t| t.person == pid && t.from <= *e && t.to.is_none_or(|to| *s < to))
    }))
}

/// One person named with two different roles for the same time, when the facts file does
/// not say they held both then (and `role-at-date` has nothing to say).
pub(crate) fn conflicting_roles(ctx: &Context) -> Vec<Finding> {
    let pairs: Vec<_> = role_person_pairs(ctx)
        .filter(|(r, p, _, _)| !named_as_former(ctx, r, p))
        .filter_map(|(r, p, role, pid)| {
            let days = sentence_days(ctx, r.sentence, r.tokens.start)?;
            Some((r, p, role, pid, days))
        })
        .collect();
    let mut out = Vec::new();
    for (bi, (rb, pb, role_b, pid_b, days_b)) in pairs.iter().enumerate() {
        let earlier = pairs[..bi].iter().find(|(_, _, role_a, pid_a, days_a)| {
            if pid_a != pid_b || role_a.id == role_b.id {
                return false;
            }
            // Tenures last years: days a month apart are the same time for a role.
            let slack = chrono::Duration::days(31);
            let common: Vec<(NaiveDate, NaiveDate)> = days_a
                .iter()
                .flat_map(|a| days_b.iter().map(move |b| (a.0.max(b.0), a.1.min(b.1))))
                .filter(|(s, e)| *s <= *e + slack)
                .map(|(s, e)| (s.min(e), s.max(e)))
                .collect();
            if common.is_empty() {
                return false;
            }
            // Known tenures decide: both held → fine; one not held → `role-at-date` says so.
            !matches!(
                (holds(role_a, pid_a, &common), holds(role_b, pid_b, &common)),
                (Some(true), Some(true)) | (Some(false), _) | (_, Some(false))
            )
        });
        let Some((ra, _, _, _, _)) = earlier else {
            continue;
        };
        let mut f = Finding::new(rb.span.clone())
            .var("person", ctx.src(&pb.span))
            .var("role", ctx.src(&rb.span))
            .var("other_role", ctx.src(&ra.span));
        f.secondary = Some(ra.span.clone());
        out.push(f);
    }
    out
}

/// A person named with a role they did not hold at the time the sentence speaks of.
pub(crate) fn role_at_date(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (role_m, person, role, pid) in role_person_pairs(ctx) {
        if named_as_former(ctx, role_m, person) {
            continue;
        }
        // A role without holders: its titles are known, its tenures are not.
        if role.holders.is_empty() {
            continue;
        }
        let Some(days) = sentence_days(ctx, role_m.sentence, role_m.tokens.start) else {
            continue;
        };
        let held = days.iter().any(|(s, e)| {
            role.holders
                .iter()
                .any(|t| t.person == pid && t.from <= *e && t.to.is_none_or(|to| *s < to))
        });
        if held {
            continue;
        }
        let (s, e) = days[0];
        let date = if s == e {
            day_text(s)
        } else {
            format!("{s} – {e}")
        };
        let holder = role.holder_on(s);
        let mut f = Finding::new(person.span.clone())
            .var("person", ctx.src(&person.span))
            .var("role", ctx.src(&role_m.span))
            .var("date", date)
            .var(
                "holder",
                holder
                    .map(|h| name_of(ctx, &h.person))
                    .unwrap_or_else(|| "nobody".into()),
            )
            .var(
                "holder_since",
                holder.map(|h| h.from.to_string()).unwrap_or_default(),
            );
        f.secondary = Some(role_m.span.clone());
        // The holder's name can replace the person's when the person is named in the
        // dictionary form, as the holder's name is written.
        if let Some(h) = holder {
            let canonical = name_of(ctx, &pid);
            if fold(ctx.src(&person.span)) == fold(&canonical) {
                f.fix = Some(crate::diagnostics::Fix {
                    span: person.span.clone(),
                    replacement: name_of(ctx, &h.person),
                });
            }
        }
        out.push(f);
    }
    out
}

fn unit_days(u: Unit) -> f64 {
    match u {
        Unit::Day => 1.0,
        Unit::Week => 7.0,
        Unit::Month => 30.436875,
        Unit::Quarter => 91.310625,
        Unit::Year => 365.2425,
    }
}

/// Whether `elapsed` units agree with «почти N», «более N», «N»…
fn agrees(approx: Approx, n: f64, elapsed: f64) -> bool {
    match approx {
        Approx::Almost => n - 1.0 <= elapsed && elapsed < n + 0.05,
        Approx::About => (elapsed - n).abs() <= 0.75,
        Approx::Exactly => n - 0.5 <= elapsed && elapsed < n + 1.0,
        Approx::MoreThan => elapsed > n - 0.05,
        Approx::LessThan => elapsed < n + 0.05,
        Approx::AtLeast => elapsed >= n - 0.05,
    }
}

/// «3 years 10 months», «5 weeks», «12 days».
fn elapsed_text(start: NaiveDate, end: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Year | Unit::Quarter | Unit::Month => {
            let mut months =
                (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32;
            if end.day() < start.day() {
                months -= 1;
            }
            let (y, m) = (months / 12, months % 12);
            match (y, m) {
                (0, m) => format!("{m} months"),
                (y, 0) => format!("{y} years"),
                (y, m) => format!("{y} years {m} months"),
            }
        }
        Unit::Week => format!("{} weeks", (end - start).num_days() / 7),
        Unit::Day => format!("{} days", (end - start).num_days()),
    }
}

/// Whether the verb nearest to `span` in its sentence (within a few words) is in the
/// simple past or the future: «длилась», «продлится», "lasted" (not "has lasted").
fn told_as_past_or_future(ctx: &Context, sentence: usize, span: std::ops::Range<usize>) -> bool {
    let (Some(lang), Some(pack)) = (ctx.doc.lang, ctx.pack) else {
        return false;
    };
    let Some(morph) = crate::morphology::for_language(lang) else {
        return false;
    };
    let Some(range) = ctx.text.sentences.get(sentence).cloned() else {
        return false;
    };
    let tokens = &ctx.text.tokens;
    let near = (1..=6).flat_map(|k| [span.start.checked_sub(k), Some(span.end + k - 1)]);
    for i in near.flatten().filter(|i| range.contains(i)) {
        let t = &tokens[i];
        if !t.is_word() {
            continue;
        }
        let w = t.text(&ctx.doc.text);
        if pack.is_future_marker(&fold(w)) {
            return true;
        }
        if let WordClass::Verb {
            tense: Some(tense), ..
        } = crate::morphology::classify_cached(lang, morph, w)
        {
            // "has lasted" reaches publication; "had lasted" a time before it. An adverb may
            // stand between ("have barely moved").
            let aux_at =
                if i > range.start + 1 && pack.is_verb_adverb(tokens[i - 1].text(&ctx.doc.text)) {
                    i - 2
                } else {
                    i.saturating_sub(1)
                };
            let auxiliary = (i > range.start)
                .then(|| tokens[aux_at].text(&ctx.doc.text))
                .filter(|a| pack.is_perfect_auxiliary(a));
            return match auxiliary {
                Some(a) => matches!(
                    crate::morphology::classify_cached(lang, morph, a),
                    WordClass::Verb {
                        tense: Some(Tense::Past),
                        ..
                    }
                ),
                None => matches!(tense, Tense::Past | Tense::Future),
            };
        }
    }
    false
}

/// Some word of `tokens` passes `test` of the language's claim words (folded).
fn any_word(
    ctx: &Context,
    tokens: std::ops::Range<usize>,
    test: impl Fn(&crate::claims::words::ClaimWords, &str) -> bool,
) -> bool {
    let Some(words) = ctx.claim_words() else {
        return false;
    };
    let end = tokens.end.min(ctx.text.tokens.len());
    ctx.text.tokens[tokens.start.min(end)..end]
        .iter()
        .any(|t| t.is_word() && test(words, &fold(t.text(&ctx.doc.text))))
}

/// Another clause joined between an event and a length: a semicolon or a coordinator
/// («вторжение длится почти четыре года, а переговоры идут уже 10 месяцев»).
fn joined_clause_between(ctx: &Context, tokens: std::ops::Range<usize>) -> bool {
    ctx.text.tokens[tokens].iter().any(|t| {
        t.punct() == Some(';')
            || (t.is_word()
                && ctx
                    .pack
                    .is_some_and(|p| p.is_coordinator(t.text(&ctx.doc.text))))
    })
}

/// «с начала», «з моменту», "since the start of": the words between a length and the event
/// after it say "since" (the first one opens it, the others may follow; claims.toml
/// `elapsed.since_openers` and `since_words`).
fn since_between(ctx: &Context, tokens: std::ops::Range<usize>) -> bool {
    let Some(words) = ctx.claim_words() else {
        return false;
    };
    if tokens.is_empty() || tokens.len() > 7 {
        return false;
    }
    let folded = |k: usize| {
        let t = &ctx.text.tokens[k];
        t.is_word().then(|| fold(t.text(&ctx.doc.text)))
    };
    let since_words = |from: usize| {
        (from..tokens.end).all(|k| folded(k).is_some_and(|f| words.is_since_word(&f)))
    };
    let Some(opener) = folded(tokens.start) else {
        return false;
    };
    if words.is_since_opener(&opener) && tokens.len() <= 5 {
        return since_words(tokens.start + 1);
    }
    // "Nearly four years after Russia launched its full-scale invasion": a verb of the start
    // within three words of the opener, then only words of "since".
    words.is_start_clause_opener(&opener)
        && (tokens.start + 1..tokens.end.min(tokens.start + 5)).any(|v| {
            (tokens.start + 1..v).all(|k| folded(k).is_some())
                && folded(v).is_some_and(|f| words.is_start_verb(&f))
                && since_words(v + 1)
        })
}

/// A noun between an event's name and a length that may be the length's own subject: not
/// after a preposition («в Украине»), no pronoun («которая»), not in a time expression. «Из-за войны завод уже
/// второй год не может …»: the length is the plant's.
fn subject_between(ctx: &Context, tokens: std::ops::Range<usize>) -> bool {
    let (Some(lang), Some(pack)) = (ctx.doc.lang, ctx.pack) else {
        return false;
    };
    let text = |k: usize| ctx.text.tokens[k].text(&ctx.doc.text);
    let preposition = |k: usize| {
        let f = fold(text(k));
        ctx.text.tokens[k].is_word()
            && (pack.is_preposition(&f)
                || ctx
                    .claim_words()
                    .is_some_and(|w| w.is_topic_preposition(&f)))
    };
    let in_time = |k: usize| ctx.temporals.iter().any(|t| t.tokens.contains(&k));
    tokens.clone().any(|k| {
        ctx.text.tokens[k].is_word()
            && !in_time(k)
            && matches!(
                crate::morphology::class_of(lang, text(k)),
                Some(WordClass::Noun { pronoun: false, .. })
            )
            && !(k > 0 && preposition(k - 1))
    })
}

/// A one-word generic name («война», "war") made another event by the words around it: a
/// modifier before it that the language does not list as keeping it the same («гражданская
/// война», "trade war"), or a place or party after a preposition («война на Донбассе», "war
/// in Donbas"). A newsroom names its event in full for these («война в Украине»).
fn another_of_its_kind(ctx: &Context, m: &Mention) -> bool {
    let (Some(lang), Some(pack), Some(words)) = (ctx.doc.lang, ctx.pack, ctx.claim_words()) else {
        return false;
    };
    if m.tokens.len() != 1 {
        return false;
    }
    let tokens = &ctx.text.tokens;
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.is_word())
            .map(|t| t.text(&ctx.doc.text))
    };
    let modified = m
        .tokens
        .start
        .checked_sub(1)
        .and_then(word)
        .is_some_and(|w| {
            let f = fold(w);
            let class = crate::morphology::class_of(lang, w);
            // A noun adjunct in lower case ("trade war"; not "Ukraine war", a place's name).
            let adjunct = pack.noun_adjuncts
                && w.chars().next().is_some_and(char::is_lowercase)
                && matches!(class, Some(WordClass::Noun { pronoun: false, .. }));
            // "Israel's war": another party's (not "Russia's war", a listed modifier).
            let possessive = pack.possessive_len(&f).is_some();
            !words.is_same_event_modifier(&f)
                && (matches!(class, Some(WordClass::Modifier)) || adjunct || possessive)
                && !pack.is_preposition(&f)
        });
    // "war with Hamas", «война в Сирии»: a preposition and a complement after it.
    let qualified = word(m.tokens.end).is_some_and(|w| {
        let f = fold(w);
        pack.is_preposition(&f) || words.is_topic_preposition(&f)
    }) && word(m.tokens.end + 1).is_some();
    // «Война Израиля с ХАМАС»: a party's name right after it.
    let party = word(m.tokens.end).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && pack.word(&fold(w)).is_empty()
    });
    modified || qualified || party
}

/// «война, которая длится уже почти три года» against the war's start date.
pub(crate) fn duration_since_event(ctx: &Context) -> Vec<Finding> {
    let Some(published) = ctx.published() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let dated_event = |m: &&Mention| matches!(&m.named, Named::Entity(id) if ctx.facts.entity(id).is_some_and(|e| e.kind == Kind::Event && e.start.is_some()));
    for d in ctx.durations.iter() {
        // "a two-year term" says how long something is, not how long ago the event began;
        // hours and minutes are not compared with a start known to the day.
        let Some(calendar_unit) = d.unit.calendar().filter(|_| !d.attributive) else {
            continue;
        };
        // «война продлится еще два года»: a length still to come; «третий год подряд»: a
        // count of occurrences.
        let before = d.tokens.start.saturating_sub(3)..d.tokens.start;
        let after = d.tokens.end..(d.tokens.end + 3).min(ctx.text.tokens.len());
        if any_word(ctx, before, |w, x| w.is_remaining(x))
            || any_word(ctx, after, |w, x| w.is_consecutive(x))
        {
            continue;
        }
        // «"Война идет уже третий год", — говорил он в 2024 году»: a quotation in a sentence
        // that names a time speaks of that time.
        if crate::rules::checks::in_quotation(ctx, d.tokens.start)
            && ctx.temporals.iter().any(|t| t.sentence == d.sentence)
        {
            continue;
        }
        let event = match d.relation {
            // «война, которая длится уже почти три года»: the event named just before, in the
            // same clause or one relative to it (not «…, а переговоры идут уже 10 месяцев»).
            None => ctx
                .mentions
                .iter()
                .rev()
                .filter(dated_event)
                .find(|m| {
                    m.sentence == d.sentence
                        && m.tokens.end <= d.tokens.start
                        && d.tokens.start - m.tokens.end <= 12
                        && !joined_clause_between(ctx, m.tokens.end..d.tokens.start)
                        && !subject_between(ctx, m.tokens.end..d.tokens.start)
                })
                // «исполняется три года с начала вторжения», "three years since the start of
                // the war": the event after a word of "since".
                .or_else(|| {
                    ctx.mentions.iter().filter(dated_event).find(|m| {
                        m.sentence == d.sentence && since_between(ctx, d.tokens.end..m.tokens.start)
                    })
                }),
            // «три года назад началась война»: the event named in the same sentence, with a
            // verb of its start between (not «Пять лет назад война казалась невозможной»).
            Some(Relation::Ago) => ctx.mentions.iter().filter(dated_event).find(|m| {
                let (from, to) = (
                    m.tokens.start.min(d.tokens.start),
                    m.tokens.end.max(d.tokens.end),
                );
                m.sentence == d.sentence
                    && to - from <= 12 + m.tokens.len() + d.tokens.len()
                    && any_word(ctx, from..to + 2, |w, x| w.is_start_verb(x))
            }),
            // «годом ранее» counts back from another time, not from an event's start.
            Some(Relation::Earlier) => None,
            // «спустя два года после начала войны», «через два года после»: the event named
            // right after «после» (not «после окончания войны»; not «Через 14 лет Россия
            // начала вторжение», counted from something else).
            Some(Relation::Later | Relation::FromNow) => {
                ctx.mentions.iter().filter(dated_event).find(|m| {
                    let between = d.tokens.end..m.tokens.start;
                    m.sentence == d.sentence
                        && m.tokens.start >= d.tokens.end
                        && m.tokens.start - d.tokens.end <= 3
                        && !any_word(ctx, between.clone(), |w, x| w.is_end_noun(x))
                        && any_word(ctx, between, |w, x| {
                            w.after.iter().any(|p| p.first().is_some_and(|f| f == x))
                        })
                })
            }
        };
        let Some(event) = event.filter(|m| !another_of_its_kind(ctx, m)) else {
            continue;
        };
        // «Вторая мировая война длилась шесть лет», «продлится еще два года»: a length told
        // in the past or the future is not the time since the start ("has lasted" is).
        // The words of the length and, after it, of the event's name ("two years since the
        // start of the war", "after Russia launched its invasion") are not the clause's verb.
        let told = d.tokens.start..d.tokens.end.max(event.tokens.end);
        if d.relation.is_none() && told_as_past_or_future(ctx, d.sentence, told) {
            continue;
        }
        let Named::Entity(id) = &event.named else {
            continue;
        };
        let Some(start) = ctx.facts.entity(id).and_then(|e| e.start) else {
            continue;
        };
        // The day the duration reaches: the publication date, or for «спустя … после» the
        // time the sentence speaks of (its date; the publication date when it is not in the
        // past tense; unknown otherwise).
        let reached = match d.relation {
            Some(Relation::Later | Relation::FromNow) => {
                match sentence_days(ctx, d.sentence, d.tokens.start).as_deref() {
                    Some([(s, e)]) if s == e => *s,
                    _ => continue,
                }
            }
            // "As the war enters its fifth year on Tuesday": the day its clause names; a
            // clause that names only other times («в 2025 году … шла уже третий год») speaks
            // of them.
            None => match days_of(ctx, d.sentence, d.tokens.start, true).as_deref() {
                Some([(s, e)]) if s == e => *s,
                Some(days) if !days.iter().any(|(s, e)| (*s..=*e).contains(&published)) => continue,
                _ => published,
            },
            _ => published,
        };
        if start > reached {
            continue;
        }
        let published = reached;
        let elapsed = (published - start).num_days() as f64 / unit_days(calendar_unit);
        if agrees(d.approx, d.count, elapsed) {
            continue;
        }
        let unit = format!("{:?}", calendar_unit).to_lowercase();
        let suggestion = match d.approx {
            Approx::Almost => format!("almost {} {unit}s", elapsed.ceil()),
            Approx::MoreThan => format!("more than {} {unit}s", elapsed.floor()),
            _ => elapsed_text(start, published, calendar_unit),
        };
        let mut f = Finding::new(d.span.clone())
            .var("event", ctx.src(&event.span))
            .var("start", day_text(start))
            .var("elapsed", elapsed_text(start, published, calendar_unit))
            .var("suggestion", suggestion);
        f.secondary = Some(event.span.clone());
        out.push(f);
    }
    out
}

/// Whole years between a birth date and a day.
fn age_on(born: NaiveDate, day: NaiveDate) -> i32 {
    let mut years = day.year() - born.year();
    if (day.month(), day.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years
}

/// The person of the facts file with a birth date that an age is given to: named right after
/// it, or after a role title («62-летний генсек НАТО Марк Рютте»).
pub(crate) fn person_of_known_age<'a>(ctx: &'a Context, age: &Age) -> Option<&'a Mention> {
    let born = |m: &Mention| matches!(&m.named, Named::Entity(id) if ctx.facts.entity(id).is_some_and(|e| e.born.is_some()));
    ctx.mentions.iter().find(|m| {
        m.sentence == age.sentence
            && born(m)
            && match &age.name_before {
                // "Mark Rutte, 59,": the mention ends where the name does.
                Some(name) => m.tokens.end == name.end,
                None => {
                    m.tokens.start >= age.tokens.end
                        && ctx.titles_only(age.tokens.end..m.tokens.start)
                }
            }
    })
}

/// «62-летний Марк Рютте» against his birth date at the time the sentence speaks of.
pub(crate) fn age_at_date(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for age in ctx.ages {
        // The person named right after the age («62-летний Марк Рютте»), allowing a role
        // title between («62-летний генсек НАТО Марк Рютте»), but no other noun: «41-летний
        // советник Рютте» is the adviser's age.
        let Some(person) = person_of_known_age(ctx, age) else {
            continue;
        };
        let Named::Entity(id) = &person.named else {
            continue;
        };
        let Some(born) = ctx.facts.entity(id).and_then(|e| e.born) else {
            continue;
        };
        let Some(days) = days_of(ctx, age.sentence, age.tokens.start, true) else {
            continue;
        };
        let fits = days
            .iter()
            .any(|(s, e)| (age_on(born, *s)..=age_on(born, *e)).contains(&(age.years as i32)));
        if fits {
            continue;
        }
        let (day, _) = days[0];
        let actual = age_on(born, day);
        let written = ctx.src(&age.span);
        let digits_end = written.find('-').unwrap_or(written.len());
        let mut f = Finding::new(age.span.clone())
            .var("person", ctx.src(&person.span))
            .var("born", day_text(born))
            .var("date", day_text(day))
            .var("age", actual.to_string())
            .var("suggestion", format!("{actual}{}", &written[digits_end..]));
        f.secondary = Some(person.span.clone());
        f.fix = Some(crate::diagnostics::Fix {
            span: age.span.start..age.span.start + digits_end,
            replacement: actual.to_string(),
        });
        out.push(f);
    }
    out
}
