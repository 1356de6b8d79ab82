//! Every view writes a figure's rate, bound, approximation and vagueness
//! as the ledger JSON has them (invented story).

use crosscheck_analyze::Analyzer;
use crosscheck_ledger::build_ledger;
use crosscheck_model::{Bound, Document, Ledger};
use crosscheck_report::{html, markdown, summary, write_claims_csv};

const STORY: &str =
    "Officials in Tarsenia said the factory delivers three million rounds per year. \
They said up to 12,000 soldiers crossed the Vell river, and about 2,000 sailors followed. \
The factory has already shipped millions of shells. \
Fuel prices rose 4.5 percent to 2.10 dollars per litre.";

fn ledger() -> Ledger {
    let analyzer = Analyzer::new();
    let doc = Document {
        id: "figures".to_string(),
        text: STORY.to_string(),
        ..Document::default()
    };
    let analyzed = analyzer.analyze(doc);
    build_ledger(vec![analyzed.document], analyzed.claims)
}

#[test]
fn json_has_rates_bounds_approximations_and_vague_amounts() {
    let ledger = ledger();
    let quantities: Vec<_> = ledger.claims.iter().filter_map(|c| c.quantity()).collect();
    assert!(quantities
        .iter()
        .any(|q| q.low == Some(3e6) && q.rate.as_deref() == Some("per year")));
    assert!(quantities
        .iter()
        .any(|q| q.high == Some(12000.0) && q.low.is_none() && q.bound == Bound::AtMost));
    assert!(quantities
        .iter()
        .any(|q| q.low == Some(2000.0) && q.approximate));
    assert!(quantities
        .iter()
        .any(|q| q.vague && q.low.is_none() && q.high.is_none()));
    assert!(quantities
        .iter()
        .any(|q| q.unit.as_deref() == Some("USD") && q.rate.as_deref() == Some("per litre")));
}

#[test]
fn every_view_shows_them_the_same_way() {
    let ledger = ledger();
    let mut csv = Vec::new();
    write_claims_csv(&ledger, &mut csv).expect("csv");
    let csv = String::from_utf8(csv).expect("utf-8 csv");
    let views = [
        ("summary", summary(&ledger)),
        ("markdown", markdown(&ledger)),
        ("html", html(&ledger)),
        ("csv", csv),
    ];
    let wanted = [
        "3,000,000 rounds per year",
        "up to 12,000 soldiers",
        "~2,000 sailors",
        "millions (no number) shells",
        "2.1 USD per litre",
    ];
    // HTML tables give what is counted in a column of its own.
    let values = [
        "3,000,000 per year",
        "up to 12,000",
        "~2,000",
        "millions (no number)",
        "2.1 USD per litre",
    ];
    for (name, text) in &views {
        let expected = if *name == "html" { &values } else { &wanted };
        for want in expected {
            assert!(
                text.contains(want),
                "{name} does not show {want:?}:\n{text}"
            );
        }
    }
}
