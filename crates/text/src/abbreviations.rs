//! The abbreviation, sentence-opener and speech-verb lexicon of sentence
//! splitting, parsed once from the data files.

use std::sync::{Arc, LazyLock};

use crosscheck_lexicon::shared::{speech_verbs, SpeechUse};
use crosscheck_lexicon::{lines, FxHashMap as HashMap, FxHashSet as HashSet};

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

/// The words sentence splitting decides by: abbreviations by class,
/// common sentence openers, and the speech verbs of an attribution after a
/// quote. Built once ([`Lexicon::standard`], from the data files) and shared
/// by every [`crate::SentenceSplitter`]; tests may build their own.
#[derive(Debug)]
pub struct Lexicon {
    abbreviations: HashMap<String, AbbrevClass>,
    starters: HashSet<String>,
    speech_verbs: HashSet<String>,
}

static STANDARD: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(Lexicon::parse(
        include_str!("../data/abbreviations.txt"),
        include_str!("../data/sentence_starters.txt"),
        speech_verbs(SpeechUse::AfterQuote),
    ))
});

impl Lexicon {
    /// The lexicon of the data files (`data/abbreviations.txt`,
    /// `data/sentence_starters.txt`, the shared speech verbs), parsed once.
    pub fn standard() -> Arc<Lexicon> {
        Arc::clone(&STANDARD)
    }

    /// The standard lexicon, borrowed for the life of the program (no
    /// reference count to touch on a hot path).
    pub(crate) fn standard_ref() -> &'static Lexicon {
        &STANDARD
    }

    /// A lexicon from an abbreviation list (words under `[title]`,
    /// `[number]`, `[general]` headings), a list of sentence openers and the
    /// speech verbs that keep an attribution with its quote.
    pub fn parse<'a>(
        abbreviations: &str,
        starters: &str,
        speech_verbs: impl IntoIterator<Item = &'a str>,
    ) -> Lexicon {
        let mut map = HashMap::default();
        let mut class = AbbrevClass::General;
        for line in lines(abbreviations) {
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
        Lexicon {
            abbreviations: map,
            starters: lines(starters).map(str::to_lowercase).collect(),
            speech_verbs: speech_verbs.into_iter().map(str::to_lowercase).collect(),
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
        let lex = Lexicon::standard();
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
