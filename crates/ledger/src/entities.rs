//! Looking up names (claim sources, stance actors) among canonical entities
//! and the documents' own mention annotations.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crosscheck_model::{Claim, Document, Entity, EntityType, Mention};

use crate::lexicon::Lexicon;

/// Lowercase name with leading articles dropped: "The Kremlin" → "kremlin"
/// (the key stories group entities by, so the two always agree).
pub use crosscheck_stories::entity_key as name_key;

/// Resolves names to entity ids and to the canonical name of what they stand
/// for ("the Kremlin" → "Russia").
#[derive(Debug)]
pub struct NameIndex<'a> {
    /// Where the words that make an actor an organ of a state come from.
    lexicon: &'a Lexicon,
    /// name key → entity id
    ids: HashMap<String, &'a str>,
    /// name key → canonical name of the referent
    canonical: HashMap<String, String>,
    /// Name keys of the countries and places the documents name, with their
    /// display names: states the gazetteer does not list still have organs
    /// ("the Velorian foreign ministry").
    polities: BTreeMap<String, String>,
}

impl<'a> NameIndex<'a> {
    pub fn new(
        lexicon: &'a Lexicon,
        entities: &'a [Entity],
        documents: &[Document],
    ) -> NameIndex<'a> {
        let mut index = NameIndex {
            lexicon,
            ids: HashMap::new(),
            canonical: HashMap::new(),
            polities: BTreeMap::new(),
        };
        let by_id: HashMap<&str, &Entity> = entities.iter().map(|e| (e.id.as_str(), e)).collect();
        // Several entities may answer to one name ("Putin" as a tagged place
        // and as the surname of "Vladimir Putin"): keep the best claimant.
        let mut best: HashMap<String, (u8, &Entity)> = HashMap::new();
        for entity in entities {
            for name in std::iter::once(&entity.name).chain(entity.aliases.iter()) {
                let key = name_key(name);
                if key.is_empty() {
                    continue;
                }
                let rank = claim_rank(entity, &key);
                let slot = best.entry(key).or_insert((rank, entity));
                if rank > slot.0 {
                    *slot = (rank, entity);
                }
            }
        }
        for entity in entities {
            if matches!(entity.kind, EntityType::Country | EntityType::Location)
                && entity.refers_to.is_none()
                && !entity.mentions.is_empty()
            {
                index
                    .polities
                    .insert(name_key(&entity.name), entity.name.clone());
            }
        }
        for (key, (_, entity)) in best {
            // A metonym speaks for its referent: actors named "Moscow" are
            // the Russian government.
            let referent = entity
                .refers_to
                .as_deref()
                .and_then(|id| by_id.get(id))
                .map_or(entity.name.as_str(), |r| r.name.as_str());
            index.ids.insert(key.clone(), entity.id.as_str());
            index.canonical.insert(key, referent.to_string());
        }
        // The documents' own in-document resolution fills what the
        // cross-document entities do not cover.
        // Mention texts repeat across documents: key each wording once.
        let mut seen: HashSet<&str> = HashSet::new();
        for doc in documents {
            for mention in &doc.mentions {
                if !seen.insert(mention.span.text.as_str()) {
                    continue;
                }
                let key = name_key(&mention.span.text);
                let target = mention.refers_to.as_ref().or(mention.canonical.as_ref());
                if let (false, Some(target)) = (key.is_empty(), target) {
                    index.canonical.entry(key).or_insert_with(|| target.clone());
                }
            }
        }
        index
    }

    /// The entity id a name resolves to.
    pub fn entity_id(&self, name: &str) -> Option<&'a str> {
        self.ids.get(&name_key(name)).copied()
    }

    /// Canonical name of a stance actor: a known name, a known name at the
    /// end of a titled phrase ("Ostrian President Ana Vell" → "Ana Vell"),
    /// or the one country a state body belongs to ("Velish officials",
    /// "authorities in Velora" → "Velora").
    pub fn actor_name(&self, actor: &str) -> String {
        if let Some(canonical) = self.canonical.get(&name_key(actor)) {
            return canonical.clone();
        }
        let words: Vec<&str> = actor
            .split_whitespace()
            .map(|w| {
                w.trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            })
            .filter(|w| !w.is_empty())
            .collect();
        for start in 1..words.len() {
            let key = name_key(&words.get(start..).unwrap_or(&[]).join(" "));
            let starts_upper = words
                .get(start)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            if let (true, Some(canonical)) = (starts_upper, self.canonical.get(&key)) {
                return canonical.clone();
            }
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let speaks_for_state = lower
            .iter()
            .any(|w| self.lexicon.government_nouns.contains(w.as_str()));
        if speaks_for_state {
            let mut countries = countries_named(&words);
            if countries.is_empty() {
                countries = self.polities_named(&words);
            }
            if countries.len() == 1 {
                if let Some(country) = countries.into_iter().next() {
                    return self.canonical_name(&country);
                }
            }
        }
        self.canonical_name(actor)
    }

    /// Places named in an actor phrase by name ("Velora's ministry") or by an
    /// adjective formed from the name ("the Veloran ministry"), among those
    /// the documents name.
    fn polities_named(&self, words: &[&str]) -> BTreeSet<String> {
        const ADJECTIVE_ENDINGS: [&str; 5] = ["ian", "an", "ese", "ish", "i"];
        /// Shortest stem an adjective must keep to be matched to a name.
        const MIN_STEM: usize = 4;
        let mut found = BTreeSet::new();
        for word in words {
            if !word.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let key = name_key(word);
            // The adjective first: a tagger may list "Veloran" as a place of
            // its own beside "Velora".
            let from_adjective = ADJECTIVE_ENDINGS.iter().find_map(|ending| {
                let stem = key.strip_suffix(ending)?;
                if stem.chars().count() < MIN_STEM {
                    return None;
                }
                let matches: Vec<&String> = self
                    .polities
                    .range(stem.to_string()..)
                    .take_while(|(k, _)| k.starts_with(stem))
                    .filter(|(k, _)| **k != key && k.len() <= stem.len() + 3 && !k.contains(' '))
                    .map(|(_, name)| name)
                    .collect();
                match matches.as_slice() {
                    [name] => Some((*name).clone()),
                    _ => None,
                }
            });
            if let Some(name) = from_adjective.or_else(|| self.polities.get(&key).cloned()) {
                found.insert(name);
            }
        }
        found
    }

    /// Canonical display name for an actor or speaker.
    pub fn canonical_name(&self, name: &str) -> String {
        let key = name_key(name);
        match self.canonical.get(&key) {
            Some(canonical) => canonical.clone(),
            None => {
                let trimmed = name.trim();
                ["the ", "The "]
                    .iter()
                    .find_map(|a| trimmed.strip_prefix(a))
                    .map_or_else(|| trimmed.to_string(), capitalise)
            }
        }
    }
}

/// How strongly an entity claims a name: countries and metonyms first,
/// then a person whose full name ends in it (a surname), then the rest.
fn claim_rank(entity: &Entity, key: &str) -> u8 {
    let full = name_key(&entity.name);
    match entity.kind {
        EntityType::Country => 3,
        _ if entity.refers_to.is_some() => 3,
        EntityType::Person if full.len() > key.len() && full.ends_with(&format!(" {key}")) => 2,
        _ => 1,
    }
}

/// Countries a phrase names, directly, by demonym, or by capital or seat.
fn countries_named(words: &[&str]) -> BTreeSet<String> {
    crosscheck_ner::countries_named(words)
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// For each claim, the entities named in its sentence (canonical names,
/// metonyms as their referent), or when it names none, the document's most
/// mentioned ones: what the figure is about. Datelines are left out: the city
/// a story was filed from says nothing about what it is about.
pub fn sentence_contexts(documents: &[Document], claims: &[Claim]) -> Vec<Vec<String>> {
    /// Entities standing for a whole document when a sentence names none.
    const DOCUMENT_TOPICS: usize = 3;
    fn key_of(m: &Mention, text: &str) -> Option<String> {
        if m.kind == EntityType::Location && m.refers_to.is_none() && is_dateline(m, text) {
            return None;
        }
        let name = m
            .refers_to
            .as_deref()
            .or(m.canonical.as_deref())
            .unwrap_or(m.span.text.as_str());
        Some(name_key(name)).filter(|k| !k.is_empty())
    }
    // Mentions in offset order, whatever order the recogniser left them in,
    // and each document's most mentioned entities.
    let by_id: HashMap<&str, (&Document, Vec<&Mention>, Vec<String>)> = documents
        .iter()
        .map(|d| {
            let mut mentions: Vec<&Mention> = d.mentions.iter().collect();
            mentions.sort_by_key(|m| m.span.start);
            let mut counts: HashMap<String, usize> = HashMap::new();
            for key in mentions.iter().filter_map(|m| key_of(m, &d.text)) {
                *counts.entry(key).or_default() += 1;
            }
            let mut topics: Vec<(String, usize)> = counts.into_iter().collect();
            topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let topics = topics
                .into_iter()
                .take(DOCUMENT_TOPICS)
                .map(|(k, _)| k)
                .collect();
            (d.id.as_str(), (d, mentions, topics))
        })
        .collect();
    claims
        .iter()
        .map(|claim| {
            let Some((doc, mentions, topics)) = by_id.get(claim.doc.as_str()) else {
                return Vec::new();
            };
            let Some(sentence) = doc.sentences.get(claim.sentence) else {
                return topics.clone();
            };
            let (start, end) = (sentence.range.start, sentence.range.end);
            let first = mentions.partition_point(|m| m.span.start < start);
            let mut names: Vec<String> = mentions
                .get(first..)
                .unwrap_or(&[])
                .iter()
                .take_while(|m| m.span.start < end)
                .filter_map(|m| key_of(m, &doc.text))
                .collect();
            if names.is_empty() {
                return topics.clone();
            }
            names.sort();
            names.dedup();
            names
        })
        .collect()
}

/// A place opening a paragraph and followed by a comma, dash or bracket, or
/// written in capitals there ("ORAVEN, March 9 -", "LONDON (Wire) -").
pub fn is_dateline(m: &Mention, text: &str) -> bool {
    let before = text.get(..m.span.start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    if !before.get(line_start..).unwrap_or("x").trim().is_empty() {
        return false;
    }
    let shouting = m.span.text.chars().any(char::is_alphabetic)
        && !m.span.text.chars().any(char::is_lowercase);
    let after = text.get(m.span.end..).unwrap_or("").trim_start_matches(' ');
    shouting || after.starts_with([',', '(', '-', '\u{2013}', '\u{2014}'])
}

/// Fills `claim.source.entity` with the entity id its source resolves to:
/// the entity with a mention at the source's span, else one with the name.
pub fn link_sources(claims: &mut [Claim], entities: &[Entity], index: &NameIndex) {
    let mut spans = SourceSpans::default();
    for claim in claims.iter() {
        spans.want(claim);
    }
    let spans = spans.resolve(entities);
    link_sources_at(claims, &spans, index);
}

/// The claim-source spans that are also entity mentions, each with the
/// first entity (in ledger order) mentioned there: gathered over the whole
/// corpus once, so that claims can be linked story by story.
#[derive(Debug, Default)]
pub struct SourceSpans {
    /// Each document a claim is from, numbered.
    docs: HashMap<String, u32>,
    /// (document number, start, end) of every claim source with a span,
    /// then the entity found there (an index into `ids`).
    wanted: HashMap<(u32, usize, usize), Option<u32>>,
    /// Entity ids, by index.
    ids: Vec<String>,
}

impl SourceSpans {
    /// Notes the span of `claim`'s source, if it has one.
    pub fn want(&mut self, claim: &Claim) {
        if let Some(s) = &claim.source.span {
            let next = u32::try_from(self.docs.len()).unwrap_or(u32::MAX);
            let doc = match self.docs.get(claim.doc.as_str()) {
                Some(&n) => n,
                None => *self.docs.entry(claim.doc.clone()).or_insert(next),
            };
            self.wanted.entry((doc, s.start, s.end)).or_insert(None);
        }
    }

    /// Finds the entity mentioned at each wanted span.
    pub fn resolve(mut self, entities: &[Entity]) -> SourceSpans {
        for entity in entities {
            let index = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
            let mut found = false;
            for mention in &entity.mentions {
                let Some(&doc) = self.docs.get(&*mention.doc) else {
                    continue;
                };
                if let Some(slot) =
                    self.wanted
                        .get_mut(&(doc, mention.span.start, mention.span.end))
                {
                    if slot.is_none() {
                        *slot = Some(index);
                        found = true;
                    }
                }
            }
            if found {
                self.ids.push(entity.id.clone());
            }
        }
        self.wanted.retain(|_, slot| slot.is_some());
        self.wanted.shrink_to_fit();
        self
    }

    fn entity_at(&self, doc: &str, start: usize, end: usize) -> Option<&str> {
        let doc = *self.docs.get(doc)?;
        let slot = self.wanted.get(&(doc, start, end))?;
        self.ids.get((*slot)? as usize).map(String::as_str)
    }
}

/// [`link_sources`] with the source spans resolved beforehand.
pub fn link_sources_at(claims: &mut [Claim], spans: &SourceSpans, index: &NameIndex) {
    let resolved: Vec<Option<String>> = claims
        .iter()
        .map(|claim| {
            let by_position = claim
                .source
                .span
                .as_ref()
                .and_then(|s| spans.entity_at(&claim.doc, s.start, s.end));
            by_position
                .or_else(|| {
                    claim
                        .source
                        .name
                        .as_deref()
                        .and_then(|n| index.entity_id(n))
                })
                .map(str::to_string)
        })
        .collect();
    for (claim, id) in claims.iter_mut().zip(resolved) {
        if id.is_some() {
            claim.source.entity = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(name_key("The Kremlin"), "kremlin");
        assert_eq!(
            name_key("  Ostrian   Defence Ministry "),
            "ostrian defence ministry"
        );
        assert_eq!(name_key("“Marek Tol”"), "marek tol");
    }

    fn entity(id: &str, name: &str, kind: EntityType, aliases: &[&str]) -> Entity {
        Entity {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: Vec::new(),
            refers_to: None,
            coordinates: None,
        }
    }

    #[test]
    fn surname_goes_to_the_person_not_a_mistagged_place() {
        let entities = [
            entity("loc-vell", "Vell", EntityType::Location, &[]),
            entity("per-ana-vell", "Ana Vell", EntityType::Person, &["Vell"]),
        ];
        let lexicon = Lexicon::standard();
        let index = NameIndex::new(&lexicon, &entities, &[]);
        assert_eq!(index.actor_name("Vell"), "Ana Vell");
        assert_eq!(index.actor_name("President Ana Vell"), "Ana Vell");
        assert_eq!(index.entity_id("Vell"), Some("per-ana-vell"));
    }

    #[test]
    fn organs_of_unlisted_states_speak_for_them() {
        let place = |name: &str| Entity {
            id: format!("loc-{}", name.to_lowercase()),
            name: name.to_string(),
            kind: EntityType::Location,
            aliases: Vec::new(),
            mentions: vec![crosscheck_model::EntityMention {
                doc: "d".into(),
                span: crosscheck_model::Span {
                    start: 0,
                    end: name.len(),
                    text: name.to_string(),
                },
            }],
            refers_to: None,
            coordinates: None,
        };
        // "Veloran" tagged as a place of its own must not win over "Velora".
        let entities = vec![place("Velora"), place("Veloran"), place("Ostmark")];
        let lexicon = Lexicon::standard();
        let index = NameIndex::new(&lexicon, &entities, &[]);
        for (actor, want) in [
            ("the Veloran foreign ministry", "Velora"),
            ("Velora's defence ministry", "Velora"),
            ("Ostmarkish officials", "Ostmark"),
            ("the Harbour Authority", "Harbour Authority"),
            ("Veloran farmers", "Veloran farmers"),
        ] {
            assert_eq!(index.actor_name(actor), want, "{actor}");
        }
    }

    #[test]
    fn actor_names() {
        let lexicon = Lexicon::standard();
        let index = NameIndex::new(&lexicon, &[], &[]);
        for (actor, want) in [
            ("French officials", "France"),
            ("authorities in Peru", "Peru"),
            ("the Peruvian government", "Peru"),
            (
                "Chilean and Peruvian officials",
                "Chilean and Peruvian officials",
            ),
            ("the Harbour Authority", "Harbour Authority"),
            ("French farmers", "French farmers"),
        ] {
            assert_eq!(index.actor_name(actor), want, "{actor}");
        }
    }
}
