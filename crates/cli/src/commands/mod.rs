pub mod analyze;
pub mod bench;
pub mod demo;
pub mod documents;
pub mod report;
pub mod serve;
pub mod stories;
