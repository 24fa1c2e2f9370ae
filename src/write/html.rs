//! HTML out: one self-contained web page of the résumé — inline CSS, no scripts to run, no
//! fonts or images fetched — with semantic markup (`<header>`, `<section>`, `<h2>`,
//! `<article>`, `<time datetime>`, lists), a print stylesheet so a browser's "Print → Save as
//! PDF" gives a good page, schema.org `Person` data for search engines, and the JSON Resume
//! itself with the fingerprint of the visible text (as in our PDF and DOCX) so that reading
//! the page back is exact while its text is unchanged.

use crate::doc::{Block, Doc, Kind, Span};
use crate::embed::Embedded;
use crate::error::{Error, Warning};
use crate::format::{WriteContext, Writer};
use crate::meta::DocMeta;
use crate::model::Resume;
use crate::theme::Theme;
use crate::write::docx::Paper;
use serde_json::{Map, Value, json};

/// The id of the `<script type="application/json">` element that carries the JSON Resume.
pub const DATA_ID: &str = "json-resume";

/// The look: the same as our PDF (a blue name and section titles over a thin rule, entry
/// dates flush right), in system fonts; `@media print` sets the paper and keeps an entry's
/// head with its first lines.
const CSS: &str = "\
:root{--accent:#004f90;--muted:#555;--rule:#004f90}
*{box-sizing:border-box}
html{font-family:\"Source Sans 3\",\"Source Sans Pro\",\"Segoe UI\",\"Helvetica Neue\",Arial,\"DejaVu Sans\",sans-serif;font-size:10.5pt;line-height:1.35;color:#111;background:#f4f4f4}
body{margin:0}
main{max-width:210mm;margin:2rem auto;padding:16mm 18mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.15)}
header{text-align:center;margin-bottom:1rem}
h1{color:var(--accent);font-size:2.4em;line-height:1.1;margin:0 0 .3rem}
.label{margin:.1rem 0;font-size:1.1em}
.contact{margin:.3rem 0;color:var(--accent)}
.contact a{color:inherit}
h2{color:var(--accent);font-size:1.3em;margin:1.1rem 0 .4rem;display:flex;align-items:center;gap:.5rem}
h2::after{content:\"\";flex:1;border-bottom:.6pt solid var(--rule)}
h3{font-size:1em;margin:0;font-weight:normal}
h3 strong{font-weight:700}
h4{font-size:1em;margin:.5rem 0 .1rem}
article{margin:.55rem 0}
.entry-head{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
.dates{white-space:nowrap;margin:0}
p{margin:.15rem 0}
ul{margin:.15rem 0 .15rem 1.1rem;padding:0}
li{margin:.05rem 0}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
blockquote{margin:.3rem 0 .3rem 1rem;color:var(--muted)}
dl{margin:.2rem 0}dt{font-weight:700}dd{margin:0 0 .2rem 1rem}
@media (max-width:640px){main{margin:0;padding:1.2rem;box-shadow:none}.entry-head{flex-direction:column;gap:0}}
@media print{html{background:#fff;font-size:10pt}main{max-width:none;margin:0;padding:0;box-shadow:none}
article{break-inside:avoid-page}h2{break-after:avoid}.entry-head{break-after:avoid}a{color:inherit}}
";

/// The theme on top of the base look: its accent colour, type size and margins; a band
/// behind the header and capitals over a full rule for the themes that have them. Titles
/// are capitalised by CSS, so the page's text stays as written.
fn theme_css(t: &Theme) -> String {
    let accent = Theme::hex(t.accent);
    let mut css = format!(
        ":root{{--accent:#{accent};--rule:#{accent};--muted:#{}}}\n\
         html{{font-size:{:.1}pt;line-height:{:.2}}}\n\
         @media print{{html{{font-size:{:.1}pt}}}}\n",
        Theme::hex(t.muted),
        t.body + 1.0,
        t.leading + 0.03,
        t.body + 0.5
    );
    if t.header_align == crate::theme::Align::Left {
        css.push_str("header{text-align:left}\n");
    }
    if t.section_rule == crate::theme::SectionRule::Below {
        css.push_str(
            "h2{display:block;border-bottom:.6pt solid var(--rule);padding-bottom:.15rem}\nh2::after{content:none}\n",
        );
    }
    if t.section_caps {
        css.push_str("h2{text-transform:uppercase;letter-spacing:.04em}\n");
    }
    if t.header_band {
        css.push_str(
            "header{background:var(--accent);color:#fff;margin:-16mm -18mm 1rem;padding:10mm 18mm 6mm}\n\
             header h1,header .contact,header a{color:#fff}\n\
             @media print{header{margin:0 0 1rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n",
        );
    }
    if t.spacing < 1.0 {
        css.push_str("article{margin:.3rem 0}h2{margin:.7rem 0 .3rem}\n");
    }
    css
}

/// The page of a document; `resume` gives the structured data, `embedded` the carried copy.
pub fn to_string(
    doc: &Doc,
    resume: &Resume,
    meta: &DocMeta,
    paper: Paper,
    theme: &Theme,
    embedded: Option<&Embedded>,
) -> String {
    let mut h = String::with_capacity(16 * 1024);
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        attr(&meta.lang)
    ));
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!("<title>{}</title>\n", text(&meta.title)));
    if let Some(a) = &meta.author {
        h.push_str(&format!("<meta name=\"author\" content=\"{}\">\n", attr(a)));
    }
    h.push_str(&format!(
        "<meta name=\"description\" content=\"{}\">\n",
        attr(&meta.subject)
    ));
    if !meta.keywords.is_empty() {
        h.push_str(&format!(
            "<meta name=\"keywords\" content=\"{}\">\n",
            attr(&meta.keywords.join(", "))
        ));
    }
    h.push_str("<meta name=\"generator\" content=\"resumeconv\">\n");
    let size = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    let mm = |pt: f32| (pt * 25.4 / 72.0).round();
    h.push_str(&format!(
        "<style>\n@page{{size:{size};margin:{}mm {}mm}}\n{CSS}{}</style>\n",
        mm(theme.margin_top),
        mm(theme.margin_x),
        theme_css(theme)
    ));
    h.push_str("<script type=\"application/ld+json\">\n");
    h.push_str(&script_json(&person(resume)));
    h.push_str("\n</script>\n");
    if let Some(e) = embedded {
        h.push_str(&format!(
            "<script type=\"application/json\" id=\"{DATA_ID}\" data-fingerprint=\"{}\">\n",
            attr(&e.fingerprint)
        ));
        let value: Value = serde_json::from_str(&e.json).unwrap_or_default();
        h.push_str(&script_json(&value));
        h.push_str("\n</script>\n");
    }
    h.push_str("</head>\n<body>\n<main>\n");
    body(doc, &mut h);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// The document's blocks as elements: the blocks before the first section heading are the
/// `<header>`; each section heading opens a `<section>`, each entry heading an `<article>`.
fn body(doc: &Doc, h: &mut String) {
    let mut in_header = true;
    let mut in_section = false;
    let mut in_article = false;
    let mut lists: Vec<u8> = Vec::new(); // open <ul> depths
    let mut in_dl = false;
    h.push_str("<header>\n");
    for (i, b) in doc.blocks.iter().enumerate() {
        let is_item = matches!(b.kind, Kind::ListItem(_));
        if !is_item {
            close_lists(h, &mut lists);
        }
        let is_def = matches!(b.kind, Kind::Term | Kind::Definition);
        if !is_def && in_dl {
            h.push_str("</dl>\n");
            in_dl = false;
        }
        match b.kind {
            Kind::Heading(2) => {
                if in_article {
                    h.push_str("</article>\n");
                    in_article = false;
                }
                if in_header {
                    h.push_str("</header>\n");
                    in_header = false;
                }
                if in_section {
                    h.push_str("</section>\n");
                }
                h.push_str("<section>\n<h2>");
                h.push_str(&spans(&b.spans));
                h.push_str("</h2>\n");
                in_section = true;
            }
            Kind::Heading(1) => {
                h.push_str("<h1>");
                h.push_str(&spans(&b.spans));
                h.push_str("</h1>\n");
            }
            Kind::Heading(level) => {
                if in_article {
                    h.push_str("</article>\n");
                }
                let tag = format!("h{}", level.clamp(3, 6));
                h.push_str("<article>\n");
                in_article = true;
                if b.right.is_empty() {
                    h.push_str(&format!("<{tag}>{}</{tag}>\n", spans(&b.spans)));
                } else {
                    h.push_str(&format!(
                        "<div class=\"entry-head\"><{tag}>{}</{tag}><p class=\"dates\">{}</p></div>\n",
                        spans(&b.spans),
                        dates(&b.right)
                    ));
                }
            }
            Kind::ListItem(depth) => {
                // Each open list has an open item: a deeper item nests inside it.
                while lists.last().is_some_and(|d| *d > depth) {
                    h.push_str("</li>\n</ul>\n");
                    lists.pop();
                }
                if lists.last() == Some(&depth) {
                    h.push_str("</li>\n<li>");
                } else {
                    h.push_str("<ul>\n<li>");
                    lists.push(depth);
                }
                h.push_str(&spans(&b.spans));
            }
            Kind::Quote => h.push_str(&format!(
                "<blockquote><p>{}</p></blockquote>\n",
                spans(&b.spans)
            )),
            Kind::Rule => h.push_str("<hr>\n"),
            Kind::Term | Kind::Definition => {
                if !in_dl {
                    h.push_str("<dl>\n");
                    in_dl = true;
                }
                let tag = if b.kind == Kind::Term { "dt" } else { "dd" };
                h.push_str(&format!("<{tag}>{}</{tag}>\n", spans(&b.spans)));
            }
            Kind::Paragraph => {
                let class = paragraph_class(doc, i, in_header);
                h.push_str(&format!("<p{class}>{}</p>\n", spans(&b.spans)));
            }
        }
    }
    close_lists(h, &mut lists);
    if in_dl {
        h.push_str("</dl>\n");
    }
    if in_article {
        h.push_str("</article>\n");
    }
    if in_header {
        h.push_str("</header>\n");
    }
    if in_section {
        h.push_str("</section>\n");
    }
}

/// In the header, the paragraph of the headline (all italic) and the contact line.
fn paragraph_class(doc: &Doc, i: usize, in_header: bool) -> &'static str {
    if !in_header {
        return "";
    }
    let b: Option<&Block> = doc.blocks.get(i);
    if b.is_some_and(|b| !b.spans.is_empty() && b.spans.iter().all(|s| s.italic)) {
        " class=\"label\""
    } else {
        " class=\"contact\""
    }
}

/// Closes every open list and its open item.
fn close_lists(h: &mut String, lists: &mut Vec<u8>) {
    while lists.pop().is_some() {
        h.push_str("</li>\n</ul>\n");
    }
}

/// An entry's dates with each date in a `<time datetime>` ("Mar 2022 – Present").
fn dates(right: &[Span]) -> String {
    let text_all: String = right.iter().map(|s| s.text.as_str()).collect();
    let parts: Vec<String> = text_all
        .split(" – ")
        .map(|part| {
            let iso = crate::extract::dates::parse(part)
                .filter(|(_, vague)| !vague)
                .map(|(iso, _)| iso);
            match iso {
                Some(iso) if crate::extract::dates::is_date_only(part) => {
                    format!("<time datetime=\"{}\">{}</time>", attr(&iso), text(part))
                }
                _ => text(part),
            }
        })
        .collect();
    parts.join(" – ")
}

/// Inline spans as HTML.
fn spans(spans: &[Span]) -> String {
    let mut s = String::new();
    for span in spans {
        if span.is_break() {
            s.push_str("<br>");
            continue;
        }
        let mut t = text(&span.text);
        if span.underline {
            t = format!("<u>{t}</u>");
        }
        if span.italic {
            t = format!("<em>{t}</em>");
        }
        if span.bold {
            t = format!("<strong>{t}</strong>");
        }
        if let Some(url) = &span.link {
            t = format!("<a href=\"{}\">{t}</a>", attr(url));
        }
        s.push_str(&t);
    }
    s
}

/// Text content escaped for HTML.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// An attribute value escaped for a double-quoted attribute.
fn attr(s: &str) -> String {
    crate::embed::xml_escape(s)
}

/// JSON inside a `<script>` element: `</` and `<!--` could end or confuse the element, so
/// `<` is written `\u003c` (the same JSON value).
fn script_json(v: &Value) -> String {
    serde_json::to_string_pretty(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

/// schema.org `Person` (<https://schema.org/Person>) from the résumé: name, job title,
/// contact, address, profiles (`sameAs`), current employers, schools, skills and languages.
fn person(r: &Resume) -> Value {
    let b = r.basics.clone().unwrap_or_default();
    let mut p = Map::new();
    p.insert("@context".into(), "https://schema.org".into());
    p.insert("@type".into(), "Person".into());
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            p.insert(k.into(), v.into());
        }
    };
    put("name", b.name.clone());
    put("jobTitle", b.label.clone());
    put("email", b.email.clone());
    put("telephone", b.phone.clone());
    put("url", b.url.clone());
    put("image", b.image.clone());
    put("description", b.summary.clone());
    if let Some(l) = &b.location {
        let mut a = Map::new();
        a.insert("@type".into(), "PostalAddress".into());
        for (k, v) in [
            ("streetAddress", &l.address),
            ("postalCode", &l.postal_code),
            ("addressLocality", &l.city),
            ("addressRegion", &l.region),
            ("addressCountry", &l.country_code),
        ] {
            if let Some(v) = v {
                a.insert(k.into(), v.clone().into());
            }
        }
        p.insert("address".into(), Value::Object(a));
    }
    let same_as: Vec<Value> = b
        .profiles
        .iter()
        .flatten()
        .filter_map(|x| x.url.clone())
        .map(Value::from)
        .collect();
    if !same_as.is_empty() {
        p.insert("sameAs".into(), same_as.into());
    }
    let current: Vec<Value> = r
        .work
        .iter()
        .flatten()
        .filter(|w| w.end_date.is_none() && w.name.is_some())
        .map(|w| json!({"@type": "Organization", "name": w.name}))
        .collect();
    if !current.is_empty() {
        p.insert("worksFor".into(), current.into());
    }
    let schools: Vec<Value> = r
        .education
        .iter()
        .flatten()
        .filter_map(|e| e.institution.clone())
        .map(|n| json!({"@type": "EducationalOrganization", "name": n}))
        .collect();
    if !schools.is_empty() {
        p.insert("alumniOf".into(), schools.into());
    }
    let knows: Vec<Value> = r
        .skills
        .iter()
        .flatten()
        .flat_map(|s| s.name.iter().chain(s.keywords.iter().flatten()))
        .map(|k| Value::from(k.clone()))
        .collect();
    if !knows.is_empty() {
        p.insert("knowsAbout".into(), knows.into());
    }
    let langs: Vec<Value> = r
        .languages
        .iter()
        .flatten()
        .filter_map(|l| l.language.clone())
        .map(Value::from)
        .collect();
    if !langs.is_empty() {
        p.insert("knowsLanguage".into(), langs.into());
    }
    Value::Object(p)
}

/// The HTML row of the format registry.
pub struct HtmlWriter;
pub const WRITER: HtmlWriter = HtmlWriter;

impl Writer for HtmlWriter {
    fn write(&self, resume: &Resume, ctx: &WriteContext) -> Result<(Vec<u8>, Vec<Warning>), Error> {
        // HTML, like XML, cannot hold most control characters.
        let mut warnings = Vec::new();
        let cleaned = crate::write::xml_safe(resume, &mut warnings);
        let resume = cleaned.as_ref().unwrap_or(resume);
        let doc = crate::present::present_in(resume, crate::locale::Words::of(&ctx.meta.lang));
        let embedded = ctx.embedded(resume, &doc);
        let page = to_string(
            &doc,
            resume,
            &ctx.meta,
            ctx.options.paper,
            &Theme::resolve(&ctx.options.theme),
            embedded.as_ref(),
        );
        Ok((page.into_bytes(), warnings))
    }
}
