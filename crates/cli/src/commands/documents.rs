use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::console::outln;

pub fn run(db: &Path) -> Result<ExitCode> {
    let store = crate::pipeline::open_to_read(db)?;
    let docs = store.documents()?;
    outln!(
        "{:<16}  {:<10}  {:<20}  {:>6}  TITLE",
        "ID",
        "DATE",
        "OUTLET",
        "WORDS"
    )?;
    for d in &docs {
        let date = d
            .published
            .map(|p| p.to_string())
            .unwrap_or_else(|| "-".into());
        let mut title = d.title.clone().unwrap_or_else(|| d.source.clone());
        if let Some(orig) = &d.duplicate_of {
            title.push_str(&format!("  [duplicate of {orig}]"));
        }
        outln!(
            "{:<16}  {:<10}  {:<20}  {:>6}  {}",
            d.id,
            date,
            truncate(d.outlet.as_deref().unwrap_or("-"), 20),
            d.words,
            title
        )?;
    }
    outln!("{} documents", docs.len())?;
    Ok(ExitCode::SUCCESS)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}
