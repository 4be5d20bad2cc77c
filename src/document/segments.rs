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
