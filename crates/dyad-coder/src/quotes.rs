//! Direct quotations and their speakers.
//!
//! Quote marks are paired across the document (straight quotes toggle,
//! curly and angle quotes open and close). The speaker is the actor next
//! to a reporting verb right after the closing mark (`," Lavrov said`) or
//! right before the opening one (`Lavrov said: "`).

use dyad_doc::{Doc, Quote, TokenKind};
use dyad_lexicon::{Lexicon, WordClass};

pub fn find(doc: &mut Doc, lex: &Lexicon) {
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Quote {
            continue;
        }
        let opening = match t.lower.as_str() {
            "“" | "«" | "„" => true,
            "”" | "»" => false,
            _ => open.is_none(),
        };
        match (opening, open) {
            (true, _) => open = Some(i),
            (false, Some(o)) => {
                if i > o + 1 {
                    pairs.push((o, i));
                }
                open = None;
            }
            (false, None) => {}
        }
    }
    let g = &lex.grammar;
    let is_report = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| g.is(&t.lemma, WordClass::Report) || g.is(&t.lower, WordClass::Report))
    };
    let actor_ending = |i: usize| {
        doc.mentions
            .iter()
            .position(|m| m.actor().is_some() && m.tokens.end == i)
    };
    let actor_starting = |i: usize| {
        doc.mentions
            .iter()
            .position(|m| m.actor().is_some() && m.tokens.start == i)
    };
    let sentence_of = |tok: usize| doc.sentences.iter().position(|s| s.tokens.contains(&tok)).unwrap_or(0);
    let mut quotes = Vec::new();
    for (o, c) in pairs {
        let mut after = c + 1;
        while doc.tokens.get(after).is_some_and(|t| t.lower == ",") {
            after += 1;
        }
        // `," Lavrov said` / `," said Lavrov` / `," the foreign minister remarked`
        let mut speaker = doc
            .mentions
            .iter()
            .position(|m| {
                m.actor().is_some() && m.tokens.start >= after && m.tokens.start <= after + 1 && is_report(m.tokens.end)
            })
            .or_else(|| {
                if is_report(after) {
                    actor_starting(after + 1)
                } else {
                    None
                }
            });
        // `Lavrov said: "` / `Lavrov told reporters, "`
        if speaker.is_none() && o > 0 {
            let mut k = o;
            while k > 0 && matches!(doc.tokens[k - 1].lower.as_str(), ":" | ",") {
                k -= 1;
            }
            if k > 0 && is_report(k - 1) {
                speaker = actor_ending(k - 1);
            }
        }
        quotes.push(Quote {
            sentence: sentence_of(o),
            span: doc.tokens[o + 1].start..doc.tokens[c - 1].end,
            speaker,
        });
    }
    doc.quotes = quotes;
}
