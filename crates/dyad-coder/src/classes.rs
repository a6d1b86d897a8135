//! Grammar classes of every token, looked up once per document.
//!
//! The coding stages ask "is this token a determiner / a preposition / a
//! reporting verb / any function word?" many times per token; each question
//! used to be a hash lookup of the token's lowercase form and often of its
//! lemma. [`TokenClasses`] does the two lookups once per token and answers
//! with bit tests.

use dyad_doc::Token;
use dyad_lexicon::{Grammar, WordClass};

/// Set in a word's bits when `dict/grammar.tsv` lists the word at all.
const KNOWN: u64 = 1 << 63;

/// Class bits of one token's lowercase form and of its lemma.
#[derive(Debug, Clone, Copy, Default)]
pub struct Classes {
    lower: u64,
    lemma: u64,
}

impl Classes {
    fn of(t: &Token, g: &Grammar) -> Self {
        // (content-word classes alone do not make a function word)
        let bits = |w: &str| {
            g.classes(w)
                .map_or(0, |b| if b & !WordClass::CONTENT != 0 { b | KNOWN } else { b })
        };
        let lower = bits(&t.lower);
        let lemma = if t.lemma == t.lower { lower } else { bits(&t.lemma) };
        Classes { lower, lemma }
    }

    /// The lowercase form or the lemma is of `class`.
    pub fn is(self, class: WordClass) -> bool {
        (self.lower | self.lemma) & class.bit() != 0
    }

    /// The lowercase form is of `class`.
    pub fn lower_is(self, class: WordClass) -> bool {
        self.lower & class.bit() != 0
    }

    /// The lemma is of `class`.
    pub fn lemma_is(self, class: WordClass) -> bool {
        self.lemma & class.bit() != 0
    }

    /// The lowercase form is a function word (of any class).
    pub fn function_word(self) -> bool {
        self.lower & KNOWN != 0
    }

    /// The lemma is a function word (of any class).
    pub fn lemma_function_word(self) -> bool {
        self.lemma & KNOWN != 0
    }
}

/// Class bits for every token of a document, indexed like `doc.tokens`.
#[derive(Debug, Clone, Default)]
pub struct TokenClasses(Vec<Classes>);

impl TokenClasses {
    pub fn new(tokens: &[Token], g: &Grammar) -> Self {
        debug_assert!(
            WordClass::Former.bit() < KNOWN,
            "a word class collides with the KNOWN bit"
        );
        TokenClasses(tokens.iter().map(|t| Classes::of(t, g)).collect())
    }

    /// The classes of a range of tokens (a sentence), indexed from its start.
    pub fn slice(&self, r: std::ops::Range<usize>) -> &[Classes] {
        &self.0[r]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_lookup_answers_is_and_function_word_as_the_grammar_does() {
        let lex = dyad_lexicon::Lexicon::builtin();
        let g = &lex.grammar;
        let mut toks = dyad_text::tokenize("The ministers said they did not attack the banks of the river yesterday.");
        for t in &mut toks {
            // a lemma that differs from the surface form
            if t.lower == "said" {
                t.lemma = "say".into();
            }
        }
        let classes = TokenClasses::new(&toks, g);
        let all = [
            WordClass::Det,
            WordClass::Prep,
            WordClass::Negation,
            WordClass::Report,
            WordClass::Pronoun,
            WordClass::Auxiliary,
            WordClass::Boundary,
        ];
        let mut some_class = false;
        for (t, c) in toks.iter().zip(classes.slice(0..toks.len())) {
            for class in all {
                assert_eq!(c.lower_is(class), g.is(&t.lower, class), "{} {class:?}", t.lower);
                assert_eq!(c.lemma_is(class), g.is(&t.lemma, class), "{} {class:?}", t.lemma);
                assert_eq!(c.is(class), g.is(&t.lower, class) || g.is(&t.lemma, class));
                some_class |= c.is(class);
            }
            assert_eq!(c.function_word(), g.is_function_word(&t.lower), "{}", t.lower);
            assert_eq!(c.lemma_function_word(), g.is_function_word(&t.lemma), "{}", t.lemma);
        }
        assert!(some_class, "the sentence has function words");
        let said = toks.iter().position(|t| t.lower == "said").expect("said");
        assert!(classes.slice(0..toks.len())[said].is(WordClass::Report));
    }
}
