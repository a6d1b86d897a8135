//! GDELT 2.0 event-table TSV: all 61 columns in GDELT's order, empty where
//! dyad has no value. Deviations from GDELT, documented in the README:
//! `GLOBALEVENTID` is a per-run sequence; geo `CountryCode` columns hold
//! dyad's alpha-3 codes (GDELT uses FIPS 10-4); `AvgTone` is empty.

use chrono::Datelike;
use dyad_doc::{Doc, Event};
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
    for (i, e) in doc.events.iter().enumerate() {
        *next_id += 1;
        let row = row(doc, e, *next_id, is_root(doc, i));
        writeln!(out, "{}", row.iter().map(|c| clean(c)).collect::<Vec<_>>().join("\t"))?;
    }
    Ok(())
}

/// GDELT marks events from the lead paragraph as root events.
fn is_root(doc: &Doc, event: usize) -> bool {
    let first_body = doc.sentences.iter().position(|s| !s.headline).unwrap_or(0);
    doc.events[event].sentence <= first_body
}

fn actor_columns(doc: &Doc, mention: Option<usize>) -> [String; 10] {
    let Some(a) = mention.and_then(|m| doc.mentions[m].actor()) else {
        return Default::default();
    };
    let name = a
        .name
        .clone()
        .unwrap_or_else(|| doc.slice(&doc.mentions[mention.unwrap_or(0)].span).to_uppercase());
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

fn row(doc: &Doc, e: &Event, id: u64, root: bool) -> Vec<String> {
    let date = e.date.or(doc.article.published);
    let mut r: Vec<String> = Vec::with_capacity(61);
    r.push(id.to_string());
    match date {
        Some(d) => {
            r.push(d.format("%Y%m%d").to_string());
            r.push(d.format("%Y%m").to_string());
            r.push(d.year().to_string());
            r.push(format!("{:.4}", d.year() as f64 + (d.ordinal() as f64 - 1.0) / 365.0));
        }
        None => r.extend(std::iter::repeat_n(String::new(), 4)),
    }
    r.extend(actor_columns(doc, Some(e.source)));
    r.extend(actor_columns(doc, e.target));
    r.push(if root { "1" } else { "0" }.into());
    r.push(e.cameo.clone());
    r.push(e.cameo.get(..3).unwrap_or(&e.cameo).to_string());
    r.push(e.cameo.get(..2).unwrap_or(&e.cameo).to_string());
    r.push(e.quad_class.to_string());
    r.push(format!("{:.1}", e.goldstein));
    r.extend(["1", "1", "1", ""].map(String::from));
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
        doc.article
            .published
            .map_or(String::new(), |d| d.format("%Y%m%d000000").to_string()),
    );
    r.push(doc.article.url.clone().unwrap_or_else(|| doc.article.origin.clone()));
    debug_assert_eq!(r.len(), 61);
    r
}
