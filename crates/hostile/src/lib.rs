//! Hostile inputs for crosscheck (issue 14): invented text and files to
//! build them from ([`generate`]), fuzz targets for every parser and stage
//! ([`targets`]) with a fuzz driver that runs on stable Rust ([`fuzz`]),
//! and the reliability suite behind the table in BENCHMARKS.md
//! ([`suite`], run by the `crosscheck-reliability` binary).

pub mod fuzz;
pub mod generate;
pub mod suite;
pub mod targets;
