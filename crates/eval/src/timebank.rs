//! TIMEX3 extraction and normalisation on TimeBank (TempEval-3 task A):
//! tags are stripped from each document's `<TEXT>` to get the raw text and
//! the gold spans (offsets into the stripped text); the document creation
//! time is the anchor. Reports strict and relaxed (overlap) span P/R/F1,
//! value accuracy and value F1 on relaxed matches (TempEval-3 style: a true
//! positive is a matched span with an equal value), and type accuracy.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crosscheck_model::{TimeExpression, TimexType};
use crosscheck_time::NaiveDate;
use crosscheck_time::TimeNormalizer;

use crate::{read_to_string, EvalError, EvalReport};

#[derive(Debug, Clone)]
struct GoldTimex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

struct GoldDoc {
    text: String,
    dct: Option<NaiveDate>,
    timexes: Vec<GoldTimex>,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    pred: usize,
    strict: usize,
    relaxed: usize,
    value: usize,
    kind: usize,
}

/// Scores time expressions (spans and TIMEX3 values) on the TimeBank documents in `dir`.
pub fn evaluate(dir: &Path) -> Result<EvalReport, EvalError> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::io(dir, e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(EvalError::data(dir, "no .tml files"));
    }
    let normalizer = TimeNormalizer::new();
    let mut counts = Counts::default();
    let mut misses: BTreeMap<String, usize> = BTreeMap::new();
    let mut spurious: BTreeMap<String, usize> = BTreeMap::new();
    let mut wrong: BTreeMap<String, usize> = BTreeMap::new();
    for path in &files {
        let doc = parse_tml(&read_to_string(path)?).map_err(|r| EvalError::data(path, r))?;
        let pred = normalizer.extract_text(&doc.text, doc.dct);
        score_doc(
            &doc,
            &pred,
            &mut counts,
            &mut misses,
            &mut spurious,
            &mut wrong,
        );
    }
    let mut report = EvalReport::new("timebank (TempEval-3 TimeBank part)");
    let prf = |tp: usize| {
        let p = ratio(tp, counts.pred);
        let r = ratio(tp, counts.gold);
        (p, r, f1(p, r))
    };
    report.push("documents", files.len() as f64);
    report.push("gold_timexes", counts.gold as f64);
    report.push("predicted", counts.pred as f64);
    for (name, tp) in [("strict", counts.strict), ("relaxed", counts.relaxed)] {
        let (p, r, f) = prf(tp);
        report.push(&format!("{name}_precision"), p);
        report.push(&format!("{name}_recall"), r);
        report.push(&format!("{name}_f1"), f);
    }
    let (vp, vr, vf) = prf(counts.value);
    report.push("value_accuracy", ratio(counts.value, counts.relaxed));
    report.push("value_precision", vp);
    report.push("value_recall", vr);
    report.push("value_f1", vf);
    report.push("type_accuracy", ratio(counts.kind, counts.relaxed));
    let mut detail = String::new();
    for (title, map) in [
        (
            "wrong values (gold text | gold value | predicted value)",
            &wrong,
        ),
        ("missed gold expressions", &misses),
        ("spurious predictions", &spurious),
    ] {
        let mut rows: Vec<_> = map.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let _ = writeln!(detail, "## {title}: {}", map.values().sum::<usize>());
        for (what, n) in rows.iter().take(60) {
            let _ = writeln!(detail, "{n:4}  {what}");
        }
        detail.push('\n');
    }
    report.detail = detail;
    Ok(report)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

use crate::f1;

fn type_name(kind: TimexType) -> &'static str {
    match kind {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

fn score_doc(
    doc: &GoldDoc,
    pred: &[TimeExpression],
    counts: &mut Counts,
    misses: &mut BTreeMap<String, usize>,
    spurious: &mut BTreeMap<String, usize>,
    wrong: &mut BTreeMap<String, usize>,
) {
    counts.gold += doc.timexes.len();
    counts.pred += pred.len();
    let mut used = vec![false; pred.len()];
    let lower = |s: usize, e: usize| doc.text.get(s..e).unwrap_or("").to_lowercase();
    for g in &doc.timexes {
        let overlap = pred.iter().enumerate().find(|(k, p)| {
            !used.get(*k).copied().unwrap_or(true) && p.span.start < g.end && g.start < p.span.end
        });
        let Some((k, p)) = overlap else {
            *misses
                .entry(format!("{} | {}", lower(g.start, g.end), g.value))
                .or_default() += 1;
            continue;
        };
        if let Some(u) = used.get_mut(k) {
            *u = true;
        }
        counts.relaxed += 1;
        if p.span.start == g.start && p.span.end == g.end {
            counts.strict += 1;
        }
        if p.value == g.value {
            counts.value += 1;
        } else {
            let key = format!("{} | {} | {}", lower(g.start, g.end), g.value, p.value);
            *wrong.entry(key).or_default() += 1;
        }
        if type_name(p.kind) == g.kind {
            counts.kind += 1;
        }
    }
    for (p, u) in pred.iter().zip(&used) {
        if !u {
            *spurious
                .entry(format!("{} | {}", p.text.to_lowercase(), p.value))
                .or_default() += 1;
        }
    }
}

/// The stripped `<TEXT>` of a TimeML document, as the news figures sets'
/// locators index it.
pub(crate) fn document_text(xml: &str) -> Result<String, String> {
    parse_tml(xml).map(|doc| doc.text)
}

/// The stripped `<TEXT>` of a TimeML document, its gold TIMEX3s and its DCT.
fn parse_tml(xml: &str) -> Result<GoldDoc, String> {
    let dct = xml.find("<DCT>").and_then(|at| {
        let tag_end = xml[at..].find("</DCT>")? + at;
        let value = attr(&xml[at..tag_end], "value")?;
        NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
    });
    let body_start = xml.find("<TEXT>").ok_or("no <TEXT>")? + "<TEXT>".len();
    let body_end = xml[body_start..]
        .find("</TEXT>")
        .map(|e| e + body_start)
        .ok_or("no </TEXT>")?;
    let body = &xml[body_start..body_end];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<GoldTimex> = None;
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                let close = rest.find('>').ok_or("unclosed tag")?;
                let tag = &rest[1..close];
                if tag.starts_with("TIMEX3") {
                    let is_dct = attr(tag, "functionInDocument") == Some("CREATION_TIME");
                    open = (!is_dct).then(|| GoldTimex {
                        start: text.len(),
                        end: text.len(),
                        kind: attr(tag, "type").unwrap_or("").to_string(),
                        value: attr(tag, "value").unwrap_or("").to_string(),
                    });
                } else if tag == "/TIMEX3" {
                    if let Some(mut t) = open.take() {
                        t.end = text.len();
                        timexes.push(t);
                    }
                }
                rest = &rest[close + 1..];
            }
            '&' => {
                let semi = rest.find(';').filter(|s| *s <= 6);
                let decoded = semi.and_then(|s| match &rest[1..s] {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                });
                match (decoded, semi) {
                    (Some(ch), Some(s)) => {
                        text.push(ch);
                        rest = &rest[s + 1..];
                    }
                    _ => {
                        text.push('&');
                        rest = &rest[1..];
                    }
                }
            }
            _ => {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    Ok(GoldDoc { text, dct, timexes })
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_offsets() {
        let xml = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2031-05-09\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT>A &amp; B met <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2031-05-09\">Friday</TIMEX3>.</TEXT>";
        let doc = parse_tml(xml).unwrap();
        assert_eq!(doc.text, "A & B met Friday.");
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2031, 5, 9));
        assert_eq!(doc.timexes.len(), 1);
        let t = &doc.timexes[0];
        assert_eq!(&doc.text[t.start..t.end], "Friday");
        assert_eq!(t.value, "2031-05-09");
    }
}
