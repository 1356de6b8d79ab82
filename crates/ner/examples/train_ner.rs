//! Trains the entity tagger and writes the model file.
//!
//! ```text
//! cargo run --release -p crosscheck-ner --example train_ner -- \
//!     --conll ../shared/data/conll2003 --wikiann ../shared/data/wikiann-en \
//!     --out crates/ner/model/ner.bin
//! ```
//!
//! Trains on CoNLL-2003 `train.conllu` (minus the held-out documents, see
//! `--holdout`), WikiANN `train` (with `--wikiann`) and the invented
//! newswire sentences of `crates/ner/data/news_train.txt`, then reports
//! entity F1 on CoNLL-2003 `dev.conllu` and on the held-out documents.
//! Options: `--epochs N` (default 12), `--folds K` (jackknife folds, 5),
//! `--holdout all|none|keep` (default `keep`: every sixth training
//! document, counting from the sixth, is held out and only scored;
//! `none` trains on all of them).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_ner::bilou::{self, TYPES};
use crosscheck_ner::training::{
    overall, prf, read_bracketed, read_conll, read_wikiann, score, score_with, train, Counts, Doc,
    Settings, Tagger,
};

const NEWS: &str = include_str!("../data/news_train.txt");

/// Whether training document `i` (0-based, file order) is held out.
fn held_out(i: usize) -> bool {
    i % 6 == 5
}

fn report(name: &str, tagger: &Tagger, docs: &[Doc]) {
    report_counts(name, &score(tagger, docs));
    let first = score_with(docs, |s| tagger.tag_document_stage1(s));
    report_counts(&format!("{name} (stage one alone)"), &first);
}

fn report_counts(name: &str, counts: &Counts) {
    let counts = *counts;
    let (p, r, f) = overall(&counts);
    let per: Vec<String> = TYPES
        .iter()
        .zip(&counts)
        .map(|(t, (tp, np, ng))| format!("{t} {:.4}", prf(*tp, *np, *ng).2))
        .collect();
    eprintln!("{name}: P {p:.4} R {r:.4} F1 {f:.4} ({})", per.join(", "));
}

/// The value after `name` on the command line.
fn opt(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// Training settings, defaults changed by `--epochs`, `--ensemble`,
/// `--seed`, `--folds`.
fn settings(args: &[String]) -> Settings {
    let number = |name: &str| opt(args, name).and_then(|v| v.parse().ok());
    let defaults = Settings::default();
    Settings {
        epochs: number("--epochs").unwrap_or(defaults.epochs),
        ensemble: number("--ensemble").unwrap_or(defaults.ensemble),
        word_dropout: number("--word-dropout").unwrap_or(defaults.word_dropout),
        folds: number("--folds").unwrap_or(defaults.folds),
        seed: opt(args, "--seed")
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.seed),
    }
}

fn read(path: PathBuf) -> Option<String> {
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            None
        }
    }
}

/// The training documents: CoNLL-2003 train, WikiANN train (when given)
/// and the newswire sentences.
struct Corpus {
    train: Vec<Doc>,
    /// How many of `train` are CoNLL documents.
    conll: usize,
    /// The CoNLL training documents held out.
    holdout: Vec<Doc>,
    dev: Vec<Doc>,
}

fn corpus(conll: &Path, wikiann: Option<&str>, keep_holdout: bool) -> Option<Corpus> {
    let train_text = read(conll.join("train.conllu"))?;
    let dev_text = read(conll.join("dev.conllu"))?;
    let mut train = Vec::new();
    let mut holdout = Vec::new();
    for (i, d) in read_conll(&train_text).into_iter().enumerate() {
        if keep_holdout && held_out(i) {
            holdout.push(d);
        } else {
            train.push(d);
        }
    }
    let conll_docs = train.len();
    if let Some(dir) = wikiann {
        train.extend(read_wikiann(&read(PathBuf::from(dir).join("train"))?));
    }
    train.extend(read_bracketed(NEWS));
    Some(Corpus {
        train,
        conll: conll_docs,
        holdout,
        dev: read_conll(&dev_text),
    })
}

/// Writes dev as `word gold predicted` lines, documents and sentences
/// apart as in CoNLL files.
fn dump_dev(path: &str, tagger: &Tagger, dev: &[Doc]) {
    let mut text = String::new();
    for d in dev {
        let sentences: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        text.push_str("-DOCSTART-\n");
        for (s, labels) in d.sentences.iter().zip(tagger.tag_document(&sentences)) {
            for ((w, g), p) in s.words.iter().zip(&s.labels).zip(labels) {
                text.push_str(&format!("{w}\t{}\t{}\n", bilou::name(*g), bilou::name(p)));
            }
            text.push('\n');
        }
    }
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("{path}: {e}");
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(conll), Some(out)) = (opt(&args, "--conll"), opt(&args, "--out")) else {
        eprintln!(
            "usage: train_ner --conll DIR --out MODEL [--wikiann DIR] [--epochs N] [--folds K] [--holdout keep|none]"
        );
        return ExitCode::from(2);
    };
    let settings = settings(&args);
    let keep_holdout = opt(&args, "--holdout").as_deref() != Some("none");
    let wikiann = opt(&args, "--wikiann");
    let Some(corpus) = corpus(Path::new(&conll), wikiann.as_deref(), keep_holdout) else {
        return ExitCode::FAILURE;
    };
    eprintln!(
        "training on {} CoNLL documents ({} held out), {} other documents; {settings:?}",
        corpus.conll,
        corpus.holdout.len(),
        corpus.train.len() - corpus.conll
    );
    let started = Instant::now();
    let tagger = train(&corpus.train, &settings, &mut |line| {
        eprintln!("{line} ({:.0}s)", started.elapsed().as_secs_f64());
    });
    let (s1, s2) = tagger.sizes();
    eprintln!("features with weights: stage one {s1}, stage two {s2}");
    report("CoNLL dev", &tagger, &corpus.dev);
    // Only with --score-holdout: settings are chosen on dev, never on these.
    if !corpus.holdout.is_empty() && args.iter().any(|a| a == "--score-holdout") {
        report("CoNLL held-out train documents", &tagger, &corpus.holdout);
    }
    if let Some(path) = opt(&args, "--dump-dev") {
        dump_dev(&path, &tagger, &corpus.dev);
    }
    let bytes = match tagger.to_bytes() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {out}: {} bytes", bytes.len());
    ExitCode::SUCCESS
}
