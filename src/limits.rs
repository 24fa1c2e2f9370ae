//! The limits that keep hostile or broken input from exhausting time or memory, in one place
//! so every reader, the CLI flags and the README agree.
//!
//! Each limit has a default generous for any real résumé and a command-line flag to raise it;
//! going over one is a clear error naming the file and the flag, never a crash.

use crate::error::Error;

/// What one input may hold. [`Limits::default`] is what the command line uses unless a
/// `--max-*` flag says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes read from a file or standard input (`--max-input-size`, 20 MB).
    pub input: u64,
    /// Bytes in one line of a text or Markdown input (`--max-line-length`, 1 MB).
    pub line: usize,
    /// Nesting of arrays and objects in a JSON input (`--max-json-depth`, 64; at most
    /// [`JSON_DEPTH_CEILING`]).
    pub json_depth: usize,
    /// Pages of a PDF input (`--max-pages`, 500).
    pub pages: usize,
    /// Bytes a DOCX archive may expand to (`--max-unpacked-size`, 50 MB).
    pub unpacked: u64,
    /// Files in a DOCX archive (2,000).
    pub entries: usize,
    /// How much one DOCX archive entry over 1 MB may be compressed (200:1, a zip bomb above).
    pub ratio: u64,
}

/// The deepest JSON the parser accepts whatever `--max-json-depth` says (serde_json's own
/// recursion limit, 128, which is what keeps the parser off the end of the stack).
pub const JSON_DEPTH_CEILING: usize = 100;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            input: 20 * 1024 * 1024,
            line: 1024 * 1024,
            json_depth: 64,
            pages: 500,
            unpacked: 50 * 1024 * 1024,
            entries: 2000,
            ratio: 200,
        }
    }
}

impl Limits {
    /// Refuses a text whose longest line is over [`Limits::line`], naming that line.
    pub fn check_lines(&self, text: &str, file: &str) -> Result<(), Error> {
        for (n, line) in text.split('\n').enumerate() {
            if line.len() > self.line {
                return Err(Error::Unreadable {
                    file: format!("{file}:{}", n + 1),
                    message: format!(
                        "line is longer than the {} line limit (raise it with --max-line-length)",
                        crate::human_size(self.line as u64)
                    ),
                });
            }
        }
        Ok(())
    }

    /// Refuses JSON nested deeper than [`Limits::json_depth`], naming the line where it goes
    /// too deep. A scan of brackets outside strings, before any parsing.
    pub fn check_json_depth(&self, bytes: &[u8], file: &str) -> Result<(), Error> {
        let limit = self.json_depth.min(JSON_DEPTH_CEILING);
        let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
        let (mut in_string, mut escaped) = (false, false);
        for &b in bytes {
            column += 1;
            if b == b'\n' {
                line += 1;
                column = 0;
            }
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limit {
                        return Err(Error::Unreadable {
                            file: format!("{file}:{line}:{column}"),
                            message: format!(
                                "JSON nested deeper than {limit} levels (raise it with --max-json-depth, up to {JSON_DEPTH_CEILING})"
                            ),
                        });
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_named_by_number() {
        let limits = Limits {
            line: 10,
            ..Limits::default()
        };
        assert!(limits.check_lines("short\nalso short", "a.txt").is_ok());
        let err = limits
            .check_lines("short\n0123456789ab\n", "a.txt")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt:2: line is longer than the 10 bytes line limit (raise it with --max-line-length)"
        );
    }

    #[test]
    fn json_depth_ignores_brackets_in_strings() {
        let limits = Limits {
            json_depth: 2,
            ..Limits::default()
        };
        assert!(
            limits
                .check_json_depth(br#"{"a": ["[[[{{{"]}"#, "f")
                .is_ok()
        );
        let err = limits
            .check_json_depth(b"{\"a\":\n [[1]]}", "f.json")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.json:2:3: JSON nested deeper than 2 levels (raise it with --max-json-depth, up to 100)"
        );
    }
}
