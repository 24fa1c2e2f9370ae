//! Personal data that is not résumé content. A date of birth (labelled on its line — "born
//! 3 May 1990", "Geburtsdatum: 03.05.1990", "né le 3 mai 1990", "Data di nascita" — or on
//! the line before, as a heading or a label) is neither an entry's date nor a phone number:
//! JSON Resume has no field for it, so it is taken out before extraction, with a warning.

use super::Found;
use super::lines::Line;

/// Birth labels in the languages the lexicon covers, lowercase; matched as whole words.
const BIRTH_LABELS: &[&str] = &[
    "born",
    "b.",
    "dob",
    "date of birth",
    "birth date",
    "birthdate",
    "birthday",
    "geboren",
    "geb.",
    "geburtsdatum",
    "geburtstag",
    "né",
    "née",
    "date de naissance",
    "naissance",
    "nacido",
    "nacida",
    "fecha de nacimiento",
    "nacimiento",
    "nascido",
    "nascida",
    "data de nascimento",
    "nascimento",
    "nato",
    "nata",
    "data di nascita",
    "nascita",
    "geboortedatum",
    "geboren op",
    "data urodzenia",
    "urodzony",
    "urodzona",
    "ur.",
    "дата рождения",
    "родился",
    "родилась",
];

/// True when `text` holds a birth label as a word of its own (a plain search: this runs on
/// every short dated line, and a Unicode-aware pattern would cost more to build than to run).
fn birth_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    BIRTH_LABELS.iter().any(|label| {
        lower.match_indices(label).any(|(i, m)| {
            let before = lower.get(..i).and_then(|s| s.chars().next_back());
            let after = lower.get(i + m.len()..).and_then(|s| s.chars().next());
            let open = |c: Option<char>| c.is_none_or(|c| !c.is_alphabetic());
            open(before) && (label.ends_with('.') || open(after))
        })
    })
}

/// The lines without birth dates.
pub fn drop_birth_dates(all: Vec<Line>, found: &mut Found) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(all.len());
    let mut label_before = false;
    for l in all {
        let dated = l.date().is_some_and(|r| r.end.is_none() && !r.open);
        let short = l.words() <= 8;
        let labelled_here = dated && short && birth_label(&l.text);
        let labelled_above = dated && label_before && l.is_date_only();
        if labelled_here || labelled_above {
            found.warn(l.line, format!("a date of birth, not kept: \"{}\"", l.text));
            label_before = false;
            continue;
        }
        // A label alone ("Date of birth", "DATA DI NASCITA") announces the next line.
        label_before = l.words() <= 4 && l.date().is_none() && birth_label(&l.text);
        if label_before {
            continue;
        }
        out.push(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Kind, Span};

    fn line(t: &str, n: usize) -> Line {
        Line::new(Kind::Paragraph, vec![Span::plain(t)], n, true, n)
    }

    #[test]
    fn birth_dates_are_taken_out_in_several_languages() {
        for texts in [
            vec!["Born 3 May 1990"],
            vec!["Geburtsdatum: 03.05.1990"],
            vec!["né le 3 mai 1990"],
            vec!["Fecha de nacimiento: 14/02/1988"],
            vec!["Data di nascita", "23/11/1999"],
            vec!["Дата рождения: 01.02.1991"],
        ] {
            let lines: Vec<Line> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| line(t, i + 1))
                .collect();
            let mut found = Found::default();
            let kept = drop_birth_dates(lines, &mut found);
            assert!(
                kept.is_empty(),
                "{texts:?} kept {:?}",
                kept.iter().map(|l| &l.text).collect::<Vec<_>>()
            );
            assert_eq!(found.warnings.len(), 1);
        }
    }

    #[test]
    fn other_dates_stay() {
        let lines = vec![
            line("Data Engineer, Nordwind AG", 1),
            line("03/2019 – 05/2021", 2),
        ];
        let mut found = Found::default();
        assert_eq!(drop_birth_dates(lines, &mut found).len(), 2);
    }
}
