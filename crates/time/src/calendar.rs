//! Calendar arithmetic and TIMEX3 value formatting.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub(crate) fn year_str(year: Option<i32>) -> String {
    match year {
        Some(y) if (0..=9999).contains(&y) => format!("{y:04}"),
        _ => "XXXX".to_string(),
    }
}

pub(crate) fn month_value(year: Option<i32>, month: u32) -> String {
    format!("{}-{month:02}", year_str(year))
}

pub(crate) fn day_value(year: Option<i32>, month: u32, day: u32) -> String {
    format!("{}-{month:02}-{day:02}", year_str(year))
}

pub(crate) fn date_value(date: NaiveDate) -> String {
    day_value(Some(date.year()), date.month(), date.day())
}

pub(crate) fn week_value(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

pub(crate) fn quarter_of(date: NaiveDate) -> (i32, u32) {
    (date.year(), (date.month() - 1) / 3 + 1)
}

/// `(year, quarter)` moved by `n` quarters.
pub(crate) fn shift_quarter(year: i32, quarter: u32, n: i32) -> (i32, u32) {
    let index = year * 4 + (quarter as i32 - 1) + n;
    (index.div_euclid(4), (index.rem_euclid(4) + 1) as u32)
}

/// `(year, month)` moved by `n` months.
pub(crate) fn shift_month(year: i32, month: u32, n: i32) -> (i32, u32) {
    let index = year * 12 + (month as i32 - 1) + n;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32)
}

pub(crate) fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::try_days(days)?)
}

pub(crate) fn weekday_from(n: u32) -> Option<Weekday> {
    match n {
        1 => Some(Weekday::Mon),
        2 => Some(Weekday::Tue),
        3 => Some(Weekday::Wed),
        4 => Some(Weekday::Thu),
        5 => Some(Weekday::Fri),
        6 => Some(Weekday::Sat),
        7 => Some(Weekday::Sun),
        _ => None,
    }
}

/// The `weekday` nearest the anchor in the given direction: the anchor itself
/// when it falls on that weekday and `strict` is false.
pub(crate) fn nearest_weekday(
    anchor: NaiveDate,
    weekday: Weekday,
    forward: bool,
    strict: bool,
) -> Option<NaiveDate> {
    let from = anchor.weekday().num_days_from_monday() as i64;
    let to = weekday.num_days_from_monday() as i64;
    let mut delta = if forward {
        (to - from).rem_euclid(7)
    } else {
        -((from - to).rem_euclid(7))
    };
    if delta == 0 && strict {
        delta = if forward { 7 } else { -7 };
    }
    shift_days(anchor, delta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_and_weeks() {
        assert_eq!(shift_quarter(1989, 1, -1), (1988, 4));
        assert_eq!(shift_quarter(1989, 3, -4), (1988, 3));
        assert_eq!(shift_month(1998, 1, -1), (1997, 12));
        let d = NaiveDate::from_ymd_opt(1998, 2, 13).unwrap(); // a Friday
        assert_eq!(week_value(d), "1998-W07");
        assert_eq!(nearest_weekday(d, Weekday::Fri, false, false), Some(d));
        assert_eq!(
            nearest_weekday(d, Weekday::Mon, false, false),
            NaiveDate::from_ymd_opt(1998, 2, 9)
        );
        assert_eq!(
            nearest_weekday(d, Weekday::Mon, true, false),
            NaiveDate::from_ymd_opt(1998, 2, 16)
        );
        assert_eq!(year_str(None), "XXXX");
    }
}
