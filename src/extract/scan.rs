//! Hand-written scanners for small shapes of text whose regular expressions would cost more to
//! compile (large Unicode classes, counted repeats) than a whole run spends reading: every
//! pattern compiled is paid at start-up by each process (issue: start-up near the floor).

/// A bracketed word of letters and dots, 2 to 12 characters, at the start of `s` after
/// spaces ("(Hons)", "(M.Eng.)"): the bracket's byte range in `s` and the word.
pub fn leading_bracketed_word(s: &str) -> Option<(std::ops::Range<usize>, &str)> {
    let start = s.len() - s.trim_start().len();
    let rest = s[start..].strip_prefix('(')?;
    let close = rest.find(')')?;
    let word = &rest[..close];
    let n = word.chars().count();
    ((2..=12).contains(&n) && word.chars().all(|c| c.is_alphabetic() || c == '.'))
        .then(|| (start..start + close + 2, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_words() {
        assert_eq!(leading_bracketed_word(" (Hons) in X"), Some((1..7, "Hons")));
        assert_eq!(leading_bracketed_word("(M.Eng.)"), Some((0..8, "M.Eng.")));
        assert_eq!(
            leading_bracketed_word("(Ingeniería)"),
            Some((0..13, "Ingeniería"))
        );
        assert_eq!(leading_bracketed_word("(C)"), None);
        assert_eq!(leading_bracketed_word("(Computer Science)"), None);
        assert_eq!(leading_bracketed_word("(Thirteenchars)"), None);
        assert_eq!(leading_bracketed_word("x (Hons)"), None);
        assert_eq!(leading_bracketed_word("(Hons"), None);
    }
}
