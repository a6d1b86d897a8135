//! The pipeline: one loaded [`Lexicon`] and the stages in order.
//!
//! Owns the order of stages (ingest -> text -> coder) and how they are run:
//! one article at a time ([`Pipeline::process`]), sequentially over inputs
//! ([`Pipeline::run`]), or streamed over many threads with bounded memory
//! and input-order output ([`Pipeline::run_parallel`], see `parallel.rs`).
//! Each stage itself lives in its own crate.

mod parallel;

pub use dyad_doc as doc;
pub use dyad_ingest::{read_inputs, read_records, Problem, Record, Skips};
pub use dyad_lexicon::{DictFile, Lexicon, LoadError};
pub use parallel::{default_threads, Batch, RunOptions, RunStats};

use dyad_doc::{Article, Doc};
use dyad_text::Lemmatizer;
use std::path::PathBuf;

pub struct Pipeline {
    lexicon: Lexicon,
    lemmatizer: Lemmatizer,
}

impl Pipeline {
    pub fn new(lexicon: Lexicon) -> Self {
        let lemmatizer = Lemmatizer::new(lexicon.known_lemmas());
        Pipeline { lexicon, lemmatizer }
    }

    /// The built-in dictionaries.
    pub fn builtin() -> Self {
        Self::new(Lexicon::builtin())
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Analyses and codes one article.
    pub fn process(&self, article: Article) -> Doc {
        self.process_with(article, false)
    }

    /// As [`Pipeline::process`], recording why candidates were kept or
    /// dropped when `trace` is set (for `--explain`).
    pub fn process_with(&self, article: Article, trace: bool) -> Doc {
        let mut doc = Doc::new(article);
        if trace {
            doc.trace = Some(Vec::new());
        }
        dyad_text::analyze(&mut doc, &self.lemmatizer);
        dyad_coder::code(&mut doc, &self.lexicon);
        doc
    }

    /// Codes a plain-text snippet (as `dyad actors "TEXT"` does).
    pub fn process_text(&self, text: &str, published: Option<dyad_doc::NaiveDate>) -> Doc {
        let mut article = dyad_ingest::from_text("text", "argument", text.to_string());
        if published.is_some() {
            article.published = published;
        }
        self.process(article)
    }

    /// Every article in `paths`, coded, in input order; problems pass through.
    pub fn run<'a>(&'a self, paths: &'a [PathBuf]) -> impl Iterator<Item = Result<Doc, Problem>> + 'a {
        read_inputs(paths).map(move |r| r.map(|a| self.process(a)))
    }
}
