//! Fuzz targets: one function per parser or stage, taking arbitrary bytes.
//! Each runs its stage and checks the invariants every caller relies on
//! (offsets slice the text on character boundaries, ids match the text,
//! sentences stay within their limit); a broken invariant panics, which
//! the driver records as a crash. Each returns a small number describing
//! what the input did, which the driver uses to keep inputs that behave
//! differently.

use std::sync::OnceLock;

use crosscheck_analyze::Analyzer;
use crosscheck_ingest::{
    content_id, document_from_text, extract_article_checked, read_bytes, IngestOptions,
};
use crosscheck_model::Document;
use crosscheck_text::{SentenceSplitter, MAX_SENTENCE_BYTES};
use crosscheck_time::TimeNormalizer;
use serde_json::Value;

/// One fuzz target.
pub struct Target {
    /// Its name on the command line.
    pub name: &'static str,
    /// What it exercises.
    pub what: &'static str,
    /// Runs one input; returns a hash of the output's shape (which steers
    /// the mutator), and panics when an invariant breaks.
    pub run: fn(&[u8]) -> u64,
    /// Seed file names (from [`crate::generate::seeds`]) this target starts
    /// from; empty: all.
    pub seeds: &'static [&'static str],
}

/// Every target.
pub const TARGETS: &[Target] = &[
    Target {
        name: "ingest",
        what: "any bytes as any input format (the first byte picks the file name)",
        run: ingest,
        seeds: &[],
    },
    Target {
        name: "html",
        what: "HTML decoding, the size pre-check and article extraction",
        run: html,
        seeds: &["story.html", "wide.html"],
    },
    Target {
        name: "warc",
        what: "WARC records, HTTP heads, chunked and compressed bodies",
        run: warc,
        seeds: &["crawl.warc", "chunked.warc", "gzbody.warc"],
    },
    Target {
        name: "warc-gz",
        what: "gzip members and their resynchronisation under WARC",
        run: warc_gz,
        seeds: &["crawl.warc.gz"],
    },
    Target {
        name: "jsonl",
        what: "JSON Lines records",
        run: jsonl,
        seeds: &["feed.jsonl"],
    },
    Target {
        name: "sentences",
        what: "sentence splitting and the sentence length limit",
        run: sentences,
        seeds: &["story.txt", "numbers.txt", "dates.txt"],
    },
    Target {
        name: "numbers",
        what: "the figure reader and quantity claims",
        run: numbers,
        seeds: &["numbers.txt", "story.txt"],
    },
    Target {
        name: "time",
        what: "the time expression grammar",
        run: time,
        seeds: &["dates.txt", "story.txt"],
    },
    Target {
        name: "pipeline",
        what: "one document through every stage, the ledger and the reports",
        run: pipeline,
        seeds: &[
            "story.txt",
            "numbers.txt",
            "dates.txt",
            "story.html",
            "feed.jsonl",
        ],
    },
];

/// Limits small enough that a fuzz input cannot take long or much memory.
fn options() -> IngestOptions {
    IngestOptions {
        max_document_bytes: 1 << 20,
        max_input_bytes: 8 << 20,
        ..IngestOptions::default()
    }
}

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}

fn splitter() -> &'static SentenceSplitter {
    static SPLITTER: OnceLock<SentenceSplitter> = OnceLock::new();
    SPLITTER.get_or_init(SentenceSplitter::new)
}

fn mix(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(0x0100_0000_01b3).rotate_left(7)
}

/// Reads `data` as the file `name`; checks every document.
fn read_as(name: &str, data: &[u8]) -> (Vec<Document>, u64) {
    let mut docs = Vec::new();
    let mut shape = 0u64;
    read_bytes(name, data, &options(), &mut |r| match r {
        Ok(doc) => {
            check_document(&doc);
            shape = mix(shape, 1);
            docs.push(doc);
        }
        Err(e) => {
            assert!(e.source_name.starts_with(name), "{e} does not name {name}");
            assert!(!e.reason.is_empty());
            shape = mix(shape, 2 + e.reason.len().min(40) as u64 / 8);
        }
    });
    (docs, shape)
}

/// What every document promises: its paragraphs slice its text, its id is
/// its text's hash.
pub fn check_document(doc: &Document) {
    assert_eq!(doc.id, content_id(&doc.text), "id does not match the text");
    for p in &doc.paragraphs {
        let slice = doc.text.get(p.range.start..p.range.end);
        assert!(slice.is_some(), "paragraph {:?} outside the text", p.range);
    }
}

const NAMES: &[&str] = &[
    "x.txt",
    "x.html",
    "x.jsonl",
    "x.warc",
    "x.warc.gz",
    "x",
    "x.json",
    "x.txt.gz",
];

/// Ingest as a file whose name (and so format) the first byte picks.
pub fn ingest(data: &[u8]) -> u64 {
    let Some((&pick, rest)) = data.split_first() else {
        return 0;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    read_as(name, rest).1
}

/// Article extraction, encoding detection and ingest of an HTML page.
pub fn html(data: &[u8]) -> u64 {
    let text = String::from_utf8_lossy(data);
    let extracted = match extract_article_checked(&text) {
        Ok(a) => a,
        Err(reason) => return mix(1, reason.len() as u64),
    };
    let mut shape = mix(2, extracted.blocks.len().min(16) as u64);
    if let Ok(decoded) = crosscheck_ingest::decode_html(data, None) {
        shape = mix(shape, decoded.len().min(8) as u64);
    }
    read_as("page.html", data).1 ^ shape
}

/// Ingest of a plain WARC file.
pub fn warc(data: &[u8]) -> u64 {
    read_as("crawl.warc", data).1
}

/// Ingest of a gzip WARC file.
pub fn warc_gz(data: &[u8]) -> u64 {
    read_as("crawl.warc.gz", data).1
}

/// Ingest of a JSONL file.
pub fn jsonl(data: &[u8]) -> u64 {
    read_as("feed.jsonl", data).1
}

/// Sentence splitting: sentences in order, non-empty, trimmed, within the
/// length limit.
pub fn sentences(data: &[u8]) -> u64 {
    let text = String::from_utf8_lossy(data);
    let doc = document_from_text("fuzz.txt", &text);
    let found = splitter().split_document(&doc.text, &doc.paragraphs);
    let mut last_end = 0;
    for s in &found {
        let (a, b) = (s.range.start, s.range.end);
        assert!(
            a >= last_end,
            "sentences overlap or go back: {a} after {last_end}"
        );
        assert!(a < b, "empty sentence at {a}");
        assert!(b - a <= MAX_SENTENCE_BYTES, "sentence of {} bytes", b - a);
        let slice = doc.text.get(a..b);
        assert!(slice.is_some(), "sentence {a}..{b} outside the text");
        assert_eq!(slice.map(str::trim), slice, "sentence {a}..{b} not trimmed");
        last_end = b;
    }
    mix(3, found.len().min(64) as u64)
}

/// A document from `data` with its sentences split.
fn split_document(data: &[u8]) -> Document {
    let text = String::from_utf8_lossy(data);
    let mut doc = document_from_text("fuzz.txt", &text);
    doc.sentences = splitter().split_document(&doc.text, &doc.paragraphs);
    doc
}

/// Figure extraction: every span names its text.
pub fn numbers(data: &[u8]) -> u64 {
    let doc = split_document(data);
    let claims = crosscheck_facts::QuantityExtractor::new().extract(&doc, &[]);
    let value = serde_json::to_value(&claims).unwrap_or(Value::Null);
    check_spans(&doc.text, &value);
    mix(4, claims.len().min(64) as u64)
}

/// Time expressions: spans valid, values non-empty, full dates real.
pub fn time(data: &[u8]) -> u64 {
    let text = String::from_utf8_lossy(data);
    let anchor = chrono::NaiveDate::from_ymd_opt(2031, 3, 4);
    let found = TimeNormalizer::new().extract_text(&text, anchor);
    for t in &found {
        assert!(t.span.is_valid_in(&text), "time span {:?}", t.span);
        assert!(!t.value.is_empty(), "empty value for {:?}", t.text);
        // A full calendar date must exist.
        let digits: Vec<&str> = t.value.split('-').collect();
        if let [y, m, d] = digits[..] {
            if let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse::<u32>()) {
                assert!(
                    chrono::NaiveDate::from_ymd_opt(y, m, d).is_some(),
                    "impossible date {} from {:?}",
                    t.value,
                    t.text
                );
            }
        }
    }
    mix(5, found.len().min(64) as u64)
}

/// The whole per-document pipeline on up to four documents, then the
/// ledger and every report.
pub fn pipeline(data: &[u8]) -> u64 {
    let (docs, shape) = match data.split_first() {
        Some((&pick, rest)) if pick % 4 == 0 => {
            let name = NAMES[(pick as usize / 4) % NAMES.len()];
            read_as(name, rest)
        }
        _ => {
            let text = String::from_utf8_lossy(data);
            (vec![document_from_text("fuzz.txt", &text)], 9)
        }
    };
    let mut documents = Vec::new();
    let mut claims = Vec::new();
    for doc in docs.into_iter().take(4) {
        let analysed = analyzer().analyze(doc);
        let value = serde_json::to_value(&analysed.claims).unwrap_or(Value::Null);
        check_spans(&analysed.document.text, &value);
        let doc_value = serde_json::to_value(&analysed.document).unwrap_or(Value::Null);
        for key in ["time_expressions", "mentions"] {
            if let Some(v) = doc_value.get(key) {
                check_spans(&analysed.document.text, v);
            }
        }
        documents.push(analysed.document);
        claims.extend(analysed.claims);
    }
    let n = claims.len();
    let ledger = crosscheck_ledger::build_ledger(documents, claims);
    let markdown = crosscheck_report::markdown(&ledger);
    let html = crosscheck_report::html(&ledger);
    let mut csv = Vec::new();
    let _ = crosscheck_report::write_claims_csv(&ledger, &mut csv);
    assert!(!markdown.is_empty() && !html.is_empty());
    mix(shape, n.min(64) as u64)
}

/// Every object with `start`, `end` and `text` in `value` names exactly
/// `text[start..end]`.
pub fn check_spans(text: &str, value: &Value) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| check_spans(text, v)),
        Value::Object(map) => {
            let start = map.get("start").and_then(Value::as_u64);
            let end = map.get("end").and_then(Value::as_u64);
            if let (Some(start), Some(end)) = (start, end) {
                let (start, end) = (start as usize, end as usize);
                let slice = text.get(start..end);
                assert!(slice.is_some(), "span {start}..{end} outside the text");
                if let Some(Value::String(said)) = map.get("text") {
                    assert_eq!(
                        slice,
                        Some(said.as_str()),
                        "span {start}..{end} text differs"
                    );
                }
            }
            map.values().for_each(|v| check_spans(text, v));
        }
        _ => {}
    }
}
