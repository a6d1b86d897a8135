//! `dyad export`: stored events to a file in an interchange format.

use super::query::{fold, DbArg, FilterArgs};
use crate::Cli;
use anyhow::{Context, Result};
use clap::ValueEnum;
use dyad_store::Page;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// GDELT 2.0 event table (61 tab-separated columns, header line first).
    Gdelt,
    /// dyad's CSV columns (see `dyad_export::csv`).
    Csv,
    /// PLOVER JSON Lines (events with a PLOVER type only).
    Plover,
    /// Apache Parquet, the CSV columns typed (see `dyad_export::parquet`).
    Parquet,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    #[arg(long, value_enum)]
    format: Format,
    /// Output file; written to FILE.partial and renamed when complete.
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    filters: FilterArgs,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let store = args.db.open()?;
    let filter = args.filters.filter()?;
    let mut partial = args.out.clone().into_os_string();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let file = std::fs::File::create(&partial).with_context(|| format!("creating {}", partial.display()))?;
    let mut out = BufWriter::new(file);
    let (mut written, mut skipped) = (0u64, 0u64);
    match args.format {
        Format::Gdelt => {
            dyad_export::gdelt::write_header(&mut out)?;
            store.query_each::<anyhow::Error, _>(&filter, Page::all(), |r| {
                let url = r.record.url.clone().unwrap_or_else(|| r.record.article_id.clone());
                dyad_export::gdelt::write_record(&r.record, &fold(&r), &url, &mut out)?;
                written += 1;
                Ok(())
            })?;
        }
        Format::Csv => {
            dyad_export::csv::write_header(&mut out)?;
            store.query_each::<anyhow::Error, _>(&filter, Page::all(), |r| {
                dyad_export::csv::write_row(&r.record, &fold(&r), &mut out)?;
                written += 1;
                Ok(())
            })?;
        }
        Format::Parquet => {
            let mut w = dyad_export::parquet::Writer::new(&mut out)?;
            store.query_each::<anyhow::Error, _>(&filter, Page::all(), |r| {
                w.push(&r.record, &fold(&r))?;
                Ok(())
            })?;
            written = w.finish()?;
        }
        Format::Plover => {
            let pipeline = super::pipeline(&cli.dicts)?;
            let codebook = &pipeline.lexicon().codebook;
            store.query_each::<anyhow::Error, _>(&filter, Page::all(), |r| {
                let codes = codebook
                    .get(&r.record.cameo)
                    .map(|c| dyad_export::plover::Codes {
                        mode: c.plover_mode.clone(),
                        context: c.plover_context.clone(),
                    })
                    .unwrap_or_default();
                if dyad_export::plover::write_record(&r.record, &fold(&r), &codes, &mut out)? {
                    written += 1;
                } else {
                    skipped += 1;
                }
                Ok(())
            })?;
        }
    }
    out.flush().with_context(|| format!("writing {}", partial.display()))?;
    drop(out);
    std::fs::rename(&partial, &args.out).with_context(|| format!("renaming to {}", args.out.display()))?;
    if !cli.quiet {
        let skip = if skipped > 0 {
            format!(" ({skipped} without a PLOVER type left out)")
        } else {
            String::new()
        };
        eprintln!("dyad: wrote {written} events to {}{skip}", args.out.display());
    }
    Ok(())
}
