//! Robustness on unseen newswire: the first stories of Reuters-21578 (read at
//! run time) go through both extractors without a panic, every span checks
//! out, no figure is a bare year, and durations carry a time unit.

use crosscheck_facts::{QuantityExtractor, StanceExtractor};
use crosscheck_model::{Bound, Document};
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
            let bare_year = q.unit.is_none()
                && q.span.text.len() == 4
                && q.span
                    .text
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..=2100).contains(&y));
            assert!(!bare_year, "{}: year {:?}", c.id, q.span.text);
            if matches!(q.unit.as_deref(), Some("year" | "month" | "day")) {
                assert_eq!(q.dimension.as_deref(), Some("time"), "{}", c.id);
            }
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
            let counted = q.subject.is_some() || q.unit.is_some();
            with_subject_or_unit += usize::from(counted);
            // Nothing counted and no unit: only a value stated in its own
            // right ("Revs 56.2 mln vs 102.9 mln", "rose to 236,000", a
            // price in fractions, "closed at 127-1/2") or a bounded or
            // hedged one.
            let t = q.span.text.to_lowercase();
            let measured = t.contains(',')
                || t.contains('.')
                || t.contains('/')
                || ["mln", "million", "billion", "bln", "thousand"]
                    .iter()
                    .any(|w| t.contains(w));
            // "the other three were freed": a count whose noun is left out.
            let before = doc.text[..q.span.start].trim_end().to_lowercase();
            let worded = q.span.text.chars().all(char::is_alphabetic);
            let last = before.split_whitespace().last().unwrap_or("");
            let elided = ["other", "remaining", "all", "these", "those", "both"].contains(&last)
                || (worded && last == "the");
            assert!(
                counted
                    || measured
                    || elided
                    || q.bound != Bound::Exact
                    || q.approximate
                    || q.vague,
                "{}: bare {:?}",
                c.id,
                q.span.text
            );
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
    assert!(with_subject_or_unit as f64 >= 0.6 * figures as f64);
}
