//! One date grammar for single dates and ranges, always on word boundaries: month names and
//! abbreviations in nine languages (the table in [`super::months`]; with or without a dot, any
//! case, "mai de 2025"), `MM/YYYY` `MM.YYYY` `MM\YYYY` `MM-YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
//! `DD.MM.YYYY` `DD/MM/YYYY`, `YYYY`, two-digit years (`Mar ’18`, `2010-13`), separators `-`
//! `--` `–` `—` `to` `bis` `au` `à` `até` `a` `al` `hasta` `do`, open ends in those languages
//! (present, heute, aujourd'hui, actualidad, atual, oggi, obecnie, ...) and open starts
//! ("since", "seit", "depuis", "desde"). Results are ISO 8601 at the precision written.

use super::date_grammar::{self, Found};
use std::ops::Range;

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

thread_local! {
    /// The document writes year ranges with a two-digit end ("2016-19"), so "2010-12" is
    /// 2010–2012 there, not December 2010. Set by [`with_document`] for one extraction.
    static TWO_DIGIT_RANGES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with the date conventions of a document whose text is `texts`: when any
/// "YYYY-NN" in it can only be a year range (NN above 12), every "YYYY-NN" whose NN is
/// after YYYY's last two digits reads as a range too.
pub fn with_document<'a, R>(texts: impl IntoIterator<Item = &'a str>, f: impl FnOnce() -> R) -> R {
    let ranges = texts
        .into_iter()
        .any(|t| year_dash_numbers(t).any(|n| n > 12));
    let before = TWO_DIGIT_RANGES.with(|c| c.replace(ranges));
    let out = f();
    TWO_DIGIT_RANGES.with(|c| c.set(before));
    out
}

/// The first date or date range in `s`.
pub fn find_range(s: &str) -> Option<DateRange> {
    // Every date holds a digit or a placeholder "??": most lines are ruled out at once.
    if !s.bytes().any(|b| b.is_ascii_digit() || b == b'?') {
        return None;
    }
    let swapped = year_month_swapped(s);
    let s = swapped.as_deref().unwrap_or(s);
    let mut from = 0;
    while let Some(found) = date_grammar::find_at(s, from) {
        from = found.all.end.max(from + 1);
        let Found {
            all,
            since,
            until,
            a,
            b,
        } = found;
        let a_text = &s[a.clone()];
        // Never inside a web address ("doi.org/10.1145/3020817"): the token it sits in.
        let token_start = s[..a.start]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let token = &s[token_start..];
        let token = token.split(char::is_whitespace).next().unwrap_or("");
        if token.contains("://") || token.starts_with("www.") {
            from = a.end;
            continue;
        }
        // "band 2012" matched as a month and a year: not a month, so look again right after
        // the word ("2012" alone is a year).
        if let Some(word_end) = bad_month_word(a_text) {
            from = a.start + word_end;
            continue;
        }
        // "since" stays outside the span: "Since 2008 I've been …" is a sentence that
        // mentions a date, not a line that starts with one.
        // "Until 2020" is one date, word and all: the word is not left behind as text.
        let start = match &until {
            Some(u) if b.is_none() => u.start,
            _ => a.start,
        };
        let mut r = DateRange {
            span: start..all.end,
            ..DateRange::default()
        };
        let b = b
            .map(|b| &s[b])
            .filter(|b| date_grammar::is_open_end(b) || bad_month_word(b).is_none());
        if since.is_some() && b.is_none() {
            r.open = true;
        }
        let until = until.is_some() && b.is_none();
        // `2010-13` reads as a year range with a two-digit end, not a 13th month; so does
        // `2010-12` in a document that writes its ranges so.
        if let Some((y, m)) = year_month(a_text) {
            let two_digit = TWO_DIGIT_RANGES.with(std::cell::Cell::get) && m > y % 100;
            if (m > 12 || two_digit) && b.is_none() {
                r.open = false;
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
        if let Some(b_text) = b {
            if date_grammar::is_open_end(b_text) {
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
                    None => r.span = start..a.end,
                }
            }
        } else {
            r.span = start..a.end;
        }
        if r.start.is_none() && r.end.is_none() && !r.open {
            continue;
        }
        if until {
            r.end = r.start.take();
        }
        return Some(r);
    }
    None
}

/// Where the word standing for a month ends, when it is not a month (nor a season) in any
/// language of the table; `None` when the date has no such word or it is a month.
fn bad_month_word(text: &str) -> Option<usize> {
    let mut pos = 0;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let start = pos;
        pos += word.len();
        pos += text[pos..].chars().next().map_or(0, char::len_utf8);
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        // Ordinal endings and the "de" of "1 de marzo de 2020" are not the month.
        if matches!(lower.as_str(), "st" | "nd" | "rd" | "th" | "er" | "de") {
            continue;
        }
        let season = matches!(
            lower.as_str(),
            "spring" | "summer" | "fall" | "autumn" | "winter"
        );
        return (super::months::number(&lower).is_none() && !season).then_some(start + word.len());
    }
    None
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

/// Year-first dates with a month name ("2021-Feb", "2019-Sept.", as tools that print
/// `YYYY-MMM` write them) turned into the month-first form the grammar reads ("Feb 2021"),
/// byte for byte the same length, so every span found in the result is a span of `s`; `None`
/// when there is none.
fn year_month_swapped(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out: Option<String> = None;
    let mut i = 0;
    while i + 5 < b.len() {
        let year = b
            .get(i..i + 4)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit));
        let before_ok = i == 0 || !b.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
        if year && before_ok && b.get(i + 4) == Some(&b'-') {
            let rest = s.get(i + 5..).unwrap_or_default();
            let word_len: usize = rest
                .chars()
                .take_while(|c| c.is_alphabetic())
                .map(char::len_utf8)
                .sum();
            let word = rest.get(..word_len).unwrap_or_default();
            let dot = rest.get(word_len..).is_some_and(|r| r.starts_with('.'));
            let after = rest.get(word_len..).and_then(|r| r.chars().next());
            let ends = after.is_none_or(|c| !c.is_alphanumeric());
            if word_len >= 3 && ends && super::months::number(word).is_some() {
                let o = out.get_or_insert_with(|| s.to_string());
                let end = i + 5 + word_len + usize::from(dot);
                let yy = s.get(i..i + 4).unwrap_or_default().to_string();
                let ww = if dot {
                    format!("{word}.")
                } else {
                    word.to_string()
                };
                // "2021-Feb" (8 bytes) → "Feb 2021" (8 bytes), "2019-Sept." → "Sept. 2019".
                o.replace_range(i..end, &format!("{ww} {yy}"));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Parses one date to ISO 8601 at the precision written; the flag is true when the date was
/// vague (a season) and only its year was kept.
///
/// `s` is one date expression as [`find_range`] finds them (its `a` or `b` part); anything else
/// is read as well as it can be, or not at all.
pub fn parse(s: &str) -> Option<(String, bool)> {
    let s = s.trim().trim_end_matches(['.', ',']);
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = s.to_lowercase().replace('’', "'");
    let digits: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_digit() && c != '\'')
        .filter(|x| !x.is_empty())
        .collect();
    let month = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .find_map(super::months::number);
    if date_grammar::starts_with_season(s) {
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
    let month_ok = |m: &u32| (1..=12).contains(m);
    let day_ok = |d: &u32| (1..=31).contains(d);
    let iso = match nums.as_slice() {
        [y, m, d] if *y > 31 && month_ok(m) && day_ok(d) => format!("{y:04}-{m:02}-{d:02}"),
        // "14.02.2019", "14/02/2019": day first, as in every locale but the US; "02/14/2019"
        // when the second number cannot be a month.
        [d, m, y] if *y > 31 && month_ok(m) && day_ok(d) => format!("{y:04}-{m:02}-{d:02}"),
        [m, d, y] if *y > 31 && month_ok(m) && day_ok(d) => format!("{y:04}-{m:02}-{d:02}"),
        [a, b] if *a > 31 && month_ok(b) => format!("{a:04}-{b:02}"),
        [m, y] if month_ok(m) && *y > 31 => format!("{y:04}-{m:02}"),
        [y] if (1900..=2100).contains(y) => format!("{y:04}"),
        _ => return None,
    };
    Some((iso, false))
}

/// True when, once the date expression is taken out, nothing but punctuation and filler
/// ("(expected)") is left: the line is only a date.
pub fn is_date_only(s: &str) -> bool {
    find_range(s).is_some_and(|r| only_date(s, &r))
}

/// True when `r`, found in `s`, is all there is of `s` but punctuation and filler.
pub fn only_date(s: &str, r: &DateRange) -> bool {
    !rest_has_words(&s[..r.span.start]) && !rest_has_words(&s[r.span.end..])
}

/// True when `text` holds a letter or digit besides the filler words that go with a date:
/// "expected", "since", "from", "date(s)", and "(anticipated)", "(est.)", "(planned)" in
/// brackets.
fn rest_has_words(text: &str) -> bool {
    const FILLER: &[&str] = &["expected", "since", "from", "date", "dates"];
    const IN_BRACKETS: &[&str] = &["anticipated", "est", "planned"];
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = byte(b, i);
        if c.is_ascii_alphanumeric() || c == b'_' {
            // A whole ASCII word (the expression's `\b…\b`).
            let start = i;
            while i < b.len() && (byte(b, i).is_ascii_alphanumeric() || byte(b, i) == b'_') {
                i += 1;
            }
            let w = text[start..i].to_ascii_lowercase();
            let bracketed = start > 0 && byte(b, start - 1) == b'(' && {
                let close = if w == "est" && b.get(i) == Some(&b'.') {
                    i + 1
                } else {
                    i
                };
                b.get(close) == Some(&b')')
            };
            let filler =
                FILLER.contains(&w.as_str()) || (bracketed && IN_BRACKETS.contains(&w.as_str()));
            if !filler && w.bytes().any(|c| c.is_ascii_alphanumeric()) {
                return true;
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphanumeric() {
                return true;
            }
            i += ch.len_utf8();
        }
    }
    false
}

/// The byte at `i`, or 0 past the end.
fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// The NN of every "19YY-NN" or "20YY-NN" standing alone (no digit or hyphen either side).
fn year_dash_numbers(t: &str) -> impl Iterator<Item = u32> + '_ {
    let b = t.as_bytes();
    let free = |i: Option<usize>| {
        i.and_then(|i| b.get(i))
            .is_none_or(|c| !c.is_ascii_digit() && *c != b'-')
    };
    (0..b.len().saturating_sub(6)).filter_map(move |i| {
        let Some(&[y1, y2, y3, y4, dash, m1, m2]) = b.get(i..i + 7) else {
            return None;
        };
        let century = matches!([y1, y2], [b'1', b'9'] | [b'2', b'0']);
        let shape = century
            && y3.is_ascii_digit()
            && y4.is_ascii_digit()
            && dash == b'-'
            && m1.is_ascii_digit()
            && m2.is_ascii_digit();
        (shape && free(i.checked_sub(1)) && free(Some(i + 7)))
            .then(|| u32::from(m1 - b'0') * 10 + u32::from(m2 - b'0'))
    })
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
    fn year_first_dates_with_a_month_name() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(range("2021-Feb - Present"), (s("2021-02"), None, true));
        assert_eq!(
            range("2019-Sept. – 2020-Jan"),
            (s("2019-09"), s("2020-01"), false)
        );
        assert_eq!(
            range("2018-Mär bis 2019-Okt"),
            (s("2018-03"), s("2019-10"), false)
        );
        assert_eq!(
            range("2017-févr. – 2018-juin"),
            (s("2017-02"), s("2018-06"), false)
        );
        // A year followed by a word that is no month stays a year.
        assert_eq!(range("2019-present"), (s("2019"), None, true));
        // The spans found are spans of the text as written.
        let text = "Nurse 2021-Feb - 2022-Mar";
        let r = find_range(text).unwrap();
        assert_eq!(&text[r.span.clone()], "2021-Feb - 2022-Mar");
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
    fn dates_across_locales() {
        for (text, start, end, open) in [
            ("févr. 2022 – aujourd'hui", "2022-02", None, true),
            (
                "mai de 2025 - jun de 2025",
                "2025-05",
                Some("2025-06"),
                false,
            ),
            ("Abr 2024 – Actualidad", "2024-04", None, true),
            ("03/2019 bis heute", "2019-03", None, true),
            ("seit 04.2018", "2018-04", None, true),
            ("depuis septembre 2021", "2021-09", None, true),
            ("desde 2020", "2020", None, true),
            (
                "01.09.2015 – 31.08.2018",
                "2015-09-01",
                Some("2018-08-31"),
                false,
            ),
            ("14/02/2019", "2019-02-14", None, false),
            ("06\\2017 - 08\\2019", "2017-06", Some("2019-08"), false),
            ("maggio 2016 – oggi", "2016-05", None, true),
            ("2014 -- 2016", "2014", Some("2016"), false),
            ("2014 à 2016", "2014", Some("2016"), false),
            ("2012 até 2015", "2012", Some("2015"), false),
            ("październik 2019 – obecnie", "2019-10", None, true),
            ("сентябрь 2020 — настоящее время", "2020-09", None, true),
            ("Mar ’18 – Jun ’20", "2018-03", Some("2020-06"), false),
            ("1 de marzo de 2020", "2020-03-01", None, false),
            ("juil. 2017 au déc. 2019", "2017-07", Some("2019-12"), false),
            ("Jan 2019 to Mar 2021", "2019-01", Some("2021-03"), false),
            (
                "Mar. 2010 \u{2011} Aug. 2017",
                "2010-03",
                Some("2017-08"),
                false,
            ),
            ("2022-ad oggi", "2022", None, true),
            ("Déc.\u{a0}2023— Aujourd’hui", "2023-12", None, true),
        ] {
            let r = find_range(text).unwrap_or_else(|| panic!("no date in {text:?}"));
            assert_eq!(r.start.as_deref(), Some(start), "{text}");
            assert_eq!(r.end.as_deref(), end, "{text}");
            assert_eq!(r.open, open, "{text}");
        }
    }

    #[test]
    fn an_end_alone() {
        for t in [
            "Until Jun 2021",
            "bis 06/2021",
            "jusqu'en juin 2021",
            "hasta junio 2021",
        ] {
            let r = find_range(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((r.start, r.end, r.open), (None, s("2021-06"), false), "{t}");
        }
    }

    #[test]
    fn two_digit_year_ranges_by_document() {
        let alone = find_range("2010-12 Centro de Estudios").map(|r| (r.start, r.end));
        assert_eq!(alone, Some((s("2010-12"), None)));
        let texts = ["2016-19 Nordwind", "2010-12 Centro de Estudios"];
        let r = with_document(texts, || find_range(texts[1]).map(|r| (r.start, r.end)));
        assert_eq!(r, Some((s("2010"), s("2012"))));
        // A month before the year's own digits stays a month.
        let r = with_document(texts, || find_range("2019-06").map(|r| (r.start, r.end)));
        assert_eq!(r, Some((s("2019-06"), None)));
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
