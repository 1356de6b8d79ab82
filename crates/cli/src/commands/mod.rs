pub mod analyze;
pub mod bench;
pub mod demo;
pub mod documents;
pub mod map;
pub mod reduce;
pub mod report;
pub mod stories;
