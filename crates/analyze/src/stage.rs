//! The stage contract: what a per-document stage reads and writes on the
//! [`DocContext`], and the time each stage takes.

use std::time::Duration;

use crosscheck_model::ClaimKind;
use crosscheck_text::DocContext;

/// A part of the [`DocContext`] a stage reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The clean text (from ingest).
    Text,
    /// Paragraph ranges and kinds (from ingest).
    Paragraphs,
    /// The publication date from metadata (from ingest).
    Published,
    /// `Document::sentences`.
    Sentences,
    /// The token layer, `DocContext::tokens`.
    Tokens,
    /// `Document::time_expressions`.
    TimeExpressions,
    /// `Document::published_estimate`.
    PublishedEstimate,
    /// `Document::mentions`.
    Mentions,
    /// Claims of one kind in `DocContext::claims`.
    Claims(ClaimKind),
    /// What each figure counts and each stance is about, normalised
    /// (`quantity.measure`, `stance.matter`).
    Subjects,
    /// Every claim's hedges and time qualifier, and the claims' final order.
    ClaimQualifiers,
}

impl Slot {
    /// What ingest fills before any stage runs.
    pub const FROM_INGEST: &'static [Slot] = &[Slot::Text, Slot::Paragraphs, Slot::Published];

    /// The claims of every kind.
    pub const ALL_CLAIMS: &'static [Slot] = &[
        Slot::Claims(ClaimKind::Quote),
        Slot::Claims(ClaimKind::Quantity),
        Slot::Claims(ClaimKind::Stance),
    ];
}

/// One per-document stage. A stage is built once and shared by every
/// worker thread; `run` reads the slots named in [`Stage::reads`] and fills
/// those in [`Stage::writes`].
pub trait Stage: Send + Sync {
    /// A short name: what `crosscheck bench` prints and `--only` selects.
    fn name(&self) -> &'static str;
    /// The parts of the context the stage reads (earlier stages or ingest
    /// must write them).
    fn reads(&self) -> &'static [Slot];
    /// The parts of the context the stage writes.
    fn writes(&self) -> &'static [Slot];
    /// Runs the stage on one document.
    fn run(&self, ctx: &mut DocContext);
}

/// Time spent in each stage of a pipeline, summed over documents (wall
/// clock inside the stage, so it counts time a busy machine takes the
/// thread away too).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StageTimes {
    stages: Vec<(&'static str, Duration)>,
}

impl StageTimes {
    /// Zero times for the named stages, in pipeline order.
    pub fn new(names: impl IntoIterator<Item = &'static str>) -> StageTimes {
        StageTimes {
            stages: names.into_iter().map(|n| (n, Duration::ZERO)).collect(),
        }
    }

    /// Adds `took` to stage number `index`.
    pub fn add(&mut self, index: usize, took: Duration) {
        if let Some((_, total)) = self.stages.get_mut(index) {
            *total += took;
        }
    }

    /// Stage names and times, in pipeline order.
    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }

    /// The time of all stages together.
    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }
}

impl std::ops::AddAssign<&StageTimes> for StageTimes {
    /// Adds the times of the same stages (matched by name; stages `self`
    /// lacks are appended).
    fn add_assign(&mut self, other: &StageTimes) {
        for (name, took) in &other.stages {
            match self.stages.iter_mut().find(|(n, _)| n == name) {
                Some((_, total)) => *total += *took,
                None => self.stages.push((name, *took)),
            }
        }
    }
}
