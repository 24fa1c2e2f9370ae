//! YAML in: a JSON Resume document written as YAML (the same fields, YAML syntax).
//!
//! Parsed by serde-saphyr (pure Rust, no tag-driven object construction, with budgets against
//! alias bombs and deep nesting) straight into the typed résumé, so a plain scalar in a text
//! field stays the text the author wrote: `startDate: 2020` is "2020", `version: 1.10` is
//! "1.10", `postalCode: 02134` keeps its zero. Unknown keys are kept as JSON values, like the
//! JSON reader does, and reported by the same schema check.

use crate::error::{Error, Warning};
use crate::format::{Parsed, Reader};
use crate::limits::Limits;
use crate::model::Resume;

/// Parser options: our nesting limit, no multi-line snippets in messages, leading zeros kept.
pub(crate) fn options(limits: &Limits) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = limits.json_depth;
    let mut o = serde_saphyr::Options::default();
    o.budget = Some(budget);
    o.with_snippet = false;
    o.leading_zero_numbers_as_strings = true;
    o
}

/// The text of a YAML input: UTF-8, with or without a byte-order mark.
pub(crate) fn text<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| Error::Unreadable {
        file: name.into(),
        message: format!(
            "YAML must be UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ),
    })
}

/// A parser's message on one line, prefixed with the file (`cv.yaml: line 3 column 5: …`).
pub(crate) fn error(name: &str, e: &serde_saphyr::Error) -> Error {
    Error::Shape {
        file: name.into(),
        message: crate::doc::collapse(&e.to_string()),
    }
}

/// Reads a JSON Resume written as YAML.
pub fn read(bytes: &[u8], name: &str, limits: &Limits) -> Result<(Resume, Vec<Warning>), Error> {
    let text = text(bytes, name)?;
    let resume: Resume =
        serde_saphyr::from_str_with_options(text, options(limits)).map_err(|e| error(name, &e))?;
    let value = serde_json::to_value(&resume).unwrap_or_default();
    let warnings = crate::validate::check(&value)
        .into_iter()
        .map(|p| Warning::new(None, p.to_string()))
        .collect();
    Ok((resume, warnings))
}

/// The YAML row of the format registry.
pub struct YamlReader;
pub const READER: YamlReader = YamlReader;

impl Reader for YamlReader {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &Limits,
    ) -> Result<(Parsed, Vec<Warning>), Error> {
        let (resume, warnings) = read(bytes, name, limits)?;
        Ok((Parsed::Resume(Box::new(resume)), warnings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> Result<Resume, Error> {
        read(s.as_bytes(), "cv.yaml", &Limits::default()).map(|(r, _)| r)
    }

    #[test]
    fn plain_scalars_keep_their_text() {
        let r = read_str(
            "basics:\n  name: Ana Lima\n  phone: 0151 234\n  location:\n    postalCode: 02134\n\
             work:\n  - name: Acme\n    startDate: 2020\n    highlights:\n      - yes\n",
        )
        .unwrap();
        let b = r.basics.unwrap();
        assert_eq!(b.phone.as_deref(), Some("0151 234"));
        assert_eq!(b.location.unwrap().postal_code.as_deref(), Some("02134"));
        let w = &r.work.unwrap()[0];
        assert_eq!(w.start_date.as_deref(), Some("2020"));
        assert_eq!(w.highlights.as_deref(), Some(&["yes".to_string()][..]));
    }

    #[test]
    fn errors_are_one_line_and_name_the_file() {
        let e = read_str("basics:\n  name: [unclosed\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("cv.yaml: "), "{e}");
        assert!(!e.contains('\n'), "{e}");
        let e = read_str("work: just a string\n").unwrap_err().to_string();
        assert!(e.starts_with("cv.yaml: "), "{e}");
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            bomb.push_str(&format!(
                "b{i}: &b{i} [{0}, {0}, {0}, {0}, {0}, {0}, {0}, {0}, {0}, {0}]\n",
                format!("*{prev}")
            ));
        }
        assert!(
            read_str(&format!(
                "meta:\n  x:\n{}",
                bomb.lines()
                    .map(|l| format!("    {l}\n"))
                    .collect::<String>()
            ))
            .is_err()
        );
        let deep = format!("meta:\n  x: {}{}\n", "[".repeat(200), "]".repeat(200));
        assert!(read_str(&deep).is_err());
    }
}
