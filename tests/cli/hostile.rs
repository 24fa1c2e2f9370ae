//! Hostile input, round 2: each class of input that once hung, crashed or misled the program,
//! as a small reproducer written here, with what must happen instead.

use crate::common::resumeconv;
use lopdf::{Document, Object, Stream, dictionary};
use std::time::{Duration, Instant};

/// A one-page PDF reading "Ana Berg" whose page tree also holds a node claiming `count`
/// pages and pointing back at the root.
fn pdf_with_a_lying_page_count(count: i64) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages = doc.new_object_id();
    let liar = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content = doc.add_object(Stream::new(
        dictionary! {},
        b"BT /F1 14 Tf 72 720 Td (Ana Berg) Tj 0 -20 Td (ana@example.org) Tj ET".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    });
    doc.objects.insert(
        liar,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Parent" => pages, "Count" => count,
            "Kids" => vec![pages.into()],
        }),
    );
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Count" => count, "Kids" => vec![page.into(), liar.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("PDF saves");
    out
}

#[test]
fn a_page_count_of_two_to_the_63_neither_panics_nor_reserves_memory() {
    let dir = tempfile::tempdir().unwrap();
    for count in [i64::MAX, 1_000_000_000_000] {
        let path = dir.path().join("liar.pdf");
        std::fs::write(&path, pdf_with_a_lying_page_count(count)).unwrap();
        let out = resumeconv()
            .arg(&path)
            .args(["-t", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("ana@example.org"));
    }
}

#[test]
fn a_closed_stdout_is_an_error_not_a_silent_success() {
    let sample = crate::common::fixture("../../samples/priya-raman.md");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "\"$0\" '{}' -t json >&- 2>/dev/null",
            sample.display()
        ))
        .arg(assert_cmd::cargo::cargo_bin("resumeconv"))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_full_stderr_does_not_panic() {
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("\"$0\" no-such-file.md -t json 2>/dev/full")
        .arg(assert_cmd::cargo::cargo_bin("resumeconv"))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn escape_sequences_and_newlines_in_file_names_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let name = "cv\u{1b}]0;owned\u{7}\nresumeconv: all good.md";
    std::fs::write(dir.path().join(name), "# \n").unwrap();
    let out = resumeconv()
        .current_dir(dir.path())
        .args([name, "-t", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err}");
    assert!(
        err.contains("cv\\u{1b}]0;owned\\u{7}\\nresumeconv: all good.md"),
        "{err}"
    );
}

#[test]
fn control_characters_never_reach_a_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ctl.json");
    std::fs::write(
        &input,
        r#"{"basics":{"name":"Ana\u0001 Berg\u001b","summary":"Builds\u0007 things."}}"#,
    )
    .unwrap();
    let out = dir.path().join("ctl.docx");
    let run = resumeconv()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("-v")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&run.stderr).contains("control character"));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    for i in 0..zip.len() {
        let mut part = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_index(i).unwrap(), &mut part).unwrap();
        assert!(
            !part
                .iter()
                .any(|b| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')),
            "a control character in part {i}"
        );
    }
    let back = resumeconv()
        .arg(&out)
        .args(["-t", "json"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&back.stdout).contains("\"name\": \"Ana Berg\""));
}

#[test]
fn utf32_text_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Zoë Brandt\nzoe@example.org\n\nExperience\n\nEngineer, Acme, 2020 – 2024\n";
    let mut bytes = vec![0xFF, 0xFE, 0, 0];
    for c in text.chars() {
        bytes.extend(u32::from(c).to_le_bytes());
    }
    let input = dir.path().join("cv.txt");
    std::fs::write(&input, bytes).unwrap();
    let out = resumeconv()
        .arg(&input)
        .args(["-t", "json"])
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(
        json.contains("Zoë Brandt") && json.contains("zoe@example.org"),
        "{json}"
    );
}

#[test]
fn a_glob_built_to_backtrack_answers_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{}.txt", "a".repeat(60))), "Ana\n").unwrap();
    let started = Instant::now();
    let out = resumeconv()
        .current_dir(dir.path())
        .args([
            "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b.txt",
            "--out-dir",
            "out",
            "-t",
            "json",
        ])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[cfg(unix)]
#[test]
fn directory_links_back_up_the_tree_end_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    let cvs = dir.path().join("cvs");
    std::fs::create_dir(&cvs).unwrap();
    std::fs::write(cvs.join("ana.md"), "# Ana Berg\n\nana@example.org\n").unwrap();
    std::os::unix::fs::symlink(".", cvs.join("a")).unwrap();
    std::os::unix::fs::symlink("..", cvs.join("b")).unwrap();
    let out = resumeconv()
        .current_dir(dir.path())
        .args(["cvs", "--recursive", "--out-dir", "out", "-t", "json"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(dir.path().join("out/ana.json").exists());
}

#[test]
fn a_summary_of_200000_words_prints_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let words: Vec<String> = (0..200_000).map(|i| format!("word{i}")).collect();
    let input = dir.path().join("long.json");
    let json = serde_json::json!({"basics": {"name": "Ana Berg", "summary": words.join(" ")}});
    std::fs::write(&input, json.to_string()).unwrap();
    let out = dir.path().join("long.pdf");
    let run = resumeconv()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{run:?}");
}

/// A Word archive of the given parts (names and contents), stored uncompressed.
fn docx_of(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in parts {
        zip.start_file(*name, opts).unwrap();
        std::io::Write::write_all(&mut zip, body.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// The parts of a small Word document whose body is `body`, with `styles` as its styles part.
fn word_parts(body: &str, styles: &str) -> Vec<(&'static str, String)> {
    vec![
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_string()),
        ("word/_rels/document.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>".to_string()),
        ("word/document.xml", format!("<?xml version=\"1.0\"?><w:document {W}><w:body>{body}</w:body></w:document>")),
        ("word/styles.xml", styles.to_string()),
    ]
}

fn convert_docx(bytes: Vec<u8>) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cv.docx");
    std::fs::write(&path, bytes).unwrap();
    resumeconv()
        .arg(&path)
        .args(["-t", "json"])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap()
}

#[test]
fn a_styles_part_with_the_wrong_root_is_refused_not_looped_on() {
    let para = "<w:p><w:r><w:t>Ana Berg</w:t></w:r></w:p>";
    let out = convert_docx(docx_of(&word_parts(para, &format!("<w:style {W}/>"))));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("word/styles.xml has the root element <w:style>"),
        "{err}"
    );
    let good = convert_docx(docx_of(&word_parts(para, &format!("<w:styles {W}/>"))));
    assert_eq!(good.status.code(), Some(0), "{good:?}");
}

#[test]
fn a_part_cut_short_under_any_name_is_refused() {
    let mut parts = word_parts(
        "<w:p><w:r><w:t>Ana Berg</w:t></w:r></w:p>",
        &format!("<w:styles {W}/>"),
    );
    parts.push((
        "word/glossary.bin",
        format!("<w:glossaryDocument {W}><w:docParts>"),
    ));
    let out = convert_docx(docx_of(&parts));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("word/glossary.bin"));
}

#[test]
fn tables_nested_five_hundred_deep_are_refused_without_overflowing_the_stack() {
    for depth in [13usize, 500] {
        let open = "<w:tbl><w:tr><w:tc>".repeat(depth);
        let close = "<w:p/></w:tc></w:tr></w:tbl>".repeat(depth);
        let body = format!(
            "<w:p><w:r><w:t>Ana Berg</w:t></w:r></w:p>{open}<w:p><w:r><w:t>x</w:t></w:r></w:p>{close}"
        );
        let out = convert_docx(docx_of(&word_parts(&body, &format!("<w:styles {W}/>"))));
        let err = String::from_utf8_lossy(&out.stderr);
        if depth > 16 {
            assert_eq!(out.status.code(), Some(1), "{out:?}");
            assert!(err.contains("tables nested 500 deep"), "{err}");
        } else {
            assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
            assert_eq!(
                err.lines().count(),
                usize::from(out.status.code() == Some(1)),
                "{err}"
            );
        }
    }
}
