//! Fonts for the PDF writer: Noto Sans in four faces (SIL Open Font License, shipped by the
//! `notosans` crate) as the text face — narrower than DejaVu Sans, so a two-page résumé fits
//! two pages — and DejaVu Sans (5,900 code points) as a per-glyph fallback for what Noto Sans
//! lacks. Both are measured with ttf-parser exactly as printpdf places glyphs (advance widths)
//! and subset with allsorts to the glyphs a document uses.

use crate::error::Warning;
use std::collections::BTreeSet;

/// The four styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

/// Which typeface draws a glyph: the text face, or the fallback for characters it lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    Text,
    Fallback,
}

/// One embedded font: a family in a style.
pub type FontKey = (Family, Face);

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

    fn index(self) -> usize {
        self as usize
    }
}

/// The font file of a family in a style.
pub fn bytes((family, face): FontKey) -> &'static [u8] {
    match (family, face) {
        (Family::Text, Face::Regular) => notosans::REGULAR_TTF,
        (Family::Text, Face::Bold) => notosans::BOLD_TTF,
        (Family::Text, Face::Italic) => notosans::ITALIC_TTF,
        (Family::Text, Face::BoldItalic) => notosans::BOLD_ITALIC_TTF,
        (Family::Fallback, Face::Regular) => dejavu::sans::regular(),
        (Family::Fallback, Face::Bold) => dejavu::sans::bold(),
        (Family::Fallback, Face::Italic) => dejavu::sans::oblique(),
        (Family::Fallback, Face::BoldItalic) => dejavu::sans::bold_oblique(),
    }
}

/// The PostScript name, used as the font's name in the PDF (a reader tells bold and italic
/// text by it).
pub fn postscript_name((family, face): FontKey) -> &'static str {
    match (family, face) {
        (Family::Text, Face::Regular) => "NotoSans-Regular",
        (Family::Text, Face::Bold) => "NotoSans-Bold",
        (Family::Text, Face::Italic) => "NotoSans-Italic",
        (Family::Text, Face::BoldItalic) => "NotoSans-BoldItalic",
        (Family::Fallback, Face::Regular) => "DejaVuSans",
        (Family::Fallback, Face::Bold) => "DejaVuSans-Bold",
        (Family::Fallback, Face::Italic) => "DejaVuSans-Oblique",
        (Family::Fallback, Face::BoldItalic) => "DejaVuSans-BoldOblique",
    }
}

struct Parsed {
    face: ttf_parser::Face<'static>,
    upem: f32,
}

/// Parsed faces, for measuring text and finding glyphs.
pub struct Metrics {
    text: Vec<Parsed>,
    fallback: Vec<Parsed>,
    /// Advance widths of the first 256 code points per style, in points per point of size,
    /// from whichever family draws them (most text of most résumés), so measuring skips the
    /// cmap lookup.
    latin: Vec<[f32; 256]>,
}

impl Metrics {
    /// The faces, parsed once per process.
    pub fn load() -> Option<&'static Metrics> {
        static METRICS: std::sync::OnceLock<Option<Metrics>> = std::sync::OnceLock::new();
        METRICS.get_or_init(Metrics::parse).as_ref()
    }

    fn parse() -> Option<Metrics> {
        let family = |fam: Family| {
            Face::ALL
                .iter()
                .map(|f| {
                    let face = ttf_parser::Face::parse(bytes((fam, *f)), 0).ok()?;
                    let upem = f32::from(face.units_per_em().max(1));
                    Some(Parsed { face, upem })
                })
                .collect::<Option<Vec<_>>>()
        };
        let mut m = Metrics {
            text: family(Family::Text)?,
            fallback: family(Family::Fallback)?,
            latin: Vec::new(),
        };
        m.latin = Face::ALL
            .iter()
            .map(|f| {
                let mut table = [0f32; 256];
                for (code, slot) in (0u8..=255).zip(table.iter_mut()) {
                    *slot = m.advance(*f, char::from(code));
                }
                table
            })
            .collect();
        Some(m)
    }

    fn parsed(&self, (family, face): FontKey) -> Option<&Parsed> {
        match family {
            Family::Text => self.text.get(face.index()),
            Family::Fallback => self.fallback.get(face.index()),
        }
    }

    /// The family that draws `c` in a style: the text face when it has the glyph, else the
    /// fallback when it has it, else the text face (which draws its `.notdef` box).
    pub fn family_for(&self, f: Face, c: char) -> Family {
        let has = |fam: Family| {
            c.is_whitespace()
                || self
                    .parsed((fam, f))
                    .and_then(|p| p.face.glyph_index(c))
                    .is_some()
        };
        if has(Family::Text) || !has(Family::Fallback) {
            Family::Text
        } else {
            Family::Fallback
        }
    }

    /// A character's advance in points per point of size, from the family that draws it.
    fn advance(&self, f: Face, c: char) -> f32 {
        let Some(p) = self.parsed((self.family_for(f, c), f)) else {
            return 0.0;
        };
        // A character no face has is drawn as glyph 0 (.notdef), which printpdf leaves out
        // of the font's /W widths: viewers give it the default width /DW, 1000/1000 em.
        let Some(g) = p.face.glyph_index(c) else {
            return 1.0;
        };
        f32::from(p.face.glyph_hor_advance(g).unwrap_or(0)) / p.upem
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, f: Face, size: f32, text: &str) -> f32 {
        let latin = self.latin.get(f.index());
        let em: f32 = text
            .chars()
            .map(|c| {
                latin
                    .and_then(|t| t.get(c as usize))
                    .copied()
                    .unwrap_or_else(|| self.advance(f, c))
            })
            .sum();
        em * size
    }

    /// `text` cut into runs of one family each, with each run's width at `size`.
    pub fn runs(&self, f: Face, size: f32, text: &str) -> Vec<(Family, String, f32)> {
        let mut out: Vec<(Family, String, f32)> = Vec::new();
        for c in text.chars() {
            let fam = self.family_for(f, c);
            let mut buf = [0u8; 4];
            let w = self.width(f, size, c.encode_utf8(&mut buf));
            match out.last_mut() {
                Some((last, s, width)) if *last == fam => {
                    s.push(c);
                    *width += w;
                }
                // The space before a change of face opens the new run: a text extractor
                // sees it beside the next word (at the end of a run it is taken for
                // trailing space, and "Done ✓" reads "Done✓").
                Some((_, s, width)) if s.ends_with(' ') && !s.trim_end().is_empty() => {
                    let spaces = s.len() - s.trim_end_matches(' ').len();
                    s.truncate(s.len() - spaces);
                    let moved = self.width(f, size, &" ".repeat(spaces));
                    *width -= moved;
                    out.push((fam, format!("{}{c}", " ".repeat(spaces)), moved + w));
                }
                _ => out.push((fam, c.to_string(), w)),
            }
        }
        out
    }

    /// True when some family has a glyph for the character.
    pub fn has(&self, f: Face, c: char) -> bool {
        let fam = self.family_for(f, c);
        c.is_whitespace()
            || self
                .parsed((fam, f))
                .and_then(|p| p.face.glyph_index(c))
                .is_some()
    }

    /// A subset of a font holding only the glyphs for `chars`.
    pub fn subset(&self, key: FontKey, chars: &BTreeSet<char>) -> Option<Vec<u8>> {
        let face = &self.parsed(key)?.face;
        let mut gids: Vec<u16> = vec![0];
        gids.extend(
            chars
                .iter()
                .filter_map(|c| face.glyph_index(*c))
                .map(|g| g.0),
        );
        gids.sort_unstable();
        gids.dedup();
        let scope = allsorts::binary::read::ReadScope::new(bytes(key));
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

/// True for a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko and
/// their presentation forms).
fn right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// A warning when the text holds a right-to-left script: the PDF writer sets every line left
/// to right and does not join letters, so such words print in the wrong order and unjoined.
pub fn right_to_left_warning(used: &[(Face, BTreeSet<char>)]) -> Option<Warning> {
    used.iter()
        .flat_map(|(_, chars)| chars.iter())
        .any(|c| right_to_left(*c))
        .then(|| {
            Warning::new(
                None,
                "the text has right-to-left script (Arabic, Hebrew); the PDF sets it left to right without joining letters, so those words print wrongly: use DOCX or HTML for them",
            )
        })
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
                    "the PDF fonts have no glyph for {c:?} (U+{:04X}); it prints as a box",
                    c as u32
                ),
            )
        })
        .collect()
}
