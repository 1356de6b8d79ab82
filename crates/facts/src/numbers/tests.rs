//! Table-driven tests of the figure reader on invented sentences.

use super::*;

fn one(s: &str) -> Figure {
    let figs = read_figures(s, 0, s.len(), false);
    assert_eq!(figs.len(), 1, "{s}: {figs:?}");
    figs.into_iter().next().unwrap_or_else(|| unreachable!())
}

type Case = (
    &'static str,
    Option<f64>,
    Option<f64>,
    Bound,
    bool,
    Option<&'static str>,
    FigureKind,
);

#[test]
fn values_bounds_and_units() {
    use Bound::*;
    use FigureKind::*;
    // (text, low, high, bound, approximate, unit, kind)
    let cases: &[Case] = &[
        // The second numeral's scale carries over to a bare first one.
        (
            "forecast at 7.8 to 8.2 mln tonnes",
            Some(7.8e6),
            Some(8.2e6),
            Range,
            false,
            Some("tonne"),
            Amount,
        ),
        (
            "between 7.7 and eight million tonnes",
            Some(7.7e6),
            Some(8e6),
            Range,
            false,
            Some("tonne"),
            Amount,
        ),
        // A symbol unit before a dash is no code ("L-202" is one).
        (
            "Vell polled a steady 41%–43% in Ostrava",
            Some(41.0),
            Some(43.0),
            Range,
            false,
            Some("percent"),
            Amount,
        ),
        // A hyphen glued to the joiner is no minus sign.
        (
            "an incubation period of one-to-seven days",
            Some(1.0),
            Some(7.0),
            Range,
            false,
            Some("day"),
            Duration,
        ),
        (
            "workers between the ages of 18 and 29",
            Some(18.0),
            Some(29.0),
            Range,
            false,
            None,
            Count,
        ),
        (
            "the game runs at 60fps on the console",
            Some(60.0),
            Some(60.0),
            Exact,
            false,
            Some("frame-per-second"),
            Amount,
        ),
        // "in" is an inch only before a measure word.
        (
            "a 2 in thick board",
            Some(2.0),
            Some(2.0),
            Exact,
            false,
            Some("inch"),
            Amount,
        ),
        (
            "between 500 and 2 million voters",
            Some(500.0),
            Some(2e6),
            Range,
            false,
            None,
            Count,
        ),
        (
            "they sent 14,000 troops",
            Some(14000.0),
            Some(14000.0),
            Exact,
            false,
            None,
            Count,
        ),
        (
            "three million shells",
            Some(3e6),
            Some(3e6),
            Exact,
            false,
            None,
            Count,
        ),
        (
            "a thousand men",
            Some(1000.0),
            Some(1000.0),
            Exact,
            false,
            None,
            Count,
        ),
        (
            "a dozen drones",
            Some(12.0),
            Some(12.0),
            Exact,
            false,
            None,
            Count,
        ),
        (
            "tens of thousands of people",
            None,
            None,
            Exact,
            false,
            None,
            Count,
        ),
        ("hundreds of boats", None, None, Exact, false, None, Count),
        (
            "1.5 million barrels of oil",
            Some(1.5e6),
            Some(1.5e6),
            Exact,
            false,
            Some("barrel"),
            Amount,
        ),
        (
            "8,000 to 12,000 soldiers",
            Some(8000.0),
            Some(12000.0),
            Range,
            false,
            None,
            Count,
        ),
        (
            "between 10,000 and 12,000 soldiers",
            Some(10000.0),
            Some(12000.0),
            Range,
            false,
            None,
            Count,
        ),
        (
            "some 10,000-12,000 soldiers",
            Some(10000.0),
            Some(12000.0),
            Range,
            true,
            None,
            Count,
        ),
        (
            "up to 12,000 soldiers",
            None,
            Some(12000.0),
            AtMost,
            false,
            None,
            Count,
        ),
        (
            "more than 500 drones",
            Some(500.0),
            None,
            AtLeast,
            false,
            None,
            Count,
        ),
        (
            "at least 40 villages",
            Some(40.0),
            None,
            AtLeast,
            false,
            None,
            Count,
        ),
        (
            "fewer than 30 tanks",
            None,
            Some(30.0),
            AtMost,
            false,
            None,
            Count,
        ),
        (
            "nearly 900 shells",
            None,
            Some(900.0),
            AtMost,
            true,
            None,
            Count,
        ),
        (
            "almost 60 trucks",
            None,
            Some(60.0),
            AtMost,
            true,
            None,
            Count,
        ),
        (
            "approximately 14,000 troops",
            Some(14000.0),
            Some(14000.0),
            Exact,
            true,
            None,
            Count,
        ),
        (
            "around 300 boats",
            Some(300.0),
            Some(300.0),
            Exact,
            true,
            None,
            Count,
        ),
        (
            "an estimated 7,000 recruits",
            Some(7000.0),
            Some(7000.0),
            Exact,
            true,
            None,
            Count,
        ),
        (
            "roughly 20 ships",
            Some(20.0),
            Some(20.0),
            Exact,
            true,
            None,
            Count,
        ),
        (
            "about 45 percent of voters",
            Some(45.0),
            Some(45.0),
            Exact,
            true,
            Some("percent"),
            Amount,
        ),
        (
            "12% of the budget",
            Some(12.0),
            Some(12.0),
            Exact,
            false,
            Some("percent"),
            Amount,
        ),
        (
            "a third of the fleet",
            Some(1.0 / 3.0),
            Some(1.0 / 3.0),
            Exact,
            false,
            None,
            Count,
        ),
        (
            "almost half of the ammunition",
            None,
            Some(0.5),
            AtMost,
            true,
            None,
            Count,
        ),
        (
            "£2,000 in fees",
            Some(2000.0),
            Some(2000.0),
            Exact,
            false,
            Some("GBP"),
            Amount,
        ),
        (
            "€10M in savings",
            Some(1e7),
            Some(1e7),
            Exact,
            false,
            Some("EUR"),
            Amount,
        ),
        (
            "$1.2 billion in aid",
            Some(1.2e9),
            Some(1.2e9),
            Exact,
            false,
            Some("USD"),
            Amount,
        ),
        (
            "a hundred and two of those",
            Some(102.0),
            Some(102.0),
            Exact,
            false,
            None,
            Count,
        ),
        (
            "twenty-one boats",
            Some(21.0),
            Some(21.0),
            Exact,
            false,
            None,
            Count,
        ),
        (
            "two and a half miles",
            Some(2.5),
            Some(2.5),
            Exact,
            false,
            Some("mile"),
            Amount,
        ),
        (
            "in 1953 the war",
            Some(1953.0),
            Some(1953.0),
            Exact,
            false,
            None,
            Year,
        ),
        (
            "since October 2024 they",
            Some(2024.0),
            Some(2024.0),
            Exact,
            false,
            None,
            Year,
        ),
        (
            "on April 27 he",
            Some(27.0),
            Some(27.0),
            Exact,
            false,
            None,
            DateDay,
        ),
        (
            "the 21st century",
            Some(21.0),
            Some(21.0),
            Exact,
            false,
            None,
            Ordinal,
        ),
        (
            "a three-year-long war",
            Some(3.0),
            Some(3.0),
            Exact,
            false,
            Some("year"),
            Duration,
        ),
        (
            "More than six months after",
            Some(6.0),
            None,
            AtLeast,
            false,
            Some("month"),
            Duration,
        ),
        (
            "at 2 pm they left",
            Some(2.0),
            Some(2.0),
            Exact,
            false,
            None,
            TimeOfDay,
        ),
        (
            "trading opened at 1000 hrs cdt",
            Some(1000.0),
            Some(1000.0),
            Exact,
            false,
            Some("hour"),
            TimeOfDay,
        ),
        (
            "the curfew starts at 2300 hours",
            Some(2300.0),
            Some(2300.0),
            Exact,
            false,
            Some("hour"),
            TimeOfDay,
        ),
        (
            "the station sold 1500 hours of airtime",
            Some(1500.0),
            Some(1500.0),
            Exact,
            false,
            Some("hour"),
            Duration,
        ),
        (
            "offers close at 1330 hrs london time",
            Some(1330.0),
            Some(1330.0),
            Exact,
            false,
            Some("hour"),
            TimeOfDay,
        ),
        (
            "the ferry runs from 0700 to 0930 hrs Lisbon time",
            Some(700.0),
            Some(930.0),
            Range,
            false,
            Some("hour"),
            TimeOfDay,
        ),
        (
            "volunteers logged 2400 hours",
            Some(2400.0),
            Some(2400.0),
            Exact,
            false,
            Some("hour"),
            Duration,
        ),
        (
            "the F-16 jets",
            Some(16.0),
            Some(16.0),
            Exact,
            false,
            None,
            Identifier,
        ),
        (
            "a 30-year-old man",
            Some(30.0),
            Some(30.0),
            Exact,
            false,
            Some("year"),
            Age,
        ),
        (
            "2 1/2 in thick",
            Some(2.5),
            Some(2.5),
            Exact,
            false,
            Some("inch"),
            Amount,
        ),
        (
            "4e14 waves",
            Some(4e14),
            Some(4e14),
            Exact,
            false,
            None,
            Count,
        ),
    ];
    for (text, low, high, bound, approx, unit, kind) in cases {
        let f = one(text);
        let ctx = format!("{text}: {f:?}");
        assert_eq!(
            f.low.map(|v| (v * 1e6).round()),
            low.map(|v| (v * 1e6).round()),
            "low {ctx}"
        );
        assert_eq!(
            f.high.map(|v| (v * 1e6).round()),
            high.map(|v| (v * 1e6).round()),
            "high {ctx}"
        );
        assert_eq!(f.bound, *bound, "bound {ctx}");
        assert_eq!(f.approximate, *approx, "approx {ctx}");
        assert_eq!(f.unit_id(), *unit, "unit {ctx}");
        assert_eq!(f.kind, *kind, "kind {ctx}");
    }
}

#[test]
fn european_separators_need_context() {
    let f = one("about 14.000 soldiers");
    assert_eq!(f.low, Some(14000.0));
    let f = one("a value of 14.000 was read");
    assert_eq!(f.low, Some(14.0));
    assert!(uses_european_separators("es waren 1.250.000 Menschen"));
    assert!(!uses_european_separators("it was 1.5 million"));
}

#[test]
fn urls_and_bad_input_do_not_panic_or_count() {
    let s = "see https://example.com/2024/10/page-3 for 12 photos";
    let figs = read_figures(s, 0, s.len(), false);
    assert_eq!(figs.len(), 1, "{figs:?}");
    for s in [
        "",
        "-",
        "1/0",
        "$",
        "×10",
        "e5",
        "½",
        "2.",
        "₩",
        "– to –",
        "between and",
    ] {
        let _ = read_figures(s, 0, s.len(), false);
    }
}

/// (text, low, high, unit id)
type NewsCase = (&'static str, Option<f64>, Option<f64>, Option<&'static str>);

#[test]
fn news_forms() {
    let cases: &[NewsCase] = &[
        (
            "It goes 0-60mph in",
            Some(0.0),
            Some(60.0),
            Some("mile-per-hour"),
        ),
        ("prices rose 5-7 pct", Some(5.0), Some(7.0), Some("percent")),
        (
            "the patient, 72, died",
            Some(72.0),
            Some(72.0),
            Some("year"),
        ),
        (
            "half a percentage point",
            Some(0.5),
            Some(0.5),
            Some("percentage-point"),
        ),
        (
            "a loan of 12,34,567 rupees",
            Some(1234567.0),
            Some(1234567.0),
            Some("INR"),
        ),
        (
            "it cost 3 dollars 50 cents",
            Some(3.5),
            Some(3.5),
            Some("USD"),
        ),
        (
            "a quarter million users",
            Some(250000.0),
            Some(250000.0),
            None,
        ),
        ("one-fifth of the vote", Some(0.2), Some(0.2), None),
        (
            "spends half its budget on roads",
            Some(0.5),
            Some(0.5),
            None,
        ),
        ("it is 10x faster", Some(10.0), Some(10.0), Some("times")),
        // "twice" and "-fold" words carry their multiplier.
        (
            "sales were twice what Orvane projected",
            Some(2.0),
            Some(2.0),
            Some("times"),
        ),
        (
            "a threefold rise in fares",
            Some(3.0),
            Some(3.0),
            Some("times"),
        ),
        ("costs rose tenfold", Some(10.0), Some(10.0), Some("times")),
        // A hyphen joins digits and scale word in a compound modifier.
        ("a $250-million deal", Some(2.5e8), Some(2.5e8), Some("USD")),
        (
            "a $3-billion-a-year trade",
            Some(3e9),
            Some(3e9),
            Some("USD"),
        ),
        // A fraction of one scale word; shares of a ranked whole; halves.
        (
            "she raised a quarter of a million dollars",
            Some(250000.0),
            Some(250000.0),
            Some("USD"),
        ),
        (
            "those in the bottom fifth of incomes",
            Some(0.2),
            Some(0.2),
            None,
        ),
        (
            "their coverage was cut in half.",
            Some(0.5),
            Some(0.5),
            None,
        ),
        ("just over half were women", Some(0.5), None, None),
    ];
    for (text, low, high, unit) in cases {
        let f = one(text);
        let r = |v: Option<f64>| v.map(|x| (x * 1e6).round());
        assert_eq!(
            (r(f.low), r(f.high), f.unit_id()),
            (r(*low), r(*high), *unit),
            "{text}: {f:?}"
        );
    }
    // "£800m a year earlier": no rate.
    let f = one("from £800m a year earlier");
    assert_eq!(f.rate, None, "{f:?}");
}

#[test]
fn falling_pair_with_units_is_two_values() {
    let text = "a poll shows Marlow leading Fenn 51.2 percent to 46.9 percent";
    let figs = read_figures(text, 0, text.len(), false);
    let values: Vec<_> = figs.iter().map(|f| (f.low, f.high)).collect();
    assert_eq!(
        values,
        vec![(Some(51.2), Some(51.2)), (Some(46.9), Some(46.9))],
        "{figs:?}"
    );
    // Rising, it is still one range.
    let f = one("estimates run 40 percent to 55 percent");
    assert_eq!((f.low, f.high), (Some(40.0), Some(55.0)), "{f:?}");
}

#[test]
fn a_compared_bare_number_takes_the_unit_before_it() {
    // (text, unit of the second figure)
    let cases: &[(&str, Option<&str>)] = &[
        ("Turnover 1.93 billion stg vs 1.91 billion", Some("GBP")),
        ("rose to 7.3 billion dlrs from 4.32 billion", Some("USD")),
        (
            "fell to 40 tonnes compared with 38 last year",
            Some("tonne"),
        ),
        // Not a ratio, and not across orders of magnitude.
        ("the index rose 0.7 pct from 2,105", None),
        ("it fell to 5 dlrs from 2,000", None),
    ];
    for (text, unit) in cases {
        let figs = read_figures(text, 0, text.len(), false);
        assert_eq!(figs.len(), 2, "{text}: {figs:?}");
        assert_eq!(figs[1].unit_id(), *unit, "{text}: {figs:?}");
    }
}

#[test]
fn pairs_that_are_no_ranges() {
    // (text, the values read, in order)
    let cases: &[(&str, &[(f64, f64)])] = &[
        // An even score and a name with a number word.
        ("Orvane and Tarsk played to a 1-1 draw", &[]),
        ("the 7-Eleven stores were sold", &[]),
        // A year before a falling figure with a unit is no range's end.
        (
            "cut emissions by 2030 to 32 percent below 2005 levels",
            &[(32.0, 32.0)],
        ),
        // "by" a step "to" a level: a change, two values.
        (
            "Vell Copper is cutting its price by 0.5 cent to 70 cents a lb",
            &[(0.5, 0.5), (70.0, 70.0)],
        ),
        // ... but a step given as a range is one.
        (
            "the Ostravian crown is overvalued by 8 to 12 pct",
            &[(8.0, 12.0)],
        ),
        (
            "the tariff would add to costs by 12 to 15.5 billion dlrs",
            &[(12e9, 15.5e9)],
        ),
        // An em dash between a date's day and a count.
        ("arrived on November 3—nine days before", &[(9.0, 9.0)]),
        // A change three words after its verb, both ends with units.
        (
            "increasing protein intake from 15% to 30% helps",
            &[(15.0, 15.0), (30.0, 30.0)],
        ),
        // ... but a bare first end shares the scale as a range.
        (
            "an increase in profits from 116 to 217 mln bolivars",
            &[(116e6, 217e6)],
        ),
        // Words and digits hyphened still make a rising range.
        ("it may take eight-12 months", &[(8.0, 12.0)]),
        // A results table's half year is no share.
        (
            "net 2.1 mln in quarter and 3.9 mln in half.",
            &[(2.1e6, 2.1e6), (3.9e6, 3.9e6)],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<(f64, f64)> = read_figures(text, 0, text.len(), false)
            .iter()
            .filter(|f| f.kind.is_quantity())
            .filter_map(|f| Some((f.low?, f.high?)))
            .collect();
        assert_eq!(&got[..], *want, "{text}");
    }
}
