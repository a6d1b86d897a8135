//! dyad's knowledge, compiled.
//!
//! Owns: reading dictionary files (dyad's own TSV formats and, in
//! [`petrarch`], PETRARCH/TABARI actors, agents and verb patterns; see
//! `docs/dictionaries.md`), reporting malformed lines with file and line,
//! the precedence of user files over built-ins (later wins per phrase),
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
pub mod petrarch;
mod phrase;
mod source;

pub use actors::{ActorEntry, ActorLexicon, CountryForm, Person};
pub use calendar::{Calendar, CalendarWord, ModalityMap};
pub use codebook::{CodeInfo, Codebook};
pub use grammar::{Grammar, WordClass};
pub use patterns::{Elem, EventPattern, PatternMatch, Patterns, Slots};
pub use phrase::{PhraseMatch, PhraseSet};
pub use source::{DictFile, LoadError, Severity};

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

    /// Built-ins plus user dictionary files (dyad's formats or PETRARCH/TABARI
    /// ones, see [`DictFile::kind`]). User files load after the built-ins, in
    /// order; for the same phrase, a user file's entries replace the entries
    /// of the same class (names, agents, places) that earlier files gave (see
    /// `docs/dictionaries.md`, "Precedence"). Malformed lines are skipped and
    /// returned as errors, untranslatable constructs as warnings; loading
    /// never stops on them.
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
        for (i, f) in files.iter().enumerate() {
            actors.layer = i.saturating_sub(BUILTIN.len() - 1) as u32;
            match f.kind() {
                Some(k) if k.starts_with("petrarch") => {
                    let t = petrarch::parse(f, k, &codebook);
                    errors.extend(t.problems.iter().cloned());
                    petrarch::apply(&t, f, &mut actors, &mut patterns, &mut errors);
                    if matches!(k, "petrarch-actors" | "petrarch-agents" | "petrarch-verbs") {
                        errors.push(f.warning(0, petrarch::summary(k, &t.stats)));
                    }
                }
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
                    message: "unknown dictionary kind: name the file countries/agents/orgs/people/places/cameo/events/grammar/calendar/modality (.tsv or .txt), or give a PETRARCH actors/agents/verbs file".into(),
                    severity: Severity::Error,
                }),
            }
        }
        let patterns = patterns.build(&codebook, &grammar, &mut errors);
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

#[cfg(test)]
mod precedence_tests {
    use super::*;

    fn entries(lex: &Lexicon, phrase: &str) -> Vec<String> {
        lex.actors
            .phrases
            .get(phrase)
            .iter()
            .map(|e| e.id().to_string())
            .collect()
    }

    #[test]
    fn later_files_win_for_the_same_phrase_and_class() {
        let builtin = Lexicon::builtin();
        let before = entries(&builtin, "Moscow");
        assert!(before.iter().any(|id| id.starts_with("countries.tsv:")), "{before:?}");
        assert!(before.iter().any(|id| id.starts_with("places.tsv:")), "{before:?}");
        let mine = DictFile::builtin("my-orgs.tsv", "# mine\nRUSMOS\tMoscow\tRUS\tGOV\n");
        let later = DictFile::builtin("later.actors.txt", "MOSCOW_ [RUSCVL]\n");
        // my-orgs.tsv replaces the built-in name entries; the place stays
        let (lex, errors) = Lexicon::load(std::slice::from_ref(&mine));
        assert!(errors.is_empty(), "{errors:?}");
        let after = entries(&lex, "Moscow");
        assert!(after.contains(&"my-orgs.tsv:2".to_string()), "{after:?}");
        assert!(!after.iter().any(|id| id.starts_with("countries.tsv:")), "{after:?}");
        assert!(after.iter().any(|id| id.starts_with("places.tsv:")), "{after:?}");
        // a later user file (PETRARCH format) wins over the earlier one
        let (lex, _) = Lexicon::load(&[mine, later]);
        let after = entries(&lex, "moscow");
        assert!(!after.contains(&"my-orgs.tsv:2".to_string()), "{after:?}");
        assert!(after.contains(&"later.actors.txt:1".to_string()), "{after:?}");
        // entries of one file accumulate: a person's tenures
        let people = DictFile::builtin(
            "people.tsv",
            "A B\t\tITA\tGOV\tminister\t2010\t2012\nA B\t\tITA\tLEG\tsenator\t2013\t\n",
        );
        let (lex, _) = Lexicon::load(&[people]);
        assert_eq!(entries(&lex, "A B"), vec!["people.tsv:1", "people.tsv:2"]);
    }
}
