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
fn clauses(words: &SentenceWords, sentence: Range<usize>) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    let mut sub = false;
    for i in sentence.clone() {
        let t = &words.text.tokens[i];
        let subordinator = words.pack.is_subordinator(words.folded(i));
        let cut_after = match t.punct() {
            Some(',' | ';' | ':' | '(' | ')') => true,
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
    out
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

/// The words of one sentence, folded once, and their classes, computed lazily.
struct SentenceWords<'a> {
    source: &'a str,
    text: &'a Text,
    morph: &'a dyn Morphology,
    pack: &'a LanguagePack,
    /// Folded words of the sentence, one after another; `spans[k]` is token `base + k`'s
    /// range (empty for punctuation and numbers). One allocation per sentence.
    arena: String,
    spans: Vec<(u32, u32)>,
    classes: Vec<Option<WordClass>>,
    base: usize,
}

impl<'a> SentenceWords<'a> {
    fn new(
        source: &'a str,
        text: &'a Text,
        morph: &'a dyn Morphology,
        pack: &'a LanguagePack,
        sentence: &Range<usize>,
    ) -> Self {
        // Folded words take about as many bytes as the sentence as written: one allocation.
        let bytes = match (text.tokens.get(sentence.start), sentence.end.checked_sub(1)) {
            (Some(first), Some(last)) => text.tokens[last].end.saturating_sub(first.start),
            _ => 0,
        };
        let mut arena = String::with_capacity(bytes);
        let mut buf = String::new();
        let spans = text.tokens[sentence.clone()]
            .iter()
            .map(|t| {
                let at = arena.len() as u32;
                if t.is_word() {
                    crate::language::fold_into(&mut buf, t.text(source));
                    arena.push_str(&buf);
                }
                (at, arena.len() as u32)
            })
            .collect();
        SentenceWords {
            source,
            text,
            morph,
            pack,
            arena,
            spans,
            classes: vec![None; sentence.len()],
            base: sentence.start,
        }
    }

    /// The folded word at token `i` (empty for non-words).
    fn folded(&self, i: usize) -> &str {
        self.folded_at(i - self.base)
    }

    fn folded_at(&self, k: usize) -> &str {
        let (a, b) = self.spans[k];
        &self.arena[a as usize..b as usize]
    }

    fn class(&mut self, i: usize) -> WordClass {
        let k = i - self.base;
        if let Some(c) = self.classes[k] {
            return c;
        }
        let t = &self.text.tokens[i];
        let f = self.folded_at(k);
        let c = if !t.is_word() {
            WordClass::Other
        } else if self.pack.is_future_marker(f) {
            WordClass::Verb {
                form: VerbForm::Finite,
                tense: Some(Tense::Future),
            }
        } else if !self.pack.word(f).is_empty() {
            // Calendar words («января», «вторник») are never predicates.
            WordClass::Other
        } else {
            let c =
                crate::morphology::classify_cached(self.pack.lang, self.morph, t.text(self.source));
            // Context the dictionary does not see: «will meet», «will be held».
            let prev = if k > 0 { self.folded_at(k - 1) } else { "" };
            match c {
                WordClass::Verb { tense, .. } if self.pack.is_participle_marker(prev) => {
                    WordClass::Verb {
                        form: VerbForm::ShortParticiple,
                        tense,
                    }
                }
                WordClass::Noun { pronoun: false, .. } | WordClass::Verb { .. }
                    if self.pack.is_infinitive_marker(prev) =>
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

    fn has_word(&self, range: &Range<usize>, pred: impl Fn(&str) -> bool) -> bool {
        range.clone().any(|i| pred(self.folded(i)))
    }

    /// The sentence contains a reported-speech marker phrase («как сообщалось»).
    fn has_reported_marker(&self) -> bool {
        let words: Vec<&str> = (0..self.spans.len())
            .map(|k| self.folded_at(k))
            .filter(|w| !w.is_empty())
            .collect();
        self.pack.reported_speech_markers.iter().any(|m| {
            !m.is_empty()
                && words
                    .windows(m.len())
                    .any(|w| w.iter().zip(m).all(|(a, b)| *a == b.as_str()))
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
        let mut words = SentenceWords::new(source, text, morph, pack, &sentence);
        let cl = clauses(&words, sentence.clone());
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
    let home = clauses.partition_point(|(r, _)| r.end <= at);
    if !clauses.get(home).is_some_and(|(r, _)| r.contains(&at)) {
        return None;
    }
    // The expression's own clause; when it has no verb and opens the sentence as a fronted
    // adverbial («Во вторник, 6 января, лидеры собрались»), the following main clauses.
    // A verbless clause elsewhere (an aside in brackets, an apposition) anchors nothing.
    let mut order = vec![home];
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
