//! Output-equivalence check and throughput probe for `recognize()`:
//! runs the recogniser over the first N stories of a JSONL corpus (one
//! `{"text": ...}` object per line), with sentences from the pipeline's own
//! splitter, and writes every mention as one TSV line (document, start, end,
//! kind, canonical, referent) to OUT. Diff two OUT files made before and
//! after a change to prove it changed nothing:
//!
//! `cargo run --release -p crosscheck-ner --example ner_regress -- \
//!     ../shared/corpus/reuters21578/reuters21578.jsonl 5000 /tmp/after.tsv`
//!
//! Prints the recognition time and MB/s (recognition only, one thread).

use std::fmt::Write as _;
use std::time::Instant;

use crosscheck_model::Range;
use crosscheck_ner::EntityRecognizer;
use crosscheck_text::SentenceSplitter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(max), Some(out_path)) = (
        args.first(),
        args.get(1).and_then(|a| a.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: ner_regress FILE.jsonl MAX_DOCS OUT.tsv");
        return;
    };
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let splitter = SentenceSplitter::new();
    let docs: Vec<(String, Vec<crosscheck_model::Sentence>)> = data
        .lines()
        .take(max)
        .filter_map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let text = v.get("text")?.as_str()?.to_string();
            let sentences = splitter.split(&text, Range::new(0, text.len()));
            Some((text, sentences))
        })
        .collect();
    let recognizer = EntityRecognizer::new();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let cpu_started = thread_cpu_seconds();
    let started = Instant::now();
    let all: Vec<_> = docs
        .iter()
        .map(|(text, sentences)| recognizer.recognize(text, sentences))
        .collect();
    let secs = started.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().zip(cpu_started).map(|(b, a)| b - a);
    let mut out = String::new();
    let mut count = 0;
    for (i, mentions) in all.iter().enumerate() {
        for m in mentions {
            count += 1;
            let _ = writeln!(
                out,
                "{i}\t{}\t{}\t{:?}\t{}\t{}",
                m.span.start,
                m.span.end,
                m.kind,
                m.canonical.as_deref().unwrap_or_default(),
                m.refers_to.as_deref().unwrap_or_default()
            );
        }
    }
    if let Err(e) = std::fs::write(out_path, out) {
        eprintln!("{out_path}: {e}");
    }
    let mb = bytes as f64 / 1e6;
    let cpu = cpu.map_or("n/a".to_string(), |c| {
        format!("{c:.2}s CPU = {:.2} MB/s per thread", mb / c)
    });
    println!(
        "{} docs, {mb:.2} MB, {count} mentions: recognise {secs:.2}s wall = {:.2} MB/s; {cpu}",
        docs.len(),
        mb / secs
    );
}

/// User + system CPU time of this thread (Linux: /proc/thread-self/stat,
/// in clock ticks of 10 ms), which a busy shared machine disturbs less
/// than wall time.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the
    // 14th and 15th fields of the whole line.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
