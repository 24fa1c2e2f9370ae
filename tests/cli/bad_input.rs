//! The bad-input suite: broken, hostile and odd inputs and outputs, each with the exact exit
//! code and the exact message a user sees. Every case runs in a scratch directory with
//! relative file names, so the messages read as they would in a terminal.
//!
//! Exit codes: 0 converted (warnings allowed), 1 an input could not be converted or an output
//! not written, 2 a mistake in the command line, 3 warnings under `--strict`.

use crate::common::resumeconv;
use assert_cmd::assert::Assert;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A scratch directory holding the inputs of one case.
struct Scene {
    dir: tempfile::TempDir,
}

impl Scene {
    fn new() -> Scene {
        Scene {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> &Scene {
        std::fs::write(self.path(name), bytes).expect("write input");
        self
    }

    /// Runs the binary in the scene's directory.
    fn run(&self, args: &[&str]) -> Assert {
        resumeconv()
            .current_dir(self.dir.path())
            .args(args)
            .assert()
    }

    /// Runs and checks the exit code, that nothing reached stdout, and the exact stderr.
    fn fails(&self, args: &[&str], code: i32, stderr: &str) {
        self.run(args)
            .code(code)
            .stdout("")
            .stderr(stderr.to_string());
    }

    fn run_with_stdin(&self, args: &[&str], stdin: String) -> Assert {
        resumeconv()
            .current_dir(self.dir.path())
            .args(args)
            .write_stdin(stdin)
            .assert()
    }

    fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).expect("output exists")
    }
}

/// A short plain-text résumé that converts cleanly.
const GOOD_TEXT: &str = "Ada Okafor\nData engineer\nada@example.org\n\nEXPERIENCE\n\
Northwind Analytics - Data Engineer, 2019 - 2024\n- Built the nightly pipeline\n\n\
EDUCATION\nUniversity of Lagos - BSc Computer Science, 2015 - 2019\n";

/// Bytes that look like nothing in particular (a fixed generator, so every run is the same).
fn noise(len: usize) -> Vec<u8> {
    let mut x: u32 = 0x9E37_79B9;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x.to_le_bytes()[0]
        })
        .collect()
}

use crate::docx_package::{CONTENT_TYPES, DOCUMENT_RELS, RELS};

/// `word/document.xml` with one paragraph per line of `text`.
fn document_xml(text: &str) -> String {
    let paragraphs: String = text
        .lines()
        .map(|l| format!("<w:p><w:r><w:t xml:space=\"preserve\">{l}</w:t></w:r></w:p>"))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>"#
    )
}

/// A zip archive of `parts`, deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        w.start_file(*name, opts).expect("zip entry");
        w.write_all(bytes).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

/// A minimal but complete Word document holding `text`.
fn docx_of(text: &str) -> Vec<u8> {
    let document = document_xml(text);
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

/// A PDF of `pages` empty pages (valid, with a correct cross-reference table, and no text).
fn pdf_without_text(pages: usize) -> Vec<u8> {
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", i + 4)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        ),
        "<< /Length 0 >>\nstream\n\nendstream".to_string(),
    ];
    for _ in 0..pages {
        objects
            .push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>".into());
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A two-page PDF résumé written by resumeconv itself (a bundled sample).
fn sample_pdf() -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rendered/ana-lindqvist.pdf");
    std::fs::read(p).expect("bundled sample PDF")
}

// ---- empty, binary and badly encoded text ----

#[test]
fn empty_file() {
    Scene::new().file("cv.txt", "").fails(
        &["cv.txt", "-t", "json"],
        1,
        "resumeconv: error: cv.txt: the input is empty\n",
    );
}

#[test]
fn empty_standard_input() {
    Scene::new().fails(
        &["-", "-f", "text", "-t", "json"],
        1,
        "resumeconv: error: <stdin>: the input is empty\n",
    );
}

#[test]
fn whitespace_only() {
    Scene::new().file("cv.md", "  \n\t\n\r\n   ").fails(
        &["cv.md", "-t", "json"],
        1,
        "resumeconv: error: no résumé content found in cv.md\n",
    );
}

#[test]
fn markdown_with_nothing_but_an_image_and_a_rule() {
    Scene::new()
        .file("cv.md", "![photo](me.png)\n\n---\n")
        .fails(
            &["cv.md", "-t", "json"],
            1,
            "resumeconv: error: no résumé content found in cv.md\n",
        );
}

#[test]
fn binary_noise() {
    Scene::new().file("cv.txt", noise(4000)).fails(
        &["cv.txt", "-t", "json"],
        1,
        "resumeconv: error: cv.txt: this is binary data, not a text, Markdown, DOCX or PDF résumé\n",
    );
}

#[test]
fn text_full_of_nul_bytes() {
    let mut bytes = Vec::new();
    for line in GOOD_TEXT.lines() {
        bytes.extend_from_slice(line.as_bytes());
        bytes.extend_from_slice(b"\x00\x00\x00\x00\n");
    }
    Scene::new().file("cv.txt", bytes).fails(
        &["cv.txt", "-t", "json"],
        1,
        "resumeconv: error: cv.txt: this is binary data, not a text, Markdown, DOCX or PDF résumé\n",
    );
}

#[test]
fn a_stray_nul_byte_is_dropped_with_a_warning() {
    let text = GOOD_TEXT.replacen("Data engineer", "Data engineer\x00", 1);
    let s = Scene::new();
    s.file("cv.txt", text);
    let out = s
        .run(&["cv.txt", "-t", "json", "-v"])
        .code(0)
        .stderr("resumeconv: warning: cv.txt:2: removed 1 NUL byte(s)\n");
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["basics"]["label"], "Data engineer");
}

#[test]
fn legacy_word_doc() {
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.extend(noise(2000));
    Scene::new().file("cv.doc", bytes).fails(
        &["cv.doc", "-t", "json"],
        1,
        "resumeconv: error: cv.doc: this is a legacy Word .doc file; save it as .docx and convert that\n",
    );
}

#[test]
fn a_scanned_image() {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend(noise(2000));
    Scene::new().file("scan.png", bytes).fails(
        &["scan.png", "-t", "json"],
        1,
        "resumeconv: error: scan.png: this is an image (PNG), not a résumé with text; scanned résumés are not read\n",
    );
}

#[test]
fn windows_1252_text_is_read_with_a_warning() {
    let bytes: Vec<u8> =
        "José García\nEngineer\n\nEXPERIENCE\nAcme \u{96} Developer, 2019 \u{96} 2021\n"
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
    let s = Scene::new();
    s.file("cv.txt", bytes);
    let out = s
        .run(&["cv.txt", "-t", "json", "-v"])
        .code(0)
        .stderr("resumeconv: warning: cv.txt:1: not valid UTF-8: read as Windows-1252 (Latin-1)\n");
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["basics"]["name"], "José García");
    assert_eq!(json["work"][0]["name"], "Acme");
}

#[test]
fn utf16_with_byte_order_mark() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(GOOD_TEXT.encode_utf16().flat_map(u16::to_le_bytes));
    let s = Scene::new();
    s.file("cv.txt", bytes);
    let out = s.run(&["cv.txt", "-t", "json"]).code(0).stderr("");
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["basics"]["name"], "Ada Okafor");
}

#[test]
fn utf16_without_byte_order_mark() {
    let bytes: Vec<u8> = GOOD_TEXT
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let s = Scene::new();
    s.file("cv.txt", bytes);
    let out = s
        .run(&["cv.txt", "-t", "json", "-v"])
        .code(0)
        .stderr("resumeconv: warning: cv.txt: no byte order mark: read as UTF-16BE\n");
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["basics"]["name"], "Ada Okafor");
}

#[test]
fn old_mac_line_endings() {
    let s = Scene::new();
    s.file("cv.txt", GOOD_TEXT.replace('\n', "\r"));
    let out = s.run(&["cv.txt", "-t", "json"]).code(0);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["work"][0]["name"], "Northwind Analytics");
}

// ---- limits ----

#[test]
fn a_five_megabyte_single_line() {
    let line = format!("Ada Okafor {}\n", "data ".repeat(1024 * 1024));
    Scene::new().file("cv.txt", line).fails(
        &["cv.txt", "-t", "json"],
        1,
        "resumeconv: error: cv.txt:1: line is longer than the 1 MB line limit (raise it with --max-line-length)\n",
    );
}

#[test]
fn line_length_limit_can_be_lowered_and_names_the_line() {
    let text = format!("{GOOD_TEXT}\nSKILLS\n{}\n", "Rust, ".repeat(400));
    Scene::new().file("cv.md", text).fails(
        &["cv.md", "-t", "json", "--max-line-length", "1K"],
        1,
        "resumeconv: error: cv.md:13: line is longer than the 1 KB line limit (raise it with --max-line-length)\n",
    );
}

#[test]
fn input_over_the_size_limit() {
    Scene::new().file("cv.txt", GOOD_TEXT.repeat(10)).fails(
        &["cv.txt", "-t", "json", "--max-input-size", "1K"],
        1,
        "resumeconv: error: cv.txt: larger than the 1 KB input limit (raise it with --max-input-size)\n",
    );
}

#[test]
fn standard_input_over_the_size_limit() {
    Scene::new()
        .run_with_stdin(
            &["-", "-f", "text", "-t", "json", "--max-input-size", "1K"],
            GOOD_TEXT.repeat(10),
        )
        .code(1)
        .stdout("")
        .stderr("resumeconv: error: <stdin>: larger than the 1 KB input limit (raise it with --max-input-size)\n");
}

#[test]
fn a_size_that_is_not_a_size() {
    Scene::new().file("cv.txt", GOOD_TEXT).fails(
        &["cv.txt", "-t", "json", "--max-input-size", "lots"],
        2,
        "resumeconv: error: invalid value 'lots' for '--max-input-size <SIZE>': not a size: lots\n\nFor more information, try '--help'.\n",
    );
}

// ---- DOCX ----

#[test]
fn truncated_docx() {
    let good = docx_of(GOOD_TEXT);
    Scene::new().file("cv.docx", &good[..good.len() / 2]).fails(
        &["cv.docx", "-t", "json"],
        1,
        "resumeconv: error: cv.docx: not a DOCX file: not a zip archive, or one cut short\n",
    );
}

#[test]
fn text_file_named_docx() {
    Scene::new().file("cv.docx", GOOD_TEXT).fails(
        &["cv.docx", "-t", "json"],
        1,
        "resumeconv: error: cv.docx: not a DOCX file: not a zip archive, or one cut short\n",
    );
}

#[test]
fn zip_bomb() {
    // 100 MB of spaces inside a zip of about 100 KB.
    let spaces = vec![b' '; 100 * 1024 * 1024];
    let bomb = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", &spaces),
    ]);
    assert!(bomb.len() < 1024 * 1024);
    Scene::new().file("cv.docx", bomb).fails(
        &["cv.docx", "-t", "json"],
        1,
        "resumeconv: error: cv.docx: DOCX archive expands to more than 50 MB (raise it with --max-unpacked-size)\n",
    );
}

#[test]
fn highly_compressed_entry_under_the_size_limit() {
    let spaces = vec![b' '; 10 * 1024 * 1024];
    let bomb = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", &spaces),
    ]);
    Scene::new().file("cv.docx", bomb).fails(
        &["cv.docx", "-t", "json"],
        1,
        "resumeconv: error: cv.docx: DOCX archive entry word/document.xml is compressed more than 200:1 (a zip bomb?)\n",
    );
}

#[test]
fn unpacked_size_limit_can_be_lowered() {
    let text = format!("{GOOD_TEXT}{}", "- Built a thing\n".repeat(20_000));
    Scene::new().file("cv.docx", docx_of(&text)).fails(
        &["cv.docx", "-t", "json", "--max-unpacked-size", "1M"],
        1,
        "resumeconv: error: cv.docx: DOCX archive expands to more than 1 MB (raise it with --max-unpacked-size)\n",
    );
}

#[test]
fn docx_with_too_many_entries() {
    let names: Vec<String> = (0..2001).map(|i| format!("word/media/x{i}.bin")).collect();
    let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    Scene::new().file("cv.docx", zip_of(&parts)).fails(
        &["cv.docx", "-t", "json"],
        1,
        "resumeconv: error: cv.docx: DOCX archive has 2001 entries (limit 2000)\n",
    );
}

#[test]
fn docx_missing_word_document_xml() {
    let zip = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
    ]);
    Scene::new().file("cv.docx", zip).fails(
        &["cv.docx", "-t", "json"],
        1,
        "resumeconv: error: cv.docx: not a Word document: the archive has no word/document.xml\n",
    );
}

#[test]
fn docx_missing_package_relationships() {
    let document = document_xml(GOOD_TEXT);
    let zip = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ]);
    Scene::new().file("cv.docx", zip).fails(
        &["cv.docx", "-t", "json"],
        1,
        "resumeconv: error: cv.docx: not a Word document: the archive has no _rels/.rels\n",
    );
}

#[test]
fn docx_with_its_document_cut_short() {
    // docx-rs waits forever for the end tag of a part cut short; it must never see one.
    let document = document_xml(GOOD_TEXT);
    let cut = document.find("</w:body>").unwrap();
    let zip = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/document.xml", &document.as_bytes()[..cut]),
    ]);
    Scene::new().file("cv.docx", zip).fails(
        &["cv.docx", "-t", "json"],
        1,
        "resumeconv: error: cv.docx: damaged Word document: word/document.xml is not well-formed XML (it ends before its elements are closed)\n",
    );
}

#[test]
fn docx_with_mismatched_tags() {
    let document = document_xml(GOOD_TEXT).replacen("</w:t>", "</w:x>", 1);
    let zip = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ]);
    let s = Scene::new();
    s.file("cv.docx", zip);
    let out = s.run(&["cv.docx", "-t", "json"]).code(1).stdout("");
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.starts_with(
            "resumeconv: error: cv.docx: damaged Word document: word/document.xml is not well-formed XML ("
        ) && err.ends_with(")\n")
            && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn minimal_docx_reads() {
    let s = Scene::new();
    s.file("cv.docx", docx_of(GOOD_TEXT));
    let out = s.run(&["cv.docx", "-t", "json"]).code(0);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["basics"]["name"], "Ada Okafor");
}

// ---- JSON ----

#[test]
fn json_syntax_error_names_line_and_column() {
    Scene::new()
        .file("cv.json", "{\"basics\": {\n  \"name\": \"Ada\",\n}}")
        .fails(
            &["cv.json", "-t", "md"],
            1,
            "resumeconv: error: cv.json:3:1: malformed JSON: trailing comma\n",
        );
}

#[test]
fn json_section_of_the_wrong_type() {
    Scene::new()
        .file("cv.json", r#"{"basics": {"name": "Ada"}, "work": "Northwind"}"#)
        .fails(
            &["cv.json", "-t", "md"],
            1,
            "resumeconv: error: cv.json: work: invalid type: string \"Northwind\", expected a sequence\n",
        );
}

#[test]
fn json_field_of_the_wrong_type() {
    Scene::new()
        .file(
            "cv.json",
            r#"{"basics": {"name": "Ada"}, "work": [{"name": "N", "highlights": [1]}]}"#,
        )
        .fails(
            &["cv.json", "-t", "md"],
            1,
            "resumeconv: error: cv.json: work[0].highlights[0]: invalid type: integer `1`, expected a string\n",
        );
}

#[test]
fn json_that_is_not_an_object() {
    Scene::new().file("cv.json", "[1, 2]").fails(
        &["cv.json", "-t", "md"],
        1,
        "resumeconv: error: cv.json: a JSON Resume must be a JSON object at the top level, found an array\n",
    );
}

#[test]
fn json_nested_too_deep() {
    let deep = format!("{{\"x\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    Scene::new().file("cv.json", deep).fails(
        &["cv.json", "-t", "json"],
        1,
        "resumeconv: error: cv.json:1:69: JSON nested deeper than 64 levels (raise it with --max-json-depth, up to 100)\n",
    );
}

#[test]
fn json_depth_limit_can_be_raised_to_its_ceiling() {
    let nested = format!(
        "{{\"basics\": {{\"name\": \"Ada\"}}, \"x\": {}1{}}}",
        "[".repeat(80),
        "]".repeat(80)
    );
    let s = Scene::new();
    s.file("cv.json", nested);
    s.run(&["cv.json", "-t", "json", "--max-json-depth", "100"])
        .code(0);
    s.run(&["cv.json", "-t", "json", "--max-json-depth", "101"])
        .code(2)
        .stderr(predicates::str::contains("101 is not in 1..=100"));
}

#[test]
fn json_that_is_not_utf8() {
    Scene::new()
        .file("cv.json", b"{\"basics\": {\"name\": \"Jos\xe9\"}}")
        .fails(
            &["cv.json", "-t", "md"],
            1,
            "resumeconv: error: cv.json:1:25: malformed JSON: invalid UTF-8\n",
        );
}

#[test]
fn json_with_nothing_in_it() {
    Scene::new().file("cv.json", "{}").fails(
        &["cv.json", "-t", "md"],
        1,
        "resumeconv: error: no résumé content found in cv.json\n",
    );
}

#[test]
fn impossible_month_is_a_warning_and_fails_under_strict() {
    let s = Scene::new();
    s.file(
        "cv.json",
        r#"{"basics": {"name": "Ada"}, "work": [{"name": "Northwind", "startDate": "2020-13"}]}"#,
    );
    s.run(&["cv.json", "-t", "md", "-v"])
        .code(0)
        .stderr("resumeconv: warning: cv.json: work[0].startDate: \"2020-13\" has no such month\n");
    s.fails(
        &["cv.json", "-o", "cv.md", "--strict"],
        3,
        "resumeconv: cv.json: 1 warning (-v lists them)\nresumeconv: cv.json: warnings fail under --strict; nothing written\n",
    );
    assert!(!s.path("cv.md").exists());
}

// ---- PDF ----

#[test]
fn html_named_pdf() {
    Scene::new()
        .file("cv.pdf", "<html><body>Ada Okafor</body></html>")
        .fails(
            &["cv.pdf", "-t", "json"],
            1,
            "resumeconv: error: cv.pdf: not a PDF file: it has no %PDF- header\n",
        );
}

#[test]
fn truncated_pdf() {
    let pdf = sample_pdf();
    let s = Scene::new();
    s.file("cv.pdf", &pdf[..3000]);
    let out = s.run(&["cv.pdf", "-t", "json"]).code(1).stdout("");
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.starts_with("resumeconv: error: cv.pdf: not a readable PDF: ")
            && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn pdf_without_a_text_layer() {
    Scene::new().file("scan.pdf", pdf_without_text(1)).fails(
        &["scan.pdf", "-t", "json"],
        1,
        "resumeconv: error: scan.pdf: the PDF has no text layer (a scan?): run it through OCR first\n",
    );
}

#[test]
fn pdf_over_the_page_limit() {
    Scene::new().file("cv.pdf", sample_pdf()).fails(
        &["cv.pdf", "-t", "json", "--max-pages", "1"],
        1,
        "resumeconv: error: cv.pdf: the PDF has more than 1 pages (raise the limit with --max-pages)\n",
    );
}

#[test]
fn encrypted_pdf() {
    let s = Scene::new();
    s.file("open.pdf", sample_pdf());
    let qpdf = std::process::Command::new("qpdf")
        .current_dir(s.dir.path())
        .args([
            "--encrypt",
            "user",
            "owner",
            "256",
            "--",
            "open.pdf",
            "cv.pdf",
        ])
        .status()
        .expect("qpdf is installed (.ci/run)");
    assert!(qpdf.success());
    s.fails(
        &["cv.pdf", "-t", "json"],
        1,
        "resumeconv: error: cv.pdf: the PDF is encrypted; decrypt it first\n",
    );
}

// ---- paths that are not files ----

#[test]
fn missing_input() {
    Scene::new().fails(
        &["cv.txt", "-t", "json"],
        1,
        "resumeconv: error: cannot read cv.txt: No such file or directory (os error 2)\n",
    );
}

#[test]
fn directory_as_the_only_input_needs_an_output_directory() {
    let s = Scene::new();
    std::fs::create_dir(s.path("team")).unwrap();
    s.fails(
        &["team", "-t", "json"],
        2,
        "resumeconv: error: a batch (several inputs or a directory) needs --out-dir DIR for its outputs (or --check)\n",
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let s = Scene::new();
    std::os::unix::fs::symlink("b.txt", s.path("a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", s.path("b.txt")).unwrap();
    s.fails(
        &["a.txt", "-t", "json"],
        1,
        "resumeconv: error: cannot read a.txt: Too many levels of symbolic links (os error 40)\n",
    );
}

#[cfg(unix)]
#[test]
fn dangling_symlink() {
    let s = Scene::new();
    std::os::unix::fs::symlink("gone.txt", s.path("cv.txt")).unwrap();
    s.fails(
        &["cv.txt", "-t", "json"],
        1,
        "resumeconv: error: cannot read cv.txt: No such file or directory (os error 2)\n",
    );
}

#[cfg(target_os = "linux")]
#[test]
fn unreadable_file() {
    // Permission bits do not stop root, so a file that no one can read: reading this process's
    // memory at offset 0 fails with an I/O error.
    Scene::new().fails(
        &["/proc/self/mem", "-f", "text", "-t", "json"],
        1,
        "resumeconv: error: cannot read /proc/self/mem: Input/output error (os error 5)\n",
    );
}

#[cfg(unix)]
#[test]
fn file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scene::new();
    s.file("cv.txt", GOOD_TEXT);
    std::fs::set_permissions(s.path("cv.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(s.path("cv.txt")).is_ok() {
        return; // running as root: permissions are not enforced (see unreadable_file)
    }
    s.fails(
        &["cv.txt", "-t", "json"],
        1,
        "resumeconv: error: cannot read cv.txt: Permission denied (os error 13)\n",
    );
}

// ---- outputs ----

#[test]
fn output_equal_to_the_input() {
    let s = Scene::new();
    s.file("cv.md", "# Ada Okafor\n\nData engineer\n");
    s.fails(
        &["cv.md", "-o", "cv.md"],
        2,
        "resumeconv: error: refusing to overwrite the input file cv.md: choose another -o\n",
    );
    assert_eq!(s.read("cv.md"), b"# Ada Okafor\n\nData engineer\n");
}

#[test]
fn output_in_a_missing_directory() {
    Scene::new().file("cv.txt", GOOD_TEXT).fails(
        &["cv.txt", "-o", "no/such/dir/cv.json"],
        1,
        "resumeconv: error: cannot write no/such/dir/cv.json: No such file or directory (os error 2)\n",
    );
}

#[test]
fn output_that_is_a_directory() {
    let s = Scene::new();
    s.file("cv.txt", GOOD_TEXT);
    std::fs::create_dir(s.path("out")).unwrap();
    s.fails(
        &["cv.txt", "-t", "json", "-o", "out"],
        1,
        "resumeconv: error: cannot write out: is a directory\n",
    );
}

#[test]
fn output_directory_that_is_a_file() {
    let s = Scene::new();
    s.file("cv.txt", GOOD_TEXT).file("dist", "not a directory");
    s.run(&["cv.txt", "--out-dir", "dist", "-t", "json"])
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains(
            "cannot write dist: not a directory",
        ));
    assert_eq!(s.read("dist"), b"not a directory");
}

#[cfg(target_os = "linux")]
#[test]
fn full_disk() {
    let s = Scene::new();
    s.file("cv.txt", GOOD_TEXT);
    s.fails(
        &["cv.txt", "-t", "json", "-o", "/dev/full"],
        1,
        "resumeconv: error: cannot write /dev/full: No space left on device (os error 28)\n",
    );
    // The device is written in place, never replaced by a file.
    use std::os::unix::fs::FileTypeExt;
    let meta = std::fs::metadata("/dev/full").unwrap();
    assert!(meta.file_type().is_char_device());
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_replaces_the_file_it_points_to() {
    let s = Scene::new();
    s.file("cv.txt", GOOD_TEXT).file("real.json", "old");
    std::os::unix::fs::symlink("real.json", s.path("cv.json")).unwrap();
    s.run(&["cv.txt", "-o", "cv.json"]).code(0);
    assert!(s.path("cv.json").is_symlink());
    let json: serde_json::Value = serde_json::from_slice(&s.read("real.json")).unwrap();
    assert_eq!(json["basics"]["name"], "Ada Okafor");
}

#[test]
fn one_bad_input_in_a_batch_does_not_stop_the_others() {
    let s = Scene::new();
    s.file("a.txt", GOOD_TEXT)
        .file("b.txt", "")
        .file("c.md", "# Ada Okafor\n\nData engineer\n");
    s.run(&[
        "a.txt",
        "b.txt",
        "c.md",
        "--out-dir",
        "dist",
        "-t",
        "json",
        "-q",
    ])
    .code(1)
    .stdout("")
    .stderr("resumeconv: error: b.txt: the input is empty\n");
    assert!(s.path("dist/a.json").exists() && s.path("dist/c.json").exists());
    assert!(!s.path("dist/b.json").exists());
}

/// Killing a run at any moment leaves the output as it was or complete, never half-written.
#[test]
fn interrupted_runs_leave_the_old_file_or_the_complete_new_one() {
    let s = Scene::new();
    // A long résumé, so writing the PDF takes a while.
    let mut text = String::from("Ada Okafor\nData engineer\n\nEXPERIENCE\n");
    for i in 0..400 {
        text.push_str(&format!(
            "Company {i} - Engineer, 2001 - 2002\n- Built pipeline number {i} for the team\n"
        ));
    }
    s.file("cv.txt", &text);
    // One fixed date, so every complete run writes the same bytes.
    resumeconv()
        .current_dir(s.dir.path())
        .args(["cv.txt", "-o", "full.pdf"])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .assert()
        .code(0);
    let complete = s.read("full.pdf");
    for delay_ms in [0u64, 5, 10, 20, 40, 80, 160, 320] {
        s.file("cv.pdf", "old");
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("resumeconv"))
            .current_dir(s.dir.path())
            .args(["cv.txt", "-o", "cv.pdf"])
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        let now = s.read("cv.pdf");
        assert!(
            now == b"old" || now == complete,
            "after {delay_ms} ms: {} bytes, neither old nor complete",
            now.len()
        );
    }
}
