//! Figures on the quantulum3 English test sentences (`quantities.json`).
//!
//! Each gold quantity is matched by at most one predicted figure of the same
//! sentence whose value equals it (relative tolerance 1e-6; a range is
//! compared by its midpoint, as quantulum3 reports it) and whose span
//! overlaps the gold surface when that surface can be found in the sentence.
//!
//! Two readings are scored:
//! - `reader`: every figure the facts crate's reader finds, of every class
//!   the gold data counts as a quantity (counts, amounts, years, durations,
//!   ages, identifiers; not times of day, ordinals or day-of-month). This is
//!   the like-for-like comparison with quantulum3, which also returns years.
//! - `claims`: only what `QuantityExtractor` keeps as quantity claims. Years,
//!   durations and identifiers are excluded there by design, so its recall on
//!   this set is lower; its precision is the figure that matters for news.
//!
//! A third, held-out figure: value accuracy and precision on 34 prose
//! sentences of Reuters-21578 newswire whose figures were annotated by hand
//! (`crates/facts/tests/data/reuters-figures.json`: offsets and values only),
//! where quantulum3 was not developed. Values only; no surfaces, so a
//! prediction matches any gold value of its sentence once.
//!
//! Unit match is scored over value matches after mapping our unit names to
//! quantulum3's: ISO currency codes to "dollar", "euro", "pound sterling",
//! ...; "percent" to "percentage"; no unit to "dimensionless"; a rate appends
//! "per <unit>" ("dollar per hour"). Physical units already use quantulum3's
//! names (`crates/facts/data/units.tsv`).

use std::path::Path;

use crosscheck_facts::numbers::{read_figures, FigureKind};
use crosscheck_facts::QuantityExtractor;
use serde::Deserialize;

use crate::{read_to_string, EvalError, EvalReport};

#[derive(Debug, Deserialize)]
struct Case {
    req: String,
    #[serde(default)]
    res: Vec<Gold>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    value: f64,
    unit: String,
    #[serde(default)]
    surface: String,
}

/// One predicted figure: value, mapped unit name, byte span.
#[derive(Debug, Clone)]
struct Predicted {
    value: f64,
    unit: String,
    start: usize,
    end: usize,
}

/// Our unit name as quantulum3 spells it.
pub fn quantulum_unit(unit: Option<&str>, rate: Option<&str>) -> String {
    let base = match unit {
        None | Some("share") => "dimensionless".to_string(),
        Some("USD") => "dollar".to_string(),
        Some("EUR") => "euro".to_string(),
        Some("GBP") => "pound sterling".to_string(),
        Some("JPY") => "yen".to_string(),
        Some("GBP-pence") => "penny".to_string(),
        Some("USD-cent") => "cent".to_string(),
        Some("USD-dime") => "dime".to_string(),
        Some("percent") => "percentage".to_string(),
        Some("degree-celsius") => "degree Celsius".to_string(),
        Some("degree-fahrenheit") => "degree fahrenheit".to_string(),
        Some("tonne") => "tonne".to_string(),
        Some(other) => crosscheck_facts::units::unit(other)
            .map_or(other, |u| u.reference)
            .to_string(),
    };
    match rate.and_then(|r| r.strip_prefix("per ")) {
        Some(per) if base == "dimensionless" => format!("count per {per}"),
        Some(per) => format!("{base} per {per}"),
        None => base,
    }
}

fn reader_predictions(sentence: &str) -> Vec<Predicted> {
    let figures = read_figures(sentence, 0, sentence.len(), false);
    figures
        .into_iter()
        .filter(|f| {
            !matches!(
                f.kind,
                FigureKind::TimeOfDay | FigureKind::Ordinal | FigureKind::DateDay
            )
        })
        .filter_map(|f| {
            Some(Predicted {
                value: f.value()?,
                unit: quantulum_unit(f.unit_id(), f.rate),
                start: f.start,
                end: f.end,
            })
        })
        .collect()
}

fn claim_predictions(extractor: &QuantityExtractor, sentence: &str, n: usize) -> Vec<Predicted> {
    crate::quantities::sentence_quantities(extractor, &format!("quantulum-{n}"), sentence)
        .into_iter()
        .filter_map(|q| {
            let value = match (q.low, q.high) {
                (Some(l), Some(h)) => (l + h) / 2.0,
                (Some(v), None) | (None, Some(v)) => v,
                (None, None) => return None,
            };
            let unit = match q.unit.as_deref() {
                Some("share") => None,
                other => other,
            };
            Some(Predicted {
                value,
                unit: quantulum_unit(unit, q.rate.as_deref()),
                start: q.span.start,
                end: q.span.end,
            })
        })
        .collect()
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

/// Matches of one sentence: (gold matched, unit also matched) per gold item.
fn score(sentence: &str, gold: &[Gold], predicted: &[Predicted]) -> (Vec<(bool, bool)>, usize) {
    let mut used = vec![false; predicted.len()];
    let mut out = Vec::new();
    let mut search_from = 0;
    for g in gold {
        let located = if g.surface.is_empty() {
            None
        } else {
            sentence
                .get(search_from..)
                .and_then(|rest| rest.find(&g.surface))
                .map(|i| (search_from + i, search_from + i + g.surface.len()))
                .or_else(|| sentence.find(&g.surface).map(|i| (i, i + g.surface.len())))
        };
        if let Some((_, e)) = located {
            search_from = e;
        }
        let hit = predicted.iter().enumerate().find(|(k, p)| {
            !used.get(*k).copied().unwrap_or(true)
                && same_value(p.value, g.value)
                && located.is_none_or(|(s, e)| p.start < e && s < p.end)
        });
        match hit {
            Some((k, p)) => {
                if let Some(u) = used.get_mut(k) {
                    *u = true;
                }
                out.push((true, p.unit.eq_ignore_ascii_case(&g.unit)));
            }
            None => out.push((false, false)),
        }
    }
    let matched_predictions = used.iter().filter(|u| **u).count();
    (out, matched_predictions)
}

#[derive(Default)]
struct Tally {
    gold: usize,
    value_hits: usize,
    unit_hits: usize,
    predicted: usize,
    correct_predictions: usize,
    misses: Vec<String>,
}

impl Tally {
    fn add(&mut self, sentence: &str, gold: &[Gold], predicted: &[Predicted]) {
        let (per_gold, matched) = score(sentence, gold, predicted);
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.correct_predictions += matched;
        for (g, (v, u)) in gold.iter().zip(per_gold) {
            self.value_hits += usize::from(v);
            self.unit_hits += usize::from(u);
            if !v {
                self.misses.push(format!(
                    "  miss {:?} ({} {}) in {sentence:?}",
                    g.surface, g.value, g.unit
                ));
            }
        }
    }

    fn push(&self, report: &mut EvalReport, prefix: &str) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        report.push(
            &format!("{prefix}_value_accuracy"),
            ratio(self.value_hits, self.gold),
        );
        report.push(
            &format!("{prefix}_unit_accuracy_of_value_matches"),
            ratio(self.unit_hits, self.value_hits),
        );
        report.push(
            &format!("{prefix}_value_and_unit_accuracy"),
            ratio(self.unit_hits, self.gold),
        );
        report.push(
            &format!("{prefix}_precision"),
            ratio(self.correct_predictions, self.predicted),
        );
        report.push(&format!("{prefix}_predicted"), self.predicted as f64);
    }
}

#[derive(Debug, Deserialize)]
struct HeldOut {
    sentences: Vec<HeldOutSentence>,
}

#[derive(Debug, Deserialize)]
struct HeldOutSentence {
    line: usize,
    start: usize,
    end: usize,
    values: Vec<f64>,
}

#[derive(Debug, Deserialize)]
struct Story {
    text: String,
}

const HELD_OUT: &str = include_str!("../../facts/tests/data/reuters-figures.json");

/// Scores the reader on the hand-annotated Reuters sentences, when the
/// corpus is present next to the data directory.
fn held_out(dir: &Path, report: &mut EvalReport) -> Result<(), EvalError> {
    let corpus = dir.join("../../corpus/reuters21578/reuters21578.jsonl");
    if !corpus.exists() {
        report.detail.push_str(&format!(
            "\nreuters held-out set skipped: {} missing\n",
            corpus.display()
        ));
        return Ok(());
    }
    let gold: HeldOut = serde_json::from_str(HELD_OUT)
        .map_err(|e| EvalError::data(Path::new("reuters-figures.json"), e.to_string()))?;
    let raw = read_to_string(&corpus)?;
    let lines: Vec<&str> = raw.lines().collect();
    let mut tally = Tally::default();
    for s in &gold.sentences {
        let line = lines
            .get(s.line)
            .ok_or_else(|| EvalError::data(&corpus, format!("no line {}", s.line)))?;
        let story: Story =
            serde_json::from_str(line).map_err(|e| EvalError::data(&corpus, e.to_string()))?;
        let sentence = story
            .text
            .get(s.start..s.end)
            .ok_or_else(|| EvalError::data(&corpus, format!("bad offsets on line {}", s.line)))?;
        let expected: Vec<Gold> = s
            .values
            .iter()
            .map(|&value| Gold {
                value,
                unit: String::new(),
                surface: String::new(),
            })
            .collect();
        tally.add(sentence, &expected, &reader_predictions(sentence));
    }
    report.push("reuters_sentences", gold.sentences.len() as f64);
    report.push("reuters_gold_values", tally.gold as f64);
    report.push(
        "reuters_reader_value_accuracy",
        tally.value_hits as f64 / tally.gold.max(1) as f64,
    );
    report.push(
        "reuters_reader_precision",
        tally.correct_predictions as f64 / tally.predicted.max(1) as f64,
    );
    report.push("reuters_reader_predicted", tally.predicted as f64);
    report
        .detail
        .push_str(&format!("\nreuters misses:\n{}\n", tally.misses.join("\n")));
    Ok(())
}

/// Scores the figure reader and the quantity extractor on quantulum3's test sentences in `dir`.
pub fn evaluate(dir: &Path) -> Result<EvalReport, EvalError> {
    let path = dir.join("quantities.json");
    let raw = read_to_string(&path)?;
    let cases: Vec<Case> =
        serde_json::from_str(&raw).map_err(|e| EvalError::data(&path, e.to_string()))?;
    let extractor = QuantityExtractor::new();
    let mut reader = Tally::default();
    let mut claims = Tally::default();
    for (n, case) in cases.iter().enumerate() {
        reader.add(&case.req, &case.res, &reader_predictions(&case.req));
        claims.add(
            &case.req,
            &case.res,
            &claim_predictions(&extractor, &case.req, n),
        );
    }
    let mut report = EvalReport::new("quantulum");
    report.push("sentences", cases.len() as f64);
    report.push("gold_quantities", reader.gold as f64);
    reader.push(&mut report, "reader");
    claims.push(&mut report, "claims");
    report.detail = format!("reader misses:\n{}\n", reader.misses.join("\n"));
    held_out(dir, &mut report)?;
    Ok(report)
}
