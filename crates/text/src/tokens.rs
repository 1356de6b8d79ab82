//! The token layer: a document's words, numbers and marks, cut once and read
//! by every stage (after spaCy's `Doc`/`Token`).
//!
//! [`TokenLayer::new`] cuts the whole text, segment by segment (each sentence,
//! and whatever lies between sentences), so no token crosses a sentence
//! boundary and [`TokenLayer::sentence`] is a slice. Each [`Token`] holds its
//! byte offsets, its [`TokenKind`], [`Shape`] flags and the range of its
//! folded form (see [`crate::fold`]) in one buffer shared by the document: no
//! stage keeps its own lower-cased copy of the text.
//!
//! The cut keeps words whole where news writes them as one ("People’s",
//! "U.S.", "Jong-un", "AT&T", "14,000", "10:30", "30th"); stages that need
//! finer pieces ask for a [`Split`] view of some tokens: the possessive `'s`
//! apart ("Putin" "'s"), digits apart from letters and hyphens alone ("4"
//! "km", "three" "-" "year"), or every mark alone except digit separators
//! ("U" "." "S" "."). Views are tokens too, cut from the layer's tokens, and
//! their folded forms are stretches of the same buffer.
//!
//! Rules of the cut:
//! - white space separates tokens and belongs to none;
//! - a token that starts with a letter or digit runs over letters and digits;
//!   `'` `’` `-` `‐` `.` `&` inside it join when a letter or digit follows,
//!   `,` and `:` only between two ASCII digits ("14,000", "10:30");
//! - a word ending in a capital followed by `.` takes the `.` when it is one
//!   letter or its letters are dotted ("J.", "U.S.");
//! - any other char is a token of its own (kind [`TokenKind::Punct`]).

use std::ops::Range;

use crosscheck_model::Sentence;

use crate::fold::{fold_into, folded_len};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Starts with a letter or digit and is not a plain number: "People’s",
    /// "U.S.", "30th", "4km".
    Word,
    /// ASCII digits with inner `,` `.` `:` separators: "14,000", "1.5",
    /// "10:30".
    Number,
    /// Any other single char: punctuation, quote marks, symbols.
    Punct,
}

/// Shape flags of a token, computed as it is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Shape(u16);

impl Shape {
    /// The first char is upper case ("Kyiv", "U.S.").
    pub const UPPER_INITIAL: Shape = Shape(1);
    /// Has letters, none of them lower case ("NATO", "U.S.").
    pub const ALL_UPPER: Shape = Shape(1 << 1);
    /// Has a letter.
    pub const HAS_ALPHA: Shape = Shape(1 << 2);
    /// Has an ASCII digit.
    pub const HAS_DIGIT: Shape = Shape(1 << 3);
    /// The first char is an ASCII digit ("30th", "1990s", "14,000").
    pub const DIGIT_INITIAL: Shape = Shape(1 << 4);
    /// Has a joining mark inside (`'` `’` `-` `.` `&` `,` `:`).
    pub const JOINED: Shape = Shape(1 << 5);
    /// Ends in a possessive `'s`/`’s` after at least one char ("Putin's").
    pub const POSSESSIVE: Shape = Shape(1 << 6);
    /// All ASCII.
    pub const ASCII: Shape = Shape(1 << 7);
    /// The folded form has the token's byte length, char by char, so byte
    /// offsets inside the token are offsets inside its folded form.
    pub const FOLD_SAME_LEN: Shape = Shape(1 << 8);

    /// True when every flag of `flags` is set.
    #[inline]
    pub fn has(self, flags: Shape) -> bool {
        self.0 & flags.0 == flags.0
    }

    /// The first char is upper case.
    #[inline]
    pub fn capitalised(self) -> bool {
        self.has(Shape::UPPER_INITIAL)
    }

    /// The flags of `self` and `other`.
    #[must_use]
    pub const fn with(self, other: Shape) -> Shape {
        Shape(self.0 | other.0)
    }
}

/// One token: byte offsets into the document text, kind, shape, and where its
/// folded form lies in the layer's buffer (read it with [`TokenLayer::fold`]).
///
/// Offsets are `u32` to keep a token at 20 bytes: documents are capped far
/// below 4 GiB at ingest, and [`TokenLayer::new`] cuts nothing past that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    fold_start: u32,
    fold_end: u32,
    /// What the token is made of.
    pub kind: TokenKind,
    /// Shape flags.
    pub shape: Shape,
}

impl Token {
    /// Byte offset of the first char.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the last char.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Byte range in the document text.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The token as written.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range()).unwrap_or("")
    }

    /// True when `next` starts right where this token ends ("4" "km").
    #[inline]
    pub fn touches(&self, next: &Token) -> bool {
        self.end == next.start
    }
}

/// How a [`Split`] view cuts tokens into finer ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// A possessive `'s`/`’s` apart from its word: "Putin's" → "Putin" "'s"
    /// (the Penn and CoNLL convention).
    Possessive,
    /// Digits apart from letters, and every mark alone except `'`/`’`
    /// between letters, acronym dots and `,`/`.` between digits: "4km" →
    /// "4" "km", "three-year-long" → "three" "-" "year" "-" "long",
    /// "10,000-12,000" → "10,000" "-" "12,000"; "People’s", "U.S." stay.
    DigitLetter,
    /// Every mark alone except `,` `.` `:` between digits: "U.S." → "U" "."
    /// "S" ".", "year’s" → "year" "’" "s"; "1,500", "10:30", "30th" stay.
    Marks,
}

/// A document's tokens, cut once.
#[derive(Debug, Clone, Default)]
pub struct TokenLayer {
    tokens: Vec<Token>,
    /// Folded forms of all tokens, one after the other.
    folded: String,
    /// Token index where sentence `i` starts; one more entry than
    /// sentences, the last being where the last sentence ends.
    sentence_starts: Vec<u32>,
    /// Token index range of each sentence (sentences may have gaps between
    /// them whose tokens belong to none).
    sentence_ends: Vec<u32>,
}

impl TokenLayer {
    /// Cuts `text` into tokens, sentence by sentence; text between or around
    /// the sentences is cut too, into tokens of no sentence.
    pub fn new(text: &str, sentences: &[Sentence]) -> TokenLayer {
        // Offsets are u32: nothing past 4 GiB is cut.
        let limit = text.len().min(u32::MAX as usize);
        let mut layer = TokenLayer {
            // About one token per five bytes of news text.
            tokens: Vec::with_capacity(limit / 5 + 1),
            folded: String::with_capacity(limit),
            sentence_starts: Vec::with_capacity(sentences.len()),
            sentence_ends: Vec::with_capacity(sentences.len()),
        };
        let mut at = 0;
        for s in sentences {
            let (start, end) = (s.range.start.min(limit), s.range.end.min(limit));
            if start > at {
                layer.cut(text, at, start);
            }
            let first = layer.tokens.len();
            if end > start.max(at) {
                layer.cut(text, start.max(at), end);
            }
            layer.sentence_starts.push(index(first));
            layer.sentence_ends.push(index(layer.tokens.len()));
            at = at.max(end);
        }
        if limit > at {
            layer.cut(text, at, limit);
        }
        layer
    }

    /// Every token, in text order.
    #[inline]
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Number of sentences the layer was cut for.
    pub fn sentence_count(&self) -> usize {
        self.sentence_starts.len()
    }

    /// Token index range of sentence `i` (empty past the last).
    #[inline]
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        match (self.sentence_starts.get(i), self.sentence_ends.get(i)) {
            (Some(&s), Some(&e)) => s as usize..e as usize,
            _ => 0..0,
        }
    }

    /// The tokens of sentence `i` (none past the last).
    #[inline]
    pub fn sentence(&self, i: usize) -> &[Token] {
        self.tokens.get(self.sentence_range(i)).unwrap_or(&[])
    }

    /// The folded form of a token of this layer or of a view of it.
    #[inline]
    pub fn fold(&self, token: &Token) -> &str {
        self.folded
            .get(token.fold_start as usize..token.fold_end as usize)
            .unwrap_or("")
    }

    /// The folded form of two tokens of this layer that touch, as one
    /// string ("Gen" "." as "gen."): their folded forms lie side by side in
    /// the buffer. `None` when they do not touch.
    pub fn fold_joined(&self, first: &Token, next: &Token) -> Option<&str> {
        (first.touches(next) && first.fold_end == next.fold_start)
            .then(|| {
                self.folded
                    .get(first.fold_start as usize..next.fold_end as usize)
            })
            .flatten()
    }

    /// `tokens` (of this layer) cut finer as `split` says, appended to `out`.
    pub fn split(&self, text: &str, tokens: &[Token], split: Split, out: &mut Vec<Token>) {
        for t in tokens {
            if needs_split(t, split) {
                self.cut_token(text, t, t.start(), t.end(), split, out);
            } else {
                out.push(*t);
            }
        }
    }

    /// `a` and `b`, which starts where `a` ends, as one token ("Corp" "."
    /// → "Corp."), for views that keep together what the layer cuts apart;
    /// `None` when `b` does not follow `a` right away. Its folded form is
    /// theirs, one after the other.
    pub fn join(&self, text: &str, a: &Token, b: &Token) -> Option<Token> {
        if a.end != b.start || a.fold_end != b.fold_start {
            return None;
        }
        let (kind, mut shape) = classify(text.get(a.start()..b.end())?);
        if a.shape.has(Shape::FOLD_SAME_LEN) && b.shape.has(Shape::FOLD_SAME_LEN) {
            shape = shape.with(Shape::FOLD_SAME_LEN);
        }
        Some(Token {
            start: a.start,
            end: b.end,
            fold_start: a.fold_start,
            fold_end: b.fold_end,
            kind,
            shape,
        })
    }

    /// The tokens of `text[from..to]`, as a [`Split`] view, appended to
    /// `out`: the same tokens cutting that stretch alone would give, so a
    /// token the window cuts through is cut again from its visible part.
    pub fn window(&self, text: &str, from: usize, to: usize, split: Split, out: &mut Vec<Token>) {
        if from >= to {
            return;
        }
        let first = self.tokens.partition_point(|t| t.end() <= from);
        for t in self.tokens.get(first..).unwrap_or(&[]) {
            if t.start() >= to {
                break;
            }
            let (a, b) = (t.start().max(from), t.end().min(to));
            if (a, b) == (t.start(), t.end()) {
                self.split(text, std::slice::from_ref(t), split, out);
            } else {
                self.cut_token(text, t, a, b, split, out);
            }
        }
    }

    /// Cuts `text[start..end]` into tokens appended to the layer.
    fn cut(&mut self, text: &str, start: usize, end: usize) {
        let Some(slice) = text.get(start..end) else {
            return;
        };
        let bytes = slice.as_bytes();
        // An ASCII stretch without backticks (nearly every sentence) folds
        // in one pass: its lower-cased copy goes into the buffer, and each
        // token's folded form is the matching stretch of it.
        let bulk = (slice.is_ascii() && !bytes.contains(&b'`')).then(|| {
            let base = self.folded.len();
            self.folded.push_str(slice);
            if let Some(added) = self.folded.get_mut(base..) {
                added.make_ascii_lowercase();
            }
            base
        });
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let class = CLASS[usize::from(b)];
            if class & SPACE != 0 {
                i += 1;
                continue;
            }
            if let Some(base) = bulk {
                let (j, kind, shape) = if class & ALNUM == 0 {
                    (i + 1, TokenKind::Punct, Shape::ASCII)
                } else {
                    scan_word(slice, i)
                };
                self.tokens.push(Token {
                    start: index(start + i),
                    end: index(start + j),
                    fold_start: index(base + i),
                    fold_end: index(base + j),
                    kind,
                    shape: shape.with(Shape::FOLD_SAME_LEN),
                });
                i = j;
                continue;
            }
            if class & HIGH == 0 {
                if class & ALNUM == 0 {
                    // ASCII punctuation: one byte, folded alone.
                    self.push_mark(start + i, char::from(b));
                    i += 1;
                    continue;
                }
            } else {
                let Some(c) = char_at(slice, i) else { break };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                if !c.is_alphanumeric() {
                    self.push_mark(start + i, c);
                    i += c.len_utf8();
                    continue;
                }
            }
            let (j, kind, shape) = scan_word(slice, i);
            self.push_word(text, start + i, start + j, kind, shape);
            i = j;
        }
    }

    /// Appends a one-char punctuation token.
    fn push_mark(&mut self, at: usize, c: char) {
        let fold_start = self.folded.len();
        crate::fold::fold_char_into(c, &mut self.folded);
        let mut shape = Shape::default();
        if c.is_ascii() {
            shape = shape.with(Shape::ASCII);
        }
        if self.folded.len() - fold_start == c.len_utf8() {
            shape = shape.with(Shape::FOLD_SAME_LEN);
        }
        self.tokens.push(Token {
            start: index(at),
            end: index(at + c.len_utf8()),
            fold_start: index(fold_start),
            fold_end: index(self.folded.len()),
            kind: TokenKind::Punct,
            shape,
        });
    }

    /// Appends the word `text[start..end]` with its folded form.
    fn push_word(&mut self, text: &str, start: usize, end: usize, kind: TokenKind, shape: Shape) {
        let word = text.get(start..end).unwrap_or("");
        let fold_start = self.folded.len();
        let mut shape = shape;
        if shape.has(Shape::ASCII) {
            // ASCII words hold no backtick: lower case is the whole fold.
            self.folded.push_str(word);
            if let Some(added) = self.folded.get_mut(fold_start..) {
                added.make_ascii_lowercase();
            }
            shape = shape.with(Shape::FOLD_SAME_LEN);
        } else {
            fold_into(word, &mut self.folded);
            if word.chars().all(|c| folded_len(c) == c.len_utf8()) {
                shape = shape.with(Shape::FOLD_SAME_LEN);
            }
        }
        self.tokens.push(Token {
            start: index(start),
            end: index(end),
            fold_start: index(fold_start),
            fold_end: index(self.folded.len()),
            kind,
            shape,
        });
    }

    /// The pieces of `text[from..to]`, a stretch of `parent`, appended to
    /// `out` as `split` cuts them. Folded forms are stretches of the
    /// parent's.
    fn cut_token(
        &self,
        text: &str,
        parent: &Token,
        from: usize,
        to: usize,
        split: Split,
        out: &mut Vec<Token>,
    ) {
        let Some(slice) = text.get(from..to) else {
            return;
        };
        let piece = |a: usize, b: usize| -> Token {
            let word = slice.get(a..b).unwrap_or("");
            let (kind, shape) = classify(word);
            let same = parent.shape.has(Shape::FOLD_SAME_LEN);
            let fold_at = |at: usize| -> u32 {
                if same {
                    return parent.fold_start + index(at - parent.start());
                }
                let before = text.get(parent.start()..at).unwrap_or("");
                parent.fold_start + index(before.chars().map(folded_len).sum())
            };
            let shape = if same {
                shape.with(Shape::FOLD_SAME_LEN)
            } else {
                shape
            };
            Token {
                start: index(from + a),
                end: index(from + b),
                fold_start: fold_at(from + a),
                fold_end: fold_at(from + b),
                kind,
                shape,
            }
        };
        let mut i = 0;
        while i < slice.len() {
            let Some(c) = char_at(slice, i) else { break };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if !c.is_alphanumeric() {
                out.push(piece(i, i + c.len_utf8()));
                i += c.len_utf8();
                continue;
            }
            let word = word_end(slice, i);
            pieces(slice, i, word, split, |a, b| out.push(piece(a, b)));
            i = word;
        }
    }
}

/// Whether `split` may cut `t` at all (most tokens are left whole).
fn needs_split(t: &Token, split: Split) -> bool {
    match split {
        Split::Possessive => t.shape.has(Shape::POSSESSIVE),
        Split::DigitLetter => {
            t.shape.has(Shape::JOINED) || t.shape.has(Shape::HAS_DIGIT.with(Shape::HAS_ALPHA))
        }
        Split::Marks => t.shape.has(Shape::JOINED),
    }
}

/// `u32` offset (saturating; offsets past 4 GiB are never cut).
fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The char starting at byte `i` of `s`.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..)?.chars().next(),
        None => None,
    }
}

/// Byte classes for the ASCII fast path.
const SPACE: u8 = 1;
const UPPER: u8 = 1 << 1;
const LOWER: u8 = 1 << 2;
const DIGIT: u8 = 1 << 3;
const ALNUM: u8 = UPPER | LOWER | DIGIT;
/// `'` `-` `.` `&`: join letters and digits.
const JOINS_WORDS: u8 = 1 << 4;
/// `,` `:`: join two digits.
const JOINS_DIGITS: u8 = 1 << 5;
/// A byte of a multi-byte char.
const HIGH: u8 = 1 << 6;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c >= 0x80 {
            HIGH
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            // What `char::is_whitespace` accepts below 0x80.
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'.' | b'&') {
            JOINS_WORDS
        } else if matches!(c, b',' | b':') {
            JOINS_DIGITS
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Whether the char at byte `j` of `s` is a letter or digit.
#[inline]
fn alnum_at(s: &str, j: usize) -> bool {
    match s.as_bytes().get(j) {
        Some(&b) if b < 0x80 => CLASS[usize::from(b)] & ALNUM != 0,
        Some(_) => char_at(s, j).is_some_and(char::is_alphanumeric),
        None => false,
    }
}

/// The word starting with the letter or digit at byte `i` of `s`: its end,
/// kind and shape, found in one pass (bytes for ASCII, chars otherwise).
#[inline]
fn scan_word(s: &str, i: usize) -> (usize, TokenKind, Shape) {
    let bytes = s.as_bytes();
    let Some(first) = char_at(s, i) else {
        return (i, TokenKind::Punct, Shape::default());
    };
    let digit_initial = first.is_ascii_digit();
    let upper_initial = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        first.is_uppercase()
    };
    // Classes of the ASCII letters and digits seen, or-ed together: the hot
    // loop below tests one bit per byte and nothing else.
    let mut seen = 0u8;
    let (mut alpha, mut lower, mut joined, mut dotted, mut ascii) =
        (false, false, false, false, true);
    let mut only_number = digit_initial;
    let mut chars = 0;
    let mut last = first;
    let mut j = i;
    while let Some(&b) = bytes.get(j) {
        let class = CLASS[usize::from(b)];
        if class & ALNUM != 0 {
            let run = j;
            let mut k = j;
            while let Some(&c) = bytes.get(k) {
                let class = CLASS[usize::from(c)];
                if class & ALNUM == 0 {
                    break;
                }
                seen |= class;
                k += 1;
            }
            chars += k - run;
            last = bytes.get(k - 1).map_or(last, |&b| char::from(b));
            j = k;
            continue;
        }
        let (c, joins) = if class & HIGH == 0 {
            let c = char::from(b);
            let joins = if class & JOINS_WORDS != 0 {
                alnum_at(s, j + 1)
            } else if class & JOINS_DIGITS != 0 {
                last.is_ascii_digit() && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
            } else {
                false
            };
            (c, joins)
        } else {
            let Some(c) = char_at(s, j) else { break };
            if c.is_alphanumeric() {
                ascii = false;
                alpha |= c.is_alphabetic();
                lower |= c.is_lowercase();
                only_number = false;
                last = c;
                chars += 1;
                j += c.len_utf8();
                continue;
            }
            (c, matches!(c, '’' | '‐') && alnum_at(s, j + c.len_utf8()))
        };
        if joins {
            joined = true;
            dotted |= c == '.';
            ascii &= c.is_ascii();
            only_number &= matches!(c, '.' | ',' | ':');
            j += c.len_utf8();
            continue;
        }
        // An initial or a dotted acronym keeps its final stop: "J.", "U.S.".
        if c == '.'
            && !digit_initial
            && last.is_uppercase()
            && (chars == 1 || dotted && bytes.get(j - last.len_utf8() - 1) == Some(&b'.'))
        {
            joined = true;
            only_number = false;
            j += 1;
        }
        break;
    }
    alpha |= seen & (UPPER | LOWER) != 0;
    lower |= seen & LOWER != 0;
    only_number &= seen & (UPPER | LOWER) == 0;
    let possessive = joined && possessive_at(s.get(i..j).unwrap_or("")).is_some();
    let shape = Shape(
        (u16::from(upper_initial) * Shape::UPPER_INITIAL.0)
            | (u16::from(digit_initial) * Shape::DIGIT_INITIAL.0)
            | (u16::from(alpha) * Shape::HAS_ALPHA.0)
            | (u16::from(seen & DIGIT != 0) * Shape::HAS_DIGIT.0)
            | (u16::from(alpha && !lower) * Shape::ALL_UPPER.0)
            | (u16::from(joined) * Shape::JOINED.0)
            | (u16::from(ascii) * Shape::ASCII.0)
            | (u16::from(possessive) * Shape::POSSESSIVE.0),
    );
    let kind = if only_number {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (j, kind, shape)
}

/// End (byte offset in `s`) of the word starting with the letter or digit
/// at byte `i`.
fn word_end(s: &str, i: usize) -> usize {
    scan_word(s, i).0
}

/// Kind and shape of a token's text.
fn classify(word: &str) -> (TokenKind, Shape) {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return (TokenKind::Punct, Shape::default());
    };
    let mut shape = Shape::default();
    if word.is_ascii() {
        shape = shape.with(Shape::ASCII);
    }
    if first.is_uppercase() {
        shape = shape.with(Shape::UPPER_INITIAL);
    }
    if first.is_ascii_digit() {
        shape = shape.with(Shape::DIGIT_INITIAL);
    }
    if !first.is_alphanumeric() {
        return (TokenKind::Punct, shape);
    }
    let (mut alpha, mut digit, mut lower, mut joined, mut only_number) =
        (false, false, false, false, first.is_ascii_digit());
    let mut prev = ' ';
    for c in word.chars() {
        if c.is_alphabetic() {
            alpha = true;
            lower |= c.is_lowercase();
            only_number = false;
        } else if c.is_ascii_digit() {
            digit = true;
        } else if c.is_alphanumeric() {
            only_number = false;
        } else {
            joined |= prev != ' ';
            only_number &= matches!(c, ',' | '.' | ':');
        }
        prev = c;
    }
    for (flag, on) in [
        (Shape::HAS_ALPHA, alpha),
        (Shape::HAS_DIGIT, digit),
        (Shape::ALL_UPPER, alpha && !lower),
        (Shape::JOINED, joined),
        (Shape::POSSESSIVE, possessive_at(word).is_some()),
    ] {
        if on {
            shape = shape.with(flag);
        }
    }
    let kind = if only_number {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (kind, shape)
}

/// Byte offset of a final possessive `'s`/`’s` (after at least one char).
fn possessive_at(word: &str) -> Option<usize> {
    ["'s", "’s", "'S", "’S"]
        .iter()
        .find(|p| word.len() > p.len() && word.ends_with(**p))
        .map(|p| word.len() - p.len())
}

/// Calls `emit` with the pieces (byte ranges of `s`) of the word
/// `s[start..end]` as `split` cuts it.
fn pieces(s: &str, start: usize, end: usize, split: Split, mut emit: impl FnMut(usize, usize)) {
    let word = s.get(start..end).unwrap_or("");
    if split == Split::Possessive {
        match possessive_at(word) {
            Some(mid) => {
                emit(start, start + mid);
                emit(start + mid, end);
            }
            None => emit(start, end),
        }
        return;
    }
    let mut piece = start;
    let mut prev: Option<char> = None;
    let mut iter = word.char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        let at = start + off;
        let next = iter.peek().map(|&(_, n)| n);
        if c.is_alphanumeric() {
            let boundary = split == Split::DigitLetter
                && prev.is_some_and(|p| {
                    p.is_alphanumeric() && p.is_ascii_digit() != c.is_ascii_digit()
                });
            if boundary && at > piece {
                emit(piece, at);
                piece = at;
            }
            prev = Some(c);
            continue;
        }
        let between_digits =
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        let keep = match split {
            Split::Marks => matches!(c, ',' | '.' | ':') && between_digits,
            Split::DigitLetter => {
                (matches!(c, ',' | '.') && between_digits)
                    || (matches!(c, '\'' | '’')
                        && prev.is_some_and(char::is_alphabetic)
                        && next.is_some_and(char::is_alphabetic))
                    || (c == '.' && prev.is_some_and(char::is_uppercase) && acronym_stop(word, off))
            }
            Split::Possessive => true,
        };
        if keep {
            prev = Some(c);
            continue;
        }
        if at > piece {
            emit(piece, at);
        }
        emit(at, at + c.len_utf8());
        piece = at + c.len_utf8();
        prev = None;
    }
    if end > piece {
        emit(piece, end);
    }
}

/// Whether the `.` at byte `off` of `word` is an acronym stop: after a
/// capital that starts the word or follows another stop ("U.S.").
fn acronym_stop(word: &str, off: usize) -> bool {
    let before = word.get(..off).unwrap_or("");
    let mut rev = before.chars().rev();
    match (rev.next(), rev.next()) {
        (Some(c), None) => c.is_uppercase(),
        (Some(c), Some('.')) => c.is_uppercase(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn layer(text: &str) -> TokenLayer {
        TokenLayer::new(text, &[Sentence::new(0, text.len())])
    }

    fn words(text: &str) -> Vec<&str> {
        layer(text).tokens().iter().map(|t| t.text(text)).collect()
    }

    fn view(text: &str, split: Split) -> Vec<&str> {
        let l = layer(text);
        let mut out = Vec::new();
        l.split(text, l.tokens(), split, &mut out);
        out.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn touching_tokens_fold_as_one() {
        for text in ["Gen. Ola", "Gén. Ola Zoë’s"] {
            let l = layer(text);
            let t = l.tokens();
            assert_eq!(t[0].text(text).len() + 1, t[1].end() - t[0].start());
            assert_eq!(
                l.fold_joined(&t[0], &t[1]),
                Some(fold(&text[..t[1].end()]).as_str())
            );
            assert_eq!(l.fold_joined(&t[1], &t[2]), None, "{text}");
        }
    }

    #[test]
    fn cuts_news_words_whole() {
        let cases: &[(&str, &[&str])] = &[
            (
                "the Korean People’s Army",
                &["the", "Korean", "People’s", "Army"],
            ),
            ("14,000 troops.", &["14,000", "troops", "."]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("“Yes,” he said", &["“", "Yes", ",", "”", "he", "said"]),
            ("1.5 million", &["1.5", "million"]),
            ("10,000-12,000", &["10,000-12,000"]),
            ("at 10:30 a.m.", &["at", "10:30", "a.m", "."]),
            ("J. Smith and AT&T", &["J.", "Smith", "and", "AT&T"]),
            ("Kim Jong-un's envoy", &["Kim", "Jong-un's", "envoy"]),
            ("the 30th, 4km away", &["the", "30th", ",", "4km", "away"]),
            (
                "Paris, France: 3, 4",
                &["Paris", ",", "France", ":", "3", ",", "4"],
            ),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text}");
        }
    }

    #[test]
    fn kinds_and_shapes() {
        let text = "NATO’S 14,000 Troops 30th ( U.S.";
        let l = layer(text);
        let t = l.tokens();
        assert_eq!(t[0].kind, TokenKind::Word);
        assert!(t[0]
            .shape
            .has(Shape::ALL_UPPER.with(Shape::POSSESSIVE).with(Shape::JOINED)));
        assert_eq!(t[1].kind, TokenKind::Number);
        assert!(t[1].shape.has(Shape::DIGIT_INITIAL));
        assert!(t[2].shape.capitalised() && !t[2].shape.has(Shape::ALL_UPPER));
        assert_eq!(t[3].kind, TokenKind::Word);
        assert!(t[3].shape.has(Shape::HAS_DIGIT.with(Shape::HAS_ALPHA)));
        assert_eq!(t[4].kind, TokenKind::Punct);
        assert!(t[5].shape.has(Shape::ALL_UPPER.with(Shape::ASCII)));
    }

    #[test]
    fn split_views() {
        let cases: &[(&str, Split, &[&str])] = &[
            (
                "Kim Jong-un's envoy",
                Split::Possessive,
                &["Kim", "Jong-un", "'s", "envoy"],
            ),
            ("Mara’s men", Split::Possessive, &["Mara", "’s", "men"]),
            (
                "a three-year-long war",
                Split::DigitLetter,
                &["a", "three", "-", "year", "-", "long", "war"],
            ),
            (
                "€10M and 4km^2",
                Split::DigitLetter,
                &["€", "10", "M", "and", "4", "km", "^", "2"],
            ),
            (
                "the U.S. said",
                Split::DigitLetter,
                &["the", "U.S.", "said"],
            ),
            (
                "Russia’s 21st",
                Split::DigitLetter,
                &["Russia’s", "21", "st"],
            ),
            (
                "10,000-12,000",
                Split::DigitLetter,
                &["10,000", "-", "12,000"],
            ),
            (
                "Sept. 30, 1989",
                Split::Marks,
                &["Sept", ".", "30", ",", "1989"],
            ),
            ("third-quarter", Split::Marks, &["third", "-", "quarter"]),
            (
                "at 10:30 a.m.",
                Split::Marks,
                &["at", "10:30", "a", ".", "m", "."],
            ),
            ("the '80s", Split::Marks, &["the", "'", "80s"]),
            ("1,500 year’s", Split::Marks, &["1,500", "year", "’", "s"]),
        ];
        for (text, split, want) in cases {
            assert_eq!(&view(text, *split), want, "{text} {split:?}");
        }
    }

    #[test]
    fn joined_tokens_read_as_one() {
        let text = "Acme Corp. and Zoë ’s Éd.";
        let l = layer(text);
        let t = l.tokens();
        let corp = l.join(text, &t[1], &t[2]).expect("touching");
        assert_eq!(corp.text(text), "Corp.");
        assert_eq!(l.fold(&corp), "corp.");
        assert!(corp.shape.has(Shape::JOINED.with(Shape::FOLD_SAME_LEN)));
        let clitic = l.join(text, &t[5], &t[6]).expect("touching");
        assert_eq!((clitic.text(text), l.fold(&clitic)), ("’s", "'s"));
        assert!(!clitic.shape.has(Shape::FOLD_SAME_LEN));
        let initial = l.join(text, &t[7], &t[8]).expect("touching");
        assert_eq!((initial.text(text), l.fold(&initial)), ("Éd.", "ed."));
        assert_eq!(l.join(text, &t[0], &t[1]), None, "a space between");
        assert_eq!(l.join(text, &t[2], &t[1]), None, "out of order");
    }

    /// Every token's and every view piece's folded form is the fold of its
    /// text, ASCII or not, whole or cut by a window.
    #[test]
    fn folded_forms_are_the_fold_of_the_text() {
        let texts = [
            "The U.S. Army SAID 14,000 Troops’ İstanbul’s Straße.",
            "ÉCOLE–Zoë’s 3km² ΣΟΦΙΑ `98 AT&T Jong-Un's",
        ];
        for text in texts {
            let l = layer(text);
            for t in l.tokens() {
                assert_eq!(l.fold(t), fold(t.text(text)), "{text:?} {t:?}");
            }
            for split in [Split::Possessive, Split::DigitLetter, Split::Marks] {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&b| text.is_char_boundary(b))
                    .collect();
                for &a in &bounds {
                    for &b in bounds.iter().filter(|&&b| b > a) {
                        let mut out = Vec::new();
                        l.window(text, a, b, split, &mut out);
                        for t in &out {
                            assert_eq!(
                                l.fold(t),
                                fold(t.text(text)),
                                "{text:?} {a}..{b} {split:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// A window gives the tokens that cutting its text alone gives.
    #[test]
    fn windows_cut_like_their_text_alone() {
        let text = "Kim Jong-un’s envoy met U.S. officials at 10:30 a.m. on Sept. 30, 1,500 4km.";
        let l = layer(text);
        for split in [Split::Possessive, Split::DigitLetter, Split::Marks] {
            for a in (0..text.len()).filter(|&b| text.is_char_boundary(b)) {
                for b in (a + 1..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                    let mut got = Vec::new();
                    l.window(text, a, b, split, &mut got);
                    let part = &text[a..b];
                    let alone = TokenLayer::new(part, &[]);
                    let mut want = Vec::new();
                    alone.split(part, alone.tokens(), split, &mut want);
                    let got: Vec<(usize, usize)> =
                        got.iter().map(|t| (t.start() - a, t.end() - a)).collect();
                    let want: Vec<(usize, usize)> =
                        want.iter().map(|t| (t.start(), t.end())).collect();
                    assert_eq!(got, want, "{part:?} {split:?}");
                }
            }
        }
    }

    #[test]
    fn sentences_are_slices_and_gaps_are_cut_too() {
        let text = "One two. Three four! (five)";
        let sentences = [Sentence::new(0, 8), Sentence::new(9, 20)];
        let l = TokenLayer::new(text, &sentences);
        let of = |i: usize| -> Vec<&str> { l.sentence(i).iter().map(|t| t.text(text)).collect() };
        assert_eq!(of(0), ["One", "two", "."]);
        assert_eq!(of(1), ["Three", "four", "!"]);
        assert!(of(2).is_empty());
        assert_eq!(l.sentence_count(), 2);
        let all: Vec<&str> = l.tokens().iter().map(|t| t.text(text)).collect();
        assert_eq!(all.len(), 9, "{all:?}");
        assert_eq!(TokenLayer::new("", &[]).tokens().len(), 0);
    }
}
