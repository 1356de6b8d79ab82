//! Cross-document decisions on invented stories built in code.

use crosscheck_ledger::fixture::{
    self, anonymous, at, organization, person, ArticleBuilder, Figure,
};
use crosscheck_ledger::{build_ledger, sourcing_ranking};
use crosscheck_model::{Claim, Document, Ledger, Polarity, PropositionStatus};

fn story() -> Ledger {
    let (documents, claims) = fixture::story();
    build_ledger(documents, claims)
}

#[test]
fn story_groups_troop_figures_into_one_evolving_proposition() {
    let ledger = story();
    let troops = ledger
        .propositions
        .iter()
        .find(|p| p.values.len() == 4)
        .unwrap_or_else(|| panic!("no 4-value proposition: {:#?}", ledger.propositions));
    assert_eq!(troops.label, "Veloran troops");
    assert_eq!(
        troops.status,
        PropositionStatus::Evolving,
        "{}",
        troops.explanation
    );
    let docs: Vec<&str> = troops.values.iter().map(|v| v.doc.as_str()).collect();
    assert_eq!(
        docs,
        ["herald-1", "coastline-1", "meridian-1", "riverside-1"]
    );
    assert!(
        troops
            .explanation
            .contains("1,200 (Ostrian intelligence, 2031-03-01)"),
        "{}",
        troops.explanation
    );
    assert!(
        troops
            .explanation
            .contains("up to 12,000 (Marek Tol, 2031-04-12)"),
        "{}",
        troops.explanation
    );
    assert!(
        troops.explanation.starts_with("A series over time"),
        "{}",
        troops.explanation
    );
    // Kitchens and trucks are other things, each told by one source.
    for label in ["field kitchens", "trucks crossing the bridge at Kell"] {
        let p = ledger.propositions.iter().find(|p| p.label == label);
        assert_eq!(
            p.map(|p| p.status),
            Some(PropositionStatus::SingleSource),
            "{label}"
        );
    }
}

/// One figure for a two- or three-document proposition: (doc, date, figure).
type Report<'a> = (&'a str, Option<&'a str>, Figure<'a>);

fn ledger_of(reports: &[Report]) -> Ledger {
    ledger_in(reports, Some("Orrin"))
}

/// The reports, each a sentence about the valley named `place` (`None`:
/// a sentence and headline that name no place).
fn ledger_in(reports: &[Report], place: Option<&str>) -> Ledger {
    let mut documents: Vec<Document> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    for (i, (doc, date, figure)) in reports.iter().enumerate() {
        let mut a = ArticleBuilder::new(doc, &format!("Outlet {doc}"), "Harvest report");
        if let Some(date) = date {
            a = a.published(date);
        }
        let valley = place.map_or("the valley".to_string(), |p| format!("the {p} valley"));
        let s = a.sentence(&format!("Officials counted {} in {valley}.", figure.text));
        if let Some(place) = place {
            a.mention(s, place, crosscheck_model::EntityType::Location, None, None);
        }
        a.figure(s, figure.clone(), organization(&format!("Source {i}")));
        let (d, c) = a.build();
        if let Some(existing) = documents.iter().position(|x| x.id == d.id) {
            // Same document: append the claim with a fresh id.
            let mut c = c;
            for (k, claim) in c.iter_mut().enumerate() {
                claim.id = format!("{}:extra:{i}:{k}", d.id);
            }
            claims.extend(c);
            let _ = existing;
        } else {
            documents.push(d);
            claims.extend(c);
        }
    }
    build_ledger(documents, claims)
}

#[test]
fn status_decisions() {
    let g = "grain silos";
    let cases: Vec<(&str, Vec<Report>, PropositionStatus)> = vec![
        (
            "one document",
            vec![("a", Some("2030-05-01"), Figure::exact("12", 12.0, g))],
            PropositionStatus::SingleSource,
        ),
        (
            "two figures in one document",
            vec![
                ("a", Some("2030-05-01"), Figure::exact("12", 12.0, g)),
                ("a", Some("2030-05-01"), Figure::exact("30", 30.0, g)),
            ],
            PropositionStatus::SingleSource,
        ),
        (
            "same value twice",
            vec![
                ("a", Some("2030-05-01"), Figure::exact("12", 12.0, g)),
                ("b", Some("2030-05-03"), Figure::exact("12", 12.0, g)),
            ],
            PropositionStatus::Consistent,
        ),
        (
            "value inside a range",
            vec![
                (
                    "a",
                    Some("2030-05-01"),
                    Figure::range("10 to 14", 10.0, 14.0, g),
                ),
                ("b", Some("2030-05-03"), Figure::exact("12", 12.0, g)),
            ],
            PropositionStatus::Consistent,
        ),
        (
            "approximate values within tolerance",
            vec![
                (
                    "a",
                    Some("2030-05-01"),
                    Figure::about("about 100", 100.0, g),
                ),
                ("b", Some("2030-05-03"), Figure::exact("108", 108.0, g)),
            ],
            PropositionStatus::Consistent,
        ),
        (
            "exact values differ on one day",
            vec![
                ("a", Some("2030-05-01"), Figure::exact("100", 100.0, g)),
                ("b", Some("2030-05-01"), Figure::exact("108", 108.0, g)),
            ],
            PropositionStatus::Conflicting,
        ),
        (
            "rising over time",
            vec![
                ("a", Some("2030-05-01"), Figure::exact("10", 10.0, g)),
                ("b", Some("2030-05-09"), Figure::exact("20", 20.0, g)),
                ("c", Some("2030-05-20"), Figure::exact("35", 35.0, g)),
            ],
            PropositionStatus::Evolving,
        ),
        (
            "up and down over time: a stock may fall",
            vec![
                ("a", Some("2030-05-01"), Figure::exact("10", 10.0, g)),
                ("b", Some("2030-05-09"), Figure::exact("40", 40.0, g)),
                ("c", Some("2030-05-20"), Figure::exact("15", 15.0, g)),
            ],
            PropositionStatus::Evolving,
        ),
        (
            "a death toll that falls later",
            vec![
                (
                    "a",
                    Some("2030-05-01"),
                    Figure::exact("40", 40.0, "villagers killed"),
                ),
                (
                    "b",
                    Some("2030-05-09"),
                    Figure::exact("15", 15.0, "villagers killed"),
                ),
            ],
            PropositionStatus::Conflicting,
        ),
        (
            "different values, no dates: not said to be the same time",
            vec![
                ("a", None, Figure::exact("10", 10.0, g)),
                ("b", None, Figure::exact("40", 40.0, g)),
            ],
            PropositionStatus::Evolving,
        ),
        (
            "open bound agrees",
            vec![
                ("a", Some("2030-05-01"), Figure::up_to("up to 50", 50.0, g)),
                ("b", Some("2030-05-04"), Figure::exact("45", 45.0, g)),
            ],
            PropositionStatus::Consistent,
        ),
    ];
    for (name, reports, want) in cases {
        let ledger = ledger_of(&reports);
        assert_eq!(
            ledger.propositions.len(),
            1,
            "{name}: {:#?}",
            ledger.propositions
        );
        let p = &ledger.propositions[0];
        assert_eq!(p.status, want, "{name}: {}", p.explanation);
        assert!(!p.explanation.is_empty(), "{name}");
    }
}

/// Two reports whose sentences and headlines name nothing ("Officials
/// counted 100 grain silos in the valley."): which valley, which silos?
/// Different figures are not set against each other; the same figure
/// still agrees.
#[test]
fn figures_tied_to_nothing_named_are_not_a_conflict() {
    let g = "grain silos";
    let differ = ledger_in(
        &[
            ("a", Some("2030-05-01"), Figure::exact("100", 100.0, g)),
            ("b", Some("2030-05-01"), Figure::exact("108", 108.0, g)),
        ],
        None,
    );
    let p = &differ.propositions[0];
    assert_eq!(
        p.status,
        PropositionStatus::SingleSource,
        "{}",
        p.explanation
    );
    let agree = ledger_in(
        &[
            ("a", Some("2030-05-01"), Figure::exact("108", 108.0, g)),
            (
                "b",
                Some("2030-05-01"),
                Figure::about("about 105", 105.0, g),
            ),
        ],
        None,
    );
    let p = &agree.propositions[0];
    assert_eq!(p.status, PropositionStatus::Consistent, "{}", p.explanation);
}

#[test]
fn grouping_decisions() {
    let cases = [
        (
            "North Veloran troops",
            "Veloran soldiers sent to Ostria",
            true,
        ),
        ("North Veloran troops", "South Veloran troops", false),
        ("civilian casualties", "military casualties", false),
        ("wounded soldiers", "soldiers killed in the fighting", false),
        ("tonnes of grain", "grain tonnes", false),
        ("some 300 refugees", "refugees", true),
        ("Ostrian refugees", "refugees who crossed into Velora", true),
    ];
    for (a, b, same) in cases {
        let ledger = ledger_of(&[
            ("a", Some("2030-05-01"), Figure::exact("300", 300.0, a)),
            ("b", Some("2030-05-02"), Figure::exact("300", 300.0, b)),
        ]);
        let grouped = ledger.propositions.len() == 1;
        assert_eq!(grouped, same, "{a} | {b}: {:#?}", ledger.propositions);
    }
}

#[test]
fn units_must_agree() {
    let (mut documents, mut claims) = (Vec::new(), Vec::new());
    for (doc, unit) in [("a", Some("km")), ("b", None)] {
        let mut a = ArticleBuilder::new(doc, "Outlet", "Road");
        let s = a.sentence("The new road is 40 long.");
        let c = a.figure(
            s,
            Figure::exact("40", 40.0, "new road"),
            organization("Ministry"),
        );
        if let Some(q) = c.quantity_mut() {
            q.unit = unit.map(str::to_string);
        }
        let (d, c) = a.build();
        documents.push(d);
        claims.extend(c);
    }
    assert_eq!(build_ledger(documents, claims).propositions.len(), 2);
}

#[test]
fn stance_timeline_follows_the_government_through_its_aliases() {
    let ledger = story();
    let velora = ledger
        .stance_timelines
        .iter()
        .find(|t| t.actor == "Velora")
        .unwrap_or_else(|| panic!("{:#?}", ledger.stance_timelines));
    let steps: Vec<(Polarity, Option<&str>)> = velora
        .steps
        .iter()
        .map(|s| (s.polarity, s.date.as_deref()))
        .collect();
    assert_eq!(
        steps,
        [
            (Polarity::Deny, Some("2031-03-02")),
            (Polarity::NotConfirmed, Some("2031-03-20")),
            (Polarity::Acknowledge, Some("2031-04-10")),
            // The claim's own date ("on Monday"), not its article's.
            (Polarity::Confirm, Some("2031-04-11")),
        ]
    );
    assert!(velora.changed);
    assert_eq!(
        ledger.stance_timelines.first().map(|t| t.changed),
        Some(true)
    );
}

#[test]
fn stance_changes() {
    use Polarity::*;
    let cases: [(&[Polarity], bool); 5] = [
        (&[Deny, Confirm], true),
        (&[Deny, NotConfirmed], false),
        (&[Confirm, Acknowledge], false),
        (&[Acknowledge, Deny], true),
        (&[Deny, Condemn, Deny], false),
    ];
    for (polarities, changed) in cases {
        let (mut documents, mut claims) = (Vec::new(), Vec::new());
        for (i, polarity) in polarities.iter().enumerate() {
            let id = format!("d{i}");
            let mut a = ArticleBuilder::new(&id, "Outlet", "Dam")
                .published(&format!("2030-06-{:02}", i + 1));
            let s = a.sentence("The Harbour Authority responded to the claims about the dam leak.");
            a.stance(
                s,
                "the Harbour Authority",
                *polarity,
                "the dam leak",
                organization("Harbour Authority"),
            );
            let (d, c) = a.build();
            documents.push(d);
            claims.extend(c);
        }
        let ledger = build_ledger(documents, claims);
        assert_eq!(ledger.stance_timelines.len(), 1, "{polarities:?}");
        assert_eq!(ledger.stance_timelines[0].actor, "Harbour Authority");
        assert_eq!(
            ledger.stance_timelines[0].changed, changed,
            "{polarities:?}"
        );
    }
}

#[test]
fn quote_variants_across_outlets() {
    let ledger = story();
    let tol = ledger
        .quote_groups
        .iter()
        .find(|g| g.speaker == "Marek Tol")
        .unwrap_or_else(|| panic!("{:#?}", ledger.quote_groups));
    assert_eq!(tol.claims.len(), 2);
    assert_eq!(tol.variants.len(), 1);
    let docs: Vec<&str> = tol.variants[0]
        .iter()
        .map(|id| id.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(docs, ["herald-1", "coastline-1"]);
    // Anonymous sources are not speakers.
    assert!(ledger
        .quote_groups
        .iter()
        .all(|g| !g.speaker.contains("official")));
}

#[test]
fn identical_quotes_are_not_variants() {
    let (mut documents, mut claims) = (Vec::new(), Vec::new());
    for id in ["a", "b"] {
        let mut a = ArticleBuilder::new(id, id, "Bridge");
        let s = a.sentence("“The bridge opens in May,” said Ida Brenn.");
        a.quote(s, "The bridge opens in May", "said", person("Ida Brenn"));
        let (d, c) = a.build();
        documents.push(d);
        claims.extend(c);
    }
    let ledger = build_ledger(documents, claims);
    assert_eq!(ledger.quote_groups.len(), 1);
    assert!(ledger.quote_groups[0].variants.is_empty());
}

#[test]
fn most_anonymous_article_ranks_first() {
    let ledger = story();
    let ranking = sourcing_ranking(&ledger);
    assert_eq!(ranking.first().map(|r| r.0.as_str()), Some("meridian-1"));
    let shares: Vec<f64> = ranking.iter().map(|r| r.1).collect();
    assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");
    let meridian = ledger.documents.iter().find(|d| d.id == "meridian-1");
    let sourcing = meridian
        .and_then(|d| d.sourcing.clone())
        .unwrap_or_default();
    assert_eq!((sourcing.anonymous, sourcing.claims), (3, 4));
    assert_eq!(sourcing.hedged, 2);
    // The kitchens figure is told by nobody else; "about 9,000" troops fits
    // under another outlet's "up to 12,000".
    assert_eq!(sourcing.single_source_figures, 1);
    assert_eq!(
        ledger.outlets.first().map(|o| o.outlet.as_str()),
        Some("The Meridian Post")
    );
}

#[test]
fn timeline_orders_documents_and_dated_claims() {
    let ledger = story();
    let dates: Vec<&str> = ledger
        .timeline
        .iter()
        .filter_map(|e| e.date.as_deref())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let meridian = ledger
        .timeline
        .iter()
        .find(|e| e.doc == "meridian-1" && e.claim.is_none());
    assert_eq!(meridian.map(|e| e.date_estimated), Some(true));
    let monday = ledger
        .timeline
        .iter()
        .find(|e| e.date.as_deref() == Some("2031-03-01"));
    assert!(monday.is_some_and(|e| e.claim.is_some() && e.summary.contains("1,200")));
    // Every document appears, undated ones after the dated ones.
    let (mut documents, mut claims) = fixture::story();
    let (undated, c) = ArticleBuilder::new("undated-1", "Nowhere Gazette", "Untimed").build();
    documents.insert(0, undated);
    claims.extend(c);
    let ledger = build_ledger(documents, claims);
    assert_eq!(
        ledger.timeline.last().map(|e| e.doc.as_str()),
        Some("undated-1")
    );
}

#[test]
fn syndicated_copies_do_not_corroborate() {
    let (mut documents, mut claims) = (Vec::new(), Vec::new());
    for id in ["orig", "copy"] {
        let mut a = ArticleBuilder::new(id, id, "Ferry").published("2030-01-02");
        let s = a.sentence("The ferry carried 220 passengers.");
        a.figure(
            s,
            Figure::exact("220", 220.0, "passengers"),
            anonymous("a port worker"),
        );
        let (mut d, c) = a.build();
        if id == "copy" {
            d.duplicate_of = Some("orig".to_string());
        }
        documents.push(d);
        claims.extend(c);
    }
    let ledger = build_ledger(documents, claims);
    assert_eq!(
        ledger.propositions[0].status,
        PropositionStatus::SingleSource
    );
}

#[test]
fn replicated_story_keeps_its_propositions() {
    let (documents, claims) = fixture::story();
    let base = build_ledger(documents.clone(), claims.clone());
    let (mut many_docs, mut many_claims) = (Vec::new(), Vec::new());
    for k in 0..20 {
        for d in &documents {
            let mut d = d.clone();
            d.id = format!("{}-r{k}", d.id);
            many_docs.push(d);
        }
        for c in &claims {
            let mut c = c.clone();
            c.doc = format!("{}-r{k}", c.doc);
            c.id = format!("{}-r{k}", c.id);
            many_claims.push(c);
        }
    }
    let many = build_ledger(many_docs, many_claims);
    assert_eq!(many.propositions.len(), base.propositions.len());
    assert_eq!(many.claims.len(), base.claims.len() * 20);
}

#[test]
fn same_subject_in_unrelated_sentences_stays_apart() {
    use crosscheck_model::EntityType;
    // (doc, company named in the figure's sentence)
    let cases: [(&[(&str, &str)], usize); 3] = [
        (&[("a", "Korvell Mining"), ("b", "Lusk Textiles")], 2),
        (&[("a", "Korvell Mining"), ("b", "Korvell Mining")], 1),
        (&[("a", "Korvell Mining"), ("b", "")], 1),
    ];
    for (reports, want) in cases {
        let (mut documents, mut claims) = (Vec::new(), Vec::new());
        for (doc, company) in reports {
            let mut a = ArticleBuilder::new(doc, doc, "Buyback").published("2030-02-02");
            let text = if company.is_empty() {
                "The buyback covers 500,000 shares.".to_string()
            } else {
                format!("{company} will buy back 500,000 shares.")
            };
            let s = a.sentence(&text);
            if !company.is_empty() {
                a.mention(s, company, EntityType::Organization, Some(company), None);
            }
            a.figure(
                s,
                Figure::exact("500,000", 500000.0, "shares"),
                organization("the company"),
            );
            let (d, c) = a.build();
            documents.push(d);
            claims.extend(c);
        }
        let ledger = build_ledger(documents, claims);
        assert_eq!(ledger.propositions.len(), want, "{reports:?}");
    }
}

/// "X said it made N cars": each company's own output, not two counts of
/// one thing, even when both sentences name the same country.
#[test]
fn each_speakers_own_figures_are_not_set_against_each_other() {
    use crosscheck_model::EntityType;
    for (sentence_a, sentence_b, want) in [
        (
            "Arlo Motors said it made 2,500 cars in Ostria in March.",
            "Brenn Autos said it made 98,000 cars in Ostria in March.",
            PropositionStatus::SingleSource,
        ),
        (
            "Arlo Motors said 2,500 cars were made in Ostria in March.",
            "Brenn Autos said 98,000 cars were made in Ostria in March.",
            PropositionStatus::Conflicting,
        ),
    ] {
        let (mut documents, mut claims) = (Vec::new(), Vec::new());
        for (doc, text, company, figure, value) in [
            ("a", sentence_a, "Arlo Motors", "2,500", 2500.0),
            ("b", sentence_b, "Brenn Autos", "98,000", 98000.0),
        ] {
            let mut a = ArticleBuilder::new(doc, doc, "Car output").published("2030-04-02");
            let s = a.sentence(text);
            a.mention(s, company, EntityType::Organization, Some(company), None);
            a.mention(s, "Ostria", EntityType::Location, None, None);
            a.figure(
                s,
                Figure::exact(figure, value, "cars"),
                organization(company),
            );
            let (d, c) = a.build();
            documents.push(d);
            claims.extend(c);
        }
        let ledger = build_ledger(documents, claims);
        let p = ledger.propositions.iter().find(|p| p.label == "cars");
        assert_eq!(p.map(|p| p.status), Some(want), "{sentence_a}: {p:#?}");
    }
}

#[test]
fn events_keep_casualties_apart_from_deployments() {
    let cases: [(Option<&str>, Option<&str>, usize); 4] = [
        (Some("killed"), Some("deployed"), 2),
        (Some("killed"), Some("died"), 1),
        (Some("deployed"), None, 1),
        (Some("killed or wounded"), Some("wounded"), 1),
    ];
    for (first, second, want) in cases {
        let (mut documents, mut claims) = (Vec::new(), Vec::new());
        for (doc, event) in [("a", first), ("b", second)] {
            let mut a = ArticleBuilder::new(doc, doc, "Border").published("2030-02-02");
            let s = a.sentence("Officials said 400 Veloran soldiers were involved.");
            let c = a.figure(
                s,
                Figure::exact("400", 400.0, "Veloran soldiers"),
                organization("Officials"),
            );
            if let Some(q) = c.quantity_mut() {
                q.event = event.map(str::to_string);
            }
            // The event changes what the figure measures, as analysis reads it.
            crosscheck_subject::Normalizer::new().fill(c);
            let (d, c) = a.build();
            documents.push(d);
            claims.extend(c);
        }
        let ledger = build_ledger(documents, claims);
        assert_eq!(ledger.propositions.len(), want, "{first:?} / {second:?}");
    }
}

/// One article telling a story of denial and confirmation: its own time words
/// ("initially", "until last month", "now") order the steps, not the order
/// the sentences come in.
#[test]
fn stance_steps_in_one_article_follow_its_time_words() {
    let mut a = ArticleBuilder::new("n", "Outlet", "Harbour deal").published("2031-06-20");
    let s = a.sentence("Rhoda Port now confirms the harbour sale.");
    let c = a.stance(
        s,
        "Rhoda Port",
        Polarity::Confirm,
        "the harbour sale",
        organization("Rhoda Port"),
    );
    at(c, "now", "PRESENT_REF");
    let s = a.sentence("It had initially denied the harbour sale.");
    let c = a.stance(
        s,
        "Rhoda Port",
        Polarity::Deny,
        "the harbour sale",
        organization("Rhoda Port"),
    );
    at(c, "initially", "INITIAL");
    let s = a.sentence("Until May it did not confirm the harbour sale.");
    let c = a.stance(
        s,
        "Rhoda Port",
        Polarity::NotConfirmed,
        "the harbour sale",
        organization("Rhoda Port"),
    );
    at(c, "Until May", "2031-05");
    let (doc, claims) = a.build();
    let ledger = build_ledger(vec![doc], claims);
    let timeline = ledger
        .stance_timelines
        .iter()
        .find(|t| t.actor == "Rhoda Port")
        .unwrap_or_else(|| panic!("{:#?}", ledger.stance_timelines));
    let steps: Vec<(Polarity, Option<&str>, Option<&str>)> = timeline
        .steps
        .iter()
        .map(|s| (s.polarity, s.date.as_deref(), s.when.as_deref()))
        .collect();
    assert_eq!(
        steps,
        [
            (Polarity::Deny, Some("2031-06-20"), Some("initially")),
            (Polarity::NotConfirmed, Some("2031-05"), Some("Until May")),
            (Polarity::Confirm, Some("2031-06-20"), Some("now")),
        ]
    );
    assert!(timeline.changed);
}

/// Who a person speaks for is read where the story introduces them (a
/// title before the name, an owner's possessive, even one a tagger took for
/// a person), not from what they go on to talk about: the two governments'
/// tolls are a dispute, not one outlet contradicting another.
#[test]
fn a_person_speaks_for_the_party_named_where_they_are_introduced() {
    use crosscheck_model::EntityType;
    let toll = "Veloran soldiers killed";
    let mut a =
        ArticleBuilder::new("a", "Outlet A", "Ostria counts the dead").published("2031-05-02");
    a.mention(0, "Ostria", EntityType::Location, None, None);
    let s = a.sentence("Ostrian President Hana Berg spoke of Veloran losses.");
    a.mention(s, "Ostrian", EntityType::Group, None, None);
    a.mention(s, "Hana Berg", EntityType::Person, None, None);
    a.mention(s, "Veloran", EntityType::Misc, None, None);
    let s = a.sentence("She said 300 Veloran soldiers were killed.");
    a.mention(s, "Veloran", EntityType::Misc, None, None);
    a.figure(s, Figure::exact("300", 300.0, toll), person("Hana Berg"));
    let s = a.sentence("Velora has not confirmed it.");
    a.mention(s, "Velora", EntityType::Location, None, None);
    let (doc_a, claims_a) = a.build();

    let mut b =
        ArticleBuilder::new("b", "Outlet B", "Velora gives its toll").published("2031-05-02");
    let s = b.sentence("Velora's defence minister, Ida Rusk, spoke on Monday.");
    b.mention(s, "Velora", EntityType::Person, None, None);
    b.mention(s, "Ida Rusk", EntityType::Person, None, None);
    let s = b.sentence("She said 112 Veloran soldiers were killed.");
    b.mention(s, "Veloran", EntityType::Misc, None, None);
    b.figure(s, Figure::exact("112", 112.0, toll), person("Ida Rusk"));
    let s = b.sentence("Ostrian officials in Ostria gave a higher toll.");
    b.mention(s, "Ostrian", EntityType::Group, None, None);
    b.mention(s, "Ostria", EntityType::Location, None, None);
    let (doc_b, claims_b) = b.build();

    let ledger = build_ledger(vec![doc_a, doc_b], [claims_a, claims_b].concat());
    let p = ledger
        .propositions
        .iter()
        .find(|p| p.values.len() == 2)
        .expect("one proposition of both tolls");
    let parties: Vec<Option<&str>> = p.values.iter().map(|v| v.party.as_deref()).collect();
    assert_eq!(parties, [Some("Ostria"), Some("Velora")], "{p:#?}");
    assert_eq!(p.status, PropositionStatus::Disputed, "{}", p.explanation);
}

/// A story takes the title of its earliest article that has one: a
/// plain-text article without a headline, even the earliest, does not
/// leave the story untitled.
#[test]
fn a_story_is_titled_by_its_earliest_titled_article() {
    let mut documents = Vec::new();
    for (id, title, date) in [
        ("plain", None, "2030-05-01"),
        (
            "later",
            Some("Dam at Orlen holds after the spring flood"),
            "2030-05-03",
        ),
        ("second", Some("Orlen flood waters recede"), "2030-05-02"),
    ] {
        let mut a = ArticleBuilder::new(id, "Orlen Courier", "Orlen dam").published(date);
        a.sentence("The river at Orlen rose overnight.");
        let (mut d, _) = a.build();
        d.title = title.map(str::to_string);
        documents.push(d);
    }
    let ledger = build_ledger(documents.clone(), Vec::new());
    assert_eq!(
        ledger.stories.first().and_then(|s| s.title.as_deref()),
        Some("Orlen flood waters recede")
    );
    for d in &mut documents {
        d.title = None;
    }
    let ledger = build_ledger(documents, Vec::new());
    assert_eq!(ledger.stories.first().map(|s| s.title.clone()), Some(None));
}
