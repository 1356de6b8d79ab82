//! Class/id hints from `data/html_hints.txt`: which elements look like page
//! furniture and which look like article content.

use std::collections::HashSet;

/// The hint sets of `data/html_hints.txt`, parsed; held by the crate's
/// [`crate::Lexicon`] so that tests can swap them.
pub(crate) struct HintSets {
    drop_tokens: HashSet<String>,
    drop_substrings: Vec<String>,
    strong_substrings: Vec<String>,
    keep: HashSet<String>,
    boost: HashSet<String>,
}

impl HintSets {
    /// Parses lines of the `html_hints.txt` form: `drop`, `dropsub`,
    /// `strong`, `keep` or `boost`, a space, the value.
    pub(crate) fn parse(data: &str) -> HintSets {
        let mut hints = HintSets {
            drop_tokens: HashSet::new(),
            drop_substrings: Vec::new(),
            strong_substrings: Vec::new(),
            keep: HashSet::new(),
            boost: HashSet::new(),
        };
        for line in crosscheck_lexicon::entries(data).map(|e| e.text) {
            let Some((kind, value)) = line.split_once(' ') else {
                continue;
            };
            let value = value.trim().to_string();
            match kind {
                "drop" => {
                    hints.drop_tokens.insert(value);
                }
                "dropsub" => hints.drop_substrings.push(value),
                "strong" => hints.strong_substrings.push(value),
                "keep" => {
                    hints.keep.insert(value);
                }
                "boost" => {
                    hints.boost.insert(value);
                }
                _ => {}
            }
        }
        hints
    }

    /// Entries held, for the lexicon's `Debug`.
    pub(crate) fn len(&self) -> usize {
        self.drop_tokens.len()
            + self.drop_substrings.len()
            + self.strong_substrings.len()
            + self.keep.len()
            + self.boost.len()
    }
}

/// What an element's class and id say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hint {
    pub furniture: bool,
    /// Furniture whatever its size (comment threads).
    pub strong_furniture: bool,
    pub content: bool,
    pub boost: bool,
}

/// Reads the hints from the class and id attribute values.
pub fn hint_for(hints: &HintSets, class: Option<&str>, id: Option<&str>) -> Hint {
    let mut hint = Hint::default();
    for attr in [class, id].into_iter().flatten() {
        let lower = attr.to_ascii_lowercase();
        for name in lower.split_whitespace() {
            if hints.keep.contains(name) {
                hint.content = true;
            }
            for token in name
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|t| !t.is_empty())
            {
                if hints.drop_tokens.contains(token) {
                    hint.furniture = true;
                }
                if hints.boost.contains(token) {
                    hint.boost = true;
                }
            }
            if hints
                .drop_substrings
                .iter()
                .any(|s| name.contains(s.as_str()))
            {
                hint.furniture = true;
            }
            if hints
                .strong_substrings
                .iter()
                .any(|s| name.contains(s.as_str()))
            {
                hint.furniture = true;
                hint.strong_furniture = true;
            }
        }
    }
    hint
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;

    #[test]
    fn hints_table() {
        let hints = &Lexicon::standard().hints;
        let furniture = Hint {
            furniture: true,
            ..Hint::default()
        };
        let strong = Hint {
            furniture: true,
            strong_furniture: true,
            ..Hint::default()
        };
        let content = Hint {
            content: true,
            boost: true,
            ..Hint::default()
        };
        let cases: &[(Option<&str>, Option<&str>, Hint)] = &[
            (Some("share-bar top"), None, furniture),
            (Some("article-body"), None, content),
            (None, Some("commentList"), strong),
            (Some("story-content"), None, content),
            (Some("header shadow"), None, Hint::default()),
            (None, None, Hint::default()),
        ];
        for (class, id, want) in cases {
            assert_eq!(hint_for(hints, *class, *id), *want, "case {class:?} {id:?}");
        }
    }
}
