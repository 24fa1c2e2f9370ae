//! PDF in: what our own writer typesets reads back; PDFs that LibreOffice prints from the
//! shared seeds and corpus read close to the originals; encrypted and broken files are
//! clear one-line errors that write nothing.

use crate::accuracy::{convert_all, files, score, seeds_and_corpus};
use crate::common::{libreoffice_pdf, resumeconv};
use predicates::prelude::*;
use std::path::PathBuf;

/// JSON → PDF (our writer) → JSON, scored against the JSON it came from.
#[test]
fn our_own_pdf_reads_back() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = files(&root.join("samples"), &["json"]);
    inputs.extend(files(&root.join("tests/fixtures/people"), &["json"]));
    let (gold, pdfs, pred) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut pdf_files = Vec::new();
    for f in &inputs {
        std::fs::copy(f, gold.path().join(f.file_name().unwrap())).unwrap();
        let pdf = pdfs
            .path()
            .join(f.file_stem().unwrap())
            .with_extension("pdf");
        resumeconv()
            .arg(f)
            .arg("-q")
            .arg("-o")
            .arg(&pdf)
            .assert()
            .success();
        pdf_files.push(pdf);
    }
    convert_all(&pdf_files, pred.path());
    let scores = score(gold.path(), pred.path());
    assert_eq!(scores.len(), inputs.len(), "{scores:?}");
    for (doc, f1) in &scores {
        assert!(*f1 >= 0.95, "{doc}: F1 {f1} below 0.95 ({scores:?})");
    }
}

/// LibreOffice prints each seed and corpus document to PDF (a text file printed: one font,
/// lines wrapped at the margin, blank lines as taller gaps). Reading it must reach F1 0.90
/// on each (measured 2026-11-22: 0.957, 0.959, 0.980, 0.958, 0.959, 1.000).
#[test]
fn libreoffice_pdf_of_seeds_and_corpus() {
    let (inputs, gold) = seeds_and_corpus();
    let (pdfs, pred) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    libreoffice_pdf(&inputs, pdfs.path());
    let pdf_files = files(pdfs.path(), &["pdf"]);
    assert_eq!(pdf_files.len(), inputs.len());
    convert_all(&pdf_files, pred.path());
    let scores = score(gold.path(), pred.path());
    assert_eq!(scores.len(), inputs.len(), "{scores:?}");
    let mean = scores.values().sum::<f64>() / scores.len() as f64;
    assert!(mean >= 0.93, "mean F1 {mean} ({scores:?})");
    for (doc, f1) in &scores {
        assert!(*f1 >= 0.90, "{doc}: F1 {f1} ({scores:?})");
    }
}

/// Runs a program the tests need from other software, failing clearly when it is missing.
fn run_tool<S: AsRef<std::ffi::OsStr> + std::fmt::Debug>(program: &str, args: &[S]) {
    let status = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{program} is installed (.ci/run installs it): {e}"));
    assert!(status.success(), "{program} {args:?} failed");
}

/// Headless Chromium prints an HTML file to PDF (CI installs Debian's `chromium`).
fn chromium_pdf(html: &std::path::Path, pdf: &std::path::Path, profile: &std::path::Path) {
    let url = format!("file://{}", html.display());
    let out = format!("--print-to-pdf={}", pdf.display());
    let user = format!("--user-data-dir={}", profile.display());
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
        user.as_str(),
        out.as_str(),
        url.as_str(),
    ];
    run_tool("chromium", &args);
}

/// PDFs of the seeds and corpus printed by other programs, three ways: LibreOffice from our
/// DOCX, LibreOffice from pandoc's DOCX, and headless Chromium from pandoc's HTML. Reading
/// them is compared with reading the original text or Markdown directly.
///
/// Measured 2026-11-22 (F1 per document 000, 001, 002, johnny, jane, craig; direct reading
/// 1.000 1.000 0.980 0.986 0.979 1.000):
/// - our DOCX → LibreOffice: 0.967 0.953 0.941 0.958 0.937 1.000
/// - pandoc DOCX → LibreOffice: 0.951 0.947 0.980 0.986 0.976 1.000
/// - pandoc HTML → Chromium: 0.984 1.000 0.980 0.986 0.976 1.000
///
/// The bar asserted: each route's mean within 0.05 of the direct mean, and every document
/// within 0.05 of reading it directly — except that pandoc's DOCX of seed 001 gets 0.06:
/// pandoc drops the raw HTML `<u>` that marks the employer there, so that PDF no longer
/// says which name is the organisation (its HTML keeps it, and Chromium's PDF reads 1.000).
#[test]
fn pdfs_printed_by_other_programs_read_close_to_the_original() {
    let (inputs, gold) = seeds_and_corpus();
    let work = tempfile::tempdir().unwrap();
    let dir = |name: &str| {
        let d = work.path().join(name);
        std::fs::create_dir_all(&d).unwrap();
        d
    };
    let (ours, pandoc_docx, html, chrome) =
        (dir("ours"), dir("pandoc"), dir("html"), dir("chrome"));
    for f in &inputs {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        resumeconv()
            .arg(f)
            .arg("-q")
            .arg("-o")
            .arg(ours.join(format!("{stem}.docx")))
            .assert()
            .success();
        let docx = pandoc_docx.join(format!("{stem}.docx"));
        let page = html.join(format!("{stem}.html"));
        for (to, out, standalone) in [("docx", &docx, false), ("html", &page, true)] {
            let mut args: Vec<std::ffi::OsString> =
                vec!["-f".into(), "markdown+hard_line_breaks".into()];
            args.extend(["-t".into(), to.into()]);
            if standalone {
                args.extend(["-s".into(), "--metadata".into(), "pagetitle=resume".into()]);
            }
            args.extend([f.as_os_str().into(), "-o".into(), out.as_os_str().into()]);
            run_tool("pandoc", &args);
        }
        chromium_pdf(
            &page,
            &chrome.join(format!("{stem}.pdf")),
            &work.path().join("chrome-profile"),
        );
    }
    let direct = dir("direct");
    convert_all(&inputs, &direct);
    let base = score(gold.path(), &direct);
    let mean =
        |m: &std::collections::BTreeMap<String, f64>| m.values().sum::<f64>() / m.len() as f64;
    for (route, docs) in [("ours", &ours), ("pandoc", &pandoc_docx)] {
        let pdfs = dir(&format!("{route}-pdf"));
        libreoffice_pdf(&files(docs, &["docx"]), &pdfs);
        let _ = std::fs::rename(&pdfs, work.path().join(format!("{route}-lo")));
    }
    let routes = [
        ("our DOCX via LibreOffice", work.path().join("ours-lo")),
        ("pandoc DOCX via LibreOffice", work.path().join("pandoc-lo")),
        ("pandoc HTML via Chromium", chrome.clone()),
    ];
    for (name, pdf_dir) in routes {
        let pdfs = files(&pdf_dir, &["pdf"]);
        assert_eq!(pdfs.len(), inputs.len(), "{name}: {pdfs:?}");
        let pred = tempfile::tempdir().unwrap();
        convert_all(&pdfs, pred.path());
        let scores = score(gold.path(), pred.path());
        assert_eq!(scores.len(), inputs.len(), "{name}: {scores:?}");
        assert!(
            mean(&scores) + 0.05 >= mean(&base),
            "{name}: mean F1 {:.3} vs direct {:.3} ({scores:?})",
            mean(&scores),
            mean(&base)
        );
        for (doc, f1) in &scores {
            let slack = if name.starts_with("pandoc DOCX") && doc.starts_with("001") {
                0.06
            } else {
                0.05
            };
            let floor = base[doc] - slack;
            assert!(
                *f1 >= floor,
                "{name}: {doc} F1 {f1:.3} below {floor:.3} ({scores:?})"
            );
        }
    }
}

/// Prints `tests/fixtures/DIR/STEM.html` for each stem with Chromium, reads the PDFs and
/// scores them against `STEM.json` beside the HTML: F1 per stem.
fn chromium_scores(dir: &str, stems: &[&str]) -> std::collections::BTreeMap<String, f64> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let work = tempfile::tempdir().unwrap();
    let gold = tempfile::tempdir().unwrap();
    let mut pdfs = Vec::new();
    for stem in stems {
        let pdf = work.path().join(format!("{stem}.pdf"));
        chromium_pdf(
            &root.join(format!("{stem}.html")),
            &pdf,
            &work.path().join("chrome-profile"),
        );
        std::fs::copy(
            root.join(format!("{stem}.json")),
            gold.path().join(format!("{stem}.json")),
        )
        .unwrap();
        pdfs.push(pdf);
    }
    let pred = tempfile::tempdir().unwrap();
    convert_all(&pdfs, pred.path());
    score(gold.path(), pred.path())
}

/// A sidebar layout (contact, skills and languages in a shaded left column beside the main
/// text, printed by Chromium) reads column by column, the name's column first, never
/// interleaved line by line. The gold was written by hand from the page.
#[test]
fn sidebar_layout_reads_column_by_column() {
    let scores = chromium_scores("sidebar", &["oskar-brenner"]);
    let f1 = scores["oskar-brenner"];
    assert!(f1 >= 0.95, "F1 {f1}");
}

/// The two-line entry header of the LaTeX and Typst résumé classes (organisation with its
/// place flush right, then the role or degree with its dates flush right), headings set
/// outdented in capitals or with a complement ("EXPERIENCIA EN LA INDUSTRIA", "Kenntnisse im
/// Bereich Datenbanken"), bullets drawn as a middle dot, a bullet operator or a dot
/// operator, a grade set flush right beside a line of the entry, lists indented under their
/// entry: three fictional people in Spanish, English and German, printed by Chromium. Each
/// entry is one entry, with every field (gold written by hand from the pages).
#[test]
fn two_line_entry_headers_read_as_one_entry() {
    let scores = chromium_scores(
        "two-line-headers",
        &["lucia-ferreyra-es", "daniel-okafor-en", "jonas-albrecht-de"],
    );
    assert_eq!(scores.len(), 3, "{scores:?}");
    for (doc, f1) in &scores {
        assert!(*f1 >= 0.97, "{doc}: F1 {f1} ({scores:?})");
    }
}

/// A margin column (Europass's way): section names and dates right-aligned in a narrow
/// left column, each date beside its entry's title (set larger, so on another baseline),
/// a date wrapped over two lines, a column of years beside publications. Printed by
/// Chromium from a table; not a sidebar: the name, the sections and every entry's date must
/// come out. Measured 2026-12-02: F1 0.851 — the one publication line that is the longest
/// on the page takes its date past the others' edge and the two rows run together (the
/// known gap that keeps the bar at 0.85).
#[test]
fn margin_column_of_sections_and_dates_beside_entries() {
    let f1 = chromium_scores("margin-column", &["sofia-lindgren-en"])["sofia-lindgren-en"];
    assert!(f1 >= 0.85, "F1 {f1}");
}

/// Encrypted with an empty user password (print restrictions only), a PDF opens like any
/// other. (Damaged and password-protected PDFs are in the bad-input suite.)
#[test]
fn pdf_with_an_empty_user_password_opens() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let good = root.join("samples/rendered/lena-fischer.pdf");
    let dir = tempfile::tempdir().unwrap();
    let restricted = dir.path().join("restricted.pdf");
    std::process::Command::new("qpdf")
        .args(["--encrypt", "", "owner-pw", "256", "--"])
        .arg(&good)
        .arg(&restricted)
        .status()
        .unwrap();
    resumeconv()
        .arg(&restricted)
        .args(["-t", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"name\": \"Lena Fischer\""));
}

/// Link annotations (inline in the page's /Annots) give profiles their URLs, also where the
/// link covers only part of a line ("GitHub: analindqvist" inside the contact line).
#[test]
fn links_over_part_of_a_line_give_profile_urls() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = resumeconv()
        .arg(root.join("samples/rendered/ana-lindqvist.pdf"))
        .args(["-t", "json", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let urls: Vec<&str> = v["basics"]["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["url"].as_str())
        .collect();
    assert_eq!(
        urls,
        [
            "https://github.com/analindqvist",
            "https://www.linkedin.com/in/ana-lindqvist",
            "https://fosstodon.example/@ana"
        ]
    );
    assert_eq!(v["basics"]["email"], "ana.lindqvist@example.org");
}

/// JSON → PDF → JSON gives back every printable field of every fixture and sample exactly.
#[test]
fn every_fixture_round_trips_exactly() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = crate::common::json_fixtures();
    files.push(root.join("samples/ana-lindqvist.json"));
    for f in files {
        let json = std::fs::read(&f).unwrap();
        let original = resumeconv::read::json::read(&json, "x").unwrap();
        let pdf = resumeconv::render(&original, resumeconv::Format::Pdf).unwrap();
        let back = resumeconv::read_resume(&pdf, resumeconv::Format::Pdf, "x")
            .unwrap()
            .resume;
        assert_eq!(
            crate::markdown_output::printable(&back),
            crate::markdown_output::printable(&original),
            "{}",
            f.display()
        );
    }
}
