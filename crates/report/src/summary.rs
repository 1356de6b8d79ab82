//! The terminal summary: each document with its quotes, figures and
//! stances, then what the sources say together.

use std::fmt::Write;

use crosscheck_ledger::{claim_summary, sourcing_ranking};
use crosscheck_model::{ClaimBody, Ledger, PropositionStatus};

use crate::limits::{more, DOCUMENTS, ROWS};
use crate::view::{
    doc_date, figure_text, outlet, percent, said, shorten, source_name, status_name, title, View,
};

/// Quotes are cut to this many characters in the terminal.
const QUOTE_CHARS: usize = 110;

/// The terminal summary of a ledger.
pub fn summary(ledger: &Ledger) -> String {
    let view = View::new(ledger);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} documents, {} claims, {} propositions, {} entities",
        ledger.documents.len(),
        ledger.claims.len(),
        ledger.propositions.len(),
        ledger.entities.len()
    );
    documents(&mut out, ledger, &view);
    across_sources(&mut out, ledger, &view);
    sourcing(&mut out, ledger, &view);
    out
}

/// Each document with its claims, one line a claim.
fn documents(out: &mut String, ledger: &Ledger, view: &View) {
    for (i, doc) in ledger.documents.iter().enumerate().take(DOCUMENTS) {
        let _ = writeln!(out, "\n[{}] {}", i + 1, title(doc));
        let _ = writeln!(
            out,
            "    {} · {} · {} words · {} sentences{}",
            outlet(doc),
            doc_date(doc),
            doc.word_count(),
            doc.sentences.len(),
            doc.duplicate_of
                .as_deref()
                .and_then(|d| view.doc_number(d))
                .map(|n| format!(" · copy of [{n}]"))
                .unwrap_or_default()
        );
        for claim in view.claims_of(&doc.id) {
            let line = match &claim.body {
                ClaimBody::Quote { quote } => format!(
                    "quote   {} — {}",
                    source_name(claim),
                    said(quote, QUOTE_CHARS)
                ),
                ClaimBody::Quantity { quantity } => {
                    format!("figure  {} — {}", figure_text(quantity), source_name(claim))
                }
                // A stance, and any other kind: its one-line summary.
                _ => format!("{}  {}", claim.kind(), claim_summary(claim)),
            };
            let hedge = if claim.hedged { " (hedged)" } else { "" };
            let _ = writeln!(out, "    {line}{hedge}");
        }
    }
    if let Some(note) = more(ledger.documents.len(), DOCUMENTS) {
        let _ = writeln!(out, "\n{note}");
    }
}

/// Figures grouped across documents, stance changes, quote variants.
fn across_sources(out: &mut String, ledger: &Ledger, view: &View) {
    let _ = writeln!(out, "\nAcross sources");
    let shown: Vec<_> = ledger
        .propositions
        .iter()
        .filter(|p| p.status != PropositionStatus::SingleSource)
        .collect();
    let single = ledger.propositions.len() - shown.len();
    let _ = writeln!(
        out,
        "  Figures ({} grouped across documents, {single} from a single source)",
        shown.len()
    );
    let shown_total = shown.len();
    for p in shown.into_iter().take(ROWS) {
        let _ = writeln!(
            out,
            "    {} [{}] {} values — {}",
            p.label,
            status_name(p.status),
            p.values.len(),
            p.explanation
        );
    }
    if let Some(note) = more(shown_total, ROWS) {
        let _ = writeln!(out, "    {note}");
    }
    let changes: Vec<_> = ledger
        .stance_timelines
        .iter()
        .filter(|t| t.changed)
        .collect();
    if !changes.is_empty() {
        let _ = writeln!(out, "  Stance changes");
        for t in changes {
            let steps = crate::view::steps_line(t, view);
            let _ = writeln!(
                out,
                "    {} {}: {}",
                t.actor,
                crate::view::about_phrase(&t.about),
                steps
            );
        }
    }
    let variants: usize = ledger.quote_groups.iter().map(|g| g.variants.len()).sum();
    if variants > 0 {
        let _ = writeln!(out, "  Quotes reported in different wording: {variants}");
        for g in ledger
            .quote_groups
            .iter()
            .filter(|g| !g.variants.is_empty())
        {
            for [a, b] in &g.variants {
                let text = |id: &str| {
                    view.claim(id)
                        .and_then(|c| c.quote())
                        .map(|q| said(q, 60))
                        .unwrap_or_default()
                };
                let _ = writeln!(out, "    {}: {} / {}", g.speaker, text(a), text(b));
            }
        }
    }
}

/// Documents by their share of anonymous sources.
fn sourcing(out: &mut String, ledger: &Ledger, view: &View) {
    let _ = writeln!(out, "  Sourcing (most anonymous first)");
    let _ = writeln!(
        out,
        "    {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}  document",
        "anon%", "named", "org", "anon", "unattr", "hedged", "single"
    );
    for (id, share) in sourcing_ranking(ledger).into_iter().take(ROWS) {
        let Some(doc) = view.doc(&id) else { continue };
        let s = doc.sourcing.clone().unwrap_or_default();
        let _ = writeln!(
            out,
            "    {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}  [{}] {} ({})",
            percent(share),
            s.named,
            s.organization,
            s.anonymous,
            s.unattributed,
            s.hedged,
            s.single_source_figures,
            view.doc_number(&id).unwrap_or(0),
            shorten(title(doc), 50),
            outlet(doc)
        );
    }
}
