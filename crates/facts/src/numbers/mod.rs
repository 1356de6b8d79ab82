//! The figure reader: every numeric expression in a stretch of text, with its
//! value(s), bound, unit, rate and a classification that separates amounts
//! (counts, money, measures, durations, ages) from years, dates, times of
//! day, ordinals and designations ("Voyager 2", "F-16", "737 Max",
//! "Fortune 500", scores, phone numbers, list labels).
//!
//! The reader works on the token layer's digit/letter view ([`crate::tokens`]). At each token that can start a
//! numeral it reads, in order (each step its own module):
//! - [`numeral`]: the number itself: digits with separators, fractions
//!   ("5-1/2", "7/8", "½"), scientific notation, magnitude suffixes and
//!   words ("35m", "2.8bn", "1.5 trillion", "mln"), spelled-out numbers,
//!   and vague amounts ("millions of", "tens of thousands"), which keep no
//!   value;
//! - [`unit`]: a currency before it, a unit after it (ambiguous surfaces
//!   resolved by the context classifier in [`crate::units`]) and a rate
//!   ("per year", "a day", "/mo");
//! - [`range`]: a second end ("8,000 to 12,000", "between 44 and 50",
//!   "$7/$9", "5-3 million"), refused where the two numbers are a change
//!   ("0.68 per cent to 3,005.47"), a model ("787-9"), a score ("6-2") or a
//!   phone number;
//! - the bounding and hedging words around it ("up to", "more than",
//!   "about", "or more", "+");
//! - [`classify`]: what kind of figure it is.

mod classify;
mod figure;
mod numeral;
mod range;
mod unit;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use crosscheck_model::Bound;
use regex::Regex;

use crate::lexicon::{Lexicon, NumberWordClass};
use crosscheck_text::TokenLayer;

use crate::tokens::{cut, Kind, Tok};
use crate::units::UnitInfo;

pub(crate) use unit::by_first_byte;

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A number of things ("14,000 troops", "three fatalities").
    Count,
    /// A measured amount with a unit (money, percent, distance, weight).
    Amount,
    /// A length of time ("70 days", "a five-year journey").
    Duration,
    /// A calendar year or decade ("1953", "the 1960s").
    Year,
    /// Day of month next to a month name ("April 27").
    DateDay,
    /// "2 pm", "14:30", "1805 GMT".
    TimeOfDay,
    /// "21st", "3rd".
    Ordinal,
    /// "aged 45", "a 30-year-old", "Noel, 31,".
    Age,
    /// A number that names rather than measures: models and products
    /// ("737 Max", "787-9", "F-16", "Fortune 500"), scores ("6-2"), phone
    /// numbers, labels ("page 3", "exit 436"), citations and list marks.
    Identifier,
}

impl FigureKind {
    /// Counts, amounts, durations and ages state quantities; the rest
    /// name dates, times, ranks and things.
    pub fn is_quantity(self) -> bool {
        matches!(
            self,
            FigureKind::Count | FigureKind::Amount | FigureKind::Duration | FigureKind::Age
        )
    }
}

/// One numeric expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte range of the whole expression: modifiers, currency, numerals,
    /// unit and rate ("approximately 14,000", "$350 per kg to $680 per kg").
    pub start: usize,
    pub end: usize,
    /// `None` for an open lower bound and for a vague amount.
    pub low: Option<f64>,
    /// `None` for an open upper bound and for a vague amount.
    pub high: Option<f64>,
    pub bound: Bound,
    pub approximate: bool,
    /// The unit, from the unit list (`data/unit_ids.tsv`).
    pub unit: Option<UnitInfo>,
    /// Byte range of the unit's surface, when one was read.
    pub unit_span: Option<(usize, usize)>,
    /// "per year", "per share", ...
    pub rate: Option<&'static str>,
    pub kind: FigureKind,
    /// A fraction of something ("half of", "a third", "50 of 80", "12%").
    pub share: bool,
    /// An order of magnitude without a number ("millions of", "dozens").
    pub vague: bool,
    /// Token index range covered (into the token list the reader returns).
    pub first_token: usize,
    pub end_token: usize,
}

impl Figure {
    /// The single value a scorer compares: the value, the range midpoint, or
    /// the stated end of an open bound; `None` for a vague amount.
    pub fn value(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (Some(v), None) | (None, Some(v)) => Some(v),
            (None, None) => None,
        }
    }

    /// The unit id ("USD", "percent", "kilometre").
    pub fn unit_id(&self) -> Option<&'static str> {
        self.unit.map(|u| u.id)
    }

    /// The unit's dimension ("currency", "ratio", "length", "time").
    pub fn dimension(&self) -> Option<&'static str> {
        self.unit.map(|u| u.dimension)
    }
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

/// True when "14.000" style thousands separators are meant: the document
/// writes numbers that way unambiguously elsewhere.
pub(crate) fn uses_european_separators(text: &str) -> bool {
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

/// The tokens of one stretch of text, with cheap accessors.
pub(crate) struct Reader<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// Holds the tokens' folded forms.
    layer: &'a TokenLayer,
    european: bool,
    /// The words the reader knows.
    lex: &'a Lexicon,
}

impl<'a> Reader<'a> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    /// Token `i` folded (lower case), "" past the end.
    fn low(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| self.layer.fold(t))
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Number)
    }

    /// True when tokens `a` and `b` touch.
    fn touching(&self, a: usize, b: usize) -> bool {
        match (self.tok(a), self.tok(b)) {
            (Some(x), Some(y)) => x.touches(y),
            _ => false,
        }
    }

    /// "-" joining tokens `k - 1` and `k + 1` without spaces.
    fn tight_dash(&self, k: usize) -> bool {
        k > 0 && is_dash(self.s(k)) && self.touching(k - 1, k) && self.touching(k, k + 1)
    }

    fn word_value(&self, i: usize) -> Option<(f64, NumberWordClass)> {
        if !self.is_word(i) {
            return None;
        }
        self.lex.number_words.get(self.low(i)).copied()
    }

    fn is_month(&self, i: usize) -> bool {
        let w = self.s(i);
        w.chars().next().is_some_and(char::is_uppercase)
            && self
                .lex
                .months
                .contains(w.to_lowercase().trim_end_matches('.'))
    }

    fn capitalized_word(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A word at `i` that starts in lower case and has a capital inside
    /// ("iPhone", "iPadOS", "eBay"): a brand or product name.
    fn mixed_case_word(&self, i: usize) -> bool {
        let w = self.s(i);
        self.is_word(i)
            && w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().skip(1).any(char::is_uppercase)
    }

    /// A lowercase content word at `i`: a noun a figure may count.
    fn lowercase_noun(&self, i: usize) -> bool {
        self.is_word(i)
            && self.s(i).chars().next().is_some_and(char::is_lowercase)
            && !self.lex.np_stop.contains(self.low(i))
    }

    /// The lowercase words of the whole stretch, the context the unit
    /// classifier reads.
    fn context_words(&self) -> impl Iterator<Item = &str> {
        (0..self.toks.len())
            .filter(|&k| self.is_word(k))
            .map(|k| self.low(k))
    }
}

/// False when `text` can hold no figure: no digit and no number word.
/// Most sentences of a document have none, and this byte scan is far
/// cheaper than tokenising them.
pub(crate) fn may_hold_figure(lex: &Lexicon, text: &str) -> bool {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    match &lex.index.numeral_words {
        Some(ac) => ac.is_match(text),
        None => true,
    }
}

/// Every figure in `text[start..end]`; `european` reads "14.000" as
/// fourteen thousand. Reads with the standard lexicon; see
/// [`read_figures_with`].
pub fn read_figures(text: &str, start: usize, end: usize, european: bool) -> Vec<Figure> {
    read_figures_with(&Lexicon::standard(), text, start, end, european)
}

/// [`read_figures`] with the words of `lex`.
pub fn read_figures_with(
    lex: &Lexicon,
    text: &str,
    start: usize,
    end: usize,
    european: bool,
) -> Vec<Figure> {
    let (layer, toks) = cut(text, start, end);
    figures_in(lex, text, start, end, &toks, &layer, european)
}

/// The figures of `text[start..end]`, already cut into `toks` (tokens of
/// `layer`).
pub(crate) fn figures_in(
    lex: &Lexicon,
    text: &str,
    start: usize,
    end: usize,
    toks: &[Tok],
    layer: &TokenLayer,
    european: bool,
) -> Vec<Figure> {
    let reader = Reader {
        text,
        toks,
        layer,
        european,
        lex,
    };
    // URLs and e-mail addresses hold digits that are no figures; most
    // sentences have neither, and a byte check is cheaper than the regex.
    let slice = text.get(start..end).unwrap_or("");
    let maybe_url = slice.contains("://")
        || slice.contains("www.")
        || slice.contains('@')
        || slice.contains(".com")
        || slice.contains(".org")
        || slice.contains(".net");
    let urls: Vec<(usize, usize)> = if maybe_url {
        URL.find_iter(slice)
            .map(|m| (start + m.start(), start + m.end()))
            .collect()
    } else {
        Vec::new()
    };
    let mut figures: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < reader.toks.len() {
        let in_url = !urls.is_empty()
            && reader
                .tok(i)
                .is_some_and(|t| urls.iter().any(|&(a, b)| a <= t.start() && t.start() < b));
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
    reader.share_units(&mut figures);
    reader.or_ranges(&mut figures);
    reader.carry_units_back(&mut figures);
    reader.millions_in_context(&mut figures);
    figures
}

impl Reader<'_> {
    /// "17 or 18 percent", "3, 4 percent", "45 and 50 kilometres": a bare
    /// number joined to a following figure by one word or comma takes that
    /// figure's unit written after it.
    fn share_units(&self, figures: &mut [Figure]) {
        for k in (0..figures.len().saturating_sub(1)).rev() {
            let (Some(a), Some(b)) = (figures.get(k), figures.get(k + 1)) else {
                continue;
            };
            let joined = b.first_token == a.end_token + 1
                && matches!(self.low(a.end_token), "or" | "and" | "," | "to" | "nor");
            let borrow = joined
                && a.unit.is_none()
                && !a.vague
                && a.kind == FigureKind::Count
                && b.unit.is_some_and(|u| u.dimension != "currency")
                && b.kind.is_quantity();
            if borrow {
                let (unit, kind, share) = (b.unit, b.kind, b.share);
                if let Some(a) = figures.get_mut(k) {
                    a.unit = unit;
                    a.kind = kind;
                    a.share = share;
                }
            }
        }
    }
}

impl Reader<'_> {
    /// "six or seven months", "60 or 80 makers", "17 or 18 percent": two
    /// rising exact numbers joined by "or", the first bare or in the
    /// second's unit, state one range.
    fn or_ranges(&self, figures: &mut Vec<Figure>) {
        let mut k = 0;
        while k + 1 < figures.len() {
            let (Some(a), Some(b)) = (figures.get(k), figures.get(k + 1)) else {
                break;
            };
            // ("three, five or ten years ago" is a list; "either $43 billion
            // or $55 billion" and "60 percent or 70 percent", each with its
            // own unit, are alternatives.)
            let listed = a.first_token > 0
                && (self.s(a.first_token - 1) == "," || self.low(a.first_token - 1) == "either");
            let own_unit =
                a.unit_span.is_some() || a.unit.is_some_and(|u| u.dimension == "currency");
            let joined =
                b.first_token == a.end_token + 1 && self.low(a.end_token) == "or" && !listed;
            let exact = |f: &Figure| {
                f.bound == Bound::Exact && !f.vague && f.kind.is_quantity() && f.low == f.high
            };
            // ("a 90.25 dlr or 384 mln dlr offer" names one amount twice.)
            let rising = matches!((a.low, b.low), (Some(x), Some(y)) if x < y && y <= 10.0 * x);
            let same_unit = a.unit.map(|u| u.id) == b.unit.map(|u| u.id);
            if joined
                && exact(a)
                && exact(b)
                && rising
                && same_unit
                && !own_unit
                && a.rate.is_none()
            {
                let (high, end, end_token, rate) = (b.high, b.end, b.end_token, b.rate);
                if let Some(a) = figures.get_mut(k) {
                    a.high = high;
                    a.bound = Bound::Range;
                    a.end = end;
                    a.end_token = end_token;
                    a.rate = rate;
                }
                figures.remove(k + 1);
            }
            k += 1;
        }
    }

    /// "Turnover 1.93 billion stg vs 1.91 billion", "rose to 702 yuan from
    /// 520.1": a bare number compared with the figure just before it
    /// ("vs", "from", "against", "compared with") is in that figure's unit,
    /// when the two are of one order of magnitude and nothing is counted
    /// after the second. Not for ratios and times: "rose 0.7 pct from
    /// 2,105" compares an index, not a percentage.
    fn carry_units_back(&self, figures: &mut [Figure]) {
        for k in 1..figures.len() {
            let (Some(a), Some(b)) = (figures.get(k - 1), figures.get(k)) else {
                continue;
            };
            let gap = b.first_token.saturating_sub(a.end_token);
            let joined = match gap {
                1 => matches!(
                    self.low(a.end_token),
                    "vs" | "vs." | "versus" | "from" | "against"
                ),
                2 => {
                    self.low(a.end_token) == "compared"
                        && matches!(self.low(a.end_token + 1), "with" | "to")
                }
                _ => false,
            };
            let Some(unit) = a.unit else { continue };
            let same_order = match (a.value(), b.value()) {
                (Some(x), Some(y)) if x > 0.0 && y > 0.0 => (0.01..=100.0).contains(&(x / y)),
                _ => false,
            };
            let carry = joined
                && same_order
                && b.unit.is_none()
                && b.kind == FigureKind::Count
                && !b.vague
                && !b.share
                && !matches!(unit.dimension, "ratio" | "time" | "multiplier" | "score")
                && matches!(a.kind, FigureKind::Amount)
                && !self.lowercase_noun(b.end_token);
            if carry {
                if let Some(b) = figures.get_mut(k) {
                    b.unit = Some(unit);
                    b.kind = FigureKind::Amount;
                }
            }
        }
    }
}

impl Reader<'_> {
    /// "Apple sold 231m iPhones, up from 217m.": where the sentence already
    /// wrote millions as "m", a later bare "217m" is millions too, not metres.
    fn millions_in_context(&self, figures: &mut [Figure]) {
        let m_surface = |f: &Figure| {
            f.unit_id() == Some("metre")
                && f.unit_span
                    .is_some_and(|(a, b)| self.text.get(a..b) == Some("m") && f.start < a)
        };
        let millions = figures.iter().any(|f| {
            f.unit.is_none()
                && self
                    .text
                    .get(f.start..f.end)
                    .is_some_and(|t| t.ends_with('m'))
        });
        if !millions {
            return;
        }
        for f in figures.iter_mut() {
            let glued = f.unit_span.is_some_and(|(a, _)| {
                self.text
                    .get(..a)
                    .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()))
            });
            if m_surface(f) && glued && f.rate.is_none() {
                f.low = f.low.map(|v| v * 1e6);
                f.high = f.high.map(|v| v * 1e6);
                f.unit = None;
                f.unit_span = None;
                f.kind = FigureKind::Count;
            }
        }
    }
}

/// The rate phrase ("per year", "a day") starting at token `i`, and the
/// token after it, over tokens of `layer`.
pub(crate) fn rate_after_in(
    lex: &Lexicon,
    text: &str,
    toks: &[Tok],
    layer: &TokenLayer,
    i: usize,
) -> Option<(&'static str, usize)> {
    let reader = Reader {
        text,
        toks,
        layer,
        european: false,
        lex,
    };
    reader.rate_at(i)
}
