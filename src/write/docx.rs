//! DOCX out: a [`Doc`] as a Word document with real styles (Title, Subtitle, Heading 1 and 2,
//! List Bullet with real numbering, Quote), a right tab stop for an entry's dates, clickable
//! links, the chosen paper size and margins, Calibri (with fallbacks), the document's title
//! and author in `docProps/core.xml`, and the same bytes for the same input.
//!
//! docx-rs writes the package; it has no API for the title and author, so the archive is
//! rewritten once: `core.xml` patched, every entry deflated with a fixed timestamp.

use crate::doc::{Doc, Kind, Span};
use crate::error::Error;
use docx_rs::{
    AbstractNumbering, Docx, Hyperlink, HyperlinkType, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType,
    Start, Style, StyleType, Tab, TabValueType,
};
use std::io::{Cursor, Read, Write};

/// Paper sizes, in twentieths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Paper {
    /// 210 × 297 mm
    #[default]
    A4,
    /// 8.5 × 11 in
    Letter,
}

impl Paper {
    /// Width and height in twips.
    pub fn twips(self) -> (u32, u32) {
        match self {
            Paper::A4 => (11906, 16838),
            Paper::Letter => (12240, 15840),
        }
    }
}

/// What a DOCX is written with besides its content.
#[derive(Debug, Clone)]
pub struct Options {
    pub paper: Paper,
    /// Title, author, subject, keywords and date for `docProps/core.xml`.
    pub meta: crate::meta::DocMeta,
    /// The JSON Resume to carry in a custom XML part ([`crate::embed`]), if any.
    pub embed: Option<crate::embed::Embedded>,
}

const MARGIN_SIDE: i32 = 1134; // 2 cm
const MARGIN_TOP: i32 = 1021; // 1.8 cm
const BULLETS: usize = 2; // docx-rs writes its own list definition with id 1
const ACCENT: &str = "1F3864";

fn styles(docx: Docx) -> Docx {
    let body = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri")
        .east_asia("Calibri");
    docx.default_fonts(body)
        .default_size(21)
        .default_line_spacing(LineSpacing::new().after(80).line(259))
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal"))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .size(48)
                .bold()
                .color(ACCENT),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .size(24)
                .color("404040"),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .based_on("Normal")
                .next("Normal")
                .size(26)
                .bold()
                .color(ACCENT)
                .line_spacing(LineSpacing::new().before(240).after(80))
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .based_on("Normal")
                .next("Normal")
                .size(22)
                .bold()
                .line_spacing(LineSpacing::new().before(160).after(40))
                .outline_lvl(1),
        )
        .add_style(
            Style::new("ListBullet", StyleType::Paragraph)
                .name("List Bullet")
                .based_on("Normal"),
        )
        .add_style(
            Style::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .italic()
                .indent(Some(567), None, Some(567), None),
        )
        .add_style(
            Style::new("Hyperlink", StyleType::Character)
                .name("Hyperlink")
                .color("0563C1")
                .underline("single"),
        )
}

fn bullets(docx: Docx) -> Docx {
    let mut abs = AbstractNumbering::new(BULLETS);
    for (level, glyph) in ["•", "◦", "▪"].into_iter().enumerate() {
        let indent = 360 + 360 * level as i32;
        abs = abs.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(glyph),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(240)),
                None,
                None,
            ),
        );
    }
    docx.add_abstract_numbering(abs)
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

fn run(span: &Span) -> Run {
    let mut r = Run::new();
    let mut first = true;
    for piece in span.text.split('\n') {
        if !first {
            r = r.add_break(docx_rs::BreakType::TextWrapping);
        }
        first = false;
        let mut tabbed = piece.split('\t').peekable();
        while let Some(t) = tabbed.next() {
            if !t.is_empty() {
                r = r.add_text(t);
            }
            if tabbed.peek().is_some() {
                r = r.add_tab();
            }
        }
    }
    if span.bold {
        r = r.bold();
    }
    if span.italic {
        r = r.italic();
    }
    if span.underline {
        r = r.underline("single");
    }
    r
}

fn add_spans(mut p: Paragraph, spans: &[Span]) -> Paragraph {
    for s in spans {
        if s.is_break() {
            p = p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping));
            continue;
        }
        p = match &s.link {
            Some(url) => p.add_hyperlink(
                Hyperlink::new(encode_url(url), HyperlinkType::External)
                    .add_run(run(s).style("Hyperlink")),
            ),
            None => p.add_run(run(s)),
        };
    }
    p
}

/// Non-ASCII characters in an address are percent-encoded for the relationship target.
fn encode_url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        if c.is_ascii() && c != ' ' {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Renders a document as DOCX bytes.
pub fn write(doc: &Doc, opts: &Options) -> Result<Vec<u8>, Error> {
    let (w, h) = opts.paper.twips();
    let text_width = w as i32 - 2 * MARGIN_SIDE;
    let mut docx = bullets(styles(Docx::new()))
        .page_size(w, h)
        .page_margin(docx_rs::PageMargin {
            top: MARGIN_TOP,
            left: MARGIN_SIDE,
            bottom: MARGIN_TOP,
            right: MARGIN_SIDE,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .created_at(&opts.meta.date)
        .updated_at(&opts.meta.date);
    let mut after_title = false;
    for b in &doc.blocks {
        let mut p = Paragraph::new();
        p = match b.kind {
            Kind::Heading(1) => p.style("Title"),
            Kind::Heading(2) => p.style("Heading1").keep_next(true),
            Kind::Heading(_) => p.style("Heading2").keep_next(true),
            Kind::ListItem(depth) => p.style("ListBullet").numbering(
                NumberingId::new(BULLETS),
                IndentLevel::new(usize::from(depth.min(2))),
            ),
            Kind::Quote => p.style("Quote"),
            Kind::Paragraph
                if after_title && b.spans.iter().all(|s| s.italic || s.text.trim().is_empty()) =>
            {
                p.style("Subtitle")
            }
            _ => p.style("Normal"),
        };
        after_title = b.kind == Kind::Heading(1);
        if b.kind == Kind::Rule {
            docx = docx.add_paragraph(p);
            continue;
        }
        p = add_spans(p, &b.spans);
        if !b.right.is_empty() {
            p = p.add_tab(Tab::new().val(TabValueType::Right).pos(text_width as usize));
            p = p.add_run(Run::new().add_tab());
            let right: Vec<Span> = b
                .right
                .iter()
                .map(|s| Span {
                    bold: false,
                    ..s.clone()
                })
                .collect();
            p = add_spans(p, &right);
        }
        docx = docx.add_paragraph(p);
    }
    let mut packed = Cursor::new(Vec::new());
    docx.build().pack(&mut packed).map_err(|e| Error::Write {
        path: "<docx>".into(),
        source: std::io::Error::other(e.to_string()),
    })?;
    finish(packed.into_inner(), opts)
}

/// Adds the custom XML part that carries the JSON Resume (ECMA-376 Part 1 §22.5): the item,
/// its properties part with an item id derived from the fingerprint (so the bytes are the same
/// every time), the item's relationship to its properties, the document's relationship to the
/// item, and the properties part's content type. (docx-rs's own `add_custom_item` re-parses
/// the XML and writes text unescaped, which JSON cannot survive.)
fn add_custom_xml(entries: &mut Vec<(String, Vec<u8>)>, e: &crate::embed::Embedded) {
    let mut guid = String::from("{");
    let digits = e
        .fingerprint
        .trim_start_matches("sha256:")
        .chars()
        .chain(std::iter::repeat('0'))
        .take(32);
    for (i, c) in digits.enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            guid.push('-');
        }
        guid.push(c.to_ascii_uppercase());
    }
    guid.push('}');
    let props = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n\
         <ds:datastoreItem ds:itemID=\"{guid}\" \
         xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\">\
         <ds:schemaRefs><ds:schemaRef ds:uri=\"{}\"/></ds:schemaRefs></ds:datastoreItem>",
        crate::embed::NAMESPACE
    );
    let item_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" \
        Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps\" \
        Target=\"itemProps1.xml\"/></Relationships>";
    for (name, data) in entries.iter_mut() {
        let xml = String::from_utf8_lossy(data).to_string();
        if name == "word/_rels/document.xml.rels" {
            *data = xml
                .replace(
                    "</Relationships>",
                    "<Relationship Id=\"rIdResumeData\" \
                     Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml\" \
                     Target=\"../customXml/item1.xml\"/></Relationships>",
                )
                .into_bytes();
        }
        if name == "[Content_Types].xml" {
            let mut xml = xml;
            if !xml.contains("Extension=\"xml\"") {
                xml = xml.replace(
                    "</Types>",
                    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>",
                );
            }
            *data = xml
                .replace(
                    "</Types>",
                    "<Override PartName=\"/customXml/itemProps1.xml\" \
                     ContentType=\"application/vnd.openxmlformats-officedocument.customXmlProperties+xml\"/></Types>",
                )
                .into_bytes();
        }
    }
    entries.push((
        "customXml/item1.xml".into(),
        crate::embed::to_custom_xml(e).into_bytes(),
    ));
    entries.push(("customXml/itemProps1.xml".into(), props.into_bytes()));
    entries.push((
        "customXml/_rels/item1.xml.rels".into(),
        item_rels.as_bytes().to_vec(),
    ));
}

/// docx-rs lists hyperlink relationships in hash order; sorted by id they come out the same
/// every time.
fn sorted_relationships(xml: &str) -> String {
    let (Some(start), Some(end)) = (xml.find("<Relationship "), xml.rfind("</Relationships>"))
    else {
        return xml.to_string();
    };
    let mut items: Vec<String> = xml[start..end]
        .split_inclusive("/>")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let key = |s: &String| {
        let id = s
            .split("Id=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or("");
        let digits: String = id.chars().filter(char::is_ascii_digit).collect();
        let prefix: String = id.chars().filter(|c| !c.is_ascii_digit()).collect();
        (prefix, digits.parse::<u64>().unwrap_or(0))
    };
    items.sort_by_key(key);
    format!("{}{}{}", &xml[..start], items.concat(), &xml[end..])
}

/// Rewrites the package: title and author into `docProps/core.xml`, every entry deflated with a
/// fixed timestamp, so the same input gives the same bytes.
/// Parts smaller than this (bytes) are stored, not deflated.
const STORED_BELOW: usize = 400;

fn finish(bytes: Vec<u8>, opts: &Options) -> Result<Vec<u8>, Error> {
    let err = |e: &dyn std::fmt::Display| Error::Write {
        path: "<docx>".into(),
        source: std::io::Error::other(e.to_string()),
    };
    let mut input = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| err(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // A fast deflate: Word packages are small and mostly text; level 1 costs a few per cent in
    // size and saves most of the time.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..input.len() {
        let mut file = input.by_index(i).map_err(|e| err(&e))?;
        if file.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        file.read_to_end(&mut data).map_err(|e| err(&e))?;
        entries.push((file.name().to_string(), data));
    }
    // docx-rs numbers hyperlink relationships and paragraph ids with process-wide counters:
    // renumber them in document order so the bytes do not depend on what else the process
    // wrote before.
    let document = entries
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, d)| String::from_utf8_lossy(d).to_string())
        .unwrap_or_default();
    let mut link_ids: Vec<String> = Vec::new();
    for piece in document.split("r:id=\"rIdHyperlink").skip(1) {
        let id = piece.split('"').next().unwrap_or("").to_string();
        if !link_ids.contains(&id) {
            link_ids.push(id);
        }
    }
    let renumber_links = |xml: &str| -> String {
        // Two steps (to placeholders, then to final ids) so renamed ids never collide.
        let mut x = xml.to_string();
        for (k, id) in link_ids.iter().enumerate() {
            x = x.replace(
                &format!("\"rIdHyperlink{id}\""),
                &format!("\"rIdLink\u{1}{k}\""),
            );
        }
        for k in 0..link_ids.len() {
            x = x.replace(
                &format!("\"rIdLink\u{1}{k}\""),
                &format!("\"rIdHyperlink{}\"", k + 1),
            );
        }
        x
    };
    for (name, data) in &mut entries {
        let original = String::from_utf8_lossy(data).to_string();
        if name == "word/document.xml" {
            let mut n = 0usize;
            let mut xml = String::new();
            for (i, piece) in renumber_links(&original).split("w14:paraId=\"").enumerate() {
                if i == 0 {
                    xml.push_str(piece);
                    continue;
                }
                n += 1;
                let rest = piece.split_once('"').map_or("", |(_, r)| r);
                xml.push_str(&format!("w14:paraId=\"{n:08X}\"{rest}"));
            }
            *data = xml.into_bytes();
        }
        if name == "word/_rels/document.xml.rels" {
            *data = sorted_relationships(&renumber_links(&original)).into_bytes();
        }
        if name == "docProps/core.xml" {
            let mut xml = original.clone();
            let author =
                crate::embed::xml_escape(opts.meta.author.as_deref().unwrap_or("resumeconv"));
            xml = xml.replace(
                "<dc:creator>unknown</dc:creator>",
                &format!("<dc:creator>{author}</dc:creator>"),
            );
            xml = xml.replace(
                "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
                &format!("<cp:lastModifiedBy>{author}</cp:lastModifiedBy>"),
            );
            let m = &opts.meta;
            let mut props = format!(
                "<dc:title>{}</dc:title><dc:subject>{}</dc:subject>",
                crate::embed::xml_escape(&m.title),
                crate::embed::xml_escape(&m.subject)
            );
            if !m.keywords.is_empty() {
                props.push_str(&format!(
                    "<cp:keywords>{}</cp:keywords>",
                    crate::embed::xml_escape(&m.keywords.join(", "))
                ));
            }
            xml = xml.replace(
                "</cp:coreProperties>",
                &format!("{props}</cp:coreProperties>"),
            );
            *data = xml.into_bytes();
        }
    }
    if let Some(e) = &opts.embed {
        add_custom_xml(&mut entries, e);
    }
    // Setting up a deflate stream costs as much as compressing a page of text; a part of a
    // few hundred bytes would shrink by a few dozen, so it is stored as it is.
    let stored = options
        .compression_method(zip::CompressionMethod::Stored)
        .compression_level(None);
    for (name, data) in entries {
        let part = if data.len() < STORED_BELOW {
            stored
        } else {
            options
        };
        out.start_file(name, part).map_err(|e| err(&e))?;
        out.write_all(&data).map_err(|e| err(&e))?;
    }
    Ok(out.finish().map_err(|e| err(&e))?.into_inner())
}

/// The DOCX row of the format registry.
pub struct DocxWriter;
pub const WRITER: DocxWriter = DocxWriter;

impl crate::format::Writer for DocxWriter {
    fn write(
        &self,
        resume: &crate::model::Resume,
        ctx: &crate::format::WriteContext,
    ) -> Result<(Vec<u8>, Vec<crate::Warning>), Error> {
        let mut warnings = Vec::new();
        // XML 1.0 cannot hold most control characters; Word refuses a file with one.
        let cleaned = crate::write::xml_safe(resume, &mut warnings);
        let resume = cleaned.as_ref().unwrap_or(resume);
        let doc = crate::present::present(resume);
        let opts = Options {
            paper: ctx.options.paper,
            meta: ctx.meta.clone(),
            embed: ctx.embedded(resume, &doc),
        };
        Ok((write(&doc, &opts)?, warnings))
    }
}
