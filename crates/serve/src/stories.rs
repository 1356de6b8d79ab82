//! Stories as the server lists them: each with its documents, date span,
//! outlets, the entities its claims name most, and the propositions, stance
//! timelines and quote groups that belong to it.
//!
//! Until the ledger groups documents into stories, everything stored is one
//! story, `s1`.

use crosscheck_model::Ledger;

use crate::filter::ClaimQuery;
use crate::index::IndexError;
use crate::snapshot::Snapshot;

/// Entities shown for a story.
const TOP_ENTITIES: usize = 8;

/// One story and what belongs to it (positions in the ledger's lists).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryInfo {
    /// `s1`, `s2`, …
    pub id: String,
    /// Title of its earliest document.
    pub title: Option<String>,
    /// Its documents.
    pub documents: Vec<usize>,
    /// Earliest document date, ISO.
    pub first: Option<String>,
    /// Latest document date, ISO.
    pub last: Option<String>,
    /// Distinct outlets, in order of first appearance.
    pub outlets: Vec<String>,
    /// The entities its claims name most, with how many claims name each.
    pub entities: Vec<(String, usize)>,
    /// Its claims.
    pub claims: usize,
    /// Its propositions with conflicting values.
    pub conflicts: usize,
    /// Its propositions.
    pub propositions: Vec<usize>,
    /// Its stance timelines.
    pub stance_timelines: Vec<usize>,
    /// Its quote groups.
    pub quote_groups: Vec<usize>,
}

/// The stories of a ledger, largest first, and each document's story
/// (by position).
pub fn group(ledger: &Ledger) -> (Vec<StoryInfo>, Vec<usize>) {
    if ledger.documents.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut story = StoryInfo {
        id: "s1".to_string(),
        documents: (0..ledger.documents.len()).collect(),
        propositions: (0..ledger.propositions.len()).collect(),
        stance_timelines: (0..ledger.stance_timelines.len()).collect(),
        quote_groups: (0..ledger.quote_groups.len()).collect(),
        ..StoryInfo::default()
    };
    describe(&mut story, ledger);
    (vec![story], vec![0; ledger.documents.len()])
}

/// Title, dates, outlets and conflicts from the story's documents and
/// propositions.
fn describe(story: &mut StoryInfo, ledger: &Ledger) {
    let mut dated: Vec<(chrono::NaiveDate, usize)> = Vec::new();
    for &d in &story.documents {
        let doc = &ledger.documents[d];
        if let Some(outlet) = &doc.outlet {
            if !story.outlets.contains(outlet) {
                story.outlets.push(outlet.clone());
            }
        }
        if let Some((date, _)) = doc.placed_date() {
            dated.push((date, d));
        }
    }
    dated.sort();
    story.first = dated.first().map(|(date, _)| date.to_string());
    story.last = dated.last().map(|(date, _)| date.to_string());
    let earliest = dated
        .first()
        .map(|&(_, d)| d)
        .or(story.documents.first().copied());
    story.title = earliest.and_then(|d| ledger.documents[d].title.clone());
    story.conflicts = story
        .propositions
        .iter()
        .filter(|&&p| Snapshot::is_conflict(ledger.propositions[p].status))
        .count();
}

/// What needs the claim index: claim counts and top entities.
pub fn finish(snapshot: &mut Snapshot) -> Result<(), IndexError> {
    let mut stories = std::mem::take(&mut snapshot.stories);
    for story in &mut stories {
        let query = ClaimQuery {
            story: Some(story.id.clone()),
            ..ClaimQuery::default()
        };
        story.claims = snapshot.index.count(&query)?;
        story.entities = snapshot.index.entity_counts(&query, TOP_ENTITIES)?;
    }
    snapshot.stories = stories;
    Ok(())
}
