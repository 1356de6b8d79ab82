//! Noun-phrase boundaries without a parser: the actor before a verb, the
//! phrase after a preposition, the counted noun after a figure, and how a
//! coordinated actor ("Russia and North Korea") splits into its members.

use crate::lexicon::Lexicon;

use crosscheck_model::{Claim, Document};
use crosscheck_text::{TokenLayer, MAX_CLAIMS_PER_DOCUMENT};

use crate::tokens::{sentence_tokens, without_possessive, Kind, Tok};

/// Reads each sentence of `doc` in turn, cut into the figure reader's
/// tokens, handing `read` the claims so far, the [`Sentence`], its index
/// and its byte range, until `claims` holds a document's most claims;
/// `keep` passes over a sentence by its text (`None`: a range off the text)
/// before it is cut. The loop the quantity and stance extractors share.
pub(crate) fn each_sentence(
    lex: &Lexicon,
    doc: &Document,
    layer: &TokenLayer,
    claims: &mut Vec<Claim>,
    keep: impl Fn(Option<&str>) -> bool,
    mut read: impl FnMut(&mut Vec<Claim>, &Sentence, usize, (usize, usize)),
) {
    let mut toks = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if claims.len() >= MAX_CLAIMS_PER_DOCUMENT {
            break;
        }
        let (s0, s1) = (sentence.range.start, sentence.range.end);
        if !keep(doc.text.get(s0..s1)) {
            continue;
        }
        toks.clear();
        sentence_tokens(layer, &doc.text, si, &mut toks);
        let sent = Sentence::new(&doc.text, &toks, layer, lex);
        read(claims, &sent, si, (s0, s1));
    }
}

/// A lowercase word that reads as a plural noun ("troops", "fishermen").
pub(crate) fn looks_plural(w: &str) -> bool {
    let regular = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is");
    regular
        || w.ends_with("men")
        || matches!(
            w,
            "people" | "police" | "personnel" | "children" | "staff" | "cattle"
        )
}

/// The subject of a verb and the role an appositive gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Subject {
    pub(crate) span: (usize, usize),
    pub(crate) role: Option<(usize, usize)>,
}

impl Subject {
    fn plain(span: (usize, usize)) -> Subject {
        Subject { span, role: None }
    }
}

/// Tokens of one sentence with cheap accessors.
pub(crate) struct Sentence<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Tok],
    /// Holds the tokens' folded forms.
    layer: &'a TokenLayer,
    /// The words the rules read.
    pub(crate) lex: &'a Lexicon,
}

impl<'a> Sentence<'a> {
    /// The sentence cut into `toks`, tokens of `layer`, read with `lex`.
    pub(crate) fn new(
        text: &'a str,
        toks: &'a [Tok],
        layer: &'a TokenLayer,
        lex: &'a Lexicon,
    ) -> Sentence<'a> {
        Sentence {
            text,
            toks,
            layer,
            lex,
        }
    }

    pub(crate) fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    /// The layer holding the tokens' folded forms.
    pub(crate) fn layer(&self) -> &'a TokenLayer {
        self.layer
    }

    /// Token `i` folded (lower case), "" past the end.
    pub(crate) fn low(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| self.layer.fold(t))
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub(crate) fn capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether tokens `a` and `b` touch (no space between them).
    pub(crate) fn touching(&self, a: usize, b: usize) -> bool {
        self.toks
            .get(a)
            .zip(self.toks.get(b))
            .is_some_and(|(x, y)| x.end() == y.start())
    }

    /// Whether token `i` is a quotation mark that can open a quote.
    pub(crate) fn opening_quote_mark(&self, i: usize) -> bool {
        matches!(self.s(i), "“" | "\"" | "‘" | "'")
    }

    pub(crate) fn stop(&self, i: usize) -> bool {
        let w = self.low(i);
        // A negated auxiliary ("doesn't", "won’t") is a verb, whichever it
        // is; "that's", "it’s" are a function word and a verb.
        let contracted = without_possessive(w).is_some_and(|stem| self.lex.np_stop.contains(stem));
        self.lex.np_stop.contains(w) || w.ends_with("n't") || w.ends_with("n’t") || contracted
    }

    /// True when token `h` is a hyphen glued to a word on each side
    /// ("would-be", "a four-lane highway" after its number).
    pub(crate) fn hyphen_joins(&self, h: usize) -> bool {
        h > 0
            && matches!(self.s(h), "-" | "‐")
            && self.touching(h - 1, h)
            && self.touching(h, h + 1)
            && self.is_word(h + 1)
    }

    /// [`Self::stop`] inside a counted phrase, where a word in capitals is an
    /// abbreviation and a hyphen makes a compound of a function word.
    fn counted_stop(&self, i: usize) -> bool {
        if !self.stop(i) {
            return false;
        }
        // "996 likely voters": an adjective before the noun.
        if self.low(i) == "likely" && self.is_word(i + 1) && !self.stop(i + 1) {
            return false;
        }
        // "three US vessels": a word in capitals is an abbreviation, not the
        // pronoun; "two would-be robbers": a hyphen makes a compound of it.
        // (Not in a headline set in capitals: "SIX KILLED IN MINE".)
        let abbreviation = self.s(i).len() > 1
            && self.s(i).chars().all(|c| c.is_ascii_uppercase())
            && self.s(i + 1).chars().any(char::is_lowercase);
        // ("two-for-one" is a ratio, not a compound noun.)
        let not_number =
            |k: usize| self.is_word(k) && !self.lex.number_words.contains_key(self.low(k));
        let joins_words = |h: usize| self.hyphen_joins(h) && not_number(h - 1) && not_number(h + 1);
        let compound = joins_words(i + 1) || (i > 0 && joins_words(i - 1));
        !abbreviation && !compound
    }

    /// Whether `w` (folded) is a one-word reporting phrase ("said").
    fn is_reporting_word(&self, w: &str) -> bool {
        self.lex
            .reporting
            .iter()
            .any(|r| r.len() == 1 && r.first() == Some(&w))
    }

    /// Whether token `i` reads as a nationality adjective ("Russian",
    /// "Chinese") followed by a lowercase word that is no verb form, so that
    /// the phrase goes on to the noun it modifies.
    fn nationality_before_noun(&self, i: usize) -> bool {
        let endings = &self.lex.classes.nationality_ending;
        let w = self.low(i);
        let next = self.low(i + 1);
        let verb_form = next.ends_with("ed")
            || next.ends_with("ing")
            || self.lex.classes.between_verb.contains(next)
            || self.lex.classes.verb_prefix.contains(next)
            || self.is_reporting_word(next);
        let number = next.starts_with(|c: char| c.is_ascii_digit())
            || self.lex.number_words.contains_key(next);
        let date_word = self.lex.months.contains(w) || self.lex.classes.weekday.contains(w);
        w.len() > 3
            && w.chars().all(char::is_alphabetic)
            && !date_word
            && !number
            && (1..=3)
                .any(|n| w.len() > n && w.get(w.len() - n..).is_some_and(|e| endings.contains(e)))
            && self.is_word(i + 1)
            && !self.capitalized(i + 1)
            && !self.stop(i + 1)
            && !verb_form
    }

    /// Byte range of tokens `a..b`.
    pub(crate) fn bytes(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let s = self.toks.get(a)?.start();
        let e = self.toks.get(b.checked_sub(1)?)?.end();
        (a < b).then_some((s, e))
    }

    pub(crate) fn slice(&self, a: usize, b: usize) -> &'a str {
        self.bytes(a, b)
            .and_then(|(s, e)| self.text.get(s..e))
            .unwrap_or("")
    }

    /// The first reporting phrase of the lexicon ("said", "told reporters")
    /// that starts at token `i`.
    pub(crate) fn reporting_at(&self, i: usize) -> Option<&'a [&'static str]> {
        self.lex
            .index
            .reporting_by_first_word
            .get(self.low(i))?
            .iter()
            .filter_map(|&k| self.lex.reporting.get(k))
            .find(|p| self.matches(i, p))
            .map(Vec::as_slice)
    }

    /// Does the phrase `words` (lowercase) start at token `i`?
    pub(crate) fn matches(&self, i: usize, words: &[&str]) -> bool {
        !words.is_empty() && words.iter().enumerate().all(|(k, w)| self.low(i + k) == *w)
    }

    /// The noun phrase ending right before token `end` (exclusive), walking
    /// left: a run of capitalised name words ("U.S. Secretary of State Antony
    /// Blinken", "Neither NATO nor the United States") or, when the head is
    /// lowercase, modifiers and head ("Top South Korean and European Union
    /// officials"). Returns the token range.
    pub(crate) fn np_before(&self, end: usize) -> Option<(usize, usize)> {
        let head = end.checked_sub(1)?;
        if !self.is_word(head) || self.lex.not_subject_pronouns.contains(&self.low(head)) {
            return None;
        }
        let mut start = head;
        if self.capitalized(head) {
            while start > 0 {
                let p = start - 1;
                let w = self.low(p);
                let inner = self.lex.classes.name_inner.contains(w)
                    && p > 0
                    && (self.capitalized(p - 1)
                        || self.low(p - 1) == "the"
                        || self.lex.classes.name_inner.contains(self.low(p - 1)));
                if self.capitalized(p) && !self.stop(p)
                    || inner
                    || (self.capitalized(p) && matches!(w, "the" | "neither" | "both" | "either"))
                {
                    start = p;
                } else if matches!(w, "the" | "neither" | "both" | "either") {
                    start = p;
                    break;
                } else {
                    break;
                }
            }
        } else {
            if self.stop(head) {
                return None;
            }
            while start > 0 && head - start < 8 {
                let p = start - 1;
                let w = self.low(p);
                if matches!(w, "the" | "a" | "an" | "neither" | "both" | "either") {
                    start = p;
                    break;
                }
                if self.is_word(p) && (!self.stop(p) || w == "and") {
                    start = p;
                } else {
                    break;
                }
            }
        }
        // Never begin on a bare connective.
        while start < head
            && matches!(
                self.low(start),
                "and" | "or" | "nor" | "of" | "in" | "for" | "on"
            )
        {
            start += 1;
        }
        Some((start, end))
    }

    /// The phrase after a preposition ("by both Moscow and Pyongyang",
    /// "according to South Korean intelligence"): words up to a clause break.
    pub(crate) fn np_after(&self, start: usize, max: usize) -> Option<(usize, usize)> {
        let mut first = start;
        while matches!(self.low(first), "the" | "a" | "an") {
            first += 1;
        }
        let names = self.capitalized(first);
        let mut end = first;
        while end < self.toks.len() && end - start < max {
            let w = self.low(end);
            let name_inner = self.lex.classes.name_inner.contains(w)
                && (self.capitalized(end + 1)
                    || (self.low(end + 1) == "the" && self.capitalized(end + 2)));
            let possessive = matches!(self.s(end), "’" | "'") && end > first;
            // "South Korean intelligence": a common-noun head after name words,
            // ending the phrase.
            let lowercase_head = end > first
                && self.is_word(end)
                && !self.stop(end)
                && !w.ends_with("ing")
                && !w.ends_with("ed")
                && self.capitalized(end - 1)
                && (!self.is_word(end + 1) || self.stop(end + 1));
            let ok = if names {
                self.capitalized(end)
                    || name_inner
                    || possessive
                    || lowercase_head
                    || (w == "the" && self.capitalized(end + 1))
            } else {
                self.is_word(end) && !self.lex.classes.phrase_end.contains(w)
            };
            if !ok {
                break;
            }
            end += 1;
        }
        // Keep the determiner: "the White House".
        (end > first).then_some((start, end))
    }

    /// The counted noun phrase starting at token `i` (after a figure):
    /// modifiers and head up to a function word, verb form or punctuation.
    pub(crate) fn counted_np(&self, mut i: usize) -> Option<(usize, usize)> {
        if self.low(i) == "of" {
            i += 1;
        }
        while matches!(
            self.low(i),
            "the" | "its" | "their" | "his" | "her" | "our" | "these" | "those" | "all"
        ) {
            i += 1;
        }
        // "four more years", "two fewer seats": the noun after the comparison.
        if matches!(self.low(i), "more" | "fewer" | "less")
            && self.is_word(i + 1)
            && !self.stop(i + 1)
        {
            i += 1;
        }
        // The four “loopholes”: an opening quotation mark before the noun.
        let opening = self.opening_quote_mark(i)
            && i > 0
            && self.is_word(i + 1)
            && self.touching(i, i + 1)
            && !self.touching(i - 1, i);
        if opening {
            i += 1;
        }
        // "the company's common shares": a common-noun possessor is not
        // what is counted when a phrase follows it ("Russia's troops" keeps
        // the name, which tells whose).
        if without_possessive(self.low(i)).is_some()
            && !self.stop(i)
            && !self.capitalized(i)
            && self.is_word(i + 1)
            && !self.stop(i + 1)
        {
            i += 1;
        }
        let start = i;
        let mut end = i;
        while end - start < 6 && self.is_word(end) {
            let w = self.low(end);
            // After a number other than "one", a plural-looking reporting
            // word is the noun counted ("27 states", "11 swing states"), not
            // a verb: a verb in "-s" would need a singular subject.
            let counted_plural =
                looks_plural(w) && start > 0 && !matches!(self.low(start - 1), "one" | "1");
            if self.counted_stop(end) || !counted_plural && self.is_reporting_word(w) {
                break;
            }
            let postmodifier =
                end > start && (w.ends_with("ed") || w.ends_with("ing")) && !self.capitalized(end);
            if postmodifier {
                break;
            }
            // "drones Russia launched": a capitalised word after a lowercase head
            // starts a new clause, unless it is a nationality modifying the
            // noun after it ("one unnamed Valdorian army officer").
            if end > start
                && self.capitalized(end)
                && !self.capitalized(end - 1)
                && !self.nationality_before_noun(end)
            {
                break;
            }
            end += 1;
            // The first plural noun is the head: "reservists north" stops at "reservists".
            if looks_plural(w) && !self.capitalized(end - 1) {
                break;
            }
            // Hyphenated compounds: "long-range missiles", "Korean-made shells".
            if matches!(self.s(end), "-" | "‐")
                && self
                    .toks
                    .get(end)
                    .zip(self.toks.get(end - 1))
                    .is_some_and(|(h, p)| p.end() == h.start())
                && self.is_word(end + 1)
            {
                end += 1;
            }
        }
        // A trailing hyphen is not part of the phrase.
        while end > start && !self.is_word(end - 1) {
            end -= 1;
        }
        // A lone participle ("compared", "rising") is a verb, not what is counted.
        let lone = self.low(start);
        if end == start + 1
            && (lone.ends_with("ed") || lone.ends_with("ing"))
            && (!self.capitalized(start) || !self.s(start).chars().any(char::is_lowercase))
        {
            return None;
        }
        (end > start).then_some((start, end))
    }

    /// The actor of a verb at token `v`: skips auxiliaries and adverbs, an
    /// appositive between commas, and a relative "who" to its antecedent.
    pub(crate) fn actor_before(&self, v: usize) -> Option<(usize, usize)> {
        self.subject_before(v).map(|s| s.span)
    }

    /// The token before which the subject of a verb at `v` ends: auxiliaries
    /// and adverbs ("has not", "again", "flatly") are skipped.
    fn subject_end(&self, v: usize) -> usize {
        let mut j = v;
        while j > 0 {
            let w = self.low(j - 1);
            if self.lex.classes.verb_prefix.contains(w)
                || self.lex.verb_adverbs.contains(w)
                || (w.ends_with("ly") && w.len() > 4 && !self.capitalized(j - 1))
            {
                j -= 1;
            } else if j >= 2
                && matches!(self.low(j - 2), "in" | "on")
                && self.capitalized(j - 1)
                && (self.lex.months.contains(w) || self.lex.classes.weekday.contains(w))
            {
                // "which in March called ...": a dated phrase before the verb.
                j -= 2;
            } else {
                break;
            }
        }
        j
    }

    /// The subject of a verb at token `v` with the role an appositive gives
    /// it: "Ostavia's interior minister, Pell Dorran, denied" names Pell
    /// Dorran in the role "Ostavia's interior minister"; "Pell Dorran, the
    /// interior minister, denied" the same way round.
    pub(crate) fn subject_before(&self, v: usize) -> Option<Subject> {
        let mut j = self.subject_end(v);
        let prev = self.low(j.checked_sub(1)?);
        if prev == "who" || prev == "which" {
            j -= 1;
            if self.s(j.checked_sub(1)?) == "," {
                j -= 1;
            }
            return self.full_np_before(j).map(Subject::plain);
        }
        if prev == "," {
            let open = (0..j - 1).rev().find(|&k| self.s(k) == ",")?;
            let inner = (open + 1, j - 1);
            let outer = self.full_np_before(open);
            let relative = matches!(self.low(inner.0), "who" | "which" | "whose");
            if !relative && self.is_name(inner.0, inner.1) {
                if let Some(o) = outer.filter(|&(a, b)| !self.is_name(a, b)) {
                    return Some(Subject {
                        span: inner,
                        role: Some(o),
                    });
                }
            }
            let outer = outer?;
            // A role is a noun phrase, not "queried by Reuters" or "in turn".
            let first = self.low(inner.0);
            let nominal = !first.ends_with("ed")
                && !first.ends_with("ing")
                && (!self.stop(inner.0) || matches!(first, "the" | "a" | "an"));
            let role = (!relative && nominal && inner.1 > inner.0 && inner.1 - inner.0 <= 12)
                .then(|| self.skip_determiner(inner.0, inner.1));
            return Some(Subject { span: outer, role });
        }
        self.full_np_before(j).map(Subject::plain)
    }

    fn skip_determiner(&self, a: usize, b: usize) -> (usize, usize) {
        if b > a + 1 && matches!(self.low(a), "the" | "a" | "an") {
            (a + 1, b)
        } else {
            (a, b)
        }
    }

    /// A short run of capitalised name words ("Pell Dorran", "Gen. Aldo Varga").
    pub(crate) fn is_name(&self, a: usize, b: usize) -> bool {
        b > a
            && b - a <= 6
            && self.capitalized(a)
            && (a..b).all(|k| {
                self.capitalized(k)
                    || matches!(self.s(k), "." | "-")
                    || self.lex.classes.name_inner.contains(self.low(k)) && k > a
            })
            && self.capitalized(b - 1)
    }

    /// Where a person's name starts after leading title words ("Interior
    /// Minister Pell Dorran", "Secretary of State Ana Vell"), if it does.
    pub(crate) fn name_after_title(&self, a: usize, b: usize) -> Option<usize> {
        if b < a + 2 || !self.capitalized(b - 1) {
            return None;
        }
        let title = (a..b - 1).rev().find(|&k| {
            let w = self.low(k);
            self.capitalized(k)
                && (self.lex.person_titles.contains(w)
                    || self.lex.person_titles.contains(format!("{w}.").as_str()))
        })?;
        let mut n = title + 1;
        if self.s(n) == "." {
            n += 1;
        }
        // "Secretary of State", "Chancellor of the Exchequer".
        if self.low(n) == "of" {
            let m = if self.low(n + 1) == "the" {
                n + 2
            } else {
                n + 1
            };
            if self.capitalized(m) {
                n = m + 1;
            }
        }
        let name_ok = n < b
            && b - n <= 4
            && (n..b).all(|k| {
                self.capitalized(k) && !self.lex.person_titles.contains(self.low(k))
                    || self.s(k) == "."
            });
        name_ok.then_some(n)
    }

    /// [`Self::np_before`] widened over a postmodifier ("officials in
    /// Tarsenia", "people familiar with the talks") and a coordination
    /// ("Neither the cabinet nor the coalition", "Keldar and the union").
    pub(crate) fn full_np_before(&self, end: usize) -> Option<(usize, usize)> {
        let (mut start, end) = self.np_before(end)?;
        // "officials contacted here by Reuters declined": the agent of a
        // reduced relative is not the subject.
        if start > 1 && self.low(start - 1) == "by" {
            let participle = (start.saturating_sub(4)..start - 1)
                .rev()
                .find(|&k| self.low(k).ends_with("ed") && !self.capitalized(k));
            let reduced = participle.filter(|&p| {
                !matches!(
                    self.low(p.saturating_sub(1)),
                    "was" | "were" | "is" | "are" | "be" | "been" | "being"
                )
            });
            if let Some(np) = reduced.and_then(|p| self.full_np_before(p)) {
                return Some(np);
            }
        }
        // Postmodifier: "<noun> in|of|for|from|at <np>", "<noun> familiar with <np>".
        if start > 1 {
            let p = self.low(start - 1);
            let left_end = if matches!(p, "with" | "to")
                && matches!(self.low(start - 2), "familiar" | "close")
            {
                Some(start - 2)
            } else if matches!(p, "in" | "of" | "for" | "from" | "at") {
                Some(start - 1)
            } else {
                None
            };
            if let Some((ls, _)) = left_end
                .and_then(|le| self.np_before(le))
                .filter(|&(ls, le)| self.nominal_head(le - 1) && self.low(ls) != "and")
            {
                start = ls;
            }
        }
        // Coordination with a left conjunct that opens its clause.
        if start > 1 {
            let conj = self.low(start - 1);
            if matches!(conj, "and" | "or" | "nor") {
                if let Some((ls, _)) = self.np_before(start - 1) {
                    let before = ls.checked_sub(1).map(|k| self.low(k)).unwrap_or_default();
                    let opener = ls == 0
                        || !self.is_word(ls - 1)
                        || matches!(
                            before,
                            "neither"
                                | "both"
                                | "either"
                                | "that"
                                | "but"
                                | "while"
                                | "when"
                                | "however"
                                | "and"
                        );
                    let neither = before == "neither" || self.low(ls) == "neither";
                    let ok = if conj == "nor" { neither } else { opener };
                    if ok && self.nominal_head(start - 2) {
                        start = if matches!(before, "neither" | "both" | "either") {
                            ls - 1
                        } else {
                            ls
                        };
                    }
                }
            }
        }
        Some((start, end))
    }

    /// A token that can head a noun phrase: a name, a plural, a generic
    /// source head, or a word after a determiner.
    fn nominal_head(&self, k: usize) -> bool {
        if !self.is_word(k) || self.stop(k) {
            return false;
        }
        let w = self.low(k);
        self.capitalized(k)
            || looks_plural(w)
            || self.lex.anonymous_heads.contains(w)
            || (!w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("ly"))
    }

    /// Whether tokens `a..b` can name who takes a stance: not a lone
    /// function word, month or weekday, and a lowercase head only with a
    /// determiner ("the union"), in the plural ("bankers") or as a generic
    /// source head ("officials") — "economic growth" or "private" are not actors.
    pub(crate) fn plausible_actor(&self, a: usize, b: usize) -> bool {
        let Some(head_i) = b.checked_sub(1) else {
            return false;
        };
        if b <= a {
            return false;
        }
        let head = self.low(head_i);
        let head_bare = head.trim_end_matches("’s").trim_end_matches("'s");
        if b - a == 1 && (self.stop(a) || self.lex.months.contains(head_bare)) {
            return false;
        }
        if self.lex.months.contains(head_bare)
            || self.stop(head_i)
            || self.lex.not_actors.contains(head_bare)
        {
            return false;
        }
        // "8.4 mln tonnes estimated in ...": a figure is no actor.
        let num = |k: usize| self.toks.get(k).is_some_and(|t| t.kind == Kind::Number);
        if (a..b).any(num) || a.checked_sub(1).is_some_and(num) {
            return false;
        }
        if self.capitalized(head_i) {
            return true;
        }
        if head.ends_with("ed") || head.ends_with("ing") {
            return false;
        }
        let first = self.low(a);
        let determiner = matches!(
            first,
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "one"
        ) || (b - a > 1 && without_possessive(first).is_some());
        determiner || looks_plural(head) || self.lex.anonymous_heads.contains(head)
    }

    /// Splits a coordinated actor into its members when each is a name
    /// ("Russia and North Korea"); a phrase with a common-noun head
    /// ("South Korean and EU officials") stays whole.
    pub(crate) fn members(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        let head_capital = b > a && self.capitalized(b - 1);
        let mut out = Vec::new();
        let mut start = a;
        for k in a..b {
            let w = self.low(k);
            if matches!(w, "neither" | "both" | "either") && k == start {
                start = k + 1;
                continue;
            }
            let determiner_next = matches!(
                self.low(k + 1),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our"
            );
            // "nor" always joins two actors; "and"/"or" may join modifiers
            // ("South Korean and EU officials").
            if w == "nor" || (head_capital || determiner_next) && matches!(w, "and" | "or") {
                if k > start {
                    out.push((start, k));
                }
                start = k + 1;
            }
        }
        if b > start {
            out.push((start, b));
        }
        out
    }
}
