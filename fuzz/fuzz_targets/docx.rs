//! Fuzzes the docx reader and extraction: any bytes give a résumé or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resumeconv::{Format, read_resume, render};

fuzz_target!(|data: &[u8]| {
    if let Ok(reading) = read_resume(data, Format::Docx, "fuzz") {
        // Whatever was read must also be writable.
        let _ = render(&reading.resume, Format::Markdown);
        let _ = render(&reading.resume, Format::Json);
    }
});
