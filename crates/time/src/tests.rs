use super::*;

/// Wednesday 30 April 2025.
fn anchor() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 4, 30)
}

fn found(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, String, TimexType)> {
    TimeNormalizer::new()
        .extract_text(text, anchor)
        .into_iter()
        .map(|e| {
            assert!(e.span.is_valid_in(text), "span must slice the text");
            (e.text, e.value, e.kind)
        })
        .collect()
}

use TimexType::{Date, Duration, Set, Time};

/// (sentence, expected (text, value, type) triples)
type Case = (
    &'static str,
    &'static [(&'static str, &'static str, TimexType)],
);

#[test]
fn constructions_with_anchor() {
    let cases: &[Case] = &[
        // absolute dates
        (
            "The bridge opened on April 27.",
            &[("April 27", "2025-04-27", Date)],
        ),
        (
            "The treaty was signed on 27 April 2025.",
            &[("27 April 2025", "2025-04-27", Date)],
        ),
        (
            "Talks began in October 2024.",
            &[("October 2024", "2024-10", Date)],
        ),
        ("The mill closed in 2022.", &[("2022", "2022", Date)]),
        (
            "The vote was held Jan. 5, 1998, in Tarn.",
            &[("Jan. 5, 1998", "1998-01-05", Date)],
        ),
        (
            "The feed went dark on 2024-11-03.",
            &[("2024-11-03", "2024-11-03", Date)],
        ),
        ("The fleet sailed in March.", &[("March", "2025-03", Date)]),
        ("She may march in the parade.", &[]),
        // relative days and weekdays
        (
            "The mayor resigned on Monday.",
            &[("Monday", "2025-04-28", Date)],
        ),
        (
            "The council will vote on Friday.",
            &[("Friday", "2025-05-02", Date)],
        ),
        (
            "Protests began early Monday morning.",
            &[("early Monday morning", "2025-04-28TMO", Time)],
        ),
        (
            "The ferry sank yesterday.",
            &[("yesterday", "2025-04-29", Date)],
        ),
        (
            "The port reopens tomorrow.",
            &[("tomorrow", "2025-05-01", Date)],
        ),
        (
            "Crews worked through last night.",
            &[("last night", "2025-04-29TNI", Time)],
        ),
        (
            "Last Friday the dam held.",
            &[("Last Friday", "2025-04-25", Date)],
        ),
        // relative periods
        ("Prices fell last week.", &[("last week", "2025-W17", Date)]),
        ("Exports rose last year.", &[("last year", "2024", Date)]),
        ("Exports rose this year.", &[("this year", "2025", Date)]),
        (
            "Rents will rise next month.",
            &[("next month", "2025-05", Date)],
        ),
        (
            "The mine closed two years ago.",
            &[("two years ago", "2023", Date)],
        ),
        (
            "The levee broke last April.",
            &[("last April", "2024-04", Date)],
        ),
        (
            "Crowds gathered this weekend.",
            &[("this weekend", "2025-W18-WE", Date)],
        ),
        // references
        ("The town is now quiet.", &[("now", "PRESENT_REF", Date)]),
        (
            "The guild recently merged.",
            &[("recently", "PAST_REF", Date)],
        ),
        ("Repairs will start soon.", &[("soon", "FUTURE_REF", Date)]),
        // durations
        (
            "The siege lasted three years.",
            &[("three years", "P3Y", Duration)],
        ),
        (
            "The strike ended six months after it began.",
            &[("six months after", "P6M", Duration)],
        ),
        (
            "It was a two-year project.",
            &[("two-year", "P2Y", Duration)],
        ),
        (
            "The talks took several days.",
            &[("several days", "PXD", Duration)],
        ),
        (
            "The drill ran for nearly two hours.",
            &[("nearly two hours", "PT2H", Duration)],
        ),
        ("A 45-year-old farmer was hurt.", &[]),
        // quarters and halves
        (
            "Profit rose in the third quarter. A year earlier it fell.",
            &[
                ("the third quarter", "2025-Q3", Date),
                ("A year earlier", "2024-Q3", Date),
            ],
        ),
        (
            "Stocks stood at 40 tonnes on March 31, against 52 a year earlier.",
            &[
                ("March 31", "2025-03-31", Date),
                ("a year earlier", "2024-03-31", Date),
            ],
        ),
        (
            "Sales fell in the first half of 2024.",
            &[("the first half of 2024", "2024-H1", Date)],
        ),
        // seasons, decades, centuries
        (
            "The canal froze this winter.",
            &[("this winter", "2025-WI", Date)],
        ),
        ("Mills closed in the 1980s.", &[("the 1980s", "198", Date)]),
        (
            "The abbey dates from the 12th century.",
            &[("the 12th century", "11", Date)],
        ),
        // times of day
        (
            "The blast came at 10:30 a.m. on Tuesday.",
            &[("10:30 a.m. on Tuesday", "2025-04-29T10:30", Time)],
        ),
        (
            "The curfew starts at midnight.",
            &[("midnight", "2025-04-30T24:00", Time)],
        ),
        // sets
        ("The ferry runs every week.", &[("every week", "P1W", Set)]),
        (
            "Inspections happen each Monday.",
            &[("each Monday", "XXXX-WXX-1", Set)],
        ),
        ("The clinic reports daily.", &[("daily", "P1D", Set)]),
        (
            "The fair opens each July.",
            &[("each July", "XXXX-07", Set)],
        ),
        ("Rents rose a quarter of a point.", &[]),
        ("The city of 1,500 people voted.", &[]),
        ("They tried a second time.", &[]),
        ("The fall in prices hurt farmers.", &[]),
        (
            "The dam was finished in the fall.",
            &[("the fall", "2025-FA", Date)],
        ),
    ];
    for (text, want) in cases {
        let got = found(text, anchor());
        let want: Vec<(String, String, TimexType)> = want
            .iter()
            .map(|(t, v, k)| (t.to_string(), v.to_string(), *k))
            .collect();
        assert_eq!(got, want, "text: {text}");
    }
}

#[test]
fn without_anchor_unknown_parts_stay_x() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "The bridge opened on April 27.",
            &[("April 27", "XXXX-04-27")],
        ),
        ("The mayor resigned on Monday.", &[("Monday", "XXXX-XX-XX")]),
        ("Exports rose last year.", &[("last year", "XXXX")]),
        // a year stated in another sentence is not lent to a year-less
        // date (see `undated_text_places_year_less_dates_by_narrative`)
        (
            "The drought of 2019 was long. On April 27 the rain came.",
            &[("2019", "2019"), ("April 27", "XXXX-04-27")],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<(String, String)> = found(text, None)
            .into_iter()
            .map(|(t, v, _)| (t, v))
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(t, v)| (t.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want, "text: {text}");
    }
}

#[test]
fn year_less_dates_follow_tense_and_distance() {
    // Anchor in early January: "December" in a past clause is last December.
    let jan = NaiveDate::from_ymd_opt(2025, 1, 8);
    let got = found("The dyke failed in December.", jan);
    assert_eq!(got[0].1, "2024-12");
    let got = found("The dyke failed on Dec. 20.", jan);
    assert_eq!(got[0].1, "2024-12-20");
    // ... and in a future clause in December a January date is next year's.
    // A year stated earlier in the sentence wins over the anchor's.
    let got = found("In 2019, the dam failed on March 3.", anchor());
    assert_eq!(got[1].1, "2019-03-03");
    let dec = NaiveDate::from_ymd_opt(2024, 12, 20);
    let got = found("The board will meet on Jan. 9.", dec);
    assert_eq!(got[0].1, "2025-01-09");
}

#[test]
fn publication_estimate_from_latest_explicit_date() {
    let text = "The siege began in October 2024. On 27 April 2025 it ended. It may resume.";
    let exprs = TimeNormalizer::new().extract_text(text, None);
    let est = TimeNormalizer::new()
        .estimate_publication_date(text, &crosscheck_text::TokenLayer::new(text, &[]), &exprs)
        .expect("estimate");
    assert_eq!(est.earliest, NaiveDate::from_ymd_opt(2025, 4, 27));
    assert!(est.basis.contains("27 April 2025"), "{}", est.basis);
    assert!(TimeNormalizer::new()
        .estimate_publication_date(
            "No dates here.",
            &crosscheck_text::TokenLayer::new("No dates here.", &[]),
            &[]
        )
        .is_none());
}

#[test]
fn odd_input_does_not_panic() {
    let n = TimeNormalizer::new();
    for text in [
        "",
        "Jan. 99, 2025",
        "Feb. 30",
        "0000",
        "99:99 p.m.",
        "’ ‘ – — … 1/0 years",
        "31st of Smarch",
        "0th century",
        "99999999999 years ago",
        "4294967296 months ago",
        "the year 0999",
        "every 99999999999 weeks",
    ] {
        let _ = n.extract_text(text, anchor());
        let _ = n.extract_text(text, None);
    }
    // expressions whose spans do not fit the text they are passed with
    let long = format!(
        "{} He left on 3 May 2024 and will return on June 9, 2025.",
        "The mill is quiet. ".repeat(20)
    );
    let exprs = n.extract_text(&long, None);
    assert!(exprs.iter().all(|e| e.span.start > 300), "{exprs:?}");
    for text in ["", "é", "Short."] {
        let _ = TimeNormalizer::new().estimate_publication_date(
            text,
            &crosscheck_text::TokenLayer::new(text, &[]),
            &exprs,
        );
    }
    let busy = "Last year, on Monday, a year ago, next week, the third quarter, in March, \
                this weekend, 10:30 a.m. Friday, three years later, the 1990s, this winter.";
    for extreme in [NaiveDate::MIN, NaiveDate::MAX] {
        let _ = n.extract_text(busy, Some(extreme));
    }
}

/// Year-less dates in an undated text, placed by the dates the text states
/// and the words around them; (text, year-less expression, expected value).
#[test]
fn undated_text_places_year_less_dates_by_narrative() {
    let cases: &[(&str, &str, &str)] = &[
        // a "later" cue before the date: the first such month after the
        // stated one
        (
            "Rumours of the merger first spread in November 2023. The board kept quiet until mid-March.",
            "mid-March",
            "2024-03",
        ),
        (
            "Rumours of the merger spread in November 2023. The board kept quiet until March.",
            "March",
            "2024-03",
        ),
        (
            "The ferry sank on Sept. 12, 2023. Divers eventually reached it on June 2.",
            "June 2",
            "2024-06-02",
        ),
        // the stated date opens the story ("since"): later dates in its
        // sentence follow it
        (
            "Since August 2023 the mayor of Velmora has refused interviews; on February 9 he spoke.",
            "February 9",
            "2024-02-09",
        ),
        // in another sentence a start alone is not enough: on Reuters
        // stories read without their dates, "had not happened since August
        // 1984. ... in January" put this January in 1985
        (
            "The strike at the Orlen yard began in October 2022. On March 14 the union voted.",
            "March 14",
            "XXXX-03-14",
        ),
        // a plan is no step of the story ("payment will be made April 13"
        // after "bonds due 2002" was the main error source on Reuters)
        (
            "The canal closed in September 2023. It will reopen on May 5.",
            "May 5",
            "XXXX-05-05",
        ),
        // an "earlier" cue, or none, across sentences: unresolved; news
        // writes the year out for other years, so the stated year is as
        // often wrong as right for a year-less date
        (
            "The canal closed in September 2023. Traffic had fallen in May.",
            "May",
            "XXXX-05",
        ),
        (
            "The canal closed in March 2023. It reopened on Sept. 4.",
            "Sept. 4",
            "XXXX-09-04",
        ),
        // in the same sentence the stated year holds
        (
            "The canal closed in March 2023 and reopened on Sept. 4.",
            "Sept. 4",
            "2023-09-04",
        ),
        // nothing tells which side: unresolved
        (
            "The canal closed in September 2023. The dredger arrived in May.",
            "May",
            "XXXX-05",
        ),
        (
            "Since 2021 the plant has run at a loss. In March it cut shifts.",
            "March",
            "XXXX-03",
        ),
        // a year alone, in another sentence, lends nothing
        (
            "The drought of 2019 was long. On April 27 the rain came.",
            "April 27",
            "XXXX-04-27",
        ),
        // one April in the text: the earlier mention takes its year too
        (
            "On April 27 the minister resigned. Calls for it began in October 2023, and he held on until late April.",
            "April 27",
            "2024-04-27",
        ),
        // two different Aprils: the earlier mention stays unresolved
        (
            "On April 27 the minister resigned. He took office in April 2021 and, after a scandal in October 2023, held on until late April.",
            "April 27",
            "XXXX-04-27",
        ),
    ];
    for (text, expr, want) in cases {
        let got = found(text, None);
        let value = got
            .iter()
            .find(|(t, _, _)| t == expr)
            .map(|(_, v, _)| v.as_str());
        assert_eq!(value, Some(*want), "{text}\n  found: {got:?}");
    }
}

/// With a document date the anchor decides, unless a year stated in the same
/// sentence opens the story and the words place the date after it.
#[test]
fn anchored_same_sentence_start_cue() {
    let got = found(
        "Since August 2023 the mayor has refused interviews, but on February 9 he spoke.",
        anchor(),
    );
    assert_eq!(got[1].1, "2024-02-09", "{got:?}");
    let got = found("In 2019, the dam failed on March 3.", anchor());
    assert_eq!(got[1].1, "2019-03-03", "{got:?}");
}

/// (text, earliest, latest, words the basis must contain)
#[test]
fn publication_estimate_bounds() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    type EstimateCase = (
        &'static str,
        Option<NaiveDate>,
        Option<NaiveDate>,
        &'static [&'static str],
    );
    let cases: &[EstimateCase] = &[
        // a future-marked date bounds from above, not below
        (
            "The levee failed in October 2024. Engineers will meet on June 3, 2025.",
            d(2024, 10, 1),
            d(2025, 6, 3),
            &["October 2024", "looks forward", "June 3, 2025"],
        ),
        (
            "Exports slumped in March 2025 ahead of next month's summit on April 9, 2025.",
            d(2025, 3, 1),
            d(2025, 4, 9),
            &["March 2025", "April 9, 2025"],
        ),
        // a year-less date placed after the stated one raises the bound
        (
            "Reports of the leak first surfaced in October 2024. The firm stayed silent until late April.",
            d(2025, 4, 1),
            None,
            &["late April", "year inferred"],
        ),
        (
            "Since October 2024 the envoy has said nothing; on April 27 he said talks were over.",
            d(2025, 4, 27),
            None,
            &["April 27", "year inferred"],
        ),
        // a future year-less date stays unresolved: no upper bound from it
        (
            "The plant shut in November 2024. It will reopen on March 2.",
            d(2024, 11, 1),
            None,
            &["November 2024"],
        ),
        // a passive future is no past tense
        (
            "The plant shut in November 2024; the inquiry will be held in March 2025.",
            d(2024, 11, 1),
            d(2025, 3, 31),
            &["November 2024", "looks forward", "March 2025"],
        ),
        // the ordinal year of something with a stated start month
        (
            "The blockade, which began in February 2022, is in its third year.",
            d(2024, 2, 1),
            d(2025, 2, 28),
            &["third year", "begun in"],
        ),
        // a year alone is a weak bound, and said to be
        (
            "The armistice was signed in 1953, and the border has stayed shut.",
            d(1953, 1, 1),
            None,
            &["1953", "weak"],
        ),
        // the end of a period is no lower bound, whatever the tense
        (
            "Wages were frozen in June 2024; a freeze until January 2026 has hurt.",
            d(2024, 6, 1),
            None,
            &["June 2024"],
        ),
        (
            "Investments made between October 2022 and December 2026 are exempt.",
            d(2022, 10, 1),
            None,
            &["October 2022"],
        ),
        // a future date before the lower bound contradicts it: dropped
        (
            "The dam was finished in May 2025 and will be inspected in March 2024.",
            d(2025, 5, 1),
            None,
            &["May 2025"],
        ),
    ];
    for (text, earliest, latest, basis_words) in cases {
        let exprs = TimeNormalizer::new().extract_text(text, None);
        let Some(est) = TimeNormalizer::new().estimate_publication_date(
            text,
            &crosscheck_text::TokenLayer::new(text, &[]),
            &exprs,
        ) else {
            panic!("no estimate for {text}\n  {exprs:?}");
        };
        assert_eq!(
            (est.earliest, est.latest),
            (*earliest, *latest),
            "{text}\n  {est:?}"
        );
        for w in *basis_words {
            assert!(
                est.basis.contains(w),
                "{text}\n  basis lacks {w:?}: {}",
                est.basis
            );
        }
    }
}

#[test]
fn impossible_days_are_no_dates() {
    for text in [
        "The council met on February 31, 2024.",
        "The council met on 31 February 2024.",
        "The council met on April 31.",
        "The council met on 2023-02-29.",
        "The council met on February 29, 2023.",
    ] {
        let got = found(text, anchor());
        assert!(
            got.iter()
                .all(|(_, value, _)| !value.ends_with("-31") && !value.ends_with("-29")),
            "{text}: {got:?}"
        );
    }
    // A real leap day stays.
    assert_eq!(
        found("The council met on February 29, 2024.", anchor()),
        vec![(
            "February 29, 2024".to_string(),
            "2024-02-29".to_string(),
            Date
        )]
    );
}
