//! Groups a stream of analysed documents into stories: the articles about
//! one real-world event or developing matter, whoever wrote them and
//! whenever. Everything the ledger compares (figures, quotes, stances) is
//! compared within a story, never across stories.
//!
//! Each document becomes a [`DocumentProfile`]: its content words and the
//! entities it names, weighted by where they stand (headline, lead, body).
//! A [`StoryIndex`] takes profiles one at a time: a document joins the most
//! similar story (cosine of tf-idf vectors, idf from the stream itself plus
//! background frequencies from news at large) when the similarity reaches a
//! threshold, else starts a new story; a near-duplicate joins its
//! original's story; two stories a document is close to merge when they are
//! close to each other. The index is serialisable, so a store can keep it
//! and extend it with new documents without clustering everything again.
//! `docs/stories.md` describes the method, its settings and how it is
//! measured.
//!
//! The stop words and background frequencies form one [`Lexicon`], owned by
//! the index ([`StoryIndex::with_lexicon`]), which profiles the documents it
//! is given by it ([`StoryIndex::add_document`]); [`DocumentProfile::of`] and
//! the [`words`] functions read the standard one.

mod background;
mod index;
mod lexicon;
mod model;
mod profile;
pub mod words;

pub use index::{story_id, story_number, Prepared, Settings, Story, StoryDelta, StoryIndex};
pub use lexicon::Lexicon;
pub use model::{Features, Model, FEATURES};
pub use profile::{entity_key, DocumentProfile};

use crosscheck_model::Document;

/// Clusters documents in the order given and returns each one's story
/// number (as [`StoryIndex::resolve`]d after the last document).
pub fn cluster(documents: &[Document]) -> (StoryIndex, Vec<u32>) {
    let mut index = StoryIndex::new();
    for doc in documents {
        index.add_document(doc);
    }
    let numbers = documents
        .iter()
        .map(|d| index.story_of(&d.id).map_or(0, |s| s.number))
        .collect();
    (index, numbers)
}
