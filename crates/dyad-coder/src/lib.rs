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

pub mod dates;
pub mod events;
pub mod mentions;
pub mod places;
pub mod quotes;

use dyad_doc::Doc;
use dyad_lexicon::Lexicon;

/// Runs every coding stage over an analysed document.
pub fn code(doc: &mut Doc, lex: &Lexicon) {
    mentions::find(doc, lex);
    events::find(doc, lex);
    quotes::find(doc, lex);
}
