//! Rules for amounts of time and vague references: durations, sets,
//! now/recently/soon.

use crosscheck_model::TimexType;

use super::{duration_value, Class, Core, Matcher};
use crate::words::Kind;

impl Matcher<'_> {
    /// "every year", "each Monday", "daily", "$5 a year".
    pub(super) fn set(&self, i: usize) -> Option<Core> {
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
                                t.lower,
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
    pub(super) fn duration(&self, i: usize) -> Option<Core> {
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

    /// "now", "recently", "the past", "the future", "recent years",
    /// "currently", "as soon as possible".
    pub(super) fn reference(&self, i: usize) -> Option<Core> {
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
