//! The command line, as clap definitions: what a user can type, and its help text.

use clap::{Parser, Subcommand};
use resumeconv::Format;
use resumeconv::format::Direction;
use std::path::PathBuf;

/// Convert résumés between plain text, Markdown, DOCX, PDF and JSON Resume.
///
/// Formats come from file extensions (or content); -f and -t override them. '-' is standard
/// input or output.
#[derive(Debug, Parser)]
#[command(
    name = "resumeconv",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  resumeconv cv.md -o cv.json\n  resumeconv cv.txt -t json | jq .work\n  resumeconv validate cv.json\n\nExit codes: 0 success, 1 an input could not be converted, 2 usage error, 3 validation failed."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Input file ('-' for standard input; with none, what is piped in)
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Output file ('-' for standard output, the default)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Input format (default: from the extension, else from the content)
    #[arg(short = 'f', long = "from", value_name = "FORMAT", ignore_case = true,
          value_parser = Format::value_parser(Direction::Read))]
    pub from: Option<Format>,

    /// Output format(s), comma-separated in batch mode (default: from the -o extension)
    #[arg(short = 't', long = "to", value_name = "FORMAT", value_delimiter = ',', ignore_case = true,
          value_parser = Format::value_parser(Direction::Write))]
    pub to: Vec<Format>,

    /// Batch mode: write each input's outputs into this directory, named from its stem
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<std::path::PathBuf>,

    /// Look for inputs in sub-directories of the directories given
    #[arg(short = 'r', long)]
    pub recursive: bool,

    /// Convert this many inputs at once (default: one per core)
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Stop at the first input that fails
    #[arg(long)]
    pub fail_fast: bool,

    /// Write a JSON report of the batch to FILE ('-' for stdout)
    #[arg(long, value_name = "FILE")]
    pub report: Option<String>,

    /// Treat warnings (content not placed, schema warnings) as failures (exit 3)
    #[arg(long)]
    pub strict: bool,

    /// Convert without writing anything: lint a set of résumés
    #[arg(long)]
    pub check: bool,

    /// Take the K-th of N deterministic shares of the inputs (for CI matrices, job arrays)
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,

    /// List every warning (content that could not be placed, dates that could not be read)
    #[arg(short = 'v', long = "warnings")]
    pub warnings: bool,

    /// Read a PDF or DOCX from its visible text even when it carries its JSON Resume
    #[arg(long)]
    pub ignore_embedded: bool,

    /// Write PDF and DOCX without the embedded JSON Resume (the text alone)
    #[arg(long)]
    pub no_embed: bool,

    /// Paper size for DOCX and PDF output
    #[arg(long, value_enum, ignore_case = true, default_value_t = resumeconv::write::docx::Paper::A4)]
    pub paper: resumeconv::write::docx::Paper,

    /// The design of PDF, DOCX and HTML output
    #[arg(long, value_enum, ignore_case = true, default_value_t = resumeconv::theme::ThemeName::Classic)]
    pub theme: resumeconv::theme::ThemeName,

    /// The theme's accent colour: #RRGGBB or a name (blue, navy, teal, green, red, burgundy, purple, orange, gray, black)
    #[arg(long, value_name = "COLOR", value_parser = resumeconv::theme::parse_color)]
    pub accent: Option<resumeconv::theme::Rgb>,

    /// Body text size in points, 7 to 14 (headings follow it)
    #[arg(long, value_name = "PT", value_parser = parse_font_size)]
    pub font_size: Option<f32>,

    /// Fit PDF and DOCX output on at most N pages (tighter spacing, smaller type and margins
    /// within readable limits), or fail if it cannot
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=20))]
    pub fit_pages: Option<u16>,

    /// Page margins in millimetres, 5 to 40
    #[arg(long, value_name = "MM", value_parser = parse_margins)]
    pub margins: Option<f32>,

    /// The language of the output: section titles, months, "Present" and the document's
    /// language tag (en, de, fr, es, pt, it, nl, pl; default: the résumé's meta.language, else en)
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<String>,

    /// Wrap plain-text output at this many columns (default: one line per paragraph)
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    pub wrap: Option<u16>,

    /// Refuse inputs larger than this many bytes (suffixes K, M, G)
    #[arg(long, value_name = "SIZE", default_value = "20M", value_parser = parse_size)]
    pub max_input_size: u64,

    /// Refuse text and Markdown inputs with a line longer than this many bytes
    #[arg(long, value_name = "SIZE", default_value = "1M", value_parser = parse_size)]
    pub max_line_length: u64,

    /// Refuse JSON nested deeper than this (at most 100)
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub max_json_depth: u16,

    /// Refuse PDF inputs with more pages than this
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub max_pages: usize,

    /// Refuse DOCX inputs whose archive expands to more than this many bytes
    #[arg(long, value_name = "SIZE", default_value = "50M", value_parser = parse_size)]
    pub max_unpacked_size: u64,

    /// Print nothing but errors
    #[arg(short, long, conflicts_with = "warnings")]
    pub quiet: bool,

    /// List the formats, their names and extensions, and what can be read and written
    #[arg(long)]
    pub list_formats: bool,

    /// Print the document structure read from the input (blocks and styles) on stderr
    #[arg(long, hide = true)]
    pub dump_doc: bool,
}

/// A number in a range, for `--font-size` and `--margins`.
fn number_in(s: &str, range: std::ops::RangeInclusive<f32>, unit: &str) -> Result<f32, String> {
    let t = s.trim().trim_end_matches(unit).trim();
    let n: f32 = t.parse().map_err(|_| format!("not a number: {s}"))?;
    if range.contains(&n) {
        Ok(n)
    } else {
        Err(format!(
            "{s} is outside {}–{} {unit}",
            range.start(),
            range.end()
        ))
    }
}

fn parse_font_size(s: &str) -> Result<f32, String> {
    number_in(s, resumeconv::theme::FONT_SIZES, "pt")
}

fn parse_margins(s: &str) -> Result<f32, String> {
    number_in(s, resumeconv::theme::MARGINS_MM, "mm")
}

/// A BCP 47 language tag ("de", "pt-BR").
fn parse_lang(s: &str) -> Result<String, String> {
    let t = s.trim();
    if resumeconv::meta::is_lang_tag(t) {
        Ok(t.to_string())
    } else {
        Err(format!(
            "not a language tag: {s} (use e.g. en, de, fr, pt-BR)"
        ))
    }
}

/// `20M`, `512K`, `1G`, `1000`.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&t[..t.len() - 1], 1024),
        Some('M') => (&t[..t.len() - 1], 1024 * 1024),
        Some('G') => (&t[..t.len() - 1], 1024 * 1024 * 1024),
        _ => (t, 1),
    };
    let n: u64 = num.trim().parse().map_err(|_| format!("not a size: {s}"))?;
    n.checked_mul(mult).ok_or_else(|| format!("too large: {s}"))
}

impl Cli {
    /// How inputs are read.
    pub fn read_options(&self) -> resumeconv::ReadOptions {
        resumeconv::ReadOptions {
            limits: self.limits(),
            ignore_embedded: self.ignore_embedded,
        }
    }

    /// How outputs are written.
    pub fn write_options(&self) -> resumeconv::WriteOptions {
        resumeconv::WriteOptions {
            paper: self.paper,
            no_embed: self.no_embed,
            wrap: self.wrap.map(usize::from),
            theme: resumeconv::theme::ThemeOptions {
                name: self.theme,
                accent: self.accent,
                font_size: self.font_size,
                margins_mm: self.margins,
            },
            fit_pages: self.fit_pages.map(usize::from),
            epoch: Some(resumeconv::run_epoch()),
            lang: self.lang.clone(),
        }
    }

    /// The input limits the `--max-*` flags set.
    pub fn limits(&self) -> resumeconv::Limits {
        resumeconv::Limits {
            input: self.max_input_size,
            line: usize::try_from(self.max_line_length).unwrap_or(usize::MAX),
            json_depth: usize::from(self.max_json_depth),
            pages: self.max_pages,
            unpacked: self.max_unpacked_size,
            ..resumeconv::Limits::default()
        }
    }
}

/// `K/N` with 1 ≤ K ≤ N.
fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, such as 2/8")?;
    let k: usize = k.trim().parse().map_err(|_| "K is not a number")?;
    let n: usize = n.trim().parse().map_err(|_| "N is not a number")?;
    if n == 0 || k == 0 || k > n {
        return Err("expected 1 ≤ K ≤ N".into());
    }
    Ok((k, n))
}

/// How `explain` and `check` print what they found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check JSON Resume files against the schema; exits 3 when any is invalid
    Validate {
        /// JSON Resume files ('-' for standard input)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Treat warnings (impossible dates, reversed ranges, empty entries) as failures
        #[arg(long)]
        strict: bool,
        /// Print nothing for valid files
        #[arg(short, long)]
        quiet: bool,
    },
    /// Show where every field of a document's reading came from: the source line(s) and the
    /// rule, then every line that was not placed and why
    Explain {
        /// A text, Markdown, HTML, DOCX or PDF résumé ('-' for standard input)
        #[arg(value_name = "FILE")]
        file: String,
        /// Input format (default: from the extension, else from the content)
        #[arg(short = 'f', long = "from", value_name = "FORMAT", value_parser = resumeconv::format::Format::value_parser(resumeconv::format::Direction::Read))]
        from: Option<resumeconv::format::Format>,
        /// How to print it: text for people, json for tools
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
}
