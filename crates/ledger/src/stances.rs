//! Stances by actor over time: the same actor's statements on one matter,
//! ordered by date, with a flag when the actor changed position.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crosscheck_model::{Claim, Polarity, StanceStep, StanceTimeline};

use crate::dates::{calendar_value, DocInfo};
use crate::entities::NameIndex;

/// Mean document spread from which a stance is about the central matter.
const CENTRAL_SPREAD: f64 = 2.0;

/// Which way a polarity leans on whether something is so; `None` for
/// stances that neither confirm nor deny it (condemning presupposes it,
/// alleging and estimating are claims of their own).
fn leaning(polarity: Polarity) -> Option<bool> {
    match polarity {
        Polarity::Confirm | Polarity::Acknowledge => Some(true),
        Polarity::Deny | Polarity::NotConfirmed => Some(false),
        Polarity::Allege | Polarity::Estimate | Polarity::Condemn => None,
    }
}

/// Past-tense verb for a polarity: "denied", "did not confirm".
pub fn polarity_verb(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::Confirm => "confirmed",
        Polarity::Deny => "denied",
        Polarity::NotConfirmed => "did not confirm",
        Polarity::Allege => "alleged",
        Polarity::Estimate => "estimated",
        Polarity::Acknowledge => "acknowledged",
        Polarity::Condemn => "condemned",
    }
}

struct Step<'a> {
    claim: &'a Claim,
    polarity: Polarity,
    about: String,
    tokens: BTreeSet<String>,
}

/// One timeline per actor and matter.
pub fn stance_timelines(
    claims: &[Claim],
    infos: &HashMap<String, DocInfo>,
    names: &NameIndex,
) -> Vec<StanceTimeline> {
    let mut by_actor: BTreeMap<String, Vec<Step>> = BTreeMap::new();
    for claim in claims {
        let Some(stance) = claim.stance() else {
            continue;
        };
        let actor = names.actor_name(&stance.actor);
        if actor.is_empty() {
            continue;
        }
        let about = stance
            .about
            .as_ref()
            .map(|s| s.text.trim().to_string())
            .unwrap_or_default();
        by_actor.entry(actor).or_default().push(Step {
            claim,
            polarity: stance.polarity,
            tokens: stance.matter.clone(),
            about,
        });
    }
    // How many documents' stances use each word: words the whole story
    // shares mark its central matter.
    let mut word_docs: HashMap<&str, HashSet<&str>> = HashMap::new();
    for steps in by_actor.values() {
        for step in steps {
            for t in &step.tokens {
                word_docs
                    .entry(t.as_str())
                    .or_default()
                    .insert(step.claim.doc.as_str());
            }
        }
    }
    let spread: HashMap<String, usize> = word_docs
        .into_iter()
        .map(|(w, docs)| (w.to_string(), docs.len()))
        .collect();
    let mut timelines = Vec::new();
    for (actor, steps) in by_actor {
        for matter in split_matters(steps, &spread) {
            timelines.push(timeline(&actor, matter, infos, &spread));
        }
    }
    timelines.sort_by(|a, b| {
        b.changed
            .cmp(&a.changed)
            .then(b.steps.len().cmp(&a.steps.len()))
            .then(a.actor.cmp(&b.actor))
    });
    timelines
}

/// Mean number of documents whose stances share a step's words (0 for a
/// generic step).
fn centrality(step: &Step, spread: &HashMap<String, usize>) -> f64 {
    if step.tokens.is_empty() {
        return 0.0;
    }
    let total: usize = step
        .tokens
        .iter()
        .map(|t| spread.get(t).copied().unwrap_or(1))
        .sum();
    total as f64 / step.tokens.len() as f64
}

/// Splits one actor's stances into matters. Steps about the story's central
/// matter (their words recur across documents, on average in at least
/// [`CENTRAL_SPREAD`] documents) and generic steps ("denied the reports")
/// form the main matter; the rest split by shared content words.
fn split_matters<'a>(steps: Vec<Step<'a>>, spread: &HashMap<String, usize>) -> Vec<Vec<Step<'a>>> {
    let mut main: Vec<Step> = Vec::new();
    let mut generic: Vec<Step> = Vec::new();
    let mut matters: Vec<Vec<Step>> = Vec::new();
    let mut by_token: HashMap<String, usize> = HashMap::new();
    for step in steps {
        if step.tokens.is_empty() {
            generic.push(step);
            continue;
        }
        if centrality(&step, spread) >= CENTRAL_SPREAD {
            main.push(step);
            continue;
        }
        let found = step.tokens.iter().find_map(|t| by_token.get(t)).copied();
        let index = match found {
            Some(i) => i,
            None => {
                matters.push(Vec::new());
                matters.len() - 1
            }
        };
        for t in &step.tokens {
            by_token.entry(t.clone()).or_insert(index);
        }
        if let Some(members) = matters.get_mut(index) {
            members.push(step);
        }
    }
    // Generic steps belong with the main matter, or else the largest one.
    if main.is_empty() {
        let largest = matters
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| (m.len(), usize::MAX - i))
            .map(|(i, _)| i);
        if let Some(i) = largest {
            main = matters.remove(i);
        }
    }
    main.extend(generic);
    let mut all = Vec::with_capacity(matters.len() + 1);
    if !main.is_empty() {
        all.push(main);
    }
    all.extend(matters);
    all
}

/// Where a claim's time qualifier puts it among the other claims of its
/// document: what was "initially" or "had been" said comes before what is
/// said "now" or "later".
fn narrative_phase(claim: &Claim) -> u8 {
    match claim.time.as_ref().map(|t| t.value.as_str()) {
        Some("INITIAL") => 0,
        Some("PAST_REF") => 1,
        Some(v) if calendar_value(v).is_some() => 2,
        Some("ONGOING") | None => 3,
        Some("PRESENT_REF") => 4,
        Some("LATER" | "FUTURE_REF") => 5,
        Some(_) => 3,
    }
}

/// The claim's own calendar date, else its document's.
fn step_date(claim: &Claim, infos: &HashMap<String, DocInfo>) -> Option<String> {
    claim
        .time
        .as_ref()
        .and_then(|t| calendar_value(&t.value))
        .map(str::to_string)
        .or_else(|| infos.get(&claim.doc).and_then(|i| i.date.clone()))
}

fn timeline(
    actor: &str,
    mut steps: Vec<Step>,
    infos: &HashMap<String, DocInfo>,
    spread: &HashMap<String, usize>,
) -> StanceTimeline {
    // Documents in time order (undated ones last, in input order); within a
    // document, the order its own time words give, then the text's order.
    let key = |s: &Step| {
        let info = infos.get(&s.claim.doc);
        let doc_date = info.and_then(|i| i.date.clone());
        let own_date = s
            .claim
            .time
            .as_ref()
            .and_then(|t| calendar_value(&t.value))
            .map(str::to_string);
        (
            doc_date.is_none(),
            doc_date,
            info.map_or(usize::MAX, |i| i.order),
            narrative_phase(s.claim),
            own_date,
            s.claim.span.start,
        )
    };
    steps.sort_by_cached_key(key);
    // A change of position is only read from steps whose place in time is
    // known: an undated article could come before or after the rest.
    let leanings: Vec<bool> = steps
        .iter()
        .filter(|s| step_date(s.claim, infos).is_some())
        .filter_map(|s| leaning(s.polarity))
        .collect();
    let changed = leanings.windows(2).any(|w| w[0] != w[1]);
    // Name the matter by the wording used most often; between wordings used
    // equally often, by the one whose words the story shares most (the
    // central matter rather than a side remark), then the shorter.
    let mut counts: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    for s in steps.iter().filter(|s| !s.tokens.is_empty()) {
        let entry = counts
            .entry(s.about.as_str())
            .or_insert((0, centrality(s, spread)));
        entry.0 += 1;
    }
    let about = counts
        .into_iter()
        .max_by(|(a, (ca, wa)), (b, (cb, wb))| {
            ca.cmp(cb)
                .then(wa.total_cmp(wb))
                .then(b.len().cmp(&a.len()))
        })
        .map(|(a, _)| a.to_string())
        .or_else(|| {
            steps
                .iter()
                .find(|s| !s.about.is_empty())
                .map(|s| s.about.clone())
        })
        .unwrap_or_else(|| "(unspecified)".to_string());
    StanceTimeline {
        story: String::new(),
        actor: actor.to_string(),
        about,
        changed,
        steps: steps
            .iter()
            .map(|s| StanceStep {
                claim: s.claim.id.clone(),
                doc: s.claim.doc.clone(),
                polarity: s.polarity,
                date: step_date(s.claim, infos),
                when: s.claim.time.as_ref().map(|t| t.text.clone()),
            })
            .collect(),
    }
}
