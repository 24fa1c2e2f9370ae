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

/// One line on stderr, control characters made visible ([`resumeconv::terminal::visible`]);
/// a stderr that is closed or full loses the line but never stops the program.
macro_rules! say {
    ($($arg:tt)*) => {
        say_line(&format!($($arg)*))
    };
}

pub fn say_line(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", resumeconv::terminal::visible(line));
}

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
        Some(Command::Explain {
            ref file,
            from,
            format,
        }) => match explain_file(file, from, format) {
            Ok(code) => code,
            Err(e) => fail(&e),
        },
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
        None if is_batch(&cli) => batch(&cli),
        None => match convert(&cli) {
            Ok(code) => code,
            Err(e) => fail(&e),
        },
    };
    ExitCode::from(code)
}

fn fail(e: &Error) -> u8 {
    if e.is_broken_pipe() {
        return OK;
    }
    say!("resumeconv: error: {e}");
    if e.is_usage() { USAGE } else { FAILED }
}

/// Writes to stdout; a closed pipe ends the program quietly.
fn print_stdout(bytes: &[u8]) -> u8 {
    match write_stdout(bytes) {
        Ok(()) => OK,
        Err(e) => fail(&e),
    }
}

/// Writes a document to stdout. A program started with stdout closed (`>&-`) finds
/// `/dev/null` there, opened read-write by Rust's start-up code (a shell's `>/dev/null` opens
/// it write-only), so without this check the document would vanish with exit 0: writing
/// into nothing is an error.
fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let write_error = |source| Error::Write {
        path: "<stdout>".into(),
        source,
    };
    if stdout_was_closed() {
        return Err(write_error(std::io::Error::from_raw_os_error(9)));
    }
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(write_error)
}

/// Whether descriptor 1 is the read-write `/dev/null` that stands in for a closed stdout
/// (Linux, from `/proc`; elsewhere it is never known to be closed).
fn stdout_was_closed() -> bool {
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
    null && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    })
}

fn list_formats() -> String {
    let mut s = format!(
        "{:<10} {:<12} {:<26} {:<6} {:<6} {}\n",
        "FORMAT", "ALIASES", "EXTENSIONS", "READ", "WRITE", "WHAT IT IS"
    );
    for f in Format::all() {
        let yes = |b: bool| if b { "yes" } else { "no" };
        s.push_str(&format!(
            "{:<10} {:<12} {:<26} {:<6} {:<6} {}\n",
            f.name(),
            f.aliases().join(", "),
            f.extensions().join(", "),
            yes(f.can_read()),
            yes(f.can_write()),
            f.row().about,
        ));
    }
    s
}

/// Converts one input to one output.
fn convert(cli: &Cli) -> Result<u8, Error> {
    // No input named: standard input, when something is piped into it.
    let implicit_stdin = cli.inputs.is_empty() && !std::io::stdin().is_terminal();
    let input = match cli.inputs.as_slice() {
        [one] => one.as_str(),
        [] if implicit_stdin => "-",
        _ => {
            return Err(Error::Usage(
                "no input given: name a file, or pipe one into standard input".into(),
            ));
        }
    };
    let to_stdout = match &cli.output {
        None => true,
        Some(p) => p.as_os_str() == "-",
    };
    let out_path: Option<PathBuf> = if to_stdout { None } else { cli.output.clone() };

    let to = match (cli.to.first().copied(), &out_path) {
        (Some(t), _) => t,
        (None, Some(p)) => Format::from_path(p).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell which format to write from {}: use -t FORMAT (see --list-formats)",
                p.display()
            ))
        })?,
        // Neither: the JSON Resume on standard output, as converters do.
        (None, None) => Format::Json,
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
    let bytes = resumeconv::read_input_limited(input, cli.max_input_size)?;
    if implicit_stdin && bytes.is_empty() {
        return Err(Error::Usage(
            "no input given: name a file, or pipe one into standard input".into(),
        ));
    }
    let from = resumeconv::detect_format(shown, &bytes, cli.from)?;
    if cli.dump_doc {
        for b in resumeconv::read_doc(&bytes, from, shown)?.blocks {
            say!(
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
    let reading = resumeconv::read_resume_opts(&bytes, from, shown, &cli.read_options())?;
    if reading.from_embedded && cli.warnings {
        say!(
            "resumeconv: {shown}: read the JSON Resume embedded in the file (its text is \
             unchanged since it was written; --ignore-embedded reads the text)"
        );
    }
    report_warnings(shown, &reading.warnings, cli);
    let opts = cli.write_options();
    let (rendered, written_warnings) =
        resumeconv::render_full(&reading.resume, to, &opts).map_err(|e| e.in_file(shown))?;
    report_warnings(shown, &written_warnings, cli);
    if cli.strict && !(reading.warnings.is_empty() && written_warnings.is_empty()) {
        if !cli.quiet {
            say!("resumeconv: {shown}: warnings fail under --strict; nothing written");
        }
        return Ok(INVALID);
    }

    match &out_path {
        Some(p) => {
            output::write_atomic(p, &rendered)?;
            // One line for a person at a terminal; nothing when piped, in scripts or with -q.
            use std::io::IsTerminal;
            if !cli.quiet && std::io::stderr().is_terminal() {
                say!(
                    "resumeconv: {shown} → {} ({}, {})",
                    p.display(),
                    to.name(),
                    human_size(rendered.len())
                );
            }
        }
        None => write_stdout(&rendered)?,
    }
    Ok(OK)
}

/// "45 KB", "812 bytes".
fn human_size(n: usize) -> String {
    if n < 1024 {
        format!("{n} bytes")
    } else {
        format!("{} KB", n.div_ceil(1024))
    }
}

/// Batch mode: several inputs, a directory, several formats, `--out-dir`, `--check` or
/// `--report`.
fn is_batch(cli: &Cli) -> bool {
    cli.inputs.len() > 1
        || cli.out_dir.is_some()
        || cli.to.len() > 1
        || cli.check
        || cli.report.is_some()
        || cli.shard.is_some()
        || cli
            .inputs
            .iter()
            .any(|i| i != "-" && (Path::new(i).is_dir() || i.contains(['*', '?'])))
}

fn batch(cli: &Cli) -> u8 {
    use resumeconv::batch;
    use std::io::IsTerminal;
    if cli.inputs.iter().any(|i| i == "-") {
        return fail(&Error::Usage(
            "standard input cannot be part of a batch".into(),
        ));
    }
    if cli.output.is_some() {
        return fail(&Error::Usage(
            "-o names one output: use --out-dir DIR for several".into(),
        ));
    }
    if cli.to.is_empty() && !cli.check {
        return fail(&Error::Usage(
            "batch mode needs -t FORMAT[,FORMAT...] (or --check)".into(),
        ));
    }
    // One file and several formats: the outputs go beside it (cv.md → cv.pdf, cv.docx).
    let beside = match cli.inputs.as_slice() {
        [one] if cli.out_dir.is_none() && Path::new(one).is_file() => Some(
            Path::new(one)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
        ),
        _ => None,
    };
    if cli.out_dir.is_none() && beside.is_none() && !cli.check {
        return fail(&Error::Usage(
            "a batch (several inputs or a directory) needs --out-dir DIR for its outputs (or --check)".into(),
        ));
    }
    for f in &cli.to {
        if let Err(e) = f.require_write() {
            return fail(&e);
        }
    }
    let mut inputs = match batch::expand(&cli.inputs, cli.recursive) {
        Ok(i) => i,
        Err(e) => return fail(&e),
    };
    if let Some((k, n)) = cli.shard {
        inputs = batch::shard(inputs, k, n);
    }
    let out_dir = cli
        .out_dir
        .clone()
        .or(beside)
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."));
    if !cli.check {
        if out_dir.exists() && !out_dir.is_dir() {
            return fail(&Error::Write {
                path: out_dir.display().to_string(),
                source: std::io::Error::other("not a directory"),
            });
        }
        if let Err(source) = std::fs::create_dir_all(&out_dir) {
            return fail(&Error::Write {
                path: out_dir.display().to_string(),
                source,
            });
        }
    }
    let (jobs, name_warnings) = batch::plan(&inputs, &cli.to, &out_dir);
    for job in &jobs {
        if let Some((_, out)) = job
            .outputs
            .iter()
            .find(|(_, o)| output::same_file(&job.input, o))
        {
            return fail(&Error::Usage(format!(
                "refusing to overwrite the input file {}: drop its own format from -t, or use --out-dir",
                out.display()
            )));
        }
    }
    if !cli.quiet {
        for w in &name_warnings {
            say!("resumeconv: warning: {w}");
        }
    }
    let settings = batch::Settings {
        from: cli.from,
        to: cli.to.clone(),
        out_dir: cli.out_dir.clone(),
        recursive: cli.recursive,
        jobs: cli.jobs,
        fail_fast: cli.fail_fast,
        strict: cli.strict,
        check: cli.check,
        shard: cli.shard,
        write: cli.write_options(),
        limits: cli.limits(),
        ignore_embedded: cli.ignore_embedded,
    };
    let terminal = std::io::stderr().is_terminal() && !cli.quiet;
    let bar = terminal.then(|| {
        let b = indicatif::ProgressBar::new(jobs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let verbose = cli.warnings;
    let quiet = cli.quiet;
    let done = |r: &batch::InputReport| {
        let line = describe(r, verbose);
        match &bar {
            Some(b) => {
                if r.status != "converted" {
                    b.println(line);
                }
                b.inc(1);
            }
            None if quiet && r.status == "converted" => {}
            None if quiet => say!("{}", describe(r, false)),
            None => say!("{line}"),
        }
    };
    let report = batch::run(&jobs, &settings, &done);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if !cli.quiet {
        let mut summary = format!(
            "resumeconv: {} converted, {} failed",
            report.converted, report.failed
        );
        if report.strict_failures > 0 {
            summary.push_str(&format!(
                ", {} with warnings under --strict",
                report.strict_failures
            ));
        }
        if report.skipped > 0 {
            summary.push_str(&format!(", {} skipped", report.skipped));
        }
        summary.push_str(&format!(" ({} ms)", report.milliseconds));
        say!("{summary}");
    }
    if let Some(target) = &cli.report {
        let mut json = serde_json::to_vec_pretty(&report).unwrap_or_default();
        json.push(b'\n');
        let written = if target == "-" {
            print_stdout(&json)
        } else {
            match output::write_atomic(Path::new(target), &json) {
                Ok(()) => OK,
                Err(e) => fail(&e),
            }
        };
        if written != OK {
            return written;
        }
    }
    if report.failed > 0 {
        FAILED
    } else if report.strict_failures > 0 {
        INVALID
    } else {
        OK
    }
}

/// One line about one input of a batch.
fn describe(r: &resumeconv::batch::InputReport, verbose: bool) -> String {
    let mut s = match (r.status, &r.error) {
        (_, Some(e)) => format!("resumeconv: error: {e}"),
        ("strict", _) => format!(
            "resumeconv: {}: {} warning(s) fail under --strict",
            r.path,
            r.warnings.len()
        ),
        ("skipped", _) => format!("resumeconv: {}: skipped (--fail-fast)", r.path),
        _ if r.outputs.is_empty() => format!("resumeconv: {}: ok ({} ms)", r.path, r.milliseconds),
        _ => format!(
            "resumeconv: {} -> {} ({} ms)",
            r.path,
            r.outputs.join(", "),
            r.milliseconds
        ),
    };
    if !r.warnings.is_empty() && r.error.is_none() {
        s.push_str(&format!(", {} warning(s)", r.warnings.len()));
        if verbose {
            for w in &r.warnings {
                s.push_str(&format!("\nresumeconv: warning: {}: {w}", r.path));
            }
        }
    }
    s
}

fn report_warnings(file: &str, warnings: &[resumeconv::Warning], cli: &Cli) {
    if cli.quiet || warnings.is_empty() {
        return;
    }
    if cli.warnings {
        // In the order of the file, as `file:line:` (the form editors jump to).
        let mut sorted: Vec<&resumeconv::Warning> = warnings.iter().collect();
        sorted.sort_by_key(|w| w.line);
        for w in sorted {
            match w.line {
                Some(line) => say!("resumeconv: warning: {file}:{line}: {}", w.message),
                None => say!("resumeconv: warning: {file}: {}", w.message),
            }
        }
    } else {
        let n = warnings.len();
        say!(
            "resumeconv: {file}: {n} warning{} (-v lists them)",
            if n == 1 { "" } else { "s" }
        );
    }
}

/// `resumeconv explain FILE`: the reading of a document's visible text, field by field, with
/// where each field came from.
fn explain_file(
    file: &str,
    from: Option<Format>,
    how: crate::cli::ReportFormat,
) -> Result<u8, Error> {
    let bytes = resumeconv::read_input(file)?;
    let name = if file == "-" {
        resumeconv::STDIN_NAME
    } else {
        file
    };
    let format = resumeconv::detect_format(name, &bytes, from)?;
    let (parsed, warnings) = format
        .reader()?
        .read(&bytes, name, &resumeconv::Limits::default())?;
    let resumeconv::format::Parsed::Doc(doc) = parsed else {
        return Err(Error::Usage(format!(
            "{name} is {format}: structured data, read field for field as it is written; explain reads documents (text, Markdown, HTML, DOCX, PDF)"
        )));
    };
    let e = resumeconv::explain::explain(&doc, name, warnings);
    let out = match how {
        crate::cli::ReportFormat::Text => e.to_text(),
        crate::cli::ReportFormat::Json => {
            let mut j = serde_json::to_string_pretty(&e).unwrap_or_default();
            j.push('\n');
            j
        }
    };
    Ok(print_stdout(out.as_bytes()))
}

/// `resumeconv validate FILE...`: every problem of every file, with its JSON path.
fn validate_files(files: &[String], strict: bool, quiet: bool) -> u8 {
    #[derive(Default)]
    struct Tally {
        valid: usize,
        warned: usize,
        invalid: usize,
        unreadable: usize,
    }
    let mut tally = Tally::default();
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
                say!("resumeconv: error: {e}");
                unreadable = true;
                tally.unreadable += 1;
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
            say!("resumeconv: {kind}: {shown}: {p}");
        }
        let warned = problems.len();
        if failed {
            invalid = true;
            tally.invalid += 1;
            if validate::is_valid(&problems) && !quiet {
                say!("resumeconv: {shown}: invalid under --strict (warnings fail)");
            }
        } else if warned > 0 {
            tally.warned += 1;
            if !quiet {
                say!(
                    "resumeconv: {shown}: valid, with {warned} warning{}",
                    if warned == 1 { "" } else { "s" }
                );
            }
        } else {
            tally.valid += 1;
            if !quiet {
                say!("resumeconv: {shown}: valid");
            }
        }
    }
    // Several files: one line that sums them up.
    if files.len() > 1 && !quiet {
        say!(
            "resumeconv: {} files: {} valid, {} valid with warnings, {} invalid, {} unreadable",
            files.len(),
            tally.valid,
            tally.warned,
            tally.invalid,
            tally.unreadable
        );
    }
    if unreadable {
        FAILED
    } else if invalid {
        INVALID
    } else {
        OK
    }
}
