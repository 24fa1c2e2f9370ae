//! The scanners against the regular expressions they replaced, on generated lines.

use super::*;
use crate::testgen::Gen;
use regex::Regex;

fn email_oracle() -> Regex {
    Regex::new(r"(?i)(?-u:\b)(?:mailto:)?([a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?-u:\b)")
        .unwrap_or_else(|e| panic!("{e}"))
}

fn url_oracle() -> Regex {
    Regex::new(r"(?i)(?:(?-u:\b)(?P<label>[a-z][a-z ]{1,12}):\s*)?(?P<url>(?-u:\b)(?:https?://|www\.)(?:[^\s<>()\[\]]|\([^\s<>()\[\]]*\))+|(?-u:\b)[\p{L}0-9][\p{L}0-9-]*(?:\.[\p{L}0-9-]+)*\.(?:com|org|net|io|dev|me|co|app|ai|info|biz|blog|page|site|tech|xyz|us|uk|de|fr|es|it|nl|se|no|dk|fi|pl|ch|at|be|ca|au|nz|in|jp|cn|br|eu|edu|gov|ly|sh|cc|tv|gg|id|social)(?-u:\b)(?:/(?:[^\s<>()\[\]]|\([^\s<>()\[\]]*\))*)?)")
        .unwrap_or_else(|e| panic!("{e}"))
}

fn phone_oracle() -> Regex {
    Regex::new(
        r"(?:^|[^[A-Za-z0-9_]/.-])(?P<p>\+?\(?[0-9][[0-9]\s().\-]{5,}[0-9])(?:$|[^[A-Za-z0-9_]/-])",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Pieces of contact lines: addresses whole and in parts, labels, numbers, punctuation.
const PIECES: &[&str] = &[
    "ana.lind@example.com",
    "a@b.co",
    "x_y%z+1@mail.co.uk",
    "mailto:",
    "MAILTO:",
    "@",
    "@@",
    "first.last",
    "example",
    "com",
    "co",
    "uk",
    ".",
    "..",
    "-",
    "_",
    "x",
    "é",
    "ü",
    "Ω",
    "ß",
    "https://",
    "http://",
    "HTTPS://",
    "www.",
    "WWW.",
    "github.com/ana",
    "linkedin.com/in/ana-l",
    "ana.dev",
    "blog.example.org/post",
    "münchen.de",
    "site.io/(x)",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    "/",
    "?",
    "#",
    ":",
    ": ",
    "blog",
    "Blog",
    "web site",
    "portfolio",
    "GitHub",
    "e-mail",
    "co-op",
    "company",
    "comx",
    "9",
    "123",
    "+49",
    "+1 (555) 123-4567",
    "030 1234 5678",
    "(0)30",
    "12.34.56.78.90",
    "2010-2014",
    "555-0199",
    "1",
    "12",
    "2019",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\u{202f}",
    "|",
    "·",
    ",",
    ";",
    "tel",
    "Phone:",
    "a1",
    "v2.0",
    "3.14",
];

fn generated(g: &mut Gen) -> String {
    let n = 1 + g.below(9);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(g.pick(PIECES));
        if g.below(3) == 0 {
            s.push(' ');
        }
    }
    s
}

#[test]
fn the_scanners_find_what_the_expressions_found() {
    let (email, url, phone) = (email_oracle(), url_oracle(), phone_oracle());
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    let mut found = [0usize; 3];
    for case in 0..40_000 {
        let s = generated(&mut g);
        let want: Vec<Email> = email
            .captures_iter(&s)
            .filter_map(|c| {
                Some(Email {
                    all: c.get(0)?.range(),
                    address: c.get(1)?.range(),
                })
            })
            .collect();
        assert_eq!(emails(&s), want, "case {case}: e-mail in {s:?}");
        let want: Vec<Url> = url
            .captures_iter(&s)
            .filter_map(|c| {
                Some(Url {
                    label: c.name("label").map(|m| m.range()),
                    url: c.name("url")?.range(),
                })
            })
            .collect();
        assert_eq!(urls(&s), want, "case {case}: web address in {s:?}");
        let want: Vec<Range<usize>> = phone
            .captures_iter(&s)
            .filter_map(|c| Some(c.name("p")?.range()))
            .collect();
        assert_eq!(phones(&s), want, "case {case}: phone in {s:?}");
        for (i, n) in [emails(&s).len(), urls(&s).len(), phones(&s).len()]
            .into_iter()
            .enumerate()
        {
            found[i] += n;
        }
    }
    assert!(found.iter().all(|&n| n > 5_000), "found {found:?}");
}

#[test]
fn long_hostile_lines_stay_linear() {
    // Runs that fail at every start are skipped as a whole, not retried at each character.
    for text in [
        "a.".repeat(200_000),
        "a-".repeat(200_000) + "@",
        "1-".repeat(200_000) + "x",
        "x.".repeat(100_000) + "@" + &"y.".repeat(100_000),
    ] {
        let start = std::time::Instant::now();
        let _ = (emails(&text), urls(&text), phones(&text));
        assert!(start.elapsed().as_secs() < 5, "{}", &text[..20]);
    }
}
