//! The cross-document stage: canonical entities, propositions grouping claims
//! about the same measured thing, agreement and conflict, stance timelines,
//! quote groups, the story timeline and per-document and per-outlet sourcing.
//!
//! Every step buckets claims by a key (head noun, actor, speaker, document)
//! before comparing any two, so the stage grows near-linearly with the number
//! of claims.

mod dates;
mod entities;
#[cfg(feature = "fixture")]
pub mod fixture;
mod measures;
mod propositions;
mod quotes;
mod sourcing;
mod stances;
mod timeline;

use crosscheck_model::{Claim, Document, Entity, Ledger};

pub use dates::calendar_value;
pub use entities::name_key;
pub use propositions::{format_number, value_text_of};
pub use sourcing::{sourcing_ranking, UNKNOWN_OUTLET};
pub use stances::polarity_verb;
pub use timeline::claim_summary;

/// Builds the ledger from analysed documents and their claims.
pub fn build_ledger(documents: Vec<Document>, claims: Vec<Claim>) -> Ledger {
    let entities = crosscheck_ner::resolve_entities(&documents);
    build_ledger_with_entities(documents, claims, entities)
}

/// Builds the ledger with canonical entities already resolved (by
/// [`crosscheck_ner::resolve_entities`] or kept from an earlier run).
pub fn build_ledger_with_entities(
    documents: Vec<Document>,
    mut claims: Vec<Claim>,
    entities: Vec<Entity>,
) -> Ledger {
    let names = entities::NameIndex::new(&entities, &documents);
    entities::link_sources(&mut claims, &entities, &names);
    let infos = dates::doc_infos(&documents);
    let contexts = entities::sentence_contexts(&documents, &claims);
    let grouping = propositions::group(&claims, &contexts, &infos);
    let stance_timelines = stances::stance_timelines(&claims, &infos, &names);
    let quote_groups = quotes::quote_groups(&claims, &infos, &names);
    let timeline = timeline::timeline(&documents, &claims, &infos);
    let mut ledger = Ledger::new(documents, claims);
    ledger.entities = entities;
    ledger.propositions = grouping.propositions;
    ledger.stance_timelines = stance_timelines;
    ledger.quote_groups = quote_groups;
    ledger.timeline = timeline;
    sourcing::fill(&mut ledger, &grouping.uncorroborated);
    ledger
}
