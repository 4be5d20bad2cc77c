//! Errors that point into a file: malformed front matter, rule files, language data.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// A problem located in a file the user gave us (or an embedded data file).
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
pub struct SourceError {
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file and its text.
    #[source_code]
    pub src: NamedSource<String>,
    /// Where in the file.
    #[label("{label}")]
    pub span: SourceSpan,
    /// Label text at the span.
    pub label: String,
    /// How to fix it.
    #[help]
    pub help: Option<String>,
}

impl SourceError {
    /// An error at `span` (byte range) of `text` read from `name`.
    pub fn new(
        name: &str,
        text: &str,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        let start = span.start.min(text.len());
        let end = span.end.clamp(start, text.len());
        SourceError {
            message: message.into(),
            src: NamedSource::new(name, text.to_string()),
            span: (start, end - start).into(),
            label: label.into(),
            help: None,
        }
    }

    /// Adds help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// A TOML deserialisation error turned into a located error.
    pub fn from_toml(name: &str, text: &str, err: &toml::de::Error) -> Self {
        let span = err.span().unwrap_or(0..0);
        SourceError::new(
            name,
            text,
            span,
            format!("{name}: {}", err.message()),
            "here",
        )
    }
}
