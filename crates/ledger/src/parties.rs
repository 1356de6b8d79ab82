//! The parties to a story and which one a source speaks for, so that two
//! sides asserting their own figures ("Tarsenian officials" against
//! Valdoria's defence minister) are told apart from two reports that cannot
//! both be right.
//!
//! A party is a principal of the story: a person, organisation, group or
//! place named in one of its headlines or in at least two of its
//! documents. A source speaks for the principal it names ("Tarsenian
//! officials", "the Velmar Port Authority"), or, for a person, the
//! principal named beside them where the story introduces them
//! ("Valdoria's defence minister, Ilse Marrow").

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crosscheck_model::{Document, EntityType, Mention, ParagraphKind, Source, SourceKind};

use crate::entities::{name_key, NameIndex};

/// Bytes before a person's name searched for their affiliation
/// ("Valdoria's defence minister, " is 30).
const BEFORE_NAME: usize = 60;
/// Bytes after the name searched ("…, a spokeswoman for the port authority").
const AFTER_NAME: usize = 50;

/// The principals of one story and the people affiliated with them.
#[derive(Debug, Default)]
pub struct Parties {
    /// Name key of each principal → its canonical name.
    principals: HashMap<String, String>,
    /// Name key of a person → the principal named beside them most often.
    affiliation: HashMap<String, String>,
    /// Adjective key → the principal place it is formed from.
    demonyms: HashMap<String, String>,
}

impl Parties {
    /// The parties of the story made of `documents`.
    pub fn of_story(documents: &[&Document], names: &NameIndex) -> Parties {
        let mut documents_naming: HashMap<String, (String, HashSet<&str>, bool)> = HashMap::new();
        for doc in documents {
            let headline_end = doc
                .paragraphs
                .iter()
                .find(|p| p.kind == ParagraphKind::Headline)
                .map_or(0, |p| p.range.end);
            for mention in &doc.mentions {
                let name = mention
                    .refers_to
                    .as_deref()
                    .or(mention.canonical.as_deref())
                    .unwrap_or(&mention.span.text);
                let canonical = names.canonical_name(name);
                let key = name_key(&canonical);
                if key.is_empty() {
                    continue;
                }
                let slot = documents_naming
                    .entry(key)
                    .or_insert_with(|| (canonical, HashSet::new(), false));
                slot.1.insert(doc.id.as_str());
                slot.2 |= mention.span.start < headline_end;
            }
        }
        let principals: HashMap<String, String> = documents_naming
            .into_iter()
            .filter(|(_, (_, docs, in_headline))| *in_headline || docs.len() >= 2)
            .map(|(key, (name, _, _))| (key, name))
            .collect();
        let demonyms = demonyms(&principals);
        let mut parties = Parties {
            principals,
            affiliation: HashMap::new(),
            demonyms,
        };
        parties.affiliation = parties.affiliations(documents, names);
        parties
    }

    /// For each person, the principal most often named where the story
    /// introduces them: before the name ("Tarsenian President Mira
    /// Kovalenko", "Valdoria's defence minister, Ilse Marrow") or in an
    /// apposition after it ("Seatrace, a ship-tracking service"), never in
    /// what they go on to say ("Kovalenko said 9,000 Valdorian soldiers …").
    /// Another person is no affiliation, unless named as an owner ("X's
    /// spokesman, Y"; a tagger may also take a little-known country for a
    /// person there).
    fn affiliations(&self, documents: &[&Document], names: &NameIndex) -> HashMap<String, String> {
        let mut counts: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
        for doc in documents {
            // Mentions by start, so that each person looks only at those
            // near their name: a scan of every mention per person was
            // quadratic (a page of 100,000 names took minutes).
            let mut by_start: Vec<&Mention> = doc.mentions.iter().collect();
            by_start.sort_by_key(|m| m.span.start);
            for person in doc.mentions.iter().filter(|m| m.kind == EntityType::Person) {
                let person_name = person.canonical.as_deref().unwrap_or(&person.span.text);
                let person_key = name_key(&names.canonical_name(person_name));
                let sentence = doc.sentence_at(person.span.start).map(|(_, s)| s.range);
                let from = person.span.start.saturating_sub(BEFORE_NAME);
                let to = person.span.end + AFTER_NAME;
                let between = |a: usize, b: usize| doc.text.get(a..b).unwrap_or("");
                // Any mention before the name or in an apposition after
                // it starts within from..=to.
                let first = by_start.partition_point(|m| m.span.start < from);
                let near = by_start[first..].iter().take_while(|m| m.span.start <= to);
                for &other in near {
                    let before = other.span.end <= person.span.start && other.span.start >= from;
                    let apposition = other.span.start >= person.span.end
                        && other.span.end <= to
                        && is_apposition(between(person.span.end, other.span.start));
                    let same_sentence = sentence
                        .is_none_or(|s| s.start <= other.span.start && other.span.end <= s.end);
                    let owner = {
                        let after = between(other.span.end, person.span.start.max(other.span.end));
                        after.starts_with("'s") || after.starts_with("’s")
                    };
                    if !(before || apposition)
                        || !same_sentence
                        || (other.kind == EntityType::Person && !owner)
                    {
                        continue;
                    }
                    let Some(party) = self.principal_named(&other.span.text, names) else {
                        continue;
                    };
                    if party != person_key {
                        *counts
                            .entry(person_key.clone())
                            .or_default()
                            .entry(party)
                            .or_default() += 1;
                    }
                }
            }
        }
        counts
            .into_iter()
            .filter_map(|(person, parties)| {
                let best = parties
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
                Some((person, best.0))
            })
            .collect()
    }

    /// The principal a name stands for: itself, the polity an organ or
    /// adjective names ("Tarsenian officials" → Tarsenia), or the longest
    /// principal named within it ("Tarsenia's military intelligence
    /// service" → Tarsenia).
    fn principal_named(&self, name: &str, names: &NameIndex) -> Option<String> {
        let key = name_key(name);
        if let Some(p) = self.principal_key(&key) {
            return Some(p);
        }
        let actor = name_key(&names.actor_name(name));
        if let Some(p) = self.principal_key(&actor) {
            return Some(p);
        }
        let words: Vec<String> = key
            .split_whitespace()
            .map(|w| {
                w.trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_string()
            })
            .collect();
        for len in (1..=words.len().min(4)).rev() {
            for window in words.windows(len) {
                if let Some(p) = self.principal_key(&window.join(" ")) {
                    return Some(p);
                }
            }
        }
        None
    }

    /// A principal's key for `key`: itself, or the place an adjective is
    /// formed from ("tarsenian" → "tarsenia", "velish" → "velo…" when the
    /// story names exactly one such place).
    pub fn principal_key(&self, key: &str) -> Option<String> {
        if key.is_empty() {
            return None;
        }
        if let Some(place) = self.demonyms.get(key) {
            return Some(place.clone());
        }
        self.principals.contains_key(key).then(|| key.to_string())
    }

    /// The party a source speaks for, by its canonical name (a company's
    /// legal suffix dropped, so "Brown-Forman Inc" and "Brown-Forman" are
    /// one party).
    pub fn of_source(&self, source: &Source, names: &NameIndex) -> Option<String> {
        let name = source.name.as_deref();
        let key = match source.kind {
            SourceKind::Person => name
                .and_then(|n| {
                    let person = name_key(&names.canonical_name(n));
                    self.affiliation.get(&person).cloned()
                })
                .or_else(|| {
                    source
                        .role
                        .as_deref()
                        .and_then(|r| self.principal_named(r, names))
                }),
            SourceKind::Organization | SourceKind::Anonymous => name
                .and_then(|n| self.principal_named(n, names))
                .or_else(|| {
                    source
                        .role
                        .as_deref()
                        .and_then(|r| self.principal_named(r, names))
                }),
            SourceKind::Unattributed => None,
        }?;
        self.principals
            .get(&key)
            .map(|name| without_legal_suffix(name))
    }
}

/// Whether the text between a name and a later mention opens an apposition
/// that reaches it ("Seatrace, a ship-tracking service of …", "Ida Rusk,
/// the Velish …"), not the end of one (", said 112 …").
fn is_apposition(between: &str) -> bool {
    let Some(rest) = between.strip_prefix(',') else {
        return false;
    };
    let rest = rest.trim_start().to_lowercase();
    !rest.contains(',')
        && (rest.is_empty() || ["a ", "an ", "the "].iter().any(|d| rest.starts_with(d)))
}

/// Adjectives among the principals that are formed from another principal
/// ("tarsenian" from "tarsenia", "valdorian" from "valdoria", "velish" from
/// "velora"): the adjective maps to the place when exactly one matches.
fn demonyms(principals: &HashMap<String, String>) -> HashMap<String, String> {
    const ENDINGS: [&str; 6] = ["ian", "an", "n", "ese", "ish", "i"];
    /// Shortest stem an adjective must keep to be matched to a place.
    const MIN_STEM: usize = 4;
    let mut out = HashMap::new();
    for key in principals
        .keys()
        .filter(|k| !k.contains(' ') || k.split(' ').count() <= 2)
    {
        let candidates: BTreeSet<&String> = ENDINGS
            .iter()
            .filter_map(|ending| key.strip_suffix(ending))
            .filter(|stem| stem.chars().count() >= MIN_STEM)
            .flat_map(|stem| {
                principals.keys().filter(move |place| {
                    *place != key && place.starts_with(stem) && place.len() <= stem.len() + 2
                })
            })
            .collect();
        if let [place] = candidates.into_iter().collect::<Vec<_>>().as_slice() {
            out.insert(key.clone(), (*place).clone());
        }
    }
    out
}

/// "Brown-Forman Inc" → "Brown-Forman".
fn without_legal_suffix(name: &str) -> String {
    const SUFFIXES: [&str; 12] = [
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "ag",
        "sa",
        "nv",
        "llc",
        "group",
        "holdings",
        "corporation",
    ];
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1 {
        let last = words
            .last()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .unwrap_or_default();
        if SUFFIXES.contains(&last.as_str()) {
            words.pop();
        } else {
            break;
        }
    }
    words.join(" ")
}
