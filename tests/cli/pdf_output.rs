//! PDF output, checked with other programs: `pdftotext` gives every field of every fixture in
//! reading order, `qpdf --check` is clean, `pdffonts` shows every font embedded, `pdfinfo`
//! reports the paper size and metadata; the same input gives the same bytes.

use crate::common::{json_fixtures, resumeconv};
use predicates::prelude::*;
use resumeconv::Format;
use resumeconv::model::Resume;
use std::path::Path;
use std::process::Command;

fn read_fixture(f: &Path) -> Resume {
    resumeconv::read::json::read(&std::fs::read(f).unwrap(), "x").unwrap()
}

fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let mut cmd = Command::new(name);
    cmd.args(args).arg(file);
    if name == "pdftotext" {
        cmd.arg("-"); // to stdout
    }
    let out = cmd
        .output()
        .unwrap_or_else(|_| panic!("{name} is installed (poppler-utils, qpdf)"));
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every name, date, position and highlight of the résumé, as it must read.
fn facts(r: &Resume) -> Vec<String> {
    let mut v: Vec<Option<String>> = Vec::new();
    let d = |s: &Option<String>| {
        s.as_deref()
            .map(|x| resumeconv::present::human_date(x, resumeconv::locale::Words::of("en")))
    };
    if let Some(b) = &r.basics {
        v.extend([
            b.name.clone(),
            b.label.clone(),
            b.email.clone(),
            b.phone.clone(),
        ]);
    }
    for w in r.work.iter().flatten() {
        v.extend([
            w.name.clone(),
            w.position.clone(),
            d(&w.start_date),
            d(&w.end_date),
            w.location.clone(),
            w.summary.clone(),
        ]);
        v.extend(w.highlights.iter().flatten().cloned().map(Some));
    }
    for e in r.education.iter().flatten() {
        v.extend([
            e.institution.clone(),
            e.area.clone(),
            e.study_type.clone(),
            d(&e.start_date),
            d(&e.end_date),
            e.score.clone(),
        ]);
    }
    for p in r.projects.iter().flatten() {
        v.extend([p.name.clone(), p.description.clone(), d(&p.start_date)]);
        v.extend(p.highlights.iter().flatten().cloned().map(Some));
    }
    for a in r.awards.iter().flatten() {
        v.extend([a.title.clone(), a.awarder.clone(), d(&a.date)]);
    }
    for s in r.skills.iter().flatten() {
        v.push(s.name.clone());
        v.extend(s.keywords.iter().flatten().cloned().map(Some));
    }
    for l in r.languages.iter().flatten() {
        v.extend([l.language.clone(), l.fluency.clone()]);
    }
    v.into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect()
}

#[test]
fn pdftotext_reads_every_field_and_tools_accept_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for f in json_fixtures() {
        let r = read_fixture(&f);
        let pdf = dir
            .path()
            .join(format!("{}.pdf", f.file_stem().unwrap().to_string_lossy()));
        std::fs::write(&pdf, resumeconv::render(&r, Format::Pdf).unwrap()).unwrap();
        let text = squash(&tool("pdftotext", &["-enc", "UTF-8"], &pdf));
        let text = text.replace(" -", "-");
        for fact in facts(&r) {
            let fact = squash(&fact).replace(" -", "-");
            assert!(
                text.contains(&fact),
                "{}: {fact:?} missing from pdftotext output",
                f.display()
            );
        }
        let check = tool("qpdf", &["--check"], &pdf);
        assert!(
            check.contains("No syntax or stream encoding errors"),
            "{check}"
        );
        let fonts = tool("pdffonts", &[], &pdf);
        for row in fonts.lines().skip(2) {
            assert!(row.contains(" yes "), "font not embedded: {row}");
        }
    }
}

#[test]
fn unicode_prints_and_missing_glyphs_are_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("cv.json");
    std::fs::write(
        &json,
        r#"{"basics": {"name": "Łucja Żółkiewska-Ørsted", "summary": "Café owner’s daughter; budgets in € and ä ø ß. Plays 𝄞 daily. Done ✓ ☎"}}"#,
    )
    .unwrap();
    let pdf = dir.path().join("cv.pdf");
    resumeconv()
        .arg(&json)
        .arg("-o")
        .arg(&pdf)
        .arg("-v")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "the PDF fonts have no glyph for '𝄞'",
        ))
        // Characters the text face lacks come from the fallback face, without a warning.
        .stderr(predicate::str::contains("'✓'").not());
    let text = tool("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert!(text.contains("Łucja Żółkiewska-Ørsted"), "{text}");
    assert!(text.contains("owner’s"), "{text}");
    assert!(text.contains("€ and ä ø ß"), "{text}");
    assert!(text.contains("Done ✓ ☎"), "{text}");
    let fonts = tool("pdffonts", &[], &pdf);
    assert!(fonts.contains("+NotoSans-Regular"), "{fonts}");
    assert!(fonts.contains("+DejaVuSans"), "{fonts}");
}

#[test]
fn right_to_left_text_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("cv.json");
    std::fs::write(
        &json,
        r#"{"basics": {"name": "Layla Haddad", "summary": "مهندسة برمجيات"}}"#,
    )
    .unwrap();
    resumeconv()
        .arg(&json)
        .arg("-o")
        .arg(dir.path().join("cv.pdf"))
        .arg("-v")
        .assert()
        .success()
        .stderr(predicate::str::contains("right-to-left script"));
}

#[test]
fn paper_metadata_determinism_size() {
    let f = json_fixtures()
        .into_iter()
        .find(|p| p.ends_with("complete.json"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c, d) = (
        dir.path().join("a.pdf"),
        dir.path().join("b.pdf"),
        dir.path().join("c.pdf"),
        dir.path().join("d.pdf"),
    );
    for out in [&a, &b] {
        resumeconv()
            .arg(&f)
            .arg("-o")
            .arg(out)
            .env("SOURCE_DATE_EPOCH", "1600000000")
            .assert()
            .success();
    }
    resumeconv()
        .arg(&f)
        .arg("-o")
        .arg(&c)
        .args(["--paper", "letter"])
        .assert()
        .success();
    resumeconv()
        .arg(&f)
        .arg("-o")
        .arg(&d)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .assert()
        .success();
    let (ba, bb, bd) = (
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        std::fs::read(&d).unwrap(),
    );
    assert!(ba == bb, "two runs gave different bytes");
    assert!(ba != bd, "SOURCE_DATE_EPOCH changed nothing");
    assert!(
        ba.len() < 60 * 1024,
        "a two-page résumé is {} bytes",
        ba.len()
    );
    let info = tool("pdfinfo", &[], &a);
    assert!(info.contains("(A4)"), "{info}");
    assert!(
        info.contains("Title:           Ana Lindqvist-Żelazny – Résumé"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Ana Lindqvist-Żelazny"),
        "{info}"
    );
    assert!(info.contains("Keywords:        Kafka"), "{info}");
    assert!(tool("pdfinfo", &[], &c).contains("(letter)"));
    assert!(tool("pdfinfo", &[], &d).contains("2023"));
    // A tagged PDF in the résumé's language, with an outline of its sections, that claims
    // no PDF/X conformance it lacks.
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(!info.contains("PDF/X"), "{info}");
    let json = tool("qpdf", &["--json"], &a);
    assert!(json.contains("\"/Lang\": \"u:en\""), "no /Lang en");
    assert!(json.contains("/StructTreeRoot"), "no structure tree");
    let outline = tool("qpdf", &["--json", "--json-key=outlines"], &a);
    for section in ["Summary", "Experience", "Education", "Skills"] {
        assert!(
            outline.contains(&format!("\"title\": \"{section}\"")),
            "no bookmark for {section}: {outline}"
        );
    }
    let structure = tool("pdfinfo", &["-struct"], &a);
    for role in ["Document", "H1", "H2", "H3", "P", "LI", "LBody"] {
        assert!(structure.contains(role), "no {role} element: {structure}");
    }
    // Without SOURCE_DATE_EPOCH a document is dated when it was written.
    let today = dir.path().join("today.pdf");
    resumeconv()
        .arg(&f)
        .arg("-o")
        .arg(&today)
        .assert()
        .success();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let year = &resumeconv::iso_datetime(i64::try_from(now).unwrap())[..4];
    let created = tool("pdfinfo", &[], &today);
    assert!(
        created
            .lines()
            .any(|l| l.starts_with("CreationDate:") && l.contains(year)),
        "{created}"
    );
}

#[test]
fn long_resumes_paginate_with_numbers_and_break_long_words() {
    let mut r: Resume = serde_json::from_str(r#"{"basics": {"name": "Pat Long"}}"#).unwrap();
    let mut work = Vec::new();
    for i in 0..30 {
        work.push(resumeconv::model::Work {
            name: Some(format!("Company {i}")),
            position: Some("Engineer".into()),
            start_date: Some("2020-01".into()),
            highlights: Some(vec![
                "Did a thing that took a long sentence to describe properly, with numbers like 42%.".into(),
                format!("https://example.org/{}", "very-long-path-segment-".repeat(8)),
            ]),
            ..Default::default()
        });
    }
    r.work = Some(work);
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("long.pdf");
    std::fs::write(&pdf, resumeconv::render(&r, Format::Pdf).unwrap()).unwrap();
    let info = tool("pdfinfo", &[], &pdf);
    let pages: usize = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .parse()
        .unwrap();
    assert!(pages >= 3, "{info}");
    let text = tool("pdftotext", &["-enc", "UTF-8"], &pdf);
    let tight: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    // Every page is numbered; from page 2 the footer also names whose résumé it is.
    assert!(
        tight.contains(&format!("Page1of{pages}")),
        "page 1 is not numbered"
    );
    assert!(
        tight.contains(&format!("PatLong·Page2of{pages}")),
        "no name and page number on page 2"
    );
    for i in 0..30 {
        assert!(text.contains(&format!("Company {i}")));
    }
    // Nothing is drawn outside the page: every text line fits the width (checked by bbox)
    // within the narrowest margin a theme or fitting uses (10 mm).
    let bbox = tool("pdftotext", &["-bbox"], &pdf);
    for line in bbox.lines().filter(|l| l.contains("<word")) {
        let x_max: f32 = line
            .split("xMax=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(x_max <= 595.28 - 28.3, "text past the right margin: {line}");
    }
}
