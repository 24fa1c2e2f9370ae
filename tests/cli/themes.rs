//! Themes, languages and page fitting: every theme and every output language reads back as
//! the same résumé through PDF, DOCX and HTML (generated résumés, from the visible text
//! only); each theme's PDF is tagged, in its language, with fonts embedded and subset and
//! no raw field labels a reader would stumble on; `--fit-pages` fits or refuses.

use crate::common::resumeconv;
use crate::realistic::{first_difference, resume, visible};
use resumeconv::theme::{ThemeName, ThemeOptions};
use resumeconv::{Format, ReadOptions, WriteOptions};
use std::process::Command;

fn cases() -> u64 {
    std::env::var("RESUMECONV_ROUND_TRIP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(60, |n: u64| n / 3)
}

/// Cases that do not come back exactly through `format` written with `opts`.
fn failures(format: Format, opts: &WriteOptions) -> Vec<(u64, String)> {
    let read = ReadOptions {
        ignore_embedded: true,
        ..ReadOptions::default()
    };
    let mut out = Vec::new();
    for n in 0..cases() {
        let r = resume(n);
        let bytes = resumeconv::render_with(&r, format, opts).unwrap();
        let back = resumeconv::read_resume_opts(&bytes, format, "case", &read)
            .unwrap_or_else(|e| panic!("case {n}: {e}"))
            .resume;
        if let Some(d) = first_difference(&visible(&r), &visible(&back), "") {
            out.push((n, d));
        }
    }
    out
}

fn themed(name: ThemeName) -> WriteOptions {
    WriteOptions {
        theme: ThemeOptions {
            name,
            ..ThemeOptions::default()
        },
        ..WriteOptions::default()
    }
}

#[test]
fn every_theme_reads_back_exactly() {
    for name in ThemeName::ALL {
        for format in [Format::Pdf, Format::Docx, Format::Html] {
            let f = failures(format, &themed(name));
            assert!(f.is_empty(), "{name:?} {format:?}: {f:?}");
        }
    }
}

#[test]
fn every_output_language_reads_back_exactly() {
    for lang in ["de", "fr", "es", "pt", "it", "nl", "pl"] {
        let opts = WriteOptions {
            lang: Some(lang.into()),
            ..WriteOptions::default()
        };
        for format in [Format::Pdf, Format::Docx, Format::Markdown] {
            let f = failures(format, &opts);
            assert!(f.is_empty(), "{lang} {format:?}: {f:?}");
        }
    }
}

fn tool(name: &str, args: &[&str], file: &std::path::Path) -> String {
    let mut cmd = Command::new(name);
    cmd.args(args).arg(file);
    if name == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|_| panic!("{name} is installed (poppler-utils, qpdf)"));
    assert!(out.status.success(), "{name} failed");
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn each_theme_prints_a_tagged_pdf_in_its_language_and_a_docx_word_opens() {
    let dir = tempfile::tempdir().unwrap();
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/ana-lindqvist.json");
    for (theme, lang, section) in [
        ("classic", "en", "Experience"),
        ("modern", "de", "BERUFSERFAHRUNG"),
        ("compact", "fr", "EXPÉRIENCE PROFESSIONNELLE"),
    ] {
        let pdf = dir.path().join(format!("{theme}.pdf"));
        let docx = dir.path().join(format!("{theme}.docx"));
        for out in [&pdf, &docx] {
            resumeconv()
                .arg(&sample)
                .arg("-o")
                .arg(out)
                .args(["--theme", theme, "--lang", lang, "--accent", "#1a5e63"])
                .assert()
                .success();
        }
        let info = tool("pdfinfo", &[], &pdf);
        assert!(info.contains("Tagged:          yes"), "{theme}: {info}");
        let json = tool("qpdf", &["--json"], &pdf);
        assert!(
            json.contains(&format!("\"/Lang\": \"u:{lang}\"")),
            "{theme}: no /Lang {lang}"
        );
        let fonts = tool("pdffonts", &[], &pdf);
        for row in fonts.lines().skip(2) {
            assert!(
                row.contains(" yes yes yes "),
                "{theme}: font not embedded and subset: {row}"
            );
        }
        let text = tool("pdftotext", &["-enc", "UTF-8"], &pdf);
        assert!(text.contains(section), "{theme}: no {section}: {text}");
        // The photo's address and raw JSON field names are not printed: a project's facts
        // carry the labels people use ("Role:", "For:", "Technologies:").
        assert!(text.contains("Technologies:"), "{theme}: {text}");
        for raw in [
            "Photo:",
            "example.org/ana/photo",
            "startDate",
            "highlights",
            "Roles:",
            "Entity:",
            "Type:",
            "Keywords:",
        ] {
            assert!(!text.contains(raw), "{theme}: {raw:?} printed");
        }
        let check = tool("qpdf", &["--check"], &pdf);
        assert!(
            check.contains("No syntax or stream encoding errors"),
            "{check}"
        );
        // python-docx opens it and finds the styles; the document language is set.
        let py = Command::new("python3")
            .arg("-c")
            .arg(
                "import sys, docx\n\
                 d = docx.Document(sys.argv[1])\n\
                 names = {s.name for s in d.styles}\n\
                 assert {'Title', 'Heading 1', 'Heading 2', 'List Bullet'} <= names, names\n\
                 print(d.core_properties.language, len(d.paragraphs))",
            )
            .arg(&docx)
            .output()
            .expect("python3 with python-docx is installed");
        assert!(
            py.status.success(),
            "{}",
            String::from_utf8_lossy(&py.stderr)
        );
        assert!(String::from_utf8_lossy(&py.stdout).starts_with(lang));
    }
}

#[test]
fn fit_pages_tightens_or_refuses_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    // A résumé of n jobs: find one that takes two pages as designed.
    let mut fitted = false;
    for n in 10..40 {
        let mut r: resumeconv::model::Resume =
            serde_json::from_str(r#"{"basics": {"name": "Sam Okoro", "label": "Engineer"}}"#)
                .unwrap();
        r.work = Some(
            (0..n)
                .map(|i| resumeconv::model::Work {
                    name: Some(format!("Company {i}")),
                    position: Some("Engineer".into()),
                    start_date: Some("2019-01".into()),
                    end_date: Some("2020-02".into()),
                    highlights: Some(vec![
                        "Built the billing pipeline that settles a million invoices a day.".into(),
                        "Cut the nightly batch from three hours to twenty minutes.".into(),
                    ]),
                    ..Default::default()
                })
                .collect(),
        );
        let json = dir.path().join(format!("cv{n}.json"));
        std::fs::write(&json, serde_json::to_string(&r).unwrap()).unwrap();
        let pages = |extra: &[&str]| -> Option<usize> {
            let pdf = dir.path().join("out.pdf");
            let _ = std::fs::remove_file(&pdf);
            let ok = resumeconv()
                .arg(&json)
                .arg("-o")
                .arg(&pdf)
                .args(extra)
                .output()
                .unwrap();
            ok.status.success().then(|| {
                tool("pdfinfo", &[], &pdf)
                    .lines()
                    .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().parse().unwrap()))
                    .unwrap()
            })
        };
        if pages(&[]) == Some(2) {
            if pages(&["--fit-pages", "1"]) == Some(1) {
                fitted = true;
                break;
            }
        }
    }
    assert!(fitted, "no two-page résumé was fitted on one page");
    // Forty jobs cannot fit one page: a one-line error naming the file, nothing written.
    let mut r: resumeconv::model::Resume =
        serde_json::from_str(r#"{"basics": {"name": "Sam Okoro"}}"#).unwrap();
    r.work = Some(
        (0..40)
            .map(|i| resumeconv::model::Work {
                name: Some(format!("Company {i}")),
                highlights: Some(vec!["Did a lot of good work for a long while.".into()]),
                ..Default::default()
            })
            .collect(),
    );
    let json = dir.path().join("long.json");
    std::fs::write(&json, serde_json::to_string(&r).unwrap()).unwrap();
    let pdf = dir.path().join("long.pdf");
    let out = resumeconv()
        .arg(&json)
        .arg("-o")
        .arg(&pdf)
        .args(["--fit-pages", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("long.json") && err.contains("does not fit on 1 page"),
        "{err}"
    );
    assert!(!pdf.exists());
}

#[test]
fn theme_values_are_checked() {
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/ana-lindqvist.json");
    for (flag, value, says) in [
        ("--theme", "fancy", "fancy"),
        ("--accent", "#12345", "not a colour"),
        ("--font-size", "30", "outside 7–14 pt"),
        ("--margins", "2", "outside 5–40 mm"),
        ("--lang", "english!", "not a language tag"),
    ] {
        let out = resumeconv()
            .arg(&sample)
            .args(["-t", "pdf", flag, value])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{flag} {value}: {err}");
    }
}
