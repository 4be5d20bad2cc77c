//! Batch mode: one document per JSON line in, one result per line out, streaming in bounded
//! memory, so factlint can run as a pipe stage over an archive of millions of articles.
//!
//! In: `{"id": …, "text": "…", "published": "YYYY-MM-DD"?, "lang": "ru"?}`.
//! Out: the contract's file object with `path` = the id, plus `id` as given.

use std::io::{BufRead, Write};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::document::{Document, DocumentError, ReadOptions};
use crate::facts::Facts;
use crate::report::{json, FileReport, Summary};
use crate::rules::RuleSet;

/// Documents checked in parallel at a time: bounds memory.
pub const CHUNK: usize = 512;

#[derive(Deserialize)]
struct In {
    id: serde_json::Value,
    text: String,
    published: Option<String>,
    lang: Option<String>,
}

#[derive(Serialize)]
struct Out<'a, F: Serialize> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    file: F,
}

fn id_text(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn check_line(
    n: usize,
    line: &str,
    base: &ReadOptions,
    rules: &RuleSet,
    facts: &Facts,
) -> (serde_json::Value, FileReport) {
    let doc: In = match serde_json::from_str(line) {
        Ok(d) => d,
        Err(e) => {
            let r = FileReport::failed(
                &format!("line {n}"),
                base,
                format!("line {n}: not a document: {e}"),
                None,
            );
            return (serde_json::Value::Null, r);
        }
    };
    let path = id_text(&doc.id);
    let published = match doc
        .published
        .as_deref()
        .map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d"))
    {
        Some(Err(_)) => {
            let r = FileReport::failed(
                &path,
                base,
                format!("line {n}: `published` is not a YYYY-MM-DD date"),
                None,
            );
            return (doc.id, r);
        }
        Some(Ok(d)) => Some(d),
        None => base.published,
    };
    let opts = ReadOptions {
        published,
        lang: doc.lang.or(base.lang.clone()),
        ..base.clone()
    };
    let report = match Document::from_text(&path, doc.text, &opts) {
        Ok(d) => crate::run::report(&path, d, rules, facts),
        Err(DocumentError::Input(e)) => FileReport::failed(&path, &opts, e.to_string(), None),
        Err(DocumentError::Source(e)) => FileReport::failed(&path, &opts, e.message.clone(), None),
    };
    (doc.id, report)
}

/// Reads documents from `input` and writes one result line each to `out`, in input order.
pub fn run(
    input: impl BufRead,
    mut out: impl Write,
    base: &ReadOptions,
    rules: &RuleSet,
    facts: &Facts,
) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut lines = input.lines().enumerate();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        for (i, line) in lines.by_ref() {
            let line = line?;
            if !line.trim().is_empty() {
                chunk.push((i + 1, line));
            }
            if chunk.len() == CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<_> = chunk
            .par_iter()
            .map(|(n, l)| check_line(*n, l, base, rules, facts))
            .collect();
        for (id, report) in &results {
            summary.add(report);
            serde_json::to_writer(
                &mut out,
                &Out {
                    id,
                    file: json::file_object(report),
                },
            )?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    Ok(summary)
}
