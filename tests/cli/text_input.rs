//! Reading plain text and Markdown: snapshots of what the samples become, validity of every
//! JSON written, stdin, format sniffing, and bad input.

use crate::common::resumeconv;
use predicates::prelude::*;
use std::path::PathBuf;

fn samples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    v.sort();
    v
}

fn to_json(path: &PathBuf) -> serde_json::Value {
    let out = resumeconv()
        .arg(path)
        .args(["-t", "json", "-q"])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn sample_snapshots() {
    for f in samples() {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_json_snapshot!(format!("sample-{name}"), to_json(&f));
    }
}

#[test]
fn everything_read_from_text_is_valid_json_resume() {
    let mut inputs = samples();
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    for dir in ["seeds", "corpus"] {
        if let Ok(rd) = std::fs::read_dir(shared.join(dir)) {
            inputs.extend(
                rd.map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt")),
            );
        }
    }
    for f in inputs {
        let problems = resumeconv::validate::check(&to_json(&f));
        let errors: Vec<_> = problems
            .iter()
            .filter(|p| p.severity == resumeconv::validate::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
    }
}

#[test]
fn stdin_reads_like_a_file() {
    let f = &samples()[0];
    let from_file = to_json(f);
    let out = resumeconv()
        .args(["-", "-t", "json", "-q"])
        .write_stdin(std::fs::read(f).unwrap())
        .assert()
        .success();
    let from_stdin: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(from_file, from_stdin);
}

#[test]
fn markdown_in_a_txt_file_is_read_as_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("cv.txt");
    std::fs::write(&f, "# **Ada Okafor**\n\n## **Experience**\n\n### **Acme Corp** *- Engineer*\n\n* Built **things**\n").unwrap();
    let out = resumeconv().arg(&f).args(["-t", "json"]).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["basics"]["name"], "Ada Okafor");
    assert_eq!(v["work"][0]["name"], "Acme Corp");
    assert_eq!(v["work"][0]["position"], "Engineer");
    assert_eq!(v["work"][0]["highlights"][0], "Built things");
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("cv.txt");
    std::fs::write(&f, b"Ren\xe9 Dubois\nren\xe9@example.fr\n\nEXPERIENCE\n\nCaf\xe9 Lumi\xe8re, Lyon \x96 Manager (2019 - 2021)\n").unwrap();
    let out = resumeconv()
        .arg(&f)
        .args(["-t", "json", "-v"])
        .assert()
        .success()
        .stderr(predicate::str::contains("read as Windows-1252"));
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["basics"]["name"], "René Dubois");
    assert_eq!(v["work"][0]["name"], "Café Lumière");
}

#[test]
fn unplaced_content_is_a_warning_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("cv.md");
    std::fs::write(&f, "# Ada Okafor\n\n## Experience\n\n**Acme** - Engineer\n\n## Things I Like To Mention\n\nA stray remark.\n").unwrap();
    resumeconv()
        .arg(&f)
        .args(["-t", "json", "-v"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "cv.md:7: unknown section heading \"Things I Like To Mention\"",
        ))
        .stderr(predicate::str::contains(
            "cv.md:9: under the unknown heading",
        ));
}

/// A "Contact" section after the others (a sidebar read last) keeps every line: the e-mail
/// that starts with the name is not taken for a page header, and a place on its own line is
/// the location.
#[test]
fn contact_section_at_the_end() {
    let md = "# Oskar Brenner\n\nSite Reliability Engineer\n\n## Experience\n\n### Senior SRE, Lieferwerk GmbH\n\nJun 2020 – Present\n\n- Cut paging alerts by 70%.\n\n## Contact\n\noskar.brenner@example.net  \n+49 151 2345 6789  \nLeipzig, Germany  \ngithub.com/obrenner\n\n## Skills\n\n- Go\n";
    let out = resumeconv()
        .args(["-", "-f", "markdown", "-t", "json"])
        .write_stdin(md)
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["basics"]["email"], "oskar.brenner@example.net");
    assert_eq!(v["basics"]["location"]["city"], "Leipzig");
    assert_eq!(v["basics"]["profiles"][0]["username"], "obrenner");
    assert_eq!(v["skills"][0]["keywords"][0], "Go");
}

/// An entry's employer or school given on a labelled line under its title, the tabular CV's
/// way ("Einrichtung: Weichsel Bau GmbH, Danzig", "Employeur : …", "Employer: …"): the
/// label's value is the organisation (its place split off), the title line the role or the
/// field. Three fictional people in German, French and English; the gold is what each page
/// says.
#[test]
fn labelled_organisation_lines_name_the_employer_or_school() {
    exact_fixtures(
        "labelled-entries",
        &["jana-kowalczyk-de", "marc-delorme-fr", "ruth-abernathy-en"],
    );
}

/// Plain text in two columns (tabs or runs of spaces): dates or labels on the left, the
/// content on the right with its further lines indented under it, "Role @Employer, City"
/// headers, wrapped skill lists ending in "and"/"y". Two fictional people, English and
/// Spanish, each line of the gold as the page says it.
#[test]
fn two_column_text_reads_dates_labels_and_indented_lines() {
    exact_fixtures("two-column-text", &["henrik-strand-en", "clara-montes-es"]);
}

/// Each `tests/fixtures/DIR/STEM.txt` reads to exactly `STEM.json` beside it.
fn exact_fixtures(dir: &str, stems: &[&str]) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    for stem in stems {
        let got = to_json(&dir.join(format!("{stem}.txt")));
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(got, gold, "{stem}");
    }
}

/// A job title as the entry's heading, then "Employer · Place", then the dates (as web and PDF
/// themes set them): the employer and place are the entry's, and so are the dates, in
/// several countries' place forms.
#[test]
fn title_then_employer_and_place_then_dates() {
    for (line, org, place) in [
        (
            "Banque Lumière · Lyon, France",
            "Banque Lumière",
            "Lyon, France",
        ),
        ("Acme Corp · Austin, TX", "Acme Corp", "Austin, TX"),
        ("Datalia · Valencia, ES", "Datalia", "Valencia, ES"),
    ] {
        let md = format!(
            "# Ana Lima\n\n## Experience\n\n### Data Engineer\n\n{line}\n\nMar 2019 – Present\n\n- Built things\n"
        );
        let out = resumeconv()
            .args(["-f", "md", "-", "-t", "json"])
            .write_stdin(md)
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let w = &v["work"][0];
        assert_eq!(w["name"], org, "{line}");
        assert_eq!(w["location"], place, "{line}");
        assert_eq!(w["position"], "Data Engineer", "{line}");
        assert_eq!(w["startDate"], "2019-03", "{line}");
        assert_eq!(w["highlights"][0], "Built things", "{line}");
    }
}

/// Reads a Markdown or text résumé given as a string.
fn read_str(text: &str, format: resumeconv::Format) -> resumeconv::model::Resume {
    resumeconv::read_resume(text.as_bytes(), format, "x.md")
        .unwrap()
        .resume
}

/// Short lists run together on one line between middle dots, bars or bullets — languages
/// and interests, as CVs save space — are one item each; a line whose pieces are not
/// languages stays whole.
#[test]
fn languages_and_interests_on_one_line() {
    use resumeconv::Format::{Markdown, Text};
    for (text, format) in [
        (
            "# Ana Lima\n\nana@example.org\n\n## Languages\n\nPortuguese (native) · English (C1) · Spanish (B2)\n\n## Interests\n\nCycling · Chess · Jazz piano\n",
            Markdown,
        ),
        (
            "Ana Lima\nana@example.org\n\nLANGUAGES\nPortuguese (native) | English (C1) | Spanish (B2)\n\nINTERESTS\nCycling | Chess | Jazz piano\n",
            Text,
        ),
        (
            "# Ana Lima\n\nana@example.org\n\n## Sprachen\n\nPortugiesisch (Muttersprache) • Englisch (C1) • Spanisch (B2)\n\n## Interessen\n\nRadfahren • Schach • Jazzklavier\n",
            Markdown,
        ),
    ] {
        let r = read_str(text, format);
        let langs: Vec<(String, String)> = r
            .languages
            .unwrap_or_default()
            .into_iter()
            .map(|l| {
                (
                    l.language.unwrap_or_default(),
                    l.fluency.unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(langs.len(), 3, "{text}: {langs:?}");
        assert!(langs[1].1 == "C1" && langs[2].1 == "B2", "{langs:?}");
        let interests: Vec<String> = r
            .interests
            .unwrap_or_default()
            .into_iter()
            .filter_map(|i| i.name)
            .collect();
        assert_eq!(interests.len(), 3, "{text}: {interests:?}");
    }
    // Pieces that are not languages: the line is not cut into "languages".
    let r = read_str(
        "# Ana Lima\n\nana@example.org\n\n## Languages\n\nEnglish (native)\n\nMines Paris (PSL) | Université Paris (Sorbonne)\n",
        Markdown,
    );
    let names: Vec<String> = r
        .languages
        .unwrap_or_default()
        .into_iter()
        .filter_map(|l| l.language)
        .collect();
    assert!(
        names.len() <= 2 && !names.iter().any(|n| n.starts_with("Université")),
        "{names:?}"
    );
}

/// A skill group's label before a list whose items list their own parts in brackets
/// ("AWS (EC2, RDS, EKS, S3, CloudFront)") is still a label: an item's length is its words
/// outside brackets.
#[test]
fn skill_groups_with_bracketed_parts() {
    use resumeconv::Format::{Markdown, Text};
    for (text, format) in [
        (
            "# Ana Lima\n\nana@example.org\n\n## Skills\n\n- Cloud: AWS (EC2, RDS, EKS, S3, CloudFront, EventBridge), Terraform, Python\n- Data: SQL, dbt\n",
            Markdown,
        ),
        (
            "Ana Lima\nana@example.org\n\nSKILLS\nCloud: Azure (App Service, Functions, Cosmos DB, Key Vault), Bicep\nData: SQL, dbt\n",
            Text,
        ),
        (
            "# Ana Lima\n\nana@example.org\n\n## Kenntnisse\n\n- **Cloud:** GCP (Cloud Run, BigQuery, Pub/Sub, GKE, Spanner), Terraform\n- **Daten:** SQL, dbt\n",
            Markdown,
        ),
    ] {
        let r = read_str(text, format);
        let skills = r.skills.unwrap_or_default();
        assert_eq!(skills.len(), 2, "{text}: {skills:?}");
        assert_eq!(skills[0].name.as_deref(), Some("Cloud"), "{skills:?}");
        let k = skills[0].keywords.clone().unwrap_or_default();
        assert!(
            k.len() >= 2 && k[0].contains('(') && k[0].ends_with(')'),
            "{k:?}"
        );
    }
}
