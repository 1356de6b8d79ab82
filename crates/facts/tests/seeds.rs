//! The seed articles (read at run time from the shared data folder): every
//! count must name what it counts in at least 90% of cases, and no year,
//! ordinal, date or duration may become a count.

use crosscheck_facts::{QuantityExtractor, StanceExtractor};
use crosscheck_model::{Bound, Document, Paragraph, ParagraphKind, Polarity, Range};
use crosscheck_text::SentenceSplitter;

/// The seed documents, split into paragraphs and sentences.
fn seeds() -> Vec<Document> {
    let paths = crosscheck_testkit::seed_files();
    let splitter = SentenceSplitter::new();
    let docs = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            let mut paragraphs = Vec::new();
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                let trimmed = line.trim_end();
                if !trimmed.trim().is_empty() {
                    paragraphs.push(Paragraph {
                        range: Range::new(offset, offset + trimmed.len()),
                        kind: ParagraphKind::Body,
                    });
                }
                offset += line.len();
            }
            let mut doc = Document {
                id: p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                text,
                paragraphs,
                ..Document::default()
            };
            doc.sentences = splitter.split_document(&doc.text, &doc.paragraphs);
            doc
        })
        .collect();
    docs
}

/// low, high, bound, approximate, subject, claimant
type SeenFigure = (Option<f64>, Option<f64>, Bound, bool, String, String);
/// low, high, bound, approximate, subject head, claimant part ("" = none)
type ExpectedFigure = (
    Option<f64>,
    Option<f64>,
    Bound,
    bool,
    &'static str,
    &'static str,
);

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn seed_counts_name_their_subject_and_exclude_non_counts() {
    let docs = seeds();
    assert!(!docs.is_empty(), "no seed articles");
    if std::env::var("FACTS_DUMP").is_ok() {
        for doc in &docs {
            for s in &doc.sentences {
                let figures = crosscheck_facts::numbers::read_figures(
                    &doc.text,
                    s.range.start,
                    s.range.end,
                    false,
                );
                for f in figures {
                    eprintln!("reader {:?} {:?}", f.kind, doc.text.get(f.start..f.end));
                }
            }
        }
    }
    let extractor = QuantityExtractor::new();
    let mut seen: Vec<SeenFigure> = Vec::new();
    let mut counts = 0usize;
    let mut with_subject = 0usize;
    let mut bad = Vec::new();
    for doc in &docs {
        for claim in extractor.extract(doc, &[]) {
            assert!(claim.span.is_valid_in(&doc.text), "span {:?}", claim.span);
            let Some(q) = claim.quantity() else {
                panic!("quantity claim without quantity: {}", claim.id)
            };
            assert!(q.span.is_valid_in(&doc.text), "figure span {:?}", q.span);
            eprintln!(
                "{} | {:<28} | {:?}..{:?} {:?} approx={} unit={:?} rate={:?} | subject={:?} | source={:?} ({:?}) hedged={}",
                claim.id,
                q.span.text,
                q.low,
                q.high,
                q.bound,
                q.approximate,
                q.unit,
                q.rate,
                q.subject,
                claim.source.name,
                claim.source.kind,
                claim.hedged
            );
            let text = q.span.text.to_lowercase();
            let looks_like_year = q.unit.is_none()
                && q.low
                    .is_some_and(|v| (1900.0..=2100.0).contains(&v) && v.fract() == 0.0)
                && !text.contains(',');
            let ordinal_or_duration = [
                "first",
                "second",
                "third",
                "fourth",
                "year-long",
                "years",
                "months",
                "-year",
            ]
            .iter()
            .any(|w| text.contains(w))
                && q.unit.is_none();
            if looks_like_year || ordinal_or_duration {
                bad.push(format!("{}: {}", claim.id, q.span.text));
            }
            seen.push((
                q.low,
                q.high,
                q.bound,
                q.approximate,
                q.subject.clone().unwrap_or_default(),
                claim.source.name.clone().unwrap_or_default(),
            ));
            if q.unit.is_none() {
                counts += 1;
                with_subject += usize::from(q.subject.is_some());
            }
        }
    }
    // The troop, shell, drone and casualty figures the five seeds report,
    // with bound, what is counted (head noun) and who claims it ("" = nobody).
    let expected: &[ExpectedFigure] = &[
        (
            Some(14000.0),
            Some(14000.0),
            Bound::Exact,
            true,
            "troops",
            "officials",
        ),
        (
            Some(3000.0),
            Some(3000.0),
            Bound::Exact,
            false,
            "reinforcements",
            "officials",
        ),
        (
            Some(8000.0),
            Some(12000.0),
            Bound::Range,
            true,
            "soldiers",
            "United States",
        ),
        (
            None,
            Some(12000.0),
            Bound::AtMost,
            false,
            "soldiers",
            "leaders",
        ),
        (
            Some(1500.0),
            Some(1500.0),
            Bound::Exact,
            true,
            "soldiers",
            "intelligence",
        ),
        (
            Some(10000.0),
            Some(10000.0),
            Bound::Exact,
            false,
            "soldiers",
            "Zelenskyy",
        ),
        (Some(3e6), Some(3e6), Bound::Exact, false, "shells", "media"),
        (
            Some(50.0),
            Some(50.0),
            Bound::Exact,
            false,
            "drones",
            "Air Defense",
        ),
        (
            Some(80.0),
            Some(80.0),
            Bound::Exact,
            false,
            "drones",
            "Air Defense",
        ),
        (Some(3.0), Some(3.0), Bound::Exact, false, "fatalities", ""),
        (Some(13.0), Some(13.0), Bound::Exact, false, "injuries", ""),
        (Some(1000.0), None, Bound::AtLeast, false, "men", ""),
        // "millions of artillery shells": vague, no number stated.
        (None, None, Bound::Exact, false, "shells", ""),
        (None, Some(0.5), Bound::AtMost, true, "ammunition", "Times"),
    ];
    for (low, high, bound, approx, head, who) in expected {
        let found = seen.iter().any(|(l, h, b, a, subject, source)| {
            l == low
                && h == high
                && b == bound
                && a == approx
                && subject.ends_with(head)
                && if who.is_empty() {
                    source.is_empty()
                } else {
                    source.contains(who)
                }
        });
        assert!(
            found,
            "missing figure {low:?}..{high:?} {bound:?} {head} by {who:?}"
        );
    }
    let share = with_subject as f64 / counts.max(1) as f64;
    eprintln!("seed counts: {counts}, with subject: {with_subject}, share {share:.3}");
    assert!(counts >= 15, "too few counts found in the seeds: {counts}");
    assert!(share >= 0.9, "subject recovered for {share:.3} of counts");
    assert!(bad.is_empty(), "non-counts read as counts: {bad:?}");
}

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn seed_stances_have_actors_and_valid_spans() {
    let docs = seeds();
    let extractor = StanceExtractor::new();
    let mut total = 0;
    let mut seen: Vec<(String, Polarity)> = Vec::new();
    for doc in &docs {
        for claim in extractor.extract(doc, &[]) {
            total += 1;
            assert!(claim.span.is_valid_in(&doc.text), "span {:?}", claim.span);
            let Some(st) = claim.stance() else {
                panic!("stance claim without stance: {}", claim.id)
            };
            assert!(!st.actor.trim().is_empty(), "{}: empty actor", claim.id);
            if let Some(about) = &st.about {
                assert!(about.is_valid_in(&doc.text), "about {about:?}");
            }
            seen.push((st.actor.clone(), st.polarity));
            eprintln!(
                "{} | {:<30} | {:?} | cue={:?} | time={:?} | about={:?} | hedged={}",
                claim.id,
                st.actor,
                st.polarity,
                claim.cue,
                claim.time.as_ref().map(|t| (&t.text, &t.value)),
                st.about.as_ref().map(|a| &a.text),
                claim.hedged
            );
        }
    }
    assert!(total >= 10, "too few stances in the seeds: {total}");
    // Every denial and confirmation the seeds report, by its actor.
    let expected: &[(&str, Polarity)] = &[
        ("North Korea", Polarity::Confirm),
        ("Vladimir Putin", Polarity::Confirm),
        ("Vladimir Putin", Polarity::Acknowledge),
        ("Pyongyang", Polarity::Acknowledge),
        ("Moscow", Polarity::Confirm),
        ("Pyongyang", Polarity::Confirm),
        ("Kovalenko", Polarity::Confirm),
        ("Blinken", Polarity::Confirm),
        ("Kyiv", Polarity::Deny),
        ("Kremlin", Polarity::Deny),
        ("Russia", Polarity::Deny),
        ("North Korea", Polarity::Deny),
        ("Russian officials", Polarity::Deny),
        ("Authorities in North Korea", Polarity::Deny),
        ("Russia", Polarity::NotConfirmed),
        ("North Korea", Polarity::NotConfirmed),
        ("NATO", Polarity::NotConfirmed),
        ("United States", Polarity::NotConfirmed),
        ("U.S.", Polarity::NotConfirmed),
        ("Russian officials", Polarity::NotConfirmed),
        ("White House", Polarity::Condemn),
        ("officials", Polarity::Condemn),
        ("officials", Polarity::Estimate),
        ("United States", Polarity::Estimate),
    ];
    for (actor, polarity) in expected {
        assert!(
            seen.iter()
                .any(|(a, p)| a.ends_with(actor) && p == polarity),
            "missing {polarity:?} by {actor}"
        );
    }
}
