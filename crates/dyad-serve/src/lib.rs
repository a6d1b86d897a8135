//! `dyad serve` and `dyad demo`: a JSON API over a dyad store and the web
//! dashboard that uses it, both served by one embedded HTTP server.
//!
//! This crate owns the HTTP surface: the router ([`router`]), parameter
//! checking ([`params`]), the error shape ([`error::ApiError`]: always
//! `{"error": ..., "status": ...}`), the OpenAPI document and the dashboard
//! files (embedded from `assets/`, see [`assets`]), the server loop
//! ([`serve`]) and the demo store built from the bundled sample corpus
//! ([`demo`]). Every read is a `dyad-store` query; coding for
//! `POST /api/ingest` is `dyad-pipeline`'s. Nothing here codes text or
//! writes SQL.
//!
//! Safety rails: loopback by default; read-only unless ingest is enabled;
//! page sizes and offsets are capped; at most [`Limits::concurrent_queries`]
//! queries run at once, and a query running longer than
//! [`Limits::query_time`] is interrupted and answered with 503.

pub mod api;
pub mod assets;
pub mod demo;
pub mod error;
pub mod params;

use dyad_pipeline::Pipeline;
use dyad_store::{Store, StoreError};
use error::ApiError;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use api::{router, router_for, API_ROUTES};

/// The server's resource limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A query running longer is interrupted (503).
    pub query_time: Duration,
    /// Queries running at once; more wait their turn.
    pub concurrent_queries: usize,
    /// Largest accepted `POST /api/ingest` body.
    pub max_ingest_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            query_time: Duration::from_secs(5),
            concurrent_queries: 4,
            max_ingest_bytes: 16 << 20,
        }
    }
}

/// What `dyad serve` was asked to serve.
pub struct Config {
    /// The store file.
    pub db: PathBuf,
    /// Whether `POST /api/ingest` may write to the store.
    pub allow_ingest: bool,
    pub limits: Limits,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}: no such store; create one with `dyad ingest --db {0} FILES` or try `dyad demo`")]
    NoStore(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// Shared by every request: the store path, a small pool of read-only
/// connections, the writer (only with ingest enabled) and the pipeline.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: PathBuf,
    allow_ingest: bool,
    limits: Limits,
    readers: Mutex<Vec<Store>>,
    permits: tokio::sync::Semaphore,
    writer: tokio::sync::Mutex<Option<Store>>,
    pipeline: Pipeline,
}

impl AppState {
    /// Checks that the store opens (creating it when ingest is allowed) and
    /// keeps the pipeline for CAMEO names and ingest.
    pub fn new(config: Config, pipeline: Pipeline) -> Result<AppState, ServeError> {
        let db = config.db;
        if config.allow_ingest {
            Store::open(&db)?; // creates and migrates
        } else if !db.exists() {
            return Err(ServeError::NoStore(db.display().to_string()));
        }
        let first = Store::open_read_only(&db)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                db,
                allow_ingest: config.allow_ingest,
                limits: config.limits,
                readers: Mutex::new(vec![first]),
                permits: tokio::sync::Semaphore::new(config.limits.concurrent_queries.max(1)),
                writer: tokio::sync::Mutex::new(None),
                pipeline,
            }),
        })
    }

    pub fn db(&self) -> &Path {
        &self.inner.db
    }

    pub fn allow_ingest(&self) -> bool {
        self.inner.allow_ingest
    }

    pub fn limits(&self) -> Limits {
        self.inner.limits
    }

    pub fn pipeline(&self) -> &Pipeline {
        &self.inner.pipeline
    }

    /// Runs `f` on a read-only connection in the blocking pool, at most
    /// `concurrent_queries` at once, interrupting it after `query_time`.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store, &Pipeline) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .inner
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::internal("server is shutting down"))?;
        let store = self.take_reader()?;
        let interrupt = store.interrupt_handle();
        let state = self.clone();
        let task = tokio::task::spawn_blocking(move || {
            let out = f(&store, &state.inner.pipeline);
            state
                .inner
                .readers
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(store);
            out
        });
        match tokio::time::timeout(self.inner.limits.query_time, task).await {
            Ok(Ok(out)) => out,
            Ok(Err(join)) => Err(ApiError::internal(format!("query failed: {join}"))),
            Err(_) => {
                interrupt.interrupt();
                Err(ApiError::new(
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    format!(
                        "query stopped after {} ms, the server's limit; narrow the filters",
                        self.inner.limits.query_time.as_millis()
                    ),
                ))
            }
        }
    }

    fn take_reader(&self) -> Result<Store, ApiError> {
        if let Some(s) = self.inner.readers.lock().unwrap_or_else(|p| p.into_inner()).pop() {
            return Ok(s);
        }
        Store::open_read_only(&self.inner.db).map_err(ApiError::from)
    }

    /// Runs `f` on the read-write connection (opened on first use); writes
    /// are serialised. Not time-limited: an ingest runs to its end.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store, &Pipeline) -> Result<T, ApiError> + Send + 'static,
    {
        let mut guard = self.inner.writer.lock().await;
        let mut store = match guard.take() {
            Some(s) => s,
            None => Store::open(&self.inner.db)?,
        };
        let state = self.clone();
        let (store, out) = tokio::task::spawn_blocking(move || {
            let out = f(&mut store, &state.inner.pipeline);
            (store, out)
        })
        .await
        .map_err(|e| ApiError::internal(format!("ingest failed: {e}")))?;
        *guard = Some(store);
        out
    }
}

/// Whether `addr` only accepts connections from this machine.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// Serves `state` on `addr` until Ctrl-C, on a multi-thread runtime with two
/// workers (store queries run in its blocking pool). `ready` is called with
/// the bound address (useful with port 0) before the first request.
pub fn serve(state: AppState, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(state.limits().concurrent_queries.max(1) + 2)
        .thread_name("dyad-serve")
        .enable_all()
        .build()?;
    let out = rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        axum::serve(listener, router_for(state, is_loopback(&addr)))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    });
    // An interrupted query may still be unwinding in the blocking pool.
    rt.shutdown_timeout(Duration::from_secs(2));
    out
}
