//! Every pattern of the table through both engines: the light one must find what the full one
//! finds, groups and all, on generated lines made of the pieces the patterns look for.

use super::ALL;
use crate::regex_util::lite_pattern;
use crate::testgen::Gen;

/// Words the patterns look for, in several cases, and the marks and spaces around them.
const PIECES: &[&str] = &[
    "Page",
    "page",
    "PAGE",
    "Seite",
    "página",
    "PÁGINA",
    "pagina",
    "strona",
    "of",
    "von",
    "de",
    "di",
    "z",
    "/",
    "1",
    "2",
    "12",
    "3.8",
    "4,0",
    "123",
    "2:1",
    "GPA",
    "gpa",
    "Grade",
    "CGPA",
    "score",
    "honours",
    "Honors",
    "distinction",
    "cum laude",
    "mention",
    "first class",
    "merit",
    "First",
    "1st",
    "upper second",
    "summa",
    "with",
    "graduated",
    "issued",
    "Awarded",
    "by",
    "from",
    "in",
    "of",
    "en",
    "in der",
    "della",
    "dans",
    "Relevant",
    "coursework",
    "Modules",
    "taken",
    "available",
    "on request",
    "upon",
    "provided",
    "photo",
    "Image",
    "headshot",
    "Address",
    "adresse",
    "Location",
    "based in",
    "lives in",
    "city",
    "IL",
    "62701",
    "94115-1234",
    "I am",
    "I'm",
    "I’m",
    "an",
    "a",
    "E-mail",
    "email",
    "Phone",
    "tel",
    "mobile",
    "web",
    "LinkedIn",
    "github",
    "skills",
    "skill",
    "include",
    "including",
    "skilled",
    "proficient",
    "proficiency",
    "with",
    "Cloud",
    "AWS",
    "Web",
    "JavaScript",
    "Acme",
    "Berlin",
    "x",
    "é",
    "Ł",
    "Üb",
    "{#id}",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    "*",
    "**",
    "__",
    "_",
    "=",
    "===",
    "#",
    "~",
    "+",
    "-",
    "--",
    "—",
    "–",
    "---",
    ":",
    ";",
    ",",
    ".",
    "|",
    "•",
    "·",
    "▪",
    "o",
    "a)",
    "(1)",
    "1.",
    "12)",
    "@",
    "a@b.co",
    "https://x.org",
    "mailto:a@b.co",
    "[link](https://x.org/p)",
    "**Ana",
    "Lind **",
    "**b**",
    "__b__",
    "(**x",
    "at",
    "presso",
    "chez",
    "bei",
    "bij",
    "Experience",
    "SKILLS",
];

/// How lines open and close: frames of titles, items, page numbers.
const OPENINGS: &[&str] = &[
    "",
    "",
    "",
    "[ ",
    "[",
    "== ",
    "** ",
    "=== ",
    "- ",
    "• ",
    "1. ",
    "(",
    "  ",
    "Page ",
    "\t",
    "IL 62701",
    "CA  94115-1234",
    "References available on request",
    "Provided upon request ",
    "Relevant coursework: ",
    "Courses – ",
    "Modules taken: ",
    "Location: ",
    "Photo: ",
    "E-mail: ",
    "GPA ",
    "issued by ",
    "IL ",
    "I am a ",
    "Web: ",
    "Cloud – ",
];
const CLOSINGS: &[&str] = &[
    "",
    "",
    "",
    " Photo:",
    " headshot : ",
    "\tPage 2",
    "    page 1 of 2",
    " ]",
    "]",
    " ==",
    " =====",
    " **",
    ")",
    " of 3",
    "  ",
];

const GAPS: &[&str] = &[
    " ", " ", " ", "", "  ", "   ", "\t", "\u{a0}", "\u{202f}", "\u{2009}", "\n", " \t ",
];

#[test]
fn the_light_engine_finds_what_the_full_engine_found() {
    let mut g = Gen(0x5eed_1e55_c0ff_ee00);
    // Whole-line patterns need whole-line shapes: a frame around a phrase, often.
    let mut lines: Vec<String> = (0..20_000)
        .map(|_| {
            let phrase = g.phrase(PIECES, GAPS, 6);
            format!("{}{phrase}{}", g.pick(OPENINGS), g.pick(CLOSINGS))
        })
        .collect();
    // And every piece alone, and in every opening.
    for p in PIECES.iter().chain(OPENINGS) {
        for o in OPENINGS {
            lines.push(format!("{o}{p}"));
        }
        lines.push(p.to_string());
    }
    for (name, pattern) in ALL {
        let full = regex::Regex::new(pattern).unwrap_or_else(|e| panic!("{name}: {e}"));
        let lite = regex_lite::Regex::new(&lite_pattern(pattern))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut matched = 0;
        for (case, line) in lines.iter().enumerate() {
            let want: Vec<Vec<Option<std::ops::Range<usize>>>> = full
                .captures_iter(line)
                .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
                .collect();
            let got: Vec<Vec<Option<std::ops::Range<usize>>>> = lite
                .captures_iter(line)
                .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
                .collect();
            assert_eq!(got, want, "{name}, case {case}: {line:?}");
            matched += usize::from(!want.is_empty());
        }
        // The lines must reach every pattern, or the agreement says nothing.
        assert!(
            matched >= 5,
            "{name}: matched only {matched} generated lines"
        );
    }
}

#[test]
fn white_space_is_unicode_in_and_out_of_classes() {
    for (pattern, text) in [
        (r"a\sb", "a\u{202f}b"),
        (r"a[\s,]b", "a\u{a0}b"),
        (r"a\Sb", "a\u{e9}b"),
    ] {
        let lite = regex_lite::Regex::new(&lite_pattern(pattern)).unwrap_or_else(|e| panic!("{e}"));
        assert!(lite.is_match(text), "{pattern}");
    }
    let lite = regex_lite::Regex::new(&lite_pattern(r"a[^\s]b")).unwrap_or_else(|e| panic!("{e}"));
    assert!(!lite.is_match("a\u{2009}b"));
}
