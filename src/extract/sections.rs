//! Segmentation: lines into sections. Headings are classified by meaning; a heading that
//! means nothing known either belongs to the section it is in (a job's heading, a skill
//! group, a date heading) or starts an unknown section whose content is reported, never
//! silently dropped. A repeated page header (the name again, then contact details) is taken
//! out and the section it interrupted continues.

use super::Found;
use super::contact;
use super::lexicon::{Section, classify_heading};
use super::lines::Line;
use crate::doc::Kind;

/// A run of lines under one heading.
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    /// What the section holds; `None` for the preamble and for unknown sections.
    pub section: Option<Section>,
    /// A section whose heading means nothing known.
    pub unknown: bool,
    /// The heading as written.
    pub title: String,
    /// Heading level (1 is the largest; 9 for a bold or `Label:` pseudo-heading).
    pub level: u8,
    /// The heading's source line (0 for the preamble and for sections without a heading).
    pub heading_line: usize,
    pub lines: Vec<Line>,
}

const PSEUDO_LEVEL: u8 = 9;

/// The section a line heads, when it is a heading or reads like one (a short bold line, a
/// short line ending with a colon) and its words mean a known section.
fn heading_of(line: &Line) -> Option<(Option<Section>, u8)> {
    if let Some(level) = line.heading_level() {
        return Some((classify_heading(&line.text), level));
    }
    // "SKILLS -------" (or with dashes a converter made typographic) on a line of its own.
    if line.kind == Kind::Paragraph && line.first {
        if let Some(title) = crate::read::text::dashed_heading(&line.text)
            .or_else(|| crate::read::text::framed_heading(&line.text))
        {
            return Some((classify_heading(title), 1));
        }
    }
    if !matches!(line.kind, Kind::Paragraph) || !line.first || line.words() > 5 {
        return None;
    }
    let pseudo = line.all_styled(false) || line.text.ends_with(':');
    if is_entry_label(&line.text) {
        return None;
    }
    if !pseudo {
        // A plain line that is only a section word ("Skills") is a heading too.
        let s = classify_heading(&line.text)?;
        return (line.words() <= 3 && line.text.chars().next().is_some_and(char::is_uppercase))
            .then_some((Some(s), PSEUDO_LEVEL));
    }
    classify_heading(line.text.trim_end_matches(':')).map(|s| (Some(s), PSEUDO_LEVEL))
}

/// "Highlights", "Key achievements:": a label inside an entry, not a section.
pub fn is_entry_label(text: &str) -> bool {
    let norm = super::lexicon::normalize_heading(text);
    super::lexicon::ENTRY_LABELS.contains(&norm.as_str())
}

fn normalized(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A line made mostly of contact details (an address, a phone number, an e-mail, links), or
/// one that starts with a contact label.
pub fn is_contact_line(line: &Line, urls_count: bool) -> bool {
    if line.is_item() {
        return false;
    }
    let label = crate::lite_re!(crate::patterns::CONTACT_LABEL);
    // "GitHub – Auxia" linking to a repository names a project, not the person's account.
    let repository = line
        .spans
        .iter()
        .filter_map(|s| s.link.as_deref())
        .any(contact::is_repository);
    if label.is_match(&line.text) && !repository {
        return true;
    }
    let items = contact::find(&line.text);
    let covered: usize = items
        .iter()
        .filter(|(_, i)| urls_count || !matches!(i, contact::Item::Url { .. }))
        .map(|(r, _)| {
            line.text[r.clone()]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum();
    // Or by links: text linked to an address, a phone or a profile ("LinkedIn", "GitHub"
    // written as links in a contact footer).
    let linked: usize = line
        .spans
        .iter()
        .filter(|s| {
            s.link.as_deref().is_some_and(|u| {
                u.starts_with("mailto:")
                    || u.starts_with("tel:")
                    || (contact::profile(u).is_some() && !contact::is_repository(u))
            })
        })
        .map(|s| s.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    let total = line
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        .max(1);
    covered.max(linked) * 10 >= total * 6
}

/// A quoted testimonial with its attribution: `“...” - Name, Title`.
pub fn testimonial(text: &str) -> Option<(String, String)> {
    let (quote, who) = super::shapes::testimonial(text)?;
    Some((text[quote].trim().to_string(), text[who].trim().to_string()))
}

/// Adds a line to a chunk gathered from anywhere in the document (contact details, quoted
/// testimonials), creating the chunk the first time.
fn side_chunk(chunks: &mut Vec<Chunk>, slot: &mut Option<usize>, section: Section, line: Line) {
    let idx = *slot.get_or_insert_with(|| {
        chunks.push(Chunk {
            section: Some(section),
            title: format!("{section:?}").to_lowercase(),
            ..Chunk::default()
        });
        chunks.len() - 1
    });
    if let Some(c) = chunks.get_mut(idx) {
        c.lines.push(line);
    }
}

/// Cuts lines into chunks: the preamble first, then one chunk per section.
pub fn segment(all: &[Line], name: Option<&str>, found: &mut Found) -> Vec<Chunk> {
    let name_key = name.map(normalized).filter(|n| n.len() >= 3);
    let mut chunks = vec![Chunk::default()];
    let mut cur = 0usize;
    // A chunk opened by a term or list item that names another section ("Programming
    // Languages" inside projects), and the chunk to return to when it ends.
    let mut virtual_from: Option<(usize, Kind)> = None;
    let mut contact_break = false;
    // Under a heading that names the contact details ("Contact"): every line up to the
    // next heading, places and addresses too.
    let mut contact_section = false;
    let mut contact_chunk: Option<usize> = None;
    let mut references_chunk: Option<usize> = None;
    let mut seen_name = false;
    // The level the document's sections are set at: the largest heading level that names a
    // known section. An unknown heading at that level opens a section of its own, also in
    // the opening lines.
    let section_level = all
        .iter()
        .filter(|l| Some(normalized(&l.text)) != name_key)
        .filter_map(|l| {
            l.heading_level()
                .filter(|_| classify_heading(&l.text).is_some())
        })
        .min();

    for (idx, line) in all.iter().enumerate() {
        if line.kind == Kind::Rule {
            continue;
        }
        // The name again, after the preamble: a page header ("Tomasz Nowak – Backend
        // Developer" counts too).
        let key = normalized(&line.text);
        let repeats_name = name_key.as_deref().is_some_and(|n| {
            key == n
                || (key.starts_with(n)
                    && line.words() <= 10
                    && !line.is_item()
                    && !line.sentence_like()
                    // "oskar.brenner@example.net" starts with the name too.
                    && !is_contact_line(line, true))
        });
        if repeats_name {
            if seen_name && cur != 0 {
                contact_break = true;
                continue;
            }
            seen_name = true;
        }
        let heading = heading_of(line);
        contact_section &= heading.is_none() && !line.is_heading();
        if contact_break || contact_section {
            let contact_heading = matches!(heading, Some((Some(Section::Contact), _)));
            // "GitHub" on a line, then the username on the next.
            let network = |l: &Line| {
                super::lexicon::NETWORKS
                    .iter()
                    .any(|(n, _, _)| n.eq_ignore_ascii_case(l.text.trim_end_matches(':')))
            };
            let username = idx > 0
                && all.get(idx - 1).is_some_and(network)
                && !line.text.contains(char::is_whitespace);
            if contact_section
                || contact_heading
                || network(line)
                || username
                || (heading.is_none() && is_contact_line(line, true))
            {
                if !contact_heading {
                    side_chunk(
                        &mut chunks,
                        &mut contact_chunk,
                        Section::Contact,
                        line.clone(),
                    );
                }
                continue;
            }
            contact_break = false;
        }
        // The end of a chunk opened by a term or list item.
        if let Some((parent, opened_by)) = virtual_from {
            let ends = heading.is_some()
                || match opened_by {
                    Kind::Term => line.kind == Kind::Term,
                    _ => line.is_item() && line.depth() == 0 || !line.is_item(),
                };
            if ends {
                cur = parent;
                virtual_from = None;
            }
        }
        if let Some((section, level)) = heading {
            if line.text.is_empty() {
                continue;
            }
            // `cur` always names a chunk: it starts at the preamble and only ever moves to a
            // chunk just pushed or to a parent recorded earlier.
            let Some(here) = chunks.get(cur) else {
                continue;
            };
            // "Languages" followed by bullets inside a skills section is a skill group
            // (programming languages), not the section of spoken languages.
            let skill_group = here.section == Some(Section::Skills)
                && level == PSEUDO_LEVEL
                && matches!(section, Some(Section::Languages | Section::Skills))
                && all.get(idx + 1).is_some_and(Line::is_item);
            match section {
                _ if skill_group => {}
                Some(Section::Contact) => {
                    contact_break = true;
                    contact_section = line.is_heading();
                    continue;
                }
                Some(s) if !(Some(s) == here.section && level > here.level && cur != 0) => {
                    chunks.push(Chunk {
                        section: Some(s),
                        title: line.text.clone(),
                        level,
                        heading_line: line.line,
                        ..Chunk::default()
                    });
                    cur = chunks.len() - 1;
                    continue;
                }
                Some(_) => {}
                None => {
                    // Inside a list-like section opened by a real heading, any heading names a
                    // group ("## EXPERT" under "#### TECH SKILLS"); under a pseudo-heading
                    // (a plain "Skills" line) only a deeper one does.
                    let list_like = matches!(
                        here.section,
                        Some(Section::Skills | Section::Languages | Section::Interests)
                    ) && here.level != PSEUDO_LEVEL;
                    // A shallower heading is a group only when it is short ("EXPERT"), not
                    // a section of its own ("Extra Section, Call it Whatever You Want").
                    let group = list_like && line.words() <= 3;
                    let at_section_level = section_level == Some(level)
                        && Some(normalized(&line.text)) != name_key
                        && line.words() <= 6
                        && line.date().is_none();
                    let belongs = if cur == 0 {
                        !at_section_level
                    } else {
                        level > here.level || group || line.date().is_some()
                    };
                    if !belongs {
                        found.warn(
                            line.line,
                            format!("unknown section heading \"{}\"", line.text),
                        );
                        chunks.push(Chunk {
                            unknown: true,
                            title: line.text.clone(),
                            level,
                            heading_line: line.line,
                            ..Chunk::default()
                        });
                        cur = chunks.len() - 1;
                        continue;
                    }
                }
            }
        }
        // A term or a list item that names another section opens a chunk of that section.
        // A list item opens a chunk only when something hangs under it (nested items, or
        // text); "- Languages:" followed by the next item of the same list is an empty group.
        let hangs_under = all
            .get(idx + 1)
            .is_some_and(|n| !n.is_heading() && (!n.is_item() || n.depth() > line.depth()));
        let opener = line.kind == Kind::Term
            || (line.is_item() && line.depth() == 0 && line.text.ends_with(':') && hangs_under)
            || (line.kind == Kind::Paragraph && line.all_styled(false) && line.text.ends_with(':'));
        if opener && cur != 0 {
            if let Some(s) = classify_heading(line.text.trim_end_matches(':')) {
                if Some(s) != chunks.get(cur).and_then(|c| c.section)
                    && !matches!(s, Section::Contact | Section::Summary)
                {
                    let parent = virtual_from.map_or(cur, |(p, _)| p);
                    chunks.push(Chunk {
                        section: Some(s),
                        title: line.text.trim_end_matches(':').to_string(),
                        level: PSEUDO_LEVEL,
                        heading_line: line.line,
                        ..Chunk::default()
                    });
                    cur = chunks.len() - 1;
                    virtual_from = Some((parent, line.kind));
                    continue;
                }
            }
        }
        // A testimonial outside the references goes to them; inside, it stays in its place
        // among the others.
        let in_references = chunks.get(cur).and_then(|c| c.section) == Some(Section::References);
        if let Some((quote, who)) = testimonial(&line.text).filter(|_| !in_references) {
            let mut l = line.clone();
            l.set_text(format!("“{quote}” - {who}"));
            side_chunk(&mut chunks, &mut references_chunk, Section::References, l);
            continue;
        }
        // Contact details outside the preamble (a footer) are contact, not content.
        if cur != 0
            && chunks.get(cur).and_then(|c| c.section) != Some(Section::Contact)
            && !line.is_heading()
            && is_contact_line(line, false)
        {
            side_chunk(
                &mut chunks,
                &mut contact_chunk,
                Section::Contact,
                line.clone(),
            );
            continue;
        }
        if let Some(c) = chunks.get_mut(cur) {
            c.lines.push(line.clone());
        }
    }
    chunks
}
