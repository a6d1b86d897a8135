//! GDELT 2.0 event-table TSV: all 61 columns in GDELT's order, empty where
//! dyad has no value. Deviations from GDELT, documented in the README:
//! `GLOBALEVENTID` is a per-run sequence for coded documents and the store's
//! event id for stored rows (whose `NumMentions`/`NumSources`/`NumArticles`
//! are the store's fold counts; 1/1/1 for a single document); geo `CountryCode` columns hold
//! dyad's alpha-3 codes (GDELT uses FIPS 10-4); `AvgTone` is empty.

use crate::Fold;
use chrono::Datelike;
use dyad_doc::record::{ActorRecord, EventRecord};
use dyad_doc::Doc;
use std::io::{self, Write};

pub const COLUMNS: [&str; 61] = [
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

pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", COLUMNS.join("\t"))
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One row per event; `next_id` numbers rows across documents.
pub fn write_rows(doc: &Doc, next_id: &mut u64, out: &mut dyn Write) -> io::Result<()> {
    let source_url = doc.article.url.clone().unwrap_or_else(|| doc.article.origin.clone());
    for (i, e) in doc.events.iter().enumerate() {
        *next_id += 1;
        let rec = EventRecord::from_event(doc, e);
        let fold = Fold {
            id: *next_id as i64,
            is_root: is_root(doc, i),
            ..Fold::single(0)
        };
        write_record(&rec, &fold, &source_url, out)?;
    }
    Ok(())
}

/// One row for an event record (from a document or a store): `fold` gives
/// `GLOBALEVENTID`, `IsRootEvent` and the mention/source/article counts;
/// `source_url` is `SOURCEURL` (the article's URL, else where it was read).
pub fn write_record(rec: &EventRecord, fold: &Fold, source_url: &str, out: &mut dyn Write) -> io::Result<()> {
    let row = record_row(rec, fold, source_url);
    writeln!(out, "{}", row.iter().map(|c| clean(c)).collect::<Vec<_>>().join("\t"))
}

/// GDELT marks events from the lead paragraph as root events.
fn is_root(doc: &Doc, event: usize) -> bool {
    let first_body = doc.sentences.iter().position(|s| !s.headline).unwrap_or(0);
    doc.events[event].sentence <= first_body
}

fn actor_columns(a: Option<&ActorRecord>) -> [String; 10] {
    let Some(a) = a else {
        return Default::default();
    };
    let name = a.name.clone().unwrap_or_else(|| a.text.to_uppercase());
    [
        a.code.clone(),
        name,
        a.country.clone().unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        a.sector.clone().unwrap_or_default(),
        String::new(),
        String::new(),
    ]
}

/// The 61 columns of one event, in [`COLUMNS`] order.
pub fn record_row(e: &EventRecord, fold: &Fold, source_url: &str) -> Vec<String> {
    let date = e.date.or(e.published);
    let mut r: Vec<String> = Vec::with_capacity(61);
    r.push(fold.id.to_string());
    match date {
        Some(d) => {
            r.push(d.format("%Y%m%d").to_string());
            r.push(d.format("%Y%m").to_string());
            r.push(d.year().to_string());
            r.push(format!("{:.4}", d.year() as f64 + (d.ordinal() as f64 - 1.0) / 365.0));
        }
        None => r.extend(std::iter::repeat_n(String::new(), 4)),
    }
    r.extend(actor_columns(Some(&e.source)));
    r.extend(actor_columns(e.target.as_ref()));
    r.push(if fold.is_root { "1" } else { "0" }.into());
    r.push(e.cameo.clone());
    r.push(e.cameo.get(..3).unwrap_or(&e.cameo).to_string());
    r.push(e.cameo.get(..2).unwrap_or(&e.cameo).to_string());
    r.push(e.quad_class.to_string());
    r.push(format!("{:.1}", e.goldstein));
    r.extend([
        fold.num_mentions.to_string(),
        fold.num_sources.to_string(),
        fold.num_articles.to_string(),
        String::new(),
    ]);
    // actor geo columns: dyad does not locate actors separately
    r.extend(std::iter::repeat_n(String::new(), 16));
    match &e.location {
        Some(p) => {
            let kind = if p.lat.is_some() { "4" } else { "1" };
            r.push(kind.into());
            r.push(p.name.clone());
            r.push(p.country.clone().unwrap_or_default());
            r.push(String::new());
            r.push(String::new());
            r.push(p.lat.map_or(String::new(), |v| v.to_string()));
            r.push(p.lon.map_or(String::new(), |v| v.to_string()));
            r.push(String::new());
        }
        None => r.extend(std::iter::repeat_n(String::new(), 8)),
    }
    r.push(
        e.published
            .map_or(String::new(), |d| d.format("%Y%m%d000000").to_string()),
    );
    r.push(source_url.to_string());
    debug_assert_eq!(r.len(), 61);
    r
}
