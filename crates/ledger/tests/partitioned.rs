//! The ledger built story by story from spilled documents is the ledger
//! built in memory, byte for byte, in every file form: on the invented
//! story of the fixture and on the real seed articles (read at run time
//! from ../shared; nothing from them is stored here).

// The helpers below are test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod support;

use crosscheck_ledger::{build_ledger, PartitionedLedger};
use crosscheck_model::json::{write_json, write_lines, JsonOptions, LedgerForm, LedgerWriter};
use crosscheck_model::{Claim, Document, GENERATOR};
use crosscheck_stories::StoryIndex;

/// Each form a ledger file has: (lines, pretty, with text).
const FORMS: [(bool, bool, bool); 5] = [
    (false, false, false),
    (false, true, false),
    (false, false, true),
    (true, false, false),
    (true, false, true),
];

fn in_memory(documents: &[Document], claims: &[Claim], form: (bool, bool, bool)) -> String {
    let ledger = build_ledger(documents.to_vec(), claims.to_vec());
    let (lines, pretty, with_text) = form;
    let mut out = Vec::new();
    if lines {
        write_lines(&ledger, &mut out, with_text).unwrap();
    } else {
        write_json(&ledger, &mut out, JsonOptions { pretty, with_text }).unwrap();
    }
    String::from_utf8(out).unwrap()
}

fn by_story(documents: &[Document], claims: &[Claim], form: (bool, bool, bool)) -> String {
    let spill = tempfile::tempdir().unwrap();
    let mut ledger = PartitionedLedger::spilling_in(StoryIndex::new(), spill.path()).unwrap();
    for doc in documents {
        let own: Vec<Claim> = claims.iter().filter(|c| c.doc == doc.id).cloned().collect();
        ledger.add(doc.clone(), own).unwrap();
    }
    let (lines, pretty, with_text) = form;
    let shape = if lines {
        LedgerForm::Lines
    } else {
        LedgerForm::Json { pretty }
    };
    let writer = LedgerWriter::new(Vec::new(), shape, with_text, GENERATOR).unwrap();
    let (out, counts) = ledger.write(writer).unwrap();
    assert_eq!(counts.documents, documents.len());
    assert_eq!(counts.claims, claims.len());
    String::from_utf8(out).unwrap()
}

fn assert_same(documents: &[Document], claims: &[Claim]) {
    for form in FORMS {
        let whole = in_memory(documents, claims, form);
        let parted = by_story(documents, claims, form);
        if whole != parted {
            let at = whole
                .bytes()
                .zip(parted.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(whole.len().min(parted.len()));
            let from = at.saturating_sub(200);
            panic!(
                "{form:?}: the ledgers differ at byte {at}:\n in memory: {}\n by story:  {}",
                whole.get(from..(at + 200).min(whole.len())).unwrap_or(""),
                parted.get(from..(at + 200).min(parted.len())).unwrap_or("")
            );
        }
    }
}

#[test]
fn the_invented_story_is_the_same_ledger_by_story() {
    let (documents, claims) = crosscheck_ledger::fixture::story();
    assert!(!claims.is_empty());
    assert_same(&documents, &claims);
}

#[test]
fn a_document_given_twice_is_refused() {
    let (documents, _) = crosscheck_ledger::fixture::story();
    let mut ledger = PartitionedLedger::new(StoryIndex::new()).unwrap();
    ledger.add(documents[0].clone(), Vec::new()).unwrap();
    let err = ledger.add(documents[0].clone(), Vec::new()).unwrap_err();
    assert!(err.to_string().contains("given twice"), "{err}");
}

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn the_seeds_are_the_same_ledger_by_story() {
    let (documents, claims) = support::analysed_seeds();
    assert_eq!(documents.len(), 5);
    assert_same(&documents, &claims);
}
