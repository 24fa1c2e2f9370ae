//! LinkedIn data exports in: a fictional person's export (tests/fixtures/linkedin, CSV files
//! with the documented column names) zipped as LinkedIn ships it, and generated résumés
//! written out as an export and read back, field by field.

use crate::common::{fixture, resumeconv};
use crate::realistic::resume;
use resumeconv::Format;
use resumeconv::model::Resume;
use serde_json::{Value, json};
use std::io::Write;

/// A ZIP of `files` (name, content), each under `folder` when one is given.
fn zip_of(files: &[(String, String)], folder: Option<&str>) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default();
        for (name, text) in files {
            let path = match folder {
                Some(f) => format!("{f}/{name}"),
                None => name.clone(),
            };
            z.start_file(path, opts).expect("zip entry");
            z.write_all(text.as_bytes()).expect("zip write");
        }
        z.finish().expect("zip finish");
    }
    out.into_inner()
}

/// The fixture export's files.
fn fixture_files() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(fixture("linkedin"))
        .expect("linkedin fixture")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("csv"))
        })
        .collect();
    v.sort();
    v
}

fn convert(bytes: &[u8], name: &str) -> (Value, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write zip");
    let out = resumeconv()
        .arg(&path)
        .args(["-t", "json", "-v"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&*path.to_string_lossy(), name);
    (
        serde_json::from_slice(&out.stdout).expect("json out"),
        stderr,
    )
}

#[test]
fn the_fixture_export_reads_into_every_section() {
    let files = fixture_files();
    let (with_folder, warnings) = convert(
        &zip_of(&files, Some("Basic_LinkedInDataExport_12-01-2026")),
        "export.zip",
    );
    insta::assert_json_snapshot!("linkedin-fixture", with_folder);
    // The same files at the top of the archive, under a name that says nothing, read alike.
    let (flat, _) = convert(&zip_of(&files, None), "download");
    assert_eq!(flat, with_folder);
    // Only the columns JSON Resume has no field for are warnings, one line per file.
    let lines: Vec<&str> = warnings.lines().collect();
    assert_eq!(
        lines,
        [
            "resumeconv: warning: export.zip: Email Addresses.csv: 1 more address(es) not read (a résumé has one e-mail; the primary one is kept)",
            "resumeconv: warning: export.zip: Certifications.csv: Finished On not read (JSON Resume has no field for it)",
            "resumeconv: warning: export.zip: Volunteering.csv: Cause not read (JSON Resume has no field for it)",
        ]
    );
}

/// Every value of the export lands somewhere in the résumé, but the bookkeeping, the birth
/// date, the two warned-about columns and the connections list (not résumé material).
#[test]
fn every_value_of_the_fixture_export_is_placed() {
    let files = fixture_files();
    let (out, _) = convert(&zip_of(&files, None), "export.zip");
    let text = out.to_string();
    let skip = [
        "Confirmed",
        "Primary",
        "Updated On",
        "Type",
        "Extension",
        "Creation Date",
        "Status",
        "Birth Date",
        "Industry",
        "Finished On@Certifications.csv",
        "Cause",
        "Email Address@Email Addresses.csv",
    ];
    for (name, csv) in files.iter().filter(|(n, _)| n != "Connections.csv") {
        let mut rows = csv_rows(csv).into_iter();
        let header = rows.next().expect("header");
        for row in rows {
            for (h, v) in header.iter().zip(row) {
                let v = v.trim();
                let skipped = skip.iter().any(|s| s == h || *s == format!("{h}@{name}"));
                if v.is_empty() || skipped {
                    continue;
                }
                // Dates come out as ISO 8601: the year is what must be there.
                let probe = if h.ends_with(" On") || h.ends_with(" Date") {
                    v.rsplit(' ').next().unwrap_or(v).to_string()
                } else {
                    v.to_string()
                };
                for piece in probe
                    .lines()
                    .map(|l| l.trim_start_matches(['•', '-', ' ']))
                    .flat_map(|l| l.split([',', '[', ']']))
                    .map(|p| {
                        p.trim()
                            .trim_start_matches("PERSONAL:")
                            .trim_start_matches("PORTFOLIO:")
                    })
                    .filter(|p| !p.is_empty())
                {
                    assert!(
                        text.contains(&piece.replace('"', "\\\"")),
                        "{name}: {h} = {piece:?} is not in the résumé"
                    );
                }
            }
        }
    }
}

/// A ZIP that is neither a Word document nor an export says so.
#[test]
fn a_zip_that_is_not_an_export_is_a_clear_error() {
    let bytes = zip_of(&[("notes.txt".into(), "hello".into())], None);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("photos.zip");
    std::fs::write(&path, bytes).expect("write");
    let out = resumeconv().arg(&path).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("photos.zip: not a LinkedIn data export"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// The CSV rows of a text (quoted fields, doubled quotes, line breaks inside quotes).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (_, c) => field.push(c),
        }
    }
    rows
}

// --- Generated exports -------------------------------------------------------------------

/// A CSV field, quoted when it must be (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(header: &[&str], rows: &[Vec<String>], crlf: bool) -> String {
    let end = if crlf { "\r\n" } else { "\n" };
    let mut out = header.join(",") + end;
    for r in rows {
        out += &r.iter().map(|f| field(f)).collect::<Vec<_>>().join(",");
        out += end;
    }
    out
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An ISO date as LinkedIn writes it: "Mar 2020", "2020", "Mar 5, 2020".
fn li_date(iso: Option<&String>) -> String {
    let Some(iso) = iso else { return String::new() };
    let p: Vec<&str> = iso.split('-').collect();
    let month = |m: &str| MONTHS[m.parse::<usize>().expect("month") - 1];
    match p.as_slice() {
        [y] => y.to_string(),
        [y, m] => format!("{} {y}", month(m)),
        [y, m, d] => format!("{} {}, {y}", month(m), d.trim_start_matches('0')),
        _ => String::new(),
    }
}

fn s(o: &Option<String>) -> String {
    o.clone().unwrap_or_default()
}

/// A summary and highlights as one LinkedIn description.
fn description(summary: &Option<String>, highlights: &Option<Vec<String>>) -> String {
    let mut lines: Vec<String> = summary
        .iter()
        .flat_map(|s| s.lines())
        .map(str::to_string)
        .collect();
    lines.extend(highlights.iter().flatten().map(|h| format!("• {h}")));
    lines.join("\n")
}

/// A résumé written out as the CSV files of a LinkedIn export.
fn export(r: &Resume, crlf: bool) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let b = r.basics.clone().unwrap_or_default();
    let name = s(&b.name);
    let (first, last) = name.split_once(' ').unwrap_or((&name, ""));
    files.push((
        "Profile.csv".into(),
        csv(
            &[
                "First Name",
                "Last Name",
                "Maiden Name",
                "Address",
                "Birth Date",
                "Headline",
                "Summary",
                "Industry",
                "Zip Code",
                "Geo Location",
                "Twitter Handles",
                "Websites",
                "Instant Messengers",
            ],
            &[vec![
                first.into(),
                last.into(),
                String::new(),
                String::new(),
                String::new(),
                s(&b.label),
                s(&b.summary),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                b.url
                    .as_ref()
                    .map(|u| format!("[PERSONAL:{u}]"))
                    .unwrap_or_default(),
                String::new(),
            ]],
            crlf,
        ),
    ));
    if let Some(e) = &b.email {
        files.push((
            "Email Addresses.csv".into(),
            csv(
                &["Email Address", "Confirmed", "Primary", "Updated On"],
                &[vec![
                    e.clone(),
                    "Yes".into(),
                    "Yes".into(),
                    "1/2/25, 10:00 AM".into(),
                ]],
                crlf,
            ),
        ));
    }
    if let Some(p) = &b.phone {
        files.push((
            "PhoneNumbers.csv".into(),
            csv(
                &["Extension", "Number", "Type"],
                &[vec![String::new(), p.clone(), "Mobile".into()]],
                crlf,
            ),
        ));
    }
    let work: Vec<Vec<String>> = r
        .work
        .iter()
        .flatten()
        .map(|w| {
            vec![
                s(&w.name),
                s(&w.position),
                description(&w.summary, &w.highlights),
                s(&w.location),
                li_date(w.start_date.as_ref()),
                li_date(w.end_date.as_ref()),
            ]
        })
        .collect();
    files.push((
        "Positions.csv".into(),
        csv(
            &[
                "Company Name",
                "Title",
                "Description",
                "Location",
                "Started On",
                "Finished On",
            ],
            &work,
            crlf,
        ),
    ));
    let edu: Vec<Vec<String>> = r
        .education
        .iter()
        .flatten()
        .map(|e| {
            vec![
                s(&e.institution),
                li_date(e.start_date.as_ref()),
                li_date(e.end_date.as_ref()),
                String::new(),
                [e.study_type.clone(), e.area.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
                String::new(),
            ]
        })
        .collect();
    files.push((
        "Education.csv".into(),
        csv(
            &[
                "School Name",
                "Start Date",
                "End Date",
                "Notes",
                "Degree Name",
                "Activities",
            ],
            &edu,
            crlf,
        ),
    ));
    let skills: Vec<Vec<String>> = r
        .skills
        .iter()
        .flatten()
        .filter_map(|k| k.name.clone())
        .map(|n| vec![n])
        .collect();
    files.push(("Skills.csv".into(), csv(&["Name"], &skills, crlf)));
    let langs: Vec<Vec<String>> = r
        .languages
        .iter()
        .flatten()
        .map(|l| vec![s(&l.language), s(&l.fluency)])
        .collect();
    files.push((
        "Languages.csv".into(),
        csv(&["Name", "Proficiency"], &langs, crlf),
    ));
    let certs: Vec<Vec<String>> = r
        .certificates
        .iter()
        .flatten()
        .map(|c| {
            vec![
                s(&c.name),
                s(&c.url),
                s(&c.issuer),
                li_date(c.date.as_ref()),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    files.push((
        "Certifications.csv".into(),
        csv(
            &[
                "Name",
                "Url",
                "Authority",
                "Started On",
                "Finished On",
                "License Number",
            ],
            &certs,
            crlf,
        ),
    ));
    let projects: Vec<Vec<String>> = r
        .projects
        .iter()
        .flatten()
        .map(|p| {
            vec![
                s(&p.name),
                description(&p.description, &p.highlights),
                s(&p.url),
                li_date(p.start_date.as_ref()),
                li_date(p.end_date.as_ref()),
            ]
        })
        .collect();
    files.push((
        "Projects.csv".into(),
        csv(
            &["Title", "Description", "Url", "Started On", "Finished On"],
            &projects,
            crlf,
        ),
    ));
    let honors: Vec<Vec<String>> = r
        .awards
        .iter()
        .flatten()
        .map(|a| vec![s(&a.title), s(&a.summary), li_date(a.date.as_ref())])
        .collect();
    files.push((
        "Honors.csv".into(),
        csv(&["Title", "Description", "Issued On"], &honors, crlf),
    ));
    let pubs: Vec<Vec<String>> = r
        .publications
        .iter()
        .flatten()
        .map(|p| {
            vec![
                s(&p.name),
                li_date(p.release_date.as_ref()),
                s(&p.summary),
                s(&p.publisher),
                s(&p.url),
            ]
        })
        .collect();
    files.push((
        "Publications.csv".into(),
        csv(
            &["Name", "Published On", "Description", "Publisher", "Url"],
            &pubs,
            crlf,
        ),
    ));
    let vol: Vec<Vec<String>> = r
        .volunteer
        .iter()
        .flatten()
        .map(|v| {
            vec![
                s(&v.organization),
                s(&v.position),
                String::new(),
                li_date(v.start_date.as_ref()),
                li_date(v.end_date.as_ref()),
                description(&v.summary, &v.highlights),
            ]
        })
        .collect();
    files.push((
        "Volunteering.csv".into(),
        csv(
            &[
                "Company Name",
                "Role",
                "Cause",
                "Started On",
                "Finished On",
                "Description",
            ],
            &vol,
            crlf,
        ),
    ));
    files
}

/// What of a résumé a LinkedIn export holds, as the export reads back.
fn held(r: &Resume) -> Value {
    let b = r.basics.clone().unwrap_or_default();
    let opt = |v: &Option<String>| v.clone().map(Value::String).unwrap_or(Value::Null);
    let list = |v: &Option<Vec<String>>| {
        v.clone()
            .filter(|x| !x.is_empty())
            .map(|x| json!(x))
            .unwrap_or(Value::Null)
    };
    json!({
        "name": opt(&b.name), "label": opt(&b.label), "email": opt(&b.email),
        "phone": opt(&b.phone), "url": opt(&b.url), "summary": opt(&b.summary),
        "work": r.work.iter().flatten().map(|w| json!([opt(&w.name), opt(&w.position),
            opt(&w.location), opt(&w.start_date), opt(&w.end_date), opt(&w.summary), list(&w.highlights)]))
            .collect::<Vec<_>>(),
        "education": r.education.iter().flatten().map(|e| json!([opt(&e.institution),
            opt(&e.start_date), opt(&e.end_date), opt(&e.study_type), opt(&e.area)]))
            .collect::<Vec<_>>(),
        "skills": r.skills.iter().flatten().filter_map(|k| k.name.clone()).collect::<Vec<_>>(),
        "languages": r.languages.iter().flatten().map(|l| json!([opt(&l.language), opt(&l.fluency)])).collect::<Vec<_>>(),
        "certificates": r.certificates.iter().flatten().map(|c| json!([opt(&c.name), opt(&c.issuer), opt(&c.url), opt(&c.date)])).collect::<Vec<_>>(),
        "projects": r.projects.iter().flatten().map(|p| json!([opt(&p.name), opt(&p.description), list(&p.highlights), opt(&p.url), opt(&p.start_date), opt(&p.end_date)])).collect::<Vec<_>>(),
        "awards": r.awards.iter().flatten().map(|a| json!([opt(&a.title), opt(&a.summary), opt(&a.date)])).collect::<Vec<_>>(),
        "publications": r.publications.iter().flatten().map(|p| json!([opt(&p.name), opt(&p.publisher), opt(&p.release_date), opt(&p.summary), opt(&p.url)])).collect::<Vec<_>>(),
        "volunteer": r.volunteer.iter().flatten().map(|v| json!([opt(&v.organization), opt(&v.position), opt(&v.start_date), opt(&v.end_date), opt(&v.summary), list(&v.highlights)])).collect::<Vec<_>>(),
    })
}

/// Generated résumés written as exports (LF or CRLF, with or without a folder) read back to
/// every field the export holds.
#[test]
fn generated_exports_read_back_field_by_field() {
    let cases: u64 = std::env::var("RESUMECONV_ROUND_TRIP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let mut failures = Vec::new();
    for n in 0..cases {
        let r = resume(n);
        let files = export(&r, n % 2 == 0);
        let folder = (n % 3 == 0).then_some("Complete_LinkedInDataExport");
        let bytes = zip_of(&files, folder);
        let back = match resumeconv::read_resume(&bytes, Format::LinkedIn, "export.zip") {
            Ok(reading) => reading.resume,
            Err(e) => {
                failures.push(format!("case {n}: {e}"));
                continue;
            }
        };
        let (want, got) = (held(&r), held(&back));
        if want != got {
            let w = want.as_object().expect("object");
            let g = got.as_object().expect("object");
            let key = w
                .keys()
                .find(|k| w.get(*k) != g.get(*k))
                .cloned()
                .unwrap_or_default();
            failures.push(format!("case {n}: {key}: {} ≠ {}", w[&key], g[&key]));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} differ:\n{}",
        failures.len(),
        failures
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
