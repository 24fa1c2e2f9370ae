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
    // A date, or a "Label: value" line, set as a heading under an entry's title is part of
    // the entry, not a heading: themes use h4 for the dates line.
    for b in &mut w.blocks {
        // A section's name set in a plain element (`<div class="section-name">Experience</div>`)
        // is the section's heading: a short block that is only a name of the vocabulary.
        if b.kind == Kind::Paragraph
            && b.right.is_empty()
            && b.spans.iter().all(|s| s.link.is_none())
        {
            let t = b.text();
            // A labelled line ("Grade: First Class Honours") is a fact, not a section's name.
            let labelled = t.trim_end_matches(':').contains(':');
            if !labelled
                && t.split_whitespace().count() <= 5
                && crate::extract::lexicon::classify_heading(&t).is_some()
            {
                b.kind = Kind::Heading(2);
            }
        }
        if let Kind::Heading(level) = b.kind {
            let t = b.text();
            let labelled = t.split_once(": ").is_some_and(|(l, v)| {
                !l.is_empty() && l.split_whitespace().count() <= 3 && !v.is_empty()
            });
            if (level >= 3 && crate::extract::dates::is_date_only(&t)) || (level >= 4 && labelled) {
                b.kind = Kind::Paragraph;
            }
        }
    }
    // The name heads a résumé wherever the layout puts it in the source: a sidebar written
    // before the main column (sections before the `<h1>`) moves behind the name and the
    // lines that follow it up to the first section.
    if let Some(h1) = w.blocks.iter().position(|b| b.kind == Kind::Heading(1)) {
        let sections_before = w.blocks.iter().take(h1).any(|b| b.kind == Kind::Heading(2));
        if sections_before {
            let is_section = |b: &Block| {
                matches!(b.kind, Kind::Heading(l) if l <= 2)
                    && crate::extract::lexicon::classify_heading(&b.text()).is_some()
            };
            let end = w
                .blocks
                .iter()
                .skip(h1 + 1)
                .position(is_section)
                .map_or(w.blocks.len(), |n| h1 + 1 + n);
            let mut head: Vec<Block> = w.blocks.drain(h1..end).collect();
            // In the header, a heading that names no section is the headline.
            for b in head.iter_mut().skip(1) {
                if b.kind == Kind::Heading(2) {
                    b.kind = Kind::Paragraph;
                }
            }
            w.blocks.splice(0..0, head);
        }
    }
    // A date column printed before the entries (first in source order) gives each entry's
    // dates just before its heading: they belong to the heading that follows.
    let mut i = 0;
    while i + 1 < w.blocks.len() {
        let date_first = w.blocks.get(i).is_some_and(|b| {
            b.kind == Kind::Paragraph && crate::extract::dates::is_date_only(&b.text())
        });
        let heading_next = w
            .blocks
            .get(i + 1)
            .is_some_and(|b| matches!(b.kind, Kind::Heading(l) if l >= 3));
        let dated_already = w
            .blocks
            .get(i + 2)
            .is_some_and(|b| crate::extract::dates::is_date_only(&b.text()));
        // ... unless the heading before it already claims it (dates under their heading).
        let claimed = i > 0
            && w.blocks
                .get(i - 1)
                .is_some_and(|b| matches!(b.kind, Kind::Heading(l) if l >= 3));
        if date_first && heading_next && !dated_already && !claimed {
            w.blocks.swap(i, i + 1);
            i += 2;
        } else {
            i += 1;
        }
    }
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
    /// Open inline elements with a class, each with where its text starts (the number of
    /// spans and the length of the last one then).
    fields: Vec<Option<(Sibling, (usize, usize))>>,
    /// The section each open block element's id names, and whether the next line read is a
    /// section's heading.
    container_hints: Vec<Option<crate::extract::lexicon::Section>>,
    heading_pending: bool,
    /// Dates set apart from the current block's text (flush right, as the page lays them).
    right: Vec<Span>,
    /// The current table row opened with a header cell.
    row_label: bool,
    /// Classes the page's style sheets hide (`.x{display:none}`).
    hidden_classes: std::collections::HashSet<String>,
    field_end: Option<(usize, usize, Sibling)>,
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
            container_hints: Vec::new(),
            heading_pending: false,
            right: Vec::new(),
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
                    // A container whose id names a section (`<section id="work">`, `<div
                    // id="skills-block">`) opens that section: its first short line is the
                    // section's heading, whatever element it is set in; a container inside
                    // it naming the same section opens nothing new.
                    let names = matches!(name, "section" | "div" | "article" | "aside")
                        .then(|| container_section(e))
                        .flatten();
                    let enclosing = self.container_hints.iter().rev().find_map(|h| *h);
                    if names.is_some() && names != enclosing {
                        self.heading_pending = true;
                    }
                    self.container_hints.push(names);
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
                // An icon inside a line (a pin before the place, a calendar before the dates)
                // starts a new field of that line.
                if is_icon(e) {
                    let line_has_text = self
                        .spans
                        .iter()
                        .rev()
                        .take_while(|s| !s.is_break())
                        .any(|s| !s.text.trim().is_empty());
                    if line_has_text
                        && !self
                            .spans
                            .last()
                            .is_some_and(|s| s.text.trim_end().ends_with(['·', ',', '|', '—']))
                    {
                        self.push(" · ");
                    }
                    return false;
                }
                let sibling = Sibling::of(e);
                if let Some(sib) = &sibling {
                    self.separate_siblings(sib);
                }
                let start = (
                    self.spans.len(),
                    self.spans.last().map_or(0, |s| s.text.len()),
                );
                self.fields.push(sibling.map(|sib| (sib, start)));
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
            self.container_hints.pop();
            self.kinds.pop();
            match name {
                "ul" | "ol" | "dir" | "menu" => self.lists = self.lists.saturating_sub(1),
                "pre" => self.pre = self.pre.saturating_sub(1),
                _ => {}
            }
            return;
        }
        if let Some(Some((sib, (n, len)))) = self.fields.pop() {
            let dates = sib.date;
            let last = self.spans.last().map_or(0, |s| s.text.len());
            self.field_end = Some((self.spans.len(), last, sib));
            if dates {
                self.set_apart_dates(n, len);
            }
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

    /// The text of an element a class marks as dates (`<span class="date">`), when it is only
    /// a date, is what the page sets flush right beside the entry: it goes to the block's
    /// right side, as the PDF reader puts a right-aligned date.
    fn set_apart_dates(&mut self, n: usize, len: usize) {
        let mut taken: Vec<Span> = Vec::new();
        if n > 0 {
            if let Some(first) = self.spans.get_mut(n - 1) {
                if first.text.len() > len {
                    let mut part = first.clone();
                    part.text = first.text.get(len..).unwrap_or_default().to_string();
                    first.text.truncate(len);
                    taken.push(part);
                }
            }
        }
        taken.extend(self.spans.drain(n.min(self.spans.len())..));
        let text: String = taken
            .iter()
            .map(|s| if s.is_break() { " " } else { s.text.as_str() })
            .collect();
        let text = crate::doc::collapse(&text);
        if is_duration(&text) {
            // "3 ans 11 mois" beside the dates: computed from them, not a field.
            self.field_end = None;
            return;
        }
        if !text.is_empty() && crate::extract::dates::is_date_only(&text) {
            if !self.right.is_empty() {
                self.right.push(Span::plain(" "));
            }
            self.right.push(Span::plain(text));
            self.field_end = None;
            while self
                .spans
                .last()
                .is_some_and(|s| s.text.trim().is_empty() && !s.is_break())
            {
                self.spans.pop();
            }
        } else {
            for span in taken {
                let link = span.link.clone();
                push_text(
                    &mut self.spans,
                    &span.text,
                    span.bold,
                    span.italic,
                    span.underline,
                    link.as_deref(),
                );
            }
        }
    }

    /// Inline elements a page marks by class, next to each other with only white space or
    /// punctuation between them: two fields of an entry ("<span class=position>…</span>,
    /// <span class=company>…</span>") get the separator the extractor cuts fields at, so a
    /// comma that could be part of a name ("Acme, Inc.") is not left to guess; the same
    /// element repeated (`<span class="keyword">` × n, tags set side by side by CSS) is a
    /// list, its items separated by commas.
    fn separate_siblings(&mut self, next: &Sibling) {
        let Some((n, len, prev)) = self.field_end.clone() else {
            return;
        };
        if next.date {
            return;
        }
        let sep = if prev == *next {
            ", "
        } else if prev.field && next.field {
            " — "
        } else {
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
        if since.contains('\n') {
            return; // a line break between them: two lines, not one list
        }
        let bare = since.trim();
        let punctuation = bare.chars().count() <= 3 && !bare.chars().any(char::is_alphanumeric);
        if !punctuation || self.spans.len() < n || (sep == ", " && !bare.is_empty() && bare != ",")
        {
            return;
        }
        self.spans.truncate(n);
        if let Some(last) = self.spans.last_mut() {
            last.text.truncate(len);
        }
        self.push(sep);
    }

    /// Ends the current block: trailing spaces and breaks trimmed, empty blocks dropped.
    fn flush(&mut self) {
        self.field_end = None;
        let right = std::mem::take(&mut self.right);
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
        if spans.is_empty() && right.is_empty() {
            return;
        }
        let first: String = spans
            .iter()
            .chain(&right)
            .take(3)
            .map(|s| s.text.as_str())
            .collect();
        self.locate(first.trim());
        if spans.is_empty() {
            self.blocks
                .push(Block::new(Kind::Paragraph, right, self.line));
            return;
        }
        // A line with dates beside it is an entry's heading line; the dates follow it, the
        // way every reader here hands an entry's dates to extraction.
        let mut kind = match self.kind() {
            Kind::Paragraph if !right.is_empty() => Kind::Heading(3),
            k => k,
        };
        if std::mem::take(&mut self.heading_pending) {
            let text =
                crate::doc::collapse(&spans.iter().map(|s| s.text.as_str()).collect::<String>());
            let short = text.split_whitespace().count() <= 6 && !text.contains(':');
            let plain = spans.iter().all(|s| s.link.is_none());
            // A heading element keeps its level (the page's own hierarchy says more).
            let promotable = matches!(kind, Kind::Paragraph);
            if short && plain && right.is_empty() && promotable {
                kind = Kind::Heading(2);
            }
        }
        self.blocks.push(Block::new(kind, spans, self.line));
        if !right.is_empty() {
            self.blocks
                .push(Block::new(Kind::Paragraph, right, self.line));
        }
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

/// An icon: an `<i>`, `<span>` or `<em>` of an icon font (Font Awesome `fa`, Bootstrap `bi`,
/// Material, `icon-…`); it has no text of its own.
fn is_icon(e: &scraper::node::Element) -> bool {
    matches!(e.name(), "i" | "span" | "em")
        && e.classes().any(|c| {
            let c = c.to_ascii_lowercase();
            c == "fa"
                || c.starts_with("fa-")
                || c == "bi"
                || c.starts_with("bi-")
                || c.starts_with("icon")
                || c.ends_with("-icon")
                || c.starts_with("material-")
        })
}

/// The section an element's id names ("work", "education", "skills-section",
/// "volunteer_experience"), if any.
fn container_section(e: &scraper::node::Element) -> Option<crate::extract::lexicon::Section> {
    // The id only: class names are styling words ("stack", "grid-list") that the section
    // vocabulary would misread.
    e.id().into_iter().find_map(|token| {
        let words = token.replace(['-', '_'], " ").to_lowercase();
        let words = words
            .trim_end_matches(" section")
            .trim_end_matches(" block")
            .trim();
        if words.is_empty() || words == "section" {
            return None;
        }
        crate::extract::lexicon::classify_heading(words)
    })
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

/// Units of a length of time, in the languages of the lexicon ("2 yrs 3 mos", "3 ans 11
/// mois", "1 Jahr 2 Monate", "2 años", "4 anni").
const DURATION_UNITS: &[&str] = &[
    "year", "years", "yr", "yrs", "y", "month", "months", "mo", "mos", "m", "an", "ans", "année",
    "années", "mois", "jahr", "jahre", "jahren", "monat", "monate", "monaten", "año", "años",
    "mes", "meses", "ano", "anos", "anno", "anni", "mese", "mesi", "jaar", "jaren", "maand",
    "maanden", "and", "et", "und", "y", "e", "en",
];

/// A text that is only a length of time: numbers each followed by a unit.
fn is_duration(t: &str) -> bool {
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')' || c == '·')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().trim_end_matches('.').to_string())
        .collect();
    let numbers = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .count();
    numbers > 0
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()) || DURATION_UNITS.contains(&w.as_str()))
}

/// Words in class names that mark an entry's dates.
const DATE_CLASSES: &[&str] = &[
    "date",
    "dates",
    "period",
    "duration",
    "daterange",
    "time",
    "when",
    "years",
];

/// An inline element with a class: its tag and classes (to know it again when repeated) and
/// whether a class names a field.
#[derive(Clone, PartialEq, Eq, Debug)]
struct Sibling {
    tag: String,
    classes: String,
    field: bool,
    date: bool,
}

impl Sibling {
    fn of(e: &scraper::node::Element) -> Option<Sibling> {
        let mut classes: Vec<&str> = e.classes().collect();
        if classes.is_empty() {
            return None;
        }
        classes.sort_unstable();
        let field = classes.iter().any(|c| {
            c.to_ascii_lowercase()
                .split(['-', '_'])
                .any(|w| FIELD_CLASSES.contains(&w))
        });
        let date = classes.iter().any(|c| {
            c.to_ascii_lowercase()
                .split(['-', '_'])
                .any(|w| DATE_CLASSES.contains(&w))
        });
        Some(Sibling {
            tag: e.name().to_string(),
            classes: classes.join(" "),
            field,
            date,
        })
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
