//! The number itself: digits, fractions, magnitudes, words, vague amounts.

use std::sync::LazyLock;

use regex::Regex;

use super::{is_dash, is_minus, Reader};
use crate::lexicon::{Lexicon, NumberWordClass};
use crate::phrase::looks_plural;
use crate::tokens::Kind;

/// A parsed numeral before modifiers and units.
#[derive(Debug, Clone, Copy)]
pub(super) struct Numeral {
    pub value: f64,
    /// Token index after the numeral.
    pub end: usize,
    /// Spelled out in words (at least in part).
    pub words: bool,
    /// Plain digits without separators, decimals or scale ("1953").
    pub plain_int: bool,
    pub digit_count: usize,
    /// "hundreds", "tens of thousands": no number is stated; `value` is the
    /// magnitude named.
    pub vague: bool,
    pub fraction: bool,
    /// "1986/87", "50/50": slash forms that are not fractions.
    pub code: bool,
    /// A magnitude word or suffix multiplied the digits ("35m", "1.5 million").
    pub scaled: bool,
}

impl Numeral {
    fn new(value: f64, end: usize, words: bool) -> Numeral {
        Numeral {
            value,
            end,
            words,
            plain_int: false,
            digit_count: 0,
            vague: false,
            fraction: false,
            code: false,
            scaled: false,
        }
    }
}

/// Parses digits with separators; `european` reads "14.000" as fourteen thousand.
fn parse_digits(s: &str, european: bool) -> Option<f64> {
    let (group, decimal) = if european { ('.', ',') } else { (',', '.') };
    let mut pieces = s.split(decimal);
    let int_piece = pieces.next()?;
    let frac_piece = pieces.next();
    if pieces.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = int_piece.split(group).collect();
    let western = groups.iter().skip(1).all(|g| g.len() == 3);
    // "12,34,567": Indian grouping, thousands then pairs (lakh, crore).
    let indian = !european
        && groups.len() > 2
        && groups.last().is_some_and(|g| g.len() == 3)
        && groups.iter().skip(1).rev().skip(1).all(|g| g.len() == 2)
        && groups.first().is_some_and(|g| g.len() <= 2);
    if groups.len() > 1 && !western && !indian {
        return None;
    }
    let mut joined = groups.concat();
    if let Some(frac) = frac_piece {
        joined.push('.');
        joined.push_str(frac);
    }
    joined.parse().ok()
}

fn dot_grouped(s: &str) -> bool {
    static DOT_GROUPS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{1,3}(?:\.\d{3})+$").unwrap_or_else(|_| unreachable!("static regex"))
    });
    DOT_GROUPS.is_match(s)
}

/// The value of a "-fold" word ("threefold" is 3, "tenfold" 10).
pub(super) fn fold_value(lex: &Lexicon, word: &str) -> Option<f64> {
    let stem = word.strip_suffix("fold")?;
    match lex.number_words.get(stem) {
        Some((v, NumberWordClass::Unit | NumberWordClass::Ten)) => Some(*v),
        _ => None,
    }
}

/// "double", "triple", "quadruple": a multiplier when it stands before what
/// it multiplies ("double the level"), as "twice" does.
pub(super) fn multiplier_word(word: &str) -> Option<f64> {
    match word {
        "double" => Some(2.0),
        "triple" => Some(3.0),
        "quadruple" => Some(4.0),
        _ => None,
    }
}

impl Reader<'_> {
    /// The numeral starting at token `i`.
    pub(super) fn numeral(&self, i: usize, has_currency: bool) -> Option<Numeral> {
        match self.kind(i)? {
            Kind::Number => {
                let mut n = self.digit_numeral(i, has_currency)?;
                self.ratio_after(&mut n);
                Some(n)
            }
            Kind::Word => {
                let mut n = self.word_numeral(i)?;
                if !n.vague {
                    self.scale_after(&mut n);
                    self.ratio_after(&mut n);
                }
                Some(n)
            }
            Kind::Punct => {
                let v = match self.s(i) {
                    "½" => 0.5,
                    "⅓" => 1.0 / 3.0,
                    "⅔" => 2.0 / 3.0,
                    "¼" => 0.25,
                    "¾" => 0.75,
                    "⅛" => 0.125,
                    _ => return None,
                };
                let mut n = Numeral::new(v, i + 1, false);
                n.digit_count = 1;
                n.fraction = true;
                Some(n)
            }
        }
    }

    /// "1 in 4 farmers", "one in five voters": a share written as a ratio
    /// of two whole numbers, the smaller first. "scored 2 in 10 minutes"
    /// stays a count: a unit after the second number measures, it does not
    /// count the whole.
    fn ratio_after(&self, n: &mut Numeral) {
        let end = n.end;
        let whole = |v: f64| v >= 1.0 && v.fract() == 0.0;
        if n.scaled || n.fraction || n.code || !whole(n.value) || self.low(end) != "in" {
            return;
        }
        let den = match self.kind(end + 1) {
            Some(Kind::Number) if self.s(end + 1).bytes().all(|b| b.is_ascii_digit()) => {
                self.s(end + 1).parse::<f64>().ok()
            }
            Some(Kind::Word) => self.word_value(end + 1).map(|(v, _)| v),
            _ => None,
        };
        let Some(den) = den else { return };
        let after = end + 2;
        let counted_whole = match self.kind(after) {
            None => true,
            Some(Kind::Word) => {
                // "1 in 10 in 2019": "in" is an inch only in a measure.
                (self.low(after) == "in" || self.unit_at(after, false).is_none())
                    && self.word_value(after).is_none()
            }
            Some(Kind::Punct) => matches!(self.s(after), "," | "." | ";" | ":" | ")"),
            Some(_) => false,
        };
        if whole(den) && den > n.value && den <= 1000.0 && counted_whole {
            n.value /= den;
            n.fraction = true;
            n.end = end + 2;
        }
    }

    /// A digit numeral at `i`: separators, fractions, scientific notation,
    /// magnitude suffixes, space-grouped thousands, a following scale word.
    fn digit_numeral(&self, i: usize, has_currency: bool) -> Option<Numeral> {
        let raw = self.s(i);
        // "14.000 soldiers": dot groups before a noun are thousands.
        let next_is_noun = || {
            self.is_word(i + 1)
                && !self.touching(i, i + 1)
                && self.s(i + 1).chars().next().is_some_and(char::is_lowercase)
                && !self.lex.np_stop.contains(self.low(i + 1))
                && self.unit_at(i + 1, false).is_none()
                && self.word_value(i + 1).is_none()
        };
        let european = raw.contains('.') && dot_grouped(raw) && (self.european || next_is_noun());
        let value = parse_digits(raw, european).or_else(|| parse_digits(raw, !european))?;
        let plain_int = raw.bytes().all(|b| b.is_ascii_digit());
        let mut n = Numeral::new(value, i + 1, false);
        n.plain_int = plain_int;
        n.digit_count = raw.bytes().filter(u8::is_ascii_digit).count();
        self.fraction_after(&mut n)?;
        self.exponent_after(&mut n)?;
        self.suffix_after(&mut n, has_currency);
        self.space_group_after(&mut n, i)?;
        n.plain_int = n.plain_int && n.end == i + 1;
        self.scale_after(&mut n);
        Some(n)
    }

    /// "5-1/2", "2 1/2", "7/8"; "1986/87", "24/7" are codes.
    fn fraction_after(&self, n: &mut Numeral) -> Option<()> {
        let end = n.end;
        let slash_fraction = |a: usize| {
            self.s(a + 1) == "/"
                && self.is_num(a)
                && self.is_num(a + 2)
                && self.touching(a, a + 1)
                && self.touching(a + 1, a + 2)
        };
        // The fraction of a mixed number at `a`. Spaced from the whole
        // number, only a usual denominator, no leading zero and no third
        // part: a date such as "03/09/87" after a number is no fraction of it.
        let mixed_part = |a: usize, spaced: bool| -> Option<f64> {
            let num: f64 = self.s(a).parse().ok()?;
            let den: f64 = self.s(a + 2).parse().ok()?;
            let usual = matches!(den as u32, 2 | 3 | 4 | 8 | 16 | 32 | 64);
            let date = self.s(a + 3) == "/" && self.touching(a + 2, a + 3);
            let plausible = !spaced || (usual && !self.s(a).starts_with('0') && !date);
            (den != 0.0 && num < den && plausible).then(|| num / den)
        };
        if n.plain_int && self.tight_dash(end) && slash_fraction(end + 1) {
            // "5-1/2": newswire's whole number and fraction.
            if let Some(part) = mixed_part(end + 1, false) {
                n.value += part;
                n.end += 4;
            }
        } else if n.plain_int && !self.touching(end - 1, end) && slash_fraction(end) {
            if let Some(part) = mixed_part(end, true) {
                n.value += part;
                n.end += 3;
            }
        } else if self.s(end) == "/"
            && self.touching(end - 1, end)
            && self.touching(end, end + 1)
            && self.is_num(end + 1)
        {
            let den: f64 = self.s(end + 1).parse().ok()?;
            if den == 0.0 {
                return None;
            }
            // Fractions have the usual denominators; "9/11" or "24/7" are names.
            let usual = matches!(den as u32, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 16 | 32 | 64 | 100)
                || (den <= 100.0 && self.low(end + 2) == "of");
            if n.plain_int && n.value < den && usual {
                n.value /= den;
                n.fraction = true;
            } else {
                // "1986/87", "50/50", "24/7": a season, ratio or code.
                n.code = true;
            }
            n.end += 2;
        }
        Some(())
    }

    /// "4e14", "9.83e-3", "2.48×10−5", "8x2^10".
    fn exponent_after(&self, n: &mut Numeral) -> Option<()> {
        let end = n.end;
        let w = self.s(end);
        if matches!(w, "e" | "E") && self.touching(end - 1, end) {
            let mut j = end + 1;
            let mut sign = 1.0;
            if (is_minus(self.s(j)) || self.s(j) == "+") && self.touching(end, j) {
                if self.s(j) != "+" {
                    sign = -1.0;
                }
                j += 1;
            }
            if self.is_num(j) && self.touching(j - 1, j) {
                let exp: f64 = self.s(j).parse().ok()?;
                n.value *= 10f64.powf(sign * exp);
                n.end = j + 1;
            }
        } else if matches!(w, "×" | "x") && self.touching(end - 1, end) && self.is_num(end + 1) {
            let base: f64 = self.s(end + 1).parse().ok()?;
            let mut j = end + 2;
            let mut sign = 1.0;
            if self.s(j) == "^" {
                j += 1;
            }
            if is_minus(self.s(j)) && self.touching(j - 1, j) {
                sign = -1.0;
                j += 1;
            }
            if self.is_num(j) && self.touching(j - 1, j) {
                let exp: f64 = self.s(j).parse().ok()?;
                n.value *= base.powf(sign * exp);
                n.end = j + 1;
            }
        }
        Some(())
    }

    /// Magnitude suffixes touching the digits: "0.5k", "€10M", "$2.174T",
    /// "35m devices" (million) but "a 100m sprint" (metres).
    fn suffix_after(&self, n: &mut Numeral, has_currency: bool) {
        let end = n.end;
        if !self.touching(end - 1, end) || !self.is_word(end) {
            return;
        }
        let suffix = self.s(end).trim_end_matches('.');
        let mult = match suffix {
            "k" => Some(1e3),
            // "4K TVs", "8K video" are resolutions; "$4K" is money.
            "K" if has_currency || n.value >= 10.0 || !n.plain_int => Some(1e3),
            "M" | "MM" | "mm" if has_currency => Some(1e6),
            "M" if !self.is_word(end + 1) || self.million_not_metres(end) => Some(1e6),
            "m" if has_currency || self.million_not_metres(end) => Some(1e6),
            "B" | "b" if has_currency => Some(1e9),
            "T" | "tr" if has_currency => Some(1e12),
            _ => None,
        };
        if let Some(m) = mult {
            n.value *= m;
            n.end += 1;
            n.scaled = true;
        }
    }

    /// Whether an "m" touching a number at `m` is "million": it counts
    /// something ("35m devices", "35m of its devices", "2m Britons") or
    /// another unit follows ("2.8m km"); not when it measures ("a 100m
    /// sprint", "1.8m tall", "48m.", "100m-long", "100m of cable").
    pub(super) fn million_not_metres(&self, m: usize) -> bool {
        let next = m + 1;
        if !self.is_word(next) || self.touching(m, next) {
            return false;
        }
        if self.low(next) == "of" {
            let mut j = next + 1;
            while self.lex.classes.definite_determiner.contains(self.low(j)) || self.low(j) == "new"
            {
                j += 1;
            }
            // The head of the phrase after "of": its first plural word.
            return (j..j + 4)
                .take_while(|&k| self.is_word(k) && !self.lex.np_stop.contains(self.low(k)))
                .any(|k| looks_plural(self.low(k)));
        }
        // "2.8m km": another unit (not the preposition "in").
        if self
            .unit_read_at(next, false)
            .is_some_and(|u| u.surface != "in" && u.unit.dimension != "time")
        {
            return true;
        }
        let w = self.low(next);
        (looks_plural(w) && !self.lex.np_stop.contains(w)) || self.capitalized_word(next)
    }

    /// "10 000": a space-grouped thousands block, unless a name follows
    /// ("roughly 400 737 Max jets" is 400 of a model).
    fn space_group_after(&self, n: &mut Numeral, i: usize) -> Option<()> {
        let end = n.end;
        let glued_before = i > 0 && self.touching(i - 1, i);
        let next = self.s(end);
        let grouped = n.plain_int
            && !glued_before
            && n.digit_count <= 3
            && end == i + 1
            && self.is_num(end)
            && next.len() == 3
            && next.bytes().all(|b| b.is_ascii_digit())
            && !self.capitalized_word(end + 1)
            && !(is_dash(self.s(end + 1)) && self.touching(end, end + 1))
            // "74 100%": two figures, the second with its own unit.
            && !self.touching(end, end + 1);
        if grouped {
            let rest: f64 = next.parse().ok()?;
            n.value = n.value * 1000.0 + rest;
            n.end += 1;
        }
        Some(())
    }

    /// "1.5 million", "$13,009 million", "2.8 bn": a scale word after a numeral.
    pub(super) fn scale_after(&self, n: &mut Numeral) {
        // "a $250-million deal", "a 400-million-a-year business": the
        // hyphen of a compound modifier joins digits and scale word.
        if self.tight_dash(n.end) && !n.words {
            if let Some(v) = self.big_scale(n.end + 1) {
                n.value *= v;
                n.end += 2;
                n.plain_int = false;
                n.scaled = true;
            }
        }
        while let Some((v, NumberWordClass::Scale)) = self.word_value(n.end) {
            if v < 100.0 && !n.words {
                break;
            }
            // "a thousand miles" is fine, but "twelve hundred thousand" is
            // read by the word parser; here only whole scale words follow.
            n.value *= v;
            n.end += 1;
            n.plain_int = false;
            n.scaled = true;
            if v < 1000.0 {
                break;
            }
        }
    }

    /// A spelled-out numeral at `i`: "a hundred and two", "three million, two
    /// hundred & forty", "twenty-one", "two and a half", "two thirds",
    /// "hundreds", "tens of thousands".
    fn word_numeral(&self, i: usize) -> Option<Numeral> {
        let first = self.low(i);
        // Most words start no numeral: one lookup settles them.
        if !self.lex.index.numeral_first_words.contains(first) {
            return None;
        }
        if self.lex.vague_plurals.contains_key(first) {
            return self.vague_numeral(i);
        }
        if matches!(first, "a" | "an") {
            return self.indefinite_numeral(i);
        }
        if first == "half" {
            return self.half(i);
        }
        // "twice as many", "more than twice what it projected": a multiplier
        // of two; "once or twice" and "twice a week" count no amount.
        if first == "twice" {
            let prev = i.checked_sub(1).map(|k| self.low(k)).unwrap_or("");
            let compared = self.lex.number_cue("twice_before", self.low(i + 1));
            return (compared && prev != "or").then(|| Numeral::new(2.0, i + 1, true));
        }
        // "about $60 million, double the level of": a multiplier; "to double
        // its output" is a verb and states no amount.
        if let Some(v) = multiplier_word(first) {
            let compared = matches!(self.low(i + 1), "the" | "what");
            // After a hedge, unless a verb's auxiliary stands before it ("will
            // more than double the number"); otherwise after a comma or a form
            // of "be" ("prices are double the world average").
            let placed = match self.modifier_before(i) {
                Some((s, _, _)) => !s
                    .checked_sub(1)
                    .is_some_and(|k| self.lex.number_cue("multiplier_verb_before", self.low(k))),
                None => i
                    .checked_sub(1)
                    .is_some_and(|k| !self.is_word(k) || self.lex.classes.be.contains(self.low(k))),
            };
            return (compared && placed).then(|| Numeral::new(v, i + 1, true));
        }
        // "a threefold increase", "tenfold": the number word and its
        // multiplier in one word ("the challenge is twofold:" has two parts).
        if let Some(v) = fold_value(self.lex, first) {
            let prev = i.checked_sub(1).map(|k| self.low(k)).unwrap_or("");
            let parts = matches!(prev, "is" | "are" | "was" | "were") && !self.is_word(i + 1);
            return (!parts).then(|| Numeral::new(v, i + 1, true));
        }
        // "the bottom fifth of incomes", "the top quarter of earners": a
        // share of a ranked whole, where "fifth" alone would be an ordinal.
        if let Some((d, NumberWordClass::Fraction)) = self.word_value(i) {
            let prev = i.checked_sub(1).map(|k| self.low(k)).unwrap_or("");
            if self.lex.number_cue("ranked_share", prev) && self.low(i + 1) == "of" {
                let mut n = Numeral::new(1.0 / d, i + 1, true);
                n.fraction = true;
                return Some(n);
            }
            // "quarter million".
            if let Some(scale) = self.big_scale(i + 1) {
                let mut n = Numeral::new(scale / d, i + 2, true);
                n.scaled = true;
                return Some(n);
            }
        }
        self.spelled_numeral(i, 0.0)
    }

    /// The value of a scale word of a thousand or more at `i` ("million").
    fn big_scale(&self, i: usize) -> Option<f64> {
        match self.word_value(i) {
            Some((v, NumberWordClass::Scale)) if v >= 1000.0 => Some(v),
            _ => None,
        }
    }

    /// "half of", "half a million", "half million"; not "the second half of".
    fn half(&self, i: usize) -> Option<Numeral> {
        let prev = i.checked_sub(1).map(|k| self.low(k)).unwrap_or("");
        if matches!(
            prev,
            "first"
                | "last"
                | "past"
                | "second"
                | "latter"
                | "former"
                | "other"
                | "back"
                | "front"
                | "top"
                | "bottom"
                | "upper"
                | "lower"
                | "better"
                | "opening"
                | "final"
        ) {
            return None;
        }
        let skip = usize::from(matches!(self.low(i + 1), "a" | "an"));
        // "half a percentage point", "half an hour": the unit follows.
        if skip == 1 && self.unit_at(i + 2, true).is_some() {
            let mut n = Numeral::new(0.5, i + 2, true);
            n.fraction = false;
            return Some(n);
        }
        // "only half a vote": half of one thing.
        if skip == 1 && self.lowercase_noun(i + 2) && self.word_value(i + 2).is_none() {
            let mut n = Numeral::new(0.5, i + 2, true);
            n.fraction = true;
            return Some(n);
        }
        if let Some((v, NumberWordClass::Scale)) = self.word_value(i + 1 + skip) {
            if v >= 1000.0 {
                let mut n = Numeral::new(0.5 * v, i + 2 + skip, true);
                n.scaled = true;
                return Some(n);
            }
        }
        // "half of the voters", and without "of": "half the amount", "half
        // its staff", "worth half that now".
        let determiner = self
            .lex
            .classes
            .definite_determiner
            .contains(self.low(i + 1))
            || matches!(self.low(i + 1), "that" | "this");
        // "just over half were women": the noun is left out; "cut in
        // half": half of whatever was cut.
        let elided = self.lex.number_cue("elided_after", self.low(i + 1));
        // Newswire tables' "13.3 mln in quarter and 18.9 mln in half" is the
        // half year.
        let half_year = i >= 2
            && (self.kind(i - 2) == Some(Kind::Number)
                || self.lex.number_cue("half_year_before", self.low(i - 2))
                || (1..i).any(|k| self.low(k) == "quarter" && self.low(k - 1) == "in"));
        // "cut in half by 2031", "cut its costs by half to": the same share.
        let phrase_ends = (!self.is_word(i + 1) && !is_dash(self.s(i + 1)))
            || self.lex.np_stop.contains(self.low(i + 1));
        let in_half = matches!(prev, "in" | "by") && phrase_ends && !half_year;
        if self.low(i + 1) != "of" && !determiner && !elided && !in_half {
            return None;
        }
        let mut n = Numeral::new(0.5, i + 1, true);
        n.fraction = true;
        Some(n)
    }

    /// "hundreds", "tens of thousands", "millions of": an order of magnitude.
    fn vague_numeral(&self, i: usize) -> Option<Numeral> {
        let first = self.low(i);
        let mut value = self.lex.vague_plurals.get(first).copied()?;
        let mut end = i + 1;
        if self.low(end) == "of" {
            if let Some(base) = self.lex.vague_plurals.get(self.low(end + 1)) {
                value *= base;
                end += 2;
            }
        }
        // "tens" and "scores" alone are other words ("scores of" is not).
        if matches!(first, "tens" | "scores") && end == i + 1 && self.low(end) != "of" {
            return None;
        }
        let mut n = Numeral::new(value, end, true);
        n.vague = true;
        Some(n)
    }

    /// "a hundred", "a third of": only number words count after "a"/"an";
    /// "a gallon" or "a metric ton" states no figure.
    fn indefinite_numeral(&self, i: usize) -> Option<Numeral> {
        match self.word_value(i + 1) {
            Some((_, NumberWordClass::Scale)) => self.spelled_numeral(i + 1, 1.0),
            // "a quarter million".
            Some((d, NumberWordClass::Fraction)) if self.big_scale(i + 2).is_some() => {
                let scale = self.big_scale(i + 2)?;
                let mut n = Numeral::new(scale / d, i + 3, true);
                n.scaled = true;
                Some(n)
            }
            // "a quarter of a million": the fraction of one scale word.
            Some((d, NumberWordClass::Fraction))
                if self.low(i + 2) == "of"
                    && matches!(self.low(i + 3), "a" | "an")
                    && self.big_scale(i + 4).is_some() =>
            {
                let scale = self.big_scale(i + 4)?;
                let mut n = Numeral::new(scale / d, i + 5, true);
                n.scaled = true;
                Some(n)
            }
            // "a half-dozen times": half of twelve.
            Some((d, NumberWordClass::Fraction))
                if self.tight_dash(i + 2) && self.low(i + 3) == "dozen" =>
            {
                Some(Numeral::new(12.0 / d, i + 4, true))
            }
            // "a half-frozen lamb", "a third-quarter loss": a compound
            // adjective ("a half-hour" and "a half-mln" are amounts).
            Some((_, NumberWordClass::Fraction))
                if self.tight_dash(i + 2)
                    && match self.word_value(i + 3) {
                        // "a third-quarter loss": a period of the year.
                        Some((_, class)) => class == NumberWordClass::Fraction,
                        None => self.unit_at(i + 3, true).is_none(),
                    } =>
            {
                None
            }
            // "in a quarter that produced a loss": a quarter of a year.
            Some((_, NumberWordClass::Fraction))
                if self.low(i + 1) == "quarter"
                    && self.lex.number_cue("period_after", self.low(i + 2)) =>
            {
                None
            }
            Some((d, NumberWordClass::Fraction)) if self.fraction_context(i + 1) => {
                let mut n = Numeral::new(1.0 / d, i + 2, true);
                n.fraction = true;
                Some(n)
            }
            // "an hour and a half": one unit, to which the half is added
            // once the unit is read.
            None if self.and_a_half(i + 2) && self.unit_read_at(i + 1, true).is_some() => {
                Some(Numeral::new(1.0, i + 1, true))
            }
            _ => None,
        }
    }

    /// "and a half" / "and one quarter" at `j`, spaced or hyphenated
    /// ("five-and-a-half"): the part it adds and the tokens it takes.
    fn and_a_part(&self, j: usize) -> Option<(f64, usize)> {
        let (words, len) = if self.s(j) == "and" {
            ([j, j + 1, j + 2], 3)
        } else if self.tight_dash(j) && self.tight_dash(j + 2) && self.tight_dash(j + 4) {
            ([j + 1, j + 3, j + 5], 6)
        } else {
            return None;
        };
        let [and, article, part] = words;
        let part = match (self.low(and), self.low(article), self.low(part)) {
            ("and", "a" | "one", "half") => 0.5,
            ("and", "a" | "one", "quarter") => 0.25,
            _ => return None,
        };
        Some((part, len))
    }

    /// "and a half" (or "and an half") at `k`.
    pub(super) fn and_a_half(&self, k: usize) -> bool {
        self.low(k) == "and" && matches!(self.low(k + 1), "a" | "an") && self.low(k + 2) == "half"
    }

    /// The number words from `j` on, `current` already read (1 after "a").
    fn spelled_numeral(&self, mut j: usize, mut current: f64) -> Option<Numeral> {
        if current == 0.0 {
            if let Some(year) = self.spoken_year(j) {
                return Some(year);
            }
        }
        let start = j;
        let mut total = 0.0;
        let mut any = current > 0.0;
        let mut last = any.then_some(NumberWordClass::Unit);
        let mut fraction = false;
        while let Some((v, class)) = self.word_value(j) {
            match class {
                NumberWordClass::Unit => {
                    if matches!(last, Some(NumberWordClass::Unit)) {
                        break;
                    }
                    if matches!(last, Some(NumberWordClass::Ten)) && v >= 10.0 {
                        break;
                    }
                    current += v;
                }
                NumberWordClass::Ten => {
                    if matches!(last, Some(NumberWordClass::Unit | NumberWordClass::Ten)) {
                        break;
                    }
                    current += v;
                }
                NumberWordClass::Scale => {
                    if !any {
                        return None;
                    }
                    if v == 100.0 || v == 12.0 {
                        current = current.max(1.0) * v;
                    } else {
                        total += current.max(1.0) * v;
                        current = 0.0;
                    }
                }
                NumberWordClass::Fraction => {
                    if !any
                        || !self.fraction_context(j)
                        || matches!(last, Some(NumberWordClass::Scale))
                        || self.counts_periods(start, j, current, v)
                    {
                        break;
                    }
                    current /= v;
                    fraction = true;
                    j += 1;
                    break;
                }
            }
            any = true;
            last = Some(class);
            j += 1;
            // Joiners inside a spelled-out number.
            let joiner = self.s(j);
            let next = self.word_value(j + 1);
            let next_small = matches!(
                next,
                Some((_, NumberWordClass::Unit | NumberWordClass::Ten))
            );
            let hyphen = self.tight_dash(j) && next.is_some();
            // "one-fifth", "two-thirds": a hyphenated fraction is one.
            if let (true, Some((d, NumberWordClass::Fraction))) = (hyphen, next) {
                if self.counts_periods(start, j + 1, current, d) {
                    break;
                }
                if matches!(last, Some(NumberWordClass::Unit | NumberWordClass::Ten)) {
                    current /= d;
                    fraction = true;
                    j += 2;
                    break;
                }
            }
            let and_after_scale = matches!(joiner, "and" | "&")
                && matches!(last, Some(NumberWordClass::Scale))
                && next_small;
            let comma_after_scale = joiner == "," && total > 0.0 && current == 0.0 && next_small;
            if hyphen || and_after_scale || comma_after_scale {
                j += 1;
            } else if let Some((part, after)) = self.spoken_decimals(j, last, total) {
                current += part;
                j = after;
            } else if let Some((part, len)) = self.and_a_part(j) {
                current += part;
                j += len;
                break;
            }
        }
        if !any {
            return None;
        }
        let mut n = Numeral::new(total + current, j, true);
        n.fraction = fraction;
        Some(n)
    }

    /// "nineteen ninety-one", "twenty twenty": a year said as two pairs of
    /// digits (broadcast transcripts), read as a year and never as a count.
    fn spoken_year(&self, j: usize) -> Option<Numeral> {
        let (century, _) = self.word_value(j).filter(|(v, c)| {
            (15.0..=20.0).contains(v) && matches!(c, NumberWordClass::Unit | NumberWordClass::Ten)
        })?;
        let (tens, class) = self.word_value(j + 1)?;
        if !(10.0..100.0).contains(&tens) || tens.fract() != 0.0 {
            return None;
        }
        // "fifteen twenty-year-olds" counts people of an age.
        if self.tight_dash(j + 2) && self.word_value(j + 3).is_none() {
            return None;
        }
        let mut value = century * 100.0 + tens;
        let mut end = j + 2;
        if class == NumberWordClass::Ten && self.tight_dash(end) {
            if let Some((unit, NumberWordClass::Unit)) = self.word_value(end + 1) {
                if unit < 10.0 {
                    value += unit;
                    end += 2;
                }
            }
        }
        let mut n = Numeral::new(value, end, true);
        n.code = true;
        n.digit_count = 4;
        Some(n)
    }

    /// "one point six billion dollars", "two point five percent": decimals
    /// spoken as words after "point" at `j` (broadcast transcripts). Only
    /// where a scale word or a unit follows, so that "at one point two
    /// soldiers" stays as it is. Returns the decimals and the token after.
    fn spoken_decimals(
        &self,
        j: usize,
        last: Option<NumberWordClass>,
        total: f64,
    ) -> Option<(f64, usize)> {
        if self.low(j) != "point" || total != 0.0 || !matches!(last, Some(NumberWordClass::Unit)) {
            return None;
        }
        let mut k = j + 1;
        let mut part = 0.0;
        let mut place = 0.1;
        while let Some((d, NumberWordClass::Unit)) = self.word_value(k) {
            if d >= 10.0 || k > j + 3 {
                break;
            }
            part += d * place;
            place /= 10.0;
            k += 1;
        }
        let scale_or_unit =
            self.big_scale(k).is_some() || (k > j + 1 && self.unit_at(k, true).is_some());
        (k > j + 1 && scale_or_unit).then_some((part, k))
    }

    /// "the past two quarters", "a rolling four-quarter test": the number
    /// at `start` counts quarters of a year, not fourths, when the fraction
    /// word at `j` would make a whole or more, or a word of sequence comes
    /// before the number.
    fn counts_periods(&self, start: usize, j: usize, current: f64, denominator: f64) -> bool {
        // "the first three-quarters of his report" is a share; "the first
        // three quarters of 1986" and "... of the year" count quarters.
        let of_a_year = match self.low(j + 1) {
            "of" => {
                let k = j + 2 + usize::from(matches!(self.low(j + 2), "the" | "this" | "last"));
                let k = k + usize::from(self.low(k) == "fiscal");
                matches!(self.low(k), "year" | "fiscal") || self.is_num(k)
            }
            _ => true,
        };
        matches!(self.low(j), "quarter" | "quarters")
            && (current >= denominator
                || of_a_year
                    && start
                        .checked_sub(1)
                        .is_some_and(|k| self.lex.number_cue("period_sequence", self.low(k))))
    }

    /// A fraction word reads as a fraction ("a third of", "two thirds")
    /// rather than an ordinal ("a third term") when plural, followed by "of",
    /// a unit, or nothing nominal.
    fn fraction_context(&self, j: usize) -> bool {
        let w = self.low(j);
        if w.ends_with('s') || w == "half" {
            return true;
        }
        let next = self.low(j + 1);
        next == "of"
            || !self.is_word(j + 1)
            || self.unit_at(j + 1, true).is_some()
            || self.lex.np_stop.contains(next)
    }
}
