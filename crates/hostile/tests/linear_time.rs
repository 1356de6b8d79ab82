//! A hang guard, not a speed target: analysing one long document must take
//! time roughly linear in its length. Before the lookups by offset, a
//! document four times longer took about 16 times as long (quadratic);
//! the bound here is 10 times, wide enough for a busy machine, narrow
//! enough to catch a return to quadratic work in any stage. Speed figures
//! are in BENCHMARKS.md (`crosscheck-reliability --filter "MB document"`).

use std::time::{Duration, Instant};

use crosscheck_analyze::Analyzer;
use crosscheck_hostile::generate::long_document;
use crosscheck_ingest::document_from_text;

fn analyse(analyzer: &Analyzer, bytes: usize) -> Duration {
    let doc = document_from_text("long.txt", &long_document(bytes, 3));
    let started = Instant::now();
    let analysed = analyzer.analyze(doc);
    let took = started.elapsed();
    assert!(!analysed.claims.is_empty());
    took
}

#[test]
fn a_four_times_longer_document_takes_at_most_ten_times_as_long() {
    let analyzer = Analyzer::new();
    // Warm up (lexicons, model tables).
    analyse(&analyzer, 20_000);
    let small = 256 * 1024;
    // The best of two runs each: a busy machine slows single runs.
    let t1 = analyse(&analyzer, small).min(analyse(&analyzer, small));
    let t4 = analyse(&analyzer, 4 * small).min(analyse(&analyzer, 4 * small));
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    eprintln!("256 KB: {t1:?}, 1 MB: {t4:?}, ratio {ratio:.1}");
    assert!(
        ratio < 10.0,
        "4x the text took {ratio:.1}x the time: quadratic work is back"
    );
}
