//! What each rule after the entity tagger adds: F1 with every rule, with
//! none, and with each rule switched off in turn, on CoNLL-2003 dev (tuned
//! on), the CoNLL-2003 training documents the model never saw (untouched),
//! both halves of the hand-annotated Reuters sentences (each story's
//! sentences read together) and the WikiANN test split.
//!
//! `cargo run --release -p crosscheck-eval --example ner_rules [-- RULE...]`
//! (with rule names, only those are switched off in turn).

use std::path::Path;

use crosscheck_eval::{conll2003, newswire_ner, wikiann, EvalError};
use crosscheck_ner::training::{overall, Doc};
use crosscheck_ner::{EntityRecognizer, Rules, RULES};

struct Data {
    dev: Vec<Doc>,
    holdout: Vec<Doc>,
    wikiann: Vec<wikiann::LabelledSentence>,
    shared: std::path::PathBuf,
}

fn scores(data: &Data, rules: Rules) -> Result<[f64; 5], EvalError> {
    let r = EntityRecognizer::try_new()
        .map_err(|e| EvalError::data(Path::new("model"), e.to_string()))?
        .with_rules(rules);
    let dev = overall(&conll2003::score_recogniser(&r, &data.dev).0).2;
    let holdout = overall(&conll2003::score_recogniser(&r, &data.holdout).0).2;
    let story = newswire_ner::run_all(&data.shared, &r, newswire_ner::Context::Story)?;
    let types = newswire_ner::TYPES;
    let news_dev = newswire_ner::count(&story, "dev").prf(&types).2;
    let news_test = newswire_ner::count(&story, "test").prf(&types).2;
    let (counts, _) = wikiann::score(&r, &data.wikiann);
    let (tp, np, ng) = counts
        .iter()
        .fold((0, 0, 0), |(a, b, c), (_, x, y, z)| (a + x, b + y, c + z));
    let wiki = crosscheck_eval::prf(tp, np, ng).2;
    Ok([dev, holdout, news_dev, news_test, wiki])
}

/// `diff RULE`: the CoNLL-2003 dev names that change when RULE is added to
/// no rules (for reading what a rule does; dev only).
fn diff(dev: &[Doc], rule: &str) -> Result<(), EvalError> {
    let model = |rules: Rules| {
        EntityRecognizer::try_new()
            .map(|r| r.with_rules(rules))
            .map_err(|e| EvalError::data(Path::new("model"), e.to_string()))
    };
    let (base, with) = (model(Rules::none())?, model(Rules::none().with(rule))?);
    for d in dev {
        let (a, b) = (
            conll2003::recognise(&base, d),
            conll2003::recognise(&with, d),
        );
        for ((s, x), y) in d.sentences.iter().zip(&a).zip(&b) {
            if x == y {
                continue;
            }
            let gold = crosscheck_ner::bilou::spans(&s.labels);
            let show = |v: &[crosscheck_ner::bilou::Span]| -> Vec<String> {
                v.iter()
                    .map(|n| {
                        let w = s.words.get(n.start..n.end).map(|w| w.join(" "));
                        let ok = if gold.contains(n) { "+" } else { "-" };
                        format!("{ok}{}:{}", n.type_name(), w.unwrap_or_default())
                    })
                    .collect()
            };
            let only_a: Vec<_> = x.iter().filter(|n| !y.contains(n)).copied().collect();
            let only_b: Vec<_> = y.iter().filter(|n| !x.contains(n)).copied().collect();
            println!(
                "{}\n   before {:?}\n   after  {:?}",
                s.words.join(" "),
                show(&only_a),
                show(&only_b)
            );
        }
    }
    Ok(())
}

fn main() -> Result<(), EvalError> {
    let shared = crosscheck_eval::default_shared_dir();
    let conll = shared.join("data/conll2003");
    let wiki_path = shared.join("data/wikiann-en/test");
    let data = Data {
        dev: conll2003::read_docs(&conll.join("dev.conllu"), false)?,
        holdout: conll2003::read_docs(&conll.join("train.conllu"), true)?,
        wikiann: wikiann::read_sentences(&crosscheck_eval::read_to_string(&wiki_path)?),
        shared,
    };
    let mut only: Vec<String> = std::env::args().skip(1).collect();
    if only.first().map(String::as_str) == Some("diff") {
        let rule = only.get(1).cloned().unwrap_or_default();
        return diff(&data.dev, &rule);
    }
    // `add`: each rule alone on top of none, instead of each left out.
    let add = only.first().map(String::as_str) == Some("add");
    if add {
        only.remove(0);
    }
    println!("| rules | CoNLL dev | CoNLL held out | Reuters dev | Reuters test | WikiANN test |");
    println!("|---|---|---|---|---|---|");
    let all = scores(&data, Rules::default())?;
    let row = |name: &str, s: [f64; 5], base: Option<[f64; 5]>| {
        let cells: Vec<String> = s
            .iter()
            .enumerate()
            .map(|(i, v)| match base {
                Some(b) => format!("{v:.4} ({:+.4})", b[i] - v),
                None => format!("{v:.4}"),
            })
            .collect();
        println!("| {name} | {} |", cells.join(" | "));
    };
    row("all", all, None);
    let none = scores(&data, Rules::none())?;
    row("none", none, Some(all));
    for (name, _) in RULES {
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        if add {
            let s = scores(&data, Rules::none().with(name))?;
            let gain: Vec<f64> = s.iter().zip(&none).map(|(a, b)| a - b).collect();
            let cells: Vec<String> = s
                .iter()
                .zip(&gain)
                .map(|(v, g)| format!("{v:.4} ({g:+.4})"))
                .collect();
            println!("| only {name} | {} |", cells.join(" | "));
        } else {
            row(
                &format!("without {name}"),
                scores(&data, Rules::default().without(name))?,
                Some(all),
            );
        }
    }
    if add {
        println!("\n(in brackets: what the rule adds to none)");
    } else {
        println!("\n(in brackets: what the rule adds, all rules minus this row)");
    }
    Ok(())
}
