//! `dyad`: parses arguments and calls the libraries; no coding logic here.

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use dyad_pipeline::{DictFile, Lexicon, Pipeline};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Political event coding: news text in, who-did-what-to-whom-when-where out"
)]
struct Cli {
    /// Extra dictionary file (repeatable); see docs/dictionaries.md.
    #[arg(long = "dict", global = true, value_name = "PATH")]
    dicts: Vec<PathBuf>,
    /// No summary line on stderr.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Tsv,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles (files, directories, `-` for stdin) into event records.
    Code {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// jsonl: dyad's event records; tsv: GDELT 2.0 event-table columns.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// Print each sentence with its mentions, events and the coder's reasons.
        #[arg(long)]
        explain: bool,
    },
    /// Direct quotations with their speakers, as JSON Lines.
    Quotes {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Show every actor, place and date mention in TEXT and the entry that matched.
    Actors {
        text: String,
        /// Publication date for dated roles and relative dates (YYYY-MM-DD).
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
    },
}

fn pipeline(dicts: &[PathBuf]) -> Result<Pipeline> {
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

fn main() {
    if let Err(e) = run() {
        eprintln!("dyad: error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let cli = Cli::parse();
    let pipeline = pipeline(&cli.dicts)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match cli.command {
        Command::Code { paths, format, explain } => {
            let started = Instant::now();
            let (mut articles, mut events, mut problems, mut bytes, mut next_id) =
                (0usize, 0usize, 0usize, 0usize, 0u64);
            if matches!(format, Format::Tsv) && !explain {
                dyad_export::gdelt::write_header(&mut out)?;
            }
            for item in dyad_pipeline::read_inputs(&paths) {
                let article = match item {
                    Ok(a) => a,
                    Err(p) => {
                        eprintln!("dyad: {p}");
                        problems += 1;
                        continue;
                    }
                };
                bytes += article.original.len();
                let doc = pipeline.process_with(article, explain);
                articles += 1;
                events += doc.events.len();
                if explain {
                    dyad_export::write_explain(&doc, &mut out)?;
                } else {
                    match format {
                        Format::Jsonl => dyad_export::write_jsonl(&doc, &mut out)?,
                        Format::Tsv => dyad_export::gdelt::write_rows(&doc, &mut next_id, &mut out)?,
                    }
                }
            }
            out.flush().context("writing output")?;
            if !cli.quiet {
                let secs = started.elapsed().as_secs_f64();
                eprintln!(
                    "dyad: {articles} articles, {events} events, {problems} problems, {:.1} KB in {:.2}s",
                    bytes as f64 / 1024.0,
                    secs
                );
            }
            if articles == 0 && problems > 0 {
                bail!("no article could be read");
            }
        }
        Command::Quotes { paths } => {
            for item in dyad_pipeline::read_inputs(&paths) {
                match item {
                    Ok(a) => dyad_export::write_quotes_jsonl(&pipeline.process(a), &mut out)?,
                    Err(p) => eprintln!("dyad: {p}"),
                }
            }
        }
        Command::Actors { text, date } => {
            let doc = pipeline.process_text(&text, date);
            dyad_export::write_explain(&doc, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}
