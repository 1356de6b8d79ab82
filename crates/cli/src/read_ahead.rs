//! Reading and analysing at the same time. Inputs are streams (a JSONL file,
//! a WARC crawl, stdin) read one after the other, so reading is serial; done
//! before analysis, it leaves the worker pool idle, and done chunk by chunk
//! on the analysing thread, it leaves the pool idle while each chunk is
//! read. Here one thread reads ahead, in input order, and hands documents
//! over in chunks through a short queue while the caller analyses the
//! previous chunk.

use std::sync::mpsc::sync_channel;

use crosscheck_ingest::{read_input, IngestError, Input};
use crosscheck_model::Document;

/// Chunks waiting in the queue at most: enough to keep the pool fed, few
/// enough that memory stays flat on any corpus size.
const QUEUE: usize = 2;

/// What the reading thread hands over, in input order.
pub enum Item {
    /// Up to `chunk` documents read from one input.
    Documents(Vec<Document>),
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
    chunk: usize,
    mut consume: impl FnMut(Item) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let chunk = chunk.max(1);
    let (tx, rx) = sync_channel::<Item>(QUEUE);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut documents = Vec::with_capacity(chunk);
            // False once the consumer has gone: the rest is not read.
            let mut open = true;
            for (index, input) in inputs.iter().enumerate() {
                read_input(input, &mut |record| {
                    if !open {
                        return;
                    }
                    match record {
                        Ok(doc) => {
                            documents.push(doc);
                            if documents.len() >= chunk {
                                let full =
                                    std::mem::replace(&mut documents, Vec::with_capacity(chunk));
                                open = tx.send(Item::Documents(full)).is_ok();
                            }
                        }
                        Err(e) => open = tx.send(Item::Failed(e)).is_ok(),
                    }
                });
                if !open || tx.send(Item::Finished(index)).is_err() {
                    return;
                }
            }
            if !documents.is_empty() {
                // The consumer may have gone; nothing is left to stop then.
                let _ = tx.send(Item::Documents(documents));
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
        read_ahead(&inputs, 2, |item| {
            match item {
                Item::Documents(docs) => {
                    sizes.push(docs.len());
                    seen.extend(docs.into_iter().map(|d| d.title.unwrap_or_default()));
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
            "{}not json at all\n{}",
            jsonl(1, "gamma"),
            jsonl(1, "delta")
        );
        let inputs = vec![write(dir.path(), "c.jsonl", &body)];
        let mut order = Vec::new();
        read_ahead(&inputs, 10, |item| {
            order.push(match item {
                Item::Documents(d) => format!("docs {}", d.len()),
                Item::Failed(_) => "failed".to_string(),
                Item::Finished(_) => "finished".to_string(),
            });
            Ok(())
        })
        .expect("read");
        assert_eq!(order, vec!["failed", "finished", "docs 2"]);
    }

    #[test]
    fn a_failing_consumer_stops_the_reader_and_its_error_is_returned() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inputs: Vec<Input> = (0..20)
            .map(|i| write(dir.path(), &format!("{i}.jsonl"), &jsonl(4, "epsilon")))
            .collect();
        let mut calls = 0;
        let result = read_ahead(&inputs, 1, |_| {
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
