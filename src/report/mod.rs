//! The report stage: diagnostics rendered for people (miette) or tools (JSON).

pub mod human;
pub mod json;
pub mod lines;
pub mod sarif;
pub mod timeline;

use crate::diagnostics::{Diagnostic, Severity};
use std::io::Write;

use crate::document::PublicationDate;
use crate::rules::RuleSet;

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

impl FileReport {
    /// A report for an input that could not be checked.
    pub fn failed(
        path: &str,
        opts: &crate::document::ReadOptions,
        message: String,
        located: Option<Box<crate::source_error::SourceError>>,
    ) -> FileReport {
        FileReport {
            path: path.to_string(),
            text: None,
            published: None,
            language: opts
                .lang
                .clone()
                .or(opts.config_lang.clone())
                .unwrap_or_default(),
            diagnostics: Vec::new(),
            error: Some(FileError { message, located }),
        }
    }
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
        let mut s = Summary::default();
        for r in reports {
            s.add(r);
        }
        s
    }

    /// Counts one more report.
    pub fn add(&mut self, r: &FileReport) {
        self.files += 1;
        if r.error.is_some() {
            self.input_errors += 1;
        }
        if !r.diagnostics.is_empty() || r.error.is_some() {
            self.files_with_findings += 1;
        }
        for d in &r.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Annotated snippets for people, with a summary line.
    Human,
    /// The JSON contract.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// `path:line:col: severity rule: message`.
    Short,
}

/// Writes a report file by file, in the order given, so memory stays flat however many
/// files are checked.
pub struct Reporter<'a, W: Write> {
    out: W,
    format: Format,
    style: human::Style,
    rules: &'a RuleSet,
    written: usize,
    summary: Summary,
}

impl<'a, W: Write> Reporter<'a, W> {
    /// Starts a report.
    pub fn new(
        out: W,
        format: Format,
        style: human::Style,
        rules: &'a RuleSet,
    ) -> std::io::Result<Self> {
        let mut r = Reporter {
            out,
            format,
            style,
            rules,
            written: 0,
            summary: Summary::default(),
        };
        match format {
            Format::Json => r.out.write_all(json::header().as_bytes())?,
            Format::Sarif => r.out.write_all(sarif::header(rules).as_bytes())?,
            _ => {}
        }
        Ok(r)
    }

    /// Adds one file.
    pub fn file(&mut self, report: &FileReport) -> std::io::Result<()> {
        self.summary.add(report);
        match self.format {
            Format::Human => self
                .out
                .write_all(human::render_file(report, self.style).as_bytes())?,
            Format::Json => {
                let sep = if self.written == 0 { "\n" } else { ",\n" };
                self.out.write_all(sep.as_bytes())?;
                self.out.write_all(json::file_line(report).as_bytes())?;
            }
            Format::Sarif => {
                for res in sarif::results(report, self.rules) {
                    let sep = if self.written == 0 { "\n" } else { ",\n" };
                    self.out.write_all(sep.as_bytes())?;
                    self.out
                        .write_all(serde_json::to_string(&res).expect("serialises").as_bytes())?;
                    self.written += 1;
                }
                return Ok(());
            }
            Format::Github => self.out.write_all(lines::github(report).as_bytes())?,
            Format::Short => self.out.write_all(lines::short(report).as_bytes())?,
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the report and returns the counts.
    pub fn finish(mut self) -> std::io::Result<Summary> {
        match self.format {
            Format::Human => {
                self.out
                    .write_all(human::summary_line(&self.summary).as_bytes())?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => self.out.write_all(json::footer(&self.summary).as_bytes())?,
            Format::Sarif => self.out.write_all(sarif::footer().as_bytes())?,
            Format::Github | Format::Short => {}
        }
        self.out.flush()?;
        Ok(self.summary)
    }
}
