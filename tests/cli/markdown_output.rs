//! Markdown output: snapshots, the lossless round trip JSON → Markdown → JSON for every
//! fixture, and Markdown that parses back to the document it was written from.

use crate::common::{json_fixtures, resumeconv};
use resumeconv::model::Resume;
use resumeconv::{Format, doc::Doc};

/// What a document can show: everything but `meta`, `$schema`, unknown keys and empty lists.
pub fn printable(r: &Resume) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap();
    if let Some(o) = v.as_object_mut() {
        o.remove("meta");
        o.remove("$schema");
        // The photo's address is not printed: it travels in the embedded data only.
        if let Some(b) = o.get_mut("basics").and_then(|b| b.as_object_mut()) {
            b.remove("image");
        }
    }
    fn strip(v: &mut serde_json::Value, schema: &serde_json::Value) {
        match v {
            serde_json::Value::Object(o) => {
                o.retain(|k, val| {
                    let known = schema.get(k).is_some();
                    let empty = matches!(val, serde_json::Value::Array(a) if a.is_empty())
                        || matches!(val, serde_json::Value::String(s) if s.is_empty());
                    known && !empty
                });
                for (k, val) in o.iter_mut() {
                    strip(val, &schema[k]);
                }
            }
            serde_json::Value::Array(a) => {
                for x in a {
                    strip(x, &schema["[]"]);
                }
            }
            _ => {}
        }
    }
    let shape = shape_of_schema();
    strip(&mut v, &shape);
    v
}

/// Field names per object of the JSON Resume schema, as a nested map (`[]` for items).
fn shape_of_schema() -> serde_json::Value {
    let schema: serde_json::Value = serde_json::from_str(resumeconv::validate::SCHEMA).unwrap();
    fn walk(s: &serde_json::Value) -> serde_json::Value {
        let mut out = serde_json::Map::new();
        if let Some(props) = s.get("properties").and_then(|p| p.as_object()) {
            for (k, p) in props {
                out.insert(k.clone(), walk(p));
            }
        }
        if let Some(items) = s.get("items") {
            out.insert("[]".into(), walk(items));
        }
        serde_json::Value::Object(out)
    }
    walk(&schema)
}

fn to_markdown(r: &Resume) -> String {
    String::from_utf8(resumeconv::render(r, Format::Markdown).unwrap()).unwrap()
}

fn read_fixture(f: &std::path::Path) -> Resume {
    resumeconv::read::json::read(&std::fs::read(f).unwrap(), "x").unwrap()
}

#[test]
fn every_fixture_round_trips_through_markdown() {
    for f in json_fixtures() {
        let original = read_fixture(&f);
        let md = to_markdown(&original);
        let back = resumeconv::read_resume(md.as_bytes(), Format::Markdown, "x")
            .unwrap()
            .resume;
        assert_eq!(
            printable(&back),
            printable(&original),
            "{}\n--- markdown ---\n{md}",
            f.display()
        );
    }
}

/// A run of text with its bold, italic and link.
type Run = (String, bool, bool, Option<String>);

#[test]
fn markdown_parses_back_to_the_same_doc() {
    fn shape(d: &Doc) -> Vec<(resumeconv::doc::Kind, Vec<Run>)> {
        d.blocks
            .iter()
            .map(|b| {
                let mut runs: Vec<Run> = Vec::new();
                for s in &b.spans {
                    match runs.last_mut() {
                        Some(last)
                            if last.1 == s.bold && last.2 == s.italic && last.3 == s.link =>
                        {
                            last.0.push_str(&s.text)
                        }
                        _ => runs.push((s.text.clone(), s.bold, s.italic, s.link.clone())),
                    }
                }
                (b.kind, runs)
            })
            .collect()
    }
    for f in json_fixtures() {
        let doc = resumeconv::present::present(&read_fixture(&f));
        let md = resumeconv::write::markdown::to_string(&doc);
        let back = resumeconv::read::markdown::read(&md);
        // Markdown has no flush-right text: a heading's right part (an entry's dates) is
        // written as the paragraph under it, and read back as one.
        let mut expected = Doc::default();
        for b in &doc.blocks {
            let mut main = b.clone();
            main.right.clear();
            expected.blocks.push(main);
            if !b.right.is_empty() {
                let under = resumeconv::doc::Block::new(
                    resumeconv::doc::Kind::Paragraph,
                    b.right.clone(),
                    b.line,
                );
                expected.blocks.push(under);
            }
        }
        assert_eq!(shape(&back), shape(&expected), "{}", f.display());
    }
}

#[test]
fn snapshots() {
    for f in json_fixtures() {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(format!("md-{name}"), to_markdown(&read_fixture(&f)));
    }
}

#[test]
fn markdown_to_stdout() {
    let f = json_fixtures()
        .into_iter()
        .find(|p| p.ends_with("minimal.json"))
        .unwrap();
    resumeconv()
        .arg(f)
        .args(["-t", "md"])
        .assert()
        .success()
        .stdout("# Mo Chen\n");
}

#[test]
fn markdown_significant_characters_are_escaped() {
    let r: Resume = serde_json::from_str(
        r##"{"basics": {"name": "Ana Silva", "summary": "# not a heading\n1. not a list\n- not a bullet"},
             "work": [{"name": "A*B_C", "position": "Engineer", "highlights": ["Wrote `*` and _x_ [not a link](y) <b>"]}]}"##,
    )
    .unwrap();
    let md = to_markdown(&r);
    let back = resumeconv::read_resume(md.as_bytes(), Format::Markdown, "x")
        .unwrap()
        .resume;
    assert_eq!(printable(&back), printable(&r), "{md}");
}
