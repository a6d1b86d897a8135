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
//!
//! Version 3 (PLOVER mode and context):
//! * `events` and `mentions` gain `plover_mode` (TEXT, NULL for none) and
//!   `plover_context` (TEXT, the contexts `;`-separated as in
//!   `dict/cameo.tsv`, NULL for none) after the `RECORD_COLUMNS`. Rows
//!   stored before keep NULL in both: they read back with no mode and no
//!   context (`dyad export --format plover` fills those from the codebook).

use crate::{Result, StoreError};
use rusqlite::Connection;

/// Columns holding one [`crate::EventRecord`] (less the article's own
/// fields and the evidence sentence, which come from `articles` and
/// `sentences`), shared by `events` and `mentions` in this order, as
/// version 1 created them (version 3 appends `plover_mode` and
/// `plover_context`). Part of a released migration: never edit it.
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
        "
ALTER TABLE events ADD COLUMN plover_mode TEXT;
ALTER TABLE events ADD COLUMN plover_context TEXT;
ALTER TABLE mentions ADD COLUMN plover_mode TEXT;
ALTER TABLE mentions ADD COLUMN plover_context TEXT;
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
    use crate::{similar, NaiveDate, Store};

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

    /// A version-2 store (built with the version-1 and version-2 DDL, as a
    /// release before PLOVER mode and context wrote it) holding one article
    /// with one event and its mention, opened as a file: the migration adds
    /// the columns, keeps every row, the old event reads back with no mode
    /// or context, and events ingested afterwards carry theirs.
    #[test]
    fn version_2_stores_migrate_and_keep_their_events() {
        let dir = std::env::temp_dir().join(format!("dyad-schema-v2-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("old.db");
        let _ = std::fs::remove_file(&path);
        let sentence = STORY.split(". ").next().unwrap();
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(&migrations()[0]).unwrap();
            conn.execute_batch(&migrations()[1]).unwrap();
            conn.pragma_update(None, "user_version", 2).unwrap();
            conn.execute(
                "INSERT INTO articles (id, article_id, outlet, origin, original, cleaned, content_hash, cluster)
                 VALUES (1, 'old', 'UrduPoint.com', 'old.txt', ?1, ?1, 42, 1)",
                [STORY],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO sentences (id, article, idx, start, end, headline, text)
                 VALUES (1, 1, 0, 0, ?1, 0, ?2)",
                rusqlite::params![sentence.chars().count() as i64, sentence],
            )
            .unwrap();
            let record = "article, sentence_id, is_root, date, date_source,
                src_text, src_code, src_country, src_sector, src_name, src_start, src_end, src_entry,
                tgt_text, tgt_code, tgt_country, tgt_sector, tgt_name, tgt_start, tgt_end, tgt_entry,
                cameo, root, quad_class, goldstein, plover, negated, modality,
                event_start, event_end, event_text, pattern";
            let values = "1, 1, 1, '2020-10-14', 'text',
                'Russian Foreign Minister Sergey Lavrov', 'RUSGOV', 'RUS', 'GOV', 'Sergey Lavrov', 146, 184,
                'countries.tsv:1',
                'Luigi Di Maio', 'ITAGOV', 'ITA', 'GOV', 'Luigi Di Maio', 251, 264, 'countries.tsv:2',
                '040', '04', 1, 1.0, 'CONSULT', 0, 'asserted', 209, 221, 'meeting with', 'events.txt:1'";
            conn.execute_batch(&format!(
                "INSERT INTO events (id, fold_key, cluster, num_mentions, num_sources, num_articles, {record})
                 VALUES (1, '1|RUSGOV|ITAGOV|040|2020-10-14|', 1, 1, 1, 1, {values});
                 INSERT INTO mentions (id, event, {record}) VALUES (1, 1, {values});"
            ))
            .unwrap();
        }

        let mut store = Store::open(&path).unwrap();
        assert_eq!(version(&store.conn).unwrap(), 3);
        assert_eq!(current_version(), 3);
        for table in ["events", "mentions"] {
            let added: i64 = store
                .conn
                .query_row(
                    &format!(
                        "SELECT count(*) FROM pragma_table_info('{table}')
                         WHERE name IN ('plover_mode', 'plover_context')"
                    ),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(added, 2, "{table}");
        }
        let counts = store.counts().unwrap();
        assert_eq!((counts.articles, counts.events, counts.mentions), (1, 1, 1));
        assert_eq!(store.verify().unwrap(), Vec::<String>::new());
        let old = store.query(&crate::EventFilter::default(), crate::Page::all()).unwrap();
        assert_eq!(old.len(), 1);
        let r = &old[0].record;
        assert_eq!((r.cameo.as_str(), r.plover.as_deref()), ("040", Some("CONSULT")));
        assert_eq!(r.source.name.as_deref(), Some("Sergey Lavrov"));
        assert_eq!(r.evidence.event_text, "meeting with");
        assert_eq!((r.plover_mode.as_deref(), r.plover_context.len()), (None, 0));
        let view = store.article(1).unwrap().unwrap();
        assert_eq!(view.events.len(), 1);
        assert_eq!(view.events[0].record.plover_mode, None);

        // events ingested after the migration carry mode and context
        let doc = dyad_pipeline::Pipeline::builtin().process_text(
            "The United States threatened to impose sanctions on Russia on Monday.",
            NaiveDate::from_ymd_opt(2022, 2, 14),
        );
        store.ingest_docs([doc], 10).unwrap();
        let rows = store.query(&crate::EventFilter::default(), crate::Page::all()).unwrap();
        let threat = rows
            .iter()
            .find(|r| r.record.cameo == "1312")
            .expect("the sanctions threat is stored");
        assert_eq!(threat.record.plover.as_deref(), Some("THREATEN"));
        assert_eq!(threat.record.plover_mode.as_deref(), Some("restrict"));
        assert_eq!(threat.record.plover_context, ["economic"]);
        assert!(rows.iter().any(|r| r.id == 1 && r.record.plover_mode.is_none()));
        drop(store);
        // a second open finds the current version and changes nothing
        let again = Store::open_read_only(&path).unwrap();
        assert_eq!(again.counts().unwrap().events, rows.len() as u64);
        drop(again);
        std::fs::remove_dir_all(&dir).ok();
    }
}
