//! The intermediate form: the JSON Resume schema (v1.3.1, validation-identical to v1.2.1) as
//! typed serde structs.
//!
//! Every reader produces a [`Resume`] and every writer consumes one, so this is the contract of
//! the whole tool. Field names and their order follow the published schema
//! (<https://github.com/jsonresume/resume-schema>, `schema.json`). Every object also carries an
//! `extra` map, flattened into it, so keys the schema does not name survive JSON → `Resume` →
//! JSON unchanged and in their original order. Every field is optional: an absent field stays
//! absent on output, and a present one (even `""` or `[]`) is written back as it was read.

mod basics;
mod entries;

pub use basics::{Basics, Location, Profile};
pub use entries::{
    Award, Certificate, Education, Interest, Language, Meta, Project, Publication, Reference,
    Skill, Volunteer, Work,
};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Keys the schema does not name, kept in the order they were read.
pub type Extra = Map<String, Value>;

/// A whole résumé: the root object of a JSON Resume document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Resume {
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basics: Option<Basics>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub work: Option<Vec<Work>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volunteer: Option<Vec<Volunteer>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Vec<Education>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub awards: Option<Vec<Award>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificates: Option<Vec<Certificate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publications: Option<Vec<Publication>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills: Option<Vec<Skill>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<Language>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interests: Option<Vec<Interest>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<Vec<Reference>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projects: Option<Vec<Project>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Appends `item` to an optional list, creating the list on first use.
pub fn push<T>(list: &mut Option<Vec<T>>, item: T) {
    list.get_or_insert_with(Vec::new).push(item);
}

/// `Some(s)` when `s` has visible content after trimming, else `None`: readers use it so that
/// a field they could not fill stays absent rather than becoming `""`.
pub fn non_empty(s: impl AsRef<str>) -> Option<String> {
    let t = s.as_ref().trim();
    (!t.is_empty()).then(|| t.to_string())
}
