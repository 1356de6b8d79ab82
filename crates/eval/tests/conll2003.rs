//! CoNLL-2003 English: the recogniser must keep its measured entity F1 on
//! dev (tuned on) and on the training documents the model never saw (floors
//! just under the figures in BENCHMARKS.md).

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn conll2003_dev_and_held_out_f1_above_floors() {
    let dir = crosscheck_testkit::shared("data/conll2003");
    for (report, floor) in [
        (crosscheck_eval::conll2003::evaluate(&dir), 0.93),
        (crosscheck_eval::conll2003::evaluate_holdout(&dir), 0.91),
    ] {
        let report = report.expect("evaluation runs");
        eprintln!("{report}");
        let f1 = report.figure("f1").expect("f1 reported");
        assert!(
            f1 >= floor,
            "{}: F1 {f1:.4} fell below {floor}",
            report.name
        );
        let tagger = report.figure("tagger_f1").expect("tagger f1 reported");
        assert!(
            tagger >= floor,
            "{}: tagger F1 {tagger:.4} below {floor}",
            report.name
        );
    }
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let err =
        crosscheck_eval::conll2003::evaluate_file(std::path::Path::new("/nonexistent/x.conllu"))
            .expect_err("no such file");
    assert!(err.to_string().contains("/nonexistent/x.conllu"), "{err}");
}
