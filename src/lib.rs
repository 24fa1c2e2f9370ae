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

// No panics from input: library code may not unwrap, expect, panic or index unchecked; the
// few allowed sites carry a comment proving why they cannot fail. Tests may.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod batch;
pub mod doc;
pub mod embed;
pub mod error;
pub mod explain;
pub mod extract;
pub mod format;
pub mod limits;
pub mod locale;
pub mod meta;
pub mod model;
pub mod output;
mod patterns;
pub mod present;
pub mod read;
mod regex_util;
pub mod rendercv;
pub mod terminal;
#[cfg(test)]
mod testgen;
pub mod theme;
pub mod validate;
pub mod write;

pub use error::{Error, Warning};
pub use format::Format;
pub use limits::Limits;
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
    /// True when the résumé is the JSON Resume the file carried ([`embed`]), not a reading of
    /// its text.
    pub from_embedded: bool,
}

/// How inputs are read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub limits: Limits,
    /// Read the visible text even when the file carries its JSON Resume (`--ignore-embedded`).
    pub ignore_embedded: bool,
}

/// The largest input read by default (20 MB); `--max-input-size` raises it.
pub const DEFAULT_MAX_INPUT: u64 = 20 * 1024 * 1024; // = Limits::default().input

/// Reads a whole input: a file path, or `-` for standard input, refusing more than the
/// default limit.
pub fn read_input(path: &str) -> Result<Vec<u8>, Error> {
    read_input_limited(path, DEFAULT_MAX_INPUT)
}

/// Reads a whole input, refusing more than `limit` bytes (checked before reading a file, and
/// while reading standard input, so an endless stream cannot exhaust memory).
pub fn read_input_limited(path: &str, limit: u64) -> Result<Vec<u8>, Error> {
    let too_big = |name: &str| Error::Unreadable {
        file: name.to_string(),
        message: format!(
            "larger than the {} input limit (raise it with --max-input-size)",
            human_size(limit)
        ),
    };
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Read {
                path: STDIN_NAME.into(),
                source,
            })?;
        if bytes.len() as u64 > limit {
            return Err(too_big(STDIN_NAME));
        }
        return Ok(bytes);
    }
    let p = Path::new(path);
    if p.is_dir() {
        return Err(Error::Read {
            path: path.into(),
            source: std::io::Error::other("is a directory"),
        });
    }
    let file = std::fs::File::open(p).map_err(|source| Error::Read {
        path: path.into(),
        source,
    })?;
    if file.metadata().map(|m| m.len()).unwrap_or(0) > limit {
        return Err(too_big(path));
    }
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: path.into(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_big(path));
    }
    Ok(bytes)
}

/// "20 MB", "512 KB", "300 bytes".
pub fn human_size(n: u64) -> String {
    if n >= 1024 * 1024 && n.is_multiple_of(1024 * 1024) {
        format!("{} MB", n / 1024 / 1024)
    } else if n >= 1024 && n.is_multiple_of(1024) {
        format!("{} KB", n / 1024)
    } else {
        format!("{n} bytes")
    }
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

/// Reads a document-like input (text, Markdown, HTML, PDF, DOCX) into its [`doc::Doc`]
/// (for diagnostics; conversion goes through [`read_resume`]).
pub fn read_doc(bytes: &[u8], format: Format, name: &str) -> Result<doc::Doc, Error> {
    match format.reader()?.read(bytes, name, &Limits::default())?.0 {
        format::Parsed::Doc(doc) => Ok(doc),
        format::Parsed::Resume(_) | format::Parsed::Carried { .. } => Err(Error::NotSupported {
            name: format.name(),
            direction: " as a document",
        }),
    }
}

/// Reads one document of a known format into a résumé, within the default [`Limits`].
pub fn read_resume(bytes: &[u8], format: Format, name: &str) -> Result<Reading, Error> {
    read_resume_with(bytes, format, name, &Limits::default())
}

/// Reads one document of a known format into a résumé, refusing input over `limits`.
pub fn read_resume_with(
    bytes: &[u8],
    format: Format,
    name: &str,
    limits: &Limits,
) -> Result<Reading, Error> {
    let opts = ReadOptions {
        limits: *limits,
        ignore_embedded: false,
    };
    read_resume_opts(bytes, format, name, &opts)
}

/// Reads one document of a known format into a résumé, as `opts` say.
pub fn read_resume_opts(
    bytes: &[u8],
    format: Format,
    name: &str,
    opts: &ReadOptions,
) -> Result<Reading, Error> {
    let reader = format.reader()?;
    if bytes.is_empty() {
        return Err(Error::Unreadable {
            file: name.into(),
            message: "the input is empty".into(),
        });
    }
    let (parsed, warnings) = reader.read(bytes, name, &opts.limits)?;
    let reading = match parsed {
        format::Parsed::Resume(resume) => Reading {
            resume: *resume,
            warnings,
            from_embedded: false,
        },
        format::Parsed::Carried {
            resume,
            embedded,
            fingerprint,
        } => {
            let mut warnings = warnings;
            match carried(&embedded, &fingerprint, name, opts, &mut warnings) {
                Some(resume) => Reading {
                    resume,
                    warnings: Vec::new(),
                    from_embedded: true,
                },
                None => Reading {
                    resume: *resume,
                    warnings,
                    from_embedded: false,
                },
            }
        }
        format::Parsed::Doc(doc) => from_doc(&doc, warnings, name, opts),
    };
    if reading.resume == Resume::default() {
        return Err(Error::NoContent { file: name.into() });
    }
    Ok(reading)
}

/// The résumé a document holds: the JSON Resume it carries when that is still the data of
/// its visible text (our own PDF, DOCX and HTML), else what extraction reads from the text.
fn from_doc(doc: &doc::Doc, mut warnings: Vec<Warning>, name: &str, opts: &ReadOptions) -> Reading {
    if let Some(e) = &doc.embedded {
        if let Some(resume) = carried(e, &embed::fingerprint(doc), name, opts, &mut warnings) {
            return Reading {
                resume,
                warnings: Vec::new(),
                from_embedded: true,
            };
        }
    }
    let (resume, found) = extract::extract(doc);
    warnings.extend(found);
    Reading {
        resume,
        warnings,
        from_embedded: false,
    }
}

/// The JSON Resume a file carries, when it is still the data of what the file shows now
/// (`fingerprint`, computed from the file as read) and the reader was not told to ignore it;
/// otherwise a warning says why the visible content is read instead.
fn carried(
    e: &embed::Embedded,
    fingerprint: &str,
    name: &str,
    opts: &ReadOptions,
    warnings: &mut Vec<Warning>,
) -> Option<Resume> {
    if opts.ignore_embedded {
        return None;
    }
    if fingerprint != e.fingerprint {
        warnings.push(Warning::new(
            None,
            "the JSON Resume embedded in this file is out of date (its text was \
             edited since it was written): read from the text instead",
        ));
        return None;
    }
    match read::json::parse_value(e.json.as_bytes(), name)
        .and_then(|v| read::json::to_resume(v, name))
    {
        Ok(resume) => Some(resume),
        Err(err) => {
            warnings.push(Warning::new(
                None,
                format!(
                    "the JSON Resume embedded in this file is damaged ({err}): read from \
                     the text instead"
                ),
            ));
            None
        }
    }
}

/// How documents are written, beyond their content.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Paper size for paged formats (DOCX, PDF).
    pub paper: write::docx::Paper,
    /// Write PDF, DOCX and HTML without the embedded JSON Resume (`--no-embed`).
    pub no_embed: bool,
    /// Wrap plain text at this many columns (`--wrap N`); none by default.
    pub wrap: Option<usize>,
    /// The design of PDF, DOCX and HTML (`--theme`, `--accent`, `--font-size`, `--margins`).
    pub theme: theme::ThemeOptions,
    /// `--fit-pages N`: PDF and DOCX reduce spacing, type size and margins within readable
    /// limits until the résumé fits N pages, or fail saying it cannot.
    pub fit_pages: Option<usize>,
    /// The documents' date, seconds since 1970. None: `SOURCE_DATE_EPOCH`, else 0, so a
    /// library call gives the same bytes every time; the command line passes the time of
    /// the run unless `SOURCE_DATE_EPOCH` is set.
    pub epoch: Option<i64>,
    /// The language documents are labelled with (`/Lang`, `xml:lang`, `<html lang>`), from
    /// `--lang`; None: the résumé's `meta.language`, else English.
    pub lang: Option<String>,
}

/// `SOURCE_DATE_EPOCH` when set and valid, else the time now: the date a document written
/// by the command line carries.
pub fn run_epoch() -> i64 {
    source_date_epoch_var().unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| i64::try_from(d.as_secs()).ok())
            .unwrap_or(0)
    })
}

fn source_date_epoch_var() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|s| (0..=253_402_300_799).contains(s))
}

/// `SOURCE_DATE_EPOCH` when set and valid, else 0.
pub fn source_date_epoch() -> i64 {
    source_date_epoch_var().unwrap_or(0)
}

/// Seconds since 1970 as `YYYY-MM-DDThh:mm:ssZ` (proleptic Gregorian, UTC).
pub fn iso_datetime(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's days-from-civil inverse.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Renders a résumé in the given format with default options.
pub fn render(resume: &Resume, format: Format) -> Result<Vec<u8>, Error> {
    render_with(resume, format, &WriteOptions::default())
}

/// Renders a résumé in the given format.
pub fn render_with(resume: &Resume, format: Format, opts: &WriteOptions) -> Result<Vec<u8>, Error> {
    render_full(resume, format, opts).map(|(bytes, _)| bytes)
}

/// Renders a résumé in the given format, with what the writer could not do (a character the
/// PDF font lacks).
pub fn render_full(
    resume: &Resume,
    format: Format,
    opts: &WriteOptions,
) -> Result<(Vec<u8>, Vec<Warning>), Error> {
    let ctx = format::WriteContext {
        options: opts,
        meta: meta::DocMeta::with(resume, opts),
    };
    format.writer()?.write(resume, &ctx)
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_datetimes() {
        assert_eq!(super::iso_datetime(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::iso_datetime(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(super::iso_datetime(1_700_000_000), "2023-11-14T22:13:20Z");
    }
}
