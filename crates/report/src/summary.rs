//! The terminal summary: the story index first (each story's size, span of
//! dates and outlets), then story by story its documents with their quotes,
//! figures and stances and what the sources say together, then what holds
//! across all stories (quote variants, sourcing).

use std::fmt::Write;

use crosscheck_model::{Document, Ledger, PropositionStatus, Story};

use crate::limits::{more, DOCUMENTS, ROWS, STORIES};
use crate::status_name;
use crate::view::{
    claim_line, copy_note, counts_line, doc_date, documents_count, ledger_counts, outlet,
    outlets_count, said, shorten, story_span, story_title, title, web_url, View,
};

/// Quotes are cut to this many characters in the terminal.
const QUOTE_CHARS: usize = 110;

/// The terminal summary of a ledger.
pub fn summary(ledger: &Ledger) -> String {
    let view = View::new(ledger);
    let mut out = String::new();
    head(&mut out, ledger_counts(ledger), &ledger.stories);
    stories(&mut out, ledger, &view);
    let _ = writeln!(out, "\nAcross all stories");
    quote_variants(&mut out, ledger, &view);
    sourcing(&mut out, ledger, &view);
    out
}

/// The summary of a ledger written story by story, never held whole: what
/// it holds (documents, claims, propositions, entities) and its story
/// index (the stories themselves are in the reports `crosscheck report
/// --ledger FILE` writes).
pub fn brief_summary(counts: [usize; 4], stories: &[Story]) -> String {
    let mut out = String::new();
    head(&mut out, counts, stories);
    out
}

/// The counts line (documents, claims, propositions, entities) and the story
/// index.
fn head(out: &mut String, counts: [usize; 4], stories: &[Story]) {
    let _ = writeln!(out, "{}", counts_line(counts, ", "));
    story_index(out, stories);
}

/// One line a story, largest first.
fn story_index(out: &mut String, stories: &[Story]) {
    let _ = writeln!(out, "\nStories ({}), largest first", stories.len());
    for story in stories.iter().take(ROWS) {
        let _ = writeln!(
            out,
            "  {:<6} {:>4} doc{} {:<25} {:>2} outlet{}  {}",
            story.id,
            story.documents.len(),
            if story.documents.len() == 1 { " " } else { "s" },
            story_span(story),
            story.outlets.len(),
            if story.outlets.len() == 1 { " " } else { "s" },
            shorten(story_title(story), 60)
        );
    }
    if let Some(note) = more(stories.len(), ROWS) {
        let _ = writeln!(out, "  {note}");
    }
}

/// Story by story: its heading, its documents with their claims, and what
/// its sources say together.
fn stories(out: &mut String, ledger: &Ledger, view: &View) {
    let mut listed = 0;
    for story in ledger.stories.iter().take(STORIES) {
        story_heading(out, story);
        for id in &story.documents {
            let Some(doc) = view.doc(id) else { continue };
            listed += 1;
            if listed > DOCUMENTS {
                continue;
            }
            document(out, view, doc);
        }
        across_sources(out, ledger, view, &story.id);
    }
    if listed > DOCUMENTS {
        let _ = writeln!(out, "\n{}", more(listed, DOCUMENTS).unwrap_or_default());
    }
    if ledger.stories.len() > STORIES {
        let _ = writeln!(
            out,
            "\nThe other {} stories are in the index above and in the ledger JSON.",
            ledger.stories.len() - STORIES
        );
    }
}

fn story_heading(out: &mut String, story: &Story) {
    let _ = writeln!(
        out,
        "\n== {} {} — {} · {} · {}",
        story.id,
        story_title(story),
        documents_count(story.documents.len()),
        story_span(story),
        outlets_count(story.outlets.len())
    );
}

/// One document's line and its claims, one line a claim.
fn document(out: &mut String, view: &View, doc: &Document) {
    let _ = writeln!(
        out,
        "\n[{}] {}",
        view.doc_number(&doc.id).unwrap_or(0),
        title(doc)
    );
    let _ = writeln!(
        out,
        "    {} · {} · {} words · {} sentences{}",
        outlet(doc),
        doc_date(doc),
        doc.word_count(),
        doc.sentences.len(),
        copy_note(doc, view)
            .map(|note| format!(" · {note}"))
            .unwrap_or_default()
    );
    if let Some(url) = web_url(doc) {
        let _ = writeln!(out, "    {url}");
    }
    for claim in view.claims_of(&doc.id) {
        let (kind, text) = claim_line(claim, QUOTE_CHARS);
        let _ = writeln!(out, "    {kind:<7} {text}");
    }
}

/// What one story's sources say together: figures and stance changes.
fn across_sources(out: &mut String, ledger: &Ledger, view: &View, story: &str) {
    let _ = writeln!(out, "  Across sources");
    let own: Vec<_> = ledger
        .propositions
        .iter()
        .filter(|p| p.story == story)
        .collect();
    let shown: Vec<_> = own
        .iter()
        .filter(|p| p.status != PropositionStatus::SingleSource)
        .collect();
    let single = own.len() - shown.len();
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
        .filter(|t| t.changed && t.story == story)
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
}

/// Quotes one speaker gave in different wording.
fn quote_variants(out: &mut String, ledger: &Ledger, view: &View) {
    let variants: usize = ledger.quote_groups.iter().map(|g| g.variants.len()).sum();
    if variants == 0 {
        return;
    }
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

/// Documents by their share of anonymous sources.
/// Widths of the sourcing table's figure columns (the headers' widths).
const SOURCING_WIDTHS: [usize; 7] = [5, 5, 5, 5, 6, 6, 6];

fn sourcing(out: &mut String, ledger: &Ledger, view: &View) {
    let _ = writeln!(out, "  Sourcing (most anonymous first)");
    let _ = writeln!(
        out,
        "    {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}  document",
        "anon%", "named", "org", "anon", "unattr", "hedged", "single"
    );
    for row in view.sourcing_rows(ledger, ROWS) {
        let cells: Vec<String> = row
            .cells()
            .iter()
            .zip(SOURCING_WIDTHS)
            .map(|(cell, width)| format!("{cell:>width$}"))
            .collect();
        let _ = writeln!(
            out,
            "    {}  [{}] {} ({})",
            cells.join(" "),
            row.number,
            shorten(title(row.doc), 50),
            outlet(row.doc)
        );
    }
}
