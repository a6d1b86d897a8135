//! `dyad code`: articles in, event records out.

use crate::Cli;
use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

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
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let pipeline = super::pipeline(&cli.dicts)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let started = Instant::now();
    let (mut articles, mut events, mut problems, mut bytes, mut next_id) = (0usize, 0usize, 0usize, 0usize, 0u64);
    if matches!(args.format, Format::Tsv) && !args.explain {
        dyad_export::gdelt::write_header(&mut out)?;
    }
    for item in dyad_pipeline::read_inputs(&args.paths) {
        let article = match item {
            Ok(a) => a,
            Err(p) => {
                eprintln!("dyad: {p}");
                problems += 1;
                continue;
            }
        };
        bytes += article.original.len();
        let doc = pipeline.process_with(article, args.explain);
        articles += 1;
        events += doc.events.len();
        if args.explain {
            dyad_export::write_explain(&doc, &mut out)?;
        } else {
            match args.format {
                Format::Jsonl => dyad_export::write_jsonl(&doc, &mut out)?,
                Format::Tsv => dyad_export::gdelt::write_rows(&doc, &mut next_id, &mut out)?,
            }
        }
    }
    out.flush().context("writing output")?;
    if !cli.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "dyad: {articles} articles, {events} events, {problems} problems, {:.1} KB in {:.2}s",
            bytes as f64 / 1024.0,
            secs
        );
    }
    if articles == 0 && problems > 0 {
        bail!("no article could be read");
    }
    Ok(())
}
