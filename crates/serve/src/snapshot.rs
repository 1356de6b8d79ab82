//! What the server shows: the ledger built over everything stored, the
//! lookups pages need (by id, each document's claims, copies, stories) and
//! the claim search index. Immutable once built; a write builds a new one
//! and swaps it in, so a request always sees one consistent state.

use std::collections::HashMap;

use crosscheck_model::{Claim, Document, Entity, Ledger, PropositionStatus, SourceKind};

use crate::index::{ClaimIndex, IndexError, IndexRow};
use crate::stories::{self, StoryInfo};

/// Everything stored, as the ledger and its lookups.
#[derive(Debug)]
pub struct Snapshot {
    /// The ledger over every stored document.
    pub ledger: Ledger,
    /// The newest store batch included (0 for an empty store).
    pub latest_batch: i64,
    /// The claim search index.
    pub index: ClaimIndex,
    /// The stories, largest first.
    pub stories: Vec<StoryInfo>,
    /// Ledger positions of the claims in store order (documents as stored,
    /// each one's claims in text order): the order the index, cursors and
    /// exports use, stable as documents are added. The ledger itself lists
    /// claims story by story.
    store_order: Vec<usize>,
    docs: HashMap<String, usize>,
    claims: HashMap<String, usize>,
    entities: HashMap<String, usize>,
    /// `name_key` of every entity name and alias → entity ids.
    entity_names: HashMap<String, Vec<String>>,
    /// Document position → its claims' positions, in text order.
    doc_claims: Vec<Vec<usize>>,
    /// Document position → the store batch it came in.
    doc_batches: Vec<i64>,
    /// Document id → ids of its copies (documents marked as its duplicates).
    copies: HashMap<String, Vec<String>>,
    /// Document position → its story's position in `stories`.
    doc_story: Vec<usize>,
    /// Entity id → how many claims name it.
    entity_claims: HashMap<String, usize>,
}

/// What a store gives the server.
#[derive(Debug, Default)]
pub struct Stored {
    /// Every document, in store order.
    pub documents: Vec<Document>,
    /// Every claim, in document order then text order.
    pub claims: Vec<Claim>,
    /// Document id → the batch it was stored in.
    pub batches: HashMap<String, i64>,
    /// The store's story index (empty when it keeps none: the documents
    /// are grouped then, unwritten).
    pub stories: crosscheck_stories::StoryIndex,
}

impl Snapshot {
    /// A snapshot of an empty store.
    pub fn empty() -> Snapshot {
        Snapshot::build(Stored::default()).unwrap_or_else(|e| panic!("empty index: {e}"))
    }

    /// Builds the ledger, the lookups and the index.
    pub fn build(stored: Stored) -> Result<Snapshot, IndexError> {
        let Stored {
            documents,
            claims,
            batches,
            stories,
        } = stored;
        let ledger = crosscheck_ledger::build_ledger_with_index(documents, claims, stories);
        let docs: HashMap<String, usize> = position_map(ledger.documents.iter().map(|d| &d.id));
        let claims = position_map(ledger.claims.iter().map(|c| &c.id));
        let entities = position_map(ledger.entities.iter().map(|e| &e.id));
        let mut entity_names: HashMap<String, Vec<String>> = HashMap::new();
        for entity in &ledger.entities {
            let mut keys: Vec<String> = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|n| crosscheck_ledger::name_key(n))
                .chain(std::iter::once(entity.id.to_lowercase()))
                .collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                entity_names.entry(key).or_default().push(entity.id.clone());
            }
        }
        let mut doc_claims = vec![Vec::new(); ledger.documents.len()];
        let mut orphans = Vec::new();
        for (n, claim) in ledger.claims.iter().enumerate() {
            match docs.get(&claim.doc) {
                Some(&d) => doc_claims[d].push(n),
                None => orphans.push(n),
            }
        }
        let store_order: Vec<usize> = doc_claims
            .iter()
            .flatten()
            .copied()
            .chain(orphans)
            .collect();
        let doc_batches: Vec<i64> = ledger
            .documents
            .iter()
            .map(|d| batches.get(&d.id).copied().unwrap_or(0))
            .collect();
        let latest_batch = doc_batches.iter().copied().max().unwrap_or(0);
        let mut copies: HashMap<String, Vec<String>> = HashMap::new();
        for doc in &ledger.documents {
            if let Some(original) = &doc.duplicate_of {
                copies
                    .entry(original.clone())
                    .or_default()
                    .push(doc.id.clone());
            }
        }
        let (stories, doc_story) = stories::group(&ledger, &docs);
        let mentions = MentionIndex::new(&ledger.entities);
        let rows = store_order.iter().map(|&n| {
            let claim = &ledger.claims[n];
            let d = docs.get(&claim.doc).copied();
            let doc = d.map(|d| &ledger.documents[d]);
            let story = d
                .and_then(|d| stories.get(doc_story[d]))
                .map_or("", |s| s.id.as_str());
            IndexRow {
                kind: claim.kind().name(),
                doc: &claim.doc,
                story,
                outlet: doc.and_then(|d| d.outlet.as_deref()),
                date: doc
                    .and_then(Document::placed_date)
                    .map(|(date, _)| date.to_string()),
                speaker: claim
                    .source
                    .name
                    .as_deref()
                    .or(claim.source.role.as_deref()),
                source_kind: claim.source.kind.name(),
                hedged: claim.hedged,
                batch: d.map_or(0, |d| doc_batches[d]),
                copy: doc.is_some_and(|d| d.duplicate_of.is_some()),
                quote: claim.quote().map_or("", |q| q.text.as_str()),
                sentence: doc.map_or(claim.span.text.as_str(), |d| claim.sentence_text(d)),
                entities: mentions.named_by(claim),
            }
        });
        let index = ClaimIndex::build(rows)?;
        let entity_claims = index
            .entity_counts(&Default::default(), usize::MAX)?
            .into_iter()
            .collect();
        let mut snapshot = Snapshot {
            ledger,
            latest_batch,
            index,
            stories,
            store_order,
            docs,
            claims,
            entities,
            entity_names,
            doc_claims,
            doc_batches,
            copies,
            doc_story,
            entity_claims,
        };
        stories::finish(&mut snapshot)?;
        Ok(snapshot)
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.docs.get(id).map(|&d| &self.ledger.documents[d])
    }

    /// The document's position in the ledger.
    pub fn document_position(&self, id: &str) -> Option<usize> {
        self.docs.get(id).copied()
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.get(id).map(|&c| &self.ledger.claims[c])
    }

    /// The claim at a position in store order (what the index returns).
    pub fn claim_at(&self, position: usize) -> Option<&Claim> {
        self.store_order
            .get(position)
            .and_then(|&n| self.ledger.claims.get(n))
    }

    /// Every claim in store order.
    pub fn claims_in_store_order(&self) -> impl Iterator<Item = &Claim> {
        self.store_order.iter().map(|&n| &self.ledger.claims[n])
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.get(id).map(|&e| &self.ledger.entities[e])
    }

    /// The claims of a document, in text order.
    pub fn document_claims(&self, id: &str) -> impl Iterator<Item = &Claim> {
        self.docs
            .get(id)
            .map(|&d| self.doc_claims[d].as_slice())
            .unwrap_or(&[])
            .iter()
            .map(|&n| &self.ledger.claims[n])
    }

    /// The batch a document was stored in.
    pub fn document_batch(&self, id: &str) -> i64 {
        self.docs.get(id).map_or(0, |&d| self.doc_batches[d])
    }

    /// The documents marked as copies of this one.
    pub fn copies_of(&self, id: &str) -> &[String] {
        self.copies.get(id).map_or(&[], Vec::as_slice)
    }

    /// The story a document belongs to.
    pub fn story_of(&self, doc: &str) -> Option<&StoryInfo> {
        self.docs
            .get(doc)
            .and_then(|&d| self.stories.get(self.doc_story[d]))
    }

    /// The story with this id.
    pub fn story(&self, id: &str) -> Option<&StoryInfo> {
        self.stories.iter().find(|s| s.id == id)
    }

    /// How many claims name the entity.
    pub fn entity_claim_count(&self, id: &str) -> usize {
        self.entity_claims.get(id).copied().unwrap_or(0)
    }

    /// Entity ids an entity filter means: an entity id as it is, else every
    /// entity with that name or alias (compared as the ledger compares
    /// names). Empty when none.
    pub fn resolve_entity(&self, wanted: &str) -> Vec<String> {
        if self.entities.contains_key(wanted) {
            return vec![wanted.to_string()];
        }
        let key = crosscheck_ledger::name_key(wanted);
        let mut ids = self.entity_names.get(&key).cloned().unwrap_or_default();
        if ids.is_empty() {
            ids = self
                .entity_names
                .get(&wanted.to_lowercase())
                .cloned()
                .unwrap_or_default();
        }
        ids
    }

    /// Conflicting or disputed propositions: the ones a reader must see first.
    pub fn is_conflict(status: PropositionStatus) -> bool {
        matches!(
            status,
            PropositionStatus::Conflicting | PropositionStatus::Disputed
        )
    }

    /// Whether a claim's source is anonymous.
    pub fn is_anonymous(claim: &Claim) -> bool {
        claim.source.kind == SourceKind::Anonymous
    }
}

fn position_map<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        // The first of repeated ids wins, as in the ledger's own lookups.
        map.entry(id.clone()).or_insert(i);
    }
    map
}

/// Entity mentions by document, sorted by offset, to find the entities a
/// claim's evidence names.
struct MentionIndex<'a> {
    by_doc: HashMap<&'a str, Vec<(usize, usize, &'a str)>>,
}

impl<'a> MentionIndex<'a> {
    fn new(entities: &'a [Entity]) -> MentionIndex<'a> {
        let mut by_doc: HashMap<&str, Vec<(usize, usize, &str)>> = HashMap::new();
        for entity in entities {
            for m in &entity.mentions {
                by_doc.entry(&*m.doc).or_default().push((
                    m.span.start,
                    m.span.end,
                    entity.id.as_str(),
                ));
            }
        }
        for mentions in by_doc.values_mut() {
            mentions.sort_unstable();
        }
        MentionIndex { by_doc }
    }

    /// The entities mentioned inside the claim's evidence, and its source's.
    fn named_by(&self, claim: &'a Claim) -> Vec<&'a str> {
        let mut ids: Vec<&str> = Vec::new();
        if let Some(mentions) = self.by_doc.get(claim.doc.as_str()) {
            let first = mentions.partition_point(|m| m.0 < claim.span.start);
            ids.extend(
                mentions[first..]
                    .iter()
                    .take_while(|m| m.0 < claim.span.end)
                    .filter(|m| m.1 <= claim.span.end)
                    .map(|m| m.2),
            );
        }
        ids.extend(claim.source.entity.as_deref());
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}
