//! Accents drawn as glyphs of their own over letters, composed with them.

use super::Run;

/// The combining mark a spacing accent stands for, when drawn over a letter.
fn combining(accent: &str) -> Option<char> {
    Some(match accent {
        "`" => '\u{300}',
        "´" => '\u{301}',
        "ˆ" | "^" => '\u{302}',
        "˜" | "~" => '\u{303}',
        "¯" => '\u{304}',
        "˘" => '\u{306}',
        "˙" => '\u{307}',
        "¨" => '\u{308}',
        "˚" => '\u{30A}',
        "˝" => '\u{30B}',
        "ˇ" => '\u{30C}',
        "¸" => '\u{327}',
        "˛" => '\u{328}',
        _ => return None,
    })
}

/// An accent drawn as a glyph of its own over a letter (TeX's `\"a` in a font without
/// accented letters, older word processors) joins that letter: the run of only a spacing
/// accent whose middle falls on another run's letter becomes that letter composed with it
/// ("Universit¨at" → "Universität"). Runs arrive sorted by x.
pub(super) fn compose_accents(runs: &mut Vec<Run>) {
    use unicode_normalization::UnicodeNormalization;
    let mut i = 0;
    while i < runs.len() {
        let Some(mark) = runs.get(i).and_then(|r| combining(r.text.trim())) else {
            i += 1;
            continue;
        };
        let centre = runs.get(i).map_or(0.0, |r| r.x + r.width / 2.0);
        // Runs are sorted by x: the letter is among the accent's neighbours (a bounded
        // look, so a line of a million accents stays linear).
        let from = i.saturating_sub(4);
        let target = runs
            .iter()
            .enumerate()
            .skip(from)
            .take(9)
            .position(|(j, r)| {
                j != i
                    && combining(r.text.trim()).is_none()
                    && r.x - 0.5 <= centre
                    && centre <= r.x + r.width + 0.5
                    && r.text.chars().any(char::is_alphabetic)
            });
        let Some(j) = target.map(|k| k + from) else {
            i += 1;
            continue;
        };
        if let Some(r) = runs.get_mut(j) {
            let chars: Vec<char> = r.text.chars().collect();
            let n = chars.len().max(1);
            let at = (((centre - r.x) / r.width.max(0.01)) * n as f32)
                .floor()
                .max(0.0) as usize;
            let at = at.min(n - 1);
            // The letter under the accent; a dotless i takes it as an i does.
            let mut text = String::with_capacity(r.text.len() + 2);
            for (k, c) in chars.iter().enumerate() {
                if k == at && c.is_alphabetic() {
                    let base = if *c == 'ı' { 'i' } else { *c };
                    text.extend([base, mark].iter().collect::<String>().nfc());
                } else {
                    text.push(*c);
                }
            }
            r.text = text;
        }
        runs.remove(i);
    }
}
