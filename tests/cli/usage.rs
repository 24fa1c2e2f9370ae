//! Usage errors (exit 2), the format registry as the user sees it, completions and man page.

use crate::common::{fixture, resumeconv};
use predicates::prelude::*;

#[test]
fn no_arguments_is_a_usage_error() {
    resumeconv()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no input given"));
}

#[test]
fn piped_input_needs_no_dash_and_several_formats_go_beside_the_input() {
    let out = resumeconv()
        .write_stdin("# Ana Lima\n\nana@example.com\n\n## Experience\n\n### Acme — Engineer\n\n2020 – 2022\n")
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["basics"]["name"], "Ana Lima");
    let dir = tempfile::tempdir().unwrap();
    let cv = dir.path().join("cv.md");
    std::fs::write(&cv, "# Ana Lima\n\nana@example.com\n").unwrap();
    resumeconv()
        .arg(&cv)
        .args(["-t", "PDF,docx"])
        .assert()
        .success();
    assert!(dir.path().join("cv.pdf").is_file());
    assert!(dir.path().join("cv.docx").is_file());
    // Its own format beside it would be the input itself.
    resumeconv()
        .arg(&cv)
        .args(["-t", "md,json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "refusing to overwrite the input file",
        ));
    assert_eq!(
        std::fs::read_to_string(&cv).unwrap(),
        "# Ana Lima\n\nana@example.com\n"
    );
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
    // Neither -t nor -o: JSON on standard output.
    let out = resumeconv()
        .arg(fixture("json/minimal.json"))
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(json.get("basics").is_some());
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

/// A single conversion says what it wrote in one line when a person watches (stderr is a
/// terminal; `script` gives the run one), and nothing when piped or with `-q`.
#[test]
fn a_success_line_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/priya-raman.md");
    let out = dir.path().join("cv.pdf");
    let piped = resumeconv()
        .arg(&sample)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(
        piped.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    let bin = assert_cmd::cargo::cargo_bin("resumeconv");
    let command = format!(
        "{} {} -o {}",
        bin.display(),
        sample.display(),
        out.display()
    );
    let Ok(tty) = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("NO_COLOR", "1")
        .output()
    else {
        panic!("`script` (util-linux) is needed to give the run a terminal");
    };
    let said = String::from_utf8_lossy(&tty.stdout);
    assert!(tty.status.success(), "{said}");
    assert!(
        said.contains("priya-raman.md → ") && said.contains("(pdf, "),
        "{said}"
    );
    let quiet = format!("{command} -q");
    let tty = std::process::Command::new("script")
        .args(["-qec", &quiet, "/dev/null"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&tty.stdout).contains(" → "));
}
