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
    /// A word with an inner hyphen («Нью-Йорк», "two-year").
    pub hyphenated: bool,
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
        // Quotes, dashes, spaces and signs of Latin-1 and General Punctuation, without the
        // Unicode tables (ª, µ and º are letters).
        '\u{80}'..='\u{a9}' | '\u{ab}'..='\u{b4}' | '\u{b6}'..='\u{b9}' | '\u{bb}'..='\u{bf}' => {
            false
        }
        '\u{2000}'..='\u{206f}' => false,
        c => c.is_alphabetic(),
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// What an ASCII byte or a UTF-8 lead byte starts, for the tokenizer's first test.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// ASCII white space.
    Space,
    /// An ASCII digit.
    Digit,
    /// An ASCII letter.
    Letter,
    /// Any other ASCII character: punctuation.
    Punct,
    /// The lead byte of a two-byte Cyrillic letter (U+0400–U+04FF): a word character.
    Cyrillic,
    /// Any other non-ASCII lead byte: decoded and tested in full.
    Other,
}

/// [`ByteClass`] of every byte value (continuation bytes never start a character).
const BYTE_CLASS: [ByteClass; 256] = {
    let mut t = [ByteClass::Other; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            ByteClass::Digit
        } else if c.is_ascii_alphabetic() {
            ByteClass::Letter
        } else if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            // `char::is_whitespace` on ASCII.
            ByteClass::Space
        } else {
            ByteClass::Punct
        };
        b += 1;
    }
    let mut b = 0xD0;
    while b <= 0xD3 {
        t[b] = ByteClass::Cyrillic;
        b += 1;
    }
    t
};

/// Splits the segments of `source` into tokens.
///
/// ASCII and the two-byte Cyrillic block are read byte by byte; only other characters are
/// decoded. `source` is valid UTF-8, so a Cyrillic lead byte is always followed by its
/// continuation byte.
pub fn tokenize(source: &str, segments: &[Segment]) -> Vec<Token> {
    tokenize_marking(source, segments, &mut Vec::new())
}

/// [`tokenize`], also listing in `marks` the tokens where [`sentences`] may cut: segment
/// starts and sentence-final punctuation.
fn tokenize_marking(source: &str, segments: &[Segment], marks: &mut Vec<u32>) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(source.len() / 6);
    for seg in segments {
        let mut segment_start = true;
        let mut space_before = true;
        for piece in seg.pieces() {
            let s = &source[piece.clone()];
            let b = s.as_bytes();
            let base = piece.start;
            let mut i = 0;
            while let Some(&b0) = b.get(i) {
                // The commonest bytes first, then the class table.
                if b0 == b' ' {
                    space_before = true;
                    i += 1;
                    continue;
                }
                let start = i;
                let mut hyphenated = false;
                let class = if b0 & 0xFC == 0xD0 {
                    ByteClass::Cyrillic
                } else {
                    BYTE_CLASS[b0 as usize]
                };
                let kind = match class {
                    ByteClass::Space => {
                        space_before = true;
                        i += 1;
                        continue;
                    }
                    ByteClass::Digit => {
                        let mut value: u64 = (b[i] - b'0') as u64;
                        i += 1;
                        while i < b.len() && b[i].is_ascii_digit() {
                            value = (value * 10 + (b[i] - b'0') as u64).min(u32::MAX as u64);
                            i += 1;
                        }
                        TokenKind::Number {
                            value: value as u32,
                            digits: (i - start).min(u8::MAX as usize) as u8,
                        }
                    }
                    ByteClass::Letter => {
                        (i, hyphenated) = word_end(s, i + 1);
                        TokenKind::Word
                    }
                    ByteClass::Cyrillic => {
                        (i, hyphenated) = word_end(s, i + 2);
                        TokenKind::Word
                    }
                    ByteClass::Punct => {
                        i += 1;
                        TokenKind::Punct(b[start] as char)
                    }
                    ByteClass::Other => {
                        let (c, len) = char_at(s, i);
                        i += len;
                        if c.is_whitespace() || c == '\u{feff}' || c == '\u{ad}' {
                            space_before = true;
                            continue;
                        }
                        if is_word_char(c) {
                            (i, hyphenated) = word_end(s, i);
                            TokenKind::Word
                        } else {
                            TokenKind::Punct(c)
                        }
                    }
                };
                if segment_start || is_sentence_stop(kind) {
                    marks.push(tokens.len() as u32);
                }
                tokens.push(Token {
                    start: base + start,
                    end: base + i,
                    kind,
                    space_before,
                    segment_start,
                    hyphenated,
                });
                segment_start = false;
                // A single space after a token, the commonest case, is taken here.
                space_before = b.get(i) == Some(&b' ');
                i += usize::from(space_before);
            }
            space_before = true;
        }
    }
    tokens
}

/// The end of the word whose letters continue at byte `i` of `s`: letters, and a hyphen or
/// apostrophe that joins two runs of letters; and whether a hyphen joined any. Inlined
/// always: it runs once per word.
#[inline(always)]
fn word_end(s: &str, mut i: usize) -> (usize, bool) {
    let b = s.as_bytes();
    let mut hyphen = false;
    // Four Cyrillic letters at a time: `i` is at a character boundary, so when bytes 0, 2,
    // 4 and 6 are two-byte Cyrillic lead bytes, bytes 1, 3, 5 and 7 are their continuation
    // bytes (valid UTF-8). A chunk that is not all Cyrillic still gives its leading letters:
    // the 16-bit lanes before the first one whose even byte is no Cyrillic lead byte.
    // One bound test per chunk: a chunk starting at `last` or before lies inside (a text of
    // fewer than eight bytes has none).
    let last = b.len().saturating_sub(8);
    while i <= last && b.len() >= 8 {
        let x = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
        let other = (x & 0x00FC_00FC_00FC_00FC) ^ 0x00D0_00D0_00D0_00D0;
        if other != 0 {
            i += (other.trailing_zeros() / 16) as usize * 2;
            break;
        }
        i += 8;
    }
    while let Some(&b0) = b.get(i) {
        // Tests in order of frequency, not a jump table: the next byte is hard to predict.
        if b0 & 0xFC == 0xD0 {
            i += 2;
            continue;
        }
        if b0.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        // Any other ASCII character but a hyphen or apostrophe ends the word.
        if b0 < 0x80 && b0 != b'-' && b0 != b'\'' {
            break;
        }
        let (d, dl) = char_at(s, i);
        let joins = (d == '-' || is_apostrophe(d))
            && i + dl < b.len()
            && is_word_char(char_at(s, i + dl).0);
        if !(is_word_char(d) || joins) {
            break;
        }
        hyphen |= d == '-';
        i += dl;
    }
    (i, hyphen)
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
    is_uppercase(c)
        || c.is_ascii_digit()
        || matches!(c, '«' | '"' | '“' | '„' | '—' | '–' | '-' | '(' | '[')
}

/// `char::is_uppercase`, answered without the Unicode tables for ASCII and basic Cyrillic.
#[inline]
fn is_uppercase(c: char) -> bool {
    match c {
        'A'..='Z' | 'А'..='Я' | 'Ѐ'..='Џ' => true,
        'a'..='z' | 'а'..='я' | 'ѐ'..='џ' => false,
        c => c.is_uppercase(),
    }
}

/// Sentence-final punctuation.
#[inline]
fn is_sentence_stop(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Punct('.' | '!' | '?' | '…'))
}

/// Splits tokens into sentences.
pub fn sentences(source: &str, tokens: &[Token], lang: &LanguagePack) -> Vec<Range<usize>> {
    split_sentences(source, tokens, 0..tokens.len(), lang)
}

/// [`sentences`], looking only at the tokens of `marks` (in order): every segment start and
/// sentence-final punctuation must be among them, the others change nothing.
fn split_sentences(
    source: &str,
    tokens: &[Token],
    marks: impl Iterator<Item = usize>,
    lang: &LanguagePack,
) -> Vec<Range<usize>> {
    // Most marks cut one sentence: sized once, not grown.
    let mut out = Vec::with_capacity(marks.size_hint().0 + 1);
    let mut start = 0;
    let mut folded = String::new();
    for i in marks {
        if i > start && tokens[i].segment_start {
            out.push(start..i);
            start = i;
        }
        if !is_sentence_stop(tokens[i].kind) {
            continue;
        }
        let Some(p) = tokens[i].punct() else { continue };
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
                    chars.next().is_some_and(is_uppercase) && chars.next().is_none();
                if single_capital
                    || lang.may_be_abbreviation(w) && {
                        crate::language::fold_into(&mut folded, w);
                        lang.is_abbreviation(&folded)
                    }
                {
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
        // Sized once: a sentence-final mark every sixteen bytes is more than prose has.
        let mut marks = Vec::with_capacity(source.len() / 16);
        let tokens = tokenize_marking(source, segments, &mut marks);
        let sentences = split_sentences(source, &tokens, marks.iter().map(|&m| m as usize), lang);
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
        // Only a word a hyphen joins is marked hyphenated.
        let hyphenated: Vec<_> = toks
            .iter()
            .filter(|k| k.hyphenated)
            .map(|k| k.text(t))
            .collect();
        assert_eq!(hyphenated, ["Нью-Йорк"]);
        let t = "a two-year term, rock'n'roll";
        let toks = tokenize(t, &seg(t));
        let hyphenated: Vec<_> = toks
            .iter()
            .filter(|k| k.hyphenated)
            .map(|k| k.text(t))
            .collect();
        assert_eq!(hyphenated, ["two-year"]);
    }

    /// The tokenizer's rules read one character at a time, with no fast paths.
    fn reference_tokens(s: &str) -> Vec<(usize, usize, TokenKind, bool)> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let offset = |k: usize| chars.get(k).map_or(s.len(), |&(o, _)| o);
        let mut out = Vec::new();
        let (mut k, mut space) = (0, true);
        while let Some(c) = at(k) {
            if c.is_whitespace() || c == '\u{feff}' || c == '\u{ad}' {
                space = true;
                k += 1;
                continue;
            }
            let start = k;
            k += 1;
            let kind = if c.is_ascii_digit() {
                while at(k).is_some_and(|d| d.is_ascii_digit()) {
                    k += 1;
                }
                let digits = &s[offset(start)..offset(k)];
                TokenKind::Number {
                    value: digits.bytes().fold(0u64, |v, d| {
                        (v * 10 + u64::from(d - b'0')).min(u64::from(u32::MAX))
                    }) as u32,
                    digits: (k - start).min(255) as u8,
                }
            } else if is_word_char(c) {
                while let Some(d) = at(k) {
                    let joins =
                        (d == '-' || is_apostrophe(d)) && at(k + 1).is_some_and(is_word_char);
                    if !(is_word_char(d) || joins) {
                        break;
                    }
                    k += 1;
                }
                TokenKind::Word
            } else {
                TokenKind::Punct(c)
            };
            out.push((offset(start), offset(k), kind, space));
            space = false;
        }
        out
    }

    fn fast_tokens(s: &str) -> Vec<(usize, usize, TokenKind, bool)> {
        tokenize(s, &seg(s))
            .iter()
            .map(|t| (t.start, t.end, t.kind, t.space_before))
            .collect()
    }

    #[test]
    fn fast_paths_agree_with_the_character_rules() {
        let cases = [
            "Привет, мир! Нью-Йорк п'ятниця п’ятниця пʼятниця Ґанок «ЁЛКА» ёлка",
            "абвгдежзийклмнопрстуфхцчшщъыьэюя АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
            "Ѣѣ ѲѳӀӁ ӿ Ѐ Џ ǅ Straße Ελλάδα 東京 مرحبا",
            "слово\u{301}с ударением\u{ad}мягкий перенос\u{a0}nbsp\u{feff}bom\u{2009}thin",
            "a-b a- -b a'b a' 'b 12-м 2025-го 06.01.2026 99999999999 007",
            "x\u{b}y\u{c}z\u{85}w\u{2028}v\u{3000}u — – ‒ … № $ € 30% 1,5",
            "абвгдеёж",
            "абвгдежз",
            "абвгдежзи",
            "абвdежзийк",
            "абвгдеж-зийкл",
        ];
        for c in cases {
            assert_eq!(fast_tokens(c), reference_tokens(c), "{c}");
        }
        // Every cut of a mixed string: the eight-byte steps meet every ending.
        let mixed = "ПРИВЕТмирHELLOпр’ивет-Ёлка́ ґанок,слово.";
        for (a, _) in mixed.char_indices() {
            for b in (a..=mixed.len()).filter(|&b| mixed.is_char_boundary(b)) {
                let t = &mixed[a..b];
                assert_eq!(fast_tokens(t), reference_tokens(t), "{t}");
            }
        }
    }

    #[test]
    fn word_char_fast_paths_agree_with_unicode() {
        for c in (0x80u32..0x3000).filter_map(char::from_u32) {
            let rule = matches!(c, 'Ѐ'..='ӿ' | '\u{301}') || c.is_alphabetic();
            assert_eq!(is_word_char(c), rule, "{c:?}");
        }
    }

    #[test]
    fn uppercase_fast_path_agrees_with_unicode() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_on_random_text(
            v in proptest::collection::vec(proptest::sample::select(vec![
                'а', 'Я', 'ё', 'Ё', 'ї', 'Ґ', 'ӿ', 'Ѣ', 'a', 'Z', '0', '7', ' ', '\n', '-', '\'',
                '’', 'ʼ', '.', ',', '«', '—', '\u{301}', '\u{ad}', '\u{a0}', 'ß', 'λ', '東',
            ]), 0..48)
        ) {
            let t: String = v.into_iter().collect();
            proptest::prop_assert_eq!(fast_tokens(&t), reference_tokens(&t));
        }
    }

    /// The sentences cut at the tokenizer's marks are those cut looking at every token.
    #[test]
    fn marked_sentences_are_the_sentences() {
        let ru = embedded::pack(Lang::Ru).unwrap();
        let t = "В 2026 г. в Москве В. Путин выступил. Потом 5 января! Все… «Да». Нет?\n\nНовый \
                 абзац. И ещё т. д. Конец";
        let mid = t.find("Новый").unwrap();
        let segments = [
            Segment {
                range: 0..mid,
                holes: vec![3..5, 6..8],
            },
            Segment {
                range: mid..t.len(),
                holes: vec![],
            },
        ];
        let text = Text::new(t, &segments, ru);
        assert_eq!(text.sentences, sentences(t, &text.tokens, ru));
        assert!(text.sentences.len() > 4);
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
