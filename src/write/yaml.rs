//! YAML out: the JSON Resume document as YAML, field for field, so that reading it back gives
//! the same résumé (strings that YAML would take for numbers, booleans or null are quoted by
//! the serializer).

use crate::error::{Error, Warning};
use crate::format::{WriteContext, Writer};
use crate::model::Resume;

/// The YAML text of a résumé.
pub fn to_string(resume: &Resume) -> Result<String, Error> {
    serde_saphyr::to_string(resume).map_err(|e| Error::Write {
        path: "<memory>".into(),
        source: std::io::Error::other(e.to_string()),
    })
}

/// The YAML row of the format registry.
pub struct YamlWriter;
pub const WRITER: YamlWriter = YamlWriter;

impl Writer for YamlWriter {
    fn write(&self, resume: &Resume, _: &WriteContext) -> Result<(Vec<u8>, Vec<Warning>), Error> {
        let mut text = to_string(resume)?;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Ok((text.into_bytes(), Vec::new()))
    }
}
