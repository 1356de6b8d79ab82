//! Copies every document and claim of one store into another, either back
//! end to either (a SQLite file, a `postgres://` URL), in batches of 500,
//! grouping the documents into stories again in stored order (which gives
//! the stories an incremental run gave them).
//!
//! ```text
//! cargo run --release -p crosscheck-store --example copy_store -- reuters.db postgres://postgres@127.0.0.1:5432/reuters
//! ```

use std::time::Instant;

use crosscheck_store::AnyStore;
use crosscheck_stories::StoryIndex;

const BATCH: usize = 500;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, to] = args.as_slice() else {
        eprintln!("usage: copy_store FROM TO (a store file or a postgres:// URL each)");
        std::process::exit(2);
    };
    if let Err(e) = copy(from, to) {
        eprintln!("copy_store: {e}");
        std::process::exit(1);
    }
}

fn copy(from: &str, to: &str) -> Result<(), crosscheck_store::StoreError> {
    let started = Instant::now();
    let mut source = AnyStore::open_existing(from)?;
    let (documents, claims) = source.load_all()?;
    drop(source);
    let mut target = AnyStore::open(to)?;
    let mut index = StoryIndex::new();
    let mut claims = claims.into_iter().peekable();
    let (mut added, mut skipped) = (0, 0);
    for chunk in documents.chunks(BATCH) {
        let mut batch = Vec::with_capacity(chunk.len());
        for doc in chunk {
            let mut own = Vec::new();
            while let Some(claim) = claims.next_if(|c| c.doc == doc.id) {
                own.push(claim);
            }
            index.add_document(doc);
            batch.push((doc.clone(), own));
        }
        let stats = target.add_batch_with_stories(&batch, Some(&index.take_delta()))?;
        added += stats.added;
        skipped += stats.skipped;
    }
    println!(
        "copied {from} to {}: {added} documents added, {skipped} already there, {:.1} s",
        target.name(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
