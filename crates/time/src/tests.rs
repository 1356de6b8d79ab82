use super::*;

/// Wednesday 30 April 2025.
fn anchor() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 4, 30)
}

fn found(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, String, TimexType)> {
    TimeNormalizer::new()
        .extract(text, &[], anchor)
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
        // the year a year-less date takes comes from the text before it
        (
            "The drought of 2019 was long. On April 27 the rain came.",
            &[("2019", "2019"), ("April 27", "2019-04-27")],
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
    let exprs = TimeNormalizer::new().extract(text, &[], None);
    let est = estimate_publication_date(text, &exprs).expect("estimate");
    assert_eq!(est.earliest, NaiveDate::from_ymd_opt(2025, 4, 27));
    assert!(est.basis.contains("27 April 2025"), "{}", est.basis);
    assert!(estimate_publication_date("No dates here.", &[]).is_none());
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
        let _ = n.extract(text, &[], anchor());
        let _ = n.extract(text, &[], None);
    }
    let busy = "Last year, on Monday, a year ago, next week, the third quarter, in March, \
                this weekend, 10:30 a.m. Friday, three years later, the 1990s, this winter.";
    for extreme in [NaiveDate::MIN, NaiveDate::MAX] {
        let _ = n.extract(busy, &[], Some(extreme));
    }
}
