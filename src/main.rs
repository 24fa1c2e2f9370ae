//! The `resumeconv` binary: parse the command line, call the library, print messages on
//! stderr and choose the exit code. Nothing about résumés lives here.

mod cli;
mod run;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A panic is a bug, but it must still read as one `resumeconv:` line, not Rust's
    // multi-line report; the library catches the panics of the parsers it runs, and those
    // print nothing at all (their error says what failed).
    std::panic::set_hook(Box::new(|_| {}));
    // clap's own messages in our style: `resumeconv: error: …` like every other error
    // (help and version print as they are).
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            for (i, line) in text.trim_end().lines().enumerate() {
                run::say_line(&if i == 0 {
                    format!("resumeconv: error: {line}")
                } else {
                    line.to_string()
                });
            }
            return ExitCode::from(2);
        }
    };
    match std::panic::catch_unwind(|| run::run(cli)) {
        Ok(code) => code,
        Err(payload) => {
            let why = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            run::say_line(&format!(
                "resumeconv: error: internal error ({why}); please report it with the input"
            ));
            ExitCode::from(1)
        }
    }
}
