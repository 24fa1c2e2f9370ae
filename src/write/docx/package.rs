//! The Word package around the parts: content types, relationships, the core and app
//! properties (title, author, subject, keywords, language, date), the custom XML part that
//! carries the JSON Resume (ECMA-376 Part 1 §22.5), zipped with a fixed timestamp so the
//! same input gives the same bytes.

use super::Options;
use crate::embed::xml_escape;
use crate::error::Error;
use std::io::{Cursor, Write};

/// The parts [`super::parts`] wrote.
pub struct Parts {
    pub document: String,
    pub styles: String,
    pub numbering: String,
    pub footer: String,
    pub settings: String,
    /// Hyperlink targets, `rIdLink1` first.
    pub links: Vec<String>,
}

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

fn content_types(custom: bool) -> String {
    let mut o = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{WML}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{WML}.styles+xml\"/>\
         <Override PartName=\"/word/numbering.xml\" ContentType=\"{WML}.numbering+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{WML}.settings+xml\"/>\
         <Override PartName=\"/word/footer1.xml\" ContentType=\"{WML}.footer+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    );
    if custom {
        o.push_str(
            "<Override PartName=\"/customXml/itemProps1.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.customXmlProperties+xml\"/>",
        );
    }
    o.push_str("</Types>");
    o
}

fn package_rels() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"{PKG_REL}\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

fn document_rels(links: &[String], custom: bool) -> String {
    let mut o = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"{PKG_REL}\">\
         <Relationship Id=\"rIdStyles\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdNumbering\" Type=\"{REL}/numbering\" Target=\"numbering.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{REL}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdFooter1\" Type=\"{REL}/footer\" Target=\"footer1.xml\"/>"
    );
    for (i, url) in links.iter().enumerate() {
        o.push_str(&format!(
            "<Relationship Id=\"rIdLink{}\" Type=\"{REL}/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            i + 1,
            xml_escape(&crate::write::encode_uri(url))
        ));
    }
    if custom {
        o.push_str(&format!(
            "<Relationship Id=\"rIdResumeData\" Type=\"{REL}/customXml\" Target=\"../customXml/item1.xml\"/>"
        ));
    }
    o.push_str("</Relationships>");
    o
}

fn core(opts: &Options) -> String {
    let m = &opts.meta;
    let author = xml_escape(m.author.as_deref().unwrap_or("resumeconv"));
    let keywords = if m.keywords.is_empty() {
        String::new()
    } else {
        format!(
            "<cp:keywords>{}</cp:keywords>",
            xml_escape(&m.keywords.join(", "))
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{author}</dc:creator>{keywords}\
         <cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{}</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>\
         </cp:coreProperties>",
        xml_escape(&m.title),
        xml_escape(&m.subject),
        xml_escape(&m.lang),
        date = m.date
    )
}

fn app() -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
     <Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
     <Application>resumeconv</Application></Properties>"
        .to_string()
}

/// The custom XML item's properties, its item id derived from the fingerprint (so the bytes
/// are the same every time).
fn item_props(e: &crate::embed::Embedded) -> String {
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
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n\
         <ds:datastoreItem ds:itemID=\"{guid}\" \
         xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\">\
         <ds:schemaRefs><ds:schemaRef ds:uri=\"{}\"/></ds:schemaRefs></ds:datastoreItem>",
        crate::embed::NAMESPACE
    )
}

/// Parts smaller than this (bytes) are stored, not deflated: setting up a deflate stream
/// costs as much as compressing a page of text.
const STORED_BELOW: usize = 400;

/// Zips the parts into a package.
pub fn pack(p: Parts, opts: &Options) -> Result<Vec<u8>, Error> {
    let err = |e: &dyn std::fmt::Display| Error::Write {
        path: "<docx>".into(),
        source: std::io::Error::other(e.to_string()),
    };
    let custom = opts.embed.as_ref();
    let mut entries: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types(custom.is_some())),
        ("_rels/.rels", package_rels()),
        ("word/document.xml", p.document),
        (
            "word/_rels/document.xml.rels",
            document_rels(&p.links, custom.is_some()),
        ),
        ("word/styles.xml", p.styles),
        ("word/numbering.xml", p.numbering),
        ("word/settings.xml", p.settings),
        ("word/footer1.xml", p.footer),
        ("docProps/core.xml", core(opts)),
        ("docProps/app.xml", app()),
    ];
    if let Some(e) = custom {
        entries.push(("customXml/item1.xml", crate::embed::to_custom_xml(e)));
        entries.push(("customXml/itemProps1.xml", item_props(e)));
        entries.push((
            "customXml/_rels/item1.xml.rels",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
                 <Relationships xmlns=\"{PKG_REL}\"><Relationship Id=\"rId1\" \
                 Type=\"{REL}/customXmlProps\" Target=\"itemProps1.xml\"/></Relationships>"
            ),
        ));
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // A fast deflate: Word packages are small and mostly text; level 1 costs a few per cent in
    // size and saves most of the time.
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    let stored = deflated
        .compression_method(zip::CompressionMethod::Stored)
        .compression_level(None);
    for (name, data) in entries {
        let part = if data.len() < STORED_BELOW {
            stored
        } else {
            deflated
        };
        out.start_file(name, part).map_err(|e| err(&e))?;
        out.write_all(data.as_bytes()).map_err(|e| err(&e))?;
    }
    Ok(out.finish().map_err(|e| err(&e))?.into_inner())
}
