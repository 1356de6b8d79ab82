//! The errors a reader found in reported speech, verbatim and paraphrase,
//! and speakers, each as a test on invented sentences of the same
//! structure (invented people, places and events).

use crosscheck_attribution::QuoteExtractor;
use crosscheck_model::{Claim, Document, Paragraph, ParagraphKind, Range};
use crosscheck_text::SentenceSplitter;

fn document(text: &str, paragraphs: Vec<Paragraph>) -> Document {
    let mut doc = Document {
        id: "t".to_string(),
        text: text.to_string(),
        paragraphs,
        ..Document::default()
    };
    doc.sentences = SentenceSplitter::new().split_document(&doc.text, &doc.paragraphs);
    doc
}

fn claims(text: &str) -> Vec<Claim> {
    QuoteExtractor::new().extract(&document(text, Vec::new()))
}

fn said(c: &Claim) -> &str {
    c.quote().map_or("", |q| q.text.as_str())
}

fn names(c: &Claim) -> Vec<&str> {
    std::iter::once(&c.source)
        .chain(&c.co_sources)
        .filter_map(|s| s.name.as_deref())
        .collect()
}

/// "He did not say how ...": a paraphrase, never a direct quote.
#[test]
fn paraphrase_is_reported_not_direct() {
    let got = claims(
        "Lorna Vakis said the patrol had found two boats near the reef. \
         She did not say how the agency had identified the crews involved.",
    );
    assert!(!got.is_empty());
    for c in &got {
        assert!(
            c.quote().is_some_and(|q| !q.direct),
            "no quote marks, so nothing is verbatim: {c:#?}"
        );
    }
}

/// "the ministry denied the report within hours": the object of a verb is
/// not a quote.
#[test]
fn object_of_a_verb_is_not_a_direct_quote() {
    for c in claims("The harbour ministry denied the report within hours, calling it baseless.") {
        assert!(c.quote().is_some_and(|q| !q.direct), "{c:#?}");
    }
}

/// "X denied Y's presence, and officials remained silent ...": the second
/// clause is not part of what X said.
#[test]
fn content_stops_before_a_new_clause() {
    let got = claims(
        "However, the council initially denied the fleet’s presence, and Marren \
         officials remained silent on the issue until late May.",
    );
    for c in &got {
        assert!(!said(c).contains("remained silent"), "{c:#?}");
    }
}

/// "..., a claim Valdoria denies": the claim is not a speaker.
#[test]
fn a_claim_is_not_a_speaker() {
    let got = claims(
        "Pellam claimed last week that Ostvik forces had been pushed out of the \
         last valley they held, a claim Ostvik denies.",
    );
    assert!(got.iter().any(|c| names(c).contains(&"Pellam")), "{got:#?}");
    for c in &got {
        for name in names(c) {
            assert!(!name.starts_with("a claim"), "{c:#?}");
        }
    }
}

/// A headline states; it is never a quote or a source.
#[test]
fn headlines_are_never_quotes() {
    let headline = "‘We will not retreat’: Admiral vows to hold the strait";
    let body = "Admiral Tessa Morrow told reporters on Friday that the navy would \
                keep its ships in the strait. “We will not retreat from these \
                waters,” Morrow said.";
    let text = format!("{headline}\n\n{body}");
    let start = headline.len() + 2;
    let paragraphs = vec![
        Paragraph {
            range: Range {
                start: 0,
                end: headline.len(),
            },
            kind: ParagraphKind::Headline,
        },
        Paragraph {
            range: Range {
                start,
                end: text.len(),
            },
            kind: ParagraphKind::Body,
        },
    ];
    let got = QuoteExtractor::new().extract(&document(&text, paragraphs));
    for c in &got {
        assert!(c.span.start >= start, "claim from the headline: {c:#?}");
    }
    assert!(
        got.iter()
            .any(|c| c.quote().is_some_and(|q| q.direct) && names(c) == ["Tessa Morrow"]),
        "{got:#?}"
    );
}

/// "..., said A and B": one claim, both speakers.
#[test]
fn coordinated_speakers_are_all_kept() {
    for (text, want) in [
        (
            "The talks will resume next week in the capital, said Anna Berg and Tomas Lind.",
            ["Anna Berg", "Tomas Lind"],
        ),
        (
            "“The bridge opens in spring,” said Anna Berg and Tomas Lind.",
            ["Anna Berg", "Tomas Lind"],
        ),
        (
            "Maren Holt and Jun Seo Park said the two governments would open the bridge in spring.",
            ["Maren Holt", "Jun Seo Park"],
        ),
    ] {
        let got = claims(text);
        assert_eq!(got.len(), 1, "{text}: {got:#?}");
        assert_eq!(names(&got[0]), want, "{text}: {got:#?}");
    }
}

/// A joint statement keeps every party, titles and all.
#[test]
fn joint_statements_keep_every_party() {
    let got = claims(
        "In Vellora, Tarsenian Defence Minister Ilsa Marrow and Union foreign \
         policy chief Peder Lund expressed “deep concerns” about the convoy.",
    );
    assert!(
        got.iter()
            .any(|c| names(c).contains(&"Ilsa Marrow") && names(c).contains(&"Peder Lund")),
        "{got:#?}"
    );
}

/// "DUBAI (Reuters) - ...": a dateline is neither source nor content.
#[test]
fn datelines_are_never_sources() {
    for text in [
        "VELLORA (Wirepost) - The ministry of fisheries said on Sunday that the catch had fallen by a third this year.",
        "VELLORA, March 3 (Wirepost) - Tarsenia has seized a tanker in the gulf, the navy said.",
        "VELLORA - Tarsenia said on Sunday it had seized a tanker in the gulf.",
    ] {
        let got = claims(text);
        assert!(!got.is_empty(), "{text}");
        for c in &got {
            assert!(!said(c).contains("VELLORA"), "{text}: {c:#?}");
            for name in names(c) {
                assert!(!name.contains("VELLORA"), "{text}: {c:#?}");
            }
        }
    }
}

/// Quoted fragments inside reported speech keep their marks, and the
/// clause around them is reported, not direct.
#[test]
fn quoted_fragments_inside_reported_speech_keep_their_marks() {
    let got = claims(
        "Speaking in Marren on Tuesday, Ilsa Marrow said she was making “a firm demand” of the council.",
    );
    let clause = got
        .iter()
        .find(|c| said(c).contains("“a firm demand”"))
        .unwrap_or_else(|| panic!("{got:#?}"));
    assert!(clause.quote().is_some_and(|q| !q.direct));
}

/// "Osk Varin continued:" closing one paragraph introduces the quote that
/// opens the next, and a quote of its own keeps no speaker from it.
#[test]
fn a_paragraph_ending_in_a_colon_introduces_the_next_quote() {
    let cases = [
        (
            "Harbour pilot Osk Varin spoke at length. Varin continued:\n\n\
             “The channel has silted up twice since the spring floods.”",
            Some("Osk Varin"),
        ),
        (
            "The tide tables list three dates:\n\n\
             “The channel has silted up twice since the spring floods.”",
            None,
        ),
    ];
    for (text, speaker) in cases {
        let got = claims(text);
        let quote = got
            .iter()
            .find(|c| said(c).starts_with("The channel"))
            .unwrap_or_else(|| panic!("no quote: {got:#?}"));
        assert_eq!(quote.source.name.as_deref(), speaker, "{quote:#?}");
    }
}
