//! Stories: which story each document belongs to, the story list the ledger
//! shows, and how a figure of a story is judged (the time it is about, the
//! party its source speaks for).

use std::collections::{BTreeSet, HashMap};

use chrono::Duration;
use crosscheck_model::{Claim, Document, Entity, EntityType, Story};
use crosscheck_stories::{story_id, story_number, StoryIndex};

use crate::entities::{is_dateline, name_key, NameIndex};
use crate::figure_time::{figure_time_with, FigureTime};
use crate::lexicon::Lexicon;
use crate::parties::Parties;
use crate::propositions::Judge;

/// Entities listed for a story.
const STORY_ENTITIES: usize = 6;

/// Words before and after a figure searched for cues.
const WORDS_BEFORE: usize = 3;
const WORDS_AFTER: usize = 5;
/// Words on each side of a figure that say what happens to what it counts.
const NEIGHBOURS: usize = 4;

/// Reporting words that say nothing about what a figure counts.
const REPORTING: &[&str] = &[
    "said",
    "say",
    "says",
    "told",
    "reported",
    "according",
    "added",
    "estimate",
    "estimated",
];

/// What a word near a figure says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// A part, an addition, an option: not the count itself.
    Part,
    /// An earlier value the reported one is set against.
    Earlier,
}

/// Gives every document without a story one from `index` (documents in
/// order; a near-duplicate joins its original's story) and resolves every
/// story id through the merges the index made. A document that names a
/// story the index does not hold (a ledger read back, a test fixture) keeps
/// it; new stories are then numbered after the highest such id.
pub fn assign_stories(documents: &mut [Document], index: &mut StoryIndex) {
    let pinned = |doc: &Document, index: &StoryIndex| {
        doc.story.is_some() && index.story_of(&doc.id).is_none()
    };
    let offset = documents
        .iter()
        .filter(|d| pinned(d, index))
        .filter_map(|d| d.story.as_deref().and_then(story_number))
        .max()
        .unwrap_or(0);
    let mut added: Vec<bool> = Vec::with_capacity(documents.len());
    for doc in documents.iter_mut() {
        let new = doc.story.is_none();
        // A repeat of a document already grouped (the same id) keeps its
        // story without being profiled again.
        if new && index.story_of(&doc.id).is_none() {
            index.add_document(doc);
        }
        added.push(new || index.story_of(&doc.id).is_some());
    }
    for (doc, in_index) in documents.iter_mut().zip(added) {
        if !in_index {
            continue;
        }
        if let Some(story) = index.story_of(&doc.id) {
            doc.story = Some(story_id(story.number + offset));
        }
    }
}

/// The stories of the documents, largest first (then earliest, then by id).
pub fn summaries(documents: &[Document], entities: &[Entity]) -> Vec<Story> {
    let mut by_story: HashMap<&str, Vec<&Document>> = HashMap::new();
    for doc in documents {
        by_story
            .entry(doc.story.as_deref().unwrap_or(""))
            .or_default()
            .push(doc);
    }
    // Documents of each story naming each entity.
    let story_of: HashMap<&str, &str> = documents
        .iter()
        .map(|d| (d.id.as_str(), d.story.as_deref().unwrap_or("")))
        .collect();
    let mut named: HashMap<&str, Vec<(usize, usize, &str)>> = HashMap::new();
    for entity in entities {
        let mut per_story: HashMap<&str, (BTreeSet<&str>, usize)> = HashMap::new();
        for mention in &entity.mentions {
            if let Some(story) = story_of.get(&*mention.doc) {
                let slot = per_story.entry(story).or_default();
                slot.0.insert(&*mention.doc);
                slot.1 += 1;
            }
        }
        for (story, (docs, mentions)) in per_story {
            named
                .entry(story)
                .or_default()
                .push((docs.len(), mentions, entity.id.as_str()));
        }
    }
    let mut stories: Vec<Story> = by_story
        .into_iter()
        .map(|(id, docs)| {
            let dates: Vec<String> = docs
                .iter()
                .filter_map(|d| d.placed_date().map(|(date, _)| date.to_string()))
                .collect();
            // The title of the earliest article that has one: a plain-text
            // article without a headline does not leave its story untitled.
            let titled = docs
                .iter()
                .enumerate()
                .filter(|(_, d)| d.title.is_some())
                .min_by_key(|(i, d)| {
                    (
                        d.placed_date().map(|(date, _)| date).is_none(),
                        d.placed_date().map(|(date, _)| date),
                        *i,
                    )
                })
                .map(|(_, d)| *d);
            let mut top = named.remove(id).unwrap_or_default();
            top.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
            let outlets: BTreeSet<String> = docs.iter().filter_map(|d| d.outlet.clone()).collect();
            Story {
                id: id.to_string(),
                title: titled.and_then(|d| d.title.clone()),
                documents: docs.iter().map(|d| d.id.clone()).collect(),
                first: dates.iter().min().cloned(),
                last: dates.iter().max().cloned(),
                entities: top
                    .into_iter()
                    .take(STORY_ENTITIES)
                    .map(|(_, _, e)| e.to_string())
                    .collect(),
                outlets: outlets.into_iter().collect(),
            }
        })
        .collect();
    stories.sort_by(|a, b| {
        b.documents
            .len()
            .cmp(&a.documents.len())
            .then(a.first.is_none().cmp(&b.first.is_none()))
            .then(a.first.cmp(&b.first))
            .then(story_number(&a.id).cmp(&story_number(&b.id)))
    });
    stories
}

/// Judges the figures of one story.
pub struct StoryJudge<'a> {
    /// Where the cue phrases and word classes come from.
    lexicon: &'a Lexicon,
    documents: HashMap<&'a str, &'a Document>,
    parties: Parties,
    names: &'a NameIndex<'a>,
}

impl<'a> StoryJudge<'a> {
    pub fn new(
        lexicon: &'a Lexicon,
        documents: &[&'a Document],
        names: &'a NameIndex<'a>,
    ) -> StoryJudge<'a> {
        StoryJudge {
            lexicon,
            documents: documents.iter().map(|d| (d.id.as_str(), *d)).collect(),
            parties: Parties::of_story(documents, names),
            names,
        }
    }
}

/// Words that own what follows them ("its 19,000 tonne quota").
const POSSESSIVE_PRONOUNS: &[&str] = &["its", "their", "his", "her", "our"];

/// Verbs whose subject holds what the figure right after them counts
/// ("SB Holding owns 54.7 pct").
const HOLDING_VERBS: &[&str] = &["owns", "holds", "controls", "owned", "held", "controlled"];

impl<'a> StoryJudge<'a> {
    /// The words just before and just after a claim's figure, lower case.
    fn windows(&self, claim: &Claim) -> Option<(Vec<String>, Vec<String>)> {
        let doc = self.documents.get(claim.doc.as_str())?;
        let figure = claim.quantity()?.span.range();
        let sentence = doc.sentences.get(claim.sentence)?.range;
        let lower = |a: usize, b: usize| doc.text.get(a..b).unwrap_or("").to_lowercase();
        let words = |text: String| -> Vec<String> {
            text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let before = words(lower(sentence.start.min(figure.start), figure.start));
        let before = before
            .get(before.len().saturating_sub(WORDS_BEFORE)..)
            .unwrap_or(&[])
            .to_vec();
        let after = words(lower(figure.end, sentence.end.max(figure.end)));
        let after = after
            .get(..after.len().min(WORDS_AFTER))
            .unwrap_or(&[])
            .to_vec();
        Some((before, after))
    }

    /// The cue words right around a claim's figure, if any.
    fn cue(&self, claim: &Claim) -> Option<(Cue, &'a str)> {
        let (before, after) = self.windows(claim)?;
        // Each window padded with a space each side, built once per claim.
        let before = format!(" {} ", before.join(" "));
        let after = format!(" {} ", after.join(" "));
        let both = format!("{before}|{after}");
        self.lexicon
            .cues
            .iter()
            .find_map(|(padded, cue, is_before)| {
                // A part cue counts on either side ("40 MLN STG LATE ASSISTANCE",
                // "late help of 40 mln"); an earlier value's cue only where listed.
                let window = match (cue, is_before) {
                    (Cue::Part, _) => &both,
                    (Cue::Earlier, true) => &before,
                    (Cue::Earlier, false) => &after,
                };
                window
                    .contains(padded.as_str())
                    .then_some((*cue, padded.trim()))
            })
    }
}

impl Judge for StoryJudge<'_> {
    fn time_of(&self, claim: &Claim) -> FigureTime {
        let Some(doc) = self.documents.get(claim.doc.as_str()) else {
            return FigureTime::unknown();
        };
        let sentence = claim.sentence_text(doc);
        let time = claim
            .time
            .as_ref()
            .map(|t| (t.text.as_str(), t.value.as_str()));
        let time = figure_time_with(
            self.lexicon,
            time,
            sentence,
            doc.placed_date().map(|(d, _)| d),
        );
        match self.cue(claim) {
            // "rose to 7.15 billion from 7.20 billion": the second figure is
            // the value before the one reported.
            Some((Cue::Earlier, phrase)) => FigureTime {
                start: None,
                end: time.start.map(|d| d - Duration::days(1)),
                basis: format!("“{phrase}”: an earlier value, before {}", time.label()),
            },
            _ => time,
        }
    }

    fn is_part(&self, claim: &Claim) -> bool {
        matches!(self.cue(claim), Some((Cue::Part, _)))
    }

    fn neighbours_of(&self, claim: &Claim) -> Vec<String> {
        let Some(doc) = self.documents.get(claim.doc.as_str()) else {
            return Vec::new();
        };
        let (Some(quantity), Some(sentence)) =
            (claim.quantity(), doc.sentences.get(claim.sentence))
        else {
            return Vec::new();
        };
        let subject: BTreeSet<String> = quantity
            .subject
            .as_deref()
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| self.lexicon.words.word_class(w))
            .collect();
        let unit = quantity.unit.as_deref().unwrap_or("").to_lowercase();
        // Who speaks and where it is printed say nothing of what is counted.
        let speaker: BTreeSet<String> = [
            claim.source.name.as_deref(),
            claim.source.role.as_deref(),
            doc.outlet.as_deref(),
        ]
        .into_iter()
        .flatten()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter_map(|w| self.lexicon.words.word_class(w))
        .collect();
        let figure = quantity.span.range();
        let words = |a: usize, b: usize| -> Vec<String> {
            doc.text
                .get(a..b)
                .unwrap_or("")
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let before = words(sentence.range.start.min(figure.start), figure.start);
        let after = words(figure.end, sentence.range.end.max(figure.end));
        let mut out: BTreeSet<String> = BTreeSet::new();
        let near = before
            .iter()
            .rev()
            .take(NEIGHBOURS)
            .chain(after.iter().take(NEIGHBOURS + subject.len()));
        for word in near {
            if REPORTING.contains(&word.as_str())
                || crosscheck_stories::words::is_stopword(word)
                || unit.split_whitespace().any(|u| u == word)
            {
                continue;
            }
            if let Some(class) = self.lexicon.words.word_class(word) {
                if !subject.contains(&class) && !speaker.contains(&class) {
                    out.insert(class);
                }
            }
        }
        out.into_iter().collect()
    }

    fn sentence_of(&self, claim: &Claim) -> String {
        self.documents
            .get(claim.doc.as_str())
            .and_then(|doc| {
                doc.sentences
                    .get(claim.sentence)
                    .map(|s| s.range.slice(&doc.text).to_lowercase())
            })
            .unwrap_or_default()
    }

    fn holder_of(&self, claim: &Claim) -> Option<String> {
        let (before, _) = self.windows(claim)?;
        let word = before.last()?;
        // "Arlo Motors said it made 2,500 cars", "X says its sales fell to
        // N": the speaker's own, like a possessive pronoun.
        let own = before.windows(2).any(|w| {
            matches!(w[0].as_str(), "said" | "says") && matches!(w[1].as_str(), "it" | "its")
        });
        if own || POSSESSIVE_PRONOUNS.contains(&word.as_str()) {
            // Owned by whoever speaks: the party, else the source itself.
            return self.party_of(claim).map(|p| name_key(&p)).or_else(|| {
                claim
                    .source
                    .name
                    .as_deref()
                    .map(|n| name_key(&self.names.canonical_name(n)))
            });
        }
        if HOLDING_VERBS.contains(&word.as_str()) {
            return self.name_before_figure(claim);
        }
        let owner = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))?;
        Some(name_key(&self.names.canonical_name(owner)))
    }

    fn context_of(&self, claim: &Claim) -> Vec<String> {
        self.entities_of_sentence(claim, claim.sentence)
    }

    fn lead_of(&self, claim: &Claim) -> Vec<String> {
        self.entities_of_sentence(claim, 0)
    }

    fn party_of(&self, claim: &Claim) -> Option<String> {
        self.parties.of_source(&claim.source, self.names)
    }
}

impl StoryJudge<'_> {
    /// The last entity named in the figure's sentence before the figure
    /// ("SB Holding" in "SB Holding owns 54.7 pct"), as a name key.
    fn name_before_figure(&self, claim: &Claim) -> Option<String> {
        let doc = self.documents.get(claim.doc.as_str())?;
        let figure = claim.quantity()?.span.range();
        let sentence = doc.sentences.get(claim.sentence)?.range;
        let mention = doc
            .mentions
            .iter()
            .filter(|m| sentence.start <= m.span.start && m.span.end <= figure.start)
            .max_by_key(|m| m.span.end)?;
        let name = mention
            .refers_to
            .as_deref()
            .or(mention.canonical.as_deref())
            .unwrap_or(&mention.span.text);
        Some(name_key(&self.names.canonical_name(name))).filter(|k| !k.is_empty())
    }

    /// The entities of one sentence of the claim's document, the claim's
    /// source, the outlet, datelines and miscellany left out.
    fn entities_of_sentence(&self, claim: &Claim, index: usize) -> Vec<String> {
        let Some(doc) = self.documents.get(claim.doc.as_str()) else {
            return Vec::new();
        };
        let Some(sentence) = doc.sentences.get(index) else {
            return Vec::new();
        };
        let source_key = claim
            .source
            .name
            .as_deref()
            .map(|n| name_key(&self.names.canonical_name(n)));
        let source_span = claim.source.span.as_ref().map(|s| s.range());
        let outlet = doc.outlet.as_deref().map(name_key);
        let mut context: BTreeSet<String> = BTreeSet::new();
        for m in &doc.mentions {
            let inside = sentence.range.start <= m.span.start && m.span.end <= sentence.range.end;
            let of_source = source_span
                .as_ref()
                .is_some_and(|r| r.start <= m.span.start && m.span.end <= r.end);
            if !inside || of_source || m.kind == EntityType::Misc || is_dateline(m, &doc.text) {
                continue;
            }
            let name = m
                .refers_to
                .as_deref()
                .or(m.canonical.as_deref())
                .unwrap_or(&m.span.text);
            let key = name_key(&self.names.canonical_name(name));
            // "Valdorian" and "Valdoria" are one place here.
            let key = self.parties.principal_key(&key).unwrap_or(key);
            if key.is_empty() || Some(&key) == source_key.as_ref() || Some(&key) == outlet.as_ref()
            {
                continue;
            }
            context.insert(key);
        }
        context.into_iter().collect()
    }
}
