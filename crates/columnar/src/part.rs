//! Parts: one Parquet file per table (`documents`, `mentions`, `claims`)
//! under a directory per table, so that each table directory reads as one
//! table (`DIR/claims/*.parquet`).
//!
//! A part is written beside its final place and renamed over it once
//! complete, so a rerun replaces a part and an interrupted run leaves the
//! previous one. The three files of a part carry the same run token in
//! their key-value metadata; a reader refuses a part whose files come from
//! different runs (a rerun interrupted between two renames).

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use arrow_schema::FieldRef;
use crosscheck_model::{Claim, Document};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_arrow::schema::{SchemaLike, TracingOptions};

use crate::rows::{restore_claim_texts, ClaimRow, DocumentRow, MentionRow, RowError};
use crate::ColumnarError;

/// The version of the table layout, in every file's metadata.
pub const FORMAT: &str = "crosscheck.parquet/1";

/// The tables of a part, in the order a part is renamed into place (the
/// documents last: a part whose documents file is there is complete).
pub const TABLES: [&str; 3] = ["mentions", "claims", "documents"];

const FORMAT_KEY: &str = "crosscheck.format";
const RUN_KEY: &str = "crosscheck.run";

/// Rows converted to Arrow and handed to the writer at a time.
const BATCH_ROWS: usize = 1024;
/// Encoded bytes after which a row group is closed, bounding the memory a
/// writer holds.
const ROW_GROUP_BYTES: usize = 32 << 20;

/// zstd level of every part. 9 rather than the usual 3: on Reuters it makes
/// the parts 6% smaller (19.3 MB -> 18.1 MB, under the input's 18.9 MB) for
/// about 12% more CPU in a run with `--parquet` (BENCHMARKS.md, Scale).
const ZSTD_LEVEL: i32 = 9;

/// The Arrow fields of a row type (dates as dates, plain strings and lists).
fn fields_of<R: Serialize + DeserializeOwned>(
    dates: &[&str],
) -> Result<Vec<FieldRef>, ColumnarError> {
    let mut options = TracingOptions::default()
        .strings_as_large_utf8(false)
        .sequence_as_large_list(false);
    /// A field as serde_arrow reads one.
    #[derive(Serialize)]
    struct Spec<'a> {
        name: &'a str,
        data_type: &'a str,
        nullable: bool,
    }
    for date in dates {
        let spec = Spec {
            name: date,
            data_type: "Date32",
            nullable: true,
        };
        options = options.overwrite(*date, spec)?;
    }
    Ok(Vec::<FieldRef>::from_type::<R>(options)?)
}

/// The Arrow fields of each table.
pub fn document_fields() -> Result<Vec<FieldRef>, ColumnarError> {
    fields_of::<DocumentRow>(&["published", "published_earliest", "published_latest"])
}

/// The Arrow fields of the mentions table.
pub fn mention_fields() -> Result<Vec<FieldRef>, ColumnarError> {
    fields_of::<MentionRow>(&[])
}

/// The Arrow fields of the claims table.
pub fn claim_fields() -> Result<Vec<FieldRef>, ColumnarError> {
    fields_of::<ClaimRow>(&[])
}

/// One table's file of a part being written.
struct TableWriter<R> {
    temp: PathBuf,
    dest: PathBuf,
    fields: Vec<FieldRef>,
    writer: ArrowWriter<File>,
    rows: Vec<R>,
    written: usize,
}

impl<R: Serialize> TableWriter<R> {
    fn create(
        dir: &Path,
        table: &str,
        part: &str,
        run: &str,
        fields: Vec<FieldRef>,
    ) -> Result<TableWriter<R>, ColumnarError> {
        let table_dir = dir.join(table);
        std::fs::create_dir_all(&table_dir).map_err(|e| ColumnarError::io(&table_dir, e))?;
        let dest = table_dir.join(format!("{part}.parquet"));
        let temp = table_dir.join(format!(".{part}.parquet.{run}"));
        let file = File::create(&temp).map_err(|e| ColumnarError::io(&temp, e))?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(ZSTD_LEVEL)?))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_key_value_metadata(Some(vec![
                KeyValue::new(FORMAT_KEY.to_string(), FORMAT.to_string()),
                KeyValue::new(RUN_KEY.to_string(), run.to_string()),
            ]))
            .build();
        let schema = Arc::new(arrow_schema::Schema::new(fields.clone()));
        let writer = ArrowWriter::try_new(file, schema, Some(properties))
            .map_err(|e| ColumnarError::parquet(&temp, e))?;
        Ok(TableWriter {
            temp,
            dest,
            fields,
            writer,
            rows: Vec::with_capacity(BATCH_ROWS),
            written: 0,
        })
    }

    fn push(&mut self, row: R) -> Result<(), ColumnarError> {
        self.rows.push(row);
        if self.rows.len() >= BATCH_ROWS {
            self.write_rows()?;
        }
        Ok(())
    }

    fn write_rows(&mut self) -> Result<(), ColumnarError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let batch = serde_arrow::to_record_batch(&self.fields, &self.rows)?;
        self.writer
            .write(&batch)
            .map_err(|e| ColumnarError::parquet(&self.temp, e))?;
        self.written += self.rows.len();
        self.rows.clear();
        Ok(())
    }

    /// Closes the file, leaving it under its temporary name.
    fn close(mut self) -> Result<(PathBuf, PathBuf, usize), ColumnarError> {
        self.write_rows()?;
        let file = self
            .writer
            .into_inner()
            .map_err(|e| ColumnarError::parquet(&self.temp, e))?;
        file.sync_all()
            .map_err(|e| ColumnarError::io(&self.temp, e))?;
        Ok((self.temp, self.dest, self.written))
    }
}

/// What a part holds once written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PartStats {
    /// Documents written.
    pub documents: usize,
    /// Mentions written.
    pub mentions: usize,
    /// Claims written.
    pub claims: usize,
}

/// Writes one part of a directory of Parquet tables, document by document.
pub struct PartWriter {
    documents: TableWriter<DocumentRow>,
    mentions: TableWriter<MentionRow>,
    claims: TableWriter<ClaimRow>,
}

impl PartWriter {
    /// Starts part `name` (a file name: letters, digits, `-`, `_`, `.`) of
    /// the tables under `dir`. Nothing shows in `dir` until
    /// [`PartWriter::finish`]; an earlier part of the same name stays until
    /// then.
    pub fn create(dir: &Path, name: &str) -> Result<PartWriter, ColumnarError> {
        if !is_part_name(name) {
            return Err(ColumnarError::Invalid {
                path: dir.to_path_buf(),
                message: format!(
                    "{name:?} is not a part name (letters, digits, '-', '_' and '.', not starting with '.')"
                ),
            });
        }
        let run = run_token();
        Ok(PartWriter {
            documents: TableWriter::create(dir, "documents", name, &run, document_fields()?)?,
            mentions: TableWriter::create(dir, "mentions", name, &run, mention_fields()?)?,
            claims: TableWriter::create(dir, "claims", name, &run, claim_fields()?)?,
        })
    }

    /// Adds a document with its claims; `entities` gives the ledger entity
    /// of each of its mentions, in order (empty before the ledger).
    pub fn add<'c>(
        &mut self,
        doc: &Document,
        claims: impl IntoIterator<Item = &'c Claim>,
        entities: &[Option<String>],
    ) -> Result<(), ColumnarError> {
        let seq = self.documents.written + self.documents.rows.len();
        self.documents.push(DocumentRow::of(doc, seq))?;
        for (i, mention) in doc.mentions.iter().enumerate() {
            let entity = entities.get(i).cloned().flatten();
            self.mentions
                .push(MentionRow::of(&doc.id, i, mention, entity))?;
        }
        for (i, claim) in claims.into_iter().enumerate() {
            self.claims.push(ClaimRow::of(claim, i))?;
        }
        Ok(())
    }

    /// Closes the part and puts its files in place, replacing an earlier
    /// part of the same name.
    pub fn finish(self) -> Result<PartStats, ColumnarError> {
        let mentions = self.mentions.close()?;
        let claims = self.claims.close()?;
        let documents = self.documents.close()?;
        let stats = PartStats {
            documents: documents.2,
            mentions: mentions.2,
            claims: claims.2,
        };
        // The order of TABLES: documents last.
        for (temp, dest, _) in [mentions, claims, documents] {
            std::fs::rename(&temp, &dest).map_err(|e| ColumnarError::io(&dest, e))?;
        }
        Ok(stats)
    }
}

/// A token unique to one writing of a part.
fn run_token() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{}-{nanos}", std::process::id())
}

fn is_part_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The names of the complete parts under `dir`, in name order (the order
/// a reduce reads them in).
pub fn part_names(dir: &Path) -> Result<Vec<String>, ColumnarError> {
    let documents = dir.join("documents");
    let entries = std::fs::read_dir(&documents).map_err(|e| ColumnarError::io(&documents, e))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| ColumnarError::io(&documents, e))?;
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        if let Some(name) = file.strip_suffix(".parquet") {
            if is_part_name(name) {
                names.push(name.to_string());
            }
        }
    }
    names.sort();
    Ok(names)
}

/// Reads every row of one table file, batch by batch, with the run token
/// it was written under.
fn read_table<R: DeserializeOwned>(
    path: &Path,
    mut each: impl FnMut(R) -> Result<(), ColumnarError>,
) -> Result<String, ColumnarError> {
    let file = File::open(path).map_err(|e| ColumnarError::io(path, e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| ColumnarError::parquet(path, e))?;
    let metadata = builder.metadata().file_metadata().key_value_metadata();
    let value = |key: &str| {
        metadata
            .and_then(|kv| kv.iter().find(|e| e.key == key))
            .and_then(|e| e.value.clone())
    };
    if value(FORMAT_KEY).as_deref() != Some(FORMAT) {
        return Err(ColumnarError::Invalid {
            path: path.to_path_buf(),
            message: format!("not a {FORMAT} table (written by another program or version)"),
        });
    }
    let run = value(RUN_KEY).unwrap_or_default();
    let reader = builder
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(|e| ColumnarError::parquet(path, e))?;
    for batch in reader {
        let batch = batch.map_err(|e| ColumnarError::Arrow {
            path: path.to_path_buf(),
            source: e,
        })?;
        let rows: Vec<R> = serde_arrow::from_record_batch(&batch)?;
        for row in rows {
            each(row)?;
        }
    }
    Ok(run)
}

/// One part read back: its documents in input order, each with its
/// mentions, and its claims in document order, every span with its text.
#[derive(Debug, Default)]
pub struct Part {
    /// The documents.
    pub documents: Vec<Document>,
    /// The claims of every document, in document order.
    pub claims: Vec<Claim>,
}

/// Reads part `name` of the tables under `dir`.
pub fn read_part(dir: &Path, name: &str) -> Result<Part, ColumnarError> {
    let path_of = |table: &str| dir.join(table).join(format!("{name}.parquet"));
    let invalid = |table: &str, message: String| ColumnarError::Invalid {
        path: path_of(table),
        message,
    };
    let mut rows: Vec<DocumentRow> = Vec::new();
    let run = read_table(&path_of("documents"), |row: DocumentRow| {
        rows.push(row);
        Ok(())
    })?;
    rows.sort_by_key(|r| r.seq);
    let mut documents = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.id.clone();
        documents.push(
            row.into_document()
                .map_err(|e| invalid("documents", format!("document {id}: {e}")))?,
        );
    }
    let index: HashMap<String, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();

    let mut mentions: Vec<(usize, i64, crosscheck_model::Mention)> = Vec::new();
    let mention_run = read_table(&path_of("mentions"), |row: MentionRow| {
        let doc = *index.get(&row.doc).ok_or_else(|| {
            invalid(
                "mentions",
                format!("a mention of document {}, which the part lacks", row.doc),
            )
        })?;
        let seq = row.seq;
        let mention = row
            .into_mention()
            .map_err(|e| invalid("mentions", format!("document {}: {e}", documents[doc].id)))?;
        if !mention.span.is_valid_in(&documents[doc].text) {
            return Err(invalid(
                "mentions",
                format!(
                    "document {}: a mention does not match its text",
                    documents[doc].id
                ),
            ));
        }
        mentions.push((doc, seq, mention));
        Ok(())
    })?;
    mentions.sort_by_key(|(doc, seq, _)| (*doc, *seq));
    for (doc, _, mention) in mentions {
        documents[doc].mentions.push(mention);
    }

    let mut claims: Vec<(usize, i64, Claim)> = Vec::new();
    let claim_run = read_table(&path_of("claims"), |row: ClaimRow| {
        let doc = *index.get(&row.doc).ok_or_else(|| {
            invalid(
                "claims",
                format!("a claim of document {}, which the part lacks", row.doc),
            )
        })?;
        let seq = row.seq;
        let id = row.id.clone();
        let mut claim = row
            .into_claim()
            .map_err(|e: RowError| invalid("claims", format!("claim {id}: {e}")))?;
        restore_claim_texts(&mut claim, &documents[doc].text).map_err(|e| invalid("claims", e))?;
        claims.push((doc, seq, claim));
        Ok(())
    })?;
    if mention_run != run || claim_run != run {
        return Err(invalid(
            "documents",
            format!("the files of part {name} come from different runs (one was interrupted): write the part again"),
        ));
    }
    claims.sort_by_key(|(doc, seq, _)| (*doc, *seq));
    Ok(Part {
        documents,
        claims: claims.into_iter().map(|(_, _, c)| c).collect(),
    })
}
