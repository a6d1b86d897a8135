//! Apache Parquet: one row per event with the columns of [`crate::csv`]
//! (same names, same order), typed: ids and counts `INT64`, `quad_class`
//! `INT32`, `goldstein`/`lat`/`lon` `DOUBLE`, `negated`/`is_root`
//! `BOOLEAN`, `date`/`published` `INT32 (DATE)`, text `BYTE_ARRAY
//! (STRING)`; optional where the record may have no value
//! (`plover_context`, `;`-separated as in CSV, is null for none). Snappy
//! compressed, one row group per [`ROW_GROUP`] rows.

use crate::Fold;
use dyad_doc::record::{ActorRecord, EventRecord};
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DataType, DoubleType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::parser::parse_message_type;
use std::io::Write;
use std::sync::Arc;

pub use parquet::errors::ParquetError as Error;

/// Rows per row group.
pub const ROW_GROUP: usize = 50_000;

#[derive(Clone, Copy)]
enum Kind {
    Str,
    I64,
    I32,
    Date,
    F64,
    Bool,
}

/// (name, kind, required): the schema, in [`crate::csv::COLUMNS`] order.
const SCHEMA: [(&str, Kind, bool); 38] = [
    ("id", Kind::I64, true),
    ("date", Kind::Date, false),
    ("date_source", Kind::Str, true),
    ("source_code", Kind::Str, true),
    ("source_name", Kind::Str, false),
    ("source_country", Kind::Str, false),
    ("source_sector", Kind::Str, false),
    ("source_text", Kind::Str, true),
    ("target_code", Kind::Str, false),
    ("target_name", Kind::Str, false),
    ("target_country", Kind::Str, false),
    ("target_sector", Kind::Str, false),
    ("target_text", Kind::Str, false),
    ("cameo", Kind::Str, true),
    ("root", Kind::Str, true),
    ("quad_class", Kind::I32, true),
    ("goldstein", Kind::F64, true),
    ("plover", Kind::Str, false),
    ("plover_mode", Kind::Str, false),
    ("plover_context", Kind::Str, false),
    ("negated", Kind::Bool, true),
    ("modality", Kind::Str, true),
    ("location", Kind::Str, false),
    ("location_country", Kind::Str, false),
    ("lat", Kind::F64, false),
    ("lon", Kind::F64, false),
    ("num_mentions", Kind::I64, true),
    ("num_sources", Kind::I64, true),
    ("num_articles", Kind::I64, true),
    ("is_root", Kind::Bool, true),
    ("article_id", Kind::Str, true),
    ("outlet", Kind::Str, false),
    ("url", Kind::Str, false),
    ("published", Kind::Date, false),
    ("sentence", Kind::I64, true),
    ("event_text", Kind::Str, true),
    ("sentence_text", Kind::Str, true),
    ("pattern", Kind::Str, true),
];

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Null,
    Str(String),
    I64(i64),
    F64(f64),
    Bool(bool),
}

fn days(d: dyad_doc::NaiveDate) -> i64 {
    d.signed_duration_since(dyad_doc::NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch"))
        .num_days()
}

fn row(r: &EventRecord, f: &Fold) -> Vec<Cell> {
    let s = |v: &str| Cell::Str(v.to_string());
    let os = |v: Option<&String>| v.map_or(Cell::Null, |v| Cell::Str(v.clone()));
    let actor = |a: Option<&ActorRecord>| -> [Cell; 5] {
        match a {
            None => [Cell::Null, Cell::Null, Cell::Null, Cell::Null, Cell::Null],
            Some(a) => [
                s(&a.code),
                os(a.name.as_ref()),
                os(a.country.as_ref()),
                os(a.sector.as_ref()),
                s(&a.text),
            ],
        }
    };
    let loc = r.location.as_ref();
    let mut v = vec![
        Cell::I64(f.id),
        r.date.map_or(Cell::Null, |d| Cell::I64(days(d))),
        s(&crate::csv::enum_name(&r.date_source)),
    ];
    v.extend(actor(Some(&r.source)));
    v.extend(actor(r.target.as_ref()));
    v.extend([
        s(&r.cameo),
        s(&r.root),
        Cell::I64(r.quad_class as i64),
        Cell::F64(r.goldstein),
        os(r.plover.as_ref()),
        os(r.plover_mode.as_ref()),
        if r.plover_context.is_empty() {
            Cell::Null
        } else {
            Cell::Str(r.plover_context.join(";"))
        },
        Cell::Bool(r.negated),
        s(&crate::csv::enum_name(&r.modality)),
        os(loc.map(|l| &l.name)),
        os(loc.and_then(|l| l.country.as_ref())),
        loc.and_then(|l| l.lat).map_or(Cell::Null, Cell::F64),
        loc.and_then(|l| l.lon).map_or(Cell::Null, Cell::F64),
        Cell::I64(f.num_mentions as i64),
        Cell::I64(f.num_sources as i64),
        Cell::I64(f.num_articles as i64),
        Cell::Bool(f.is_root),
        s(&r.article_id),
        os(r.outlet.as_ref()),
        os(r.url.as_ref()),
        r.published.map_or(Cell::Null, |d| Cell::I64(days(d))),
        Cell::I64(r.sentence as i64),
        s(&r.evidence.event_text),
        s(&r.evidence.sentence),
        s(&r.pattern),
    ]);
    debug_assert_eq!(v.len(), SCHEMA.len());
    v
}

/// The Parquet schema as a message type.
pub fn message_type() -> String {
    let mut m = String::from("message dyad_event {\n");
    for (name, kind, required) in SCHEMA {
        let rep = if required { "required" } else { "optional" };
        let ty = match kind {
            Kind::Str => "binary",
            Kind::I64 => "int64",
            Kind::I32 => "int32",
            Kind::Date => "int32",
            Kind::F64 => "double",
            Kind::Bool => "boolean",
        };
        let logical = match kind {
            Kind::Str => " (STRING)",
            Kind::Date => " (DATE)",
            _ => "",
        };
        m.push_str(&format!("  {rep} {ty} {name}{logical};\n"));
    }
    m.push('}');
    m
}

/// Writes events to a Parquet file, buffering a row group at a time.
pub struct Writer<W: Write + Send> {
    inner: SerializedFileWriter<W>,
    rows: Vec<Vec<Cell>>,
    written: u64,
}

impl<W: Write + Send> Writer<W> {
    pub fn new(out: W) -> Result<Self, ParquetError> {
        let schema = Arc::new(parse_message_type(&message_type())?);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(concat!("dyad ", env!("CARGO_PKG_VERSION")).to_string())
            .build();
        Ok(Writer {
            inner: SerializedFileWriter::new(out, schema, Arc::new(props))?,
            rows: Vec::new(),
            written: 0,
        })
    }

    pub fn push(&mut self, r: &EventRecord, fold: &Fold) -> Result<(), ParquetError> {
        self.rows.push(row(r, fold));
        if self.rows.len() >= ROW_GROUP {
            self.flush_group()?;
        }
        Ok(())
    }

    fn flush_group(&mut self) -> Result<(), ParquetError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut group = self.inner.next_row_group()?;
        let mut i = 0;
        while let Some(mut col) = group.next_column()? {
            let (_, kind, required) = SCHEMA[i];
            let cells = self.rows.iter().map(|r| &r[i]);
            match kind {
                Kind::Str => write_col::<ByteArrayType, _>(&mut col, required, cells, |c| match c {
                    Cell::Str(s) => Some(ByteArray::from(s.as_str())),
                    _ => None,
                })?,
                Kind::I64 => write_col::<Int64Type, _>(&mut col, required, cells, |c| match c {
                    Cell::I64(v) => Some(*v),
                    _ => None,
                })?,
                Kind::I32 | Kind::Date => write_col::<Int32Type, _>(&mut col, required, cells, |c| match c {
                    Cell::I64(v) => Some(*v as i32),
                    _ => None,
                })?,
                Kind::F64 => write_col::<DoubleType, _>(&mut col, required, cells, |c| match c {
                    Cell::F64(v) => Some(*v),
                    _ => None,
                })?,
                Kind::Bool => write_col::<BoolType, _>(&mut col, required, cells, |c| match c {
                    Cell::Bool(v) => Some(*v),
                    _ => None,
                })?,
            }
            col.close()?;
            i += 1;
        }
        group.close()?;
        self.written += self.rows.len() as u64;
        self.rows.clear();
        Ok(())
    }

    /// Writes the last row group and the footer; returns the rows written.
    pub fn finish(mut self) -> Result<u64, ParquetError> {
        self.flush_group()?;
        self.inner.close()?;
        Ok(self.written)
    }
}

fn write_col<'a, T, I>(
    col: &mut SerializedColumnWriter<'_>,
    required: bool,
    cells: I,
    get: impl Fn(&Cell) -> Option<T::T>,
) -> Result<(), ParquetError>
where
    T: DataType,
    I: Iterator<Item = &'a Cell>,
{
    let mut values = Vec::new();
    let mut defs = Vec::new();
    for c in cells {
        match get(c) {
            Some(v) => {
                values.push(v);
                defs.push(1i16);
            }
            None if required => {
                return Err(ParquetError::General(format!(
                    "missing value in a required column: {c:?}"
                )));
            }
            None => defs.push(0),
        }
    }
    let w = col.typed::<T>();
    if required {
        w.write_batch(&values, None, None)?;
    } else {
        w.write_batch(&values, Some(&defs), None)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_the_csv_columns_and_the_schema_parses() {
        let names: Vec<&str> = SCHEMA.iter().map(|c| c.0).collect();
        assert_eq!(names, crate::csv::COLUMNS);
        let t = parse_message_type(&message_type()).unwrap();
        assert_eq!(t.get_fields().len(), 38);
    }
}
