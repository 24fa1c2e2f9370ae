//! What each command does, from parsed arguments to an exit code: 0 success, 1 an input could
//! not be converted, 2 usage error, 3 validation failed. Messages for people go to stderr,
//! prefixed `resumeconv:`; stdout carries only documents.

use crate::cli::{Cli, Command};
use clap::CommandFactory;
use resumeconv::validate::{self, Severity};
use resumeconv::{Error, Format, output};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const OK: u8 = 0;
const FAILED: u8 = 1;
const USAGE: u8 = 2;
const INVALID: u8 = 3;

pub fn run(cli: Cli) -> ExitCode {
    let code = match cli.command {
        Some(Command::Validate {
            ref files,
            strict,
            quiet,
        }) => validate_files(files, strict, quiet),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "resumeconv", &mut out);
            print_stdout(&out)
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => print_stdout(&out),
                Err(e) => fail(&Error::Write {
                    path: "<stdout>".into(),
                    source: e,
                }),
            }
        }
        None if cli.list_formats => print_stdout(list_formats().as_bytes()),
        None => match convert(&cli) {
            Ok(()) => OK,
            Err(e) => fail(&e),
        },
    };
    ExitCode::from(code)
}

fn fail(e: &Error) -> u8 {
    if e.is_broken_pipe() {
        return OK;
    }
    eprintln!("resumeconv: error: {e}");
    if e.is_usage() { USAGE } else { FAILED }
}

/// Writes to stdout; a closed pipe ends the program quietly.
fn print_stdout(bytes: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => OK,
        Err(source) => fail(&Error::Write {
            path: "<stdout>".into(),
            source,
        }),
    }
}

fn list_formats() -> String {
    use clap::ValueEnum;
    let mut s = format!(
        "{:<10} {:<14} {:<24} {:<8} {}\n",
        "FORMAT", "ALIASES", "EXTENSIONS", "READ", "WRITE"
    );
    for f in Format::all() {
        let aliases = f
            .to_possible_value()
            .map(|v| {
                v.get_name_and_aliases()
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let yes = |b: bool| if b { "yes" } else { "not yet" };
        s.push_str(&format!(
            "{:<10} {:<14} {:<24} {:<8} {}\n",
            f.name(),
            aliases,
            f.extensions().join(", "),
            yes(f.can_read()),
            yes(f.can_write())
        ));
    }
    s
}

/// Converts one input to one output.
fn convert(cli: &Cli) -> Result<(), Error> {
    let input = match cli.inputs.as_slice() {
        [one] => one.as_str(),
        [] => {
            return Err(Error::Usage(
                "no input given (use '-' for standard input)".into(),
            ));
        }
        _ => {
            return Err(Error::Usage(
                "converting several inputs at once (batch mode) is not supported yet".into(),
            ));
        }
    };
    let to_stdout = match &cli.output {
        None => true,
        Some(p) => p.as_os_str() == "-",
    };
    let out_path: Option<PathBuf> = if to_stdout { None } else { cli.output.clone() };

    let to = match (cli.to, &out_path) {
        (Some(t), _) => t,
        (None, Some(p)) => Format::from_path(p).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell which format to write from {}: use -t FORMAT (see --list-formats)",
                p.display()
            ))
        })?,
        (None, None) => {
            return Err(Error::Usage(
                "no output format: use -t FORMAT, or -o FILE with an extension such as .json"
                    .into(),
            ));
        }
    };
    to.require_write()?;
    if to.is_binary() && to_stdout && cli.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::Usage(format!(
            "refusing to write {to} to a terminal: use -o FILE, or -o - to insist"
        )));
    }
    if let Some(p) = &out_path {
        if input != "-" && output::same_file(Path::new(input), p) {
            return Err(Error::Usage(format!(
                "refusing to overwrite the input file {input}: choose another -o"
            )));
        }
    }

    let shown = if input == "-" {
        resumeconv::STDIN_NAME
    } else {
        input
    };
    let bytes = resumeconv::read_input(input)?;
    let from = resumeconv::detect_format(shown, &bytes, cli.from)?;
    if cli.dump_doc {
        for b in resumeconv::read_doc(&bytes, from, shown)?.blocks {
            eprintln!(
                "{:>4} {:?} {:?}",
                b.line,
                b.kind,
                b.spans
                    .iter()
                    .map(|s| format!(
                        "{}{}{}",
                        if s.bold { "*" } else { "" },
                        if s.italic { "_" } else { "" },
                        s.text
                    ))
                    .collect::<Vec<_>>()
            );
        }
    }
    let reading = resumeconv::read_resume(&bytes, from, shown)?;
    report_warnings(shown, &reading.warnings, cli);
    let opts = resumeconv::WriteOptions { paper: cli.paper };
    let (rendered, written_warnings) = resumeconv::render_full(&reading.resume, to, &opts)?;
    report_warnings(shown, &written_warnings, cli);

    match &out_path {
        Some(p) => output::write_atomic(p, &rendered),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&rendered)
                .and_then(|()| out.flush())
                .map_err(|source| Error::Write {
                    path: "<stdout>".into(),
                    source,
                })
        }
    }
}

fn report_warnings(file: &str, warnings: &[resumeconv::Warning], cli: &Cli) {
    if cli.quiet || warnings.is_empty() {
        return;
    }
    if cli.warnings {
        for w in warnings {
            eprintln!("resumeconv: warning: {file}: {w}");
        }
    } else {
        let n = warnings.len();
        eprintln!(
            "resumeconv: {file}: {n} warning{} (-v lists them)",
            if n == 1 { "" } else { "s" }
        );
    }
}

/// `resumeconv validate FILE...`: every problem of every file, with its JSON path.
fn validate_files(files: &[String], strict: bool, quiet: bool) -> u8 {
    let mut unreadable = false;
    let mut invalid = false;
    for file in files {
        let shown = if file == "-" {
            resumeconv::STDIN_NAME
        } else {
            file
        };
        let value = resumeconv::read_input(file)
            .and_then(|bytes| resumeconv::read::json::parse_value(&bytes, shown));
        let value = match value {
            Ok(v) => v,
            Err(e) => {
                eprintln!("resumeconv: error: {e}");
                unreadable = true;
                continue;
            }
        };
        let problems = validate::check(&value);
        let failed = !validate::is_valid(&problems) || (strict && !problems.is_empty());
        for p in &problems {
            let kind = match p.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            eprintln!("resumeconv: {kind}: {shown}: {p}");
        }
        if failed {
            invalid = true;
        } else if !quiet {
            eprintln!("resumeconv: {shown}: valid");
        }
    }
    if unreadable {
        FAILED
    } else if invalid {
        INVALID
    } else {
        OK
    }
}
