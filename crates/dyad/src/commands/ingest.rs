//! `dyad ingest`: code articles and add them to the event store.

use super::progress::Progress;
use crate::Cli;
use anyhow::{bail, Context, Result};
use dyad_pipeline::{default_threads, Batch, RunOptions};
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (recursive) or `-` for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The store file (created if missing).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// New articles per transaction: a killed ingest keeps every finished batch.
    #[arg(long, default_value_t = 200)]
    batch: usize,
    /// Coding threads (default: the machine's cores). Articles are stored
    /// in input order whatever the number, so ids do not depend on it.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let pipeline = super::pipeline(&cli.dicts)?;
    let mut store = dyad_store::Store::open(&args.db)?;
    let opts = RunOptions::default().threads(args.threads.unwrap_or_else(default_threads));
    let mut progress = Progress::new(cli.quiet);
    let started = Instant::now();
    // Coding runs on the worker threads; the store is written here, on the
    // sink's thread, in input order.
    let mut ingest = store.ingest_stream(args.batch);
    let run = pipeline.run_parallel(&args.paths, &opts, |batch: Batch| -> Result<()> {
        progress.update(&batch);
        for item in batch.items {
            match item {
                Ok(doc) => ingest.push(doc)?,
                Err(p) => progress.println(&format!("dyad: {p}")),
            }
        }
        Ok(())
    });
    let finished = run.and_then(|run| Ok((run, ingest.finish()?)));
    progress.finish();
    let (run, stats) = finished.with_context(|| format!("ingesting into {}", args.db.display()))?;
    if !cli.quiet {
        let c = store.counts()?;
        // from the first read to the last commit
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "dyad: read {} articles: {} new ({} syndicated copies), {} already stored, {} problems; \
             {} event mentions, {} new events; {:.1} MB in {:.2}s ({:.1} MB/s)",
            stats.read,
            stats.added,
            stats.syndicated,
            stats.duplicates,
            run.problems,
            stats.mentions,
            stats.events,
            run.bytes as f64 / 1e6,
            secs,
            run.bytes as f64 / 1e6 / secs.max(1e-9)
        );
        if !run.skips.is_empty() {
            eprintln!("dyad: skipped {}", run.skips);
        }
        eprintln!(
            "dyad: {} now holds {} articles in {} clusters, {} events from {} mentions",
            args.db.display(),
            c.articles,
            c.clusters,
            c.events,
            c.mentions
        );
    }
    if stats.read == 0 && run.problems > 0 {
        bail!("no article could be read");
    }
    Ok(())
}
