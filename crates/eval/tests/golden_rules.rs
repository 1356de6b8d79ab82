//! The sentence splitter must pass at least as many English golden-rules
//! cases as pySBD (47 of 48).

use crosscheck_eval::golden_rules;

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn golden_rules_at_least_pysbd() {
    let dir = crosscheck_testkit::shared("data/golden-rules");
    let report = golden_rules::evaluate(&dir).expect("golden rules evaluate");
    let passed = report.figure("passed").unwrap_or(0.0);
    assert!(passed >= 47.0, "passed {passed} of 48\n{report}");
}
