//! Function-word classes for the shallow parser (`dict/grammar.tsv`).

use crate::source::{columns, DictFile, LoadError};
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    Det,
    Prep,
    Locative,
    Negation,
    Intent,
    Threat,
    Conditional,
    Boundary,
    Report,
    Pronoun,
    Conj,
    Direction,
    Within,
    Refusal,
    Discard,
    Particle,
    Anaphor,
    Support,
    Auxiliary,
    Connector,
    Quantity,
    Relative,
    Possessive,
    Complementizer,
    Partitive,
    Temporal,
    Goal,
    Pair,
    Reciprocal,
    ObjectPronoun,
    PersonPronoun,
    PluralPronoun,
    ReciprocalHead,
    Setting,
    Sponsor,
    Stance,
    Sender,
    Former,
    Collective,
    Modifier,
    BarePast,
    Duration,
    Proximity,
    Reason,
    Simultaneous,
    VerbParticle,
    Retort,
    Weapon,
    Indefinite,
    Possibility,
    Mediator,
    Cancel,
    Conquest,
    Modal,
    Adverb,
    Circumstance,
    LongSpan,
    Cause,
    Adjunct,
    Demand,
    Verdict,
    Topic,
}

impl WordClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "det" => Self::Det,
            "prep" => Self::Prep,
            "locative" => Self::Locative,
            "negation" => Self::Negation,
            "intent" => Self::Intent,
            "threat" => Self::Threat,
            "conditional" => Self::Conditional,
            "boundary" => Self::Boundary,
            "report" => Self::Report,
            "pronoun" => Self::Pronoun,
            "conj" => Self::Conj,
            "direction" => Self::Direction,
            "within" => Self::Within,
            "refusal" => Self::Refusal,
            "discard" => Self::Discard,
            "particle" => Self::Particle,
            "anaphor" => Self::Anaphor,
            "support" => Self::Support,
            "auxiliary" => Self::Auxiliary,
            "connector" => Self::Connector,
            "quantity" => Self::Quantity,
            "relative" => Self::Relative,
            "possessive" => Self::Possessive,
            "complementizer" => Self::Complementizer,
            "partitive" => Self::Partitive,
            "temporal" => Self::Temporal,
            "goal" => Self::Goal,
            "pair" => Self::Pair,
            "reciprocal" => Self::Reciprocal,
            "object-pronoun" => Self::ObjectPronoun,
            "person-pronoun" => Self::PersonPronoun,
            "plural-pronoun" => Self::PluralPronoun,
            "reciprocal-head" => Self::ReciprocalHead,
            "setting" => Self::Setting,
            "sponsor" => Self::Sponsor,
            "stance" => Self::Stance,
            "sender" => Self::Sender,
            "former" => Self::Former,
            "collective" => Self::Collective,
            "modifier" => Self::Modifier,
            "bare-past" => Self::BarePast,
            "duration" => Self::Duration,
            "proximity" => Self::Proximity,
            "reason" => Self::Reason,
            "simultaneous" => Self::Simultaneous,
            "verb-particle" => Self::VerbParticle,
            "retort" => Self::Retort,
            "weapon" => Self::Weapon,
            "indefinite" => Self::Indefinite,
            "possibility" => Self::Possibility,
            "mediator" => Self::Mediator,
            "cancel" => Self::Cancel,
            "conquest" => Self::Conquest,
            "modal" => Self::Modal,
            "adverb" => Self::Adverb,
            "circumstance" => Self::Circumstance,
            "long-span" => Self::LongSpan,
            "cause" => Self::Cause,
            "adjunct" => Self::Adjunct,
            "demand" => Self::Demand,
            "verdict" => Self::Verdict,
            "topic" => Self::Topic,
            _ => return None,
        })
    }

    /// This class's bit in the set [`Grammar::classes`] returns.
    pub fn bit(self) -> u64 {
        1 << (self as u64)
    }

    /// Classes of content words (nouns, participles) that only the actor
    /// finder asks about, and `verb-particle`, which only the pattern loader's
    /// lint asks about: a word of these classes alone is no function word.
    pub const CONTENT: u64 = (1 << Self::Sponsor as u64)
        | (1 << Self::Stance as u64)
        | (1 << Self::Sender as u64)
        | (1 << Self::Former as u64)
        | (1 << Self::Collective as u64)
        | (1 << Self::Modifier as u64)
        | (1 << Self::BarePast as u64)
        | (1 << Self::Duration as u64)
        | (1 << Self::Proximity as u64)
        | (1 << Self::Reason as u64)
        | (1 << Self::VerbParticle as u64)
        | (1 << Self::Retort as u64)
        | (1 << Self::Weapon as u64)
        | (1 << Self::Mediator as u64)
        | (1 << Self::Cancel as u64)
        | (1 << Self::Conquest as u64)
        | (1 << Self::LongSpan as u64)
        | (1 << Self::Adjunct as u64)
        | (1 << Self::Demand as u64)
        | (1 << Self::Verdict as u64)
        | (1 << Self::Anaphor as u64);
}

#[derive(Debug, Clone, Default)]
pub struct Grammar {
    classes: FxHashMap<String, u64>,
}

impl Grammar {
    pub fn load(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        for (n, line) in f.lines() {
            match columns(line, 2, 2) {
                Ok(c) => match WordClass::parse(c[0]) {
                    Some(class) => *self.classes.entry(c[1].to_lowercase()).or_default() |= class.bit(),
                    None => errors.push(f.error(n, format!("unknown word class {:?}", c[0]))),
                },
                Err(e) => errors.push(f.error(n, e)),
            }
        }
    }

    /// Whether a word (lowercase form or lemma) belongs to a class.
    pub fn is(&self, word: &str, class: WordClass) -> bool {
        self.classes.get(word).is_some_and(|b| b & class.bit() != 0)
    }

    /// Every class of a word as a bit set (see [`WordClass::bit`]); `None`
    /// for a word of no class. One lookup answers all [`Grammar::is`] and
    /// [`Grammar::is_function_word`] questions about a word.
    pub fn classes(&self, word: &str) -> Option<u64> {
        self.classes.get(word).copied()
    }

    /// Whether a word is a function word of any class.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.classes.get(word).is_some_and(|b| b & !WordClass::CONTENT != 0)
    }

    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.classes.keys().map(String::as_str)
    }

    /// Open-class words (verbs such as "note", "refuse", "threaten"): the
    /// ones an inflected form may have as its lemma. Closed-class words
    /// ("not", "no") are left out so "noted" does not become "not".
    pub fn lemma_words(&self) -> impl Iterator<Item = &str> {
        let open =
            WordClass::Report.bit() | WordClass::Intent.bit() | WordClass::Threat.bit() | WordClass::Negation.bit();
        let closed =
            WordClass::Det.bit() | WordClass::Prep.bit() | WordClass::Pronoun.bit() | WordClass::Boundary.bit();
        self.classes
            .iter()
            .filter(move |(w, b)| *b & open != 0 && *b & closed == 0 && w.len() >= 4)
            .map(|(w, _)| w.as_str())
    }
}
