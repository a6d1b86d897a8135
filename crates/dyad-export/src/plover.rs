//! PLOVER JSON Lines: one object per event with the field names of the
//! PLOVER manual's JSON table (`id`, `date`, `actor`, `recipient`, `event`,
//! `mode`, `context`, `event_loc`, `event_text`, `quad_code`, `text`,
//! `cite_info`, `coder`, `comment`) and its actor blocks (`raw_text`,
//! `entity_name`, `code`, `country_name`, `sector_code`). `event`, `mode`
//! and `context` are lists, as the manual allows. `mode` holds the
//! record's PLOVER mode (`plover_mode`, from the codebook when it was
//! coded) plus the auxiliary modes `negation` (negated events) and
//! `hypothetical` (conditional ones); `context` is the record's
//! `plover_context`. Records stored before mode and context were recorded
//! (store schema < 3) have neither: for them the caller's [`Codes`] (the
//! codebook's values for the CAMEO code) stand in.
//! dyad's own extras keep their names: `cameo`, `goldstein`,
//! `num_mentions`, `num_sources`, `num_articles`, `pattern`. Events whose
//! CAMEO code has no PLOVER type are not PLOVER events: callers skip them.

use crate::Fold;
use dyad_doc::record::{ActorRecord, EventRecord};
use dyad_doc::Modality;
use serde_json::{json, Value};
use std::io::{self, Write};

/// The PLOVER mode and contexts a CAMEO code maps to (from the codebook),
/// used for records that carry neither.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Codes {
    pub mode: Option<String>,
    pub context: Vec<String>,
}

fn entity(a: &ActorRecord) -> Value {
    json!({
        "raw_text": a.text,
        "entity_name": a.name,
        "code": a.code,
        "country_name": a.country,
        "sector_code": a.sector,
        "entry": a.entry,
    })
}

/// The PLOVER object of one event, or `None` if its CAMEO code has no
/// PLOVER event type. Mode and context come from the record; `codes` only
/// when the record has no mode and no context (stored before they were).
pub fn record(r: &EventRecord, fold: &Fold, codes: &Codes) -> Option<Value> {
    let event = r.plover.as_ref()?;
    let (own_mode, context) = if r.plover_mode.is_some() || !r.plover_context.is_empty() {
        (&r.plover_mode, &r.plover_context)
    } else {
        (&codes.mode, &codes.context)
    };
    let mut mode: Vec<&str> = own_mode.iter().map(String::as_str).collect();
    if r.negated {
        mode.push("negation");
    }
    if r.modality == Modality::Conditional {
        mode.push("hypothetical");
    }
    let recipient: Vec<Value> = r.target.iter().map(entity).collect();
    Some(json!({
        "id": format!("dyad-{}", fold.id),
        "date": r.date.or(r.published).map(|d| d.to_string()),
        "actor": [entity(&r.source)],
        "recipient": recipient,
        "event": [event],
        "mode": mode,
        "context": context,
        "event_loc": r.location.as_ref().map(|l| json!({
            "name": l.name, "country_code": l.country, "lat": l.lat, "lon": l.lon,
        })),
        "event_text": [r.evidence.event_text],
        "quad_code": r.quad_class,
        "text": r.evidence.sentence,
        "cite_info": {
            "article_id": r.article_id,
            "outlet": r.outlet,
            "url": r.url,
            "published": r.published.map(|d| d.to_string()),
            "sentence": r.sentence,
        },
        "coder": concat!("dyad ", env!("CARGO_PKG_VERSION")),
        "cameo": r.cameo,
        "goldstein": r.goldstein,
        "num_mentions": fold.num_mentions,
        "num_sources": fold.num_sources,
        "num_articles": fold.num_articles,
        "pattern": r.pattern,
    }))
}

/// Writes the event as one JSON line; returns whether it was a PLOVER event.
pub fn write_record(r: &EventRecord, fold: &Fold, codes: &Codes, out: &mut dyn Write) -> io::Result<bool> {
    match record(r, fold, codes) {
        Some(v) => {
            serde_json::to_writer(&mut *out, &v)?;
            out.write_all(b"\n")?;
            Ok(true)
        }
        None => Ok(false),
    }
}
