//! `dyad`: parses arguments and calls the libraries; no coding logic here.
//!
//! Each subcommand lives in `commands/<name>.rs` with its own `Args`
//! struct; this file only lists them and dispatches.

mod commands;

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
}

fn main() {
    let cli = Cli::parse();
    let result: Result<()> = match &cli.command {
        Command::Code(a) => commands::code::run(&cli, a),
        Command::Quotes(a) => commands::quotes::run(&cli, a),
        Command::Actors(a) => commands::actors::run(&cli, a),
    };
    if let Err(e) = result {
        eprintln!("dyad: error: {e:#}");
        std::process::exit(1);
    }
}
