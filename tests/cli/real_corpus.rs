//! The real résumés of `../shared/real` (other people's CVs and template samples, every input
//! format, seven languages): each has a floor in `tests/real-floors.tsv` that its F1 may not
//! fall below (floors only ever rise, when a change lifts a document), and the test prints the
//! micro-averaged F1 of the tuning part and of the held-out part of the fixed split in
//! `tests/real-split.tsv`, per input format.

use crate::accuracy::{convert_all, files, shared};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn table(name: &str) -> BTreeMap<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (a, b) = l.split_once('\t')?;
            Some((a.to_string(), b.trim().to_string()))
        })
        .collect()
}

#[test]
fn every_real_document_holds_its_floor() {
    let real = shared().join("real");
    let inputs: Vec<PathBuf> = files(&real, &["md", "txt", "pdf", "docx"]);
    let split = table("real-split.tsv");
    let floors = table("real-floors.tsv");
    assert_eq!(
        inputs.len(),
        split.len(),
        "every real document is in the split"
    );
    let out = tempfile::tempdir().unwrap();
    convert_all(&inputs, out.path());
    // Micro-averaged figures from the scorer's own fact counts.
    let script = format!(
        r#"
import json, sys, os
sys.path.insert(0, {eval:?})
import score as sc
real, pred = {real:?}, {pred:?}
out = {{}}
for name in sorted(os.listdir(pred)):
    stem = name[:-5]
    g = json.load(open(os.path.join(real, stem + '.json')))
    p = json.load(open(os.path.join(pred, name)))
    t = sc.total(sc.score(g, p))
    out[stem] = [t.tp, t.fp, t.fn]
print(json.dumps(out))
"#,
        eval = shared().join("eval").display().to_string(),
        real = real.display().to_string(),
        pred = out.path().display().to_string(),
    );
    let res = std::process::Command::new("python3")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("python3 runs the scorer");
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let counts: BTreeMap<String, [f64; 3]> = serde_json::from_slice(&res.stdout).unwrap();
    let f1 = |[tp, fp, fn_]: [f64; 3]| {
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fn_)
        }
    };
    let mut sums: BTreeMap<(String, String), [f64; 3]> = BTreeMap::new();
    let mut below = Vec::new();
    for (stem, c) in &counts {
        let format = inputs
            .iter()
            .find(|p| p.file_stem().is_some_and(|s| s.to_string_lossy() == *stem))
            .and_then(|p| p.extension())
            .map(|e| e.to_string_lossy().to_string())
            .unwrap_or_default();
        let part = split.get(stem).cloned().unwrap_or_default();
        for key in [(part.clone(), format.clone()), (part, "all".into())] {
            let s = sums.entry(key).or_default();
            for i in 0..3 {
                s[i] += c[i];
            }
        }
        let floor: f64 = floors
            .get(stem)
            .unwrap_or_else(|| panic!("{stem} has no floor in tests/real-floors.tsv"))
            .parse()
            .unwrap();
        if f1(*c) + 1e-9 < floor {
            below.push(format!("{stem}: {:.3} below its floor {floor:.3}", f1(*c)));
        }
    }
    for ((part, format), c) in &sums {
        println!("real résumés, {part:8} {format:4}: F1 {:.3}", f1(*c));
    }
    assert!(below.is_empty(), "{}", below.join("\n"));
}
