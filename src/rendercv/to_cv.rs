//! A JSON Resume as RenderCV's `cv:` document: every field that has a place in RenderCV's
//! schema goes there, in the entry type RenderCV prints best for it; what has none is named
//! in a warning (and still travels in the JSON Resume the file carries).
//!
//! Conventions (they are what the reader takes back, see `from_cv`):
//! - an address that belongs to a name becomes a Markdown link on it (`[Acme](https://…)`),
//!   as RenderCV's own samples write it;
//! - dates RenderCV can compute with (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) go in `start_date` and
//!   `end_date` (no end date means "present", in both schemas); other dates in `date`;
//! - facts without a field of their own become labelled lines: "GPA: 3.9", "Courses: …",
//!   "Keywords: …", "Roles: …"; an award's awarder and a certificate's issuer follow the
//!   name after " — "; a skill's level follows its keywords in parentheses.

use super::networks;
use crate::model::{Education, Resume};
use serde_json::{Map, Value, json};

/// The `cv:` mapping of a résumé, and what could not be placed in it.
pub fn cv(r: &Resume) -> (Map<String, Value>, Vec<String>) {
    let mut out = Map::new();
    let mut lost = Vec::new();
    let b = r.basics.clone().unwrap_or_default();
    put(&mut out, "name", b.name.as_deref());
    put(&mut out, "headline", b.label.as_deref());
    // The place as people write it when that reads back as the same parts, else its parts
    // labelled ("City: Leeds · Country: GB"), as on the other formats' contact line.
    let location = b
        .location
        .as_ref()
        .map(|l| crate::present::location_groups(l).join(" · "));
    put(&mut out, "location", location.as_deref());
    put(&mut out, "email", b.email.as_deref());
    match b.phone.as_deref().map(|p| international_phone(p, b.location.as_ref().and_then(|l| l.country_code.as_deref()))) {
        Some(Some(phone)) => {
            out.insert("phone".into(), phone.into());
        }
        Some(None) => lost.push(
            "the phone number (RenderCV needs it in international form, +CC …, and no country says which)".into(),
        ),
        None => {}
    }
    put(&mut out, "website", b.url.as_deref());
    // RenderCV's photo is a file beside the YAML; an address (JSON Resume's usual photo) is
    // not one, and RenderCV stops when it cannot open it.
    match b.image.as_deref().filter(|i| !i.trim().is_empty()) {
        Some(i) if i.contains("://") => {
            lost.push("the photo's address (RenderCV needs a file)".into())
        }
        other => put(&mut out, "photo", other),
    }
    let mut social = Vec::new();
    for p in b.profiles.iter().flatten() {
        let network = p.network.as_deref().unwrap_or_default();
        let username = p
            .username
            .clone()
            .filter(|u| !u.trim().is_empty())
            .or_else(|| {
                p.url
                    .as_deref()
                    .and_then(|u| networks::username_in(network, u))
            });
        let from_url = p
            .url
            .as_deref()
            .and_then(|u| networks::username_in(network, u));
        let name = networks::rendercv_name(network);
        // RenderCV checks the forms of two networks' usernames: StackOverflow's is
        // "user_id/name" and Mastodon's "@user@server"; the profile's address has them.
        let username = match name {
            Some("StackOverflow" | "Mastodon") => from_url
                .or(username)
                .filter(|u| networks::username_ok(name.unwrap_or_default(), u)),
            _ => username,
        };
        match (name, username) {
            (Some(name), Some(user)) => social.push(json!({"network": name, "username": user})),
            _ => lost.push(format!(
                "the {} profile (RenderCV does not know the network)",
                if network.is_empty() {
                    "unnamed"
                } else {
                    network
                }
            )),
        }
    }
    if !social.is_empty() {
        out.insert("social_networks".into(), Value::Array(social));
    }

    let mut sections = Map::new();
    if let Some(summary) = b.summary.as_deref() {
        let paragraphs: Vec<Value> = summary
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| Value::String(p.to_string()))
            .collect();
        section(&mut sections, "summary", paragraphs);
    }
    let mut work = Vec::new();
    for w in r.work.iter().flatten() {
        let mut e = Map::new();
        e.insert(
            "company".into(),
            linked(w.name.as_deref(), w.url.as_deref()).into(),
        );
        e.insert(
            "position".into(),
            w.position.clone().unwrap_or_default().into(),
        );
        put(&mut e, "location", w.location.as_deref());
        dates(&mut e, w.start_date.as_deref(), w.end_date.as_deref());
        put(&mut e, "summary", w.summary.as_deref());
        list(
            &mut e,
            "highlights",
            w.highlights.clone().unwrap_or_default(),
        );
        if w.description.is_some() {
            lost.push("a work entry's description of the organisation".into());
        }
        work.push(Value::Object(e));
    }
    section(&mut sections, "experience", work);
    let mut volunteer = Vec::new();
    for v in r.volunteer.iter().flatten() {
        let mut e = Map::new();
        e.insert(
            "company".into(),
            linked(v.organization.as_deref(), v.url.as_deref()).into(),
        );
        e.insert(
            "position".into(),
            v.position.clone().unwrap_or_default().into(),
        );
        dates(&mut e, v.start_date.as_deref(), v.end_date.as_deref());
        put(&mut e, "summary", v.summary.as_deref());
        list(
            &mut e,
            "highlights",
            v.highlights.clone().unwrap_or_default(),
        );
        volunteer.push(Value::Object(e));
    }
    section(&mut sections, "volunteer", volunteer);
    let education: Vec<Value> = r.education.iter().flatten().map(education_entry).collect();
    section(&mut sections, "education", education);
    let mut projects = Vec::new();
    for p in r.projects.iter().flatten() {
        let mut e = Map::new();
        e.insert(
            "name".into(),
            linked(p.name.as_deref(), p.url.as_deref()).into(),
        );
        dates(&mut e, p.start_date.as_deref(), p.end_date.as_deref());
        put(&mut e, "summary", p.description.as_deref());
        let mut highlights = p.highlights.clone().unwrap_or_default();
        labelled(&mut highlights, "Roles", p.roles.as_deref());
        labelled(&mut highlights, "Keywords", p.keywords.as_deref());
        list(&mut e, "highlights", highlights);
        if p.entity.is_some() || p.kind.is_some() {
            lost.push("a project's entity and type".into());
        }
        projects.push(Value::Object(e));
    }
    section(&mut sections, "projects", projects);
    let mut publications = Vec::new();
    for p in r.publications.iter().flatten() {
        let mut e = Map::new();
        // RenderCV 2.3 writes a `url:` with brackets into Typst unescaped and fails; a linked
        // title carries the same address safely.
        let bracketed = p.url.as_deref().is_some_and(|u| u.contains(['(', ')']));
        let title = if bracketed {
            linked(p.name.as_deref(), p.url.as_deref())
        } else {
            p.name.clone().unwrap_or_default()
        };
        e.insert("title".into(), title.into());
        // The authors a RenderCV file listed come back; else the person is the author.
        let authors = match p.extra.get("authors") {
            Some(Value::Array(a)) if !a.is_empty() => Value::Array(a.clone()),
            _ => json!([b.name.clone().unwrap_or_default()]),
        };
        e.insert("authors".into(), authors);
        put(&mut e, "summary", p.summary.as_deref());
        if !bracketed {
            put(&mut e, "url", p.url.as_deref().map(url_text).as_deref());
        }
        put(&mut e, "journal", p.publisher.as_deref());
        put(&mut e, "date", p.release_date.as_deref());
        publications.push(Value::Object(e));
    }
    section(&mut sections, "publications", publications);
    let mut awards = Vec::new();
    for a in r.awards.iter().flatten() {
        let mut e = Map::new();
        e.insert(
            "name".into(),
            with_source(a.title.as_deref(), a.awarder.as_deref()).into(),
        );
        put(&mut e, "date", a.date.as_deref());
        put(&mut e, "summary", a.summary.as_deref());
        awards.push(Value::Object(e));
    }
    section(&mut sections, "awards", awards);
    let mut certificates = Vec::new();
    for c in r.certificates.iter().flatten() {
        let mut e = Map::new();
        let name = linked(c.name.as_deref(), c.url.as_deref());
        e.insert(
            "name".into(),
            with_source(Some(&name), c.issuer.as_deref()).into(),
        );
        put(&mut e, "date", c.date.as_deref());
        certificates.push(Value::Object(e));
    }
    section(&mut sections, "certifications", certificates);
    let skills = r
        .skills
        .iter()
        .flatten()
        .map(|s| {
            let mut details = s.keywords.clone().unwrap_or_default().join(", ");
            if let Some(level) = s.level.as_deref().filter(|l| !l.is_empty()) {
                details = if details.is_empty() {
                    format!("({level})")
                } else {
                    format!("{details} ({level})")
                };
            }
            one_line(s.name.as_deref(), &details)
        })
        .collect();
    section(&mut sections, "skills", skills);
    let languages = r
        .languages
        .iter()
        .flatten()
        .map(|l| {
            one_line(
                l.language.as_deref(),
                l.fluency.as_deref().unwrap_or_default(),
            )
        })
        .collect();
    section(&mut sections, "languages", languages);
    let interests = r.interests.as_deref().unwrap_or_default();
    let interests = if interests
        .iter()
        .all(|i| i.keywords.as_ref().is_none_or(Vec::is_empty))
    {
        interests
            .iter()
            .map(|i| json!({"bullet": i.name.clone().unwrap_or_default()}))
            .collect()
    } else {
        interests
            .iter()
            .map(|i| {
                one_line(
                    i.name.as_deref(),
                    &i.keywords.clone().unwrap_or_default().join(", "),
                )
            })
            .collect()
    };
    section(&mut sections, "interests", interests);
    let mut references = Vec::new();
    for x in r.references.iter().flatten() {
        let mut e = Map::new();
        e.insert("name".into(), x.name.clone().unwrap_or_default().into());
        put(&mut e, "summary", x.reference.as_deref());
        references.push(Value::Object(e));
    }
    section(&mut sections, "references", references);
    if !sections.is_empty() {
        out.insert("sections".into(), Value::Object(sections));
    }
    (out, lost)
}

fn education_entry(d: &Education) -> Value {
    let mut e = Map::new();
    e.insert(
        "institution".into(),
        linked(d.institution.as_deref(), d.url.as_deref()).into(),
    );
    e.insert("area".into(), d.area.clone().unwrap_or_default().into());
    put(&mut e, "degree", d.study_type.as_deref());
    if let Some(Value::String(place)) = d.extra.get("location") {
        e.insert("location".into(), place.clone().into());
    }
    dates(&mut e, d.start_date.as_deref(), d.end_date.as_deref());
    if let Some(Value::String(summary)) = d.extra.get("summary") {
        e.insert("summary".into(), summary.clone().into());
    }
    let mut highlights = Vec::new();
    if let Some(score) = d.score.as_deref().filter(|s| !s.is_empty()) {
        highlights.push(format!("GPA: {score}"));
    }
    labelled(&mut highlights, "Courses", d.courses.as_deref());
    if let Some(Value::Array(more)) = d.extra.get("highlights") {
        highlights.extend(more.iter().filter_map(Value::as_str).map(str::to_string));
    }
    list(&mut e, "highlights", highlights);
    Value::Object(e)
}

/// A name with its address as a Markdown link, the way RenderCV prints a linked name.
pub fn linked(name: Option<&str>, url: Option<&str>) -> String {
    let name = name.unwrap_or_default();
    match url.filter(|u| !u.trim().is_empty()).map(url_text) {
        Some(url) if name.is_empty() => url,
        Some(url) => format!("[{name}]({url})"),
        None => name.to_string(),
    }
}

/// An address with its brackets percent-encoded (the same address): a bracket would end a
/// Markdown link early, and RenderCV 2.3 writes it unescaped into Typst.
fn url_text(url: &str) -> String {
    url.trim().replace('(', "%28").replace(')', "%29")
}

/// Country calling codes (ITU-T E.164 assignments) for the countries résumés most often name.
#[rustfmt::skip]
const CALLING_CODES: &[(&str, &str)] = &[
    ("US", "1"), ("CA", "1"), ("GB", "44"), ("IE", "353"), ("AU", "61"), ("NZ", "64"),
    ("DE", "49"), ("AT", "43"), ("CH", "41"), ("FR", "33"), ("BE", "32"), ("NL", "31"),
    ("LU", "352"), ("ES", "34"), ("PT", "351"), ("IT", "39"), ("PL", "48"), ("CZ", "420"),
    ("SK", "421"), ("HU", "36"), ("RO", "40"), ("BG", "359"), ("GR", "30"), ("SE", "46"),
    ("NO", "47"), ("DK", "45"), ("FI", "358"), ("IS", "354"), ("EE", "372"), ("LV", "371"),
    ("LT", "370"), ("UA", "380"), ("RU", "7"), ("TR", "90"), ("IL", "972"), ("IN", "91"),
    ("PK", "92"), ("CN", "86"), ("JP", "81"), ("KR", "82"), ("SG", "65"), ("HK", "852"),
    ("BR", "55"), ("AR", "54"), ("MX", "52"), ("CL", "56"), ("CO", "57"), ("ZA", "27"),
    ("NG", "234"), ("GH", "233"), ("KE", "254"), ("EG", "20"), ("AE", "971"),
];

/// A phone number as RenderCV validates it: `+CC …` as written, or a national number with
/// the calling code of the résumé's country put in front (its trunk `0` dropped, except in
/// Italy, where it is part of the number).
fn international_phone(phone: &str, country: Option<&str>) -> Option<String> {
    let p = phone.trim();
    if p.starts_with('+') {
        return Some(p.to_string());
    }
    if let Some(rest) = p.strip_prefix("00") {
        return Some(format!("+{rest}"));
    }
    let country = country?.trim().to_ascii_uppercase();
    let (_, code) = CALLING_CODES.iter().find(|(c, _)| *c == country)?;
    let digits: String = p.chars().filter(char::is_ascii_digit).collect();
    let national = match (country.as_str(), digits.strip_prefix('0')) {
        ("IT", _) | (_, None) => digits.as_str(),
        (_, Some(rest)) => rest,
    };
    let national = if *code == "1" {
        national.strip_prefix('1').unwrap_or(national)
    } else {
        national
    };
    (!national.is_empty()).then(|| format!("+{code} {national}"))
}

/// "Name — Source" (an award and who gave it, a certificate and who issued it).
fn with_source(name: Option<&str>, source: Option<&str>) -> String {
    let name = name.unwrap_or_default();
    match source.filter(|s| !s.is_empty()) {
        Some(s) if name.is_empty() => format!("— {s}"),
        Some(s) => format!("{name} — {s}"),
        None => name.to_string(),
    }
}

/// RenderCV's date fields: `start_date`/`end_date` when RenderCV can read them, else `date`.
fn dates(e: &mut Map<String, Value>, start: Option<&str>, end: Option<&str>) {
    let exact = |d: Option<&str>| d.is_none_or(is_exact_date);
    match (start, end) {
        (None, None) => {}
        (Some(s), end) if exact(Some(s)) && exact(end) => {
            e.insert("start_date".into(), s.into());
            if let Some(end) = end {
                e.insert("end_date".into(), end.into());
            }
        }
        (None, Some(end)) => {
            e.insert("date".into(), end.into());
        }
        (Some(s), None) => {
            e.insert("date".into(), format!("{s} – present").into());
        }
        (Some(s), Some(end)) => {
            e.insert("date".into(), format!("{s} – {end}").into());
        }
    }
}

/// A date RenderCV computes with: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn is_exact_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7),
        10 => {
            digits(0..4)
                && b.get(4) == Some(&b'-')
                && digits(5..7)
                && b.get(7) == Some(&b'-')
                && digits(8..10)
        }
        _ => false,
    }
}

fn one_line(label: Option<&str>, details: &str) -> Value {
    json!({"label": label.unwrap_or_default(), "details": details})
}

fn labelled(lines: &mut Vec<String>, label: &str, items: Option<&[String]>) {
    if let Some(items) = items.filter(|i| !i.is_empty()) {
        lines.push(format!("{label}: {}", items.join(", ")));
    }
}

fn put(e: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        e.insert(key.into(), v.into());
    }
}

fn list(e: &mut Map<String, Value>, key: &str, items: Vec<String>) {
    if !items.is_empty() {
        e.insert(key.into(), items.into());
    }
}

fn section(sections: &mut Map<String, Value>, key: &str, entries: Vec<Value>) {
    if !entries.is_empty() {
        sections.insert(key.into(), Value::Array(entries));
    }
}
