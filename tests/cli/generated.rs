//! Property test: résumés generated from pools of realistic values (names with accents and
//! hyphens, titles, organisations, dates at every precision, every section) go JSON →
//! Markdown, DOCX or PDF → JSON unchanged.

use crate::markdown_output::printable;
use proptest::prelude::*;
use proptest::sample::select;
use resumeconv::Format;
use resumeconv::model::*;

const FIRST: &[&str] = &[
    "Ana", "Björn", "Chloé", "Dmitri", "Émile", "Fatima", "Grzegorz", "Hana", "Ines", "Jürgen",
    "Kofi", "Lucía", "Mei", "Niamh", "Óscar", "Priya", "Søren", "Tomás", "Zoë",
];
const LAST: &[&str] = &[
    "Lindqvist",
    "O'Brien",
    "Nakamura",
    "García-López",
    "Kowalski",
    "van der Berg",
    "Okafor",
    "Müller",
    "Ferreira",
    "Dubois",
    "Łukasiewicz",
    "Haddad",
    "Nguyen",
];
const TITLES: &[&str] = &[
    "Software Engineer",
    "Senior Data Engineer",
    "Product Manager",
    "Nurse Practitioner",
    "Staff Site Reliability Engineer",
    "UX Designer",
    "Research Scientist",
    "Backend Developer",
    "Engineering Manager",
    "Data Analyst",
    "Technical Writer",
    "Principal Architect",
];
const ORGS: &[&str] = &[
    "Acme Corp",
    "Nordpendel AB",
    "Blue Harbor Labs",
    "Kronbank",
    "Riverside Hospital",
    "Quanta Systems GmbH",
    "Maple & Co",
    "Helios Energy",
    "Orbital Media",
    "Tidewater Analytics",
    "Fjord Software",
];
const PLACES: &[&str] = &[
    "Berlin, Germany",
    "Lisbon, Portugal",
    "Austin, TX",
    "Remote",
    "Malmö, Sweden",
    "Toronto, Canada",
    "Leeds, UK",
    "Osaka, Japan",
];
const SCHOOLS: &[&str] = &[
    "University of Lisbon",
    "Lund University",
    "Osaka University",
    "Technical University of Munich",
    "University College Dublin",
    "McGill University",
];
const DEGREES: &[&str] = &[
    "BSc",
    "MSc",
    "PhD",
    "BA",
    "MA",
    "MBA",
    "BEng",
    "Bachelor of Science",
    "Master of Arts",
];
const AREAS: &[&str] = &[
    "Computer Science",
    "Mathematics",
    "Nursing",
    "Economics",
    "Physics",
    "Design",
];
const SENTENCES: &[&str] = &[
    "Led the migration of 40 services to Kubernetes without downtime.",
    "Cut cloud costs by 30% through rightsizing and reserved capacity.",
    "Mentored five engineers; two were promoted.",
    "Built the reporting pipeline used by finance every morning.",
    "Introduced contract tests between the payments and ledger teams.",
    "Ran weekly incident reviews and published what we learned.",
];
const SKILL_GROUPS: &[&str] = &["Languages", "Infrastructure", "Data", "Frontend", "Tools"];
const LEVELS: &[&str] = &["Expert", "Advanced", "Intermediate", "Beginner"];
const TECH: &[&str] = &[
    "Rust",
    "Go",
    "Python",
    "Kubernetes",
    "Terraform",
    "PostgreSQL",
    "React",
    "TypeScript",
    "Kafka",
    "dbt",
];
const LANGS: &[&str] = &[
    "English", "Spanish", "German", "Swedish", "Japanese", "Polish", "French",
];
const FLUENCY: &[&str] = &["Native speaker", "Fluent", "Intermediate", "Basic"];

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

fn date() -> impl Strategy<Value = String> {
    (2000u32..2024, 1u32..=12, 1u32..=28, 0u8..3).prop_map(|(y, m, d, p)| match p {
        0 => format!("{y}"),
        1 => format!("{y}-{m:02}"),
        _ => format!("{y}-{m:02}-{d:02}"),
    })
}

fn range() -> impl Strategy<Value = (String, Option<String>)> {
    (date(), proptest::option::of(date()))
}

fn sentences(max: usize) -> impl Strategy<Value = Option<Vec<String>>> {
    proptest::option::of(
        prop::collection::vec(select(SENTENCES), 1..=max)
            .prop_map(|v| v.into_iter().map(str::to_string).collect()),
    )
}

fn work() -> impl Strategy<Value = Work> {
    (
        select(ORGS),
        select(TITLES),
        proptest::option::of(select(PLACES)),
        range(),
        proptest::option::of(select(SENTENCES)),
        sentences(3),
        any::<bool>(),
    )
        .prop_map(
            |(org, title, place, (start, end), summary, highlights, url)| Work {
                name: s(org),
                position: s(title),
                location: place.map(str::to_string),
                start_date: Some(start),
                end_date: end,
                summary: summary.map(str::to_string),
                highlights,
                url: url.then(|| {
                    format!(
                        "https://{}.example.com",
                        org.split_whitespace().next().unwrap_or("x").to_lowercase()
                    )
                }),
                ..Work::default()
            },
        )
}

fn education() -> impl Strategy<Value = Education> {
    (
        select(SCHOOLS),
        select(DEGREES),
        select(AREAS),
        range(),
        proptest::option::of(select(
            &["3.8/4.0", "First Class Honours", "Distinction"][..],
        )),
    )
        .prop_map(|(school, degree, area, (start, end), score)| Education {
            institution: s(school),
            study_type: s(degree),
            area: s(area),
            start_date: Some(start),
            end_date: end,
            score: score.map(str::to_string),
            ..Education::default()
        })
}

fn skill() -> impl Strategy<Value = Skill> {
    (
        select(SKILL_GROUPS),
        proptest::option::of(select(LEVELS)),
        prop::collection::vec(select(TECH), 1..5),
    )
        .prop_map(|(name, level, kw)| {
            let mut keywords: Vec<String> = Vec::new();
            for k in kw {
                if !keywords.iter().any(|x| x == k) {
                    keywords.push(k.to_string());
                }
            }
            Skill {
                name: s(name),
                level: level.map(str::to_string),
                keywords: Some(keywords),
                ..Skill::default()
            }
        })
}

const AWARDS: &[&str] = &[
    "Engineer of the Year",
    "Best Paper Award",
    "Open Data Prize",
    "Hackathon Winner",
];
const PROJECTS: &[&str] = &[
    "pgcontract",
    "tinyphys",
    "Lantern",
    "route-planner",
    "open-ledger",
];
const INTERESTS: &[&str] = &[
    "Cycling",
    "Choir singing",
    "Chess",
    "Bouldering",
    "Photography",
];

fn extras() -> impl Strategy<Value = Resume> {
    (
        prop::collection::vec(
            (
                select(AWARDS),
                select(ORGS),
                proptest::option::of(date()),
                proptest::option::of(select(SENTENCES)),
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                select(PROJECTS),
                proptest::option::of(range()),
                sentences(2),
                proptest::option::of(select(SENTENCES)),
                any::<bool>(),
            ),
            0..3,
        ),
        prop::collection::vec(select(INTERESTS), 0..3),
        prop::collection::vec((select(FIRST), select(LAST), select(SENTENCES)), 0..2),
        prop::collection::vec(
            (
                select(ORGS),
                select(TITLES),
                range(),
                proptest::option::of(select(SENTENCES)),
            ),
            0..2,
        ),
    )
        .prop_map(|(awards, projects, interests, refs, vol)| {
            let mut r = Resume::default();
            let mut seen: Vec<&str> = Vec::new();
            for (title, by, d, summary) in awards {
                if seen.contains(&title) {
                    continue;
                }
                seen.push(title);
                push(
                    &mut r.awards,
                    Award {
                        title: s(title),
                        awarder: s(by),
                        date: d,
                        summary: summary.map(str::to_string),
                        ..Award::default()
                    },
                );
            }
            let mut seen: Vec<&str> = Vec::new();
            for (name, dates, highlights, description, url) in projects {
                if seen.contains(&name) {
                    continue;
                }
                seen.push(name);
                let (start, end) = dates.map_or((None, None), |(a, b)| (Some(a), b));
                push(
                    &mut r.projects,
                    Project {
                        name: s(name),
                        start_date: start,
                        end_date: end,
                        highlights,
                        description: description.map(str::to_string),
                        url: url.then(|| format!("https://github.com/someone/{name}")),
                        ..Project::default()
                    },
                );
            }
            let mut seen: Vec<&str> = Vec::new();
            for i in interests {
                if !seen.contains(&i) {
                    seen.push(i);
                    push(
                        &mut r.interests,
                        Interest {
                            name: s(i),
                            ..Interest::default()
                        },
                    );
                }
            }
            for (first, last, text) in refs {
                push(
                    &mut r.references,
                    Reference {
                        name: Some(format!("{first} {last}, Manager")),
                        reference: s(text),
                        ..Reference::default()
                    },
                );
            }
            for (org, title, (start, end), summary) in vol {
                push(
                    &mut r.volunteer,
                    Volunteer {
                        organization: s(org),
                        position: s(title),
                        start_date: Some(start),
                        end_date: end,
                        summary: summary.map(str::to_string),
                        ..Volunteer::default()
                    },
                );
            }
            r
        })
}

fn resume() -> impl Strategy<Value = Resume> {
    (
        (
            select(FIRST),
            select(LAST),
            select(TITLES),
            proptest::option::of(select(PLACES)),
            proptest::option::of(select(SENTENCES)),
        ),
        prop::collection::vec(work(), 0..4),
        prop::collection::vec(education(), 0..3),
        prop::collection::vec(skill(), 0..3),
        prop::collection::vec((select(LANGS), select(FLUENCY)), 0..3),
        extras(),
    )
        .prop_map(
            |((first, last, title, place, summary), work, education, skills, langs, extra)| {
                let user = format!(
                    "{}{}",
                    first.to_lowercase(),
                    last.split_whitespace().last().unwrap_or("").to_lowercase()
                )
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>();
                let mut languages: Vec<Language> = Vec::new();
                for (l, f) in langs {
                    if !languages.iter().any(|x| x.language.as_deref() == Some(l)) {
                        languages.push(Language {
                            language: s(l),
                            fluency: s(f),
                            ..Language::default()
                        });
                    }
                }
                let mut groups: Vec<Skill> = Vec::new();
                for g in skills {
                    if !groups.iter().any(|x| x.name == g.name) {
                        groups.push(g);
                    }
                }
                Resume {
                    basics: Some(Basics {
                        name: Some(format!("{first} {last}")),
                        label: s(title),
                        email: Some(format!("{user}@example.org")),
                        phone: s("+44 20 7946 0958"),
                        summary: summary.map(str::to_string),
                        location: place.and_then(resumeconv::extract::basics::parse_location),
                        profiles: Some(vec![Profile {
                            network: s("GitHub"),
                            username: Some(user.clone()),
                            url: Some(format!("https://github.com/{user}")),
                            ..Profile::default()
                        }]),
                        ..Basics::default()
                    }),
                    work: (!work.is_empty()).then_some(work),
                    education: (!education.is_empty()).then_some(education),
                    skills: (!groups.is_empty()).then_some(groups),
                    languages: (!languages.is_empty()).then_some(languages),
                    ..extra
                }
            },
        )
}

/// Reading the visible text only: the embedded data would make the property trivial.
fn text_only() -> resumeconv::ReadOptions {
    resumeconv::ReadOptions {
        ignore_embedded: true,
        ..resumeconv::ReadOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_resumes_round_trip_through_markdown(r in resume()) {
        let md = String::from_utf8(resumeconv::render(&r, Format::Markdown).unwrap()).unwrap();
        let back = resumeconv::read_resume(md.as_bytes(), Format::Markdown, "x").unwrap().resume;
        prop_assert_eq!(printable(&back), printable(&r), "{}", md);
    }

    #[test]
    fn generated_resumes_round_trip_through_docx(r in resume()) {
        let docx = resumeconv::render(&r, Format::Docx).unwrap();
        let back = resumeconv::read_resume_opts(&docx, Format::Docx, "x", &text_only()).unwrap().resume;
        prop_assert_eq!(printable(&back), printable(&r));
    }

    #[test]
    fn generated_resumes_round_trip_through_pdf(r in resume()) {
        let pdf = resumeconv::render(&r, Format::Pdf).unwrap();
        let back = resumeconv::read_resume_opts(&pdf, Format::Pdf, "x", &text_only()).unwrap().resume;
        prop_assert_eq!(printable(&back), printable(&r));
    }
}
