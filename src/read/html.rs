//! HTML in: saved web CVs, the pages JSON Resume themes render, our own HTML. The page is
//! parsed the way a browser parses it (html5ever, through `scraper`), and its element
//! structure becomes a [`Doc`]: headings `h1`–`h6`, paragraphs from every block-level
//! element, list items with their nesting depth, quotes, rules, definition lists, table rows
//! as lines (cells separated by " | "), `<br>` as line breaks, `<strong>`/`<b>`, `<em>`/`<i>`,
//! `<u>` and links as span styles. What a reader does not see is skipped: `<head>`,
//! scripts, styles, templates, SVG and MathML, and elements that are `hidden`,
//! `aria-hidden` or styled `display:none`.
//!
//! Our own pages carry their JSON Resume in `<script type="application/json"
//! id="json-resume" data-fingerprint=…>`; it is taken as the page's data while the visible
//! text still has that fingerprint (see `embed`).
//!
//! The walk is iterative, so nesting depth costs heap, not stack.

use crate::doc::{Block, Doc, Kind, Span, push_text};
use crate::embed::Embedded;
use crate::error::{Error, Warning};
use crate::format::{Parsed, Reader};
use crate::limits::Limits;
use scraper::{Html, Node};

/// Elements whose content is not shown to a reader.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
    "select", "option", "datalist", "button", "input", "textarea", "audio", "video",
];

/// Elements that start and end a block of text (HTML's block-level and flow containers).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Reads a web page into a document.
pub fn read(text: &str) -> Doc {
    let html = Html::parse_document(text);
    let mut w = Walker::new(text);
    enum Step<'a> {
        Enter(ego_tree::NodeRef<'a, Node>),
        Exit(ego_tree::NodeRef<'a, Node>),
    }
    let mut stack = vec![Step::Enter(html.tree.root())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                let descend = w.enter(node.value());
                if descend {
                    stack.push(Step::Exit(node));
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(Step::Enter));
                }
            }
            Step::Exit(node) => w.exit(node.value()),
        }
    }
    w.flush();
    Doc {
        blocks: w.blocks,
        embedded: carried(&html),
    }
}

/// The JSON Resume our writer put in the page, with its fingerprint.
fn carried(html: &Html) -> Option<Embedded> {
    let selector =
        scraper::Selector::parse(&format!("script#{}", crate::write::html::DATA_ID)).ok()?;
    let script = html.select(&selector).next()?;
    Some(Embedded {
        json: script.text().collect(),
        fingerprint: script.value().attr("data-fingerprint")?.to_string(),
    })
}

/// The state of the walk: the blocks made so far, the spans of the current one, the style
/// and the kind of block in force.
struct Walker<'s> {
    source: &'s str,
    blocks: Vec<Block>,
    spans: Vec<Span>,
    kinds: Vec<Kind>,
    lists: u8,
    bold: u32,
    italic: u32,
    underline: u32,
    links: Vec<Option<String>>,
    pre: u32,
    /// Where in the source the last block's text was found, and its line there.
    cursor: usize,
    line: usize,
}

impl<'s> Walker<'s> {
    fn new(source: &'s str) -> Self {
        Walker {
            source,
            blocks: Vec::new(),
            spans: Vec::new(),
            kinds: vec![Kind::Paragraph],
            lists: 0,
            bold: 0,
            italic: 0,
            underline: 0,
            links: Vec::new(),
            pre: 0,
            cursor: 0,
            line: 1,
        }
    }

    fn kind(&self) -> Kind {
        self.kinds.last().copied().unwrap_or(Kind::Paragraph)
    }

    /// Handles an opening; false when the element's content is not to be read.
    fn enter(&mut self, node: &Node) -> bool {
        match node {
            Node::Text(t) => {
                self.text(t);
                false
            }
            Node::Element(e) => {
                let name = e.name();
                if HIDDEN.contains(&name) || hidden(e) {
                    return false;
                }
                if BLOCKS.contains(&name) {
                    self.flush();
                    let inherited = match self.kind() {
                        k @ (Kind::ListItem(_) | Kind::Quote | Kind::Term | Kind::Definition) => k,
                        _ => Kind::Paragraph,
                    };
                    let kind = match name {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            Kind::Heading(name.as_bytes().get(1).map_or(2, |d| d - b'0'))
                        }
                        "li" => Kind::ListItem(self.lists.saturating_sub(1)),
                        "blockquote" => Kind::Quote,
                        "dt" => Kind::Term,
                        "dd" => Kind::Definition,
                        // A list inside an item starts a list of its own.
                        "ul" | "ol" | "dir" | "menu" => {
                            self.lists = self.lists.saturating_add(1);
                            Kind::Paragraph
                        }
                        "hr" => {
                            self.blocks
                                .push(Block::new(Kind::Rule, Vec::new(), self.line));
                            Kind::Paragraph
                        }
                        _ => inherited,
                    };
                    self.kinds.push(kind);
                    if name == "pre" {
                        self.pre += 1;
                    }
                    return true;
                }
                match name {
                    "b" | "strong" => self.bold += 1,
                    "i" | "em" | "cite" | "var" => self.italic += 1,
                    "u" | "ins" => self.underline += 1,
                    "a" => self.links.push(
                        e.attr("href")
                            .map(str::to_string)
                            .filter(|h| !h.starts_with('#')),
                    ),
                    "br" => self.spans.push(Span::line_break()),
                    "td" | "th" => {
                        if self.spans.iter().any(|s| !s.text.trim().is_empty()) {
                            self.push(" | ");
                        }
                    }
                    _ => {}
                }
                true
            }
            _ => true,
        }
    }

    fn exit(&mut self, node: &Node) {
        let Node::Element(e) = node else {
            return;
        };
        let name = e.name();
        if BLOCKS.contains(&name) {
            self.flush();
            self.kinds.pop();
            match name {
                "ul" | "ol" | "dir" | "menu" => self.lists = self.lists.saturating_sub(1),
                "pre" => self.pre = self.pre.saturating_sub(1),
                _ => {}
            }
            return;
        }
        match name {
            "b" | "strong" => self.bold = self.bold.saturating_sub(1),
            "i" | "em" | "cite" | "var" => self.italic = self.italic.saturating_sub(1),
            "u" | "ins" => self.underline = self.underline.saturating_sub(1),
            "a" => {
                self.links.pop();
            }
            _ => {}
        }
    }

    /// A text node: HTML white space collapsed (outside `<pre>`), no-break spaces kept.
    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            for (i, line) in t.split('\n').enumerate() {
                if i > 0 {
                    self.spans.push(Span::line_break());
                }
                self.push(line);
            }
            return;
        }
        let mut s = String::with_capacity(t.len());
        let mut space = false;
        for c in t.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                space = true;
            } else {
                if space {
                    s.push(' ');
                }
                space = false;
                s.push(c);
            }
        }
        if space {
            s.push(' ');
        }
        // One space between words across elements, none at a block's start or after a break.
        let after_space = self
            .spans
            .last()
            .is_none_or(|l| l.is_break() || l.text.ends_with(' '));
        let s = if after_space { s.trim_start() } else { &s };
        self.push(s);
    }

    fn push(&mut self, s: &str) {
        let link = self.links.iter().rev().find_map(|l| l.as_deref());
        let link = link.map(str::to_string);
        push_text(
            &mut self.spans,
            s,
            self.bold > 0,
            self.italic > 0,
            self.underline > 0,
            link.as_deref(),
        );
    }

    /// Ends the current block: trailing spaces and breaks trimmed, empty blocks dropped.
    fn flush(&mut self) {
        let mut spans = std::mem::take(&mut self.spans);
        while spans
            .last()
            .is_some_and(|s| s.is_break() || s.text.trim().is_empty())
        {
            spans.pop();
        }
        while spans
            .first()
            .is_some_and(|s| s.is_break() || s.text.trim().is_empty())
        {
            spans.remove(0);
        }
        if let Some(last) = spans.last_mut() {
            let trimmed = last.text.trim_end_matches(' ').len();
            last.text.truncate(trimmed);
        }
        if spans.is_empty() {
            return;
        }
        let first: String = spans.iter().take(3).map(|s| s.text.as_str()).collect();
        self.locate(first.trim());
        self.blocks.push(Block::new(self.kind(), spans, self.line));
    }

    /// The source line of a block: where its first words occur next in the source (within
    /// 64 KB of the last block), else the last block's line.
    fn locate(&mut self, first: &str) {
        let probe: String = first.chars().take(24).collect();
        let probe = probe.split(['&', '<']).next().unwrap_or_default().trim();
        if probe.is_empty() {
            return;
        }
        let mut end = (self.cursor + 64 * 1024).min(self.source.len());
        while !self.source.is_char_boundary(end) {
            end -= 1;
        }
        let window = self.source.get(self.cursor..end).unwrap_or_default();
        if let Some(at) = window.find(probe) {
            self.line += window.get(..at).unwrap_or_default().matches('\n').count();
            self.cursor += at;
        }
    }
}

/// An element the page hides: `hidden`, `aria-hidden="true"`, or an inline style of
/// `display:none` or `visibility:hidden`.
fn hidden(e: &scraper::node::Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// The HTML row of the format registry.
pub struct HtmlReader;
pub const READER: HtmlReader = HtmlReader;

impl Reader for HtmlReader {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &Limits,
    ) -> Result<(Parsed, Vec<Warning>), Error> {
        let (text, warning) = crate::read::decode::decode(bytes, name)?;
        let _ = limits;
        Ok((Parsed::Doc(read(&text)), warning.into_iter().collect()))
    }
}
