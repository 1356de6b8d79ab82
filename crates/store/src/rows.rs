//! What the two back ends encode, decode and check the same way, so that a
//! store reads back alike whichever database holds it: only the SQL
//! dialect and the client calls stay in `store.rs` and `postgres.rs`.

use std::path::Path;

use chrono::NaiveDate;
use crosscheck_stories::{Settings, Story, StoryDelta, StoryIndex};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::StoreError;

/// The store's own invariants, as `(what, query)`: each query returns one
/// line per problem, in SQL both dialects accept.
pub(crate) const INVARIANTS: [(&str, &str); 2] = [
    (
        "claims",
        "SELECT 'document ' || d.id || ' records ' || d.claim_count || ' claims but has ' || \
         (SELECT count(*) FROM claims c WHERE c.doc = d.id) FROM documents d \
         WHERE d.claim_count != (SELECT count(*) FROM claims c WHERE c.doc = d.id)",
    ),
    (
        "batch",
        "SELECT 'batch ' || b.id || ' records ' || b.documents || ' documents and ' || \
         b.claims || ' claims but has ' || \
         (SELECT count(*) FROM documents d WHERE d.batch = b.id) || ' and ' || \
         (SELECT count(*) FROM claims c JOIN documents d ON d.id = c.doc WHERE d.batch = b.id) \
         FROM batches b WHERE b.documents != (SELECT count(*) FROM documents d WHERE d.batch = b.id) \
         OR b.claims != (SELECT count(*) FROM claims c JOIN documents d ON d.id = c.doc \
         WHERE d.batch = b.id)",
    ),
];

/// Every document's id and JSON body, in the order they were added.
pub(crate) const LOAD_DOCUMENTS: &str = "SELECT id, body FROM documents ORDER BY ordinal";

/// Every claim's id and JSON body, in document order then their original
/// order. Outer loop over documents in ordinal order, inner seek on the
/// claims primary key: the rows come out in order without a sort.
pub(crate) const LOAD_CLAIMS: &str = "SELECT c.id, c.body FROM documents d \
     JOIN claims c ON c.doc = d.id ORDER BY d.ordinal, c.seq";

/// [`LOAD_CLAIMS`] with the id of each claim's document last.
pub(crate) const LOAD_CLAIMS_OF_DOCUMENTS: &str = "SELECT c.id, c.body, c.doc FROM documents d \
     JOIN claims c ON c.doc = d.id ORDER BY d.ordinal, c.seq";

/// The story index's term table: id, term, document frequency.
pub(crate) const LOAD_STORY_TERMS: &str = "SELECT id, term, df FROM story_terms ORDER BY id";

/// The story index's stories: number and JSON body.
pub(crate) const LOAD_STORIES: &str = "SELECT number, body FROM stories ORDER BY number";

/// Which story each document belongs to, in the order they were added.
pub(crate) const LOAD_STORY_ASSIGNMENTS: &str =
    "SELECT id, story FROM documents WHERE story IS NOT NULL ORDER BY ordinal";

// Database integers are i64; counts and lengths never come near the limits,
// but saturate rather than wrap if they ever did.
pub(crate) fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(crate) fn from_i64(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// `value` as the JSON stored for it; `what` names it in the error.
pub(crate) fn encode(
    path: &Path,
    what: String,
    value: &impl Serialize,
) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|source| StoreError::Encode {
        path: path.to_path_buf(),
        what,
        source,
    })
}

/// A stored JSON body read back; `what` names it in the error.
pub(crate) fn decode<T: DeserializeOwned>(
    path: &Path,
    what: &str,
    body: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(body).map_err(|source| StoreError::Decode {
        path: path.to_path_buf(),
        what: what.to_string(),
        source,
    })
}

/// A stored publication date, which the store writes as `YYYY-MM-DD`:
/// anything else means the store was changed behind its back.
pub(crate) fn parse_published(path: &Path, id: &str, text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: format!("document {id} has published date {text:?}, not YYYY-MM-DD"),
    })
}

/// A story index delta as the rows of the story tables.
pub(crate) struct DeltaRows<'a> {
    /// `story_terms`: id, term, document frequency.
    pub terms: Vec<(i64, &'a str, i64)>,
    /// `stories`: number, JSON body.
    pub stories: Vec<(i64, String)>,
    /// `documents.story`: document id, story number.
    pub assignments: Vec<(&'a str, i64)>,
    /// `story_state` `documents`.
    pub documents: String,
    /// `story_state` `settings`, JSON.
    pub settings: String,
}

impl<'a> DeltaRows<'a> {
    pub(crate) fn new(path: &Path, delta: &'a StoryDelta) -> Result<DeltaRows<'a>, StoreError> {
        let terms = delta
            .terms
            .iter()
            .map(|(id, text, df)| (i64::from(*id), text.as_str(), i64::from(*df)))
            .collect();
        let stories = delta
            .stories
            .iter()
            .map(|s| {
                Ok((
                    i64::from(s.number),
                    encode(path, format!("story {}", s.number), s)?,
                ))
            })
            .collect::<Result<_, StoreError>>()?;
        let assignments = delta
            .assignments
            .iter()
            .map(|(doc, number)| (doc.as_str(), i64::from(*number)))
            .collect();
        Ok(DeltaRows {
            terms,
            stories,
            assignments,
            documents: delta.documents.to_string(),
            settings: encode(path, "story settings".to_string(), &delta.settings)?,
        })
    }
}

/// The rows of the story tables, read back.
pub(crate) struct IndexRows {
    /// `story_state` `documents`.
    pub documents: String,
    /// `story_state` `settings`, JSON.
    pub settings: String,
    /// `story_terms` by id: id, term, document frequency.
    pub terms: Vec<(i64, String, i64)>,
    /// `stories` by number: number, JSON body.
    pub stories: Vec<(i64, String)>,
    /// Document id and story number, in store order.
    pub assignments: Vec<(String, i64)>,
}

impl IndexRows {
    /// The story index the rows hold.
    pub(crate) fn into_index(self, path: &Path) -> Result<StoryIndex, StoreError> {
        let bad = |reason: String| StoreError::StoryIndex {
            path: path.to_path_buf(),
            reason,
        };
        let documents: u32 = self
            .documents
            .parse()
            .map_err(|_| bad("story_state documents".to_string()))?;
        let settings: Settings = decode(path, "story settings", &self.settings)?;
        let terms = self
            .terms
            .into_iter()
            .map(|(id, term, df)| {
                (
                    u32::try_from(id).unwrap_or(u32::MAX),
                    term,
                    u32::try_from(df).unwrap_or(0),
                )
            })
            .collect();
        let stories = self
            .stories
            .iter()
            .map(|(number, body)| decode::<Story>(path, &format!("story {number}"), body))
            .collect::<Result<_, _>>()?;
        let assignments = self
            .assignments
            .into_iter()
            .map(|(doc, story)| (doc, u32::try_from(story).unwrap_or(0)))
            .collect();
        StoryIndex::from_parts(settings, documents, terms, stories, assignments)
            .ok_or_else(|| bad("story index tables do not fit together".to_string()))
    }
}
