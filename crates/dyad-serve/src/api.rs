//! The router and the JSON endpoints. Each handler checks its parameters
//! ([`Params`]), runs one store read in the blocking pool
//! ([`AppState::read`]) and shapes the answer as `assets/openapi.json`
//! documents it.

use crate::assets;
use crate::error::ApiError;
use crate::params::Params;
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use dyad_pipeline::Pipeline;
use dyad_store::{Bucket, EventFilter, EventRow, Page, Store};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Every API route as `(method, path)`; the router is built from this list
/// and `tests/api.rs` checks it against the OpenAPI document.
pub const API_ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/health"),
    ("GET", "/api/events"),
    ("GET", "/api/dyads"),
    ("GET", "/api/timeline"),
    ("GET", "/api/actors"),
    ("GET", "/api/network"),
    ("GET", "/api/places"),
    ("GET", "/api/articles/{id}"),
    ("POST", "/api/ingest"),
    ("GET", "/api/openapi.json"),
];

/// Largest `offset` accepted anywhere (deep offsets cost a scan).
pub const MAX_OFFSET: u64 = 100_000;
/// Largest number of groups an aggregate reads before paging.
const MAX_GROUPS: usize = 200_000;
/// Largest number of timeline buckets answered.
pub const MAX_BUCKETS: usize = 5_000;

fn endpoint(method: &str, path: &str) -> MethodRouter<AppState> {
    match (method, path) {
        ("GET", "/api/health") => get(health),
        ("GET", "/api/events") => get(events),
        ("GET", "/api/dyads") => get(dyads),
        ("GET", "/api/timeline") => get(timeline),
        ("GET", "/api/actors") => get(actors),
        ("GET", "/api/network") => get(network),
        ("GET", "/api/places") => get(places),
        ("GET", "/api/articles/{id}") => get(article),
        ("POST", "/api/ingest") => post(ingest),
        ("GET", "/api/openapi.json") => get(|| async { assets::openapi() }),
        _ => unreachable!("API_ROUTES lists {method} {path} without a handler"),
    }
}

/// The whole application: API, dashboard and the JSON 404/405 answers,
/// answering only requests addressed to this machine (see [`router_for`]).
pub fn router(state: AppState) -> Router {
    router_for(state, true)
}

/// As [`router`]; with `local_only`, requests whose `Host` header names
/// another machine get 403 (a web page elsewhere could otherwise reach a
/// loopback server through DNS rebinding). `dyad serve` turns it off only
/// when bound to a non-loopback address.
pub fn router_for(state: AppState, local_only: bool) -> Router {
    let mut r = Router::new();
    for &(method, path) in API_ROUTES {
        r = r.route(path, endpoint(method, path));
    }
    r.route("/", get(|| async { assets::index() }))
        .route("/assets/{file}", get(asset))
        .fallback(|| async {
            ApiError::not_found("no such page or endpoint; the API is described at /api/openapi.json")
        })
        .method_not_allowed_fallback(|| async {
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed on this path")
        })
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            guard(local_only, req, next)
        }))
        .with_state(state)
}

/// Whether a `Host` header value names this machine: `localhost` or an IP
/// literal (DNS rebinding needs a host name).
pub fn host_is_local(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok()
}

async fn guard(local_only: bool, req: Request, next: Next) -> Response {
    if local_only {
        if let Some(host) = req.headers().get(header::HOST) {
            let host = host.to_str().unwrap_or("");
            if !host_is_local(host) {
                return ApiError::new(StatusCode::FORBIDDEN, format!("host `{host}` is not served here"))
                    .into_response();
            }
        }
    }
    let mut res = next.run(req).await;
    res.headers_mut()
        .insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    res
}

async fn asset(Path(file): Path<String>) -> Response {
    assets::asset(&file).unwrap_or_else(|| ApiError::not_found(format!("no asset `{file}`")).into_response())
}

// ---------- parameters ----------

/// `limit` (default `default`, at most `max`) and `offset`.
fn page(p: &mut Params, default: u64, max: u64) -> Result<(u64, u64), ApiError> {
    let limit = p.int("limit", 1, max)?.unwrap_or(default);
    let offset = p.int("offset", 0, MAX_OFFSET)?.unwrap_or(0);
    Ok((limit, offset))
}

fn actor_value(p: &mut Params, key: &str) -> Result<Option<String>, ApiError> {
    p.text_max(key, 100)
}

fn dates(p: &mut Params, f: &mut EventFilter) -> Result<(), ApiError> {
    f.from = p.date("from")?;
    f.to = p.date("to")?;
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if a > b {
            return Err(ApiError::bad_request(format!("`from` ({a}) is after `to` ({b})")));
        }
    }
    Ok(())
}

fn digits(p: &mut Params, key: &str, lens: std::ops::RangeInclusive<usize>) -> Result<Option<String>, ApiError> {
    let Some(v) = p.text(key) else { return Ok(None) };
    if lens.contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(v))
    } else if lens.start() == lens.end() {
        Err(ApiError::bad_request(format!(
            "`{key}` must be {} digits, got `{v}`",
            lens.start()
        )))
    } else {
        Err(ApiError::bad_request(format!(
            "`{key}` must be {} to {} digits, got `{v}`",
            lens.start(),
            lens.end()
        )))
    }
}

/// The event filters of `/api/events`.
fn event_filter(p: &mut Params) -> Result<EventFilter, ApiError> {
    let mut f = EventFilter {
        actor: actor_value(p, "actor")?,
        source: actor_value(p, "source")?,
        target: actor_value(p, "target")?,
        ..Default::default()
    };
    if let Some(d) = p.text_max("dyad", 201)? {
        f.dyad = Some(pair(&d)?);
    }
    f.root = digits(p, "root", 2..=2)?;
    f.cameo = digits(p, "cameo", 2..=4)?;
    f.plover = p.text_max("plover", 40)?;
    f.quad = p.int("quad", 1, 4)?.map(|q| q as u8);
    dates(p, &mut f)?;
    f.place = p.text_max("place", 200)?;
    f.outlet = p.text_max("outlet", 200)?;
    f.text = p.text_max("q", 200)?;
    Ok(f)
}

fn pair(v: &str) -> Result<(String, String), ApiError> {
    match v.split(',').map(str::trim).collect::<Vec<_>>()[..] {
        [a, b] if !a.is_empty() && !b.is_empty() && a.len() <= 100 && b.len() <= 100 => Ok((a.into(), b.into())),
        _ => Err(ApiError::bad_request(format!(
            "`dyad` must be two actors `A,B`, got `{v}`"
        ))),
    }
}

/// `level=country` (default) groups actor codes by their country; `actor` keeps codes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Country,
    Actor,
}

fn level(p: &mut Params) -> Result<Level, ApiError> {
    Ok(match p.choice("level", &["country", "actor"])?.as_deref() {
        Some("actor") => Level::Actor,
        _ => Level::Country,
    })
}

/// Maps an actor code to its group at `level`: the country code when the
/// code has one, else the code itself (IGOs, unknown).
struct Grouper {
    countries: Option<HashMap<String, Option<String>>>,
}

impl Grouper {
    fn new(store: &Store, level: Level) -> Result<Grouper, ApiError> {
        Ok(Grouper {
            countries: match level {
                Level::Country => Some(store.code_countries()?),
                Level::Actor => None,
            },
        })
    }

    fn key(&self, code: &str) -> String {
        match &self.countries {
            Some(map) => match map.get(code) {
                Some(Some(country)) => country.clone(),
                _ => code.to_string(),
            },
            None => code.to_string(),
        }
    }
}

// ---------- shaping ----------

/// An event as JSON: the store's row (an `EventRecord` plus id and counts)
/// with the CAMEO code's name added.
fn event_json(row: &EventRow, pipeline: &Pipeline) -> Value {
    let mut v = serde_json::to_value(row).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        let name = pipeline
            .lexicon()
            .codebook
            .get(&row.record.cameo)
            .map(|c| c.name.clone());
        m.insert("cameo_name".into(), json!(name));
    }
    v
}

/// A display name for a group key: the country's name, else the actor
/// name the store saw most often with the code.
fn group_name(pipeline: &Pipeline, key: &str, names: &HashMap<String, String>) -> Option<String> {
    pipeline
        .lexicon()
        .actors
        .country_name(key)
        .map(str::to_string)
        .or_else(|| names.get(key).cloned())
}

fn mean(sum: f64, n: u64) -> Option<f64> {
    (n > 0).then(|| ((sum / n as f64) * 100.0).round() / 100.0)
}

fn paged(items: Vec<Value>, limit: u64, offset: u64, total: Option<u64>) -> Value {
    // Aggregates fetch one item past the page to know whether more follow;
    // events know their total.
    let more = match total {
        Some(t) => offset + (items.len() as u64).min(limit) < t,
        None => items.len() as u64 > limit,
    };
    let items: Vec<Value> = items.into_iter().take(limit as usize).collect();
    let mut v = json!({ "limit": limit, "offset": offset, "more": more, "items": items });
    if let Some(t) = total {
        v["total"] = json!(t);
    }
    v
}

// ---------- handlers ----------

async fn health(State(st): State<AppState>, p: Params) -> Result<Json<Value>, ApiError> {
    p.finish()?;
    let ingest = st.allow_ingest();
    st.read(move |store, _| {
        let c = store.counts()?;
        Ok(Json(json!({
            "status": "ok",
            "version": env!("CARGO_PKG_VERSION"),
            "articles": c.articles,
            "events": c.events,
            "mentions": c.mentions,
            "ingest": ingest,
        })))
    })
    .await
}

async fn events(State(st): State<AppState>, mut p: Params) -> Result<Json<Value>, ApiError> {
    let f = event_filter(&mut p)?;
    let (limit, offset) = page(&mut p, 50, 500)?;
    p.finish()?;
    st.read(move |store, pipeline| {
        let total = store.count(&f)?;
        let rows = store.query(
            &f,
            Page {
                limit: Some(limit),
                offset,
            },
        )?;
        let items = rows.iter().map(|r| event_json(r, pipeline)).collect();
        Ok(Json(paged(items, limit, offset, Some(total))))
    })
    .await
}

async fn dyads(State(st): State<AppState>, mut p: Params) -> Result<Json<Value>, ApiError> {
    let mut f = EventFilter {
        actor: actor_value(&mut p, "actor")?,
        ..Default::default()
    };
    dates(&mut p, &mut f)?;
    let level = level(&mut p)?;
    let (limit, offset) = page(&mut p, 50, 500)?;
    p.finish()?;
    st.read(move |store, _| {
        let g = Grouper::new(store, level)?;
        // (a, b) in sorted order -> (events, mentions, goldstein sum)
        let mut groups: HashMap<(String, String), (u64, u64, f64)> = HashMap::new();
        let top = if level == Level::Actor {
            (offset + limit + 1) as usize
        } else {
            MAX_GROUPS
        };
        for d in store.dyads(&f, top, false)? {
            let (x, y) = (g.key(&d.source), g.key(&d.target));
            let key = if x <= y { (x, y) } else { (y, x) };
            let e = groups.entry(key).or_default();
            e.0 += d.events;
            e.1 += d.mentions;
            e.2 += d.goldstein_mean * d.events as f64;
        }
        let mut list: Vec<_> = groups.into_iter().collect();
        list.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(b.1 .1.cmp(&a.1 .1)).then(a.0.cmp(&b.0)));
        let items = list
            .into_iter()
            .skip(offset as usize)
            .take(limit as usize + 1)
            .map(|((a, b), (n, m, g))| json!({"a": a, "b": b, "events": n, "mentions": m, "goldstein": mean(g, n)}))
            .collect();
        Ok(Json(paged(items, limit, offset, None)))
    })
    .await
}

async fn timeline(State(st): State<AppState>, mut p: Params) -> Result<Json<Value>, ApiError> {
    let a = p.required("a")?;
    let b = p.required("b")?;
    if a.len() > 100 || b.len() > 100 {
        return Err(ApiError::bad_request("`a` and `b` are at most 100 characters"));
    }
    let by = p
        .choice("by", &["day", "week", "month", "year"])?
        .unwrap_or_else(|| "month".into());
    let mut f = EventFilter {
        dyad: Some((a.clone(), b.clone())),
        ..Default::default()
    };
    dates(&mut p, &mut f)?;
    p.finish()?;
    st.read(move |store, _| {
        let bucket = match by.as_str() {
            "day" => Bucket::Day,
            "week" => Bucket::Week,
            _ => Bucket::Month,
        };
        let mut points = store.timeline(&f, bucket)?;
        if by == "year" {
            let mut years: Vec<dyad_store::TimelinePoint> = Vec::new();
            for pt in points {
                let year = pt.period.get(..4).unwrap_or(&pt.period).to_string();
                match years.last_mut() {
                    Some(y) if y.period == year => {
                        y.events += pt.events;
                        y.mentions += pt.mentions;
                        y.goldstein_sum += pt.goldstein_sum;
                        for (q, n) in y.quad.iter_mut().zip(pt.quad) {
                            *q += n;
                        }
                    }
                    _ => years.push(dyad_store::TimelinePoint { period: year, ..pt }),
                }
            }
            points = years;
        }
        if points.len() > MAX_BUCKETS {
            return Err(ApiError::bad_request(format!(
                "{} {by}s have events, more than {MAX_BUCKETS}; use a coarser `by` or narrower `from`/`to`",
                points.len()
            )));
        }
        let dated: u64 = points.iter().map(|p| p.events).sum();
        let undated = store.count(&EventFilter {
            from: None,
            to: None,
            ..f.clone()
        })?;
        let undated = if f.from.is_none() && f.to.is_none() {
            undated.saturating_sub(dated)
        } else {
            0
        };
        let buckets: Vec<Value> = points
            .iter()
            .map(|p| {
                json!({"period": p.period, "events": p.events, "mentions": p.mentions, "quad": p.quad,
                       "goldstein": mean(p.goldstein_sum, p.events)})
            })
            .collect();
        Ok(Json(
            json!({"a": a, "b": b, "by": by, "undated": undated, "buckets": buckets}),
        ))
    })
    .await
}

async fn actors(State(st): State<AppState>, mut p: Params) -> Result<Json<Value>, ApiError> {
    let mut f = EventFilter::default();
    dates(&mut p, &mut f)?;
    let level = level(&mut p)?;
    let (limit, offset) = page(&mut p, 100, 1000)?;
    p.finish()?;
    st.read(move |store, pipeline| {
        let g = Grouper::new(store, level)?;
        let top = if level == Level::Actor {
            (offset + limit + 1) as usize
        } else {
            MAX_GROUPS
        };
        let mut groups: HashMap<String, (u64, u64, u64)> = HashMap::new();
        let mut names: HashMap<String, String> = HashMap::new();
        for a in store.actors(&f, top)? {
            let key = g.key(&a.code);
            if let Some(n) = &a.name {
                if key == a.code {
                    names.entry(key.clone()).or_insert_with(|| n.clone());
                }
            }
            let e = groups.entry(key).or_default();
            e.0 += a.events;
            e.1 += a.as_source;
            e.2 += a.as_target;
        }
        let mut list: Vec<_> = groups.into_iter().collect();
        list.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
        let items = list
            .into_iter()
            .skip(offset as usize)
            .take(limit as usize + 1)
            .map(|(code, (n, s, t))| {
                let name = group_name(pipeline, &code, &names);
                json!({"code": code, "name": name, "events": n, "as_source": s, "as_target": t})
            })
            .collect();
        Ok(Json(paged(items, limit, offset, None)))
    })
    .await
}

async fn network(State(st): State<AppState>, mut p: Params) -> Result<Json<Value>, ApiError> {
    let mut f = EventFilter::default();
    dates(&mut p, &mut f)?;
    let level = level(&mut p)?;
    let limit = p.int("limit", 1, 300)?.unwrap_or(40) as usize;
    p.finish()?;
    st.read(move |store, pipeline| {
        let g = Grouper::new(store, level)?;
        let net = store.network(&f, 1)?;
        // undirected edges between groups, self-loops left out
        let mut edges: HashMap<(String, String), (u64, f64)> = HashMap::new();
        for e in &net.edges {
            let (x, y) = (g.key(&e.source), g.key(&e.target));
            if x == y {
                continue;
            }
            let key = if x < y { (x, y) } else { (y, x) };
            let v = edges.entry(key).or_default();
            v.0 += e.events;
            v.1 += e.goldstein_mean * e.events as f64;
        }
        let mut nodes: HashMap<String, (u64, f64)> = HashMap::new();
        for ((a, b), (n, gs)) in &edges {
            for k in [a, b] {
                let v = nodes.entry(k.clone()).or_default();
                v.0 += n;
                v.1 += gs;
            }
        }
        let mut nodes: Vec<_> = nodes.into_iter().collect();
        nodes.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
        nodes.truncate(limit);
        let kept: std::collections::HashSet<&str> = nodes.iter().map(|(k, _)| k.as_str()).collect();
        let mut edge_list: Vec<_> = edges
            .iter()
            .filter(|((a, b), _)| kept.contains(a.as_str()) && kept.contains(b.as_str()))
            .collect();
        edge_list.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let no_names = HashMap::new();
        Ok(Json(json!({
            "nodes": nodes.iter().map(|(k, (n, gs))| json!({
                "id": k, "name": group_name(pipeline, k, &no_names), "events": n, "goldstein": mean(*gs, *n)
            })).collect::<Vec<_>>(),
            "edges": edge_list.iter().map(|((a, b), (n, gs))| json!({
                "a": a, "b": b, "events": n, "goldstein": mean(*gs, *n)
            })).collect::<Vec<_>>(),
        })))
    })
    .await
}

async fn places(State(st): State<AppState>, mut p: Params) -> Result<Json<Value>, ApiError> {
    let mut f = EventFilter {
        actor: actor_value(&mut p, "actor")?,
        ..Default::default()
    };
    dates(&mut p, &mut f)?;
    let (limit, offset) = page(&mut p, 500, 5000)?;
    p.finish()?;
    st.read(move |store, _| {
        let items = store
            .places(&f, (offset + limit + 1) as usize)?
            .into_iter()
            .skip(offset as usize)
            .map(|pl| {
                json!({"name": pl.name, "country": pl.country, "lat": pl.lat, "lon": pl.lon, "events": pl.events,
                       "goldstein": mean(pl.goldstein_mean * pl.events as f64, pl.events)})
            })
            .collect();
        Ok(Json(paged(items, limit, offset, None)))
    })
    .await
}

async fn article(State(st): State<AppState>, Path(id): Path<String>, p: Params) -> Result<Json<Value>, ApiError> {
    p.finish()?;
    if id.is_empty() || id.len() > 300 {
        return Err(ApiError::bad_request("article id must be 1 to 300 characters"));
    }
    st.read(move |store, pipeline| {
        // An all-digit id is the store's internal id; otherwise (or when no
        // such internal id exists) the input id (`article_id`).
        let mut found = None;
        if let Ok(n) = id.parse::<i64>() {
            found = store.article(n)?;
        }
        if found.is_none() {
            if let Some(&n) = store.find_article(&id)?.first() {
                found = store.article(n)?;
            }
        }
        let a = found.ok_or_else(|| ApiError::not_found(format!("no article `{id}`")))?;
        let mut spans = Vec::new();
        for e in &a.events {
            let r = &e.record;
            spans.push(json!({"start": r.source.span[0], "end": r.source.span[1], "kind": "source", "event": e.id}));
            spans.push(json!({"start": r.evidence.event_span[0], "end": r.evidence.event_span[1], "kind": "event", "event": e.id}));
            if let Some(t) = &r.target {
                spans.push(json!({"start": t.span[0], "end": t.span[1], "kind": "target", "event": e.id}));
            }
        }
        let ar = &a.article;
        Ok(Json(json!({
            "id": ar.id,
            "article_id": ar.article_id,
            "title": ar.title,
            "outlet": ar.outlet,
            "url": ar.url,
            "published": ar.published,
            "origin": ar.origin,
            "text": a.original,
            "events": a.events.iter().map(|e| event_json(e, pipeline)).collect::<Vec<_>>(),
            "spans": spans,
            "copies": a.cluster.iter().map(|c| json!({"id": c.id, "article_id": c.article_id, "outlet": c.outlet, "published": c.published})).collect::<Vec<_>>(),
        })))
    })
    .await
}

async fn ingest(State(st): State<AppState>, p: Params, body: Body) -> Result<Json<Value>, ApiError> {
    p.finish()?;
    if !st.allow_ingest() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is disabled; start the server with `dyad serve --allow-ingest`",
        ));
    }
    let max = st.limits().max_ingest_bytes;
    let bytes = axum::body::to_bytes(body, max).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("body is larger than {max} bytes; send fewer articles per request"),
        )
    })?;
    let text = String::from_utf8(bytes.to_vec())
        .map_err(|e| ApiError::bad_request(format!("body is not UTF-8 (byte {})", e.utf8_error().valid_up_to())))?;
    if text.trim().is_empty() {
        return Err(ApiError::bad_request(
            "empty body; send JSON Lines, one article object per line",
        ));
    }
    st.write(move |store, pipeline| {
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for r in dyad_ingest::read_json(&text, "api", "body") {
            match r {
                Ok(a) => articles.push(a),
                Err(problem) => problems.push(problem.to_string()),
            }
        }
        if articles.is_empty() {
            return Err(ApiError::bad_request(format!(
                "no article could be read: {}",
                problems.first().map_or("no lines", String::as_str)
            )));
        }
        let stats = store.ingest(articles, 100, |a| pipeline.process(a))?;
        Ok(Json(json!({
            "read": stats.read,
            "added": stats.added,
            "duplicates": stats.duplicates,
            "syndicated": stats.syndicated,
            "events": stats.events,
            "mentions": stats.mentions,
            "problems": problems,
        })))
    })
    .await
}
