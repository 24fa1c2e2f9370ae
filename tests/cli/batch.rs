//! Batch mode: several inputs and formats into a directory, in parallel, failures reported but
//! not stopping the others, a JSON report, `--check`, `--strict`, `--shard`, globs and
//! directories.

use crate::common::resumeconv;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    for f in ["priya-raman.md", "tomasz-nowak.txt", "ana-lindqvist.json"] {
        std::fs::copy(samples().join(f), inp.join(f)).unwrap();
    }
    // Same stem as a file above, in a sub-directory.
    std::fs::copy(
        samples().join("lena-fischer.txt"),
        inp.join("sub/priya-raman.txt"),
    )
    .unwrap();
    (dir, inp)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn directory_recursive_several_formats_and_same_stems() {
    let (dir, inp) = setup();
    let out = dir.path().join("dist");
    resumeconv()
        .arg(&inp)
        .arg("-r")
        .arg("--out-dir")
        .arg(&out)
        .args(["-t", "pdf,docx,json", "-j", "2"])
        .assert()
        .success()
        .stderr(predicate::str::contains("same name as an earlier input"))
        .stderr(predicate::str::contains("4 converted, 0 failed"));
    assert_eq!(
        names(&out),
        vec![
            "ana-lindqvist.docx",
            "ana-lindqvist.json",
            "ana-lindqvist.pdf",
            "priya-raman-2.docx",
            "priya-raman-2.json",
            "priya-raman-2.pdf",
            "priya-raman.docx",
            "priya-raman.json",
            "priya-raman.pdf",
            "tomasz-nowak.docx",
            "tomasz-nowak.json",
            "tomasz-nowak.pdf",
        ]
    );
    // Without -r the sub-directory is not read.
    let out2 = dir.path().join("dist2");
    resumeconv()
        .arg(&inp)
        .arg("--out-dir")
        .arg(&out2)
        .args(["-t", "json"])
        .assert()
        .success();
    assert_eq!(names(&out2).len(), 3);
}

#[test]
fn a_failing_input_does_not_stop_the_others_and_the_report_says_so() {
    let (dir, inp) = setup();
    std::fs::write(inp.join("broken.json"), "{ nope").unwrap();
    let out = dir.path().join("dist");
    let report = dir.path().join("report.json");
    resumeconv()
        .arg(inp.join("broken.json"))
        .arg(inp.join("priya-raman.md"))
        .arg(inp.join("tomasz-nowak.txt"))
        .arg("--out-dir")
        .arg(&out)
        .args(["-t", "json", "--report"])
        .arg(&report)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.json:1:3: malformed JSON"))
        .stderr(predicate::str::contains("2 converted, 1 failed"));
    assert_eq!(names(&out), vec!["priya-raman.json", "tomasz-nowak.json"]);
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(r["version"], 1);
    assert_eq!(r["converted"], 2);
    assert_eq!(r["failed"], 1);
    let broken = r["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"].as_str().unwrap().ends_with("broken.json"))
        .unwrap();
    assert_eq!(broken["status"], "failed");
    assert!(broken["error"].as_str().unwrap().contains("malformed JSON"));
    let ok = r["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"].as_str().unwrap().ends_with("priya-raman.md"))
        .unwrap();
    assert_eq!(ok["format"], "markdown");
    assert!(ok["milliseconds"].is_u64());
    assert_eq!(ok["outputs"].as_array().unwrap().len(), 1);
}

#[test]
fn fail_fast_stops_early() {
    let (dir, inp) = setup();
    std::fs::write(inp.join("a-broken.json"), "{ nope").unwrap();
    resumeconv()
        .arg(&inp)
        .arg("--out-dir")
        .arg(dir.path().join("dist"))
        .args(["-t", "json", "-j", "1", "--fail-fast"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("skipped"));
}

#[test]
fn check_writes_nothing_and_strict_fails_on_warnings() {
    let (dir, inp) = setup();
    resumeconv()
        .arg(&inp)
        .arg("--check")
        .assert()
        .success()
        .stderr(predicate::str::contains("3 converted"));
    assert_eq!(names(&inp).len(), 4); // three files and the sub-directory, nothing added
    let messy = dir.path().join("messy.md");
    std::fs::write(&messy, "# Ada Okafor\n\n## Things I Like\n\nA stray remark.\n\n## Experience\n\n**Acme** - Engineer\n").unwrap();
    resumeconv()
        .arg(&messy)
        .arg("--check")
        .arg("--strict")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("fail under --strict"));
    // --strict on a single conversion too: nothing is written.
    let out = dir.path().join("messy.json");
    resumeconv()
        .arg(&messy)
        .arg("-o")
        .arg(&out)
        .arg("--strict")
        .assert()
        .code(3);
    assert!(!out.exists());
}

#[test]
fn shards_split_the_inputs_without_overlap() {
    let (_dir, inp) = setup();
    let mut seen = Vec::new();
    for k in 1..=3 {
        let out = resumeconv()
            .arg(&inp)
            .arg("-r")
            .arg("--check")
            .args(["--report", "-", "-q", "--shard"])
            .arg(format!("{k}/3"))
            .assert()
            .success();
        let r: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        for i in r["inputs"].as_array().unwrap() {
            seen.push(i["path"].as_str().unwrap().to_string());
        }
    }
    seen.sort();
    let before = seen.len();
    seen.dedup();
    assert_eq!(before, 4);
    assert_eq!(seen.len(), 4);
    resumeconv()
        .arg(&inp)
        .args(["--check", "--shard", "4/3"])
        .assert()
        .code(2);
}

#[test]
fn globs_and_usage_errors() {
    let (dir, inp) = setup();
    let pattern = format!("{}/*.md", inp.display());
    resumeconv()
        .arg(&pattern)
        .arg("--out-dir")
        .arg(dir.path().join("d"))
        .args(["-t", "json"])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 converted"));
    resumeconv()
        .arg(&inp)
        .arg("--out-dir")
        .arg(dir.path().join("d"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs -t"));
    resumeconv()
        .arg(&inp)
        .arg("-o")
        .arg(dir.path().join("x.json"))
        .assert()
        .code(2);
}
