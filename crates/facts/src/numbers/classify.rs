//! What a figure is: an amount, or a number that names, dates or ranks.

use super::figure::Draft;
use super::{is_dash, FigureKind, Reader};

impl Reader<'_> {
    pub(super) fn classify(&self, d: &Draft) -> FigureKind {
        let (i, n, end) = (d.i, &d.n, d.end);
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
        if matches!(self.low(n.end), "st" | "nd" | "rd" | "th") && self.touching(n.end - 1, n.end) {
            return FigureKind::Ordinal;
        }
        // "a six-figure salary": how many digits a number has, not a count.
        // "a two-way race": a description, not a count of ways.
        if self.tight_dash(n.end)
            && (self.lex.number_cue("number_size", self.low(n.end + 1))
                || self.lex.number_cue("compound_idiom", self.low(n.end + 1)))
        {
            return FigureKind::Identifier;
        }
        // "zero coupon notes", "zero-sum game", "zero tolerance": kinds, not
        // amounts of nothing.
        if n.words && n.value == 0.0 {
            let after = if self.tight_dash(n.end) {
                n.end + 1
            } else {
                n.end
            };
            if self.lex.number_cue("zero_idiom", self.low(after)) {
                return FigureKind::Identifier;
            }
        }
        // "fees now start at six figures": a spelled-out size, as above;
        // "all three figures" and "the two figures" count statistics.
        let before = if i > 0 { self.low(i - 1) } else { "" };
        // ("in the seven figures" is still the size of a number.)
        let in_the = before == "the" && i >= 2 && self.low(i - 2) == "in";
        let determined = !in_the
            && (self.lex.number_cue("elided_before", before)
                || self.lex.classes.definite_determiner.contains(before));
        if n.words
            && n.value >= 4.0
            && !determined
            && d.unit.is_none()
            && self.lex.number_cue("number_size_plural", next)
        {
            return FigureKind::Identifier;
        }
        if self.time_of_day(d) {
            return FigureKind::TimeOfDay;
        }
        if self.is_num(i) && self.designation(d) {
            return FigureKind::Identifier;
        }
        if !self.is_num(i) && self.word_designation(d) {
            return FigureKind::Identifier;
        }
        if let Some(kind) = self.calendar(d) {
            return kind;
        }
        if let Some(u) = d.unit {
            if u.dimension == "time" {
                // "30 years old", "a 30-year-old", "18 months of age".
                let old = next == "old" || (is_dash(self.s(end)) && self.low(end + 1) == "old");
                let of_age = next == "of" && self.low(end + 1) == "age";
                return if old || of_age {
                    FigureKind::Age
                } else {
                    FigureKind::Duration
                };
            }
            return FigureKind::Amount;
        }
        if self.is_age(d) {
            return FigureKind::Age;
        }
        FigureKind::Count
    }

    /// "2 pm", "6 a.m.", "14:30", "1805 GMT", "at three o’clock".
    fn time_of_day(&self, d: &Draft) -> bool {
        let n = &d.n;
        if !self.is_num(d.i) {
            return n.words && d.unit.is_none() && n.value <= 12.0 && self.clock_follows(n.end);
        }
        if d.unit.is_none() && self.clock_follows(n.end) && self.looks_like_clock(n) {
            return true;
        }
        if self.s(n.end) == ":" && self.touching(n.end - 1, n.end) && self.is_num(n.end + 1) {
            return true;
        }
        let v = n.value;
        let clock = n.plain_int
            && n.digit_count == 4
            && v < 2400.0
            && v % 100.0 < 60.0
            && self.lex.number_cue("time_zone", self.low(n.end));
        if clock && (self.low(n.end) != "local" || self.low(n.end + 1) == "time") {
            return true;
        }
        // "1000 hrs cdt", "at 2300 hours", "from 0700 to 0930 hrs Lisbon
        // time": a clock time written with the unit, known by a time zone
        // after it or a word of when before it.
        let on_clock = |x: f64| (0.0..2400.0).contains(&x) && x % 100.0 < 60.0 && x.fract() == 0.0;
        let hours = d.unit.is_some_and(|u| u.id == "hour")
            && !d.hyphenated
            && (!d.range || (on_clock(d.low) && on_clock(d.high)));
        let before = if d.i > 0 { self.low(d.i - 1) } else { "" };
        // A zone ("cdt", "local"), or a place's time ("Chicago time").
        let zone = self.lex.number_cue("time_zone", self.low(d.end))
            || (self.low(d.end + 1) == "time"
                && !self.lex.number_cue("not_a_clock_place", self.low(d.end)));
        n.plain_int
            && n.digit_count == 4
            && on_clock(v)
            && hours
            && (zone
                || (self.lex.number_cue("clock_before", before)
                    && !matches!(self.low(d.end), "of" | "a" | "an" | "per" | "each")))
    }

    /// A number that names something: a model or product ("737 Max",
    /// "Boeing 777", "F-16", "A320"), a list ("Fortune 500"), a label
    /// ("page 3"), a dialled number, a citation "(10, 11)".
    fn designation(&self, d: &Draft) -> bool {
        let (i, n) = (d.i, &d.n);
        if d.currency_before {
            return false;
        }
        if self.designation_word_after(d) || self.code_after(d) || self.address(d) {
            return true;
        }
        let Some(prev) = i.checked_sub(1) else {
            return self.list_label(d);
        };
        // "the #1 enemy": a rank.
        if self.s(prev) == "#" && self.touching(prev, i) {
            return true;
        }
        // "H1", "A320", "i7": letters glued to the digits; "ID.3" through a dot.
        if self.is_word(prev) && self.touching(prev, i) {
            return true;
        }
        if self.s(prev) == "."
            && prev > 0
            && self.touching(prev, i)
            && self.touching(prev - 1, prev)
            && self.is_word(prev - 1)
            && self.capitalized_word(prev - 1)
        {
            return true;
        }
        // "F-16", "COVID-19", "G-7", "scp-173".
        if self.hyphened_to_word(prev) {
            return true;
        }
        // "version 9.0", "Section 3.2": a decimal after a noun that numbers
        // versions and parts of texts names one.
        let decimal = self.s(i).contains('.') && !self.s(i).contains(',') && !n.scaled;
        if d.unit.is_none()
            && decimal
            && self.lex.number_cue("decimal_label", self.low(prev))
            && !self.lowercase_noun(d.end)
        {
            return true;
        }
        if d.unit.is_some() || !n.plain_int || d.first != i {
            return false;
        }
        // "a 911 caller", "a 787 jet": an article counts one thing, so the
        // number after it names the thing.
        // ("a 46-page report": the article belongs to the compound.)
        // "an 8-K filing", "a 747-SR" stay names: the word must be lower case.
        let compound = self.tight_dash(d.end)
            && self.is_word(d.end + 1)
            && self.s(d.end + 1).len() > 1
            && !self.s(d.end + 1).chars().any(char::is_uppercase);
        if matches!(self.low(prev), "a" | "an")
            && n.value != 1.0
            && !n.scaled
            && !compound
            && !matches!(self.low(d.end), "yo" | "y.o")
        {
            return true;
        }
        // "the 486 chip", "the 6300 personal computer": after "the", three
        // digits or more before a product noun name a model ("the 486
        // chips", "the 2400 level" and "the 173 commercial growers" count).
        let product = |k: usize| self.lex.number_cue("product_noun", self.low(k));
        let named = product(d.end) || (self.lowercase_noun(d.end) && product(d.end + 1));
        if self.low(prev) == "the" && n.digit_count >= 3 && named {
            return true;
        }
        // "roughly 400 737 Max jets": a bare number right after another
        // ("almost 650 18-hole courses" counts holes in a compound).
        if self.is_num(prev) && !self.touching(prev, i) && !compound {
            return true;
        }
        let prev_low = self.low(prev);
        // "Boeing 777", "Fortune 500", "Windows 10".
        let sentence_start = prev == 0;
        // "iPhone 7", "iPadOS 13", "eBay 2": a brand written in mixed case.
        if self.mixed_case_word(prev) {
            return true;
        }
        // ("Iowa's 99 counties": a possessive owns what is counted; but
        // "Standard and Poor's 500 index" and "NEC's 9801 V" name.)
        let possessive = (prev_low.ends_with("'s") || prev_low.ends_with("’s"))
            && !self.lex.number_cue("naming_possessive", prev_low)
            && (self.lowercase_noun(d.end)
                || self.tight_dash(d.end) && self.lowercase_noun(d.end + 1))
            && !product(d.end)
            && !self
                .lex
                .number_cue("named_after_possessive", self.low(d.end));
        let name_before = self.capitalized_word(prev)
            && !possessive
            && !self.is_month(prev)
            && !self.lex.np_stop.contains(prev_low)
            && !self
                .lex
                .modifiers
                .iter()
                .any(|(p, _)| p.last().is_some_and(|w| *w == prev_low))
            && (!sentence_start || !self.lowercase_noun(d.end));
        if name_before {
            return true;
        }
        // "page 3", "exit 436", "type 2".
        if self.lex.label_nouns.contains(prev_low) {
            return true;
        }
        if self.lex.number_cue("dialling", prev_low) {
            return true;
        }
        // "911 calls", "a 999 operator": the emergency line, not a count.
        if self.lex.number_cue("emergency", self.s(i))
            && self.lex.number_cue("emergency_after", self.low(d.end))
        {
            return true;
        }
        self.list_label(d)
    }

    /// Token `dash` is a hyphen tight between a word that is no number and
    /// no prefix such as "mid-" or "below-", and the number after it: the
    /// number belongs to that word ("F-16", "COVID-19", "high-five").
    fn hyphened_to_word(&self, dash: usize) -> bool {
        // An em dash sets off a clause ("floods in recent years—26 cases"); names
        // are joined with hyphens and en dashes.
        dash >= 1
            && self.tight_dash(dash)
            && self.s(dash) != "—"
            && self.is_word(dash - 1)
            && self.word_value(dash - 1).is_none()
            && !self.lex.number_cue("dash_prefix", self.low(dash - 1))
    }

    /// A spelled-out number that is part of a word or a name: "high-five",
    /// "two-for-one" (a compound with a word that is no number and no prefix
    /// such as "mid-" or "below-"), "number one", "page two", "Phase Three"
    /// (after a label noun, with no unit).
    fn word_designation(&self, d: &Draft) -> bool {
        let Some(prev) = d.first.checked_sub(1) else {
            return false;
        };
        let compound = self.hyphened_to_word(prev);
        // "on the day two soldiers died": a label noun names only when no
        // counted noun follows, but "number" ranks ("the number two producer").
        let label = self.low(prev);
        let labelled = d.unit.is_none()
            && !d.n.vague
            && self.lex.label_nouns.contains(label)
            && (matches!(label, "number" | "no" | "no.") || !self.lowercase_noun(d.end));
        compound || labelled
    }

    /// Letters glued on after the number that are no unit, magnitude or
    /// ordinal: "24703m212", "2o15", "802.11ac", "5G", "1080p", "4K TVs".
    fn code_after(&self, d: &Draft) -> bool {
        let e = d.n.end;
        let glued = d.unit.is_none() && self.is_word(e) && self.touching(e - 1, e);
        glued
            && !matches!(
                self.low(e),
                "s" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "a" | "p" | "yo"
            )
            && !self.clock_follows(e)
            || glued && Reader::video_mode(&d.n, self.s(e))
    }

    /// "1600 Pennsylvania Avenue", "123 Random Street": a street number.
    fn address(&self, d: &Draft) -> bool {
        if d.unit.is_some() || !d.n.plain_int {
            return false;
        }
        // "131 West 23rd Street": an ordinal may stand in the name.
        let ordinal = |k: usize| {
            self.is_num(k)
                && matches!(self.low(k + 1), "st" | "nd" | "rd" | "th")
                && self.touching(k, k + 1)
        };
        let mut k = d.end;
        while k < d.end + 4 {
            if self.capitalized_word(k) {
                if self.lex.number_cue("street", self.low(k)) {
                    return k > d.end;
                }
                k += 1;
            } else if ordinal(k) {
                k += 2;
            } else {
                break;
            }
        }
        false
    }

    /// "737 Max", "iPhone 11 Pro": a product-line word after the number.
    fn designation_word_after(&self, d: &Draft) -> bool {
        d.unit.is_none()
            && d.n.plain_int
            && self.capitalized_word(d.end)
            && self.lex.designation_words.contains(self.s(d.end))
    }

    /// "(10, 11)" citations and "1)" list marks.
    fn list_label(&self, d: &Draft) -> bool {
        if d.unit.is_some() || !d.n.plain_int {
            return false;
        }
        let i = d.i;
        let prev = i.checked_sub(1).map(|k| self.s(k)).unwrap_or("");
        let next = self.s(d.end);
        if next == ")" && (i == 0 || matches!(prev, ";" | ":")) {
            return true;
        }
        if !matches!(prev, "(" | ",") || !matches!(next, ")" | ",") {
            return false;
        }
        // Only numbers and commas between the brackets.
        let only_numbers = |k: usize| self.is_num(k) || self.s(k) == ",";
        let mut a = i;
        while a > 0 && only_numbers(a - 1) {
            a -= 1;
        }
        let mut b = d.end;
        while only_numbers(b) {
            b += 1;
        }
        a > 0 && self.s(a - 1) == "(" && self.s(b) == ")"
    }

    /// Calendar: "April 27", "27 April", "October 2024", "1953", "2013-14".
    fn calendar(&self, d: &Draft) -> Option<FigureKind> {
        let (i, n, end) = (d.i, &d.n, d.end);
        if !self.is_num(i) || !n.plain_int || d.unit.is_some() {
            return None;
        }
        let v = n.value;
        let month_before = i > 0 && self.is_month(i - 1);
        let month_after = self.is_month(n.end);
        if (1.0..=31.0).contains(&v) && (month_before || month_after) && n.digit_count <= 2 {
            return Some(FigureKind::DateDay);
        }
        let decade = self.s(n.end) == "s" && self.touching(n.end - 1, n.end);
        // "the 80s": a decade.
        if self.decade_of_two(n, n.end) {
            return Some(FigureKind::Year);
        }
        let next_word_noun = self.is_word(end)
            && !self.lex.np_stop.contains(self.low(end))
            && !self.capitalized_word(end)
            && !decade;
        // Plain four digits in the calendar range are years ("1986 wine
        // exports") unless a count modifier precedes them ("some 2000 troops").
        // "below 2005 levels" compares with a year, whatever stands before it.
        let modified = d.first < i && !self.lex.number_cue("year_noun_after", self.low(end));
        let calendar = (1800.0..=2100.0).contains(&v) && !modified;
        let four = n.digit_count == 4 && (1000.0..=2100.0).contains(&v);
        if four && (calendar || !next_word_noun || month_before) {
            return Some(FigureKind::Year);
        }
        if d.range && four {
            return Some(FigureKind::Year);
        }
        None
    }

    /// "aged 45", "age 87", "at the age of 45", "87 yo", "Noel, 31,".
    fn is_age(&self, d: &Draft) -> bool {
        let (first, n) = (d.first, &d.n);
        let before = |k: usize| first.checked_sub(k).map(|j| self.low(j)).unwrap_or("");
        if matches!(before(1), "aged" | "age") || (before(1) == "of" && before(2) == "age") {
            return true;
        }
        if matches!(self.low(d.end), "yo" | "y.o") {
            return true;
        }
        // "since I was 17.", "when she turned twelve,": a person's age that
        // ends its clause ("they were 12 or 18 months ago" is no age, nor
        // "he was one of the best").
        let personal = matches!(
            before(2),
            "i" | "he" | "she" | "we" | "they" | "you" | "who"
        ) && matches!(before(1), "was" | "were" | "am" | "is" | "turned");
        if personal
            && d.unit.is_none()
            && (2.0..=120.0).contains(&n.value)
            && n.value.fract() == 0.0
            && !self.is_word(d.end)
            && !self.is_num(d.end)
        {
            return true;
        }
        // "even now at 86 she still says": an age before the clause's subject.
        if before(1) == "at"
            && d.unit.is_none()
            && n.value.fract() == 0.0
            && (2.0..=120.0).contains(&n.value)
            && self.lex.number_cue("age_at_after", self.low(d.end))
        {
            return true;
        }
        // "dies at 92", "died at 87 in Sarn": the age of one who died.
        if before(1) == "at"
            && self.lex.number_cue("died_before", before(2))
            && d.unit.is_none()
            && n.value.fract() == 0.0
            && (2.0..=120.0).contains(&n.value)
        {
            return true;
        }
        // An appositive age: "Noel, 31, is charged".
        let small = n.plain_int && (1.0..=120.0).contains(&n.value) && !n.words;
        small
            && first >= 2
            && self.s(first - 1) == ","
            && (self.capitalized_word(first - 2) || self.lowercase_noun(first - 2))
            && !self.is_month(first - 2)
            && matches!(self.s(d.end), "," | ";" | ")" | "." | "―" | "—" | "–")
    }
}
