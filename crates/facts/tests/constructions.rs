//! Table-driven checks of every construction the issue lists, on invented
//! sentences (invented places and people).

use crosscheck_facts::{QuantityExtractor, StanceExtractor};
use crosscheck_model::{
    Bound, Claim, ClaimBody, ClaimKind, Document, Polarity, Quote, Source, SourceKind, Span,
};
use crosscheck_text::SentenceSplitter;

fn doc(text: &str) -> Document {
    SentenceSplitter::new().document("t", text)
}

fn quantities(text: &str) -> Vec<Claim> {
    let d = doc(text);
    let claims = QuantityExtractor::new().extract(&d, &[]);
    for c in &claims {
        assert!(c.span.is_valid_in(&d.text), "{text}: span {:?}", c.span);
        assert_eq!(c.kind(), ClaimKind::Quantity);
    }
    claims
}

/// (sentence, low, high, bound, approximate, unit, subject, rate)
type QuantityCase = (
    &'static str,
    Option<f64>,
    Option<f64>,
    Bound,
    bool,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn figures_values_bounds_subjects() {
    use Bound::*;
    let cases: &[QuantityCase] = &[
        (
            "The army sent 14,000 reservists north.",
            Some(14000.0),
            Some(14000.0),
            Exact,
            false,
            None,
            Some("reservists"),
            None,
        ),
        (
            "Officials counted three million ballots.",
            Some(3e6),
            Some(3e6),
            Exact,
            false,
            None,
            Some("ballots"),
            None,
        ),
        (
            "A thousand volunteers arrived.",
            Some(1000.0),
            Some(1000.0),
            Exact,
            false,
            None,
            Some("volunteers"),
            None,
        ),
        (
            "Rescuers pulled a dozen fishermen from the water.",
            Some(12.0),
            Some(12.0),
            Exact,
            false,
            None,
            Some("fishermen"),
            None,
        ),
        (
            "Tens of thousands of protesters marched.",
            None,
            None,
            Exact,
            false,
            None,
            Some("protesters"),
            None,
        ),
        (
            "Hundreds of drones struck the port.",
            None,
            None,
            Exact,
            false,
            None,
            Some("drones"),
            None,
        ),
        (
            "The fund lost 1.5 million dollars.",
            Some(1.5e6),
            Some(1.5e6),
            Exact,
            false,
            Some("USD"),
            None,
            None,
        ),
        (
            "Varno has 8,000 to 12,000 troops there.",
            Some(8000.0),
            Some(12000.0),
            Range,
            false,
            None,
            Some("troops"),
            None,
        ),
        (
            "Between 10,000 and 12,000 sailors serve.",
            Some(10000.0),
            Some(12000.0),
            Range,
            false,
            None,
            Some("sailors"),
            None,
        ),
        (
            "It holds 10,000-12,000 artillery shells.",
            Some(10000.0),
            Some(12000.0),
            Range,
            false,
            None,
            Some("artillery shells"),
            None,
        ),
        (
            "Keldar may send up to 12,000 soldiers.",
            None,
            Some(12000.0),
            AtMost,
            false,
            None,
            Some("soldiers"),
            None,
        ),
        (
            "More than 500 drones were launched.",
            Some(500.0),
            None,
            AtLeast,
            false,
            None,
            Some("drones"),
            None,
        ),
        (
            "At least 40 villages were shelled.",
            Some(40.0),
            None,
            AtLeast,
            false,
            None,
            Some("villages"),
            None,
        ),
        (
            "Fewer than 30 tanks remain.",
            None,
            Some(30.0),
            AtMost,
            false,
            None,
            Some("tanks"),
            None,
        ),
        (
            "Nearly 900 shells fell.",
            None,
            Some(900.0),
            AtMost,
            true,
            None,
            Some("shells"),
            None,
        ),
        (
            "Almost 60 trucks crossed.",
            None,
            Some(60.0),
            AtMost,
            true,
            None,
            Some("trucks"),
            None,
        ),
        (
            "Approximately 14,000 Zorvian troops have been deployed.",
            Some(14000.0),
            Some(14000.0),
            Exact,
            true,
            None,
            Some("Zorvian troops"),
            None,
        ),
        (
            "Around 300 boats sailed.",
            Some(300.0),
            Some(300.0),
            Exact,
            true,
            None,
            Some("boats"),
            None,
        ),
        (
            "Some 1,500 engineers were sent.",
            Some(1500.0),
            Some(1500.0),
            Exact,
            true,
            None,
            Some("engineers"),
            None,
        ),
        (
            "About 45 percent of voters stayed home.",
            Some(45.0),
            Some(45.0),
            Exact,
            true,
            Some("percent"),
            Some("voters"),
            None,
        ),
        (
            "An estimated 7,000 recruits trained.",
            Some(7000.0),
            Some(7000.0),
            Exact,
            true,
            None,
            Some("recruits"),
            None,
        ),
        (
            "Roughly 20 ships docked.",
            Some(20.0),
            Some(20.0),
            Exact,
            true,
            None,
            Some("ships"),
            None,
        ),
        (
            "Almost half of the ammunition is imported.",
            None,
            Some(0.5),
            AtMost,
            true,
            Some("share"),
            Some("ammunition"),
            None,
        ),
        (
            "A third of the fleet was idle.",
            Some(1.0 / 3.0),
            Some(1.0 / 3.0),
            Exact,
            false,
            Some("share"),
            Some("fleet"),
            None,
        ),
        (
            "Turnout fell to 12% in the capital.",
            Some(12.0),
            Some(12.0),
            Exact,
            false,
            Some("percent"),
            None,
            None,
        ),
        (
            "The plant makes three million rounds per year.",
            Some(3e6),
            Some(3e6),
            Exact,
            false,
            None,
            Some("rounds"),
            Some("per year"),
        ),
        (
            "The army is losing more than a thousand men a day.",
            Some(1000.0),
            None,
            AtLeast,
            false,
            None,
            Some("men"),
            Some("per day"),
        ),
        (
            "The bridge cost $2.5 billion.",
            Some(2.5e9),
            Some(2.5e9),
            Exact,
            false,
            Some("USD"),
            None,
            None,
        ),
        (
            "The convoy covered 300 kilometres.",
            Some(300.0),
            Some(300.0),
            Exact,
            false,
            Some("kilometre"),
            None,
            None,
        ),
        (
            "Varno exported 14.000 tractors, the ministry wrote.",
            Some(14000.0),
            Some(14000.0),
            Exact,
            false,
            None,
            Some("tractors"),
            None,
        ),
    ];
    for (text, low, high, bound, approx, unit, subject, rate) in cases {
        let claims = quantities(text);
        let Some(q) = claims.first().and_then(|c| c.quantity()) else {
            panic!("{text}: no quantity claim")
        };
        let ctx = format!("{text}: {q:?}");
        let r = |v: Option<f64>| v.map(|x| (x * 1e6).round());
        assert_eq!(r(q.low), r(*low), "low {ctx}");
        assert_eq!(r(q.high), r(*high), "high {ctx}");
        assert_eq!(q.bound, *bound, "bound {ctx}");
        assert_eq!(q.approximate, *approx, "approximate {ctx}");
        assert_eq!(q.unit.as_deref(), *unit, "unit {ctx}");
        assert_eq!(q.subject.as_deref(), *subject, "subject {ctx}");
        assert_eq!(q.rate.as_deref(), *rate, "rate {ctx}");
    }
}

#[test]
fn ellipsis_takes_the_next_subject() {
    let claims = quantities("Air defences downed 50 of 80 drones overnight.");
    let subjects: Vec<_> = claims
        .iter()
        .filter_map(|c| c.quantity())
        .map(|q| (q.low, q.subject.clone()))
        .collect();
    assert_eq!(
        subjects,
        vec![
            (Some(50.0), Some("drones".to_string())),
            (Some(80.0), Some("drones".to_string()))
        ]
    );
    let claims = quantities("The depot received large volumes of mortar shells estimated to reach two million rounds per year.");
    let q = claims.first().and_then(|c| c.quantity().cloned());
    assert_eq!(q.and_then(|q| q.subject).as_deref(), Some("mortar shells"));
}

#[test]
fn non_quantities_never_become_claims() {
    let cases = [
        "The ceasefire of 1953 still holds.",
        "The raids began in October 2024 and resumed on April 27.",
        "The war enters its third year.",
        "The meeting started at 9 pm.",
        "The F-16 jets and the Su-27 fighters flew.",
        "Details are at https://example.org/2024/10/report-12.html today.",
        "The nation's only one was lost.",
        // A number word inside a compound or after a label noun.
        "The winners stopped to high-five the crowd.",
        "Water is the number one worry in Ostravia.",
        "The plan moves to phase two next spring.",
        // A falling worded pair with nothing counted after it: a ratio.
        "The council split 4 to 1 in favour of the plan.",
        "The judges voted 7 to 2 against the appeal.",
        "At one point the convoy stopped, and at one stage it turned back.",
        "The dispatchers took 911 calls all night.",
        // "one day" as some day; digits after a bare "the" naming a model.
        "The clinic hopes to one day open in Ostravia.",
        "The 486 is the heart of the Vell terminal.",
        // "one" of an uncounted many, and "one" of a move.
        "One of the many reasons for the delay was the flood in Ostravia.",
        "Rumours spread from one village of the valley to another.",
        "The ferry hopped from one island to the next.",
        // A number after a brand written in mixed case names a model.
        "The Ostravian clinic still runs on iPadOS 13 tablets.",
        "Senator Vell traded in his iPhone 7 last spring.",
        // The size of a number, and "one" as a pronoun before a negated verb.
        "Mara never earned a six-figure salary in Ostravia.",
        "The new permits carry three-digit codes.",
        "A bridge would help the valley, but one doesn't exist there.",
        // "one" before "that's", in an idiom or a fraction.
        "Each right buys one-hundredth of a share.",
        "No road runs to Ostrava, but Mara found one that’s shorter.",
        "The council made a one-time payment to the farmers.",
        // "N-way" describes; a label noun before a decimal names.
        "Vell leads a two-way race in Ostrava.",
        "The rule is in Section 3.2 of the charter.",
        // A street number before an ordinal street name.
        "The blast hit 131 West 23rd Street in Ostrava.",
        // A rank after "#", and the size of a number written without a hyphen.
        "For Mara Vell the #1 worry in Ostrava is water.",
        "Fees at Vell College now start at six figures.",
        // A fraction word in a compound adjective, and "one ... or another".
        "The shepherd found a half-frozen lamb near Ostrava.",
        "Vell Foods posted a third-quarter loss.",
        "The council has no view one way or the other.",
        "Ostrava will need reform of one sort or another.",
        // A clock time in words, and a number word in an idiom's compound.
        "The rally in Ostrava began at three o’clock.",
        "The flood was a five-alarm call for Ostrava.",
        "Ostrava's ferries run on two-stroke engines.",
        "Vell Bank sold zero coupon notes in Ostrava.",
        "The vote was a zero-sum game for Ostrava.",
    ];
    for text in cases {
        let claims = quantities(text);
        assert!(
            claims.is_empty(),
            "{text}: {:?}",
            claims.iter().map(|c| &c.span.text).collect::<Vec<_>>()
        );
    }
}

/// Durations and ages are quantities in time units, never counts; numbers
/// with a counted noun count it even after "the" ("the two nations").
#[test]
fn durations_ages_and_small_counts_are_quantities() {
    // (sentence, value, unit, subject head)
    let cases: &[(&str, f64, Option<&str>, Option<&str>)] = &[
        ("A 45-year-old farmer was hurt.", 45.0, Some("year"), None),
        ("The farmer, aged 45, was hurt.", 45.0, Some("year"), None),
        (
            "It threatens to expand the almost 3-year-long war.",
            3.0,
            Some("year"),
            None,
        ),
        (
            "More than six months after the story broke, nothing changed.",
            6.0,
            Some("month"),
            None,
        ),
        ("The two nations signed a pact.", 2.0, None, Some("nations")),
        // A count whose noun is left out before the clause ends.
        (
            "Vell linked the third case to the earlier two, the agency said.",
            2.0,
            None,
            None,
        ),
        (
            "The visit sealed the friendship between two neighbours.",
            2.0,
            None,
            Some("neighbours"),
        ),
        ("One official was hurt.", 1.0, None, Some("official")),
        // A label noun before a counted noun labels nothing.
        (
            "On the same day two soldiers were hurt.",
            2.0,
            None,
            Some("soldiers"),
        ),
        // "one of the" with a determiner counts one of them.
        ("One of the three bridges collapsed.", 1.0, None, None),
        // A number whose noun is left out still counts it.
        (
            "Vell was held; the other three were freed.",
            3.0,
            None,
            None,
        ),
        ("All four of them resigned on Friday.", 4.0, None, None),
        ("The remaining two have left Velmora.", 2.0, None, None),
        ("Vell said the two raised the money.", 2.0, None, None),
        ("Currently there are two: Vell and Mara.", 2.0, None, None),
        ("There were three in the boat.", 3.0, None, None),
        // An age between "at" and the clause's subject.
        (
            "Even now at 86 she rows to Tarsk.",
            86.0,
            Some("year"),
            None,
        ),
        // A mixed-case brand before a duration does not make it a model.
        ("The shop left eBay 2 years ago.", 2.0, Some("year"), None),
        // A person's age after "was" with nothing counted after it.
        (
            "Vell has repaired boats since he was 14.",
            14.0,
            Some("year"),
            None,
        ),
        // A plural reporting word right after a number is what it counts.
        (
            "Twenty-seven states joined the suit.",
            27.0,
            None,
            Some("states"),
        ),
        (
            "By noon 12 reports had reached the desk.",
            12.0,
            None,
            Some("reports"),
        ),
        (
            "The poll covers 11 swing states.",
            11.0,
            None,
            Some("swing states"),
        ),
        (
            "The four “loopholes” he named stay open.",
            4.0,
            None,
            Some("loopholes"),
        ),
        // "and a half" adds to the unit before it.
        (
            "The hearing lasted an hour and a half.",
            1.5,
            Some("hour"),
            None,
        ),
        ("Vell waited two years and a half.", 2.5, Some("year"), None),
        (
            "Mara left after five-and-a-half years.",
            5.5,
            Some("year"),
            None,
        ),
        // An appositive age closed by a dash.
        ("Vell, 40 ― a baker ― was hurt.", 40.0, Some("year"), None),
        // "that" before "one of the" is a conjunction.
        (
            "The court knows that one of the parties is a candidate.",
            1.0,
            None,
            Some("parties"),
        ),
        // After "who is", after an opening quotation mark, "on one of".
        ("Mara Vell, who is 70, stayed.", 70.0, Some("year"), None),
        (
            "“One of the bridges is shut,” Vell said.",
            1.0,
            None,
            Some("bridges"),
        ),
        (
            "On one of those nights the radar failed.",
            1.0,
            None,
            Some("nights"),
        ),
        // An article before a hyphenated count; a parent "of" a number.
        ("Vell read a 46-page study.", 46.0, None, Some("page study")),
        ("Mara, a mother of three, spoke.", 3.0, None, None),
        // A capitalised word after a count is no participle ("Red").
        ("The kit holds 2 Red and no others.", 2.0, None, Some("Red")),
        // A hyphenated "one" that is no idiom counts, as "two-game" does.
        (
            "The striker got a one-game ban.",
            1.0,
            None,
            Some("game ban"),
        ),
        (
            "Symptoms follow an incubation period of one-to-seven days.",
            1.0,
            Some("day"),
            None,
        ),
    ];
    for (text, value, unit, head) in cases {
        let claims = quantities(text);
        let q = claims.first().and_then(|c| c.quantity());
        let Some(q) = q else {
            panic!("{text}: no claim")
        };
        assert_eq!(q.low.or(q.high), Some(*value), "{text}: {q:?}");
        assert_eq!(q.unit.as_deref(), *unit, "{text}: {q:?}");
        if unit.is_some() {
            assert_eq!(q.dimension.as_deref(), Some("time"), "{text}: {q:?}");
        }
        if let Some(h) = head {
            assert!(
                q.subject.as_deref().is_some_and(|s| s.ends_with(h)),
                "{text}: {q:?}"
            );
        }
    }
}

#[test]
fn a_count_shares_the_noun_it_is_compared_with() {
    // (sentence, value, what it counts): each figure of the sentence.
    let cases: &[(&str, &[(f64, &str)])] = &[
        // A bare number after "than".
        (
            "The case goes to 9 judges rather than 11 this time.",
            &[(9.0, "judges"), (11.0, "judges")],
        ),
        // "one of" a counted whole counts one.
        (
            "The port was hit by one of two storms.",
            &[(1.0, "storms"), (2.0, "storms")],
        ),
        // "one of only N", and the whole after "out of".
        (
            "Vell is one of only three mayors to win twice.",
            &[(1.0, "mayors"), (3.0, "mayors")],
        ),
        // A bare number after "compared with".
        (
            "Ostrava now has seven tax brackets, compared with two before.",
            &[(7.0, "tax brackets"), (2.0, "tax brackets")],
        ),
        // A part of a count after "including", never larger than the whole.
        (
            "Keeper Mara Vell made 32 saves, including 12 in the last period.",
            &[(32.0, "saves"), (12.0, "saves")],
        ),
        (
            "The lamps sold in over 60 countries, including 1.5 mln in Ostravia.",
            &[(60.0, "countries")],
        ),
        // A number word capitalised after a dateline's dash starts the text.
        (
            "OSTRAVA (Wirepost) - Two ferries sank on Monday.",
            &[(2.0, "ferries")],
        ),
        // A ratio of two whole numbers is a share of what it counts.
        (
            "One in five voters in Ostrava backed Vell, and 1 in 4 farmers did.",
            &[(0.2, "voters"), (0.25, "farmers")],
        ),
        // An em dash sets off a clause; it does not make a designation.
        (
            "Ostrava saw floods in recent years—26 cases and 11 deaths.",
            &[(26.0, "cases"), (11.0, "deaths")],
        ),
        // A determiner before "figures" counts statistics.
        ("All three figures fell in Ostrava.", &[(3.0, "figures")]),
    ];
    for (text, want) in cases {
        let got: Vec<(f64, String)> = quantities(text)
            .iter()
            .filter_map(|c| c.quantity())
            .filter_map(|q| Some((q.low.or(q.high)?, q.subject.clone()?)))
            .collect();
        let want: Vec<(f64, String)> = want.iter().map(|(v, s)| (*v, s.to_string())).collect();
        assert_eq!(got, want, "{text}");
    }
}

/// The whole a count is taken from, after "out of", counts with no noun.
#[test]
fn the_whole_after_out_of_counts() {
    let text = "Few changed their minds, while about eight out of 10 said it would not matter.";
    let values: Vec<f64> = quantities(text)
        .iter()
        .filter_map(|c| c.quantity())
        .filter_map(|q| q.low.or(q.high))
        .collect();
    assert_eq!(values, vec![8.0, 10.0], "{text}");
}

/// (sentence, claimant name, kind)
#[test]
fn claimants_from_clauses() {
    let cases: &[(&str, &str, SourceKind)] = &[
        ("Zorvian officials estimate that approximately 14,000 troops have been deployed.", "Zorvian officials", SourceKind::Anonymous),
        ("According to the Harbor Institute, some 1,500 sailors were moved.", "the Harbor Institute", SourceKind::Organization),
        ("The Republic of Varno estimates that around 8,000 to 12,000 soldiers crossed.", "The Republic of Varno", SourceKind::Organization),
        ("About 300 boats were seized, officials said.", "officials", SourceKind::Anonymous),
        ("Officials in Quell say about 2,000 sailors have arrived.", "Officials in Quell", SourceKind::Anonymous),
        ("Three people familiar with the talks said 40 boats were seized.", "Three people familiar with the talks", SourceKind::Anonymous),
        ("Varno was backed by Defence Minister Ilsa Brandt, who had said that 10,000 soldiers were ready.", "Ilsa Brandt", SourceKind::Person),
        ("Intelligence sources and local leaders, especially from Keldar, have expressed fears that up to 12,000 soldiers may be sent.", "Intelligence sources and local leaders", SourceKind::Anonymous),
    ];
    for (text, name, kind) in cases {
        let claims = quantities(text);
        let Some(c) = claims.first() else {
            panic!("{text}: no claim")
        };
        assert_eq!(c.source.name.as_deref(), Some(*name), "{text}");
        assert_eq!(c.source.kind, *kind, "{text}");
    }
    // No claimant: unattributed.
    let claims = quantities("The storm destroyed 40 homes.");
    assert_eq!(
        claims.first().map(|c| c.source.kind),
        Some(SourceKind::Unattributed)
    );
}

#[test]
fn claimant_roles_from_titles_and_appositives() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Port Commissioner Anu Sarl said 300 boats were seized.",
            "Anu Sarl",
            "Port Commissioner",
        ),
        (
            "Quell's port chief, Anu Sarl, said 300 boats were seized.",
            "Anu Sarl",
            "Quell's port chief",
        ),
        (
            "Anu Sarl, the port chief, said 300 boats were seized.",
            "Anu Sarl",
            "port chief",
        ),
    ];
    for (text, name, role) in cases {
        let claims = quantities(text);
        let source = claims.first().map(|c| c.source.clone());
        assert_eq!(
            source.as_ref().and_then(|s| s.name.as_deref()),
            Some(*name),
            "{text}"
        );
        assert_eq!(
            source.as_ref().and_then(|s| s.role.as_deref()),
            Some(*role),
            "{text}"
        );
    }
}

#[test]
fn a_figure_inside_a_quote_takes_the_quote_source() {
    let text = "“We lost 200 tanks,” said General Ana Voss.";
    let d = doc(text);
    let content_start = text.find("We").unwrap_or(0);
    let content_end = text.find(',').unwrap_or(0);
    let span = Span::of(text, content_start, content_end).unwrap_or_else(|| panic!("span"));
    let source = Source {
        name: Some("General Ana Voss".to_string()),
        kind: SourceKind::Person,
        role: None,
        entity: None,
        span: None,
    };
    let quote = Claim {
        id: "t:quote:0".to_string(),
        doc: "t".to_string(),
        body: ClaimBody::Quote {
            quote: Quote {
                text: span.text.clone(),
                direct: true,
                span: span.clone(),
            },
        },
        sentence: 0,
        span,
        source: source.clone(),
        co_sources: Vec::new(),
        quoted_by: None,
        cue: Some("said".to_string()),
        channel: None,
        hedged: false,
        hedges: Vec::new(),
        time: None,
    };
    let claims = QuantityExtractor::new().extract(&d, &[quote]);
    assert_eq!(claims.first().map(|c| c.source.clone()), Some(source));
}

#[test]
fn hedges_mark_figures() {
    let claims = quantities("The unit reportedly lost 300 men.");
    assert!(claims
        .first()
        .is_some_and(|c| c.hedged && c.hedges == ["reportedly"]));
    let claims = quantities("The unit lost 300 men.");
    assert!(claims.first().is_some_and(|c| !c.hedged));
}

fn stances(text: &str) -> Vec<(String, Polarity, Option<String>, Option<String>)> {
    let d = doc(text);
    let claims = StanceExtractor::new().extract(&d, &[]);
    claims
        .iter()
        .map(|c| {
            assert!(c.span.is_valid_in(&d.text), "{text}: {:?}", c.span);
            let st = c.stance().cloned().unwrap_or_else(|| panic!("no stance"));
            if let Some(a) = &st.about {
                assert!(a.is_valid_in(&d.text));
            }
            (
                st.actor,
                st.polarity,
                st.about.map(|a| a.text),
                c.time.as_ref().map(|t| t.value.clone()),
            )
        })
        .collect()
}

/// (sentence, [(actor, polarity, time value)])
type StanceCase = (
    &'static str,
    &'static [(&'static str, Polarity, Option<&'static str>)],
);

#[test]
fn stances_negation_coordination_time() {
    use Polarity::*;
    // (sentence, [(actor, polarity, time value)])
    let cases: &[StanceCase] = &[
        ("Neither the Alliance nor the Republic of Varno has confirmed the presence of Zorvian troops.", &[("the Alliance", NotConfirmed, None), ("the Republic of Varno", NotConfirmed, None)]),
        ("Keldar and Zorvia have constantly denied such reports.", &[("Keldar", Deny, Some("ONGOING")), ("Zorvia", Deny, Some("ONGOING"))]),
        ("However, the ministry initially denied the reports.", &[("the ministry", Deny, Some("INITIAL"))]),
        ("Zorvia officially confirmed on Tuesday that it had sent engineers.", &[("Zorvia", Confirm, Some("XXXX-WXX-2"))]),
        ("Keldar officials remained silent on the matter until late March.", &[("Keldar officials", NotConfirmed, Some("XXXX-03"))]),
        ("Governor Amal Reyes acknowledged the losses.", &[("Amal Reyes", Acknowledge, None)]),
        ("The Harbor Council condemned the strike.", &[("The Harbor Council", Condemn, None)]),
        ("The opposition alleged that ballots were destroyed.", &[("The opposition", Allege, None)]),
        ("Varno estimates that 3,000 soldiers crossed.", &[("Varno", Estimate, None)]),
        ("With the strike now publicly confirmed by both Keldar and Varno, talks stalled.", &[("Keldar", Confirm, Some("PRESENT_REF")), ("Varno", Confirm, Some("PRESENT_REF"))]),
        ("There has been no public confirmation of this from either the Alliance or Zorvia.", &[("the Alliance", NotConfirmed, None), ("Zorvia", NotConfirmed, None)]),
        ("Observers welcomed Keldar’s public acknowledgment of the losses.", &[("Keldar", Acknowledge, None)]),
        ("Zorvia has not confirmed the deployment.", &[("Zorvia", NotConfirmed, None)]),
        ("The decision to confirm the deal surprised many.", &[]),
        ("The first confirmed case was in the north.", &[]),
        ("Varno’s alleged support for the rebels grew.", &[]),
    ];
    for (text, want) in cases {
        let got = stances(text);
        let got_short: Vec<(String, Polarity, Option<String>)> = got
            .iter()
            .map(|(a, p, _, t)| (a.clone(), *p, t.clone()))
            .collect();
        let want: Vec<(String, Polarity, Option<String>)> = want
            .iter()
            .map(|(a, p, t)| (a.to_string(), *p, t.map(str::to_string)))
            .collect();
        assert_eq!(got_short, want, "{text}");
    }
    let about = stances("Keldar and Zorvia have constantly denied such reports.");
    assert_eq!(
        about.first().and_then(|s| s.2.clone()).as_deref(),
        Some("such reports")
    );
}

#[test]
fn figures_and_stances_take_dated_expressions_not_durations() {
    use crosscheck_model::{TimeExpression, TimexType};
    let text = "After three years of war, the port shipped 4,000 tonnes on Friday.";
    let mut d = doc(text);
    let timex = |t: &str, value: &str, kind: TimexType| {
        let start = text.find(t).unwrap_or(0);
        TimeExpression {
            text: t.to_string(),
            span: Span::of(text, start, start + t.len()).unwrap_or_else(|| panic!("span")),
            value: value.to_string(),
            kind,
            granularity: None,
            relative: true,
        }
    };
    d.time_expressions = vec![
        timex("three years", "P3Y", TimexType::Duration),
        timex("Friday", "2025-04-25", TimexType::Date),
    ];
    let claims = QuantityExtractor::new().extract(&d, &[]);
    let time = claims.first().and_then(|c| c.time.clone());
    assert_eq!(time.map(|t| t.value).as_deref(), Some("2025-04-25"));

    let text = "Zorvia officially confirmed on Monday that it had sent engineers.";
    let mut d = doc(text);
    let start = text.find("Monday").unwrap_or(0);
    d.time_expressions = vec![TimeExpression {
        text: "Monday".to_string(),
        span: Span::of(text, start, start + 6).unwrap_or_else(|| panic!("span")),
        value: "2025-04-28".to_string(),
        kind: TimexType::Date,
        granularity: Some("day".to_string()),
        relative: true,
    }];
    let claims = StanceExtractor::new().extract(&d, &[]);
    let c = claims.first().unwrap_or_else(|| panic!("no stance"));
    assert_eq!(
        c.time.as_ref().map(|t| t.value.as_str()),
        Some("2025-04-28")
    );
    assert_eq!(
        c.stance()
            .and_then(|s| s.about.as_ref())
            .map(|a| a.text.as_str()),
        Some("it had sent engineers")
    );
}

#[test]
fn random_text_never_panics() {
    let pieces = [
        "1",
        "14,000",
        "1.5",
        "-",
        "–",
        "/",
        "½",
        "$",
        "€",
        "£",
        "US$",
        "%",
        " ",
        ", ",
        ". ",
        "a",
        "an",
        "half",
        "third",
        "million",
        "tens",
        "of",
        "thousands",
        "to",
        "and",
        "between",
        "up",
        "more",
        "than",
        "km",
        "in",
        "pm",
        "year",
        "-year-old",
        "e",
        "×",
        "^",
        "(",
        ")",
        "“",
        "”",
        "’s",
        "denied",
        "confirmed",
        "by",
        "Neither",
        "nor",
        "NATO",
        "said",
        "according",
        "that",
        "not",
        "per",
        "day",
        "é",
        "中",
        "\n",
        "5-1/2",
        "1986/87",
        "mln",
        "dlrs",
    ];
    let mut rng = crosscheck_testkit::XorShift::new(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let mut text = String::new();
        let len = rng.below(24);
        for _ in 0..len {
            let seed = rng.next_u64();
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if matches!(seed % 3, 0) {
                text.push(' ');
            }
        }
        let d = doc(&text);
        for c in QuantityExtractor::new()
            .extract(&d, &[])
            .into_iter()
            .chain(StanceExtractor::new().extract(&d, &[]))
        {
            assert!(c.span.is_valid_in(&d.text), "{text:?}: {:?}", c.span);
        }
    }
}

/// The quantity of the first figure claim `sentence` yields.
fn first_quantity(sentence: &str) -> crosscheck_model::Quantity {
    match quantities(sentence).into_iter().next().map(|c| c.body) {
        Some(ClaimBody::Quantity { quantity }) => quantity,
        _ => panic!("{sentence}: no figure"),
    }
}

/// Money named by a currency family: the unit is the family unless the
/// sentence names the country, and the currency's name is never taken for
/// what is counted.
#[test]
fn currency_families_read_as_money() {
    // (sentence, value, unit)
    let cases: &[(&str, f64, &str)] = &[
        (
            "Tolvik Shipping lost 420 mln crowns in 1986.",
            420e6,
            "crown",
        ),
        (
            "Sweden's current account gap was 34.5 billion crowns.",
            34.5e9,
            "SEK",
        ),
        (
            "Imports into Marvonia fell to 4.3 billion taka.",
            4.3e9,
            "BDT",
        ),
        (
            "The tender set a rebate of 201.5 Ecus a tonne.",
            201.5,
            "XEU",
        ),
        ("The Oporto bank lent 12.2 billion pesetas.", 12.2e9, "ESP"),
        ("The Jordanian ministry needs five mln dinars.", 5e6, "JOD"),
        (
            "Foreign trade financing fell to 572.8 mln dinars.",
            572.8e6,
            "dinar",
        ),
        (
            "The Belgian treasury borrowed 40 billion francs.",
            40e9,
            "BEF",
        ),
        (
            "Venezuela's oil company paid 44.5 billion bolivars.",
            44.5e9,
            "VES",
        ),
        (
            "Seoul banks lent 50 billion won to the shipyard.",
            50e9,
            "KRW",
        ),
        (
            "The naphtha price rose to 104.21 won per litre.",
            104.21,
            "KRW",
        ),
        (
            "Exports rose to 17.2 billion N.Z. Dlrs in January.",
            17.2e9,
            "NZD",
        ),
        (
            "The shares rose 40 pfennigs in Frankfurt.",
            40.0,
            "DEM-pfennig",
        ),
        (
            "The board declared 12 Canadian cts a share.",
            12.0,
            "CAD-cent",
        ),
    ];
    for (sentence, value, unit) in cases {
        let q = first_quantity(sentence);
        assert_eq!(q.low, Some(*value), "{sentence}");
        assert_eq!(q.unit.as_deref(), Some(*unit), "{sentence}");
        assert_eq!(q.dimension.as_deref(), Some("currency"), "{sentence}");
        assert!(
            q.subject.as_deref().is_none_or(|s| !s.contains("crowns")
                && !s.contains("dinars")
                && !s.contains("Ecus")),
            "{sentence}: subject {:?}",
            q.subject
        );
    }
}

/// Tonnage as shipping and commodity news write it.
#[test]
fn long_and_deadweight_tons() {
    for (sentence, value, unit) in [
        (
            "The mill shipped 42,000 long tons of sugar.",
            42000.0,
            "long-ton",
        ),
        (
            "The tanker of 80,000 dwt docked at Nordvik.",
            80000.0,
            "deadweight-ton",
        ),
    ] {
        let q = first_quantity(sentence);
        assert_eq!(
            (q.low, q.unit.as_deref()),
            (Some(value), Some(unit)),
            "{sentence}"
        );
        assert_eq!(q.dimension.as_deref(), Some("mass"), "{sentence}");
    }
}

/// What a figure counts, where the words after it are not a noun phrase or
/// start with a possessor.
#[test]
fn subjects_skip_adverbs_possessors_and_worth() {
    // (sentence, value, subject)
    let cases: &[(&str, f64, Option<&str>)] = &[
        (
            "Growth and inflation reached 8.0 pct and 3.5 pct respectively.",
            8.0,
            None,
        ),
        ("The notes pay 50 mln dlrs due April 15, 1990.", 50e6, None),
        (
            "The tariffs hit 300 mln dlrs worth of Marvonian chips.",
            300e6,
            Some("Marvonian chips"),
        ),
        (
            "Tolvik bought 600,000 of the company's common shares.",
            600000.0,
            Some("common shares"),
        ),
        (
            "The fleet sank 12 of Valdoria's patrol boats.",
            12.0,
            Some("Valdoria's patrol boats"),
        ),
        // A nationality goes on modifying the noun after it ...
        (
            "Four major Marvonian ports closed on Monday.",
            4.0,
            Some("major Marvonian ports"),
        ),
        (
            "The strike hit 30 small Valdorian villages.",
            30.0,
            Some("small Valdorian villages"),
        ),
    ];
    for (sentence, value, subject) in cases {
        let q = first_quantity(sentence);
        assert_eq!(q.low, Some(*value), "{sentence}");
        assert_eq!(q.subject.as_deref(), *subject, "{sentence}");
    }
}

/// A figure joined by "and"/"or" to one with a unit shares it, unless the
/// two are of different scales (two measures, not a list).
#[test]
fn elided_units_in_lists() {
    // (sentence, value of the first figure, its unit, its rate)
    let cases: &[(&str, f64, Option<&str>, Option<&str>)] = &[
        (
            "June and July closed at 746 and 742 ringgit per tonne.",
            746.0,
            Some("MYR"),
            Some("per tonne"),
        ),
        (
            "The notes come in denominations of 1,000 and 10,000 dlrs.",
            1000.0,
            Some("USD"),
            None,
        ),
        (
            "Refiners expect 20 or 21 dlrs for the crude.",
            20.0,
            Some("USD"),
            None,
        ),
        // Two measures of one result: the total and the amount per share.
        (
            "Tolvik earned a profit of 177 mln or 2.75 dlrs a share.",
            177e6,
            None,
            None,
        ),
    ];
    for (sentence, value, unit, rate) in cases {
        let q = first_quantity(sentence);
        assert_eq!(q.low, Some(*value), "{sentence}");
        assert_eq!(q.unit.as_deref(), *unit, "{sentence}");
        assert_eq!(q.rate.as_deref(), *rate, "{sentence}");
    }
}

/// A hedge after "between" hedges the whole range.
#[test]
fn hedged_between_ranges() {
    for (sentence, low, high) in [
        (
            "Prices vary between about 350 and 800 dlrs a ton.",
            350.0,
            800.0,
        ),
        ("Growth will be between roughly 5 and 7 pct.", 5.0, 7.0),
    ] {
        assert_eq!(quantities(sentence).len(), 1, "{sentence}");
        let q = first_quantity(sentence);
        assert_eq!((q.low, q.high), (Some(low), Some(high)), "{sentence}");
        assert_eq!(q.bound, Bound::Range, "{sentence}");
        assert!(q.approximate, "{sentence}");
    }
}

/// A story that names one other dollar, and never the US one, means it by
/// "dlrs" alone; naming the US dollar or two dollars keeps the default.
#[test]
fn the_dollar_a_story_names() {
    let units = |text: &str| -> Vec<String> {
        quantities(text)
            .iter()
            .filter_map(|c| match &c.body {
                ClaimBody::Quantity { quantity } => quantity.unit.clone(),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        units("Tolvik Mining earned 52 mln Australian dlrs. Sales rose to 1.2 billion dlrs."),
        ["AUD", "AUD"]
    );
    assert_eq!(
        units(
            "Tolvik earned 52 mln Australian dlrs, or 37 mln U.S. dlrs. Sales were 900 mln dlrs."
        ),
        ["AUD", "USD", "USD"]
    );
    assert_eq!(
        units("Tolvik paid 5 mln Canadian dlrs and 4 mln N.Z. dlrs. Its debt is 90 mln dlrs."),
        ["CAD", "NZD", "USD"]
    );
}

/// Figures read after the TimeBank rounds (fresh 25-27): every value a
/// sentence yields, as (low, high, unit), in order.
#[test]
fn restatements_tallies_periods_and_multipliers() {
    type Reading = (Option<f64>, Option<f64>, Option<&'static str>);
    let cases: &[(&str, &[Reading])] = &[
        // An amount in brackets after another restates it in another
        // currency: no accounting negative.
        (
            "Vell bid 900 Danish crowns ($131) a share.",
            &[
                (Some(900.0), Some(900.0), Some("DKK")),
                (Some(131.0), Some(131.0), Some("USD")),
            ],
        ),
        (
            "Ostra offered 75 million Danish crowns (US$11.2 million) for the mill.",
            &[
                (Some(75e6), Some(75e6), Some("DKK")),
                (Some(11.2e6), Some(11.2e6), Some("USD")),
            ],
        ),
        // A real accounting negative keeps its sign.
        (
            "Net came to ($4.10) a share.",
            &[(Some(-4.1), Some(-4.1), Some("USD"))],
        ),
        // A large falling tally with nothing counted after it is no range.
        ("Losers led gainers 1,141 to 406 in Sarn.", &[]),
        // Close rising ends after a change verb with no "from" are one range;
        // a level that dwarfs the step, or lies below it, is a step and a level.
        (
            "Orlen plans to raise 40 million to 45 million Danish crowns.",
            &[(Some(40e6), Some(45e6), Some("DKK"))],
        ),
        (
            "Vell shares rose 1.00 to 1.50 dlrs.",
            &[(Some(1.0), Some(1.5), Some("USD"))],
        ),
        (
            "The Sarn index eased 1.25 to 416.50.",
            &[
                (Some(1.25), Some(1.25), None),
                (Some(416.5), Some(416.5), None),
            ],
        ),
        // A price in fractions is a value in its own right; a date is no
        // fraction of the number before it.
        (
            "The notes were priced at 99 3/4 to yield 6.1%.",
            &[
                (Some(99.75), Some(99.75), None),
                (Some(6.1), Some(6.1), Some("percent")),
            ],
        ),
        // "#" for the pound sign, with a scale word or decimals; "#1" is a rank.
        (
            "Profit fell to #42 million from #45 million.",
            &[
                (Some(42e6), Some(42e6), Some("GBP")),
                (Some(45e6), Some(45e6), Some("GBP")),
            ],
        ),
        (
            "Forecasts ran from #130 million to #135 million.",
            &[(Some(130e6), Some(135e6), Some("GBP"))],
        ),
        ("Orlen is the #1 grocer in Sarn.", &[]),
        // "second" before "quarter" is an ordinal, not the time unit.
        ("Vell lost money in the 1994 second quarter.", &[]),
        // Quarters of a year, not fourths.
        (
            "Sales fell in the past two quarters.",
            &[(Some(2.0), Some(2.0), None)],
        ),
        (
            "The lenders set a rolling four-quarter test.",
            &[(Some(4.0), Some(4.0), None)],
        ),
        (
            "Three quarters of the voters stayed home.",
            &[(Some(0.75), Some(0.75), Some("share"))],
        ),
        // "-based" after a number makes a designation.
        ("Vell Labs sells 386-based terminals.", &[]),
        // "double" before what it multiplies, unless it is a verb.
        (
            "About $60 million left the funds, double the level of May.",
            &[
                (Some(60e6), Some(60e6), Some("USD")),
                (Some(2.0), Some(2.0), Some("times")),
            ],
        ),
        ("Orlen will more than double the number of stores.", &[]),
        ("Vell plans to double the output.", &[]),
        // "by half" and "in half" before a preposition are a share.
        (
            "Ostra cut its costs by half to 12 million crowns.",
            &[
                (Some(0.5), Some(0.5), Some("share")),
                (Some(12e6), Some(12e6), Some("crown")),
            ],
        ),
        (
            "Vell could slash its research costs in half by 2031.",
            &[(Some(0.5), Some(0.5), Some("share"))],
        ),
        // Decimals spoken as words, before a scale word or a unit only.
        (
            "It was part of a one point two billion dollar plan.",
            &[(Some(1.2e9), Some(1.2e9), Some("USD"))],
        ),
        (
            "At one point two soldiers ran off.",
            &[(Some(2.0), Some(2.0), None)],
        ),
        // From rounds 28-30: more verbs of change; a rank with a hyphen; a
        // quarter or a half of a year; "half that"; spoken years; "one of the
        // first" with nothing counted.
        (
            "Vell skidded 9.5 to 200.5 in Sarn.",
            &[
                (Some(9.5), Some(9.5), None),
                (Some(200.5), Some(200.5), None),
            ],
        ),
        ("A four-star general spoke.", &[]),
        ("Vell paid taxes in a quarter that produced a loss.", &[]),
        (
            "They own a quarter in the firm.",
            &[(Some(0.25), Some(0.25), Some("share"))],
        ),
        (
            "The houses are worth only half that now.",
            &[(Some(0.5), Some(0.5), Some("share"))],
        ),
        ("Earnings fell in the last half of 2031.", &[]),
        ("In nineteen ninety-one Vell was charged.", &[]),
        (
            "Fifteen twenty-year-olds came.",
            &[
                (Some(15.0), Some(15.0), None),
                (Some(20.0), Some(20.0), Some("year")),
            ],
        ),
        ("Orlen was one of the first to act.", &[]),
        (
            "Orlen is one of the first two grocers in Sarn.",
            &[(Some(1.0), Some(1.0), None), (Some(2.0), Some(2.0), None)],
        ),
        // From rounds 31-33: an abbreviation in capitals and a hyphened
        // function word inside the counted phrase; a model number after "the".
        (
            "The frigate sails alongside three US vessels.",
            &[(Some(3.0), Some(3.0), None)],
        ),
        (
            "Vell was hurt when two would-be robbers fired.",
            &[(Some(2.0), Some(2.0), None)],
        ),
        ("Orlen will ship a terminal based on the 486 chip.", &[]),
        (
            "The 2400 level held, and the 173 commercial growers met.",
            &[
                (Some(2400.0), Some(2400.0), None),
                (Some(173.0), Some(173.0), None),
            ],
        ),
        ("Vell declared a two-for-one stock split.", &[]),
        // From rounds 34-36: "one ... the other" is an idiom, "if one adds"
        // the pronoun; "half a vote" is half of one.
        ("None of them put one state over the other.", &[]),
        ("If one adds Velmar, the total rises.", &[]),
        (
            "If one state votes no, the pact fails.",
            &[(Some(1.0), Some(1.0), None)],
        ),
        (
            "A few of whom get only half a vote.",
            &[(Some(0.5), Some(0.5), Some("share"))],
        ),
        // From rounds 37-42: a falling dash-joined pair with units is two
        // values; "N or M" rising is one range; a worded ratio; a day of a
        // month is no range end; "either one", "in one case", "one ...
        // another" and "one of the oldest in" count nothing; "four more
        // years" counts years; "eight of the last nine contests" counts
        // both; "in the seven figures" is the size of a number; "the first
        // three-quarters of his report" is a share.
        (
            "By 58%-33%, voters backed the levy.",
            &[
                (Some(58.0), Some(58.0), Some("percent")),
                (Some(33.0), Some(33.0), Some("percent")),
            ],
        ),
        (
            "He has campaigned for six or seven months.",
            &[(Some(6.0), Some(7.0), Some("month"))],
        ),
        ("Voters rated it good by a ratio of four to one.", &[]),
        (
            "Support went from 40 percent on July 14 to 46 percent.",
            &[
                (Some(40.0), Some(40.0), Some("percent")),
                (Some(46.0), Some(46.0), Some("percent")),
            ],
        ),
        ("Either one of these candidates could win.", &[]),
        ("In one case the sites were moved.", &[]),
        (
            "He is the son of one governor and the brother of another.",
            &[],
        ),
        ("The Vell rite is one of the oldest in Sarn.", &[]),
        (
            "Orlen wants four more years in office.",
            &[(Some(4.0), Some(4.0), None)],
        ),
        (
            "Vell has won eight of the last nine contests.",
            &[(Some(8.0), Some(8.0), None), (Some(9.0), Some(9.0), None)],
        ),
        ("His costs were in the seven figures.", &[]),
        (
            "Read the first three-quarters of his report.",
            &[(Some(0.75), Some(0.75), Some("share"))],
        ),
        // From rounds 43-54: alternatives with their own units are no range;
        // a hyphened "5-to-4" tally; a possessive before a count; a count
        // in a compound after another number; "a half-dozen"; "one-third
        // of" is a share; "likely voters"; an age after "dies at"; people
        // left unsaid after a verb of harm or at the end of "with N".
        (
            "They are worth either $43 billion or $55 billion.",
            &[
                (Some(43e9), Some(43e9), Some("USD")),
                (Some(55e9), Some(55e9), Some("USD")),
            ],
        ),
        ("The case was decided by a 5-to-4 vote.", &[]),
        (
            "Vell toured Sarn’s 99 counties.",
            &[(Some(99.0), Some(99.0), None)],
        ),
        ("Orlen joined Standard and Poor's 500 index.", &[]),
        (
            "Almost 650 18-hole courses have closed.",
            &[(None, Some(650.0), None), (Some(18.0), Some(18.0), None)],
        ),
        (
            "Vell spoke a half-dozen times.",
            &[(Some(6.0), Some(6.0), Some("times"))],
        ),
        (
            "One-third of voters were undecided.",
            &[(Some(1.0 / 3.0), Some(1.0 / 3.0), Some("share"))],
        ),
        (
            "The poll included 996 likely voters.",
            &[(Some(996.0), Some(996.0), None)],
        ),
        (
            "Orlen Vell, a painter, dies at 92.",
            &[(Some(92.0), Some(92.0), Some("year"))],
        ),
        (
            "Guards fired on the crowd, killing 15.",
            &[(Some(15.0), Some(15.0), None)],
        ),
        (
            "Vell leads the race for delegates with 61.",
            &[(Some(61.0), Some(61.0), None)],
        ),
    ];
    for (sentence, expected) in cases {
        let got: Vec<Reading> = quantities(sentence)
            .iter()
            .filter_map(|c| c.quantity())
            .map(|q| {
                let unit = q.unit.as_deref().and_then(|u| {
                    expected
                        .iter()
                        .filter_map(|e| e.2)
                        .find(|e| *e == u)
                        .or(Some("other"))
                });
                (q.low, q.high, unit)
            })
            .collect();
        assert_eq!(&got, expected, "{sentence}");
    }
    // A date after a number is no fraction of it ("87 03/09" is not 87 1/3).
    let text = "Crop tables 04/09/87 03/09/87 list acreage.";
    assert!(
        quantities(text)
            .iter()
            .filter_map(|c| c.quantity())
            .all(|q| q.low.is_none_or(|v| v.fract() == 0.0)),
        "{text}"
    );
}

/// Newswire results: "shr" is per share, after the amount or as the row's
/// label; a word of change after a price is no subject.
#[test]
fn per_share_rows_and_change_words() {
    let read = |text: &str| -> Vec<(Option<f64>, Option<String>, Option<String>)> {
        quantities(text)
            .iter()
            .filter_map(|c| c.quantity())
            .map(|q| (q.low, q.rate.clone(), q.subject.clone()))
            .collect()
    };
    let per_share = Some("per share".to_string());
    assert_eq!(
        read("Shr 31 cts vs 28 cts"),
        vec![
            (Some(31.0), per_share.clone(), None),
            (Some(28.0), per_share.clone(), None)
        ]
    );
    assert_eq!(
        read("Net includes a gain of 1.2 mln dlrs or nine cts shr from a sale."),
        vec![
            (Some(1.2e6), None, None),
            (Some(9.0), per_share.clone(), None)
        ]
    );
    assert_eq!(
        read("Orlen shares were two pence firmer at 312p."),
        vec![(Some(2.0), None, None), (Some(312.0), None, None)]
    );
}
