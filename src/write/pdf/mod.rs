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

use crate::doc::{Doc, Kind, Span};
use crate::error::{Error, Warning};
use crate::write::docx::Paper;
use fonts::{Face, Metrics};
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
}

type Rgb3 = [f32; 3];
const TEXT: Rgb3 = [0.11, 0.11, 0.13];
const MUTED: Rgb3 = [0.36, 0.37, 0.40];
const ACCENT: Rgb3 = [0.05, 0.27, 0.55];

const MARGIN_X: f32 = 50.0;
const MARGIN_TOP: f32 = 46.0;
const MARGIN_BOTTOM: f32 = 50.0;
const BODY: f32 = 9.5;
const LEADING: f32 = 1.32;

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

/// A run of text to be wrapped, with its style.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    face: Face,
    size: f32,
    color: Rgb3,
    link: Option<String>,
}

struct Layout<'m> {
    m: &'m Metrics,
    width: f32,
    height: f32,
    page: usize,
    /// Baseline cursor, from the bottom of the page.
    y: f32,
    placed: Vec<Placed>,
    rules: Vec<Ruled>,
}

impl<'m> Layout<'m> {
    fn left(&self) -> f32 {
        MARGIN_X
    }

    fn right(&self) -> f32 {
        self.width - MARGIN_X
    }

    fn top(&self) -> f32 {
        self.height - MARGIN_TOP
    }

    fn new_page(&mut self) {
        self.page += 1;
        self.y = self.top();
    }

    /// Room left above the bottom margin.
    fn room(&self) -> f32 {
        self.y - MARGIN_BOTTOM
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

    /// Breaks tokens into lines no wider than `width`; long words are broken too.
    fn wrap(&self, tokens: &[Token], width: f32) -> Vec<Vec<Token>> {
        let mut words: Vec<Token> = Vec::new();
        for t in tokens {
            // A short link ("GitHub: ana-lima", an e-mail address) is not broken across
            // lines: it stays one piece for the eye and for a reader of the text layer.
            if t.link.is_some() && self.m.width(t.face, t.size, &t.text) <= width * 0.6 {
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
        let size = if size > 0.0 { size } else { BODY };
        let lead = size * LEADING;
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

fn tokens(spans: &[Span], size: f32, color: Rgb3, force: Option<Face>) -> Vec<Token> {
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
            color: if s.link.is_some() { ACCENT } else { color },
            link: s.link.clone(),
        })
        .collect()
}

/// Lays a document out on pages.
fn layout<'m>(doc: &Doc, m: &'m Metrics, paper: Paper) -> Layout<'m> {
    let (w, h) = paper_points(paper);
    let mut l = Layout {
        m,
        width: w,
        height: h,
        page: 0,
        y: h - MARGIN_TOP,
        placed: Vec::new(),
        rules: Vec::new(),
    };
    let full = l.right() - l.left();
    let first_section = doc
        .blocks
        .iter()
        .position(|b| b.kind == Kind::Heading(2))
        .unwrap_or(doc.blocks.len());
    let body_line = BODY * LEADING;
    for (i, b) in doc.blocks.iter().enumerate() {
        let header = i < first_section;
        match b.kind {
            Kind::Heading(1) => {
                let t = tokens(&b.spans, 22.0, ACCENT, Some(Face::Bold));
                l.paragraph(&t, l.left(), full, Align::Center);
                l.space(2.0);
            }
            _ if header => {
                let italic_only = b.spans.iter().all(|s| s.italic || s.text.trim().is_empty());
                let (size, color) = if italic_only {
                    (11.0, MUTED)
                } else {
                    (8.8, MUTED)
                };
                let t = tokens(&b.spans, size, color, None);
                l.paragraph(&t, l.left(), full, Align::Center);
                // Wider than a line's leading, so a reader sees the headline, the contact
                // line and the place as lines of their own, not one centred paragraph
                // (a reader allows up to 1.45 × the size between a paragraph's lines).
                l.space(6.0);
            }
            Kind::Heading(2) => {
                l.space(9.0);
                l.keep(13.0 * LEADING + 10.5 * LEADING + 2.0 * body_line + 8.0);
                let t = tokens(&b.spans, 12.5, ACCENT, Some(Face::Bold));
                let end = l.paragraph(&t, l.left(), full, Align::Left);
                let y = l.y + 3.2;
                if end + 6.0 < l.right() {
                    l.rule(end + 6.0, l.right(), y, 0.6, ACCENT);
                }
                l.space(2.5);
            }
            Kind::Heading(_) => {
                l.space(5.0);
                l.keep(10.5 * LEADING + 2.0 * body_line);
                let right = tokens(&b.right, 9.5, MUTED, Some(Face::Regular));
                let right_w: f32 = right.iter().map(|t| m.width(t.face, t.size, &t.text)).sum();
                // At least 26 pt (2.5 em of the date and a little more) between the heading
                // and its date, so a reader sees two columns, not one run of words.
                let left_w = if right.is_empty() {
                    full
                } else {
                    full - right_w - 26.0
                };
                let t = tokens(&b.spans, 10.5, TEXT, None);
                let before = l.y;
                l.paragraph(&t, l.left(), left_w.max(full / 2.0), Align::Left);
                if !right.is_empty() {
                    // The dates sit on the heading's first line, flush right.
                    let saved = l.y;
                    l.y = before - 10.5 * LEADING;
                    if l.y < MARGIN_BOTTOM {
                        l.y = saved;
                    }
                    l.place(&right, l.right() - right_w);
                    l.y = saved;
                }
                l.space(1.0);
            }
            Kind::ListItem(depth) => {
                let indent = 8.0 + 12.0 * f32::from(depth);
                let bullet = Token {
                    text: if depth == 0 {
                        "•".into()
                    } else {
                        "◦".into()
                    },
                    face: Face::Regular,
                    size: BODY,
                    color: MUTED,
                    link: None,
                };
                let t = tokens(&b.spans, BODY, TEXT, None);
                let before = l.y;
                let page = l.page;
                l.paragraph(
                    &t,
                    l.left() + indent + 9.0,
                    full - indent - 9.0,
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
                l.place(&[bullet], l.left() + indent);
                l.y = saved;
                l.space(0.8);
            }
            Kind::Quote => {
                let t = tokens(&b.spans, BODY, MUTED, Some(Face::Italic));
                l.space(2.0);
                l.paragraph(&t, l.left() + 14.0, full - 28.0, Align::Left);
                l.space(2.0);
            }
            Kind::Rule => {
                l.space(4.0);
                let y = l.y;
                l.rule(l.left(), l.right(), y, 0.4, MUTED);
                l.space(4.0);
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
                let t = tokens(&b.spans, BODY, TEXT, None);
                l.paragraph(&t, l.left(), full, Align::Left);
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
    let metrics = Metrics::load().ok_or_else(|| err("the embedded DejaVu fonts did not load"))?;
    let mut l = layout(doc, metrics, opts.paper);
    let pages = l.page + 1;
    // Page numbers from page 2.
    for p in 1..pages {
        let text = format!("{} / {}", p + 1, pages);
        let w = metrics.width(Face::Regular, 8.0, &text);
        l.placed.push(Placed {
            page: p,
            x: (l.width - w) / 2.0,
            y: MARGIN_BOTTOM / 2.0,
            text,
            face: Face::Regular,
            size: 8.0,
            color: MUTED,
            link: None,
            width: w,
        });
    }

    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for p in &l.placed {
        used.entry(p.face).or_default().extend(p.text.chars());
    }
    let mut warnings = fonts::missing_glyphs(
        metrics,
        &used
            .iter()
            .map(|(f, c)| (*f, c.clone()))
            .collect::<Vec<_>>(),
    );

    let mut pdf = PdfDocument::new(&opts.meta.title);
    let mut handles: BTreeMap<Face, printpdf::FontId> = BTreeMap::new();
    for (face, chars) in &used {
        let bytes = metrics
            .subset(*face, chars)
            .ok_or_else(|| err("font subsetting failed"))?;
        let mut font_warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&bytes, 0, &mut font_warnings)
            .ok_or_else(|| err("the subset font did not parse"))?;
        // Named by face, not by printpdf's process-wide random ids, so the bytes do not depend
        // on what else the process wrote.
        let id = printpdf::FontId(face.postscript_name().to_string());
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(parsed));
        handles.insert(*face, id);
    }

    let mut page_ops: Vec<Vec<Op>> = vec![Vec::new(); pages];
    for r in &l.rules {
        if let Some(ops) = page_ops.get_mut(r.page) {
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
        }
    }
    for p in &l.placed {
        let (Some(ops), Some(font)) = (page_ops.get_mut(p.page), handles.get(&p.face)) else {
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
                x: Pt(p.x),
                y: Pt(p.y),
            },
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(p.text.clone())],
        });
        ops.push(Op::EndTextSection);
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
    if let Some(e) = &opts.embed {
        attach(&mut lo, e, opts.meta.epoch)
            .ok_or_else(|| err("the résumé data could not be attached"))?;
    }
    let mut bytes = compress_streams(lo).ok_or_else(|| err("the PDF could not be serialised"))?;
    stable_file_id(&mut bytes);
    warnings.dedup();
    Ok((bytes, warnings))
}

/// The PDF row of the format registry.
pub struct PdfWriter;
pub const WRITER: PdfWriter = PdfWriter;

impl crate::format::Writer for PdfWriter {
    fn write(
        &self,
        resume: &crate::model::Resume,
        ctx: &crate::format::WriteContext,
    ) -> Result<(Vec<u8>, Vec<crate::Warning>), Error> {
        let doc = crate::present::present(resume);
        let opts = Options {
            paper: ctx.options.paper,
            meta: ctx.meta.clone(),
            embed: ctx.embedded(resume, &doc),
        };
        write(&doc, &opts)
    }
}
