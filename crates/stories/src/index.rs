//! Single-pass story clustering: each new document joins the story a
//! learned similarity model finds most likely to be its own, when that
//! likelihood reaches a threshold, or starts a new story; when a document is
//! likely to belong to two stories that are likely one, they merge.
//!
//! A story is the sum of its documents' term vectors (tf × idf, each field
//! — body words, headline words, entities — normalised on its own), cut to
//! its strongest terms. Candidate stories come from an inverted index over
//! those terms, looked up with the document's strongest terms only, so adding
//! a document costs the same whether the index holds a hundred stories or a
//! hundred thousand.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;
use crosscheck_model::Document;
use serde::{Deserialize, Serialize};

use crate::model::{Features, Model};
use crate::profile::{DocumentProfile, ENTITY_PREFIX, TITLE_PREFIX, WORD_PREFIX};
use crate::Lexicon;

/// Which part of a document a term comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Word = 0,
    Title = 1,
    Entity = 2,
}

const FIELDS: usize = 3;

fn field_of(term: &str) -> Field {
    if term.starts_with(TITLE_PREFIX) {
        Field::Title
    } else if term.starts_with(ENTITY_PREFIX) {
        Field::Entity
    } else {
        Field::Word
    }
}

/// Tuning knobs, kept with the index so a stored index goes on clustering
/// the way it started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// How likely two things are one story, from their similarities.
    pub model: Model,
    /// A document joins the most likely story when the model's probability
    /// reaches this.
    pub join_threshold: f32,
    /// Two stories a document is likely to belong to merge when the model
    /// finds them this likely to be one.
    pub merge_threshold: f32,
    /// Terms kept in a story's profile.
    pub profile_terms: usize,
    /// A story's strongest terms posted in the inverted index.
    pub posted_terms: usize,
    /// A document's strongest terms looked up to find candidate stories.
    pub query_terms: usize,
    /// Most stories kept per posted term (the most recent).
    pub posting_cap: usize,
    /// Stories compared in full with each document: those sharing the most
    /// of its strongest terms.
    pub candidates: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        let model = Model::default();
        Settings {
            join_threshold: model.threshold,
            merge_threshold: model.threshold,
            model,
            profile_terms: 240,
            posted_terms: 48,
            query_terms: 24,
            posting_cap: 256,
            candidates: 16,
        }
    }
}

/// One story: its documents, span of dates and term profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Sequence number, from 1 in the order stories were started.
    pub number: u32,
    /// Document ids in the order they joined.
    pub documents: Vec<String>,
    /// Title of the earliest document (the first to join among equals).
    pub title: Option<String>,
    /// Earliest document date.
    pub first: Option<NaiveDate>,
    /// Latest document date.
    pub last: Option<NaiveDate>,
    /// Set when this story was merged into another.
    pub merged_into: Option<u32>,
    /// (term id, weight), sorted by term id.
    profile: Vec<(u32, f32)>,
}

impl Story {
    /// The story id used in ledgers and stores: `s<number>`.
    pub fn id(&self) -> String {
        story_id(self.number)
    }
}

/// `s<number>`.
pub fn story_id(number: u32) -> String {
    format!("s{number}")
}

/// The story number in an id written by [`story_id`].
pub fn story_number(id: &str) -> Option<u32> {
    id.strip_prefix('s')?.parse().ok()
}

/// A document counted into the index and turned into a vector, with the
/// stories it could join and how it compares with each.
#[derive(Debug, Clone)]
pub struct Prepared {
    vector: Vec<(u32, f32)>,
    /// The story of the document this one copies, if known.
    pub copy_of: Option<u32>,
    /// Candidate stories and the features comparing the document with each.
    pub candidates: Vec<(u32, Features)>,
}

/// Stories of a growing set of documents. Serialisable: load it, add
/// documents, save it, and earlier assignments stay (a merged story's id
/// resolves to the story it joined).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StoryIndex {
    #[serde(default)]
    settings: Settings,
    /// Term strings by id.
    terms: Vec<String>,
    /// Documents added that contain each term (by id).
    df: Vec<u32>,
    /// Documents added.
    documents: u32,
    stories: Vec<Story>,
    /// Document id → number of the story it first joined.
    doc_story: BTreeMap<String, u32>,
    #[serde(skip)]
    term_ids: HashMap<String, u32>,
    /// Field of each term (by id).
    #[serde(skip)]
    fields: Vec<Field>,
    /// Background document frequency of each term (by id), looked up once.
    #[serde(skip)]
    background_df: Vec<u32>,
    /// For a headline term, the id of the same word as a body term.
    #[serde(skip)]
    body_word: HashMap<u32, u32>,
    /// Term id → numbers of the stories posted under it, ascending.
    #[serde(skip)]
    postings: HashMap<u32, Vec<u32>>,
    /// Story number → the terms it is posted under, ascending.
    #[serde(skip)]
    posted: HashMap<u32, Vec<u32>>,
    /// What changed since the last [`StoryIndex::take_delta`].
    #[serde(skip)]
    dirty: Dirty,
    /// Reused by [`StoryIndex::candidate_stories`].
    #[serde(skip)]
    scratch: CandidateScratch,
    /// The stop words and background frequencies it reads. Not stored: a
    /// loaded index reads the standard lexicon.
    #[serde(skip)]
    lexicon: IndexLexicon,
}

/// An index's lexicon, the standard one unless given: `Default` (which a
/// deserialised index is built with) must not mean an empty lexicon.
#[derive(Debug, Clone)]
struct IndexLexicon(Arc<Lexicon>);

impl Default for IndexLexicon {
    fn default() -> IndexLexicon {
        IndexLexicon(Lexicon::standard())
    }
}

/// Shared weight per story number, with the round that last wrote each
/// slot: a dense accumulator that needs no clearing between documents.
#[derive(Debug, Clone, Default)]
struct CandidateScratch {
    shared: Vec<f32>,
    round_of: Vec<u32>,
    round: u32,
    touched: Vec<u32>,
}

/// Terms, stories and assignments changed since the last delta.
#[derive(Debug, Clone, Default)]
struct Dirty {
    terms: BTreeSet<u32>,
    stories: BTreeSet<u32>,
    assignments: Vec<(String, u32)>,
}

/// What changed in an index since the last [`StoryIndex::take_delta`]: what
/// a store writes to keep its index current without rewriting it whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryDelta {
    /// The index's settings (written once, read back to go on).
    pub settings: Settings,
    /// Documents counted in the frequencies, in all.
    pub documents: u32,
    /// (term id, term, document frequency) of the terms added or counted.
    pub terms: Vec<(u32, String, u32)>,
    /// The stories started, grown or merged, whole.
    pub stories: Vec<Story>,
    /// (document id, number of the story it joined) of the documents added.
    pub assignments: Vec<(String, u32)>,
}

impl StoryDelta {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.stories.is_empty() && self.assignments.is_empty()
    }
}

/// How many background documents (of `lexicon`) use a term's word or name.
fn background_df_of(lexicon: &Lexicon, term: &str) -> u32 {
    if let Some(word) = term.strip_prefix(WORD_PREFIX) {
        lexicon.word_df(word)
    } else if let Some(word) = term.strip_prefix(TITLE_PREFIX) {
        lexicon.word_df(word)
    } else if let Some(name) = term.strip_prefix(ENTITY_PREFIX) {
        lexicon.entity_df(name)
    } else {
        0
    }
}

impl StoryIndex {
    /// An empty index with the default settings and the trained model.
    pub fn new() -> StoryIndex {
        StoryIndex::with_settings(Settings::default())
    }

    /// An empty index with `settings`.
    pub fn with_settings(settings: Settings) -> StoryIndex {
        StoryIndex {
            settings,
            ..StoryIndex::default()
        }
    }

    /// An empty index with `settings` reading `lexicon` (stop words and
    /// background frequencies) instead of the standard one.
    pub fn with_lexicon(settings: Settings, lexicon: Arc<Lexicon>) -> StoryIndex {
        StoryIndex {
            settings,
            lexicon: IndexLexicon(lexicon),
            ..StoryIndex::default()
        }
    }

    /// The lexicon it reads.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon.0
    }

    /// The profile of an analysed document by the index's lexicon (the same
    /// as [`DocumentProfile::of`] for an index with the standard one).
    pub fn profile(&self, doc: &Document) -> DocumentProfile {
        DocumentProfile::of_with(doc, &self.lexicon.0)
    }

    /// The settings it groups by.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Rebuilds the lookup tables a deserialised index does not carry.
    pub fn restore(mut self) -> StoryIndex {
        let terms = std::mem::take(&mut self.terms);
        self.term_ids.clear();
        self.fields.clear();
        self.background_df.clear();
        self.body_word.clear();
        for term in &terms {
            self.register(term);
        }
        self.terms = terms;
        self.postings.clear();
        self.posted.clear();
        let numbers: Vec<u32> = self
            .stories
            .iter()
            .filter(|s| s.merged_into.is_none())
            .map(|s| s.number)
            .collect();
        for number in numbers {
            self.post(number);
        }
        self
    }

    /// What changed since the last call (or since the index was created or
    /// loaded), and forgets it.
    pub fn take_delta(&mut self) -> StoryDelta {
        let dirty = std::mem::take(&mut self.dirty);
        StoryDelta {
            settings: self.settings.clone(),
            documents: self.documents,
            terms: dirty
                .terms
                .into_iter()
                .filter_map(|id| {
                    let term = self.terms.get(id as usize)?.clone();
                    Some((id, term, self.df.get(id as usize).copied().unwrap_or(0)))
                })
                .collect(),
            stories: dirty
                .stories
                .into_iter()
                .filter_map(|n| self.story(n).cloned())
                .collect(),
            assignments: dirty.assignments,
        }
    }

    /// An index from what a store kept: its settings, the number of
    /// documents counted, every term with its frequency (ids 0, 1, 2, … in
    /// order), every story and each document's first story. `None` when
    /// the parts do not fit together (term ids with gaps, stories out of
    /// number order).
    pub fn from_parts(
        settings: Settings,
        documents: u32,
        terms: Vec<(u32, String, u32)>,
        stories: Vec<Story>,
        assignments: Vec<(String, u32)>,
    ) -> Option<StoryIndex> {
        let mut index = StoryIndex::with_settings(settings);
        index.documents = documents;
        for (expected, (id, term, df)) in terms.into_iter().enumerate() {
            if id as usize != expected {
                return None;
            }
            index.terms.push(term);
            index.df.push(df);
        }
        for (expected, story) in stories.into_iter().enumerate() {
            if story.number as usize != expected + 1 {
                return None;
            }
            index.stories.push(story);
        }
        let stories = index.stories.len() as u32;
        for (doc, number) in assignments {
            if number == 0 || number > stories {
                return None;
            }
            index.doc_story.insert(doc, number);
        }
        Some(index.restore())
    }

    /// Number of documents added.
    pub fn document_count(&self) -> usize {
        self.doc_story.len()
    }

    /// The live stories (not merged into another), in order of number.
    pub fn stories(&self) -> impl Iterator<Item = &Story> {
        self.stories.iter().filter(|s| s.merged_into.is_none())
    }

    /// The live story a document belongs to.
    pub fn story_of(&self, doc: &str) -> Option<&Story> {
        let number = *self.doc_story.get(doc)?;
        self.story(self.resolve(number))
    }

    /// The story with this number, whether live or merged.
    pub fn story(&self, number: u32) -> Option<&Story> {
        self.stories.get(number.checked_sub(1)? as usize)
    }

    /// Follows merges to the live story.
    pub fn resolve(&self, mut number: u32) -> u32 {
        while let Some(next) = self.story(number).and_then(|s| s.merged_into) {
            number = next;
        }
        number
    }

    /// The story's strongest entity names, strongest first.
    pub fn top_entities(&self, story: &Story, n: usize) -> Vec<String> {
        self.top_terms(story, ENTITY_PREFIX, n)
    }

    /// The story's strongest content words, strongest first.
    pub fn top_words(&self, story: &Story, n: usize) -> Vec<String> {
        self.top_terms(story, WORD_PREFIX, n)
    }

    fn top_terms(&self, story: &Story, prefix: &str, n: usize) -> Vec<String> {
        let mut terms: Vec<(&str, f32)> = story
            .profile
            .iter()
            .filter_map(|&(id, w)| {
                let term = self.terms.get(id as usize)?;
                term.strip_prefix(prefix).map(|t| (t, w))
            })
            .collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        terms
            .into_iter()
            .take(n)
            .map(|(t, _)| t.to_string())
            .collect()
    }

    /// Adds an analysed document, profiled by the index's own lexicon
    /// ([`StoryIndex::profile`]), and returns the number of the (live)
    /// story it is in.
    pub fn add_document(&mut self, doc: &Document) -> u32 {
        let profile = self.profile(doc);
        self.add(&profile)
    }

    /// Adds a document and returns the number of the (live) story it is in.
    /// A document already added keeps its story.
    pub fn add(&mut self, profile: &DocumentProfile) -> u32 {
        if let Some(&number) = self.doc_story.get(&profile.doc) {
            return self.resolve(number);
        }
        let prepared = self.prepare(profile);
        let model = &self.settings.model;
        let scored: Vec<(u32, f32)> = prepared
            .candidates
            .iter()
            .map(|(n, f)| (*n, model.probability(f)))
            .collect();
        let best = scored
            .iter()
            .copied()
            .filter(|&(_, p)| p >= self.settings.join_threshold)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(n, _)| n);
        let target = self.place(profile, &prepared, prepared.copy_of.or(best));
        // The document bridges every other story it is likely to belong to:
        // merge those likely to be one with the story it joined.
        for (other, p) in scored {
            if other == target || p < self.settings.join_threshold {
                continue;
            }
            let (a, b) = (self.resolve(target), self.resolve(other));
            if a != b
                && self.settings.model.probability(&self.story_features(a, b))
                    >= self.settings.merge_threshold
            {
                self.merge(a.min(b), a.max(b));
            }
        }
        self.resolve(target)
    }

    /// Counts the document into the term frequencies, turns it into a vector
    /// and compares it with every candidate story. Call [`StoryIndex::place`]
    /// next (training uses the two steps to place documents by a gold
    /// grouping).
    pub fn prepare(&mut self, profile: &DocumentProfile) -> Prepared {
        let vector = self.vectorize(profile);
        let copy_of = profile
            .duplicate_of
            .as_deref()
            .and_then(|d| self.doc_story.get(d).copied())
            .map(|n| self.resolve(n));
        let candidates = self
            .candidate_stories(&vector)
            .into_iter()
            .filter_map(|n| Some((n, self.features(&vector, n)?)))
            .collect();
        Prepared {
            vector,
            copy_of,
            candidates,
        }
    }

    /// The features comparing a prepared document with story `number`.
    pub fn features_for(&self, prepared: &Prepared, number: u32) -> Option<Features> {
        self.features(&prepared.vector, self.resolve(number))
    }

    /// Puts a prepared document into story `target` (a new story when
    /// `None`) and returns the story's number.
    pub fn place(
        &mut self,
        profile: &DocumentProfile,
        prepared: &Prepared,
        target: Option<u32>,
    ) -> u32 {
        let number = match target.map(|n| self.resolve(n)) {
            Some(n) if self.story(n).is_some() => n,
            _ => self.start_story(),
        };
        self.join(number, profile, &prepared.vector);
        number
    }

    /// The document's vector (tf × idf, each field normalised on its own),
    /// sorted by term id; counts the document in the frequencies first.
    fn vectorize(&mut self, profile: &DocumentProfile) -> Vec<(u32, f32)> {
        self.documents += 1;
        let mut vector: Vec<(u32, f32)> = Vec::with_capacity(profile.terms.len());
        for (term, weight) in &profile.terms {
            let id = self.intern(term);
            if let Some(df) = self.df.get_mut(id as usize) {
                *df += 1;
                self.dirty.terms.insert(id);
            }
            let idf = self.idf(id);
            if idf > 0.0 {
                vector.push((id, weight * idf));
            }
        }
        vector.sort_by_key(|&(id, _)| id);
        let norms = self.field_norms(&vector);
        for (id, w) in vector.iter_mut() {
            let n = norms[self.field(*id) as usize];
            if n > 0.0 {
                *w /= n;
            }
        }
        vector
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.term_ids.get(term) {
            return id;
        }
        let id = self.register(term);
        self.terms.push(term.to_string());
        self.df.push(0);
        id
    }

    /// Fills the lookup tables for the next term id (terms are registered in
    /// id order); a headline word also registers its body word.
    fn register(&mut self, term: &str) -> u32 {
        let id = self.fields.len() as u32;
        self.term_ids.insert(term.to_string(), id);
        self.fields.push(field_of(term));
        self.background_df
            .push(background_df_of(&self.lexicon.0, term));
        if let Some(word) = term.strip_prefix(TITLE_PREFIX) {
            if let Some(&body) = self.term_ids.get(&format!("{WORD_PREFIX}{word}")) {
                self.body_word.insert(id, body);
            }
        } else if let Some(word) = term.strip_prefix(WORD_PREFIX) {
            if let Some(&title) = self.term_ids.get(&format!("{TITLE_PREFIX}{word}")) {
                self.body_word.insert(title, id);
            }
        }
        id
    }

    fn field(&self, id: u32) -> Field {
        self.fields.get(id as usize).copied().unwrap_or(Field::Word)
    }

    fn field_norms(&self, v: &[(u32, f32)]) -> [f32; FIELDS] {
        let mut sq = [0.0f32; FIELDS];
        for &(id, w) in v {
            sq[self.field(id) as usize] += w * w;
        }
        sq.map(f32::sqrt)
    }

    /// Total documents, background included: the base of every idf.
    fn corpus_size(&self) -> f32 {
        self.lexicon.0.background_documents() as f32 + self.documents as f32 + 1.0
    }

    fn idf(&self, id: u32) -> f32 {
        let Some(&background_df) = self.background_df.get(id as usize) else {
            return 0.0;
        };
        let df = self.df.get(id as usize).copied().unwrap_or(0);
        (self.corpus_size() / (background_df as f32 + df as f32 + 1.0)).ln()
    }

    /// Live stories posted under the vector's strongest terms, the ones
    /// sharing the most weight with it first, at most `candidates`.
    fn candidate_stories(&mut self, vector: &[(u32, f32)]) -> Vec<u32> {
        let keep = self.settings.candidates;
        if keep == 0 {
            return Vec::new();
        }
        let mut strongest: Vec<&(u32, f32)> = vector.iter().collect();
        strongest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut scratch = std::mem::take(&mut self.scratch);
        let slots = self.stories.len() + 1;
        scratch.shared.resize(slots, 0.0);
        scratch.round_of.resize(slots, 0);
        scratch.round = scratch.round.wrapping_add(1);
        if scratch.round == 0 {
            scratch.round_of.iter_mut().for_each(|r| *r = 0);
            scratch.round = 1;
        }
        scratch.touched.clear();
        for &(term, weight) in strongest.into_iter().take(self.settings.query_terms) {
            // Posting lists hold live stories only (a merged story is taken
            // off them, `unpost`), so no number needs resolving here: the
            // lookup would touch every candidate story's record.
            for &n in self.postings.get(&term).map_or(&[][..], Vec::as_slice) {
                debug_assert_eq!(self.resolve(n), n);
                let Some(slot) = scratch.shared.get_mut(n as usize) else {
                    continue;
                };
                if scratch.round_of[n as usize] != scratch.round {
                    scratch.round_of[n as usize] = scratch.round;
                    scratch.touched.push(n);
                    *slot = 0.0;
                }
                *slot += weight;
            }
        }
        let mut ranked: Vec<(u32, f32)> = scratch
            .touched
            .iter()
            .map(|&n| (n, scratch.shared[n as usize]))
            .collect();
        self.scratch = scratch;
        // Story numbers are distinct, so this order is total: the best
        // `candidates` can be selected before they are sorted.
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > keep {
            ranked.select_nth_unstable_by(keep - 1, order);
            ranked.truncate(keep);
        }
        ranked.sort_by(order);
        ranked.into_iter().map(|(n, _)| n).collect()
    }

    fn features(&self, vector: &[(u32, f32)], number: u32) -> Option<Features> {
        let story = self.story(number)?;
        Some(self.compare(vector, &story.profile))
    }

    /// The features comparing story `a` (as if it were one document) with
    /// story `b`.
    fn story_features(&self, a: u32, b: u32) -> Features {
        let (Some(x), Some(y)) = (self.story(a), self.story(b)) else {
            return Features::default();
        };
        let mut unit = x.profile.clone();
        let norms = self.field_norms(&unit);
        for (id, w) in unit.iter_mut() {
            let n = norms[self.field(*id) as usize];
            if n > 0.0 {
                *w /= n;
            }
        }
        self.compare(&unit, &y.profile)
    }

    /// Per-field cosines, the cosine over all fields and the rarest headline
    /// word of `a` that `b` never uses.
    fn compare(&self, a: &[(u32, f32)], b: &[(u32, f32)]) -> Features {
        let mut dots = [0.0f32; FIELDS];
        let (mut i, mut j) = (0, 0);
        while let (Some(&(ta, wa)), Some(&(tb, wb))) = (a.get(i), b.get(j)) {
            match ta.cmp(&tb) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dots[self.field(ta) as usize] += wa * wb;
                    i += 1;
                    j += 1;
                }
            }
        }
        let (na, nb) = (self.field_norms(a), self.field_norms(b));
        let cos = |f: Field| {
            let d = na[f as usize] * nb[f as usize];
            if d > 0.0 {
                dots[f as usize] / d
            } else {
                0.0
            }
        };
        let total = |n: &[f32; FIELDS]| n.iter().map(|x| x * x).sum::<f32>().sqrt();
        let all = {
            let d = total(&na) * total(&nb);
            if d > 0.0 {
                dots.iter().sum::<f32>() / d
            } else {
                0.0
            }
        };
        // A headline word the story has never used, weighed by how rare it
        // is: the headline is about something else.
        let max_idf = self.corpus_size().ln().max(f32::EPSILON);
        let mut unmatched = 0.0f32;
        for &(id, _) in a {
            if self.field(id) != Field::Title {
                continue;
            }
            let used = self
                .body_word
                .get(&id)
                .is_some_and(|w| b.binary_search_by_key(w, |&(t, _)| t).is_ok());
            if !used {
                unmatched = unmatched.max(self.idf(id) / max_idf);
            }
        }
        Features {
            words: cos(Field::Word),
            title: cos(Field::Title),
            entities: cos(Field::Entity),
            all,
            unmatched_title: unmatched,
        }
    }

    fn start_story(&mut self) -> u32 {
        let number = self.stories.len() as u32 + 1;
        self.stories.push(Story {
            number,
            documents: Vec::new(),
            title: None,
            first: None,
            last: None,
            merged_into: None,
            profile: Vec::new(),
        });
        number
    }

    fn join(&mut self, number: u32, profile: &DocumentProfile, vector: &[(u32, f32)]) {
        self.doc_story.insert(profile.doc.clone(), number);
        self.dirty.stories.insert(number);
        self.dirty.assignments.push((profile.doc.clone(), number));
        let max_terms = self.settings.profile_terms;
        let Some(story) = self.stories.get_mut(number as usize - 1) else {
            return;
        };
        let earliest = story.documents.is_empty()
            || matches!((profile.date, story.first), (Some(d), Some(first)) if d < first);
        if earliest && profile.title.is_some() {
            story.title = profile.title.clone();
        }
        // Most stories keep one or a few documents for the index's life:
        // grow by an eighth rather than doubling.
        if story.documents.len() == story.documents.capacity() {
            story
                .documents
                .reserve_exact((story.documents.len() / 8).max(1));
        }
        story.documents.push(profile.doc.clone());
        if let Some(d) = profile.date {
            story.first = Some(story.first.map_or(d, |f| f.min(d)));
            story.last = Some(story.last.map_or(d, |l| l.max(d)));
        }
        story.profile = add_vectors(&story.profile, vector, max_terms);
        self.post(number);
    }

    /// Posts the story's strongest terms in the inverted index and takes it
    /// off the terms it no longer ranks for. A posting list holds the
    /// `posting_cap` newest stories ranking for its term, by number, so the
    /// lists depend on the profiles alone: a restored index finds the same
    /// candidates as the one that was saved.
    fn post(&mut self, number: u32) {
        let Some(story) = self.story(number) else {
            return;
        };
        let mut strongest: Vec<(u32, f32)> = story.profile.clone();
        strongest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        strongest.truncate(self.settings.posted_terms);
        let mut terms: Vec<u32> = strongest.into_iter().map(|(t, _)| t).collect();
        terms.sort_unstable();
        let before = self
            .posted
            .insert(number, terms.clone())
            .unwrap_or_default();
        for dropped in before.iter().filter(|t| terms.binary_search(t).is_err()) {
            if let Some(list) = self.postings.get_mut(dropped) {
                list.retain(|&n| n != number);
            }
        }
        let cap = self.settings.posting_cap.max(1);
        for term in terms {
            let list = self.postings.entry(term).or_default();
            if let Err(at) = list.binary_search(&number) {
                list.insert(at, number);
                if list.len() > cap {
                    list.remove(0);
                }
            }
        }
    }

    /// Takes a story off every posting list (it was merged away).
    fn unpost(&mut self, number: u32) {
        for term in self.posted.remove(&number).unwrap_or_default() {
            if let Some(list) = self.postings.get_mut(&term) {
                list.retain(|&n| n != number);
            }
        }
    }

    /// Folds story `from` into `into`.
    fn merge(&mut self, into: u32, from: u32) {
        self.dirty.stories.insert(into);
        self.dirty.stories.insert(from);
        let max_terms = self.settings.profile_terms;
        let Some(absorbed) = self.stories.get_mut(from as usize - 1) else {
            return;
        };
        absorbed.merged_into = Some(into);
        let documents = std::mem::take(&mut absorbed.documents);
        let profile = std::mem::take(&mut absorbed.profile);
        let (title, first, last) = (absorbed.title.clone(), absorbed.first, absorbed.last);
        self.unpost(from);
        let Some(story) = self.stories.get_mut(into as usize - 1) else {
            return;
        };
        story.documents.extend(documents);
        if first.is_some() && (story.first.is_none() || first < story.first) {
            story.title = title.or(story.title.take());
        }
        story.first = match (story.first, first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        story.last = match (story.last, last) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        story.profile = add_vectors(&story.profile, &profile, max_terms);
        self.post(into);
    }
}

/// The sum of two sorted vectors, cut to its `max_terms` strongest terms
/// (kept sorted by term id).
fn add_vectors(a: &[(u32, f32)], b: &[(u32, f32)], max_terms: usize) -> Vec<(u32, f32)> {
    let mut sum: Vec<(u32, f32)> = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (Some(&(ta, wa)), Some(&(tb, wb))) => match ta.cmp(&tb) {
                std::cmp::Ordering::Less => {
                    sum.push((ta, wa));
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    sum.push((tb, wb));
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    sum.push((ta, wa + wb));
                    i += 1;
                    j += 1;
                }
            },
            (Some(&x), None) => {
                sum.push(x);
                i += 1;
            }
            (None, Some(&y)) => {
                sum.push(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    if sum.len() > max_terms {
        sum.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        sum.truncate(max_terms);
        sum.sort_by_key(|&(id, _)| id);
    }
    // Kept for the story's life, one a story: room for both inputs would
    // be up to twice the profile.
    sum.shrink_to_fit();
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An index given a lexicon reads it: its stop word is no term of the
    /// profiles it builds, and its background counts set the idf base.
    /// The standard lexicon knows neither invented word.
    #[test]
    fn a_swapped_lexicon_is_read() {
        let lexicon = Arc::new(Lexicon::parse("zorp", "# documents\t40\nvelmore\t30\n"));
        let doc = Document {
            id: "d1".to_string(),
            text: "Zorp velmore quintaris harbour.".to_string(),
            ..Document::default()
        };
        let has = |p: &DocumentProfile, term: &str| p.terms.iter().any(|(t, _)| t == term);
        let standard = DocumentProfile::of(&doc);
        assert!(has(&standard, "w:zorp") && has(&standard, "w:velmore"));
        assert_eq!(Lexicon::standard().word_df("velmore"), 0);

        let mut index = StoryIndex::with_lexicon(Settings::default(), Arc::clone(&lexicon));
        let profile = index.profile(&doc);
        assert!(!has(&profile, "w:zorp") && has(&profile, "w:velmore"));
        index.add(&profile);
        let id = index.term_ids["w:velmore"];
        assert_eq!(index.background_df[id as usize], 30);
        assert_eq!(index.corpus_size(), 40.0 + 1.0 + 1.0);

        // A document added whole is profiled by the index's lexicon too.
        let mut by_document = StoryIndex::with_lexicon(Settings::default(), lexicon);
        by_document.add_document(&doc);
        assert!(by_document.term_ids.contains_key("w:velmore"));
        assert!(!by_document.term_ids.contains_key("w:zorp"));
    }
}
