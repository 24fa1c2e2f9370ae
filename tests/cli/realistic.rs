//! A generator of realistic résumés for the round-trip property tests: every field is drawn
//! from wording people really use (names with particles, hyphens, apostrophes, diacritics and
//! non-Latin scripts; titles and companies with commas, parentheses, "&", dashes, "Inc.",
//! "GmbH", "S.A."; degrees with parentheses and abbreviations; certificates and awards with
//! en dashes, colons and years; multi-paragraph summaries; 0–10 languages; skills with levels
//! and long keyword lists; every date precision and open ends; every section, empty and full;
//! known and unknown networks; URLs with paths and query strings; long texts that wrap and
//! paginate). All people and companies are fictional.
//!
//! Deterministic: case `n` is always the same résumé (a small SplitMix64 generator seeded with
//! `n`), so a failure names the case that reproduces it. Shared by the tests and by
//! `examples/round_trip.rs`, which runs thousands of cases in a release build.

use resumeconv::model::*;

/// SplitMix64: small, fast, good enough to draw test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a>(&mut self, pool: &[&'a str]) -> &'a str {
        pool[self.below(pool.len())]
    }
    pub fn maybe(&mut self, percent: u64, pool: &[&str]) -> Option<String> {
        self.chance(percent).then(|| self.pick(pool).to_string())
    }
    /// Up to `max` distinct picks (at least `min`).
    pub fn some(&mut self, pool: &[&str], min: usize, max: usize) -> Vec<String> {
        let n = min + self.below(max - min + 1);
        let mut out: Vec<String> = Vec::new();
        for _ in 0..n * 3 {
            if out.len() >= n {
                break;
            }
            let p = self.pick(pool).to_string();
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}

const FIRST: &[&str] = &[
    "Ana",
    "Björn",
    "Chloé",
    "Jean-Luc",
    "Anne-Sophie",
    "Zoë",
    "Siobhán",
    "Łucja",
    "José María",
    "Dmitri",
    "Fatima",
    "Grzegorz",
    "Hana",
    "Jürgen",
    "Kofi",
    "Mei",
    "Niamh",
    "Óscar",
    "Priya",
    "Søren",
    "Tomás",
    "Ελένη",
    "Анна",
    "Nuño",
    "Aoife",
    "Mary-Kate",
    "D'Arcy",
    "Ifeoluwa",
];
const LAST: &[&str] = &[
    "Lindqvist",
    "O'Brien",
    "van der Berg",
    "de la Cruz",
    "D'Angelo",
    "García-López",
    "von Stein",
    "MacLeod",
    "Müller-Lüdenscheidt",
    "da Silva",
    "ben Youssef",
    "Nakamura",
    "Kowalski",
    "Łukasiewicz",
    "Nguyen",
    "Παπαδοπούλου",
    "Смирнова",
    "St. John",
    "Ó Súilleabháin",
    "Dubois",
    "Okafor",
    "de Souza e Silva",
    "Ferreira",
];
const TITLES: &[&str] = &[
    "Senior Software Engineer",
    "Senior Software Engineer, Payments",
    "Head of Data (EMEA)",
    "Engineer II – Platform",
    "R&D Lead",
    "Staff Engineer / Tech Lead",
    "VP, Engineering",
    "Nurse Practitioner (Family Health)",
    "Lead Developer — Mobile",
    "Software Engineer (Contract)",
    "Product Designer",
    "Data Scientist",
    "Site Reliability Engineer",
    "Ingénieure logicielle",
    "Softwareentwicklerin",
    "Desarrollador Backend",
    "Chief Technology Officer",
    "Technical Writer & Editor",
    "Research Assistant",
    "Teaching Assistant (part-time)",
    "UX/UI Designer",
    "Machine Learning Engineer",
    "Registered Nurse",
    "Principal Consultant",
];
const ORGS: &[&str] = &[
    "Acme, Inc.",
    "Nordpendel AB",
    "Müller & Söhne GmbH",
    "Banco Atlântico S.A.",
    "Smith, Jones & Partners LLP",
    "Blue Harbor Labs (acquired by Orbital)",
    "Société Générale des Eaux",
    "Kronbank AG",
    "Tidewater Analytics Ltd.",
    "Fjord Software ASA",
    "O'Reilly Learning",
    "St. Mary's Hospital",
    "Helios Energy",
    "Quanta Systems GmbH",
    "Maple & Co",
    "University of Leeds",
    "Caring.com",
    "3M",
    "Zeta-Jones Digital",
    "Riverside Health NHS Trust",
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
    "São Paulo, Brazil",
    "New York, NY",
    "Zürich, Switzerland",
];
const SCHOOLS: &[&str] = &[
    "University of Lisbon",
    "Lund University",
    "Technical University of Munich",
    "University College Dublin",
    "McGill University",
    "Universidad Complutense de Madrid",
    "École Polytechnique",
    "King's College London",
    "Le Wagon",
    "Politecnico di Milano",
    "Massachusetts Institute of Technology",
    "Open University",
];
const DEGREES: &[&str] = &[
    "BSc",
    "MSc",
    "PhD",
    "BA",
    "MBA",
    "BEng",
    "Bachelor of Science",
    "Bachelor of Science (Honours)",
    "BSc (Hons)",
    "Master of Arts",
    "Bachelor of Science in Nursing (BSN)",
    "Bootcamp certificate",
    "Diplom",
    "Licence",
    "Doctor of Medicine (MD)",
    "Master of Engineering (MEng)",
    "Associate of Applied Science",
    "High School Diploma",
];
const AREAS: &[&str] = &[
    "Computer Science",
    "Mathematics",
    "Nursing",
    "Economics",
    "Physics",
    "Design",
    "Electrical & Electronic Engineering",
    "Philosophy, Politics and Economics",
    "Informatique",
    "Web Development",
    "Data Science (AI track)",
];
const SCORES: &[&str] = &[
    "3.8/4.0",
    "First Class Honours",
    "Distinction",
    "GPA 3.9",
    "1,3",
    "magna cum laude",
];
const COURSES: &[&str] = &[
    "Algorithms",
    "Distributed Systems",
    "Compilers",
    "Linear Algebra",
    "Statistics II",
    "Human–Computer Interaction",
    "CS101: Introduction to Programming",
    "Databases",
];
const SENTENCES: &[&str] = &[
    "Led the migration of 40 services to Kubernetes without downtime.",
    "Cut cloud costs by 30% through rightsizing and reserved capacity.",
    "Mentored five engineers; two were promoted.",
    "Built the reporting pipeline used by finance every morning.",
    "Introduced contract tests between the payments and ledger teams.",
    "Ran weekly incident reviews and published what we learned.",
    "Designed a fraud model (XGBoost) that caught 12% more cases.",
    "Wrote the on-call handbook — now used by 6 teams.",
    "Raised test coverage from 41% to 87% across the monorepo.",
    "Shipped the iOS and Android apps to 1.2M users.",
    "Négocié les contrats avec les fournisseurs européens.",
    "Verantwortlich für die Einführung von CI/CD in drei Teams.",
    "Gave talks at PyCon, RustConf & FOSDEM.",
    "Reduced p99 latency from 800 ms to 120 ms.",
    "Organised the company's first hackathon (120 participants).",
    "Coordinated a team of 14 nurses across two wards.",
];
const LONG_SENTENCES: &[&str] = &[
    "Owned the end-to-end design of the customer data platform, from event collection in the mobile apps through the streaming layer to the warehouse models that product, finance and marketing rely on every day, and kept it running through two reorganisations.",
    "Worked with clinicians, pharmacists and the hospital's IT department to replace paper medication charts with an electronic system on six wards, training more than 200 staff and cutting transcription errors by more than half within the first year.",
];
const SKILL_GROUPS: &[&str] = &[
    "Languages",
    "Infrastructure",
    "Data",
    "Frontend",
    "Tools",
    "Cloud & DevOps",
    "Testing / QA",
    "Soft skills",
    "Machine learning",
];
const LEVELS: &[&str] = &[
    "Expert",
    "Advanced",
    "Intermediate",
    "Beginner",
    "Master",
    "5 years",
];
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
    "C++",
    "C#",
    ".NET",
    "Node.js",
    "AWS (EC2, S3, Lambda)",
    "GCP",
    "Docker",
    "Git",
    "scikit-learn",
    "Pandas",
    "CI/CD",
    "gRPC",
    "GraphQL",
    "Vue.js",
    "Spark",
    "Airflow",
];
const LANGS: &[&str] = &[
    "English",
    "Spanish",
    "German",
    "Swedish",
    "Japanese",
    "Polish",
    "French",
    "Portuguese",
    "Italian",
    "Mandarin Chinese",
    "Arabic",
    "Russian",
    "Dutch",
    "Irish",
    "Greek",
];
const FLUENCY: &[&str] = &[
    "Native speaker",
    "Native",
    "Fluent",
    "Intermediate",
    "Basic",
    "C2",
    "C1",
    "B2",
    "B1 (conversational)",
    "A2",
    "Professional working proficiency",
    "Mother tongue",
];
const AWARDS: &[&str] = &[
    "Engineer of the Year",
    "Best Paper Award – ICSE 2019",
    "Open Data Prize: Civic Tech Category",
    "Hackathon Winner (1st place)",
    "Dean's List, 2015–2017",
    "Employee of the Month",
];
const AWARDERS: &[&str] = &[
    "Acme, Inc.",
    "IEEE",
    "Open Knowledge Foundation",
    "Lund University",
    "Kronbank AG",
];
const CERTS: &[&str] = &[
    "AWS Certified Solutions Architect – Professional",
    "Certified Kubernetes Administrator (CKA)",
    "Google Cloud: Professional Data Engineer",
    "PRINCE2® Foundation",
    "Scrum Master – PSM I",
    "TOEFL iBT 112",
    "CompTIA Security+",
];
const ISSUERS: &[&str] = &[
    "Amazon Web Services",
    "The Linux Foundation",
    "Google",
    "Axelos",
    "Scrum.org",
    "ETS",
    "CompTIA",
];
const PUBS: &[&str] = &[
    "Contract Testing at Scale: Lessons from Payments",
    "A Survey of Streaming Joins",
    "On the Reliability of Small Teams",
    "Nurse-led Discharge Planning: a Pilot",
];
const PUBLISHERS: &[&str] = &[
    "ACM Queue",
    "Proceedings of VLDB 2021",
    "O'Reilly Radar",
    "Journal of Advanced Nursing",
];
const PROJECTS: &[&str] = &[
    "pgcontract",
    "tinyphys",
    "Lantern",
    "route-planner",
    "open-ledger",
    "Mapa Vivo",
    "Kettle (a tiny build tool)",
];
const PROJECT_ENTITIES: &[&str] = &["Personal", "Acme, Inc.", "Open source", "Lund University"];
const PROJECT_TYPES: &[&str] = &["application", "library", "website", "talk", "research"];
const ROLES: &[&str] = &[
    "Maintainer",
    "Author",
    "Team lead",
    "Designer",
    "Contributor",
];
const INTERESTS: &[&str] = &[
    "Cycling",
    "Choir singing",
    "Chess",
    "Bouldering",
    "Photography",
    "Open source",
    "Sourdough baking",
];
const INTEREST_WORDS: &[&str] = &["Road racing", "Bach", "Film", "Endgames", "Trad climbing"];
const REF_TEXTS: &[&str] = &[
    "One of the most reliable engineers I have worked with.",
    "She turned a failing project around in three months; I would hire her again tomorrow.",
    "Thoughtful, calm under pressure and generous with her time.",
];
const SUMMARIES: &[&str] = &[
    "Backend engineer with ten years of experience in payments and data platforms.",
    "I build reliable systems and the teams that run them.",
    "Registered nurse with a focus on discharge planning and patient education.",
    "Designer who codes; I care about accessibility and plain language.",
    "Ingénieur passionné par les systèmes distribués et l'open source.",
];
const NETWORKS: &[(&str, &str)] = &[
    ("GitHub", "https://github.com/{}"),
    ("LinkedIn", "https://www.linkedin.com/in/{}"),
    ("GitLab", "https://gitlab.com/{}"),
    ("Twitter", "https://twitter.com/{}"),
    ("Mastodon", "https://fosstodon.org/@{}"),
    ("Stack Overflow", "https://stackoverflow.com/users/4821/{}"),
    ("Dribbble", "https://dribbble.com/{}"),
    ("ORCID", "https://orcid.org/0000-0002-1825-0097"),
    ("Kaggle", "https://www.kaggle.com/{}"),
    ("Codeberg", "https://codeberg.org/{}"),
    ("Behance", "https://www.behance.net/{}"),
];

fn date(g: &mut Rng) -> String {
    let y = 1998 + g.below(28);
    let m = 1 + g.below(12);
    let d = 1 + g.below(28);
    match g.below(10) {
        0..=2 => format!("{y}"),
        3..=7 => format!("{y}-{m:02}"),
        _ => format!("{y}-{m:02}-{d:02}"),
    }
}

/// A start and maybe an end, the end not before the start.
fn range(g: &mut Rng) -> (Option<String>, Option<String>) {
    let a = date(g);
    if g.chance(30) {
        return (Some(a), None);
    }
    let b = date(g);
    let (a, b) = if b < a { (b, a) } else { (a, b) };
    (Some(a), Some(b))
}

fn text(g: &mut Rng, paragraphs: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for _ in 0..paragraphs {
        let n = 1 + g.below(3);
        let mut p: Vec<String> = Vec::new();
        for _ in 0..n {
            let pool = if g.chance(15) {
                LONG_SENTENCES
            } else {
                SENTENCES
            };
            let s = g.pick(pool).to_string();
            if !p.contains(&s) {
                p.push(s);
            }
        }
        out.push(p.join(" "));
    }
    out.join("\n")
}

fn opt_vec(v: Vec<String>) -> Option<Vec<String>> {
    (!v.is_empty()).then_some(v)
}

fn slug(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

fn url_for(g: &mut Rng, name: &str) -> String {
    let host = {
        let s = slug(name);
        if s.is_empty() {
            "example".to_string()
        } else {
            s
        }
    };
    match g.below(4) {
        0 => format!("https://{host}.example.com"),
        1 => format!("https://www.{host}.example.org/about/team"),
        2 => format!("https://example.net/{host}?ref=cv&lang=en"),
        _ => format!("https://{host}.example.dev/en/projects/2024/"),
    }
}

/// Case `n` of the generator.
pub fn resume(n: u64) -> Resume {
    let g = &mut Rng::new(n);
    let first = g.pick(FIRST);
    let last = g.pick(LAST);
    let name = format!("{first} {last}");
    let user = {
        let s = slug(&format!("{first}{last}"));
        if s.len() < 3 { format!("user{n}") } else { s }
    };
    let mut profiles = Vec::new();
    for _ in 0..g.below(4) {
        let (net, pattern) = NETWORKS[g.below(NETWORKS.len())];
        if profiles
            .iter()
            .any(|p: &Profile| p.network.as_deref() == Some(net))
        {
            continue;
        }
        profiles.push(Profile {
            network: Some(net.to_string()),
            // A profile's link names its user, and reading takes the name from the link
            // (GOLD.md): a generated profile always has the username its address shows.
            username: Some(if pattern.contains("orcid") {
                "0000-0002-1825-0097".to_string()
            } else {
                user.clone()
            }),
            url: Some(pattern.replace("{}", &user)),
            ..Profile::default()
        });
    }
    let location = g
        .chance(70)
        .then(|| Location {
            address: g.maybe(
                25,
                &[
                    "12 Rose Lane",
                    "Södra Förstadsgatan 12",
                    "Rua Augusta 10, 3º Esq.",
                    "Flat 3, 14 Harbour Road",
                ],
            ),
            postal_code: g.maybe(
                30,
                &[
                    "211 43", "SW1A 1AA", "1012 AB", "10115", "CA 94115", "75011",
                ],
            ),
            city: g.maybe(
                85,
                &[
                    "Malmö",
                    "London",
                    "Amsterdam",
                    "Berlin",
                    "San Francisco",
                    "Paris",
                    "Lisbon",
                    "St Albans",
                ],
            ),
            region: g.maybe(
                30,
                &[
                    "Skåne",
                    "Greater London",
                    "North Holland",
                    "California",
                    "Île-de-France",
                    "TX",
                ],
            ),
            country_code: g.maybe(50, &["SE", "GB", "NL", "DE", "US", "FR", "PT", "CA"]),
            ..Location::default()
        })
        .filter(|l| *l != Location::default());
    let basics = Basics {
        name: Some(name.clone()),
        label: g.maybe(85, TITLES),
        email: g.chance(90).then(|| format!("{user}@example.org")),
        phone: g.maybe(
            70,
            &[
                "+44 20 7946 0958",
                "(555) 010-4477",
                "+49 30 901820",
                "+33 1 23 45 67 89",
                "+1-202-555-0142",
            ],
        ),
        url: g.chance(40).then(|| format!("https://{user}.example.dev")),
        summary: g.chance(75).then(|| {
            let k = 1 + g.below(3);
            (0..k)
                .map(|_| g.pick(SUMMARIES).to_string())
                .collect::<Vec<_>>()
                .join("\n")
        }),
        location,
        profiles: (!profiles.is_empty()).then_some(profiles),
        image: g
            .chance(20)
            .then(|| format!("https://img.example.com/{user}.jpg")),
        ..Basics::default()
    };
    let mut r = Resume {
        basics: Some(basics),
        ..Resume::default()
    };
    let nwork = g.below(6);
    for _ in 0..nwork {
        let org = g.pick(ORGS);
        let (start, end) = range(g);
        push(
            &mut r.work,
            Work {
                name: Some(org.to_string()),
                position: g.maybe(95, TITLES),
                location: g.maybe(50, PLACES),
                url: g.chance(30).then(|| url_for(g, org)),
                description: g.maybe(
                    15,
                    &[
                        "Fintech start-up, 40 people",
                        "Regional hospital trust",
                        "Consultancy for public-sector clients",
                    ],
                ),
                start_date: start,
                end_date: end,
                summary: g.chance(40).then(|| {
                    let k = 1 + g.below(2);
                    text(g, k)
                }),
                highlights: opt_vec(
                    (0..g.below(6))
                        .map(|_| g.pick(SENTENCES).to_string())
                        .collect(),
                ),
                ..Work::default()
            },
        );
    }
    for _ in 0..g.below(3) {
        let org = g.pick(ORGS);
        let (start, end) = range(g);
        push(
            &mut r.volunteer,
            Volunteer {
                organization: Some(org.to_string()),
                position: g.maybe(
                    90,
                    &[
                        "Mentor",
                        "Volunteer coordinator",
                        "Treasurer",
                        "Coach (U12 football)",
                    ],
                ),
                url: g.chance(30).then(|| url_for(g, org)),
                start_date: start,
                end_date: end,
                summary: g.chance(50).then(|| text(g, 1)),
                highlights: opt_vec(
                    (0..g.below(3))
                        .map(|_| g.pick(SENTENCES).to_string())
                        .collect(),
                ),
                ..Volunteer::default()
            },
        );
    }
    for _ in 0..g.below(4) {
        let school = g.pick(SCHOOLS);
        let (start, end) = if g.chance(40) {
            (None, Some(date(g)))
        } else {
            range(g)
        };
        push(
            &mut r.education,
            Education {
                institution: Some(school.to_string()),
                url: g.chance(20).then(|| url_for(g, school)),
                study_type: g.maybe(85, DEGREES),
                area: g.maybe(75, AREAS),
                start_date: start,
                end_date: end,
                score: g.maybe(30, SCORES),
                courses: opt_vec(if g.chance(25) {
                    g.some(COURSES, 1, 5)
                } else {
                    Vec::new()
                }),
                ..Education::default()
            },
        );
    }
    for _ in 0..g.below(4) {
        let name = g.pick(PROJECTS);
        if r.projects
            .iter()
            .flatten()
            .any(|p| p.name.as_deref() == Some(name))
        {
            continue;
        }
        let (start, end) = if g.chance(60) { range(g) } else { (None, None) };
        push(
            &mut r.projects,
            Project {
                name: Some(name.to_string()),
                description: g.chance(70).then(|| text(g, 1)),
                highlights: opt_vec(
                    (0..g.below(4))
                        .map(|_| g.pick(SENTENCES).to_string())
                        .collect(),
                ),
                keywords: opt_vec(if g.chance(40) {
                    g.some(TECH, 1, 6)
                } else {
                    Vec::new()
                }),
                start_date: start,
                end_date: end,
                url: g
                    .chance(50)
                    .then(|| format!("https://github.com/{user}/{}", slug(name))),
                roles: opt_vec(if g.chance(30) {
                    g.some(ROLES, 1, 2)
                } else {
                    Vec::new()
                }),
                entity: g.maybe(20, PROJECT_ENTITIES),
                kind: g.maybe(20, PROJECT_TYPES),
                ..Project::default()
            },
        );
    }
    for _ in 0..g.below(4) {
        let name = g.pick(SKILL_GROUPS);
        if r.skills
            .iter()
            .flatten()
            .any(|s| s.name.as_deref() == Some(name))
        {
            continue;
        }
        let many = if g.chance(20) { 14 } else { 6 };
        push(
            &mut r.skills,
            Skill {
                name: Some(name.to_string()),
                level: g.maybe(30, LEVELS),
                keywords: opt_vec(g.some(TECH, 0, many)),
                ..Skill::default()
            },
        );
    }
    for _ in 0..g.below(3) {
        let title = g.pick(AWARDS);
        push(
            &mut r.awards,
            Award {
                title: Some(title.to_string()),
                awarder: g.maybe(80, AWARDERS),
                date: g.chance(80).then(|| date(g)),
                summary: g.chance(40).then(|| g.pick(SENTENCES).to_string()),
                ..Award::default()
            },
        );
    }
    for _ in 0..g.below(4) {
        let name = g.pick(CERTS);
        push(
            &mut r.certificates,
            Certificate {
                name: Some(name.to_string()),
                issuer: g.maybe(80, ISSUERS),
                date: g.chance(70).then(|| date(g)),
                url: g
                    .chance(30)
                    .then(|| format!("https://www.credly.com/badges/{}?src=cv", g.below(99_999))),
                ..Certificate::default()
            },
        );
    }
    for _ in 0..g.below(3) {
        let name = g.pick(PUBS);
        push(
            &mut r.publications,
            Publication {
                name: Some(name.to_string()),
                publisher: g.maybe(80, PUBLISHERS),
                release_date: g.chance(80).then(|| date(g)),
                url: g.chance(50).then(|| {
                    format!(
                        "https://doi.org/10.1145/{}.{}",
                        3000000 + g.below(99999),
                        g.below(999)
                    )
                }),
                summary: g.chance(40).then(|| g.pick(SENTENCES).to_string()),
                ..Publication::default()
            },
        );
    }
    let nlang = if g.chance(15) {
        5 + g.below(6)
    } else {
        g.below(4)
    };
    for l in g.some(LANGS, 0, nlang) {
        push(
            &mut r.languages,
            Language {
                language: Some(l),
                fluency: g.maybe(90, FLUENCY),
                ..Language::default()
            },
        );
    }
    for i in g.some(INTERESTS, 0, 4) {
        push(
            &mut r.interests,
            Interest {
                name: Some(i),
                keywords: opt_vec(if g.chance(40) {
                    g.some(INTEREST_WORDS, 1, 3)
                } else {
                    Vec::new()
                }),
                ..Interest::default()
            },
        );
    }
    for _ in 0..g.below(3) {
        let who = format!("{} {}", g.pick(FIRST), g.pick(LAST));
        push(
            &mut r.references,
            Reference {
                name: Some(if g.chance(50) {
                    format!("{who}, Engineering Manager at Kronbank AG")
                } else {
                    who
                }),
                reference: g.chance(90).then(|| g.pick(REF_TEXTS).to_string()),
                ..Reference::default()
            },
        );
    }
    r
}

/// What a page shows of a résumé: no `meta`, `$schema` or photo address (`basics.image`),
/// and no empty strings, lists or objects.
pub fn visible(r: &Resume) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.remove("meta");
        o.remove("$schema");
        if let Some(b) = o.get_mut("basics").and_then(|b| b.as_object_mut()) {
            b.remove("image");
        }
    }
    fn prune(v: &mut serde_json::Value) -> bool {
        match v {
            serde_json::Value::Object(o) => {
                o.retain(|_, x| !prune(x));
                o.is_empty()
            }
            serde_json::Value::Array(a) => {
                a.retain_mut(|x| !prune(x));
                a.is_empty()
            }
            serde_json::Value::String(s) => s.is_empty(),
            serde_json::Value::Null => true,
            _ => false,
        }
    }
    prune(&mut v);
    v
}

/// The first difference between two JSON values, as "path: expected → got".
pub fn first_difference(
    a: &serde_json::Value,
    b: &serde_json::Value,
    path: &str,
) -> Option<String> {
    use serde_json::Value::{Array, Null, Object};
    match (a, b) {
        (Object(x), Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|k| {
                let (p, q) = (x.get(k).unwrap_or(&Null), y.get(k).unwrap_or(&Null));
                first_difference(p, q, &format!("{path}.{k}"))
            })
        }
        (Array(x), Array(y)) => {
            for (i, (p, q)) in x.iter().zip(y.iter()).enumerate() {
                if let Some(d) = first_difference(p, q, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: {} items → {}", x.len(), y.len()))
        }
        _ if a == b => None,
        _ => Some(format!("{path}: {a} → {b}")),
    }
}
