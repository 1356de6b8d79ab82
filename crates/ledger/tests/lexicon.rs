//! The ledger reads the lexicon it is given, not a process-wide one.

use std::sync::Arc;

use crosscheck_ledger::fixture::{organization, ArticleBuilder};
use crosscheck_ledger::{LedgerBuilder, Lexicon, LexiconData, PartitionedLedger};
use crosscheck_model::json::{write_json, JsonOptions, LedgerForm, LedgerWriter};
use crosscheck_model::{Claim, Document, EntityType, Polarity, GENERATOR};
use crosscheck_stories::StoryIndex;

/// One invented article: "the Quorvan wardens" (an invented body of an
/// invented state) deny a canal toll.
fn article() -> (Vec<Document>, Vec<Claim>) {
    let mut a =
        ArticleBuilder::new("q1", "Lantern Post", "Canal toll disputed").published("2031-02-03");
    let s = a.sentence("In Quorva, the Quorvan wardens denied the canal toll.");
    a.mention(s, "Quorva", EntityType::Location, None, None);
    a.stance(
        s,
        "the Quorvan wardens",
        Polarity::Deny,
        "the canal toll",
        organization("Quorvan wardens"),
    );
    let (doc, claims) = a.build();
    (vec![doc], claims)
}

fn actors(builder: &LedgerBuilder) -> Vec<String> {
    let (documents, claims) = article();
    let ledger = builder.build(documents, claims);
    ledger
        .stance_timelines
        .iter()
        .map(|t| t.actor.clone())
        .collect()
}

/// A lexicon where "wardens" (no state body in the standard one) is one.
fn wardens_lexicon() -> Arc<Lexicon> {
    let data = LexiconData {
        government_nouns: "# invented\nwardens\n",
        ..LexiconData::standard()
    };
    Arc::new(Lexicon::parse(
        &data,
        crosscheck_subject::Lexicon::standard(),
    ))
}

#[test]
fn a_swapped_lexicon_is_the_one_read() {
    // "wardens" is no state body in the standard lexicon: the actor stays
    // as written.
    let standard = actors(&LedgerBuilder::new());
    assert!(!standard.iter().any(|a| a == "Quorva"), "{standard:?}");
    // A lexicon where it is one makes the wardens speak for their state.
    let swapped = actors(&LedgerBuilder::with_lexicon(wardens_lexicon()));
    assert_eq!(swapped, ["Quorva"]);
}

// Test code: a failed unwrap is a failed test.
#[allow(clippy::unwrap_used)]
#[test]
fn the_partitioned_ledger_reads_its_lexicon_too() {
    let lexicon = wardens_lexicon();
    let (documents, claims) = article();
    let in_memory =
        LedgerBuilder::with_lexicon(Arc::clone(&lexicon)).build(documents.clone(), claims.clone());
    let mut want = Vec::new();
    write_json(
        &in_memory,
        &mut want,
        JsonOptions {
            pretty: false,
            with_text: false,
        },
    )
    .unwrap();

    let spill = tempfile::tempdir().unwrap();
    let mut ledger = PartitionedLedger::spilling_in(StoryIndex::new(), spill.path())
        .unwrap()
        .with_lexicon(lexicon);
    for doc in documents {
        ledger.add(doc, claims.clone()).unwrap();
    }
    let writer = LedgerWriter::new(
        Vec::new(),
        LedgerForm::Json { pretty: false },
        false,
        GENERATOR,
    )
    .unwrap();
    let (got, _) = ledger.write(writer).unwrap();
    assert_eq!(
        String::from_utf8(got).unwrap(),
        String::from_utf8(want).unwrap()
    );
    assert_eq!(
        in_memory.stance_timelines.first().map(|t| t.actor.as_str()),
        Some("Quorva")
    );
}
