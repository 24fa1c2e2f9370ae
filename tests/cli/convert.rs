//! Converting: files and stdio, atomic output, the input never overwritten.

use crate::common::{fixture, resumeconv};
use predicates::prelude::*;

#[test]
fn file_to_stdout() {
    resumeconv()
        .arg(fixture("json/minimal.json"))
        .args(["-t", "json"])
        .assert()
        .success()
        .stdout("{\n  \"basics\": {\n    \"name\": \"Mo Chen\"\n  }\n}\n")
        .stderr("");
}

#[test]
fn stdin_to_stdout_with_dash() {
    resumeconv()
        .args(["-", "-f", "json", "-t", "json", "-o", "-"])
        .write_stdin("\u{feff}{\"basics\":{\"name\":\"Zoë\"}}")
        .assert()
        .success()
        .stdout("{\n  \"basics\": {\n    \"name\": \"Zoë\"\n  }\n}\n");
}

#[test]
fn stdin_format_is_sniffed() {
    resumeconv()
        .args(["-", "-t", "json"])
        .write_stdin("  {\"basics\":{\"name\":\"Zoë\"}}")
        .assert()
        .success()
        .stdout(predicate::str::contains("Zoë"));
}

#[test]
fn output_file_format_from_extension() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cv.json");
    resumeconv()
        .arg(fixture("json/complete.json"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&out).unwrap();
    let original = std::fs::read_to_string(fixture("json/complete.json")).unwrap();
    assert_eq!(written, original);
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn failed_conversion_leaves_existing_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cv.json");
    std::fs::write(&out, "precious").unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"work\": \"x\"}").unwrap();
    resumeconv()
        .arg(&bad)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stdout("");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn unwritable_output_directory_is_an_error_and_nothing_is_left() {
    resumeconv()
        .arg(fixture("json/minimal.json"))
        .args(["-o", "/nonexistent-dir/cv.json"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "resumeconv: error: cannot write /nonexistent-dir/cv.json: ",
        ));
}

#[test]
fn output_naming_the_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cv = dir.path().join("cv.json");
    std::fs::copy(fixture("json/minimal.json"), &cv).unwrap();
    let before = std::fs::read(&cv).unwrap();
    // The same file under another spelling is still the same file.
    let other = dir.path().join(".").join("cv.json");
    resumeconv()
        .arg(&cv)
        .arg("-o")
        .arg(&other)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "refusing to overwrite the input file",
        ));
    assert_eq!(std::fs::read(&cv).unwrap(), before);
}

#[test]
fn malformed_json_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, "{\n  \"basics\": {\n    \"name\": \"A\"\n  \n}\n").unwrap();
    resumeconv()
        .arg(&bad)
        .args(["-t", "json"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "resumeconv: error: {}:6:0: malformed JSON: EOF while parsing an object\n",
            bad.display()
        ));
}

#[test]
fn wrong_section_type_is_a_clear_error() {
    resumeconv()
        .args(["-", "-f", "json", "-t", "json"])
        .write_stdin("{\"work\": \"x\"}")
        .assert()
        .code(1)
        .stderr(
            "resumeconv: error: <stdin>: work: invalid type: string \"x\", expected a sequence\n",
        );
}

#[test]
fn root_that_is_not_an_object_is_a_clear_error() {
    resumeconv()
        .args(["-", "-f", "json", "-t", "json"])
        .write_stdin("\"just a string\"")
        .assert()
        .code(1)
        .stderr(
            "resumeconv: error: <stdin>: a JSON Resume must be a JSON object at the top level, found a string\n",
        );
}

#[test]
fn missing_input_file() {
    resumeconv()
        .args(["/no/such/cv.json", "-t", "json"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "resumeconv: error: cannot read /no/such/cv.json: ",
        ));
}

#[test]
fn directory_as_input() {
    // A directory is a batch, which needs somewhere to put its outputs.
    resumeconv()
        .arg(fixture("json"))
        .args(["-t", "json"])
        .assert()
        .code(2)
        .stderr("resumeconv: error: a batch (several inputs or a directory) needs --out-dir DIR for its outputs (or --check)\n");
    // A directory named as the one output's input is still an error naming it.
    resumeconv()
        .arg(fixture("json"))
        .args(["-f", "json", "-t", "json", "--check"])
        .assert()
        .success();
}

#[test]
fn closed_pipe_ends_quietly() {
    // `resumeconv x.json -t json | head -1`: the reader goes away after one line.
    let bin = assert_cmd::cargo::cargo_bin("resumeconv");
    let script = format!(
        "'{}' '{}' -t json | head -1",
        bin.display(),
        fixture("json/complete.json").display()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "{\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn warnings_are_counted_and_listed_with_v() {
    let input = "{\"work\": [{\"name\": \"A\", \"startDate\": \"2020-13\"}]}";
    resumeconv()
        .args(["-", "-f", "json", "-t", "json"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr("resumeconv: <stdin>: 1 warning (-v lists them)\n");
    resumeconv()
        .args(["-", "-f", "json", "-t", "json", "-v"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr("resumeconv: warning: <stdin>: work[0].startDate: \"2020-13\" has no such month\n");
    resumeconv()
        .args(["-", "-f", "json", "-t", "json", "-q"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr("");
}
