//! Python bindings for dyad: the native half of the `dyad` wheel (`dyad._dyad`).
//!
//! Owns only the crossing between Python and the pipeline: articles come in
//! as JSON objects in dyad's JSON Lines input schema (`docs/input-formats.md`,
//! read by [`dyad_ingest::from_jsonl_line`], so validation and defaults are
//! exactly the CLI's), and event records go out as one JSON array of
//! [`EventRecord`]s (the same bytes `dyad code` writes, one record a line).
//! The Python half (`python/dyad/__init__.py`) turns those into dicts or a
//! `pyarrow.Table`.
//!
//! The built-in lexicon is loaded once per process, on first use. All work
//! (parsing, coding, serialising) runs with the interpreter detached (the
//! GIL released), and a batch is coded on several threads.

use dyad_doc::record::EventRecord;
use dyad_doc::{Article, Doc};
use dyad_ingest::Problem;
use dyad_pipeline::Pipeline;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

fn pipeline() -> &'static Pipeline {
    PIPELINE.get_or_init(Pipeline::builtin)
}

/// What became of one input article.
enum Outcome {
    /// The article's event records, serialised, comma-separated (empty: none).
    Coded(String),
    /// A problem with the input (bad JSON, bad field, bad date).
    Rejected(Problem),
    /// Coding panicked: a bug in dyad, not in the input.
    Crashed(Problem),
}

/// Reads one article given as a JSON object; `None` for whitespace-only text.
///
/// Whitespace-only text is no events rather than an error: the JSON Lines
/// reader rejects it because a file line without text is a mistake, but an
/// empty string handed over from Python is just an article with no news.
fn read_article(line: &str, index: usize) -> Read {
    let origin = format!("articles[{index}]");
    if let Ok(Value::Object(obj)) = serde_json::from_str::<Value>(line) {
        if obj
            .get("text")
            .and_then(Value::as_str)
            .is_some_and(|t| t.trim().is_empty())
        {
            return Ok(None);
        }
    }
    dyad_ingest::from_jsonl_line(line, &format!("article-{}", index + 1), &origin).map(Some)
}

/// Codes one article; a panic becomes [`Outcome::Crashed`] naming it.
fn code_article(article: Article) -> Outcome {
    let origin = article.origin.clone();
    match catch_unwind(AssertUnwindSafe(|| records_json(&pipeline().process(article)))) {
        Ok(Ok(json)) => Outcome::Coded(json),
        Ok(Err(e)) => Outcome::Crashed(Problem::new(origin, format!("cannot serialise event records: {e}"))),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            Outcome::Crashed(Problem::new(
                origin,
                format!("internal error while coding this article ({msg}); please report it"),
            ))
        }
    }
}

fn code_read(read: Read) -> Outcome {
    match read {
        Ok(Some(article)) => code_article(article),
        Ok(None) => Outcome::Coded(String::new()),
        Err(p) => Outcome::Rejected(p),
    }
}

/// The document's event records as JSON objects separated by commas.
fn records_json(doc: &Doc) -> serde_json::Result<String> {
    let mut out = String::new();
    for record in EventRecord::all(doc) {
        if !out.is_empty() {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(&record)?);
    }
    Ok(out)
}

/// An article as read: `None` when it has no text to code.
type Read = Result<Option<Article>, Problem>;

/// Codes every article on up to `threads` threads; outcomes in input order.
fn code_all(read: Vec<Read>, threads: usize) -> Vec<Outcome> {
    let threads = threads.clamp(1, read.len().max(1));
    if threads == 1 {
        return read.into_iter().map(code_read).collect();
    }
    pipeline(); // load once, before the workers ask for it
    let n = read.len();
    // Each slot is taken by exactly one worker (the one that drew its index).
    let slots: Vec<Mutex<Option<Read>>> = read.into_iter().map(|r| Mutex::new(Some(r))).collect();
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Outcome)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(slot) = slots.get(i) else { break };
                        let taken = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
                        if let Some(read) = taken {
                            mine.push((i, code_read(read)));
                        }
                    }
                    mine
                })
            })
            .collect();
        // code_article catches panics, so a worker does not fail to join
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    debug_assert_eq!(done.len(), n);
    done.into_iter().map(|(_, o)| o).collect()
}

/// Codes articles given as JSON objects (dyad's JSON Lines input schema,
/// one object per string) on `threads` threads (0: one per core).
///
/// Returns `(records, problems)`: `records` is one JSON array of every
/// event record in input order, `problems` one `(index, message)` pair per
/// article that was not coded. With `skip_errors` false, the first article
/// that cannot be read raises `ValueError` before any coding starts.
#[pyfunction]
#[pyo3(signature = (articles, threads = 0, skip_errors = false))]
fn code_json(
    py: Python<'_>,
    articles: Vec<String>,
    threads: usize,
    skip_errors: bool,
) -> PyResult<(String, Vec<(usize, String)>)> {
    let threads = if threads == 0 {
        dyad_pipeline::default_threads()
    } else {
        threads
    };
    let outcomes = py.detach(|| {
        let read: Vec<_> = articles.iter().enumerate().map(|(i, l)| read_article(l, i)).collect();
        if !skip_errors {
            // Reject bad input before spending time on the good.
            if let Some(Err(p)) = read.iter().find(|r| r.is_err()) {
                return Err(p.clone());
            }
        }
        Ok(code_all(read, threads))
    });
    let outcomes = outcomes.map_err(|p| PyValueError::new_err(p.to_string()))?;
    let mut records = String::from("[");
    let mut problems = Vec::new();
    for (i, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Outcome::Coded(json) if json.is_empty() => {}
            Outcome::Coded(json) => {
                if records.len() > 1 {
                    records.push(',');
                }
                records.push_str(&json);
            }
            Outcome::Rejected(p) if !skip_errors => return Err(PyValueError::new_err(p.to_string())),
            Outcome::Crashed(p) if !skip_errors => return Err(PyRuntimeError::new_err(p.to_string())),
            Outcome::Rejected(p) | Outcome::Crashed(p) => problems.push((i, p.message)),
        }
    }
    records.push(']');
    Ok((records, problems))
}

/// Loads the built-in lexicon now rather than on the first call to code.
#[pyfunction]
fn load(py: Python<'_>) {
    py.detach(|| {
        pipeline();
    });
}

/// Threads a batch is coded on by default: the machine's available cores.
#[pyfunction]
fn default_threads() -> usize {
    dyad_pipeline::default_threads()
}

/// dyad's political event coder, native part. Use the `dyad` package.
#[pymodule]
mod _dyad {
    #[pymodule_export]
    use super::{code_json, default_threads, load};

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
