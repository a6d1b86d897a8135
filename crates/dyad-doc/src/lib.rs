//! The shared document model of dyad.
//!
//! Every pipeline stage reads a [`Doc`] and adds to it; no stage reaches back
//! into an earlier one. Offsets inside the model are **byte offsets into the
//! cleaned text** ([`Article::text`]); the [`OffsetMap`] turns them into
//! **character offsets into the original text** the user gave, which is what
//! every public record reports.
//!
//! This crate owns: [`Article`] (+ metadata and dateline), [`OffsetMap`] and
//! its builder, [`Sentence`]/[`Token`], [`Mention`], [`Event`], [`Quote`], and
//! the public JSON contract [`record::EventRecord`].

mod offsets;
pub mod record;

pub use offsets::{OffsetMap, TextBuilder};

pub use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A news article after ingestion and cleaning.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Stable id: the JSON `id`, or the file stem, or a content hash.
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// Where `published` came from: `header`, `json`, `html-meta`, `dateline`, `warc-date`.
    pub published_from: Option<&'static str>,
    /// Where the article was read from, e.g. `corpus/a.jsonl:12`.
    pub origin: String,
    /// The text exactly as the user gave it (decoded to UTF-8).
    pub original: String,
    /// The cleaned text every later stage works on.
    pub text: String,
    /// Maps byte offsets of `text` to character offsets of `original`.
    pub map: OffsetMap,
    pub dateline: Option<Dateline>,
}

/// "MOSCOW (UrduPoint News / Sputnik - 14th October, 2020)": the place an
/// article was filed from, which is the default event location.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dateline {
    /// The place as written, e.g. `MOSCOW` or `BAKU, Azerbaijan`.
    pub place: String,
    /// A date written in the dateline, if any.
    pub date: Option<NaiveDate>,
    /// Byte range of the whole dateline in the cleaned text.
    pub span: Range<usize>,
}

/// One sentence: a byte range of the cleaned text and a range of tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub span: Range<usize>,
    pub tokens: Range<usize>,
    /// Headlines and captions stand alone: no terminal punctuation.
    pub headline: bool,
}

/// Coarse token shape, enough for shallow parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// An opening or closing quotation mark.
    Quote,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte range in the cleaned text.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lowercased surface form.
    pub lower: String,
    /// Verb/noun lemma (lowercase); equals `lower` when no rule applies.
    pub lemma: String,
    /// First character is uppercase.
    pub capitalized: bool,
}

/// A coded actor: CAMEO-style code and its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Full CAMEO-style code, e.g. `RUSGOV`, `IGOWSTNAT`.
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Person or organisation name, when the mention names one.
    pub name: Option<String>,
}

/// A place from the gazetteer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    Actor(Actor),
    Place(Place),
    /// A resolved calendar date; `None` when the text names a date whose
    /// year cannot be inferred.
    Date(Option<NaiveDate>),
}

/// A span of text recognised as an actor, a place or a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub sentence: usize,
    /// Token range (document-wide token indices).
    pub tokens: Range<usize>,
    /// Byte range in the cleaned text.
    pub span: Range<usize>,
    pub kind: MentionKind,
    /// The dictionary entry that fired, e.g. `countries.tsv:171`, or the
    /// in-document rule, e.g. `learned:Sergey Lavrov`.
    pub entry: String,
}

impl Mention {
    pub fn actor(&self) -> Option<&Actor> {
        match &self.kind {
            MentionKind::Actor(a) => Some(a),
            _ => None,
        }
    }
}

/// How an event's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Resolved from words in the sentence ("on Wednesday", "April 8").
    Text,
    /// No date words in the sentence: the latest date named in the two
    /// sentences before it (the story's own timeline).
    Context,
    /// No date words: the publication date stands in.
    Published,
    /// Neither text nor publication date gives a date.
    Unknown,
}

/// Whether an event happened, is intended, threatened or denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    #[default]
    Asserted,
    Intended,
    Threatened,
    Conditional,
}

/// One coded interaction.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub sentence: usize,
    /// Index into [`Doc::mentions`].
    pub source: usize,
    pub target: Option<usize>,
    pub cameo: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub plover: Option<String>,
    /// PLOVER mode of the CAMEO code (e.g. `restrict`), if it implies one.
    pub plover_mode: Option<String>,
    /// PLOVER contexts of the CAMEO code (e.g. `economic`); PLOVER allows
    /// several, and most codes have none.
    pub plover_context: Vec<String>,
    pub negated: bool,
    pub modality: Modality,
    /// Byte range of the event phrase in the cleaned text.
    pub event_span: Range<usize>,
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
    pub location: Option<Place>,
    /// The dictionary entry that fired, e.g. `events.txt:42`.
    pub pattern: String,
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub sentence: usize,
    /// Byte range of the quoted words (without quote marks).
    pub span: Range<usize>,
    /// Index into [`Doc::mentions`] of the speaker, when found.
    pub speaker: Option<usize>,
}

/// An article and everything the pipeline found in it.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub article: Article,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    /// When `Some`, stages record why candidates were kept or dropped
    /// (sentence index, note), for `--explain`.
    pub trace: Option<Vec<(usize, String)>>,
}

impl Doc {
    pub fn new(article: Article) -> Self {
        Doc {
            article,
            ..Default::default()
        }
    }

    /// Records a note for `--explain` when tracing is on.
    pub fn note(&mut self, sentence: usize, note: impl FnOnce() -> String) {
        if let Some(t) = &mut self.trace {
            t.push((sentence, note()));
        }
    }

    /// Tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// Cleaned text of a byte range.
    pub fn slice(&self, r: &Range<usize>) -> &str {
        &self.article.text[r.clone()]
    }

    /// Cleaned-text byte range to original-text character span.
    pub fn original_span(&self, r: &Range<usize>) -> [usize; 2] {
        {
            let (t, m) = (&self.article.text, &self.article.map);
            [m.to_original(t, r.start), m.to_original_end(t, r.end)]
        }
    }
}
