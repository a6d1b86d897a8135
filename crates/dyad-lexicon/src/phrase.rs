//! Multi-token phrase matching with one Aho–Corasick automaton.
//!
//! Phrases and sentences are tokenised the same way and their lowercase
//! tokens joined with single spaces; a hit counts only when it starts and
//! ends on token boundaries, so "russia" never fires inside "russian".

use aho_corasick::{AhoCorasick, MatchKind};
use dyad_doc::Token;
use std::collections::HashMap;

/// The normal form of a phrase: lowercase tokens joined by one space.
pub fn normalize(phrase: &str) -> String {
    let toks = dyad_text::tokenize(phrase);
    let mut out = String::with_capacity(phrase.len());
    for t in toks {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.lower);
    }
    out
}

#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    automaton: Option<AhoCorasick>,
    /// Entries per automaton pattern, in insertion order.
    entries: Vec<Vec<T>>,
    phrases: Vec<String>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            automaton: None,
            entries: Vec::new(),
            phrases: Vec::new(),
        }
    }
}

/// A phrase hit: token range (relative to the slice searched) and entries.
#[derive(Debug)]
pub struct PhraseMatch<'a, T> {
    pub start: usize,
    pub end: usize,
    pub entries: &'a [T],
}

/// Collects phrases before compiling.
#[derive(Debug)]
pub struct PhraseSetBuilder<T> {
    index: HashMap<String, usize>,
    phrases: Vec<String>,
    entries: Vec<Vec<T>>,
}

impl<T> Default for PhraseSetBuilder<T> {
    fn default() -> Self {
        PhraseSetBuilder {
            index: HashMap::new(),
            phrases: Vec::new(),
            entries: Vec::new(),
        }
    }
}

impl<T> PhraseSetBuilder<T> {
    /// Adds an entry for a phrase; returns false for a phrase with no tokens.
    pub fn add(&mut self, phrase: &str, entry: T) -> bool {
        let norm = normalize(phrase);
        if norm.is_empty() {
            return false;
        }
        let i = *self.index.entry(norm.clone()).or_insert_with(|| {
            self.phrases.push(norm);
            self.entries.push(Vec::new());
            self.phrases.len() - 1
        });
        self.entries[i].push(entry);
        true
    }

    pub fn build(self) -> PhraseSet<T> {
        let automaton = if self.phrases.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&self.phrases)
                    .expect("phrase automaton builds"),
            )
        };
        PhraseSet {
            automaton,
            entries: self.entries,
            phrases: self.phrases,
        }
    }
}

impl<T> PhraseSet<T> {
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Entries for one exact phrase.
    pub fn get(&self, phrase: &str) -> &[T] {
        let norm = normalize(phrase);
        self.phrases
            .iter()
            .position(|p| *p == norm)
            .map_or(&[], |i| &self.entries[i])
    }

    /// Every phrase occurrence in `tokens`, overlapping ones included,
    /// ordered by start then by length (longest first).
    pub fn find<'a>(&'a self, tokens: &[Token]) -> Vec<PhraseMatch<'a, T>> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut joined = String::new();
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            joined.push_str(&t.lower);
        }
        // byte offset in `joined` -> token index (+1), for starts and ends
        let mut starts = vec![0u32; joined.len() + 1];
        let mut ends = vec![0u32; joined.len() + 1];
        let mut at = 0;
        for (i, t) in tokens.iter().enumerate() {
            starts[at] = i as u32 + 1;
            at += t.lower.len();
            ends[at] = i as u32 + 1;
            at += 1;
        }
        let mut out: Vec<PhraseMatch<'a, T>> = ac
            .find_overlapping_iter(&joined)
            .filter_map(|m| {
                let (s, e) = (starts[m.start()], ends[m.end()]);
                if s == 0 || e == 0 {
                    return None;
                }
                Some(PhraseMatch {
                    start: s as usize - 1,
                    end: e as usize,
                    entries: &self.entries[m.pattern().as_usize()],
                })
            })
            .collect();
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_on_token_boundaries_only() {
        let mut b = PhraseSetBuilder::default();
        b.add("Russia", 1);
        b.add("Russian", 2);
        b.add("foreign minister", 3);
        b.add("Russian Foreign Minister", 4);
        let set = b.build();
        let text = "Russian Foreign Minister met Prussian and Russia-Italy envoys";
        let toks = dyad_text::tokenize(text);
        let hits: Vec<(String, Vec<i32>)> = set
            .find(&toks)
            .into_iter()
            .map(|m| {
                (
                    text[toks[m.start].start..toks[m.end - 1].end].to_string(),
                    m.entries.to_vec(),
                )
            })
            .collect();
        assert_eq!(
            hits,
            vec![
                ("Russian Foreign Minister".to_string(), vec![4]),
                ("Russian".to_string(), vec![2]),
                ("Foreign Minister".to_string(), vec![3]),
                ("Russia".to_string(), vec![1]),
            ]
        );
    }
}
