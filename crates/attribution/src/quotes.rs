//! Finding quotation-mark segments in clean text.
//!
//! Works line by line (the clean text puts each paragraph on its own line).
//! Curly, straight, single, double and guillemet quotes are paired by kind;
//! a single closing quote `’` doubles as the apostrophe, so it only closes
//! when it is not between two letters and not a plural possessive
//! ("Guterres’ spokesperson"). A quote left open at the end of a paragraph
//! whose next paragraph reopens it with the same mark is a continuation
//! (news style for multi-paragraph quotes): it is kept, ending at the
//! paragraph end.

use crate::lexicon::Lexicon;

/// One stretch of text between quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSegment {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted text, marks excluded, untrimmed.
    pub inner_start: usize,
    pub inner_end: usize,
    /// After the closing mark (== `inner_end` when the quote runs on into
    /// the next paragraph).
    pub end: usize,
    /// True when this segment reopens a quote left open in the previous
    /// paragraph.
    pub continues: bool,
    /// False when it runs on into the next paragraph.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    CurlyDouble,
    CurlySingle,
    Straight,
    StraightSingle,
    Guillemet,
    /// Two apostrophes standing for a double quote ('' ... ''), as in some
    /// newswire text.
    DoubleApostrophe,
}

fn opener_kind(c: char) -> Option<Mark> {
    match c {
        '“' => Some(Mark::CurlyDouble),
        '‘' => Some(Mark::CurlySingle),
        '"' => Some(Mark::Straight),
        '\'' => Some(Mark::StraightSingle),
        '«' => Some(Mark::Guillemet),
        _ => None,
    }
}

/// Quote segments of the whole text, in order (paired with the standard
/// lexicon's speech cues, see `closes`).
pub fn find_quotes(text: &str) -> Vec<QuoteSegment> {
    find_quotes_in(text, &crate::paragraphs::text_paragraphs(text))
}

/// Quote segments inside the given paragraph ranges (in order), with the
/// standard lexicon: a convenience for callers outside the extractor,
/// which pairs marks with its own (`find_quotes_into`).
pub fn find_quotes_in(text: &str, paragraphs: &[(usize, usize)]) -> Vec<QuoteSegment> {
    let mut out = Vec::new();
    find_quotes_into(
        &Lexicon::standard(),
        text,
        paragraphs,
        &mut Vec::new(),
        &mut out,
    );
    out
}

/// [`find_quotes_in`] into `out` (cleared first), with a reusable buffer
/// for the mark candidates.
pub(crate) fn find_quotes_into(
    lex: &Lexicon,
    text: &str,
    paragraphs: &[(usize, usize)],
    candidates: &mut Vec<usize>,
    out: &mut Vec<QuoteSegment>,
) {
    out.clear();
    let mut carried: Option<Mark> = None;
    // Bytes that may begin a mark, found in one pass over the document
    // rather than one search per paragraph.
    candidates.clear();
    candidates.extend(mark_bytes(text.as_bytes()));
    for (k, &(start, end)) in paragraphs.iter().enumerate() {
        let next = paragraphs.get(k + 1).map_or(text.len(), |p| p.0);
        let first = candidates.partition_point(|&i| i < start);
        let count = candidates
            .get(first..)
            .map_or(0, |rest| rest.partition_point(|&i| i < end));
        let in_line = candidates.get(first..first + count).unwrap_or(&[]);
        carried = scan_line(lex, text, (start, end), next, carried, in_line, out);
    }
}

/// A straight double quote typed for an apostrophe ("Ostland"s",
/// "don"t", "I"m"): after a letter and before a clitic. It neither opens
/// nor closes a quote.
fn apostrophe_slip(prev: Option<char>, rest: &str) -> bool {
    prev.is_some_and(char::is_alphabetic)
        && ["s", "t", "m", "d", "re", "ve", "ll"].iter().any(|clitic| {
            rest.strip_prefix(clitic)
                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
        })
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Scans one paragraph; returns the mark left open when the next paragraph
/// may continue it.
fn scan_line(
    lex: &Lexicon,
    text: &str,
    (start, end): (usize, usize),
    next_start: usize,
    carried: Option<Mark>,
    candidates: &[usize],
    out: &mut Vec<QuoteSegment>,
) -> Option<Mark> {
    let line = text.get(start..end)?;
    // Most paragraphs can open no quote (apostrophes and dashes aside):
    // skip them in one byte pass.
    // The line's candidate bytes, as offsets in the line.
    let in_line = || candidates.iter().map(|&i| i - start);
    if carried.is_none() && !may_open_quote(line.as_bytes(), in_line()) {
        return None;
    }
    let first_non_space = line.char_indices().find(|(_, c)| !c.is_whitespace());
    let mut open: Option<(Mark, usize, bool)> = None;
    // A paragraph that opens with the mark left open continues that quote.
    if let (Some(mark), Some((i, c))) = (carried, first_non_space) {
        let doubled = mark == Mark::DoubleApostrophe && line.trim_start().starts_with("''");
        if doubled || (mark != Mark::DoubleApostrophe && opener_kind(c) == Some(mark)) {
            open = Some((mark, start + i, true));
        }
    }
    let skip_first = open.is_some();
    // Byte offset of a second apostrophe already consumed with the first.
    let mut skip_at: Option<usize> = None;
    let bytes = line.as_bytes();
    let mut pos = 0;
    // Only quote marks and apostrophes can open or close a quote, so the
    // scan jumps from one to the next, in one pass over the line; marks
    // before `pos` lie inside one already read.
    let mut marks = in_line().filter(|&i| is_mark_at(bytes, i));
    // Curly double quotes opened inside the open one and not yet closed.
    let mut depth = 0usize;
    let mut curly = CurlyCounts::new(line);
    while let Some(i) = marks.find(|&i| i >= pos) {
        let Some(c) = line.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let clen = c.len_utf8();
        pos = i + clen;
        if skip_at.take() == Some(i) {
            continue;
        }
        if skip_first && Some((i, c)) == first_non_space {
            // A reopening '' is two characters long.
            if c == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                skip_at = Some(i + 1);
            }
            continue;
        }
        let prev = line.get(..i).and_then(|r| r.chars().next_back());
        let rest = line.get(i + clen..).unwrap_or("");
        let next = rest.chars().next();
        let abs = start + i;
        if c == '"' && apostrophe_slip(prev, rest) {
            continue;
        }
        let doubled = c == '\'' && next == Some('\'');
        if doubled {
            let after = rest.get(1..).and_then(|r| r.chars().next());
            match open {
                None if after.is_some_and(|a| !a.is_whitespace()) => {
                    open = Some((Mark::DoubleApostrophe, abs, false));
                    skip_at = Some(i + 1);
                    continue;
                }
                Some((Mark::DoubleApostrophe, open_at, continues)) => {
                    out.push(QuoteSegment {
                        open: open_at,
                        inner_start: open_at + 2,
                        inner_end: abs,
                        end: abs + 2,
                        continues,
                        closed: true,
                    });
                    open = None;
                    skip_at = Some(i + 1);
                    continue;
                }
                _ => {}
            }
        }
        match open {
            None => {
                // A closing mark used as an opener at the start of a
                // paragraph or word (”Text ...”), a typing slip news copy has.
                let stray = c == '”' && !is_word_char(prev) && is_word_char(next);
                let Some(kind) = opener_kind(c).or(stray.then_some(Mark::CurlyDouble)) else {
                    continue;
                };
                let valid = match kind {
                    Mark::StraightSingle => {
                        !is_word_char(prev) && next.is_some_and(char::is_alphabetic)
                    }
                    Mark::CurlySingle => !is_word_char(prev),
                    Mark::Straight => next.is_some_and(|n| !n.is_whitespace()),
                    _ => true,
                };
                if valid {
                    open = Some((kind, abs, false));
                }
            }
            Some((kind, open_at, continues)) => {
                // “... what he calls “ruin” than ...”: a curly double quote
                // inside another, when the line has closers for both.
                if kind == Mark::CurlyDouble && c == '“' && curly.nests_after(i + clen) {
                    depth += 1;
                    continue;
                }
                if depth > 0 && c == '”' {
                    depth -= 1;
                    continue;
                }
                if closes(lex, kind, c, prev, next, rest) {
                    out.push(QuoteSegment {
                        open: open_at,
                        inner_start: open_at + mark_len(text, open_at),
                        inner_end: abs,
                        end: abs + clen,
                        continues,
                        closed: true,
                    });
                    open = None;
                }
            }
        }
    }
    let (kind, open_at, continues) = open?;
    // Left open: keep it only if the next paragraph reopens the same quote.
    let rest = text.get(next_start.max(end)..).unwrap_or("");
    let next_para = rest.trim_start();
    let reopened = if kind == Mark::DoubleApostrophe {
        next_para.starts_with("''")
    } else {
        next_para
            .chars()
            .next()
            .and_then(opener_kind)
            .is_some_and(|k| k == kind)
    };
    if reopened && end > open_at {
        out.push(QuoteSegment {
            open: open_at,
            inner_start: open_at
                + if kind == Mark::DoubleApostrophe {
                    2
                } else {
                    mark_len(text, open_at)
                },
            inner_end: end,
            end,
            continues,
            closed: false,
        });
        Some(kind)
    } else {
        None
    }
}

/// Counts of curly double marks in a line, read once from left to right,
/// so that asking at each mark what follows it stays linear in the line.
struct CurlyCounts<'a> {
    line: &'a str,
    /// Marks before byte `to`: opening, closing.
    to: usize,
    before: (usize, usize),
    /// Marks in the whole line, counted on first use.
    total: Option<(usize, usize)>,
}

impl<'a> CurlyCounts<'a> {
    fn new(line: &'a str) -> Self {
        CurlyCounts {
            line,
            to: 0,
            before: (0, 0),
            total: None,
        }
    }

    fn count(s: &str) -> (usize, usize) {
        s.chars().fold((0, 0), |(o, c), ch| match ch {
            '“' => (o + 1, c),
            '”' => (o, c + 1),
            _ => (o, c),
        })
    }

    /// True when the line after byte `at` (just after a “ met inside an
    /// open “) closes both: at least two ” more than “ follow. In “A, he
    /// said. “B.” a closing mark was left out: no nesting, the quote ends at
    /// the first ” as before. `at` never decreases between calls.
    fn nests_after(&mut self, at: usize) -> bool {
        let total = *self.total.get_or_insert_with(|| Self::count(self.line));
        if at > self.to {
            let (o, c) = Self::count(self.line.get(self.to..at).unwrap_or(""));
            self.before = (self.before.0 + o, self.before.1 + c);
            self.to = at;
        }
        let opens = total.0.saturating_sub(self.before.0);
        let closes = total.1.saturating_sub(self.before.1);
        closes >= opens + 2
    }
}

/// False only when no char of `line` can open a quote, so that the full
/// scan would find nothing: no double mark, no opening curly single or
/// guillemet, no stray closing double, and every straight apostrophe
/// follows an ASCII letter or digit (a closing "'" needs an opener first;
/// "''" opens regardless).
fn may_open_quote(line: &[u8], mut candidates: impl Iterator<Item = usize>) -> bool {
    candidates.any(|i| match line.get(i) {
        Some(b'"') => true,
        Some(b'\'') => {
            let prev = i.checked_sub(1).and_then(|p| line.get(p));
            line.get(i + 1) == Some(&b'\'') || !prev.is_some_and(|p| p.is_ascii_alphanumeric())
        }
        // “ ‘ ” (E2 80 9C / 98 / 9D) and « (C2 AB).
        Some(0xE2) => {
            line.get(i + 1) == Some(&0x80) && matches!(line.get(i + 2), Some(0x9C | 0x98 | 0x9D))
        }
        Some(0xC2) => line.get(i + 1) == Some(&0xAB),
        _ => false,
    })
}

/// Offsets, in order, of the bytes that can start a quote mark or an
/// apostrophe: `"`, `'`, and the lead bytes E2 (“ ‘ ” ’) and C2 (« »).
/// Found with memchr's vectorised search when the line has no C2 byte,
/// which is nearly always.
fn mark_bytes(line: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let without_c2 = memchr::memchr(0xC2, line).is_none();
    let fast = without_c2.then(|| memchr::memchr3_iter(b'"', b'\'', 0xE2, line));
    let slow = (!without_c2).then(|| {
        line.iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2))
            .map(|(i, _)| i)
    });
    fast.into_iter().flatten().chain(slow.into_iter().flatten())
}

/// Whether a char that can open or close a quote starts at byte `i`:
/// " ' “ ‘ ” ’ « ».
fn is_mark_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'"' | b'\'') => true,
        // “ ‘ ” ’ are E2 80 9C / 98 / 9D / 99; « » are C2 AB / BB.
        Some(0xE2) => {
            bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x9C | 0x98 | 0x9D | 0x99))
        }
        Some(0xC2) => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
        _ => false,
    }
}

fn mark_len(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|s| s.chars().next())
        .map_or(1, char::len_utf8)
}

/// Whether `c` closes an open quote of `kind` (`lex`'s speech cues tell a
/// closing `’` from a plural possessive).
fn closes(
    lex: &Lexicon,
    kind: Mark,
    c: char,
    prev: Option<char>,
    next: Option<char>,
    after: &str,
) -> bool {
    match kind {
        Mark::CurlyDouble => c == '”' || (c == '"' && !is_word_char(next)),
        Mark::DoubleApostrophe => false,
        Mark::Guillemet => c == '»',
        Mark::Straight => c == '"' || c == '”',
        Mark::StraightSingle => {
            c == '\'' && !is_word_char(next) && prev.is_some_and(|p| !p.is_whitespace())
        }
        Mark::CurlySingle => {
            if c != '’' {
                return false;
            }
            if is_word_char(prev) && is_word_char(next) {
                return false; // People’s
            }
            if prev.is_some_and(char::is_whitespace) {
                return false;
            }
            // "Guterres’ spokesperson": plural possessive before a lower-case noun.
            if matches!(prev, Some('s') | Some('z')) && next == Some(' ') {
                let word: String = after
                    .chars()
                    .skip(1)
                    .take_while(|ch| ch.is_alphabetic())
                    .collect();
                let lower_noun = word.chars().next().is_some_and(char::is_lowercase);
                let cue = lex.cue_at(&[crate::lexicon::norm(&word)]).is_some();
                if lower_noun
                    && !cue
                    && !matches!(
                        word.as_str(),
                        "and" | "or" | "but" | "as" | "he" | "she" | "they" | "it"
                    )
                {
                    return false;
                }
            }
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find_quotes(text)
            .iter()
            .map(|q| &text[q.inner_start..q.inner_end])
            .collect()
    }

    #[test]
    fn pairs_each_style() {
        let cases: &[(&str, &[&str])] = &[
            ("He said “one two” and “three.”", &["one two", "three."]),
            ("She said \"alpha beta,\" then left.", &["alpha beta,"]),
            (
                "‘The Brave People’s Guard is ready,’ he said.",
                &["The Brave People’s Guard is ready,"],
            ),
            (
                "It called this ‘Zorbian aggression.’ ‘We win,’ she said.",
                &["Zorbian aggression.", "We win,"],
            ),
            (
                "‘Talks with Ortiz’ aides failed,’ he said.",
                &["Talks with Ortiz’ aides failed,"],
            ),
            ("«Nous gagnons», a-t-il dit.", &["Nous gagnons"]),
            ("They said 'go home' loudly; don't panic.", &["go home"]),
            ("The 1990s' boom ended.", &[]),
            ("''We won,'' she said. ''Again.''", &["We won,", "Again."]),
            ("He said \"mixed marks,” then left.", &["mixed marks,"]),
        ];
        for (text, want) in cases {
            assert_eq!(&inner(text), want, "{text}");
        }
    }

    #[test]
    fn continuation_paragraphs_are_kept() {
        let text = "“First part of the quote.\n“Second part,” the mayor said.\nNo quote here.";
        let found = find_quotes(text);
        assert_eq!(found.len(), 2);
        assert!(!found[0].closed);
        assert!(found[1].continues);
        assert_eq!(
            &text[found[1].inner_start..found[1].inner_end],
            "Second part,"
        );
    }

    #[test]
    fn unclosed_quote_without_continuation_is_dropped() {
        assert!(find_quotes("He said “never closed.\nNext paragraph.").is_empty());
    }
}
