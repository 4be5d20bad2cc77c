//! factlint on an article repository, as CI runs it: a git repository with articles, a
//! configuration, suppressions and a change.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .args(args)
        .output()
        .unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn validate(schema_file: &str, v: &serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(schema_file);
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(v)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema_file}: {errors:?}\n{v:#}");
}

const WEEKDAY_SLIP: &str = "---\ndate: 2026-01-05\n---\n# Саммит\n\nВо вторник, 7 января 2026 года, лидеры соберутся в Париже.\n";
const CLEAN: &str =
    "---\ndate: 2026-01-06\n---\nВо вторник, 6 января, лидеры собрались в Париже.\n";
const SUPPRESSED: &str = "---\ndate: 2026-02-19\n---\n<!-- factlint-disable-next-line temporal/relative-date-mismatch -->\nВчера, 17 февраля, парламент принял закон.\n\n<!-- factlint-disable temporal/reversed-range -->\nВыставка будет работать с 15 по 12 мая.\n<!-- factlint-enable temporal/reversed-range -->\n\n<!-- factlint-disable-next-line temporal/weekday-mismatch -->\nЭтот абзац в порядке.\n";
const FILE_DISABLED: &str = "---\ndate: 2026-05-06\nfactlint-disable: [temporal/impossible-date]\n---\nСоглашение подписали 31 апреля.\n";

fn repo() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::create_dir_all(p.join("articles/2026")).unwrap();
    std::fs::create_dir_all(p.join("drafts")).unwrap();
    std::fs::write(p.join("articles/2026/weekday.md"), WEEKDAY_SLIP).unwrap();
    std::fs::write(p.join("articles/2026/clean.md"), CLEAN).unwrap();
    std::fs::write(p.join("articles/suppressed.md"), SUPPRESSED).unwrap();
    std::fs::write(p.join("articles/disabled.md"), FILE_DISABLED).unwrap();
    std::fs::write(p.join("articles/notes.html"), "<p>31 апреля</p>").unwrap();
    std::fs::write(
        p.join("drafts/wip.md"),
        "---\ndate: 2026-05-06\n---\nПодписали 31 апреля.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("articles/ignored.md"),
        "---\ndate: 2026-05-06\n---\nПодписали 31 апреля.\n",
    )
    .unwrap();
    std::fs::write(p.join(".gitignore"), "articles/ignored.md\n").unwrap();
    std::fs::write(p.join("factlint.toml"), "exclude = [\"drafts/**\"]\n[rules.\"document/missing-publication-date\"]\nseverity = \"warning\"\n").unwrap();
    git(p, &["init", "-q"]);
    git(p, &["add", "-A"]);
    git(p, &["commit", "-qm", "articles"]);
    d
}

#[test]
fn walks_the_tree_with_config_ignores_and_suppressions() {
    let d = repo();
    let o = factlint(d.path(), &["check", "--format", "short", "."]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    // Only the weekday slip and the unused suppression remain: drafts/ is excluded by the
    // config, ignored.md by .gitignore, notes.html by the globs, the rest suppressed.
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("./articles/2026/weekday.md:6:1: error temporal/weekday-mismatch:"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("./articles/suppressed.md:11:1: warning suppression/unused:"),
        "{text}"
    );
    // Human output ends with a summary line.
    let human = out(&factlint(d.path(), &["check", "articles"]));
    assert!(
        human
            .trim_end()
            .ends_with("1 error, 1 warning in 2 of 4 files"),
        "{human}"
    );
}

#[test]
fn every_output_format_and_exit_code() {
    let d = repo();
    let p = d.path();
    let json = factlint(p, &["check", "--format", "json", "articles"]);
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    validate("contract/report.schema.json", &v);
    assert_eq!(v["summary"]["files"], 4);
    assert_eq!(v["summary"]["errors"], 1);

    let sarif = factlint(p, &["check", "--format", "sarif", "articles"]);
    assert_eq!(sarif.status.code(), Some(1));
    let s: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    validate("tests/schemas/sarif-schema-2.1.0.json", &s);
    let results = s["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["ruleId"], "temporal/weekday-mismatch");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        6
    );
    assert!(
        results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
            == "В среду"
    );

    let gh = out(&factlint(p, &["check", "--format", "github", "articles"]));
    assert!(gh.starts_with("::error file=articles/2026/weekday.md,line=6,col=1,endLine=6,endColumn=11,title=temporal/weekday-mismatch::"), "{gh}");
    assert!(
        gh.contains("::warning file=articles/suppressed.md,line=11"),
        "{gh}"
    );

    assert_eq!(
        factlint(p, &["check", "articles/2026/clean.md"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        factlint(
            p,
            &["check", "--fail-on", "warning", "articles/suppressed.md"]
        )
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        factlint(p, &["check", "articles/suppressed.md"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        factlint(p, &["check", "articles/missing.md"]).status.code(),
        Some(2)
    );
}

#[test]
fn changed_since_checks_only_the_change() {
    let d = repo();
    let p = d.path();
    std::fs::write(
        p.join("articles/2026/clean.md"),
        CLEAN.replace("6 января", "8 января 2026 года"),
    )
    .unwrap();
    std::fs::write(
        p.join("articles/new.md"),
        "---\ndate: 2026-05-06\n---\nВыставка пройдет с 15 по 12 мая.\n",
    )
    .unwrap();
    let o = factlint(
        p,
        &["check", "--format", "short", "--changed-since", "HEAD"],
    );
    let text = out(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    let mut files: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap()).collect();
    files.dedup();
    assert_eq!(
        files,
        ["articles/2026/clean.md", "articles/new.md"],
        "{text}"
    );
    let bad = factlint(p, &["check", "--changed-since", "no-such-rev"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn files_from_and_batch_mode() {
    let d = repo();
    let p = d.path();
    std::fs::write(
        p.join("list.txt"),
        "articles/2026/weekday.md\n\narticles/2026/clean.md\n",
    )
    .unwrap();
    let o = factlint(
        p,
        &["check", "--format", "short", "--files-from", "list.txt"],
    );
    assert_eq!(out(&o).lines().count(), 1);

    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(p)
        .args(["check", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = concat!(
        r#"{"id": "a", "text": "Вчера, 17 февраля, парламент принял закон.", "published": "2026-02-19", "lang": "ru"}"#,
        "\n",
        r#"{"id": 2, "text": "Во вторник, 6 января, лидеры собрались.", "published": "2026-01-06"}"#,
        "\n",
        "not json\n",
        r#"{"id": "d", "text": "x", "published": "2026-99-01"}"#,
        "\n",
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(
        lines[0]["diagnostics"][0]["rule"],
        "temporal/relative-date-mismatch"
    );
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["diagnostics"].as_array().unwrap().len(), 0);
    assert!(lines[2]["error"].as_str().unwrap().contains("line 3"));
    assert!(lines[3]["error"].as_str().unwrap().contains("published"));
}

#[test]
fn config_is_found_printed_and_checked() {
    let d = repo();
    let p = d.path();
    std::fs::create_dir_all(p.join("articles/deep")).unwrap();
    let printed = out(&factlint(&p.join("articles/deep"), &["config"]));
    assert!(
        printed.contains("factlint.toml")
            && printed.contains("drafts/**")
            && printed.contains("severity = \"warning\""),
        "{printed}"
    );
    std::fs::write(p.join("factlint.toml"), "fail-on = \"sometimes\"\n").unwrap();
    let bad = factlint(p, &["check", "articles"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("factlint.toml") && err.contains("sometimes"),
        "{err}"
    );
    std::fs::write(
        p.join("factlint.toml"),
        "[rules.\"temporal/nope\"]\nenabled = false\n",
    )
    .unwrap();
    let err = String::from_utf8_lossy(&factlint(p, &["check", "articles"]).stderr).to_string();
    assert!(err.contains("no rule `temporal/nope`"), "{err}");
    assert_eq!(
        factlint(p, &["check", "--no-config", "articles/2026/clean.md"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn output_file_is_written_whole() {
    let d = repo();
    let p = d.path();
    let o = factlint(
        p,
        &[
            "check",
            "--format",
            "json",
            "--output",
            "report.json",
            "articles",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("report.json")).unwrap()).unwrap();
    assert_eq!(v["summary"]["files"], 4);
    let leftovers: Vec<_> = std::fs::read_dir(p)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let d = repo();
    let one = factlint(
        d.path(),
        &["check", "--format", "json", "--threads", "1", "."],
    );
    let two = factlint(
        d.path(),
        &["check", "--format", "json", "--threads", "2", "."],
    );
    assert_eq!(one.stdout, two.stdout);
}
