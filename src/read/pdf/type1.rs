//! The built-in encoding of an embedded Type 1 font: the `/Encoding` array in the clear-text
//! part of its font program (Adobe Type 1 Font Format, ch. 2 and 10: `dup 12 /fi put`).
//! A PDF font dictionary with neither `/Encoding` nor `/ToUnicode` means that encoding
//! (PDF 32000-1, 9.6.6.1) — TeX's Computer Modern fonts in the OT1 layout, where code 12 is
//! the fi ligature, 25 the sharp s and 127 the dieresis accent. Read as the standard
//! encoding instead, such text loses its ligatures and accents ("Hintertupng").

use lopdf::{Document, Object};
use unicode_normalization::UnicodeNormalization;

/// Largest font program read for its encoding.
const MAX_FONT_PROGRAM: usize = 4 * 1024 * 1024;

/// Code → character of the font's built-in encoding, when the font embeds a Type 1 program
/// that has an encoding array of its own (not `StandardEncoding`).
pub(super) fn builtin_encoding(
    doc: &Document,
    font: &lopdf::Dictionary,
) -> Option<Vec<Option<char>>> {
    let descriptor = font
        .get_deref(b"FontDescriptor", doc)
        .and_then(Object::as_dict)
        .ok()?;
    let stream = descriptor
        .get_deref(b"FontFile", doc)
        .and_then(Object::as_stream)
        .ok()?;
    let program = stream
        .decompressed_content_with_limit(MAX_FONT_PROGRAM)
        .unwrap_or_else(|_| stream.content.clone());
    // The clear text ends where the encrypted part begins.
    let clear = program
        .windows(5)
        .position(|w| w == b"eexec")
        .and_then(|end| program.get(..end))
        .unwrap_or(&program);
    parse_encoding(clear)
}

/// The `dup CODE /NAME put` entries after `/Encoding` in a font program's clear text.
fn parse_encoding(clear: &[u8]) -> Option<Vec<Option<char>>> {
    let at = clear.windows(9).position(|w| w == b"/Encoding")?;
    let text = String::from_utf8_lossy(clear.get(at + 9..)?);
    let mut table: Vec<Option<char>> = vec![None; 256];
    let mut found = false;
    let mut words = text.split_ascii_whitespace().peekable();
    while let Some(w) = words.next() {
        if w == "readonly" || w == "def" {
            if found {
                break;
            }
            // `/Encoding StandardEncoding def`: nothing of its own.
            if w == "def" {
                return None;
            }
        }
        if w != "dup" {
            continue;
        }
        let (Some(code), Some(name)) = (words.next(), words.next()) else {
            break;
        };
        let (Ok(code), Some(name)) = (code.parse::<usize>(), name.strip_prefix('/')) else {
            continue;
        };
        if let (Some(slot), Some(c)) = (table.get_mut(code), glyph_char(name)) {
            *slot = Some(c);
            found = true;
        }
    }
    found.then_some(table)
}

/// The character a glyph name stands for (names of the Adobe Glyph List for Latin text
/// fonts): a letter or digit word, punctuation, ligatures, spacing accents, a letter with
/// an accent ("adieresis", "Scaron"), and `uniXXXX`.
fn glyph_char(name: &str) -> Option<char> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_ascii_alphabetic().then_some(c);
    }
    if let Some((_, c)) = GLYPHS.iter().find(|(n, _)| *n == name) {
        return Some(*c);
    }
    if let Some(hex) = name.strip_prefix("uni").filter(|h| h.len() == 4) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    // A letter and an accent's name: the letter with the combining accent, composed.
    let base = name.chars().next().filter(char::is_ascii_alphabetic)?;
    let accent = name.get(1..)?;
    let (_, mark) = ACCENTS.iter().find(|(n, _)| *n == accent)?;
    let composed: String = [base, *mark].iter().collect::<String>().nfc().collect();
    let mut it = composed.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Accent names and their combining marks.
const ACCENTS: &[(&str, char)] = &[
    ("grave", '\u{300}'),
    ("acute", '\u{301}'),
    ("circumflex", '\u{302}'),
    ("tilde", '\u{303}'),
    ("macron", '\u{304}'),
    ("breve", '\u{306}'),
    ("dotaccent", '\u{307}'),
    ("dieresis", '\u{308}'),
    ("ring", '\u{30A}'),
    ("hungarumlaut", '\u{30B}'),
    ("caron", '\u{30C}'),
    ("cedilla", '\u{327}'),
    ("ogonek", '\u{328}'),
];

/// Glyph names of several letters.
const GLYPHS: &[(&str, char)] = &[
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("space", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quoteright", '’'),
    ("quoteleft", '‘'),
    ("quotesingle", '\''),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("period", '.'),
    ("slash", '/'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("exclamdown", '¡'),
    ("questiondown", '¿'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("quotedblbase", '„'),
    ("quotesinglbase", '‚'),
    ("guillemotleft", '«'),
    ("guillemotright", '»'),
    ("guilsinglleft", '‹'),
    ("guilsinglright", '›'),
    ("endash", '–'),
    ("emdash", '—'),
    ("bullet", '•'),
    ("periodcentered", '·'),
    ("ellipsis", '…'),
    ("section", '§'),
    ("paragraph", '¶'),
    ("dagger", '†'),
    ("daggerdbl", '‡'),
    ("copyright", '©'),
    ("registered", '®'),
    ("trademark", '™'),
    ("degree", '°'),
    ("sterling", '£'),
    ("Euro", '€'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("fi", '\u{FB01}'),
    ("fl", '\u{FB02}'),
    ("ff", '\u{FB00}'),
    ("ffi", '\u{FB03}'),
    ("ffl", '\u{FB04}'),
    ("germandbls", 'ß'),
    ("ae", 'æ'),
    ("AE", 'Æ'),
    ("oe", 'œ'),
    ("OE", 'Œ'),
    ("oslash", 'ø'),
    ("Oslash", 'Ø'),
    ("lslash", 'ł'),
    ("Lslash", 'Ł'),
    ("eth", 'ð'),
    ("Eth", 'Ð'),
    ("thorn", 'þ'),
    ("Thorn", 'Þ'),
    ("dotlessi", 'ı'),
    ("dotlessj", 'ȷ'),
    ("grave", '`'),
    ("acute", '´'),
    ("circumflex", 'ˆ'),
    ("tilde", '˜'),
    ("macron", '¯'),
    ("breve", '˘'),
    ("dotaccent", '˙'),
    ("dieresis", '¨'),
    ("ring", '˚'),
    ("hungarumlaut", '˝'),
    ("caron", 'ˇ'),
    ("cedilla", '¸'),
    ("ogonek", '˛'),
    ("minus", '−'),
    ("multiply", '×'),
    ("divide", '÷'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ot1_encoding_array_gives_ligatures_and_accents() {
        let clear = b"%!FontType1-1.0: CMR10\n/FontName /CMR10 def\n/Encoding 256 array\n\
            0 1 255 {1 index exch /.notdef put} for\ndup 12 /fi put\ndup 25 /germandbls put\n\
            dup 65 /A put\ndup 127 /dieresis put\ndup 16 /dotlessi put\nreadonly def\n\
            currentdict end\ncurrentfile eexec";
        let t = parse_encoding(clear).unwrap();
        assert_eq!(t[12], Some('\u{FB01}'));
        assert_eq!(t[25], Some('ß'));
        assert_eq!(t[65], Some('A'));
        assert_eq!(t[127], Some('\u{A8}'));
        assert_eq!(t[16], Some('ı'));
        assert_eq!(glyph_char("adieresis"), Some('ä'));
        assert_eq!(glyph_char("Scaron"), Some('Š'));
        assert_eq!(glyph_char("eogonek"), Some('ę'));
        assert_eq!(glyph_char("uni00E9"), Some('é'));
        assert_eq!(glyph_char("x"), Some('x'));
        assert_eq!(glyph_char("g123"), None);
        assert_eq!(t[66], None);
    }

    #[test]
    fn the_standard_encoding_is_not_a_builtin_one() {
        assert!(parse_encoding(b"/Encoding StandardEncoding def\ncurrentfile eexec").is_none());
        assert!(parse_encoding(b"no encoding here").is_none());
    }
}
