//! The document walk: quotes and reported statements, paragraph by
//! paragraph, with sources resolved as the text introduces them.

use crosscheck_model::{Claim, ClaimBody, Document, EntityType, Quote, Source, SourceKind, Span};
use crosscheck_text::{MAX_CLAIMS_PER_DOCUMENT, MAX_CLAIMS_PER_SENTENCE};

use crate::attribute::{
    after_quote, before_quote, channel_in, clause_subject, cue_at, dash_attribution,
    subject_without_cue, trailing, Attribution,
};
use crate::lexicon::{class, Lexicon};
use crate::mentions::MentionIndex;
use crate::paragraphs::paragraph_ranges_into;
use crate::quotes::{find_quotes_into, QuoteSegment};
use crate::resolve::{Seen, Tracker};
use crate::speaker::{phrase_forward, skip_aux, Phrase, PhraseKind};
use crate::tagger::{self, Model};
use crate::units::{append_units, ends_sentence, Unit, UnitKind};
use crosscheck_text::TokenLayer;

/// A claim before ids and sentences are filled.
struct Draft {
    start: usize,
    end: usize,
    source: Source,
    cue: Option<String>,
    channel: Option<String>,
    quote_start: usize,
    quote_end: usize,
    direct: bool,
    /// Speakers coordinated with `source` ("A and B said").
    co_sources: Vec<Source>,
}

/// Quotes shorter than this are kept only when attributed (partial quotes
/// in reported speech); unattributed ones are scare quotes or titles.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// Words outside quote marks a sentence needs before the tagger looks for
/// a reported clause around its quotes.
const MIN_WORDS_AROUND_QUOTES: usize = 3;
/// Reported content must be a clause, not a fragment.
const MIN_REPORTED_WORDS: usize = 4;

/// Buffers kept per thread between documents: the units (stored empty),
/// so that a document does not allocate them.
#[derive(Default)]
struct Buffers {
    units: Vec<Unit<'static>>,
    scratch: Scratch,
}

/// What the walk reads sentences with: the extractor's lexicon, and its
/// tagger model with the tagger's working buffers.
struct Reading<'r> {
    lex: &'r Lexicon,
    /// `None`: reported speech from the rules alone.
    model: Option<&'r Model>,
    tagging: &'r mut tagger::Scratch,
}

/// Per-document working lists, emptied before use.
#[derive(Default)]
struct Scratch {
    /// Quote segments of the current paragraph: (open, end, index).
    in_line: Vec<(usize, usize, usize)>,
    /// Paragraphs as unit ranges, with whether they hold a quote.
    bounds: Vec<(usize, usize, bool)>,
    sentences: Vec<(usize, usize)>,
    deferred: Vec<Deferred>,
    paragraphs: Vec<(usize, usize)>,
    segments: Vec<QuoteSegment>,
    /// Bytes that may begin a quote mark.
    candidates: Vec<usize>,
    drafts: Vec<Draft>,
    /// The tracker's list, emptied.
    seen: Vec<Seen>,
    tagging: tagger::Scratch,
}

/// Most units a thread keeps room for between documents (4 MiB).
const KEPT_UNITS: usize = 1 << 16;

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
}

/// The quote claims of `doc`, read over its token layer `tokens`.
pub fn extract(
    lex: &Lexicon,
    model: Option<&Model>,
    doc: &Document,
    tokens: &TokenLayer,
) -> Vec<Claim> {
    let Buffers { units, mut scratch } = BUFFERS.with(|b| std::mem::take(&mut *b.borrow_mut()));
    let mut all: Vec<Unit> = units;
    let claims = extract_with(lex, model, doc, tokens, &mut all, &mut scratch);
    // Emptied and re-typed for the next document; collecting in place
    // keeps the allocation.
    all.clear();
    // (filter_map, not filter: it re-types the units to 'static.)
    #[allow(clippy::unnecessary_filter_map)]
    let units = all.into_iter().filter_map(|_| None).collect();
    // A rare huge document does not leave its buffers behind.
    let units: Vec<Unit<'static>> = units;
    if units.capacity() <= KEPT_UNITS {
        BUFFERS.with(|b| *b.borrow_mut() = Buffers { units, scratch });
    }
    claims
}

/// The document's units, paragraph by paragraph: fills `all` and
/// `scratch.bounds` (unit ranges of the paragraphs, with whether they hold
/// a quote) and `scratch.segments`.
fn build_units<'a>(
    lex: &Lexicon,
    doc: &'a Document,
    tokens: &'a TokenLayer,
    all: &mut Vec<Unit<'a>>,
    scratch: &mut Scratch,
) {
    let text = doc.text.as_str();
    let paragraphs = &mut scratch.paragraphs;
    paragraph_ranges_into(doc, paragraphs);
    let segments = &mut scratch.segments;
    find_quotes_into(lex, text, paragraphs, &mut scratch.candidates, segments);
    let mut seg_cursor = 0;
    let in_line = &mut scratch.in_line;
    // The units of every paragraph, kept for the whole document so that
    // deferred subjects can be read when a lookup needs them. Words'
    // normal forms are the layer's folded forms.
    all.reserve(tokens.tokens().len() + 4);
    let bounds = &mut scratch.bounds;
    bounds.clear();
    for &(line_start, line_end) in paragraphs.iter() {
        in_line.clear();
        while let Some(s) = segments.get(seg_cursor) {
            if s.open >= line_end {
                break;
            }
            if s.open >= line_start {
                in_line.push((s.open, s.end, seg_cursor));
            }
            seg_cursor += 1;
        }
        let lo = all.len();
        append_units(lex, text, tokens, line_start, line_end, in_line, all);
        bounds.push((lo, all.len(), !in_line.is_empty()));
    }
}

/// Calls `f` with the units of every sentence, as the walk with lexicon
/// `lex` sees them: what the tagger is trained on.
pub fn for_each_tagged_sentence(lex: &Lexicon, doc: &Document, mut f: impl FnMut(&[Unit], &str)) {
    let text = doc.text.as_str();
    let tokens = TokenLayer::new(text, &doc.sentences);
    let mut all = Vec::new();
    let mut scratch = Scratch::default();
    build_units(lex, doc, &tokens, &mut all, &mut scratch);
    let mut sentence_buf = Vec::new();
    for &(lo, hi, _) in &scratch.bounds {
        let us = all.get(lo..hi).unwrap_or(&[]);
        sentences(us, text, &mut sentence_buf);
        for &(a, b) in &sentence_buf {
            f(us.get(a..b).unwrap_or(&[]), text);
        }
    }
}

/// [`extract`] with an empty unit buffer.
fn extract_with<'a>(
    lex: &Lexicon,
    model: Option<&Model>,
    doc: &'a Document,
    tokens: &'a TokenLayer,
    all: &mut Vec<Unit<'a>>,
    scratch: &mut Scratch,
) -> Vec<Claim> {
    let text = doc.text.as_str();
    build_units(lex, doc, tokens, all, scratch);
    let drafts = &mut scratch.drafts;
    drafts.clear();
    let segments = &scratch.segments;
    let bounds = &scratch.bounds;
    let mut sources = Antecedents {
        tracker: Tracker::with_entries(std::mem::take(&mut scratch.seen)),
        units: all,
        text,
        deferred: std::mem::take(&mut scratch.deferred),
        mentions: MentionIndex::new(&doc.mentions),
    };
    let sentence_buf = &mut scratch.sentences;
    let mut reading = Reading {
        lex,
        model,
        tagging: &mut scratch.tagging,
    };
    let mut before: &[Unit] = &[];
    for &(lo, hi, has_quotes) in bounds.iter() {
        let us = all.get(lo..hi).unwrap_or(&[]);
        sentences(us, text, sentence_buf);
        let paragraph = Paragraph {
            units: us,
            before,
            range: (lo, hi),
            sentences: sentence_buf,
            has_quotes,
        };
        walk_paragraph(
            &mut reading,
            doc,
            &paragraph,
            segments,
            &mut sources,
            drafts,
        );
        before = us;
    }
    scratch.deferred = std::mem::take(&mut sources.deferred);
    scratch.deferred.clear();
    scratch.seen = sources.tracker.into_entries();
    scratch.seen.clear();
    let mut claims = finish(doc, drafts);
    name_bare_titles_forward(lex, &mut claims);
    claims
}

/// A headline or standfirst may name its speaker by title alone
/// ("President says losses are mounting") before the body names the person
/// ("Tarsenian President Mira Kovalenko said"). Such a source, left
/// unresolved by the earlier text, takes the first later person source
/// whose role holds that title; its span stays on the title as written.
fn name_bare_titles_forward(lex: &Lexicon, claims: &mut [Claim]) {
    for i in 0..claims.len() {
        let Some(title) = bare_title(lex, &claims[i].source) else {
            continue;
        };
        let later = claims.get(i + 1..).unwrap_or(&[]).iter().find(|c| {
            c.source.kind == SourceKind::Person
                && c.source.name.is_some()
                && c.source
                    .role
                    .as_deref()
                    .is_some_and(|r| r.split_whitespace().any(|w| w == title))
        });
        let Some(found) = later.map(|c| c.source.clone()) else {
            continue;
        };
        if let Some(claim) = claims.get_mut(i) {
            let span = claim.source.span.take();
            claim.source = Source { span, ..found };
        }
    }
}

/// The title when a source is nothing but a title ("President").
fn bare_title(lex: &Lexicon, source: &Source) -> Option<String> {
    let name = source.name.as_deref()?;
    let bare = source.kind == SourceKind::Anonymous
        && source.role.as_deref() == Some(name)
        && !name.contains(' ')
        && lex.is_title(name);
    bare.then(|| name.to_string())
}

/// The sources met so far. The subject of a sentence that makes no
/// statement matters only as an antecedent, so it is read only when a
/// lookup needs the tracker; it then takes its place among the entries
/// met after it, and the lookup sees what an eager read would have given.
struct Antecedents<'u, 'a> {
    tracker: Tracker,
    units: &'u [Unit<'a>],
    text: &'u str,
    deferred: Vec<Deferred>,
    /// The document's entity mentions, for lookups by offset.
    mentions: MentionIndex<'u>,
}

/// A sentence whose subject has not been read yet.
struct Deferred {
    /// Tracker entries recorded before it.
    before: usize,
    /// The paragraph's units (a range of the document's units).
    paragraph: (usize, usize),
    /// The clause, as unit indices within the paragraph.
    start: usize,
    end: usize,
    /// Whether a speech cue starts in the clause.
    cue: bool,
}

impl Antecedents<'_, '_> {
    fn defer(&mut self, paragraph: (usize, usize), start: usize, end: usize, cue: bool) {
        self.deferred.push(Deferred {
            before: self.tracker.len(),
            paragraph,
            start,
            end,
            cue,
        });
    }

    /// The tracker for a lookup, with every deferred subject read.
    fn read(&mut self, lex: &Lexicon) -> &mut Tracker {
        if !self.deferred.is_empty() {
            let (units, text) = (self.units, self.text);
            let found = self.deferred.drain(..).filter_map(|d| {
                let us = units.get(d.paragraph.0..d.paragraph.1)?;
                let phrase = if d.cue {
                    clause_subject(lex, us, d.start, d.end, text).map(|(phrase, _, _)| phrase)
                } else {
                    // No cue up to `end`, where a stop follows (or the
                    // paragraph ends), so no cue can start inside the clause.
                    subject_without_cue(lex, us, d.start, d.end, text)
                }?;
                Some((d.before, phrase))
            });
            let found: Vec<_> = found.collect();
            self.tracker.mentions_before(found);
        }
        &mut self.tracker
    }

    /// The earlier source a pronoun or definite description stands for.
    fn resolve(&mut self, lex: &Lexicon, phrase: &Phrase) -> Option<Seen> {
        self.read(lex);
        self.tracker
            .resolve(lex, phrase, phrase.start, &self.mentions)
    }

    /// The tracker for recording a source (no lookup).
    fn write(&mut self) -> &mut Tracker {
        &mut self.tracker
    }
}

/// A paragraph's units, where they lie among the document's units, its
/// sentences (unit ranges) and whether it holds a quote.
struct Paragraph<'p, 'a> {
    units: &'p [Unit<'a>],
    /// The units of the paragraph before (none for the first).
    before: &'p [Unit<'a>],
    range: (usize, usize),
    sentences: &'p [(usize, usize)],
    has_quotes: bool,
}

/// Sentence ranges of a paragraph's units, into `out`.
fn sentences(us: &[Unit], text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut a = 0;
    for (k, u) in us.iter().enumerate() {
        // Words never end a sentence: the common case, tested inline.
        if !u.is_word() && ends_sentence(us, k, text) {
            out.push((a, k + 1));
            a = k + 1;
        }
    }
    if a < us.len() {
        out.push((a, us.len()));
    }
    // A dateline opening the paragraph ("VELLORA (Wirepost) -") is neither
    // speaker nor content.
    if let (Some(cut), Some(first)) = (dateline_end(us, text), out.first_mut()) {
        if cut < first.1 {
            first.0 = cut;
        }
    }
}

/// The unit after a dateline at the start of a paragraph: one to three
/// words in capitals ("VELLORA", "NEW HAVEN"), then optionally a comma and
/// a few words ("March 3", a country) and an agency in brackets, then a
/// dash or colon.
fn dateline_end(us: &[Unit], text: &str) -> Option<usize> {
    let capitals = |u: &Unit| {
        let w = u.text(text);
        u.is_word()
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
    };
    let mut k = 0;
    while k < 3 && us.get(k).is_some_and(capitals) {
        k += 1;
    }
    if k == 0 {
        return None;
    }
    let dash = |u: &Unit| {
        u.kind == UnitKind::Punct
            && (u.norm() == ":" || u.norm().chars().all(|c| matches!(c, '-' | '–' | '—')))
    };
    // (A word in capitals before a colon may be a label, "UPDATE:", but
    // it is not said by anyone either.)
    let limit = (k + 10).min(us.len());
    let end = (k..limit).find(|&j| us.get(j).is_some_and(dash))?;
    let between = us.get(k..end)?;
    let bracketed_or_listed = between.is_empty()
        || between
            .first()
            .is_some_and(|u| u.is_punct(",") || u.norm() == "(");
    if !bracketed_or_listed {
        return None;
    }
    Some(end + 1)
}

/// Whether `text` holds at least `min` words (stops counting there: the
/// texts may be long).
fn has_words(text: &str, min: usize) -> bool {
    if text.is_ascii() {
        // Words split at ASCII white space (all of it, in ASCII text).
        return text
            .as_bytes()
            .split(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
            .filter(|w| w.iter().any(u8::is_ascii_alphanumeric))
            .take(min)
            .count()
            >= min;
    }
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(min)
        .count()
        >= min
}

fn walk_paragraph(
    reading: &mut Reading,
    doc: &Document,
    paragraph: &Paragraph,
    segments: &[QuoteSegment],
    sources: &mut Antecedents,
    drafts: &mut Vec<Draft>,
) {
    let lex = reading.lex;
    let text = doc.text.as_str();
    let us = paragraph.units;
    let mut consumed_to = 0usize; // units before this index belong to a claim
    for &(a, b) in paragraph.sentences {
        let mut any_quote = false;
        // Without quote units the scan for them is skipped.
        let quote_scan = if paragraph.has_quotes { a..b } else { a..a };
        for k in quote_scan {
            let UnitKind::Quote(idx) = us.get(k).map_or(UnitKind::Word, |u| u.kind.clone()) else {
                continue;
            };
            let idx = usize::try_from(idx).unwrap_or(usize::MAX);
            any_quote = true;
            let Some(seg) = segments.get(idx) else {
                continue;
            };
            let limit = (k + 1..us.len())
                .find(|&j| {
                    us.get(j).is_some_and(|u| {
                        u.is_quote() || (u.kind == UnitKind::Punct && ends_sentence(us, j, text))
                    })
                })
                .unwrap_or(us.len());
            // A full stop inside the marks ends the sentence: what follows is
            // a new statement, not this quote's attribution (“...?” she
            // asked does attach).
            let inner = text.get(seg.inner_start..seg.inner_end).unwrap_or("");
            let ends_with_stop = inner.trim_end().ends_with('.');
            let attribution = if !seg.closed {
                None
            } else if ends_with_stop {
                dash_attribution(lex, us, k + 1, us.len(), text)
            } else {
                after_quote(lex, us, k + 1, limit, text)
                    .or_else(|| dash_attribution(lex, us, k + 1, us.len(), text))
            }
            .or_else(|| before_quote(lex, us, a, k, text))
            .or_else(|| later_in_sentence(lex, us, a, k, b, text));
            if let Some(att) = &attribution {
                consumed_to = consumed_to.max(att.next).max(k + 1);
            }
            // A quote opening its paragraph, introduced at the end of the one
            // before ("Caddell continued:", "The Times reports:").
            let introduced = match attribution {
                None if us
                    .get(..k)
                    .is_some_and(|b| b.iter().all(|u| u.kind == UnitKind::Punct)) =>
                {
                    introduced_by(lex, paragraph.before, text)
                }
                _ => None,
            };
            match introduced {
                Some(att) => {
                    quote_claim(lex, doc, paragraph.before, seg, Some(att), sources, drafts)
                }
                None => quote_claim(lex, doc, us, seg, attribution, sources, drafts),
            }
        }
        // “...,” she said: too few words outside the quotes to report
        // anything else (most quote sentences; the tagger is skipped).
        let words_outside = || {
            us.get(a..b)
                .unwrap_or(&[])
                .iter()
                .filter(|u| u.is_word())
                .take(MIN_WORDS_AROUND_QUOTES)
                .count()
                >= MIN_WORDS_AROUND_QUOTES
        };
        if any_quote && *TAGGER_MODE != TaggerMode::Off && words_outside() {
            let found = tagged(reading, us, a, b, text);
            let before = drafts.len();
            reported_around_quotes(lex, doc, us, a, &found, sources, drafts);
            // "X said that families would pay “slightly more” in taxes":
            // quotes that are only fragments inside a sentence leave it a
            // reported clause the rules can read, when the tagger did not.
            if drafts.len() == before && only_fragments(text, us, a, b) {
                if let Some(read) = RuleReading::of(lex, us, (a, b), text)
                    .filter(|r| r.words_beside_quotes(us) >= MIN_REPORTED_WORDS)
                {
                    read.draft(lex, doc, us, (a, b), sources, drafts);
                }
            }
            continue;
        }
        if any_quote || a < consumed_to {
            continue;
        }
        reported(reading, doc, us, paragraph.range, (a, b), sources, drafts);
    }
}

/// Whether every quote in sentence `us[a..b]` runs on from a word (“a
/// firm demand”), so none stands as a statement of its own.
fn only_fragments(text: &str, us: &[Unit], a: usize, b: usize) -> bool {
    us.get(a..b)
        .unwrap_or(&[])
        .iter()
        .filter(|u| u.is_quote())
        .all(|u| runs_on_into(text, u.start))
}

/// The attribution a paragraph ends with when it introduces a quote in the
/// next one: "... Caddell continued:", "The New York Times reports:" (a
/// speaker and a cue in its last sentence, then a colon).
fn introduced_by(lex: &Lexicon, before: &[Unit], text: &str) -> Option<Attribution> {
    let colon = before.len().checked_sub(1)?;
    if !before.get(colon)?.is_punct(":") {
        return None;
    }
    let lo = (0..colon)
        .rev()
        .find(|&j| before.get(j).is_some_and(|u| !u.is_word()) && ends_sentence(before, j, text))
        .map_or(0, |j| j + 1);
    before_quote(lex, before, lo, colon, text)
}

/// “...” to drive up prices, she said, ...: an attribution after a comma
/// later in the sentence the quote opens.
fn later_in_sentence(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    k: usize,
    b: usize,
    text: &str,
) -> Option<Attribution> {
    if (a..k).any(|j| us.get(j).is_some_and(|u| u.is_word() || u.is_quote())) {
        return None;
    }
    (k + 1..b)
        .filter(|&c| us.get(c).is_some_and(|u| u.is_punct(",")))
        .find_map(|c| {
            let limit = (c + 1..b)
                .find(|&j| {
                    us.get(j)
                        .is_some_and(|u| u.is_quote() || matches!(u.norm(), "." | "?" | "!" | ","))
                })
                .unwrap_or(b);
            after_quote(lex, us, c + 1, limit, text).filter(|att| {
                matches!(
                    att.phrase.kind,
                    PhraseKind::Pronoun(_) | PhraseKind::Person | PhraseKind::Definite
                )
            })
        })
}

fn quote_claim(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    seg: &QuoteSegment,
    attribution: Option<Attribution>,
    sources: &mut Antecedents,
    drafts: &mut Vec<Draft>,
) {
    let text = doc.text.as_str();
    let inner = text.get(seg.inner_start..seg.inner_end).unwrap_or("");
    let Some((qs, qe)) = quote_bounds(text, seg.inner_start, seg.inner_end) else {
        return;
    };
    match attribution {
        Some(att) => {
            let start = seg.open.min(att.start);
            let end = seg.end.max(att.end);
            let source = resolve(lex, doc, &att, sources);
            let co_sources = co_speakers(lex, doc, us, &att, sources);
            drafts.push(Draft {
                start,
                end,
                source,
                cue: Some(att.cue),
                channel: att.channel,
                quote_start: qs,
                quote_end: qe,
                direct: true,
                co_sources,
            });
        }
        None => {
            // Continues the previous quote: split by its attribution or
            // reopened in a new paragraph.
            // (A reported clause read around the previous quote may have
            // been drafted after it.)
            let previous = drafts.iter().rev().find(|d| d.direct).filter(|d| {
                d.end <= seg.open
                    && (seg.continues
                        || text.get(d.end..seg.open).is_some_and(|gap| {
                            gap.chars()
                                .all(|c| (c.is_whitespace() && c != '\n') || ".,;:—–".contains(c))
                        }))
            });
            // Failing that, a quote standing on its own goes on quoting the
            // paragraph's last speaker.
            let carried = previous.or_else(|| speaker_carried_over(text, us, seg, drafts));
            if let Some(prev) = carried {
                let draft = Draft {
                    start: seg.open,
                    end: seg.end,
                    source: Source {
                        span: None,
                        ..prev.source.clone()
                    },
                    cue: prev.cue.clone(),
                    channel: prev.channel.clone(),
                    quote_start: qs,
                    quote_end: qe,
                    direct: true,
                    co_sources: prev.co_sources.clone(),
                };
                drafts.push(draft);
            } else if has_words(inner, MIN_UNATTRIBUTED_WORDS) {
                drafts.push(Draft {
                    start: seg.open,
                    end: seg.end,
                    source: Source::unattributed(),
                    cue: None,
                    channel: None,
                    quote_start: qs,
                    quote_end: qe,
                    direct: true,
                    co_sources: Vec::new(),
                });
            }
        }
    }
}

/// The attributed quote whose speaker an unattributed quote standing as a
/// statement at the end of its paragraph goes on quoting: the latest
/// attributed direct quote earlier in the same paragraph (“A,” she said.
/// Other words. “B.”), or the one whose attribution ends the paragraph
/// before when the quote is its paragraph's only content. A quote running
/// on from a word (a fragment inside a clause), followed by words in its
/// paragraph, or with someone else's claim drafted in between takes none.
fn speaker_carried_over<'d>(
    text: &str,
    us: &[Unit],
    seg: &QuoteSegment,
    drafts: &'d [Draft],
) -> Option<&'d Draft> {
    // A statement on its own: not running on from a word, and nothing but
    // punctuation after it before the paragraph ends (words there may be an
    // attribution the rules could not read: “...” ― A. Name).
    let ends_paragraph = text.get(seg.end..).is_some_and(|rest| {
        let rest = rest.trim_start_matches([' ', '\t', '.', ',', '!', '?', ';', ':']);
        rest.is_empty() || rest.starts_with(['\n', '\r'])
    });
    if runs_on_into(text, seg.open) || !ends_paragraph {
        return None;
    }
    let before = || drafts.iter().filter(|d| d.end <= seg.open);
    let latest = before().filter(|d| d.direct).max_by_key(|d| d.end)?;
    latest.source.name.as_ref()?;
    // Someone else said something since.
    if before().any(|d| {
        d.start >= latest.end && d.source.name.is_some() && d.source.name != latest.source.name
    }) {
        return None;
    }
    let paragraph_start = us.first().map_or(seg.open, |u| u.start);
    // A paragraph that is only this quote, right after the paragraph whose
    // last words are that quote's attribution (“A,” she said, ... .¶“B.”):
    // the speaker goes on, as news writing continues a quote.
    let whole_paragraph = paragraph_start >= seg.open
        && text.get(latest.end..seg.open).is_some_and(|gap| {
            gap.contains('\n') && gap.chars().all(|c| c.is_whitespace() || ".,;:".contains(c))
        });
    (latest.start >= paragraph_start || whole_paragraph).then_some(latest)
}

/// The quoted text without surrounding spaces and without the comma that
/// stands in for a full stop before an attribution (“We will win,” he said).
fn quote_bounds(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let span = Span::trimmed(text, start, end)?;
    let mut e = span.end;
    if text.get(span.start..e).is_some_and(|s| s.ends_with(',')) && e - 1 > span.start {
        e -= 1;
    }
    Some((span.start, e))
}

/// How the learned tagger and the rules share reported speech (during
/// development: `CROSSCHECK_TAGGER=off|fill|first`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TaggerMode {
    Off,
    Fill,
    First,
}

static TAGGER_MODE: std::sync::LazyLock<TaggerMode> =
    std::sync::LazyLock::new(|| match std::env::var("CROSSCHECK_TAGGER").as_deref() {
        Ok("off") => TaggerMode::Off,
        Ok("first") => TaggerMode::First,
        _ => TaggerMode::Fill,
    });

/// The tagger's attributions in sentence `us[a..b]`.
fn tagged(
    reading: &mut Reading,
    us: &[Unit],
    a: usize,
    b: usize,
    text: &str,
) -> Vec<tagger::Found> {
    let Some(model) = reading.model else {
        return Vec::new();
    };
    let (lex, tagging) = (reading.lex, &mut *reading.tagging);
    let sentence = us.get(a..b).unwrap_or(&[]);
    let mut toks = std::mem::take(&mut tagging.tokens);
    let mut cue = std::mem::take(&mut tagging.cue);
    let found = if tagger::tokens_if_cue(lex, model, sentence, text, &mut toks, &mut cue) {
        tagger::assemble(model.tag(&toks, &cue, tagging))
    } else {
        Vec::new()
    };
    tagging.tokens = toks;
    tagging.cue = cue;
    found
}

/// Drafts for the tagger's attributions in the sentence starting at unit
/// `a`; false when none holds content.
fn tagged_drafts(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    a: usize,
    found: &[tagger::Found],
    sources: &mut Antecedents,
    drafts: &mut Vec<Draft>,
) -> bool {
    let text = doc.text.as_str();
    let mut any = false;
    for f in found {
        // Content without the punctuation at its edges.
        let (mut cs, mut ce) = (a + f.content.0, a + f.content.1);
        while cs < ce && us.get(cs).is_some_and(|u| u.kind == UnitKind::Punct) {
            cs += 1;
        }
        while ce > cs && us.get(ce - 1).is_some_and(|u| u.kind == UnitKind::Punct) {
            ce -= 1;
        }
        // Reported content leaves out the complementizer.
        if ce > cs + 1 && us.get(cs).is_some_and(|u| u.norm() == "that") {
            cs += 1;
        }
        let (Some(first), Some(last)) = (us.get(cs), us.get(ce.wrapping_sub(1))) else {
            continue;
        };
        // One word ("rejected that") is an anaphor, not a statement.
        if ce <= cs + 1 {
            continue;
        }
        let (Some(cue_first), Some(cue_last)) = (us.get(a + f.cue.0), us.get(a + f.cue.1 - 1))
        else {
            continue;
        };
        let cue = text
            .get(cue_first.start..cue_last.end)
            .unwrap_or("")
            .to_string();
        let mut start = first.start.min(cue_first.start);
        let mut end = last.end.max(cue_last.end);
        let mut co_sources = Vec::new();
        let source_run = f.source.or_else(|| {
            subject_before_cue(lex, us, a, a + f.cue.0, text).map(|(s, e)| (s - a, e - a))
        });
        let source = match source_run {
            Some((s0, s1)) => {
                let (ss, se) = (a + s0, a + s1);
                let (Some(sf), Some(sl)) = (us.get(ss), us.get(se - 1)) else {
                    continue;
                };
                start = start.min(sf.start);
                end = end.max(sl.end);
                let phrase = phrase_forward(lex, us, ss, se, text)
                    .map(|(p, _)| p)
                    .filter(|p| p.end <= sl.end)
                    .unwrap_or_else(|| plain_phrase(us, ss, se, text));
                let att = Attribution {
                    start,
                    end,
                    next: ce,
                    cue: cue.clone(),
                    channel: None,
                    phrase,
                    appositive: None,
                };
                let mut source = resolve(lex, doc, &att, sources);
                if source.kind != SourceKind::Unattributed {
                    source.span = Span::of(text, sf.start, sl.end);
                }
                co_sources = co_speakers(lex, doc, us, &att, sources);
                source
            }
            None => Source::unattributed(),
        };
        drafts.push(Draft {
            start,
            end,
            source,
            cue: Some(cue),
            channel: None,
            quote_start: first.start,
            quote_end: last.end,
            direct: false,
            co_sources,
        });
        any = true;
    }
    any
}

/// The named speaker or pronoun standing just before a cue the tagger
/// found without a source ("She did not say ..."), past up to two
/// auxiliaries or negations: unit range.
fn subject_before_cue(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    cue: usize,
    text: &str,
) -> Option<(usize, usize)> {
    let mut end = cue;
    for _ in 0..3 {
        if end <= a {
            return None;
        }
        if let Some((phrase, start)) = crate::speaker::phrase_backward(lex, us, a, end, text) {
            if phrase.kind != PhraseKind::Unnamed {
                return Some((start, end));
            }
        }
        let before = us.get(end - 1)?;
        if !(before.norm() == "not"
            || before.function_class() == Some(crate::lexicon::FunctionClass::Auxiliary))
        {
            return None;
        }
        end -= 1;
    }
    None
}

/// Reported clauses in a sentence that holds quotes ("she said the plan
/// was “dead on arrival”"): the tagger's contents that are more than a
/// quote standing as a statement. A quoted fragment inside such a content
/// keeps its marks there, and stays a direct claim of its own: its words
/// are the speaker's.
fn reported_around_quotes(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    a: usize,
    found: &[tagger::Found],
    sources: &mut Antecedents,
    drafts: &mut Vec<Draft>,
) {
    let clauses: Vec<tagger::Found> = found
        .iter()
        .filter(|f| {
            let words = us
                .get(a + f.content.0..a + f.content.1)
                .unwrap_or(&[])
                .iter()
                .filter(|u| u.kind != UnitKind::Punct);
            let mut quotes = 0;
            let mut others = 0;
            for u in words {
                if u.is_quote() {
                    quotes += 1;
                } else {
                    others += 1;
                }
            }
            // "“...,” said the former aide to Governor X": the tagger may
            // read the speaker of a quote claim already drafted as content.
            let inside_attribution = us.get(a + f.content.0).is_some_and(|first| {
                drafts.iter().any(|d| {
                    d.direct
                        && d.source
                            .span
                            .as_ref()
                            .is_some_and(|s| s.start <= first.start && first.start < s.end)
                })
            });
            if others == 0 || inside_attribution || (quotes > 0 && others < 3) {
                return false;
            }
            only_fragments(doc.text.as_str(), us, a + f.content.0, a + f.content.1)
        })
        .cloned()
        .collect();
    if clauses.is_empty() {
        return;
    }
    tagged_drafts(lex, doc, us, a, &clauses, sources, drafts);
}

/// Whether the quote opening at byte `open` runs on from a word ("called
/// it a “desperate move”"): a fragment inside a clause, not a statement.
fn runs_on_into(text: &str, open: usize) -> bool {
    text.get(..open)
        .and_then(|before| {
            before
                .chars()
                .rev()
                .find(|c| !(c.is_whitespace() && *c != '\n'))
        })
        .is_some_and(char::is_alphanumeric)
}

/// A source phrase the speaker grammar does not read ("the two
/// governments"): its words as the name, its last word as the head.
fn plain_phrase(us: &[Unit], s: usize, e: usize, text: &str) -> crate::speaker::Phrase {
    let start = us.get(s).map_or(0, |u| u.start);
    let end = us.get(e.wrapping_sub(1)).map_or(start, |u| u.end);
    let head = us
        .get(e.wrapping_sub(1))
        .map_or_else(String::new, |u| u.norm().to_string());
    crate::speaker::Phrase {
        start,
        end,
        kind: PhraseKind::Unnamed,
        name: text.get(start..end).unwrap_or("").to_string(),
        role: None,
        plural: head.ends_with('s'),
        head,
        female: false,
        male: false,
    }
}

/// Reported speech without quote marks in sentence `us[a..b]`.
fn reported(
    reading: &mut Reading,
    doc: &Document,
    us: &[Unit],
    paragraph: (usize, usize),
    (a, b): (usize, usize),
    sources: &mut Antecedents,
    drafts: &mut Vec<Draft>,
) {
    let lex = reading.lex;
    let text = doc.text.as_str();
    let mode = *TAGGER_MODE;
    if mode == TaggerMode::First {
        let found = tagged(reading, us, a, b, text);
        if tagged_drafts(lex, doc, us, a, &found, sources, drafts) {
            return;
        }
    }
    let Some(read) = RuleReading::of(lex, us, (a, b), text) else {
        return;
    };
    if read.found.is_some() {
        read.draft(lex, doc, us, (a, b), sources, drafts);
        return;
    }
    if mode == TaggerMode::Fill {
        let found = tagged(reading, us, a, b, text);
        if tagged_drafts(lex, doc, us, a, &found, sources, drafts) {
            return;
        }
    }
    // Not a statement, but its subject may be what a later "he" means.
    sources.defer(paragraph, a, read.end, read.has_cue);
}

/// What the reported-speech rules read in one sentence.
struct RuleReading {
    /// The attribution and its content's units, where a rule matched.
    found: Option<(Attribution, usize, usize)>,
    /// The sentence's end before its closing punctuation.
    end: usize,
    has_cue: bool,
}

impl RuleReading {
    /// None for a sentence too short to hold a statement.
    fn of(lex: &Lexicon, us: &[Unit], (a, b): (usize, usize), text: &str) -> Option<RuleReading> {
        let mut end = b;
        while end > a && us.get(end - 1).is_some_and(|u| u.kind == UnitKind::Punct) {
            end -= 1;
        }
        if end <= a + 2 {
            return None;
        }
        // Most sentences hold no speech cue at all; only their subject
        // matters then (as an antecedent), so the patterns are not tried.
        // The "X said that ..." patterns need a cue that reports speech; the
        // others accept any cue.
        let (mut has_cue, mut reporting_cue) = (false, false);
        for k in a..end {
            if let Some((_, reports)) = cue_at(lex, us, k, end) {
                has_cue = true;
                if reports {
                    reporting_cue = true;
                    break;
                }
            }
        }
        let found = if has_cue {
            according_first(lex, us, a, end, text)
                .or_else(|| according_last(lex, us, a, end, text))
                .or_else(|| {
                    reporting_cue
                        .then(|| subject_cue(lex, us, a, end, text))
                        .flatten()
                })
                .or_else(|| {
                    reporting_cue
                        .then(|| relative_cue(lex, us, a, end, text))
                        .flatten()
                })
                .or_else(|| trailing_attribution(lex, us, a, end, text))
        } else {
            None
        };
        Some(RuleReading {
            found,
            end,
            has_cue,
        })
    }

    /// Words of the content found outside quote marks: none where the
    /// quote is the whole clause (He said "we will win."), a direct
    /// quote, not a reported clause around one.
    fn words_beside_quotes(&self, us: &[Unit]) -> usize {
        self.found.as_ref().map_or(0, |(_, cs, ce)| {
            us.get(*cs..*ce)
                .unwrap_or(&[])
                .iter()
                .filter(|u| u.is_word())
                .count()
        })
    }

    /// Drafts the reported claim the rules found, when its clause is long
    /// enough to be a statement.
    fn draft(
        self,
        lex: &Lexicon,
        doc: &Document,
        us: &[Unit],
        (a, b): (usize, usize),
        sources: &mut Antecedents,
        drafts: &mut Vec<Draft>,
    ) {
        let text = doc.text.as_str();
        let Some((att, cs, ce)) = self.found else {
            return;
        };
        // The clause as found must be long enough to be a statement; where
        // it is then cut ("denied the fleet's presence, and ..."), the cut
        // part may be shorter.
        let whole = us.get(cs).zip(us.get(ce.wrapping_sub(1)));
        let ce_cut = content_end(lex, us, cs, ce);
        let (Some(first), Some(last)) = (us.get(cs), us.get(ce_cut.wrapping_sub(1))) else {
            return;
        };
        if ce_cut <= cs
            || !whole.is_some_and(|(f, l)| {
                has_words(text.get(f.start..l.end).unwrap_or(""), MIN_REPORTED_WORDS)
            })
        {
            return;
        }
        let source = resolve(lex, doc, &att, sources);
        let co_sources = co_speakers(lex, doc, us, &att, sources);
        let start = first.start.min(att.start);
        let end_byte = last.end.max(att.end);
        drafts.push(Draft {
            start,
            end: end_byte,
            source,
            cue: Some(att.cue),
            channel: att
                .channel
                .or_else(|| channel_in(lex, us, a, b, text).map(|c| c.0)),
            quote_start: first.start,
            quote_end: last.end,
            direct: false,
            co_sources,
        });
    }
}

/// Speakers coordinated with the attribution's speaker: "Anna Berg and
/// Tomas Lind said", "..., said A and B", a joint statement by two named
/// people or organisations. Each is resolved like the first.
fn co_speakers(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    att: &Attribution,
    sources: &mut Antecedents,
) -> Vec<Source> {
    let text = doc.text.as_str();
    let phrase = &att.phrase;
    if !matches!(phrase.kind, PhraseKind::Person | PhraseKind::Organization) {
        return Vec::new();
    }
    // The unit after the speaker phrase; a list ends with "and" (a comma
    // list alone is an apposition: "Mark Rutte, NATO Secretary General").
    let mut k = us.partition_point(|u| u.start < phrase.end);
    let mut items = Vec::new();
    let mut closed = false;
    while items.len() < 4 {
        let (joined, is_and) = match us.get(k) {
            Some(u) if u.norm() == "and" => (k + 1, true),
            Some(u) if u.is_punct(",") => match us.get(k + 1) {
                Some(n) if n.norm() == "and" => (k + 2, true),
                _ => (k + 1, false),
            },
            _ => break,
        };
        let Some((next_phrase, next)) = phrase_forward(lex, us, joined, us.len(), text) else {
            break;
        };
        if !matches!(
            next_phrase.kind,
            PhraseKind::Person | PhraseKind::Organization
        ) || next_phrase.name == phrase.name
        {
            break;
        }
        items.push((next_phrase, next));
        k = next;
        if is_and {
            closed = true;
            break;
        }
    }
    if !closed {
        return Vec::new();
    }
    items
        .into_iter()
        .map(|(p, next)| {
            let co = Attribution {
                start: p.start,
                end: p.end,
                next,
                cue: att.cue.clone(),
                channel: None,
                phrase: p,
                appositive: None,
            };
            resolve(lex, doc, &co, sources)
        })
        .filter(|s| s.kind != SourceKind::Unattributed)
        .collect()
}

type Found = (Attribution, usize, usize);

/// Where reported content stops: at a semicolon, at ", which", where a
/// coordinated second verb of speech starts ("... but noted that ...",
/// "..., and warned against ..."), or, for content that is not a
/// that-clause, where ", and" opens a clause with a subject of its own
/// ("denied the fleet's presence, and officials remained silent").
fn content_end(lex: &Lexicon, us: &[Unit], cs: usize, ce: usize) -> usize {
    let that_clause = cs > 0 && us.get(cs - 1).is_some_and(|u| u.norm() == "that");
    (cs + 1..ce)
        .find(|&k| {
            let Some(u) = us.get(k) else { return false };
            let comma_before = us.get(k - 1).is_some_and(|p| p.is_punct(","));
            u.is_punct(";")
                || (u.norm() == "which" && comma_before)
                || (matches!(u.norm(), "and" | "but")
                    && cue_at(lex, us, skip_aux(us, k + 1, ce), ce).is_some())
                || (!that_clause
                    && comma_before
                    && matches!(u.norm(), "and" | "but")
                    && us
                        .get(k + 1)
                        .is_some_and(|n| n.capitalised() || n.is(class::DETERMINER)))
        })
        .map_or(ce, |k| {
            // Drop the comma before the cut.
            if us.get(k - 1).is_some_and(|p| p.is_punct(",")) {
                k - 1
            } else {
                k
            }
        })
}

/// "According to X, CONTENT."
fn according_first(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    if us.get(a)?.norm() != "according" || us.get(a + 1)?.norm() != "to" {
        return None;
    }
    let (phrase, next) = phrase_forward(lex, us, a + 2, end, text)?;
    let comma = (next..end.min(next + 20)).find(|&k| us.get(k).is_some_and(|u| u.is_punct(",")))?;
    let apos = crate::speaker::appositives(lex, us, next, end, text);
    let content_start = match &apos {
        Some(ap) if us.get(ap.next).is_some_and(|u| u.is_punct(",")) => ap.next + 1,
        _ => comma + 1,
    };
    let att = Attribution {
        start: us.get(a)?.start,
        end: phrase.end,
        next: content_start,
        cue: text.get(us.get(a)?.start..us.get(a + 1)?.end)?.to_string(),
        channel: None,
        phrase,
        appositive: None,
    };
    Some((att, content_start, end))
}

/// "CONTENT, according to X."
fn according_last(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    let c = (a + 1..end).find(|&k| {
        us.get(k).is_some_and(|u| u.norm() == "according")
            && us.get(k + 1).is_some_and(|u| u.norm() == "to")
            && us.get(k - 1).is_some_and(|u| u.is_punct(","))
    })?;
    let (phrase, next) = phrase_forward(lex, us, c + 2, end, text)?;
    let att = Attribution {
        start: us.get(c)?.start,
        end: phrase.end,
        next,
        cue: text.get(us.get(c)?.start..us.get(c + 1)?.end)?.to_string(),
        channel: None,
        phrase,
        appositive: None,
    };
    let _ = next;
    Some((att, a, c - 1))
}

/// "X said (that) CONTENT" with X the clause subject.
fn subject_cue(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    subject_cue_from(lex, us, a, end, text).or_else(|| {
        // After a leading clause: "More than a year later, X confirmed ..."
        let comma = (a..end.min(a + 25)).find(|&k| us.get(k).is_some_and(|u| u.is_punct(",")))?;
        let (att, cs, ce) = subject_cue_from(lex, us, comma + 1, end, text)?;
        // "The talks stalled in May, the minister said, over the fees": the
        // attribution is set inside what was said, which is the whole
        // sentence around it (as PolNeAR marks it), not only its tail.
        // The part after it goes on the clause ("..., stalled over fees"),
        // unlike a second statement or a circumstance of the saying
        // ("..., adding that ...", "..., without giving details").
        let goes_on = us.get(cs).is_some_and(|u| {
            u.is_word()
                && !u.norm().ends_with("ing")
                && !matches!(
                    u.norm(),
                    "because" | "as" | "while" | "and" | "but" | "although"
                )
                && !crate::attribute::is_preposition(u)
                && cue_at(lex, us, cs, ce).is_none()
        });
        let inserted = cs >= 2
            && goes_on
            && us.get(cs - 1).is_some_and(|u| u.is_punct(","))
            && us.get(cs - 2).is_some_and(|u| u.end == att.end)
            && us
                .get(a..comma)
                .is_some_and(|pre| pre.iter().filter(|u| u.is_word()).count() >= 3);
        Some((att, if inserted { a } else { cs }, ce))
    })
}

/// "X, who had said that CONTENT": reported speech in a relative clause.
fn relative_cue(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    let comma = (a + 1..end).find(|&k| {
        us.get(k).is_some_and(|u| u.is_punct(","))
            && us.get(k + 1).is_some_and(|u| u.norm() == "who")
            && cue_at(lex, us, skip_aux_before_cue(lex, us, k + 2, end), end).is_some_and(|c| c.1)
    })?;
    let (phrase, _) = crate::speaker::phrase_backward(lex, us, a, comma, text)?;
    let (att, cs, ce) = subject_cue_tail(lex, us, comma + 2, end, text, (phrase, None), a)?;
    Some((att, cs, ce))
}

fn subject_cue_from(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    let (phrase, appositive, j) = clause_subject(lex, us, a, end, text)?;
    subject_cue_tail(lex, us, j, end, text, (phrase, appositive), a)
}

fn subject_cue_tail(
    lex: &Lexicon,
    us: &[Unit],
    j: usize,
    end: usize,
    text: &str,
    (phrase, appositive): (crate::speaker::Phrase, Option<crate::speaker::Appositive>),
    a: usize,
) -> Option<Found> {
    let j = skip_aux_before_cue(lex, us, j, end);
    let (len, reported) = cue_at(lex, us, j, end)?;
    if !reported {
        return None;
    }
    let cue_first = us.get(j)?;
    let cue_last = us.get(j + len - 1)?;
    let after = j + len;
    // The complement: an optional object and time or channel phrases, then
    // "that" if present.
    let that = (after..end.min(after + 10))
        .take_while(|&k| us.get(k).is_some_and(|u| u.is_word()))
        .find(|&k| us.get(k).is_some_and(|u| u.norm() == "that"));
    let mut cs = match that {
        Some(t) => t + 1,
        None => {
            let mut s = after;
            if matches!(cue_first.norm(), "told" | "tells" | "tell" | "telling") {
                s = phrase_forward(lex, us, s, end, text).map_or(s + 1, |(_, n)| n);
            }
            s
        }
    };
    while us.get(cs).is_some_and(|u| matches!(u.norm(), "," | ":")) {
        cs += 1;
    }
    // "warned of the consequences" reports no statement.
    if that.is_none()
        && us.get(cs).is_some_and(|u| {
            matches!(
                u.function_class(),
                Some(
                    crate::lexicon::FunctionClass::Preposition
                        | crate::lexicon::FunctionClass::Relative
                )
            )
        })
    {
        return None;
    }
    let att = Attribution {
        start: phrase.start.min(cue_first.start),
        end: cue_last.end,
        next: cs,
        cue: text.get(cue_first.start..cue_last.end)?.to_string(),
        channel: channel_in(lex, us, a, cs, text).map(|c| c.0),
        phrase,
        appositive,
    };
    // "..., the official said." matches as a subject and a cue with nothing
    // after it: that is the trailing pattern's, which comes later.
    if cs >= end {
        return None;
    }
    // "Data suggest Y, economists said": the attribution closing the
    // sentence is the speaker's; the inner clause is part of what was said.
    if trailing_attribution(lex, us, cs, end, text).is_some() {
        return None;
    }
    Some((att, cs, end))
}

fn skip_aux_before_cue(lex: &Lexicon, us: &[Unit], j: usize, end: usize) -> usize {
    let mut j = j;
    while j < end && cue_at(lex, us, j, end).is_none() {
        let next = skip_aux(us, j, j + 1);
        if next == j {
            break;
        }
        j = next;
    }
    j
}

/// "CONTENT, X said." / "CONTENT, said X, a spokesman."
fn trailing_attribution(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    end: usize,
    text: &str,
) -> Option<Found> {
    // The last comma may open an appositive of the speaker, so the comma
    // closing the content is one of the last two.
    (a + 1..end)
        .rev()
        .take(20)
        .filter(|&k| us.get(k).is_some_and(|u| u.is_punct(",")))
        .take(2)
        .find_map(|c| trailing(lex, us, c + 1, end, text).map(|att| (att, a, c)))
}

/// The ledger source for an attribution, resolving pronouns and definite
/// descriptions against earlier sources.
fn resolve(lex: &Lexicon, doc: &Document, att: &Attribution, sources: &mut Antecedents) -> Source {
    let phrase = &att.phrase;
    // The source span keeps the speaker's description, as PolNeAR does:
    // "Michael Kofman, a military analyst".
    let described_end = att.appositive.as_ref().map_or(0, |a| a.describes_end);
    let span = Span::of(&doc.text, phrase.start, phrase.end.max(described_end));
    let apos_role = att.appositive.as_ref().and_then(|a| a.role.clone());
    let anonymous = att.appositive.as_ref().is_some_and(|a| a.anonymous);
    // The last mention inside the phrase is its head ("Russian President
    // Vladimir Putin", "the North's Central Military Commission").
    let entity = sources
        .mentions
        .last_inside(phrase.start, phrase.end)
        .and_then(|m| m.canonical.clone().or_else(|| Some(m.span.text.clone())));
    // The NER stage's type, when it found the speaker, beats the default
    // reading of an unknown capitalised name as a person ("Millipore said").
    let ner_kind = sources
        .mentions
        .first_covering(phrase.start)
        .map(|m| m.kind);
    // A place that speaks is its government ("Moscow said", a country the
    // gazetteer does not know).
    let phrase_kind = match (phrase.kind, ner_kind) {
        (
            PhraseKind::Person,
            Some(
                EntityType::Organization
                | EntityType::Country
                | EntityType::Group
                | EntityType::Location,
            ),
        ) if phrase.role.is_none() => PhraseKind::Organization,
        (kind, _) => kind,
    };
    match phrase_kind {
        PhraseKind::Person | PhraseKind::Organization | PhraseKind::Unnamed => {
            let kind = match phrase_kind {
                PhraseKind::Person if !anonymous || phrase.role.is_some() => SourceKind::Person,
                PhraseKind::Person => SourceKind::Person,
                PhraseKind::Organization => SourceKind::Organization,
                _ => SourceKind::Anonymous,
            };
            let mut name = phrase.name.clone();
            let mut kind = kind;
            let mut role = apos_role.or_else(|| phrase.role.clone());
            let definite_org = kind == SourceKind::Organization
                && phrase.name.split_whitespace().count() == 1
                && text_starts_with_the(&doc.text, phrase.start);
            if definite_org {
                if let Some(org) = sources
                    .read(lex)
                    .organization_for(&phrase.head, phrase.start)
                {
                    name = org;
                }
            }
            if kind == SourceKind::Organization && !name.contains(' ') {
                if let Some(full) = sources.mentions.organization_by_head(&name) {
                    name = full;
                }
            }
            if kind == SourceKind::Person && !name.contains(' ') {
                // The NER stage knows full names met anywhere earlier, not
                // only as speakers ("Mark Rutte described ..." then "Rutte
                // said").
                let full_from_ner = entity.as_ref().filter(|full| {
                    ner_kind == Some(EntityType::Person)
                        && full.contains(' ')
                        && full.ends_with(name.as_str())
                });
                if let Some((full, full_role)) = sources.read(lex).full_name(&name) {
                    name = full;
                    role = role.or(full_role);
                } else if let Some(full) = full_from_ner {
                    name = full.clone();
                } else if let Some(org) = sources.read(lex).organization_starting(&name) {
                    name = org;
                    kind = SourceKind::Organization;
                }
            }
            let source = Source {
                name: Some(name),
                kind,
                role,
                entity: if kind == SourceKind::Anonymous {
                    None
                } else {
                    entity
                },
                span,
            };
            sources.write().remember(phrase.start, &source, phrase);
            source
        }
        PhraseKind::Pronoun(_) | PhraseKind::Definite => match sources.resolve(lex, phrase) {
            Some(seen) => {
                let seen: Seen = seen;
                sources.write().again(phrase.start, &seen);
                let name = match seen.kind {
                    SourceKind::Person => ner_full_name(&sources.mentions, seen.at, &seen.name),
                    _ => None,
                };
                Source {
                    name: Some(name.unwrap_or(seen.name)),
                    kind: seen.kind,
                    role: seen.role,
                    entity: None,
                    span,
                }
            }
            None if phrase.kind == PhraseKind::Definite => {
                let source = Source {
                    name: Some(phrase.name.clone()),
                    kind: SourceKind::Anonymous,
                    role: phrase.role.clone(),
                    entity: None,
                    span,
                };
                sources.write().remember(phrase.start, &source, phrase);
                source
            }
            None => Source::unattributed(),
        },
    }
}

/// The full name the NER stage gave the one-word person named at `at`
/// ("Kovalenko told parliament" after "Mira Kovalenko"), for a pronoun that
/// refers back to that mention.
fn ner_full_name(mentions: &MentionIndex, at: usize, name: &str) -> Option<String> {
    if name.contains(' ') {
        return None;
    }
    mentions
        .person_at(at)
        .and_then(|m| m.canonical.clone())
        .filter(|full| full.contains(' ') && full.ends_with(name))
}

/// True when the phrase at `start` opens with "the"/"The" ("the company").
fn text_starts_with_the(text: &str, start: usize) -> bool {
    text.get(start..)
        .is_some_and(|s| s.starts_with("the ") || s.starts_with("The "))
}

fn finish(doc: &Document, drafts: &mut Vec<Draft>) -> Vec<Claim> {
    let text = doc.text.as_str();
    drafts.sort_by_key(|d| (d.start, d.quote_start));
    drafts.dedup_by(|b, a| a.quote_start == b.quote_start && a.quote_end == b.quote_end);
    let mut out = Vec::with_capacity(drafts.len().min(MAX_CLAIMS_PER_DOCUMENT));
    // Claims kept from the sentence met last (drafts come in text order).
    let mut in_sentence = (usize::MAX, 0usize);
    for d in drafts.drain(..) {
        // Headlines state, they do not quote: never a claim of their own.
        if in_headline(doc, d.start) {
            continue;
        }
        if out.len() >= MAX_CLAIMS_PER_DOCUMENT {
            break;
        }
        let (Some(span), Some(qspan)) = (
            Span::of(text, d.start, d.end),
            Span::of(text, d.quote_start, d.quote_end),
        ) else {
            continue;
        };
        let sentence = first_sentence(doc, d.start);
        if in_sentence.0 == sentence {
            in_sentence.1 += 1;
            if in_sentence.1 > MAX_CLAIMS_PER_SENTENCE {
                continue;
            }
        } else {
            in_sentence = (sentence, 1);
        }
        out.push(Claim {
            id: format!("{}:quote:{}", doc.id, out.len()),
            doc: doc.id.clone(),
            body: ClaimBody::Quote {
                quote: Quote {
                    text: qspan.text.clone(),
                    direct: d.direct,
                    span: qspan,
                },
            },
            sentence,
            span,
            source: d.source,
            co_sources: d.co_sources,
            cue: d.cue,
            channel: d.channel,
            hedged: false,
            hedges: Vec::new(),
            time: None,
        });
    }
    out
}

/// Whether byte `at` lies in a paragraph ingest marked as a headline.
fn in_headline(doc: &Document, at: usize) -> bool {
    doc.paragraphs.iter().any(|p| {
        p.kind == crosscheck_model::ParagraphKind::Headline
            && p.range.start <= at
            && at < p.range.end
    })
}

/// Index of the sentence that `start` lies in (the last one when it lies
/// past them all).
fn first_sentence(doc: &Document, start: usize) -> usize {
    doc.sentences
        .partition_point(|s| s.range.end <= start)
        .min(doc.sentences.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::has_words;

    #[test]
    fn word_counts_match_whitespace_words_with_letters() {
        let texts = [
            "",
            "one",
            "one two three",
            "one two three four",
            " -- one , two three four ",
            "one\ttwo\nthree\r\nfour",
            "Zoë’s two three four",
            "one two three\u{a0}four",
            "1 2 3 4 5",
            "- - - -",
        ];
        for text in texts {
            for min in 0..6 {
                let want = text
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count()
                    >= min;
                assert_eq!(has_words(text, min), want, "{text:?} {min}");
            }
        }
    }
}
