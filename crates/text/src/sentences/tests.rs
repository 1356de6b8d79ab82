use super::*;

fn split(text: &str) -> Vec<&str> {
    SentenceSplitter::new()
        .split(text, Range::new(0, text.len()))
        .iter()
        .map(|s| &text[s.range.start..s.range.end])
        .collect()
}

#[test]
fn table() {
    let cases: &[(&str, &[&str])] = &[
        // titles and abbreviations
        (
            "Dr. Alma Verrin met Gen. Tobias Kell on Friday. They spoke for an hour.",
            &["Dr. Alma Verrin met Gen. Tobias Kell on Friday.", "They spoke for an hour."],
        ),
        (
            "Sen. Ruth Odell and Gov. Pim Barras disagreed. Lt. Col. Dana Ree said nothing.",
            &["Sen. Ruth Odell and Gov. Pim Barras disagreed.", "Lt. Col. Dana Ree said nothing."],
        ),
        (
            "The U.S. and the U.N. issued a joint note. Neither would comment.",
            &["The U.S. and the U.N. issued a joint note.", "Neither would comment."],
        ),
        (
            "Officials in the U.S. said so. The talks resumed.",
            &["Officials in the U.S. said so.", "The talks resumed."],
        ),
        (
            "The rally took place on Jan. 5, 1998, and again on Feb. 12.",
            &["The rally took place on Jan. 5, 1998, and again on Feb. 12."],
        ),
        (
            "Brellow Inc. and Marsh Corp. merged. The deal closed on St. Anne's Day.",
            &["Brellow Inc. and Marsh Corp. merged.", "The deal closed on St. Anne's Day."],
        ),
        (
            "She lives at No. 12 Quay Lane. He does not.",
            &["She lives at No. 12 Quay Lane.", "He does not."],
        ),
        // initials
        (
            "J. R. Pellow wrote the memo. It leaked.",
            &["J. R. Pellow wrote the memo.", "It leaked."],
        ),
        // decimals and numbers
        (
            "Output fell 3.5 percent in 2023. Prices rose 1.2 percent.",
            &["Output fell 3.5 percent in 2023.", "Prices rose 1.2 percent."],
        ),
        // ellipses
        (
            "We waited... and waited. Nothing came.",
            &["We waited... and waited.", "Nothing came."],
        ),
        ("It was over…. The crowd left.", &["It was over….", "The crowd left."]),
        // quotes ending with the sentence
        (
            "“We will not leave,” the mayor said. “Not now.” She walked out.",
            &["“We will not leave,” the mayor said.", "“Not now.”", "She walked out."],
        ),
        (
            "‘The bridge is closed.’ Engineers said repairs would take weeks.",
            &["‘The bridge is closed.’", "Engineers said repairs would take weeks."],
        ),
        (
            "“Is it safe?” she asked. Nobody answered.",
            &["“Is it safe?” she asked.", "Nobody answered."],
        ),
        (
            "He was blunt. ‘We lost the harbour,’ he told reporters.",
            &["He was blunt.", "‘We lost the harbour,’ he told reporters."],
        ),
        // parentheses
        (
            "The council (which met in March.) voted no. Then it adjourned.",
            &["The council (which met in March.) voted no.", "Then it adjourned."],
        ),
        // headlines and paragraphs
        (
            "Floods Hit the Valley\nRivers rose overnight. Schools closed.",
            &["Floods Hit the Valley", "Rivers rose overnight.", "Schools closed."],
        ),
        (
            "A Quiet Harbour Town\n\nFishing boats stayed in port",
            &["A Quiet Harbour Town", "Fishing boats stayed in port"],
        ),
        // hard-wrapped wire copy keeps sentences across line breaks
        (
            "The ministry said on Tuesday that exports of\nwheat rose sharply in the\nfirst quarter, helped by\nMarston Grain. Imports fell.",
            &[
                "The ministry said on Tuesday that exports of\nwheat rose sharply in the\nfirst quarter, helped by\nMarston Grain.",
                "Imports fell.",
            ],
        ),
        // a two-line block: a wrapped sentence-case line joins, a heading does not
        (
            "Officials said the delegation would be led by the foreign minister\nAdele Varn of Tarvia.",
            &["Officials said the delegation would be led by the foreign minister\nAdele Varn of Tarvia."],
        ),
        (
            "Tarvian Delegation Arrives in the Capital for Three Days of Talks\nThe visit began on Sunday.",
            &["Tarvian Delegation Arrives in the Capital for Three Days of Talks", "The visit began on Sunday."],
        ),
        // lists
        (
            "1. Close the gate 2. Feed the goats",
            &["1. Close the gate", "2. Feed the goats"],
        ),
        (
            "Steps:\n- close the gate\n- feed the goats",
            &["Steps:", "- close the gate", "- feed the goats"],
        ),
        ("", &[]),
        ("   \n\n  ", &[]),
    ];
    for (input, want) in cases {
        assert_eq!(&split(input), want, "input: {input:?}");
    }
}

#[test]
fn paragraphs_are_never_crossed() {
    use crosscheck_model::ParagraphKind;
    let text = "Talks Stall Again\n\nNegotiators left Dr.\n\nHolm stayed.";
    let paragraphs = [
        Paragraph {
            range: Range::new(0, 17),
            kind: ParagraphKind::Headline,
        },
        Paragraph {
            range: Range::new(19, 39),
            kind: ParagraphKind::Body,
        },
        Paragraph {
            range: Range::new(41, text.len()),
            kind: ParagraphKind::Body,
        },
    ];
    let got: Vec<&str> = SentenceSplitter::new()
        .split_document(text, &paragraphs)
        .iter()
        .map(|s| &text[s.range.start..s.range.end])
        .collect();
    assert_eq!(
        got,
        ["Talks Stall Again", "Negotiators left Dr.", "Holm stayed."]
    );
}

#[test]
fn bad_ranges_do_not_panic() {
    let text = "Café au lait. Encore.";
    let s = SentenceSplitter::new();
    assert!(s.split(text, Range::new(0, 4)).len() <= 1);
    assert!(s.split(text, Range::new(3, 100)).is_empty());
    assert!(s.split(text, Range::new(10, 2)).is_empty());
    let weird = "....!!!?? . . . “” ‘’ 1. a) • ⁃ …… \n\n\n . x";
    for end in 0..=weird.len() {
        let _ = s.split(weird, Range::new(0, end));
    }
}
#[test]
fn news_constructions() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Sen. Ada Morrow (D-Calif.) said no. The bill failed.",
            &["Sen. Ada Morrow (D-Calif.) said no.", "The bill failed."],
        ),
        (
            "The No. 2 official left at 3 p.m. Friday. Staff cheered.",
            &["The No. 2 official left at 3 p.m. Friday.", "Staff cheered."],
        ),
        (
            "He moved to St. Brennick in Jan. 2019. It rained.",
            &["He moved to St. Brennick in Jan. 2019.", "It rained."],
        ),
        (
            "“We are ready,” Gen. Oren Vale told reporters. “The roads are open.”",
            &["“We are ready,” Gen. Oren Vale told reporters.", "“The roads are open.”"],
        ),
        (
            "The plant made 4.5 million units. Output fell by 2.3%. Shares rose.",
            &["The plant made 4.5 million units.", "Output fell by 2.3%.", "Shares rose."],
        ),
        (
            "Lt. Gov. Mara Ilse and Rep. Tom Hadd met Prof. Li. They talked.",
            &["Lt. Gov. Mara Ilse and Rep. Tom Hadd met Prof. Li.", "They talked."],
        ),
        (
            "The firm, Pellman & Co., declined to comment. Its rival, Orrin Corp., agreed.",
            &["The firm, Pellman & Co., declined to comment.", "Its rival, Orrin Corp., agreed."],
        ),
        (
            "“Why now?” Mayor Olin asked. Nobody answered.",
            &["“Why now?” Mayor Olin asked.", "Nobody answered."],
        ),
        (
            "“We won!” Captain Ida Marr told the crowd. It cheered.",
            &["“We won!” Captain Ida Marr told the crowd.", "It cheered."],
        ),
        (
            "“We are ready.” The convoy left at dawn.",
            &["“We are ready.”", "The convoy left at dawn."],
        ),
        (
            "Was it a bluff? Nobody knew. “Why now?” asked one aide.",
            &["Was it a bluff?", "Nobody knew.", "“Why now?” asked one aide."],
        ),
        (
            "The U.N. Security Council met. The U.S. delegate spoke first.",
            &["The U.N. Security Council met.", "The U.S. delegate spoke first."],
        ),
        (
            "Officials said the talks would resume (possibly in May). Others doubted it.",
            &["Officials said the talks would resume (possibly in May).", "Others doubted it."],
        ),
        (
            "Water Rationing Begins\nResidents of Tellbrook queued for hours.\nSome Shops Close\nBakers ran out of flour.",
            &[
                "Water Rationing Begins",
                "Residents of Tellbrook queued for hours.",
                "Some Shops Close",
                "Bakers ran out of flour.",
            ],
        ),
        (
            "Related Posts\n\nSource: Tellbrook Gazette",
            &["Related Posts", "Source: Tellbrook Gazette"],
        ),
    ];
    for (input, want) in cases {
        assert_eq!(&split(input), want, "input: {input:?}");
    }
}

#[test]
fn sentences_without_full_stops_are_cut_at_the_limit() {
    let text = format!("Officials said {}", "5% ".repeat(20_000));
    let pieces = split(&text);
    assert!(pieces.len() > 20, "{}", pieces.len());
    assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
    assert!(pieces
        .iter()
        .all(|p| !p.starts_with(' ') && !p.ends_with(' ')));
    // Nothing is lost but the whitespace at the cuts.
    let joined: usize = pieces.iter().map(|p| p.len()).sum();
    assert_eq!(joined + pieces.len() - 1, text.trim_end().len());
    // No whitespace at all: cut at character boundaries.
    let wall = "é".repeat(5_000);
    let pieces = split(&wall);
    assert!(pieces
        .iter()
        .all(|p| p.len() <= MAX_SENTENCE_BYTES && !p.is_empty()));
    assert_eq!(pieces.concat(), wall);
}
