//! Inputs the fuzzers found (or that were written to reproduce a crash or a hang) replayed
//! through the library: each must finish, with a résumé or an error, never a panic or a hang.
//! They live in `tests/fixtures/fuzz/<target>/`, one folder per fuzz target
//! (`scripts/fuzz.sh` says how to add one).

use resumeconv::{Format, read_resume, render};
use std::path::PathBuf;
use std::time::Duration;

#[path = "../../fuzz/doc_from_bytes.rs"]
mod doc_from_bytes;
use crate::docx_package;

/// Runs one input as its fuzz target does.
fn replay(target: &str, data: &[u8]) {
    let format = match target {
        "text" => Format::Text,
        "markdown" => Format::Markdown,
        "json" => Format::Json,
        "docx" => Format::Docx,
        "pdf" => Format::Pdf,
        "docx_xml" => {
            let _ = read_resume(&docx_package::package(data), Format::Docx, "fuzz");
            return;
        }
        "extract" => {
            let _ = resumeconv::extract::extract(&doc_from_bytes::doc_from_bytes(data));
            return;
        }
        other => panic!("tests/fixtures/fuzz/{other}: no such fuzz target"),
    };
    if let Ok(reading) = read_resume(data, format, "fuzz") {
        for to in [Format::Json, Format::Markdown, Format::Docx, Format::Pdf] {
            let _ = render(&reading.resume, to);
        }
    }
}

#[test]
fn fuzz_findings_stay_fixed() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut cases = Vec::new();
    for target in std::fs::read_dir(&root).expect("tests/fixtures/fuzz") {
        let target = target.unwrap().path();
        if !target.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&target).unwrap() {
            cases.push((target.clone(), f.unwrap().path()));
        }
    }
    assert!(!cases.is_empty(), "no fuzz regression inputs found");
    for (target, file) in cases {
        let name = target.file_name().unwrap().to_string_lossy().to_string();
        let data = std::fs::read(&file).unwrap();
        let (done, finished) = std::sync::mpsc::channel();
        let worker = std::thread::spawn(move || {
            replay(&name, &data);
            let _ = done.send(());
        });
        // A generous bound for a debug build: this catches hangs, not slowness (the fuzzers
        // run with a 1 s limit on release builds).
        match finished.recv_timeout(Duration::from_secs(60)) {
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                panic!("{} did not finish in 60 s", file.display())
            }
            _ => assert!(worker.join().is_ok(), "{} panicked", file.display()),
        }
    }
}
