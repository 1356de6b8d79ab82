//! Malformed or unusual input must never make the ledger or the reports
//! panic.

use crosscheck_ledger::build_ledger;
use crosscheck_ledger::fixture::{self, anonymous, organization, person, ArticleBuilder, Figure};
use crosscheck_model::{Bound, Polarity};

#[test]
fn odd_claims_do_not_panic() {
    let (mut documents, mut claims) = fixture::story();
    let mut a = ArticleBuilder::new("odd", "", "");
    let s = a.sentence("Ünïcödé “quotes” — 12 <b>bold</b> & 3½ things.");
    for (low, high) in [
        (Some(f64::NAN), Some(f64::NAN)),
        (Some(f64::INFINITY), None),
        (None, None),
        (Some(-5.0), Some(-1.0)),
        (Some(1e300), Some(1e300)),
        (Some(0.0), Some(0.0)),
    ] {
        let c = a.figure(s, Figure::exact("12", 0.0, "things"), anonymous(""));
        if let Some(q) = c.quantity_mut() {
            q.low = low;
            q.high = high;
            q.bound = Bound::Range;
        }
    }
    a.figure(s, Figure::exact("12", 12.0, ""), person(""));
    a.figure(
        s,
        Figure::exact("12", 12.0, "the of a"),
        organization("the"),
    );
    a.stance(s, "", Polarity::Deny, "", organization(""));
    a.stance(s, "the", Polarity::Confirm, "“", person("’s"));
    let c = a.quote(s, "", "said", person("Ünïcödé"));
    fixture::at(c, "", "not-a-date");
    let c = a.quote(s, "<b>bold</b>", "said", person("Ünïcödé"));
    fixture::at(c, "", "2031-13-45");
    let (mut doc, mut odd) = a.build();
    // A second document with the same id, and a claim pointing nowhere.
    documents.push(doc.clone());
    doc.duplicate_of = Some("missing".to_string());
    documents.push(doc);
    if let Some(mut orphan) = odd.first().cloned() {
        orphan.doc = "no-such-document".to_string();
        orphan.id = "orphan".to_string();
        odd.push(orphan);
    }
    claims.extend(odd);
    let ledger = build_ledger(documents, claims);
    assert!(!crosscheck_report::summary(&ledger).is_empty());
    assert!(!crosscheck_report::markdown(&ledger).is_empty());
    let page = crosscheck_report::html(&ledger);
    assert!(
        page.contains("&#60;b&#62;bold&#60;/b&#62;"),
        "markup in text is escaped"
    );
    assert!(!page.contains("<b>bold"));
    assert!(!page.contains("NaN"));
    let mut csv = Vec::new();
    assert!(crosscheck_report::write_claims_csv(&ledger, &mut csv).is_ok());
}
