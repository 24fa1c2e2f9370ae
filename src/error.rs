//! The library's one error type.
//!
//! Every message names the file it is about (or `<stdin>`) and, where it helps, the line and
//! column, so the binary can print it on one line as it is. The binary, not the library,
//! decides the exit code: [`Error::is_usage`] tells a mistake in the command line from a
//! document that could not be converted.

use std::io;

/// Everything that can go wrong while reading, converting or writing a résumé.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input could not be read from disk or stdin.
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: io::Error,
    },
    /// An output could not be written (the previous file, if any, is untouched).
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: io::Error,
    },
    /// JSON that does not parse.
    #[error("{file}:{line}:{column}: malformed JSON: {message}")]
    JsonSyntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// Well-formed input that is not a résumé of the expected shape (`"work": "x"`).
    #[error("{file}: {message}")]
    Shape { file: String, message: String },
    /// An input with nothing in it to convert.
    #[error("no résumé content found in {file}")]
    NoContent { file: String },
    /// Input that is not text of any kind we read (binary data).
    #[error("{file}: {message}")]
    Unreadable { file: String, message: String },
    /// A format the registry knows but that is not implemented in this direction yet.
    #[error("format \"{name}\" is not supported yet{direction}")]
    NotSupported {
        name: &'static str,
        direction: &'static str,
    },
    /// `--fit-pages N` asked for fewer pages than the résumé needs at the smallest readable
    /// setting.
    #[error(
        "does not fit on {pages} page(s): it needs {needed} even at the smallest readable setting (body {body} pt, narrow margins); shorten it or allow more pages"
    )]
    DoesNotFit {
        pages: usize,
        needed: usize,
        body: f32,
    },
    /// A mistake in how the tool was called (exit code 2).
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The error said of one input: a writer's refusal about the document (it does not fit
    /// the pages asked for) names the file it came from.
    pub fn in_file(self, file: &str) -> Error {
        match self {
            Error::DoesNotFit { .. } => Error::Shape {
                file: file.to_string(),
                message: self.to_string(),
            },
            e => e,
        }
    }

    /// True when the command line, not a document, is at fault.
    pub fn is_usage(&self) -> bool {
        matches!(self, Error::Usage(_) | Error::NotSupported { .. })
    }

    /// True when the error is a closed pipe on output (`resumeconv ... | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// A problem with a document that did not stop its conversion: content that fits nowhere, a
/// date that cannot be read, a guess worth checking.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// The 1-based source line the warning is about, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

impl Warning {
    pub fn new(line: Option<usize>, message: impl Into<String>) -> Self {
        Warning {
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
