use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::{Document, Span};

/// What a claim asserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Something a source said.
    Quote,
    /// A figure a source gives.
    Quantity,
    /// An attitude a source takes.
    Stance,
}

/// Who a claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named person.
    Person,
    /// An organisation, government or institution.
    Organization,
    /// A source the text does not name ("a senior official").
    Anonymous,
    /// No source given.
    Unattributed,
}

/// The source of a claim, resolved to the most specific mention in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    /// "Michael Kofman", "the White House", "a senior intelligence official";
    /// `None` only for unattributed claims.
    pub name: Option<String>,
    /// What kind of source this is.
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
    /// The source of a claim the text attributes to no one.
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// What was said, without the quote marks.
    pub text: String,
    /// Verbatim between quote marks (true) or reported speech (false).
    pub direct: bool,
    /// Where it was said: the quoted words, or the reported clause.
    pub span: Span,
}

/// How a figure is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// One value ("10,000").
    Exact,
    /// A lower bound ("more than 10,000").
    AtLeast,
    /// An upper bound ("up to 12,000").
    AtMost,
    /// A range ("8,000 to 12,000").
    Range,
}

/// A count or amount as the text states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quantity {
    /// Lower value; `None` for an open lower bound ("up to 12,000").
    pub low: Option<f64>,
    /// Upper value; equals `low` for a single value, `None` for an open upper
    /// bound ("more than 10,000").
    pub high: Option<f64>,
    /// Hedged by "about", "some", "an estimated", "nearly", ...
    pub approximate: bool,
    /// How the figure is bounded.
    pub bound: Bound,
    /// The unit id from the unit list (docs/units.md): "percent", "USD",
    /// "kilometre", "year"; "share" for a fraction of something ("half of");
    /// `None` for plain counts.
    pub unit: Option<String>,
    /// What the unit measures: "currency", "ratio", "length", "time", ...
    #[serde(default)]
    pub dimension: Option<String>,
    /// An order of magnitude without a number ("millions of shells",
    /// "dozens of homes"): `low` and `high` are null.
    #[serde(default)]
    pub vague: bool,
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
    /// What is counted, reduced for matching across documents; filled in
    /// analysis from `subject` and `event` (absent when nothing countable
    /// is named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
}

/// What a figure counts, reduced for matching figures across documents:
/// "some 4,000 Veloran soldiers deployed to the border" → head `troop`,
/// entities `veloran`, modifiers `border`, actions `deploy`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Measure {
    /// The head noun, lemmatised and mapped to its class ("soldiers" →
    /// "troop").
    pub head: String,
    /// Proper-noun modifiers before the head, lower case ("north veloran").
    pub entities: BTreeSet<String>,
    /// Other content words, lemmatised.
    pub modifiers: BTreeSet<String>,
    /// What happened to the counted things ("deploy", "kill"), from the
    /// subject's participles and the figure's event.
    pub actions: BTreeSet<String>,
}

/// The attitude an actor takes towards a proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Says it is so ("confirmed").
    Confirm,
    /// Says it is not so ("denied").
    Deny,
    /// Declines to say ("did not confirm").
    NotConfirmed,
    /// Claims it ("alleged", "accused").
    Allege,
    /// Estimates it ("believes", "estimated").
    Estimate,
    /// Admits it ("acknowledged").
    Acknowledge,
    /// Condemns it, which presupposes it.
    Condemn,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// An actor's stance on a proposition: who confirms, denies or alleges what.
pub struct Stance {
    /// Who takes the stance, as the text names it (pronouns resolved).
    pub actor: String,
    /// Which stance.
    pub polarity: Polarity,
    /// The proposition the stance is about ("such reports", "the deployment").
    pub about: Option<Span>,
    /// The content words of `about`, lemmatised, for telling matters apart
    /// across documents; filled in analysis (empty for a generic "the
    /// reports").
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub matter: BTreeSet<String>,
}

/// A time qualifier attached to a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClaimTime {
    /// The words that give the time ("on Monday", "initially").
    pub text: String,
    /// TIMEX3 value, see [`crate::TimeExpression::value`].
    pub value: String,
}

/// What a claim asserts, with its payload: a quote, a figure or a stance.
///
/// In JSON the variant is the claim's `kind` and its payload sits beside it
/// under the same name (`"kind": "quote", "quote": {...}`), so a claim
/// cannot carry a payload of another kind or none at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ClaimBody {
    /// Something a source said, verbatim or reported.
    Quote {
        /// What was said.
        quote: Quote,
    },
    /// A figure a source gives.
    Quantity {
        /// The figure with its bounds and what it counts.
        quantity: Quantity,
    },
    /// An attitude a source takes.
    Stance {
        /// Who takes which stance on what.
        stance: Stance,
    },
}

impl ClaimBody {
    /// The kind of claim this payload makes.
    pub fn kind(&self) -> ClaimKind {
        match self {
            ClaimBody::Quote { .. } => ClaimKind::Quote,
            ClaimBody::Quantity { .. } => ClaimKind::Quantity,
            ClaimBody::Stance { .. } => ClaimKind::Stance,
        }
    }
}

impl From<Quote> for ClaimBody {
    fn from(quote: Quote) -> ClaimBody {
        ClaimBody::Quote { quote }
    }
}

impl From<Quantity> for ClaimBody {
    fn from(quantity: Quantity) -> ClaimBody {
        ClaimBody::Quantity { quantity }
    }
}

impl From<Stance> for ClaimBody {
    fn from(stance: Stance) -> ClaimBody {
        ClaimBody::Stance { stance }
    }
}

/// One attributed assertion with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Claim {
    /// `<doc id>:<kind>:<n>`, stable for the same document and analyzer.
    pub id: String,
    /// Id of the document the evidence is in.
    pub doc: String,
    /// What the claim asserts: `kind` and its payload.
    #[serde(flatten)]
    pub body: ClaimBody,
    /// Index into the document's sentences of the sentence the claim starts
    /// in; [`crate::Document::claim_sentences`] gives the text.
    pub sentence: usize,
    /// The whole evidence: quote plus attribution, figure, or stance clause.
    pub span: Span,
    /// Who makes the claim.
    pub source: Source,
    /// Further sources making the same claim together with `source`
    /// ("Anna Berg and Tomas Lind said", a joint statement); empty for one
    /// source, and then absent from the JSON.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_sources: Vec<Source>,
    /// Who relays the words, in a nested attribution: for "Sarn Radio
    /// quoted the minister as saying ...", `source` is the minister and
    /// this is Sarn Radio. Absent from the JSON when the source speaks in
    /// the text itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quoted_by: Option<Box<Source>>,
    /// Speech or stance verb or phrase ("said", "according to", "denied").
    pub cue: Option<String>,
    /// "Telegram post", "statement", "interview", ...
    pub channel: Option<String>,
    /// Hedged by reportedly, allegedly, may, could, is believed to, ...
    pub hedged: bool,
    /// The hedge words found, for readers who want to weigh them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hedges: Vec<String>,
    /// When the claim was made or what time it refers to.
    pub time: Option<ClaimTime>,
}

impl Claim {
    /// A claim with its evidence and source, not yet hedged or dated.
    pub fn new(
        id: String,
        doc: String,
        body: impl Into<ClaimBody>,
        sentence: usize,
        span: Span,
        source: Source,
    ) -> Claim {
        Claim {
            id,
            doc,
            body: body.into(),
            sentence,
            span,
            source,
            co_sources: Vec::new(),
            quoted_by: None,
            cue: None,
            channel: None,
            hedged: false,
            hedges: Vec::new(),
            time: None,
        }
    }

    /// The text of the sentence(s) holding the evidence, from `doc`, the
    /// claim's document.
    pub fn sentence_text<'d>(&self, doc: &'d Document) -> &'d str {
        doc.claim_sentences(self.sentence, &self.span)
    }

    /// The kind of claim: quote, quantity or stance.
    pub fn kind(&self) -> ClaimKind {
        self.body.kind()
    }

    /// The quote, for a quote claim.
    pub fn quote(&self) -> Option<&Quote> {
        match &self.body {
            ClaimBody::Quote { quote } => Some(quote),
            _ => None,
        }
    }

    /// The figure, for a quantity claim.
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.body {
            ClaimBody::Quantity { quantity } => Some(quantity),
            _ => None,
        }
    }

    /// The figure, for a quantity claim, to fill in.
    pub fn quantity_mut(&mut self) -> Option<&mut Quantity> {
        match &mut self.body {
            ClaimBody::Quantity { quantity } => Some(quantity),
            _ => None,
        }
    }

    /// The stance, for a stance claim.
    pub fn stance(&self) -> Option<&Stance> {
        match &self.body {
            ClaimBody::Stance { stance } => Some(stance),
            _ => None,
        }
    }

    /// Every span the claim holds (its evidence, its source's, its
    /// payload's), to fill in: span texts left out of a file come back
    /// through it.
    pub fn spans_mut(&mut self) -> Vec<&mut Span> {
        let mut spans = vec![&mut self.span];
        spans.extend(self.source.span.as_mut());
        spans.extend(self.co_sources.iter_mut().filter_map(|s| s.span.as_mut()));
        spans.extend(self.quoted_by.as_mut().and_then(|s| s.span.as_mut()));
        match &mut self.body {
            ClaimBody::Quote { quote } => spans.push(&mut quote.span),
            ClaimBody::Quantity { quantity } => spans.push(&mut quantity.span),
            ClaimBody::Stance { stance } => spans.extend(stance.about.as_mut()),
        }
        spans
    }
}
