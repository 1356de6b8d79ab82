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

/// Every per-document stage, in the order they run.
pub fn standard() -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(Sentences::default()),
        Box::new(Tokens),
        Box::new(Times::default()),
        Box::new(Entities::default()),
        Box::new(Quotes::default()),
        Box::new(Figures::default()),
        Box::new(Stances::default()),
        Box::new(Subjects::default()),
        Box::new(Qualify::default()),
    ]
}
