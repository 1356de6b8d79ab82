//! Name keys that ignore case, diacritics, hyphens and curly quotes, so that
//! "Kim Jong-un" and "Kim Jong Un" or "Zelenskyy" and "Zelenskyy" compare
//! equal, plus the small edit-distance test used for transliteration variants.

/// Lowercase, diacritic-free form of a token (and [`fold_into`], appending
/// to a buffer): the one fold of `crosscheck-text`, which the token layer's
/// folded forms use too.
pub(crate) use crosscheck_text::fold::{fold, fold_into};

/// The comparison key of a name: folded words separated by single spaces,
/// with hyphens treated as spaces and dots and possessives dropped.
pub(crate) fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let word = word.trim_end_matches("'s");
        let word: String = word.chars().filter(|c| *c != '.').collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// Levenshtein distance, abandoning early once it exceeds `limit`.
pub(crate) fn edit_distance_within(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().is_some_and(|d| *d <= limit)
}

/// True when two folded name words are the same name: equal, or long enough
/// (≥ 5 letters) to differ by one edit as transliterations do
/// ("zelensky"/"zelenskyy", "zelenskiy").
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let long = a.chars().count() >= 5 && b.chars().count() >= 5;
    long && a.chars().next() == b.chars().next() && edit_distance_within(a, b, 1)
}

/// Folded words indexed by their first three letters, so "is this a
/// variant of a known word" costs one small bucket scan, not a pass over
/// every word.
#[derive(Debug, Default)]
pub(crate) struct WordIndex {
    blocks: std::collections::HashMap<String, std::collections::HashSet<String>>,
}

impl WordIndex {
    fn block(word: &str) -> String {
        word.chars().take(3).collect()
    }

    pub(crate) fn insert(&mut self, folded: &str) {
        self.blocks
            .entry(WordIndex::block(folded))
            .or_default()
            .insert(folded.to_string());
    }

    /// True when a known word is the same name as `folded` ([`same_word`]).
    pub(crate) fn has_variant(&self, folded: &str) -> bool {
        self.blocks
            .get(&WordIndex::block(folded))
            .is_some_and(|b| b.contains(folded) || b.iter().any(|w| same_word(w, folded)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_folding_appends_lowercase_with_plain_apostrophes() {
        let cases: &[(&str, &str, &str)] = &[
            ("", "Zorvath", "zorvath"),
            ("x ", "MID-Valley", "x mid-valley"),
            ("a", "O`Brannagh`S", "ao'brannagh's"),
            ("`", "`", "`'"),
            ("q", "", "q"),
            ("", "Ñandú", "nandu"),
        ];
        for (before, token, want) in cases {
            let mut out = before.to_string();
            fold_into(token, &mut out);
            assert_eq!(out, *want, "{before:?} + {token:?}");
        }
    }

    #[test]
    fn keys_ignore_surface_variation() {
        let cases = [
            ("Kim Jong-un", "kim jong un"),
            ("Kim Jong Un", "kim jong un"),
            ("Zelenskyy’s", "zelenskyy"),
            ("Volodymyr Zelenskyy", "volodymyr zelenskyy"),
            ("U.S.", "us"),
            ("Gdańsk", "gdansk"),
            ("  Ana   María ", "ana maria"),
            ("``Kyiv", "''kyiv"),
        ];
        for (name, key) in cases {
            assert_eq!(name_key(name), key, "{name}");
        }
    }

    #[test]
    fn word_similarity() {
        let cases = [
            ("zelensky", "zelenskyy", true),
            ("zelenskiy", "zelensky", true),
            ("putin", "putin", true),
            ("kim", "kin", false),
            ("moscow", "boscow", false),
            ("johnson", "jonson", true),
            ("johnson", "jackson", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(same_word(a, b), want, "{a} {b}");
        }
    }
}
