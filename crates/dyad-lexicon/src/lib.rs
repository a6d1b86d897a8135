//! dyad's knowledge, compiled.
//!
//! Owns: reading dictionary files (dyad's own TSV formats, see
//! `docs/dictionaries.md`), reporting malformed lines with file and line,
//! and compiling entries into automata over tokens:
//! * [`PhraseSet`]: multi-token phrases (countries, agents, organisations,
//!   people, places) matched with Aho–Corasick over a sentence's tokens;
//! * [`Patterns`]: event patterns indexed by their anchor word and matched
//!   by a small backtracking matcher over tokens;
//! * [`Codebook`]: CAMEO codes with Goldstein values, quad classes, PLOVER.
//!
//! The built-in dictionaries under `dict/` are embedded in the binary.
//! Every entry carries its `file:line` id so output can cite it.

mod actors;
mod calendar;
mod codebook;
mod grammar;
mod patterns;
mod phrase;
mod source;

pub use actors::{ActorEntry, ActorLexicon, CountryForm, Person};
pub use calendar::{Calendar, CalendarWord, ModalityMap};
pub use codebook::{CodeInfo, Codebook};
pub use grammar::{Grammar, WordClass};
pub use patterns::{Elem, EventPattern, PatternMatch, Patterns, Slots};
pub use phrase::{PhraseMatch, PhraseSet};
pub use source::{DictFile, LoadError};

use std::path::Path;

/// Everything the coder knows.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub actors: ActorLexicon,
    pub patterns: Patterns,
    pub codebook: Codebook,
    pub grammar: Grammar,
    pub calendar: Calendar,
    pub modality: ModalityMap,
}

/// The dictionaries compiled into the binary, as (file name, text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../../dict/countries.tsv")),
    ("agents.tsv", include_str!("../../../dict/agents.tsv")),
    (
        "agents-diplomatic.tsv",
        include_str!("../../../dict/agents-diplomatic.tsv"),
    ),
    ("orgs.tsv", include_str!("../../../dict/orgs.tsv")),
    ("people.tsv", include_str!("../../../dict/people.tsv")),
    ("places.tsv", include_str!("../../../dict/places.tsv")),
    ("cameo.tsv", include_str!("../../../dict/cameo.tsv")),
    ("events.txt", include_str!("../../../dict/events.txt")),
    ("grammar.tsv", include_str!("../../../dict/grammar.tsv")),
    ("calendar.tsv", include_str!("../../../dict/calendar.tsv")),
    ("modality.tsv", include_str!("../../../dict/modality.tsv")),
];

impl Lexicon {
    /// The built-in dictionaries only.
    pub fn builtin() -> Self {
        Self::load(&[]).0
    }

    /// Built-ins plus user dictionary files. User entries come after the
    /// built-ins, and for the same phrase a later entry wins (see
    /// `docs/dictionaries.md`, "Precedence"). Malformed lines are skipped
    /// and returned as errors; loading never stops on them.
    pub fn load(user_files: &[DictFile]) -> (Self, Vec<LoadError>) {
        let mut errors = Vec::new();
        let mut files: Vec<DictFile> = BUILTIN.iter().map(|(n, t)| DictFile::builtin(n, t)).collect();
        files.extend(user_files.iter().cloned());
        let mut actors = actors::Builder::default();
        let mut patterns = patterns::Builder::default();
        let mut codebook = Codebook::default();
        let mut grammar = Grammar::default();
        let mut calendar = Calendar::default();
        let mut modality = ModalityMap::default();
        for f in &files {
            match f.kind() {
                Some("countries") => actors.countries(f, &mut errors),
                Some("agents") => actors.agents(f, &mut errors),
                Some("orgs") => actors.orgs(f, &mut errors),
                Some("people") => actors.people(f, &mut errors),
                Some("places") => actors.places(f, &mut errors),
                Some("cameo") => codebook.load(f, &mut errors),
                Some("events") => patterns.load(f, &mut errors),
                Some("grammar") => grammar.load(f, &mut errors),
                Some("calendar") => calendar.load(f, &mut errors),
                Some("modality") => modality.load(f, &mut errors),
                _ => errors.push(LoadError {
                    file: f.name.clone(),
                    line: 0,
                    message: "unknown dictionary kind: name the file countries/agents/orgs/people/places/cameo/events/grammar/calendar/modality (.tsv or .txt)".into(),
                }),
            }
        }
        let patterns = patterns.build(&codebook, &mut errors);
        (
            Lexicon {
                actors: actors.build(),
                patterns,
                codebook,
                grammar,
                calendar,
                modality,
            },
            errors,
        )
    }

    /// Reads user dictionary files from disk.
    pub fn load_paths(paths: &[&Path]) -> Result<(Self, Vec<LoadError>), LoadError> {
        let files = paths.iter().map(|p| DictFile::read(p)).collect::<Result<Vec<_>, _>>()?;
        Ok(Self::load(&files))
    }

    /// Every lemma an event pattern uses: the vocabulary that lets the
    /// lemmatiser choose between rule candidates.
    pub fn known_lemmas(&self) -> impl Iterator<Item = &str> {
        self.patterns.words().chain(self.grammar.lemma_words())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_dictionaries_load_cleanly() {
        let (lex, errors) = Lexicon::load(&[]);
        let shown: Vec<String> = errors.iter().take(20).map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "{} errors in built-in dictionaries:\n{}",
            errors.len(),
            shown.join("\n")
        );
        assert!(
            lex.codebook.len() > 280,
            "CAMEO codebook has {} codes",
            lex.codebook.len()
        );
        assert!(lex.patterns.len() > 500, "{} event patterns", lex.patterns.len());
        assert!(
            lex.actors.country_names.len() >= 249,
            "{} countries",
            lex.actors.country_names.len()
        );
    }

    #[test]
    fn user_dictionary_errors_name_file_and_line() {
        let user = DictFile::builtin(
            "mine-events.txt",
            "# mine\n043\tmeet TARGET\n043 no tab here\n9999\tmeet TARGET\n",
        );
        let (lex, errors) = Lexicon::load(&[user]);
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[0].starts_with("mine-events.txt:3:"), "{msgs:?}");
        assert!(
            msgs[1].starts_with("mine-events.txt:4:") && msgs[1].contains("9999"),
            "{msgs:?}"
        );
        assert!(lex.patterns.list.iter().any(|p| p.id == "mine-events.txt:2"));
    }
}
