//! Reading training data: WikiANN-style `lang:token<TAB>IOB` files and the
//! bracketed newswire sentences in `data/news_train.txt`
//! ("[PER Ana Silva] told [ORG Radio Nord] ..."), plus a training loop.

use std::collections::HashMap;

use crate::features::CommonWords;
use crate::gazetteer::Gazetteer;
use crate::normalize::fold;
use crate::tagger::{label_index, Example, Tagger, Trainer};
use crate::tokens::tokenize;

/// Sentences of a WikiANN file (tokens already split; the `en:` prefix is
/// dropped). Unknown labels (MISC) are read as O.
pub fn read_wikiann(text: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut cur = Example {
        words: Vec::new(),
        labels: Vec::new(),
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Example {
                        words: Vec::new(),
                        labels: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let (tok, tag) = line.rsplit_once('\t').unwrap_or((line, "O"));
        let tok = tok.split_once(':').map_or(tok, |(_, t)| t);
        cur.words.push(tok.to_string());
        cur.labels.push(label_index(tag.trim()));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Sentences written with inline brackets: `[TYPE words]` marks an entity;
/// MISC entities are read as O since the tagger has no MISC label.
pub fn read_bracketed(text: &str) -> Vec<Example> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut ex = Example {
            words: Vec::new(),
            labels: Vec::new(),
        };
        let mut rest = line;
        while !rest.is_empty() {
            let (plain, after) = match rest.find('[') {
                Some(i) => (&rest[..i], Some(&rest[i + 1..])),
                None => (rest, None),
            };
            push_words(&mut ex, plain, None);
            let Some(after) = after else { break };
            let close = after.find(']').unwrap_or(after.len());
            let inner = &after[..close];
            let (kind, words) = inner.split_once(' ').unwrap_or(("MISC", inner));
            let kind = match kind {
                "PER" | "ORG" | "LOC" => Some(kind),
                _ => None,
            };
            push_words(&mut ex, words, kind);
            rest = after.get(close + 1..).unwrap_or("");
        }
        if !ex.words.is_empty() {
            out.push(ex);
        }
    }
    out
}

fn push_words(ex: &mut Example, text: &str, kind: Option<&str>) {
    for (k, t) in tokenize(text, 0, text.len()).iter().enumerate() {
        ex.words.push(text[t.start..t.end].to_string());
        let label = match kind {
            Some(kind) if k == 0 => label_index(&format!("B-{kind}")),
            Some(kind) => label_index(&format!("I-{kind}")),
            None => 0,
        };
        ex.labels.push(label);
    }
}

/// Trains for `epochs` passes, shuffling with a fixed seed; `progress` is
/// called after each epoch with (epoch, token errors, averaged model).
pub fn train(
    examples: &[Example],
    buckets: usize,
    epochs: usize,
    gaz: &Gazetteer,
    mut progress: impl FnMut(usize, usize, &Trainer),
) -> Trainer {
    let mut trainer = Trainer::new(buckets, common_words(examples));
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for epoch in 0..epochs {
        // Fisher-Yates with a xorshift generator: reproducible runs.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let errors = trainer.epoch(examples, &order, gaz);
        progress(epoch + 1, errors, &trainer);
    }
    trainer
}

/// Words written in lowercase at least twice in the training text.
pub fn common_words(examples: &[Example]) -> CommonWords {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for w in examples.iter().flat_map(|e| &e.words) {
        if w.chars().next().is_some_and(char::is_lowercase) {
            *counts.entry(CommonWords::hash(&fold(w))).or_default() += 1;
        }
    }
    CommonWords::from_hashes(
        counts
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(h, _)| h)
            .collect(),
    )
}

/// Label indices predicted for every example (for held-out scoring).
pub fn predict(model: &Tagger, examples: &[Example], gaz: &Gazetteer) -> Vec<Vec<u8>> {
    examples
        .iter()
        .map(|ex| {
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            model.tag(&words, gaz)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::LABELS;

    #[test]
    fn reads_bracketed_sentences() {
        let ex = read_bracketed("[PER Ana Silva] met [ORG Nord Bank] in [LOC Oporto] .");
        let got: Vec<String> = ex[0]
            .words
            .iter()
            .zip(&ex[0].labels)
            .map(|(w, l)| format!("{w}/{}", LABELS[*l as usize]))
            .collect();
        assert_eq!(
            got,
            [
                "Ana/B-PER",
                "Silva/I-PER",
                "met/O",
                "Nord/B-ORG",
                "Bank/I-ORG",
                "in/O",
                "Oporto/B-LOC",
                "./O"
            ]
        );
    }

    #[test]
    fn reads_wikiann_lines() {
        let ex = read_wikiann("en:Oporto\tB-LOC\nen:Bay\tI-LOC\n\nen:x\tO\n");
        assert_eq!(ex.len(), 2);
        assert_eq!(ex[0].labels, vec![5, 6]);
    }
}
