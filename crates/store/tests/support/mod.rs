//! Invented articles with claims whose spans really point into their text,
//! shared by the tests and the insert benchmark.

#![allow(dead_code)]

use chrono::NaiveDate;
use crosscheck_model::{
    Bound, Claim, ClaimBody, ClaimKind, Document, EntityType, Mention, Paragraph, ParagraphKind,
    Polarity, Quantity, Quote, Range, Sentence, Source, SourceKind, Span, Stance, TimeExpression,
    TimexType,
};

const OUTLETS: [&str; 4] = [
    "Velmora Harbour Gazette",
    "The Northern Quay",
    "Coastline Wire",
    "Radio Estmark",
];

/// Body paragraphs: each is one sentence, and the claim built from it
/// covers the whole sentence.
const PARAGRAPHS: [(&str, ClaimKind); 4] = [
    (
        "“We will not return until the cranes are safe,” said Ilse Marrow, a union organiser.",
        ClaimKind::Quote,
    ),
    (
        "About 1,200 dock workers joined the strike on Tuesday, the port authority said.",
        ClaimKind::Quantity,
    ),
    (
        "The harbour master denied reports that the eastern pier had been closed.",
        ClaimKind::Stance,
    ),
    (
        "Some 40 cargo ships were waiting offshore, according to a shipping agent who asked not to be named.",
        ClaimKind::Quantity,
    ),
];

/// A document tagged `tag` (its id) with `claims` claims and `repeat`
/// rounds of body paragraphs (about 60 words each round).
pub fn article(tag: &str, claims: usize, repeat: usize) -> (Document, Vec<Claim>) {
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut bodies = Vec::new();

    let title = format!("Velmora dock strike enters its {tag} day");
    push_paragraph(
        &mut text,
        &title,
        ParagraphKind::Headline,
        &mut paragraphs,
        &mut sentences,
    );
    for _ in 0..repeat.max(1) {
        for (body, kind) in PARAGRAPHS {
            let start = push_paragraph(
                &mut text,
                body,
                ParagraphKind::Body,
                &mut paragraphs,
                &mut sentences,
            );
            bodies.push((sentences.len() - 1, start, body, kind));
        }
    }

    let tuesday = text.find("Tuesday").unwrap_or(0);
    let marrow = text.find("Ilse Marrow").unwrap_or(0);
    let n = tag
        .bytes()
        .fold(0u32, |a, b| a.wrapping_mul(31).wrapping_add(u32::from(b)));
    let document = Document {
        id: tag.to_string(),
        source: format!("fixtures/{tag}.txt"),
        url: Some(format!("https://example.org/velmora/{tag}")),
        title: Some(title),
        outlet: Some(OUTLETS[(n % 4) as usize].to_string()),
        author: Some("Petra Quill".to_string()),
        published: NaiveDate::from_ymd_opt(2031, 3, 1 + n % 28),
        published_estimate: None,
        description: None,
        text: text.clone(),
        paragraphs,
        duplicate_of: None,
        story: None,
        format: "txt".to_string(),
        sentences,
        time_expressions: vec![TimeExpression {
            text: "Tuesday".to_string(),
            span: span(&text, tuesday, "Tuesday"),
            value: "2031-03-04".to_string(),
            kind: TimexType::Date,
            granularity: Some("day".to_string()),
            relative: true,
        }],
        mentions: vec![Mention {
            span: span(&text, marrow, "Ilse Marrow"),
            kind: EntityType::Person,
            canonical: Some("Ilse Marrow".to_string()),
            refers_to: None,
        }],
        sourcing: None,
    };

    let claims = (0..claims)
        .map(|i| {
            let (sentence_index, start, body, kind) = bodies[i % bodies.len()];
            claim(&document, i, sentence_index, start, body, kind)
        })
        .collect();
    (document, claims)
}

fn push_paragraph(
    text: &mut String,
    body: &str,
    kind: ParagraphKind,
    paragraphs: &mut Vec<Paragraph>,
    sentences: &mut Vec<Sentence>,
) -> usize {
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    let start = text.len();
    text.push_str(body);
    paragraphs.push(Paragraph {
        range: Range::new(start, text.len()),
        kind,
    });
    sentences.push(Sentence::new(start, text.len()));
    start
}

fn span(text: &str, start: usize, needle: &str) -> Span {
    Span::of(text, start, start + needle.len()).unwrap_or(Span {
        start: 0,
        end: 0,
        text: String::new(),
    })
}

fn claim(
    doc: &Document,
    i: usize,
    sentence_index: usize,
    start: usize,
    body: &str,
    kind: ClaimKind,
) -> Claim {
    let whole = span(&doc.text, start, body);
    let local = |needle: &str| span(&doc.text, start + body.find(needle).unwrap_or(0), needle);
    let mut source = Source::unattributed();
    let mut cue = None;
    let mut hedges = Vec::new();
    let body: ClaimBody = match kind {
        ClaimKind::Quote => {
            source = Source {
                name: Some("Ilse Marrow".to_string()),
                kind: SourceKind::Person,
                role: Some("union organiser".to_string()),
                entity: Some("Ilse Marrow".to_string()),
                span: Some(local("Ilse Marrow")),
            };
            cue = Some("said".to_string());
            let words = "We will not return until the cranes are safe";
            Quote {
                text: words.to_string(),
                direct: true,
                span: local(words),
            }
            .into()
        }
        ClaimKind::Quantity => {
            let (figure, value, subject) = if body.contains("1,200") {
                ("1,200", 1200.0, "dock workers")
            } else {
                ("40", 40.0, "cargo ships")
            };
            hedges = vec![if figure == "40" { "Some" } else { "About" }.to_string()];
            Quantity {
                low: Some(value),
                high: Some(value),
                approximate: true,
                bound: Bound::Exact,
                unit: None,
                dimension: None,
                vague: false,
                subject: Some(subject.to_string()),
                rate: None,
                event: None,
                span: local(figure),
                measure: None,
            }
            .into()
        }
        // A stance (the store treats every other kind alike).
        _ => {
            source = Source {
                name: Some("the harbour master".to_string()),
                kind: SourceKind::Person,
                role: None,
                entity: None,
                span: Some(local("The harbour master")),
            };
            cue = Some("denied".to_string());
            Stance {
                actor: "the harbour master".to_string(),
                polarity: Polarity::Deny,
                about: Some(local("reports that the eastern pier had been closed")),
                matter: Default::default(),
            }
            .into()
        }
    };
    let id = format!("{}:{}:{i}", doc.id, kind.name());
    let mut claim = Claim::new(id, doc.id.clone(), body, sentence_index, whole, source);
    claim.cue = cue;
    claim.hedged = !hedges.is_empty();
    claim.hedges = hedges;
    claim
}

/// A claim's JSON as a store of `version` kept it: at version 1 (ledger
/// schema 1) with its sentence index and text copied in and every payload
/// field written, null or not.
pub fn old_claim_json(claim: &Claim, doc: &Document, version: i64) -> serde_json::Value {
    let mut old = serde_json::to_value(claim).expect("claim JSON");
    if version == 1 {
        if let Some(obj) = old.as_object_mut() {
            obj.insert("sentence_index".into(), claim.sentence.into());
            obj.insert("sentence".into(), claim.sentence_text(doc).into());
            for payload in ["quote", "quantity", "stance"] {
                obj.entry(payload).or_insert(serde_json::Value::Null);
            }
        }
    }
    old
}

/// Checks that what a store loads is exactly the documents and claims
/// `stored` put there (`label` names the case in a failure).
pub fn assert_loaded(
    loaded: (Vec<Document>, Vec<Claim>),
    stored: &[(Document, Vec<Claim>)],
    label: &str,
) {
    let (documents, claims) = loaded;
    let want_docs: Vec<Document> = stored.iter().map(|(d, _)| d.clone()).collect();
    let want_claims: Vec<Claim> = stored.iter().flat_map(|(_, c)| c.clone()).collect();
    assert_eq!(documents, want_docs, "{label}");
    assert_eq!(claims, want_claims, "{label}");
}
