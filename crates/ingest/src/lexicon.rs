//! The ingest lexicon: the page-furniture phrases (`data/furniture.txt`,
//! `data/agencies.txt`, `data/bio_roles.txt`) and the HTML class/id hints
//! (`data/html_hints.txt`), parsed once.

use std::fmt;
use std::sync::{Arc, LazyLock};

use crate::furniture::Furniture;
use crate::html::hints::HintSets;

/// The word lists reading reads: which lines are page furniture and which
/// class/id names mark furniture or content. [`Lexicon::standard`] is parsed
/// once and shared; tests may build their own with [`Lexicon::parse`] and
/// pass it in [`crate::IngestOptions::lexicon`].
pub struct Lexicon {
    pub(crate) furniture: Furniture,
    pub(crate) hints: HintSets,
}

/// The one parsed copy of the standard lexicon: every reader built with the
/// defaults shares it instead of parsing the data again.
static STANDARD: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(Lexicon::parse(
        include_str!("../data/furniture.txt"),
        include_str!("../data/agencies.txt"),
        include_str!("../data/bio_roles.txt"),
        include_str!("../data/html_hints.txt"),
    ))
});

impl Lexicon {
    /// The lexicon of the crate's data files (shared, parsed once).
    pub fn standard() -> Arc<Lexicon> {
        Arc::clone(&STANDARD)
    }

    /// The standard lexicon without an `Arc` clone, for the free functions
    /// that keep their lexicon-less signatures.
    pub(crate) fn standard_ref() -> &'static Lexicon {
        &STANDARD
    }

    /// A lexicon from data in the forms of the crate's files: `furniture`
    /// (`cut <section opener>` and `line <line prefix>` lines), `agencies`
    /// and `bio_roles` (one entry a line), `html_hints` (`drop`, `dropsub`,
    /// `strong`, `keep` or `boost`, then a class/id name or part).
    pub fn parse(furniture: &str, agencies: &str, bio_roles: &str, html_hints: &str) -> Lexicon {
        Lexicon {
            furniture: Furniture::parse(furniture, agencies, bio_roles),
            hints: HintSets::parse(html_hints),
        }
    }
}

// By hand: the sets are thousands of entries, too many to print with the
// options that hold them.
impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("furniture_entries", &self.furniture.len())
            .field("hint_entries", &self.hints.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read_bytes, IngestOptions};

    /// The text of the one document read from `bytes` as `name` with
    /// `lexicon`.
    fn read_text(name: &str, bytes: &str, lexicon: Arc<Lexicon>) -> String {
        let options = IngestOptions {
            lexicon,
            ..IngestOptions::default()
        };
        let mut texts = Vec::new();
        read_bytes(name, bytes.as_bytes(), &options, &mut |doc| {
            texts.push(doc.map(|d| d.text).unwrap_or_default())
        });
        assert_eq!(texts.len(), 1, "{texts:?}");
        texts.remove(0)
    }

    /// A lexicon in the options reaches both extractions: its section
    /// opener ends a plain-text story, its class hint drops an HTML block.
    /// The standard lexicon knows neither invented word, and keeps both.
    #[test]
    fn a_swapped_lexicon_is_read() {
        let swapped = Arc::new(Lexicon::parse(
            "cut glimmer notes",
            "",
            "",
            "strong zibwork",
        ));
        let story = "The Quorvel ferry board met on Tuesday and approved the new winter timetable.";
        let later = "The Quorvel board will meet again in spring, its chair Ansa Pell said.";
        let text = format!("{story}\n\n{story}\n\nGlimmer Notes\n\n{later}\n");
        assert!(read_text("a.txt", &text, Lexicon::standard()).contains("Glimmer Notes"));
        let cut = read_text("a.txt", &text, Arc::clone(&swapped));
        assert!(
            !cut.contains("Glimmer Notes") && !cut.contains(later),
            "{cut}"
        );

        let page = format!(
            "<html><body><article><p>{story}</p><p>{story}</p>\
             <div class='zibwork'><p>{later}</p></div></article></body></html>"
        );
        assert!(read_text("a.html", &page, Lexicon::standard()).contains(later));
        assert!(!read_text("a.html", &page, swapped).contains(later));
    }
}
