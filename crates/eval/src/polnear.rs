//! Attribution (who said what) on a PolNeAR split: dev, the untouched
//! held-out part of train ([`is_heldout`]), or any folder of brat files
//! (`CROSSCHECK_POLNEAR_SPLIT`, see [`Split`]).
//!
//! Gold: one annotator file per article, the first in alphabetical order of
//! the annotator suffix (several articles carry more than one annotator;
//! taking the first keeps one gold set per article, chosen blindly). Every
//! `E` relation with a `Content` is one gold attribution; a discontinuous
//! content (a quote split by its attribution) is scored as its envelope,
//! first fragment start to last fragment end.
//!
//! Predictions: crosscheck's quote claims; consecutive direct quotes (a
//! reported claim may sort between them) that
//! share a source and are separated only by their own attribution and
//! punctuation (“A,” he said. “B.”; the second claim names no source span
//! or the same one)
//! are merged into one envelope, which is how PolNeAR annotates split
//! quotes. So are a quoted fragment inside the attribution between two
//! parts, when the attribution's sentence only goes on after it (“A,” she
//! told Radio Kell's “Night Desk” on Monday. “B.”), and a direct quote with
//! no attribution of its own right after a reported claim of the same
//! speaker (Ivo Sand said the ferry would run. “The crews agreed.”), which
//! PolNeAR marks as one content with it. A direct quote that is a fragment inside running text and lies
//! within a reported content crosscheck also gives is part of that one
//! attribution and is not scored separately (PolNeAR's gold there is the
//! whole clause; the old extractor never gave such clauses, so its figures
//! do not change). A resolved source with no span of its own (a quote
//! continuing an earlier speaker's) is scored at the latest earlier span
//! naming that source. A nested attribution ("The paper quoted Ivo Sand
//! as saying ...") is scored as PolNeAR marks it: the one who quotes as
//! the source (crosscheck's `quoted_by`), and a reported content starting
//! with the one quoted; a passive one ("Ivo Sand was quoted by the paper as
//! saying ...") as it stands. External predictions (a baseline)
//! are read from the JSONL file named by `CROSSCHECK_POLNEAR_PREDICTIONS`:
//! one `{"file", "content_start", "content_end", "source_start",
//! "source_end"}` per line, character offsets into the article text,
//! `file` the text's file name, source offsets optional.
//!
//! Matching: spans are compared after trimming whitespace, quote marks,
//! punctuation and a leading complementizer "that" (PolNeAR contents keep
//! it; crosscheck's quote text does not). Exact = identical trimmed
//! spans; overlap = shared tokens ≥ 50% of the longer span's tokens. Each
//! gold content matches at most one prediction (greedy by overlap). Source
//! figures count an attribution correct when its content matched and its
//! source span matches too; source accuracy is that share among matched
//! contents whose gold has a source. Direct-quote figures restrict gold to
//! contents that start and end with a quote mark and predictions to direct
//! quotes that stand as statements (the opening mark follows clause
//! punctuation or starts the paragraph); fragments quoted inside running
//! text ("called it a “desperate move”") are scored with all contents,
//! where PolNeAR's gold is the whole reported clause around them.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crosscheck_attribution::tagger::{GoldSpans, Trainer};
use crosscheck_attribution::QuoteExtractor;
use crosscheck_model::{Claim, Document, Span};
use crosscheck_text::SentenceSplitter;

use crate::{read_to_string, EvalError, EvalReport};

/// Character offsets `[start, end)`.
type CharSpan = (usize, usize);

#[derive(Debug, Clone)]
/// One gold attribution: the content, its source, and whether it is a direct quote.
pub struct GoldAttribution {
    /// The attributed content.
    pub content: CharSpan,
    /// Its source, when annotated.
    pub source: Option<CharSpan>,
    /// Its cue (speech verb or phrase), when annotated.
    pub cue: Option<CharSpan>,
    /// Verbatim between quote marks.
    pub direct: bool,
}

#[derive(Debug, Clone, PartialEq)]
/// One predicted attribution.
pub struct Prediction {
    /// The attributed content.
    pub content: CharSpan,
    /// Its source, when found.
    pub source: Option<CharSpan>,
    /// Verbatim between quote marks.
    pub direct: bool,
}

/// One article: its text and gold attributions.
#[derive(Debug, Clone)]
pub struct Article {
    /// The article's file name.
    pub name: String,
    /// The article text.
    pub text: String,
    /// Its gold attributions.
    pub gold: Vec<GoldAttribution>,
}

const QUOTE_MARKS: &[char] = &['“', '”', '"', '‘', '’', '\'', '«', '»'];

/// Which articles to score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// `dev/`: 84 articles, used for tuning.
    Dev,
    /// The untouched part of `train/` ([`is_heldout`]): never looked at
    /// while tuning, never trained on.
    Heldout,
    /// `train/` without the held-out articles: what models are trained on.
    Fit,
    /// Any folder holding `text/` and `attributions/` (the test split,
    /// when one has it).
    Dir(PathBuf),
}

impl Split {
    /// `dev`, `heldout`, `fit`, or a folder.
    pub fn parse(s: &str) -> Split {
        match s {
            "dev" => Split::Dev,
            "heldout" => Split::Heldout,
            "fit" => Split::Fit,
            other => Split::Dir(PathBuf::from(other)),
        }
    }

    /// The split named by `CROSSCHECK_POLNEAR_SPLIT`, else dev.
    pub fn from_env() -> Split {
        std::env::var("CROSSCHECK_POLNEAR_SPLIT").map_or(Split::Dev, |s| Split::parse(&s))
    }

    fn name(&self) -> String {
        match self {
            Split::Dev => "dev".to_string(),
            Split::Heldout => "held-out train".to_string(),
            Split::Fit => "train without held-out".to_string(),
            Split::Dir(d) => d.display().to_string(),
        }
    }
}

/// Whether a `train/` article (file stem without annotator suffix) belongs
/// to the untouched held-out split: FNV-1a of a fixed seed and the stem,
/// 120 in 1000 (about 100 of the 840 articles). Fixed once, before any
/// tuning; `scripts/baselines/textacy_quotes.py` computes the same.
pub fn is_heldout(stem: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in HELDOUT_SEED.bytes().chain(stem.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 1000 < 120
}

const HELDOUT_SEED: &str = "crosscheck-polnear-heldout/1:";

/// Reads one split under the PolNeAR folder `dir`: texts and the first
/// annotator's attributions.
pub fn load(dir: &Path, split: &Split) -> Result<Vec<Article>, EvalError> {
    match split {
        Split::Dev => load_dir(&dir.join("dev"), |_| true),
        Split::Heldout => load_dir(&dir.join("train"), is_heldout),
        Split::Fit => load_dir(&dir.join("train"), |s| !is_heldout(s)),
        Split::Dir(d) => load_dir(d, |_| true),
    }
}

/// Reads `<dir>/<split>` (kept for callers that name a folder).
pub fn load_split(dir: &Path, split: &str) -> Result<Vec<Article>, EvalError> {
    load_dir(&dir.join(split), |_| true)
}

/// Reads a folder holding `text/` and `attributions/`, keeping the
/// articles whose stem `keep` accepts.
pub fn load_dir(dir: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<Article>, EvalError> {
    load_annotations(dir, keep, false)
}

/// [`load_dir`], with every annotator's file of an article (`all`) or the
/// first in name order.
fn load_annotations(
    dir: &Path,
    keep: impl Fn(&str) -> bool,
    all: bool,
) -> Result<Vec<Article>, EvalError> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut anns: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .map_err(|e| EvalError::io(&ann_dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    names.sort();
    for path in names {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((article, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        if keep(article) {
            let files = anns.entry(article.to_string()).or_default();
            if all || files.is_empty() {
                files.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for (article, files) in anns {
        let text_path = text_dir.join(format!("{article}.txt"));
        let text = read_to_string(&text_path)?;
        for ann in files {
            let gold = parse_ann(&read_to_string(&ann)?, &text, &ann)?;
            out.push(Article {
                name: format!("{article}.txt"),
                text: text.clone(),
                gold,
            });
        }
    }
    if out.is_empty() {
        return Err(EvalError::data(&ann_dir, "no annotated articles"));
    }
    Ok(out)
}

/// Parses brat standoff into gold attributions.
pub fn parse_ann(ann: &str, text: &str, path: &Path) -> Result<Vec<GoldAttribution>, EvalError> {
    let mut spans: BTreeMap<&str, CharSpan> = BTreeMap::new();
    let mut relations = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut parts = body.splitn(2, ' ');
            let _label = parts.next();
            let offsets = parts.next().unwrap_or("");
            let mut lo = usize::MAX;
            let mut hi = 0;
            for frag in offsets.split(';') {
                let mut nums = frag.split_whitespace().map(str::parse::<usize>);
                match (nums.next(), nums.next()) {
                    (Some(Ok(s)), Some(Ok(e))) => {
                        lo = lo.min(s);
                        hi = hi.max(e);
                    }
                    _ => return Err(EvalError::data(path, format!("bad offsets: {line}"))),
                }
            }
            spans.insert(id, (lo, hi));
        } else if id.starts_with('E') {
            relations.push(body);
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for rel in relations {
        let mut content = None;
        let mut source = None;
        let mut cue = None;
        for arg in rel.split_whitespace() {
            if let Some(t) = arg.strip_prefix("Content:") {
                content = spans.get(t).copied();
            } else if let Some(t) = arg.strip_prefix("Source:") {
                source = spans.get(t).copied();
            } else if let Some(t) = arg.strip_prefix("Cue:") {
                cue = spans.get(t).copied();
            }
        }
        let Some(content) = content else { continue };
        let slice: String = chars
            .get(content.0..content.1.min(chars.len()))
            .unwrap_or(&[])
            .iter()
            .collect();
        let t = slice.trim();
        let direct =
            t.starts_with(QUOTE_MARKS) && t.trim_end_matches(['.', ',']).ends_with(QUOTE_MARKS);
        out.push(GoldAttribution {
            content,
            source,
            cue,
            direct,
        });
    }
    Ok(out)
}

/// Byte offset → character offset table for one text.
fn char_index(text: &str) -> impl Fn(usize) -> usize + '_ {
    move |byte: usize| {
        text.get(..byte)
            .map_or_else(|| text.chars().count(), |s| s.chars().count())
    }
}

/// crosscheck's claims as predictions (character offsets), split quotes
/// merged.
pub fn predictions_from_claims(text: &str, claims: &[Claim]) -> Vec<Prediction> {
    let to_char = char_index(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Prediction> = Vec::new();
    // The last direct quote and its prediction: a reported claim read
    // around a split quote may sort between its two parts.
    let mut last: Option<(&Claim, usize)> = None;
    // The reported claim just before, when nothing came between.
    let mut reported_before: Option<(&Claim, usize)> = None;
    // Sources named so far, with where: (name, span).
    let mut named: Vec<(&String, &Span)> = Vec::new();
    let (inside_attribution, bridged) = fragments_inside_attributions(text, claims);
    for (ci, c) in claims.iter().enumerate() {
        let Some(q) = c.quote() else { continue };
        if inside_attribution.contains(&ci) {
            continue;
        }
        if let (Some(name), Some(s)) = (c.source.name.as_ref(), c.source.span.as_ref()) {
            named.push((name, s));
        }
        if let Some((prev, pred)) = last.and_then(|(p, i)| Some(p).zip(out.get_mut(i))) {
            let prev_q = prev.quote();
            let continues = bridged.contains(&ci)
                || q.direct
                    && prev_q.is_some_and(|p| p.direct)
                    && (c.source.span.is_none() || c.source.span == prev.source.span)
                    && c.source.name == prev.source.name
                    && prev.span.end <= q.span.start
                    && text.get(prev.span.end..q.span.start).is_some_and(|gap| {
                        // (The attribution's last full stop may be its own,
                        // "said Sen. Ada Lume, R-Ore." or "(D-Ore.).")
                        let stopped = text.get(..prev.span.end).is_some_and(|t| t.ends_with('.'));
                        gap.chars().all(|c| between_quote_parts(c) || c == ')')
                            && (stopped || gap.contains(['.', ',', '!', '?', ';', ':', '\n']))
                    });
            if continues {
                pred.content.1 = to_char(q.span.end);
                let at = last.map_or(0, |(_, i)| i);
                last = Some((c, at));
                continue;
            }
        }
        if let Some((prev, i)) = reported_before.filter(|_| q.direct && c.source.span.is_none()) {
            let gap_ok = prev.span.end <= q.span.start
                && text.get(prev.span.end..q.span.start).is_some_and(|gap| {
                    gap.chars().all(between_quote_parts) && gap.contains(['.', '\n'])
                });
            if gap_ok && prev.source.name.is_some() && c.source.name == prev.source.name {
                if let Some(pred) = out.get_mut(i) {
                    pred.content.1 = to_char(q.span.end);
                    last = Some((c, i));
                    reported_before = None;
                    continue;
                }
            }
        }
        reported_before = None;
        // A quote whose speaker is resolved but not named in its own
        // sentence (a quote continued in a later sentence or paragraph)
        // is sourced, as PolNeAR marks it, at the latest earlier mention
        // of that speaker.
        let span = c.source.span.as_ref().or_else(|| {
            let name = c.source.name.as_ref()?;
            named
                .iter()
                .rev()
                .find(|(n, _)| *n == name)
                .map(|&(_, s)| s)
        });
        // Speakers named together ("Mark Blumenthal and Jon Cohen: ...")
        // are one source span in PolNeAR; crosscheck gives the first as the
        // source and the others as co-sources, each with its own span.
        let joint = |s: &Span| {
            let (mut start, mut end) = (s.start, s.end);
            if c.source.span.is_some() {
                for co in c.co_sources.iter().filter_map(|co| co.span.as_ref()) {
                    let near = co.start.saturating_sub(end) <= JOINT_GAP
                        && start.saturating_sub(co.end) <= JOINT_GAP;
                    if near {
                        start = start.min(co.start);
                        end = end.max(co.end);
                    }
                }
            }
            (to_char(start), to_char(end))
        };
        let source = span.map(joint);
        // "The paper quoted Ivo Sand as saying ...": PolNeAR's source is
        // the one who quotes, and a reported content starts with the one
        // quoted.
        // (Passive, "Ivo Sand was quoted by the paper as saying ...", names
        // the one quoted first: scored as it stands.)
        let active = |by: &crosscheck_model::Source| match (&by.span, &c.source.span) {
            (Some(b), Some(s)) => b.start < s.start,
            _ => true,
        };
        let (content_start, source) = match c.quoted_by.as_deref().filter(|by| active(by)) {
            Some(by) => {
                let quoted_at = c
                    .source
                    .span
                    .as_ref()
                    .map(|s| s.start)
                    .filter(|_| !q.direct);
                (
                    quoted_at.map_or(q.span.start, |s| s.min(q.span.start)),
                    by.span.as_ref().map(|s| (to_char(s.start), to_char(s.end))),
                )
            }
            None => (q.span.start, source),
        };
        out.push(Prediction {
            content: (to_char(content_start), to_char(q.span.end)),
            source,
            direct: q.direct,
        });
        if q.direct {
            last = Some((c, out.len() - 1));
        } else {
            reported_before = Some((c, out.len() - 1));
        }
    }
    // A quoted fragment inside a reported clause crosscheck also gives
    // ("said she was making “a firm demand” of the council") is part of that
    // one attribution, as PolNeAR annotates it, not a second one.
    let clauses: Vec<CharSpan> = out
        .iter()
        .filter(|p| !p.direct)
        .map(|p| p.content)
        .collect();
    out.retain(|p| {
        !(p.direct
            && embedded(&chars, p.content.0)
            && clauses
                .iter()
                .any(|&(s, e)| s <= p.content.0 && p.content.1 <= e))
    });
    out
}

/// Quoted fragments set inside the attribution between two parts of one
/// speaker's quote ("“A,” Ivo Sand said on Radio Kell's “Night Desk.” “B.”",
/// "“A,” she said after hinting that “changes” could come. “B.”"): PolNeAR
/// annotates the two parts and all between them as one content, so the
/// fragment is no content of its own and the second part goes on the first.
/// Returns the fragments' claim indices and those of the second parts.
fn fragments_inside_attributions(text: &str, claims: &[Claim]) -> (HashSet<usize>, HashSet<usize>) {
    let direct: Vec<(usize, &Claim)> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.quote().is_some_and(|q| q.direct))
        .collect();
    let mut inside = HashSet::new();
    let mut bridged = HashSet::new();
    for w in direct.windows(3) {
        let [(_, first), (fi, fragment), (si, second)] = w else {
            continue;
        };
        let (Some(fq), Some(sq)) = (fragment.quote(), second.quote()) else {
            continue;
        };
        let same_speaker = first.source.name.is_some()
            && fragment.source.name == first.source.name
            && second.source.name == first.source.name
            && second.source.span.is_none();
        let between = text.get(first.span.end..fq.span.start).unwrap_or("\n");
        let after = text
            .get(fragment.span.end..second.span.start)
            .unwrap_or("x");
        // (Only spaces and tabs before the marks: not `embedded`, which
        // skips any white space but a line break.)
        let runs_on = text.get(..fq.span.start).is_some_and(|b| {
            b.trim_end_matches(QUOTE_MARKS)
                .trim_end_matches([' ', '\t'])
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        });
        let in_clause =
            !between.contains(['\n', '.', '!', '?']) && runs_on && rest_of_sentence(after);
        if same_speaker && in_clause && sq.span.start > fq.span.end {
            inside.insert(*fi);
            bridged.insert(*si);
        }
    }
    (inside, bridged)
}

/// Whether `after`, the text between a fragment and the next quote part,
/// only ends the fragment's sentence: punctuation, or words up to its
/// closing stop (“A,” she told Radio Kell's “Night Desk” on Monday. “B.”),
/// with no line break and no sentence beginning inside.
fn rest_of_sentence(after: &str) -> bool {
    if after.contains('\n') {
        return false;
    }
    if after.chars().all(between_quote_parts) {
        return true;
    }
    let body = after.trim_end_matches(|c: char| c.is_whitespace() || QUOTE_MARKS.contains(&c));
    let Some(last) = body.chars().next_back() else {
        return true;
    };
    let inner = body.get(..body.len() - last.len_utf8()).unwrap_or("");
    ".!?".contains(last)
        && body.chars().count() <= 120
        && !["! ", "? "].iter().any(|b| inner.contains(b))
        && !inner
            .split(". ")
            .skip(1)
            .any(|next| next.starts_with(char::is_uppercase))
}

/// A char that may stand between two parts of one quote with nothing said
/// between them: white space, clause punctuation, quote marks.
fn between_quote_parts(ch: char) -> bool {
    ch.is_whitespace() || ".,;:—–".contains(ch) || QUOTE_MARKS.contains(&ch)
}

/// Bytes between two speakers named together ("A, B and C", "A and B")
/// for them to be one source span.
const JOINT_GAP: usize = 6;

/// True when the quote whose content starts at char `start` (at or just
/// after its opening mark) is a fragment inside running text: a word, not
/// clause punctuation or the paragraph start, comes before the mark.
pub fn embedded(chars: &[char], start: usize) -> bool {
    let mut j = start.min(chars.len());
    while j > 0
        && chars
            .get(j - 1)
            .is_some_and(|&c| (c.is_whitespace() && c != '\n') || QUOTE_MARKS.contains(&c))
    {
        j -= 1;
    }
    j > 0 && chars.get(j - 1).is_some_and(|c| c.is_alphanumeric())
}

/// Tokens of a span after trimming, as (start, end) char offsets.
fn tokens(chars: &[char], span: CharSpan) -> Vec<CharSpan> {
    let (s, e) = trim(chars, span);
    let mut out = Vec::new();
    let mut k = s;
    while k < e {
        while k < e && chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        let start = k;
        while k < e && chars.get(k).is_some_and(|c| !c.is_whitespace()) {
            k += 1;
        }
        if k > start {
            out.push((start, k));
        }
    }
    out
}

/// Trims whitespace, quote marks, punctuation and a leading "that".
fn trim(chars: &[char], (mut s, mut e): CharSpan) -> CharSpan {
    let e_max = chars.len();
    e = e.min(e_max);
    let junk = |c: char| c.is_whitespace() || QUOTE_MARKS.contains(&c) || ".,;:!?—–-…".contains(c);
    loop {
        let before = (s, e);
        while s < e && chars.get(s).is_some_and(|&c| junk(c)) {
            s += 1;
        }
        while e > s && chars.get(e - 1).is_some_and(|&c| junk(c)) {
            e -= 1;
        }
        // ("that “...”" and "that, “...”" alike.)
        let word: String = chars.get(s..(s + 4).min(e)).unwrap_or(&[]).iter().collect();
        let ends = chars
            .get(s + 4)
            .is_some_and(|&c| c.is_whitespace() || c == ',');
        if word.eq_ignore_ascii_case("that") && s + 4 < e && ends {
            s += 4;
        }
        if (s, e) == before {
            return (s, e);
        }
    }
}

/// True when spans `a` and `b` share a char other than white space or a quote mark.
pub fn spans_overlap(chars: &[char], a: CharSpan, b: CharSpan) -> bool {
    overlap_ok(chars, a, b)
}

fn overlap_ok(chars: &[char], a: CharSpan, b: CharSpan) -> bool {
    let ta = tokens(chars, a);
    let tb = tokens(chars, b);
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    let shared = ta.iter().filter(|t| tb.contains(t)).count();
    shared * 2 >= ta.len().max(tb.len())
}

/// True when spans `a` and `b` are the same after trimming (the exact
/// condition of the scores).
pub fn spans_exact(chars: &[char], a: CharSpan, b: CharSpan) -> bool {
    exact_ok(chars, a, b)
}

fn exact_ok(chars: &[char], a: CharSpan, b: CharSpan) -> bool {
    trim(chars, a) == trim(chars, b)
}

/// Counts for one scoring condition.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Predictions that match a gold item.
    pub tp_pred: usize,
    /// Gold items some prediction matches.
    pub tp_gold: usize,
    /// All predictions.
    pub pred: usize,
    /// All gold items.
    pub gold: usize,
}

impl Counts {
    /// Matched predictions over all predictions.
    pub fn precision(&self) -> f64 {
        ratio(self.tp_pred, self.pred)
    }
    /// Matched gold items over all gold items.
    pub fn recall(&self) -> f64 {
        ratio(self.tp_gold, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        crate::f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: Counts) {
        self.tp_pred += o.tp_pred;
        self.tp_gold += o.tp_gold;
        self.pred += o.pred;
        self.gold += o.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// All figures for one system over a set of articles.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    /// Contents matching exactly.
    pub content_exact: Counts,
    /// Contents overlapping.
    pub content_overlap: Counts,
    /// Sources matching exactly.
    pub source_exact: Counts,
    /// Sources overlapping.
    pub source_overlap: Counts,
    /// Direct quotes matching exactly.
    pub direct_exact: Counts,
    /// Direct quotes overlapping.
    pub direct_overlap: Counts,
    /// Matched (overlap) contents whose gold has a source, and how many of
    /// those have the right source span (overlap).
    pub source_checked: usize,
    /// Matched contents whose source is right too.
    pub source_right: usize,
    /// Matched direct quotes whose gold names a source.
    pub direct_source_checked: usize,
    /// Of those, the ones whose source is right.
    pub direct_source_right: usize,
}

/// Greedy one-to-one matching of gold and predicted contents.
fn matches(
    chars: &[char],
    gold: &[&GoldAttribution],
    pred: &[&Prediction],
    exact: bool,
) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut out = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let found = pred.iter().enumerate().find(|(pi, p)| {
            !used[*pi]
                && if exact {
                    exact_ok(chars, g.content, p.content)
                } else {
                    overlap_ok(chars, g.content, p.content)
                }
        });
        if let Some((pi, _)) = found {
            used[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

fn count(
    chars: &[char],
    gold: &[&GoldAttribution],
    pred: &[&Prediction],
    exact: bool,
) -> (Counts, Counts, usize, usize) {
    let pairs = matches(chars, gold, pred, exact);
    let content = Counts {
        tp_pred: pairs.len(),
        tp_gold: pairs.len(),
        pred: pred.len(),
        gold: gold.len(),
    };
    let source_ok = |g: &GoldAttribution, p: &Prediction| match (g.source, p.source) {
        (Some(gs), Some(ps)) => {
            if exact {
                exact_ok(chars, gs, ps)
            } else {
                overlap_ok(chars, gs, ps)
            }
        }
        _ => false,
    };
    let right = pairs
        .iter()
        .filter(|&&(gi, pi)| source_ok(gold[gi], pred[pi]))
        .count();
    let checked = pairs
        .iter()
        .filter(|&&(gi, _)| gold[gi].source.is_some())
        .count();
    let source = Counts {
        tp_pred: right,
        tp_gold: right,
        pred: pred.iter().filter(|p| p.source.is_some()).count(),
        gold: gold.iter().filter(|g| g.source.is_some()).count(),
    };
    (content, source, checked, right)
}

/// Scores one article's predictions.
pub fn score_article(text: &str, gold: &[GoldAttribution], pred: &[Prediction]) -> Scores {
    let chars: Vec<char> = text.chars().collect();
    let g_all: Vec<&GoldAttribution> = gold.iter().collect();
    let p_all: Vec<&Prediction> = pred.iter().collect();
    let g_dir: Vec<&GoldAttribution> = gold.iter().filter(|g| g.direct).collect();
    let p_dir: Vec<&Prediction> = pred
        .iter()
        .filter(|p| p.direct && !embedded(&chars, p.content.0))
        .collect();
    let (ce, se, _, _) = count(&chars, &g_all, &p_all, true);
    let (co, so, checked, right) = count(&chars, &g_all, &p_all, false);
    let (de, _, _, _) = count(&chars, &g_dir, &p_dir, true);
    let (dov, _, dchecked, dright) = count(&chars, &g_dir, &p_dir, false);
    Scores {
        content_exact: ce,
        content_overlap: co,
        source_exact: se,
        source_overlap: so,
        direct_exact: de,
        direct_overlap: dov,
        source_checked: checked,
        source_right: right,
        direct_source_checked: dchecked,
        direct_source_right: dright,
    }
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.content_exact.add(o.content_exact);
        self.content_overlap.add(o.content_overlap);
        self.source_exact.add(o.source_exact);
        self.source_overlap.add(o.source_overlap);
        self.direct_exact.add(o.direct_exact);
        self.direct_overlap.add(o.direct_overlap);
        self.source_checked += o.source_checked;
        self.source_right += o.source_right;
        self.direct_source_checked += o.direct_source_checked;
        self.direct_source_right += o.direct_source_right;
    }

    fn report(&self, report: &mut EvalReport) {
        for (name, c) in [
            ("content_exact", self.content_exact),
            ("content_overlap", self.content_overlap),
            ("source_exact", self.source_exact),
            ("source_overlap", self.source_overlap),
            ("direct_content_exact", self.direct_exact),
            ("direct_content_overlap", self.direct_overlap),
        ] {
            report.push(&format!("{name}_p"), c.precision());
            report.push(&format!("{name}_r"), c.recall());
            report.push(&format!("{name}_f1"), c.f1());
        }
        report.push(
            "source_accuracy",
            ratio(self.source_right, self.source_checked),
        );
        report.push(
            "direct_source_accuracy",
            ratio(self.direct_source_right, self.direct_source_checked),
        );
        report.push("gold_attributions", self.content_exact.gold as f64);
        report.push("gold_direct", self.direct_exact.gold as f64);
        report.push("predicted", self.content_exact.pred as f64);
        report.push("predicted_direct", self.direct_exact.pred as f64);
    }
}

/// A document for the extractor, split into sentences.
pub fn document(name: &str, text: &str) -> Document {
    let mut doc = Document {
        id: name.to_string(),
        text: text.to_string(),
        format: "txt".to_string(),
        ..Document::default()
    };
    doc.sentences = SentenceSplitter::new().split_document(&doc.text, &doc.paragraphs);
    doc
}

/// Scores crosscheck (or, with `CROSSCHECK_POLNEAR_PREDICTIONS` set, an
/// external predictions file) on one split of the PolNeAR folder `dir`.
pub fn evaluate(dir: &Path, split: &Split) -> Result<EvalReport, EvalError> {
    let articles = load(dir, split)?;
    if let Some(path) = std::env::var_os("CROSSCHECK_POLNEAR_PREDICTIONS") {
        return evaluate_predictions(&articles, Path::new(&path), split);
    }
    let extractor = QuoteExtractor::new();
    let mut total = Scores::default();
    let mut report = EvalReport::new(&format!(
        "polnear {} ({} articles): crosscheck quotes and attribution",
        split.name(),
        articles.len()
    ));
    let mut dev_seconds = 0.0;
    for a in &articles {
        // Timed like the baseline: from raw text to quotes (splitting
        // included), one core.
        let t = Instant::now();
        let doc = document(&a.name, &a.text);
        let claims = extractor.extract(&doc);
        dev_seconds += t.elapsed().as_secs_f64();
        let pred = predictions_from_claims(&a.text, &claims);
        total.add(&score_article(&a.text, &a.gold, &pred));
    }
    total.report(&mut report);
    let dev_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    report.push("dev_seconds", dev_seconds);
    report.push(
        "dev_mb_per_s",
        dev_bytes as f64 / 1e6 / dev_seconds.max(1e-9),
    );
    let (mb_s, split_ratio, bytes) = speed(dir, &extractor)?;
    report.push("speed_mb_per_s", mb_s);
    report.push("extract_time_over_split_time", split_ratio);
    report.push("speed_bytes", bytes as f64);
    report.detail =
        "speed: extraction alone, one core, over PolNeAR train+dev texts and the seed articles"
            .to_string();
    Ok(report)
}

/// Extraction speed in MB/s over PolNeAR train+dev and the seeds, and the
/// extraction time as a multiple of sentence-splitting time.
fn speed(dir: &Path, extractor: &QuoteExtractor) -> Result<(f64, f64, usize), EvalError> {
    let mut texts = Vec::new();
    for split in ["train", "dev"] {
        let d = dir.join(split).join("text");
        if let Ok(rd) = std::fs::read_dir(&d) {
            for e in rd.flatten() {
                texts.push(read_to_string(&e.path())?);
            }
        }
    }
    let seeds = dir.join("../../corpus/seeds");
    if let Ok(rd) = std::fs::read_dir(&seeds) {
        for e in rd.flatten() {
            texts.push(read_to_string(&e.path())?);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let splitter = SentenceSplitter::new();
    // Best of three runs, one thread: the figure is per core.
    let mut split_s = f64::MAX;
    let mut extract_s = f64::MAX;
    for _ in 0..3 {
        let t0 = Instant::now();
        let docs: Vec<Document> = texts
            .iter()
            .map(|t| {
                let mut d = Document {
                    text: t.clone(),
                    ..Document::default()
                };
                d.sentences = splitter.split_document(&d.text, &d.paragraphs);
                d
            })
            .collect();
        split_s = split_s.min(t0.elapsed().as_secs_f64());
        let t1 = Instant::now();
        let mut n = 0;
        for d in &docs {
            n += extractor.extract(d).len();
        }
        extract_s = extract_s.min(t1.elapsed().as_secs_f64().max(1e-9));
        std::hint::black_box(n);
    }
    Ok((
        bytes as f64 / 1e6 / extract_s,
        extract_s / split_s.max(1e-9),
        bytes,
    ))
}

/// Passes over the data of the reported-speech tagger's training.
pub const TAGGER_EPOCHS: usize = 8;
/// The reported-speech tagger's hashed table has 2^this rows.
pub const TAGGER_ROWS_LOG2: u32 = 15;

/// Trains the reported-speech tagger on PolNeAR train without its
/// held-out part ([`Split::Fit`]), every annotator's file of an article
/// being one training document; returns the model file's bytes and the
/// number of those documents. Deterministic (see `docs/attribution-model.md`).
pub fn train_tagger(dir: &Path) -> Result<(Vec<u8>, usize), EvalError> {
    // Every annotator's reading of an article is a training example.
    let articles = load_annotations(&dir.join("train"), |s| !is_heldout(s), true)?;
    let mut trainer = Trainer::new();
    for a in &articles {
        let doc = document(&a.name, &a.text);
        // Character offsets (brat) to byte offsets (the extractor's).
        let mut bytes: Vec<usize> = a.text.char_indices().map(|(b, _)| b).collect();
        bytes.push(a.text.len());
        let to_byte = |c: usize| bytes.get(c).copied().unwrap_or(a.text.len());
        let span = |s: CharSpan| (to_byte(s.0), to_byte(s.1));
        let gold: Vec<GoldSpans> = a
            .gold
            .iter()
            .map(|g| GoldSpans {
                content: span(g.content),
                cue: g.cue.map(span),
                source: g.source.map(span),
            })
            .collect();
        trainer.add(&doc, &gold);
    }
    Ok((
        trainer.train(TAGGER_EPOCHS, TAGGER_ROWS_LOG2),
        articles.len(),
    ))
}

#[derive(serde::Deserialize)]
struct ExternalLine {
    file: String,
    content_start: usize,
    content_end: usize,
    source_start: Option<usize>,
    source_end: Option<usize>,
}

/// Scores an external predictions file (see the module docs); every
/// prediction counts as a direct quote.
pub fn evaluate_predictions(
    articles: &[Article],
    path: &Path,
    split: &Split,
) -> Result<EvalReport, EvalError> {
    let raw = read_to_string(path)?;
    let mut by_file: BTreeMap<String, Vec<Prediction>> = BTreeMap::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let l: ExternalLine = serde_json::from_str(line)
            .map_err(|e| EvalError::data(path, format!("line {}: {e}", n + 1)))?;
        let source = match (l.source_start, l.source_end) {
            (Some(s), Some(e)) => Some((s, e)),
            _ => None,
        };
        by_file.entry(l.file).or_default().push(Prediction {
            content: (l.content_start, l.content_end),
            source,
            direct: true,
        });
    }
    let mut total = Scores::default();
    for a in articles {
        let pred = by_file.get(&a.name).cloned().unwrap_or_default();
        total.add(&score_article(&a.text, &a.gold, &pred));
    }
    let mut report = EvalReport::new(&format!(
        "polnear {} ({} articles): external predictions {}",
        split.name(),
        articles.len(),
        path.display()
    ));
    total.report(&mut report);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_ignores_marks_punctuation_and_that() {
        let chars: Vec<char> = "He said that “we won.” Then".chars().collect();
        let gold = (8, 22); // that “we won.”
        let pred = (14, 20); // we won
        assert!(exact_ok(&chars, gold, pred));
        assert!(!exact_ok(&chars, gold, (14, 17)));
        // "we" shares one of the two words of "we won": half the longer.
        assert!(overlap_ok(&chars, gold, (14, 17)));
        // A comma after "that" before the quote.
        let chars: Vec<char> = "He said that, “we won.” Then".chars().collect();
        assert!(exact_ok(&chars, (8, 23), (15, 21)));
    }

    #[test]
    fn overlap_needs_half_of_the_longer_span() {
        let chars: Vec<char> = "one two three four five six".chars().collect();
        assert!(overlap_ok(&chars, (0, 18), (4, 18))); // 3 of 4
        assert!(!overlap_ok(&chars, (0, 27), (0, 7))); // 2 of 6
    }

    #[test]
    fn parses_discontinuous_brat_content() {
        let text = "“A b,” he said. “C d.”";
        let ann = "T1\tSource 7 9\the\nT2\tCue 10 14\tsaid\nT3\tContent 0 6;16 22\tx\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let gold = parse_ann(ann, text, Path::new("x.ann")).unwrap_or_default();
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].content, (0, 22));
        assert_eq!(gold[0].source, Some((7, 9)));
        assert!(gold[0].direct);
    }

    /// Speakers named together are one source span, as PolNeAR marks
    /// them; a second speaker named elsewhere is not joined.
    #[test]
    fn a_fragment_inside_the_attribution_joins_the_quote_around_it() {
        let extractor = QuoteExtractor::new();
        // One direct content from the first quote's start to the last's end.
        let one_envelope = |text: &str| {
            let claims = extractor.extract(&document("t", text));
            let direct: Vec<_> = predictions_from_claims(text, &claims)
                .into_iter()
                .filter(|p| p.direct)
                .collect();
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(direct.len(), 1, "{text:?}: {claims:#?}");
            assert!(
                exact_ok(&chars, direct[0].content, (0, chars.len())),
                "{direct:?}"
            );
        };
        for text in [
            "“The ferry will run,” Ivo Sand said on Radio Kell's “Night Desk.” \
             “The crews have agreed to the timetable.”",
            // The attribution's sentence goes on after the fragment.
            "“The ferry will run,” Ivo Sand told Radio Kell's “Night Desk” on Monday. \
             “The crews have agreed to the timetable.”",
            "“The ferry will run,” Ada Lume said, showing the “Keep Sarn Moving” badge she wore. \
             “The crews have agreed to the timetable.”",
            // The attribution's own full stop ends the first part.
            "“The ferry will run,” said Sen. Ada Lume, R-Ore. “The crews have agreed.”",
            "“The ferry will run,” said Ada Lume (D-Ore.). “The crews have agreed.”",
        ] {
            one_envelope(text);
        }
        // Another sentence between them: two contents, the fragment one.
        let text = "“The ferry will run,” Ivo Sand said. He spoke on the show “Night Desk \
                    With Ona Brel” on Tuesday. “The crews have agreed.”";
        let claims = extractor.extract(&document("t", text));
        let (inside, bridged) = fragments_inside_attributions(text, &claims);
        assert!(inside.is_empty() && bridged.is_empty(), "{claims:#?}");
    }

    /// A quote that goes on from a reported statement of the same speaker,
    /// with no attribution of its own, is one content with it, as PolNeAR
    /// marks it; a quote with its own speaker is not.
    #[test]
    fn a_quote_going_on_from_a_reported_statement_is_one_content_with_it() {
        let extractor = QuoteExtractor::new();
        let text =
            "The harbour board met on Tuesday. Ivo Sand said the ferry would run all winter. \
                    “The crews have agreed to the timetable.”";
        let claims = extractor.extract(&document("t", text));
        let preds = predictions_from_claims(text, &claims);
        let chars: Vec<char> = text.chars().collect();
        let start = text
            .find("the ferry")
            .map_or(0, |b| text[..b].chars().count());
        assert_eq!(preds.len(), 1, "{claims:#?}");
        assert!(!preds[0].direct);
        assert!(
            exact_ok(&chars, preds[0].content, (start, chars.len())),
            "{preds:?}"
        );
        let text =
            "The harbour board met on Tuesday. Ivo Sand said the ferry would run all winter. \
                    “The crews have not agreed,” Ada Lume said.";
        let claims = extractor.extract(&document("t", text));
        let preds = predictions_from_claims(text, &claims);
        assert_eq!(preds.len(), 2, "{claims:#?}");
    }

    /// "The paper quoted Ivo Sand as saying ...": crosscheck's source is
    /// Ivo Sand, relayed by the paper; PolNeAR's source is the paper and
    /// its content starts with the one quoted.
    #[test]
    fn a_nested_attribution_is_scored_as_polnear_marks_it() {
        let text = "The harbour board met on Tuesday. The Sarn Post quoted Ivo Sand as saying the ferry would run all winter.";
        let extractor = QuoteExtractor::new();
        let claims = extractor.extract(&document("t", text));
        assert!(
            claims
                .iter()
                .any(|c| c.source.name.as_deref() == Some("Ivo Sand")
                    && c.quoted_by.as_ref().and_then(|s| s.name.as_deref()) == Some("Sarn Post")),
            "{claims:#?}"
        );
        let preds = predictions_from_claims(text, &claims);
        let chars: Vec<char> = text.chars().collect();
        let at = |s: &str| text.find(s).map_or(0, |b| text[..b].chars().count());
        assert_eq!(preds.len(), 1, "{preds:?}");
        assert!(
            exact_ok(&chars, preds[0].content, (at("Ivo Sand"), chars.len())),
            "{preds:?}"
        );
        assert_eq!(
            preds[0].source,
            Some((at("The Sarn Post"), at(" quoted"))),
            "{preds:?}"
        );
    }

    #[test]
    fn joint_speakers_are_one_source_span() {
        let text = "Ada Lume and Ivo Sand: “We will win.”";
        let extractor = QuoteExtractor::new();
        let doc = document("t", text);
        let claims = extractor.extract(&doc);
        let preds = predictions_from_claims(text, &claims);
        let direct: Vec<_> = preds.iter().filter(|p| p.direct).collect();
        assert_eq!(direct.len(), 1, "{claims:#?}");
        assert_eq!(direct[0].source, Some((0, 21)), "{claims:#?}");
    }
}
