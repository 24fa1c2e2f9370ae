//! Names of degrees and diplomas, as a grammar table ([`crate::extract::grammar`]): the
//! abbreviations of English-speaking and French schools (case as written: "BSc", "M.B.A",
//! "BTS"), and the words of nine languages in any case ("Bachelor of Science", "Laurea
//! magistrale", "Diplôme d'ingénieur"), each with an optional "of/in" field and "degree".
//! A degree ends with a full stop or on a word boundary.

use crate::extract::grammar::P::{self, Alt, Boundary, Lit, Opt, OptSpace, Spaces, Word};

const DOT: &[P] = &[Lit(".")];

/// "BSc", "M.Eng", "D Phil": a letter for the level and the subject's abbreviation.
const LEVEL_SUBJECT: &[P] = &[
    Alt(&[&[Lit("B")], &[Lit("M")], &[Lit("D")]]),
    Opt(DOT),
    OptSpace,
    Alt(&[
        &[Lit("Sc")],
        &[Lit("S")],
        &[Lit("A")],
        &[Lit("Eng")],
        &[Lit("Ed")],
        &[Lit("Phil")],
        &[Lit("Arch")],
        &[Lit("Des")],
        &[Lit("F"), Opt(DOT), Lit("A")],
        &[Lit("B"), Opt(DOT), Lit("A")],
        &[Lit("Tech")],
        &[Lit("Com")],
        &[Lit("Mus")],
    ]),
];

/// Degrees named in words, in any case.
const DEGREE_WORDS: &[&[P]] = &[
    &[Word("bachelor")],
    &[Word("master")],
    &[Word("doctor")],
    &[Word("doctorate")],
    &[Word("associate")],
    &[Word("diploma")],
    &[Word("licence")],
    &[Word("licenciatura")],
    &[Word("magister")],
    &[Word("diplom")],
    &[Word("high school")],
    &[Word("ged")],
    &[Word("certificate")],
    &[Word("abitur")],
    &[Word("fachabitur")],
    &[Word("baccalauréat")],
    &[Word("baccalaureat")],
    &[Word("bachillerato")],
    &[Word("maîtrise")],
    &[Word("maitrise")],
    &[Word("doctorat")],
    &[Word("doctorado")],
    &[Word("doutorado")],
    &[Word("doutoramento")],
    &[Word("dottorato")],
    &[Word("mestrado")],
    &[Word("maestría")],
    &[Word("maestria")],
    &[Word("magíster")],
    &[Word("especialización")],
    &[Word("especializacion")],
    &[Word("especialização")],
    &[Word("especializacao")],
    &[Word("máster")],
    &[Word("master")],
    &[Word("licenciado")],
    &[Word("licenciada")],
    &[Word("licencjat")],
    &[
        Word("laurea"),
        Opt(&[
            Spaces,
            Alt(&[
                &[Word("magistrale")],
                &[Word("triennale")],
                &[Word("specialistica")],
            ]),
        ]),
    ],
    &[Word("grado")],
    &[Word("bacharelado")],
    &[Word("tecnólogo")],
    &[Word("tecnologo")],
    &[Word("técnico superior")],
    &[Word("tecnico superior")],
    &[Word("maturità")],
    &[Word("maturita")],
    &[Word("staatsexamen")],
    &[Word("propedeuse")],
    &[
        Alt(&[&[Word("diplôme")], &[Word("diplome")]]),
        Opt(&[
            Spaces,
            Alt(&[&[Word("d'ingénieur")], &[Word("d'ingenieur")]]),
        ]),
    ],
];

/// Fields a degree in words may be "of" or "in".
const FIELDS: &[&[P]] = &[
    &[Word("science")],
    &[Word("arts")],
    &[Word("engineering")],
    &[Word("business administration")],
    &[Word("business")],
    &[Word("fine arts")],
    &[Word("education")],
    &[Word("laws")],
    &[Word("philosophy")],
    &[Word("technology")],
    &[Word("commerce")],
    &[Word("computer applications")],
    &[Word("design")],
    &[Word("music")],
    &[Word("medicine")],
    &[Word("nursing")],
    &[Word("architecture")],
];

/// "Bachelor's of Science degree": the word, a possessive or plural, a field, "degree".
const IN_WORDS: &[P] = &[
    Alt(DEGREE_WORDS),
    Opt(&[Alt(&[&[Word("'s")], &[Word("s")]])]),
    Opt(&[
        Spaces,
        Alt(&[&[Word("of")], &[Word("in")]]),
        Spaces,
        Alt(FIELDS),
    ]),
    Opt(&[Spaces, Word("degree")]),
];

/// A degree's name anywhere in a line.
pub const DEGREE: &[P] = &[
    Boundary,
    Alt(&[
        LEVEL_SUBJECT,
        &[Lit("Ph"), Opt(DOT), OptSpace, Lit("D")],
        &[Lit("D"), Opt(DOT), Lit("Phil")],
        &[Lit("MBA")],
        &[Lit("M.B.A")],
        &[Lit("LL"), Opt(DOT), Alt(&[&[Lit("B")], &[Lit("M")]])],
        &[Lit("J.D")],
        &[Lit("M.D")],
        &[Lit("A.A"), Opt(DOT), Lit("S")],
        &[Lit("A"), Opt(DOT), Lit("A")],
        &[Lit("A.S")],
        &[Lit("CAP")],
        &[Lit("BTS")],
        &[Lit("DUT")],
        &[Lit("HND")],
        &[Lit("HNC")],
        // The German "Diplom" abbreviated with its field: "Dipl.-Ing.", "Dipl.-Kfm.".
        &[
            Lit("Dipl"),
            Opt(&[
                Lit(".-"),
                Alt(&[
                    &[Lit("Ing")],
                    &[Lit("Kfm")],
                    &[Lit("Kffr")],
                    &[Lit("Inf")],
                    &[Lit("Math")],
                    &[Lit("Phys")],
                    &[Lit("Psych")],
                    &[Lit("Biol")],
                    &[Lit("Chem")],
                ]),
            ]),
        ],
        IN_WORDS,
    ]),
    Alt(&[DOT, &[Boundary]]),
];

#[cfg(test)]
#[path = "degrees_tests.rs"]
mod tests;
