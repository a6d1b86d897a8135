//! `dyad demo`: the bundled sample corpus (`corpus/sample`, embedded so the
//! binary works from any directory) coded into a fresh store, and a short
//! summary of what it holds.

use dyad_pipeline::Pipeline;
use dyad_store::{EventFilter, IngestStats, Store, StoreError};
use std::fmt::Write as _;
use std::path::Path;

/// The sample articles as `(file name, text)`, exactly as in `corpus/sample`.
pub const SAMPLE: &[(&str, &str)] = &[
    (
        "000_46ba96b69bd97d1b.txt",
        include_str!("../../../corpus/sample/000_46ba96b69bd97d1b.txt"),
    ),
    (
        "001_b0d4efdc87d7cf46.txt",
        include_str!("../../../corpus/sample/001_b0d4efdc87d7cf46.txt"),
    ),
    (
        "002_e008512cb5fc5f6b.txt",
        include_str!("../../../corpus/sample/002_e008512cb5fc5f6b.txt"),
    ),
    (
        "003_006d332586fce9d9.txt",
        include_str!("../../../corpus/sample/003_006d332586fce9d9.txt"),
    ),
    (
        "004_82d6cd54c4ffa80f.txt",
        include_str!("../../../corpus/sample/004_82d6cd54c4ffa80f.txt"),
    ),
];

/// Why the demo store could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{0} already exists; `dyad demo` writes a fresh store: pass another --db or delete it")]
    Exists(String),
    #[error("sample corpus, {origin}: {message}")]
    Sample { origin: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Codes the sample corpus into a new store at `db` (which must not exist).
/// Articles get the ids and origins they would have when read from
/// `corpus/sample`, so `dyad demo` and `dyad ingest corpus/sample` agree.
pub fn build(db: &Path, pipeline: &Pipeline) -> Result<IngestStats, DemoError> {
    if db.exists() {
        return Err(DemoError::Exists(db.display().to_string()));
    }
    let mut store = Store::open(db)?;
    fill(&mut store, pipeline)
}

/// Codes the sample corpus into `store`.
pub fn fill(store: &mut Store, pipeline: &Pipeline) -> Result<IngestStats, DemoError> {
    let mut articles = Vec::new();
    for (name, text) in SAMPLE {
        let path = Path::new("corpus/sample").join(name);
        let id = name.trim_end_matches(".txt");
        for r in dyad_ingest::from_bytes(text.as_bytes(), Some(&path), id, &path.display().to_string()) {
            let a = r.map_err(|p| DemoError::Sample {
                origin: p.origin,
                message: p.message,
            })?;
            articles.push(a);
        }
    }
    Ok(store.ingest(articles, 16, |a| pipeline.process(a))?)
}

/// Articles, events and the busiest dyads (country level), as printed by
/// `dyad demo` when its output is not a terminal.
pub fn summary(store: &Store, pipeline: &Pipeline, top: usize) -> Result<String, StoreError> {
    let counts = store.counts()?;
    let countries = store.code_countries()?;
    let key = |code: &str| {
        countries
            .get(code)
            .cloned()
            .flatten()
            .unwrap_or_else(|| code.to_string())
    };
    let mut pairs: Vec<((String, String), u64, f64)> = Vec::new();
    for d in store.dyads(&EventFilter::default(), 100_000, false)? {
        let (a, b) = (key(&d.source), key(&d.target));
        let k = if a <= b { (a, b) } else { (b, a) };
        match pairs.iter_mut().find(|p| p.0 == k) {
            Some(p) => {
                p.1 += d.events;
                p.2 += d.goldstein_mean * d.events as f64;
            }
            None => pairs.push((k, d.events, d.goldstein_mean * d.events as f64)),
        }
    }
    pairs.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let name = |code: &str| {
        pipeline
            .lexicon()
            .actors
            .country_name(code)
            .map_or_else(|| code.to_string(), |n| format!("{n} ({code})"))
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} articles, {} events ({} mentions)",
        counts.articles, counts.events, counts.mentions
    );
    let _ = writeln!(out, "top dyads (country level, either direction):");
    for ((a, b), n, g) in pairs.iter().take(top) {
        let _ = writeln!(
            out,
            "  {:>4}  {} – {}   mean Goldstein {:+.1}",
            n,
            name(a),
            name(b),
            g / *n as f64
        );
    }
    Ok(out)
}
