//! Reading and analysing at the same time. Inputs are streams (a JSONL file,
//! a WARC crawl, stdin) read one after the other, so reading is serial; done
//! before analysis, it leaves the worker pool idle, and done chunk by chunk
//! on the analysing thread, it leaves the pool idle while each chunk is
//! read. Here one thread reads ahead, in input order, and hands records
//! over in chunks through a short queue while the caller parses and
//! analyses the previous chunk. Parsing (HTML above all) is left to the
//! caller's workers: it is the costly part of reading, and there it runs in
//! parallel and under the time limit.

use std::sync::mpsc::sync_channel;

use crosscheck_ingest::{read_records, IngestError, IngestOptions, Input, Record};

/// Chunks waiting in the queue at most: enough to keep the pool fed, few
/// enough that memory stays flat on any corpus size.
const QUEUE: usize = 2;
/// Bytes of records in one chunk at most, whatever their number: a chunk
/// of large pages must not hold gigabytes.
const CHUNK_BYTES: usize = 64 * 1024 * 1024;

/// What the reading thread hands over, in input order.
pub enum Item {
    /// Up to `chunk` records, read from one input or several.
    Records(Vec<Record>),
    /// A record or an input that could not be read.
    Failed(IngestError),
    /// The input with this index in the list has been read to its end (its
    /// last documents may still wait for the next chunk).
    Finished(usize),
}

/// Reads `inputs` in order on a thread of its own and passes what it reads
/// to `consume` on the calling thread. Chunks run across inputs, so many
/// small files still make full chunks. When
/// `consume` fails, reading stops at the next hand-over and the error is
/// returned.
pub fn read_ahead(
    inputs: &[Input],
    options: &IngestOptions,
    chunk: usize,
    mut consume: impl FnMut(Item) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let chunk = chunk.max(1);
    let (tx, rx) = sync_channel::<Item>(QUEUE);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut records = Vec::with_capacity(chunk);
            let mut bytes = 0usize;
            // False once the consumer has gone: the rest is not read.
            let mut open = true;
            for (index, input) in inputs.iter().enumerate() {
                read_records(input, options, &mut |record| {
                    if !open {
                        return;
                    }
                    match record {
                        Ok(record) => {
                            bytes += record.size();
                            records.push(record);
                            if records.len() >= chunk || bytes >= CHUNK_BYTES {
                                let full =
                                    std::mem::replace(&mut records, Vec::with_capacity(chunk));
                                bytes = 0;
                                open = tx.send(Item::Records(full)).is_ok();
                            }
                        }
                        Err(e) => open = tx.send(Item::Failed(e)).is_ok(),
                    }
                });
                if !open || tx.send(Item::Finished(index)).is_err() {
                    return;
                }
            }
            if !records.is_empty() {
                // The consumer may have gone; nothing is left to stop then.
                let _ = tx.send(Item::Records(records));
            }
        });
        // Dropping the receiver on an early return is what stops the reader.
        for item in rx {
            consume(item)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &std::path::Path, name: &str, body: &str) -> Input {
        let path = dir.join(name);
        let mut f = std::fs::File::create(&path).expect("create fixture");
        f.write_all(body.as_bytes()).expect("write fixture");
        Input::Path(path)
    }

    fn jsonl(n: usize, tag: &str) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "{{\"title\": \"{tag} item {i}\", \"text\": \"The {tag} council met on day {i} and voted on the harbour plan.\"}}\n"
                )
            })
            .collect()
    }

    #[test]
    fn chunks_keep_input_order_across_inputs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inputs = vec![
            write(dir.path(), "a.jsonl", &jsonl(5, "alpha")),
            write(dir.path(), "b.jsonl", &jsonl(3, "beta")),
        ];
        let mut seen: Vec<String> = Vec::new();
        let mut sizes = Vec::new();
        let mut finished = Vec::new();
        read_ahead(&inputs, &IngestOptions::default(), 2, |item| {
            match item {
                Item::Records(records) => {
                    sizes.push(records.len());
                    seen.extend(records.into_iter().map(|r| {
                        r.into_document()
                            .map(|d| d.title.unwrap_or_default())
                            .unwrap_or_default()
                    }));
                }
                Item::Failed(e) => panic!("unexpected failure: {e}"),
                Item::Finished(i) => finished.push(i),
            }
            Ok(())
        })
        .expect("read");
        assert_eq!(sizes, vec![2, 2, 2, 2]);
        assert_eq!(finished, vec![0, 1]);
        let expected: Vec<String> = (0..5)
            .map(|i| format!("alpha item {i}"))
            .chain((0..3).map(|i| format!("beta item {i}")))
            .collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_bad_record_is_reported_in_place_and_reading_goes_on() {
        let dir = tempfile::tempdir().expect("tempdir");
        let body = format!(
            "{}{}\n{}",
            jsonl(1, "gamma"),
            "x".repeat(2000),
            jsonl(1, "delta")
        );
        let inputs = vec![write(dir.path(), "c.jsonl", &body)];
        let options = IngestOptions {
            max_document_bytes: 1000,
            ..IngestOptions::default()
        };
        let mut order = Vec::new();
        read_ahead(&inputs, &options, 10, |item| {
            order.push(match item {
                Item::Records(d) => format!("records {}", d.len()),
                Item::Failed(_) => "failed".to_string(),
                Item::Finished(_) => "finished".to_string(),
            });
            Ok(())
        })
        .expect("read");
        assert_eq!(order, vec!["failed", "finished", "records 2"]);
    }

    #[test]
    fn a_failing_consumer_stops_the_reader_and_its_error_is_returned() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inputs: Vec<Input> = (0..20)
            .map(|i| write(dir.path(), &format!("{i}.jsonl"), &jsonl(4, "epsilon")))
            .collect();
        let mut calls = 0;
        let result = read_ahead(&inputs, &IngestOptions::default(), 1, |_| {
            calls += 1;
            if calls == 3 {
                anyhow::bail!("sink full");
            }
            Ok(())
        });
        assert_eq!(
            result.err().map(|e| e.to_string()),
            Some("sink full".into())
        );
        assert_eq!(calls, 3);
    }
}
