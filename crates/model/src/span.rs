use serde::{Deserialize, Serialize};

/// A stretch of a document's clean text: byte offsets `[start, end)` and the
/// exact text they cover, so a reader can check evidence without re-slicing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
    /// The text between them.
    pub text: String,
}

impl Span {
    /// The span of `text[start..end]`, or `None` when the offsets are out of
    /// range or not on character boundaries.
    pub fn of(text: &str, start: usize, end: usize) -> Option<Span> {
        text.get(start..end).map(|t| Span {
            start,
            end,
            text: t.to_string(),
        })
    }

    /// Like [`Span::of`] but trims surrounding whitespace from the range.
    pub fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
        let slice = text.get(start..end)?;
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if lead + trail >= slice.len() {
            return None;
        }
        Span::of(text, start + lead, end - trail)
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share a byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when the span's text is exactly `doc_text[start..end]`.
    pub fn is_valid_in(&self, doc_text: &str) -> bool {
        doc_text.get(self.start..self.end) == Some(self.text.as_str())
    }
}

/// Byte offsets without the text, for things whose text is cheap to recover
/// and would bloat the ledger (sentences, paragraphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Range {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
}

impl Range {
    /// The range `[start, end)`.
    pub fn new(start: usize, end: usize) -> Range {
        Range { start, end }
    }

    /// `text[start..end]`, or "" when out of range.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `offset` lies inside the range.
    pub fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_of_checks_boundaries() {
        let text = "Café “au lait”.";
        assert!(Span::of(text, 0, 4).is_none(), "inside the é");
        let s = Span::of(text, 0, 5).unwrap();
        assert_eq!(s.text, "Café");
        assert!(s.is_valid_in(text));
        assert!(Span::of(text, 3, 100).is_none());
    }

    #[test]
    fn trimmed_drops_outer_whitespace() {
        let text = "  hello world \n";
        let s = Span::trimmed(text, 0, text.len()).unwrap();
        assert_eq!(s.text, "hello world");
        assert_eq!((s.start, s.end), (2, 13));
        assert!(Span::trimmed(text, 0, 2).is_none());
    }
}
