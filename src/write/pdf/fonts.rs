//! Fonts for the PDF writer: DejaVu Sans in four faces (a permissive licence, 5,900 code
//! points), measured with ttf-parser exactly as printpdf places glyphs (advance widths, no
//! kerning), and subset with allsorts to the glyphs a document uses.

use crate::error::Warning;
use std::collections::BTreeSet;

/// The four faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn of(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => dejavu::sans::regular(),
            Face::Bold => dejavu::sans::bold(),
            Face::Italic => dejavu::sans::oblique(),
            Face::BoldItalic => dejavu::sans::bold_oblique(),
        }
    }

    /// The face's PostScript name, used as the font's name in the PDF (a reader can tell
    /// bold and italic text by it).
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "DejaVuSans",
            Face::Bold => "DejaVuSans-Bold",
            Face::Italic => "DejaVuSans-Oblique",
            Face::BoldItalic => "DejaVuSans-BoldOblique",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Parsed faces, for measuring text and finding glyphs.
pub struct Metrics {
    faces: Vec<ttf_parser::Face<'static>>,
    /// Advance widths of the first 256 code points per face, in font units (most text of
    /// most résumés), so measuring skips the cmap lookup.
    latin: Vec<[u16; 256]>,
}

impl Metrics {
    /// The faces, parsed once per process.
    pub fn load() -> Option<&'static Metrics> {
        static METRICS: std::sync::OnceLock<Option<Metrics>> = std::sync::OnceLock::new();
        METRICS.get_or_init(Metrics::parse).as_ref()
    }

    fn parse() -> Option<Metrics> {
        let faces = Face::ALL
            .iter()
            .map(|f| ttf_parser::Face::parse(f.bytes(), 0).ok())
            .collect::<Option<Vec<_>>>()?;
        let latin = faces
            .iter()
            .map(|face| {
                let mut table = [0u16; 256];
                for (code, slot) in (0u8..=255).zip(table.iter_mut()) {
                    *slot = advance(face, char::from(code));
                }
                table
            })
            .collect();
        Some(Metrics { faces, latin })
    }

    fn face(&self, f: Face) -> Option<&ttf_parser::Face<'static>> {
        self.faces.get(f.index())
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, f: Face, size: f32, text: &str) -> f32 {
        let Some(face) = self.face(f) else { return 0.0 };
        let upem = f32::from(face.units_per_em().max(1));
        let latin = self.latin.get(f.index());
        let units: u32 = text
            .chars()
            .map(|c| {
                let cached = latin.and_then(|t| t.get(c as usize));
                u32::from(cached.copied().unwrap_or_else(|| advance(face, c)))
            })
            .sum();
        units as f32 / upem * size
    }

    /// True when the face has a glyph for the character.
    pub fn has(&self, f: Face, c: char) -> bool {
        c.is_whitespace() || self.face(f).and_then(|face| face.glyph_index(c)).is_some()
    }

    /// A subset of a face holding only the glyphs for `chars`.
    pub fn subset(&self, f: Face, chars: &BTreeSet<char>) -> Option<Vec<u8>> {
        let face = self.face(f)?;
        let mut gids: Vec<u16> = vec![0];
        gids.extend(
            chars
                .iter()
                .filter_map(|c| face.glyph_index(*c))
                .map(|g| g.0),
        );
        gids.sort_unstable();
        gids.dedup();
        let scope = allsorts::binary::read::ReadScope::new(f.bytes());
        let data = scope.read::<allsorts::font_data::FontData<'_>>().ok()?;
        let provider = data.table_provider(0).ok()?;
        allsorts::subset::subset(
            &provider,
            &gids,
            &allsorts::subset::SubsetProfile::Pdf,
            allsorts::subset::CmapTarget::Unicode,
        )
        .ok()
    }
}

/// A character's advance width in font units (a `?` stands in for a missing glyph, as
/// printpdf draws it).
fn advance(face: &ttf_parser::Face<'_>, c: char) -> u16 {
    face.glyph_index(c)
        .or_else(|| face.glyph_index('?'))
        .and_then(|g| face.glyph_hor_advance(g))
        .unwrap_or(0)
}

/// Warnings for characters no face can draw, once per character.
pub fn missing_glyphs(metrics: &Metrics, used: &[(Face, BTreeSet<char>)]) -> Vec<Warning> {
    let mut missing: BTreeSet<char> = BTreeSet::new();
    for (f, chars) in used {
        for c in chars {
            if !metrics.has(*f, *c) {
                missing.insert(*c);
            }
        }
    }
    missing
        .into_iter()
        .map(|c| {
            Warning::new(
                None,
                format!(
                    "the PDF font has no glyph for {c:?} (U+{:04X}); it prints as a box",
                    c as u32
                ),
            )
        })
        .collect()
}
