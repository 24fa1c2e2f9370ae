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
}

/// How many skill keywords a document's keyword list carries.
const MAX_KEYWORDS: usize = 20;

impl DocMeta {
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
