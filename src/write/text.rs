//! Plain text out: what a person pastes into an applicant-tracking system's form — section
//! headings in capitals, one fact per line (an entry's heading, then its dates, then its
//! place), plain `-` bullets, addresses written out, no decoration that confuses a parser.
//! Lines are not wrapped unless asked (`--wrap N`): forms re-flow text themselves, and a hard
//! break in the middle of a sentence is what they show worst.

use crate::doc::{Doc, Kind, Span};
use crate::error::{Error, Warning};
use crate::format::{WriteContext, Writer};
use crate::model::Resume;

/// The plain text of a document, lines wrapped at `wrap` columns when given.
pub fn to_string(doc: &Doc, wrap: Option<usize>) -> String {
    let mut out = String::new();
    let mut prev: Option<Kind> = None;
    let mut in_entry = false;
    for b in &doc.blocks {
        if let Kind::Heading(level) = b.kind {
            in_entry = level >= 3;
        }
        // An entry is one group of lines (its heading, dates, place, address, text, bullets)
        // and groups are separated by blank lines, as people lay out a text CV; two
        // paragraphs of prose keep the blank line that makes them two.
        let prose_after_prose = prev == Some(Kind::Paragraph) && b.kind == Kind::Paragraph;
        let together = matches!((prev, b.kind), (Some(Kind::ListItem(_)), Kind::ListItem(_)))
            || (in_entry && !matches!(b.kind, Kind::Heading(_)) && !prose_after_prose);
        if prev.is_some() {
            out.push_str(if together { "\n" } else { "\n\n" });
        }
        let (first, rest) = match b.kind {
            Kind::ListItem(depth) => {
                let indent = "  ".repeat(usize::from(depth));
                (format!("{indent}- "), format!("{indent}  "))
            }
            // Plain text has no quotation markup: a quote is its text (with its marks).
            Kind::Quote => (String::new(), String::new()),
            _ => (String::new(), String::new()),
        };
        match b.kind {
            Kind::Rule => out.push_str("----"),
            // Section headings in capitals, as text CVs mark them and parsers expect.
            Kind::Heading(2) => out.push_str(&inline(&b.spans).to_uppercase()),
            _ => {
                let text = inline(&b.spans);
                out.push_str(&wrapped(&text, &first, &rest, wrap));
                // What a page sets flush right (an entry's dates) is the next line here.
                if !b.right.is_empty() {
                    out.push('\n');
                    out.push_str(&inline(&b.right));
                }
            }
        }
        prev = Some(b.kind);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Spans as plain text: a link shows its address after its text when the text is not the
/// address itself ("GitHub: ana (https://github.com/ana)"); a `mailto:` link is its text.
fn inline(spans: &[Span]) -> String {
    let mut s = String::new();
    for span in spans {
        s.push_str(&span.text);
        if let Some(url) = &span.link {
            let shown = url.strip_prefix("mailto:").unwrap_or(url);
            if shown != span.text.trim() {
                s.push_str(&format!(" ({url})"));
            }
        }
    }
    s
}

/// A block's lines, each wrapped at `width` columns (counted in characters) when asked;
/// `first` opens the block and `rest` indents its continuation lines.
fn wrapped(text: &str, first: &str, rest: &str, width: Option<usize>) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let lead = if i == 0 { first } else { rest };
        let Some(width) = width else {
            out.push_str(lead);
            out.push_str(line);
            continue;
        };
        let mut col = lead.chars().count();
        out.push_str(lead);
        let mut at_start = true;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let n = word.chars().count();
            if !at_start && col + 1 + n > width {
                out.push('\n');
                out.push_str(rest);
                col = rest.chars().count();
                at_start = true;
            }
            if !at_start {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += n;
            at_start = false;
        }
    }
    out
}

/// The plain-text row of the format registry.
pub struct TextWriter;
pub const WRITER: TextWriter = TextWriter;

impl Writer for TextWriter {
    fn write(&self, resume: &Resume, ctx: &WriteContext) -> Result<(Vec<u8>, Vec<Warning>), Error> {
        let doc = crate::present::present_in(resume, crate::locale::Words::of(&ctx.meta.lang));
        Ok((to_string(&doc, ctx.options.wrap).into_bytes(), Vec::new()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Block;

    fn block(kind: Kind, text: &str) -> Block {
        Block::new(kind, vec![Span::plain(text)], 1)
    }

    #[test]
    fn headings_in_capitals_and_each_entry_one_group_of_lines() {
        let mut entry = block(Kind::Heading(3), "Acme — Engineer");
        entry.right = vec![Span::plain("Mar 2022 – Present")];
        let doc = Doc {
            blocks: vec![
                block(Kind::Heading(1), "Ana Lima"),
                block(Kind::Heading(2), "Experience"),
                entry,
                block(Kind::Paragraph, "Berlin"),
                block(Kind::ListItem(0), "Shipped the thing"),
                block(Kind::ListItem(0), "Ran the other thing"),
            ],
            embedded: None,
        };
        assert_eq!(
            to_string(&doc, None),
            "Ana Lima\n\nEXPERIENCE\n\nAcme — Engineer\nMar 2022 – Present\nBerlin\n\
             - Shipped the thing\n- Ran the other thing\n"
        );
    }

    #[test]
    fn wrapping_keeps_words_and_indents_bullets() {
        let text = wrapped("one two three four five six", "- ", "  ", Some(12));
        assert_eq!(text, "- one two\n  three four\n  five six");
        for line in text.lines() {
            assert!(line.chars().count() <= 12);
        }
        // A word longer than the line stays whole.
        assert_eq!(
            wrapped("https://example.com/a/long/path", "", "", Some(10)),
            "https://example.com/a/long/path"
        );
    }

    #[test]
    fn links_show_their_address() {
        let spans = vec![Span {
            text: "GitHub: ana".into(),
            link: Some("https://github.com/ana".into()),
            ..Span::default()
        }];
        assert_eq!(inline(&spans), "GitHub: ana (https://github.com/ana)");
        let mail = vec![Span {
            text: "ana@example.org".into(),
            link: Some("mailto:ana@example.org".into()),
            ..Span::default()
        }];
        assert_eq!(inline(&mail), "ana@example.org");
    }
}
