//! Runs the newswire NER scorer (and its unit tests) against the shared
//! Reuters corpus.

use crosscheck_eval::{EvalError, EvalReport};

use crosscheck_eval::newswire_ner;

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn newswire_ner_scores_every_gold_sentence() {
    let shared = crosscheck_testkit::shared_dir();
    crosscheck_testkit::shared("corpus/reuters21578");
    let report: Result<EvalReport, EvalError> = newswire_ner::evaluate(&shared);
    let report = report.expect("scorer runs");
    // Floors a few points under the figures in BENCHMARKS.md (dev 0.788,
    // test 0.741; spaCy's small model 0.684 / 0.668), so a regression fails.
    for (split, floor) in [("dev", 0.76), ("test", 0.71)] {
        assert!(report.figure(&format!("{split}_sentences")).unwrap_or(0.0) >= 100.0);
        let f1 = report.figure(&format!("{split}_f1")).unwrap_or(-1.0);
        assert!(f1 >= floor && f1 <= 1.0, "{split} f1 {f1} under {floor}");
    }
}
