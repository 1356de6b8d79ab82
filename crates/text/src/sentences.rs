//! News-aware sentence splitting.
//!
//! Works in three layers, all linear in the input:
//! 1. blocks: blank lines always end a sentence (paragraph breaks);
//! 2. lines: inside a block, a single newline ends a sentence when the text
//!    is laid out one paragraph per line (headlines, section headings without
//!    final punctuation), but not when the block is hard-wrapped prose;
//! 3. terminators: `.`, `?`, `!`, `…` decide by the word before (abbreviation,
//!    initial, acronym) and the word after (capitalised, sentence opener).

use crosscheck_model::{Document, Paragraph, Range, Sentence};

use std::sync::Arc;

use crate::abbreviations::{AbbrevClass, Lexicon};

/// Splits clean article text into sentences (byte ranges, trimmed of
/// whitespace).
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    lexicon: Arc<Lexicon>,
}

impl Default for SentenceSplitter {
    fn default() -> SentenceSplitter {
        SentenceSplitter::new()
    }
}

impl SentenceSplitter {
    /// A splitter with the standard lexicon (shared, parsed once).
    pub fn new() -> SentenceSplitter {
        SentenceSplitter::with_lexicon(Lexicon::standard())
    }

    /// A splitter deciding by `lexicon`.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> SentenceSplitter {
        SentenceSplitter { lexicon }
    }

    /// A document holding `text` alone (no paragraphs or metadata), its
    /// sentences split: what an extractor reads outside the pipeline, in
    /// tests and probes.
    pub fn document(&self, id: &str, text: &str) -> Document {
        let mut doc = Document {
            id: id.to_string(),
            text: text.to_string(),
            ..Document::default()
        };
        doc.sentences = self.split_document(&doc.text, &doc.paragraphs);
        doc
    }

    /// Sentences of a whole document, never crossing paragraph boundaries.
    /// Without paragraphs, blank lines are taken as paragraph breaks.
    pub fn split_document(&self, text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
        if paragraphs.is_empty() {
            return self.split(text, Range::new(0, text.len()));
        }
        let mut out = Vec::new();
        for p in paragraphs {
            self.split_into(text, p.range, &mut out);
        }
        out
    }

    /// Sentences inside `text[range]` (empty when the range does not lie on
    /// character boundaries of `text`).
    pub fn split(&self, text: &str, range: Range) -> Vec<Sentence> {
        let mut out = Vec::new();
        self.split_into(text, range, &mut out);
        out
    }

    fn split_into(&self, text: &str, range: Range, out: &mut Vec<Sentence>) {
        let Some(slice) = text.get(range.start..range.end) else {
            return;
        };
        let first = out.len();
        let mut scratch = Scratch {
            lex: &self.lexicon,
            lines: Vec::new(),
            cuts: Vec::new(),
            marker_dots: Vec::new(),
            word: String::new(),
        };
        for_each_block(slice, |start, end| {
            split_block(slice, start, end, range.start, &mut scratch, out);
        });
        if out
            .iter()
            .skip(first)
            .any(|s| s.range.end - s.range.start > MAX_SENTENCE_BYTES)
        {
            let long = out.split_off(first);
            for sentence in long {
                cut_long(text, sentence, out);
            }
        }
    }
}

/// Longest sentence handed on, in bytes. Every later stage works sentence
/// by sentence, so this bounds their work and memory on text that never
/// ends a sentence (a table flattened into one line, a hostile page). No
/// sentence in 180,000 of real news (Reuters, PolNeAR, the seed and
/// article-extraction pages) is longer than 1,100 bytes.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Cuts a sentence longer than [`MAX_SENTENCE_BYTES`] into pieces at the
/// last whitespace before the limit (at a character boundary when a piece
/// has no whitespace), each trimmed.
fn cut_long(text: &str, sentence: Sentence, out: &mut Vec<Sentence>) {
    let (mut start, end) = (sentence.range.start, sentence.range.end);
    while end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while limit > start && !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = text.get(start..limit).unwrap_or_default();
        let cut = match window.rfind(char::is_whitespace) {
            Some(at) if at > 0 => start + at,
            _ => limit,
        };
        if cut <= start {
            break;
        }
        push_trimmed(out, text, 0, start, cut);
        start = cut;
        while start < end
            && text
                .get(start..)
                .is_some_and(|t| t.starts_with(char::is_whitespace))
        {
            start += text
                .get(start..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
        }
    }
    push_trimmed(out, text, 0, start, end);
}

/// The lexicon and buffers reused across segments, so that splitting does
/// not allocate per sentence or per character.
struct Scratch<'a> {
    lex: &'a Lexicon,
    lines: Vec<(usize, usize)>,
    cuts: Vec<usize>,
    marker_dots: Vec<usize>,
    word: String,
}

/// Calls `f` with the byte range of each run of non-blank lines.
fn for_each_block(slice: &str, mut f: impl FnMut(usize, usize)) {
    let mut block_start: Option<usize> = None;
    let mut block_end = 0;
    let mut offset = 0;
    for line in slice.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            if let Some(start) = block_start.take() {
                f(start, block_end);
            }
        } else {
            block_start.get_or_insert(line_start);
            block_end = line_start + line.trim_end().len();
        }
    }
    if let Some(start) = block_start {
        f(start, block_end);
    }
}

fn split_block(
    slice: &str,
    start: usize,
    end: usize,
    base: usize,
    scratch: &mut Scratch,
    out: &mut Vec<Sentence>,
) {
    let lex = scratch.lex;
    scratch.lines.clear();
    let mut offset = start;
    for line in slice[start..end].split('\n') {
        scratch.lines.push((offset, offset + line.len()));
        offset += line.len() + 1;
    }
    let wrapped = is_hard_wrapped(slice, &scratch.lines, lex, &mut scratch.word);
    let mut seg_start = start;
    for k in 1..scratch.lines.len() {
        let (prev_start, prev_end) = scratch.lines[k - 1];
        let (next_start, next_end) = scratch.lines[k];
        let prev = &slice[prev_start..prev_end];
        let next = &slice[next_start..next_end];
        let two_lines = scratch.lines.len() == 2;
        if line_break_ends_sentence(prev, next, wrapped, two_lines, lex, &mut scratch.word) {
            split_segment(slice, seg_start, prev_end, base, scratch, out);
            seg_start = next_start;
        }
    }
    split_segment(slice, seg_start, end, base, scratch, out);
}

/// A block is hard-wrapped prose (newswire wire copy, e-mail) when a fair
/// share of its line breaks fall inside a sentence.
fn is_hard_wrapped(slice: &str, lines: &[(usize, usize)], lex: &Lexicon, buf: &mut String) -> bool {
    let joins = lines.len().saturating_sub(1);
    if joins < 2 {
        return false;
    }
    let continuing = lines
        .windows(2)
        .filter(|w| {
            let prev = &slice[w[0].0..w[0].1];
            let next = &slice[w[1].0..w[1].1];
            continues_line(prev, next, lex, buf)
        })
        .count();
    continuing * 5 >= joins
}

/// The line break sits inside a sentence: the next line starts in lower case
/// or the previous one ends with a comma, hyphen or function word.
fn continues_line(prev: &str, next: &str, lex: &Lexicon, buf: &mut String) -> bool {
    let next_first = next.trim_start().chars().next();
    if next_first.is_some_and(char::is_lowercase) {
        return true;
    }
    let prev = prev.trim_end();
    if prev.ends_with([',', '-', '–', '—', '(', '&']) {
        return true;
    }
    let last_word = prev
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    last_word.chars().next().is_some_and(char::is_lowercase) && lex.is_starter(last_word, buf)
}

fn line_break_ends_sentence(
    prev: &str,
    next: &str,
    wrapped: bool,
    two_lines: bool,
    lex: &Lexicon,
    buf: &mut String,
) -> bool {
    let next = next.trim_start();
    if starts_with_bullet(next) {
        return true;
    }
    !(wrapped || continues_line(prev, next, lex, buf) || two_lines && cut_at_wrap_width(prev))
}

/// A line of sentence-case prose without final punctuation, as long as a
/// typical hard wrap (55-80 characters), is taken as wrapped rather than as a
/// heading; headings are title case or of any other length.
fn cut_at_wrap_width(line: &str) -> bool {
    let line = line.trim_end();
    if line.ends_with(['.', '?', '!', ':', ';', '…', '"', '”', '’', '\'', ')']) {
        return false;
    }
    let chars = line.chars().count();
    if !(55..=80).contains(&chars) {
        return false;
    }
    let (mut long_words, mut capitalised) = (0, 0);
    for word in line.split_whitespace().filter(|w| w.chars().count() >= 4) {
        long_words += 1;
        if word.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
    }
    capitalised * 2 < long_words
}

const BULLETS: &[char] = &['•', '⁃', '▪', '◦', '·', '●', '■', '‣', '*'];

fn starts_with_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if BULLETS.contains(&c) => true,
        Some('-' | '–' | '—') => chars.next().is_some_and(char::is_whitespace),
        _ => false,
    }
}

const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '`', '«', '¿', '¡', '{'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '}'];

fn is_terminator_byte(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'.' | b'?' | b'!') => true,
        Some(0xE2) => bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6),
        _ => false,
    }
}

/// Splits one segment (text that holds no hard break) at its sentence ends.
fn split_segment(
    slice: &str,
    start: usize,
    end: usize,
    base: usize,
    scratch: &mut Scratch,
    out: &mut Vec<Sentence>,
) {
    let seg = &slice[start..end];
    scratch.cuts.clear();
    scratch.marker_dots.clear();
    find_list_items(seg, &mut scratch.cuts, &mut scratch.marker_dots);
    let lex = scratch.lex;
    let bytes = seg.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !is_terminator_byte(bytes, i) || scratch.marker_dots.binary_search(&i).is_ok() {
            i += 1;
            continue;
        }
        let run = TerminatorRun::scan(seg, i);
        if let Some(cut) = decide(seg, &run, lex, &mut scratch.word) {
            scratch.cuts.push(cut);
        }
        i = run.end.max(i + 1);
    }
    scratch.cuts.sort_unstable();
    scratch.cuts.dedup();
    let mut piece_start = 0;
    for &cut in scratch.cuts.iter().chain(std::iter::once(&seg.len())) {
        if cut > piece_start && cut <= seg.len() {
            push_trimmed(out, seg, base + start, piece_start, cut);
            piece_start = cut;
        }
    }
}

/// A run of sentence-final punctuation with the closing quotes and brackets
/// attached to it.
struct TerminatorRun {
    /// First byte of the run.
    start: usize,
    /// Just past the first `.` (for "word. . . ." = full stop + ellipsis).
    first_dot_end: usize,
    /// Just past the punctuation and closing quotes.
    end: usize,
    dots: usize,
    question_or_bang: bool,
    /// Dots separated by single spaces (". . .").
    spaced: bool,
    /// The run follows a non-space character ("end." rather than "end .").
    attached: bool,
    /// A closing quote mark follows the punctuation.
    quoted: bool,
}

impl TerminatorRun {
    fn scan(seg: &str, start: usize) -> TerminatorRun {
        let bytes = seg.as_bytes();
        let mut run = TerminatorRun {
            start,
            first_dot_end: start + 1,
            end: start,
            dots: 0,
            question_or_bang: false,
            spaced: false,
            quoted: false,
            attached: seg[..start]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace()),
        };
        let mut j = start;
        loop {
            match bytes.get(j) {
                Some(b'.') => {
                    run.dots += 1;
                    j += 1;
                }
                Some(b'?' | b'!') => {
                    run.question_or_bang = true;
                    j += 1;
                }
                Some(0xE2) if is_terminator_byte(bytes, j) => {
                    run.dots += 3;
                    j += 3;
                }
                Some(b' ') if run.dots > 0 && bytes.get(j + 1) == Some(&b'.') => {
                    run.spaced = true;
                    j += 1;
                }
                _ => break,
            }
        }
        while let Some(c) = seg[j..].chars().next().filter(|c| CLOSERS.contains(c)) {
            run.quoted |= !matches!(c, ')' | ']' | '}');
            j += c.len_utf8();
        }
        run.end = j;
        run
    }
}

/// What follows a terminator: its first letter and first word, after any
/// opening quotes or brackets.
struct Next<'a> {
    first: char,
    word: &'a str,
    opened: bool,
}

fn next_word(seg: &str, from: usize) -> Option<Next<'_>> {
    let rest = seg.get(from..)?;
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return None; // the terminator is glued to what follows ("U.S.A", "3.5")
    }
    let body = trimmed.trim_start_matches(OPENERS);
    let first = body.chars().next()?;
    let word_len = body
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(body.len());
    Some(Next {
        first,
        word: &body[..word_len],
        opened: body.len() != trimmed.len(),
    })
}

/// The word just before byte `at` (bounded look-back so that pathological
/// tokens stay linear), without leading quotes or brackets.
fn word_before(seg: &str, at: usize) -> &str {
    let floor = at.saturating_sub(48);
    let mut start = at;
    for (k, c) in seg[..at].char_indices().rev() {
        if k < floor || c.is_whitespace() {
            break;
        }
        start = k;
    }
    seg[start..at].trim_start_matches(OPENERS)
}

fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
        })
}

/// Where the sentence ends for this run of punctuation, or `None` when the
/// run does not end a sentence.
fn decide(seg: &str, run: &TerminatorRun, lex: &Lexicon, buf: &mut String) -> Option<usize> {
    let next = next_word(seg, run.end)?;
    let upper = next.first.is_uppercase();
    let lower = next.first.is_lowercase();
    if run.quoted && !next.opened && attribution_follows(seg, run.end, lex, buf) {
        return None;
    }
    if run.question_or_bang {
        return (!lower).then_some(run.end);
    }
    if run.dots >= 2 {
        // "[...]" and "(...)" mark an omission inside a quotation.
        if seg[..run.start].ends_with(['[', '(']) {
            return None;
        }
        return match (run.attached, run.spaced) {
            // "compounds. . . . The": full stop, then an ellipsis opening the next sentence.
            (true, true) => upper.then_some(run.first_dot_end),
            // ". . ." between words marks an omission inside the sentence.
            (false, true) if run.dots == 3 => None,
            // "..." / "…" also trails off inside a sentence ("But instead…
            // America is watching"); only a common opener starts a new one.
            _ if run.dots == 3 => {
                let starter = upper && lex.is_starter(next.word, buf);
                (starter || (upper && next.opened)).then_some(run.end)
            }
            _ => upper.then_some(run.end),
        };
    }
    let word = word_before(seg, run.start);
    let starter = upper && lex.is_starter(next.word, buf);
    let class = if is_dotted_acronym(word) {
        Some(lex.abbreviation(word, buf).unwrap_or(AbbrevClass::General))
    } else {
        lex.abbreviation(word, buf)
    };
    let ends = match class {
        Some(AbbrevClass::Title) => false,
        Some(AbbrevClass::Number) => upper,
        Some(AbbrevClass::General) => starter || (upper && next.opened),
        None if is_initial(seg, run.start, word) => starter || (upper && next.opened),
        None => !lower,
    };
    ends.then_some(run.end)
}

/// A short clause with a verb of saying follows the quotation ("“Why now?”
/// Mayor Olin asked.").
fn attribution_follows(seg: &str, from: usize, lex: &Lexicon, buf: &mut String) -> bool {
    let rest = seg.get(from..).unwrap_or("");
    let window = &rest[..floor_char_boundary(rest, 80)];
    let clause = window
        .split(['.', '?', '!', '“', '‘', '"'])
        .next()
        .unwrap_or("");
    // The verb closes the clause or has at most a short object ("told the
    // crowd"); "Engineers said repairs would take weeks" is a new sentence.
    let mut count = 0;
    let mut last_three: [&str; 3] = [""; 3];
    for word in clause
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        count += 1;
        if count > 6 {
            return false;
        }
        last_three = [last_three[1], last_three[2], word];
    }
    count >= 1 && last_three.iter().any(|w| lex.is_speech_verb(w, buf))
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A capital letter standing alone before a dot is an initial ("J. R. Smith"),
/// except the pronoun "I" after a lower-case word ("you and I.").
fn is_initial(seg: &str, at: usize, word: &str) -> bool {
    let mut chars = word.chars();
    let Some(c) = chars.next() else { return false };
    if chars.next().is_some() || !c.is_uppercase() {
        return false;
    }
    if c == 'I' {
        let before = seg[..at.saturating_sub(word.len())].trim_end();
        let prev_word = word_before(before, before.len());
        return !prev_word.chars().next().is_some_and(char::is_lowercase);
    }
    true
}

/// Numbered or lettered list items run together on one line ("1. First
/// item 2. Second item"): records a cut before each item after the first and
/// the dots of the markers, which are not sentence ends.
fn find_list_items(seg: &str, cuts: &mut Vec<usize>, marker_dots: &mut Vec<usize>) {
    let first_token = seg.split_whitespace().next().unwrap_or("");
    let starts_list = starts_with_bullet(seg) || parse_marker(first_token).is_some();
    if !starts_list {
        return;
    }
    let mut expected: Option<(MarkerKind, u32)> = None;
    let mut after_bullet = false;
    let mut first = true;
    let mut offset = 0;
    for token in seg.split_inclusive(char::is_whitespace) {
        let tok_start = offset;
        offset += token.len();
        let tok = token.trim_end();
        if tok.is_empty() {
            continue;
        }
        let was_first = std::mem::replace(&mut first, false);
        let bullet_len = tok
            .char_indices()
            .take_while(|(_, c)| BULLETS.contains(c))
            .last()
            .map(|(k, c)| k + c.len_utf8())
            .unwrap_or(0);
        if bullet_len > 0 && !was_first {
            cuts.push(tok_start);
        }
        let body = &tok[bullet_len..];
        if body.is_empty() {
            after_bullet = bullet_len > 0;
            continue;
        }
        let opens_item = was_first || after_bullet || bullet_len > 0;
        after_bullet = false;
        let Some((kind, value, dots)) = parse_marker(body) else {
            continue;
        };
        let continues = expected == Some((kind, value));
        if opens_item || continues {
            if continues && !opens_item {
                cuts.push(tok_start);
            }
            expected = Some((kind, value + 1));
            let body_start = tok_start + bullet_len;
            marker_dots.extend(dots.map(|d| body_start + d));
        }
    }
    marker_dots.sort_unstable();
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerKind {
    Number,
    Letter,
}

/// "12.", "3)", "4.)", "b." → kind, value, and the offset of its dot.
fn parse_marker(tok: &str) -> Option<(MarkerKind, u32, Option<usize>)> {
    let label_len = tok.find(['.', ')'])?;
    let (label, tail) = tok.split_at(label_len);
    let dot = match tail {
        "." | ".)" => Some(label_len),
        ")" => None,
        _ => return None,
    };
    if !label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit()) {
        return Some((MarkerKind::Number, label.parse().ok()?, dot));
    }
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => {
            Some((MarkerKind::Letter, u32::from(c) - u32::from('a') + 1, dot))
        }
        _ => None,
    }
}

fn push_trimmed(out: &mut Vec<Sentence>, seg: &str, base: usize, start: usize, end: usize) {
    let Some(piece) = seg.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Sentence::new(base + start + lead, base + end - trail));
    }
}

#[cfg(test)]
mod tests;
