//! The words a written résumé prints in each output language (`--lang`): section titles,
//! month abbreviations, the open end of a range ("Present") and its end-only form ("Until"),
//! and the footer's "Page … of …". Every word here is one the reader knows (the section
//! lexicon, the month table, the date grammar's open-end and until words), so a résumé
//! written in any of these languages reads back as itself; a test holds that.

/// The printed words of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub lang: &'static str,
    pub summary: &'static str,
    pub experience: &'static str,
    pub volunteering: &'static str,
    pub education: &'static str,
    pub projects: &'static str,
    pub skills: &'static str,
    pub awards: &'static str,
    pub certificates: &'static str,
    pub publications: &'static str,
    pub languages: &'static str,
    pub interests: &'static str,
    pub references: &'static str,
    pub present: &'static str,
    pub until: &'static str,
    pub months: [&'static str; 12],
    pub page: &'static str,
    pub of: &'static str,
}

/// The languages, English first (the default).
pub const LANGUAGES: &[Words] = &[
    ENGLISH,
    Words {
        lang: "de",
        summary: "Profil",
        experience: "Berufserfahrung",
        volunteering: "Ehrenamt",
        education: "Ausbildung",
        projects: "Projekte",
        skills: "Kenntnisse",
        awards: "Auszeichnungen",
        certificates: "Zertifikate",
        publications: "Publikationen",
        languages: "Sprachen",
        interests: "Interessen",
        references: "Referenzen",
        present: "heute",
        until: "bis",
        months: [
            "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
        ],
        page: "Seite",
        of: "von",
    },
    Words {
        lang: "fr",
        summary: "Profil",
        experience: "Expérience professionnelle",
        volunteering: "Bénévolat",
        education: "Formation",
        projects: "Projets",
        skills: "Compétences",
        awards: "Distinctions",
        certificates: "Certifications",
        publications: "Publications",
        languages: "Langues",
        interests: "Centres d'intérêt",
        references: "Références",
        present: "aujourd'hui",
        until: "jusqu'en",
        months: [
            "janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov",
            "déc",
        ],
        page: "Page",
        of: "sur",
    },
    Words {
        lang: "es",
        summary: "Perfil",
        experience: "Experiencia",
        volunteering: "Voluntariado",
        education: "Formación",
        projects: "Proyectos",
        skills: "Habilidades",
        awards: "Premios",
        certificates: "Certificaciones",
        publications: "Publicaciones",
        languages: "Idiomas",
        interests: "Intereses",
        references: "Referencias",
        present: "actualidad",
        until: "hasta",
        months: [
            "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
        ],
        page: "Página",
        of: "de",
    },
    Words {
        lang: "pt",
        summary: "Perfil",
        experience: "Experiência",
        volunteering: "Voluntariado",
        education: "Formação",
        projects: "Projetos",
        skills: "Competências",
        awards: "Prémios",
        certificates: "Certificações",
        publications: "Publicações",
        languages: "Idiomas",
        interests: "Interesses",
        references: "Referências",
        present: "atual",
        until: "até",
        months: [
            "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
        ],
        page: "Página",
        of: "de",
    },
    Words {
        lang: "it",
        summary: "Profilo",
        experience: "Esperienza",
        volunteering: "Volontariato",
        education: "Istruzione",
        projects: "Progetti",
        skills: "Competenze",
        awards: "Premi",
        certificates: "Certificazioni",
        publications: "Pubblicazioni",
        languages: "Lingue",
        interests: "Interessi",
        references: "Referenze",
        present: "oggi",
        until: "fino a",
        months: [
            "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
        ],
        page: "Pagina",
        of: "di",
    },
    Words {
        lang: "nl",
        summary: "Profiel",
        experience: "Werkervaring",
        volunteering: "Vrijwilligerswerk",
        education: "Opleiding",
        projects: "Projecten",
        skills: "Vaardigheden",
        awards: "Prijzen",
        certificates: "Certificaten",
        publications: "Publicaties",
        languages: "Talen",
        interests: "Interesses",
        references: "Referenties",
        present: "heden",
        until: "tot",
        months: [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
        page: "Pagina",
        of: "van",
    },
    Words {
        lang: "pl",
        summary: "Podsumowanie",
        experience: "Doświadczenie zawodowe",
        volunteering: "Wolontariat",
        education: "Wykształcenie",
        projects: "Projekty",
        skills: "Umiejętności",
        awards: "Nagrody",
        certificates: "Certyfikaty",
        publications: "Publikacje",
        languages: "Języki",
        interests: "Zainteresowania",
        references: "Referencje",
        present: "obecnie",
        until: "do",
        months: [
            "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru",
        ],
        page: "Strona",
        of: "z",
    },
];

impl Words {
    /// The words of a BCP 47 tag's language ("de-AT" → German), English when it has none.
    pub fn of(tag: &str) -> &'static Words {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_lowercase();
        LANGUAGES
            .iter()
            .find(|w| w.lang == primary)
            .unwrap_or(&ENGLISH)
    }
}

/// English, the default.
const ENGLISH: Words = Words {
    lang: "en",
    summary: "Summary",
    experience: "Experience",
    volunteering: "Volunteering",
    education: "Education",
    projects: "Projects",
    skills: "Skills",
    awards: "Awards",
    certificates: "Certificates",
    publications: "Publications",
    languages: "Languages",
    interests: "Interests",
    references: "References",
    present: "Present",
    until: "Until",
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    page: "Page",
    of: "of",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::{Section, classify_heading};

    /// Every printed word is one the reader knows: each title names its section, each month
    /// its number, the open end is an open-end word.
    #[test]
    fn every_word_reads_back() {
        for w in LANGUAGES {
            for (title, section) in [
                (w.summary, Section::Summary),
                (w.experience, Section::Work),
                (w.volunteering, Section::Volunteer),
                (w.education, Section::Education),
                (w.projects, Section::Projects),
                (w.skills, Section::Skills),
                (w.awards, Section::Awards),
                (w.certificates, Section::Certificates),
                (w.publications, Section::Publications),
                (w.languages, Section::Languages),
                (w.interests, Section::Interests),
                (w.references, Section::References),
            ] {
                assert_eq!(
                    classify_heading(title),
                    Some(section),
                    "{}: {title:?}",
                    w.lang
                );
            }
            for (i, m) in w.months.iter().enumerate() {
                assert_eq!(
                    crate::extract::months::number(m),
                    u32::try_from(i + 1).ok(),
                    "{}: {m}",
                    w.lang
                );
            }
            assert!(
                crate::extract::date_grammar::is_open_end(w.present),
                "{}: {}",
                w.lang,
                w.present
            );
        }
        assert_eq!(Words::of("de-AT").lang, "de");
        assert_eq!(Words::of("sv").lang, "en");
    }
}
