//! How the process's C allocator hands freed memory back to the system.
//!
//! glibc raises its mmap threshold each time a large block is freed (up to
//! 32 MiB), so after the first few documents their text buffers, token
//! layers and claim lists come from the heap arenas instead of their own
//! mappings. The small records a run keeps between those buffers (the
//! ledger's slim copy of each document, the near-duplicate signatures)
//! then pin the freed pages, and the resident size grows with the corpus
//! although the live data does not. A fixed threshold keeps large buffers
//! in their own mappings, returned when freed, and a low trim threshold
//! hands back the top of the heap. BENCHMARKS.md ("Scale") has the figures.

/// Blocks at least this large get their own mapping.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

/// Free memory above this at the top of the heap goes back at once.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: libc::c_int = 128 * 1024;

/// Sets the thresholds above; a no-op where the allocator is not glibc's.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; it is called once,
    // before any other thread exists, with documented options and values.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}

/// Hands the free pages inside the heap back to the system (glibc returns
/// only the top of the heap by itself); for the moments a run has just let
/// go of much memory at once.
pub fn release_free_pages() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory; it takes the allocator's
    // own locks and touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}
