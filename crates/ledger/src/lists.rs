//! The ledger's word lists: data files beside the code, one entry a line,
//! `#` comments.

/// The entries of a list file: trimmed, blank lines and comments dropped.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
