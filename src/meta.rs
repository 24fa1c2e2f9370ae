//! Document metadata — title, author, subject, keywords and date — computed once from the
//! résumé, so the PDF's info dictionary, the DOCX core properties and the HTML `<head>` agree.

use crate::model::Resume;

/// What a written document says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct DocMeta {
    /// "Ana Lima – Résumé", or "Résumé" without a name.
    pub title: String,
    /// The person's name.
    pub author: Option<String>,
    /// The headline (`basics.label`), else "Résumé".
    pub subject: String,
    /// Up to twenty skill keywords, in order.
    pub keywords: Vec<String>,
    /// Seconds since 1970: `SOURCE_DATE_EPOCH` when set, else 0, so the same input always
    /// gives the same bytes.
    pub epoch: i64,
    /// The same instant as `YYYY-MM-DDThh:mm:ssZ`.
    pub date: String,
    /// The document's language as a BCP 47 tag ("en", "de-AT").
    pub lang: String,
}

/// How many skill keywords a document's keyword list carries.
const MAX_KEYWORDS: usize = 20;

/// The language of a résumé as its `meta` gives it (`meta.language` or `meta.lang`, a BCP 47
/// tag such as "de" or "pt-BR"; JSON Resume has no such field, so it is what tools and
/// people put there), checked to have the shape of a tag.
pub fn resume_lang(resume: &Resume) -> Option<String> {
    let meta = resume.meta.as_ref()?;
    ["language", "lang"]
        .iter()
        .find_map(|k| meta.extra.get(*k).and_then(|v| v.as_str()))
        .map(str::trim)
        .filter(|t| is_lang_tag(t))
        .map(str::to_string)
}

/// "en", "de-AT", "pt-BR", "zh-Hant": a primary language of 2–3 letters and subtags of
/// 2–8 letters or digits.
pub fn is_lang_tag(t: &str) -> bool {
    let mut parts = t.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl DocMeta {
    /// The metadata of a résumé written with the given options (their date and language).
    pub fn with(resume: &Resume, opts: &crate::WriteOptions) -> DocMeta {
        let mut m = DocMeta::of(resume);
        if let Some(e) = opts.epoch {
            m.epoch = e;
            m.date = crate::iso_datetime(e);
        }
        if let Some(l) = opts.lang.as_deref().filter(|l| is_lang_tag(l)) {
            m.lang = l.to_string();
        }
        m
    }

    pub fn of(resume: &Resume) -> DocMeta {
        let basics = resume.basics.as_ref();
        let author = basics
            .and_then(|b| b.name.clone())
            .filter(|n| !n.trim().is_empty());
        let epoch = crate::source_date_epoch();
        DocMeta {
            title: match &author {
                Some(n) => format!("{n} – Résumé"),
                None => "Résumé".to_string(),
            },
            subject: basics
                .and_then(|b| b.label.clone())
                .filter(|l| !l.trim().is_empty())
                .unwrap_or_else(|| "Résumé".into()),
            author,
            keywords: resume
                .skills
                .iter()
                .flatten()
                .flat_map(|s| s.keywords.iter().flatten().cloned())
                .take(MAX_KEYWORDS)
                .collect(),
            epoch,
            date: crate::iso_datetime(epoch),
            lang: resume_lang(resume).unwrap_or_else(|| "en".to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_a_resume() {
        let r: Resume = serde_json::from_str(
            r#"{"basics":{"name":"Ana Lima","label":"Nurse"},
                "skills":[{"name":"Care","keywords":["Triage","ICU"]}]}"#,
        )
        .unwrap();
        let m = DocMeta::of(&r);
        assert_eq!(m.title, "Ana Lima – Résumé");
        assert_eq!(m.author.as_deref(), Some("Ana Lima"));
        assert_eq!(m.subject, "Nurse");
        assert_eq!(m.keywords, ["Triage", "ICU"]);
        let empty = DocMeta::of(&Resume::default());
        assert_eq!((empty.title.as_str(), empty.author), ("Résumé", None));
    }
}
