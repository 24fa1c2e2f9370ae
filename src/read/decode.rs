//! Turning input bytes into text: UTF-8 (with or without a byte order mark), UTF-16 with a
//! byte order mark, and Windows-1252 for text that is plainly not UTF-8. Binary data is
//! refused with a clear message rather than read as garbage.

use crate::error::{Error, Warning};

/// Decodes bytes as text, with a warning when a legacy encoding was assumed. Line endings
/// come out as `\n` whatever they were (`\r\n` from Windows, a lone `\r` from old Macs).
pub fn decode(bytes: &[u8], file: &str) -> Result<(String, Option<Warning>), Error> {
    let (text, warning) = decode_raw(bytes, file)?;
    if text.contains('\r') {
        return Ok((text.replace("\r\n", "\n").replace('\r', "\n"), warning));
    }
    Ok((text, warning))
}

fn decode_raw(bytes: &[u8], file: &str) -> Result<(String, Option<Warning>), Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_raw(rest, file);
    }
    // UTF-32's byte order marks first: the little-endian one begins with UTF-16LE's.
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return Ok((utf32(rest, u32::from_le_bytes), None));
    }
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return Ok((utf32(rest, u32::from_be_bytes), None));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok((utf16(rest, u16::from_le_bytes), None));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok((utf16(rest, u16::from_be_bytes), None));
    }
    if let Some((f, name)) = utf16_without_bom(bytes) {
        let warning = Warning::new(None, format!("no byte order mark: read as {name}"));
        return Ok((utf16(bytes, f), Some(warning)));
    }
    if let Some(kind) = known_binary(bytes) {
        return Err(Error::Unreadable {
            file: file.to_string(),
            message: kind.into(),
        });
    }
    // A few stray NUL bytes in otherwise ordinary text (an export glitch) are dropped, with a
    // warning naming the line of the first; many mean binary data.
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    let mostly_nul = nuls * 100 > bytes.len();
    let cleaned;
    let (bytes, nul_warning) = if nuls > 0 && !mostly_nul {
        let first = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        let line = line_of(bytes, first);
        cleaned = bytes
            .iter()
            .copied()
            .filter(|&b| b != 0)
            .collect::<Vec<u8>>();
        let warning = Warning::new(Some(line), format!("removed {nuls} NUL byte(s)"));
        (cleaned.as_slice(), Some(warning))
    } else {
        (bytes, None)
    };
    if mostly_nul || looks_binary(bytes) {
        return Err(Error::Unreadable {
            file: file.to_string(),
            message: "this is binary data, not a text, Markdown, DOCX or PDF résumé".into(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), nul_warning)),
        Err(e) => {
            let line = line_of(bytes, e.valid_up_to());
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

/// UTF-32 text: four bytes a character; a value that is no character (a surrogate, past
/// U+10FFFF) or a cut-short last unit becomes U+FFFD.
fn utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> String {
    bytes
        .chunks(4)
        .map(|c| {
            <[u8; 4]>::try_from(c)
                .ok()
                .and_then(|b| char::from_u32(unit(b)))
                .unwrap_or('\u{fffd}')
        })
        .collect()
}

/// How two bytes make one UTF-16 code unit.
type ByteOrder = fn([u8; 2]) -> u16;

/// The 1-based line holding byte `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes.iter().take(at).filter(|&&b| b == b'\n').count() + 1
}

/// UTF-16 text saved without a byte order mark: mostly ASCII, so every other byte is NUL.
/// Returns the byte order and its name.
fn utf16_without_bom(bytes: &[u8]) -> Option<(ByteOrder, &'static str)> {
    let sample = bytes.get(..bytes.len().min(4096) & !1)?;
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_at = |odd: usize| {
        sample
            .iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    if odd * 10 >= pairs * 9 && even * 10 < pairs {
        Some((u16::from_le_bytes, "UTF-16LE"))
    } else if even * 10 >= pairs * 9 && odd * 10 < pairs {
        Some((u16::from_be_bytes, "UTF-16BE"))
    } else {
        None
    }
}

/// Binary formats people mistake for résumés we read, named so the message helps.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 6] = [
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "this is a legacy Word .doc file; save it as .docx and convert that",
        ),
        (
            b"\x89PNG",
            "this is an image (PNG), not a résumé with text; scanned résumés are not read",
        ),
        (
            b"\xFF\xD8\xFF",
            "this is an image (JPEG), not a résumé with text; scanned résumés are not read",
        ),
        (
            b"{\\rtf",
            "this is an RTF document; save it as .docx and convert that",
        ),
        (b"\x1F\x8B", "this is a gzip archive; unpack it first"),
        (b"7z\xBC\xAF", "this is a 7-Zip archive; unpack it first"),
    ];
    KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

fn utf16(bytes: &[u8], f: ByteOrder) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| {
            f([
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ])
        })
        .collect();
    String::from_utf16_lossy(&units)
}

/// Many control characters mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
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
        0x80..=0x9F => HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{fffd}'),
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

    #[test]
    fn utf16_without_bom_and_stray_nuls() {
        let le: Vec<u8> = "Jane Doe\nEngineer\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let (t, w) = decode(&le, "f").unwrap();
        assert_eq!(t, "Jane Doe\nEngineer\n");
        assert_eq!(w.unwrap().message, "no byte order mark: read as UTF-16LE");
    }

    #[test]
    fn utf32_with_a_byte_order_mark() {
        let text = "Zoë Ng\nRust — Go";
        for (bom, unit) in [
            (b"\xFF\xFE\x00\x00", u32::to_le_bytes as fn(u32) -> [u8; 4]),
            (b"\x00\x00\xFE\xFF", u32::to_be_bytes),
        ] {
            let mut bytes = bom.to_vec();
            for c in text.chars() {
                bytes.extend(unit(u32::from(c)));
            }
            let (decoded, w) = decode(&bytes, "cv.txt").unwrap();
            assert_eq!(decoded, text);
            assert!(w.is_none());
        }
        let be: Vec<u8> = "Jane Doe\nEngineer\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be, "f").unwrap().0, "Jane Doe\nEngineer\n");
        let text = b"Jane Doe\nSoftware engineer at Acme since 2019, before that at Initech for six years.\nBerlin, Germany, open to relocation\x00\n";
        let (t, w) = decode(text, "f").unwrap();
        assert!(!t.contains('\0'));
        let w = w.unwrap();
        assert_eq!(
            (w.line, w.message.as_str()),
            (Some(3), "removed 1 NUL byte(s)")
        );
    }

    #[test]
    fn known_binary_formats_are_named() {
        let err = decode(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "cv.doc").unwrap_err();
        assert_eq!(
            err.to_string(),
            "cv.doc: this is a legacy Word .doc file; save it as .docx and convert that"
        );
    }
}
