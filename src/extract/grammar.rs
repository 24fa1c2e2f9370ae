//! Small grammars as tables of data, matched by a backtracking walker: the lexicon's patterns
//! (degrees, say) without compiling a regular expression at start-up.
//!
//! A table is a sequence of [`P`] elements. The walker keeps the preferences of a regular
//! expression (the leftmost match; of alternatives the first that leads to a whole match; an
//! optional part taken when it can be), so a table written from an expression finds what the
//! expression found. Each element offers its possible ends, in order of preference, to a
//! continuation that says whether the rest matched.

/// One element of a grammar table.
#[derive(Debug)]
pub enum P {
    /// These characters exactly.
    Lit(&'static str),
    /// A word in any case; in it a space stands for one or more spaces, `~` for none or more,
    /// `'` for either apostrophe (see [`word`]).
    Word(&'static str),
    /// The first of these sequences that leads to a match.
    Alt(&'static [&'static [P]]),
    /// The sequence if it leads to a match, else nothing.
    Opt(&'static [P]),
    /// One white-space character or none (`\s?`).
    OptSpace,
    /// One or more white-space characters (`\s+`), the longest run first.
    Spaces,
    /// An ASCII word boundary (`(?-u:\b)`).
    Boundary,
}

/// The continuation: told where a part ended, it says whether the rest matched.
pub type K<'a> = &'a mut dyn FnMut(usize) -> bool;

/// The leftmost match of `table` in `s`: its byte range.
pub fn find(s: &str, table: &[P]) -> Option<std::ops::Range<usize>> {
    (0..s.len())
        .filter(|&p| s.is_char_boundary(p))
        .find_map(|p| match_at(s, p, table).map(|e| p..e))
}

/// Where a match of `table` starting at `at` ends, if there is one.
pub fn match_at(s: &str, at: usize, table: &[P]) -> Option<usize> {
    let mut end = None;
    seq(s, at, table, &mut |e| {
        end = Some(e);
        true
    });
    end
}

fn seq(s: &str, at: usize, ps: &[P], k: K) -> bool {
    let Some((first, rest)) = ps.split_first() else {
        return k(at);
    };
    one(s, at, first, &mut |e| seq(s, e, rest, k))
}

fn one(s: &str, at: usize, p: &P, k: K) -> bool {
    match p {
        P::Lit(l) => s[at..].starts_with(l) && k(at + l.len()),
        P::Word(w) => word(s, at, w).is_some_and(&mut *k),
        P::Alt(alts) => alts.iter().any(|a| seq(s, at, a, k)),
        P::Opt(x) => seq(s, at, x, k) || k(at),
        P::OptSpace => {
            let space = s[at..].chars().next().filter(|c| c.is_whitespace());
            space.is_some_and(|c| k(at + c.len_utf8())) || k(at)
        }
        P::Spaces => {
            let ends: Vec<usize> = s[at..]
                .char_indices()
                .take_while(|(_, c)| c.is_whitespace())
                .map(|(i, c)| at + i + c.len_utf8())
                .collect();
            ends.into_iter().rev().any(k)
        }
        P::Boundary => boundary(s, at) && k(at),
    }
}

/// A word at `at`, in any case: where it ends. In `pattern`, a space stands for one or more
/// white-space characters, `~` for none or more, `'` for either apostrophe (`'` or `’`).
pub fn word(s: &str, at: usize, pattern: &str) -> Option<usize> {
    let mut p = at;
    for want in pattern.chars() {
        match want {
            ' ' => p = ws_plus(s, p)?,
            '~' => p = ws_star(s, p),
            _ => {
                let c = s.get(p..)?.chars().next()?;
                let same = if want == '\'' {
                    matches!(c, '\'' | '’')
                } else {
                    c == want || c.to_lowercase().eq(std::iter::once(want))
                };
                if !same {
                    return None;
                }
                p += c.len_utf8();
            }
        }
    }
    Some(p)
}

/// `\s*`: where a run of white space from `at` ends.
pub fn ws_star(s: &str, at: usize) -> usize {
    s[at..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(s.len(), |(i, _)| at + i)
}

/// `\s+`: where a run of white space from `at` ends, if there is one.
pub fn ws_plus(s: &str, at: usize) -> Option<usize> {
    let e = ws_star(s, at);
    (e > at).then_some(e)
}

/// An ASCII word boundary (`(?-u:\b)`): a word character on one side only.
pub fn boundary(s: &str, at: usize) -> bool {
    ascii_boundary(s.as_bytes(), at)
}

/// [`boundary`] on bytes.
pub fn ascii_boundary(b: &[u8], at: usize) -> bool {
    let w = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_';
    let before = at > 0 && b.get(at - 1).is_some_and(w);
    before != b.get(at).is_some_and(w)
}
