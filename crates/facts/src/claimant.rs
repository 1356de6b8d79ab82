//! Who a figure comes from: the quote it sits in, an "according to" phrase,
//! or the subject of a reporting verb in the same sentence ("Ukrainian
//! officials estimate that ...", "..., officials said").

use crosscheck_model::{EntityType, Source, SourceKind, Span};

use crate::lexicon::Lexicon;
use crate::lookup::Lookup;
use crate::phrase::Sentence;

/// A claimant with the cue that introduced it.
#[derive(Debug, Clone)]
pub(crate) struct Claimant {
    pub(crate) source: Source,
    pub(crate) cue: Option<String>,
}

/// The kind of source a phrase names: entity mentions decide when present;
/// otherwise a generic head ("officials", "sources") makes it anonymous and a
/// title word ("President", "Secretary") a person.
pub(crate) fn source_kind(
    lex: &Lexicon,
    lookup: &Lookup,
    start: usize,
    end: usize,
    phrase: &str,
) -> SourceKind {
    let mention = lookup.mention_over(start, end);
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| w.trim_end_matches(['’', '\'', 's']).to_lowercase())
        .collect();
    // The head comes before a postmodifier: "officials in Tarsenia", "people
    // familiar with the talks".
    let head_word = phrase
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "in" | "of" | "from" | "at" | "for" | "with" | "familiar" | "close"
            )
        })
        .last()
        .or_else(|| phrase.split_whitespace().last())
        .unwrap_or_default();
    let head = head_word.to_lowercase();
    // A sentence-initial capital is no name: "Officials in Quell say ...".
    let first_word = phrase.split_whitespace().next() == Some(head_word);
    let lowercase_head = head_word.chars().next().is_some_and(char::is_lowercase) || first_word;
    if lowercase_head && lex.anonymous_heads.contains(head.as_str()) {
        return SourceKind::Anonymous;
    }
    if let Some(m) = mention {
        return match m.kind {
            EntityType::Person => SourceKind::Person,
            _ => SourceKind::Organization,
        };
    }
    let titled = phrase
        .split_whitespace()
        .any(|w| lex.person_titles.contains(w.to_lowercase().as_str()));
    if titled && !lowercase_head {
        return SourceKind::Person;
    }
    let _ = words;
    SourceKind::Organization
}

fn source_from(lookup: &Lookup, sent: &Sentence, a: usize, b: usize) -> Option<Source> {
    source_with_role(lookup, sent, a, b, None)
}

/// A source named by tokens `a..b`, with leading title words ("Defence
/// Minister Ilsa Brandt") or an appositive (`role`) as its role.
fn source_with_role(
    lookup: &Lookup,
    sent: &Sentence,
    a: usize,
    b: usize,
    role: Option<(usize, usize)>,
) -> Option<Source> {
    let a0 = a;
    let title_end = sent.name_after_title(a0, b);
    let a = title_end.unwrap_or(a0);
    let (s, e) = sent.bytes(a, b)?;
    let span = Span::of(&lookup.doc.text, s, e)?;
    let name = span
        .text
        .trim_end_matches(['’', '\''])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if matches!(name.to_lowercase().as_str(), "the" | "a" | "an" | "") {
        return None;
    }
    let kind = if title_end.is_some() {
        SourceKind::Person
    } else {
        source_kind(sent.lex, lookup, s, e, &name)
    };
    let role = role
        .map(|(x, y)| sent.slice(x, y).to_string())
        .or_else(|| title_end.map(|t| sent.slice(a0, t).to_string()));
    Some(Source {
        name: Some(name),
        kind,
        role,
        entity: None,
        span: Some(span),
    })
}

/// Finds the claimant of a figure whose tokens are `fig_first..fig_end` in
/// `sent` (byte range `start..end`).
pub(crate) fn find(
    lookup: &Lookup,
    sent: &Sentence,
    fig_first: usize,
    fig_end: usize,
    start: usize,
    end: usize,
) -> Option<Claimant> {
    if let Some(q) = lookup.quote_holding(start, end) {
        return Some(Claimant {
            source: q.source.clone(),
            cue: q.cue.clone(),
        });
    }
    let n = sent.toks.len();
    // "according to X", before or after the figure.
    for k in 0..n {
        if sent.matches(k, &["according", "to"]) {
            if let Some((a, b)) = sent.np_after(k + 2, 10) {
                if let Some(source) = source_from(lookup, sent, a, b) {
                    return Some(Claimant {
                        source,
                        cue: Some("according to".to_string()),
                    });
                }
            }
        }
    }
    // A reporting verb before the figure: nearest first.
    for v in (0..fig_first).rev() {
        let Some(phrase) = sent.reporting_at(v) else {
            continue;
        };
        let last = sent.low(v + phrase.len() - 1);
        let next = sent.low(v + phrase.len());
        // "shells estimated to reach": a reduced passive has no claimant here.
        if last.ends_with("ed") && matches!(next, "to" | "at" | "by") {
            continue;
        }
        if sent.low(v.saturating_sub(1)) == "to" {
            continue;
        }
        if let Some(subject) = sent.subject_before(v) {
            let (a, b) = subject.span;
            if let Some(source) = source_with_role(lookup, sent, a, b, subject.role) {
                return Some(Claimant {
                    source,
                    cue: Some(sent.slice(v, v + phrase.len()).to_string()),
                });
            }
        }
    }
    // Post-posed: "..., officials said." / "..., said Kofman."
    for v in fig_end..n {
        let Some(phrase) = sent.reporting_at(v) else {
            continue;
        };
        let after = v + phrase.len();
        let before_is_comma = v > 0 && matches!(sent.s(v - 1), "," | "”" | "\"");
        let cue = Some(sent.slice(v, after).to_string());
        if before_is_comma {
            if let Some((a, b)) = sent.np_after(after, 8) {
                if let Some(source) = source_from(lookup, sent, a, b) {
                    return Some(Claimant { source, cue });
                }
            }
        } else if let Some((a, b)) = sent.np_before(v) {
            let comma_before = a > 0 && matches!(sent.s(a - 1), "," | "”" | "\"");
            if comma_before && a >= fig_end {
                if let Some(source) = source_from(lookup, sent, a, b) {
                    return Some(Claimant { source, cue });
                }
            }
        }
    }
    None
}
