//! PDF layout: a [`Doc`] set on pages in a [`Theme`] — lines wrapped by measured widths, the
//! header (centred or on a band), section titles with their rules, entries with their dates
//! flush right and kept on one page when they fit, bullets with a hanging indent — into
//! positioned pieces of text, rules and filled rectangles that [`super::write`] draws; and
//! the fitting of a theme to a number of pages.

use super::fonts::{Face, Metrics};
use crate::doc::{Doc, Kind, Span};
use crate::error::Error;
use crate::theme::{SectionRule, Theme};
use crate::write::docx::Paper;

pub(super) type Rgb3 = [f32; 3];
pub(super) const WHITE: Rgb3 = [1.0, 1.0, 1.0];

/// A piece of text placed on a page.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    pub(super) page: usize,
    pub(super) x: f32,
    /// Baseline, from the bottom of the page.
    pub(super) y: f32,
    pub(super) text: String,
    pub(super) face: Face,
    pub(super) size: f32,
    pub(super) color: Rgb3,
    pub(super) link: Option<String>,
    pub(super) width: f32,
    /// The document block it prints (its place in the structure tree); None for page
    /// furniture (page numbers, bullets), marked as artifacts.
    pub(super) block: Option<usize>,
}

/// A line drawn on a page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ruled {
    pub(super) page: usize,
    pub(super) x1: f32,
    pub(super) x2: f32,
    pub(super) y: f32,
    pub(super) thickness: f32,
    pub(super) color: Rgb3,
}

/// A rectangle filled with a colour (a theme's header band), drawn under the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Filled {
    pub(super) page: usize,
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) color: Rgb3,
}

/// A run of text to be wrapped, with its style.
#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) text: String,
    pub(super) face: Face,
    pub(super) size: f32,
    pub(super) color: Rgb3,
    pub(super) link: Option<String>,
    /// Kept on one line when it fits (a contact item).
    pub(super) keep: bool,
}

pub(super) struct Layout<'m> {
    pub(super) m: &'m Metrics,
    pub(super) t: &'m Theme,
    pub(super) text: Rgb3,
    pub(super) muted: Rgb3,
    pub(super) accent: Rgb3,
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) page: usize,
    /// Baseline cursor, from the bottom of the page.
    pub(super) y: f32,
    pub(super) placed: Vec<Placed>,
    pub(super) rules: Vec<Ruled>,
    pub(super) fills: Vec<Filled>,
    /// The block being placed.
    pub(super) block: Option<usize>,
    /// Section titles with where they start (page, baseline), for the outline.
    pub(super) sections: Vec<(String, usize, f32)>,
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
pub(super) enum Align {
    Left,
    Center,
}

/// Lays a document out on pages.
pub(super) fn layout<'m>(doc: &Doc, m: &'m Metrics, paper: Paper, t: &'m Theme) -> Layout<'m> {
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

/// Page size in points.
pub fn paper_points(p: Paper) -> (f32, f32) {
    match p {
        Paper::A4 => (595.28, 841.89),
        Paper::Letter => (612.0, 792.0),
    }
}

/// The height an entry takes: its heading and the paragraphs and bullets up to the next
/// heading, wrapped at the text width (spacing between blocks approximated).
pub(super) fn entry_height(l: &Layout<'_>, doc: &Doc, at: usize, full: f32) -> f32 {
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
pub(super) const NEARLY_EMPTY: f32 = 0.15;
