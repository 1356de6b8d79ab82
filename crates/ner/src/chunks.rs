//! Entity chunks from BIO labels, conlleval-style: an `I-X` after `O` or
//! after another type starts a new chunk.

use crate::tagger::LABELS;

/// A chunk: token range `[start, end)` and its type ("PER", "ORG", "LOC").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

/// Chunks of a sequence of string labels ("B-PER", "I-PER", "O").
pub fn chunks_of<S: AsRef<str>>(labels: &[S]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut open: Option<Chunk> = None;
    for (i, l) in labels.iter().enumerate() {
        let l = l.as_ref();
        let (prefix, kind) = l.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|c| c.kind == kind);
        if continues {
            if let Some(c) = open.as_mut() {
                c.end = i + 1;
            }
            continue;
        }
        out.extend(open.take());
        if prefix == "B" || prefix == "I" {
            open = Some(Chunk {
                start: i,
                end: i + 1,
                kind: kind.to_string(),
            });
        }
    }
    out.extend(open);
    out
}

/// Chunks of label indices from the tagger.
pub fn chunks_of_indices(labels: &[u8]) -> Vec<Chunk> {
    let names: Vec<&str> = labels
        .iter()
        .map(|l| LABELS.get(*l as usize).copied().unwrap_or("O"))
        .collect();
    chunks_of(&names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conlleval_chunking() {
        type Case<'a> = (&'a [&'a str], &'a [(usize, usize, &'a str)]);
        let cases: &[Case] = &[
            (&["B-PER", "I-PER", "O"], &[(0, 2, "PER")]),
            (&["I-LOC", "I-LOC"], &[(0, 2, "LOC")]),
            (&["B-PER", "B-PER"], &[(0, 1, "PER"), (1, 2, "PER")]),
            (&["B-PER", "I-ORG"], &[(0, 1, "PER"), (1, 2, "ORG")]),
            (&["O", "O"], &[]),
        ];
        for (labels, want) in cases {
            let got: Vec<(usize, usize, String)> = chunks_of(labels)
                .into_iter()
                .map(|c| (c.start, c.end, c.kind))
                .collect();
            let want: Vec<(usize, usize, String)> = want
                .iter()
                .map(|(s, e, k)| (*s, *e, k.to_string()))
                .collect();
            assert_eq!(got, want, "{labels:?}");
        }
    }
}
