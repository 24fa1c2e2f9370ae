//! `basics`: the name, headline, contact details, location and summary, found wherever they
//! are — the first lines, a contact section, a page footer, the sign-off of a letter.

use super::Found;
use super::contact::{self, Item};
use super::lexicon;
use super::lines::{Line, Part, parts};
use crate::doc::Kind;
use crate::model::{self, Basics, Location, Profile};
use std::collections::HashSet;

/// The chosen name and where it was found.
#[derive(Debug, Clone)]
pub struct Name {
    pub text: String,
    pub line: usize,
}

const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "dos", "das", "del", "la", "le", "bin",
    "al", "ben", "ter", "y", "e",
];

/// How much a phrase looks like a person's name, before context.
fn name_shape(s: &str) -> Option<i32> {
    let words: Vec<&str> = s.split_whitespace().collect();
    // Up to four names, particles not counted ("Anne-Sophie de Souza e Silva").
    let names = words
        .iter()
        .filter(|w| !PARTICLES.contains(&w.to_lowercase().as_str()))
        .count();
    if names == 0 || names > 4 || words.len() > 7 {
        return None;
    }
    if s.chars()
        .any(|c| c.is_ascii_digit() || c == '@' || c == '/' || c == ':' || c == '(')
    {
        return None;
    }
    for w in &words {
        let lower = w.to_lowercase();
        if PARTICLES.contains(&lower.as_str()) {
            continue;
        }
        let first = w.chars().next()?;
        if !first.is_uppercase() || !w.chars().all(|c| c.is_alphabetic() || "'’-.".contains(c)) {
            return None;
        }
    }
    let mut score = if words.len() >= 2 { 2 } else { 0 };
    let title_hits = words
        .iter()
        .filter(|w| lexicon::has(lexicon::TITLE_WORDS, w))
        .count() as i32;
    score -= 3 * title_hits;
    if words.iter().any(|w| {
        lexicon::has(lexicon::REGION_WORDS, w)
            || lexicon::has(lexicon::ORG_WORDS, w)
            || lexicon::has(lexicon::SCHOOL_WORDS, w)
    }) {
        score -= 3;
    }
    if lexicon::classify_heading(s).is_some() || super::dates::find_range(s).is_some() {
        return None;
    }
    Some(score)
}

fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Bonus when the name matches an e-mail address's local part (`jessekoconnor` for Jesse
/// O'Connor, `bessey` for Matt Bessey).
fn email_bonus(name: &str, emails: &[String]) -> i32 {
    let words: Vec<String> = name
        .split_whitespace()
        .map(letters)
        .filter(|w| w.len() >= 2)
        .collect();
    let mut best = 0;
    for e in emails {
        let local = letters(e.split('@').next().unwrap_or(""));
        let hits = words.iter().filter(|w| local.contains(w.as_str())).count() as i32;
        best = best.max(hits * 3);
    }
    best
}

/// "Tomasz Nowak's CV" → "Tomasz Nowak"; "Resume of Ana Silva" → "Ana Silva".
fn strip_document_words(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let is_doc = |w: &str| lexicon::has(lexicon::DOCUMENT_WORDS, w);
    if !words
        .iter()
        .any(|w| is_doc(w) && !w.eq_ignore_ascii_case("of"))
    {
        return s.to_string();
    }
    let kept: Vec<&str> = words
        .into_iter()
        .filter(|w| !is_doc(w) && *w != "-" && *w != "–")
        .collect();
    let joined = kept.join(" ");
    let cut = joined
        .strip_suffix("'s")
        .or_else(|| joined.strip_suffix("’s"))
        .unwrap_or(&joined);
    cut.trim_end_matches([':', ',']).trim().to_string()
}

/// Title case for a name written in capitals ("MATT BESSEY" → "Matt Bessey").
pub fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut out = String::new();
            let mut up = true;
            for c in w.chars() {
                if up {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                up = matches!(c, '-' | '\'' | '’');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The best name candidate in the document: from its first lines and headings, and from the
/// line after a letter's closing ("Peace, / Andrew").
pub fn find_name(all: &[Line]) -> Option<Name> {
    // A few distinct addresses are enough to recognise the name by.
    let mut emails: Vec<String> = Vec::new();
    for (_, i) in all.iter().take(300).flat_map(|l| contact::find(&l.text)) {
        if let Item::Email(e) = i {
            if !emails.contains(&e) {
                emails.push(e);
            }
            if emails.len() >= 4 {
                break;
            }
        }
    }
    let mut best: Option<(i32, Name)> = None;
    let mut consider = |text: &str, line: usize, bonus: i32| {
        let text = strip_document_words(text.trim().trim_end_matches([',', '.']).trim());
        let text = text.as_str();
        let Some(shape) = name_shape(text) else {
            return;
        };
        let score = shape + bonus + email_bonus(text, &emails);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((
                score,
                Name {
                    text: title_case(text),
                    line,
                },
            ));
        }
    };
    // The first lines (before any section heading), cut into parts.
    let mut seen = 0;
    for l in all.iter().take(40) {
        if l.kind == Kind::Rule {
            continue;
        }
        if l.is_heading() && lexicon::classify_heading(&l.text).is_some() {
            break;
        }
        let first_bonus = if seen == 0 { 3 } else { 0 };
        let heading_bonus = match l.kind {
            Kind::Heading(1) => 2,
            Kind::Heading(_) => 1,
            _ => 0,
        };
        let ps = parts(&l.spans);
        // A name set in two weights ("Andreas" light, "**Kiener**" bold, as many templates
        // do) is cut in two by the style change: the whole short line is a candidate too.
        if ps.len() > 1 && ps.len() <= 3 && l.words() <= 4 && !l.text.contains(['|', '·', '•', ','])
        {
            consider(&l.text, l.line, first_bonus + heading_bonus + 2);
        }
        for p in ps.into_iter().take(12) {
            let bold = if p.bold { 1 } else { 0 };
            consider(&p.text, l.line, first_bonus + heading_bonus + bold);
        }
        seen += 1;
        if seen >= 6 {
            break;
        }
    }
    // A letter's sign-off.
    for w in all.windows(2) {
        let [closing, name] = w else { continue };
        let closing = closing
            .text
            .trim_end_matches([',', '.', '!'])
            .to_lowercase();
        if lexicon::VALEDICTIONS.contains(&closing.as_str()) {
            consider(&name.text, name.line, 4);
        }
    }
    best.filter(|(s, _)| *s >= 2).map(|(_, n)| n)
}

/// Fills `basics` from the preamble, contact sections and the summary section.
pub fn fill(
    found: &mut Found,
    all: &[Line],
    name: Option<Name>,
    preamble: &[Line],
    contact_lines: &[Line],
    summary: &[Line],
) {
    let mut b = Basics {
        name: name.as_ref().map(|n| n.text.clone()),
        ..Basics::default()
    };
    let mut used_lines: HashSet<usize> = HashSet::new();
    let mut location: Option<Location> = None;

    // Contact details: the preamble and contact sections.
    for l in preamble.iter().chain(contact_lines) {
        let profiles_before = b.profiles.as_ref().map_or(0, Vec::len);
        contact_details(&mut b, l, &mut used_lines, &mut location);
        // The profiles of one line in the order the line gives them.
        if let Some(ps) = b
            .profiles
            .as_mut()
            .and_then(|p| p.get_mut(profiles_before..))
        {
            let at = |p: &Profile| {
                l.spans
                    .iter()
                    .position(|s| s.link.is_some() && s.link == p.url)
                    .or_else(|| {
                        let user = p.username.as_deref()?;
                        l.spans.iter().position(|s| s.text.contains(user))
                    })
                    .unwrap_or(usize::MAX)
            };
            ps.sort_by_key(at);
        }
    }

    // "GitHub" on one line and the username on the next.
    for w in preamble.windows(2).chain(contact_lines.windows(2)) {
        let [first, second] = w else { continue };
        let network = first.text.trim_end_matches(':').trim();
        let user = second.text.trim();
        if user.contains(char::is_whitespace) || user.is_empty() {
            continue;
        }
        if let Some(p) = contact::profile_for(network, user) {
            let profiles = b.profiles.get_or_insert_with(Vec::new);
            if !profiles.iter().any(|x| x.network == p.network) {
                profiles.push(p);
            }
            used_lines.insert(first.line);
            used_lines.insert(second.line);
        }
    }

    // Name, label and location from the parts of the first lines.
    let name_text = b.name.clone().unwrap_or_default();
    // A line set in italics or bold right under the name is the headline, whatever its
    // words, and all of it: "IT Project Manager | Delivery | PMP" keeps its parts.
    if let Some(n) = &name {
        let under = preamble.iter().skip_while(|l| l.line != n.line).nth(1);
        if let Some(l) = under.filter(|l| {
            // Emphasised, or a short plain line of words (no digits, not a sentence).
            let emphasised = l
                .spans
                .iter()
                .all(|s| s.text.trim().is_empty() || s.italic || s.bold);
            let plain_title = l.words() <= 8
                && !l.text.chars().any(|c| c.is_ascii_digit())
                && !l.sentence_like()
                && !l.text.ends_with(':');
            // A link ("[Mastodon: ana](https://…)") is a contact detail, not a headline.
            // A line set larger than the body under the name (read as a minor heading) is
            // the headline too, as long as it comes before any section.
            matches!(l.kind, Kind::Paragraph | Kind::Heading(3))
                && l.words() <= 20
                && (emphasised || plain_title)
                && contact::find(&l.text).is_empty()
                && !l.spans.iter().any(|s| s.link.is_some())
                && labelled_place(&l.text.split(" · ").collect::<Vec<_>>()).is_none()
                && !parts(&l.spans)
                    .iter()
                    .any(|p| super::entries::is_location(&p.text) || looks_like_address(&p.text))
        }) {
            b.label = Some(l.text.clone());
            used_lines.insert(l.line);
        }
    }
    for l in preamble.iter().take(8) {
        // A line ending with a colon introduces something; it is not a headline.
        if l.text.ends_with(':') {
            continue;
        }
        // Long lines count only when cut into short parts (a contact line).
        for p in parts(&l.spans).into_iter().filter(|p| p.words() <= 14) {
            if l.words() > 12
                && !l.text.contains(" · ")
                && !l.text.contains(" | ")
                && !l.text.contains('\t')
            {
                break;
            }
            if title_case(&p.text) == name_text || !contact::find(&p.text).is_empty() {
                continue;
            }
            if b.label.is_none() && p.link.is_none() && is_headline(&p) {
                b.label = Some(p.text.clone());
                used_lines.insert(l.line);
            } else if location.is_none()
                && (super::entries::is_location(&p.text)
                    || is_region(&p.text)
                    || looks_like_address(&p.text))
            {
                location = parse_location(&p.text);
                used_lines.insert(l.line);
            }
        }
    }

    // A bare town among the contact details ("jo@example.de · +49 151 … · Bremen"): a short
    // capitalised part of a contact line that is no contact item, name or headline.
    for l in preamble.iter().take(8) {
        if location.is_some() {
            break;
        }
        if contact::find(&l.text).is_empty() {
            continue;
        }
        let ps = parts(&l.spans);
        if ps.len() < 2 {
            continue;
        }
        // What the contact items spell (a surname inside an e-mail address is no town).
        let items: String = contact::find(&l.text)
            .iter()
            .filter_map(|(r, _)| l.text.get(r.clone()))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let town = ps.iter().find(|p| {
            let words: Vec<&str> = p.text.split_whitespace().collect();
            // "LeetCode", "GitHub": a capital inside a word is a brand, not a town.
            let camel = words.iter().any(|w| {
                w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase)
            });
            !camel
                && !words.iter().any(|w| items.contains(&w.to_lowercase()))
                && (1..=3).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || matches!(*w, "de" | "do" | "da" | "am" | "an" | "der" | "sur" | "en")
                })
                && !p
                    .text
                    .chars()
                    .any(|c| c.is_ascii_digit() || c == '@' || c == '/')
                && contact::find(&p.text).is_empty()
                && p.link.is_none()
                && !words.iter().any(|w| {
                    name_text
                        .split_whitespace()
                        .any(|n| n.eq_ignore_ascii_case(w))
                        || lexicon::NETWORKS
                            .iter()
                            .any(|(net, _, _)| net.eq_ignore_ascii_case(w))
                })
                && b.label.as_deref() != Some(p.text.as_str())
                && lexicon::classify_heading(&p.text).is_none()
        });
        if let Some(p) = town {
            location = parse_location(&p.text);
            used_lines.insert(l.line);
        }
    }

    // A place on a line of its own under a contact heading ("Leipzig, Germany").
    for l in contact_lines {
        if location.is_some() {
            break;
        }
        if contact::find(&l.text).is_empty()
            && (super::entries::is_location(&l.text) || looks_like_address(&l.text))
        {
            location = parse_location(&l.text);
            used_lines.insert(l.line);
        }
    }

    // The summary: a summary section, else the opening paragraph that describes the person.
    let summary_text = if !summary.is_empty() {
        Some(join_lines(summary))
    } else {
        opening_summary(preamble, &name_text, &mut used_lines)
    };
    if let Some(s) = &summary_text {
        if b.label.is_none() {
            b.label = label_from_prose(s);
        }
        if location.is_none() {
            location = location_from_prose(s);
        }
    }
    b.summary = summary_text;
    b.location = location;

    for l in preamble {
        let is_name = name.as_ref().is_some_and(|n| n.line == l.line);
        if !is_name && !used_lines.contains(&l.line) && l.kind != Kind::Rule {
            found.unplaced(l, "in the opening lines, not placed");
        }
    }
    let _ = all;
    if b != Basics::default() {
        found.resume.basics = Some(b);
    }
}

fn add_url(b: &mut Basics, url: &str, label: Option<&str>) {
    if let Some(p) = contact::profile(url) {
        let profiles = b.profiles.get_or_insert_with(Vec::new);
        if !profiles.iter().any(|x| x.url == p.url) {
            profiles.push(p);
        }
        return;
    }
    let absolute = if url.starts_with("www.") || !url.contains("://") {
        format!("http://{url}")
    } else {
        url.to_string()
    };
    let network = label.and_then(contact::label_network);
    if b.url.is_none() {
        b.url = Some(absolute.clone());
        if let Some(n) = network.filter(|n| *n != "Website") {
            b.profiles.get_or_insert_with(Vec::new).push(Profile {
                network: Some(n.to_string()),
                url: Some(absolute),
                ..Profile::default()
            });
        }
    } else if b.url.as_deref() != Some(absolute.as_str()) {
        b.profiles.get_or_insert_with(Vec::new).push(Profile {
            network: Some(network.unwrap_or("Website").to_string()),
            url: Some(absolute),
            ..Profile::default()
        });
    }
}

/// A short phrase whose last word is a job title: a headline.
fn is_headline(p: &Part) -> bool {
    let words = p.words();
    if words == 0 || words > 8 || p.text.ends_with('.') {
        return false;
    }
    // The role noun ends a piece ("UX Director") or is followed by its field
    // ("Researcher in Computational Linguistics").
    p.text.split(',').any(|piece| {
        let words: Vec<&str> = piece.split_whitespace().collect();
        words.iter().enumerate().any(|(i, w)| {
            let noun = lexicon::has(lexicon::TITLE_WORDS, w) && is_title_noun(w);
            noun && (i + 1 == words.len()
                || words
                    .get(i + 1)
                    .is_some_and(|n| matches!(*n, "in" | "of" | "for" | "at")))
        })
    })
}

/// Title words that name a person's role (not "software" or "senior").
fn is_title_noun(w: &str) -> bool {
    !lexicon::has(lexicon::TITLE_MODIFIERS, w)
}

fn is_region(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().any(|w| lexicon::has(lexicon::REGION_WORDS, w))
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "Södra Förstadsgatan 12, 211 43 Malmö, Skåne, SE": several comma-separated pieces ending
/// in a country, or holding a postal code.
fn looks_like_address(s: &str) -> bool {
    let pieces: Vec<&str> = s.split(',').map(str::trim).collect();
    if pieces.len() < 2 || s.split_whitespace().count() > 14 || s.contains(['@', '/']) {
        return false;
    }
    let last = pieces.last().copied().unwrap_or("");
    let country = lexicon::COUNTRIES
        .iter()
        .any(|(n, c)| last.eq_ignore_ascii_case(n) || last == *c)
        || (last.len() == 2 && last.chars().all(|c| c.is_ascii_uppercase()));
    let postal = pieces
        .iter()
        .any(|p| super::shapes::starts_with_postal_code(p));
    let street = pieces.first().is_some_and(|p| is_street(p));
    (country && pieces.len() >= 2) || postal || street
}

/// "Label: value" with a short label.
fn labelled_value(text: &str) -> Option<(&str, &str)> {
    let (label, value) = text.split_once(':')?;
    let label = label.trim();
    let value = value.trim();
    let short = !label.is_empty()
        && label.split_whitespace().count() <= 3
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    (short && !value.is_empty() && !value.starts_with("//")).then_some((label, value))
}

/// The contact details of one line: e-mail, phone, web addresses, profiles, the photo's
/// address and a place.
fn contact_details(
    b: &mut Basics,
    l: &Line,
    used_lines: &mut HashSet<usize>,
    location: &mut Option<Location>,
) {
    // A link written "Network: username" is a profile as it stands ("[GitHub:
    // analindqvist](https://github.com/analindqvist)"); its text is not searched again.
    let mut rest = String::new();
    let mut links: Vec<(String, String)> = Vec::new();
    for sp in &l.spans {
        let text = sp.text.trim();
        match &sp.link {
            Some(target) if target.starts_with("http") => {
                if let Some((network, user)) = labelled_value(text) {
                    if is_photo_label(network) {
                        b.image.get_or_insert_with(|| target.clone());
                    } else {
                        push_profile(
                            b,
                            Profile {
                                network: Some(network.to_string()),
                                username: (user != target.as_str()).then(|| user.to_string()),
                                url: Some(target.clone()),
                                ..Profile::default()
                            },
                        );
                    }
                    used_lines.insert(l.line);
                    rest.push_str(" · ");
                    continue;
                }
                links.push((text.to_string(), target.clone()));
            }
            Some(target) => links.push((text.to_string(), target.clone())),
            None => {}
        }
        // A line break inside the contact block is a space ("… · Paris ·" then the next
        // line): the pieces are cut at the separators.
        if sp.is_break() {
            rest.push(' ');
        } else {
            rest.push_str(&sp.text);
        }
    }
    // "Photo: <https://…>": the label is plain text, the address a link.
    let photo = crate::lite_re!(crate::patterns::PHOTO_LABEL);
    let items = contact::find(&rest);
    if !items.is_empty() {
        used_lines.insert(l.line);
    }
    for (range, item) in items {
        match item {
            Item::Email(e) => {
                b.email.get_or_insert(e);
            }
            Item::Phone(p) => {
                b.phone.get_or_insert(p);
            }
            Item::Url { url, label } => {
                // A link's target is the address; its text may be shortened.
                let target = links
                    .iter()
                    .find(|(t, _)| t.contains(&url) || url.contains(t.as_str()))
                    .map(|(_, u)| u.clone());
                let url = target.unwrap_or(url);
                if url.starts_with("mailto:") {
                    continue;
                }
                let labelled_photo = label.as_deref().is_some_and(is_photo_label);
                if labelled_photo || photo.is_match(&rest[..range.start]) {
                    b.image.get_or_insert(url);
                    continue;
                }
                add_url(b, &url, label.as_deref());
            }
        }
    }
    // Links whose text is not an address ("LinkedIn: [tomasz-nowak-dev](https://…)").
    for (text, target) in &links {
        if let Some(addr) = target.strip_prefix("mailto:") {
            b.email.get_or_insert_with(|| addr.to_string());
            used_lines.insert(l.line);
        } else if target.starts_with("http") && contact::find(text).is_empty() {
            let known = b.url.as_deref() == Some(target.as_str())
                || b.image.as_deref() == Some(target.as_str())
                || b.profiles
                    .iter()
                    .flatten()
                    .any(|p| p.url.as_deref() == Some(target.as_str()));
            if !known {
                add_url(b, target, None);
                used_lines.insert(l.line);
            }
        }
    }
    // "GitHub: analindqvist" written out, without a link.
    for piece in rest.split(" · ").flat_map(|x| x.split(" | ")) {
        if let Some((network, user)) = labelled_value(piece.trim()) {
            if !user.contains(['/', '.', '@']) || user.starts_with('@') {
                if let Some(p) = contact::profile_for(network, user) {
                    push_profile(b, p);
                    used_lines.insert(l.line);
                }
            }
        }
    }
    // A place among the contact details ("… · 2712 Broadway St, San Francisco, CA 94115 ·
    // …"): a piece that has the shape of a postal address or of a known place.
    // "City: Leeds · Country: GB": the parts of a place, each labelled, as forms and
    // Europass-style CVs print them.
    // A separator left at the end of a wrapped line ("… · Paris ·") is not the place's.
    let pieces: Vec<&str> = rest
        .split(" · ")
        .flat_map(|x| x.split(" | "))
        .map(|p| p.trim().trim_matches(['·', '|']).trim())
        .collect();
    if let Some(labelled) = labelled_place(&pieces) {
        // Labelled parts go on where a wrapped contact line goes on: "Postal code: 94115 ·"
        // at the end of one line and "City: Berlin" at the start of the next are one place.
        match location {
            Some(loc) => {
                let fill = |have: &mut Option<String>, new: Option<String>| {
                    if have.is_none() {
                        *have = new;
                    }
                };
                fill(&mut loc.address, labelled.address);
                fill(&mut loc.postal_code, labelled.postal_code);
                fill(&mut loc.city, labelled.city);
                fill(&mut loc.region, labelled.region);
                fill(&mut loc.country_code, labelled.country_code);
            }
            None => *location = Some(labelled),
        }
        used_lines.insert(l.line);
    } else if location.is_none() {
        if pieces.len() >= 2 {
            if let Some(p) = pieces
                .iter()
                .map(|p| p.trim())
                .find(|p| is_contact_place(p))
            {
                *location = parse_location(p);
                used_lines.insert(l.line);
            }
        }
    }
    // "address - Mytown, Mycountry", "Location: Bristol, UK"
    let label = crate::lite_re!(crate::patterns::LOCATION_LABEL);
    if let Some(c) = label.captures(&l.text) {
        if let Some(v) = c.get(1) {
            *location = location.take().or_else(|| parse_location(v.as_str()));
            used_lines.insert(l.line);
        }
    }
}

/// The labels of a place's parts, in the languages of the lexicon, and which part each names.
const PLACE_LABELS: &[(&str, PlacePart)] = &[
    // "Address:" labels a whole postal address (read by `parse_location`); these label the
    // street line alone.
    ("street", PlacePart::Address),
    ("street address", PlacePart::Address),
    ("straße", PlacePart::Address),
    ("strasse", PlacePart::Address),
    ("rue", PlacePart::Address),
    ("calle", PlacePart::Address),
    ("rua", PlacePart::Address),
    ("via", PlacePart::Address),
    ("postal code", PlacePart::Postal),
    ("postcode", PlacePart::Postal),
    ("zip", PlacePart::Postal),
    ("zip code", PlacePart::Postal),
    ("plz", PlacePart::Postal),
    ("code postal", PlacePart::Postal),
    ("código postal", PlacePart::Postal),
    ("cap", PlacePart::Postal),
    ("city", PlacePart::City),
    ("town", PlacePart::City),
    ("ort", PlacePart::City),
    ("stadt", PlacePart::City),
    ("ville", PlacePart::City),
    ("ciudad", PlacePart::City),
    ("cidade", PlacePart::City),
    ("città", PlacePart::City),
    ("region", PlacePart::Region),
    ("state", PlacePart::Region),
    ("province", PlacePart::Region),
    ("county", PlacePart::Region),
    ("bundesland", PlacePart::Region),
    ("région", PlacePart::Region),
    ("country", PlacePart::Country),
    ("land", PlacePart::Country),
    ("pays", PlacePart::Country),
    ("país", PlacePart::Country),
    ("paese", PlacePart::Country),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacePart {
    Address,
    Postal,
    City,
    Region,
    Country,
}

/// The label a place's part is printed with when it is printed labelled.
pub fn place_label(part: PlacePart) -> &'static str {
    match part {
        PlacePart::Address => "Street",
        PlacePart::Postal => "Postal code",
        PlacePart::City => "City",
        PlacePart::Region => "Region",
        PlacePart::Country => "Country",
    }
}

/// A place whose parts are labelled ("City: Leeds · Country: GB"), when at least one piece
/// is a labelled part; a country by name becomes its code.
pub fn labelled_place(pieces: &[&str]) -> Option<Location> {
    let mut loc = Location::default();
    let mut any = false;
    for piece in pieces {
        let Some((label, value)) = piece.split_once(':') else {
            continue;
        };
        let (label, value) = (label.trim().to_lowercase(), value.trim());
        let Some((_, part)) = PLACE_LABELS.iter().find(|(l, _)| *l == label) else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        any = true;
        let v = Some(value.to_string());
        match part {
            PlacePart::Address => loc.address = v,
            PlacePart::Postal => loc.postal_code = v,
            PlacePart::City => loc.city = v,
            PlacePart::Region => loc.region = v,
            PlacePart::Country => {
                loc.country_code = lexicon::COUNTRIES
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(value))
                    .map(|(_, c)| c.to_string())
                    .or(v)
            }
        }
    }
    any.then_some(loc)
}

/// A piece of a contact line that is a place: the shape of a postal address (a postal code,
/// a country last), a known region, or a place the lexicon knows ("Austin, TX").
pub fn is_contact_place(p: &str) -> bool {
    contact::find(p).is_empty()
        && !p.contains(':')
        && (super::entries::is_location(p) || is_region(p) || looks_like_address(p))
}

fn is_photo_label(label: &str) -> bool {
    matches!(
        label.to_lowercase().as_str(),
        "photo" | "picture" | "image" | "headshot"
    )
}

/// Adds a profile unless the same one is there.
fn push_profile(b: &mut Basics, p: Profile) {
    let profiles = b.profiles.get_or_insert_with(Vec::new);
    let same = |x: &Profile| {
        x.network == p.network
            && x.url == p.url
            && (x.username == p.username || p.username.is_none())
    };
    if !profiles.iter().any(same) {
        profiles.push(p);
    }
}

/// A place as people write it, into its parts: "Bristol, UK" → city and country code;
/// "Greater Boston" → region; "Austin, TX" → city and region; "Södra Förstadsgatan 12, 211 43
/// Malmö, Skåne, SE" → address, postal code, city, region and country; "Springfield, IL 62701"
/// → city, region and postal code.
pub fn parse_location(s: &str) -> Option<Location> {
    let s = s.trim().trim_end_matches('.');
    if s.is_empty() {
        return None;
    }
    let mut loc = Location::default();
    if is_region(s) {
        loc.region = Some(s.to_string());
        return Some(loc);
    }
    let mut p: Vec<String> = s
        .split(',')
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect();
    // The country last: by name, or by a two-letter code (one that is also a US state's only
    // when a city and a region come before it).
    if let Some(last) = p.last() {
        let by_name = lexicon::COUNTRIES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(last))
            .map(|(_, c)| c.to_string());
        let code = last.len() == 2 && last.chars().all(|c| c.is_ascii_uppercase());
        let state = lexicon::US_STATES.iter().any(|(_, c)| c == last);
        let by_code = (code && (!state || p.len() >= 3)).then(|| last.clone());
        if let Some(cc) = by_name.or(by_code) {
            loc.country_code = Some(cc);
            p.pop();
        }
    }
    // "IL 62701": a US state with its ZIP code.
    if let Some(c) = p
        .last()
        .and_then(|l| crate::lite_re!(crate::patterns::STATE_ZIP).captures(l))
    {
        loc.region = c.get(1).map(|m| m.as_str().to_string());
        loc.postal_code = c.get(2).map(|m| m.as_str().to_string());
        p.pop();
    }
    // "211 43 Malmö", "SW1A 1AA London", "1012 AB Amsterdam", "CA 94115 San Francisco": a
    // postal code before the city (one or two groups, at least one with a digit, or a state's
    // letters before the number); what comes before is the street. A part with a street word
    // ("12 Rose Lane", "Rua Augusta 10") is the street, whatever its numbers.
    if let Some(i) = p
        .iter()
        .rposition(|x| super::shapes::postal_code_and_city(x).is_some() && !is_street(x))
    {
        let (before, from) = p.split_at(i);
        if let Some((this, after)) = from.split_first() {
            if let Some((code, city)) = super::shapes::postal_code_and_city(this) {
                loc.postal_code = Some(this[code].to_string());
                loc.city = Some(this[city].to_string());
            }
            if !after.is_empty() {
                loc.region = Some(after.join(", "));
            }
        }
        if !before.is_empty() {
            loc.address = Some(before.join(", "));
        }
        return Some(loc);
    }
    match p.as_slice() {
        [] => {}
        [city] => loc.city = Some(city.clone()),
        [address, city] if loc.region.is_some() || is_street(address) => {
            loc.address = Some(address.clone());
            loc.city = Some(city.clone());
        }
        [city, region] => {
            loc.city = Some(city.clone());
            loc.region = Some(region.clone());
        }
        [address @ .., city, region] => {
            loc.address = Some(address.join(", "));
            loc.city = Some(city.clone());
            loc.region = Some(region.clone());
        }
    }
    (loc != Location::default()).then_some(loc)
}

/// Words that name a street, in the languages of the lexicon (whole words, any case).
const STREET_WORDS: &[&str] = &[
    "st",
    "st.",
    "street",
    "rd",
    "rd.",
    "road",
    "ave",
    "ave.",
    "avenue",
    "lane",
    "ln",
    "blvd",
    "boulevard",
    "way",
    "drive",
    "dr.",
    "court",
    "ct",
    "place",
    "pl.",
    "square",
    "sq",
    "terrace",
    "row",
    "close",
    "crescent",
    "highway",
    "hwy",
    "parkway",
    "flat",
    "apt",
    "apt.",
    "suite",
    "unit",
    "floor",
    "rue",
    "allée",
    "chemin",
    "impasse",
    "quai",
    "calle",
    "avenida",
    "av.",
    "paseo",
    "plaza",
    "rua",
    "travessa",
    "largo",
    "praça",
    "via",
    "viale",
    "piazza",
    "corso",
    "vicolo",
    "str.",
    "straße",
    "strasse",
    "weg",
    "gasse",
    "platz",
    "allee",
    "ring",
    "straat",
    "laan",
    "plein",
    "gracht",
    "ulica",
    "ul.",
    "gatan",
    "vägen",
    "gade",
    "vej",
    "veien",
];

/// Endings of one-word street names ("Hauptstraße", "Kungsgatan", "Keizersgracht").
const STREET_ENDINGS: &[&str] = &[
    "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "gatan", "vägen", "gata",
    "gade", "vej", "veien", "straat", "laan", "gracht", "plein",
];

/// A street address: a street word among its words, or a street-name ending.
fn is_street(s: &str) -> bool {
    // "St" first is a saint ("St Albans", "St. Louis"), not a street.
    s.split_whitespace().enumerate().any(|(i, w)| {
        let w = w.trim_matches(',').to_lowercase();
        let saint = i == 0 && (w == "st" || w == "st.");
        !saint
            && (STREET_WORDS.contains(&w.as_str()) || STREET_ENDINGS.iter().any(|e| w.ends_with(e)))
    })
}

/// "I am a Bristol, UK based Principal Engineer" → "Principal Engineer".
fn label_from_prose(s: &str) -> Option<String> {
    let c = crate::lite_re!(crate::patterns::I_AM).captures(s)?;
    let phrase = c.get(1)?.as_str();
    // One sentence only: a word ending with a full stop ends it, unless it is an
    // abbreviation ("Sr.", "Jr.").
    let mut words: Vec<&str> = Vec::new();
    for w in phrase.split_whitespace() {
        words.push(w);
        if w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 3 {
            break;
        }
    }
    let noun = words
        .iter()
        .position(|w| lexicon::has(lexicon::TITLE_WORDS, w) && is_title_noun(w))?;
    let mut start = noun;
    while start > 0
        && words
            .get(start - 1)
            .is_some_and(|w| lexicon::has(lexicon::TITLE_WORDS, w))
    {
        start -= 1;
    }
    let label = words.get(start..=noun)?.join(" ");
    let mut chars = label.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// "I am a Bristol, UK based …", "based in Lisbon, Portugal".
fn location_from_prose(s: &str) -> Option<Location> {
    // Every match holds "based": without it the (costly to compile) pattern is not built.
    if !s.contains("based") {
        return None;
    }
    let re = crate::static_re!(
        r"(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?,\s*\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)[\s-]based(?-u:\b)|(?-u:\b)based in\s+(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?(?:,\s*\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)?)"
    );
    let c = re.captures(s)?;
    let place = c.get(1).or_else(|| c.get(2))?.as_str();
    parse_location(place)
}

fn join_lines(ls: &[Line]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut last_block = usize::MAX;
    for l in ls {
        if l.is_heading() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if l.block == last_block && !l.is_item() => {
                prev.push(' ');
                prev.push_str(&l.text);
            }
            _ => out.push(l.text.clone()),
        }
        last_block = l.block;
    }
    out.join("\n")
}

/// The opening paragraph that describes the person: one that starts "I am" or with the
/// person's name, else a quote, else the first paragraph of some length. A paragraph ending
/// with a colon takes the bullets after it.
fn opening_summary(preamble: &[Line], name: &str, used: &mut HashSet<usize>) -> Option<String> {
    let first_name = name.split_whitespace().next().unwrap_or("").to_lowercase();
    let mut blocks: Vec<Vec<&Line>> = Vec::new();
    for l in preamble {
        if l.is_heading() || used.contains(&l.line) {
            continue;
        }
        match blocks.last_mut() {
            Some(b) if b.last().is_some_and(|p| p.block == l.block) => b.push(l),
            _ => blocks.push(vec![l]),
        }
    }
    let text = |b: &[&Line]| {
        b.iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let describes = |t: &str| {
        let lower = t.to_lowercase();
        lower.starts_with("i am ")
            || lower.starts_with("i'm ")
            || lower.starts_with("i’m ")
            || (!first_name.is_empty()
                && (lower.starts_with(&format!("{first_name} is "))
                    || lower.starts_with(&format!("{first_name} has "))))
    };
    let pick = blocks
        .iter()
        .position(|b| !starts_with_item(b) && describes(&text(b)))
        .or_else(|| {
            blocks.iter().position(|b| {
                b.first().is_some_and(|l| l.kind == Kind::Quote)
                    && text(b).split_whitespace().count() >= 8
            })
        })
        .or_else(|| {
            blocks
                .iter()
                .position(|b| !starts_with_item(b) && text(b).split_whitespace().count() >= 12)
        })?;
    let chosen = blocks.get(pick)?;
    let first = text(chosen);
    used.extend(chosen.iter().map(|l| l.line));
    let introduces_a_list = first.ends_with(':');
    let mut parts = vec![first];
    if introduces_a_list {
        for b in blocks.iter().skip(pick + 1) {
            if !starts_with_item(b) {
                break;
            }
            parts.push(text(b));
            used.extend(b.iter().map(|l| l.line));
        }
    }
    model::non_empty(parts.join("\n"))
}

/// True when a block of lines opens with a list item.
fn starts_with_item(block: &[&Line]) -> bool {
    block.first().is_some_and(|l| l.is_item())
}
