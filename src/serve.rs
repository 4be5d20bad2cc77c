//! `factlint serve`: a local page for editors and its JSON API, served by the binary itself
//! with every asset embedded.
//!
//! - `GET /` — the page.
//! - `POST /api/check` — `{"text", "published"?, "lang"?}` → the JSON report for one
//!   document, with the timeline of extracted dates added to `files[0]`.
//! - `GET /api/rules` — the rules with their documentation.
//!
//! The server never reads a path given by a request; bodies over [`MAX_BODY`] get 413.

use std::io::Read;
use std::net::ToSocketAddrs;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{json, Value};
use tiny_http::{Header, Method, Request, Response, Server};

use crate::document::{Document, ReadOptions};
use crate::language::Lang;
use crate::report::{json as json_report, timeline, FileReport, Summary};
use crate::rules::RuleSet;

/// Largest request body accepted (2 MiB).
pub const MAX_BODY: usize = 2 * 1024 * 1024;

/// The page, embedded.
const PAGE: &str = include_str!("../web/index.html");

/// What every request shares.
pub struct State {
    /// The rules (embedded or from the configuration).
    pub rules: RuleSet,
    /// Defaults from the configuration (front-matter keys, language, date).
    pub opts: ReadOptions,
    /// What the newsroom knows (facts files of the configuration).
    pub facts: crate::facts::Facts,
}

#[derive(Deserialize)]
struct CheckRequest {
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// Binds `addr` and serves until the process ends. `ready` is called with the bound address
/// (useful with port 0).
pub fn serve(
    addr: &str,
    state: State,
    workers: usize,
    ready: impl FnOnce(std::net::SocketAddr),
) -> Result<(), String> {
    let sock = addr
        .to_socket_addrs()
        .map_err(|e| format!("{addr}: {e}"))?
        .next()
        .ok_or_else(|| format!("{addr}: no address"))?;
    let server = Server::http(sock).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = server.server_addr().to_ip().ok_or("not an IP socket")?;
    // Load language data and dictionaries now, so the first check is as fast as the rest.
    for lang in [Lang::Ru, Lang::Uk, Lang::En] {
        let _ = crate::language::embedded::pack(lang);
        let _ = crate::morphology::for_language(lang);
    }
    ready(bound);
    let server = Arc::new(server);
    let state = Arc::new(state);
    let threads: Vec<_> = (0..workers.max(1))
        .map(|_| {
            let (server, state) = (Arc::clone(&server), Arc::clone(&state));
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    handle(request, &state);
                }
            })
        })
        .collect();
    for t in threads {
        let _ = t.join();
    }
    Ok(())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn respond(request: Request, status: u16, content_type: &str, body: Vec<u8>) {
    let response = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
        ));
    let _ = request.respond(response);
}

fn respond_json(request: Request, status: u16, value: &Value) {
    let body = serde_json::to_vec(value).expect("serialises");
    respond(request, status, "application/json; charset=utf-8", body);
}

fn error(request: Request, status: u16, message: &str) {
    respond_json(request, status, &json!({ "error": message }));
}

fn handle(mut request: Request, state: &State) {
    let path = request.url().split('?').next().unwrap_or("").to_string();
    match (request.method(), path.as_str()) {
        (Method::Get, "/") | (Method::Get, "/index.html") => respond(
            request,
            200,
            "text/html; charset=utf-8",
            PAGE.as_bytes().to_vec(),
        ),
        (Method::Get, "/api/rules") => {
            let rules: Vec<Value> = state
                .rules
                .rules
                .iter()
                .map(|r| json!({"id": r.id, "severity": r.severity.as_str(), "summary": r.summary, "explanation": r.docs.explanation.trim()}))
                .collect();
            respond_json(request, 200, &Value::Array(rules))
        }
        (Method::Post, "/api/check") => {
            if request.body_length().is_some_and(|n| n > MAX_BODY) {
                return error(
                    request,
                    413,
                    &format!("the request body is over {MAX_BODY} bytes"),
                );
            }
            let mut body = Vec::new();
            let read = request
                .as_reader()
                .take(MAX_BODY as u64 + 1)
                .read_to_end(&mut body);
            if read.is_err() {
                return error(request, 400, "could not read the request body");
            }
            if body.len() > MAX_BODY {
                return error(
                    request,
                    413,
                    &format!("the request body is over {MAX_BODY} bytes"),
                );
            }
            match check_request(&body, state) {
                Ok(v) => respond_json(request, 200, &v),
                Err(msg) => error(request, 400, &msg),
            }
        }
        (_, "/" | "/index.html" | "/api/rules" | "/api/check") => {
            error(request, 405, "method not allowed")
        }
        _ => error(request, 404, "not found"),
    }
}

/// Checks one posted document: the JSON report with the timeline added to `files[0]`.
pub fn check_request(body: &[u8], state: &State) -> Result<Value, String> {
    let req: CheckRequest =
        serde_json::from_slice(body).map_err(|e| format!("malformed request: {e}"))?;
    let published = match req
        .published
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(p) => Some(
            NaiveDate::parse_from_str(p, "%Y-%m-%d")
                .map_err(|_| format!("`published` is not a YYYY-MM-DD date: `{p}`"))?,
        ),
        None => None,
    };
    let lang = req.lang.filter(|l| !l.trim().is_empty() && l != "auto");
    let opts = ReadOptions {
        published,
        lang,
        ..state.opts.clone()
    };
    let (report, rows) = match Document::from_text("-", req.text, &opts) {
        Ok(doc) => {
            let outcome = crate::check::check_with(&doc, &state.rules, &state.facts);
            let rows = serde_json::to_value(timeline::entries(
                &doc,
                &outcome.temporals,
                &outcome.durations,
                &outcome.references,
                &outcome.recurrences,
            ))
            .expect("serialises");
            let report = FileReport {
                path: "-".into(),
                published: doc.published.clone(),
                language: doc.lang_code.clone(),
                diagnostics: outcome.diagnostics,
                text: Some(doc.text),
                error: None,
            };
            (report, rows)
        }
        // Empty text, malformed front matter: the report says so in `files[0].error`.
        Err(e) => (
            FileReport::failed("-", &opts, e.to_string(), None),
            json!([]),
        ),
    };
    let mut file = serde_json::to_value(json_report::file_object(&report)).expect("serialises");
    file["timeline"] = rows;
    let s = Summary::of(std::slice::from_ref(&report));
    Ok(json!({
        "version": 1,
        "tool": {"name": "factlint", "version": env!("CARGO_PKG_VERSION")},
        "files": [file],
        "summary": {"files": 1, "errors": s.errors, "warnings": s.warnings, "infos": s.infos},
    }))
}
