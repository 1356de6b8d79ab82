use serde::{Deserialize, Serialize};

use crate::{Claim, Document, EntityType, Polarity, Sourcing, Span};

/// A canonical entity across all documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub aliases: Vec<String>,
    pub mentions: Vec<EntityMention>,
    /// For a metonym entity (the Kremlin, Pyongyang as a government): the id
    /// of the entity it stands for. The place itself stays its own entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
    /// Latitude and longitude for places the gazetteer knows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<[f64; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EntityMention {
    pub doc: String,
    pub span: Span,
}

/// How the values grouped in a proposition relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PropositionStatus {
    Consistent,
    Conflicting,
    Evolving,
    SingleSource,
}

/// Claims about the same measured thing, across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Proposition {
    pub id: String,
    /// "North Korean troops" — what is measured.
    pub label: String,
    pub claims: Vec<String>,
    pub status: PropositionStatus,
    /// One line a person can read: why the status is what it is.
    pub explanation: String,
    /// Each value with who gives it, where and when, in date order.
    pub values: Vec<PropositionValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PropositionValue {
    pub claim: String,
    pub doc: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The figure as written.
    pub text: String,
    pub source: Option<String>,
    pub outlet: Option<String>,
    /// Document date (published or estimated), ISO.
    pub date: Option<String>,
}

/// One dated point in the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimelineEntry {
    /// ISO date (or TIMEX3 value at coarser granularity).
    pub date: Option<String>,
    /// True when the date is estimated rather than stated or from metadata.
    pub date_estimated: bool,
    pub doc: String,
    pub claim: Option<String>,
    pub summary: String,
}

/// An actor's stances on one matter, in time order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StanceTimeline {
    pub actor: String,
    pub about: String,
    pub steps: Vec<StanceStep>,
    /// True when the polarity changed over time (denied, then confirmed).
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StanceStep {
    pub claim: String,
    pub doc: String,
    pub polarity: Polarity,
    /// The claim's own date when the text gives one, else its document's.
    pub date: Option<String>,
    /// The text's own time qualifier ("initially", "until late April",
    /// "now"), which orders steps reported in one document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

/// Quotes by one speaker across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteGroup {
    pub speaker: String,
    pub claims: Vec<String>,
    /// Pairs of claims that report the same quote with different wording.
    pub variants: Vec<[String; 2]>,
}

/// Sourcing of all documents from one outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OutletSourcing {
    pub outlet: String,
    pub documents: usize,
    pub sourcing: Sourcing,
}

/// Everything crosscheck knows about a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ledger {
    pub schema: String,
    pub generator: String,
    pub documents: Vec<Document>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub propositions: Vec<Proposition>,
    pub timeline: Vec<TimelineEntry>,
    #[serde(default)]
    pub stance_timelines: Vec<StanceTimeline>,
    #[serde(default)]
    pub quote_groups: Vec<QuoteGroup>,
    #[serde(default)]
    pub outlets: Vec<OutletSourcing>,
}

impl Ledger {
    pub fn new(documents: Vec<Document>, claims: Vec<Claim>) -> Ledger {
        Ledger {
            schema: crate::SCHEMA.to_string(),
            generator: concat!("crosscheck ", env!("CARGO_PKG_VERSION")).to_string(),
            documents,
            entities: Vec::new(),
            claims,
            propositions: Vec::new(),
            timeline: Vec::new(),
            stance_timelines: Vec::new(),
            quote_groups: Vec::new(),
            outlets: Vec::new(),
        }
    }
}
