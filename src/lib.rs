//! factlint: a fact-consistency checker for news articles.
//!
//! An article travels one way through the crate:
//! [`document`] (bytes → publication date, language, prose segments) →
//! [`text`] (tokens, sentences, clauses) → [`claims`] (temporal expressions, the predicate
//! each anchors and its tense, resolved against the publication date) → [`rules`] (check
//! kinds configured by data files under `rules/`) → [`diagnostics`] → [`report`]
//! (human, JSON).

// Located errors carry the text of their file for miette; they are rare and off the hot path,
// so their size does not matter.
#![allow(clippy::result_large_err)]

pub mod batch;
pub mod check;
pub mod claims;
pub mod config;
pub mod diagnostics;
pub mod document;
pub mod eval;
pub mod facts;
pub mod language;
pub mod morphology;
pub mod report;
pub mod rules;
pub mod run;
pub mod serve;
pub mod source_error;
pub mod suppress;
pub mod text;
pub mod walk;
