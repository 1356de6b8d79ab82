//! How the figures of one proposition relate, with a one-line reason.
//!
//! Two figures conflict only when they cannot both be right: they count
//! the same thing (the proposition), for the same time (the time each
//! figure is about, not the day it was printed), and come from independent
//! reports (a syndicated copy is the same report). Otherwise:
//!
//! - `disputed`: the disagreement is between parties to the story, each
//!   asserting its own figure (a side's own death toll against its
//!   opponent's);
//! - `evolving`: the figures differ only across time (a deployment growing
//!   over three months, or reports that do not say when each figure held);
//! - `consistent`: every figure allows the others (overlapping ranges, an
//!   estimate within another's bounds);
//! - `single_source`: one independent report gives them all.
//!
//! A count that can only grow (the dead, the wounded) also contradicts
//! itself across time when a later figure falls below an earlier one.

use std::collections::BTreeSet;

use crosscheck_model::{Measure, PropositionStatus};

use crate::entities::name_key;
use crate::figure_time::FigureTime;
use crate::lexicon::Lexicon;
use crate::measures::entities_agree;

/// One figure of a proposition with what the verdict needs.
#[derive(Debug, Clone)]
pub struct Observation<'a> {
    /// Lowest value the figure allows (approximations widened).
    pub lo: f64,
    /// Highest value the figure allows (approximations widened).
    pub hi: f64,
    /// A single number standing for it.
    pub representative: f64,
    /// The figure as the reader sees it: "~2,000", "up to 9,000".
    pub text: String,
    /// Who gives it: "Mira Kovalenko", "Norland Wire".
    pub source: String,
    /// The party to the story the source speaks for, when it speaks for one.
    pub party: Option<String>,
    /// Independent origin: copies of one report share it.
    pub origin: &'a str,
    /// A copy (syndicated, near-duplicate) of a figure counted elsewhere.
    pub copy: bool,
    /// The time the figure is about.
    pub time: FigureTime,
    /// What it counts, `None` when it cannot be compared (a unit alone, a
    /// part or an addition).
    pub subject: Option<Measure>,
    /// The entities its sentence is about, its source's left out.
    pub context: Vec<String>,
    /// The entities of its document's headline or lead.
    pub lead: Vec<String>,
    /// Whose the counted things are, when a possessive says so.
    pub holder: Option<String>,
    /// The words beside the figure, reduced, its subject's left out.
    pub neighbours: Vec<String>,
    /// Its sentence, lower case.
    pub sentence: String,
    /// The figure as written, lower case.
    pub figure: String,
    /// Its unit is the percent ("54.7 pct", "10.7%").
    pub percent: bool,
    /// "per year", "a day": figures at different rates count different
    /// things.
    pub rate: Option<String>,
    /// The outlet that printed it.
    pub outlet: Option<String>,
}

/// How two figures from different reports relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
    /// They do not count the same thing: never compared.
    Unrelated,
    Agree,
    /// They differ, but not for the same time.
    OverTime,
    /// Parties to the story disagree.
    Dispute,
    /// They cannot both be right.
    Conflict,
}

/// The proposition's status and why (`lexicon` says which heads are of
/// things someone holds: see [`same_thing`]).
pub fn decide(
    lexicon: &Lexicon,
    values: &[Observation],
    cumulative: bool,
) -> (PropositionStatus, String) {
    let independent: Vec<&Observation> = values.iter().filter(|v| !v.copy).collect();
    let copies = values.len() - independent.len();
    let origins: BTreeSet<&str> = independent.iter().map(|v| v.origin).collect();
    let ambiguous = ambiguous_reports(&independent);
    // The strongest relation between two figures from different reports,
    // or between two parties quoted in one report, and which pair shows it.
    let mut worst: Option<(Relation, &Observation, &Observation)> = None;
    for (i, a) in independent.iter().enumerate() {
        for b in independent.iter().skip(i + 1) {
            let relation = if a.origin != b.origin {
                match relate(lexicon, a, b, cumulative) {
                    Relation::Conflict
                        if ambiguous.contains(a.origin) || ambiguous.contains(b.origin) =>
                    {
                        Relation::Unrelated
                    }
                    relation => relation,
                }
            } else if two_parties(a, b) && relate(lexicon, a, b, cumulative) == Relation::Dispute {
                Relation::Dispute
            } else {
                continue;
            };
            if relation != Relation::Unrelated && worst.is_none_or(|(r, _, _)| relation > r) {
                worst = Some((relation, a, b));
            }
        }
    }
    let single = || {
        let why = if origins.len() > 1 {
            incomparable(&independent, origins.len())
        } else {
            single_source(&independent, copies)
        };
        (PropositionStatus::SingleSource, why)
    };
    let Some((relation, a, b)) = worst else {
        return single();
    };
    if origins.len() <= 1 && relation < Relation::Dispute {
        return single();
    }
    let (first, second) = if b.time.before(&a.time) {
        (b, a)
    } else {
        (a, b)
    };
    match relation {
        Relation::Unrelated => single(),
        Relation::Agree => {
            let agreeing: Vec<&Observation> = independent
                .iter()
                .filter(|x| {
                    independent
                        .iter()
                        .any(|y| x.origin != y.origin && relate(lexicon, x, y, cumulative) == Relation::Agree)
                })
                .copied()
                .collect();
            let reports: BTreeSet<&str> = agreeing.iter().map(|v| v.origin).collect();
            (
                PropositionStatus::Consistent,
                consistent(&agreeing, reports.len()),
            )
        }
        Relation::OverTime => (PropositionStatus::Evolving, evolving(&independent)),
        Relation::Dispute if first.time.same_time(&second.time) => (
            PropositionStatus::Disputed,
            format!(
                "{} and {} disagree for the same time ({}): {} against {}.",
                party(first),
                party(second),
                first.time.label(),
                described(first),
                described(second)
            ),
        ),
        Relation::Dispute => (
            PropositionStatus::Disputed,
            format!(
                "{} gives {} ({}), below the {} {} gave earlier ({}); a count that can only grow cannot fall, so the two sides dispute it.",
                party(second),
                second.text,
                second.time.label(),
                first.text,
                party(first),
                first.time.label()
            ),
        ),
        Relation::Conflict if first.time.same_time(&second.time) => (
            PropositionStatus::Conflicting,
            format!(
                "{} and {} count the same thing for the same time ({}); they cannot both be right.",
                described(first),
                described(second),
                first.time.label()
            ),
        ),
        Relation::Conflict => (
            PropositionStatus::Conflicting,
            format!(
                "{} ({}) is below the {} reported earlier ({}); a count that can only grow cannot fall, so one of them is wrong.",
                described(second),
                second.time.label(),
                described(first),
                first.time.label()
            ),
        ),
    }
}

/// Reports that list, in one sentence, two figures under this
/// proposition's name (the same subject, placed at the same time) that
/// cannot both hold and are not two parties' claims: to their own writer
/// the name covers different things ("20 mln of the first tranche's bonds
/// and 90 mln of the second's"), so a figure of theirs set against
/// another report's is no disagreement about one thing. Figures in
/// separate sentences may be a revision ("61 divers are missing ...
/// Before that, the agency had put the number at 48") and count only when
/// there are three that cannot hold together: a revision gives two
/// figures, a list of items ("Some 410 barrels were sold at the first pier."
/// ... "Only 12 barrels were sold at the third.") gives more.
fn ambiguous_reports<'a>(values: &[&Observation<'a>]) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    for (i, a) in values.iter().enumerate() {
        if out.contains(a.origin) {
            continue;
        }
        let mut apart = vec![*a];
        for b in values.iter().skip(i + 1) {
            if a.origin != b.origin || !alike(a, b) || a.time != b.time || two_parties(a, b) {
                continue;
            }
            if a.sentence == b.sentence && !overlap(a, b) {
                out.insert(a.origin);
                break;
            }
            if apart.iter().all(|x| !overlap(x, b)) {
                apart.push(b);
            }
        }
        if apart.len() >= 3 {
            out.insert(a.origin);
        }
    }
    out
}

/// Two figures whose subjects are written alike: the same head, actions,
/// modifiers and rate.
fn alike(a: &Observation, b: &Observation) -> bool {
    match (&a.subject, &b.subject) {
        (Some(x), Some(y)) => {
            x.head == y.head
                && x.actions == y.actions
                && x.modifiers == y.modifiers
                && a.rate == b.rate
        }
        _ => false,
    }
}

/// A percentage of something: "54.7 pct of Orlen Mills", "10.7% of GDP".
fn is_share(v: &Observation) -> bool {
    v.percent
        && v.sentence.match_indices(v.figure.as_str()).any(|(at, _)| {
            v.sentence
                .get(at + v.figure.len()..)
                .is_some_and(|rest| rest.trim_start().starts_with("of "))
        })
}

/// Whether two figures' bounds leave a value both allow.
fn overlap(a: &Observation, b: &Observation) -> bool {
    a.lo <= b.hi && b.lo <= a.hi
}

/// One source under two names: the same name, or one that begins the
/// other ("Borden" and "Borden Inc", "Stone" and "Stone Container Corp":
/// an article names a company in full, then shortly).
fn same_source(a: &Observation, b: &Observation) -> bool {
    let (x, y) = (name_key(&a.source), name_key(&b.source));
    begins(&x, &y) || begins(&y, &x)
}

/// `long` is `short` or starts with it as whole words.
fn begins(long: &str, short: &str) -> bool {
    long == short || long.starts_with(&format!("{short} "))
}

/// Two sources speaking for different parties ("Levon" and "Levon
/// Resources" are one: a name that begins the other's).
fn two_parties(a: &Observation, b: &Observation) -> bool {
    let (Some(x), Some(y)) = (&a.party, &b.party) else {
        return false;
    };
    let (x, y) = (name_key(x), name_key(y));
    !(begins(&x, &y) || begins(&y, &x))
}

/// Whether two figures count the same thing: comparable subjects that
/// agree (same head, entities and actions, modifiers equal or one side
/// without, the same holder), about the same entities (the sentences'
/// entities, sources and datelines left out: they share one and neither
/// names someone the other does not, or one side names none).
fn same_thing(lexicon: &Lexicon, a: &Observation, b: &Observation) -> bool {
    let (Some(x), Some(y)) = (&a.subject, &b.subject) else {
        return false;
    };
    // What happened to the counted things must be the same, or said of
    // neither: "300 people died" is not "15,000 people".
    let actions = x.actions == y.actions || !x.actions.is_disjoint(&y.actions);
    let subjects = x.head == y.head
        && entities_agree(&x.entities, &y.entities)
        && actions
        && (x.modifiers.is_empty() || y.modifiers.is_empty() || x.modifiers == y.modifiers);
    if !subjects {
        return false;
    }
    // Shares, stakes and holdings belong to someone: only one holder's
    // own figures are compared.
    if lexicon.owned_heads.contains(&x.head) && (a.party.is_none() || a.party != b.party) {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.holder, &b.holder) {
        if x != y {
            return false;
        }
    }
    // Two figures listed side by side are two items, wherever the
    // sentence is repeated ("24 mln class A and 14 mln class B", "800
    // redundancies, starting with 350 this year").
    if a.figure != b.figure && (a.sentence.contains(&b.figure) || b.sentence.contains(&a.figure)) {
        return false;
    }
    if a.rate != b.rate {
        return false;
    }
    if a.context.is_empty() || b.context.is_empty() {
        return true;
    }
    let shared = a.context.iter().filter(|k| b.context.contains(k)).count();
    // Each sentence naming someone the other does not: about different
    // things ("Oppenheimer's stake", "Redstone's shares").
    let only_a = a.context.len() - shared;
    let only_b = b.context.len() - shared;
    shared > 0 && !(only_a > 0 && only_b > 0)
}

fn relate(lexicon: &Lexicon, a: &Observation, b: &Observation, cumulative: bool) -> Relation {
    // One source's own figures neither corroborate nor contradict each
    // other: a later one is an update, two at once count different things.
    if same_source(a, b) || !same_thing(lexicon, a, b) {
        return Relation::Unrelated;
    }
    if overlap(a, b) {
        return Relation::Agree;
    }
    // "19.9 pct of Orlen Mills": a share of something is someone's share
    // (a holder's stake, one borrowing measure's part of GDP), so two
    // different shares are set against each other only when the text
    // says whose they are and it is the same holder.
    if (is_share(a) || is_share(b)) && (a.holder.is_none() || a.holder != b.holder) {
        return Relation::Unrelated;
    }
    if !a.time.same_time(&b.time) {
        // A count that only grows cannot fall over time; anything else
        // may change.
        let (earlier, later) = if a.time.before(&b.time) {
            (a, b)
        } else if b.time.before(&a.time) {
            (b, a)
        } else {
            return Relation::OverTime;
        };
        if !(cumulative && later.hi < earlier.lo) {
            return Relation::OverTime;
        }
    }
    // Before calling two figures a disagreement, something must be said of
    // both alike beside them ("ships waiting", "soldiers killed"/"died"):
    // half the words of the shorter side are also on the other.
    let common = a
        .neighbours
        .iter()
        .filter(|w| b.neighbours.contains(w))
        .count();
    let shorter = a.neighbours.len().min(b.neighbours.len());
    if shorter > 0 && common * 2 < shorter {
        return Relation::Unrelated;
    }
    // One outlet's own stream does not contradict itself: two of its
    // articles giving different figures are an update or two different
    // counts. It sets two sides against each other by quoting both in one
    // article.
    let one_outlet = a.outlet.is_some() && a.outlet == b.outlet;
    if !anchored_alike(a, b) {
        Relation::Unrelated
    } else if two_parties(a, b) && (!one_outlet || a.origin == b.origin) {
        Relation::Dispute
    } else if one_outlet {
        Relation::Unrelated
    } else {
        Relation::Conflict
    }
}

/// Whether both figures are tied to one named thing: an entity of both
/// sentences or subjects ("Valdorian soldiers"), or the party or holder
/// one of them speaks for named by the other; a sentence that names
/// nothing stands for its article's lead. Without that, "Some 410
/// barrels were sold." may be about any market, bond or plant of the
/// story: setting it against another report's is no finding, however
/// alike the words.
fn anchored_alike(a: &Observation, b: &Observation) -> bool {
    let anchors = |v: &Observation| -> BTreeSet<String> {
        let mut out: BTreeSet<String> = v.context.iter().cloned().collect();
        if let Some(subject) = &v.subject {
            out.extend(subject.entities.iter().cloned());
        }
        out.retain(|k| !k.is_empty());
        // A sentence that names nothing is about what its article is
        // about ("only 25 ships had been waiting", under a headline on the
        // port of Velmar).
        if out.is_empty() {
            out.extend(v.lead.iter().filter(|k| !k.is_empty()).cloned());
        }
        out.extend(v.party.as_deref().map(name_key));
        out.extend(v.holder.iter().filter(|k| !k.is_empty()).cloned());
        out
    };
    let (x, y) = (anchors(a), anchors(b));
    x.iter()
        .any(|k| y.iter().any(|l| begins(k, l) || begins(l, k)))
}

fn party(v: &Observation) -> String {
    match &v.party {
        Some(p) if !v.source.contains(p.as_str()) => format!("{p} ({})", v.source),
        Some(p) => p.clone(),
        None => v.source.clone(),
    }
}

fn described(v: &Observation) -> String {
    format!("{} ({})", v.text, v.source)
}

fn described_at(v: &Observation) -> String {
    format!("{} ({}, {})", v.text, v.source, v.time.label())
}

fn single_source(values: &[&Observation], copies: usize) -> String {
    let copied = match copies {
        0 => String::new(),
        1 => " (and one copy of the same report, counted once)".to_string(),
        n => format!(" (and {n} copies of the same report, counted once)"),
    };
    let sources: BTreeSet<&str> = values.iter().map(|v| v.source.as_str()).collect();
    match values {
        [] => String::new(),
        [only] => format!(
            "Only {} gives this figure ({}): {}{copied}.",
            only.source,
            only.time.label(),
            only.text
        ),
        [first, ..] => {
            let Some((min, max)) = extremes(values) else {
                return String::new();
            };
            if sources.len() == 1 {
                format!(
                    "All {} figures come from {}: {} to {}{copied}.",
                    values.len(),
                    first.source,
                    min.text,
                    max.text
                )
            } else {
                format!(
                    "All {} figures come from one report: {} to {}{copied}.",
                    values.len(),
                    min.text,
                    max.text
                )
            }
        }
    }
}

/// Figures from several reports of which no two count the same thing
/// for the same time (two items listed under one name, different
/// holders): each stands on its own report.
fn incomparable(values: &[&Observation], reports: usize) -> String {
    let Some((min, max)) = extremes(values) else {
        return String::new();
    };
    let outlets: BTreeSet<Option<&str>> = values.iter().map(|v| v.outlet.as_deref()).collect();
    match outlets.iter().next() {
        Some(Some(outlet)) if outlets.len() == 1 => format!(
            "{reports} reports, all from {outlet}, give figures from {} to {}; one outlet's own reports are not set against each other (a later one updates an earlier one, or they count different things).",
            described(min),
            described(max)
        ),
        _ => format!(
            "{reports} reports give figures from {} to {}, but no two count the same thing for the same time; each rests on its own report.",
            described(min),
            described(max)
        ),
    }
}

fn consistent(values: &[&Observation], reports: usize) -> String {
    let sources: BTreeSet<&str> = values.iter().map(|v| v.source.as_str()).collect();
    let Some((min, max)) = extremes(values) else {
        return String::new();
    };
    if values
        .iter()
        .all(|v| v.representative == min.representative)
    {
        format!(
            "{} sources in {reports} independent reports agree on {}.",
            sources.len(),
            min.text
        )
    } else {
        format!(
            "{} sources in {reports} independent reports give figures from {} to {} that can all be true at once.",
            sources.len(),
            min.text,
            max.text
        )
    }
}

fn evolving(values: &[&Observation]) -> String {
    let mut dated: Vec<&&Observation> = values
        .iter()
        .filter(|v| v.time.sort_key().is_some())
        .collect();
    dated.sort_by_key(|v| v.time.sort_key());
    let undated = values.len() - dated.len();
    match (dated.first(), dated.last()) {
        (Some(first), Some(last))
            if undated == 0 && first.time.sort_key() != last.time.sort_key() =>
        {
            format!(
                "A series over time: {} to {}; the figures change as the story develops and none contradicts another for the same time.",
                described_at(first),
                described_at(last)
            )
        }
        _ => {
            let Some((min, max)) = extremes(values) else {
                return String::new();
            };
            format!(
                "Figures from {} to {}, given for different times or by reports that do not say when each held; shown as a series, not as a conflict.",
                described(min),
                described(max)
            )
        }
    }
}

fn extremes<'v, 'a>(
    values: &'v [&'v Observation<'a>],
) -> Option<(&'v Observation<'a>, &'v Observation<'a>)> {
    let by_value =
        |a: &&&Observation, b: &&&Observation| a.representative.total_cmp(&b.representative);
    Some((
        values.iter().min_by(by_value)?,
        values.iter().max_by(by_value)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn on(day: &str) -> FigureTime {
        let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
        FigureTime {
            start: d,
            end: d,
            basis: "publication date".to_string(),
        }
    }

    fn obs<'a>(
        lo: f64,
        hi: f64,
        source: &str,
        party: Option<&str>,
        origin: &'a str,
        time: FigureTime,
    ) -> Observation<'a> {
        Observation {
            lo,
            hi,
            representative: (lo + hi) / 2.0,
            text: format!("{lo}-{hi}"),
            source: source.to_string(),
            party: party.map(str::to_string),
            origin,
            copy: false,
            time,
            subject: crosscheck_subject::Normalizer::new().measure(Some("soldiers"), None),
            context: Vec::new(),
            // Every invented article leads on the same place.
            lead: vec!["ferrin".to_string()],
            holder: None,
            neighbours: Vec::new(),
            sentence: String::new(),
            figure: format!("{lo}"),
            percent: false,
            rate: None,
            outlet: Some(origin.to_string()),
        }
    }

    #[test]
    fn statuses_of_invented_propositions() {
        use PropositionStatus::*;
        let unknown = FigureTime::unknown;
        let cases: Vec<(&str, Vec<Observation>, bool, PropositionStatus)> = vec![
            (
                "a deployment growing over weeks",
                vec![
                    obs(
                        1800.0,
                        2200.0,
                        "Ferrin intelligence",
                        Some("Ferrin"),
                        "d1",
                        on("2031-03-02"),
                    ),
                    obs(
                        5000.0,
                        7000.0,
                        "alliance official",
                        None,
                        "d2",
                        on("2031-03-09"),
                    ),
                    obs(
                        0.0,
                        9000.0,
                        "Ferrin president",
                        Some("Ferrin"),
                        "d3",
                        on("2031-04-14"),
                    ),
                ],
                false,
                Evolving,
            ),
            (
                "two sides' tolls: a later, lower one from the other side",
                vec![
                    obs(
                        300.0,
                        f64::INFINITY,
                        "Ferrin officials",
                        Some("Ferrin"),
                        "d3",
                        on("2031-04-14"),
                    ),
                    obs(
                        112.0,
                        112.0,
                        "Gaskan minister",
                        Some("Gaska"),
                        "d4",
                        on("2031-06-01"),
                    ),
                ],
                true,
                Disputed,
            ),
            (
                "two sides on one day",
                vec![
                    obs(
                        3200.0,
                        3200.0,
                        "the union",
                        Some("Union"),
                        "d1",
                        on("2031-04-20"),
                    ),
                    obs(
                        1620.0,
                        1980.0,
                        "the port authority",
                        Some("Port Authority"),
                        "d1b",
                        on("2031-04-20"),
                    ),
                ],
                false,
                Disputed,
            ),
            (
                "two neutral counts on one day",
                vec![
                    obs(36.0, 44.0, "shipping agents", None, "d2", on("2031-04-21")),
                    obs(
                        25.0,
                        25.0,
                        "a tracking service",
                        None,
                        "d2b",
                        on("2031-04-21"),
                    ),
                ],
                false,
                Conflicting,
            ),
            (
                "undated reports of a growing count",
                vec![
                    obs(1350.0, 1650.0, "intelligence", None, "s1", unknown()),
                    obs(12600.0, 15400.0, "officials", None, "s2", unknown()),
                ],
                false,
                Evolving,
            ),
            (
                "an estimate within another's bounds",
                vec![
                    obs(5000.0, 7000.0, "alliance", None, "d2", on("2031-03-09")),
                    obs(6000.0, 6000.0, "analyst", None, "d5", on("2031-03-09")),
                ],
                false,
                Consistent,
            ),
            (
                "a copy is not a second report",
                vec![
                    obs(40.0, 40.0, "the minister", None, "d1", on("2031-03-09")),
                    Observation {
                        copy: true,
                        ..obs(45.0, 45.0, "the minister", None, "d1", on("2031-03-10"))
                    },
                ],
                false,
                SingleSource,
            ),
            (
                "a toll that falls later, no sides",
                vec![
                    obs(30.0, 30.0, "the coastguard", None, "d1", on("2031-03-09")),
                    obs(12.0, 12.0, "a local paper", None, "d2", on("2031-03-12")),
                ],
                true,
                Conflicting,
            ),
            (
                "one company named in full, then shortly, quoted in one article",
                vec![
                    obs(
                        4.0,
                        4.0,
                        "Rallo Foods",
                        Some("Ned Rall"),
                        "d1",
                        on("2031-03-09"),
                    ),
                    obs(
                        3.0,
                        3.0,
                        "Rallo Foods Inc",
                        Some("Rallo"),
                        "d1",
                        on("2031-03-09"),
                    ),
                ],
                false,
                SingleSource,
            ),
            (
                "one report lists two figures under the name in one sentence",
                vec![
                    Observation {
                        sentence: "it sold 20 of the first tranche and 90 of the second".into(),
                        ..obs(20.0, 20.0, "the bank", None, "d1", on("2031-03-09"))
                    },
                    Observation {
                        sentence: "it sold 20 of the first tranche and 90 of the second".into(),
                        ..obs(90.0, 90.0, "the bank", None, "d1", on("2031-03-09"))
                    },
                    obs(55.0, 55.0, "dealers", None, "d2", on("2031-03-09")),
                ],
                false,
                SingleSource,
            ),
            (
                "one outlet's two articles on one day",
                vec![
                    Observation {
                        outlet: Some("Norland Wire".into()),
                        ..obs(40.0, 40.0, "the ministry", None, "d1", on("2031-03-09"))
                    },
                    Observation {
                        outlet: Some("Norland Wire".into()),
                        ..obs(45.0, 45.0, "port officials", None, "d2", on("2031-03-09"))
                    },
                ],
                false,
                SingleSource,
            ),
            (
                "one report gives three figures under the name, one a sentence",
                vec![
                    Observation {
                        sentence: "about 950 soldiers were at the first post".into(),
                        ..obs(950.0, 950.0, "the ministry", None, "d1", on("2031-03-09"))
                    },
                    Observation {
                        sentence: "only 9 soldiers were at the second".into(),
                        ..obs(9.0, 9.0, "the ministry", None, "d1", on("2031-03-09"))
                    },
                    Observation {
                        sentence: "some 3,100 soldiers were at the third".into(),
                        ..obs(3100.0, 3100.0, "the ministry", None, "d1", on("2031-03-09"))
                    },
                    obs(5400.0, 5400.0, "observers", None, "d2", on("2031-03-09")),
                ],
                false,
                SingleSource,
            ),
            (
                "figures whose sentences and leads name nothing",
                vec![
                    Observation {
                        lead: Vec::new(),
                        ..obs(40.0, 40.0, "the ministry", None, "d1", on("2031-03-09"))
                    },
                    Observation {
                        lead: Vec::new(),
                        ..obs(45.0, 45.0, "port officials", None, "d2", on("2031-03-09"))
                    },
                ],
                false,
                SingleSource,
            ),
            (
                "a sentence that names the place, a lead that names it too",
                vec![
                    Observation {
                        context: vec!["ferrin".into()],
                        lead: Vec::new(),
                        ..obs(40.0, 40.0, "the ministry", None, "d1", on("2031-03-09"))
                    },
                    obs(45.0, 45.0, "port officials", None, "d2", on("2031-03-09")),
                ],
                false,
                Conflicting,
            ),
            (
                "a revision in a later sentence keeps the report comparable",
                vec![
                    Observation {
                        sentence: "61 divers are missing".into(),
                        ..obs(61.0, 61.0, "the agency", None, "d1", on("2031-03-09"))
                    },
                    Observation {
                        sentence: "before that, the agency had put the number at 48".into(),
                        ..obs(48.0, 48.0, "the agency", None, "d1", on("2031-03-09"))
                    },
                    obs(
                        48.0,
                        48.0,
                        "coastguard officials",
                        None,
                        "d2",
                        on("2031-03-09"),
                    ),
                ],
                false,
                Conflicting,
            ),
        ];
        let lexicon = Lexicon::standard();
        for (name, values, cumulative, want) in cases {
            let (status, why) = decide(&lexicon, &values, cumulative);
            assert_eq!(status, want, "{name}: {why}");
            assert!(!why.is_empty(), "{name} explains itself");
            let origins: BTreeSet<&str> = values
                .iter()
                .filter(|v| !v.copy)
                .map(|v| v.origin)
                .collect();
            if status == SingleSource && origins.len() > 1 {
                assert!(
                    why.starts_with(&format!("{} reports", origins.len())),
                    "{name}: {why}"
                );
            }
        }
    }
}
