//! Word classes and verb tense from a dictionary: what the predicate finder needs to know
//! about a word. Russian uses the ruMorph analyser over the OpenCorpora dictionary.

use std::sync::OnceLock;

use crate::language::Lang;

/// Grammatical tense of a verb form (UD convention: a perfective non-past is `Future`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// «анонсировал».
    Past,
    /// «проводят».
    Present,
    /// «проведут», «будет».
    Future,
}

impl Tense {
    /// Lower-case English name.
    pub fn as_str(self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Present => "present",
            Tense::Future => "future",
        }
    }
}

/// Non-finite and finite verb forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// Indicative finite verb («прошли»), also auxiliaries («будет»).
    Finite,
    /// Infinitive («провести»).
    Infinitive,
    /// Short passive participle used as a predicate («принят»).
    ShortParticiple,
    /// Full participle («согласованный»): not a predicate; a time beside it is its own.
    Participle,
    /// Converb («заявив»): not a predicate.
    NonFinite,
    /// Imperative or other mood: no tense claim.
    OtherMood,
}

/// What the predicate finder needs to know about one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// A verb form with its tense, when it has one.
    Verb {
        /// Form.
        form: VerbForm,
        /// Tense.
        tense: Option<Tense>,
    },
    /// A noun or pronoun; `nominative` when that is its likeliest case.
    Noun {
        /// Likely the subject.
        nominative: bool,
        /// A pronoun («он», «этом»): never takes a time modifier.
        pronoun: bool,
    },
    /// An adjective, numeral or determiner that can stand inside a noun phrase.
    Modifier,
    /// Anything else.
    Other,
}

/// A morphological analyser for one language.
pub trait Morphology: Send + Sync {
    /// Classifies a word as written in the text.
    fn classify(&self, word: &str) -> WordClass;
}

/// Russian morphology from the ruMorph dictionary (OpenCorpora, CC BY-SA).
pub struct Russian {
    dict: rumorph::Dictionary,
}

/// Words classified per thread: news repeats its vocabulary, and a dictionary analysis
/// allocates. Cleared when it grows past [`CACHE_LIMIT`] entries.
const CACHE_LIMIT: usize = 200_000;

thread_local! {
    /// One map per language, keyed by the word as written: a hit allocates nothing.
    static CACHE: std::cell::RefCell<[rustc_hash::FxHashMap<String, WordClass>; 3]> =
        std::cell::RefCell::new(Default::default());
}

/// Classifies with a per-thread cache in front of `analyser`.
pub fn classify_cached(lang: Lang, analyser: &dyn Morphology, word: &str) -> WordClass {
    let slot = match lang {
        Lang::Ru => 0,
        Lang::Uk => 1,
        Lang::En => 2,
    };
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let map = &mut cache[slot];
        if let Some(c) = map.get(word) {
            return *c;
        }
        let c = analyser.classify(word);
        if map.len() >= CACHE_LIMIT {
            map.clear();
        }
        map.insert(word.to_string(), c);
        c
    })
}

impl Morphology for Russian {
    fn classify(&self, word: &str) -> WordClass {
        let analyses = self.dict.analyze(word);
        let Some(best) = analyses.first() else {
            return WordClass::Other;
        };
        let Some(tag) = self.dict.ud_tag(best.ud) else {
            return WordClass::Other;
        };
        match tag.pos() {
            "VERB" | "AUX" => {
                let tense = match tag.feat("Tense") {
                    Some("Past") => Some(Tense::Past),
                    Some("Pres") => Some(Tense::Present),
                    Some("Fut") => Some(Tense::Future),
                    _ => None,
                };
                let form = match (tag.feat("VerbForm"), tag.feat("Mood"), tag.feat("Variant")) {
                    (Some("Inf"), _, _) => VerbForm::Infinitive,
                    (Some("Part"), _, Some("Short")) => VerbForm::ShortParticiple,
                    (Some("Part"), _, _) => VerbForm::Participle,
                    (Some("Conv"), _, _) => VerbForm::NonFinite,
                    (_, Some("Imp" | "Cnd"), _) => VerbForm::OtherMood,
                    _ => VerbForm::Finite,
                };
                WordClass::Verb { form, tense }
            }
            pos @ ("NOUN" | "PROPN" | "PRON") => WordClass::Noun {
                nominative: tag.feat("Case") == Some("Nom"),
                pronoun: pos == "PRON",
            },
            "ADJ" | "NUM" | "DET" => WordClass::Modifier,
            _ => WordClass::Other,
        }
    }
}

/// English word classes from the lists in `rules/lang/en/verbs.toml`: English tense needs
/// no dictionary (regular «-ed», listed irregular forms, analytic future).
pub struct English {
    regular_past: String,
    not_past_suffixes: Vec<String>,
    adverb_suffix: String,
    /// Ending of present participles («-ing»).
    pub present_participle_suffix: String,
    past: rustc_hash::FxHashSet<String>,
    participles: rustc_hash::FxHashSet<String>,
    present: rustc_hash::FxHashSet<String>,
    not_past: rustc_hash::FxHashSet<String>,
    closed: rustc_hash::FxHashSet<String>,
    pronouns: rustc_hash::FxHashSet<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EnglishFile {
    language: String,
    regular_past_suffix: String,
    not_past_suffixes: Vec<String>,
    adverb_suffix: String,
    present_participle_suffix: String,
    irregular_past: Vec<String>,
    past_participles: Vec<String>,
    present: Vec<String>,
    not_past: Vec<String>,
    closed_class: Vec<String>,
    pronouns: Vec<String>,
}

impl English {
    /// Reads the word lists.
    pub fn from_toml(name: &str, text: &str) -> Result<English, crate::source_error::SourceError> {
        let f: EnglishFile = toml::from_str(text)
            .map_err(|e| crate::source_error::SourceError::from_toml(name, text, &e))?;
        if f.language != "en" {
            return Err(crate::source_error::SourceError::new(
                name,
                text,
                0..0,
                format!("{name}: expected language `en`"),
                "language",
            ));
        }
        let set = |v: Vec<String>| v.into_iter().map(|w| crate::language::fold(&w)).collect();
        Ok(English {
            regular_past: f.regular_past_suffix,
            not_past_suffixes: f.not_past_suffixes,
            adverb_suffix: f.adverb_suffix,
            present_participle_suffix: f.present_participle_suffix,
            past: set(f.irregular_past),
            participles: set(f.past_participles),
            present: set(f.present),
            not_past: set(f.not_past),
            closed: set(f.closed_class),
            pronouns: set(f.pronouns),
        })
    }
}

impl Morphology for English {
    fn classify(&self, word: &str) -> WordClass {
        let w = crate::language::fold(word);
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if self.pronouns.contains(&w) {
            return WordClass::Noun {
                nominative: true,
                pronoun: true,
            };
        }
        if self.closed.contains(&w) || (w.ends_with(self.adverb_suffix.as_str()) && w.len() > 4) {
            return WordClass::Other;
        }
        if self.past.contains(&w) {
            return WordClass::Verb {
                form: VerbForm::Finite,
                tense: Some(Tense::Past),
            };
        }
        if self.participles.contains(&w) {
            return WordClass::Verb {
                form: VerbForm::ShortParticiple,
                tense: Some(Tense::Past),
            };
        }
        if self.present.contains(&w) {
            return WordClass::Verb {
                form: VerbForm::Finite,
                tense: Some(Tense::Present),
            };
        }
        let regular_past = w.len() > 4
            && w.ends_with(self.regular_past.as_str())
            && !self
                .not_past_suffixes
                .iter()
                .any(|x| w.ends_with(x.as_str()))
            && !self.not_past.contains(&w)
            && !capital;
        if regular_past {
            return WordClass::Verb {
                form: VerbForm::Finite,
                tense: Some(Tense::Past),
            };
        }
        // Anything else may be a noun; treating it as one keeps the adverbial test cautious.
        WordClass::Noun {
            nominative: true,
            pronoun: false,
        }
    }
}

/// Ukrainian verb forms from a table derived from Debian's `hunspell-uk` dictionary (MPL-1.1;
/// see `tools/uk-verbs/`), compiled into an FST at build time, with the two lookup rules the
/// compact table relies on («-сь» as «-ся»; synthetic futures on listed infinitives). A word
/// that is not a verb form counts as a noun unless it is short: without noun data, the
/// adverbial test stays cautious.
pub struct Ukrainian {
    forms: fst::Map<&'static [u8]>,
    not_verbs: rustc_hash::FxHashSet<String>,
    future_endings: Vec<String>,
    reflexive: String,
    short_reflexive: String,
    infinitive: String,
    participle_endings: Vec<String>,
    impersonal_ending: String,
}

/// Bits of the table's codes.
mod uk_code {
    pub const PAST: u64 = 1;
    pub const PRESENT: u64 = 2;
    pub const FUTURE: u64 = 4;
    pub const INFINITIVE: u64 = 8;
    pub const IMPERATIVE: u64 = 16;
    pub const ADVERBIAL: u64 = 32;
    pub const IMPERSONAL: u64 = 64;
}

static UK_FORMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/uk-verb-forms.fst"));

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UkrainianFile {
    language: String,
    not_verbs: Vec<String>,
    synthetic_future_endings: Vec<String>,
    reflexive_suffix: String,
    short_reflexive_suffix: String,
    infinitive_suffix: String,
    #[serde(default)]
    participle_endings: Vec<String>,
    #[serde(default)]
    impersonal_ending: String,
}

impl Ukrainian {
    /// The embedded table and word lists, or `None` when the table is empty (not generated).
    pub fn embedded() -> Option<Ukrainian> {
        let forms = fst::Map::new(UK_FORMS).ok()?;
        if forms.is_empty() {
            return None;
        }
        let f: UkrainianFile = toml::from_str(include_str!("../rules/lang/uk/verbs.toml")).ok()?;
        if f.language != "uk" {
            return None;
        }
        Some(Ukrainian {
            forms,
            not_verbs: f
                .not_verbs
                .iter()
                .map(|w| crate::language::fold(w))
                .collect(),
            future_endings: f.synthetic_future_endings,
            reflexive: f.reflexive_suffix,
            short_reflexive: f.short_reflexive_suffix,
            infinitive: f.infinitive_suffix,
            participle_endings: {
                // Longest first: «-ого» before «-о».
                let mut e = f.participle_endings;
                e.sort_by_key(|x| std::cmp::Reverse(x.chars().count()));
                e
            },
            impersonal_ending: f.impersonal_ending,
        })
    }

    /// A full passive participle («оприлюдненим», «підписаною»): the table lists the verb's
    /// impersonal form («оприлюднено»), whose stem the participle shares.
    fn is_participle(&self, w: &str) -> bool {
        if self.impersonal_ending.is_empty() {
            return false;
        }
        self.participle_endings.iter().any(|ending| {
            w.strip_suffix(ending.as_str())
                .filter(|stem| stem.chars().count() >= 4)
                .and_then(|stem| self.forms.get(format!("{stem}{}", self.impersonal_ending)))
                .is_some_and(|c| c & uk_code::IMPERSONAL != 0)
        })
    }

    /// The codes of a folded word, with the compact table's lookup rules.
    fn codes(&self, w: &str) -> Option<u64> {
        if let Some(c) = self.forms.get(w) {
            return Some(c);
        }
        // «-сь» forms are listed as «-ся».
        if let Some(stem) = w.strip_suffix(self.short_reflexive.as_str()) {
            if let Some(c) = self.forms.get(format!("{stem}{}", self.reflexive)) {
                return Some(c);
            }
        }
        // «робитиму(ся)»: an infinitive with a future ending.
        let (base, reflexive) = match w
            .strip_suffix(self.reflexive.as_str())
            .or_else(|| w.strip_suffix(self.short_reflexive.as_str()))
        {
            Some(b) => (b, self.reflexive.as_str()),
            None => (w, ""),
        };
        for ending in &self.future_endings {
            let infinitive = base
                .strip_suffix(ending.as_str())
                .filter(|i| i.ends_with(self.infinitive.as_str()));
            if let Some(inf) = infinitive {
                if self
                    .forms
                    .get(format!("{inf}{reflexive}"))
                    .is_some_and(|c| c & uk_code::INFINITIVE != 0)
                {
                    return Some(uk_code::FUTURE);
                }
            }
        }
        None
    }
}

impl Morphology for Ukrainian {
    fn classify(&self, word: &str) -> WordClass {
        use uk_code::*;
        let w = crate::language::fold(word);
        if self.not_verbs.contains(&w) {
            return WordClass::Other;
        }
        let Some(bits) = self.codes(&w) else {
            if self.is_participle(&w) {
                return WordClass::Verb {
                    form: VerbForm::Participle,
                    tense: Some(Tense::Past),
                };
            }
            return if w.chars().count() <= 3 {
                WordClass::Other
            } else {
                WordClass::Noun {
                    nominative: false,
                    pronoun: false,
                }
            };
        };
        let verb = |form, tense| WordClass::Verb { form, tense };
        match bits {
            PAST => verb(VerbForm::Finite, Some(Tense::Past)),
            PRESENT => verb(VerbForm::Finite, Some(Tense::Present)),
            FUTURE => verb(VerbForm::Finite, Some(Tense::Future)),
            INFINITIVE => verb(VerbForm::Infinitive, None),
            IMPERSONAL => verb(VerbForm::ShortParticiple, Some(Tense::Past)),
            IMPERATIVE => verb(VerbForm::OtherMood, None),
            ADVERBIAL => verb(VerbForm::NonFinite, None),
            // Homonyms of different forms («FR»): a verb, but no tense is claimed.
            _ => verb(VerbForm::Finite, None),
        }
    }
}

/// The English word lists, loaded once.
pub fn english() -> Option<&'static English> {
    static EN: OnceLock<Option<English>> = OnceLock::new();
    EN.get_or_init(|| {
        English::from_toml(
            "rules/lang/en/verbs.toml",
            include_str!("../rules/lang/en/verbs.toml"),
        )
        .ok()
    })
    .as_ref()
}

/// The analyser for `lang`, loaded once; `None` when there is none (yet) or it failed to
/// load, in which case no tense is claimed and tense rules stay silent.
/// The class of a word as written in a text of `lang` (cached), when the language has an
/// analyser.
pub fn class_of(lang: Lang, word: &str) -> Option<WordClass> {
    for_language(lang).map(|m| classify_cached(lang, m, word))
}

pub fn for_language(lang: Lang) -> Option<&'static dyn Morphology> {
    static RU: OnceLock<Option<Russian>> = OnceLock::new();
    match lang {
        Lang::Ru => RU
            .get_or_init(|| {
                rumorph::Dictionary::bundled()
                    .ok()
                    .map(|dict| Russian { dict })
            })
            .as_ref()
            .map(|r| r as &dyn Morphology),
        Lang::En => english().map(|e| e as &dyn Morphology),
        Lang::Uk => {
            static UK: OnceLock<Option<Ukrainian>> = OnceLock::new();
            UK.get_or_init(Ukrainian::embedded)
                .as_ref()
                .map(|u| u as &dyn Morphology)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_word_lists_load_and_classify() {
        let en =
            English::from_toml("verbs.toml", include_str!("../rules/lang/en/verbs.toml")).unwrap();
        assert!(matches!(
            en.classify("announced"),
            WordClass::Verb {
                tense: Some(Tense::Past),
                ..
            }
        ));
        assert!(matches!(
            en.classify("met"),
            WordClass::Verb {
                tense: Some(Tense::Past),
                ..
            }
        ));
        assert!(matches!(en.classify("need"), WordClass::Noun { .. }));
        assert!(matches!(en.classify("the"), WordClass::Other));
        assert!(matches!(
            en.classify("they"),
            WordClass::Noun { pronoun: true, .. }
        ));
    }

    #[test]
    fn ukrainian_tense_from_the_table() {
        let uk = for_language(Lang::Uk).expect("the Ukrainian table is embedded");
        let tense = |w| match uk.classify(w) {
            WordClass::Verb { tense, .. } => tense,
            other => panic!("{w}: {other:?}"),
        };
        assert_eq!(tense("анонсував"), Some(Tense::Past));
        assert_eq!(tense("проведуть"), Some(Tense::Future));
        assert_eq!(tense("відбудеться"), Some(Tense::Future));
        assert_eq!(tense("відбувається"), Some(Tense::Present));
        assert_eq!(tense("зібралися"), Some(Tense::Past));
        assert_eq!(tense("зібрались"), Some(Tense::Past));
        assert_eq!(tense("працюватимуть"), Some(Tense::Future));
        assert!(matches!(uk.classify("вибори"), WordClass::Other));
    }

    #[test]
    fn russian_tense_and_aspect() {
        let ru = for_language(Lang::Ru).expect("dictionary loads");
        let verb = |w| match ru.classify(w) {
            WordClass::Verb { tense, form } => (form, tense),
            other => panic!("{w}: {other:?}"),
        };
        assert_eq!(verb("анонсировал"), (VerbForm::Finite, Some(Tense::Past)));
        assert_eq!(verb("проведут"), (VerbForm::Finite, Some(Tense::Future)));
        assert_eq!(verb("состоится"), (VerbForm::Finite, Some(Tense::Future)));
        assert_eq!(verb("проводят"), (VerbForm::Finite, Some(Tense::Present)));
        assert_eq!(verb("будет"), (VerbForm::Finite, Some(Tense::Future)));
        assert_eq!(verb("провести").0, VerbForm::Infinitive);
        assert!(matches!(
            ru.classify("Макрон"),
            WordClass::Noun {
                nominative: true,
                ..
            }
        ));
    }
}
