//! PDF out: a [`Doc`] typeset as a résumé a person would send — DejaVu Sans embedded and
//! subset to the glyphs used, lines wrapped by measured widths, a clear hierarchy (a large
//! name in the accent colour, section headings with a rule, entries with their dates flush
//! right, bullets with a hanging indent), as many pages as needed with numbers from page 2, an
//! entry's heading never alone at the foot of a page, clickable links, metadata, and the same
//! bytes for the same input.
//!
//! Layout happens first, into positioned items; fonts are then subset to what was placed, and
//! the items become printpdf operations.

mod fonts;
mod structure;

use crate::doc::{Doc, Kind, Span};
use crate::error::{Error, Warning};
use crate::theme::{SectionRule, Theme};
use crate::write::docx::Paper;
use fonts::{Face, FontKey, Metrics};
use printpdf::{
    Actions, BorderArray, Color, ColorArray, HighlightingMode, LinkAnnotation, Mm, Op, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};
use std::collections::{BTreeMap, BTreeSet};

/// What a PDF is written with besides its content.
#[derive(Debug, Clone)]
pub struct Options {
    pub paper: Paper,
    /// Title, author, subject, keywords and date for the info dictionary.
    pub meta: crate::meta::DocMeta,
    /// The JSON Resume to carry as an associated file ([`crate::embed`]), if any.
    pub embed: Option<crate::embed::Embedded>,
    /// The design: sizes, colours, margins, header and section styles.
    pub theme: Theme,
}

type Rgb3 = [f32; 3];
const WHITE: Rgb3 = [1.0, 1.0, 1.0];

/// A piece of text placed on a page.
#[derive(Debug, Clone)]
struct Placed {
    page: usize,
    x: f32,
    /// Baseline, from the bottom of the page.
    y: f32,
    text: String,
    face: Face,
    size: f32,
    color: Rgb3,
    link: Option<String>,
    width: f32,
    /// The document block it prints (its place in the structure tree); None for page
    /// furniture (page numbers, bullets), marked as artifacts.
    block: Option<usize>,
}

/// A line drawn on a page.
#[derive(Debug, Clone, Copy)]
struct Ruled {
    page: usize,
    x1: f32,
    x2: f32,
    y: f32,
    thickness: f32,
    color: Rgb3,
}

/// A rectangle filled with a colour (a theme's header band), drawn under the text.
#[derive(Debug, Clone, Copy)]
struct Filled {
    page: usize,
    x: f32,
    y: f32,
    width: f32,
    height: f32,
    color: Rgb3,
}

/// A run of text to be wrapped, with its style.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    face: Face,
    size: f32,
    color: Rgb3,
    link: Option<String>,
    /// Kept on one line when it fits (a contact item).
    keep: bool,
}

struct Layout<'m> {
    m: &'m Metrics,
    t: &'m Theme,
    text: Rgb3,
    muted: Rgb3,
    accent: Rgb3,
    width: f32,
    height: f32,
    page: usize,
    /// Baseline cursor, from the bottom of the page.
    y: f32,
    placed: Vec<Placed>,
    rules: Vec<Ruled>,
    fills: Vec<Filled>,
    /// The block being placed.
    block: Option<usize>,
    /// Section titles with where they start (page, baseline), for the outline.
    sections: Vec<(String, usize, f32)>,
}

impl<'m> Layout<'m> {
    fn left(&self) -> f32 {
        self.t.margin_x
    }

    fn right(&self) -> f32 {
        self.width - self.t.margin_x
    }

    fn top(&self) -> f32 {
        self.height - self.t.margin_top
    }

    fn bottom(&self) -> f32 {
        self.t.margin_bottom
    }

    fn new_page(&mut self) {
        self.page += 1;
        self.y = self.top();
    }

    /// Room left above the bottom margin.
    fn room(&self) -> f32 {
        self.y - self.bottom()
    }

    /// Starts a new page unless `needed` points fit.
    fn keep(&mut self, needed: f32) {
        if self.room() < needed && self.y < self.top() - 1.0 {
            self.new_page();
        }
    }

    fn space(&mut self, pts: f32) {
        if self.y < self.top() - 0.5 {
            self.y -= pts;
        }
    }

    /// Space between blocks, scaled by the theme; never below what a reader needs to see
    /// two blocks (about 2.5 pt beyond the leading) where there are two.
    fn gap(&mut self, pts: f32) {
        self.space((pts * self.t.spacing).max(pts.min(2.5)));
    }

    /// Text tokens of spans in a size and colour (links in the accent colour).
    fn tokens(&self, spans: &[Span], size: f32, color: Rgb3, force: Option<Face>) -> Vec<Token> {
        let link_color = if color == WHITE { WHITE } else { self.accent };
        spans
            .iter()
            .map(|s| Token {
                text: if s.is_break() {
                    " ".into()
                } else {
                    s.text.replace(['\t', '\n'], " ")
                },
                face: force.unwrap_or(Face::of(s.bold, s.italic)),
                size,
                color: if s.link.is_some() { link_color } else { color },
                link: s.link.clone(),
                keep: false,
            })
            .collect()
    }

    /// Breaks tokens into lines no wider than `width`; long words are broken too.
    fn wrap(&self, tokens: &[Token], width: f32) -> Vec<Vec<Token>> {
        let mut words: Vec<Token> = Vec::new();
        for t in tokens {
            // A short link ("GitHub: ana-lima", an e-mail address) is not broken across
            // lines: it stays one piece for the eye and for a reader of the text layer.
            if (t.link.is_some() || t.keep) && self.m.width(t.face, t.size, &t.text) <= width * 0.6
            {
                words.push(t.clone());
                continue;
            }
            // Each word's token is cut from one text-less copy, not from the whole paragraph
            // (cloning the paragraph once a word made wrapping quadratic in its length).
            let template = Token {
                text: String::new(),
                ..t.clone()
            };
            let mut rest = t.text.as_str();
            while !rest.is_empty() {
                // A word with the spaces after it.
                let end = rest.find(' ').map_or(rest.len(), |i| {
                    let after = &rest[i..];
                    i + (after.len() - after.trim_start_matches(' ').len())
                });
                let (word, tail) = rest.split_at(end.max(1).min(rest.len()));
                words.push(Token {
                    text: word.to_string(),
                    ..template.clone()
                });
                rest = tail;
            }
        }
        let mut lines: Vec<Vec<Token>> = vec![Vec::new()];
        let mut used = 0.0f32;
        for w in words {
            let ww = self.m.width(w.face, w.size, w.text.trim_end());
            // A separator between items ("·", "|", "•") ends a line rather than opening the
            // next: a line that starts with one reads as a bullet, and a narrow mark may
            // overhang the measure by its width.
            let separator = matches!(w.text.trim(), "·" | "|" | "•" | "–" | "—");
            if used + ww > width && used > 0.0 && !separator {
                lines.push(Vec::new());
                used = 0.0;
            }
            if used == 0.0 && w.text.trim().is_empty() {
                continue;
            }
            if ww > width {
                // A word longer than the line (a long address): break it where it must.
                // The piece's width grows by each character's advance (measured alone), so a
                // long word costs time linear in its length.
                let mut piece = String::new();
                let mut piece_width = 0.0f32;
                let mut buf = [0u8; 4];
                let cut = Token {
                    text: String::new(),
                    ..w.clone()
                };
                for c in w.text.chars() {
                    let cw = self.m.width(w.face, w.size, c.encode_utf8(&mut buf));
                    if piece_width + cw + used > width && !piece.is_empty() {
                        if let Some(line) = lines.last_mut() {
                            line.push(Token {
                                text: std::mem::take(&mut piece),
                                ..cut.clone()
                            });
                        }
                        lines.push(Vec::new());
                        used = 0.0;
                        piece_width = 0.0;
                    }
                    piece.push(c);
                    piece_width += cw;
                }
                used += self.m.width(w.face, w.size, &piece);
                if let Some(line) = lines.last_mut() {
                    line.push(Token { text: piece, ..w });
                }
                continue;
            }
            used += self.m.width(w.face, w.size, &w.text);
            if let Some(line) = lines.last_mut() {
                line.push(w);
            }
        }
        lines.retain(|l| !l.is_empty());
        lines
    }

    fn line_width(&self, line: &[Token]) -> f32 {
        let n = line.len();
        line.iter()
            .enumerate()
            .map(|(i, t)| {
                let text = if i + 1 == n {
                    t.text.trim_end()
                } else {
                    t.text.as_str()
                };
                self.m.width(t.face, t.size, text)
            })
            .sum()
    }

    /// Places one line at `x` on the current baseline.
    fn place(&mut self, line: &[Token], x: f32) -> f32 {
        let mut cx = x;
        let n = line.len();
        for (i, t) in line.iter().enumerate() {
            let text = if i + 1 == n {
                t.text.trim_end().to_string()
            } else {
                t.text.clone()
            };
            let w = self.m.width(t.face, t.size, &text);
            // Merge with the previous piece when the style and link are the same.
            match self.placed.last_mut() {
                Some(p)
                    if p.page == self.page
                        && (p.y - self.y).abs() < 0.01
                        && p.face == t.face
                        && p.size == t.size
                        && p.color == t.color
                        && p.link == t.link
                        && p.block == self.block
                        && (p.x + p.width - cx).abs() < 0.01 =>
                {
                    p.text.push_str(&text);
                    p.width += w;
                }
                _ => self.placed.push(Placed {
                    page: self.page,
                    x: cx,
                    y: self.y,
                    text,
                    face: t.face,
                    size: t.size,
                    color: t.color,
                    link: t.link.clone(),
                    width: w,
                    block: self.block,
                }),
            }
            cx += w;
        }
        cx
    }

    /// Wraps and places a paragraph; `indent` for every line, `first` extra for the first.
    fn paragraph(&mut self, tokens: &[Token], x: f32, width: f32, align: Align) -> f32 {
        // The leading follows the text's own size (small contact lines sit closer).
        let size = tokens.iter().map(|t| t.size).fold(0.0, f32::max);
        let size = if size > 0.0 { size } else { self.t.body };
        let lead = size * self.t.leading;
        let mut end_x = x;
        for line in self.wrap(tokens, width) {
            self.keep(lead);
            self.y -= lead;
            let w = self.line_width(&line);
            let at = match align {
                Align::Left => x,
                Align::Center => x + (width - w) / 2.0,
            };
            end_x = self.place(&line, at);
        }
        end_x
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, color: Rgb3) {
        self.rules.push(Ruled {
            page: self.page,
            x1,
            x2,
            y,
            thickness,
            color,
        });
    }
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Center,
}

/// Lays a document out on pages.
fn layout<'m>(doc: &Doc, m: &'m Metrics, paper: Paper, t: &'m Theme) -> Layout<'m> {
    let (w, h) = paper_points(paper);
    let mut l = Layout {
        m,
        t,
        text: Theme::unit(t.text),
        muted: Theme::unit(t.muted),
        accent: Theme::unit(t.accent),
        width: w,
        height: h,
        page: 0,
        y: h - t.margin_top,
        placed: Vec::new(),
        rules: Vec::new(),
        fills: Vec::new(),
        block: None,
        sections: Vec::new(),
    };
    let full = l.right() - l.left();
    let first_section = doc
        .blocks
        .iter()
        .position(|b| b.kind == Kind::Heading(2))
        .unwrap_or(doc.blocks.len());
    let body = t.body;
    let body_line = body * t.leading;
    let entry_size = body * 1.1;
    let header_align = match t.header_align {
        crate::theme::Align::Left => Align::Left,
        crate::theme::Align::Center => Align::Center,
    };
    // A header band starts at the top of the page: the header's text goes a little lower.
    if t.header_band {
        l.y -= 6.0;
    }
    let (name_color, header_color) = if t.header_band {
        (WHITE, WHITE)
    } else {
        (l.accent, l.muted)
    };
    for (i, b) in doc.blocks.iter().enumerate() {
        let header = i < first_section;
        if t.header_band && i == first_section && l.page == 0 {
            // The band ends under the header with the margin's padding.
            let bottom = l.y - 10.0;
            l.fills.push(Filled {
                page: 0,
                x: 0.0,
                y: bottom,
                width: l.width,
                height: l.height - bottom,
                color: l.accent,
            });
            l.y = bottom - 4.0;
        }
        l.block = (b.kind != Kind::Rule).then_some(i);
        match b.kind {
            Kind::Heading(1) => {
                // A long name is set smaller to stay on one line (down to 60 % of the
                // theme's size), not broken inside a word.
                let text: String = b.spans.iter().map(|s| s.text.as_str()).collect();
                let natural = m.width(Face::Bold, t.name_size, text.trim());
                let size = if natural > full {
                    (t.name_size * full / natural * 0.98).max(t.name_size * 0.6)
                } else {
                    t.name_size
                };
                let tk = l.tokens(&b.spans, size, name_color, Some(Face::Bold));
                l.paragraph(&tk, l.left(), full, header_align);
                l.space(2.0);
            }
            _ if header => {
                let italic_only = b.spans.iter().all(|s| s.italic || s.text.trim().is_empty());
                let size = if italic_only {
                    t.headline_size
                } else {
                    t.small
                };
                let mut tk = l.tokens(&b.spans, size, header_color, None);
                // A contact item is not broken inside ("8 allée / des Linguistes"); the line
                // breaks between items.
                for token in &mut tk {
                    token.keep = !token.text.trim().is_empty()
                        && token.text.trim() != crate::present::SEP.trim();
                }
                l.paragraph(&tk, l.left(), full, header_align);
                // Wider than a line's leading, so a reader sees the headline, the contact
                // line and the place as lines of their own, not one centred paragraph
                // (a reader allows up to 1.45 × the size between a paragraph's lines).
                l.space(6.0);
            }
            Kind::Heading(2) => {
                l.gap(9.0);
                let section_line = t.section_size * t.leading;
                l.keep(section_line + entry_size * t.leading + 2.0 * body_line + 8.0);
                let title: Vec<Span> = b
                    .spans
                    .iter()
                    .map(|s| Span {
                        text: t.section_title(&s.text),
                        ..s.clone()
                    })
                    .collect();
                let tk = l.tokens(&title, t.section_size, l.accent, Some(Face::Bold));
                let end = l.paragraph(&tk, l.left(), full, Align::Left);
                let plain: String = b.spans.iter().map(|s| s.text.as_str()).collect();
                l.sections
                    .push((plain.trim().to_string(), l.page, l.y + t.section_size));
                match t.section_rule {
                    SectionRule::After => {
                        let y = l.y + t.section_size * 0.26;
                        if end + 6.0 < l.right() {
                            l.rule(end + 6.0, l.right(), y, 0.6, l.accent);
                        }
                        l.gap(2.5);
                    }
                    SectionRule::Below => {
                        let y = l.y - t.section_size * 0.3;
                        l.rule(l.left(), l.right(), y, 0.6, l.accent);
                        l.space(t.section_size * 0.3 + 1.5);
                        l.gap(2.0);
                    }
                }
            }
            Kind::Heading(_) => {
                l.gap(5.0);
                // An entry that fits on a page is kept on one; a longer one starts where its
                // heading and two lines fit.
                let whole = entry_height(&l, doc, i, full);
                let page_height = l.top() - l.bottom();
                if whole <= page_height * 0.6 {
                    l.keep(whole);
                } else {
                    l.keep(entry_size * t.leading + 2.0 * body_line);
                }
                let right = l.tokens(&b.right, body, l.muted, Some(Face::Regular));
                let right_w: f32 = right.iter().map(|t| m.width(t.face, t.size, &t.text)).sum();
                // At least 2.7 em between the heading and its date, so a reader sees two
                // columns, not one run of words.
                let left_w = if right.is_empty() {
                    full
                } else {
                    full - right_w - body * 2.75
                };
                let tk = l.tokens(&b.spans, entry_size, l.text, None);
                let before = l.y;
                l.paragraph(&tk, l.left(), left_w.max(full / 2.0), Align::Left);
                if !right.is_empty() {
                    // The dates sit on the heading's first line, flush right.
                    let saved = l.y;
                    l.y = before - entry_size * t.leading;
                    if l.y < l.bottom() {
                        l.y = saved;
                    }
                    l.place(&right, l.right() - right_w);
                    l.y = saved;
                }
                l.space(1.0);
            }
            Kind::ListItem(depth) => {
                let indent = body * 0.85 + body * 1.25 * f32::from(depth);
                let bullet = Token {
                    text: if depth == 0 {
                        "•".into()
                    } else {
                        "◦".into()
                    },
                    face: Face::Regular,
                    size: body,
                    color: l.muted,
                    link: None,
                    keep: false,
                };
                let tk = l.tokens(&b.spans, body, l.text, None);
                let before = l.y;
                let page = l.page;
                let hang = body * 0.95;
                l.paragraph(
                    &tk,
                    l.left() + indent + hang,
                    full - indent - hang,
                    Align::Left,
                );
                // The bullet goes on the item's first line (which may have moved to a new page).
                let first_y = if l.page == page {
                    before - body_line
                } else {
                    l.top() - body_line
                };
                let saved = l.y;
                l.y = first_y;
                l.block = None;
                l.place(&[bullet], l.left() + indent);
                l.y = saved;
                l.space(0.8);
            }
            Kind::Quote => {
                let tk = l.tokens(&b.spans, body, l.muted, Some(Face::Italic));
                l.gap(2.0);
                l.paragraph(&tk, l.left() + 14.0, full - 28.0, Align::Left);
                l.gap(2.0);
            }
            Kind::Rule => {
                l.gap(4.0);
                let y = l.y;
                let muted = l.muted;
                l.rule(l.left(), l.right(), y, 0.4, muted);
                l.gap(4.0);
            }
            Kind::Paragraph | Kind::Term | Kind::Definition => {
                // Paragraphs one after another are set apart by more than a list's spacing,
                // so a reader sees where one ends (a summary of several paragraphs).
                let after_paragraph = i
                    .checked_sub(1)
                    .and_then(|j| doc.blocks.get(j))
                    .is_some_and(|p| p.kind == Kind::Paragraph);
                if after_paragraph && b.kind == Kind::Paragraph {
                    l.space(2.5);
                }
                let mut tk = l.tokens(&b.spans, body, l.text, None);
                // Items set apart by middle dots (a place and a web address, languages on one
                // line) are not broken inside when they fit.
                let sep = crate::present::SEP;
                if tk.iter().any(|t| t.text == sep) {
                    for token in &mut tk {
                        token.keep = token.text != sep;
                    }
                }
                l.paragraph(&tk, l.left(), full, Align::Left);
                l.space(1.5);
            }
        }
    }
    l
}

/// Deflates every uncompressed stream at the default level and serialises the document.
/// Attaches the JSON Resume as an embedded file: listed in the catalog's `/Names
/// /EmbeddedFiles` tree (what viewers show as attachments) and as a document-level associated
/// file with the relationship `/Data` (PDF 2.0 §14.13), the file specification holding the
/// text's fingerprint ([`crate::embed`]).
fn attach(doc: &mut lopdf::Document, e: &crate::embed::Embedded, epoch: i64) -> Option<()> {
    use lopdf::{Dictionary, Object, Stream, StringFormat};
    let date = crate::iso_datetime(epoch);
    // D:YYYYMMDDHHmmSSZ
    let pdf_date: String = format!(
        "D:{}Z",
        date.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
    );
    let mut params = Dictionary::new();
    params.set("Size", Object::Integer(i64::try_from(e.json.len()).ok()?));
    params.set(
        "ModDate",
        Object::String(pdf_date.into_bytes(), StringFormat::Literal),
    );
    let mut file_dict = Dictionary::new();
    file_dict.set("Type", Object::Name(b"EmbeddedFile".to_vec()));
    file_dict.set("Subtype", Object::Name(b"application/json".to_vec()));
    file_dict.set("Params", Object::Dictionary(params));
    let file_id = doc.add_object(Stream::new(file_dict, e.json.as_bytes().to_vec()));
    let mut ef = Dictionary::new();
    ef.set("F", Object::Reference(file_id));
    ef.set("UF", Object::Reference(file_id));
    let name = || {
        Object::String(
            crate::embed::FILE_NAME.as_bytes().to_vec(),
            StringFormat::Literal,
        )
    };
    let mut spec = Dictionary::new();
    spec.set("Type", Object::Name(b"Filespec".to_vec()));
    spec.set("F", name());
    spec.set("UF", name());
    spec.set(
        "Desc",
        Object::String(
            b"The JSON Resume this document was made from".to_vec(),
            StringFormat::Literal,
        ),
    );
    spec.set("AFRelationship", Object::Name(b"Data".to_vec()));
    spec.set("EF", Object::Dictionary(ef));
    spec.set(
        crate::embed::PDF_KEY,
        Object::String(e.fingerprint.as_bytes().to_vec(), StringFormat::Literal),
    );
    let spec_id = doc.add_object(spec);
    let mut tree = Dictionary::new();
    tree.set(
        "Names",
        Object::Array(vec![name(), Object::Reference(spec_id)]),
    );
    let mut names = Dictionary::new();
    names.set("EmbeddedFiles", Object::Dictionary(tree));
    let root = doc.trailer.get(b"Root").ok()?.as_reference().ok()?;
    let catalog = doc.get_object_mut(root).ok()?.as_dict_mut().ok()?;
    catalog.set("Names", Object::Dictionary(names));
    catalog.set("AF", Object::Array(vec![Object::Reference(spec_id)]));
    Some(())
}

/// Marks the fonts as subsets: their `/BaseFont` and `/FontName` get the six-letter tag and
/// `+` that ISO 32000-1 §9.6.4 gives a font program holding only some glyphs (printpdf leaves
/// it off because the subsetting is done here). The tag is a hash of the glyphs kept, so the
/// same document gives the same bytes.
fn tag_subsets(doc: &mut lopdf::Document, used: &BTreeMap<FontKey, BTreeSet<char>>) {
    use lopdf::Object;
    let tags: BTreeMap<&'static str, String> = used
        .iter()
        .map(|(key, chars)| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for c in chars.iter().map(|c| *c as u32).chain([key.1 as u32]) {
                h ^= u64::from(c);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            let tag: String = (0..6)
                .map(|i| char::from(b'A' + u8::try_from((h >> (i * 5)) % 26).unwrap_or(0)))
                .collect();
            (fonts::postscript_name(*key), tag)
        })
        .collect();
    for object in doc.objects.values_mut() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        for key in [b"BaseFont".as_slice(), b"FontName".as_slice()] {
            let name = match dict.get(key) {
                Ok(Object::Name(n)) => String::from_utf8_lossy(n).into_owned(),
                _ => continue,
            };
            if let Some(tag) = tags.get(name.as_str()) {
                dict.set(key, Object::Name(format!("{tag}+{name}").into_bytes()));
            }
        }
    }
}

/// The deflate level of PDF streams (1 fast … 9 small). Measured on a two-page résumé: level
/// 2 writes a PDF 5 % larger than level 6 for 11 % fewer instructions of the whole run; level
/// 1 is 24 % larger.
const DEFLATE_LEVEL: u32 = 2;

/// Deflates every stream not compressed yet. One compressor serves them all (reset between
/// streams: setting one up costs more than compressing a page), at a fast level.
fn compress_streams(mut doc: lopdf::Document) -> Option<Vec<u8>> {
    let mut z = flate2::Compress::new(flate2::Compression::new(DEFLATE_LEVEL), true);
    for object in doc.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if stream.dict.get(b"Filter").is_ok() || !stream.allows_compression {
                continue;
            }
            z.reset();
            let input = &stream.content;
            let mut packed = Vec::with_capacity(input.len() / 2 + 64);
            loop {
                let read = usize::try_from(z.total_in()).ok()?;
                let status = z
                    .compress_vec(
                        input.get(read..)?,
                        &mut packed,
                        flate2::FlushCompress::Finish,
                    )
                    .ok()?;
                if status == flate2::Status::StreamEnd {
                    break;
                }
                packed.reserve(packed.capacity().max(1024));
            }
            if packed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(packed);
            }
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).ok()?;
    Some(out)
}

/// printpdf fills the trailer's `/ID` with process-wide random strings; they are replaced,
/// in place and at the same length, by a hash of the file's content, so the same input gives
/// the same bytes in any process.
fn stable_file_id(bytes: &mut [u8]) {
    let needle = b"/ID[(";
    let Some(at) = bytes.windows(needle.len()).rposition(|w| w == needle) else {
        return;
    };
    // FNV-1a over everything before the trailer.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes.iter().take(at) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut pos = at + needle.len();
    for _ in 0..2 {
        let end = bytes
            .get(pos..)
            .and_then(|s| s.iter().position(|&b| b == b')'))
            .map(|e| pos + e);
        let Some(end) = end else { return };
        for b in bytes.iter_mut().take(end).skip(pos) {
            h ^= h >> 29;
            h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
            *b = b'A' + u8::try_from(h % 10).unwrap_or(0);
        }
        pos = end + 2; // ")("
    }
}

/// Page size in points.
pub fn paper_points(p: Paper) -> (f32, f32) {
    match p {
        Paper::A4 => (595.28, 841.89),
        Paper::Letter => (612.0, 792.0),
    }
}

/// Percent-encodes what a URI may not hold as is (printpdf writes the bytes raw).
fn encode_uri(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        if c.is_ascii_graphic() {
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

fn color(c: Rgb3) -> Color {
    Color::Rgb(Rgb::new(c[0], c[1], c[2], None))
}

/// Renders a document as PDF bytes, with warnings for characters the font cannot draw.
pub fn write(doc: &Doc, opts: &Options) -> Result<(Vec<u8>, Vec<Warning>), Error> {
    let err = |m: &str| Error::Write {
        path: "<pdf>".into(),
        source: std::io::Error::other(m.to_string()),
    };
    let metrics = Metrics::load().ok_or_else(|| err("the embedded fonts did not load"))?;
    let mut l = layout(doc, metrics, opts.paper, &opts.theme);
    let pages = l.page + 1;
    // The footer: page numbers when there are several pages, with the name from page 2 (a
    // page that came loose still says whose it is).
    if pages > 1 {
        let words = crate::locale::Words::of(&opts.meta.lang);
        for p in 0..pages {
            let number = format!("{} {} {} {}", words.page, p + 1, words.of, pages);
            let text = match opts.meta.author.as_deref().filter(|_| p > 0) {
                Some(name) => format!("{name} · {number}"),
                None => number,
            };
            let size = opts.theme.small * 0.9;
            let w = metrics.width(Face::Regular, size, &text);
            l.placed.push(Placed {
                page: p,
                x: (l.width - w) / 2.0,
                y: opts.theme.margin_bottom / 2.0,
                text,
                face: Face::Regular,
                size,
                color: l.muted,
                link: None,
                width: w,
                block: None,
            });
        }
    }

    // Each placed piece is drawn in runs of one family: the text face, and the fallback for
    // the characters it lacks.
    let mut styles: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    let mut used: BTreeMap<FontKey, BTreeSet<char>> = BTreeMap::new();
    for p in &l.placed {
        styles.entry(p.face).or_default().extend(p.text.chars());
        for (family, run, _) in metrics.runs(p.face, p.size, &p.text) {
            used.entry((family, p.face))
                .or_default()
                .extend(run.chars());
        }
    }
    let by_style: Vec<(Face, BTreeSet<char>)> =
        styles.iter().map(|(f, c)| (*f, c.clone())).collect();
    let mut warnings = fonts::missing_glyphs(metrics, &by_style);
    warnings.extend(fonts::right_to_left_warning(&by_style));

    let mut pdf = PdfDocument::new(&opts.meta.title);
    let mut handles: BTreeMap<FontKey, printpdf::FontId> = BTreeMap::new();
    for (key, chars) in &used {
        let bytes = metrics
            .subset(*key, chars)
            .ok_or_else(|| err("font subsetting failed"))?;
        let mut font_warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&bytes, 0, &mut font_warnings)
            .ok_or_else(|| err("the subset font did not parse"))?;
        // Named by face, not by printpdf's process-wide random ids, so the bytes do not depend
        // on what else the process wrote.
        let id = printpdf::FontId(fonts::postscript_name(*key).to_string());
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(parsed));
        handles.insert(*key, id);
    }

    let mut page_ops: Vec<Vec<Op>> = vec![Vec::new(); pages];
    let artifact = || Op::BeginMarkedContent {
        tag: "Artifact".into(),
    };
    for f in &l.fills {
        if let Some(ops) = page_ops.get_mut(f.page) {
            ops.push(artifact());
            ops.push(Op::SetFillColor {
                col: color(f.color),
            });
            let corner = |x: f32, y: f32| printpdf::LinePoint {
                p: Point { x: Pt(x), y: Pt(y) },
                bezier: false,
            };
            ops.push(Op::DrawPolygon {
                polygon: printpdf::Polygon {
                    rings: vec![printpdf::PolygonRing {
                        points: vec![
                            corner(f.x, f.y),
                            corner(f.x + f.width, f.y),
                            corner(f.x + f.width, f.y + f.height),
                            corner(f.x, f.y + f.height),
                        ],
                    }],
                    mode: printpdf::PaintMode::Fill,
                    winding_order: printpdf::WindingOrder::NonZero,
                },
            });
            ops.push(Op::EndMarkedContent);
        }
    }
    for r in &l.rules {
        if let Some(ops) = page_ops.get_mut(r.page) {
            ops.push(artifact());
            ops.push(Op::SetOutlineColor {
                col: color(r.color),
            });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(r.thickness),
            });
            ops.push(Op::DrawLine {
                line: printpdf::Line {
                    points: vec![
                        printpdf::LinePoint {
                            p: Point {
                                x: Pt(r.x1),
                                y: Pt(r.y),
                            },
                            bezier: false,
                        },
                        printpdf::LinePoint {
                            p: Point {
                                x: Pt(r.x2),
                                y: Pt(r.y),
                            },
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            });
            ops.push(Op::EndMarkedContent);
        }
    }
    // Each piece of text is marked content: an MCID owned by its block's structure element,
    // or an artifact (page numbers, bullets).
    let mut marks = structure::Marks {
        pages: vec![Vec::new(); pages],
    };
    for p in &l.placed {
        let (Some(ops), Some(page_marks)) = (page_ops.get_mut(p.page), marks.pages.get_mut(p.page))
        else {
            continue;
        };
        match p.block.and_then(|b| doc.blocks.get(b).map(|k| (b, k.kind))) {
            Some((b, kind)) => {
                let mut map = BTreeMap::new();
                map.insert(
                    "MCID".to_string(),
                    printpdf::DictItem::Int(i64::try_from(page_marks.len()).unwrap_or(0)),
                );
                page_marks.push(b);
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: structure::role(kind).into(),
                    properties: printpdf::DictItem::Dict { map },
                });
            }
            None => ops.push(artifact()),
        }
        let mut x = p.x;
        for (family, run, width) in metrics.runs(p.face, p.size, &p.text) {
            let Some(font) = handles.get(&(family, p.face)) else {
                continue;
            };
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(p.size),
            });
            ops.push(Op::SetFillColor {
                col: color(p.color),
            });
            ops.push(Op::SetTextCursor {
                pos: Point {
                    x: Pt(x),
                    y: Pt(p.y),
                },
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(run)],
            });
            ops.push(Op::EndTextSection);
            x += width;
        }
        ops.push(Op::EndMarkedContent);
        if let Some(url) = &p.link {
            let rect = Rect {
                x: Pt(p.x),
                y: Pt(p.y - p.size * 0.22),
                width: Pt(p.width),
                height: Pt(p.size * 1.05),
                mode: None,
                winding_order: None,
            };
            ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    rect,
                    Actions::Uri(encode_uri(url)),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    Some(ColorArray::Transparent),
                    Some(HighlightingMode::Invert),
                ),
            });
        }
    }
    let (w, h) = paper_points(opts.paper);
    let pdf_pages: Vec<PdfPage> = page_ops
        .into_iter()
        .map(|ops| PdfPage::new(Mm(w * 25.4 / 72.0), Mm(h * 25.4 / 72.0), ops))
        .collect();
    let date = printpdf::OffsetDateTime::from_unix_timestamp(opts.meta.epoch).map_err(err)?;
    pdf.metadata.info.author = opts.meta.author.clone().unwrap_or_default();
    pdf.metadata.info.subject = opts.meta.subject.clone();
    pdf.metadata.info.keywords = opts.meta.keywords.clone();
    pdf.metadata.info.creator = "resumeconv".into();
    pdf.metadata.info.producer = "resumeconv".into();
    pdf.metadata.info.creation_date = date;
    pdf.metadata.info.modification_date = date;
    pdf.metadata.info.metadata_date = date;
    pdf.with_pages(pdf_pages);
    // printpdf compresses at the highest level, which costs more time than everything else
    // together; streams are compressed here at the default level instead (a few per cent
    // larger, several times faster).
    let save = PdfSaveOptions {
        subset_fonts: false,
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut save_warnings = Vec::new();
    // printpdf's document object model, compressed and written here: no round trip through
    // bytes.
    let mut lo = pdf.to_lopdf_document(&save, &mut save_warnings);
    tag_subsets(&mut lo, &used);
    structure::finish(&mut lo, doc, &marks, &opts.meta.lang, &l.sections)
        .ok_or_else(|| err("the document structure could not be written"))?;
    if let Some(e) = &opts.embed {
        attach(&mut lo, e, opts.meta.epoch)
            .ok_or_else(|| err("the résumé data could not be attached"))?;
    }
    let mut bytes = compress_streams(lo).ok_or_else(|| err("the PDF could not be serialised"))?;
    stable_file_id(&mut bytes);
    warnings.dedup();
    Ok((bytes, warnings))
}

/// The height an entry takes: its heading and the paragraphs and bullets up to the next
/// heading, wrapped at the text width (spacing between blocks approximated).
fn entry_height(l: &Layout<'_>, doc: &Doc, at: usize, full: f32) -> f32 {
    let t = l.t;
    let entry_size = t.body * 1.1;
    let mut h = entry_size * t.leading + 1.0;
    for b in doc.blocks.iter().skip(at + 1) {
        let (width, size) = match b.kind {
            Kind::Heading(_) => break,
            Kind::ListItem(depth) => (full - t.body * (1.8 + 1.25 * f32::from(depth)), t.body),
            Kind::Quote => (full - 28.0, t.body),
            _ => (full, t.body),
        };
        let tokens = l.tokens(&b.spans, size, l.text, None);
        let lines = l.wrap(&tokens, width).len().max(1);
        h += lines as f32 * size * t.leading + 2.0;
    }
    h
}

/// The theme, tightened as little as needed for the document to fit `pages` pages (the
/// PDF's own layout decides; DOCX takes the same theme). An error when even the tightest
/// readable setting needs more.
pub fn fit(doc: &Doc, paper: Paper, theme: &Theme, pages: usize) -> Result<Theme, Error> {
    let metrics = Metrics::load().ok_or_else(|| Error::Write {
        path: "<pdf>".into(),
        source: std::io::Error::other("the embedded fonts did not load"),
    })?;
    let mut last = (0, theme.body);
    for step in 0..=Theme::NOTCHES {
        let Some(t) = theme.tightened(step) else {
            break;
        };
        let needed = layout(doc, metrics, paper, &t).page + 1;
        if needed <= pages {
            return Ok(t);
        }
        last = (needed, t.body);
    }
    Err(Error::DoesNotFit {
        pages,
        needed: last.0,
        body: (last.1 * 10.0).round() / 10.0,
    })
}

/// The theme a writer uses: the command line's, fitted to `--fit-pages` when asked. Without
/// it, a last page holding only a few lines is avoided when two notches of tightening
/// save that page.
pub fn theme_for(doc: &Doc, o: &crate::WriteOptions) -> Result<Theme, Error> {
    let theme = Theme::resolve(&o.theme);
    if let Some(n) = o.fit_pages {
        return fit(doc, o.paper, &theme, n);
    }
    let Some(metrics) = Metrics::load() else {
        return Ok(theme);
    };
    let l = layout(doc, metrics, o.paper, &theme);
    let pages = l.page + 1;
    let used = (l.top() - l.y) / (l.top() - l.bottom());
    if pages > 1 && used < NEARLY_EMPTY {
        for step in 1..=2 {
            if let Some(t) = theme.tightened(step) {
                if layout(doc, metrics, o.paper, &t).page + 1 < pages {
                    return Ok(t);
                }
            }
        }
    }
    Ok(theme)
}

/// A last page filled less than this (a share of its height) is nearly empty.
const NEARLY_EMPTY: f32 = 0.15;

/// The PDF row of the format registry.
pub struct PdfWriter;
pub const WRITER: PdfWriter = PdfWriter;

impl crate::format::Writer for PdfWriter {
    fn write(
        &self,
        resume: &crate::model::Resume,
        ctx: &crate::format::WriteContext,
    ) -> Result<(Vec<u8>, Vec<crate::Warning>), Error> {
        let doc = crate::present::present_in(resume, crate::locale::Words::of(&ctx.meta.lang));
        let opts = Options {
            paper: ctx.options.paper,
            meta: ctx.meta.clone(),
            embed: ctx.embedded(resume, &doc),
            theme: theme_for(&doc, ctx.options)?,
        };
        write(&doc, &opts)
    }
}
