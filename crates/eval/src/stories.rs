//! Story clustering on real newswire: two windows of consecutive
//! Reuters-21578 stories grouped into stories by hand
//! (`data/stories/reuters_stories.tsv`; the rules are in `docs/stories.md`),
//! scored with pairwise and B-cubed precision, recall and F1.
//!
//! Each window is read from `corpus/reuters21578/reuters21578.jsonl` in the
//! shared directory, analysed like any input (ingest, every per-document
//! stage, near-duplicates marked, exact repeats kept as the same document)
//! and clustered in publication order by [`crosscheck_stories::StoryIndex`],
//! one window at a time. The `tune` window is the one the clustering was
//! tuned on; `heldout` was annotated at the same time and only scored.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::BufRead;
use std::path::Path;

use crosscheck_analyze::Analyzer;
use crosscheck_ingest::{read_bytes, IngestOptions, NearDuplicateIndex};
use crosscheck_model::Document;
use crosscheck_stories::StoryIndex;

use super::{prf, EvalError, EvalReport};

/// The gold (line numbers, title hashes and labels only, no text).
pub const GOLD: &str = include_str!("../data/stories/reuters_stories.tsv");

/// The two windows, in report order.
pub const SPLITS: [&str; 2] = ["tune", "heldout"];

/// One annotated article.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// `tune` or `heldout`.
    pub split: String,
    /// JSONL line, 1-based.
    pub line: usize,
    /// FNV-1a 64 of the record's title, hex.
    pub title_hash: String,
    /// The hand-given story label, unique within its window.
    pub story: String,
}

/// Parses the gold file.
pub fn parse_gold(text: &str) -> Result<Vec<GoldArticle>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [split, number, hash, story] = fields[..] else {
            return Err(format!("line {}: expected 4 fields", n + 1));
        };
        let line_number = number
            .parse()
            .map_err(|_| format!("line {}: bad line number {number:?}", n + 1))?;
        out.push(GoldArticle {
            split: split.to_string(),
            line: line_number,
            title_hash: hash.to_string(),
            story: story.to_string(),
        });
    }
    Ok(out)
}

/// FNV-1a 64 of a string, as 16 hex digits.
pub fn title_hash(title: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Pairwise precision, recall and F1 of a predicted clustering against a
/// gold one (`gold[i]` and `predicted[i]` label item `i`): over all pairs of
/// items, a pair is positive when both are in one cluster.
pub fn pairwise<G: Eq + std::hash::Hash, P: Eq + std::hash::Hash>(
    gold: &[G],
    predicted: &[P],
) -> (f64, f64, f64) {
    fn pairs(n: usize) -> usize {
        n * n.saturating_sub(1) / 2
    }
    let mut cells: HashMap<(&G, &P), usize> = HashMap::new();
    let mut gold_sizes: HashMap<&G, usize> = HashMap::new();
    let mut predicted_sizes: HashMap<&P, usize> = HashMap::new();
    for (g, p) in gold.iter().zip(predicted) {
        *cells.entry((g, p)).or_default() += 1;
        *gold_sizes.entry(g).or_default() += 1;
        *predicted_sizes.entry(p).or_default() += 1;
    }
    let tp = cells.values().map(|&n| pairs(n)).sum();
    let predicted_pairs = predicted_sizes.values().map(|&n| pairs(n)).sum();
    let gold_pairs = gold_sizes.values().map(|&n| pairs(n)).sum();
    prf(tp, predicted_pairs, gold_pairs)
}

/// B-cubed precision, recall and F1: per item, the share of its predicted
/// cluster in its gold cluster (precision) and of its gold cluster in its
/// predicted cluster (recall), averaged over items.
pub fn bcubed<G: Eq + std::hash::Hash, P: Eq + std::hash::Hash>(
    gold: &[G],
    predicted: &[P],
) -> (f64, f64, f64) {
    let mut cells: HashMap<(&G, &P), usize> = HashMap::new();
    let mut gold_sizes: HashMap<&G, usize> = HashMap::new();
    let mut predicted_sizes: HashMap<&P, usize> = HashMap::new();
    for (g, p) in gold.iter().zip(predicted) {
        *cells.entry((g, p)).or_default() += 1;
        *gold_sizes.entry(g).or_default() += 1;
        *predicted_sizes.entry(p).or_default() += 1;
    }
    let n = gold.len().min(predicted.len());
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for (g, p) in gold.iter().zip(predicted) {
        let both = cells.get(&(g, p)).copied().unwrap_or(0) as f64;
        p_sum += both / predicted_sizes.get(p).copied().unwrap_or(1) as f64;
        r_sum += both / gold_sizes.get(g).copied().unwrap_or(1) as f64;
    }
    let (p, r) = (p_sum / n as f64, r_sum / n as f64);
    (p, r, super::f1(p, r))
}

/// The records of the given JSONL lines (1-based), read in one pass, as
/// raw JSON lines.
fn read_lines(path: &Path, wanted: &HashSet<usize>) -> Result<HashMap<usize, String>, EvalError> {
    let file = std::fs::File::open(path).map_err(|e| EvalError::io(path, e))?;
    let mut out = HashMap::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| EvalError::io(path, e))?;
        if wanted.contains(&(i + 1)) {
            out.insert(i + 1, line);
        }
    }
    Ok(out)
}

/// One window read, analysed and clustered.
pub struct ClusteredWindow {
    /// The window's gold articles, in file order.
    pub articles: Vec<GoldArticle>,
    /// Their analysed documents, in the same order.
    pub documents: Vec<Document>,
    /// Predicted story number per article.
    pub predicted: Vec<u32>,
    /// The index after the window.
    pub index: StoryIndex,
}

/// Reads and analyses the articles of one split, in line order: exact
/// repeats keep one id (as a store keeps them), near-duplicates are marked.
pub fn read_window(
    corpus: &Path,
    articles: &[GoldArticle],
    analyzer: &Analyzer,
) -> Result<Vec<Document>, EvalError> {
    let wanted: HashSet<usize> = articles.iter().map(|a| a.line).collect();
    let lines = read_lines(corpus, &wanted)?;
    let mut documents = Vec::with_capacity(articles.len());
    let mut near = NearDuplicateIndex::new();
    let mut seen: HashSet<String> = HashSet::new();
    for article in articles {
        let raw = lines
            .get(&article.line)
            .ok_or_else(|| EvalError::data(corpus, format!("line {} is missing", article.line)))?;
        let record: serde_json::Value = serde_json::from_str(raw)
            .map_err(|e| EvalError::data(corpus, format!("line {}: {e}", article.line)))?;
        let title = record.get("title").and_then(|t| t.as_str()).unwrap_or("");
        if title_hash(title) != article.title_hash {
            return Err(EvalError::data(
                corpus,
                format!(
                    "line {}: title does not match the gold (another corpus version?)",
                    article.line
                ),
            ));
        }
        let mut parsed: Vec<Document> = Vec::new();
        let mut failure = None;
        read_bytes(
            "reuters21578.jsonl",
            raw.as_bytes(),
            &IngestOptions::default(),
            &mut |r| match r {
                Ok(d) => parsed.push(d),
                Err(e) => failure = Some(e.to_string()),
            },
        );
        let mut doc = match (parsed.pop(), failure) {
            (Some(d), _) => d,
            (None, reason) => {
                return Err(EvalError::data(
                    corpus,
                    format!("line {}: {}", article.line, reason.unwrap_or_default()),
                ))
            }
        };
        if seen.insert(doc.id.clone()) {
            doc.duplicate_of = near.check(&doc);
        }
        documents.push(analyzer.analyze(doc).document);
    }
    Ok(documents)
}

/// Reads, analyses and clusters the articles of one split, in line order.
pub fn cluster_window(
    corpus: &Path,
    articles: Vec<GoldArticle>,
    analyzer: &Analyzer,
    index: StoryIndex,
) -> Result<ClusteredWindow, EvalError> {
    let documents = read_window(corpus, &articles, analyzer)?;
    Ok(cluster_documents(articles, documents, index))
}

/// Clusters already analysed documents of a window, in order.
pub fn cluster_documents(
    articles: Vec<GoldArticle>,
    documents: Vec<Document>,
    mut index: StoryIndex,
) -> ClusteredWindow {
    for doc in &documents {
        index.add_document(doc);
    }
    let predicted = documents
        .iter()
        .map(|d| index.story_of(&d.id).map_or(0, |s| s.number))
        .collect();
    ClusteredWindow {
        articles,
        documents,
        predicted,
        index,
    }
}

/// Runs both windows and reports their figures. `detail` lists the tune
/// window's errors (splits and false merges) by line and title; the held-out
/// window's are never listed.
pub fn evaluate(shared: &Path) -> Result<EvalReport, EvalError> {
    let gold_path = Path::new("crates/eval/data/stories/reuters_stories.tsv");
    let gold = parse_gold(GOLD).map_err(|e| EvalError::data(gold_path, e))?;
    let corpus = shared.join("corpus/reuters21578/reuters21578.jsonl");
    let analyzer = Analyzer::new();
    let detail_wanted = std::env::var_os("CROSSCHECK_STORIES_DETAIL").is_some();
    // CROSSCHECK_STORIES_SPLIT=tune scores the tune window alone (while tuning).
    let only = std::env::var("CROSSCHECK_STORIES_SPLIT").ok();
    let mut report = EvalReport::new("stories (Reuters-21578, hand-grouped windows)");
    for split in SPLITS
        .into_iter()
        .filter(|s| only.as_deref().is_none_or(|o| o == *s))
    {
        let articles: Vec<GoldArticle> =
            gold.iter().filter(|a| a.split == split).cloned().collect();
        let window = cluster_window(&corpus, articles, &analyzer, StoryIndex::new())?;
        let labels: Vec<&str> = window.articles.iter().map(|a| a.story.as_str()).collect();
        let (pp, pr, pf) = pairwise(&labels, &window.predicted);
        let (bp, br, bf) = bcubed(&labels, &window.predicted);
        let gold_stories: HashSet<&str> = labels.iter().copied().collect();
        let predicted_stories: HashSet<u32> = window.predicted.iter().copied().collect();
        report.push(&format!("{split}_articles"), window.articles.len() as f64);
        report.push(&format!("{split}_gold_stories"), gold_stories.len() as f64);
        report.push(
            &format!("{split}_predicted_stories"),
            predicted_stories.len() as f64,
        );
        report.push(&format!("{split}_pairwise_precision"), pp);
        report.push(&format!("{split}_pairwise_recall"), pr);
        report.push(&format!("{split}_pairwise_f1"), pf);
        report.push(&format!("{split}_bcubed_precision"), bp);
        report.push(&format!("{split}_bcubed_recall"), br);
        report.push(&format!("{split}_bcubed_f1"), bf);
        // What leaving every article alone scores: the floor a singleton-
        // heavy gold sets.
        let alone: Vec<usize> = (0..labels.len()).collect();
        report.push(
            &format!("{split}_singletons_bcubed_f1"),
            bcubed(&labels, &alone).2,
        );
        report.push(
            &format!("{split}_singletons_pairwise_f1"),
            pairwise(&labels, &alone).2,
        );
        if detail_wanted && split == "tune" {
            report.detail.push_str(&errors(&window));
        }
    }
    Ok(report)
}

/// Gold stories split over several predicted ones, and predicted stories
/// mixing several gold ones, with each article's line and title.
fn errors(window: &ClusteredWindow) -> String {
    let mut by_gold: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_predicted: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, (a, &p)) in window.articles.iter().zip(&window.predicted).enumerate() {
        by_gold.entry(a.story.as_str()).or_default().push(i);
        by_predicted.entry(p).or_default().push(i);
    }
    let title = |i: usize| {
        window
            .documents
            .get(i)
            .and_then(|d| d.title.clone())
            .unwrap_or_default()
    };
    let line = |i: usize| window.articles.get(i).map_or(0, |a| a.line);
    let mut out = String::from("split gold stories:\n");
    for (story, members) in &by_gold {
        let parts: HashSet<u32> = members
            .iter()
            .filter_map(|&i| window.predicted.get(i).copied())
            .collect();
        if parts.len() > 1 {
            out.push_str(&format!("  {story}\n"));
            for &i in members {
                let p = window.predicted.get(i).copied().unwrap_or(0);
                out.push_str(&format!("    s{p} {} {}\n", line(i), title(i)));
            }
        }
    }
    out.push_str("mixed predicted stories:\n");
    for (p, members) in &by_predicted {
        let stories: HashSet<&str> = members
            .iter()
            .filter_map(|&i| window.articles.get(i).map(|a| a.story.as_str()))
            .collect();
        if stories.len() > 1 {
            out.push_str(&format!("  s{p}\n"));
            for &i in members {
                let story = window.articles.get(i).map_or("", |a| a.story.as_str());
                out.push_str(&format!("    {story} {} {}\n", line(i), title(i)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_all_in_one() {
        let gold = ["a", "a", "b", "c"];
        assert_eq!(pairwise(&gold, &[1, 1, 2, 3]), (1.0, 1.0, 1.0));
        assert_eq!(bcubed(&gold, &[1, 1, 2, 3]), (1.0, 1.0, 1.0));
        // Everything in one cluster: 1 of 6 pairs right.
        let (p, r, _) = pairwise(&gold, &[1, 1, 1, 1]);
        assert!((p - 1.0 / 6.0).abs() < 1e-9 && r == 1.0);
        // B-cubed: precision (2/4 + 2/4 + 1/4 + 1/4) / 4.
        let (p, r, _) = bcubed(&gold, &[1, 1, 1, 1]);
        assert!((p - 0.375).abs() < 1e-9 && r == 1.0);
    }

    #[test]
    fn singletons_against_pairs() {
        let gold = ["a", "a", "b", "b"];
        let (p, r, f) = pairwise(&gold, &[1, 2, 3, 4]);
        assert_eq!((p, r, f), (0.0, 0.0, 0.0));
        let (p, r, _) = bcubed(&gold, &[1, 2, 3, 4]);
        assert!(p == 1.0 && (r - 0.5).abs() < 1e-9);
    }

    #[test]
    fn gold_parses_and_hashes_are_hex() {
        let gold = parse_gold(GOLD).unwrap();
        assert_eq!(gold.len(), 400);
        for split in SPLITS {
            assert_eq!(gold.iter().filter(|a| a.split == split).count(), 200);
        }
        assert!(gold.iter().all(|a| a.title_hash.len() == 16));
        assert_eq!(title_hash(""), "cbf29ce484222325");
    }
}
