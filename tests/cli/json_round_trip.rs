//! JSON → Resume → JSON gives back the same document, byte for byte, for every fixture; what
//! the tool writes is valid against the schema; snapshots pin the output.

use crate::common::{json_fixtures, resumeconv};

#[test]
fn every_fixture_round_trips_byte_for_byte() {
    for f in json_fixtures() {
        let original = std::fs::read_to_string(&f).unwrap();
        let out = resumeconv().arg(&f).args(["-t", "json"]).assert().success();
        let written = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert_eq!(written, original, "{}", f.display());
    }
}

#[test]
fn round_trip_through_the_library_keeps_unknown_keys_everywhere() {
    for f in json_fixtures() {
        let bytes = std::fs::read(&f).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let resume = resumeconv::read::json::read(&bytes, "x").unwrap();
        let back: serde_json::Value =
            serde_json::from_slice(&resumeconv::render(&resume, resumeconv::Format::Json).unwrap())
                .unwrap();
        assert_eq!(back, value, "{}", f.display());
    }
}

#[test]
fn everything_written_is_valid() {
    for f in json_fixtures() {
        let bytes = std::fs::read(&f).unwrap();
        let resume = resumeconv::read::json::read(&bytes, "x").unwrap();
        let out = resumeconv::render(&resume, resumeconv::Format::Json).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let problems = resumeconv::validate::check(&value);
        assert!(problems.is_empty(), "{}: {problems:?}", f.display());
    }
}

#[test]
fn snapshots() {
    for f in json_fixtures() {
        let bytes = std::fs::read(&f).unwrap();
        let resume = resumeconv::read::json::read(&bytes, "x").unwrap();
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_json_snapshot!(format!("json-{name}"), resume);
    }
}
