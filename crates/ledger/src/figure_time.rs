//! The time a figure is about, which is not always the day it was printed:
//! "a week ago, when the service said about 2,000 …" is the figure of a
//! week before; "initially 1,500" and "had said 10,000" come before the
//! report; "by January" is January; "more than 300 killed since mid-March"
//! is the toll as of the report.
//!
//! A figure's time is a span of days, open at either end when the text
//! only says "before" or "after", unknown when the document has no date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::lexicon::Lexicon;

/// Words before a date that make it the start of a count or a date the
/// figure is not about ("since the middle of March", "from January", bonds
/// "due July 1, 1990", an offer "until March 15"): the figure is then as
/// of the report.
const PERIOD_STARTS: &[&str] = &[
    "since", "from", "after", "starting", "due", "until", "through", "till", "maturing",
    "expiring", "between",
];

/// Words that may stand between such a word and the date itself.
const DATE_LEAD: &[&str] = &[
    "the",
    "middle",
    "mid",
    "early",
    "late",
    "end",
    "start",
    "beginning",
    "of",
    "last",
];

/// The longest time still read as a moment rather than a period: a week
/// ("a week ago", "last week"), or the eight days an unresolved weekday
/// may fall on.
const MOMENT_DAYS: i64 = 8;

/// When a figure holds: the days `start..=end`, either end open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureTime {
    /// First day it can be about (`None`: open).
    pub start: Option<NaiveDate>,
    /// Last day it can be about (`None`: open).
    pub end: Option<NaiveDate>,
    /// What set it, for the reader: "publication date", "“a week ago”",
    /// "“had said”: before the report".
    pub basis: String,
}

impl FigureTime {
    /// A time nothing places.
    pub fn unknown() -> FigureTime {
        FigureTime {
            start: None,
            end: None,
            basis: "no date".to_string(),
        }
    }

    fn span(start: NaiveDate, end: NaiveDate, basis: String) -> FigureTime {
        FigureTime {
            start: Some(start),
            end: Some(end),
            basis,
        }
    }

    /// True when the two figures are about the same time: both times are
    /// known and share a day, and either both are moments (a day, "a week
    /// ago") or both are the same period. A period (a month, a year, the
    /// year so far) is not the same time as a day, a week or another
    /// period inside or around it: a week's exports and the year's, or
    /// March's sales and the first quarter's, count different things.
    pub fn same_time(&self, other: &FigureTime) -> bool {
        let (Some(a0), Some(a1), Some(b0), Some(b1)) =
            (self.start, self.end, other.start, other.end)
        else {
            return false;
        };
        if !(a0 <= b1 && b0 <= a1) {
            return false;
        }
        let (a_days, b_days) = ((a1 - a0).num_days() + 1, (b1 - b0).num_days() + 1);
        if a_days <= MOMENT_DAYS && b_days <= MOMENT_DAYS {
            return true;
        }
        // A day's slack: two reports a day apart may date "so far this
        // year" differently.
        (a0 - b0).num_days().abs() <= 1 && (a1 - b1).num_days().abs() <= 1
    }

    /// True when this time ends before the other begins.
    pub fn before(&self, other: &FigureTime) -> bool {
        match (self.end, other.start) {
            (Some(end), Some(start)) => end < start,
            _ => false,
        }
    }

    /// A day standing for the time, for ordering: its start, else its end.
    pub fn sort_key(&self) -> Option<NaiveDate> {
        self.start.or(self.end)
    }

    /// The time as a reader sees it: "2026-03-02", "2026-03-02 to
    /// 2026-03-08", "before 2026-03-09", "after 2026-04-01", "unknown".
    pub fn label(&self) -> String {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => s.to_string(),
            (Some(s), Some(e)) => format!("{s} to {e}"),
            (None, Some(e)) => format!("before {}", e + Duration::days(1)),
            (Some(s), None) => format!("after {}", s - Duration::days(1)),
            (None, None) => "unknown".to_string(),
        }
    }
}

/// The time a figure is about. `time` is the claim's time qualifier (text
/// and TIMEX3 value), `sentence` the sentence holding the figure and
/// `published` the date of its document (published or estimated). Reads
/// the standard lexicon; [`figure_time_with`] takes another.
pub fn figure_time(
    time: Option<(&str, &str)>,
    sentence: &str,
    published: Option<NaiveDate>,
) -> FigureTime {
    figure_time_with(&Lexicon::standard(), time, sentence, published)
}

/// [`figure_time`] with the phrases of earlier reporting ("had said") read
/// from `lexicon`.
pub fn figure_time_with(
    lexicon: &Lexicon,
    time: Option<(&str, &str)>,
    sentence: &str,
    published: Option<NaiveDate>,
) -> FigureTime {
    let lower = sentence.to_lowercase();
    let Some(doc_date) = published else {
        return FigureTime::unknown();
    };
    let as_published = || FigureTime::span(doc_date, doc_date, "publication date".to_string());
    if let Some((text, value)) = time {
        let quoted = format!("“{}”", text.trim());
        if starts_a_period(&lower, &text.to_lowercase()) {
            return FigureTime::span(
                doc_date,
                doc_date,
                format!("{quoted} is not the time it counts: as of publication"),
            );
        }
        match value {
            "PRESENT_REF" | "ONGOING" | "LATER" => return as_published(),
            "PAST_REF" | "INITIAL" => {
                return FigureTime {
                    start: None,
                    end: Some(doc_date - Duration::days(1)),
                    basis: format!("{quoted}: before the report"),
                }
            }
            "FUTURE_REF" => {
                return FigureTime {
                    start: Some(doc_date + Duration::days(1)),
                    end: None,
                    basis: format!("{quoted}: after the report"),
                }
            }
            _ => {}
        }
        if let Some((start, end)) = calendar_span(value, doc_date) {
            // "so far this year", "1987 to date": the period up to the
            // report, not the whole year.
            if end > doc_date && start <= doc_date && so_far(&lower, &text.to_lowercase()) {
                return FigureTime::span(start, doc_date, format!("{quoted} so far"));
            }
            return FigureTime::span(start, end, quoted);
        }
    }
    if let Some(cue) = lexicon
        .earlier
        .iter()
        .find(|cue| contains_phrase(&lower, cue))
    {
        return FigureTime {
            start: None,
            end: Some(doc_date - Duration::days(1)),
            basis: format!("“{cue}”: before the report"),
        };
    }
    as_published()
}

/// True when the date text is preceded by "since", "from", … (with only
/// date words such as "the middle of" between).
fn starts_a_period(sentence: &str, time_text: &str) -> bool {
    let Some(at) = sentence.find(time_text.trim()) else {
        return false;
    };
    let before = sentence.get(..at).unwrap_or("");
    for word in before.split_whitespace().rev() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if PERIOD_STARTS.contains(&word) {
            return true;
        }
        if !DATE_LEAD.contains(&word) {
            return false;
        }
    }
    false
}

/// True when the sentence counts the period of the date text only up to
/// now: "so far this year", "so far in 1987", "this year to date",
/// "year-to-date".
fn so_far(sentence: &str, time_text: &str) -> bool {
    let time_text = time_text.trim();
    if contains_phrase(sentence, "year-to-date") || contains_phrase(sentence, "year to date") {
        return true;
    }
    let Some(at) = sentence.find(time_text) else {
        return false;
    };
    let before: Vec<&str> = sentence
        .get(..at)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(3)
        .collect();
    let after = sentence
        .get(at + time_text.len()..)
        .unwrap_or("")
        .trim_start();
    matches!(before.as_slice(), ["far", "so", ..] | ["in", "far", "so"])
        || after.starts_with("so far")
        || after.starts_with("to date")
}

fn contains_phrase(sentence: &str, phrase: &str) -> bool {
    sentence.match_indices(phrase).any(|(at, _)| {
        let before = sentence.get(..at).and_then(|s| s.chars().next_back());
        let after = sentence
            .get(at + phrase.len()..)
            .and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The days a TIMEX3 calendar value covers: `2026-03-02`, `2026-03`,
/// `2026-W10`, `2026-Q1`, `2026`; an unresolved year (`XXXX-03`) takes
/// the document's (the year before when that would put it after the
/// document); an unresolved day (`XXXX-WXX-1`, `XXXX-XX-XX`) is a day of
/// the week before the document.
fn calendar_span(value: &str, doc: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let value = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = value.split('-').collect();
    let year = |s: &str| -> Option<i32> {
        if s == "XXXX" {
            Some(doc.year())
        } else {
            s.parse().ok().filter(|_| s.len() == 4)
        }
    };
    let unresolved_year = parts.first() == Some(&"XXXX");
    let span = match parts.as_slice() {
        [y] => {
            let y = year(y)?;
            (
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )
        }
        ["XXXX", "XX", "XX"] | ["XXXX", "WXX", _] => (doc - Duration::days(7), doc),
        [y, w] if w.starts_with('W') => {
            let week: u32 = w.get(1..)?.parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(year(y)?, week, Weekday::Mon)?;
            (monday, monday + Duration::days(6))
        }
        [y, q] if q.starts_with('Q') => {
            let quarter: u32 = q.get(1..)?.parse().ok()?;
            let first_month = (quarter.checked_sub(1)?) * 3 + 1;
            let start = NaiveDate::from_ymd_opt(year(y)?, first_month, 1)?;
            (start, month_end(year(y)?, first_month + 2)?)
        }
        [y, m] => {
            let (y, m) = (year(y)?, m.parse::<u32>().ok()?);
            (NaiveDate::from_ymd_opt(y, m, 1)?, month_end(y, m)?)
        }
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(year(y)?, m.parse().ok()?, d.parse().ok()?)?;
            (day, day)
        }
        _ => return None,
    };
    // "in March" written in April means this year's March; in January it
    // means last year's.
    if unresolved_year && span.0 > doc + Duration::days(31) {
        let back = |d: NaiveDate| d.with_year(d.year() - 1);
        return Some((back(span.0)?, back(span.1)?));
    }
    Some(span)
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).map(|d| d - Duration::days(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn figure_times_from_invented_sentences() {
        let doc = Some(day("2031-03-09"));
        for (time, sentence, want) in [
            (None, "About 4,000 workers are on strike.", "2031-03-09"),
            (
                Some(("a week ago", "2031-W10")),
                "The figure the union gave a week ago, when it said 900 had walked out.",
                "2031-03-03 to 2031-03-09",
            ),
            (
                Some(("by January", "2031-01")),
                "The ministry had counted 300 cases by January.",
                "2031-01-01 to 2031-01-31",
            ),
            (
                Some(("the middle of March", "XXXX-03")),
                "More than 30 have died since the middle of March.",
                "2031-03-09",
            ),
            (
                Some(("initially", "INITIAL")),
                "Officials initially put the number at 150.",
                "before 2031-03-09",
            ),
            (
                None,
                "The mayor had said that 2,000 homes were without power.",
                "before 2031-03-09",
            ),
            (
                Some(("in November", "XXXX-11")),
                "In November the plant made 400 cars.",
                "2030-11-01 to 2030-11-30",
            ),
            (
                Some(("now", "PRESENT_REF")),
                "Now 70 ships wait.",
                "2031-03-09",
            ),
            (
                Some(("this year", "2031")),
                "It has sold 8,000 tonnes so far this year.",
                "2031-01-01 to 2031-03-09",
            ),
            (
                Some(("2031", "2031")),
                "Exports reached 1.2 mln tonnes so far in 2031.",
                "2031-01-01 to 2031-03-09",
            ),
            (
                Some(("this year", "2031")),
                "Year-to-date sales fell to 5,600 cars this year.",
                "2031-01-01 to 2031-03-09",
            ),
            (
                Some(("this year", "2031")),
                "The plant expects to make 40,000 cars this year.",
                "2031-01-01 to 2031-12-31",
            ),
        ] {
            assert_eq!(figure_time(time, sentence, doc).label(), want, "{sentence}");
        }
        assert_eq!(figure_time(None, "Some 60 boats.", None).label(), "unknown");
    }

    #[test]
    fn same_time_and_order() {
        let doc = Some(day("2031-03-09"));
        let week = figure_time(Some(("a week ago", "2031-W10")), "x", doc);
        let early = figure_time(None, "x", Some(day("2031-03-04")));
        let later = figure_time(None, "x", Some(day("2031-04-14")));
        assert!(week.same_time(&early));
        assert!(!early.same_time(&later));
        assert!(early.before(&later));
        let unknown = FigureTime::unknown();
        assert!(!unknown.same_time(&unknown));
        let initially = figure_time(Some(("initially", "INITIAL")), "x", doc);
        assert!(initially.before(&figure_time(None, "x", doc)));
        // A period is the same time only as the same period.
        let march = figure_time(Some(("in March", "2031-03")), "x", doc);
        let march_again = figure_time(
            Some(("last month", "2031-03")),
            "x",
            Some(day("2031-04-02")),
        );
        let year = figure_time(Some(("in 2031", "2031")), "x", doc);
        let quarter = figure_time(Some(("the first quarter", "2031-Q1")), "x", doc);
        let so_far = figure_time(Some(("this year", "2031")), "so far this year", doc);
        let so_far_later = figure_time(
            Some(("this year", "2031")),
            "so far this year",
            Some(day("2031-03-30")),
        );
        let published = figure_time(None, "x", doc);
        assert!(march.same_time(&march_again));
        assert!(!march.same_time(&published), "a day in March is not March");
        assert!(!year.same_time(&march));
        assert!(!quarter.same_time(&march));
        assert!(!year.same_time(&published));
        assert!(!so_far.same_time(&so_far_later), "two dates' totals so far");
        assert!(so_far.same_time(&so_far.clone()));
    }
}
