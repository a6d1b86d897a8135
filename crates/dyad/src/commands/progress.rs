//! Progress on stderr while articles stream through (shared by the
//! subcommands that run the parallel pipeline), and the closing summary.

use dyad_pipeline::{Batch, RunStats};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

/// A spinner with articles/s and MB/s, drawn only when stderr is a
/// terminal and `--quiet` is not given.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    articles: u64,
    bytes: u64,
}

impl Progress {
    pub fn new(quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            articles: 0,
            bytes: 0,
        }
    }

    /// Counts a batch before it is written.
    pub fn update(&mut self, batch: &Batch) {
        self.articles += batch.items.iter().filter(|r| r.is_ok()).count() as u64;
        self.bytes += batch.bytes;
        if let Some(bar) = &self.bar {
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} articles ({:.0}/s), {:.1} MB ({:.1} MB/s)",
                self.articles,
                self.articles as f64 / secs,
                self.bytes as f64 / 1e6,
                self.bytes as f64 / 1e6 / secs
            ));
            bar.tick();
        }
    }

    /// Prints a line on stderr without tearing the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `dyad: 255 articles, 3400 sentences, 1100 events, 1 problems, 12.3 MB in 0.52s (23.6 MB/s)`
pub fn summary(stats: &RunStats) -> String {
    let mut s = format!(
        "dyad: {} articles, {} sentences, {} events, {} problems, {:.1} MB in {:.2}s ({:.1} MB/s)",
        stats.articles,
        stats.sentences,
        stats.events,
        stats.problems,
        stats.bytes as f64 / 1e6,
        stats.elapsed.as_secs_f64(),
        stats.mb_per_sec()
    );
    if !stats.skips.is_empty() {
        s.push_str(&format!("\ndyad: skipped {}", stats.skips));
    }
    s
}
