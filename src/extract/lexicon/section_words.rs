//! Section names word by word, one table per language. A heading is classified from its words
//! when the phrase table ([`super::SECTION_SYNONYMS`]) does not know the whole heading: each
//! word is matched against these stems (accents folded, lowercase; a stem ending in `*` matches
//! any word it starts, e.g. `experienc*` for "experiencia", "experiência", "expériences"; one
//! starting with `*` matches any word it ends, for the compounds of German and Dutch:
//! `*erfahrung` for "Arbeitserfahrung", "Berufserfahrung", "Praxiserfahrung"),
//! and the other words must be modifiers ("professional", "clave", "berufliche") or
//! connectors. Adding a language is adding a table here and a row in [`LANGUAGES`].

use super::Section::{self, *};

/// One language's section words: (stem, section).
pub type Table = &'static [(&'static str, Section)];

const EN: Table = &[
    ("experience*", Work),
    ("employment", Work),
    ("occupation*", Work),
    ("career", Work),
    ("work", Work),
    ("jobs", Work),
    ("positions", Work),
    ("appointments", Work),
    ("education*", Education),
    ("studies", Education),
    ("schooling", Education),
    ("qualifications", Education),
    ("training", Education),
    ("skill*", Skills),
    ("competenc*", Skills),
    ("expertise", Skills),
    ("technologies", Skills),
    ("tools", Skills),
    ("proficiencies", Skills),
    ("abilities", Skills),
    ("stack", Skills),
    ("languages", Languages),
    ("language", Languages),
    ("projects", Projects),
    ("portfolio", Projects),
    ("publications", Publications),
    ("papers", Publications),
    ("articles", Publications),
    ("talks", Publications),
    ("awards", Awards),
    ("honors", Awards),
    ("honours", Awards),
    ("achievements", Awards),
    ("prizes", Awards),
    ("scholarships", Awards),
    ("certifications", Certificates),
    ("certificates", Certificates),
    ("certification", Certificates),
    ("licenses", Certificates),
    ("interests", Interests),
    ("hobbies", Interests),
    ("volunteer*", Volunteer),
    ("references", References),
    ("summary", Summary),
    ("profile", Summary),
    ("objective", Summary),
    ("contact", Contact),
];

const DE: Table = &[
    ("berufserfahrung*", Work),
    ("erfahrung*", Work),
    ("berufspraxis", Work),
    ("werdegang", Work),
    ("beruflicher", Work),
    ("taetigkeit*", Work),
    ("tatigkeit*", Work),
    ("praktik*", Work),
    ("ausbildung*", Education),
    ("bildung*", Education),
    ("studium", Education),
    ("schulbildung", Education),
    ("kenntnisse", Skills),
    ("fahigkeiten", Skills),
    ("faehigkeiten", Skills),
    ("kompetenzen", Skills),
    ("fachkenntnisse", Skills),
    ("sprachen", Languages),
    ("sprachkenntnisse", Languages),
    ("fremdsprachen", Languages),
    ("projekte", Projects),
    ("publikationen", Publications),
    ("veroffentlichungen", Publications),
    ("auszeichnungen", Awards),
    ("zertifikate", Certificates),
    ("zertifizierungen", Certificates),
    ("interessen", Interests),
    ("hobbys", Interests),
    ("ehrenamt*", Volunteer),
    ("referenzen", References),
    ("profil", Summary),
    ("kurzprofil", Summary),
    ("uber", Summary),
    ("kontakt*", Contact),
    ("personliche", Contact),
    // Compounds name their section in their last part.
    ("*erfahrung", Work),
    ("*erfahrungen", Work),
    ("*werdegang", Work),
    ("*laufbahn", Work),
    ("*tatigkeiten", Work),
    ("*praktika", Work),
    ("*ausbildung", Education),
    ("*bildung", Education),
    ("*kenntnisse", Skills),
    ("*kompetenzen", Skills),
    ("*fahigkeiten", Skills),
    ("*sprachen", Languages),
    ("*projekte", Projects),
    ("*zertifikate", Certificates),
    ("*auszeichnungen", Awards),
    ("*interessen", Interests),
    ("personliches", Contact),
];

const FR: Table = &[
    ("experience*", Work),
    ("parcours", Work),
    ("emplois", Work),
    ("formation*", Education),
    ("etudes", Education),
    ("diplomes", Education),
    ("cursus", Education),
    ("competence*", Skills),
    ("outils", Skills),
    ("savoir", Skills),
    ("langues", Languages),
    ("langue", Languages),
    ("linguisti*", Languages),
    ("projets", Projects),
    ("realisations", Projects),
    ("publications", Publications),
    ("prix", Awards),
    ("distinctions", Awards),
    ("recompenses", Awards),
    ("certifications", Certificates),
    ("certificats", Certificates),
    ("interet*", Interests),
    ("loisirs", Interests),
    ("benevolat", Volunteer),
    ("references", References),
    ("profil", Summary),
    ("propos", Summary),
    ("coordonnees", Contact),
];

const ES: Table = &[
    ("experiencia*", Work),
    ("trayectoria", Work),
    ("empleo*", Work),
    ("formacion", Education),
    ("educacion", Education),
    ("estudios", Education),
    ("habilidades", Skills),
    ("competencias", Skills),
    ("conocimientos", Skills),
    ("herramientas", Skills),
    ("tecnologias", Skills),
    ("aptitudes", Skills),
    ("idiomas", Languages),
    ("lenguas", Languages),
    ("proyectos", Projects),
    ("publicaciones", Publications),
    ("premios", Awards),
    ("reconocimientos", Awards),
    ("logros", Awards),
    ("certificaciones", Certificates),
    ("certificados", Certificates),
    ("cursos", Certificates),
    ("intereses", Interests),
    ("aficiones", Interests),
    ("voluntariado", Volunteer),
    ("referencias", References),
    ("perfil", Summary),
    ("resumen", Summary),
    ("contacto", Contact),
];

const PT: Table = &[
    ("experiencia*", Work),
    ("historico", Work),
    ("formacao", Education),
    ("educacao", Education),
    ("escolaridade", Education),
    ("habilidades", Skills),
    ("competencias", Skills),
    ("conhecimentos", Skills),
    ("ferramentas", Skills),
    ("tecnologias", Skills),
    ("idiomas", Languages),
    ("linguas", Languages),
    ("projetos", Projects),
    ("publicacoes", Publications),
    ("premios", Awards),
    ("conquistas", Awards),
    ("certificacoes", Certificates),
    ("certificados", Certificates),
    ("cursos", Certificates),
    ("interesses", Interests),
    ("voluntariado", Volunteer),
    ("referencias", References),
    ("perfil", Summary),
    ("resumo", Summary),
    ("sobre", Summary),
    ("contato", Contact),
    ("contacto", Contact),
];

const IT: Table = &[
    ("esperienz*", Work),
    ("lavoro", Work),
    ("lavorative", Work),
    ("istruzione", Education),
    ("formazione", Education),
    ("studi", Education),
    ("competenze", Skills),
    ("conoscenze", Skills),
    ("capacita", Skills),
    ("strumenti", Skills),
    ("lingue", Languages),
    ("linguistiche", Languages),
    ("progetti", Projects),
    ("pubblicazioni", Publications),
    ("premi", Awards),
    ("riconoscimenti", Awards),
    ("certificazioni", Certificates),
    ("interessi", Interests),
    ("hobby", Interests),
    ("volontariato", Volunteer),
    ("referenze", References),
    ("profilo", Summary),
    ("chi", Summary),
    ("contatti", Contact),
];

const NL: Table = &[
    ("werkervaring", Work),
    ("ervaring", Work),
    ("loopbaan", Work),
    ("opleiding*", Education),
    ("vaardigheden", Skills),
    ("competenties", Skills),
    ("kennis", Skills),
    ("talen", Languages),
    ("talenkennis", Languages),
    ("taalvaardigheden", Languages),
    ("taalvaardigheid", Languages),
    ("projecten", Projects),
    ("publicaties", Publications),
    ("prijzen", Awards),
    ("certificaten", Certificates),
    ("interesses", Interests),
    ("hobbys", Interests),
    ("vrijwilligerswerk", Volunteer),
    ("referenties", References),
    ("profiel", Summary),
    ("mij", Summary),
    ("contactgegevens", Contact),
    ("*ervaring", Work),
    ("*opleiding", Education),
    ("*opleidingen", Education),
    ("*vaardigheden", Skills),
    ("*talen", Languages),
    ("*projecten", Projects),
];

const PL: Table = &[
    ("doswiadczenie", Work),
    ("zatrudnienie", Work),
    ("przebieg", Work),
    ("wyksztalcenie", Education),
    ("edukacja", Education),
    ("umiejetnosci", Skills),
    ("kompetencje", Skills),
    ("jezyki", Languages),
    ("jezykowe", Languages),
    ("projekty", Projects),
    ("publikacje", Publications),
    ("nagrody", Awards),
    ("osiagniecia", Awards),
    ("certyfikaty", Certificates),
    ("zainteresowania", Interests),
    ("wolontariat", Volunteer),
    ("referencje", References),
    ("profil", Summary),
    ("podsumowanie", Summary),
    ("mnie", Summary),
    ("kontakt", Contact),
];

const RU: Table = &[
    ("опыт*", Work),
    ("работа", Work),
    ("деятельност*", Work),
    ("карьер*", Work),
    ("образован*", Education),
    ("обучени*", Education),
    ("навык*", Skills),
    ("умени*", Skills),
    ("компетенци*", Skills),
    ("технологи*", Skills),
    ("инструмент*", Skills),
    ("язык*", Languages),
    ("проект*", Projects),
    ("публикаци*", Publications),
    ("наград*", Awards),
    ("достижени*", Awards),
    ("сертифика*", Certificates),
    ("курсы", Certificates),
    ("интерес*", Interests),
    ("хобби", Interests),
    ("увлечени*", Interests),
    ("волонтер*", Volunteer),
    ("рекомендаци*", References),
    ("себе", Summary),
    ("профиль", Summary),
    ("резюме", Summary),
    ("контакт*", Contact),
];

/// Every language's table, by ISO 639-1 code.
pub const LANGUAGES: &[(&str, Table)] = &[
    ("en", EN),
    ("de", DE),
    ("fr", FR),
    ("es", ES),
    ("pt", PT),
    ("it", IT),
    ("nl", NL),
    ("pl", PL),
    ("ru", RU),
];

/// Words that qualify a section name without changing it ("Professional Experience",
/// "Experiencia profesional", "Competencias clave", "Berufliche Erfahrung"), in every
/// language above, and the connectors between two names.
pub const MODIFIERS: &[&str] = &[
    // en
    "professional",
    "academic",
    "technical",
    "key",
    "core",
    "selected",
    "relevant",
    "other",
    "additional",
    "personal",
    "recent",
    "main",
    "work",
    "industry",
    "research",
    "teaching",
    "previous",
    "general",
    "computer",
    "soft",
    "hard",
    "spoken",
    "human",
    "foreign",
    "history",
    "background",
    "details",
    "information",
    "info",
    "and",
    "of",
    "in",
    "the",
    "my",
    "amp",
    "extracurricular",
    "notable",
    "it",
    "edv",
    "mich",
    "mi",
    "mim",
    "me",
    "sono",
    "su",
    "over",
    "a",
    "sobre",
    "o",
    "ict",
    "major",
    "current",
    "full",
    "list",
    // de
    "berufliche",
    "beruflicher",
    "akademische",
    "akademischer",
    "schulische",
    "technische",
    "weitere",
    "sonstige",
    "und",
    "der",
    "die",
    "das",
    "praktische",
    "ausgewahlte",
    "daten",
    "angaben",
    "besondere",
    "personliche",
    // fr
    "professionnelle",
    "professionnelles",
    "professionnel",
    "academique",
    "academiques",
    "techniques",
    "technique",
    "informatiques",
    "autres",
    "principales",
    "et",
    "de",
    "des",
    "du",
    "d",
    "personnelles",
    "centres",
    "divers",
    // es / pt / it
    "profesional",
    "profesionales",
    "profissional",
    "profissionais",
    "academica",
    "academico",
    "academicas",
    "tecnicas",
    "tecnicos",
    "tecnica",
    "tecnicos",
    "clave",
    "principales",
    "personales",
    "otras",
    "otros",
    "complementaria",
    "complementar",
    "complementares",
    "informacion",
    "informacoes",
    "pessoais",
    "y",
    "e",
    "del",
    "la",
    "las",
    "los",
    "em",
    "da",
    "do",
    "dos",
    "das",
    "principais",
    "outras",
    "professionale",
    "professionali",
    "lavorativa",
    "lavorative",
    "accademica",
    "tecniche",
    "personali",
    "altre",
    "relevante",
    "relevantes",
    "laboral",
    "laborales",
    // nl / pl
    "professionele",
    "technische",
    "overige",
    "en",
    "zawodowe",
    "techniczne",
    "inne",
    "dodatkowe",
    "i",
    "obce",
    "zawodowy",
    // ru
    "профессиональный",
    "профессиональные",
    "ключевые",
    "технические",
    "владение",
    "и",
    "о",
    "себе",
    "знание",
    "личные",
    "дополнительная",
    "информация",
    "работы",
];

/// Prepositions that open a complement of a head noun (en, de, es, fr, it, nl, pl, pt): "in",
/// "of", "en", "de", "dans", "em", "nel", "im", "für", "w". Not "at", "bei", "chez": those
/// name an employer ("Internship at Acme"), which makes a line an entry, not a heading.
pub const PREPOSITIONS: &[&str] = &[
    "in", "of", "for", "within", "en", "de", "del", "para", "dans", "des", "du", "pour", "em",
    "no", "na", "nos", "nas", "do", "da", "dos", "das", "nel", "nella", "nei", "negli", "di",
    "della", "dei", "per", "im", "fur", "zur", "zum", "voor", "w", "we",
];

/// The section a heading's words name, when every word is a section word, a modifier or a
/// connector. `words` are normalised (lowercase, accents folded).
pub fn classify_words(words: &[&str]) -> Option<Section> {
    let mut hits: Vec<Section> = Vec::new();
    let mut programming = false;
    // How many section words came before the first preposition that follows one: in the
    // head-first noun phrases of the Romance languages (and in English and German after a
    // preposition) what follows the preposition only narrows the head ("Experiencia en la
    // industria", "Expérience dans l'enseignement", "Kenntnisse im Bereich Datenbanken"),
    // so an unknown word there does not make the heading unknown.
    let mut complement_from: Option<usize> = None;
    for (i, w) in words.iter().enumerate() {
        if complement_from.is_none() && !hits.is_empty() && i > 0 && PREPOSITIONS.contains(w) {
            complement_from = Some(hits.len());
        }
        if matches!(
            *w,
            "programming"
                | "coding"
                | "programmiersprachen"
                | "programmation"
                | "programacion"
                | "programacao"
                | "programmazione"
                | "computer"
                | "software"
        ) {
            programming = true;
            continue;
        }
        match lookup(w) {
            Some(s) => hits.push(s),
            None if MODIFIERS.contains(w) => {}
            None => match complement_from {
                Some(n) => {
                    hits.truncate(n);
                    programming = false;
                    break;
                }
                None => return None,
            },
        }
    }
    let first = *hits.first()?;
    // "Language skills", "Compétences linguistiques": spoken languages. "Programming
    // languages": skills.
    if hits.contains(&Languages) {
        return Some(if programming { Skills } else { Languages });
    }
    // "Work" alone is only a modifier when another section word follows ("Work History").
    Some(first)
}

/// A PDF's text layer splits a word at a wide kerning gap ("PUBLICATION S", "EXPERIENC E"):
/// a lone letter after a word joins it when the two together are a section word and the word
/// alone is not.
pub fn rejoin_split_letters(norm: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for w in norm.split(' ') {
        if let Some(prev) = words.last_mut() {
            let joined = format!("{prev}{w}");
            if w.chars().count() == 1 && lookup(prev).is_none() && lookup(&joined).is_some() {
                *prev = joined;
                continue;
            }
        }
        words.push(w.to_string());
    }
    words.join(" ")
}

/// The section one word names in any language's table.
fn lookup(word: &str) -> Option<Section> {
    let mut best: Option<(usize, Section)> = None;
    for (_, table) in LANGUAGES {
        for (stem, section) in *table {
            let hit = match (stem.strip_suffix('*'), stem.strip_prefix('*')) {
                (Some(prefix), _) => word.starts_with(prefix),
                (_, Some(suffix)) => word.ends_with(suffix) && word.len() > suffix.len() + 2,
                _ => word == *stem,
            };
            if hit && best.is_none_or(|(len, _)| stem.len() > len) {
                best = Some((stem.len(), *section));
            }
        }
    }
    best.map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Option<Section> {
        let n = super::super::normalize_heading(s);
        classify_words(&n.split(' ').collect::<Vec<_>>())
    }

    #[test]
    fn section_words_in_eight_languages() {
        for (h, s) in [
            ("Experiência Profissional", Work),
            ("Experiencia Profesional", Work),
            ("Expériences professionnelles", Work),
            ("Esperienze lavorative", Work),
            ("Berufliche Erfahrung", Work),
            ("Doświadczenie zawodowe", Work),
            ("Werkervaring", Work),
            ("Occupation", Work),
            ("Formação Acadêmica", Education),
            ("Formación académica", Education),
            ("Wykształcenie", Education),
            ("Schulische Ausbildung", Education),
            ("Arbeitserfahrung", Work),
            ("Praxiserfahrungen", Work),
            ("Schulbildung", Education),
            ("IT-Kenntnisse", Skills),
            ("Fremdsprachen", Languages),
            ("Werkervaring", Work),
            ("Taalvaardigheden", Languages),
            ("Computervaardigheden", Skills),
            ("Habilidades Técnicas", Skills),
            ("Competencias clave", Skills),
            ("Herramientas", Skills),
            ("Compétences techniques", Skills),
            ("Umiejętności", Skills),
            ("Competenze tecniche", Skills),
            ("Language skills", Languages),
            ("Compétences linguistiques", Languages),
            ("Sprachkenntnisse", Languages),
            ("Języki obce", Languages),
            ("Programming languages", Skills),
            ("Certificações", Certificates),
            ("Centres d'intérêt", Interests),
            ("Perfil Profesional", Summary),
            ("Contact information", Contact),
            ("Über mich", Summary),
            ("À propos", Summary),
            ("Sobre mí", Summary),
            ("Chi sono", Summary),
            ("Over mij", Summary),
            ("O mnie", Summary),
            ("Опыт работы", Work),
            ("Ключевые навыки", Skills),
            ("Владение языками", Languages),
        ] {
            assert_eq!(c(h), Some(s), "{h}");
        }
    }

    #[test]
    fn a_head_noun_with_a_complement_names_its_section() {
        for (h, s) in [
            ("EXPERIENCIA EN LA INDUSTRIA", Work),
            ("Experiencia en ámbito académico", Work),
            ("Conocimientos en computación", Skills),
            ("Experiência em desenvolvimento de sistemas", Work),
            ("Expérience dans l'enseignement", Work),
            ("Esperienza nel settore bancario", Work),
            ("Kenntnisse im Bereich Datenbanken", Skills),
            ("Experience in Healthcare Administration", Work),
            ("Publications in refereed journals", Publications),
            ("Doświadczenie w branży", Work),
            // A complement that is itself all section words keeps the old reading.
            ("Formación en idiomas", Languages),
        ] {
            assert_eq!(c(h), Some(s), "{h}");
        }
    }

    #[test]
    fn a_complement_without_a_head_noun_is_nothing() {
        for h in [
            "Licenciatura en Matemáticas",
            "Ingeniero de software",
            "Master of Science",
            "Head of Engineering",
            "Internship at Acme",
            "Director de proyectos",
            "Universidad de Purdue",
        ] {
            assert_eq!(c(h), None, "{h}");
        }
    }

    #[test]
    fn other_words_are_not_sections() {
        for h in [
            "Project Manager",
            "Senior Engineer",
            "Reading",
            "Acme Labs",
            "Media",
        ] {
            assert_eq!(c(h), None, "{h}");
        }
    }
}
