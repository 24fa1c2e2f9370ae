//! PDF out: a [`Doc`] typeset as a résumé a person would send, in a theme ([`layout`]):
//! Noto Sans with a DejaVu fallback, embedded and subset to the glyphs used ([`fonts`]); a
//! tagged PDF with its structure tree, language and outline ([`structure`]); clickable links,
//! metadata, the JSON Resume attached, and the same bytes for the same input and date.
//!
//! Layout happens first, into positioned items; fonts are then subset to what was placed, and
//! the items become printpdf operations, each piece of text marked content of its block.

mod fonts;
mod layout;
mod structure;

use crate::doc::Doc;
use crate::error::{Error, Warning};
use crate::theme::Theme;
use crate::write::docx::Paper;
use fonts::{Face, FontKey, Metrics};
use layout::{Placed, Rgb3, layout};
pub use layout::{fit, paper_points, theme_for};
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
                    Actions::Uri(crate::write::encode_uri(url)),
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
