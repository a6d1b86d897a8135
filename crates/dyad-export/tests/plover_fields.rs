//! PLOVER type, mode and context of real coded sentences in every format
//! that carries them (JSON Lines, CSV, Parquet, PLOVER JSON), and GDELT's
//! 61 columns untouched by them. Expected values are PLOVER's CAMEO table
//! (CAMEO2PLOVER, draft 0.8) as `dict/cameo.tsv` holds it.

use dyad_doc::record::EventRecord;
use dyad_export::{csv, gdelt, parquet, plover, Fold};
use dyad_pipeline::Pipeline;
use serde_json::json;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::builtin)
}

const THREAT: &str = "The United States threatened to impose sanctions on Russia on Monday.";

/// The one record of `cameo` coded from `text`.
fn coded(text: &str, cameo: &str) -> EventRecord {
    let doc = pipeline().process_text(text, dyad_doc::NaiveDate::from_ymd_opt(2022, 2, 14));
    let records = EventRecord::all(&doc);
    records
        .iter()
        .find(|r| r.cameo == cameo)
        .unwrap_or_else(|| panic!("{text:?} codes {cameo}; got {records:?}"))
        .clone()
}

/// CAMEO 1312 "Threaten with sanctions, boycott, embargo" → THREATEN, restrict, economic.
fn threat() -> EventRecord {
    coded(THREAT, "1312")
}

/// CAMEO 141 "Demonstrate or rally" → PROTEST, demo, no context.
fn protest() -> EventRecord {
    coded(
        "Thousands of protesters demonstrated against the government in Paris on Sunday.",
        "141",
    )
}

/// CAMEO 1411 "Demonstrate for leadership change" → PROTEST, demo, executive.
fn rally() -> EventRecord {
    coded(
        "Opposition supporters rallied in Caracas on Saturday to demand the resignation of President Nicolas Maduro.",
        "1411",
    )
}

fn plover_fields(r: &EventRecord) -> (Option<&str>, Option<&str>, Vec<&str>) {
    (
        r.plover.as_deref(),
        r.plover_mode.as_deref(),
        r.plover_context.iter().map(String::as_str).collect(),
    )
}

#[test]
fn coded_records_carry_plover_type_mode_and_context() {
    assert_eq!(
        plover_fields(&threat()),
        (Some("THREATEN"), Some("restrict"), vec!["economic"])
    );
    assert_eq!(plover_fields(&protest()), (Some("PROTEST"), Some("demo"), vec![]));
    assert_eq!(
        plover_fields(&rally()),
        (Some("PROTEST"), Some("demo"), vec!["executive"])
    );
}

#[test]
fn json_lines_records_have_the_fields() {
    let doc = pipeline().process_text(THREAT, None);
    let mut out = Vec::new();
    dyad_export::write_jsonl(&doc, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains(r#""cameo":"1312""#))
        .unwrap_or_else(|| panic!("no 1312 record in {text}"));
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(v["plover"], "THREATEN");
    assert_eq!(v["plover_mode"], "restrict");
    assert_eq!(v["plover_context"], json!(["economic"]));
    // right after `plover`, before `negated`
    assert!(
        line.contains(r#""plover":"THREATEN","plover_mode":"restrict","plover_context":["economic"],"negated""#),
        "{line}"
    );
    assert_eq!(serde_json::to_value(protest()).unwrap()["plover_context"], json!([]));
}

/// Minimal RFC 4180 reader (quoted fields, doubled quotes), enough for a check.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
    }
    rows
}

#[test]
fn csv_has_mode_and_context_columns() {
    let mut out = Vec::new();
    csv::write_header(&mut out).unwrap();
    let records = [threat(), protest(), rally()];
    for (i, r) in records.iter().enumerate() {
        csv::write_row(r, &Fold::single(i as i64 + 1), &mut out).unwrap();
    }
    let rows = parse_csv(&String::from_utf8(out).unwrap());
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.len() == csv::COLUMNS.len()));
    let h = &rows[0];
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let at = |i: usize, name: &str| rows[i][col(name)].clone();
    assert_eq!(col("plover_mode"), col("plover") + 1);
    assert_eq!(col("plover_context"), col("plover") + 2);
    assert_eq!(
        (at(1, "plover"), at(1, "plover_mode"), at(1, "plover_context")),
        ("THREATEN".into(), "restrict".into(), "economic".into())
    );
    assert_eq!(
        (at(2, "plover_mode"), at(2, "plover_context")),
        ("demo".into(), String::new())
    );
    assert_eq!(
        (at(3, "plover_mode"), at(3, "plover_context")),
        ("demo".into(), "executive".into())
    );
    // several contexts are `;`-separated, as in dict/cameo.tsv
    let mut two = threat();
    two.plover_context = vec!["crime".into(), "corruption".into()];
    assert_eq!(
        csv::row(&two, &Fold::single(1))[col("plover_context")],
        "crime;corruption"
    );
}

#[test]
fn parquet_reader_sees_mode_and_context() {
    use ::parquet::file::reader::{FileReader, SerializedFileReader};
    use ::parquet::record::{Field, RowAccessor};
    let path = std::env::temp_dir().join(format!("dyad-export-plover-{}.parquet", std::process::id()));
    let records = [threat(), protest()];
    {
        let mut w = parquet::Writer::new(std::fs::File::create(&path).unwrap()).unwrap();
        for (i, r) in records.iter().enumerate() {
            w.push(r, &Fold::single(i as i64 + 1)).unwrap();
        }
        assert_eq!(w.finish().unwrap(), 2);
    }
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr();
    let names: Vec<String> = schema.columns().iter().map(|c| c.name().to_string()).collect();
    assert_eq!(names, csv::COLUMNS);
    let idx = |n: &str| names.iter().position(|c| c == n).unwrap();
    let rows: Vec<::parquet::record::Row> = reader.get_row_iter(None).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].get_string(idx("plover")).unwrap(), "THREATEN");
    assert_eq!(rows[0].get_string(idx("plover_mode")).unwrap(), "restrict");
    assert_eq!(rows[0].get_string(idx("plover_context")).unwrap(), "economic");
    assert_eq!(rows[1].get_string(idx("plover_mode")).unwrap(), "demo");
    let (_, context) = rows[1].get_column_iter().nth(idx("plover_context")).unwrap();
    assert_eq!(context, &Field::Null, "no context is null");
    std::fs::remove_file(&path).ok();
}

#[test]
fn plover_json_takes_mode_and_context_from_the_record() {
    let fold = Fold::single(7);
    let none = plover::Codes::default();
    let v = plover::record(&threat(), &fold, &none).unwrap();
    assert_eq!(v["event"], json!(["THREATEN"]));
    assert_eq!(v["mode"], json!(["restrict"]));
    assert_eq!(v["context"], json!(["economic"]));
    let v = plover::record(&rally(), &fold, &none).unwrap();
    assert_eq!((&v["mode"], &v["context"]), (&json!(["demo"]), &json!(["executive"])));

    // a record stored before mode and context were kept: the codebook's stand in
    let mut old = threat();
    old.plover_mode = None;
    old.plover_context.clear();
    let codebook = plover::Codes {
        mode: Some("restrict".into()),
        context: vec!["economic".into()],
    };
    let v = plover::record(&old, &fold, &codebook).unwrap();
    assert_eq!(
        (&v["mode"], &v["context"]),
        (&json!(["restrict"]), &json!(["economic"]))
    );
    // ... but never over the record's own values
    let other = plover::Codes {
        mode: Some("ban".into()),
        context: vec!["legal".into()],
    };
    let v = plover::record(&threat(), &fold, &other).unwrap();
    assert_eq!(
        (&v["mode"], &v["context"]),
        (&json!(["restrict"]), &json!(["economic"]))
    );
}

#[test]
fn gdelt_columns_do_not_change() {
    let r = threat();
    let mut bare = r.clone();
    bare.plover_mode = None;
    bare.plover_context.clear();
    let row = gdelt::record_row(&r, &Fold::single(1), "https://example.org/a");
    assert_eq!(row.len(), 61);
    assert_eq!(row, gdelt::record_row(&bare, &Fold::single(1), "https://example.org/a"));
    assert!(!row.iter().any(|c| c == "restrict" || c == "economic"));
}
