//! Prints the headline mentions and strongest terms of a few gold articles (tune window only).
use crosscheck_analyze::Analyzer;
use crosscheck_eval::stories::{cluster_window, parse_gold, GOLD};
use crosscheck_stories::{DocumentProfile, StoryIndex};
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = crosscheck_eval::default_shared_dir();
    let corpus = shared.join("corpus/reuters21578/reuters21578.jsonl");
    let gold: Vec<_> = parse_gold(GOLD)?
        .into_iter()
        .filter(|a| a.split == "tune")
        .collect();
    let w = cluster_window(&corpus, gold, &Analyzer::new(), StoryIndex::new())?;
    for (a, d) in w.articles.iter().zip(&w.documents).take(200) {
        let head = d.paragraphs.first().map(|p| p.range.end).unwrap_or(0);
        let ms: Vec<String> = d
            .mentions
            .iter()
            .filter(|m| m.span.start < head)
            .map(|m| format!("{}:{:?}", m.span.text, m.kind))
            .collect();
        let p = DocumentProfile::of(d);
        let mut t = p.terms.clone();
        t.sort_by(|a, b| b.1.total_cmp(&a.1));
        let top: Vec<String> = t.iter().take(6).map(|(k, _)| k.clone()).collect();
        println!(
            "{} {:?} | {} | {}",
            a.line,
            d.title,
            ms.join(", "),
            top.join(" ")
        );
    }
    Ok(())
}
