//! Human output: rustc-style annotated snippets rendered with miette.

use std::fmt;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan,
    NamedSource, SourceCode,
};

use super::{FileReport, Summary};
use crate::diagnostics::{Diagnostic, Severity};

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// Wrap width.
    pub width: usize,
}

struct Shown<'a> {
    d: &'a Diagnostic,
    src: &'a NamedSource<String>,
    help: Option<String>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl MietteDiagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.d.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.d.labels.iter().map(|l| {
            let span = (l.span.start, l.span.end - l.span.start);
            if l.primary {
                LabeledSpan::new_primary_with_span(l.message.clone(), span)
            } else {
                LabeledSpan::new_with_span(l.message.clone(), span)
            }
        })))
    }
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
}

/// Renders one file's diagnostics (or its input error).
pub fn render_file(r: &FileReport, style: Style) -> String {
    let h = handler(style);
    let mut out = String::new();
    if let Some(e) = &r.error {
        match &e.located {
            Some(located) => {
                let _ = h.render_report(&mut out, located.as_ref());
            }
            None => out.push_str(&format!("error: {}: {}\n", r.path, e.message)),
        }
        return out;
    }
    let Some(text) = &r.text else { return out };
    let src = NamedSource::new(&r.path, text.clone()).with_language("text");
    for d in &r.diagnostics {
        let help = match (&d.help, &d.note) {
            (Some(h), Some(n)) => Some(format!("{h}\nnote: {n}")),
            (Some(h), None) => Some(h.clone()),
            (None, Some(n)) => Some(format!("note: {n}")),
            (None, None) => None,
        };
        let shown = Shown { d, src: &src, help };
        let _ = h.render_report(&mut out, &shown);
        out.push('\n');
    }
    out
}

/// The closing line: «2 errors, 1 warning in 1 of 3 files».
pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let mut parts = vec![plural(s.errors, "error"), plural(s.warnings, "warning")];
    if s.infos > 0 {
        parts.push(plural(s.infos, "note"));
    }
    if s.input_errors > 0 {
        parts.push(format!("{} unreadable", plural(s.input_errors, "file")));
    }
    format!(
        "{} in {} of {}",
        parts.join(", "),
        s.files_with_findings,
        plural(s.files, "file")
    )
}
