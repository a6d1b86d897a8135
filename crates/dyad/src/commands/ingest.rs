//! `dyad ingest`: code articles and add them to the event store.

use crate::Cli;
use anyhow::{bail, Context, Result};
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
    /// Articles per transaction: a killed ingest keeps every finished batch.
    #[arg(long, default_value_t = 200)]
    batch: usize,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let pipeline = super::pipeline(&cli.dicts)?;
    let mut store = dyad_store::Store::open(&args.db)?;
    let started = Instant::now();
    let mut problems = 0u64;
    let articles = dyad_pipeline::read_inputs(&args.paths).filter_map(|item| match item {
        Ok(a) => Some(a),
        Err(p) => {
            eprintln!("dyad: {p}");
            problems += 1;
            None
        }
    });
    let stats = store
        .ingest(articles, args.batch, |a| pipeline.process(a))
        .with_context(|| format!("ingesting into {}", args.db.display()))?;
    if !cli.quiet {
        let c = store.counts()?;
        eprintln!(
            "dyad: read {} articles: {} new ({} syndicated copies), {} already stored, {} problems; \
             {} event mentions, {} new events in {:.2}s",
            stats.read,
            stats.added,
            stats.syndicated,
            stats.duplicates,
            problems,
            stats.mentions,
            stats.events,
            started.elapsed().as_secs_f64()
        );
        eprintln!(
            "dyad: {} now holds {} articles in {} clusters, {} events from {} mentions",
            args.db.display(),
            c.articles,
            c.clusters,
            c.events,
            c.mentions
        );
    }
    if stats.read == 0 && problems > 0 {
        bail!("no article could be read");
    }
    Ok(())
}
