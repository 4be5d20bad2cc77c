//! Prose segments: the parts of a file that are running text.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A run of prose (a paragraph, heading, list item or table cell).
///
/// `holes` are byte ranges inside `range` that are not prose (inline code, HTML, link
/// targets, Markdown markup); readers skip them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the file.
    pub range: Range<usize>,
    /// Byte ranges inside `range` to skip, sorted.
    pub holes: Vec<Range<usize>>,
}

impl Segment {
    /// The prose pieces of the segment: `range` minus `holes`.
    pub fn pieces(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut at = self.range.start;
        let mut holes = self.holes.iter();
        let end = self.range.end;
        std::iter::from_fn(move || loop {
            if at >= end {
                return None;
            }
            match holes.next() {
                Some(h) if h.start <= at => at = at.max(h.end),
                Some(h) => {
                    let piece = at..h.start.min(end);
                    at = h.end;
                    return Some(piece);
                }
                None => {
                    let piece = at..end;
                    at = end;
                    return Some(piece);
                }
            }
        })
    }
}

/// Plain text: blocks separated by blank lines.
pub fn plain(text: &str, start: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut block_end = start;
    let mut pos = start;
    for line in text[start..].split_inclusive(['\n']) {
        let line_start = pos;
        pos += line.len();
        if line.trim().is_empty() {
            if let Some(s) = block_start.take() {
                out.push(Segment {
                    range: s..block_end,
                    holes: Vec::new(),
                });
            }
        } else {
            block_start.get_or_insert(line_start);
            block_end = line_start + line.trim_end().len();
        }
    }
    if let Some(s) = block_start {
        out.push(Segment {
            range: s..block_end,
            holes: Vec::new(),
        });
    }
    out
}

/// Markdown: the text of each leaf block; code blocks and HTML are left out.
pub fn markdown(text: &str, start: usize) -> Vec<Segment> {
    plain_paragraphs(text, start).unwrap_or_else(|| parsed(text, start))
}

/// [`markdown`] of text with no Markdown in it, without the parser: paragraphs of lines that
/// open no block (no indent, list marker, heading, quote, fence, table or HTML) and hold no
/// inline markup, entity, escape or hard break. `None` for any other text, left to the
/// parser.
fn plain_paragraphs(text: &str, start: usize) -> Option<Vec<Segment>> {
    let body = &text.as_bytes()[start..];
    // Bytes that open inline markup, entities, escapes and tables; tabs and control
    // characters the parser reads as white space or replaces.
    for [a, b, c] in [
        [b'\\', b'`', b'*'],
        [b'_', b'[', b']'],
        [b'<', b'>', b'&'],
        [b'|', b'~', b'\r'],
        [b'\t', 0, 0x0B],
    ] {
        if memchr::memchr3(a, b, c, body).is_some() {
            return None;
        }
    }
    if memchr::memchr(0x0C, body).is_some() {
        return None;
    }
    let mut out = Vec::new();
    let mut paragraph: Option<Range<usize>> = None;
    let mut line_start = 0;
    while line_start <= body.len() {
        let line_end =
            memchr::memchr(b'\n', &body[line_start..]).map_or(body.len(), |i| line_start + i);
        let line = &text[start + line_start..start + line_end];
        if line.is_empty() {
            if let Some(p) = paragraph.take() {
                out.push(Segment {
                    range: p,
                    holes: Vec::new(),
                });
            }
        } else {
            // A line opens a paragraph or continues one only when it starts with a letter,
            // a digit not followed by a list marker's `.` or `)`, or punctuation no block
            // starts with; and ends without white space (two spaces make a hard break).
            let first = line.chars().next()?;
            let opens = if first.is_ascii_digit() {
                let after = line.trim_start_matches(|c: char| c.is_ascii_digit());
                !after.starts_with(['.', ')'])
            } else {
                // Cyrillic letters before the Unicode tables.
                matches!(first, 'А'..='я')
                    || first.is_alphanumeric()
                    || matches!(first, '«' | '„' | '“' | '"' | '(' | ',' | '.' | '—' | '–')
            };
            if !opens || line.ends_with(' ') {
                return None;
            }
            let range = start + line_start..start + line_end;
            match &mut paragraph {
                Some(p) => p.end = range.end,
                None => paragraph = Some(range),
            }
        }
        line_start = line_end + 1;
    }
    if let Some(p) = paragraph {
        out.push(Segment {
            range: p,
            holes: Vec::new(),
        });
    }
    Some(out)
}

/// [`markdown`] through the parser.
fn parsed(text: &str, start: usize) -> Vec<Segment> {
    let body = &text[start..];
    let mut out = Vec::new();
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut in_code = 0usize;
    let flush = |pieces: &mut Vec<Range<usize>>, out: &mut Vec<Segment>| {
        if let (Some(first), Some(last)) = (pieces.first(), pieces.last()) {
            let range = first.start..last.end;
            let holes = pieces
                .windows(2)
                .filter(|w| w[0].end < w[1].start)
                .map(|w| w[0].end..w[1].start)
                .collect();
            out.push(Segment { range, holes });
        }
        pieces.clear();
    };
    let opts = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_FOOTNOTES;
    for (event, r) in Parser::new_ext(body, opts).into_offset_iter() {
        let r = start + r.start..start + r.end;
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => flush(&mut pieces, &mut out),
            // Text events cover their source exactly; keep only ranges inside the text.
            Event::Text(_) | Event::SoftBreak | Event::HardBreak
                if in_code == 0 && r.end <= text.len() =>
            {
                match pieces.last_mut() {
                    Some(last) if last.end == r.start => last.end = r.end,
                    _ => pieces.push(r),
                }
            }
            _ => {}
        }
    }
    flush(&mut pieces, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Generated text of the characters Markdown reads, in short lines: wherever the reading
    /// without the parser answers, it gives the parser's segments.
    #[test]
    fn plain_paragraphs_agree_with_the_parser_on_generated_text() {
        const PIECES: [&str; 32] = [
            "a", "Б", "7", "1.", "2)", " ", "  ", "\n", "\n\n", "-", "+", "=", "#", ">", "*", "_",
            "`", "[", "]", "(", ")", "<", "&", "|", "~", "«", "—", ".", ",", "\u{a0}", "\t", "!",
        ];
        let mut next = super::super::generator(0x9E37_79B9_7F4A_7C15);
        let mut answered = 0;
        for _ in 0..20_000 {
            let len = 1 + next() % 24;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            if let Some(fast) = plain_paragraphs(&text, 0) {
                answered += 1;
                assert_eq!(fast, parsed(&text, 0), "{text:?}");
            }
        }
        // The comparison ran on enough texts to mean something.
        assert!(answered > 500, "{answered}");
    }

    /// Text read without the parser gives the parser's segments; text with anything the
    /// parser may read otherwise is left to it.
    #[test]
    fn plain_paragraphs_agree_with_the_parser() {
        let plain = [
            "Первая строка.\nВторая строка.\n\nНовый абзац, 20:46 REGNUM.\n",
            "\n\nText after blank lines\nand more.",
            "2018 год: «цитата» — (скобки), 30 июля.\n\n\n„Кавычки“ и \"quotes\".\n",
            ", 20:46 REGNUM Немецкие пилоты\n.5 и —тире\n–тире\nЁлка 10% $5 #7 !x ^y",
            "a\nb\n\nc\n",
            "",
            "\n",
        ];
        for t in plain {
            for start in [0, t.find('\n').map_or(0, |i| i + 1)] {
                let fast = plain_paragraphs(t, start).expect(t);
                assert_eq!(fast, parsed(t, start), "{t:?} from {start}");
            }
        }
        let left = [
            "1. item\n",
            "2) item\n",
            "- item\n",
            "Title\n===\n",
            "Title\n---\n",
            "# Heading\n",
            "> quote\n",
            "    code\n",
            " indented\n",
            "Hard  \nbreak\n",
            "trailing \n",
            "a *b* c\n",
            "a _b_ c\n",
            "a `b` c\n",
            "a [b](c)\n",
            "a <b> c\n",
            "a &amp; b\n",
            "a \\ b\n",
            "a | b\n",
            "~~a~~\n",
            "a\r\nb\n",
            "a\tb\n",
            "\u{a0}nbsp\n",
            "• bullet\n",
        ];
        for t in left {
            assert!(plain_paragraphs(t, 0).is_none(), "{t:?}");
        }
    }

    fn texts(text: &str, segs: &[Segment]) -> Vec<String> {
        segs.iter()
            .map(|s| s.pieces().map(|p| &text[p]).collect::<Vec<_>>().join("|"))
            .collect()
    }

    #[test]
    fn plain_splits_on_blank_lines() {
        let t = "Один.\nДва.\n\n  \nТри.\r\n";
        assert_eq!(texts(t, &plain(t, 0)), vec!["Один.\nДва.", "Три."]);
    }

    #[test]
    fn markdown_skips_code_html_and_link_targets() {
        let t = "# Заголовок\n\nТекст `код` и [ссылка](http://x/2026-01-06) **жирный**.\n\n```\n31 апреля\n```\n";
        let segs = markdown(t, 0);
        assert_eq!(
            texts(t, &segs),
            vec!["Заголовок", "Текст | и |ссылка| |жирный|."]
        );
    }
}
