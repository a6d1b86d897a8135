//! The schema and its migrations. `PRAGMA user_version` holds the number of
//! migrations applied; [`migrate`] applies the missing ones, each in its own
//! transaction. Never edit a released migration: append a new one.
//!
//! Tables (version 1):
//! * `articles`: one per distinct publication (unique `content_hash`), with
//!   original and cleaned text, MinHash `signature` and `cluster`;
//! * `lsh`: the LSH band buckets of each article's signature;
//! * `sentences` (+ `sentences_fts`, FTS5 over their text);
//! * `actors`: actor mentions with spans and dictionary entries;
//! * `quotes`: quotations with their speakers;
//! * `events`: folded events (unique `fold_key`), the record fields of
//!   their first mention and the counts;
//! * `mentions`: every event occurrence with all record fields.
//!
//! Version 2 (faster ingest, same content):
//! * `signatures` holds each article's MinHash signature (`minhash`) and
//!   cluster, read for every LSH candidate without touching the article's
//!   text; `articles.signature` is dropped;
//! * `lsh` becomes `(key, article)` WITHOUT ROWID, `key` being the band's
//!   bucket with its 5 low bits replaced by the band number
//!   ([`crate::similar::band_keys`]): one B-tree instead of a table and an
//!   index, and one `IN` lookup per article; new keys go to the small
//!   `lsh_recent` (same layout) and move into `lsh` in key order in bulk
//!   (see `ingest.rs`), and lookups read both;
//! * the indexes `actors_code` and `mentions_sentence`, which no query
//!   uses, are dropped.

use crate::{Result, StoreError};
use rusqlite::Connection;

/// Columns holding one [`crate::EventRecord`] (less the article's own
/// fields and the evidence sentence, which come from `articles` and
/// `sentences`), shared by `events` and `mentions` in this order.
pub(crate) const RECORD_COLUMNS: &str = "
    article INTEGER NOT NULL REFERENCES articles(id),
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    is_root INTEGER NOT NULL,
    date TEXT,
    date_source TEXT NOT NULL,
    src_text TEXT NOT NULL, src_code TEXT NOT NULL, src_country TEXT, src_sector TEXT, src_name TEXT,
    src_start INTEGER NOT NULL, src_end INTEGER NOT NULL, src_entry TEXT NOT NULL,
    tgt_text TEXT, tgt_code TEXT, tgt_country TEXT, tgt_sector TEXT, tgt_name TEXT,
    tgt_start INTEGER, tgt_end INTEGER, tgt_entry TEXT,
    cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
    plover TEXT, negated INTEGER NOT NULL, modality TEXT NOT NULL,
    loc_name TEXT, loc_country TEXT, loc_lat REAL, loc_lon REAL,
    event_start INTEGER NOT NULL, event_end INTEGER NOT NULL, event_text TEXT NOT NULL,
    pattern TEXT NOT NULL";

/// The migrations, in order; `user_version` = how many are applied.
fn migrations() -> Vec<String> {
    vec![
        format!(
            "
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,
    origin TEXT NOT NULL,
    original TEXT NOT NULL,
    cleaned TEXT NOT NULL,
    content_hash INTEGER NOT NULL UNIQUE,
    signature BLOB,
    cluster INTEGER NOT NULL
);
CREATE INDEX articles_article_id ON articles(article_id);
CREATE INDEX articles_cluster ON articles(cluster);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE lsh (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id)
);
CREATE INDEX lsh_bucket ON lsh(band, bucket);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    headline INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX sentences_article ON sentences(article, idx);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    sentence INTEGER NOT NULL,
    text TEXT NOT NULL,
    code TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    name TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    entry TEXT NOT NULL
);
CREATE INDEX actors_article ON actors(article);
CREATE INDEX actors_code ON actors(code);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    sentence INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker_text TEXT, speaker_code TEXT, speaker_country TEXT, speaker_sector TEXT, speaker_name TEXT,
    speaker_start INTEGER, speaker_end INTEGER, speaker_entry TEXT
);
CREATE INDEX quotes_article ON quotes(article);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    fold_key TEXT NOT NULL UNIQUE,
    cluster INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    {RECORD_COLUMNS}
);
CREATE INDEX events_src ON events(src_code);
CREATE INDEX events_tgt ON events(tgt_code);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_root ON events(root);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    event INTEGER NOT NULL REFERENCES events(id),
    {RECORD_COLUMNS}
);
CREATE INDEX mentions_event ON mentions(event);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX mentions_sentence ON mentions(sentence_id);
"
        ),
        "
DROP INDEX actors_code;
DROP INDEX mentions_sentence;

CREATE TABLE signatures (
    article INTEGER PRIMARY KEY REFERENCES articles(id),
    cluster INTEGER NOT NULL,
    minhash BLOB NOT NULL
);
INSERT INTO signatures (article, cluster, minhash)
    SELECT id, cluster, signature FROM articles WHERE signature IS NOT NULL;
ALTER TABLE articles DROP COLUMN signature;

CREATE TABLE lsh_v2 (
    key INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
INSERT OR IGNORE INTO lsh_v2 (key, article) SELECT (bucket & -32) | band, article FROM lsh;
DROP TABLE lsh;
ALTER TABLE lsh_v2 RENAME TO lsh;
CREATE TABLE lsh_recent (
    key INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
"
        .to_string(),
    ]
}

/// The schema version this build writes and reads.
pub fn current_version() -> i64 {
    migrations().len() as i64
}

fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the schema to the current version. A database that has tables
/// but no version is not ours and is left alone.
pub(crate) fn migrate(conn: &mut Connection, path: &str) -> Result<()> {
    let found = version(conn)?;
    let all = migrations();
    if found > all.len() as i64 {
        return Err(StoreError::TooNew {
            path: path.into(),
            found,
            supported: all.len() as i64,
        });
    }
    if found == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| {
            r.get(0)
        })?;
        if tables > 0 {
            return Err(StoreError::NotAStore {
                path: path.into(),
                found,
            });
        }
    }
    for (i, sql) in all.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// For read-only opens: the schema must be exactly the current one.
pub(crate) fn check_current(conn: &Connection, path: &str) -> Result<()> {
    let found = version(conn)?;
    let supported = current_version();
    if found > supported {
        return Err(StoreError::TooNew {
            path: path.into(),
            found,
            supported,
        });
    }
    if found < supported {
        let hint = if found == 0 {
            "no dyad schema"
        } else {
            "an older schema"
        };
        return Err(StoreError::Corrupt(format!(
            "{path}: {hint} (version {found}, need {supported}); open it for writing (e.g. `dyad ingest`) to migrate"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{similar, Store};

    const STORY: &str = "Russia is convinced that further cooperation with Italy will have a positive impact on \
        efforts to combat COVID-19 and other global challenges, Russian Foreign Minister Sergey Lavrov said on \
        Wednesday during a meeting with his Italian counterpart, Luigi Di Maio. The Russian foreign minister added \
        that Moscow values the continuity in relations with Rome over recent years.";

    /// A version-1 store holding one article written as version 1 wrote it
    /// (signature in `articles`, LSH rows as band + bucket), migrated to the
    /// current version: its signature and LSH keys move, and a copy ingested
    /// afterwards still finds it.
    #[test]
    fn version_1_stores_migrate_and_keep_finding_their_copies() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(&migrations()[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        let sig = similar::signature(STORY).unwrap();
        conn.execute(
            "INSERT INTO articles (id, article_id, origin, original, cleaned, content_hash, signature, cluster)
             VALUES (1, 'old', 'old.txt', ?1, ?1, 42, ?2, 1)",
            rusqlite::params![STORY, similar::to_bytes(&sig)],
        )
        .unwrap();
        for (band, bucket) in similar::bands(&sig).iter().enumerate() {
            conn.execute(
                "INSERT INTO lsh (band, bucket, article) VALUES (?1, ?2, 1)",
                rusqlite::params![band as i64, *bucket as i64],
            )
            .unwrap();
        }

        migrate(&mut conn, ":memory:").unwrap();
        assert_eq!(version(&conn).unwrap(), current_version());
        let (stored, cluster): (Vec<u8>, i64) = conn
            .query_row("SELECT minhash, cluster FROM signatures WHERE article = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((similar::from_bytes(&stored), cluster), (sig.clone(), 1));
        let mut keys: Vec<i64> = conn
            .prepare("SELECT key FROM lsh WHERE article = 1 ORDER BY key")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut expected = similar::band_keys(&sig);
        expected.sort();
        expected.dedup();
        keys.dedup();
        assert_eq!(keys, expected);
        let has_signature: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'signature'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(has_signature, 0);

        let mut store = Store {
            conn,
            path: ":memory:".into(),
        };
        let mut copy = dyad_pipeline::Pipeline::builtin()
            .process_text(&STORY.replace("over recent years", "in recent years"), None);
        copy.article.outlet = Some("Another Outlet".into());
        let st = store.ingest_docs([copy], 10).unwrap();
        assert_eq!((st.added, st.syndicated), (1, 1));
        let clusters: Vec<i64> = store
            .conn
            .prepare("SELECT cluster FROM articles ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(clusters, vec![1, 1]);
    }
}
