//! The date grammar of [`super::dates`] as a hand-written backtracking scanner.
//!
//! It was one regular expression of 1,600 characters whose compilation took 2–4 ms of every
//! run, more than reading and extracting a whole résumé. The scanner walks the same grammar
//! with the same preferences (the first alternative that leads to a whole match wins, greedy
//! repeats try their longest form first), so it finds what the expression found; a test
//! compares the two on thousands of generated strings. Each part is a function that offers
//! its possible ends, in order of preference, to a continuation, which says whether the rest
//! of the grammar matched from there.
//!
//! Grammar (case-insensitive words; `\b` is an ASCII word boundary):
//!
//! ```text
//! range  := (start | \b | one of "( [ space") (since-word \s+ | until-word \s+)? a
//!           (separator b)? (\b | end)
//! a      := single | ?? (two or more)
//! b      := single | open-end-word (\b | end) | two digits \b | ?? (two or more)
//! single := (day \s* (de \s+)?)? word \.? \s* (de \s+)? ,? \s* (day ,? \s+ (de \s+)?)? (YYYY | 'YY)
//!         | season \s+ YYYY | YYYY-M-D | D.M.YYYY | YYYY-M \b | M/YYYY | YYYY.M \b | 19YY | 20YY
//! ```
//!
//! The `word` standing for a month is any run of letters; the caller checks it against the
//! month table ([`super::months`]).

pub use super::grammar::word;
use super::grammar::{K, boundary, ws_plus, ws_star};
use std::cell::Cell;
use std::ops::Range;

/// Words that open a range with no end: "since 2019", "seit 2019", "depuis 2019".
/// In these word tables a space stands for one or more spaces, `~` for none or more, and `'`
/// for either apostrophe (`'` or `’`).
const SINCE_WORDS: &[&str] = &[
    "since", "seit", "depuis", "desde", "dal", "dall'", "od", "vanaf", "from", "с",
];

/// Words that give only the end: "until 2020", "bis 2020", "jusqu'en 2020", "tot 2020"
/// (Dutch), "do 2020" (Polish).
const UNTIL_WORDS: &[&str] = &[
    "until", "till", "bis", "jusqu'à", "jusqu'en", "jusqu'au", "hasta", "até", "fino a", "tot",
    "do", "по",
];

/// Words between the two ends of a range, besides dashes.
const RANGE_WORDS: &[&str] = &[
    "to", "until", "till", "through", "thru", "bis", "au", "al", "à", "a", "até", "ate", "hasta",
    "do", "tot", "по", "jusqu'à", "jusqu'en", "jusqu'au", "fino a",
];

/// Seasons stand for a vague date ("Summer 2019").
pub const SEASONS: &[&str] = &["spring", "summer", "fall", "autumn", "winter"];

/// Dashes that join the two ends of a range, besides one to three hyphens.
const DASHES: &[char] = &['‐', '‑', '‒', '–', '—', '−', '~'];

/// Ordinal endings of a day: "1st", "1er", "1º", "1." (German).
const DAY_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "er", "º", "."];

/// A run of letters longer than this is no month name (the longest in the table has 12), so
/// the scanner does not offer it: this keeps a search linear in the length of the line.
const MAX_MONTH_LETTERS: usize = 32;

/// A run of question marks ("???") longer than this is not a date placeholder.
const MAX_QUESTION_MARKS: usize = 64;

/// One match of the grammar: the whole span and the spans of its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub all: Range<usize>,
    pub since: Option<Range<usize>>,
    pub until: Option<Range<usize>>,
    pub a: Range<usize>,
    pub b: Option<Range<usize>>,
}

/// The leftmost match of the grammar in `s` at or after byte `from`.
pub fn find_at(s: &str, from: usize) -> Option<Found> {
    (from..s.len())
        .filter(|&p| s.is_char_boundary(p) && may_start(s, p))
        .find_map(|p| match_at(s, p))
}

/// A cheap test that a match may start at `p`: the left context holds there, and a date, a
/// placeholder or a "since"/"until" word can begin at `p` or right after the one character
/// of context.
fn may_start(s: &str, p: usize) -> bool {
    let opens = |at: usize| {
        s[at..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '?' || c.is_alphabetic())
    };
    let Some(c) = s[p..].chars().next() else {
        return false;
    };
    ((p == 0 || boundary(s, p)) && opens(p))
        || ((matches!(c, '(' | '[') || c.is_whitespace()) && opens(p + c.len_utf8()))
}

/// True when `s` is an open-end word and nothing else ("present", "heute", "aujourd'hui").
pub fn is_open_end(s: &str) -> bool {
    super::lexicon::OPEN_END_WORDS
        .iter()
        .any(|w| word(s, 0, w) == Some(s.len()))
}

/// True when `s` starts with a season word on a word boundary.
pub fn starts_with_season(s: &str) -> bool {
    SEASONS
        .iter()
        .any(|w| word(s, 0, w).is_some_and(|e| boundary(s, e)))
}

fn match_at(s: &str, p: usize) -> Option<Found> {
    let since = Cell::new(None);
    let until = Cell::new(None);
    let a = Cell::new(0..0);
    let b = Cell::new(None);
    let end = Cell::new(0);
    let body = |q: usize| -> bool {
        let mut from_a = |r: usize| -> bool {
            part_a(s, r, &mut |ae| {
                a.set(r..ae);
                let finish = |e: usize| {
                    let ok = boundary(s, e) || e == s.len();
                    if ok {
                        end.set(e);
                    }
                    ok
                };
                let joined = separator(s, ae, &mut |se| {
                    part_b(s, se, &mut |be| {
                        b.set(Some(se..be));
                        finish(be)
                    })
                });
                if joined {
                    return true;
                }
                b.set(None);
                finish(ae)
            })
        };
        let letter = s[q..].starts_with(char::is_alphabetic);
        let words_then = |words: &[&str], cell: &Cell<Option<Range<usize>>>, k: K| {
            letter
                && words.iter().any(|w| {
                    word(s, q, w).and_then(|e| ws_plus(s, e)).is_some_and(|e| {
                        cell.set(Some(q..e));
                        k(e)
                    })
                })
        };
        until.set(None);
        if words_then(SINCE_WORDS, &since, &mut from_a) {
            return true;
        }
        since.set(None);
        if words_then(UNTIL_WORDS, &until, &mut from_a) {
            return true;
        }
        until.set(None);
        from_a(q)
    };
    let c = s[p..].chars().next()?;
    let matched = (p == 0 && body(p))
        || (p != 0 && boundary(s, p) && body(p))
        || (matches!(c, '(' | '[') || c.is_whitespace()) && body(p + c.len_utf8());
    matched.then(|| Found {
        all: p..end.get(),
        since: since.take(),
        until: until.take(),
        a: a.take(),
        b: b.take(),
    })
}

/// `a := single | ??+`
fn part_a(s: &str, at: usize, k: K) -> bool {
    single(s, at, k) || question_marks(s, at, k)
}

/// `b := single | open-end (\b | end) | NN \b | ??+`
fn part_b(s: &str, at: usize, k: K) -> bool {
    if single(s, at, k) {
        return true;
    }
    let open = super::lexicon::OPEN_END_WORDS
        .iter()
        .any(|w| word(s, at, w).is_some_and(|e| (boundary(s, e) || e == s.len()) && k(e)));
    if open {
        return true;
    }
    if digits(s, at, 2).is_some_and(|e| boundary(s, e) && k(e)) {
        return true;
    }
    question_marks(s, at, k)
}

/// `\s*` then a dash (1–3 hyphens or one of [`DASHES`]) then `\s*`; or a range word between
/// spaces.
fn separator(s: &str, at: usize, k: K) -> bool {
    let p = ws_star(s, at);
    let hyphens = s[p..].bytes().take(3).take_while(|&c| c == b'-').count();
    for n in (1..=hyphens).rev() {
        if k(ws_star(s, p + n)) {
            return true;
        }
    }
    if hyphens == 0 {
        if let Some(c) = s[p..].chars().next().filter(|c| DASHES.contains(c)) {
            if k(ws_star(s, p + c.len_utf8())) {
                return true;
            }
        }
    }
    let Some(p) = ws_plus(s, at) else {
        return false;
    };
    RANGE_WORDS.iter().any(|w| {
        word(s, p, w)
            .and_then(|e| ws_plus(s, e))
            .is_some_and(&mut *k)
    })
}

/// One date, in the forms of the module's grammar, in order of preference.
fn single(s: &str, at: usize, k: K) -> bool {
    let Some(&first) = s.as_bytes().get(at) else {
        return false;
    };
    if !first.is_ascii_digit() && !s[at..].starts_with(char::is_alphabetic) {
        return false;
    }
    if month_form(s, at, k) {
        return true;
    }
    let seasons = SEASONS.iter().any(|w| {
        word(s, at, w)
            .and_then(|e| ws_plus(s, e))
            .and_then(|e| digits(s, e, 4))
            .is_some_and(&mut *k)
    });
    if seasons {
        return true;
    }
    // YYYY-M-D
    let year_first = |sep: &[u8], k: K| {
        digits(s, at, 4).is_some_and(|e| {
            byte_in(s, e, sep).is_some_and(|e| one_or_two_digits(s, e, &mut &mut *k))
        })
    };
    if year_first(b"-", &mut |e| {
        byte_in(s, e, b"-").is_some_and(|e| one_or_two_digits(s, e, k))
    }) {
        return true;
    }
    // D.M.YYYY, D/M/YYYY
    let dmy = one_or_two_digits(s, at, &mut |e| {
        byte_in(s, e, b"./").is_some_and(|e| {
            one_or_two_digits(s, e, &mut |e| {
                byte_in(s, e, b"./")
                    .and_then(|e| digits(s, e, 4))
                    .is_some_and(&mut *k)
            })
        })
    });
    if dmy {
        return true;
    }
    // YYYY-M on a boundary
    if year_first(b"-", &mut |e| boundary(s, e) && k(e)) {
        return true;
    }
    // M/YYYY, M.YYYY, M\YYYY, M-YYYY
    let my = one_or_two_digits(s, at, &mut |e| {
        byte_in(s, e, b"/.\\-")
            .and_then(|e| digits(s, e, 4))
            .is_some_and(&mut *k)
    });
    if my {
        return true;
    }
    // YYYY/M, YYYY.M on a boundary
    if year_first(b"/.", &mut |e| boundary(s, e) && k(e)) {
        return true;
    }
    // A year of this or the last century.
    let b = s.as_bytes();
    let century = matches!(b.get(at..at + 2), Some(b"19" | b"20"));
    century && digits(s, at, 4).is_some_and(&mut *k)
}

/// `(day \s* (de \s+)?)? word \.? \s* (de \s+)? ,? \s* (day ,? \s+ (de \s+)?)? (YYYY | 'YY)`
fn month_form(s: &str, at: usize, k: K) -> bool {
    let mut from_word = |p: usize| month_word_on(s, p, k);
    if day(s, at, &mut |e| opt_de(s, ws_star(s, e), &mut from_word)) {
        return true;
    }
    from_word(at)
}

fn month_word_on(s: &str, at: usize, k: K) -> bool {
    letters(s, at, &mut |e| {
        let mut after_dot = |e: usize| {
            opt_de(s, ws_star(s, e), &mut |e| {
                let mut after_comma = |e: usize| {
                    let e = ws_star(s, e);
                    let mut year_k = |e: usize| year(s, e, k);
                    let with_day = day(s, e, &mut |d| {
                        let mut after =
                            |d: usize| ws_plus(s, d).is_some_and(|w| opt_de(s, w, &mut year_k));
                        (s[d..].starts_with(',') && after(d + 1)) || after(d)
                    });
                    with_day || year_k(e)
                };
                (s[e..].starts_with(',') && after_comma(e + 1)) || after_comma(e)
            })
        };
        (s[e..].starts_with('.') && after_dot(e + 1)) || after_dot(e)
    })
}

/// `[0-9]{4} | ['’][0-9]{2}`
fn year(s: &str, at: usize, k: K) -> bool {
    if let Some(e) = digits(s, at, 4) {
        return k(e);
    }
    let quote = ["'", "’"].iter().find(|q| s[at..].starts_with(**q));
    quote.is_some_and(|q| digits(s, at + q.len(), 2).is_some_and(&mut *k))
}

/// `[0-9]{1,2}` then an optional ordinal ending.
fn day(s: &str, at: usize, k: K) -> bool {
    one_or_two_digits(s, at, &mut |e| {
        DAY_SUFFIXES
            .iter()
            .any(|x| word(s, e, x).is_some_and(&mut *k))
            || k(e)
    })
}

/// `(de \s+)?`
fn opt_de(s: &str, at: usize, k: K) -> bool {
    word(s, at, "de")
        .and_then(|e| ws_plus(s, e))
        .is_some_and(&mut *k)
        || k(at)
}

/// `[0-9]{1,2}`, two digits first.
fn one_or_two_digits(s: &str, at: usize, k: K) -> bool {
    digits(s, at, 2).is_some_and(&mut *k) || digits(s, at, 1).is_some_and(&mut *k)
}

/// `\p{L}+`, longest first (a letter is what `char::is_alphabetic` says). What may follow
/// the word in the grammar is a dot, a space, a comma, a digit, a quote, or "de" and a
/// space ("1 de marzo"); so of the shorter words only the one that leaves "de" and a space
/// after it can lead anywhere, and only the whole run and that one are offered.
fn letters(s: &str, at: usize, k: K) -> bool {
    let run = s[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| at + i);
    let n = s[at..run].chars().count();
    if n == 0 || n > MAX_MONTH_LETTERS {
        return false;
    }
    if k(run) {
        return true;
    }
    let de = run
        .checked_sub(2)
        .filter(|&d| d > at && s.is_char_boundary(d));
    de.is_some_and(|d| {
        s[d..run].eq_ignore_ascii_case("de") && s[run..].starts_with(char::is_whitespace) && k(d)
    })
}

/// `\?{2,}`, longest first.
fn question_marks(s: &str, at: usize, k: K) -> bool {
    let n = s[at..].bytes().take_while(|&c| c == b'?').count();
    n <= MAX_QUESTION_MARKS && (2..=n).rev().any(|n| k(at + n))
}

/// Exactly `n` ASCII digits at `at`: where they end.
fn digits(s: &str, at: usize, n: usize) -> Option<usize> {
    let b = s.as_bytes().get(at..at + n)?;
    b.iter().all(u8::is_ascii_digit).then_some(at + n)
}

/// One of the ASCII bytes `set` at `at`: where it ends.
fn byte_in(s: &str, at: usize, set: &[u8]) -> Option<usize> {
    s.as_bytes()
        .get(at)
        .filter(|c| set.contains(c))
        .map(|_| at + 1)
}

#[cfg(test)]
#[path = "date_grammar_tests.rs"]
mod tests;
