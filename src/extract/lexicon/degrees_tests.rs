//! The degree table against the regular expression it replaced, on generated phrases.

use super::*;
use crate::extract::grammar;
use crate::testgen::Gen;

/// The expression the table replaced, as it was: the oracle.
const ORACLE: &str = r"(?x)
    (?-u:\b)(?:
        (?:B|M|D)\.?\s?(?:Sc|S|A|Eng|Ed|Phil|Arch|Des|F\.?A|B\.?A|Tech|Com|Mus)
      | Ph\.?\s?D | D\.?Phil | MBA | M\.B\.A | LL\.?[BM] | J\.D | M\.D
      | A\.A\.?S | A\.?A | A\.S
      | CAP | BTS | DUT | HND | HNC
      | Dipl(?:\.-(?:Ing|Kfm|Kffr|Inf|Math|Phys|Psych|Biol|Chem))?
      | (?i:(?:bachelor|master|doctor|doctorate|associate|diploma|licence|licenciatura|magister|diplom|
           high\s+school|ged|certificate|abitur|fachabitur|baccalaur[ée]at|bachillerato|ma[îi]trise|doctorat|
           doctorado|doutorado|doutoramento|dottorato|mestrado|maestr[íi]a|mag[íi]ster|especializaci[óo]n|especializa[çc][ãa]o|m[áa]ster|licenciad[oa]|licencjat|
           laurea(?:\s+(?:magistrale|triennale|specialistica))?|grado|bacharelado|tecn[óo]logo|
           t[ée]cnico\s+superior|maturit[àa]|staatsexamen|propedeuse|dipl[ôo]me(?:\s+d['’]ing[ée]nieur)?)
           (?:'s|’s|s)?(?:\s+(?:of|in)\s+(?:science|arts|engineering|business\s+administration|business|fine\s+arts|education|laws|philosophy|technology|commerce|computer\s+applications|design|music|medicine|nursing|architecture))?(?:\s+degree)?)
    )(?:\.|(?-u:\b))";

const PIECES: &[&str] = &[
    "BSc",
    "B.Sc",
    "B Sc",
    "MSc",
    "M.Eng",
    "MEng",
    "BA",
    "B.A",
    "MA",
    "M.A.",
    "BFA",
    "MFA",
    "B.F.A",
    "BBA",
    "M.B.A",
    "MBA",
    "PhD",
    "Ph.D",
    "Ph D",
    "D.Phil",
    "DPhil",
    "LLB",
    "LL.M",
    "J.D",
    "M.D",
    "MD",
    "A.A.S",
    "AAS",
    "AA",
    "A.A",
    "A.S",
    "CAP",
    "BTS",
    "DUT",
    "HND",
    "HNC",
    "Bachelor",
    "bachelor's",
    "Maestría",
    "Dipl.-Ing.",
    "Dipl.-Kfm",
    "Dipl.",
    "maestria",
    "Magíster",
    "Especialización",
    "especialização",
    "Bachelor’s",
    "Bachelors",
    "MASTER",
    "Master",
    "Máster",
    "master",
    "Doctor",
    "Doctorate",
    "Associate",
    "Diploma",
    "Diplom",
    "Licence",
    "Licenciatura",
    "Magister",
    "High School",
    "high  school",
    "GED",
    "Certificate",
    "Abitur",
    "Fachabitur",
    "Baccalauréat",
    "baccalaureat",
    "Bachillerato",
    "Maîtrise",
    "maitrise",
    "Doctorat",
    "Doctorado",
    "Doutorado",
    "Doutoramento",
    "Dottorato",
    "Mestrado",
    "Licenciado",
    "licenciada",
    "Licencjat",
    "Laurea",
    "laurea magistrale",
    "Laurea Triennale",
    "Grado",
    "Bacharelado",
    "Tecnólogo",
    "Técnico Superior",
    "Maturità",
    "Staatsexamen",
    "Propedeuse",
    "Diplôme",
    "Diplome d’ingénieur",
    "diplôme d'ingenieur",
    "of",
    "in",
    "Science",
    "Arts",
    "Engineering",
    "Business Administration",
    "Business",
    "Fine Arts",
    "Education",
    "Laws",
    "Philosophy",
    "Technology",
    "Commerce",
    "Computer Applications",
    "Design",
    "Music",
    "Medicine",
    "Nursing",
    "Architecture",
    "degree",
    "Degree",
    "(Hons)",
    ",",
    ".",
    "-",
    "–",
    "Computer",
    "University",
    "of Oxford",
    "2019",
    "x",
    "é",
    "Bsc",
    "BScx",
    "MBAs",
    "DUTY",
    "bts",
    "Phd",
    "s",
    "'s",
    "_",
    "1",
];

const GAPS: &[&str] = &[" ", " ", "", "  ", "\t", "\u{a0}", ", ", "."];

#[test]
fn the_table_finds_what_the_expression_found() {
    let re = regex::Regex::new(ORACLE).unwrap_or_else(|e| panic!("{e}"));
    let mut g = Gen(0x1234_5678_9abc_def1);
    let mut found = 0;
    for case in 0..40_000 {
        let mut s = String::new();
        for i in 0..1 + g.below(6) {
            if i > 0 {
                s.push_str(GAPS[g.below(GAPS.len())]);
            }
            s.push_str(PIECES[g.below(PIECES.len())]);
        }
        let want = re.find(&s).map(|m| m.range());
        assert_eq!(grammar::find(&s, DEGREE), want, "case {case}: {s:?}");
        found += usize::from(want.is_some());
    }
    assert!(found > 15_000, "{found} found");
}
