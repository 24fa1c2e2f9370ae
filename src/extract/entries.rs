//! Entries: where a new job, school, project or award starts, and how its header splits into
//! organisation, position, location and dates.
//!
//! An entry starts at a sub-heading, a definition term, a bold line, or a short line with a
//! date; a date on its own line belongs to the header next to it. The header is cut into
//! parts (see [`super::lines::parts`]); each part is scored as organisation, position or
//! location from the lexicon, and parts are assigned by best score, so any order works.

use super::Found;
use super::dates::{self, DateRange};
use super::lexicon::{self, Section};
use super::lines::{Line, Part, parts, split_commas, tidy};
use super::sections::{Chunk, testimonial};
use crate::doc::{Kind, Span};
use crate::model::{
    self, Award, Certificate, Education, Project, Publication, Reference, Volunteer, Work,
};

/// An entry before its fields are assigned.
#[derive(Debug)]
struct Raw {
    section: Section,
    header: Vec<Line>,
    dates: Option<DateRange>,
    body: Vec<Line>,
    /// Body text that was on the header line itself, after the header's parts.
    tail: Option<String>,
    /// Places given on lines of their own ("- Warsaw").
    places: Vec<String>,
}

const CONNECTORS: &[&str] = &[
    "of", "and", "&", "for", "the", "at", "in", "de", "der", "und", "du", "des", "la",
];

fn ends_with_connector(s: &str) -> bool {
    s.ends_with(',')
        || s.split_whitespace()
            .last()
            .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
}

/// A date range at the very start of a line, set apart from what follows ("2007 - M.S. at
/// …", "July 2006 - Sep. 2006: Intern …"), or at its very end ("… (2019–2021)").
fn date_at_edge(line: &Line) -> bool {
    line.date().is_some_and(|r| {
        let before = line.text.get(..r.span.start).unwrap_or("");
        let after = line.text.get(r.span.end..).unwrap_or("");
        let edge = |s: &str| s.trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
        (edge(before) && after.split_whitespace().count() >= 1)
            || (edge(after) && before.split_whitespace().count() >= 2)
    })
}

/// A section written as a list of one-line entries, each bullet carrying its own dates
/// ("- 2012 – 2015: Postdoc, University of Oslo"): at least two top-level bullets dated at
/// an edge, most of them so, and no heading or term to open entries otherwise. Then every
/// dated bullet is an entry of its own and undated bullets under it are its details.
fn dated_item_entries(lines: &[Line]) -> bool {
    let top: Vec<&Line> = lines
        .iter()
        .filter(|l| l.is_item() && l.depth() == 0)
        .collect();
    let dated = top.iter().filter(|l| date_at_edge(l)).count();
    dated >= 2
        && dated * 3 >= top.len() * 2
        && !lines.iter().any(|l| {
            l.is_heading() || l.kind == Kind::Term || (!l.is_item() && l.all_styled(false))
        })
}

/// True when a line starts a new entry.
fn starts_entry(
    line: &Line,
    section: Section,
    current: Option<&Raw>,
    dated_items: bool,
    next_is_date: bool,
) -> bool {
    if dated_items && line.is_item() {
        return line.depth() == 0 && date_at_edge(line) || current.is_none();
    }
    if line.is_heading() || line.kind == Kind::Term {
        return true;
    }
    // "Courses: …", "Roles: …", "Grade: …" describe the entry they are in.
    if current.is_some()
        && line
            .text
            .split_once(": ")
            .is_some_and(|(l, _)| label_kind(l).is_some())
    {
        return false;
    }
    if line.is_item() {
        // In sections of one-line entries, each top-level bullet is an entry (unless the
        // entry was opened by a heading, whose details the bullets are).
        let heading_entry = current.is_some_and(|c| c.header.first().is_some_and(Line::is_heading));
        return line.depth() == 0
            && ((matches!(
                section,
                Section::Awards | Section::Certificates | Section::Publications
            ) && !heading_entry)
                || current.is_none());
    }
    if !line.first {
        if current.is_some_and(|c| awaits_dated_line(c, line)) {
            return false;
        }
        // One-line entries written one after another without a blank line between them:
        // a short line with a date at its start or end starts the next one.
        return current
            .is_some_and(|c| c.header.iter().any(|h| h.block == line.block) || !c.body.is_empty())
            && !line.sentence_like()
            && line.date().is_some_and(|r| {
                let before = &line.text[..r.span.start];
                let after = &line.text[r.span.end..];
                before
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .is_empty()
                    || after
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .is_empty()
            })
            && line.words() <= 16;
    }
    if current.is_none() {
        return true;
    }
    // Another school after a school: a new entry, even with no text in between.
    if section == Section::Education
        && is_school(&line.text)
        && line.words() <= 10
        && current.is_some_and(|c| c.header.iter().any(|h| is_school(&h.text)))
    {
        return true;
    }
    // "**brillo** - text", "**Shortener** | Node.js", "**Acme**, Berlin": a bold lead-in
    // followed by a separator.
    let mut visible = line.spans.iter().filter(|s| !s.text.trim().is_empty());
    if let (Some(a), Some(b)) = (visible.next(), visible.next()) {
        if a.bold
            && !b.bold
            && b.text
                .trim_start()
                .starts_with(['-', '–', '—', '|', '·', '•', ',', '('])
            && !line.sentence_like()
        {
            return true;
        }
    }
    // A line whose next line (in the same block) is only a date: the date belongs to it, so
    // it is a header ("Assistant Teacher – Bright Minds School" then "Aug 2018 – Dec 2020").
    if next_is_date && !line.sentence_like() && line.words() <= 16 {
        return true;
    }
    // The current entry is complete: text under it, or a header of several lines with dates.
    let after_body = current.is_none_or(|c| {
        !c.body.is_empty()
            || c.tail.is_some()
            || (c.dates.is_some()
                && c.header.len() >= 2
                && !c.header.first().is_some_and(Line::is_heading))
    });
    // A bold "Label: value" line ("**Client: Verisure**") describes the entry it is in.
    let labelled = line
        .text
        .split_once(": ")
        .is_some_and(|(l, _)| l.split_whitespace().count() <= 3);
    if line.all_styled(false) && line.words() <= 12 && !(labelled && current.is_some()) {
        return true;
    }
    // After an entry's bullets, a plain line with dates is the next entry's header, however
    // long ("Stripe, Junior Developer, Jun 2020 - Dec 2021, San Francisco, CA").
    let after_bullets = current.is_some_and(|c| c.body.last().is_some_and(Line::is_item));
    if after_bullets && line.date().is_some() && !line.sentence_like() && line.words() <= 20 {
        return true;
    }
    if let Some(r) = line.date() {
        let at_start = line.text[..r.span.start]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty();
        let at_end = line.text[r.span.end..]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty();
        if at_start
            || (at_end && !line.sentence_like())
            || (line.words() <= 10 && !line.sentence_like())
        {
            return true;
        }
    }
    after_body && line.words() <= 8 && !line.text.ends_with(['.', '!', '?', ':']) && !line.is_item()
}

/// The part of a line set flush right (after a tab), when it has one.
fn flush_right(line: &Line) -> Option<String> {
    let all: String = line.spans.iter().map(|s| s.text.as_str()).collect();
    let (_, right) = all.rsplit_once('\t')?;
    Some(right.trim().to_string()).filter(|r| !r.is_empty())
}

/// The part set flush right is only a date ("Engineer ⇥ 2019 – 2021").
fn dated_flush_right(line: &Line) -> bool {
    flush_right(line).is_some_and(|d| dates::is_date_only(&d))
}

/// The part set flush right is a short undated one: a place ("Acme GmbH ⇥ Berlin").
fn place_flush_right(line: &Line) -> bool {
    flush_right(line)
        .is_some_and(|p| dates::find_range(&p).is_none() && p.split_whitespace().count() <= 6)
}

/// The spans before a line's last tab, and the text after it.
fn cut_flush_right(spans: &[Span]) -> (Vec<Span>, String) {
    let Some(at) = spans.iter().rposition(|s| s.text.contains('\t')) else {
        return (spans.to_vec(), String::new());
    };
    let mut left: Vec<Span> = spans.iter().take(at).cloned().collect();
    let mut right = String::new();
    if let Some(s) = spans.get(at) {
        let (before, after) = s.text.rsplit_once('\t').unwrap_or((&s.text, ""));
        if !before.is_empty() {
            left.push(Span {
                text: before.to_string(),
                ..s.clone()
            });
        }
        right.push_str(after);
    }
    for s in spans.iter().skip(at + 1) {
        right.push_str(&s.text);
    }
    (left, right.trim().to_string())
}

/// The first line of a two-line entry header: the organisation with its place flush right,
/// and no date yet, directly above the role with its dates flush right ("Acme GmbH ⇥
/// Berlin" / "Engineer ⇥ 2019 – 2021"). This is the layout of the common LaTeX and Typst
/// résumé classes (resume.sty, Jake's, sb2nov, moderncv's banking style): an entry header
/// holds one date range, so the dated line under an undated one completes it.
fn awaits_dated_line(raw: &Raw, line: &Line) -> bool {
    let Some(last) = raw.header.last() else {
        return false;
    };
    raw.header.len() == 1
        && raw.body.is_empty()
        && raw.tail.is_none()
        && raw.dates.is_none()
        && last.block == line.block
        && !line.sentence_like()
        && !line.is_item()
        && place_flush_right(last)
        && dated_flush_right(line)
}

/// True when a line right after an entry's header is still part of the header.
fn continues_header(line: &Line, raw: &Raw) -> bool {
    if !raw.body.is_empty() || raw.tail.is_some() || line.is_item() || line.is_heading() {
        return false;
    }
    if awaits_dated_line(raw, line) {
        return true;
    }
    // "Degree: …", "Grade: …", "Roles: …": a labelled detail of the entry, read in its body
    // (also when it is set flush right beside other text).
    let labelled = |t: &str| {
        t.split_once(": ")
            .is_some_and(|(l, _)| label_kind(l).is_some())
    };
    if labelled(&line.text) || flush_right(line).is_some_and(|r| labelled(&r)) {
        return false;
    }
    let Some(last) = raw.header.last() else {
        return false;
    };
    // A heading that already names two fields in two styles ("**Acme** — *Engineer*") is
    // complete: an emphasised line under it describes the entry ("*Fintech start-up*").
    let complete = {
        let ps = parts(&last.spans);
        ps.len() >= 2 && ps.iter().any(|p| p.bold) && ps.iter().any(|p| p.italic && !p.bold)
    };
    let italic_line = line
        .spans
        .iter()
        .all(|s| s.text.trim().is_empty() || (s.italic && !s.bold));
    if complete && italic_line && !is_detail(&line.text) {
        return false;
    }
    // "Analyst @Statnett, Oslo" / "Analyst at Statnett" names the role and the employer:
    // a line under it that is not a date or a place is the entry's text.
    if parts(&last.spans).iter().any(|p| p.after_at)
        && !is_detail(&line.text)
        && line.date().is_none()
        && raw.section == Section::Work
        && last.block == line.block
    {
        return false;
    }
    if ends_with_connector(&last.text) && line.words() <= 6 {
        return true;
    }
    // "Humboldt University of Berlin (2016 - 2018)" then "Master of Science in Statistics".
    if raw.section == Section::Education
        && has_degree(&line.text)
        && line.words() <= 14
        && !is_school(&line.text)
        && line.date().is_none()
    {
        return true;
    }
    // A line of details right under an entry's heading: "Mar 2021 – Present · Malmö, Sweden ·
    // <https://…>", or only an address or a place.
    if last.is_heading()
        && raw.header.len() == 1
        && line.first
        && !line.sentence_like()
        && line.words() <= 16
    {
        let details = parts(&line.spans).iter().all(|p| is_detail(&p.text));
        if details || (line.date().is_some() && line.text.contains(" · ")) {
            return true;
        }
    }
    // "Employer · City" right under an entry's title heading, before any text: the rest of
    // the entry's header (web and PDF themes set the title, then employer and place, then
    // the dates). Only when the last part is a place, so a line of keywords is not taken.
    if last.is_heading()
        && raw.header.len() == 1
        && line.first
        && line.words() <= 10
        && !line.sentence_like()
    {
        let ps = parts(&line.spans);
        let place_last = ps.last().is_some_and(|p| is_location(&p.text));
        let named_first = ps.first().is_some_and(|p| !is_detail(&p.text));
        if ps.len() == 2 && place_last && named_first && line.text.contains(" · ") {
            return true;
        }
    }
    // An emphasised short line right under a one-line header: the role under a company
    // ("**Initrode Conglomerated**" then "*Principal and Creative Lead*"), perhaps with
    // details set apart after it ("**Staff Engineer**   nordpendel.example.com").
    let styled_then_details = {
        let ps = parts(&line.spans);
        ps.split_first().is_some_and(|(role, rest)| {
            role.styled() && !rest.is_empty() && rest.iter().all(|p| is_detail(&p.text))
        })
    };
    // Right under an entry's sub-heading, before any text, a short emphasised or dated line
    // is the entry's details (the employer under a job title, with its place or dates):
    // "### Project Officer" then "**Kairós S.L.** — Madrid".
    let emphasised = line
        .spans
        .iter()
        .any(|s| s.styled() && !s.text.trim().is_empty());
    if last.is_heading()
        && raw.header.len() <= 2
        && raw.header.first().is_some_and(Line::is_heading)
        && line.first
        && line.words() <= 10
        && !line.sentence_like()
        && !line.text.contains(": ")
        && !line.is_heading()
        && (emphasised || line.date().is_some())
    {
        return true;
    }
    if raw.header.len() == 1
        && line.first
        && (line.all_styled(true) || styled_then_details)
        && line.words() <= 10
        && !line.sentence_like()
        && !line.text.contains(':')
        && (last.is_heading() || last.all_styled(true) || last.kind == Kind::Term)
    {
        return true;
    }
    let same_block =
        last.block == line.block || (last.kind == Kind::Term && line.kind == Kind::Definition);
    if same_block {
        return line.words() <= 10
            && !line.sentence_like()
            && (line.all_styled(true) || line.words() <= 6);
    }
    // One field per paragraph (name, then dates, then title): a short line right after a
    // dated header, before any text, is still the header. (Dated: on lines of their own, or
    // set flush right on the header's line, as Europass prints a role and its dates above
    // the employer.)
    let dated = raw.dates.is_some() || dated_flush_right(last);
    dated
        && raw.header.len() == 1
        && line.first
        && line.words() <= 8
        && !line.sentence_like()
        && !line.text.contains(':')
}

/// A piece of an entry's header that is only a detail: a date, a place, an address, a link.
fn is_detail(text: &str) -> bool {
    dates::find_range(text).is_some_and(|r| dates::only_date(text, &r))
        || is_location(text)
        || super::contact::find(text)
            .iter()
            .any(|(r, _)| r.len() + 2 >= text.len())
}

/// Groups a section's lines into raw entries.
fn group(chunk: &Chunk, section: Section, found: &mut Found) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    let mut pending: Option<DateRange> = None;
    // The block of the line that gave `pending` (the entry may go on in the same block).
    let mut pending_block: Option<usize> = None;
    let dated_items = dated_item_entries(&chunk.lines);
    for (index, line) in chunk.lines.iter().enumerate() {
        // A label ("Highlights", "Courses") goes with the body it announces.
        if !line.is_item() && super::sections::is_entry_label(line.text.trim_end_matches(':')) {
            if let Some(cur) = out.last_mut() {
                cur.body.push(line.clone());
            }
            continue;
        }
        // A date or a place alone, right after an entry's header (also as a bullet:
        // "- Jan 2020 – present", "- Gdańsk, Poland"), belongs to that header.
        let fresh = out
            .last()
            .is_some_and(|c| c.body.is_empty() && c.tail.is_none());
        if line.is_item() && fresh {
            if line.is_date_only() && out.last().is_some_and(|c| c.dates.is_none()) {
                if let Some(cur) = out.last_mut() {
                    cur.dates = line.date().cloned();
                }
                continue;
            }
            // A place right after the dates: "Gdańsk, Poland", or a lone town ("Warsaw").
            let after_dates = out
                .last()
                .is_some_and(|c| c.dates.is_some() && c.header.len() == 1);
            let lone_town = after_dates
                && line.words() <= 2
                && split_org_location(&format!("x, {}", line.text)).1.is_some();
            if after_dates && (is_location(&line.text) || lone_town) {
                if let Some(cur) = out.last_mut() {
                    cur.places.push(line.text.clone());
                }
                continue;
            }
        }
        if !line.is_item() && line.is_date_only() {
            let r = line.date().cloned();
            match out.last_mut() {
                Some(cur)
                    if cur.dates.is_none()
                        && cur.body.is_empty()
                        && cur.tail.is_none()
                        && pending.is_none() =>
                {
                    cur.dates = r
                }
                _ => {
                    pending = r;
                    pending_block = Some(line.block);
                }
            }
            continue;
        }
        if out.last().is_some_and(|c| continues_header(line, c)) {
            if let Some(cur) = out.last_mut() {
                let joins = cur
                    .header
                    .last()
                    .is_some_and(|l| ends_with_connector(&l.text));
                match cur.header.last_mut() {
                    Some(last) if joins => {
                        last.spans.push(Span::plain(" "));
                        last.spans.extend(line.spans.iter().cloned());
                        let joined = format!("{} {}", last.text, line.text);
                        last.set_text(joined);
                    }
                    _ => cur.header.push(line.clone()),
                }
            }
            continue;
        }
        // A date given on its own line announces the entry after it.
        let announced = pending.is_some()
            && !line.is_item()
            && (line.first || pending_block == Some(line.block));
        let next_is_date = !line.is_item()
            && chunk
                .lines
                .get(index + 1)
                .is_some_and(|n| n.block == line.block && !n.is_item() && n.is_date_only());
        if announced || starts_entry(line, section, out.last(), dated_items, next_is_date) {
            // Several entries on one line: "**brillo** - text **vscode-rufo** - text".
            for spans in split_inline_entries(&line.spans) {
                let mut l = line.clone();
                l.set_text(super::lines::clean_text(
                    &spans.iter().map(|s| s.text.as_str()).collect::<String>(),
                ));
                l.spans = spans;
                out.push(Raw {
                    section,
                    header: vec![l],
                    dates: pending.take(),
                    body: Vec::new(),
                    tail: None,
                    places: Vec::new(),
                });
            }
            continue;
        }
        match out.last_mut() {
            Some(cur) => {
                // "*Lead Web Designer* **2001-2004** Globally re-engineer …" in one paragraph
                // (a definition flattened by a converter): the emphasised start is header.
                match styled_lead(line)
                    .filter(|_| cur.body.is_empty() && cur.tail.is_none() && !line.is_item())
                {
                    Some((lead, rest)) => {
                        cur.header.push(lead);
                        cur.body.push(rest);
                    }
                    None => cur.body.push(line.clone()),
                }
            }
            None => found.unplaced(line, "before the first entry of a section, not placed"),
        }
    }
    out
}

/// Splits a line that starts with a few emphasised words and goes on with plain text into
/// the two.
fn styled_lead(line: &Line) -> Option<(Line, Line)> {
    let first_plain = line.spans.iter().position(|s| {
        !s.styled() && !s.text.trim().is_empty() && s.text.split_whitespace().count() > 8
    })?;
    if first_plain == 0 {
        return None;
    }
    let (lead, tail) = line.spans.split_at_checked(first_plain)?;
    let lead: Vec<Span> = lead.to_vec();
    let lead_words: usize = lead.iter().map(|s| s.text.split_whitespace().count()).sum();
    if lead_words == 0
        || lead_words > 10
        || lead
            .iter()
            .any(|s| !s.styled() && !s.text.trim().is_empty())
    {
        return None;
    }
    let mut head = line.clone();
    head.spans = lead;
    head.set_text(super::lines::clean_text(
        &head
            .spans
            .iter()
            .map(|s| s.text.as_str())
            .collect::<String>(),
    ));
    let mut rest = line.clone();
    rest.spans = tail.to_vec();
    rest.set_text(super::lines::clean_text(
        &rest
            .spans
            .iter()
            .map(|s| s.text.as_str())
            .collect::<String>(),
    ));
    Some((head, rest))
}

/// Cuts a line holding several `**name** - description` entries into one span list each.
fn split_inline_entries(spans: &[Span]) -> Vec<Vec<Span>> {
    let bold_starts: Vec<usize> = spans
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            s.bold
                && !s.text.trim().is_empty()
                && spans
                    .get(i + 1)
                    .is_some_and(|n| !n.bold && n.text.trim_start().starts_with(['-', '–', '—']))
        })
        .map(|(i, _)| i)
        .collect();
    if bold_starts.len() < 2 || bold_starts.first() != Some(&0) {
        return vec![spans.to_vec()];
    }
    let mut out = Vec::new();
    for (k, &start) in bold_starts.iter().enumerate() {
        let end = bold_starts.get(k + 1).copied().unwrap_or(spans.len());
        if let Some(part) = spans.get(start..end) {
            out.push(part.to_vec());
        }
    }
    out
}

/// Scores used to assign header parts.
fn title_score(s: &str) -> i32 {
    let words: Vec<&str> = s.split_whitespace().collect();
    let hits = words
        .iter()
        .filter(|w| lexicon::has(lexicon::TITLE_WORDS, w))
        .count() as i32;
    let noun = words
        .last()
        .is_some_and(|w| lexicon::has(lexicon::TITLE_WORDS, w));
    hits + i32::from(noun)
}

fn org_score(p: &Part) -> i32 {
    let words: Vec<&str> = p
        .text
        .split(|c: char| c.is_whitespace() || c == '.')
        .collect();
    let mut score = words
        .iter()
        .filter(|w| lexicon::has(lexicon::ORG_WORDS, w) || lexicon::has(lexicon::SCHOOL_WORDS, w))
        .count() as i32
        * 2;
    if p.bold || p.link.is_some() {
        score += 1;
    }
    score
}

/// True when a phrase reads as a place: "Durham NH", "Bristol, UK", "NYC, remote",
/// "San Mateo, California".
pub fn is_location(s: &str) -> bool {
    let s = s.trim().trim_matches(['(', ')']);
    if s.is_empty() || s.split_whitespace().count() > 6 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = s.to_lowercase();
    if lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| lexicon::REMOTE_WORDS.contains(&w))
    {
        return true;
    }
    let pieces: Vec<&str> = s
        .split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    let Some(last) = pieces.last() else {
        return false;
    };
    let last_lower = last.to_lowercase();
    let known = |t: &str| {
        let tl = t.to_lowercase();
        lexicon::COUNTRIES.iter().any(|(n, _)| *n == tl)
            || lexicon::US_STATES.iter().any(|(n, c)| {
                *n == tl
                    || (t.len() == 2
                        && c.eq_ignore_ascii_case(t)
                        && t.chars().all(|x| x.is_ascii_uppercase()))
            })
    };
    if known(last) || known(&last_lower) {
        return pieces.len() > 1 || last.split_whitespace().count() <= 2;
    }
    // "Durham NH": capitalised words ending in a state or country code.
    let words: Vec<&str> = last.split_whitespace().collect();
    if let Some(code) = words.last() {
        if words.len() >= 2
            && code.len() == 2
            && known(code)
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return true;
        }
        if words.len() == 1
            && (2..=3).contains(&code.len())
            && code.chars().all(|c| c.is_ascii_uppercase())
            && pieces.len() > 1
        {
            return true;
        }
    }
    false
}

/// How many organisation or school words a phrase has.
fn org_words(s: &str) -> usize {
    s.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| lexicon::has(lexicon::ORG_WORDS, w) || lexicon::has(lexicon::SCHOOL_WORDS, w))
        .count()
}

/// A US state or a country named on its own ("California", "UK").
fn is_bare_region(s: &str) -> bool {
    lexicon::US_STATES
        .iter()
        .chain(lexicon::COUNTRIES.iter())
        .any(|(n, c)| s.eq_ignore_ascii_case(n) || s == *c)
}

/// Splits "Org, Place" into the organisation and its location when the tail is a place.
fn split_org_location(s: &str) -> (String, Option<String>) {
    let pieces = split_commas(s);
    for i in 1..pieces.len() {
        let (head, tail) = pieces.split_at(i);
        let tail_pieces = tail;
        let tail = tail.join(", ");
        if is_location(&tail) {
            let head = head.join(", ");
            // "Caring.com San Mateo, California": a bare state or country takes the city's
            // words from the end of the head.
            let bare = match tail_pieces {
                [only] => lexicon::US_STATES
                    .iter()
                    .chain(lexicon::COUNTRIES.iter())
                    .any(|(n, c)| only.eq_ignore_ascii_case(n) || only == c),
                _ => false,
            };
            if bare {
                return split_trailing_city(&head, tail);
            }
            return (head, Some(tail));
        }
    }
    // "Brightbasket, Manchester": after an organisation, one to three capitalised words
    // that name nothing else are its town.
    if let [head, tail] = pieces.as_slice() {
        let words: Vec<&str> = tail.split_whitespace().collect();
        let place_like = (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                    && !lexicon::has(lexicon::ORG_WORDS, w)
                    && !lexicon::has(lexicon::SCHOOL_WORDS, w)
                    && !lexicon::has(lexicon::TITLE_WORDS, w)
            });
        if place_like && !head.is_empty() {
            return (head.clone(), Some(tail.clone()));
        }
    }
    (s.to_string(), None)
}

/// When the head before a "City, State" tail ends with the city's words, move them.
fn split_trailing_city(head: &str, tail: String) -> (String, Option<String>) {
    if tail.contains(',') || head.split_whitespace().count() < 2 {
        return (head.to_string(), Some(tail));
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    let mut cut = words.len();
    while cut > 1 {
        let Some(&w) = words.get(cut - 1) else { break };
        let plain =
            w.chars().all(char::is_alphabetic) && w.chars().next().is_some_and(char::is_uppercase);
        if !plain
            || lexicon::has(lexicon::ORG_WORDS, w)
            || lexicon::has(lexicon::SCHOOL_WORDS, w)
            || words.len() - cut >= 2
        {
            break;
        }
        cut -= 1;
    }
    if cut == words.len() {
        return (head.to_string(), Some(tail));
    }
    let (kept, town) = words.split_at(cut);
    (
        kept.join(" "),
        Some(format!("{}, {}", town.join(" "), tail)),
    )
}

/// A header's parts with the date taken out, and any long body text that followed it.
fn header_parts(raw: &mut Raw) -> Vec<Part> {
    let mut all = Vec::new();
    // The entry's dates: a date standing apart (after a tab or a separator, in brackets, at
    // either end) wins over a year inside a name ("Interspeech 2021" then "30 Aug 2021").
    let mut dated: Option<(usize, DateRange)> = None;
    if raw.dates.is_none() {
        let mut first: Option<(usize, DateRange)> = None;
        'lines: for (i, l) in raw.header.iter().enumerate() {
            let text: String = l.spans.iter().map(|s| s.text.as_str()).collect();
            for r in all_ranges(&text) {
                // A number tied to the word before it by a narrow no-break space is part of a name
                // ("ICSE 2019" as this tool prints it), not the entry's date.
                if text[..r.span.start].ends_with('\u{202f}') {
                    continue;
                }
                if isolated(&text, &r) {
                    dated = Some((i, r));
                    break 'lines;
                }
                first.get_or_insert((i, r));
            }
        }
        dated = dated.or(first);
    }
    // In a two-line header (organisation ⇥ place, then role ⇥ dates) what the first line
    // sets flush right is the place, whatever its words (a "CDMX" no gazetteer knows).
    let place_line = raw.header.len() >= 2
        && raw.header.first().is_some_and(place_flush_right)
        && raw.header.iter().skip(1).any(dated_flush_right);
    for (i, line) in raw.header.iter().enumerate() {
        let mut spans = line.spans.clone();
        if i == 0 && place_line {
            let (left, place) = cut_flush_right(&spans);
            spans = left;
            raw.places.push(place);
        }
        if raw.dates.is_none() {
            let found = match &dated {
                Some((d, r)) if *d == i => Some(r.clone()),
                _ => None,
            };
            if let Some(r) = found {
                spans = remove_range(&spans, &r);
                raw.dates = Some(r);
            }
        }
        all.extend(parts(&spans));
    }
    // A long plain tail after the header's styled parts is body text ("… Bristol, UK I am the
    // most senior …"): keep a leading place, the rest goes to the summary.
    if all.len() >= 2 {
        if let Some(last) = all.last() {
            if !last.styled() && last.words() > 8 {
                let text = last.text.clone();
                all.pop();
                let (place, rest) = leading_place(&text);
                if let Some(p) = place {
                    all.push(Part {
                        text: p,
                        bold: false,
                        italic: false,
                        link: None,
                        after_at: false,
                    });
                }
                raw.tail = Some(rest);
            }
        }
    }
    all
}

/// Every date or range in a text, in order.
pub fn all_ranges(text: &str) -> Vec<DateRange> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rest) = text.get(from..) {
        let Some(mut r) = dates::find_range(rest) else {
            break;
        };
        r.span = from + r.span.start..from + r.span.end;
        from = r.span.end.max(from + 1);
        out.push(r);
        if out.len() > 8 {
            break;
        }
    }
    out
}

/// A date standing apart from the words around it: at either end of the text, or after or
/// before a tab, a bracket or a separator.
fn isolated(text: &str, r: &DateRange) -> bool {
    let before = text[..r.span.start].trim_end_matches(' ');
    let after = text[r.span.end..].trim_start_matches(' ');
    let open = before.is_empty()
        || before.ends_with(['(', '[', '\t', '|', '·', '•', '–', '—', '-', ',', ':', ';']);
    let close = after.is_empty() || after.starts_with([')', ']', '\t', '|', '·', '•', ',', ';']);
    open && close
}

/// "Bristol, UK I am …" → ("Bristol, UK", "I am …").
fn leading_place(s: &str) -> (Option<String>, String) {
    // A match opens with a capital and has a comma after at most three words: without
    // that the (costly to compile) pattern is not built.
    let comma_early = s
        .split_once(',')
        .is_some_and(|(head, _)| head.split_whitespace().count() <= 3);
    if !comma_early || !s.starts_with(char::is_uppercase) {
        return (None, s.to_string());
    }
    let re = crate::static_re!(
        r"^(\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*){0,2},\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}]*)?)\s+(\p{Lu}.*)$"
    );
    if let Some(c) = re.captures(s) {
        if let (Some(place), Some(rest)) = (c.get(1), c.get(2)) {
            // Keep only as much of the place as reads as one ("Bristol, UK", not "UK I").
            let place_text = place.as_str();
            let words: Vec<&str> = place_text.split_whitespace().collect();
            for n in (2..=words.len()).rev() {
                let (kept, after) = words.split_at(n);
                let candidate = kept.join(" ");
                if is_location(&candidate) {
                    let rest = format!("{} {}", after.join(" "), rest.as_str());
                    return (Some(candidate), rest.trim().to_string());
                }
            }
        }
    }
    (None, s.to_string())
}

/// Removes a date range found in the concatenated text of `spans`.
fn remove_range(spans: &[Span], r: &DateRange) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    for s in spans {
        let start = pos;
        let end = pos + s.text.len();
        pos = end;
        if end <= r.span.start || start >= r.span.end {
            out.push(s.clone());
            continue;
        }
        let mut t = String::new();
        if r.span.start > start {
            t.push_str(&s.text[..r.span.start - start]);
        }
        t.push('\t');
        if r.span.end < end {
            t.push_str(&s.text[r.span.end - start..]);
        }
        // Brackets left around the date: "( )".
        let t = t.replace("(\t)", "\t").replace("[\t]", "\t");
        let mut n = s.clone();
        n.text = t;
        out.push(n);
    }
    out
}

/// What an entry's body holds.
#[derive(Debug, Default)]
struct Body {
    /// Paragraphs before the bullets.
    summary: Option<String>,
    highlights: Vec<String>,
    /// Lists announced by a label ("Courses", "Roles: …", "Keywords: …").
    courses: Vec<String>,
    roles: Vec<String>,
    keywords: Vec<String>,
    /// An italic line before the text: what the organisation is ("Regional rail operator").
    description: Option<String>,
    /// Single values given with a label: "Grade: …", "Type: …", "Entity: …".
    grade: Option<String>,
    kind: Option<String>,
    entity: Option<String>,
    /// "Degree: …" and "Field of study: …" of a school.
    degree: Option<String>,
    area: Option<String>,
    /// The employer or school given with a label ("Einrichtung: Acme GmbH, Oregon").
    organisation: Option<String>,
}

/// Which list a label announces.
fn label_kind(label: &str) -> Option<&'static str> {
    match super::lexicon::normalize_heading(label).as_str() {
        "courses" | "coursework" | "relevant coursework" | "selected courses" | "modules" => {
            Some("courses")
        }
        "roles" | "role" => Some("roles"),
        "keywords" | "technologies" | "tech stack" | "stack" | "tools" | "tech" => Some("keywords"),
        // The average or final mark, in the languages of the lexicon: "Promedio", "Nota
        // final", "Moyenne", "Media", "Voto di laurea", "Note", "Abschlussnote", "Średnia".
        "grade" | "gpa" | "score" | "final grade" | "classification" | "promedio" | "nota"
        | "nota final" | "media" | "moyenne" | "mention" | "voto" | "voto di laurea" | "note"
        | "abschlussnote" | "durchschnitt" | "srednia" | "cijfer" => Some("grade"),
        "type" | "project type" => Some("type"),
        "entity" | "for" | "client" => Some("entity"),
        "degree" | "qualification" => Some("degree"),
        "about" => Some("description"),
        "field of study" | "field" => Some("area"),
        // The employer or school named by a label under the entry's title (the tabular
        // German CV's "Einrichtung:", Europass's "Employer", "Empresa:", "Établissement :").
        "einrichtung"
        | "bildungseinrichtung"
        | "arbeitgeber"
        | "firma"
        | "unternehmen"
        | "institution"
        | "employer"
        | "company"
        | "organisation"
        | "organization"
        | "school"
        | "university"
        | "universitat"
        | "hochschule"
        | "schule"
        | "empresa"
        | "institucion"
        | "entreprise"
        | "employeur"
        | "etablissement"
        | "azienda"
        | "datore di lavoro"
        | "istituto"
        | "instituicao"
        | "pracodawca"
        | "werkgever"
        | "bedrijf"
        | "instelling" => Some("organisation"),
        _ => None,
    }
}

impl Body {
    /// Reads a "Label: value" line whose label names a field of an entry ("Roles: Author,
    /// Maintainer", "Keywords: Rust, PostgreSQL", "Promedio: 9.1/10"); false for other text.
    fn labelled(&mut self, text: &str) -> bool {
        let Some((label, rest)) = text.split_once(": ") else {
            return false;
        };
        let Some(kind) = label_kind(label) else {
            return false;
        };
        let list: Vec<String> = list_items(rest);
        let value = Some(rest.trim().to_string());
        match kind {
            "courses" => self.courses.extend(list),
            "roles" => self.roles.extend(list),
            "grade" => self.grade = value,
            "type" => self.kind = value,
            "entity" => self.entity = value,
            "degree" => self.degree = value,
            "description" => self.description = value,
            "area" => self.area = value,
            "organisation" => self.organisation = value,
            _ => self.keywords.extend(list),
        }
        true
    }
}

fn body(raw: &Raw, found: &mut Found) -> Body {
    let mut summary: Vec<String> = raw.tail.iter().cloned().collect();
    let mut b = Body::default();
    let mut highlights: Vec<String> = Vec::new();
    let mut last_block = usize::MAX;
    // The list the bullets after a label ("Courses") belong to.
    let mut announced: Option<&'static str> = None;
    for line in &raw.body {
        let bare = line.text.trim_end_matches(':');
        if !line.is_item() && super::sections::is_entry_label(bare) {
            announced = label_kind(bare);
            continue;
        }
        // "Roles: Author, Maintainer", "Keywords: Rust, PostgreSQL"
        if b.labelled(&line.text) {
            continue;
        }
        // "Majoring in Computer Science", "Specializing in mathematics and physics": a
        // school's field said in a phrase.
        if raw.section == Section::Education && b.area.is_none() {
            let lower = line.text.to_lowercase();
            let field = [
                "majoring in ",
                "major in ",
                "specializing in ",
                "specialising in ",
                "specialized in ",
                "specialised in ",
                "concentration in ",
            ]
            .iter()
            .find(|p| lower.starts_with(**p))
            .and_then(|p| line.text.get(p.len()..));
            if let Some(f) = field {
                b.area = model::non_empty(f.trim().trim_end_matches('.'));
                continue;
            }
        }
        // A labelled field set flush right beside other text ("Faculty of Physics ⇥ GPA:
        // 3.9/4.0"): the field is read, the text on the left stays a line of the entry.
        let line = &match flush_right(line) {
            Some(right) if b.labelled(&right) => {
                let (left, _) = cut_flush_right(&line.spans);
                Line::new(line.kind, left, line.line, line.first, line.block)
            }
            _ => line.clone(),
        };
        if line.text.is_empty() {
            continue;
        }
        // An italic line first, before any text: a description of the organisation.
        if !line.is_item()
            && summary.is_empty()
            && b.description.is_none()
            && highlights.is_empty()
            && line.first
            && line.all_styled(true)
            && line
                .spans
                .iter()
                .all(|s| s.text.trim().is_empty() || s.italic)
            && line.words() <= 12
        {
            b.description = Some(line.text.clone());
            last_block = line.block;
            continue;
        }
        if line.is_item() {
            match announced {
                Some("courses") => b.courses.push(line.text.clone()),
                Some("roles") => b.roles.push(line.text.clone()),
                Some(_) => b.keywords.push(line.text.clone()),
                None => highlights.push(line.text.clone()),
            }
        } else if highlights.is_empty() {
            if line.block == last_block {
                if let Some(last) = summary.last_mut() {
                    last.push(' ');
                    last.push_str(&line.text);
                }
            } else {
                summary.push(line.text.clone());
            }
        } else if line.text.ends_with(':') {
            found.unplaced(line, "a lead-in between an entry's bullets, not placed");
        } else {
            highlights.push(line.text.clone());
        }
        last_block = line.block;
    }
    b.summary = model::non_empty(summary.join("\n"));
    b.highlights = highlights;
    b
}

/// Parses one section of entries into the résumé.
pub fn section(s: Section, chunk: &Chunk, found: &mut Found) {
    let raws = group(chunk, s, found);
    let first_job = found.resume.work.as_ref().map_or(0, Vec::len);
    // Per job pushed: which of position and organisation came first in its header.
    let mut orders: Vec<Option<bool>> = Vec::new();
    for mut raw in raws {
        let line_no = raw.header.first().map_or(0, |l| l.line);
        let mut ps = header_parts(&mut raw);
        let Body {
            summary,
            highlights,
            courses: listed_courses,
            roles,
            keywords,
            description,
            grade,
            kind,
            entity,
            degree,
            area,
            organisation,
        } = body(&raw, found);
        let labelled_org = organisation.as_deref().map(split_org_location);
        let web = take_urls(&mut ps);
        let (mut start, mut end) = raw
            .dates
            .as_ref()
            .map_or((None, None), |d| (d.start.clone(), d.end.clone()));
        // A single date on a school is when it ended (the diploma, the graduation); "since
        // 2021" or "2021 – present" stays a start.
        let single = raw.dates.as_ref().is_some_and(|d| !d.open) && end.is_none();
        if s == Section::Education && single {
            end = start.take();
        }
        if let Some(v) = raw.dates.as_ref().and_then(|d| d.vague.as_ref()) {
            found.warn(
                line_no,
                format!("\"{v}\" is not an exact date: only its year was kept"),
            );
        }
        let hl = (!highlights.is_empty()).then_some(highlights);
        match s {
            Section::Work | Section::Volunteer => {
                let (mut org, mut position, mut location, url) = assign_job(&mut ps);
                // An employer named by a label: the header's one name was the role.
                if let Some((name, place)) = labelled_org.clone() {
                    if position.is_none() {
                        position = org.take();
                    }
                    org = Some(name);
                    location = location.or(place);
                }
                if s == Section::Work {
                    orders.push(position_first(&ps, org.as_deref(), position.as_deref()));
                }
                let url = url.or(web);
                let location = match (location, raw.places.is_empty()) {
                    (l, true) => l,
                    (Some(l), false) => Some(format!("{l}, {}", raw.places.join(", "))),
                    (None, false) => Some(raw.places.join(", ")),
                };
                if s == Section::Work {
                    model::push(
                        &mut found.resume.work,
                        Work {
                            name: org,
                            position,
                            location,
                            url,
                            start_date: start,
                            end_date: end,
                            summary,
                            highlights: hl,
                            description,
                            ..Work::default()
                        },
                    );
                } else {
                    model::push(
                        &mut found.resume.volunteer,
                        Volunteer {
                            organization: org,
                            position,
                            url,
                            start_date: start,
                            end_date: end,
                            summary: join_opt(description, summary),
                            highlights: hl,
                            ..Volunteer::default()
                        },
                    );
                }
            }
            Section::Education => {
                let mut e = assign_school(&ps);
                // A school named by a label: what the header named was the field.
                if let Some((name, _)) = labelled_org.clone() {
                    if e.area.is_none() {
                        e.area = e.institution.take();
                    }
                    e.institution = Some(name);
                }
                if degree.is_some() {
                    e.study_type = degree;
                }
                if area.is_some() {
                    e.area = area;
                }
                e.url = e.url.or(web);
                e.score = e.score.or(grade);
                e.start_date = start;
                e.end_date = end;
                if !listed_courses.is_empty() {
                    e.courses = Some(listed_courses.clone());
                }
                // Bullets of a school entry: courses where they say so, the rest reported.
                for h in hl.into_iter().flatten() {
                    if e.score.is_none() && is_grade(&h) {
                        e.score = Some(h);
                    } else if let Some(list) = courses(&h) {
                        e.courses.get_or_insert_with(Vec::new).extend(list);
                    } else {
                        found.warn(
                            line_no,
                            format!("education has no place for \"{}\"", short(&h)),
                        );
                    }
                }
                if let Some(sm) = join_opt(description, summary) {
                    if let Some(list) = courses(&sm) {
                        e.courses.get_or_insert_with(Vec::new).extend(list);
                    } else {
                        found.warn(
                            line_no,
                            format!("education has no place for \"{}\"", short(&sm)),
                        );
                    }
                }
                model::push(&mut found.resume.education, e);
            }
            Section::Projects => {
                let mut p = assign_project(&ps);
                p.url = p.url.or(web);
                p.kind = kind;
                p.entity = entity;
                p.start_date = start;
                p.end_date = end;
                if !roles.is_empty() {
                    p.roles
                        .get_or_insert_with(Vec::new)
                        .extend(roles.iter().cloned());
                }
                if !keywords.is_empty() {
                    p.keywords = Some(keywords.clone());
                }
                p.description = join_opt(join_opt(p.description, description), summary);
                p.highlights = hl;
                model::push(&mut found.resume.projects, p);
            }
            Section::Awards => {
                let (title, awarder) = first_two(&mut ps);
                model::push(
                    &mut found.resume.awards,
                    Award {
                        title,
                        awarder,
                        date: start,
                        summary: join_opt(
                            join_opt(description.clone(), summary),
                            hl.map(|h| h.join("\n")),
                        ),
                        ..Award::default()
                    },
                );
            }
            Section::Certificates => {
                let url = ps.iter().find_map(|p| p.link.clone()).or(web);
                let (name, issuer) = first_two(&mut ps);
                if let Some(sm) = join_opt(description, summary) {
                    found.warn(
                        line_no,
                        format!("certificates have no place for \"{}\"", short(&sm)),
                    );
                }
                model::push(
                    &mut found.resume.certificates,
                    Certificate {
                        name,
                        issuer,
                        date: start,
                        url,
                        ..Certificate::default()
                    },
                );
            }
            Section::Publications => {
                let url = ps.iter().find_map(|p| p.link.clone()).or(web);
                let (name, mut publisher) = first_two(&mut ps);
                let name = name.map(|n| n.trim_matches(['"', '“', '”']).to_string());
                // Short lines under the title: its authors (the person), then where it
                // appeared.
                let mut hl = hl;
                if let Some(lines) = hl.as_mut() {
                    lines.retain(|h| found.person.as_deref().is_none_or(|p| !h.contains(p)));
                    if publisher.is_none() {
                        if let Some(i) = lines
                            .iter()
                            .position(|h| h.split_whitespace().count() <= 6 && !h.ends_with('.'))
                        {
                            publisher = Some(lines.remove(i));
                        }
                    }
                }
                let hl = hl.filter(|h| !h.is_empty());
                model::push(
                    &mut found.resume.publications,
                    Publication {
                        name,
                        publisher,
                        release_date: start,
                        url,
                        summary: join_opt(
                            join_opt(description.clone(), summary),
                            hl.map(|h| h.join("\n")),
                        ),
                        ..Publication::default()
                    },
                );
            }
            _ => {}
        }
    }
    if let Some(jobs) = found
        .resume
        .work
        .as_mut()
        .and_then(|w| w.get_mut(first_job..))
    {
        consistent_order(jobs, &orders);
    }
}

/// "3.7", "3.8/4.0", "GPA 3.9", "First Class Honours", "mention très bien": a grade.
fn is_grade(s: &str) -> bool {
    crate::lite_re!(crate::patterns::SCORE_ONLY).is_match(s.trim())
        && s.split_whitespace().count() <= 6
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        t.push('…');
    }
    t
}

fn join_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}\n{b}")),
        (a, b) => a.or(b),
    }
}

/// The name of an award, certificate or publication and who gave or published it.
fn first_two(ps: &mut [Part]) -> (Option<String>, Option<String>) {
    let by = |s: &str| {
        crate::lite_re!(crate::patterns::ISSUED_BY)
            .replace(s, "")
            .to_string()
    };
    if let [one] = ps {
        if let [title, issuer] = split_commas(&one.text).as_slice() {
            return (Some(title.clone()), Some(by(issuer)));
        }
    }
    let mut it = ps.iter().map(|p| p.text.clone());
    let a = it.next();
    let rest: Vec<String> = it.map(|s| by(&s)).collect();
    (a, model::non_empty(rest.join(", ")))
}

/// Organisation, position, location and URL of a job header.
fn assign_job(
    ps: &mut Vec<Part>,
) -> (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
) {
    // A part with commas holding both title and organisation: "Head Code Ninja, Area 52",
    // "Mount Carmel East, Staff Nurse, Cardiac Step-Down" (when no other part could be the
    // organisation). The title runs from the first piece that reads as one: to the end when
    // the organisation comes first, alone when the title comes first.
    let org_elsewhere = ps.iter().skip(1).any(|p| !is_location(&p.text));
    let both_in_first = ps
        .first()
        .is_some_and(|p| p.text.contains(',') && title_score(&p.text) > 0);
    if both_in_first && !org_elsewhere {
        let p = ps.remove(0);
        let pieces = split_commas(&p.text);
        let first_titled = pieces.iter().position(|x| title_score(x) > 0).unwrap_or(0);
        let (title, org): (Vec<String>, Vec<String>) = if first_titled == 0 {
            // "Staff Nurse, Cardiac Step-Down, Mount Carmel East": the organisation is the
            // last piece that is not a place; the title is everything before it.
            // A lone word after an organisation's name is its town ("…, Kodeks Software
            // House, Poznań").
            let town_after_org = |k: usize| {
                k >= 2
                    && match (pieces.get(k), pieces.get(k - 1)) {
                        (Some(this), Some(before)) => {
                            this.split_whitespace().count() == 1
                                && this.starts_with(char::is_uppercase)
                                && org_words(before) > 0
                        }
                        _ => false,
                    }
            };
            let org_at = (1..pieces.len())
                .rev()
                .find(|&k| {
                    pieces
                        .get(k)
                        .is_some_and(|p| !is_location(p) && !is_bare_region(p))
                        && !town_after_org(k)
                })
                .unwrap_or(1.min(pieces.len().saturating_sub(1)));
            if org_at == 0 {
                (pieces.first().cloned().into_iter().collect(), Vec::new())
            } else {
                let (title, org) = pieces.split_at(org_at.min(pieces.len()));
                (title.to_vec(), org.to_vec())
            }
        } else {
            let (org, title) = pieces.split_at(first_titled);
            (title.to_vec(), org.to_vec())
        };
        ps.insert(
            0,
            Part {
                text: title.join(", "),
                ..p.clone()
            },
        );
        if !org.is_empty() {
            ps.insert(
                1,
                Part {
                    text: org.join(", "),
                    ..p
                },
            );
        }
    }
    let mut position: Option<usize> = None;
    let mut best = 0;
    for (i, p) in ps.iter().enumerate() {
        let t = title_score(&p.text) * 2 + i32::from(p.italic) - org_score(p);
        if title_score(&p.text) > 0 && t > best {
            best = t;
            position = Some(i);
        }
    }
    // "Title at Employer" (and "presso", "chez", "bei", "bij", "@"): the words say which is
    // which, in any language.
    if let Some(at) = ps.iter().position(|p| p.after_at).filter(|&i| i > 0) {
        position = Some(at - 1);
        if let Some(employer) = ps.get(at).cloned() {
            ps.remove(at);
            ps.insert(0, employer);
            position = Some(at);
        }
    }
    // No title word anywhere: the part with an organisation's words ("Hospital", "GmbH",
    // "Universidade") is the organisation, and another part is the position.
    if position.is_none() {
        let org_at = ps
            .iter()
            .enumerate()
            .filter(|(_, p)| org_words(&p.text) > 0)
            .map(|(i, _)| i)
            .next();
        if let Some(o) = org_at.filter(|&o| o > 0) {
            let candidate = ps
                .iter()
                .enumerate()
                .position(|(i, p)| i != o && !is_location(&p.text) && org_words(&p.text) == 0);
            if let (Some(c), Some(org)) = (candidate, ps.get(o).cloned()) {
                ps.remove(o);
                ps.insert(0, org);
                position = Some(if c < o { c + 1 } else { c });
            }
        }
    }
    let mut org: Option<String> = None;
    let mut url = None;
    let mut locations: Vec<String> = Vec::new();
    for (i, p) in ps.iter().enumerate() {
        if Some(i) == position {
            continue;
        }
        let another_org_later = ps
            .iter()
            .enumerate()
            .skip(i + 1)
            .any(|(j, q)| Some(j) != position && !is_location(&q.text));
        if is_location(&p.text) && (org.is_some() || another_org_later) {
            locations.push(p.text.clone());
            continue;
        }
        if org.is_none() {
            let (o, loc) = split_org_location(&p.text);
            let o = strip_parenthetical_place(&o, &mut locations);
            org = Some(o);
            url = p.link.clone().filter(|l| l.contains('.'));
            locations.extend(loc);
        } else if position.is_none() {
            position = Some(i);
        } else {
            locations.push(p.text.clone());
        }
    }
    let position = position.and_then(|i| ps.get(i)).map(|p| p.text.clone());
    (org, position, model::non_empty(locations.join(", ")), url)
}

/// Whether the position was written before the organisation in a job's header parts.
fn position_first(ps: &[Part], org: Option<&str>, position: Option<&str>) -> Option<bool> {
    let at = |t: &str| {
        ps.iter()
            .position(|p| p.text.contains(t) || t.contains(&p.text))
    };
    match (position.and_then(at), org.and_then(at)) {
        (Some(p), Some(o)) if p != o => Some(p < o),
        _ => None,
    }
}

/// Position versus organisation by what the other entries of the section do. The entries of
/// one section are written alike: when the header parts of some entries tell which is the
/// position (a job-title word in any language of the lexicon) and which the organisation,
/// the entries that give no such sign follow the majority's order; an entry whose
/// "organisation" reads as a title and whose "position" does not is swapped outright.
fn consistent_order(jobs: &mut [Work], orders: &[Option<bool>]) {
    let sign = |w: &Work| {
        let p = w.position.as_deref().map_or(0, title_score);
        let o = w.name.as_deref().map_or(0, title_score);
        match (p > 0, o > 0) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    };
    let (mut first, mut second) = (0, 0);
    for (w, order) in jobs.iter().zip(orders) {
        if let (Some(true), Some(o)) = (sign(w), order) {
            if *o {
                first += 1;
            } else {
                second += 1;
            }
        }
    }
    // A convention needs two entries that show it and none that contradict it.
    let majority = match (first, second) {
        (f, 0) if f >= 2 => Some(true),
        (0, s) if s >= 2 => Some(false),
        _ => None,
    };
    for (w, order) in jobs.iter_mut().zip(orders) {
        let swap = match (sign(w), order, majority) {
            (Some(false), _, _) => true,
            (None, Some(o), Some(m)) => *o != m,
            _ => false,
        };
        // Never make a place the organisation, nor a name with an organisation's words the
        // position.
        let named_org = w.name.as_deref().is_some_and(|n| org_words(n) > 0);
        let placed = w.position.as_deref().is_some_and(is_location);
        if swap && !named_org && !placed && w.position.is_some() && w.name.is_some() {
            std::mem::swap(&mut w.position, &mut w.name);
        }
    }
}

/// Takes web addresses out of header parts ("Staff Engineer nordpendel.example.com").
fn take_urls(ps: &mut Vec<Part>) -> Option<String> {
    let mut found = None;
    for p in ps.iter_mut() {
        let items = super::contact::find(&p.text);
        for (range, item) in items.into_iter().rev() {
            // A bare domain may be a company's name ("Caring.com"): only one after a title,
            // at the end, is taken for an address.
            let found_text = &p.text[range.clone()];
            let explicit = found_text.contains("://")
                || found_text.starts_with("www.")
                || found_text.contains('/');
            let trailing = range.end == p.text.len()
                && range.start > 0
                && title_score(&p.text[..range.start]) > 0;
            if !(explicit || trailing) {
                continue;
            }
            if let super::contact::Item::Url { url, .. } = item {
                found = Some(super::contact::absolute_url(&url));
                let rest = format!("{}{}", &p.text[..range.start], &p.text[range.end..]);
                p.text = tidy(&rest.replace("()", "").replace("[]", ""));
            }
        }
    }
    ps.retain(|p| !p.text.is_empty());
    found
}

/// "Awesome University (MyTown)" → "Awesome University", with the place kept aside.
fn strip_parenthetical_place(s: &str, places: &mut Vec<String>) -> String {
    let re = crate::lite_re!(crate::patterns::TRAILING_BRACKET);
    if let Some(c) = re.captures(s) {
        if let (Some(a), Some(b)) = (c.get(1), c.get(2)) {
            let inner = b.as_str();
            if inner.split_whitespace().count() <= 3
                && inner.chars().next().is_some_and(char::is_uppercase)
                && !inner.chars().all(|c| c.is_uppercase())
            {
                places.push(inner.to_string());
                return a.as_str().to_string();
            }
        }
    }
    s.to_string()
}

/// Where the first degree's name in `s` is ("BSc", "Master of Science", "Laurea magistrale").
pub fn find_degree(s: &str) -> Option<std::ops::Range<usize>> {
    super::grammar::find(s, lexicon::DEGREE)
}

/// True when `s` names a degree.
pub fn has_degree(s: &str) -> bool {
    find_degree(s).is_some()
}

/// Institution, degree and field of a school header.
fn assign_school(ps: &[Part]) -> Education {
    let mut e = Education::default();
    let mut pieces: Vec<Part> = Vec::new();
    for p in ps {
        // "University of Bristol, Computer Science BSc": a comma may separate school and degree.
        let subs = split_commas(&p.text);
        if subs.len() > 1 && subs.iter().any(|s| has_degree(s)) && subs.iter().any(|s| is_school(s))
        {
            for s in subs {
                pieces.push(Part {
                    text: s,
                    ..p.clone()
                });
            }
        } else {
            pieces.push(p.clone());
        }
    }
    // A piece that opens with a preposition ("en Matemáticas", "in Physics") goes on from
    // the one before it: the style changed inside one phrase ("**Licenciatura** en
    // Matemáticas"), no phrase of a header starts so.
    let field_preposition = crate::lite_re!(crate::patterns::FIELD_PREPOSITION);
    let mut joined: Vec<Part> = Vec::new();
    for p in pieces {
        match joined.last_mut() {
            Some(prev) if field_preposition.is_match(&p.text) && has_degree(&prev.text) => {
                prev.text = format!("{} {}", prev.text, p.text);
            }
            _ => joined.push(p),
        }
    }
    let pieces = joined;
    let degree_idx = pieces.iter().position(|p| has_degree(&p.text));
    let school_idx = pieces
        .iter()
        .enumerate()
        .position(|(i, p)| Some(i) != degree_idx && is_school(&p.text))
        .or_else(|| {
            pieces
                .iter()
                .enumerate()
                .position(|(i, p)| Some(i) != degree_idx && !is_location(&p.text))
        });
    if let Some(school) = school_idx.and_then(|i| pieces.get(i)) {
        let mut places = Vec::new();
        let (inst, _) = split_org_location(&school.text);
        e.institution = Some(strip_parenthetical_place(&inst, &mut places));
        e.url = school.link.clone();
    }
    if let Some(degree) = degree_idx.and_then(|i| pieces.get(i)) {
        let (study, area, score) = parse_degree(&degree.text);
        e.study_type = study;
        e.area = area;
        e.score = score;
    }
    // A field of study on its own ("Computer Science") when no degree was named.
    if e.area.is_none() {
        if let Some(p) = pieces.iter().enumerate().find(|(i, p)| {
            Some(*i) != school_idx && Some(*i) != degree_idx && !is_location(&p.text)
        }) {
            // A field of study never starts with a preposition: "en Tecnología" is what was
            // left of "Doctorado en Tecnología" when the degree word was set apart.
            let area = crate::lite_re!(crate::patterns::FIELD_PREPOSITION).replace(&p.1.text, "");
            e.area = model::non_empty(area.trim());
        }
    }
    e
}

fn is_school(s: &str) -> bool {
    s.split_whitespace()
        .any(|w| lexicon::has(lexicon::SCHOOL_WORDS, w))
}

/// "B.S. in Computer Science" → ("B.S.", "Computer Science"); "Computer Science BSc with 1st
/// class honours" → ("BSc", "Computer Science", "1st class honours"); "PhD, Physics".
pub fn parse_degree(s: &str) -> (Option<String>, Option<String>, Option<String>) {
    let Some(m) = find_degree(s) else {
        return (None, model::non_empty(s), None);
    };
    let mut study = s[m.clone()].trim().to_string();
    let mut rest_from = m.end;
    // An abbreviation or honours in brackets right after the degree is part of its name:
    // "BSc (Hons)", "Bachelor of Science (Honours)", "Master of Engineering (MEng)"; a field
    // in brackets ("Bachelor of Technology (Computer Science)", "(Physics)") is not.
    if let Some((bracket, word)) = super::scan::leading_bracketed_word(&s[m.end..]) {
        // The degree's own abbreviation ("MEng", "MD"), not a field's ("CS").
        let abbreviation = find_degree(word).is_some_and(|d| d.len() == word.len());
        let honours = matches!(
            word.to_lowercase().trim_end_matches('.'),
            "hons" | "honours" | "honors"
        );
        if abbreviation || honours {
            study = format!("{study} {}", &s[m.end..][bracket.clone()]);
            rest_from = m.end + bracket.end;
        }
    }
    let before = s[..m.start].trim().trim_end_matches([',', '-', '–']).trim();
    let mut after = s[rest_from..]
        .trim()
        .trim_start_matches([',', '-', '–', ':'])
        .trim()
        .to_string();
    let mut score = None;
    let score_re = crate::lite_re!(crate::patterns::SCORE_AFTER_DEGREE);
    if let Some(c) = score_re.captures(&after) {
        if let (Some(all), Some(val)) = (c.get(0), c.get(1)) {
            score = model::non_empty(val.as_str().trim_end_matches(['.', ')']));
            after = after[..all.start()]
                .trim()
                .trim_end_matches(',')
                .to_string();
        }
    }
    // "in", and its equivalents: "Licenciatura em Física", "Master en Droit", "Laurea in
    // Fisica", "Magister w zakresie", "Diplom im Fach".
    let after = crate::lite_re!(crate::patterns::FIELD_PREPOSITION)
        .replace(&after, "")
        .trim()
        .to_string();
    let area = if !after.is_empty() {
        Some(after)
    } else {
        model::non_empty(before)
    };
    (
        Some(study),
        area.map(|a| tidy(&a)).filter(|a| !a.is_empty()),
        score,
    )
}

/// "Courses: A, B, and C" → the course names.
fn courses(s: &str) -> Option<Vec<String>> {
    let c = crate::lite_re!(crate::patterns::COURSES_LIST).captures(s)?;
    let list = c.get(1)?.as_str();
    Some(list_items(list))
}

/// "A, B, and C." → the items.
fn list_items(list: &str) -> Vec<String> {
    split_commas(list)
        .into_iter()
        .map(|x| {
            x.trim_start_matches("and ")
                .trim_end_matches('.')
                .trim()
                .to_string()
        })
        .filter(|x| !x.is_empty())
        .collect()
}

/// Name, roles, description and URL of a project header.
fn assign_project(ps: &[Part]) -> Project {
    let mut p = Project::default();
    let mut description: Vec<String> = Vec::new();
    for (i, part) in ps.iter().enumerate() {
        if i == 0 {
            // "HackMyResume, contributor": a role after a comma.
            let pieces = split_commas(&part.text);
            let roles: Vec<String> = pieces
                .iter()
                .skip(1)
                .filter(|x| is_role(x))
                .cloned()
                .collect();
            if !roles.is_empty() && roles.len() + 1 == pieces.len() {
                p.name = pieces.first().cloned();
                p.roles = Some(roles);
            } else {
                p.name = Some(part.text.clone());
            }
            p.url = part.link.clone();
        } else if let Some(("roles", rest)) = part
            .text
            .split_once(": ")
            .and_then(|(label, rest)| Some((label_kind(label)?, rest)))
        {
            // "Roles: Author, Maintainer" on a line of the header.
            p.roles
                .get_or_insert_with(Vec::new)
                .extend(list_items(rest));
        } else if split_commas(&part.text).iter().all(|r| is_role(r)) {
            p.roles
                .get_or_insert_with(Vec::new)
                .extend(split_commas(&part.text));
        } else {
            description.push(part.text.clone());
        }
    }
    p.description = model::non_empty(description.join(" - "));
    p
}

fn is_role(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().any(|w| lexicon::has(lexicon::ROLE_WORDS, w))
}

/// A references section: testimonials (`“…” - Name`), `Name: what they said`, or a name
/// and a testimonial on lines of their own, in either order.
pub fn references_section(chunk: &Chunk, found: &mut Found) {
    let mut name: Option<String> = None;
    let mut said: Option<String> = None;
    let mut last_block = usize::MAX;
    let flush = |found: &mut Found, name: &mut Option<String>, said: &mut Option<String>| {
        if name.is_some() || said.is_some() {
            model::push(
                &mut found.resume.references,
                Reference {
                    name: name.take(),
                    reference: said.take(),
                    ..Reference::default()
                },
            );
        }
    };
    // A quotation wrapped over several lines is one line here: its attribution may be on
    // the last.
    let mut lines: Vec<Line> = Vec::new();
    for l in &chunk.lines {
        match lines.last_mut() {
            Some(prev)
                if prev.block == l.block
                    && !l.is_item()
                    && (l.kind == Kind::Quote || prev.text.starts_with(['“', '"', '„', '«'])) =>
            {
                prev.spans.push(Span::plain(" "));
                prev.spans.extend(l.spans.iter().cloned());
                let joined = format!("{} {}", prev.text, l.text);
                prev.set_text(joined);
            }
            _ => lines.push(l.clone()),
        }
    }
    for line in &lines {
        if let Some((quote, who)) = testimonial(&line.text) {
            flush(found, &mut name, &mut said);
            model::push(
                &mut found.resume.references,
                Reference {
                    name: Some(who),
                    reference: Some(quote),
                    ..Reference::default()
                },
            );
            continue;
        }
        let text = line.text.trim();
        if crate::lite_re!(crate::patterns::ON_REQUEST).is_match(text) {
            continue;
        }
        // "Jonas Weber, Head of Operations: Lena's forecasts …"
        if let Some((who, what)) = text.split_once(": ") {
            if who.split_whitespace().count() <= 10 && what.split_whitespace().count() >= 4 {
                flush(found, &mut name, &mut said);
                model::push(
                    &mut found.resume.references,
                    Reference {
                        name: Some(who.to_string()),
                        reference: Some(what.trim_matches(['"', '“', '”']).to_string()),
                        ..Reference::default()
                    },
                );
                continue;
            }
        }
        // "— Name, Title": an attribution on its own names a referee.
        let attribution = text.starts_with(['—', '–']) && !line.sentence_like();
        let is_name = attribution
            || line.words() <= 10 && !line.sentence_like() && (line.first || line.is_heading());
        if is_name {
            if name.is_some() {
                flush(found, &mut name, &mut said);
            }
            name = Some(text.trim_start_matches(['-', '–', '—', ' ']).to_string());
            if said.is_some() {
                flush(found, &mut name, &mut said);
            }
        } else {
            let quote = text.trim_matches(['"', '“', '”']).to_string();
            match said.as_mut() {
                Some(s) if line.block == last_block => {
                    s.push(' ');
                    s.push_str(&quote);
                }
                Some(_) => {
                    flush(found, &mut name, &mut said);
                    said = Some(quote);
                }
                None => said = Some(quote),
            }
        }
        last_block = line.block;
    }
    flush(found, &mut name, &mut said);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations() {
        for yes in [
            "Durham NH",
            "Bristol, UK",
            "NYC, remote",
            "San Mateo, California",
            "NH",
            "Remote",
            "Malmö, Sweden",
        ] {
            assert!(is_location(yes), "{yes}");
        }
        for no in [
            "Meta",
            "Senior Software Engineer, Backend",
            "Area 52",
            "IBM",
            "Caring.com",
        ] {
            assert!(!is_location(no), "{no}");
        }
    }

    #[test]
    fn org_and_location() {
        assert_eq!(
            split_org_location("Meta, NYC, remote"),
            ("Meta".into(), Some("NYC, remote".into()))
        );
        assert_eq!(
            split_org_location("Meltwater News, NH"),
            ("Meltwater News".into(), Some("NH".into()))
        );
        assert_eq!(
            split_org_location("Caring.com San Mateo, California"),
            ("Caring.com".into(), Some("San Mateo, California".into()))
        );
        assert_eq!(
            split_org_location("Acme, Inc."),
            ("Acme, Inc.".into(), None)
        );
        assert_eq!(
            split_org_location("Brightbasket, Manchester"),
            ("Brightbasket".into(), Some("Manchester".into()))
        );
    }

    #[test]
    fn school_headers() {
        let p = |t: &str, bold: bool, italic: bool| Part {
            text: t.into(),
            bold,
            italic,
            link: None,
            after_at: false,
        };
        let e = assign_school(&[
            p("University of New Hampshire, Durham NH", true, false),
            p("B.S. in Computer Science", false, true),
        ]);
        assert_eq!(
            e.institution.as_deref(),
            Some("University of New Hampshire")
        );
        assert_eq!(e.study_type.as_deref(), Some("B.S."));
    }

    #[test]
    fn degrees() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            parse_degree("B.S. in Computer Science"),
            (s("B.S."), s("Computer Science"), None)
        );
        assert_eq!(
            parse_degree("Computer Science BSc with 1st class honours"),
            (s("BSc"), s("Computer Science"), s("1st class honours"))
        );
        assert_eq!(
            parse_degree("PhD, Computer Science"),
            (s("PhD"), s("Computer Science"), None)
        );
        assert_eq!(
            parse_degree("Bachelor of Science in Physics"),
            (s("Bachelor of Science"), s("Physics"), None)
        );
        assert_eq!(parse_degree("MSc"), (s("MSc"), None, None));
    }

    #[test]
    fn leading_places() {
        assert_eq!(
            leading_place("Bristol, UK I am the most senior"),
            (Some("Bristol, UK".into()), "I am the most senior".into())
        );
        assert_eq!(
            leading_place("I am the most senior"),
            (None, "I am the most senior".into())
        );
    }
}
