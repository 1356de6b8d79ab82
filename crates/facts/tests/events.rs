//! What happened to what a figure counts, on invented sentences: the
//! predicate of the counted phrase, a bare participle, the counted noun, or
//! the verb taking the figure as its object; none when the sentence is silent.

use crosscheck_facts::QuantityExtractor;
use crosscheck_text::SentenceSplitter;

fn events(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let d = SentenceSplitter::new().document("t", text);
    QuantityExtractor::new()
        .extract(&d, &[])
        .into_iter()
        .filter_map(|c| {
            let q = c.quantity().cloned()?;
            Some((q.span.text, q.subject, q.event))
        })
        .collect()
}

/// (sentence, [(figure, subject, event)])
type Case = (
    &'static str,
    &'static [(&'static str, Option<&'static str>, Option<&'static str>)],
);

/// Each case's figures, with their subjects and events, as the table says.
fn check(cases: &[Case]) {
    for (text, want) in cases {
        let want: Vec<(String, Option<String>, Option<String>)> = want
            .iter()
            .map(|(f, s, e)| (f.to_string(), s.map(str::to_string), e.map(str::to_string)))
            .collect();
        assert_eq!(events(text), want, "{text}");
    }
}

#[test]
fn events_from_verbs_participles_and_nouns() {
    let cases: &[Case] = &[
        (
            "Brannish officials say 250 sailors have been killed and roughly 900 wounded since June.",
            &[("250", Some("sailors"), Some("killed")), ("roughly 900", Some("sailors"), Some("wounded"))],
        ),
        ("Sixty people were killed or injured in the landslide.", &[("Sixty", Some("people"), Some("casualties"))]),
        ("About 90 villagers are dead or missing.", &[("About 90", Some("villagers"), Some("casualties"))]),
        ("He said 40 miners had died.", &[("40", Some("miners"), Some("killed"))]),
        ("At least 12 passengers were injured.", &[("At least 12", Some("passengers"), Some("wounded"))]),
        ("The blast left 17 dead.", &[("17", Some("dead"), Some("killed"))]),
        ("The clashes caused four deaths and 30 injuries.", &[("four", Some("deaths"), Some("killed")), ("30", Some("injuries"), Some("wounded"))]),
        ("About 3,000 marines have been deployed to the island.", &[("About 3,000", Some("marines"), Some("deployed"))]),
        ("Some 5,000 troops are in Ostavia.", &[("Some 5,000", Some("troops"), Some("deployed"))]),
        ("Up to 800 volunteers are now fighting near the dam.", &[("Up to 800", Some("volunteers"), Some("deployed"))]),
        ("Quell sent 600 engineers across the border.", &[("600", Some("engineers"), Some("deployed"))]),
        ("Quell sent 600 trucks across the border.", &[("600", Some("trucks"), Some("supplied"))]),
        ("The factory shipped 90,000 rifles to the rebels.", &[("90,000", Some("rifles"), Some("supplied"))]),
        ("Around 2,000 sailors, including two admirals, were captured.", &[("Around 2,000", Some("sailors"), Some("captured")), ("two", Some("admirals"), Some("captured"))]),
        ("Some 600 medics have been sent, including 40 surgeons from Quell.", &[("Some 600", Some("medics"), Some("deployed")), ("40", Some("surgeons"), Some("deployed"))]),
        ("The deployment of 9,000 marines alarmed Quell.", &[("9,000", Some("marines"), Some("deployed"))]),
        ("The delivery of 300 tractors was delayed.", &[("300", Some("tractors"), Some("supplied"))]),
        ("Guards intercepted 14 of 20 drones.", &[("14", Some("drones"), Some("intercepted")), ("20", Some("drones"), None)]),
        ("The floods have displaced an estimated 40,000 people.", &[("an estimated 40,000", Some("people"), Some("displaced"))]),
        ("Guards reported intercepting 14 of 20 drones launched from the coast.", &[("14", Some("drones"), Some("intercepted")), ("20", Some("drones"), Some("fired"))]),
        ("The storm has displaced an estimated 40,000 people in Quell.", &[("an estimated 40,000", Some("people"), Some("displaced"))]),
        // Silent about what happened; the counted phrase as an active subject.
        ("Some 300 rebels captured the airport.", &[("Some 300", Some("rebels"), None)]),
        ("While the arrival of 9,000 Brannish marines has provided a boost, analysts are wary.", &[("9,000", Some("Brannish marines"), Some("deployed"))]),
        ("While 9,000 Brannish marines have provided a boost, analysts are wary.", &[("9,000", Some("Brannish marines"), None)]),
        ("Some 40,000 people in Quell voted.", &[("Some 40,000", Some("people"), None)]),
        ("Sales reached 600 mln dlrs last year.", &[("600 mln dlrs", None, None)]),
        ("The firm lost 4.6 billion dlrs.", &[("4.6 billion dlrs", None, None)]),
        ("Rivals captured 25 pct of the market.", &[("25 pct", Some("market"), None)]),
        ("The academy trained 300 cadets.", &[("300", Some("cadets"), None)]),
        ("Voters cast 5,000 ballots.", &[("5,000", Some("ballots"), None)]),
        ("Some 5,000 ballots are in Quell.", &[("Some 5,000", Some("ballots"), None)]),
    ];
    check(cases);
}

/// A count of the speakers is no figure; a multiplier is one in the unit
/// "times", never a count; a span of nights is a duration.
#[test]
fn speakers_are_not_figures_and_multipliers_not_counts() {
    let cases: &[Case] = &[
        (
            "Three people familiar with the talks said the union's own figure had risen to about 6,000 members.",
            &[("about 6,000", Some("members"), None)],
        ),
        (
            "Two officials, who asked not to be named, said 40 boats were seized.",
            &[("40", Some("boats"), Some("captured"))],
        ),
        (
            "The toll is more than four times the figure given last week.",
            &[("more than four times", Some("figure given"), None)],
        ),
        ("They marched over four nights.", &[("four nights", None, None)]),
        ("The ferry runs four times a week.", &[("four times a week", None, None)]),
    ];
    check(cases);
}

#[test]
fn a_year_is_no_range_partner() {
    let text = "Copper output should climb 2.5 pct in calendar 1991 to 3.45 mln tonnes.";
    let d = SentenceSplitter::new().document("t", text);
    let got: Vec<(String, Option<f64>, Option<f64>)> = QuantityExtractor::new()
        .extract(&d, &[])
        .into_iter()
        .filter_map(|c| c.quantity().cloned().map(|q| (q.span.text, q.low, q.high)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("2.5 pct".to_string(), Some(2.5), Some(2.5)),
            ("3.45 mln tonnes".to_string(), Some(3.45e6), Some(3.45e6)),
        ]
    );
}

#[test]
fn odd_word_salad_never_panics() {
    use crosscheck_facts::StanceExtractor;
    let pieces = [
        "Neither",
        "nor",
        "the",
        "had",
        "again",
        "denied",
        "called",
        "it",
        "a",
        "fabrication",
        ",",
        "who",
        "which",
        "in",
        "May",
        "on",
        "Monday",
        "300",
        "14,000",
        "killed",
        "wounded",
        "and",
        "or",
        "including",
        "of",
        "deployment",
        "sent",
        "troops",
        "Minister",
        "Pell",
        "Dorran",
        "’s",
        "familiar",
        "with",
        "said",
        "times",
        "as",
        "baseless",
        "within",
        "hours",
        "by",
        "“",
        "”",
        ".",
        "mln",
        "to",
        "7.8",
        "1987",
        "neither",
        "confirm",
        "deny",
        "declined",
        "by",
    ];
    let mut rng = crosscheck_testkit::XorShift::new(0x2545_f491_4f6c_dd1d);
    for _ in 0..3000 {
        let len = rng.below(20);
        let text: Vec<&str> = (0..len).map(|_| pieces[rng.below(pieces.len())]).collect();
        let text = text.join(" ");
        let d = SentenceSplitter::new().document("t", &text);
        for c in QuantityExtractor::new()
            .extract(&d, &[])
            .into_iter()
            .chain(StanceExtractor::new().extract(&d, &[]))
        {
            assert!(c.span.is_valid_in(&d.text), "{text:?}: {:?}", c.span);
        }
    }
}
