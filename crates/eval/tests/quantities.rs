//! Floors a few points under the measured quantity figures (BENCHMARKS.md,
//! "Figures"), so a regression fails: value F1 on the CQE sets and on the
//! hand-annotated news dev set, unit accuracy on units-test.

use crosscheck_eval::quantities;

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn quantities_floors() {
    crosscheck_testkit::shared("data/quantities/units-test.json");
    let shared = crosscheck_testkit::shared_dir();
    let report = quantities::evaluate(&shared).expect("quantities evaluate");
    let figure = |name: &str| report.figure(name).unwrap_or(-1.0);
    for (name, floor) in [
        ("age-model_f1", 0.95),
        ("currency-model_f1", 0.83),
        ("dimension-model_f1", 0.87),
        ("temperature-model_f1", 0.94),
        ("cqe_sets_f1", 0.86),
        ("quantulum3_suite_f1", 0.84),
        ("units_test_accuracy", 0.90),
    ] {
        assert!(
            figure(name) >= floor,
            "{name} {} under {floor}\n{report}",
            figure(name)
        );
    }
    if report.figure("news_tune_f1").is_some() {
        for (name, floor) in [
            ("news_tune_f1", 0.92),
            ("news_test_f1", 0.90),
            ("news_fresh_f1", 0.92),
            ("news_fresh2_f1", 0.92),
            ("news_fresh3_f1", 0.88),
            ("news_fresh4_f1", 0.92),
            ("news_fresh5_f1", 0.93),
            ("news_fresh6_f1", 0.90),
            ("news_fresh7_f1", 0.92),
            ("news_fresh8_f1", 0.93),
            ("news_fresh9_f1", 0.94),
            ("news_fresh10_f1", 0.93),
            ("news_fresh11_f1", 0.98),
            ("news_fresh12_f1", 0.92),
            ("news_fresh13_f1", 0.95),
            ("news_fresh14_f1", 0.95),
            ("news_fresh15_f1", 0.98),
            ("news_fresh16_f1", 0.96),
            ("news_fresh17_f1", 0.96),
            ("news_fresh18_f1", 0.88),
            ("news_fresh19_f1", 0.94),
            ("news_fresh20_f1", 0.90),
            ("news_fresh21_f1", 0.95),
            ("news_fresh22_f1", 0.93),
            ("news_fresh23_f1", 0.96),
            ("news_fresh24_f1", 0.93),
            ("news_fresh25_f1", 0.97),
            ("news_fresh26_f1", 0.98),
            ("news_fresh27_f1", 0.98),
            ("news_fresh28_f1", 0.97),
            ("news_fresh29_f1", 0.96),
            ("news_fresh30_f1", 0.98),
            ("news_fresh31_f1", 0.97),
            ("news_fresh32_f1", 0.98),
            ("news_fresh33_f1", 0.96),
            ("news_fresh34_f1", 0.88),
            ("news_fresh35_f1", 0.95),
            ("news_fresh36_f1", 0.92),
            ("news_fresh37_f1", 0.96),
            ("news_fresh38_f1", 0.96),
            ("news_fresh39_f1", 0.89),
            ("news_fresh40_f1", 0.93),
            ("news_fresh41_f1", 0.98),
            ("news_fresh42_f1", 0.93),
            ("news_fresh43_f1", 0.92),
            ("news_fresh44_f1", 0.97),
            ("news_fresh45_f1", 0.95),
            ("news_fresh46_f1", 0.91),
            ("news_fresh47_f1", 0.96),
            ("news_fresh48_f1", 0.96),
            ("news_fresh49_f1", 0.91),
            ("news_fresh50_f1", 0.90),
            ("news_fresh51_f1", 0.94),
            ("news_fresh52_f1", 0.91),
            ("news_fresh53_f1", 0.90),
            ("news_fresh54_f1", 0.97),
            ("news_fresh55_f1", 0.91),
            ("news_fresh56_f1", 0.88),
            ("news_fresh57_f1", 0.88),
            ("news_fresh58_f1", 0.91),
            ("news_fresh59_f1", 0.89),
            ("news_fresh60_f1", 0.96),
            ("news_fresh61_f1", 0.88),
            ("news_fresh62_f1", 0.90),
            ("news_fresh63_f1", 0.89),
            ("news_fresh64_f1", 0.93),
            ("news_fresh65_f1", 0.92),
            ("news_fresh66_f1", 0.92),
        ] {
            assert!(figure(name) >= floor, "{name} under {floor}\n{report}");
        }
    }
}
