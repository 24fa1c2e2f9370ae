//! Parsing accuracy, measured with the project's shared scorer (`../shared/eval/score.py`) on
//! the shared seeds and corpus (read from `../shared/`, beside the checkout) and on this
//! project's own samples against hand-written gold. The bar: F1 ≥ 0.95 on each seed and on
//! each sample, ≥ 0.90 on each corpus document.

use crate::common::resumeconv;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        p.join("eval/score.py").is_file(),
        "the shared seeds, gold and scorer are expected in {} (CI has them beside the checkout)",
        p.display()
    );
    p
}

/// Converts every input to JSON in `out`, named by stem.
fn convert_all(inputs: &[PathBuf], out: &Path) {
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
fn score(gold_dir: &Path, pred_dir: &Path) -> BTreeMap<String, f64> {
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

fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
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
