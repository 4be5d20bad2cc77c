//! The document stage: bytes of a file → text, publication date, language and the prose
//! segments the later stages read. Every offset is a byte offset into the file as read.

mod front_matter;
mod input;
mod segments;

use std::ops::Range;

use chrono::NaiveDate;

pub use input::{decode, InputError, MAX_FILE_SIZE};
pub use segments::Segment;

use crate::language::Lang;
use crate::source_error::SourceError;

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// YAML or TOML front matter.
    FrontMatter,
    /// The first-line header ` date YYYY-MM-DD …`.
    Header,
    /// `--published` on the command line.
    Flag,
    /// The configuration file.
    Config,
}

impl DateSource {
    /// The name used in the JSON report (`published_source`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::FrontMatter => "front-matter",
            DateSource::Header => "header",
            DateSource::Flag => "flag",
            DateSource::Config => "config",
        }
    }
}

/// The publication date of an article and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicationDate {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: DateSource,
    /// Where it stands in the file, when it was read from the file.
    pub span: Option<Range<usize>>,
}

/// How the text is structured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CommonMark; code, HTML and link targets are not prose.
    Markdown,
    /// Plain text; paragraphs are separated by blank lines.
    Plain,
}

/// What the caller knows about a document before reading it.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Publication date given on the command line (wins over the file).
    pub published: Option<NaiveDate>,
    /// Language given on the command line (wins over the file).
    pub lang: Option<String>,
    /// Markdown or plain; `None` decides by the name's extension and content.
    pub format: Option<Format>,
    /// Front-matter keys of the date and language.
    pub keys: crate::config::FrontMatterKeys,
    /// Publication date from the configuration (used when the file has none).
    pub config_published: Option<NaiveDate>,
    /// Language from the configuration (used when the file has none).
    pub config_lang: Option<String>,
}

/// One article, ready for claim extraction.
#[derive(Debug)]
pub struct Document {
    /// The path as given, or `-`.
    pub name: String,
    /// The file as read (valid UTF-8, BOM and line ends kept).
    pub text: String,
    /// Publication date, if any source gave one.
    pub published: Option<PublicationDate>,
    /// Language code as given or detected (`ru`, `uk`, `en`, or any other code given).
    pub lang_code: String,
    /// The language, when the code names one the checker knows.
    pub lang: Option<Lang>,
    /// Where the language came from: `front-matter`, `flag`, `config`, `detected`.
    pub lang_source: &'static str,
    /// Byte offset where the prose body starts (after BOM, front matter, header).
    pub body_start: usize,
    /// Prose to read, in order.
    pub segments: Vec<Segment>,
    /// Rules turned off for the whole file by the front-matter key `factlint-disable`
    /// (empty list: all rules), with the key's span.
    pub disabled: Option<(Vec<String>, Range<usize>)>,
}

impl Document {
    /// Reads a document from raw bytes.
    pub fn from_bytes(
        name: &str,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> Result<Document, DocumentError> {
        let text = decode(bytes).map_err(DocumentError::Input)?;
        Document::from_text(name, text, opts)
    }

    /// Reads a document from text already decoded.
    pub fn from_text(
        name: &str,
        text: String,
        opts: &ReadOptions,
    ) -> Result<Document, DocumentError> {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        if text[bom..].trim().is_empty() {
            return Err(DocumentError::Input(InputError::Empty));
        }
        let head =
            front_matter::read(name, &text, bom, &opts.keys).map_err(DocumentError::Source)?;
        let format = opts.format.unwrap_or_else(|| {
            let lower = name.to_ascii_lowercase();
            if lower.ends_with(".txt") || (head.kind == front_matter::Kind::Header) {
                Format::Plain
            } else if lower.ends_with(".md")
                || lower.ends_with(".markdown")
                || head.kind != front_matter::Kind::None
            {
                Format::Markdown
            } else {
                Format::Plain
            }
        });
        let body_start = head.body_start;
        let segments = match format {
            Format::Markdown => segments::markdown(&text, body_start),
            Format::Plain => segments::plain(&text, body_start),
        };
        let published = match opts.published {
            Some(date) => Some(PublicationDate {
                date,
                source: DateSource::Flag,
                span: None,
            }),
            None => head.published.or_else(|| {
                opts.config_published.map(|date| PublicationDate {
                    date,
                    source: DateSource::Config,
                    span: None,
                })
            }),
        };
        let (lang_code, lang_source) = match (&opts.lang, &head.lang) {
            (Some(flag), _) => (flag.trim().to_ascii_lowercase(), "flag"),
            (None, Some(fm)) => (fm.trim().to_ascii_lowercase(), "front-matter"),
            (None, None) => match &opts.config_lang {
                Some(c) => (c.trim().to_ascii_lowercase(), "config"),
                None => (
                    detect_in_segments(&text, &segments).code().to_string(),
                    "detected",
                ),
            },
        };
        Ok(Document {
            name: name.to_string(),
            lang: Lang::parse(&lang_code),
            lang_code,
            lang_source,
            published,
            body_start,
            segments,
            disabled: head.disabled,
            text,
        })
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }
}

/// 1-based line and column (in Unicode scalar values, BOM not counted) of a byte offset.
/// A line ends at `\n`, `\r\n` or a lone `\r`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in before.iter().enumerate() {
        let newline = b == b'\n' || (b == b'\r' && before.get(i + 1) != Some(&b'\n'));
        if newline {
            line += 1;
            line_start = i + 1;
        }
    }
    if line == 1 && text.starts_with('\u{feff}') {
        line_start = line_start.max(3).min(offset);
    }
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

/// Guesses the language from the prose segments only (not markup, code or comments).
fn detect_in_segments(text: &str, segments: &[Segment]) -> Lang {
    let mut sample = String::new();
    for seg in segments {
        for p in seg.pieces() {
            sample.push_str(&text[p]);
            sample.push(' ');
        }
        if sample.len() > 200_000 {
            break;
        }
    }
    detect_language(&sample)
}

/// Guesses ru / uk / en from the letters of the text.
pub fn detect_language(text: &str) -> Lang {
    let (mut cyr, mut lat, mut uk, mut ru) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(200_000) {
        match c {
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                uk += 1;
                cyr += 1
            }
            'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => {
                ru += 1;
                cyr += 1
            }
            'а'..='я' | 'А'..='Я' => cyr += 1,
            'a'..='z' | 'A'..='Z' => lat += 1,
            _ => {}
        }
    }
    if lat > cyr {
        Lang::En
    } else if uk > ru {
        Lang::Uk
    } else {
        Lang::Ru
    }
}

/// Why a document could not be read.
#[derive(Debug)]
pub enum DocumentError {
    /// Bytes that are not a text file we can read.
    Input(InputError),
    /// A located problem (malformed front matter).
    Source(SourceError),
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocumentError::Input(e) => write!(f, "{e}"),
            DocumentError::Source(e) => write!(f, "{}", e.message),
        }
    }
}

/// A xorshift generator of test inputs: the same sequence on every run.
#[cfg(test)]
fn generator(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_and_all_line_ends() {
        let t = "аб\r\nв\rгд";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 2), (1, 2));
        assert_eq!(line_col(t, 6), (2, 1));
        assert_eq!(line_col(t, 9), (3, 1));
        assert_eq!(line_col(t, 11), (3, 2));
        assert_eq!(line_col("\u{feff}аб", 5), (1, 2));
    }

    #[test]
    fn detects_languages_by_letters() {
        assert_eq!(detect_language("Это был вторник."), Lang::Ru);
        assert_eq!(
            detect_language("Це був вівторок, і їх було багато."),
            Lang::Uk
        );
        assert_eq!(detect_language("It was a Tuesday."), Lang::En);
    }
}

/// Line starts of a text, for many offset → line lookups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `\n`, `\r\n` and lone `\r` line ends.
    pub fn new(text: &str) -> LineIndex {
        LineIndex::until(text, text.len())
    }

    /// [`LineIndex::new`] for the offsets up to `last` only: the lines after it are left out.
    pub fn until(text: &str, last: usize) -> LineIndex {
        let b = text.as_bytes();
        // The line ends at or before `last` (a `\r` is told lone by the byte after it).
        let head = &b[..b.len().min(last.saturating_add(1))];
        let mut starts = vec![0];
        if memchr::memchr(b'\r', head).is_none() {
            starts.extend(memchr::memchr_iter(b'\n', head).map(|i| i + 1));
        } else {
            for i in memchr::memchr2_iter(b'\n', b'\r', head) {
                if b[i] == b'\n' || b.get(i + 1) != Some(&b'\n') {
                    starts.push(i + 1);
                }
            }
        }
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// 1-based line and column (in Unicode scalar values, BOM not counted) of a byte offset
    /// into `text`, the text this index was built from.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line(offset);
        let mut start = self.starts[line - 1];
        if line == 1 && text.starts_with('\u{feff}') {
            start = start.max(3).min(offset);
        }
        let col = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line, col)
    }

    /// Byte offset where 1-based `line` starts, if it exists.
    pub fn start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }
}
