//! `dyad quotes`: direct quotations with their speakers.

use crate::Cli;
use anyhow::Result;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let pipeline = super::pipeline(&cli.dicts)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for item in dyad_pipeline::read_inputs(&args.paths) {
        match item {
            Ok(a) => dyad_export::write_quotes_jsonl(&pipeline.process(a), &mut out)?,
            Err(p) => eprintln!("dyad: {p}"),
        }
    }
    out.flush()?;
    Ok(())
}
