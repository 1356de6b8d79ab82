//! CoNLL-2003 English: the recogniser must keep its measured entity F1 on
//! dev (tuned on) and on the training documents the model never saw (floors
//! just under the figures in BENCHMARKS.md).

use std::path::PathBuf;

fn conll_dir() -> Option<PathBuf> {
    let dir = crosscheck_eval::default_shared_dir().join("data/conll2003");
    if dir.join("dev.conllu").exists() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("CoNLL-2003 data missing at {}", dir.display());
    }
    eprintln!("SKIPPED: CoNLL-2003 data not found at {}", dir.display());
    None
}

#[test]
fn conll2003_dev_and_held_out_f1_above_floors() {
    let Some(dir) = conll_dir() else { return };
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
