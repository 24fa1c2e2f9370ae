//! PDF in: the text layer into a [`Doc`] by geometry, then the same extraction as for every
//! other format.
//!
//! lopdf parses the file; a small interpreter of the page content streams (text state, text
//! and graphics matrices, `Tj`/`TJ`/`'`/`"`) places each run of text with its size and font
//! (bold and italic from the font's name), decoded through the font's encoding. Runs become
//! lines by their baselines, words by the gaps between them (a wide gap is a column, kept as a
//! tab, so a date flush right stays on its entry's line); lines become headings by size,
//! bullets by their glyph, paragraphs by spacing. Page numbers and headers or footers repeated
//! on every page are dropped; link annotations give their targets to the text under them.
//!
//! Set `RC_PDF_DEBUG=1` to print the laid-out lines (page, baseline, x, size, text) to stderr,
//! `RC_PDF_DEBUG=runs` to print each line's runs with their positions and widths.
//!
//! Not yet: two-column layouts read column by column, hyphenated line ends joined.

use crate::doc::{Block, Doc, Kind, Span, push_text};
use crate::error::Error;
use crate::limits::Limits;
use lopdf::Document;
use std::collections::HashMap;

mod accents;
mod attached;
mod content;
mod layout;
mod margin;
mod pages;
mod type1;
use content::{Matrix, page_runs};

/// The gap between two runs, in ems, above which a reader sees a space. TeX and justified
/// text shrink word spaces to about 0.2 em; kerning and letter-fitting gaps stay under 0.1.
const WORD_GAP: f32 = 0.13;

/// The gap (in ems) above which runs of one line are separate words. A producer that draws
/// its spaces as glyphs says where every word ends, and may set letters apart by more than
/// [`WORD_GAP`] (loose fitting, one glyph per run): on such a line only a gap of a fifth of
/// an em or more is one. Otherwise [`WORD_GAP`].
fn word_gap(runs: &[Run]) -> f32 {
    let spaces_drawn = runs.iter().filter(|r| r.text.contains(' ')).count();
    if spaces_drawn >= 2 || (spaces_drawn == 1 && runs.len() > 2) {
        0.2
    } else {
        WORD_GAP
    }
}

fn bad(file: &str, message: impl Into<String>) -> Error {
    Error::Unreadable {
        file: file.to_string(),
        message: message.into(),
    }
}

/// A run of text placed on a page.
#[derive(Debug, Clone)]
struct Run {
    page: usize,
    x: f32,
    y: f32,
    width: f32,
    size: f32,
    text: String,
    bold: bool,
    italic: bool,
    /// A rule drawn under it.
    underline: bool,
    link: Option<String>,
}

/// A thin horizontal rule: an underline when it lies under a run.
#[derive(Debug, Clone, Copy)]
struct Rule {
    page: usize,
    x0: f32,
    x1: f32,
    y: f32,
}

/// A small filled or stroked shape (a disc, a circle, a square): a list marker that a
/// browser or word processor drew as graphics rather than as a bullet character.
#[derive(Debug, Clone, Copy)]
struct Marker {
    page: usize,
    x0: f32,
    x1: f32,
    /// The vertical centre.
    cy: f32,
}

/// The bounding box of the path being built, in page space.
#[derive(Debug, Clone, Copy)]
struct PathBox {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

impl PathBox {
    fn add(b: Option<PathBox>, ctm: &Matrix, x: f32, y: f32) -> Option<PathBox> {
        let (px, py) = (
            ctm[0] * x + ctm[2] * y + ctm[4],
            ctm[1] * x + ctm[3] * y + ctm[5],
        );
        Some(match b {
            None => PathBox {
                x0: px,
                y0: py,
                x1: px,
                y1: py,
            },
            Some(b) => PathBox {
                x0: b.x0.min(px),
                y0: b.y0.min(py),
                x1: b.x1.max(px),
                y1: b.y1.max(py),
            },
        })
    }

    /// A thin horizontal line or bar (at most 1.5 pt high, at least 4 pt long).
    fn rule(&self, page: usize) -> Option<Rule> {
        let (w, h) = (self.x1 - self.x0, self.y1 - self.y0);
        (h <= 1.5 && w >= 4.0).then_some(Rule {
            page,
            x0: self.x0,
            x1: self.x1,
            y: (self.y0 + self.y1) / 2.0,
        })
    }

    /// A list marker's size and shape: 1.5–9 pt across, about as wide as it is high.
    fn marker(&self, page: usize) -> Option<Marker> {
        let (w, h) = (self.x1 - self.x0, self.y1 - self.y0);
        ((1.5..=9.0).contains(&w) && (1.5..=9.0).contains(&h) && w / h > 0.6 && w / h < 1.67)
            .then_some(Marker {
                page,
                x0: self.x0,
                x1: self.x1,
                cy: (self.y0 + self.y1) / 2.0,
            })
    }
}

/// The most one object or cross-reference stream may inflate to while a PDF loads.
const MAX_LOAD_STREAM: usize = 16 * 1024 * 1024;

/// Reads a PDF into a [`Doc`].
pub fn read(bytes: &[u8], file: &str, limits: &Limits) -> Result<Doc, Error> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(bad(file, "not a PDF file: it has no %PDF- header"));
    }
    // Object and cross-reference streams inflate to MAX_LOAD_STREAM at most while the file
    // loads (a stream deflated twice is a bomb of a few kilobytes).
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_LOAD_STREAM),
        ..lopdf::LoadOptions::default()
    };
    let loaded = std::panic::catch_unwind(|| Document::load_mem_with_options(bytes, options));
    let doc = match loaded {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            let msg = e.to_string();
            if msg.to_lowercase().contains("encrypt") || msg.to_lowercase().contains("password") {
                return Err(bad(file, "the PDF is encrypted; decrypt it first"));
            }
            return Err(bad(file, format!("not a readable PDF: {msg}")));
        }
        Err(_) => return Err(bad(file, "not a readable PDF: the file is corrupt")),
    };
    if doc.is_encrypted() {
        return Err(bad(file, "the PDF is encrypted; decrypt it first"));
    }
    let pages = pages::page_ids(&doc, limits.pages);
    if pages.len() > limits.pages {
        return Err(bad(
            file,
            format!(
                "the PDF has more than {} pages (raise the limit with --max-pages)",
                limits.pages
            ),
        ));
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut markers: Vec<Marker> = Vec::new();
    let mut rules: Vec<Rule> = Vec::new();
    let mut page_heights: Vec<f32> = Vec::new();
    for (index, page_id) in pages.iter().enumerate() {
        let read_page = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            page_runs(&doc, *page_id, index)
        }));
        match read_page {
            Ok((mut r, mut m, mut u, h)) => {
                runs.append(&mut r);
                markers.append(&mut m);
                rules.append(&mut u);
                page_heights.push(h);
            }
            Err(_) => {
                return Err(bad(
                    file,
                    format!("page {} of the PDF is corrupt", index + 1),
                ));
            }
        }
    }
    if runs.iter().all(|r| r.text.trim().is_empty()) {
        return Err(bad(
            file,
            "the PDF has no text layer (a scan?): run it through OCR first",
        ));
    }
    underline(&mut runs, &rules);
    let mut read = build_doc(runs, &markers, &page_heights);
    read.embedded = attached::embedded(&doc);
    Ok(read)
}

/// A line that opens with a field's label: one to three words, the first capitalised, and a
/// colon ("Keywords: Rust", "Field of study: Physics").
fn opens_with_label(text: &str) -> bool {
    let Some((label, rest)) = text.trim_start().split_once(':') else {
        return false;
    };
    let words = label.split_whitespace().count();
    (1..=3).contains(&words)
        && label.chars().next().is_some_and(char::is_uppercase)
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && rest.starts_with(' ')
}

/// Whether two runs sit on one line: the same baseline, or (a side label set larger than
/// the text beside it) the same top edge.
fn same_line(a: &Run, b: &Run) -> bool {
    (a.y - b.y).abs() <= 0.35 * a.size.max(b.size)
        || ((a.size - b.size).abs() > 0.15 * a.size.min(b.size)
            && ((a.y + 0.7 * a.size) - (b.y + 0.7 * b.size)).abs() <= 0.12 * a.size.min(b.size))
}

/// The text of typewriter lines, with the lines the printer wrapped joined again: a line
/// is a wrap when the next line's first word would not have fitted after it.
fn unwrap_lines(lines: &[TextLine]) -> String {
    let right_of = |l: &TextLine| l.runs.last().map_or(l.x, |r| r.x + r.width);
    let right = lines.iter().map(right_of).fold(0.0f32, f32::max);
    // The line pitch: the smallest recurring distance between baselines.
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if a.page == b.page => Some(a.y - b.y),
            _ => None,
        })
        .filter(|g| *g > 0.5)
        .collect();
    gaps.sort_by(f32::total_cmp);
    let pitch = gaps.get(gaps.len() / 10).copied().unwrap_or(12.0);
    let mut out = String::new();
    let mut previous: Option<&TextLine> = None;
    for l in lines {
        let text = l.text().replace('\t', "    ");
        if let Some(prev) = previous.replace(l) {
            // Blank lines of the source are taller gaps.
            if prev.page == l.page && prev.y - l.y > 1.5 * pitch {
                let blanks = (((prev.y - l.y) / pitch).round() as usize)
                    .saturating_sub(1)
                    .min(3);
                out.push_str(&"\n".repeat(blanks));
            }
            let prev_text = prev.text();
            let chars = prev_text.chars().count().max(1) as f32;
            let average = (right_of(prev) - prev.x) / chars;
            let first_word = text.split_whitespace().next().unwrap_or("");
            let adjacent = prev.page != l.page || prev.y - l.y < 1.5 * pitch;
            let marker = first_word.starts_with(['*', '-', '•', '#', '>', '|', '+'])
                || crate::lite_re!(crate::patterns::NUMBER_MARKER_WORD).is_match(first_word);
            let would_fit = right_of(prev) + average * (1.0 + first_word.chars().count() as f32)
                <= right + 0.5 * average;
            if adjacent
                && !marker
                && !first_word.is_empty()
                && !would_fit
                && !prev_text.trim().is_empty()
            {
                out.pop();
                out.push(' ');
                out.push_str(text.trim_start());
                out.push('\n');
                continue;
            }
        }
        out.push_str(&text);
        out.push('\n');
    }
    out
}

/// The size a group of runs is set in: the largest among those with visible text.
fn size_of(runs: &[Run]) -> f32 {
    runs.iter()
        .filter(|r| !r.text.trim().is_empty())
        .map(|r| r.size)
        .fold(0.0, f32::max)
}

/// Bullet glyphs at the start of a line. The middle dot and the bullet operator are LaTeX's
/// `$\cdot$` and `$\bullet$` when a class sets its own items.
const BULLETS: [char; 9] = ['•', '◦', '▪', '‣', '●', '–', '·', '∙', '⋅'];

/// A line of text: its runs left to right.
#[derive(Debug, Clone)]
struct TextLine {
    page: usize,
    y: f32,
    x: f32,
    size: f32,
    runs: Vec<Run>,
}

impl TextLine {
    /// A line of `runs` (at least one) on a baseline, starting at its first run.
    fn of(page: usize, y: f32, runs: Vec<Run>) -> TextLine {
        let x = runs.first().map_or(0.0, |r| r.x);
        TextLine {
            page,
            y,
            x,
            size: size_of(&runs),
            runs,
        }
    }

    fn text(&self) -> String {
        self.runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<String>()
    }
}

/// A run with a rule drawn just under its baseline along most of its width is underlined.
fn underline(runs: &mut [Run], rules: &[Rule]) {
    // A page with more rules than this is a table or a drawing: no underlines looked for.
    const MOST_PER_PAGE: usize = 2000;
    let mut by_page: HashMap<usize, Vec<&Rule>> = HashMap::new();
    for u in rules {
        by_page.entry(u.page).or_default().push(u);
    }
    by_page.retain(|_, v| v.len() <= MOST_PER_PAGE);
    if by_page.is_empty() {
        return;
    }
    for r in runs.iter_mut().filter(|r| !r.text.trim().is_empty()) {
        let (a, b) = (r.x, r.x + r.width);
        let Some(page_rules) = by_page.get(&r.page) else {
            continue;
        };
        r.underline = page_rules.iter().any(|u| {
            let overlap = u.x1.min(b) - u.x0.max(a);
            u.y <= r.y + 0.05 * r.size
                && u.y >= r.y - 0.3 * r.size
                && overlap >= 0.6 * r.width
                // A rule much longer than the words is a divider, not an underline.
                && u.x1 - u.x0 <= r.width + 4.0 * r.size
        });
    }
}

/// A marker drawn just left of a line, about its middle, becomes a bullet character at
/// the start of that line, so drawn and typed bullets read the same.
fn attach_markers(lines: &mut [TextLine], markers: &[Marker]) {
    // A page with more small shapes than this is a drawing, not a list.
    const MOST_PER_PAGE: usize = 1000;
    let mut per_page: HashMap<usize, usize> = HashMap::new();
    for m in markers {
        *per_page.entry(m.page).or_default() += 1;
    }
    for m in markers {
        if per_page.get(&m.page).is_some_and(|n| *n > MOST_PER_PAGE) {
            continue;
        }
        // Lines are in page order: look only at the marker's page.
        let from = lines.partition_point(|l| l.page < m.page);
        let to = lines.partition_point(|l| l.page <= m.page);
        let Some(on_page) = lines.get_mut(from..to) else {
            continue;
        };
        let line = on_page.iter_mut().find(|l| {
            let start = l.runs.iter().map(|r| r.x).fold(f32::MAX, f32::min);
            l.page == m.page
                && m.x1 <= start + 0.5
                && start - m.x1 < 2.5 * l.size
                && m.cy > l.y - 0.1 * l.size
                && m.cy < l.y + 0.8 * l.size
        });
        let Some(line) = line else { continue };
        let starts_with_bullet = line
            .runs
            .iter()
            .min_by(|a, b| a.x.total_cmp(&b.x))
            .is_some_and(|r| r.text.trim_start().starts_with(BULLETS));
        if starts_with_bullet {
            continue;
        }
        let template = line.runs.first().cloned();
        if let Some(t) = template {
            line.runs.push(Run {
                x: m.x0,
                width: m.x1 - m.x0,
                text: "•".into(),
                bold: false,
                italic: false,
                underline: false,
                link: None,
                ..t
            });
        }
    }
}

/// Where a line's part after its last tab starts, and where the line ends.
fn flush_right_part(l: &TextLine) -> Option<(f32, f32)> {
    let tab = l.runs.iter().rposition(|r| r.text == "\t")?;
    let start = l.runs.get(tab + 1)?.x;
    let end = l.runs.last().map(|r| r.x + r.width)?;
    // Flush right: short, in the right half of the line.
    (start > (l.x + end) / 2.0).then_some((start, end))
}

/// A line ends in a part set flush right, and the line under it either has no tab or ends
/// in a part set flush right at the same edge.
fn ends_flush_right(a: &TextLine, b: &TextLine) -> bool {
    let b_tab = b.runs.iter().any(|r| r.text == "\t");
    match (flush_right_part(a), flush_right_part(b)) {
        (Some((_, ea)), Some((_, eb))) => (ea - eb).abs() < 2.0,
        (Some(_), None) => !b_tab,
        _ => false,
    }
}

fn build_doc(mut runs: Vec<Run>, markers: &[Marker], heights: &[f32]) -> Doc {
    runs.retain(|r| !r.text.is_empty());
    // Two independent columns on a page are read one after the other.
    let groups = layout::reading_groups(&runs);
    let mut keyed: Vec<(u8, Run)> = groups.into_iter().zip(runs).collect();
    keyed.sort_by(|(ga, a), (gb, b)| {
        a.page
            .cmp(&b.page)
            .then(ga.cmp(gb))
            .then(b.y.total_cmp(&a.y))
            .then(a.x.total_cmp(&b.x))
    });
    let runs: Vec<Run> = keyed.into_iter().map(|(_, r)| r).collect();
    // Runs into lines by baseline.
    let mut lines: Vec<TextLine> = Vec::new();
    for r in runs {
        match lines.last_mut() {
            // Same baseline, or (a side label set larger) the same top edge.
            Some(l) if l.page == r.page && l.runs.iter().any(|q| same_line(q, &r)) => {
                l.size = l.size.max(r.size);
                l.runs.push(r);
            }
            _ => lines.push(TextLine {
                page: r.page,
                y: r.y,
                x: r.x,
                size: r.size,
                runs: vec![r],
            }),
        }
    }
    attach_markers(&mut lines, markers);
    let debug_runs = std::env::var_os("RC_PDF_DEBUG").is_some_and(|v| v == "runs");
    for l in &mut lines {
        l.runs.sort_by(|a, b| a.x.total_cmp(&b.x));
        if debug_runs {
            let runs: Vec<String> = l
                .runs
                .iter()
                .map(|r| format!("[{:.1}+{:.1} {:?}]", r.x, r.width, r.text))
                .collect();
            eprintln!("{} {:.1} {:.1} {}", l.page, l.y, l.size, runs.join(" "));
        }
        accents::compose_accents(&mut l.runs);
        l.x = l.runs.first().map_or(0.0, |r| r.x);
        // Gaps become spaces, wide gaps a tab (a column: a date flush right).
        let word_gap = word_gap(&l.runs);
        let mut joined: Vec<Run> = Vec::new();
        for r in l.runs.drain(..) {
            if let Some(prev) = joined.last() {
                let gap = r.x - (prev.x + prev.width);
                let ends_space = prev.text.ends_with(' ') || r.text.starts_with(' ');
                let sep = if gap > 2.5 * r.size {
                    "\t"
                } else if gap > word_gap * r.size && !ends_space {
                    " "
                } else {
                    ""
                };
                if !sep.is_empty() {
                    joined.push(Run {
                        text: sep.to_string(),
                        x: prev.x + prev.width,
                        width: gap,
                        link: None,
                        ..r.clone()
                    });
                }
            }
            joined.push(r);
        }
        l.runs = joined;
    }
    // A label in a side column left of the text column (`Work   Acme Corp`) is its own line.
    // Text is counted where it starts: at a line's start, and after a gap wider than a
    // word space by far (the content beside a margin label starts at the text column, not
    // at the label).
    let mut starts: HashMap<i32, usize> = HashMap::new();
    for l in &lines {
        let mut at = l.x;
        let mut end = l.x;
        let mut gap = false;
        // A bullet and the text it marks are one segment, however far apart.
        let mut only_bullet = true;
        for r in &l.runs {
            let wide = 1.2 * r.size.max(1.0);
            let blank = r.text.trim().is_empty();
            // A tab, or a space the joining put over a wide gap, opens a segment.
            if r.text == "\t" || (blank && r.width > wide) {
                gap = true;
            }
            if !blank && (gap || r.x - end > wide) && !only_bullet {
                at = r.x;
            }
            if !blank {
                gap = false;
                only_bullet &= r
                    .text
                    .trim()
                    .chars()
                    .all(|c| BULLETS.contains(&c) || c == '*');
            }
            if !blank {
                *starts.entry(at.round() as i32).or_default() += r.text.len();
            }
            end = end.max(r.x + r.width);
        }
    }
    // The text column: the leftmost start that a fair share of the text begins at.
    let total: usize = starts.values().sum();
    let column = starts
        .iter()
        .filter(|(_, n)| **n * 5 >= total)
        .map(|(x, _)| *x)
        .min()
        .map_or(0.0, |x| x as f32)
        - 2.0;
    let mut split: Vec<TextLine> = Vec::with_capacity(lines.len());
    // Lines whose start sat in a margin column beside text: a layout with a label margin.
    let mut margin_labels = 0usize;
    for mut l in lines {
        let at = l
            .runs
            .iter()
            .position(|r| r.x >= column && !r.text.trim().is_empty());
        let label_ends = at.map_or(0.0, |i| {
            l.runs
                .iter()
                .take(i)
                .filter(|r| !r.text.trim().is_empty())
                .map(|r| r.x + r.width)
                .fold(0.0, f32::max)
        });
        // A bullet before its text is no label.
        let bullet_only = at.is_some_and(|i| {
            l.runs.iter().take(i).all(|r| {
                r.text
                    .trim()
                    .chars()
                    .all(|c| BULLETS.contains(&c) || c == '*')
            })
        });
        if let Some(i) =
            at.filter(|i| *i > 0 && label_ends > 0.0 && label_ends < column && !bullet_only)
        {
            let rest = l.runs.split_off(i);
            let label: Vec<Run> = l
                .runs
                .into_iter()
                .filter(|r| !r.text.trim().is_empty() || r.text == " ")
                .collect();
            margin_labels += 1;
            split.push(TextLine::of(l.page, l.y, label));
            split.push(TextLine::of(l.page, l.y, rest));
        } else {
            split.push(l);
        }
    }
    margin::join_wrapped_margin_dates(&mut split, column);
    margin::attach_margin_dates(&mut split, column);
    let mut lines = layout::grid_columns(split);
    if std::env::var_os("RC_PDF_DEBUG").is_some() {
        for l in &lines {
            eprintln!(
                "{} {:.1} {:.1} {:.1} {:?}",
                l.page,
                l.y,
                l.x,
                l.size,
                l.text()
            );
            for r in l.runs.iter().filter(|r| r.link.is_some()) {
                eprintln!(
                    "    link {:?} {:.1}+{:.1} -> {:?}",
                    r.text, r.x, r.width, r.link
                );
            }
        }
    }
    // Page furniture: page numbers, and a line repeated at the same place on several pages.
    let page_number = |t: &str| {
        let t = t.trim();
        crate::lite_re!(crate::patterns::PDF_PAGE_NUMBER).is_match(t)
    };
    let mut seen: HashMap<(String, i32), usize> = HashMap::new();
    for l in &lines {
        *seen
            .entry((l.text().trim().to_string(), l.y.round() as i32))
            .or_default() += 1;
    }
    let pages = heights.len();
    lines.retain(|l| {
        let repeated = pages > 1
            && seen
                .get(&(l.text().trim().to_string(), l.y.round() as i32))
                .copied()
                .unwrap_or(0)
                >= 2;
        let height = heights.get(l.page).copied().unwrap_or(842.0);
        let edge = l.y < 60.0 || l.y > height - 40.0;
        let footer =
            edge && crate::lite_re!(crate::patterns::PDF_FOOTER_PAGE).is_match(l.text().trim());
        !(page_number(&l.text()) || (repeated && edge) || footer)
    });
    // Typewriter text (one size, no bold: a text file printed to PDF) carries no layout
    // worth reading; its lines go to the text reader like any .txt.
    let sizes: std::collections::HashSet<i32> = lines
        .iter()
        .map(|l| (l.size * 2.0).round() as i32)
        .collect();
    if sizes.len() == 1 && !lines.iter().any(|l| l.runs.iter().any(|r| r.bold)) {
        let text = unwrap_lines(&lines);
        return if crate::read::markdown::looks_like_markdown(&text) {
            crate::read::markdown::read(&text)
        } else {
            crate::read::text::read(&text)
        };
    }
    // The body size: the size most text is set in, leaving out bold text and lines with a
    // flush-right date (entry headings, which in a sparse résumé can outweigh the text under
    // them); all text when that leaves nothing.
    let mut by_size: HashMap<i32, usize> = HashMap::new();
    for plain_only in [true, false] {
        let heading_line = |l: &TextLine| l.runs.iter().any(|r| r.text == "\t");
        for r in lines
            .iter()
            .filter(|l| !plain_only || !heading_line(l))
            .flat_map(|l| &l.runs)
        {
            if !plain_only || !r.bold {
                *by_size.entry((r.size * 10.0).round() as i32).or_default() += r.text.trim().len();
            }
        }
        if !by_size.is_empty() {
            break;
        }
    }
    let body = by_size
        .iter()
        .max_by_key(|(s, n)| (**n, -**s))
        .map_or(10.0, |(s, _)| *s as f32 / 10.0);
    let left = lines.iter().map(|l| l.x).fold(f32::MAX, f32::min);
    let right = lines
        .iter()
        .map(|l| l.runs.last().map_or(l.x, |r| r.x + r.width))
        .fold(0.0f32, f32::max);
    let center = (left + right) / 2.0;
    // The usual distance between the baselines of body lines: more than that is a new
    // paragraph.
    let mut pitches: HashMap<i32, usize> = HashMap::new();
    for w in lines.windows(2) {
        let [a, b] = w else { continue };
        if a.page == b.page && (a.size - body).abs() < 0.3 && (b.size - body).abs() < 0.3 {
            *pitches
                .entry(((a.y - b.y) * 10.0).round() as i32)
                .or_default() += 1;
        }
    }
    // The tightest spacing that recurs: lines inside a paragraph (items may be spaced wider).
    let most = pitches
        .iter()
        .filter(|(p, _)| **p > 0)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    let pitch = pitches
        .iter()
        .filter(|(p, n)| **p > 0 && **n >= (most / 4).max(2))
        .map(|(p, _)| *p)
        .min()
        .map_or(body * 1.3, |p| p as f32 / 10.0);
    let width_of = |l: &TextLine| l.runs.last().map_or(0.0, |r| r.x + r.width - l.x);
    // Centred on the page's axis; `centered` also set in from the left margin.
    let on_axis = |l: &TextLine| (l.x + width_of(l) / 2.0 - center).abs() < 4.0;
    let centered = |l: &TextLine| on_axis(l) && l.x - left > 20.0;
    // Heading levels by size rank: the size most section titles are set in is level 2;
    // the largest size above it (the name) level 1; sizes between the two (a title under
    // the name) plain text; sizes between body and sections level 3.
    let key = |s: f32| (s * 2.0).round() as i32;
    let headingish = |l: &TextLine| {
        let ratio = l.size / body;
        let words: Vec<&Run> = l
            .runs
            .iter()
            .filter(|r| !r.text.trim().is_empty())
            .collect();
        // A section's name alone in the margin column beside the text (Europass, the
        // tabular CV), whatever its size and weight — in a layout that has such a margin
        // (labels or dates beside the text on several lines).
        let margin_section = margin_labels >= 3
            && !words.is_empty()
            && words.iter().all(|r| r.x + r.width < column)
            && l.text().split_whitespace().count() <= 5
            && crate::extract::lexicon::classify_heading(l.text().trim().trim_end_matches(':'))
                .is_some();
        margin_section
            || ratio >= 1.2
            || (ratio >= 1.07 && words.first().is_some_and(|r| r.bold))
            // A section title set in bold at the body size ("Experience" on its own line).
            || (ratio >= 0.97
                && !words.is_empty()
                && words.iter().all(|r| r.bold)
                && l.text().split_whitespace().count() <= 4
                && crate::extract::lexicon::classify_heading(
                    l.text().trim().trim_end_matches(':'),
                )
                .is_some())
    };
    let mut section_votes: HashMap<i32, usize> = HashMap::new();
    for l in lines.iter().filter(|l| headingish(l)) {
        if crate::extract::lexicon::classify_heading(l.text().trim()).is_some() {
            *section_votes.entry(key(l.size)).or_default() += 1;
        }
    }
    let section_size = section_votes
        .iter()
        .max_by_key(|(s, n)| (**n, **s))
        .map(|(s, _)| *s);
    let top_size = lines
        .iter()
        .filter(|l| headingish(l))
        .map(|l| key(l.size))
        .max();
    let level = |l: &TextLine| -> Option<Kind> {
        if !headingish(l) {
            return None;
        }
        let ratio = l.size / body;
        let Some(section) = section_size else {
            return Some(if ratio >= 1.7 {
                Kind::Heading(1)
            } else if ratio >= 1.2 {
                Kind::Heading(2)
            } else {
                Kind::Heading(3)
            });
        };
        let k = key(l.size);
        Some(if k == section {
            Kind::Heading(2)
        } else if k < section {
            Kind::Heading(3)
        } else if Some(k) == top_size {
            Kind::Heading(1)
        } else {
            Kind::Paragraph
        })
    };
    let mut doc = Doc::default();
    let mut prev: Option<(usize, f32, f32, Kind, f32)> = None; // page, y, size, kind, text x
    let mut prev_line: Option<&TextLine> = None;
    // A line the typesetter wrapped: the next line's first word would not have fitted on it.
    // Lines by page, so the per-line measures below look at one page, not the document.
    let mut by_page: HashMap<usize, Vec<&TextLine>> = HashMap::new();
    for l in &lines {
        by_page.entry(l.page).or_default().push(l);
    }
    let wrapped = |a: &TextLine, b: &TextLine| {
        let b_text = b.text();
        let chars = b_text.chars().count().max(1) as f32;
        let first = b_text
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count()) as f32;
        let average = width_of(b) / chars;
        // The right edge of this column: the widest line at about this indent (lines with a
        // tab reach into a date column and do not count), on the page of the line that may
        // be full.
        let same_page = by_page.get(&a.page).map_or(&[][..], Vec::as_slice);
        let edge = same_page
            .iter()
            .filter(|o| {
                o.x <= b.x + 3.0 && o.x >= b.x - 12.0 && !o.runs.iter().any(|r| r.text == "\t")
            })
            .map(|o| o.x + width_of(o))
            .fold(0.0f32, f32::max);
        // In a sparse résumé no line may be full. A flush-right part (a date) then tells
        // how wide the column is: when the widest line ends far left of where the dates
        // start, the column is taken to reach the dates (some layouts wrap text a little
        // before their date column; that small difference stands).
        let flush_right = same_page
            .iter()
            .filter_map(|o| {
                let tab = o.runs.iter().position(|r| r.text == "\t")?;
                o.runs.get(tab + 1).map(|r| r.x)
            })
            .fold(f32::MAX, f32::min);
        let edge = if flush_right < f32::MAX && edge < flush_right - 0.15 * (flush_right - b.x) {
            flush_right
        } else {
            edge
        };
        let edge = if edge > 0.0 { edge } else { right };
        a.x + width_of(a) + average * (first + 1.0) > edge - 1.5 * average
    };
    let is_bullet = |l: &TextLine| {
        let text = l.text();
        let trimmed = text.trim_start();
        trimmed.starts_with(BULLETS)
            && trimmed
                .chars()
                .nth(1)
                .is_some_and(|c| c == ' ' || c == '\t')
            || l.runs
                .first()
                .is_some_and(|r| matches!(r.text.trim(), "•" | "◦" | "▪" | "●"))
    };
    // Numbered items ("1. XHTML"): a number of one or two digits and a dot or parenthesis,
    // counted on from the line before or on into the line after (so a lone "3. " is text).
    let number_re = crate::lite_re!(crate::patterns::NUMBERED_LINE);
    let numbers: Vec<Option<u32>> = lines
        .iter()
        .map(|l| {
            let text = l.text();
            number_re
                .captures(&text)
                .and_then(|c| c.get(1))
                .and_then(|m| m.as_str().parse().ok())
        })
        .collect();
    let numbered = |i: usize| {
        let n = numbers.get(i).copied().flatten();
        let before = i
            .checked_sub(1)
            .and_then(|j| numbers.get(j).copied().flatten());
        let next = numbers.get(i + 1).copied().flatten();
        n.is_some_and(|n| before == n.checked_sub(1) && n > 1 || next == Some(n + 1))
    };
    let has_bullets = lines.iter().any(is_bullet);
    for (index, l) in lines.iter().enumerate() {
        let after = prev_line.replace(l);
        let text = l.text();
        let number = numbered(index);
        // A separator opening a centred line under a centred line ("· City: Berlin", the
        // rest of a wrapped contact line) is not a bullet: lists are not centred.
        let centred_after_centred = centered(l)
            && width_of(l) < 0.7 * (right - left)
            && after.is_some_and(|a| on_axis(a) && !is_bullet(a));
        let bullet = (is_bullet(l) && !centred_after_centred) || number;
        let mut spans: Vec<Span> = Vec::new();
        for r in &l.runs {
            push_text(
                &mut spans,
                &r.text,
                r.bold,
                r.italic,
                r.underline,
                r.link.as_deref(),
            );
        }
        if bullet {
            if let Some(first) = spans.first_mut() {
                let marker = crate::lite_re!(crate::patterns::NUMBER_MARKER);
                let unnumbered = if number {
                    marker.replace(&first.text, "").to_string()
                } else {
                    first.text.clone()
                };
                first.text = unnumbered
                    .trim_start()
                    .trim_start_matches(BULLETS)
                    .trim_start()
                    .to_string();
            }
            spans.retain(|s| !s.text.is_empty());
        }
        let kind = if let Some(k) = level(l) {
            k
        } else if bullet {
            Kind::ListItem(u8::from(l.x - left > 16.0))
        } else {
            Kind::Paragraph
        };
        // A line continues the block above when it is close below it and not a new item.
        // How far below the line above, beyond the usual line pitch (a page break counts as
        // close: text carries on).
        let line_gap = prev.map_or(f32::MAX, |(p, y, s, _, _)| {
            if p == l.page {
                y - l.y - pitch.min(s * 1.45).max(s * 1.2)
            } else {
                0.0
            }
        });
        let close = line_gap < 0.08 * l.size;
        let centred_run = prev.is_some()
            && centered(l)
            && after.is_some_and(&centered)
            && doc.blocks.last().is_some_and(|b| b.kind == Kind::Paragraph)
            && close;
        let continues = match (prev, kind) {
            _ if centred_run && kind == Kind::Paragraph => true,
            // An item goes on where its line was full (a short line ends the item), or, in a
            // document whose items have bullets, on a line hanging at the item's text (an
            // author's line break inside the item).
            (Some((_, _, _, Kind::ListItem(_), text_x)), Kind::Paragraph) => {
                let hanging = has_bullets && (l.x - text_x).abs() < 3.0 && text_x - column > 3.0;
                close
                    && l.x - text_x > -3.0
                    && l.x - text_x < 30.0
                    && (hanging || after.is_some_and(|a| wrapped(a, l)))
            }
            (Some((page, _, _, Kind::Paragraph | Kind::Definition, text_x)), Kind::Paragraph) => {
                // Across a page break a paragraph goes on only from a full line: one that
                // ends short at the foot of a page has ended there.
                // Nor does a line that opens with a label ("Keywords: …"): a field of its own.
                let carries = page == l.page
                    || after.is_some_and(|a| wrapped(a, l)) && !opens_with_label(&text);
                // Same indent, or both centred on one axis (a wrapped contact line: the
                // wrapped line is the shorter one, so it starts further right — or, on the
                // page's axis, the longer one, when a long word did not fit above).
                let same_centre = after.is_some_and(|a| {
                    (l.x - a.x > 2.0 || l.x - a.x < -2.0 && on_axis(a) && on_axis(l))
                        && (a.x + width_of(a) / 2.0 - l.x - width_of(l) / 2.0).abs() < 3.0
                });
                // A full line, then one set in a little: the paragraph goes on under a
                // hanging indent.
                let hangs = l.x - text_x > 3.0
                    && l.x - text_x < 30.0
                    && after.is_some_and(|a| wrapped(a, l));
                close && carries && ((l.x - text_x).abs() < 3.0 || same_centre || hangs)
            }
            // An entry heading too long for its line, wrapped before its date.
            (Some((p, y, s, Kind::Heading(3), text_x)), Kind::Paragraph) => {
                p == l.page
                    && y - l.y < 1.45 * l.size
                    && (s - l.size).abs() < 0.05 * s
                    && (l.x - text_x).abs() < 3.0
                    && after.is_some_and(|a| {
                        let tab = a.runs.iter().position(|r| r.text == "\t");
                        let b_text = l.text();
                        // The first word, with what a narrow no-break space binds to it:
                        // the writer wrapped them as one.
                        let first = b_text
                            .split(|c: char| c.is_whitespace() && c != '\u{202f}')
                            .find(|w| !w.is_empty())
                            .map_or(0, |w| w.chars().count())
                            as f32;
                        let average = width_of(l) / b_text.chars().count().max(1) as f32;
                        match tab {
                            Some(t) if t > 0 => match (a.runs.get(t - 1), a.runs.get(t + 1)) {
                                (Some(before), Some(after)) => {
                                    let end = before.x + before.width;
                                    end + average * (first + 1.0) > after.x - 3.0 * l.size
                                }
                                _ => false,
                            },
                            // No gap wide enough for a tab: the date sits close after the
                            // words, and the usual wrap test applies.
                            _ => wrapped(a, l),
                        }
                    })
            }
            // A heading wrapped onto a second line (headings are set with more leading
            // than the body, so "close" is measured against their own size).
            (Some((p, y, s, Kind::Heading(a), _)), Kind::Heading(b)) => {
                a == b
                    && (s - l.size).abs() < 0.05 * s
                    && p == l.page
                    && y - l.y < 1.6 * l.size
                    && !text.contains('\t')
            }
            _ => false,
        };
        // Lines set a little in from the text column, each starting afresh, are list items
        // whose bullets are not text (drawn, or left out).
        // A line centred on the page's axis, as the line above it is, is centred text (a
        // header's contact line), not an item.
        let centred_pair = on_axis(l) && after.is_some_and(on_axis);
        let indented = !has_bullets && !centred_pair && l.x - column > 5.0 && l.x - column < 40.0;
        // A line set in below a one-line paragraph: a definition list (a term, then its
        // description indented under it), as browsers and word processors lay one out.
        let defines = !continues
            && kind == Kind::Paragraph
            && !bullet
            && close
            && !centered(l)
            && after.is_some_and(|a| !centered(a) && a.page == l.page)
            // A term is short; a full line above is a paragraph wrapping on (with a hanging
            // indent), not a term.
            && after.is_some_and(|a| a.x + width_of(a) < right - 0.25 * (right - a.x))
            && prev.is_some_and(|(_, _, _, k, x)| {
                k == Kind::Paragraph && l.x - x > 15.0 && l.x - x < 45.0
            })
            && doc.blocks.last().is_some_and(|b| {
                b.kind == Kind::Paragraph
                    && b.right.is_empty()
                    && !b.spans.iter().any(Span::is_break)
            });
        if defines {
            if let Some(term) = doc.blocks.last_mut() {
                term.kind = Kind::Term;
            }
        }
        let kind = if defines {
            Kind::Definition
        } else if !continues && kind == Kind::Paragraph && indented {
            Kind::ListItem(0)
        } else {
            kind
        };
        // Where an item's text starts (its wrapped lines line up there): after the bullet,
        // which may share a run with the text ("• Led the…").
        let text_x = if bullet {
            let first = l.runs.iter().find(|r| !r.text.trim().is_empty());
            match first {
                Some(r) if r.text.trim() == r.text.trim().trim_start_matches(BULLETS) => r.x,
                Some(r) if r.text.trim().chars().count() > 1 => {
                    let all = r.text.chars().count().max(1) as f32;
                    let marker = r.text.len()
                        - r.text
                            .trim_start_matches(|c: char| {
                                c.is_whitespace() || matches!(c, '•' | '◦' | '▪' | '‣' | '●' | '–')
                            })
                            .len();
                    let marker = r.text[..marker].chars().count() as f32;
                    r.x + r.width * marker / all
                }
                _ => l
                    .runs
                    .iter()
                    .skip_while(|r| {
                        r.text.trim().is_empty() || r.text.trim().starts_with(['•', '◦', '▪', '●'])
                    })
                    .find(|r| !r.text.trim().is_empty())
                    .map_or(l.x, |r| r.x),
            }
        } else {
            l.x
        };
        if continues {
            if let Some(last) = doc.blocks.last_mut() {
                // A line that ends in a part set flush right (organisation ⇥ place, role ⇥
                // dates) ends where its author ended it: a typesetter wraps the words
                // before a right-aligned part, never past it. (In a layout with a margin
                // column the next line's tab comes before text that runs on, and the
                // margin's own lines decide.)
                let soft = after.is_some_and(|a| wrapped(a, l) && !ends_flush_right(a, l));
                // A compound split at its hyphen ("customer-" / "facing") closes up again.
                let hyphen = last.spans.last().is_some_and(|s| {
                    let mut cs = s.text.trim_end_matches(' ').chars().rev();
                    cs.next() == Some('-') && cs.next().is_some_and(char::is_alphabetic)
                }) && text.trim_start().starts_with(char::is_lowercase);
                if hyphen {
                    if let Some(s) = last.spans.last_mut() {
                        s.text.truncate(s.text.trim_end_matches(' ').len());
                    }
                } else {
                    match (last.kind, last.spans.last_mut()) {
                        (Kind::Paragraph | Kind::Definition, _) if !soft => {
                            last.spans.push(Span::line_break())
                        }
                        // The space takes the style of the text before it, so a wrapped
                        // italic phrase stays one phrase.
                        (_, Some(s)) if !s.is_break() && s.link.is_none() => s.text.push(' '),
                        _ => push_text(&mut last.spans, " ", false, false, false, None),
                    }
                }
                // A heading wrapped before its flush-right date: the words go before the tab.
                let mut tail: Vec<Span> = Vec::new();
                if matches!(last.kind, Kind::Heading(_)) {
                    if let Some(i) = last.spans.iter().position(|s| s.text.contains('\t')) {
                        tail = last.spans.split_off(i);
                    }
                    if let Some(first) = tail.first_mut() {
                        let at = first.text.find('\t').unwrap_or(0);
                        let (before, after) = first.text.split_at(at);
                        let before = before.to_string();
                        first.text = after.to_string();
                        let first = first.clone();
                        push_text(
                            &mut last.spans,
                            &before,
                            first.bold,
                            first.italic,
                            first.underline,
                            first.link.as_deref(),
                        );
                        if let Some(s) = last.spans.last_mut().filter(|s| !s.is_break()) {
                            s.text.push(' ');
                        }
                    }
                }
                for s in spans.into_iter().chain(tail) {
                    if s.is_break() {
                        last.spans.push(s);
                    } else {
                        push_text(
                            &mut last.spans,
                            &s.text,
                            s.bold,
                            s.italic,
                            s.underline,
                            s.link.as_deref(),
                        );
                    }
                }
            }
            let kind_now = doc.blocks.last().map_or(kind, |b| b.kind);
            prev = Some((l.page, l.y, l.size, kind_now, prev.map_or(text_x, |p| p.4)));
            continue;
        }
        doc.blocks
            .push(Block::new(kind, spans, doc.blocks.len() + 1));
        prev = Some((l.page, l.y, l.size, kind, text_x));
    }
    doc
}

/// The PDF row of the format registry.
pub struct PdfReader;
pub const READER: PdfReader = PdfReader;

impl crate::format::Reader for PdfReader {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &crate::Limits,
    ) -> Result<(crate::format::Parsed, Vec<crate::Warning>), crate::Error> {
        Ok((
            crate::format::Parsed::Doc(read(bytes, name, limits)?),
            Vec::new(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::content::clean;
    use super::layout::gutter;
    use super::{Run, build_doc};

    fn run(x: f32, y: f32, width: f32, text: &str) -> Run {
        Run {
            page: 0,
            x,
            y,
            width,
            size: 10.0,
            text: text.into(),
            bold: false,
            italic: false,
            underline: false,
            link: None,
        }
    }

    /// Accents drawn over letters, before or after them in x order, over the first or a
    /// middle letter of a run, over a dotless i; an accent over nothing stays.
    #[test]
    fn accents_drawn_over_letters_compose() {
        let cases: &[(Vec<Run>, &str)] = &[
            (
                vec![
                    run(0.0, 0.0, 20.0, "Universit"),
                    run(20.2, 0.0, 5.5, "¨"),
                    run(20.0, 0.0, 5.0, "a"),
                ],
                "Universitä",
            ),
            (
                vec![run(0.0, 0.0, 16.0, "Ost"), run(1.0, 0.0, 5.0, "¨")],
                "Öst",
            ),
            (
                vec![run(0.0, 0.0, 5.0, "´"), run(0.0, 0.0, 15.0, "ecole")],
                "école",
            ),
            (
                vec![
                    run(0.0, 0.0, 9.0, "Mo"),
                    run(9.2, 0.0, 3.0, "ˇ"),
                    run(9.0, 0.0, 6.0, "ra"),
                ],
                "Mořa",
            ),
            (vec![run(0.0, 0.0, 3.0, "ı"), run(0.0, 0.0, 3.0, "´")], "í"),
            (
                vec![
                    run(0.0, 0.0, 9.0, "don"),
                    run(20.0, 0.0, 3.0, "´"),
                    run(23.0, 0.0, 3.0, "t"),
                ],
                "don´t",
            ),
        ];
        for (runs, want) in cases {
            let mut runs = runs.clone();
            runs.sort_by(|a, b| a.x.total_cmp(&b.x));
            super::accents::compose_accents(&mut runs);
            let got: String = runs.iter().map(|r| r.text.as_str()).collect();
            assert_eq!(&got, want);
        }
    }

    #[test]
    fn sidebar_gutter_found_and_date_column_ignored() {
        let words = "a line of sidebar text here";
        let mut runs = Vec::new();
        for i in 0..20 {
            // A sidebar and a main column, their baselines out of step.
            runs.push(run(40.0, 700.0 - 14.0 * i as f32, 120.0, words));
            runs.push(run(220.0, 695.0 - 15.0 * i as f32, 300.0, words));
        }
        let refs: Vec<&Run> = runs.iter().collect();
        let (g0, g1) = gutter(&refs).expect("a gutter");
        assert!(g0 >= 160.0 && g1 <= 220.0, "{g0}..{g1}");
        // The same text with the right column on the left column's baselines: dates beside
        // entries, not a sidebar.
        for (i, r) in runs.iter_mut().enumerate() {
            r.y = 700.0 - 14.0 * (i / 2) as f32;
        }
        let refs: Vec<&Run> = runs.iter().collect();
        assert_eq!(gutter(&refs), None);
    }

    #[test]
    fn gutter_search_is_bounded_on_absurd_coordinates() {
        let mut runs: Vec<Run> = (0..300)
            .map(|i| {
                run(
                    i as f32 * 1e6,
                    700.0 - i as f32,
                    -5.0,
                    "text of a hostile file",
                )
            })
            .collect();
        runs.push(run(f32::MAX / 2.0, 10.0, 1e30, "far away"));
        let refs: Vec<&Run> = runs.iter().collect();
        let started = std::time::Instant::now();
        let _ = gutter(&refs);
        assert!(started.elapsed().as_secs() < 5);
    }

    fn line_text(runs: Vec<Run>) -> String {
        let doc = build_doc(runs, &[], &[842.0]);
        doc.blocks.first().map(|b| b.text()).unwrap_or_default()
    }

    #[test]
    fn word_spaces_from_gaps() {
        // TeX-like: spaces are gaps of about 0.15–0.25 em, kerning gaps near zero.
        let tex = vec![
            run(40.0, 700.0, 21.8, "neue"),
            run(61.7, 700.0, 26.3, "fische"),
            run(89.7, 700.0, 27.4, "GmbH"),
            run(118.7, 700.0, 20.0, "Berl"),
            run(138.6, 700.0, 8.0, "in"),
        ];
        assert_eq!(line_text(tex), "neuefische GmbH Berlin");
        // Glyph by glyph, loosely fitted (0.12 em apart), with the spaces drawn as glyphs.
        let mut loose = Vec::new();
        let mut x = 40.0;
        for c in "Co n".chars() {
            loose.push(run(x, 700.0, 5.0, &c.to_string()));
            x += 6.2;
        }
        for c in "tributed".chars() {
            loose.push(run(x, 700.0, 5.0, &c.to_string()));
            x += 6.2;
        }
        assert_eq!(line_text(loose), "Co ntributed");
    }

    #[test]
    fn ligatures_soft_hyphens_and_icons() {
        assert_eq!(clean("\u{FB01}nance o\u{FB03}ce"), "finance office");
        assert_eq!(clean("data\u{00AD}base"), "database");
        assert_eq!(clean("\u{00AD}"), "-");
        assert_eq!(clean("\u{f095} +44 113"), " +44 113");
        assert_eq!(clean("Malmö — Żelazny"), "Malmö — Żelazny");
    }
}
