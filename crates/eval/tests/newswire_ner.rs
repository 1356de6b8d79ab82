//! Runs the newswire NER scorer (and its unit tests) against the shared
//! Reuters corpus.

use crosscheck_eval::{EvalError, EvalReport};

use crosscheck_eval::newswire_ner;

#[test]
fn newswire_ner_scores_every_gold_sentence() {
    let shared = crosscheck_eval::default_shared_dir();
    if !newswire_ner::corpus_path(&shared).exists() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "Reuters corpus missing under CI"
        );
        eprintln!(
            "SKIPPED: no Reuters-21578 corpus under {}",
            shared.display()
        );
        return;
    }
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
