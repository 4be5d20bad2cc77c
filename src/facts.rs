//! The facts file: what a newsroom knows — people and events with their names in each
//! language, roles held over date intervals, birth and start dates — read from TOML
//! (`--facts PATH`, or `facts = [...]` in factlint.toml).
//!
//! ```toml
//! [[entity]]
//! id = "rutte"
//! kind = "person"
//! names = { ru = ["Марк Рютте", "Рютте"], en = ["Mark Rutte", "Rutte"] }
//! born = "1967-02-14"
//!
//! [[entity]]
//! id = "invasion"
//! kind = "event"
//! names = { ru = ["полномасштабное вторжение", "война"] }
//! start = "2022-02-24"
//!
//! [[role]]
//! id = "nato-secretary-general"
//! titles = { ru = ["генеральный секретарь НАТО", "генсек НАТО"], en = ["NATO Secretary General"] }
//! holders = [
//!   { person = "stoltenberg", from = "2014-10-01", to = "2024-10-01" },
//!   { person = "rutte", from = "2024-10-01" },
//! ]
//! ```
//!
//! Names match in any inflected form: each word of a name matches a word of the text that
//! shares all but its last few letters (`Рютте`, `Столтенберга`, `генерального секретаря`).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::source_error::SourceError;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person (may hold roles, has a birth date).
    Person,
    /// An event (has a start date).
    Event,
    /// An organisation.
    Organization,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    #[serde(default)]
    entity: Vec<toml::Spanned<RawEntity>>,
    #[serde(default)]
    role: Vec<toml::Spanned<RawRole>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: String,
    kind: Kind,
    names: BTreeMap<String, Vec<String>>,
    born: Option<toml::Spanned<String>>,
    start: Option<toml::Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    id: String,
    titles: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    holders: Vec<toml::Spanned<RawHolder>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHolder {
    person: String,
    from: String,
    to: Option<String>,
}

/// A known entity.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Stable id used by roles.
    pub id: String,
    /// Person, event or organisation.
    pub kind: Kind,
    /// Names by language code, each a list of words.
    pub names: BTreeMap<String, Vec<Vec<String>>>,
    /// Birth date (people).
    pub born: Option<NaiveDate>,
    /// Start date (events).
    pub start: Option<NaiveDate>,
}

/// One tenure of a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenure {
    /// The person's entity id.
    pub person: String,
    /// First day.
    pub from: NaiveDate,
    /// Day it ended (exclusive), if it did.
    pub to: Option<NaiveDate>,
}

impl Tenure {
    /// Whether the role was held on `day`.
    pub fn holds_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|t| day < t)
    }
}

/// A role and who held it when.
#[derive(Debug, Clone)]
pub struct Role {
    /// Stable id.
    pub id: String,
    /// Titles by language code, each a list of words.
    pub titles: BTreeMap<String, Vec<Vec<String>>>,
    /// Tenures in time order.
    pub holders: Vec<Tenure>,
}

impl Role {
    /// Who held the role on `day`.
    pub fn holder_on(&self, day: NaiveDate) -> Option<&Tenure> {
        self.holders.iter().find(|t| t.holds_on(day))
    }
}

/// Everything the newsroom knows.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// People, events, organisations.
    pub entities: Vec<Entity>,
    /// Roles.
    pub roles: Vec<Role>,
}

fn words(name: &str) -> Vec<String> {
    name.split_whitespace().map(crate::language::fold).collect()
}

fn names(map: BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<Vec<String>>> {
    map.into_iter()
        .map(|(lang, list)| {
            (
                lang,
                list.iter()
                    .map(|n| words(n))
                    .filter(|w| !w.is_empty())
                    .collect(),
            )
        })
        .collect()
}

impl Facts {
    /// No facts at all.
    pub fn none() -> &'static Facts {
        static NONE: Facts = Facts {
            entities: Vec::new(),
            roles: Vec::new(),
        };
        &NONE
    }

    /// Whether there is nothing to check against.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.roles.is_empty()
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// Reads and merges facts files.
    pub fn load(paths: &[impl AsRef<Path>]) -> Result<Facts, FactsError> {
        let mut all = Facts::default();
        for p in paths {
            let p = p.as_ref();
            let text = std::fs::read_to_string(p)
                .map_err(|e| FactsError::Io(format!("{}: {e}", p.display())))?;
            let f = Facts::parse(&p.display().to_string(), &text)
                .map_err(|e| FactsError::Source(Box::new(e)))?;
            all.entities.extend(f.entities);
            all.roles.extend(f.roles);
        }
        Ok(all)
    }

    /// Parses one facts file, checking dates, references and overlapping tenures.
    pub fn parse(name: &str, text: &str) -> Result<Facts, SourceError> {
        let raw: RawFacts =
            toml::from_str(text).map_err(|e| SourceError::from_toml(name, text, &e))?;
        let date = |s: &toml::Spanned<String>| {
            NaiveDate::parse_from_str(s.get_ref(), "%Y-%m-%d").map_err(|_| {
                SourceError::new(
                    name,
                    text,
                    s.span(),
                    format!("{name}: `{}` is not a date", s.get_ref()),
                    "expected YYYY-MM-DD",
                )
            })
        };
        let mut entities = Vec::new();
        for e in raw.entity {
            let span = e.span();
            let e = e.into_inner();
            if entities.iter().any(|x: &Entity| x.id == e.id) {
                return Err(SourceError::new(
                    name,
                    text,
                    span,
                    format!("{name}: entity id `{}` is defined twice", e.id),
                    "duplicate",
                ));
            }
            entities.push(Entity {
                born: e.born.as_ref().map(date).transpose()?,
                start: e.start.as_ref().map(date).transpose()?,
                id: e.id,
                kind: e.kind,
                names: names(e.names),
            });
        }
        let mut roles = Vec::new();
        for r in raw.role {
            let r = r.into_inner();
            let mut holders: Vec<(Tenure, std::ops::Range<usize>)> = Vec::new();
            for h in r.holders {
                let span = h.span();
                let h = h.into_inner();
                let parse = |s: &str| {
                    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
                        SourceError::new(
                            name,
                            text,
                            span.clone(),
                            format!("{name}: `{s}` is not a date"),
                            "expected YYYY-MM-DD",
                        )
                    })
                };
                let t = Tenure {
                    from: parse(&h.from)?,
                    to: h.to.as_deref().map(parse).transpose()?,
                    person: h.person,
                };
                if !entities
                    .iter()
                    .any(|e| e.id == t.person && e.kind == Kind::Person)
                {
                    return Err(SourceError::new(
                        name,
                        text,
                        span,
                        format!(
                            "{name}: `{}` is not a person defined in this file",
                            t.person
                        ),
                        "unknown person",
                    ));
                }
                if t.to.is_some_and(|to| to <= t.from) {
                    return Err(SourceError::new(
                        name,
                        text,
                        span,
                        format!("{name}: the tenure of `{}` ends before it starts", t.person),
                        "reversed dates",
                    ));
                }
                if let Some((other, _)) = holders.iter().find(|(o, _)| {
                    o.from < t.to.unwrap_or(NaiveDate::MAX)
                        && t.from < o.to.unwrap_or(NaiveDate::MAX)
                }) {
                    return Err(SourceError::new(name, text, span, format!("{name}: role `{}`: the tenures of `{}` and `{}` overlap", r.id, other.person, t.person), "overlaps another tenure")
                        .with_help("a role has one holder at a time; end the earlier tenure (`to`) on or before the later one's `from`"));
                }
                holders.push((t, span));
            }
            let mut holders: Vec<Tenure> = holders.into_iter().map(|(t, _)| t).collect();
            holders.sort_by_key(|t| t.from);
            roles.push(Role {
                id: r.id,
                titles: names(r.titles),
                holders,
            });
        }
        Ok(Facts { entities, roles })
    }
}

/// Why facts could not be loaded.
#[derive(Debug)]
pub enum FactsError {
    /// A file could not be read.
    Io(String),
    /// A file is malformed.
    Source(Box<SourceError>),
}

/// Whether a word of the text is an inflected form of a word of a name: same word, or one
/// that keeps all but the last letters of the name's word (at least four) and adds at most
/// three (`Столтенберг` → `Столтенберга`, `секретарь` → `секретаря`).
pub fn word_matches(name_word: &str, text_word: &str) -> bool {
    if name_word == text_word {
        return true;
    }
    let n: Vec<char> = name_word.chars().collect();
    let t: Vec<char> = text_word.chars().collect();
    if n.len() < 4 || t.len() < 4 {
        return false;
    }
    let common = n.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let stem = (n.len() - if n.len() <= 5 { 1 } else { 2 }).max(4);
    common >= stem && t.len() - common <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../facts/example.toml");

    #[test]
    fn the_example_loads_and_answers() {
        let f = Facts::parse("example.toml", EXAMPLE).unwrap();
        let sg = f
            .roles
            .iter()
            .find(|r| r.id == "nato-secretary-general")
            .unwrap();
        assert_eq!(
            sg.holder_on(NaiveDate::from_ymd_opt(2026, 1, 6).unwrap())
                .unwrap()
                .person,
            "rutte"
        );
        assert_eq!(
            sg.holder_on(NaiveDate::from_ymd_opt(2020, 1, 6).unwrap())
                .unwrap()
                .person,
            "stoltenberg"
        );
        assert!(f.entity("invasion").unwrap().start.is_some());
    }

    #[test]
    fn mistakes_point_into_the_file() {
        let overlap = EXAMPLE.replace("to = \"2024-10-01\"", "to = \"2025-03-01\"");
        let e = Facts::parse("f.toml", &overlap).unwrap_err();
        assert!(e.message.contains("overlap"), "{}", e.message);
        assert!(e.span.offset() > 0);
        let e = Facts::parse(
            "f.toml",
            &EXAMPLE.replace("born = \"1967-02-14\"", "born = \"1967-02-30\""),
        )
        .unwrap_err();
        assert!(e.message.contains("not a date"), "{}", e.message);
        let e = Facts::parse("f.toml", "[[entity]]\nid = 1\n").unwrap_err();
        assert!(e.message.contains("invalid type"), "{}", e.message);
    }

    #[test]
    fn inflected_names_match() {
        assert!(word_matches("столтенберг", "столтенберга"));
        assert!(word_matches("секретарь", "секретаря"));
        assert!(word_matches("генеральный", "генерального"));
        assert!(word_matches("рютте", "рютте"));
        assert!(word_matches("марк", "марка"));
        assert!(!word_matches("нато", "натовский"));
        assert!(!word_matches("генсек", "генсекретариат"));
        assert!(!word_matches("война", "воинский"));
    }
}
