//! The bank file as written: serde types that mirror the TOML syntax, with spans.
//!
//! These types accept everything that is *shaped* right (unknown keys and wrong types are
//! rejected here, by serde, with the position toml reports); whether the content makes
//! sense (ids, letters in range, a model answer where one is needed) is checked in
//! `bank::load`, which turns these into the model of `bank::model`.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use toml::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub bank: Option<S<RawBank>>,
    pub question: Option<Vec<S<RawQuestion>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBank {
    pub id: Option<S<String>>,
    pub title: Option<S<String>>,
    pub lesson: Option<S<String>>,
    pub module: Option<S<String>>,
    pub description: Option<S<String>>,
    pub tags: Option<Vec<S<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Option<S<String>>,
    pub kind: Option<S<String>>,
    pub prompt: Option<S<String>>,
    pub situation: Option<S<String>>,
    pub tier: Option<S<String>>,
    pub choices: Option<S<Vec<S<RawChoice>>>>,
    pub answer: Option<S<RawAnswer>>,
    pub explanation: Option<S<String>>,
    pub model_answer: Option<S<String>>,
    pub keywords: Option<S<Vec<S<RawKeyword>>>>,
    pub pass: Option<S<f64>>,
    pub example: Option<Vec<S<RawExample>>>,
    pub tags: Option<Vec<S<String>>>,
    pub difficulty: Option<S<String>>,
    pub references: Option<Vec<S<String>>>,
    pub draft: Option<S<bool>>,
}

/// A choice: `"text"` or `{ text = "...", feedback = "..." }`.
#[derive(Debug)]
pub struct RawChoice {
    pub text: String,
    pub feedback: Option<String>,
}

/// An answer: a letter `"C"`, letters `["A", "C"]`, or `true`/`false` for true/false.
/// Listed letters keep their own spans, so a diagnostic can point at the wrong one.
#[derive(Debug)]
pub enum RawAnswer {
    Letter(String),
    Letters(Vec<S<String>>),
    Bool(bool),
}

/// A rubric entry: a term, or a table with `any` or `forbid`.
#[derive(Debug)]
pub enum RawKeyword {
    Term(String),
    Table(RawKeywordTable),
}

#[derive(Debug, Default)]
pub struct RawKeywordTable {
    pub any: Option<Vec<String>>,
    pub forbid: Option<Vec<String>>,
    pub weight: Option<f64>,
    pub required: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    pub answer: Option<S<String>>,
    pub expect: Option<S<RawExpect>>,
    pub note: Option<S<String>>,
}

/// `"pass"`, `"fail"`, or `{ min = 0.2, max = 0.6 }`.
#[derive(Debug)]
pub enum RawExpect {
    Word(String),
    Range { min: Option<f64>, max: Option<f64> },
}

/// Reads the keys of an inline table one by one, rejecting unknown ones with the list of
/// known ones (like serde's own `deny_unknown_fields`).
fn unknown<E: de::Error>(key: &str, known: &'static [&'static str]) -> E {
    de::Error::unknown_field(key, known)
}

impl<'de> Deserialize<'de> for RawChoice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        const KEYS: &[&str] = &["text", "feedback"];
        impl<'de> Visitor<'de> for V {
            type Value = RawChoice;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a choice: "text" or { text = "...", feedback = "..." }"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawChoice, E> {
                Ok(RawChoice {
                    text: v.to_owned(),
                    feedback: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawChoice, A::Error> {
                let mut text = None;
                let mut feedback = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "text" => text = Some(map.next_value::<String>()?),
                        "feedback" => feedback = Some(map.next_value::<String>()?),
                        other => return Err(unknown(other, KEYS)),
                    }
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                Ok(RawChoice { text, feedback })
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawAnswer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAnswer;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a letter ("C"), a list of letters (["A", "C"]) or true/false"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Letter(v.to_owned()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Bool(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawAnswer, A::Error> {
                let mut letters = Vec::new();
                while let Some(letter) = seq.next_element::<S<String>>()? {
                    letters.push(letter);
                }
                Ok(RawAnswer::Letters(letters))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawKeyword {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        const KEYS: &[&str] = &["any", "forbid", "weight", "required"];
        impl<'de> Visitor<'de> for V {
            type Value = RawKeyword;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    r#"a keyword: "term" or a table such as { any = ["a", "b"], weight = 2, required = true } or { forbid = ["x"] }"#,
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawKeyword, E> {
                Ok(RawKeyword::Term(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawKeyword, A::Error> {
                let mut table = RawKeywordTable::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "any" => table.any = Some(map.next_value()?),
                        "forbid" => table.forbid = Some(map.next_value()?),
                        "weight" => table.weight = Some(map.next_value()?),
                        "required" => table.required = Some(map.next_value()?),
                        other => return Err(unknown(other, KEYS)),
                    }
                }
                Ok(RawKeyword::Table(table))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawExpect {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        const KEYS: &[&str] = &["min", "max"];
        impl<'de> Visitor<'de> for V {
            type Value = RawExpect;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#""pass", "fail" or a score range { min = 0.2, max = 0.6 }"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawExpect, E> {
                Ok(RawExpect::Word(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawExpect, A::Error> {
                let (mut min, mut max) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "min" => min = Some(map.next_value()?),
                        "max" => max = Some(map.next_value()?),
                        other => return Err(unknown(other, KEYS)),
                    }
                }
                Ok(RawExpect::Range { min, max })
            }
        }
        d.deserialize_any(V)
    }
}

/// Just enough of a bank file to say which bank and question a position is in. It is read
/// only when [`RawFile`] fails (an unknown key, a wrong type), so it accepts any keys and
/// any types: whatever is wrong elsewhere, the ids can still be named.
#[derive(Debug, Deserialize)]
pub struct Outline {
    pub bank: Option<S<OutlineTable>>,
    pub question: Option<Vec<S<OutlineTable>>>,
}

#[derive(Debug, Deserialize)]
pub struct OutlineTable {
    pub id: Option<toml::Value>,
}
