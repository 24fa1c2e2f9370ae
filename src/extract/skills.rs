//! Skills, languages and interests: lists of short items, grouped under sub-headings or
//! `Label: items` lines, and skills named in prose ("I have skills in linux, git, …").

use super::Found;
use super::lexicon;
use super::lines::{Line, split_commas};
use super::sections::Chunk;
use crate::doc::Kind;
use crate::model::{self, Interest, Language, Skill};

/// Title case for a group name written in capitals ("AREAS OF EXPERTISE" → "Areas of Expertise").
fn group_name(s: &str) -> String {
    let s = s.trim().trim_end_matches(':').trim();
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    const SMALL: &[&str] = &[
        "of", "and", "or", "in", "the", "a", "an", "for", "to", "with",
    ];
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut c = lower.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_level(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| lexicon::has(lexicon::LEVEL_WORDS, w))
}

/// A group's name and level: "Expert" is both; "Data engineering (Expert)" is a name with its
/// level in brackets.
fn name_and_level(s: &str) -> (String, Option<String>) {
    if let Some((name, rest)) = s
        .trim_end()
        .strip_suffix(')')
        .and_then(|x| x.rsplit_once(" ("))
    {
        if is_level(rest) || rest.to_lowercase().contains("year") {
            return (name.trim().to_string(), Some(rest.trim().to_string()));
        }
    }
    let level = is_level(s).then(|| s.to_string());
    (s.to_string(), level)
}

/// A line that names a group rather than listing items.
fn is_group_heading(l: &Line) -> bool {
    l.is_heading()
        || l.kind == Kind::Term
        || (l.words() <= 5 && l.text.ends_with(':'))
        || (l.kind == Kind::Paragraph
            && l.first
            && l.all_styled(false)
            && l.words() <= 4
            && is_level(&l.text))
}

/// Items of a list written with spaces only ("JavaScript HTML 5 CSS", "mystery Agatha
/// Christie John Grisham"): words apart, but a number stays with the word before it, and,
/// where items are names of people or places (`pair_names`), capitalised plain words pair
/// up. Technology names are single words far more often than not ("Kafka Flink dbt").
fn space_items(s: &str, pair_names: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let plain_cap = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase)
            && c.clone().count() >= 1
            && c.all(char::is_lowercase)
    };
    // A run of capitalised words pairs up: "Agatha Christie John Grisham" is two names.
    let mut run = 0;
    for w in s.split_whitespace() {
        let number = w.chars().all(|c| c.is_ascii_digit() || c == '.');
        let is_plain = pair_names && plain_cap(w);
        match out.last_mut() {
            Some(last) if number || (is_plain && run == 1) => {
                last.push(' ');
                last.push_str(w);
                run = if number { 0 } else { 2 };
            }
            _ => {
                out.push(w.to_string());
                run = usize::from(is_plain);
            }
        }
    }
    out
}

/// The items a line lists.
fn items(l: &Line, after_label: bool) -> Vec<String> {
    let text = l.text.trim().trim_end_matches('.');
    // A term with its explanation: keep the term ("Web Design : Assertively …",
    // "**first-lang:** Here, we have …").
    if let Some(first) = l.spans.iter().find(|s| !s.text.trim().is_empty()) {
        if first.bold && first.text.trim().ends_with(':') && l.words() > 4 {
            return vec![first.text.trim().trim_end_matches(':').trim().to_string()];
        }
    }
    let bolds: Vec<String> = l
        .spans
        .iter()
        .filter(|s| s.bold && !s.text.trim().is_empty())
        .map(|s| s.text.trim().trim_end_matches(',').to_string())
        .collect();
    // "Basic knowledge of **C**, **x86 assembly**": the emphasised words are the items.
    let plain_words = l
        .spans
        .iter()
        .filter(|s| !s.bold)
        .flat_map(|s| s.text.split(|c: char| c.is_whitespace() || c == ','))
        .filter(|w| !w.is_empty() && !matches!(*w, "and" | "or" | "&"))
        .count();
    // But a list some of whose items are emphasised ("**Python**, layered architecture,
    // JWT; **NestJS**") is a list: a comma-separated piece with no emphasis at all is an
    // item of its own, not prose around the emphasised ones.
    let mut pieces: Vec<(bool, bool)> = vec![(false, false)]; // (has text, has bold)
    for s in &l.spans {
        for (k, part) in s.text.split([',', ';']).enumerate() {
            if k > 0 {
                pieces.push((false, false));
            }
            if let Some(last) = pieces.last_mut() {
                if part.chars().any(char::is_alphanumeric) {
                    last.0 = true;
                    last.1 |= s.bold;
                }
            }
        }
    }
    let plain_item =
        pieces.iter().filter(|(t, _)| *t).count() >= 3 && pieces.iter().any(|(t, b)| *t && !*b);
    if bolds.len() >= 2 && plain_words >= 2 && !plain_item {
        return bolds;
    }
    if l.words() > 6 {
        let head = crate::lite_re!(crate::patterns::SKILL_HEAD_BEFORE_DASH)
            .captures(text)
            .and_then(|c| c.get(1));
        if let Some(h) = head {
            return vec![h.as_str().trim().to_string()];
        }
    }
    let separated = split_commas(
        &text
            .replace(" • ", ", ")
            .replace(" | ", ", ")
            .replace(" · ", ", ")
            .replace("; ", ", "),
    );
    if separated.len() > 1 {
        let n = separated.len();
        return separated
            .into_iter()
            .enumerate()
            .flat_map(|(k, x)| {
                // "Python, R, SQL, Power BI and Tableau": in a series the conjunction joins
                // the last two items (en, es, de, fr, it, pt, nl).
                if n >= 3 && k + 1 == n {
                    for conj in [" and ", " y ", " und ", " et ", " e ", " en "] {
                        if let Some((a, b)) = x.split_once(conj) {
                            // Names, not a phrase: "Excel y Power BI", not "trabajo en
                            // equipo y liderazgo".
                            let name = |t: &str| {
                                let t = t.trim();
                                t.split_whitespace().count() <= 2
                                    && t.starts_with(|c: char| {
                                        c.is_uppercase() || c.is_ascii_digit()
                                    })
                            };
                            if !b.contains(conj) && name(a) && name(b) {
                                return vec![a.trim().to_string(), b.trim().to_string()];
                            }
                        }
                    }
                }
                let x = x
                    .trim_start_matches("and ")
                    .trim_start_matches("or ")
                    .trim()
                    .to_string();
                // "rabbitmq and kafka" are two items.
                if x.split_whitespace().count() == 3 && x.contains(" and ") {
                    x.split(" and ").map(str::to_string).collect()
                } else {
                    vec![x]
                }
            })
            .filter(|x| !x.is_empty() && !x.eq_ignore_ascii_case("etc"))
            .collect();
    }
    // A bracket holds its item's details: "AWS (EC2, S3, Lambda)" is one item, not words.
    if after_label && l.words() > 1 && !text.contains('(') {
        return space_items(text, false);
    }
    // "AWS (EC2, RDS) Looker / LookML": a closing parenthesis ends an item.
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(") ") {
        let (a, b) = rest.split_at(i + 1);
        if !b.trim_start().starts_with(char::is_uppercase) {
            break;
        }
        out.push(a.trim().to_string());
        rest = b.trim();
    }
    out.push(rest.to_string());
    // "Linux (uso diário; entusiasta de distros)": a bracket in lower case after an item
    // comments on it; the item is what comes before. A bracket of names ("AWS (EC2, S3)")
    // is part of the item.
    for item in &mut out {
        if let Some(head) = super::shapes::before_lowercase_comment(item) {
            *item = head.to_string();
        }
    }
    out
}

/// "Web: JavaScript HTML 5" → ("Web", "JavaScript HTML 5").
fn labelled(text: &str) -> Option<(String, String)> {
    let c = crate::lite_re!(crate::patterns::LABEL_COLON_REST).captures(text)?;
    let label = c.get(1)?.as_str().trim();
    let rest = c.get(2)?.as_str().trim();
    // A short label, not counting its level in brackets ("Cloud & DevOps (5 years)").
    let bare = label.split(" (").next().unwrap_or(label);
    if bare.split_whitespace().count() > 4 {
        return None;
    }
    // "first-lang: Here, we have an itemization, …" explains; it does not list.
    let sentence = rest.ends_with('.') && rest.split_whitespace().count() > 6;
    // An item's length is its words outside brackets: "AWS (EC2, RDS, EKS, S3)" is one
    // short item with its parts listed, not a phrase.
    let outside_brackets = |x: &str| {
        let mut depth = 0i32;
        let bare: String = x
            .chars()
            .filter(|c| {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => {
                        depth -= 1;
                        return false;
                    }
                    _ => {}
                }
                depth <= 0
            })
            .collect();
        bare.split_whitespace().count()
    };
    let long_items =
        rest.contains(',') && split_commas(rest).iter().any(|x| outside_brackets(x) > 5);
    if sentence || long_items {
        return None;
    }
    Some((label.to_string(), rest.to_string()))
}

/// A skills section into skill groups.
/// Joins the lines of prose blocks (a wrapped explanation is one item, not one per line) and
/// turns a term explained by a long definition into the item it names.
fn prepare(lines: &[Line], found: &mut Found) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut i = 0;
    while let Some(l) = lines.get(i) {
        let mut j = i + 1;
        while lines.get(j).is_some_and(|x| x.block == l.block) && !l.is_item() {
            j += 1;
        }
        let block = lines.get(i..j).unwrap_or_default();
        if l.kind == Kind::Term {
            let mut k = j;
            while lines.get(k).is_some_and(|x| x.kind == Kind::Definition) {
                k += 1;
            }
            let definitions = lines.get(j..k).unwrap_or_default();
            // A definition that lists short terms ("Python (FastAPI), JWT/OAuth2, PyTest")
            // gives the group's items; only prose explains the term.
            let explained = definitions.iter().map(Line::words).sum::<usize>() > 6
                && !definitions
                    .iter()
                    .all(|d| super::classify::is_term_list(&d.text, 2));
            if explained {
                let mut item = l.clone();
                item.kind = Kind::Paragraph;
                out.push(item);
                for d in definitions {
                    found.unplaced(d, "the explanation of a skill, not placed");
                }
                i = k;
                continue;
            }
        }
        // Lines that each open with a group's label ("Cloud: …" then "Data: …") are groups
        // of their own, not one wrapped explanation.
        let all_labelled = block.iter().all(|x| labelled(&x.text).is_some());
        if block.len() > 1
            && !l.is_heading()
            && !all_labelled
            && block.iter().any(|x| x.words() > 6)
        {
            let mut joined = l.clone();
            for x in block.iter().skip(1) {
                joined.spans.push(crate::doc::Span::plain(" "));
                joined.spans.extend(x.spans.iter().cloned());
            }
            let text: String = joined.spans.iter().map(|s| s.text.as_str()).collect();
            joined.set_text(super::lines::clean_text(&text));
            out.push(joined);
        } else {
            out.extend(block.iter().cloned());
        }
        i = j;
    }
    out
}

/// A skills section into skill groups.
pub fn skills(chunk: &Chunk, found: &mut Found) {
    let mut groups: Vec<Skill> = Vec::new();
    let mut current: Option<usize> = None;
    let section_name = group_name(&chunk.title);
    let lines = prepare(&chunk.lines, found);
    for (i, l) in lines.iter().enumerate() {
        // A short plain line followed by bullets names the group of those bullets.
        let names_bullets = !l.is_item()
            && l.words() <= 4
            && !l.sentence_like()
            && !l.text.contains(',')
            && lines.get(i + 1).is_some_and(Line::is_item);
        if is_group_heading(l) || names_bullets {
            let (name, level) = name_and_level(&group_name(&l.text));
            groups.push(Skill {
                name: Some(name),
                level,
                ..Skill::default()
            });
            current = Some(groups.len() - 1);
            continue;
        }
        if let Some((label, rest)) = labelled(&l.text) {
            let mut fake = l.clone();
            fake.set_text(rest);
            fake.spans = vec![crate::doc::Span::plain(fake.text.clone())];
            let (name, level) = name_and_level(&label);
            groups.push(Skill {
                name: Some(name),
                level,
                keywords: Some(items(&fake, true)),
                ..Skill::default()
            });
            continue;
        }
        let idx = match current {
            Some(i) => i,
            None => {
                groups.push(Skill {
                    name: Some(section_name.clone()),
                    ..Skill::default()
                });
                current = Some(groups.len() - 1);
                groups.len() - 1
            }
        };
        let term_first = l
            .spans
            .iter()
            .find(|s| !s.text.trim().is_empty())
            .is_some_and(|s| s.bold && s.text.trim().ends_with(':'));
        if l.sentence_like() && l.words() > 6 && !l.text.contains(',') && !term_first {
            found.unplaced(l, "a sentence in a skills list, not placed");
            continue;
        }
        if let Some(g) = groups.get_mut(idx) {
            g.keywords
                .get_or_insert_with(Vec::new)
                .extend(items(l, false));
        }
    }
    for g in groups {
        // A level alone ("Expert:") with nothing under it is no skill; a named group with a
        // level ("Machine learning (Beginner)") is one, even with no items.
        if g.keywords.as_ref().is_some_and(|k| !k.is_empty())
            || g.level.is_none()
            || g.level != g.name
        {
            model::push(&mut found.resume.skills, g);
        }
    }
}

/// Skills named in prose outside a skills section ("I have skills in linux, git, …").
pub fn prose_skills(all: &[Line], chunks: &[Chunk], found: &mut Found) {
    if chunks
        .iter()
        .any(|c| c.section == Some(lexicon::Section::Skills))
    {
        return;
    }
    let re = crate::lite_re!(crate::patterns::SKILLS_IN_PROSE);
    let mut keywords: Vec<String> = Vec::new();
    for l in all {
        let Some(c) = re.captures(&l.text) else {
            continue;
        };
        let Some(list) = c.get(1) else { continue };
        let mut got = Vec::new();
        for item in split_commas(list.as_str()) {
            let item = item.trim().trim_start_matches("and ").trim();
            // "a wide array of amazon: EC2" → "EC2"
            let item = item.rsplit(": ").next().unwrap_or(item).trim();
            let pieces: Vec<&str> =
                if item.split_whitespace().count() == 3 && item.contains(" and ") {
                    item.split(" and ").collect()
                } else {
                    vec![item]
                };
            for p in pieces {
                let p = p.trim().trim_end_matches('.');
                if !p.is_empty()
                    && p.split_whitespace().count() <= 3
                    && !p.eq_ignore_ascii_case("etc")
                    && !p.starts_with("and ")
                {
                    got.push(p.to_string());
                }
            }
        }
        if got.len() >= 3 {
            keywords.extend(got);
        }
    }
    if !keywords.is_empty() {
        model::push(
            &mut found.resume.skills,
            Skill {
                name: Some("Skills".into()),
                keywords: Some(keywords),
                ..Skill::default()
            },
        );
    }
}

/// A languages section: "English (native speaker)", "Spanish – fluent", "French: B2".
pub fn languages(chunk: &Chunk, found: &mut Found) {
    let fluency_only = |text: &str| {
        !text.is_empty()
            && text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .all(|w| {
                    lexicon::has(lexicon::FLUENCY_WORDS, w)
                        || matches!(w.to_lowercase().as_str(), "speaker" | "level" | "user")
                })
    };
    // Items of one line are languages when most of them start with a language's name.
    let languages = |items: &[&str]| {
        let known = items
            .iter()
            .filter(|i| {
                let first = i.split_whitespace().next().unwrap_or("");
                lexicon::has(lexicon::LANGUAGE_NAMES, first)
            })
            .count();
        known * 2 >= items.len() && known > 0
    };
    let lines = one_item_per_line(chunk, languages);
    for (i, l) in lines.iter().enumerate() {
        let text = l.text.trim().trim_end_matches('.');
        // A name followed by a line that is only a fluency ("Twi" then "Conversational").
        let next_is_fluency = lines
            .get(i + 1)
            .is_some_and(|n| fluency_only(n.text.trim()));
        // A fluency on its own line after its language ("English" then "native").
        let only_fluency = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                lexicon::has(lexicon::FLUENCY_WORDS, w)
                    || matches!(w.to_lowercase().as_str(), "speaker" | "level" | "user")
            });
        if only_fluency && !text.is_empty() {
            if let Some(last) = found.resume.languages.as_mut().and_then(|v| v.last_mut()) {
                if last.fluency.is_none() {
                    last.fluency = Some(text.to_string());
                    continue;
                }
            }
        }
        // "German (native), English (fluent)": several languages on one line.
        let split = split_commas(text);
        let pieces = if split.len() > 1 && split.iter().all(|p| p.starts_with(char::is_uppercase)) {
            split
        } else {
            vec![text.to_string()]
        };
        for piece in pieces {
            let Some((lang, level)) = super::shapes::language_line(&piece) else {
                found.unplaced(l, "not a language, not placed");
                continue;
            };
            let lang = piece[lang].trim().to_string();
            // A language's name is short (the pattern leaves the bound to here: a bounded
            // repetition of every letter of Unicode is slow to build).
            if lang.chars().count() > 31 {
                found.unplaced(l, "not a language, not placed");
                continue;
            }
            let first = lang.split_whitespace().next().unwrap_or("");
            // A name we know, or any capitalised name that comes with a fluency.
            let known = lexicon::has(lexicon::LANGUAGE_NAMES, first);
            let with_fluency = level.is_some() || next_is_fluency;
            if !known
                && (!with_fluency
                    || lang.split_whitespace().count() > 2
                    || !first.chars().next().is_some_and(char::is_uppercase))
            {
                found.unplaced(l, "not a language, not placed");
                continue;
            }
            let fluency = level.map(|r| piece[r].trim().to_string());
            model::push(
                &mut found.resume.languages,
                Language {
                    language: Some(lang),
                    fluency,
                    ..Language::default()
                },
            );
        }
    }
}

/// The lines of a list section with items run together on a line cut into one line per
/// item: "English (native) · German (C1)", "Cycling | Chess | Jazz" — a middle dot, bar or
/// bullet between spaces separates items on one line, the way CVs save space for short
/// lists. A separator bound by narrow no-break spaces is inside an item.
/// `split` says whether a line's items are items of the section (not a garbled line that
/// happens to hold a bar).
fn one_item_per_line(chunk: &Chunk, split: fn(&[&str]) -> bool) -> Vec<super::lines::Line> {
    let mut out = Vec::new();
    for l in &chunk.lines {
        let items: Vec<&str> = l
            .text
            .split(" · ")
            .flat_map(|p| p.split(" | "))
            .flat_map(|p| p.split(" • "))
            // A separator left at the end of a wrapped line ("… · Chess ·") or opening the
            // next is not the item's.
            .map(|p| p.trim().trim_matches(['·', '|', '•']).trim())
            .filter(|p| !p.is_empty())
            .collect();
        if items.len() < 2 || !split(&items) {
            let mut one = l.clone();
            if let Some(item) = items.first().filter(|i| i.len() < l.text.trim().len()) {
                one.set_text(item.to_string());
            }
            out.push(one);
            continue;
        }
        for item in items {
            let mut piece = l.clone();
            piece.set_text(item.to_string());
            out.push(piece);
        }
    }
    out
}

/// An interests section: names, with keywords after a colon.
pub fn interests(chunk: &Chunk, found: &mut Found) {
    for l in &one_item_per_line(chunk, |_| true) {
        if let Some((name, rest)) = labelled(&l.text) {
            // Commas separate; a short phrase without them is one keyword ("retro
            // platformers"); a long run of words is a list written with spaces only.
            let keywords = if rest.contains(',') {
                split_commas(&rest)
            } else if rest.split_whitespace().count() <= 3 {
                vec![rest.clone()]
            } else {
                space_items(&rest, true)
            };
            model::push(
                &mut found.resume.interests,
                Interest {
                    name: Some(name),
                    keywords: Some(keywords),
                    ..Interest::default()
                },
            );
        } else if l.words() <= 5 && !l.sentence_like() {
            let text = l.text.trim_end_matches(':').trim();
            // Lowercase words after an interest ("Cycling" then "randonneuring") are its
            // keywords.
            let last = found.resume.interests.as_mut().and_then(|v| v.last_mut());
            if let Some(last) = last.filter(|_| text.starts_with(char::is_lowercase)) {
                last.keywords
                    .get_or_insert_with(Vec::new)
                    .extend(split_commas(text));
                continue;
            }
            let names = if text.contains(',') {
                split_commas(text)
            } else {
                vec![text.to_string()]
            };
            for n in names {
                model::push(
                    &mut found.resume.interests,
                    Interest {
                        name: Some(n),
                        ..Interest::default()
                    },
                );
            }
        } else {
            found.unplaced(l, "a sentence in interests, not placed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_separated_items() {
        assert_eq!(
            space_items("JavaScript HTML 5 CSS LAMP", false),
            vec!["JavaScript", "HTML 5", "CSS", "LAMP"]
        );
        assert_eq!(
            space_items("mystery Agatha Christie John Grisham", true),
            vec!["mystery", "Agatha Christie", "John Grisham"]
        );
    }

    use crate::doc::Span;

    fn line(spans: &[(&str, bool)]) -> Line {
        let spans = spans
            .iter()
            .map(|(t, bold)| Span {
                text: (*t).to_string(),
                bold: *bold,
                ..Span::default()
            })
            .collect();
        Line::new(crate::doc::Kind::Paragraph, spans, 1, true, 0)
    }

    /// Emphasis inside a list does not drop the items without it; in prose it marks the
    /// items.
    #[test]
    fn emphasised_items_of_a_list_and_of_prose() {
        let list = line(&[
            ("Python (FastAPI)", true),
            (", layered architecture, JWT/OAuth2, PyTest; ", false),
            ("NestJS", true),
            (".", false),
        ]);
        assert_eq!(
            items(&list, true),
            vec![
                "Python (FastAPI)",
                "layered architecture",
                "JWT/OAuth2",
                "PyTest",
                "NestJS"
            ]
        );
        let prose = line(&[
            ("Basic knowledge of ", false),
            ("C", true),
            (", ", false),
            ("x86 assembly", true),
            (", ", false),
            ("Common Lisp", true),
        ]);
        assert_eq!(
            items(&prose, true),
            vec!["C", "x86 assembly", "Common Lisp"]
        );
        let german = line(&[
            ("Kenntnisse in ", false),
            ("SQL", true),
            (" und ", false),
            ("NoSQL", true),
        ]);
        assert_eq!(items(&german, true), vec!["SQL", "NoSQL"]);
    }

    #[test]
    fn group_names() {
        assert_eq!(group_name("AREAS OF EXPERTISE"), "Areas of Expertise");
        assert_eq!(group_name("PAST / LIMITED"), "Past / Limited");
        assert!(is_level("Past / Limited"));
    }
}
