//! The scanner against the regular expression it replaced, on generated strings.

use super::*;
use crate::testgen::Gen;
use regex::Regex;

/// The expression the scanner replaced, as it was: the oracle.
fn oracle() -> Regex {
    let day = r"[0-9]{1,2}(?:st|nd|rd|th|er|º|\.)?";
    let seasons = r"(?:spring|summer|fall|autumn|winter)";
    let d = format!(
        r"(?:(?:{day}\s*(?:de\s+)?)?(?-i:\p{{L}}+)\.?\s*(?:de\s+)?,?\s*(?:{day},?\s+(?:de\s+)?)?(?:[0-9]{{4}}|['’][0-9]{{2}})|{seasons}\s+[0-9]{{4}}|[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}|[0-9]{{1,2}}[./][0-9]{{1,2}}[./][0-9]{{4}}|[0-9]{{4}}-[0-9]{{1,2}}(?-u:\b)|[0-9]{{1,2}}[/.\\-][0-9]{{4}}|[0-9]{{4}}[/.][0-9]{{1,2}}(?-u:\b)|(?:19|20)[0-9]{{2}})"
    );
    let since = r"since|seit|depuis|desde|dal|dall['’]|od|vanaf|from|с";
    let until = r"until|till|bis|jusqu['’](?:à|en|au)|hasta|até|fino\s+a|tot|do|по";
    let range = r"to|until|till|through|thru|bis|au|al|à|a|até|ate|hasta|do|tot|по|jusqu['’](?:à|en|au)|fino\s+a";
    let open = r"present|current|currently|now|today|ongoing|date|heute|aktuell|jetzt|dato|laufend|actuel|actuellement|aujourd['’]hui|auj\.?|présent|maintenant|ce\s+jour|actualidad|actualmente|actual|presente|hoy|la\s+fecha|atual|atualmente|o\s+momento|hoje|(?:fino\s+)?ad\s+oggi|oggi|in\s+corso|attuale|nu|nå|idag|heden|obecnie|teraz|nadal|настоящее\s+время|наст\.\s*время|сейчас|н\.\s*в\.";
    Regex::new(&format!(
        r"(?i)(?:^|(?-u:\b)|[(\[\s])(?:(?P<since>(?:{since})\s+)|(?P<until>(?:{until})\s+))?(?P<a>{d}|\?{{2,}})(?:(?:\s*(?:-{{1,3}}|‐|‑|‒|–|—|−|~)\s*|\s+(?:{range})\s+)(?P<b>{d}|(?:{open})(?:(?-u:\b)|$)|[0-9]{{2}}(?-u:\b)|\?{{2,}}))?(?:(?-u:\b)|$)"
    ))
    .unwrap_or_else(|e| panic!("oracle: {e}"))
}

/// What the oracle finds at or after `from`, in the scanner's terms.
fn expected(re: &Regex, s: &str, from: usize) -> Option<Found> {
    let c = re.captures_at(s, from)?;
    let span = |n: &str| c.name(n).map(|m| m.range());
    Some(Found {
        all: c.get(0)?.range(),
        since: span("since"),
        until: span("until"),
        a: span("a")?,
        b: span("b"),
    })
}

/// Pieces résumé dates are made of, and the words and marks found around them.
const PIECES: &[&str] = &[
    "Jan",
    "jan.",
    "JANUARY",
    "Sept.",
    "sep",
    "März",
    "mär.",
    "févr.",
    "Février",
    "juil.",
    "déc.",
    "mai",
    "maggio",
    "październik",
    "сентябрь",
    "Mayhem",
    "band",
    "Summer",
    "fall",
    "winter",
    "de",
    "1",
    "01",
    "12",
    "31",
    "1st",
    "2nd",
    "3rd",
    "4th",
    "1er",
    "1º",
    "14.",
    "2019",
    "2020",
    "1998",
    "1850",
    "2150",
    "’18",
    "'20",
    "10",
    "13",
    "06/2018",
    "2019-06",
    "2010-13",
    "2019-06-01",
    "14.02.2019",
    "3/4/2020",
    "2018.06",
    "06\\2017",
    "06-2017",
    "????",
    "??",
    "?",
    "-",
    "--",
    "---",
    "–",
    "—",
    "‑",
    "~",
    "to",
    "bis",
    "au",
    "à",
    "a",
    "até",
    "hasta",
    "do",
    "al",
    "jusqu’en",
    "jusqu'à",
    "fino a",
    "по",
    "since",
    "Seit",
    "depuis",
    "desde",
    "dall'",
    "od",
    "from",
    "Until",
    "till",
    "present",
    "Present",
    "heute",
    "aujourd’hui",
    "auj.",
    "ce jour",
    "actualidad",
    "ad oggi",
    "fino ad oggi",
    "obecnie",
    "настоящее время",
    "н. в.",
    "current",
    "currently",
    "now",
    "nu",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    "/",
    ":",
    "|",
    "•",
    "Berlin",
    "Acme",
    "Inc.",
    "https://x.org/10.1145/2020",
    "www.site.com/2019",
    "GPA",
    "3.8",
    "x",
    "é",
    "Ωmega",
    "_",
    "2019_",
    "a1",
    "V2",
];

const GAPS: &[&str] = &[
    " ", " ", " ", "", "  ", "\t", "\u{a0}", "\u{202f}", " - ", ", ", "\u{2009}",
];

fn generated(g: &mut Gen) -> String {
    let n = 1 + g.below(8);
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push_str(g.pick(GAPS));
        }
        s.push_str(g.pick(PIECES));
    }
    s
}

#[test]
fn the_scanner_finds_what_the_expression_found() {
    let re = oracle();
    let mut g = Gen(0x2545_f491_4f6c_dd1d);
    let mut checked = 0;
    let mut found = 0;
    for case in 0..30_000 {
        let s = generated(&mut g);
        // Every start a caller uses: the beginning and just after each match.
        let mut from = 0;
        while from < s.len() {
            let want = expected(&re, &s, from);
            let got = find_at(&s, from);
            assert_eq!(got, want, "case {case}: {s:?} from {from}");
            checked += 1;
            match want {
                Some(f) => {
                    found += 1;
                    from = f.all.end.max(from + 1);
                }
                None => break,
            }
            while !s.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    assert!(
        checked > 30_000 && found > 15_000,
        "{checked} searches, {found} found"
    );
}

#[test]
fn words_of_the_tables_in_any_case_and_spacing() {
    assert_eq!(
        word("Aujourd’hui", 0, "aujourd'hui"),
        Some("Aujourd’hui".len())
    );
    assert_eq!(word("ce   jour", 0, "ce jour"), Some(9));
    assert_eq!(word("cejour", 0, "ce jour"), None);
    assert_eq!(word("н.в.", 0, "н.~в."), Some("н.в.".len()));
    assert_eq!(
        word("НАСТОЯЩЕЕ время", 0, "настоящее время"),
        Some("НАСТОЯЩЕЕ время".len())
    );
    assert!(is_open_end("PRESENT"));
    assert!(!is_open_end("presently"));
    assert!(starts_with_season("Summer 2019"));
    assert!(!starts_with_season("Summers"));
}

#[test]
fn long_runs_stay_linear() {
    // A line of a million letters or question marks is searched in one pass, not one per
    // position (the guard on runs longer than any month name or placeholder).
    let letters = "a".repeat(1_000_000) + " 2019";
    assert_eq!(
        find_at(&letters, 0).map(|f| f.a),
        Some(1_000_001..1_000_005)
    );
    let marks = "?".repeat(200_000);
    assert_eq!(find_at(&marks, 0), None);
}
