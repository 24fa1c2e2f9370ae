//! DOCX: the lossless round trip JSON → DOCX → JSON for every fixture, the same bytes for
//! the same input, paper sizes, title and author, real Word structure (checked by unzipping
//! the XML), another program opening it (python-docx, LibreOffice), and refusing broken or
//! hostile archives.

use crate::common::{json_fixtures, resumeconv};
use crate::markdown_output::printable;
use resumeconv::Format;
use resumeconv::model::Resume;
use std::io::Read;

fn read_fixture(f: &std::path::Path) -> Resume {
    resumeconv::read::json::read(&std::fs::read(f).unwrap(), "x").unwrap()
}

fn docx_of(r: &Resume) -> Vec<u8> {
    resumeconv::render(r, Format::Docx).unwrap()
}

fn entry(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn every_fixture_round_trips_through_docx() {
    for f in json_fixtures() {
        let original = read_fixture(&f);
        let back = resumeconv::read_resume(&docx_of(&original), Format::Docx, "x")
            .unwrap()
            .resume;
        assert_eq!(printable(&back), printable(&original), "{}", f.display());
    }
}

#[test]
fn same_input_same_bytes_and_source_date_epoch() {
    let f = json_fixtures()
        .into_iter()
        .find(|p| p.ends_with("complete.json"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a.docx"),
        dir.path().join("b.docx"),
        dir.path().join("c.docx"),
    );
    // The same SOURCE_DATE_EPOCH gives the same bytes; without it the date is today's.
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
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .assert()
        .success();
    let today = dir.path().join("today.docx");
    resumeconv()
        .arg(&f)
        .arg("-o")
        .arg(&today)
        .assert()
        .success();
    let (a, b, c, today) = (
        std::fs::read(a).unwrap(),
        std::fs::read(b).unwrap(),
        std::fs::read(c).unwrap(),
        std::fs::read(today).unwrap(),
    );
    assert!(a == b, "two runs gave different bytes");
    assert!(a != c, "SOURCE_DATE_EPOCH changed nothing");
    assert!(entry(&c, "docProps/core.xml").contains("2023-11-14T22:13:20Z"));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let date = resumeconv::iso_datetime(i64::try_from(now).unwrap());
    assert!(
        entry(&today, "docProps/core.xml").contains(&date[..10]),
        "a run without SOURCE_DATE_EPOCH is not dated today ({})",
        &date[..10]
    );
}

#[test]
fn word_structure_styles_numbering_links_metadata() {
    let f = json_fixtures()
        .into_iter()
        .find(|p| p.ends_with("complete.json"))
        .unwrap();
    let docx = docx_of(&read_fixture(&f));
    let document = entry(&docx, "word/document.xml");
    for needle in [
        r#"<w:pStyle w:val="Title"/>"#,
        r#"<w:pStyle w:val="Heading1"/>"#,
        r#"<w:pStyle w:val="Heading2"/>"#,
        r#"<w:pStyle w:val="ListBullet"/>"#,
        r#"<w:numId w:val="1"/>"#,
        r#"<w:tab w:val="right" w:pos="9646"/>"#,
        r#"<w:rStyle w:val="Organisation"/>"#,
        r#"<w:rStyle w:val="Date"/>"#,
        "<w:keepNext/>",
        r#"<w:footerReference w:type="default" r:id="rIdFooter1"/>"#,
        "<w:hyperlink",
    ] {
        assert!(document.contains(needle), "{needle} missing");
    }
    assert!(
        !document.contains("•"),
        "bullets must be numbering, not typed characters"
    );
    assert!(entry(&docx, "word/numbering.xml").contains(r#"<w:numFmt w:val="bullet"/>"#));
    // Each style once; the footer numbers the pages with fields.
    let styles = entry(&docx, "word/styles.xml");
    for id in [
        "Normal",
        "Title",
        "Heading1",
        "Heading2",
        "ListBullet",
        "Hyperlink",
    ] {
        let n = styles.matches(&format!("w:styleId=\"{id}\"")).count();
        assert_eq!(n, 1, "style {id} is defined {n} times");
    }
    let footer = entry(&docx, "word/footer1.xml");
    assert!(
        footer.contains(" PAGE ") && footer.contains(" NUMPAGES "),
        "{footer}"
    );
    // Dates do not break across lines.
    assert!(
        document.contains("Mar\u{a0}2021"),
        "dates keep no-break spaces"
    );
    let core = entry(&docx, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>Ana Lindqvist-Żelazny – Résumé</dc:title>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:creator>Ana Lindqvist-Żelazny</dc:creator>"),
        "{core}"
    );
    assert!(
        entry(&docx, "word/_rels/document.xml.rels").contains("https://github.com/analindqvist")
    );
}

#[test]
fn paper_sizes() {
    let f = json_fixtures()
        .into_iter()
        .find(|p| p.ends_with("minimal.json"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cv.docx");
    resumeconv().arg(&f).arg("-o").arg(&out).assert().success();
    assert!(
        entry(&std::fs::read(&out).unwrap(), "word/document.xml")
            .contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#)
    );
    resumeconv()
        .arg(&f)
        .arg("-o")
        .arg(&out)
        .args(["--paper", "letter"])
        .assert()
        .success();
    assert!(
        entry(&std::fs::read(&out).unwrap(), "word/document.xml")
            .contains(r#"<w:pgSz w:w="12240" w:h="15840"/>"#)
    );
}

#[test]
fn refuses_docx_to_a_terminal_only_when_asked_for_stdout_implicitly() {
    // Not a terminal here: -t docx to stdout is allowed and writes a zip.
    let f = json_fixtures()
        .into_iter()
        .find(|p| p.ends_with("minimal.json"))
        .unwrap();
    let out = resumeconv().arg(&f).args(["-t", "docx"]).assert().success();
    assert!(out.get_output().stdout.starts_with(b"PK\x03\x04"));
}

/// Every DOCX we write opens in python-docx and converts with LibreOffice. CI installs both
/// (`.ci/run`); a machine without them fails here rather than skipping silently.
#[test]
fn other_programs_open_what_we_write() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for f in json_fixtures() {
        let out = dir
            .path()
            .join(format!("{}.docx", f.file_stem().unwrap().to_string_lossy()));
        std::fs::write(&out, docx_of(&read_fixture(&f))).unwrap();
        files.push(out);
    }
    let script = "import sys, docx\nfor p in sys.argv[1:]:\n    d = docx.Document(p)\n    assert d.paragraphs, p\n    assert all(par.style is not None for par in d.paragraphs), p\nprint('ok')";
    let py = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(&files)
        .output()
        .expect("python3");
    assert!(
        py.status.success(),
        "python-docx: {}",
        String::from_utf8_lossy(&py.stderr)
    );
    crate::common::libreoffice_pdf(&files, dir.path());
    for f in &files {
        let pdf = f.with_extension("pdf");
        let bytes = std::fs::read(&pdf)
            .unwrap_or_else(|_| panic!("LibreOffice did not convert {}", f.display()));
        assert!(bytes.starts_with(b"%PDF-"), "{}", pdf.display());
    }
}

/// `samples/rendered/` holds the Markdown and DOCX of every sample; they must be what the
/// current build writes (regenerate with the commands in the README).
#[test]
fn rendered_samples_are_current() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for entry in std::fs::read_dir(root.join("samples")).unwrap() {
        let path = entry.unwrap().path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if !matches!(ext, "json" | "md" | "txt") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let format = resumeconv::detect_format(&path.to_string_lossy(), &bytes, None).unwrap();
        let resume = resumeconv::read_resume(&bytes, format, "x").unwrap().resume;
        for (to, ext) in [
            (Format::Markdown, "md"),
            (Format::Docx, "docx"),
            (Format::Pdf, "pdf"),
        ] {
            let expected =
                std::fs::read(root.join("samples/rendered").join(format!("{stem}.{ext}"))).unwrap();
            let now = resumeconv::render(&resume, to).unwrap();
            if now != expected {
                std::fs::write(
                    std::env::temp_dir().join(format!("stale-{stem}.{ext}")),
                    &now,
                )
                .unwrap();
            }
            assert!(now == expected, "samples/rendered/{stem}.{ext} is stale");
            checked += 1;
        }
    }
    assert!(checked >= 12);
}

/// Text in text boxes (a two-column template's sidebar) is read, once, where it is anchored.
#[test]
fn text_boxes_are_read() {
    let r: Resume = serde_json::from_str(
        r#"{"basics": {"name": "Rui Costa", "label": "Civil Engineer"},
            "work": [{"name": "Betão Lda", "position": "Site Engineer", "startDate": "2019"}]}"#,
    )
    .unwrap();
    let docx = docx_of(&r);
    let sidebar = r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Skills</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">AutoCAD, Revit &amp; Civil 3D</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Skills</w:t></w:r></w:p><w:p><w:r><w:t>AutoCAD, Revit &amp; Civil 3D</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
    // Rewrite the package with the sidebar as the last paragraph of the body.
    let mut input = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..input.len() {
        let mut f = input.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).unwrap().replacen(
                "<w:sectPr",
                &format!("{sidebar}<w:sectPr"),
                1,
            );
            data = xml.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, &data).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    let back = resumeconv::read_resume(&bytes, Format::Docx, "x")
        .unwrap()
        .resume;
    let skills = back.skills.expect("skills from the text box");
    assert_eq!(skills.len(), 1);
    assert_eq!(
        skills[0].keywords.as_deref(),
        Some(&["AutoCAD".to_string(), "Revit & Civil 3D".to_string()][..])
    );
    assert_eq!(back.work.unwrap()[0].name.as_deref(), Some("Betão Lda"));
}

/// A Word résumé made without heading styles: the name and section titles only set larger
/// (as many templates do) are still headings.
#[test]
fn headings_by_size_in_other_peoples_docx() {
    use docx_rs::{Docx, Paragraph, Run};
    let p = |text: &str, size: usize, bold: bool| {
        let mut r = Run::new().add_text(text).size(size);
        if bold {
            r = r.bold();
        }
        Paragraph::new().add_run(r)
    };
    let mut buf = std::io::Cursor::new(Vec::new());
    Docx::new()
        .add_paragraph(p("Dana Whitfield", 44, true))
        .add_paragraph(p("dana@example.com · +1 555 0100", 20, false))
        .add_paragraph(p("Work History", 30, true))
        .add_paragraph(p("Harbor Freight Lines — Logistics Coordinator", 22, true))
        .add_paragraph(p("Jan 2019 – Present", 20, false))
        .add_paragraph(p(
            "Planned daily routes for a fleet of forty trucks across three states and two ports.",
            20,
            false,
        ))
        .add_paragraph(p("Education", 30, true))
        .add_paragraph(p(
            "Ohio State University — BSc in Supply Chain Management",
            22,
            true,
        ))
        .build()
        .pack(&mut buf)
        .unwrap();
    let r = resumeconv::read_resume(buf.get_ref(), Format::Docx, "x")
        .unwrap()
        .resume;
    let basics = r.basics.unwrap();
    assert_eq!(basics.name.as_deref(), Some("Dana Whitfield"));
    assert_eq!(basics.email.as_deref(), Some("dana@example.com"));
    let work = r.work.unwrap();
    assert_eq!(work[0].name.as_deref(), Some("Harbor Freight Lines"));
    assert_eq!(work[0].position.as_deref(), Some("Logistics Coordinator"));
    assert_eq!(work[0].start_date.as_deref(), Some("2019-01"));
    assert_eq!(
        r.education.unwrap()[0].institution.as_deref(),
        Some("Ohio State University")
    );
}
