//! Newswire NER on the hand-annotated Reuters-21578 sample: prints the
//! figures for dev and test, or with `errors dev` the dev half's misses and
//! false alarms (for error analysis; the test half is for reporting only),
//! each sentence alone, or with `errors dev story` the story's gold
//! sentences read together.
//!
//! `cargo run --release -p crosscheck-eval --example newswire_ner [-- errors dev [story [bare]]]`

use crosscheck_eval::{EvalError, EvalReport};

use crosscheck_eval::newswire_ner;

use newswire_ner::{run_all, Context, GoldEntity, Scored};

fn show(s: &Scored, e: &GoldEntity) -> String {
    let text: String = s
        .text
        .chars()
        .skip(e.start - s.gold.start)
        .take(e.end - e.start)
        .collect();
    format!("{} {text:?}", e.kind)
}

fn errors(scored: &[Scored], split: &str) {
    for s in scored.iter().filter(|s| s.gold.split == split) {
        let missed: Vec<String> = s
            .gold
            .entities
            .iter()
            .filter(|g| !s.pred.contains(g))
            .map(|g| show(s, g))
            .collect();
        let wrong: Vec<String> = s
            .pred
            .iter()
            .filter(|p| !s.gold.entities.contains(p))
            .map(|p| show(s, p))
            .collect();
        if missed.is_empty() && wrong.is_empty() {
            continue;
        }
        println!("== line {}: {}", s.gold.line, s.text);
        for m in missed {
            println!("   MISSED {m}");
        }
        for w in wrong {
            println!("   WRONG  {w}");
        }
    }
}

fn main() -> Result<(), EvalError> {
    let shared = crosscheck_eval::default_shared_dir();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("errors") {
        let split = args.get(1).map_or("dev", String::as_str);
        let context = if args.get(2).map(String::as_str) == Some("story") {
            Context::Story
        } else {
            Context::Sentence
        };
        // `errors dev story bare`: the tagger without the rules after it.
        let mut recognizer = crosscheck_ner::EntityRecognizer::new();
        if args.get(3).map(String::as_str) == Some("bare") {
            recognizer = recognizer.with_rules(crosscheck_ner::Rules::none());
        }
        errors(&run_all(&shared, &recognizer, context)?, split);
        return Ok(());
    }
    let report: EvalReport = newswire_ner::evaluate(&shared)?;
    println!("{report}");
    Ok(())
}
