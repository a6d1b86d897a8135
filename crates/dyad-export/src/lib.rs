//! Output formats. Owns the byte layout of everything dyad writes:
//! JSON Lines event and quote records ([`dyad_doc::record`] defines their
//! fields), GDELT 2.0 event-table TSV ([`gdelt`]), CSV ([`csv`]), Apache
//! Parquet ([`parquet`]), PLOVER JSON ([`plover`]), terminal tables ([`table`]), and `--explain` text.
//! Formats of stored events take the record plus its [`Fold`].

pub mod csv;
pub mod gdelt;
pub mod parquet;
pub mod plover;
pub mod table;

use dyad_doc::record::{EventRecord, QuoteRecord};
use dyad_doc::{Doc, MentionKind};
use std::io::{self, Write};

/// What the store adds to an event record: its id and GDELT-style counts
/// over the articles it was folded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fold {
    pub id: i64,
    /// Read from the lead (GDELT's `IsRootEvent`).
    pub is_root: bool,
    pub num_mentions: u64,
    pub num_sources: u64,
    pub num_articles: u64,
}

impl Fold {
    /// An event read once, from one article of one outlet.
    pub fn single(id: i64) -> Fold {
        Fold {
            id,
            is_root: false,
            num_mentions: 1,
            num_sources: 1,
            num_articles: 1,
        }
    }
}

/// One JSON object per event, one per line.
pub fn write_jsonl(doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
    for r in EventRecord::all(doc) {
        serde_json::to_writer(&mut *out, &r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One JSON object per quotation, one per line.
pub fn write_quotes_jsonl(doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
    for r in QuoteRecord::all(doc) {
        serde_json::to_writer(&mut *out, &r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Each sentence with its mentions, events and the coder's notes.
pub fn write_explain(doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
    let a = &doc.article;
    writeln!(
        out,
        "== {} | outlet {} | published {}{}",
        a.id,
        a.outlet.as_deref().unwrap_or("?"),
        a.published.map_or("unknown".to_string(), |d| d.to_string()),
        a.dateline
            .as_ref()
            .map_or(String::new(), |d| format!(" | dateline {}", d.place))
    )?;
    for (s, sent) in doc.sentences.iter().enumerate() {
        writeln!(
            out,
            "\n[{s}]{} {}",
            if sent.headline { " (headline)" } else { "" },
            doc.slice(&sent.span)
        )?;
        for m in doc.mentions.iter().filter(|m| m.sentence == s) {
            let what = match &m.kind {
                MentionKind::Actor(a) => format!(
                    "actor {}{}",
                    a.code,
                    a.name.as_ref().map_or(String::new(), |n| format!(" ({n})"))
                ),
                MentionKind::Place(p) => format!("place {} {}", p.name, p.country.as_deref().unwrap_or("")),
                MentionKind::Date(d) => format!("date {}", d.map_or("unresolved".into(), |d| d.to_string())),
            };
            writeln!(
                out,
                "    {:<28} {:<40} [{}]",
                format!("\"{}\"", doc.slice(&m.span)),
                what,
                m.entry
            )?;
        }
        for e in doc.events.iter().filter(|e| e.sentence == s) {
            let code = |i: usize| doc.mentions[i].actor().map_or("?".to_string(), |a| a.code.clone());
            writeln!(
                out,
                "  EVENT {} -> {} {} ({:?}{}) \"{}\" date {} ({:?}) at {} [{}]",
                code(e.source),
                e.target.map_or("-".into(), code),
                e.cameo,
                e.modality,
                if e.negated { ", negated" } else { "" },
                doc.slice(&e.event_span),
                e.date.map_or("unknown".into(), |d| d.to_string()),
                e.date_source,
                e.location.as_ref().map_or("-".to_string(), |p| p.name.clone()),
                e.pattern
            )?;
        }
        if let Some(trace) = &doc.trace {
            for (_, note) in trace.iter().filter(|(ts, _)| *ts == s) {
                writeln!(out, "    · {note}")?;
            }
        }
    }
    writeln!(out)
}
