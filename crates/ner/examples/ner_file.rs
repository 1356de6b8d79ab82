//! Prints the mentions found in text files, one per line, for hand checks:
//! `cargo run --release -p crosscheck-ner --example ner_file -- FILE...`
//! (each non-empty line of a file is treated as one sentence).

use crosscheck_model::Sentence;
use crosscheck_ner::EntityRecognizer;

fn main() {
    // NER_MODEL=path tries another model file instead of the built-in one.
    let recognizer = match std::env::var("NER_MODEL") {
        Ok(path) => match std::fs::read(&path).map(|b| EntityRecognizer::from_model_bytes(&b)) {
            Ok(Ok(r)) => r,
            _ => {
                eprintln!("cannot load model {path}");
                return;
            }
        },
        Err(_) => EntityRecognizer::new(),
    };
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let mut sentences = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if !line.trim().is_empty() {
                sentences.push(Sentence::new(at, at + line.trim_end().len()));
            }
            at += line.len();
        }
        println!("== {path}");
        if std::env::var("NER_LABELS").is_ok() {
            let doc: Vec<Vec<&str>> = sentences
                .iter()
                .map(|s| {
                    crosscheck_ner::tokens::tokenize(&text, s.range.start, s.range.end)
                        .iter()
                        .map(|t| &text[t.start..t.end])
                        .collect()
                })
                .collect();
            for (words, labels) in doc.iter().zip(recognizer.tag_document(&doc)) {
                let line: Vec<String> = words
                    .iter()
                    .zip(labels)
                    .map(|(w, l)| format!("{w}/{l}"))
                    .collect();
                println!("{}", line.join(" "));
            }
        }
        for m in recognizer.recognize(&text, &sentences) {
            println!(
                "{}\t{}\t{:?}\t{}\t{}",
                m.span.start,
                m.span.text,
                m.kind,
                m.canonical.unwrap_or_default(),
                m.refers_to.unwrap_or_default()
            );
        }
    }
}
