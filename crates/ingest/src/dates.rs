//! Publication dates as metadata writes them: ISO 8601, RFC 2822, newswire
//! `26-FEB-1987 15:01:01.79`, "November 19, 2019", "19 Nov 2019", `2019/11/19`.

use chrono::NaiveDate;
use crosscheck_lexicon::shared::month_names;

/// Month number from an English month name or abbreviation ("Sept." too).
fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let (idx, name) = month_names()
        .enumerate()
        .find(|(_, m)| m.get(..3).is_some_and(|abbr| lower.starts_with(abbr)))?;
    // "mar" must not match "marsh"; accept a prefix of the full name or "sept".
    (name.starts_with(&lower) || lower == "sept").then_some(idx as u32 + 1)
}

/// Parses the date part of a metadata date string; time and zone are ignored
/// (the calendar date as written is what the article states).
pub fn parse_published(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    if let Some(date) = parse_numeric_ymd(raw) {
        return Some(date);
    }
    let tokens: Vec<&str> = raw
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
        .map(|t| t.trim_matches('.'))
        .filter(|t| !t.is_empty())
        .collect();
    for (i, token) in tokens.iter().enumerate() {
        let Some(month) = month_number(token) else {
            continue;
        };
        // "26 FEB 1987" / "26-FEB-1987"
        if i >= 1 && i + 1 < tokens.len() {
            if let (Some(day), Some(year)) = (number(tokens[i - 1]), year(tokens[i + 1])) {
                if let Some(d) = NaiveDate::from_ymd_opt(year, month, day) {
                    return Some(d);
                }
            }
        }
        // "November 19, 2019"
        if i + 2 < tokens.len() {
            let day = number(tokens[i + 1].trim_end_matches(|c: char| c.is_ascii_alphabetic()));
            if let (Some(day), Some(year)) = (day, year(tokens[i + 2])) {
                if let Some(d) = NaiveDate::from_ymd_opt(year, month, day) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// `YYYY-MM-DD...`, `YYYY/MM/DD`, `YYYYMMDD`.
fn parse_numeric_ymd(raw: &str) -> Option<NaiveDate> {
    let bytes = raw.as_bytes();
    if bytes.len() >= 10 && bytes.get(4).is_some_and(|b| *b == b'-' || *b == b'/') {
        let sep = *bytes.get(4)?;
        if bytes.get(7) == Some(&sep) {
            let y = raw.get(0..4)?.parse().ok()?;
            let m = raw.get(5..7)?.parse().ok()?;
            let d = raw.get(8..10)?.parse().ok()?;
            return NaiveDate::from_ymd_opt(y, m, d);
        }
    }
    if bytes.len() == 8 && bytes.iter().all(u8::is_ascii_digit) {
        let y = raw.get(0..4)?.parse().ok()?;
        let m = raw.get(4..6)?.parse().ok()?;
        let d = raw.get(6..8)?.parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    None
}

fn number(token: &str) -> Option<u32> {
    (token.len() <= 2).then(|| token.parse().ok()).flatten()
}

fn year(token: &str) -> Option<i32> {
    let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
    match digits.len() {
        4 => digits.parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Ymd = (i32, u32, u32);

    #[test]
    fn date_formats_table() {
        let cases: &[(&str, Option<Ymd>)] = &[
            ("2019-11-19", Some((2019, 11, 19))),
            ("2019-11-19T08:30:00-05:00", Some((2019, 11, 19))),
            ("2019/11/19", Some((2019, 11, 19))),
            ("20191119", Some((2019, 11, 19))),
            ("26-FEB-1987 15:01:01.79", Some((1987, 2, 26))),
            ("Tue, 19 Nov 2019 10:00:00 GMT", Some((2019, 11, 19))),
            ("November 19, 2019", Some((2019, 11, 19))),
            ("Sept. 3rd, 2021 at 9am", Some((2021, 9, 3))),
            ("Published 4 March 2020", Some((2020, 3, 4))),
            ("31-FEB-1987", None),
            ("marshland 12 2020", None),
            ("", None),
            ("yesterday", None),
        ];
        for (raw, want) in cases {
            let want = want.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            assert_eq!(parse_published(raw), want, "case {raw:?}");
        }
    }
}
