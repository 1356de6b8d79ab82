//! Grouping the figures of one story about the same measured thing into
//! propositions and deciding how their values relate (see
//! [`crate::verdict`]).
//!
//! Claims are bucketed by (head class, unit) and, inside a bucket, by their
//! normalised subject, so the only pairwise work is between *distinct*
//! subjects sharing a head: the cost grows with the number of claims, not
//! with its square.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crosscheck_model::{Bound, Claim, Measure, Proposition, PropositionValue, Quantity};

use crate::dates::DocInfo;
use crate::figure_time::FigureTime;
use crate::lexicon::Lexicon;
use crate::measures::match_score;
use crate::verdict::{self, Observation};

/// What the verdict needs to know about a figure beyond its claim: the time
/// it is about and the party its source speaks for.
pub trait Judge {
    /// The time the figure is about.
    fn time_of(&self, claim: &Claim) -> FigureTime;
    /// The party to the story the figure's source speaks for.
    fn party_of(&self, claim: &Claim) -> Option<String>;
    /// True when words beside the figure make it a part, an addition or an
    /// option ("a further 437 mln"): never compared with a whole.
    fn is_part(&self, claim: &Claim) -> bool;
    /// The entities the figure's sentence is about, its source's left out.
    fn context_of(&self, claim: &Claim) -> Vec<String>;
    /// The entities of the first sentence of the figure's document (its
    /// headline or lead): what the article is about.
    fn lead_of(&self, claim: &Claim) -> Vec<String>;
    /// Whose the counted things are, when a possessive says so ("his
    /// group's 6.9 mln shares", "its 19,000 tonne quota").
    fn holder_of(&self, claim: &Claim) -> Option<String>;
    /// The words beside the figure (reduced to their word classes, its
    /// subject's own left out): what happens to what it counts.
    fn neighbours_of(&self, claim: &Claim) -> Vec<String>;
    /// The figure's sentence, lower case.
    fn sentence_of(&self, claim: &Claim) -> String;
}

/// Relative tolerance applied to both ends of an approximate value.
const APPROXIMATION_TOLERANCE: f64 = 0.10;

/// Propositions plus the quantity claims no other document corroborates.
#[derive(Debug, Default)]
pub struct Grouping {
    pub propositions: Vec<Proposition>,
    /// Claim ids of figures that only one source gives.
    pub uncorroborated: HashSet<String>,
}

/// One value of a proposition with what the decisions need.
#[derive(Debug, Clone)]
struct Value<'a> {
    claim: &'a Claim,
    quantity: &'a Quantity,
    /// Interval the value allows, widened for approximate values.
    lo: f64,
    hi: f64,
    /// A single number standing for the value (midpoint or the known bound).
    representative: f64,
    info: Option<&'a DocInfo>,
    /// The time the figure is about.
    time: FigureTime,
    party: Option<String>,
    /// What the figure counts, when it can be compared with another.
    comparable: Option<Measure>,
    context: Vec<String>,
    lead: Vec<String>,
    holder: Option<String>,
    neighbours: Vec<String>,
    sentence: String,
}

impl Value<'_> {
    fn date(&self) -> Option<&str> {
        self.info.and_then(|i| i.date.as_deref())
    }

    fn order(&self) -> usize {
        self.info.map_or(usize::MAX, |i| i.order)
    }

    fn origin(&self) -> &str {
        self.info
            .map_or(self.claim.doc.as_str(), |i| i.origin.as_str())
    }

    /// A copy of a report counted elsewhere (its document duplicates
    /// another).
    fn is_copy(&self) -> bool {
        self.origin() != self.claim.doc
    }
}

fn value_of<'a>(claim: &'a Claim, infos: &'a HashMap<String, DocInfo>) -> Option<Value<'a>> {
    let quantity = claim.quantity()?;
    let (low, high) = (
        quantity.low.filter(|v| v.is_finite()),
        quantity.high.filter(|v| v.is_finite()),
    );
    let representative = match (low, high) {
        (Some(l), Some(h)) => (l + h) / 2.0,
        (Some(v), None) | (None, Some(v)) => v,
        (None, None) => return None,
    };
    let tolerance = if quantity.approximate {
        APPROXIMATION_TOLERANCE
    } else {
        0.0
    };
    let lo = low.map_or(f64::NEG_INFINITY, |l| l - l.abs() * tolerance);
    let hi = high.map_or(f64::INFINITY, |h| h + h.abs() * tolerance);
    Some(Value {
        claim,
        quantity,
        lo,
        hi,
        representative,
        info: infos.get(&claim.doc),
        time: FigureTime::unknown(),
        party: None,
        comparable: None,
        context: Vec::new(),
        lead: Vec::new(),
        holder: None,
        neighbours: Vec::new(),
        sentence: String::new(),
    })
}

/// What a figure counts, when it says: its measure (subject and event, from
/// analysis), unless the subject names only a unit or a change ("dlrs",
/// "increase", a head class of the lexicon's generic heads).
fn comparable_measure(lexicon: &Lexicon, quantity: &Quantity) -> Option<Measure> {
    let measure = quantity.measure.as_ref()?;
    (!lexicon.generic_heads.contains(&measure.head)).then(|| measure.clone())
}

/// A growing group of distinct subjects judged to measure the same thing.
struct Cluster {
    profile: Measure,
    subjects: Vec<usize>,
}

/// Groups the quantity claims into propositions. `contexts[i]` names what
/// claim `i`'s sentence is about (its entities): figures with the same
/// subject join only when their sentences share an entity, so "shares" of
/// two unrelated companies stay apart. Heads and counts that only grow
/// are read from `lexicon`.
pub fn group(
    lexicon: &Lexicon,
    claims: &[Claim],
    contexts: &[Vec<String>],
    infos: &HashMap<String, DocInfo>,
    story: &str,
    judge: &dyn Judge,
) -> Grouping {
    let mut grouping = Grouping::default();
    // bucket → distinct subject → claim indices
    let mut buckets: HashMap<(String, String), HashMap<&Measure, Vec<usize>>> = HashMap::new();
    for (i, claim) in claims.iter().enumerate() {
        let Some(quantity) = claim.quantity() else {
            continue;
        };
        if value_of(claim, infos).is_none() {
            continue;
        }
        let Some(measure) = quantity.measure.as_ref() else {
            // Nothing says what this figure counts: nobody can corroborate it.
            grouping.uncorroborated.insert(claim.id.clone());
            continue;
        };
        let unit = quantity.unit.as_deref().unwrap_or("").to_lowercase();
        buckets
            .entry((measure.head.clone(), unit))
            .or_default()
            .entry(measure)
            .or_default()
            .push(i);
    }
    let mut keys: Vec<_> = buckets.keys().cloned().collect();
    keys.sort();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for key in keys {
        let Some(subjects) = buckets.remove(&key) else {
            continue;
        };
        for members in cluster_bucket(subjects) {
            groups.extend(split_by_context(members, claims, contexts));
        }
    }
    let mut propositions: Vec<(usize, Proposition)> = groups
        .into_iter()
        .filter_map(|members| {
            let mut values: Vec<Value> = members
                .iter()
                .filter_map(|&i| claims.get(i))
                .filter_map(|c| {
                    let mut v = value_of(c, infos)?;
                    v.time = judge.time_of(c);
                    v.party = judge.party_of(c);
                    if !judge.is_part(c) {
                        v.comparable = comparable_measure(lexicon, v.quantity);
                    }
                    v.context = judge.context_of(c);
                    v.lead = judge.lead_of(c);
                    v.holder = judge.holder_of(c);
                    v.neighbours = judge.neighbours_of(c);
                    v.sentence = judge.sentence_of(c);
                    Some(v)
                })
                .collect();
            if values.is_empty() {
                return None;
            }
            // In the order of the time each figure is about, then of the
            // documents: a series reads in time order.
            values.sort_by(|a, b| {
                let (ka, kb) = (a.time.sort_key(), b.time.sort_key());
                (
                    ka.is_none(),
                    ka,
                    a.date().is_none(),
                    a.date(),
                    a.order(),
                    a.claim.span.start,
                )
                    .cmp(&(
                        kb.is_none(),
                        kb,
                        b.date().is_none(),
                        b.date(),
                        b.order(),
                        b.claim.span.start,
                    ))
            });
            for v in uncorroborated(&values) {
                grouping.uncorroborated.insert(v.to_string());
            }
            let origins: BTreeSet<&str> = values.iter().map(Value::origin).collect();
            Some((origins.len(), proposition(lexicon, &values, story)))
        })
        .collect();
    // Most widely reported first.
    propositions.sort_by(|(na, a), (nb, b)| {
        nb.cmp(na)
            .then(b.values.len().cmp(&a.values.len()))
            .then(a.label.cmp(&b.label))
    });
    grouping.propositions = propositions
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut p))| {
            p.id = format!("p{}", i + 1);
            p
        })
        .collect();
    grouping
}

/// Assigns each distinct subject to the best matching cluster, most specific
/// subjects first so bare heads ("troops") join a specific group rather than
/// bridging two groups that disagree.
fn cluster_bucket(subjects: HashMap<&Measure, Vec<usize>>) -> Vec<Vec<usize>> {
    let mut distinct: Vec<(&Measure, Vec<usize>)> = subjects.into_iter().collect();
    distinct.sort_by(|(a, ca), (b, cb)| {
        let spec = |s: &Measure| s.entities.len() * 4 + s.actions.len() * 2 + s.modifiers.len();
        spec(b)
            .cmp(&spec(a))
            .then(cb.len().cmp(&ca.len()))
            .then(a.cmp(b))
    });
    // Every cluster is a candidate: clusters are few (distinct wordings
    // of one head), and a bare subject may match one sharing no word.
    let mut clusters: Vec<Cluster> = Vec::new();
    for (index, (subject, _)) in distinct.iter().enumerate() {
        let candidates = 0..clusters.len();
        let best = candidates
            .into_iter()
            .filter_map(|c| {
                let cluster = clusters.get(c)?;
                let score = match_score(subject, &cluster.profile)?;
                Some((score, cluster.subjects.len(), c))
            })
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
        let target = match best {
            Some((_, _, c)) => c,
            None => {
                clusters.push(Cluster {
                    profile: Measure {
                        head: subject.head.clone(),
                        ..Measure::default()
                    },
                    subjects: Vec::new(),
                });
                clusters.len() - 1
            }
        };
        let Some(cluster) = clusters.get_mut(target) else {
            continue;
        };
        cluster.subjects.push(index);
        cluster
            .profile
            .entities
            .extend(subject.entities.iter().cloned());
        cluster
            .profile
            .modifiers
            .extend(subject.modifiers.iter().cloned());
        cluster
            .profile
            .actions
            .extend(subject.actions.iter().cloned());
    }
    clusters
        .into_iter()
        .map(|c| {
            let mut members: Vec<usize> = c
                .subjects
                .iter()
                .filter_map(|&s| distinct.get(s))
                .flat_map(|(_, claims)| claims.iter().copied())
                .collect();
            members.sort_unstable();
            members
        })
        .collect()
}

/// Splits a cluster into parts whose sentences are connected by shared
/// entities (or a shared document). Figures whose sentences name no entity
/// join the largest part. Union-find over an entity index: linear.
fn split_by_context(
    members: Vec<usize>,
    claims: &[Claim],
    contexts: &[Vec<String>],
) -> Vec<Vec<usize>> {
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while let Some(&p) = parent.get(i) {
            if p == i {
                break;
            }
            let grand = parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = parent.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }
    let mut parent: Vec<usize> = (0..members.len()).collect();
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut unanchored = vec![false; members.len()];
    for (k, &claim) in members.iter().enumerate() {
        let context = contexts.get(claim).map_or(&[][..], Vec::as_slice);
        if let (true, Some(flag)) = (context.is_empty(), unanchored.get_mut(k)) {
            *flag = true;
        }
        let doc = claims.get(claim).map(|c| c.doc.as_str());
        let keys = context
            .iter()
            .map(String::as_str)
            .chain(doc.filter(|_| !context.is_empty()));
        for key in keys {
            match first.get(key) {
                Some(&other) => {
                    let (a, b) = (find(&mut parent, k), find(&mut parent, other));
                    if let Some(slot) = parent.get_mut(a) {
                        *slot = b;
                    }
                }
                None => {
                    first.insert(key, k);
                }
            }
        }
    }
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, &claim) in members.iter().enumerate() {
        if unanchored.get(k).copied().unwrap_or(false) {
            continue;
        }
        let root = find(&mut parent, k);
        parts.entry(root).or_default().push(claim);
    }
    let mut parts: Vec<Vec<usize>> = parts.into_values().collect();
    let loose: Vec<usize> = members
        .iter()
        .zip(&unanchored)
        .filter(|(_, &loose)| loose)
        .map(|(&claim, _)| claim)
        .collect();
    match parts.iter_mut().max_by_key(|p| p.len()) {
        Some(largest) => {
            largest.extend(loose);
            largest.sort_unstable();
        }
        None => parts.push(loose),
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// Claim ids whose value no value from another (independent) document
/// allows. Counts overlaps with sorted bounds: O(n log n).
fn uncorroborated<'a>(values: &[Value<'a>]) -> Vec<&'a str> {
    fn overlapping(lows: &[f64], highs: &[f64], lo: f64, hi: f64) -> usize {
        let ends_before = highs.partition_point(|&h| h < lo);
        let starts_after = lows.len() - lows.partition_point(|&l| l <= hi);
        lows.len().saturating_sub(ends_before + starts_after)
    }
    fn sorted(mut xs: Vec<f64>) -> Vec<f64> {
        xs.sort_by(f64::total_cmp);
        xs
    }
    let all_lows = sorted(values.iter().map(|v| v.lo).collect());
    let all_highs = sorted(values.iter().map(|v| v.hi).collect());
    let mut per_origin: HashMap<&str, (Vec<f64>, Vec<f64>)> = HashMap::new();
    for v in values {
        let entry = per_origin.entry(v.origin()).or_default();
        entry.0.push(v.lo);
        entry.1.push(v.hi);
    }
    let per_origin: HashMap<&str, (Vec<f64>, Vec<f64>)> = per_origin
        .into_iter()
        .map(|(k, (l, h))| (k, (sorted(l), sorted(h))))
        .collect();
    values
        .iter()
        .filter(|v| {
            let total = overlapping(&all_lows, &all_highs, v.lo, v.hi);
            let own = per_origin
                .get(v.origin())
                .map_or(0, |(l, h)| overlapping(l, h, v.lo, v.hi));
            total <= own
        })
        .map(|v| v.claim.id.as_str())
        .collect()
}

fn proposition(lexicon: &Lexicon, values: &[Value], story: &str) -> Proposition {
    // A measure's actions hold its subject's participles and its event's.
    let cumulative = values.iter().any(|v| {
        v.quantity
            .measure
            .iter()
            .flat_map(|m| &m.actions)
            .any(|a| lexicon.cumulative_events.contains(a))
    });
    let observations: Vec<Observation> = values
        .iter()
        .map(|v| Observation {
            lo: v.lo,
            hi: v.hi,
            representative: v.representative,
            text: value_text(v),
            source: source_label(v),
            party: v.party.clone(),
            origin: v.origin(),
            copy: v.is_copy(),
            time: v.time.clone(),
            subject: v.comparable.clone(),
            context: v.context.clone(),
            lead: v.lead.clone(),
            holder: v.holder.clone(),
            neighbours: v.neighbours.clone(),
            sentence: v.sentence.clone(),
            figure: v.quantity.span.text.to_lowercase(),
            percent: v.quantity.unit.as_deref() == Some("percent"),
            rate: v.quantity.rate.as_deref().map(str::to_lowercase),
            outlet: v.info.and_then(|i| i.outlet.clone()),
        })
        .collect();
    let (status, explanation) = verdict::decide(lexicon, &observations, cumulative);
    Proposition {
        id: String::new(),
        story: story.to_string(),
        label: label(values),
        claims: values.iter().map(|v| v.claim.id.clone()).collect(),
        status,
        explanation,
        values: values
            .iter()
            .map(|v| PropositionValue {
                claim: v.claim.id.clone(),
                doc: v.claim.doc.clone(),
                low: v.quantity.low,
                high: v.quantity.high,
                text: v.quantity.span.text.clone(),
                source: v.claim.source.name.clone(),
                outlet: v.info.and_then(|i| i.outlet.clone()),
                date: v.date().map(str::to_string),
                time: Some(v.time.label()),
                time_basis: Some(v.time.basis.clone()),
                party: v.party.clone(),
                copy_of: v.is_copy().then(|| copy_of(v, values)),
            })
            .collect(),
    }
}

/// The original of a copied figure: the claim giving the same value in the
/// document copied, else that document.
fn copy_of(copy: &Value, values: &[Value]) -> String {
    values
        .iter()
        .find(|o| {
            o.claim.doc == copy.origin()
                && o.quantity.low == copy.quantity.low
                && o.quantity.high == copy.quantity.high
        })
        .map_or_else(|| copy.origin().to_string(), |o| o.claim.id.clone())
}

/// The most common way the subject is written, without leading
/// determiners or number words.
fn label(values: &[Value]) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for v in values {
        if let Some(subject) = v.quantity.subject.as_deref() {
            *counts.entry(trim_subject(subject)).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|(a, ca), (b, cb)| ca.cmp(cb).then(b.len().cmp(&a.len())).then(b.cmp(a)))
        .map(|(s, _)| s)
        .unwrap_or_default()
}

fn trim_subject(subject: &str) -> String {
    const LEADING: &[&str] = &[
        "the", "a", "an", "some", "about", "around", "of", "more", "than", "up", "to", "nearly",
        "over", "at", "least",
    ];
    let words: Vec<&str> = subject.split_whitespace().collect();
    let start = words
        .iter()
        .position(|w| {
            !LEADING.contains(&w.to_lowercase().as_str()) && !w.chars().any(|c| c.is_ascii_digit())
        })
        .unwrap_or(words.len());
    words.get(start..).unwrap_or(&[]).join(" ")
}

fn source_label(v: &Value) -> String {
    v.claim
        .source
        .name
        .clone()
        .or_else(|| v.claim.source.role.clone())
        .or_else(|| v.info.and_then(|i| i.outlet.clone()))
        .unwrap_or_else(|| "an unattributed report".to_string())
}

/// A value written compactly: "~14,000", "8,000–12,000", "up to 12,000".
pub fn value_text_of(quantity: &Quantity) -> String {
    let approx = if quantity.approximate { "~" } else { "" };
    match (quantity.low, quantity.high, quantity.bound) {
        (Some(l), Some(h), _) if l != h => {
            format!("{approx}{}–{}", format_number(l), format_number(h))
        }
        (Some(l), _, Bound::AtLeast) => format!("at least {}", format_number(l)),
        (_, Some(h), Bound::AtMost) => format!("up to {}", format_number(h)),
        (Some(l), None, _) => format!("at least {}", format_number(l)),
        (None, Some(h), _) => format!("up to {}", format_number(h)),
        (Some(l), Some(_), _) => format!("{approx}{}", format_number(l)),
        (None, None, _) => quantity.span.text.clone(),
    }
}

fn value_text(v: &Value) -> String {
    value_text_of(v.quantity)
}

/// 12000 → "12,000"; 2.5 → "2.5".
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let negative = value < 0.0;
    let fixed = format!("{:.2}", value.abs());
    let (digits, decimals) = fixed.split_once('.').unwrap_or((fixed.as_str(), ""));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let decimals = decimals.trim_end_matches('0');
    if !decimals.is_empty() {
        grouped.push('.');
        grouped.push_str(decimals);
    }
    if negative {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for (v, want) in [
            (12000.0, "12,000"),
            (1500.0, "1,500"),
            (2.5, "2.5"),
            (999.0, "999"),
            (1234567.0, "1,234,567"),
            (-40.0, "-40"),
            (0.25, "0.25"),
            (0.999, "1"),
        ] {
            assert_eq!(format_number(v), want);
        }
    }

    #[test]
    fn trims_subjects() {
        assert_eq!(trim_subject("some 4,000 Veloran troops"), "Veloran troops");
        assert_eq!(trim_subject("the troops"), "troops");
    }
}
