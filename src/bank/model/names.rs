//! The names written in bank files and on the command line (kinds, tiers, difficulty)
//! and the one macro that spells each of them once.

use super::*;

/// Defines an enum of unit variants whose names are written in bank files and on the
/// command line. Each name is spelt once, in the invocation: it is what `as_str` and
/// `Display` give, what `parse`, `FromStr` and serde read, and what the derived JSON
/// Schema lists; `ALL` holds the variants in the order hints and the schema list them.
macro_rules! named {
    (
        $(#[$attr:meta])*
        pub enum $name:ident ($plural:literal) {
            $( $(#[$variant_attr:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$attr])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            JsonSchema,
        )]
        pub enum $name {
            $( $(#[$variant_attr])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every variant, in the order they are listed to people.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            /// The name used in bank files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }

            /// The names of [`Self::ALL`], in order.
            pub fn names() -> [&'static str; [$($text),+].len()] {
                $name::ALL.map($name::as_str)
            }

            /// The variant called `name`.
            pub fn parse(name: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.as_str() == name)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;
            fn from_str(name: &str) -> Result<$name, UnknownName> {
                $name::parse(name).ok_or_else(|| UnknownName {
                    what: $plural,
                    names: $name::names().to_vec(),
                })
            }
        }
    };
}

/// A name that is not one of a set (`--kind essay`); it says which names there are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} are {}", names.join(", "))]
pub struct UnknownName {
    /// What the names are of, in the plural: "kinds", "tiers".
    pub what: &'static str,
    /// The names there are.
    pub names: Vec<&'static str>,
}

named! {
    /// What `kind = "..."` says in a bank file: a [`Kind`] of question, or `true_false`,
    /// which is sugar for a multiple-choice question with the choices True and False.
    pub enum KindName ("kinds") {
        /// Lettered choices, one or several right.
        MultipleChoice = "multiple_choice",
        /// A statement that is true or false; `answer = true` or `false`.
        TrueFalse = "true_false",
        /// A line of free text graded by the rubric.
        ShortAnswer = "short_answer",
        /// A situation, then a question answered in free text.
        Scenario = "scenario",
        /// An interview question with a tier, answered in one's own words.
        Interview = "interview",
    }
}

impl KindName {
    /// The kind of question a bank file's `kind` makes.
    pub fn kind(self) -> Kind {
        match self {
            KindName::MultipleChoice | KindName::TrueFalse => Kind::MultipleChoice,
            KindName::ShortAnswer => Kind::ShortAnswer,
            KindName::Scenario => Kind::Scenario,
            KindName::Interview => Kind::Interview,
        }
    }
}

/// What kind of question this is, which decides how it is asked and graded. Its names
/// are those of [`KindName`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    /// Lettered choices, one or several right (true/false is one of these, see
    /// [`Question::true_false`]).
    MultipleChoice,
    /// A line of free text graded by a rubric.
    ShortAnswer,
    /// A situation, then a question answered in free text.
    Scenario,
    /// An interview question answered in one's own words, with a tier.
    Interview,
}

impl Kind {
    /// Every kind, in the order lists show them.
    pub const ALL: [Kind; 4] = [
        Kind::MultipleChoice,
        Kind::ShortAnswer,
        Kind::Scenario,
        Kind::Interview,
    ];

    /// The name a bank file writes this kind with (true/false aside).
    pub fn name(self) -> KindName {
        match self {
            Kind::MultipleChoice => KindName::MultipleChoice,
            Kind::ShortAnswer => KindName::ShortAnswer,
            Kind::Scenario => KindName::Scenario,
            Kind::Interview => KindName::Interview,
        }
    }

    /// The name used in bank files and on the command line.
    pub fn as_str(self) -> &'static str {
        self.name().as_str()
    }

    /// The kind called `name`; `true_false` is not a kind of its own.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Whether it is answered in free text (every kind but multiple choice).
    pub fn is_text(self) -> bool {
        !matches!(self, Kind::MultipleChoice)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `--kind`: a kind's name, or an error listing the kinds.
impl FromStr for Kind {
    type Err = UnknownName;
    fn from_str(name: &str) -> Result<Kind, UnknownName> {
        Kind::parse(name).ok_or_else(|| UnknownName {
            what: "kinds",
            names: Kind::ALL.map(Kind::as_str).to_vec(),
        })
    }
}

named! {
    /// Interview tiers, in the order a mock interview walks them.
    #[allow(missing_docs, reason = "each variant is named by the word a bank uses for it")]
    pub enum Tier ("tiers") {
        Beginner = "beginner",
        Intermediate = "intermediate",
        Advanced = "advanced",
        Scenario = "scenario",
    }
}

impl Tier {
    /// The heading a person reads ("Scenario discussion" rather than "scenario").
    pub fn title(self) -> &'static str {
        match self {
            Tier::Beginner => "Beginner",
            Tier::Intermediate => "Intermediate",
            Tier::Advanced => "Advanced",
            Tier::Scenario => "Scenario discussion",
        }
    }

    /// The default time an answer of this tier should take, as interviewers pace them:
    /// a definition in a minute, a comparison in a minute and a half, a design trade-off
    /// in two, a scenario walk-through in three (docs/bank-format.md says why).
    pub fn target_time(self) -> Duration {
        Duration::from_secs(match self {
            Tier::Beginner => 60,
            Tier::Intermediate => 90,
            Tier::Advanced => 120,
            Tier::Scenario => 180,
        })
    }
}

named! {
    /// How hard the author thinks a question is; informational.
    #[allow(missing_docs, reason = "each variant is named by the word a bank uses for it")]
    pub enum Difficulty ("difficulties") {
        Easy = "easy",
        Medium = "medium",
        Hard = "hard",
    }
}
