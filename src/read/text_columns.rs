//! Plain text set in two columns with tabs or runs of spaces: a narrow left column of dates
//! or labels, the content on the right, its further lines indented to the content column
//! ("2014-Now⇥Designer @Havas, Paris" / "⇥⇥Web design, Data visualisation"; "Web⇥⇥HTML,
//! CSS," / "⇥⇥Sass, Git"). This is how people lay out a CV in a text editor, and what
//! `pdftotext -layout` prints for a tabular CV. A date on the left becomes the entry line's
//! date set flush right, the way the other readers give it; a label becomes a term with its
//! definition (a skill group, "Languages", "Interests"); the indented lines go on the right.

use crate::doc::{Block, Kind, Span};

/// The longest left cell, in characters and words.
const MAX_LEFT_CHARS: usize = 28;
const MAX_LEFT_WORDS: usize = 4;

/// The left cell and the rest of a line split at its first column gap (a tab, or three
/// spaces or more) after some text.
fn split_cell(line: &str) -> Option<(&str, &str)> {
    let start = line.len() - line.trim_start().len();
    let body = line.get(start..)?;
    let gap = body
        .char_indices()
        .find(|(i, c)| {
            *c == '\t' || (*c == ' ' && body.get(*i..).is_some_and(|r| r.starts_with("   ")))
        })
        .map(|(i, _)| i)?;
    let (left, rest) = body.split_at(gap);
    let right = rest.trim_start();
    (!left.trim().is_empty() && !right.is_empty()).then_some((left.trim(), right))
}

/// A date standing in for a real one ("XXXX — XXXX", "20XX"): left out.
fn placeholder_date(s: &str) -> bool {
    s.chars().any(|c| c == 'X' || c == 'x')
        && s.chars()
            .all(|c| matches!(c, 'X' | 'x' | '0'..='9' | ' ' | '-' | '–' | '—' | '/' | '.'))
}

/// The next line goes on from the one before it (a wrapped line), rather than being a
/// line of its own: the one before ends with a comma or a joining word, or this one starts
/// in lower case.
fn wraps_on(before: &str, next: &str) -> bool {
    let before = before.trim_end();
    before.ends_with([',', ';', '-', '/', '&'])
        || before.rsplit(' ').next().is_some_and(|w| {
            matches!(
                w,
                "and" | "or" | "of" | "for" | "the" | "und" | "et" | "y" | "e"
            )
        })
        || (next.trim_start().starts_with(char::is_lowercase) && !address_like(next))
}

/// A web address or an e-mail address on its own ("www.havas.com"): a line of its own.
fn address_like(s: &str) -> bool {
    let t = s.trim();
    !t.contains(' ')
        && (t.contains('@') || t.contains("://") || t.starts_with("www.") || t.contains('.'))
}

/// The blocks a paragraph of raw `lines` becomes when it is a two-column cell: its first
/// line holds a short left cell and the content, every further line is indented under
/// the content. `None` when the paragraph is not laid out so.
pub fn two_column_blocks(lines: &[&str], line_no: usize) -> Option<Vec<Block>> {
    let (first, rest) = lines.split_first()?;
    let (left, right) = split_cell(first)?;
    if left.chars().count() > MAX_LEFT_CHARS
        || left.split_whitespace().count() > MAX_LEFT_WORDS
        || left.ends_with([',', '.', ';'])
    {
        return None;
    }
    let content_indent = |l: &&str| l.starts_with('\t') || l.starts_with("    ");
    if !rest.iter().all(content_indent) {
        return None;
    }
    // The right column's lines: wrapped ones joined, the others kept apart.
    let mut pieces: Vec<String> = vec![right.trim().to_string()];
    for l in rest {
        let t = l.trim();
        match pieces.last_mut() {
            Some(last) if wraps_on(last, t) => {
                last.push(' ');
                last.push_str(t);
            }
            _ => pieces.push(t.to_string()),
        }
    }
    let body = |pieces: &[String]| -> Vec<Span> {
        let mut spans = Vec::new();
        for (k, p) in pieces.iter().enumerate() {
            if k > 0 {
                spans.push(Span::line_break());
            }
            spans.extend(super::text::inline(p));
        }
        spans
    };
    let date = crate::extract::dates::is_date_only(left);
    if placeholder_date(left) {
        return Some(vec![Block::new(Kind::Paragraph, body(&pieces), line_no)]);
    }
    if date {
        let mut spans = body(pieces.get(..1).unwrap_or_default());
        spans.push(Span::plain(format!("\t{left}")));
        for p in pieces.iter().skip(1) {
            spans.push(Span::line_break());
            spans.extend(super::text::inline(p));
        }
        return Some(vec![Block::new(Kind::Paragraph, spans, line_no)]);
    }
    Some(vec![
        Block::new(Kind::Term, super::text::inline(left), line_no),
        Block::new(Kind::Definition, body(&pieces), line_no),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<(Kind, String)> {
        blocks
            .iter()
            .map(|b| (b.kind, b.spans.iter().map(|s| s.text.as_str()).collect()))
            .collect()
    }

    #[test]
    fn a_date_on_the_left_goes_flush_right() {
        for gap in ["\t", "\t\t", "    ", "   "] {
            let first = format!("2014-2019{gap}Designer @Havas, Paris");
            let lines = [
                first.as_str(),
                "\t\tWeb design, Data visualisation",
                "\t\twww.havas.com",
            ];
            let b = two_column_blocks(&lines, 1).unwrap();
            assert_eq!(
                texts(&b),
                vec![(
                    Kind::Paragraph,
                    "Designer @Havas, Paris\t2014-2019\nWeb design, Data visualisation\nwww.havas.com"
                        .to_string()
                )],
                "{gap:?}"
            );
        }
    }

    #[test]
    fn a_label_on_the_left_is_a_term_and_wrapped_lines_join() {
        let lines = [
            "Web\t\tHTML, CSS, Sass,",
            "\t\tGit, Github",
            "\t\tand jQuery",
        ];
        let b = two_column_blocks(&lines, 1).unwrap();
        assert_eq!(
            texts(&b),
            vec![
                (Kind::Term, "Web".to_string()),
                (
                    Kind::Definition,
                    "HTML, CSS, Sass, Git, Github and jQuery".to_string()
                )
            ]
        );
        let lines = ["Sprachen    Deutsch, Englisch"];
        let b = two_column_blocks(&lines, 1).unwrap();
        assert_eq!(b.first().map(|b| b.kind), Some(Kind::Term));
    }

    #[test]
    fn other_paragraphs_are_left_alone() {
        // No gap; a long left cell; a second line not indented; a sentence before a gap.
        for lines in [
            &["Designer at Havas, Paris", "Web design"][..],
            &["Worked on many things for a long time\tthen more"][..],
            &["2014-2019\tDesigner", "Web design"][..],
            &["Hello there, world.\tx"][..],
        ] {
            assert!(two_column_blocks(lines, 1).is_none(), "{lines:?}");
        }
    }

    #[test]
    fn placeholder_dates_are_left_out() {
        let b = two_column_blocks(
            &["XXXX — XXXX\tDevBootcamp, San Francisco", "\t\tTraining"],
            1,
        )
        .unwrap();
        assert_eq!(
            texts(&b),
            vec![(
                Kind::Paragraph,
                "DevBootcamp, San Francisco\nTraining".to_string()
            )]
        );
    }
}
