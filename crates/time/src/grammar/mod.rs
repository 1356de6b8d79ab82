//! The temporal grammar: at each token, every rule proposes a match; the
//! longest wins. Rules read the lexicon and resolve values against the
//! anchor and what the text said before (last explicit year, last quarter).

use chrono::{Datelike, NaiveDate};
use crosscheck_model::TimexType;

use crate::lexicon::Lexicon;
use crate::tense::{clause_tense, Tense};
use crate::words::{Kind, Tok};

mod amounts;
mod days;
mod periods;

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
    /// A year stated explicitly earlier in the current sentence: "In 2019,
    /// the dam failed on March 3" means March 3, 2019 whatever the anchor.
    pub sentence_year: Option<i32>,
    /// The date the text stated explicitly last, for placing year-less dates
    /// in an undated text.
    pub last_stated: Option<Stated>,
}

/// An explicitly stated date: a year, maybe a month and day, and whether
/// the text introduced it as the start of what it tells ("since ...").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stated {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub start: bool,
}

/// Where the words before a year-less date place it relative to the date
/// stated last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Narrative {
    Later,
    Earlier,
    Unmarked,
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
    pub toks: &'a [Tok<'a>],
    pub lex: &'a Lexicon,
    pub ctx: &'a Context,
}

impl<'a> Matcher<'a> {
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.lower).unwrap_or("")
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    fn any(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.w(i))
    }

    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
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
        if t.kind == Kind::Word && !self.lex.triggers.contains(t.lower)
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
        let m = *self.lex.months.get(t.lower)?;
        if !t.capitalised {
            return None;
        }
        let full = t.lower.len() > 4 || matches!(t.lower, "may" | "june" | "july");
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
    /// forward when it lies well before it in a future one); without an
    /// anchor, the one the text's own dates and narrative cues imply.
    fn year_for(&self, month: u32, day: Option<u32>, start: usize, end: usize) -> Option<i32> {
        if let Some(y) = self.ctx.sentence_year {
            // "Since October 2024 he was silent; on April 27 he spoke": the
            // date follows the stated one only when the words say so.
            let follows = self.ctx.last_stated.filter(|s| s.year == y).and_then(|s| {
                let later = self.placed_before(s, month, day)
                    && match self.narrative(start) {
                        Narrative::Later => true,
                        Narrative::Earlier => false,
                        Narrative::Unmarked => s.start,
                    };
                later.then_some(y + 1)
            });
            return Some(follows.unwrap_or(y));
        }
        let Some(anchor) = self.ctx.anchor else {
            return self.year_from_text(month, day, start, end);
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

    /// Without a document date: a year-less date that in the year stated
    /// last would fall before the stated date goes to the first such date
    /// after it when the text presents it as later ("surfaced in October
    /// 2024 ... silent until late April"), stays in that year when it
    /// presents it as earlier ("had fallen in March"), and stays unresolved
    /// when nothing tells.
    fn year_from_text(
        &self,
        month: u32,
        day: Option<u32>,
        start: usize,
        end: usize,
    ) -> Option<i32> {
        let stated = self.ctx.last_stated?;
        // "will be paid on April 13": a plan, not a step of the story.
        let before = self.toks.get(..start).unwrap_or(&[]);
        let after = self.toks.get(end..).unwrap_or(&[]);
        if clause_tense(before, after, self.lex) == Tense::Future {
            return None;
        }
        // Across sentences only a word like "until" or "later" says the date
        // follows the stated one: "had not happened since August 1984. ...
        // in January" is this January, not the one after August 1984.
        let later =
            self.placed_before(stated, month, day) && self.narrative(start) == Narrative::Later;
        later.then_some(stated.year + 1)
    }

    /// Whether `month`/`day` in the stated date's year lies before it.
    fn placed_before(&self, stated: Stated, month: u32, day: Option<u32>) -> bool {
        let Some(sm) = stated.month else {
            return false;
        };
        match (day, stated.day) {
            (Some(d), Some(sd)) if month == sm => d < sd,
            _ => month < sm,
        }
    }

    /// The nearest narrative cue among the few words before token `start`.
    fn narrative(&self, start: usize) -> Narrative {
        let lex = self.lex;
        for k in (start.saturating_sub(8)..start).rev() {
            let w = self.w(k);
            if lex
                .later_cues
                .iter()
                .chain(&lex.future_markers)
                .any(|c| c == w)
            {
                return Narrative::Later;
            }
            if lex.earlier_cues.iter().any(|c| c == w) {
                return Narrative::Earlier;
            }
        }
        Narrative::Unmarked
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
