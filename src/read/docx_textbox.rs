//! Text boxes in a DOCX (`w:txbxContent`), which two-column templates use for a sidebar and
//! which docx-rs does not return. A small scan of `word/document.xml` finds them, keeps one copy
//! of each (Word writes a modern and a fallback version, `mc:Choice` and `mc:Fallback`), and
//! notes which top-level paragraph or table anchors each so its text is read in place.
//! [`part_paragraphs`] reads every paragraph of another part the same way (a page header or
//! footer, where some templates put the name, the headline or a whole sidebar).

/// A paragraph found inside a text box.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoxParagraph {
    /// Runs: text, bold, italic.
    pub runs: Vec<(String, bool, bool)>,
    /// The paragraph style id, if any.
    pub style: Option<String>,
    pub numbered: bool,
}

/// Text boxes by anchor: the index of the top-level body element (paragraph or table) they
/// sit in, and their paragraphs.
pub fn text_boxes(xml: &str) -> Vec<(usize, Vec<BoxParagraph>)> {
    let mut out: Vec<(usize, Vec<BoxParagraph>)> = Vec::new();
    let Some(body_at) = xml.find("<w:body") else {
        return out;
    };
    let mut pos = body_at;
    // Depth of top-level elements (w:p, w:tbl) directly in the body.
    let mut top_depth = 0usize;
    let mut top_index: isize = -1;
    let mut in_fallback = 0usize;
    let mut in_box = 0usize;
    let mut current: Option<BoxParagraph> = None;
    let mut style = (false, false);
    while let Some(rel) = xml.get(pos..).and_then(|s| s.find('<')) {
        let start = pos + rel;
        let Some(end_rel) = xml.get(start..).and_then(|s| s.find('>')) else {
            break;
        };
        let end = start + end_rel;
        let tag = &xml[start + 1..end];
        pos = end + 1;
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        match name {
            "w:p" | "w:tbl" if in_box == 0 => {
                if closing {
                    top_depth = top_depth.saturating_sub(1);
                } else if !self_closing {
                    if top_depth == 0 {
                        top_index += 1;
                    }
                    top_depth += 1;
                }
            }
            "mc:Fallback" => {
                if closing {
                    in_fallback = in_fallback.saturating_sub(1);
                } else if !self_closing {
                    in_fallback += 1;
                }
            }
            "w:txbxContent" if in_fallback == 0 => {
                if closing {
                    in_box = in_box.saturating_sub(1);
                } else if !self_closing {
                    if in_box == 0 {
                        out.push((usize::try_from(top_index.max(0)).unwrap_or(0), Vec::new()));
                    }
                    in_box += 1;
                }
            }
            _ => {}
        }
        if in_box == 0 || in_fallback > 0 {
            continue;
        }
        match name {
            "w:p" if !closing && !self_closing => current = Some(BoxParagraph::default()),
            "w:p" if closing => {
                if let (Some(p), Some(last)) = (current.take(), out.last_mut()) {
                    if p.runs.iter().any(|(t, _, _)| !t.trim().is_empty()) {
                        last.1.push(p);
                    }
                }
            }
            _ => {
                run_tag(
                    name,
                    tag,
                    (closing, self_closing),
                    xml,
                    &mut pos,
                    &mut style,
                    current.as_mut(),
                );
            }
        }
    }
    out.retain(|(_, ps)| !ps.is_empty());
    out
}

/// Every paragraph of a part (a header or footer), text boxes included, once each (the
/// `mc:Fallback` copy skipped), in the order they close: a text box's paragraphs before the
/// paragraph that anchors it.
pub fn part_paragraphs(xml: &str) -> Vec<BoxParagraph> {
    let mut out = Vec::new();
    let mut open: Vec<BoxParagraph> = Vec::new();
    let mut in_fallback = 0usize;
    let mut style = (false, false);
    let mut pos = 0;
    while let Some(rel) = xml.get(pos..).and_then(|s| s.find('<')) {
        let start = pos + rel;
        let Some(end_rel) = xml.get(start..).and_then(|s| s.find('>')) else {
            break;
        };
        let end = start + end_rel;
        let tag = xml.get(start + 1..end).unwrap_or("");
        pos = end + 1;
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        if name == "mc:Fallback" {
            if closing {
                in_fallback = in_fallback.saturating_sub(1);
            } else if !self_closing {
                in_fallback += 1;
            }
            continue;
        }
        if in_fallback > 0 {
            continue;
        }
        match name {
            "w:p" if !closing && !self_closing => open.push(BoxParagraph::default()),
            "w:p" if closing => {
                if let Some(p) = open.pop() {
                    if p.runs.iter().any(|(t, _, _)| !t.trim().is_empty()) {
                        out.push(p);
                    }
                }
            }
            _ => {
                run_tag(
                    name,
                    tag,
                    (closing, self_closing),
                    xml,
                    &mut pos,
                    &mut style,
                    open.last_mut(),
                );
            }
        }
    }
    out
}

/// What a run-level tag does to the paragraph being read: `w:r` starts a run (plain until its
/// `w:b`/`w:i`), `w:pStyle` and `w:numPr` describe the paragraph, `w:tab`, `w:br` and `w:t`
/// add text. `pos` moves past a `w:t`'s text; `style` is the current run's (bold, italic).
fn run_tag(
    name: &str,
    tag: &str,
    (closing, self_closing): (bool, bool),
    xml: &str,
    pos: &mut usize,
    style: &mut (bool, bool),
    para: Option<&mut BoxParagraph>,
) {
    let on = !tag.contains("w:val=\"0\"") && !tag.contains("w:val=\"false\"");
    match name {
        "w:r" if !closing => *style = (false, false),
        "w:b" => style.0 = on,
        "w:i" => style.1 = on,
        "w:pStyle" => {
            if let Some(p) = para {
                p.style = attr(tag, "w:val");
            }
        }
        "w:numPr" => {
            if let Some(p) = para {
                p.numbered = true;
            }
        }
        "w:tab" if self_closing => push_run(para, "\t", *style),
        "w:br" => push_run(para, "\n", *style),
        "w:t" if !closing && !self_closing => {
            let text_end = xml
                .get(*pos..)
                .and_then(|s| s.find("</w:t>"))
                .map_or(*pos, |r| *pos + r);
            let text = unescape(xml.get(*pos..text_end).unwrap_or(""));
            push_run(para, &text, *style);
            *pos = text_end;
        }
        _ => {}
    }
}

/// Adds text to a paragraph, merging with its last run when the style is the same.
fn push_run(para: Option<&mut BoxParagraph>, text: &str, (bold, italic): (bool, bool)) {
    if let Some(p) = para {
        match p.runs.last_mut() {
            Some(last) if last.1 == bold && last.2 == italic && text != "\n" && last.0 != "\n" => {
                last.0.push_str(text)
            }
            _ => p.runs.push((text.to_string(), bold, italic)),
        }
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let rest = tag.get(at..)?;
    Some(rest[..rest.find('"')?].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_text_boxes_once_with_their_anchor() {
        let xml = r#"<w:document><w:body>
            <w:p><w:r><w:t>Main one</w:t></w:r></w:p>
            <w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><wps:txbx><w:txbxContent>
                <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>SKILLS</w:t></w:r></w:p>
                <w:p><w:r><w:t xml:space="preserve">Rust &amp; Go</w:t></w:r></w:p>
            </w:txbxContent></wps:txbx></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>SKILLS</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>
            </mc:AlternateContent></w:r></w:p>
            <w:p><w:r><w:t>Main two</w:t></w:r></w:p>
        </w:body></w:document>"#;
        let boxes = text_boxes(xml);
        assert_eq!(boxes.len(), 1);
        assert_eq!(boxes[0].0, 1);
        assert_eq!(boxes[0].1.len(), 2);
        assert_eq!(boxes[0].1[0].style.as_deref(), Some("Heading1"));
        assert_eq!(
            boxes[0].1[0].runs,
            vec![("SKILLS".to_string(), true, false)]
        );
        assert_eq!(boxes[0].1[1].runs[0].0, "Rust & Go");
    }
}
