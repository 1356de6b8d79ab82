//! The self-contained HTML report: inline CSS and SVG, no scripts, no
//! network.

use std::fmt::Write;

use crosscheck_ledger::{polarity_verb, sourcing_ranking};
use crosscheck_model::{Ledger, Polarity, PropositionStatus};

use crate::chart::chart;
use crate::escape::esc;
use crate::limits::{more, CHARTS, ROWS, TIMELINE};
use crate::view::{
    doc_date, highlighted, outlet, percent, said, shorten, source_name, status_name, title, View,
};

const STYLE: &str = include_str!("style.css");

fn badge_class(status: PropositionStatus) -> &'static str {
    match status {
        PropositionStatus::Conflicting => "conflicting",
        PropositionStatus::Evolving => "evolving",
        PropositionStatus::Consistent => "consistent",
        PropositionStatus::SingleSource => "single",
    }
}

fn step_class(p: Polarity) -> &'static str {
    match p {
        Polarity::Deny | Polarity::NotConfirmed => "neg",
        Polarity::Confirm | Polarity::Acknowledge | Polarity::Allege | Polarity::Estimate => "pos",
        Polarity::Condemn => "neutral",
    }
}

pub fn html(ledger: &Ledger) -> String {
    let view = View::new(ledger);
    let mut out = String::new();
    let story = ledger
        .propositions
        .first()
        .map(|p| p.label.clone())
        .unwrap_or_else(|| "the story".to_string());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>crosscheck report: {}</title><style>{STYLE}</style></head><body><main>",
        esc(&story)
    );
    header(&mut out, ledger, &view);
    figures(&mut out, ledger, &view);
    conflicts(&mut out, ledger, &view);
    stances(&mut out, ledger, &view);
    timeline(&mut out, ledger, &view);
    sourcing(&mut out, ledger, &view);
    quotes(&mut out, ledger, &view);
    entities(&mut out, ledger);
    documents(&mut out, ledger, &view);
    let _ = writeln!(
        out,
        "<footer>{} · {} · generated without network access; every figure links to its claim id.</footer></main></body></html>",
        esc(&ledger.schema),
        esc(&ledger.generator)
    );
    out
}

fn header(out: &mut String, ledger: &Ledger, view: &View) {
    let conflicts = ledger
        .propositions
        .iter()
        .filter(|p| {
            matches!(
                p.status,
                PropositionStatus::Conflicting | PropositionStatus::Evolving
            )
        })
        .count();
    let changes = ledger.stance_timelines.iter().filter(|t| t.changed).count();
    let most = sourcing_ranking(ledger).into_iter().next();
    let _ = write!(
        out,
        "<header><h1>crosscheck report</h1><div class=\"sub\">{} documents · {} · {} claims · {} entities</div>\
         <nav><a href=\"#figures\">Figures</a><a href=\"#conflicts\">Conflicts</a><a href=\"#stances\">Stances</a>\
         <a href=\"#timeline\">Timeline</a><a href=\"#sourcing\">Sourcing</a><a href=\"#quotes\">Quotes</a>\
         <a href=\"#entities\">Entities</a><a href=\"#documents\">Documents</a></nav></header><section class=\"glance\">",
        ledger.documents.len(),
        match ledger.documents.iter().filter_map(|d| d.outlet.as_deref()).collect::<std::collections::BTreeSet<_>>().len() {
            0 => "no outlet named".to_string(),
            1 => "1 outlet".to_string(),
            n => format!("{n} outlets"),
        },
        ledger.claims.len(),
        ledger.entities.len()
    );
    let _ = write!(
        out,
        "<div><b>{}</b><span>figures reported by several documents</span></div>\
         <div><b>{conflicts}</b><span>conflicting or evolving figures</span></div>\
         <div><b>{changes}</b><span>actors who changed position</span></div>",
        ledger
            .propositions
            .iter()
            .filter(|p| p.status != PropositionStatus::SingleSource)
            .count()
    );
    if let Some((id, share)) = most {
        let name = view
            .doc(&id)
            .map(|d| format!("{} ({})", shorten(title(d), 60), outlet(d)));
        let _ = write!(
            out,
            "<div><b>{}</b><span>of claims from anonymous sources in the most anonymously sourced article</span><em>{}</em></div>",
            percent(share),
            esc(&name.unwrap_or_default())
        );
    }
    out.push_str("</section>");
}

fn figures(out: &mut String, ledger: &Ledger, view: &View) {
    out.push_str("<section id=\"figures\"><h2>Figures across sources</h2>");
    let (shared, single): (Vec<_>, Vec<_>) = ledger
        .propositions
        .iter()
        .partition(|p| p.status != PropositionStatus::SingleSource);
    if shared.is_empty() {
        out.push_str("<p class=\"sub\">No figure is reported by more than one document.</p>");
    }
    let shared_total = shared.len();
    for p in shared.into_iter().take(CHARTS) {
        let _ = write!(
            out,
            "<div class=\"card\" id=\"{}\"><h3>{}<span class=\"badge {}\">{}</span></h3><p class=\"explain\">{}</p>{}",
            esc(&p.id),
            esc(&p.label),
            badge_class(p.status),
            status_name(p.status),
            esc(&p.explanation),
            chart(p, view)
        );
        out.push_str(
            "<table><tr><th>date</th><th>value as written</th><th>source</th><th>outlet</th></tr>",
        );
        for v in &p.values {
            let source = view.claim(&v.claim).map(source_name).unwrap_or_default();
            let _ = write!(
                out,
                "<tr><td>{}</td><td title=\"{}\">{}</td><td>{}</td><td>{}</td></tr>",
                esc(&view.value_date(v)),
                esc(&v.claim),
                esc(&v.text),
                esc(&source),
                esc(v.outlet.as_deref().unwrap_or(""))
            );
        }
        out.push_str("</table></div>");
    }
    if let Some(note) = more(shared_total, CHARTS) {
        let _ = write!(out, "<p class=\"sub\">{}</p>", esc(&note));
    }
    if !single.is_empty() {
        out.push_str("<div class=\"card\"><h3>Figures only one document gives</h3><table><tr><th>what</th><th>value</th><th>source</th><th>outlet</th><th>date</th></tr>");
        let rows: Vec<_> = single
            .iter()
            .flat_map(|p| p.values.iter().map(move |v| (p, v)))
            .collect();
        for (p, v) in rows.iter().take(ROWS) {
            {
                let source = view.claim(&v.claim).map(source_name).unwrap_or_default();
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&p.label),
                    esc(&v.text),
                    esc(&source),
                    esc(v.outlet.as_deref().unwrap_or("")),
                    esc(&view.value_date(v))
                );
            }
        }
        out.push_str("</table>");
        if let Some(note) = more(rows.len(), ROWS) {
            let _ = write!(out, "<p class=\"sub\">{}</p>", esc(&note));
        }
        out.push_str("</div>");
    }
    out.push_str("</section>");
}

fn conflicts(out: &mut String, ledger: &Ledger, view: &View) {
    out.push_str("<section id=\"conflicts\"><h2>Conflicts and their evidence</h2>");
    let mut any = false;
    for p in ledger.propositions.iter().filter(|p| {
        matches!(
            p.status,
            PropositionStatus::Conflicting | PropositionStatus::Evolving
        )
    }) {
        any = true;
        let _ = write!(
            out,
            "<div class=\"card\"><h3>{}<span class=\"badge {}\">{}</span></h3><p class=\"explain\">{}</p><div class=\"evidence\">",
            esc(&p.label),
            badge_class(p.status),
            status_name(p.status),
            esc(&p.explanation)
        );
        for (side, v) in ["low", "high"].iter().zip(crate::extremes(p)) {
            let Some(claim) = view.claim(&v.claim) else {
                continue;
            };
            let (before, figure, after) = highlighted(claim);
            let _ = write!(
                out,
                "<blockquote class=\"{side}\">{}<mark>{}</mark>{}<cite>{} · {} · {}</cite></blockquote>",
                esc(&before),
                esc(&figure),
                esc(&after),
                esc(&source_name(claim)),
                esc(v.outlet.as_deref().unwrap_or("unknown outlet")),
                esc(&view.value_date(v))
            );
        }
        out.push_str("</div></div>");
    }
    if !any {
        out.push_str("<p class=\"sub\">No conflicting figures.</p>");
    }
    out.push_str("</section>");
}

fn stances(out: &mut String, ledger: &Ledger, view: &View) {
    out.push_str("<section id=\"stances\"><h2>Stances over time</h2>");
    if ledger.stance_timelines.is_empty() {
        out.push_str("<p class=\"sub\">No stances found.</p>");
    }
    let (series, single): (Vec<_>, Vec<_>) = ledger
        .stance_timelines
        .iter()
        .partition(|t| t.steps.len() > 1);
    let series_total = series.len();
    for t in series.into_iter().take(CHARTS) {
        let changed = if t.changed {
            "<span class=\"badge changed\">changed position</span>"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<div class=\"card\"><h3>{} <span class=\"sub\">{}</span>{changed}</h3><div class=\"steps\">",
            esc(&t.actor),
            esc(&crate::view::about_phrase(&t.about))
        );
        let (dated, undated) = crate::view::split_steps(t);
        // Undated steps sit under their own label, so they show only the
        // text's time words.
        let step = |out: &mut String, s: &crosscheck_model::StanceStep| {
            let time = match s.date {
                Some(_) => crate::view::step_time(s, view),
                None => s.when.clone().unwrap_or_default(),
            };
            let _ = write!(
                out,
                "<span class=\"step {}\" title=\"{}\">{}<small>{}</small></span>",
                step_class(s.polarity),
                esc(&s.claim),
                polarity_verb(s.polarity),
                esc(&time)
            );
        };
        for (i, s) in dated.iter().enumerate() {
            if i > 0 {
                out.push_str("<span class=\"arrow\">→</span>");
            }
            step(out, s);
        }
        if !undated.is_empty() {
            out.push_str("</div><div class=\"steps undated\"><span class=\"sub\">undated, so not placed in this order:</span>");
            for s in undated {
                step(out, s);
            }
        }
        out.push_str("</div></div>");
    }
    if let Some(note) = more(series_total, CHARTS) {
        let _ = write!(out, "<p class=\"sub\">{}</p>", esc(&note));
    }
    if !single.is_empty() {
        out.push_str("<div class=\"card\"><h3>Single statements</h3><table class=\"single\"><tr><th>actor</th><th>stance</th><th>about</th><th>outlet</th><th>date</th></tr>");
        for t in single.iter().take(ROWS) {
            for s in &t.steps {
                let outlet_name = view.doc(&s.doc).map_or("", outlet);
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td><span class=\"step {}\">{}</span></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&t.actor),
                    step_class(s.polarity),
                    polarity_verb(s.polarity),
                    esc(&shorten(&t.about, 120)),
                    esc(outlet_name),
                    esc(&crate::view::step_time(s, view))
                );
            }
        }
        out.push_str("</table>");
        if let Some(note) = more(single.len(), ROWS) {
            let _ = write!(out, "<p class=\"sub\">{}</p>", esc(&note));
        }
        out.push_str("</div>");
    }
    out.push_str("</section>");
}

fn timeline(out: &mut String, ledger: &Ledger, view: &View) {
    out.push_str("<section id=\"timeline\"><h2>Story timeline</h2><ol class=\"timeline\">");
    for e in ledger.timeline.iter().take(TIMELINE) {
        let date = match (&e.date, e.date_estimated) {
            (Some(d), true) => format!(
                "<span class=\"date est\" title=\"estimated\">≈{}</span>",
                esc(d)
            ),
            (Some(d), false) => format!("<span class=\"date\">{}</span>", esc(d)),
            (None, _) => "<span class=\"date est\">undated</span>".to_string(),
        };
        let class = if e.claim.is_none() {
            " class=\"doc\""
        } else {
            ""
        };
        let reference = view
            .doc(&e.doc)
            .map(|d| format!("[{}] {}", view.doc_number(&e.doc).unwrap_or(0), outlet(d)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<li{class}>{date}{} <span class=\"ref\">{}</span></li>",
            esc(&e.summary),
            esc(&reference)
        );
    }
    out.push_str("</ol>");
    if let Some(note) = more(ledger.timeline.len(), TIMELINE) {
        let _ = write!(out, "<p class=\"sub\">{}</p>", esc(&note));
    }
    out.push_str("</section>");
}

fn sourcing(out: &mut String, ledger: &Ledger, view: &View) {
    out.push_str(
        "<section id=\"sourcing\"><h2>Sourcing</h2><p class=\"sub\">Most anonymously sourced article first. \
         Single-source figures: figures no other document's value agrees with.</p><table class=\"sourcing\"><tr><th>article</th>\
         <th>anonymous share</th><th class=\"num\">named</th><th class=\"num\">organisation</th><th class=\"num\">anonymous</th>\
         <th class=\"num\">unattributed</th><th class=\"num\">hedged</th><th class=\"num\">single-source figures</th><th class=\"num\">claims</th></tr>",
    );
    for (i, (id, share)) in sourcing_ranking(ledger).into_iter().enumerate().take(ROWS) {
        let Some(doc) = view.doc(&id) else { continue };
        let s = doc.sourcing.clone().unwrap_or_default();
        let top = if i == 0 && share > 0.0 {
            " class=\"top\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<tr{top}><td>[{}] {}<br><span class=\"sub\">{} · {}</span></td><td><span class=\"bar\"><i style=\"width:{:.0}%\"></i></span>{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            view.doc_number(&id).unwrap_or(0),
            esc(&shorten(title(doc), 70)),
            esc(outlet(doc)),
            esc(&doc_date(doc)),
            (share * 100.0).clamp(0.0, 100.0),
            percent(share),
            s.named,
            s.organization,
            s.anonymous,
            s.unattributed,
            s.hedged,
            s.single_source_figures,
            s.claims
        );
    }
    out.push_str("</table>");
    if let Some(note) = more(ledger.documents.len(), ROWS) {
        let _ = write!(out, "<p class=\"sub\">{}</p>", esc(&note));
    }
    if ledger.outlets.len() > 1 {
        out.push_str("<h3 style=\"margin-top:18px\">By outlet</h3><table><tr><th>outlet</th><th class=\"num\">documents</th><th>anonymous share</th><th class=\"num\">hedged</th><th class=\"num\">single-source figures</th><th class=\"num\">claims</th></tr>");
        for o in ledger.outlets.iter().take(ROWS) {
            let _ = write!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&o.outlet),
                o.documents,
                percent(o.sourcing.anonymous_share),
                o.sourcing.hedged,
                o.sourcing.single_source_figures,
                o.sourcing.claims
            );
        }
        out.push_str("</table>");
    }
    out.push_str("</section>");
}

fn quotes(out: &mut String, ledger: &Ledger, view: &View) {
    out.push_str("<section id=\"quotes\"><h2>Quotes by speaker</h2>");
    let quote_of = |id: &str| {
        view.claim(id).map(|c| {
            let text = c.quote.as_ref().map_or(String::new(), |q| said(q, 140));
            let where_ = view
                .doc(&c.doc)
                .map(|d| format!("{} · {}", outlet(d), doc_date(d)));
            (text, where_.unwrap_or_default())
        })
    };
    for g in ledger
        .quote_groups
        .iter()
        .filter(|g| !g.variants.is_empty())
    {
        for pair in &g.variants {
            let _ = write!(
                out,
                "<div class=\"card\"><h3>{}<span class=\"badge evolving\">same quote, different wording</span></h3><div class=\"variants\">",
                esc(&g.speaker)
            );
            for id in pair {
                if let Some((text, where_)) = quote_of(id) {
                    let _ = write!(
                        out,
                        "<blockquote>{}<cite>{}</cite></blockquote>",
                        esc(&text),
                        esc(&where_)
                    );
                }
            }
            out.push_str("</div></div>");
        }
    }
    out.push_str(
        "<table><tr><th>speaker</th><th class=\"num\">quotes</th><th>first quote</th></tr>",
    );
    for g in &ledger.quote_groups {
        let first = g
            .claims
            .first()
            .and_then(|id| quote_of(id))
            .map(|(t, _)| t)
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&g.speaker),
            g.claims.len(),
            esc(&first)
        );
    }
    out.push_str("</table></section>");
}

fn entities(out: &mut String, ledger: &Ledger) {
    out.push_str("<section id=\"entities\"><h2>Entities</h2>");
    if ledger.entities.is_empty() {
        out.push_str("<p class=\"sub\">No entities resolved.</p></section>");
        return;
    }
    out.push_str("<table><tr><th>name</th><th>type</th><th>also written</th><th class=\"num\">mentions</th><th class=\"num\">documents</th></tr>");
    let mut entities: Vec<_> = ledger.entities.iter().collect();
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.name.cmp(&b.name))
    });
    let total = entities.len();
    for e in entities.into_iter().take(ROWS) {
        let docs: std::collections::BTreeSet<&str> =
            e.mentions.iter().map(|m| m.doc.as_str()).collect();
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&e.name),
            crate::entity_type_name(e.kind),
            esc(&e.aliases.join(", ")),
            e.mentions.len(),
            docs.len()
        );
    }
    out.push_str("</table>");
    if let Some(note) = more(total, ROWS) {
        let _ = write!(out, "<p class=\"sub\">{}</p>", esc(&note));
    }
    out.push_str("</section>");
}

fn documents(out: &mut String, ledger: &Ledger, view: &View) {
    out.push_str("<section id=\"documents\"><h2>Documents</h2><table><tr><th>#</th><th>title</th><th>outlet</th><th>date</th><th class=\"num\">words</th><th class=\"num\">claims</th></tr>");
    for (i, doc) in ledger.documents.iter().enumerate().take(ROWS) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            i + 1,
            esc(title(doc)),
            esc(outlet(doc)),
            esc(&doc_date(doc)),
            doc.word_count(),
            view.claims_of(&doc.id).len()
        );
    }
    out.push_str("</table>");
    if let Some(note) = more(ledger.documents.len(), ROWS) {
        let _ = write!(out, "<p class=\"sub\">{}</p>", esc(&note));
    }
    out.push_str("</section>");
}
