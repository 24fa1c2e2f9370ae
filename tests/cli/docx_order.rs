//! The DOCX we write, checked against the child sequences ECMA-376 Part 1 (transitional
//! WordprocessingML schema, `wml.xsd`) gives the elements we use: every child of a listed
//! element must be one the schema allows there, in the schema's order. The sequences below are
//! the schema's, written out for the elements this writer emits (the full schemas are not in
//! a package registry this project can reach, so they are not run with `xmllint` here).

use crate::common::json_fixtures;
use resumeconv::theme::{ThemeName, ThemeOptions};
use resumeconv::{Format, WriteOptions};
use std::io::Read;

/// (element, its children in schema order). Elements not listed are not checked.
const SEQUENCES: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        ],
    ),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    ("w:styles", &["w:docDefaults", "w:latentStyles", "w:style"]),
    ("w:docDefaults", &["w:rPrDefault", "w:pPrDefault"]),
    (
        "w:sectPr",
        &[
            "w:headerReference|w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:lvl",
        &[
            "w:start",
            "w:numFmt",
            "w:lvlRestart",
            "w:pStyle",
            "w:isLgl",
            "w:suff",
            "w:lvlText",
            "w:lvlPicBulletId",
            "w:legacy",
            "w:lvlJc",
            "w:pPr",
            "w:rPr",
        ],
    ),
    (
        "w:abstractNum",
        &[
            "w:nsid",
            "w:multiLevelType",
            "w:tmpl",
            "w:name",
            "w:styleLink",
            "w:numStyleLink",
            "w:lvl",
        ],
    ),
    (
        "w:numbering",
        &[
            "w:numPicBullet",
            "w:abstractNum",
            "w:num",
            "w:numIdMacAtCleanup",
        ],
    ),
    ("w:numPr", &["w:ilvl", "w:numId"]),
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    ("w:tabs", &["w:tab"]),
    ("w:r", &["w:rPr", "w:t|w:tab|w:br|w:fldChar|w:instrText"]),
    ("w:p", &["w:pPr", "w:r|w:hyperlink"]),
    ("w:hyperlink", &["w:r"]),
    ("w:body", &["w:p|w:tbl", "w:sectPr"]),
    ("w:ftr", &["w:p|w:tbl"]),
    (
        "w:settings",
        &["w:defaultTabStop", "w:characterSpacingControl", "w:compat"],
    ),
    ("w:compat", &["w:compatSetting"]),
    ("w:rPrDefault", &["w:rPr"]),
    ("w:pPrDefault", &["w:pPr"]),
];

fn position(parent: &str, child: &str) -> Option<Option<usize>> {
    let (_, seq) = SEQUENCES.iter().find(|(p, _)| *p == parent)?;
    Some(seq.iter().position(|s| s.split('|').any(|n| n == child)))
}

/// Every order violation in one XML part.
fn violations(part: &str, xml: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    // For each open element: its name and the schema position of its last child.
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut out = Vec::new();
    let child = |stack: &mut Vec<(String, usize)>, name: &str, out: &mut Vec<String>| {
        if let Some((parent, last)) = stack.last_mut() {
            match position(parent, name) {
                Some(Some(p)) if p >= *last => *last = p,
                Some(Some(_)) => out.push(format!("{part}: <{name}> out of order in <{parent}>")),
                Some(None) => out.push(format!("{part}: <{name}> not allowed in <{parent}>")),
                None => {}
            }
        }
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                child(&mut stack, &name, &mut out);
                stack.push((name, 0));
            }
            Ok(Event::Empty(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                child(&mut stack, &name, &mut out);
            }
            Ok(Event::End(_)) => {
                stack.pop();
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                out.push(format!("{part}: not well-formed XML: {e}"));
                break;
            }
            _ => {}
        }
    }
    out
}

fn check(docx: &[u8], what: &str) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut bad = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        if !name.ends_with(".xml") && !name.ends_with(".rels") {
            continue;
        }
        let mut xml = String::new();
        f.read_to_string(&mut xml).unwrap();
        bad.extend(violations(&name, &xml));
        if name == "word/styles.xml" {
            for id in xml.split("w:styleId=\"").skip(1) {
                let id = id.split('"').next().unwrap_or("").to_string();
                *ids.entry(id).or_insert(0) += 1;
            }
        }
    }
    for (id, n) in ids {
        if n > 1 {
            bad.push(format!("style {id} defined {n} times"));
        }
    }
    assert!(bad.is_empty(), "{what}: {bad:#?}");
}

#[test]
fn every_docx_we_write_follows_the_schema_order() {
    let mut checked = 0;
    for f in json_fixtures() {
        let r = resumeconv::read::json::read(&std::fs::read(&f).unwrap(), "x").unwrap();
        for name in ThemeName::ALL {
            for lang in ["en", "de"] {
                let opts = WriteOptions {
                    theme: ThemeOptions {
                        name,
                        ..ThemeOptions::default()
                    },
                    lang: Some(lang.into()),
                    ..WriteOptions::default()
                };
                let docx = resumeconv::render_with(&r, Format::Docx, &opts).unwrap();
                check(&docx, &format!("{} {name:?} {lang}", f.display()));
                checked += 1;
            }
        }
    }
    assert!(checked >= 30, "{checked}");
    // The checker finds what it is for.
    assert!(!violations("t", "<w:pPr><w:rPr/><w:pStyle w:val=\"x\"/></w:pPr>").is_empty());
    assert!(!violations("t", "<w:rPr><w:b/><w:rStyle w:val=\"x\"/></w:rPr>").is_empty());
}
