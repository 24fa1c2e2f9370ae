//! Compiled-once regular expressions from literal patterns.

/// `static_re!(r"...")` compiles a literal pattern once and returns `&'static Regex`.
///
/// The patterns are literals in this crate and every one is exercised by unit tests, so a
/// compile failure is a programming error caught before release, never a reaction to input.
#[macro_export]
macro_rules! static_re {
    ($pattern:expr) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        #[allow(clippy::expect_used, clippy::regex_creation_in_loops)]
        RE.get_or_init(|| regex::Regex::new($pattern).expect("literal regex compiles"))
    }};
}
