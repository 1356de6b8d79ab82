//! The story timeline: one entry per document (its publication) and per
//! dated claim, in date order, documents without dates by input order.

use std::collections::{HashMap, HashSet};

use crosscheck_model::{Claim, ClaimBody, ClaimKind, Document, TimelineEntry};

use crate::dates::{calendar_value, DocInfo};
use crate::propositions::value_text_of;
use crate::stances::polarity_verb;

/// Words of a quote shown in a summary before it is cut short.
const QUOTE_WORDS: usize = 14;

/// A short line saying what a claim asserts: the one place each kind of
/// claim is put in words (the reports use it for kinds without their own
/// layout).
pub fn claim_summary(claim: &Claim) -> String {
    let source = claim
        .source
        .name
        .clone()
        .or_else(|| claim.source.role.clone())
        .unwrap_or_else(|| "Unattributed".to_string());
    match &claim.body {
        ClaimBody::Stance { stance } => {
            let about = stance.about.as_ref().map_or("", |s| s.text.as_str());
            format!(
                "{} {} {}",
                stance.actor,
                polarity_verb(stance.polarity),
                about
            )
            .trim_end()
            .to_string()
        }
        ClaimBody::Quantity { quantity } => {
            let subject = quantity.subject.as_deref().unwrap_or("");
            format!("{source}: {} {subject}", value_text_of(quantity))
                .trim_end()
                .to_string()
        }
        ClaimBody::Quote { quote } => {
            let words: Vec<&str> = quote.text.split_whitespace().collect();
            let cut = words.len() > QUOTE_WORDS;
            let shown = words
                .get(..QUOTE_WORDS.min(words.len()))
                .unwrap_or(&[])
                .join(" ");
            let shown = format!("{shown}{}", if cut { " …" } else { "" });
            // Reported speech is a paraphrase: only verbatim words get marks.
            if quote.direct {
                format!("{source}: “{shown}”")
            } else {
                format!("{source}: {shown}")
            }
        }
    }
}

/// Which claim of a dated sentence stands for it on the timeline: a stance,
/// else a figure, else any other.
fn kind_rank(kind: ClaimKind) -> u8 {
    match kind {
        ClaimKind::Stance => 0,
        ClaimKind::Quantity => 1,
        _ => 2,
    }
}

pub fn timeline(
    documents: &[&Document],
    claims: &[Claim],
    infos: &HashMap<String, DocInfo>,
) -> Vec<TimelineEntry> {
    // (sort date, order, sentence, entry)
    let mut entries: Vec<(Option<String>, usize, usize, TimelineEntry)> = Vec::new();
    for doc in documents {
        let Some(info) = infos.get(&doc.id) else {
            continue;
        };
        let title = doc.title.as_deref().unwrap_or("Untitled article");
        let outlet = doc
            .outlet
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        let summary = if info.date.is_none() {
            format!("Published, date unknown: {title}{outlet}")
        } else {
            format!("Published: {title}{outlet}")
        };
        entries.push((
            info.date.clone(),
            info.order,
            0,
            TimelineEntry {
                story: String::new(),
                date: info.date.clone(),
                date_estimated: info.estimated,
                doc: doc.id.clone(),
                claim: None,
                summary,
            },
        ));
    }
    // One entry per dated sentence: the stance if there is one, else the
    // figure, else the quote.
    let mut ordered: Vec<&Claim> = claims.iter().collect();
    ordered.sort_by_key(|c| kind_rank(c.kind()));
    let relative: HashMap<&str, HashSet<(&str, &str)>> = documents
        .iter()
        .map(|d| {
            let set = d
                .time_expressions
                .iter()
                .filter(|t| t.relative)
                .map(|t| (t.text.as_str(), t.value.as_str()))
                .collect();
            (d.id.as_str(), set)
        })
        .collect();
    let mut seen: HashSet<(&str, usize, &str)> = HashSet::new();
    for claim in ordered {
        let Some(time) = &claim.time else { continue };
        let Some(value) = calendar_value(&time.value) else {
            continue;
        };
        if !seen.insert((claim.doc.as_str(), claim.sentence, value)) {
            continue;
        }
        let info = infos.get(&claim.doc);
        // A relative date ("last Tuesday") in an article whose date is only
        // estimated is itself an estimate.
        let estimated = info.is_some_and(|i| i.estimated)
            && relative
                .get(claim.doc.as_str())
                .is_some_and(|r| r.contains(&(time.text.as_str(), time.value.as_str())));
        entries.push((
            Some(value.to_string()),
            info.map_or(usize::MAX, |i| i.order),
            claim.sentence + 1,
            TimelineEntry {
                story: String::new(),
                date: Some(value.to_string()),
                date_estimated: estimated,
                doc: claim.doc.clone(),
                claim: Some(claim.id.clone()),
                summary: claim_summary(claim),
            },
        ));
    }
    entries.sort_by(|a, b| (a.0.is_none(), &a.0, a.1, a.2).cmp(&(b.0.is_none(), &b.0, b.1, b.2)));
    entries.into_iter().map(|(_, _, _, e)| e).collect()
}
