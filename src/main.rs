//! The `factlint` command: a thin shell over the library.

use std::io::{BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use factlint::config::{Config, ConfigError, FailOn};
use factlint::diagnostics::Severity;
use factlint::document::{Document, DocumentError, ReadOptions};
use factlint::facts::{Facts, FactsError};
use factlint::report::{self, human::Style, FileReport, Reporter, Summary};
use factlint::rules::{RuleSet, RuleSetError};
use factlint::walk::{self, Filter, Input};

/// Exit code: nothing at or above the fail level.
const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the fail level.
const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage or input error.
const EXIT_ERROR: u8 = 2;

/// Files checked in parallel before their results are written: bounds memory.
const CHUNK: usize = 256;

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
    /// Check articles (files, directories, lists) and report contradictions.
    Check(CheckArgs),
    /// Show every temporal expression extracted, its value and the predicate it anchors.
    Timeline(TimelineArgs),
    /// List the rules.
    Rules(ConfigArgs),
    /// Print a rule's documentation with examples.
    Explain {
        /// Rule id, e.g. temporal/weekday-mismatch.
        rule: String,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Print the effective configuration.
    Config(ConfigArgs),
    /// Serve the editor's page and its JSON API (loopback only unless told otherwise).
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:7878")]
        addr: String,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Measure factlint on third-party data (see docs/quality.md).
    Eval {
        /// What the file holds.
        #[arg(value_enum)]
        kind: EvalKind,
        /// The JSONL file (for `speed`, a file or a folder of them).
        path: String,
    },
}

#[derive(clap::Args, Clone)]
struct ConfigArgs {
    /// Configuration file (default: factlint.toml here or in a parent directory).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore any factlint.toml.
    #[arg(long)]
    no_config: bool,
    /// Load rules from this directory instead of the embedded set.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Facts file(s) of the newsroom (added to the configuration's `facts`).
    #[arg(long, value_name = "FILE")]
    facts: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Publication date (wins over front matter, header and configuration).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// Language code (wins over front matter, configuration and detection): ru, uk, en.
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Lowest severity that makes the exit code 1 [default: error, or the configuration's].
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Colours in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Read the paths to check from FILE, one per line (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    files_from: Option<String>,
    /// Check only article files git reports changed since REV (and untracked ones).
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
    /// Batch mode: read one JSON document per line from the single PATH (`-`: standard input)
    /// and write one JSON result per line.
    #[arg(long)]
    jsonl: bool,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(clap::Args)]
struct TimelineArgs {
    /// The article; `-` reads standard input.
    #[arg(value_name = "PATH")]
    path: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Human)]
    format: TimelineFormat,
    /// Publication date (wins over front matter and header).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// Language code (wins over front matter and detection).
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Facts file(s): their mentions are listed too.
    #[arg(long, value_name = "FILE")]
    facts: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum EvalKind {
    /// Real news: every diagnostic raised is listed, with a count per 100 articles.
    News,
    /// A Duckling corpus: exact agreement on calendar phrases (time) or on count and unit
    /// (duration).
    Duckling,
    /// A TimeML corpus (TempEval-3, WikiWarsUA): TIMEX3 F1, value F1, event tense.
    Timeml,
    /// dateparser's ru/uk test phrases: dates of single phrases and of dates in sentences.
    Dateparser,
    /// Speed on news JSONL (a file or a folder of them): extraction and whole-check
    /// throughput in MB/s on one core, and peak memory. A benchmark, not a test.
    Speed,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
    Sarif,
    Github,
    Short,
}

#[derive(Clone, Copy, ValueEnum)]
enum TimelineFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
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

/// An error that ends the run with exit code 2, already printed.
struct Fatal;

fn fatal(msg: impl std::fmt::Display) -> Fatal {
    eprintln!("error: {msg}");
    Fatal
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Timeline(args) => run_timeline(args),
        Command::Rules(c) => setup(&c).and_then(|(_, set, _)| {
            let mut out = String::new();
            for r in &set.rules {
                out.push_str(&format!(
                    "{:<45} {:<8} {:<9} {}\n",
                    r.id,
                    r.severity.as_str(),
                    r.languages.join(","),
                    r.summary
                ));
            }
            print_out(&out)
        }),
        Command::Explain { rule, config } => {
            setup(&config).and_then(|(_, set, _)| match set.get(&rule) {
                Some(r) => print_out(&explain(r)),
                None => Err(fatal(format!(
                    "no rule `{rule}`; `factlint rules` lists them"
                ))),
            })
        }
        Command::Config(c) => setup(&c).and_then(|(config, _, _)| print_out(&config.to_toml())),
        Command::Serve { addr, config } => setup(&config).and_then(|(config, rules, facts)| {
            let opts = ReadOptions {
                keys: config.front_matter.clone(),
                config_published: config.published,
                config_lang: config.lang.clone(),
                ..ReadOptions::default()
            };
            let state = factlint::serve::State { rules, opts, facts };
            let workers = std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .max(2);
            factlint::serve::serve(&addr, state, workers, |bound| {
                eprintln!("factlint: serving the editor's page on http://{bound}/ (Ctrl-C stops)");
            })
            .map(|()| EXIT_CLEAN)
            .map_err(fatal)
        }),
        Command::Eval { kind, path } => setup(&ConfigArgs {
            config: None,
            no_config: true,
            rules: None,
            facts: Vec::new(),
        })
        .and_then(|(_, rules, _)| {
            let mut out = std::io::stdout().lock();
            match kind {
                EvalKind::News => factlint::eval::news(&path, &rules, &mut out).map_err(fatal),
                EvalKind::Duckling => factlint::eval::duckling(&path, &mut out).map_err(fatal),
                EvalKind::Timeml => factlint::eval::timeml(&path, &mut out).map_err(fatal),
                EvalKind::Dateparser => factlint::eval::dateparser(&path, &mut out).map_err(fatal),
                EvalKind::Speed => factlint::eval::speed(&path, &rules, &mut out).map_err(fatal),
            }
            .map(|_| EXIT_CLEAN)
        }),
    };
    ExitCode::from(result.unwrap_or(EXIT_ERROR))
}

fn print_out(s: &str) -> Result<u8, Fatal> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(EXIT_CLEAN),
        // A closed pipe (`factlint … | head`) is not an error of ours.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(EXIT_CLEAN),
        Err(e) => Err(fatal(format!("writing output: {e}"))),
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
    if r.check.needs_facts() {
        s.push_str("\nThe examples are checked against facts/example.toml.\n");
    }
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

/// Loads the configuration (explicit, found by walking up, or none), the rule set it
/// configures and the facts files it and the flags name.
fn setup(args: &ConfigArgs) -> Result<(Config, RuleSet, Facts), Fatal> {
    let config = if args.no_config {
        Config::default()
    } else {
        let path = match &args.config {
            Some(p) => Some(p.clone()),
            None => std::env::current_dir().ok().and_then(|d| Config::find(&d)),
        };
        match path {
            Some(p) => Config::load(&p).map_err(|e| match e {
                ConfigError::Io(msg) => fatal(msg),
                ConfigError::Source(err) => {
                    eprintln!("{:?}", miette::Report::new(*err));
                    Fatal
                }
            })?,
            None => Config::default(),
        }
    };
    let dir = args.rules.clone().or_else(|| config.rules_dir.clone());
    let loaded = match &dir {
        Some(d) => RuleSet::from_dir(d),
        None => RuleSet::embedded().map_err(|e| RuleSetError::Source(Box::new(e))),
    };
    let mut set = loaded.map_err(|e| match e {
        RuleSetError::Io(msg) => fatal(msg),
        RuleSetError::Source(err) => {
            eprintln!("{:?}", miette::Report::new(*err));
            Fatal
        }
    })?;
    config.configure(&mut set).map_err(|e| {
        eprintln!("{:?}", miette::Report::new(e));
        Fatal
    })?;
    let files: Vec<PathBuf> = config.facts.iter().chain(&args.facts).cloned().collect();
    let facts = Facts::load(&files).map_err(|e| match e {
        FactsError::Io(msg) => fatal(msg),
        FactsError::Source(err) => {
            eprintln!("{:?}", miette::Report::new(*err));
            Fatal
        }
    })?;
    Ok((config, set, facts))
}

/// Writes to a file atomically (a temporary file beside it, renamed over it when complete),
/// or to standard output.
enum Sink {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File {
        tmp: PathBuf,
        dest: PathBuf,
        file: std::io::BufWriter<std::fs::File>,
    },
}

impl Sink {
    fn open(dest: Option<&Path>) -> Result<Sink, Fatal> {
        match dest {
            None => Ok(Sink::Stdout(std::io::BufWriter::new(std::io::stdout()))),
            Some(dest) => {
                let dir = dest
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let name = dest
                    .file_name()
                    .ok_or_else(|| fatal(format!("{}: not a file name", dest.display())))?;
                let tmp = dir.join(format!(
                    ".{}.{}.tmp",
                    name.to_string_lossy(),
                    std::process::id()
                ));
                let file = std::fs::File::create(&tmp)
                    .map_err(|e| fatal(format!("{}: {e}", tmp.display())))?;
                Ok(Sink::File {
                    tmp,
                    dest: dest.to_path_buf(),
                    file: std::io::BufWriter::new(file),
                })
            }
        }
    }

    fn commit(self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(mut s) => s.flush(),
            Sink::File { tmp, dest, file } => {
                let f = file.into_inner().map_err(|e| e.into_error())?;
                f.sync_all()?;
                std::fs::rename(&tmp, &dest)
            }
        }
    }

    fn abandon(self) {
        if let Sink::File { tmp, .. } = self {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(s) => s.write(buf),
            Sink::File { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::File { file, .. } => file.flush(),
        }
    }
}

fn run_check(args: CheckArgs) -> Result<u8, Fatal> {
    let (config, rules, facts) = setup(&args.config)?;
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(fatal)?;
    }
    let opts = ReadOptions {
        published: args.published,
        lang: args.lang.clone(),
        format: None,
        keys: config.front_matter.clone(),
        config_published: config.published,
        config_lang: config.lang.clone(),
    };
    let fail_on = match args.fail_on {
        Some(FailOnArg::Error) => FailOn::Error,
        Some(FailOnArg::Warning) => FailOn::Warning,
        Some(FailOnArg::Info) => FailOn::Info,
        Some(FailOnArg::Never) => FailOn::Never,
        None => config.fail_on,
    };
    let mut sink = Sink::open(args.output.as_deref())?;
    let result = if args.jsonl {
        run_batch(&args, &opts, &rules, &facts, &mut sink)
    } else {
        run_files(&args, &config, &opts, &rules, &facts, &mut sink)
    };
    let summary = match result {
        Ok(r) => r,
        Err(e) => {
            sink.abandon();
            return Err(e);
        }
    };
    match sink.commit() {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(fatal(format!("writing the report: {e}"))),
    }
    if summary.input_errors > 0 {
        return Ok(EXIT_ERROR);
    }
    let failing = match fail_on.threshold() {
        Some(Severity::Error) => summary.errors > 0,
        Some(Severity::Warning) => summary.errors + summary.warnings > 0,
        Some(Severity::Info) => summary.errors + summary.warnings + summary.infos > 0,
        None => false,
    };
    Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

fn run_batch(
    args: &CheckArgs,
    opts: &ReadOptions,
    rules: &RuleSet,
    facts: &Facts,
    sink: &mut Sink,
) -> Result<Summary, Fatal> {
    let [path] = args.paths.as_slice() else {
        return Err(fatal("--jsonl reads one input: a file or `-`"));
    };
    let summary = if path == "-" {
        factlint::batch::run(std::io::stdin().lock(), &mut *sink, opts, rules, facts)
    } else {
        let f = std::fs::File::open(path).map_err(|e| fatal(format!("{path}: {e}")))?;
        factlint::batch::run(BufReader::new(f), &mut *sink, opts, rules, facts)
    }
    .map_err(|e| fatal(format!("batch: {e}")))?;
    Ok(summary)
}

fn run_files(
    args: &CheckArgs,
    config: &Config,
    opts: &ReadOptions,
    rules: &RuleSet,
    facts: &Facts,
    sink: &mut Sink,
) -> Result<Summary, Fatal> {
    let filter = Filter::new(&config.include, &config.exclude).map_err(fatal)?;
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        let text = if list == "-" {
            std::io::read_to_string(std::io::stdin())
                .map_err(|e| fatal(format!("standard input: {e}")))?
        } else {
            std::fs::read_to_string(list).map_err(|e| fatal(format!("{list}: {e}")))?
        };
        paths.extend(walk::from_list(&text));
    }
    let inputs: Vec<Input> = match &args.changed_since {
        Some(rev) => {
            let changed = walk::changed_since(rev, &filter).map_err(fatal)?;
            let under = |p: &str| {
                paths.is_empty() || paths.iter().any(|root| Path::new(p).starts_with(root))
            };
            changed
                .into_iter()
                .filter(|p| under(p))
                .map(Input::Path)
                .collect()
        }
        None if paths.is_empty() && args.files_from.is_none() => {
            return Err(fatal(
                "nothing to check: give files, directories, `-`, --files-from or --changed-since",
            ));
        }
        None => walk::expand(&paths, &filter),
    };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && args.output.is_none()
                && std::io::stdout().is_terminal()
        }
    };
    let format = match args.format {
        OutputFormat::Human => report::Format::Human,
        OutputFormat::Json => report::Format::Json,
        OutputFormat::Sarif => report::Format::Sarif,
        OutputFormat::Github => report::Format::Github,
        OutputFormat::Short => report::Format::Short,
    };
    let io = |e: std::io::Error| fatal(format!("writing the report: {e}"));
    let mut reporter =
        Reporter::new(&mut *sink, format, Style { color, width: 100 }, rules).map_err(io)?;
    // The worker pool checks chunk N+1 while this thread writes chunk N; the channel holds
    // one finished chunk, so at most three chunks are in memory.
    let written = std::thread::scope(|scope| -> Result<(), Fatal> {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<FileReport>>(1);
        scope.spawn(move || {
            for chunk in inputs.chunks(CHUNK) {
                let reports = chunk
                    .par_iter()
                    .map(|i| factlint::run::check_input(i, opts, rules, facts))
                    .collect();
                if send.send(reports).is_err() {
                    break; // the writer stopped (a closed pipe)
                }
            }
        });
        'chunks: for reports in receive {
            for r in &reports {
                if let (
                    Some(e),
                    report::Format::Json | report::Format::Sarif | report::Format::Github,
                ) = (&r.error, format)
                {
                    eprintln!("error: {}: {}", r.path, e.message);
                }
                match reporter.file(r) {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break 'chunks,
                    other => other.map_err(io)?,
                }
            }
        }
        Ok(())
    });
    written?;
    let summary = reporter
        .finish()
        .or_else(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                Ok(Summary::default())
            } else {
                Err(e)
            }
        })
        .map_err(io)?;
    Ok(summary)
}

fn run_timeline(args: TimelineArgs) -> Result<u8, Fatal> {
    let opts = ReadOptions {
        published: args.published,
        lang: args.lang,
        ..ReadOptions::default()
    };
    let input = if args.path == "-" {
        Input::Stdin
    } else {
        Input::Path(args.path.clone())
    };
    let name = if args.path == "-" {
        "<stdin>"
    } else {
        args.path.as_str()
    };
    let bytes = factlint::run::read(&input).map_err(|e| fatal(format!("{name}: {e}")))?;
    let doc = Document::from_bytes(name, &bytes, &opts).map_err(|e| match e {
        DocumentError::Source(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            Fatal
        }
        other => fatal(format!("{name}: {other}")),
    })?;
    let facts = Facts::load(&args.facts).map_err(|e| match e {
        FactsError::Io(msg) => fatal(msg),
        FactsError::Source(err) => {
            eprintln!("{:?}", miette::Report::new(*err));
            Fatal
        }
    })?;
    let (_, claims) = factlint::check::extract(&doc, &facts);
    let rows = report::timeline::entries(
        &doc,
        &claims.temporals,
        &claims.durations,
        &claims.references,
        &claims.recurrences,
    );
    match args.format {
        TimelineFormat::Human => print_out(&report::timeline::table(&doc, &rows)),
        TimelineFormat::Json => {
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
