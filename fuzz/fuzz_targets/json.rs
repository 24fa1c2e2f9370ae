//! Fuzzes the JSON reader and every writer: any JSON Resume that parses must render in every
//! output format without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resumeconv::{Format, read_resume, render};

fuzz_target!(|data: &[u8]| {
    if let Ok(reading) = read_resume(data, Format::Json, "fuzz") {
        for format in [Format::Json, Format::Markdown, Format::Docx, Format::Pdf] {
            let _ = render(&reading.resume, format);
        }
    }
});
