//! Writers: the intermediate form out to bytes of one format.

pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod text;
pub mod yaml;

use crate::error::Warning;
use crate::model::Resume;

/// Whether XML 1.0 can hold a character (its `Char` production, W3C XML 1.0 §2.2); Rust
/// strings cannot hold surrogates, so what is left out is C0 controls but tab, line feed and
/// carriage return, and U+FFFE and U+FFFF. HTML forbids the same controls in text.
pub fn xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// The résumé without the characters XML cannot hold, with a warning saying how many were
/// dropped; `None` when it has none. The common case costs one serialisation to JSON and a
/// scan of its bytes: serde_json writes those controls as `\u00XX` escapes and U+FFFE/U+FFFF
/// as their UTF-8 bytes, so a résumé without either needs no cleaning.
pub fn xml_safe(resume: &Resume, warnings: &mut Vec<Warning>) -> Option<Resume> {
    fn clean(v: &mut serde_json::Value, dropped: &mut usize) {
        match v {
            serde_json::Value::String(s) => {
                let before = s.chars().count();
                s.retain(xml_char);
                *dropped += before - s.chars().count();
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| clean(x, dropped)),
            serde_json::Value::Object(o) => o.values_mut().for_each(|x| clean(x, dropped)),
            _ => {}
        }
    }
    let json = serde_json::to_vec(resume).ok()?;
    let suspicious = json.windows(4).any(|w| w == b"\\u00")
        || json
            .windows(3)
            .any(|w| w == b"\xEF\xBF\xBE" || w == b"\xEF\xBF\xBF");
    if !suspicious {
        return None;
    }
    let mut value: serde_json::Value = serde_json::from_slice(&json).ok()?;
    let mut dropped = 0;
    clean(&mut value, &mut dropped);
    if dropped == 0 {
        return None;
    }
    warnings.push(Warning::new(
        None,
        format!("dropped {dropped} control character(s) that the output format cannot hold"),
    ));
    serde_json::from_value(value).ok()
}

/// Percent-encodes what a URI may not hold as is — spaces, control characters and non-ASCII
/// characters, byte by byte in UTF-8 — for a PDF link action or a DOCX relationship target.
pub fn encode_uri(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        if c.is_ascii_graphic() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}
