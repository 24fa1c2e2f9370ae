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
fn formats_not_built_yet_say_so() {
    resumeconv()
        .arg(fixture("json/minimal.json"))
        .args(["-o", "cv.html"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("resumeconv: error: format \"html\" is not supported yet as output\n");
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
    for name in ["json", "markdown", "text", "docx", "pdf", "html", "yaml"] {
        assert!(
            text.lines().any(|l| l.starts_with(name)),
            "{name} missing:\n{text}"
        );
    }
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
