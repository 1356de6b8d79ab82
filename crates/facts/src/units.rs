//! The unit list: every unit a figure can carry, with its dimension
//! (`data/unit_ids.tsv`, documented in docs/units.md), the surfaces that
//! name it (`data/units.tsv`), and the context classifier that picks the
//! unit an ambiguous surface means ("C": Celsius or coulomb; "pounds":
//! sterling or weight; "kt": knots or kilotons).
//!
//! The classifier is a multinomial naive Bayes over the words of the
//! sentence, trained on the CQE unit-disambiguation sentences
//! (`units-train.json`) by `cargo run -p crosscheck-facts --example
//! train_unit_context`; its word counts ship in `data/unit_context.tsv`.
//! Only the units a surface can name compete, so a sentence about a
//! swimming pool's "25 c" weighs Celsius against cents and nothing else.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lexicon::{columns, lines, LEXICON};

/// A unit: its id, what it measures, and how others name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitInfo {
    /// "USD", "percent", "kilometre", "degree-celsius".
    pub id: &'static str,
    /// "currency", "ratio", "length", "time", ...
    pub dimension: &'static str,
    /// The name CQE and quantulum3 give it ("dollar", "celsius").
    pub reference: &'static str,
    /// How views write it after a number ("km/h", "percent", "years").
    pub display: &'static str,
}

/// How a surface is recognised (see `data/units.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitMatch {
    /// Whole words, any case.
    Word,
    /// Case-sensitive abbreviation or symbol after the number.
    Exact,
    /// Case-sensitive, only touching the number.
    Attached,
    /// Currency symbol or code before the number.
    Prefix,
    /// Known, but never read in running text.
    Lookup,
}

/// One surface of one unit.
#[derive(Debug, Clone, Copy)]
pub struct UnitSurface {
    /// The surface as written in the list ("km/h", "dollars", "$").
    pub surface: &'static str,
    /// The unit it names.
    pub unit: &'static UnitInfo,
    /// How it is recognised in text.
    pub matching: UnitMatch,
}

fn load_ids() -> FxHashMap<&'static str, UnitInfo> {
    lines(include_str!("../data/unit_ids.tsv"))
        .filter_map(|l| {
            let c = columns(l);
            let info = UnitInfo {
                id: c.first()?,
                dimension: c.get(1)?,
                reference: c.get(2)?,
                display: c.get(3)?,
            };
            Some((info.id, info))
        })
        .collect()
}

/// Every unit by id.
pub static UNIT_IDS: LazyLock<FxHashMap<&'static str, UnitInfo>> = LazyLock::new(load_ids);

/// Every surface, longest first (so "km/h" wins over "km"); surfaces of
/// equal length keep file order.
pub static UNIT_SURFACES: LazyLock<Vec<UnitSurface>> = LazyLock::new(|| {
    let mut all: Vec<UnitSurface> = lines(include_str!("../data/units.tsv"))
        .filter_map(|l| {
            let c = columns(l);
            let matching = match *c.get(2)? {
                "word" => UnitMatch::Word,
                "exact" => UnitMatch::Exact,
                "attached" => UnitMatch::Attached,
                "prefix" => UnitMatch::Prefix,
                _ => UnitMatch::Lookup,
            };
            Some(UnitSurface {
                surface: c.first()?,
                unit: UNIT_IDS.get(c.get(1)?)?,
                matching,
            })
        })
        .collect();
    all.sort_by_key(|u| std::cmp::Reverse(u.surface.len()));
    all
});

/// The unit with id `id`.
pub fn unit(id: &str) -> Option<&'static UnitInfo> {
    UNIT_IDS.get(id)
}

/// The naive Bayes word counts of `data/unit_context.tsv`.
struct ContextModel {
    /// Label → (documents, tokens).
    labels: FxHashMap<&'static str, (f64, f64)>,
    /// (word, label) → count.
    counts: FxHashMap<(&'static str, &'static str), f64>,
    vocabulary: f64,
}

static CONTEXT: LazyLock<ContextModel> = LazyLock::new(|| {
    let mut labels: FxHashMap<&'static str, (f64, f64)> = FxHashMap::default();
    let mut counts = FxHashMap::default();
    let mut words = rustc_hash::FxHashSet::default();
    for l in lines(include_str!("../data/unit_context.tsv")) {
        let c = columns(l);
        match (c.first(), c.get(1), c.get(2)) {
            (Some(&"@"), Some(label), Some(n)) => {
                labels.entry(label).or_default().0 = n.parse().unwrap_or(0.0);
            }
            (Some(label), Some(word), Some(n)) => {
                let n: f64 = n.parse().unwrap_or(0.0);
                labels.entry(label).or_default().1 += n;
                counts.insert((*word, *label), n);
                words.insert(*word);
            }
            _ => {}
        }
    }
    ContextModel {
        labels,
        counts,
        vocabulary: words.len() as f64,
    }
});

/// Lowercase words of `text` as the classifier sees them: runs of letters,
/// without the function words of `data/np_stop.txt`.
pub fn context_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !LEXICON.np_stop.contains(w.as_str()))
}

/// The most likely of `candidates` given the sentence's lowercase `words`
/// (each counted once; function words are skipped); the first candidate
/// when the model knows none of them. Every candidate starts equal: the
/// training set's label counts say nothing about news.
pub fn disambiguate<'w>(
    candidates: &[&'static UnitInfo],
    words: impl Iterator<Item = &'w str>,
) -> Option<&'static UnitInfo> {
    let model = &*CONTEXT;
    let mut seen: Vec<&str> = words.filter(|w| !LEXICON.np_stop.contains(w)).collect();
    seen.sort_unstable();
    seen.dedup();
    let mut best: Option<(f64, &'static UnitInfo)> = None;
    for &cand in candidates {
        let Some(&(_, tokens)) = model.labels.get(cand.reference) else {
            continue;
        };
        let mut score = 0.0;
        let denominator = tokens + model.vocabulary;
        for &w in &seen {
            let n = model
                .counts
                .get(&(w, cand.reference))
                .copied()
                .unwrap_or(0.0);
            score += ((n + 1.0) / denominator).ln();
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, cand));
        }
    }
    best.map(|(_, u)| u).or_else(|| candidates.first().copied())
}

/// The units a bare surface can name (any matching kind; word surfaces
/// also by their plural or singular form), without repeats.
pub fn candidates_for(surface: &str) -> Vec<&'static UnitInfo> {
    let mut out: Vec<&'static UnitInfo> = Vec::new();
    let forms = [
        surface.to_string(),
        format!("{surface}s"),
        surface.strip_suffix('s').unwrap_or(surface).to_string(),
    ];
    for u in UNIT_SURFACES.iter() {
        let hit = match u.matching {
            UnitMatch::Word => forms.iter().any(|f| f.eq_ignore_ascii_case(u.surface)),
            _ => u.surface.trim_end() == surface,
        };
        if hit && !out.iter().any(|x| x.id == u.unit.id) {
            out.push(u.unit);
        }
    }
    out
}

/// The unit id `surface` means in `sentence`: its only unit, or the one the
/// context classifier prefers among the units it can name.
pub fn unit_for_surface(sentence: &str, surface: &str) -> Option<&'static str> {
    let candidates = candidates_for(surface.trim());
    if candidates.len() < 2 {
        return candidates.first().map(|u| u.id);
    }
    let words: Vec<String> = context_words(sentence).collect();
    disambiguate(&candidates, words.iter().map(String::as_str)).map(|u| u.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_surface_names_a_known_unit() {
        let listed = include_str!("../data/units.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(
            UNIT_SURFACES.len(),
            listed,
            "a surface names an unknown unit id"
        );
        assert_eq!(unit("USD").map(|u| u.dimension), Some("currency"));
        assert_eq!(unit("kilometre").map(|u| u.dimension), Some("length"));
    }

    #[test]
    fn docs_list_every_unit() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/units.md");
        let Ok(doc) = std::fs::read_to_string(path) else {
            panic!("{path} missing");
        };
        for id in UNIT_IDS.keys() {
            assert!(
                doc.contains(&format!("| `{id}` |")),
                "docs/units.md lacks {id}"
            );
        }
    }

    #[test]
    fn context_picks_the_unit_an_ambiguous_surface_means() {
        let cases = [
            (
                "The pool water was kept at 25 C, warm enough to swim.",
                "C",
                "degree-celsius",
            ),
            (
                "The capacitor stores a charge of 50 C at full voltage.",
                "C",
                "coulomb",
            ),
            (
                "He lifted 200 pounds at the gym and set a weight record.",
                "pounds",
                "pound-mass",
            ),
            (
                "She paid 500 pounds for the flight to London at the bank.",
                "pounds",
                "GBP",
            ),
            ("The bomb had an explosive yield of 15 kt.", "kt", "kiloton"),
            (
                "The ship sailed at a speed of 30 kt across the sea.",
                "kt",
                "knot",
            ),
        ];
        for (sentence, surface, want) in cases {
            assert_eq!(
                unit_for_surface(sentence, surface),
                Some(want),
                "{sentence}"
            );
        }
        assert_eq!(unit_for_surface("12 km", "km"), Some("kilometre"));
    }
}
