//! The temporal grammar: at each token, every rule proposes a match; the
//! longest wins. Rules read the lexicon and resolve values against the
//! anchor and what the text said before (last explicit year, last quarter).

use chrono::{Datelike, NaiveDate};
use crosscheck_model::TimexType;

use crate::calendar::{
    date_value, day_value, month_value, nearest_weekday, quarter_of, shift_days, shift_month,
    shift_quarter, week_value, weekday_from, year_str,
};
use crate::lexicon::Lexicon;
use crate::scan::{Kind, Tok};

/// A recognised expression over tokens `start..end`.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub value: String,
    pub kind: TimexType,
    pub granularity: &'static str,
    pub relative: bool,
    pub quarter_topic: bool,
}

/// What earlier text established, carried from sentence to sentence.
#[derive(Debug, Default, Clone)]
pub(crate) struct Context {
    pub anchor: Option<NaiveDate>,
    /// The last year stated explicitly ("in 2022", "Jan. 5, 1998").
    pub last_year: Option<i32>,
    /// The last quarter talked about, for "the quarter", "a year earlier".
    pub last_quarter: Option<(Option<i32>, u32)>,
    /// The last day or month named earlier in the current sentence
    /// ("Sept. 30 ... a year earlier" means the Sept. 30 before).
    pub sentence_date: Option<String>,
}

/// How a core expression may combine with words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A point or period on the calendar (takes early/late/mid/the end of).
    Point,
    /// Takes "the" ("the third quarter", "the weekend").
    Period,
    /// Takes "the" and approximators ("nearly two years").
    Duration,
    /// "two years ago": takes approximators, not "the".
    Ago,
    Other,
}

#[derive(Debug, Clone)]
struct Core {
    end: usize,
    value: String,
    kind: TimexType,
    granularity: &'static str,
    relative: bool,
    class: Class,
    /// Sets the quarter later "the quarter" / "a year earlier" refer to.
    quarter_topic: bool,
}

impl Core {
    fn new(end: usize, value: String, kind: TimexType, granularity: &'static str) -> Core {
        Core {
            end,
            value,
            kind,
            granularity,
            relative: false,
            class: Class::Point,
            quarter_topic: false,
        }
    }
    fn topic(mut self) -> Core {
        self.quarter_topic = true;
        self
    }
    fn relative(mut self, relative: bool) -> Core {
        self.relative = relative;
        self
    }
    fn class(mut self, class: Class) -> Core {
        self.class = class;
        self
    }
}

pub(crate) struct Matcher<'a> {
    pub toks: &'a [Tok],
    pub lex: &'a Lexicon,
    pub ctx: &'a Context,
}

const TIMEZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "bst", "cet",
];
/// Words after a month name that show it is not a month ("May be", "March on").
const NOT_AFTER_MONTH: &[&str] = &["be", "have", "not", "also", "well", "the", "a", "on", "to"];

impl<'a> Matcher<'a> {
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    fn any(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.w(i))
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Tokens `i` and `i+1` are written together ("third-quarter", "mid-1990s").
    fn glued(&self, i: usize) -> bool {
        match (self.tok(i), self.tok(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Optional hyphen between `i-1` and `i`: returns the index after it.
    fn skip_hyphen(&self, i: usize) -> usize {
        if self.is(i, "-") {
            i + 1
        } else {
            i
        }
    }

    /// A future cue in the clause around tokens `start..end`.
    fn future_context(&self, start: usize, end: usize) -> bool {
        let from = start.saturating_sub(8);
        let to = (end + 4).min(self.toks.len());
        (from..to)
            .filter(|k| *k < start || *k >= end)
            .any(|k| self.lex.future_cues.iter().any(|c| c == self.w(k)))
    }

    /// The expression starting at token `i`, if any: the longest of the rules,
    /// with leading modifiers and determiners folded in.
    pub(crate) fn match_at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind == Kind::Word && !self.lex.triggers.contains(&t.lower)
            || t.kind == Kind::Punct && t.lower != "'"
        {
            return None;
        }
        let mut best = self.core(i).map(|c| (i, c));
        let mut consider = |start: usize, core: Core| {
            if best.as_ref().is_none_or(|(_, b)| core.end > b.end) {
                best = Some((start, core));
            }
        };
        if self.is(i, "the") {
            if let Some(c) = self.core(i + 1) {
                if matches!(c.class, Class::Period | Class::Duration) {
                    consider(i, c);
                }
            }
        }
        if let Some((j, kind)) = self.modifier(i) {
            let j = if self.is(j, "the") && kind != "APPROX" {
                j + 1
            } else {
                j
            };
            if let Some(c) = self.core(j) {
                let fits = match kind {
                    "START" | "END" | "MID" => {
                        matches!(c.class, Class::Point | Class::Period)
                            && c.kind != TimexType::Duration
                    }
                    _ => matches!(c.class, Class::Duration | Class::Ago),
                };
                if fits {
                    consider(i, c);
                }
            } else if self.is(j, "the") {
                if let Some(c) = self.core(j + 1) {
                    if matches!(c.class, Class::Duration) {
                        consider(i, c);
                    }
                }
            }
        }
        best.map(|(start, c)| Found {
            start,
            end: c.end,
            value: c.value,
            kind: c.kind,
            granularity: c.granularity,
            relative: c.relative,
            quarter_topic: c.quarter_topic,
        })
    }

    /// A modifier from the lexicon at `i` ("early", "the end of", "mid-"):
    /// the index after it and its kind.
    fn modifier(&self, i: usize) -> Option<(usize, &'static str)> {
        for (words, kind) in &self.lex.modifiers {
            if words.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                return Some((self.skip_hyphen(i + words.len()), *kind));
            }
        }
        None
    }

    fn core(&self, i: usize) -> Option<Core> {
        let rules: [fn(&Self, usize) -> Option<Core>; 16] = [
            Self::numeric_date,
            Self::month_date,
            Self::day_month,
            Self::relative_month,
            Self::weekday,
            Self::deictic,
            Self::clock_time,
            Self::quarter,
            Self::unit_relative,
            Self::ago,
            Self::set,
            Self::duration,
            Self::season,
            Self::decade,
            Self::year,
            Self::reference,
        ];
        let mut best: Option<Core> = None;
        for rule in rules {
            if let Some(c) = rule(self, i) {
                if best.as_ref().is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
        }
        best
    }

    // ---- building blocks -------------------------------------------------

    /// A 4-digit year ("1998") or a spelled one ("nineteen ninety-six").
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num && t.lower.len() == 4 && t.lower.bytes().all(|b| b.is_ascii_digit())
        {
            let y: i32 = t.lower.parse().ok()?;
            return (1000..=2099).contains(&y).then_some((y, i + 1));
        }
        let century = *self.lex.numbers.get(self.w(i))?;
        if !(10..=20).contains(&century) && century != 2 || t.lower == "a" {
            return None;
        }
        if century == 2 && self.is(i + 1, "thousand") {
            let (rest, end) = self.small_number(i + 2).unwrap_or((0, i + 2));
            return Some((2000 + rest as i32, end));
        }
        if century == 2 {
            return None;
        }
        let (rest, end) = self.small_number(i + 1)?;
        (10..100)
            .contains(&rest)
            .then_some((century as i32 * 100 + rest as i32, end))
    }

    /// "twenty", "twenty-five", "ninety six" (1..99 in words).
    fn small_number(&self, i: usize) -> Option<(u32, usize)> {
        let tens = *self.lex.numbers.get(self.w(i))?;
        if tens == 1 && self.any(i, &["a", "an"]) {
            return None;
        }
        if tens >= 20 && tens % 10 == 0 {
            let j = self.skip_hyphen(i + 1);
            if let Some(&unit) = self.lex.numbers.get(self.w(j)) {
                if (1..10).contains(&unit) && !self.any(j, &["a", "an"]) {
                    return Some((tens + unit, j + 1));
                }
            }
        }
        (tens < 100).then_some((tens, i + 1))
    }

    /// A count: digits or words, "a hundred", "two dozen"; `None` value for
    /// vague counts ("several", "a few").
    fn count_at(&self, i: usize) -> Option<(Option<f64>, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            let digits: String = t.lower.chars().filter(|c| *c != ',').collect();
            let n: f64 = digits.parse().ok()?;
            // "2 1/2 years"
            if self.is(i + 2, "/") && self.glued(i + 1) && self.glued(i + 2) {
                let num: f64 = self.w(i + 1).parse().ok()?;
                let den: f64 = self.w(i + 3).parse().ok()?;
                if den > 0.0 {
                    return Some((Some(n + num / den), i + 4));
                }
            }
            return Some((Some(n), i + 1));
        }
        if self.any(i, &["a", "an"]) && !self.any(i + 1, &["few", "couple"]) {
            return match self.w(i + 1) {
                "hundred" => Some((Some(100.0), i + 2)),
                "dozen" => Some((Some(12.0), i + 2)),
                _ => Some((Some(1.0), i + 1)),
            };
        }
        for (words, value) in &self.lex.vague_phrases {
            if words.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                return Some((value.parse().ok(), i + words.len()));
            }
        }
        let (n, mut end) = self.small_number(i)?;
        let mut value = n as f64;
        if let Some(&mult) = self.lex.numbers.get(self.w(end)) {
            if mult == 100 || mult == 12 && self.is(end, "dozen") {
                value *= mult as f64;
                end += 1;
            }
        }
        if self.is(end, "thousand") {
            value *= 1000.0;
            end += 1;
        }
        Some((Some(value), end))
    }

    fn unit_at(&self, i: usize) -> Option<&'static str> {
        self.lex.units.get(self.w(i)).copied()
    }

    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        let m = *self.lex.months.get(&t.lower)?;
        if !t.capitalised {
            return None;
        }
        let full = t.lower.len() > 4 || matches!(t.lower.as_str(), "may" | "june" | "july");
        if full {
            return Some((m, i + 1));
        }
        (self.is(i + 1, ".") && self.glued(i)).then_some((m, i + 2))
    }

    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        let digits = t.lower.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        let suffix = &t.lower[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some((d, i + 1))
    }

    /// "this year", "last year", "next year" at `i` → year offset and end.
    fn year_offset_at(&self, i: usize) -> Option<(i32, usize)> {
        let dir = *self.lex.directions.get(self.w(i))?;
        self.is(i + 1, "year").then_some((dir, i + 2))
    }

    fn anchor_year(&self) -> Option<i32> {
        self.ctx.anchor.map(|a| a.year())
    }

    /// The year of a date written without one: the anchor's (moved back a
    /// year when the date would lie well after it in a past-tense clause, and
    /// forward when it lies well before it in a future one), else the last
    /// year the text stated.
    fn year_for(&self, month: u32, day: Option<u32>, start: usize, end: usize) -> Option<i32> {
        let Some(anchor) = self.ctx.anchor else {
            return self.ctx.last_year;
        };
        let future = self.future_context(start, end);
        let y = anchor.year();
        // The nearest such date, with distance the wrong side of the anchor
        // for the clause's tense counted double (news prefers the past).
        (y - 1..=y + 1)
            .filter_map(|cy| {
                let date = NaiveDate::from_ymd_opt(cy, month, day.unwrap_or(15))?;
                let days = (date - anchor).num_days();
                let against_tense = if future { days < -31 } else { days > 31 };
                let cost = days.abs() * if against_tense { 2 } else { 1 };
                Some((cost, cy))
            })
            .min()
            .map(|(_, cy)| cy)
    }

    // ---- rules -----------------------------------------------------------

    /// "1998-02-13", "02/13/1998".
    fn numeric_date(&self, i: usize) -> Option<Core> {
        let (y, m, d, end) = if self.is(i + 1, "-") && self.is(i + 3, "-") {
            let (y, _) = self.year_at(i)?;
            let m: u32 = self.w(i + 2).parse().ok()?;
            let d: u32 = self.w(i + 4).parse().ok()?;
            (y, m, d, i + 5)
        } else if self.is(i + 1, "/") && self.is(i + 3, "/") {
            let m: u32 = self.w(i).parse().ok()?;
            let d: u32 = self.w(i + 2).parse().ok()?;
            let (y, _) = self.year_at(i + 4)?;
            (y, m, d, i + 5)
        } else {
            return None;
        };
        NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Core::new(
            end,
            day_value(Some(y), m, d),
            TimexType::Date,
            "day",
        ))
    }

    /// "Jan. 5, 1998", "April 27", "October 2024", "June last year", "May".
    fn month_date(&self, i: usize) -> Option<Core> {
        let (m, j) = self.month_at(i)?;
        if let Some((d, k)) = self.day_at(j) {
            let after_comma = if self.is(k, ",") { k + 1 } else { k };
            if let Some((y, end)) = self.year_at(after_comma) {
                return Some(Core::new(
                    end,
                    day_value(Some(y), m, d),
                    TimexType::Date,
                    "day",
                ));
            }
            if self.is(k, ":") || self.is(k, "%") {
                return None;
            }
            let y = self.year_for(m, Some(d), i, k);
            return Some(Core::new(k, day_value(y, m, d), TimexType::Date, "day").relative(true));
        }
        let after_comma = if self.is(j, ",") { j + 1 } else { j };
        if let Some((y, end)) = self.year_at(after_comma) {
            return Some(Core::new(
                end,
                month_value(Some(y), m),
                TimexType::Date,
                "month",
            ));
        }
        let of = if self.is(j, "of") { j + 1 } else { j };
        if let Some((off, end)) = self.year_offset_at(of) {
            let y = self.anchor_year().map(|y| y + off);
            return Some(
                Core::new(end, month_value(y, m), TimexType::Date, "month").relative(true),
            );
        }
        // A bare month name: "May" and "March" are also a verb and a noun.
        if self.any(i, &["may", "march"]) {
            let before = i.checked_sub(1).map(|k| self.w(k)).unwrap_or("");
            let preps = [
                "in", "of", "since", "until", "by", "during", "from", "through", "before", "after",
                "last", "this", "next", "early", "late", "mid", "-", "till", "between", "and",
            ];
            if !preps.contains(&before) || NOT_AFTER_MONTH.contains(&self.w(j)) {
                return None;
            }
        }
        let y = self.year_for(m, None, i, j);
        Some(Core::new(j, month_value(y, m), TimexType::Date, "month").relative(true))
    }

    /// "27 April 2025", "27th of April".
    fn day_month(&self, i: usize) -> Option<Core> {
        let (d, j) = self.day_at(i)?;
        let j = if self.is(j, "of") { j + 1 } else { j };
        let (m, k) = self.month_at(j)?;
        let after_comma = if self.is(k, ",") { k + 1 } else { k };
        if let Some((y, end)) = self.year_at(after_comma) {
            return Some(Core::new(
                end,
                day_value(Some(y), m, d),
                TimexType::Date,
                "day",
            ));
        }
        let y = self.year_for(m, Some(d), i, k);
        Some(Core::new(k, day_value(y, m, d), TimexType::Date, "day").relative(true))
    }

    /// "last April", "this September", "next May".
    fn relative_month(&self, i: usize) -> Option<Core> {
        let dir = *self.lex.directions.get(self.w(i))?;
        let (m, end) = self.month_at(i + 1)?;
        let y = self.ctx.anchor.map(|a| {
            let am = a.month();
            match dir {
                d if d < 0 => a.year() - i32::from(m >= am),
                d if d > 0 => a.year() + i32::from(m <= am),
                _ => a.year(),
            }
        });
        Some(Core::new(end, month_value(y, m), TimexType::Date, "month").relative(true))
    }

    /// "Monday", "last Friday", "Saturday night", "Friday, Feb. 13".
    fn weekday(&self, i: usize) -> Option<Core> {
        let (dir, j) = match self.lex.directions.get(self.w(i)) {
            Some(d) if self.lex.weekdays.contains_key(self.w(i + 1)) => (Some(*d), i + 1),
            _ => (None, i),
        };
        let t = self.tok(j)?;
        let wd = *self.lex.weekdays.get(&t.lower)?;
        if !t.capitalised {
            return None;
        }
        let mut end = j + 1;
        if t.lower.len() <= 4 {
            if !(self.is(end, ".") && self.glued(j)) {
                return None;
            }
            end += 1;
        }
        // "Friday, Feb. 13": the explicit date decides.
        let after_comma = if self.is(end, ",") { end + 1 } else { end };
        if let Some(c) = self
            .month_date(after_comma)
            .filter(|c| c.granularity == "day")
        {
            return Some(c);
        }
        let weekday = weekday_from(wd)?;
        let date = self.ctx.anchor.and_then(|a| match dir {
            Some(d) if d < 0 => nearest_weekday(a, weekday, false, true),
            Some(d) if d > 0 => nearest_weekday(a, weekday, true, true),
            _ => {
                let forward = self.future_context(i, end);
                nearest_weekday(a, weekday, forward, false)
            }
        });
        let day = match date {
            Some(d) => date_value(d),
            None => "XXXX-XX-XX".to_string(),
        };
        Some(self.with_part(day, end).relative(true))
    }

    /// A day value followed by an optional part of day ("morning") or clock
    /// time ("at noon").
    fn with_part(&self, day: String, end: usize) -> Core {
        if let Some(part) = self.lex.parts.get(self.w(end)) {
            return Core::new(
                end + 1,
                format!("{day}T{part}"),
                TimexType::Time,
                "part_of_day",
            );
        }
        if let Some((hm, e)) = self.clock_at(end) {
            return Core::new(e, format!("{day}T{hm}"), TimexType::Time, "minute");
        }
        Core::new(end, day, TimexType::Date, "day")
    }

    /// "today", "yesterday morning", "tonight", "this morning", "last night".
    fn deictic(&self, i: usize) -> Option<Core> {
        let anchor = self.ctx.anchor;
        let day_of = |offset: i64| match anchor.and_then(|a| shift_days(a, offset)) {
            Some(d) => date_value(d),
            None => "XXXX-XX-XX".to_string(),
        };
        if let Some(&offset) = self.lex.deictic.get(self.w(i)) {
            if self.is(i, "tonight") {
                let v = format!("{}TNI", day_of(0));
                return Some(Core::new(i + 1, v, TimexType::Time, "part_of_day").relative(true));
            }
            return Some(self.with_part(day_of(offset), i + 1).relative(true));
        }
        let dir = *self.lex.directions.get(self.w(i))?;
        let part = *self.lex.parts.get(self.w(i + 1))?;
        let offset = match (dir, part) {
            (0, _) => 0,
            (d, "NI") if d < 0 => -1,
            (d, "NI") if d > 0 => 1,
            _ => return None,
        };
        let v = format!("{}T{part}", day_of(offset));
        Some(Core::new(i + 2, v, TimexType::Time, "part_of_day").relative(true))
    }

    /// "10:30", "5 p.m.", "noon", "midnight": the time as `HH:MM`.
    fn clock_at(&self, i: usize) -> Option<(String, usize)> {
        let skip_at = if self.is(i, "at") { i + 1 } else { i };
        if self.is(skip_at, "noon") {
            return Some(("12:00".to_string(), skip_at + 1));
        }
        if self.is(skip_at, "midnight") {
            return Some(("24:00".to_string(), skip_at + 1));
        }
        let t = self.tok(skip_at)?;
        if t.kind != Kind::Num {
            return None;
        }
        let (h, min) = match t.lower.split_once(':') {
            Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
            None => (t.lower.parse::<u32>().ok()?, 0),
            _ => return None,
        };
        let mut end = skip_at + 1;
        let meridiem =
            if self.any(end, &["a", "p"]) && self.is(end + 1, ".") && self.is(end + 2, "m") {
                let pm = self.is(end, "p");
                end += 3;
                if self.is(end, ".") {
                    end += 1;
                }
                Some(pm)
            } else if self.any(end, &["am", "pm"]) {
                let pm = self.is(end, "pm");
                end += 1;
                Some(pm)
            } else if self.is(end, "o") && self.is(end + 1, "'") && self.is(end + 2, "clock") {
                end += 3;
                Some(false)
            } else {
                None
            };
        if meridiem.is_none() && !t.lower.contains(':') {
            return None;
        }
        if h > 24 || min > 59 {
            return None;
        }
        let h = match meridiem {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            _ => h,
        };
        if self.any(end, TIMEZONES) {
            end += 1;
        }
        Some((format!("{h:02}:{min:02}"), end))
    }

    /// "10:30 a.m.", "noon Saturday", "5 p.m. yesterday".
    fn clock_time(&self, i: usize) -> Option<Core> {
        if self.is(i, "at") {
            return None;
        }
        let (hm, end) = self.clock_at(i)?;
        let mut value_day = self.ctx.anchor.map(date_value);
        let mut end = end;
        let day_start = if self.any(end, &["on", ","]) {
            end + 1
        } else {
            end
        };
        let day = self
            .weekday(day_start)
            .or_else(|| self.deictic(day_start))
            .or_else(|| {
                self.month_date(day_start)
                    .filter(|c| c.granularity == "day")
            });
        if let Some(c) = day {
            if c.kind == TimexType::Date {
                value_day = Some(c.value);
                end = c.end;
            }
        }
        let day = value_day.unwrap_or_else(|| "XXXX-XX-XX".to_string());
        Some(Core::new(end, format!("{day}T{hm}"), TimexType::Time, "minute").relative(true))
    }

    /// "the third quarter", "fourth-quarter", "the first quarter of 1990",
    /// "this year's third quarter", "the quarter", "the year-ago quarter",
    /// "the first half".
    fn quarter(&self, i: usize) -> Option<Core> {
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
    fn period_year(&self, i: usize) -> (Option<i32>, usize) {
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
    fn unit_relative(&self, i: usize) -> Option<Core> {
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
    fn ago(&self, i: usize) -> Option<Core> {
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
    fn year_ago(&self, end: usize) -> Core {
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
    fn offset_value(&self, unit: &str, n: i32, end: usize) -> Core {
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

    /// "every year", "each Monday", "daily", "$5 a year".
    fn set(&self, i: usize) -> Option<Core> {
        if let Some(v) = self.lex.sets.get(self.w(i)) {
            return Some(Core::new(i + 1, v.to_string(), TimexType::Set, "").class(Class::Other));
        }
        if self.any(i, &["every", "each", "per"]) {
            let j = if self.is(i + 1, "other") {
                i + 2
            } else {
                i + 1
            };
            if let Some(&wd) = self.lex.weekdays.get(self.w(j)) {
                let v = format!("XXXX-WXX-{wd}");
                return Some(Core::new(j + 1, v, TimexType::Set, "day").class(Class::Other));
            }
            if let Some((m, end)) = self.month_at(j) {
                let v = format!("XXXX-{m:02}");
                return Some(Core::new(end, v, TimexType::Set, "month").class(Class::Other));
            }
            let unit = self.unit_at(j)?;
            let n = if j == i + 2 { 2 } else { 1 };
            return Some(
                Core::new(
                    j + 1,
                    duration_value(Some(n as f64), unit),
                    TimexType::Set,
                    "",
                )
                .class(Class::Other),
            );
        }
        // A rate after an amount: "$2 million a year".
        if self.any(i, &["a", "an"]) {
            let unit = self.unit_at(i + 1)?;
            let rate = (1..=3).any(|back| {
                i.checked_sub(back)
                    .and_then(|k| self.tok(k))
                    .is_some_and(|t| {
                        t.kind == Kind::Num
                            || matches!(
                                t.lower.as_str(),
                                "million" | "billion" | "percent" | "%" | "cents" | "dollars"
                            )
                    })
            });
            if rate {
                let v = duration_value(Some(1.0), unit);
                return Some(Core::new(i + 2, v, TimexType::Set, "").class(Class::Other));
            }
        }
        None
    }

    /// "three years", "the nine months", "the past two months", "two-year",
    /// "several days", "the next few weeks", "20 more years".
    fn duration(&self, i: usize) -> Option<Core> {
        let mut j = i;
        if self.any(
            j,
            &[
                "first",
                "past",
                "last",
                "next",
                "previous",
                "coming",
                "final",
                "latest",
                "following",
            ],
        ) {
            j += 1;
        }
        // "the year", "the fiscal year": the year-long period a figure covers.
        let the_before = i.checked_sub(1).is_some_and(|k| self.is(k, "the"));
        let fiscal = if self.is(i, "fiscal") { i + 1 } else { i };
        if the_before && j == i && self.is(fiscal, "year") && !self.any(fiscal + 1, &["-", "'"]) {
            return Some(
                Core::new(fiscal + 1, "P1Y".to_string(), TimexType::Duration, "")
                    .class(Class::Duration),
            );
        }
        let (n, k) = match self.count_at(j) {
            Some(c) => c,
            None if j > i && self.is(j, "year") && !self.is(j + 1, "-") => (Some(1.0), j),
            None => return None,
        };
        let k = if self.is(k, "more") { k + 1 } else { k };
        // "two-year", "10-year" (adjectives), but not "45-year-old".
        let hyphen = self.is(k, "-");
        let u = if hyphen { k + 1 } else { k };
        let unit = self.unit_at(u)?;
        if unit == "WE" || (hyphen && (self.is(u + 1, "-") && self.is(u + 2, "old"))) {
            return None;
        }
        let plural = self.w(u).ends_with('s');
        if self.is(u + 1, "old") || (hyphen && plural) {
            return None;
        }
        // "the 1986 quarter" names a period of that year, not 1,986 quarters.
        if !hyphen && !plural && self.year_at(j).is_some() {
            return None;
        }
        // "a quarter of the vote", "a quarter point", "a second time":
        // fractions and ordinals.
        if (unit == "Q" && (self.is(u + 1, "of") || self.any(j, &["a", "an"])))
            || (unit == "TS" && !plural && self.tok(j).is_some_and(|t| t.kind != Kind::Num))
        {
            return None;
        }
        if self.any(j, &["a", "an"]) && (plural || hyphen) {
            return None;
        }
        if n.is_none() && !plural {
            return None;
        }
        let v = duration_value(n, unit);
        Some(Core::new(u + 1, v, TimexType::Duration, "").class(Class::Duration))
    }

    /// "this summer", "the winter of 1994", "last fall", "summer".
    fn season(&self, i: usize) -> Option<Core> {
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
    fn decade(&self, i: usize) -> Option<Core> {
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
    fn year(&self, i: usize) -> Option<Core> {
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

    /// "now", "recently", "the past", "the future", "recent years",
    /// "currently", "as soon as possible".
    fn reference(&self, i: usize) -> Option<Core> {
        let r = |end: usize, v: &str| {
            Some(
                Core::new(end, v.to_string(), TimexType::Date, "")
                    .relative(true)
                    .class(Class::Other),
            )
        };
        if let Some(v) = self.lex.references.get(self.w(i)) {
            if self.is(i, "now") && self.is(i + 1, "that") {
                return None;
            }
            return r(i + 1, v);
        }
        if self.is(i, "the")
            && self.any(i + 1, &["past", "future"])
            && self.unit_at(i + 2).is_none()
            && self.count_at(i + 2).is_none()
        {
            return r(
                i + 2,
                if self.is(i + 1, "past") {
                    "PAST_REF"
                } else {
                    "FUTURE_REF"
                },
            );
        }
        if self.is(i, "recent") {
            if self.unit_at(i + 1).is_some() && self.w(i + 1).ends_with('s') {
                return r(i + 2, "PAST_REF");
            }
            return r(i + 1, "PAST_REF");
        }
        if self.is(i, "current") && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word) {
            return r(i + 1, "PRESENT_REF");
        }
        if self.is(i, "as")
            && self.is(i + 1, "soon")
            && self.is(i + 2, "as")
            && self.is(i + 3, "possible")
        {
            return r(i + 4, "FUTURE_REF");
        }
        None
    }
}

/// `P3Y`, `PT2H`, `PXM` for a vague count, `P2Y6M` for "2.5 years".
pub(crate) fn duration_value(n: Option<f64>, unit: &str) -> String {
    let (prefix, letter) = match unit.strip_prefix('T') {
        Some(rest) => ("PT", rest),
        None => ("P", unit),
    };
    let letter = match letter {
        "S" | "M" | "H" | "D" | "W" | "Y" | "Q" | "DE" | "CE" | "WE" => letter,
        _ => "X",
    };
    match n {
        None => format!("{prefix}X{letter}"),
        Some(n) if n.fract() == 0.0 => format!("{prefix}{}{letter}", n as i64),
        Some(n) if letter == "Y" && (n * 2.0).fract() == 0.0 => {
            format!("P{}Y6M", n.trunc() as i64)
        }
        Some(n) => format!("{prefix}{n}{letter}"),
    }
}
