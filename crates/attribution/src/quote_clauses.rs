//! Quotes that are part of a clause of the sentence rather than a
//! statement of their own: a quote the clause runs on after (“...” until
//! the vote), one a lead of the sentence runs into ("Whatever the board
//! decides, “...,” she said"), or one a reported clause runs into ("said
//! that if the levy rose, “...”"). PolNeAR annotates each as one content,
//! the quote keeping its marks inside it.

use crate::attribute::cue_at;
use crate::extract::Draft;
use crate::lexicon::{FunctionClass, Lexicon};
use crate::quotes::QuoteSegment;
use crate::reported::new_speaker_at;
use crate::units::Unit;

/// Where the sentence's clause ends when the quote at unit `k`, standing
/// as a statement, runs on into words of the clause after its closing
/// mark (“...” in California; “...” if she lost by more): the byte end of
/// the sentence's last word before `b`. `None` when the quote ends its
/// sentence, its own punctuation or a comma follows it, or the words after
/// it attribute it.
pub(crate) fn clause_after_quote(
    lex: &Lexicon,
    us: &[Unit],
    (k, b): (usize, usize),
    seg: &QuoteSegment,
    text: &str,
) -> Option<usize> {
    let inner = text.get(seg.inner_start..seg.inner_end)?;
    let closed_on_word = seg.closed
        && inner
            .trim_end_matches(['”', '’', '"', '\''])
            .ends_with(|c: char| c.is_alphanumeric());
    let next = us.get(k + 1)?;
    let lower = next.text(text).starts_with(|c: char| c.is_lowercase());
    if !closed_on_word
        || !next.is_word()
        || !lower
        || k.checked_sub(1)
            .and_then(|j| us.get(j))
            .is_some_and(Unit::is_word)
        || cue_at(lex, us, k + 1, b).is_some()
        || next.function_class() == Some(FunctionClass::Auxiliary)
        || matches!(next.norm(), "and" | "or" | "nor")
    {
        return None;
    }
    // (", Sanders replied": a new clause with its own speaker ends it.)
    let stop = (k + 1..b)
        .find(|&j| us.get(j).is_none_or(Unit::is_quote) || new_speaker_at(lex, us, j, b))
        .unwrap_or(b);
    // (Another quote in the run makes it no plain clause.)
    if us.get(stop).is_some_and(Unit::is_quote) {
        return None;
    }
    let last = (k + 1..stop)
        .filter(|&j| us.get(j).is_some_and(Unit::is_word))
        .last()?;
    us.get(last).map(|u| u.end)
}

/// Where a lead of the sentence's own starts when the quote at unit `k`
/// follows it after a comma and its speaker comes after it ("Whatever the
/// board decides, “the ferries will run,” Marren said"): the byte start of
/// the sentence's first word. `None` when other words than a plain run
/// with commas come before the quote, or a cue among them attributes
/// something else. (A phrase of place or manner leads too: "At the depot,
/// “...,” she said" is one statement as PolNeAR reads it; leaving such
/// phrases out scored lower on its training and dev texts.)
pub(crate) fn lead_before_quote(
    lex: &Lexicon,
    us: &[Unit],
    (a, k): (usize, usize),
) -> Option<usize> {
    plain_lead(lex, us, (a, k), 2).map(|first| first.start)
}

/// The first unit of `us[a..end]` when it is a plain lead of a sentence:
/// at least `min_words` words, nothing but words and commas, a comma last,
/// and no cue among them (which would attribute something else).
fn plain_lead<'u, 'a>(
    lex: &Lexicon,
    us: &'u [Unit<'a>],
    (a, end): (usize, usize),
    min_words: usize,
) -> Option<&'u Unit<'a>> {
    let lead = us.get(a..end)?;
    let words = lead.iter().filter(|u| u.is_word()).count();
    let plain = lead.iter().all(|u| u.is_word() || u.is_punct(","));
    if words < min_words || !plain || !lead.last().is_some_and(|u| u.is_punct(",")) {
        return None;
    }
    if (a..end).any(|j| cue_at(lex, us, j, end).is_some()) {
        return None;
    }
    lead.first()
}

/// The direct claim just drafted for `seg` (from draft `from` on) becomes
/// part of a reported claim over bytes `start..end`, the quote keeping its
/// marks inside it; the direct draft stays only as the speaker a later
/// quote continues.
pub(crate) fn absorb_into_clause(
    drafts: &mut Vec<Draft>,
    from: usize,
    seg: &QuoteSegment,
    (start, end): (usize, usize),
) {
    let Some(i) = (from..drafts.len()).find(|&i| {
        drafts.get(i).is_some_and(|d| {
            d.direct && d.quote_start >= seg.inner_start && d.quote_end <= seg.inner_end
        })
    }) else {
        return;
    };
    let Some(direct) = drafts.get_mut(i) else {
        return;
    };
    direct.absorbed = true;
    let mut clause = direct.clone();
    clause.absorbed = false;
    clause.direct = false;
    clause.quote_start = start;
    clause.quote_end = end;
    clause.start = clause.start.min(start);
    clause.end = clause.end.max(end);
    drafts.push(clause);
}

/// Whether content `us[cs..ce]` runs a clause of at least two words into
/// a quote that opens after its comma ("that if the levy rose, “the
/// ferries would stop”", "while the plan is not perfect, “...”"): the
/// quote closes the clause rather than standing alone. The words before it
/// make a clause when "that" introduces them, a subordinator opens them or
/// an auxiliary makes them finite; otherwise they are whom or where it was
/// said ("told the committee, “...”", "said at a meeting, “...”").
pub(crate) fn lead_into_quote(lex: &Lexicon, us: &[Unit], cs: usize, ce: usize) -> bool {
    let Some(q) = (cs..ce).find(|&k| us.get(k).is_some_and(Unit::is_quote)) else {
        return false;
    };
    if !us.get(q.wrapping_sub(1)).is_some_and(|u| u.is_punct(",")) {
        return false;
    }
    let words: Vec<&Unit> = us
        .get(cs..q)
        .unwrap_or(&[])
        .iter()
        .filter(|u| u.is_word())
        .collect();
    let (introduced, lead) = match words.split_first() {
        Some((that, rest)) if that.norm() == "that" => (true, rest),
        _ => (false, words.as_slice()),
    };
    let Some(first) = lead.first() else {
        return false;
    };
    // "noted ... but said, “...”": the quote's own cue ends the words.
    let own_cue = q >= 2 && cue_at(lex, us, q - 2, q).is_some();
    let finite = || lead.iter().any(|u| lex.is_finite_auxiliary(u.norm()));
    let prepositional = first.function_class() == Some(FunctionClass::Preposition);
    lead.len() >= 2
        && !own_cue
        && (introduced
            || lex.opens_clause(first.norm())
            || finite() && (!prepositional || lex.is_clause_preposition(first.norm())))
}

/// Where the clause starts when a lead of the sentence's own, then the
/// speaker set off by commas, run into the quote at unit `k` ("Instead,
/// Marren said, “the ferries ran late”"): the byte start of the
/// sentence's first word. The quote opening in lower case shows it goes
/// on with the lead's clause; a capital opens a statement of its own, and
/// the lead is then framing ("At the depot, Marren said, “We ran late”").
/// A lead that opens with a participle or a preposition frames the quote
/// whatever its case ("Speaking in Sarn, Marren said, “we ran late”"),
/// unless the preposition can open a clause ("When the levy rises, ...").
/// `None` unless the lead is a plain run of words and commas ending in a
/// comma before the attribution starting at unit `s`, and only a comma
/// stands between the attribution's end (`next`) and the quote.
pub(crate) fn lead_through_speaker(
    lex: &Lexicon,
    us: &[Unit],
    (a, s, next, k): (usize, usize, usize, usize),
    seg: &QuoteSegment,
    text: &str,
) -> Option<usize> {
    if !matches!(us.get(next..k)?, [comma] if comma.is_punct(",")) {
        return None;
    }
    let inner = text.get(seg.inner_start..seg.inner_end)?;
    if !inner.trim_start().starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let first = plain_lead(lex, us, (a, s), 1)?;
    // ("Speaking in Sarn, she said, “...”"; "Nothing, she said, “...”" is
    // the clause's subject.)
    let framing = first.norm().ends_with("ing") && !first.norm().ends_with("thing")
        || first.function_class() == Some(FunctionClass::Preposition)
            && !lex.is_clause_preposition(first.norm());
    if framing {
        return None;
    }
    Some(first.start)
}
