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
    /// Normal form -> automaton pattern, for [`PhraseSet::get`].
    index: HashMap<String, usize>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            automaton: None,
            entries: Vec::new(),
            phrases: Vec::new(),
            index: HashMap::new(),
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
///
/// Entries are added in *layers* (dyad: the built-in files are layer 0, the
/// n-th user file layer n). Entries of one phrase accumulate within a layer;
/// an entry from a higher layer removes the entries of the same class (as
/// decided by the `same_class` function given to [`PhraseSetBuilder::add_in_layer`])
/// that lower layers gave the same phrase: for the same phrase, later wins.
#[derive(Debug)]
pub struct PhraseSetBuilder<T> {
    index: HashMap<String, usize>,
    phrases: Vec<String>,
    /// Entries per phrase with the layer that added each.
    entries: Vec<Vec<(u32, T)>>,
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
    /// Adds an entry for a phrase in layer 0; returns false for a phrase with no tokens.
    #[cfg(test)]
    pub fn add(&mut self, phrase: &str, entry: T) -> bool {
        self.add_in_layer(phrase, entry, 0, |_, _| false)
    }

    /// Adds an entry in `layer`, first dropping the entries of lower layers
    /// for which `same_class(old, &entry)` holds. Returns false for a phrase
    /// with no tokens.
    pub fn add_in_layer(&mut self, phrase: &str, entry: T, layer: u32, same_class: impl Fn(&T, &T) -> bool) -> bool {
        let norm = normalize(phrase);
        if norm.is_empty() {
            return false;
        }
        let i = match self.index.get(&norm) {
            Some(&i) => i,
            None => {
                self.index.insert(norm.clone(), self.phrases.len());
                self.phrases.push(norm);
                self.entries.push(Vec::new());
                self.phrases.len() - 1
            }
        };
        let list = &mut self.entries[i];
        if layer > 0 {
            list.retain(|(l, old)| *l >= layer || !same_class(old, &entry));
        }
        list.push((layer, entry));
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
            entries: self
                .entries
                .into_iter()
                .map(|es| es.into_iter().map(|(_, e)| e).collect())
                .collect(),
            phrases: self.phrases,
            index: self.index,
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

    /// Entries for one exact phrase (a hash lookup after normalising it).
    pub fn get(&self, phrase: &str) -> &[T] {
        self.index.get(&normalize(phrase)).map_or(&[], |&i| &self.entries[i])
    }

    /// Every phrase occurrence in `tokens`, overlapping ones included,
    /// ordered by start then by length (longest first).
    pub fn find<'a>(&'a self, tokens: &[Token]) -> Vec<PhraseMatch<'a, T>> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut joined = String::with_capacity(tokens.iter().map(|t| t.lower.len() + 1).sum());
        // byte offset in `joined` where each token starts (ascending)
        let mut offsets = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            offsets.push(joined.len());
            joined.push_str(&t.lower);
        }
        let mut out: Vec<PhraseMatch<'a, T>> = ac
            .find_overlapping_iter(&joined)
            .filter_map(|m| {
                // a hit counts only from a token's start to a token's end
                let start = offsets.binary_search(&m.start()).ok()?;
                let last = offsets.partition_point(|&o| o < m.end()).checked_sub(1)?;
                if offsets[last] + tokens[last].lower.len() != m.end() {
                    return None;
                }
                Some(PhraseMatch {
                    start,
                    end: last + 1,
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
    fn later_layers_replace_entries_of_the_same_class() {
        // class: even vs odd numbers
        let same = |a: &i32, b: &i32| a % 2 == b % 2;
        let mut b = PhraseSetBuilder::default();
        b.add_in_layer("Jordan", 2, 0, same);
        b.add_in_layer("Jordan", 3, 0, same);
        b.add_in_layer("Jordan", 4, 0, same); // same layer: accumulates
        b.add_in_layer("Jordan", 10, 1, same); // drops 2 and 4, keeps 3
        b.add_in_layer("Jordan", 12, 1, same); // same layer as 10: accumulates
        b.add_in_layer("jordan", 7, 2, same); // drops 3
        let set = b.build();
        assert_eq!(set.get("JORDAN"), &[10, 12, 7]);
        assert!(set.get("Jordan River").is_empty());
    }

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
