//! SARIF 2.1.0 output (`--format sarif`), for code-scanning dashboards.

use serde_json::{json, Value};

use super::FileReport;
use crate::diagnostics::Severity;
use crate::document::LineIndex;
use crate::rules::RuleSet;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The opening of the log up to the results array: the tool and its rules.
pub fn header(rules: &RuleSet) -> String {
    let descriptors: Vec<Value> = rules
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.docs.explanation.trim()},
                "help": {"text": format!("{}\n\nRun `factlint explain {}` for examples.", r.docs.explanation.trim(), r.id)},
                "defaultConfiguration": {"level": level(r.severity)},
            })
        })
        .collect();
    let tool = json!({
        "driver": {
            "name": "factlint",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": "https://github.com/factlint/factlint",
            "rules": descriptors,
        }
    });
    format!(
        "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{},\"columnKind\":\"unicodeCodePoints\",\"results\":[",
        serde_json::to_string(&tool).expect("serialises")
    )
}

fn region(lines: &LineIndex, text: &str, span: &std::ops::Range<usize>) -> Value {
    let (sl, sc) = lines.line_col(text, span.start);
    let (el, ec) = lines.line_col(text, span.end);
    json!({
        "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
        "byteOffset": span.start, "byteLength": span.end - span.start,
        "snippet": {"text": &text[span.clone()]},
    })
}

/// The results of one file (an unreadable file gives a result of its own).
pub fn results(r: &FileReport, rules: &RuleSet) -> Vec<Value> {
    let uri = r.path.replace('\\', "/");
    let lines = LineIndex::new(r.text.as_deref().unwrap_or(""));
    let location = |text: &str, span: &std::ops::Range<usize>, message: Option<&str>| {
        let mut loc = json!({"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region(&lines, text, span)}});
        if let Some(m) = message {
            loc["message"] = json!({"text": m});
        }
        loc
    };
    if let Some(e) = &r.error {
        return vec![json!({
            "ruleId": "input/unreadable",
            "level": "error",
            "message": {"text": format!("{}: {}", r.path, e.message)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
        })];
    }
    let text = r.text.as_deref().unwrap_or("");
    r.diagnostics
        .iter()
        .map(|d| {
            let primary = d.labels.iter().find(|l| l.primary).or(d.labels.first());
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            let mut res = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": message},
                "locations": primary.map(|l| vec![location(text, &l.span, l.message.as_deref())]).unwrap_or_default(),
            });
            if let Some(i) = rules.rules.iter().position(|x| x.id == d.rule) {
                res["ruleIndex"] = json!(i);
            }
            let related: Vec<Value> = d
                .labels
                .iter()
                .filter(|l| !l.primary)
                .enumerate()
                .map(|(i, l)| {
                    let mut loc = location(text, &l.span, l.message.as_deref());
                    loc["id"] = json!(i);
                    loc
                })
                .collect();
            if !related.is_empty() {
                res["relatedLocations"] = json!(related);
            }
            if let Some(f) = &d.fix {
                res["fixes"] = json!([{
                    "description": {"text": d.help.clone().unwrap_or_else(|| "apply the suggested replacement".into())},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": [{
                            "deletedRegion": {"byteOffset": f.span.start, "byteLength": f.span.end - f.span.start},
                            "insertedContent": {"text": f.replacement},
                        }],
                    }],
                }]);
            }
            res
        })
        .collect()
}

/// The closing of the log.
pub fn footer() -> &'static str {
    "\n]}]}\n"
}
