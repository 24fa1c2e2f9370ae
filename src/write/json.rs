//! JSON Resume out: pretty, UTF-8, fields in schema order, a trailing newline, the same bytes
//! for the same résumé.

use crate::model::Resume;
use std::io::Write;

/// Serialises a résumé as pretty JSON with a trailing newline.
pub fn write(resume: &Resume, out: &mut dyn Write) -> std::io::Result<()> {
    let mut bytes = to_vec(resume);
    bytes.push(b'\n');
    out.write_all(&bytes)
}

/// The pretty JSON of a résumé, without the trailing newline.
pub fn to_vec(resume: &Resume) -> Vec<u8> {
    // Serialising plain structs of strings and JSON values into memory cannot fail: there is
    // no I/O and every map key is a string.
    serde_json::to_vec_pretty(resume).unwrap_or_default()
}

/// The pretty JSON of a résumé as text, without the trailing newline.
pub fn to_string(resume: &Resume) -> String {
    String::from_utf8(to_vec(resume)).unwrap_or_default()
}

/// The JSON row of the format registry.
pub struct JsonWriter;
pub const WRITER: JsonWriter = JsonWriter;

impl crate::format::Writer for JsonWriter {
    fn write(
        &self,
        resume: &Resume,
        _: &crate::format::WriteContext,
    ) -> Result<(Vec<u8>, Vec<crate::Warning>), crate::Error> {
        let mut bytes = to_vec(resume);
        bytes.push(b'\n');
        Ok((bytes, Vec::new()))
    }
}
