//! The format registry: every format the tool knows — its names, aliases and extensions, how
//! its content is recognised, and the reader and writer that implement it — in one table.
//!
//! A new format is one reader and/or writer module plus one row in [`TABLE`]; the command
//! line's `-f`/`-t` values, `--list-formats`, `--help` and the shell completions are all
//! derived from the table, so nothing is offered that cannot be done.

use crate::doc::Doc;
use crate::error::{Error, Warning};
use crate::limits::Limits;
use crate::meta::DocMeta;
use crate::model::Resume;
use std::path::Path;

/// A document format, as named on the command line (`-f`, `-t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    Yaml,
    RenderCv,
    Markdown,
    Text,
    Html,
    Docx,
    Pdf,
    LinkedIn,
}

/// What a reader makes of an input: a presentational document that extraction then reads
/// (text, Markdown, HTML, PDF, DOCX), or the résumé itself (JSON, YAML, RenderCV).
pub enum Parsed {
    Doc(Doc),
    Resume(Box<Resume>),
    /// A résumé read from a format's own fields (RenderCV), with the JSON Resume our writer
    /// carried beside them and the fingerprint of those fields as they are now: the carried
    /// data stands while the fingerprint still matches.
    Carried {
        resume: Box<Resume>,
        embedded: crate::embed::Embedded,
        fingerprint: String,
    },
}

/// Bytes of one format in: a [`Doc`] or a [`Resume`], with what could not be read.
pub trait Reader: Sync {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &Limits,
    ) -> Result<(Parsed, Vec<Warning>), Error>;
}

/// What every writer is given beside the résumé: the options and the document metadata,
/// computed once ([`DocMeta`]).
pub struct WriteContext<'a> {
    pub options: &'a crate::WriteOptions,
    pub meta: DocMeta,
}

impl WriteContext<'_> {
    /// The JSON Resume and the fingerprint of the document's visible text, to carry inside
    /// the output (none under `--no-embed`).
    pub fn embedded(&self, resume: &Resume, doc: &Doc) -> Option<crate::embed::Embedded> {
        if self.options.no_embed {
            return None;
        }
        Some(crate::embed::Embedded {
            json: crate::write::json::to_string(resume),
            fingerprint: crate::embed::fingerprint(doc),
        })
    }
}

/// A résumé out to bytes of one format, with what the format could not hold.
pub trait Writer: Sync {
    fn write(&self, resume: &Resume, ctx: &WriteContext) -> Result<(Vec<u8>, Vec<Warning>), Error>;
}

/// One row of the registry.
pub struct Row {
    pub format: Format,
    /// The canonical name (`markdown`), then its aliases (`md`).
    pub names: &'static [&'static str],
    /// What `--list-formats` and `--help` say it is.
    pub about: &'static str,
    /// File extensions that mean this format; the first is the one we write.
    pub extensions: &'static [&'static str],
    /// Binary formats are not written to a terminal unless asked for (`-o -`).
    pub binary: bool,
    pub reader: Option<&'static dyn Reader>,
    pub writer: Option<&'static dyn Writer>,
}

/// Every format, in the order `--list-formats` prints them.
#[rustfmt::skip]
pub const TABLE: &[Row] = &[
    Row { format: Format::Json, names: &["json", "jsonresume"], about: "JSON Resume (jsonresume.org/schema)", extensions: &["json"], binary: false, reader: Some(&crate::read::json::READER), writer: Some(&crate::write::json::WRITER) },
    Row { format: Format::Yaml, names: &["yaml", "yml"], about: "JSON Resume as YAML", extensions: &["yaml", "yml"], binary: false, reader: Some(&crate::read::yaml::READER), writer: Some(&crate::write::yaml::WRITER) },
    Row { format: Format::RenderCv, names: &["rendercv"], about: "RenderCV's YAML (the cv: document)", extensions: &["yaml", "yml"], binary: false, reader: Some(&crate::rendercv::READER), writer: Some(&crate::rendercv::WRITER) },
    Row { format: Format::Markdown, names: &["markdown", "md"], about: "Markdown (CommonMark, Google Docs exports)", extensions: &["md", "markdown", "mdown", "mkd"], binary: false, reader: Some(&crate::read::markdown::READER), writer: Some(&crate::write::markdown::WRITER) },
    Row { format: Format::Text, names: &["text", "txt"], about: "Plain text", extensions: &["txt", "text"], binary: false, reader: Some(&crate::read::text::READER), writer: Some(&crate::write::text::WRITER) },
    Row { format: Format::Html, names: &["html", "htm"], about: "HTML: one self-contained page", extensions: &["html", "htm"], binary: false, reader: Some(&crate::read::html::READER), writer: Some(&crate::write::html::WRITER) },
    Row { format: Format::Docx, names: &["docx", "word"], about: "Word document (Office Open XML)", extensions: &["docx"], binary: true, reader: Some(&crate::read::docx::READER), writer: Some(&crate::write::docx::WRITER) },
    Row { format: Format::Pdf, names: &["pdf"], about: "PDF", extensions: &["pdf"], binary: true, reader: Some(&crate::read::pdf::READER), writer: Some(&crate::write::pdf::WRITER) },
    Row { format: Format::LinkedIn, names: &["linkedin"], about: "LinkedIn data export (the ZIP of CSV files from \"Get a copy of your data\")", extensions: &["zip"], binary: true, reader: Some(&crate::read::linkedin::READER), writer: None },
];

/// Which way a format is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Read,
    Write,
}

impl Format {
    pub fn row(self) -> &'static Row {
        // Every variant has exactly one row (the test `every_format_has_a_row`); the
        // fallback is never taken.
        #[allow(clippy::indexing_slicing)] // TABLE is a non-empty constant
        TABLE.iter().find(|r| r.format == self).unwrap_or(&TABLE[0])
    }

    /// Every known format, in the order `--list-formats` prints them.
    pub fn all() -> impl Iterator<Item = Format> {
        TABLE.iter().map(|r| r.format)
    }

    /// The formats that can be used one way.
    pub fn usable(direction: Direction) -> impl Iterator<Item = Format> {
        Format::all().filter(move |f| f.can(direction))
    }

    /// The canonical name (`markdown`, not `md`).
    pub fn name(self) -> &'static str {
        self.row().names.first().copied().unwrap_or("?")
    }

    /// The other names a user may type.
    pub fn aliases(self) -> &'static [&'static str] {
        self.row().names.get(1..).unwrap_or_default()
    }

    /// The format a name or alias means, ignoring case (`PDF`, `md`, `Markdown`).
    pub fn from_name(name: &str) -> Option<Format> {
        TABLE
            .iter()
            .find(|r| r.names.iter().any(|n| n.eq_ignore_ascii_case(name.trim())))
            .map(|r| r.format)
    }

    /// The file extensions that mean this format, the first being the one we write.
    pub fn extensions(self) -> &'static [&'static str] {
        self.row().extensions
    }

    /// Binary formats are not written to a terminal unless asked for explicitly (`-o -`).
    pub fn is_binary(self) -> bool {
        self.row().binary
    }

    pub fn can(self, direction: Direction) -> bool {
        match direction {
            Direction::Read => self.row().reader.is_some(),
            Direction::Write => self.row().writer.is_some(),
        }
    }

    pub fn can_read(self) -> bool {
        self.can(Direction::Read)
    }

    pub fn can_write(self) -> bool {
        self.can(Direction::Write)
    }

    /// The reader, or "not supported as input".
    pub fn reader(self) -> Result<&'static dyn Reader, Error> {
        self.row().reader.ok_or(Error::NotSupported {
            name: self.name(),
            direction: " as input",
        })
    }

    /// The writer, or "not supported as output".
    pub fn writer(self) -> Result<&'static dyn Writer, Error> {
        self.row().writer.ok_or(Error::NotSupported {
            name: self.name(),
            direction: " as output",
        })
    }

    /// The format a file name means, from its extension (case-insensitive); a double
    /// extension names a format that shares its extension with another (`cv.rendercv.yaml`).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        let inner = path
            .file_stem()
            .map(Path::new)
            .and_then(Path::extension)
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if let Some(f) = inner.as_deref().and_then(Format::from_name) {
            if f.extensions().contains(&ext.as_str()) {
                return Some(f);
            }
        }
        TABLE
            .iter()
            .find(|r| r.extensions.contains(&ext.as_str()))
            .map(|r| r.format)
    }

    /// Fails with "not supported yet" unless this format can be read.
    pub fn require_read(self) -> Result<(), Error> {
        self.reader().map(|_| ())
    }

    /// Fails with "not supported yet" unless this format can be written.
    pub fn require_write(self) -> Result<(), Error> {
        self.writer().map(|_| ())
    }

    /// A clap value parser accepting the names and aliases of the formats usable one way,
    /// in any case; `--help` and the completions list exactly these.
    pub fn value_parser(
        direction: Direction,
    ) -> impl clap::builder::TypedValueParser<Value = Format> {
        use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
        let values: Vec<PossibleValue> = Format::usable(direction)
            .map(|f| {
                PossibleValue::new(f.name())
                    .aliases(f.aliases().iter().copied())
                    .help(f.row().about)
            })
            .collect();
        PossibleValuesParser::new(values).map(|s| Format::from_name(&s).unwrap_or(Format::Json))
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Guesses a format from content: magic numbers for binary formats, then the shape of text.
///
/// `hint` is what the file name said, if anything: content only overrides it where the name
/// is plainly wrong (a `.txt` that is really Markdown, a `.json` that is really a PDF) or
/// too general (a `.yaml` that is a RenderCV document, a `.txt` that is a web page).
pub fn sniff(bytes: &[u8], hint: Option<Format>) -> Option<Format> {
    if bytes.starts_with(b"%PDF-") {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        use crate::read::linkedin::{is_word, looks_like};
        let linkedin = looks_like(bytes) || (hint == Some(Format::LinkedIn) && !is_word(bytes));
        return Some(if linkedin {
            Format::LinkedIn
        } else {
            Format::Docx
        });
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let sample = String::from_utf8_lossy(text.get(..64 * 1024).unwrap_or(text));
    match hint {
        Some(Format::Yaml | Format::RenderCv) | None if crate::rendercv::looks_like(&sample) => {
            Some(Format::RenderCv)
        }
        Some(Format::Text) | None if looks_like_html(&sample) => Some(Format::Html),
        Some(Format::Text) | None => {
            if hint.is_none() && first == Some(b'{') {
                return Some(Format::Json);
            }
            if crate::read::markdown::looks_like_markdown(&sample) {
                Some(Format::Markdown)
            } else {
                Some(Format::Text)
            }
        }
        other => other,
    }
}

/// A web page: it opens with a doctype or an `<html>` element (after a byte-order mark,
/// white space and comments).
fn looks_like_html(sample: &str) -> bool {
    let head: String = sample
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_a_row() {
        for f in Format::all() {
            assert_eq!(TABLE.iter().filter(|r| r.format == f).count(), 1, "{f:?}");
        }
        assert_eq!(TABLE.len(), 9);
    }

    #[test]
    fn names_extensions_and_aliases() {
        assert_eq!(
            Format::from_path(Path::new("a/CV.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("cv.docx")), Some(Format::Docx));
        assert_eq!(Format::from_path(Path::new("cv.yml")), Some(Format::Yaml));
        assert_eq!(Format::from_path(Path::new("cv")), None);
        assert_eq!(Format::from_name("md"), Some(Format::Markdown));
        assert_eq!(Format::from_name("PDF"), Some(Format::Pdf));
        assert_eq!(Format::from_name("JsonResume"), Some(Format::Json));
        assert_eq!(Format::from_name("txt"), Some(Format::Text));
        assert_eq!(Format::from_name("RenderCV"), Some(Format::RenderCv));
        assert_eq!(
            Format::from_path(Path::new("cv.rendercv.yaml")),
            Some(Format::RenderCv)
        );
        assert_eq!(Format::from_path(Path::new("cv.yaml")), Some(Format::Yaml));
        assert_eq!(
            Format::from_path(Path::new("ana.lima.md")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("v1.2.PDF")), Some(Format::Pdf));
        assert_eq!(Format::from_name("odt"), None);
    }

    #[test]
    fn the_parsers_offer_only_what_can_be_done() {
        use clap::builder::TypedValueParser;
        for d in [Direction::Read, Direction::Write] {
            let offered: Vec<String> = Format::value_parser(d)
                .possible_values()
                .into_iter()
                .flatten()
                .map(|v| v.get_name().to_string())
                .collect();
            let usable: Vec<String> = Format::usable(d).map(|f| f.name().to_string()).collect();
            assert_eq!(offered, usable);
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"%PDF-1.7\n", Some(Format::Text)), Some(Format::Pdf));
        assert_eq!(sniff(b"  {\"basics\":{}}", None), Some(Format::Json));
        assert_eq!(
            sniff(
                b"# Jane\n\n## Experience\n\n* **Led** things\n",
                Some(Format::Text)
            ),
            Some(Format::Markdown)
        );
        assert_eq!(
            sniff(
                b"JANE DOE\n\nEXPERIENCE\nAcme - Engineer\n",
                Some(Format::Text)
            ),
            Some(Format::Text)
        );
        assert_eq!(
            sniff(b"cv:\n  name: Jane Roe\n  sections:\n", Some(Format::Yaml)),
            Some(Format::RenderCv)
        );
        assert_eq!(
            sniff(b"basics:\n  name: Jane Roe\n", Some(Format::Yaml)),
            Some(Format::Yaml)
        );
        assert_eq!(
            sniff(b"<!DOCTYPE html>\n<html><body>Jane</body></html>", None),
            Some(Format::Html)
        );
    }
}
