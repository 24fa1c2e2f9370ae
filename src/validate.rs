//! Validation of JSON Resume documents: the published schema (`schemas/resume.schema.json`,
//! draft-07, compiled into the binary) plus checks the schema cannot express.
//!
//! Each problem carries the JSON path it is about, written the way people read it
//! (`work[2].startDate`), and a severity: schema violations are errors, suspicious content
//! (an impossible date, an end before its start, an empty entry) is a warning.

use serde_json::Value;
use std::sync::OnceLock;

/// The JSON Resume schema, embedded at build time.
pub const SCHEMA: &str = include_str!("../schemas/resume.schema.json");

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// Where, as `work[2].startDate`; empty for the document itself.
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

fn validator() -> Option<&'static jsonschema::Validator> {
    static VALIDATOR: OnceLock<Option<jsonschema::Validator>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            let schema: Value = serde_json::from_str(SCHEMA).ok()?;
            jsonschema::draft7::options()
                .should_validate_formats(true)
                .build(&schema)
                .ok()
        })
        .as_ref()
}

/// Every problem of a document: schema errors first, then warnings, each group in document
/// order.
pub fn check(doc: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    match validator() {
        Some(v) => {
            for e in v.iter_errors(doc) {
                let path = pointer_to_path(e.instance_path().as_str());
                if let Some(iri) = international_uri(&e) {
                    problems.push(Problem {
                        severity: Severity::Warning,
                        message: format!(
                            "\"{iri}\" is an internationalized address (IRI): valid once its \
                             non-ASCII characters are encoded, which strict tools may require"
                        ),
                        path,
                    });
                    continue;
                }
                // A field the schema does not know is kept by every conversion: worth a
                // warning (a typo, a tool's own key), not a failure — `--strict` fails it.
                let severity = if matches!(
                    e.kind(),
                    jsonschema::error::ValidationErrorKind::AdditionalProperties { .. }
                ) {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                problems.push(Problem {
                    severity,
                    message: describe(&e, &path),
                    path,
                });
            }
        }
        None => problems.push(Problem {
            severity: Severity::Error,
            path: String::new(),
            message: "internal error: the embedded JSON Resume schema does not compile".into(),
        }),
    }
    problems.extend(semantic_warnings(doc));
    problems
}

/// True when no problem is an error.
pub fn is_valid(problems: &[Problem]) -> bool {
    problems.iter().all(|p| p.severity != Severity::Error)
}

/// A `uri` format failure caused only by non-ASCII characters (`http://rockstär.dev`): an IRI
/// (RFC 3987), the international form of a URI, which people write and browsers open. It is
/// reported as a warning, not an error, and kept as written.
fn international_uri(e: &jsonschema::ValidationError<'_>) -> Option<String> {
    use jsonschema::error::ValidationErrorKind as K;
    let K::Format { format } = e.kind() else {
        return None;
    };
    let s = e.instance().as_str()?;
    if format != "uri" || s.is_ascii() {
        return None;
    }
    let encoded: String = s
        .chars()
        .flat_map(|c| {
            if c.is_ascii() {
                vec![c.to_string()]
            } else {
                let mut buf = [0u8; 4];
                c.encode_utf8(&mut buf)
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect()
            }
        })
        .collect();
    let uri_only = serde_json::json!({"type": "string", "format": "uri"});
    let strict = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&uri_only)
        .ok()?;
    strict
        .is_valid(&Value::String(encoded))
        .then(|| s.to_string())
}

fn describe(e: &jsonschema::ValidationError<'_>, path: &str) -> String {
    use jsonschema::error::ValidationErrorKind as K;
    let shown = short(e.instance());
    match e.kind() {
        K::Pattern { .. } if is_date_field(path) => {
            format!("{shown} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        K::Format { format } => format!("{shown} is not a valid {format}"),
        K::AdditionalProperties { unexpected } => format!(
            "unknown field{} {} (not in the JSON Resume schema; conversions keep it)",
            if unexpected.len() == 1 { "" } else { "s" },
            unexpected
                .iter()
                .map(|u| format!("\"{u}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        K::Type { kind } => {
            let want = match kind {
                jsonschema::error::TypeKind::Single(t) => article(&t.to_string()),
                jsonschema::error::TypeKind::Multiple(ts) => format!("one of {ts:?}"),
            };
            format!(
                "expected {want}, found {}",
                crate::read::json::kind_of(e.instance())
            )
        }
        _ => e.to_string(),
    }
}

fn article(t: &str) -> String {
    match t {
        "array" | "object" | "integer" => format!("an {t}"),
        _ => format!("a {t}"),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

fn is_date_field(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    matches!(last, "startDate" | "endDate" | "date" | "releaseDate")
}

/// `/work/2/startDate` → `work[2].startDate`.
pub fn pointer_to_path(pointer: &str) -> String {
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push('[');
            out.push_str(&seg);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg);
        }
    }
    out
}

const SECTIONS: &[&str] = &[
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
];

/// Checks the schema cannot express: impossible dates, ranges that end before they start,
/// entries with nothing in them.
fn semantic_warnings(doc: &Value) -> Vec<Problem> {
    let mut out = Vec::new();
    let warn = |path: String, message: String| Problem {
        severity: Severity::Warning,
        path,
        message,
    };
    for section in SECTIONS {
        let Some(entries) = doc.get(section).and_then(Value::as_array) else {
            continue;
        };
        for (i, entry) in entries.iter().enumerate() {
            let Some(obj) = entry.as_object() else {
                continue;
            };
            let base = format!("{section}[{i}]");
            if !obj.values().any(has_content) {
                out.push(warn(base.clone(), "empty entry".into()));
                continue;
            }
            for key in ["startDate", "endDate", "date", "releaseDate"] {
                if let Some(d) = obj.get(key).and_then(Value::as_str) {
                    if let Some(why) = impossible_date(d) {
                        out.push(warn(format!("{base}.{key}"), format!("\"{d}\" {why}")));
                    }
                }
            }
            let start = obj.get("startDate").and_then(Value::as_str);
            let end = obj.get("endDate").and_then(Value::as_str);
            if let (Some(s), Some(e)) = (start, end) {
                if impossible_date(s).is_none() && impossible_date(e).is_none() {
                    let n = s.len().min(e.len());
                    if is_iso(s) && is_iso(e) && e[..n] < s[..n] {
                        out.push(warn(
                            format!("{base}.endDate"),
                            format!("ends ({e}) before it starts ({s})"),
                        ));
                    }
                }
            }
        }
    }
    out
}

fn has_content(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => a.iter().any(has_content),
        Value::Object(o) => o.values().any(has_content),
        _ => true,
    }
}

fn is_iso(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let dash = |i: usize| b.get(i) == Some(&b'-');
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && dash(4) && digits(5..7),
        10 => digits(0..4) && dash(4) && digits(5..7) && dash(7) && digits(8..10),
        _ => false,
    }
}

/// Why an ISO-shaped date cannot exist (`2020-13`, `2021-02-30`), or `None` when it can (or is
/// not ISO-shaped at all: the schema reports that).
pub fn impossible_date(s: &str) -> Option<&'static str> {
    if !is_iso(s) || s.len() == 4 {
        return None;
    }
    let year: u32 = s[..4].parse().ok()?;
    let month: u32 = s[5..7].parse().ok()?;
    if !(1..=12).contains(&month) {
        return Some("has no such month");
    }
    if s.len() == 10 {
        let day: u32 = s[8..10].parse().ok()?;
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day == 0 || day > days {
            return Some("has no such day");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_become_paths() {
        assert_eq!(pointer_to_path("/work/2/startDate"), "work[2].startDate");
        assert_eq!(pointer_to_path(""), "");
        assert_eq!(
            pointer_to_path("/basics/profiles/0/url"),
            "basics.profiles[0].url"
        );
    }

    #[test]
    fn schema_errors_have_paths_and_readable_messages() {
        let doc =
            json!({"work": [{}, {}, {"startDate": "March 2020"}], "basics": {"email": "nope"}});
        let p = check(&doc);
        let shown: Vec<String> = p.iter().map(ToString::to_string).collect();
        assert!(shown.contains(&"work[2].startDate: \"March 2020\" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)".to_string()), "{shown:?}");
        assert!(
            shown.contains(&"basics.email: \"nope\" is not a valid email".to_string()),
            "{shown:?}"
        );
        assert!(
            shown.contains(&"work[0]: empty entry".to_string()),
            "{shown:?}"
        );
    }

    #[test]
    fn semantic_warnings_catch_impossible_dates_and_reversed_ranges() {
        let doc = json!({"education": [{"institution": "X", "startDate": "2020-13", "endDate": "2021-02-29"}],
                         "work": [{"name": "Y", "startDate": "2021-05", "endDate": "2020"}]});
        let p = check(&doc);
        assert!(is_valid(&p));
        let shown: Vec<String> = p.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "work[0].endDate: ends (2020) before it starts (2021-05)",
                "education[0].startDate: \"2020-13\" has no such month",
                "education[0].endDate: \"2021-02-29\" has no such day",
            ]
        );
    }

    #[test]
    fn international_addresses_are_a_warning() {
        let iri = check(&json!({"basics": {"url": "http://rockstär.dev"}}));
        assert!(is_valid(&iri), "{iri:?}");
        assert_eq!(iri[0].severity, Severity::Warning);
        assert!(!is_valid(&check(
            &json!({"basics": {"url": "not a uri ä"}})
        )));
    }
}
