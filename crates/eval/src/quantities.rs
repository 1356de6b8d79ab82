//! Quantities by the CQE conventions: value F1 on the CQE evaluation sets
//! (`data/quantities/*-model.json`), on quantulum3's English test sentences
//! and on our hand-annotated news dev set; unit accuracy on `units-test.json`.
//!
//! What is scored is what the ledger holds: the quantity claims of
//! [`QuantityExtractor`], each text read as one document of one sentence.
//! A claim's value is its single value, its range (both ends), or the
//! stated end of an open bound ("up to 12,000" is 12,000); a vague amount
//! ("millions of") states no number and is not scored.
//!
//! Matching (the CQE evaluation's rule, made one-to-one): per sentence, each
//! gold quantity is matched by at most one unused prediction of equal value
//! (relative tolerance 1e-5); a range matches only a range with both ends
//! equal. Precision = matches / predictions, recall = matches / gold.
//! On quantulum3's sentences, whose gold gives a range by its midpoint, a
//! predicted range is compared by its midpoint too.
//!
//! Units: a matched prediction's unit counts as right when its name, spelled
//! the way CQE spells units ([`cqe_unit_name`]), equals the gold unit.
//!
//! Baselines are scored by the same code: `--predictions FILE` reads another
//! system's values per sentence (`scripts/baselines/quantulum3_bench.py`
//! writes them for quantulum3) instead of running crosscheck.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crosscheck_facts::units::{unit, unit_for_surface};
use crosscheck_facts::QuantityExtractor;
use crosscheck_model::{ClaimBody, Document, Quantity, Sentence};
use serde::Deserialize;

use crate::{prf, read_to_string, EvalError, EvalReport};

/// The CQE sets scored, by file stem.
pub const CQE_SETS: &[&str] = &[
    "age-model",
    "currency-model",
    "dimension-model",
    "temperature-model",
];

/// One quantity value: a number or a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// One number.
    Single(f64),
    /// A range, low to high.
    Range(f64, f64),
}

impl Value {
    /// Parses the CQE notation: "75000000", "-5", "8-10", "4-5.6".
    pub fn parse(s: &str) -> Option<Value> {
        let s = s.trim();
        if let Ok(v) = s.parse::<f64>() {
            return Some(Value::Single(v));
        }
        let (a, b) = s.get(1..)?.split_once('-').map(|(a, b)| {
            let first = s.get(..1).unwrap_or("");
            (format!("{first}{a}"), b.to_string())
        })?;
        Some(Value::Range(a.trim().parse().ok()?, b.trim().parse().ok()?))
    }

    fn midpoint(self) -> Value {
        match self {
            Value::Range(a, b) => Value::Single((a + b) / 2.0),
            v => v,
        }
    }

    fn matches(self, other: Value) -> bool {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-8 + 1e-5 * b.abs();
        match (self, other) {
            (Value::Single(a), Value::Single(b)) => close(a, b),
            (Value::Range(a, b), Value::Range(c, d)) => close(a, c) && close(b, d),
            _ => false,
        }
    }
}

/// A quantity with the unit name it is scored by (CQE spelling, lowercase).
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// The value.
    pub value: Value,
    /// The unit, as CQE spells it.
    pub unit: String,
}

/// The value a claim states, `None` for a vague amount.
pub fn claim_value(q: &Quantity) -> Option<Value> {
    if q.vague {
        return None;
    }
    match (q.low, q.high, q.bound) {
        (Some(l), Some(h), _) if l != h => Some(Value::Range(l.min(h), l.max(h))),
        (Some(v), _, _) | (None, Some(v), _) => Some(Value::Single(v)),
        (None, None, _) => None,
    }
}

/// Our unit id as CQE names units ("USD" → "dollar"); a rate appends
/// "per <unit>"; no unit is "-" (CQE's dimensionless mark) unless the claim
/// counts something, which CQE names by the counted noun: those get the
/// subject's last word, singular.
pub fn cqe_unit_name(q: &Quantity) -> String {
    let base = match q.unit.as_deref() {
        None | Some("share") => q
            .subject
            .as_deref()
            .and_then(|s| s.split_whitespace().last())
            .map(singular)
            .unwrap_or_else(|| "-".to_string()),
        Some(id) => unit(id)
            .map(|u| u.reference.to_string())
            .unwrap_or_else(|| id.to_lowercase()),
    };
    match q.rate.as_deref().and_then(|r| r.strip_prefix("per ")) {
        Some(per) => format!("{base} per {per}"),
        None => base,
    }
}

fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if w == "people" {
        return w;
    }
    w.strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| {
            w.strip_suffix('s')
                .filter(|s| !s.ends_with('s'))
                .map(str::to_string)
        })
        .unwrap_or(w)
}

/// The quantity claims of `text` read as one document of one sentence.
pub fn sentence_quantities(extractor: &QuantityExtractor, id: &str, text: &str) -> Vec<Quantity> {
    let doc = Document {
        id: id.to_string(),
        text: text.to_string(),
        sentences: vec![Sentence::new(0, text.len())],
        ..Document::default()
    };
    extractor
        .extract(&doc, &[])
        .into_iter()
        .filter_map(|c| match c.body {
            ClaimBody::Quantity { quantity } => Some(quantity),
            _ => None,
        })
        .collect()
}

/// crosscheck's quantities in `text`, read as one sentence.
pub fn crosscheck_quantities(extractor: &QuantityExtractor, text: &str) -> Vec<Scored> {
    sentence_quantities(extractor, "q", text)
        .into_iter()
        .filter_map(|q| {
            Some(Scored {
                value: claim_value(&q)?,
                unit: cqe_unit_name(&q),
            })
        })
        .collect()
}

/// Counts over a set of sentences.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Gold quantities.
    pub gold: usize,
    /// Predicted quantities.
    pub predicted: usize,
    /// Predictions matching a gold value.
    pub value_matches: usize,
    /// Of those, the ones with the gold unit too.
    pub unit_matches: usize,
    /// The misses, for reading.
    pub errors: Vec<String>,
}

impl Tally {
    /// Adds one sentence: greedy one-to-one matching by value, preferring a
    /// prediction whose unit also matches.
    pub fn add(&mut self, label: &str, gold: &[Scored], predicted: &[Scored], midpoints: bool) {
        let norm = |v: Value| if midpoints { v.midpoint() } else { v };
        let mut used = vec![false; predicted.len()];
        self.gold += gold.len();
        self.predicted += predicted.len();
        let mut missed = Vec::new();
        for g in gold {
            let candidates: Vec<usize> = predicted
                .iter()
                .enumerate()
                .filter(|(k, p)| {
                    !used.get(*k).copied().unwrap_or(true) && norm(p.value).matches(norm(g.value))
                })
                .map(|(k, _)| k)
                .collect();
            let pick = candidates
                .iter()
                .copied()
                .find(|&k| predicted.get(k).is_some_and(|p| p.unit == g.unit))
                .or_else(|| candidates.first().copied());
            match pick {
                Some(k) => {
                    if let Some(u) = used.get_mut(k) {
                        *u = true;
                    }
                    self.value_matches += 1;
                    if predicted.get(k).is_some_and(|p| p.unit == g.unit) {
                        self.unit_matches += 1;
                    }
                }
                None => missed.push(show(g)),
            }
        }
        let extra: Vec<String> = predicted
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(p, _)| show(p))
            .collect();
        if !missed.is_empty() || !extra.is_empty() {
            self.errors.push(format!(
                "  {label}: missed [{}] extra [{}]",
                missed.join(", "),
                extra.join(", ")
            ));
        }
    }

    /// Pushes `{prefix}_precision`, `_recall`, `_f1`, `_value_unit_f1`,
    /// `_gold`, `_predicted`.
    pub fn push(&self, report: &mut EvalReport, prefix: &str) {
        let (p, r, f) = prf(self.value_matches, self.predicted, self.gold);
        let (_, _, fu) = prf(self.unit_matches, self.predicted, self.gold);
        report.push(&format!("{prefix}_precision"), p);
        report.push(&format!("{prefix}_recall"), r);
        report.push(&format!("{prefix}_f1"), f);
        report.push(&format!("{prefix}_value_unit_f1"), fu);
        report.push(&format!("{prefix}_gold"), self.gold as f64);
        report.push(&format!("{prefix}_predicted"), self.predicted as f64);
    }
}

fn show(s: &Scored) -> String {
    let v = match s.value {
        Value::Single(v) => format!("{v}"),
        Value::Range(a, b) => format!("{a}-{b}"),
    };
    format!("{v} {}", s.unit)
}

/// One sentence of a CQE-format file.
#[derive(Debug, Deserialize)]
pub struct CqeSentence {
    /// The sentence.
    pub text: String,
    /// Its gold quantities.
    #[serde(default)]
    pub quantities: Vec<CqeQuantity>,
}

/// One gold quantity of a CQE-format file.
#[derive(Debug, Deserialize)]
pub struct CqeQuantity {
    /// A number, or a string in CQE value notation ("8-10").
    pub value: serde_json::Value,
    /// The unit as CQE spells it ("" for a count).
    #[serde(default)]
    pub normalized_unit: String,
}

fn gold_of(q: &[CqeQuantity]) -> Vec<Scored> {
    q.iter()
        .filter_map(|g| {
            let value = match &g.value {
                serde_json::Value::String(s) => Value::parse(s)?,
                serde_json::Value::Number(n) => Value::Single(n.as_f64()?),
                _ => return None,
            };
            Some(Scored {
                value,
                unit: g.normalized_unit.to_lowercase(),
            })
        })
        .collect()
}

/// Reads a CQE-format file: `[{"text", "quantities": [{"value", "normalized_unit"}]}]`.
pub fn read_cqe(path: &Path) -> Result<Vec<CqeSentence>, EvalError> {
    let raw = read_to_string(path)?;
    serde_json::from_str(&raw).map_err(|e| EvalError::data(path, e.to_string()))
}

/// Another system's values, per set name, one list per sentence (CQE value
/// notation), as `scripts/baselines/quantulum3_bench.py` writes them.
pub type Predictions = BTreeMap<String, Vec<Vec<serde_json::Value>>>;

/// Where the quantities come from: crosscheck, or a file of another system's.
pub enum System<'a> {
    /// Crosscheck's quantity extractor.
    Crosscheck(&'a QuantityExtractor),
    /// Values read from a file.
    File(&'a Predictions),
}

impl System<'_> {
    /// quantulum3 reports a range by its mean, so its ranges are compared
    /// by midpoint (as the CQE evaluation does for it).
    fn midpoints(&self) -> bool {
        matches!(self, System::File(_))
    }

    fn quantities(&self, set: &str, index: usize, text: &str) -> Vec<Scored> {
        match self {
            System::Crosscheck(x) => crosscheck_quantities(x, text),
            System::File(p) => p
                .get(set)
                .and_then(|s| s.get(index))
                .map(|values| {
                    values
                        .iter()
                        .filter_map(|v| {
                            let value = match v {
                                serde_json::Value::String(s) => Value::parse(s)?,
                                serde_json::Value::Number(n) => Value::Single(n.as_f64()?),
                                serde_json::Value::Array(a) => {
                                    Value::Range(a.first()?.as_f64()?, a.get(1)?.as_f64()?)
                                }
                                _ => return None,
                            };
                            Some(Scored {
                                value,
                                unit: String::new(),
                            })
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// Scores one CQE-format file.
pub fn score_cqe(sentences: &[CqeSentence], set: &str, system: &System) -> Tally {
    let mut tally = Tally::default();
    for (n, s) in sentences.iter().enumerate() {
        let predicted = system.quantities(set, n, &s.text);
        tally.add(
            &format!("{set}#{n}"),
            &gold_of(&s.quantities),
            &predicted,
            system.midpoints(),
        );
    }
    tally
}

#[derive(Debug, Deserialize)]
struct QuantulumCase {
    req: String,
    #[serde(default)]
    res: Vec<QuantulumGold>,
}

#[derive(Debug, Deserialize)]
struct QuantulumGold {
    value: f64,
}

/// The quantulum3 English test sentences (values only; ranges by midpoint).
pub fn score_quantulum(dir: &Path, system: &System) -> Result<Tally, EvalError> {
    let path = dir.join("quantities.json");
    let cases: Vec<QuantulumCase> = serde_json::from_str(&read_to_string(&path)?)
        .map_err(|e| EvalError::data(&path, e.to_string()))?;
    let mut tally = Tally::default();
    for (n, case) in cases.iter().enumerate() {
        let gold: Vec<Scored> = case
            .res
            .iter()
            .map(|g| Scored {
                value: Value::Single(g.value),
                unit: String::new(),
            })
            .collect();
        let mut predicted = system.quantities("quantulum3", n, &case.req);
        for p in &mut predicted {
            p.unit.clear();
        }
        tally.add(&format!("quantulum3#{n}"), &gold, &predicted, true);
    }
    Ok(tally)
}

/// The sentences of the hand-annotated news dev set.
#[derive(Debug, Deserialize)]
struct NewsSet {
    sentences: Vec<NewsSentence>,
}

#[derive(Debug, Deserialize)]
struct NewsSentence {
    id: usize,
    part: String,
    source: String,
    doc: String,
    start: usize,
    end: usize,
    values: Vec<String>,
}

/// The hand-annotated news sets by file name: the dev set, then the fresh
/// draws, each annotated before the reader ran on it and scored once
/// untouched before any fix (each file's `about` says how it was made).
const NEWS_SETS: &[(&str, &str)] = &[
    ("dev.json", include_str!("../data/news_figures/dev.json")),
    (
        "fresh.json",
        include_str!("../data/news_figures/fresh.json"),
    ),
    (
        "fresh2.json",
        include_str!("../data/news_figures/fresh2.json"),
    ),
    (
        "fresh3.json",
        include_str!("../data/news_figures/fresh3.json"),
    ),
    (
        "fresh4.json",
        include_str!("../data/news_figures/fresh4.json"),
    ),
    (
        "fresh5.json",
        include_str!("../data/news_figures/fresh5.json"),
    ),
    (
        "fresh6.json",
        include_str!("../data/news_figures/fresh6.json"),
    ),
    (
        "fresh7.json",
        include_str!("../data/news_figures/fresh7.json"),
    ),
    (
        "fresh8.json",
        include_str!("../data/news_figures/fresh8.json"),
    ),
    (
        "fresh9.json",
        include_str!("../data/news_figures/fresh9.json"),
    ),
    (
        "fresh10.json",
        include_str!("../data/news_figures/fresh10.json"),
    ),
    (
        "fresh11.json",
        include_str!("../data/news_figures/fresh11.json"),
    ),
    (
        "fresh12.json",
        include_str!("../data/news_figures/fresh12.json"),
    ),
    (
        "fresh13.json",
        include_str!("../data/news_figures/fresh13.json"),
    ),
    (
        "fresh14.json",
        include_str!("../data/news_figures/fresh14.json"),
    ),
    (
        "fresh15.json",
        include_str!("../data/news_figures/fresh15.json"),
    ),
    (
        "fresh16.json",
        include_str!("../data/news_figures/fresh16.json"),
    ),
    (
        "fresh17.json",
        include_str!("../data/news_figures/fresh17.json"),
    ),
    (
        "fresh18.json",
        include_str!("../data/news_figures/fresh18.json"),
    ),
    (
        "fresh19.json",
        include_str!("../data/news_figures/fresh19.json"),
    ),
    (
        "fresh20.json",
        include_str!("../data/news_figures/fresh20.json"),
    ),
    (
        "fresh21.json",
        include_str!("../data/news_figures/fresh21.json"),
    ),
    (
        "fresh22.json",
        include_str!("../data/news_figures/fresh22.json"),
    ),
    (
        "fresh23.json",
        include_str!("../data/news_figures/fresh23.json"),
    ),
    (
        "fresh24.json",
        include_str!("../data/news_figures/fresh24.json"),
    ),
    (
        "fresh25.json",
        include_str!("../data/news_figures/fresh25.json"),
    ),
    (
        "fresh26.json",
        include_str!("../data/news_figures/fresh26.json"),
    ),
    (
        "fresh27.json",
        include_str!("../data/news_figures/fresh27.json"),
    ),
    (
        "fresh28.json",
        include_str!("../data/news_figures/fresh28.json"),
    ),
    (
        "fresh29.json",
        include_str!("../data/news_figures/fresh29.json"),
    ),
    (
        "fresh30.json",
        include_str!("../data/news_figures/fresh30.json"),
    ),
    (
        "fresh31.json",
        include_str!("../data/news_figures/fresh31.json"),
    ),
    (
        "fresh32.json",
        include_str!("../data/news_figures/fresh32.json"),
    ),
    (
        "fresh33.json",
        include_str!("../data/news_figures/fresh33.json"),
    ),
    (
        "fresh34.json",
        include_str!("../data/news_figures/fresh34.json"),
    ),
    (
        "fresh35.json",
        include_str!("../data/news_figures/fresh35.json"),
    ),
    (
        "fresh36.json",
        include_str!("../data/news_figures/fresh36.json"),
    ),
    (
        "fresh37.json",
        include_str!("../data/news_figures/fresh37.json"),
    ),
    (
        "fresh38.json",
        include_str!("../data/news_figures/fresh38.json"),
    ),
    (
        "fresh39.json",
        include_str!("../data/news_figures/fresh39.json"),
    ),
    (
        "fresh40.json",
        include_str!("../data/news_figures/fresh40.json"),
    ),
    (
        "fresh41.json",
        include_str!("../data/news_figures/fresh41.json"),
    ),
    (
        "fresh42.json",
        include_str!("../data/news_figures/fresh42.json"),
    ),
    (
        "fresh43.json",
        include_str!("../data/news_figures/fresh43.json"),
    ),
    (
        "fresh44.json",
        include_str!("../data/news_figures/fresh44.json"),
    ),
    (
        "fresh45.json",
        include_str!("../data/news_figures/fresh45.json"),
    ),
    (
        "fresh46.json",
        include_str!("../data/news_figures/fresh46.json"),
    ),
    (
        "fresh47.json",
        include_str!("../data/news_figures/fresh47.json"),
    ),
    (
        "fresh48.json",
        include_str!("../data/news_figures/fresh48.json"),
    ),
    (
        "fresh49.json",
        include_str!("../data/news_figures/fresh49.json"),
    ),
    (
        "fresh50.json",
        include_str!("../data/news_figures/fresh50.json"),
    ),
    (
        "fresh51.json",
        include_str!("../data/news_figures/fresh51.json"),
    ),
    (
        "fresh52.json",
        include_str!("../data/news_figures/fresh52.json"),
    ),
    (
        "fresh53.json",
        include_str!("../data/news_figures/fresh53.json"),
    ),
    (
        "fresh54.json",
        include_str!("../data/news_figures/fresh54.json"),
    ),
    (
        "fresh55.json",
        include_str!("../data/news_figures/fresh55.json"),
    ),
    (
        "fresh56.json",
        include_str!("../data/news_figures/fresh56.json"),
    ),
    (
        "fresh57.json",
        include_str!("../data/news_figures/fresh57.json"),
    ),
    (
        "fresh58.json",
        include_str!("../data/news_figures/fresh58.json"),
    ),
    (
        "fresh59.json",
        include_str!("../data/news_figures/fresh59.json"),
    ),
    (
        "fresh60.json",
        include_str!("../data/news_figures/fresh60.json"),
    ),
    (
        "fresh61.json",
        include_str!("../data/news_figures/fresh61.json"),
    ),
    (
        "fresh62.json",
        include_str!("../data/news_figures/fresh62.json"),
    ),
    (
        "fresh63.json",
        include_str!("../data/news_figures/fresh63.json"),
    ),
    (
        "fresh64.json",
        include_str!("../data/news_figures/fresh64.json"),
    ),
    (
        "fresh65.json",
        include_str!("../data/news_figures/fresh65.json"),
    ),
    (
        "fresh66.json",
        include_str!("../data/news_figures/fresh66.json"),
    ),
];

/// The documents the news dev set points into, loaded once per source.
struct NewsSources {
    shared: PathBuf,
    reuters: Option<Vec<String>>,
    article_bodies: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
struct Story {
    #[serde(default)]
    text: String,
}

#[derive(Deserialize)]
struct Body {
    #[serde(rename = "articleBody", default)]
    article_body: String,
}

impl NewsSources {
    fn text(&mut self, source: &str, doc: &str) -> Result<String, EvalError> {
        match source {
            "reuters" => {
                if self.reuters.is_none() {
                    let path = self.shared.join("corpus/reuters21578/reuters21578.jsonl");
                    let raw = read_to_string(&path)?;
                    let stories = raw
                        .lines()
                        .map(|l| serde_json::from_str::<Story>(l).map(|s| s.text))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|e| EvalError::data(&path, e.to_string()))?;
                    self.reuters = Some(stories);
                }
                let line: usize = doc
                    .parse()
                    .map_err(|_| EvalError::data(Path::new(doc), "bad Reuters line"))?;
                self.reuters
                    .as_ref()
                    .and_then(|r| r.get(line).cloned())
                    .ok_or_else(|| EvalError::data(Path::new(doc), "no such Reuters line"))
            }
            "polnear" => read_to_string(&self.shared.join("data/polnear/train/text").join(doc)),
            "polnear-dev" => read_to_string(&self.shared.join("data/polnear/dev/text").join(doc)),
            "timebank" => {
                let path = self.shared.join("data/timebank").join(doc);
                crate::timebank::document_text(&read_to_string(&path)?)
                    .map_err(|e| EvalError::data(&path, e))
            }
            "article-extraction" => {
                if self.article_bodies.is_none() {
                    let path = self
                        .shared
                        .join("data/article-extraction/ground-truth.json");
                    let bodies: BTreeMap<String, Body> =
                        serde_json::from_str(&read_to_string(&path)?)
                            .map_err(|e| EvalError::data(&path, e.to_string()))?;
                    self.article_bodies = Some(
                        bodies
                            .into_iter()
                            .map(|(k, b)| (k, b.article_body))
                            .collect(),
                    );
                }
                self.article_bodies
                    .as_ref()
                    .and_then(|b| b.get(doc).cloned())
                    .ok_or_else(|| EvalError::data(Path::new(doc), "no such article"))
            }
            other => Err(EvalError::data(Path::new(other), "unknown source")),
        }
    }
}

/// Scores the news sets, per part ("tune" and "test" of the dev set, "fresh").
pub fn score_news(shared: &Path, system: &System) -> Result<BTreeMap<String, Tally>, EvalError> {
    let mut sentences = Vec::new();
    for &(name, raw) in NEWS_SETS {
        let set: NewsSet = serde_json::from_str(raw).map_err(|e| {
            EvalError::data(Path::new(&format!("news_figures/{name}")), e.to_string())
        })?;
        sentences.extend(set.sentences);
    }
    let mut sources = NewsSources {
        shared: shared.to_path_buf(),
        reuters: None,
        article_bodies: None,
    };
    let mut parts: BTreeMap<String, Tally> = BTreeMap::new();
    for s in &sentences {
        let text = sources.text(&s.source, &s.doc)?;
        let sentence = text.get(s.start..s.end).ok_or_else(|| {
            EvalError::data(
                Path::new(&s.doc),
                format!("bad offsets for sentence {}", s.id),
            )
        })?;
        let gold: Vec<Scored> = s
            .values
            .iter()
            .filter_map(|v| {
                Some(Scored {
                    value: Value::parse(v)?,
                    unit: String::new(),
                })
            })
            .collect();
        // Each file numbers its sentences from 0: a baseline's predictions
        // are keyed by file ("news" for dev.json's two parts).
        let set_key = match s.part.as_str() {
            "tune" | "test" => "news".to_string(),
            other => format!("news-{other}"),
        };
        let mut predicted = system.quantities(&set_key, s.id, sentence);
        for p in &mut predicted {
            p.unit.clear();
        }
        parts.entry(s.part.clone()).or_default().add(
            &format!("news-{}#{}", s.part, s.id),
            &gold,
            &predicted,
            system.midpoints(),
        );
    }
    Ok(parts)
}

/// One sentence of `units-test.json`.
#[derive(Debug, Deserialize)]
struct UnitCase {
    text: String,
    unit: String,
    #[serde(default)]
    surface_form: String,
}

/// Unit accuracy on `units-test.json`: the unit crosscheck gives the
/// ambiguous surface form in its sentence, against the gold unit. A
/// sentence where the surface is not read as a unit counts as wrong.
pub fn unit_accuracy(path: &Path) -> Result<(usize, usize, Vec<String>), EvalError> {
    let cases: Vec<UnitCase> = serde_json::from_str(&read_to_string(path)?)
        .map_err(|e| EvalError::data(path, e.to_string()))?;
    let mut right = 0;
    let mut wrong = Vec::new();
    for c in &cases {
        let got = unit_for_surface(&c.text, &c.surface_form)
            .and_then(|id| unit(id).map(|u| u.reference.to_string()));
        if got.as_deref() == Some(c.unit.as_str()) {
            right += 1;
        } else {
            wrong.push(format!(
                "  {:?}: gold {} got {}",
                c.surface_form,
                c.unit,
                got.as_deref().unwrap_or("(none)")
            ));
        }
    }
    Ok((right, cases.len(), wrong))
}

/// Scores every set with `system`; `gold` replaces the sets with one
/// CQE-format file (a held-out set).
pub fn evaluate_with(
    shared: &Path,
    system: &System,
    gold: Option<&Path>,
) -> Result<EvalReport, EvalError> {
    let mut report = EvalReport::new("quantities");
    let mut detail = String::new();
    if let Some(path) = gold {
        let sentences = read_cqe(path)?;
        let tally = score_cqe(&sentences, "gold", system);
        report.push("sentences", sentences.len() as f64);
        tally.push(&mut report, "heldout");
        detail.push_str(&format!("errors:\n{}\n", tally.errors.join("\n")));
        report.detail = detail;
        return Ok(report);
    }
    let data = shared.join("data");
    let dir = data.join("quantities");
    let mut all = Tally::default();
    for set in CQE_SETS {
        let sentences = read_cqe(&dir.join(format!("{set}.json")))?;
        let tally = score_cqe(&sentences, set, system);
        tally.push(&mut report, set);
        all.gold += tally.gold;
        all.predicted += tally.predicted;
        all.value_matches += tally.value_matches;
        all.unit_matches += tally.unit_matches;
        detail.push_str(&format!("{set} errors:\n{}\n", tally.errors.join("\n")));
    }
    all.push(&mut report, "cqe_sets");
    let quantulum = score_quantulum(&data.join("quantulum3-tests"), system)?;
    quantulum.push(&mut report, "quantulum3_suite");
    detail.push_str(&format!(
        "quantulum3 suite errors:\n{}\n",
        quantulum.errors.join("\n")
    ));
    if matches!(system, System::Crosscheck(_)) {
        let (right, total, wrong) = unit_accuracy(&dir.join("units-test.json"))?;
        report.push("units_test_accuracy", right as f64 / total.max(1) as f64);
        report.push("units_test_sentences", total as f64);
        detail.push_str(&format!("units-test errors:\n{}\n", wrong.join("\n")));
    }
    if shared
        .join("corpus/reuters21578/reuters21578.jsonl")
        .exists()
    {
        for (part, tally) in score_news(shared, system)? {
            tally.push(&mut report, &format!("news_{part}"));
            // The test part is measured, never read while tuning: its
            // errors are printed only on request.
            if part == "tune" || std::env::var_os("CROSSCHECK_SHOW_TEST_ERRORS").is_some() {
                detail.push_str(&format!(
                    "news {part} errors:\n{}\n",
                    tally.errors.join("\n")
                ));
            }
        }
    }
    report.detail = detail;
    Ok(report)
}

/// `crosscheck-eval quantities`: crosscheck on every set.
pub fn evaluate(shared: &Path) -> Result<EvalReport, EvalError> {
    evaluate_options(shared, None, None)
}

/// `crosscheck-eval quantities [--gold FILE] [--predictions FILE]`: with
/// `gold`, one CQE-format file replaces the sets (a held-out set); with
/// `predictions`, another system's values are scored instead of
/// crosscheck's.
pub fn evaluate_options(
    shared: &Path,
    gold: Option<&Path>,
    predictions: Option<&Path>,
) -> Result<EvalReport, EvalError> {
    let extractor = QuantityExtractor::new();
    match predictions {
        Some(path) => {
            let raw = read_to_string(path)?;
            let p: Predictions =
                serde_json::from_str(&raw).map_err(|e| EvalError::data(path, e.to_string()))?;
            evaluate_with(shared, &System::File(&p), gold)
        }
        None => evaluate_with(shared, &System::Crosscheck(&extractor), gold),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cqe_values() {
        assert_eq!(Value::parse("75000000"), Some(Value::Single(75e6)));
        assert_eq!(Value::parse("-5"), Some(Value::Single(-5.0)));
        assert_eq!(Value::parse("8-10"), Some(Value::Range(8.0, 10.0)));
        assert_eq!(Value::parse("4-5.6"), Some(Value::Range(4.0, 5.6)));
        assert_eq!(Value::parse("x"), None);
    }

    #[test]
    fn matching_is_one_to_one_and_ranges_need_both_ends() {
        let s = |v: Value| Scored {
            value: v,
            unit: String::new(),
        };
        let mut t = Tally::default();
        t.add(
            "a",
            &[
                s(Value::Single(5.0)),
                s(Value::Single(5.0)),
                s(Value::Range(8.0, 10.0)),
            ],
            &[
                s(Value::Single(5.0)),
                s(Value::Single(9.0)),
                s(Value::Range(8.0, 11.0)),
            ],
            false,
        );
        assert_eq!((t.value_matches, t.gold, t.predicted), (1, 3, 3));
        let mut m = Tally::default();
        m.add(
            "b",
            &[s(Value::Single(9.0))],
            &[s(Value::Range(8.0, 10.0))],
            true,
        );
        assert_eq!(m.value_matches, 1);
    }
}
