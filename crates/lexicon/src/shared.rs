//! The word lists several stages share, each kept once in `data/` and
//! tagged by the uses that read each entry.

use crate::entries;

const SPEECH_VERBS: &str = include_str!("../data/speech_verbs.tsv");
const TITLES: &str = include_str!("../data/titles.tsv");
const PRONOUNS: &str = include_str!("../data/pronouns.tsv");
const MONTHS: &str = include_str!("../data/months.tsv");

/// An enum of the uses that read a shared list, each named by its tag in the
/// list's file.
macro_rules! uses {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $tag:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every tag, in declaration order (what a list's file may use).
            #[cfg(test)]
            const TAGS: &'static [&'static str] = &[$($tag,)*];

            fn tag(self) -> &'static str {
                match self {
                    $($name::$variant => $tag,)*
                }
            }
        }
    };
}

uses!(
    /// Who reads a speech verb (see `data/speech_verbs.tsv`).
    SpeechUse {
        /// Attributes a quotation (attribution).
        Quote = "quote",
        /// Attributes a quotation as the manner of saying it, next to the
        /// quote only ("Orsa fumed", "as Holt put it:"); not a cue the
        /// reported-speech tagger reads (attribution).
        Manner = "manner",
        /// Like `manner`, but only right next to the quote: "“...,”
        /// agreed Holt", "Holt agreed, “...”", never "agreed to sell ...
        /// for a “fair price”" (attribution).
        Adjacent = "adjacent",
        /// Also introduces reported speech without quote marks (attribution).
        Reported = "reported",
        /// Keeps an attribution after a quoted "?" or "!" in its sentence
        /// (sentence splitting).
        AfterQuote = "after_quote",
        /// Makes a one-word name before it a person (entities).
        NameSpeaker = "name_speaker",
        /// Makes its subject the claimant of a figure (figures).
        Claimant = "claimant",
    }
);

uses!(
    /// Who reads a title (see `data/titles.tsv`).
    TitleUse {
        /// Goes to a source's role, matched as written (attribution).
        Role = "role",
        /// Stripped from canonical names, matched folded (entities).
        NameTitle = "name_title",
        /// Marks a person in a claimant phrase, matched lower case (figures).
        Claimant = "claimant",
    }
);

uses!(
    /// Who reads a pronoun (see `data/pronouns.tsv`).
    PronounUse {
        /// May stand for a quote's speaker, as written (attribution).
        Speaker = "speaker",
        /// Never the head of what a figure counts (figures).
        NotSubject = "not_subject",
        /// A stance actor that takes the source of the quote around it
        /// (stances).
        Actor = "actor",
    }
);

/// Speech verbs and phrases for one use, in file order.
pub fn speech_verbs(used: SpeechUse) -> impl Iterator<Item = &'static str> {
    entries(SPEECH_VERBS)
        .filter(move |e| e.has_tag(1, used.tag()))
        .map(|e| e.key())
}

/// Titles for one use, in file order.
pub fn titles(used: TitleUse) -> impl Iterator<Item = &'static str> {
    entries(TITLES)
        .filter(move |e| e.has_tag(1, used.tag()))
        .map(|e| e.key())
}

/// Pronouns for one use with the gender each allows (`m`, `f`, `p`, `n`,
/// `s`, or `-` for none), in file order.
pub fn pronouns(used: PronounUse) -> impl Iterator<Item = (&'static str, char)> {
    entries(PRONOUNS)
        .filter(move |e| e.has_tag(2, used.tag()))
        .map(|e| {
            let gender = e.column(1).and_then(|g| g.chars().next()).unwrap_or('-');
            (e.key(), gender)
        })
}

/// Month names and abbreviations (lower case) with their numbers (1-12).
pub fn months() -> impl Iterator<Item = (&'static str, u32)> {
    entries(MONTHS).filter_map(|e| Some((e.key(), e.column(1)?.parse().ok()?)))
}

/// The twelve full month names, January first.
pub fn month_names() -> impl Iterator<Item = &'static str> {
    entries(MONTHS)
        .filter(|e| e.column(2) == Some("full"))
        .map(|e| e.key())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_a_known_use() {
        let known = |tags: &[&str], file: &str, col: usize| {
            for e in entries(file) {
                let Some(col) = e.column(col) else {
                    panic!("line {} has no uses: {}", e.line, e.text);
                };
                for tag in col.split(',') {
                    assert!(tags.contains(&tag), "line {}: unknown use {tag}", e.line);
                }
            }
        };
        known(SpeechUse::TAGS, SPEECH_VERBS, 1);
        known(TitleUse::TAGS, TITLES, 1);
        known(PronounUse::TAGS, PRONOUNS, 2);
    }

    #[test]
    fn each_spelling_is_kept_once() {
        for file in [SPEECH_VERBS, TITLES, PRONOUNS, MONTHS] {
            let mut seen = crate::FxHashSet::default();
            for e in entries(file) {
                assert!(seen.insert(e.key()), "{} listed twice", e.key());
            }
        }
    }

    #[test]
    fn lists_by_use() {
        assert!(speech_verbs(SpeechUse::NameSpeaker).eq(["said", "says", "told", "added"]));
        assert!(speech_verbs(SpeechUse::Reported).any(|v| v == "according to"));
        assert!(!speech_verbs(SpeechUse::Reported).any(|v| v == "asked"));
        // Verbs of manner are no cues of their own.
        assert!(speech_verbs(SpeechUse::Manner).any(|v| v == "fumed"));
        assert!(!speech_verbs(SpeechUse::Quote).any(|v| v == "fumed"));
        assert!(titles(TitleUse::Role).any(|t| t == "Gen."));
        assert!(pronouns(PronounUse::Speaker).any(|p| p == ("She", 'f')));
        assert_eq!(months().count(), 24);
        assert_eq!(month_names().collect::<Vec<_>>().len(), 12);
        assert_eq!(months().find(|(m, _)| *m == "sept"), Some(("sept", 9)));
    }
}
