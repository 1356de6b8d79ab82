//! Only verbatim words are shown in quotation marks: a reported claim
//! (paraphrase, or the object of a verb) reads as plain text in the
//! terminal summary, Markdown and HTML; a claim with several sources names
//! them all. Invented story.

use crosscheck_ledger::build_ledger;
use crosscheck_ledger::fixture::{person, ArticleBuilder};
use crosscheck_model::{ClaimBody, Ledger};

fn ledger() -> Ledger {
    let mut a = ArticleBuilder::new("harbour", "Tidewire", "Harbour reopens");
    let s = a.sentence("She did not say how the agency had counted the boats.");
    let c = a.quote(
        s,
        "how the agency had counted the boats",
        "did not say",
        person("Lorna Vakis"),
    );
    if let ClaimBody::Quote { quote } = &mut c.body {
        quote.direct = false;
    }
    let s = a.sentence("“The harbour opens on Monday,” said Anna Berg and Tomas Lind.");
    let c = a.quote(
        s,
        "The harbour opens on Monday",
        "said",
        person("Anna Berg"),
    );
    c.co_sources.push(person("Tomas Lind"));
    let (doc, claims) = a.build();
    build_ledger(vec![doc], claims)
}

#[test]
fn reported_speech_is_never_shown_in_quotation_marks() {
    let ledger = ledger();
    let views = [
        crosscheck_report::summary(&ledger),
        crosscheck_report::markdown(&ledger),
        crosscheck_report::html(&ledger),
    ];
    for view in &views {
        assert!(
            !view.contains("“how the agency"),
            "reported speech shown as a quote:\n{view}"
        );
    }
    assert!(views[0].contains("how the agency had counted the boats"));
    // The direct quote keeps its marks.
    assert!(
        views[0].contains("“The harbour opens on Monday”"),
        "{}",
        views[0]
    );
}

#[test]
fn several_sources_of_one_claim_are_named_together() {
    let summary = crosscheck_report::summary(&ledger());
    assert!(summary.contains("Anna Berg and Tomas Lind"), "{summary}");
}
