//! `dyad serve`: the JSON API and the web dashboard over a store.

use crate::Cli;
use anyhow::Result;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The store file (made by `dyad ingest`; created when --allow-ingest is given).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Address to listen on. The default accepts connections from this machine only.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Accept `POST /api/ingest` (JSON Lines articles) and write them to the store.
    #[arg(long)]
    allow_ingest: bool,
}

pub fn run(cli: &Cli, args: &Args) -> Result<()> {
    let pipeline = super::pipeline(&cli.dicts)?;
    let config = dyad_serve::Config {
        db: args.db.clone(),
        allow_ingest: args.allow_ingest,
        limits: Default::default(),
    };
    let state = dyad_serve::AppState::new(config, pipeline)?;
    if !dyad_serve::is_loopback(&args.addr) {
        eprintln!(
            "dyad: warning: listening on {}, reachable from other machines; the API has no authentication{}",
            args.addr,
            if args.allow_ingest {
                " and --allow-ingest lets anyone write to the store"
            } else {
                ""
            }
        );
    }
    let db = args.db.display().to_string();
    let ingest = args.allow_ingest;
    let quiet = cli.quiet;
    dyad_serve::serve(state, args.addr, move |bound| {
        if !quiet {
            eprintln!(
                "dyad: serving {db} ({}) at http://{bound}/ — API at http://{bound}/api/openapi.json; Ctrl-C stops",
                if ingest { "ingest enabled" } else { "read-only" }
            );
        }
    })?;
    Ok(())
}
