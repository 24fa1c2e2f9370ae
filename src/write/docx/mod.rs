//! DOCX out: a [`Doc`] as a Word document written part by part (no intermediate library, so
//! every element is where ECMA-376 wants it): real styles defined once (Title, Subtitle,
//! Contact, Heading 1 and 2, List Bullet with real numbering, Quote; character styles
//! Organisation, Role, Date, Hyperlink), a right tab stop for an entry's dates with no-break
//! spaces inside them, keep-with-next from an entry's heading to its first bullet, clickable
//! links, the theme's colours, sizes, margins and rules, a footer with the name and the page
//! number, the document's title, author, language and date, and the same bytes for the same
//! input.

mod package;
mod parts;

use crate::doc::Doc;
use crate::error::Error;
use crate::theme::Theme;

/// Paper sizes, in twentieths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Paper {
    /// 210 × 297 mm
    #[default]
    A4,
    /// 8.5 × 11 in
    Letter,
}

impl Paper {
    /// Width and height in twips.
    pub fn twips(self) -> (u32, u32) {
        match self {
            Paper::A4 => (11906, 16838),
            Paper::Letter => (12240, 15840),
        }
    }
}

/// What a DOCX is written with besides its content.
#[derive(Debug, Clone)]
pub struct Options {
    pub paper: Paper,
    /// Title, author, subject, keywords, language and date for `docProps/core.xml`.
    pub meta: crate::meta::DocMeta,
    /// The JSON Resume to carry in a custom XML part ([`crate::embed`]), if any.
    pub embed: Option<crate::embed::Embedded>,
    /// The design.
    pub theme: Theme,
}

/// Renders a document as DOCX bytes.
pub fn write(doc: &Doc, opts: &Options) -> Result<Vec<u8>, Error> {
    let t = &opts.theme;
    let page = opts.paper.twips();
    // Word sets text a little larger than the PDF's points look (Calibri is small on its
    // em); margins follow the theme's.
    let side = parts::twips(t.margin_x * 1.13);
    let margins = parts::Margins {
        top: parts::twips(t.margin_top * 1.1),
        right: side,
        bottom: parts::twips(t.margin_bottom * 1.1),
        left: side,
    };
    let (document, links) = parts::document(doc, t, page, margins);
    let words = crate::locale::Words::of(&opts.meta.lang);
    let footer = parts::footer(opts.meta.author.as_deref(), words.page, words.of);
    package::pack(
        package::Parts {
            document,
            styles: parts::styles(t, &opts.meta.lang),
            numbering: parts::numbering(),
            footer,
            settings: parts::settings(),
            links: links.targets,
        },
        opts,
    )
}

/// The DOCX row of the format registry.
pub struct DocxWriter;
pub const WRITER: DocxWriter = DocxWriter;

impl crate::format::Writer for DocxWriter {
    fn write(
        &self,
        resume: &crate::model::Resume,
        ctx: &crate::format::WriteContext,
    ) -> Result<(Vec<u8>, Vec<crate::Warning>), Error> {
        let mut warnings = Vec::new();
        // XML 1.0 cannot hold most control characters; Word refuses a file with one.
        let cleaned = crate::write::xml_safe(resume, &mut warnings);
        let resume = cleaned.as_ref().unwrap_or(resume);
        let doc = crate::present::present_in(resume, crate::locale::Words::of(&ctx.meta.lang));
        let opts = Options {
            paper: ctx.options.paper,
            meta: ctx.meta.clone(),
            embed: ctx.embedded(resume, &doc),
            theme: crate::write::pdf::theme_for(&doc, ctx.options)?,
        };
        Ok((write(&doc, &opts)?, warnings))
    }
}
