//! Rules for days and times of day: explicit dates, month names, weekdays,
//! today/yesterday, clock times.

use chrono::{Datelike, NaiveDate};
use crosscheck_model::TimexType;

use super::{Core, Matcher};
use crate::calendar::{
    date_value, day_value, month_value, nearest_weekday, shift_days, weekday_from,
};
use crate::words::Kind;

/// `Some` when day `d` of month `m` exists in year `y` (in some year, a
/// leap one, when the year is not known): "February 31" is no date.
fn possible_day(y: Option<i32>, m: u32, d: u32) -> Option<()> {
    NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d).map(|_| ())
}

impl Matcher<'_> {
    /// "1998-02-13", "02/13/1998".
    pub(super) fn numeric_date(&self, i: usize) -> Option<Core> {
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

    /// Month `m`, day `d` and the year at token `k` (after an optional
    /// comma): "April 27, 2025", "27 April 2025". `None` when no year
    /// follows; `Some(None)` when that year has no such day ("February 29,
    /// 2023"), which is no date at all.
    fn day_with_year(&self, m: u32, d: u32, k: usize) -> Option<Option<Core>> {
        let after_comma = if self.is(k, ",") { k + 1 } else { k };
        let (y, end) = self.year_at(after_comma)?;
        if possible_day(Some(y), m, d).is_none() {
            return Some(None);
        }
        Some(Some(Core::new(
            end,
            day_value(Some(y), m, d),
            TimexType::Date,
            "day",
        )))
    }

    /// "Jan. 5, 1998", "April 27", "October 2024", "June last year", "May".
    pub(super) fn month_date(&self, i: usize) -> Option<Core> {
        let (m, j) = self.month_at(i)?;
        if let Some((d, k)) = self.day_at(j) {
            if let Some(dated) = self.day_with_year(m, d, k) {
                return dated;
            }
            if self.is(k, ":") || self.is(k, "%") {
                return None;
            }
            possible_day(None, m, d)?;
            let y = self.year_for(m, Some(d), i, k);
            possible_day(y, m, d)?;
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
            let lex = self.lex;
            if !lex.month_cues.iter().any(|w| w == before)
                || lex.not_month_after.iter().any(|w| w == self.w(j))
            {
                return None;
            }
        }
        let y = self.year_for(m, None, i, j);
        Some(Core::new(j, month_value(y, m), TimexType::Date, "month").relative(true))
    }

    /// "27 April 2025", "27th of April".
    pub(super) fn day_month(&self, i: usize) -> Option<Core> {
        let (d, j) = self.day_at(i)?;
        let j = if self.is(j, "of") { j + 1 } else { j };
        let (m, k) = self.month_at(j)?;
        if let Some(dated) = self.day_with_year(m, d, k) {
            return dated;
        }
        possible_day(None, m, d)?;
        let y = self.year_for(m, Some(d), i, k);
        possible_day(y, m, d)?;
        Some(Core::new(k, day_value(y, m, d), TimexType::Date, "day").relative(true))
    }

    /// "last April", "this September", "next May".
    pub(super) fn relative_month(&self, i: usize) -> Option<Core> {
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
    pub(super) fn weekday(&self, i: usize) -> Option<Core> {
        let (dir, j) = match self.lex.directions.get(self.w(i)) {
            Some(d) if self.lex.weekdays.contains_key(self.w(i + 1)) => (Some(*d), i + 1),
            _ => (None, i),
        };
        let t = self.tok(j)?;
        let wd = *self.lex.weekdays.get(t.lower)?;
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
    pub(super) fn with_part(&self, day: String, end: usize) -> Core {
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
    pub(super) fn deictic(&self, i: usize) -> Option<Core> {
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
    pub(super) fn clock_at(&self, i: usize) -> Option<(String, usize)> {
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
        if self.lex.timezones.iter().any(|z| z == self.w(end)) {
            end += 1;
        }
        Some((format!("{h:02}:{min:02}"), end))
    }

    /// "10:30 a.m.", "noon Saturday", "5 p.m. yesterday".
    pub(super) fn clock_time(&self, i: usize) -> Option<Core> {
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
}
