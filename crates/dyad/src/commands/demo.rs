//! `dyad demo`: the bundled sample corpus in a fresh store, served with the dashboard.

use crate::Cli;
use anyhow::{Context, Result};
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Where to write the demo store (must not exist). Default: a new file in the
    /// temporary directory, removed when the demo ends.
    #[arg(long)]
    db: Option<PathBuf>,
    /// Address to serve the dashboard on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let pipeline = super::pipeline(&cli.dicts)?;
    let temporary = args.db.is_none();
    let db = args
        .db
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("dyad-demo-{}.db", std::process::id())));
    let result = demo(cli, args, &db, pipeline);
    if temporary {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = db.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
    result
}

fn demo(cli: &Cli, args: &Args, db: &std::path::Path, pipeline: dyad_pipeline::Pipeline) -> Result<()> {
    let stats = dyad_serve::demo::build(db, &pipeline).context("building the demo store")?;
    let store = dyad_store::Store::open_read_only(db)?;
    let summary = dyad_serve::demo::summary(&store, &pipeline, 5)?;
    drop(store);
    if !std::io::stdout().is_terminal() {
        // Scripted use (CI, pipes): report what the demo holds and stop.
        print!("{summary}");
        return Ok(());
    }
    if !cli.quiet {
        eprintln!(
            "dyad: demo store {} from the sample corpus: {} articles coded",
            db.display(),
            stats.added
        );
        eprint!("{summary}");
    }
    let config = dyad_serve::Config {
        db: db.to_path_buf(),
        allow_ingest: false,
        limits: Default::default(),
    };
    let state = dyad_serve::AppState::new(config, pipeline)?;
    dyad_serve::serve(state, args.addr, |bound| {
        println!("dyad demo: open http://{bound}/ in a browser (Ctrl-C stops)");
    })?;
    Ok(())
}
