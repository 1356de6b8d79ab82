//! One home for word lists.
//!
//! - [`entries`] (and [`lines`], [`word_set`] for one-per-line lists): the
//!   one loader for the data files beside every crate (`data/*.txt`,
//!   `data/*.tsv`): one entry per line, trimmed, `#` comments and blank lines
//!   skipped, columns separated by tabs, and a column of comma-separated tags
//!   where a file has one.
//! - [`FxHashMap`], [`FxHashSet`]: the one fast hasher for lexicon tables.
//!   Keys are words fixed at build time or read from text, never chosen by
//!   an attacker who could flood a table, so SipHash's cost buys nothing.
//! - [`shared`]: the lists several stages read (speech verbs, titles,
//!   pronouns, months), each kept once in `data/` here and tagged by the
//!   uses that read each entry, so a stage reads exactly its own list.

pub mod shared;

pub use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

/// One line of a word-list file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    /// 1-based line number in the file, for messages.
    pub line: usize,
    /// The whole line, trimmed.
    pub text: &'a str,
}

impl<'a> Entry<'a> {
    /// The first column: the word or phrase.
    pub fn key(&self) -> &'a str {
        self.column(0).unwrap_or("")
    }

    /// Column `n` (0-based, tab-separated, trimmed).
    pub fn column(&self, n: usize) -> Option<&'a str> {
        self.text.split('\t').nth(n).map(str::trim)
    }

    /// Every column, trimmed.
    pub fn columns(&self) -> impl Iterator<Item = &'a str> {
        self.text.split('\t').map(str::trim)
    }

    /// Whether column `n` holds `tag` among its comma-separated tags.
    pub fn has_tag(&self, n: usize, tag: &str) -> bool {
        self.column(n)
            .is_some_and(|tags| tags.split(',').any(|t| t.trim() == tag))
    }
}

/// The entries of a word-list file: every line but blank ones and `#`
/// comments, trimmed.
pub fn entries(data: &str) -> impl Iterator<Item = Entry<'_>> {
    data.lines()
        .enumerate()
        .map(|(i, l)| Entry {
            line: i + 1,
            text: l.trim(),
        })
        .filter(|e| !e.text.is_empty() && !e.text.starts_with('#'))
}

/// Every entry's whole line: the words or phrases of a one-per-line list.
pub fn lines(data: &str) -> impl Iterator<Item = &str> {
    entries(data).map(|e| e.text)
}

/// The lines of a one-per-line list as a set.
pub fn word_set(data: &str) -> FxHashSet<&str> {
    lines(data).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blank_lines() {
        let data =
            "# a comment\n\nsaid\tquote,reported\n  told \n#x\tno\nput the figure at\tclaimant\n";
        let got: Vec<(usize, &str)> = entries(data).map(|e| (e.line, e.key())).collect();
        assert_eq!(got, [(3, "said"), (4, "told"), (6, "put the figure at")]);
        let said = entries(data).next().unwrap();
        assert!(said.has_tag(1, "reported") && said.has_tag(1, "quote"));
        assert!(!said.has_tag(1, "report") && !said.has_tag(2, "quote"));
        assert_eq!(
            said.columns().collect::<Vec<_>>(),
            ["said", "quote,reported"]
        );
        assert!(word_set(data).contains("told"));
    }
}
