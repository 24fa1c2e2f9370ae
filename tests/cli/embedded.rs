//! The JSON Resume inside our PDF and DOCX files: read back exactly while the visible text is
//! unchanged, ignored with a warning once the text was edited, left out under `--no-embed`,
//! and invisible to other software (qpdf, pdftotext, pdfdetach, python-docx).

use crate::accuracy::shared;
use crate::common::resumeconv;
use crate::realistic::visible;
use resumeconv::{Format, ReadOptions, Resume};
use std::io::{Read, Write};
use std::process::Command;

fn sample() -> (Vec<u8>, Resume) {
    let bytes = std::fs::read(shared().join("jsonresume/sample.resume.json")).unwrap();
    let r = resumeconv::read_resume(&bytes, Format::Json, "sample")
        .unwrap()
        .resume;
    (bytes, r)
}

fn read(bytes: &[u8], format: Format, ignore_embedded: bool) -> resumeconv::Reading {
    let opts = ReadOptions {
        ignore_embedded,
        ..ReadOptions::default()
    };
    resumeconv::read_resume_opts(bytes, format, "x", &opts).unwrap()
}

#[test]
fn the_json_resume_sample_comes_back_exactly_with_and_without_the_embedded_data() {
    let (_, r) = sample();
    for format in [Format::Pdf, Format::Docx] {
        let bytes = resumeconv::render(&r, format).unwrap();
        let got = read(&bytes, format, false);
        assert!(got.from_embedded, "{format:?}");
        assert_eq!(got.resume, r, "{format:?} with the embedded data");
    }
    for format in [Format::Markdown, Format::Docx, Format::Pdf] {
        let bytes = resumeconv::render(&r, format).unwrap();
        let got = read(&bytes, format, true);
        assert!(!got.from_embedded);
        assert_eq!(
            visible(&got.resume),
            visible(&r),
            "{format:?} from the visible text"
        );
    }
}

#[test]
fn markdown_carries_no_hidden_payload() {
    let (_, r) = sample();
    let md = String::from_utf8(resumeconv::render(&r, Format::Markdown).unwrap()).unwrap();
    assert!(!md.contains("<!--") && !md.contains("\"$schema\""));
}

/// A DOCX with one word changed in Word's XML, as an edit in Word would leave it.
fn edited_docx(docx: &[u8], from: &str, to: &str) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).unwrap();
            assert!(xml.contains(from));
            data = xml.replacen(from, to, 1).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn an_edited_docx_is_read_from_its_text_with_a_warning() {
    let (_, r) = sample();
    let docx = resumeconv::render(&r, Format::Docx).unwrap();
    let edited = edited_docx(&docx, "Programmer", "Developer");
    let got = read(&edited, Format::Docx, false);
    assert!(!got.from_embedded);
    assert_eq!(
        got.resume.basics.as_ref().and_then(|b| b.label.as_deref()),
        Some("Developer")
    );
    assert!(
        got.warnings
            .iter()
            .any(|w| w.message.contains("out of date")),
        "{:?}",
        got.warnings
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.docx");
    std::fs::write(&path, &edited).unwrap();
    resumeconv()
        .arg(&path)
        .args(["-t", "json", "-v"])
        .assert()
        .success()
        .stderr(predicates::str::contains("out of date"));
}

#[test]
fn the_command_line_says_when_it_read_the_embedded_data_and_can_ignore_or_omit_it() {
    let dir = tempfile::tempdir().unwrap();
    let src = shared().join("jsonresume/sample.resume.json");
    for ext in ["pdf", "docx"] {
        let out = dir.path().join(format!("cv.{ext}"));
        resumeconv()
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        resumeconv()
            .arg(&out)
            .args(["-t", "json", "-v"])
            .assert()
            .success()
            .stderr(predicates::str::contains("embedded"));
        resumeconv()
            .arg(&out)
            .args(["-t", "json", "-v", "--ignore-embedded"])
            .assert()
            .success()
            .stderr(predicates::str::contains("embedded").not());
        let bare = dir.path().join(format!("bare.{ext}"));
        resumeconv()
            .arg(&src)
            .arg("-o")
            .arg(&bare)
            .arg("--no-embed")
            .assert()
            .success();
        let bytes = std::fs::read(&bare).unwrap();
        let got = read(
            &bytes,
            if ext == "pdf" {
                Format::Pdf
            } else {
                Format::Docx
            },
            false,
        );
        assert!(!got.from_embedded, "{ext} under --no-embed");
    }
    let bare = std::fs::read(dir.path().join("bare.docx")).unwrap();
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bare)).unwrap();
    assert!(!zip.file_names().any(|n| n.starts_with("customXml/")));
}

use predicates::prelude::PredicateBooleanExt;

#[test]
fn other_software_sees_a_valid_pdf_with_one_attachment_and_a_valid_docx() {
    let (_, r) = sample();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("cv.pdf");
    std::fs::write(&pdf, resumeconv::render(&r, Format::Pdf).unwrap()).unwrap();
    let run = |cmd: &str, args: &[&str]| {
        let out = Command::new(cmd)
            .args(args)
            .output()
            .unwrap_or_else(|_| panic!("{cmd} is installed"));
        assert!(
            out.status.success(),
            "{cmd}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let p = pdf.to_str().unwrap();
    assert!(run("qpdf", &["--check", p]).contains("No syntax or stream encoding errors"));
    assert!(run("pdfdetach", &["-list", p]).contains("resume.json"));
    let saved = dir.path().join("saved.json");
    run(
        "pdfdetach",
        &["-save", "1", "-o", saved.to_str().unwrap(), p],
    );
    let attached = resumeconv::read_resume(&std::fs::read(&saved).unwrap(), Format::Json, "a")
        .unwrap()
        .resume;
    assert_eq!(attached, r);
    let text = run("pdftotext", &["-enc", "UTF-8", p, "-"]);
    assert!(text.contains("Richard Hendriks") && !text.contains("$schema"));

    let docx = dir.path().join("cv.docx");
    std::fs::write(&docx, resumeconv::render(&r, Format::Docx).unwrap()).unwrap();
    let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nassert any('Richard Hendriks' in p.text for p in d.paragraphs)\nprint('ok')";
    assert!(run("python3", &["-c", script, docx.to_str().unwrap()]).contains("ok"));
}
