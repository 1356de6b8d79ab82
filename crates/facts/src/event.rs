//! What happened to what a figure counts ("killed", "wounded", "deployed",
//! "supplied"), from the verb or participle that has the counted phrase as
//! its subject ("300 soldiers have been killed"), the word right after a
//! bare figure ("1,200 wounded"), the counted noun itself ("three
//! fatalities") or the verb whose object it is ("shipped 200,000 shells").
//! Words and their events are in `data/events.tsv`; `data/personnel.txt`
//! decides whether "sent" means deployed or supplied.

use crate::lexicon::{EventScope, Lexicon};
use crate::phrase::Sentence;

/// The event a word names for a counted phrase of people (`people`) or not.
fn lookup(lex: &Lexicon, word: &str, people: Option<bool>) -> Option<&'static str> {
    lex.events
        .iter()
        .find(|(w, _, scope)| {
            *w == word
                && match scope {
                    EventScope::Any => true,
                    EventScope::People => people == Some(true),
                    EventScope::Things => people == Some(false),
                }
        })
        .map(|(_, e, _)| *e)
}

fn skippable(sent: &Sentence, k: usize) -> bool {
    let w = sent.low(k);
    sent.lex.classes.between_verb.contains(w)
        || (w.ends_with("ly") && w.len() > 4 && !sent.capitalized(k))
}

/// The event for the figure in tokens `first..end` whose counted phrase is
/// `subject` (token range), if the sentence says one.
pub(crate) fn event_for(
    sent: &Sentence,
    first: usize,
    end: usize,
    subject: Option<(usize, usize)>,
    previous: Option<&'static str>,
) -> Option<&'static str> {
    // "14,000 troops have been deployed, including 3,000 reinforcements":
    // a part shares what happened to the whole.
    let including = first > 0 && sent.low(first - 1) == "including";
    let head = subject
        .and_then(|(_, b)| b.checked_sub(1))
        .map(|h| sent.low(h));
    let people = head.map(|h| sent.lex.personnel.contains(h) || h.ends_with("men"));
    // The counted noun names the event: "three fatalities", "13 injuries".
    if let Some(e) = head.and_then(|h| lookup(sent.lex, h, None)) {
        return Some(e);
    }
    // A bare figure with its participle: "roughly 1,200 wounded", "40 dead".
    if subject.is_none() {
        if let Some(e) = lookup(sent.lex, sent.low(end), None) {
            return Some(e);
        }
    }
    // "intercepting 50 of 80 drones launched by ...": an elided figure
    // takes the verb before it, not the predicate of the shared noun.
    let elided = subject.is_some_and(|(a, _)| a > end + 1);
    if elided {
        if let Some(e) = governing_verb(sent, first, people) {
            return Some(e);
        }
    }
    if let Some(e) = predicate(sent, end, subject, people) {
        return Some(e);
    }
    if let Some(e) = governing_verb(sent, first, people) {
        return Some(e);
    }
    if including && previous.is_some() {
        return previous;
    }
    // "troops are in Kordavia", "5,000 troops in Kordavia".
    let military = head.is_some_and(|h| sent.lex.military.contains(h));
    let mut k = subject.map(|s| s.1).unwrap_or(end);
    while k < sent.toks.len() && skippable(sent, k) {
        k += 1;
    }
    (military && matches!(sent.low(k), "in" | "inside") && sent.capitalized(k + 1))
        .then_some("deployed")
}

/// The predicate of the counted phrase, past auxiliaries, adverbs and a
/// short parenthetical ("8,000 soldiers, including special forces, have
/// been deployed").
fn predicate(
    sent: &Sentence,
    end: usize,
    subject: Option<(usize, usize)>,
    people: Option<bool>,
) -> Option<&'static str> {
    let mut k = subject.map(|s| s.1).unwrap_or(end);
    if sent.s(k) == "," {
        let close = (k + 1..(k + 9).min(sent.toks.len())).find(|&j| sent.s(j) == ",");
        if let Some(c) = close {
            k = c + 1;
        }
    }
    let mut passive = false;
    while k < sent.toks.len() && skippable(sent, k) {
        passive |= matches!(
            sent.low(k),
            "was" | "were" | "been" | "be" | "being" | "is" | "are"
        );
        k += 1;
    }
    let mut e = lookup(sent.lex, sent.low(k), people)?;
    // "killed or wounded", "dead or missing": losses of either kind.
    if matches!(sent.low(k + 1), "or" | "and") {
        let harm = ["killed", "wounded", "missing", "captured", "casualties"];
        if let Some(e2) = lookup(sent.lex, sent.low(k + 2), people) {
            if e2 != e && harm.contains(&e) && harm.contains(&e2) {
                e = "casualties";
            }
        }
    }
    let object_follows = matches!(
        sent.low(k + 1),
        "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"
    ) || sent.capitalized(k + 1);
    if sent.lex.classes.transitive_event.contains(e) && !passive && object_follows {
        return None;
    }
    Some(e)
}

/// The verb whose object the figure is: "shipped 200,000 shells".
fn governing_verb(sent: &Sentence, first: usize, people: Option<bool>) -> Option<&'static str> {
    let mut v = first;
    while v > 0 && (skippable(sent, v - 1) || matches!(sent.s(v - 1), "-" | "‐")) {
        v -= 1;
    }
    let verb = sent.low(v.checked_sub(1)?);
    // "the deployment of 9,000 troops": the noun before "of".
    if verb == "of" {
        return lookup(sent.lex, sent.low(v.checked_sub(2)?), people);
    }
    lookup(sent.lex, verb, people)
}
