//! DOCX in: any Word résumé into a [`Doc`] — headings from heading styles (resolved through
//! the style chain) or the Title style, bullets from numbering (on the paragraph or its style)
//! and from typed bullet characters, bold and italic runs, hyperlinks, tabs, line breaks, and
//! tables read column by column (two-column layouts are not interleaved). Page headers and
//! footers are not content and are not read.
//!
//! Safety first: the archive is checked with `zip` before docx-rs sees it (entry count,
//! declared sizes, compression ratio, a cap on what is inflated), and docx-rs runs under
//! `catch_unwind`, because it panics on some corrupt archives.

use crate::doc::{Block, Doc, Kind, Span, push_text};
use crate::error::Error;
use crate::limits::Limits;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Read;

fn bad(file: &str, message: impl Into<String>) -> Error {
    Error::Unreadable {
        file: file.to_string(),
        message: message.into(),
    }
}

/// Checks the archive before it is parsed: a zip bomb or a corrupt archive is an error here.
pub fn check_archive(bytes: &[u8], file: &str, limits: &Limits) -> Result<(), Error> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| bad(file, "not a DOCX file: not a zip archive, or one cut short"))?;
    if zip.len() > limits.entries {
        return Err(bad(
            file,
            format!(
                "DOCX archive has {} entries (limit {})",
                zip.len(),
                limits.entries
            ),
        ));
    }
    let mut total: u64 = 0;
    // docx-rs needs the document's relationships part too, even when it lists nothing.
    let mut required = [
        "word/document.xml",
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
    ]
    .map(|n| (n, false));
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| bad(file, format!("corrupt DOCX archive: {e}")))?;
        for (name, seen) in &mut required {
            *seen |= entry.name() == *name;
        }
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        total = total.saturating_add(size);
        if total > limits.unpacked {
            return Err(bad(
                file,
                format!(
                    "DOCX archive expands to more than {} (raise it with --max-unpacked-size)",
                    crate::human_size(limits.unpacked)
                ),
            ));
        }
        if size > 1024 * 1024 && size / packed > limits.ratio {
            return Err(bad(
                file,
                format!(
                    "DOCX archive entry {} is compressed more than {}:1 (a zip bomb?)",
                    entry.name(),
                    limits.ratio
                ),
            ));
        }
        // Inflate for real, with a cap: declared sizes can lie.
        let cap = limits.unpacked.saturating_sub(total.saturating_sub(size)) + 1;
        let mut sink = Vec::new();
        let read = (&mut entry)
            .take(cap)
            .read_to_end(&mut sink)
            .map_err(|e| bad(file, format!("corrupt DOCX archive: {e}")))?;
        if read as u64 >= cap {
            return Err(bad(
                file,
                format!(
                    "DOCX archive expands to more than {} (raise it with --max-unpacked-size)",
                    crate::human_size(limits.unpacked)
                ),
            ));
        }
        let name = entry.name();
        // Every part that is XML, whatever its name says: docx-rs reads parts by their
        // relationships, not their names.
        if name.ends_with(".xml") || name.ends_with(".rels") || looks_like_xml(&sink) {
            let shape = well_formed(&sink).map_err(|why| {
                bad(
                    file,
                    format!("damaged Word document: {name} is not well-formed XML ({why})"),
                )
            })?;
            check_shape(name, &shape)
                .map_err(|why| bad(file, format!("damaged Word document: {why}")))?;
        }
    }
    if let Some((name, _)) = required.iter().find(|(_, seen)| !seen) {
        return Err(bad(
            file,
            format!("not a Word document: the archive has no {name}"),
        ));
    }
    Ok(())
}

/// Whether an archive entry holds XML (its first non-blank byte after any byte order mark
/// is `<`).
fn looks_like_xml(bytes: &[u8]) -> bool {
    let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    rest.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'<')
}

/// What a well-formed part looks like from outside: its root element and how deeply its
/// tables nest.
struct Shape {
    root: String,
    table_depth: usize,
}

/// The deepest nesting of tables accepted (real documents nest two or three; docx-rs
/// recurses once a level and overflows the stack at a few hundred).
const MAX_TABLE_DEPTH: usize = 16;

/// The root element each well-known part must have (ECMA-376 Part 1, the schema of each
/// part); docx-rs loops forever on, for example, a styles part whose root is `w:style`.
const PART_ROOTS: &[(&str, &str)] = &[
    ("word/document.xml", "document"),
    ("word/styles.xml", "styles"),
    ("word/numbering.xml", "numbering"),
    ("word/settings.xml", "settings"),
    ("word/fontTable.xml", "fonts"),
    ("word/footnotes.xml", "footnotes"),
    ("word/endnotes.xml", "endnotes"),
    ("word/comments.xml", "comments"),
    ("[Content_Types].xml", "Types"),
    ("_rels/.rels", "Relationships"),
    ("word/_rels/document.xml.rels", "Relationships"),
];

/// Refuses a part whose root is not the one its name requires, or whose tables nest deeper
/// than [`MAX_TABLE_DEPTH`].
fn check_shape(name: &str, shape: &Shape) -> Result<(), String> {
    let local = shape.root.rsplit(':').next().unwrap_or("");
    if let Some((_, want)) = PART_ROOTS.iter().find(|(part, _)| *part == name) {
        if local != *want {
            return Err(format!(
                "{name} has the root element <{}>, not <{want}>",
                shape.root
            ));
        }
    }
    if shape.table_depth > MAX_TABLE_DEPTH {
        return Err(format!(
            "{name} has tables nested {} deep (at most {MAX_TABLE_DEPTH} are read)",
            shape.table_depth
        ));
    }
    Ok(())
}

/// Checks that an XML part is complete and its tags balanced. docx-rs loops forever on a
/// part cut short (it waits for an end tag that never comes), so every part is checked first.
fn well_formed(xml: &[u8]) -> Result<Shape, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    let (mut depth, mut roots) = (0usize, 0usize);
    let (mut tables, mut table_depth) = (0usize, 0usize);
    let mut root = String::new();
    let is_table = |name: &[u8]| name == b"tbl" || name.ends_with(b":tbl");
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    roots += 1;
                    root = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                }
                depth += 1;
                if is_table(e.name().as_ref()) {
                    tables += 1;
                    table_depth = table_depth.max(tables);
                }
            }
            Ok(Event::Empty(e)) => {
                if depth == 0 {
                    roots += 1;
                    root = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                }
            }
            Ok(Event::End(e)) => {
                depth = depth.saturating_sub(1);
                if is_table(e.name().as_ref()) {
                    tables = tables.saturating_sub(1);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(format!("{e} at byte {}", reader.error_position())),
        }
        buf.clear();
    }
    match (depth, roots) {
        (0, 1) => Ok(Shape { root, table_depth }),
        (0, 0) => Err("no root element".into()),
        (0, _) => Err("more than one root element".into()),
        _ => Err("it ends before its elements are closed".into()),
    }
}

/// `v[k1][k2]…`, or null when a key is missing (serde_json's own indexing never panics
/// on a string key either; this says so to the lint that forbids indexing).
fn at<'a>(v: &'a Value, keys: &[&str]) -> &'a Value {
    static NULL: Value = Value::Null;
    keys.iter().try_fold(v, |v, k| v.get(k)).unwrap_or(&NULL)
}

/// Reads a DOCX file into a [`Doc`].
pub fn read(bytes: &[u8], file: &str, limits: &Limits) -> Result<Doc, Error> {
    check_archive(bytes, file, limits)?;
    let parsed = std::panic::catch_unwind(|| docx_rs::read_docx(bytes).map(|d| d.json()));
    let json = match parsed {
        Ok(Ok(j)) => j,
        Ok(Err(e)) => return Err(bad(file, format!("damaged Word document: {e}"))),
        Err(_) => return Err(bad(file, "damaged Word document: a part is corrupt")),
    };
    let v: Value =
        serde_json::from_str(&json).map_err(|e| bad(file, format!("cannot read DOCX: {e}")))?;
    let boxes = document_xml(bytes)
        .map(|xml| super::docx_textbox::text_boxes(&xml))
        .unwrap_or_default();
    let reader = Reader::new(&v);
    let mut doc = Doc::default();
    for p in furniture(bytes, "word/header") {
        reader.box_paragraph(&p, &mut doc);
    }
    let body = reader.document(&v, &boxes);
    doc.blocks.extend(body.blocks);
    for p in furniture(bytes, "word/footer") {
        reader.box_paragraph(&p, &mut doc);
    }
    for (i, b) in doc.blocks.iter_mut().enumerate() {
        b.line = i + 1;
    }
    doc.embedded = embedded(bytes);
    Ok(doc)
}

/// The JSON Resume a DOCX written by this tool carries in a custom XML part (see
/// [`crate::embed`]); other custom XML parts (SharePoint properties, bibliographies) are not
/// ours and are skipped. The archive's sizes were checked before.
fn embedded(bytes: &[u8]) -> Option<crate::embed::Embedded> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("customXml/item") && !n.contains("Props") && n.ends_with(".xml"))
        .map(str::to_string)
        .collect();
    names.sort();
    names.into_iter().find_map(|name| {
        let mut xml = String::new();
        zip.by_name(&name).ok()?.read_to_string(&mut xml).ok()?;
        crate::embed::from_custom_xml(&xml)
    })
}

/// The paragraphs of the page headers (or footers) once each: some templates set the name,
/// the headline, the contact line or a whole sidebar there, and that is the résumé's content
/// (read once, not once a page). Page numbers and empty paragraphs are left out.
fn furniture(bytes: &[u8], prefix: &str) -> Vec<super::docx_textbox::BoxParagraph> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
        .map(str::to_string)
        .collect();
    names.sort();
    let page_number = crate::lite_re!(crate::patterns::DOCX_PAGE_NUMBER);
    let running = crate::lite_re!(crate::patterns::DOCX_FOOTER_PAGE);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for name in names {
        let mut xml = String::new();
        let Ok(mut entry) = zip.by_name(&name) else {
            continue;
        };
        if entry.read_to_string(&mut xml).is_err() {
            continue;
        }
        for p in super::docx_textbox::part_paragraphs(&xml) {
            let text: String = p.runs.iter().map(|r| r.0.as_str()).collect();
            if page_number.is_match(&text) || running.is_match(&text) || !seen.insert(text) {
                continue;
            }
            out.push(p);
        }
    }
    out
}

/// The main document part as text (already checked against the limits).
fn document_xml(bytes: &[u8]) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut entry = zip.by_name("word/document.xml").ok()?;
    let mut s = String::new();
    entry.read_to_string(&mut s).ok()?;
    Some(s)
}

/// A paragraph style, resolved through its `basedOn` chain.
#[derive(Debug, Clone, Default)]
struct StyleInfo {
    heading: Option<u8>,
    list: bool,
    bold: bool,
    italic: bool,
    /// Font size in half-points.
    size: Option<u64>,
}

struct Reader {
    styles: HashMap<String, StyleInfo>,
    links: HashMap<String, String>,
    /// Font size and word count of each plain paragraph, by block index, to find headings
    /// set only in a larger size.
    sizes: std::cell::RefCell<Vec<(usize, u64, usize)>>,
}

impl Reader {
    fn new(v: &Value) -> Reader {
        let mut raw: HashMap<String, &Value> = HashMap::new();
        for s in at(v, &["styles", "styles"])
            .as_array()
            .into_iter()
            .flatten()
        {
            if let Some(id) = s["styleId"].as_str() {
                raw.insert(id.to_string(), s);
            }
        }
        let mut styles = HashMap::new();
        for id in raw.keys() {
            styles.insert(id.clone(), resolve(id, &raw, 0));
        }
        let mut links = HashMap::new();
        for l in v["hyperlinks"].as_array().into_iter().flatten() {
            if let (Some(id), Some(url)) = (l[0].as_str(), l[1].as_str()) {
                links.insert(id.to_string(), url.to_string());
            }
        }
        Reader {
            styles,
            links,
            sizes: std::cell::RefCell::new(Vec::new()),
        }
    }

    fn document(
        &self,
        v: &Value,
        boxes: &[(usize, Vec<super::docx_textbox::BoxParagraph>)],
    ) -> Doc {
        let mut doc = Doc::default();
        let mut top = 0usize;
        for child in at(v, &["document", "children"])
            .as_array()
            .into_iter()
            .flatten()
        {
            if matches!(child["type"].as_str(), Some("paragraph" | "table")) {
                // A text box's text is read where it is anchored.
                for (_, paragraphs) in boxes.iter().filter(|(at, _)| *at == top) {
                    for p in paragraphs {
                        self.box_paragraph(p, &mut doc);
                    }
                }
                top += 1;
            }
            self.child(child, &mut doc);
        }
        for (_, paragraphs) in boxes.iter().filter(|(at, _)| *at >= top) {
            for p in paragraphs {
                self.box_paragraph(p, &mut doc);
            }
        }
        self.headings_by_size(&mut doc);
        doc
    }

    fn box_paragraph(&self, p: &super::docx_textbox::BoxParagraph, doc: &mut Doc) {
        let style = p
            .style
            .as_deref()
            .and_then(|s| self.styles.get(s))
            .cloned()
            .unwrap_or_default();
        let mut spans = Vec::new();
        for (text, bold, italic) in &p.runs {
            if text == "\n" {
                spans.push(Span::line_break());
            } else {
                let bold = *bold || (style.bold && style.heading.is_none());
                push_text(&mut spans, text, bold, *italic || style.italic, false, None);
            }
        }
        let kind = match style.heading {
            Some(l) => Kind::Heading(l),
            None if p.numbered || style.list => Kind::ListItem(0),
            None => Kind::Paragraph,
        };
        doc.blocks
            .push(Block::new(kind, spans, doc.blocks.len() + 1));
    }

    fn child(&self, child: &Value, doc: &mut Doc) {
        match child["type"].as_str() {
            Some("paragraph") => self.paragraph(&child["data"], doc),
            Some("table") => self.table(&child["data"], doc),
            _ => {}
        }
    }

    /// A table is read column by column: a two-column layout (a sidebar beside the main
    /// text) keeps each column whole.
    fn table(&self, data: &Value, doc: &mut Doc) {
        let rows: Vec<&Value> = data["rows"].as_array().into_iter().flatten().collect();
        let cells = |row: &Value| -> Vec<Value> {
            at(row, &["data", "cells"])
                .as_array()
                .or_else(|| row["cells"].as_array())
                .cloned()
                .unwrap_or_default()
        };
        let columns = rows.iter().map(|r| cells(r).len()).max().unwrap_or(0);
        for c in 0..columns {
            for r in &rows {
                if let Some(cell) = cells(r).get(c) {
                    let children = at(cell, &["data", "children"])
                        .as_array()
                        .or_else(|| cell["children"].as_array())
                        .cloned()
                        .unwrap_or_default();
                    for ch in &children {
                        self.child(ch, doc);
                    }
                }
            }
        }
    }

    fn paragraph(&self, data: &Value, doc: &mut Doc) {
        let prop = &data["property"];
        let style = prop["style"]
            .as_str()
            .and_then(|s| self.styles.get(s))
            .cloned()
            .unwrap_or_default();
        let numbered =
            prop["numberingProperty"].is_object() || data["hasNumbering"].as_bool() == Some(true);
        let level = at(prop, &["numberingProperty", "level"])
            .as_u64()
            .unwrap_or(0);
        let mut spans: Vec<Span> = Vec::new();
        for ch in data["children"].as_array().into_iter().flatten() {
            match ch["type"].as_str() {
                Some("run") => self.run(&ch["data"], &style, None, &mut spans),
                Some("hyperlink") => {
                    let url = at(ch, &["data", "rid"])
                        .as_str()
                        .and_then(|r| self.links.get(r))
                        .cloned();
                    for r in at(ch, &["data", "children"])
                        .as_array()
                        .into_iter()
                        .flatten()
                    {
                        if r["type"].as_str() == Some("run") {
                            self.run(&r["data"], &style, url.as_deref(), &mut spans);
                        }
                    }
                }
                _ => {}
            }
        }
        // Split off what follows the last tab when the paragraph has a right tab stop: it
        // is the flush-right part (an entry's dates).
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        if text.trim().is_empty() {
            return;
        }
        let mut kind = match style.heading {
            Some(l) => Kind::Heading(l),
            None if numbered || style.list => Kind::ListItem(u8::try_from(level).unwrap_or(0)),
            None => Kind::Paragraph,
        };
        // A typed bullet character is a list item too.
        if kind == Kind::Paragraph {
            if let Some(first) = spans.first_mut() {
                let t = first.text.trim_start();
                if let Some(rest) = t
                    .strip_prefix(['•', '·', '▪', '◦', '‣', '●', '–', '-'])
                    .filter(|r| r.starts_with([' ', '\t']))
                {
                    first.text = rest.trim_start().to_string();
                    kind = Kind::ListItem(0);
                }
            }
        }
        if kind == Kind::Paragraph {
            let size = data["children"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|c| at(c, &["data", "runProperty", "sz"]).as_u64())
                .max()
                .or(style.size);
            if let Some(size) = size {
                let words = text.split_whitespace().count();
                self.sizes
                    .borrow_mut()
                    .push((doc.blocks.len(), size, words));
            }
        }
        doc.blocks
            .push(Block::new(kind, spans, doc.blocks.len() + 1));
    }

    /// Short paragraphs set clearly larger than the body text are headings: the largest
    /// sizes level 1, the others level 2.
    fn headings_by_size(&self, doc: &mut Doc) {
        let sizes = self.sizes.borrow();
        let mut words_by_size: HashMap<u64, usize> = HashMap::new();
        for (_, size, words) in sizes.iter() {
            *words_by_size.entry(*size).or_default() += words;
        }
        let Some(body) = words_by_size
            .iter()
            .max_by_key(|(s, w)| (**w, std::cmp::Reverse(**s)))
            .map(|(s, _)| *s)
        else {
            return;
        };
        for (index, size, words) in sizes.iter() {
            if *words <= 8 && size * 4 >= body * 5 {
                if let Some(b) = doc.blocks.get_mut(*index) {
                    b.kind = Kind::Heading(if size * 5 >= body * 8 { 1 } else { 2 });
                }
            }
        }
    }

    fn run(&self, data: &Value, style: &StyleInfo, link: Option<&str>, spans: &mut Vec<Span>) {
        let rp = &data["runProperty"];
        let char_style = rp["style"].as_str().and_then(|s| self.styles.get(s));
        let flag = |name: &str, inherited: bool| match rp[name].as_bool() {
            Some(v) => v,
            None => {
                inherited
                    || char_style.is_some_and(|c| if name == "bold" { c.bold } else { c.italic })
            }
        };
        let bold = flag("bold", style.bold && style.heading.is_none());
        let italic = flag("italic", style.italic);
        let underline = rp["underline"].is_string() && link.is_none();
        for c in data["children"].as_array().into_iter().flatten() {
            match c["type"].as_str() {
                Some("text") => {
                    if let Some(t) = at(c, &["data", "text"]).as_str() {
                        push_text(spans, t, bold, italic, underline, link);
                    }
                }
                Some("tab") | Some("ptab") => push_text(spans, "\t", bold, italic, underline, link),
                Some("break") => spans.push(Span::line_break()),
                _ => {}
            }
        }
    }
}

/// A style's heading level, list membership and emphasis, following `basedOn`.
fn resolve(id: &str, raw: &HashMap<String, &Value>, depth: usize) -> StyleInfo {
    let Some(s) = raw.get(id) else {
        return StyleInfo::default();
    };
    let mut info = match s["basedOn"].as_str() {
        Some(parent) if depth < 10 && parent != id => resolve(parent, raw, depth + 1),
        _ => StyleInfo::default(),
    };
    let name = s["name"].as_str().unwrap_or(id).to_lowercase();
    let id_lower = id.to_lowercase();
    if name == "title" || id_lower == "title" {
        info.heading = Some(1);
    } else if let Some(n) = heading_number(&name).or_else(|| heading_number(&id_lower)) {
        info.heading = Some((n + 1).min(6));
    }
    if name.starts_with("list") || at(s, &["paragraphProperty", "numberingProperty"]).is_object() {
        info.list = true;
    }
    let rp = &s["runProperty"];
    if let Some(b) = rp["bold"].as_bool() {
        info.bold = b;
    }
    if let Some(i) = rp["italic"].as_bool() {
        info.italic = i;
    }
    if let Some(sz) = rp["sz"].as_u64() {
        info.size = Some(sz);
    }
    info
}

/// "heading 2" / "Heading2" → 2.
fn heading_number(s: &str) -> Option<u8> {
    let rest = s.strip_prefix("heading")?.trim();
    rest.parse().ok()
}

/// The DOCX row of the format registry.
pub struct DocxReader;
pub const READER: DocxReader = DocxReader;

impl crate::format::Reader for DocxReader {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &crate::Limits,
    ) -> Result<(crate::format::Parsed, Vec<crate::Warning>), crate::Error> {
        Ok((
            crate::format::Parsed::Doc(read(bytes, name, limits)?),
            Vec::new(),
        ))
    }
}
