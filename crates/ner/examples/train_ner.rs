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

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_ner::bilou::{self, TYPES};
use crosscheck_ner::training::{
    overall, prf, read_bracketed, read_conll, read_wikiann, score, score_with, train, Counts, Doc,
    Settings,
};

const NEWS: &str = include_str!("../data/news_train.txt");

/// Whether training document `i` (0-based, file order) is held out.
fn held_out(i: usize) -> bool {
    i % 6 == 5
}

fn report(name: &str, tagger: &crosscheck_ner::tagger::Tagger, docs: &[Doc]) {
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let (Some(conll), Some(out)) = (opt("--conll"), opt("--out")) else {
        eprintln!(
            "usage: train_ner --conll DIR --out MODEL [--wikiann DIR] [--epochs N] [--folds K] [--holdout keep|none]"
        );
        return ExitCode::from(2);
    };
    let mut settings = Settings::default();
    if let Some(n) = opt("--epochs").and_then(|v| v.parse().ok()) {
        settings.epochs = n;
    }
    if let Some(n) = opt("--ensemble").and_then(|v| v.parse().ok()) {
        settings.ensemble = n;
    }
    if let Some(n) = opt("--seed").and_then(|v| v.parse().ok()) {
        settings.seed = n;
    }
    if let Some(n) = opt("--folds").and_then(|v| v.parse().ok()) {
        settings.folds = n;
    }
    let keep_holdout = opt("--holdout").as_deref() != Some("none");
    let conll = PathBuf::from(conll);
    let read = |p: PathBuf| match std::fs::read_to_string(&p) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("{}: {e}", p.display());
            None
        }
    };
    let (Some(train_text), Some(dev_text)) = (
        read(conll.join("train.conllu")),
        read(conll.join("dev.conllu")),
    ) else {
        return ExitCode::FAILURE;
    };
    let mut docs = Vec::new();
    let mut holdout = Vec::new();
    for (i, d) in read_conll(&train_text).into_iter().enumerate() {
        if keep_holdout && held_out(i) {
            holdout.push(d);
        } else {
            docs.push(d);
        }
    }
    let conll_docs = docs.len();
    if let Some(dir) = opt("--wikiann") {
        let Some(text) = read(PathBuf::from(dir).join("train")) else {
            return ExitCode::FAILURE;
        };
        docs.extend(read_wikiann(&text));
    }
    docs.extend(read_bracketed(NEWS));
    let dev = read_conll(&dev_text);
    eprintln!(
        "training on {conll_docs} CoNLL documents ({} held out), {} other documents; {settings:?}",
        holdout.len(),
        docs.len() - conll_docs
    );
    let started = Instant::now();
    let tagger = train(&docs, &settings, &mut |line| {
        eprintln!("{line} ({:.0}s)", started.elapsed().as_secs_f64());
    });
    let (s1, s2) = tagger.sizes();
    eprintln!("features with weights: stage one {s1}, stage two {s2}");
    report("CoNLL dev", &tagger, &dev);
    // Only with --score-holdout: settings are chosen on dev, never on these.
    if !holdout.is_empty() && args.iter().any(|a| a == "--score-holdout") {
        report("CoNLL held-out train documents", &tagger, &holdout);
    }
    if let Some(path) = opt("--dump-dev") {
        let mut text = String::new();
        for d in &dev {
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
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{path}: {e}");
        }
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
