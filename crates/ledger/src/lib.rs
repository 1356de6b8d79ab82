//! The cross-document stage: canonical entities, propositions grouping claims
//! about the same measured thing, agreement and conflict, stance timelines,
//! the story timeline and per-document and per-outlet sourcing.

use crosscheck_model::{Claim, Document, Ledger};

/// Builds the ledger from analysed documents and their claims.
pub fn build_ledger(documents: Vec<Document>, claims: Vec<Claim>) -> Ledger {
    let mut ledger = Ledger::new(documents, claims);
    ledger.entities = crosscheck_ner::resolve_entities(&ledger.documents);
    ledger // PLACEHOLDER: propositions, timeline, sourcing
}
