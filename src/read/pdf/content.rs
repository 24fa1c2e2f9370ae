//! The page content interpreter: content streams (and the Form XObjects they draw) into
//! placed runs of text, list markers drawn as shapes and rules. It keeps the text state, the
//! text and graphics matrices and `Tj`/`TJ`/`'`/`"`, decodes each string through its font (a
//! `ToUnicode` map first, then the encoding), measures it by the font's widths (Type 3 fonts by
//! their own FontMatrix), and gives link annotations' targets to the text under them.

use super::{Marker, PathBox, Rule, Run};
use lopdf::{Document, Object};
use std::collections::HashMap;

/// What the interpreter needs of a font.
struct FontInfo<'a> {
    encoding: Option<lopdf::Encoding<'a>>,
    /// The embedded Type 1 program's own encoding, for a font that names no other.
    builtin: Option<Vec<Option<char>>>,
    /// Glyph space to text space: 0.001, or a Type 3 font's FontMatrix.
    width_scale: f32,
    /// An icon font ([`ICON_FONTS`]): its glyphs take space but are not text.
    icon: bool,
    two_byte: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
    bold: bool,
    italic: bool,
}

pub(super) type Matrix = [f32; 6];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn num(o: &Object) -> f32 {
    o.as_float()
        .or_else(|_| o.as_i64().map(|i| i as f32))
        .unwrap_or(0.0)
}

fn font_info<'a>(doc: &'a Document, dict: &'a lopdf::Dictionary) -> FontInfo<'a> {
    let name = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).to_lowercase())
        .unwrap_or_default();
    let two_byte = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == b"Type0");
    let mut widths = HashMap::new();
    let mut default_width = 500.0;
    if two_byte {
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|d| doc.dereference(d).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        if let Some(d) = descendant {
            default_width = d.get(b"DW").map(num).unwrap_or(1000.0);
            if let Ok(w) = d.get_deref(b"W", doc).and_then(Object::as_array) {
                // Entries are `first [w1 w2 …]` or `first last w`.
                let mut rest = w.as_slice();
                while let [first, second, more @ ..] = rest {
                    let first = num(first) as u32;
                    match doc.dereference(second).map(|(_, o)| o) {
                        Ok(Object::Array(list)) => {
                            for (k, v) in list.iter().enumerate() {
                                widths.insert(first.saturating_add(k as u32), num(v));
                            }
                            rest = more;
                        }
                        _ if !more.is_empty() => {
                            let last = num(second) as u32;
                            let v = more.first().map_or(0.0, num);
                            for c in first..=last.min(first.saturating_add(65_535)) {
                                widths.insert(c, v);
                            }
                            rest = more.get(1..).unwrap_or_default();
                        }
                        _ => break,
                    }
                }
            }
        }
    } else {
        let first = dict.get(b"FirstChar").map(num).unwrap_or(0.0) as u32;
        if let Ok(w) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
            for (k, v) in w.iter().enumerate() {
                widths.insert(first + k as u32, num(v));
            }
        }
    }
    // Glyph widths are in thousandths of the size, except in Type 3 fonts, whose own
    // FontMatrix scales them (often 0.01 or 1/2048 instead of 0.001).
    let type3 = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == b"Type3");
    let width_scale = if type3 {
        dict.get_deref(b"FontMatrix", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|m| m.first())
            .map(num)
            .filter(|v| v.is_finite() && *v > 0.0 && *v < 1.0)
            .unwrap_or(0.001)
    } else {
        0.001
    };
    let builtin = (!dict.has(b"Encoding") && !dict.has(b"ToUnicode"))
        .then(|| super::type1::builtin_encoding(doc, dict))
        .flatten();
    // TeX's font names say the weight and shape in letters (Berry's scheme): "cmbx10",
    // "cmssbx10" bold extended, "cmb10" bold; "cmti10", "cmsl10", "cmssi10" italic or
    // slanted.
    let tex = name.rsplit('+').next().unwrap_or(&name);
    let tex_family = ["cm", "lm", "ec", "sf"].iter().any(|p| tex.starts_with(p));
    let tex_bold = tex_family && (tex.contains("bx") || tex.starts_with("cmb"));
    let tex_italic = tex_family
        && ["cmti", "cmsl", "cmssi", "cmitt", "sfti", "sfsl", "sfsi"]
            .iter()
            .any(|p| tex.starts_with(p));
    FontInfo {
        encoding: font_encoding(doc, dict),
        builtin,
        width_scale,
        two_byte,
        widths,
        default_width,
        bold: tex_bold
            || name.contains("bold")
            || name.contains("black")
            || name.contains("heavy")
            || name.contains("semibold"),
        italic: tex_italic || name.contains("italic") || name.contains("oblique"),
        icon: ICON_FONTS.iter().any(|f| name.contains(f)),
    }
}

/// Icon fonts by the words in their names: their glyphs (a phone, an envelope, the GitHub
/// mark) are never text, whatever their ToUnicode map says ("&", "^", a private-use code).
const ICON_FONTS: &[&str] = &[
    "awesome",
    "fontawesome",
    "materialicons",
    "material-icons",
    "materialsymbols",
    "octicons",
    "academicons",
    "fontello",
    "devicon",
    "simpleicons",
    "simple-icons",
    "icomoon",
    "ionicons",
    "feather",
    "lucide",
    "tabler",
    "bootstrap-icons",
    "remixicon",
];

/// The largest decompressed font or CMap stream read (a crafted stream cannot inflate
/// without bound).
const MAX_FONT_STREAM: usize = 16 * 1024 * 1024;

/// How a font's codes become text. A `ToUnicode` map, when the font has one, is what the
/// characters mean and wins over `Encoding` (which names glyphs, and in subset and Type 3
/// fonts often names them "g1", "g2"); lopdf looks at `Encoding` first, so the map is read
/// through a dictionary that has only it.
fn font_encoding<'a>(
    doc: &'a Document,
    dict: &'a lopdf::Dictionary,
) -> Option<lopdf::Encoding<'a>> {
    if let Ok(to_unicode) = dict.get(b"ToUnicode") {
        let mut only = lopdf::Dictionary::new();
        only.set("Type", Object::Name(b"Font".to_vec()));
        only.set("ToUnicode", to_unicode.clone());
        if let Ok(lopdf::Encoding::UnicodeMapEncoding(map)) =
            only.get_font_encoding_with_limit(doc, MAX_FONT_STREAM)
        {
            return Some(lopdf::Encoding::UnicodeMapEncoding(map));
        }
    }
    dict.get_font_encoding_with_limit(doc, MAX_FONT_STREAM).ok()
}

/// The most one page's content streams may inflate to (a dense real page is under 200 KB).
const MAX_PAGE_CONTENT: usize = 16 * 1024 * 1024;

/// Interprets one page's content stream into runs; returns them and the page height.
pub(super) fn page_runs(
    doc: &Document,
    page_id: lopdf::ObjectId,
    page: usize,
) -> (Vec<Run>, Vec<Marker>, Vec<Rule>, f32) {
    let height = doc
        .get_object(page_id)
        .and_then(Object::as_dict)
        .and_then(|d| d.get(b"MediaBox"))
        .and_then(Object::as_array)
        .map(|a| a.get(3).map(num).unwrap_or(842.0))
        .unwrap_or(842.0);
    let resources = page_resources(doc, page_id);
    let fonts = resources.map(|r| fonts_of(doc, r)).unwrap_or_default();
    let xobjects =
        resources.and_then(|r| r.get_deref(b"XObject", doc).and_then(Object::as_dict).ok());
    let mut cx = Page {
        page,
        links: page_links(doc, page_id),
        out: Vec::new(),
        markers: Vec::new(),
        rules: Vec::new(),
        budget: MAX_OPERATIONS,
    };
    // A page's content streams together may inflate to MAX_PAGE_CONTENT at most (a deflate
    // bomb stops there; what was read before the limit is not used).
    let content = doc
        .get_page_content_with_limit(page_id, MAX_PAGE_CONTENT)
        .unwrap_or_default();
    if let Ok(ops) = lopdf::content::Content::decode(&content) {
        let res = Resources {
            fonts: &fonts,
            xobjects,
        };
        interpret(doc, &ops.operations, &res, IDENTITY, 0, &mut cx);
    }
    (cx.out, cx.markers, cx.rules, height)
}

/// A page's resources: its own, or those it inherits from the nearest page-tree node that has
/// them (a resource dictionary is inherited whole, PDF 32000-1 §7.7.3.4).
fn page_resources(doc: &Document, page_id: lopdf::ObjectId) -> Option<&lopdf::Dictionary> {
    let mut node = doc.get_dictionary(page_id).ok()?;
    // The page tree is shallow; a parent chain longer than this is a cycle.
    for _ in 0..64 {
        if let Ok(r) = node.get_deref(b"Resources", doc).and_then(Object::as_dict) {
            return Some(r);
        }
        node = node
            .get_deref(b"Parent", doc)
            .and_then(Object::as_dict)
            .ok()?;
    }
    None
}

/// The fonts a resource dictionary names.
fn fonts_of<'a>(
    doc: &'a Document,
    resources: &'a lopdf::Dictionary,
) -> HashMap<Vec<u8>, FontInfo<'a>> {
    resources
        .get_deref(b"Font", doc)
        .and_then(Object::as_dict)
        .map(|fonts| {
            fonts
                .iter()
                .filter_map(|(k, v)| {
                    let d = doc.dereference(v).ok()?.1.as_dict().ok()?;
                    Some((k.clone(), font_info(doc, d)))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What a page's interpretation collects, and how much work it may still do.
struct Page {
    page: usize,
    links: Vec<([f32; 4], String)>,
    out: Vec<Run>,
    markers: Vec<Marker>,
    rules: Vec<Rule>,
    /// Operations left to interpret on this page (forms drawn inside forms could otherwise
    /// multiply the work without bound).
    budget: usize,
}

/// The fonts and XObjects a content stream can name.
struct Resources<'r, 'a> {
    fonts: &'r HashMap<Vec<u8>, FontInfo<'a>>,
    xobjects: Option<&'a lopdf::Dictionary>,
}

/// Forms drawn inside forms deeper than this are not followed (a form that draws itself).
const MAX_FORM_DEPTH: u8 = 8;
/// Content operations interpreted per page, forms included.
const MAX_OPERATIONS: usize = 2_000_000;
/// The largest decompressed form stream read.
const MAX_FORM_STREAM: usize = 32 * 1024 * 1024;

/// A Form XObject (a reusable piece of page content) by its resource name.
fn form_xobject<'a>(
    doc: &'a Document,
    xobjects: Option<&'a lopdf::Dictionary>,
    name: &[u8],
) -> Option<&'a lopdf::Stream> {
    let stream = xobjects?.get_deref(name, doc).ok()?.as_stream().ok()?;
    let form = stream
        .dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == b"Form");
    form.then_some(stream)
}

/// Interprets a Form XObject where it is drawn: its own matrix after the current one, its own
/// resources (or the page's when it has none).
fn draw_form(
    doc: &Document,
    form: &lopdf::Stream,
    ctm: &Matrix,
    parent: &Resources<'_, '_>,
    depth: u8,
    cx: &mut Page,
) {
    let matrix = form
        .dict
        .get(b"Matrix")
        .and_then(Object::as_array)
        .ok()
        .filter(|m| m.len() == 6)
        .map(|m| {
            let v = |i: usize| m.get(i).map_or(0.0, num);
            [v(0), v(1), v(2), v(3), v(4), v(5)]
        })
        .unwrap_or(IDENTITY);
    let Ok(bytes) = form.get_plain_content_with_limit(MAX_FORM_STREAM) else {
        return;
    };
    let Ok(ops) = lopdf::content::Content::decode(&bytes) else {
        return;
    };
    let own = form
        .dict
        .get_deref(b"Resources", doc)
        .and_then(Object::as_dict)
        .ok();
    let own_fonts = own.filter(|r| r.has(b"Font")).map(|r| fonts_of(doc, r));
    let own_xobjects =
        own.and_then(|r| r.get_deref(b"XObject", doc).and_then(Object::as_dict).ok());
    let res = Resources {
        fonts: own_fonts.as_ref().unwrap_or(parent.fonts),
        xobjects: own_xobjects.or(parent.xobjects),
    };
    interpret(doc, &ops.operations, &res, mul(&matrix, ctm), depth + 1, cx);
}

/// Interprets content operations with `start` as the current transformation.
fn interpret(
    doc: &Document,
    ops: &[lopdf::content::Operation],
    res: &Resources<'_, '_>,
    start: Matrix,
    depth: u8,
    cx: &mut Page,
) {
    let fonts = res.fonts;
    let mut path: Option<PathBox> = None;
    let mut ctm = start;
    let mut stack: Vec<Matrix> = Vec::new();
    let mut tm = IDENTITY;
    let mut tlm = IDENTITY;
    let mut font: Option<&FontInfo<'_>> = None;
    let (mut size, mut leading, mut tc, mut tw, mut tz) = (10.0f32, 0.0f32, 0.0f32, 0.0f32, 1.0f32);
    for op in ops {
        cx.budget = cx.budget.saturating_sub(1);
        if cx.budget == 0 {
            return;
        }
        let a = &op.operands;
        let n = |i: usize| a.get(i).map(num).unwrap_or(0.0);
        let mut show: Vec<&Object> = Vec::new();
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(start),
            "cm" => ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &ctm),
            // Paths: only their extent matters, to find list markers drawn as shapes.
            "m" | "l" => path = PathBox::add(path, &ctm, n(0), n(1)),
            "c" => {
                for i in [0, 2, 4] {
                    path = PathBox::add(path, &ctm, n(i), n(i + 1));
                }
            }
            "v" | "y" => {
                for i in [0, 2] {
                    path = PathBox::add(path, &ctm, n(i), n(i + 1));
                }
            }
            "re" => {
                path = PathBox::add(path, &ctm, n(0), n(1));
                path = PathBox::add(path, &ctm, n(0) + n(2), n(1) + n(3));
            }
            "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "S" | "s" => {
                if let Some(b) = path.take() {
                    cx.markers.extend(b.marker(cx.page));
                    cx.rules.extend(b.rule(cx.page));
                }
            }
            "n" => path = None,
            "BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            "Tf" => {
                font = a
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| fonts.get(name));
                size = n(1);
            }
            "TL" => leading = n(0),
            "Tc" => tc = n(0),
            "Tw" => tw = n(0),
            "Tz" => tz = n(0) / 100.0,
            "Td" | "TD" => {
                if op.operator == "TD" {
                    leading = -n(1);
                }
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                tm = tlm;
            }
            "Tm" => {
                tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                tm = tlm;
            }
            "T*" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tm = tlm;
            }
            "Tj" => show.extend(a.first()),
            "'" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tm = tlm;
                show.extend(a.first());
            }
            "\"" => {
                tw = n(0);
                tc = n(1);
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tm = tlm;
                show.extend(a.get(2));
            }
            "TJ" => {
                if let Some(Object::Array(items)) = a.first() {
                    for item in items {
                        match item {
                            Object::String(..) => emit(
                                &mut cx.out,
                                &mut tm,
                                &ctm,
                                font,
                                item,
                                size,
                                tc,
                                tw,
                                tz,
                                cx.page,
                                &cx.links,
                            ),
                            other => {
                                let adj = -num(other) / 1000.0 * size * tz;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, adj, 0.0], &tm);
                            }
                        }
                    }
                }
            }
            "Do" => {
                let name = a.first().and_then(|o| o.as_name().ok());
                if let Some(form) = name.and_then(|n| form_xobject(doc, res.xobjects, n)) {
                    if depth < MAX_FORM_DEPTH {
                        draw_form(doc, form, &ctm, res, depth, cx);
                    }
                }
            }
            _ => {}
        }
        for s in show {
            emit(
                &mut cx.out,
                &mut tm,
                &ctm,
                font,
                s,
                size,
                tc,
                tw,
                tz,
                cx.page,
                &cx.links,
            );
        }
    }
}

/// Places a shown string and moves the text matrix past it.
#[allow(clippy::too_many_arguments)]
fn emit(
    out: &mut Vec<Run>,
    tm: &mut Matrix,
    ctm: &Matrix,
    font: Option<&FontInfo<'_>>,
    s: &Object,
    size: f32,
    tc: f32,
    tw: f32,
    tz: f32,
    page: usize,
    links: &[([f32; 4], String)],
) {
    let Ok(bytes) = s.as_str() else { return };
    let Some(f) = font else { return };
    let step = if f.two_byte { 2 } else { 1 };
    let advances: Vec<f32> = bytes
        .chunks(step)
        .map(|code| {
            let c = code.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
            let w = f.widths.get(&c).copied().unwrap_or(f.default_width);
            (w * f.width_scale * size + tc + if step == 1 && c == 32 { tw } else { 0.0 }) * tz
        })
        .collect();
    let advance: f32 = advances.iter().sum();
    let decode = |b: &[u8]| {
        if let Some(table) = &f.builtin {
            return b
                .iter()
                .filter_map(|c| table.get(usize::from(*c)).copied().flatten())
                .collect();
        }
        f.encoding
            .as_ref()
            .and_then(|e| Document::decode_text(e, b).ok())
            .unwrap_or_else(|| b.iter().map(|c| char::from(*c)).collect())
    };
    let m = mul(tm, ctm);
    let scale_y = (m[2] * m[2] + m[3] * m[3]).sqrt().max(0.01);
    let scale_x = (m[0] * m[0] + m[1] * m[1]).sqrt().max(0.01);
    let (x, y) = (m[4], m[5]);
    let width = advance * scale_x;
    let on_line = |r: &[f32; 4]| y + 1.0 >= r[1] && y <= r[3];
    let link_at = |cx: f32| {
        links
            .iter()
            .find(|(r, _)| on_line(r) && cx >= r[0] && cx <= r[2])
            .map(|(_, u)| u.clone())
    };
    let mut push = |from: usize, to: usize, x0: f32, w: f32, link: Option<String>| {
        out.push(Run {
            page,
            x: x0,
            y,
            width: w,
            size: size * scale_y,
            text: if f.icon {
                String::new()
            } else {
                clean(&decode(
                    bytes
                        .get(from * step..(to * step).min(bytes.len()))
                        .unwrap_or_default(),
                ))
            },
            bold: f.bold,
            italic: f.italic,
            underline: false,
            link,
        });
    };
    // A link over part of the string (a profile inside a contact line) splits it by glyph.
    let partial = links.iter().any(|(r, _)| {
        on_line(r) && r[0] < x + width && r[2] > x && !(r[0] <= x + 0.5 && r[2] >= x + width - 0.5)
    });
    if partial {
        let (mut start, mut start_x, mut pos) = (0, x, x);
        let mut current = None;
        for (i, a) in advances.iter().enumerate() {
            let w = a * scale_x;
            let here = link_at(pos + w / 2.0);
            if i > start && here != current {
                push(start, i, start_x, pos - start_x, current.take());
                start = i;
                start_x = pos;
            }
            current = here;
            pos += w;
        }
        push(start, advances.len(), start_x, pos - start_x, current);
    } else {
        push(0, advances.len(), x, width, link_at(x + width / 2.0));
    }
    *tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
}

/// Text as a reader means it: ligatures spelled out, soft hyphens and private-use icon
/// glyphs (an icon font's phone or GitHub mark) dropped.
pub(super) fn clean(text: &str) -> String {
    // A soft hyphen drawn on its own is a visible dash (some fonts map their hyphen glyph to
    // U+00AD): "Mar. 2010 - Aug. 2017". Inside a word it only marks where it may break.
    if text.trim() == "\u{00AD}" {
        return text.replace('\u{00AD}', "-");
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{00AD}' | '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// URI link annotations of a page: rectangle and target.
fn page_links(doc: &Document, page_id: lopdf::ObjectId) -> Vec<([f32; 4], String)> {
    let mut out = Vec::new();
    // Annotations may be inline dictionaries or references (lopdf's helper keeps only the latter).
    let annots: Vec<&lopdf::Dictionary> = doc
        .get_dictionary(page_id)
        .and_then(|p| p.get_deref(b"Annots", doc))
        .and_then(Object::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|o| match o {
                    Object::Reference(id) => doc.get_dictionary(*id).ok(),
                    Object::Dictionary(d) => Some(d),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    for a in annots {
        let rect = a.get(b"Rect").and_then(Object::as_array).ok().map(|r| {
            let v = |i: usize| r.get(i).map_or(0.0, num);
            [
                v(0).min(v(2)),
                v(1).min(v(3)),
                v(0).max(v(2)),
                v(1).max(v(3)),
            ]
        });
        let uri = a
            .get_deref(b"A", doc)
            .and_then(Object::as_dict)
            .and_then(|d| d.get_deref(b"URI", doc))
            .and_then(Object::as_str)
            .map(|u| String::from_utf8_lossy(u).to_string());
        if let (Some(r), Ok(u)) = (rect, uri) {
            out.push((r, u));
        }
    }
    out
}
