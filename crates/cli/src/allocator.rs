//! The process's allocator, and how it hands freed memory back.
//!
//! The binary allocates with mimalloc (`main.rs`): the pipeline makes many
//! small, short-lived allocations (tokens, spans, feature strings), and
//! glibc's malloc spent about a sixth of a Reuters run in its own code.
//! mimalloc keeps freed pages for a while before returning them, which
//! would let the resident size of a long run drift up with the corpus;
//! purging at once keeps the peak close to the live data for a few percent
//! of the time saved. BENCHMARKS.md ("Scale", "Issue 16, fourth round") has
//! the figures.

/// mimalloc's `mi_option_purge_delay` (the same position in its v2 and v3
/// option lists; libmimalloc-sys exports no name for it).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Makes the allocator return freed pages at once instead of after a delay.
pub fn return_freed_memory() {
    // SAFETY: mi_option_set only changes an allocator setting; purge_delay
    // takes any value, 0 meaning "purge immediately".
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

/// Hands the free pages the allocator still holds back to the system; for
/// the moments a run has just let go of much memory at once.
pub fn release_free_pages() {
    // SAFETY: mi_collect only frees memory that no allocation uses.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
