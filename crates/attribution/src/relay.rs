//! Nested attribution: "Sarn Radio quoted the minister as saying the
//! ferries would run", or "the minister was quoted by Sarn Radio as
//! saying ...". The words are the minister's; the radio relays them. The
//! claim's source is the one quoted, and `quoted_by` the one who quotes.

use crosscheck_model::{Document, Source, SourceKind, Span};

use crate::attribute::Attribution;
use crate::sources::{resolve, Antecedents};
use crate::speaker::{appositives, phrase_forward, Phrase, PhraseKind};
use crate::units::Unit;
use crate::Lexicon;

/// The relayed speaker read from unit `k` on, after a cue that quotes
/// someone ("quoted", "quoting"): a speaker phrase, its appositive, then
/// "as" and a verb of saying in "-ing" ("as saying", "as telling", "as
/// having said"), and "that" if present.
struct Relayed {
    /// The one quoted, resolved.
    source: Source,
    /// Unit where the relayed words start.
    words: usize,
}

/// Whether `cue` is one that quotes someone else's words.
pub(crate) fn quotes_someone(cue: &str) -> bool {
    cue.split_whitespace()
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("quoted") || w.eq_ignore_ascii_case("quoting"))
}

/// See [`Relayed`]; `limit` bounds the reading (the sentence's end),
/// `quoter` is the cue's own source.
fn relayed(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    (k, limit): (usize, usize),
    cue: &str,
    quoter: &Source,
    sources: &mut Antecedents,
) -> Option<Relayed> {
    let text = doc.text.as_str();
    let (phrase, next) =
        object_pronoun(us, k).or_else(|| phrase_forward(lex, us, k, limit, text))?;
    if !matches!(
        phrase.kind,
        PhraseKind::Person
            | PhraseKind::Organization
            | PhraseKind::Unnamed
            | PhraseKind::Pronoun(_)
    ) {
        return None;
    }
    // "quoted Ivo Sand, a ferry captain, as saying".
    let appositive = appositives(lex, us, next, limit, text);
    let after = appositive.as_ref().map_or(next, |a| a.next);
    let as_at = match us.get(after) {
        Some(u) if u.is_punct(",") => after + 1,
        _ => after,
    };
    let words = saying_after(us, as_at)?;
    let pronoun = match phrase.kind {
        PhraseKind::Pronoun(g) => Some(g),
        _ => None,
    };
    let start = phrase.start;
    let end = us.get(words - 1).map_or(phrase.end, |u| u.end);
    let att = Attribution {
        phrase,
        appositive,
        cue: cue.to_string(),
        channel: None,
        start,
        end,
        next: words,
    };
    // A pronoun or description stands for someone met before the one who
    // quotes.
    sources.before = quoter.span.as_ref().map(|s| s.start);
    let source = resolve(lex, doc, &att, sources);
    sources.before = None;
    // ("the radio quoted him": a pronoun that finds only the one who
    // quotes finds no one; "him" or "her" stands for a person.)
    let person = matches!(pronoun, Some('m' | 'f'));
    if source.kind == SourceKind::Unattributed
        || source.name == quoter.name
        || person && source.kind != SourceKind::Person
    {
        return None;
    }
    Some(Relayed { source, words })
}

/// Who speaks and who relays, read from unit `k` right after a cue that
/// quotes someone, whose own source is `cue_source`: "quoted Ivo Sand as
/// saying" (Ivo Sand speaks, `cue_source` relays) or "(Sand was) quoted by
/// the Sarn Post as saying" (`cue_source` speaks, the Sarn Post relays).
/// Returns the one who speaks, the one who relays and the unit where the
/// relayed words start.
pub(crate) fn speaker_and_relay(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    (k, limit): (usize, usize),
    cue: &str,
    cue_source: &Source,
    sources: &mut Antecedents,
) -> Option<(Source, Source, usize)> {
    if !quotes_someone(cue) {
        return None;
    }
    let passive = us.get(k).is_some_and(|u| u.norm() == "by");
    if !passive {
        let r = relayed(lex, doc, us, (k, limit), cue, cue_source, sources)?;
        return Some((r.source, cue_source.clone(), r.words));
    }
    // "quoted by the daily Sarn Post as saying": the one who relays is
    // named as it is written (a paper, an agency), up to "as"; it is no
    // antecedent ("..., they said" after it means the ones quoted).
    let text = doc.text.as_str();
    let as_at = (k + 2..limit.min(k + 10))
        .take_while(|&j| us.get(j).is_some_and(Unit::is_word))
        .find(|&j| us.get(j).is_some_and(|u| u.norm() == "as"))?;
    let words = saying_after(us, as_at)?;
    let (first, last) = (us.get(k + 1)?, us.get(as_at - 1)?);
    let by = Source {
        name: Some(crate::speaker::strip_the(&crate::speaker::squash(
            text.get(first.start..last.end)?,
        ))),
        kind: SourceKind::Organization,
        role: None,
        entity: None,
        span: Span::of(text, first.start, last.end),
    };
    Some((cue_source.clone(), by, words))
}

/// The unit after "as saying", "as telling", "as having said" (and
/// "that") when "as" stands at unit `as_at`.
fn saying_after(us: &[Unit], as_at: usize) -> Option<usize> {
    if us.get(as_at)?.norm() != "as" {
        return None;
    }
    let verb_len = match us.get(as_at + 1)?.norm() {
        "having" => 2,
        w if w.len() > 4 && w.ends_with("ing") => 1,
        _ => return None,
    };
    let mut words = as_at + 1 + verb_len;
    if us.get(words).is_some_and(|u| u.norm() == "that") {
        words += 1;
    }
    Some(words)
}

/// "quoted him as saying": an object pronoun as the one quoted (the
/// lexicon's speaker pronouns are subjects).
fn object_pronoun(us: &[Unit], k: usize) -> Option<(Phrase, usize)> {
    let u = us.get(k)?;
    let gender = match u.norm() {
        "him" => 'm',
        "her" => 'f',
        "them" => 'p',
        _ => return None,
    };
    let phrase = Phrase {
        start: u.start,
        end: u.end,
        kind: PhraseKind::Pronoun(gender),
        name: u.norm().to_string(),
        role: None,
        head: u.norm().to_string(),
        female: gender == 'f',
        male: gender == 'm',
        plural: gender == 'p',
    };
    Some((phrase, k + 1))
}
