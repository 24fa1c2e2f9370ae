//! Writers: the intermediate form out to bytes of one format.

pub mod docx;
pub mod json;
pub mod markdown;
pub mod pdf;
