//! Each shape against the expression it replaced, on generated lines.

use super::*;
use crate::testgen::agree;
use regex::Regex;

fn oracle(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("{e}"))
}

const GAPS: &[&str] = &[" ", " ", "", "  ", "\t", "\u{a0}", "\n", ", "];

#[test]
fn language_lines() {
    let re = oracle(r"^(?P<lang>\p{L}[\p{L} ]+?)\s*(?:\((?P<f1>[^)]+)\)|[:\-–—,]\s*(?P<f2>.+))?$");
    let pieces: &[&str] = &[
        "English",
        "Français",
        "Русский",
        "Deutsch",
        "Brazilian Portuguese",
        "(native)",
        "(B2",
        ")",
        "(",
        "( )",
        ":",
        "-",
        "–",
        "—",
        ",",
        "fluent",
        "C1",
        "Muttersprache",
        "x",
        "é",
        "1",
        "(Native speaker)",
        "((a))",
        "A",
        "  ",
    ];
    let bit = agree(
        11,
        30_000,
        (pieces, GAPS, 5),
        |s| {
            re.captures(s).map(|c| {
                let lang = c.name("lang").map(|m| m.range()).unwrap_or_default();
                (
                    lang,
                    c.name("f1").or_else(|| c.name("f2")).map(|m| m.range()),
                )
            })
        },
        language_line,
    );
    assert!(bit > 3_000, "{bit}");
}

#[test]
fn testimonials() {
    let re = oracle(r#"^["“„«](?P<q>.{20,}?)["”“»]\s*(?:-|–|—|--|―|~)\s*(?P<who>[^\s].{1,80})$"#);
    // Built in the order a testimonial has, each part varied or left out.
    let opens: &[&str] = &["“", "\"", "«", "„", "", "x"];
    let quotes: &[&str] = &[
        "Lena turned our forecasts around",
        "short",
        "a quote with “inner” marks in it ok",
        "twenty characters ok",
        "line\nbreak inside the quote here",
    ];
    let closes: &[&str] = &["”", "\"", "»", "“", ""];
    let gaps: &[&str] = &["", " ", "  ", "\n", "\t"];
    let dashes: &[&str] = &["-", "–", "—", "--", "―", "~", "", ":"];
    let whos: &[&str] = &[
        "Jonas Weber, Head of Operations",
        "J",
        "Jo",
        " ",
        "x\ny",
        "a very long attribution that goes on and on past the eighty characters a name may take",
    ];
    let mut g = crate::testgen::Gen(12);
    let mut bit = 0;
    for case in 0..30_000 {
        let mut t = String::new();
        for part in [opens, quotes, closes, gaps, dashes, gaps, whos] {
            t.push_str(g.pick(part));
        }
        let want = re
            .captures(&t)
            .and_then(|c| Some((c.name("q")?.range(), c.name("who")?.range())));
        assert_eq!(testimonial(&t), want, "case {case}: {t:?}");
        bit += usize::from(want.is_some());
    }
    assert!(bit > 2_000, "{bit}");
}

#[test]
fn postal_codes_and_cities() {
    let re = oracle(
        r"^((?:[A-Z]{1,3}\s+)?[0-9A-Z]*[0-9][0-9A-Z-]*(?:\s+[0-9A-Z]*[0-9][0-9A-Z]*|\s+[A-Z]{2})?)\s+(\p{Lu}[\p{L} .'-]*)$",
    );
    let pieces: &[&str] = &[
        "211",
        "43",
        "10115",
        "D-10115",
        "SW1A",
        "1AA",
        "1012",
        "AB",
        "CA",
        "94115",
        "NSW",
        "Malmö",
        "London",
        "San Francisco",
        "St. John's",
        "Île-de-France",
        "berlin",
        "A1-",
        "-12",
        "X",
        "12-",
        "Ørsted",
        "x1",
        "ABCD",
    ];
    let bit = agree(
        13,
        30_000,
        (pieces, &[" ", " ", "  ", "\t", "\u{a0}", ""], 5),
        |s| {
            re.captures(s)
                .and_then(|c| Some((c.get(1)?.range(), c.get(2)?.range())))
        },
        postal_code_and_city,
    );
    assert!(bit > 1_500, "{bit}");
    let re = oracle(r"^[0-9][[0-9] -]{1,8}[0-9]\s+\p{Lu}|^[A-Z]{2}\s+[0-9]{5}");
    let bit = agree(
        14,
        30_000,
        (pieces, &[" ", " ", "  ", "-", ""], 5),
        |s| re.is_match(s),
        starts_with_postal_code,
    );
    assert!(bit > 1_500, "{bit}");
}

#[test]
fn lowercase_comments_in_brackets() {
    let re = oracle(r"^(.+?)\s+\((\p{Ll}[^()]*)\)$");
    let pieces: &[&str] = &[
        "Linux",
        "(uso diário; entusiasta de distros)",
        "(EC2, S3)",
        "(",
        ")",
        "(a)",
        "x",
        "AWS",
        "é",
        "(évalué)",
        "(Évalué)",
    ];
    let bit = agree(
        15,
        30_000,
        (pieces, GAPS, 5),
        |s| {
            re.captures(s)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string())
        },
        |s| before_lowercase_comment(s).map(str::to_string),
    );
    assert!(bit > 3_000, "{bit}");
}
