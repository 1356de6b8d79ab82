//! Temporal expressions on the seed articles (read at run time): every
//! value is well-formed and every span slices the text; with no document
//! date, year-less values stay unresolved or take a year the text states.
//! `CROSSCHECK_PRINT_TIMES=1` prints what was found for eyeballing.

use chrono::Datelike;
use crosscheck_text::TokenLayer;
use crosscheck_time::TimeNormalizer;

fn well_formed(value: &str) -> bool {
    let refs = ["PRESENT_REF", "PAST_REF", "FUTURE_REF"];
    refs.contains(&value)
        || value.starts_with('P')
        || value
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == 'X')
}

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn seed_time_expressions() {
    let files = crosscheck_testkit::seed_files();
    let print = std::env::var_os("CROSSCHECK_PRINT_TIMES").is_some();
    let normalizer = TimeNormalizer::new();
    let mut total = 0;
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let text = std::fs::read_to_string(path).expect("seed readable");
        let exprs = normalizer.extract_text(&text, None);
        let estimate = TimeNormalizer::new().estimate_publication_date(
            &text,
            &TokenLayer::new(&text, &[]),
            &exprs,
        );
        if print {
            println!("== {} estimate: {estimate:?}", path.display());
        }
        for e in &exprs {
            if print {
                println!(
                    "  {:?} -> {} {:?} {:?}",
                    e.text, e.value, e.kind, e.granularity
                );
            }
            assert!(e.span.is_valid_in(&text), "span slices the text: {e:?}");
            assert!(well_formed(&e.value), "value: {e:?}");
        }
        if let Some(est) = estimate {
            let earliest = est.earliest.expect("an estimate has a lower bound");
            let year = earliest.format("%Y").to_string();
            // A year the text states, or one inferred for a year-less date
            // from the years it states: never beyond the year after them.
            let year_before = (earliest.year() - 1).to_string();
            let inferred = est.basis.contains("year inferred") && text.contains(&year_before);
            assert!(
                text.contains(&year) || est.basis.contains("begun in") || inferred,
                "the bound comes from the text: {}",
                est.basis
            );
            if let Some(latest) = est.latest {
                assert!(earliest <= latest, "bounds in order: {est:?}");
            }
        }
        total += exprs.len();
    }
    assert!(
        total >= 20,
        "seed articles are full of dates; found {total}"
    );
}
