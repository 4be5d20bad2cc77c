//! Language data for claims beyond the calendar (`rules/lang/<code>/claims.toml`): which
//! nouns count things, which words block a count, which nouns name scheduled events.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use crate::language::{fold, Lang};
use crate::source_error::SourceError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    language: String,
    quantities: QuantitiesFile,
    events: EventsFile,
    order: OrderFile,
    #[serde(default)]
    elapsed: ElapsedFile,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ElapsedFile {
    #[serde(default)]
    start_verbs: Vec<String>,
    #[serde(default)]
    end_nouns: Vec<String>,
    #[serde(default)]
    remaining: Vec<String>,
    #[serde(default)]
    consecutive: Vec<String>,
    #[serde(default)]
    since_openers: Vec<String>,
    #[serde(default)]
    since_words: Vec<String>,
    /// Words after a length that, with a verb of the start soon after, count from the start of
    /// the event named after that verb ("four years after Russia launched its invasion").
    #[serde(default)]
    start_clause_openers: Vec<String>,
    #[serde(default)]
    same_event_modifiers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrderFile {
    before: Vec<String>,
    after: Vec<String>,
    #[serde(default)]
    fillers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuantitiesFile {
    not_counted: Vec<String>,
    blockers: Vec<String>,
    part_markers: Vec<String>,
    #[serde(default)]
    part_origins: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
    nouns: Vec<String>,
    verbs: Vec<String>,
    distinguishers: Vec<String>,
    changes: Vec<String>,
    /// Words saying a sentence tells of another occurrence of its event: a second round, a
    /// repeat vote («во втором туре», «повторно», "runoff").
    #[serde(default)]
    occurrences: Vec<String>,
    #[serde(default)]
    topic_prepositions: Vec<String>,
    #[serde(default)]
    modifier_endings: Vec<String>,
}

/// The compiled `claims.toml` of one language; every word folded.
#[derive(Debug)]
pub struct ClaimWords {
    not_counted: HashSet<String>,
    blockers: HashSet<String>,
    /// Phrases introducing the parts of a total («из них»), as word lists.
    pub part_markers: Vec<Vec<String>>,
    /// Words saying where a bare part comes from («20 — из Европы»).
    part_origins: HashSet<String>,
    /// Phrases attributing a figure to a source («по данным»), as word lists.
    pub sources: Vec<Vec<String>>,
    event_nouns: Vec<String>,
    /// Indices into `event_nouns` by their first four letters (the whole word if shorter).
    event_prefixes: HashMap<String, Vec<usize>>,
    event_verbs: HashSet<String>,
    /// First three letters of every event noun and change word: a test before folding.
    event_prefixes3: HashSet<u64>,
    distinguishers: HashSet<String>,
    changes: HashSet<String>,
    occurrences: HashSet<String>,
    /// Phrases placing a day before an event («накануне»), as word lists.
    pub before: Vec<Vec<String>>,
    /// Phrases placing a day after an event («после»), as word lists.
    pub after: Vec<Vec<String>>,
    order_fillers: HashSet<String>,
    topic_prepositions: HashSet<String>,
    modifier_endings: Vec<String>,
    start_verbs: HashSet<String>,
    end_nouns: HashSet<String>,
    remaining: HashSet<String>,
    consecutive: HashSet<String>,
    since_openers: HashSet<String>,
    start_clause_openers: HashSet<String>,
    since_words: HashSet<String>,
    same_event_modifiers: HashSet<String>,
}

impl ClaimWords {
    /// Compiles the text of a `claims.toml` for `lang`; `name` is used in errors.
    pub fn from_toml(lang: Lang, name: &str, text: &str) -> Result<ClaimWords, SourceError> {
        let file: ClaimsFile =
            toml::from_str(text).map_err(|e| SourceError::from_toml(name, text, &e))?;
        if file.language != lang.code() {
            let at = text.find(&file.language).unwrap_or(0);
            return Err(SourceError::new(
                name,
                text,
                at..at + file.language.len(),
                format!(
                    "{name} declares language `{}`, expected `{}`",
                    file.language,
                    lang.code()
                ),
                "this language",
            ));
        }
        let set = |v: &[String]| v.iter().map(|w| fold(w)).collect::<HashSet<_>>();
        let phrases = |v: &[String]| {
            v.iter()
                .map(|p| p.split_whitespace().map(fold).collect::<Vec<_>>())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        };
        let event_nouns: Vec<String> = file.events.nouns.iter().map(|w| fold(w)).collect();
        let mut event_prefixes: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, n) in event_nouns.iter().enumerate() {
            event_prefixes
                .entry(prefix4(n).to_string())
                .or_default()
                .push(k);
        }
        let event_prefixes3 = event_nouns
            .iter()
            .chain(file.events.changes.iter())
            .chain(file.events.occurrences.iter())
            .filter_map(|w| crate::language::prefix_key(&fold(w)))
            .collect();
        Ok(ClaimWords {
            not_counted: set(&file.quantities.not_counted),
            blockers: set(&file.quantities.blockers),
            part_markers: phrases(&file.quantities.part_markers),
            part_origins: set(&file.quantities.part_origins),
            sources: phrases(&file.quantities.sources),
            event_nouns,
            event_prefixes,
            event_prefixes3,
            event_verbs: set(&file.events.verbs),
            distinguishers: set(&file.events.distinguishers),
            changes: set(&file.events.changes),
            occurrences: set(&file.events.occurrences),
            before: phrases(&file.order.before),
            after: phrases(&file.order.after),
            order_fillers: set(&file.order.fillers),
            topic_prepositions: set(&file.events.topic_prepositions),
            modifier_endings: file
                .events
                .modifier_endings
                .iter()
                .map(|w| fold(w))
                .collect(),
            start_verbs: set(&file.elapsed.start_verbs),
            end_nouns: set(&file.elapsed.end_nouns),
            remaining: set(&file.elapsed.remaining),
            consecutive: set(&file.elapsed.consecutive),
            since_openers: set(&file.elapsed.since_openers),
            start_clause_openers: set(&file.elapsed.start_clause_openers),
            since_words: set(&file.elapsed.since_words),
            same_event_modifiers: set(&file.elapsed.same_event_modifiers),
        })
    }

    /// A word after a number that is not a counted thing («процентов», «раз»).
    pub fn is_not_counted(&self, folded: &str) -> bool {
        self.not_counted.contains(folded)
    }

    /// A verb of a start («началась», "began"): a time «назад» beside it dates the start.
    pub fn is_start_verb(&self, folded: &str) -> bool {
        self.start_verbs.contains(folded)
    }

    /// A noun of an end («окончания», "end"): a time after it counts from the end.
    pub fn is_end_noun(&self, folded: &str) -> bool {
        self.end_nouns.contains(folded)
    }

    /// A word saying a length is still to come («еще», "another").
    pub fn is_remaining(&self, folded: &str) -> bool {
        self.remaining.contains(folded)
    }

    /// A word after a length saying it counts occurrences in a row («третий год подряд»,
    /// "the third year running"), not time since a start.
    pub fn is_consecutive(&self, folded: &str) -> bool {
        self.consecutive.contains(folded)
    }

    /// A word opening "since" after a length («с», «від», "since").
    pub fn is_since_opener(&self, folded: &str) -> bool {
        self.since_openers.contains(folded)
    }

    /// A word after a length opening a clause of the event's start ("after" in "four years
    /// after Russia launched its invasion").
    pub fn is_start_clause_opener(&self, folded: &str) -> bool {
        self.start_clause_openers.contains(folded)
    }

    /// A word that may follow a "since" opener before the event («начала», "the start of").
    pub fn is_since_word(&self, folded: &str) -> bool {
        self.since_words.contains(folded)
    }

    /// A word before a generic event name that keeps it the same event («эта», "the").
    pub fn is_same_event_modifier(&self, folded: &str) -> bool {
        self.same_event_modifiers.contains(folded)
    }

    /// A word saying where a bare part of a total comes from («из» in «20 — из Европы»).
    pub fn is_part_origin(&self, folded: &str) -> bool {
        self.part_origins.contains(folded)
    }

    /// A word before a number that makes it other than a plain count («до», «из»).
    pub fn is_blocker(&self, folded: &str) -> bool {
        self.blockers.contains(folded)
    }

    /// Whether a word as written may be an event noun or a change word (false: it is
    /// certainly neither), without folding it.
    pub fn may_be_event_word(&self, written: &str) -> bool {
        crate::language::prefix_key(written).is_none_or(|k| self.event_prefixes3.contains(&k))
    }

    /// The event noun this folded word is a form of («саммита» → «саммит»).
    pub fn event_noun(&self, folded: &str) -> Option<&str> {
        // Forms of one word share their first four letters (or are equal): one lookup
        // rules out nearly every word.
        let candidates = self.event_prefixes.get(prefix4(folded))?;
        candidates
            .iter()
            .map(|&k| self.event_nouns[k].as_str())
            .find(|n| same_word(n, folded))
    }

    /// A predicate that dates an event («пройдет», "will be held").
    pub fn is_event_verb(&self, folded: &str) -> bool {
        self.event_verbs.contains(folded)
    }

    /// A word allowed between an order phrase and its event ("the").
    pub fn is_order_filler(&self, folded: &str) -> bool {
        self.order_fillers.contains(folded)
    }

    /// A word before an event noun that is an adjective by its ending, for a language whose
    /// tables know no adjectives («попереджувальний страйк»).
    pub fn has_modifier_ending(&self, folded: &str) -> bool {
        let order_word = self
            .before
            .iter()
            .chain(&self.after)
            .any(|p| p.iter().any(|w| w == folded));
        folded.chars().count() >= 5
            && !order_word
            && self
                .modifier_endings
                .iter()
                .any(|e| folded.ends_with(e.as_str()))
    }

    /// A preposition joining a name to an event's key («по» in «заседание по Украине»).
    pub fn is_topic_preposition(&self, folded: &str) -> bool {
        self.topic_prepositions.contains(folded)
    }

    /// A word before an event noun naming another occurrence («следующий»).
    pub fn is_distinguisher(&self, folded: &str) -> bool {
        self.distinguishers.contains(folded)
    }

    /// A word saying its sentence tells of another occurrence of the event («туре»,
    /// «повторно», "runoff").
    pub fn is_occurrence(&self, folded: &str) -> bool {
        self.occurrences.contains(folded)
    }

    /// A word saying a date changed («перенесли»).
    pub fn is_change(&self, folded: &str) -> bool {
        self.changes.contains(folded)
    }
}

/// The first four characters of a word (all of it when shorter): what [`same_word`] requires
/// two forms to share.
fn prefix4(w: &str) -> &str {
    match w.char_indices().nth(4) {
        Some((i, _)) => &w[..i],
        None => w,
    }
}

/// Two folded words are forms of one word: equal, or sharing all but the last two letters
/// of the shorter (at least four) and differing in at most three letters after that
/// («делегаций» ~ «делегации», «summit» ~ «summits»).
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (na, nb) = (a.chars().count(), b.chars().count());
    let shorter = na.min(nb);
    if shorter < 4 {
        return false;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= (shorter - 2).max(4) && na.max(nb) - common <= 3
}

/// `claims.toml` of every embedded language.
pub const FILES: &[(Lang, &str)] = &[
    (Lang::Ru, include_str!("../../rules/lang/ru/claims.toml")),
    (Lang::Uk, include_str!("../../rules/lang/uk/claims.toml")),
    (Lang::En, include_str!("../../rules/lang/en/claims.toml")),
];

/// The embedded words for `lang`. The embedded files are checked by the test suite.
pub fn embedded(lang: Lang) -> Option<&'static ClaimWords> {
    static WORDS: OnceLock<Vec<(Lang, ClaimWords)>> = OnceLock::new();
    let all = WORDS.get_or_init(|| {
        FILES
            .iter()
            .map(|(lang, text)| {
                let name = format!("rules/lang/{}/claims.toml", lang.code());
                let words = ClaimWords::from_toml(*lang, &name, text)
                    .unwrap_or_else(|e| panic!("embedded {name} is invalid: {e:?}"));
                (*lang, words)
            })
            .collect()
    });
    all.iter().find(|(l, _)| *l == lang).map(|(_, w)| w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_compiles() {
        for (lang, text) in FILES {
            ClaimWords::from_toml(*lang, "claims.toml", text)
                .unwrap_or_else(|e| panic!("{lang:?}: {e:?}"));
        }
    }

    #[test]
    fn forms_of_one_word() {
        assert!(same_word("делегаций", "делегации"));
        assert!(same_word("государств", "государства"));
        assert!(same_word("summit", "summits"));
        assert!(same_word("саміт", "саміту"));
        assert!(!same_word("мир", "мира"));
        assert!(!same_word("встреча", "встал"));
        assert!(!same_word("strike", "striker-in-chief"));
    }
}
