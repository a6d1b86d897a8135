//! Lexicon speed: building the built-in lexicon, building it with the
//! PETRARCH2 reference dictionaries added, and phrase matching throughput.
//!
//! `cargo bench -p dyad-lexicon --bench load` (a plain binary, `harness = false`).
//! Prints medians; the figures in BENCHMARKS.md come from this.
//! Set `DYAD_PETRARCH_DIR` to point at the PETRARCH2 dictionaries (default
//! `/work/shared/reference/petrarch2`); that part is skipped when absent.

use dyad_lexicon::{DictFile, Lexicon};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let out = std::hint::black_box(f());
        times.push(t.elapsed());
        drop(out); // freeing is not part of building
    }
    median(times)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Text to match: the bundled sample corpus, repeated.
fn sample_text() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut text = String::new();
    for p in paths {
        if let Ok(t) = std::fs::read_to_string(&p) {
            text.push_str(&t);
            text.push('\n');
        }
    }
    text
}

fn petrarch_files() -> Vec<DictFile> {
    let dir = std::env::var("DYAD_PETRARCH_DIR").unwrap_or_else(|_| "/work/shared/reference/petrarch2".into());
    [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
        "CAMEO.2.0.txt",
    ]
    .iter()
    .filter_map(|n| DictFile::read(&Path::new(&dir).join(n)).ok())
    .collect()
}

fn matching(lex: &Lexicon, label: &str) {
    let text = sample_text();
    if text.is_empty() {
        println!("phrase matching ({label}): corpus/sample not found, skipped");
        return;
    }
    let tokens = dyad_text::tokenize(&text);
    // sentence-sized windows, as the coder searches them
    let windows: Vec<&[dyad_doc::Token]> = tokens.chunks(30).collect();
    let reps = 20;
    let d = time(7, || {
        let mut hits = 0usize;
        for _ in 0..reps {
            for w in &windows {
                hits += lex.actors.phrases.find(w).len();
            }
        }
        hits
    });
    let n = tokens.len() * reps;
    println!(
        "phrase matching ({label}): {} tokens in {} -> {:.2} M tokens/s ({} phrases)",
        n,
        ms(d),
        n as f64 / d.as_secs_f64() / 1e6,
        lex.actors.phrases.len()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to parse.
    let runs = 11;
    let d = time(runs, Lexicon::builtin);
    println!("build built-in lexicon: median {} of {runs} runs", ms(d));
    let builtin = Lexicon::builtin();
    matching(&builtin, "built-in");

    let files = petrarch_files();
    if files.is_empty() {
        println!("PETRARCH2 dictionaries not found (set DYAD_PETRARCH_DIR): skipped");
        return;
    }
    let names: Vec<&str> = files
        .iter()
        .map(|f| f.name.rsplit('/').next().unwrap_or(&f.name))
        .collect();
    let d = time(5, || Lexicon::load(&files));
    println!(
        "build built-in + PETRARCH2 ({}): median {} of 5 runs",
        names.join(", "),
        ms(d)
    );
    let (big, _) = Lexicon::load(&files);
    matching(&big, "built-in + PETRARCH2");
}
