//! Parsing accuracy, measured with the project's shared scorer (`../shared/eval/score.py`) on
//! the shared seeds and corpus (read from `../shared/`, beside the checkout) and on this
//! project's own samples against hand-written gold. The bar: F1 ≥ 0.95 on each seed and on
//! each sample, ≥ 0.90 on each corpus document.

use crate::common::resumeconv;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub(crate) fn shared() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        p.join("eval/score.py").is_file(),
        "the shared seeds, gold and scorer are expected in {} (CI has them beside the checkout)",
        p.display()
    );
    p
}

/// Converts every input to JSON in `out`, named by stem.
pub(crate) fn convert_all(inputs: &[PathBuf], out: &Path) {
    for f in inputs {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        resumeconv()
            .arg(f)
            .arg("-q")
            .arg("-o")
            .arg(out.join(format!("{stem}.json")))
            .assert()
            .success();
    }
}

/// Per-document F1 from the scorer.
pub(crate) fn score(gold_dir: &Path, pred_dir: &Path) -> BTreeMap<String, f64> {
    let out = std::process::Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg("--dir")
        .arg(gold_dir)
        .arg(pred_dir)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["documents"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, d)| (k.clone(), d["f1"].as_f64().unwrap()))
        .collect()
}

pub(crate) fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| exts.iter().any(|x| e == *x)))
        .collect();
    v.sort();
    v
}

fn check(scores: &BTreeMap<String, f64>, expected_docs: usize, bar: f64) {
    assert_eq!(scores.len(), expected_docs, "{scores:?}");
    let below: Vec<_> = scores.iter().filter(|(_, f)| **f < bar).collect();
    assert!(
        below.is_empty(),
        "F1 below {bar}: {below:?} (all: {scores:?})"
    );
}

#[test]
fn seeds_reach_f1_095_each() {
    let shared = shared();
    let inputs = files(&shared.join("seeds"), &["txt", "md"]);
    let out = tempfile::tempdir().unwrap();
    convert_all(&inputs, out.path());
    check(&score(&shared.join("gold"), out.path()), inputs.len(), 0.95);
}

#[test]
fn corpus_reaches_f1_090_each() {
    let shared = shared();
    let inputs = files(&shared.join("corpus"), &["txt", "md"]);
    let out = tempfile::tempdir().unwrap();
    convert_all(&inputs, out.path());
    check(
        &score(&shared.join("corpus"), out.path()),
        inputs.len(),
        0.90,
    );
}

#[test]
fn own_samples_reach_f1_095_each() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let inputs = files(&root.join("samples"), &["txt", "md"]);
    let out = tempfile::tempdir().unwrap();
    convert_all(&inputs, out.path());
    check(
        &score(&root.join("tests/fixtures/gold"), out.path()),
        inputs.len(),
        0.95,
    );
}

/// Fictional résumés written for this project in German, French and Portuguese, each built to
/// exercise the mechanisms that do not depend on English: section names by their words
/// ("Sprachkenntnisse", "Formação Académica") or by what is under an unknown heading
/// ("Stationen"), framed plain-text headings, dated one-line entries, "Title bei/chez Employer",
/// month names and open ends of each language, a sub-heading's employer line, degree words,
/// the whole headline, a bare town on the contact line.
#[test]
fn multilingual_fixtures_reach_f1_095_each() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/multilingual");
    let inputs = files(&dir, &["txt", "md"]);
    assert_eq!(inputs.len(), 3);
    let out = tempfile::tempdir().unwrap();
    convert_all(&inputs, out.path());
    check(&score(&dir, out.path()), inputs.len(), 0.95);
}

/// Every seed and corpus document, and a directory holding the gold of each.
pub(crate) fn seeds_and_corpus() -> (Vec<PathBuf>, tempfile::TempDir) {
    let shared = shared();
    let mut inputs = files(&shared.join("seeds"), &["txt", "md"]);
    inputs.extend(files(&shared.join("corpus"), &["txt", "md"]));
    let gold = tempfile::tempdir().unwrap();
    for dir in ["gold", "corpus"] {
        for g in files(&shared.join(dir), &["json"]) {
            std::fs::copy(&g, gold.path().join(g.file_name().unwrap())).unwrap();
        }
    }
    (inputs, gold)
}

/// DOCX written by someone else: pandoc turns each seed and corpus document into DOCX (line
/// breaks kept, as the authors wrote them); reading that DOCX must come within 0.02 F1 of
/// reading the original. CI installs pandoc (`.ci/run`).
#[test]
fn pandoc_docx_reads_as_well_as_the_original() {
    let (inputs, gold) = seeds_and_corpus();
    let direct = tempfile::tempdir().unwrap();
    convert_all(&inputs, direct.path());
    let docx_dir = tempfile::tempdir().unwrap();
    let mut docx_files = Vec::new();
    for f in &inputs {
        let out = docx_dir
            .path()
            .join(format!("{}.docx", f.file_stem().unwrap().to_string_lossy()));
        let status = std::process::Command::new("pandoc")
            .args(["-f", "markdown+hard_line_breaks", "-t", "docx"])
            .arg(f)
            .arg("-o")
            .arg(&out)
            .status()
            .expect("pandoc is installed");
        assert!(status.success(), "pandoc failed on {}", f.display());
        docx_files.push(out);
    }
    let via_docx = tempfile::tempdir().unwrap();
    convert_all(&docx_files, via_docx.path());
    let a = score(gold.path(), direct.path());
    let b = score(gold.path(), via_docx.path());
    assert_eq!(b.len(), inputs.len());
    for (doc, f_direct) in &a {
        let f_docx = b[doc];
        assert!(
            f_docx + 0.02 >= *f_direct,
            "{doc}: DOCX {f_docx:.3} vs original {f_direct:.3}"
        );
    }
}
