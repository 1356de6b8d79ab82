// The recogniser of an older tree on the texts `conll_holdout.py prep DIR`
// writes. Not built with the workspace: copy it into that tree's
// crates/ner/examples/ and run
//   cargo run --release -p crosscheck-ner --example old_recogniser_dump -- DIR > PRED.json
// then `python3 scripts/ner/conll_holdout.py score DIR PRED.json`.
// Written for c3c7dde (before the CoNLL-trained tagger); its API
// (`EntityRecognizer::new`, `recognize(text, sentences)`) is the one there.
use crosscheck_model::{EntityType, Sentence};
use crosscheck_ner::EntityRecognizer;

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let recognizer = EntityRecognizer::new();
    let mut documents = Vec::new();
    for k in 0.. {
        let Ok(text) = std::fs::read_to_string(format!("{dir}/{k:03}.txt")) else {
            break;
        };
        let mut sentences = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            sentences.push(Sentence::new(start, start + line.trim_end_matches('\n').len()));
            start += line.len();
        }
        let names: Vec<String> = recognizer
            .recognize(&text, &sentences)
            .iter()
            .map(|m| {
                let kind = match m.kind {
                    EntityType::Person => "PER",
                    EntityType::Organization => "ORG",
                    EntityType::Location | EntityType::Country => "LOC",
                    _ => "MISC",
                };
                format!("[{},{},\"{kind}\"]", m.span.start, m.span.end)
            })
            .collect();
        documents.push(format!("[{}]", names.join(",")));
    }
    println!("[{}]", documents.join(","));
}
