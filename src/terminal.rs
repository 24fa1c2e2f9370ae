//! Text on its way to a terminal: a file name or a piece of a document may hold escape
//! sequences (a title change, a screen clear) or a newline that makes one message look like
//! two. Every message the command line prints passes through [`visible`] first.

use std::borrow::Cow;

/// The text with every control character shown visibly, as Rust writes it in a string
/// literal (`\n`, `\r`, `\u{1b}`); tabs are kept. C0, DEL and C1 controls are escaped,
/// and so are the bidirectional overrides, which can make a line read differently from
/// what it holds (Unicode TR #36 §2.4).
pub fn visible(s: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(visible("cv.md"), "cv.md");
        assert_eq!(visible("a\u{1b}]0;pwned\u{7}b"), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(visible("x\ny\tz"), "x\\ny\tz");
        assert_eq!(
            visible("\u{9b}2J \u{202e}gpj.exe"),
            "\\u{9b}2J \\u{202e}gpj.exe"
        );
    }
}
