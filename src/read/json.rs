//! JSON Resume in: bytes → [`Resume`], with precise messages for broken input.
//!
//! Parsing happens in two steps so each failure gets the message it deserves: first to a
//! generic JSON value (a syntax error gives line and column), then to the typed model (a
//! field of the wrong type gives its JSON path, `work[0].highlights`).

use crate::error::Error;
use crate::model::Resume;
use serde_json::Value;

/// Parses JSON text into a generic value; a UTF-8 byte order mark is accepted.
pub fn parse_value(bytes: &[u8], file: &str) -> Result<Value, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(bytes, e.valid_up_to());
        Error::JsonSyntax {
            file: file.to_string(),
            line,
            column,
            message: "invalid UTF-8".into(),
        }
    })?;
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; we print those in front instead.
        let message = match message.rfind(" at line ") {
            Some(cut) => message[..cut].to_string(),
            None => message,
        };
        Error::JsonSyntax {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            message,
        }
    })
}

/// Turns a parsed JSON value into a [`Resume`], naming the path of a field of the wrong type.
pub fn to_resume(value: Value, file: &str) -> Result<Resume, Error> {
    if !value.is_object() {
        return Err(Error::Shape {
            file: file.to_string(),
            message: format!(
                "a JSON Resume must be a JSON object at the top level, found {}",
                kind_of(&value)
            ),
        });
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        Error::Shape {
            file: file.to_string(),
            message: format!("{path}: {}", e.inner()),
        }
    })
}

/// Reads a JSON Resume document.
pub fn read(bytes: &[u8], file: &str) -> Result<Resume, Error> {
    to_resume(parse_value(bytes, file)?, file)
}

/// "an array", "a string", ... for messages.
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, column)
}

/// The JSON row of the format registry: the document itself, with schema warnings.
pub struct JsonReader;
pub const READER: JsonReader = JsonReader;

impl crate::format::Reader for JsonReader {
    fn read(
        &self,
        bytes: &[u8],
        name: &str,
        limits: &crate::Limits,
    ) -> Result<(crate::format::Parsed, Vec<crate::Warning>), Error> {
        limits.check_json_depth(bytes, name)?;
        let value = parse_value(bytes, name)?;
        let warnings = crate::validate::check(&value)
            .into_iter()
            .map(|p| crate::Warning::new(None, p.to_string()))
            .collect();
        Ok((
            crate::format::Parsed::Resume(Box::new(to_resume(value, name)?)),
            warnings,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = read(
            b"{\n  \"basics\": {\n    \"name\": \"A\",\n  }\n}",
            "cv.json",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("cv.json:4:3: malformed JSON: trailing comma"),
            "{msg}"
        );
    }

    #[test]
    fn wrong_types_name_their_path() {
        let err = read(br#"{"work": "x"}"#, "cv.json").unwrap_err();
        assert_eq!(
            err.to_string(),
            "cv.json: work: invalid type: string \"x\", expected a sequence"
        );
        let err = read(br#"{"work": [{"highlights": [1]}]}"#, "cv.json").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cv.json: work[0].highlights[0]: invalid type")
        );
    }

    #[test]
    fn root_must_be_an_object() {
        let err = read(b"[1, 2]", "cv.json").unwrap_err();
        assert_eq!(
            err.to_string(),
            "cv.json: a JSON Resume must be a JSON object at the top level, found an array"
        );
    }

    #[test]
    fn bom_is_accepted() {
        let r = read(b"\xEF\xBB\xBF{\"basics\": {\"name\": \"Ana\"}}", "x").unwrap();
        assert_eq!(r.basics.unwrap().name.as_deref(), Some("Ana"));
    }
}
