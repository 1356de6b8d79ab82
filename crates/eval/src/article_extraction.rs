//! HTML article-body extraction on the article-extraction benchmark
//! (scrapinghub/article-extraction-benchmark): 181 pages with gold bodies.
//!
//! Scoring as the benchmark's `evaluate.py` does it: tokens are runs of `\w`
//! (Unicode letters, digits, marks, underscore), each text becomes the
//! multiset of its 4-token shingles (a text shorter than 4 tokens is one
//! shingle), per page tp/fp/fn are counted and normalised by their sum,
//! precision and recall are averaged over the pages where they are defined,
//! and F1 is computed from the two means. Accuracy is the share of pages
//! whose token lists are identical.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use serde_json::Value;

use crate::{read_to_string, EvalError, EvalReport};

/// Per-page counts, normalised so that every page weighs the same.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageCounts {
    /// Shingles both sides share.
    pub tp: f64,
    /// Shingles only the prediction has.
    pub fp: f64,
    /// Shingles only the gold text has.
    pub fn_: f64,
}

/// `\w+` tokens as Python's `re` finds them in Unicode mode.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_' || is_mark(c);
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(&text[s..]);
    }
    tokens
}

/// Combining marks used inside words (Python's `\w` accepts some of them
/// through `isalnum`; the common Latin, Devanagari and Arabic ranges).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{900}'..='\u{903}' | '\u{93a}'..='\u{94f}' | '\u{64b}'..='\u{65f}')
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens = tokenize(text);
    let mut out: HashMap<Vec<&str>, usize> = HashMap::new();
    let n = 4;
    let count = tokens.len().saturating_sub(n) + 1;
    for i in 0..count.max(1) {
        let end = (i + n).min(tokens.len());
        let Some(shingle) = tokens.get(i..end) else {
            continue;
        };
        if !shingle.is_empty() {
            *out.entry(shingle.to_vec()).or_default() += 1;
        }
    }
    out
}

/// The benchmark's shingle matching for one page.
pub fn shingle_matching(truth: &str, predicted: &str) -> PageCounts {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (key, &tc) in &t {
        let pc = p.get(key).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (key, &pc) in &p {
        let tc = t.get(key).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc) as f64;
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        PageCounts {
            tp: tp / sum,
            fp: fp / sum,
            fn_: fn_ / sum,
        }
    } else {
        PageCounts { tp, fp, fn_ }
    }
}

fn precision(c: &PageCounts) -> f64 {
    if c.fp == 0.0 && c.fn_ == 0.0 {
        1.0
    } else if c.tp == 0.0 && c.fp == 0.0 {
        0.0
    } else {
        c.tp / (c.tp + c.fp)
    }
}

fn recall(c: &PageCounts) -> f64 {
    if c.fp == 0.0 && c.fn_ == 0.0 {
        1.0
    } else if c.tp == 0.0 && c.fn_ == 0.0 {
        0.0
    } else {
        c.tp / (c.tp + c.fn_)
    }
}

/// Mean precision, mean recall and the F1 of the two means.
pub fn aggregate(pages: &[PageCounts]) -> (f64, f64, f64) {
    let ps: Vec<f64> = pages
        .iter()
        .filter(|c| c.tp + c.fp > 0.0)
        .map(precision)
        .collect();
    let rs: Vec<f64> = pages
        .iter()
        .filter(|c| c.tp + c.fn_ > 0.0)
        .map(recall)
        .collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&ps), mean(&rs));
    let f1 = crate::f1(p, r);
    (p, r, f1)
}

/// Runs extraction on every page and scores it.
pub fn evaluate(dir: &Path) -> Result<EvalReport, EvalError> {
    let truth_path = dir.join("ground-truth.json");
    let truth: Value = serde_json::from_str(&read_to_string(&truth_path)?)
        .map_err(|e| EvalError::data(&truth_path, e.to_string()))?;
    let Value::Object(truth) = truth else {
        return Err(EvalError::data(&truth_path, "expected a JSON object"));
    };
    let mut keys: Vec<&String> = truth.keys().collect();
    keys.sort();
    let mut pages = Vec::with_capacity(keys.len());
    let mut identical = 0usize;
    let mut extract_secs = 0.0f64;
    let mut worst: Vec<(f64, String)> = Vec::new();
    let mut dump = serde_json::Map::new();
    for key in keys {
        let path = dir.join("html").join(format!("{key}.html.gz"));
        let gz = std::fs::read(&path).map_err(|e| EvalError::io(&path, e))?;
        let bytes = crosscheck_ingest::gunzip_capped(&gz, 64 * 1024 * 1024)
            .map_err(|e| EvalError::io(&path, e))?;
        let started = Instant::now();
        let predicted = match crosscheck_ingest::decode_html(&bytes, None) {
            Ok(html) => crosscheck_ingest::extract_article_html(&html).body_text(),
            Err(_) => String::new(),
        };
        extract_secs += started.elapsed().as_secs_f64();
        let gold = truth
            .get(key.as_str())
            .and_then(|v| v.get("articleBody"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let counts = shingle_matching(gold, &predicted);
        dump.insert(key.clone(), Value::String(predicted.clone()));
        if tokenize(gold) == tokenize(&predicted) {
            identical += 1;
        }
        let page_f1 = crate::f1(precision(&counts), recall(&counts));
        worst.push((
            page_f1,
            format!("{key} p={:.3} r={:.3}", precision(&counts), recall(&counts)),
        ));
        pages.push(counts);
    }
    // CROSSCHECK_EVAL_DUMP=preds.json keeps the predictions, so the Python
    // baseline script can score them with its own implementation.
    if let Some(out) = std::env::var_os("CROSSCHECK_EVAL_DUMP") {
        let out = std::path::PathBuf::from(out);
        std::fs::write(&out, Value::Object(dump).to_string())
            .map_err(|e| EvalError::io(&out, e))?;
    }
    let (p, r, f1) = aggregate(&pages);
    let mut report = EvalReport::new("article-extraction");
    report.push("pages", pages.len() as f64);
    report.push("precision", p);
    report.push("recall", r);
    report.push("f1", f1);
    report.push("accuracy", identical as f64 / pages.len().max(1) as f64);
    report.push(
        "ms_per_page",
        extract_secs * 1000.0 / pages.len().max(1) as f64,
    );
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    report.detail = format!(
        "lowest-scoring pages:\n{}",
        worst
            .iter()
            .take(15)
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoring_table() {
        let gold = "The ferry strike ended on Friday after nine days.";
        let cases: &[(&str, &str, f64, f64)] = &[
            ("identical", gold, 1.0, 1.0),
            (
                "extra text",
                "Menu Home. The ferry strike ended on Friday after nine days.",
                0.75,
                1.0,
            ),
            ("missing text", "The ferry strike ended on Friday", 1.0, 0.5),
        ];
        for (name, predicted, want_p, want_r) in cases {
            let c = shingle_matching(gold, predicted);
            assert!(
                (precision(&c) - want_p).abs() < 1e-9,
                "{name}: precision {}",
                precision(&c)
            );
            assert!(
                (recall(&c) - want_r).abs() < 1e-9,
                "{name}: recall {}",
                recall(&c)
            );
        }
        assert_eq!(
            tokenize("Don't stop_me, 3.5 naïve"),
            vec!["Don", "t", "stop_me", "3", "5", "naïve"]
        );
        let empty = shingle_matching(gold, "");
        assert_eq!((empty.tp, empty.fp), (0.0, 0.0));
        let (p, r, _) = aggregate(&[empty, shingle_matching(gold, gold)]);
        assert_eq!((p, r), (1.0, 0.5));
    }
}
