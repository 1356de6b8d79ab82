//! The pipeline: an explicit, ordered list of stages, checked so that every
//! stage reads only what ingest or an earlier stage wrote.

use std::time::Instant;

use crosscheck_text::DocContext;

use crate::stage::{Slot, Stage, StageTimes};

/// Why a list of stages cannot run in the order given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderError {
    /// A stage reads a slot nothing before it writes.
    #[error("stage {stage} reads {slot:?}, which no earlier stage writes")]
    Unwritten {
        /// The stage that reads it.
        stage: &'static str,
        /// What it reads.
        slot: Slot,
    },
    /// No standard stage has this name.
    #[error("no stage named {name:?} (the standard stages: {known})")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The standard stage names, in order, comma-separated.
        known: String,
    },
}

/// Stages in the order they run.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl Pipeline {
    /// Every per-document stage in the standard order
    /// ([`crate::stages::standard`], checked by a test).
    pub fn standard() -> Pipeline {
        Pipeline {
            stages: crate::stages::standard(),
        }
    }

    /// A pipeline running `stages` in order, when each reads only what
    /// ingest or an earlier stage writes.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, OrderError> {
        let mut written: Vec<Slot> = Slot::FROM_INGEST.to_vec();
        for stage in &stages {
            if let Some(&slot) = stage.reads().iter().find(|s| !written.contains(s)) {
                return Err(OrderError::Unwritten {
                    stage: stage.name(),
                    slot,
                });
            }
            written.extend_from_slice(stage.writes());
        }
        Ok(Pipeline { stages })
    }

    /// The standard stages named in `names`, in pipeline order, not
    /// checked for what they read, and the others not even built: for
    /// measuring what a few stages cost on their own (`crosscheck bench
    /// --stage quotes` runs quotes without entities, and without loading
    /// the entity lexicons).
    pub fn standard_only(names: &[&str]) -> Result<Pipeline, OrderError> {
        let stages =
            crate::stages::standard_only(names).map_err(|missing| OrderError::Unknown {
                name: missing.to_string(),
                known: crate::stages::standard_names()
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        Ok(Pipeline { stages })
    }

    /// Stage names in order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.stages.iter().map(|s| s.name())
    }

    /// The stages in order.
    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    /// Zero times for this pipeline's stages.
    pub fn times(&self) -> StageTimes {
        StageTimes::new(self.names())
    }

    /// Runs every stage on `ctx`.
    pub fn run(&self, ctx: &mut DocContext) {
        for stage in &self.stages {
            stage.run(ctx);
        }
    }

    /// Runs every stage on `ctx`, adding the time each took to `times`
    /// (made by [`Pipeline::times`]).
    pub fn run_profiled(&self, ctx: &mut DocContext, times: &mut StageTimes) {
        for (i, stage) in self.stages.iter().enumerate() {
            let clock = Instant::now();
            stage.run(ctx);
            times.add(i, clock.elapsed());
        }
    }
}
