//! The figure reader: every numeric expression in a stretch of text, with its
//! value(s), bound, unit and a classification that separates counts and
//! amounts from years, dates, ordinals, durations, ages, times of day and
//! identifiers ("Voyager 2", "F-16").
//!
//! The reader works on [`crate::tokens`]: it parses a numeral (digits, words
//! or both), then looks left for bounding modifiers and currency, right for a
//! unit, a range partner and a rate, and finally classifies the result.

use std::sync::LazyLock;

use crosscheck_model::Bound;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::{NumberWordClass, UnitEntry, UnitMatch, LEXICON};
use crate::tokens::{attached, tokenize, Kind, Lowered, Tok};

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A number of things ("14,000 troops", "three fatalities").
    Count,
    /// A measured amount with a unit (money, percent, distance, weight).
    Amount,
    /// A length of time ("three days", "three-year-long"): never a count.
    Duration,
    /// A calendar year or decade ("1953", "the 1960s").
    Year,
    /// Day of month next to a month name ("April 27").
    DateDay,
    /// "2 pm", "14:30".
    TimeOfDay,
    /// "21st", "3rd".
    Ordinal,
    /// "aged 45", "a 30-year-old".
    Age,
    /// A number that is part of a name or code ("Voyager 2", "F-16").
    Identifier,
}

/// One numeric expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte range of the whole expression: modifiers, currency, numerals,
    /// unit and rate ("approximately 14,000", "$350 per kg to $680 per kg").
    pub start: usize,
    pub end: usize,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub bound: Bound,
    pub approximate: bool,
    /// Canonical unit name from `data/units.tsv` ("USD", "percent", "kilometre").
    pub unit: Option<&'static str>,
    /// The unit's dimension ("currency", "length", "time", ...).
    pub dimension: Option<&'static str>,
    pub rate: Option<&'static str>,
    pub kind: FigureKind,
    /// A fraction of something ("half of", "a third", "50 of 80").
    pub share: bool,
    /// Token index range covered (into the token list the reader returns).
    pub first_token: usize,
    pub end_token: usize,
}

impl Figure {
    /// The single value a scorer compares: the value, the range midpoint, or
    /// the stated end of an open bound.
    pub fn value(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (Some(v), None) | (None, Some(v)) => Some(v),
            (None, None) => None,
        }
    }
}

/// A parsed numeral before modifiers and units.
#[derive(Debug, Clone, Copy)]
struct Numeral {
    value: f64,
    /// Token index after the numeral.
    end: usize,
    /// Spelled out in words (at least in part).
    words: bool,
    /// Plain digits without separators or decimals ("1953").
    plain_int: bool,
    digit_count: usize,
    /// "hundreds", "tens of thousands": `value` is only a lower bound.
    vague: bool,
    fraction: bool,
    /// "1986/87", "50/50": slash forms that are not fractions.
    code: bool,
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.)\S+|\S+@\S+\.\S+|\S+\.(?:com|org|net)\S*")
        .unwrap_or_else(|_| unreachable!("static regex"))
});

fn is_minus(s: &str) -> bool {
    matches!(s, "-" | "−" | "–")
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—" | "‐")
}

/// Parses digits with separators; `european` reads "14.000" as fourteen thousand.
fn parse_digits(s: &str, european: bool) -> Option<f64> {
    let (group, decimal) = if european { ('.', ',') } else { (',', '.') };
    let mut int_part = String::new();
    let mut frac_part = String::new();
    let mut in_frac = false;
    for (i, piece) in s.split(decimal).enumerate() {
        if i == 0 {
            let groups: Vec<&str> = piece.split(group).collect();
            if groups.len() > 1 && groups.iter().skip(1).any(|g| g.len() != 3) {
                return None;
            }
            int_part = groups.concat();
        } else if i == 1 {
            in_frac = true;
            frac_part = piece.to_string();
        } else {
            return None;
        }
    }
    let joined = if in_frac {
        format!("{int_part}.{frac_part}")
    } else {
        int_part
    };
    joined.parse().ok()
}

/// Indices of `surfaces` by the ASCII-lowercased first byte a match must
/// start with, each list in the original order, so a lookup tries only the
/// entries that can match and still finds the first one that does. An empty
/// surface could match anywhere and sits in every list.
fn by_first_byte<'s>(surfaces: impl Iterator<Item = &'s str>) -> Vec<Vec<usize>> {
    let mut index = vec![Vec::new(); 256];
    for (k, surface) in surfaces.enumerate() {
        match surface.as_bytes().first() {
            Some(b) => {
                if let Some(list) = index.get_mut(usize::from(b.to_ascii_lowercase())) {
                    list.push(k);
                }
            }
            None => index.iter_mut().for_each(|list| list.push(k)),
        }
    }
    index
}

static UNITS_BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> =
    LazyLock::new(|| by_first_byte(LEXICON.units.iter().map(|u| u.surface)));

/// Modifier phrases by their last word, each list in lexicon order (longest
/// first); `None` when a phrase is empty and so could end anywhere.
static MODIFIERS_BY_LAST_WORD: LazyLock<Option<FxHashMap<&'static str, Vec<usize>>>> =
    LazyLock::new(|| {
        let mut index: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for (k, (phrase, _)) in LEXICON.modifiers.iter().enumerate() {
            index.entry(phrase.last()?).or_default().push(k);
        }
        Some(index)
    });

static ALL_MODIFIERS: LazyLock<Vec<usize>> =
    LazyLock::new(|| (0..LEXICON.modifiers.len()).collect());

/// Every word a spelled-out numeral can start with (see `word_numeral`).
static NUMERAL_FIRST_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    LEXICON
        .number_words
        .keys()
        .chain(LEXICON.vague_plurals.keys())
        .copied()
        .chain(["tens", "a", "an", "half"])
        .collect()
});

/// The currency symbols written before a number, in lexicon order.
static PREFIX_UNITS: LazyLock<Vec<&'static UnitEntry>> = LazyLock::new(|| {
    LEXICON
        .units
        .iter()
        .filter(|u| u.matching == UnitMatch::Prefix)
        .collect()
});

static RATES_BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> =
    LazyLock::new(|| by_first_byte(LEXICON.rates.iter().map(|(surface, _)| *surface)));

/// The entries of a [`by_first_byte`] index that can match at the start of `rest`.
fn candidates<'i>(index: &'i [Vec<usize>], rest: &str) -> &'i [usize] {
    let key = rest.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    index.get(usize::from(key)).map_or(&[], Vec::as_slice)
}

/// True when "14.000" style thousands separators are meant: the document
/// writes numbers that way unambiguously elsewhere.
pub fn uses_european_separators(text: &str) -> bool {
    // Every match has a dot followed by a digit; most documents have none,
    // and the full pattern's Unicode word boundaries are slow on non-ASCII text.
    static DOT_DIGIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\.\d").unwrap_or_else(|_| unreachable!("static regex")));
    if !DOT_DIGIT.is_match(text) {
        return false;
    }
    static EURO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b\d{1,3}(?:\.\d{3}){2,}\b|\b\d{1,3}(?:\.\d{3})+,\d+\b")
            .unwrap_or_else(|_| unreachable!("static regex"))
    });
    EURO.is_match(text)
}

fn dot_grouped(s: &str) -> bool {
    static DOT_GROUPS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{1,3}(?:\.\d{3})+$").unwrap_or_else(|_| unreachable!("static regex"))
    });
    DOT_GROUPS.is_match(s)
}

struct Reader<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lower: &'a Lowered,
    european: bool,
}

impl<'a> Reader<'a> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    fn low(&self, i: usize) -> &'a str {
        self.lower.get(i)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn touching(&self, a: usize, b: usize) -> bool {
        match (self.tok(a), self.tok(b)) {
            (Some(x), Some(y)) => attached(x, y),
            _ => false,
        }
    }

    fn word_value(&self, i: usize) -> Option<(f64, NumberWordClass)> {
        if self.kind(i) != Some(Kind::Word) {
            return None;
        }
        LEXICON.number_words.get(self.low(i)).copied()
    }

    /// A digit numeral at `i`: separators, suffix multipliers, fractions,
    /// scientific notation, a following scale word.
    fn digit_numeral(&self, i: usize, has_currency: bool) -> Option<Numeral> {
        let raw = self.s(i);
        let next_is_noun = self.kind(i + 1) == Some(Kind::Word)
            && !self.touching(i, i + 1)
            && self.s(i + 1).chars().next().is_some_and(char::is_lowercase)
            && !LEXICON.np_stop.contains(self.low(i + 1))
            && self.unit_at(i + 1, false).is_none()
            && self.word_value(i + 1).is_none();
        let european = dot_grouped(raw) && (self.european || next_is_noun);
        let mut value = parse_digits(raw, european).or_else(|| parse_digits(raw, !european))?;
        let plain_int = raw.bytes().all(|b| b.is_ascii_digit());
        let digit_count = raw.bytes().filter(u8::is_ascii_digit).count();
        let mut end = i + 1;
        let mut fraction = false;
        let mut code = false;
        let slash_fraction = |a: usize| {
            self.s(a + 1) == "/"
                && self.kind(a) == Some(Kind::Num)
                && self.kind(a + 2) == Some(Kind::Num)
                && self.touching(a, a + 1)
                && self.touching(a + 1, a + 2)
        };
        // "5-1/2": newswire's whole number and fraction.
        if plain_int
            && is_dash(self.s(end))
            && self.touching(end - 1, end)
            && self.touching(end, end + 1)
            && slash_fraction(end + 1)
        {
            let num: f64 = self.s(end + 1).parse().ok()?;
            let den: f64 = self.s(end + 3).parse().ok()?;
            if den != 0.0 && num < den {
                value += num / den;
                end += 4;
            }
        } else if plain_int
            && self.kind(end) == Some(Kind::Num)
            && self.s(end + 1) == "/"
            && self.touching(end, end + 1)
            && self.touching(end + 1, end + 2)
            && self.kind(end + 2) == Some(Kind::Num)
        {
            let num: f64 = self.s(end).parse().ok()?;
            let den: f64 = self.s(end + 2).parse().ok()?;
            if den != 0.0 && num < den {
                value += num / den;
                end += 3;
            }
        } else if self.s(end) == "/"
            && self.touching(i, end)
            && self.touching(end, end + 1)
            && self.kind(end + 1) == Some(Kind::Num)
        {
            let den: f64 = self.s(end + 1).parse().ok()?;
            if den == 0.0 {
                return None;
            }
            if plain_int && value < den && den <= 100.0 {
                value /= den;
                fraction = true;
            } else {
                // "1986/87", "50/50", "24/7": a season, ratio or code, not a fraction.
                code = true;
            }
            end += 2;
        }
        // Scientific notation: "4e14", "9.83e-3", "2.48×10−5", "8x2^10".
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
            if self.kind(j) == Some(Kind::Num) && self.touching(j - 1, j) {
                let exp: f64 = self.s(j).parse().ok()?;
                value *= 10f64.powf(sign * exp);
                end = j + 1;
            }
        } else if matches!(w, "×" | "x")
            && self.touching(end - 1, end)
            && self.kind(end + 1) == Some(Kind::Num)
        {
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
            if self.kind(j) == Some(Kind::Num) && self.touching(j - 1, j) {
                let exp: f64 = self.s(j).parse().ok()?;
                value *= base.powf(sign * exp);
                end = j + 1;
            }
        }
        // Attached magnitude suffixes: "0.5k", "€10M", "$2.174T".
        let suffix = self.s(end).trim_end_matches('.');
        if self.touching(end - 1, end) && self.kind(end) == Some(Kind::Word) {
            let mult = match suffix {
                "k" | "K" => Some(1e3),
                "M" | "mn" | "MM" if has_currency => Some(1e6),
                "B" | "bn" | "b" if has_currency => Some(1e9),
                "T" | "tn" if has_currency => Some(1e12),
                _ => None,
            };
            if let Some(m) = mult {
                value *= m;
                end += 1;
            }
        }
        // "10 000": a space-grouped thousands block.
        let glued_before = i > 0 && self.touching(i - 1, i);
        if plain_int
            && !glued_before
            && digit_count <= 3
            && self.kind(end) == Some(Kind::Num)
            && end == i + 1
        {
            let next = self.s(end);
            if next.len() == 3 && next.bytes().all(|b| b.is_ascii_digit()) {
                let rest: f64 = next.parse().ok()?;
                value = value * 1000.0 + rest;
                end += 1;
            }
        }
        let mut n = Numeral {
            value,
            end,
            words: false,
            plain_int: plain_int && end == i + 1,
            digit_count,
            vague: false,
            fraction,
            code,
        };
        self.scale_after(&mut n);
        Some(n)
    }

    /// "1.5 million", "$13,009 million": a scale word after a numeral.
    fn scale_after(&self, n: &mut Numeral) {
        if let Some((v, NumberWordClass::Scale)) = self.word_value(n.end) {
            if v >= 100.0 || n.words {
                n.value *= v;
                n.end += 1;
                n.plain_int = false;
            }
        }
    }

    /// A spelled-out numeral at `i`: "a hundred and two", "three million, two
    /// hundred & forty", "twenty-one", "two and a half", "two thirds",
    /// "hundreds", "tens of thousands".
    fn word_numeral(&self, i: usize) -> Option<Numeral> {
        let first = self.low(i);
        // Most words start no numeral: one lookup settles them.
        if !NUMERAL_FIRST_WORDS.contains(first) {
            return None;
        }
        // Vague plurals: "hundreds", "tens of thousands", "millions of".
        if first == "tens" || LEXICON.vague_plurals.contains_key(first) {
            let mut value = LEXICON.vague_plurals.get(first).copied().unwrap_or(20.0);
            let mut end = i + 1;
            if self.low(end) == "of" {
                let next = self.low(end + 1);
                if let Some(base) = LEXICON.vague_plurals.get(next) {
                    value = value * base / 2.0;
                    end += 2;
                } else if first == "tens" {
                    return None;
                }
            } else if first == "tens" {
                return None;
            }
            return Some(Numeral {
                value,
                end,
                words: true,
                plain_int: false,
                digit_count: 0,
                vague: true,
                fraction: false,
                code: false,
            });
        }
        let mut total = 0.0;
        let mut current = 0.0;
        let mut j = i;
        let mut any = false;
        let mut last: Option<NumberWordClass> = None;
        let mut fraction = false;
        // "a hundred", "a third", "an estimated"... only number words count.
        if matches!(first, "a" | "an") {
            match self.word_value(i + 1) {
                Some((_, NumberWordClass::Scale)) => {
                    current = 1.0;
                    j = i + 1;
                    last = Some(NumberWordClass::Unit);
                    any = true;
                }
                Some((d, NumberWordClass::Fraction)) if self.fraction_context(i + 1) => {
                    return Some(Numeral {
                        value: 1.0 / d,
                        end: i + 2,
                        words: true,
                        plain_int: false,
                        digit_count: 0,
                        vague: false,
                        fraction: true,
                        code: false,
                    });
                }
                // "a gallon", "a penny": one of a unit (never "a day": that is a rate).
                _ => {
                    let unit = self.unit_at(i + 1, true)?;
                    if unit.0.dimension == "time" || unit.0.matching != UnitMatch::Word {
                        return None;
                    }
                    return Some(Numeral {
                        value: 1.0,
                        end: i + 1,
                        words: true,
                        plain_int: false,
                        digit_count: 0,
                        vague: false,
                        fraction: false,
                        code: false,
                    });
                }
            }
        }
        if first == "half" && self.low(i + 1) == "of" {
            return Some(Numeral {
                value: 0.5,
                end: i + 1,
                words: true,
                plain_int: false,
                digit_count: 0,
                vague: false,
                fraction: true,
                code: false,
            });
        }
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
            let hyphen = is_dash(joiner)
                && self.touching(j - 1, j)
                && self.touching(j, j + 1)
                && next.is_some();
            let and_after_scale = matches!(joiner, "and" | "&")
                && matches!(last, Some(NumberWordClass::Scale))
                && next_small;
            let comma_after_scale = joiner == "," && total > 0.0 && current == 0.0 && next_small;
            if hyphen || and_after_scale || comma_after_scale {
                j += 1;
            } else if joiner == "and"
                && matches!(self.low(j + 1), "a" | "one")
                && matches!(self.low(j + 2), "half" | "quarter")
            {
                let den = if self.low(j + 2) == "half" { 2.0 } else { 4.0 };
                current += 1.0 / den;
                j += 3;
                break;
            }
        }
        if !any {
            return None;
        }
        Some(Numeral {
            value: total + current,
            end: j,
            words: true,
            plain_int: false,
            digit_count: 0,
            vague: false,
            fraction,
            code: false,
        })
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
            || self.kind(j + 1) != Some(Kind::Word)
            || self.unit_at(j + 1, true).is_some()
            || LEXICON.np_stop.contains(next)
    }

    fn numeral(&self, i: usize, has_currency: bool) -> Option<Numeral> {
        match self.kind(i)? {
            Kind::Num => self.digit_numeral(i, has_currency),
            Kind::Word => {
                let mut n = self.word_numeral(i)?;
                self.scale_after(&mut n);
                Some(n)
            }
            Kind::Sym => {
                let v = match self.s(i) {
                    "½" => 0.5,
                    "⅓" => 1.0 / 3.0,
                    "⅔" => 2.0 / 3.0,
                    "¼" => 0.25,
                    "¾" => 0.75,
                    _ => return None,
                };
                Some(Numeral {
                    value: v,
                    end: i + 1,
                    words: false,
                    plain_int: false,
                    digit_count: 1,
                    vague: false,
                    fraction: true,
                    code: false,
                })
            }
        }
    }

    /// The unit starting at token `i`, with the token index after it.
    fn unit_at(&self, i: usize, words_only: bool) -> Option<(&'static UnitEntry, usize)> {
        let t = self.tok(i)?;
        let rest = self.text.get(t.start..)?;
        let units = candidates(&UNITS_BY_FIRST_BYTE, rest)
            .iter()
            .filter_map(|&k| LEXICON.units.get(k));
        for u in units {
            let ok = match u.matching {
                UnitMatch::Prefix => false,
                UnitMatch::Word => rest
                    .get(..u.surface.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(u.surface)),
                UnitMatch::Exact => !words_only && rest.starts_with(u.surface),
            };
            if !ok {
                continue;
            }
            let after = rest.get(u.surface.len()..).unwrap_or("");
            if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let end_off = t.start + u.surface.len();
            let mut j = i;
            while self.tok(j).is_some_and(|x| x.start < end_off) {
                j += 1;
            }
            return Some((u, j));
        }
        None
    }

    /// A currency symbol written before the number at `i` ("$", "US$", "€").
    fn currency_before(&self, i: usize) -> Option<(&'static UnitEntry, usize)> {
        let t = self.tok(i)?;
        let head = self.text.get(..t.start)?.trim_end();
        for u in PREFIX_UNITS.iter() {
            if head.ends_with(u.surface) {
                let start = head.len() - u.surface.len();
                let mut j = i;
                while j > 0 && self.tok(j - 1).is_some_and(|x| x.start >= start) {
                    j -= 1;
                }
                return Some((u, j));
            }
        }
        None
    }

    /// Modifiers ending right before token `i`: returns the first token they
    /// cover, the bound and whether the figure is approximate.
    fn modifier_before(&self, i: usize) -> Option<(usize, Bound, bool)> {
        let candidates: &[usize] = match &*MODIFIERS_BY_LAST_WORD {
            Some(index) => match i.checked_sub(1) {
                Some(last) => index.get(self.low(last)).map_or(&[], Vec::as_slice),
                None => &[],
            },
            None => &ALL_MODIFIERS,
        };
        let modifiers = candidates.iter().filter_map(|&k| LEXICON.modifiers.get(k));
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

    fn rate_at(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(i)?;
        let rest = self.text.get(t.start..)?;
        let rates = candidates(&RATES_BY_FIRST_BYTE, rest)
            .iter()
            .filter_map(|&k| LEXICON.rates.get(k));
        for (surface, canonical) in rates {
            let ok = rest
                .get(..surface.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(surface));
            let boundary = !rest
                .get(surface.len()..)
                .and_then(|a| a.chars().next())
                .is_some_and(|c| c.is_alphanumeric());
            if ok && boundary {
                let end_off = t.start + surface.len();
                let mut j = i;
                while self.tok(j).is_some_and(|x| x.start < end_off) {
                    j += 1;
                }
                return Some((canonical, j));
            }
        }
        None
    }

    /// The product of the scale words ("million", "mln", "thousand") that
    /// end the numeral in tokens `a..b`; 1 when there are none.
    fn trailing_scale(&self, a: usize, b: usize) -> f64 {
        let mut m = 1.0;
        let mut k = b;
        while k > a {
            match LEXICON.number_words.get(self.low(k - 1)) {
                Some((v, NumberWordClass::Scale)) if *v >= 1000.0 => m *= v,
                _ => break,
            }
            k -= 1;
        }
        m
    }

    fn is_month(&self, i: usize) -> bool {
        let w = self.s(i);
        w.chars().next().is_some_and(char::is_uppercase)
            && LEXICON
                .months
                .contains(w.to_lowercase().trim_end_matches('.'))
    }

    fn capitalized_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Reads the figure whose numeral starts at token `i`.
    fn figure_at(&self, i: usize) -> Option<Figure> {
        // Only a digit numeral depends on a currency before it; any other
        // token is checked for a numeral first, so the currency scan runs
        // only where a figure starts.
        let word_or_symbol = match self.kind(i)? {
            Kind::Num => None,
            Kind::Word | Kind::Sym => Some(self.numeral(i, false)?),
        };
        let currency = self.currency_before(i);
        let mut n = match word_or_symbol {
            Some(n) => n,
            None => self.numeral(i, currency.is_some())?,
        };
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
        if self.kind(i) == Some(Kind::Num)
            && currency.is_some()
            && first >= 2
            && is_minus(self.s(first))
        {
            negative = true;
        }
        let mut unit: Option<&'static UnitEntry> = currency.map(|c| c.0);
        let mut end = n.end;
        // Unit after the numeral, possibly joined by a hyphen ("27-kilometer").
        let hyphen_unit =
            is_dash(self.s(end)) && self.touching(end - 1, end) && self.touching(end, end + 1);
        let unit_pos = if hyphen_unit { end + 1 } else { end };
        let mut hyphenated = false;
        if unit.is_none() {
            if let Some((u, j)) = self.unit_at(unit_pos, n.words || hyphen_unit) {
                if self.unit_plausible(u, &n, unit_pos, j) {
                    unit = Some(u);
                    end = j;
                    hyphenated = hyphen_unit;
                }
            }
        } else if let Some((u, j)) = self.unit_at(end, true) {
            // "$350 per kg": keep the currency, read the rest as a rate below.
            if u.dimension == "currency" {
                end = j;
            }
        } else if self.s(end) == "€" {
            end += 1;
        }
        let mut bound = Bound::Exact;
        let mut approximate = false;
        let mut low = n.value;
        let mut high = n.value;
        if negative {
            low = -low;
            high = -high;
        }
        // Accounting negatives: "($99.99)".
        if first > 0
            && self.s(first - 1) == "("
            && self.s(end) == ")"
            && currency.is_some()
            && !negative
        {
            low = -low;
            high = -high;
            first -= 1;
            end += 1;
        }
        // A rate straight after the unit: "$15.4/hour", "$350 per kg".
        let mut rate = None;
        if unit.is_some() {
            if let Some((r, j)) = self.rate_at(end) {
                rate = Some(r);
                end = j;
            }
        }
        // Range partner: "8,000 to 12,000", "10-15", "8- to 16-meter", "between 44 and 50".
        let between = first > 0 && self.low(first - 1) == "between";
        let from = first > 0 && self.low(first - 1) == "from";
        let mut k = end;
        if is_dash(self.s(k)) && self.low(k + 1) == "to" && self.touching(k - 1, k) {
            k += 1;
        }
        let joiner = self.low(k);
        let joins = joiner == "to"
            || (is_dash(joiner) && self.touching(k - 1, k) && self.touching(k, k + 1))
            || (joiner == "and" && between);
        if joins && !n.fraction {
            let mut j = k + 1;
            let cur2 = self
                .currency_before(j + 1)
                .filter(|_| matches!(self.s(j), "$" | "€" | "£"));
            if cur2.is_some() {
                j += 1;
            }
            let mut neg2 = false;
            if is_minus(self.s(j)) && self.touching(j, j + 1) {
                neg2 = true;
                j += 1;
            }
            if let Some(n2) = self.numeral(j, unit.is_some_and(|u| u.dimension == "currency")) {
                let mut end2 = n2.end;
                let hy = is_dash(self.s(end2))
                    && self.touching(end2 - 1, end2)
                    && self.touching(end2, end2 + 1);
                let upos = if hy { end2 + 1 } else { end2 };
                let unit2 = self
                    .unit_at(upos, n2.words || hy)
                    .filter(|(u, jj)| self.unit_plausible(u, &n2, upos, *jj));
                // "$350 per kg to $680 per kg": the rate may repeat.
                let compatible = match (unit, unit2) {
                    (Some(a), Some((b, _))) => a.canonical == b.canonical,
                    _ => true,
                };
                let plausible_range = n2.value * if neg2 { -1.0 } else { 1.0 } != low || between;
                // "7.8 to 8.2 mln": the scale of the second numeral applies to
                // the first when the first has none.
                let scale1 = self.trailing_scale(i, n.end);
                let scale2 = self.trailing_scale(j, n2.end);
                let shared_scale =
                    (scale1 == 1.0 && scale2 > 1.0 && low * scale2 <= n2.value).then_some(scale2);
                // "in 1987 to 1.68 mln tonnes": a year is no range partner.
                let year_low = n.plain_int
                    && n.digit_count == 4
                    && (1800.0..=2100.0).contains(&n.value)
                    && (!n2.plain_int || scale2 > 1.0);
                if compatible
                    && plausible_range
                    && !year_low
                    && (between || n.words == n2.words || shared_scale.is_some())
                {
                    if let Some(m) = shared_scale {
                        low *= m;
                    }
                    if let Some((u2, jj)) = unit2 {
                        unit = unit.or(Some(u2));
                        end2 = jj;
                        if hy {
                            hyphenated = true;
                        }
                    } else if unit.is_some() {
                        if let Some((_, jj)) = self.unit_at(end2, true) {
                            end2 = jj;
                        }
                    }
                    if let Some((r, jj)) = self.rate_at(end2) {
                        if rate.is_none_or(|x| x == r) && unit.is_some() {
                            rate = Some(r);
                            end2 = jj;
                        }
                    }
                    let v2 = if neg2 { -n2.value } else { n2.value };
                    let (a, b) = (low.min(v2), low.max(v2));
                    low = a;
                    high = b;
                    bound = Bound::Range;
                    end = end2;
                    n.plain_int = n.plain_int && n2.plain_int;
                }
            }
        }
        let range_figure = bound == Bound::Range;
        if (between || from) && range_figure {
            first -= 1;
        }
        if let Some((s, b, a)) = self.modifier_before(first) {
            if !range_figure || b == Bound::Exact {
                bound = if range_figure { Bound::Range } else { b };
                approximate = a;
                first = s;
            }
        }
        // "10,000 or more", "10,000+", "or so".
        if self.low(end) == "or" && self.low(end + 1) == "more" && !range_figure {
            bound = Bound::AtLeast;
            end += 2;
        } else if self.low(end) == "or" && self.low(end + 1) == "so" {
            approximate = true;
            end += 2;
        } else if self.s(end) == "+" && self.touching(end - 1, end) {
            bound = Bound::AtLeast;
            end += 1;
        }
        if n.vague {
            bound = Bound::AtLeast;
            approximate = true;
        }
        let (mut low_v, mut high_v) = (Some(low), Some(high));
        match bound {
            Bound::AtLeast => high_v = None,
            Bound::AtMost => low_v = None,
            _ => {}
        }
        // Rate straight after the unit: "$15.4/hour", "20 J/m^2 per year".
        if rate.is_none() && unit.is_some() {
            if let Some((r, j)) = self.rate_at(end) {
                rate = Some(r);
                end = j;
            }
        }
        let kind = self.classify(i, &n, unit, first, end, hyphenated, range_figure);
        let start = self.tok(first)?.start;
        let stop = self.tok(end.checked_sub(1)?)?.end;
        Some(Figure {
            start,
            end: stop,
            low: low_v,
            high: high_v,
            bound,
            approximate,
            unit: unit.map(|u| u.canonical),
            dimension: unit.map(|u| u.dimension),
            rate,
            kind,
            share: n.fraction || unit.is_some_and(|u| u.canonical == "percent"),
            first_token: first,
            end_token: end,
        })
    }

    /// Rules out unit readings that are almost always something else.
    fn unit_plausible(&self, u: &UnitEntry, n: &Numeral, at: usize, after: usize) -> bool {
        let surface = u.surface;
        if n.words && u.matching == UnitMatch::Exact && surface.chars().all(char::is_alphabetic) {
            return false;
        }
        match surface {
            // "2 in thick" is inches, "45 in the region" is not.
            "in" => {
                let next = self.low(after);
                match self.kind(after) {
                    None | Some(Kind::Sym) => true,
                    Some(Kind::Num) => false,
                    Some(Kind::Word) => {
                        !LEXICON.np_stop.contains(next) && !self.capitalized_word(after)
                    }
                }
            }
            // "2 pm" is a time of day; "2.1 pm" a length.
            "pm" | "am" => !self.looks_like_clock(n),
            // "the 1960s".
            "s" => !(n.plain_int && n.digit_count == 4),
            "t" | "g" | "h" | "l" | "L" | "m" | "s " => {
                self.touching(at.saturating_sub(1), at) || self.kind(after) != Some(Kind::Word)
            }
            _ => true,
        }
    }

    fn looks_like_clock(&self, n: &Numeral) -> bool {
        let v = n.value;
        if n.plain_int {
            return (1.0..=12.0).contains(&v);
        }
        let frac = ((v - v.trunc()) * 100.0).round();
        let two_decimals = ((v * 100.0).round() - v * 100.0).abs() < 1e-6
            && ((v * 10.0).round() - v * 10.0).abs() > 1e-6;
        (1.0..13.0).contains(&v) && two_decimals && frac < 60.0
    }

    #[allow(clippy::too_many_arguments)]
    fn classify(
        &self,
        i: usize,
        n: &Numeral,
        unit: Option<&UnitEntry>,
        first: usize,
        end: usize,
        hyphenated: bool,
        range_figure: bool,
    ) -> FigureKind {
        let next = self.low(end);
        if n.code {
            let year = n.digit_count >= 4 && (1800.0..=2100.0).contains(&n.value);
            return if year {
                FigureKind::Year
            } else {
                FigureKind::Identifier
            };
        }
        // Ordinals: "21st", "3rd".
        if matches!(next, "st" | "nd" | "rd" | "th") && self.touching(end - 1, end) {
            return FigureKind::Ordinal;
        }
        // Times of day.
        if self.kind(i) == Some(Kind::Num) {
            if matches!(next, "am" | "pm" | "a.m." | "p.m." | "o’clock" | "o'clock")
                && self.looks_like_clock(n)
                && unit.is_none()
            {
                return FigureKind::TimeOfDay;
            }
            if self.s(n.end) == ":"
                && self.touching(n.end - 1, n.end)
                && self.kind(n.end + 1) == Some(Kind::Num)
            {
                return FigureKind::TimeOfDay;
            }
        }
        // Identifiers: "i7", "F-16", "COVID-19", "Voyager 2".
        if self.kind(i) == Some(Kind::Num) && i > 0 {
            let prev_attached_word =
                self.kind(i - 1) == Some(Kind::Word) && self.touching(i - 1, i);
            let dash_code = i >= 2
                && is_dash(self.s(i - 1))
                && self.touching(i - 2, i - 1)
                && self.touching(i - 1, i)
                && self.capitalized_word(i - 2)
                && self.numeral(i - 2, false).is_none();
            if prev_attached_word || dash_code {
                return FigureKind::Identifier;
            }
            if unit.is_none()
                && first == i
                && self.capitalized_word(i - 1)
                && !self.is_month(i - 1)
                // "While 9,000 Brannish marines": a capitalised function word is no name.
                && !LEXICON.np_stop.contains(self.low(i - 1))
                && LEXICON
                    .modifiers
                    .iter()
                    .all(|(p, _)| p.last().is_none_or(|w| *w != self.low(i - 1)))
                && (self.kind(end) != Some(Kind::Word) || self.capitalized_word(end))
            {
                return FigureKind::Identifier;
            }
        }
        // Calendar: "April 27", "27 April", "October 2024", "1953", "2013-14".
        if self.kind(i) == Some(Kind::Num) && n.plain_int && unit.is_none() {
            let v = n.value;
            let month_before = i > 0 && self.is_month(i - 1);
            let month_after = self.is_month(n.end);
            if (1.0..=31.0).contains(&v) && (month_before || month_after) && n.digit_count <= 2 {
                return FigureKind::DateDay;
            }
            let decade = self.s(n.end) == "s" && self.touching(n.end - 1, n.end);
            let next_word_noun = self.kind(end) == Some(Kind::Word)
                && !LEXICON.np_stop.contains(next)
                && !self.capitalized_word(end)
                && !decade;
            // Plain four digits in the calendar range are years ("1986 wine
            // exports") unless a count modifier precedes them ("some 2000 troops").
            let modified = first < i;
            let calendar = (1800.0..=2100.0).contains(&v) && !modified;
            if n.digit_count == 4
                && (1000.0..=2100.0).contains(&v)
                && (calendar || !next_word_noun || month_before)
            {
                return FigureKind::Year;
            }
            if range_figure && n.digit_count == 4 && (1000.0..=2100.0).contains(&v) {
                return FigureKind::Year;
            }
        }
        if let Some(u) = unit {
            if u.dimension == "time" {
                // "30 years old", "a 30-year-old".
                let after = self.low(end);
                let after_dash = self.low(end + 1);
                if after == "old" || (is_dash(self.s(end)) && after_dash == "old") {
                    return FigureKind::Age;
                }
                return FigureKind::Duration;
            }
            let _ = hyphenated;
            return FigureKind::Amount;
        }
        if first > 0 && matches!(self.low(first - 1), "aged" | "age") {
            return FigureKind::Age;
        }
        FigureKind::Count
    }
}

/// Every figure in `text[start..end]`, with the tokens it was read from.
pub fn read_figures(
    text: &str,
    start: usize,
    end: usize,
    european: bool,
) -> (Vec<Tok>, Vec<Figure>) {
    let toks = tokenize(text, start, end);
    let lower = Lowered::new(text, &toks);
    let figures = figures_in(text, start, end, &toks, &lower, european);
    (toks, figures)
}

/// The figures of `text[start..end]`, already cut into `toks` and lowered.
pub fn figures_in(
    text: &str,
    start: usize,
    end: usize,
    toks: &[Tok],
    lower: &Lowered,
    european: bool,
) -> Vec<Figure> {
    let reader = Reader {
        text,
        toks,
        lower,
        european,
    };
    let urls: Vec<(usize, usize)> = text
        .get(start..end)
        .map(|s| {
            URL.find_iter(s)
                .map(|m| (start + m.start(), start + m.end()))
                .collect()
        })
        .unwrap_or_default();
    let mut figures = Vec::new();
    let mut i = 0;
    while i < reader.toks.len() {
        let in_url = reader
            .tok(i)
            .is_some_and(|t| urls.iter().any(|&(a, b)| a <= t.start && t.start < b));
        if in_url {
            i += 1;
            continue;
        }
        match reader.figure_at(i) {
            Some(f) if f.end_token > i => {
                i = f.end_token;
                figures.push(f);
            }
            _ => i += 1,
        }
    }
    figures
}

/// The rate phrase ("per year", "a day") starting at token `i`, and the token after it.
pub fn rate_after(text: &str, toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let lower = Lowered::new(text, toks);
    rate_after_in(text, toks, &lower, i)
}

/// [`rate_after`] over tokens already lowered.
pub fn rate_after_in(
    text: &str,
    toks: &[Tok],
    lower: &Lowered,
    i: usize,
) -> Option<(&'static str, usize)> {
    let reader = Reader {
        text,
        toks,
        lower,
        european: false,
    };
    reader.rate_at(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Figure {
        let (_, figs) = read_figures(s, 0, s.len(), false);
        assert_eq!(figs.len(), 1, "{s}: {figs:?}");
        figs.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    type Case = (
        &'static str,
        Option<f64>,
        Option<f64>,
        Bound,
        bool,
        Option<&'static str>,
        FigureKind,
    );

    #[test]
    fn values_bounds_and_units() {
        use Bound::*;
        use FigureKind::*;
        // (text, low, high, bound, approximate, unit, kind)
        let cases: &[Case] = &[
            // The second numeral's scale carries over to a bare first one.
            (
                "forecast at 7.8 to 8.2 mln tonnes",
                Some(7.8e6),
                Some(8.2e6),
                Range,
                false,
                Some("tonne"),
                Amount,
            ),
            (
                "between 7.7 and eight million tonnes",
                Some(7.7e6),
                Some(8e6),
                Range,
                false,
                Some("tonne"),
                Amount,
            ),
            (
                "between 500 and 2 million voters",
                Some(500.0),
                Some(2e6),
                Range,
                false,
                None,
                Count,
            ),
            (
                "they sent 14,000 troops",
                Some(14000.0),
                Some(14000.0),
                Exact,
                false,
                None,
                Count,
            ),
            (
                "three million shells",
                Some(3e6),
                Some(3e6),
                Exact,
                false,
                None,
                Count,
            ),
            (
                "a thousand men",
                Some(1000.0),
                Some(1000.0),
                Exact,
                false,
                None,
                Count,
            ),
            (
                "a dozen drones",
                Some(12.0),
                Some(12.0),
                Exact,
                false,
                None,
                Count,
            ),
            (
                "tens of thousands of people",
                Some(20000.0),
                None,
                AtLeast,
                true,
                None,
                Count,
            ),
            (
                "hundreds of boats",
                Some(200.0),
                None,
                AtLeast,
                true,
                None,
                Count,
            ),
            (
                "1.5 million barrels of oil",
                Some(1.5e6),
                Some(1.5e6),
                Exact,
                false,
                Some("barrel"),
                Amount,
            ),
            (
                "8,000 to 12,000 soldiers",
                Some(8000.0),
                Some(12000.0),
                Range,
                false,
                None,
                Count,
            ),
            (
                "between 10,000 and 12,000 soldiers",
                Some(10000.0),
                Some(12000.0),
                Range,
                false,
                None,
                Count,
            ),
            (
                "some 10,000-12,000 soldiers",
                Some(10000.0),
                Some(12000.0),
                Range,
                true,
                None,
                Count,
            ),
            (
                "up to 12,000 soldiers",
                None,
                Some(12000.0),
                AtMost,
                false,
                None,
                Count,
            ),
            (
                "more than 500 drones",
                Some(500.0),
                None,
                AtLeast,
                false,
                None,
                Count,
            ),
            (
                "at least 40 villages",
                Some(40.0),
                None,
                AtLeast,
                false,
                None,
                Count,
            ),
            (
                "fewer than 30 tanks",
                None,
                Some(30.0),
                AtMost,
                false,
                None,
                Count,
            ),
            (
                "nearly 900 shells",
                None,
                Some(900.0),
                AtMost,
                true,
                None,
                Count,
            ),
            (
                "almost 60 trucks",
                None,
                Some(60.0),
                AtMost,
                true,
                None,
                Count,
            ),
            (
                "approximately 14,000 troops",
                Some(14000.0),
                Some(14000.0),
                Exact,
                true,
                None,
                Count,
            ),
            (
                "around 300 boats",
                Some(300.0),
                Some(300.0),
                Exact,
                true,
                None,
                Count,
            ),
            (
                "an estimated 7,000 recruits",
                Some(7000.0),
                Some(7000.0),
                Exact,
                true,
                None,
                Count,
            ),
            (
                "roughly 20 ships",
                Some(20.0),
                Some(20.0),
                Exact,
                true,
                None,
                Count,
            ),
            (
                "about 45 percent of voters",
                Some(45.0),
                Some(45.0),
                Exact,
                true,
                Some("percent"),
                Amount,
            ),
            (
                "12% of the budget",
                Some(12.0),
                Some(12.0),
                Exact,
                false,
                Some("percent"),
                Amount,
            ),
            (
                "a third of the fleet",
                Some(1.0 / 3.0),
                Some(1.0 / 3.0),
                Exact,
                false,
                None,
                Count,
            ),
            (
                "almost half of the ammunition",
                None,
                Some(0.5),
                AtMost,
                true,
                None,
                Count,
            ),
            (
                "£2,000 in fees",
                Some(2000.0),
                Some(2000.0),
                Exact,
                false,
                Some("GBP"),
                Amount,
            ),
            (
                "€10M in savings",
                Some(1e7),
                Some(1e7),
                Exact,
                false,
                Some("EUR"),
                Amount,
            ),
            (
                "$1.2 billion in aid",
                Some(1.2e9),
                Some(1.2e9),
                Exact,
                false,
                Some("USD"),
                Amount,
            ),
            (
                "a hundred and two of those",
                Some(102.0),
                Some(102.0),
                Exact,
                false,
                None,
                Count,
            ),
            (
                "twenty-one boats",
                Some(21.0),
                Some(21.0),
                Exact,
                false,
                None,
                Count,
            ),
            (
                "two and a half miles",
                Some(2.5),
                Some(2.5),
                Exact,
                false,
                Some("mile"),
                Amount,
            ),
            (
                "in 1953 the war",
                Some(1953.0),
                Some(1953.0),
                Exact,
                false,
                None,
                Year,
            ),
            (
                "since October 2024 they",
                Some(2024.0),
                Some(2024.0),
                Exact,
                false,
                None,
                Year,
            ),
            (
                "on April 27 he",
                Some(27.0),
                Some(27.0),
                Exact,
                false,
                None,
                DateDay,
            ),
            (
                "the 21st century",
                Some(21.0),
                Some(21.0),
                Exact,
                false,
                None,
                Ordinal,
            ),
            (
                "a three-year-long war",
                Some(3.0),
                Some(3.0),
                Exact,
                false,
                Some("year"),
                Duration,
            ),
            (
                "More than six months after",
                Some(6.0),
                None,
                AtLeast,
                false,
                Some("month"),
                Duration,
            ),
            (
                "at 2 pm they left",
                Some(2.0),
                Some(2.0),
                Exact,
                false,
                None,
                TimeOfDay,
            ),
            (
                "the F-16 jets",
                Some(16.0),
                Some(16.0),
                Exact,
                false,
                None,
                Identifier,
            ),
            (
                "a 30-year-old man",
                Some(30.0),
                Some(30.0),
                Exact,
                false,
                Some("year"),
                Age,
            ),
            (
                "2 1/2 in thick",
                Some(2.5),
                Some(2.5),
                Exact,
                false,
                Some("inch"),
                Amount,
            ),
            (
                "4e14 waves",
                Some(4e14),
                Some(4e14),
                Exact,
                false,
                None,
                Count,
            ),
        ];
        for (text, low, high, bound, approx, unit, kind) in cases {
            let f = one(text);
            let ctx = format!("{text}: {f:?}");
            assert_eq!(
                f.low.map(|v| (v * 1e6).round()),
                low.map(|v| (v * 1e6).round()),
                "low {ctx}"
            );
            assert_eq!(
                f.high.map(|v| (v * 1e6).round()),
                high.map(|v| (v * 1e6).round()),
                "high {ctx}"
            );
            assert_eq!(f.bound, *bound, "bound {ctx}");
            assert_eq!(f.approximate, *approx, "approx {ctx}");
            assert_eq!(f.unit, *unit, "unit {ctx}");
            assert_eq!(f.kind, *kind, "kind {ctx}");
        }
    }

    #[test]
    fn european_separators_need_context() {
        let f = one("about 14.000 soldiers");
        assert_eq!(f.low, Some(14000.0));
        let f = one("a value of 14.000 was read");
        assert_eq!(f.low, Some(14.0));
        assert!(uses_european_separators("es waren 1.250.000 Menschen"));
        assert!(!uses_european_separators("it was 1.5 million"));
    }

    #[test]
    fn urls_and_bad_input_do_not_panic_or_count() {
        let s = "see https://example.com/2024/10/page-3 for 12 photos";
        let (_, figs) = read_figures(s, 0, s.len(), false);
        assert_eq!(figs.len(), 1, "{figs:?}");
        for s in [
            "",
            "-",
            "1/0",
            "$",
            "×10",
            "e5",
            "½",
            "2.",
            "₩",
            "– to –",
            "between and",
        ] {
            let _ = read_figures(s, 0, s.len(), false);
        }
    }
}
