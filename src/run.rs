//! Checking inputs: reading a path or standard input, refusing what cannot be read, and
//! running the pipeline. Shared by `check` (files) and batch mode (JSON lines).

use std::io::Read;

use crate::check::check_with;
use crate::document::{Document, DocumentError, ReadOptions, MAX_FILE_SIZE};
use crate::facts::Facts;
use crate::report::FileReport;
use crate::rules::RuleSet;
use crate::walk::Input;

/// Reads an input's bytes, refusing directories and files over [`MAX_FILE_SIZE`] before
/// reading them.
pub fn read(input: &Input) -> Result<Vec<u8>, String> {
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(MAX_FILE_SIZE as u64 + 1)
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(buf)
        }
        Input::Path(path) => {
            let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                _ => e.to_string(),
            })?;
            if meta.is_dir() {
                return Err("is a directory; give the article files to check".to_string());
            }
            if meta.len() > MAX_FILE_SIZE as u64 {
                return Err(format!(
                    "the file is {} bytes, over the limit of {MAX_FILE_SIZE} bytes",
                    meta.len()
                ));
            }
            std::fs::read(path).map_err(|e| e.to_string())
        }
    }
}

/// Reads and checks one input.
pub fn check_input(
    input: &Input,
    opts: &ReadOptions,
    rules: &RuleSet,
    facts: &Facts,
) -> FileReport {
    match read(input) {
        Ok(bytes) => check_bytes(input.display(), &bytes, opts, rules, facts),
        Err(e) => FileReport::failed(input.display(), opts, e, None),
    }
}

/// Checks bytes read from `path` (shown as given; standard input is `-`).
pub fn check_bytes(
    path: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    rules: &RuleSet,
    facts: &Facts,
) -> FileReport {
    let name = if path == "-" { "<stdin>" } else { path };
    match Document::from_bytes(name, bytes, opts) {
        Ok(doc) => report(path, doc, rules, facts),
        Err(DocumentError::Input(e)) => FileReport::failed(path, opts, e.to_string(), None),
        Err(DocumentError::Source(e)) => {
            FileReport::failed(path, opts, e.message.clone(), Some(Box::new(e)))
        }
    }
}

/// Checks a document that is already read.
pub fn report(path: &str, doc: Document, rules: &RuleSet, facts: &Facts) -> FileReport {
    let outcome = check_with(&doc, rules, facts);
    FileReport {
        path: path.to_string(),
        published: doc.published.clone(),
        language: doc.lang_code.clone(),
        diagnostics: outcome.diagnostics,
        text: Some(doc.text),
        error: None,
    }
}
