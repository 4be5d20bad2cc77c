//! The bad-input corpus: every odd file ends in a correct result or a clear error naming the
//! file (exit 2 only for that file's trouble), never a panic and never a hang.
//!
//! Bounds: files over 64 MiB are refused before they are read; a file is read once and
//! scanned in linear passes; each time expression looks at most 40 tokens and 3 clauses
//! around it. Every run here is killed after 30 s (a hang fails the test).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs factlint with a watchdog.
fn factlint(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let (mut o, mut e) = (String::new(), String::new());
        let _ = out.read_to_string(&mut o);
        let _ = err.read_to_string(&mut e);
        (o, e)
    });
    let start = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("factlint {args:?} did not finish within 30 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let (stdout, stderr) = reader.join().unwrap();
    assert!(
        !stderr.contains("panicked"),
        "factlint {args:?} panicked:\n{stderr}"
    );
    Run {
        code,
        stdout,
        stderr,
    }
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn json(r: &Run) -> serde_json::Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// Checks one file in JSON mode: (exit code, diagnostics' rules, error).
fn check(path: &str, extra: &[&str]) -> (Option<i32>, Vec<String>, Option<String>) {
    let mut args = vec!["check", "--no-config", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(path);
    let r = factlint(&args);
    let v = json(&r);
    let f = &v["files"][0];
    let rules = f["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    (r.code, rules, f["error"].as_str().map(String::from))
}

#[test]
fn unreadable_files_are_clear_errors() {
    let d = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.md", b"", "empty"),
        ("invalid.md", b"\xd0\x92\xd1 \xff", "not valid UTF-8"),
        ("utf16.md", b"\xff\xfe-\x00-\x00", "UTF-16"),
        ("utf16be.md", b"\xfe\xff\x00-", "UTF-16"),
        ("nul.md", "Текст\0текст".as_bytes(), "binary"),
        (
            "binary.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary",
        ),
        (
            "unterminated.md",
            b"---\ndate: 2026-01-06\ntitle: x\n",
            "never closed",
        ),
        (
            "not-a-mapping.md",
            b"---\n[1, 2, 3]\n---\ntext\n",
            "mapping",
        ),
        (
            "zero-date.md",
            b"---\ndate: 0000-00-00\n---\ntext\n",
            "not a date",
        ),
        (
            "nines-date.md",
            b"---\ndate: 9999-99-99\n---\ntext\n",
            "not a date",
        ),
        (
            "toml-bad.md",
            b"+++\ndate = \n+++\ntext\n",
            "malformed TOML",
        ),
    ];
    for (name, bytes, needle) in cases {
        let p = file(d.path(), name, bytes);
        let (code, rules, error) = check(&p, &[]);
        assert_eq!(code, Some(2), "{name}");
        assert!(rules.is_empty(), "{name}");
        let error = error.unwrap_or_else(|| panic!("{name}: no error"));
        assert!(error.contains(needle), "{name}: {error}");
    }
}

#[test]
fn only_front_matter_is_a_clean_article() {
    let d = tempfile::tempdir().unwrap();
    let p = file(d.path(), "fm.md", b"---\ndate: 2026-01-06\nlang: ru\n---\n");
    assert_eq!(check(&p, &[]), (Some(0), vec![], None));
}

#[test]
fn impossible_and_extreme_dates_in_the_text() {
    let d = tempfile::tempdir().unwrap();
    let p = file(d.path(), "a.md", "---\ndate: 2026-01-06\n---\nЭто случилось 32 января и 29 февраля 2025 года.\n\nВ 0 году и в 10000 году ничего не было.\n".as_bytes());
    let (code, rules, error) = check(&p, &[]);
    assert_eq!((code, error), (Some(1), None));
    assert_eq!(
        rules,
        ["temporal/impossible-date", "temporal/impossible-date"]
    );
    // Publication dates at the ends of the calendar chrono reads.
    for published in ["0001-01-01", "0000-01-01", "9999-12-31"] {
        let (code, _, error) = check(&p, &["--published", published]);
        assert!(
            matches!(code, Some(0 | 1)) && error.is_none(),
            "{published}"
        );
    }
}

#[test]
fn line_ends_and_bom_keep_offsets_exact() {
    let d = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "cr.txt",
            "Первая строка.\rВчера, 17 февраля, парламент принял закон.\r",
        ),
        (
            "crlf.txt",
            "Первая строка.\r\nВчера, 17 февраля, парламент принял закон.\r\n",
        ),
        (
            "bom.txt",
            "\u{feff}Первая строка.\nВчера, 17 февраля, парламент принял закон.\n",
        ),
    ] {
        let p = file(d.path(), name, text.as_bytes());
        let r = factlint(&[
            "check",
            "--no-config",
            "--format",
            "json",
            "--published",
            "2026-02-19",
            "--lang",
            "ru",
            &p,
        ]);
        let v = json(&r);
        let l = &v["files"][0]["diagnostics"][0]["labels"][0];
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text.as_bytes()[s..e], "17 февраля".as_bytes(), "{name}");
        assert_eq!(
            (l["line"].as_u64(), l["column"].as_u64()),
            (Some(2), Some(8)),
            "{name}"
        );
    }
}

#[test]
fn a_100_mb_file_is_refused_without_reading_it() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("huge.md");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: no 100 MB written to disk
    let good = file(
        d.path(),
        "good.md",
        "---\ndate: 2026-05-06\n---\nПодписали 31 апреля.\n".as_bytes(),
    );
    let r = factlint(&[
        "check",
        "--no-config",
        "--format",
        "json",
        p.to_str().unwrap(),
        &good,
    ]);
    assert_eq!(r.code, Some(2));
    let v = json(&r);
    assert!(v["files"][0]["error"]
        .as_str()
        .unwrap()
        .contains("over the limit"));
    assert_eq!(
        v["files"][1]["diagnostics"][0]["rule"],
        "temporal/impossible-date"
    );
    assert!(r.stderr.contains("huge.md"));
}

#[test]
fn long_lines_deep_nesting_and_many_dates_finish() {
    let d = tempfile::tempdir().unwrap();
    // A 1 MB single line.
    let line = "слово ".repeat(100_000) + "31 апреля" + &" слово".repeat(80_000);
    let p = file(d.path(), "line.txt", line.as_bytes());
    assert_eq!(
        check(&p, &["--published", "2026-05-06"]).1,
        ["temporal/impossible-date"]
    );
    // Deeply nested Markdown: block quotes and lists.
    let nested = format!(
        "{} 31 апреля\n\n{}",
        ">".repeat(50_000),
        (0..5_000)
            .map(|i| format!("{}- 31 апреля\n", "  ".repeat(i)))
            .collect::<String>()
    );
    let p = file(d.path(), "nested.md", nested.as_bytes());
    let (code, _, error) = check(&p, &["--published", "2026-05-06"]);
    assert!(matches!(code, Some(0 | 1)) && error.is_none());
    // 10,000 dates in one paragraph, with and without punctuation between them.
    for sep in [", ", " "] {
        let many: Vec<String> = (0..10_000).map(|i| format!("{} мая", i % 31 + 1)).collect();
        let text = format!("Встречи прошли {}.", many.join(sep));
        let p = file(d.path(), "many.txt", text.as_bytes());
        let (code, _, error) = check(&p, &["--published", "2026-06-01"]);
        assert!(matches!(code, Some(0 | 1)) && error.is_none());
    }
}

#[test]
fn malformed_configuration_and_rules_are_errors_in_their_file() {
    let d = tempfile::tempdir().unwrap();
    let cfg = file(d.path(), "factlint.toml", b"lang = [\"ru\"]\n");
    let article = file(d.path(), "a.md", "Текст.".as_bytes());
    let r = factlint(&["check", "--config", &cfg, &article]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("factlint.toml") && r.stderr.contains("invalid type"),
        "{}",
        r.stderr
    );
    let rules = d.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    file(&rules, "r.toml", b"id = \"x/y\"\ncheck = \"telepathy\"\nseverity = \"error\"\nlanguages = [\"*\"]\nsummary = \"s\"\nmessage = \"m\"\n[docs]\nexplanation = \"e\"\n");
    let r = factlint(&[
        "check",
        "--no-config",
        "--rules",
        rules.to_str().unwrap(),
        &article,
    ]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("r.toml") && r.stderr.contains("telepathy"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_facts_file_with_overlapping_roles_is_an_error_in_it() {
    let d = tempfile::tempdir().unwrap();
    let facts = include_str!("../facts/example.toml").replace(
        "{ person = \"rutte\", from = \"2024-10-01\" }",
        "{ person = \"rutte\", from = \"2024-01-01\" }",
    );
    let f = file(d.path(), "facts.toml", facts.as_bytes());
    let article = file(
        d.path(),
        "a.md",
        "---\ndate: 2026-01-06\n---\nТекст.\n".as_bytes(),
    );
    let r = factlint(&["check", "--no-config", "--facts", &f, &article]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("facts.toml")
            && r.stderr.contains("overlap")
            && r.stderr.contains("rutte"),
        "{}",
        r.stderr
    );
}
