//! Every regular expression the program compiles with the light engine (`regex-lite`), named,
//! in one table. A pattern compiled is paid at start-up by every process: the light engine
//! compiles one in tens of microseconds where the full engine takes hundreds, and these are
//! small patterns over short lines, where its slower search does not show. `\s` and `\S` are
//! Unicode white space here as in the full engine ([`crate::regex_util::lite_pattern`]); a
//! test runs every pattern through both engines on generated lines and insists they agree.
//! The few patterns that need Unicode letter classes are scanners of their own
//! (`extract::shapes`, `extract::contact_scan`, `extract::date_grammar`).

/// text.rs: "[ Experience ]"
pub const BRACKETED_TITLE: &str = r"^\s*\[\s*([^\[\]]{2,80}?)\s*\]\s*$";

/// text.rs: a tab or three spaces between columns
pub const COLUMN_GAP: &str = r"\t+| {3,}";

/// sections.rs: a line opening with a contact label
pub const CONTACT_LABEL: &str = r"(?i)^(?:e-?mail|phone|tel|telephone|mobile|cell|address|adresse|location|web|website|linkedin|github)\s*[:\-–]";

/// entries.rs: "Relevant coursework: …"
pub const COURSES_LIST: &str = r"(?i)^(?:relevant\s+|selected\s+|key\s+)?(?:courses|coursework|modules|classes|subjects)\s*(?:taken|included)?\s*[:\-–]\s*(.+)$";

/// docx.rs: a header or footer that is a page number
pub const DOCX_PAGE_NUMBER: &str = r"(?i)^\s*(?:page|seite|p[áÁ]gina|pagina|strona)?\s*[0-9]*\s*(?:(?:of|/|von|de|di|z)\s*[0-9]*)?\s*$";

/// docx: a running footer, the author's name then the page number ("Ana Lima · Page 2 of 3");
/// the numbers are fields, which may be empty in the file.
pub const DOCX_FOOTER_PAGE: &str = r"(?i)^.{1,80}?\s[-–—|·•]\s+(?:page|seite|página|pagina|pág\.|strona|side|sida|blad)\s*[0-9]{0,3}\s*(?:/|of|von|de|di|sur|z|van|av|af)\s*[0-9]{0,3}\s*$";

/// entries.rs: "in", "of", "en", … before a field of study
pub const FIELD_PREPOSITION: &str =
    r"^(?:in|of|en|em|de|di|im|w|na|no|del|della|da|do|dans|za|in der)\s+";

/// text.rs: "== Experience ==", "** Skills **"
pub const FRAMED_TITLE: &str = r"^\s*(?P<pre>[*=#~+_\-—–:>|]{2,})\s*(?P<t>[^*=#~+_|<>\[\]\s][^*=#~+_|<>\[\]]*?)\s*(?P<post>[*=#~+_\-—–:<|\s]*)$";

/// lexicon: attributes and brackets in a heading
pub const HEADING_DECORATION: &str = r"\{[^}]*\}|\([^)]*\)";

/// text.rs: **bold**, __bold__, [links](…), <addresses>
pub const INLINE_MARKUP: &str = r"\*\*(?P<b>[^*\n]+?)\*\*|__(?P<b2>[^_\n]+?)__|\[(?P<lt>[^\]\n]*)\]\((?P<lu>[^)\s]+)\)|<(?P<au>(?:https?://|mailto:)[^>\s]+|[^@>\s]+@[^>\s]+)>";

/// entries.rs: "issued by", "awarded by", "from" before an issuer
pub const ISSUED_BY: &str =
    r"(?i)^(?:issued|awarded|granted|published|presented)?\s*(?:by|from)\s+";

/// text.rs: a bullet, dash or number opening an item
pub const ITEM_MARKER: &str = r"^(?:[•·▪‣◦●○■□➢➤►▸✓✔\-–—*+]|o|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s+";

/// basics.rs: "I am a … engineer" in a summary
pub const I_AM: &str = r"(?i)(?-u:\b)(?:I am|I'm|I’m)\s+(?:an?\s+)?([^;:!?]{2,80})";

/// skills.rs: "Web: JavaScript HTML 5"
pub const LABEL_COLON_REST: &str = r"^([^:]{1,40}):\s+(.+)$";

/// basics.rs: "Location: Bristol, UK"
pub const LOCATION_LABEL: &str =
    r"(?i)^(?:address|adresse|location|based in|lives in|city)\s*[:\-–]\s*(.+)$";

/// pdf: "1. Text": a numbered line
pub const NUMBERED_LINE: &str = r"^\s*(\d{1,2})[.)]\s+\S";

/// pdf: the number opening a numbered line
pub const NUMBER_MARKER: &str = r"^\s*\d{1,2}[.)]\s+";

/// pdf: "1." or "2)" as a word
pub const NUMBER_MARKER_WORD: &str = r"^[0-9]+[.)]$";

/// entries.rs: "References available on request"
pub const ON_REQUEST: &str = r"(?i)(?:available|provided)\s+(?:up)?on\s+request";

/// text.rs: "… Page 2 of 3" at the end of a line
pub const PAGE_NUMBER_AT_END: &str = r"(?i)(?:\t|\s{3,})page\s+[0-9]+(?:\s*(?:of|/)\s*[0-9]+)?\s*$";

/// text.rs: a line that is a page number
pub const PAGE_NUMBER_LINE: &str = r"(?i)^\s*(?:page\s+[0-9]+(?:\s*(?:of|/)\s*[0-9]+)?|-\s*[0-9]+\s*-|[0-9]+\s*/\s*[0-9]+|[0-9]+\s+of\s+[0-9]+)\s*$";

/// pdf: a line that is a page number
pub const PDF_PAGE_NUMBER: &str = r"(?i)^\(?(?:(?:page|seite|página|pagina|pág\.|strona|side|sida|blad)\s*)?[0-9]{1,3}\s*(?:/|of|von|de|di|sur|z|van|av|af)\s*[0-9]{1,3}\)?$|^-?\s*[0-9]{1,3}\s*-?$";

/// pdf: a running footer at a page's edge, the author's name then the page number
/// ("Ana Lima · Page 2 of 3", "Jan Kowalski – Strona 2 z 2"), as many templates print it.
pub const PDF_FOOTER_PAGE: &str = r"(?i)^.{1,80}?\s[-–—|·•]\s+\(?(?:(?:page|seite|página|pagina|pág\.|strona|side|sida|blad)\s*)?[0-9]{1,3}\s*(?:/|of|von|de|di|sur|z|van|av|af)\s*[0-9]{1,3}\)?$";

/// basics.rs: "Photo:" before a link
pub const PHOTO_LABEL: &str = r"(?i)(?-u:\b)(?:photo|picture|image|headshot)\s*:\s*$";

/// present.rs: where a printed header line may break
pub const PRINTED_SEPARATOR: &str =
    r"\s+([-–—|·•@]+|--|at|presso|chez|bei|bij)\s+|([;,])\s+|\s+([0-9])";

/// entries.rs: a grade or honours after a degree
pub const SCORE_AFTER_DEGREE: &str = r"(?i)(?:^|\s|,)\s*(?:with\s+|graduated\s+)?((?:GPA|grade|cgpa)(?-u:\b).*|(?:first|1st|2:1|2:2|upper second|lower second|second|third|distinction|merit|summa|magna|cum laude|honou?rs).*)$";

/// entries.rs: a line that is only a grade ("GPA 3.8/4.0")
pub const SCORE_ONLY: &str = r"(?i)^(?:gpa|grade|cgpa|score|promedio|nota|media|moyenne|voto|note|abschlussnote|durchschnitt)?[:\s]*[0-9](?:[.,][0-9]+)?(?:\s*/\s*[0-9]+(?:[.,][0-9]+)?)?$|(?-u:\b)(?:gpa|honou?rs|distinction|cum laude|mention|first class|merit)(?-u:\b)";

/// skills.rs: "skilled in linux, git, …" in prose
pub const SKILLS_IN_PROSE: &str = r"(?i)(?-u:\b)(?:skills?\s+(?:in|with|include|including)|skilled\s+(?:in|with)|proficient\s+(?:in|with)|proficiency\s+in)\s+(.+?)(?:\.\s|\.$|$)";

/// skills.rs: "Cloud — AWS, GCP": the head of a long skill line
pub const SKILL_HEAD_BEFORE_DASH: &str = r"^(.{2,60}?)\s+[:\-–—]\s+\S";

/// basics.rs: "IL 62701"
pub const STATE_ZIP: &str = r"^([A-Z]{2})\s+([0-9]{5}(?:-[0-9]{4})?)$";

/// entries.rs: "Acme (Berlin)": a bracket at the end
pub const TRAILING_BRACKET: &str = r"^(.*\S)\s*\(([^()]+)\)$";

/// text.rs: "Experience ====="
pub const UNDERLINED_TITLE: &str = r"^\s*([^\s=\-_~*—–].*?)\s+[=\-_~—–]{3,}\s*$";

/// All of them, for the test that runs them through both engines.
#[cfg(test)]
pub const ALL: &[(&str, &str)] = &[
    ("BRACKETED_TITLE", BRACKETED_TITLE),
    ("COLUMN_GAP", COLUMN_GAP),
    ("CONTACT_LABEL", CONTACT_LABEL),
    ("COURSES_LIST", COURSES_LIST),
    ("DOCX_FOOTER_PAGE", DOCX_FOOTER_PAGE),
    ("DOCX_PAGE_NUMBER", DOCX_PAGE_NUMBER),
    ("FIELD_PREPOSITION", FIELD_PREPOSITION),
    ("FRAMED_TITLE", FRAMED_TITLE),
    ("HEADING_DECORATION", HEADING_DECORATION),
    ("INLINE_MARKUP", INLINE_MARKUP),
    ("ISSUED_BY", ISSUED_BY),
    ("ITEM_MARKER", ITEM_MARKER),
    ("I_AM", I_AM),
    ("LABEL_COLON_REST", LABEL_COLON_REST),
    ("LOCATION_LABEL", LOCATION_LABEL),
    ("NUMBERED_LINE", NUMBERED_LINE),
    ("NUMBER_MARKER", NUMBER_MARKER),
    ("NUMBER_MARKER_WORD", NUMBER_MARKER_WORD),
    ("ON_REQUEST", ON_REQUEST),
    ("PAGE_NUMBER_AT_END", PAGE_NUMBER_AT_END),
    ("PAGE_NUMBER_LINE", PAGE_NUMBER_LINE),
    ("PDF_FOOTER_PAGE", PDF_FOOTER_PAGE),
    ("PDF_PAGE_NUMBER", PDF_PAGE_NUMBER),
    ("PHOTO_LABEL", PHOTO_LABEL),
    ("PRINTED_SEPARATOR", PRINTED_SEPARATOR),
    ("SCORE_AFTER_DEGREE", SCORE_AFTER_DEGREE),
    ("SCORE_ONLY", SCORE_ONLY),
    ("SKILLS_IN_PROSE", SKILLS_IN_PROSE),
    ("SKILL_HEAD_BEFORE_DASH", SKILL_HEAD_BEFORE_DASH),
    ("STATE_ZIP", STATE_ZIP),
    ("TRAILING_BRACKET", TRAILING_BRACKET),
    ("UNDERLINED_TITLE", UNDERLINED_TITLE),
];

#[cfg(test)]
#[path = "patterns_tests.rs"]
mod tests;
