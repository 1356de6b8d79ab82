//! Human-facing outputs of a ledger: the terminal summary, a Markdown report,
//! a self-contained HTML report and a CSV export of claims.

use crosscheck_model::Ledger;

/// A short human summary for the terminal.
pub fn summary(ledger: &Ledger) -> String {
    format!(
        "{} documents, {} claims (PLACEHOLDER summary)\n",
        ledger.documents.len(),
        ledger.claims.len()
    )
}
