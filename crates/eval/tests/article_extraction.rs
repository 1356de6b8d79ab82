//! Regression floor for HTML body extraction on the article-extraction
//! benchmark (read at run time from the shared folder). The floors sit just
//! under the measured figures (see BENCHMARKS.md), so a change that
//! loses extraction quality fails here.

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn article_extraction_stays_above_its_floor() {
    let dir = crosscheck_testkit::shared("data/article-extraction");
    let report = match crosscheck_eval::article_extraction::evaluate(&dir) {
        Ok(r) => r,
        Err(e) => panic!("evaluation failed: {e}"),
    };
    let figure = |name: &str| report.figure(name).unwrap_or(f64::NAN);
    assert_eq!(figure("pages"), 181.0, "{report}");
    let floors = [
        ("f1", 0.970),
        ("precision", 0.968),
        ("recall", 0.972),
        ("accuracy", 0.36),
    ];
    for (name, floor) in floors {
        assert!(
            figure(name) >= floor,
            "{name} {} fell below {floor}\n{report}",
            figure(name)
        );
    }
}
