use crosscheck_model::{Paragraph, Range, Sentence};

/// Splits clean article text into sentences.
///
/// PLACEHOLDER: splits on `.?!` followed by whitespace; to be replaced by the
/// news-aware splitter (abbreviations, initials, quotes, headlines).
#[derive(Debug, Default, Clone)]
pub struct SentenceSplitter {}

impl SentenceSplitter {
    pub fn new() -> SentenceSplitter {
        SentenceSplitter {}
    }

    /// Sentences of a whole document, never crossing paragraph boundaries.
    pub fn split_document(&self, text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
        if paragraphs.is_empty() {
            return self.split(text, Range::new(0, text.len()));
        }
        paragraphs
            .iter()
            .flat_map(|p| self.split(text, p.range))
            .collect()
    }

    /// Sentences inside `text[range]`.
    pub fn split(&self, text: &str, range: Range) -> Vec<Sentence> {
        let mut out = Vec::new();
        let slice = range.slice(text);
        let mut start = 0;
        let bytes = slice.as_bytes();
        for (i, c) in slice.char_indices() {
            if matches!(c, '.' | '?' | '!') {
                let next = i + 1;
                if next >= bytes.len() || bytes[next].is_ascii_whitespace() {
                    push_trimmed(&mut out, slice, range.start, start, next);
                    start = next;
                }
            }
        }
        push_trimmed(&mut out, slice, range.start, start, slice.len());
        out
    }
}

fn push_trimmed(out: &mut Vec<Sentence>, slice: &str, base: usize, start: usize, end: usize) {
    let piece = &slice[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Sentence::new(base + start + lead, base + end - trail));
    }
}
