//! The ledger built story by story, so that memory is bounded by the
//! largest story rather than by the corpus (docs/partitioning.md).
//!
//! Documents come in input order with their claims. Each is given to the
//! story index (as [`crate::build_ledger`] does, in the same order) and
//! spilled to an unnamed temporary file, its entity mentions too; what
//! stays in memory is a slim copy of it (its id, dates, outlet and title, no
//! text, sentences, mentions or claims). Once the input ends, the mentions
//! are read back and the corpus-wide parts are computed from the slim
//! copies, exactly as the in-memory ledger computes
//! them: the stories, the canonical entities, the name index and which
//! entity each claim source's span mentions. Then the stories' documents and
//! claims are read back, a batch of stories at a time built on all threads,
//! and each story's claims, propositions, timelines and quote groups are
//! encoded in the output form and spilled again; last, the file is written
//! section by section in the ledger's field order. The bytes are those
//! [`crate::build_ledger`] and [`crosscheck_model::json::write_json`] (or
//! `write_lines`) give. [`PartitionedLedger::into_ledger`] builds the same
//! ledger into memory instead, for the outputs that need all of it.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crosscheck_model::json::{LedgerWriter, LineKind};
use crosscheck_model::{
    without_span_texts, Claim, Document, Entity, Ledger, Mention, OutletSourcing, Proposition,
    QuoteGroup, Sourcing, StanceTimeline, Story, TimelineEntry,
};
use crosscheck_ner::MentionTexts;
use crosscheck_stories::StoryIndex;

use crate::entities::{self, NameIndex, SourceSpans};
use crate::lexicon::Lexicon;
use crate::{dates, sourcing, stories, StoryPart};

/// Documents and claims waiting for the ledger, spilled to disk.
pub struct PartitionedLedger {
    /// The word lists the ledger's steps read.
    lexicon: Arc<Lexicon>,
    index: StoryIndex,
    spill: Spill,
    /// Each document without text, sentences or claims, in input order.
    slim: Vec<Document>,
    /// Input position of each document id.
    position: HashMap<String, usize>,
    /// Where each document and its claims are in the spill.
    slots: Vec<Slot>,
    spans: SourceSpans,
    claims: usize,
    /// Called when a corpus-wide step has let go of much memory.
    released: fn(),
}

/// Documents between two drops of the story index's record of changes.
const DELTA_EVERY: usize = 256;

/// A spilled document: its record, then its claims' record, then its
/// entity mentions with their texts.
#[derive(Debug, Clone, Copy)]
struct Slot {
    offset: u64,
    document: usize,
    claims: usize,
    mentions: usize,
}

/// What a finished ledger holds, for a run's summary.
#[derive(Debug, Clone, Default)]
pub struct LedgerCounts {
    /// Documents written.
    pub documents: usize,
    /// Claims written.
    pub claims: usize,
    /// Propositions written.
    pub propositions: usize,
    /// Canonical entities written.
    pub entities: usize,
    /// The stories, largest first (as in the ledger).
    pub stories: Vec<Story>,
}

impl PartitionedLedger {
    /// A ledger that gives documents without a story one from `index`,
    /// spilling to the system's temporary directory.
    pub fn new(index: StoryIndex) -> io::Result<PartitionedLedger> {
        Self::spilling_in(index, &std::env::temp_dir())
    }

    /// Like [`PartitionedLedger::new`], spilling to an unnamed file in `dir`
    /// (gone when the ledger is, or the process ends, however it ends).
    pub fn spilling_in(index: StoryIndex, dir: &Path) -> io::Result<PartitionedLedger> {
        Ok(PartitionedLedger {
            lexicon: Lexicon::standard(),
            index,
            spill: Spill::new(dir)?,
            slim: Vec::new(),
            position: HashMap::new(),
            slots: Vec::new(),
            spans: SourceSpans::default(),
            claims: 0,
            released: || {},
        })
    }

    /// Calls `released` each time a step of [`PartitionedLedger::write`]
    /// has let go of much memory (the story index, the documents' entity
    /// mentions), so that a binary can have its allocator hand the freed
    /// pages back to the system.
    pub fn on_release(mut self, released: fn()) -> PartitionedLedger {
        self.released = released;
        self
    }

    /// Reads `lexicon` instead of the standard lexicon.
    pub fn with_lexicon(mut self, lexicon: Arc<Lexicon>) -> PartitionedLedger {
        self.lexicon = lexicon;
        self
    }

    /// Documents added so far.
    pub fn len(&self) -> usize {
        self.slim.len()
    }

    /// True before the first document.
    pub fn is_empty(&self) -> bool {
        self.slim.is_empty()
    }

    /// Adds the next document (in input order) with its claims. A document
    /// id may come only once.
    pub fn add(&mut self, document: Document, claims: Vec<Claim>) -> io::Result<()> {
        if self.position.contains_key(&document.id) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("document {} given twice", document.id),
            ));
        }
        // As `assign_stories` does, in the same order: a document that
        // names a story keeps it, a repeat keeps its first story.
        if document.story.is_none() && self.index.story_of(&document.id).is_none() {
            self.index.add_document(&document);
        }
        // What changed in the index is for a store to save; nothing here
        // keeps it, so it is let go now and then instead of growing.
        if self.slim.len().is_multiple_of(DELTA_EVERY) {
            drop(self.index.take_delta());
        }
        for claim in &claims {
            self.spans.want(claim);
        }
        self.claims += claims.len();
        let document_record = self.spill.encode(&document)?;
        let claims_record = self.spill.encode(&claims)?;
        // The mentions are read back once the input ends, for entity
        // resolution: until then they would be the largest thing kept a
        // document. Their texts go with them, so no document text is needed.
        let mentions_record = serde_json::to_vec(&document.mentions)?;
        let offset = self.spill.append(&document_record)?;
        self.spill.append(&claims_record)?;
        self.spill.append(&mentions_record)?;
        self.slots.push(Slot {
            offset,
            document: document_record.len(),
            claims: claims_record.len(),
            mentions: mentions_record.len(),
        });
        self.position.insert(document.id.clone(), self.slim.len());
        self.slim.push(slim(document));
        Ok(())
    }

    /// Builds the ledger story by story and writes it with `out` (whose
    /// header is written; every section follows), then finishes the file.
    pub fn write<W: Write>(self, out: LedgerWriter<W>) -> io::Result<(W, LedgerCounts)> {
        let mut sink = FileSink {
            sections: Sections::new(&self.spill.dir)?,
            out,
        };
        let counts = self.build_into(&mut sink)?;
        Ok((sink.out.finish()?, counts))
    }

    /// Builds the ledger story by story into memory: the ledger
    /// [`crate::build_ledger`] gives, without the corpus-wide steps' memory
    /// (for the outputs that need the whole ledger: reports, tables).
    pub fn into_ledger(self) -> io::Result<Ledger> {
        let mut sink = MemorySink {
            ledger: Ledger::new(Vec::new(), Vec::new()),
        };
        self.build_into(&mut sink)?;
        Ok(sink.ledger)
    }

    fn build_into<S: Sink>(self, out: &mut S) -> io::Result<LedgerCounts> {
        let PartitionedLedger {
            lexicon,
            mut index,
            spill,
            mut slim,
            position,
            slots,
            spans,
            claims: claim_count,
            released,
        } = self;
        let spill = spill.finish()?;
        // Every document without a story was profiled into the index as it
        // came (`add`), so this profiles none again and the slim copies'
        // mentions, still spilled, are not missed.
        stories::assign_stories(&mut slim, &mut index);
        drop(index);
        released();
        for (doc, slot) in slim.iter_mut().zip(&slots) {
            doc.mentions = spill.read_mentions(*slot)?;
        }
        // Written without texts, the entities' mentions need no copies of
        // them.
        let texts = if out.with_text() {
            MentionTexts::Keep
        } else {
            MentionTexts::LeaveOut
        };
        let entity_list = crosscheck_ner::resolve_entities_with(&slim, texts);
        let story_list = stories::summaries(&slim, &entity_list);
        let names = NameIndex::new(&lexicon, &entity_list, &slim);
        let spans = spans.resolve(&entity_list);
        let infos = dates::doc_infos(&slim);
        // From here on the slim copies serve for their story and outlet.
        for doc in &mut slim {
            doc.mentions = Vec::new();
        }
        released();

        let mut document_sourcing: Vec<Option<Sourcing>> = vec![None; slim.len()];
        let mut propositions = 0;
        let mut visited = vec![false; slim.len()];
        // Stories are independent: a batch of them is built on all threads,
        // then handed on in story order (a batch bounds what is held).
        let build_story = |story: &Story| -> io::Result<BuiltStory> {
            let positions: Vec<usize> = story
                .documents
                .iter()
                .filter_map(|id| position.get(id).copied())
                .collect();
            let mut docs = Vec::with_capacity(positions.len());
            let mut story_claims = Vec::new();
            for &p in &positions {
                let slot = slots.get(p).copied().ok_or_else(lost)?;
                let (mut doc, claims) = spill.read(slot)?;
                doc.story = slim.get(p).and_then(|d| d.story.clone());
                docs.push(doc);
                story_claims.extend(claims);
            }
            entities::link_sources_at(&mut story_claims, &spans, &names);
            let contexts = entities::sentence_contexts(&docs, &story_claims);
            let doc_refs: Vec<&Document> = docs.iter().collect();
            let part = StoryPart::of(
                &lexicon,
                story,
                &doc_refs,
                &story_claims,
                &contexts,
                &infos,
                &names,
            );
            let per_doc = sourcing::by_document(&story_claims, &part.uncorroborated)
                .into_iter()
                .map(|(id, sourcing)| (id.to_string(), sourcing))
                .collect();
            Ok(BuiltStory {
                positions,
                claims: story_claims,
                part,
                per_doc,
            })
        };
        for batch in story_list.chunks(STORY_BATCH) {
            let built: Vec<io::Result<BuiltStory>> = batch.par_iter().map(build_story).collect();
            for story in built {
                let BuiltStory {
                    positions,
                    claims: story_claims,
                    part,
                    mut per_doc,
                } = story?;
                for &p in &positions {
                    if let Some(seen) = visited.get_mut(p) {
                        *seen = true;
                    }
                    let id = slim.get(p).map(|d| d.id.as_str()).unwrap_or_default();
                    if let Some(slot) = document_sourcing.get_mut(p) {
                        *slot = Some(per_doc.remove(id).unwrap_or_default());
                    }
                }
                for claim in story_claims {
                    out.later(Record::Claim(claim))?;
                }
                for mut p in part.propositions {
                    propositions += 1;
                    p.id = format!("p{propositions}");
                    out.later(Record::Proposition(p))?;
                }
                for entry in part.timeline {
                    out.later(Record::Timeline(entry))?;
                }
                for s in part.stance_timelines {
                    out.later(Record::StanceTimeline(s))?;
                }
                for q in part.quote_groups {
                    out.later(Record::QuoteGroup(q))?;
                }
            }
        }
        // Every document is in a story (one without a story id forms the
        // story ""), so none is left; a document left out would still be
        // written, with its claims after every story's.
        for (p, seen) in visited.iter().enumerate() {
            if *seen {
                continue;
            }
            let slot = slots.get(p).copied().ok_or_else(lost)?;
            let (_, mut claims) = spill.read(slot)?;
            entities::link_sources_at(&mut claims, &spans, &names);
            let mut per_doc = sourcing::by_document(&claims, &HashSet::new());
            let id = slim.get(p).map(|d| d.id.as_str()).unwrap_or_default();
            if let Some(slot) = document_sourcing.get_mut(p) {
                *slot = Some(per_doc.remove(id).unwrap_or_default());
            }
            for claim in claims {
                out.later(Record::Claim(claim))?;
            }
        }
        drop(names);

        let with_text = out.with_text();
        for (p, slot) in slots.iter().enumerate() {
            let mut doc = spill.read_document(*slot, with_text)?;
            doc.story = slim.get(p).and_then(|d| d.story.clone());
            doc.sourcing = Some(
                document_sourcing
                    .get(p)
                    .cloned()
                    .flatten()
                    .unwrap_or_default(),
            );
            out.now(Record::Document(doc))?;
        }
        for story in &story_list {
            out.now(Record::Story(story.clone()))?;
        }
        let entities = entity_list.len();
        for entity in entity_list {
            out.now(Record::Entity(entity))?;
        }
        out.later_done()?;
        let no_sourcing = Sourcing::default();
        let outlets = sourcing::outlet_table(
            slim.iter()
                .zip(&document_sourcing)
                .map(|(d, s)| (d.outlet.as_deref(), s.as_ref().unwrap_or(&no_sourcing))),
        );
        for outlet in outlets {
            out.now(Record::Outlet(outlet))?;
        }
        let counts = LedgerCounts {
            documents: slim.len(),
            claims: claim_count,
            propositions,
            entities,
            stories: story_list,
        };
        Ok(counts)
    }
}

fn lost() -> io::Error {
    io::Error::other("a spilled document went missing")
}

/// What the corpus-wide steps need of a document: its id, title, outlet,
/// dates, story and near-duplicate link (its entity mentions wait in the
/// spill).
fn slim(mut document: Document) -> Document {
    document.source = String::new();
    document.url = None;
    document.author = None;
    document.format = String::new();
    document.text = String::new();
    document.paragraphs = Vec::new();
    document.sentences = Vec::new();
    document.time_expressions = Vec::new();
    document.description = None;
    document.mentions = Vec::new();
    document
}

/// The temporary file documents and claims are spilled to, as JSON without
/// span texts (put back from the document's text when read).
struct Spill {
    file: BufWriter<File>,
    end: u64,
    dir: std::path::PathBuf,
}

/// A spill written to the end, ready to be read anywhere.
struct ReadSpill {
    file: File,
}

impl Spill {
    fn new(dir: &Path) -> io::Result<Spill> {
        Ok(Spill {
            file: BufWriter::with_capacity(1 << 20, tempfile::tempfile_in(dir)?),
            end: 0,
            dir: dir.to_path_buf(),
        })
    }

    fn encode<T: serde::Serialize>(&self, value: &T) -> io::Result<Vec<u8>> {
        Ok(without_span_texts(|| serde_json::to_vec(value))?)
    }

    /// Appends `bytes`, returning where they start.
    fn append(&mut self, bytes: &[u8]) -> io::Result<u64> {
        let at = self.end;
        self.file.write_all(bytes)?;
        self.end += bytes.len() as u64;
        Ok(at)
    }

    fn finish(self) -> io::Result<ReadSpill> {
        let file = self.file.into_inner().map_err(|e| e.into_error())?;
        Ok(ReadSpill { file })
    }
}

impl ReadSpill {
    fn bytes(&self, offset: u64, len: usize) -> io::Result<Vec<u8>> {
        let mut bytes = vec![0; len];
        self.file.read_exact_at(&mut bytes, offset)?;
        Ok(bytes)
    }

    /// A document and its claims, span texts restored.
    fn read(&self, slot: Slot) -> io::Result<(Document, Vec<Claim>)> {
        let doc_bytes = self.bytes(slot.offset, slot.document)?;
        let claim_bytes = self.bytes(slot.offset + slot.document as u64, slot.claims)?;
        let document: Document = serde_json::from_slice(&doc_bytes)?;
        let claims: Vec<Claim> = serde_json::from_slice(&claim_bytes)?;
        let mut ledger = Ledger::new(vec![document], claims);
        ledger.restore_span_texts().map_err(io::Error::other)?;
        let document = ledger.documents.pop().ok_or_else(lost)?;
        Ok((document, ledger.claims))
    }

    /// A document's entity mentions, with their texts.
    fn read_mentions(&self, slot: Slot) -> io::Result<Vec<Mention>> {
        let at = slot.offset + slot.document as u64 + slot.claims as u64;
        let bytes = self.bytes(at, slot.mentions)?;
        let mut mentions: Vec<Mention> = serde_json::from_slice(&bytes)?;
        mentions.shrink_to_fit();
        Ok(mentions)
    }

    /// A document alone, its span texts restored when `with_text`.
    fn read_document(&self, slot: Slot, with_text: bool) -> io::Result<Document> {
        let bytes = self.bytes(slot.offset, slot.document)?;
        let document: Document = serde_json::from_slice(&bytes)?;
        if !with_text {
            return Ok(document);
        }
        let mut ledger = Ledger::new(vec![document], Vec::new());
        ledger.restore_span_texts().map_err(io::Error::other)?;
        ledger.documents.pop().ok_or_else(lost)
    }
}

/// Stories built at once on all threads before they are handed on.
const STORY_BATCH: usize = 64;

/// One story's part of the ledger, built, with the input positions of its
/// documents and their sourcing.
struct BuiltStory {
    positions: Vec<usize>,
    claims: Vec<Claim>,
    part: StoryPart,
    per_doc: HashMap<String, Sourcing>,
}

/// One record of the ledger, as the story-by-story build hands it on.
enum Record {
    Document(Document),
    Story(Story),
    Entity(Entity),
    Claim(Claim),
    Proposition(Proposition),
    Timeline(TimelineEntry),
    StanceTimeline(StanceTimeline),
    QuoteGroup(QuoteGroup),
    Outlet(OutletSourcing),
}

impl Record {
    fn kind(&self) -> LineKind {
        match self {
            Record::Document(_) => LineKind::Document,
            Record::Story(_) => LineKind::Story,
            Record::Entity(_) => LineKind::Entity,
            Record::Claim(_) => LineKind::Claim,
            Record::Proposition(_) => LineKind::Proposition,
            Record::Timeline(_) => LineKind::Timeline,
            Record::StanceTimeline(_) => LineKind::StanceTimeline,
            Record::QuoteGroup(_) => LineKind::QuoteGroup,
            Record::Outlet(_) => LineKind::Outlet,
        }
    }
}

/// Where the ledger built story by story goes. The story by story sections
/// (claims, propositions, timelines, quote groups) are made before the
/// documents, stories and entities, but follow them in the ledger: they are
/// handed on with `later`, and `later_done` says when their turn has come.
trait Sink {
    /// Whether spans keep their texts.
    fn with_text(&self) -> bool;
    /// A record whose turn has come.
    fn now(&mut self, record: Record) -> io::Result<()>;
    /// A record of a section that follows the entities.
    fn later(&mut self, record: Record) -> io::Result<()>;
    /// Every `later` record has been handed on.
    fn later_done(&mut self) -> io::Result<()>;
}

/// A ledger file: the later sections wait in temporary files.
struct FileSink<W: Write> {
    out: LedgerWriter<W>,
    sections: Sections,
}

impl<W: Write> FileSink<W> {
    fn encode(&self, record: &Record) -> io::Result<Vec<u8>> {
        let kind = record.kind();
        match record {
            Record::Document(r) => self.out.encode(kind, r),
            Record::Story(r) => self.out.encode(kind, r),
            Record::Entity(r) => self.out.encode(kind, r),
            Record::Claim(r) => self.out.encode(kind, r),
            Record::Proposition(r) => self.out.encode(kind, r),
            Record::Timeline(r) => self.out.encode(kind, r),
            Record::StanceTimeline(r) => self.out.encode(kind, r),
            Record::QuoteGroup(r) => self.out.encode(kind, r),
            Record::Outlet(r) => self.out.encode(kind, r),
        }
    }
}

impl<W: Write> Sink for FileSink<W> {
    fn with_text(&self) -> bool {
        self.out.with_text()
    }

    fn now(&mut self, record: Record) -> io::Result<()> {
        let bytes = self.encode(&record)?;
        self.out.raw(record.kind(), &bytes)
    }

    fn later(&mut self, record: Record) -> io::Result<()> {
        let bytes = self.encode(&record)?;
        self.sections.push(record.kind(), &bytes)
    }

    fn later_done(&mut self) -> io::Result<()> {
        for kind in Sections::KINDS {
            self.sections.copy(kind, &mut self.out)?;
        }
        Ok(())
    }
}

/// A ledger in memory, span texts kept: each record goes to its place.
struct MemorySink {
    ledger: Ledger,
}

impl Sink for MemorySink {
    fn with_text(&self) -> bool {
        true
    }

    fn now(&mut self, record: Record) -> io::Result<()> {
        let ledger = &mut self.ledger;
        match record {
            Record::Document(r) => ledger.documents.push(r),
            Record::Story(r) => ledger.stories.push(r),
            Record::Entity(r) => ledger.entities.push(r),
            Record::Claim(r) => ledger.claims.push(r),
            Record::Proposition(r) => ledger.propositions.push(r),
            Record::Timeline(r) => ledger.timeline.push(r),
            Record::StanceTimeline(r) => ledger.stance_timelines.push(r),
            Record::QuoteGroup(r) => ledger.quote_groups.push(r),
            Record::Outlet(r) => ledger.outlets.push(r),
        }
        Ok(())
    }

    fn later(&mut self, record: Record) -> io::Result<()> {
        self.now(record)
    }

    fn later_done(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The sections computed story by story, each encoded record spilled to a
/// temporary file of its own (length, then bytes) until its turn comes.
struct Sections {
    files: Vec<(LineKind, BufWriter<File>)>,
}

impl Sections {
    const KINDS: [LineKind; 5] = [
        LineKind::Claim,
        LineKind::Proposition,
        LineKind::Timeline,
        LineKind::StanceTimeline,
        LineKind::QuoteGroup,
    ];

    fn new(dir: &Path) -> io::Result<Sections> {
        let mut files = Vec::new();
        for kind in Self::KINDS {
            files.push((
                kind,
                BufWriter::with_capacity(1 << 20, tempfile::tempfile_in(dir)?),
            ));
        }
        Ok(Sections { files })
    }

    fn push(&mut self, kind: LineKind, bytes: &[u8]) -> io::Result<()> {
        let (_, file) = self
            .files
            .iter_mut()
            .find(|(k, _)| *k == kind)
            .ok_or_else(lost)?;
        file.write_all(&(bytes.len() as u64).to_le_bytes())?;
        file.write_all(bytes)
    }

    /// Writes every record spilled for `kind` to `out`, in order.
    fn copy<W: Write>(&mut self, kind: LineKind, out: &mut LedgerWriter<W>) -> io::Result<()> {
        let Some(position) = self.files.iter().position(|(k, _)| *k == kind) else {
            return Ok(());
        };
        let (_, writer) = self.files.swap_remove(position);
        let mut file = writer.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut bytes = Vec::new();
        loop {
            let mut len = [0u8; 8];
            match reader.read_exact(&mut len) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => break,
                Err(e) => return Err(e),
            }
            let len = usize::try_from(u64::from_le_bytes(len)).map_err(io::Error::other)?;
            bytes.resize(len, 0);
            reader.read_exact(&mut bytes)?;
            out.raw(kind, &bytes)?;
        }
        Ok(())
    }
}
