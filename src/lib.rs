//! resumeconv converts résumés between formats through one intermediate form, a JSON Resume
//! document ([`model::Resume`]).
//!
//! ```text
//!  bytes ──reader──▶ Doc ──extract──▶ Resume ──present──▶ Doc ──writer──▶ bytes
//!  json ─────────────────────────────▶ Resume ───────────────────────────▶ json
//! ```
//!
//! The binary is a thin shell over this library: [`detect_format`], [`read_resume`] and
//! [`render`] are the whole conversion; [`output::write_atomic`] puts the result in place.

pub mod doc;
pub mod error;
pub mod extract;
pub mod format;
pub mod model;
pub mod output;
pub mod present;
pub mod read;
mod regex_util;
pub mod validate;
pub mod write;

pub use error::{Error, Warning};
pub use format::Format;
pub use model::Resume;

use std::io::Read;
use std::path::Path;

/// The name used for standard input in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// A résumé as read from one input, with what the reader could not place.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub resume: Resume,
    pub warnings: Vec<Warning>,
}

/// Reads a whole input: a file path, or `-` for standard input.
pub fn read_input(path: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Read {
                path: STDIN_NAME.into(),
                source,
            })?;
        return Ok(bytes);
    }
    let p = Path::new(path);
    if p.is_dir() {
        return Err(Error::Read {
            path: path.into(),
            source: std::io::Error::other("is a directory"),
        });
    }
    std::fs::read(p).map_err(|source| Error::Read {
        path: path.into(),
        source,
    })
}

/// The format of an input: `-f` when given, else the file extension, refined by content (a
/// `.txt` full of Markdown is Markdown), else content alone.
pub fn detect_format(name: &str, bytes: &[u8], from: Option<Format>) -> Result<Format, Error> {
    if let Some(f) = from {
        return Ok(f);
    }
    let by_name = if name == "-" || name == STDIN_NAME {
        None
    } else {
        Format::from_path(Path::new(name))
    };
    format::sniff(bytes, by_name).ok_or_else(|| {
        Error::Usage(format!(
            "cannot tell the format of {name}: name it with an extension or use -f FORMAT \
             (see --list-formats)"
        ))
    })
}

/// Reads a text-like document into its [`doc::Doc`] (for diagnostics; conversion goes
/// through [`read_resume`]).
pub fn read_doc(bytes: &[u8], format: Format, name: &str) -> Result<doc::Doc, Error> {
    let (text, _) = read::decode::decode(bytes, name)?;
    match format {
        Format::Markdown => Ok(read::markdown::read(&text)),
        Format::Text => Ok(read::text::read(&text)),
        _ => Err(Error::NotSupported {
            name: format.name(),
            direction: " as a document",
        }),
    }
}

/// Reads one document of a known format into a résumé.
pub fn read_resume(bytes: &[u8], format: Format, name: &str) -> Result<Reading, Error> {
    format.require_read()?;
    match format {
        Format::Json => {
            let value = read::json::parse_value(bytes, name)?;
            let warnings = validate::check(&value)
                .into_iter()
                .map(|p| Warning::new(None, p.to_string()))
                .collect();
            let resume = read::json::to_resume(value, name)?;
            Ok(Reading { resume, warnings })
        }
        Format::Markdown | Format::Text => {
            let (text, decode_warning) = read::decode::decode(bytes, name)?;
            if text.trim().is_empty() {
                return Err(Error::NoContent { file: name.into() });
            }
            let doc = if format == Format::Markdown {
                read::markdown::read(&text)
            } else {
                read::text::read(&text)
            };
            let (resume, mut warnings) = extract::extract(&doc);
            if resume == Resume::default() {
                return Err(Error::NoContent { file: name.into() });
            }
            warnings.splice(0..0, decode_warning);
            Ok(Reading { resume, warnings })
        }
        _ => Err(Error::NotSupported {
            name: format.name(),
            direction: " as input",
        }),
    }
}

/// Renders a résumé in the given format.
pub fn render(resume: &Resume, format: Format) -> Result<Vec<u8>, Error> {
    format.require_write()?;
    let mut out = Vec::new();
    match format {
        Format::Json => write::json::write(resume, &mut out).map_err(|source| Error::Write {
            path: "<memory>".into(),
            source,
        })?,
        Format::Markdown => {
            out.extend_from_slice(write::markdown::to_string(&present::present(resume)).as_bytes())
        }
        _ => {
            return Err(Error::NotSupported {
                name: format.name(),
                direction: " as output",
            });
        }
    }
    Ok(out)
}
