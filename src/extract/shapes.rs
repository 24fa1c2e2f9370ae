//! Shapes of whole lines written by hand where their regular expressions held large Unicode
//! classes (`\p{L}`, `\p{Lu}`, `\p{Ll}`), whose compilation cost a millisecond or more of
//! every run: a language with its level, a testimonial, a postal code before a city, a
//! comment in brackets. Each keeps its expression's choices (lazy parts as short as the rest
//! allows, greedy parts as long); a test checks each against its expression on generated
//! lines. A letter is what `char::is_alphabetic` says, an upper-case letter
//! `char::is_uppercase`, a lower-case one `char::is_lowercase`.

use super::grammar::ws_star;
use std::ops::Range;

/// "English (native)", "Spanish – fluent", "French: B2", "German": the language's name (a
/// letter, then letters and spaces, as short as the rest allows) and its level, in brackets
/// or after a colon, dash or comma.
pub fn language_line(s: &str) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_alphabetic() {
        return None;
    }
    // The name takes a second character at least; each longer name is tried in turn.
    for (i, c) in chars {
        if !(c.is_alphabetic() || c == ' ') {
            break;
        }
        let e = i + c.len_utf8();
        if let Some(level) = level_after(s, e) {
            return Some((0..e, level));
        }
    }
    None
}

/// What follows a language's name, to the end: `\s*` then "(level)", or a separator and the
/// level, or nothing. `Some(level)` when it fits.
fn level_after(s: &str, e: usize) -> Option<Option<Range<usize>>> {
    let w = ws_star(s, e);
    let rest = &s[w..];
    if let Some(inner) = rest.strip_prefix('(') {
        // `\(([^)]+)\)$`: the first closing bracket is the last character.
        if let Some(close) = inner.find(')') {
            if close > 0 && close + 1 == inner.len() {
                return Some(Some(w + 1..w + 1 + close));
            }
        }
    }
    if let Some(sep) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, ':' | '-' | '–' | '—' | ','))
    {
        let after = w + sep.len_utf8();
        if let Some(level) = rest_of_line(s, after) {
            return Some(Some(level));
        }
    }
    (w == s.len()).then_some(None)
}

/// `\s*(.+)$` from `at`: the text after the spaces (at least one character, so a last space
/// is kept when nothing else is left), with no line break in it.
fn rest_of_line(s: &str, at: usize) -> Option<Range<usize>> {
    let mut w = ws_star(s, at);
    if w == s.len() {
        // Give one space back for `.+`.
        w = s[at..].char_indices().next_back().map(|(i, _)| at + i)?;
    }
    (w < s.len() && !s[w..].contains('\n')).then_some(w..s.len())
}

/// `“Quote of twenty characters or more” – Name, Title`: the quote and who said it.
pub fn testimonial(s: &str) -> Option<(Range<usize>, Range<usize>)> {
    let open = s
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '“' | '„' | '«'))?;
    let q = open.len_utf8();
    for (n, (i, c)) in s[q..].char_indices().enumerate() {
        if c == '\n' {
            return None;
        }
        // The quote holds twenty characters at least; then a closing mark may end it.
        if n < 20 || !matches!(c, '"' | '”' | '“' | '»') {
            continue;
        }
        let e = q + i;
        let after = ws_star(s, e + c.len_utf8());
        for dash in ["-", "–", "—", "--", "―", "~"] {
            if !s[after..].starts_with(dash) {
                continue;
            }
            let who = ws_star(s, after + dash.len());
            let rest = &s[who..];
            if rest.len() > 81 * 4 {
                continue; // more than 81 characters, however wide
            }
            let first_ok = rest.chars().next().is_some_and(|c| !c.is_whitespace());
            let n = rest.chars().count();
            if first_ok && (2..=81).contains(&n) && !rest.contains('\n') {
                return Some((q..e, who..s.len()));
            }
        }
    }
    None
}

/// A postal code, then the city, the whole part: "211 43 Malmö", "SW1A 1AA London",
/// "1012 AB Amsterdam", "CA 94115 San Francisco", "D-10115 Berlin". The code is one to three
/// tokens: a state's one to three capitals may come first; then a token of capitals and
/// digits with a digit in it (hyphens after the first digit); then maybe a second such token
/// (no hyphens) or two capitals. The city starts with a capital and holds letters, spaces,
/// dots, apostrophes and hyphens. The code's and the city's ranges; the fullest code is
/// preferred (state, code, second group), as the expression did.
pub fn postal_code_and_city(s: &str) -> Option<(Range<usize>, Range<usize>)> {
    let caps = |t: &str, n: Range<usize>| {
        n.contains(&t.len()) && t.bytes().all(|c| c.is_ascii_uppercase())
    };
    let code_token = |t: &str, hyphens: bool| {
        let b = t.as_bytes();
        let Some(d) = b.iter().position(u8::is_ascii_digit) else {
            return false;
        };
        let part = |c: &u8| c.is_ascii_digit() || c.is_ascii_uppercase();
        let (head, rest) = b.split_at(d);
        head.iter().all(part) && rest.iter().all(|c| part(c) || (hyphens && *c == b'-'))
    };
    // The whitespace-separated tokens with where each ends and where the next begins.
    let mut tokens: Vec<(&str, usize)> = Vec::new();
    let mut at = 0;
    while at < s.len() && tokens.len() < 4 {
        let end = s[at..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(s.len(), |(i, _)| at + i);
        if end == at {
            return None; // starts with a space
        }
        tokens.push((&s[at..end], end));
        at = ws_star(s, end);
        if at == end {
            break;
        }
    }
    let city_ok = |from: usize| {
        let city = &s[from..];
        city.chars().next().is_some_and(char::is_uppercase)
            && city
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
    };
    let t = |i: usize| tokens.get(i).map_or("", |t| t.0);
    let state = caps(t(0), 1..4);
    // (tokens in the code, whether it is written so), in the expression's order of preference.
    let forms = [
        (
            3,
            state && code_token(t(1), true) && (code_token(t(2), false) || caps(t(2), 2..3)),
        ),
        (2, state && code_token(t(1), true)),
        (
            2,
            code_token(t(0), true) && (code_token(t(1), false) || caps(t(1), 2..3)),
        ),
        (1, code_token(t(0), true)),
    ];
    forms.into_iter().find_map(|(k, written)| {
        let (_, end) = *tokens.get(k - 1)?;
        let city = ws_star(s, end);
        (written && tokens.len() > k && city > end && city_ok(city))
            .then_some((0..end, city..s.len()))
    })
}

/// A part of an address that starts with a postal code: "211 43 Malmö", "10115 Berlin"
/// (digits, spaces and hyphens, two to ten characters, then a capital) or "IL 62701".
pub fn starts_with_postal_code(s: &str) -> bool {
    let c: Vec<char> = s.chars().take(12).collect();
    let digit = |i: usize| c.get(i).is_some_and(char::is_ascii_digit);
    let spaced_code = digit(0)
        && (1..=8).any(|n| {
            (1..=n).all(|i| {
                c.get(i)
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, ' ' | '-'))
            }) && digit(n + 1)
                && {
                    let at: usize = c.iter().take(n + 2).map(|c| c.len_utf8()).sum();
                    let w = ws_star(s, at);
                    w > at && s[w..].chars().next().is_some_and(char::is_uppercase)
                }
        });
    let state_zip = c.len() >= 2 && c.iter().take(2).all(char::is_ascii_uppercase) && {
        let w = ws_star(s, 2);
        w > 2
            && s.as_bytes()
                .get(w..w + 5)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    spaced_code || state_zip
}

/// "Linux (uso diário; entusiasta de distros)": an item with a comment in lower case in
/// brackets at its end; the item before the bracket.
pub fn before_lowercase_comment(s: &str) -> Option<&str> {
    let body = s.strip_suffix(')')?;
    let open = body.rfind('(')?;
    if body[open + 1..].contains(')') || !body[open + 1..].starts_with(char::is_lowercase) {
        return None;
    }
    // The white space right before the bracket, and the shortest item before it.
    let ws_start = body[..open]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_whitespace())
        .last()
        .map(|(i, _)| i)?;
    let first = s.chars().next().map_or(0, char::len_utf8);
    let e = ws_start.max(first);
    (e < open && !s[..e].contains('\n')).then(|| &s[..e])
}

#[cfg(test)]
#[path = "shapes_tests.rs"]
mod tests;
