//! Readers: bytes of one format into the intermediate form.
//!
//! Text-like formats become a [`crate::doc::Doc`] and then go through extraction; JSON, YAML
//! and RenderCV go straight to a [`crate::model::Resume`].

pub mod csv;
pub mod decode;
pub mod docx;
pub mod docx_textbox;
pub mod html;
pub mod json;
pub mod linkedin;
pub mod markdown;
pub mod pdf;
pub mod text;
mod text_columns;
pub mod yaml;
