//! The learned reader of reported speech: each unit of a sentence is
//! tagged as source, cue, content or outside, by a first-order
//! averaged perceptron decoded with Viterbi, and the tags are assembled
//! into attributions (content, cue, source).
//!
//! Trained on PolNeAR train without its held-out part ([`Trainer`]; the
//! command is in `docs/attribution-model.md`); the weights are
//! `data/reported.model`, built into the binary, read once
//! ([`Model::standard`]) and held by each extractor. Features are cheap: the
//! unit's normal form and its neighbours', word shape, lexicon classes,
//! and where the nearest cue candidates lie (distance, word, commas and
//! "that" in between). A sentence with no cue candidate (a word of the
//! learned cue vocabulary or of the speech-verb list) is not tagged.

use std::sync::{Arc, LazyLock};

use crate::lexicon::{class, Lexicon};
use crate::units::{word_hash as hash_bytes, Unit, UnitKind};

/// Outside, source, cue, content (IO tags: two spans of one kind are
/// seldom adjacent, and four tags keep decoding cheap).
pub const TAGS: usize = 4;
/// Weight rows hold one weight per tag.
const STRIDE: usize = TAGS;
const O: usize = 0;
const SOURCE: usize = 1;
const CUE: usize = 2;
const CONTENT: usize = 3;

/// A word joins the learned cue vocabulary when it is part of a gold cue
/// at least this often, and in at least this share of its occurrences.
const CUE_MIN_COUNT: u32 = 5;
const CUE_MIN_SHARE: f64 = 0.3;

/// Features per unit.
const FEATURES: usize = 15;
const MAGIC: &[u8; 8] = b"CCTAG002";

/// The built-in model, read on first use: the cache behind
/// [`Model::standard`] (the weights take megabytes, shared by every
/// extractor).
static STANDARD: LazyLock<Option<Arc<Model>>> =
    LazyLock::new(|| Model::from_bytes(include_bytes!("../data/reported.model")).map(Arc::new));

/// What the tagger needs of one unit.
#[derive(Debug, Clone, Copy, Default)]
pub struct Token {
    word: u64,
    suffix: u64,
    /// 0 lower-case word, 1 capitalised, 2 all capitals, 3 with a digit,
    /// 4 punctuation, 5 quote.
    shape: u8,
    classes: u16,
    /// A speech cue of the lexicon starts here.
    lexicon_cue: bool,
}

/// The lexicon classes the features read: determiners, role,
/// organisation and document nouns, prepositions, relatives, auxiliaries.
const TAGGER_CLASSES: u16 = class::DETERMINER
    | class::ROLE_NOUN
    | class::ORG_NOUN
    | class::DOCUMENT_NOUN
    | class::PREPOSITION
    | class::RELATIVE
    | class::AUXILIARY;

const QUOTE_WORD: u64 = 0x51_554f_5445;
const EDGE_WORD: u64 = 0xed9e;

impl Token {
    /// The unit's word hash only (what the cue gate needs).
    fn word_of(u: &Unit) -> Token {
        match u.kind {
            UnitKind::Quote(_) => Token {
                word: QUOTE_WORD,
                suffix: QUOTE_WORD,
                shape: 5,
                ..Token::default()
            },
            UnitKind::Punct => Token {
                word: u.hash(),
                shape: 4,
                ..Token::default()
            },
            UnitKind::Word => Token {
                word: u.hash(),
                ..Token::default()
            },
        }
    }

    /// Fills in the rest: shape, suffix, lexicon classes.
    fn fill(&mut self, u: &Unit, text: &str) {
        if u.kind != UnitKind::Word {
            return;
        }
        let norm = u.norm().as_bytes();
        let written = u.text(text).as_bytes();
        self.shape = if written.iter().any(u8::is_ascii_digit) {
            3
        } else if !u.capitalised() {
            0
        } else if written.len() > 1 && !written.iter().any(u8::is_ascii_lowercase) {
            2
        } else {
            1
        };
        let cut = norm.len().saturating_sub(3);
        self.suffix = norm.get(cut..).map_or(0, hash_bytes);
        // The lexicon's class bits of these lists, looked up once (as
        // listed: the model was trained on them).
        self.classes = u.listed_classes() & TAGGER_CLASSES;
    }
}

/// The tokens of a sentence's units, with lexicon cues marked.
pub(crate) fn tokens(lex: &Lexicon, us: &[Unit], text: &str, out: &mut Vec<Token>) {
    out.clear();
    for (k, u) in us.iter().enumerate() {
        let mut t = Token::word_of(u);
        t.fill(u, text);
        t.lexicon_cue = crate::attribute::cue_at(lex, us, k, us.len()).is_some();
        out.push(t);
    }
}

/// [`tokens`] and [`Model::candidates`] in one, for a sentence to tag:
/// the word hashes and the cue gate first, the other features only when
/// the sentence holds a candidate (false when it holds none).
pub(crate) fn tokens_if_cue(
    lex: &Lexicon,
    model: &Model,
    us: &[Unit],
    text: &str,
    out: &mut Vec<Token>,
    cue: &mut Vec<bool>,
) -> bool {
    out.clear();
    cue.clear();
    // The gate reads the units alone (most sentences stop here); a
    // lexicon cue is remembered in `out`'s place until the tokens are made.
    let mut any = false;
    let mut lexicon_cues = 0u64;
    for (k, u) in us.iter().enumerate() {
        let mut c = false;
        if u.is_word() {
            let lexicon_cue = crate::attribute::cue_at(lex, us, k, us.len()).is_some();
            if lexicon_cue && k < 64 {
                lexicon_cues |= 1 << k;
            }
            c = lexicon_cue || model.is_cue_word(u.hash());
        }
        any |= c;
        cue.push(c);
    }
    if any {
        for (k, u) in us.iter().enumerate() {
            let mut t = Token::word_of(u);
            t.lexicon_cue = if k < 64 {
                lexicon_cues & (1 << k) != 0
            } else {
                u.is_word() && crate::attribute::cue_at(lex, us, k, us.len()).is_some()
            };
            t.fill(u, text);
            out.push(t);
        }
    }
    any
}

/// Trained weights.
#[derive(Debug)]
pub struct Model {
    rows_mask: u32,
    /// The learned cue words' hashes.
    cue_words: HashSet64,
    /// From tag (row) to tag (column), at the weights' scale.
    transitions: [[i64; TAGS]; TAGS],
    /// Stored as i16, held as i32: a row's four weights add to a unit's
    /// scores in one vector add.
    weights: Vec<[i32; STRIDE]>,
}

impl Model {
    /// The built-in model (`data/reported.model`), read once and shared;
    /// `None` when the file is not a model.
    pub fn standard() -> Option<Arc<Model>> {
        STANDARD.clone()
    }

    /// Reads the format [`Trainer::train`] writes; `None` when it is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return None;
        }
        let rows_log2 = r.u32()?;
        if !(8..=24).contains(&rows_log2) {
            return None;
        }
        let n_cue = usize::try_from(r.u32()?).ok()?;
        let mut cue_words = Vec::with_capacity(n_cue.min(1 << 16));
        for _ in 0..n_cue {
            cue_words.push(r.u64()?);
        }
        let mut transitions = [[0i64; TAGS]; TAGS];
        for row in transitions.iter_mut() {
            for x in row.iter_mut() {
                *x = i64::from(r.u32()? as i32);
            }
        }
        let n = 1usize << rows_log2;
        let raw = r.take(n * STRIDE * 2)?;
        let weights = raw
            .chunks_exact(STRIDE * 2)
            .map(|row| {
                let mut out = [0i32; STRIDE];
                for (o, c) in out.iter_mut().zip(row.chunks_exact(2)) {
                    *o = i32::from(i16::from_le_bytes([c[0], c[1]]));
                }
                out
            })
            .collect();
        Some(Model {
            rows_mask: (1u32 << rows_log2) - 1,
            cue_words: HashSet64::new(&cue_words),
            transitions,
            weights,
        })
    }

    fn is_cue_word(&self, word: u64) -> bool {
        self.cue_words.contains(word)
    }

    /// Marks the cue candidates of a sentence; false when there is none.
    pub fn candidates(&self, tokens: &[Token], cue: &mut Vec<bool>) -> bool {
        cue.clear();
        let mut any = false;
        for t in tokens {
            let c = t.lexicon_cue || (t.shape < 4 && self.is_cue_word(t.word));
            any |= c;
            cue.push(c);
        }
        any
    }

    /// Best tag sequence for a sentence (`cue` from [`Model::candidates`]),
    /// in `scratch`.
    pub fn tag<'s>(&self, tokens: &[Token], cue: &[bool], scratch: &'s mut Scratch) -> &'s [u8] {
        feature_rows(
            tokens,
            cue,
            self.rows_mask,
            &mut scratch.right,
            &mut scratch.rows,
        );
        let weights = &self.weights;
        // A unit's 15 weights of a tag sum far inside i32 (15 x 2^15).
        let emissions = scratch.rows.chunks_exact(FEATURES).map(|rows| {
            let mut emit = [0i32; TAGS];
            for &row in rows {
                let w = weights.get(row as usize).copied().unwrap_or_default();
                for (e, x) in emit.iter_mut().zip(w) {
                    *e += x;
                }
            }
            emit.map(i64::from)
        });
        viterbi(
            emissions,
            &self.transitions,
            &mut scratch.back,
            &mut scratch.tags,
        );
        &scratch.tags
    }
}

/// A set of word hashes: open addressing in a table at most a quarter
/// full, so that a lookup (most miss) ends at its first or second slot.
#[derive(Debug, Default)]
struct HashSet64 {
    /// 0 marks an empty slot.
    slots: Vec<u64>,
    shift: u32,
    /// Whether 0 itself is in the set.
    zero: bool,
}

impl HashSet64 {
    fn new(words: &[u64]) -> HashSet64 {
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut set = HashSet64 {
            slots: vec![0; size],
            shift: 64 - size.trailing_zeros(),
            zero: false,
        };
        for &w in words {
            if w == 0 {
                set.zero = true;
                continue;
            }
            let mut at = set.home(w);
            while set.slots.get(at).is_some_and(|&s| s != 0 && s != w) {
                at = (at + 1) & (size - 1);
            }
            if let Some(slot) = set.slots.get_mut(at) {
                *slot = w;
            }
        }
        set
    }

    fn home(&self, w: u64) -> usize {
        (w.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    fn contains(&self, w: u64) -> bool {
        if w == 0 {
            return self.zero;
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = self.home(w);
        while let Some(&s) = self.slots.get(at) {
            if s == w {
                return true;
            }
            if s == 0 {
                return false;
            }
            at = (at + 1) & mask;
        }
        false
    }
}

/// Buffers reused between sentences.
#[derive(Debug, Default)]
pub struct Scratch {
    rows: Vec<u32>,
    back: Vec<[u8; TAGS]>,
    right: Vec<Nearest>,
    tags: Vec<u8>,
    /// The sentence's tokens.
    pub tokens: Vec<Token>,
    /// Which tokens are cue candidates.
    pub cue: Vec<bool>,
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Option<u64> {
        let lo = u64::from(self.u32()?);
        let hi = u64::from(self.u32()?);
        Some(lo | (hi << 32))
    }
}

/// Distance buckets: none, 1, 2, 3, 4-5, 6-10, 11-20, more.
fn bucket(d: Option<usize>) -> u64 {
    match d {
        None => 0,
        Some(0..=1) => 1,
        Some(2) => 2,
        Some(3) => 3,
        Some(4..=5) => 4,
        Some(6..=10) => 5,
        Some(11..=20) => 6,
        Some(_) => 7,
    }
}

#[inline(always)]
fn row(template: u64, a: u64, b: u64, mask: u32) -> u32 {
    let h = (a ^ (template + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_mul(0xff51_afd7_ed55_8ccd)
        ^ b;
    ((h.wrapping_mul(0xc4ce_b9fe_1a85_ec53) >> 40) as u32) & mask
}

const THAT: u64 = hash_bytes(b"that");
const COMMA: u64 = hash_bytes(b",");

/// The sentence's edge, as a neighbour.
const EDGE: Token = Token {
    word: EDGE_WORD,
    suffix: EDGE_WORD,
    shape: 6,
    classes: 0,
    lexicon_cue: false,
};

/// What a unit's features read of the nearest cue candidate on one side:
/// its distance bucket, its word (0 for none), and the commas between
/// (at most 2).
#[derive(Debug, Clone, Copy, Default)]
struct Nearest {
    bucket: u64,
    word: u64,
    commas: u64,
}

/// [`FEATURES`] weight rows per token, into `out` (cleared first).
fn feature_rows(
    tokens: &[Token],
    cue: &[bool],
    mask: u32,
    right: &mut Vec<Nearest>,
    out: &mut Vec<u32>,
) {
    let n = tokens.len().min(cue.len());
    let (tokens, cue) = (&tokens[..n], &cue[..n]);
    // Nearest cue candidate to the right, and the commas on the way.
    right.clear();
    right.resize(n, Nearest::default());
    let mut next: Option<usize> = None;
    let mut commas = 0u64;
    for (i, (slot, (t, &is_cue))) in right
        .iter_mut()
        .zip(tokens.iter().zip(cue))
        .enumerate()
        .rev()
    {
        *slot = Nearest {
            bucket: bucket(next.map(|j| j - i)),
            word: next.and_then(|j| tokens.get(j)).map_or(0, |t| t.word),
            commas: commas.min(2),
        };
        if is_cue {
            next = Some(i);
            commas = 0;
        } else if t.word == COMMA {
            commas += 1;
        }
    }
    out.clear();
    out.resize(n * FEATURES, 0);
    let mut last: Option<usize> = None;
    let mut commas = 0u64;
    let mut that = 0u64;
    let mut p1 = EDGE;
    for (i, (rows, ((t, &is_cue), r))) in out
        .chunks_exact_mut(FEATURES)
        .zip(tokens.iter().zip(cue).zip(right.iter()))
        .enumerate()
    {
        let t = *t;
        let n1 = tokens.get(i + 1).copied().unwrap_or(EDGE);
        let lb = bucket(last.map(|j| i - j));
        let left_word = last.and_then(|j| tokens.get(j)).map_or(0, |t| t.word);
        let rb = r.bucket;
        let cue_bit = u64::from(is_cue);
        let place = u64::from(i == 0) | (u64::from(i + 1 == n) << 1);
        let shapes = u64::from(p1.shape) | (u64::from(t.shape) << 8) | (u64::from(n1.shape) << 16);
        let f: [u32; FEATURES] = [
            row(0, t.word, 0, mask),
            row(1, p1.word, 0, mask),
            row(2, n1.word, 0, mask),
            row(3, p1.word, t.word, mask),
            row(4, t.word, n1.word, mask),
            row(5, t.suffix, 0, mask),
            row(6, shapes, 0, mask),
            row(7, u64::from(t.classes) | (cue_bit << 16), 0, mask),
            row(8, lb, left_word, mask),
            row(9, rb, r.word, mask),
            row(10, lb, rb | (cue_bit << 8), mask),
            row(11, lb, commas.min(2) | (that << 4), mask),
            row(12, rb, r.commas, mask),
            row(13, t.word, lb | (rb << 8), mask),
            row(14, place, u64::from(t.shape) | (cue_bit << 8), mask),
        ];
        rows.copy_from_slice(&f);
        if is_cue {
            last = Some(i);
            commas = 0;
            that = 0;
        } else if t.word == COMMA {
            commas += 1;
        } else if t.word == THAT {
            that = 1;
        }
        p1 = t;
    }
}

/// One attribution read from a sentence's tags: unit ranges `[start, end)`
/// within the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// What was said.
    pub content: (usize, usize),
    /// The cue it is paired with.
    pub cue: (usize, usize),
    /// Who said it, when the sentence names them.
    pub source: Option<(usize, usize)>,
}

/// Maximal runs of tag `kind`.
fn runs(tags: &[u8], kind: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        if usize::from(t) != kind {
            continue;
        }
        match out.last_mut() {
            Some(r) if r.1 == i => r.1 = i + 1,
            _ => out.push((i, i + 1)),
        }
    }
    out
}

fn gap(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

/// Contents with the nearest cue and the source nearest that cue; a
/// content with no cue in its sentence is dropped.
pub fn assemble(tags: &[u8]) -> Vec<Found> {
    let contents = join_around_inserted_cues(tags, runs(tags, CONTENT));
    if contents.is_empty() {
        return Vec::new();
    }
    let cues = runs(tags, CUE);
    let sources = runs(tags, SOURCE);
    contents
        .into_iter()
        .filter_map(|content| {
            let cue = cues
                .iter()
                .copied()
                .min_by_key(|&c| (gap(c, content), c.0))?;
            let source = sources
                .iter()
                .copied()
                .filter(|&s| {
                    gap(s, cue) < gap(s, content)
                        || s.1 <= content.0.min(cue.0)
                        // set inside a content joined around it
                        || (content.0 < s.0 && s.1 < content.1)
                })
                .min_by_key(|&s| (gap(s, cue), s.0));
            Some(Found {
                content,
                cue,
                source,
            })
        })
        .collect()
}

/// Joins two contents split by an attribution set inside what was said
/// ("The talks, the minister said, stalled over fees"): one statement, whose
/// envelope holds the source and cue (as PolNeAR marks it).
fn join_around_inserted_cues(tags: &[u8], contents: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(contents.len());
    for c in contents {
        if let Some(last) = out.last_mut() {
            // Only the source and cue between them, with at most one unit
            // outside at either end (the commas, which the tagger may also
            // read as content), and no cue before the first content
            // ("S C N , S C N" is two statements).
            let between = tags.get(last.1..c.0).unwrap_or(&[]);
            let inner = match between {
                [open, rest @ ..] if usize::from(*open) == O => rest,
                _ => between,
            };
            let inner = match inner {
                [rest @ .., close] if usize::from(*close) == O => rest,
                _ => inner,
            };
            let framed = inner.len() <= 10
                && inner.iter().any(|&t| usize::from(t) == SOURCE)
                && inner.iter().any(|&t| usize::from(t) == CUE)
                && inner
                    .iter()
                    .all(|&t| matches!(usize::from(t), SOURCE | CUE));
            let cue_before = tags
                .get(..last.0)
                .is_some_and(|t| t.iter().any(|&t| usize::from(t) == CUE));
            if framed && !cue_before {
                last.1 = c.1;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A training sentence: its tokens and gold tags.
struct Example {
    tokens: Vec<Token>,
    tags: Vec<u8>,
}

/// Gold spans of one attribution, byte offsets into the document text.
#[derive(Debug, Clone, Copy)]
pub struct GoldSpans {
    /// The content (the envelope of a discontinuous one).
    pub content: (usize, usize),
    /// The cue, when annotated.
    pub cue: Option<(usize, usize)>,
    /// The source, when annotated.
    pub source: Option<(usize, usize)>,
}

/// Collects sentences with gold tags, then trains ([`Trainer::train`]).
/// Deterministic: the same documents in the same order give the same
/// bytes.
pub struct Trainer {
    /// The lexicon the sentences' units and cue features are read with
    /// (the extractor that uses the model should hold the same).
    lexicon: Arc<Lexicon>,
    examples: Vec<Example>,
}

impl Default for Trainer {
    fn default() -> Trainer {
        Trainer::new()
    }
}

impl Trainer {
    /// A trainer with no sentences yet, reading the standard lexicon.
    pub fn new() -> Trainer {
        Trainer::with_lexicon(Lexicon::standard())
    }

    /// A trainer with no sentences yet, reading `lexicon`.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> Trainer {
        Trainer {
            lexicon,
            examples: Vec::new(),
        }
    }

    /// Adds the sentences the extractor would tag in `doc`, labelled from
    /// `gold`.
    pub fn add(&mut self, doc: &crosscheck_model::Document, gold: &[GoldSpans]) {
        crate::extract::for_each_tagged_sentence(&self.lexicon, doc, |us, text| {
            let mut toks = Vec::new();
            tokens(&self.lexicon, us, text, &mut toks);
            let mut tags = vec![O as u8; us.len()];
            // Content first; cue and source override it (nested
            // attributions keep the inner one's parts).
            for tag in [CONTENT, SOURCE, CUE] {
                for g in gold {
                    let span = match tag {
                        CONTENT => Some(g.content),
                        SOURCE => g.source,
                        _ => g.cue,
                    };
                    let Some((s, e)) = span else { continue };
                    for (k, u) in us.iter().enumerate() {
                        if u.start >= s && u.end <= e {
                            if let Some(t) = tags.get_mut(k) {
                                *t = tag as u8;
                            }
                        }
                    }
                }
            }
            self.examples.push(Example { tokens: toks, tags });
        });
    }

    /// Averaged perceptron, `epochs` passes in a fixed order; returns the
    /// model file's bytes. `rows_log2` sets the hashed table's size.
    pub fn train(&self, epochs: usize, rows_log2: u32) -> Vec<u8> {
        let cue_words = self.cue_vocabulary();
        let mask = (1u32 << rows_log2) - 1;
        let n_rows = 1usize << rows_log2;
        let model_words = Model {
            rows_mask: mask,
            cue_words: HashSet64::new(&cue_words),
            transitions: [[0; TAGS]; TAGS],
            weights: Vec::new(),
        };
        // Only sentences the tagger will see: those with a candidate.
        let mut data: Vec<(Vec<u32>, &Example, Vec<bool>)> = Vec::new();
        for ex in &self.examples {
            let mut cue = Vec::new();
            if !model_words.candidates(&ex.tokens, &mut cue) {
                continue;
            }
            let mut rows = Vec::new();
            feature_rows(&ex.tokens, &cue, mask, &mut Vec::new(), &mut rows);
            data.push((rows, ex, cue));
        }
        let mut w = vec![0i64; n_rows * STRIDE];
        let mut u = vec![0i64; n_rows * STRIDE];
        let mut tw = [[0i64; TAGS]; TAGS];
        let mut tu = [[0i64; TAGS]; TAGS];
        let mut c: i64 = 1;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut back = Vec::new();
        let mut pred = Vec::new();
        let mut seed: u64 = 0x5eed;
        for _ in 0..epochs {
            // A fixed shuffle per epoch (Fisher-Yates on a seeded LCG).
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let j = ((seed >> 33) as usize) % (i + 1);
                order.swap(i, j);
            }
            for &k in &order {
                let Some((rows, ex, _)) = data.get(k) else {
                    continue;
                };
                let emissions = rows.chunks_exact(FEATURES).map(|rows| {
                    let mut emit = [0i64; TAGS];
                    for &r in rows {
                        let at = r as usize * STRIDE;
                        for (t, e) in emit.iter_mut().enumerate() {
                            *e += w.get(at + t).copied().unwrap_or(0);
                        }
                    }
                    emit
                });
                viterbi(emissions, &tw, &mut back, &mut pred);
                if pred != ex.tags {
                    for (i, (&g, &p)) in ex.tags.iter().zip(&pred).enumerate() {
                        let (g, p) = (usize::from(g), usize::from(p));
                        if g != p {
                            for &r in rows.get(i * FEATURES..(i + 1) * FEATURES).unwrap_or(&[]) {
                                let at = r as usize * STRIDE;
                                w[at + g] += 1;
                                u[at + g] += c;
                                w[at + p] -= 1;
                                u[at + p] -= c;
                            }
                        }
                        if i > 0 {
                            let gp = usize::from(ex.tags[i - 1]);
                            let pp = usize::from(pred[i - 1]);
                            if gp != pp || g != p {
                                tw[gp][g] += 1;
                                tu[gp][g] += c;
                                tw[pp][p] -= 1;
                                tu[pp][p] -= c;
                            }
                        }
                    }
                }
                c += 1;
            }
        }
        // Averaged weights: w - u / c, scaled into i16.
        let avg: Vec<f64> = w
            .iter()
            .zip(&u)
            .map(|(&w, &u)| w as f64 - u as f64 / c as f64)
            .collect();
        let tavg: Vec<f64> = tw
            .iter()
            .flatten()
            .zip(tu.iter().flatten())
            .map(|(&w, &u)| w as f64 - u as f64 / c as f64)
            .collect();
        let max = avg
            .iter()
            .chain(&tavg)
            .fold(1e-9f64, |m, &x| m.max(x.abs()));
        let scale = 32_000.0 / max;
        let mut out = Vec::with_capacity(16 + n_rows * STRIDE * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&rows_log2.to_le_bytes());
        out.extend_from_slice(&(cue_words.len() as u32).to_le_bytes());
        for h in &cue_words {
            out.extend_from_slice(&h.to_le_bytes());
        }
        for x in &tavg {
            out.extend_from_slice(&((x * scale).round() as i32).to_le_bytes());
        }
        for x in &avg {
            out.extend_from_slice(&((x * scale).round() as i16).to_le_bytes());
        }
        out
    }

    /// Words that are part of a gold cue often enough ([`CUE_MIN_COUNT`],
    /// [`CUE_MIN_SHARE`]).
    fn cue_vocabulary(&self) -> Vec<u64> {
        let mut seen: std::collections::BTreeMap<u64, (u32, u32)> = Default::default();
        for ex in &self.examples {
            for (t, &tag) in ex.tokens.iter().zip(&ex.tags) {
                if t.shape >= 4 {
                    continue;
                }
                let e = seen.entry(t.word).or_default();
                e.0 += 1;
                if usize::from(tag) == CUE {
                    e.1 += 1;
                }
            }
        }
        seen.into_iter()
            .filter(|&(_, (all, cue))| {
                cue >= CUE_MIN_COUNT && f64::from(cue) >= CUE_MIN_SHARE * f64::from(all)
            })
            .map(|(w, _)| w)
            .collect()
    }

    /// How many sentences were added.
    pub fn sentences(&self) -> usize {
        self.examples.len()
    }
}

/// The best tag sequence for per-unit tag scores and transition weights
/// (ties go to the lower tag), into `tags`; `back` is scratch.
fn viterbi(
    emissions: impl Iterator<Item = [i64; TAGS]>,
    trans: &[[i64; TAGS]; TAGS],
    back: &mut Vec<[u8; TAGS]>,
    tags: &mut Vec<u8>,
) {
    back.clear();
    let mut prev = [0i64; TAGS];
    for (i, emit) in emissions.enumerate() {
        let mut cur = emit;
        let mut bk = [0u8; TAGS];
        if i > 0 {
            for (t, (c, b)) in cur.iter_mut().zip(bk.iter_mut()).enumerate() {
                let mut best = i64::MIN;
                for (p, (&s, row)) in prev.iter().zip(trans).enumerate() {
                    if s + row[t] > best {
                        best = s + row[t];
                        *b = p as u8;
                    }
                }
                *c = best + emit[t];
            }
        }
        back.push(bk);
        prev = cur;
    }
    let n = back.len();
    tags.clear();
    tags.resize(n, 0);
    let mut t = (0..TAGS)
        .max_by_key(|&t| (prev[t], usize::MAX - t))
        .unwrap_or(O);
    for i in (0..n).rev() {
        if let Some(slot) = tags.get_mut(i) {
            *slot = t as u8;
        }
        if i > 0 {
            t = back.get(i).map_or(O, |b| usize::from(b[t]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_and_assembly_pair_content_with_nearest_cue_and_source() {
        // S C N N O S C N
        let tags = [SOURCE, CUE, CONTENT, CONTENT, O, SOURCE, CUE, CONTENT].map(|t| t as u8);
        let found = assemble(&tags);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].content, (2, 4));
        assert_eq!(found[0].cue, (1, 2));
        assert_eq!(found[0].source, Some((0, 1)));
        assert_eq!(found[1].source, Some((5, 6)));
    }

    #[test]
    fn an_attribution_set_inside_the_content_joins_its_two_halves() {
        // "The talks , the minister said , stalled": N N O S S C O N
        let tags = [CONTENT, CONTENT, O, SOURCE, SOURCE, CUE, O, CONTENT].map(|t| t as u8);
        let found = assemble(&tags);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].content, (0, 8));
        assert_eq!(found[0].cue, (5, 6));
        assert_eq!(found[0].source, Some((3, 5)));
        // A first content with its own cue stays apart from the next one:
        // "S C N , S C N" is two statements.
        let tags = [SOURCE, CUE, CONTENT, O, SOURCE, CUE, CONTENT].map(|t| t as u8);
        assert_eq!(assemble(&tags).len(), 2);
    }

    #[test]
    fn content_without_cue_is_dropped() {
        let tags = [CONTENT, CONTENT, O].map(|t| t as u8);
        assert!(assemble(&tags).is_empty());
    }

    #[test]
    fn bad_model_bytes_are_refused() {
        assert!(Model::from_bytes(b"nope").is_none());
        assert!(Model::from_bytes(b"CCTAG002\x02\0\0\0").is_none());
    }
}
