//! Finds the predicate a time expression anchors and that predicate's tense.
//!
//! The sentence is cut into clauses at punctuation and before subordinating words; the
//! predicate is the nearest verb of the expression's clause, or of the neighbouring clauses
//! when its own has none («Во вторник, 6 января, лидеры собрались»). Reported speech,
//! conditionals and plans are marked so rules can stay silent where tense is relative.

use std::ops::Range;

use crate::claims::{Anchor, Temporal};
use crate::language::{LanguagePack, LexEntry, Roles, Word};
use crate::morphology::{Morphology, Tense, VerbForm, WordClass};
use crate::text::Text;

/// Clauses of a sentence as token ranges, into `out` (cleared first); `true` marks one opened
/// by a subordinator. A coordinator before a verb opens a clause too ("and will open").
fn clauses(words: &mut SentenceWords, sentence: Range<usize>, out: &mut Vec<(Range<usize>, bool)>) {
    out.clear();
    let mut start = sentence.start;
    let mut sub = false;
    for i in sentence.clone() {
        let t = &words.text.tokens[i];
        let coordinated = i > start
            && i + 1 < sentence.end
            && words.roles(i).has(Roles::COORDINATOR)
            && (words.roles(i + 1).has(Roles::PARTICIPLE_MARKER)
                || words.roles(i + 1).has(Roles::INFINITIVE_MARKER)
                || matches!(
                    words.class(i + 1),
                    WordClass::Verb {
                        form: VerbForm::Finite,
                        ..
                    }
                ));
        if coordinated {
            out.push((start..i, sub));
            start = i;
            sub = false;
        }
        let subordinator = words.roles(i).has(Roles::SUBORDINATOR);
        let cut_after = match t.punct() {
            // Not the colon of a clock time («в 03:00 в среду»).
            Some(':') => {
                let tokens = &words.text.tokens;
                !(i > sentence.start
                    && i + 1 < sentence.end
                    && tokens[i - 1].number().is_some()
                    && tokens[i + 1].number().is_some()
                    && !t.space_before
                    && !tokens[i + 1].space_before)
            }
            Some(',' | ';' | '(' | ')') => true,
            Some('—' | '–' | '-') => t.space_before,
            _ => false,
        };
        if subordinator && i > start {
            out.push((start..i, sub));
            start = i;
            sub = true;
        } else if subordinator && i == start {
            sub = true;
        }
        if cut_after {
            out.push((start..i + 1, sub));
            start = i + 1;
            sub = false;
        }
    }
    if start < sentence.end {
        out.push((start..sentence.end, sub));
    }
    out.retain(|(r, _)| !r.is_empty());
}

/// Farthest a predicate may stand from its time expression, in tokens. Beyond it the link is
/// not reliable, and the bound keeps the work per expression constant.
const MAX_DISTANCE: usize = 40;

/// How many following clauses a fronted adverbial may look into for its predicate.
const MAX_FORWARD_CLAUSES: usize = 3;

/// A verb candidate in a clause.
struct Verb {
    index: usize,
    form: VerbForm,
    tense: Option<Tense>,
}

/// What the anchoring reads: the text, its language and each word's lexicon entry.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    /// The document's text.
    pub source: &'a str,
    /// Its tokens and sentences.
    pub text: &'a Text,
    /// The language's calendar and grammar words.
    pub pack: &'a LanguagePack,
    /// The language's morphology.
    pub morph: &'a dyn Morphology,
    /// Each token's entry in the language's lexicon (`None` for other words and for
    /// punctuation and numbers), looked up as written.
    pub listed: &'a [Option<&'a LexEntry>],
}

/// The words of one sentence, their lexicon entries, and their classes, computed lazily.
struct SentenceWords<'a> {
    source: &'a str,
    text: &'a Text,
    morph: &'a dyn Morphology,
    pack: &'a LanguagePack,
    listed: &'a [Option<&'a LexEntry>],
    classes: Vec<Option<WordClass>>,
    base: usize,
}

impl<'a> SentenceWords<'a> {
    /// The words of `sentence`; `classes` is a vector to reuse.
    fn new(scope: Scope<'a>, sentence: &Range<usize>, mut classes: Vec<Option<WordClass>>) -> Self {
        classes.clear();
        classes.resize(sentence.len(), None);
        SentenceWords {
            source: scope.source,
            text: scope.text,
            morph: scope.morph,
            pack: scope.pack,
            listed: scope.listed,
            classes,
            base: sentence.start,
        }
    }

    /// The lexicon entry of token `i`.
    fn entry(&self, i: usize) -> Option<&'a LexEntry> {
        self.listed.get(i).copied().flatten()
    }

    /// The clause roles of token `i` (none for other words, punctuation and numbers).
    fn roles(&self, i: usize) -> Roles {
        self.entry(i).map_or(Roles::NONE, |e| e.roles)
    }

    /// Whether token `i` is a calendar word written with a capital ("May", not the modal).
    fn is_capitalised_calendar_word(&self, i: usize) -> bool {
        self.is_calendar_word(i)
            && self.text.tokens[i]
                .text(self.source)
                .starts_with(char::is_uppercase)
    }

    /// Whether token `i` is a calendar word («января», «вторник»).
    fn is_calendar_word(&self, i: usize) -> bool {
        self.entry(i).is_some_and(|e| !e.words.is_empty())
    }

    fn class(&mut self, i: usize) -> WordClass {
        let k = i - self.base;
        if let Some(c) = self.classes[k] {
            return c;
        }
        let t = &self.text.tokens[i];
        let c = if !t.is_word() {
            WordClass::Other
        } else if self.roles(i).has(Roles::FUTURE_MARKER) && !self.is_noun_use(i) {
            WordClass::Verb {
                form: VerbForm::Finite,
                tense: self.plan_tense(i),
            }
        } else if self.is_calendar_word(i) {
            // Calendar words («января», «вторник») are never predicates.
            WordClass::Other
        } else {
            let c =
                crate::morphology::classify_cached(self.pack.lang, self.morph, t.text(self.source));
            // Context the dictionary does not see: «will meet», «will be held».
            // The auxiliary before it, over an adverb ("will almost double", "has not been").
            let aux = if k > 1 && self.roles(i - 1).has(Roles::VERB_ADVERB) {
                i - 2
            } else {
                i.saturating_sub(1)
            };
            let prev = if k > 0 { self.roles(aux) } else { Roles::NONE };
            // «to be completed», «должен быть завершен»: the participle of an infinitive.
            let after_infinitive_marker =
                aux > self.base && self.roles(aux - 1).has(Roles::INFINITIVE_MARKER);
            match c {
                WordClass::Verb { .. }
                    if prev.has(Roles::PARTICIPLE_MARKER) && after_infinitive_marker =>
                {
                    WordClass::Verb {
                        form: VerbForm::Infinitive,
                        tense: None,
                    }
                }
                // «была проведена», "is heard", "was held": a finite auxiliary gives the
                // tense; a perfect one ("has risen") leaves the participle's past.
                WordClass::Verb { tense, .. } if prev.has(Roles::PARTICIPLE_MARKER) => {
                    let auxiliary = self.text.tokens[aux].text(self.source);
                    let class = if self.pack.is_perfect_auxiliary(auxiliary) {
                        WordClass::Other
                    } else {
                        crate::morphology::classify_cached(self.pack.lang, self.morph, auxiliary)
                    };
                    let tense = match class {
                        WordClass::Verb {
                            form: VerbForm::Finite,
                            tense: Some(t),
                        } => Some(t),
                        _ => tense,
                    };
                    WordClass::Verb {
                        form: VerbForm::ShortParticiple,
                        tense,
                    }
                }
                WordClass::Noun { pronoun: false, .. } | WordClass::Verb { .. }
                    if prev.has(Roles::INFINITIVE_MARKER) =>
                {
                    WordClass::Verb {
                        form: VerbForm::Infinitive,
                        tense: None,
                    }
                }
                c => c,
            }
        };
        self.classes[k] = Some(c);
        c
    }

    /// Whether the infinitive at token `i` follows a present plan: "is set to begin", "are
    /// expected to be held", "is due to formally open" (grammar `present_be`,
    /// `plan_adjectives`).
    fn planned(&mut self, i: usize) -> bool {
        let folded = |w: &Self, k: usize| {
            let t = &w.text.tokens[k];
            t.is_word().then(|| crate::language::fold(t.text(w.source)))
        };
        // Back over "be" of a passive infinitive and adverbs to "to".
        let mut k = i;
        while k > self.base
            && (self.roles(k - 1).has(Roles::VERB_ADVERB)
                || self.roles(k - 1).has(Roles::PARTICIPLE_MARKER))
        {
            k -= 1;
        }
        if k < self.base + 3 || !self.roles(k - 1).has(Roles::INFINITIVE_MARKER) {
            return false;
        }
        let plan = folded(self, k - 2).is_some_and(|w| self.pack.is_plan_adjective(&w));
        let mut b = k - 3;
        while b > self.base && self.roles(b).has(Roles::VERB_ADVERB) {
            b -= 1;
        }
        plan && folded(self, b).is_some_and(|w| self.pack.is_present_be(&w))
    }

    /// The tense a plan marker gives its event: the future, unless a past-tense verb right
    /// before or after it puts the plan itself in the past ("was scheduled to close Monday",
    /// "had been scheduled", «был запланирован», «должны были пройти»: it may have happened,
    /// or not).
    fn plan_tense(&mut self, i: usize) -> Option<Tense> {
        let end = self.base + self.classes.len();
        let past = |k: usize| {
            let t = &self.text.tokens[k];
            t.is_word()
                && !self.roles(k).has(Roles::FUTURE_MARKER)
                && matches!(
                    crate::morphology::classify_cached(
                        self.pack.lang,
                        self.morph,
                        t.text(self.source)
                    ),
                    WordClass::Verb {
                        form: VerbForm::Finite,
                        tense: Some(Tense::Past),
                    }
                )
        };
        // "had been scheduled": the finite auxiliary stands before the participle's.
        let before = |k: usize| k > self.base && past(k - 1);
        let chained = i > self.base && self.roles(i - 1).has(Roles::PARTICIPLE_MARKER);
        if before(i) || (chained && before(i - 1)) || (i + 1 < end && past(i + 1)) {
            None
        } else {
            Some(Tense::Future)
        }
    }

    /// Whether token `i` is an auxiliary of the passive ("is", "was"; not the perfect's "has").
    fn is_be_auxiliary(&self, i: usize) -> bool {
        self.roles(i).has(Roles::PARTICIPLE_MARKER)
            && !self
                .pack
                .is_perfect_auxiliary(self.text.tokens[i].text(self.source))
    }

    /// A plan marker used as a noun: "announced plans to", "its plans", "the will of":
    /// after a determiner or a finite verb.
    fn is_noun_use(&mut self, i: usize) -> bool {
        if i == self.base || !self.pack.plan_markers_are_nouns_too {
            return false;
        }
        let prev = &self.text.tokens[i - 1];
        // "is scheduled to", "were slated to": a passive, not a noun after a verb.
        prev.is_word()
            && !self.is_be_auxiliary(i - 1)
            && (self.pack.is_year_determiner(prev.text(self.source))
                || matches!(
                    self.class(i - 1),
                    WordClass::Verb {
                        form: VerbForm::Finite,
                        ..
                    }
                ))
    }

    /// Verbs of `clause` within [`MAX_DISTANCE`] of the expression at `skip`.
    fn verbs(&mut self, clause: &Range<usize>, skip: &Range<usize>) -> Vec<Verb> {
        let mut out = Vec::new();
        let lo = clause.start.max(skip.start.saturating_sub(MAX_DISTANCE));
        let hi = clause.end.min(skip.end + MAX_DISTANCE);
        for i in lo..hi.max(lo) {
            if skip.contains(&i) {
                continue;
            }
            if let WordClass::Verb { form, tense } = self.class(i) {
                if matches!(
                    form,
                    VerbForm::Finite
                        | VerbForm::Infinitive
                        | VerbForm::ShortParticiple
                        | VerbForm::OtherMood
                ) {
                    out.push(Verb {
                        index: i,
                        form,
                        tense,
                    });
                }
            }
        }
        out
    }

    /// Whether a clause has any verb at all.
    fn has_verb(&mut self, clause: &Range<usize>) -> bool {
        clause
            .clone()
            .any(|i| matches!(self.class(i), WordClass::Verb { .. }))
    }

    /// The sentence contains a reported-speech marker phrase («как сообщалось»).
    fn has_reported_marker(&self) -> bool {
        let end = self.base + self.classes.len();
        let id = |i: usize| self.entry(i).map(|e| e.id);
        // Words only, compared by lexicon id: a word outside the lexicon matches none.
        let mut words = (self.base..end).filter(|&i| self.text.tokens[i].is_word());
        while let Some(i) = words.next() {
            if !self.roles(i).has(Roles::REPORTED_MARKER_START) {
                continue;
            }
            let rest = words.clone();
            let found = self.pack.reported_marker_ids().iter().any(|m| {
                let mut at = std::iter::once(i).chain(rest.clone());
                !m.is_empty()
                    && m.iter()
                        .all(|&w| at.next().is_some_and(|k| id(k) == Some(w)))
            });
            if found {
                return true;
            }
        }
        false
    }
}

/// Fills `anchor` of every temporal claim.
pub fn anchor_all(scope: Scope, temporals: &mut [Temporal]) {
    let text = scope.text;
    // Vectors reused from sentence to sentence.
    let (mut classes, mut cl) = (Vec::new(), Vec::new());
    let mut k = 0;
    while k < temporals.len() {
        let s = temporals[k].sentence;
        let sentence = text.sentences[s].clone();
        let mut words = SentenceWords::new(scope, &sentence, std::mem::take(&mut classes));
        clauses(&mut words, sentence.clone(), &mut cl);
        // Clauses before the first one with a verb or a subordinator are fronted adverbials.
        let first_blocking = (0..cl.len())
            .find(|&c| cl[c].1 || words.has_verb(&cl[c].0))
            .unwrap_or(cl.len());
        let reported_marker = words.has_reported_marker();
        while k < temporals.len() && temporals[k].sentence == s {
            let prev = (k > 0)
                .then(|| &temporals[k - 1])
                .filter(|p| is_apposition(text, p, &temporals[k]));
            temporals[k].anchor = match prev {
                // «в четверг, 12 июля»: the second names the same time as the first.
                Some(p) => p.anchor.clone(),
                None => anchor_one(
                    &temporals[k],
                    &cl,
                    first_blocking,
                    &mut words,
                    reported_marker,
                    &sentence,
                ),
            };
            k += 1;
        }
        classes = words.classes;
    }
}

/// `b` restates `a` right after it: «в четверг, 12 июля», «вчера (17 февраля)».
fn is_apposition(text: &Text, a: &Temporal, b: &Temporal) -> bool {
    if a.sentence != b.sentence || a.tokens.end > b.tokens.start {
        return false;
    }
    let between = &text.tokens[a.tokens.end..b.tokens.start];
    !between.is_empty()
        && between.len() <= 2
        && between
            .iter()
            .all(|t| matches!(t.punct(), Some(',' | '(' | '—' | '–')))
}

fn anchor_one(
    claim: &Temporal,
    clauses: &[(Range<usize>, bool)],
    first_blocking: usize,
    words: &mut SentenceWords,
    reported_marker: bool,
    sentence: &Range<usize>,
) -> Option<Anchor> {
    let at = claim.tokens.start;
    // "the deadline, originally Jan. 5, will be extended": a superseded time has no event.
    if at > sentence.start && words.roles(at - 1).has(Roles::SUPERSEDED) {
        return None;
    }
    // «План, согласованный 6 июля, обсудят»: a time right after a full participle is the
    // participle's, whatever the verb of the clause. (Not one before it: «В ноябре
    // базирующаяся в Риме ФАО предупредила» is the warning's November.)
    // Not after a form of "be" («може бути продовжений до 2022 року»: a predicate).
    let after_copula = at > sentence.start + 1 && {
        let t = &words.text.tokens[at - 2];
        t.is_word() && words.pack.is_copula(t.text(words.source))
    };
    if at > sentence.start && !after_copula {
        if let WordClass::Verb {
            form: VerbForm::Participle,
            tense,
        } = words.class(at - 1)
        {
            let t = &words.text.tokens[at - 1];
            return Some(Anchor {
                span: t.start..t.end,
                tense: tense?,
                strong: false,
                conditional: false,
                reported: false,
            });
        }
    }
    let home = clauses.partition_point(|(r, _)| r.end <= at);
    if !clauses.get(home).is_some_and(|(r, _)| r.contains(&at)) {
        return None;
    }
    // The expression's own clause; when it has no verb and opens the sentence as a fronted
    // adverbial («Во вторник, 6 января, лидеры собрались»), the following main clauses.
    // A verbless clause elsewhere (an aside in brackets, an apposition) anchors nothing.
    let mut order = [home; 1 + MAX_FORWARD_CLAUSES];
    let mut n = 1;
    let in_brackets =
        claim.tokens.start > 0 && words.text.tokens[claim.tokens.start - 1].punct() == Some('(');
    let fronted = !in_brackets && home <= first_blocking;
    if fronted {
        for (j, (_, sub)) in clauses
            .iter()
            .enumerate()
            .skip(home + 1)
            .take(MAX_FORWARD_CLAUSES)
        {
            if *sub {
                break;
            }
            order[n] = j;
            n += 1;
        }
    }
    let (clause_ix, verbs) = order[..n].iter().find_map(|&c| {
        let v = words.verbs(&clauses[c].0, &claim.tokens);
        (!v.is_empty()).then_some((c, v))
    })?;
    let (clause, subordinate) = clauses[clause_ix].clone();
    let distance = |v: &Verb| {
        if v.index < claim.tokens.start {
            claim.tokens.start - v.index
        } else {
            v.index - claim.tokens.end + 1
        }
    };
    let nearest = verbs.iter().min_by_key(|v| distance(v))?;
    let finite = |t: Tense| {
        verbs
            .iter()
            .any(|v| v.form == VerbForm::Finite && v.tense == Some(t))
    };
    let has_infinitive = verbs.iter().any(|v| v.form == VerbForm::Infinitive);
    let tense = match nearest.form {
        // «должны были вылететь 26 июля», «решили провести 5 мая»: the time may belong to the
        // infinitive, whose event the past verb does not place; only a future stays certain.
        // Another verb's future does not make the nearest one future ("Investors who bought
        // on Jan. 5 will lose money").
        VerbForm::Finite if has_infinitive => nearest.tense.filter(|&t| t == Tense::Future),
        VerbForm::Finite => nearest.tense,
        // «будет опубликована 14 июля»: the auxiliary decides.
        VerbForm::ShortParticiple if finite(Tense::Future) => Some(Tense::Future),
        // A date before a passive participle may be its subject («13 января объявлен
        // выходным»), not the time of the act.
        VerbForm::ShortParticiple if nearest.index < claim.tokens.start => nearest.tense,
        VerbForm::ShortParticiple => None,
        // «будет проводиться», «планируется провести»: the finite word decides.
        // "is set to begin", "are expected to meet": a plan in the present.
        VerbForm::Infinitive => {
            (finite(Tense::Future) || words.planned(nearest.index)).then_some(Tense::Future)
        }
        _ => None,
    }?;
    // "may" is a modal, "May" in a date the month.
    let particle = |words: &mut SentenceWords, i: usize| {
        words.roles(i).has(Roles::CONDITIONAL) && !words.is_capitalised_calendar_word(i)
    };
    // Not a word of the expression itself ("That year he married": "that" is no "said that").
    let opener = clause
        .clone()
        .find(|&i| words.text.tokens[i].is_word() && !claim.tokens.contains(&i));
    // "If the vote had taken place in March 2026, the opposition would have won": a
    // condition whose sentence has a conditional particle is counterfactual too.
    let conditional = clause.clone().any(|i| particle(words, i))
        || (opener.is_some_and(|i| words.roles(i).has(Roles::CONDITIONAL_OPENER))
            && sentence.clone().any(|i| particle(words, i)));
    let opens_reported = opener.is_some_and(|i| words.roles(i).has(Roles::REPORTED_SPEECH));
    let reported = reported_marker || (subordinate && opens_reported);
    let strong = is_adverbial(claim, nearest.index, tense, words, sentence);
    let vt = &words.text.tokens[nearest.index];
    Some(Anchor {
        span: vt.start..vt.end,
        tense,
        strong,
        conditional,
        reported,
    })
}

/// Whether the expression modifies the verb rather than a noun standing between them
/// («анонсировал проведение в начале января»: the time is the holding's, not the
/// announcement's).
fn is_adverbial(
    claim: &Temporal,
    verb: usize,
    tense: Tense,
    words: &mut SentenceWords,
    sentence: &Range<usize>,
) -> bool {
    let tokens = &words.text.tokens;
    let source = words.source;
    let capitalised = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.is_word()
                && t.text(source)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    };
    let preposition = |words: &SentenceWords, k: usize| {
        tokens[k].is_word()
            && words
                .entry(k)
                .is_some_and(|e| e.words.iter().any(|w| matches!(w, Word::Prep(_))))
    };
    // «в Париже», «в Киеве»: a place after a preposition does not take a time modifier.
    let exempt_noun =
        |words: &SentenceWords, i: usize| capitalised(i) && i > 0 && preposition(words, i - 1);
    // "the prices of Jan. 5": the time is the noun's.
    if claim.tokens.start > sentence.start
        && words
            .roles(claim.tokens.start - 1)
            .has(Roles::NOUN_PREPOSITION)
    {
        return false;
    }
    // Classified only when asked: most expressions never need the word after them.
    let noun_after = |words: &mut SentenceWords| {
        claim.tokens.end < sentence.end
            && matches!(
                words.class(claim.tokens.end),
                WordClass::Noun { pronoun: false, .. }
            )
    };
    // "blamed the Nov. 3 deadline", "the results of the Jan. 5 vote will be announced":
    // between a determiner and a noun, the time is the noun's.
    let determiner_before = claim.tokens.start > sentence.start
        && words
            .pack
            .is_year_determiner(tokens[claim.tokens.start - 1].text(words.source));
    if claim.prep.is_none() && determiner_before && noun_after(words) {
        return false;
    }
    if verb < claim.tokens.start {
        // "told customers Monday", "rallied in Portadown Sunday": English puts a noun's own
        // time before the noun ("the Oct. 23 deadline", "a third-quarter loss"), so a bare
        // time right after the verb's object, and not before a noun, modifies the verb.
        // Farther off, or after another word ("debentures due Oct. 15"), it is not read so.
        if claim.prep.is_none() && words.pack.bare_times_modify_verb {
            let object_only = claim.tokens.start - verb <= 4
                && (verb + 1..claim.tokens.start).all(|i| {
                    tokens[i].number().is_some()
                        || matches!(words.class(i), WordClass::Noun { .. })
                        || preposition(words, i)
                });
            if object_only && !noun_after(words) {
                return true;
            }
        }
        // "raised its key rate on Dec. 18": "on" and a day right after a short object of
        // nouns modifies the verb, unless the object is an event ("announced the summit on
        // July 7", where the date may be the summit's). Not "in": "had taken place in March".
        let on_a_day = claim.prep == Some(crate::language::Prep::At)
            && words
                .pack
                .is_verb_day_preposition(tokens[claim.tokens.start].text(words.source));
        if on_a_day {
            let object = verb + 1..claim.tokens.start;
            let nouns_only = !object.is_empty()
                && object.len() <= 4
                && object.clone().all(|i| {
                    tokens[i].is_word()
                        && (words.pack.is_year_determiner(tokens[i].text(words.source))
                            || matches!(words.class(i), WordClass::Noun { pronoun: false, .. }))
                });
            let event = || {
                let last = tokens[claim.tokens.start - 1].text(words.source);
                crate::claims::words::embedded(words.pack.lang)
                    .is_some_and(|w| w.event_noun(&crate::language::fold(last)).is_some())
            };
            if nouns_only && !event() {
                return true;
            }
        }
        // «принял закон 29 декабря», «вступил в силу 1 января»: a day after an object that
        // has no time of its own is the verb's; after one that may («анонсировал проведение
        // 7 июля», «отменили рейс 5 марта») it is read as the noun's. Only a whole day:
        // «бюджет 2027 года», «итоги марта» name the noun. Nor after a verb whose object may
        // lie ahead («пообещали морозы 15 марта»). A verb still to come acts mostly on what
        // already is («изучит видео драки 7 марта», «оценят ущерб от урагана 28 февраля»):
        // there only a lone object noun, with no preposition, lets the day through.
        let a_day = matches!(claim.value, crate::claims::TimeValue::Date { .. })
            && matches!(claim.prep, None | Some(crate::language::Prep::At))
            && words.pack.knows_own_time_nouns()
            && !words.pack.is_forward_verb(tokens[verb].text(words.source));
        let past = tense == Tense::Past;
        let mut objects = 0;
        let event_words = crate::claims::words::embedded(words.pack.lang);
        for i in verb + 1..claim.tokens.start {
            let folded = if a_day && tokens[i].is_word() {
                crate::language::fold(tokens[i].text(words.source))
            } else {
                String::new()
            };
            // «вступил в силу», «ушел в отставку»: one predicate with its verb.
            if a_day && words.pack.is_verb_phrase_noun(&folded) {
                continue;
            }
            // «выйдет из состава Евросоюза», «вступит в силу»: a place or a predicate's own
            // noun after the preposition is no object.
            // «во втором чтении»: an adjective may stand before that noun.
            let phrase_noun = |words: &SentenceWords, k: usize| {
                k < claim.tokens.start
                    && tokens[k].is_word()
                    && words
                        .pack
                        .is_verb_phrase_noun(&crate::language::fold(tokens[k].text(words.source)))
            };
            if a_day
                && !past
                && preposition(words, i)
                && !capitalised(i + 1)
                && !phrase_noun(words, i + 1)
                && (!phrase_noun(words, i + 2)
                    || matches!(words.class(i + 1), WordClass::Noun { .. }))
            {
                return false;
            }
            let class = words.class(i);
            // A name the dictionary does not know («ДТП») may be a second noun.
            if a_day && !past && capitalised(i) && class == WordClass::Other {
                objects += 1;
                if objects > 1 {
                    return false;
                }
            }
            if let WordClass::Noun { pronoun: false, .. } = class {
                if exempt_noun(words, i) {
                    continue;
                }
                // The Ukrainian tables know verbs only: an adjective shows by its ending.
                if !event_words.is_some_and(|w| w.has_modifier_ending(&folded)) {
                    objects += 1;
                }
                let plain = a_day
                    && (past || objects <= 1)
                    && !words.pack.has_own_time(&folded)
                    && event_words.is_none_or(|w| w.event_noun(&folded).is_none());
                if !plain {
                    return false;
                }
            }
        }
        true
    } else {
        // Expression before the verb: a non-nominative noun right before it takes it as a
        // modifier («проведение встречи в январе 2027 года одобрили»).
        let mut i = claim.tokens.start;
        while i > sentence.start {
            i -= 1;
            let t = &tokens[i];
            if matches!(t.punct(), Some('"' | '«' | '»' | '“' | '”')) {
                continue;
            }
            return match words.class(i) {
                WordClass::Noun {
                    nominative,
                    pronoun,
                } => nominative || pronoun,
                _ => true,
            };
        }
        true
    }
}
