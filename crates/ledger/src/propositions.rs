//! Grouping figures about the same measured thing into propositions and
//! deciding whether their values agree, conflict or evolve over time.
//!
//! Claims are bucketed by (head class, unit) and, inside a bucket, by their
//! normalised subject, so the only pairwise work is between *distinct*
//! subjects sharing a head: the cost grows with the number of claims, not
//! with its square.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crosscheck_model::{
    Bound, Claim, Measure, Proposition, PropositionStatus, PropositionValue, Quantity,
};

use crate::dates::DocInfo;
use crate::measures::match_score;

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
    })
}

/// A growing group of distinct subjects judged to measure the same thing.
struct Cluster {
    profile: Measure,
    subjects: Vec<usize>,
}

/// Groups the quantity claims into propositions. `contexts[i]` names what
/// claim `i`'s sentence is about (its entities): figures with the same
/// subject join only when their sentences share an entity, so "shares" of
/// two unrelated companies stay apart.
pub fn group(
    claims: &[Claim],
    contexts: &[Vec<String>],
    infos: &HashMap<String, DocInfo>,
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
                .filter_map(|c| value_of(c, infos))
                .collect();
            if values.is_empty() {
                return None;
            }
            values.sort_by(|a, b| {
                (a.date().is_none(), a.date(), a.order(), a.claim.span.start).cmp(&(
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
            Some((origins.len(), proposition(&values)))
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

fn proposition(values: &[Value]) -> Proposition {
    let (status, explanation) = decide(values);
    Proposition {
        id: String::new(),
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
            })
            .collect(),
    }
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

/// Status and a one-line reason.
fn decide(values: &[Value]) -> (PropositionStatus, String) {
    let origins: BTreeSet<&str> = values.iter().map(Value::origin).collect();
    let sources: BTreeSet<String> = values.iter().map(source_label).collect();
    // Among equal values, name one whose source is known.
    let attributed = |v: &Value| v.claim.source.name.is_some();
    let (Some(min), Some(max)) = (
        values.iter().min_by(|a, b| {
            a.representative
                .total_cmp(&b.representative)
                .then(attributed(b).cmp(&attributed(a)))
        }),
        values.iter().max_by(|a, b| {
            a.representative
                .total_cmp(&b.representative)
                .then(attributed(a).cmp(&attributed(b)))
                .then(b.order().cmp(&a.order()))
        }),
    ) else {
        return (PropositionStatus::SingleSource, String::new());
    };
    if origins.len() <= 1 {
        let first = values.first().unwrap_or(min);
        let where_ = match (first.info.and_then(|i| i.outlet.as_deref()), first.date()) {
            (Some(o), Some(d)) => format!(" ({o}, {d})"),
            (Some(o), None) => format!(" ({o})"),
            (None, Some(d)) => format!(" ({d})"),
            (None, None) => String::new(),
        };
        let text = if values.len() == 1 {
            format!(
                "Only {} gives this figure{where_}: {}.",
                source_label(first),
                value_text(first)
            )
        } else if sources.len() == 1 {
            format!(
                "All {} figures come from {}{where_}: {} to {}.",
                values.len(),
                source_label(first),
                value_text(min),
                value_text(max)
            )
        } else {
            format!(
                "All {} figures come from one document{where_}: {} to {}.",
                values.len(),
                value_text(min),
                value_text(max)
            )
        };
        return (PropositionStatus::SingleSource, text);
    }
    let highest_low = values
        .iter()
        .map(|v| v.lo)
        .fold(f64::NEG_INFINITY, f64::max);
    let lowest_high = values.iter().map(|v| v.hi).fold(f64::INFINITY, f64::min);
    if highest_low <= lowest_high {
        let text = if values
            .iter()
            .all(|v| v.representative == min.representative)
        {
            format!(
                "{} sources in {} documents agree on {}.",
                sources.len(),
                origins.len(),
                value_text(min)
            )
        } else {
            format!(
                "{} sources in {} documents give figures from {} to {} that can all be true at once.",
                sources.len(),
                origins.len(),
                value_text(min),
                value_text(max)
            )
        };
        return (PropositionStatus::Consistent, text);
    }
    if let Some((first, last)) = evolution(values) {
        let direction = if last.representative > first.representative {
            "higher"
        } else {
            "lower"
        };
        let text = format!(
            "Figures range from {} to {}; later reports give {direction} numbers.",
            described(first),
            described(last)
        );
        return (PropositionStatus::Evolving, text);
    }
    let text = format!(
        "Figures range from {} to {}; they cannot all be true at once.",
        described(min),
        described(max)
    );
    (PropositionStatus::Conflicting, text)
}

/// When the values, taken date by date, only ever move one way: the
/// earliest and latest values.
fn evolution<'v, 'a>(values: &'v [Value<'a>]) -> Option<(&'v Value<'a>, &'v Value<'a>)> {
    let mut by_date: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for v in values {
        if let Some(d) = v.date() {
            by_date.entry(d).or_default().push(v);
        }
    }
    if by_date.len() < 2 {
        return None;
    }
    let medians: Vec<f64> = by_date
        .values()
        .map(|vs| {
            let mut reps: Vec<f64> = vs.iter().map(|v| v.representative).collect();
            reps.sort_by(f64::total_cmp);
            reps.get(reps.len() / 2).copied().unwrap_or(0.0)
        })
        .collect();
    let rising = medians.windows(2).all(|w| w[1] >= w[0]);
    let falling = medians.windows(2).all(|w| w[1] <= w[0]);
    let (first_median, last_median) = (medians.first()?, medians.last()?);
    if !(rising || falling) || first_median == last_median {
        return None;
    }
    let pick = |vs: &Vec<&'v Value<'a>>, median: f64| {
        vs.iter()
            .min_by(|a, b| {
                (a.representative - median)
                    .abs()
                    .total_cmp(&(b.representative - median).abs())
            })
            .copied()
    };
    let first = pick(by_date.values().next()?, *first_median)?;
    let last = pick(by_date.values().next_back()?, *last_median)?;
    Some((first, last))
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

fn described(v: &Value) -> String {
    match v.date() {
        Some(d) => format!("{} ({}, {d})", value_text(v), source_label(v)),
        None => format!("{} ({})", value_text(v), source_label(v)),
    }
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
