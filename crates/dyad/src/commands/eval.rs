//! `dyad eval GOLD.jsonl`: score the coder against a hand-coded gold file.

use crate::Cli;
use anyhow::{bail, Result};
use dyad_eval::{GoldErrors, GoldSet, Options};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Gold file (JSON Lines; format in docs/eval.md). dyad's own set is
    /// crates/dyad-eval/fixtures/gold.jsonl.
    gold: PathBuf,
    /// Print the whole evaluation (metrics and every error) as one JSON object.
    #[arg(long)]
    json: bool,
    /// How many errors the text report lists.
    #[arg(long, default_value_t = 40, value_name = "N")]
    errors: usize,
    /// Do not score coded events marked negated.
    #[arg(long)]
    skip_negated: bool,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let gold = GoldSet::read(&args.gold).map_err(|e| anyhow::anyhow!("{e}"))?;
    let pipeline = super::pipeline(&cli.dicts)?;
    let unknown = gold.check_codes(|c| pipeline.lexicon().codebook.get(c).is_some());
    if !unknown.is_empty() {
        bail!("{}", GoldErrors(unknown));
    }
    let ev = dyad_eval::evaluate(
        &pipeline,
        &gold,
        Options {
            skip_negated: args.skip_negated,
        },
    );
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &ev)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", dyad_eval::report::render(&ev, args.errors))?;
    }
    out.flush()?;
    Ok(())
}
