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
    w.hidden_classes = hidden_classes(&html);
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

/// The classes a page's own style sheets hide on screen: rules whose selectors are plain
/// classes (`.x`, `p.x`) and whose declarations say `display:none` or `visibility:hidden`,
/// outside `@media` blocks (a class hidden only in print is seen on screen).
fn hidden_classes(html: &Html) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let Ok(selector) = scraper::Selector::parse("style") else {
        return out;
    };
    for style in html.select(&selector) {
        let css: String = style.text().collect();
        let mut depth = 0usize;
        let mut selectors = String::new();
        let mut decls = String::new();
        for c in css.chars() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    let d: String = decls
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        .to_lowercase();
                    let media = selectors.trim_start().starts_with('@');
                    if depth == 0
                        && !media
                        && (d.contains("display:none") || d.contains("visibility:hidden"))
                    {
                        for sel in selectors.split(',') {
                            let sel = sel.trim();
                            if let Some((_, class)) = sel.split_once('.') {
                                let plain = class
                                    .chars()
                                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
                                let element = sel.split('.').next().unwrap_or_default();
                                if plain && element.chars().all(|c| c.is_ascii_alphanumeric()) {
                                    out.insert(class.to_string());
                                }
                            }
                        }
                    }
                    if depth == 0 {
                        selectors.clear();
                    }
                    decls.clear();
                }
                _ if depth == 0 => selectors.push(c),
                _ => decls.push(c),
            }
        }
    }
    out
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
    /// Open inline elements whose class names a field, and where the last one closed (the
    /// number of spans and the length of the last one then).
    fields: Vec<bool>,
    /// The current table row opened with a header cell.
    row_label: bool,
    /// Classes the page's style sheets hide (`.x{display:none}`).
    hidden_classes: std::collections::HashSet<String>,
    field_end: Option<(usize, usize)>,
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
            fields: Vec::new(),
            row_label: false,
            hidden_classes: std::collections::HashSet::new(),
            field_end: None,
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
                if HIDDEN.contains(&name)
                    || hidden(e)
                    || e.classes().any(|c| self.hidden_classes.contains(c))
                {
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
                let field = names_a_field(e);
                if field {
                    self.separate_fields();
                }
                self.fields.push(field);
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
                    // A row is one line: a header cell first is the label of what follows
                    // ("Languages: Rust, Go"), other cells are separated by bars.
                    "td" | "th" => {
                        if self.spans.iter().any(|s| !s.text.trim().is_empty()) {
                            let sep = if self.row_label { ": " } else { " | " };
                            self.push(sep);
                        }
                        self.row_label =
                            name == "th" && self.spans.iter().all(|s| s.text.trim().is_empty());
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
        if self.fields.pop() == Some(true) {
            let last = self.spans.last().map_or(0, |s| s.text.len());
            self.field_end = Some((self.spans.len(), last));
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

    /// Two parts a page marks as fields ("<span class=position>…</span>, <span
    /// class=company>…</span>") with only punctuation between them are two fields: the
    /// punctuation becomes the separator the extractor cuts fields at, so a comma that could
    /// be part of a name ("Acme, Inc.") is not left to guess.
    fn separate_fields(&mut self) {
        let Some((n, len)) = self.field_end else {
            return;
        };
        let since: String = match self.spans.get(n.saturating_sub(1)..) {
            Some(tail) => tail
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if i == 0 && n > 0 {
                        s.text.get(len..).unwrap_or_default()
                    } else {
                        s.text.as_str()
                    }
                })
                .collect(),
            None => return,
        };
        let bare = since.trim();
        let punctuation = bare.chars().count() <= 3 && !bare.chars().any(char::is_alphanumeric);
        if !punctuation || self.spans.len() < n {
            return;
        }
        self.spans.truncate(n);
        if let Some(last) = self.spans.last_mut() {
            last.text.truncate(len);
        }
        self.push(" — ");
    }

    /// Ends the current block: trailing spaces and breaks trimmed, empty blocks dropped.
    fn flush(&mut self) {
        self.field_end = None;
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

/// Words in class names that mark one field of an entry (JSON Resume themes and web CV
/// builders name their spans so: `position`, `company-name`, `job-title`, `date`, ...).
const FIELD_CLASSES: &[&str] = &[
    "position",
    "title",
    "role",
    "job",
    "company",
    "employer",
    "organization",
    "organisation",
    "institution",
    "school",
    "university",
    "degree",
    "area",
    "studytype",
    "location",
    "place",
    "date",
    "dates",
    "period",
    "duration",
    "issuer",
    "awarder",
    "publisher",
];

fn names_a_field(e: &scraper::node::Element) -> bool {
    e.classes().any(|c| {
        c.to_ascii_lowercase()
            .split(['-', '_'])
            .any(|w| FIELD_CLASSES.contains(&w))
    })
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

/// How deep elements may nest. Real pages stay under a hundred; an HTML parser checks the
/// stack of open elements at every start tag, so a page nested a hundred thousand deep costs
/// minutes, and it is refused before parsing instead.
pub const MAX_NESTING: usize = 1024;

/// Elements that never have content, and elements whose end tag HTML lets an author leave
/// out (the parser closes them at their next sibling): neither deepens the nesting.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rp", "rt", "thead",
    "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "noscript",
];

/// The deepest element nesting in a page, and the line where it first exceeds `limit`
/// (a linear scan of the tags, comments and raw text skipped).
fn too_deep(text: &str, limit: usize) -> Option<usize> {
    let b = text.as_bytes();
    let rest = |from: usize| b.get(from..).unwrap_or_default();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(n) = rest(i).iter().position(|c| *c == b'<') {
        i += n + 1;
        if rest(i).starts_with(b"!--") {
            i = text
                .get(i..)
                .and_then(|t| t.find("-->"))
                .map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let end = rest(start)
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'-')
            .map_or(b.len(), |n| start + n);
        let name = text
            .get(start..end)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let tag_end = rest(end)
            .iter()
            .position(|c| *c == b'>')
            .map_or(b.len(), |e| end + e);
        let self_closing = tag_end > 0 && b.get(tag_end - 1) == Some(&b'/');
        i = tag_end;
        if closing {
            depth = depth.saturating_sub(1);
        } else if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ascii_ci(rest(i), close.as_bytes()).map_or(b.len(), |e| i + e);
        } else if !self_closing && !NOT_NESTING.contains(&name.as_str()) {
            depth += 1;
            if depth > limit {
                return Some(
                    rest(0)
                        .get(..i)
                        .unwrap_or_default()
                        .iter()
                        .filter(|c| **c == b'\n')
                        .count()
                        + 1,
                );
            }
        }
    }
    None
}

/// The first place `needle` (ASCII) occurs in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
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
        limits.check_lines(&text, name)?;
        if let Some(line) = too_deep(&text, MAX_NESTING) {
            return Err(Error::Shape {
                file: name.into(),
                message: format!("line {line}: elements nested deeper than {MAX_NESTING}"),
            });
        }
        Ok((Parsed::Doc(read(&text)), warning.into_iter().collect()))
    }
}
