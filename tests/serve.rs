//! `factlint serve` over loopback: the page, the API's happy path, 400, 404, 405 and 413.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["serve", "--no-config", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr }
}

/// Sends one request and returns (status, body).
fn request(addr: &str, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    let head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    s.write_all(head.as_bytes()).unwrap();
    // A server may answer 413 before reading a large body; ignore a reset while sending.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    let status: u16 = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status in {text:?}"));
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4)
        .unwrap_or(raw.len());
    (status, raw[split..].to_vec())
}

fn json(body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body)))
}

#[test]
fn page_and_rules_are_served() {
    let s = start();
    let (status, page) = request(&s.addr, "GET", "/", b"");
    assert_eq!(status, 200);
    let page = String::from_utf8(page).unwrap();
    assert!(
        page.contains("<html") && page.contains("factlint"),
        "{page:.200}"
    );
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "the page loads nothing from outside"
    );
    let (status, rules) = request(&s.addr, "GET", "/api/rules", b"");
    assert_eq!(status, 200);
    let rules = json(&rules);
    assert!(rules
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "temporal/weekday-mismatch"));
    assert_eq!(request(&s.addr, "GET", "/etc/passwd", b"").0, 404);
    assert_eq!(request(&s.addr, "DELETE", "/api/check", b"").0, 405);
}

#[test]
fn check_returns_the_contract_with_a_timeline() {
    let s = start();
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed/rbc-ukraine-2026-01-06.txt"),
    )
    .unwrap();
    let body = serde_json::to_vec(&serde_json::json!({"text": seed})).unwrap();
    let (status, out) = request(&s.addr, "POST", "/api/check", &body);
    assert_eq!(status, 200);
    let v = json(&out);
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("contract/report.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&v), "{v:#}");
    let file = &v["files"][0];
    assert_eq!(file["published"], "2026-01-06");
    assert_eq!(file["published_source"], "header");
    assert_eq!(file["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(
        file["diagnostics"][0]["labels"][0]["text"],
        "В конце декабря 2026 года"
    );
    let timeline = file["timeline"].as_array().unwrap();
    assert!(timeline
        .iter()
        .any(|r| r["text"] == "В конце декабря 2026 года" && r["start_date"] == "2026-12-21"));

    // Flags in the request win over the header.
    let body = serde_json::to_vec(&serde_json::json!({"text": "Вчера, 17 февраля, парламент принял закон.", "published": "2026-02-19", "lang": "ru"})).unwrap();
    let v = json(&request(&s.addr, "POST", "/api/check", &body).1);
    assert_eq!(
        v["files"][0]["diagnostics"][0]["rule"],
        "temporal/relative-date-mismatch"
    );
    // Empty text is a report with an error, not a failure.
    let v = json(&request(&s.addr, "POST", "/api/check", br#"{"text": ""}"#).1);
    assert!(v["files"][0]["error"].as_str().unwrap().contains("empty"));
}

#[test]
fn bad_requests_get_400_and_413() {
    let s = start();
    let (status, out) = request(&s.addr, "POST", "/api/check", b"{not json");
    assert_eq!(status, 400);
    assert!(json(&out)["error"].as_str().unwrap().contains("malformed"));
    let (status, out) = request(
        &s.addr,
        "POST",
        "/api/check",
        br#"{"text": "x", "published": "2026-02-30"}"#,
    );
    assert_eq!(status, 400);
    assert!(json(&out)["error"].as_str().unwrap().contains("published"));
    assert_eq!(
        request(&s.addr, "POST", "/api/check", br#"{"txt": "x"}"#).0,
        400
    );
    let big = vec![b'a'; 3 * 1024 * 1024];
    let (status, out) = request(&s.addr, "POST", "/api/check", &big);
    assert_eq!(status, 413);
    assert!(json(&out)["error"].as_str().unwrap().contains("over"));
    // The server is still up.
    assert_eq!(request(&s.addr, "GET", "/api/rules", b"").0, 200);
}
