//! Stance grammar on invented sentences: negation scope over "neither ...
//! nor" with full noun phrases, refusals, appositive subjects with their
//! roles, adverbs between subject and verb, possessive subjects and the time
//! of a pluperfect stance.

use crosscheck_facts::StanceExtractor;
use crosscheck_model::{Document, Polarity};
use crosscheck_text::SentenceSplitter;

fn doc(text: &str) -> Document {
    SentenceSplitter::new().document("t", text)
}

/// (actor, polarity, role, time value)
type Got = (String, Polarity, Option<String>, Option<String>);

fn stances(text: &str) -> Vec<Got> {
    let d = doc(text);
    StanceExtractor::new()
        .extract(&d, &[])
        .into_iter()
        .filter_map(|c| {
            assert!(c.span.is_valid_in(&d.text), "{text}: {:?}", c.span);
            let st = c.stance()?.clone();
            Some((
                st.actor,
                st.polarity,
                c.source.role,
                c.time.map(|t| t.value),
            ))
        })
        .collect()
}

type Want = (
    &'static str,
    Polarity,
    Option<&'static str>,
    Option<&'static str>,
);

fn check(cases: &[(&str, &[Want])]) {
    for (text, want) in cases {
        let want: Vec<Got> = want
            .iter()
            .map(|(a, p, r, t)| {
                (
                    a.to_string(),
                    *p,
                    r.map(str::to_string),
                    t.map(str::to_string),
                )
            })
            .collect();
        assert_eq!(stances(text), want, "{text}");
    }
}

#[test]
fn negation_scope_and_refusals() {
    use Polarity::*;
    check(&[
        (
            "Neither the Ostavian cabinet nor the coalition has confirmed that Brannish ships entered the strait.",
            &[("the Ostavian cabinet", NotConfirmed, None, None), ("the coalition", NotConfirmed, None, None)],
        ),
        (
            "Neither the port authority nor the Velmar customs office confirmed the seizure.",
            &[("the port authority", NotConfirmed, None, None), ("the Velmar customs office", NotConfirmed, None, None)],
        ),
        (
            "Neither the army nor police officials confirmed the figures.",
            &[("the army", NotConfirmed, None, None), ("police officials", NotConfirmed, None, None)],
        ),
        (
            "Quell neither confirmed nor denied the report.",
            &[("Quell", NotConfirmed, None, None)],
        ),
        (
            "The harbour authority has not confirmed the closure.",
            &[("The harbour authority", NotConfirmed, None, None)],
        ),
        (
            "The Ostavian navy declined to confirm the sinking.",
            &[("The Ostavian navy", NotConfirmed, None, None)],
        ),
        (
            "The coalition has yet to confirm the figures.",
            &[("The coalition", NotConfirmed, None, None)],
        ),
        (
            "A spokesman for the navy would neither confirm nor deny that the frigate had been hit.",
            &[("A spokesman for the navy", NotConfirmed, None, None)],
        ),
        (
            "Keldar and the river council have denied the report.",
            &[("Keldar", Deny, None, None), ("the river council", Deny, None, None)],
        ),
        // A conjunct inside an object is no co-actor.
        (
            "Rebels seized the depot and the garrison denied it.",
            &[("the garrison", Deny, None, None)],
        ),
    ]);
}

#[test]
fn appositives_adverbs_and_possessive_subjects() {
    use Polarity::*;
    check(&[
        (
            "Ostavia's interior minister, Pell Dorran, again denied that any of the ballots were missing.",
            &[("Pell Dorran", Deny, Some("Ostavia's interior minister"), None)],
        ),
        (
            "Pell Dorran, the interior minister, flatly denied the report.",
            &[("Pell Dorran", Deny, Some("interior minister"), None)],
        ),
        (
            "The mayor of Quell, Tova Brin, once more confirmed the closure.",
            &[("Tova Brin", Confirm, Some("The mayor of Quell"), None)],
        ),
        (
            "The governor repeatedly denied the claims.",
            &[("The governor", Deny, None, Some("ONGOING"))],
        ),
        (
            "The prison service initially confirmed the escape.",
            &[("The prison service", Confirm, None, Some("INITIAL"))],
        ),
        (
            "Ostavia's trade ministry denied the allegation within hours.",
            &[("Ostavia's trade ministry", Deny, None, None)],
        ),
        (
            "Harbour Commissioner Lia Varne acknowledged the delays.",
            &[("Lia Varne", Acknowledge, Some("Harbour Commissioner"), None)],
        ),
        (
            "Officials in Quell denied the report.",
            &[("Officials in Quell", Deny, None, None)],
        ),
        (
            "Brokers polled by the Quell Ledger estimated that prices would fall.",
            &[("Brokers", Estimate, None, None)],
        ),
        (
            "A port spokesman, reached by telephone, declined to comment.",
            &[("A port spokesman", NotConfirmed, None, None)],
        ),
        (
            "Chancellor of the Treasury Oren Vale denied the leak.",
            &[("Oren Vale", Deny, Some("Chancellor of the Treasury"), None)],
        ),
    ]);
}

#[test]
fn quantifiers_and_figures_are_not_actors() {
    check(&[
        ("Some estimated that the harvest would fail.", &[]),
        ("The last confirmed sighting was in May.", &[]),
        ("Output reached 7.8 mln tonnes estimated in March.", &[]),
    ]);
}

#[test]
fn a_pluperfect_stance_precedes_the_main_one() {
    use Polarity::*;
    check(&[
        (
            "Interior Minister Pell Dorran, who had repeatedly denied the leak, confirmed on Friday that files were stolen.",
            &[
                ("Pell Dorran", Deny, Some("Interior Minister"), Some("PAST_REF")),
                ("Pell Dorran", Confirm, Some("Interior Minister"), Some("XXXX-WXX-5")),
            ],
        ),
        (
            "The board, which had initially denied any losses, admitted them later.",
            &[
                ("The board", Deny, None, Some("INITIAL")),
                ("The board", Acknowledge, None, Some("LATER")),
            ],
        ),
    ]);
}

#[test]
fn the_proposition_stops_at_a_second_verb() {
    let d = doc("The council condemned the strike as reckless and pledged to rebuild the bridge.");
    let about: Vec<Option<String>> = StanceExtractor::new()
        .extract(&d, &[])
        .into_iter()
        .map(|c| c.stance().and_then(|s| s.about.clone()).map(|a| a.text))
        .collect();
    assert_eq!(about, vec![Some("the strike as reckless".to_string())]);
}

#[test]
fn the_proposition_leaves_out_the_time_of_the_stance() {
    for (text, want) in [
        (
            "The port office denied the report within hours.",
            "the report",
        ),
        ("Quell confirmed the closure on Friday.", "the closure"),
        ("The mayor denied the claims last week.", "the claims"),
    ] {
        let d = doc(text);
        let about: Vec<Option<String>> = StanceExtractor::new()
            .extract(&d, &[])
            .into_iter()
            .map(|c| c.stance().and_then(|s| s.about.clone()).map(|a| a.text))
            .collect();
        assert_eq!(about, vec![Some(want.to_string())], "{text}");
    }
}

#[test]
fn dismissals_are_denials() {
    use Polarity::*;
    check(&[
        (
            "In a statement, the port office called it “a fabrication from start to finish”.",
            &[("the port office", Deny, None, None)],
        ),
        (
            "The mayor dismissed the rumours as baseless.",
            &[("The mayor", Deny, None, None)],
        ),
        (
            "The Quell cabinet, which in May called reports of the blockade a fabrication, declined to comment.",
            &[
                ("The Quell cabinet", Deny, None, Some("XXXX-05")),
                ("The Quell cabinet", NotConfirmed, None, None),
            ],
        ),
        ("The mayor called the meeting a success.", &[]),
        ("The union dismissed rumours.", &[]),
        ("The firm dismissed 40 workers.", &[]),
    ]);
    let d = doc("The mayor dismissed the rumours as baseless.");
    let about: Vec<Option<String>> = StanceExtractor::new()
        .extract(&d, &[])
        .into_iter()
        .map(|c| c.stance().and_then(|s| s.about.clone()).map(|a| a.text))
        .collect();
    assert_eq!(about, vec![Some("the rumours".to_string())]);
}

/// "…, a claim X denies": the denial is of the clause the claim names,
/// not of the words "a claim".
#[test]
fn a_claim_denied_in_apposition_is_the_clause_before_it() {
    for (text, actor, want) in [
        (
            "Tarsenia said on Monday that its troops had taken the ridge, a claim Valdoria denies.",
            "Valdoria",
            "its troops had taken the ridge",
        ),
        (
            "The dam at Orlen was never at risk, a claim the engineers deny.",
            "the engineers",
            "The dam at Orlen was never at risk",
        ),
        (
            "Valdoria denies a claim about the ridge.",
            "Valdoria",
            "a claim about the ridge",
        ),
    ] {
        let d = doc(text);
        let got: Vec<(String, Option<String>)> = StanceExtractor::new()
            .extract(&d, &[])
            .into_iter()
            .filter_map(|c| {
                let s = c.stance()?;
                Some((s.actor.clone(), s.about.clone().map(|a| a.text)))
            })
            .filter(|(a, _)| a == actor)
            .collect();
        assert_eq!(
            got,
            vec![(actor.to_string(), Some(want.to_string()))],
            "{text}"
        );
    }
}

#[test]
fn a_claim_in_apposition_is_not_dated_by_the_claim_it_denies() {
    use Polarity::*;
    check(&[(
        "Tarsenia claimed last week that its troops had taken the ridge, a claim Valdoria denies.",
        &[
            ("Tarsenia", Allege, None, Some("PAST_REF")),
            ("Valdoria", Deny, None, None),
        ],
    )]);
}
