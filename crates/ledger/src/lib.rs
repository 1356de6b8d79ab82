//! The cross-document stage: stories, canonical entities, propositions
//! grouping claims about the same measured thing, agreement and conflict,
//! stance timelines, quote groups, the story timelines and per-document and
//! per-outlet sourcing.
//!
//! Documents are first grouped into stories (`crosscheck-stories`); every
//! comparison (figures, stances, quotes, the timeline) happens within one
//! story, never across stories. Within a story every step buckets claims by
//! a key (head noun, actor, speaker, document) before comparing any two, so
//! the stage grows near-linearly with the number of claims.
//!
//! The word lists the stage reads live in one [`Lexicon`], handed down to
//! each step. The `build_ledger*` functions and [`PartitionedLedger::new`]
//! read the standard one; [`LedgerBuilder::with_lexicon`] and
//! [`PartitionedLedger::with_lexicon`] build over another (a test's own).

mod dates;
mod entities;
mod figure_time;
#[cfg(feature = "fixture")]
pub mod fixture;
mod lexicon;
mod measures;
mod parties;
mod partitioned;
mod propositions;
mod quotes;
mod sourcing;
mod stances;
mod stories;
mod timeline;
mod verdict;
mod words;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crosscheck_model::{Claim, Document, Entity, Ledger};
use crosscheck_stories::StoryIndex;

pub use dates::calendar_value;
pub use entities::name_key;
pub use figure_time::{figure_time, figure_time_with, FigureTime};
pub use lexicon::{Lexicon, LexiconData};
pub use partitioned::{LedgerCounts, PartitionedLedger};
pub use propositions::{format_number, value_text_of};
pub use sourcing::{add_counts as add_sourcing_counts, sourcing_ranking, UNKNOWN_OUTLET};
pub use stances::polarity_verb;
pub use stories::assign_stories;
pub use timeline::claim_summary;

/// Builds the ledger from analysed documents and their claims, grouping the
/// documents into stories first (in input order; documents that already
/// name a story keep it).
pub fn build_ledger(documents: Vec<Document>, claims: Vec<Claim>) -> Ledger {
    LedgerBuilder::new().build(documents, claims)
}

/// Builds the ledger, giving documents without a story one from `index`
/// (a store's index, loaded and extended, or a fresh one) and resolving
/// canonical entities. The index is dropped once every document names its
/// story, before the ledger's own work: a caller that keeps an index (a
/// store) has saved what it learnt already.
pub fn build_ledger_with_index(
    documents: Vec<Document>,
    claims: Vec<Claim>,
    index: StoryIndex,
) -> Ledger {
    LedgerBuilder::new().build_with_index(documents, claims, index)
}

/// Builds the ledger with canonical entities already resolved (by
/// [`crosscheck_ner::resolve_entities`] or kept from an earlier run).
/// Documents without a story are clustered by a fresh [`StoryIndex`].
pub fn build_ledger_with_entities(
    documents: Vec<Document>,
    claims: Vec<Claim>,
    entities: Vec<Entity>,
) -> Ledger {
    LedgerBuilder::new().build_with_entities(documents, claims, entities)
}

/// Builds the ledger with canonical entities already resolved, giving
/// documents without a story one from `index` (dropped once they all have
/// one).
pub fn build_ledger_with_stories(
    documents: Vec<Document>,
    claims: Vec<Claim>,
    entities: Vec<Entity>,
    index: StoryIndex,
) -> Ledger {
    LedgerBuilder::new().build_with_stories(documents, claims, entities, index)
}

/// Builds ledgers over one [`Lexicon`]: the `build_ledger*` functions are
/// its methods over the standard lexicon.
#[derive(Debug, Clone)]
pub struct LedgerBuilder {
    lexicon: Arc<Lexicon>,
}

impl Default for LedgerBuilder {
    fn default() -> LedgerBuilder {
        LedgerBuilder::new()
    }
}

impl LedgerBuilder {
    /// A builder over the standard lexicon (shared, parsed once).
    pub fn new() -> LedgerBuilder {
        LedgerBuilder::with_lexicon(Lexicon::standard())
    }

    /// A builder reading `lexicon`.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> LedgerBuilder {
        LedgerBuilder { lexicon }
    }

    /// As [`build_ledger`].
    pub fn build(&self, documents: Vec<Document>, claims: Vec<Claim>) -> Ledger {
        self.build_with_index(documents, claims, StoryIndex::new())
    }

    /// As [`build_ledger_with_index`].
    pub fn build_with_index(
        &self,
        mut documents: Vec<Document>,
        claims: Vec<Claim>,
        mut index: StoryIndex,
    ) -> Ledger {
        stories::assign_stories(&mut documents, &mut index);
        drop(index);
        let entities = crosscheck_ner::resolve_entities(&documents);
        build_grouped(&self.lexicon, documents, claims, entities)
    }

    /// As [`build_ledger_with_entities`].
    pub fn build_with_entities(
        &self,
        documents: Vec<Document>,
        claims: Vec<Claim>,
        entities: Vec<Entity>,
    ) -> Ledger {
        self.build_with_stories(documents, claims, entities, StoryIndex::new())
    }

    /// As [`build_ledger_with_stories`].
    pub fn build_with_stories(
        &self,
        mut documents: Vec<Document>,
        claims: Vec<Claim>,
        entities: Vec<Entity>,
        mut index: StoryIndex,
    ) -> Ledger {
        stories::assign_stories(&mut documents, &mut index);
        drop(index);
        build_grouped(&self.lexicon, documents, claims, entities)
    }
}

/// The ledger of documents that each name their story.
fn build_grouped(
    lexicon: &Lexicon,
    documents: Vec<Document>,
    mut claims: Vec<Claim>,
    entities: Vec<Entity>,
) -> Ledger {
    let stories = stories::summaries(&documents, &entities);
    // Claims grouped story by story (in story order), each story's in input
    // order: every later step works on one story's slice.
    let rank: HashMap<&str, usize> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let story_rank: HashMap<&str, usize> = documents
        .iter()
        .map(|d| {
            let r = d.story.as_deref().and_then(|s| rank.get(s)).copied();
            (d.id.as_str(), r.unwrap_or(usize::MAX))
        })
        .collect();
    claims.sort_by_key(|c| {
        story_rank
            .get(c.doc.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    });
    let claim_ranges = ranges(&claims, |c| {
        story_rank
            .get(c.doc.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    });

    let names = entities::NameIndex::new(lexicon, &entities, &documents);
    entities::link_sources(&mut claims, &entities, &names);
    let infos = dates::doc_infos(&documents);
    let contexts = entities::sentence_contexts(&documents, &claims);
    let docs_by_id: HashMap<&str, &Document> =
        documents.iter().map(|d| (d.id.as_str(), d)).collect();

    let mut propositions = Vec::new();
    let mut uncorroborated: HashSet<String> = HashSet::new();
    let mut stance_timelines = Vec::new();
    let mut quote_groups = Vec::new();
    let mut timeline = Vec::new();
    for (position, story) in stories.iter().enumerate() {
        let range = claim_ranges.get(&position).cloned().unwrap_or(0..0);
        let story_claims = claims.get(range.clone()).unwrap_or(&[]);
        let story_contexts = contexts.get(range).unwrap_or(&[]);
        let story_docs: Vec<&Document> = story
            .documents
            .iter()
            .filter_map(|id| docs_by_id.get(id.as_str()).copied())
            .collect();
        let part = StoryPart::of(
            lexicon,
            story,
            &story_docs,
            story_claims,
            story_contexts,
            &infos,
            &names,
        );
        uncorroborated.extend(part.uncorroborated);
        propositions.extend(part.propositions);
        stance_timelines.extend(part.stance_timelines);
        quote_groups.extend(part.quote_groups);
        timeline.extend(part.timeline);
    }
    for (i, p) in propositions.iter_mut().enumerate() {
        p.id = format!("p{}", i + 1);
    }
    drop(docs_by_id);
    let mut ledger = Ledger::new(documents, claims);
    ledger.stories = stories;
    ledger.entities = entities;
    ledger.propositions = propositions;
    ledger.stance_timelines = stance_timelines;
    ledger.quote_groups = quote_groups;
    ledger.timeline = timeline;
    sourcing::fill(&mut ledger, &uncorroborated);
    ledger
}

/// What the ledger learns from one story: every comparison stays inside it.
struct StoryPart {
    propositions: Vec<crosscheck_model::Proposition>,
    /// Claim ids of figures that only one source gives.
    uncorroborated: HashSet<String>,
    stance_timelines: Vec<crosscheck_model::StanceTimeline>,
    quote_groups: Vec<crosscheck_model::QuoteGroup>,
    timeline: Vec<crosscheck_model::TimelineEntry>,
}

impl StoryPart {
    /// The propositions (not numbered yet), stance timelines, quote groups
    /// and timeline of `story`, from its documents and its claims (in input
    /// order, sources linked) with their sentence contexts.
    fn of(
        lexicon: &Lexicon,
        story: &crosscheck_model::Story,
        story_docs: &[&Document],
        story_claims: &[Claim],
        story_contexts: &[Vec<String>],
        infos: &HashMap<String, dates::DocInfo>,
        names: &entities::NameIndex,
    ) -> StoryPart {
        let judge = stories::StoryJudge::new(lexicon, story_docs, names);
        let grouping = propositions::group(
            lexicon,
            story_claims,
            story_contexts,
            infos,
            &story.id,
            &judge,
        );
        let mut stance_timelines = stances::stance_timelines(story_claims, infos, names);
        let mut quote_groups = quotes::quote_groups(story_claims, infos, names);
        let mut timeline = timeline::timeline(story_docs, story_claims, infos);
        for s in &mut stance_timelines {
            s.story = story.id.clone();
        }
        for q in &mut quote_groups {
            q.story = story.id.clone();
        }
        for e in &mut timeline {
            e.story = story.id.clone();
        }
        StoryPart {
            propositions: grouping.propositions,
            uncorroborated: grouping.uncorroborated,
            stance_timelines,
            quote_groups,
            timeline,
        }
    }
}

/// The index range of each run of equal keys in `items` (sorted by key).
fn ranges<T>(items: &[T], key: impl Fn(&T) -> usize) -> HashMap<usize, std::ops::Range<usize>> {
    let mut out: HashMap<usize, std::ops::Range<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        out.entry(key(item))
            .and_modify(|r| r.end = i + 1)
            .or_insert(i..i + 1);
    }
    out
}
