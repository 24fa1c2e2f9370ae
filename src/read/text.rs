//! Plain text in: lines → [`Doc`], recognising the conventions of text CVs and of text dumped
//! from PDFs: ALL-CAPS headings, headings underlined with `===`/`---` or followed by a run of
//! dashes (`SKILLS ------`), bullets (`•` `·` `▪` `‣` `◦` `–` `-` `*` `o`, numbers), nesting by
//! indentation, wrapped bullet lines, page numbers, and the light inline Markdown that some
//! tools leave in their text output (`**bold**`, `[text](url)`).

use crate::doc::{Block, Doc, Kind, Span, push_text};

/// Heading levels used for plain text, from the strongest signal to the weakest.
const LEVEL_RULED: u8 = 1;
const LEVEL_UNDERLINED_MINOR: u8 = 2;
const LEVEL_CAPS: u8 = 3;
/// An entry's name in brackets (`[ Acme Corp ]`), below every section level.
const LEVEL_ENTRY: u8 = 4;

/// `SKILLS -------` or `== Skills ==`: a title followed by a run of rule characters.
pub fn dashed_heading(line: &str) -> Option<&str> {
    // Every such line ends in three rule characters or more: most lines are ruled out here.
    let rule = |c: char| matches!(c, '=' | '-' | '_' | '~' | '—' | '–');
    line.trim_end()
        .chars()
        .rev()
        .take_while(|c| rule(*c))
        .nth(2)?;
    let caps = crate::lite_re!(crate::patterns::UNDERLINED_TITLE).captures(line)?;
    let title = caps.get(1)?.as_str().trim();
    (title.chars().any(char::is_alphabetic) && title.chars().count() <= 60).then_some(title)
}

/// A title framed by decoration, as plain-text CVs draw section names: `*** SKILLS ****`,
/// `=== Experience ===`, `--- Education ---`, `### Projects ###`, `>> Languages <<`,
/// `|| Work ||`, `+-- Contact --+`. At least three decoration characters before the title
/// (or two on both sides); the title is short and has letters.
pub fn framed_heading(line: &str) -> Option<&str> {
    // Every such line opens with two decoration characters or more.
    let frame = |c: char| "*=#~+_-—–:>|".contains(c);
    line.trim_start().chars().take_while(|c| frame(*c)).nth(1)?;
    let caps = crate::lite_re!(crate::patterns::FRAMED_TITLE).captures(line)?;
    let pre = caps.name("pre")?.as_str().chars().count();
    let post = caps.name("post").map_or(0, |m| {
        m.as_str().chars().filter(|c| !c.is_whitespace()).count()
    });
    let title = caps.name("t")?.as_str().trim();
    let framed = pre >= 3 || (pre >= 2 && post >= 2);
    (framed
        && title.chars().any(char::is_alphabetic)
        && title.split_whitespace().count() <= 6
        && !title.contains('@'))
    .then_some(title)
}

/// `[ Acme Corp ]`: a name set in brackets on a line of its own, as plain-text CVs mark an
/// employer or a school (an entry's heading, one level below the sections).
fn bracketed_heading(line: &str) -> Option<&str> {
    let t = line.trim();
    if !t.starts_with('[') || !t.ends_with(']') {
        return None;
    }
    let caps = crate::lite_re!(crate::patterns::BRACKETED_TITLE).captures(line)?;
    let title = caps.get(1)?.as_str();
    title.chars().any(char::is_alphabetic).then_some(title)
}

/// A line made only of rule characters (`-----`, `=====`, `* * *`).
fn rule_char(line: &str) -> Option<char> {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let first = t.chars().next()?;
    (t.chars().count() >= 3
        && matches!(first, '-' | '=' | '_' | '*' | '~' | '─' | '━')
        && t.chars().all(|c| c == first))
    .then_some(first)
}

/// A bullet at the start of a line: its marker length in bytes.
fn bullet(line: &str) -> Option<usize> {
    let m = crate::lite_re!(crate::patterns::ITEM_MARKER).find(line)?;
    Some(m.end())
}

/// A page number or page footer line that is not content (`Page 2 of 3`, `- 2 -`, `2/3`).
/// A line that ends in a page number after a column gap (`Name – Title      Page 1 of 2`) is
/// a running header or footer as a whole.
fn page_marker(line: &str) -> bool {
    // Both shapes hold a digit.
    line.bytes().any(|b| b.is_ascii_digit())
        && crate::lite_re!(crate::patterns::PAGE_NUMBER_LINE).is_match(line)
        || crate::lite_re!(crate::patterns::PAGE_NUMBER_AT_END).is_match(line)
}

/// True for a short line in capitals: a heading in plain-text CVs.
fn is_caps_heading(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && t.split_whitespace().count() <= 6
        && !t.contains('@')
        && t.chars().filter(char::is_ascii_digit).count() <= 2
}

/// Reads plain text into a [`Doc`].
pub fn read(text: &str) -> Doc {
    let mut doc = Doc::default();
    let mut para: Option<Block> = None;
    // Indentation of open list levels, outermost first.
    let mut indents: Vec<usize> = Vec::new();
    let mut last_item_indent: Option<usize> = None;
    let mut prev_blank = true;

    let flush = |doc: &mut Doc, para: &mut Option<Block>| {
        if let Some(b) = para.take() {
            doc.blocks.push(b);
        }
    };

    for (i, raw) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end().replace('\u{c}', "");
        let trimmed = line.trim_start();
        let indent = line
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum::<usize>();

        if trimmed.is_empty() {
            flush(&mut doc, &mut para);
            last_item_indent = None;
            prev_blank = true;
            continue;
        }
        if page_marker(trimmed) {
            continue;
        }
        if let Some(c) = rule_char(trimmed) {
            // An underline makes the single line above it a heading.
            let underline_len = trimmed.chars().count();
            let single = para
                .as_ref()
                .filter(|p| p.kind == Kind::Paragraph && !p.spans.iter().any(Span::is_break));
            if let Some(p) = single {
                let len = p.text().chars().count();
                if matches!(c, '=' | '-' | '~')
                    && underline_len * 2 >= len
                    && underline_len <= len * 2 + 2
                {
                    let mut p = para
                        .take()
                        .unwrap_or_else(|| Block::new(Kind::Paragraph, Vec::new(), line_no));
                    p.kind = Kind::Heading(if c == '=' {
                        LEVEL_RULED
                    } else {
                        LEVEL_UNDERLINED_MINOR
                    });
                    doc.blocks.push(p);
                    prev_blank = true;
                    continue;
                }
            }
            flush(&mut doc, &mut para);
            doc.blocks.push(Block::new(Kind::Rule, Vec::new(), line_no));
            last_item_indent = None;
            prev_blank = true;
            continue;
        }
        if let Some(title) = bracketed_heading(trimmed) {
            flush(&mut doc, &mut para);
            doc.blocks.push(Block::new(
                Kind::Heading(LEVEL_ENTRY),
                inline(title),
                line_no,
            ));
            last_item_indent = None;
            prev_blank = true;
            continue;
        }
        if let Some(title) = dashed_heading(trimmed).or_else(|| framed_heading(trimmed)) {
            flush(&mut doc, &mut para);
            doc.blocks.push(Block::new(
                Kind::Heading(LEVEL_RULED),
                inline(title),
                line_no,
            ));
            last_item_indent = None;
            prev_blank = true;
            continue;
        }
        if let Some(len) = bullet(trimmed) {
            flush(&mut doc, &mut para);
            while indents.last().is_some_and(|&d| d > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            let depth = u8::try_from(indents.len().saturating_sub(1)).unwrap_or(u8::MAX);
            para = Some(Block::new(
                Kind::ListItem(depth),
                inline(trimmed.get(len..).unwrap_or("")),
                line_no,
            ));
            last_item_indent = Some(indent);
            prev_blank = false;
            continue;
        }
        // A wrapped bullet: an indented line right after a bullet continues it.
        if let (Some(item_indent), Some(p)) = (last_item_indent, para.as_mut()) {
            if indent > item_indent && matches!(p.kind, Kind::ListItem(_)) {
                push_text(&mut p.spans, " ", false, false, false, None);
                p.spans.extend(inline(trimmed));
                continue;
            }
        }
        last_item_indent = None;
        indents.clear();
        if prev_blank && is_caps_heading(trimmed) && !trimmed.contains(':') {
            flush(&mut doc, &mut para);
            doc.blocks.push(Block::new(
                Kind::Heading(LEVEL_CAPS),
                inline(trimmed),
                line_no,
            ));
            continue;
        }
        match para.as_mut() {
            Some(p) if p.kind == Kind::Paragraph => {
                p.spans.push(Span::line_break());
                p.spans.extend(inline(&line));
            }
            _ => {
                flush(&mut doc, &mut para);
                para = Some(Block::new(Kind::Paragraph, inline(&line), line_no));
            }
        }
        prev_blank = false;
    }
    flush(&mut doc, &mut para);
    two_columns(&mut doc, text);
    title_then_dates(&mut doc);
    doc
}

/// A group of lines whose first line is followed by a line that is only a date ("Acme —
/// Engineer" / "Mar 2021 – Present") is an entry: the first line is its heading, as a text
/// CV sets an entry's title over its dates.
fn title_then_dates(doc: &mut Doc) {
    let mut out = Vec::with_capacity(doc.blocks.len());
    for b in std::mem::take(&mut doc.blocks) {
        let lines = b.lines();
        let text_of = |l: &[Span]| {
            crate::doc::collapse(&l.iter().map(|s| s.text.as_str()).collect::<String>())
        };
        let split = b.kind == Kind::Paragraph
            && lines.len() >= 2
            && lines.first().is_some_and(|l| {
                let t = text_of(l);
                !t.is_empty()
                    && t.chars().count() <= 120
                    && !crate::extract::dates::is_date_only(&t)
            })
            && lines
                .get(1)
                .is_some_and(|l| crate::extract::dates::is_date_only(&text_of(l)));
        if !split {
            out.push(b);
            continue;
        }
        let mut lines = lines.into_iter();
        let title = lines.next().unwrap_or_default();
        out.push(Block::new(Kind::Heading(LEVEL_ENTRY), title, b.line));
        // Each line after the title is a fact of its own (dates, place, address, text).
        for (i, l) in lines.enumerate() {
            if !l.is_empty() {
                out.push(Block::new(Kind::Paragraph, l, b.line + 1 + i));
            }
        }
    }
    doc.blocks = out;
}

/// Paragraphs after the first heading that are laid out in two columns (dates or labels
/// left, content right: [`super::text_columns`]) are rebuilt from their raw lines. The
/// opening lines stay as they are: a name and contact details beside each other are not a
/// label and its value.
fn two_columns(doc: &mut Doc, text: &str) {
    let raw: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let Some(first_heading) = doc
        .blocks
        .iter()
        .position(|b| matches!(b.kind, Kind::Heading(_)))
    else {
        return;
    };
    let mut out: Vec<Block> = Vec::with_capacity(doc.blocks.len());
    for (i, b) in std::mem::take(&mut doc.blocks).into_iter().enumerate() {
        let n = 1 + b.spans.iter().filter(|s| s.is_break()).count();
        let lines = b
            .line
            .checked_sub(1)
            .and_then(|start| raw.get(start..start + n));
        let rebuilt = match lines {
            Some(lines) if i > first_heading && b.kind == Kind::Paragraph => {
                super::text_columns::two_column_blocks(lines, b.line)
            }
            _ => None,
        };
        match rebuilt {
            Some(blocks) => out.extend(blocks),
            None => out.push(b),
        }
    }
    doc.blocks = out;
}

/// Light inline Markdown as text exports leave it: `**bold**`, `__bold__`, `*italic*`,
/// `[text](url)`, `<url>`. Anything else is literal text; columns (tabs, runs of spaces) are
/// kept as a tab.
pub fn inline(s: &str) -> Vec<Span> {
    let re = crate::lite_re!(crate::patterns::INLINE_MARKUP);
    let columns = crate::lite_re!(crate::patterns::COLUMN_GAP);
    let mut spans = Vec::new();
    let mut last = 0;
    let plain = |spans: &mut Vec<Span>, text: &str| {
        if text.contains('\t') || text.contains("   ") {
            let text = columns.replace_all(text, "\t");
            push_text(spans, &text, false, false, false, None);
        } else {
            push_text(spans, text, false, false, false, None);
        }
    };
    // Every piece of markup holds one of these: a line without them is text as it stands.
    let marked = s.contains("**") || s.contains("__") || s.contains("](") || s.contains('<');
    for caps in re.captures_iter(if marked { s } else { "" }) {
        let Some(m) = caps.get(0) else { continue };
        plain(&mut spans, &s[last..m.start()]);
        if let Some(b) = caps.name("b").or_else(|| caps.name("b2")) {
            push_text(&mut spans, b.as_str(), true, false, false, None);
        } else if let (Some(t), Some(u)) = (caps.name("lt"), caps.name("lu")) {
            // Bold inside the link text (`[**x**](url)`) keeps its weight.
            let (text, bold) = match t
                .as_str()
                .strip_prefix("**")
                .and_then(|x| x.strip_suffix("**"))
            {
                Some(inner) => (inner, true),
                None => (t.as_str(), false),
            };
            push_text(&mut spans, text, bold, false, false, Some(u.as_str()));
        } else if let Some(a) = caps.name("au") {
            push_text(
                &mut spans,
                a.as_str(),
                false,
                false,
                false,
                Some(a.as_str()),
            );
        }
        last = m.end();
    }
    plain(&mut spans, &s[last..]);
    // Leading indentation is not content.
    if let Some(first) = spans.first_mut() {
        let t = first.text.trim_start().to_string();
        first.text = t;
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

/// The plain-text row of the format registry.
pub struct TextReader;
pub const READER: TextReader = TextReader;

impl crate::format::Reader for TextReader {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &crate::Limits,
    ) -> Result<(crate::format::Parsed, Vec<crate::Warning>), crate::Error> {
        let (text, warning) = crate::read::decode::decode(bytes, name)?;
        limits.check_lines(&text, name)?;
        Ok((
            crate::format::Parsed::Doc(read(&text)),
            warning.into_iter().collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans_text(spans: &[Span]) -> String {
        crate::doc::collapse(&spans.iter().map(|s| s.text.as_str()).collect::<String>())
    }

    fn kinds(doc: &Doc) -> Vec<(Kind, String)> {
        doc.blocks.iter().map(|b| (b.kind, b.text())).collect()
    }

    #[test]
    fn headings_bullets_and_paragraphs() {
        let doc = read(
            "Jane Doe\nEmail: j@x.io\n====================================\n\nSKILLS ---------\n\n- Web: HTML CSS\n  and more\n    • nested\n\nEXPERIENCE\nAcme, Engineer (2019 - 2020)\nDid things.\n\nPage 2 of 3\n",
        );
        assert_eq!(
            kinds(&doc),
            vec![
                (Kind::Paragraph, "Jane Doe Email: j@x.io".into()),
                (Kind::Rule, String::new()),
                (Kind::Heading(1), "SKILLS".into()),
                (Kind::ListItem(0), "Web: HTML CSS and more".into()),
                (Kind::ListItem(1), "nested".into()),
                (Kind::Heading(3), "EXPERIENCE".into()),
                (
                    Kind::Paragraph,
                    "Acme, Engineer (2019 - 2020) Did things.".into()
                ),
            ]
        );
    }

    #[test]
    fn framed_headings_in_several_styles() {
        for (line, title) in [
            ("*** BERUFSERFAHRUNG ****************", "BERUFSERFAHRUNG"),
            ("=== Formation ===", "Formation"),
            ("--- Educación ---", "Educación"),
            ("### Projects ###", "Projects"),
            (">>> Langues", "Langues"),
            ("|| Umiejętności ||", "Umiejętności"),
            ("+-- Contact --+", "Contact"),
            ("  ~~~ Interests ~~~", "Interests"),
        ] {
            let doc = read(&format!("Ola Nordmann\n\n{line}\n\nSomething under it\n"));
            let b = &doc.blocks[1];
            assert_eq!(b.kind, Kind::Heading(LEVEL_RULED), "{line}");
            assert_eq!(spans_text(&b.spans), title, "{line}");
        }
        for line in [
            "-- Ola",
            "- item",
            "** note",
            "=> see below",
            "*** 2019 ***x@y.z",
        ] {
            assert_eq!(framed_heading(line), None, "{line}");
        }
    }

    #[test]
    fn bracketed_entry_names() {
        let doc = read("EXPERIENCE\n\n[ Vestfold Bakeri AS ]\nBaker, 2019 - 2021\n");
        assert_eq!(doc.blocks[1].kind, Kind::Heading(LEVEL_ENTRY));
        assert_eq!(spans_text(&doc.blocks[1].spans), "Vestfold Bakeri AS");
    }

    #[test]
    fn underlined_heading() {
        let doc = read("Experience\n----------\nAcme\n");
        assert_eq!(doc.blocks[0].kind, Kind::Heading(2));
    }

    #[test]
    fn inline_markdown() {
        let s = inline("Lead for [**Quantum**](https://q.example) and **bold** <me@x.io>");
        assert_eq!(spans_text(&s), "Lead for Quantum and bold me@x.io");
        assert!(
            s.iter()
                .any(|x| x.bold && x.link.as_deref() == Some("https://q.example"))
        );
    }
}
