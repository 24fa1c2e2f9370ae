//! CSV as RFC 4180 defines it (comma-separated fields, double quotes around a field that holds
//! a comma, a quote or a line break, `""` for a quote inside one), enough for the data exports
//! people download (LinkedIn's "Get a copy of your data"). Our own parser: a few dozen lines,
//! no dependency, and it never fails — a stray quote is kept as text.

/// The rows of a CSV text, each a list of fields; a byte-order mark and a final line break are
/// ignored, `\r\n` and `\n` both end a row, and a line break inside quotes stays in the field.
pub fn rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut started = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                out.push(std::mem::take(&mut row));
                started = false;
                continue;
            }
            (false, c) => field.push(c),
        }
        started = true;
    }
    if started || !row.is_empty() || !field.is_empty() {
        row.push(field);
        out.push(row);
    }
    out
}

/// A CSV table read by its header: the first row that names one of `expected` columns (data
/// exports sometimes open with a few lines of notes before it).
pub struct Table {
    pub header: Vec<String>,
    pub records: Vec<Vec<String>>,
}

impl Table {
    pub fn parse(text: &str, expected: &[&str]) -> Table {
        let mut all = rows(text).into_iter();
        let mut header = Vec::new();
        for row in all.by_ref() {
            if row
                .iter()
                .any(|f| expected.iter().any(|e| e.eq_ignore_ascii_case(f.trim())))
            {
                header = row.iter().map(|f| f.trim().to_string()).collect();
                break;
            }
        }
        let records = all
            .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
            .collect();
        Table { header, records }
    }

    /// The value of a column (by name, ignoring case) in a record, trimmed; empty is `None`.
    pub fn get<'a>(&self, record: &'a [String], column: &str) -> Option<&'a str> {
        let i = self
            .header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(column))?;
        record.get(i).map(|v| v.trim()).filter(|v| !v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_quotes_and_line_breaks() {
        let t = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n";
        assert_eq!(
            rows(t),
            vec![
                vec!["a", "b", "c"],
                vec!["x, y", "say \"hi\"", "two\nlines"],
                vec!["", "", ""],
            ]
        );
        assert_eq!(rows(""), Vec::<Vec<String>>::new());
        assert_eq!(rows("\u{feff}one"), vec![vec!["one"]]);
        // A quote in the middle of a field is text, not an error.
        assert_eq!(rows("5\" floppy,x"), vec![vec!["5\" floppy", "x"]]);
    }

    #[test]
    fn a_table_after_notes() {
        let t = "Notes:\n\"Some text, with a comma\"\n\nName,Proficiency\nGerman,Native\n,\n";
        let table = Table::parse(t, &["Name"]);
        assert_eq!(table.header, ["Name", "Proficiency"]);
        assert_eq!(table.records.len(), 1);
        let r = &table.records[0];
        assert_eq!(table.get(r, "proficiency"), Some("Native"));
        assert_eq!(table.get(r, "Missing"), None);
    }
}
