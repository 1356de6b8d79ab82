//! Stance claims: who confirms, denies, has not confirmed, alleges,
//! estimates, acknowledges or condemns what, with negation ("has not
//! confirmed", "Neither X nor Y"), coordination ("Russia and North Korea"),
//! passives ("confirmed by Moscow"), nominalisations ("acknowledgment by
//! Pyongyang", "no confirmation from NATO") and a time qualifier.
//!
//! `claim.time.value` is the TIMEX3 value of a time expression from
//! `doc.time_expressions` inside the stance clause when there is one;
//! otherwise a qualifier from `data/time_qualifiers.tsv`: `INITIAL`,
//! `LATER`, `ONGOING`, or the TIMEX3 references `PRESENT_REF`/`PAST_REF`.

use crosscheck_model::{Claim, ClaimBody, ClaimTime, Document, Polarity, Source, Span, Stance};
use crosscheck_text::{TokenLayer, MAX_CLAIMS_PER_SENTENCE};

use crate::claimant::source_kind;
use crate::hedge;
use crate::lexicon::{Lexicon, StanceForm};
use crate::lookup::Lookup;
use crate::phrase::{each_sentence, Sentence};
use crate::tokens::without_possessive;

/// The stance cue starting at token `c`, if any.
fn cue_at<'a>(
    sent: &Sentence<'a>,
    c: usize,
) -> Option<&'a (Vec<&'static str>, Polarity, StanceForm)> {
    sent.lex
        .index
        .cues_by_first_word
        .get(sent.low(c))?
        .iter()
        .filter_map(|&k| sent.lex.stance_cues.get(k))
        .find(|(p, _, _)| sent.matches(c, p))
}

struct Found {
    actors: Vec<(usize, usize)>,
    /// What an appositive says the (single) actor is: "the interior minister".
    role: Option<(usize, usize)>,
    polarity: Polarity,
    cue: (usize, usize),
    about: Option<(usize, usize)>,
}

fn clause_end(sent: &Sentence, from: usize) -> usize {
    let mut k = from;
    while k < sent.toks.len() {
        let w = sent.low(k);
        // "condemned the move and pledged ...": a second verb ends the first.
        let next_verb = w == "and" && {
            let n = sent.low(k + 1);
            !sent.capitalized(k + 1)
                && (n.ends_with("ed") || sent.lex.reporting.iter().any(|p| p.first() == Some(&n)))
        };
        if matches!(sent.s(k), "." | ";" | "," | ":" | "—" | "(" | "?" | "!")
            || matches!(w, "but" | "while" | "whereas")
            || next_verb
        {
            break;
        }
        k += 1;
    }
    k
}

/// The proposition after a verb: its object or "that" clause up to the
/// clause break, skipping a leading time phrase and "that".
fn about_after(sent: &Sentence, from: usize, timexes: &[(usize, usize)]) -> Option<(usize, usize)> {
    let mut a = from;
    loop {
        let w = sent.low(a);
        let in_timex = sent
            .toks
            .get(a)
            .is_some_and(|t| timexes.iter().any(|&(s, e)| s <= t.start() && t.end() <= e));
        if in_timex {
            a += 1;
        } else if matches!(sent.s(a), "," | ":") && matches!(sent.s(a + 1), "“" | "\"" | "‘") {
            // Direct speech after the cue: the proposition is the quote.
            let open = a + 2;
            let close = (open..sent.toks.len())
                .find(|&k| matches!(sent.s(k), "”" | "\"" | "’"))
                .unwrap_or(sent.toks.len());
            return (close > open).then_some((open, close));
        } else if w == "that" {
            a += 1;
        } else if w == "on" && sent.capitalized(a + 1) && sent.low(a + 2) != "of" {
            a += 2;
        } else if let Some((p, _)) = sent
            .lex
            .time_qualifiers
            .iter()
            .find(|(p, _)| sent.matches(a, p))
        {
            a += p.len();
        } else {
            break;
        }
    }
    let b = trim_trailing_time(sent, a, clause_end(sent, a), timexes);
    (b > a).then_some((a, b))
}

/// The end of a proposition without a time phrase that dates the stance,
/// not its content: "denied the report within hours", "... on Friday".
fn trim_trailing_time(
    sent: &Sentence,
    a: usize,
    mut b: usize,
    timexes: &[(usize, usize)],
) -> usize {
    loop {
        let before = b;
        if b >= a + 3
            && sent.low(b - 2) == "within"
            && sent.lex.classes.time_unit.contains(sent.low(b - 1))
        {
            b -= 2;
        }
        let end_byte = sent.toks.get(b.wrapping_sub(1)).map(|t| t.end());
        if let Some(&(ts, _)) = timexes.iter().find(|&&(_, te)| Some(te) == end_byte) {
            let start = (a..b).find(|&k| sent.toks.get(k).is_some_and(|t| t.start() >= ts));
            if let Some(k) = start.filter(|&k| k > a) {
                b = k;
                if b > a + 1 && sent.lex.classes.time_preposition.contains(sent.low(b - 1)) {
                    b -= 1;
                }
            }
        }
        if let Some((p, _)) = sent
            .lex
            .time_qualifiers
            .iter()
            .find(|(p, _)| b > a + p.len() && sent.matches(b - p.len(), p))
        {
            b -= p.len();
        }
        if b == before {
            return b;
        }
    }
}

fn negated(sent: &Sentence, from: usize, to: usize) -> bool {
    (from..to).any(|k| sent.lex.classes.negator.contains(sent.low(k)))
}

/// The possessor before a nominal cue: "Putin’s public acknowledgment".
fn possessor(sent: &Sentence, cue: usize) -> Option<(usize, usize)> {
    for back in 1..=3 {
        let k = cue.checked_sub(back)?;
        let w = sent.s(k);
        if without_possessive(w).is_some() {
            let (a, _) = sent.np_before(k + 1)?;
            return Some((a, k + 1));
        }
        if !sent.is_word(k) || sent.capitalized(k) {
            return None;
        }
    }
    None
}

/// "by X" or "from X" shortly after a nominal cue, past an "of ..." phrase.
fn agent_after(sent: &Sentence, from: usize) -> Option<(usize, usize)> {
    let limit = (from + 8).min(sent.toks.len());
    for k in from..limit {
        let w = sent.low(k);
        if matches!(w, "by" | "from") {
            let mut a = k + 1;
            while matches!(sent.low(a), "both" | "either" | "neither") {
                a += 1;
            }
            return sent.np_after(a, 8);
        }
        if matches!(sent.s(k), "." | ";" | ",") {
            return None;
        }
    }
    None
}

/// True when the cue at `c..c + len` is no verb of stance: after "to" or
/// capitalised, an adjective ("the confirmed incident", "its alleged
/// support"), a noun ("estimates of", "claims for") or withholding ("what
/// isolation has denied him").
fn not_a_stance_verb(sent: &Sentence, c: usize, len: usize, polarity: Polarity) -> bool {
    let cue_word = sent.low(c + len - 1);
    let prev = if c > 0 { sent.low(c - 1) } else { "" };
    if prev == "to" || sent.capitalized(c) {
        return true;
    }
    // Adjective use: "the confirmed incident", "its alleged support".
    if sent.lex.classes.stance_determiner.contains(prev)
        || without_possessive(sent.s(c.saturating_sub(1))).is_some()
    {
        return true;
    }
    let next = sent.low(c + len);
    // "estimates of", "claims for", "estimate is": the noun, not the verb.
    let noun_or_verb = matches!(cue_word, "estimate" | "estimates" | "claim" | "claims");
    let noun_follows = matches!(
        next,
        "of" | "for"
            | "on"
            | "in"
            | "is"
            | "are"
            | "was"
            | "were"
            | "to"
            | "indicate"
            | "suggest"
            | "show"
    ) || next.ends_with("ing")
        || !sent.is_word(c + len) && !matches!(sent.s(c + len), "“" | "\"");
    if noun_or_verb && noun_follows {
        return true;
    }
    // "what isolation has denied him": withholding, not a denial.
    if polarity == Polarity::Deny && matches!(next, "him" | "her" | "them" | "us" | "me" | "you") {
        return true;
    }
    false
}

fn verb_stance(
    sent: &Sentence,
    c: usize,
    len: usize,
    polarity: Polarity,
    timexes: &[(usize, usize)],
) -> Option<Found> {
    if not_a_stance_verb(sent, c, len, polarity) {
        return None;
    }
    let cue_word = sent.low(c + len - 1);
    let prev = if c > 0 { sent.low(c - 1) } else { "" };
    let next = sent.low(c + len);
    let participle = cue_word.ends_with("ed");
    // Passive with an agent: "confirmed by both Moscow and Pyongyang".
    if participle && next == "by" {
        let mut a = c + len + 1;
        while matches!(sent.low(a), "both" | "either" | "neither") {
            a += 1;
        }
        let (x, y) = sent.np_after(a, 8)?;
        let about = sent.actor_before(c).filter(|_| c > 0);
        return Some(Found {
            actors: sent.members(x, y),
            role: None,
            polarity,
            cue: (c, c + len),
            about,
        });
    }
    // Reduced passives without an agent and plain passives name no actor.
    let mut k = c;
    while k > 0
        && (sent.low(k - 1).ends_with("ly")
            || matches!(sent.low(k - 1), "also" | "now" | "still" | "not"))
    {
        k -= 1;
    }
    if participle
        && (matches!(next, "to" | "at") || (k > 0 && sent.lex.classes.be.contains(sent.low(k - 1))))
    {
        return None;
    }
    // A participle after a comma takes the sentence's subject:
    // "The EU issued a statement ..., accusing Pyongyang of ...".
    let ((a, b), role) = if cue_word.ends_with("ing") {
        if prev != "," {
            return None;
        }
        let end = (0..sent.toks.len())
            .find(|&j| !sent.capitalized(j) && !matches!(sent.low(j), "the" | "of" | "and"))
            .unwrap_or(0);
        (sent.np_before(end)?, None)
    } else {
        let subject = sent.subject_before(c)?;
        (subject.span, subject.role)
    };
    let mut polarity = polarity;
    let neg_actor = (a..b).any(|j| sent.low(j) == "neither");
    if neg_actor || negated(sent, b, c) {
        polarity = match polarity {
            Polarity::Confirm | Polarity::Acknowledge => Polarity::NotConfirmed,
            _ => return None,
        };
    }
    // An object relative: "a claim Valdoria denies" is about "a claim",
    // and after a comma about the clause the claim names ("Tarsenia said
    // that the ridge fell, a claim Valdoria denies": that the ridge fell).
    let about = about_after(sent, c + len, timexes).or_else(|| {
        sent.np_before(a)
            .map(|np| claimed_clause(sent, np).unwrap_or(np))
    });
    Some(Found {
        actors: sent.members(a, b),
        role,
        polarity,
        cue: (c, c + len),
        about,
    })
}

/// The clause before "…, a claim": from after its last "that" (or the
/// sentence's start) to the comma; `None` unless `np` follows a comma.
fn claimed_clause(sent: &Sentence, (x, _): (usize, usize)) -> Option<(usize, usize)> {
    let comma = x.checked_sub(1).filter(|&k| sent.s(k) == ",")?;
    let start = (0..comma)
        .rev()
        .find(|&k| sent.low(k) == "that")
        .map_or(0, |k| k + 1);
    (comma > start).then_some((start, comma))
}

fn noun_stance(
    sent: &Sentence,
    c: usize,
    len: usize,
    polarity: Polarity,
    timexes: &[(usize, usize)],
) -> Option<Found> {
    if sent.capitalized(c) && c > 0 {
        return None;
    }
    let (a, b) = agent_after(sent, c + len).or_else(|| possessor(sent, c))?;
    let mut polarity = polarity;
    let from = c.saturating_sub(4);
    let absent = (from..c).any(|k| matches!(sent.low(k), "no" | "absence" | "without" | "lack"));
    if absent {
        polarity = match polarity {
            Polarity::Confirm | Polarity::Acknowledge => Polarity::NotConfirmed,
            _ => return None,
        };
    }
    let about = if sent.low(c + len) == "of" {
        Some((c + len + 1, clause_end(sent, c + len + 1)))
            .filter(|(x, y)| y > x)
            .map(|(x, y)| {
                // Stop the proposition at the agent phrase.
                let stop = (x..y)
                    .find(|&k| matches!(sent.low(k), "by" | "from"))
                    .unwrap_or(y);
                (x, stop.max(x + 1))
            })
    } else if sent.low(c + len) == "that" {
        about_after(sent, c + len, timexes)
    } else {
        None
    };
    Some(Found {
        actors: sent.members(a, b),
        role: None,
        polarity,
        cue: (c, c + len),
        about,
    })
}

/// "the ministry called it “a fabrication”", "dismissed the reports as
/// baseless": the object is what is denied.
fn dismiss_stance(sent: &Sentence, c: usize, len: usize, polarity: Polarity) -> Option<Found> {
    let prev = sent.low(c.checked_sub(1)?);
    if prev == "to" || sent.lex.classes.be.contains(prev) || sent.capitalized(c) {
        return None;
    }
    let object_start = c + len;
    let limit = (object_start + 12).min(sent.toks.len());
    let clause_end = (object_start..limit)
        .find(|&k| matches!(sent.s(k), "." | ";" | "," | ":"))
        .unwrap_or(limit);
    // The object ends at "as", an article or a quote ("called it “a
    // fabrication”"), else right before the dismissal word ("called the
    // reports false").
    let marker = (object_start + 1..clause_end).find(|&k| {
        matches!(sent.low(k), "as" | "a" | "an") || matches!(sent.s(k), "“" | "\"" | "‘")
    });
    let dismissal = |k: &usize| sent.lex.dismissal_words.contains(sent.low(*k));
    let object_end = match marker {
        Some(m) => {
            (m..clause_end).find(dismissal)?;
            m
        }
        None => (object_start + 1..clause_end).find(dismissal)?,
    };
    if object_end <= object_start {
        return None;
    }
    by_subject(sent, c, len, polarity, Some((object_start, object_end)))
}

fn state_stance(
    sent: &Sentence,
    c: usize,
    len: usize,
    polarity: Polarity,
    timexes: &[(usize, usize)],
) -> Option<Found> {
    by_subject(sent, c, len, polarity, about_after(sent, c + len, timexes))
}

/// The stance of the cue `c..c + len` held by the subject before it.
fn by_subject(
    sent: &Sentence,
    c: usize,
    len: usize,
    polarity: Polarity,
    about: Option<(usize, usize)>,
) -> Option<Found> {
    let subject = sent.subject_before(c)?;
    let (a, b) = subject.span;
    Some(Found {
        actors: sent.members(a, b),
        role: subject.role,
        polarity,
        cue: (c, c + len),
        about,
    })
}

/// The time qualifier of a stance: a time expression in its clause, else a
/// qualifier word next to the cue.
fn time_for(
    lookup: &Lookup,
    sent: &Sentence,
    found: &Found,
    clause: (usize, usize),
) -> Option<ClaimTime> {
    // The clause holding the actor; a short sentence-initial adverbial
    // ("So far, ...", "On Monday, ...") belongs to it.
    let mut q0 = clause.0;
    while q0 > 0
        && !matches!(sent.s(q0 - 1), "," | ";" | ":")
        && !matches!(sent.low(q0 - 1), "and" | "but" | "however" | "while")
    {
        q0 -= 1;
    }
    if q0 > 0 && q0 <= 4 && sent.s(q0 - 1) == "," {
        q0 = 0;
    }
    let (cs, ce) = sent.bytes(q0, clause.1)?;
    let cue_start = sent.toks.get(found.cue.0)?.start();
    // A relative clause that does not hold the cue dates another verb:
    // "The cabinet, which in May called ..., declined to comment."
    let foreign: Vec<(usize, usize)> = relative_clauses(sent)
        .into_iter()
        .filter(|&(a, b)| !(a..b).contains(&found.cue.0))
        .collect();
    let in_foreign = |k: usize| foreign.iter().any(|&(a, b)| (a..b).contains(&k));
    let foreign_bytes: Vec<(usize, usize)> = foreign
        .iter()
        .filter_map(|&(a, b)| sent.bytes(a, b))
        .collect();
    // Only a date or a time says when: a duration ("for three years", a
    // fraction read as "one-quarter") does not date a stance.
    let doc = lookup.doc;
    let timex = lookup
        .dated_in(cs, ce)
        .into_iter()
        .filter(|t| {
            !foreign_bytes
                .iter()
                .any(|&(a, b)| a <= t.span.start && t.span.end <= b)
        })
        .min_by_key(|t| t.span.start.abs_diff(cue_start));
    if let Some(t) = timex {
        let head = doc.text.get(cs..t.span.start).unwrap_or("").trim_end();
        let prep = ["until", "since", "by", "before", "after"]
            .into_iter()
            .find(|p| {
                head.to_lowercase().ends_with(&format!(" {p}")) || head.eq_ignore_ascii_case(p)
            });
        let text = match prep {
            Some(p) => format!("{p} {}", t.text),
            None => t.text.clone(),
        };
        return Some(ClaimTime {
            text,
            value: t.value.clone(),
        });
    }
    // The qualifier nearest the cue: "who had initially denied ...,
    // confirmed on Friday" dates each verb by its own words.
    let mut best: Option<(usize, ClaimTime)> = None;
    for k in (q0..clause.1).filter(|&k| !in_foreign(k)) {
        let t = month_phrase(sent, k).or_else(|| {
            sent.lex
                .time_qualifiers
                .iter()
                .find(|(p, _)| sent.matches(k, p))
                .map(|(p, v)| ClaimTime {
                    text: sent.slice(k, k + p.len()).to_string(),
                    value: v.to_string(),
                })
        });
        if let Some(t) = t {
            let d = k.abs_diff(found.cue.0);
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, t));
            }
        }
    }
    let best = best.map(|(_, t)| t);
    // A pluperfect ("who had repeatedly denied") places the stance before
    // the story's main events unless a qualifier says when it began.
    match pluperfect(sent, found.cue.0) {
        Some(had) if best.as_ref().is_none_or(|t| t.value == "ONGOING") => Some(ClaimTime {
            text: sent.slice(had, found.cue.0).to_string(),
            value: "PAST_REF".to_string(),
        }),
        _ => best,
    }
}

/// Token ranges of ", who|which ... ," relative clauses.
fn relative_clauses(sent: &Sentence) -> Vec<(usize, usize)> {
    let n = sent.toks.len();
    (0..n)
        .filter(|&k| sent.s(k) == "," && matches!(sent.low(k + 1), "who" | "which"))
        .map(|k| {
            let end = (k + 1..n).find(|&j| sent.s(j) == ",").unwrap_or(n);
            (k + 1, end)
        })
        .collect()
}

/// The "had" of a pluperfect verb at `cue`, past adverbs ("had repeatedly").
fn pluperfect(sent: &Sentence, cue: usize) -> Option<usize> {
    let mut k = cue;
    while k > 0 {
        let w = sent.low(k - 1);
        if w == "had" {
            return Some(k - 1);
        }
        let adverb = (w.ends_with("ly") && w.len() > 4)
            || sent.lex.verb_adverbs.contains(w)
            || matches!(w, "not" | "never" | "also" | "still" | "been");
        if !adverb {
            return None;
        }
        k -= 1;
    }
    None
}

/// Without time expressions from the time stage: "until late April" gives
/// the year-less month `XXXX-04`.
fn month_phrase(sent: &Sentence, k: usize) -> Option<ClaimTime> {
    let prep = sent.low(k);
    if !matches!(prep, "until" | "since" | "in" | "by") {
        return None;
    }
    let mut m = k + 1;
    if matches!(sent.low(m), "early" | "late" | "mid") {
        m += 1;
    }
    let month = sent.low(m);
    let index = sent.lex.month_names.iter().position(|x| *x == month)?;
    if !sent.capitalized(m) {
        return None;
    }
    Some(ClaimTime {
        text: sent.slice(k, m + 1).to_string(),
        value: format!("XXXX-{:02}", index + 1),
    })
}

/// Who holds a stance: the actor phrase `a0..b` of `found`, split from its
/// role (an appositive, else leading title words); a pronoun takes the
/// speaker of the quote it sits in, and is dropped without one.
fn actor_source(
    doc: &Document,
    lookup: &Lookup,
    sent: &Sentence,
    found: &Found,
    (a0, b): (usize, usize),
) -> Option<Source> {
    // The role: an appositive, else leading title words.
    let mut a = a0;
    let mut role = found
        .role
        .filter(|_| found.actors.len() == 1)
        .map(|(r0, r1)| sent.slice(r0, r1).to_string());
    if let Some(n) = sent.name_after_title(a0, b) {
        let title = sent.slice(a0, n).to_string();
        role = Some(match role {
            Some(r) => r,
            None => title,
        });
        a = n;
    }
    let (x, y) = sent.bytes(a, b)?;
    let actor_span = Span::of(&doc.text, x, y)?;
    let mut name = actor_span
        .text
        .trim_end_matches(['’', '\''])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(stripped) = without_possessive(&name) {
        name = stripped.to_string();
    }
    let mut source = Source {
        name: Some(name.clone()),
        kind: source_kind(sent.lex, lookup, x, y, &name),
        role,
        entity: None,
        span: Some(actor_span),
    };
    if sent
        .lex
        .actor_pronouns
        .contains(&name.to_lowercase().as_str())
    {
        match lookup.quote_holding(x, y) {
            Some(q) if q.source.name.is_some() => source = q.source.clone(),
            _ => return None,
        }
    }
    Some(source)
}

/// Extracts the stance claims of `doc`, whose token layer is `layer`.
pub(crate) fn extract(
    lex: &Lexicon,
    doc: &Document,
    layer: &TokenLayer,
    quotes: &[Claim],
) -> Vec<Claim> {
    let lookup = Lookup::new(doc, quotes);
    let mut claims = Vec::new();
    each_sentence(
        lex,
        doc,
        layer,
        &mut claims,
        |_| true,
        |claims, sent, si, (s0, s1)| {
            let sentence_text = doc.text.get(s0..s1).unwrap_or("");
            // Only sentences with a cue need their time expressions.
            let mut sentence_timexes: Option<Vec<(usize, usize)>> = None;
            let sentence_first = claims.len();
            let mut c = 0;
            while c < sent.toks.len() && claims.len() - sentence_first < MAX_CLAIMS_PER_SENTENCE {
                let Some((phrase, polarity, form)) = cue_at(sent, c) else {
                    c += 1;
                    continue;
                };
                let len = phrase.len();
                let timexes = sentence_timexes.get_or_insert_with(|| {
                    doc.time_expressions
                        .iter()
                        .filter(|t| t.span.start >= s0 && t.span.end <= s1)
                        .map(|t| (t.span.start, t.span.end))
                        .collect()
                });
                let found = match form {
                    StanceForm::Verb => verb_stance(sent, c, len, *polarity, timexes),
                    StanceForm::Noun => noun_stance(sent, c, len, *polarity, timexes),
                    StanceForm::State => state_stance(sent, c, len, *polarity, timexes),
                    StanceForm::Dismiss => dismiss_stance(sent, c, len, *polarity),
                };
                c += len;
                let Some(found) = found else { continue };
                // The evidence runs from the first to the last part found.
                let parts = || {
                    found
                        .actors
                        .iter()
                        .copied()
                        .chain(found.role)
                        .chain([found.cue])
                        .chain(found.about)
                };
                let lo = parts().map(|p| p.0).min().unwrap_or(found.cue.0);
                let hi = parts().map(|p| p.1).max().unwrap_or(found.cue.1);
                let Some((es, ee)) = sent.bytes(lo, hi) else {
                    continue;
                };
                let Some(span) = Span::of(&doc.text, es, ee) else {
                    continue;
                };
                let about = found
                    .about
                    .and_then(|(a, b)| sent.bytes(a, b))
                    .and_then(|(x, y)| Span::trimmed(&doc.text, x, y));
                let clause_text = doc.text.get(es..ee).unwrap_or("");
                let mut hedges = hedge::hedges(lex, clause_text);
                if hedges.is_empty() {
                    hedges = hedge::hedges(lex, sentence_text);
                }
                // What a stance is about dates the thing claimed, not the
                // stance when it comes first: "X claimed last week that ...,
                // a claim Y denies" does not date Y's denial.
                let own_lo = match found.about {
                    Some((_, about_end)) if about_end <= found.cue.0 => parts()
                        .filter(|&p| Some(p) != found.about)
                        .map(|p| p.0)
                        .min()
                        .unwrap_or(found.cue.0),
                    _ => lo,
                };
                let time = time_for(
                    &lookup,
                    sent,
                    &found,
                    (own_lo, hi.max(clause_end(sent, found.cue.1))),
                );
                let cue_text = sent.slice(found.cue.0, found.cue.1).to_string();
                for &(a0, b) in found
                    .actors
                    .iter()
                    .filter(|&&(a, b)| sent.plausible_actor(a, b))
                {
                    let Some(source) = actor_source(doc, &lookup, sent, &found, (a0, b)) else {
                        continue;
                    };
                    let actor = source.name.clone().unwrap_or_default();
                    claims.push(Claim {
                        id: format!("{}:stance:{}", doc.id, claims.len()),
                        doc: doc.id.clone(),
                        sentence: si,
                        span: span.clone(),
                        source,
                        co_sources: Vec::new(),
                        quoted_by: None,
                        cue: Some(cue_text.clone()),
                        channel: None,
                        hedged: !hedges.is_empty(),
                        hedges: hedges.clone(),
                        time: time.clone(),
                        body: ClaimBody::Stance {
                            stance: Stance {
                                actor,
                                polarity: found.polarity,
                                about: about.clone(),
                                matter: Default::default(),
                            },
                        },
                    });
                }
            }
        },
    );
    claims
}
