//! The per-document stages, one module each, and the standard order.
//!
//! Each stage owns what it needs (its extractor and lexicons) and is built
//! once. The entity, quote, figure and stance stages are thin adapters over
//! their crates' extractors, which read the token layer the `tokens` stage
//! cuts (see docs/architecture.md).

mod entities;
mod facts;
mod qualify;
mod quotes;
mod sentences;
mod subjects;
mod times;

pub use entities::Entities;
pub use facts::{Figures, Stances};
pub use qualify::Qualify;
pub use quotes::Quotes;
pub use sentences::{Sentences, Tokens};
pub use subjects::Subjects;
pub use times::Times;

use crate::stage::Stage;

/// Builds one stage with its extractor and lexicons.
type Build = fn() -> Box<dyn Stage>;

/// Every per-document stage by name, in the order they run. A stage is
/// built only when it is asked for: loading the entity lexicons alone
/// costs more than splitting a few megabytes of news, so a pipeline of a
/// few stages must not pay for the others.
const STANDARD: &[(&str, Build)] = &[
    ("sentences", || Box::new(Sentences::default())),
    ("tokens", || Box::new(Tokens)),
    ("times", || Box::new(Times::default())),
    ("entities", || Box::new(Entities::default())),
    ("quotes", || Box::new(Quotes::default())),
    ("figures", || Box::new(Figures::default())),
    ("stances", || Box::new(Stances::default())),
    ("subjects", || Box::new(Subjects::default())),
    ("qualify", || Box::new(Qualify::default())),
];

/// Every per-document stage, in the order they run.
pub fn standard() -> Vec<Box<dyn Stage>> {
    STANDARD.iter().map(|(_, build)| build()).collect()
}

/// The standard stages named in `names`, in the standard order, built
/// alone; `Err` with the first name that is no standard stage.
pub fn standard_only<'n>(names: &[&'n str]) -> Result<Vec<Box<dyn Stage>>, &'n str> {
    if let Some(missing) = names
        .iter()
        .find(|n| !STANDARD.iter().any(|(name, _)| name == *n))
    {
        return Err(missing);
    }
    Ok(STANDARD
        .iter()
        .filter(|(name, _)| names.contains(name))
        .map(|(_, build)| build())
        .collect())
}

/// The standard stage names, in order.
pub fn standard_names() -> impl Iterator<Item = &'static str> {
    STANDARD.iter().map(|(name, _)| *name)
}
