//! The text stage: prose segments → tokens and sentences, in one linear pass.
//!
//! Tokens carry byte offsets into the file; nothing is copied. Words are folded for
//! lookup on demand with [`crate::language::fold`].

use std::ops::Range;

use crate::document::Segment;
use crate::language::LanguagePack;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner hyphens and apostrophes («Нью-Йорк», «п'ятниця»).
    Word,
    /// ASCII digits; `value` saturates at `u32::MAX`.
    Number {
        /// The value.
        value: u32,
        /// How many digits were written («06» has 2).
        digits: u8,
    },
    /// Any other non-space character.
    Punct(char),
}

/// One token of prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Kind.
    pub kind: TokenKind,
    /// White space (or a skipped hole) stands before it.
    pub space_before: bool,
    /// The token starts a new segment (paragraph, heading, …).
    pub segment_start: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    /// The punctuation character, if it is one.
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokenKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Number value and digit count, if it is a number.
    pub fn number(&self) -> Option<(u32, u8)> {
        match self.kind {
            TokenKind::Number { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    /// Whether it is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// The tokens and sentences of a document.
#[derive(Debug, Default)]
pub struct Text {
    /// All tokens in file order.
    pub tokens: Vec<Token>,
    /// Sentences as token index ranges, in order, covering every token.
    pub sentences: Vec<Range<usize>>,
}

fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | 'Ѐ'..='ӿ' => true,
        c if c.is_ascii() => false,
        // Combining acute: stress marks inside words.
        '\u{301}' => true,
        c => c.is_alphabetic(),
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Splits the segments of `source` into tokens.
pub fn tokenize(source: &str, segments: &[Segment]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(source.len() / 6);
    for seg in segments {
        let mut segment_start = true;
        let mut space_before = true;
        for piece in seg.pieces() {
            let s = &source[piece.clone()];
            let b = s.as_bytes();
            let base = piece.start;
            let mut i = 0;
            while i < b.len() {
                // Fast path: ASCII spaces and line ends.
                if matches!(b[i], b' ' | b'\n' | b'\r' | b'\t') {
                    space_before = true;
                    i += 1;
                    continue;
                }
                let (c, len) = char_at(s, i);
                if c.is_whitespace() || c == '\u{feff}' || c == '\u{ad}' {
                    space_before = true;
                    i += len;
                    continue;
                }
                let start = i;
                let kind;
                i += len;
                if c.is_ascii_digit() {
                    let mut value: u64 = (b[start] - b'0') as u64;
                    while i < b.len() && b[i].is_ascii_digit() {
                        value = (value * 10 + (b[i] - b'0') as u64).min(u32::MAX as u64);
                        i += 1;
                    }
                    kind = TokenKind::Number {
                        value: value as u32,
                        digits: (i - start).min(u8::MAX as usize) as u8,
                    };
                } else if is_word_char(c) {
                    // Letters; a hyphen or apostrophe inside joins two runs of letters.
                    while i < b.len() {
                        // Fast path: ASCII letters and the two-byte Cyrillic block
                        // (U+0400–U+04FF, lead bytes D0–D3) are word characters.
                        let b0 = b[i];
                        if b0.is_ascii_alphabetic() {
                            i += 1;
                            continue;
                        }
                        if (0xD0..=0xD3).contains(&b0)
                            && b.get(i + 1).is_some_and(|&b1| b1 & 0xC0 == 0x80)
                        {
                            i += 2;
                            continue;
                        }
                        let (d, dl) = char_at(s, i);
                        let joins = (d == '-' || is_apostrophe(d))
                            && i + dl < b.len()
                            && is_word_char(char_at(s, i + dl).0);
                        if !(is_word_char(d) || joins) {
                            break;
                        }
                        i += dl;
                    }
                    kind = TokenKind::Word;
                } else {
                    kind = TokenKind::Punct(c);
                }
                tokens.push(Token {
                    start: base + start,
                    end: base + i,
                    kind,
                    space_before,
                    segment_start,
                });
                space_before = false;
                segment_start = false;
            }
            space_before = true;
        }
    }
    tokens
}

/// The character at byte `i` of `s` and its length, with fast paths for ASCII and the
/// two-byte Cyrillic block.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes();
    let c0 = b[i];
    if c0 < 0x80 {
        return (c0 as char, 1);
    }
    if (0xC0..0xE0).contains(&c0) && i + 1 < b.len() {
        let c = ((c0 as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
        if let Some(ch) = char::from_u32(c) {
            return (ch, 2);
        }
    }
    let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
    (ch, ch.len_utf8())
}

/// Characters that may open a sentence after a full stop besides capitals and digits.
fn opens_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '«' | '"' | '“' | '„' | '—' | '–' | '-' | '(' | '[')
}

/// Splits tokens into sentences.
pub fn sentences(source: &str, tokens: &[Token], lang: &LanguagePack) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut folded = String::new();
    for i in 0..tokens.len() {
        if i > start && tokens[i].segment_start {
            out.push(start..i);
            start = i;
        }
        let Some(p) = tokens[i].punct() else { continue };
        if !matches!(p, '.' | '!' | '?' | '…') {
            continue;
        }
        let Some(next) = tokens.get(i + 1) else {
            continue;
        };
        if next.segment_start {
            continue; // the segment boundary ends the sentence
        }
        if !next.space_before {
            continue;
        }
        // Closing punctuation right after the stop stays in this sentence: «…». Next
        let first = next.text(source).chars().next().unwrap_or(' ');
        if !opens_sentence(first) {
            continue;
        }
        if p == '.' && i > 0 {
            let prev = &tokens[i - 1];
            if prev.is_word() && prev.end == tokens[i].start {
                let w = prev.text(source);
                let mut chars = w.chars();
                let single_capital =
                    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
                folded.clear();
                folded.push_str(&crate::language::fold(w));
                if single_capital || lang.is_abbreviation(&folded) {
                    continue;
                }
            }
        }
        out.push(start..i + 1);
        start = i + 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

impl Text {
    /// Tokenises the segments and splits sentences.
    pub fn new(source: &str, segments: &[Segment], lang: &LanguagePack) -> Text {
        let tokens = tokenize(source, segments);
        let sentences = sentences(source, &tokens, lang);
        Text { tokens, sentences }
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::{embedded, Lang};

    fn seg(t: &str) -> Vec<Segment> {
        vec![Segment {
            range: 0..t.len(),
            holes: vec![],
        }]
    }

    #[test]
    fn tokens_keep_offsets_and_join_hyphenated_words() {
        let t = "В 2025-м году Нью-Йорк, 06.01.2026";
        let toks = tokenize(t, &seg(t));
        let texts: Vec<_> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            texts,
            [
                "В",
                "2025",
                "-",
                "м",
                "году",
                "Нью-Йорк",
                ",",
                "06",
                ".",
                "01",
                ".",
                "2026"
            ]
        );
        assert_eq!(toks[1].number(), Some((2025, 4)));
        assert!(!toks[2].space_before);
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        let t = "В 2026 г. в Москве В. Путин выступил. Потом 5 января! Все.";
        let ru = embedded::pack(Lang::Ru).unwrap();
        let toks = tokenize(t, &seg(t));
        let s = sentences(t, &toks, ru);
        let texts: Vec<_> = s
            .iter()
            .map(|r| &t[toks[r.start].start..toks[r.end - 1].end])
            .collect();
        assert_eq!(
            texts,
            [
                "В 2026 г. в Москве В. Путин выступил.",
                "Потом 5 января!",
                "Все."
            ]
        );
    }
}
