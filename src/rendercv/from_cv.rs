//! RenderCV's `cv:` document read into a JSON Resume. Each section goes where its title says
//! (the same multilingual section vocabulary the text readers use: "experience",
//! "Berufserfahrung", "formación" …) and, when the title says nothing we know, where its
//! entry type says (RenderCV tells entry types apart by their fields: `company` → experience,
//! `institution` → education, `title` + `authors` → publication, `label` + `details` → one
//! line, `name` → normal, `bullet`, a bare string → text). The conventions of `to_cv` are
//! read back: Markdown links on names, `start_date`/`end_date`/`date`, "GPA: …",
//! "Courses: …", "Keywords: …", "Roles: …", "Name — Source", "keywords (level)".
//!
//! What has no place in JSON Resume is kept under `meta.rendercv` (the `design`, `locale`
//! and `rendercv_settings` blocks, cv fields we do not know, sections of text under a title
//! we cannot place), so writing RenderCV again gives them back.

use super::to_cv::is_exact_date;
use crate::extract::lexicon::{Section, classify_heading};
use crate::model::*;
use serde_json::{Map, Value};

/// The résumé a RenderCV document holds, with what was kept aside or could not be read.
pub fn resume(doc: &Map<String, Value>) -> (Resume, Vec<String>) {
    let mut r = Resume::default();
    let mut notes = Vec::new();
    let mut kept = Map::new();
    for (key, value) in doc {
        if key != "cv" {
            kept.insert(key.clone(), value.clone());
        }
    }
    let empty = Map::new();
    let cv = doc.get("cv").and_then(Value::as_object).unwrap_or(&empty);
    let mut b = Basics::default();
    let mut cv_kept = Map::new();
    for (key, value) in cv {
        let text = scalar(value);
        match key.as_str() {
            "name" => b.name = text,
            "headline" | "label" => b.label = text,
            "location" => b.location = text.as_deref().and_then(cv_place),
            "email" => b.email = text,
            "phone" => b.phone = text,
            "website" => b.url = text,
            "photo" => b.image = text,
            "social_networks" => b.profiles = Some(profiles(value)).filter(|p| !p.is_empty()),
            "sections" => {}
            _ => {
                cv_kept.insert(key.clone(), value.clone());
            }
        }
    }
    let mut unplaced = Map::new();
    if let Some(sections) = cv.get("sections").and_then(Value::as_object) {
        for (title, entries) in sections {
            let Some(entries) = entries.as_array() else {
                notes.push(format!(
                    "section \"{title}\" is not a list of entries: skipped"
                ));
                continue;
            };
            if !place(&mut r, &mut b, title, entries, &mut notes) {
                unplaced.insert(title.clone(), Value::Array(entries.clone()));
            }
        }
    }
    if !unplaced.is_empty() {
        notes.push(format!(
            "section(s) {} have no place in JSON Resume: kept in meta.rendercv.sections, not printed \
             by the other formats",
            unplaced.keys().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ")
        ));
        cv_kept.insert("sections".into(), Value::Object(unplaced));
    }
    if !cv_kept.is_empty() {
        kept.insert("cv".into(), Value::Object(cv_kept));
    }
    if b != Basics::default() {
        r.basics = Some(b);
    }
    if !kept.is_empty() {
        let mut meta = Meta::default();
        meta.extra.insert("rendercv".into(), Value::Object(kept));
        r.meta = Some(meta);
    }
    (r, notes)
}

/// The kind of entries a section holds, by RenderCV's characteristic fields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum EntryType {
    Experience,
    Education,
    Publication,
    OneLine,
    Normal,
    Bullet,
    Text,
}

fn entry_type(entries: &[Value]) -> Option<EntryType> {
    entries.iter().find_map(|e| match e {
        Value::String(_) => Some(EntryType::Text),
        Value::Object(m) => {
            let has = |k: &str| m.contains_key(k);
            Some(if has("company") || has("position") {
                EntryType::Experience
            } else if has("institution") || has("degree") || has("area") {
                EntryType::Education
            } else if has("authors") || has("doi") || has("journal") || has("title") {
                EntryType::Publication
            } else if has("label") || has("details") {
                EntryType::OneLine
            } else if has("bullet") || has("number") || has("reversed_number") {
                EntryType::Bullet
            } else if has("name") {
                EntryType::Normal
            } else {
                return None;
            })
        }
        _ => None,
    })
}

/// Puts one section's entries into the résumé; false when it has no place there.
fn place(
    r: &mut Resume,
    b: &mut Basics,
    title: &str,
    entries: &[Value],
    notes: &mut Vec<String>,
) -> bool {
    let Some(kind) = entry_type(entries) else {
        return entries.is_empty();
    };
    let heading = title.replace('_', " ");
    let class = classify_heading(&heading);
    let objects = || entries.iter().filter_map(Value::as_object);
    let texts = || entries.iter().filter_map(line_text);
    use EntryType as E;
    match (class, kind) {
        (_, E::Education) => {
            let list = r.education.get_or_insert_default();
            list.extend(objects().map(education));
        }
        (Some(Section::Volunteer), E::Experience) => {
            let list = r.volunteer.get_or_insert_default();
            list.extend(objects().map(|m| {
                let w = work(m);
                Volunteer {
                    organization: w.name,
                    position: w.position,
                    url: w.url,
                    start_date: w.start_date,
                    end_date: w.end_date,
                    summary: w.summary,
                    highlights: w.highlights,
                    extra: w.extra,
                }
            }));
        }
        (_, E::Experience) => {
            let list = r.work.get_or_insert_default();
            list.extend(objects().map(work));
        }
        (_, E::Publication) => {
            let list = r.publications.get_or_insert_default();
            list.extend(objects().map(|m| publication(m, b.name.as_deref())));
        }
        (Some(Section::Summary), E::Text | E::Bullet) => {
            let text: Vec<String> = texts().collect();
            let joined = text.join("\n\n");
            b.summary = Some(match b.summary.take() {
                Some(s) => format!("{s}\n\n{joined}"),
                None => joined,
            });
        }
        (Some(Section::Summary), E::OneLine) => {
            let text: Vec<String> = objects()
                .map(|m| {
                    let (l, d) = (
                        field(m, "label").unwrap_or_default(),
                        field(m, "details").unwrap_or_default(),
                    );
                    format!("{l}: {d}")
                })
                .collect();
            b.summary = Some(text.join("\n"));
        }
        (Some(Section::Languages), E::OneLine) => {
            let list = r.languages.get_or_insert_default();
            list.extend(objects().map(|m| Language {
                language: field(m, "label"),
                fluency: field(m, "details"),
                ..Language::default()
            }));
        }
        (Some(Section::Languages), E::Text | E::Bullet) => {
            let list = r.languages.get_or_insert_default();
            list.extend(texts().map(|t| Language {
                language: Some(t),
                ..Language::default()
            }));
        }
        (Some(Section::Interests), E::OneLine) => {
            let list = r.interests.get_or_insert_default();
            list.extend(objects().map(|m| {
                Interest {
                    name: field(m, "label"),
                    keywords: field(m, "details")
                        .map(|d| commas(&d))
                        .filter(|k| !k.is_empty()),
                    ..Interest::default()
                }
            }));
        }
        (Some(Section::Interests), E::Text | E::Bullet | E::Normal) => {
            let list = r.interests.get_or_insert_default();
            list.extend(texts().map(|t| Interest {
                name: Some(t),
                ..Interest::default()
            }));
        }
        (Some(Section::Awards), E::Normal | E::OneLine | E::Text | E::Bullet) => {
            let list = r.awards.get_or_insert_default();
            list.extend(entries.iter().map(|e| {
                let m = as_map(e);
                let (title, awarder) = split_source(&entry_name(&m));
                let (start, end) = entry_dates(&m, false);
                Award {
                    title,
                    awarder,
                    date: start.or(end),
                    summary: field(&m, "summary").or_else(|| field(&m, "details")),
                    ..Award::default()
                }
            }));
        }
        (Some(Section::Certificates), E::Normal | E::OneLine | E::Text | E::Bullet) => {
            let list = r.certificates.get_or_insert_default();
            list.extend(entries.iter().map(|e| {
                let m = as_map(e);
                let (name, issuer) = split_source(&entry_name(&m));
                let (name, url) = unlink(&name.unwrap_or_default());
                let (start, end) = entry_dates(&m, false);
                Certificate {
                    name: Some(name).filter(|n| !n.is_empty()),
                    url,
                    issuer: issuer.or_else(|| field(&m, "details")),
                    date: start.or(end),
                    ..Certificate::default()
                }
            }));
        }
        (Some(Section::References), E::Normal | E::OneLine | E::Text | E::Bullet) => {
            let list = r.references.get_or_insert_default();
            list.extend(entries.iter().map(|e| {
                let m = as_map(e);
                Reference {
                    name: Some(entry_name(&m)).filter(|n| !n.is_empty()),
                    reference: field(&m, "summary").or_else(|| field(&m, "details")),
                    ..Reference::default()
                }
            }));
        }
        (_, E::OneLine) => {
            let list = r.skills.get_or_insert_default();
            list.extend(objects().map(skill));
        }
        (Some(Section::Skills), E::Text | E::Bullet | E::Normal) => {
            let list = r.skills.get_or_insert_default();
            list.extend(texts().map(|t| Skill {
                name: Some(t),
                ..Skill::default()
            }));
        }
        (Some(Section::Publications), E::Text | E::Bullet | E::Normal) => {
            let list = r.publications.get_or_insert_default();
            list.extend(entries.iter().map(|e| {
                let m = as_map(e);
                let (name, url) = unlink(&entry_name(&m));
                let (start, end) = entry_dates(&m, false);
                Publication {
                    name: Some(name).filter(|n| !n.is_empty()),
                    url,
                    release_date: start.or(end),
                    summary: field(&m, "summary"),
                    ..Publication::default()
                }
            }));
        }
        (Some(Section::Work), E::Normal) => {
            let list = r.work.get_or_insert_default();
            list.extend(objects().map(|m| {
                let mut m = m.clone();
                if let Some(name) = m.remove("name") {
                    m.insert("company".into(), name);
                }
                work(&m)
            }));
        }
        (Some(Section::Education), E::Normal) => {
            let list = r.education.get_or_insert_default();
            list.extend(objects().map(education));
        }
        (_, E::Normal) => {
            if !matches!(class, Some(Section::Projects)) {
                notes.push(format!(
                    "section \"{title}\" read as projects (JSON Resume has no section like it)"
                ));
            }
            let list = r.projects.get_or_insert_default();
            list.extend(objects().map(project));
        }
        (_, E::Text | E::Bullet) => return false,
    }
    true
}

/// `cv.location`: labelled parts ("City: Leeds · Country: GB") or a place as people write it.
fn cv_place(text: &str) -> Option<crate::model::Location> {
    let pieces: Vec<&str> = text.split(" · ").collect();
    crate::extract::basics::labelled_place(&pieces)
        .or_else(|| crate::extract::basics::parse_location(text))
}

fn work(m: &Map<String, Value>) -> Work {
    let (name, url) = unlink(&field(m, "company").unwrap_or_default());
    let (start_date, end_date) = entry_dates(m, false);
    Work {
        name: Some(name).filter(|n| !n.is_empty()),
        url,
        position: field(m, "position"),
        location: field(m, "location"),
        start_date,
        end_date,
        summary: field(m, "summary"),
        highlights: Some(strings(m, "highlights")).filter(|h| !h.is_empty()),
        ..Work::default()
    }
}

fn education(m: &Map<String, Value>) -> Education {
    let (institution, url) = unlink(
        &field(m, "institution")
            .or_else(|| field(m, "name"))
            .unwrap_or_default(),
    );
    let (start_date, end_date) = entry_dates(m, true);
    let mut e = Education {
        institution: Some(institution).filter(|n| !n.is_empty()),
        url,
        area: field(m, "area"),
        study_type: field(m, "degree"),
        start_date,
        end_date,
        ..Education::default()
    };
    let mut other = Vec::new();
    for h in strings(m, "highlights") {
        if let Some(score) = after_label(&h, SCORE_LABELS)
            .or_else(|| bare_grade(&h))
            .filter(|_| e.score.is_none())
        {
            e.score = Some(score);
        } else if let Some(courses) = after_label(&h, COURSE_LABELS).filter(|_| e.courses.is_none())
        {
            e.courses = Some(commas(&courses));
        } else {
            other.push(Value::String(h));
        }
    }
    if let Some(place) = field(m, "location") {
        e.extra.insert("location".into(), place.into());
    }
    if let Some(summary) = field(m, "summary") {
        e.extra.insert("summary".into(), summary.into());
    }
    if !other.is_empty() {
        e.extra.insert("highlights".into(), Value::Array(other));
    }
    e
}

fn project(m: &Map<String, Value>) -> Project {
    let (name, url) = unlink(&field(m, "name").unwrap_or_default());
    let (start_date, end_date) = entry_dates(m, false);
    let mut p = Project {
        name: Some(name).filter(|n| !n.is_empty()),
        url,
        description: field(m, "summary"),
        start_date,
        end_date,
        ..Project::default()
    };
    let mut highlights = Vec::new();
    for h in strings(m, "highlights") {
        if let Some(k) = after_label(&h, &["keywords"]).filter(|_| p.keywords.is_none()) {
            p.keywords = Some(commas(&k));
        } else if let Some(k) = after_label(&h, &["roles"]).filter(|_| p.roles.is_none()) {
            p.roles = Some(commas(&k));
        } else {
            highlights.push(h);
        }
    }
    p.highlights = Some(highlights).filter(|h| !h.is_empty());
    p
}

fn publication(m: &Map<String, Value>, person: Option<&str>) -> Publication {
    let (name, link) = unlink(&field(m, "title").unwrap_or_default());
    let doi = field(m, "doi").map(|d| format!("https://doi.org/{d}"));
    let mut p = Publication {
        name: Some(name).filter(|n| !n.is_empty()),
        publisher: field(m, "journal"),
        release_date: {
            let (start, end) = entry_dates(m, false);
            start.or(end)
        },
        url: field(m, "url").map(|u| url_back(&u)).or(doi).or(link),
        summary: field(m, "summary"),
        ..Publication::default()
    };
    let authors = strings(m, "authors");
    let only_the_person = authors.len() == 1 && authors.first().map(String::as_str) == person;
    if !authors.is_empty() && !only_the_person {
        p.extra.insert("authors".into(), authors.into());
    }
    p
}

fn skill(m: &Map<String, Value>) -> Skill {
    let mut details = field(m, "details").unwrap_or_default();
    let mut level = None;
    // "Rust, Go (Advanced)" and "(Advanced)": the level in brackets at the end.
    let open = if details.starts_with('(') {
        Some(0)
    } else {
        details.rfind(" (")
    };
    if let Some(open) = open {
        let inner = details[open..].trim_start().trim_start_matches('(');
        if let Some(level_text) = inner
            .strip_suffix(')')
            .filter(|l| !l.contains([',', '(', ')']))
        {
            level = Some(level_text.to_string());
            details.truncate(open);
        }
    }
    let keywords = commas(&details);
    Skill {
        name: field(m, "label"),
        level,
        keywords: Some(keywords).filter(|k| !k.is_empty()),
        ..Skill::default()
    }
}

/// Labels that introduce a grade in education highlights, in the languages of the lexicon.
const SCORE_LABELS: &[&str] = &[
    "gpa", "grade", "score", "note", "nota", "media", "moyenne", "cgpa",
];
/// Labels that introduce a course list.
const COURSE_LABELS: &[&str] = &[
    "courses",
    "coursework",
    "relevant coursework",
    "kurse",
    "cours",
    "cursos",
    "corsi",
];

/// A line under a degree that is only a grade: a number or a ratio ("3.7", "3,7/4", "18/20"),
/// or a grade word and what follows it without a colon ("grade 1.3", "GPA 3.9").
fn bare_grade(line: &str) -> Option<String> {
    let t = line.trim();
    let numeric = t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | ' '));
    let worded = t.split_once(' ').is_some_and(|(w, rest)| {
        SCORE_LABELS.contains(&w.to_lowercase().as_str())
            && rest.chars().any(|c| c.is_ascii_digit())
            && rest.len() <= 12
    });
    (numeric || worded).then(|| t.to_string())
}

/// The text after "Label:" when the line opens with one of `labels` (any case, Markdown bold
/// around the label allowed).
fn after_label(line: &str, labels: &[&str]) -> Option<String> {
    let plain = line.replace("**", "");
    let (label, rest) = plain.split_once(':')?;
    let label = label.trim().to_lowercase();
    labels
        .contains(&label.as_str())
        .then(|| rest.trim().to_string())
        .filter(|r| !r.is_empty())
}

/// An entry's dates as JSON Resume has them. RenderCV's `date` is free text: read with the
/// date grammar; a single date is the end for education (GOLD.md) and the start otherwise.
fn entry_dates(m: &Map<String, Value>, single_is_end: bool) -> (Option<String>, Option<String>) {
    let exact = |k: &str| field(m, k).filter(|d| is_exact_date(d));
    let start = exact("start_date");
    let end = field(m, "end_date")
        .filter(|d| !d.eq_ignore_ascii_case("present"))
        .filter(|d| is_exact_date(d));
    if start.is_some() || end.is_some() {
        return (start, end);
    }
    let Some(date) = field(m, "date") else {
        return (None, None);
    };
    if is_exact_date(&date) {
        return if single_is_end {
            (None, Some(date))
        } else {
            (Some(date), None)
        };
    }
    match crate::extract::dates::find_range(&date) {
        Some(range) if range.end.is_some() || range.open => (range.start, range.end),
        Some(range) if single_is_end => (None, range.start),
        Some(range) => (range.start, None),
        None => (None, None),
    }
}

/// "[Acme](https://acme.example)" → ("Acme", the address); plain text stays as it is.
fn unlink(s: &str) -> (String, Option<String>) {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('[') {
        if let Some((text, rest)) = inner.split_once("](") {
            if let Some(url) = rest.strip_suffix(')') {
                if !url.contains(' ') {
                    return (plain(text), Some(url_back(url)));
                }
            }
        }
    }
    if s.starts_with("http://") || s.starts_with("https://") {
        return (String::new(), Some(url_back(s)));
    }
    (plain(s), None)
}

/// An address as the writer had it: the brackets it percent-encoded, decoded.
fn url_back(url: &str) -> String {
    url.replace("%28", "(").replace("%29", ")")
}

/// "Name — Source" → both parts.
fn split_source(s: &str) -> (Option<String>, Option<String>) {
    match s.split_once(" — ") {
        Some((a, b)) => (
            Some(a.trim().to_string()).filter(|a| !a.is_empty()),
            Some(b.trim().to_string()),
        ),
        None => (Some(s.to_string()).filter(|s| !s.is_empty()), None),
    }
}

fn profiles(v: &Value) -> Vec<Profile> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .filter_map(|m| {
            let network = field(m, "network")?;
            let username = field(m, "username")?;
            Some(Profile {
                url: super::networks::profile_url(&network, &username),
                network: Some(network),
                username: Some(username),
                ..Profile::default()
            })
        })
        .collect()
}

/// An entry given as text, a bullet or a name, as one line of text.
fn line_text(e: &Value) -> Option<String> {
    match e {
        Value::String(s) => Some(plain(s)),
        Value::Object(m) => ["bullet", "number", "reversed_number", "name"]
            .iter()
            .find_map(|k| field(m, k))
            .map(|t| plain(&t)),
        _ => None,
    }
}

fn as_map(e: &Value) -> Map<String, Value> {
    match e {
        Value::Object(m) => m.clone(),
        other => {
            let mut m = Map::new();
            if let Some(t) = line_text(other) {
                m.insert("name".into(), t.into());
            }
            m
        }
    }
}

/// The name of an entry of any type: `name`, `label`, `bullet`, or its text.
fn entry_name(m: &Map<String, Value>) -> String {
    [
        "name",
        "label",
        "bullet",
        "number",
        "reversed_number",
        "title",
    ]
    .iter()
    .find_map(|k| m.get(*k).and_then(scalar))
    .unwrap_or_default()
}

/// A field's text (numbers as written: `start_date: 2020` is "2020"), Markdown emphasis
/// taken off and links kept as "text (address)" unless the field is a name (see `unlink`).
fn field(m: &Map<String, Value>, key: &str) -> Option<String> {
    let raw = scalar(m.get(key)?)?;
    let keep_links = matches!(
        key,
        "company" | "institution" | "name" | "title" | "label" | "bullet"
    );
    let text = if keep_links {
        raw.trim().to_string()
    } else {
        plain(&raw)
    };
    Some(text).filter(|t| !t.is_empty())
}

fn strings(m: &Map<String, Value>, key: &str) -> Vec<String> {
    m.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(scalar)
        .map(|s| plain(&s))
        .filter(|s| !s.is_empty())
        .collect()
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// RenderCV text is Markdown: bold and italic markers are taken off, and an inline link is
/// written "text (address)" (its text alone when that is the address).
pub fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let link = after[1..].split_once("](").and_then(|(text, tail)| {
            let close = tail.find(')')?;
            let url = &tail[..close];
            (!url.contains(' ') && !text.contains(']')).then(|| (text, url, &tail[close + 1..]))
        });
        match link {
            Some((text, url, tail)) => {
                if text == url || text.is_empty() {
                    out.push_str(url);
                } else {
                    out.push_str(&format!("{text} ({url})"));
                }
                rest = tail;
            }
            None => {
                out.push('[');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    let out = out.replace("***", "").replace("**", "");
    strip_single_stars(&out).trim().to_string()
}

/// `*emphasis*` → `emphasis`, leaving a lone star ("5* hotel") alone.
fn strip_single_stars(s: &str) -> String {
    let stars = s.matches('*').count();
    if stars < 2 || !stars.is_multiple_of(2) {
        return s.to_string();
    }
    s.replace('*', "")
}

fn commas(s: &str) -> Vec<String> {
    crate::extract::lines::split_commas(s)
        .into_iter()
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect()
}
