//! Writing coded documents: one transaction per batch; duplicate check
//! before coding; clustering; event folding and count upkeep.

use crate::{similar, IngestStats, Result, Store};
use dyad_doc::record::{ActorRecord, EventRecord};
use dyad_doc::{Article, Doc, MentionKind};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Transaction};
use std::collections::{BTreeSet, HashSet};

pub(crate) fn contains(conn: &Connection, hash: u64) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM articles WHERE content_hash = ?1", [hash as i64], |_| {
            Ok(())
        })
        .optional()?
        .is_some())
}

pub(crate) fn run<T, I, A, F>(
    store: &mut Store,
    items: I,
    article_of: A,
    batch: usize,
    mut code: F,
) -> Result<IngestStats>
where
    I: IntoIterator<Item = T>,
    A: Fn(&T) -> &Article,
    F: FnMut(T) -> Doc,
{
    let batch = batch.max(1);
    let mut stats = IngestStats::default();
    let mut pending: Vec<Doc> = Vec::with_capacity(batch);
    let mut pending_hashes: HashSet<u64> = HashSet::new();
    for item in items {
        stats.read += 1;
        let hash = similar::content_hash(article_of(&item));
        if pending_hashes.contains(&hash) || contains(&store.conn, hash)? {
            stats.duplicates += 1;
            continue;
        }
        pending_hashes.insert(hash);
        pending.push(code(item));
        if pending.len() >= batch {
            write_batch(&mut store.conn, &pending, &mut stats)?;
            pending.clear();
            pending_hashes.clear();
        }
    }
    if !pending.is_empty() {
        write_batch(&mut store.conn, &pending, &mut stats)?;
    }
    Ok(stats)
}

fn write_batch(conn: &mut Connection, docs: &[Doc], stats: &mut IngestStats) -> Result<()> {
    let tx = conn.transaction()?;
    let mut touched = BTreeSet::new();
    for doc in docs {
        write_doc(&tx, doc, stats, &mut touched)?;
    }
    update_counts(&tx, &touched)?;
    tx.commit()?;
    stats.batches += 1;
    Ok(())
}

fn date_text(d: Option<dyad_doc::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// Serde's lowercase name of a unit enum variant.
pub(crate) fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn write_doc(tx: &Transaction, doc: &Doc, stats: &mut IngestStats, touched: &mut BTreeSet<i64>) -> Result<()> {
    let a = &doc.article;
    let hash = similar::content_hash(a);
    let sig = similar::signature(&a.text);
    tx.execute(
        "INSERT INTO articles (article_id, title, outlet, url, published, origin, original, cleaned, content_hash,
                               signature, cluster)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)",
        params![
            a.id,
            a.title,
            a.outlet,
            a.url,
            date_text(a.published),
            a.origin,
            a.original,
            a.text,
            hash as i64,
            sig.as_ref().map(|s| similar::to_bytes(s)),
        ],
    )?;
    let article = tx.last_insert_rowid();
    stats.added += 1;

    // Cluster: join the most similar stored article's cluster, if any is close enough.
    let mut cluster = article;
    if let Some(sig) = &sig {
        let bands = similar::bands(sig);
        let mut candidates = BTreeSet::new();
        {
            let mut q = tx.prepare_cached("SELECT article FROM lsh WHERE band = ?1 AND bucket = ?2")?;
            for (band, bucket) in bands.iter().enumerate() {
                for id in q.query_map(params![band as i64, *bucket as i64], |r| r.get::<_, i64>(0))? {
                    candidates.insert(id?);
                }
            }
        }
        let mut best: Option<(f64, i64)> = None;
        let mut q = tx.prepare_cached("SELECT signature, cluster FROM articles WHERE id = ?1")?;
        for id in candidates {
            let (bytes, c): (Vec<u8>, i64) = q.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let est = similar::estimate(sig, &similar::from_bytes(&bytes));
            if est >= similar::THRESHOLD && best.is_none_or(|(b, bc)| est > b || (est == b && c < bc)) {
                best = Some((est, c));
            }
        }
        if let Some((_, c)) = best {
            cluster = c;
            stats.syndicated += 1;
        }
        let mut ins = tx.prepare_cached("INSERT INTO lsh (band, bucket, article) VALUES (?1, ?2, ?3)")?;
        for (band, bucket) in bands.iter().enumerate() {
            ins.execute(params![band as i64, *bucket as i64, article])?;
        }
    }
    tx.execute(
        "UPDATE articles SET cluster = ?1 WHERE id = ?2",
        params![cluster, article],
    )?;

    // Sentences and their full-text index.
    let mut sentence_ids = Vec::with_capacity(doc.sentences.len());
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO sentences (article, idx, start, end, headline, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut fts = tx.prepare_cached("INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)")?;
        for (i, s) in doc.sentences.iter().enumerate() {
            let span = doc.original_span(&s.span);
            let text = doc.slice(&s.span);
            ins.execute(params![
                article,
                i as i64,
                span[0] as i64,
                span[1] as i64,
                s.headline,
                text
            ])?;
            let id = tx.last_insert_rowid();
            fts.execute(params![id, text])?;
            sentence_ids.push(id);
        }
    }

    // Actor mentions.
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO actors (article, sentence, text, code, country, sector, name, start, end, entry)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for m in &doc.mentions {
            if let MentionKind::Actor(act) = &m.kind {
                let span = doc.original_span(&m.span);
                ins.execute(params![
                    article,
                    m.sentence as i64,
                    doc.slice(&m.span),
                    act.code,
                    act.country,
                    act.sector,
                    act.name,
                    span[0] as i64,
                    span[1] as i64,
                    m.entry
                ])?;
            }
        }
    }

    // Quotes.
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO quotes (article, sentence, text, start, end, speaker_text, speaker_code, speaker_country,
                                 speaker_sector, speaker_name, speaker_start, speaker_end, speaker_entry)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for q in dyad_doc::record::QuoteRecord::all(doc) {
            let mut p: Vec<Value> = vec![
                article.into(),
                (q.sentence as i64).into(),
                q.text.into(),
                (q.span[0] as i64).into(),
                (q.span[1] as i64).into(),
            ];
            p.extend(actor_values(q.speaker.as_ref()));
            ins.execute(params_from_iter(p))?;
        }
    }

    // Events: fold into `events`, keep every occurrence in `mentions`.
    let first_body = doc.sentences.iter().position(|s| !s.headline).unwrap_or(0);
    let placeholders = (1..=RECORD_VALUES)
        .map(|i| format!("?{}", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    let mut ins_event = tx.prepare_cached(&format!(
        "INSERT INTO events (fold_key, cluster, {RECORD_NAMES}) VALUES (?1, ?2, {placeholders})
         ON CONFLICT(fold_key) DO NOTHING"
    ))?;
    let mut find_event = tx.prepare_cached("SELECT id FROM events WHERE fold_key = ?1")?;
    let mut ins_mention = tx.prepare_cached(&format!(
        "INSERT INTO mentions (event, {RECORD_NAMES}) VALUES (?1, {})",
        (1..=RECORD_VALUES)
            .map(|i| format!("?{}", i + 1))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    for ev in &doc.events {
        let rec = EventRecord::from_event(doc, ev);
        let values = record_values(&rec, article, sentence_ids[ev.sentence], ev.sentence <= first_body);
        let key = fold_key(cluster, &rec);
        let mut p: Vec<Value> = vec![key.clone().into(), cluster.into()];
        p.extend(values.iter().cloned());
        if ins_event.execute(params_from_iter(p))? == 1 {
            stats.events += 1;
        }
        let event: i64 = find_event.query_row([&key], |r| r.get(0))?;
        let mut p: Vec<Value> = vec![event.into()];
        p.extend(values);
        ins_mention.execute(params_from_iter(p))?;
        stats.mentions += 1;
        touched.insert(event);
    }
    Ok(())
}

/// What makes two event mentions the same event.
fn fold_key(cluster: i64, r: &EventRecord) -> String {
    format!(
        "{cluster}|{}|{}|{}|{}|{}",
        r.source.code,
        r.target.as_ref().map_or("", |t| t.code.as_str()),
        r.cameo,
        r.date.map_or(String::new(), |d| d.to_string()),
        if r.negated { "not" } else { "" }
    )
}

/// Column names for [`record_values`], in the order of
/// [`crate::schema::RECORD_COLUMNS`].
pub(crate) const RECORD_NAMES: &str = "article, sentence_id, is_root, date, date_source,
    src_text, src_code, src_country, src_sector, src_name, src_start, src_end, src_entry,
    tgt_text, tgt_code, tgt_country, tgt_sector, tgt_name, tgt_start, tgt_end, tgt_entry,
    cameo, root, quad_class, goldstein, plover, negated, modality,
    loc_name, loc_country, loc_lat, loc_lon,
    event_start, event_end, event_text, pattern";
const RECORD_VALUES: usize = 36;

fn actor_values(a: Option<&ActorRecord>) -> Vec<Value> {
    match a {
        None => vec![Value::Null; 8],
        Some(a) => vec![
            a.text.clone().into(),
            a.code.clone().into(),
            a.country.clone().into(),
            a.sector.clone().into(),
            a.name.clone().into(),
            (a.span[0] as i64).into(),
            (a.span[1] as i64).into(),
            a.entry.clone().into(),
        ],
    }
}

fn record_values(r: &EventRecord, article: i64, sentence_id: i64, is_root: bool) -> Vec<Value> {
    let mut v: Vec<Value> = vec![
        article.into(),
        sentence_id.into(),
        (is_root as i64).into(),
        date_text(r.date).into(),
        enum_name(&r.date_source).into(),
    ];
    v.extend(actor_values(Some(&r.source)));
    v.extend(actor_values(r.target.as_ref()));
    let loc = r.location.as_ref();
    v.extend([
        r.cameo.clone().into(),
        r.root.clone().into(),
        (r.quad_class as i64).into(),
        r.goldstein.into(),
        r.plover.clone().into(),
        (r.negated as i64).into(),
        enum_name(&r.modality).into(),
        loc.map(|l| l.name.clone()).into(),
        loc.and_then(|l| l.country.clone()).into(),
        loc.and_then(|l| l.lat).into(),
        loc.and_then(|l| l.lon).into(),
        (r.evidence.event_span[0] as i64).into(),
        (r.evidence.event_span[1] as i64).into(),
        r.evidence.event_text.clone().into(),
        r.pattern.clone().into(),
    ]);
    debug_assert_eq!(v.len(), RECORD_VALUES);
    v
}

/// Recomputes the GDELT-style counts of the given events from `mentions`.
fn update_counts(tx: &Transaction, events: &BTreeSet<i64>) -> Result<()> {
    let mut up = tx.prepare_cached(
        "UPDATE events SET
            num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1),
            num_articles = (SELECT count(DISTINCT article) FROM mentions WHERE event = ?1),
            num_sources = (SELECT count(DISTINCT coalesce(lower(a.outlet), '')) FROM mentions m
                           JOIN articles a ON a.id = m.article WHERE m.event = ?1)
         WHERE id = ?1",
    )?;
    for e in events {
        up.execute([e])?;
    }
    Ok(())
}
