//! TIMEX3 extraction on TimeBank must stay above the floor it reached
//! (value F1 above HeidelTime's published TempEval-3 figure, 0.776).

use crosscheck_eval::timebank;

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn timebank_value_f1_floor() {
    let dir = crosscheck_testkit::shared("data/timebank");
    let report = timebank::evaluate(&dir).expect("timebank evaluate");
    let figure = |name: &str| report.figure(name).unwrap_or(0.0);
    assert!(figure("value_f1") >= 0.79, "{report}");
    assert!(figure("relaxed_f1") >= 0.925, "{report}");
    assert!(figure("strict_f1") >= 0.845, "{report}");
}
