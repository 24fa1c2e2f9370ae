//! Builds a `Doc` from arbitrary bytes for the `extract` fuzz target and its regression test:
//! one block per line, its kind from the first character, `|` for a line break inside the
//! block and `>` before a flush-right part, so the fuzzer reaches block shapes no reader makes.

use resumeconv::doc::{Block, Doc, Kind, Span};

fn spans(text: &str, bold: bool) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, part) in text.split('|').enumerate() {
        if i > 0 {
            out.push(Span::line_break());
        }
        let mut span = Span::plain(part);
        span.bold = bold;
        out.push(span);
    }
    out
}

pub fn doc_from_bytes(data: &[u8]) -> Doc {
    let text = String::from_utf8_lossy(data);
    let mut doc = Doc::default();
    for (n, line) in text.lines().enumerate() {
        let mut chars = line.chars();
        let Some(tag) = chars.next() else { continue };
        let rest = chars.as_str();
        let t = tag as u32;
        let kind = match t % 8 {
            0 => Kind::Heading((t / 8 % 4) as u8 + 1),
            1 => Kind::ListItem((t / 8 % 3) as u8 + 1),
            2 => Kind::Quote,
            3 => Kind::Rule,
            4 => Kind::Term,
            5 => Kind::Definition,
            _ => Kind::Paragraph,
        };
        let (left, right) = rest.split_once('>').unwrap_or((rest, ""));
        let mut block = Block::new(kind, spans(left, t % 16 > 8), n + 1);
        block.right = spans(right, false);
        doc.blocks.push(block);
    }
    doc
}
