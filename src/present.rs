//! `present`: the one place that decides how a résumé is laid out, as a [`Doc`] that every
//! text-like writer renders, so all formats agree.
//!
//! The layout is conventional — name, headline, one contact line, then the sections in the
//! usual order, each entry a heading (organisation in bold, role in italics), a line with its
//! dates, place and address, then its text and bullets — and it is chosen so that extraction
//! reads it back exactly: `extract(read(write(present(r)))) == r` for every field a document
//! can show (`meta`, `$schema` and unknown keys are data about the file, not résumé content,
//! and are not printed).

use crate::doc::{Block, Doc, Kind, Span};
use crate::locale::Words;
use crate::model::{Basics, Location, Resume};

/// Separator between items on one line (contact details, dates and place).
pub const SEP: &str = " · ";

fn plain(t: &str) -> Span {
    Span::plain(t)
}

fn bold(t: &str) -> Span {
    Span {
        text: t.to_string(),
        bold: true,
        ..Span::default()
    }
}

fn italic(t: &str) -> Span {
    Span {
        text: t.to_string(),
        italic: true,
        ..Span::default()
    }
}

fn link(t: &str, url: &str) -> Span {
    Span {
        text: t.to_string(),
        link: Some(url.to_string()),
        ..Span::default()
    }
}

/// Joins groups of spans with [`SEP`].
fn joined(groups: Vec<Vec<Span>>) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, g) in groups.into_iter().filter(|g| !g.is_empty()).enumerate() {
        if i > 0 {
            out.push(plain(SEP));
        }
        out.extend(g);
    }
    out
}

/// An ISO 8601 date for people, in a language: `2022-03` → "Mar 2022", `2022-03-14` → "14 Mar
/// 2022", `2019` → "2019". Anything else is printed as written.
pub fn human_date(iso: &str, w: &Words) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| w.months.get(i))
    };
    match parts.as_slice() {
        [y, m] if y.len() == 4 => month(m).map_or(iso.to_string(), |m| format!("{m} {y}")),
        [y, m, d] if y.len() == 4 => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// "Mar 2022 – Apr 2023", "2019 – Present"; an end without a start is printed as "Until …".
pub fn date_range(start: Option<&str>, end: Option<&str>, w: &Words) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) => Some(format!("{} – {}", human_date(s, w), human_date(e, w))),
        (Some(s), None) => Some(format!("{} – {}", human_date(s, w), w.present)),
        (None, Some(e)) => Some(format!("{} {}", w.until, human_date(e, w))),
        (None, None) => None,
    }
}

/// A single date (awards, certificates, publications).
fn one_date(d: Option<&str>, w: &Words) -> Option<String> {
    d.map(|d| human_date(d, w))
}

fn url_spans(url: Option<&str>) -> Vec<Span> {
    url.map(|u| vec![link(u, u)]).unwrap_or_default()
}

fn text_spans(t: Option<String>) -> Vec<Span> {
    t.map(|t| vec![plain(&t)]).unwrap_or_default()
}

/// A field's text with the spaces around a separator inside it made narrow no-break spaces
/// (U+202F): "Solutions Architect – Professional", "Head of Growth at Scale", "Acme, Inc.".
/// The reader cuts a heading into fields at a separator between ordinary spaces and keeps a
/// field whole where this space binds it; a number is tied to the word before it the same
/// way, so a year inside a name ("Best Paper Award – ICSE 2019") is not taken for the
/// entry's date. U+202F and not U+00A0: documents by other people use the ordinary no-break
/// space around real separators (to keep "Acme – Berlin" on one line), the narrow one almost
/// never. Extraction turns it back into a plain space.
pub fn bound(s: &str) -> String {
    let sep = crate::lite_re!(crate::patterns::PRINTED_SEPARATOR);
    sep.replace_all(s, |c: &regex_lite::Captures| {
        match (c.get(1), c.get(2), c.get(3)) {
            (Some(m), _, _) => format!("\u{202f}{}\u{202f}", m.as_str()),
            (None, Some(m), _) => format!("{}\u{202f}", m.as_str()),
            // A number is tied to the word before it ("ICSE 2019"): part of the name, not a date.
            (None, None, Some(m)) => format!("\u{202f}{}", m.as_str()),
            _ => c.get(0).map_or(String::new(), |m| m.as_str().to_string()),
        }
    })
    .into_owned()
}

/// An item of a list printed on one line: a middle dot inside it is bound with narrow
/// no-break spaces, so it is not taken for the separator between items.
fn inline_item(t: &str) -> String {
    t.replace(SEP, "\u{202f}·\u{202f}")
}

/// Builds the document, block by block.
struct Out {
    doc: Doc,
}

impl Out {
    fn push(&mut self, kind: Kind, spans: Vec<Span>) {
        if spans.iter().any(|s| !s.text.trim().is_empty()) {
            let line = self.doc.blocks.len() + 1;
            self.doc.blocks.push(Block::new(kind, spans, line));
        }
    }

    /// A paragraph per line of a text (a summary kept its line breaks).
    fn paragraphs(&mut self, text: Option<&str>) {
        for p in text.unwrap_or_default().split('\n') {
            self.push(Kind::Paragraph, vec![plain(p)]);
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.push(Kind::Heading(level), vec![plain(text)]);
    }

    /// An entry's heading: the organisation (or title) in bold, the role in italics.
    /// An entry's heading line, with its dates flush right.
    fn entry(&mut self, main: Option<&str>, role: Option<&str>, dates: Option<String>) {
        let mut spans = Vec::new();
        if let Some(m) = main {
            spans.push(bold(&bound(m)));
        }
        if let Some(r) = role {
            if !spans.is_empty() {
                spans.push(plain(" — "));
            }
            spans.push(italic(&bound(r)));
        }
        let right = dates.map(|d| vec![plain(&d)]).unwrap_or_default();
        if spans.is_empty() && right.is_empty() {
            return;
        }
        let line = self.doc.blocks.len() + 1;
        let mut block = Block::new(Kind::Heading(3), spans, line);
        block.right = right;
        self.doc.blocks.push(block);
    }

    fn labelled(&mut self, label: &str, items: Option<&[String]>) {
        if let Some(items) = items.filter(|i| !i.is_empty()) {
            self.push(
                Kind::Paragraph,
                vec![plain(&format!("{label}: {}", items.join(", ")))],
            );
        }
    }

    /// Short items on one line between middle dots; a single item stays a list item (alone
    /// on a line, "Open source" or "Volunteering" would read as a section title).
    fn inline_list(&mut self, items: Vec<Vec<Span>>) {
        if items.len() == 1 {
            self.push(Kind::ListItem(0), items.into_iter().flatten().collect());
        } else {
            self.push(Kind::Paragraph, joined(items));
        }
    }

    fn bullets(&mut self, items: Option<&[String]>) {
        for h in items.unwrap_or_default() {
            self.push(Kind::ListItem(0), vec![plain(h)]);
        }
    }
}

/// "Södra Förstadsgatan 12, 211 43 Malmö, Skåne, SE"
pub fn location_text(l: &Location) -> Option<String> {
    let city = match (&l.postal_code, &l.city) {
        (Some(p), Some(c)) => Some(format!("{p} {c}")),
        (Some(p), None) => Some(p.clone()),
        (None, c) => c.clone(),
    };
    // A country code that is also a US state's ("CA", "DE") is written as the country's
    // name when nothing else says which it is.
    let country = l.country_code.as_ref().map(|c| {
        let ambiguous = l.region.is_none()
            && crate::extract::lexicon::US_STATES
                .iter()
                .any(|(_, s)| s == c);
        let name = crate::extract::lexicon::COUNTRIES
            .iter()
            .find(|(n, code)| code == c && n.len() > 3);
        match (ambiguous, name) {
            (true, Some((n, _))) => crate::extract::basics::title_case(&n.to_uppercase()),
            _ => c.clone(),
        }
    });
    let parts: Vec<String> = [l.address.clone(), city, l.region.clone(), country]
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A school entry's degree as people write it ("MSc in Computer Science", "BSc (Hons)",
/// "Web Development") when it reads back as the same degree and field, else what does not
/// as labelled lines ("Degree: Bootcamp certificate", "Field of study: Nursing").
fn degree_text(study: Option<&str>, area: Option<&str>) -> (Option<String>, Vec<String>) {
    use crate::extract::entries::{has_degree, parse_degree};
    let own = |s: &str| s.trim().to_string();
    let reads = |text: &str, st: Option<&str>, ar: Option<&str>| {
        let (s2, a2, score) = parse_degree(text);
        s2.as_deref() == st.map(str::trim)
            && a2.as_deref() == ar.map(str::trim)
            && score.is_none()
            && has_degree(text) == st.is_some()
    };
    let field = |a: &str| format!("Field of study: {}", own(a));
    let degree = |s: &str| format!("Degree: {}", own(s));
    match (study, area) {
        (Some(s), Some(a)) => {
            let natural = format!("{} in {}", own(s), own(a));
            if reads(&natural, Some(s), Some(a)) {
                (Some(natural), Vec::new())
            } else if reads(s, Some(s), None) {
                (Some(own(s)), vec![field(a)])
            } else {
                (None, vec![degree(s), field(a)])
            }
        }
        (Some(s), None) if reads(s, Some(s), None) => (Some(own(s)), Vec::new()),
        (Some(s), None) => (None, vec![degree(s)]),
        (None, Some(a)) if reads(a, None, Some(a)) => (Some(own(a)), Vec::new()),
        (None, Some(a)) => (None, vec![field(a)]),
        (None, None) => (None, Vec::new()),
    }
}

/// The place on the contact line: as people write it ("2712 Broadway St, CA 94115 San
/// Francisco, California, US") when that reads back as the same parts, else each part
/// labelled ("Address: Flat B, Rose Lane · City: Leeds"), so the reader never has to guess
/// which part a name is.
pub fn location_groups(l: &Location) -> Vec<String> {
    use crate::extract::basics::{self, PlacePart};
    let Some(text) = location_text(l) else {
        return Vec::new();
    };
    let bare = Location {
        extra: Default::default(),
        ..l.clone()
    };
    if basics::is_contact_place(&text) && basics::parse_location(&text).as_ref() == Some(&bare) {
        return vec![text];
    }
    [
        (PlacePart::Address, &l.address),
        (PlacePart::Postal, &l.postal_code),
        (PlacePart::City, &l.city),
        (PlacePart::Region, &l.region),
        (PlacePart::Country, &l.country_code),
    ]
    .into_iter()
    .filter_map(|(part, v)| {
        let v = v.as_deref()?.trim();
        // The label stays with its value on one line (a narrow no-break space).
        (!v.is_empty()).then(|| format!("{}:\u{202f}{v}", basics::place_label(part)))
    })
    .collect()
}

fn contact_line(b: &Basics) -> Vec<Span> {
    let mut groups: Vec<Vec<Span>> = Vec::new();
    if let Some(e) = &b.email {
        groups.push(vec![link(e, &format!("mailto:{e}"))]);
    }
    if let Some(p) = &b.phone {
        groups.push(vec![plain(p)]);
    }
    if let Some(u) = &b.url {
        groups.push(vec![link(u, u)]);
    }
    if let Some(l) = &b.location {
        groups.extend(location_groups(l).into_iter().map(|t| vec![plain(&t)]));
    }
    for p in b.profiles.iter().flatten() {
        let name = match (&p.network, &p.username) {
            (Some(n), Some(u)) => format!("{n}: {u}"),
            (Some(n), None) => n.clone(),
            (None, Some(u)) => u.clone(),
            (None, None) => p.url.clone().unwrap_or_default(),
        };
        groups.push(match &p.url {
            Some(u) => vec![link(&name, u)],
            None => vec![plain(&name)],
        });
    }
    // A photo's address (`basics.image`) is not printed: it travels in the embedded data.
    joined(groups)
}

/// Lays a résumé out as a document in the language its `meta` names (else English).
pub fn present(r: &Resume) -> Doc {
    let lang = crate::meta::resume_lang(r).unwrap_or_default();
    present_in(r, Words::of(&lang))
}

/// Lays a résumé out as a document, its section titles and dates in a language.
pub fn present_in(r: &Resume, w: &Words) -> Doc {
    let mut o = Out {
        doc: Doc::default(),
    };
    let basics = r.basics.clone().unwrap_or_default();
    if let Some(n) = &basics.name {
        o.heading(1, n);
    }
    if let Some(l) = &basics.label {
        o.push(Kind::Paragraph, vec![italic(l)]);
    }
    o.push(Kind::Paragraph, contact_line(&basics));
    if basics.summary.is_some() {
        o.heading(2, w.summary);
        o.paragraphs(basics.summary.as_deref());
    }

    if let Some(work) = r.work.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.experience);
        for j in work {
            let dates = date_range(j.start_date.as_deref(), j.end_date.as_deref(), w);
            o.entry(j.name.as_deref(), j.position.as_deref(), dates);
            o.push(
                Kind::Paragraph,
                joined(vec![
                    text_spans(j.location.clone()),
                    url_spans(j.url.as_deref()),
                ]),
            );
            // What the organisation is, in italics under the heading; with no role in the
            // heading an italic line there would read as the role, so it is labelled.
            match (&j.description, &j.position) {
                (Some(d), Some(_)) => o.push(Kind::Paragraph, vec![italic(d)]),
                (Some(d), None) => o.push(Kind::Paragraph, vec![plain(&format!("About: {d}"))]),
                _ => {}
            }
            o.paragraphs(j.summary.as_deref());
            o.bullets(j.highlights.as_deref());
        }
    }
    if let Some(vol) = r.volunteer.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.volunteering);
        for v in vol {
            let dates = date_range(v.start_date.as_deref(), v.end_date.as_deref(), w);
            o.entry(v.organization.as_deref(), v.position.as_deref(), dates);
            o.push(Kind::Paragraph, joined(vec![url_spans(v.url.as_deref())]));
            o.paragraphs(v.summary.as_deref());
            o.bullets(v.highlights.as_deref());
        }
    }
    if let Some(edu) = r.education.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.education);
        for e in edu {
            let (degree, labelled) = degree_text(e.study_type.as_deref(), e.area.as_deref());
            let dates = date_range(e.start_date.as_deref(), e.end_date.as_deref(), w);
            o.entry(e.institution.as_deref(), degree.as_deref(), dates);
            o.push(Kind::Paragraph, joined(vec![url_spans(e.url.as_deref())]));
            for line in labelled {
                o.push(Kind::Paragraph, vec![plain(&line)]);
            }
            if let Some(s) = &e.score {
                o.push(Kind::Paragraph, vec![plain(&format!("Grade: {s}"))]);
            }
            o.labelled("Courses", e.courses.as_deref());
        }
    }
    if let Some(projects) = r.projects.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.projects);
        for p in projects {
            let dates = date_range(p.start_date.as_deref(), p.end_date.as_deref(), w);
            o.entry(p.name.as_deref(), None, dates);
            o.push(Kind::Paragraph, joined(vec![url_spans(p.url.as_deref())]));
            // The description first, under the heading: after labelled lines a short plain
            // line reads as the next project's name.
            o.paragraphs(p.description.as_deref());
            o.bullets(p.highlights.as_deref());
            // The project's facts under the words people label them with on a CV (not the
            // JSON field names): "Role:", "For:", "Project type:", "Technologies:".
            o.labelled("Role", p.roles.as_deref());
            if let Some(e) = &p.entity {
                o.push(Kind::Paragraph, vec![plain(&format!("For: {e}"))]);
            }
            if let Some(t) = &p.kind {
                o.push(Kind::Paragraph, vec![plain(&format!("Project type: {t}"))]);
            }
            o.labelled("Technologies", p.keywords.as_deref());
        }
    }
    if let Some(skills) = r.skills.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.skills);
        for s in skills {
            let mut name = s.name.clone().unwrap_or_default();
            // The level once: a group named by its level ("Expert") is not "Expert (Expert)".
            if let Some(l) = s
                .level
                .as_ref()
                .filter(|l| !l.trim().eq_ignore_ascii_case(name.trim()))
            {
                name = format!("{name} ({l})");
            }
            // The group's name (and level) in bold before its keywords.
            let keywords = s.keywords.as_ref().filter(|k| !k.is_empty());
            let spans = match (name.trim().is_empty(), keywords) {
                (true, Some(k)) => vec![plain(&k.join(", "))],
                (true, None) => Vec::new(),
                (false, Some(k)) => vec![
                    bold(&format!("{name}:")),
                    plain(&format!(" {}", k.join(", "))),
                ],
                (false, None) => vec![bold(&format!("{name}:"))],
            };
            o.push(Kind::ListItem(0), spans);
        }
    }
    if let Some(awards) = r.awards.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.awards);
        for a in awards {
            o.entry(
                a.title.as_deref(),
                a.awarder.as_deref(),
                one_date(a.date.as_deref(), w),
            );
            o.paragraphs(a.summary.as_deref());
        }
    }
    if let Some(certs) = r.certificates.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.certificates);
        for c in certs {
            o.entry(
                c.name.as_deref(),
                c.issuer.as_deref(),
                one_date(c.date.as_deref(), w),
            );
            o.push(Kind::Paragraph, joined(vec![url_spans(c.url.as_deref())]));
        }
    }
    if let Some(pubs) = r.publications.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.publications);
        for p in pubs {
            o.entry(
                p.name.as_deref(),
                p.publisher.as_deref(),
                one_date(p.release_date.as_deref(), w),
            );
            o.push(Kind::Paragraph, joined(vec![url_spans(p.url.as_deref())]));
            o.paragraphs(p.summary.as_deref());
        }
    }
    if let Some(langs) = r.languages.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.languages);
        let mut items = Vec::new();
        for l in langs {
            let text = match (&l.language, &l.fluency) {
                // "English (Native speaker)"; a fluency with brackets of its own after a
                // dash: "Swedish – B1 (conversational)".
                (Some(a), Some(f)) if f.contains(['(', ')']) => format!("{a} – {f}"),
                (Some(a), Some(f)) => format!("{a} ({f})"),
                (a, f) => a.clone().or(f.clone()).unwrap_or_default(),
            };
            items.push(vec![plain(&inline_item(&text))]);
        }
        // Languages on one line, set apart by middle dots: "English (native) · German (C1)".
        o.inline_list(items);
    }
    if let Some(interests) = r.interests.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.interests);
        let mut items = Vec::new();
        for i in interests {
            let name = i.name.clone().unwrap_or_default();
            let text = match i.keywords.as_ref().filter(|k| !k.is_empty()) {
                Some(k) => format!("{name}: {}", k.join(", ")),
                None => name,
            };
            items.push(vec![plain(&inline_item(&text))]);
        }
        // Interests on one line too: "Cycling: road, gravel · Chess".
        o.inline_list(items);
    }
    if let Some(refs) = r.references.as_ref().filter(|w| !w.is_empty()) {
        o.heading(2, w.references);
        for x in refs {
            let text = match (&x.reference, &x.name) {
                (Some(t), Some(n)) => format!("“{t}” — {n}"),
                (Some(t), None) => format!("“{t}”"),
                // A referee without a quotation, given as an attribution.
                (None, Some(n)) => format!("— {n}"),
                (None, None) => String::new(),
            };
            o.push(Kind::Quote, vec![plain(&text)]);
        }
    }
    o.doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_for_people() {
        let en = Words::of("en");
        assert_eq!(human_date("2022-03", en), "Mar 2022");
        assert_eq!(human_date("2022-05-14", en), "14 May 2022");
        assert_eq!(human_date("2019", en), "2019");
        assert_eq!(
            date_range(Some("2019"), None, en).as_deref(),
            Some("2019 – Present")
        );
        assert_eq!(
            date_range(Some("2022-03"), Some("2023-04"), en).as_deref(),
            Some("Mar 2022 – Apr 2023")
        );
        let de = Words::of("de");
        assert_eq!(
            date_range(Some("2022-03"), None, de).as_deref(),
            Some("Mär 2022 – heute")
        );
        assert_eq!(
            date_range(None, Some("2020-10"), de).as_deref(),
            Some("bis Okt 2020")
        );
    }
}
