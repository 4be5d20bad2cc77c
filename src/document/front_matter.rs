//! Front matter (YAML `---`, TOML `+++`) and the one-line header ` date YYYY-MM-DD …`.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use super::{DateSource, PublicationDate};
use crate::config::FrontMatterKeys;
use crate::source_error::SourceError;

/// Which kind of head the document has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No front matter or header.
    None,
    /// `---` YAML `---`.
    Yaml,
    /// `+++` TOML `+++`.
    Toml,
    /// ` date YYYY-MM-DD` on the first line.
    Header,
}

/// What the head of a document says.
#[derive(Debug)]
pub struct Head {
    /// Which form it had.
    pub kind: Kind,
    /// Where the prose starts.
    pub body_start: usize,
    /// Publication date, if the head gives one.
    pub published: Option<PublicationDate>,
    /// Language code, if the head gives one.
    pub lang: Option<String>,
    /// `factlint-disable`: rules off for the file (empty: all), with the key's span.
    pub disabled: Option<(Vec<String>, Range<usize>)>,
}

/// The front-matter key that turns rules off for a whole file.
pub const DISABLE_KEY: &str = "factlint-disable";

/// Reads the head of `text`, whose content starts at `start` (after a BOM).
pub fn read(
    name: &str,
    text: &str,
    start: usize,
    keys: &FrontMatterKeys,
) -> Result<Head, SourceError> {
    let rest = &text[start..];
    for (fence, kind) in [("---", Kind::Yaml), ("+++", Kind::Toml)] {
        if let Some(after) = opening_fence(rest, fence) {
            return fenced(name, text, (start, start + after), fence, kind, keys);
        }
    }
    if let Some(c) = header_regex().captures(rest) {
        let m = c.get(1).expect("group 1");
        let span = start + m.start()..start + m.end();
        let date = parse_date(m.as_str()).ok_or_else(|| {
            SourceError::new(
                name,
                text,
                span.clone(),
                format!(
                    "{name}: the header date `{}` is not a real date",
                    m.as_str()
                ),
                "not a date",
            )
        })?;
        return Ok(Head {
            kind: Kind::Header,
            body_start: start + c.get(0).expect("match").end(),
            published: Some(PublicationDate {
                date,
                source: DateSource::Header,
                span: Some(span),
            }),
            lang: None,
            disabled: None,
        });
    }
    Ok(Head {
        kind: Kind::None,
        body_start: start,
        published: None,
        lang: None,
        disabled: None,
    })
}

fn header_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\r?\n)").unwrap()
    })
}

/// If `rest` opens with the fence line, the offset just after that line.
fn opening_fence(rest: &str, fence: &str) -> Option<usize> {
    let line_end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
    (rest[..line_end].trim_end() == fence).then_some(line_end)
}

fn fenced(
    name: &str,
    text: &str,
    (start, content_start): (usize, usize),
    fence: &str,
    kind: Kind,
    keys: &FrontMatterKeys,
) -> Result<Head, SourceError> {
    // Find the closing fence line.
    let mut pos = content_start;
    let mut close = None;
    while pos <= text.len() {
        let line_end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let line = text[pos..line_end].trim_end();
        if line == fence || (kind == Kind::Yaml && line == "...") {
            close = Some((pos, line_end));
            break;
        }
        if line_end == text.len() {
            break;
        }
        pos = line_end;
    }
    let Some((content_end, body_start)) = close else {
        return Err(SourceError::new(
            name,
            text,
            start..start + fence.len(),
            format!("{name}: front matter opened with `{fence}` is never closed"),
            "opened here",
        )
        .with_help(format!("end the front matter with a line `{fence}`")));
    };
    let content = &text[content_start..content_end];
    let fields = match kind {
        Kind::Yaml => yaml_fields(name, text, content_start, content)?,
        _ => toml_fields(name, text, content_start, content)?,
    };
    let mut published = None;
    for key in &keys.date {
        if let Some((value, span)) = fields
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, s)| (v, s))
        {
            let date = parse_date(value).ok_or_else(|| {
                SourceError::new(
                    name,
                    text,
                    span.clone(),
                    format!("{name}: front-matter `{key}` is not a date: `{value}`"),
                    "expected YYYY-MM-DD",
                )
            })?;
            published = Some(PublicationDate {
                date,
                source: DateSource::FrontMatter,
                span: Some(span.clone()),
            });
            break;
        }
    }
    let lang = keys.lang.iter().find_map(|key| {
        fields
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, _)| v.clone())
    });
    let disabled = fields
        .iter()
        .find(|(k, _, _)| k == DISABLE_KEY)
        .map(|(_, v, span)| {
            let list: Vec<String> = v
                .split(',')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty() && r != "all" && r != "true")
                .collect();
            (list, span.clone())
        });
    Ok(Head {
        kind,
        body_start,
        published,
        lang,
        disabled,
    })
}

/// (key, scalar value as text, span of the value in the file) of top-level scalar fields.
type Fields = Vec<(String, String, Range<usize>)>;

fn yaml_fields(name: &str, text: &str, base: usize, content: &str) -> Result<Fields, SourceError> {
    if let Some(fields) = simple_yaml_fields(text, base, content) {
        return Ok(fields);
    }
    let value: serde_norway::Value = serde_norway::from_str(content).map_err(|e| {
        let at = e.location().map(|l| base + l.index()).unwrap_or(base);
        SourceError::new(
            name,
            text,
            at..at,
            format!("{name}: malformed YAML front matter: {e}"),
            "here",
        )
    })?;
    let map = match value {
        serde_norway::Value::Mapping(m) => m,
        serde_norway::Value::Null => return Ok(Vec::new()),
        _ => {
            return Err(SourceError::new(
                name,
                text,
                base..base + content.trim_end().len(),
                format!("{name}: front matter must be a mapping of keys to values"),
                "not a mapping",
            ))
        }
    };
    let mut out = Vec::new();
    for (k, v) in map {
        let (Some(key), Some(val)) = (k.as_str(), scalar_text_yaml(&v)) else {
            continue;
        };
        let span = value_span(text, base, content, key, &val);
        out.push((key.to_string(), val, span));
    }
    Ok(out)
}

/// [`yaml_fields`] of the usual front matter, read without the YAML parser: every line
/// `key: value` (one space), the key and value plain ASCII scalars that YAML reads as
/// strings, no key twice. `None` for anything else, left to the parser.
fn simple_yaml_fields(text: &str, base: usize, content: &str) -> Option<Fields> {
    // A word that starts with a letter and is none of YAML's nulls and booleans (no number
    // starts with a letter: "inf" and "nan" are strings), or a date (no number either).
    let string = |s: &str| {
        let b = s.as_bytes();
        let word = b.first().is_some_and(u8::is_ascii_alphabetic)
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
            && !matches!(
                s,
                "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
            );
        let date = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        word || date
    };
    let mut out: Fields = Vec::new();
    for line in content.strip_suffix('\n')?.split('\n') {
        let (key, val) = line.split_once(": ")?;
        if !(string(key) && string(val)) || out.iter().any(|(k, _, _)| k == key) {
            return None;
        }
        let span = value_span(text, base, content, key, val);
        out.push((key.to_string(), val.to_string(), span));
    }
    Some(out)
}

fn scalar_text_yaml(v: &serde_norway::Value) -> Option<String> {
    match v {
        serde_norway::Value::String(s) => Some(s.clone()),
        serde_norway::Value::Number(n) => Some(n.to_string()),
        serde_norway::Value::Bool(b) => Some(b.to_string()),
        serde_norway::Value::Sequence(items) => Some(
            items
                .iter()
                .filter_map(scalar_text_yaml)
                .collect::<Vec<_>>()
                .join(","),
        ),
        _ => None,
    }
}

fn toml_fields(name: &str, text: &str, base: usize, content: &str) -> Result<Fields, SourceError> {
    let table: toml::Table = toml::from_str(content).map_err(|e| {
        let span = e
            .span()
            .map(|r| base + r.start..base + r.end)
            .unwrap_or(base..base);
        SourceError::new(
            name,
            text,
            span,
            format!("{name}: malformed TOML front matter: {}", e.message()),
            "here",
        )
    })?;
    let mut out = Vec::new();
    for (key, v) in table {
        let val = match v {
            toml::Value::String(s) => s,
            toml::Value::Datetime(d) => d.to_string(),
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            toml::Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(","),
            _ => continue,
        };
        let span = value_span(text, base, content, &key, &val);
        out.push((key, val, span));
    }
    Ok(out)
}

/// Locates the value of a top-level `key` in the front matter, for error labels.
fn value_span(text: &str, base: usize, content: &str, key: &str, val: &str) -> Range<usize> {
    let _ = text;
    let mut line_start = 0;
    for line in content.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(['"', '\'']);
        if trimmed.starts_with(key) {
            if let Some(i) = line.find(val) {
                return base + line_start + i..base + line_start + i + val.len();
            }
            return base + line_start..base + line_start + line.trim_end().len();
        }
        line_start += line.len();
    }
    base..base
}

/// Accepts `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    let tail = &s[10..];
    if !(tail.is_empty() || tail.starts_with(['T', 't', ' '])) {
        return None;
    }
    crate::claims::iso_date(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Generated front matter of YAML's troublesome pieces: wherever the reading without the
    /// parser answers, the parser reads the same keys and values.
    #[test]
    fn simple_yaml_fields_agree_with_the_parser_on_generated_text() {
        const PIECES: [&str; 22] = [
            "a",
            "lang",
            "b1",
            "-",
            "_",
            ".",
            ":",
            " ",
            "2018-07-30",
            "true",
            "null",
            "no",
            "~",
            "#",
            "'",
            "\"",
            "0x1",
            "1e3",
            "inf",
            "y",
            "Off",
            "2018",
        ];
        let mut next = super::super::generator(0x2545_F491_4F6C_DD1D);
        let mut answered = 0;
        for _ in 0..20_000 {
            // Lines "key: value", each side one to three pieces.
            let mut c = String::new();
            for _ in 0..1 + next() % 3 {
                for side in 0..2 {
                    for _ in 0..1 + next() % 3 {
                        c.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
                    }
                    c.push_str(if side == 0 { ": " } else { "\n" });
                }
            }
            let Some(fields) = simple_yaml_fields(&c, 0, &c) else {
                continue;
            };
            answered += 1;
            let value: serde_norway::Value = serde_norway::from_str(&c).expect(&c);
            let serde_norway::Value::Mapping(map) = value else {
                panic!("{c:?} is no mapping");
            };
            let parsed: Vec<_> = map
                .iter()
                .map(|(k, v)| (k.as_str().map(str::to_string), scalar_text_yaml(v)))
                .collect();
            let fast: Vec<_> = fields
                .into_iter()
                .map(|(k, v, _)| (Some(k), Some(v)))
                .collect();
            assert_eq!(fast, parsed, "{c:?}");
        }
        assert!(answered > 100, "{answered}");
    }

    /// The front matter read without the YAML parser gives what the parser gives, and the
    /// rest is left to it.
    #[test]
    fn simple_yaml_fields_agree_with_the_parser() {
        let parsed = |c: &str| {
            let value: serde_norway::Value = serde_norway::from_str(c).unwrap();
            let serde_norway::Value::Mapping(map) = value else {
                return Vec::new();
            };
            map.iter()
                .filter_map(|(k, v)| Some((k.as_str()?.to_string(), scalar_text_yaml(v)?)))
                .collect::<Vec<_>>()
        };
        let simple = [
            "date: 2018-07-30\nlang: ru\n",
            "lang: uk\n",
            "title: a.b-c_d\ndate: 2026-01-06\n",
            "x: inf\ny: nan\nz: infinity\nw: NaN\nv: yes\nu: no\nt: e5\n",
            "factlint-disable: all\n",
            "date: 2018-02-30\n",
        ];
        for c in simple {
            let fields = simple_yaml_fields(c, 0, c).expect(c);
            let kv: Vec<_> = fields.into_iter().map(|(k, v, _)| (k, v)).collect();
            assert_eq!(kv, parsed(c), "{c}");
        }
        let left = [
            "",
            "lang: true\n",
            "lang: null\n",
            "n: 2018\n",
            "n: 0x1F\n",
            "k:v\n",
            "k:  v\n",
            "k: v # note\n",
            "k: v\nk: w\n",
            "lang: ru",
            "lang: ru\r\n",
            "title: Новости\n",
            "\nlang: ru\n",
            "- a\n",
            "k: 2018-07-30T10\n",
        ];
        for c in left {
            assert!(simple_yaml_fields(c, 0, c).is_none(), "{c:?}");
        }
    }

    #[test]
    fn reads_yaml_toml_and_header() {
        let y = "---\ntitle: x\ndate: 2026-01-06\nlang: ru\n---\nТекст";
        let h = read("a.md", y, 0, &FrontMatterKeys::default()).unwrap();
        assert_eq!(h.kind, Kind::Yaml);
        assert_eq!(h.published.unwrap().date.to_string(), "2026-01-06");
        assert_eq!(h.lang.as_deref(), Some("ru"));
        assert_eq!(&y[h.body_start..], "Текст");

        let t = "+++\npublished = 2026-01-06T10:00:00+03:00\n+++\nText";
        let h = read("a.md", t, 0, &FrontMatterKeys::default()).unwrap();
        assert_eq!(h.published.unwrap().date.to_string(), "2026-01-06");

        let s = " date 2026-01-06 Союзники";
        let h = read("a.txt", s, 0, &FrontMatterKeys::default()).unwrap();
        assert_eq!(h.kind, Kind::Header);
        assert_eq!(&s[h.body_start..], "Союзники");
        let p = h.published.unwrap();
        assert_eq!(&s[p.span.unwrap()], "2026-01-06");
    }

    #[test]
    fn malformed_front_matter_points_into_the_file() {
        let e = read(
            "a.md",
            "---\ndate: [1, 2\n---\nx",
            0,
            &FrontMatterKeys::default(),
        )
        .unwrap_err();
        assert!(e.message.contains("malformed YAML"), "{}", e.message);
        let e = read(
            "a.md",
            "---\ndate: 2026-13-45\n---\nx",
            0,
            &FrontMatterKeys::default(),
        )
        .unwrap_err();
        assert!(e.message.contains("not a date"));
        assert_eq!(e.span.offset(), 10);
        let e = read("a.md", "---\ntitle: x\n", 0, &FrontMatterKeys::default()).unwrap_err();
        assert!(e.message.contains("never closed"));
        let e = read(
            "a.md",
            "---\n- a\n- b\n---\nx",
            0,
            &FrontMatterKeys::default(),
        )
        .unwrap_err();
        assert!(e.message.contains("mapping"));
    }
}
