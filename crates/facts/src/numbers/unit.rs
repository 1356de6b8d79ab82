//! Units, currencies and rates around a numeral.

use super::numeral::Numeral;
use super::Reader;
use crate::tokens::Kind;
use crate::units::{UnitInfo, UnitMatch, UnitSurface};

/// Indices of `surfaces` by the ASCII-lowercased first byte a match must
/// start with, each list in the original order, so a lookup tries only the
/// entries that can match and still finds the first one that does.
pub(crate) fn by_first_byte<'s>(surfaces: impl Iterator<Item = &'s str>) -> Vec<Vec<usize>> {
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

/// The entries of a [`by_first_byte`] index that can match at the start of `rest`.
fn candidates<'i>(index: &'i [Vec<usize>], rest: &str) -> &'i [usize] {
    let key = rest.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    index.get(usize::from(key)).map_or(&[], Vec::as_slice)
}

/// Units that carry a rate of their own: "500,000 bpd" is barrels per day.
const RATE_UNITS: &[(&str, &str)] = &[("bpd", "per day"), ("b/d", "per day")];

/// A unit read after a number.
#[derive(Debug, Clone, Copy)]
pub(super) struct UnitRead {
    pub unit: UnitInfo,
    /// The token after the unit.
    pub end: usize,
    pub surface: &'static str,
    pub matching: UnitMatch,
    /// Byte range of the surface in the text.
    pub span: (usize, usize),
}

/// The byte length of `surface` matched at the start of `rest`, any run of
/// whitespace in `rest` matching one space of `surface` ("per\ncent");
/// ASCII case folded when `fold`.
fn match_len(rest: &str, surface: &str, fold: bool) -> Option<usize> {
    let r = rest.as_bytes();
    let mut k = 0;
    for &b in surface.as_bytes() {
        if b == b' ' {
            let from = k;
            while r.get(k).is_some_and(u8::is_ascii_whitespace) {
                k += 1;
            }
            if k == from {
                return None;
            }
            continue;
        }
        let c = *r.get(k)?;
        let same = if fold {
            c.eq_ignore_ascii_case(&b)
        } else {
            c == b
        };
        if !same {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// True when `rest[len..]` does not continue a word.
fn ends_word(rest: &str, len: usize) -> bool {
    !rest
        .get(len..)
        .and_then(|a| a.chars().next())
        .is_some_and(char::is_alphanumeric)
}

impl Reader<'_> {
    /// The token index after the one holding byte offset `end_off`, from `i`.
    fn token_after(&self, i: usize, end_off: usize) -> usize {
        let mut j = i;
        while self.tok(j).is_some_and(|x| x.start() < end_off) {
            j += 1;
        }
        j
    }

    /// The unit starting at token `i`, with the token index after it; an
    /// ambiguous surface is resolved from the sentence's words.
    pub(super) fn unit_at(&self, i: usize, words_only: bool) -> Option<(UnitInfo, usize)> {
        self.unit_read_at(i, words_only).map(|r| (r.unit, r.end))
    }

    /// [`Reader::unit_at`] with the matched surface.
    pub(super) fn unit_read_at(&self, i: usize, words_only: bool) -> Option<UnitRead> {
        let t = self.tok(i)?;
        let rest = self.text.get(t.start()..)?;
        let attached = i > 0 && self.touching(i - 1, i);
        let mut found: Option<(usize, &UnitSurface)> = None;
        let mut units: Vec<&UnitInfo> = Vec::new();
        let index = &self.lex.units;
        // "month's": the tokenizer keeps an inner apostrophe; the unit is
        // the part before it.
        let low = self.low(i);
        let key = match index.after_by_first_token.get(low) {
            Some(_) => low,
            None => low.split(['\'', '’']).next().unwrap_or(low),
        };
        let listed = index
            .after_by_first_token
            .get(key)
            .map_or(&[][..], Vec::as_slice);
        for &k in listed {
            let Some(u) = index.after.get(k) else {
                continue;
            };
            // Longest surfaces come first: once one matched, only other
            // readings of the same surface may follow.
            if let Some((_, f)) = found {
                if u.surface.len() < f.surface.len() {
                    break;
                }
                if !f.surface.eq_ignore_ascii_case(u.surface) {
                    continue;
                }
            }
            let allowed = match u.matching {
                UnitMatch::Word => true,
                UnitMatch::Exact => !words_only,
                UnitMatch::Attached => !words_only && attached,
                UnitMatch::Prefix | UnitMatch::Lookup => false,
            };
            if !allowed {
                continue;
            }
            let Some(len) = match_len(rest, u.surface, u.matching == UnitMatch::Word) else {
                continue;
            };
            if !ends_word(rest, len) {
                continue;
            }
            if found.is_none() {
                found = Some((len, u));
            }
            if !units.iter().any(|x| x.id == u.unit.id) {
                units.push(&u.unit);
            }
        }
        let (len, surface) = found?;
        let unit = if units.len() > 1 {
            *self.lex.disambiguate(&units, self.context_words())?
        } else {
            **units.first()?
        };
        Some(UnitRead {
            unit,
            end: self.token_after(i, t.start() + len),
            surface: surface.surface,
            matching: surface.matching,
            span: (t.start(), t.start() + len),
        })
    }

    /// A currency symbol or code written before the number at `i` ("$",
    /// "US$", "€", "USD "), with the token it starts at.
    pub(super) fn currency_before(&self, i: usize) -> Option<(UnitInfo, usize)> {
        let t = self.tok(i)?;
        let head = self.text.get(..t.start())?.trim_end();
        let last = usize::from(*head.as_bytes().last()?);
        let mut matched: Option<(&'static str, Vec<&UnitInfo>)> = None;
        for u in self.lex.units.prefix_by_last_byte.get(last)?.iter() {
            let surface = u.surface.trim_end();
            if let Some((s, units)) = &mut matched {
                if *s == surface && !units.iter().any(|x| x.id == u.unit.id) {
                    units.push(&u.unit);
                }
                continue;
            }
            if !head.ends_with(surface) {
                continue;
            }
            // A code or letter symbol must start a word: "USD 5", not "NUSD 5".
            let before = head.get(..head.len() - surface.len()).unwrap_or("");
            let letter_start = surface.chars().next().is_some_and(char::is_alphabetic);
            if letter_start
                && before
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            // A written-out code needs a space before the number ("USD 5").
            if u.surface.ends_with(' ') && head.len() == self.text.get(..t.start())?.len() {
                continue;
            }
            matched = Some((surface, vec![&u.unit]));
        }
        let (surface, units) = matched?;
        let unit = if units.len() > 1 {
            *self.lex.disambiguate(&units, self.context_words())?
        } else {
            **units.first()?
        };
        let start = head.len() - surface.len();
        let mut j = i;
        while j > 0 && self.tok(j - 1).is_some_and(|x| x.start() >= start) {
            j -= 1;
        }
        Some((unit, j))
    }

    /// The rate at token `i` ("per year", "a day", "/mo", "per share"),
    /// with the token after it.
    pub(crate) fn rate_at(&self, i: usize) -> Option<(&'static str, usize)> {
        // "a year earlier", "a week ago": a time, not a rate.
        if matches!(self.low(i), "a" | "an")
            && matches!(
                self.low(i + 2),
                "earlier" | "ago" | "before" | "later" | "after" | "previously" | "prior"
            )
        {
            return None;
        }
        let t = self.tok(i)?;
        let rest = self.text.get(t.start()..)?;
        let rates = candidates(&self.lex.index.rates_by_first_byte, rest)
            .iter()
            .filter_map(|&k| self.lex.rates.get(k));
        for (surface, canonical) in rates {
            if let Some(len) = match_len(rest, surface, true) {
                if ends_word(rest, len) {
                    return Some((canonical, self.token_after(i, t.start() + len)));
                }
            }
        }
        None
    }

    /// The rate a unit surface itself carries ("bpd").
    pub(super) fn rate_of_surface(surface: &str) -> Option<&'static str> {
        RATE_UNITS
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(surface))
            .map(|(_, r)| *r)
    }

    /// Rules out unit readings that are almost always something else.
    pub(super) fn unit_plausible(&self, u: &UnitRead, n: &Numeral, at: usize) -> bool {
        // "three km" is unusual; "three kilometres" is how words go.
        if n.words && u.matching != UnitMatch::Word && u.surface.chars().all(char::is_alphabetic) {
            return false;
        }
        let after = u.end;
        if Reader::video_mode(n, u.surface) {
            return false;
        }
        // "80 Day Obsession": a capitalised unit word inside a title; a
        // headline in capitals ("75 MLN DLRS IN CREDIT") is no title.
        let title_case = |k: usize| {
            self.capitalized_word(k) && self.s(k).chars().skip(1).any(char::is_lowercase)
        };
        if u.matching == UnitMatch::Word
            && title_case(at)
            && self.capitalized_word(after)
            && u.surface.chars().next().is_some_and(char::is_lowercase)
        {
            return false;
        }
        // "L-202", "m212": a code, not a unit ("41%–43%" is a range).
        let letters = u.surface.chars().all(char::is_alphabetic);
        if letters && self.tight_dash(after) && self.is_num(after + 1)
            || self.is_num(after) && self.touching(after - 1, after)
        {
            return false;
        }
        match u.surface {
            // "2 in thick" is inches; "45 in the region", "4 in favour" and
            // "2 in custody" are not.
            "in" => match self.kind(after) {
                None => true,
                Some(Kind::Punct) => self.s(after) != "(",
                Some(Kind::Number) => false,
                Some(Kind::Word) => self.lex.number_cue("inch_after", self.low(after)),
            },
            // "2 pm" is a time of day; "2.1 pm" a length.
            "pm" | "am" => !self.looks_like_clock(n),
            // "the 1960s", "the 80s".
            "s" => !(n.plain_int && (n.digit_count == 4 || self.decade_of_two(n, at))),
            // "Clinton won 73 percent" puts the verb first; "5,000 won"
            // ends a phrase or precedes a name; a magnitude or a price
            // ("50 billion won to", "104.21 won per litre") is money.
            "won" => {
                n.scaled
                    || n.value.fract() != 0.0
                    || !self.is_word(after)
                    || self.capitalized_word(after)
                    || self.low(after) == "per"
            }
            // "in the 1994 second quarter": an ordinal after a year.
            "second" => !self.lex.number_cue("second_ordinal", self.low(after)),
            "t" | "g" | "h" | "l" | "L" | "m" | "B" | "W" | "V" | "J" | "mt" => {
                self.touching(at.saturating_sub(1), at) || !self.is_word(after)
            }
            _ => u.unit.dimension != "time" || !self.clock_follows(at),
        }
    }

    /// "the 80s", "early 90s", "'60s": a two-digit decade before an "s" at `at`.
    pub(super) fn decade_of_two(&self, n: &Numeral, at: usize) -> bool {
        let first = n.end.saturating_sub(1);
        n.plain_int
            && n.digit_count == 2
            && n.value % 10.0 == 0.0
            && self.s(at) == "s"
            && self.touching(first, at)
            && first > 0
            && (matches!(
                self.low(first - 1),
                "the" | "early" | "late" | "mid" | "his" | "her" | "their"
            ) || matches!(self.s(first - 1), "'" | "’" | "-"))
    }

    /// "720p", "1080p": video modes, not pence.
    pub(super) fn video_mode(n: &Numeral, surface: &str) -> bool {
        surface == "p"
            && n.plain_int
            && matches!(
                n.value as u32,
                144 | 240 | 360 | 480 | 576 | 720 | 1080 | 1440 | 2160 | 4320
            )
    }

    /// "a.m.", "p.m.", "am", "pm" at token `i`.
    pub(super) fn clock_follows(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let rest = self.text.get(t.start()..).unwrap_or("");
        ["a.m", "p.m", "am", "pm", "o'clock", "o’clock"]
            .iter()
            .any(|s| match_len(rest, s, true).is_some_and(|len| ends_word(rest, len)))
    }

    /// The token after a clock suffix starting at `i` ("p.m." is four tokens).
    pub(super) fn token_after_clock(&self, i: usize) -> usize {
        let Some(t) = self.tok(i) else { return i };
        let rest = self.text.get(t.start()..).unwrap_or("");
        let len = ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"]
            .iter()
            .find_map(|s| match_len(rest, s, true))
            .unwrap_or(0);
        self.token_after(i, t.start() + len.max(1))
    }

    pub(super) fn looks_like_clock(&self, n: &Numeral) -> bool {
        let v = n.value;
        if n.plain_int {
            return (1.0..=12.0).contains(&v);
        }
        let frac = ((v - v.trunc()) * 100.0).round();
        let two_decimals = ((v * 100.0).round() - v * 100.0).abs() < 1e-6
            && ((v * 10.0).round() - v * 10.0).abs() > 1e-6;
        (1.0..13.0).contains(&v) && two_decimals && frac < 60.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surfaces_match_across_line_breaks_and_case() {
        assert_eq!(match_len("per\n  cent of", "per cent", true), Some(10));
        assert_eq!(match_len("Per Cent", "per cent", true), Some(8));
        assert_eq!(match_len("km/h", "km/h", false), Some(4));
        assert_eq!(match_len("KM", "km", false), None);
        assert_eq!(match_len("percent", "per cent", true), None);
    }
}
