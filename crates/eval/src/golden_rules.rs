//! Sentence splitting on the English "golden rules" (pySBD's test cases):
//! a case passes when the produced sentences, trimmed, equal the gold list.

use std::fmt::Write as _;
use std::path::Path;

use crosscheck_model::Range;
use crosscheck_text::SentenceSplitter;
use serde::Deserialize;

use crate::{read_to_string, EvalError, EvalReport};

#[derive(Debug, Deserialize)]
struct Case {
    text: String,
    sentences: Vec<String>,
}

/// Runs every English golden rule in `dir` through the splitter and counts the cases it passes.
pub fn evaluate(dir: &Path) -> Result<EvalReport, EvalError> {
    let path = dir.join("english.json");
    let cases: Vec<Case> = serde_json::from_str(&read_to_string(&path)?)
        .map_err(|e| EvalError::data(&path, e.to_string()))?;
    if cases.is_empty() {
        return Err(EvalError::data(&path, "no cases"));
    }
    let splitter = SentenceSplitter::new();
    let mut passed = 0usize;
    let mut detail = String::new();
    for (n, case) in cases.iter().enumerate() {
        let got: Vec<&str> = splitter
            .split(&case.text, Range::new(0, case.text.len()))
            .iter()
            .map(|s| s.range.slice(&case.text).trim())
            .collect();
        let want: Vec<&str> = case.sentences.iter().map(|s| s.trim()).collect();
        if got == want {
            passed += 1;
        } else {
            let _ = writeln!(detail, "FAIL case {}: {:?}", n + 1, case.text);
            let _ = writeln!(detail, "  want: {want:?}");
            let _ = writeln!(detail, "  got:  {got:?}");
        }
    }
    let mut report = EvalReport::new("golden-rules (English)");
    report.push("passed", passed as f64);
    report.push("total", cases.len() as f64);
    report.push("pass_rate", passed as f64 / cases.len() as f64);
    report.detail = detail;
    Ok(report)
}
