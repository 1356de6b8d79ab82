//! Trains the NER tagger and writes the compressed model file.
//!
//! `cargo run --release -p crosscheck-ner --example train_ner -- \
//!     ../shared/data/wikiann-en crates/ner/model/ner.bin [EPOCHS] [BUCKETS_LOG2] [NEWS_REPEAT]`
//!
//! Trains on `train` of the WikiANN directory plus the invented newswire
//! sentences in `crates/ner/data/news_train.txt` (repeated NEWS_REPEAT
//! times, default 20), and prints entity F1 on `dev` after every epoch.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_ner::chunks::chunks_of_indices;
use crosscheck_ner::gazetteer::gazetteer;
use crosscheck_ner::training::{predict, read_bracketed, read_wikiann, train};

const NEWS: &str = include_str!("../data/news_train.txt");

fn f1(gold: &[Vec<u8>], pred: &[Vec<u8>]) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        let gc = chunks_of_indices(g);
        let pc = chunks_of_indices(p);
        ng += gc.len();
        np += pc.len();
        tp += pc.iter().filter(|c| gc.contains(c)).count();
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: train_ner WIKIANN_DIR OUT_MODEL [EPOCHS] [BUCKETS_LOG2] [NEWS_REPEAT]");
        return ExitCode::from(2);
    };
    let epochs: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(8);
    let log2: u32 = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(19);
    let news_repeat: usize = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(20);
    let dir = PathBuf::from(dir);
    let read = |name: &str| std::fs::read_to_string(dir.join(name));
    let (Ok(train_text), Ok(dev_text)) = (read("train"), read("dev")) else {
        eprintln!("cannot read {}/train and dev", dir.display());
        return ExitCode::FAILURE;
    };
    let mut examples = read_wikiann(&train_text);
    let wiki = examples.len();
    let news = read_bracketed(NEWS);
    for _ in 0..news_repeat {
        examples.extend(news.iter().cloned());
    }
    let dev = read_wikiann(&dev_text);
    let dev_gold: Vec<Vec<u8>> = dev.iter().map(|e| e.labels.clone()).collect();
    eprintln!(
        "training on {wiki} WikiANN sentences + {} newswire sentences x{news_repeat}; {} buckets",
        news.len(),
        1usize << log2
    );
    let gaz = gazetteer();
    let started = Instant::now();
    let trainer = train(&examples, 1 << log2, epochs, gaz, |epoch, errors, t| {
        let model = t.averaged(0.0);
        let (p, r, f) = f1(&dev_gold, &predict(&model, &dev, gaz));
        eprintln!(
            "epoch {epoch}: {errors} token errors; dev P {p:.4} R {r:.4} F1 {f:.4} ({:.1}s)",
            started.elapsed().as_secs_f64()
        );
    });
    let model = trainer.averaged(0.05);
    let (p, r, f) = f1(&dev_gold, &predict(&model, &dev, gaz));
    eprintln!("pruned model: dev P {p:.4} R {r:.4} F1 {f:.4}");
    if let Some(n) = std::env::var("NER_DUMP")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        use crosscheck_ner::tagger::LABELS;
        for (ex, pred) in dev.iter().zip(predict(&model, &dev, gaz)).take(n) {
            let line: Vec<String> = ex
                .words
                .iter()
                .zip(ex.labels.iter().zip(&pred))
                .map(|(w, (g, p))| {
                    let (g, p) = (LABELS[*g as usize], LABELS[*p as usize]);
                    if g == p {
                        format!("{w}/{g}")
                    } else {
                        format!("{w}/{g}!{p}")
                    }
                })
                .collect();
            println!("{}", line.join(" "));
        }
    }
    let bytes = match model.to_bytes() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {out}: {} bytes", bytes.len());
    ExitCode::SUCCESS
}
