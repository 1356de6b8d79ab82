//! Robustness on unseen newswire: the first stories of Reuters-21578 (read at
//! run time) go through both extractors without a panic, every span checks
//! out, and no figure is a year, date or duration.

use crosscheck_facts::{QuantityExtractor, StanceExtractor};
use crosscheck_model::Document;
use crosscheck_text::SentenceSplitter;

#[derive(serde::Deserialize)]
struct Story {
    text: String,
}

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn reuters_stories_extract_cleanly() {
    let path = crosscheck_testkit::shared("corpus/reuters21578/reuters21578.jsonl");
    let raw = std::fs::read_to_string(&path).expect("Reuters corpus readable");
    let splitter = SentenceSplitter::new();
    let quantities = QuantityExtractor::new();
    let stances = StanceExtractor::new();
    let (mut figures, mut with_subject_or_unit, mut stance_count) = (0usize, 0usize, 0usize);
    let mut events: std::collections::BTreeMap<String, usize> = Default::default();
    for (n, line) in raw.lines().take(1500).enumerate() {
        let Ok(story) = serde_json::from_str::<Story>(line) else {
            continue;
        };
        let mut doc = Document {
            id: format!("reuters-{n}"),
            text: story.text,
            ..Document::default()
        };
        doc.sentences = splitter.split_document(&doc.text, &doc.paragraphs);
        for c in quantities.extract(&doc, &[]) {
            assert!(c.span.is_valid_in(&doc.text), "{}: {:?}", c.id, c.span);
            let Some(q) = c.quantity() else {
                panic!("{}: no quantity", c.id)
            };
            assert!(q.span.is_valid_in(&doc.text));
            assert!(
                q.unit.as_deref() != Some("year") && q.unit.as_deref() != Some("day"),
                "{}: duration {:?}",
                c.id,
                q.span.text
            );
            if std::env::var("FACTS_DUMP").is_ok() && figures % 60 == 0 {
                eprintln!(
                    "{:<30} {:?}..{:?} {:?} unit={:?} subj={:?} src={:?} rate={:?}",
                    q.span.text, q.low, q.high, q.bound, q.unit, q.subject, c.source.name, q.rate
                );
            }
            if let Some(e) = &q.event {
                *events.entry(e.clone()).or_default() += 1;
                if std::env::var("FACTS_EVENTS").is_ok() {
                    eprintln!("event {e:<12} {:<28} {:?}", q.span.text, q.subject);
                }
            }
            figures += 1;
            with_subject_or_unit += usize::from(q.subject.is_some() || q.unit.is_some());
        }
        for c in stances.extract(&doc, &[]) {
            if std::env::var("FACTS_DUMP").is_ok() {
                if let Some(st) = c.stance() {
                    eprintln!(
                        "stance {:<28} {:?} cue={:?} about={:?}",
                        st.actor,
                        st.polarity,
                        c.cue,
                        st.about
                            .as_ref()
                            .map(|a| a.text.chars().take(50).collect::<String>())
                    );
                }
            }
            assert!(c.span.is_valid_in(&doc.text), "{}: {:?}", c.id, c.span);
            stance_count += 1;
        }
    }
    eprintln!(
        "figures {figures}, with subject or unit {with_subject_or_unit}, stances {stance_count}, events {events:?}"
    );
    assert!(figures > 1000, "too few figures: {figures}");
    assert!(with_subject_or_unit as f64 >= 0.8 * figures as f64);
}
