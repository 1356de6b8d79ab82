//! Table-driven checks on invented sentences (fictional people and events;
//! real countries and cities): recognition, canonical names, acronyms,
//! metonymy and cross-document merging.

use crosscheck_model::{Document, EntityType, Mention, Sentence};
use crosscheck_ner::{resolve_entities, EntityRecognizer};

/// Sentences: one per line.
fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            out.push(Sentence::new(at, at + line.trim_end().len()));
        }
        at += line.len();
    }
    out
}

fn mentions(text: &str) -> Vec<Mention> {
    EntityRecognizer::new().recognize(text, &sentences(text))
}

fn find<'a>(ms: &'a [Mention], surface: &str) -> Option<&'a Mention> {
    ms.iter().find(|m| m.span.text == surface)
}

#[test]
fn shipped_model_loads() {
    assert!(EntityRecognizer::try_new().is_ok());
}

#[test]
fn recognises_types_in_news_sentences() {
    let cases: &[(&str, &str, EntityType)] = &[
        (
            "Finance minister Ilse Vogt flew to Madrid on Monday.",
            "Ilse Vogt",
            EntityType::Person,
        ),
        (
            "Finance minister Ilse Vogt flew to Madrid on Monday.",
            "Madrid",
            EntityType::Location,
        ),
        (
            "Officials in Ukraine and Poland signed the deal.",
            "Ukraine",
            EntityType::Country,
        ),
        (
            "Officials in Ukraine and Poland signed the deal.",
            "Poland",
            EntityType::Country,
        ),
        (
            "Russian President Vladimir Putin spoke by phone.",
            "Russian",
            EntityType::Group,
        ),
        (
            "Russian President Vladimir Putin spoke by phone.",
            "Vladimir Putin",
            EntityType::Person,
        ),
        (
            "The talks were hosted by the United Nations in Geneva.",
            "United Nations",
            EntityType::Organization,
        ),
        (
            "Hundreds of North Korean soldiers were seen near the border.",
            "North Korean",
            EntityType::Group,
        ),
        (
            "Analysts at Meridian Capital said the Kremlin had miscalculated.",
            "Kremlin",
            EntityType::Location,
        ),
    ];
    for (text, surface, kind) in cases {
        let ms = mentions(text);
        let m =
            find(&ms, surface).unwrap_or_else(|| panic!("{surface} not found in {text}: {ms:?}"));
        assert_eq!(m.kind, *kind, "{surface} in {text}");
        assert!(m.span.is_valid_in(text));
    }
}

#[test]
fn spans_are_exact_and_never_panic() {
    let texts = [
        "",
        "   ",
        "ÉÀ — «Zürich» 'quoted' … (KCNA) 14,000 U.S.",
        "Kim Jong-un’s envoy met Pyongyang’s delegation.",
        "\u{200b}Moscow\u{feff} said",
    ];
    for text in texts {
        for m in mentions(text) {
            assert!(m.span.is_valid_in(text), "{m:?} in {text:?}");
        }
    }
    // Sentence ranges out of bounds or off char boundaries are tolerated.
    let text = "Putin met Kim in Moscow.";
    let bad = [Sentence::new(3, 400), Sentence::new(2, 1)];
    let _ = EntityRecognizer::new().recognize(text, &bad);
}

#[test]
fn canonical_names_within_a_document() {
    let text = "Prime Minister Anika Sorensen called a snap election on Monday.\n\
                Sorensen said the vote would take place in May.\n\
                The Korean Central News Agency (KCNA) carried the statement.\n\
                KCNA later withdrew it.\n";
    let ms = mentions(text);
    let cases = [
        ("Anika Sorensen", "Anika Sorensen"),
        ("Sorensen", "Anika Sorensen"),
        ("KCNA", "Korean Central News Agency"),
    ];
    for (surface, canonical) in cases {
        let m = ms
            .iter()
            .find(|m| m.span.text == surface)
            .unwrap_or_else(|| panic!("{surface} missing: {ms:?}"));
        assert_eq!(m.canonical.as_deref(), Some(canonical), "{surface}");
    }
    // The title is not part of the person's span.
    assert!(find(&ms, "Prime Minister Anika Sorensen").is_none());
}

#[test]
fn metonymy_marks_governments_not_places() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "Moscow denied the report on Tuesday.",
            "Moscow",
            Some("Russia"),
        ),
        (
            "The delegation arrived in Moscow on Tuesday.",
            "Moscow",
            None,
        ),
        (
            "Pyongyang said the drills were defensive.",
            "Pyongyang",
            Some("North Korea"),
        ),
        ("Kyiv welcomed the decision.", "Kyiv", Some("Ukraine")),
        (
            "Washington imposed new sanctions.",
            "Washington",
            Some("United States"),
        ),
        (
            "A spokesman for the White House declined to comment.",
            "White House",
            Some("United States"),
        ),
    ];
    for (text, surface, referent) in cases {
        let ms = mentions(text);
        let m =
            find(&ms, surface).unwrap_or_else(|| panic!("{surface} not found in {text}: {ms:?}"));
        assert_eq!(m.refers_to.as_deref(), *referent, "{text}");
    }
}

fn doc(id: &str, text: &str) -> Document {
    let recognizer = EntityRecognizer::new();
    let sentences = sentences(text);
    Document {
        id: id.to_string(),
        text: text.to_string(),
        mentions: recognizer.recognize(text, &sentences),
        sentences,
        ..Document::default()
    }
}

#[test]
fn entities_merge_across_documents() {
    let docs = [
        doc(
            "a",
            "Ukrainian President Volodymyr Zelenskyy met Vladimir Putin's envoy in Istanbul.\n\
             The Kremlin said Putin was ready to talk.\n\
             The Korean Central News Agency reported that Kim Jong Un had sent a message.\n",
        ),
        doc(
            "b",
            "Zelensky told reporters in Kyiv that Moscow could not be trusted.\n\
             KCNA said Kim Jong-un had praised the troops.\n\
             Putin did not comment.\n",
        ),
    ];
    let entities = resolve_entities(&docs);
    let entity_of = |doc: &str, surface: &str| {
        entities
            .iter()
            .find(|e| {
                e.mentions
                    .iter()
                    .any(|m| &*m.doc == doc && m.span.text == surface)
            })
            .unwrap_or_else(|| panic!("no entity for {surface} in {doc}: {entities:#?}"))
    };
    let groups: &[(&str, &str, &str, &str)] = &[
        ("a", "Volodymyr Zelenskyy", "b", "Zelensky"),
        ("a", "Vladimir Putin", "b", "Putin"),
        ("a", "Putin", "b", "Putin"),
        ("a", "Kim Jong Un", "b", "Kim Jong-un"),
        ("a", "Korean Central News Agency", "b", "KCNA"),
    ];
    for (d1, s1, d2, s2) in groups {
        let e1 = entity_of(d1, s1);
        let e2 = entity_of(d2, s2);
        assert_eq!(e1.id, e2.id, "{s1} / {s2}");
    }
    assert_eq!(entity_of("a", "Putin").name, "Vladimir Putin");
    assert_eq!(entity_of("b", "KCNA").name, "Korean Central News Agency");

    // Metonyms point at the country's entity and keep their own identity.
    let kremlin = entity_of("a", "Kremlin");
    let moscow = entity_of("b", "Moscow");
    assert_eq!(kremlin.refers_to, moscow.refers_to);
    let russia_id = kremlin.refers_to.clone().expect("Kremlin refers to Russia");
    let russia = entities
        .iter()
        .find(|e| e.id == russia_id)
        .expect("referent exists");
    assert_eq!(russia.name, "Russia");
    assert_ne!(kremlin.id, russia.id);

    // Places carry coordinates; people do not.
    let kyiv = entity_of("b", "Kyiv");
    assert!(kyiv.coordinates.is_some());
    assert!(entity_of("b", "Zelensky").coordinates.is_none());

    // Every mention span is exact in its document.
    for e in &entities {
        for m in &e.mentions {
            let d = docs.iter().find(|d| *d.id == *m.doc).expect("doc");
            assert!(m.span.is_valid_in(&d.text));
        }
    }
}

#[test]
fn arbitrary_text_never_panics() {
    // A fixed pseudo-random stream of characters from a mixed alphabet,
    // with sentence ranges that may cut characters or run past the end.
    let alphabet: Vec<char> = "aZ .,'’-\n\t()\"“”KimJongUn Moscow 14,000 é漢🙂\u{0301}USA"
        .chars()
        .collect();
    let mut rng = crosscheck_testkit::XorShift::new(0x2545_f491_4f6c_dd1d);
    let recognizer = EntityRecognizer::new();
    for _ in 0..300 {
        let len = rng.below(120);
        let text: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let a = rng.below(text.len() + 3);
        let b = rng.below(text.len() + 3);
        let sentences = [
            Sentence::new(a.min(b), a.max(b)),
            Sentence::new(0, text.len()),
        ];
        let ms = recognizer.recognize(&text, &sentences);
        for m in &ms {
            assert!(m.span.is_valid_in(&text));
        }
        let d = Document {
            id: "x".into(),
            text: text.clone(),
            mentions: ms,
            ..Document::default()
        };
        let _ = resolve_entities(&[d]);
    }
}
