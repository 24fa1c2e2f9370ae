//! Lines and parts: the units extraction reasons about.
//!
//! A [`Line`] is one line of a block with its spans and source line. A [`Part`] is a piece of
//! a header line, cut at style changes (bold then italic) and at the separators people use
//! (` - ` ` — ` ` | ` `;` tabs, runs of spaces, ` at ` and its unambiguous equivalents in
//! other languages: `presso`, `chez`, `bei`, `bij`), each keeping its style and link.

use super::dates::DateRange;
use crate::doc::{Block, Doc, Kind, Span, collapse};
use std::cell::OnceCell;

/// One line of the document.
#[derive(Debug, Clone)]
pub struct Line {
    pub kind: Kind,
    pub spans: Vec<Span>,
    /// Collapsed text of the spans.
    pub text: String,
    /// 1-based source line.
    pub line: usize,
    /// First line of its block.
    pub first: bool,
    /// Index of its block in the document.
    pub block: usize,
    /// The first date or range in the text, found once when first asked for.
    date: OnceCell<Option<DateRange>>,
}

impl Line {
    pub fn new(kind: Kind, spans: Vec<Span>, line: usize, first: bool, block: usize) -> Line {
        let text = clean_text(&spans.iter().map(|s| s.text.as_str()).collect::<String>());
        Line {
            kind,
            spans,
            text,
            line,
            first,
            block,
            date: OnceCell::new(),
        }
    }

    /// The first date or date range in the line.
    pub fn date(&self) -> Option<&DateRange> {
        self.date
            .get_or_init(|| super::dates::find_range(&self.text))
            .as_ref()
    }

    /// The line is a date and nothing else.
    pub fn is_date_only(&self) -> bool {
        self.date()
            .is_some_and(|r| super::dates::only_date(&self.text, r))
    }

    /// Replaces the text (and forgets what was found in the old one).
    pub fn set_text(&mut self, text: String) {
        self.text = text;
        self.date = OnceCell::new();
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, Kind::Heading(_))
    }

    pub fn heading_level(&self) -> Option<u8> {
        match self.kind {
            Kind::Heading(l) => Some(l),
            _ => None,
        }
    }

    pub fn is_item(&self) -> bool {
        matches!(self.kind, Kind::ListItem(_))
    }

    pub fn depth(&self) -> u8 {
        match self.kind {
            Kind::ListItem(d) => d,
            _ => 0,
        }
    }

    /// Every visible character is bold (or, with `any_style`, bold, italic or underlined).
    pub fn all_styled(&self, any_style: bool) -> bool {
        let mut seen = false;
        for s in &self.spans {
            if s.text.trim().is_empty() {
                continue;
            }
            let ok = if any_style { s.styled() } else { s.bold };
            if !ok {
                return false;
            }
            seen = true;
        }
        seen
    }

    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// Ends like a sentence.
    pub fn sentence_like(&self) -> bool {
        self.text.ends_with(['.', '!', '?']) && self.words() > 3
    }
}

/// Like [`collapse`], but a narrow no-break space stays: it ties two words into one name, and the
/// rules that cut a heading into fields respect it. Extraction turns it into a plain space
/// once the fields are found.
pub fn collapse_keeping_binds(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() && c != '\u{202f}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_matches('\u{202f}').to_string()
}

/// Text as people read it: whitespace collapsed, typographic spaces normalised, stray
/// bullet characters at the start removed.
pub fn clean_text(s: &str) -> String {
    let c = collapse(s);
    let c = c
        .trim_start_matches(['·', '•', '▪', '‣', '◦', '●'])
        .trim_start();
    c.to_string()
}

/// Cuts the document into lines. List items stay one line each; other blocks are cut at their
/// line breaks.
pub fn lines(doc: &Doc) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        push_block(&mut out, b, i);
    }
    outermost_list_level(&mut out);
    out
}

/// List depth is relative: the outermost items of a list are its top level however far the
/// page indents them (a PDF sets an entry's bullets in from the margin, under its header; a
/// Markdown list nested in nothing). Each run of items is shifted so its shallowest item has
/// depth 0.
fn outermost_list_level(lines: &mut [Line]) {
    let mut start = 0;
    while start < lines.len() {
        let end = start
            + lines
                .get(start..)
                .unwrap_or(&[])
                .iter()
                .take_while(|l| l.is_item())
                .count();
        if end == start {
            start += 1;
            continue;
        }
        let run = lines.get_mut(start..end).unwrap_or(&mut []);
        let min = run.iter().map(Line::depth).min().unwrap_or(0);
        if min > 0 {
            for l in run {
                l.kind = Kind::ListItem(l.depth() - min);
            }
        }
        start = end;
    }
}

fn push_block(out: &mut Vec<Line>, b: &Block, index: usize) {
    match b.kind {
        Kind::Rule => out.push(Line::new(Kind::Rule, Vec::new(), b.line, true, index)),
        Kind::ListItem(_) => {
            let spans: Vec<Span> = b
                .spans
                .iter()
                .map(|s| {
                    if s.is_break() {
                        Span::plain(" ")
                    } else {
                        s.clone()
                    }
                })
                .collect();
            let l = Line::new(b.kind, spans, b.line, true, index);
            if !l.text.is_empty() {
                out.push(l);
            }
        }
        _ => {
            for (n, mut spans) in b.lines().into_iter().enumerate() {
                // "- item" on a line of its own inside a paragraph is a bullet (text
                // converted as if it were Markdown keeps them so).
                let mut kind = b.kind;
                if n > 0 && b.kind != Kind::Quote {
                    if let Some(first) = spans.first_mut() {
                        let t = first.text.trim_start();
                        if let Some(rest) = t
                            .strip_prefix(['-', '•', '*', '·', '▪', '–'])
                            .filter(|r| r.starts_with(' '))
                        {
                            first.text = rest.trim_start().to_string();
                            kind = Kind::ListItem(0);
                        }
                    }
                }
                let l = Line::new(kind, spans, b.line + n, n == 0, index);
                if !l.text.is_empty() {
                    out.push(l);
                }
            }
        }
    }
}

/// A piece of a header line.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
    /// The part came right after "at", "@", "presso", "chez", "bei" or "bij": in a header it
    /// names the employer, and the part before it is the position.
    pub after_at: bool,
}

impl Part {
    pub fn styled(&self) -> bool {
        self.bold || self.italic
    }
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// Where a line's text is cut into parts, left to right: a tab; two spaces or more; a dash,
/// bar or bullet between spaces (or opening the line, or ending it after a space); a
/// semicolon before a space; "at", "@", "presso", "chez", "bei", "bij" between spaces. A narrow
/// no-break space (U+202F) binds: a dash or "at" between such spaces is inside a name
/// ("Solutions Architect – Professional" as this tool prints it), never a cut.
pub fn separators(text: &str) -> Vec<std::ops::Range<usize>> {
    let space = |c: char| c.is_whitespace() && c != '\u{202F}';
    let dash = |c: char| matches!(c, '-' | '–' | '—' | '|' | '·' | '•');
    // The end of a run of spaces from `at`, if there is one.
    let spaces = |at: usize| {
        let e = text[at..]
            .char_indices()
            .find(|(_, c)| !space(*c))
            .map_or(text.len(), |(i, _)| at + i);
        (e > at).then_some(e)
    };
    let mut out = Vec::new();
    let mut p = 0;
    while p < text.len() {
        let Some(c) = text.get(p..).and_then(|t| t.chars().next()) else {
            p += 1;
            continue;
        };
        let found = if c == '\t' {
            Some(p + 1)
        } else if space(c) {
            let q = p + c.len_utf8();
            let run = spaces(p).unwrap_or(q);
            if run > q {
                Some(run) // two spaces or more
            } else {
                let rest = &text[q..];
                let dashes = rest
                    .char_indices()
                    .find(|(_, c)| !dash(*c))
                    .map_or(rest.len(), |(i, _)| i);
                let word = ["at", "@", "--", "presso", "chez", "bei", "bij"]
                    .iter()
                    .find(|w| rest.starts_with(**w))
                    .map(|w| q + w.len());
                (dashes > 0)
                    .then(|| spaces(q + dashes))
                    .flatten()
                    .or_else(|| rest.starts_with(';').then(|| spaces(q + 1)).flatten())
                    .or_else(|| {
                        let last = rest.chars().next().filter(|c| dash(*c))?;
                        (last.len_utf8() == rest.len()).then_some(text.len())
                    })
                    .or_else(|| word.and_then(spaces))
                    // "Designer @Havas": an at sign before a capital, after a space, is
                    // "at" (an e-mail address has no space before its at sign).
                    .or_else(|| {
                        let mut cs = rest.chars();
                        (cs.next() == Some('@') && cs.next().is_some_and(char::is_uppercase))
                            .then_some(q + 1)
                    })
            }
        } else if c == ';' {
            spaces(p + 1)
        } else if p == 0 && dash(c) {
            spaces(c.len_utf8())
        } else {
            None
        };
        match found {
            Some(e) => {
                out.push(p..e);
                p = e;
            }
            None => p += c.len_utf8(),
        }
    }
    out
}

/// Cuts spans into parts at style changes and separators. Text is cleaned of Markdown
/// leftovers and of punctuation at the cut.
pub fn parts(spans: &[Span]) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let mut prev_style: Option<(bool, bool)> = None;
    let mut space_before = false;
    let mut ended_with_separator = false;
    let mut pending_at = false;
    for s in spans {
        if s.is_break() {
            prev_style = None;
            continue;
        }
        let style = (s.bold, s.italic || s.underline);
        let mut first = true;
        // Each piece with the separator that ended it.
        let mut pieces: Vec<&str> = Vec::new();
        let mut ends_at: Vec<bool> = Vec::new();
        let mut from = 0;
        for m in separators(&s.text) {
            pieces.push(s.text.get(from..m.start).unwrap_or(""));
            ends_at.push(matches!(
                s.text[m.clone()].trim(),
                "at" | "@" | "presso" | "chez" | "bei" | "bij"
            ));
            from = m.end;
        }
        pieces.push(s.text.get(from..).unwrap_or(""));
        ends_at.push(false);
        for (k, piece) in pieces.iter().copied().enumerate() {
            let at_here = ends_at.get(k).copied().unwrap_or(false);
            let continues = first && prev_style == Some(style) && !ended_with_separator;
            first = false;
            let text = collapse_keeping_binds(piece);
            if text.is_empty() {
                space_before = true;
                pending_at |= at_here;
                continue;
            }
            match out.last_mut() {
                Some(last) if continues && !pending_at => {
                    if space_before || piece.starts_with(char::is_whitespace) {
                        last.text.push(' ');
                    }
                    last.text.push_str(&text);
                }
                _ => out.push(Part {
                    text,
                    bold: style.0,
                    italic: style.1,
                    link: s.link.clone(),
                    after_at: std::mem::take(&mut pending_at),
                }),
            }
            pending_at = at_here;
            space_before = false;
        }
        // "Osaka, JP · " then a link: the separator ends the part.
        ended_with_separator =
            pieces.len() > 1 && pieces.last().is_some_and(|p| p.trim().is_empty());
        if !s.text.trim().is_empty() {
            prev_style = Some(style);
        }
        space_before = s.text.ends_with(char::is_whitespace);
    }
    for p in &mut out {
        p.text = tidy(&p.text);
    }
    out.retain(|p| p.text.chars().any(char::is_alphanumeric));
    out
}

/// Trims separators and stray punctuation from the ends of a part.
pub fn tidy(s: &str) -> String {
    let t = s
        .trim()
        .trim_start_matches([',', '-', '–', '—', '|', ':', ';', '·', '•', ' '])
        .trim_end_matches([',', '-', '–', '—', '|', ':', ';', '·', '•', ' ']);
    let t = t.trim();
    // An unmatched closing bracket left by a cut date: "(Jan 2012" / "Foo)".
    let opens = t.matches('(').count();
    let closes = t.matches(')').count();
    let t = if closes > opens {
        t.trim_end_matches(')').trim()
    } else {
        t
    };
    let t = if opens > closes {
        t.trim_end_matches('(').trim()
    } else {
        t
    };
    t.to_string()
}

/// Splits text at top-level commas (not inside parentheses).
pub fn split_commas(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        // A comma before a narrow no-break space is inside a name ("Acme, Inc." as this tool
        // prints it).
        let bound = chars.peek() == Some(&'\u{202f}');
        if (c == ',' || c == ';') && depth <= 0 && !bound {
            out.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    out.push(cur.trim().to_string());
    out.retain(|x| !x.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_what_the_expression_found() {
        let re = regex::Regex::new(r"\t|[\s&&[^\x{202F}]]{2,}|[\s&&[^\x{202F}]]+[-–—|·•]+[\s&&[^\x{202F}]]+|[\s&&[^\x{202F}]]*;[\s&&[^\x{202F}]]+|^[-–—|·•][\s&&[^\x{202F}]]+|[\s&&[^\x{202F}]]+[-–—|·•]$|[\s&&[^\x{202F}]]+at[\s&&[^\x{202F}]]+|[\s&&[^\x{202F}]]+@[\s&&[^\x{202F}]]+|[\s&&[^\x{202F}]]+--[\s&&[^\x{202F}]]+|[\s&&[^\x{202F}]]+(?:presso|chez|bei|bij)[\s&&[^\x{202F}]]+|[\s&&[^\x{202F}]]+@\p{Lu}")
            .unwrap_or_else(|e| panic!("{e}"));
        let pieces: &[&str] = &[
            "Acme",
            "Berlin",
            "-",
            "–",
            "—",
            "|",
            "·",
            "•",
            "--",
            ";",
            "at",
            "@",
            "presso",
            "chez",
            "bei",
            "bij",
            "atlas",
            "@Havas",
            "@acme",
            "x",
            "é",
            "2019",
            "Senior Engineer",
            "\u{202f}",
            "\t",
            " ",
        ];
        let gaps: &[&str] = &[" ", "", "  ", "\t", "\u{a0}", "\u{202f}", " \u{202f}", "\n"];
        let bit = crate::testgen::agree(
            21,
            40_000,
            (pieces, gaps, 7),
            // "designer @Havas": the at sign is the separator, the capital after it is not.
            |s| {
                re.find_iter(s)
                    .map(|m| {
                        let r = m.range();
                        match m.as_str().char_indices().last() {
                            Some((i, c)) if c.is_uppercase() && m.as_str()[..i].ends_with('@') => {
                                r.start..r.start + i
                            }
                            _ => r,
                        }
                    })
                    .collect::<Vec<_>>()
            },
            separators,
        );
        assert!(bit > 20_000, "{bit}");
    }

    fn span(t: &str, bold: bool, italic: bool) -> Span {
        Span {
            text: t.into(),
            bold,
            italic,
            ..Span::default()
        }
    }

    #[test]
    fn parts_cut_at_style_and_separators() {
        let p = parts(&[
            span("Meta, NYC, remote", true, false),
            span(" ", false, false),
            span("- Senior Software Engineer, Backend", false, true),
        ]);
        let t: Vec<&str> = p.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(
            t,
            vec!["Meta, NYC, remote", "Senior Software Engineer, Backend"]
        );
        assert!(p[0].bold && p[1].italic);
        let p = parts(&[span("Title | Company | City", false, false)]);
        assert_eq!(p.len(), 3);
        for (line, title, org) in [
            (
                "Meccanico presso Officina Rossi",
                "Meccanico",
                "Officina Rossi",
            ),
            (
                "Développeuse chez Octo Technology",
                "Développeuse",
                "Octo Technology",
            ),
            ("Werkstudent bei Siemens AG", "Werkstudent", "Siemens AG"),
            ("Ontwikkelaar bij Bol.com", "Ontwikkelaar", "Bol.com"),
        ] {
            let p = parts(&[span(line, false, false)]);
            assert_eq!(
                p.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(),
                vec![title, org]
            );
        }
        let p = parts(&[span("Engineer at Acme Corp", false, false)]);
        assert_eq!(
            p.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(),
            vec!["Engineer", "Acme Corp"]
        );
    }

    #[test]
    fn commas_respect_parentheses() {
        assert_eq!(
            split_commas("AWS (EC2, RDS), Python, Go"),
            vec!["AWS (EC2, RDS)", "Python", "Go"]
        );
    }
}
