//! The report stage: diagnostics rendered for people (miette) or tools (JSON).

pub mod human;
pub mod json;
pub mod timeline;

use crate::diagnostics::{Diagnostic, Severity};
use crate::document::PublicationDate;

/// The result of checking one input.
#[derive(Debug)]
pub struct FileReport {
    /// Path as given, or `-`.
    pub path: String,
    /// The file's text, when it could be read.
    pub text: Option<String>,
    /// Publication date used.
    pub published: Option<PublicationDate>,
    /// Language code used.
    pub language: String,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
    /// Why the file could not be checked.
    pub error: Option<FileError>,
}

/// An input problem, ready to show.
#[derive(Debug)]
pub struct FileError {
    /// One line.
    pub message: String,
    /// A located, rendered form (miette) when there is one.
    pub located: Option<Box<crate::source_error::SourceError>>,
}

/// Counts by severity over all files.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Files checked or attempted.
    pub files: usize,
    /// Files with at least one diagnostic or error.
    pub files_with_findings: usize,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// Files that could not be read.
    pub input_errors: usize,
}

impl Summary {
    /// Counts the reports.
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for r in reports {
            if r.error.is_some() {
                s.input_errors += 1;
            }
            if !r.diagnostics.is_empty() || r.error.is_some() {
                s.files_with_findings += 1;
            }
            for d in &r.diagnostics {
                match d.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Info => s.infos += 1,
                }
            }
        }
        s
    }
}
