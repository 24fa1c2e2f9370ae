//! Turning input bytes into text: UTF-8 (with or without a byte order mark), UTF-16 with a
//! byte order mark, and Windows-1252 for text that is plainly not UTF-8. Binary data is
//! refused with a clear message rather than read as garbage.

use crate::error::{Error, Warning};

/// Decodes bytes as text, with a warning when a legacy encoding was assumed.
pub fn decode(bytes: &[u8], file: &str) -> Result<(String, Option<Warning>), Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(rest, file);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok((utf16(rest, u16::from_le_bytes), None));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok((utf16(rest, u16::from_be_bytes), None));
    }
    if looks_binary(bytes) {
        return Err(Error::Unreadable {
            file: file.to_string(),
            message: "this is binary data, not a text, Markdown, DOCX or PDF résumé".into(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            let text = bytes.iter().map(|&b| cp1252(b)).collect();
            Ok((
                text,
                Some(Warning::new(
                    Some(line),
                    "not valid UTF-8: read as Windows-1252 (Latin-1)",
                )),
            ))
        }
    }
}

fn utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| f([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

/// NUL bytes, or many control characters, mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > sample.len().max(1)
}

/// One byte of Windows-1252 as a character (the 0x80–0x9F range differs from Latin-1).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_legacy() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi", "f").unwrap().0, "hi");
        let (t, w) = decode(b"caf\xe9 \x93quoted\x94", "f").unwrap();
        assert_eq!(t, "café “quoted”");
        assert!(w.is_some());
        let (t, _) = decode(b"\xFF\xFEh\x00i\x00", "f").unwrap();
        assert_eq!(t, "hi");
        assert!(decode(b"\x00\x01\x02PK", "f").is_err());
    }
}
