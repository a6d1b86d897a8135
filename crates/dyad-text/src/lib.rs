//! The text pipeline: cleaned article text -> sentences and tokens with
//! lemmas, written into the shared [`dyad_doc::Doc`].
//!
//! Owns: tokenisation (byte offsets into the cleaned text), sentence
//! splitting (abbreviation-aware, headlines and glued sentences such as
//! "on Friday.In a call" handled), and lemmatisation (irregular forms from
//! `dict/lemmas.tsv`, regular inflection by rule, checked against a
//! vocabulary of known lemmas supplied by the caller).

mod lemma;
mod split;
mod tokenize;

pub use lemma::Lemmatizer;
pub use tokenize::tokenize;

use dyad_doc::Doc;

/// Splits `doc.article.text` into sentences and tokens with lemmas.
pub fn analyze(doc: &mut Doc, lemmatizer: &Lemmatizer) {
    let text = &doc.article.text;
    let mut tokens = tokenize(text);
    for t in &mut tokens {
        t.lemma = lemmatizer.lemma(&t.lower, t.capitalized);
    }
    doc.sentences = split::sentences(text, &tokens);
    doc.tokens = tokens;
}
