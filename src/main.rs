//! The `factlint` command: a thin shell over the library.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use factlint::check::check;
use factlint::diagnostics::Severity;
use factlint::document::{Document, DocumentError, ReadOptions, MAX_FILE_SIZE};
use factlint::report::{self, FileError, FileReport, Summary};
use factlint::rules::{RuleSet, RuleSetError};

/// Exit code: nothing at or above the fail level.
const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the fail level.
const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage or input error.
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "factlint",
    version,
    about = "Fact-consistency checker for news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles and report contradictions.
    Check(CheckArgs),
    /// Show every temporal expression extracted, its value and the predicate it anchors.
    Timeline(TimelineArgs),
    /// List the rules.
    Rules {
        /// Load rules from this directory instead of the embedded set.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Measure factlint on third-party data (see docs/quality.md).
    Eval {
        /// What the file holds: `news` (JSONL articles with `dct`).
        #[arg(value_enum)]
        kind: EvalKind,
        /// The JSONL file.
        path: String,
    },
    /// Print a rule's documentation with examples.
    Explain {
        /// Rule id, e.g. temporal/weekday-mismatch.
        rule: String,
        /// Load rules from this directory instead of the embedded set.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files to check; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Publication date (wins over front matter and header).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// Language code (wins over front matter and detection): ru, uk, en.
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Load rules from this directory instead of the embedded set.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Colours in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(clap::Args)]
struct TimelineArgs {
    /// The article; `-` reads standard input.
    #[arg(value_name = "PATH")]
    path: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Publication date (wins over front matter and header).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// Language code (wins over front matter and detection).
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum EvalKind {
    /// Real news: every diagnostic raised is listed, with a count per 100 articles.
    News,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Timeline(args) => run_timeline(args),
        Command::Rules { rules } => match load_rules(rules.as_ref()) {
            Ok(set) => {
                let mut out = String::new();
                for r in &set.rules {
                    out.push_str(&format!(
                        "{:<45} {:<8} {}\n",
                        r.id,
                        r.severity.as_str(),
                        r.summary
                    ));
                }
                print_out(&out)
            }
            Err(code) => code,
        },
        Command::Eval { kind, path } => {
            let rules = match load_rules(None) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let mut out = std::io::stdout().lock();
            let result = match kind {
                EvalKind::News => factlint::eval::news(&path, &rules, &mut out),
            };
            match result {
                Ok(()) => ExitCode::from(EXIT_CLEAN),
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(EXIT_ERROR)
                }
            }
        }
        Command::Explain { rule, rules } => match load_rules(rules.as_ref()) {
            Ok(set) => match set.get(&rule) {
                Some(r) => print_out(&explain(r)),
                None => {
                    eprintln!("error: no rule `{rule}`; `factlint rules` lists them");
                    ExitCode::from(EXIT_ERROR)
                }
            },
            Err(code) => code,
        },
    }
}

fn print_out(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::from(EXIT_CLEAN),
        // A closed pipe (`factlint … | head`) is not an error of ours.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_CLEAN),
        Err(e) => {
            eprintln!("error: writing output: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn explain(r: &factlint::rules::Rule) -> String {
    let mut s = format!(
        "# {}\n\n{} (default severity: {})\n\n{}\n",
        r.id,
        r.summary,
        r.severity.as_str(),
        r.docs.explanation.trim()
    );
    for ex in &r.docs.examples {
        let when = ex.published.as_deref().unwrap_or("undated");
        match &ex.fires_on {
            Some(span) => s.push_str(&format!(
                "\nFires ({}, published {when}) on «{span}»:\n    {}\n",
                ex.lang, ex.text
            )),
            None => s.push_str(&format!(
                "\nStays silent ({}, published {when}):\n    {}\n",
                ex.lang, ex.text
            )),
        }
    }
    s
}

fn load_rules(dir: Option<&PathBuf>) -> Result<RuleSet, ExitCode> {
    let loaded = match dir {
        Some(d) => RuleSet::from_dir(d),
        None => RuleSet::embedded().map_err(|e| RuleSetError::Source(Box::new(e))),
    };
    loaded.map_err(|e| {
        match e {
            RuleSetError::Io(msg) => eprintln!("error: {msg}"),
            RuleSetError::Source(err) => eprintln!("{:?}", miette::Report::new(*err)),
        }
        ExitCode::from(EXIT_ERROR)
    })
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_FILE_SIZE as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(buf);
    }
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

fn run_timeline(args: TimelineArgs) -> ExitCode {
    let opts = ReadOptions {
        published: args.published,
        lang: args.lang,
        format: None,
    };
    let name = if args.path == "-" {
        "<stdin>"
    } else {
        args.path.as_str()
    };
    let doc = match read_input(&args.path)
        .map_err(|e| e.to_string())
        .and_then(|b| {
            Document::from_bytes(name, &b, &opts).map_err(|e| match e {
                DocumentError::Source(e) => format!("{:?}", miette::Report::new(e)),
                other => other.to_string(),
            })
        }) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {name}: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let (_, temporals) = factlint::check::extract(&doc);
    let rows = report::timeline::entries(&doc, &temporals);
    match args.format {
        Format::Human => print_out(&report::timeline::table(&doc, &rows)),
        Format::Json => {
            let v = serde_json::json!({
                "path": args.path,
                "published": doc.published.as_ref().map(|p| p.date.to_string()),
                "language": doc.lang_code,
                "expressions": rows,
            });
            print_out(&format!(
                "{}\n",
                serde_json::to_string_pretty(&v).expect("serialises")
            ))
        }
    }
}

fn check_one(path: &str, opts: &ReadOptions, rules: &RuleSet) -> FileReport {
    let fail =
        |message: String, located: Option<Box<factlint::source_error::SourceError>>| FileReport {
            path: path.to_string(),
            text: None,
            published: None,
            language: opts.lang.clone().unwrap_or_default(),
            diagnostics: Vec::new(),
            error: Some(FileError { message, located }),
        };
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => return fail(e, None),
    };
    let name = if path == "-" { "<stdin>" } else { path };
    let doc = match Document::from_bytes(name, &bytes, opts) {
        Ok(d) => d,
        Err(DocumentError::Input(e)) => return fail(e.to_string(), None),
        Err(DocumentError::Source(e)) => return fail(e.message.clone(), Some(Box::new(e))),
    };
    let outcome = check(&doc, rules);
    FileReport {
        path: path.to_string(),
        published: doc.published.clone(),
        language: doc.lang_code.clone(),
        diagnostics: outcome.diagnostics,
        text: Some(doc.text),
        error: None,
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let rules = match load_rules(args.rules.as_ref()) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let opts = ReadOptions {
        published: args.published,
        lang: args.lang.clone(),
        format: None,
    };
    let reports: Vec<FileReport> = args
        .paths
        .iter()
        .map(|p| check_one(p, &opts, &rules))
        .collect();
    let summary = Summary::of(&reports);
    let out = match args.format {
        Format::Json => {
            for r in &reports {
                if let Some(e) = &r.error {
                    eprintln!("error: {}: {}", r.path, e.message);
                }
            }
            report::json::render(&reports)
        }
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                        && std::io::stdout().is_terminal()
                }
            };
            let style = report::human::Style { color, width: 100 };
            let mut s = String::new();
            for r in &reports {
                s.push_str(&report::human::render_file(r, style));
            }
            s.push_str(&report::human::summary_line(&summary));
            s.push('\n');
            s
        }
    };
    let printed = print_out(&out);
    if printed != ExitCode::from(EXIT_CLEAN) {
        return printed;
    }
    if summary.input_errors > 0 {
        return ExitCode::from(EXIT_ERROR);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .any(|d| d.severity >= t)
    });
    ExitCode::from(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}
