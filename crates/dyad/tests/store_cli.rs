//! `dyad ingest`, `query` and `export` as a user runs them: a real child
//! process killed with SIGKILL mid-ingest, then rerun; exports read back by
//! independent consumers.

use dyad_store::{EventFilter, Page, Store};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn root_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dyad() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dyad"));
    c.arg("--quiet");
    c
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyad-store-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run_ok(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(out.status.success(), "{c:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The sample corpus `copies` times, each copy with a distinct id (file
/// name) and a distinct closing line, so every file is a new article.
fn replicate(dir: &Path, copies: usize) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(root_dir().join("corpus/sample")).unwrap() {
        let p = entry.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        for i in 0..copies {
            let body = format!("{}\n\nThis is bulletin number {i} of the service.\n", text.trim_end());
            std::fs::write(dir.join(format!("c{i:04}_{stem}.txt")), body).unwrap();
            n += 1;
        }
    }
    n
}

/// article id → number of event mentions stored for it.
fn mentions_per_article(db: &Path) -> BTreeMap<String, u64> {
    let s = Store::open_read_only(db).unwrap();
    let mut out = BTreeMap::new();
    for a in s.articles(Page::all()).unwrap() {
        let v = s.article(a.id).unwrap().unwrap();
        assert!(!v.sentences.is_empty(), "{} stored without its sentences", a.article_id);
        out.insert(a.article_id, v.events.len() as u64);
    }
    out
}

fn articles_in(db: &Path) -> u64 {
    match Store::open_read_only(db) {
        Ok(s) => s.counts().map(|c| c.articles).unwrap_or(0),
        Err(_) => 0,
    }
}

#[test]
fn a_killed_ingest_keeps_whole_batches_and_a_rerun_completes_it() {
    let dir = temp("kill");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let total = replicate(&corpus, 200) as u64;
    assert_eq!(total, 1000);
    let batch = 10u64;

    // the reference: one clean run
    let clean = dir.join("clean.db");
    run_ok(
        dyad()
            .args(["ingest", "--batch", "10", "--db"])
            .arg(&clean)
            .arg(&corpus),
    );
    let clean_counts = Store::open_read_only(&clean).unwrap().counts().unwrap();
    assert_eq!(clean_counts.articles, total);
    assert!(
        clean_counts.clusters <= 5 + 5,
        "copies cluster with their originals: {clean_counts:?}"
    );
    let clean_mentions = mentions_per_article(&clean);

    // killed midway, with SIGKILL (no chance to clean up)
    let db = dir.join("killed.db");
    let mut child = dyad()
        .args(["ingest", "--batch", "10", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        let n = articles_in(&db);
        if n >= 200 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "ingest finished before it could be killed ({n} articles)"
        );
        assert!(started.elapsed() < Duration::from_secs(300), "ingest too slow to test");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();

    let s = Store::open_read_only(&db).expect("the store opens after a kill");
    let partial = s.counts().unwrap();
    assert!(partial.articles >= 200 && partial.articles < total, "{partial:?}");
    assert_eq!(
        partial.articles % batch,
        0,
        "only whole batches are stored: {partial:?}"
    );
    assert_eq!(s.verify().unwrap(), Vec::<String>::new());
    drop(s);
    // every stored article has all its events: the same as in the clean run
    for (id, n) in mentions_per_article(&db) {
        assert_eq!(Some(&n), clean_mentions.get(&id), "article {id}");
    }

    // the rerun skips what is stored and finishes with the clean run's counts
    run_ok(dyad().args(["ingest", "--batch", "10", "--db"]).arg(&db).arg(&corpus));
    let s = Store::open_read_only(&db).unwrap();
    assert_eq!(s.counts().unwrap(), clean_counts);
    assert_eq!(s.verify().unwrap(), Vec::<String>::new());
    let c = Store::open_read_only(&clean).unwrap();
    let strip = |rows: Vec<dyad_store::EventRow>| -> Vec<String> {
        rows.into_iter().map(|r| serde_json::to_string(&r).unwrap()).collect()
    };
    assert_eq!(
        strip(s.query(&EventFilter::default(), Page::all()).unwrap()),
        strip(c.query(&EventFilter::default(), Page::all()).unwrap()),
        "identical events, ids and counts"
    );
    std::fs::remove_dir_all(&dir).ok();
}

fn sample_db(name: &str) -> (PathBuf, PathBuf) {
    let dir = temp(name);
    let db = dir.join("dyad.db");
    run_ok(
        dyad()
            .args(["ingest", "--db"])
            .arg(&db)
            .arg(root_dir().join("corpus/sample")),
    );
    (dir, db)
}

#[test]
fn query_writes_jsonl_and_csv_with_the_filters_applied() {
    let (dir, db) = sample_db("query");
    let out = run_ok(
        dyad()
            .args([
                "query", "--dyad", "RUS,ITA", "--root", "04", "--format", "jsonl", "--db",
            ])
            .arg(&db),
    );
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rows
        .iter()
        .all(|r| r["root"] == "04" && r["num_mentions"].as_u64() >= Some(1)));
    let meeting = rows
        .iter()
        .find(|r| r["cameo"] == "040" && r["source"]["name"] == "Sergey Lavrov")
        .expect("the Lavrov–Di Maio meeting");
    assert_eq!(meeting["target"]["name"], "Luigi Di Maio");
    assert_eq!(meeting["date"], "2020-10-14");
    assert_eq!(meeting["location"]["name"], "Moscow");
    // same fields as `dyad code`'s records, plus the store's
    for key in [
        "article_id",
        "evidence",
        "pattern",
        "modality",
        "plover",
        "id",
        "cluster",
        "num_sources",
        "num_articles",
    ] {
        assert!(meeting.get(key).is_some(), "{key}");
    }

    let csv = run_ok(
        dyad()
            .args([
                "query",
                "--from",
                "2020-10-01",
                "--to",
                "2020-10-31",
                "--format",
                "csv",
                "--db",
            ])
            .arg(&db),
    );
    let parsed = python_csv(&csv);
    assert_eq!(parsed[0][0], "id");
    let date_col = parsed[0].iter().position(|h| h == "date").unwrap();
    assert!(parsed.len() > 2);
    assert!(parsed[1..]
        .iter()
        .all(|r| r.len() == parsed[0].len() && r[date_col].starts_with("2020-10")));

    let limited = run_ok(
        dyad()
            .args(["query", "--limit", "3", "--format", "jsonl", "--db"])
            .arg(&db),
    );
    assert_eq!(limited.lines().count(), 3);

    let bad = dyad()
        .args(["query", "--text", "\"open", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("bad filter"));
    let missing = dyad()
        .args(["query", "--db"])
        .arg(dir.join("nope.db"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such store"));
    assert!(!dir.join("nope.db").exists(), "queries never create a store");
    std::fs::remove_dir_all(&dir).ok();
}

/// Parses CSV with Python's csv module (an independent reader).
fn python_csv(text: &str) -> Vec<Vec<String>> {
    let mut child = Command::new("python3")
        .args([
            "-c",
            "import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin))))",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 (CI has Python 3.11)");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The GDELT 2.0 event table's columns, in order, as GDELT's event codebook
/// (V2.0) documents them.
const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

#[test]
fn gdelt_export_matches_the_documented_layout_column_by_column() {
    let (dir, db) = sample_db("gdelt");
    // a syndicated copy so the counts columns carry something
    let copy = dir.join("copy.txt");
    let text = std::fs::read_to_string(root_dir().join("corpus/sample/000_46ba96b69bd97d1b.txt")).unwrap();
    std::fs::write(&copy, text.replacen("UrduPoint.com", "Sputnik International", 1)).unwrap();
    run_ok(dyad().args(["ingest", "--db"]).arg(&db).arg(&copy));

    let out = dir.join("events.tsv");
    run_ok(
        dyad()
            .args(["export", "--format", "gdelt", "--out"])
            .arg(&out)
            .arg("--db")
            .arg(&db),
    );
    let tsv = std::fs::read_to_string(&out).unwrap();
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header, GDELT_EVENT_COLUMNS);
    let col = |name: &str| GDELT_EVENT_COLUMNS.iter().position(|c| *c == name).unwrap();
    let stored = Store::open_read_only(&db)
        .unwrap()
        .query(&EventFilter::default(), Page::all())
        .unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), stored.len());
    for (r, s) in rows.iter().zip(&stored) {
        assert_eq!(r.len(), 61);
        assert_eq!(r[col("GLOBALEVENTID")], s.id.to_string());
        let sqldate = r[col("SQLDATE")];
        if !sqldate.is_empty() {
            assert!(sqldate.len() == 8 && sqldate.chars().all(|c| c.is_ascii_digit()));
            assert_eq!(r[col("MonthYear")], &sqldate[..6]);
            assert_eq!(r[col("Year")], &sqldate[..4]);
            let frac: f64 = r[col("FractionDate")].parse().unwrap();
            assert_eq!(frac.floor() as i64, sqldate[..4].parse::<i64>().unwrap());
        }
        assert_eq!(r[col("Actor1Code")], s.record.source.code);
        assert_eq!(
            r[col("Actor2Code")],
            s.record.target.as_ref().map_or("", |t| t.code.as_str())
        );
        let (code, base, root) = (r[col("EventCode")], r[col("EventBaseCode")], r[col("EventRootCode")]);
        assert!(
            code.starts_with(base) && base.starts_with(root) && root.len() == 2,
            "{code} {base} {root}"
        );
        assert_eq!(code, s.record.cameo);
        let quad: u8 = r[col("QuadClass")].parse().unwrap();
        assert!((1..=4).contains(&quad));
        let g: f64 = r[col("GoldsteinScale")].parse().unwrap();
        assert!((-10.0..=10.0).contains(&g));
        let n = |c: &str| r[col(c)].parse::<u64>().unwrap();
        assert_eq!(
            (n("NumMentions"), n("NumSources"), n("NumArticles")),
            (s.num_mentions, s.num_sources, s.num_articles)
        );
        assert!(n("NumMentions") >= n("NumArticles") && n("NumArticles") >= 1);
        assert!(["0", "1"].contains(&r[col("IsRootEvent")]));
        if !r[col("ActionGeo_Lat")].is_empty() {
            let lat: f64 = r[col("ActionGeo_Lat")].parse().unwrap();
            let lon: f64 = r[col("ActionGeo_Long")].parse().unwrap();
            assert!(lat.abs() <= 90.0 && lon.abs() <= 180.0);
            assert_eq!(r[col("ActionGeo_Type")], "4");
        }
        let added = r[col("DATEADDED")];
        assert!(added.is_empty() || (added.len() == 14 && added.chars().all(|c| c.is_ascii_digit())));
        assert!(!r[col("SOURCEURL")].is_empty());
    }
    let meeting = rows
        .iter()
        .find(|r| r[col("EventCode")] == "040" && r[col("Actor1Name")] == "Sergey Lavrov")
        .expect("meeting exported");
    assert_eq!(meeting[col("Actor1Code")], "RUSGOV");
    assert_eq!(meeting[col("Actor1CountryCode")], "RUS");
    assert_eq!(meeting[col("Actor2Code")], "ITAGOV");
    assert_eq!(meeting[col("SQLDATE")], "20201014");
    assert_eq!(meeting[col("ActionGeo_FullName")], "Moscow");
    assert_eq!(
        (
            meeting[col("NumMentions")],
            meeting[col("NumSources")],
            meeting[col("NumArticles")]
        ),
        ("2", "2", "2"),
        "folded with the syndicated copy"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_and_plover_exports_read_back() {
    let (dir, db) = sample_db("exports");
    let stored = Store::open_read_only(&db)
        .unwrap()
        .query(&EventFilter::default(), Page::all())
        .unwrap();

    let csv = dir.join("events.csv");
    run_ok(
        dyad()
            .args(["export", "--format", "csv", "--out"])
            .arg(&csv)
            .arg("--db")
            .arg(&db),
    );
    let parsed = python_csv(&std::fs::read_to_string(&csv).unwrap());
    assert_eq!(parsed.len(), stored.len() + 1);
    let h = &parsed[0];
    let at = |row: &Vec<String>, name: &str| row[h.iter().position(|c| c == name).unwrap()].clone();
    for (row, s) in parsed[1..].iter().zip(&stored) {
        assert_eq!(at(row, "id"), s.id.to_string());
        assert_eq!(at(row, "cameo"), s.record.cameo);
        assert_eq!(
            at(row, "sentence_text"),
            s.record.evidence.sentence,
            "quoted text survives"
        );
    }

    let plover = dir.join("events.plover.jsonl");
    run_ok(
        dyad()
            .args(["export", "--format", "plover", "--root", "04", "--out"])
            .arg(&plover)
            .arg("--db")
            .arg(&db),
    );
    let objs: Vec<serde_json::Value> = std::fs::read_to_string(&plover)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!objs.is_empty());
    for o in &objs {
        for key in ["id", "date", "actor", "event", "mode", "context", "quad_code", "text"] {
            assert!(o.get(key).is_some(), "PLOVER field {key} in {o}");
        }
        assert_eq!(o["event"][0], "CONSULT", "root 04 is PLOVER CONSULT");
        assert!(o["actor"][0]["code"].is_string());
    }
    let meeting = objs
        .iter()
        .find(|o| o["cameo"] == "040" && o["actor"][0]["entity_name"] == "Sergey Lavrov")
        .unwrap();
    assert_eq!(meeting["mode"], serde_json::json!([]), "040 Consult → CONSULT, no mode");
    let call = objs
        .iter()
        .find(|o| o["cameo"] == "041")
        .expect("the Wang Yi–Di Maio phone call");
    assert_eq!(
        call["mode"],
        serde_json::json!(["phone"]),
        "041 Discuss by telephone → CONSULT/phone"
    );
    assert_eq!(meeting["recipient"][0]["country_name"], "ITA");
    assert_eq!(meeting["event_loc"]["name"], "Moscow");
    assert!(!dir.join("events.plover.jsonl.partial").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn parquet_export_reads_back_with_the_parquet_reader() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::{Field, RowAccessor};
    let (dir, db) = sample_db("parquet");
    let stored = Store::open_read_only(&db)
        .unwrap()
        .query(&EventFilter::default(), Page::all())
        .unwrap();
    let out = dir.join("events.parquet");
    run_ok(
        dyad()
            .args(["export", "--format", "parquet", "--out"])
            .arg(&out)
            .arg("--db")
            .arg(&db),
    );

    let reader = SerializedFileReader::new(std::fs::File::open(&out).unwrap()).unwrap();
    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows() as usize, stored.len());
    let schema = meta.file_metadata().schema_descr();
    let names: Vec<&str> = schema.columns().iter().map(|c| c.name()).collect();
    assert_eq!(names, dyad_export::csv::COLUMNS);
    let idx = |n: &str| names.iter().position(|c| *c == n).unwrap();
    let rows: Vec<parquet::record::Row> = reader.get_row_iter(None).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), stored.len());
    for (row, s) in rows.iter().zip(&stored) {
        assert_eq!(row.get_long(idx("id")).unwrap(), s.id);
        assert_eq!(row.get_string(idx("source_code")).unwrap(), &s.record.source.code);
        assert_eq!(row.get_string(idx("cameo")).unwrap(), &s.record.cameo);
        assert_eq!(row.get_int(idx("quad_class")).unwrap(), s.record.quad_class as i32);
        assert_eq!(row.get_double(idx("goldstein")).unwrap(), s.record.goldstein);
        assert_eq!(row.get_bool(idx("negated")).unwrap(), s.record.negated);
        assert_eq!(row.get_long(idx("num_mentions")).unwrap() as u64, s.num_mentions);
        assert_eq!(
            row.get_string(idx("sentence_text")).unwrap(),
            &s.record.evidence.sentence
        );
        let (_, date) = row.get_column_iter().nth(idx("date")).unwrap();
        match (date, s.record.date) {
            (Field::Date(days), Some(d)) => {
                let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
                assert_eq!(epoch + chrono::Duration::days(*days as i64), d);
            }
            (Field::Null, None) => {}
            (f, d) => panic!("date {f:?} for {d:?}"),
        }
        let (_, target) = row.get_column_iter().nth(idx("target_code")).unwrap();
        match (target, &s.record.target) {
            (Field::Str(t), Some(a)) => assert_eq!(t, &a.code),
            (Field::Null, None) => {}
            (f, a) => panic!("target {f:?} for {a:?}"),
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
