//! Writing coded documents: one transaction per batch; duplicate check
//! before coding; clustering; event folding and count upkeep.
//!
//! Speed notes (figures in BENCHMARKS.md): every statement of a batch is
//! prepared once per transaction ([`Statements`]) and bound by reference;
//! the content hash and MinHash signature share one pass over the words;
//! a Bloom filter over the stored LSH keys ([`KeyFilter`]) spares the
//! lookups of bands no stored article shares, and new keys are written to
//! a small table merged into the large one in key order ([`merge_lsh`]);
//! the batch's sentences enter the FTS5 index in one statement at its end;
//! an event's counts are kept in memory while all its mentions are in the
//! running batch, and recounted in SQL only when a batch adds mentions to
//! an event stored earlier.

use crate::similar::{self, Normalized};
use crate::{IngestStats, Result, Store};
use dyad_doc::record::{ActorRecord, EventRecord};
use dyad_doc::{Article, Doc, MentionKind};
use rusqlite::{params, CachedStatement, Connection, OptionalExtension, ToSql, Transaction, TransactionBehavior};
use std::collections::{BTreeSet, HashMap, HashSet};

pub(crate) fn contains(conn: &Connection, hash: u64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")?
        .query_row([hash as i64], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A document ready to be written: its content hash and signature computed.
struct Prepared {
    doc: Doc,
    hash: u64,
    sig: Option<Vec<u64>>,
}

/// A running ingest: documents go in with [`Ingest::push`] in input order;
/// every `batch` new articles are committed in one transaction;
/// [`Ingest::finish`] commits the rest. Articles already stored (same
/// outlet and text), or already pushed, are counted and skipped. Dropping
/// it without `finish` leaves the last partial batch unwritten, as a killed
/// process would.
pub struct Ingest<'s> {
    store: &'s mut Store,
    batch: usize,
    pending: Vec<Prepared>,
    pending_hashes: HashSet<u64>,
    stats: IngestStats,
    keys: Option<KeyFilter>,
}

impl<'s> Ingest<'s> {
    pub(crate) fn new(store: &'s mut Store, batch: usize) -> Self {
        let batch = batch.max(1);
        Ingest {
            store,
            batch,
            pending: Vec::with_capacity(batch.min(4096)),
            pending_hashes: HashSet::new(),
            stats: IngestStats::default(),
            keys: None,
        }
    }

    /// Whether `article` is stored or waiting in the running batch; counts
    /// it as read, and as a duplicate when it is. Returns its words and
    /// hash when it is new.
    fn admit(&mut self, article: &Article) -> Result<Option<(Normalized, u64)>> {
        self.stats.read += 1;
        let words = Normalized::new(&article.text);
        let hash = similar::content_hash_of(article, &words);
        if self.pending_hashes.contains(&hash) || contains(&self.store.conn, hash)? {
            self.stats.duplicates += 1;
            return Ok(None);
        }
        Ok(Some((words, hash)))
    }

    fn add(&mut self, doc: Doc, words: &Normalized, hash: u64) -> Result<()> {
        self.pending_hashes.insert(hash);
        let sig = similar::signature_of(words);
        self.pending.push(Prepared { doc, hash, sig });
        if self.pending.len() >= self.batch {
            self.flush()?;
        }
        Ok(())
    }

    /// Adds one coded document (skipped if its article is stored already).
    pub fn push(&mut self, doc: Doc) -> Result<()> {
        match self.admit(&doc.article)? {
            Some((words, hash)) => self.add(doc, &words, hash),
            None => Ok(()),
        }
    }

    /// Codes `article` with `code` and adds it, unless it is stored
    /// already (then `code` is not called).
    pub fn push_article<F: FnOnce(Article) -> Doc>(&mut self, article: Article, code: F) -> Result<()> {
        match self.admit(&article)? {
            Some((words, hash)) => self.add(code(article), &words, hash),
            None => Ok(()),
        }
    }

    /// What was done so far: `read` and `duplicates` count every article
    /// pushed, the other fields the committed batches.
    pub fn stats(&self) -> &IngestStats {
        &self.stats
    }

    /// New articles waiting for the next commit.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    fn flush(&mut self) -> Result<()> {
        if !self.pending.is_empty() {
            write_batch(&mut self.store.conn, &self.pending, &mut self.stats, &mut self.keys)?;
            self.pending.clear();
            self.pending_hashes.clear();
        }
        Ok(())
    }

    /// Commits the last partial batch and returns the totals.
    pub fn finish(mut self) -> Result<IngestStats> {
        self.flush()?;
        Ok(std::mem::take(&mut self.stats))
    }
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
    let mut ingest = Ingest::new(store, batch);
    for item in items {
        if let Some((words, hash)) = ingest.admit(article_of(&item))? {
            ingest.add(code(item), &words, hash)?;
        }
    }
    ingest.finish()
}

const ARTICLE_INSERT: &str = "INSERT INTO articles (id, article_id, title, outlet, url, published, origin, original,
                                                  cleaned, content_hash, cluster)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

/// The statements of one batch, prepared once per transaction.
struct Statements<'t> {
    conn: &'t Connection,
    article: CachedStatement<'t>,
    lsh_find: CachedStatement<'t>,
    lsh_insert: CachedStatement<'t>,
    signature_find: CachedStatement<'t>,
    signature_insert: CachedStatement<'t>,
    sentence: CachedStatement<'t>,
    actor: CachedStatement<'t>,
    quote: CachedStatement<'t>,
    event: CachedStatement<'t>,
    event_find: CachedStatement<'t>,
    mention: CachedStatement<'t>,
}

/// `(?a), (?b), ...` style placeholder lists.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl<'t> Statements<'t> {
    fn new(tx: &'t Transaction) -> Result<Self> {
        let lsh_rows = (0..similar::BANDS)
            .map(|b| format!("(?{}, ?{})", 2 * b + 1, 2 * b + 2))
            .collect::<Vec<_>>()
            .join(", ");
        Ok(Statements {
            conn: tx,
            article: tx.prepare_cached(ARTICLE_INSERT)?,
            lsh_find: tx.prepare_cached(
                "SELECT article FROM lsh WHERE key = ?1 UNION ALL SELECT article FROM lsh_recent WHERE key = ?1",
            )?,
            lsh_insert: tx.prepare_cached(&format!(
                "INSERT OR IGNORE INTO lsh_recent (key, article) VALUES {lsh_rows}"
            ))?,
            signature_find: tx.prepare_cached("SELECT minhash, cluster FROM signatures WHERE article = ?1")?,
            signature_insert: tx
                .prepare_cached("INSERT INTO signatures (article, cluster, minhash) VALUES (?1, ?2, ?3)")?,
            sentence: tx.prepare_cached(
                "INSERT INTO sentences (article, idx, start, end, headline, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            actor: tx.prepare_cached(
                "INSERT INTO actors (article, sentence, text, code, country, sector, name, start, end, entry)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?,
            quote: tx.prepare_cached(
                "INSERT INTO quotes (article, sentence, text, start, end, speaker_text, speaker_code,
                                     speaker_country, speaker_sector, speaker_name, speaker_start, speaker_end,
                                     speaker_entry)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?,
            event: tx.prepare_cached(&format!(
                "INSERT INTO events (fold_key, cluster, num_mentions, num_sources, num_articles, {RECORD_NAMES})
                 VALUES (?1, ?2, 1, 1, 1, {})
                 ON CONFLICT(fold_key) DO NOTHING",
                placeholders(3, RECORD_VALUES)
            ))?,
            event_find: tx.prepare_cached("SELECT id FROM events WHERE fold_key = ?1")?,
            mention: tx.prepare_cached(&format!(
                "INSERT INTO mentions (event, {RECORD_NAMES}) VALUES (?1, {})",
                placeholders(2, RECORD_VALUES)
            ))?,
        })
    }
}

/// Counts of an event created in the running batch (all its mentions are
/// in the batch, so they are known here).
struct NewEvent {
    mentions: u64,
    articles: Vec<i64>,
    /// Outlets as SQL `coalesce(lower(outlet), '')` gives them (ASCII lowercase).
    outlets: Vec<String>,
    changed: bool,
}

/// Events touched by a batch.
#[derive(Default)]
struct Touched {
    created: HashMap<i64, NewEvent>,
    /// Events stored by earlier batches that got new mentions.
    earlier: BTreeSet<i64>,
}

fn write_batch(
    conn: &mut Connection,
    docs: &[Prepared],
    stats: &mut IngestStats,
    keys: &mut Option<KeyFilter>,
) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let keys = KeyFilter::refresh(keys, &tx)?;
    {
        let mut st = Statements::new(&tx)?;
        // explicit ids (what SQLite would pick: the largest + 1), so the row is
        // written once with its cluster, which is its own id when it starts one
        let first_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM articles", [], |r| r.get(0))?;
        let first_sentence: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM sentences", [], |r| r.get(0))?;
        let mut touched = Touched::default();
        for (id, p) in (first_id..).zip(docs) {
            write_doc(&mut st, keys, p, id, stats, &mut touched)?;
        }
        update_counts(&tx, &touched)?;
        merge_lsh(&tx)?;
        // The batch's sentences into the full-text index in one statement, last:
        // FTS5 flushes its pending terms at every statement savepoint, so
        // indexing sentence by sentence between other inserts would write
        // (and later merge) one tiny segment per statement.
        tx.prepare_cached("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id >= ?1")?
            .execute([first_sentence])?;
    }
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

/// The cluster a new article joins: that of the most similar stored
/// article if any is close enough (ties: the lowest cluster), else its own.
fn cluster_of(
    st: &mut Statements,
    filter: &KeyFilter,
    sig: &[u64],
    keys: &[i64],
    article: i64,
    stats: &mut IngestStats,
) -> Result<i64> {
    let mut candidates = BTreeSet::new();
    for key in keys.iter().filter(|k| filter.may_contain(**k)) {
        let mut rows = st.lsh_find.query([key])?;
        while let Some(r) = rows.next()? {
            candidates.insert(r.get::<_, i64>(0)?);
        }
    }
    let mut best: Option<(f64, i64)> = None;
    for id in candidates {
        let (est, c) = st.signature_find.query_row([id], |r| {
            let bytes = r.get_ref(0)?.as_blob()?;
            Ok((similar::estimate_bytes(sig, bytes), r.get::<_, i64>(1)?))
        })?;
        if est >= similar::THRESHOLD && best.is_none_or(|(b, bc)| est > b || (est == b && c < bc)) {
            best = Some((est, c));
        }
    }
    Ok(match best {
        Some((_, c)) => {
            stats.syndicated += 1;
            c
        }
        None => article,
    })
}

fn write_doc(
    st: &mut Statements,
    filter: &mut KeyFilter,
    p: &Prepared,
    article: i64,
    stats: &mut IngestStats,
    touched: &mut Touched,
) -> Result<()> {
    let doc = &p.doc;
    let a = &doc.article;

    // Cluster: join the most similar stored article's cluster, if any is close enough.
    let keys = p.sig.as_deref().map(similar::band_keys);
    let cluster = match (&p.sig, &keys) {
        (Some(sig), Some(keys)) => cluster_of(st, filter, sig, keys, article, stats)?,
        _ => article,
    };
    st.article.execute(params![
        article,
        a.id,
        a.title,
        a.outlet,
        a.url,
        date_text(a.published),
        a.origin,
        a.original,
        a.text,
        p.hash as i64,
        cluster,
    ])?;
    stats.added += 1;
    if let (Some(sig), Some(keys)) = (&p.sig, &keys) {
        st.signature_insert
            .execute(params![article, cluster, similar::to_bytes(sig)])?;
        for (i, key) in keys.iter().enumerate() {
            st.lsh_insert.raw_bind_parameter(2 * i + 1, key)?;
            st.lsh_insert.raw_bind_parameter(2 * i + 2, article)?;
        }
        st.lsh_insert.raw_execute()?;
        for key in keys {
            filter.insert(*key);
        }
    }

    // Sentences (their full-text index is written at the end of the batch).
    let mut sentence_ids = Vec::with_capacity(doc.sentences.len());
    for (i, s) in doc.sentences.iter().enumerate() {
        let span = doc.original_span(&s.span);
        let text = doc.slice(&s.span);
        let id = st.sentence.insert(params![
            article,
            i as i64,
            span[0] as i64,
            span[1] as i64,
            s.headline,
            text
        ])?;
        sentence_ids.push(id);
    }

    // Actor mentions.
    for m in &doc.mentions {
        if let MentionKind::Actor(act) = &m.kind {
            let span = doc.original_span(&m.span);
            st.actor.execute(params![
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

    // Quotes.
    for q in dyad_doc::record::QuoteRecord::all(doc) {
        let s = &mut st.quote;
        s.raw_bind_parameter(1, article)?;
        s.raw_bind_parameter(2, q.sentence as i64)?;
        s.raw_bind_parameter(3, &q.text)?;
        s.raw_bind_parameter(4, q.span[0] as i64)?;
        s.raw_bind_parameter(5, q.span[1] as i64)?;
        bind_actor(s, 6, q.speaker.as_ref())?;
        s.raw_execute()?;
    }

    // Events: fold into `events`, keep every occurrence in `mentions`.
    let first_body = doc.sentences.iter().position(|s| !s.headline).unwrap_or(0);
    let outlet = a.outlet.as_deref().unwrap_or("").to_ascii_lowercase();
    for ev in &doc.events {
        let rec = EventRecord::from_event(doc, ev);
        let fields = RecordFields::new(&rec, article, sentence_ids[ev.sentence], ev.sentence <= first_body);
        let key = fold_key(cluster, &rec);
        st.event.raw_bind_parameter(1, &key)?;
        st.event.raw_bind_parameter(2, cluster)?;
        fields.bind(&mut st.event, 3)?;
        let event = if st.event.raw_execute()? == 1 {
            stats.events += 1;
            let id = st.conn.last_insert_rowid();
            touched.created.insert(
                id,
                NewEvent {
                    mentions: 1,
                    articles: vec![article],
                    outlets: vec![outlet.clone()],
                    changed: false,
                },
            );
            id
        } else {
            let id = st.event_find.query_row([&key], |r| r.get::<_, i64>(0))?;
            match touched.created.get_mut(&id) {
                Some(e) => {
                    e.mentions += 1;
                    if !e.articles.contains(&article) {
                        e.articles.push(article);
                    }
                    if !e.outlets.contains(&outlet) {
                        e.outlets.push(outlet.clone());
                    }
                    e.changed = true;
                }
                None => {
                    touched.earlier.insert(id);
                }
            }
            id
        };
        st.mention.raw_bind_parameter(1, event)?;
        fields.bind(&mut st.mention, 2)?;
        st.mention.raw_execute()?;
        stats.mentions += 1;
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

/// Column names for [`RecordFields`], in the order of
/// [`crate::schema::RECORD_COLUMNS`] and then the columns of version 3.
pub(crate) const RECORD_NAMES: &str = "article, sentence_id, is_root, date, date_source,
    src_text, src_code, src_country, src_sector, src_name, src_start, src_end, src_entry,
    tgt_text, tgt_code, tgt_country, tgt_sector, tgt_name, tgt_start, tgt_end, tgt_entry,
    cameo, root, quad_class, goldstein, plover, negated, modality,
    loc_name, loc_country, loc_lat, loc_lon,
    event_start, event_end, event_text, pattern,
    plover_mode, plover_context";
const RECORD_VALUES: usize = 38;

/// Binds an actor's 8 columns (text, code, country, sector, name, start,
/// end, entry) from parameter `at`; all NULL for no actor.
fn bind_actor(s: &mut CachedStatement, at: usize, a: Option<&ActorRecord>) -> rusqlite::Result<()> {
    match a {
        None => {
            for i in 0..8 {
                s.raw_bind_parameter(at + i, rusqlite::types::Null)?;
            }
        }
        Some(a) => {
            s.raw_bind_parameter(at, &a.text)?;
            s.raw_bind_parameter(at + 1, &a.code)?;
            s.raw_bind_parameter(at + 2, &a.country)?;
            s.raw_bind_parameter(at + 3, &a.sector)?;
            s.raw_bind_parameter(at + 4, &a.name)?;
            s.raw_bind_parameter(at + 5, a.span[0] as i64)?;
            s.raw_bind_parameter(at + 6, a.span[1] as i64)?;
            s.raw_bind_parameter(at + 7, &a.entry)?;
        }
    }
    Ok(())
}

/// One record's column values, bound to the event and the mention insert.
struct RecordFields<'r> {
    rec: &'r EventRecord,
    article: i64,
    sentence_id: i64,
    is_root: bool,
    date: Option<String>,
    date_source: String,
    modality: String,
    /// The PLOVER contexts `;`-separated, `None` for none.
    plover_context: Option<String>,
}

impl<'r> RecordFields<'r> {
    fn new(rec: &'r EventRecord, article: i64, sentence_id: i64, is_root: bool) -> Self {
        RecordFields {
            rec,
            article,
            sentence_id,
            is_root,
            date: date_text(rec.date),
            date_source: enum_name(&rec.date_source),
            modality: enum_name(&rec.modality),
            plover_context: (!rec.plover_context.is_empty()).then(|| rec.plover_context.join(";")),
        }
    }

    /// Binds the [`RECORD_VALUES`] columns from parameter `at`.
    fn bind(&self, s: &mut CachedStatement, at: usize) -> rusqlite::Result<()> {
        let r = self.rec;
        let loc = r.location.as_ref();
        let head: [&dyn ToSql; 5] = [
            &self.article,
            &self.sentence_id,
            &self.is_root,
            &self.date,
            &self.date_source,
        ];
        for (i, v) in head.iter().enumerate() {
            s.raw_bind_parameter(at + i, v)?;
        }
        bind_actor(s, at + 5, Some(&r.source))?;
        bind_actor(s, at + 13, r.target.as_ref())?;
        let quad = r.quad_class as i64;
        let tail: [&dyn ToSql; 17] = [
            &r.cameo,
            &r.root,
            &quad,
            &r.goldstein,
            &r.plover,
            &r.negated,
            &self.modality,
            &loc.map(|l| l.name.as_str()),
            &loc.and_then(|l| l.country.as_deref()),
            &loc.and_then(|l| l.lat),
            &loc.and_then(|l| l.lon),
            &(r.evidence.event_span[0] as i64),
            &(r.evidence.event_span[1] as i64),
            &r.evidence.event_text,
            &r.pattern,
            &r.plover_mode,
            &self.plover_context,
        ];
        for (i, v) in tail.iter().enumerate() {
            s.raw_bind_parameter(at + 21 + i, v)?;
        }
        debug_assert_eq!(21 + tail.len(), RECORD_VALUES);
        Ok(())
    }
}

/// A Bloom filter over the stored LSH keys, so that the usual case, an
/// article sharing no band with any stored one, costs no lookup. Built by
/// one scan of the keys when a batch starts, kept up to date with the keys
/// the ingest writes, and rebuilt when another connection has written to
/// the store since (`PRAGMA data_version`) or when it fills up. A false
/// positive only costs a lookup; there are no false negatives.
pub(crate) struct KeyFilter {
    bits: Vec<u64>,
    /// Bit index mask (the number of bits is a power of two).
    mask: u64,
    keys: u64,
    data_version: i64,
}

impl KeyFilter {
    /// Bits per key (with 4 probes: about 1% false positives when full).
    const BITS_PER_KEY: u64 = 10;
    const PROBES: u32 = 4;

    /// The filter for this transaction: `cached` if still valid, else rebuilt.
    fn refresh<'f>(cached: &'f mut Option<KeyFilter>, tx: &Transaction) -> Result<&'f mut KeyFilter> {
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let valid = cached
            .as_ref()
            .is_some_and(|f| f.data_version == version && f.keys * Self::BITS_PER_KEY <= f.mask + 1);
        if !valid {
            let stored: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM lsh) + (SELECT count(*) FROM lsh_recent)",
                [],
                |r| r.get(0),
            )?;
            // room for the stored keys and as many again
            let bits = ((stored as u64 + 1) * 2 * Self::BITS_PER_KEY)
                .next_power_of_two()
                .max(1 << 20);
            let mut f = KeyFilter {
                bits: vec![0; (bits / 64) as usize],
                mask: bits - 1,
                keys: 0,
                data_version: version,
            };
            let mut scan = tx.prepare("SELECT key FROM lsh UNION ALL SELECT key FROM lsh_recent")?;
            let mut rows = scan.query([])?;
            while let Some(r) = rows.next()? {
                f.insert(r.get(0)?);
            }
            *cached = Some(f);
        }
        Ok(cached.as_mut().expect("set above"))
    }

    /// The bit positions of a key: slices of one multiplicative hash.
    fn probes(&self, key: i64) -> impl Iterator<Item = u64> + '_ {
        let h = (key as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (key as u64 >> 29);
        let h2 = h.wrapping_mul(0xbf58_476d_1ce4_e5b9) | 1;
        (0..Self::PROBES).map(move |i| h.wrapping_add((i as u64).wrapping_mul(h2)).rotate_left(17 * i) & self.mask)
    }

    fn insert(&mut self, key: i64) {
        let mut probes = [0u64; Self::PROBES as usize];
        for (slot, b) in probes.iter_mut().zip(self.probes(key)) {
            *slot = b;
        }
        for b in probes {
            self.bits[(b / 64) as usize] |= 1 << (b % 64);
        }
        self.keys += 1;
    }

    fn may_contain(&self, key: i64) -> bool {
        self.probes(key)
            .all(|b| self.bits[(b / 64) as usize] & (1 << (b % 64)) != 0)
    }
}

/// Rows `lsh_recent` may hold before it is merged into `lsh`.
const LSH_RECENT_ROWS: i64 = 1 << 16;

/// New LSH keys go to the small `lsh_recent` table; once it holds
/// [`LSH_RECENT_ROWS`] they move into `lsh` in key order, in the batch's
/// transaction. Keys are hashes, so inserting each article's 32 keys into
/// the large `lsh` B-tree directly would touch (and write to the WAL at
/// every commit) a different leaf page for nearly every key; in key order
/// each leaf is written once per merge.
fn merge_lsh(tx: &Transaction) -> Result<()> {
    let n: i64 = tx.query_row("SELECT count(*) FROM lsh_recent", [], |r| r.get(0))?;
    if n >= LSH_RECENT_ROWS {
        tx.execute_batch(
            "INSERT OR IGNORE INTO lsh (key, article) SELECT key, article FROM lsh_recent ORDER BY key, article;
             DELETE FROM lsh_recent;",
        )?;
    }
    Ok(())
}

/// Brings the GDELT-style counts of the touched events up to date: from
/// memory for events created in this batch, recounted from `mentions` for
/// events stored earlier.
fn update_counts(tx: &Transaction, touched: &Touched) -> Result<()> {
    let mut set =
        tx.prepare_cached("UPDATE events SET num_mentions = ?2, num_articles = ?3, num_sources = ?4 WHERE id = ?1")?;
    for (id, e) in &touched.created {
        if e.changed {
            set.execute(params![
                id,
                e.mentions as i64,
                e.articles.len() as i64,
                e.outlets.len() as i64
            ])?;
        }
    }
    let mut up = tx.prepare_cached(
        "UPDATE events SET
            num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1),
            num_articles = (SELECT count(DISTINCT article) FROM mentions WHERE event = ?1),
            num_sources = (SELECT count(DISTINCT coalesce(lower(a.outlet), '')) FROM mentions m
                           JOIN articles a ON a.id = m.article WHERE m.event = ?1)
         WHERE id = ?1",
    )?;
    for e in &touched.earlier {
        up.execute([e])?;
    }
    Ok(())
}
