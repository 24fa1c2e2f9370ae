//! Hand-written scanners for e-mail addresses, web addresses and phone numbers in running text.
//!
//! They replace three regular expressions whose compilation (large Unicode classes, a list of
//! top-level domains) cost 4 ms of every run. Each scanner keeps its expression's choices (the
//! leftmost match; greedy repeats longest first, giving back only what the rest needs) so it
//! finds what the expression found; a test compares the two on thousands of generated lines.
//! Each stays linear in the length of the text: a start that fails tells which later starts
//! fail the same way, and those are skipped. Addresses longer than the limits of RFC 5321 and
//! RFC 1035 (a local part of 64 characters, a label of 63, 127 labels) are not addresses.

use super::grammar::{ascii_boundary as boundary, ws_star};
use std::ops::Range;

/// Top-level domains a bare address ("bessey.dev") may end with; any address with a scheme or
/// `www.` is taken whatever its domain. In order of preference.
const TLDS: &[&str] = &[
    "com", "org", "net", "io", "dev", "me", "co", "app", "ai", "info", "biz", "blog", "page",
    "site", "tech", "xyz", "us", "uk", "de", "fr", "es", "it", "nl", "se", "no", "dk", "fi", "pl",
    "ch", "at", "be", "ca", "au", "nz", "in", "jp", "cn", "br", "eu", "edu", "gov", "ly", "sh",
    "cc", "tv", "gg", "id", "social",
];

const MAX_LOCAL: usize = 64;
const MAX_LABEL: usize = 63;
const MAX_LABELS: usize = 127;

/// An e-mail address: the whole match (with a `mailto:` in front, if any) and the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub all: Range<usize>,
    pub address: Range<usize>,
}

/// A web address and the label written in front of it ("blog: …"), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    pub label: Option<Range<usize>>,
    pub url: Range<usize>,
}

/// Every e-mail address in `text`, left to right, not overlapping.
pub fn emails(text: &str) -> Vec<Email> {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let mut out = Vec::new();
    let mut p = 0;
    while p < b.len() {
        if !boundary(b, p) {
            p += 1;
            continue;
        }
        let found = [7, 0].iter().find_map(|&skip| {
            let q = p + skip;
            if skip > 0
                && !b
                    .get(p..q)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"mailto:"))
            {
                return None;
            }
            let r = q + run(tail(b, q), local);
            let ok = b.get(q).is_some_and(u8::is_ascii_alphanumeric)
                && r - q <= MAX_LOCAL
                && b.get(r) == Some(&b'@');
            let end = if ok { email_domain(b, r + 1) } else { None }?;
            Some(Email {
                all: p..end,
                address: q..end,
            })
        });
        match found {
            Some(e) => {
                p = e.all.end;
                out.push(e);
            }
            None => {
                // A start on a letter or digit failed on what follows its local part; every
                // later start in the same local part meets the same: it fails too, unless the
                // part ends in the colon of a "mailto:".
                let r = p + run(tail(b, p), local);
                let same = byte(b, p).is_ascii_alphanumeric() && b.get(r) != Some(&b':');
                p = if same && r > p { r } else { p + 1 };
            }
        }
    }
    out
}

/// `[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b` from `at`: where it ends.
fn email_domain(b: &[u8], at: usize) -> Option<usize> {
    let label = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
    let ends = ascii_labels(b, at, label)?;
    // The longest chain first: the last label must begin with two letters or more, then a
    // boundary.
    ends.iter().rev().find_map(|&e| {
        if b.get(e) != Some(&b'.') {
            return None;
        }
        let n = run(tail(b, e + 1), |c| c.is_ascii_alphabetic());
        (n >= 2 && boundary(b, e + 1 + n)).then_some(e + 1 + n)
    })
}

/// Every web address in `text`, left to right, not overlapping, with its label.
pub fn urls(text: &str) -> Vec<Url> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut p = 0;
    // Starts before this byte cannot begin a bare domain (a start before them failed on the
    // same chain of labels).
    let mut dead_until = 0;
    while p < b.len() {
        if !text.is_char_boundary(p) {
            p += 1;
            continue;
        }
        let labelled = label_at(b, p).and_then(|(label, after)| {
            let q = ws_star(text, after);
            url_at(text, q, &mut dead_until).map(|u| Url {
                label: Some(label),
                url: u,
            })
        });
        let found = labelled.or_else(|| {
            url_at(text, p, &mut dead_until).map(|u| Url {
                label: None,
                url: u,
            })
        });
        match found {
            Some(u) => {
                p = u.url.end;
                out.push(u);
            }
            None => p += 1,
        }
    }
    out
}

/// `\b[a-z][a-z ]{1,12}:` at `p`: the label's range and where the colon ends.
fn label_at(b: &[u8], p: usize) -> Option<(Range<usize>, usize)> {
    if !boundary(b, p) || !b.get(p)?.is_ascii_alphabetic() {
        return None;
    }
    let n = run(tail(b, p + 1), |c| c.is_ascii_alphabetic() || c == b' ').min(12);
    (n >= 1 && b.get(p + 1 + n) == Some(&b':')).then(|| (p..p + 1 + n, p + 2 + n))
}

/// A web address at `p`: with a scheme or `www.`, or a bare domain with a known ending and
/// an optional path.
fn url_at(text: &str, p: usize, dead_until: &mut usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    if !boundary(b, p) {
        return None;
    }
    let prefix = ["https://", "http://", "www."].iter().find(|w| {
        b.get(p..p + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    });
    if let Some(w) = prefix {
        let e = path_run(text, p + w.len());
        if e > p + w.len() {
            return Some(p..e);
        }
    }
    if p < *dead_until {
        return None;
    }
    let first = text[p..].chars().next()?;
    if !(first.is_alphabetic() || first.is_ascii_digit()) {
        return None;
    }
    let (ends, fits) = domain_labels(text, p);
    if !fits {
        // No address lies in a chain past the limits, wherever it starts.
        *dead_until = ends.last().copied().unwrap_or(p);
        return None;
    }
    // The longest chain first; its next label must begin with a known ending and a boundary.
    let tld_end = ends.iter().rev().find_map(|&e| {
        if b.get(e) != Some(&b'.') {
            return None;
        }
        TLDS.iter().find_map(|t| {
            let end = e + 1 + t.len();
            let same = b
                .get(e + 1..end)
                .is_some_and(|x| x.eq_ignore_ascii_case(t.as_bytes()));
            (same && boundary(b, end)).then_some(end)
        })
    });
    let Some(end) = tld_end else {
        // Every later start in this chain sees the same labels after it.
        *dead_until = ends.last().copied().unwrap_or(p);
        return None;
    };
    if b.get(end) == Some(&b'/') {
        return Some(p..path_run(text, end + 1));
    }
    Some(p..end)
}

/// The ends of the labels of a bare domain from `p` (letters, digits and hyphens, joined by
/// dots): after the first label, after each further one; and whether the chain keeps to the
/// limits of RFC 1035.
fn domain_labels(text: &str, p: usize) -> (Vec<usize>, bool) {
    let label_end = |at: usize| {
        let mut n = 0;
        let mut end = at;
        for (i, c) in text[at..].char_indices() {
            if !(c.is_alphabetic() || c.is_ascii_digit() || c == '-') {
                break;
            }
            n += 1;
            end = at + i + c.len_utf8();
        }
        (n, end)
    };
    let (n, mut e) = label_end(p);
    let mut fits = n <= MAX_LABEL;
    let mut ends = vec![e];
    while text.as_bytes().get(e) == Some(&b'.') {
        let (n, next) = label_end(e + 1);
        if n == 0 {
            break;
        }
        fits &= n <= MAX_LABEL;
        e = next;
        ends.push(e);
    }
    fits &= ends.len() <= MAX_LABELS;
    (ends, fits)
}

/// The ends of a chain of ASCII labels from `at` (bytes for which `label` holds, joined by
/// dots): after each label. `None` when the first label is empty or a limit is passed.
fn ascii_labels(b: &[u8], at: usize, label: impl Fn(u8) -> bool) -> Option<Vec<usize>> {
    let mut e = at + run(tail(b, at), &label);
    if e == at || e - at > MAX_LABEL {
        return None;
    }
    let mut ends = vec![e];
    while b.get(e) == Some(&b'.') {
        let n = run(tail(b, e + 1), &label);
        if n == 0 {
            break;
        }
        if n > MAX_LABEL || ends.len() >= MAX_LABELS {
            return None;
        }
        e += 1 + n;
        ends.push(e);
    }
    Some(ends)
}

/// `([^\s<>()\[\]] | \([^\s<>()\[\]]*\))*` from `at`: where it ends.
fn path_run(text: &str, at: usize) -> usize {
    let plain = |c: char| !(c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | '[' | ']'));
    let mut e = at;
    loop {
        let Some(c) = text[e..].chars().next() else {
            return e;
        };
        if plain(c) {
            e += c.len_utf8();
        } else if c == '(' {
            let inner = text[e + 1..]
                .char_indices()
                .find(|(_, c)| !plain(*c))
                .map_or(text.len(), |(i, _)| e + 1 + i);
            if text.as_bytes().get(inner) != Some(&b')') {
                return e;
            }
            e = inner + 1;
        } else {
            return e;
        }
    }
}

/// Every phone number in `text`: a digit, five or more of digits, spaces, brackets, dots and
/// hyphens, a digit; not inside a word, a path or a longer number. Left to right, as the
/// expression it replaces found them: it took one character of context on each side, so a
/// number right after another needs a character of its own before it.
pub fn phones(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let before_ok = |c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '/' | '.' | '-'));
    let after_ok = |c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '/' | '-'));
    let body =
        |c: char| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '(' | ')' | '.' | '-');
    // The number from `q`: where its last digit is, or, when there is none, where the run of
    // number characters it began ends.
    let number = |q: usize| -> Result<usize, Option<usize>> {
        let mut g = q;
        if b.get(g) == Some(&b'+') {
            g += 1;
        }
        if b.get(g) == Some(&b'(') {
            g += 1;
        }
        if !b.get(g).is_some_and(u8::is_ascii_digit) {
            return Err(None);
        }
        let run_end = text[g + 1..]
            .char_indices()
            .find(|(_, c)| !body(*c))
            .map_or(text.len(), |(i, _)| g + 1 + i);
        // Five characters at least between the first digit and the last.
        let first_last = text[g + 1..]
            .char_indices()
            .nth(5)
            .map_or(text.len(), |(i, _)| g + 1 + i);
        (first_last..run_end)
            .rev()
            .find(|&j| {
                byte(b, j).is_ascii_digit() && text[j + 1..].chars().next().is_none_or(after_ok)
            })
            .ok_or(Some(run_end))
    };
    let mut out = Vec::new();
    let mut m = 0;
    while m < b.len() {
        let Some(c) = text.get(m..).and_then(|t| t.chars().next()) else {
            m += 1;
            continue;
        };
        let starts = [
            (m == 0).then_some(0),
            before_ok(c).then_some(m + c.len_utf8()),
        ];
        let mut next = m + c.len_utf8();
        let mut hit = None;
        for q in starts.into_iter().flatten() {
            match number(q) {
                Ok(j) => {
                    hit = Some((q, j));
                    break;
                }
                // Every later start inside the same run has fewer last digits to try: all
                // fail. The next start worth trying takes the run's last character as context.
                Err(Some(run_end)) => {
                    let last = text[..run_end]
                        .char_indices()
                        .next_back()
                        .map_or(0, |(i, _)| i);
                    next = next.max(last);
                }
                Err(None) => {}
            }
        }
        match hit {
            Some((q, j)) => {
                out.push(q..j + 1);
                m = j + 1 + text[j + 1..].chars().next().map_or(0, char::len_utf8);
            }
            None => m = next,
        }
    }
    out
}

/// The bytes of `b` from `at` on (none past the end).
fn tail(b: &[u8], at: usize) -> &[u8] {
    b.get(at..).unwrap_or_default()
}

/// The byte at `i`, or 0 past the end.
fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// How many leading bytes of `b` satisfy `f`.
fn run(b: &[u8], f: impl Fn(u8) -> bool) -> usize {
    b.iter().take_while(|&&c| f(c)).count()
}

#[cfg(test)]
#[path = "contact_scan_tests.rs"]
mod tests;
