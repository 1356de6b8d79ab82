//! Ledger files: the ledger as one JSON object (compact unless asked to be
//! pretty) or as JSON lines, each with span texts or with offsets only.
//!
//! Without texts a span is `{"start", "end"}`: every span's text is a slice
//! of its document's `text`, which the ledger always carries, so nothing is
//! lost and [`read_ledger`] puts the texts back.
//!
//! The JSON lines form (`ledger.jsonl`) has one object per line, so it can
//! be written while the ledger is computed and read without holding all of
//! it. The first line names the schema; every other line is one record,
//! tagged the way claims tag their payload:
//!
//! ```text
//! {"kind":"ledger","schema":"crosscheck.ledger/2","generator":"crosscheck 0.1.0"}
//! {"kind":"document","document":{"id":"4f1c…","text":"…",…}}
//! {"kind":"entity","entity":{"id":"per-ada-vell",…}}
//! {"kind":"claim","claim":{"id":"4f1c…:quote:0","kind":"quote","quote":{…},…}}
//! {"kind":"proposition","proposition":{…}}
//! ```
//!
//! Records come in the order of the ledger's fields (documents, stories,
//! entities, claims, propositions, timeline, stance timelines, quote groups,
//! outlets).

use std::io::{self, Write};

use serde::de::Error as _;
use serde::{Deserialize, Serialize};

use crate::{
    without_span_texts, Claim, Document, Entity, Ledger, OutletSourcing, Proposition, QuoteGroup,
    Span, StanceTimeline, Story, TimelineEntry, SCHEMA,
};

/// How a ledger is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JsonOptions {
    /// Indented for reading by eye (else one line, the default).
    pub pretty: bool,
    /// Every span with its text (else offsets only, the default).
    pub with_text: bool,
}

/// Runs `write` with or without span texts.
fn texts<R>(with_text: bool, write: impl FnOnce() -> R) -> R {
    if with_text {
        write()
    } else {
        without_span_texts(write)
    }
}

/// Writes `ledger` as one JSON object and a final newline.
pub fn write_json(ledger: &Ledger, mut out: impl Write, options: JsonOptions) -> io::Result<()> {
    texts(options.with_text, || {
        if options.pretty {
            serde_json::to_writer_pretty(&mut out, ledger)
        } else {
            serde_json::to_writer(&mut out, ledger)
        }
    })?;
    out.write_all(b"\n")
}

/// The form a ledger file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerForm {
    /// One JSON object (compact, or indented when `pretty`).
    Json {
        /// Indented for reading by eye.
        pretty: bool,
    },
    /// JSON lines, one record a line.
    Lines,
}

/// Writes a ledger file section by section, record by record, so that the
/// ledger never has to be held whole: the bytes are those [`write_json`] or
/// [`write_lines`] write for the same ledger. Sections come in the order of
/// the ledger's fields ([`LineKind`] order); a section not started is
/// written empty.
pub struct LedgerWriter<W: Write> {
    out: W,
    form: LedgerForm,
    with_text: bool,
    /// The next section of the JSON object to open (an index into
    /// [`SECTIONS`]), and whether the open one has a record yet.
    next: usize,
    open: Option<bool>,
}

/// The ledger's array fields, in field order.
const SECTIONS: [LineKind; 9] = [
    LineKind::Document,
    LineKind::Story,
    LineKind::Entity,
    LineKind::Claim,
    LineKind::Proposition,
    LineKind::Timeline,
    LineKind::StanceTimeline,
    LineKind::QuoteGroup,
    LineKind::Outlet,
];

impl<W: Write> LedgerWriter<W> {
    /// Starts a ledger file on `out` (its header: the schema and generator).
    pub fn new(
        mut out: W,
        form: LedgerForm,
        with_text: bool,
        generator: &str,
    ) -> io::Result<LedgerWriter<W>> {
        match form {
            LedgerForm::Lines => {
                let lines = LinesWriter::new(out, generator, with_text)?;
                out = lines.into_inner();
            }
            LedgerForm::Json { pretty } => {
                let schema = serde_json::to_string(SCHEMA)?;
                let generator = serde_json::to_string(generator)?;
                if pretty {
                    write!(
                        out,
                        "{{\n  \"schema\": {schema},\n  \"generator\": {generator}"
                    )?;
                } else {
                    write!(out, "{{\"schema\":{schema},\"generator\":{generator}")?;
                }
            }
        }
        Ok(LedgerWriter {
            out,
            form,
            with_text,
            next: 0,
            open: None,
        })
    }

    /// The bytes of one record of `kind`, as this writer writes it (a line
    /// with its newline, or an array element without its separator): for
    /// records computed before their section may be written, kept, and
    /// handed to [`LedgerWriter::raw`] later.
    pub fn encode<T: Serialize>(&self, kind: LineKind, record: &T) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        match self.form {
            LedgerForm::Lines => {
                let mut lines = LinesWriter {
                    out: &mut bytes,
                    with_text: self.with_text,
                };
                lines.record(kind, record)?;
            }
            LedgerForm::Json { pretty: false } => {
                texts(self.with_text, || serde_json::to_writer(&mut bytes, record))?;
            }
            LedgerForm::Json { pretty: true } => {
                let mut element = Vec::new();
                texts(self.with_text, || {
                    serde_json::to_writer_pretty(&mut element, record)
                })?;
                // An element of a field's array sits two levels deep; JSON
                // strings hold no raw newline, so every line break is one
                // of the layout's.
                bytes.extend_from_slice(b"    ");
                for &b in &element {
                    bytes.push(b);
                    if b == b'\n' {
                        bytes.extend_from_slice(b"    ");
                    }
                }
            }
        }
        Ok(bytes)
    }

    /// True when spans are written with their texts.
    pub fn with_text(&self) -> bool {
        self.with_text
    }

    /// Writes every record of one kind.
    pub fn records<'a, T: Serialize + 'a>(
        &mut self,
        kind: LineKind,
        records: impl IntoIterator<Item = &'a T>,
    ) -> io::Result<()> {
        for record in records {
            self.record(kind, record)?;
        }
        Ok(())
    }

    /// Writes one record of `kind`.
    pub fn record<T: Serialize>(&mut self, kind: LineKind, record: &T) -> io::Result<()> {
        let bytes = self.encode(kind, record)?;
        self.raw(kind, &bytes)
    }

    /// Writes one record of `kind` encoded by [`LedgerWriter::encode`].
    pub fn raw(&mut self, kind: LineKind, bytes: &[u8]) -> io::Result<()> {
        self.enter(kind)?;
        if let LedgerForm::Json { pretty } = self.form {
            if self.open == Some(true) {
                self.out.write_all(if pretty { b",\n" } else { b"," })?;
            } else if pretty {
                self.out.write_all(b"\n")?;
            }
            self.open = Some(true);
        }
        self.out.write_all(bytes)
    }

    /// Closes the sections before `kind` (writing those never started
    /// empty) and opens `kind`'s, unless it is open already.
    fn enter(&mut self, kind: LineKind) -> io::Result<()> {
        let Some(position) = SECTIONS.iter().position(|k| *k == kind) else {
            return Ok(());
        };
        if self.open.is_some() && self.next == position + 1 {
            return Ok(());
        }
        if position < self.next {
            return Err(io::Error::other(format!(
                "ledger section {} written after a later one",
                kind.name()
            )));
        }
        while self.next <= position {
            self.close()?;
            if let (LedgerForm::Json { pretty }, Some(section)) =
                (self.form, SECTIONS.get(self.next))
            {
                let name = section_field(*section);
                if pretty {
                    write!(self.out, ",\n  \"{name}\": [")?;
                } else {
                    write!(self.out, ",\"{name}\":[")?;
                }
            }
            self.open = Some(false);
            self.next += 1;
        }
        Ok(())
    }

    /// Ends the open section of the JSON object.
    fn close(&mut self) -> io::Result<()> {
        if let (LedgerForm::Json { pretty }, Some(filled)) = (self.form, self.open.take()) {
            self.out.write_all(match (pretty, filled) {
                (true, true) => b"\n  ]",
                _ => b"]",
            })?;
        }
        Ok(())
    }

    /// Writes the sections not written yet (empty) and the end of the file;
    /// returns the writer, flushed.
    pub fn finish(mut self) -> io::Result<W> {
        if let Some(last) = SECTIONS.last() {
            self.enter(*last)?;
        }
        self.close()?;
        if let LedgerForm::Json { pretty } = self.form {
            self.out.write_all(if pretty { b"\n}\n" } else { b"}\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The ledger field a section fills.
fn section_field(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Document => "documents",
        LineKind::Story => "stories",
        LineKind::Entity => "entities",
        LineKind::Claim => "claims",
        LineKind::Proposition => "propositions",
        LineKind::Timeline => "timeline",
        LineKind::StanceTimeline => "stance_timelines",
        LineKind::QuoteGroup => "quote_groups",
        LineKind::Outlet => "outlets",
    }
}

/// What one line of a JSON lines ledger holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A [`Document`].
    Document,
    /// A [`Story`].
    Story,
    /// An [`Entity`].
    Entity,
    /// A [`Claim`].
    Claim,
    /// A [`Proposition`].
    Proposition,
    /// A [`TimelineEntry`].
    Timeline,
    /// A [`StanceTimeline`].
    StanceTimeline,
    /// A [`QuoteGroup`].
    QuoteGroup,
    /// An [`OutletSourcing`].
    Outlet,
}

impl LineKind {
    /// The `kind` written on the line, also the name of its record's field.
    pub fn name(self) -> &'static str {
        match self {
            LineKind::Document => "document",
            LineKind::Story => "story",
            LineKind::Entity => "entity",
            LineKind::Claim => "claim",
            LineKind::Proposition => "proposition",
            LineKind::Timeline => "timeline",
            LineKind::StanceTimeline => "stance_timeline",
            LineKind::QuoteGroup => "quote_group",
            LineKind::Outlet => "outlet",
        }
    }
}

/// The JSON lines encoding [`LedgerWriter`] writes in its `Lines` form.
struct LinesWriter<W: Write> {
    out: W,
    with_text: bool,
}

impl<W: Write> LinesWriter<W> {
    /// Starts a JSON lines ledger on `out`, writing its first line.
    fn new(mut out: W, generator: &str, with_text: bool) -> io::Result<LinesWriter<W>> {
        #[derive(Serialize)]
        struct Header<'a> {
            kind: &'a str,
            schema: &'a str,
            generator: &'a str,
        }
        let header = Header {
            kind: "ledger",
            schema: SCHEMA,
            generator,
        };
        serde_json::to_writer(&mut out, &header)?;
        out.write_all(b"\n")?;
        Ok(LinesWriter { out, with_text })
    }

    /// Writes one record on a line of its own.
    fn record<T: Serialize>(&mut self, kind: LineKind, record: &T) -> io::Result<()> {
        let name = kind.name();
        write!(self.out, r#"{{"kind":"{name}","{name}":"#)?;
        texts(self.with_text, || {
            serde_json::to_writer(&mut self.out, record)
        })?;
        self.out.write_all(b"}\n")
    }

    /// The writer, for flushing or closing.
    fn into_inner(self) -> W {
        self.out
    }
}

/// Writes a whole ledger as JSON lines.
pub fn write_lines(ledger: &Ledger, out: impl Write, with_text: bool) -> io::Result<()> {
    // Taken apart field by field so that a field added to the ledger cannot
    // be forgotten here.
    let Ledger {
        schema: _,
        generator,
        documents,
        stories,
        entities,
        claims,
        propositions,
        timeline,
        stance_timelines,
        quote_groups,
        outlets,
    } = ledger;
    let mut lines = LedgerWriter::new(out, LedgerForm::Lines, with_text, generator)?;
    lines.records(LineKind::Document, documents)?;
    lines.records(LineKind::Story, stories)?;
    lines.records(LineKind::Entity, entities)?;
    lines.records(LineKind::Claim, claims)?;
    lines.records(LineKind::Proposition, propositions)?;
    lines.records(LineKind::Timeline, timeline)?;
    lines.records(LineKind::StanceTimeline, stance_timelines)?;
    lines.records(LineKind::QuoteGroup, quote_groups)?;
    lines.records(LineKind::Outlet, outlets)?;
    lines.finish().map(drop)
}

/// One line of a JSON lines ledger, read back (the large records boxed, so
/// that a line costs what it holds).
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Line {
    Ledger { schema: String, generator: String },
    Document { document: Box<Document> },
    Story { story: Story },
    Entity { entity: Entity },
    Claim { claim: Box<Claim> },
    Proposition { proposition: Proposition },
    Timeline { timeline: TimelineEntry },
    StanceTimeline { stance_timeline: StanceTimeline },
    QuoteGroup { quote_group: QuoteGroup },
    Outlet { outlet: OutletSourcing },
}

/// Reads a ledger file: one JSON object (of the current schema or
/// `crosscheck.ledger/1`, upgraded) or JSON lines, with span texts or
/// offsets only (the texts are restored from the documents).
pub fn read_ledger(text: &str) -> serde_json::Result<Ledger> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut ledger = if first.trim_start().starts_with(r#"{"kind":"ledger""#) {
        read_lines(text)?
    } else {
        crate::upgrade::ledger_from_json(text)?
    };
    ledger
        .restore_span_texts()
        .map_err(serde_json::Error::custom)?;
    Ok(ledger)
}

/// Reads a ledger of the current schema written as one JSON object from
/// `reader` as a stream, so that the file's text is never held whole, with
/// span texts or offsets only (restored from the documents). An older
/// ledger must be rewritten whole: [`read_ledger`] reads it.
pub fn read_ledger_json(reader: impl io::Read) -> serde_json::Result<Ledger> {
    let mut ledger: Ledger = serde_json::from_reader(reader)?;
    ledger
        .restore_span_texts()
        .map_err(serde_json::Error::custom)?;
    Ok(ledger)
}

/// Reads a JSON lines ledger from `reader` a line at a time, so that the
/// file's text is never held whole (only the ledger it describes), with
/// span texts or offsets only (restored from the documents).
pub fn read_ledger_lines(reader: impl io::BufRead) -> serde_json::Result<Ledger> {
    let mut ledger = read_lines_from(reader)?;
    ledger
        .restore_span_texts()
        .map_err(serde_json::Error::custom)?;
    Ok(ledger)
}

fn read_lines(text: &str) -> serde_json::Result<Ledger> {
    read_lines_from(text.as_bytes())
}

fn read_lines_from(mut reader: impl io::BufRead) -> serde_json::Result<Ledger> {
    use rayon::prelude::*;
    // Lines are parsed in batches across threads (parsing is most of the
    // time a large ledger takes to read), then added in their order.
    const BATCH_BYTES: usize = 8 << 20;
    let mut ledger = Ledger::new(Vec::new(), Vec::new());
    let mut batch: Vec<(usize, String)> = Vec::new();
    let mut batch_bytes = 0;
    let mut number = 0;
    loop {
        number += 1;
        let mut line = String::new();
        let read = reader
            .read_line(&mut line)
            .map_err(|e| serde_json::Error::custom(format!("line {number}: {e}")))?;
        if read > 0 && !line.trim().is_empty() {
            batch_bytes += line.len();
            batch.push((number, line));
        }
        if read == 0 || batch_bytes >= BATCH_BYTES {
            let parsed: Vec<serde_json::Result<(usize, Line)>> = batch
                .par_iter()
                .map(|(n, line)| {
                    serde_json::from_str(line)
                        .map(|parsed| (*n, parsed))
                        .map_err(|e| serde_json::Error::custom(format!("line {n}: {e}")))
                })
                .collect();
            batch.clear();
            batch_bytes = 0;
            for line in parsed {
                let (n, line) = line?;
                add_line(&mut ledger, line, n)?;
            }
        }
        if read == 0 {
            return Ok(ledger);
        }
    }
}

/// Adds one line's record to `ledger`; line `n` is named in an error.
fn add_line(ledger: &mut Ledger, line: Line, n: usize) -> serde_json::Result<()> {
    match line {
        Line::Ledger { schema, generator } => {
            if schema != SCHEMA {
                return Err(serde_json::Error::custom(format!(
                    "line {n}: schema {schema}, this crosscheck reads {SCHEMA}"
                )));
            }
            ledger.generator = generator;
        }
        Line::Document { document } => ledger.documents.push(*document),
        Line::Story { story } => ledger.stories.push(story),
        Line::Entity { entity } => ledger.entities.push(entity),
        Line::Claim { claim } => ledger.claims.push(*claim),
        Line::Proposition { proposition } => ledger.propositions.push(proposition),
        Line::Timeline { timeline } => ledger.timeline.push(timeline),
        Line::StanceTimeline { stance_timeline } => ledger.stance_timelines.push(stance_timeline),
        Line::QuoteGroup { quote_group } => ledger.quote_groups.push(quote_group),
        Line::Outlet { outlet } => ledger.outlets.push(outlet),
    }
    Ok(())
}

impl Ledger {
    /// Gives every span read without its text the text from its document.
    /// Fails, naming the span, when one does not fit its document or names
    /// a document the ledger does not hold.
    pub fn restore_span_texts(&mut self) -> Result<(), String> {
        let texts: std::collections::HashMap<&str, &str> = self
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d.text.as_str()))
            .collect();
        let text_of = |doc: &str| {
            texts
                .get(doc)
                .copied()
                .ok_or_else(|| format!("a span names document {doc}, which the ledger lacks"))
        };
        for entity in &mut self.entities {
            for mention in &mut entity.mentions {
                restore(&mut mention.span, text_of(&mention.doc)?, &entity.id)?;
            }
        }
        for claim in &mut self.claims {
            let text = text_of(&claim.doc)?;
            let misfit = claim
                .spans_mut()
                .into_iter()
                .find_map(|span| (!span.restore_text(text)).then_some((span.start, span.end)));
            if let Some((start, end)) = misfit {
                return Err(misfit_error(&claim.id, start, end));
            }
        }
        for doc in &mut self.documents {
            let text = doc.text.as_str();
            for mention in &mut doc.mentions {
                restore(&mut mention.span, text, &doc.id)?;
            }
            for time in &mut doc.time_expressions {
                restore(&mut time.span, text, &doc.id)?;
            }
        }
        Ok(())
    }
}

fn restore(span: &mut Span, text: &str, owner: &str) -> Result<(), String> {
    if span.restore_text(text) {
        Ok(())
    } else {
        Err(misfit_error(owner, span.start, span.end))
    }
}

fn misfit_error(owner: &str, start: usize, end: usize) -> String {
    format!("{owner}: span {start}..{end} does not fit its document's text")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Mention, Quote, Source, SourceKind};

    fn ledger() -> Ledger {
        let text = "Ada Vell said: “The dam holds.”";
        let doc = Document {
            id: "d1".into(),
            text: text.into(),
            mentions: vec![Mention {
                span: Span::of(text, 0, 8).unwrap(),
                kind: crate::EntityType::Person,
                canonical: Some("Ada Vell".into()),
                refers_to: None,
            }],
            ..Document::default()
        };
        let quote = Quote {
            text: "The dam holds.".into(),
            direct: true,
            span: Span::of(text, 18, 32).unwrap(),
        };
        let mut source = Source::unattributed();
        source.kind = SourceKind::Person;
        source.name = Some("Ada Vell".into());
        source.span = Span::of(text, 0, 8);
        let claim = Claim::new(
            "d1:quote:0".into(),
            "d1".into(),
            quote,
            0,
            Span::of(text, 0, text.len()).unwrap(),
            source,
        );
        let mut ledger = Ledger::new(vec![doc], vec![claim]);
        ledger.entities.push(Entity {
            id: "per-ada-vell".into(),
            name: "Ada Vell".into(),
            kind: crate::EntityType::Person,
            aliases: Vec::new(),
            mentions: vec![crate::EntityMention {
                doc: "d1".into(),
                span: Span::of(text, 0, 8).unwrap(),
            }],
            refers_to: None,
            coordinates: None,
        });
        ledger
    }

    fn written(ledger: &Ledger, lines: bool, options: JsonOptions) -> String {
        let mut out = Vec::new();
        if lines {
            write_lines(ledger, &mut out, options.with_text).unwrap();
        } else {
            write_json(ledger, &mut out, options).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_form_reads_back_to_the_same_ledger() {
        let ledger = ledger();
        for lines in [false, true] {
            for pretty in [false, true] {
                for with_text in [false, true] {
                    let options = JsonOptions { pretty, with_text };
                    let text = written(&ledger, lines, options);
                    let compact = text.replace(": ", ":");
                    assert_eq!(compact.contains(r#""text":"Ada Vell""#), with_text);
                    assert_eq!(read_ledger(&text).unwrap(), ledger, "{options:?} {lines}");
                }
            }
        }
    }

    #[test]
    fn compact_json_is_one_line_and_lines_are_tagged() {
        let ledger = ledger();
        assert_eq!(
            written(&ledger, false, JsonOptions::default())
                .lines()
                .count(),
            1
        );
        let lines = written(&ledger, true, JsonOptions::default());
        let kinds: Vec<String> = lines
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["kind"].to_string())
            .collect();
        assert_eq!(
            kinds,
            [r#""ledger""#, r#""document""#, r#""entity""#, r#""claim""#]
        );
        assert!(lines
            .lines()
            .nth(3)
            .unwrap()
            .contains(r#""claim":{"id":"d1:quote:0","doc":"d1","kind":"quote""#));
    }

    #[test]
    fn the_section_writer_writes_what_the_whole_writers_write() {
        let mut ledger = ledger();
        let mut second = ledger.documents[0].clone();
        second.id = "d2".into();
        ledger.documents.push(second);
        ledger.stories.push(crate::Story {
            id: "s1".into(),
            title: None,
            documents: vec!["d1".into(), "d2".into()],
            first: None,
            last: None,
            entities: Vec::new(),
            outlets: Vec::new(),
        });
        for lines in [false, true] {
            for pretty in [false, true] {
                for with_text in [false, true] {
                    if lines && pretty {
                        continue;
                    }
                    let whole = written(&ledger, lines, JsonOptions { pretty, with_text });
                    let form = if lines {
                        LedgerForm::Lines
                    } else {
                        LedgerForm::Json { pretty }
                    };
                    let mut out =
                        LedgerWriter::new(Vec::new(), form, with_text, &ledger.generator).unwrap();
                    out.records(LineKind::Document, &ledger.documents).unwrap();
                    out.record(LineKind::Story, &ledger.stories[0]).unwrap();
                    out.record(LineKind::Entity, &ledger.entities[0]).unwrap();
                    // A record encoded ahead of its turn, as the ledger built
                    // story by story keeps them.
                    let claim = out.encode(LineKind::Claim, &ledger.claims[0]).unwrap();
                    out.raw(LineKind::Claim, &claim).unwrap();
                    let by_section = String::from_utf8(out.finish().unwrap()).unwrap();
                    assert_eq!(
                        by_section, whole,
                        "lines {lines} pretty {pretty} text {with_text}"
                    );
                    let mut out =
                        LedgerWriter::new(Vec::new(), form, with_text, &ledger.generator).unwrap();
                    out.record(LineKind::Claim, &ledger.claims[0]).unwrap();
                    assert!(out
                        .record(LineKind::Document, &ledger.documents[0])
                        .is_err());
                }
            }
        }
    }

    #[test]
    fn a_span_outside_its_document_is_an_error() {
        let mut ledger = ledger();
        ledger.claims[0].span = Span {
            start: 0,
            end: 500,
            text: String::new(),
        };
        let text = written(&ledger, true, JsonOptions::default());
        let err = read_ledger(&text).unwrap_err().to_string();
        assert!(err.contains("d1:quote:0: span 0..500"), "{err}");
        let wrong = text.replace("crosscheck.ledger/2", "crosscheck.ledger/9");
        assert!(read_ledger(&wrong)
            .unwrap_err()
            .to_string()
            .contains("ledger/9"));
    }
}
