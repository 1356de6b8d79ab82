use serde::{Deserialize, Serialize};

use crate::Span;

/// What a claim asserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Quote,
    Quantity,
    Stance,
}

/// Who a claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Person,
    Organization,
    Anonymous,
    Unattributed,
}

/// The source of a claim, resolved to the most specific mention in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// "Michael Kofman", "the White House", "a senior intelligence official";
    /// `None` only for unattributed claims.
    pub name: Option<String>,
    pub kind: SourceKind,
    /// "military analyst", "speaking on condition of anonymity", ...
    pub role: Option<String>,
    /// Canonical entity name (ledger entity id once the ledger is built).
    pub entity: Option<String>,
    /// Where the source is named for this claim (the pronoun or noun phrase
    /// in the claim's own sentence when the name was resolved from earlier).
    pub span: Option<Span>,
}

impl Source {
    pub fn unattributed() -> Source {
        Source {
            name: None,
            kind: SourceKind::Unattributed,
            role: None,
            entity: None,
            span: None,
        }
    }
}

/// What was said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// Verbatim between quote marks (true) or reported speech (false).
    pub direct: bool,
    pub span: Span,
}

/// How a figure is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    AtLeast,
    AtMost,
    Range,
}

/// A count or amount as the text states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Lower value; `None` for an open lower bound ("up to 12,000").
    pub low: Option<f64>,
    /// Upper value; equals `low` for a single value, `None` for an open upper
    /// bound ("more than 10,000").
    pub high: Option<f64>,
    /// Hedged by "about", "some", "an estimated", "nearly", ...
    pub approximate: bool,
    pub bound: Bound,
    /// "percent", "USD", "km", or `None` for plain counts.
    pub unit: Option<String>,
    /// What is counted: "North Korean troops", "artillery shells".
    pub subject: Option<String>,
    /// "per year", "a day", ...
    pub rate: Option<String>,
    /// What happened to what is counted, when the sentence says: "killed",
    /// "wounded", "deployed", "captured". Keeps casualty counts apart from
    /// deployment counts of the same people.
    #[serde(default)]
    pub event: Option<String>,
    /// The figure as written: "8,000 to 12,000".
    pub span: Span,
}

/// The attitude an actor takes towards a proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Confirm,
    Deny,
    NotConfirmed,
    Allege,
    Estimate,
    Acknowledge,
    Condemn,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stance {
    pub actor: String,
    pub polarity: Polarity,
    /// The proposition the stance is about ("such reports", "the deployment").
    pub about: Option<Span>,
}

/// A time qualifier attached to a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimTime {
    pub text: String,
    /// TIMEX3 value, see [`crate::TimeExpression::value`].
    pub value: String,
}

/// One attributed assertion with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `<doc id>:<kind>:<n>`, stable for the same document and analyzer.
    pub id: String,
    pub doc: String,
    pub kind: ClaimKind,
    /// Index into the document's sentences of the sentence the claim starts in.
    pub sentence_index: usize,
    /// Text of the sentence(s) holding the evidence.
    pub sentence: String,
    /// The whole evidence: quote plus attribution, figure, or stance clause.
    pub span: Span,
    pub source: Source,
    /// Further sources making the same claim together with `source`
    /// ("Anna Berg and Tomas Lind said", a joint statement); empty for one
    /// source, and then absent from the JSON.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_sources: Vec<Source>,
    /// Speech or stance verb or phrase ("said", "according to", "denied").
    pub cue: Option<String>,
    /// "Telegram post", "statement", "interview", ...
    pub channel: Option<String>,
    /// Hedged by reportedly, allegedly, may, could, is believed to, ...
    pub hedged: bool,
    /// The hedge words found, for readers who want to weigh them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hedges: Vec<String>,
    pub time: Option<ClaimTime>,
    pub quote: Option<Quote>,
    pub quantity: Option<Quantity>,
    pub stance: Option<Stance>,
}
