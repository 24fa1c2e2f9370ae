//! Prints the `Doc` a reader makes of a file, one block a line (for developing readers and
//! extraction): `cargo run --release --example dump_doc -- FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let format = match resumeconv::detect_format(&path, &bytes, None) {
        Ok(f) => f,
        Err(e) => return eprintln!("{e}"),
    };
    let doc = match resumeconv::read_doc(&bytes, format, &path) {
        Ok(d) => d,
        Err(e) => return eprintln!("{e}"),
    };
    for b in &doc.blocks {
        let spans: Vec<String> = b
            .spans
            .iter()
            .map(|s| {
                let mut t = s.text.replace('\n', "⏎");
                if s.bold {
                    t = format!("**{t}**");
                }
                if s.italic || s.underline {
                    t = format!("_{t}_");
                }
                if let Some(l) = &s.link {
                    t = format!("[{t}]({l})");
                }
                t
            })
            .collect();
        let right: String = b.right.iter().map(|s| s.text.as_str()).collect();
        let right = if right.is_empty() {
            String::new()
        } else {
            format!("  ⟶ {right}")
        };
        println!("{:>4} {:?}: {}{right}", b.line, b.kind, spans.join("‖"));
    }
}
