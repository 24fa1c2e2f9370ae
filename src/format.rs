//! The format registry: every format the tool knows, its names and aliases, its file
//! extensions, content sniffing, and which directions are implemented.
//!
//! A new format is one new reader or writer file plus one row here. Formats that are known but
//! not implemented yet answer `format "pdf" is not supported yet` instead of producing
//! anything fake.

use crate::error::Error;
use std::path::Path;

/// A document format, as named on the command line (`-f`, `-t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// JSON Resume (https://jsonresume.org/schema)
    #[value(alias = "jsonresume")]
    Json,
    /// Markdown (CommonMark, Google Docs exports)
    #[value(alias = "md")]
    Markdown,
    /// Plain text
    #[value(alias = "txt")]
    Text,
    /// Word document (Office Open XML)
    Docx,
    /// PDF
    Pdf,
    /// HTML
    #[value(alias = "htm")]
    Html,
    /// YAML form of JSON Resume
    #[value(alias = "yml")]
    Yaml,
}

/// One row of the registry.
struct Row {
    format: Format,
    name: &'static str,
    extensions: &'static [&'static str],
    binary: bool,
    read: bool,
    write: bool,
}

#[rustfmt::skip]
const TABLE: &[Row] = &[
    Row { format: Format::Json, name: "json", extensions: &["json"], binary: false, read: true, write: true },
    Row { format: Format::Markdown, name: "markdown", extensions: &["md", "markdown", "mdown", "mkd"], binary: false, read: true, write: true },
    Row { format: Format::Text, name: "text", extensions: &["txt", "text"], binary: false, read: true, write: false },
    Row { format: Format::Docx, name: "docx", extensions: &["docx"], binary: true, read: true, write: true },
    Row { format: Format::Pdf, name: "pdf", extensions: &["pdf"], binary: true, read: true, write: true },
    Row { format: Format::Html, name: "html", extensions: &["html", "htm"], binary: false, read: false, write: false },
    Row { format: Format::Yaml, name: "yaml", extensions: &["yaml", "yml"], binary: false, read: false, write: false },
];

impl Format {
    fn row(self) -> &'static Row {
        // Every variant has exactly one row; the test `every_format_has_a_row` checks it.
        #[allow(clippy::indexing_slicing)] // TABLE is a constant of 7 rows: index 0 exists
        TABLE.iter().find(|r| r.format == self).unwrap_or(&TABLE[0])
    }

    /// Every known format, in the order `--list-formats` prints them.
    pub fn all() -> impl Iterator<Item = Format> {
        TABLE.iter().map(|r| r.format)
    }

    /// The canonical name (`markdown`, not `md`).
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The file extensions that mean this format, the first being the one we write.
    pub fn extensions(self) -> &'static [&'static str] {
        self.row().extensions
    }

    /// Binary formats are not written to a terminal unless asked for explicitly (`-o -`).
    pub fn is_binary(self) -> bool {
        self.row().binary
    }

    pub fn can_read(self) -> bool {
        self.row().read
    }

    pub fn can_write(self) -> bool {
        self.row().write
    }

    /// The format a file name means, from its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        TABLE
            .iter()
            .find(|r| r.extensions.contains(&ext.as_str()))
            .map(|r| r.format)
    }

    /// Fails with "not supported yet" unless this format can be read.
    pub fn require_read(self) -> Result<(), Error> {
        if self.can_read() {
            Ok(())
        } else {
            Err(Error::NotSupported {
                name: self.name(),
                direction: " as input",
            })
        }
    }

    /// Fails with "not supported yet" unless this format can be written.
    pub fn require_write(self) -> Result<(), Error> {
        if self.can_write() {
            Ok(())
        } else {
            Err(Error::NotSupported {
                name: self.name(),
                direction: " as output",
            })
        }
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
/// is plainly wrong (a `.txt` that is really Markdown, a `.json` that is really a PDF).
pub fn sniff(bytes: &[u8], hint: Option<Format>) -> Option<Format> {
    if bytes.starts_with(b"%PDF-") {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(Format::Docx);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace()).copied();
    match hint {
        Some(Format::Text) | None => {
            if hint.is_none() && first == Some(b'{') {
                return Some(Format::Json);
            }
            let sample = String::from_utf8_lossy(text.get(..64 * 1024).unwrap_or(text));
            if crate::read::markdown::looks_like_markdown(&sample) {
                Some(Format::Markdown)
            } else {
                Some(Format::Text)
            }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn every_format_has_a_row() {
        for f in Format::value_variants() {
            assert_eq!(TABLE.iter().filter(|r| r.format == *f).count(), 1, "{f:?}");
        }
    }

    #[test]
    fn extensions_and_aliases() {
        assert_eq!(
            Format::from_path(Path::new("a/CV.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("cv.docx")), Some(Format::Docx));
        assert_eq!(Format::from_path(Path::new("cv")), None);
        assert_eq!(Format::from_str("md", true), Ok(Format::Markdown));
        assert_eq!(Format::from_str("jsonresume", true), Ok(Format::Json));
        assert_eq!(Format::from_str("txt", true), Ok(Format::Text));
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
    }
}
