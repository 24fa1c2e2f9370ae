//! `resumeconv explain`: the résumé read from a document, field by field, with the source
//! line(s) each field came from and the rule that put it there, then every line that was not
//! placed and why — so a reader can see why a field was read the way it was.
//!
//! Provenance comes in two steps. Extraction keeps a [`Trace`] per run of lines under one
//! heading: which section it became and why (a known heading, a heading classified by what is
//! under it, the lines before the first heading) and which items it added. Each field is then
//! found among the lines of its item's chunk: a line whose words hold the value's words, a
//! line whose date range gives the value's date, or, for a value made of several lines (a
//! summary), each of them. A value no line holds as written (a country code read from
//! "Sweden") is attributed to the lines of its chunk and marked as derived.

use crate::doc::Doc;
use crate::error::Warning;
use crate::extract::Trace;
use serde::Serialize;
use serde_json::Value;

/// One field of the résumé and where it came from.
#[derive(Debug, Serialize)]
pub struct FieldOrigin {
    /// JSON path: `work[0].position`, `skills[2].keywords[1]`.
    pub path: String,
    pub value: String,
    /// The source lines it was read from.
    pub lines: Vec<usize>,
    /// True when a line holds the value as written; false when it was derived from the
    /// lines (a country code, a normalised date) and `lines` are those of its section.
    pub verbatim: bool,
    /// Why it is this field, in words.
    pub rule: String,
}

/// What `explain` prints.
#[derive(Debug, Serialize)]
pub struct Explanation {
    pub file: String,
    pub fields: Vec<FieldOrigin>,
    /// Lines that ended up nowhere, and other warnings, with their line numbers.
    pub warnings: Vec<WarningOut>,
    /// The text of every source line a field names, by line number.
    #[serde(skip)]
    pub text: std::collections::BTreeMap<usize, String>,
}

#[derive(Debug, Serialize)]
pub struct WarningOut {
    pub line: Option<usize>,
    pub message: String,
}

/// What a field is, by its key, in words (the last part of the rule).
const FIELD_RULES: &[(&str, &str)] = &[
    (
        "basics.name",
        "the person's name: the line at the top that reads as a name",
    ),
    (
        "basics.label",
        "the headline: the short line under the name",
    ),
    ("basics.email", "an e-mail address"),
    ("basics.phone", "a phone number"),
    ("basics.url", "a web address that is not a known network's"),
    ("basics.summary", "a paragraph of the summary"),
    ("basics.location", "a place on the contact lines"),
    (
        "basics.profiles",
        "a profile: the network from the address's host, the user from its path",
    ),
    ("name", "the name part of the entry's header"),
    (
        "organization",
        "the organisation part of the entry's header",
    ),
    ("position", "the role part of the entry's header"),
    ("location", "the place part of the entry's header"),
    ("startDate", "the start of the entry's date range"),
    ("endDate", "the end of the entry's date range"),
    ("date", "the entry's date"),
    ("releaseDate", "the publication's date"),
    ("summary", "a paragraph under the entry's header"),
    ("description", "the text under the entry's header"),
    ("highlights", "a bullet under the entry"),
    ("institution", "the school part of the entry's header"),
    ("studyType", "the degree named in the entry"),
    ("area", "the field of study after the degree"),
    ("score", "a grade"),
    ("courses", "an item of the entry's course list"),
    ("url", "a web address in the entry"),
    ("keywords", "an item of the list"),
    ("level", "the level given with the skill"),
    ("language", "a language name"),
    ("fluency", "the level given with the language"),
    ("title", "the name of the award"),
    ("awarder", "who gave the award"),
    ("issuer", "who issued the certificate"),
    ("publisher", "who published it"),
    ("reference", "what the referee said"),
    ("roles", "a role in the project"),
];

fn field_rule(path: &str) -> &'static str {
    let bare: String = strip_indices(path);
    if let Some((_, r)) = FIELD_RULES.iter().find(|(k, _)| bare.starts_with(k)) {
        return r;
    }
    let last = bare.rsplit('.').next().unwrap_or("");
    FIELD_RULES
        .iter()
        .find(|(k, _)| *k == last)
        .map_or("read from the section's lines", |(_, r)| r)
}

/// `work[0].highlights[2]` → `work.highlights`.
fn strip_indices(path: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => skip = true,
            ']' => skip = false,
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words for matching: lower case, letters and digits, everything else a space.
fn words(s: &str) -> String {
    let lower: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A web address without what people leave out when they write one.
fn bare_url(s: &str) -> &str {
    let s = s
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("mailto:")
        .trim_start_matches("tel:")
        .trim_start_matches("www.");
    s.trim_end_matches('/')
}

/// Every leaf of a JSON value with its path.
fn leaves(v: &Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                leaves(x, format!("{path}[{i}]"), out);
            }
        }
        Value::String(s) => out.push((path, s.clone())),
        Value::Number(n) => out.push((path, n.to_string())),
        Value::Bool(b) => out.push((path, b.to_string())),
        Value::Null => {}
    }
}

/// The trace whose chunk added the item a path is in (`work[3]…`).
fn trace_of<'a>(path: &str, traces: &'a [Trace]) -> Option<&'a Trace> {
    let (key, rest) = path.split_once('[')?;
    let index: usize = rest.split(']').next()?.parse().ok()?;
    traces.iter().find(|t| {
        t.items
            .iter()
            .any(|(k, first, n)| *k == key && (*first..first + n).contains(&index))
    })
}

/// The lines (of `candidates`) that hold `value`, as written or as a date.
fn holding(value: &str, date: bool, candidates: &[(usize, String)]) -> Vec<usize> {
    let mut found = Vec::new();
    if date {
        for (n, text) in candidates {
            let hit = crate::extract::entries::all_ranges(text)
                .iter()
                .any(|r| r.start.as_deref() == Some(value) || r.end.as_deref() == Some(value));
            if hit {
                found.push(*n);
                break;
            }
        }
        if !found.is_empty() {
            return found;
        }
    }
    let want = words(bare_url(value));
    if want.is_empty() {
        return found;
    }
    if let Some((n, _)) = candidates
        .iter()
        .find(|(_, t)| format!(" {} ", words(t)).contains(&format!(" {want} ")))
    {
        return vec![*n];
    }
    // A value made of several lines (a summary joined from its lines, a wrapped bullet):
    // every line whose words are a run of the value's.
    let padded = format!(" {want} ");
    for (n, t) in candidates {
        let w = words(t);
        if w.split(' ').count() >= 2 && padded.contains(&format!(" {w} ")) {
            found.push(*n);
        }
    }
    found
}

/// Explains the reading of a document.
pub fn explain(doc: &Doc, file: &str, reader_warnings: Vec<Warning>) -> Explanation {
    let found = crate::extract::extract_traced(doc);
    let all: Vec<(usize, String)> = crate::extract::lines::lines(doc)
        .into_iter()
        .map(|l| (l.line, l.text))
        .collect();
    let value = serde_json::to_value(&found.resume).unwrap_or(Value::Null);
    let mut list = Vec::new();
    leaves(&value, String::new(), &mut list);
    let mut fields = Vec::new();
    for (path, v) in list {
        if path == "meta" || path.starts_with("meta.") || path.starts_with("$schema") {
            continue;
        }
        let trace = trace_of(&path, &found.traces);
        let candidates: Vec<(usize, String)> = match trace {
            Some(t) => all
                .iter()
                .filter(|(n, _)| t.lines.contains(n))
                .cloned()
                .collect(),
            None => all.clone(),
        };
        let last = strip_indices(&path);
        let last = last.rsplit('.').next().unwrap_or("");
        let date = last.ends_with("Date") || last == "date";
        let mut lines = holding(&v, date, &candidates);
        if lines.is_empty() && trace.is_some() {
            lines = holding(&v, date, &all);
        }
        let verbatim = !lines.is_empty();
        if lines.is_empty() {
            // Derived from its neighbours (a country code beside the city it was read with):
            // the lines of the other fields of the same object.
            let parent = path.rsplit_once('.').map_or("", |(p, _)| p);
            lines = fields
                .iter()
                .filter(|f: &&FieldOrigin| {
                    f.verbatim && f.path.rsplit_once('.').map_or("", |(p, _)| p) == parent
                })
                .flat_map(|f| f.lines.iter().copied())
                .take(1)
                .collect();
        }
        if lines.is_empty() {
            lines = match trace {
                Some(t) => t.lines.iter().take(1).copied().collect(),
                None => basics_lines(&found.traces),
            };
        }
        let section = match trace {
            Some(t) => t.rule.clone(),
            None if path.starts_with("basics") => "basics".into(),
            None => "read from running text, outside any section of its own".into(),
        };
        fields.push(FieldOrigin {
            rule: format!("{section}; {}", field_rule(&path)),
            path,
            value: v,
            lines,
            verbatim,
        });
    }
    let mut warnings: Vec<WarningOut> = reader_warnings
        .into_iter()
        .chain(found.warnings)
        .map(|w| WarningOut {
            line: w.line,
            message: w.message,
        })
        .collect();
    warnings.sort_by_key(|w| w.line.unwrap_or(0));
    let wanted: std::collections::BTreeSet<usize> = fields
        .iter()
        .flat_map(|f| f.lines.iter().copied())
        .collect();
    let mut text = std::collections::BTreeMap::new();
    for (n, t) in &all {
        if wanted.contains(n) {
            text.entry(*n)
                .and_modify(|s: &mut String| {
                    s.push_str(" ⏎ ");
                    s.push_str(t);
                })
                .or_insert_with(|| t.clone());
        }
    }
    Explanation {
        file: file.to_string(),
        fields,
        warnings,
        text,
    }
}

/// The lines before the first heading, where `basics` come from when no line holds a value.
fn basics_lines(traces: &[Trace]) -> Vec<usize> {
    traces
        .iter()
        .find(|t| t.heading.is_none())
        .and_then(|t| t.lines.first().copied())
        .into_iter()
        .collect()
}

impl Explanation {
    /// The explanation as people read it.
    pub fn to_text(&self) -> String {
        let mut out = format!("{}: {} fields\n", self.file, self.fields.len());
        for f in &self.fields {
            let lines: Vec<String> = f.lines.iter().map(usize::to_string).collect();
            let mark = if f.verbatim { "" } else { " (derived)" };
            out += &format!(
                "\n{} = {}\n    line {}{mark}: {}\n    why: {}\n",
                f.path,
                quoted(&f.value),
                lines.join(", "),
                f.lines
                    .first()
                    .and_then(|n| self.text.get(n))
                    .map_or(String::new(), |t| quoted(t)),
                f.rule
            );
        }
        if self.warnings.is_empty() {
            out += "\nEvery line was placed.\n";
        } else {
            out += &format!(
                "\nNot placed, or read with a doubt ({}):\n",
                self.warnings.len()
            );
            for w in &self.warnings {
                match w.line {
                    Some(n) => out += &format!("  {}:{n}: {}\n", self.file, w.message),
                    None => out += &format!("  {}: {}\n", self.file, w.message),
                }
            }
        }
        out
    }
}

/// A value on one line, quoted, shortened past 100 characters.
fn quoted(s: &str) -> String {
    let one = s.replace('\n', " ⏎ ");
    let mut t: String = one.chars().take(100).collect();
    if one.chars().count() > 100 {
        t.push('…');
    }
    format!("\"{t}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_rules() {
        assert_eq!(strip_indices("work[0].highlights[2]"), "work.highlights");
        assert_eq!(
            field_rule("work[1].position"),
            "the role part of the entry's header"
        );
        assert_eq!(
            field_rule("basics.location.city"),
            "a place on the contact lines"
        );
        assert_eq!(
            field_rule("basics.profiles[0].url"),
            field_rule("basics.profiles")
        );
    }

    #[test]
    fn lines_holding_a_value() {
        let lines = vec![
            (3, "Senior Engineer, Acme GmbH".to_string()),
            (4, "March 2019 – June 2021".to_string()),
            (5, "Built the billing".to_string()),
            (6, "service in Rust".to_string()),
        ];
        assert_eq!(holding("Acme GmbH", false, &lines), [3]);
        assert_eq!(holding("2019-03", true, &lines), [4]);
        assert_eq!(holding("2021-06", true, &lines), [4]);
        assert_eq!(
            holding("Built the billing service in Rust", false, &lines),
            [5, 6]
        );
        assert!(holding("DE", false, &lines).is_empty());
        // A word is not found inside another word.
        assert!(holding("Acm", false, &lines).is_empty());
    }
}
