//! The second end of a range, and the number pairs that only look like one.
//!
//! Read as ranges: "8,000 to 12,000", "10-15 people", "between 44 and 50",
//! "from 8,000 to 12,000 troops", "8- to 16-meter", "$7/$9", "7.8 to 8.2
//! mln tonnes" (the scale is shared). Not ranges:
//! - a change between two stated values: "rose 0.68 per cent to 3,005.47"
//!   (a unit after the first number and none after the second), "going
//!   from 175 gigawatts to 450 gigawatts" (a change verb before "from");
//! - two values side by side: "leading 47.3 percent to 44.4 percent" (a
//!   falling pair, each number with its own unit);
//! - dash-joined integers falling from first to second: model numbers
//!   ("787-9", "767-300") and scores ("6-2"); small rising pairs with
//!   nothing counted after them are scores too ("won 3-6");
//! - "555-1234": a phone number;
//! - "9 to 6:30 a.m.": times of day.
//!
//! "5-3 million" is read as 3,000,000 to 5,000,000: the scale word after the
//! second number applies to both (as in "2-3 million"), and a writer who
//! puts the larger end first still states the same range.

use crosscheck_model::Bound;

use super::figure::Draft;
use super::numeral::Numeral;
use super::{is_dash, FigureKind, Reader};
use crate::lexicon::NumberWordClass;

/// The second numeral of a possible range, with what follows it.
struct Partner {
    n: Numeral,
    /// The token the numeral (or its sign) starts at.
    start: usize,
    /// The token after the numeral and its unit.
    end: usize,
    value: f64,
    unit: Option<crate::units::UnitInfo>,
    unit_span: Option<(usize, usize)>,
    hyphenated: bool,
}

impl Reader<'_> {
    /// The product of the scale words ("million", "mln", "thousand") that
    /// end the numeral in tokens `a..b`; 1 when there are none.
    pub(super) fn trailing_scale(&self, a: usize, b: usize) -> f64 {
        let mut m = 1.0;
        let mut k = b;
        while k > a {
            match self.lex.number_words.get(self.low(k - 1)) {
                Some((v, NumberWordClass::Scale)) if *v >= 1000.0 => m *= v,
                _ => match self.s(k - 1) {
                    "m" | "M" | "bn" | "k" | "K" if k >= 2 && self.touching(k - 2, k - 1) => {
                        m *= match self.s(k - 1) {
                            "k" | "K" => 1e3,
                            "bn" => 1e9,
                            _ => 1e6,
                        }
                    }
                    _ => break,
                },
            }
            k -= 1;
        }
        m
    }

    /// A change verb right before token `at` ("rose 5 pct", "rose by 5",
    /// "going from 175").
    fn change_before(&self, at: usize) -> bool {
        let mut k = at;
        if k > 0 && matches!(self.low(k - 1), "from" | "by") {
            k -= 1;
        }
        (1..=2).any(|back| k >= back && self.lex.change_verbs.contains(self.low(k - back)))
    }

    /// "increasing protein intake from 15%": a change verb three words
    /// before "from" at `at`, with a two-word object between.
    fn change_three_before(&self, at: usize) -> bool {
        self.low(at) == "from"
            && at >= 3
            && self.lex.change_verbs.contains(self.low(at - 3))
            && self.is_word(at - 2)
            && self.is_word(at - 1)
    }

    /// The joiner after the first number: "to", a tight dash, "and" after
    /// "between", "/" between two currency amounts. Returns the token the
    /// second numeral starts at and whether the joiner was a tight dash.
    fn range_joiner(&self, d: &Draft, between: bool) -> Option<(usize, bool)> {
        let mut k = d.end;
        // "8- to 16-meter".
        if is_dash(self.s(k)) && self.low(k + 1) == "to" && self.touching(k - 1, k) {
            k += 1;
        }
        let joiner = self.low(k);
        let tight = self.tight_dash(k);
        let spaced_dash = is_dash(joiner) && !self.touching(k - 1, k) && d.unit.is_none();
        let slash = joiner == "/"
            && d.currency_before
            && self.touching(k - 1, k)
            && matches!(self.s(k + 1), "$" | "€" | "£" | "¥");
        let joins = joiner == "to" || tight || spaced_dash || slash || (joiner == "and" && between);
        joins.then_some((k + 1, tight))
    }

    /// The second numeral at `j`, its currency, sign and unit.
    fn range_partner(&self, d: &Draft, mut j: usize) -> Option<Partner> {
        let currency = d.unit.is_some_and(|u| u.dimension == "currency");
        let start = j;
        let hash_pounds =
            self.s(j) == "#" && self.touching(j, j + 1) && d.unit.is_some_and(|u| u.id == "GBP");
        if matches!(self.s(j), "$" | "€" | "£" | "¥") && self.currency_before(j + 1).is_some()
            || hash_pounds
        {
            j += 1;
        }
        let mut negative = false;
        // A minus sign stands apart from the joiner ("to -5"); a dash glued
        // to it is a hyphen of the compound ("one-to-seven days").
        if super::is_minus(self.s(j)) && self.touching(j, j + 1) {
            negative = !self.touching(j - 1, j);
            j += 1;
        }
        let n = self.numeral(j, currency)?;
        if n.vague {
            return None;
        }
        let hy = self.tight_dash(n.end);
        let at = if hy { n.end + 1 } else { n.end };
        let read = self
            .unit_read_at(at, n.words || hy)
            .filter(|r| self.unit_plausible(r, &n, at));
        let (unit, end, unit_span) = match read {
            Some(r) => (Some(r.unit), r.end, Some(r.span)),
            None => (None, n.end, None),
        };
        Some(Partner {
            n,
            start,
            end,
            value: if negative { -n.value } else { n.value },
            unit,
            unit_span,
            hyphenated: hy && read.is_some(),
        })
    }

    /// Reads the second end of a range after the figure in `d`, or marks
    /// the pair as a score, model number, phone number or time.
    pub(super) fn read_range(&self, d: &mut Draft) {
        if d.n.fraction || d.n.vague {
            return;
        }
        let before = d.first.checked_sub(1).map(|k| self.low(k)).unwrap_or("");
        // "between 18 and 29", "between the ages of 18 and 29": how many
        // tokens the "between" phrase takes before the first number.
        // "between about 350 and 800": a hedge after "between" hedges the
        // range.
        let hedged_start = self
            .modifier_before(d.first)
            .filter(|&(s, b, approximate)| {
                approximate && b == Bound::Exact && s > 0 && self.low(s - 1) == "between"
            })
            .map(|(s, _, _)| s);
        let between_len = if before == "between" {
            1
        } else if let Some(s) = hedged_start {
            d.first - s + 1
        } else if before == "of"
            && d.first >= 4
            && self.low(d.first - 2) == "ages"
            && self.low(d.first - 3) == "the"
            && self.low(d.first - 4) == "between"
        {
            4
        } else {
            0
        };
        let between = between_len > 0;
        let from = before == "from";
        let Some((j, tight)) = self.range_joiner(d, between) else {
            return;
        };
        let Some(p) = self.range_partner(d, j) else {
            return;
        };
        // "from 40 percent on July 14 to 46 percent", "the week ended April
        // three to 106.96 mln barrels": a day of a month is no range end
        // ("March 11-20" stays a span of days).
        let day = d.unit.is_none() && d.low.fract() == 0.0 && (1.0..=31.0).contains(&d.low);
        if day && d.first > 0 && self.is_month(d.first - 1) && p.unit.is_some() {
            d.kind = Some(FigureKind::DateDay);
            return;
        }
        if self.non_range_pair(d, &p, tight) {
            return;
        }
        // A change between two stated values, not one range.
        // ("rose 5-7 pct" is a range: only "to" reads as a change.)
        let worded = self.low(j - 1) == "to";
        let verb_at = d.first.saturating_sub(usize::from(from));
        // The scale words after each end ("mln"): 1.0 where there is none.
        let scale1 = self.trailing_scale(d.i, d.n.end);
        let scale2 = self.trailing_scale(j, p.n.end);
        // "cutting its price by 0.5 cent to 70 cents": the step, then the
        // level, which dwarfs it; "overvalued by 8 to 12 pct" is a range.
        // A bare first end shares the second's scale ("by 50 to 100 mln").
        let by_step = before == "by" && {
            let second = if scale1 == 1.0 && scale2 > 1.0 {
                p.value / scale2
            } else {
                p.value
            };
            second > 3.0 * d.low
        };
        // After a change verb with no "from", a bare first end is a step
        // only when the level dwarfs it or lies below it ("eased 1 to 416",
        // "fell 150 to 100"); close rising ends are one range ("to raise 175
        // million to 180 million dollars").
        let step_and_level = from
            || d.unit.is_some()
            || p.value < d.low
            || p.value > 3.0 * d.low * if scale1 == 1.0 { scale2 } else { 1.0 };
        // Further back, only where both ends carry their unit: a bare first
        // end would lose the scale it shares ("from 116 to 217 mln").
        let change = worded
            && (from || !between)
            && (by_step
                || (self.change_before(verb_at) && step_and_level)
                || (self.change_three_before(verb_at) && d.unit_after && p.unit.is_some()));
        let unit_only_first = d.unit_after && p.unit.is_none();
        let units_differ = matches!((d.unit, p.unit), (Some(a), Some(b)) if a.id != b.id);
        // "leading 47.3 percent to 44.4 percent", "by 58%-33%": a falling
        // pair, each number with its own unit, sets two values side by side.
        let side_by_side = (worded || tight)
            && !from
            && !between
            && d.unit_after
            && p.unit.is_some()
            && p.value < d.low;
        if change || unit_only_first || units_differ || side_by_side {
            return;
        }
        // "in 1987 to 1.68 mln tonnes", "by 2030 to 32 percent": a year is
        // no range partner.
        let year_low = d.n.plain_int
            && d.n.digit_count == 4
            && (1800.0..=2100.0).contains(&d.n.value)
            && (!p.n.plain_int || scale2 > 1.0 || p.unit.is_some() && p.value < d.low);
        if year_low || (p.value == d.low && !between) {
            return;
        }
        // "7.8 to 8.2 mln", "5-3 million": the second scale applies to a
        // bare first number of the same order ("500 to 2 million" keeps 500).
        let shared = (scale1 == 1.0
            && scale2 > 1.0
            && d.low.abs() <= 10.0 * (p.value / scale2).abs().max(1.0)
            && d.low.abs() < 1000.0)
            .then_some(scale2);
        // "7-Eleven": digits hyphened to a capitalised number word name.
        if tight && !d.n.words && p.n.words && self.capitalized_word(p.start) {
            d.kind = Some(FigureKind::Identifier);
            d.end = p.end;
            return;
        }
        // "eight to 10 feet": newswire spells small numbers, so words and
        // digits may meet in a rising range; an em dash between them joins
        // two phrases instead ("November 3—nine days before").
        let em_dash = matches!(self.s(j - 1), "—" | "–");
        let mixed_rising = d.n.words != p.n.words && d.low < p.value && !em_dash;
        if !(between || d.n.words == p.n.words || shared.is_some() || mixed_rising) {
            return;
        }
        // A spaced hyphen joins only where the second end says what is
        // measured ("40 - 50 years"), never two bare numbers.
        let spaced_hyphen = self.s(j - 1) == "-" && !self.touching(j - 2, j - 1);
        if spaced_hyphen && p.unit.is_none() && scale2 == 1.0 {
            return;
        }
        let low = shared.map_or(d.low, |m| d.low * m);
        d.low = low.min(p.value);
        d.high = low.max(p.value);
        d.bound = Bound::Range;
        d.range = true;
        d.end = p.end;
        if d.unit.is_none() {
            d.unit = p.unit;
            d.unit_span = p.unit_span;
            d.unit_after = p.unit.is_some();
        } else if p.unit.is_none() && d.currency_before {
            // "$5 to 7 million dollars".
            if let Some((_, e)) = self.unit_at(p.end, true) {
                d.end = e;
            }
        }
        d.hyphenated |= p.hyphenated;
        if let Some((r, e)) = self.rate_at(d.end) {
            if d.rate.is_none_or(|x| x == r) && d.unit.is_some() {
                d.rate = Some(r);
                d.end = e;
            }
        }
        d.n.plain_int = d.n.plain_int && p.n.plain_int;
        if between {
            d.first -= between_len;
            d.approximate |= hedged_start.is_some();
        } else if from {
            d.first -= 1;
        }
    }

    /// Dash-joined pairs that are no range: models, scores, phone numbers,
    /// season years; and "9 to 6:30 a.m.". Marks `d` with what it is and
    /// takes the second number in.
    fn non_range_pair(&self, d: &mut Draft, p: &Partner, tight: bool) -> bool {
        // A time after the joiner makes both times of day.
        let time =
            (self.s(p.n.end) == ":" && self.is_num(p.n.end + 1)) || self.clock_follows(p.n.end);
        if time && d.unit.is_none() && p.unit.is_none() {
            d.kind = Some(FigureKind::TimeOfDay);
            d.end = p.n.end;
            return true;
        }
        if d.unit.is_some() {
            return false;
        }
        if !tight {
            // A tally may be written with separators ("1,141 to 406").
            let whole = |start: usize, n: &Numeral| {
                n.plain_int
                    || (n.words && n.value.fract() == 0.0 && !n.scaled)
                    || (n.end == start + 1
                        && self
                            .s(start)
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b','))
            };
            if !whole(d.i, &d.n) || !whole(p.start, &p.n) {
                return false;
            }
            // "split 4 to 1", "voted 7 to 2", "decliners led 1,141 to 406": a
            // falling worded pair of whole numbers with nothing counted after
            // it is a ratio, a score or a tally ("12 to 8 ships" and "from 12
            // to 8" stay figures, and so do large ones after a change verb:
            // "fell 150 to 100" is a step and a level).
            // "5-to-4 votes": the joiner may be hyphened.
            // (The partner of "5-" "to" starts at the hyphen before "4".)
            let hyphened_to = p.start >= 2
                && is_dash(self.s(p.start))
                && self.low(p.start - 1) == "to"
                && is_dash(self.s(p.start - 2));
            let worded = self.low(p.start.saturating_sub(1)) == "to" || hyphened_to;
            let ratio = worded
                && p.value < d.low
                && (d.low <= 100.0 || !self.change_before(d.first))
                && p.unit.is_none()
                && self.trailing_scale(p.n.end - 1, p.n.end) == 1.0
                && (hyphened_to || !self.lowercase_noun(p.end))
                && !matches!(
                    d.first.checked_sub(1).map(|k| self.low(k)),
                    Some("between" | "from")
                );
            if ratio {
                d.kind = Some(FigureKind::Identifier);
                d.end = p.end;
            }
            return ratio;
        }
        if !d.n.plain_int || !p.n.plain_int {
            return false;
        }
        let first_digits = d.n.digit_count;
        let second_digits = p.n.digit_count;
        let (a, b) = (d.low, p.value);
        let verdict = if first_digits == 4
            && (1800.0..=2100.0).contains(&a)
            && matches!(second_digits, 2 | 4)
        {
            // "2013-14", "1986-1987": seasons and year spans.
            Some(FigureKind::Year)
        } else if a == b && a <= 20.0 && p.unit.is_none() {
            // "a 1-1 draw", "tied 2-2": an even score, whatever follows.
            Some(FigureKind::Identifier)
        } else if first_digits == 3 && second_digits == 4 {
            Some(FigureKind::Identifier)
        } else if b < a && p.unit.is_none() && self.trailing_scale(p.n.end - 1, p.n.end) == 1.0 {
            // "787-9", "767-300", "6-2".
            Some(FigureKind::Identifier)
        } else if p.unit.is_none()
            && a <= 20.0
            && b <= 20.0
            && !self.lowercase_noun(p.end)
            && self.modifier_before(d.first).is_none()
            && !matches!(
                d.first.checked_sub(1).map(|k| self.low(k)),
                Some("between" | "from" | "aged" | "ages" | "age")
            )
        {
            // "won 3-6", "a 2-2 draw" leave nothing counted after them.
            Some(FigureKind::Identifier)
        } else {
            None
        };
        match verdict {
            Some(kind) => {
                d.kind = Some(kind);
                d.end = p.end;
                true
            }
            None => false,
        }
    }
}
