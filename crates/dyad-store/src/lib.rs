//! The embedded event store: coded articles and their events in one SQLite
//! file, with syndicated copies folded, full-text search over sentences,
//! filtered queries and aggregates.
//!
//! This crate owns the database schema (versioned by `PRAGMA user_version`,
//! see [`schema`]), ingestion of coded [`Doc`]s ([`Store::ingest`]),
//! near-duplicate detection ([`similar`]: MinHash over word shingles with
//! LSH banding), event folding, and every read the CLI and `dyad serve`
//! make ([`EventFilter`], [`Store::query`] and the aggregates). It does not
//! code text (that is `dyad-pipeline`) and does not format output (that is
//! `dyad-export`).
//!
//! # Model
//!
//! * An **article** row per distinct publication: the same text from the
//!   same outlet is stored once (content hash of outlet + normalised cleaned
//!   text), so ingesting a corpus twice changes nothing.
//! * Articles whose shingle sets are near-identical (estimated Jaccard ≥
//!   [`similar::THRESHOLD`]) share a **cluster** (the id of its first
//!   article): the same story republished by another outlet, or updated.
//! * Each coded event occurrence is a **mention** (every field of
//!   [`EventRecord`], with spans). Mentions with the same fold key —
//!   cluster, source code, target code, CAMEO code, event date, negation —
//!   are one **event** row, which keeps the first mention's fields and
//!   GDELT-style counts: `num_mentions` (occurrences), `num_sources`
//!   (distinct outlets), `num_articles` (distinct articles).
//!
//! # Durability
//!
//! WAL journal; each ingest batch is one transaction, so a killed process
//! leaves every committed batch intact and no partial article. Rerunning the
//! same ingest skips stored articles (before coding them) and completes it.
//!
//! # Concurrency
//!
//! A [`Store`] wraps one SQLite connection: it is `Send` but not `Sync`. A
//! server opens one `Store` per worker thread (or guards one with a mutex);
//! readers ([`Store::open_read_only`]) do not block the writer in WAL mode.
//!
//! ```no_run
//! use dyad_store::{EventFilter, Page, Store};
//! let store = Store::open_read_only("dyad.db")?;
//! let filter = EventFilter { dyad: Some(("RUS".into(), "ITA".into())), ..Default::default() };
//! for row in store.query(&filter, Page::first(10))? {
//!     println!("{} {} -> {:?} {}", row.id, row.record.source.code, row.record.target.as_ref().map(|t| &t.code), row.record.cameo);
//! }
//! # Ok::<(), dyad_store::StoreError>(())
//! ```

pub mod for_api;
mod ingest;
mod query;
pub mod schema;
pub mod similar;

pub use dyad_doc::record::{ActorRecord, EventRecord, Evidence};
pub use dyad_doc::{Article, Doc, NaiveDate};
pub use ingest::Ingest;

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Everything that can go wrong reading or writing the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("{path}: database schema version {found} is newer than this dyad understands ({supported})")]
    TooNew { path: String, found: i64, supported: i64 },
    #[error("{path}: not a dyad store (no `articles` table and schema version {found})")]
    NotAStore { path: String, found: i64 },
    /// A filter value that cannot be used, e.g. malformed FTS5 syntax in `text`.
    #[error("bad filter: {0}")]
    Filter(String),
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data: {0}")]
    Corrupt(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open store.
pub struct Store {
    conn: Connection,
    path: String,
}

impl Store {
    /// Opens (creating if needed) the store at `path` for reading and
    /// writing, and migrates its schema to the current version.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let p = path.as_ref().display().to_string();
        let conn = Connection::open(path.as_ref()).map_err(|source| StoreError::Open {
            path: p.clone(),
            source,
        })?;
        let mut store = Store { conn, path: p };
        store.configure(true)?;
        schema::migrate(&mut store.conn, &store.path)?;
        Ok(store)
    }

    /// Opens an existing store read-only (for servers and queries). Fails if
    /// the file does not exist or its schema is older or newer than this
    /// build's; run [`Store::open`] once to migrate an older store.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let p = path.as_ref().display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path.as_ref(), flags).map_err(|source| StoreError::Open {
            path: p.clone(),
            source,
        })?;
        let store = Store { conn, path: p };
        store.configure(false)?;
        schema::check_current(&store.conn, &store.path)?;
        Ok(store)
    }

    /// An in-memory store (tests, one-off analyses).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: ":memory:".into(),
        };
        store.configure(false)?;
        schema::migrate(&mut store.conn, &store.path)?;
        Ok(store)
    }

    fn configure(&self, writer: bool) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(std::time::Duration::from_secs(10))?;
        if writer {
            c.pragma_update(None, "journal_mode", "WAL")?;
            c.pragma_update(None, "synchronous", "NORMAL")?;
            // Bulk-load settings for the writer (BENCHMARKS.md): a 64 MiB page
            // cache keeps the randomly-written indexes (content hashes, LSH
            // keys, fold keys) in memory, and checkpointing every ~40 MB of
            // WAL instead of every 4 MB writes each hot page back less often.
            // Durability is unchanged: each batch is still one committed
            // transaction.
            c.pragma_update(None, "cache_size", -65536)?;
            c.pragma_update(None, "wal_autocheckpoint", 10_000)?;
            c.pragma_update(None, "temp_store", "MEMORY")?;
        }
        c.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    /// The path the store was opened from.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Stores articles, coding only those not stored yet: for each article
    /// the content hash is checked first and `code` is called only for new
    /// ones. Every `batch` new articles (at least 1) are written in one
    /// transaction. Returns what was read, skipped, and added.
    pub fn ingest<I, F>(&mut self, articles: I, batch: usize, code: F) -> Result<IngestStats>
    where
        I: IntoIterator<Item = Article>,
        F: FnMut(Article) -> Doc,
    {
        ingest::run(self, articles, |a| a, batch, code)
    }

    /// A running ingest for documents that arrive one at a time (e.g. from
    /// `dyad_pipeline`'s parallel run): [`Ingest::push`] each in input
    /// order, then [`Ingest::finish`]. Every `batch` new articles are one
    /// transaction, whatever the sizes of the groups they arrive in.
    pub fn ingest_stream(&mut self, batch: usize) -> Ingest<'_> {
        Ingest::new(self, batch)
    }

    /// As [`Store::ingest`] for documents that are already coded.
    pub fn ingest_docs<I>(&mut self, docs: I, batch: usize) -> Result<IngestStats>
    where
        I: IntoIterator<Item = Doc>,
    {
        ingest::run(self, docs, |d| &d.article, batch, |d| d)
    }

    /// Whether an article with the same outlet and (normalised) text is stored.
    pub fn contains(&self, article: &Article) -> Result<bool> {
        ingest::contains(&self.conn, similar::content_hash(article))
    }

    /// Folded events matching `filter`, ordered by event date (unknown last)
    /// then id.
    pub fn query(&self, filter: &EventFilter, page: Page) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        self.query_each::<StoreError, _>(filter, page, |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// As [`Store::query`], streaming: `f` sees each row as it is read (for
    /// exports of any size). An error from `f` stops the scan and is
    /// returned; `E` is any error type a [`StoreError`] converts into.
    pub fn query_each<E, F>(&self, filter: &EventFilter, page: Page, f: F) -> Result<(), E>
    where
        E: From<StoreError>,
        F: FnMut(EventRow) -> Result<(), E>,
    {
        query::events(self, filter, page, f)
    }

    /// Number of folded events matching `filter` (for paging).
    pub fn count(&self, filter: &EventFilter) -> Result<u64> {
        query::count(self, filter)
    }

    /// Row counts of the whole store.
    pub fn counts(&self) -> Result<StoreCounts> {
        query::counts(self)
    }

    /// Checks the file (`PRAGMA integrity_check`, foreign keys) and the
    /// store's own invariants: every event's counts match its mentions,
    /// every event has a mention, every article belongs to a cluster whose
    /// first article exists. Returns the problems found (empty when sound).
    pub fn verify(&self) -> Result<Vec<String>> {
        query::verify(self)
    }

    /// The `top` source–target pairs by number of events among events
    /// matching `filter` (events without a target are left out). With
    /// `directed == false`, A→B and B→A are one pair (codes in sorted order).
    pub fn dyads(&self, filter: &EventFilter, top: usize, directed: bool) -> Result<Vec<DyadCount>> {
        query::dyads(self, filter, top, directed)
    }

    /// Events matching `filter` per period, by quad class, with the
    /// Goldstein sum; periods in order, empty periods left out. For an A–B
    /// timeline set `filter.dyad`.
    pub fn timeline(&self, filter: &EventFilter, by: Bucket) -> Result<Vec<TimelinePoint>> {
        query::timeline(self, filter, by)
    }

    /// The `top` actor codes by number of events (as source or target)
    /// among events matching `filter`.
    pub fn actors(&self, filter: &EventFilter, top: usize) -> Result<Vec<ActorCount>> {
        query::actors(self, filter, top)
    }

    /// Directed actor network of events matching `filter`: one edge per
    /// source→target code pair with at least `min_events` events, and the
    /// nodes those edges touch.
    pub fn network(&self, filter: &EventFilter, min_events: u64) -> Result<Network> {
        query::network(self, filter, min_events)
    }

    /// The `top` event locations by number of events matching `filter`.
    pub fn places(&self, filter: &EventFilter, top: usize) -> Result<Vec<PlaceCount>> {
        query::places(self, filter, top)
    }

    /// Stored articles, newest publication first.
    pub fn articles(&self, page: Page) -> Result<Vec<ArticleRow>> {
        query::articles(self, page)
    }

    /// Internal ids of stored articles whose input id (`Article::id`) is `key`.
    pub fn find_article(&self, key: &str) -> Result<Vec<i64>> {
        query::find_article(self, key)
    }

    /// One article (by internal id) with its original text, sentences,
    /// actor and quote spans, the event mentions read from it, and the
    /// other articles of its cluster. `None` if there is no such article.
    pub fn article(&self, id: i64) -> Result<Option<ArticleWithSpans>> {
        query::article(self, id)
    }
}

/// What one ingest did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestStats {
    /// Articles offered.
    pub read: u64,
    /// Articles skipped because the same outlet + text is already stored.
    pub duplicates: u64,
    /// New articles stored.
    pub added: u64,
    /// New articles that joined an existing cluster (syndicated copies).
    pub syndicated: u64,
    /// Event mentions stored.
    pub mentions: u64,
    /// New folded event rows.
    pub events: u64,
    /// Transactions committed.
    pub batches: u64,
}

/// Which events to read. Every field left `None`/`false` matches all.
///
/// Actor values (`actor`, `source`, `target`, `dyad`): a value written in
/// capitals and digits (`RUS`, `RUSGOV`, `IGOWSTNAT`) matches actor codes
/// that start with it; anything else (`Lavrov`, `di maio`) matches actor
/// names containing it, ignoring case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventFilter {
    /// Source or target.
    pub actor: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    /// Events between A and B, either way unless `directed` (then A is the source).
    pub dyad: Option<(String, String)>,
    pub directed: bool,
    /// CAMEO root code, e.g. `04`.
    pub root: Option<String>,
    /// CAMEO code prefix, e.g. `043` or `04`.
    pub cameo: Option<String>,
    /// PLOVER event type, e.g. `CONSULT` (case-insensitive).
    pub plover: Option<String>,
    /// Quad class 1–4.
    pub quad: Option<u8>,
    /// Event date on or after (events with unknown date are left out).
    pub from: Option<NaiveDate>,
    /// Event date on or before (events with unknown date are left out).
    pub to: Option<NaiveDate>,
    /// Location name (case-insensitive) or location country code.
    pub place: Option<String>,
    /// Outlet of any article mentioning the event (case-insensitive).
    pub outlet: Option<String>,
    /// SQLite FTS5 query over the sentences an event was read from, e.g.
    /// `"foreign minister" AND sanctions`.
    pub text: Option<String>,
    /// Only events mentioned in this article (internal id).
    pub article: Option<i64>,
}

/// A window of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// At most this many rows; `None` for all.
    pub limit: Option<u64>,
    pub offset: u64,
}

impl Page {
    pub fn all() -> Page {
        Page { limit: None, offset: 0 }
    }
    pub fn first(n: u64) -> Page {
        Page {
            limit: Some(n),
            offset: 0,
        }
    }
}

/// One folded event: every [`EventRecord`] field of its first mention
/// (flattened into the same JSON object) plus the store's id, cluster and
/// GDELT-style counts. As JSON it is an `EventRecord` with six more keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Store id of the folded event.
    pub id: i64,
    /// Cluster (near-duplicate group) the event was folded in.
    pub cluster: i64,
    /// Internal id of the article the record fields come from.
    pub article: i64,
    /// Read from the lead (first body sentence or headline), as GDELT's IsRootEvent.
    pub is_root: bool,
    /// Occurrences of this event across all articles.
    pub num_mentions: u64,
    /// Distinct outlets mentioning it.
    pub num_sources: u64,
    /// Distinct articles mentioning it.
    pub num_articles: u64,
    #[serde(flatten)]
    pub record: EventRecord,
}

/// How [`Store::timeline`] groups dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    Day,
    /// ISO weeks, labelled by their Monday.
    Week,
    /// Labelled `YYYY-MM`.
    Month,
}

/// One period of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelinePoint {
    /// `YYYY-MM-DD` (day, week's Monday) or `YYYY-MM`.
    pub period: String,
    pub events: u64,
    /// Events per quad class: verbal cooperation, material cooperation,
    /// verbal conflict, material conflict.
    pub quad: [u64; 4],
    pub goldstein_sum: f64,
    pub mentions: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DyadCount {
    pub source: String,
    pub target: String,
    pub events: u64,
    pub mentions: u64,
    pub goldstein_mean: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorCount {
    pub code: String,
    /// The name most often attached to the code, if any.
    pub name: Option<String>,
    pub events: u64,
    pub as_source: u64,
    pub as_target: u64,
    pub mentions: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceCount {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub events: u64,
    pub goldstein_mean: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Network {
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkNode {
    pub code: String,
    /// Events on the kept edges touching this node.
    pub events: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkEdge {
    pub source: String,
    pub target: String,
    pub events: u64,
    pub mentions: u64,
    pub goldstein_mean: f64,
}

/// Row counts of the whole store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreCounts {
    pub articles: u64,
    /// Near-duplicate groups (an article on its own is a cluster of one).
    pub clusters: u64,
    /// Folded events.
    pub events: u64,
    /// Event occurrences.
    pub mentions: u64,
    pub sentences: u64,
    /// Actor mentions.
    pub actors: u64,
    pub quotes: u64,
}

/// A stored article's metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRow {
    /// Internal id.
    pub id: i64,
    /// The input id (`Article::id`): JSON `id`, file stem, …
    pub article_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// Where it was read from, e.g. `corpus/a.jsonl:12`.
    pub origin: String,
    pub cluster: i64,
    /// Content hash (hex) of outlet + normalised cleaned text.
    pub content_hash: String,
}

/// A sentence of a stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceRow {
    /// 0-based index in the article.
    pub index: usize,
    /// Character span in the original text.
    pub span: [usize; 2],
    pub headline: bool,
    pub text: String,
}

/// An actor mention in a stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorSpan {
    pub sentence: usize,
    #[serde(flatten)]
    pub actor: ActorRecord,
}

/// A quotation in a stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    pub sentence: usize,
    pub text: String,
    /// Character span in the original text.
    pub span: [usize; 2],
    pub speaker: Option<ActorRecord>,
}

/// An article with everything needed to show it with highlights. All spans
/// are character offsets into `original`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleWithSpans {
    pub article: ArticleRow,
    pub original: String,
    pub sentences: Vec<SentenceRow>,
    pub actors: Vec<ActorSpan>,
    pub quotes: Vec<QuoteRow>,
    /// The event mentions read from this article (their own spans), with
    /// the folded event's id and counts.
    pub events: Vec<EventRow>,
    /// Other articles of the same cluster.
    pub cluster: Vec<ArticleRow>,
}
