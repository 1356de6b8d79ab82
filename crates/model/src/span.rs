use std::cell::Cell;

use serde::{Deserialize, Serialize};

/// A stretch of a document's clean text: byte offsets `[start, end)` and the
/// exact text they cover, so a reader can check evidence without re-slicing.
///
/// In memory a span always carries its text. In JSON the text is optional:
/// ledgers are written with offsets only unless asked for the texts, and a
/// span read without its text gets it back from its document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
    /// The text between them (absent from ledgers written without texts).
    #[serde(default, skip_serializing_if = "text_left_out")]
    pub text: String,
}

thread_local! {
    /// Set while a ledger is serialised without span texts on this thread.
    static LEAVE_OUT_TEXT: Cell<bool> = const { Cell::new(false) };
}

fn text_left_out(_: &String) -> bool {
    LEAVE_OUT_TEXT.with(Cell::get)
}

/// Runs `write` with span texts left out of everything it serialises on
/// this thread, offsets only.
///
/// A flag rather than a second set of types: every type holding a span
/// would otherwise need a text-less twin, and serde writes on the calling
/// thread, so the flag covers exactly the serialisation inside `write`.
pub fn without_span_texts<R>(write: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            LEAVE_OUT_TEXT.with(|flag| flag.set(self.0));
        }
    }
    let _restore = Restore(LEAVE_OUT_TEXT.with(|flag| flag.replace(true)));
    write()
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

    /// Sets the text from `doc_text` when it is missing (a span read from a
    /// ledger written without texts). False when the offsets do not fit
    /// `doc_text`.
    pub fn restore_text(&mut self, doc_text: &str) -> bool {
        match doc_text.get(self.start..self.end) {
            Some(text) => {
                if self.text.is_empty() {
                    self.text = text.to_string();
                }
                true
            }
            None => false,
        }
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
    fn text_is_left_out_only_inside_the_scope() {
        let span = Span::of("a bc", 2, 4).unwrap();
        let bare = without_span_texts(|| serde_json::to_string(&span).unwrap());
        assert_eq!(bare, r#"{"start":2,"end":4}"#);
        let full = serde_json::to_string(&span).unwrap();
        assert_eq!(full, r#"{"start":2,"end":4,"text":"bc"}"#);
        let mut back: Span = serde_json::from_str(&bare).unwrap();
        assert!(back.text.is_empty());
        assert!(back.restore_text("a bc"));
        assert_eq!(back, span);
        assert!(!back.restore_text("a"), "offsets past the text");
    }

    #[test]
    fn the_flag_is_restored_after_a_panic() {
        let span = Span::of("xy", 0, 1).unwrap();
        let caught = std::panic::catch_unwind(|| without_span_texts(|| panic!("stop")));
        assert!(caught.is_err());
        assert!(serde_json::to_string(&span).unwrap().contains("text"));
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
