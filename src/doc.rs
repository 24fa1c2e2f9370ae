//! `Doc`: a small presentational document, the form every text-like reader produces and
//! extraction consumes.
//!
//! A `Doc` knows nothing about résumés: it is blocks (headings, paragraphs, list items,
//! quotes, rules, definition terms and definitions) made of inline spans (text with bold,
//! italic and a link target). Line breaks inside a block are kept as [`Span::is_break`] spans,
//! because in CVs a line often is a unit (one skill per line, a job title on its own line).
//! Every block keeps the 1-based source line it came from, for warnings.

/// A whole document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
    /// The JSON Resume the file carries beside its text (our own PDF and DOCX files).
    pub embedded: Option<crate::embed::Embedded>,
}

/// What kind of block a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A heading; level 1 is the largest.
    Heading(u8),
    Paragraph,
    /// A list item; depth 0 is the outermost list.
    ListItem(u8),
    /// A block quotation.
    Quote,
    /// A horizontal rule (no spans).
    Rule,
    /// The term of a definition list (`Term` then `: definition`).
    Term,
    /// The definition of a definition list.
    Definition,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Kind,
    pub spans: Vec<Span>,
    /// What goes flush right on the same line (an entry's dates), if anything.
    pub right: Vec<Span>,
    /// 1-based line in the source where the block starts.
    pub line: usize,
}

/// A run of text with one style.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Underlined (`<u>` in Markdown exports); treated as emphasis.
    pub underline: bool,
    /// The link target, when the text is a link.
    pub link: Option<String>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    /// A line break inside a block.
    pub fn line_break() -> Span {
        Span::plain("\n")
    }

    pub fn is_break(&self) -> bool {
        self.text == "\n"
    }

    /// True when the span carries any emphasis.
    pub fn styled(&self) -> bool {
        self.bold || self.italic || self.underline
    }
}

impl Block {
    pub fn new(kind: Kind, spans: Vec<Span>, line: usize) -> Block {
        Block {
            kind,
            spans,
            right: Vec::new(),
            line,
        }
    }

    /// The block's text with line breaks as spaces and runs of whitespace collapsed.
    pub fn text(&self) -> String {
        collapse(
            &self
                .spans
                .iter()
                .map(|s| s.text.as_str())
                .collect::<String>(),
        )
    }

    /// The block cut at its line breaks; each line is a list of spans (possibly empty).
    pub fn lines(&self) -> Vec<Vec<Span>> {
        let mut out = vec![Vec::new()];
        for s in &self.spans {
            if s.is_break() {
                out.push(Vec::new());
            } else if let Some(last) = out.last_mut() {
                last.push(s.clone());
            }
        }
        out
    }
}

/// Collapses runs of whitespace (including line breaks and no-break spaces) to one space and
/// trims the ends.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Appends text to a span list, merging with the last span when the style is the same.
pub fn push_text(
    spans: &mut Vec<Span>,
    text: &str,
    bold: bool,
    italic: bool,
    underline: bool,
    link: Option<&str>,
) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = spans.last_mut() {
        if !last.is_break()
            && last.bold == bold
            && last.italic == italic
            && last.underline == underline
            && last.link.as_deref() == link
        {
            last.text.push_str(text);
            return;
        }
    }
    spans.push(Span {
        text: text.to_string(),
        bold,
        italic,
        underline,
        link: link.map(str::to_string),
    });
}
