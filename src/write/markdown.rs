//! Markdown out: a [`Doc`] as clean CommonMark a person is glad to edit and that renders well
//! on GitHub. Characters that mean something in Markdown are escaped where they would.

use crate::doc::{Doc, Kind, Span};
use std::io::Write;

/// Renders a document as Markdown, one blank line between blocks and a trailing newline.
pub fn write(doc: &Doc, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(to_string(doc).as_bytes())
}

/// The Markdown text of a document.
pub fn to_string(doc: &Doc) -> String {
    let mut s = String::new();
    let mut prev: Option<Kind> = None;
    for b in &doc.blocks {
        // Consecutive list items of one list stay together.
        let tight = matches!((prev, b.kind), (Some(Kind::ListItem(_)), Kind::ListItem(_)));
        if prev.is_some() {
            s.push_str(if tight { "\n" } else { "\n\n" });
        }
        match b.kind {
            Kind::Heading(level) => {
                s.push_str(&"#".repeat(usize::from(level.clamp(1, 6))));
                s.push(' ');
                s.push_str(&inline(&b.spans, true));
                // Markdown has no right-aligned text: what goes flush right (an entry's
                // dates) is the line under the heading.
                if !b.right.is_empty() {
                    s.push_str("\n\n");
                    s.push_str(&inline(&b.right, true));
                }
            }
            Kind::ListItem(depth) => {
                s.push_str(&"  ".repeat(usize::from(depth)));
                s.push_str("- ");
                s.push_str(&inline(&b.spans, false));
            }
            Kind::Quote => {
                s.push_str("> ");
                s.push_str(&inline(&b.spans, true).replace('\n', "\n> "));
            }
            Kind::Rule => s.push_str("---"),
            Kind::Paragraph | Kind::Term | Kind::Definition => s.push_str(&inline(&b.spans, true)),
        }
        prev = Some(b.kind);
    }
    if !s.is_empty() {
        s.push('\n');
    }
    s
}

/// Inline spans as Markdown: emphasis markers outside the spaces they would otherwise touch,
/// links as `[text](url)` (or `<url>` when the text is the address).
fn inline(spans: &[Span], block_start_escapes: bool) -> String {
    let mut s = String::new();
    for span in spans {
        if span.is_break() {
            s.push_str("  \n");
            continue;
        }
        let text = span.text.as_str();
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        let core = text.trim();
        if core.is_empty() {
            s.push_str(text);
            continue;
        }
        let mut body = escape(core);
        if let Some(url) = &span.link {
            body = if url == core && !url.contains(['<', '>', ' ']) {
                format!("<{url}>")
            } else {
                format!("[{body}]({})", url.replace(' ', "%20").replace(')', "%29"))
            };
        }
        if span.italic {
            body = format!("*{body}*");
        }
        if span.bold {
            body = format!("**{body}**");
        }
        s.push_str(lead);
        s.push_str(&body);
        s.push_str(trail);
    }
    if block_start_escapes {
        escape_block_start(&s)
    } else {
        s
    }
}

/// Escapes characters that Markdown would read as formatting.
pub fn escape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph that would start like a heading, a list or a quote is escaped.
fn escape_block_start(s: &str) -> String {
    let starts_list = s.split_once(['.', ')']).is_some_and(|(n, rest)| {
        !n.is_empty()
            && n.len() <= 9
            && n.bytes().all(|b| b.is_ascii_digit())
            && (rest.is_empty() || rest.starts_with(' '))
    });
    if s.starts_with(['#', '-', '+', '=', '~']) {
        format!("\\{s}")
    } else if starts_list {
        let at = s.find(['.', ')']).unwrap_or(0);
        format!("{}\\{}", &s[..at], &s[at..])
    } else {
        s.to_string()
    }
}

/// The Markdown row of the format registry.
pub struct MarkdownWriter;
pub const WRITER: MarkdownWriter = MarkdownWriter;

impl crate::format::Writer for MarkdownWriter {
    fn write(
        &self,
        resume: &crate::model::Resume,
        ctx: &crate::format::WriteContext,
    ) -> Result<(Vec<u8>, Vec<crate::Warning>), crate::Error> {
        let doc = crate::present::present_in(resume, crate::locale::Words::of(&ctx.meta.lang));
        Ok((to_string(&doc).into_bytes(), Vec::new()))
    }
}
