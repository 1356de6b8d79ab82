use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Range, Span};

/// One article after ingest: metadata plus the clean text every span points
/// into. Later stages fill `sentences`, `time_expressions`, `mentions` and
/// `sourcing`; ingest leaves them empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Document {
    /// Stable content-derived id (hex of a hash of the clean text), so the
    /// same article ingested twice gets the same id.
    pub id: String,
    /// Path or URL as the user gave it (for a JSONL/WARC member: `file#n`).
    pub source: String,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The publication ("Harbor City Herald").
    pub outlet: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// Publication date from metadata, when there is one.
    pub published: Option<NaiveDate>,
    /// When `published` is unknown: bounds estimated from the text.
    pub published_estimate: Option<DateEstimate>,
    /// The standfirst or meta description.
    pub description: Option<String>,
    /// The clean article text: headline, standfirst and body paragraphs
    /// separated by blank lines.
    pub text: String,
    /// Headline, standfirst, headings and body paragraphs: byte ranges of `text`.
    pub paragraphs: Vec<Paragraph>,
    /// Id of the earlier document this one near-duplicates (syndicated copy,
    /// light edit). Marked, never merged.
    pub duplicate_of: Option<String>,
    /// Id of the story the document belongs to (`s1`, `s2`, …): the articles
    /// about one real-world event or developing matter. Set by the ledger
    /// (or kept from a store); `None` before.
    #[serde(default)]
    pub story: Option<String>,
    /// Which input format the document was read from (`txt`, `html`, ...).
    pub format: String,
    /// Sentence boundaries (filled by analysis).
    pub sentences: Vec<Sentence>,
    /// Temporal expressions (filled by analysis).
    pub time_expressions: Vec<TimeExpression>,
    /// Named entity mentions (filled by analysis).
    pub mentions: Vec<Mention>,
    /// How the document's claims are sourced (filled by the ledger).
    pub sourcing: Option<Sourcing>,
}

impl Document {
    /// The date that places this document in time, and whether it is an
    /// estimate: the publication date, else the lower bound of an estimate
    /// that rests on more than a year alone.
    pub fn placed_date(&self) -> Option<(NaiveDate, bool)> {
        match (self.published, &self.published_estimate) {
            (Some(d), _) => Some((d, false)),
            (None, Some(e)) if !e.weak => e.earliest.map(|d| (d, true)),
            _ => None,
        }
    }

    /// Number of whitespace-separated words in the clean text.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// The text of the sentences holding a claim's evidence: from the start
    /// of sentence `first` to the end of the last sentence that `span`
    /// reaches into, widened to cover `span` should it stick out. Without
    /// such a sentence, the span's own text.
    pub fn claim_sentences(&self, first: usize, span: &Span) -> &str {
        let Some(head) = self
            .sentences
            .get(first)
            .filter(|s| s.range.start <= span.end)
        else {
            return self.text.get(span.range()).unwrap_or("");
        };
        let reached = self
            .sentences
            .get(first + 1..)
            .unwrap_or(&[])
            .iter()
            .take_while(|s| s.range.start < span.end)
            .last()
            .unwrap_or(head);
        let start = head.range.start.min(span.start);
        let end = reached.range.end.max(span.end);
        self.text.get(start..end).unwrap_or("")
    }

    /// The sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<(usize, &Sentence)> {
        let idx = self.sentences.partition_point(|s| s.range.end <= offset);
        self.sentences
            .get(idx)
            .filter(|s| s.range.start <= offset)
            .map(|s| (idx, s))
    }
}

/// The role a paragraph plays in the article's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// The headline.
    Headline,
    /// The standfirst or summary under it.
    Standfirst,
    /// A section heading.
    Heading,
    /// A body paragraph.
    Body,
    /// An item of a list.
    ListItem,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// A paragraph: byte range into `Document::text` and its role.
pub struct Paragraph {
    #[serde(flatten)]
    /// Where it lies in the text.
    pub range: Range,
    /// What it is.
    pub kind: ParagraphKind,
}

/// A sentence: byte range into `Document::text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sentence {
    #[serde(flatten)]
    /// Where it lies in the text.
    pub range: Range,
}

impl Sentence {
    /// The sentence `text[start..end]`.
    pub fn new(start: usize, end: usize) -> Sentence {
        Sentence {
            range: Range::new(start, end),
        }
    }
}

/// Estimated publication date bounds when metadata gives none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateEstimate {
    /// The earliest date the text allows.
    pub earliest: Option<NaiveDate>,
    /// The latest date the text allows.
    pub latest: Option<NaiveDate>,
    /// Human-readable reason, e.g. "latest explicit date in text: 2025-04-27".
    pub basis: String,
    /// True when the bounds rest on a year alone ("the war ended in 1953"):
    /// still a true bound, but too loose to place the document in time.
    #[serde(default)]
    pub weak: bool,
}

/// TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("April 27", "2024").
    Date,
    /// A time of day ("10:30 a.m.").
    Time,
    /// A length of time ("three years").
    Duration,
    /// A recurrence ("every week").
    Set,
}

impl TimexType {
    /// A date or a time of day: it says when something was said or held,
    /// which a length of time or a recurrence does not.
    pub fn says_when(self) -> bool {
        matches!(self, TimexType::Date | TimexType::Time)
    }
}

/// A temporal expression normalised TIMEX3-style against the document date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimeExpression {
    /// The expression as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// TIMEX3 value: `2025-04-27`, `2024-10`, `2024-W43`, `P3Y`, `PRESENT_REF`,
    /// `XXXX-04-27` when the year cannot be resolved.
    pub value: String,
    #[serde(rename = "type")]
    /// Date, time, duration or set.
    pub kind: TimexType,
    /// Finest unit the value states: `day`, `month`, `year`, `week`, ...
    pub granularity: Option<String>,
    /// Whether the value depended on the document date (relative expression).
    pub relative: bool,
}

/// Entity type of a mention or canonical entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, agency, party or other organisation.
    Organization,
    /// A place that is not a polity (a region, a city as a place).
    Location,
    /// Countries, states, cities acting as polities (CoNLL LOC/GPE).
    Country,
    /// Nationalities, religious or political groups (demonyms: "North Korean").
    Group,
    /// Anything else named (events, holidays, weapon classes).
    Misc,
}

/// One occurrence of a named entity inside a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    #[serde(rename = "type")]
    /// What kind of entity.
    pub kind: EntityType,
    /// Canonical name this mention resolves to within the document
    /// (surname → full name, acronym → expansion); the ledger links it across
    /// documents.
    pub canonical: Option<String>,
    /// When the mention stands for something else by metonymy ("the Kremlin"
    /// → "Russia"): the referent's canonical name.
    pub refers_to: Option<String>,
}

/// How a document is sourced: counts of claims by source kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sourcing {
    /// Claims from named people.
    pub named: usize,
    /// Claims from organisations.
    pub organization: usize,
    /// Claims from anonymous sources.
    pub anonymous: usize,
    /// Claims with no source.
    pub unattributed: usize,
    /// anonymous / (named + organization + anonymous + unattributed).
    pub anonymous_share: f64,
    /// Hedged claims.
    pub hedged: usize,
    /// Figures no other document's proposition value agrees with.
    pub single_source_figures: usize,
    /// All claims.
    pub claims: usize,
}
