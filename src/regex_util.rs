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
    static TIMING: OnceLock<bool> = OnceLock::new();
    let timing = *TIMING.get_or_init(|| std::env::var_os("RC_REGEX_TIMING").is_some());
    let start = timing.then(Instant::now);
    let re = regex::Regex::new(pattern).expect("literal regex compiles");
    if let Some(start) = start {
        eprintln!(
            "regex {file}:{line} {} µs\t{pattern}",
            start.elapsed().as_micros()
        );
    }
    re
}
