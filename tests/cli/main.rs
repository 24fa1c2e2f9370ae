//! Integration tests of the `resumeconv` binary, one module per area: exit codes, stdin and
//! stdout, atomic output, refusing to overwrite the input, messages for malformed input, and
//! JSON round trips of every fixture (with insta snapshots).

mod accuracy;
mod bad_input;
mod batch;
mod common;
mod convert;
mod docx_io;
mod docx_order;
#[path = "../../fuzz/docx_package.rs"]
mod docx_package;
mod embedded;
mod fuzz_regressions;
mod hostile;
mod html_io;
mod json_round_trip;
mod linkedin;
mod markdown_output;
mod pdf_input;
mod pdf_output;
mod real_corpus;
mod realistic;
mod round_trip_realistic;
mod text_input;
mod themes;
mod usage;
mod validate;
