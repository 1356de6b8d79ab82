//! Stories as the server lists them: the ledger's stories, each with its
//! documents, date span, outlets, the entities its claims name most, and
//! the propositions, stance timelines and quote groups that belong to it.

use std::collections::HashMap;

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

/// The ledger's stories, largest first, and each document's story (by
/// position; a document the ledger left without a story gets one of its
/// own, which cannot happen once the ledger has grouped them).
pub fn group(ledger: &Ledger, docs: &HashMap<String, usize>) -> (Vec<StoryInfo>, Vec<usize>) {
    let mut stories: Vec<StoryInfo> = ledger
        .stories
        .iter()
        .map(|s| StoryInfo {
            id: s.id.clone(),
            title: s.title.clone(),
            first: s.first.clone(),
            last: s.last.clone(),
            outlets: s.outlets.clone(),
            documents: s
                .documents
                .iter()
                .filter_map(|d| docs.get(d).copied())
                .collect(),
            ..StoryInfo::default()
        })
        .collect();
    let mut seen = vec![false; ledger.documents.len()];
    for story in &stories {
        for &d in &story.documents {
            seen[d] = true;
        }
    }
    for (d, doc) in ledger.documents.iter().enumerate() {
        if !seen[d] {
            let mut lone = StoryInfo {
                id: doc
                    .story
                    .clone()
                    .unwrap_or_else(|| format!("doc-{}", doc.id)),
                documents: vec![d],
                ..StoryInfo::default()
            };
            describe_documents(&mut lone, ledger);
            stories.push(lone);
        }
    }
    stories.sort_by(|a, b| {
        b.documents
            .len()
            .cmp(&a.documents.len())
            .then_with(|| story_number(&a.id).cmp(&story_number(&b.id)))
    });
    let position: HashMap<&str, usize> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let (mut propositions, mut timelines, mut groups) = (
        vec![Vec::new(); stories.len()],
        vec![Vec::new(); stories.len()],
        vec![Vec::new(); stories.len()],
    );
    for (i, p) in ledger.propositions.iter().enumerate() {
        if let Some(&s) = position.get(p.story.as_str()) {
            propositions[s].push(i);
        }
    }
    for (i, t) in ledger.stance_timelines.iter().enumerate() {
        if let Some(&s) = position.get(t.story.as_str()) {
            timelines[s].push(i);
        }
    }
    for (i, g) in ledger.quote_groups.iter().enumerate() {
        if let Some(&s) = position.get(g.story.as_str()) {
            groups[s].push(i);
        }
    }
    let mut doc_story = vec![0; ledger.documents.len()];
    for (i, story) in stories.iter_mut().enumerate() {
        for &d in &story.documents {
            doc_story[d] = i;
        }
        story.propositions = std::mem::take(&mut propositions[i]);
        story.stance_timelines = std::mem::take(&mut timelines[i]);
        story.quote_groups = std::mem::take(&mut groups[i]);
        story.conflicts = story
            .propositions
            .iter()
            .filter(|&&p| Snapshot::is_conflict(ledger.propositions[p].status))
            .count();
    }
    (stories, doc_story)
}

/// `s12` → 12, for ordering stories of one size by age.
fn story_number(id: &str) -> u64 {
    id.trim_start_matches('s').parse().unwrap_or(u64::MAX)
}

/// Title, dates and outlets from the story's documents.
fn describe_documents(story: &mut StoryInfo, ledger: &Ledger) {
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
