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
    /// PLOVER mode the CAMEO code maps to (`dict/cameo.tsv`), e.g.
    /// `restrict`; `null` where the mapping gives none. Absent in records
    /// written before the field existed (reads as `null`).
    #[serde(default)]
    pub plover_mode: Option<String>,
    /// PLOVER contexts the CAMEO code maps to, e.g. `["economic"]`: a list,
    /// since PLOVER allows several (`091` → `crime`, `corruption`); empty
    /// where the mapping gives none.
    #[serde(default)]
    pub plover_context: Vec<String>,
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
            plover_mode: ev.plover_mode.clone(),
            plover_context: ev.plover_context.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Actor, Article, Mention, MentionKind, OffsetMap, Sentence};

    /// "Washington threatened to impose sanctions on Tehran.": CAMEO 1312,
    /// which PLOVER maps to THREATEN / restrict / economic.
    fn threat_doc() -> Doc {
        let text = "Washington threatened to impose sanctions on Tehran.";
        let actor = |code: &str, country: &str, at: &str| Mention {
            sentence: 0,
            tokens: 0..1,
            span: text.find(at).unwrap()..text.find(at).unwrap() + at.len(),
            kind: MentionKind::Actor(Actor {
                code: code.into(),
                country: Some(country.into()),
                ..Default::default()
            }),
            entry: "test".into(),
        };
        let mut doc = Doc::new(Article {
            id: "t".into(),
            original: text.into(),
            text: text.into(),
            map: OffsetMap::identity(),
            ..Default::default()
        });
        doc.sentences.push(Sentence {
            span: 0..text.len(),
            tokens: 0..0,
            headline: false,
        });
        doc.mentions = vec![actor("USAGOV", "USA", "Washington"), actor("IRN", "IRN", "Tehran")];
        let verb = "threatened to impose sanctions";
        let at = text.find(verb).unwrap();
        doc.events.push(Event {
            sentence: 0,
            source: 0,
            target: Some(1),
            cameo: "1312".into(),
            goldstein: -5.8,
            quad_class: 3,
            plover: Some("THREATEN".into()),
            plover_mode: Some("restrict".into()),
            plover_context: vec!["economic".into()],
            negated: false,
            modality: Modality::Asserted,
            event_span: at..at + verb.len(),
            date: None,
            date_source: DateSource::Unknown,
            location: None,
            pattern: "events.txt:1".into(),
        });
        doc
    }

    #[test]
    fn plover_mode_and_context_follow_plover_in_the_json() {
        let doc = threat_doc();
        let rec = EventRecord::from_event(&doc, &doc.events[0]);
        assert_eq!(rec.plover_mode.as_deref(), Some("restrict"));
        assert_eq!(rec.plover_context, ["economic"]);
        let line = serde_json::to_string(&rec).unwrap();
        assert!(
            line.contains(
                r#""goldstein":-5.8,"plover":"THREATEN","plover_mode":"restrict","plover_context":["economic"],"negated":false,"#
            ),
            "{line}"
        );
        assert_eq!(serde_json::from_str::<EventRecord>(&line).unwrap(), rec);
    }

    #[test]
    fn records_written_before_mode_and_context_still_read() {
        let doc = threat_doc();
        let rec = EventRecord::from_event(&doc, &doc.events[0]);
        let mut json = serde_json::to_value(&rec).unwrap();
        let m = json.as_object_mut().unwrap();
        m.remove("plover_mode");
        m.remove("plover_context");
        let old: EventRecord = serde_json::from_value(json).unwrap();
        assert_eq!((old.plover_mode, old.plover_context), (None, vec![]));
        assert_eq!(old.plover.as_deref(), Some("THREATEN"));
    }
}
