//! Sentence boundaries over tokens.

use dyad_doc::{Sentence, Token, TokenKind};

/// Sentences longer than this are cut: no real sentence is, and the coder's
/// clause search must stay linear on pathological input.
const MAX_SENTENCE_TOKENS: usize = 250;

fn is_terminal(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.lower.as_str(), "." | "!" | "?")
}

fn opens_sentence(t: &Token) -> bool {
    t.capitalized || t.kind == TokenKind::Number || t.kind == TokenKind::Quote
}

pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let next = tokens.get(i + 1);
        let mut last = i;
        let boundary = match next {
            None => true,
            Some(n) => {
                let gap = &text[t.end..n.start];
                if gap.contains('\n') {
                    true
                } else if is_terminal(t) {
                    // `." Next` ends after the closing quote
                    if n.kind == TokenKind::Quote && !gap.is_empty() {
                        opens_sentence(n)
                    } else if n.kind == TokenKind::Quote {
                        let after = tokens.get(i + 2);
                        let closes = after.is_none_or(|a| opens_sentence(a) && !a.lower.starts_with(','));
                        if closes {
                            last = i + 1;
                        }
                        closes
                    } else {
                        opens_sentence(n)
                    }
                } else {
                    i + 1 - first >= MAX_SENTENCE_TOKENS
                }
            }
        };
        if boundary {
            let end_tok = &tokens[last];
            let closes_quoted_sentence =
                end_tok.kind == TokenKind::Quote && last > first && is_terminal(&tokens[last - 1]);
            let headline = !(is_terminal(end_tok) || closes_quoted_sentence);
            out.push(Sentence {
                span: tokens[first].start..end_tok.end,
                tokens: first..last + 1,
                headline,
            });
            first = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::tokenize;

    fn split(text: &str) -> Vec<(String, bool)> {
        let toks = tokenize(text);
        super::sentences(text, &toks)
            .into_iter()
            .map(|s| (text[s.span].to_string(), s.headline))
            .collect()
    }

    #[test]
    fn abbreviations_headlines_quotes_and_glue() {
        let text = "Lavrov Calls for Cooperation\n\nOn Feb. 19, the U.S. envoy Gen. Smith met No. 2 official. \
\"We agree.\" He left.In a call, he said \"yes,\" Wang noted.";
        let got = split(text);
        let want = vec![
            ("Lavrov Calls for Cooperation", true),
            ("On Feb. 19, the U.S. envoy Gen. Smith met No. 2 official.", false),
            ("\"We agree.\"", false),
            ("He left.", false),
            ("In a call, he said \"yes,\" Wang noted.", false),
        ];
        let want: Vec<(String, bool)> = want.into_iter().map(|(s, h)| (s.to_string(), h)).collect();
        assert_eq!(got, want);
    }
}
