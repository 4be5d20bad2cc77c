//! Finds the predicate a time expression anchors and that predicate's tense.
//!
//! The sentence is cut into clauses at punctuation and before subordinating words; the
//! predicate is the nearest verb of the expression's clause, or of the neighbouring clauses
//! when its own has none («Во вторник, 6 января, лидеры собрались»). Reported speech,
//! conditionals and plans are marked so rules can stay silent where tense is relative.

use std::ops::Range;

use crate::claims::{Anchor, Temporal};
use crate::language::{fold, LanguagePack, Word};
use crate::morphology::{Morphology, Tense, VerbForm, WordClass};
use crate::text::Text;

/// Clauses of a sentence as token ranges; `true` marks one opened by a subordinator.
fn clauses(
    source: &str,
    text: &Text,
    sentence: Range<usize>,
    pack: &LanguagePack,
) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    let mut sub = false;
    for i in sentence.clone() {
        let t = &text.tokens[i];
        let cut_before = t.is_word() && i > start && pack.is_subordinator(&fold(t.text(source)));
        let cut_after = match t.punct() {
            Some(',' | ';' | ':' | '(' | ')') => true,
            Some('—' | '–' | '-') => t.space_before,
            _ => false,
        };
        if cut_before {
            out.push((start..i, sub));
            start = i;
            sub = true;
        } else if i == start && t.is_word() && pack.is_subordinator(&fold(t.text(source))) {
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
    out
}

/// A verb candidate in a clause.
struct Verb {
    index: usize,
    form: VerbForm,
    tense: Option<Tense>,
}

/// Word classes of the tokens of a sentence, computed lazily once per sentence.
struct SentenceWords<'a> {
    source: &'a str,
    text: &'a Text,
    morph: &'a dyn Morphology,
    pack: &'a LanguagePack,
    classes: Vec<Option<WordClass>>,
    base: usize,
}

impl<'a> SentenceWords<'a> {
    fn class(&mut self, i: usize) -> WordClass {
        let k = i - self.base;
        if let Some(c) = self.classes[k] {
            return c;
        }
        let t = &self.text.tokens[i];
        let c = if !t.is_word() {
            WordClass::Other
        } else {
            let w = t.text(self.source);
            let f = fold(w);
            if self.pack.is_future_marker(&f) {
                WordClass::Verb {
                    form: VerbForm::Finite,
                    tense: Some(Tense::Future),
                }
            } else if !self.pack.word(&f).is_empty() {
                // Calendar words («января», «вторник») are never predicates.
                WordClass::Other
            } else {
                self.morph.classify(w)
            }
        };
        self.classes[k] = Some(c);
        c
    }

    fn verbs(&mut self, clause: &Range<usize>, skip: &Range<usize>) -> Vec<Verb> {
        let mut out = Vec::new();
        for i in clause.clone() {
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

    fn has_word(&self, range: &Range<usize>, pred: impl Fn(&str) -> bool) -> bool {
        range.clone().any(|i| {
            let t = &self.text.tokens[i];
            t.is_word() && pred(&fold(t.text(self.source)))
        })
    }
}

/// Fills `anchor` of every temporal claim.
pub fn anchor_all(
    source: &str,
    text: &Text,
    pack: &LanguagePack,
    morph: &dyn Morphology,
    temporals: &mut [Temporal],
) {
    let mut k = 0;
    while k < temporals.len() {
        let s = temporals[k].sentence;
        let sentence = text.sentences[s].clone();
        let cl = clauses(source, text, sentence.clone(), pack);
        let mut words = SentenceWords {
            source,
            text,
            morph,
            pack,
            classes: vec![None; sentence.len()],
            base: sentence.start,
        };
        let reported_marker = reported_marker(source, text, &sentence, pack);
        while k < temporals.len() && temporals[k].sentence == s {
            let prev = (k > 0)
                .then(|| &temporals[k - 1])
                .filter(|p| is_apposition(text, p, &temporals[k]));
            temporals[k].anchor = match prev {
                // «в четверг, 12 июля»: the second names the same time as the first.
                Some(p) => p.anchor.clone(),
                None => anchor_one(&temporals[k], &cl, &mut words, reported_marker, &sentence),
            };
            k += 1;
        }
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

fn reported_marker(
    source: &str,
    text: &Text,
    sentence: &Range<usize>,
    pack: &LanguagePack,
) -> bool {
    let words: Vec<String> = text.tokens[sentence.clone()]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| fold(t.text(source)))
        .collect();
    pack.reported_speech_markers
        .iter()
        .any(|m| !m.is_empty() && words.windows(m.len()).any(|w| w == m.as_slice()))
}

fn anchor_one(
    claim: &Temporal,
    clauses: &[(Range<usize>, bool)],
    words: &mut SentenceWords,
    reported_marker: bool,
    sentence: &Range<usize>,
) -> Option<Anchor> {
    let at = claim.tokens.start;
    let home = clauses.iter().position(|(r, _)| r.contains(&at))?;
    // The expression's own clause; when it has no verb and opens the sentence as a fronted
    // adverbial («Во вторник, 6 января, лидеры собрались»), the following main clauses.
    // A verbless clause elsewhere (an aside in brackets, an apposition) anchors nothing.
    let mut order = vec![home];
    let in_brackets =
        claim.tokens.start > 0 && words.text.tokens[claim.tokens.start - 1].punct() == Some('(');
    let fronted = !in_brackets
        && clauses[..home]
            .iter()
            .all(|(r, sub)| !sub && words.verbs(r, &claim.tokens).is_empty());
    if fronted {
        for (j, (_, sub)) in clauses.iter().enumerate().skip(home + 1) {
            if *sub {
                break;
            }
            order.push(j);
        }
    }
    let (clause_ix, verbs) = order.iter().find_map(|&c| {
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
        VerbForm::Finite if has_infinitive => nearest
            .tense
            .filter(|&t| t == Tense::Future || finite(Tense::Future))
            .map(|_| Tense::Future),
        VerbForm::Finite => nearest.tense,
        // «будет опубликована 14 июля»: the auxiliary decides.
        VerbForm::ShortParticiple if finite(Tense::Future) => Some(Tense::Future),
        // A date before a passive participle may be its subject («13 января объявлен
        // выходным»), not the time of the act.
        VerbForm::ShortParticiple if nearest.index < claim.tokens.start => nearest.tense,
        VerbForm::ShortParticiple => None,
        // «будет проводиться», «планируется провести»: the finite word decides.
        VerbForm::Infinitive => finite(Tense::Future).then_some(Tense::Future),
        _ => None,
    }?;
    let pack = words.pack;
    let conditional = words.has_word(&clause, |w| pack.is_conditional(w));
    let opener = clause.clone().find(|&i| words.text.tokens[i].is_word());
    let opens_reported = opener
        .is_some_and(|i| pack.is_reported_speech(&fold(words.text.tokens[i].text(words.source))));
    let reported = reported_marker || (subordinate && opens_reported);
    let strong = is_adverbial(claim, nearest.index, words, sentence);
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
    words: &mut SentenceWords,
    sentence: &Range<usize>,
) -> bool {
    let tokens = &words.text.tokens;
    let exempt_noun = |words: &mut SentenceWords, i: usize| {
        // «в Париже», «в Киеве»: a place after a preposition does not take a time modifier.
        let t = &tokens[i];
        let capital = t
            .text(words.source)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let after_prep = i > 0 && {
            let p = &tokens[i - 1];
            p.is_word()
                && words
                    .pack
                    .word(&fold(p.text(words.source)))
                    .iter()
                    .any(|w| matches!(w, Word::Prep(_)))
        };
        capital && after_prep
    };
    if verb < claim.tokens.start {
        for i in verb + 1..claim.tokens.start {
            if let WordClass::Noun { pronoun: false, .. } = words.class(i) {
                if !exempt_noun(words, i) {
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
