//! Compiled-once regular expressions from literal patterns, with an opt-in compile timer.

use std::sync::OnceLock;
use std::time::Instant;

/// `static_re!(r"...")` compiles a literal pattern once and returns `&'static Regex`.
///
/// The patterns are literals in this crate and every one is exercised by unit tests, so a
/// compile failure is a programming error caught before release, never a reaction to input.
/// With `RC_REGEX_TIMING` set, each compile prints its place and cost to stderr: start-up is
/// mostly pattern compiles, and this says which ones a run pays for.
#[macro_export]
macro_rules! static_re {
    ($pattern:expr) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| $crate::regex_util::compile($pattern, file!(), line!()))
    }};
}

/// Compiles one literal pattern (see [`static_re!`]).
#[allow(clippy::expect_used)]
pub fn compile(pattern: &str, file: &str, line: u32) -> regex::Regex {
    timed("regex", file, line, || {
        regex::Regex::new(pattern).expect("literal regex compiles")
    })
}

/// Runs `compile`, printing its place and cost to stderr when `RC_REGEX_TIMING` is set.
fn timed<T>(engine: &str, file: &str, line: u32, compile: impl FnOnce() -> T) -> T {
    static TIMING: OnceLock<bool> = OnceLock::new();
    let timing = *TIMING.get_or_init(|| std::env::var_os("RC_REGEX_TIMING").is_some());
    let start = timing.then(Instant::now);
    let compiled = compile();
    if let Some(start) = start {
        eprintln!("{engine} {file}:{line} {} µs", start.elapsed().as_micros());
    }
    compiled
}

/// `lite_re!(PATTERN)` compiles a pattern of [`crate::patterns`] once with the light engine
/// and returns `&'static regex_lite::Regex`.
#[macro_export]
macro_rules! lite_re {
    ($pattern:expr) => {{
        static RE: std::sync::OnceLock<regex_lite::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| $crate::regex_util::compile_lite($pattern, file!(), line!()))
    }};
}

/// Compiles one pattern with the light engine (see [`lite_re!`]).
#[allow(clippy::expect_used)]
pub fn compile_lite(pattern: &str, file: &str, line: u32) -> regex_lite::Regex {
    timed("lite", file, line, || {
        regex_lite::Regex::new(&lite_pattern(pattern)).expect("literal regex compiles")
    })
}

/// Unicode white space (the `White_Space` property, as the full engine's `\s`), written as the
/// inside of a class for the light engine, whose own `\s` is ASCII only.
const WHITE_SPACE: &str =
    r"\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// A pattern written for the full engine, in the light engine's terms: `\s` and `\S` as
/// Unicode white space (in a class or out of one), `\d` as ASCII digits (the readers take no
/// other digits), `(?-u:\b)` as `\b` (ASCII in the light engine already).
pub fn lite_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut in_class = false;
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix(r"(?-u:\b)") {
            out.push_str(r"\b");
            rest = after;
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '\\' => {
                let Some(e) = rest.chars().next() else {
                    out.push(c);
                    break;
                };
                rest = &rest[e.len_utf8()..];
                match (e, in_class) {
                    ('s', false) => out.push_str(&format!("[{WHITE_SPACE}]")),
                    ('s', true) => out.push_str(WHITE_SPACE),
                    ('S', false) => out.push_str(&format!("[^{WHITE_SPACE}]")),
                    ('d', false) => out.push_str("[0-9]"),
                    ('d', true) => out.push_str("0-9"),
                    _ => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` or `^]` right after the bracket is a character, not the end.
                for lead in ['^', ']'] {
                    if let Some(after) = rest.strip_prefix(lead) {
                        out.push(lead);
                        rest = after;
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}
