//! The `resumeconv` binary: parse the command line, call the library, print messages on
//! stderr and choose the exit code. Nothing about résumés lives here.

mod cli;
mod run;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    run::run(args)
}
