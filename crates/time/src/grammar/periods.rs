//! Rules for calendar periods: quarters and halves, last/this/next year,
//! "two years ago", seasons, decades, centuries, years.

use chrono::Datelike;
use crosscheck_model::TimexType;

use super::{duration_value, Class, Core, Matcher};
use crate::calendar::{
    date_value, month_value, nearest_weekday, quarter_of, shift_days, shift_month, shift_quarter,
    week_value, year_str,
};
use crate::words::Kind;

impl Matcher<'_> {
    /// "the third quarter", "fourth-quarter", "the first quarter of 1990",
    /// "this year's third quarter", "the quarter", "the year-ago quarter",
    /// "the first half".
    pub(super) fn quarter(&self, i: usize) -> Option<Core> {
        // "this year's third quarter", "1989's second quarter"
        let (year_hint, i) = if self.is(i + 2, "'") && self.is(i + 3, "s") {
            if let Some((off, _)) = self.year_offset_at(i) {
                (self.anchor_year().map(|y| y + off).map(Some), i + 4)
            } else {
                (None, i)
            }
        } else {
            (None, i)
        };
        let j = if self.is(i, "fiscal") { i + 1 } else { i };
        if let Some(&ord) = self.lex.ordinals.get(self.w(j)) {
            let k = self.skip_hyphen(j + 1);
            let is_half = self.is(k, "half");
            if !(self.is(k, "quarter") || is_half) || ord > 4 {
                return None;
            }
            let (explicit, end) = self.period_year(k + 1);
            let year = explicit.or(year_hint.flatten()).or_else(|| {
                match self.ctx.anchor {
                    // The quarter of that number nearest the anchor on the
                    // side the clause's tense points to.
                    Some(a) => {
                        let (y, current) = quarter_of(a);
                        let future = self.future_context(i, k + 1);
                        Some(if future && ord < current { y + 1 } else { y })
                    }
                    None => self
                        .ctx
                        .last_quarter
                        .and_then(|(y, _)| y)
                        .or(self.ctx.last_year),
                }
            });
            if is_half {
                let h = if ord == 1 { 1 } else { 2 };
                let v = format!("{}-H{h}", year_str(year));
                return Some(Core::new(end, v, TimexType::Date, "half").class(Class::Period));
            }
            let v = format!("{}-Q{ord}", year_str(year));
            return Some(
                Core::new(end, v, TimexType::Date, "quarter")
                    .relative(explicit.is_none())
                    .class(Class::Period)
                    .topic(),
            );
        }
        // "the quarter", "the latest quarter", "the year-ago period", "last quarter"
        let mut k = j;
        let mut shift_years = 0;
        let mut latest = false;
        let mut dir = None;
        if self.is(k, "year") && self.is(k + 1, "-") && self.any(k + 2, &["ago", "earlier"]) {
            shift_years = -1;
            k += 3;
        } else if self.is(k, "last") && self.is(k + 1, "year") && self.is(k + 2, "'") {
            shift_years = -1;
            k += 4;
        } else if self.any(k, &["latest", "recent", "same"]) {
            latest = true;
            k += 1;
        } else if let Some(&d) = self.lex.directions.get(self.w(k)) {
            dir = Some(d);
            k += 1;
        }
        let period_word = self.is(k, "period") && (shift_years != 0 || latest);
        let qualified = k > j || year_hint.is_some();
        let the_before = j.checked_sub(1).is_some_and(|p| self.is(p, "the"));
        if !(self.is(k, "quarter") || period_word) || !(qualified || the_before) {
            return None;
        }
        let (y, q) = match (dir, self.ctx.last_quarter) {
            (Some(d), _) => {
                let (y, q) = quarter_of(self.ctx.anchor?);
                let (y, q) = shift_quarter(y, q, d);
                (Some(y), q)
            }
            (None, Some((y, q))) => (y, q),
            (None, None) => match self.ctx.anchor {
                Some(a) => {
                    let (y, q) = quarter_of(a);
                    let (y, q) = shift_quarter(y, q, -1);
                    (Some(y), q)
                }
                None => (None, 0),
            },
        };
        let y = y.map(|y| y + shift_years);
        let v = if q == 0 {
            "XXXX-QX".to_string()
        } else {
            format!("{}-Q{q}", year_str(y))
        };
        Some(
            Core::new(k + 1, v, TimexType::Date, "quarter")
                .relative(true)
                .class(Class::Period),
        )
    }

    /// The year after a period: "of 1990", "of fiscal 1990", "of this year",
    /// "1990" → (year, end).
    pub(super) fn period_year(&self, i: usize) -> (Option<i32>, usize) {
        let j = if self.is(i, "of") { i + 1 } else { i };
        let k = if self.is(j, "fiscal") { j + 1 } else { j };
        if let Some((y, end)) = self.year_at(k) {
            return (Some(y), end);
        }
        if let Some((off, end)) = self.year_offset_at(j) {
            return (self.anchor_year().map(|y| y + off), end);
        }
        (None, i)
    }

    /// "last year", "this month", "next week", "the past year", "this
    /// weekend", "year-end", "that year".
    pub(super) fn unit_relative(&self, i: usize) -> Option<Core> {
        if self.is(i, "year")
            && (self.is(i + 1, "end") || self.is(i + 1, "-") && self.is(i + 2, "end"))
        {
            let end = if self.is(i + 1, "end") { i + 2 } else { i + 3 };
            let v = year_str(self.anchor_year());
            return Some(
                Core::new(end, v, TimexType::Date, "year")
                    .relative(true)
                    .class(Class::Period),
            );
        }
        // "the weekend": the one just past, or the coming one in a future clause.
        if self.is(i, "weekend") && i.checked_sub(1).is_some_and(|k| self.is(k, "the")) {
            let forward = self.future_context(i, i + 1);
            let v = self
                .ctx
                .anchor
                .and_then(|a| nearest_weekday(a, chrono::Weekday::Sat, forward, false))
                .map(|d| format!("{}-WE", week_value(d)))
                .unwrap_or_else(|| "XXXX-WXX-WE".to_string());
            return Some(
                Core::new(i + 1, v, TimexType::Date, "weekend")
                    .relative(true)
                    .class(Class::Period),
            );
        }
        if self.any(i, &["that", "same"]) && self.is(i + 1, "year") {
            let v = year_str(self.ctx.last_year);
            return Some(Core::new(i + 2, v, TimexType::Date, "year").relative(true));
        }
        let dir = *self.lex.directions.get(self.w(i))?;
        let unit = self.unit_at(i + 1)?;
        if self.w(i + 1).ends_with('s') {
            return None;
        }
        let end = i + 2;
        let anchor = self.ctx.anchor;
        let (value, gran) = match unit {
            "Y" => (year_str(anchor.map(|a| a.year() + dir)), "year"),
            "M" => match anchor {
                Some(a) => {
                    let (y, m) = shift_month(a.year(), a.month(), dir);
                    (month_value(Some(y), m), "month")
                }
                None => ("XXXX-XX".to_string(), "month"),
            },
            "W" | "WE" => {
                let v = anchor
                    .and_then(|a| shift_days(a, 7 * i64::from(dir)))
                    .map(week_value)
                    .unwrap_or_else(|| "XXXX-WXX".to_string());
                if unit == "WE" {
                    (format!("{v}-WE"), "weekend")
                } else {
                    (v, "week")
                }
            }
            "DE" => (
                anchor
                    .map(|a| format!("{:03}", a.year() / 10 + dir))
                    .unwrap_or_else(|| "XXX".to_string()),
                "decade",
            ),
            "CE" => (
                anchor
                    .map(|a| format!("{:02}", a.year() / 100 + dir))
                    .unwrap_or_else(|| "XX".to_string()),
                "century",
            ),
            "D" if dir == 0 => (
                anchor
                    .map(date_value)
                    .unwrap_or_else(|| "XXXX-XX-XX".to_string()),
                "day",
            ),
            _ => return None,
        };
        Some(
            Core::new(end, value, TimexType::Date, gran)
                .relative(true)
                .class(Class::Period),
        )
    }

    /// "two years ago", "a year earlier", "six months later", "year-earlier".
    pub(super) fn ago(&self, i: usize) -> Option<Core> {
        // "year-earlier" / "year-ago" used alone
        if self.is(i, "year") && self.is(i + 1, "-") && self.any(i + 2, &["ago", "earlier"]) {
            if self.any(i + 3, &["quarter", "period"]) {
                return None;
            }
            return Some(self.year_ago(i + 3));
        }
        let (n, j) = self.count_at(i)?;
        let unit = self.unit_at(j)?;
        let k = j + 1;
        let direction = match self.w(k) {
            "ago" | "before" | "earlier" | "previously" => -1,
            "later" | "after" | "hence" => 1,
            "from" if self.is(k + 1, "now") => 1,
            _ => return None,
        };
        let end = if self.is(k, "from") { k + 2 } else { k + 1 };
        let Some(n) = n else {
            let v = if direction < 0 {
                "PAST_REF"
            } else {
                "FUTURE_REF"
            };
            return Some(
                Core::new(end, v.to_string(), TimexType::Date, "")
                    .relative(true)
                    .class(Class::Ago),
            );
        };
        let n_int = n.clamp(0.0, 100_000.0) as i32;
        if self.is(k, "ago") || (unit == "Y" && n_int == 1 && direction < 0) {
            if unit == "Y" && n_int == 1 {
                return Some(self.year_ago(end));
            }
            return Some(
                self.offset_value(unit, n_int * direction, end)
                    .class(Class::Ago),
            );
        }
        // "six months later": a stretch of time measured from some event.
        let v = duration_value(Some(n), unit);
        Some(Core::new(end, v, TimexType::Duration, "").class(Class::Ago))
    }

    /// "a year ago" in a story about a quarter means that quarter a year
    /// earlier; otherwise the year before the anchor.
    pub(super) fn year_ago(&self, end: usize) -> Core {
        if let Some(date) = &self.ctx.sentence_date {
            let year: Option<i32> = date.get(..4).and_then(|y| y.parse().ok());
            if let (Some(y), Some(rest)) = (year, date.get(4..)) {
                let gran = if rest.len() > 3 { "day" } else { "month" };
                let v = format!("{:04}{rest}", y - 1);
                return Core::new(end, v, TimexType::Date, gran)
                    .relative(true)
                    .class(Class::Ago);
            }
        }
        if let Some((Some(y), q)) = self.ctx.last_quarter {
            let v = format!("{:04}-Q{q}", y - 1);
            return Core::new(end, v, TimexType::Date, "quarter")
                .relative(true)
                .class(Class::Ago);
        }
        let v = year_str(self.anchor_year().map(|y| y - 1));
        Core::new(end, v, TimexType::Date, "year")
            .relative(true)
            .class(Class::Ago)
    }

    /// The anchor moved by `n` units, at that unit's granularity.
    pub(super) fn offset_value(&self, unit: &str, n: i32, end: usize) -> Core {
        let a = self.ctx.anchor;
        let (value, gran) = match unit {
            "Y" => (year_str(a.map(|a| a.year() + n)), "year"),
            "M" => (
                a.map(|a| {
                    let (y, m) = shift_month(a.year(), a.month(), n);
                    month_value(Some(y), m)
                })
                .unwrap_or_else(|| "XXXX-XX".to_string()),
                "month",
            ),
            "W" => (
                a.and_then(|a| shift_days(a, 7 * i64::from(n)))
                    .map(week_value)
                    .unwrap_or_else(|| "XXXX-WXX".to_string()),
                "week",
            ),
            "Q" => (
                a.map(|a| {
                    let (y, q) = quarter_of(a);
                    let (y, q) = shift_quarter(y, q, n);
                    format!("{y:04}-Q{q}")
                })
                .unwrap_or_else(|| "XXXX-QX".to_string()),
                "quarter",
            ),
            "DE" => (
                a.map(|a| format!("{:03}", a.year() / 10 + n))
                    .unwrap_or_else(|| "XXX".to_string()),
                "decade",
            ),
            _ => (
                a.and_then(|a| shift_days(a, i64::from(n)))
                    .map(date_value)
                    .unwrap_or_else(|| "XXXX-XX-XX".to_string()),
                "day",
            ),
        };
        Core::new(end, value, TimexType::Date, gran).relative(true)
    }

    /// "this summer", "the winter of 1994", "last fall", "summer".
    pub(super) fn season(&self, i: usize) -> Option<Core> {
        let (dir, j) = match self.lex.directions.get(self.w(i)) {
            Some(&d) => (Some(d), i + 1),
            None => (None, i),
        };
        let season = *self.lex.seasons.get(self.w(j))?;
        let (explicit, end) = self.period_year(j + 1);
        let bare = dir.is_none() && explicit.is_none();
        // "spring" and "fall" are also a noun and a verb ("the fall in
        // prices"): bare, they need "in the", "during the", ...
        let after_prep_the = i.checked_sub(2).is_some_and(|k| {
            self.is(k + 1, "the")
                && self.any(
                    k,
                    &[
                        "in", "during", "by", "until", "since", "through", "over", "before",
                        "after", "this",
                    ],
                )
        });
        if bare && matches!(season, "SP" | "FA") && !after_prep_the {
            return None;
        }
        let year = explicit.or_else(|| self.anchor_year().map(|y| y + dir.unwrap_or(0)));
        let v = format!("{}-{season}", year_str(year));
        Some(
            Core::new(end, v, TimexType::Date, "season")
                .relative(explicit.is_none())
                .class(Class::Period),
        )
    }

    /// "the 1990s", "the '80s", "the 20th century".
    pub(super) fn decade(&self, i: usize) -> Option<Core> {
        let (t, apostrophe) = if self.is(i, "'") {
            (self.tok(i + 1)?, true)
        } else {
            (self.tok(i)?, false)
        };
        let end = if apostrophe { i + 2 } else { i + 1 };
        if t.kind == Kind::Num {
            if let Some(digits) = t.lower.strip_suffix('s') {
                let n: i32 = digits.parse().ok()?;
                if !apostrophe && digits.len() == 4 && n % 10 == 0 && (1000..2100).contains(&n) {
                    return Some(
                        Core::new(end, format!("{:03}", n / 10), TimexType::Date, "decade")
                            .class(Class::Period),
                    );
                }
                if apostrophe && digits.len() == 2 && n % 10 == 0 {
                    let century = self.anchor_year().map(|y| y / 100).unwrap_or(19);
                    let v = format!("{century:02}{}", n / 10);
                    return Some(Core::new(end, v, TimexType::Date, "decade").class(Class::Period));
                }
            }
            let digits = t.lower.trim_end_matches(char::is_alphabetic);
            if self.is(end, "century") && digits.len() <= 2 && t.lower.len() > digits.len() {
                let n: i32 = digits.parse().ok().filter(|n| *n >= 1)?;
                let v = format!("{:02}", n - 1);
                return Some(
                    Core::new(end + 1, v, TimexType::Date, "century").class(Class::Period),
                );
            }
        }
        None
    }

    /// "1998", "fiscal 1989".
    pub(super) fn year(&self, i: usize) -> Option<Core> {
        let j = if self.any(i, &["fiscal", "year"]) {
            i + 1
        } else {
            i
        };
        let (y, end) = self.year_at(j)?;
        let t = self.tok(j)?;
        if t.kind == Kind::Num {
            let before = j.checked_sub(1).map(|k| self.w(k)).unwrap_or("");
            if matches!(before, "$" | "#" | "no" | "number") || self.any(end, &["%", "percent"]) {
                return None;
            }
            if y < 1900
                && !matches!(
                    before,
                    "in" | "since"
                        | "until"
                        | "of"
                        | "by"
                        | "from"
                        | "year"
                        | "fiscal"
                        | "the"
                        | "to"
                        | "before"
                        | "after"
                        | "and"
                        | "-"
                )
            {
                return None;
            }
            // "1,500 troops" never tokenises as a year; "1998-99" ranges keep the first year.
        }
        // "the year 2000" keeps its "the"; "the 1986 crop" does not.
        let class = if self.is(i, "year") {
            Class::Period
        } else {
            Class::Point
        };
        Some(Core::new(end, y.to_string(), TimexType::Date, "year").class(class))
    }
}
