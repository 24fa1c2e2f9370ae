//! `resumeconv validate`: every problem with its JSON path; exit 3 when anything is invalid.

use crate::common::{fixture, json_fixtures, resumeconv};

#[test]
fn valid_files_exit_zero() {
    for f in json_fixtures() {
        resumeconv().arg("validate").arg(&f).assert().success();
    }
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("cv.json");
    std::fs::write(
        &f,
        r#"{"basics": {"email": "not-an-email"},
            "work": [{"name": "A"}, {"name": "B"}, {"name": "C", "startDate": "March 2020"}],
            "skills": [{"name": "Rust", "keywords": "Rust"}]}"#,
    )
    .unwrap();
    let shown = f.display();
    resumeconv()
        .arg("validate")
        .arg(&f)
        .assert()
        .code(3)
        .stderr(format!(
            "resumeconv: error: {shown}: basics.email: \"not-an-email\" is not a valid email\n\
             resumeconv: error: {shown}: work[2].startDate: \"March 2020\" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)\n\
             resumeconv: error: {shown}: skills[0].keywords: expected an array, found a string\n"
        ));
}

#[test]
fn warnings_alone_pass_unless_strict() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("cv.json");
    std::fs::write(
        &f,
        r#"{"work": [{"name": "A", "startDate": "2021", "endDate": "2019"}, {}]}"#,
    )
    .unwrap();
    let shown = f.display();
    let expected = format!(
        "resumeconv: warning: {shown}: work[0].endDate: ends (2019) before it starts (2021)\n\
         resumeconv: warning: {shown}: work[1]: empty entry\n"
    );
    resumeconv()
        .arg("validate")
        .arg(&f)
        .assert()
        .success()
        .stderr(format!(
            "{expected}resumeconv: {shown}: valid, with 2 warnings\n"
        ));
    resumeconv()
        .args(["validate", "--strict"])
        .arg(&f)
        .assert()
        .code(3)
        .stderr(format!(
            "{expected}resumeconv: {shown}: invalid under --strict (warnings fail)\n"
        ));
}

/// A field the schema does not know is a warning (conversions keep it); `--strict` fails it.
/// Several files end with one line that sums them up.
#[test]
fn unknown_fields_warn_and_several_files_are_summed_up() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra.json");
    std::fs::write(
        &extra,
        r#"{"basics": {"name": "Ana"}, "pronouns": "she/her"}"#,
    )
    .unwrap();
    let shown = extra.display();
    resumeconv()
        .arg("validate")
        .arg(&extra)
        .arg(fixture("json/minimal.json"))
        .arg("/no/such.json")
        .assert()
        .code(1)
        .stderr(predicates::str::contains(format!(
            "resumeconv: warning: {shown}: unknown field \"pronouns\" (not in the JSON Resume schema; conversions keep it)\n\
             resumeconv: {shown}: valid, with 1 warning\n"
        )))
        .stderr(predicates::str::ends_with(
            "resumeconv: 3 files: 1 valid, 1 valid with warnings, 0 invalid, 1 unreadable\n",
        ));
    resumeconv()
        .args(["validate", "--strict"])
        .arg(&extra)
        .assert()
        .code(3);
}

#[test]
fn unreadable_or_malformed_files_exit_one() {
    resumeconv()
        .args(["validate", "/no/such.json"])
        .assert()
        .code(1);
    resumeconv()
        .args(["validate", "-"])
        .write_stdin("{nope")
        .assert()
        .code(1)
        .stderr("resumeconv: error: <stdin>:1:2: malformed JSON: key must be a string\n");
}

#[test]
fn a_mix_reports_each_file() {
    resumeconv()
        .arg("validate")
        .arg(fixture("json/minimal.json"))
        .arg(fixture("json/dates.json"))
        .assert()
        .success();
}
