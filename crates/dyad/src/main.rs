//! `dyad`: parses arguments and calls the libraries; no coding logic here.
//!
//! Each subcommand lives in `commands/<name>.rs` with its own `Args`
//! struct; this file only lists them and dispatches.

mod commands;

/// Coding allocates many small strings per token; mimalloc makes the
/// coding loop about 1.5x faster than the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Political event coding: news text in, who-did-what-to-whom-when-where out"
)]
pub struct Cli {
    /// Extra dictionary file (repeatable); see docs/dictionaries.md.
    #[arg(long = "dict", global = true, value_name = "PATH")]
    pub dicts: Vec<PathBuf>,
    /// No progress or summary on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles (files, directories, `-` for stdin) into event records.
    Code(commands::code::Args),
    /// Direct quotations with their speakers, as JSON Lines.
    Quotes(commands::quotes::Args),
    /// Show every actor, place and date mention in TEXT and the entry that matched.
    Actors(commands::actors::Args),
    /// Score dyad against a hand-coded gold file (docs/eval.md).
    Eval(commands::eval::Args),
    /// Code articles and add them to the event store (--db, default dyad.db).
    Ingest(commands::ingest::Args),
    /// Stored events matching filters (table on a terminal, else JSON Lines).
    Query(commands::query::Args),
    /// The most active actor pairs in the store, with mean Goldstein.
    Dyads(commands::dyads::Args),
    /// Events between two actors per day, week or month, by quad class.
    Timeline(commands::timeline::Args),
    /// The actor codes with the most stored events (not `actors`, which explains a text).
    TopActors(commands::top_actors::Args),
    /// Write stored events as GDELT TSV, CSV, PLOVER JSON Lines or Parquet.
    Export(commands::export::Args),
    /// Serve the JSON API and the web dashboard over a store (loopback, read-only by default).
    Serve(commands::serve::Args),
    /// Code the bundled sample corpus into a fresh store and open the dashboard on it.
    Demo(commands::demo::Args),
}

fn main() {
    let cli = Cli::parse();
    let result: Result<()> = match &cli.command {
        Command::Code(a) => commands::code::run(&cli, a),
        Command::Quotes(a) => commands::quotes::run(&cli, a),
        Command::Actors(a) => commands::actors::run(&cli, a),
        Command::Eval(a) => commands::eval::run(&cli, a),
        Command::Ingest(a) => commands::ingest::run(&cli, a),
        Command::Query(a) => commands::query::run(&cli, a),
        Command::Dyads(a) => commands::dyads::run(&cli, a),
        Command::Timeline(a) => commands::timeline::run(&cli, a),
        Command::TopActors(a) => commands::top_actors::run(&cli, a),
        Command::Export(a) => commands::export::run(&cli, a),
        Command::Serve(a) => commands::serve::run(&cli, a),
        Command::Demo(a) => commands::demo::run(&cli, a),
    };
    if let Err(e) = result {
        eprintln!("dyad: error: {e:#}");
        std::process::exit(1);
    }
}
