//! Prints case N of the realistic generator (tests/cli/realistic.rs) as JSON and as
//! Markdown, and what reading the Markdown gives: `cargo run --release --example show_case -- N [FORMAT]`.

#[path = "../tests/cli/realistic.rs"]
#[allow(dead_code)]
mod realistic;

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0);
    let format = std::env::args()
        .nth(2)
        .and_then(|f| resumeconv::Format::from_name(&f))
        .unwrap_or(resumeconv::Format::Markdown);
    let r = realistic::resume(n);
    let md = resumeconv::render(&r, resumeconv::Format::Markdown).unwrap_or_default();
    println!("{}", String::from_utf8_lossy(&md));
    let bytes = match resumeconv::render(&r, format) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("render: {e}");
            return;
        }
    };
    if format != resumeconv::Format::Markdown {
        let _ = std::fs::write("/tmp/case.out", &bytes);
        let blocks = resumeconv::read_doc(&bytes, format, "case")
            .map(|d| d.blocks)
            .unwrap_or_default();
        for b in blocks {
            let spans: Vec<String> = b
                .spans
                .iter()
                .map(|s| {
                    let b = if s.bold { "*" } else { "" };
                    let i = if s.italic { "_" } else { "" };
                    let l = if s.link.is_some() { "@" } else { "" };
                    format!("{b}{i}{}{l}", s.text)
                })
                .collect();
            let right: Vec<&str> = b.right.iter().map(|s| s.text.as_str()).collect();
            println!("DOC {:?} {spans:?} | {right:?}", b.kind);
        }
    }
    let opts = resumeconv::ReadOptions {
        ignore_embedded: true,
        ..Default::default()
    };
    let back = resumeconv::read_resume_opts(&bytes, format, "case", &opts)
        .map(|b| b.resume)
        .unwrap_or_default();
    let (a, b) = (realistic::visible(&r), realistic::visible(&back));
    let mut path_a = Vec::new();
    diff(&a, &b, "", &mut path_a);
    for d in path_a {
        println!("DIFF {d}");
    }
}

fn diff(a: &serde_json::Value, b: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    use serde_json::Value::{Array, Null, Object};
    match (a, b) {
        (Object(x), Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                diff(
                    x.get(k).unwrap_or(&Null),
                    y.get(k).unwrap_or(&Null),
                    &format!("{path}.{k}"),
                    out,
                );
            }
        }
        (Array(x), Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y.iter()).enumerate() {
                diff(p, q, &format!("{path}[{i}]"), out);
            }
        }
        _ if a == b => {}
        _ => out.push(format!("{path}: {a} → {b}")),
    }
}
