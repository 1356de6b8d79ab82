//! Name keys that ignore case, diacritics, hyphens and curly quotes, so that
//! "Kim Jong-un" and "Kim Jong Un" or "Zelenskyy" and "Zelenskyy" compare
//! equal, plus the small edit-distance test used for transliteration variants.

/// Lowercase, diacritic-free form of a token (and [`fold_into`], appending
/// to a buffer): the one fold of `crosscheck-text`, which the token layer's
/// folded forms use too.
pub use crosscheck_text::fold::{fold, fold_into};

/// The comparison key of a name: folded words separated by single spaces,
/// with hyphens treated as spaces and dots and possessives dropped.
pub fn name_key(name: &str) -> String {
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

/// Whether `a` becomes `b` by at most one insertion, deletion or
/// substitution (Levenshtein distance ≤ 1): once their common start and
/// end are set aside, at most one character of each is left. Linear, no
/// allocation: it runs for every pair of candidate names.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let start: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (Some(a), Some(b)) = (a.get(start..), b.get(start..)) else {
        return false;
    };
    let end: usize = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let left = |s: &str| s.get(..s.len() - end).map_or(2, |m| m.chars().count());
    left(a) <= 1 && left(b) <= 1
}

/// Longest word (in characters) that may match another by one edit; longer
/// ones, never a name, match only when equal. This also bounds the keys
/// [`variant_keys`] makes.
const MAX_FUZZY_CHARS: usize = 32;

/// Whether a word of `n` characters may match another by one edit.
fn fuzzy_length(n: usize) -> bool {
    (5..=MAX_FUZZY_CHARS).contains(&n)
}

/// True when two folded name words are the same name: equal, or long enough
/// (5 to 32 letters) to differ by one edit as transliterations do
/// ("zelensky"/"zelenskyy", "zelenskiy").
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    fuzzy_length(a.chars().count())
        && fuzzy_length(b.chars().count())
        && a.chars().next() == b.chars().next()
        && within_one_edit(a, b)
}

/// The keys a word is indexed under so that every word it is the
/// [`same_word`] as shares one with it: the word itself and, when it may
/// match by one edit, each form with one character deleted (a substitution
/// leaves both words one deleted form in common, an insertion leaves the
/// shorter word itself). Exact, unlike blocking by a prefix, and the
/// buckets stay small however many similar names a text holds.
pub fn variant_keys(word: &str) -> Vec<String> {
    let mut keys = vec![word.to_string()];
    if fuzzy_length(word.chars().count()) {
        for (at, c) in word.char_indices() {
            let mut key = String::with_capacity(word.len());
            key.push_str(word.get(..at).unwrap_or_default());
            key.push_str(word.get(at + c.len_utf8()..).unwrap_or_default());
            keys.push(key);
        }
        keys.sort_unstable();
        keys.dedup();
    }
    keys
}

/// Items filed by a word, so that "which known words may be this one" costs
/// a few small bucket lookups, not a pass over every word. A word is filed
/// under its [`variant_keys`] within its first three letters: only words
/// that share those are candidates, as names differing early are different
/// names however close ("Reagan" is not "Regan").
#[derive(Debug)]
pub struct VariantIndex<T> {
    buckets: std::collections::HashMap<String, Vec<T>>,
}

impl<T> Default for VariantIndex<T> {
    fn default() -> VariantIndex<T> {
        VariantIndex {
            buckets: std::collections::HashMap::new(),
        }
    }
}

impl<T: Clone> VariantIndex<T> {
    fn keys(word: &str) -> Vec<String> {
        let prefix: String = word.chars().take(3).collect();
        variant_keys(word)
            .into_iter()
            .map(|key| format!("{prefix}\u{1f}{key}"))
            .collect()
    }

    /// Files `item` under the keys of `word`.
    pub fn insert(&mut self, word: &str, item: T) {
        for key in VariantIndex::<T>::keys(word) {
            self.buckets.entry(key).or_default().push(item.clone());
        }
    }

    /// Items filed under a key of `word`: among them, possibly with
    /// repeats, every item whose word starts with the same three letters
    /// and is the [`same_word`] as `word`.
    pub fn candidates<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a T> + 'a {
        VariantIndex::<T>::keys(word)
            .into_iter()
            .filter_map(|key| self.buckets.get(&key))
            .flatten()
    }
}

/// A set of folded words that answers "is this a variant of a known word".
#[derive(Debug, Default)]
pub struct WordIndex {
    known: std::collections::HashSet<String>,
    variants: VariantIndex<std::sync::Arc<str>>,
}

impl WordIndex {
    /// Adds a folded word.
    pub fn insert(&mut self, folded: &str) {
        if self.known.insert(folded.to_string()) {
            self.variants.insert(folded, std::sync::Arc::from(folded));
        }
    }

    /// True when a known word with the same first three letters is the
    /// same name as `folded` ([`same_word`]).
    pub fn has_variant(&self, folded: &str) -> bool {
        self.known.contains(folded)
            || self
                .variants
                .candidates(folded)
                .any(|w| same_word(w, folded))
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
            ("mohammed", "muhammed", true),
        ];
        for (a, b, want) in cases {
            assert_eq!(same_word(a, b), want, "{a} {b}");
        }
    }

    /// Levenshtein distance, the textbook way.
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn one_edit_agrees_with_the_distance() {
        let alphabet = ['a', 'b', 'ñ', 'é'];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.chars().count() == words.last().map_or(0, |l| l.chars().count()))
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        for a in &words {
            for b in &words {
                assert_eq!(within_one_edit(a, b), distance(a, b) <= 1, "{a:?} {b:?}");
            }
        }
    }

    /// Every pair of words that are the same name shares a key, on words
    /// made to differ by each kind of edit at each position.
    #[test]
    fn variant_keys_find_every_same_word() {
        let words = [
            "zelensky",
            "zelenskyy",
            "zelenskiy",
            "zlensky",
            "zelensk",
            "elensky",
            "mohammed",
            "muhammed",
            "mohamed",
            "gdansk",
            "gdańsk",
            "johnson",
            "jonson",
            "kim",
            "kin",
            "aaaaa",
            "aaaab",
            "baaaa",
            "aaaa",
        ];
        for a in words {
            for b in words {
                let shared = variant_keys(a).iter().any(|k| variant_keys(b).contains(k));
                if same_word(a, b) {
                    assert!(shared, "{a} {b}");
                }
            }
        }
        let mut index = WordIndex::default();
        index.insert("zelenskyy");
        assert!(index.has_variant("zelensky"));
        assert!(index.has_variant("zelenskyy"));
        assert!(!index.has_variant("kelensky"));
        // Words are candidates only with the same first three letters.
        index.insert("reagan");
        assert!(same_word("reagan", "regan"));
        assert!(!index.has_variant("regan"));
        // Ten thousand names sharing their first letters: a name is compared
        // with its few near variants, not with all of them (blocking by the
        // first three letters made a page of such names quadratic).
        let mut many: VariantIndex<usize> = VariantIndex::default();
        for i in 0..10_000 {
            many.insert(&format!("lind{i}"), i);
        }
        let mut near: Vec<usize> = many.candidates("lind5000").copied().collect();
        near.sort_unstable();
        near.dedup();
        assert!(near.contains(&5000) && near.contains(&5001) && near.contains(&500));
        assert!(near.len() < 100, "{} candidates", near.len());
        // Long words match only when equal, and make one key.
        let long = "x".repeat(40);
        assert_eq!(variant_keys(&long).len(), 1);
        assert!(!same_word(&long, &"x".repeat(41)));
    }
}
