//! Reading: filters to SQL, rows to records, aggregates.

use crate::*;
use dyad_doc::{DateSource, Modality, Place};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Row};

/// A WHERE clause over `events e` and its parameters.
struct Where {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Where {
    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".into()
        } else {
            self.clauses.join(" AND ")
        }
    }
    fn push(&mut self, clause: String, params: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause);
        self.params.extend(params);
    }
}

/// Capitals and digits: a code prefix; anything else: a name substring.
fn is_code(v: &str) -> bool {
    !v.is_empty() && v.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

fn like_escape(v: &str) -> String {
    v.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// SQL for "the actor in column group `side` (`src`/`tgt`) matches `v`".
fn actor_match(side: &str, v: &str) -> (String, Value) {
    let v = v.trim();
    if is_code(v) {
        (
            format!("e.{side}_code LIKE ? ESCAPE '\\'"),
            Value::Text(format!("{}%", like_escape(v))),
        )
    } else {
        (
            format!("e.{side}_name LIKE ? ESCAPE '\\'"),
            Value::Text(format!("%{}%", like_escape(v))),
        )
    }
}

fn build(store: &Store, f: &EventFilter) -> Result<Where> {
    validate(store, f)?;
    let mut w = Where {
        clauses: Vec::new(),
        params: Vec::new(),
    };
    if let Some(v) = &f.actor {
        let (s, p1) = actor_match("src", v);
        let (t, p2) = actor_match("tgt", v);
        w.push(format!("({s} OR {t})"), [p1, p2]);
    }
    if let Some(v) = &f.source {
        let (s, p) = actor_match("src", v);
        w.push(s, [p]);
    }
    if let Some(v) = &f.target {
        let (t, p) = actor_match("tgt", v);
        w.push(t, [p]);
    }
    if let Some((a, b)) = &f.dyad {
        let (sa, pa) = actor_match("src", a);
        let (tb, pb) = actor_match("tgt", b);
        if f.directed {
            w.push(format!("({sa} AND {tb})"), [pa, pb]);
        } else {
            let (sb, pb2) = actor_match("src", b);
            let (ta, pa2) = actor_match("tgt", a);
            w.push(format!("(({sa} AND {tb}) OR ({sb} AND {ta}))"), [pa, pb, pb2, pa2]);
        }
    }
    if let Some(v) = &f.root {
        w.push("e.root = ?".into(), [Value::Text(v.trim().into())]);
    }
    if let Some(v) = &f.cameo {
        w.push(
            "e.cameo LIKE ? ESCAPE '\\'".into(),
            [Value::Text(format!("{}%", like_escape(v.trim())))],
        );
    }
    if let Some(v) = &f.plover {
        w.push("e.plover = ? COLLATE NOCASE".into(), [Value::Text(v.trim().into())]);
    }
    if let Some(q) = f.quad {
        w.push("e.quad_class = ?".into(), [Value::Integer(q as i64)]);
    }
    if let Some(d) = f.from {
        w.push("e.date >= ?".into(), [Value::Text(d.to_string())]);
    }
    if let Some(d) = f.to {
        w.push("e.date <= ?".into(), [Value::Text(d.to_string())]);
    }
    if let Some(v) = &f.place {
        let v = v.trim().to_string();
        w.push(
            "(e.loc_name = ? COLLATE NOCASE OR e.loc_country = ?)".into(),
            [Value::Text(v.clone()), Value::Text(v)],
        );
    }
    if let Some(v) = &f.outlet {
        w.push(
            "EXISTS (SELECT 1 FROM mentions m JOIN articles a2 ON a2.id = m.article
                     WHERE m.event = e.id AND a2.outlet = ? COLLATE NOCASE)"
                .into(),
            [Value::Text(v.trim().into())],
        );
    }
    if let Some(v) = &f.text {
        w.push(
            "EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id AND m.sentence_id IN
                     (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))"
                .into(),
            [Value::Text(v.clone())],
        );
    }
    if let Some(id) = f.article {
        w.push(
            "EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id AND m.article = ?)".into(),
            [Value::Integer(id)],
        );
    }
    Ok(w)
}

/// Checks the parts of a filter SQLite parses itself (the FTS5 query), so
/// a malformed one is named as a filter error rather than a database error.
fn validate(store: &Store, f: &EventFilter) -> Result<()> {
    if let Some(q) = &f.text {
        store
            .conn
            .query_row(
                "SELECT count(*) FROM (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1 LIMIT 1)",
                [q],
                |r| r.get::<_, i64>(0),
            )
            .map_err(|e| StoreError::Filter(format!("text query {q:?}: {e}")))?;
    }
    Ok(())
}

/// Columns of an [`EventRow`]: record fields from `e` (an `events` or
/// `mentions` row), fold id and counts from `c` (the `events` row).
const ROW_COLUMNS: &str = "c.id, c.cluster, e.article, e.is_root, c.num_mentions, c.num_sources, c.num_articles,
    a.article_id, a.outlet, a.url, a.published, s.idx, e.date, e.date_source,
    e.src_text, e.src_code, e.src_country, e.src_sector, e.src_name, e.src_start, e.src_end, e.src_entry,
    e.tgt_text, e.tgt_code, e.tgt_country, e.tgt_sector, e.tgt_name, e.tgt_start, e.tgt_end, e.tgt_entry,
    e.cameo, e.root, e.quad_class, e.goldstein, e.plover, e.negated, e.modality,
    e.loc_name, e.loc_country, e.loc_lat, e.loc_lon,
    s.text, s.start, s.end, e.event_start, e.event_end, e.event_text, e.pattern,
    e.plover_mode, e.plover_context";

fn date(v: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    v.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
    })
    .transpose()
}

fn from_name<T: serde::de::DeserializeOwned>(s: String) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

fn span(r: &Row, i: usize) -> rusqlite::Result<[usize; 2]> {
    Ok([r.get::<_, i64>(i)? as usize, r.get::<_, i64>(i + 1)? as usize])
}

/// An actor from 8 columns starting at `i` (text, code, country, sector,
/// name, start, end, entry); `None` when the code is NULL.
fn actor(r: &Row, i: usize) -> rusqlite::Result<Option<ActorRecord>> {
    let Some(code) = r.get::<_, Option<String>>(i + 1)? else {
        return Ok(None);
    };
    Ok(Some(ActorRecord {
        text: r.get(i)?,
        code,
        country: r.get(i + 2)?,
        sector: r.get(i + 3)?,
        name: r.get(i + 4)?,
        span: span(r, i + 5)?,
        entry: r.get(i + 7)?,
    }))
}

fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    let source = actor(r, 14)?.ok_or(rusqlite::Error::InvalidColumnType(
        15,
        "src_code".into(),
        rusqlite::types::Type::Null,
    ))?;
    let location = match r.get::<_, Option<String>>(37)? {
        Some(name) => Some(Place {
            name,
            country: r.get(38)?,
            lat: r.get(39)?,
            lon: r.get(40)?,
        }),
        None => None,
    };
    let record = EventRecord {
        article_id: r.get(7)?,
        outlet: r.get(8)?,
        url: r.get(9)?,
        published: date(r.get(10)?)?,
        sentence: r.get::<_, i64>(11)? as usize,
        date: date(r.get(12)?)?,
        date_source: from_name::<DateSource>(r.get(13)?)?,
        source,
        target: actor(r, 22)?,
        cameo: r.get(30)?,
        root: r.get(31)?,
        quad_class: r.get::<_, i64>(32)? as u8,
        goldstein: r.get(33)?,
        plover: r.get(34)?,
        plover_mode: r.get(48)?,
        plover_context: r
            .get::<_, Option<String>>(49)?
            .map_or_else(Vec::new, |c| c.split(';').map(String::from).collect()),
        negated: r.get(35)?,
        modality: from_name::<Modality>(r.get(36)?)?,
        location,
        evidence: Evidence {
            sentence: r.get(41)?,
            sentence_span: span(r, 42)?,
            event_span: span(r, 44)?,
            event_text: r.get(46)?,
        },
        pattern: r.get(47)?,
    };
    Ok(EventRow {
        id: r.get(0)?,
        cluster: r.get(1)?,
        article: r.get(2)?,
        is_root: r.get(3)?,
        num_mentions: r.get::<_, i64>(4)? as u64,
        num_sources: r.get::<_, i64>(5)? as u64,
        num_articles: r.get::<_, i64>(6)? as u64,
        record,
    })
}

fn limit_sql(page: Page) -> String {
    format!(
        "LIMIT {} OFFSET {}",
        page.limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64),
        page.offset.min(i64::MAX as u64)
    )
}

pub(crate) fn events<E, F>(store: &Store, f: &EventFilter, page: Page, mut each: F) -> Result<(), E>
where
    E: From<StoreError>,
    F: FnMut(EventRow) -> Result<(), E>,
{
    let w = build(store, f)?;
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM events e CROSS JOIN events c ON c.id = e.id
         JOIN articles a ON a.id = e.article JOIN sentences s ON s.id = e.sentence_id
         WHERE {} ORDER BY e.date IS NULL, e.date, e.id {}",
        w.sql(),
        limit_sql(page)
    );
    let mut stmt = store.conn.prepare(&sql).map_err(StoreError::from)?;
    let mut rows = stmt.query(params_from_iter(&w.params)).map_err(StoreError::from)?;
    while let Some(r) = rows.next().map_err(StoreError::from)? {
        each(event_row(r).map_err(StoreError::from)?)?;
    }
    Ok(())
}

pub(crate) fn count(store: &Store, f: &EventFilter) -> Result<u64> {
    let w = build(store, f)?;
    let sql = format!("SELECT count(*) FROM events e WHERE {}", w.sql());
    let n: i64 = store
        .conn
        .query_row(&sql, params_from_iter(&w.params), |r| r.get(0))
        .map_err(StoreError::from)?;
    Ok(n as u64)
}

pub(crate) fn counts(store: &Store) -> Result<StoreCounts> {
    let n = |sql: &str| -> Result<u64> { Ok(store.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
    Ok(StoreCounts {
        articles: n("SELECT count(*) FROM articles")?,
        clusters: n("SELECT count(DISTINCT cluster) FROM articles")?,
        events: n("SELECT count(*) FROM events")?,
        mentions: n("SELECT count(*) FROM mentions")?,
        sentences: n("SELECT count(*) FROM sentences")?,
        actors: n("SELECT count(*) FROM actors")?,
        quotes: n("SELECT count(*) FROM quotes")?,
    })
}

pub(crate) fn dyads(store: &Store, f: &EventFilter, top: usize, directed: bool) -> Result<Vec<DyadCount>> {
    let w = build(store, f)?;
    let (a, b) = if directed {
        ("e.src_code", "e.tgt_code")
    } else {
        ("min(e.src_code, e.tgt_code)", "max(e.src_code, e.tgt_code)")
    };
    let sql = format!(
        "SELECT {a} AS x, {b} AS y, count(*) AS n, sum(e.num_mentions), avg(e.goldstein) FROM events e
         WHERE e.tgt_code IS NOT NULL AND {} GROUP BY x, y ORDER BY n DESC, sum(e.num_mentions) DESC, x, y LIMIT {top}",
        w.sql()
    );
    let mut stmt = store.conn.prepare(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(&w.params), |r| {
            Ok(DyadCount {
                source: r.get(0)?,
                target: r.get(1)?,
                events: r.get::<_, i64>(2)? as u64,
                mentions: r.get::<_, i64>(3)? as u64,
                goldstein_mean: r.get(4)?,
            })
        })
        .map_err(StoreError::from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn timeline(store: &Store, f: &EventFilter, by: Bucket) -> Result<Vec<TimelinePoint>> {
    let w = build(store, f)?;
    let period = match by {
        Bucket::Day => "e.date",
        Bucket::Week => "date(e.date, 'weekday 0', '-6 days')",
        Bucket::Month => "substr(e.date, 1, 7)",
    };
    let sql = format!(
        "SELECT {period} AS p, count(*),
                sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4),
                sum(e.goldstein), sum(e.num_mentions)
         FROM events e WHERE e.date IS NOT NULL AND {} GROUP BY p ORDER BY p",
        w.sql()
    );
    let mut stmt = store.conn.prepare(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(&w.params), |r| {
            let n = |i: usize| -> rusqlite::Result<u64> { Ok(r.get::<_, i64>(i)? as u64) };
            Ok(TimelinePoint {
                period: r.get(0)?,
                events: n(1)?,
                quad: [n(2)?, n(3)?, n(4)?, n(5)?],
                goldstein_sum: r.get(6)?,
                mentions: n(7)?,
            })
        })
        .map_err(StoreError::from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn actors(store: &Store, f: &EventFilter, top: usize) -> Result<Vec<ActorCount>> {
    let w = build(store, f)?;
    let filtered = format!("SELECT * FROM events e WHERE {}", w.sql());
    let sql = format!(
        "WITH fe AS ({filtered}),
              sides AS (SELECT src_code AS code, src_name AS name, 1 AS s, 0 AS t, num_mentions AS m FROM fe
                        UNION ALL
                        SELECT tgt_code, tgt_name, 0, 1, num_mentions FROM fe WHERE tgt_code IS NOT NULL),
              names AS (SELECT code, name, count(*) AS k FROM sides WHERE name IS NOT NULL GROUP BY code, name)
         SELECT code, (SELECT name FROM names WHERE names.code = sides.code ORDER BY k DESC, name LIMIT 1),
                count(*) AS n, sum(s), sum(t), sum(m)
         FROM sides GROUP BY code ORDER BY n DESC, code LIMIT {top}"
    );
    let mut stmt = store.conn.prepare(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(&w.params), |r| {
            let n = |i: usize| -> rusqlite::Result<u64> { Ok(r.get::<_, i64>(i)? as u64) };
            Ok(ActorCount {
                code: r.get(0)?,
                name: r.get(1)?,
                events: n(2)?,
                as_source: n(3)?,
                as_target: n(4)?,
                mentions: n(5)?,
            })
        })
        .map_err(StoreError::from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn network(store: &Store, f: &EventFilter, min_events: u64) -> Result<Network> {
    let edges = dyads(store, f, usize::MAX >> 1, true)?;
    let mut net = Network::default();
    let mut nodes: std::collections::BTreeMap<String, u64> = Default::default();
    for d in edges.into_iter().filter(|d| d.events >= min_events) {
        *nodes.entry(d.source.clone()).or_default() += d.events;
        if d.target != d.source {
            *nodes.entry(d.target.clone()).or_default() += d.events;
        }
        net.edges.push(NetworkEdge {
            source: d.source,
            target: d.target,
            events: d.events,
            mentions: d.mentions,
            goldstein_mean: d.goldstein_mean,
        });
    }
    net.nodes = nodes
        .into_iter()
        .map(|(code, events)| NetworkNode { code, events })
        .collect();
    net.nodes
        .sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.code.cmp(&b.code)));
    Ok(net)
}

pub(crate) fn places(store: &Store, f: &EventFilter, top: usize) -> Result<Vec<PlaceCount>> {
    let w = build(store, f)?;
    let sql = format!(
        "SELECT e.loc_name, e.loc_country, avg(e.loc_lat), avg(e.loc_lon), count(*) AS n, avg(e.goldstein)
         FROM events e WHERE e.loc_name IS NOT NULL AND {}
         GROUP BY e.loc_name, e.loc_country ORDER BY n DESC, e.loc_name LIMIT {top}",
        w.sql()
    );
    let mut stmt = store.conn.prepare(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(&w.params), |r| {
            Ok(PlaceCount {
                name: r.get(0)?,
                country: r.get(1)?,
                lat: r.get(2)?,
                lon: r.get(3)?,
                events: r.get::<_, i64>(4)? as u64,
                goldstein_mean: r.get(5)?,
            })
        })
        .map_err(StoreError::from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const ARTICLE_COLUMNS: &str = "id, article_id, title, outlet, url, published, origin, cluster, content_hash";

fn article_row(r: &Row) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        id: r.get(0)?,
        article_id: r.get(1)?,
        title: r.get(2)?,
        outlet: r.get(3)?,
        url: r.get(4)?,
        published: date(r.get(5)?)?,
        origin: r.get(6)?,
        cluster: r.get(7)?,
        content_hash: format!("{:016x}", r.get::<_, i64>(8)? as u64),
    })
}

pub(crate) fn articles(store: &Store, page: Page) -> Result<Vec<ArticleRow>> {
    let sql = format!(
        "SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY published IS NULL, published DESC, id {}",
        limit_sql(page)
    );
    let mut stmt = store.conn.prepare(&sql)?;
    let rows = stmt.query_map([], article_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn find_article(store: &Store, key: &str) -> Result<Vec<i64>> {
    let mut stmt = store
        .conn
        .prepare("SELECT id FROM articles WHERE article_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([key], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn article(store: &Store, id: i64) -> Result<Option<ArticleWithSpans>> {
    let c = &store.conn;
    let Some((article, original)) = c
        .query_row(
            &format!("SELECT {ARTICLE_COLUMNS}, original FROM articles WHERE id = ?1"),
            [id],
            |r| Ok((article_row(r)?, r.get::<_, String>(9)?)),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt =
        c.prepare("SELECT idx, start, end, headline, text FROM sentences WHERE article = ?1 ORDER BY idx")?;
    let sentences = stmt
        .query_map([id], |r| {
            Ok(SentenceRow {
                index: r.get::<_, i64>(0)? as usize,
                span: span(r, 1)?,
                headline: r.get(3)?,
                text: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = c.prepare(
        "SELECT sentence, text, code, country, sector, name, start, end, entry FROM actors
         WHERE article = ?1 ORDER BY start, id",
    )?;
    let actors = stmt
        .query_map([id], |r| {
            Ok(ActorSpan {
                sentence: r.get::<_, i64>(0)? as usize,
                actor: actor(r, 1)?.expect("actor code is NOT NULL"),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = c.prepare(
        "SELECT sentence, text, start, end, speaker_text, speaker_code, speaker_country, speaker_sector,
                speaker_name, speaker_start, speaker_end, speaker_entry
         FROM quotes WHERE article = ?1 ORDER BY start, id",
    )?;
    let quotes = stmt
        .query_map([id], |r| {
            Ok(QuoteRow {
                sentence: r.get::<_, i64>(0)? as usize,
                text: r.get(1)?,
                span: span(r, 2)?,
                speaker: actor(r, 4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = c.prepare(&format!(
        "SELECT {ROW_COLUMNS} FROM mentions e JOIN events c ON c.id = e.event
         JOIN articles a ON a.id = e.article JOIN sentences s ON s.id = e.sentence_id
         WHERE e.article = ?1 ORDER BY s.idx, e.event_start, e.id"
    ))?;
    let events = stmt.query_map([id], event_row)?.collect::<rusqlite::Result<_>>()?;
    let mut stmt = c.prepare(&format!(
        "SELECT {ARTICLE_COLUMNS} FROM articles WHERE cluster = ?1 AND id != ?2 ORDER BY id"
    ))?;
    let cluster = stmt
        .query_map([article.cluster, id], article_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(ArticleWithSpans {
        article,
        original,
        sentences,
        actors,
        quotes,
        events,
        cluster,
    }))
}

pub(crate) fn verify(store: &Store) -> Result<Vec<String>> {
    let c = &store.conn;
    let mut problems = Vec::new();
    let mut stmt = c.prepare("PRAGMA integrity_check")?;
    for r in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let r = r?;
        if r != "ok" {
            problems.push(format!("integrity: {r}"));
        }
    }
    let mut stmt = c.prepare("PRAGMA foreign_key_check")?;
    for r in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (table, row) = r?;
        problems.push(format!("foreign key: {table} row {row} points nowhere"));
    }
    let checks: [(&str, &str); 4] = [
        (
            "events whose counts disagree with their mentions",
            "SELECT count(*) FROM events e WHERE num_mentions != (SELECT count(*) FROM mentions WHERE event = e.id)
                OR num_articles != (SELECT count(DISTINCT article) FROM mentions WHERE event = e.id)",
        ),
        (
            "events without a mention",
            "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE event = e.id)",
        ),
        (
            "articles in a cluster with no first article",
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.cluster)",
        ),
        (
            "mentions whose sentence is in another article",
            "SELECT count(*) FROM mentions m JOIN sentences s ON s.id = m.sentence_id WHERE s.article != m.article",
        ),
    ];
    for (what, sql) in checks {
        let n: i64 = c.query_row(sql, [], |r| r.get(0))?;
        if n != 0 {
            problems.push(format!("{n} {what}"));
        }
    }
    Ok(problems)
}
