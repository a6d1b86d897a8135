//! `dyad timeline A B`: events between two actors per day, week or month.

use super::dyads::{write_rows, Format};
use super::query::{DbArg, FilterArgs};
use crate::Cli;
use anyhow::Result;
use clap::ValueEnum;
use dyad_store::Bucket;

#[derive(Clone, Copy, ValueEnum)]
pub enum By {
    Day,
    Week,
    Month,
}

#[derive(clap::Args)]
pub struct Args {
    /// First actor (code prefix in capitals, else a name).
    a: String,
    /// Second actor.
    b: String,
    #[command(flatten)]
    db: DbArg,
    /// Period length (weeks are ISO weeks, labelled by their Monday).
    #[arg(long, value_enum, default_value = "month")]
    by: By,
    #[command(flatten)]
    filters: FilterArgs,
    #[arg(long, value_enum)]
    format: Option<Format>,
}

pub fn run(_cli: &Cli, args: &Args) -> Result<()> {
    let store = args.db.open()?;
    let mut filter = args.filters.filter()?;
    filter.dyad = Some((args.a.clone(), args.b.clone()));
    let by = match args.by {
        By::Day => Bucket::Day,
        By::Week => Bucket::Week,
        By::Month => Bucket::Month,
    };
    let rows = store.timeline(&filter, by)?;
    write_rows(
        Format::or_default(args.format),
        &[
            "period",
            "events",
            "verbal coop",
            "material coop",
            "verbal conflict",
            "material conflict",
            "goldstein sum",
            "mentions",
        ],
        &rows,
        |p| {
            let mut c = vec![p.period.clone(), p.events.to_string()];
            c.extend(p.quad.iter().map(u64::to_string));
            c.push(format!("{:+.1}", p.goldstein_sum));
            c.push(p.mentions.to_string());
            c
        },
    )
}
