//! The store on the sample corpus: idempotent ingest, syndicated copies
//! folded with the right counts, every query filter, aggregates, article view.

use dyad_pipeline::{read_inputs, Pipeline};
use dyad_store::{Article, Bucket, EventFilter, EventRecord, EventRow, NaiveDate, Page, Store, StoreError};
use std::path::PathBuf;
use std::sync::OnceLock;

fn root_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::builtin)
}

fn samples() -> Vec<Article> {
    read_inputs(&[root_dir().join("corpus/sample")])
        .map(|r| r.expect("sample corpus reads"))
        .collect()
}

/// The Lavrov–Di Maio story republished by another outlet with light edits.
fn syndicated_copy() -> Article {
    let path = root_dir().join("corpus/sample/000_46ba96b69bd97d1b.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text
        .replacen("UrduPoint.com", "Sputnik International", 1)
        .replace("over recent years", "in recent years")
        .replace("Alongside bilateral trade", "Besides bilateral trade");
    assert_ne!(edited, text);
    dyad_ingest_from_text("000_copy", &edited)
}

fn dyad_ingest_from_text(id: &str, text: &str) -> Article {
    // the same path a `.txt` input takes
    let dir = std::env::temp_dir().join(format!("dyad-store-test-{}-{id}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{id}.txt"));
    std::fs::write(&file, text).unwrap();
    let a = read_inputs(&[file]).next().unwrap().unwrap();
    std::fs::remove_dir_all(&dir).ok();
    a
}

fn store_with_samples() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.ingest(samples(), 2, |a| pipeline().process(a)).unwrap();
    s
}

fn all(s: &Store, f: &EventFilter) -> Vec<EventRow> {
    let rows = s.query(f, Page::all()).unwrap();
    assert_eq!(rows.len() as u64, s.count(f).unwrap(), "count agrees with query");
    rows
}

fn is_lavrov_di_maio(r: &EventRow) -> bool {
    r.record.cameo == "040"
        && r.record.source.name.as_deref() == Some("Sergey Lavrov")
        && r.record.target.as_ref().and_then(|t| t.name.as_deref()) == Some("Luigi Di Maio")
}

#[test]
fn ingest_stores_every_event_and_twice_changes_nothing() {
    let docs: Vec<_> = samples().into_iter().map(|a| pipeline().process(a)).collect();
    let coded: usize = docs.iter().map(|d| d.events.len()).sum();
    let mut s = Store::open_in_memory().unwrap();
    let first = s.ingest_docs(docs, 2).unwrap();
    assert_eq!((first.read, first.added, first.duplicates), (5, 5, 0));
    assert_eq!(first.batches, 3, "5 articles in batches of 2");
    assert_eq!(first.mentions as usize, coded);
    let c1 = s.counts().unwrap();
    assert_eq!((c1.articles, c1.clusters, c1.mentions as usize), (5, 5, coded));
    assert!(c1.events >= 20 && c1.events <= c1.mentions, "{c1:?}");
    assert!(c1.sentences > 40 && c1.actors > c1.events && c1.quotes > 0, "{c1:?}");

    // the second time nothing is coded: the closure must not run
    let again = s
        .ingest(samples(), 2, |_| panic!("stored articles are not coded again"))
        .unwrap();
    assert_eq!(
        (again.read, again.added, again.duplicates, again.mentions),
        (5, 0, 5, 0)
    );
    assert_eq!(s.counts().unwrap(), c1);
    assert_eq!(s.verify().unwrap(), Vec::<String>::new());

    // mention counts add up: each folded event's mentions are its occurrences
    let rows = all(&s, &EventFilter::default());
    assert_eq!(rows.len() as u64, c1.events);
    assert_eq!(rows.iter().map(|r| r.num_mentions).sum::<u64>(), c1.mentions);
    assert!(rows.iter().all(|r| r.num_articles == 1 && r.num_sources == 1));
}

#[test]
fn a_syndicated_copy_folds_into_the_same_events() {
    let mut s = store_with_samples();
    let before = s.counts().unwrap();
    let before_rows = all(&s, &EventFilter::default());
    let meeting = before_rows
        .iter()
        .find(|r| is_lavrov_di_maio(r))
        .expect("meeting stored")
        .clone();
    assert_eq!(
        (meeting.num_mentions, meeting.num_sources, meeting.num_articles),
        (1, 1, 1)
    );

    let copy = syndicated_copy();
    let copy_events = pipeline().process(copy.clone()).events.len();
    let st = s.ingest([copy.clone()], 10, |a| pipeline().process(a)).unwrap();
    assert_eq!((st.added, st.syndicated), (1, 1));
    // and once more, plus the whole corpus again: nothing new
    let st2 = s
        .ingest(samples().into_iter().chain([copy]), 10, |a| pipeline().process(a))
        .unwrap();
    assert_eq!((st2.added, st2.duplicates), (0, 6));

    assert_eq!(s.verify().unwrap(), Vec::<String>::new());
    let after = s.counts().unwrap();
    assert_eq!(after.articles, before.articles + 1);
    assert_eq!(after.clusters, before.clusters, "the copy joins the original's cluster");
    assert_eq!(after.mentions, before.mentions + copy_events as u64);
    assert_eq!(
        after.events, before.events,
        "every event of the copy folds into an existing one"
    );

    let rows = all(&s, &EventFilter::default());
    let m = rows.iter().find(|r| r.id == meeting.id).unwrap();
    assert_eq!((m.num_mentions, m.num_sources, m.num_articles), (2, 2, 2));
    assert_eq!(
        m.record.outlet.as_deref(),
        Some("UrduPoint.com"),
        "fields of the first mention"
    );
    // no duplicate events: fold keys are unique by construction; check the visible key too
    let mut keys: Vec<_> = rows
        .iter()
        .map(|r| {
            let t = r.record.target.as_ref().map(|t| t.code.clone());
            (
                r.cluster,
                r.record.source.code.clone(),
                t,
                r.record.cameo.clone(),
                r.record.date,
                r.record.negated,
            )
        })
        .collect();
    keys.sort();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n);
    // the article view lists the copy's own mentions and its cluster mate
    let copy_id = s.find_article("000_copy").unwrap()[0];
    let view = s.article(copy_id).unwrap().unwrap();
    // the outlet filter sees exactly the events the copy mentions
    let by_copy = all(
        &s,
        &EventFilter {
            outlet: Some("sputnik international".into()),
            ..Default::default()
        },
    );
    let mut a: Vec<i64> = by_copy.iter().map(|r| r.id).collect();
    let mut b: Vec<i64> = view.events.iter().map(|r| r.id).collect();
    a.sort();
    b.sort();
    b.dedup();
    assert_eq!(a, b);
    assert!(by_copy.iter().any(|r| r.id == meeting.id));
    assert_eq!(view.article.outlet.as_deref(), Some("Sputnik International"));
    assert_eq!(view.cluster.len(), 1);
    assert_eq!(view.cluster[0].article_id, "000_46ba96b69bd97d1b");
    assert_eq!(view.events.len(), copy_events);
    assert!(view.events.iter().any(|e| e.id == meeting.id && e.article == copy_id));
}

#[test]
fn dyad_filter_finds_the_lavrov_di_maio_meeting_both_ways() {
    let s = store_with_samples();
    let f = EventFilter {
        dyad: Some(("RUS".into(), "ITA".into())),
        ..Default::default()
    };
    let rows = all(&s, &f);
    let m = rows
        .iter()
        .find(|r| is_lavrov_di_maio(r))
        .expect("RUS–ITA has the meeting");
    assert_eq!(m.record.date, NaiveDate::from_ymd_opt(2020, 10, 14));
    assert_eq!(m.record.location.as_ref().map(|l| l.name.as_str()), Some("Moscow"));
    assert_eq!(m.record.evidence.event_text, "meeting with");
    assert_eq!(m.record.plover.as_deref(), Some("CONSULT"));
    // 040 Consult: CONSULT with no mode or context in PLOVER's CAMEO table
    assert_eq!(
        (m.record.plover_mode.as_deref(), m.record.plover_context.len()),
        (None, 0)
    );
    let pair = |r: &EventRow| {
        (
            r.record.source.code.clone(),
            r.record.target.as_ref().unwrap().code.clone(),
        )
    };
    assert!(rows.iter().all(|r| {
        let (a, b) = pair(r);
        (a.starts_with("RUS") && b.starts_with("ITA")) || (a.starts_with("ITA") && b.starts_with("RUS"))
    }));
    assert!(
        rows.iter().any(|r| pair(r).0.starts_with("ITA")),
        "undirected includes ITA→RUS"
    );

    let directed = all(
        &s,
        &EventFilter {
            directed: true,
            ..f.clone()
        },
    );
    assert!(!directed.is_empty() && directed.len() < rows.len());
    assert!(directed.iter().all(|r| pair(r).0.starts_with("RUS")));
    assert!(directed.iter().any(is_lavrov_di_maio));

    // names work too, ignoring case
    let by_name = all(
        &s,
        &EventFilter {
            dyad: Some(("lavrov".into(), "Di Maio".into())),
            ..Default::default()
        },
    );
    assert!(by_name.iter().any(is_lavrov_di_maio));
    assert!(by_name.iter().all(|r| r.record.source.name.is_some()));
}

#[test]
fn code_filters_select_exactly_their_rows() {
    let s = store_with_samples();
    let everything = all(&s, &EventFilter::default());
    let check = |f: EventFilter, pred: &dyn Fn(&EventRow) -> bool| {
        let got = all(&s, &f);
        let want: Vec<i64> = everything.iter().filter(|r| pred(r)).map(|r| r.id).collect();
        let mut got_ids: Vec<i64> = got.iter().map(|r| r.id).collect();
        got_ids.sort();
        let mut want = want;
        want.sort();
        assert_eq!(got_ids, want, "{f:?}");
        assert!(!got.is_empty(), "{f:?} matches something in the sample");
        got
    };
    let root04 = check(
        EventFilter {
            root: Some("04".into()),
            ..Default::default()
        },
        &|r| r.record.root == "04",
    );
    assert!(root04.iter().any(is_lavrov_di_maio));
    check(
        EventFilter {
            cameo: Some("040".into()),
            ..Default::default()
        },
        &|r| r.record.cameo.starts_with("040"),
    );
    check(
        EventFilter {
            plover: Some("consult".into()),
            ..Default::default()
        },
        &|r| r.record.plover.as_deref() == Some("CONSULT"),
    );
    check(
        EventFilter {
            quad: Some(1),
            ..Default::default()
        },
        &|r| r.record.quad_class == 1,
    );
    check(
        EventFilter {
            source: Some("AZE".into()),
            ..Default::default()
        },
        &|r| r.record.source.code.starts_with("AZE"),
    );
    check(
        EventFilter {
            target: Some("RUSGOV".into()),
            ..Default::default()
        },
        &|r| r.record.target.as_ref().is_some_and(|t| t.code.starts_with("RUSGOV")),
    );
    check(
        EventFilter {
            actor: Some("CHN".into()),
            ..Default::default()
        },
        &|r| {
            r.record.source.code.starts_with("CHN")
                || r.record.target.as_ref().is_some_and(|t| t.code.starts_with("CHN"))
        },
    );
    check(
        EventFilter {
            place: Some("genoa".into()),
            ..Default::default()
        },
        &|r| r.record.location.as_ref().is_some_and(|l| l.name == "Genoa"),
    );
    check(
        EventFilter {
            outlet: Some("UrduPoint.com".into()),
            ..Default::default()
        },
        &|r| r.record.outlet.as_deref() == Some("UrduPoint.com"),
    );
    // combined: AND
    check(
        EventFilter {
            root: Some("04".into()),
            place: Some("Moscow".into()),
            ..Default::default()
        },
        &|r| r.record.root == "04" && r.record.location.as_ref().is_some_and(|l| l.name == "Moscow"),
    );
}

#[test]
fn date_range_and_full_text() {
    let s = store_with_samples();
    let october = all(
        &s,
        &EventFilter {
            from: NaiveDate::from_ymd_opt(2020, 10, 1),
            to: NaiveDate::from_ymd_opt(2020, 10, 31),
            ..Default::default()
        },
    );
    assert!(october.iter().any(is_lavrov_di_maio));
    assert!(october
        .iter()
        .all(|r| r.record.date.is_some_and(|d| d.to_string().starts_with("2020-10"))));
    let feb = all(
        &s,
        &EventFilter {
            to: NaiveDate::from_ymd_opt(2020, 2, 29),
            ..Default::default()
        },
    );
    assert!(
        !feb.is_empty()
            && feb
                .iter()
                .all(|r| r.record.date.unwrap() <= NaiveDate::from_ymd_opt(2020, 2, 29).unwrap())
    );
    assert!(!feb.iter().any(is_lavrov_di_maio));

    let liguria = all(
        &s,
        &EventFilter {
            text: Some("Liguria".into()),
            ..Default::default()
        },
    );
    assert!(!liguria.is_empty());
    assert!(liguria.iter().all(|r| r.record.article_id == "001_b0d4efdc87d7cf46"));
    assert!(liguria
        .iter()
        .all(|r| r.record.evidence.sentence.contains("Liguria") || r.num_mentions > 1));
    let phrase = all(
        &s,
        &EventFilter {
            text: Some("\"phone conversation\"".into()),
            ..Default::default()
        },
    );
    assert!(phrase.iter().all(|r| r.record.article_id == "003_006d332586fce9d9"));
    let err = s
        .query(
            &EventFilter {
                text: Some("\"unbalanced".into()),
                ..Default::default()
            },
            Page::all(),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Filter(_)), "{err}");
}

#[test]
fn aggregates_agree_with_the_rows() {
    let s = store_with_samples();
    let rows = all(&s, &EventFilter::default());
    let dyads = s.dyads(&EventFilter::default(), 100, false).unwrap();
    assert_eq!(
        dyads.iter().map(|d| d.events).sum::<u64>(),
        rows.iter().filter(|r| r.record.target.is_some()).count() as u64
    );
    assert!(dyads.windows(2).all(|w| w[0].events >= w[1].events));
    assert!(dyads.iter().all(|d| d.source <= d.target));
    let top = &s.dyads(&EventFilter::default(), 1, false).unwrap()[0];
    assert_eq!(top, &dyads[0]);

    let f = EventFilter {
        dyad: Some(("RUS".into(), "ITA".into())),
        ..Default::default()
    };
    let ru_it = all(&s, &f);
    let months = s.timeline(&f, Bucket::Month).unwrap();
    assert_eq!(
        months.iter().map(|p| p.events).sum::<u64>(),
        ru_it.iter().filter(|r| r.record.date.is_some()).count() as u64
    );
    let oct = months.iter().find(|p| p.period == "2020-10").expect("October 2020");
    assert_eq!(oct.events, oct.quad.iter().sum::<u64>());
    let weeks = s.timeline(&f, Bucket::Week).unwrap();
    // 2020-10-14 is a Wednesday: its ISO week starts Monday 2020-10-12
    assert!(weeks.iter().any(|p| p.period == "2020-10-12"), "{weeks:?}");
    let days = s.timeline(&f, Bucket::Day).unwrap();
    assert!(days.iter().any(|p| p.period == "2020-10-14"));

    let actors = s.actors(&EventFilter::default(), 3).unwrap();
    assert_eq!(actors.len(), 3);
    assert_eq!(actors[0].code, "ITAGOV", "Italy's government is in every sample story");
    assert_eq!(actors[0].events, actors[0].as_source + actors[0].as_target);

    let net = s.network(&EventFilter::default(), 2).unwrap();
    assert!(net.edges.iter().all(|e| e.events >= 2));
    assert!(net.edges.iter().all(|e| net.nodes.iter().any(|n| n.code == e.source)));

    let places = s.places(&EventFilter::default(), 10).unwrap();
    let moscow = places.iter().find(|p| p.name == "Moscow").unwrap();
    assert_eq!(moscow.country.as_deref(), Some("RUS"));
    assert!(moscow.lat.is_some());
}

#[test]
fn article_view_has_spans_into_the_original() {
    let s = store_with_samples();
    let id = s.find_article("000_46ba96b69bd97d1b").unwrap()[0];
    let v = s.article(id).unwrap().unwrap();
    let chars: Vec<char> = v.original.chars().collect();
    let at = |sp: [usize; 2]| chars[sp[0]..sp[1]].iter().collect::<String>();
    assert!(v.events.iter().any(is_lavrov_di_maio));
    for e in &v.events {
        assert_eq!(at(e.record.evidence.event_span), e.record.evidence.event_text);
        assert_eq!(at(e.record.source.span), e.record.source.text);
    }
    for a in &v.actors {
        assert_eq!(at(a.actor.span), a.actor.text);
    }
    assert!(v
        .sentences
        .iter()
        .any(|s| s.text.contains("meeting with his Italian counterpart")));
    assert!(!v.quotes.is_empty());
    assert!(v.cluster.is_empty());
    assert!(s.article(9999).unwrap().is_none());
    let arts = s.articles(Page::all()).unwrap();
    assert_eq!(arts.len(), 5);
    assert_eq!(arts[0].published, NaiveDate::from_ymd_opt(2020, 10, 14), "newest first");
    assert_eq!(
        s.articles(Page {
            limit: Some(2),
            offset: 1
        })
        .unwrap()[0],
        arts[1]
    );
}

/// Every event mention read back from the store has the PLOVER type, mode
/// and contexts the coder gave it (mode and context are stored since schema
/// version 3).
#[test]
fn stored_mentions_keep_the_coded_plover_type_mode_and_context() {
    let s = store_with_samples();
    type Key = (String, [usize; 2], String, Option<String>, Option<String>, Vec<String>);
    let key = |r: &EventRecord| -> Key {
        (
            r.article_id.clone(),
            r.evidence.event_span,
            r.cameo.clone(),
            r.plover.clone(),
            r.plover_mode.clone(),
            r.plover_context.clone(),
        )
    };
    let mut coded: Vec<Key> = samples()
        .into_iter()
        .flat_map(|a| EventRecord::all(&pipeline().process(a)))
        .map(|r| key(&r))
        .collect();
    let mut stored: Vec<Key> = s
        .articles(Page::all())
        .unwrap()
        .iter()
        .flat_map(|a| s.article(a.id).unwrap().unwrap().events)
        .map(|e| key(&e.record))
        .collect();
    coded.sort();
    stored.sort();
    assert_eq!(stored, coded);
    // the sample corpus has the Wang Yi–Di Maio phone call: 041 → CONSULT, mode phone
    assert!(
        stored
            .iter()
            .any(|k| k.2 == "041" && k.3.as_deref() == Some("CONSULT") && k.4.as_deref() == Some("phone")),
        "{stored:?}"
    );
}

#[test]
fn files_reopen_read_only_and_refuse_foreign_or_newer_databases() {
    let dir = std::env::temp_dir().join(format!("dyad-store-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("t.db");
    {
        let mut s = Store::open(&db).unwrap();
        s.ingest(samples(), 100, |a| pipeline().process(a)).unwrap();
    }
    let ro = Store::open_read_only(&db).unwrap();
    assert_eq!(ro.counts().unwrap().articles, 5);
    assert!(
        ro.query(
            &EventFilter {
                cameo: Some("040".into()),
                ..Default::default()
            },
            Page::first(1)
        )
        .unwrap()
        .len()
            == 1
    );

    let foreign = dir.join("foreign.db");
    make_foreign(&foreign);
    let err = Store::open(&foreign).err().expect("foreign database refused");
    assert!(matches!(err, StoreError::NotAStore { .. }), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A SQLite file with tables but no dyad schema version: a database that
/// is not ours (made by zeroing a store's version in the file header).
fn make_foreign(path: &std::path::Path) {
    drop(Store::open(path).unwrap());
    set_user_version(path, 0);
}

/// Rewrites the `user_version` field of a SQLite database header (bytes 60..64).
fn set_user_version(path: &std::path::Path, v: u32) {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().read(true).write(true).open(path).unwrap();
    let mut header = [0u8; 100];
    f.read_exact(&mut header).unwrap();
    assert_eq!(&header[..15], b"SQLite format 3");
    f.seek(SeekFrom::Start(60)).unwrap();
    f.write_all(&v.to_be_bytes()).unwrap();
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = std::env::temp_dir().join(format!("dyad-store-newer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("n.db");
    drop(Store::open(&db).unwrap());
    set_user_version(&db, 99);
    let err = Store::open(&db).err().expect("newer schema refused");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(Store::open_read_only(&db).is_err());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_copy_in_the_same_batch_folds_as_in_a_later_one() {
    let docs: Vec<_> = samples()
        .into_iter()
        .chain([syndicated_copy()])
        .map(|a| pipeline().process(a))
        .collect();
    // all six articles in one transaction: the copy's events fold into events
    // created by the same batch (counts kept in memory)
    let mut one = Store::open_in_memory().unwrap();
    let mut ingest = one.ingest_stream(100);
    for d in docs.clone() {
        ingest.push(d).unwrap();
    }
    assert_eq!(ingest.pending(), 6);
    let st = ingest.finish().unwrap();
    assert_eq!((st.added, st.syndicated, st.batches), (6, 1, 1));
    // the copy in a batch of its own: counts recounted from the stored mentions
    let mut two = Store::open_in_memory().unwrap();
    let mut docs = docs.into_iter();
    two.ingest_docs(docs.by_ref().take(5), 2).unwrap();
    let st = two.ingest_docs(docs, 2).unwrap();
    assert_eq!((st.added, st.syndicated), (1, 1));

    for s in [&one, &two] {
        assert_eq!(s.verify().unwrap(), Vec::<String>::new());
    }
    let json = |s: &Store| -> Vec<String> {
        s.query(&EventFilter::default(), Page::all())
            .unwrap()
            .iter()
            .map(|r| serde_json::to_string(r).unwrap())
            .collect()
    };
    assert_eq!(json(&one), json(&two), "same ids, fields and counts");
    let meeting = all(&one, &EventFilter::default())
        .into_iter()
        .find(is_lavrov_di_maio)
        .unwrap();
    assert_eq!(
        (meeting.num_mentions, meeting.num_sources, meeting.num_articles),
        (2, 2, 2)
    );
}

#[test]
fn a_running_ingest_sees_articles_another_writer_stored_meanwhile() {
    let dir = std::env::temp_dir().join(format!("dyad-store-writers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("w.db");
    let _ = std::fs::remove_file(&db);
    let original = samples().into_iter().find(|a| a.id == "000_46ba96b69bd97d1b").unwrap();
    let others: Vec<_> = samples().into_iter().filter(|a| a.id != original.id).collect();

    let mut a = Store::open(&db).unwrap();
    let mut ingest = a.ingest_stream(1);
    // a first batch, so the running ingest has read the store's LSH keys
    ingest.push(pipeline().process(others[0].clone())).unwrap();
    {
        let mut b = Store::open(&db).unwrap();
        let st = b.ingest([original], 10, |x| pipeline().process(x)).unwrap();
        assert_eq!(st.added, 1);
    }
    ingest.push(pipeline().process(syndicated_copy())).unwrap();
    let st = ingest.finish().unwrap();
    assert_eq!(
        (st.added, st.syndicated),
        (2, 1),
        "the copy joins the other writer's article"
    );
    let c = a.counts().unwrap();
    assert_eq!((c.articles, c.clusters), (3, 2));
    assert_eq!(a.verify().unwrap(), Vec::<String>::new());
    drop(a);
    std::fs::remove_dir_all(&dir).ok();
}
