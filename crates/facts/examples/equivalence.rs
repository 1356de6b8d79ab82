//! Output-equivalence check and micro-benchmark for the figure and stance
//! extractors, so speed work can prove it changes nothing.
//!
//! `equivalence prepare N DIR`: runs the upstream stages (sentences, times,
//! entities, quotes) once over the first N Reuters-21578 stories plus the
//! seed articles and stores the prepared documents in `DIR/input.jsonl`.
//! Upstream crates change independently; freezing their output keeps the
//! comparison about this crate alone.
//!
//! `equivalence run DIR OUT [REPEAT]`: runs `QuantityExtractor` and
//! `StanceExtractor` over the prepared documents, writes every claim as one
//! JSON line to OUT, and prints each extractor's throughput (MB of document
//! text per second on one thread, best of REPEAT passes). As in the
//! pipeline, each document's token layer is cut once beforehand (the
//! `tokens` stage) and both extractors read it (`extract_in`).
//! Compare two OUT files with `cmp`.
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crosscheck_attribution::QuoteExtractor;
use crosscheck_facts::{QuantityExtractor, StanceExtractor};
use crosscheck_model::{Claim, Document};
use crosscheck_ner::EntityRecognizer;
use crosscheck_text::{DocContext, SentenceSplitter};
use crosscheck_time::TimeNormalizer;

#[derive(serde::Serialize, serde::Deserialize)]
struct Prepared {
    doc: Document,
    quotes: Vec<Claim>,
}

#[derive(serde::Deserialize)]
struct Story {
    text: String,
}

fn shared() -> PathBuf {
    std::env::var_os("CROSSCHECK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

fn texts(n: usize) -> Result<Vec<(String, String)>, String> {
    let root = shared();
    let reuters = root.join("corpus/reuters21578/reuters21578.jsonl");
    let raw =
        std::fs::read_to_string(&reuters).map_err(|e| format!("{}: {e}", reuters.display()))?;
    let mut out = Vec::new();
    for (i, line) in raw.lines().take(n).enumerate() {
        if let Ok(story) = serde_json::from_str::<Story>(line) {
            out.push((format!("reuters-{i}"), story.text));
        }
    }
    let seeds = root.join("corpus/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .map_err(|e| format!("{}: {e}", seeds.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let id = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push((format!("seed-{id}"), text));
    }
    Ok(out)
}

fn prepare(n: usize, dir: &Path) -> Result<(), String> {
    let splitter = SentenceSplitter::new();
    let times = TimeNormalizer::new();
    let entities = EntityRecognizer::new();
    let quotes = QuoteExtractor::new();
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let file = std::fs::File::create(dir.join("input.jsonl")).map_err(|e| e.to_string())?;
    let mut w = BufWriter::new(file);
    for (id, text) in texts(n)? {
        let mut doc = Document {
            id,
            text,
            ..Document::default()
        };
        doc.sentences = splitter.split_document(&doc.text, &doc.paragraphs);
        doc.time_expressions = times.extract(
            &doc.text,
            &doc.sentences,
            &crosscheck_text::TokenLayer::new(&doc.text, &doc.sentences),
            None,
        );
        doc.mentions = entities.recognize(&doc.text, &doc.sentences);
        let q = quotes.extract(&doc);
        let line =
            serde_json::to_string(&Prepared { doc, quotes: q }).map_err(|e| e.to_string())?;
        writeln!(w, "{line}").map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())
}

fn run(dir: &Path, out: &Path, repeat: usize) -> Result<(), String> {
    let file = std::fs::File::open(dir.join("input.jsonl")).map_err(|e| e.to_string())?;
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.map_err(|e| e.to_string())?;
        docs.push(serde_json::from_str::<Prepared>(&line).map_err(|e| e.to_string())?);
    }
    let bytes: usize = docs.iter().map(|p| p.doc.text.len()).sum();
    let contexts: Vec<DocContext> = docs
        .into_iter()
        .map(|p| {
            let mut ctx = DocContext::new(p.doc);
            ctx.cut_tokens();
            ctx.claims = p.quotes;
            ctx
        })
        .collect();
    let figures = QuantityExtractor::new();
    let stances = StanceExtractor::new();
    let mut best = (Duration::MAX, Duration::MAX);
    let mut claims = Vec::new();
    for _ in 0..repeat.max(1) {
        claims.clear();
        let (mut tf, mut ts) = (Duration::ZERO, Duration::ZERO);
        for ctx in &contexts {
            let t0 = Instant::now();
            let q = figures.extract_in(ctx);
            let t1 = Instant::now();
            let s = stances.extract_in(ctx);
            ts += t1.elapsed();
            tf += t1 - t0;
            claims.extend(q);
            claims.extend(s);
        }
        best = (best.0.min(tf), best.1.min(ts));
    }
    let file = std::fs::File::create(out).map_err(|e| e.to_string())?;
    let mut w = BufWriter::new(file);
    for c in &claims {
        let line = serde_json::to_string(c).map_err(|e| e.to_string())?;
        writeln!(w, "{line}").map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())?;
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {mb:.2} MB, {} claims",
        contexts.len(),
        claims.len()
    );
    println!("figures: {:.1} MB/s", mb / best.0.as_secs_f64().max(1e-9));
    println!("stances: {:.1} MB/s", mb / best.1.as_secs_f64().max(1e-9));
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["prepare", n, dir] => n
            .parse()
            .map_err(|e| format!("N: {e}"))
            .and_then(|n| prepare(n, Path::new(dir))),
        ["run", dir, out] => run(Path::new(dir), Path::new(out), 1),
        ["run", dir, out, repeat] => repeat
            .parse()
            .map_err(|e| format!("REPEAT: {e}"))
            .and_then(|r| run(Path::new(dir), Path::new(out), r)),
        _ => Err("usage: equivalence prepare N DIR | equivalence run DIR OUT [REPEAT]".into()),
    };
    if let Err(e) = result {
        eprintln!("equivalence: {e}");
        std::process::exit(1);
    }
}
