//! `dyad top-actors`: the actor codes with the most events in the store.
//! (`dyad actors` is a different command: it explains a snippet of text.)

use super::dyads::{write_rows, Format};
use super::query::{DbArg, FilterArgs};
use crate::Cli;
use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// How many actors.
    #[arg(long, default_value_t = 20)]
    top: usize,
    #[command(flatten)]
    filters: FilterArgs,
    #[arg(long, value_enum)]
    format: Option<Format>,
}

pub fn run(_cli: &Cli, args: &Args) -> Result<()> {
    let store = args.db.open()?;
    let rows = store.actors(&args.filters.filter()?, args.top)?;
    write_rows(
        Format::or_default(args.format),
        &["code", "name", "events", "as source", "as target", "mentions"],
        &rows,
        |a| {
            vec![
                a.code.clone(),
                a.name.clone().unwrap_or_default(),
                a.events.to_string(),
                a.as_source.to_string(),
                a.as_target.to_string(),
                a.mentions.to_string(),
            ]
        },
    )
}
