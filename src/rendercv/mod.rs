//! RenderCV's YAML (`cv:` with `name`, `sections`, …; <https://docs.rendercv.com>) read into a
//! JSON Resume and written back, so a CV kept for RenderCV converts to DOCX, Markdown or JSON
//! and a JSON Resume can be handed to RenderCV.
//!
//! The mapping is in [`to_cv`] and [`from_cv`]; what RenderCV has and JSON Resume lacks
//! (`design`, `locale`, `rendercv_settings`, untitled kinds of sections) is kept under
//! `meta.rendercv` and written back. The JSON Resume a file was written from travels in a
//! comment block at its end (RenderCV ignores comments), with a fingerprint of the `cv:`
//! text, so reading our own file back is exact while nobody has edited it.

mod from_cv;
mod networks;
mod to_cv;

use crate::embed::{self, Embedded};
use crate::error::{Error, Warning};
use crate::format::{Parsed, Reader, WriteContext, Writer};
use crate::limits::Limits;
use crate::model::Resume;
use serde_json::{Map, Value};

/// The comment line that carries the fingerprint, then the one that carries the JSON.
const FINGERPRINT_LINE: &str = "# resumeconv-fingerprint: ";
const JSON_LINE: &str = "# resumeconv-json: ";

/// The fingerprint of what a `cv:` mapping says: every scalar in it, as text.
fn fingerprint(cv: &Value) -> String {
    let mut texts = Vec::new();
    collect(cv, &mut texts);
    embed::fingerprint_texts(texts.iter().map(String::as_str))
}

fn collect(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Number(n) => out.push(n.to_string()),
        Value::Bool(b) => out.push(b.to_string()),
        Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| {
            out.push(k.clone());
            collect(x, out);
        }),
        Value::Null => {}
    }
}

/// Reads a RenderCV document.
pub fn read(bytes: &[u8], name: &str, limits: &Limits) -> Result<(Parsed, Vec<Warning>), Error> {
    let text = crate::read::yaml::text(bytes, name)?;
    let value: Value =
        serde_saphyr::from_str_with_options(text, crate::read::yaml::options(limits))
            .map_err(|e| crate::read::yaml::error(name, &e))?;
    let Value::Object(doc) = value else {
        return Err(Error::Shape {
            file: name.into(),
            message: "a RenderCV file is a mapping with a `cv:` key".into(),
        });
    };
    if !doc.contains_key("cv") {
        return Err(Error::Shape {
            file: name.into(),
            message: "a RenderCV file has a `cv:` key (this YAML has none)".into(),
        });
    }
    let (resume, notes) = from_cv::resume(&doc);
    let warnings = notes.into_iter().map(|n| Warning::new(None, n)).collect();
    let carried = carried_json(text).map(|(fingerprint, json)| Embedded { json, fingerprint });
    let parsed = match carried {
        Some(embedded) => Parsed::Carried {
            resume: Box::new(resume),
            embedded,
            fingerprint: fingerprint(doc.get("cv").unwrap_or(&Value::Null)),
        },
        None => Parsed::Resume(Box::new(resume)),
    };
    Ok((parsed, warnings))
}

/// The fingerprint and JSON our writer left in the comment block, if any.
fn carried_json(text: &str) -> Option<(String, String)> {
    let mut fp = None;
    let mut json = None;
    for line in text.lines() {
        if let Some(f) = line.strip_prefix(FINGERPRINT_LINE) {
            fp = Some(f.trim().to_string());
        } else if let Some(j) = line.strip_prefix(JSON_LINE) {
            json = Some(j.to_string());
        }
    }
    Some((fp?, json?))
}

/// The RenderCV YAML of a résumé, and the facts RenderCV has no place for.
pub fn to_string(resume: &Resume, embed: bool) -> Result<(String, Vec<Warning>), Error> {
    let (mut cv, mut lost) = to_cv::cv(resume);
    let mut doc = Map::new();
    let kept = resume
        .meta
        .as_ref()
        .and_then(|m| m.extra.get("rendercv"))
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    // Sections and cv fields that had no JSON Resume place come back where they were.
    if let Some(Value::Object(kept_cv)) = kept.get("cv") {
        for (k, v) in kept_cv {
            if k == "sections" {
                if let (Some(Value::Object(ours)), Value::Object(theirs)) =
                    (cv.get_mut("sections"), v)
                {
                    ours.extend(theirs.clone());
                } else if !cv.contains_key("sections") {
                    cv.insert(k.clone(), v.clone());
                }
            } else {
                cv.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
    }
    let cv = Value::Object(cv);
    let fp = fingerprint(&cv);
    doc.insert("cv".into(), cv);
    for (k, v) in kept {
        if k != "cv" {
            doc.insert(k, v);
        }
    }
    let mut text = serde_saphyr::to_string(&Value::Object(doc)).map_err(|e| Error::Write {
        path: "<memory>".into(),
        source: std::io::Error::other(e.to_string()),
    })?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut warnings: Vec<Warning> = Vec::new();
    lost.dedup(); // one line per kind of loss when entries in a row lose the same field
    if !lost.is_empty() {
        warnings.push(Warning::new(
            None,
            format!("RenderCV has no place for {}", lost.join("; ")),
        ));
    }
    if embed {
        let json = serde_json::to_string(resume).unwrap_or_default();
        // One comment line: YAML ends a comment at a line break, and JSON escapes \n and \r;
        // the other characters some YAML parsers also take for line breaks are escaped too.
        let json = json
            .replace('\u{85}', "\\u0085")
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029");
        text.push_str(
            "\n# The JSON Resume this file was written from (resumeconv reads it back while the\n\
             # cv above is unchanged; delete these lines to have the cv read instead).\n",
        );
        text.push_str(&format!("{FINGERPRINT_LINE}{fp}\n{JSON_LINE}{json}\n"));
    }
    Ok((text, warnings))
}

/// The RenderCV row of the format registry.
pub struct RenderCvReader;
pub const READER: RenderCvReader = RenderCvReader;

impl Reader for RenderCvReader {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &Limits,
    ) -> Result<(Parsed, Vec<Warning>), Error> {
        read(bytes, name, limits)
    }
}

/// The RenderCV row of the format registry.
pub struct RenderCvWriter;
pub const WRITER: RenderCvWriter = RenderCvWriter;

impl Writer for RenderCvWriter {
    fn write(&self, resume: &Resume, ctx: &WriteContext) -> Result<(Vec<u8>, Vec<Warning>), Error> {
        let (text, warnings) = to_string(resume, !ctx.options.no_embed)?;
        Ok((text.into_bytes(), warnings))
    }
}

/// A RenderCV document: its YAML has a top-level `cv:` key (RenderCV's own schema puts the
/// person under `cv`, the design under `design`, the locale under `locale`).
pub fn looks_like(sample: &str) -> bool {
    sample.lines().any(|l| {
        let l = l.trim_end();
        (l == "cv:" || l.starts_with("cv: ")) && !l.starts_with(' ')
    })
}

#[cfg(test)]
mod tests;
