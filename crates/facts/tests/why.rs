//! Every error the held-out news measurement showed (issue 12, "Why"), and
//! every kind of number that is no quantity, on invented sentences.

use crosscheck_facts::QuantityExtractor;
use crosscheck_model::{Bound, Document, Quantity, Sentence};

fn quantities(text: &str) -> Vec<Quantity> {
    let doc = Document {
        id: "why".to_string(),
        text: text.to_string(),
        sentences: vec![Sentence::new(0, text.len())],
        ..Document::default()
    };
    QuantityExtractor::new()
        .extract(&doc, &[])
        .into_iter()
        .filter_map(|c| c.quantity().cloned())
        .collect()
}

/// (low, high, bound, unit, vague) of each claim, in order.
type Seen = (Option<f64>, Option<f64>, Bound, Option<String>, bool);

fn seen(text: &str) -> Vec<Seen> {
    quantities(text)
        .into_iter()
        .map(|q| (q.low, q.high, q.bound, q.unit, q.vague))
        .collect()
}

fn one(v: f64, unit: Option<&str>) -> Seen {
    (
        Some(v),
        Some(v),
        Bound::Exact,
        unit.map(str::to_string),
        false,
    )
}

#[test]
fn errors_seen_on_held_out_news_are_fixed() {
    use Bound::*;
    let cases: Vec<(&str, Vec<Seen>)> = vec![
        // Durations are figures.
        (
            "The crew spent 70 days in orbit.",
            vec![one(70.0, Some("day"))],
        ),
        (
            "It ended a five-year journey.",
            vec![one(5.0, Some("year"))],
        ),
        // "35m" counts millions, not metres.
        (
            "The firm sold 35m of its smart speakers.",
            vec![one(35e6, None)],
        ),
        // "2.8bn km" keeps both the magnitude and the unit.
        (
            "The probe flew 2.8bn km to the comet.",
            vec![one(2.8e9, Some("kilometre"))],
        ),
        // A change to a level is two figures, not one range.
        (
            "The index rose 0.68 per cent to 3,005.47.",
            vec![one(0.68, Some("percent")), one(3005.47, None)],
        ),
        // "$7/$9" is one range of prices.
        (
            "Tickets cost $7/$9 at the door.",
            vec![(Some(7.0), Some(9.0), Range, Some("USD".to_string()), false)],
        ),
        // A vague amount states no number.
        (
            "The army fired millions of artillery shells.",
            vec![(None, None, Exact, None, true)],
        ),
        // A model number is no count and no thousands group.
        (
            "Airlines fly roughly 400 737 Max jets.",
            vec![(Some(400.0), Some(400.0), Exact, None, false)],
        ),
        ("The carrier flies the 787-9 on that route.", vec![]),
        ("Boeing builds the 787, the 777 and the 767-300.", vec![]),
        ("The grocer joined the Fortune 500 this year.", vec![]),
        // "5-3 million": both ends in millions, lower end first.
        (
            "Estimates ranged from 5-3 million people.",
            vec![(Some(3e6), Some(5e6), Range, None, false)],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(seen(text), want, "{text}");
    }
    let q = quantities("Airlines fly roughly 400 737 Max jets.");
    assert!(q.first().is_some_and(|q| q.approximate), "{q:?}");
    let q = quantities("The firm sold 35m of its smart speakers.");
    assert_eq!(
        q.first().and_then(|q| q.subject.as_deref()),
        Some("smart speakers")
    );
}

#[test]
fn numbers_that_are_no_quantities_are_rejected() {
    let cases = [
        // years and decades
        "The treaty of 1953 still holds.",
        "Prices were lower in the 1990s.",
        // ordinals
        "She finished 21st in the race.",
        "It was the 44th failure.",
        // dates and times of day
        "The vote is on April 27.",
        "Talks resumed at 2 pm.",
        "The launch was at 1805 GMT.",
        "Markets opened at 9:30 a.m.",
        // phone numbers
        "Call 555-1234 for details.",
        "A caller dialled 911.",
        // models, products and names
        "The jets were F-16 models.",
        "The carrier grounded its 737 Max fleet.",
        "She bought an iPhone 11 Pro.",
        "The plant makes the A320 wing.",
        "The virus, COVID-19, spread.",
        "The clinic still runs on iPadOS 13 tablets.",
        "He traded in his iPhone 7 last spring.",
        // scores
        "The match ended 2-1.",
        "She won the set 6-2.",
        // identifiers, labels and citations
        "See page 3 of the report.",
        "Take exit 436 north.",
        "The patients had type 2 diabetes.",
        "Studies agree (10, 11).",
        "The office is at 1600 Pennsylvania Avenue.",
        "The serial was 24703L202.",
        "The attacks of 9/11 changed it.",
        "The set shows 4K video.",
        "It streams at 1080p.",
        "The laptop supports 802.11ac.",
        "Music of the 80s returned.",
    ];
    for text in cases {
        assert_eq!(seen(text), vec![], "{text}");
    }
}
