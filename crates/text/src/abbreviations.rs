//! The abbreviation and sentence-opener lexicons, parsed once from the data
//! files beside the crate.

use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::LazyLock;

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// "Dr.", "Gen.": followed by a name, never a sentence end.
    Title,
    /// "No.", "p.", "Jan.": followed by a number; ends a sentence before a
    /// capitalised word.
    Number,
    /// "Inc.", "Jr.", "U.S.": may end a sentence; does so before a common
    /// sentence opener.
    General,
}

pub(crate) struct Lexicon {
    abbreviations: HashMap<String, AbbrevClass>,
    starters: HashSet<String>,
    speech_verbs: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(
        include_str!("../data/abbreviations.txt"),
        include_str!("../data/sentence_starters.txt"),
        include_str!("../data/speech_verbs.txt"),
    )
});

pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    fn parse(abbreviations: &str, starters: &str, speech_verbs: &str) -> Lexicon {
        let mut map = HashMap::new();
        let mut class = AbbrevClass::General;
        for line in abbreviations.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            class = match line {
                "[title]" => AbbrevClass::Title,
                "[number]" => AbbrevClass::Number,
                "[general]" => AbbrevClass::General,
                word => {
                    map.insert(word.to_lowercase(), class);
                    class
                }
            };
        }
        let word_list = |data: &str| {
            data.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_lowercase)
                .collect::<HashSet<String>>()
        };
        Lexicon {
            abbreviations: map,
            starters: word_list(starters),
            speech_verbs: word_list(speech_verbs),
        }
    }

    /// The class of `word` (without its final dot), using `buf` as scratch
    /// space so that lookups do not allocate.
    pub(crate) fn abbreviation(&self, word: &str, buf: &mut String) -> Option<AbbrevClass> {
        if word.is_empty() || word.len() > 12 {
            return None;
        }
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        let class = *self.abbreviations.get(buf.as_str())?;
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if class == AbbrevClass::Title && !capitalised {
            return None;
        }
        Some(class)
    }

    pub(crate) fn is_speech_verb(&self, word: &str, buf: &mut String) -> bool {
        if word.is_empty() || word.len() > 12 {
            return false;
        }
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        self.speech_verbs.contains(buf.as_str())
    }

    pub(crate) fn is_starter(&self, word: &str, buf: &mut String) -> bool {
        if word.is_empty() || word.len() > 12 {
            return false;
        }
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        self.starters.contains(buf.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_from_the_data_file() {
        let lex = lexicon();
        let mut buf = String::new();
        let cases: &[(&str, Option<AbbrevClass>)] = &[
            ("Dr", Some(AbbrevClass::Title)),
            ("dr", None),
            ("Gen", Some(AbbrevClass::Title)),
            ("Jan", Some(AbbrevClass::Number)),
            ("No", Some(AbbrevClass::Number)),
            ("Inc", Some(AbbrevClass::General)),
            ("co", Some(AbbrevClass::General)),
            ("house", None),
        ];
        for (word, want) in cases {
            assert_eq!(lex.abbreviation(word, &mut buf), *want, "{word}");
        }
        assert!(lex.is_starter("They", &mut buf));
        assert!(!lex.is_starter("Government", &mut buf));
    }
}
