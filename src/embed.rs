//! The JSON Resume carried inside the PDF and DOCX files this tool writes, with a fingerprint
//! of their visible text, so that reading one of our own files back is exact while its text is
//! unchanged, and falls back to reading the text once someone has edited it.
//!
//! The fingerprint is a SHA-256 over the sorted multiset of the document's words (maximal
//! runs of letters and digits). Sorting makes it independent of reading order, line wrapping
//! and spacing, which a PDF's text layer does not keep exactly; any word added, removed or
//! changed alters it. It detects edits; it is not a signature (anyone can recompute it).
//!
//! Where the data sits:
//! - PDF: an embedded file `resume.json` (`application/json`), listed in the catalog's
//!   `/Names /EmbeddedFiles` tree and as a document-level associated file (`/AF`, PDF 2.0
//!   §14.13, the way Factur-X invoices and Europass CVs carry their XML), its file
//!   specification holding the fingerprint under `/RCTextFingerprint`.
//! - DOCX: a custom XML part (`customXml/item1.xml`, ECMA-376 Part 1 §22.5) whose root
//!   element [`ROOT`] in namespace [`NAMESPACE`] holds the JSON as text and the fingerprint
//!   as an attribute. Word keeps custom XML parts when it saves a document.

use crate::doc::Doc;
use sha2::{Digest, Sha256};

/// The name of the embedded file in a PDF.
pub const FILE_NAME: &str = "resume.json";
/// The namespace of the custom XML part in a DOCX.
pub const NAMESPACE: &str = "urn:resumeconv:json-resume";
/// The root element of the custom XML part.
pub const ROOT: &str = "jsonResume";
/// The PDF file-specification key that holds the fingerprint.
pub const PDF_KEY: &str = "RCTextFingerprint";

/// What a file carries: the JSON Resume text and the fingerprint of the visible text it was
/// written with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embedded {
    pub json: String,
    pub fingerprint: String,
}

/// The fingerprint of a document's visible text: `sha256:` and 64 hex digits.
pub fn fingerprint(doc: &Doc) -> String {
    let texts = doc
        .blocks
        .iter()
        .flat_map(|b| b.spans.iter().chain(b.right.iter()))
        .map(|s| s.text.as_str());
    fingerprint_texts(texts)
}

/// The fingerprint of any sequence of visible strings (see the module's comment).
pub fn fingerprint_texts<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = texts
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    let mut h = Sha256::new();
    for w in words {
        h.update(w.as_bytes());
        h.update(b"\n");
    }
    let digest = h.finalize();
    let mut out = String::from("sha256:");
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The custom XML part of a DOCX that carries `e`.
pub fn to_custom_xml(e: &Embedded) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <{ROOT} xmlns=\"{NAMESPACE}\" generator=\"resumeconv\" fingerprint=\"{}\">{}</{ROOT}>",
        xml_escape(&e.fingerprint),
        xml_escape(&e.json).replace("&quot;", "\"")
    )
}

/// Reads a custom XML part written by [`to_custom_xml`]; `None` for any other part.
pub fn from_custom_xml(xml: &str) -> Option<Embedded> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut fingerprint = None;
    let mut json = String::new();
    let mut inside = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if !inside => {
                if e.local_name().as_ref() != ROOT.as_bytes() {
                    return None;
                }
                let mut ns_ok = false;
                for a in e.attributes().flatten() {
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .ok()?
                        .to_string();
                    match a.key.as_ref() {
                        b"xmlns" => ns_ok = value == NAMESPACE,
                        b"fingerprint" => fingerprint = Some(value),
                        _ => {}
                    }
                }
                if !ns_ok {
                    return None;
                }
                inside = true;
            }
            Event::Text(t) if inside => json.push_str(&t.xml10_content().ok()?),
            Event::GeneralRef(r) if inside => {
                let name = String::from_utf8_lossy(r.as_ref()).to_string();
                json.push_str(&unescape_ref(&name)?);
            }
            Event::CData(t) if inside => json.push_str(&String::from_utf8_lossy(&t)),
            Event::End(_) if inside => break,
            Event::Eof => return None,
            _ => {}
        }
    }
    Some(Embedded {
        json,
        fingerprint: fingerprint?,
    })
}

/// The text an entity or character reference stands for.
fn unescape_ref(name: &str) -> Option<String> {
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    };
    if let Some(c) = named {
        return Some(c.to_string());
    }
    let num = name.strip_prefix('#')?;
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => num.parse().ok()?,
    };
    char::from_u32(code).map(|c| c.to_string())
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 cannot hold most control characters even escaped; JSON text never
            // contains them raw (serde_json escapes them), so this only guards odd input.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, Kind, Span};

    fn doc(lines: &[&str]) -> Doc {
        Doc {
            blocks: lines
                .iter()
                .enumerate()
                .map(|(i, l)| Block::new(Kind::Paragraph, vec![Span::plain(*l)], i + 1))
                .collect(),
            ..Doc::default()
        }
    }

    #[test]
    fn fingerprint_ignores_order_spacing_and_punctuation() {
        let a = fingerprint(&doc(&["Ana Lima", "Engineer · Lisbon", "2019 – 2021"]));
        let b = fingerprint(&doc(&["2019-2021", "Ana  Lima Engineer", "Lisbon"]));
        assert_eq!(a, b);
        assert!(a.starts_with("sha256:") && a.len() == 7 + 64);
    }

    #[test]
    fn fingerprint_sees_any_changed_word() {
        let a = fingerprint(&doc(&["Ana Lima", "Senior Engineer", "2019 – 2021"]));
        for edited in [
            ["Ana Lima", "Junior Engineer", "2019 – 2021"],
            ["Ana Lima", "Senior Engineer", "2019 – 2022"],
            ["Ana Lima", "Senior Engineer Engineer", "2019 – 2021"],
            ["Ana Lima", "Senior", "2019 – 2021"],
        ] {
            assert_ne!(a, fingerprint(&doc(&edited)), "{edited:?}");
        }
    }

    #[test]
    fn custom_xml_round_trip() {
        let e = Embedded {
            json: "{\"name\": \"Zoë <O'Brien> & \\\"Co\\\"\",\n \"x\": \"]]>\"}".into(),
            fingerprint: "sha256:00ff".into(),
        };
        let xml = to_custom_xml(&e);
        assert_eq!(from_custom_xml(&xml), Some(e));
        assert_eq!(from_custom_xml("<other xmlns=\"x\">{}</other>"), None);
        assert_eq!(
            from_custom_xml(&xml.replace(NAMESPACE, "urn:someone-else")),
            None
        );
    }
}
