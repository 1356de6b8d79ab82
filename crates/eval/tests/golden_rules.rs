//! The sentence splitter must pass at least as many English golden-rules
//! cases as pySBD (47 of 48).

use crosscheck_eval::{default_shared_dir, golden_rules};

#[test]
fn golden_rules_at_least_pysbd() {
    let dir = default_shared_dir().join("data/golden-rules");
    if !dir.join("english.json").exists() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("golden-rules data missing at {}", dir.display());
        }
        eprintln!("SKIPPED: golden-rules data missing at {}", dir.display());
        return;
    }
    let report = golden_rules::evaluate(&dir).expect("golden rules evaluate");
    let passed = report.figure("passed").unwrap_or(0.0);
    assert!(passed >= 47.0, "passed {passed} of 48\n{report}");
}
