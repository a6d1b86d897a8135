//! `dyad dyads`: the most active actor pairs in the store.

use super::query::{DbArg, FilterArgs};
use crate::Cli;
use anyhow::Result;
use clap::ValueEnum;
use std::io::{BufWriter, IsTerminal, Write};

/// Output of the aggregate subcommands.
#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub enum Format {
    /// Aligned columns (the default on a terminal).
    Table,
    /// One JSON object per row (the default otherwise).
    Jsonl,
}

impl Format {
    pub fn or_default(f: Option<Format>) -> Format {
        f.unwrap_or(if std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Jsonl
        })
    }
}

/// Writes rows as a table or as JSON Lines.
pub fn write_rows<T: serde::Serialize>(
    format: Format,
    headers: &[&str],
    rows: &[T],
    cells: impl Fn(&T) -> Vec<String>,
) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        Format::Table => {
            let c: Vec<Vec<String>> = rows.iter().map(cells).collect();
            dyad_export::table::write(headers, &c, &[40], &mut out)?;
        }
        Format::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// How many pairs.
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Count A→B and B→A separately.
    #[arg(long = "by-direction")]
    by_direction: bool,
    #[command(flatten)]
    filters: FilterArgs,
    #[arg(long, value_enum)]
    format: Option<Format>,
}

pub fn run(_cli: &Cli, args: &Args) -> Result<()> {
    let store = args.db.open()?;
    let rows = store.dyads(&args.filters.filter()?, args.top, args.by_direction)?;
    let arrow = if args.by_direction { "→" } else { "–" };
    write_rows(
        Format::or_default(args.format),
        &["dyad", "events", "mentions", "mean goldstein"],
        &rows,
        |d| {
            vec![
                format!("{} {arrow} {}", d.source, d.target),
                d.events.to_string(),
                d.mentions.to_string(),
                format!("{:+.2}", d.goldstein_mean),
            ]
        },
    )
}
