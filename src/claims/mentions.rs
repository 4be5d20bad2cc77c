//! Mentions of what the facts file knows: people, events and role titles, matched in any
//! inflected form (see [`crate::facts::word_matches`]).

use std::ops::Range;

use crate::facts::{word_matches, Facts};
use crate::language::fold;
use crate::text::Text;

/// What a mention names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// An entity of the facts file, by id.
    Entity(String),
    /// A role of the facts file, by id.
    Role(String),
}

/// One mention in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// Token index range.
    pub tokens: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// What it names.
    pub named: Named,
}

/// Finds every mention of the facts' names and titles in `lang`, longest first where they
/// overlap, in text order.
pub fn find(source: &str, text: &Text, facts: &Facts, lang: &str) -> Vec<Mention> {
    let mut patterns: Vec<(&[String], Named)> = Vec::new();
    for e in &facts.entities {
        for n in e.names.get(lang).into_iter().flatten() {
            patterns.push((n, Named::Entity(e.id.clone())));
        }
    }
    for r in &facts.roles {
        for t in r.titles.get(lang).into_iter().flatten() {
            patterns.push((t, Named::Role(r.id.clone())));
        }
    }
    if patterns.is_empty() {
        return Vec::new();
    }
    patterns.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    let words: Vec<Option<String>> = text
        .tokens
        .iter()
        .map(|t| t.is_word().then(|| fold(t.text(source))))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = patterns.iter().find(|(pat, _)| {
            pat.iter().enumerate().all(|(k, w)| {
                words
                    .get(i + k)
                    .and_then(|x| x.as_deref())
                    .is_some_and(|x| word_matches(w, x))
                    && (k == 0 || !text.tokens[i + k].segment_start)
            })
        });
        match hit {
            Some((pat, named)) => {
                let end = i + pat.len();
                out.push(Mention {
                    span: text.tokens[i].start..text.tokens[end - 1].end,
                    tokens: i..end,
                    sentence: text.sentence_of(i),
                    named: named.clone(),
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}
