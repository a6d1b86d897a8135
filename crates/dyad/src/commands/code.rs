//! `dyad code`: articles in, event records out.

use super::progress::{summary, Progress};
use crate::Cli;
use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use dyad_pipeline::{default_threads, Batch, RunOptions};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Jsonl,
    Tsv,
}

#[derive(clap::Args)]
pub struct Args {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// jsonl: dyad's event records; tsv: GDELT 2.0 event-table columns.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Print each sentence with its mentions, events and the coder's reasons.
    #[arg(long)]
    explain: bool,
    /// Coding threads (default: the machine's cores). Output order is the
    /// input order whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let pipeline = super::pipeline(&cli.dicts)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut next_id = 0u64;
    if matches!(args.format, Format::Tsv) && !args.explain {
        dyad_export::gdelt::write_header(&mut out)?;
    }
    let opts = RunOptions::default()
        .threads(args.threads.unwrap_or_else(default_threads))
        .trace(args.explain);
    let mut progress = Progress::new(cli.quiet);
    let stats = pipeline.run_parallel(&args.paths, &opts, |batch: Batch| -> Result<()> {
        progress.update(&batch);
        for item in batch.items {
            let doc = match item {
                Ok(doc) => doc,
                Err(p) => {
                    progress.println(&format!("dyad: {p}"));
                    continue;
                }
            };
            if args.explain {
                dyad_export::write_explain(&doc, &mut out)?;
            } else {
                match args.format {
                    Format::Jsonl => dyad_export::write_jsonl(&doc, &mut out)?,
                    Format::Tsv => dyad_export::gdelt::write_rows(&doc, &mut next_id, &mut out)?,
                }
            }
        }
        Ok(())
    });
    progress.finish();
    let stats = stats.context("writing output")?;
    out.flush().context("writing output")?;
    if !cli.quiet {
        eprintln!("{}", summary(&stats));
    }
    if stats.articles == 0 && stats.problems > 0 {
        bail!("no article could be read");
    }
    Ok(())
}
