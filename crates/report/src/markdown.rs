//! The Markdown report: the story index first, then each story's ledger
//! under its own heading (documents, figures, disagreements, stances,
//! timeline), then what holds across stories (sourcing, quote variants,
//! entities, documents).

use std::fmt::Write;

use crosscheck_model::{Ledger, Proposition, PropositionStatus, Story};

use crate::limits::{more, DOCUMENTS, ROWS, STORIES, TIMELINE};
use crate::status_name;
use crate::view::{
    claim_line, copy_note, doc_date, documents_count, figure_value, highlighted, outlet,
    outlets_count, said, source_name, story_span, story_title, title, web_url, View,
};

/// Escapes text for a Markdown table cell or paragraph.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The Markdown report of a ledger.
pub fn markdown(ledger: &Ledger) -> String {
    let view = View::new(ledger);
    let mut out = String::new();
    let _ = writeln!(out, "# crosscheck report\n");
    let _ = writeln!(out, "{}\n", crate::view::counts(ledger, " · "));
    story_index(&mut out, ledger);
    for story in ledger.stories.iter().take(STORIES) {
        story_section(&mut out, ledger, &view, story);
    }
    if ledger.stories.len() > STORIES {
        let _ = writeln!(
            out,
            "The other {} stories are listed in the index above; their ledgers are in the ledger JSON and the claims CSV.\n",
            ledger.stories.len() - STORIES
        );
    }
    sourcing(&mut out, ledger, &view);
    quote_variants(&mut out, ledger, &view);
    entities(&mut out, ledger);
    documents(&mut out, ledger, &view);
    out
}

/// One row a story, largest first.
fn story_index(out: &mut String, ledger: &Ledger) {
    let _ = writeln!(out, "## Stories\n");
    let _ = writeln!(out, "| story | title | documents | dates | outlets |");
    let _ = writeln!(out, "|---|---|---:|---|---:|");
    for story in ledger.stories.iter().take(ROWS) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            story.id,
            md(story_title(story)),
            story.documents.len(),
            story_span(story),
            story.outlets.len()
        );
    }
    if let Some(note) = more(ledger.stories.len(), ROWS) {
        let _ = writeln!(out, "\n{note}");
    }
    let _ = writeln!(out);
}

/// One story's ledger: its documents, figures, disagreements, stances and
/// timeline.
fn story_section(out: &mut String, ledger: &Ledger, view: &View, story: &Story) {
    let propositions: Vec<&Proposition> = ledger
        .propositions
        .iter()
        .filter(|p| p.story == story.id)
        .collect();
    let _ = writeln!(
        out,
        "## {} — {}\n\n{} · {} · {}\n",
        story.id,
        md(story_title(story)),
        documents_count(story.documents.len()),
        story_span(story),
        outlets_count(story.outlets.len())
    );
    for id in &story.documents {
        if let Some(doc) = view.doc(id) {
            let _ = writeln!(
                out,
                "- [{}] {} — {}, {}",
                view.doc_number(id).unwrap_or(0),
                md(title(doc)),
                md(outlet(doc)),
                doc_date(doc)
            );
        }
    }
    let _ = writeln!(out);
    figures(out, &propositions, view);
    disagreements(out, &propositions, view);
    stances(out, ledger, view, &story.id);
    timeline(out, ledger, view, &story.id);
    let _ = writeln!(out);
}

/// A story's figures: those several reports give, with the time each is
/// about, then those only one gives.
fn figures(out: &mut String, propositions: &[&Proposition], view: &View) {
    let _ = writeln!(out, "### Figures across sources\n");
    let (shared, single): (Vec<&Proposition>, Vec<&Proposition>) = propositions
        .iter()
        .copied()
        .partition(|p| p.status != PropositionStatus::SingleSource);
    for p in shared.into_iter().take(ROWS) {
        let _ = writeln!(out, "#### {} — {}\n", md(&p.label), status_name(p.status));
        let _ = writeln!(out, "{}\n", md(&p.explanation));
        let _ = writeln!(
            out,
            "| date | about | value | source | outlet | as written |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for v in &p.values {
            let claim = view.claim(&v.claim);
            let value = claim
                .and_then(|c| c.quantity())
                .map(figure_value)
                .unwrap_or_default();
            let copy = if v.copy_of.is_some() { " (copy)" } else { "" };
            let _ = writeln!(
                out,
                "| {} | {} | {}{copy} | {} | {} | {} |",
                view.value_date(v),
                md(v.time.as_deref().unwrap_or("")),
                md(&value),
                md(&claim.map(source_name).unwrap_or_default()),
                md(v.outlet.as_deref().unwrap_or("")),
                md(&v.text)
            );
        }
        let _ = writeln!(out);
    }
    if !single.is_empty() {
        let _ = writeln!(out, "#### Figures only one report gives\n");
        let _ = writeln!(out, "| what | value | source | outlet | date |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        let rows: Vec<_> = single
            .iter()
            .flat_map(|p| p.values.iter().map(move |v| (p, v)))
            .collect();
        for (p, v) in rows.iter().take(ROWS) {
            let claim = view.claim(&v.claim);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                md(&p.label),
                md(&v.text),
                md(&claim.map(source_name).unwrap_or_default()),
                md(v.outlet.as_deref().unwrap_or("")),
                view.value_date(v)
            );
        }
        let _ = writeln!(out);
    }
}

/// Conflicting, disputed and evolving figures with the sentences of their
/// lowest and highest values.
fn disagreements(out: &mut String, propositions: &[&Proposition], view: &View) {
    let _ = writeln!(out, "### Disagreements, series and their evidence\n");
    for p in propositions.iter().filter(|p| {
        matches!(
            p.status,
            PropositionStatus::Conflicting
                | PropositionStatus::Disputed
                | PropositionStatus::Evolving
        )
    }) {
        let _ = writeln!(
            out,
            "**{}** ({}): {}\n",
            md(&p.label),
            status_name(p.status),
            md(&p.explanation)
        );
        for v in crate::extremes(p) {
            if let Some(claim) = view.claim(&v.claim) {
                let (before, figure, after) = highlighted(claim, view);
                let _ = writeln!(
                    out,
                    "> {}**{}**{}  \n> — {}, {} ({})\n",
                    md(&before),
                    md(&figure),
                    md(&after),
                    md(&source_name(claim)),
                    md(v.outlet.as_deref().unwrap_or("")),
                    view.value_date(v)
                );
            }
        }
    }
}

fn stances(out: &mut String, ledger: &Ledger, view: &View, story: &str) {
    let _ = writeln!(out, "### Stances over time\n");
    for t in ledger.stance_timelines.iter().filter(|t| t.story == story) {
        let steps = crate::view::steps_line(t, view);
        let changed = if t.changed {
            " — **changed position**"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "- **{}** {}: {}{changed}",
            md(&t.actor),
            md(&crate::view::about_phrase(&t.about)),
            steps
        );
    }
}

fn timeline(out: &mut String, ledger: &Ledger, view: &View, story: &str) {
    let _ = writeln!(out, "\n### Timeline\n");
    let _ = writeln!(out, "| date | event | document |");
    let _ = writeln!(out, "|---|---|---|");
    for e in ledger
        .timeline
        .iter()
        .filter(|e| e.story == story)
        .take(TIMELINE)
    {
        let date = match (&e.date, e.date_estimated) {
            (Some(d), true) => format!("≈{d}"),
            (Some(d), false) => d.clone(),
            (None, _) => "undated".to_string(),
        };
        let _ = writeln!(
            out,
            "| {date} | {} | [{}] |",
            md(&e.summary),
            view.doc_number(&e.doc).unwrap_or(0)
        );
    }
}

fn sourcing(out: &mut String, ledger: &Ledger, view: &View) {
    let _ = writeln!(out, "\n## Sourcing (most anonymous first)\n");
    let _ = writeln!(out, "| document | outlet | anonymous share | named | organisation | anonymous | unattributed | hedged | single-source figures |");
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for row in view.sourcing_rows(ledger, ROWS) {
        let _ = writeln!(
            out,
            "| [{}] {} | {} | {} |",
            row.number,
            md(title(row.doc)),
            md(outlet(row.doc)),
            row.cells().join(" | ")
        );
    }
}

fn quote_variants(out: &mut String, ledger: &Ledger, view: &View) {
    let variants: Vec<_> = ledger
        .quote_groups
        .iter()
        .filter(|g| !g.variants.is_empty())
        .collect();
    if !variants.is_empty() {
        let _ = writeln!(out, "\n## Quotes reported in different wording\n");
        for g in variants {
            for pair in &g.variants {
                let _ = writeln!(out, "- **{}**", md(&g.speaker));
                for id in pair {
                    if let Some(c) = view.claim(id) {
                        let doc = view.doc(&c.doc);
                        let _ = writeln!(
                            out,
                            "  - {} — {}",
                            md(&c.quote().map_or(String::new(), |q| said(q, usize::MAX))),
                            md(doc.map_or("", outlet))
                        );
                    }
                }
            }
        }
    }
}

fn entities(out: &mut String, ledger: &Ledger) {
    if !ledger.entities.is_empty() {
        let _ = writeln!(out, "\n## Entities\n");
        let _ = writeln!(out, "| name | type | aliases | mentions |");
        let _ = writeln!(out, "|---|---|---|---:|");
        for e in ledger.entities.iter().take(ROWS) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(&e.name),
                md(&crate::entity_kind_label(e, &ledger.entities)),
                md(&e.aliases.join(", ")),
                e.mentions.len()
            );
        }
    }
}

fn documents(out: &mut String, ledger: &Ledger, view: &View) {
    let _ = writeln!(out, "\n## Documents\n");
    for (i, doc) in ledger.documents.iter().enumerate().take(DOCUMENTS) {
        let heading = match web_url(doc) {
            Some(url) => format!(
                "[{}](<{}>)",
                md(title(doc)),
                url.replace('<', "%3C").replace('>', "%3E")
            ),
            None => md(title(doc)),
        };
        let copy = copy_note(doc, view)
            .map(|note| format!(" · **{note}**"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "### [{}] {heading}\n\n{} · {} · {} words · {} sentences{copy}\n",
            i + 1,
            md(outlet(doc)),
            doc_date(doc),
            doc.word_count(),
            doc.sentences.len(),
        );
        for claim in view.claims_of(&doc.id) {
            let (kind, text) = claim_line(claim, usize::MAX);
            let _ = writeln!(out, "- {kind}: {}", md(&text));
        }
        let _ = writeln!(out);
    }
    if let Some(note) = more(ledger.documents.len(), DOCUMENTS) {
        let _ = writeln!(out, "{note}");
    }
}
