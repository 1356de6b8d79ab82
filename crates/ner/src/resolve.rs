//! Canonical entities: person names matched by normalised tokens (spelling
//! variants within one edit, surname-only mentions to a unique full name),
//! acronyms matched to expansions by initials, gazetteer names to their
//! canonical forms, and metonyms kept apart from the places they name while
//! pointing at the entity they stand for.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crosscheck_model::{Document, Entity, EntityMention, EntityType, Mention, Span};

use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicon;
use crate::normalize::{name_key, same_word, VariantIndex, WordIndex};

/// Words skipped when forming an acronym from initials.
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "de", "du", "la", "&", "on", "in"];

/// True when `acronym` ("KCNA", "N.A.T.O.") spells the initials of the
/// capitalised words of `full` ("Korean Central News Agency").
pub(crate) fn acronym_matches(acronym: &str, full: &str) -> bool {
    let letters: String = acronym.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    if !(2..=8).contains(&n) || !letters.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let words = full
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .count();
    if words < 2 {
        return false;
    }
    initials(full).contains(&letters)
}

/// The two acronyms a multi-word name can have: initials of all words, and
/// of the words left after "of", "the", "and"...
pub(crate) fn initials(full: &str) -> [String; 2] {
    let words: Vec<&str> = full
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let all: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let content: String = words
        .iter()
        .filter(|w| !ACRONYM_SKIP.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    [all.to_uppercase(), content.to_uppercase()]
}

fn tokens(name: &str) -> Vec<String> {
    name_key(name)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn same_tokens(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_word(x, y))
}

/// `short` names the same person as `full` when its words are the last
/// words of `full` ("Putin" of "Vladimir Putin", "Zelensky" of "Volodymyr
/// Zelenskyy").
fn is_suffix_of(short: &[String], full: &[String]) -> bool {
    short.len() < full.len()
        && !short.is_empty()
        && short
            .iter()
            .rev()
            .zip(full.iter().rev())
            .all(|(a, b)| same_word(a, b))
}

/// Person-name groups: each distinct name mapped to the index of its group.
/// Full names (two or more words) that agree word by word form a group;
/// shorter names join the one group they are a suffix of, if unique.
fn group_person_names(names: &[&str]) -> (Vec<Vec<String>>, Vec<usize>) {
    let toks: Vec<Vec<String>> = names.iter().map(|n| tokens(n)).collect();
    let mut group_of = vec![usize::MAX; names.len()];
    let mut reps: Vec<Vec<String>> = Vec::new();
    // Longest names first so each group's representative is its fullest form.
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse(toks.get(*i).map_or(0, Vec::len)));
    // Names are compared only with groups whose last word may be the same
    // word (its variant keys): near-linear however many names there are,
    // and identical token sequences are found by hash first.
    let mut by_last: VariantIndex<usize> = VariantIndex::default();
    let mut exact: HashMap<Vec<String>, usize> = HashMap::new();
    for &i in &order {
        let Some(t) = toks.get(i) else { continue };
        let Some(last) = t.last() else {
            continue;
        };
        if let Some(&g) = exact.get(t) {
            if let Some(slot) = group_of.get_mut(i) {
                *slot = g;
            }
            continue;
        }
        // In the order the groups were made.
        let mut candidates: Vec<usize> = by_last.candidates(last).copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        let same = candidates
            .iter()
            .copied()
            .find(|g| reps.get(*g).is_some_and(|r| same_tokens(r, t)));
        let group = match same {
            Some(g) => Some(g),
            None => {
                let sup: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|g| reps.get(*g).is_some_and(|r| is_suffix_of(t, r)))
                    .collect();
                match sup.as_slice() {
                    [g] => Some(*g),
                    _ => None,
                }
            }
        };
        let g = group.unwrap_or_else(|| {
            reps.push(t.clone());
            by_last.insert(last, reps.len() - 1);
            reps.len() - 1
        });
        exact.insert(t.clone(), g);
        if let Some(slot) = group_of.get_mut(i) {
            *slot = g;
        }
    }
    (reps, group_of)
}

/// Within one document: each person-name text to the fullest written form of
/// the same name.
pub(crate) fn person_canonicals(names: &[&str]) -> HashMap<String, String> {
    let mut distinct: Vec<&str> = names.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let (_, group_of) = group_person_names(&distinct);
    // Each group's fullest name, with its token count (counted once per name).
    let mut best: HashMap<usize, (&str, usize)> = HashMap::new();
    for (name, g) in distinct.iter().zip(&group_of) {
        let size = tokens(name).len();
        let entry = best.entry(*g).or_insert((name, size));
        let longer = size > entry.1;
        let same_len_longer = size == entry.1 && name.len() > entry.0.len();
        if longer || same_len_longer {
            *entry = (name, size);
        }
    }
    distinct
        .iter()
        .zip(&group_of)
        .filter_map(|(n, g)| best.get(g).map(|b| (n.to_string(), b.0.to_string())))
        .collect()
}

/// What a mention is, for grouping: its class and the name it is known by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Class {
    Person,
    Organization,
    Country,
    Place,
    Metonym,
    Group,
    Misc,
}

fn class_of(m: &Mention) -> Class {
    if m.refers_to.is_some() {
        return Class::Metonym;
    }
    match m.kind {
        EntityType::Person => Class::Person,
        EntityType::Organization => Class::Organization,
        EntityType::Country => Class::Country,
        EntityType::Location => Class::Place,
        EntityType::Group => Class::Group,
        EntityType::Misc => Class::Misc,
    }
}

fn id_prefix(class: &Class) -> &'static str {
    match class {
        Class::Person => "per",
        Class::Organization => "org",
        Class::Country => "gpe",
        Class::Place => "loc",
        Class::Metonym => "gov",
        Class::Group => "grp",
        Class::Misc => "misc",
    }
}

fn slug(name: &str) -> String {
    let key = name_key(name);
    let s: String = key
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    s.trim_matches('-').to_string()
}

struct Cluster {
    class: Class,
    kind: EntityType,
    /// Name forms with their mention counts.
    forms: BTreeMap<String, usize>,
    surfaces: BTreeMap<String, usize>,
    mentions: Vec<EntityMention>,
    refers_to: Option<String>,
}

/// Whether the resolved entities' mentions keep their span texts. A ledger
/// written without texts leaves them out, and not copying a million of
/// them is what keeps the corpus-wide step's memory down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionTexts {
    /// Each entity mention carries the text it spans.
    Keep,
    /// Entity mentions carry offsets only (their span text is empty).
    LeaveOut,
}

/// Canonical entities across `documents` from their mentions.
pub fn resolve_entities_in(documents: &[Document]) -> Vec<Entity> {
    resolve_entities_with(documents, MentionTexts::Keep)
}

/// Like [`resolve_entities_in`], with or without the mentions' texts.
pub fn resolve_entities_with(documents: &[Document], texts: MentionTexts) -> Vec<Entity> {
    resolve_entities_using(&Lexicon::standard(), documents, texts)
}

/// Like [`resolve_entities_with`], reading the gazetteer of `lexicon`
/// (which names are places, and their coordinates).
pub fn resolve_entities_using(
    lexicon: &Lexicon,
    documents: &[Document],
    texts: MentionTexts,
) -> Vec<Entity> {
    let gaz = &lexicon.gazetteer;
    let mut typed = classify_mentions(gaz, documents);
    settle_places_and_organisations(documents, &mut typed);
    // By class, each class's mentions in document order: one list, cut into
    // a slice per class, instead of a copy of every mention per class.
    typed.sort_by_key(|t| t.class);
    let mut clusters: Vec<Cluster> = Vec::new();
    // One shared id a document, however many mentions it has.
    let ids: Vec<Arc<str>> = documents.iter().map(|d| Arc::from(d.id.as_str())).collect();
    let corpus = Corpus {
        documents,
        ids: &ids,
    };
    for items in typed.chunk_by(|a, b| a.class == b.class) {
        if let Some(first) = items.first() {
            cluster_class(&corpus, first.class, items, texts, &mut clusters);
        }
    }
    drop(typed);
    clusters.retain(|c| !c.mentions.is_empty());
    build_entities(gaz, clusters)
}

/// The documents whose mentions are resolved, with their ids to share.
struct Corpus<'a> {
    documents: &'a [Document],
    ids: &'a [Arc<str>],
}

/// A mention (by its document's and its own position) with the class it is
/// resolved in: twelve bytes, as there may be millions.
#[derive(Clone, Copy)]
struct Typed {
    doc: u32,
    mention: u32,
    class: Class,
}

impl Typed {
    /// `None` past four billion documents or mentions in one document.
    fn of(doc: usize, mention: usize, class: Class) -> Option<Typed> {
        Some(Typed {
            doc: u32::try_from(doc).ok()?,
            mention: u32::try_from(mention).ok()?,
            class,
        })
    }

    /// The document and the mention.
    fn get<'a>(&self, documents: &'a [Document]) -> Option<(&'a Document, &'a Mention)> {
        let doc = documents.get(self.doc as usize)?;
        Some((doc, doc.mentions.get(self.mention as usize)?))
    }

    /// The name it is known by: canonical, else as written.
    fn name<'a>(&self, documents: &'a [Document]) -> &'a str {
        self.get(documents).map_or("", |(_, m)| name_of(m))
    }
}

fn name_of(m: &Mention) -> &str {
    m.canonical.as_deref().unwrap_or(&m.span.text)
}

/// Every mention with its name and class. Surnames of people named in full
/// anywhere count as persons: a lone "Zelensky" the tagger typed as a place
/// in another article is that person.
fn classify_mentions(gaz: &Gazetteer, documents: &[Document]) -> Vec<Typed> {
    let mut surnames = WordIndex::default();
    for m in documents.iter().flat_map(|d| &d.mentions) {
        if m.kind == EntityType::Person {
            let t = tokens(m.canonical.as_deref().unwrap_or(&m.span.text));
            if let (true, Some(last)) = (t.len() >= 2, t.last()) {
                surnames.insert(last);
            }
        }
    }
    let is_surname = |name: &str| match tokens(name).as_slice() {
        [w] if !name.contains(' ') => surnames.has_variant(w),
        _ => false,
    };
    let mut typed = Vec::with_capacity(documents.iter().map(|d| d.mentions.len()).sum());
    for (d, doc) in documents.iter().enumerate() {
        for (k, m) in doc.mentions.iter().enumerate() {
            let name = name_of(m);
            let mut class = class_of(m);
            if matches!(class, Class::Place | Class::Organization)
                && gaz.lookup(name).is_none()
                && is_surname(name)
            {
                class = Class::Person;
            }
            typed.extend(Typed::of(d, k, class));
        }
    }
    typed
}

/// The tagger may call one name a place here and an organisation there
/// ("Korean Peninsula"): the name takes the type most of its mentions got.
fn settle_places_and_organisations(documents: &[Document], typed: &mut [Typed]) {
    let mut votes: HashMap<String, (usize, usize)> = HashMap::new();
    for t in typed.iter() {
        if !matches!(t.class, Class::Place | Class::Organization) {
            continue;
        }
        let v = votes.entry(name_key(t.name(documents))).or_default();
        match t.class {
            Class::Place => v.0 += 1,
            _ => v.1 += 1,
        }
    }
    for t in typed.iter_mut() {
        if matches!(t.class, Class::Place | Class::Organization) {
            if let Some((place, org)) = votes.get(&name_key(t.name(documents))) {
                t.class = if place >= org {
                    Class::Place
                } else {
                    Class::Organization
                };
            }
        }
    }
}

/// The mentions of one class grouped by name (person names by their
/// variants, organisations by acronym too, the rest by key), each group
/// a cluster appended to `clusters`.
fn cluster_class(
    corpus: &Corpus<'_>,
    class: Class,
    items: &[Typed],
    texts: MentionTexts,
    clusters: &mut Vec<Cluster>,
) {
    let documents = corpus.documents;
    let mut names: Vec<&str> = items.iter().map(|t| t.name(documents)).collect();
    names.sort_unstable();
    names.dedup();
    let group_of: Vec<usize> = match class {
        Class::Person => group_person_names(&names).1,
        Class::Organization => group_organizations(&names),
        _ => group_by_key(&names),
    };
    let base = clusters.len();
    let index: HashMap<&str, usize> = names
        .iter()
        .zip(&group_of)
        .map(|(n, g)| (*n, base + *g))
        .collect();
    for t in items {
        let (Some((_, m)), Some(doc)) = (t.get(documents), corpus.ids.get(t.doc as usize)) else {
            continue;
        };
        let name = name_of(m);
        let Some(&ci) = index.get(name) else {
            continue;
        };
        while clusters.len() <= ci {
            clusters.push(Cluster {
                class,
                kind: if class == Class::Person {
                    EntityType::Person
                } else {
                    m.kind
                },
                forms: BTreeMap::new(),
                surfaces: BTreeMap::new(),
                mentions: Vec::new(),
                refers_to: None,
            });
        }
        let Some(c) = clusters.get_mut(ci) else {
            continue;
        };
        count(&mut c.forms, name);
        count(&mut c.surfaces, &m.span.text);
        if c.refers_to.is_none() {
            c.refers_to = m.refers_to.clone();
        }
        let text = match texts {
            MentionTexts::Keep => m.span.text.clone(),
            MentionTexts::LeaveOut => String::new(),
        };
        c.mentions.push(EntityMention {
            doc: Arc::clone(doc),
            span: Span {
                start: m.span.start,
                end: m.span.end,
                text,
            },
        });
    }
}

/// One more of `key`, copying it only the first time it is seen.
fn count(counts: &mut BTreeMap<String, usize>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

fn group_by_key(names: &[&str]) -> Vec<usize> {
    let mut keys: HashMap<String, usize> = HashMap::new();
    names
        .iter()
        .map(|n| {
            let next = keys.len();
            *keys.entry(name_key(n)).or_insert(next)
        })
        .collect()
}

/// Organisations: same normalised name, or an acronym whose initials match
/// exactly one longer name.
fn group_organizations(names: &[&str]) -> Vec<usize> {
    let group_of = group_by_key(names);
    let long: Vec<usize> = (0..names.len())
        .filter(|i| names.get(*i).is_some_and(|n| n.contains(' ')))
        .collect();
    // Index long names by their initials so acronym lookup is a hash probe.
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &long {
        let Some(n) = names.get(i) else { continue };
        for k in initials(n) {
            let v = by_initials.entry(k).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }
    let mut redirect: HashMap<usize, usize> = HashMap::new();
    for i in 0..names.len() {
        let Some(n) = names.get(i) else { continue };
        let letters: String = n.chars().filter(|c| *c != '.').collect();
        let Some(cands) = by_initials.get(&letters) else {
            continue;
        };
        let groups: Vec<usize> = {
            let mut g: Vec<usize> = cands
                .iter()
                .filter_map(|c| group_of.get(*c).copied())
                .collect();
            g.sort_unstable();
            g.dedup();
            g
        };
        if let ([g], true) = (
            groups.as_slice(),
            cands
                .iter()
                .any(|c| names.get(*c).is_some_and(|f| acronym_matches(n, f))),
        ) {
            // Acronyms only ever point at a long name's group, so one level
            // of redirection resolves every merge.
            if let Some(from) = group_of.get(i).copied() {
                redirect.insert(from, *g);
            }
        }
    }
    group_of
        .into_iter()
        .map(|g| redirect.get(&g).copied().unwrap_or(g))
        .collect()
}

fn preferred_name(c: &Cluster) -> String {
    let words = |s: &str| s.split_whitespace().count();
    c.forms
        .iter()
        .max_by(|(a, na), (b, nb)| match c.class {
            // The fullest written form of a person's name.
            Class::Person | Class::Organization => {
                words(a).cmp(&words(b)).then(na.cmp(nb)).then(b.cmp(a))
            }
            _ => na.cmp(nb).then(b.cmp(a)),
        })
        .map(|(n, _)| n.clone())
        .unwrap_or_default()
}

fn build_entities(gaz: &Gazetteer, clusters: Vec<Cluster>) -> Vec<Entity> {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut pending_refs: Vec<(usize, String)> = Vec::new();
    for c in clusters {
        let name = preferred_name(&c);
        let base = format!("{}-{}", id_prefix(&c.class), slug(&name));
        let n = used.entry(base.clone()).or_default();
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        let mut aliases: Vec<String> = c
            .forms
            .keys()
            .chain(c.surfaces.keys())
            .filter(|a| **a != name)
            .cloned()
            .collect();
        aliases.sort();
        aliases.dedup();
        let coordinates = match c.class {
            Class::Country | Class::Place | Class::Metonym => gaz.coordinates_of(&name),
            _ => None,
        };
        if let Some(r) = &c.refers_to {
            pending_refs.push((entities.len(), r.clone()));
        }
        let mut mentions = c.mentions;
        mentions.sort_by(|a, b| a.doc.cmp(&b.doc).then(a.span.start.cmp(&b.span.start)));
        entities.push(Entity {
            id,
            name,
            kind: c.kind,
            aliases,
            mentions,
            refers_to: None,
            coordinates,
        });
    }
    // Metonyms point at their referent's entity, created (without mentions)
    // when no document names the referent itself.
    for (i, referent) in pending_refs {
        let found = entities
            .iter()
            .find(|e| e.kind == EntityType::Country && e.refers_to.is_none() && e.name == referent)
            .map(|e| e.id.clone());
        let id = found.unwrap_or_else(|| {
            let id = format!("gpe-{}", slug(&referent));
            entities.push(Entity {
                id: id.clone(),
                name: referent.clone(),
                kind: EntityType::Country,
                aliases: Vec::new(),
                mentions: Vec::new(),
                refers_to: None,
                coordinates: gaz.coordinates_of(&referent),
            });
            id
        });
        if let Some(e) = entities.get_mut(i) {
            e.refers_to = Some(id);
        }
    }
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.id.cmp(&b.id))
    });
    entities
}
