//! The document walk: quotes and reported statements, paragraph by
//! paragraph, with sources resolved as the text introduces them. The walk
//! reads quotes and their attributions itself; sentences without a quote of
//! their own go to the reported-speech readers (`reported`), and every
//! attribution's speaker to the sources met so far (`sources`).

use crosscheck_model::{Claim, ClaimBody, Document, Quote, Source, SourceKind, Span};
use crosscheck_text::{MAX_CLAIMS_PER_DOCUMENT, MAX_CLAIMS_PER_SENTENCE};

use crate::attribute::{
    after_quote, before_quote, clause_colon, dash_attribution, name_colon, Attribution,
};
use crate::lexicon::Lexicon;
use crate::mentions::MentionIndex;
use crate::paragraphs::paragraph_ranges_into;
use crate::quote_clauses::{
    absorb_into_clause, clause_after_quote, lead_before_quote, lead_through_speaker,
};
use crate::quotes::{find_quotes_into, QuoteSegment};
use crate::relay;
use crate::reported::{
    co_speakers, reported, reported_around_quotes, runs_on_into, tagged, RuleReading, TaggerMode,
    TAGGER_MODE,
};
use crate::resolve::{Seen, Tracker};
use crate::sources::{resolve, Antecedents, Deferred};
use crate::speaker::PhraseKind;
use crate::tagger::{self, Model};
use crate::units::{append_units, ends_sentence, Unit, UnitKind};
use crosscheck_text::TokenLayer;

/// A claim before ids and sentences are filled.
#[derive(Clone)]
pub(crate) struct Draft {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) source: Source,
    pub(crate) cue: Option<String>,
    pub(crate) channel: Option<String>,
    pub(crate) quote_start: usize,
    pub(crate) quote_end: usize,
    pub(crate) direct: bool,
    /// Speakers coordinated with `source` ("A and B said").
    pub(crate) co_sources: Vec<Source>,
    /// Who relays the words ("Sarn Radio quoted the minister as saying").
    pub(crate) quoted_by: Option<Box<Source>>,
    /// A quote read as the end of a reported clause drafted over it: no
    /// claim of its own, but still the speaker a quote after it continues.
    pub(crate) absorbed: bool,
}

/// Quotes shorter than this are kept only when attributed (partial quotes
/// in reported speech); unattributed ones are scare quotes or titles.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// Words outside quote marks a sentence needs before the tagger looks for
/// a reported clause around its quotes.
const MIN_WORDS_AROUND_QUOTES: usize = 3;
/// Reported content must be a clause, not a fragment.
pub(crate) const MIN_REPORTED_WORDS: usize = 4;

/// Buffers kept per thread between documents: the units (stored empty),
/// so that a document does not allocate them.
#[derive(Default)]
struct Buffers {
    units: Vec<Unit<'static>>,
    scratch: Scratch,
}

/// What the walk reads sentences with: the extractor's lexicon, and its
/// tagger model with the tagger's working buffers.
pub(crate) struct Reading<'r> {
    pub(crate) lex: &'r Lexicon,
    /// `None`: reported speech from the rules alone.
    pub(crate) model: Option<&'r Model>,
    pub(crate) tagging: &'r mut tagger::Scratch,
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
        before: None,
    };
    let sentence_buf = &mut scratch.sentences;
    let mut reading = Reading {
        lex,
        model,
        tagging: &mut scratch.tagging,
    };
    let mut before: &[Unit] = &[];
    for (p, &(lo, hi, has_quotes)) in bounds.iter().enumerate() {
        let us = all.get(lo..hi).unwrap_or(&[]);
        let after = bounds
            .get(p + 1)
            .and_then(|&(alo, ahi, _)| all.get(alo..ahi))
            .unwrap_or(&[]);
        sentences(us, text, sentence_buf);
        let paragraph = Paragraph {
            units: us,
            before,
            after,
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

/// A paragraph's units, where they lie among the document's units, its
/// sentences (unit ranges) and whether it holds a quote.
struct Paragraph<'p, 'a> {
    units: &'p [Unit<'a>],
    /// The units of the paragraph before (none for the first).
    before: &'p [Unit<'a>],
    /// The units of the paragraph after (none for the last).
    after: &'p [Unit<'a>],
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
pub(crate) fn has_words(text: &str, min: usize) -> bool {
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
                    .or_else(|| bare_attribution(lex, us, k + 1, limit, text))
            } else {
                after_quote(lex, us, k + 1, limit, text)
                    .or_else(|| dash_attribution(lex, us, k + 1, us.len(), text))
            }
            .or_else(|| before_quote(lex, us, a, k, text))
            .or_else(|| name_colon(lex, us, a, k, text))
            .or_else(|| later_in_sentence(lex, us, a, k, b, text))
            .or_else(|| clause_colon(lex, us, a, k, text));
            if let Some(att) = &attribution {
                consumed_to = consumed_to.max(att.next).max(k + 1);
            }
            // The quote as part of a clause of its sentence: the clause's
            // byte span, when one runs through the speaker into it, on
            // after it, or into it with the speaker after it.
            let clause = attribution.as_ref().and_then(|att| {
                let through_speaker = || {
                    let s = (a..k).find(|&j| us.get(j).is_some_and(|u| u.start >= att.start))?;
                    lead_through_speaker(lex, us, (a, s, att.next, k), seg, text)
                };
                // (An attribution after the quote lets it run on only up
                // to the attribution: “...” of the case, Marren said.)
                let run_on = || {
                    let end = clause_after_quote(lex, us, (k, b), seg, text)?;
                    (att.start < seg.open || end < att.start).then_some(end)
                };
                let lead = || {
                    (att.start > seg.open)
                        .then(|| lead_before_quote(lex, us, (a, k)))
                        .flatten()
                };
                (att.start < seg.open)
                    .then(through_speaker)
                    .flatten()
                    .map(|start| (start, seg.end))
                    .or_else(|| run_on().map(|end| (seg.open, end)))
                    .or_else(|| lead().map(|start| (start, seg.end)))
            });
            let elsewhere = match attribution {
                None => attributed_elsewhere(lex, paragraph, seg, k, text),
                Some(_) => None,
            };
            let drafted = drafts.len();
            match elsewhere {
                Some((att, there)) => quote_claim(lex, doc, there, seg, Some(att), sources, drafts),
                None => quote_claim(lex, doc, us, seg, attribution, sources, drafts),
            }
            if let Some(span) = clause {
                absorb_into_clause(drafts, drafted, seg, span);
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
pub(crate) fn only_fragments(text: &str, us: &[Unit], a: usize, b: usize) -> bool {
    us.get(a..b)
        .unwrap_or(&[])
        .iter()
        .filter(|u| u.is_quote())
        .all(|u| runs_on_into(text, u.start))
}

/// “... emails.” Tarn said.: after a quote that ends its own sentence, a
/// sentence that is nothing but a speaker and a cue still attributes it.
fn bare_attribution(
    lex: &Lexicon,
    us: &[Unit],
    k: usize,
    limit: usize,
    text: &str,
) -> Option<Attribution> {
    let att = after_quote(lex, us, k, limit, text)?;
    let closes = us.get(limit).is_some_and(|u| u.is_punct("."));
    (att.next == limit && closes).then_some(att)
}

/// The attribution of quote `seg` (unit `k`) from a paragraph beside its
/// own, with that paragraph's units: introduced at the end of the one
/// before ("Caddell continued:") when the quote opens its paragraph, or
/// signed in the next ("- Jane Roe.") when it closes it.
fn attributed_elsewhere<'p, 'a>(
    lex: &Lexicon,
    paragraph: &Paragraph<'p, 'a>,
    seg: &QuoteSegment,
    k: usize,
    text: &str,
) -> Option<(Attribution, &'p [Unit<'a>])> {
    let us = paragraph.units;
    let punct_only = |r: &[Unit]| r.iter().all(|u| u.kind == UnitKind::Punct);
    if us.get(..k).is_some_and(punct_only) {
        if let Some(att) = introduced_by(lex, paragraph.before, text) {
            return Some((att, paragraph.before));
        }
    }
    let after_close = us
        .iter()
        .position(|u| u.start >= seg.end)
        .unwrap_or(us.len());
    if !seg.closed || !us.get(after_close..).is_some_and(punct_only) {
        return None;
    }
    let next = paragraph.after;
    dash_attribution(lex, next, 0, next.len(), text).map(|att| (att, next))
}

/// The attribution a paragraph ends with when it introduces a quote in the
/// next one: "... Caddell continued:", "The New York Times reports:" (a
/// speaker and a cue in its last sentence, then a colon), or a clause
/// with no cue ("Governor Brill released the following statement:").
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
        .or_else(|| clause_colon(lex, before, lo, colon + 1, text))
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
    // "Posters read “Save the Old Ferry Now”": a slogan or title that a
    // verb of the next-to-a-quote kind only introduces quotes no one.
    let adjacent_only = |cue: &str| {
        let words: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
        lex.adjacent_cue_at(&words) == Some(words.len())
    };
    if attribution.as_ref().is_some_and(|att| {
        title_in_running_text(lex, text, seg.open, inner) && adjacent_only(&att.cue)
    }) {
        return;
    }
    match attribution {
        Some(att) => {
            let start = seg.open.min(att.start);
            let end = seg.end.max(att.end);
            let mut source = resolve(lex, doc, &att, sources);
            let co_sources = co_speakers(lex, doc, us, &att, sources);
            // "“...,” Sarn Radio quoted him as telling ...", "“...,” Lume
            // was quoted by Sarn Radio as saying."
            let mut quoted_by = None;
            if relay::quotes_someone(&att.cue) {
                let after_cue = us
                    .iter()
                    .position(|u| u.start >= att.phrase.end && relay::quotes_someone(u.text(text)));
                let found = after_cue.and_then(|c| {
                    relay::speaker_and_relay(
                        lex,
                        doc,
                        us,
                        (c + 1, us.len()),
                        &att.cue,
                        &source,
                        sources,
                    )
                });
                if let Some((speaker, by, _)) = found {
                    source = speaker;
                    quoted_by = Some(Box::new(by));
                }
            }
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
                quoted_by,
                absorbed: false,
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
                    quoted_by: prev.quoted_by.clone(),
                    absorbed: false,
                };
                drafts.push(draft);
            } else if has_words(inner, MIN_UNATTRIBUTED_WORDS)
                && !title_in_running_text(lex, text, seg.open, inner)
            {
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
                    quoted_by: None,
                    absorbed: false,
                });
            }
        }
    }
}

/// Whether the quote opening at byte `open` is a work's or show's title
/// named in running text: the words inside read as a title and the word
/// before the mark is in lower case or a possessive ("the book “A Time for
/// Truth”", "on Radio Kell's “Night Desk”"). A headline's capitalised
/// words before a quote are no sign of a title.
fn title_in_running_text(lex: &Lexicon, text: &str, open: usize, inner: &str) -> bool {
    let before = text.get(..open).unwrap_or("").trim_end_matches([' ', '\t']);
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let named_in_text = word.starts_with(char::is_lowercase)
        || (word.ends_with("'s") || word.ends_with("’s")) && word.len() > 2;
    named_in_text && lex.reads_as_title(inner)
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
    let paragraph_start = us.first().map_or(seg.open, |u| u.start);
    // “Kessler said the plan would fail. “It is dead.”": a reported
    // statement ending right before the quote, in its paragraph, is the
    // speaker's too; so is one ending the paragraph before a paragraph that
    // is only this quote ("Kessler said the plan would fail.¶“It is
    // dead.”"), as news writing goes on quoting whoever it reported last.
    let adjacent = before().max_by_key(|d| d.end).filter(|d| {
        !d.direct
            && d.source.name.is_some()
            && text.get(d.end..seg.open).is_some_and(|gap| {
                gap.chars().all(|c| " \t.;:".contains(c))
                    || paragraph_start >= seg.open
                        && gap.contains('\n')
                        && gap.chars().all(|c| c.is_whitespace() || ".;:".contains(c))
            })
    });
    if adjacent.is_some() {
        return adjacent;
    }
    let latest = before().filter(|d| d.direct).max_by_key(|d| d.end)?;
    latest.source.name.as_ref()?;
    // Someone else said something since.
    if before().any(|d| {
        d.start >= latest.end && d.source.name.is_some() && d.source.name != latest.source.name
    }) {
        return None;
    }
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

/// Whether a quote's words are a letter or short code in quote marks (new
/// class "B" shares, a rating of "A", the "TGV"): a name or designation,
/// not words anyone spoke. One to three capital letters, or a capital and
/// digits or signs ("B1", "A+").
fn designation(quoted: &str) -> bool {
    let code = quoted.trim_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c));
    let mut chars = code.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && code.len() <= 3
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '+' || c == '-')
}

fn finish(doc: &Document, drafts: &mut Vec<Draft>) -> Vec<Claim> {
    let text = doc.text.as_str();
    drafts.retain(|d| !d.absorbed);
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
        if d.direct && designation(text.get(d.quote_start..d.quote_end).unwrap_or("")) {
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
            quoted_by: d.quoted_by,
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
