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

use crosscheck_lexicon::{entries, FxHashMap, FxHashSet};

use crate::lexicon::Lexicon;
use crate::tokens::{cut, without_possessive};

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
    pub unit: UnitInfo,
    /// How it is recognised in text.
    pub matching: UnitMatch,
}

/// The unit tables of a [`Lexicon`]: units by id, their surfaces, the
/// indexes the figure reader looks surfaces up by, and the context model.
pub(crate) struct Units {
    /// Every unit by id.
    pub(crate) ids: FxHashMap<&'static str, UnitInfo>,
    /// Every surface, longest first (so "km/h" wins over "km"); surfaces
    /// of equal length keep file order.
    pub(crate) surfaces: Vec<UnitSurface>,
    /// The surfaces read after a number, in the order above.
    pub(crate) after: Vec<UnitSurface>,
    /// Indices into `after` by the surface's first token, folded (as the
    /// reader's view of the token layer cuts the surface itself: "per
    /// cent" under "per", "km/h" under "km", "U.S. dollars" under "u.s."),
    /// each list longest first: a token is tried only against the surfaces
    /// that can start with it.
    pub(crate) after_by_first_token: FxHashMap<String, Vec<usize>>,
    /// Currency symbols and codes written before a number, longest first,
    /// by the last byte of the surface: the byte right before the number
    /// (or its space) picks the few that can end there.
    pub(crate) prefix_by_last_byte: Vec<Vec<UnitSurface>>,
    context: ContextModel,
    /// Country words by the currency they point to (`data/currency_countries.tsv`).
    countries: FxHashMap<&'static str, Vec<&'static str>>,
}

fn load_countries() -> FxHashMap<&'static str, Vec<&'static str>> {
    let mut out: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
    for e in entries(include_str!("../data/currency_countries.tsv")) {
        out.entry(e.key())
            .or_default()
            .extend(e.column(1).unwrap_or("").split_whitespace());
    }
    out
}

fn load_ids() -> FxHashMap<&'static str, UnitInfo> {
    entries(include_str!("../data/unit_ids.tsv"))
        .filter_map(|e| {
            let info = UnitInfo {
                id: e.key(),
                dimension: e.column(1)?,
                reference: e.column(2)?,
                display: e.column(3)?,
            };
            Some((info.id, info))
        })
        .collect()
}

fn load_surfaces(ids: &FxHashMap<&'static str, UnitInfo>) -> Vec<UnitSurface> {
    let mut all: Vec<UnitSurface> = entries(include_str!("../data/units.tsv"))
        .filter_map(|e| {
            let matching = match e.column(2)? {
                "word" => UnitMatch::Word,
                "exact" => UnitMatch::Exact,
                "attached" => UnitMatch::Attached,
                "prefix" => UnitMatch::Prefix,
                _ => UnitMatch::Lookup,
            };
            Some(UnitSurface {
                surface: e.key(),
                unit: *ids.get(e.column(1)?)?,
                matching,
            })
        })
        .collect();
    all.sort_by_key(|u| std::cmp::Reverse(u.surface.len()));
    all
}

impl Units {
    /// The tables of `data/unit_ids.tsv`, `data/units.tsv` and
    /// `data/unit_context.tsv`, with their indexes.
    pub(crate) fn load() -> Units {
        let ids = load_ids();
        let surfaces = load_surfaces(&ids);
        let after: Vec<UnitSurface> = surfaces
            .iter()
            .filter(|u| !matches!(u.matching, UnitMatch::Prefix | UnitMatch::Lookup))
            .copied()
            .collect();
        let mut after_by_first_token: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (k, u) in after.iter().enumerate() {
            let (layer, toks) = cut(u.surface, 0, u.surface.len());
            if let Some(first) = toks.first() {
                after_by_first_token
                    .entry(layer.fold(first).to_string())
                    .or_default()
                    .push(k);
            }
        }
        let mut prefix_by_last_byte = vec![Vec::new(); 256];
        for u in surfaces.iter().filter(|u| u.matching == UnitMatch::Prefix) {
            if let Some(list) = u
                .surface
                .trim_end()
                .as_bytes()
                .last()
                .and_then(|&b| prefix_by_last_byte.get_mut(usize::from(b)))
            {
                list.push(*u);
            }
        }
        Units {
            ids,
            surfaces,
            after,
            after_by_first_token,
            prefix_by_last_byte,
            context: ContextModel::load(),
            countries: load_countries(),
        }
    }
}

/// Every unit id of the standard lexicon.
pub fn unit_ids() -> impl Iterator<Item = &'static str> {
    Lexicon::standard_ref().units.ids.keys().copied()
}

/// The unit with id `id` (standard lexicon).
pub fn unit(id: &str) -> Option<&'static UnitInfo> {
    Lexicon::standard_ref().units.ids.get(id)
}

/// The naive Bayes word counts of `data/unit_context.tsv`.
struct ContextModel {
    /// Label → (documents, tokens).
    labels: FxHashMap<&'static str, (f64, f64)>,
    /// (word, label) → count.
    counts: FxHashMap<(&'static str, &'static str), f64>,
    vocabulary: f64,
}

impl ContextModel {
    fn load() -> ContextModel {
        let mut labels: FxHashMap<&'static str, (f64, f64)> = FxHashMap::default();
        let mut counts = FxHashMap::default();
        let mut words = FxHashSet::default();
        for e in entries(include_str!("../data/unit_context.tsv")) {
            match (e.column(0), e.column(1), e.column(2)) {
                (Some("@"), Some(label), Some(n)) => {
                    labels.entry(label).or_default().0 = n.parse().unwrap_or(0.0);
                }
                (Some(label), Some(word), Some(n)) => {
                    let n: f64 = n.parse().unwrap_or(0.0);
                    labels.entry(label).or_default().1 += n;
                    counts.insert((word, label), n);
                    words.insert(word);
                }
                _ => {}
            }
        }
        ContextModel {
            labels,
            counts,
            vocabulary: words.len() as f64,
        }
    }
}

/// Lowercase words of `text` as the classifier sees them: runs of letters,
/// without the function words of `data/np_stop.txt` (standard lexicon).
pub fn context_words(text: &str) -> impl Iterator<Item = String> + '_ {
    Lexicon::standard_ref().context_words(text)
}

/// The most likely of `candidates` given the sentence's lowercase `words`
/// (standard lexicon; see [`Lexicon`]'s method of the same name).
pub fn disambiguate<'w>(
    candidates: &[&'static UnitInfo],
    words: impl Iterator<Item = &'w str>,
) -> Option<&'static UnitInfo> {
    Lexicon::standard_ref().disambiguate(candidates, words)
}

/// The units a bare surface can name (standard lexicon; see
/// [`Lexicon`]'s method of the same name).
pub fn candidates_for(surface: &str) -> Vec<&'static UnitInfo> {
    Lexicon::standard_ref().candidates_for(surface)
}

/// The unit id `surface` means in `sentence` (standard lexicon; see
/// [`Lexicon`]'s method of the same name).
pub fn unit_for_surface(sentence: &str, surface: &str) -> Option<&'static str> {
    Lexicon::standard_ref().unit_for_surface(sentence, surface)
}

impl Lexicon {
    /// Lowercase words of `text` as the classifier sees them: runs of
    /// letters, without the function words of `data/np_stop.txt`.
    pub(crate) fn context_words<'t>(&'t self, text: &'t str) -> impl Iterator<Item = String> + 't {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !self.np_stop.contains(w.as_str()))
    }

    /// The most likely of `candidates` given the sentence's lowercase
    /// `words` (each counted once; function words are skipped); the first
    /// candidate when the model knows none of them. Every candidate starts
    /// equal: the training set's label counts say nothing about news.
    ///
    /// Currencies that share a name ("crowns", "francs", "¥") are told
    /// apart first by the country the sentence names, which the
    /// classifier's training sentences cannot teach for most of them.
    pub(crate) fn disambiguate<'u, 'w>(
        &self,
        candidates: &[&'u UnitInfo],
        words: impl Iterator<Item = &'w str>,
    ) -> Option<&'u UnitInfo> {
        let model = &self.units.context;
        let mut seen: Vec<&str> = words.filter(|w| !self.np_stop.contains(w)).collect();
        seen.sort_unstable();
        seen.dedup();
        if let Some(named) = self.currency_of_named_country(candidates, &seen) {
            return Some(named);
        }
        let mut best: Option<(f64, &'u UnitInfo)> = None;
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

    /// Among currencies only, the one whose country the sentence's `words`
    /// (without repeats) name most often, when exactly one does.
    fn currency_of_named_country<'u>(
        &self,
        candidates: &[&'u UnitInfo],
        words: &[&str],
    ) -> Option<&'u UnitInfo> {
        if candidates.len() < 2 || candidates.iter().any(|c| c.dimension != "currency") {
            return None;
        }
        // "Sweden's": the reader's tokens keep a possessive.
        let names: Vec<&str> = words
            .iter()
            .map(|w| without_possessive(w).unwrap_or(w))
            .collect();
        let hits = |c: &UnitInfo| {
            self.units.countries.get(c.id).map_or(0, |cues| {
                cues.iter().filter(|cue| names.contains(cue)).count()
            })
        };
        let mut best: Option<(usize, &'u UnitInfo)> = None;
        let mut tied = false;
        for &c in candidates {
            let n = hits(c);
            match best {
                Some((top, _)) if n == top => tied = true,
                Some((top, _)) if n < top => {}
                _ => {
                    best = Some((n, c));
                    tied = false;
                }
            }
        }
        best.filter(|(n, _)| *n > 0 && !tied).map(|(_, c)| c)
    }

    /// The units a bare surface can name (any matching kind; word surfaces
    /// also by their plural or singular form), without repeats.
    pub(crate) fn candidates_for(&self, surface: &str) -> Vec<&UnitInfo> {
        let mut out: Vec<&UnitInfo> = Vec::new();
        let forms = [
            surface.to_string(),
            format!("{surface}s"),
            surface.strip_suffix('s').unwrap_or(surface).to_string(),
        ];
        for u in &self.units.surfaces {
            let hit = match u.matching {
                UnitMatch::Word => forms.iter().any(|f| f.eq_ignore_ascii_case(u.surface)),
                _ => u.surface.trim_end() == surface,
            };
            if hit && !out.iter().any(|x| x.id == u.unit.id) {
                out.push(&u.unit);
            }
        }
        out
    }

    /// The unit id `surface` means in `sentence`: its only unit, or the one
    /// the context classifier prefers among the units it can name.
    pub(crate) fn unit_for_surface(&self, sentence: &str, surface: &str) -> Option<&'static str> {
        let candidates = self.candidates_for(surface.trim());
        if candidates.len() < 2 {
            return candidates.first().map(|u| u.id);
        }
        let words: Vec<String> = self.context_words(sentence).collect();
        self.disambiguate(&candidates, words.iter().map(String::as_str))
            .map(|u| u.id)
    }
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
            Lexicon::standard().units.surfaces.len(),
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
        for id in unit_ids() {
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

    #[test]
    fn a_named_country_picks_the_currency_a_family_name_means() {
        let cases = [
            // The family alone: the text does not say whose crowns.
            (
                "Tolvik Marine lost 420 mln crowns last year.",
                "crowns",
                "crown",
            ),
            (
                "Sweden's trade surplus rose to 3.1 billion crowns.",
                "crowns",
                "SEK",
            ),
            (
                "Norwegian oil revenue reached 80 billion crowns.",
                "crowns",
                "NOK",
            ),
            (
                "The Danish group paid 150 mln crowns in Copenhagen.",
                "crowns",
                "DKK",
            ),
            (
                "The ministry in Kuwait spent 40 mln dinars on roads.",
                "dinars",
                "KWD",
            ),
            ("The port cost 90 mln dinars to build.", "dinars", "dinar"),
            (
                "Coffee exports earned Kenya 900 mln shillings.",
                "shillings",
                "KES",
            ),
            // A shared default stays the default without a country...
            ("The bank lent 20 mln francs to the mill.", "francs", "FRF"),
            // ...and gives way to the country the sentence names.
            (
                "The Belgian budget gap widened by 40 billion francs.",
                "francs",
                "BEF",
            ),
            (
                "Geneva's Swiss insurer earned 1.2 billion francs.",
                "francs",
                "CHF",
            ),
            (
                "Argentina's central bank sold 500 mln pesos of bonds.",
                "pesos",
                "ARS",
            ),
            // Two countries named: no choice by country.
            (
                "Sweden and Norway each spent 10 mln crowns.",
                "crowns",
                "crown",
            ),
            ("China's exports to Japan reached ¥ 30 billion.", "¥", "JPY"),
        ];
        for (sentence, surface, want) in cases {
            assert_eq!(
                unit_for_surface(sentence, surface),
                Some(want),
                "{sentence}"
            );
        }
        assert_eq!(unit("crown").map(|u| u.dimension), Some("currency"));
        assert_eq!(
            unit("XEU").map(|u| u.reference),
            Some("european currency unit")
        );
    }
}
