//! The bank values that take more than one shape (a choice as a string or a table, an
//! answer as one letter or several, a keyword as a string, a list or a table, a term,
//! a time as seconds or text, one hint or several, an example's expectation): how each
//! is read, and how `recall schema` describes it.

use super::*;

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
        const KEYS: &[&str] = &[
            "any", "all", "forbid", "within", "ordered", "weight", "required",
        ];
        impl<'de> Visitor<'de> for V {
            type Value = RawKeyword;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    r#"a keyword: "term" or a table such as { any = ["a", "b"], weight = 2, required = true }, { all = ["a", "b"] } or { forbid = ["x"] }"#,
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
                        "all" => table.all = Some(map.next_value()?),
                        "forbid" => table.forbid = Some(map.next_value()?),
                        "within" => table.within = Some(map.next_value()?),
                        "ordered" => table.ordered = Some(map.next_value()?),
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

impl<'de> Deserialize<'de> for RawTerm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawTerm;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a term: "word" or its alternatives ["word", "other"]"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTerm, E> {
                Ok(RawTerm(vec![v.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawTerm, A::Error> {
                let mut terms = Vec::new();
                while let Some(term) = seq.next_element::<String>()? {
                    terms.push(term);
                }
                Ok(RawTerm(terms))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawTime;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a time: "90s", "2m", "1m30s" or a number of seconds"#)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawTime, E> {
                Ok(RawTime::Seconds(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTime, E> {
                Ok(RawTime::Text(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawHints {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawHints;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a hint "..." or a list of hints ["...", "..."]"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawHints, E> {
                Ok(RawHints::One(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawHints, A::Error> {
                let mut hints = Vec::new();
                while let Some(hint) = seq.next_element::<S<String>>()? {
                    hints.push(hint);
                }
                Ok(RawHints::Many(hints))
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

// JSON Schemas of the custom-deserialised types, mirroring their `Deserialize` impls.

impl JsonSchema for RawChoice {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Choice".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A choice: its text, or a table with its text and the feedback shown when it is picked.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "text": { "type": "string", "minLength": 1, "description": "The choice's text." },
                        "feedback": { "type": "string", "description": "Shown when the learner picks this choice." }
                    },
                    "required": ["text"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for RawAnswer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The right answer: a choice letter (\"C\"), several ([\"A\", \"C\"]), or true/false for kind = \"true_false\".",
            "anyOf": [
                { "type": "string", "pattern": "^[A-Za-z]{1,4}$" },
                { "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z]{1,4}$" }, "minItems": 1 },
                { "type": "boolean" }
            ]
        })
    }
}

impl JsonSchema for RawKeyword {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Keyword".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let terms = json_schema!({ "type": "array", "items": { "type": "string", "minLength": 1 }, "minItems": 1 });
        let weight = json_schema!({ "type": "number", "exclusiveMinimum": 0, "maximum": 100, "description": "Share of the score relative to the other concepts (default 1)." });
        let required = json_schema!({ "type": "boolean", "description": "Missing this concept fails the answer." });
        json_schema!({
            "description": "A rubric entry: a word or phrase, { any = [...] } with alternatives, { all = [...] } with terms that count only together (a relation), both optionally with weight and required, or { forbid = [...] } with terms that fail the answer.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "any": terms.clone(),
                        "weight": weight.clone(),
                        "required": required.clone()
                    },
                    "required": ["any"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "properties": {
                        "all": {
                            "type": "array",
                            "description": "The terms that count only together; each a word or phrase, or a list of its alternatives.",
                            "items": { "anyOf": [{ "type": "string", "minLength": 1 }, terms.clone()] },
                            "minItems": 2
                        },
                        "within": { "type": "string", "enum": ["clause", "sentence", "answer"], "description": "Where the terms must be found together (default clause)." },
                        "ordered": { "type": "boolean", "description": "The terms must appear in the order written (default false)." },
                        "weight": weight,
                        "required": required
                    },
                    "required": ["all"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "properties": { "forbid": terms },
                    "required": ["forbid"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for RawTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Time".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A target answer time: seconds (90), or text with s, m or both (\"90s\", \"2m\", \"1m30s\").",
            "anyOf": [
                { "type": "integer", "minimum": 1, "maximum": 3600 },
                { "type": "string", "pattern": "^\\s*(\\d+\\s*m)?\\s*(\\d+\\s*s)?\\s*$" }
            ]
        })
    }
}

impl JsonSchema for RawHints {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Hints".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A hint, or a list of hints given one at a time.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                { "type": "array", "items": { "type": "string", "minLength": 1 }, "minItems": 1 }
            ]
        })
    }
}

impl JsonSchema for RawExpect {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Expect".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "\"pass\", \"fail\", or a score range { min = 0.4, max = 0.8 }.",
            "anyOf": [
                { "type": "string", "enum": ["pass", "fail"] },
                {
                    "type": "object",
                    "properties": {
                        "min": { "type": "number", "minimum": 0, "maximum": 1 },
                        "max": { "type": "number", "minimum": 0, "maximum": 1 }
                    },
                    "additionalProperties": false
                }
            ]
        })
    }
}
