//! Named entities on real newswire: a hand-annotated sample of Reuters-21578
//! sentences (1987, the kind of text CoNLL-2003 was drawn from), scored at
//! entity level (exact span and type) in CoNLL conventions, PER/ORG/LOC/MISC
//! and PER/ORG/LOC.
//!
//! Only offsets and labels are shipped (`data/newswire_ner/reuters_gold.tsv`,
//! whose header gives the selection rule, the dev/test split and the
//! annotation conventions); the sentences are read at run time from
//! `corpus/reuters21578/reuters21578.jsonl` in the shared directory,
//! newlines read as spaces. Two ways to run the recogniser: each sentence on
//! its own ([`Context::Sentence`], the headline figure), or the gold
//! sentences of one story together as one document ([`Context::Story`]), as
//! crosscheck reads news, so that a name given in full in the first sentence
//! helps with its short form in the second.
//!
//! Type mapping: Person → PER, Organization → ORG, Country and Location →
//! LOC, Group and Misc → MISC.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use crosscheck_model::{EntityType, Sentence};
use crosscheck_ner::EntityRecognizer;

// `super` is the crate root both in the library and when an example or test
// includes this file by path, so the module runs before it is declared.
use super::{EvalError, EvalReport};

/// The gold annotation (offsets and labels only, no text).
pub const GOLD: &str = include_str!("../data/newswire_ner/reuters_gold.tsv");

/// The CoNLL types, in report order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// One annotated entity: CoNLL type and char offsets into the record text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GoldEntity {
    /// CoNLL type: `PER`, `ORG`, `LOC` or `MISC`.
    pub kind: &'static str,
    /// Byte offset of the first char, in the sentence.
    pub start: usize,
    /// Byte offset past the last char, in the sentence.
    pub end: usize,
}

/// One annotated sentence: which half it belongs to, the JSONL line (1-based)
/// of its record, its char range in the record text and its entities.
#[derive(Debug, Clone)]
pub struct GoldSentence {
    /// `dev` or `test`.
    pub split: String,
    /// The story's line in the corpus (1-based).
    pub line: usize,
    /// Where the sentence starts in the story text.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// Its gold entities.
    pub entities: Vec<GoldEntity>,
}

/// Our entity types in CoNLL's four.
pub fn conll_type(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "PER",
        EntityType::Organization => "ORG",
        EntityType::Location | EntityType::Country => "LOC",
        EntityType::Group | EntityType::Misc => "MISC",
    }
}

fn known_type(t: &str) -> Option<&'static str> {
    TYPES.iter().copied().find(|k| *k == t)
}

/// Parses the gold file (`#` lines are comments).
pub fn parse_gold(text: &str) -> Result<Vec<GoldSentence>, String> {
    let mut out = Vec::new();
    for (no, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| format!("line {}: {what}", no + 1);
        let mut cols = line.split('\t');
        let split = cols.next().ok_or_else(|| bad("no split"))?.to_string();
        let mut number = || -> Result<usize, String> {
            cols.next()
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| bad("bad number"))
        };
        let (record, start, end) = (number()?, number()?, number()?);
        let mut entities = Vec::new();
        for col in cols {
            let mut parts = col.split(' ');
            let kind = parts
                .next()
                .and_then(known_type)
                .ok_or_else(|| bad("bad entity type"))?;
            let s: usize = parts
                .next()
                .and_then(|p| p.parse().ok())
                .ok_or_else(|| bad("bad entity start"))?;
            let e: usize = parts
                .next()
                .and_then(|p| p.parse().ok())
                .ok_or_else(|| bad("bad entity end"))?;
            if s < start || e > end || s >= e {
                return Err(bad("entity outside its sentence"));
            }
            entities.push(GoldEntity {
                kind,
                start: s,
                end: e,
            });
        }
        if start >= end {
            return Err(bad("empty sentence"));
        }
        out.push(GoldSentence {
            split,
            line: record,
            start,
            end,
            entities,
        });
    }
    Ok(out)
}

/// The `text` fields of the given JSONL lines (1-based), read in one pass.
pub fn read_records(
    path: &Path,
    lines: &HashSet<usize>,
) -> Result<HashMap<usize, String>, EvalError> {
    let file = std::fs::File::open(path).map_err(|e| EvalError::io(path, e))?;
    let mut out = HashMap::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| EvalError::io(path, e))?;
        if !lines.contains(&(i + 1)) {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| EvalError::data(path, format!("line {}: {e}", i + 1)))?;
        let text = value
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| EvalError::data(path, format!("line {}: no text", i + 1)))?;
        out.insert(i + 1, text.to_string());
    }
    Ok(out)
}

/// The sentence text (chars `start..end` of the record, newlines as spaces).
pub fn sentence_text(record: &str, start: usize, end: usize) -> String {
    record
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect()
}

/// What the recogniser finds in one sentence, as CoNLL-typed char spans
/// shifted by `offset` (the sentence's char start in its record).
pub fn predict(recognizer: &EntityRecognizer, text: &str, offset: usize) -> Vec<GoldEntity> {
    let sentence = [Sentence::new(0, text.len())];
    let char_at = |byte: usize| text.get(..byte).map(|p| p.chars().count());
    recognizer
        .recognize(text, &sentence)
        .into_iter()
        .filter_map(|m| {
            Some(GoldEntity {
                kind: conll_type(m.kind),
                start: offset + char_at(m.span.start)?,
                end: offset + char_at(m.span.end)?,
            })
        })
        .collect()
}

/// True positives, predictions and gold entities per CoNLL type.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Per type: true positives, false positives, false negatives.
    pub by_type: HashMap<&'static str, (usize, usize, usize)>,
}

impl Counts {
    /// Counts one sentence's predictions against its gold entities.
    pub fn add(&mut self, gold: &[GoldEntity], pred: &[GoldEntity]) {
        let gold_set: HashSet<&GoldEntity> = gold.iter().collect();
        let pred_set: HashSet<&GoldEntity> = pred.iter().collect();
        for g in &gold_set {
            self.by_type.entry(g.kind).or_default().2 += 1;
        }
        for p in &pred_set {
            let c = self.by_type.entry(p.kind).or_default();
            c.1 += 1;
            if gold_set.contains(p) {
                c.0 += 1;
            }
        }
    }

    /// Precision, recall and F1 over the given types.
    pub fn prf(&self, types: &[&str]) -> (f64, f64, f64) {
        let (tp, np, ng) = types
            .iter()
            .filter_map(|t| self.by_type.get(t))
            .fold((0, 0, 0), |(a, b, c), (x, y, z)| (a + x, b + y, c + z));
        prf(tp, np, ng)
    }

    /// Gold entities of the given types.
    pub fn gold(&self, types: &[&str]) -> usize {
        types
            .iter()
            .filter_map(|t| self.by_type.get(t))
            .map(|c| c.2)
            .sum()
    }
}

pub use crate::prf;

/// One scored sentence: its text and char offset, gold and predictions.
pub struct Scored {
    /// The gold annotation.
    pub gold: GoldSentence,
    /// The sentence text.
    pub text: String,
    /// What the recogniser found.
    pub pred: Vec<GoldEntity>,
}

/// The corpus file in the shared directory.
pub fn corpus_path(shared: &Path) -> PathBuf {
    shared.join("corpus/reuters21578/reuters21578.jsonl")
}

/// What the recogniser sees at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Each gold sentence alone.
    Sentence,
    /// The gold sentences of one story as the sentences of one document
    /// (the story's whole text, only those sentences tagged).
    Story,
}

/// Mentions in the gold sentences of one story read as one document, as
/// CoNLL-typed char spans into the record.
fn predict_story(
    recognizer: &EntityRecognizer,
    record: &str,
    sentences: &[(usize, usize)],
) -> Vec<GoldEntity> {
    let text: String = record
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    // Byte offset of every char (and of the end), to convert both ways.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let ranges: Vec<Sentence> = sentences
        .iter()
        .filter_map(|&(s, e)| Some(Sentence::new(*bytes.get(s)?, *bytes.get(e)?)))
        .collect();
    recognizer
        .recognize(&text, &ranges)
        .into_iter()
        .filter_map(|m| {
            Some(GoldEntity {
                kind: conll_type(m.kind),
                start: bytes.binary_search(&m.span.start).ok()?,
                end: bytes.binary_search(&m.span.end).ok()?,
            })
        })
        .collect()
}

/// Runs the recogniser on every gold sentence.
pub fn run_all(
    shared: &Path,
    recognizer: &EntityRecognizer,
    context: Context,
) -> Result<Vec<Scored>, EvalError> {
    let path = corpus_path(shared);
    let gold = parse_gold(GOLD).map_err(|e| EvalError::data(Path::new("reuters_gold.tsv"), e))?;
    let lines: HashSet<usize> = gold.iter().map(|g| g.line).collect();
    let records = read_records(&path, &lines)?;
    let mut story_mentions: HashMap<usize, Vec<GoldEntity>> = HashMap::new();
    if context == Context::Story {
        for (line, record) in &records {
            let sentences: Vec<(usize, usize)> = gold
                .iter()
                .filter(|g| g.line == *line)
                .map(|g| (g.start, g.end))
                .collect();
            story_mentions.insert(*line, predict_story(recognizer, record, &sentences));
        }
    }
    let mut out = Vec::with_capacity(gold.len());
    for g in gold {
        let record = records
            .get(&g.line)
            .ok_or_else(|| EvalError::data(&path, format!("no line {}", g.line)))?;
        let text = sentence_text(record, g.start, g.end);
        if text.chars().count() != g.end - g.start {
            return Err(EvalError::data(
                &path,
                format!("line {}: sentence beyond the record", g.line),
            ));
        }
        let pred = match context {
            Context::Sentence => predict(recognizer, &text, g.start),
            Context::Story => story_mentions
                .get(&g.line)
                .map(|ms| {
                    ms.iter()
                        .filter(|m| m.start >= g.start && m.end <= g.end)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default(),
        };
        out.push(Scored {
            gold: g,
            text,
            pred,
        });
    }
    Ok(out)
}

/// Counts over the sentences of one split.
pub fn count(scored: &[Scored], split: &str) -> Counts {
    let mut counts = Counts::default();
    for s in scored.iter().filter(|s| s.gold.split == split) {
        counts.add(&s.gold.entities, &s.pred);
    }
    counts
}

/// The tune half only (`dev`), for work on the tagger: the figures, each
/// sentence alone and each story read whole, and every error of the story
/// reading (gold and predicted spans that do not match exactly). The test
/// half is not read, so tuning cannot peek at it.
pub fn evaluate_tune(shared: &Path) -> Result<EvalReport, EvalError> {
    let recognizer = EntityRecognizer::try_new()
        .map_err(|e| EvalError::data(Path::new("ner model"), e.to_string()))?;
    let tune = |scored: Vec<Scored>| -> Vec<Scored> {
        scored
            .into_iter()
            .filter(|s| s.gold.split == "dev")
            .collect()
    };
    let scored = tune(run_all(shared, &recognizer, Context::Sentence)?);
    let by_story = tune(run_all(shared, &recognizer, Context::Story)?);
    let mut report = EvalReport::new("newswire-ner-tune");
    let mut detail = String::from("type  precision  recall  f1      gold (each sentence alone)\n");
    let counts = count(&scored, "dev");
    for t in TYPES {
        let (p, r, f) = counts.prf(&[t]);
        detail.push_str(&format!(
            "{t:<5} {p:<10.4} {r:<7.4} {f:<7.4} {}\n",
            counts.gold(&[t])
        ));
    }
    let (p, r, f) = counts.prf(&TYPES);
    report.push("dev_precision", p);
    report.push("dev_recall", r);
    report.push("dev_f1", f);
    report.push("dev_story_f1", count(&by_story, "dev").prf(&TYPES).2);
    detail.push_str("\nErrors, each story read whole (- gold missed, + predicted wrongly):\n");
    for s in &by_story {
        let show = |e: &GoldEntity| -> String {
            let text = sentence_text(&s.text, e.start - s.gold.start, e.end - s.gold.start);
            format!("{} [{text}]", e.kind)
        };
        let missed: Vec<String> = s
            .gold
            .entities
            .iter()
            .filter(|g| !s.pred.contains(g))
            .map(show)
            .collect();
        let wrong: Vec<String> = s
            .pred
            .iter()
            .filter(|p| !s.gold.entities.contains(p))
            .map(show)
            .collect();
        if missed.is_empty() && wrong.is_empty() {
            continue;
        }
        detail.push_str(&format!(
            "line {} @{}: {}\n",
            s.gold.line, s.gold.start, s.text
        ));
        for m in missed {
            detail.push_str(&format!("  - {m}\n"));
        }
        for w in wrong {
            detail.push_str(&format!("  + {w}\n"));
        }
    }
    report.detail = detail;
    Ok(report)
}

/// The figures for both halves.
pub fn evaluate(shared: &Path) -> Result<EvalReport, EvalError> {
    let recognizer = EntityRecognizer::try_new()
        .map_err(|e| EvalError::data(Path::new("ner model"), e.to_string()))?;
    let scored = run_all(shared, &recognizer, Context::Sentence)?;
    let by_story = run_all(shared, &recognizer, Context::Story)?;
    let mut report = EvalReport::new("newswire-ner");
    let mut detail =
        String::from("Each sentence alone:\nsplit type  precision  recall  f1      gold\n");
    for split in ["dev", "test"] {
        let counts = count(&scored, split);
        let sentences = scored.iter().filter(|s| s.gold.split == split).count();
        report.push(&format!("{split}_sentences"), sentences as f64);
        report.push(
            &format!("{split}_gold_entities"),
            counts.gold(&TYPES) as f64,
        );
        let (p, r, f) = counts.prf(&TYPES);
        report.push(&format!("{split}_precision"), p);
        report.push(&format!("{split}_recall"), r);
        report.push(&format!("{split}_f1"), f);
        let (p3, r3, f3) = counts.prf(&TYPES[..3]);
        report.push(&format!("{split}_f1_no_misc"), f3);
        for t in TYPES {
            let (p, r, f) = counts.prf(&[t]);
            detail.push_str(&format!(
                "{split:<5} {t:<5} {p:<10.4} {r:<7.4} {f:<7.4} {}\n",
                counts.gold(&[t])
            ));
        }
        detail.push_str(&format!(
            "{split:<5} all   {p:<10.4} {r:<7.4} {f:<7.4} {}\n{split:<5} -MISC {p3:<10.4} {r3:<7.4} {f3:<7.4} {}\n",
            counts.gold(&TYPES),
            counts.gold(&TYPES[..3])
        ));
    }
    detail.push_str("\nThe gold sentences of each story read as one document:\n");
    for split in ["dev", "test"] {
        let counts = count(&by_story, split);
        let (p, r, f) = counts.prf(&TYPES);
        let (p3, r3, f3) = counts.prf(&TYPES[..3]);
        report.push(&format!("{split}_story_f1"), f);
        report.push(&format!("{split}_story_f1_no_misc"), f3);
        detail.push_str(&format!(
            "{split:<5} all   {p:<10.4} {r:<7.4} {f:<7.4} {}\n{split:<5} -MISC {p3:<10.4} {r3:<7.4} {f3:<7.4} {}\n",
            counts.gold(&TYPES),
            counts.gold(&TYPES[..3])
        ));
    }
    report.detail = detail;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_file_parses_with_both_halves() {
        let gold = parse_gold(GOLD).expect("gold parses");
        let dev = gold.iter().filter(|g| g.split == "dev").count();
        let test = gold.iter().filter(|g| g.split == "test").count();
        assert!(dev >= 100 && test >= 100, "dev {dev} test {test}");
        let entities: usize = gold.iter().map(|g| g.entities.len()).sum();
        assert!(entities >= 350, "{entities}");
    }

    #[test]
    fn malformed_lines_are_errors() {
        for bad in [
            "dev\tx\t0\t10",
            "dev\t1\t0\t10\tFOO 0 3",
            "dev\t1\t0\t10\tPER 5 12",
            "dev\t1\t4\t4",
        ] {
            assert!(parse_gold(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn counts_need_exact_span_and_type() {
        let e = |kind, start, end| GoldEntity { kind, start, end };
        let gold = [e("PER", 0, 5), e("ORG", 10, 20), e("MISC", 30, 35)];
        let pred = [e("PER", 0, 5), e("LOC", 10, 20), e("MISC", 30, 36)];
        let mut c = Counts::default();
        c.add(&gold, &pred);
        assert_eq!(c.prf(&TYPES), (1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0));
        assert_eq!(c.prf(&TYPES[..3]).0, 0.5);
        assert_eq!(c.gold(&["ORG"]), 1);
    }

    #[test]
    fn sentence_text_reads_chars_and_newlines_as_spaces() {
        assert_eq!(sentence_text("Zürich\nAG said", 2, 9), "rich AG");
    }

    #[test]
    fn types_map_to_conll() {
        let cases = [
            (EntityType::Person, "PER"),
            (EntityType::Organization, "ORG"),
            (EntityType::Country, "LOC"),
            (EntityType::Location, "LOC"),
            (EntityType::Group, "MISC"),
            (EntityType::Misc, "MISC"),
        ];
        for (kind, want) in cases {
            assert_eq!(conll_type(kind), want);
        }
    }
}
