//! A margin column beside the text (Europass, the tabular CV, moderncv's dates): its dates
//! wrapped over two lines joined, and each date alone in it attached to the line beside it
//! as that line's part set flush right.

use super::{Run, TextLine};
use std::collections::HashMap;

/// Every visible run of the line ends left of the text column.
fn in_margin(l: &TextLine, column: f32) -> bool {
    l.runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .all(|r| r.x + r.width < column)
        && !l.text().trim().is_empty()
}

/// A date range wrapped in a margin column ("Déc. 2023—" over "Aujourd'hui", as moderncv
/// and similar layouts set the dates beside each entry) is one date: the second fragment
/// joins the first, so the range stays with the entry it stands beside.
pub(super) fn join_wrapped_margin_dates(lines: &mut Vec<TextLine>, column: f32) {
    let in_margin = |l: &TextLine| in_margin(l, column);
    let dash_end = |t: &str| t.trim_end().ends_with(['-', '–', '—', '‑', '‐']);
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = lines.get(i) else { break };
        // A range cut after its dash, or after the end's month ("August 2015 – February"
        // over "2019").
        let cut = |t: &str| {
            dash_end(t)
                || t.trim_end().ends_with(|c: char| c.is_alphabetic())
                    && t.contains(['-', '–', '—'])
        };
        if !in_margin(first) || !cut(&first.text()) {
            i += 1;
            continue;
        }
        let (page, y, size) = (first.page, first.y, first.size.max(1.0));
        let next = lines
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, l)| l.page == page && in_margin(l) && l.y < y && y - l.y <= 2.0 * size);
        let joined = next.and_then(|(j, l)| {
            let text = format!("{} {}", first.text().trim_end(), l.text().trim());
            let words = l.text().split_whitespace().count();
            let range = crate::extract::dates::find_range(&text)?;
            (words <= 3 && crate::extract::dates::only_date(&text, &range)).then_some(j)
        });
        if let Some(j) = joined {
            let tail = lines.remove(j);
            if let Some(first) = lines.get_mut(i) {
                if let Some(last) = first.runs.last() {
                    let space = Run {
                        text: " ".into(),
                        x: last.x + last.width,
                        width: 0.0,
                        link: None,
                        ..last.clone()
                    };
                    first.runs.push(space);
                }
                // The fragment moves up to the first one's baseline.
                let y = first.y;
                first
                    .runs
                    .extend(tail.runs.into_iter().map(|r| Run { y, ..r }));
            }
        }
        i += 1;
    }
}

/// A date alone in a margin column beside the first line of an entry (Europass, the
/// "tabellarischer Lebenslauf", moderncv) is that entry's date: it joins the line beside it
/// as the part set flush right, the way most layouts print an entry's dates, so that one
/// reading of entries serves both.
pub(super) fn attach_margin_dates(lines: &mut Vec<TextLine>, column: f32) {
    let in_margin = |l: &TextLine| in_margin(l, column);
    let mut right_edge: HashMap<usize, f32> = HashMap::new();
    for l in lines.iter() {
        let end = l.runs.last().map_or(0.0, |r| r.x + r.width);
        let e = right_edge.entry(l.page).or_insert(0.0);
        *e = e.max(end);
    }
    // One pass into a new list (no removal from the middle: a page of margin dates stays
    // linear).
    let mut out: Vec<TextLine> = Vec::with_capacity(lines.len());
    let mut rest = std::mem::take(lines).into_iter().peekable();
    while let Some(margin) = rest.next() {
        let Some(beside) = rest.peek() else {
            out.push(margin);
            break;
        };
        let text = margin.text();
        let date_only = crate::extract::dates::is_date_only(&text);
        let same_line = margin.page == beside.page
            && (margin.y - beside.y).abs() < 0.5 * margin.size.max(beside.size)
            && !in_margin(beside)
            && !beside.runs.iter().any(|r| r.text == "\t")
            // A line that has a date of its own is not what the margin date belongs to (a
            // sidebar's date beside the main column's dated line).
            && crate::extract::dates::find_range(&beside.text()).is_none();
        let (true, Some(template)) = (
            in_margin(&margin) && date_only && same_line,
            margin.runs.first().cloned(),
        ) else {
            out.push(margin);
            continue;
        };
        let Some(mut line) = rest.next() else { break };
        let edge = right_edge.get(&margin.page).copied().unwrap_or(0.0);
        let end = line.runs.last().map_or(line.x, |r| r.x + r.width);
        let width: f32 = margin.runs.iter().map(|r| r.width).sum();
        let start = (edge - width).max(end + 2.5 * line.size + 1.0);
        line.runs.push(Run {
            text: "\t".into(),
            x: end,
            width: start - end,
            link: None,
            ..template.clone()
        });
        line.runs.push(Run {
            text: text.trim().to_string(),
            x: start,
            width,
            y: line.y,
            link: None,
            ..template
        });
        out.push(line);
    }
    *lines = out;
}
