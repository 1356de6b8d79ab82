//! The seed articles (read at run time from the shared data folder): every
//! count must name what it counts in at least 90% of cases, and no year,
//! ordinal, date or duration may become a count.

use std::path::{Path, PathBuf};

use crosscheck_facts::{QuantityExtractor, StanceExtractor};
use crosscheck_model::{Document, Paragraph, ParagraphKind, Range};
use crosscheck_text::SentenceSplitter;

fn shared_dir() -> PathBuf {
    std::env::var_os("CROSSCHECK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// The seed documents, or `None` (after a loud skip) when the data is absent.
fn seeds() -> Option<Vec<Document>> {
    let dir = shared_dir().join("corpus/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("seed corpus missing at {}", dir.display());
        }
        eprintln!("SKIPPED: seed corpus not found at {}", dir.display());
        return None;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
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
    Some(docs)
}

#[test]
fn seed_counts_name_their_subject_and_exclude_non_counts() {
    let Some(docs) = seeds() else { return };
    assert!(!docs.is_empty(), "no seed articles");
    let extractor = QuantityExtractor::new();
    let mut counts = 0usize;
    let mut with_subject = 0usize;
    let mut bad = Vec::new();
    for doc in &docs {
        for claim in extractor.extract(doc, &[]) {
            assert!(claim.span.is_valid_in(&doc.text), "span {:?}", claim.span);
            let Some(q) = &claim.quantity else {
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
                && q.unit.as_deref() != Some("share");
            if looks_like_year || ordinal_or_duration {
                bad.push(format!("{}: {}", claim.id, q.span.text));
            }
            if q.unit.is_none() {
                counts += 1;
                with_subject += usize::from(q.subject.is_some());
            }
        }
    }
    let share = with_subject as f64 / counts.max(1) as f64;
    eprintln!("seed counts: {counts}, with subject: {with_subject}, share {share:.3}");
    assert!(counts >= 15, "too few counts found in the seeds: {counts}");
    assert!(share >= 0.9, "subject recovered for {share:.3} of counts");
    assert!(bad.is_empty(), "non-counts read as counts: {bad:?}");
}

#[test]
fn seed_stances_have_actors_and_valid_spans() {
    let Some(docs) = seeds() else { return };
    let extractor = StanceExtractor::new();
    let mut total = 0;
    for doc in &docs {
        for claim in extractor.extract(doc, &[]) {
            total += 1;
            assert!(claim.span.is_valid_in(&doc.text), "span {:?}", claim.span);
            let Some(st) = &claim.stance else {
                panic!("stance claim without stance: {}", claim.id)
            };
            assert!(!st.actor.trim().is_empty(), "{}: empty actor", claim.id);
            if let Some(about) = &st.about {
                assert!(about.is_valid_in(&doc.text), "about {about:?}");
            }
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
}
