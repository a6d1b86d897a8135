//! `bench`: coding throughput (MB/s, sentences/s) at 1 and 2 threads,
//! ingest into the event store, and peak memory at two input sizes.
//!
//! ```text
//! cargo run --release -p dyad-bench --bin bench -- --mb 20              # coding, 1 and 2 threads
//! cargo run --release -p dyad-bench --bin bench -- --mb 20 --ingest     # + dyad-store ingest
//! cargo run --release -p dyad-bench --bin bench -- --rss 10,1000        # peak RSS at 10 MB and 1 GB
//! ```
//!
//! Corpora are generated with `gen-corpus`'s generator (seed 1) into the
//! work directory and reused. Wall-clock figures on a shared machine vary;
//! CPU seconds (from `/proc/self/stat`) are reported beside them.

use anyhow::{bail, Context, Result};
use clap::Parser;
use dyad_bench::gen::Generator;
use dyad_bench::peak_rss_kib;
use dyad_pipeline::{Batch, Pipeline, RunOptions, RunStats};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

// the same allocator as the dyad binary, so the figures are the binary's
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "Measure dyad's coding and ingest throughput and peak memory")]
struct Args {
    /// Size of the generated corpus for throughput runs, in MB.
    #[arg(long, default_value_t = 20.0)]
    mb: f64,
    /// Use this corpus instead of a generated one.
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Thread counts to measure coding at.
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    threads: Vec<usize>,
    /// Also measure ingest into a dyad-store database (2 threads).
    #[arg(long)]
    ingest: bool,
    /// Measure peak RSS of a full `dyad code` run (JSON Lines written to
    /// /dev/null) on generated corpora of these sizes in MB, each in a
    /// fresh process; skips the throughput runs.
    #[arg(long, value_delimiter = ',')]
    rss: Vec<f64>,
    /// Where corpora and the store are written.
    #[arg(long, default_value = "/tmp/dyad-bench")]
    work: PathBuf,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Internal: one measured run in this process, printing its peak RSS.
    #[arg(long, hide = true)]
    child: Option<PathBuf>,
}

/// CPU seconds used by this process so far (user + system).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return f64::NAN;
    };
    // fields after the parenthesised command name; utime and stime are 14 and 15
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
    // CLK_TCK is 100 on Linux for every mainstream architecture
    (ticks(11) + ticks(12)) / 100.0
}

/// A generated corpus of `mb` megabytes, created on first use.
fn corpus(work: &Path, mb: f64, seed: u64) -> Result<PathBuf> {
    std::fs::create_dir_all(work)?;
    let path = work.join(format!("corpus-{mb}mb-seed{seed}.jsonl"));
    if path.exists() {
        return Ok(path);
    }
    eprintln!("bench: generating {} ...", path.display());
    let tmp = path.with_extension("partial");
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
    let mut bytes = 0u64;
    for story in Generator::new(seed) {
        if bytes as f64 >= mb * 1e6 {
            break;
        }
        let line = story.to_jsonl();
        out.write_all(line.as_bytes())?;
        bytes += line.len() as u64;
    }
    out.flush()?;
    drop(out);
    std::fs::rename(&tmp, &path)?;
    Ok(path)
}

struct Measured {
    stats: RunStats,
    wall: f64,
    cpu: f64,
    file_mb: f64,
}

impl Measured {
    fn row(&self, what: &str, threads: usize) -> String {
        format!(
            "| {what} | {threads} | {:.1} | {:.1} | {:.0} | {:.0} | {:.1} | {:.2} | {:.1} |",
            self.file_mb,
            self.file_mb / self.wall,
            self.stats.articles as f64 / self.wall,
            self.stats.sentences as f64 / self.wall,
            self.wall,
            self.cpu,
            self.file_mb / self.cpu,
        )
    }
}

fn measure<F>(pipeline: &Pipeline, path: &Path, threads: usize, sink: F) -> Result<Measured>
where
    F: FnMut(Batch) -> Result<()>,
{
    let file_mb = std::fs::metadata(path)?.len() as f64 / 1e6;
    let opts = RunOptions::default().threads(threads);
    let (t0, c0) = (Instant::now(), cpu_seconds());
    let stats = pipeline.run_parallel(&[path.to_path_buf()], &opts, sink)?;
    Ok(Measured {
        stats,
        wall: t0.elapsed().as_secs_f64(),
        cpu: cpu_seconds() - c0,
        file_mb,
    })
}

/// The child of `--rss`: what `dyad code FILE > /dev/null` does, then VmHWM.
fn child(path: &Path) -> Result<()> {
    let pipeline = Pipeline::builtin();
    let mut out = BufWriter::new(std::io::sink());
    let m = measure(&pipeline, path, 2, |batch| {
        for doc in batch.items.into_iter().flatten() {
            dyad_export::write_jsonl(&doc, &mut out)?;
        }
        Ok(())
    })?;
    println!(
        "{} {} {:.2} {}",
        peak_rss_kib().unwrap_or(0),
        m.stats.articles,
        m.wall,
        m.stats.events
    );
    Ok(())
}

fn rss(args: &Args) -> Result<()> {
    println!("| input | articles | events | wall s | peak RSS (VmHWM) |");
    println!("|---|---|---|---|---|");
    let exe = std::env::current_exe()?;
    for &mb in &args.rss {
        let path = corpus(&args.work, mb, args.seed)?;
        let out = std::process::Command::new(&exe)
            .arg("--child")
            .arg(&path)
            .output()
            .context("running the measured child")?;
        if !out.status.success() {
            bail!("child failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let f: Vec<&str> = text.split_whitespace().collect();
        let kib: f64 = f.first().and_then(|v| v.parse().ok()).unwrap_or(0.0);
        println!(
            "| {mb} MB | {} | {} | {} | {:.1} MB |",
            f.get(1).unwrap_or(&"?"),
            f.get(3).unwrap_or(&"?"),
            f.get(2).unwrap_or(&"?"),
            kib * 1024.0 / 1e6
        );
    }
    Ok(())
}

fn main() -> Result<()> {
    let args = Args::parse();
    if let Some(path) = &args.child {
        return child(path);
    }
    if !args.rss.is_empty() {
        return rss(&args);
    }
    let path = match &args.corpus {
        Some(p) => p.clone(),
        None => corpus(&args.work, args.mb, args.seed)?,
    };
    let t0 = Instant::now();
    let pipeline = Pipeline::builtin();
    eprintln!(
        "bench: lexicon loaded in {:.2}s (not counted below)",
        t0.elapsed().as_secs_f64()
    );
    println!("| run | threads | input MB | MB/s | articles/s | sentences/s | wall s | CPU s | MB per CPU-s |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for &threads in &args.threads {
        let m = measure(&pipeline, &path, threads, |_batch| Ok(()))?;
        println!("{}", m.row("code", threads));
    }
    if args.ingest {
        let db = args.work.join("bench.db");
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
        }
        let mut store = dyad_store::Store::open(&db)?;
        // as `dyad ingest` does: one transaction per 200 new articles (its default `--batch`)
        let mut ingest = store.ingest_stream(200);
        let mut m = measure(&pipeline, &path, 2, |batch| {
            for doc in batch.items.into_iter().flatten() {
                ingest.push(doc)?;
            }
            Ok(())
        })?;
        // the last partial batch is part of the run
        let (t0, c0) = (Instant::now(), cpu_seconds());
        ingest.finish()?;
        m.wall += t0.elapsed().as_secs_f64();
        m.cpu += cpu_seconds() - c0;
        println!("{}", m.row("code + ingest (dyad-store)", 2));
    }
    Ok(())
}
