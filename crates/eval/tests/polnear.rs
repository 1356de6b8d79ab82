//! PolNeAR dev floors for quote and source attribution, read from
//! `../shared/data/polnear` at run time.

use std::path::PathBuf;

use crosscheck_attribution::QuoteExtractor;
use crosscheck_eval::polnear::{self, document, predictions_from_claims};

fn polnear_dir() -> PathBuf {
    crosscheck_testkit::shared("data/polnear")
}

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn dev_scores_hold_their_floors() {
    let dir = polnear_dir();
    let report = match polnear::evaluate(&dir, &polnear::Split::Dev) {
        Ok(r) => r,
        Err(e) => panic!("polnear evaluation failed: {e}"),
    };
    // Floors just under the measured figures (BENCHMARKS.md).
    let floors = [
        ("direct_content_overlap_f1", 0.87),
        ("direct_content_exact_f1", 0.84),
        ("direct_content_overlap_p", 0.84),
        ("direct_content_overlap_r", 0.90),
        ("source_accuracy", 0.81),
        ("direct_source_accuracy", 0.87),
        ("content_overlap_f1", 0.65),
        ("content_overlap_r", 0.62),
        ("content_exact_f1", 0.47),
        ("source_overlap_f1", 0.57),
        ("source_exact_f1", 0.43),
    ];
    for (name, floor) in floors {
        let value = report.figure(name).unwrap_or(0.0);
        assert!(
            value >= floor,
            "{name} = {value:.4} fell below {floor}\n{report}"
        );
    }
}

#[test]
fn split_quotes_merge_into_one_prediction() {
    for text in [
        "“We will leave this harbour with full nets,” he said, “the best season the fleet has known.”",
        "''We will leave this harbour with full nets,'' he said, ''the best season the fleet has known.''",
    ] {
        let doc = document("t", text);
        let claims = QuoteExtractor::new().extract(&doc);
        assert_eq!(claims.len(), 2, "{claims:#?}");
        let pred = predictions_from_claims(text, &claims);
        assert_eq!(pred.len(), 1, "{pred:?} from {claims:#?}");
    }
}

/// The untouched held-out part of train (never tuned on): floors just
/// under its measured figures, so that a change that only fits dev shows.
#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn heldout_scores_hold_their_floors() {
    let dir = polnear_dir();
    let report = match polnear::evaluate(&dir, &polnear::Split::Heldout) {
        Ok(r) => r,
        Err(e) => panic!("polnear evaluation failed: {e}"),
    };
    for (name, floor) in [
        ("content_overlap_f1", 0.63),
        ("direct_content_exact_f1", 0.82),
        ("direct_source_accuracy", 0.87),
    ] {
        let value = report.figure(name).unwrap_or(0.0);
        assert!(
            value >= floor,
            "{name} = {value:.4} fell below {floor}\n{report}"
        );
    }
}
