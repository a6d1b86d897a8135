//! Benchmarks for dyad.
//!
//! Owns: the deterministic synthetic corpus generator ([`gen::Generator`],
//! binary `gen-corpus`): wire stories assembled from dyad's own
//! dictionaries (countries, office-holders, event patterns) and the
//! building blocks in `data/stories.txt`; and the measurement helpers of
//! the `bench` binary (peak RSS from `/proc/self/status`). Figures and
//! the commands that produce them are in `BENCHMARKS.md`.

pub mod gen;
pub mod rng;

/// The process's peak resident set size in KiB (`VmHWM`), if known.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
