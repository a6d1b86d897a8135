//! `gen-corpus`: writes a deterministic synthetic corpus of wire stories.
//!
//! `cargo run --release -p dyad-bench --bin gen-corpus -- --mb 100 --seed 1 --out /tmp/corpus.jsonl`

use anyhow::{bail, Context, Result};
use clap::{Parser, ValueEnum};
use dyad_bench::gen::Generator;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per line in one file.
    Jsonl,
    /// One plain-text article per file in a directory.
    Txt,
}

#[derive(Parser)]
#[command(about = "Write a deterministic synthetic corpus of wire stories built from dyad's dictionaries")]
struct Args {
    /// Stop once this many megabytes (10^6 bytes) are written.
    #[arg(long, conflicts_with = "articles")]
    mb: Option<f64>,
    /// Stop after this many articles.
    #[arg(long)]
    articles: Option<u64>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output file (jsonl) or directory (txt).
    #[arg(long)]
    out: PathBuf,
    /// Default: txt when --out has no extension, else jsonl.
    #[arg(long, value_enum)]
    format: Option<Format>,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let format = args.format.unwrap_or(if args.out.extension().is_none() {
        Format::Txt
    } else {
        Format::Jsonl
    });
    let (max_bytes, max_articles) = match (args.mb, args.articles) {
        (Some(mb), _) => ((mb * 1e6) as u64, u64::MAX),
        (None, Some(n)) => (u64::MAX, n),
        (None, None) => bail!("give --mb or --articles"),
    };
    let mut generator = Generator::new(args.seed);
    let (mut bytes, mut articles) = (0u64, 0u64);
    match format {
        Format::Jsonl => {
            let file = std::fs::File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
            let mut out = BufWriter::with_capacity(1 << 20, file);
            while bytes < max_bytes && articles < max_articles {
                let line = generator.story().to_jsonl();
                out.write_all(line.as_bytes())?;
                bytes += line.len() as u64;
                articles += 1;
            }
            out.flush()?;
        }
        Format::Txt => {
            std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
            while bytes < max_bytes && articles < max_articles {
                let story = generator.story();
                let text = story.to_text();
                let path = args.out.join(format!("{}.txt", story.id));
                std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
                bytes += text.len() as u64;
                articles += 1;
            }
        }
    }
    eprintln!(
        "gen-corpus: {articles} articles, {:.1} MB -> {}",
        bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}
