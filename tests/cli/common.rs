//! Helpers shared by the integration tests.

use assert_cmd::Command;
use std::path::PathBuf;

/// The binary under test, with a clean environment for colour and dates.
pub fn resumeconv() -> Command {
    let mut cmd = Command::cargo_bin("resumeconv").expect("binary is built");
    cmd.env("NO_COLOR", "1").env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Every JSON fixture (`tests/fixtures/json`, and the fictional people in
/// `tests/fixtures/people`), sorted by name.
pub fn json_fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = ["json", "people"]
        .iter()
        .flat_map(|d| std::fs::read_dir(fixture(d)).expect("fixtures folder"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

/// Prints `inputs` to PDF with LibreOffice into `out_dir` (CI installs it in `.ci/run`).
pub fn libreoffice_pdf(inputs: &[PathBuf], out_dir: &std::path::Path) {
    let lo = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            out_dir.join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out_dir)
        .args(inputs)
        .output()
        .expect("LibreOffice (soffice) is installed");
    assert!(
        lo.status.success(),
        "{}",
        String::from_utf8_lossy(&lo.stderr)
    );
}
