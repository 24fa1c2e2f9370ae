//! RenderCV in and out, on fictional people: sections found by their titles in several
//! languages and by their entry types, the conventions of the writer read back, what has no
//! JSON Resume place kept and written back, and the carried JSON Resume used only while the
//! cv is unchanged.

use super::*;
use crate::model::*;

fn read_str(yaml: &str) -> (Resume, Vec<String>, bool) {
    let (parsed, warnings) = read(yaml.as_bytes(), "cv.yaml", &Limits::default()).expect("reads");
    let notes = warnings.iter().map(|w| w.to_string()).collect();
    match parsed {
        Parsed::Resume(r) => (*r, notes, false),
        Parsed::Carried {
            resume,
            embedded,
            fingerprint,
        } => (*resume, notes, embedded.fingerprint == fingerprint),
        Parsed::Doc(_) => panic!("a RenderCV file is a résumé, not a document"),
    }
}

#[test]
fn a_top_level_cv_key_marks_rendercv() {
    assert!(looks_like("cv:\n  name: Jane Roe\n"));
    assert!(looks_like(
        "# my cv\ndesign:\n  theme: classic\ncv:\n  name: A\n"
    ));
    assert!(!looks_like("basics:\n  cv: nope\n"));
    assert!(!looks_like("basics:\n  name: cv:\n"));
}

const MARTA: &str = r#"
cv:
  name: Marta Quintero
  headline: Ingeniera de datos
  location: Valencia, ES
  email: marta@example.org
  social_networks:
    - network: GitHub
      username: mquintero
  sections:
    resumen:
      - "Construyo **tuberías de datos** fiables."
    experiencia_profesional:
      - company: "[Datalia](https://datalia.example)"
        position: Ingeniera de datos
        location: Valencia
        start_date: 2021-03
        end_date: present
        highlights:
          - Migré 40 trabajos a Airflow
    formación:
      - institution: Universitat de València
        area: Matemáticas
        degree: Grado
        date: 2019
        highlights:
          - "Nota: 8,7"
          - "Courses: Álgebra, Estadística"
          - Premio extraordinario
    idiomas:
      - label: Español
        details: nativo
      - label: Inglés
        details: C1
    Kenntnisse:
      - label: Datos
        details: SQL, Spark, dbt (avanzado)
    charlas:
      - name: Datos sin dolor
        date: 2023-05
        location: PyConES
    aficiones:
      - bullet: Escalada
      - bullet: Ajedrez
    notas_sueltas:
      - "Disponible para viajar."
design:
  theme: sb2nov
locale:
  language: spanish
"#;

#[test]
fn sections_are_placed_by_title_in_any_language_and_by_entry_type() {
    let (r, notes, _) = read_str(MARTA);
    let b = r.basics.clone().unwrap_or_default();
    assert_eq!(b.name.as_deref(), Some("Marta Quintero"));
    assert_eq!(b.label.as_deref(), Some("Ingeniera de datos"));
    assert_eq!(
        b.summary.as_deref(),
        Some("Construyo tuberías de datos fiables.")
    );
    assert_eq!(b.location.and_then(|l| l.city).as_deref(), Some("Valencia"));
    let gh = b.profiles.unwrap_or_default();
    assert_eq!(
        gh.first().and_then(|p| p.url.as_deref()),
        Some("https://github.com/mquintero")
    );
    let w = r.work.unwrap_or_default();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].name.as_deref(), Some("Datalia"));
    assert_eq!(w[0].url.as_deref(), Some("https://datalia.example"));
    assert_eq!(w[0].start_date.as_deref(), Some("2021-03"));
    assert_eq!(w[0].end_date, None);
    let e = r.education.unwrap_or_default();
    assert_eq!(e[0].study_type.as_deref(), Some("Grado"));
    assert_eq!(
        e[0].end_date.as_deref(),
        Some("2019"),
        "a single education date is its end"
    );
    assert_eq!(e[0].score.as_deref(), Some("8,7"));
    assert_eq!(
        e[0].courses.clone().unwrap_or_default(),
        ["Álgebra", "Estadística"]
    );
    let langs = r.languages.unwrap_or_default();
    assert_eq!(langs[1].fluency.as_deref(), Some("C1"));
    let skills = r.skills.unwrap_or_default();
    assert_eq!(skills[0].level.as_deref(), Some("avanzado"));
    assert_eq!(
        skills[0].keywords.clone().unwrap_or_default(),
        ["SQL", "Spark", "dbt"]
    );
    let talks = r.projects.unwrap_or_default();
    assert_eq!(talks[0].name.as_deref(), Some("Datos sin dolor"));
    assert!(
        notes
            .iter()
            .any(|n| n.contains("\"charlas\" read as projects")),
        "{notes:?}"
    );
    let hobbies = r.interests.unwrap_or_default();
    assert_eq!(hobbies.len(), 2);
    // Text under a title we cannot place is kept, with design and locale, and said so.
    let kept = r
        .meta
        .and_then(|m| m.extra.get("rendercv").cloned())
        .unwrap_or_default();
    assert_eq!(kept["design"]["theme"], "sb2nov");
    assert_eq!(
        kept["cv"]["sections"]["notas_sueltas"][0],
        "Disponible para viajar."
    );
    assert!(
        notes.iter().any(|n| n.contains("\"notas_sueltas\"")),
        "{notes:?}"
    );
}

#[test]
fn what_json_resume_cannot_hold_comes_back_when_written_again() {
    let (r, _, _) = read_str(MARTA);
    let (yaml, _) = to_string(&r, false).expect("writes");
    assert!(yaml.contains("theme: sb2nov"), "{yaml}");
    assert!(yaml.contains("notas_sueltas"), "{yaml}");
    let (again, _, _) = read_str(&yaml);
    assert_eq!(again, r);
}

fn ana() -> Resume {
    let json = r#"{
      "basics": {"name": "Ana Lima", "label": "Engenheira", "email": "ana@example.com",
        "phone": "+351 912 345 678", "url": "https://ana.example",
        "summary": "First paragraph.\n\nSecond paragraph.",
        "location": {"city": "Porto", "countryCode": "PT"},
        "profiles": [{"network": "LinkedIn", "username": "ana-lima", "url": "https://linkedin.com/in/ana-lima"}]},
      "work": [{"name": "Acme", "url": "https://acme.example", "position": "Engineer",
        "startDate": "2020-01", "highlights": ["Did a thing", "Did another"]}],
      "education": [{"institution": "Universidade do Porto", "area": "Physics", "studyType": "MSc",
        "startDate": "2015", "endDate": "2017", "score": "18/20", "courses": ["Optics", "Lasers"]}],
      "awards": [{"title": "Best Thesis", "awarder": "Ordem dos Engenheiros", "date": "2017-07"}],
      "certificates": [{"name": "CKA", "issuer": "CNCF", "url": "https://cncf.example/cka", "date": "2022"}],
      "publications": [{"name": "On light", "publisher": "Optics Letters", "releaseDate": "2018-02"}],
      "skills": [{"name": "Cloud", "level": "Advanced", "keywords": ["Kubernetes", "Terraform"]},
                 {"name": "Writing", "level": "Fluent"}],
      "languages": [{"language": "Portuguese", "fluency": "Native"}],
      "interests": [{"name": "Music", "keywords": ["Piano", "Fado"]}],
      "references": [{"name": "Rui Costa", "reference": "Ana is great."}],
      "projects": [{"name": "Lumen", "url": "https://lumen.example", "description": "A light simulator",
        "startDate": "2019-05", "endDate": "2019-09", "keywords": ["Rust", "WebGPU"], "roles": ["Author"]}]
    }"#;
    serde_json::from_str(json).expect("fixture")
}

#[test]
fn every_field_rendercv_has_comes_back_without_the_carried_copy() {
    let r = ana();
    let (yaml, warnings) = to_string(&r, false).expect("writes");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(!yaml.contains(JSON_LINE));
    let (back, _, _) = read_str(&yaml);
    assert_eq!(
        serde_json::to_value(&back).ok(),
        serde_json::to_value(&r).ok(),
        "{yaml}"
    );
}

#[test]
fn the_carried_copy_stands_until_the_cv_is_edited() {
    let mut r = ana();
    if let Some(w) = r.work.as_mut().and_then(|w| w.first_mut()) {
        w.description = Some("Makes anvils".into()); // no RenderCV place
    }
    let (yaml, warnings) = to_string(&r, true).expect("writes");
    assert!(
        warnings
            .iter()
            .any(|w| w.to_string().contains("description")),
        "{warnings:?}"
    );
    let (_, _, fresh) = read_str(&yaml);
    assert!(fresh, "unchanged: the carried JSON Resume is used");
    let edited = yaml.replace("Did another", "Did a third");
    let (back, _, fresh) = read_str(&edited);
    assert!(!fresh, "edited: the cv is read");
    let w = back.work.unwrap_or_default();
    assert_eq!(
        w[0].highlights.clone().unwrap_or_default()[1],
        "Did a third"
    );
}

#[test]
fn errors_are_one_line_and_name_the_file() {
    for bad in [
        "cv: [unclosed\n",
        "- just\n- a list\n",
        "basics:\n  name: A\n",
    ] {
        let err = read(bad.as_bytes(), "cv.yaml", &Limits::default())
            .err()
            .map(|e| e.to_string());
        let err = err.unwrap_or_default();
        assert!(err.starts_with("cv.yaml"), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }
}

#[test]
fn a_bare_grade_under_a_degree_is_its_score() {
    for (line, score) in [
        ("3.7", "3.7"),
        ("18/20", "18/20"),
        ("grade 1.3", "grade 1.3"),
        ("GPA: 3.9/4.0", "3.9/4.0"),
    ] {
        let yaml = format!(
            "cv:\n  name: Ana Lima\n  sections:\n    education:\n      - institution: Uni\n        area: Physics\n        highlights:\n          - \"{line}\"\n"
        );
        let (r, _, _) = read_str(&yaml);
        let e = r.education.unwrap_or_default();
        assert_eq!(e[0].score.as_deref(), Some(score), "{line}");
    }
}
