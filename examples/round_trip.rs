//! Runs the realistic-résumé generator of the tests (tests/cli/realistic.rs) through
//! any writable format (Markdown, DOCX and PDF by default) and back, reading the visible text only, and counts the cases that
//! do not come back exactly, by the kind of field that differs:
//! `cargo run --release --example round_trip -- 10000 [md,docx,pdf] [--show N] [--embedded]`.

#[path = "../tests/cli/realistic.rs"]
#[allow(dead_code)]
mod realistic;

use resumeconv::Format;
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cases: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let formats = args.get(1).map_or("md,docx,pdf", String::as_str);
    let show: usize = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    // `--embedded`: read back through the JSON Resume the file carries (the default reading);
    // without it, through the visible text or fields only.
    let opts = resumeconv::ReadOptions {
        ignore_embedded: !args.iter().any(|a| a == "--embedded"),
        ..resumeconv::ReadOptions::default()
    };
    // `--dump DIR`: write each case's visible JSON (DIR/FORMAT/gold) and what was read back
    // (DIR/FORMAT/pred), for ../shared/eval/score.py --dir.
    // `--theme NAME`: the design PDF, DOCX and HTML are written in.
    let theme = args
        .iter()
        .position(|a| a == "--theme")
        .and_then(|i| args.get(i + 1))
        .and_then(|t| <resumeconv::theme::ThemeName as clap::ValueEnum>::from_str(t, true).ok())
        .unwrap_or_default();
    // `--lang TAG`: the language section titles and dates are printed in.
    let lang = args
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let write = resumeconv::WriteOptions {
        theme: resumeconv::theme::ThemeOptions {
            name: theme,
            ..Default::default()
        },
        lang,
        ..Default::default()
    };
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let mut failed_any = false;
    for name in formats.split(',') {
        let Some(format) = Format::from_name(name) else {
            eprintln!("unknown format {name}");
            std::process::exit(2);
        };
        let mut kinds: BTreeMap<String, (usize, u64, String)> = BTreeMap::new();
        let mut failed = 0;
        for n in 0..cases {
            let r = realistic::resume(n);
            let bytes = match resumeconv::render_with(&r, format, &write) {
                Ok(b) => b,
                Err(e) => {
                    failed += 1;
                    kinds
                        .entry(format!("render error {e}"))
                        .or_insert((0, n, String::new()))
                        .0 += 1;
                    continue;
                }
            };
            let back = match resumeconv::read_resume_opts(&bytes, format, "case", &opts) {
                Ok(b) => b.resume,
                Err(e) => {
                    failed += 1;
                    kinds
                        .entry(format!("read error {e}"))
                        .or_insert((0, n, String::new()))
                        .0 += 1;
                    continue;
                }
            };
            let (a, b) = (realistic::visible(&r), realistic::visible(&back));
            if let Some(dir) = &dump {
                for (sub, v) in [("gold", &a), ("pred", &b)] {
                    let d = dir.join(name).join(sub);
                    let _ = std::fs::create_dir_all(&d);
                    let _ = std::fs::write(d.join(format!("{n}.json")), v.to_string());
                }
            }
            if let Some(d) = realistic::first_difference(&a, &b, "") {
                failed += 1;
                let kind: String = d
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .chars()
                    .filter(|c| !c.is_ascii_digit())
                    .collect();
                let e = kinds.entry(kind).or_insert((0, n, d.clone()));
                e.0 += 1;
            }
        }
        failed_any |= failed > 0;
        println!(
            "{name}: {} of {cases} exact, {failed} differ",
            cases as usize - failed
        );
        let mut sorted: Vec<_> = kinds.into_iter().collect();
        sorted.sort_by_key(|k| std::cmp::Reverse(k.1.0));
        for (kind, (count, case, example)) in sorted.into_iter().take(show.max(1) * 10) {
            println!(
                "  {count:5}  {kind}   (case {case}: {})",
                example.chars().take(300).collect::<String>()
            );
        }
    }
    if failed_any {
        std::process::exit(1);
    }
}
