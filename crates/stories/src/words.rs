//! Content words: lower-cased, plural-folded tokens that are not stopwords.

use crosscheck_lexicon::{lines, FxHashSet};

use crate::Lexicon;

/// The stop words of `stopwords.txt`-shaped data: several words a line.
pub(crate) fn parse_stopwords(data: &str) -> FxHashSet<String> {
    lines(data)
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
}

/// True for words that never tell one story from another, by the standard
/// lexicon.
pub fn is_stopword(word: &str) -> bool {
    Lexicon::standard_ref().is_stopword(word)
}

/// The content words of `text` by the standard lexicon; see
/// [`Lexicon::content_words`].
pub fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    Lexicon::standard_ref().content_words(text)
}

/// One token as a content word by the standard lexicon, or `None` when it
/// carries no content.
pub fn normalize(token: &str) -> Option<String> {
    Lexicon::standard_ref().normalize(token)
}

impl Lexicon {
    /// True for words that never tell one story from another.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// The content words of `text`, in order: runs of letters (with inner
    /// `.`, `'`, `-` and `&`, so "U.S." and "Rolls-Royce" stay whole),
    /// lower-cased, possessives and plurals folded, numbers, stopwords and
    /// one-letter words dropped.
    pub fn content_words<'a>(&'a self, text: &'a str) -> impl Iterator<Item = String> + 'a {
        text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '-' | '&' | '’')))
            .filter_map(|token| self.normalize(token))
    }

    /// One token as a content word, or `None` when it carries no content.
    pub fn normalize(&self, token: &str) -> Option<String> {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if !token.chars().next()?.is_alphabetic() || token.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut word = token.to_lowercase();
        for possessive in ["'s", "’s"] {
            if let Some(stem) = word.strip_suffix(possessive) {
                word.truncate(stem.len());
            }
        }
        let word = fold_plural(&word);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || (letters < 3 && !word.contains('.')) || self.is_stopword(&word) {
            return None;
        }
        Some(word)
    }
}

/// "companies" → "company", "talks" → "talk"; "news", "crisis", "status",
/// "gas" stay.
fn fold_plural(word: &str) -> String {
    let n = word.chars().count();
    if n > 4 {
        if let Some(stem) = word.strip_suffix("ies") {
            return format!("{stem}y");
        }
    }
    if n > 3
        && word.ends_with('s')
        && !["ss", "us", "is", "ws", "as", "os"]
            .iter()
            .any(|end| word.ends_with(end))
    {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_of_a_sentence() {
        let words: Vec<String> =
            content_words("The U.S. Treasury's talks with 12 companies, said Baker.").collect();
        assert_eq!(words, ["u.s", "treasury", "talk", "company", "baker"]);
    }

    #[test]
    fn plurals_fold_and_short_words_drop() {
        for (token, want) in [
            ("Offensives", Some("offensive")),
            ("crisis", Some("crisis")),
            ("news", None),
            ("gas", Some("gas")),
            ("batteries", Some("battery")),
            ("1,500", None),
            ("G7", None),
            ("of", None),
            ("OPEC", Some("opec")),
        ] {
            assert_eq!(normalize(token).as_deref(), want, "{token}");
        }
    }
}
