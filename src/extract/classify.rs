//! Sections told by what is under them. A heading the lexicon does not know is still a
//! heading; what its section holds can be read from its lines, in any language:
//! - a word of the heading that names a section ("Publications and media") is evidence;
//! - spoken-language names with levels (CEFR, "native", "fluent", "Muttersprache") → languages;
//! - dated entries whose headers carry degree or school words → education;
//! - dated entries otherwise → work;
//! - short terms in comma, bullet or pipe lists → skills.
//!
//! The result is a guess, so extraction warns about it; a section with none of these shapes is
//! left unplaced (and every line of it warned about).

use super::lexicon::{self, Section};
use super::lines::Line;

/// What the lines of a section look like, counted once.
#[derive(Debug, Default)]
struct Shape {
    lines: usize,
    dated: usize,
    schools: usize,
    languages: usize,
    term_lists: usize,
    sentences: usize,
}

/// A list of at least `min` short terms (four words at most each) set apart by commas,
/// bullets, pipes or semicolons: "Rust, Go, PostgreSQL", "Figma • Sketch".
pub fn is_term_list(text: &str, min: usize) -> bool {
    let parts = super::lines::split_commas(
        &text
            .replace(['•', '|', '·'], ",")
            .replace(" / ", ",")
            .replace(" – ", ","),
    );
    parts.len() >= min
        && parts
            .iter()
            .all(|t| t.trim_end_matches('.').split_whitespace().count() <= 4)
}

/// How many CEFR levels ("A1" to "C2", as a word of their own) `text` names.
fn cefr_levels(text: &str) -> usize {
    let b = text.as_bytes();
    let word = |i: usize| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    };
    (0..b.len().saturating_sub(1))
        .filter(|&i| {
            matches!(b.get(i), Some(b'A' | b'B' | b'C'))
                && matches!(b.get(i + 1), Some(b'1' | b'2'))
                && (i == 0 || !word(i - 1))
                && !word(i + 2)
        })
        .count()
}

fn shape(lines: &[Line]) -> Shape {
    let mut s = Shape::default();
    for l in lines {
        s.lines += 1;
        if l.date().is_some() && l.words() <= 20 {
            s.dated += 1;
        }
        if super::entries::has_degree(&l.text)
            || l.text
                .split_whitespace()
                .any(|w| lexicon::has(lexicon::SCHOOL_WORDS, w))
        {
            s.schools += 1;
        }
        let words: Vec<&str> = l
            .text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        let names = words
            .iter()
            .filter(|w| lexicon::has(lexicon::LANGUAGE_NAMES, w))
            .count();
        let levels = words
            .iter()
            .filter(|w| lexicon::has(lexicon::FLUENCY_WORDS, w))
            .count()
            + cefr_levels(&l.text);
        if names >= 1 && (levels >= 1 || names * 2 >= words.len().max(1)) {
            s.languages += 1;
        }
        if is_term_list(&l.text, 3) || (l.is_item() && l.words() <= 4) {
            s.term_lists += 1;
        }
        if l.sentence_like() || l.words() > 20 {
            s.sentences += 1;
        }
    }
    s
}

/// The section that a heading the lexicon does not know most likely opens, from the heading's
/// own words and from what is under it.
pub fn by_content(title: &str, lines: &[Line]) -> Option<Section> {
    // A section word among others: "Publications and media", "Voluntary Experience".
    let norm = lexicon::normalize_heading(title);
    let named: Vec<Section> = norm
        .split(' ')
        .filter_map(|w| lexicon::section_words::classify_words(&[w]))
        .collect();
    if let [one] = named.as_slice() {
        return Some(*one);
    }
    let s = shape(lines);
    if s.lines == 0 {
        return None;
    }
    if s.languages * 2 > s.lines {
        return Some(Section::Languages);
    }
    if s.dated >= 1 && s.dated * 4 >= s.lines.min(12) {
        return Some(if s.schools * 2 >= s.dated {
            Section::Education
        } else {
            Section::Work
        });
    }
    if s.term_lists * 2 > s.lines && s.sentences * 2 <= s.lines {
        return Some(Section::Skills);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Kind, Span};

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line::new(Kind::Paragraph, vec![Span::plain(*t)], i + 1, true, i))
            .collect()
    }

    #[test]
    fn dated_entries_are_work_or_education() {
        // English, Portuguese, German.
        for l in [
            vec!["2019 – 2023  Nordlicht Logistik", "Warehouse coordinator"],
            vec!["mar. 2020 – atual  Padaria Estrela", "Gerente de loja"],
            vec!["04/2018 – heute  Brenner Metallbau", "Schichtleiter"],
        ] {
            assert_eq!(by_content("Stationen", &lines(&l)), Some(Section::Work));
        }
        for l in [
            vec![
                "2014 – 2018  University of Leeds",
                "Bachelor of Arts in History",
            ],
            vec![
                "2012 – 2016  Universidade do Minho",
                "Licenciatura em Física",
            ],
        ] {
            assert_eq!(by_content("Étapes", &lines(&l)), Some(Section::Education));
        }
    }

    #[test]
    fn languages_with_levels() {
        for l in [
            vec!["English (C1)", "Polish – native"],
            vec!["Deutsch: Muttersprache", "Englisch: fließend"],
            vec!["Français courant, Español B2"],
        ] {
            assert_eq!(
                by_content("Verständigung", &lines(&l)),
                Some(Section::Languages)
            );
        }
    }

    #[test]
    fn term_lists_are_skills() {
        for l in [
            vec![
                "Rust, Go, PostgreSQL, Kafka",
                "Terraform / OpenTofu, Ansible, Nix",
            ],
            vec!["Figma • Sketch • Illustrator • After Effects"],
            vec!["Excel | SAP | Power BI"],
        ] {
            assert_eq!(by_content("Toolkit", &lines(&l)), Some(Section::Skills));
        }
    }

    #[test]
    fn a_section_word_in_the_heading_decides() {
        assert_eq!(
            by_content("Publications and media", &lines(&["2018 A book"])),
            Some(Section::Publications)
        );
    }

    #[test]
    fn prose_is_not_guessed() {
        let l = lines(&[
            "I grew up on a farm and still spend my summers there, helping with the harvest.",
            "Reading and long walks keep me sane.",
        ]);
        assert_eq!(by_content("Elsewhere", &l), None);
    }
}
