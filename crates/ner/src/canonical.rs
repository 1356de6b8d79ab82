//! Canonical names within a document (aliases): persons take the fullest
//! form of their name, a lone surname-first surname the one full name
//! starting with it, acronyms their expansion, countries and demonyms
//! their gazetteer names.

use std::collections::{HashMap, HashSet};

use crosscheck_model::EntityType;

use crate::doc_rules::draft_words;
use crate::lexicon::Lexicon;
use crate::normalize::fold;
use crate::recognize::{Draft, SentenceTokens};
use crate::resolve::{acronym_matches, initials, person_canonicals};

/// Fills canonical names: persons to the fullest form of their name in the
/// document, acronyms to their expansion, everything else to its own text.
pub(crate) fn canonicalize(lex: &Lexicon, sents: &[SentenceTokens], drafts: &mut [Draft]) {
    let gaz = &lex.gazetteer;
    let texts: Vec<String> = drafts
        .iter()
        .map(|d| joined_clean(draft_words(sents, d)))
        .collect();
    let persons: Vec<&str> = drafts
        .iter()
        .zip(&texts)
        .filter(|(d, _)| d.kind == EntityType::Person)
        .map(|(_, t)| t.as_str())
        .collect();
    let mut person_names = person_canonicals(&persons);
    link_surname_first_names(&lex.surname_first, &persons, &mut person_names);
    // Multi-word organisation names by their initials, so an acronym finds
    // its expansion with one hash probe.
    let mut by_initials: HashMap<String, &str> = HashMap::new();
    for (d, t) in drafts.iter().zip(&texts) {
        if d.kind == EntityType::Organization && t.contains(' ') {
            for k in initials(t) {
                by_initials.entry(k).or_insert(t.as_str());
            }
        }
    }
    for (d, t) in drafts.iter_mut().zip(&texts) {
        if d.canonical.is_some() {
            continue;
        }
        d.canonical = Some(match d.kind {
            EntityType::Person => person_names
                .get(t.as_str())
                .cloned()
                .unwrap_or_else(|| t.clone()),
            EntityType::Organization => by_initials
                .get(&t.chars().filter(|c| *c != '.').collect::<String>())
                .filter(|full| acronym_matches(t, full))
                .map(|s| s.to_string())
                .or_else(|| gaz.lookup(t).and_then(|p| gaz.describe(p)).map(|(n, _)| n))
                .unwrap_or_else(|| t.clone()),
            _ => t.clone(),
        });
    }
}

/// "Kim" alone after "Kim Jong Un": a lone surname that opens full names
/// (`surname_first`, the lexicon's `data/surname_first.txt`: Korean,
/// Chinese, Vietnamese surnames) takes the canonical name of the one person
/// in the document whose name starts with it; with two such persons ("Kim
/// Jong Un", "Kim Yo Jong") it stays as it is.
fn link_surname_first_names(
    surname_first: &HashSet<String>,
    persons: &[&str],
    canonical: &mut HashMap<String, String>,
) {
    let mut by_first: HashMap<String, HashSet<String>> = HashMap::new();
    for p in persons.iter().filter(|p| p.contains(' ')) {
        let Some(first) = p.split(' ').next().map(fold) else {
            continue;
        };
        if surname_first.contains(first.as_str()) {
            let full = canonical.get(*p).cloned().unwrap_or_else(|| p.to_string());
            by_first.entry(first).or_default().insert(full);
        }
    }
    for p in persons.iter().filter(|p| !p.contains(' ')) {
        let unlinked = canonical.get(*p).is_none_or(|c| c == p);
        let Some(names) = by_first.get(&fold(p)) else {
            continue;
        };
        if let (true, 1, Some(full)) = (unlinked, names.len(), names.iter().next()) {
            canonical.insert(p.to_string(), full.clone());
        }
    }
}

/// Words joined as written, with spaces only where the original had word
/// boundaries that matter for names ("Kim Jong-un", "O'Brien").
fn joined_clean(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        let attach = out.is_empty()
            || matches!(*w, "'s" | "’s" | "," | "." | ")" | "'" | "’")
            || out.ends_with('(');
        if !attach {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
