//! One figure from its numeral: currency, unit, rate, range, bounds, kind.

use crosscheck_model::Bound;

use super::numeral::Numeral;
use super::{is_minus, Figure, FigureKind, Reader};
use crate::units::UnitInfo;

/// A figure while it is being read.
pub(super) struct Draft {
    /// The numeral's first token.
    pub i: usize,
    pub n: Numeral,
    /// The figure's first and past-the-end tokens.
    pub first: usize,
    pub end: usize,
    pub unit: Option<UnitInfo>,
    pub unit_span: Option<(usize, usize)>,
    /// The unit is written after the number ("5 pct"), not before ("$5").
    pub unit_after: bool,
    pub currency_before: bool,
    /// "27-kilometer", "a five-year": number and unit joined by a hyphen.
    pub hyphenated: bool,
    pub low: f64,
    pub high: f64,
    pub bound: Bound,
    pub approximate: bool,
    pub rate: Option<&'static str>,
    pub range: bool,
    /// Set when a step already knows what the figure is (a score, a
    /// model number, a time).
    pub kind: Option<FigureKind>,
}

impl Reader<'_> {
    /// Reads the figure whose numeral starts at token `i`.
    pub(super) fn figure_at(&self, i: usize) -> Option<Figure> {
        let mut d = self.start_figure(i)?;
        self.read_unit(&mut d);
        self.read_accounting_negative(&mut d);
        if d.unit.is_some() {
            self.read_rate(&mut d);
        }
        self.read_range(&mut d);
        self.read_modifiers(&mut d);
        self.read_trailing_bound(&mut d);
        if d.rate.is_none() && d.unit.is_some() {
            self.read_rate(&mut d);
        }
        let kind = match d.kind {
            Some(k) => k,
            None => self.classify(&d),
        };
        self.finish(d, kind)
    }

    /// The numeral at `i` with a currency symbol and a minus sign before it.
    fn start_figure(&self, i: usize) -> Option<Draft> {
        // Only a digit numeral depends on a currency before it; any other
        // token is checked for a numeral first, so the currency scan runs
        // only where a figure starts.
        let word_or_symbol = if self.is_num(i) {
            None
        } else {
            Some(self.numeral(i, false)?)
        };
        let currency = self.currency_before(i);
        let n = match word_or_symbol {
            Some(n) => n,
            None => self.numeral(i, currency.is_some())?,
        };
        let currency = currency.or_else(|| self.hash_pounds(i, &n));
        let mut first = currency.map(|c| c.1).unwrap_or(i);
        let mut negative = false;
        if i > 0 && is_minus(self.s(i - 1)) && self.touching(i - 1, i) {
            let prev_attached = i >= 2
                && self.touching(i - 2, i - 1)
                && !matches!(self.s(i - 2), "(" | "$" | "€" | "£");
            if !prev_attached {
                negative = true;
                first = first.min(i - 1);
            }
        }
        if self.is_num(i) && currency.is_some() && first >= 2 && is_minus(self.s(first)) {
            negative = true;
        }
        let value = if negative { -n.value } else { n.value };
        Some(Draft {
            i,
            n,
            first,
            end: n.end,
            unit: currency.map(|c| c.0),
            unit_span: None,
            unit_after: false,
            currency_before: currency.is_some(),
            hyphenated: false,
            low: value,
            high: value,
            bound: Bound::Exact,
            approximate: false,
            rate: None,
            range: false,
            kind: None,
        })
    }

    /// "#128 million", "#10.86": wire text of the 1980s wrote the pound sign
    /// as "#". Only an amount with a scale word or decimals reads so; "#1" stays
    /// a rank.
    fn hash_pounds(&self, i: usize, n: &Numeral) -> Option<(UnitInfo, usize)> {
        let prev = i.checked_sub(1)?;
        let amount = self.trailing_scale(i, n.end) >= 1e6 || n.value.fract() != 0.0;
        if self.s(prev) != "#" || !self.touching(prev, i) || !self.is_num(i) || !amount {
            return None;
        }
        Some((*self.lex.units.ids.get("GBP")?, prev))
    }

    /// The unit after the numeral, possibly joined by a hyphen
    /// ("27-kilometer"); after a currency symbol, a repeated currency word
    /// ("$5 million dollars") is taken in.
    fn read_unit(&self, d: &mut Draft) {
        let end = d.end;
        // "twice" and "threefold" hold their own unit: times.
        if self.low(d.i) == "twice"
            || super::numeral::fold_value(self.lex, self.low(d.i)).is_some()
            || super::numeral::multiplier_word(self.low(d.i)).is_some()
        {
            d.unit = self.lex.units.ids.get("times").copied();
            d.unit_span = Some((d.i, end));
            d.unit_after = true;
            return;
        }
        if d.currency_before {
            if let Some(r) = self.unit_read_at(end, true) {
                if r.unit.dimension == "currency" {
                    d.end = r.end;
                }
            } else if matches!(self.s(end), "€" | "$") {
                d.end += 1;
            }
            return;
        }
        // "27-kilometer", and "30 - year" as some tokenised text writes it.
        let spaced = self.s(end) == "-" && !self.touching(end - 1, end);
        let hyphen = self.tight_dash(end) || spaced;
        let at = if hyphen { end + 1 } else { end };
        // After a hyphen only unit words read ("27-kilometer"), and lower-case
        // abbreviations of two letters or more ("a 150-kg satellite", "a
        // 267-km pipeline"); "an 8-K filing" and "3-in-1" are no units.
        let abbreviation = || {
            let w = self.s(at);
            !d.n.words
                && w.len() >= 2
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !matches!(w, "in" | "am" | "pm" | "to" | "of" | "or")
        };
        let read = self.unit_read_at(at, d.n.words || hyphen).or_else(|| {
            (hyphen && abbreviation())
                .then(|| self.unit_read_at(at, false))
                .flatten()
        });
        let Some(r) = read else {
            return;
        };
        if spaced && r.unit.dimension != "time" {
            return;
        }
        if !self.unit_plausible(&r, &d.n, at) {
            return;
        }
        d.unit = Some(r.unit);
        d.unit_span = Some(r.span);
        d.unit_after = true;
        d.end = r.end;
        d.hyphenated = hyphen;
        if let Some(rate) = Reader::rate_of_surface(r.surface) {
            d.rate = Some(rate);
        }
        // "two years and a half", "an hour and a half".
        if self.and_a_half(d.end) && d.n.value.fract() == 0.0 && d.low >= 0.0 {
            d.low += 0.5;
            d.high += 0.5;
            d.n.value += 0.5;
            d.n.plain_int = false;
            d.end += 3;
        }
        self.read_minor_currency(d);
    }

    /// "3 dollars 50 cents", "2 pounds 40 pence": the minor unit joins the major.
    fn read_minor_currency(&self, d: &mut Draft) {
        let Some(unit) = d.unit else { return };
        if unit.dimension != "currency" || d.n.fraction || !self.is_num(d.end) {
            return;
        }
        let Some(minor) = self.numeral(d.end, false) else {
            return;
        };
        if !minor.plain_int || minor.value >= 100.0 {
            return;
        }
        let Some((u, end)) = self.unit_at(minor.end, true) else {
            return;
        };
        if u.id.starts_with(unit.id) && u.id.contains('-') {
            d.low += minor.value / 100.0;
            d.high += minor.value / 100.0;
            d.end = end;
        }
    }

    /// Accounting negatives: "($99.99)".
    fn read_accounting_negative(&self, d: &mut Draft) {
        // Only where nothing precedes the bracket that it could restate:
        // "1.6 billion ( $2.54 billion )" and "900 Danish crowns ($131)" are
        // the same amount in another currency.
        let restates = d.first >= 2 && self.amount_ends_before(d.first - 1);
        if d.first > 0
            && self.s(d.first - 1) == "("
            && self.s(d.end) == ")"
            && d.currency_before
            && d.low > 0.0
            && !restates
        {
            d.low = -d.low;
            d.high = -d.high;
            d.first -= 1;
            d.end += 1;
        }
    }

    /// True when an amount ends right before token `open` (a bracket): a
    /// number, or a number and the words of its unit ("420 pence", "75
    /// million Danish crowns"), with no punctuation between.
    fn amount_ends_before(&self, open: usize) -> bool {
        (open.saturating_sub(4)..open).rev().any(|k| {
            (self.is_num(k) || self.word_value(k).is_some())
                && (k + 1..open).all(|w| self.is_word(w))
        })
    }

    /// A rate straight after the unit: "$15.4/hour", "$350 per kg".
    fn read_rate(&self, d: &mut Draft) {
        if d.rate.is_some() {
            return;
        }
        if let Some((r, j)) = self.rate_at(d.end) {
            d.rate = Some(r);
            d.end = j;
        }
    }

    /// Modifiers ending right before token `i`: returns the first token they
    /// cover, the bound and whether the figure is approximate.
    pub(super) fn modifier_before(&self, i: usize) -> Option<(usize, Bound, bool)> {
        let index = &self.lex.index;
        let candidates: &[usize] = match &index.modifiers_by_last_word {
            Some(index) => match i.checked_sub(1) {
                Some(last) => index.get(self.low(last)).map_or(&[], Vec::as_slice),
                None => &[],
            },
            None => &index.all_modifiers,
        };
        let modifiers = candidates.iter().filter_map(|&k| self.lex.modifiers.get(k));
        for (phrase, m) in modifiers {
            let n = phrase.len();
            if i < n {
                continue;
            }
            let ok = phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.low(i - n + k) == *w);
            if ok {
                // A stacked hedge: "somewhere around", "nearly an estimated".
                let start = i - n;
                let (start, approx_more) = match self.modifier_before(start) {
                    Some((s, Bound::Exact, a)) => (s, a),
                    _ => (start, false),
                };
                return Some((start, m.bound, m.approximate || approx_more));
            }
        }
        None
    }

    /// Bounds and hedges before the figure ("up to", "about").
    fn read_modifiers(&self, d: &mut Draft) {
        if let Some((s, b, a)) = self.modifier_before(d.first) {
            // "marched over four nights", "repaid over 10 years": a span,
            // not a bound ("over 50 years old" is one).
            let span = matches!(self.low(s), "over" | "under")
                && s + 1 == d.first
                && d.unit.is_some_and(|u| u.dimension == "time")
                && self.low(d.end) != "old";
            if span {
                return;
            }
            if !d.range || b == Bound::Exact {
                d.bound = if d.range { Bound::Range } else { b };
                d.approximate = a;
                d.first = s;
            }
        }
    }

    /// "10,000 or more", "10,000+", "10,000-plus", "or so", "or less".
    fn read_trailing_bound(&self, d: &mut Draft) {
        let (a, b) = (self.low(d.end), self.low(d.end + 1));
        if a == "or" && b == "more" && !d.range {
            d.bound = Bound::AtLeast;
            d.end += 2;
        } else if a == "or" && matches!(b, "less" | "fewer") && !d.range {
            d.bound = Bound::AtMost;
            d.end += 2;
        } else if (a == "or" && b == "so")
            || (a == "more" && b == "or" && self.low(d.end + 2) == "less")
        {
            d.approximate = true;
            d.end += if a == "or" { 2 } else { 3 };
        } else if self.s(d.end) == "+" && self.touching(d.end - 1, d.end) && !d.range {
            d.bound = Bound::AtLeast;
            d.end += 1;
        } else if self.tight_dash(d.end) && b == "plus" && !d.range {
            d.bound = Bound::AtLeast;
            d.end += 2;
        }
    }

    /// The figure from a finished draft.
    fn finish(&self, d: Draft, kind: FigureKind) -> Option<Figure> {
        let vague = d.n.vague;
        let (mut low, mut high) = (Some(d.low), Some(d.high));
        match d.bound {
            Bound::AtLeast => high = None,
            Bound::AtMost => low = None,
            _ => {}
        }
        if vague {
            low = None;
            high = None;
        }
        let mut last = d.end;
        // "a 43-year-old": the age ends after "old".
        if kind == FigureKind::Age && d.unit.is_some() {
            if self.low(last) == "old" {
                last += 1;
            } else if super::is_dash(self.s(last)) && self.low(last + 1) == "old" {
                last += 2;
            }
        }
        // "2:00 pm": the minutes and the clock suffix belong to the time.
        if kind == FigureKind::TimeOfDay && self.s(last) == ":" && self.is_num(last + 1) {
            last += 2;
            if self.clock_follows(last) {
                last = self.token_after_clock(last);
            }
        }
        let start = self.tok(d.first)?.start();
        let stop = self.tok(last.checked_sub(1)?)?.end();
        // An age without a unit ("aged 45", "Noel, 31,") is in years.
        let unit = match (kind, d.unit) {
            (FigureKind::Age, None) => self.lex.units.ids.get("year").copied(),
            (_, u) => u,
        };
        Some(Figure {
            start,
            end: stop,
            low,
            high,
            bound: d.bound,
            approximate: d.approximate,
            unit,
            unit_span: d.unit_span,
            rate: d.rate,
            kind,
            share: d.n.fraction || unit.is_some_and(|u| u.id == "percent"),
            vague,
            first_token: d.first,
            end_token: last,
        })
    }
}
