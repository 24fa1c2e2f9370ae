//! Themes: the designs a PDF, a DOCX and an HTML page are set in, as data. One [`Theme`] is
//! resolved from `--theme`, `--accent`, `--font-size` and `--margins`, and every paged writer
//! reads its sizes, colours and shapes from it, so a theme looks the same in each format.
//! A theme changes the look only: the words printed and their order stay those of
//! [`crate::present`], so what is read back is the same résumé whatever the theme.

/// The designs to choose from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    /// Centred name in the accent colour, section titles with a rule after them
    #[default]
    Classic,
    /// A band of the accent colour behind name and contact, capitals for section titles
    Modern,
    /// Small type and narrow margins for dense CVs: name on the left, rules under titles
    Compact,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [ThemeName::Classic, ThemeName::Modern, ThemeName::Compact];

    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Classic => "classic",
            ThemeName::Modern => "modern",
            ThemeName::Compact => "compact",
        }
    }
}

/// Where a line of the header (name, headline, contact) sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

/// How a section title is set apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionRule {
    /// A thin rule from the end of the title to the right margin, on its middle.
    After,
    /// A thin rule the whole width of the text, under the title.
    Below,
}

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Everything a writer needs to know about the look.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    pub accent: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    /// Body text size, points.
    pub body: f32,
    /// Name, section title and headline sizes, points.
    pub name_size: f32,
    pub section_size: f32,
    pub headline_size: f32,
    /// Contact line and small print, points.
    pub small: f32,
    /// Baseline distance as a multiple of the size.
    pub leading: f32,
    /// Page margins, points.
    pub margin_x: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub header_align: Align,
    pub section_rule: SectionRule,
    /// Section titles printed in capitals.
    pub section_caps: bool,
    /// A band of the accent colour behind the header, its text in white.
    pub header_band: bool,
    /// Scales the space between blocks (1 = the classic spacing).
    pub spacing: f32,
}

/// What the command line may change in a theme.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThemeOptions {
    pub name: ThemeName,
    pub accent: Option<Rgb>,
    /// Body size in points; the other sizes follow it.
    pub font_size: Option<f32>,
    /// Left, right, top and bottom margin, in millimetres.
    pub margins_mm: Option<f32>,
}

/// Body sizes a reader can still read, and a printer still fits on a page.
pub const FONT_SIZES: std::ops::RangeInclusive<f32> = 7.0..=14.0;
/// Margins in millimetres.
pub const MARGINS_MM: std::ops::RangeInclusive<f32> = 5.0..=40.0;

const PT_PER_MM: f32 = 72.0 / 25.4;

impl Theme {
    /// The base design of a theme, before options.
    fn base(name: ThemeName) -> Theme {
        let classic = Theme {
            name,
            accent: [13, 69, 140],
            text: [28, 28, 33],
            muted: [92, 94, 102],
            body: 9.5,
            name_size: 22.0,
            section_size: 12.5,
            headline_size: 11.0,
            small: 8.8,
            leading: 1.32,
            margin_x: 50.0,
            margin_top: 46.0,
            margin_bottom: 50.0,
            header_align: Align::Center,
            section_rule: SectionRule::After,
            section_caps: false,
            header_band: false,
            spacing: 1.0,
        };
        match name {
            ThemeName::Classic => classic,
            ThemeName::Modern => Theme {
                accent: [22, 94, 99],
                name_size: 24.0,
                section_size: 11.5,
                header_align: Align::Left,
                section_rule: SectionRule::Below,
                section_caps: true,
                header_band: true,
                ..classic
            },
            ThemeName::Compact => Theme {
                accent: [120, 30, 40],
                body: 8.8,
                name_size: 18.0,
                section_size: 10.5,
                headline_size: 10.0,
                small: 8.2,
                leading: 1.25,
                margin_x: 36.0,
                margin_top: 32.0,
                margin_bottom: 36.0,
                header_align: Align::Left,
                section_rule: SectionRule::Below,
                section_caps: true,
                spacing: 0.65,
                ..classic
            },
        }
    }

    /// The theme with the command line's changes.
    pub fn resolve(o: &ThemeOptions) -> Theme {
        let mut t = Theme::base(o.name);
        if let Some(a) = o.accent {
            t.accent = a;
        }
        if let Some(size) = o.font_size {
            let size = size.clamp(*FONT_SIZES.start(), *FONT_SIZES.end());
            let k = size / t.body;
            t.body = size;
            t.name_size *= k;
            t.section_size *= k;
            t.headline_size *= k;
            t.small *= k;
        }
        if let Some(mm) = o.margins_mm {
            let pt = mm.clamp(*MARGINS_MM.start(), *MARGINS_MM.end()) * PT_PER_MM;
            t.margin_x = pt;
            t.margin_top = pt;
            t.margin_bottom = pt;
        }
        t
    }

    /// The theme `step` notches tighter (0 = as designed): less space between blocks, then
    /// smaller type and margins, never below [`Theme::SMALLEST_BODY`] points of body text
    /// and 10 mm margins. None past the last notch.
    pub fn tightened(&self, step: u32) -> Option<Theme> {
        if step > Self::NOTCHES {
            return None;
        }
        let k = step as f32 / Self::NOTCHES as f32;
        let mut t = self.clone();
        t.spacing = self.spacing * (1.0 - 0.5 * k);
        let body = (self.body * (1.0 - 0.2 * k)).max(Self::SMALLEST_BODY.min(self.body));
        let scale = body / self.body;
        t.body = body;
        t.name_size = self.name_size * scale;
        t.section_size = self.section_size * scale;
        t.headline_size = self.headline_size * scale;
        t.small = self.small * scale;
        t.leading = self.leading - (self.leading - 1.18).max(0.0) * k;
        let floor = 10.0 * PT_PER_MM;
        let shrink = |m: f32| (m * (1.0 - 0.4 * k)).max(floor.min(m));
        t.margin_x = shrink(self.margin_x);
        t.margin_top = shrink(self.margin_top);
        t.margin_bottom = shrink(self.margin_bottom);
        Some(t)
    }

    /// How many notches [`Theme::tightened`] has.
    pub const NOTCHES: u32 = 8;
    /// The smallest body text size fitting goes to.
    pub const SMALLEST_BODY: f32 = 8.0;

    /// The colour as `RRGGBB` (DOCX, CSS).
    pub fn hex(c: Rgb) -> String {
        format!("{:02X}{:02X}{:02X}", c[0], c[1], c[2])
    }

    /// A colour as PDF fractions.
    pub fn unit(c: Rgb) -> [f32; 3] {
        c.map(|v| f32::from(v) / 255.0)
    }

    /// A section title as printed.
    pub fn section_title(&self, title: &str) -> String {
        if self.section_caps {
            title.to_uppercase()
        } else {
            title.to_string()
        }
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::base(ThemeName::Classic)
    }
}

/// Colour names `--accent` takes besides `#RRGGBB`.
const NAMED: &[(&str, Rgb)] = &[
    ("blue", [13, 69, 140]),
    ("navy", [20, 33, 84]),
    ("teal", [22, 94, 99]),
    ("green", [30, 100, 50]),
    ("red", [150, 30, 35]),
    ("burgundy", [120, 30, 40]),
    ("purple", [85, 40, 120]),
    ("orange", [180, 80, 0]),
    ("gray", [70, 70, 75]),
    ("grey", [70, 70, 75]),
    ("black", [0, 0, 0]),
];

/// `#1a5e63`, `1A5E63`, `#abc` or a colour name.
pub fn parse_color(s: &str) -> Result<Rgb, String> {
    let t = s.trim().to_ascii_lowercase();
    if let Some((_, c)) = NAMED.iter().find(|(n, _)| *n == t) {
        return Ok(*c);
    }
    let hex = t.trim_start_matches('#');
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| format!("not a colour: {s} (use #RRGGBB or a name such as teal)"))?;
    match digits.as_slice() {
        [r, g, b] => Ok([r * 17, g * 17, b * 17]),
        [r1, r2, g1, g2, b1, b2] => Ok([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2]),
        _ => Err(format!(
            "not a colour: {s} (use #RRGGBB or a name such as teal)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_as_people_write_them() {
        assert_eq!(parse_color("#1a5e63"), Ok([0x1a, 0x5e, 0x63]));
        assert_eq!(parse_color("1A5E63"), Ok([0x1a, 0x5e, 0x63]));
        assert_eq!(parse_color("#fff"), Ok([255, 255, 255]));
        assert_eq!(parse_color("Teal"), Ok([22, 94, 99]));
        assert!(parse_color("#12345").is_err());
        assert!(parse_color("sky").is_err());
    }

    #[test]
    fn options_scale_and_clamp() {
        let t = Theme::resolve(&ThemeOptions {
            font_size: Some(11.0),
            ..ThemeOptions::default()
        });
        assert!((t.body - 11.0).abs() < 1e-4);
        assert!(t.name_size > 22.0);
        let t = Theme::resolve(&ThemeOptions {
            font_size: Some(40.0),
            margins_mm: Some(1.0),
            ..ThemeOptions::default()
        });
        assert!((t.body - 14.0).abs() < 1e-4);
        assert!((t.margin_x - 5.0 * PT_PER_MM).abs() < 1e-3);
    }

    #[test]
    fn themes_differ() {
        let looks: Vec<Theme> = ThemeName::ALL
            .iter()
            .map(|n| {
                Theme::resolve(&ThemeOptions {
                    name: *n,
                    ..ThemeOptions::default()
                })
            })
            .collect();
        for (i, a) in looks.iter().enumerate() {
            for b in looks.iter().skip(i + 1) {
                assert_ne!(a, b);
            }
        }
    }
}
