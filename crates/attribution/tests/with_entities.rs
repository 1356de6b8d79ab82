//! How the NER stage's mentions shape sources: a place that speaks is its
//! government, and a bare surname takes the full name the document used
//! earlier even when that person was not yet a speaker. Invented sentences;
//! the mentions are written by hand so only the extractor is under test.

use crosscheck_attribution::QuoteExtractor;
use crosscheck_model::{EntityType, Mention, SourceKind, Span};
use crosscheck_text::SentenceSplitter;

/// (text, mentions as (surface, occurrence, type, canonical), quote,
/// expected source name, expected kind)
type Case = (
    &'static str,
    &'static [(&'static str, usize, EntityType, Option<&'static str>)],
    &'static str,
    &'static str,
    SourceKind,
);

fn mention(
    text: &str,
    surface: &str,
    nth: usize,
    kind: EntityType,
    canonical: Option<&str>,
) -> Mention {
    let start = text
        .match_indices(surface)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("surface in text");
    Mention {
        span: Span::of(text, start, start + surface.len()).expect("span"),
        kind,
        canonical: canonical.map(str::to_string),
        refers_to: None,
    }
}

#[test]
fn mentions_name_and_type_the_source() {
    let cases: &[Case] = &[
        (
            "Marvania denied the report on Monday. \"No soldier of ours is there,\" Marvania said in a statement.",
            &[("Marvania", 0, EntityType::Location, None), ("Marvania", 1, EntityType::Location, None)],
            "No soldier of ours is there",
            "Marvania",
            SourceKind::Organization,
        ),
        (
            "Harbour chief Tomas Velk opened the new pier on Friday. Later Velk said that the port would double its traffic.",
            &[
                ("Tomas Velk", 0, EntityType::Person, Some("Tomas Velk")),
                ("Velk", 1, EntityType::Person, Some("Tomas Velk")),
            ],
            "the port would double its traffic",
            "Tomas Velk",
            SourceKind::Person,
        ),
        (
            "Mayor Ilka Dorn spoke first. Dorn told the council on Monday that the budget was final. \"We will not reopen it,\" she said.",
            &[
                ("Ilka Dorn", 0, EntityType::Person, Some("Ilka Dorn")),
                ("Dorn", 1, EntityType::Person, Some("Ilka Dorn")),
            ],
            "We will not reopen it",
            "Ilka Dorn",
            SourceKind::Person,
        ),
        (
            "Alliance says the count is too low\n\nThe Western Shield Alliance met in Oraven on Friday.",
            &[("Western Shield Alliance", 0, EntityType::Organization, Some("Western Shield Alliance"))],
            "the count is too low",
            "Western Shield Alliance",
            SourceKind::Organization,
        ),
        (
            "\"The bridge will hold,\" Orsa Lind said on Tuesday.",
            &[("Orsa Lind", 0, EntityType::Person, Some("Orsa Lind"))],
            "The bridge will hold",
            "Orsa Lind",
            SourceKind::Person,
        ),
    ];
    for (text, mentions, quote, name, kind) in cases {
        let mut doc = SentenceSplitter::new().document("t", text);
        doc.mentions = mentions
            .iter()
            .map(|(s, n, k, c)| mention(text, s, *n, *k, *c))
            .collect();
        let claims = QuoteExtractor::new().extract(&doc);
        let claim = claims
            .iter()
            .find(|c| c.quote().is_some_and(|q| q.text == *quote))
            .unwrap_or_else(|| panic!("no claim quoting {quote:?} in {claims:#?}"));
        assert_eq!(claim.source.name.as_deref(), Some(*name), "{text}");
        assert_eq!(claim.source.kind, *kind, "{text}");
    }
}
