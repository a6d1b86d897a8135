//! `dyad actors "TEXT"`: every mention in a snippet and the entry behind it.

use crate::Cli;
use anyhow::Result;
use std::io::{BufWriter, Write};

#[derive(clap::Args)]
pub struct Args {
    text: String,
    /// Publication date for dated roles and relative dates (YYYY-MM-DD).
    #[arg(long)]
    date: Option<chrono::NaiveDate>,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let pipeline = super::pipeline(&cli.dicts)?;
    let doc = pipeline.process_text(&args.text, args.date);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    dyad_export::write_explain(&doc, &mut out)?;
    out.flush()?;
    Ok(())
}
