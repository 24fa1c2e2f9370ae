//! Extraction: any [`Doc`] into a [`Resume`], with warnings for what could not be placed.
//!
//! Segment first, then assign: lines → sections (headings classified by meaning) → entries
//! (where a new job or school starts) → fields (organisation, position, location, dates).
//! Each step is a small function with its own tests; the tables of words live in
//! [`lexicon`]. Nothing is invented: a field is only filled from text that is there, and
//! text that fits nowhere becomes a warning naming its line.

pub mod basics;
pub mod classify;
pub mod contact;
pub mod contact_scan;
pub mod date_grammar;
pub mod dates;
pub mod entries;
pub mod grammar;
pub mod lexicon;
pub mod lines;
pub mod months;
pub mod personal;
pub mod scan;
pub mod sections;
pub mod shapes;
pub mod skills;

use crate::doc::Doc;
use crate::error::Warning;
use crate::model::{Resume, non_empty};
use lexicon::Section;
use sections::Chunk;

/// Everything extraction collects before it is written into a [`Resume`].
#[derive(Debug, Default)]
pub struct Found {
    pub resume: Resume,
    pub warnings: Vec<Warning>,
    /// The person's name, once known (to tell their own name from others in entries).
    pub person: Option<String>,
    /// Where each chunk of the document went (for `explain`).
    pub traces: Vec<Trace>,
}

/// Where one run of lines under one heading went, and why: the provenance `explain` prints.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    /// The heading's text and source line (none for the lines before the first heading).
    pub heading: Option<(String, usize)>,
    /// Why the lines went where they did, in words.
    pub rule: String,
    /// The source lines of the chunk.
    pub lines: Vec<usize>,
    /// The items this chunk added: (JSON Resume key, index of the first, how many).
    pub items: Vec<(&'static str, usize, usize)>,
}

/// How many items each list of a résumé holds, by JSON Resume key.
fn counts(r: &Resume) -> [(&'static str, usize); 11] {
    fn n<T>(v: &Option<Vec<T>>) -> usize {
        v.as_ref().map_or(0, Vec::len)
    }
    [
        ("work", n(&r.work)),
        ("volunteer", n(&r.volunteer)),
        ("education", n(&r.education)),
        ("awards", n(&r.awards)),
        ("certificates", n(&r.certificates)),
        ("publications", n(&r.publications)),
        ("skills", n(&r.skills)),
        ("languages", n(&r.languages)),
        ("interests", n(&r.interests)),
        ("references", n(&r.references)),
        ("projects", n(&r.projects)),
    ]
}

impl Found {
    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning::new(Some(line), message));
    }

    /// A line that fits nowhere.
    pub fn unplaced(&mut self, line: &lines::Line, why: &str) {
        let mut t: String = line.text.chars().take(70).collect();
        if line.text.chars().count() > 70 {
            t.push('…');
        }
        self.warn(line.line, format!("{why}: \"{t}\""));
    }
}

/// Turns a document into a résumé.
pub fn extract(doc: &Doc) -> (Resume, Vec<Warning>) {
    let found = extract_traced(doc);
    (found.resume, found.warnings)
}

/// Turns a document into a résumé, keeping where each part of it came from.
pub fn extract_traced(doc: &Doc) -> Found {
    let all = lines::lines(doc);
    let texts: Vec<String> = all.iter().map(|l| l.text.clone()).collect();
    dates::with_document(texts.iter().map(String::as_str), || extract_lines(all))
}

fn extract_lines(all: Vec<lines::Line>) -> Found {
    let mut found = Found::default();
    let all = personal::drop_birth_dates(all, &mut found);
    let name = basics::find_name(&all);
    found.person = name.as_ref().map(|n| n.text.clone());
    let chunks = sections::segment(&all, name.as_ref().map(|n| n.text.as_str()), &mut found);

    let mut preamble: Vec<lines::Line> = Vec::new();
    let mut contact: Vec<lines::Line> = Vec::new();
    let mut summary: Vec<lines::Line> = Vec::new();
    for chunk in &chunks {
        let before = counts(&found.resume);
        let mut kind = chunk.section;
        let mut rule = match (chunk.section, chunk.heading_line) {
            (None, _) if !chunk.unknown => {
                "before the first heading: name, headline and contact".to_string()
            }
            (Some(s), 0) => format!(
                "{}: lines recognised as {} without a heading",
                s.name(),
                s.name()
            ),
            (Some(s), n) => format!(
                "{}: the heading \"{}\" (line {n}) is a known section name",
                s.name(),
                chunk.title
            ),
            (None, _) => String::new(),
        };
        if chunk.unknown {
            kind = classify::by_content(&chunk.title, &chunk.lines);
            rule = match kind {
                Some(s) => format!(
                    "{}: the heading \"{}\" (line {}) is not a known section name; read as {} from what is under it",
                    s.name(),
                    chunk.title,
                    chunk.heading_line,
                    s.name()
                ),
                None => format!(
                    "the heading \"{}\" (line {}) is not a known section name, and what is under it is no known kind of section",
                    chunk.title, chunk.heading_line
                ),
            };
            if let (Some(s), Some(first)) = (kind, chunk.lines.first()) {
                found.warn(
                    first.line.saturating_sub(1).max(1),
                    format!(
                        "the heading \"{}\" is not a known section name; read as {} from what is under it",
                        chunk.title,
                        s.name()
                    ),
                );
            }
        }
        match kind {
            None if chunk.unknown => {
                for l in &chunk.lines {
                    found.unplaced(
                        l,
                        &format!("under the unknown heading \"{}\", not placed", chunk.title),
                    );
                }
            }
            None => preamble.extend(chunk.lines.iter().cloned()),
            Some(Section::Contact) => contact.extend(chunk.lines.iter().cloned()),
            Some(Section::Summary) => summary.extend(chunk.lines.iter().cloned()),
            Some(s) => section(s, chunk, &mut found),
        }
        let after = counts(&found.resume);
        let items = before
            .iter()
            .zip(after)
            .filter(|((_, b), (_, a))| a > b)
            .map(|((k, b), (_, a))| (*k, *b, a - b))
            .collect();
        found.traces.push(Trace {
            heading: (chunk.heading_line > 0).then(|| (chunk.title.clone(), chunk.heading_line)),
            rule,
            lines: chunk.lines.iter().map(|l| l.line).collect(),
            items,
        });
    }
    basics::fill(&mut found, &all, name, &preamble, &contact, &summary);
    skills::prose_skills(&all, &chunks, &mut found);
    clean(&mut found.resume);
    found
}

fn section(s: Section, chunk: &Chunk, found: &mut Found) {
    match s {
        Section::Skills => skills::skills(chunk, found),
        Section::Languages => skills::languages(chunk, found),
        Section::Interests => skills::interests(chunk, found),
        Section::References => entries::references_section(chunk, found),
        Section::Summary | Section::Contact => {}
        _ => entries::section(s, chunk, found),
    }
}

/// No-break spaces kept while the fields were found (see [`lines::collapse_keeping_binds`])
/// become plain spaces.
fn unbind(r: &mut Resume) {
    // One serialisation to look (serde_json writes U+202F as it is, not escaped), a second
    // only when there is something to replace.
    let Ok(json) = serde_json::to_string(&*r) else {
        return;
    };
    if !json.contains('\u{202f}') {
        return;
    }
    if let Ok(back) = serde_json::from_str(&json.replace('\u{202f}', " ")) {
        *r = back;
    }
}

/// Drops empty strings and lists, so a field that could not be filled stays absent.
fn clean(r: &mut Resume) {
    unbind(r);
    fn s(o: &mut Option<String>) {
        *o = o.as_deref().and_then(non_empty);
    }
    fn v(o: &mut Option<Vec<String>>) {
        if let Some(list) = o.as_mut() {
            list.retain(|x| !x.trim().is_empty());
        }
        if o.as_ref().is_some_and(Vec::is_empty) {
            *o = None;
        }
    }
    fn l<T>(o: &mut Option<Vec<T>>) {
        if o.as_ref().is_some_and(Vec::is_empty) {
            *o = None;
        }
    }
    if let Some(b) = r.basics.as_mut() {
        for f in [
            &mut b.name,
            &mut b.label,
            &mut b.email,
            &mut b.phone,
            &mut b.url,
            &mut b.summary,
        ] {
            s(f);
        }
        l(&mut b.profiles);
    }
    for w in r.work.iter_mut().flatten() {
        for f in [
            &mut w.name,
            &mut w.position,
            &mut w.location,
            &mut w.summary,
            &mut w.url,
        ] {
            s(f);
        }
        v(&mut w.highlights);
    }
    for w in r.volunteer.iter_mut().flatten() {
        for f in [
            &mut w.organization,
            &mut w.position,
            &mut w.summary,
            &mut w.url,
        ] {
            s(f);
        }
        v(&mut w.highlights);
    }
    for e in r.education.iter_mut().flatten() {
        for f in [
            &mut e.institution,
            &mut e.area,
            &mut e.study_type,
            &mut e.score,
            &mut e.url,
        ] {
            s(f);
        }
        v(&mut e.courses);
    }
    for p in r.projects.iter_mut().flatten() {
        for f in [&mut p.name, &mut p.description, &mut p.url] {
            s(f);
        }
        v(&mut p.highlights);
        v(&mut p.roles);
        v(&mut p.keywords);
    }
    for k in r.skills.iter_mut().flatten() {
        v(&mut k.keywords);
    }
    for k in r.interests.iter_mut().flatten() {
        v(&mut k.keywords);
    }
    l(&mut r.work);
    l(&mut r.volunteer);
    l(&mut r.education);
    l(&mut r.projects);
    l(&mut r.skills);
    l(&mut r.languages);
    l(&mut r.interests);
    l(&mut r.awards);
    l(&mut r.certificates);
    l(&mut r.publications);
    l(&mut r.references);
}
