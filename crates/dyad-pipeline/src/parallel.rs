//! The streaming parallel run: one reader thread, N coding threads, and the
//! caller's sink on the calling thread, with bounded memory.
//!
//! ```text
//! reader ──batches of Records──▶ workers (parse + analyse + code) ──▶ reorder ──▶ sink(Batch)
//! ```
//!
//! The reader only finds record boundaries ([`dyad_ingest::read_records`]);
//! decoding, HTML extraction and cleaning happen on the workers with the
//! coding. At most `window` batches exist at any moment (queued, being
//! coded, or waiting to be reordered): the reader waits before starting
//! one more, so memory does not grow with the input however large it is
//! and however slow the sink. Batches reach the sink in input order, so
//! output does not depend on the number of threads.

use crate::Pipeline;
use dyad_doc::Doc;
use dyad_ingest::{read_records, Problem, Record, Skips};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// How [`Pipeline::run_parallel`] runs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Coding threads (0 counts as 1). Default: [`default_threads`].
    pub threads: usize,
    /// Record why candidates were kept or dropped (for `--explain`).
    pub trace: bool,
    /// A batch closes at this many records...
    pub batch_records: usize,
    /// ...or at this many input bytes, whichever comes first.
    pub batch_bytes: usize,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            threads: default_threads(),
            trace: false,
            batch_records: 64,
            batch_bytes: 512 * 1024,
        }
    }
}

impl RunOptions {
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }

    pub fn trace(mut self, on: bool) -> Self {
        self.trace = on;
        self
    }

    /// Batches in flight at most: queued, being coded, or waiting for
    /// their turn at the sink.
    pub fn window(&self) -> usize {
        self.threads.max(1) * 2 + 2
    }
}

/// The machine's available cores (1 if unknown).
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Consecutive coded articles (and problems, where they occurred), in
/// input order.
#[derive(Debug, Default)]
pub struct Batch {
    pub items: Vec<Result<Doc, Problem>>,
    /// Input bytes the batch was read from (JSON lines, files, HTTP bodies).
    pub bytes: u64,
}

/// Totals of a run, counted before the sink sees each batch.
#[derive(Debug, Clone, Default)]
pub struct RunStats {
    pub articles: u64,
    pub sentences: u64,
    pub events: u64,
    pub problems: u64,
    /// Input bytes read.
    pub bytes: u64,
    /// Input read past on purpose (e.g. WARC records that are not articles).
    pub skips: Skips,
    pub elapsed: Duration,
}

impl RunStats {
    /// Input megabytes (10^6 bytes) per second.
    pub fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn count(&mut self, batch: &Batch) {
        self.bytes += batch.bytes;
        for item in &batch.items {
            match item {
                Ok(doc) => {
                    self.articles += 1;
                    self.sentences += doc.sentences.len() as u64;
                    self.events += doc.events.len() as u64;
                }
                Err(_) => self.problems += 1,
            }
        }
    }
}

/// How far the sink has got, shared with the reader so it can wait.
struct Flow {
    emitted: Mutex<u64>,
    moved: Condvar,
    abort: AtomicBool,
}

impl Flow {
    /// Waits until batch `seq` may start; false when the run is aborted.
    fn admit(&self, seq: u64, window: u64) -> bool {
        let mut emitted = self.emitted.lock().unwrap_or_else(|e| e.into_inner());
        while seq >= *emitted + window && !self.abort.load(Ordering::SeqCst) {
            emitted = self.moved.wait(emitted).unwrap_or_else(|e| e.into_inner());
        }
        !self.abort.load(Ordering::SeqCst)
    }

    fn advance(&self, to: u64) {
        *self.emitted.lock().unwrap_or_else(|e| e.into_inner()) = to;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.abort.store(true, Ordering::SeqCst);
        let _guard = self.emitted.lock().unwrap_or_else(|e| e.into_inner());
        self.moved.notify_all();
    }
}

/// Stops the reader if the sink's thread unwinds or returns early.
struct StopOnDrop<'a>(&'a Flow);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

type Job = (u64, Vec<Result<Record, Problem>>, u64);

impl Pipeline {
    /// Reads, parses and codes every article in `paths` on `opts.threads`
    /// threads and hands them to `sink` in batches, in input order, on the
    /// calling thread (so the sink need not be `Send`: a database
    /// connection is fine). Problems are passed through in place. If the
    /// sink returns an error the run stops and that error is returned.
    ///
    /// Memory is bounded by [`RunOptions::window`] batches whatever the
    /// input size. A panic while coding one article becomes a [`Problem`]
    /// for that article and the run goes on.
    ///
    /// ```no_run
    /// use dyad_pipeline::{Batch, Pipeline, RunOptions};
    /// let pipeline = Pipeline::builtin();
    /// let paths = vec!["news.jsonl".into()];
    /// let opts = RunOptions::default().threads(2);
    /// let stats = pipeline.run_parallel(&paths, &opts, |batch: Batch| {
    ///     for item in batch.items {
    ///         match item {
    ///             Ok(doc) => println!("{}: {} events", doc.article.id, doc.events.len()),
    ///             Err(problem) => eprintln!("{problem}"),
    ///         }
    ///     }
    ///     Ok::<(), std::io::Error>(())
    /// })?;
    /// eprintln!("{} articles, {:.1} MB/s", stats.articles, stats.mb_per_sec());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn run_parallel<E, F>(&self, paths: &[PathBuf], opts: &RunOptions, mut sink: F) -> Result<RunStats, E>
    where
        F: FnMut(Batch) -> Result<(), E>,
    {
        let started = Instant::now();
        let threads = opts.threads.max(1);
        let window = opts.window() as u64;
        let flow = Flow {
            emitted: Mutex::new(0),
            moved: Condvar::new(),
            abort: AtomicBool::new(false),
        };
        // With at most `window` batches in flight neither channel ever
        // blocks a sender; the bound is enforced by `Flow::admit`.
        let (work_tx, work_rx) = sync_channel::<Job>(window as usize);
        let work_rx = Mutex::new(work_rx);
        let (done_tx, done_rx) = sync_channel::<(u64, Batch, Skips)>(window as usize);
        let mut stats = RunStats::default();

        let result = std::thread::scope(|s| {
            let flow = &flow;
            let reader = s.spawn(move || {
                let mut records = read_records(paths);
                let mut seq = 0u64;
                let mut batch: Vec<Result<Record, Problem>> = Vec::with_capacity(opts.batch_records);
                let mut bytes = 0u64;
                let mut send = |batch: &mut Vec<Result<Record, Problem>>, bytes: &mut u64| -> bool {
                    if !flow.admit(seq, window) {
                        return false;
                    }
                    let job = (seq, std::mem::take(batch), std::mem::take(bytes));
                    seq += 1;
                    work_tx.send(job).is_ok()
                };
                for item in records.by_ref() {
                    if let Ok(r) = &item {
                        bytes += r.len() as u64;
                    }
                    batch.push(item);
                    if (batch.len() >= opts.batch_records || bytes >= opts.batch_bytes as u64)
                        && !send(&mut batch, &mut bytes)
                    {
                        return records.skips().clone();
                    }
                }
                if !batch.is_empty() {
                    send(&mut batch, &mut bytes);
                }
                records.skips().clone()
            });
            for _ in 0..threads {
                let done_tx = done_tx.clone();
                let work_rx = &work_rx;
                s.spawn(move || loop {
                    let job = work_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((seq, records, bytes)) = job else { break };
                    if flow.abort.load(Ordering::SeqCst) {
                        break;
                    }
                    let mut skips = Skips::default();
                    let mut items = Vec::with_capacity(records.len());
                    for r in records {
                        match r {
                            Ok(record) => {
                                for a in record.parse(&mut skips) {
                                    items.push(a.and_then(|a| self.process_guarded(a, opts.trace)));
                                }
                            }
                            Err(p) => items.push(Err(p)),
                        }
                    }
                    if done_tx.send((seq, Batch { items, bytes }, skips)).is_err() {
                        break;
                    }
                });
            }
            drop(done_tx);

            let _stop = StopOnDrop(flow);
            // owned here so that an early return drops it and the workers stop sending
            let done_rx = done_rx;
            let mut pending: BTreeMap<u64, Batch> = BTreeMap::new();
            let mut next = 0u64;
            for (seq, batch, skips) in done_rx.iter() {
                stats.skips.merge(&skips);
                pending.insert(seq, batch);
                while let Some(batch) = pending.remove(&next) {
                    stats.count(&batch);
                    sink(batch)?;
                    next += 1;
                    flow.advance(next);
                }
            }
            drop(_stop);
            match reader.join() {
                Ok(skips) => stats.skips.merge(&skips),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            Ok(())
        });
        result?;
        stats.elapsed = started.elapsed();
        Ok(stats)
    }

    /// [`Pipeline::process_with`], with a panic turned into a problem
    /// naming the article.
    fn process_guarded(&self, article: dyad_doc::Article, trace: bool) -> Result<Doc, Problem> {
        let origin = article.origin.clone();
        catch_unwind(AssertUnwindSafe(|| self.process_with(article, trace))).map_err(|panic| {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            Problem::new(
                origin,
                format!("internal error while coding this article ({msg}); please report it"),
            )
        })
    }
}

// The pipeline is shared read-only between the coding threads.
const _: () = {
    const fn shared<T: Sync + Send>() {}
    shared::<Pipeline>();
    shared::<Doc>();
};
