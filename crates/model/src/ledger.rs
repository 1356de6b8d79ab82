use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{Claim, Document, EntityType, Polarity, Sourcing, Span};

/// A canonical entity across all documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entity {
    /// `<type prefix>-<name key>` ("per-vladimir-putin").
    pub id: String,
    /// The canonical name.
    pub name: String,
    #[serde(rename = "type")]
    /// What kind of entity.
    pub kind: EntityType,
    /// Other names it is written as ("Putin").
    pub aliases: Vec<String>,
    /// Every mention, in every document.
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
/// One mention of a canonical entity.
pub struct EntityMention {
    /// The document it is in.
    // Shared by all of a document's entity mentions: a corpus has millions.
    pub doc: Arc<str>,
    /// Where it is.
    pub span: Span,
}

/// How the values grouped in a proposition relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PropositionStatus {
    /// The values agree within their bounds and approximations.
    Consistent,
    /// The values cannot all be true at once.
    Conflicting,
    /// Parties to the story assert different figures for the same thing.
    Disputed,
    /// Later figures supersede earlier ones.
    Evolving,
    /// Only one source gives the figure.
    SingleSource,
}

/// Claims about the same measured thing, across the documents of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Proposition {
    /// `p<n>`, most widely reported first.
    pub id: String,
    /// The story the figures belong to: propositions never span stories.
    #[serde(default)]
    pub story: String,
    /// "North Korean troops" — what is measured.
    pub label: String,
    /// The ids of the quantity claims it groups.
    pub claims: Vec<String>,
    /// Whether the values agree, conflict or evolve.
    pub status: PropositionStatus,
    /// One line a person can read: why the status is what it is.
    pub explanation: String,
    /// Each value with who gives it, where and when, in date order.
    pub values: Vec<PropositionValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// One value of a proposition with who gives it, where and when.
pub struct PropositionValue {
    /// The quantity claim.
    pub claim: String,
    /// Its document.
    pub doc: String,
    /// Lower value (`None` when open).
    pub low: Option<f64>,
    /// Upper value (`None` when open).
    pub high: Option<f64>,
    /// The figure as written.
    pub text: String,
    /// Who gives it.
    pub source: Option<String>,
    /// The outlet it appeared in.
    pub outlet: Option<String>,
    /// Document date (published or estimated), ISO.
    pub date: Option<String>,
    /// The time the figure is about, which "a week ago", "initially" or
    /// "by January" move away from the document date: `2026-03-02`,
    /// `2026-03-02 to 2026-03-08`, `before 2026-03-09`, `unknown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// What set `time`: "publication date", "“a week ago”", …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_basis: Option<String>,
    /// The party to the story the source speaks for, when it speaks for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// For a syndicated or near-duplicate copy: the claim of the original
    /// report. A copy is counted once, never as corroboration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// One story: the documents about one real-world event or developing
/// matter, with the span of their dates and the entities they name most.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Story {
    /// `s1`, `s2`, …: stable within a store as documents are added.
    pub id: String,
    /// Title of its earliest document.
    pub title: Option<String>,
    /// Document ids, in input order.
    pub documents: Vec<String>,
    /// Earliest document date (published or estimated), ISO.
    pub first: Option<String>,
    /// Latest document date (published or estimated), ISO.
    pub last: Option<String>,
    /// Ids of the entities the story names in most of its documents,
    /// strongest first.
    pub entities: Vec<String>,
    /// Distinct outlets of its documents.
    #[serde(default)]
    pub outlets: Vec<String>,
}

/// One dated point in a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimelineEntry {
    /// ISO date (or TIMEX3 value at coarser granularity).
    pub date: Option<String>,
    /// True when the date is estimated rather than stated or from metadata.
    pub date_estimated: bool,
    /// The document.
    pub doc: String,
    /// The claim, for an entry about a claim (`None` for a publication).
    pub claim: Option<String>,
    /// What happened, in a line.
    pub summary: String,
    /// The story the entry belongs to.
    #[serde(default)]
    pub story: String,
}

/// An actor's stances on one matter, in time order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StanceTimeline {
    /// The story the stances were taken in.
    #[serde(default)]
    pub story: String,
    /// The actor's canonical name.
    pub actor: String,
    /// What the stances are about.
    pub about: String,
    /// The stances, in time order.
    pub steps: Vec<StanceStep>,
    /// True when the polarity changed over time (denied, then confirmed).
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// One stance of a stance timeline.
pub struct StanceStep {
    /// The stance claim.
    pub claim: String,
    /// Its document.
    pub doc: String,
    /// Which stance.
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
    /// The story the quotes belong to.
    #[serde(default)]
    pub story: String,
    /// The speaker's canonical name.
    pub speaker: String,
    /// The quote claims.
    pub claims: Vec<String>,
    /// Pairs of claims that report the same quote with different wording.
    pub variants: Vec<[String; 2]>,
}

/// Sourcing of all documents from one outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OutletSourcing {
    /// The outlet's name.
    pub outlet: String,
    /// How many documents it published.
    pub documents: usize,
    /// Their claims, counted by source kind.
    pub sourcing: Sourcing,
}

/// Everything crosscheck knows about a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ledger {
    /// The schema identifier ([`crate::SCHEMA`]).
    pub schema: String,
    /// `crosscheck <version>`.
    pub generator: String,
    /// Every input article, in input order.
    pub documents: Vec<Document>,
    /// The stories the documents form, largest first.
    #[serde(default)]
    pub stories: Vec<Story>,
    /// Canonical entities across documents.
    pub entities: Vec<Entity>,
    /// Quotes, figures and stances with their evidence.
    pub claims: Vec<Claim>,
    /// Figures about the same measured thing, grouped across documents.
    pub propositions: Vec<Proposition>,
    /// The story in time order.
    pub timeline: Vec<TimelineEntry>,
    #[serde(default)]
    /// Each actor's stances on a matter over time.
    pub stance_timelines: Vec<StanceTimeline>,
    #[serde(default)]
    /// Quotes by speaker across outlets.
    pub quote_groups: Vec<QuoteGroup>,
    #[serde(default)]
    /// The sourcing profile of each outlet.
    pub outlets: Vec<OutletSourcing>,
}

/// What a ledger names as its generator: `crosscheck <version>`.
pub const GENERATOR: &str = concat!("crosscheck ", env!("CARGO_PKG_VERSION"));

impl Ledger {
    /// A ledger of these documents and claims, the cross-document parts empty.
    pub fn new(documents: Vec<Document>, claims: Vec<Claim>) -> Ledger {
        Ledger {
            schema: crate::SCHEMA.to_string(),
            generator: GENERATOR.to_string(),
            documents,
            stories: Vec::new(),
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
