//! Writes one invented news document of at least N bytes to standard
//! output, for timing long documents by hand:
//! `cargo run --release -p crosscheck-hostile --example long_document -- 8388608 > long.txt`

use std::io::Write;

fn main() {
    let bytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1 << 20);
    let seed: u64 = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let text = crosscheck_hostile::generate::long_document(bytes, seed);
    if std::io::stdout().write_all(text.as_bytes()).is_err() {
        std::process::exit(2);
    }
}
