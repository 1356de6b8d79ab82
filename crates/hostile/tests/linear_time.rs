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

/// The ledger stage on a page of many distinct names: finding each
/// person's affiliation scanned every mention of the document per person
/// (quadratic: a page of 100,000 names spent minutes there).
#[test]
fn a_page_of_four_times_the_names_takes_at_most_twelve_times_as_long() {
    let analyzer = Analyzer::new();
    let ledger_time = |names: usize| {
        let text = (0..names)
            .map(|i| format!("Ana{i} Lind{i}"))
            .collect::<Vec<_>>()
            .join(" and ");
        let analysed = analyzer.analyze(document_from_text("names.txt", &text));
        assert!(analysed.document.mentions.len() >= names / 10);
        let (documents, claims) = (vec![analysed.document], analysed.claims);
        let started = Instant::now();
        let ledger = crosscheck_ledger::build_ledger(documents, claims);
        let took = started.elapsed();
        assert_eq!(ledger.documents.len(), 1);
        took
    };
    ledger_time(500);
    // After the fix 4x the names took about 8.5x as long (other ledger
    // work on distinct names grows a little faster than linearly); the
    // scan of every mention per person added seconds at 20,000 names.
    let small = 5_000;
    let t1 = ledger_time(small).min(ledger_time(small));
    let t4 = ledger_time(4 * small).min(ledger_time(4 * small));
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    eprintln!(
        "{small} names: {t1:?}, {} names: {t4:?}, ratio {ratio:.1}",
        4 * small
    );
    assert!(
        ratio < 12.0,
        "4x the names took {ratio:.1}x the time in the ledger: quadratic work is back"
    );
}
