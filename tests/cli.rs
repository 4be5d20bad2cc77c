//! The `factlint` binary end to end: output formats, exit codes, bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_factlint"));
    c.env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
    c
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("contract/report.schema.json"),
    )
    .unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn assert_valid(v: &serde_json::Value) {
    let s = schema();
    let errors: Vec<String> = s
        .iter_errors(v)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "report does not match the schema: {errors:?}\n{v:#}"
    );
}

/// `factlint check --format json` of `text` given on standard input, with its publication
/// date and language as flags.
fn check_stdin(published: &str, lang: &str, text: &str) -> Output {
    let mut child = bin()
        .args([
            "check",
            "--format",
            "json",
            "--published",
            published,
            "--lang",
            lang,
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn tmp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    (dir, p)
}

#[test]
fn seed_renders_one_annotated_error() {
    let seed = fixture("seed/rbc-ukraine-2026-01-06.txt");
    let o = bin()
        .current_dir(seed.parent().unwrap())
        .args(["check", "rbc-ukraine-2026-01-06.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("seed_human", stdout(&o));
}

#[test]
fn corrected_seed_is_clean() {
    let o = run(&[
        "check",
        fixture("seed/rbc-ukraine-2026-01-06-corrected.txt")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 errors, 0 warnings in 0 of 1 file"));
}

#[test]
fn json_report_follows_the_contract() {
    let seed = fixture("seed/rbc-ukraine-2026-01-06.txt");
    let seed = seed.to_str().unwrap();
    let o = run(&["check", "--format", "json", seed]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_valid(&v);
    let file = &v["files"][0];
    assert_eq!(file["path"], seed);
    assert_eq!(file["published"], "2026-01-06");
    assert_eq!(file["published_source"], "header");
    assert_eq!(file["language"], "ru");
    let d = &file["diagnostics"][0];
    assert_eq!(d["rule"], "temporal/past-event-after-publication");
    assert_eq!(d["severity"], "error");
    let text = std::fs::read(seed).unwrap();
    for l in d["labels"].as_array().unwrap() {
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(l["text"].as_str().unwrap().as_bytes(), &text[s..e]);
    }
    let primary = &d["labels"][0];
    assert_eq!(primary["text"], "В конце декабря 2026 года");
    assert_eq!(primary["primary"], true);
    assert_eq!(
        (primary["line"].as_u64(), primary["column"].as_u64()),
        (Some(12), Some(1))
    );
    assert_eq!(d["labels"][1]["text"], "анонсировал");
    let fix = &d["fix"];
    let (s, e) = (
        fix["start"].as_u64().unwrap() as usize,
        fix["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], b"2026");
    assert_eq!(fix["replacement"], "2025");
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn flags_override_the_file_and_stdin_is_read() {
    let o = check_stdin(
        "2026-02-19",
        "ru",
        "Вчера, 17 февраля, парламент принял закон.",
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_valid(&v);
    assert_eq!(v["files"][0]["path"], "-");
    assert_eq!(v["files"][0]["published_source"], "flag");
    assert_eq!(
        v["files"][0]["diagnostics"][0]["rule"],
        "temporal/relative-date-mismatch"
    );
    assert_eq!(
        v["files"][0]["diagnostics"][0]["fix"]["replacement"],
        "18 февраля"
    );
}

#[test]
fn fail_on_sets_the_threshold() {
    let undated = fixture("ru/undated.md");
    let undated = undated.to_str().unwrap();
    assert_eq!(run(&["check", undated]).status.code(), Some(0));
    assert_eq!(
        run(&["check", "--fail-on", "info", undated]).status.code(),
        Some(1)
    );
    let seed = fixture("seed/rbc-ukraine-2026-01-06.txt");
    assert_eq!(
        run(&["check", "--fail-on", "never", seed.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--published", "2026-13-01", "x.md"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["explain", "no/such-rule"]).status.code(), Some(2));
}

#[test]
fn bad_input_is_a_clear_error_and_other_files_are_still_checked() {
    let good = fixture("seed/rbc-ukraine-2026-01-06.txt");
    let good = good.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.md", b"", "empty"),
        ("blank.md", b"  \n\n", "empty"),
        ("latin1.md", b"Caf\xe9 au lait", "not valid UTF-8"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\0\0\0", "binary"),
        ("utf16.md", b"\xff\xfea\0b\0", "UTF-16"),
        (
            "unterminated.md",
            b"---\ndate: 2026-01-06\n\n# Title\n",
            "never closed",
        ),
        (
            "badyaml.md",
            b"---\ndate: [2026\n---\ntext\n",
            "malformed YAML",
        ),
        (
            "baddate.md",
            b"---\ndate: 2026-02-30\n---\ntext\n",
            "not a date",
        ),
        ("list.md", b"---\n- a\n---\ntext\n", "mapping"),
    ];
    for (name, bytes, needle) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = run(&["check", "--format", "json", p.to_str().unwrap(), good]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let v = json(&o);
        assert_valid(&v);
        let err = v["files"][0]["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no error in {v}"));
        assert!(err.contains(needle), "{name}: {err}");
        assert_eq!(v["files"][0]["diagnostics"].as_array().unwrap().len(), 0);
        // The good file after it is still checked.
        assert_eq!(
            v["files"][1]["diagnostics"][0]["rule"],
            "temporal/past-event-after-publication"
        );
        assert!(
            !String::from_utf8_lossy(&o.stderr).contains("panicked"),
            "{name}"
        );
    }
    let missing = run(&["check", "/no/such/file.md"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stdout(&missing).contains("no such file"));
    // A directory is walked: every article in it is checked, the bad ones reported.
    let walked = run(&["check", "--format", "short", dir.path().to_str().unwrap()]);
    assert_eq!(walked.status.code(), Some(2));
    assert_eq!(
        stdout(&walked)
            .lines()
            .filter(|l| l.contains(": error: "))
            .count(),
        cases.len(),
        "{}",
        stdout(&walked)
    );
}

#[test]
fn malformed_front_matter_is_shown_in_the_file() {
    let (_d, p) = tmp("a.md", b"---\ntitle: x\ndate: 2026-02-30\n---\ntext\n");
    let o = run(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(
        out.contains("2026-02-30") && out.contains("expected YYYY-MM-DD"),
        "{out}"
    );
}

#[test]
fn bom_and_crlf_keep_offsets_exact() {
    let text = "\u{feff}---\r\ndate: 2026-02-19\r\n---\r\n\r\nВчера, 17 февраля, парламент принял закон.\r\n";
    let (_d, p) = tmp("crlf.md", text.as_bytes());
    let o = run(&["check", "--format", "json", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_valid(&v);
    let l = &v["files"][0]["diagnostics"][0]["labels"][0];
    let (s, e) = (
        l["start"].as_u64().unwrap() as usize,
        l["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text.as_bytes()[s..e], "17 февраля".as_bytes());
    assert_eq!(
        (l["line"].as_u64(), l["column"].as_u64()),
        (Some(5), Some(8))
    );
}

#[test]
fn toml_front_matter_and_markdown_code_are_handled() {
    let text = "+++\ndate = 2026-05-06\nlang = \"ru\"\n+++\n\n```\nс 15 по 12 мая\n```\n\nВ тексте `31 апреля` в коде не проверяется.\n";
    let (_d, p) = tmp("t.md", text.as_bytes());
    let o = run(&["check", "--format", "json", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(json(&o)["files"][0]["published_source"], "front-matter");
}

#[test]
fn a_malformed_rule_file_points_into_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "id = \"x/y\"\ncheck = \"no-such-check\"\nseverity = \"error\"\nlanguages = [\"ru\"]\nsummary = \"s\"\nmessage = \"m\"\n[docs]\nexplanation = \"e\"\n").unwrap();
    let o = run(&[
        "check",
        "--rules",
        dir.path().to_str().unwrap(),
        fixture("ru/undated.md").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("unknown check kind `no-such-check`") && err.contains("bad.toml"),
        "{err}"
    );
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        run(&["check", "--rules", empty.path().to_str().unwrap(), "x.md"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn rules_dir_replaces_the_embedded_set() {
    let dir = tempfile::tempdir().unwrap();
    let weekday = include_str!("../rules/temporal/weekday-mismatch.toml");
    std::fs::write(
        dir.path().join("weekday.toml"),
        weekday.replace("severity = \"error\"", "severity = \"warning\""),
    )
    .unwrap();
    let o = run(&[
        "check",
        "--format",
        "json",
        "--rules",
        dir.path().to_str().unwrap(),
        fixture("ru/weekday-mismatch.md").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["summary"]["warnings"], 3);
    assert_eq!(v["summary"]["errors"], 0);
}

#[test]
fn rules_and_explain_document_every_rule() {
    let list = stdout(&run(&["rules"]));
    for id in [
        "temporal/past-event-after-publication",
        "temporal/weekday-mismatch",
        "document/missing-publication-date",
    ] {
        assert!(list.contains(id), "{list}");
    }
    let ex = stdout(&run(&["explain", "temporal/reversed-range"]));
    assert!(
        ex.contains("Fires") && ex.contains("Stays silent") && ex.contains("с 15 по 12 мая"),
        "{ex}"
    );
}

#[test]
fn timeline_shows_values_and_predicates() {
    let o = run(&[
        "timeline",
        "--format",
        "json",
        fixture("seed/rbc-ukraine-2026-01-06.txt").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let rows = v["expressions"].as_array().unwrap();
    let dec = rows
        .iter()
        .find(|r| r["text"] == "В конце декабря 2026 года")
        .expect("the slip is extracted");
    assert_eq!(dec["start_date"], "2026-12-21");
    assert_eq!(dec["end_date"], "2026-12-31");
    assert_eq!(dec["grain"], "part-of-month");
    assert_eq!(dec["predicate"], "анонсировал");
    assert_eq!(dec["tense"], "past");
    let jan3 = rows.iter().find(|r| r["text"] == "3 января").unwrap();
    assert_eq!(
        (jan3["start_date"].as_str(), jan3["predicate"].as_str()),
        (Some("2026-01-03"), Some("прошли"))
    );
    let human = stdout(&run(&[
        "timeline",
        fixture("seed/rbc-ukraine-2026-01-06.txt").to_str().unwrap(),
    ]));
    assert!(
        human.contains("2026-12-21…2026-12-31") && human.contains("анонсировал (past)"),
        "{human}"
    );
}

/// The timeline rows (`--format json`) of an article written to a temporary file.
fn timeline_rows(article: &str) -> Vec<serde_json::Value> {
    let (_dir, path) = tmp("a.md", article.as_bytes());
    let v = json(&run(&[
        "timeline",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]));
    v["expressions"].as_array().unwrap().clone()
}

/// The row of `text` among `rows`.
fn row<'a>(rows: &'a [serde_json::Value], text: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| r["text"] == text)
        .unwrap_or_else(|| panic!("no «{text}» in {rows:?}"))
}

#[test]
fn timeline_reads_a_limit_set_by_a_past_act_as_the_nearest_one() {
    // A past act sets a limit still to come; the act's own time stays past.
    let rows = timeline_rows(
        "---\ndate: 2026-11-02\n---\nСрок продлили до 20 ноября. Выборы прошли 20 октября.\n",
    );
    assert_eq!(row(&rows, "до 20 ноября")["start_date"], "2026-11-20");
    assert_eq!(row(&rows, "20 октября")["start_date"], "2026-10-20");
    let rows = timeline_rows(
        "---\ndate: 1989-10-27\nlang: en\n---\nThe offer was extended to Nov. 16. The company \
         told customers Monday about the bugs. The curfew lasted until Oct. 20.\n",
    );
    assert_eq!(row(&rows, "to Nov. 16")["start_date"], "1989-11-16");
    // A bare weekday after the verb's object is the verb's: past, not the nearest.
    assert_eq!(row(&rows, "Monday")["start_date"], "1989-10-23");
    assert_eq!(row(&rows, "until Oct. 20")["start_date"], "1989-10-20");
    // The same with a part of the month after the preposition.
    let rows = timeline_rows(
        "---\ndate: 1999-02-10\n---\nГолосование перенесли на конец мая. В конце мая он \
         ушел.\n",
    );
    assert_eq!(row(&rows, "на конец мая")["start_date"], "1999-05-21");
    assert_eq!(row(&rows, "на конец мая")["role"], "for");
    assert_eq!(row(&rows, "В конце мая")["start_date"], "1998-05-21");
    let rows = timeline_rows(
        "---\ndate: 1999-02-10\nlang: en\n---\nThe accession was planned for early March.\n",
    );
    assert_eq!(row(&rows, "for early March")["start_date"], "1999-03-01");
}

#[test]
fn timeline_places_a_year_ago_in_a_quarterly_report_and_an_earlier_day_alone() {
    // The quarter reported on, named two sentences before, a year back.
    let rows = timeline_rows(
        "---\ndate: 1989-11-02\nlang: en\n---\nThird-quarter net income rose 5%. Sales were \
         flat. Revenue rose to $3 million from $2 million a year ago.\n",
    );
    assert_eq!(row(&rows, "a year ago")["start_date"], "1988-07-01");
    assert_eq!(row(&rows, "a year ago")["end_date"], "1988-09-30");
    // With no time before it, «днем ранее» counts back from publication.
    let rows = timeline_rows("---\ndate: 2018-07-09\n---\nДнем ранее министр ушел в отставку.\n");
    assert_eq!(row(&rows, "Днем ранее")["start_date"], "2018-07-08");
    // Nor with a time only further back.
    let rows = timeline_rows(
        "---\ndate: 1998-02-06\nlang: en\n---\nIn 1996 the plant closed. Jobs grew. Pay rose. \
         Wages were 3.8 percent higher than a year earlier.\n",
    );
    assert_eq!(row(&rows, "a year earlier")["start_date"], "1997-01-01");
}

#[test]
fn timeline_reads_the_latest_quarter_as_one_reported_on() {
    // A coming quarter named in between ("a fourth-quarter charge") is not the one the
    // report is on; "in the latest quarter" names the reported one again for "a year ago".
    let rows = timeline_rows(
        "---\ndate: 1989-11-02\nlang: en\n---\nThird-quarter net income rose 11%. The \
         earthquake will result in a fourth-quarter charge. Earnings fell 59% in the latest \
         quarter. In 1990 the company expects records. In the quarter, the unit lost $7 \
         million, against $3 million a year ago.\n",
    );
    assert_eq!(row(&rows, "fourth-quarter")["start_date"], "1989-10-01");
    assert_eq!(
        row(&rows, "in the latest quarter")["start_date"],
        "1989-07-01"
    );
    assert_eq!(row(&rows, "a year ago")["start_date"], "1988-07-01");
    assert_eq!(row(&rows, "a year ago")["end_date"], "1988-09-30");
}

#[test]
fn timeline_reads_a_part_of_a_day_counted_from_publication() {
    let rows = timeline_rows(
        "---\ndate: 2026-05-20\n---\nЭтим утром министр ушел. Прошлой ночью шел дождь.\n",
    );
    assert_eq!(row(&rows, "Этим утром")["start_date"], "2026-05-20");
    assert_eq!(row(&rows, "Этим утром")["day_part"], "morning");
    assert_eq!(row(&rows, "Прошлой ночью")["start_date"], "2026-05-19");
    assert_eq!(row(&rows, "Прошлой ночью")["day_part"], "night");
    let rows = timeline_rows(
        "---\ndate: 2026-05-20\nlang: en\n---\nThe minister resigned this morning. He will \
         speak tonight.\n",
    );
    assert_eq!(row(&rows, "this morning")["start_date"], "2026-05-20");
    assert_eq!(row(&rows, "this morning")["day_part"], "morning");
    assert_eq!(row(&rows, "tonight")["day_part"], "night");
    let rows =
        timeline_rows("---\ndate: 2026-05-20\nlang: uk\n---\nМинулої ночі ворог атакував.\n");
    assert_eq!(row(&rows, "Минулої ночі")["start_date"], "2026-05-19");
}

#[test]
fn timeline_lists_recurring_times_apart_from_dates() {
    let rows = timeline_rows(
        "---\ndate: 2026-05-20\n---\nМитинги проходили каждый вторник. Выборы проходят \
         каждые четыре года, отчеты публикуются ежемесячно.\n",
    );
    let every = |text: &str| row(&rows, text)["every"].clone();
    assert_eq!(every("каждый вторник"), serde_json::json!({"weekday": 2}));
    assert_eq!(
        every("каждые четыре года"),
        serde_json::json!({"units": {"count": 4.0, "unit": "year"}})
    );
    assert_eq!(
        every("ежемесячно"),
        serde_json::json!({"units": {"count": 1.0, "unit": "month"}})
    );
    // No one Tuesday, and no duration of four years.
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["kind"] == "recurrence"));
    let rows = timeline_rows(
        "---\ndate: 2026-05-20\nlang: en\n---\nThe festival opens each July. Prices are \
         updated daily.\n",
    );
    assert_eq!(
        row(&rows, "each July")["every"],
        serde_json::json!({"month": 7})
    );
    assert_eq!(row(&rows, "daily")["kind"], "recurrence");
    let rows = timeline_rows("---\ndate: 2026-05-20\nlang: uk\n---\nВибори відбуваються щороку.\n");
    assert_eq!(
        row(&rows, "щороку")["every"],
        serde_json::json!({"units": {"count": 1.0, "unit": "year"}})
    );
}

#[test]
fn timeline_places_the_full_year_by_the_period_reported_not_by_a_deadline() {
    let rows = timeline_rows(
        "---\ndate: 1989-10-30\nlang: en\n---\nIn the third quarter, profit fell. By 1992 the \
         company wants half the market. It forecast an increase for the full year. Growth \
         will continue into 1990.\n",
    );
    let r = row(&rows, "for the full year");
    assert_eq!(
        (&r["start_date"], &r["end_date"]),
        (&"1989-01-01".into(), &"1989-12-31".into())
    );
    assert_eq!(row(&rows, "into 1990")["role"], "to");
}

#[test]
fn timeline_places_that_year_and_the_same_day_by_the_date_before() {
    let rows = timeline_rows(
        "---\ndate: 2018-07-10\n---\nБорис Джонсон подал в отставку 9 июля. В тот же день \
         уволился Дэвид Дэвис. В 2014 году он переехал. В том же году он женился.\n",
    );
    assert_eq!(row(&rows, "В тот же день")["start_date"], "2018-07-09");
    assert_eq!(row(&rows, "В том же году")["start_date"], "2014-01-01");
    let rows = timeline_rows(
        "---\ndate: 2026-01-10\nlang: en\n---\nHe moved to Paris in 1995. That year he married.\n",
    );
    let that = row(&rows, "That year");
    assert_eq!(that["start_date"], "1995-01-01");
    // A story's next period counts from the date before it, or from publication.
    let rows = timeline_rows(
        "---\ndate: 2026-01-10\nlang: en\n---\nHe joined in 1995. The following year he left. \
         On March 3, 2025, he arrived. The following month he returned.\n",
    );
    assert_eq!(row(&rows, "The following year")["start_date"], "1996-01-01");
    assert_eq!(
        row(&rows, "The following month")["start_date"],
        "2025-04-01"
    );
    let rows = timeline_rows(
        "---\ndate: 2026-01-10\nlang: en\n---\nThe following month prices will rise.\n",
    );
    assert_eq!(
        row(&rows, "The following month")["start_date"],
        "2026-02-01"
    );
    // "that" opening the expression is no "said that".
    assert_eq!(that["reported"], false);
}

#[test]
fn timeline_gives_a_year_less_date_the_year_of_the_story_it_continues() {
    // News: only in the sentence of a year long past, and only for a past event.
    let rows = timeline_rows(
        "---\ndate: 2026-02-18\n---\nВ 2014 году протесты начались 21 ноября. Встреча \
         прошла 10 февраля. В 2014 году законы, принятые 16 января, отменили. В 2014 году \
         был принят закон, а 10 марта пройдут выборы. Вчера, 17 февраля, министр выступил.\n",
    );
    assert_eq!(row(&rows, "21 ноября")["start_date"], "2014-11-21");
    assert_eq!(row(&rows, "10 февраля")["start_date"], "2026-02-10");
    assert_eq!(row(&rows, "16 января")["start_date"], "2014-01-16");
    assert_eq!(row(&rows, "10 марта")["start_date"], "2026-03-10");
    assert_eq!(row(&rows, "17 февраля")["start_date"], "2026-02-17");
    // A history (years long past, nothing counted from publication): the story's year holds
    // until another is named.
    let rows = timeline_rows(
        "---\ndate: 2026-02-18\nlang: uk\n---\nУ 1918 році почалася війна. Армія \
         відступила. 5 травня укладено мир. У 1919 році бої відновилися. У 1920 році \
         настав мир. Бої 1921 року тривали. 12 серпня армія перейшла річку.\n",
    );
    assert_eq!(row(&rows, "5 травня")["start_date"], "1918-05-05");
    assert_eq!(row(&rows, "12 серпня")["start_date"], "1921-08-12");
}

#[test]
fn timeline_reads_a_fiscal_year_as_its_widest_span() {
    let rows = timeline_rows(
        "---\ndate: 1989-11-02\nlang: en\n---\nNet income in fiscal 1989 rose 5%. Fiscal year \
         1990 began well.\n",
    );
    let r = row(&rows, "in fiscal 1989");
    assert_eq!(
        (&r["kind"], &r["grain"]),
        (&"fiscal-year".into(), &"fiscal-year".into())
    );
    assert_eq!(
        (&r["start_date"], &r["end_date"]),
        (&"1988-04-01".into(), &"1990-03-31".into())
    );
    assert_eq!(row(&rows, "Fiscal year 1990")["start_date"], "1989-04-01");
}

#[test]
fn timeline_names_the_part_of_a_day() {
    let rows = timeline_rows(
        "---\ndate: 2026-05-20\n---\nВо вторник вечером министр ушел. Вчера утром начался \
         дождь. Он назвал 15 мая днем памяти.\n",
    );
    assert_eq!(row(&rows, "Во вторник вечером")["day_part"], "evening");
    assert_eq!(row(&rows, "Во вторник вечером")["start_date"], "2026-05-19");
    assert_eq!(row(&rows, "Вчера утром")["day_part"], "morning");
    // «днем» is no part of the day here.
    assert!(row(&rows, "15 мая").get("day_part").is_none());
    let rows =
        timeline_rows("---\ndate: 1998-08-08\nlang: en\n---\nThe bombs exploded Friday night.\n");
    assert_eq!(row(&rows, "Friday night")["day_part"], "night");
    assert_eq!(row(&rows, "Friday night")["start_date"], "1998-08-07");
}

#[test]
fn timeline_places_a_period_named_alone_by_the_date_before_it() {
    let rows = timeline_rows(
        "---\ndate: 2026-01-14\n---\nВ 2019 году он возглавил комитет. В конце года он ушел \
         в отставку. В начале месяца цены выросли. Новый закон вступит в силу в конце года.\n",
    );
    let start = |text: &str| {
        rows.iter()
            .filter(|r| r["text"] == text)
            .map(|r| r["start_date"].clone())
            .collect::<Vec<_>>()
    };
    // The end of 2019; a month inside a part of a year is not known; a plan is this year's.
    assert_eq!(start("В конце года"), ["2019-09-01"]);
    assert_eq!(start("В начале месяца"), [serde_json::Value::Null]);
    assert_eq!(start("в конце года"), ["2026-09-01"]);
}

#[test]
fn timeline_gives_a_weekday_beside_its_date_that_day() {
    let rows = timeline_rows(
        "---\ndate: 1998-11-21\nlang: en\n---\nHe was shot on Friday, Oct. 23. Shares were \
         bought from Sept. 14 to Thursday. They met Tuesday, Nov. 18.\n",
    );
    // Alone, "Friday" would be the last one before publication (20 November).
    assert_eq!(row(&rows, "on Friday")["start_date"], "1998-10-23");
    // Not in apposition: the range's end is the last Thursday.
    assert_eq!(row(&rows, "to Thursday")["start_date"], "1998-11-19");
    // 18 November 1998 is a Wednesday: the weekday keeps its own reading.
    assert_eq!(row(&rows, "Tuesday")["start_date"], "1998-11-17");
}

#[test]
fn timeline_counts_earlier_and_later_from_the_time_before() {
    let rows = timeline_rows(
        "---\ndate: 1989-10-27\nlang: en\n---\nIn the third quarter, net income rose to $5 \
         million from $3 million a year earlier. He joined in 2019. Two years later he left. \
         Prices fell a year ago.\n",
    );
    let earlier = row(&rows, "a year earlier");
    assert_eq!(earlier["duration"]["relation"], "earlier");
    assert_eq!(earlier["start_date"], "1988-07-01");
    assert_eq!(earlier["grain"], "quarter");
    assert_eq!(row(&rows, "Two years later")["start_date"], "2021-01-01");
    // No quarter in its sentence: a year before publication.
    assert_eq!(row(&rows, "a year ago")["start_date"], "1988-01-01");
}

#[test]
fn timeline_places_the_same_period_by_the_date_before_it() {
    let ends = |rows: &[serde_json::Value], text: &str| {
        let r = row(rows, text);
        (
            r["start_date"].as_str().unwrap_or("-").to_string(),
            r["end_date"].as_str().unwrap_or("-").to_string(),
        )
    };
    let ru = timeline_rows(
        "---\ndate: 2025-11-01\n---\nВ отчетном квартале прибыль снизилась. Выручка в январе–сентябре \
         2025 года выросла на 5% по сравнению с аналогичным периодом прошлого года.\n",
    );
    // No quarter named before it: the last one that ended before publication.
    assert_eq!(
        ends(&ru, "В отчетном квартале"),
        ("2025-07-01".into(), "2025-09-30".into())
    );
    assert_eq!(
        ends(&ru, "с аналогичным периодом прошлого года"),
        ("2024-01-01".into(), "2024-09-30".into())
    );
    let en = timeline_rows(
        "---\ndate: 1989-10-27\nlang: en\n---\nNet income for the second quarter rose. The quarter \
         included a charge. Sales fell from the year-ago quarter. Third-quarter profit rose \
         from year-earlier profit.\n",
    );
    assert_eq!(row(&en, "The quarter")["start_date"], "1989-04-01");
    assert_eq!(
        ends(&en, "from the year-ago quarter"),
        ("1988-04-01".into(), "1988-06-30".into())
    );
    assert_eq!(
        ends(&en, "from year-earlier"),
        ("1988-07-01".into(), "1988-09-30".into())
    );
}

#[test]
fn timeline_shows_a_lunar_feast_with_its_days() {
    let article = "---\ndate: 2018-05-01\nlang: en\n---\nDuring Ramadan 2018 the charity fed \
                   families every night. Eid al-Fitr 2051 is far away.\n";
    let rows = timeline_rows(article);
    let ramadan = row(&rows, "During Ramadan 2018");
    assert_eq!(ramadan["kind"], "holiday");
    assert_eq!(
        (ramadan["start_date"].as_str(), ramadan["end_date"].as_str()),
        (Some("2018-05-16"), Some("2018-06-14"))
    );
    // A year the table does not have: found, unplaced.
    assert_eq!(
        row(&rows, "Eid al-Fitr 2051")["start_date"],
        serde_json::Value::Null
    );
    let (_dir, path) = tmp("a.md", article.as_bytes());
    let human = stdout(&run(&["timeline", path.to_str().unwrap()]));
    assert!(human.contains("2018-05-16…2018-06-14"), "{human}");
}

#[test]
fn seed_with_facts_is_consistent_and_each_swap_gives_one_error() {
    let facts = Path::new(env!("CARGO_MANIFEST_DIR")).join("facts/example.toml");
    let facts = facts.to_str().unwrap();
    let corrected =
        std::fs::read_to_string(fixture("seed/rbc-ukraine-2026-01-06-corrected.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("consistent.txt", corrected.clone(), vec![]),
        (
            "three-years.txt",
            corrected.replace("почти четыре года", "почти три года"),
            vec!["facts/duration-since-event"],
        ),
        (
            "stoltenberg.txt",
            corrected.replace("Марк Рютте", "Йенс Столтенберг"),
            vec!["facts/role-at-date"],
        ),
    ];
    for (name, text, want) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        let o = run(&[
            "check",
            "--no-config",
            "--format",
            "json",
            "--facts",
            facts,
            p.to_str().unwrap(),
        ]);
        let v = json(&o);
        assert_valid(&v);
        let rules: Vec<&str> = v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules, want, "{name}");
    }
    // A malformed facts file is an error pointing into it.
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        include_str!("../facts/example.toml").replace("to = \"2024-10-01\"", "to = \"2025-06-01\""),
    )
    .unwrap();
    let o = run(&[
        "check",
        "--no-config",
        "--facts",
        bad.to_str().unwrap(),
        fixture("ru/undated.md").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.toml") && err.contains("overlap"), "{err}");
}

/// The weekday-mismatch fix writes the weekday in the form its preposition takes: «во
/// вторник» → «в среду» (with the preposition), «на понедельник» → «среду», none after «до»
/// (a case the language data does not give).
#[test]
fn weekday_fixes_take_the_form_their_preposition_asks() {
    for (lang, text, want) in [
        (
            "ru",
            "Во вторник, 25 марта, парламент соберется.",
            Some("В среду"),
        ),
        (
            "uk",
            "Засідання уряду перенесли на понеділок, 25 березня.",
            Some("середу"),
        ),
        ("ru", "Заседание перенесли до понедельника, 25 марта.", None),
    ] {
        let v = json(&check_stdin("2026-03-20", lang, text));
        assert_valid(&v);
        let d = &v["files"][0]["diagnostics"][0];
        assert_eq!(d["rule"], "temporal/weekday-mismatch", "{text}");
        assert_eq!(d["fix"]["replacement"].as_str(), want, "{text}");
    }
}
