//! Fuzzes the DOCX reader past the archive: the bytes become `word/document.xml` of an
//! otherwise valid package, so docx-rs and our text-box scan see arbitrary XML (random zip
//! bytes rarely get that far).
#![no_main]

use libfuzzer_sys::fuzz_target;
use resumeconv::{Format, read_resume};

#[path = "../docx_package.rs"]
mod docx_package;

fuzz_target!(|data: &[u8]| {
    let _ = read_resume(&docx_package::package(data), Format::Docx, "fuzz");
});
