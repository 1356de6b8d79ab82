//! Parts read back exactly as written, reruns replace them, and damaged
//! parts are refused with the file named.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use crosscheck_columnar::{part_names, read_part, PartWriter};
use crosscheck_model::{
    Bound, Claim, ClaimTime, DateEstimate, Document, EntityType, Measure, Mention, Paragraph,
    ParagraphKind, Polarity, Quantity, Quote, Range, Sentence, Source, SourceKind, Sourcing, Span,
    Stance, TimeExpression, TimexType,
};

const TEXT: &str =
    "Port of Velm reopens\n\nMayor Ona Pell said: “About 4,000 ships a year will call.” \
The harbour board denied reports of a strike on Monday.";

fn span(text: &str, part: &str) -> Span {
    let start = text.find(part).expect("the part is in the text");
    Span::of(text, start, start + part.len()).expect("on character boundaries")
}

/// A document with every field set, and one claim of each kind with every
/// optional field set (and one with them empty).
fn story(id: &str) -> (Document, Vec<Claim>) {
    let text = TEXT;
    let doc = Document {
        id: id.into(),
        source: format!("wire.jsonl#{id}"),
        url: Some("https://example.invalid/velm".into()),
        title: Some("Port of Velm reopens".into()),
        outlet: Some("Velm Courier".into()),
        author: Some("R. Aldous".into()),
        published: NaiveDate::from_ymd_opt(2031, 5, 6),
        published_estimate: Some(DateEstimate {
            earliest: NaiveDate::from_ymd_opt(2031, 5, 1),
            latest: None,
            basis: "a test".into(),
            weak: true,
        }),
        description: Some("The port opens again.".into()),
        text: text.into(),
        paragraphs: vec![
            Paragraph {
                range: Range::new(0, 20),
                kind: ParagraphKind::Headline,
            },
            Paragraph {
                range: Range::new(22, text.len()),
                kind: ParagraphKind::Body,
            },
        ],
        duplicate_of: Some("d0".into()),
        story: Some("s1".into()),
        format: "jsonl".into(),
        sentences: vec![Sentence::new(0, 20), Sentence::new(22, text.len())],
        time_expressions: vec![TimeExpression {
            text: "Monday".into(),
            span: span(text, "Monday"),
            value: "2031-05-05".into(),
            kind: TimexType::Date,
            granularity: Some("day".into()),
            relative: true,
        }],
        mentions: vec![
            Mention {
                span: span(text, "Velm"),
                kind: EntityType::Location,
                canonical: Some("Velm".into()),
                refers_to: None,
            },
            Mention {
                span: span(text, "Ona Pell"),
                kind: EntityType::Person,
                canonical: Some("Ona Pell".into()),
                refers_to: Some("Velm".into()),
            },
        ],
        sourcing: Some(Sourcing {
            named: 1,
            organization: 1,
            anonymous: 0,
            unattributed: 0,
            anonymous_share: 0.0,
            hedged: 1,
            single_source_figures: 1,
            claims: 3,
        }),
    };
    let pell = Source {
        name: Some("Ona Pell".into()),
        kind: SourceKind::Person,
        role: Some("Mayor".into()),
        entity: Some("per-ona-pell".into()),
        span: Some(span(text, "Mayor Ona Pell")),
    };
    let mut quote = Claim::new(
        format!("{id}:quote:0"),
        id.into(),
        Quote {
            text: "About 4,000 ships a year will call.".into(),
            direct: true,
            span: span(text, "About 4,000 ships a year will call."),
        },
        1,
        span(
            text,
            "Mayor Ona Pell said: “About 4,000 ships a year will call.”",
        ),
        pell.clone(),
    );
    quote.co_sources = vec![
        Source {
            name: Some("Velm".into()),
            kind: SourceKind::Organization,
            role: None,
            entity: None,
            span: Some(span(text, "Velm")),
        },
        Source::unattributed(),
    ];
    quote.cue = Some("said".into());
    quote.channel = Some("statement".into());
    quote.hedged = true;
    quote.hedges = vec!["will".into()];
    quote.time = Some(ClaimTime {
        text: "on Monday".into(),
        value: "2031-05-05".into(),
    });
    let set = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<BTreeSet<_>>();
    let figure = Claim::new(
        format!("{id}:quantity:0"),
        id.into(),
        Quantity {
            low: Some(4000.0),
            high: None,
            approximate: true,
            bound: Bound::AtLeast,
            unit: Some("ship".into()),
            dimension: Some("count".into()),
            vague: true,
            subject: Some("ships".into()),
            rate: Some("a year".into()),
            event: Some("call".into()),
            span: span(text, "4,000"),
            measure: Some(Measure {
                head: "ship".into(),
                entities: set(&["velm"]),
                modifiers: BTreeSet::new(),
                actions: set(&["call", "dock"]),
            }),
        },
        1,
        span(text, "About 4,000 ships a year"),
        pell,
    );
    let denial = Claim::new(
        format!("{id}:stance:0"),
        id.into(),
        Stance {
            actor: "The harbour board".into(),
            polarity: Polarity::Deny,
            about: Some(span(text, "reports of a strike")),
            matter: set(&["strike"]),
        },
        1,
        span(
            text,
            "The harbour board denied reports of a strike on Monday.",
        ),
        Source::unattributed(),
    );
    let bare = Claim::new(
        format!("{id}:stance:1"),
        id.into(),
        Stance {
            actor: "The harbour board".into(),
            polarity: Polarity::NotConfirmed,
            about: None,
            matter: BTreeSet::new(),
        },
        1,
        span(text, "The harbour board"),
        Source::unattributed(),
    );
    (doc, vec![quote, figure, denial, bare])
}

#[test]
fn a_part_reads_back_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let stories: Vec<_> = ["d2", "d1", "d3"].iter().map(|id| story(id)).collect();
    let mut part = PartWriter::create(dir.path(), "shard-000").unwrap();
    for (doc, claims) in &stories {
        part.add(doc, claims, &[]).unwrap();
    }
    let stats = part.finish().unwrap();
    assert_eq!((stats.documents, stats.mentions, stats.claims), (3, 6, 12));
    assert_eq!(part_names(dir.path()).unwrap(), ["shard-000"]);

    let back = read_part(dir.path(), "shard-000").unwrap();
    let documents: Vec<Document> = stories.iter().map(|(d, _)| d.clone()).collect();
    let claims: Vec<Claim> = stories.iter().flat_map(|(_, c)| c.clone()).collect();
    assert_eq!(back.documents, documents, "documents in input order");
    assert_eq!(back.claims, claims);
}

#[test]
fn a_document_without_estimate_or_mentions_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document {
        id: "plain".into(),
        text: "Nothing happened.".into(),
        format: "txt".into(),
        ..Document::default()
    };
    let mut part = PartWriter::create(dir.path(), "p").unwrap();
    part.add(&doc, [], &[]).unwrap();
    part.finish().unwrap();
    let back = read_part(dir.path(), "p").unwrap();
    assert_eq!(back.documents, [doc]);
    assert!(back.claims.is_empty());
}

#[test]
fn a_rerun_replaces_the_part_and_leaves_no_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    for ids in [&["a", "b"][..], &["c"][..]] {
        let mut part = PartWriter::create(dir.path(), "shard-1").unwrap();
        for id in ids {
            let (doc, claims) = story(id);
            part.add(&doc, &claims, &[]).unwrap();
        }
        part.finish().unwrap();
    }
    let back = read_part(dir.path(), "shard-1").unwrap();
    let ids: Vec<&str> = back.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["c"]);
    for table in ["documents", "mentions", "claims"] {
        let files: Vec<String> = std::fs::read_dir(dir.path().join(table))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(files, ["shard-1.parquet"], "{table}");
    }
}

#[test]
fn an_unfinished_part_is_invisible_and_a_mixed_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, claims) = story("a");
    let mut part = PartWriter::create(dir.path(), "s").unwrap();
    part.add(&doc, &claims, &[]).unwrap();
    drop(part);
    assert!(part_names(dir.path()).unwrap().is_empty());

    let mut part = PartWriter::create(dir.path(), "s").unwrap();
    part.add(&doc, &claims, &[]).unwrap();
    part.finish().unwrap();
    let claims_file = dir.path().join("claims/s.parquet");
    std::fs::copy(&claims_file, dir.path().join("kept.parquet")).unwrap();
    let mut part = PartWriter::create(dir.path(), "s").unwrap();
    part.add(&doc, &claims, &[]).unwrap();
    part.finish().unwrap();
    // The claims of the first run beside the documents of the second.
    std::fs::copy(dir.path().join("kept.parquet"), &claims_file).unwrap();
    let err = read_part(dir.path(), "s").unwrap_err().to_string();
    assert!(err.contains("different runs"), "{err}");

    std::fs::write(dir.path().join("claims/s.parquet"), b"not parquet").unwrap();
    let err = read_part(dir.path(), "s").unwrap_err().to_string();
    assert!(err.contains("claims/s.parquet"), "{err}");
}

#[test]
fn part_names_are_file_names() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["", ".hidden", "a/b", "sp ace"] {
        assert!(PartWriter::create(dir.path(), bad).is_err(), "{bad:?}");
    }
}

#[test]
fn every_column_is_documented_and_dates_are_dates() {
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/parquet.md"
    ))
    .unwrap();
    let tables = [
        crosscheck_columnar::document_fields().unwrap(),
        crosscheck_columnar::mention_fields().unwrap(),
        crosscheck_columnar::claim_fields().unwrap(),
    ];
    for field in tables.iter().flatten() {
        assert!(
            docs.contains(&format!("`{}`", field.name())),
            "docs/parquet.md does not describe column {}",
            field.name()
        );
    }
    let published = tables[0].iter().find(|f| f.name() == "published").unwrap();
    assert_eq!(published.data_type(), &arrow_schema::DataType::Date32);
}
