//! What a document is about, as weighted terms: its content words and the
//! entities it names, the headline and lead counting most.

use std::collections::HashMap;

use chrono::NaiveDate;
use crosscheck_model::{Document, ParagraphKind};
use serde::{Deserialize, Serialize};

use crate::Lexicon;

/// Weight of a term in the headline, the lead paragraph and the rest.
const HEADLINE_WEIGHT: f32 = 3.0;
const LEAD_WEIGHT: f32 = 2.0;
const BODY_WEIGHT: f32 = 1.0;
/// Entities count more than words: a name is rarely shared by chance.
const ENTITY_WEIGHT: f32 = 1.5;

/// Prefix of an entity term ("e:north korea"); words have "w:" and the
/// headline's words also "t:".
pub const ENTITY_PREFIX: &str = "e:";
pub const WORD_PREFIX: &str = "w:";
pub const TITLE_PREFIX: &str = "t:";

/// One document's terms and what places it in time; everything the story
/// index needs, so the document itself need not be kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentProfile {
    /// The document's id.
    pub doc: String,
    /// Its title.
    pub title: Option<String>,
    /// Its date (published or estimated).
    pub date: Option<NaiveDate>,
    /// The document this one near-duplicates: it joins that story.
    pub duplicate_of: Option<String>,
    /// Term → weight before inverse document frequency (sublinear in the
    /// position-weighted count), sorted by term.
    pub terms: Vec<(String, f32)>,
}

impl DocumentProfile {
    /// The profile of an analysed document (mentions filled), its words
    /// read by the standard lexicon.
    pub fn of(doc: &Document) -> DocumentProfile {
        DocumentProfile::of_with(doc, Lexicon::standard_ref())
    }

    /// [`DocumentProfile::of`] reading `lexicon`: its stop words are not
    /// terms.
    pub fn of_with(doc: &Document, lexicon: &Lexicon) -> DocumentProfile {
        let mut counts: HashMap<String, f32> = HashMap::new();
        let mut add = |term: String, w: f32| *counts.entry(term).or_default() += w;
        // (start, end, weight, is headline) per paragraph.
        let mut parts: Vec<(usize, usize, f32, bool)> = Vec::new();
        let mut lead_seen = false;
        for p in &doc.paragraphs {
            let (w, headline) = match p.kind {
                ParagraphKind::Headline => (HEADLINE_WEIGHT, true),
                ParagraphKind::Body | ParagraphKind::Standfirst if !lead_seen => {
                    lead_seen = true;
                    (LEAD_WEIGHT, false)
                }
                _ => (BODY_WEIGHT, false),
            };
            parts.push((p.range.start, p.range.end, w, headline));
        }
        if parts.is_empty() {
            parts.push((0, doc.text.len(), BODY_WEIGHT, false));
        }
        // A title given in metadata but not in the text still says what the
        // document is about.
        let title_in_text = parts.iter().any(|p| p.3);
        if let (Some(title), false) = (doc.title.as_deref(), title_in_text) {
            for word in lexicon.content_words(title) {
                add(format!("{TITLE_PREFIX}{word}"), 1.0);
                add(format!("{WORD_PREFIX}{word}"), HEADLINE_WEIGHT);
            }
        }
        for &(start, end, w, headline) in &parts {
            let Some(text) = doc.text.get(start..end) else {
                continue;
            };
            for word in lexicon.content_words(text) {
                if headline {
                    add(format!("{TITLE_PREFIX}{word}"), 1.0);
                }
                add(format!("{WORD_PREFIX}{word}"), w);
            }
        }
        let weight_of = |offset: usize| {
            parts
                .iter()
                .find(|&&(s, e, _, _)| s <= offset && offset < e)
                .map_or(BODY_WEIGHT, |&(_, _, w, _)| w)
        };
        for mention in &doc.mentions {
            let w = weight_of(mention.span.start) * ENTITY_WEIGHT;
            let name = mention.canonical.as_deref().unwrap_or(&mention.span.text);
            for name in std::iter::once(name).chain(mention.refers_to.as_deref()) {
                let key = entity_key(name);
                if !key.is_empty() {
                    add(format!("{ENTITY_PREFIX}{key}"), w);
                }
            }
        }
        let mut terms: Vec<(String, f32)> = counts
            .into_iter()
            .map(|(term, count)| {
                let weight = if count > 1.0 { 1.0 + count.ln() } else { count };
                (term, weight)
            })
            .collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        DocumentProfile {
            doc: doc.id.clone(),
            title: doc.title.clone(),
            date: doc.placed_date().map(|(d, _)| d),
            duplicate_of: doc.duplicate_of.clone(),
            terms,
        }
    }
}

/// An entity name as a term: lower case, leading article and outer
/// punctuation dropped, spaces collapsed ("The Kremlin" → "kremlin").
pub fn entity_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let stripped = ["the ", "a ", "an "]
        .iter()
        .find_map(|article| lower.strip_prefix(article))
        .unwrap_or(lower);
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}
