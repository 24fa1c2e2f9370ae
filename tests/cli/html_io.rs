//! HTML out and in: snapshots of the page for every fixture; the page is self-contained,
//! well formed, carries schema.org data and the JSON Resume; Chromium prints it to a PDF
//! that holds every field; the reader takes the structure of pages by other hands (fictional
//! people written here, in several layouts and languages), survives broken and hostile
//! markup, and uses the carried JSON Resume only while the text is unchanged.

use crate::common::{fixture, json_fixtures, resumeconv};
use resumeconv::Format;
use resumeconv::model::Resume;

fn read_fixture(p: &std::path::Path) -> Resume {
    let bytes = std::fs::read(p).unwrap();
    resumeconv::read_resume(&bytes, Format::Json, "x")
        .unwrap()
        .resume
}

fn to_html(r: &Resume) -> String {
    String::from_utf8(resumeconv::render(r, Format::Html).unwrap()).unwrap()
}

fn read_html(html: &str) -> resumeconv::Reading {
    resumeconv::read_resume(html.as_bytes(), Format::Html, "cv.html").unwrap()
}

#[test]
fn snapshots() {
    for f in json_fixtures() {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(format!("html-{name}"), to_html(&read_fixture(&f)));
    }
}

/// Tags that must be closed, checked with a stack: the page is well formed as written.
fn assert_balanced(html: &str) {
    const VOID: &[&str] = &["meta", "br", "hr", "img", "link", "input", "!doctype"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    // Script and style bodies are opaque.
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let end = rest.find('>').expect("every tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_ascii_lowercase();
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "unbalanced </{name}>"
            );
        } else if !VOID.contains(&name.as_str()) {
            if name == "script" || name == "style" {
                let close = format!("</{name}>");
                let at = rest.find(&close).expect("script and style are closed");
                rest = &rest[at + close.len()..];
            } else {
                stack.push(name);
            }
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn the_page_is_self_contained_well_formed_and_carries_its_data() {
    for f in json_fixtures() {
        let r = read_fixture(&f);
        let html = to_html(&r);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_balanced(&html);
        // Nothing is fetched: no external scripts, styles, fonts or images.
        for needle in ["<link", " src=", "url(", "@import"] {
            assert!(!html.contains(needle), "{}: {needle}", f.display());
        }
        assert!(html.contains("@media print"));
        let ld = between(&html, "<script type=\"application/ld+json\">", "</script>");
        let ld: serde_json::Value = serde_json::from_str(&ld).expect("JSON-LD is JSON");
        assert_eq!(ld["@type"], "Person");
        if let Some(name) = r.basics.as_ref().and_then(|b| b.name.as_ref()) {
            assert_eq!(ld["name"], name.as_str());
        }
        // The carried JSON Resume reads back exactly.
        let back = read_html(&html);
        assert!(back.from_embedded, "{}", f.display());
        assert_eq!(back.resume, r, "{}", f.display());
    }
}

fn between(s: &str, a: &str, b: &str) -> String {
    let start = s.find(a).expect("start marker") + a.len();
    let end = s[start..].find(b).expect("end marker") + start;
    s[start..end].to_string()
}

#[test]
fn dates_are_machine_readable() {
    let r = read_fixture(&fixture("json/complete.json"));
    let html = to_html(&r);
    let w = &r.work.as_ref().unwrap()[0];
    let start = w.start_date.as_deref().unwrap();
    assert!(
        html.contains(&format!("<time datetime=\"{start}\">")),
        "{html}"
    );
}

#[test]
fn an_edited_page_is_read_from_its_text() {
    let r = read_fixture(&fixture("people/kwame-mensah.json"));
    let name = r.basics.as_ref().unwrap().name.clone().unwrap();
    let html = to_html(&r).replace(&format!("<h1>{name}</h1>"), "<h1>Kofi Mensah</h1>");
    let back = read_html(&html);
    assert!(!back.from_embedded);
    assert!(
        back.warnings
            .iter()
            .any(|w| w.to_string().contains("out of date"))
    );
    assert_eq!(
        back.resume.basics.unwrap().name.as_deref(),
        Some("Kofi Mensah")
    );
}

#[test]
fn chromium_prints_the_page_with_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let r = read_fixture(&fixture("people/marie-claire-dubois.json"));
    let page = dir.path().join("cv.html");
    std::fs::write(&page, to_html(&r)).unwrap();
    let pdf = dir.path().join("cv.pdf");
    let status = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("chromium is installed (.ci/run installs it)");
    assert!(status.success());
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed");
    let text = String::from_utf8_lossy(&text.stdout).replace('\u{202f}', " ");
    let flat = resumeconv::doc::collapse(&text);
    let b = r.basics.as_ref().unwrap();
    for field in [b.name.as_deref(), b.email.as_deref()]
        .into_iter()
        .flatten()
        .chain(
            r.work
                .iter()
                .flatten()
                .filter_map(|w| w.position.as_deref()),
        )
        .chain(
            r.work
                .iter()
                .flatten()
                .flat_map(|w| w.highlights.iter().flatten().map(String::as_str)),
        )
    {
        let field = resumeconv::doc::collapse(field);
        assert!(flat.contains(&field), "{field:?} not printed:\n{text}");
    }
}

/// A page as a JSON Resume theme or a web CV builder writes it: divs with classes, icons,
/// dates in spans beside the title, a skills table, hidden and decorative elements.
const THEME_LIKE: &str = r#"<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Lebenslauf</title>
<style>.hidden{display:none}</style><script>var tracking = "Ignore me";</script></head>
<body>
<div class="resume">
  <div class="header">
    <h1 class="name">Jonas   Brandt</h1>
    <div class="label">Softwareentwickler</div>
    <ul class="contact">
      <li><i class="fa fa-envelope" aria-hidden="true"></i> <a href="mailto:jonas.brandt@example.de">jonas.brandt@example.de</a></li>
      <li><i class="fa fa-phone"></i> +49 30 1234567</li>
      <li>Berlin, DE</li>
    </ul>
  </div>
  <section id="work">
    <h2>Berufserfahrung</h2>
    <div class="item">
      <h3><span class="position">Backend-Entwickler</span>, <span class="company">Nordlicht GmbH</span></h3>
      <span class="date">03/2020 – heute</span>
      <ul class="highlights"><li>Zahlungsdienst in Rust neu geschrieben</li><li>Team von vier Leuten betreut</li></ul>
    </div>
    <div class="item">
      <h3><span class="position">Werkstudent</span>, <span class="company">Kiezware UG</span></h3>
      <span class="date">10/2017 – 02/2020</span>
      <p>Interne Werkzeuge in Python.</p>
    </div>
  </section>
  <section id="education">
    <h2>Ausbildung</h2>
    <div class="item"><h3>Technische Universität Berlin</h3><p>M.Sc. Informatik</p><span class="date">2015 – 2017</span></div>
  </section>
  <section id="skills">
    <h2>Kenntnisse</h2>
    <table><tr><th>Sprachen</th><td>Rust, Go, Python</td></tr><tr><th>Werkzeuge</th><td>Docker, Kafka</td></tr></table>
  </section>
  <p class="hidden">Geheimer Text</p>
  <div hidden>Noch geheimer</div>
</div>
</body></html>"#;

#[test]
fn pages_by_other_hands_are_read_by_their_structure() {
    let r = read_html(THEME_LIKE).resume;
    let b = r.basics.clone().unwrap_or_default();
    assert_eq!(b.name.as_deref(), Some("Jonas Brandt"));
    assert_eq!(b.email.as_deref(), Some("jonas.brandt@example.de"));
    let work = r.work.clone().unwrap_or_default();
    assert_eq!(work.len(), 2, "{work:#?}");
    assert_eq!(work[0].name.as_deref(), Some("Nordlicht GmbH"));
    assert_eq!(work[0].position.as_deref(), Some("Backend-Entwickler"));
    assert_eq!(work[0].start_date.as_deref(), Some("2020-03"));
    assert_eq!(work[0].highlights.as_ref().map(Vec::len), Some(2));
    let edu = r.education.clone().unwrap_or_default();
    assert_eq!(
        edu[0].institution.as_deref(),
        Some("Technische Universität Berlin")
    );
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("Kafka"), "{json}");
    for hidden in ["Ignore me", "Geheimer", "geheimer"] {
        assert!(!json.contains(hidden), "{hidden} read: {json}");
    }
}

#[test]
fn broken_and_hostile_markup_reads_like_a_browser_would() {
    // Unclosed elements, stray closing tags, entities, a <pre> block.
    let broken = "<html><body><h1>Ana Lima<h2>Experience</h2><h3>Acme &amp; Co — Engineer</h3>\
        <p>2019 – 2021<ul><li>Built <b>things</li><li>Fixed &lt;stuff&gt;</ul></div></span>\
        <pre>line one\n  line two</pre>";
    let r = read_html(broken).resume;
    assert_eq!(r.basics.unwrap().name.as_deref(), Some("Ana Lima"));
    let w = r.work.unwrap_or_default();
    assert_eq!(w[0].name.as_deref(), Some("Acme & Co"));
    assert_eq!(
        w[0].highlights.as_ref().map(|h| h[1].as_str()),
        Some("Fixed <stuff>")
    );
    // Nesting a real page never reaches is read without using the stack; nesting that would
    // cost an HTML parser minutes is refused at once, naming the line.
    let deep = format!("<h1>Ana Lima</h1>{}<p>Deep</p>", "<div><span>".repeat(500));
    let doc = resumeconv::read_doc(deep.as_bytes(), Format::Html, "deep.html").unwrap();
    assert!(doc.blocks.iter().any(|b| b.text() == "Deep"));
    let hostile = format!("<h1>Ana Lima</h1>\n{}", "<div>".repeat(200_000));
    let started = std::time::Instant::now();
    let err = resumeconv::read_doc(hostile.as_bytes(), Format::Html, "deep.html").unwrap_err();
    assert_eq!(
        err.to_string(),
        "deep.html: line 2: elements nested deeper than 1024"
    );
    assert!(started.elapsed().as_secs() < 2);
    // Unclosed paragraphs and list items are siblings, not nesting.
    let flat = format!("<h1>Ana Lima</h1>{}", "<p>para<li>item".repeat(5_000));
    assert!(resumeconv::read_doc(flat.as_bytes(), Format::Html, "flat.html").is_ok());
}

#[test]
fn html_converts_on_the_command_line_and_is_detected_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("cv.txt"); // a web page saved under the wrong name
    std::fs::write(&page, THEME_LIKE).unwrap();
    let out = resumeconv()
        .arg(&page)
        .args(["-t", "json"])
        .assert()
        .success();
    let json = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(json.contains("Jonas Brandt"), "{json}");
    resumeconv()
        .arg(fixture("json/complete.json"))
        .arg("-o")
        .arg(dir.path().join("cv.html"))
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.path().join("cv.html")).unwrap();
    assert!(html.contains("<section>"));
}

/// The same fictional person laid out the ways web themes lay out entries: (a) the dates in
/// a classed span beside the title and the section name in a plain div, (b) a date column
/// before each entry with a computed duration, in French; (c) tags as repeated spans.
fn variant(layout: char) -> String {
    let entry = |title: &str, org: &str, dates: &str, duration: &str| match layout {
        'a' => format!(
            "<div class=\"job\"><div class=\"head\"><span class=\"title\">{title}</span>\
             <span class=\"date\">{dates}</span></div><div class=\"meta\">{org}</div>\
             <ul><li>Ran the night shift</li></ul></div>"
        ),
        _ => format!(
            "<div class=\"item\"><div class=\"section-date\"><code class=\"date\"><span>{dates}</span></code>\
             <code class=\"date\"><span>{duration}</span></code></div><div><h3>{title}</h3>\
             <div>{org}</div><ul><li>Ran the night shift</li></ul></div></div>"
        ),
    };
    let (heading, skills) = if layout == 'a' {
        (
            "<div class=\"section-name\"><span>Experience</span></div>",
            "<div class=\"section-name\">Skills</div>",
        )
    } else {
        (
            "<h2>Expériences professionnelles</h2>",
            "<h2>Compétences</h2>",
        )
    };
    let (d1, d2) = if layout == 'a' {
        ("Feb 2021 — Present", "Jun 2015 — Jan 2021")
    } else {
        ("Févr. 2021 - Aujourd'hui", "Juin 2015 - Janv. 2021")
    };
    format!(
        "<!doctype html><html><body><h1>Inès Moreau</h1><p>ines.moreau@example.fr</p>{heading}{}{}\
         {skills}<div><span class=\"tag\">Triage</span> <span class=\"tag\">Ventilation</span> \
         <span class=\"tag\">Epic</span></div></body></html>",
        entry("Charge Nurse", "Hôpital Saint-Roch", d1, "3 ans 11 mois"),
        entry("Staff Nurse", "Clinique du Parc", d2, "5 ans 7 mois"),
    )
}

#[test]
fn dates_beside_or_before_entries_and_tags_side_by_side() {
    for layout in ['a', 'b'] {
        let r = read_html(&variant(layout)).resume;
        let work = r.work.clone().unwrap_or_default();
        assert_eq!(work.len(), 2, "layout {layout}: {work:#?}");
        assert_eq!(
            work[0].start_date.as_deref(),
            Some("2021-02"),
            "layout {layout}"
        );
        assert_eq!(work[0].end_date, None, "layout {layout}");
        assert_eq!(
            work[1].start_date.as_deref(),
            Some("2015-06"),
            "layout {layout}"
        );
        assert_eq!(
            work[1].end_date.as_deref(),
            Some("2021-01"),
            "layout {layout}"
        );
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("mois"), "a duration is no field: {json}");
        let skills: Vec<String> = r
            .skills
            .iter()
            .flatten()
            .flat_map(|s| s.name.iter().chain(s.keywords.iter().flatten()).cloned())
            .collect();
        for tag in ["Triage", "Ventilation", "Epic"] {
            assert!(
                skills.iter().any(|s| s == tag),
                "layout {layout}: {skills:?}"
            );
        }
    }
}

/// A sidebar written before the main column (skills and languages before the name), section
/// names in plain elements of containers whose id says the section, icons between the parts
/// of a line: the name still heads the résumé, the headline is the headline, and the place
/// after the pin icon is the entry's place. (A headline set as a heading after the contact
/// lines is not read yet: extraction leaves it unplaced, with a warning.)
const SIDEBAR_FIRST: &str = r#"<!doctype html><html><body>
<aside><h2>Compétences</h2><ul><li>Python</li><li>SQL</li></ul>
<h2>Langues</h2><p>Français : natif</p></aside>
<main>
<h1>Lucas Bernard</h1>
<p><i class="fa-solid fa-envelope"></i> lucas.bernard@example.fr</p>
<h2>Ingénieur logiciel</h2>
<p>Je conçois des services de paiement fiables.</p>
<div id="experience-block"><div class="title"><span>Parcours</span></div>
<div class="item"><h3>Développeur backend</h3><p>Mars 2019 - Aujourd'hui</p>
<p><span>Banque Lumière</span><span><i class="fa-solid fa-location-dot"></i> Lyon</span></p></div></div>
</main></body></html>"#;

#[test]
fn a_sidebar_before_the_name_and_icons_between_fields() {
    let r = read_html(SIDEBAR_FIRST).resume;
    let b = r.basics.clone().unwrap_or_default();
    assert_eq!(b.name.as_deref(), Some("Lucas Bernard"));
    assert_eq!(b.email.as_deref(), Some("lucas.bernard@example.fr"));
    let work = r.work.clone().unwrap_or_default();
    assert_eq!(work.len(), 1, "{work:#?}");
    assert_eq!(work[0].start_date.as_deref(), Some("2019-03"));
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(
        work[0].name.as_deref(),
        Some("Banque Lumière"),
        "the pin separates the place"
    );
    assert_eq!(work[0].location.as_deref(), Some("Lyon"));
    assert!(json.contains("Python"), "{json}");
}
