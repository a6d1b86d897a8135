//! `dyad query`: events from the store, filtered. Also defines the options
//! every store subcommand shares ([`DbArg`], [`FilterArgs`]).

use crate::Cli;
use anyhow::{bail, Result};
use chrono::NaiveDate;
use clap::ValueEnum;
use dyad_store::{EventFilter, EventRow, Page, Store};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct DbArg {
    /// The store file.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
}

impl DbArg {
    /// Opens an existing store for reading.
    pub fn open(&self) -> Result<Store> {
        if !self.db.exists() {
            bail!(
                "{}: no such store (create one with `dyad ingest PATH --db {0}`)",
                self.db.display()
            );
        }
        Ok(Store::open_read_only(&self.db)?)
    }
}

/// Event filters. Actor values in capitals (`RUS`, `RUSGOV`) match code
/// prefixes; other values (`Lavrov`) match actor names, ignoring case.
#[derive(clap::Args, Default)]
pub struct FilterArgs {
    /// Source or target actor.
    #[arg(long)]
    pub actor: Option<String>,
    #[arg(long)]
    pub source: Option<String>,
    #[arg(long)]
    pub target: Option<String>,
    /// Events between two actors, e.g. `RUS,ITA` (either direction unless --directed).
    #[arg(long, value_name = "A,B")]
    pub dyad: Option<String>,
    /// With --dyad: only A as source and B as target.
    #[arg(long)]
    pub directed: bool,
    /// CAMEO root code, e.g. 04.
    #[arg(long)]
    pub root: Option<String>,
    /// CAMEO code or prefix, e.g. 043.
    #[arg(long)]
    pub cameo: Option<String>,
    /// PLOVER event type, e.g. CONSULT.
    #[arg(long)]
    pub plover: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// Event date on or after (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Event date on or before (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Location name, or location country code.
    #[arg(long)]
    pub place: Option<String>,
    /// Outlet of an article mentioning the event.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Full-text query (SQLite FTS5 syntax) over the events' sentences.
    #[arg(long)]
    pub text: Option<String>,
}

impl FilterArgs {
    pub fn filter(&self) -> Result<EventFilter> {
        let dyad = match &self.dyad {
            None => None,
            Some(d) => match d.split_once(',') {
                Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                    Some((a.trim().to_string(), b.trim().to_string()))
                }
                _ => bail!("--dyad wants two actors separated by a comma, e.g. RUS,ITA (got {d:?})"),
            },
        };
        if self.directed && dyad.is_none() {
            bail!("--directed needs --dyad A,B");
        }
        Ok(EventFilter {
            actor: self.actor.clone(),
            source: self.source.clone(),
            target: self.target.clone(),
            dyad,
            directed: self.directed,
            root: self.root.clone(),
            cameo: self.cameo.clone(),
            plover: self.plover.clone(),
            quad: self.quad,
            from: self.from,
            to: self.to,
            place: self.place.clone(),
            outlet: self.outlet.clone(),
            text: self.text.clone(),
            article: None,
        })
    }
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub enum Format {
    /// Aligned columns (the default on a terminal).
    Table,
    /// One JSON object per event: the record fields plus id, cluster and counts (the default otherwise).
    Jsonl,
    /// The columns of `dyad export --format csv`.
    Csv,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    filters: FilterArgs,
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// At most N events.
    #[arg(long, default_value_t = 100)]
    limit: u64,
}

/// The fold part of a stored row, for the exporters.
pub fn fold(r: &EventRow) -> dyad_export::Fold {
    dyad_export::Fold {
        id: r.id,
        is_root: r.is_root,
        num_mentions: r.num_mentions,
        num_sources: r.num_sources,
        num_articles: r.num_articles,
    }
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let store = args.db.open()?;
    let filter = args.filters.filter()?;
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let rows = store.query(&filter, Page::first(args.limit))?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        Format::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| dyad_export::table::event_cells(&r.record, &fold(r)))
                .collect();
            use dyad_export::table;
            table::write(&table::EVENT_HEADERS, &cells, &table::EVENT_WIDTHS, &mut out)?;
        }
        Format::Jsonl => {
            for r in &rows {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            dyad_export::csv::write_header(&mut out)?;
            for r in &rows {
                dyad_export::csv::write_row(&r.record, &fold(r), &mut out)?;
            }
        }
    }
    out.flush()?;
    if !cli.quiet && format == Format::Table {
        let total = store.count(&filter)?;
        eprintln!("dyad: {} of {} matching events", rows.len(), total);
    }
    Ok(())
}
