//! One module per subcommand, plus what they share.

pub mod actors;
pub mod code;
pub mod demo;
pub mod dyads;
pub mod eval;
pub mod export;
pub mod ingest;
/// Progress bar and summary line, shared by the streaming subcommands.
pub mod progress;
pub mod query;
pub mod quotes;
pub mod serve;
pub mod timeline;
pub mod top_actors;

use anyhow::Result;
use dyad_pipeline::{DictFile, Lexicon, Pipeline};
use std::path::PathBuf;

/// The pipeline with the built-in dictionaries and the user's `--dict` files;
/// malformed dictionary lines are reported on stderr and skipped.
pub fn pipeline(dicts: &[PathBuf]) -> Result<Pipeline> {
    let files = dicts
        .iter()
        .map(|p| DictFile::read(p).map_err(|e| anyhow::anyhow!("{e}")))
        .collect::<Result<Vec<_>>>()?;
    let (lexicon, errors) = Lexicon::load(&files);
    for e in &errors {
        eprintln!("dyad: dictionary: {e}");
    }
    Ok(Pipeline::new(lexicon))
}
