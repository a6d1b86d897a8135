//! Event records as CSV (RFC 4180: comma-separated, fields with commas,
//! quotes or line breaks quoted, quotes doubled), one row per event with a
//! header line. Columns are [`COLUMNS`]; empty where there is no value.
//! `plover_context` holds the PLOVER contexts `;`-separated (as in
//! `dict/cameo.tsv`), e.g. `crime;corruption`.

use crate::Fold;
use dyad_doc::record::{ActorRecord, EventRecord};
use std::io::{self, Write};

pub const COLUMNS: [&str; 38] = [
    "id",
    "date",
    "date_source",
    "source_code",
    "source_name",
    "source_country",
    "source_sector",
    "source_text",
    "target_code",
    "target_name",
    "target_country",
    "target_sector",
    "target_text",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "plover_mode",
    "plover_context",
    "negated",
    "modality",
    "location",
    "location_country",
    "lat",
    "lon",
    "num_mentions",
    "num_sources",
    "num_articles",
    "is_root",
    "article_id",
    "outlet",
    "url",
    "published",
    "sentence",
    "event_text",
    "sentence_text",
    "pattern",
];

/// A field, quoted when it must be.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", COLUMNS.join(","))
}

/// Lowercase serde name of a unit enum (`text`, `asserted`, …).
pub(crate) fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn actor(a: Option<&ActorRecord>) -> [String; 5] {
    match a {
        None => Default::default(),
        Some(a) => [
            a.code.clone(),
            a.name.clone().unwrap_or_default(),
            a.country.clone().unwrap_or_default(),
            a.sector.clone().unwrap_or_default(),
            a.text.clone(),
        ],
    }
}

/// The [`COLUMNS`] of one event.
pub fn row(r: &EventRecord, fold: &Fold) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let loc = r.location.as_ref();
    let mut v = vec![
        fold.id.to_string(),
        opt(r.date.map(|d| d.to_string())),
        enum_name(&r.date_source),
    ];
    v.extend(actor(Some(&r.source)));
    v.extend(actor(r.target.as_ref()));
    v.extend([
        r.cameo.clone(),
        r.root.clone(),
        r.quad_class.to_string(),
        r.goldstein.to_string(),
        opt(r.plover.clone()),
        opt(r.plover_mode.clone()),
        r.plover_context.join(";"),
        r.negated.to_string(),
        enum_name(&r.modality),
        opt(loc.map(|l| l.name.clone())),
        opt(loc.and_then(|l| l.country.clone())),
        opt(loc.and_then(|l| l.lat).map(|x| x.to_string())),
        opt(loc.and_then(|l| l.lon).map(|x| x.to_string())),
        fold.num_mentions.to_string(),
        fold.num_sources.to_string(),
        fold.num_articles.to_string(),
        fold.is_root.to_string(),
        r.article_id.clone(),
        opt(r.outlet.clone()),
        opt(r.url.clone()),
        opt(r.published.map(|d| d.to_string())),
        r.sentence.to_string(),
        r.evidence.event_text.clone(),
        r.evidence.sentence.clone(),
        r.pattern.clone(),
    ]);
    debug_assert_eq!(v.len(), COLUMNS.len());
    v
}

pub fn write_row(r: &EventRecord, fold: &Fold, out: &mut dyn Write) -> io::Result<()> {
    let cells: Vec<String> = row(r, fold).iter().map(|c| field(c)).collect();
    writeln!(out, "{}", cells.join(","))
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(field("Moscow"), "Moscow");
        assert_eq!(field("Rome, Italy"), "\"Rome, Italy\"");
        assert_eq!(field("the \"symbolic\" way"), "\"the \"\"symbolic\"\" way\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
