//! LinkedIn's data export in: the ZIP that "Settings → Data privacy → Get a copy of your data"
//! produces, read from its CSV files into a résumé.
//!
//! The export is one CSV file per kind of record, with English column names that LinkedIn
//! documents on its help pages ("Positions.csv": Company Name, Title, Description, Location,
//! Started On, Finished On; "Education.csv": School Name, Start Date, End Date, Notes, Degree
//! Name, Activities; …). Which file feeds which JSON Resume section, and which column which
//! field, is the table [`SHEETS`]; the profile, e-mail and phone files make `basics`. File names
//! vary between exports ("PhoneNumbers.csv", "Phone Numbers.csv", a folder around them), so
//! they are compared without case, spaces, underscores or folders. Files that are not résumé
//! material (connections, messages, ads) are not read. A column with a value that has no
//! field in JSON Resume is one warning per file — nothing is dropped silently — except the
//! export's own bookkeeping (`Status`, `Confirmed`, `Updated On`, …) and a birth date, which a
//! résumé does not carry (GOLD.md).

use super::csv::Table;
use crate::error::{Error, Warning};
use crate::limits::Limits;
use crate::model::Resume;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;
use std::io::Read;

/// What a column becomes in its section's item.
#[derive(Clone, Copy)]
enum Col {
    /// Text into this field.
    Text(&'static str),
    /// A date ("Jan 2020", "2020", "Mar 15, 2021") into this field, as ISO 8601.
    Date(&'static str),
    /// Free text whose bullet lines are highlights; the other lines go to this field.
    Described(&'static str),
    /// A degree ("Master of Science, Computer Science"): study type, and the area after a comma.
    Degree,
    /// The given name, joined with [`Col::Surname`] into `name`.
    GivenName,
    Surname,
    /// A referee's job title and company, printed after their name as references are
    /// signed ("Jonas Feldmann, Head of Data, Nordhafen Retail GmbH").
    Signature,
}

/// One CSV file of the export and the section it feeds.
struct Sheet {
    /// The file name, lower case without spaces, underscores or `.csv`.
    file: &'static str,
    /// The JSON Resume section its rows become.
    section: &'static str,
    columns: &'static [(&'static str, Col)],
}

#[rustfmt::skip]
const SHEETS: &[Sheet] = &[
    Sheet { file: "positions", section: "work", columns: &[
        ("Company Name", Col::Text("name")), ("Title", Col::Text("position")),
        ("Location", Col::Text("location")), ("Description", Col::Described("summary")),
        ("Started On", Col::Date("startDate")), ("Finished On", Col::Date("endDate"))] },
    Sheet { file: "education", section: "education", columns: &[
        ("School Name", Col::Text("institution")), ("Degree Name", Col::Degree),
        ("Start Date", Col::Date("startDate")), ("End Date", Col::Date("endDate"))] },
    Sheet { file: "skills", section: "skills", columns: &[("Name", Col::Text("name"))] },
    Sheet { file: "languages", section: "languages", columns: &[
        ("Name", Col::Text("language")), ("Proficiency", Col::Text("fluency"))] },
    Sheet { file: "certifications", section: "certificates", columns: &[
        ("Name", Col::Text("name")), ("Authority", Col::Text("issuer")),
        ("Url", Col::Text("url")), ("Started On", Col::Date("date"))] },
    Sheet { file: "projects", section: "projects", columns: &[
        ("Title", Col::Text("name")), ("Description", Col::Described("description")),
        ("Url", Col::Text("url")), ("Started On", Col::Date("startDate")),
        ("Finished On", Col::Date("endDate"))] },
    Sheet { file: "honors", section: "awards", columns: &[
        ("Title", Col::Text("title")), ("Description", Col::Text("summary")),
        ("Issued On", Col::Date("date"))] },
    Sheet { file: "publications", section: "publications", columns: &[
        ("Name", Col::Text("name")), ("Publisher", Col::Text("publisher")),
        ("Published On", Col::Date("releaseDate")), ("Description", Col::Text("summary")),
        ("Url", Col::Text("url"))] },
    Sheet { file: "volunteering", section: "volunteer", columns: &[
        ("Company Name", Col::Text("organization")), ("Role", Col::Text("position")),
        ("Description", Col::Described("summary")), ("Started On", Col::Date("startDate")),
        ("Finished On", Col::Date("endDate"))] },
    Sheet { file: "recommendationsreceived", section: "references", columns: &[
        ("First Name", Col::GivenName), ("Last Name", Col::Surname),
        ("Job Title", Col::Signature), ("Company", Col::Signature),
        ("Text", Col::Text("reference"))] },
];

/// The export's bookkeeping and personal data a résumé does not carry: never a warning.
const IGNORED: &[&str] = &[
    "Status",
    "Confirmed",
    "Primary",
    "Updated On",
    "Type",
    "Extension",
    "Creation Date",
    "Birth Date",
    "Maiden Name",
    "Industry",
    "Number",
    "Email Address",
];

/// The files that make the export recognisable (and `basics`).
const PROFILE: &str = "profile";
const EMAILS: &str = "emailaddresses";
const PHONES: &str = "phonenumbers";
const COURSES: &str = "courses";

/// A file name as [`Sheet::file`] spells it: "Email Addresses.csv" → "emailaddresses".
fn normalised(path: &str) -> Option<String> {
    let base = path.rsplit(['/', '\\']).next()?;
    let stem = base
        .strip_suffix(".csv")
        .or_else(|| base.strip_suffix(".CSV"))?;
    Some(
        stem.chars()
            .filter(|c| !matches!(c, ' ' | '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// True when a ZIP archive is a LinkedIn export: it holds a `Profile.csv` or `Positions.csv`
/// and no Word document.
pub fn looks_like(bytes: &[u8]) -> bool {
    let Ok(zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    let names: Vec<String> = zip.file_names().filter_map(normalised).collect();
    !zip.file_names().any(|n| n == "word/document.xml")
        && names.iter().any(|n| n == PROFILE || n == "positions")
}

/// True when a ZIP archive is a Word document.
pub fn is_word(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .is_ok_and(|z| z.file_names().any(|n| n == "word/document.xml"))
}

fn bad(file: &str, message: impl Into<String>) -> Error {
    Error::Unreadable {
        file: file.to_string(),
        message: message.into(),
    }
}

/// The CSV files of the archive, by normalised name, inflated within the limits.
/// One CSV file of the archive: its normalised name, its own name (for messages) and text.
struct CsvFile {
    key: String,
    name: String,
    text: String,
}

fn csv_files(bytes: &[u8], file: &str, limits: &Limits) -> Result<Vec<CsvFile>, Error> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| {
        bad(
            file,
            "not a LinkedIn export: not a zip archive, or one cut short",
        )
    })?;
    if zip.len() > limits.entries {
        return Err(bad(
            file,
            format!(
                "archive has {} entries (limit {})",
                zip.len(),
                limits.entries
            ),
        ));
    }
    let mut out = Vec::new();
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| bad(file, format!("corrupt archive: {e}")))?;
        let Some(key) = normalised(entry.name()) else {
            continue;
        };
        let name = entry
            .name()
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("")
            .to_string();
        let cap = limits.unpacked.saturating_sub(total) + 1;
        let mut data = Vec::new();
        let read = (&mut entry)
            .take(cap)
            .read_to_end(&mut data)
            .map_err(|e| bad(file, format!("corrupt archive: {e}")))?;
        total += read as u64;
        if read as u64 >= cap {
            return Err(bad(
                file,
                format!(
                    "archive expands to more than {} (raise it with --max-unpacked-size)",
                    crate::human_size(limits.unpacked)
                ),
            ));
        }
        let text = String::from_utf8_lossy(&data).into_owned();
        out.push(CsvFile { key, name, text });
    }
    Ok(out)
}

/// Reads a LinkedIn export into a résumé.
pub fn read(bytes: &[u8], file: &str, limits: &Limits) -> Result<(Resume, Vec<Warning>), Error> {
    let files = csv_files(bytes, file, limits)?;
    if !files
        .iter()
        .any(|f| f.key == PROFILE || SHEETS.iter().any(|s| s.file == f.key))
    {
        return Err(bad(
            file,
            "not a LinkedIn data export: the archive has no Profile.csv, Positions.csv or other file of one",
        ));
    }
    let sheet = |key: &str| {
        files
            .iter()
            .find(|f| f.key == key)
            .map(|f| (f.name.as_str(), f.text.as_str()))
    };
    let mut warnings = Vec::new();
    let mut root = Map::new();
    let basics = basics(&sheet, &mut warnings);
    if !basics.is_empty() {
        root.insert("basics".into(), Value::Object(basics));
    }
    for s in SHEETS {
        let Some((name, text)) = sheet(s.file) else {
            continue;
        };
        let items = section(s, name, text, &mut warnings);
        if !items.is_empty() {
            root.insert(s.section.into(), Value::Array(items));
        }
    }
    if let Some((name, text)) = sheet(COURSES) {
        courses(name, text, &mut root, &mut warnings);
    }
    if root.is_empty() {
        return Err(Error::NoContent {
            file: file.to_string(),
        });
    }
    let resume = crate::read::json::to_resume(Value::Object(root), file)?;
    Ok((resume, warnings))
}

/// One warning naming the columns of a file that had values and no field to go to.
fn unread(file: &str, table: &Table, known: &[&str], warnings: &mut Vec<Warning>) {
    let mut left = BTreeSet::new();
    for r in &table.records {
        for h in &table.header {
            let known = known
                .iter()
                .chain(IGNORED)
                .any(|k| k.eq_ignore_ascii_case(h));
            if !known && table.get(r, h).is_some() {
                left.insert(h.clone());
            }
        }
    }
    if !left.is_empty() {
        let cols: Vec<String> = left.into_iter().collect();
        warnings.push(Warning::new(
            None,
            format!(
                "{file}: {} not read (JSON Resume has no field for it)",
                cols.join(", ")
            ),
        ));
    }
}

fn put(item: &mut Map<String, Value>, key: &str, value: &str) {
    item.insert(key.to_string(), Value::String(value.to_string()));
}

fn date(value: &str, sheet: &str, row: usize, warnings: &mut Vec<Warning>) -> Option<String> {
    match crate::extract::dates::parse(value) {
        Some((iso, _)) => Some(iso),
        None => {
            warnings.push(Warning::new(
                None,
                format!("{sheet} row {row}: the date \"{value}\" could not be read"),
            ));
            None
        }
    }
}

/// A description as people type it into LinkedIn: lines that start with a bullet are
/// highlights, the other lines the summary (paragraphs kept apart).
fn described(text: &str) -> (Option<String>, Vec<String>) {
    let mut summary = Vec::new();
    let mut highlights = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let rest = line.trim_start_matches(['•', '-', '*', '–', '·', '▪', '●', '◦']);
        if rest.len() < line.len() && rest.starts_with(char::is_whitespace) {
            highlights.push(rest.trim().to_string());
        } else {
            summary.push(line.to_string());
        }
    }
    (crate::model::non_empty(summary.join("\n")), highlights)
}

fn section(s: &Sheet, file: &str, text: &str, warnings: &mut Vec<Warning>) -> Vec<Value> {
    let names: Vec<&str> = s.columns.iter().map(|(c, _)| *c).collect();
    let table = Table::parse(text, &names);
    unread(file, &table, &names, warnings);
    let mut items = Vec::new();
    for (i, r) in table.records.iter().enumerate() {
        let row = i + 1;
        let mut item = Map::new();
        let mut person = Vec::new();
        let mut signature = Vec::new();
        for (column, col) in s.columns {
            let Some(v) = table.get(r, column) else {
                continue;
            };
            match *col {
                Col::Text(key) => put(&mut item, key, v),
                Col::Date(key) => {
                    if let Some(iso) = date(v, file, row, warnings) {
                        put(&mut item, key, &iso);
                    }
                }
                Col::Described(key) => {
                    let (summary, highlights) = described(v);
                    if let Some(summary) = summary {
                        put(&mut item, key, &summary);
                    }
                    if !highlights.is_empty() {
                        item.insert("highlights".into(), json!(highlights));
                    }
                }
                Col::Degree => {
                    // "Master of Science, Computer Science": the degree, then the field
                    // (a comma inside a field, "Philosophy, Politics and Economics", stays).
                    let has_degree = crate::extract::entries::has_degree;
                    match v.split_once(", ").filter(|(study, _)| has_degree(study)) {
                        Some((study, area)) => {
                            put(&mut item, "studyType", study.trim());
                            put(&mut item, "area", area.trim());
                        }
                        // One value that names no degree ("Physics") is the field alone.
                        None if !has_degree(v) => {
                            put(&mut item, "area", v);
                        }
                        None => put(&mut item, "studyType", v),
                    }
                }
                Col::GivenName | Col::Surname => person.push(v),
                Col::Signature => signature.push(v),
            }
        }
        if !person.is_empty() {
            let mut name = person.join(" ");
            for s in signature {
                name.push_str(", ");
                name.push_str(s);
            }
            put(&mut item, "name", &name);
        }
        if !item.is_empty() {
            items.push(Value::Object(item));
        }
    }
    items
}

/// `basics` from the profile, e-mail and phone files.
fn basics<'a>(
    sheet: &impl Fn(&str) -> Option<(&'a str, &'a str)>,
    warnings: &mut Vec<Warning>,
) -> Map<String, Value> {
    let mut b = Map::new();
    if let Some((file, text)) = sheet(PROFILE) {
        let known = [
            "First Name",
            "Last Name",
            "Headline",
            "Summary",
            "Geo Location",
            "Address",
            "Zip Code",
            "Websites",
            "Twitter Handles",
        ];
        let t = Table::parse(text, &known);
        unread(file, &t, &known, warnings);
        if let Some(r) = t.records.first() {
            let name: Vec<&str> = ["First Name", "Last Name"]
                .iter()
                .filter_map(|c| t.get(r, c))
                .collect();
            if !name.is_empty() {
                put(&mut b, "name", &name.join(" "));
            }
            if let Some(v) = t.get(r, "Headline") {
                put(&mut b, "label", v);
            }
            if let Some(v) = t.get(r, "Summary") {
                // Paragraphs one per line, as extraction writes a summary.
                let lines: Vec<&str> = v.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                put(&mut b, "summary", &lines.join("\n"));
            }
            let mut loc = t
                .get(r, "Geo Location")
                .and_then(crate::extract::basics::parse_location)
                .unwrap_or_default();
            if let Some(a) = t.get(r, "Address") {
                loc.address = Some(a.to_string());
            }
            if let Some(z) = t.get(r, "Zip Code") {
                loc.postal_code = Some(z.to_string());
            }
            if loc != Default::default() {
                if let Ok(v) = serde_json::to_value(&loc) {
                    b.insert("location".into(), v);
                }
            }
            let (url, mut profiles) = websites(t.get(r, "Websites").unwrap_or(""));
            if let Some(u) = url {
                put(&mut b, "url", &u);
            }
            for handle in bracketed(t.get(r, "Twitter Handles").unwrap_or("")) {
                let handle = handle.trim_start_matches('@');
                profiles.push(json!({
                    "network": "Twitter",
                    "username": handle,
                    "url": format!("https://twitter.com/{handle}"),
                }));
            }
            if !profiles.is_empty() {
                b.insert("profiles".into(), Value::Array(profiles));
            }
        }
    }
    if let Some((file, text)) = sheet(EMAILS) {
        let t = Table::parse(text, &["Email Address"]);
        let others = t.records.len().saturating_sub(1);
        if others > 0 {
            warnings.push(Warning::new(
                None,
                format!("{file}: {others} more address(es) not read (a résumé has one e-mail; the primary one is kept)"),
            ));
        }
        let primary = t
            .records
            .iter()
            .find(|r| {
                t.get(r, "Primary")
                    .is_some_and(|p| p.eq_ignore_ascii_case("yes"))
            })
            .or(t.records.first());
        if let Some(e) = primary.and_then(|r| t.get(r, "Email Address")) {
            put(&mut b, "email", e);
        }
    }
    if let Some((file, text)) = sheet(PHONES) {
        let t = Table::parse(text, &["Number"]);
        let others = t.records.len().saturating_sub(1);
        if others > 0 {
            warnings.push(Warning::new(
                None,
                format!("{file}: {others} more number(s) not read (a résumé has one phone; the first is kept)"),
            ));
        }
        if let Some(r) = t.records.first() {
            if let Some(n) = t.get(r, "Number") {
                let phone = match t.get(r, "Extension") {
                    Some(x) => format!("{n} ext. {x}"),
                    None => n.to_string(),
                };
                put(&mut b, "phone", &phone);
            }
        }
    }
    b
}

/// The items of a bracketed list as the export writes them: "[a,b]" or "a,b".
fn bracketed(s: &str) -> Vec<&str> {
    let s = s.trim().trim_start_matches('[').trim_end_matches(']');
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

/// "[PERSONAL:https://ana.example,COMPANY:https://acme.example]": the first personal (or
/// first) site is the résumé's address, the others are profiles named by their kind.
fn websites(s: &str) -> (Option<String>, Vec<Value>) {
    let sites: Vec<(Option<&str>, &str)> = bracketed(s)
        .into_iter()
        .map(|item| match item.split_once(':') {
            Some((kind, url)) if !kind.contains('/') && !url.starts_with("//") => {
                (Some(kind.trim()), url.trim())
            }
            _ => (None, item),
        })
        .collect();
    let main = sites
        .iter()
        .position(|(k, _)| k.is_some_and(|k| k.eq_ignore_ascii_case("personal")))
        .unwrap_or(0);
    let mut url = None;
    let mut profiles = Vec::new();
    for (i, (kind, site)) in sites.iter().enumerate() {
        if i == main {
            url = Some(site.to_string());
        } else if let Some(p) =
            crate::extract::contact::profile(site).and_then(|p| serde_json::to_value(p).ok())
        {
            // A known network's address: its name and the username from the address.
            profiles.push(p);
        } else {
            let mut p = Map::new();
            if let Some(n) = kind.map(crate::extract::basics::title_case) {
                put(&mut p, "network", &n);
            }
            put(&mut p, "url", site);
            profiles.push(Value::Object(p));
        }
    }
    (url, profiles)
}

/// Courses are not tied to a school in the export: they go to the only education entry, or
/// are a warning when there is none or several.
fn courses(file: &str, text: &str, root: &mut Map<String, Value>, warnings: &mut Vec<Warning>) {
    let t = Table::parse(text, &["Name"]);
    let names: Vec<String> = t
        .records
        .iter()
        .filter_map(|r| t.get(r, "Name"))
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        return;
    }
    match root.get_mut("education").and_then(Value::as_array_mut) {
        Some(list) if list.len() == 1 => {
            if let Some(Value::Object(e)) = list.first_mut() {
                e.insert("courses".into(), json!(names));
            }
        }
        _ => warnings.push(Warning::new(
            None,
            format!(
                "{file}: {} course(s) not read (the export does not say which school they belong to)",
                names.len()
            ),
        )),
    }
}

/// The LinkedIn row of the format registry.
pub struct LinkedInReader;
pub const READER: LinkedInReader = LinkedInReader;

impl crate::format::Reader for LinkedInReader {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &Limits,
    ) -> Result<(crate::format::Parsed, Vec<Warning>), Error> {
        let (resume, warnings) = read(bytes, name, limits)?;
        Ok((crate::format::Parsed::Resume(Box::new(resume)), warnings))
    }
}
