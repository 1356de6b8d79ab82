//! The ledger of the real seed articles (read at run time from
//! ../shared/corpus/seeds; nothing from them is stored here): troop figures
//! grouped across documents, governments changing position, and the
//! anonymous-sourcing ranking.

use std::path::PathBuf;

use crosscheck_analyze::Analyzer;
use crosscheck_ledger::{build_ledger, sourcing_ranking};
use crosscheck_model::{Ledger, Polarity, PropositionStatus};

fn seeds_dir() -> Option<PathBuf> {
    let shared = std::env::var_os("CROSSCHECK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = shared.join("corpus/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("seed corpus missing at {}", dir.display());
    }
    eprintln!(
        "\n*** SKIPPED: seed corpus not found at {} ***\n",
        dir.display()
    );
    None
}

fn seed_ledger() -> Option<Ledger> {
    let dir = seeds_dir()?;
    let (inputs, errors) = crosscheck_ingest::discover(&[dir]);
    assert!(errors.is_empty(), "{errors:?}");
    let analyzer = Analyzer::new();
    let (mut documents, mut claims) = (Vec::new(), Vec::new());
    for input in &inputs {
        crosscheck_ingest::read_input(input, &mut |result| {
            if let Ok(doc) = result {
                let analysed = analyzer.analyze(doc);
                documents.push(analysed.document);
                claims.extend(analysed.claims);
            }
        });
    }
    Some(build_ledger(documents, claims))
}

#[test]
fn seed_ledger_groups_conflicts_stances_and_sourcing() {
    let Some(ledger) = seed_ledger() else { return };
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
    assert!(matches!(
        troops.status,
        PropositionStatus::Conflicting | PropositionStatus::Evolving
    ));
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
