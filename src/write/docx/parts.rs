//! The XML parts of a Word document, written here element by element in the order ECMA-376
//! Part 1 (transitional) requires — `w:pPr`: pStyle, keepNext, keepLines, numPr, pBdr, shd,
//! tabs, spacing, ind, jc, rPr; `w:rPr`: rStyle, rFonts, b, bCs, i, iCs, caps, color,
//! spacing, sz, szCs, u, lang; `w:style`: name, basedOn, next, link, uiPriority, qFormat,
//! pPr, rPr — each style defined once, and the design taken from the [`Theme`].

use crate::doc::{Doc, Kind, Span};
use crate::embed::xml_escape;
use crate::theme::{Align, Theme};

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// The numbering instance of bullet lists.
pub const BULLETS: u32 = 1;
/// A relationship id for each hyperlink target, in order of first use.
#[derive(Default)]
pub struct Links {
    pub targets: Vec<String>,
}

impl Links {
    fn id(&mut self, url: &str) -> String {
        let n = match self.targets.iter().position(|t| t == url) {
            Some(i) => i + 1,
            None => {
                self.targets.push(url.to_string());
                self.targets.len()
            }
        };
        format!("rIdLink{n}")
    }
}

/// Half-points, as `w:sz` counts them.
fn half_points(pt: f32) -> u32 {
    (pt * 2.0).round() as u32
}

/// Twentieths of a point (twips).
pub fn twips(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}

/// What a paragraph looks like besides its style.
#[derive(Default)]
struct Para<'a> {
    style: &'a str,
    keep_next: bool,
    keep_lines: bool,
    bullet_level: Option<u8>,
    bottom_rule: Option<String>,
    shade: Option<String>,
    right_tab: Option<u32>,
    center: bool,
}

impl Para<'_> {
    fn xml(&self) -> String {
        let mut x = format!("<w:pPr><w:pStyle w:val=\"{}\"/>", self.style);
        if self.keep_next {
            x.push_str("<w:keepNext/>");
        }
        if self.keep_lines {
            x.push_str("<w:keepLines/>");
        }
        if let Some(level) = self.bullet_level {
            x.push_str(&format!(
                "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{BULLETS}\"/></w:numPr>"
            ));
        }
        if let Some(color) = &self.bottom_rule {
            x.push_str(&format!(
                "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"{color}\"/></w:pBdr>"
            ));
        }
        if let Some(fill) = &self.shade {
            x.push_str(&format!(
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"
            ));
        }
        if let Some(pos) = self.right_tab {
            x.push_str(&format!(
                "<w:tabs><w:tab w:val=\"right\" w:pos=\"{pos}\"/></w:tabs>"
            ));
        }
        if self.center {
            x.push_str("<w:jc w:val=\"center\"/>");
        }
        x.push_str("</w:pPr>");
        x
    }
}

/// A run's properties: character style first, then direct formatting.
fn run_props(style: Option<&str>, s: &Span, color: Option<&str>) -> String {
    let mut x = String::new();
    if let Some(st) = style {
        x.push_str(&format!("<w:rStyle w:val=\"{st}\"/>"));
    }
    if s.bold {
        x.push_str("<w:b/><w:bCs/>");
    }
    if s.italic {
        x.push_str("<w:i/><w:iCs/>");
    }
    if let Some(c) = color {
        x.push_str(&format!("<w:color w:val=\"{c}\"/>"));
    }
    if s.underline {
        x.push_str("<w:u w:val=\"single\"/>");
    }
    if x.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{x}</w:rPr>")
    }
}

/// A run's content: text, with line breaks and tabs as their own elements.
fn run_content(text: &str) -> String {
    let mut x = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            x.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                x.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                x.push_str(&format!(
                    "<w:t xml:space=\"preserve\">{}</w:t>",
                    xml_escape(piece)
                ));
            }
        }
    }
    x
}

/// The runs of spans; `style` names the character style a plain run takes, if any.
fn runs(
    spans: &[Span],
    links: &mut Links,
    role: impl Fn(&Span) -> Option<&'static str>,
    color: Option<&str>,
) -> String {
    let mut x = String::new();
    for s in spans {
        if s.is_break() {
            x.push_str("<w:r><w:br/></w:r>");
            continue;
        }
        match &s.link {
            Some(url) => {
                let id = links.id(url);
                x.push_str(&format!(
                    "<w:hyperlink r:id=\"{id}\" w:history=\"1\"><w:r>{}{}</w:r></w:hyperlink>",
                    run_props(Some("Hyperlink"), s, color),
                    run_content(&s.text)
                ));
            }
            None => x.push_str(&format!(
                "<w:r>{}{}</w:r>",
                run_props(role(s), s, color),
                run_content(&s.text)
            )),
        }
    }
    x
}

/// Dates keep together on a line: their spaces become no-break spaces ("15 Feb 2016").
fn unbroken(spans: &[Span]) -> Vec<Span> {
    spans
        .iter()
        .map(|s| Span {
            text: s.text.replace(' ', "\u{a0}"),
            bold: false,
            ..s.clone()
        })
        .collect()
}

/// `word/document.xml`, with the hyperlink targets it refers to.
pub fn document(doc: &Doc, t: &Theme, page: (u32, u32), margins: Margins) -> (String, Links) {
    let mut links = Links::default();
    let text_width = page.0.saturating_sub(margins.left + margins.right);
    let accent = Theme::hex(t.accent);
    let first_section = doc
        .blocks
        .iter()
        .position(|b| b.kind == Kind::Heading(2))
        .unwrap_or(doc.blocks.len());
    let mut body = String::new();
    let mut after_title = false;
    for (i, b) in doc.blocks.iter().enumerate() {
        let header = i < first_section;
        let next_kind = doc.blocks.get(i + 1).map(|n| n.kind);
        let mut p = Para {
            keep_lines: true,
            ..Para::default()
        };
        let band = header && t.header_band;
        let color = band.then_some("FFFFFF");
        p.shade = band.then(|| accent.clone());
        p.center = header && t.header_align == Align::Center;
        let plain_role = |_: &Span| None;
        let content = match b.kind {
            Kind::Heading(1) => {
                p.style = "Title";
                runs(&b.spans, &mut links, plain_role, color)
            }
            Kind::Heading(2) => {
                p.style = "Heading1";
                p.keep_next = true;
                p.bottom_rule = Some(accent.clone());
                runs(&b.spans, &mut links, plain_role, None)
            }
            Kind::Heading(_) => {
                p.style = "Heading2";
                p.keep_next = true;
                // Organisation bold, role italic, dates flush right at the text's edge.
                let role = |s: &Span| match (s.bold, s.italic) {
                    (true, _) => Some("Organisation"),
                    (false, true) => Some("Role"),
                    _ => None,
                };
                let mut x = runs(&b.spans, &mut links, role, None);
                if !b.right.is_empty() {
                    p.right_tab = Some(text_width);
                    x.push_str("<w:r><w:tab/></w:r>");
                    x.push_str(&runs(
                        &unbroken(&b.right),
                        &mut links,
                        |_| Some("Date"),
                        None,
                    ));
                }
                x
            }
            Kind::ListItem(depth) => {
                p.style = "ListBullet";
                p.bullet_level = Some(depth.min(2));
                runs(&b.spans, &mut links, plain_role, None)
            }
            Kind::Quote => {
                p.style = "Quote";
                runs(&b.spans, &mut links, plain_role, None)
            }
            Kind::Rule => {
                p.style = "Normal";
                p.bottom_rule = Some(Theme::hex(t.muted));
                String::new()
            }
            Kind::Paragraph | Kind::Term | Kind::Definition => {
                let italic_only = b.spans.iter().all(|s| s.italic || s.text.trim().is_empty());
                p.style = if after_title && italic_only {
                    "Subtitle"
                } else if header {
                    "Contact"
                } else {
                    "Normal"
                };
                // The lines under an entry's heading stay with it.
                p.keep_next = !header
                    && matches!(next_kind, Some(Kind::Paragraph) | Some(Kind::ListItem(_)))
                    && entry_line(doc, i);
                runs(&b.spans, &mut links, plain_role, color)
            }
        };
        after_title =
            b.kind == Kind::Heading(1) || (after_title && header && b.kind != Kind::Paragraph);
        body.push_str(&format!("<w:p>{}{content}</w:p>", p.xml()));
    }
    let sect = format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
         <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"567\" w:footer=\"425\" w:gutter=\"0\"/>\
         </w:sectPr>",
        page.0, page.1, margins.top, margins.right, margins.bottom, margins.left
    );
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{body}{sect}</w:body></w:document>"
    );
    (xml, links)
}

/// True when block `i` is one of the lines between an entry's heading and its bullets: the
/// nearest block before it that is not a paragraph is an entry's heading.
fn entry_line(doc: &Doc, i: usize) -> bool {
    doc.blocks
        .get(..i)
        .unwrap_or_default()
        .iter()
        .rev()
        .find(|b| b.kind != Kind::Paragraph)
        .is_some_and(|b| matches!(b.kind, Kind::Heading(l) if l >= 3))
}

/// Page margins in twips.
#[derive(Debug, Clone, Copy)]
pub struct Margins {
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
}

/// `word/styles.xml`: document defaults and each style once.
pub fn styles(t: &Theme, lang: &str) -> String {
    let accent = Theme::hex(t.accent);
    let muted = Theme::hex(t.muted);
    let text = Theme::hex(t.text);
    let body = half_points(t.body + 1.0);
    let line = (240.0 * t.leading / 1.2).round() as u32;
    let after = twips(4.0 * t.spacing);
    let fonts = "<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>";
    let caps = if t.section_caps { "<w:caps/>" } else { "" };
    let header_jc = if t.header_align == Align::Center {
        "<w:jc w:val=\"center\"/>"
    } else {
        ""
    };
    let (title_color, sub_color) = if t.header_band {
        ("FFFFFF".to_string(), "FFFFFF".to_string())
    } else {
        (accent.clone(), muted.clone())
    };
    let para = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
             <w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )
    };
    let chr = |id: &str, name: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"character\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
             <w:rPr>{rpr}</w:rPr></w:style>"
        )
    };
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr>{fonts}\
         <w:color w:val=\"{text}\"/><w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/>\
         <w:lang w:val=\"{lang}\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\
         <w:spacing w:after=\"{after}\" w:line=\"{line}\" w:lineRule=\"auto\"/></w:pPr>\
         </w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
    );
    x.push_str(&para(
        "Title",
        "Title",
        &format!("<w:spacing w:after=\"40\"/>{header_jc}"),
        &format!(
            "<w:b/><w:bCs/><w:color w:val=\"{title_color}\"/><w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            half_points(t.name_size + 2.0)
        ),
    ));
    x.push_str(&para(
        "Subtitle",
        "Subtitle",
        &format!("<w:spacing w:after=\"40\"/>{header_jc}"),
        &format!(
            "<w:i/><w:iCs/><w:color w:val=\"{sub_color}\"/><w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            half_points(t.headline_size + 1.0)
        ),
    ));
    x.push_str(&para(
        "Contact",
        "Contact",
        &format!("<w:spacing w:after=\"60\"/>{header_jc}"),
        &format!(
            "<w:color w:val=\"{sub_color}\"/><w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            half_points(t.small + 1.0)
        ),
    ));
    let heading = |id: &str, name: &str, level: u8, before: f32, after: f32, rpr: String| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
             <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{}\" w:after=\"{}\"/><w:outlineLvl w:val=\"{level}\"/></w:pPr>\
             <w:rPr>{rpr}</w:rPr></w:style>",
            twips(before),
            twips(after)
        )
    };
    let section = half_points(t.section_size + 1.0);
    x.push_str(&heading(
        "Heading1",
        "heading 1",
        0,
        12.0 * t.spacing.max(0.6),
        4.0,
        format!("<w:b/><w:bCs/>{caps}<w:color w:val=\"{accent}\"/><w:sz w:val=\"{section}\"/><w:szCs w:val=\"{section}\"/>"),
    ));
    let entry = half_points(t.body * 1.1 + 1.0);
    x.push_str(&heading(
        "Heading2",
        "heading 2",
        1,
        6.0 * t.spacing.max(0.6),
        1.0,
        format!("<w:sz w:val=\"{entry}\"/><w:szCs w:val=\"{entry}\"/>"),
    ));
    x.push_str(&para(
        "ListBullet",
        "List Bullet",
        "<w:spacing w:after=\"20\"/>",
        "",
    ));
    x.push_str(&para(
        "Quote",
        "Quote",
        "<w:ind w:left=\"567\" w:right=\"567\"/>",
        &format!("<w:i/><w:iCs/><w:color w:val=\"{muted}\"/>"),
    ));
    x.push_str(&chr("Organisation", "Organisation", "<w:b/><w:bCs/>"));
    x.push_str(&chr("Role", "Role", "<w:i/><w:iCs/>"));
    x.push_str(&chr(
        "Date",
        "Date",
        &format!("<w:color w:val=\"{muted}\"/>"),
    ));
    x.push_str(&chr(
        "Hyperlink",
        "Hyperlink",
        &format!("<w:color w:val=\"{accent}\"/><w:u w:val=\"single\"/>"),
    ));
    x.push_str(&para(
        "Footer",
        "footer",
        "<w:jc w:val=\"center\"/>",
        &format!(
            "<w:color w:val=\"{muted}\"/><w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            half_points(t.small)
        ),
    ));
    x.push_str("</w:styles>");
    x
}

/// `word/numbering.xml`: one bullet list definition, three levels.
pub fn numbering() -> String {
    let mut levels = String::new();
    for (level, glyph) in ["•", "◦", "▪"].into_iter().enumerate() {
        let indent = 360 + 360 * level;
        levels.push_str(&format!(
            "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>\
             <w:lvlText w:val=\"{glyph}\"/><w:lvlJc w:val=\"left\"/>\
             <w:pPr><w:ind w:left=\"{indent}\" w:hanging=\"240\"/></w:pPr></w:lvl>"
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:numbering xmlns:w=\"{W_NS}\"><w:abstractNum w:abstractNumId=\"0\">\
         <w:multiLevelType w:val=\"hybridMultilevel\"/>{levels}</w:abstractNum>\
         <w:num w:numId=\"{BULLETS}\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    )
}

/// `word/footer1.xml`: the name and "Page N of M" (fields Word and LibreOffice fill in).
pub fn footer(name: Option<&str>, page_word: &str, of_word: &str) -> String {
    let field = |instr: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r><w:instrText xml:space=\"preserve\"> {instr} </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r><w:t>1</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    let text = |s: &str| {
        format!(
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            xml_escape(s)
        )
    };
    let mut p = String::new();
    if let Some(n) = name {
        p.push_str(&text(&format!("{n} · ")));
    }
    p.push_str(&text(&format!("{page_word} ")));
    p.push_str(&field("PAGE"));
    p.push_str(&text(&format!(" {of_word} ")));
    p.push_str(&field("NUMPAGES"));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>{p}</w:p></w:ftr>"
    )
}

/// `word/settings.xml`.
pub fn settings() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:settings xmlns:w=\"{W_NS}\"><w:defaultTabStop w:val=\"720\"/>\
         <w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         </w:settings>"
    )
}
