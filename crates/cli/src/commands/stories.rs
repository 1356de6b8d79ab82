//! `crosscheck stories --db FILE`: the stories a store holds, largest
//! first, with their size, span of dates and outlets.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use crosscheck_store::Store;
use crosscheck_stories::StoryIndex;

/// One story as listed.
struct Row {
    number: u32,
    title: String,
    documents: usize,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    outlets: BTreeSet<String>,
}

pub fn run(db: &Path) -> Result<ExitCode> {
    let store = Store::open_existing(db)?;
    // A store written before stories keeps no index: group its documents
    // here, in stored order, without writing anything.
    let index = match store.load_story_index()? {
        Some(index) => index,
        None => {
            let mut index = StoryIndex::new();
            store.for_each_document(|doc| -> Result<()> {
                index.add_document(&doc);
                Ok(())
            })?;
            index
        }
    };
    let mut rows: BTreeMap<u32, Row> = BTreeMap::new();
    let mut ungrouped = 0;
    for d in store.documents()? {
        let Some(story) = index.story_of(&d.id) else {
            ungrouped += 1;
            continue;
        };
        let row = rows.entry(story.number).or_insert_with(|| Row {
            number: story.number,
            title: story
                .title
                .clone()
                .unwrap_or_else(|| "Untitled story".into()),
            documents: 0,
            first: None,
            last: None,
            outlets: BTreeSet::new(),
        });
        row.documents += 1;
        if let Some(date) = d.published {
            row.first = Some(row.first.map_or(date, |f| f.min(date)));
            row.last = Some(row.last.map_or(date, |l| l.max(date)));
        }
        if let Some(outlet) = d.outlet {
            row.outlets.insert(outlet);
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.documents
            .cmp(&a.documents)
            .then(a.first.is_none().cmp(&b.first.is_none()))
            .then(a.first.cmp(&b.first))
            .then(a.number.cmp(&b.number))
    });
    println!(
        "{:<7}  {:>5}  {:<23}  {:>7}  TITLE",
        "STORY", "DOCS", "DATES", "OUTLETS"
    );
    let documents: usize = rows.iter().map(|r| r.documents).sum();
    for r in &rows {
        let dates = match (r.first, r.last) {
            (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
            (Some(a), _) => a.to_string(),
            _ => "undated".to_string(),
        };
        println!(
            "{:<7}  {:>5}  {:<23}  {:>7}  {}",
            format!("s{}", r.number),
            r.documents,
            dates,
            r.outlets.len(),
            r.title
        );
    }
    println!("{} stories, {documents} documents", rows.len());
    if ungrouped > 0 {
        println!("{ungrouped} documents not in any story yet (run `crosscheck analyze --db` to group them)");
    }
    Ok(ExitCode::SUCCESS)
}
