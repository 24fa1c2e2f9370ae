//! Usage errors (exit 2), the format registry as the user sees it, completions and man page.

use crate::common::{fixture, resumeconv};
use predicates::prelude::*;

#[test]
fn no_arguments_is_a_usage_error() {
    resumeconv().assert().code(2);
}

#[test]
fn unknown_format_name_is_a_usage_error() {
    resumeconv()
        .arg(fixture("json/minimal.json"))
        .args(["-t", "odt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'odt'"));
}

#[test]
fn output_format_that_cannot_be_inferred_gives_a_hint() {
    resumeconv()
        .arg(fixture("json/minimal.json"))
        .assert()
        .code(2)
        .stderr("resumeconv: error: no output format: use -t FORMAT, or -o FILE with an extension such as .json\n");
    resumeconv()
        .arg(fixture("json/minimal.json"))
        .args(["-o", "cv.weird"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use -t FORMAT"));
}

#[test]
fn several_inputs_need_an_output_directory() {
    resumeconv()
        .arg(fixture("json/minimal.json"))
        .arg(fixture("json/dates.json"))
        .args(["-t", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs --out-dir"));
}

#[test]
fn list_formats_shows_every_format() {
    let out = resumeconv().arg("--list-formats").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for name in [
        "json", "yaml", "rendercv", "markdown", "text", "html", "docx", "pdf",
    ] {
        let row = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name));
        let row = row.unwrap_or_else(|| panic!("{name} missing:\n{text}"));
        // Every format is read and written: nothing listed is "not yet".
        assert!(!row.contains(" no "), "{row}");
    }
}

#[test]
fn every_format_is_offered_by_to_and_from_in_any_case() {
    for name in [
        "JSON", "yaml", "RenderCV", "md", "Text", "HTML", "docx", "PDF",
    ] {
        let out = resumeconv()
            .arg(fixture("json/minimal.json"))
            .args(["-t", name])
            .assert()
            .success();
        assert!(
            !out.get_output().stdout.is_empty(),
            "-t {name} wrote nothing"
        );
    }
    resumeconv()
        .args(["-t", "nonsense", "x.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rendercv"));
}

#[test]
fn completions_and_man_page() {
    resumeconv()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("_resumeconv()"));
    resumeconv()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH resumeconv"));
}
