//! Tokens with byte offsets. Words keep internal apostrophes and periods of
//! known abbreviations ("U.S.", "Feb."); hyphens and possessive `'s` become
//! their own tokens so "Russia-Italy" and "Italy's" expose the country name.

use dyad_doc::{Token, TokenKind};
use std::collections::HashSet;
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../../../dict/abbreviations.txt");

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        ABBREVIATIONS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Whether a token (lowercase, with its final period) is a known abbreviation.
pub fn is_abbreviation(lower: &str) -> bool {
    abbreviations().contains(lower)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

/// `'s` followed by a non-letter: a possessive or clitic, split off.
fn is_possessive(s: Option<char>, after: Option<char>) -> bool {
    matches!(s, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            let numeric_start = c.is_ascii_digit();
            let mut j = i + 1;
            while j < n {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                } else if is_apostrophe(d)
                    && at(j + 1).is_some_and(char::is_alphabetic)
                    && !is_possessive(at(j + 1), at(j + 2))
                {
                    // o'clock, d'Alema: keep; Italy's: split below
                    j += 2;
                } else if numeric_start && matches!(d, '.' | ',') && at(j + 1).is_some_and(|e| e.is_ascii_digit()) {
                    j += 2;
                } else if d == '.' && at(j + 1).is_some_and(char::is_alphabetic) && at(j + 2) == Some('.') {
                    // U.S. / e.g.: letter.letter.
                    j += 2;
                } else {
                    break;
                }
            }
            // a trailing period belongs to the word if it makes an abbreviation
            if at(j) == Some('.') {
                let word = &text[pos(start)..pos(j + 1)];
                let lower = word.to_lowercase();
                let single_initial = j - start == 1 && c.is_uppercase();
                let dotted = word[..word.len() - 1].contains('.');
                if is_abbreviation(&lower) || single_initial || dotted {
                    j += 1;
                }
            }
            kind = if numeric_start
                && text[pos(start)..pos(j)]
                    .chars()
                    .all(|d| d.is_ascii_digit() || d == '.' || d == ',')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            i = j;
        } else if is_apostrophe(c)
            && matches!(at(i + 1), Some('s' | 'S'))
            && !at(i + 2).is_some_and(char::is_alphanumeric)
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            i += 2;
            kind = TokenKind::Word;
        } else if is_quote(c) {
            i += 1;
            kind = TokenKind::Quote;
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        let (s, e) = (pos(start), pos(i));
        let surface = &text[s..e];
        // most tokens are ASCII: skip the Unicode case tables for them
        let lower = if surface.is_ascii() {
            surface.to_ascii_lowercase()
        } else {
            surface.to_lowercase()
        };
        let lower = if lower.starts_with('’') {
            lower.replacen('’', "'", 1)
        } else {
            lower
        };
        out.push(Token {
            start: s,
            end: e,
            kind,
            capitalized: surface.chars().next().is_some_and(char::is_uppercase),
            lemma: String::new(),
            lower,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn splits_hyphens_possessives_and_keeps_abbreviations() {
        assert_eq!(
            words("Russia-Italy ties, Italy's U.S. envoy Gen. Smith paid $53.8 billion."),
            vec![
                "Russia", "-", "Italy", "ties", ",", "Italy", "'s", "U.S.", "envoy", "Gen.", "Smith", "paid", "$",
                "53.8", "billion", "."
            ]
        );
    }

    #[test]
    fn quotes_and_glued_sentences() {
        assert_eq!(
            words("on Friday.In a \"call\", Crimea’s"),
            vec!["on", "Friday", ".", "In", "a", "\"", "call", "\"", ",", "Crimea", "’s"]
        );
    }
}
