//! RenderCV's YAML input (`cv:` with `name`, `sections`, …) read into a JSON Resume and
//! written back, so people who keep their CV for RenderCV can convert it and people with a
//! JSON Resume can hand it to RenderCV.

/// A RenderCV document: its YAML has a top-level `cv:` key (RenderCV's own schema puts the
/// person under `cv`, the design under `design`, the locale under `locale`).
pub fn looks_like(sample: &str) -> bool {
    sample.lines().any(|l| {
        let l = l.trim_end();
        (l == "cv:" || l.starts_with("cv: ")) && !l.starts_with(' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_top_level_cv_key_marks_rendercv() {
        assert!(looks_like("cv:\n  name: Jane Roe\n"));
        assert!(looks_like(
            "# my cv\ndesign:\n  theme: classic\ncv:\n  name: A\n"
        ));
        assert!(!looks_like("basics:\n  cv: nope\n"));
        assert!(!looks_like("basics:\n  name: cv:\n"));
    }
}
