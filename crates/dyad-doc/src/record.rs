//! The public output contract: one [`EventRecord`] per coded event, one
//! [`QuoteRecord`] per quotation. Field names here are what users' scripts
//! read; add fields, never rename them.

use crate::{DateSource, Doc, Event, Modality, Place};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// The words of the mention, as written.
    pub text: String,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub name: Option<String>,
    /// Character span in the original text.
    pub span: [usize; 2],
    /// The dictionary entry that coded this actor.
    pub entry: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence: String,
    pub sentence_span: [usize; 2],
    pub event_span: [usize; 2],
    pub event_text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub article_id: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// Sentence index within the article (0-based).
    pub sentence: usize,
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
    pub source: ActorRecord,
    pub target: Option<ActorRecord>,
    pub cameo: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub negated: bool,
    pub modality: Modality,
    pub location: Option<Place>,
    pub evidence: Evidence,
    /// The event-pattern dictionary entry that fired, `file:line`.
    pub pattern: String,
}

impl EventRecord {
    pub fn from_event(doc: &Doc, ev: &Event) -> Self {
        let a = &doc.article;
        let sent = &doc.sentences[ev.sentence];
        EventRecord {
            article_id: a.id.clone(),
            outlet: a.outlet.clone(),
            url: a.url.clone(),
            published: a.published,
            sentence: ev.sentence,
            date: ev.date,
            date_source: ev.date_source,
            source: actor_record(doc, ev.source),
            target: ev.target.map(|t| actor_record(doc, t)),
            cameo: ev.cameo.clone(),
            root: ev.cameo.get(..2).unwrap_or(&ev.cameo).to_string(),
            quad_class: ev.quad_class,
            goldstein: ev.goldstein,
            plover: ev.plover.clone(),
            negated: ev.negated,
            modality: ev.modality,
            location: ev.location.clone(),
            evidence: {
                let sentence_span = doc.original_span(&sent.span);
                let event_span = doc.original_span(&ev.event_span);
                Evidence {
                    sentence: original_text(doc, sentence_span),
                    sentence_span,
                    event_span,
                    event_text: original_text(doc, event_span),
                }
            },
            pattern: ev.pattern.clone(),
        }
    }

    /// All events of a document, in text order.
    pub fn all(doc: &Doc) -> Vec<EventRecord> {
        doc.events.iter().map(|e| Self::from_event(doc, e)).collect()
    }
}

/// The user's own text at a character span: record texts always equal
/// `original[span]`, even where cleaning changed the characters.
fn original_text(doc: &Doc, span: [usize; 2]) -> String {
    doc.article
        .original
        .chars()
        .skip(span[0])
        .take(span[1].saturating_sub(span[0]))
        .collect()
}

fn actor_record(doc: &Doc, mention: usize) -> ActorRecord {
    let m = &doc.mentions[mention];
    let actor = m.actor().cloned().unwrap_or_default();
    let span = doc.original_span(&m.span);
    ActorRecord {
        text: original_text(doc, span),
        code: actor.code,
        country: actor.country,
        sector: actor.sector,
        name: actor.name,
        span,
        entry: m.entry.clone(),
    }
}

/// A direct quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub article_id: String,
    pub sentence: usize,
    pub text: String,
    pub span: [usize; 2],
    pub speaker: Option<ActorRecord>,
}

impl QuoteRecord {
    pub fn all(doc: &Doc) -> Vec<QuoteRecord> {
        doc.quotes
            .iter()
            .map(|q| {
                let span = doc.original_span(&q.span);
                QuoteRecord {
                    article_id: doc.article.id.clone(),
                    sentence: q.sentence,
                    text: original_text(doc, span),
                    span,
                    speaker: q.speaker.map(|s| actor_record(doc, s)),
                }
            })
            .collect()
    }
}
