//! Markdown in: bytes → [`Doc`] through pulldown-cmark, including what Google Docs exports
//! produce (`\-` escapes, `**bold **` with a space before the closing marker, tab-separated
//! header lines, empty headings, `<u>` underlines) and pandoc's definition lists and heading
//! attributes.

use crate::doc::{Block, Doc, Kind, Span, push_text};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeWithOffset};

/// True when text carries enough Markdown syntax to be read as Markdown even if its name says
/// `.txt`: ATX headings, emphasis markers, links, escaped punctuation as Google Docs writes
/// it. Evidence is summed over lines; plain-text headings (`SKILLS -----`) count against it.
pub fn looks_like_markdown(text: &str) -> bool {
    let mut score = 0i32;
    let mut atx = 0;
    let mut plain_headings = 0;
    for line in text.lines().take(2000) {
        let t = line.trim_start();
        if t.starts_with('#') && t.trim_start_matches('#').starts_with([' ', '\t']) {
            score += 3;
            atx += 1;
        }
        // "*** SKILLS *****": stars followed by a space open no emphasis (CommonMark's
        // left-flanking rule), so a line framed so is a plain-text banner heading.
        let opening = t.chars().take_while(|c| "*=#~+_-".contains(*c)).count();
        let banner = opening >= 2
            && t.chars().nth(opening).is_some_and(char::is_whitespace)
            && crate::read::text::framed_heading(t).is_some();
        if banner {
            plain_headings += 1;
            continue;
        }
        if t.contains("**") || t.contains("__") {
            score += 2;
        }
        if t.contains("](") {
            score += 2;
        }
        if t.contains("\\-") || t.contains("\\*") || t.contains("\\.") {
            score += 1;
        }
        if t.starts_with("```") || t.starts_with("> ") {
            score += 1;
        }
        if crate::read::text::dashed_heading(t).is_some() {
            plain_headings += 1;
        }
    }
    if atx >= 2 {
        return true;
    }
    score - 4 * plain_headings >= 6
}

/// `**bold **` rewritten `**bold** ` (and `*italic *` `*italic* `): each emphasised run whose
/// closing marker follows a space or tab. The opening marker starts the text or follows a space
/// or bracket, and the run's text has no star or line break inside; the first closing marker
/// that fits ends it.
fn fix_bold_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    match fix_marker_spaces(text, "**") {
        std::borrow::Cow::Borrowed(t) => fix_marker_spaces(t, "*"),
        std::borrow::Cow::Owned(t) => {
            std::borrow::Cow::Owned(fix_marker_spaces(&t, "*").into_owned())
        }
    }
}

/// [`fix_bold_spaces`] for one marker; a single `*` is never part of a `**`.
fn fix_marker_spaces<'a>(text: &'a str, marker: &str) -> std::borrow::Cow<'a, str> {
    let m_len = marker.len();
    let single = m_len == 1;
    let b = text.as_bytes();
    let lone = |i: usize| !single || b.get(i) != Some(&b'*');
    let non_space = |i: usize| text[i..].chars().next().filter(|c| !c.is_whitespace());
    let mut out = String::new();
    let mut copied = 0;
    let mut q = 0;
    while let Some(found) = text[q..].find(marker) {
        q += found;
        if single && (!lone(q + 1) || (q > 0 && b.get(q - 1) == Some(&b'*'))) {
            q += 1;
            while b.get(q) == Some(&b'*') {
                q += 1;
            }
            continue;
        }
        // The opening marker: at the start, or after a space or bracket (taken with it).
        let before = text[..q].chars().next_back();
        let opens = q == 0 || before.is_some_and(|c| c.is_whitespace() || c == '(' || c == '[');
        let start = q - before.filter(|_| q > 0).map_or(0, char::len_utf8);
        let closing = |i: usize| {
            let n = b
                .get(i..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
            let at = i + n;
            let ends = b
                .get(at..)
                .is_some_and(|r| r.starts_with(marker.as_bytes()));
            (n > 0 && ends && lone(at + m_len)).then_some(at + m_len)
        };
        // `[^\s*][^*\n]*?\S` then spaces and the marker, the shortest first; else one `[^\s*]`
        // (a run starting with a star is `***bold italic***`, not this convention).
        let run = opens && start >= copied;
        let inner = run
            .then(|| non_space(q + m_len))
            .flatten()
            .filter(|c| *c != '*')
            .and_then(|c0| {
                let from = q + m_len + c0.len_utf8();
                let mut m = from;
                loop {
                    if let Some(c1) = non_space(m) {
                        let e = m + c1.len_utf8();
                        if let Some(end) = closing(e) {
                            return Some((e, end));
                        }
                    }
                    match text[m..].chars().next() {
                        Some(c) if c != '*' && c != '\n' => m += c.len_utf8(),
                        _ => break,
                    }
                }
                closing(from).map(|end| (from, end))
            });
        match inner {
            Some((inner_end, end)) => {
                out.push_str(&text[copied..q]);
                out.push_str(marker);
                out.push_str(&text[q + m_len..inner_end]);
                out.push_str(marker);
                out.push(' ');
                copied = end;
                q = end;
            }
            None => q += 1,
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Reads Markdown text into a [`Doc`].
///
/// `**bold **` (a space before the closing marker, as Google Docs writes it) is not bold in
/// CommonMark; it is normalised to `**bold** ` first. The opening marker must be followed by
/// a non-space so that the gap between two bold runs is never taken for one.
pub fn read(text: &str) -> Doc {
    let text = fix_bold_spaces(text);
    let text = text.as_ref();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events = TextMergeWithOffset::new(Parser::new_ext(text, options).into_offset_iter());

    let mut b = Builder::default();
    for (event, range) in events {
        let line = line_of(range.start);
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => b.open(Kind::Heading(heading_level(level)), line),
                Tag::Paragraph => {
                    if b.current.is_none() {
                        b.open(b.paragraph_kind(), line);
                    } else if b.current.as_ref().is_some_and(|c| !c.spans.is_empty()) {
                        // A second paragraph inside a list item: keep it on its own line.
                        b.line_break();
                    }
                }
                Tag::BlockQuote(_) => {
                    b.close();
                    b.quote += 1;
                }
                Tag::List(_) => {
                    b.close();
                    b.list_depth += 1;
                }
                Tag::Item => {
                    b.close();
                    let depth = u8::try_from(b.list_depth.saturating_sub(1)).unwrap_or(u8::MAX);
                    b.open(Kind::ListItem(depth), line);
                }
                Tag::DefinitionListTitle => b.open(Kind::Term, line),
                Tag::DefinitionListDefinition => {
                    b.close();
                    b.in_definition = true;
                }
                Tag::CodeBlock(_) | Tag::HtmlBlock => b.open(Kind::Paragraph, line),
                Tag::Emphasis => b.italic += 1,
                Tag::Strong => b.bold += 1,
                Tag::Link { dest_url, .. } => b.link = Some(dest_url.to_string()),
                Tag::Table(_) | Tag::TableHead | Tag::TableRow => b.close(),
                Tag::TableCell => {
                    if b.current.is_none() {
                        b.open(Kind::Paragraph, line);
                    } else {
                        b.text("\t");
                    }
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_)
                | TagEnd::DefinitionListTitle
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock => b.close(),
                TagEnd::Paragraph
                    if !matches!(b.current.as_ref().map(|c| c.kind), Some(Kind::ListItem(_))) =>
                {
                    b.close()
                }
                TagEnd::Item => b.close(),
                TagEnd::List(_) => {
                    b.close();
                    b.list_depth = b.list_depth.saturating_sub(1);
                }
                TagEnd::BlockQuote(_) => {
                    b.close();
                    b.quote = b.quote.saturating_sub(1);
                }
                TagEnd::DefinitionListDefinition => {
                    b.close();
                    b.in_definition = false;
                }
                TagEnd::TableRow | TagEnd::TableHead => b.close(),
                TagEnd::Emphasis => b.italic = b.italic.saturating_sub(1),
                TagEnd::Strong => b.bold = b.bold.saturating_sub(1),
                TagEnd::Link => b.link = None,
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => {
                if b.current.is_none() {
                    b.open(b.paragraph_kind(), line);
                }
                if t.contains('\n') {
                    // Code and HTML blocks: keep their lines.
                    let mut first = true;
                    for part in t.split('\n') {
                        if !first {
                            b.line_break();
                        }
                        first = false;
                        b.text(part);
                    }
                } else {
                    b.text(&t);
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                let tag = h.trim().to_ascii_lowercase();
                match tag.as_str() {
                    "<u>" | "<ins>" => b.underline += 1,
                    "</u>" | "</ins>" => b.underline = b.underline.saturating_sub(1),
                    "<b>" | "<strong>" => b.bold += 1,
                    "</b>" | "</strong>" => b.bold = b.bold.saturating_sub(1),
                    "<i>" | "<em>" => b.italic += 1,
                    "</i>" | "</em>" => b.italic = b.italic.saturating_sub(1),
                    "<br>" | "<br/>" | "<br />" => b.line_break(),
                    _ => {}
                }
            }
            Event::SoftBreak => {
                if matches!(b.current.as_ref().map(|c| c.kind), Some(Kind::ListItem(_))) {
                    b.text(" ");
                } else {
                    b.line_break();
                }
            }
            Event::HardBreak => b.line_break(),
            Event::Rule => {
                b.close();
                b.doc.blocks.push(Block::new(Kind::Rule, Vec::new(), line));
            }
            _ => {}
        }
    }
    b.close();
    b.doc
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Accumulates blocks while walking pulldown-cmark's events.
#[derive(Default)]
struct Builder {
    doc: Doc,
    current: Option<Block>,
    bold: u32,
    italic: u32,
    underline: u32,
    link: Option<String>,
    quote: u32,
    list_depth: u32,
    in_definition: bool,
}

impl Builder {
    /// The kind a paragraph gets where it stands: inside a definition or a quote, or not.
    fn paragraph_kind(&self) -> Kind {
        if self.in_definition {
            Kind::Definition
        } else if self.quote > 0 {
            Kind::Quote
        } else {
            Kind::Paragraph
        }
    }

    fn open(&mut self, kind: Kind, line: usize) {
        self.close();
        self.current = Some(Block::new(kind, Vec::new(), line));
    }

    fn close(&mut self) {
        if let Some(mut block) = self.current.take() {
            while block
                .spans
                .last()
                .is_some_and(|s| s.is_break() || s.text.trim().is_empty())
            {
                block.spans.pop();
            }
            if !block.spans.is_empty() {
                self.doc.blocks.push(block);
            }
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(block) = self.current.as_mut() {
            push_text(
                &mut block.spans,
                t,
                self.bold > 0,
                self.italic > 0,
                self.underline > 0,
                self.link.as_deref(),
            );
        }
    }

    fn line_break(&mut self) {
        if let Some(block) = self.current.as_mut() {
            if !block.spans.is_empty() {
                block.spans.push(Span::line_break());
            }
        }
    }
}

/// The Markdown row of the format registry.
pub struct MarkdownReader;
pub const READER: MarkdownReader = MarkdownReader;

impl crate::format::Reader for MarkdownReader {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &crate::Limits,
    ) -> Result<(crate::format::Parsed, Vec<crate::Warning>), crate::Error> {
        let (text, warning) = crate::read::decode::decode(bytes, name)?;
        limits.check_lines(&text, name)?;
        Ok((
            crate::format::Parsed::Doc(read(&text)),
            warning.into_iter().collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_spaces_are_fixed_as_the_expression_did() {
        let re = regex::Regex::new(r"(^|[\s(\[])\*\*([^\s*][^*\n]*?\S|[^\s*])[ \t]+\*\*")
            .unwrap_or_else(|e| panic!("{e}"));
        let pieces: &[&str] = &[
            "**",
            "***",
            "*",
            "Ana",
            "Lind",
            "x",
            "é",
            " ",
            "\t",
            "\n",
            "(",
            "[",
            "**Acme **",
            "** Acme**",
            "Senior Engineer",
            "\u{a0}",
        ];
        let bit = crate::testgen::agree(
            31,
            40_000,
            (pieces, &["", " ", "  ", "\t"], 8),
            |s| Some(re.replace_all(s, "$1**$2** ").to_string()).filter(|r| r != s),
            |s| Some(fix_marker_spaces(s, "**").to_string()).filter(|r| r != s),
        );
        assert!(bit > 5_000, "{bit}");
    }

    /// Google Docs ends an italic run that ends with a space as `*text *` too; a star that
    /// is not emphasis (`5 * 3`, inside `**`) is left alone.
    #[test]
    fn google_docs_italic_with_trailing_space() {
        let doc = read("**Acme GmbH, Berlin** *\\- Senior Engineer *\n");
        let italic: Vec<&str> = doc.blocks[0]
            .spans
            .iter()
            .filter(|s| s.italic)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(italic, vec!["- Senior Engineer"]);
        assert_eq!(fix_bold_spaces("a 5 * 3 grid"), "a 5 * 3 grid");
        assert_eq!(fix_bold_spaces("*done *next"), "*done* next");
        assert_eq!(fix_bold_spaces("**Acme **x"), "**Acme** x");
        assert_eq!(fix_bold_spaces("***both ***"), "***both ***");
        assert_eq!(fix_bold_spaces("***both *** x"), "***both *** x");
    }

    #[test]
    fn google_docs_bold_with_trailing_space() {
        let doc = read("**Senior Engineer **at Acme\n");
        assert!(doc.blocks[0].spans[0].bold);
        assert_eq!(doc.blocks[0].text(), "Senior Engineer at Acme");
        // The gap between two bold runs stays plain.
        let doc = read("# **Engineer** Boston\t 555 **Jo Ann** x\n");
        let bold: Vec<&str> = doc.blocks[0]
            .spans
            .iter()
            .filter(|s| s.bold)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(bold, vec!["Engineer", "Jo Ann"]);
        let doc = read("Basic **C**, **x86 assembly**, **forth**\n");
        let bold: Vec<&str> = doc.blocks[0]
            .spans
            .iter()
            .filter(|s| s.bold)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(bold, vec!["C", "x86 assembly", "forth"]);
    }

    #[test]
    fn structure() {
        let doc = read(
            "# Name\n\n## Experience\n\n* one\n  * two\n\nTerm\n:   *Role*\n    __2004-2005__\n\n> quote\n\n---\n",
        );
        let kinds: Vec<Kind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Heading(1),
                Kind::Heading(2),
                Kind::ListItem(0),
                Kind::ListItem(1),
                Kind::Term,
                Kind::Definition,
                Kind::Quote,
                Kind::Rule
            ]
        );
    }

    #[test]
    fn detects_markdown_in_txt() {
        assert!(looks_like_markdown("# A\n\n## B\n"));
        assert!(!looks_like_markdown(
            "SKILLS -------\n- **x** [a](b)\n**y** [c](d)\n"
        ));
    }
}
