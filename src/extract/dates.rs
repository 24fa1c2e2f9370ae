//! One date grammar for single dates and ranges, always on word boundaries: month names and
//! abbreviations (several languages, with or without a dot, any case), `MM/YYYY`, `YYYY-MM`,
//! `YYYY-MM-DD`, `YYYY`, two-digit end years (`2010-13`), separators `-` `–` `—` `to` `until`,
//! open ends (Present, Current, Now, ...). Results are ISO 8601 at the precision written.

use super::lexicon::OPEN_END_WORDS;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

const MONTHS: &str = r"(?:jan(?:uary|vier|uar|eiro)?|feb(?:ruary|ruar)?|f[ée]v(?:rier|ereiro)?|mar(?:ch|s|zo|ço)?|m[äa]rz?|apr(?:il)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maio|jun(?:e|i|io|ho)?|juin|jul(?:y|i|io|ho)?|juil(?:let)?|aug(?:ust)?|ao[uû]t|ago(?:sto)?|sept?(?:ember|iembre|embre)?|set(?:embro)?|oct(?:ober|obre)?|okt(?:ober)?|out(?:ubro)?|nov(?:ember|iembre|embre|embro)?|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember|embro)?|dic(?:iembre)?|ene(?:ro)?)";
const SEASONS: &str = r"(?:spring|summer|fall|autumn|winter)";

/// A date or a range found in a string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateRange {
    pub start: Option<String>,
    pub end: Option<String>,
    /// The range runs to the present ("Present", "Now", ...).
    pub open: bool,
    /// Byte range of the whole expression in the searched string.
    pub span: Range<usize>,
    /// A part that looked like a date but could not be read exactly ("Summer 2019").
    pub vague: Option<String>,
}

fn single_pattern() -> String {
    format!(
        r"(?:{MONTHS}\.?\s*,?\s*(?:[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:[0-9]{{4}}|'[0-9]{{2}})|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\.?,?\s+[0-9]{{4}}|{SEASONS}\s+[0-9]{{4}}|[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}|[0-9]{{4}}-[0-9]{{1,2}}(?-u:\b)|[0-9]{{1,2}}/[0-9]{{4}}|[0-9]{{4}}/[0-9]{{1,2}}(?-u:\b)|[0-9]{{1,2}}\.[0-9]{{4}}|(?:19|20)[0-9]{{2}})"
    )
}

fn range_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let d = single_pattern();
        let pattern = format!(
            r"(?i)(?:^|(?-u:\b)|[(\[])(?P<a>{d}|\?{{2,}})(?:\s*(?:-|–|—|−|~|(?-u:\b)to(?-u:\b)|(?-u:\b)until(?-u:\b)|(?-u:\b)till(?-u:\b)|(?-u:\b)through(?-u:\b)|(?-u:\b)thru(?-u:\b)|(?-u:\b)bis(?-u:\b)|(?-u:\b)au(?-u:\b)|(?-u:\b)al(?-u:\b))\s*(?P<b>{d}|(?:{OPEN_END_WORDS})(?-u:\b)|[0-9]{{2}}(?-u:\b)|\?{{2,}}))?(?-u:\b)"
        );
        #[allow(clippy::expect_used)] // literal pattern, exercised by the tests below
        Regex::new(&pattern).expect("date regex compiles")
    })
}

fn single_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        #[allow(clippy::expect_used)] // literal pattern, exercised by the tests below
        Regex::new(&format!(r"(?i)^{}$", single_pattern())).expect("date regex compiles")
    })
}

/// The first date or date range in `s`.
pub fn find_range(s: &str) -> Option<DateRange> {
    // Most lines hold no date: a match test (a fast automaton, no captures) rules them out.
    if !s.bytes().any(|b| b.is_ascii_digit() || b == b'?') || !range_re().is_match(s) {
        return None;
    }
    // Find the bounds with the fast automaton, then take the captures of that piece only.
    for m in range_re().find_iter(s) {
        let Some(caps) = range_re().captures(&s[m.start()..m.end()]) else {
            continue;
        };
        let base = m.start();
        let (Some(all), Some(a)) = (caps.get(0), caps.name("a")) else {
            continue;
        };
        let a_text = a.as_str();
        let mut r = DateRange {
            span: base + a.start()..base + all.end(),
            ..DateRange::default()
        };
        // `2010-13` reads as a year range with a two-digit end, not a 13th month.
        if let Some((y, m)) = year_month(a_text) {
            if m > 12 && caps.name("b").is_none() {
                r.start = Some(y.to_string());
                r.end = Some(expand_two_digit(y, m));
                return Some(r);
            }
        }
        if !a_text.starts_with('?') {
            match parse(a_text) {
                Some((iso, vague)) => {
                    r.start = Some(iso);
                    if vague {
                        r.vague = Some(a_text.to_string());
                    }
                }
                None => continue,
            }
        }
        if let Some(b) = caps.name("b") {
            let b_text = b.as_str();
            if is_open_end(b_text) {
                r.open = true;
            } else if b_text.len() == 2 && b_text.bytes().all(|c| c.is_ascii_digit()) {
                let year: u32 = r
                    .start
                    .as_deref()
                    .and_then(|s| s.get(..4))
                    .and_then(|y| y.parse().ok())
                    .unwrap_or(0);
                let yy: u32 = b_text.parse().unwrap_or(0);
                if year == 0 {
                    continue;
                }
                r.end = Some(expand_two_digit(year, yy));
            } else if !b_text.starts_with('?') {
                match parse(b_text) {
                    Some((iso, vague)) => {
                        r.end = Some(iso);
                        if vague {
                            r.vague = Some(b_text.to_string());
                        }
                    }
                    None => r.span = base + a.start()..base + a.end(),
                }
            }
        } else {
            r.span = base + a.start()..base + a.end();
        }
        if r.start.is_none() && r.end.is_none() && !r.open {
            continue;
        }
        return Some(r);
    }
    None
}

fn is_open_end(s: &str) -> bool {
    let re = crate::static_re!(&format!(r"(?i)^(?:{OPEN_END_WORDS})$"));
    re.is_match(s)
}

fn year_month(s: &str) -> Option<(u32, u32)> {
    let (y, m) = s.split_once('-')?;
    if y.len() == 4 && !m.contains('-') && m.len() <= 2 {
        Some((y.parse().ok()?, m.parse().ok()?))
    } else {
        None
    }
}

fn expand_two_digit(start_year: u32, yy: u32) -> String {
    let century = start_year / 100 * 100;
    let mut year = century + yy;
    if year < start_year {
        year += 100;
    }
    year.to_string()
}

/// Parses one date to ISO 8601 at the precision written; the flag is true when the date was
/// vague (a season) and only its year was kept.
pub fn parse(s: &str) -> Option<(String, bool)> {
    let s = s.trim().trim_end_matches(['.', ',']);
    if !single_re().is_match(s) {
        return None;
    }
    let lower = s.to_lowercase();
    let digits: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_digit() && c != '\'')
        .filter(|x| !x.is_empty())
        .collect();
    let month = month_number(&lower);
    if crate::static_re!(&format!(r"(?i)^{SEASONS}(?-u:\b)")).is_match(s) {
        let year = digits.last()?;
        return Some((year.to_string(), true));
    }
    if let Some(m) = month {
        let year_text = digits
            .iter()
            .rev()
            .find(|d| d.len() == 4 || d.starts_with('\''))?;
        let year = if let Some(yy) = year_text.strip_prefix('\'') {
            let yy: u32 = yy.parse().ok()?;
            if yy > 50 { 1900 + yy } else { 2000 + yy }
        } else {
            year_text.parse().ok()?
        };
        let day = digits
            .iter()
            .find(|d| d.len() <= 2 && !d.starts_with('\''))
            .and_then(|d| d.parse::<u32>().ok());
        return Some(match day {
            Some(d) if (1..=31).contains(&d) => (format!("{year:04}-{m:02}-{d:02}"), false),
            _ => (format!("{year:04}-{m:02}"), false),
        });
    }
    let nums: Vec<u32> = digits.iter().filter_map(|d| d.parse().ok()).collect();
    let iso = match (nums.as_slice(), s.contains('-')) {
        ([y, m, d], true) if (1..=12).contains(m) && (1..=31).contains(d) => {
            format!("{y:04}-{m:02}-{d:02}")
        }
        ([y, m], true) if (1..=12).contains(m) => format!("{y:04}-{m:02}"),
        ([a, b], false) if *a > 31 && (1..=12).contains(b) => format!("{a:04}-{b:02}"),
        ([m, y], false) if (1..=12).contains(m) && *y > 31 => format!("{y:04}-{m:02}"),
        ([y], _) if (1900..=2100).contains(y) => format!("{y:04}"),
        _ => return None,
    };
    Some((iso, false))
}

fn month_number(lower: &str) -> Option<u32> {
    const TABLE: &[(&str, u32)] = &[
        ("jan", 1),
        ("ene", 1),
        ("feb", 2),
        ("fév", 2),
        ("fev", 2),
        ("mär", 3),
        ("mar", 3),
        ("apr", 4),
        ("avr", 4),
        ("abr", 4),
        ("may", 5),
        ("mai", 5),
        ("jun", 6),
        ("juin", 6),
        ("juil", 7),
        ("jul", 7),
        ("aug", 8),
        ("aoû", 8),
        ("aou", 8),
        ("ago", 8),
        ("sep", 9),
        ("set", 9),
        ("oct", 10),
        ("okt", 10),
        ("out", 10),
        ("nov", 11),
        ("dec", 12),
        ("déc", 12),
        ("dez", 12),
        ("dic", 12),
    ];
    let word: String = lower
        .chars()
        .skip_while(|c| !c.is_alphabetic())
        .take_while(|c| c.is_alphabetic())
        .collect();
    TABLE
        .iter()
        .find(|(p, _)| word.starts_with(p))
        .map(|(_, n)| *n)
}

/// True when, once the date expression is taken out, nothing but punctuation and filler
/// ("(expected)") is left: the line is only a date.
pub fn is_date_only(s: &str) -> bool {
    find_range(s).is_some_and(|r| only_date(s, &r))
}

/// True when `r`, found in `s`, is all there is of `s` but punctuation and filler.
pub fn only_date(s: &str, r: &DateRange) -> bool {
    let rest = format!("{} {}", &s[..r.span.start], &s[r.span.end..]);
    let rest = crate::static_re!(
        r"(?i)\((?:expected|anticipated|est\.?|planned)\)|(?-u:\b)(?:expected|since|from|dates?)(?-u:\b)"
    )
    .replace_all(&rest, "");
    !rest.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(s: &str) -> (Option<String>, Option<String>, bool) {
        let r = find_range(s).unwrap_or_else(|| panic!("no date in {s:?}"));
        (r.start, r.end, r.open)
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn common_forms() {
        assert_eq!(
            range("JULY 2010 - JULY 2013"),
            (s("2010-07"), s("2013-07"), false)
        );
        assert_eq!(
            range("March  2022 - April 2023"),
            (s("2022-03"), s("2023-04"), false)
        );
        assert_eq!(
            range("Nov  2020 - March 2023"),
            (s("2020-11"), s("2023-03"), false)
        );
        assert_eq!(range("Sept. 2019 – Present"), (s("2019-09"), None, true));
        assert_eq!(range("(2019 — Present)"), (s("2019"), None, true));
        assert_eq!(range("2013-2019"), (s("2013"), s("2019"), false));
        assert_eq!(range("(2010-13)"), (s("2010"), s("2013"), false));
        assert_eq!(
            range("06/2018 to 05/2020"),
            (s("2018-06"), s("2020-05"), false)
        );
        assert_eq!(range("2019-06"), (s("2019-06"), None, false));
        assert_eq!(range("(2013-09 — Present)"), (s("2013-09"), None, true));
        assert_eq!(range("(??? — Present)"), (None, None, true));
        assert_eq!(
            range("Honorable Mention, Google (Jan 2012)"),
            (s("2012-01"), None, false)
        );
        assert_eq!(range("JULY 2022 - PRESENT"), (s("2022-07"), None, true));
        assert_eq!(range("2010-2014 (expected)"), (s("2010"), s("2014"), false));
        assert_eq!(range("June 1, 2020"), (s("2020-06-01"), None, false));
        assert_eq!(range("Mär. 2019 bis heute"), (s("2019-03"), None, true));
    }

    #[test]
    fn months_only_on_word_boundaries() {
        assert_eq!(find_range("Saltmarsh Mayhem"), None);
        assert_eq!(
            find_range("Marching band 2012").map(|r| r.start),
            Some(s("2012"))
        );
        assert_eq!(find_range("May the force"), None);
    }

    #[test]
    fn seasons_are_vague() {
        let r = find_range("Summer 2019").unwrap();
        assert_eq!(r.start, s("2019"));
        assert_eq!(r.vague, s("Summer 2019"));
    }

    #[test]
    fn date_only_lines_and_stripping() {
        assert!(is_date_only("2010-2014 (expected)"));
        assert!(is_date_only(
            "## JULY 2010 - JULY 2013".trim_start_matches("## ")
        ));
        assert!(!is_date_only("Asteroids (2014-09)"));
    }
}
