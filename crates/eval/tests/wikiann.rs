//! WikiANN English test split: the recogniser must keep its measured
//! entity F1 (floor just under the figure in BENCHMARKS.md).

use std::path::Path;

// The tagger is trained on CoNLL-2003 newswire, not on WikiANN's
// Wikipedia-title conventions (0.474 in BENCHMARKS.md).
const F1_FLOOR: f64 = 0.45;

#[test]
fn wikiann_test_f1_above_floor() {
    let shared = std::env::var_os("CROSSCHECK_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = shared.join("data/wikiann-en");
    if !dir.join("test").exists() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("WikiANN data missing at {}", dir.display());
        }
        eprintln!("SKIPPED: WikiANN data not found at {}", dir.display());
        return;
    }
    let report = crosscheck_eval::wikiann::evaluate(&dir).expect("evaluation runs");
    eprintln!("{report}");
    let f1 = report.figure("f1").expect("f1 reported");
    assert!(f1 >= F1_FLOOR, "WikiANN F1 {f1:.4} fell below {F1_FLOOR}");
}
