//! Markdown in: recognising Markdown by its content.

/// True when text carries enough Markdown syntax to be read as Markdown even if its name says
/// `.txt`: ATX headings, emphasis markers, links, escaped punctuation as Google Docs writes
/// it. Evidence is summed over lines; one stray `*` is not enough.
pub fn looks_like_markdown(text: &str) -> bool {
    let mut score = 0usize;
    for line in text.lines().take(2000) {
        let t = line.trim_start();
        if t.starts_with('#') && t.trim_start_matches('#').starts_with([' ', '\t']) {
            score += 3;
        }
        if t.contains("**") || t.contains("__") {
            score += 2;
        }
        if t.contains("](") {
            score += 2;
        }
        if t.contains("\\-") || t.contains("\\*") || t.contains("\\.") {
            score += 1;
        }
        if t.starts_with("```") || t.starts_with("> ") {
            score += 1;
        }
        if score >= 6 {
            return true;
        }
    }
    false
}
