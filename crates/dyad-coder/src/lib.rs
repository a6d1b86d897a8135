//! The coder: a tokenised [`Doc`] in, mentions, events and quotes out.
//!
//! Owns, in pipeline order:
//! * [`mentions`]: actors (country + sector + person/organisation, with
//!   in-document learning of titled names), places and dates;
//! * [`events`]: event patterns, clause-level source/target search,
//!   coordination, symmetric events, negation and modality, event date and
//!   location;
//! * [`quotes`]: direct quotations and their speakers.
//!
//! Shallow rules over tokens only; every decision that depends on words
//! reads a dictionary from `dyad-lexicon`.

mod classes;
pub mod dates;
pub mod events;
pub mod mentions;
pub mod places;
pub mod quotes;

use dyad_doc::Doc;
use dyad_lexicon::Lexicon;

/// Runs every coding stage over an analysed document.
pub fn code(doc: &mut Doc, lex: &Lexicon) {
    // grammar classes of every token, looked up once for both stages
    let classes = classes::TokenClasses::new(&doc.tokens, &lex.grammar);
    mentions::find_classified(doc, lex, &classes);
    events::find_classified(doc, lex, &classes);
    quotes::find(doc, lex);
}
