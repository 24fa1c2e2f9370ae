//! Fuzzes extraction on its own, from a `Doc` the bytes describe (`fuzz/doc_from_bytes.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../doc_from_bytes.rs"]
mod doc_from_bytes;

fuzz_target!(|data: &[u8]| {
    let _ = resumeconv::extract::extract(&doc_from_bytes::doc_from_bytes(data));
});
