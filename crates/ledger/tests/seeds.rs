//! The ledger of the real seed articles (read at run time from
//! ../shared/corpus/seeds; nothing from them is stored here): troop figures
//! grouped across documents, governments changing position, and the
//! anonymous-sourcing ranking.

mod support;

use crosscheck_analyze::Analyzer;

use crosscheck_ledger::{build_ledger, sourcing_ranking};
use crosscheck_model::{Ledger, Polarity, PropositionStatus};

fn seed_ledger() -> Ledger {
    let (documents, claims) = support::analysed_seeds();
    build_ledger(documents, claims)
}

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn seed_ledger_groups_conflicts_stances_and_sourcing() {
    let ledger = seed_ledger();
    assert_eq!(ledger.documents.len(), 5);

    // Every troop figure the extractors found sits in one proposition.
    let troop_claims: Vec<&str> = ledger
        .claims
        .iter()
        .filter(|c| {
            c.quantity()
                .and_then(|q| q.measure.as_ref())
                .is_some_and(|s| {
                    s.head == "troop" && s.entities.iter().any(|e| e.contains("korean"))
                })
        })
        .map(|c| c.id.as_str())
        .collect();
    let troops = ledger
        .propositions
        .iter()
        .max_by_key(|p| p.values.len())
        .expect("a proposition");
    let docs: std::collections::BTreeSet<&str> =
        troops.values.iter().map(|v| v.doc.as_str()).collect();
    eprintln!(
        "troop proposition: {} values from {} documents, {:?}: {}",
        troops.values.len(),
        docs.len(),
        troops.status,
        troops.explanation
    );
    assert!(docs.len() >= 3, "{troops:#?}");
    // An early first batch (1,500) and a later total (14,000) in reports
    // that do not say when each held: a series, never a conflict.
    assert_eq!(
        troops.status,
        PropositionStatus::Evolving,
        "{}",
        troops.explanation
    );
    assert!(
        ledger
            .propositions
            .iter()
            .all(|p| p.status != PropositionStatus::Conflicting),
        "{:#?}",
        ledger.propositions
    );

    // The five articles are one story.
    assert_eq!(ledger.stories.len(), 1, "{:#?}", ledger.stories);
    assert_eq!(ledger.stories[0].documents.len(), 5);
    for id in &troop_claims {
        assert!(troops.claims.iter().any(|c| c == id), "{id} not grouped");
    }

    // Russia (also written Moscow, the Kremlin) denied and later confirmed.
    let russia = ledger
        .stance_timelines
        .iter()
        .find(|t| t.actor == "Russia")
        .unwrap_or_else(|| panic!("{:#?}", ledger.stance_timelines));
    let polarities: Vec<Polarity> = russia.steps.iter().map(|s| s.polarity).collect();
    eprintln!("Russia: {polarities:?}");
    assert!(russia.changed);
    assert!(polarities.contains(&Polarity::Deny));
    assert!(polarities
        .iter()
        .any(|p| matches!(p, Polarity::Confirm | Polarity::Acknowledge)));

    // The article resting most on anonymous sources ranks first.
    let ranking = sourcing_ranking(&ledger);
    let first = ranking
        .first()
        .and_then(|(id, _)| ledger.documents.iter().find(|d| &d.id == id));
    eprintln!(
        "ranking: {:?}",
        ranking
            .iter()
            .map(|(id, share)| {
                let source = ledger
                    .documents
                    .iter()
                    .find(|d| &d.id == id)
                    .map_or("", |d| d.source.as_str());
                (
                    source.rsplit('/').next().unwrap_or(""),
                    (share * 100.0).round(),
                )
            })
            .collect::<Vec<_>>()
    );
    assert!(
        first.is_some_and(|d| d.source.contains("000_")),
        "{ranking:?}"
    );
}

/// The seed articles mixed with the first 2,000 Reuters-21578 stories form
/// exactly one story holding all five and no Reuters story.
#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn seeds_among_reuters_stories_are_one_story_of_their_own() {
    let seeds = crosscheck_testkit::shared("corpus/seeds");
    let reuters = crosscheck_testkit::shared("corpus/reuters21578/reuters21578.jsonl");
    let (inputs, errors) = crosscheck_ingest::discover(&[seeds, reuters]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut documents = Vec::new();
    for input in &inputs {
        let mut taken = 0;
        crosscheck_ingest::read_input(input, &mut |result| {
            if let (Ok(doc), true) = (result, taken < 2000) {
                taken += 1;
                documents.push(doc);
            }
        });
    }
    let seed_ids: std::collections::HashSet<String> = documents
        .iter()
        .filter(|d| !d.source.contains("reuters21578"))
        .map(|d| d.id.clone())
        .collect();
    assert_eq!(seed_ids.len(), 5);
    let analyzer = Analyzer::new();
    let mut seen = std::collections::HashSet::new();
    let mut near = crosscheck_ingest::NearDuplicateIndex::new();
    let mut index = crosscheck_stories::StoryIndex::new();
    for mut doc in documents {
        if !seen.insert(doc.id.clone()) {
            continue;
        }
        doc.duplicate_of = near.check(&doc);
        let analysed = analyzer.analyze(doc).document;
        index.add(&crosscheck_stories::DocumentProfile::of(&analysed));
    }
    let holding: Vec<_> = index
        .stories()
        .filter(|s| s.documents.iter().any(|d| seed_ids.contains(d)))
        .collect();
    assert_eq!(holding.len(), 1, "the seeds are split: {holding:#?}");
    let story = holding[0];
    let others: Vec<&String> = story
        .documents
        .iter()
        .filter(|d| !seed_ids.contains(*d))
        .collect();
    assert!(
        others.is_empty(),
        "Reuters stories joined the seeds: {others:?}"
    );
    assert_eq!(story.documents.len(), 5);
}
