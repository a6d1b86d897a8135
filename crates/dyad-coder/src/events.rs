//! Events: pattern matches turned into coded source–target interactions.
//!
//! For each sentence: match event patterns (anchored automata from the
//! lexicon), keep the most specific non-overlapping matches, then find
//! * the source: the pattern's SOURCE slot, else the clause subject (the
//!   nearest actor to the left that is not the object of a preposition),
//!   else the speaker of a reporting clause ("..., Lavrov said");
//! * the target: the TARGET slot, else the first actor after the phrase;
//! * coordination: "Russia and China" in either slot gives one event each;
//! * modality: negation, intent ("ready to", "will") and threats before
//!   the verb, which recode the event through `dict/modality.tsv`;
//! * date: the nearest date mention in the sentence, else publication;
//! * location: the nearest place in the sentence, else the dateline.

use crate::classes::{Classes, TokenClasses};
use dyad_doc::{Actor, DateSource, Doc, Event, Mention, MentionKind, Modality, Place, Token, TokenKind};
use dyad_lexicon::{Lexicon, PatternMatch, Slots, WordClass};
use rustc_hash::FxHashSet;
use std::cmp::Reverse;
use std::ops::Range;

/// Indices into `doc.mentions` of each sentence's mentions, in order.
fn mentions_by_sentence(doc: &Doc) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); doc.sentences.len()];
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some(list) = out.get_mut(m.sentence) {
            list.push(i);
        }
    }
    out
}

/// The first place mention of a sentence (`in_sentence`: its mention
/// indices) between tokens `from` and `to` (document-wide), as an actor
/// mention of its country.
fn place_after(mentions: &[Mention], in_sentence: &[usize], from: usize, to: usize) -> Option<Mention> {
    in_sentence
        .iter()
        .map(|&i| &mentions[i])
        .filter(|m| m.tokens.start >= from && m.tokens.start < to)
        .find_map(|m| match &m.kind {
            MentionKind::Place(p) => p.country.as_ref().map(|c| dyad_doc::Mention {
                kind: MentionKind::Actor(Actor {
                    code: c.clone(),
                    country: Some(c.clone()),
                    sector: None,
                    name: None,
                }),
                entry: format!("{}+context:place-as-target", m.entry),
                ..m.clone()
            }),
            _ => None,
        })
}

/// Pushes a formatted note onto an `Option<Vec<String>>` that is `Some`
/// only when the document is traced, so untraced runs format nothing.
macro_rules! note {
    ($notes:expr, $($arg:tt)*) => {
        if let Some(n) = $notes.as_mut() {
            n.push(format!($($arg)*));
        }
    };
}

/// How far back from the verb modality words count.
const MODALITY_WINDOW: usize = 6;
/// How far after the phrase a place standing for the target may be.
const PLACE_TARGET_WINDOW: usize = 5;
/// How far after a match that lost its TARGET a place may stand for it.
const LOOSE_PLACE_WINDOW: usize = 4;
/// How far after the phrase an implicit target may be.
const TARGET_WINDOW: usize = 10;

/// Actor mentions of one sentence, in sentence-relative token ranges.
struct SentenceActors<'a> {
    toks: &'a [Token],
    /// (range, index into doc.mentions)
    actors: Vec<(Range<usize>, usize)>,
    /// Place mentions (sentence-relative range, index into doc.mentions):
    /// a TARGET slot may take one when no actor stands there ("arrived in Kyiv").
    places: Vec<(Range<usize>, usize)>,
    /// Grammar classes of `toks`.
    cls: &'a [Classes],
    mentions: &'a [Mention],
    /// For several-word coordinators ("as well as").
    grammar: &'a dyad_lexicon::Grammar,
    /// First token after a dateline that opens the sentence (0 if none).
    body_start: usize,
    /// Per token: inside some actor phrase.
    covered: Vec<bool>,
    /// Date mentions (sentence-relative token ranges).
    dates: Vec<Range<usize>>,
}

impl SentenceActors<'_> {
    /// Where the clause whose subject phrase ends before `tok` opens: the
    /// sentence's body, or after a boundary or a comma; `None` when the
    /// phrase is too long to be one subject (it may hide a verb).
    fn subject_phrase_start(&self, tok: usize) -> Option<usize> {
        const SUBJECT_PHRASE: usize = 16;
        let start = (tok.saturating_sub(SUBJECT_PHRASE).max(self.body_start)..tok)
            .rev()
            .find(|&k| {
                self.covering(k).is_none()
                    && (self.is(k, WordClass::Boundary) || matches!(self.toks[k].lower.as_str(), "," | ";" | ":"))
            })
            .map_or(tok.saturating_sub(SUBJECT_PHRASE).max(self.body_start), |k| k + 1);
        (start == self.body_start || tok - start < SUBJECT_PHRASE).then_some(start)
    }

    fn at_start(&self, t: usize) -> Option<usize> {
        self.actors.iter().position(|(r, _)| r.start == t)
    }

    fn at_end(&self, t: usize) -> Option<usize> {
        self.actors.iter().position(|(r, _)| r.end == t)
    }

    fn covering(&self, t: usize) -> Option<usize> {
        self.actors.iter().position(|(r, _)| r.contains(&t))
    }

    fn country(&self, a: usize) -> Option<&str> {
        self.doc_actor(a).country.as_deref()
    }

    fn doc_actor(&self, a: usize) -> &Actor {
        self.mentions[self.actors[a].1].actor().expect("actor mention")
    }

    fn is(&self, t: usize, class: WordClass) -> bool {
        self.cls.get(t).is_some_and(|c| c.is(class))
    }

    /// Length of a coordinator at `t`: "and", ",", ", and", "as well as".
    fn conj_len(&self, t: usize) -> usize {
        let comma = self.toks.get(t).is_some_and(|x| x.lower == ",");
        if comma {
            // ", and" closes a list; a bare comma may continue one
            return if self.is(t + 1, WordClass::Conj) { 2 } else { 1 };
        }
        if self.is(t, WordClass::Conj) {
            return 1;
        }
        // several-word coordinators from `conj` in dict/grammar.tsv: "as well as"
        (2..=3)
            .rev()
            .find(|&len| {
                self.toks.get(t..t + len).is_some_and(|ws| {
                    let phrase = ws.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
                    self.grammar.is(&phrase, WordClass::Conj)
                })
            })
            .unwrap_or(0)
    }

    /// An actor after up to two lowercase modifiers: "a fugitive Italian
    /// mafia boss", "a suspected Russian spy", "anti-war protesters" (a
    /// hyphenated compound is one modifier).
    fn after_modifiers(&self, t: usize) -> Option<usize> {
        // (a capitalised modifier no dictionary knows counts too: "the
        // Maoist rebels", "Shi'ite militias")
        let plain = |k: usize| {
            self.toks.get(k).is_some_and(|w| {
                w.kind == TokenKind::Word && !self.cls[k].function_word() && self.covering(k).is_none()
            })
        };
        let mut k = t;
        for _ in 0..2 {
            if !plain(k) {
                return None;
            }
            k += 1;
            while self.hyphen_at(k) && plain(k + 1) {
                k += 2;
            }
            if let Some(a) = self.at_start(k) {
                return Some(a);
            }
        }
        None
    }

    /// Whether token `k` is a hyphen joining the words either side ("anti-war").
    fn hyphen_at(&self, k: usize) -> bool {
        k > 0
            && self.toks.get(k).is_some_and(|h| h.lower == "-")
            && self.toks.get(k + 1).is_some_and(|n| n.start == self.toks[k].end)
            && self.toks[k - 1].end == self.toks[k].start
    }

    /// Skips determiners and counts before an actor ("the", "some 150",
    /// "more than 200", "at least five", "dozens of"). A count word that is
    /// also a preposition ("at", "to", "of", "over") only counts inside a
    /// count, so "to Russia" keeps its preposition.
    fn skip_dets(&self, mut t: usize) -> usize {
        let start = t;
        let count_word = |k: usize| {
            self.is(k, WordClass::Det)
                || self.is(k, WordClass::Quantity)
                || self.toks.get(k).is_some_and(|x| x.kind == TokenKind::Number)
        };
        while t < start + 6 && t < self.toks.len() {
            let number = self.toks[t].kind == TokenKind::Number;
            // (and a compass word that begins no actor: "rockets at northern
            // Israel", but not the "South" of "South Korean")
            let compass = self.is(t, WordClass::Direction) && self.covering(t).is_none();
            let ok = if number || self.is(t, WordClass::Det) || compass {
                true
            } else if self.is(t, WordClass::Quantity) {
                !self.is(t, WordClass::Prep) || t > start || count_word(t + 1)
            } else {
                false
            };
            if !ok {
                break;
            }
            t += 1;
        }
        t
    }

    /// Actor indices coordinated with actor `a` to the right. A bare comma
    /// only coordinates in a list closed by "and" ("A, B and C"), so an
    /// apposition or a new clause ("Di Maio, Wang said") is not a list.
    fn group_right(&self, a: usize) -> Vec<usize> {
        let mut out = vec![a];
        let mut closed = 1;
        let mut end = self.actors[a].0.end;
        loop {
            let c = self.conj_len(end);
            if c == 0 {
                break;
            }
            let comma = c == 1 && self.toks[end].lower == ",";
            // "the resignation of Prayuth, and police fired": ", and" after a
            // single actor joins clauses; it closes only a list ("A, B, and C")
            if c == 2 && self.toks[end].lower == "," && out.len() == 1 {
                break;
            }
            match self
                .at_start(end + c)
                .or_else(|| self.at_start(self.skip_dets(end + c)))
            {
                // ("attack on Ukraine and China's threats against Taiwan": a
                // possessor after "and" owns a new noun phrase, no list member)
                Some(b) if self.owns_noun(b) => break,
                Some(b) => {
                    out.push(b);
                    if !comma {
                        closed = out.len();
                    }
                    end = self.actors[b].0.end;
                }
                // ("to Indonesia, Sri Lanka and other countries": a list that
                // unnamed others close ends at its last named member)
                None => {
                    if !comma && self.is(end + c, WordClass::Reciprocal) {
                        closed = out.len();
                    }
                    break;
                }
            }
        }
        out.truncate(closed);
        out
    }

    /// Whether actor `a` is a possessor owning the lowercase word after it
    /// ("China's threats").
    fn owns_noun(&self, a: usize) -> bool {
        let end = self.actors[a].0.end;
        let after = if self.toks[end - 1].lower == "'s" {
            end
        } else if self.toks.get(end).is_some_and(|t| t.lower == "'s") {
            end + 1
        } else {
            return false;
        };
        self.toks.get(after).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !t.capitalized
                && !self.cls[after].function_word()
                && self.covering(after).is_none()
        })
    }

    /// Actor indices coordinated with actor `a` to the left; the step next
    /// to `a` must be "and" (or similar), earlier steps may be commas.
    fn group_left(&self, a: usize) -> Vec<usize> {
        let mut out = vec![a];
        let mut start = self.actors[a].0.start;
        loop {
            // strip determiners before the current member
            let mut s = start;
            while s > 0 && self.is(s - 1, WordClass::Det) {
                s -= 1;
            }
            let found = (1..=3).find_map(|c| {
                let at = s.checked_sub(c)?;
                let comma = c == 1 && self.toks[at].lower == ",";
                // "A, B and their allies": a comma list closed by "and" after its last actor
                let list_goes_on = self.conj_len(self.actors[a].0.end) > 0;
                if self.conj_len(at) != c || (comma && out.len() == 1 && !list_goes_on) {
                    return None;
                }
                let b = self.at_end(at)?;
                // ", and" after a single actor joins clauses ("the resignation of
                // Prayuth, and police fired"); it closes only a list ("A, B, and C")
                let oxford = c == 2 && self.toks[at].lower == ",";
                let mut bs = self.actors[b].0.start;
                while bs > 0 && self.is(bs - 1, WordClass::Det) {
                    bs -= 1;
                }
                if oxford && !(bs > 0 && self.toks[bs - 1].lower == ",") {
                    return None;
                }
                Some(b)
            });
            match found {
                Some(b) => {
                    out.push(b);
                    start = self.actors[b].0.start;
                }
                None => break,
            }
        }
        out.reverse();
        out
    }

    fn span_of(&self, group: &[usize]) -> Range<usize> {
        let s = group.iter().map(|&a| self.actors[a].0.start).min().unwrap_or(0);
        let e = group.iter().map(|&a| self.actors[a].0.end).max().unwrap_or(0);
        s..e
    }

    fn in_range(&self, r: &Range<usize>) -> Vec<usize> {
        (0..self.actors.len())
            .filter(|&a| r.start <= self.actors[a].0.start && self.actors[a].0.end <= r.end)
            .collect()
    }

    fn after_preposition(&self, a: usize) -> bool {
        let mut s = self.actors[a].0.start;
        while s > 0 && self.is(s - 1, WordClass::Det) {
            s -= 1;
        }
        // "hundreds of Cubans", "thousands of protesters": a count, not a preposition
        let count_of = s >= 2 && self.toks[s - 1].lower == "of" && self.is(s - 2, WordClass::Det);
        s > 0 && self.is(s - 1, WordClass::Prep) && !count_of && !self.head_of(s - 1)
    }

    /// "Russian forces attacked Ukraine and seized Kherson", "police arrested
    /// Kem Sokha and charged him": a verb right after "and" shares the
    /// subject of the verb before it, not that verb's object.
    fn coordinated_verb_subject(&self, t: usize) -> Option<Vec<usize>> {
        // (", then stripped them of": "then" after a comma or "and" links the
        // subject's next act the same way)
        if t < 2 {
            return None;
        }
        let then = t >= 3 && self.toks[t - 1].lower == "then";
        let link = if then { t - 2 } else { t - 1 };
        let linked = self.toks[link].lower == "and" || (then && self.toks[link].lower == ",");
        if !linked || self.covering(link).is_some() || link == 0 {
            return None;
        }
        let and = link - usize::from(self.toks[link].lower == "and" && self.toks[link - 1].lower == ",");
        // the nearest actor before "and" that a finite verb follows, with only
        // a date or an adverb between ("Russia on Monday attacked")
        let verb_like = |k: usize| {
            let w = &self.toks[k];
            w.kind == TokenKind::Word
                && !w.capitalized
                && self.covering(k).is_none()
                && (w.lower.ends_with("ed")
                    || (w.lemma != w.lower && !w.lower.ends_with('s') && !w.lower.ends_with("ing"))
                    || self.cls[k].lower_is(WordClass::BarePast)
                    || self.is(k, WordClass::Auxiliary))
        };
        let mut k = and;
        while k > self.body_start {
            k -= 1;
            if matches!(self.toks[k].lower.as_str(), ";" | ":") {
                return None;
            }
            let Some(a) = self.at_end(k + 1).filter(|_| self.covering(k).is_some()) else {
                continue;
            };
            let mut v = k + 1;
            // (or a place: "a tribunal in The Hague on Wednesday found")
            let place_after = |v: usize| {
                self.is(v, WordClass::Prep)
                    .then(|| {
                        self.places
                            .iter()
                            .find(|(r, _)| r.start == v + 1 || r.start == self.skip_dets(v + 1))
                            .map(|(r, _)| r.end)
                    })
                    .flatten()
            };
            while v < and
                && (self.date_end(v).is_some() || self.toks[v].lower.ends_with("ly") || place_after(v).is_some())
            {
                v = self.date_end(v).or_else(|| place_after(v)).unwrap_or(v + 1).max(v + 1);
            }
            if v < and && verb_like(v) {
                let group = self.group_left(a);
                let first = group[0];
                return (!self.after_preposition(first) && !self.possessive(a)).then_some(group);
            }
            k = self.actors[a].0.start;
        }
        None
    }

    /// "Germany said that Navalny had been poisoned, and demanded that
    /// Moscow explain": a verb after ", and" that follows a reported clause
    /// is the reporter's second act, not the reported subject's.
    fn reporter_subject(&self, t: usize) -> Option<Vec<usize>> {
        if t < 3 || self.toks[t - 1].lower != "and" || self.toks[t - 2].lower != "," {
            return None;
        }
        // the reporting verb of this sentence part, with its subject right before it
        let report = (self.body_start..t - 2)
            .rev()
            .take_while(|&k| !matches!(self.toks[k].lower.as_str(), ";" | ":"))
            .find(|&k| self.is(k, WordClass::Report) && self.covering(k).is_none())?;
        // (a quote's "..., Lavrov said, and" closes no reported clause)
        if report > 0 && self.toks[report - 1].lower == "," {
            return None;
        }
        // the reported clause between must have its own actor
        let reported = (report + 1..t - 2).any(|k| self.covering(k).is_some());
        let a = self.at_end(report)?;
        (reported && !self.possessive(a) && !self.after_preposition(a)).then(|| self.group_left(a))
    }

    /// ", expelling them into Niger": a participle after a comma has the
    /// main clause's subject.
    fn participle_subject(&self, t: usize) -> Option<Vec<usize>> {
        let participle = t > 0 && self.toks[t - 1].lower == "," && self.toks[t].lower.ends_with("ing");
        participle.then(|| self.main_subject(t)).flatten()
    }

    /// Whether the word at `t` follows a possessor ("Pelosi's", "his") that
    /// itself follows a preposition or a verb, not a clause opening.
    fn possessed_and_governed(&self, t: usize) -> bool {
        if t == 0 || self.covering(t).is_some() {
            return false;
        }
        // (an adjective may stand between: "over its latest nuclear test")
        let mut t = t;
        while t > 1 && self.is(t - 1, WordClass::Modifier) && self.covering(t - 1).is_none() {
            t -= 1;
        }
        let owner_start = if self.is(t - 1, WordClass::Possessive) && self.covering(t - 1).is_none() {
            t - 1
        } else if self.toks[t - 1].lower == "'s" {
            match self.at_end(t - 1) {
                Some(a) => self.span_of(&self.group_left(a)).start,
                // a name no dictionary knows ("for Pelosi's visit"): its capitalised words
                None => {
                    let mut s = t - 1;
                    while s > 0 && self.toks[s - 1].capitalized && self.toks[s - 1].kind == TokenKind::Word {
                        s -= 1;
                    }
                    // (not a date: "Thursday's suicide bombing" is no one's)
                    if s == t - 1 || self.dates.iter().any(|r| r.contains(&(t - 2))) {
                        return false;
                    }
                    s
                }
            }
        } else {
            return false;
        };
        let mut s = owner_start;
        while s > 0 && self.is(s - 1, WordClass::Det) {
            s -= 1;
        }
        if s <= self.body_start {
            return false;
        }
        let g = s - 1;
        let tok = &self.toks[g];
        // (a reporting verb governs a clause, not the noun: "Ukraine said
        // Russia's attack on Kharkiv killed five people")
        self.is(g, WordClass::Prep)
            || (tok.kind == TokenKind::Word
                && !tok.capitalized
                && !self.cls[g].function_word()
                && !self.is(g, WordClass::Report)
                && self.covering(g).is_none())
    }

    /// The main clause's subject when the act at `t` is a reaction told in an
    /// appositive after a comma that names its own source: ", a charge the
    /// Kremlin denied", ", a move rejected by Israel", ", which Baku denied".
    fn appositive_target(&self, t: usize, sources: &[usize], across_and: bool) -> Option<Vec<usize>> {
        let comma = (t.saturating_sub(8)..t).rev().find(|&k| self.toks[k].lower == ",")?;
        // (", in a move the State Department welcomed": the appositive may
        // open with a `setting` preposition)
        let first = if self.is(comma + 1, WordClass::Setting) && self.is(comma + 2, WordClass::Det) {
            comma + 2
        } else {
            comma + 1
        };
        let opener = self.is(first, WordClass::Relative)
            || (self.is(first, WordClass::Det)
                && self.toks.get(first + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word && !n.capitalized && !self.cls[first + 1].function_word()
                }))
            // (", and Armenia denied the charge": a coordinated clause whose
            // subject reacts right after "and")
            || (across_and
                && self.toks[first].lower == "and"
                && sources.iter().any(|&a| self.actors[a].0.start == first + 1));
        // ("angering Zelenskiy, who called the decision absurd": the source of a
        // relative clause stands right before its comma)
        let antecedent =
            self.is(first, WordClass::Relative) && self.at_end(comma).is_some_and(|a| sources.contains(&a));
        let own_source = !sources.is_empty() && (antecedent || sources.iter().all(|&a| self.actors[a].0.start > comma));
        // (there, only with the source before its verb: "in an attack claimed
        // by Islamic State" names the attack's author, no reaction to the subject)
        if first > comma + 1 && sources.iter().any(|&a| self.actors[a].0.start > t) {
            return None;
        }
        if !opener || !own_source {
            return None;
        }
        let subject = self.main_subject(comma)?;
        // (", and China declined to attend" after "Russia was not invited": a
        // passive main clause's subject did nothing to react to)
        let after = subject.iter().map(|&a| self.actors[a].0.end).max().unwrap_or(comma);
        let passive = (after..comma).any(|k| matches!(self.toks[k].lower.as_str(), "was" | "were"));
        if self.toks[first].lower == "and" && passive {
            return None;
        }
        let own: Vec<&str> = sources.iter().filter_map(|&a| self.country(a)).collect();
        let g: Vec<usize> = subject
            .into_iter()
            .filter(|a| !sources.contains(a) && self.country(*a).is_none_or(|c| !own.contains(&c)))
            .collect();
        (!g.is_empty()).then_some(g)
    }

    /// Whether the phrase starting at `t` sits in a prepositional phrase (a
    /// preposition, then at most determiners, counts and plain modifiers) or
    /// after a participle that follows a comma in its clause.
    fn embedded(&self, t: usize) -> bool {
        // (", calling it a provocation": the match itself opens a participle clause)
        if t > 0 && self.toks[t - 1].lower == "," && self.toks[t].lower.ends_with("ing") {
            return true;
        }
        let mut k = t;
        while k > self.body_start {
            k -= 1;
            let w = &self.toks[k];
            // ("spoke ... in their first call": the subjects' own joint act)
            if self.is(k, WordClass::Possessive) {
                return false;
            }
            // ("agreed to undertake joint exercises": "to" before a plain word is
            // an infinitive; "launched ten days of war games": "of" after a
            // count is part of the count)
            let infinitive = w.lower == "to"
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|n| n.kind == TokenKind::Word && !n.capitalized && !self.cls[k + 1].function_word());
            let count_of = w.lower == "of"
                && k >= 2
                && (self.toks[k - 2].kind == TokenKind::Number || self.is(k - 2, WordClass::Quantity));
            if self.is(k, WordClass::Prep) && self.covering(k).is_none() && !infinitive && !count_of {
                return true;
            }
            let plain = (w.kind == TokenKind::Word && !w.capitalized && !self.cls[k].function_word())
                || w.kind == TokenKind::Number
                || self.is(k, WordClass::Det)
                || self.is(k, WordClass::Quantity)
                || w.lower == "'s"
                || w.lower == "-";
            if !plain || self.covering(k).is_some() {
                break;
            }
            if w.lower.ends_with("ing") && k > 0 && self.toks[k - 1].lower == "," {
                return true;
            }
        }
        false
    }

    /// Whether the quote mark at `tok` is one of a pair around a few words
    /// ("expressed \"profound grief\"", "was \"culpable\""), which a pattern
    /// may skip like any words; a longer quotation stays a boundary.
    fn scare_quote(&self, tok: usize) -> bool {
        const SCARE_QUOTE_WORDS: usize = 4;
        let quote = |k: usize| self.toks[k].kind == TokenKind::Quote;
        let words = |r: Range<usize>| {
            r.clone()
                .all(|k| !quote(k) && !matches!(self.toks[k].lower.as_str(), "," | "." | ";" | ":"))
        };
        let after = (tok + 2..(tok + 2 + SCARE_QUOTE_WORDS).min(self.toks.len())).find(|&k| quote(k));
        let before = (tok.saturating_sub(1 + SCARE_QUOTE_WORDS)..tok.saturating_sub(1))
            .rev()
            .find(|&k| quote(k));
        after.is_some_and(|k| words(tok + 1..k)) || before.is_some_and(|k| words(k + 1..tok))
    }

    /// "Accusing Moscow of ..., Prime Minister Theresa May expelled ...": a
    /// participle opening the sentence has the main clause's subject, the
    /// first actor after the comma that closes the participle clause.
    fn opening_participle_subject(&self, t: usize) -> Option<Vec<usize>> {
        let opens = t == self.body_start && self.toks[t].lower.ends_with("ing");
        if !opens {
            return None;
        }
        let comma = (t..self.toks.len()).find(|&k| self.toks[k].lower == ",")?;
        let a = (0..self.actors.len()).find(|&a| self.actors[a].0.start > comma)?;
        Some(self.group_right(a))
    }

    /// "Xi hosted Lula ..., and the two sides signed 15 agreements": "the two
    /// <noun>" or "both <noun>" right before the verb stands for the sentence's
    /// coordinated subject, or else the two latest actors of different
    /// countries.
    fn pair_subject(&self, t: usize) -> Option<Vec<usize>> {
        // ("where the two leaders signed": the noun after the pair word may be
        // an unnamed agent mention of its own)
        let head = |k: usize| {
            self.covering(k).is_none_or(|a| {
                let r = &self.actors[a].0;
                r.start >= 1 && self.is(r.start - 1, WordClass::Pair) && self.doc_actor(a).name.is_none()
            })
        };
        let k = (1..=3)
            .filter_map(|d| t.checked_sub(d))
            .take_while(|&k| head(k) && self.toks[k].kind == TokenKind::Word)
            .find(|&k| self.is(k, WordClass::Pair))?;
        let noun = self
            .toks
            .get(k + 1)
            .is_some_and(|n| !self.cls[k + 1].function_word() && !n.capitalized);
        if !noun {
            return None;
        }
        if let Some(g) = self.main_subject(k).filter(|g| g.len() >= 2) {
            return Some(g);
        }
        let mut pair: Vec<usize> = Vec::new();
        for a in (0..self.actors.len()).rev().filter(|&a| self.actors[a].0.end <= k) {
            if pair.iter().all(|&b| self.country(b) != self.country(a)) {
                pair.push(a);
            }
            if pair.len() == 2 {
                pair.reverse();
                return Some(pair);
            }
        }
        None
    }

    /// "..., as it demanded that ...": a subject pronoun right before the
    /// verb (an auxiliary or adverb between) stands for the latest actor.
    fn pronoun_subject(&self, t: usize) -> Option<Vec<usize>> {
        let k = (1..=3)
            .filter_map(|d| t.checked_sub(d))
            .take_while(|&k| self.covering(k).is_none() && self.toks[k].kind == TokenKind::Word)
            .find(|&k| self.is(k, WordClass::Pronoun))?;
        // (the words between are auxiliaries or adverbs, and the pronoun is a
        // subject form: not "urged them")
        if !(k + 1..t).all(|j| self.is(j, WordClass::Auxiliary) || !self.cls[j].function_word()) {
            return None;
        }
        if self.is(k, WordClass::ObjectPronoun) {
            return None;
        }
        // ("he", "she": the latest named person, "..., Erdogan said, as he
        // cancelled a trip"; "it", "they": the sentence's subject first, "Iran
        // was condemned by the G7 after it launched drones")
        if self.is(k, WordClass::PersonPronoun) {
            let person = (0..self.actors.len())
                .rev()
                .find(|&a| self.actors[a].0.end <= k && self.doc_actor(a).name.is_some());
            return person.map(|a| vec![a]);
        }
        self.main_subject(k)
            .or_else(|| self.antecedent_of(k, &[], false).map(|a| vec![a]))
    }

    /// "protesters who stormed parliament": the verb right after a relative
    /// pronoun has the actor before the pronoun as its subject.
    fn relative_subject(&self, t: usize) -> Option<Vec<usize>> {
        // ("Zelenskiy, who has called": auxiliaries may stand between)
        let mut t = t;
        while t >= 3 && self.is(t - 1, WordClass::Auxiliary) && self.covering(t - 1).is_none() {
            t -= 1;
        }
        let relative = t >= 2 && self.is(t - 1, WordClass::Relative) && self.covering(t).is_none();
        // ("Netanyahu, who met Putin": a non-restrictive "who" after a comma; not
        // "which", that may stand for a whole clause: "an attack on Israel,
        // which killed ...")
        let after_comma = relative && t >= 3 && self.toks[t - 1].lower == "who" && self.toks[t - 2].lower == ",";
        // ("condolences over the devastating earthquake that struck Turkey": a
        // relative clause on a topic's noun is part of the topic, no one's act)
        if relative && t >= 3 && self.at_end(t - 1).is_none() && self.topic_phrase(t - 2, false) {
            return Some(Vec::new());
        }
        relative
            .then(|| {
                self.at_end(t - 1)
                    .or_else(|| after_comma.then(|| self.at_end(t - 2)).flatten())
                    .map(|a| self.group_left(a))
            })
            .flatten()
    }

    /// "the tanker Stena Impero, which Iran's Revolutionary Guards seized":
    /// a verb whose subject opens an object relative clause acts on the
    /// relative pronoun's antecedent (a name or noun of up to six words
    /// after an actor counts as that actor's).
    fn object_relative(&self, t: usize, sources: &[usize]) -> Option<Vec<usize>> {
        let first = *sources.iter().min_by_key(|&&a| self.actors[a].0.start)?;
        let last = sources.iter().map(|&a| self.actors[a].0.end).max()?;
        // the subject ends right before the verb (an auxiliary may stand between)
        if last > t || t - last > 1 {
            return None;
        }
        let mut k = self.actors[first].0.start;
        while k > 0
            && self.covering(k - 1).is_none()
            && (self.is(k - 1, WordClass::Det) || self.is(k - 1, WordClass::Possessive))
        {
            k -= 1;
        }
        if k < 2 || !matches!(self.toks[k - 1].lower.as_str(), "which" | "whom") {
            return None;
        }
        // ("a swap in which Washington pardoned": the pronoun is no object)
        if self.is(k - 2, WordClass::Prep) && self.covering(k - 2).is_none() {
            return None;
        }
        let e = if self.toks[k - 2].lower == "," { k - 2 } else { k - 1 };
        (e.saturating_sub(6)..=e)
            .rev()
            .take_while(|&j| {
                j == e || (self.covering(j).is_some() || !self.cls[j].function_word()) && self.toks[j].lower != ","
            })
            .find_map(|j| self.at_end(j))
            // ("Pelosi's trip to Taiwan, which Beijing denounced": an actor after a
            // preposition only completes the noun the pronoun stands for; "whom"
            // stands for a person, "pictures of Navalny, whom ...")
            .filter(|&a| !sources.contains(&a) && (self.toks[k - 1].lower == "whom" || !self.after_preposition(a)))
            .map(|a| self.group_left(a))
    }

    /// "..., a deal hailed by U.N. Secretary-General Antonio Guterres": a
    /// participle right after a plain noun and before "by" is a reduced
    /// passive whose agent is the source.
    fn reduced_passive_agent(&self, core: &Range<usize>) -> Option<Vec<usize>> {
        let (s, e) = (core.start, core.end);
        if s < 2 || e - s != 1 || self.toks.get(e).is_none_or(|w| w.lower != "by") {
            return None;
        }
        let plain = |k: usize| {
            let w = &self.toks[k];
            w.kind == TokenKind::Word
                && !w.capitalized
                && self.covering(k).is_none()
                && !self.cls[k].function_word()
                && !self.is(k, WordClass::Auxiliary)
        };
        // (", a move swiftly condemned by the United Nations": one adverb may
        // stand between the noun and its participle)
        let adverb = |k: usize| {
            (self.is(k, WordClass::Adverb) && self.covering(k).is_none())
                || (plain(k) && self.toks[k].lower.ends_with("ly"))
        };
        let head = if adverb(s - 1) { s - 2 } else { s - 1 };
        if !plain(head) || adverb(head) || !self.toks[s].lower.ends_with("ed") {
            return None;
        }
        let a = self.at_start(e + 1).or_else(|| self.at_start(self.skip_dets(e + 1)))?;
        Some(self.group_right(a))
    }

    /// "Viktor Bout was extradited by Thailand to the United States": a passive
    /// verb whose gap holds "by" and an actor has that actor as its source.
    fn passive_agent_inside(&self, core: &Range<usize>, end: usize) -> Option<Vec<usize>> {
        let s = core.start;
        let passive = s >= 1
            && self.is(s - 1, WordClass::Auxiliary)
            && self.covering(s - 1).is_none()
            && self.toks[s].lower.ends_with("ed");
        if !passive || self.toks.get(s + 1).is_none_or(|w| w.lower != "by") {
            return None;
        }
        let a = self.at_start(s + 2).or_else(|| self.at_start(self.skip_dets(s + 2)))?;
        (self.actors[a].0.end <= end).then(|| self.group_right(a))
    }

    /// "Macron, who announced sanctions on Monday, flew to Washington": the
    /// verb right after a relative clause's closing comma has the actor
    /// before the clause's opening comma as its subject.
    fn across_relative(&self, t: usize) -> Option<Vec<usize>> {
        if t < 4 || self.toks[t - 1].lower != "," || self.covering(t).is_some() {
            return None;
        }
        let w = (1..t - 1)
            .rev()
            .take_while(|&k| !matches!(self.toks[k].lower.as_str(), "," | ";" | ":" | "-" | "(" | ")"))
            .last()
            .filter(|&k| k >= 2 && self.toks[k].lower == "who")
            .filter(|&k| self.toks[k - 1].lower == ",")?;
        self.at_end(w - 1).map(|a| self.group_left(a))
    }

    /// "thanked Britain ... during a call with Sunak": an event noun in a
    /// prepositional phrase ("during a", "in their") is the main subject's.
    fn phrase_subject(&self, t: usize) -> Option<Vec<usize>> {
        let determined = t >= 2
            && (self.is(t - 1, WordClass::Det) || self.is(t - 1, WordClass::Possessive))
            && self.is(t - 2, WordClass::Prep)
            && self.covering(t - 1).is_none();
        // "..., after talks in Paris": no determiner needed after a temporal preposition
        let temporal = t >= 1
            && self.is(t - 1, WordClass::Temporal)
            && self.covering(t - 1).is_none()
            && self.covering(t).is_none();
        // ("condolences over the Easter Sunday bomb attacks on", "over the
        // violent crackdown on": plain modifiers between the determiner and
        // the event noun leave it a topic)
        if !determined && self.topic_phrase(t, true) {
            return Some(Vec::new());
        }
        if !determined && !temporal {
            return None;
        }
        // "recordings related to the killing of", "in retaliation for the
        // visit": after other prepositions the event noun is a topic, no one's act
        // (but "at the start of their summit" is the coordinated subject's own)
        let joint = self.is(t - 1, WordClass::Possessive) && self.main_subject(t).is_some_and(|g| g.len() >= 2);
        if determined && !joint && !(self.is(t - 2, WordClass::Temporal) || self.is(t - 2, WordClass::Setting)) {
            return Some(Vec::new());
        }
        let t = if determined { t } else { t + 1 };
        // "..., Lavrov said on Wednesday during a meeting with": the speaker
        let speaker = (t.saturating_sub(7)..t - 2)
            .rev()
            .find(|&k| self.is(k, WordClass::Report))
            .and_then(|k| self.at_end(k))
            .map(|a| self.group_left(a));
        // ("After talks in Paris, Moscow and Kyiv committed to ...": a phrase
        // opening the sentence belongs to the subject after its comma)
        speaker.or_else(|| self.main_subject(t - 2)).or_else(|| {
            let opening = (self.body_start..t - 2).all(|k| self.covering(k).is_none());
            let comma = (t..self.toks.len()).find(|&k| self.toks[k].lower == ",")?;
            let a = (0..self.actors.len()).find(|&a| self.actors[a].0.start > comma)?;
            opening.then(|| self.group_right(a))
        })
    }

    /// Whether the noun at `t` heads a determined noun phrase after a `topic`
    /// preposition ("over"), with at least one plain modifier before it if
    /// `modified` ("over the Easter Sunday bomb attacks"): a topic, not an act.
    fn topic_phrase(&self, t: usize, modified: bool) -> bool {
        const REACH: usize = 4;
        let mut k = t;
        while k > self.body_start + 1 && t - k < REACH {
            k -= 1;
            if self.covering(k).is_some() {
                return false;
            }
            if self.is(k, WordClass::Det) {
                return (!modified || k + 1 < t) && self.is(k - 1, WordClass::Topic) && self.covering(k - 1).is_none();
            }
            if !self.plain_modifier(k) {
                return false;
            }
        }
        false
    }

    /// Whether the token at `k` can modify a noun after it: a number, a
    /// hyphen, or a content word ("the three-day state visit").
    fn plain_modifier(&self, k: usize) -> bool {
        let w = &self.toks[k];
        w.kind == TokenKind::Number || w.lower == "-" || (w.kind == TokenKind::Word && !self.cls[k].function_word())
    }

    /// Whether the noun phrase whose head is at `t` follows a `circumstance`
    /// word, across determiners, a possessor and plain modifiers: "during a
    /// visit", "during Abiy's first visit", "during a three-day state visit".
    fn after_circumstance(&self, t: usize) -> bool {
        const REACH: usize = 6;
        let mut k = t;
        while k > self.body_start && t - k < REACH {
            k -= 1;
            if self.is(k, WordClass::Circumstance) && self.covering(k).is_none() {
                return true;
            }
            let modifier = self.covering(k).is_some()
                || self.is(k, WordClass::Det)
                || self.is(k, WordClass::Possessive)
                || matches!(self.toks[k].lower.as_str(), "'s" | "'")
                || self.plain_modifier(k);
            if !modifier {
                return false;
            }
        }
        false
    }

    /// "after protesters stormed the embassy": a pattern whose first word
    /// is inside an actor that opens a clause names its own source.
    fn own_words_at_clause_start(&self, t: usize) -> Option<Vec<usize>> {
        let a = self.covering(t)?;
        let mut s = self.actors[a].0.start;
        while s > 0 && (self.is(s - 1, WordClass::Det) || self.is(s - 1, WordClass::Quantity)) {
            s -= 1;
        }
        let opens = s <= self.body_start || self.is(s - 1, WordClass::Boundary) || self.toks[s - 1].lower == ",";
        // ("Warplanes from the Saudi-led coalition struck": an agent placed only
        // by the sentence's place, heading "from"/"of" + an actor, is that actor's)
        let end = self.actors[a].0.end;
        let unplaced = self.mentions[self.actors[a].1].entry.ends_with("+context:place");
        let owner = (unplaced && self.is(end, WordClass::Partitive))
            .then(|| {
                self.at_start(end + 1)
                    .or_else(|| self.at_start(self.skip_dets(end + 1)))
            })
            .flatten();
        opens.then(|| vec![owner.unwrap_or(a)])
    }

    /// The subject of the main clause before token `t`: the first actor of
    /// the sentence (after a dateline) that does not hang on a preposition.
    fn main_subject(&self, t: usize) -> Option<Vec<usize>> {
        let a = (0..self.actors.len())
            .filter(|&a| self.actors[a].0.start >= self.body_start && self.actors[a].0.end <= t)
            .find(|&a| !self.after_preposition(a) && !self.possessive(a))?;
        Some(self.group_right(a))
    }

    /// Whether token `t` is a participle modifying the actor phrase right
    /// after it ("a ruling against [jailed] opposition leader Navalny",
    /// "[Armed] Islamist militants attacked", "[Visiting] Brazilian President
    /// Lula met Xi"): an adjective, not the verb of an act. A past participle
    /// takes no object, so after a determiner, a possessive, a preposition or
    /// at the clause's start it modifies; an "-ing" form after a preposition
    /// has an object ("after meeting Putin"), and at the clause's start only
    /// modifies a titled phrase that no comma or object preposition follows
    /// ("Accusing Moscow of ...", "Visiting Tokyo, Biden ..." are clauses).
    fn modifying_participle(&self, t: usize) -> bool {
        let w = self.toks[t].lower.as_str();
        let ed = w.len() > 4 && w.ends_with("ed");
        let ing = w.len() > 5 && w.ends_with("ing");
        if !(ed || ing) || self.covering(t).is_some() {
            return false;
        }
        // (a capitalised word no dictionary knows may open the phrase:
        // "Visiting Brazilian President Lula")
        let proper = |k: usize| {
            self.toks.get(k).is_some_and(|w| {
                w.kind == TokenKind::Word && w.capitalized && self.covering(k).is_none() && !self.cls[k].function_word()
            })
        };
        let Some(a) = self
            .at_start(t + 1)
            .or_else(|| proper(t + 1).then(|| self.at_start(t + 2)).flatten())
        else {
            return false;
        };
        let determined = t > self.body_start
            && (self.is(t - 1, WordClass::Det)
                || self.is(t - 1, WordClass::Possessive)
                || self.at_end(t).is_some_and(|p| self.possessive(p)));
        if ed {
            // (or right after another verb: "found jailed opposition leader
            // Navalny guilty", "questioned ousted President Park")
            let after_verb = t > self.body_start && {
                let v = self.toks[t - 1].lower.as_str();
                self.covering(t - 1).is_none()
                    && !self.auxiliary(t - 1)
                    && (v == "found" || (v.len() > 4 && (v.ends_with("ed") || v.ends_with("ing"))))
            };
            // (or a count: "flew 28 convicted Afghan criminals back")
            let counted = t > self.body_start && self.toks[t - 1].kind == TokenKind::Number;
            let after = t > self.body_start && (self.is(t - 1, WordClass::Prep) || after_verb || counted);
            return determined || t == self.body_start || after;
        }
        // ("Visiting Brazilian President Lula on Friday lauded ...", but
        // "Visiting Tokyo, Biden ...", "Accusing Moscow of ...": an object)
        let end = self.actors[a].0.end;
        let object = end - self.actors[a].0.start < 2
            || self
                .toks
                .get(end)
                .is_none_or(|n| matches!(n.lower.as_str(), "," | "of" | ":" | ";" | "-" | "with" | "for" | "to"));
        determined || (t == self.body_start && !object)
    }

    /// Whether actor `a` owns what follows ("Russia's response"): not a subject.
    fn possessive(&self, a: usize) -> bool {
        let end = self.actors[a].0.end;
        self.toks[end - 1].lower == "'s" || self.toks.get(end).is_some_and(|n| n.lower == "'s")
    }

    /// Whether actor `a` follows a clause-opening word ("after", "since"),
    /// allowing determiners between.
    fn after_boundary(&self, a: usize) -> bool {
        let mut s = self.actors[a].0.start;
        while s > 0 && self.is(s - 1, WordClass::Det) {
            s -= 1;
        }
        s > 0 && self.is(s - 1, WordClass::Boundary)
    }

    /// Whether the preposition at `p` joins a clause-initial head noun to
    /// its actor: "[The head of] the World Food Programme appealed",
    /// "[Experts from] the OPCW visited", "[Supporters of] Trump stormed".
    fn head_of(&self, p: usize) -> bool {
        if !self.is(p, WordClass::Partitive) {
            return false;
        }
        let opener = (0..p)
            .rev()
            .find(|&k| self.is(k, WordClass::Boundary) || matches!(self.toks[k].lower.as_str(), "," | ";" | ":" | "-"));
        // ("Dmitry Medvedev, deputy head of the Security Council, warned": a head
        // noun after a comma that follows an actor is that actor's apposition)
        if opener.is_some_and(|k| self.toks[k].lower == "," && self.at_end(k).is_some()) {
            return false;
        }
        let start = opener.map_or(0, |k| k + 1);
        let head = start..p;
        !head.is_empty()
            && head.len() <= 3
            && head.clone().all(|k| {
                let t = &self.toks[k];
                self.covering(k).is_none()
                    && (t.kind == TokenKind::Word || t.kind == TokenKind::Number)
                    && (self.is(k, WordClass::Det) || self.is(k, WordClass::Quantity) || !self.cls[k].function_word())
            })
    }

    /// The other member of a hyphenated compound: "NATO-Russia" -> NATO for Russia.
    fn compound_partner(&self, a: usize) -> Option<usize> {
        let r = &self.actors[a].0;
        if r.start >= 2 && self.toks[r.start - 1].lower == "-" {
            return self.at_end(r.start - 1);
        }
        if self.toks.get(r.end).is_some_and(|t| t.lower == "-") {
            return self.at_start(r.end + 1);
        }
        None
    }

    /// The clause subject left of token `t`, as a coordinated group.
    fn subject_before(&self, t: usize) -> Option<Vec<usize>> {
        let mut k = t;
        // (a dateline's city or agency is no one's subject)
        while k > self.body_start {
            k -= 1;
            // "the missile which hit the village", "when a bomb exploded": a
            // clause with no actor before its verb has no actor subject ("that"
            // after a reporting verb and prepositions such as "after" are crossed)
            if self.is(k, WordClass::Boundary)
                && !self.is(k, WordClass::Complementizer)
                && !self.is(k, WordClass::Prep)
                && self.covering(k).is_none()
            {
                return None;
            }
            if let Some(a) = self.covering(k) {
                // the whole coordinated group must not hang on a preposition:
                // "calls on both Moscow and Washington to ..."
                let group = self.group_left(a);
                let first = group[0];
                // "after Prime Minister Shinzo Abe visited": a word that is both a
                // preposition and a clause boundary opens a clause whose subject
                // stands right before the verb
                let clause_subject = self.actors[a].0.end == t && self.after_boundary(first);
                // "with Charles Michel acting as mediator": an actor right before a
                // participle is its subject, whatever preposition stands before it
                let absolute = self.actors[a].0.end == t && self.toks[t].lower.ends_with("ing");
                let clause_subject = clause_subject || absolute;
                if (!self.after_preposition(first) || clause_subject) && !self.possessive(a) {
                    return Some(group);
                }
                k = self.actors[first].0.start;
            }
        }
        None
    }

    /// "Pelosi's visit to Taiwan", "Russia's latest missile strikes": the
    /// possessor of an event noun is its source (up to two lowercase
    /// modifiers between).
    fn possessor_before(&self, t: usize) -> Option<Vec<usize>> {
        // (a past-tense verb is no possessed noun: "protesters demanding the
        // president's resignation marched")
        if self.toks[t].lower.ends_with("ed") {
            return None;
        }
        // (a hyphenated compound is one modifier: "Russia's full-scale invasion")
        (0..=6).find_map(|k| {
            let apostrophe = t.checked_sub(k + 1)?;
            if self.toks[apostrophe].lower != "'s" {
                return None;
            }
            let word = |j: usize| {
                self.toks[j].kind == TokenKind::Word && !self.toks[j].capitalized && !self.cls[j].function_word()
            };
            let hyphens = (apostrophe + 1..t).filter(|&j| self.hyphen_at(j)).count();
            let plain = k <= 2 + 2 * hyphens && (apostrophe + 1..t).all(|j| word(j) || self.hyphen_at(j));
            // (a country's mention may take its "'s" along: "Russia's seizure")
            let a = self
                .at_end(apostrophe)
                .or_else(|| self.at_end(apostrophe + 1))
                .filter(|_| plain)?;
            // ("Russia's attack on Ukraine and China's threats": a member after
            // a preposition is the object of what comes before, no co-owner)
            let group = self.group_left(a);
            if group.len() > 1 && self.after_preposition(group[0]) {
                return Some(vec![a]);
            }
            Some(group)
        })
    }

    /// The first of the determiners right before token `t` (`t` if none).
    fn skip_dets_back(&self, mut t: usize) -> usize {
        while t > 0 && self.is(t - 1, WordClass::Det) {
            t -= 1;
        }
        t
    }

    /// Whether the word at `t` is owned by a possessive determiner ("its
    /// offensive", "their latest attacks"), up to two modifiers between.
    fn pronoun_possessed(&self, t: usize) -> bool {
        (1..=3).any(|k| {
            t >= k
                && self.is(t - k, WordClass::Possessive)
                && self.covering(t - k).is_none()
                && (t - k + 1..t).all(|j| {
                    let w = &self.toks[j];
                    w.kind == TokenKind::Word && !w.capitalized && !self.cls[j].function_word()
                })
        })
    }

    /// "Sanctions against Iran were announced by Britain and Canada": the
    /// agent of a passive verb after an event noun, in the same clause.
    fn agent_after(&self, t: usize) -> Option<Vec<usize>> {
        let limit = (t + TARGET_WINDOW).min(self.toks.len());
        let mut aux = false;
        for k in t..limit {
            if self.is(k, WordClass::Boundary) || self.toks[k].kind == TokenKind::Quote {
                return None;
            }
            aux |= self.is(k, WordClass::Auxiliary);
            if aux && self.toks[k].lower == "by" {
                let a = self.at_start(k + 1).or_else(|| self.at_start(self.skip_dets(k + 1)))?;
                return Some(self.group_right(a));
            }
        }
        None
    }

    /// The target of a match whose final TARGET found no actor, from what
    /// else the sentence says: "fired on [its] positions" (for an attack:
    /// `attack`), "would impose sanctions [if Russia] invaded" (a threat's
    /// condition), "rejected [Saddam Hussein's] proposal" (a possessor
    /// skipped inside the match). Empty if none applies.
    fn missing_target(&self, m: &PatternMatch, core_end: usize, exclude: &[usize], attack: bool) -> Vec<usize> {
        if attack && self.is(m.end, WordClass::Possessive) {
            return self.antecedent_of(m.end, exclude, false).into_iter().collect();
        }
        if let Some(k) = trailing_condition(self, core_end) {
            return self.first_actor_after(k + 1, exclude).unwrap_or_default();
        }
        if let Some(g) = self.pair_target(m.end, exclude) {
            return g;
        }
        if let Some(g) = self.fronted_target(m.end, exclude) {
            return g;
        }
        self.possessor_within(m.start..m.end, exclude).unwrap_or_default()
    }

    /// A year two or more before `published_year` after a preposition ("in
    /// 1997", "since 2005") within the clause of the tokens `core`.
    fn old_year_near(&self, core: &Range<usize>, published_year: i32) -> Option<i32> {
        const NEAR: usize = 8;
        let breaks = |r: Range<usize>| {
            r.into_iter()
                .any(|k| self.is(k, WordClass::Boundary) || matches!(self.toks[k].lower.as_str(), "," | ";"))
        };
        let from = core.start.saturating_sub(NEAR).max(1);
        let to = (core.end + NEAR).min(self.toks.len());
        (from..to).find_map(|k| {
            let w = &self.toks[k];
            let year: i32 = (w.kind == TokenKind::Number && w.lower.len() == 4).then(|| w.lower.parse().ok())??;
            let between = if k < core.start {
                k + 1..core.start
            } else {
                core.end..k - 1
            };
            // ("severed ties in 2016 after protesters stormed the embassy": what
            // came after or led to an old act is as old; one "after" or
            // "following" between a year before the act and the act is crossed)
            let earlier = k < core.start && {
                let mut r = between.clone();
                r.find(|&j| matches!(self.toks[j].lower.as_str(), "after" | "following"))
                    .is_some_and(|j| !breaks(k + 1..j) && !breaks(j + 1..core.start))
            };
            ((self.is(k - 1, WordClass::Prep) || self.is(k - 1, WordClass::Temporal))
                && year >= 1800
                && year <= published_year - 2
                && (!breaks(between) || earlier))
                .then_some(year)
        })
    }

    /// "Russia must pull its forces out of Ukraine, the Group of Seven
    /// demanded.": a sentence-final act whose source follows a comma is about
    /// the fronted clause's subject.
    fn fronted_target(&self, t: usize, exclude: &[usize]) -> Option<Vec<usize>> {
        let last = (t..self.toks.len())
            .all(|k| self.toks[k].kind != TokenKind::Word || self.dates.iter().any(|r| r.contains(&k)));
        let first_source = exclude.iter().map(|&a| self.actors[a].0.start).min()?;
        let mut s = first_source;
        while s > 0 && self.is(s - 1, WordClass::Det) {
            s -= 1;
        }
        if !last || s == 0 || self.toks[s - 1].lower != "," {
            return None;
        }
        let own: Vec<&str> = exclude.iter().filter_map(|&a| self.country(a)).collect();
        let g: Vec<usize> = self
            .main_subject(s - 1)?
            .into_iter()
            .filter(|a| !exclude.contains(a) && self.country(*a).is_none_or(|c| !own.contains(&c)))
            .collect();
        (!g.is_empty()).then_some(g)
    }

    /// "shared audio recordings related to the killing of Khashoggi [with]
    /// Saudi Arabia, ...": the preposition a pattern wants before its TARGET,
    /// found further on in the clause than the pattern's gap reaches, with
    /// an actor after it.
    fn late_target(&self, p: &dyad_lexicon::EventPattern, t: usize, exclude: &[usize]) -> Option<Vec<usize>> {
        const LATE_REACH: usize = 12;
        let alts = p.word_before_target()?;
        // (only for a pattern that says what is given or done, "share *
        // recordings with", not a bare verb whose sense the preposition makes:
        // "agree [with]", "side [with]")
        let words = p
            .elems
            .iter()
            .filter(|e| matches!(e, dyad_lexicon::Elem::Word { optional: false, .. }))
            .count();
        if words < 3 {
            return None;
        }
        let end = (t + LATE_REACH).min(self.toks.len());
        let a = (t..end)
            .take_while(|&k| !self.is(k, WordClass::Boundary) && self.toks[k].kind != TokenKind::Quote)
            .filter(|&k| self.covering(k).is_none() && dyad_lexicon::EventPattern::matches_word(&self.toks[k], alts))
            .find_map(|k| self.at_start(k + 1).or_else(|| self.at_start(self.skip_dets(k + 1))))
            // (not ", with President Trump presiding": an absolute phrase after a
            // comma, its actor the subject of a participle, is no partner)
            .filter(|&a| {
                let r = &self.actors[a].0;
                let absolute = r.start >= 2
                    && self.toks[r.start - 2].lower == ","
                    && self
                        .toks
                        .get(r.end)
                        .is_some_and(|w| w.lower.ends_with("ing") && self.covering(r.end).is_none());
                !absolute
            })?;
        let g: Vec<usize> = self
            .group_right(a)
            .into_iter()
            .filter(|a| !exclude.contains(a))
            .collect();
        (!g.is_empty()).then_some(g)
    }

    /// The actor a force used in return answers ("..., and South Korean
    /// forces returned fire", "Israel retaliated with air strikes"): the
    /// first actor of the sentence that is no source nor of a source's country.
    fn retort_target(&self, exclude: &[usize]) -> Option<usize> {
        (0..self.actors.len()).find(|&a| {
            !exclude.contains(&a)
                && self.country(a).is_some()
                && !exclude.iter().any(|&s| self.country(s) == self.country(a))
                && !self.possessive(a)
        })
    }

    /// Whether a reciprocal phrase starts at `t` ("each other", "one another",
    /// "the other"), after an optional preposition.
    fn reciprocal_at(&self, t: usize) -> bool {
        let k = if self.is(t, WordClass::Prep) { t + 1 } else { t };
        self.toks
            .get(k + 1)
            .is_some_and(|_| self.is(k + 1, WordClass::Reciprocal))
            && self.is(k, WordClass::ReciprocalHead)
    }

    /// "mediator between [the two neighbours]", "urged [both sides]": a
    /// missing target at `t` written as a pair is the sentence's coordinated
    /// subject, less the sources.
    fn pair_target(&self, t: usize, exclude: &[usize]) -> Option<Vec<usize>> {
        let mut k = t;
        if self.is(k, WordClass::Prep) {
            k += 1;
        }
        if self.toks.get(k).is_some_and(|w| w.lower == "the") {
            k += 1;
        }
        if !(k < self.toks.len() && self.is(k, WordClass::Pair)) {
            return None;
        }
        let group: Vec<usize> = self
            .main_subject(t)?
            .into_iter()
            .filter(|a| !exclude.contains(a))
            .collect();
        (group.len() >= 2).then_some(group)
    }

    /// An actor inside token range `r`, not a source nor of a source's
    /// country, that owns the next word ("Saddam Hussein['s] proposal").
    fn possessor_within(&self, r: Range<usize>, exclude: &[usize]) -> Option<Vec<usize>> {
        (0..self.actors.len())
            .filter(|&a| {
                let ar = &self.actors[a].0;
                r.start <= ar.start && ar.end < r.end && self.toks[ar.end].lower == "'s" && !exclude.contains(&a)
            })
            .find(|&a| {
                self.country(a)
                    .is_none_or(|c| !exclude.iter().any(|&s| self.country(s) == Some(c)))
            })
            .map(|a| vec![a])
    }

    /// Whether the speaker of the clause whose subject is `sources` ("Erdogan
    /// said that Turkey ...", "Turkey said it ...", "Turkey ..., Erdogan
    /// said") is of the subject's own country.
    fn own_speaker(&self, sources: &[usize], verb: Range<usize>) -> bool {
        if sources.is_empty() {
            return false;
        }
        let before = (self.body_start..verb.start)
            .rev()
            .take_while(|&k| !matches!(self.toks[k].lower.as_str(), ";" | ":"))
            .find(|&k| self.is(k, WordClass::Report) && self.covering(k).is_none())
            .map(|k| {
                // ("Erdogan said on Friday that": a date may follow the verb;
                // "North Korea has said", "Moscow has repeatedly said": an
                // auxiliary or adverb may stand between the speaker and it)
                self.speaker_before(k).map(|a| self.group_left(a)).unwrap_or_default()
            });
        let Some(speakers) = before.or_else(|| self.speaker_after(verb.end)) else {
            return false;
        };
        // (an actor of no country is its own side: "the EU said it might
        // impose sanctions")
        let side = |a: usize| self.country(a).unwrap_or(self.doc_actor(a).code.as_str());
        !speakers.is_empty()
            && speakers.iter().all(|&s| {
                let c = side(s);
                sources.iter().all(|&a| side(a) == c)
            })
    }

    /// The actor ending right before the reporting verb at `k`, or before
    /// up to two lowercase words in between ("has said", "has repeatedly
    /// said").
    fn speaker_before(&self, k: usize) -> Option<usize> {
        (0..=2)
            .take_while(|&d| {
                d == 0 || {
                    let t = k.checked_sub(d).map(|j| &self.toks[j]);
                    t.is_some_and(|t| t.kind == TokenKind::Word && !t.capitalized)
                        && self.covering(k - d).is_none()
                        && !self.is(k - d, WordClass::Boundary)
                }
            })
            .find_map(|d| k.checked_sub(d).and_then(|j| self.at_end(j)))
    }

    /// Whether the object of the verb at `verb`, in a match that lost its
    /// TARGET at `end`, is a bare count: number and `quantity` words
    /// ("dozens", "more than 100", "hundreds of") that end the phrase, with no
    /// noun after them ("detained dozens in Cairo").
    fn bare_count(&self, verb: usize, end: usize) -> bool {
        let counting = |k: usize| self.toks[k].kind == TokenKind::Number || self.is(k, WordClass::Quantity);
        let stop = (end..self.toks.len())
            .find(|&k| !counting(k) || self.covering(k).is_some())
            .unwrap_or(self.toks.len());
        let count = (verb + 1..stop).rev().take_while(|&k| counting(k)).count();
        // (its last word other than a preposition, "hundreds [of]", is the count)
        let head = (stop - count..stop).rev().any(|k| !self.is(k, WordClass::Prep));
        count > 0
            && head
            && self.covering(stop).is_none()
            && self.toks.get(stop).is_none_or(|t| {
                t.kind != TokenKind::Word
                    || self.cls[stop].function_word()
                    // ("detained dozens overnight", "nationwide": grammar `adjunct`)
                    || self.is(stop, WordClass::Adjunct)
                    || self.dates.iter().any(|r| r.contains(&stop))
            })
    }

    /// Whether the token at `k` is a `cancel` verb (grammar class), alone or
    /// with the particle after its verb ("called off").
    fn cancel_at(&self, k: usize) -> bool {
        self.is(k, WordClass::Cancel)
            || (k > 0
                && self.grammar.is(
                    &format!("{} {}", self.toks[k - 1].lemma, self.toks[k].lower),
                    WordClass::Cancel,
                ))
    }

    /// The `cancel` verb that calls off the act whose words run from `core`
    /// to `anchor` and end at `end`: before it in its clause ("called off
    /// planned air strikes on"), or after it in a passive ("talks with China
    /// were postponed").
    fn cancelled(&self, core: &Range<usize>, anchor: usize, end: usize) -> Option<usize> {
        let before = (core.start.saturating_sub(MODALITY_WINDOW)..anchor.max(core.start))
            .rev()
            .take_while(|&k| {
                k >= core.start
                    || !(matches!(self.toks[k].lower.as_str(), "," | ";" | ":" | ".")
                        || self.is(k, WordClass::Boundary)
                        || self.is(k, WordClass::Conj))
            })
            // (not an adjective: "a long-delayed visit", "the postponed
            // summit" took place)
            .find(|&k| {
                self.cancel_at(k)
                    && !(k > 0
                        && (self.toks[k - 1].lower == "-"
                            || self.is(k - 1, WordClass::Det)
                            || self.is(k - 1, WordClass::Indefinite)))
            });
        before.or_else(|| {
            (end..(end + 3).min(self.toks.len()))
                .take_while(|&j| self.covering(j).is_none() && self.toks[j].kind == TokenKind::Word)
                .filter(|&j| self.is(j, WordClass::Auxiliary))
                // ("was postponed", "was called off")
                .find_map(|j| (j + 1..(j + 3).min(self.toks.len())).find(|&k| self.cancel_at(k)))
        })
    }

    /// "..., Lavrov said" / "said Wang Yi": the speaker of the sentence.
    fn speaker_after(&self, t: usize) -> Option<Vec<usize>> {
        for k in t..self.toks.len() {
            if self.is(k, WordClass::Report) {
                if let Some(a) = self.at_end(k) {
                    return Some(self.group_left(a));
                }
                if let Some(a) = self.at_start(k + 1).or_else(|| self.at_start(self.skip_dets(k + 1))) {
                    return Some(self.group_right(a));
                }
            }
        }
        None
    }

    /// The actor a pronoun at `k` stands for: the latest actor before it in
    /// the sentence that is not a source and not of a source's country
    /// ("the Chinese side ... would like to express condolences to them").
    /// With `home` (dict/modality.tsv `home-object`), an actor of the
    /// source's country of another sector counts ("police dispersed them").
    fn antecedent(&self, k: usize, exclude: &[usize], home: bool) -> Option<usize> {
        if !self.is(k, WordClass::Pronoun) {
            return None;
        }
        // ("he", "she" stand for a person: "Lehder was extradited to the
        // United States hours after he was captured", not the country)
        let person = self.is(k, WordClass::PersonPronoun);
        match self.antecedent_of(k, exclude, home) {
            Some(a) if person && self.doc_actor(a).name.is_none() => {
                let named = (0..self.actors.len())
                    .rev()
                    .find(|&b| self.actors[b].0.end <= k && !exclude.contains(&b) && self.doc_actor(b).name.is_some());
                named.or(Some(a))
            }
            found => found,
        }
    }

    /// Whether actor `a` may be what a plural pronoun ("them") stands for:
    /// a coordination, a name, a country, or an agent noun whose head is
    /// plural ("supporters of Niger's coup leaders", not "the French embassy").
    fn plural_actor(&self, a: usize) -> bool {
        let d = self.doc_actor(a);
        if d.name.is_some() || d.sector.is_none() || self.group_left(a).len() >= 2 || self.group_right(a).len() >= 2 {
            return true;
        }
        let r = &self.actors[a].0;
        let head = (r.start..r.end)
            .find(|&j| j > r.start && self.toks[j].lower == "of")
            .map_or(r.end - 1, |j| j - 1);
        let w = &self.toks[head];
        (w.lower.ends_with('s') && !w.lower.ends_with("ss")) || w.lemma != w.lower
    }

    /// The latest actor before token `k` that is not a source nor of a
    /// source's country.
    fn antecedent_of(&self, k: usize, exclude: &[usize], home: bool) -> Option<usize> {
        // (a named person of another sector of the source's country may be
        // meant: "the head of the armed forces called on him [Morales] to step
        // down"; otherwise the source's country is the source speaking of itself)
        let same_side = |a: usize| {
            exclude.iter().any(|&s| {
                let (x, y) = (self.doc_actor(s), self.doc_actor(a));
                let named_other = y.name.is_some() && x.name != y.name && x.sector != y.sector;
                let home_other = home && y.sector.is_some() && x.sector != y.sector;
                x.country.is_some() && x.country == y.country && !named_other && !home_other
            })
        };
        let candidates = || {
            (0..self.actors.len())
                .rev()
                .filter(|&a| self.actors[a].0.end <= k && !exclude.contains(&a))
                .filter(|&a| !same_side(a))
        };
        // ("them": the latest plural actor, else the latest actor)
        if self.is(k, WordClass::PluralPronoun) {
            if let Some(a) = candidates().find(|&a| self.plural_actor(a)) {
                return Some(a);
            }
        }
        candidates().next()
    }

    /// The first actor after token `t` in the clause, if it is neither a
    /// source nor of a source's country.
    fn first_actor_after(&self, t: usize, exclude: &[usize]) -> Option<Vec<usize>> {
        let limit = (t + TARGET_WINDOW).min(self.toks.len());
        let k = (t..limit).find(|&k| {
            self.covering(k).is_some() || self.is(k, WordClass::Boundary) || self.toks[k].kind == TokenKind::Quote
        })?;
        let a = self.at_start(k)?;
        let same_country = self
            .country(a)
            .is_some_and(|c| exclude.iter().any(|&s| self.country(s) == Some(c)));
        (!exclude.contains(&a) && !same_country).then(|| self.group_right(a))
    }

    /// Whether token `t` follows a counted duration in an adjunct: "after
    /// two days of [rioting]", "following weeks of [protests]", "during two
    /// months of [unrest]" ("began ten days of drills" has no preposition).
    fn after_duration(&self, t: usize) -> bool {
        if t < 3 || self.toks[t - 1].lower != "of" {
            return false;
        }
        if !self.cls[t - 2].lower_is(WordClass::Duration) {
            return false;
        }
        let mut k = t - 3;
        // (the count: "two", "11", "nearly two", "several")
        while k > self.body_start
            && (self.toks[k].kind == TokenKind::Number
                || self.is(k, WordClass::Det)
                || self.is(k, WordClass::Quantity) && !self.is(k, WordClass::Prep)
                || !self.cls[k].function_word()
                    && self.toks[k].kind == TokenKind::Word
                    && !self.toks[k].capitalized
                    && k + 3 == t)
        {
            k -= 1;
        }
        self.covering(k).is_none()
            && (self.is(k, WordClass::Prep) || self.is(k, WordClass::Temporal) || self.is(k, WordClass::Boundary))
    }

    /// Whether the act at `t` sits in a clause opened by a long span before
    /// or after the news ("two years after the militants seized it",
    /// "months after he took refuge"): history, which the story does not
    /// report (grammar `long-span`; "hours after" stays news).
    fn after_long_span(&self, t: usize) -> bool {
        for k in (self.body_start + 1..t).rev() {
            if self.covering(k).is_some() {
                continue;
            }
            if self.is(k, WordClass::Temporal) && self.cls[k - 1].lower_is(WordClass::LongSpan) {
                return true;
            }
            if self.is(k, WordClass::Boundary) || matches!(self.toks[k].lower.as_str(), "," | ";" | ":") {
                return false;
            }
        }
        false
    }

    /// Whether a reason or time adjunct opens at token `k`: "in response
    /// to", "in retaliation for", "in reaction to", "following".
    fn reason_phrase(&self, k: usize) -> bool {
        let w = self.toks[k].lower.as_str();
        let reason = w == "in"
            && self
                .toks
                .get(k + 1)
                .is_some_and(|_| self.cls[k + 1].lower_is(WordClass::Reason));
        // ("amid tensions with Kosovo" still names whom a posture is aimed at)
        reason || (w == "following" && self.covering(k).is_none())
    }

    fn object_after(&self, t: usize, exclude: &[usize]) -> Option<Vec<usize>> {
        let limit = (t + TARGET_WINDOW).min(self.toks.len());
        for k in t..limit {
            // (nor past a comma: "its fourth nuclear test, drawing
            // condemnation from the United States")
            if self.is(k, WordClass::Boundary) || self.toks[k].kind == TokenKind::Quote || self.toks[k].lower == "," {
                return None;
            }
            // (nor into a reason or a time: "conducted five nuclear tests in
            // response to India's tests", "... following India's tests": that
            // actor did something else)
            if k > t && self.reason_phrase(k) {
                return None;
            }
            if k == t || (k == t + 1 && self.is(t, WordClass::Prep)) {
                if let Some(a) = self.antecedent(k, exclude, false) {
                    return Some(vec![a]);
                }
            }
            if let Some(a) = self.at_start(k) {
                // "Lavrov calls for Russia-Italy cooperation": not Russia
                let same_country = self
                    .country(a)
                    .is_some_and(|c| exclude.iter().any(|&s| self.country(s) == Some(c)));
                if !exclude.contains(&a) && !same_country {
                    return Some(self.group_right(a));
                }
            }
        }
        None
    }
}

impl Slots for SentenceActors<'_> {
    fn actor_from(&self, tok: usize) -> Vec<Range<usize>> {
        let place = self
            .places
            .iter()
            .find(|(r, _)| r.start == tok || r.start == self.skip_dets(tok));
        let Some(a) = self
            .at_start(tok)
            .or_else(|| self.at_start(self.skip_dets(tok)))
            .or_else(|| self.after_modifiers(self.skip_dets(tok)))
        else {
            // "urging him to send troops": a pronoun holds the slot, and the
            // coder resolves it to the actor it stands for
            if place.is_none() && self.is(tok, WordClass::Pronoun) {
                return std::iter::once(tok..tok + 1).collect();
            }
            return place.map(|(r, _)| r.clone()).into_iter().collect();
        };
        let group = self.group_right(a);
        (1..=group.len()).rev().map(|k| self.span_of(&group[..k])).collect()
    }

    fn actor_until(&self, tok: usize) -> Vec<Range<usize>> {
        let Some(a) = self.at_end(tok) else { return Vec::new() };
        let group = self.group_left(a);
        (0..group.len()).map(|k| self.span_of(&group[k..])).collect()
    }

    fn auxiliary(&self, tok: usize) -> bool {
        self.is(tok, WordClass::Auxiliary)
    }

    fn subject_phrase_actor(&self, tok: usize) -> Option<Range<usize>> {
        let start = self.subject_phrase_start(tok)?;
        (0..self.actors.len())
            .find(|&a| self.actors[a].0.start >= start && self.actors[a].0.end <= tok)
            .map(|a| self.actors[a].0.clone())
    }

    fn subject_phrase_place(&self, tok: usize) -> Option<Range<usize>> {
        let start = self.subject_phrase_start(tok)?;
        self.places
            .iter()
            .find(|(r, _)| r.start >= start && r.end <= tok)
            .map(|(r, _)| r.clone())
    }

    fn in_adjunct(&self, tok: usize) -> bool {
        self.covering(tok).is_some_and(|a| {
            let start = self.actors[a].0.start;
            // the preposition, allowing a determiner and one modifier between
            (start.saturating_sub(3)..start).any(|k| self.is(k, WordClass::Prep))
        })
    }

    fn date_end(&self, tok: usize) -> Option<usize> {
        let at = |k: usize| self.dates.iter().find(|r| r.start == k).map(|r| r.end);
        at(tok).or_else(|| self.is(tok, WordClass::Prep).then(|| at(tok + 1)).flatten())
    }

    fn actor_near(&self, tok: usize) -> bool {
        // an actor covers one of the next few tokens (determiners, a count
        // and modifiers may come first)
        self.covered
            .get(tok..(tok + 8).min(self.covered.len()))
            .is_some_and(|w| w.iter().any(|&c| c))
    }

    fn relative(&self, tok: usize) -> bool {
        self.is(tok, WordClass::Relative)
    }

    fn droppable(&self, word: &str) -> bool {
        self.grammar.is(word, WordClass::Prep) || self.grammar.is(word, WordClass::Particle)
    }

    fn skippable(&self, tok: usize) -> bool {
        // (an actor owning what follows, "against Macron's pension reform",
        // modifies a noun a pattern may look for; its owner can still be the
        // target through `possessor_within`)
        let possessor = self.covering(tok).is_some_and(|a| self.possessive(a));
        (self.covering(tok).is_none() || possessor)
            && !self.is(tok, WordClass::Boundary)
            && (self.toks[tok].kind != TokenKind::Quote || self.scare_quote(tok))
            && !matches!(self.toks[tok].lower.as_str(), "." | ";" | ":")
            // (nor a modal: "said it could suspend ties with" is no statement
            // about ties, the modal's verb is another act; "in May" is a month)
            && (!self.is(tok, WordClass::Modal) || self.toks[tok].capitalized)
    }
}

fn actor_of(doc: &Doc, mention: usize) -> &Actor {
    doc.mentions[mention].actor().expect("actor mention")
}

/// Finds events in every sentence.
pub fn find(doc: &mut Doc, lex: &Lexicon) {
    let classes = TokenClasses::new(&doc.tokens, &lex.grammar);
    find_classified(doc, lex, &classes);
}

/// [`find`] with the document's token classes already looked up.
pub(crate) fn find_classified(doc: &mut Doc, lex: &Lexicon, classes: &TokenClasses) {
    let mut seen_sentences = FxHashSet::default();
    let dateline_place = crate::places::dateline_place(doc, lex);
    // the mentions found so far, by sentence (those this stage adds are
    // places recoded as actors of sentences already done)
    let by_sentence = mentions_by_sentence(doc);
    for s in 0..doc.sentences.len() {
        let cls = classes.slice(doc.sentences[s].tokens.clone());
        // ("a diplomatic boycott of the Beijing Winter Olympics, government
        // officials said": a sentence naming a government actor is no sports story)
        let government = by_sentence.get(s).is_some_and(|ms| {
            ms.iter()
                .filter_map(|&i| doc.mentions[i].actor())
                .any(|a| a.sector.as_deref() == Some("GOV"))
        });
        let sport = cls.iter().any(|c| c.lower_is(WordClass::Discard)) && !government;
        if sport {
            doc.note(s, || {
                "skipped: a sports story (a `discard` word in dict/grammar.tsv)".into()
            });
            continue;
        }
        if !seen_sentences.insert(dedup_key(doc, s)) {
            doc.note(s, || "skipped: repeats an earlier sentence".into());
            continue;
        }
        let events = sentence_events(doc, lex, cls, &by_sentence, s, dateline_place.as_ref());
        doc.events.extend(events);
    }
}

/// A sentence's text without a leading dateline and final punctuation, so
/// a headline repeated as the lead ("... on Friday" / "GENOA (...) ... on
/// Friday.") is coded once.
fn dedup_key(doc: &Doc, s: usize) -> String {
    let span = &doc.sentences[s].span;
    let start = match &doc.article.dateline {
        Some(d) if d.span.start >= span.start && d.span.end <= span.end => d.span.end,
        _ => span.start,
    };
    doc.article.text[start..span.end]
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .to_lowercase()
}

/// Drops the events `marked` flags (one flag per event, in order), noting
/// each with `why` for `--explain`.
fn drop_marked(out: &mut Vec<Event>, marked: &[bool], notes: &mut Option<Vec<String>>, why: &str) {
    let mut flags = marked.iter();
    out.retain(|e| {
        let drop = flags.next().copied().unwrap_or(false);
        if drop {
            note!(notes, "dropped {} {}: {why}", e.cameo, e.pattern);
        }
        !drop
    });
}

fn sentence_events(
    doc: &mut Doc,
    lex: &Lexicon,
    cls: &[Classes],
    by_sentence: &[Vec<usize>],
    s: usize,
    dateline_place: Option<&Place>,
) -> Vec<Event> {
    let base = doc.sentences[s].tokens.start;
    let toks = &doc.tokens[doc.sentences[s].tokens.clone()];
    let in_sentence = &by_sentence[s];
    let of_kind = |actor: bool| -> Vec<(Range<usize>, usize)> {
        in_sentence
            .iter()
            .map(|&i| (i, &doc.mentions[i]))
            .filter(|(_, m)| match m.kind {
                // (a mediator before its participle is no pattern's actor)
                MentionKind::Actor(_) => actor && !m.entry.ends_with(crate::mentions::MEDIATOR_MARK),
                MentionKind::Place(_) => !actor,
                _ => false,
            })
            .map(|(i, m)| (m.tokens.start - base..m.tokens.end - base, i))
            .collect()
    };
    // the tokens of a dateline ("MOSCOW, Oct 14 (Reuters) -") at the sentence's start
    let body_start = match &doc.article.dateline {
        Some(d) if toks.first().is_some_and(|t| t.start >= d.span.start) => {
            toks.iter().take_while(|t| t.end <= d.span.end).count()
        }
        _ => 0,
    };
    let actors = of_kind(true);
    let mut covered = vec![false; toks.len()];
    for (r, _) in &actors {
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
    }
    let dates: Vec<Range<usize>> = in_sentence
        .iter()
        .map(|&i| &doc.mentions[i])
        .filter(|m| matches!(m.kind, MentionKind::Date(_)))
        .map(|m| m.tokens.start - base..m.tokens.end - base)
        .collect();
    let sa = SentenceActors {
        toks,
        covered,
        dates,
        actors,
        places: of_kind(false),
        cls,
        mentions: &doc.mentions,
        grammar: &lex.grammar,
        body_start,
    };
    let mut matches = lex.patterns.find(toks, &sa);
    // most specific first, then longest
    // (a stable sort, each pattern's specificity computed once)
    matches.sort_by_cached_key(|m| {
        (
            lex.patterns.list[m.pattern].fallback,
            Reverse(lex.patterns.list[m.pattern].specificity()),
            // (a bare killing by an armed force after any act as specific:
            // "troops shot dead protesters" is repression, 175)
            lex.patterns.list[m.pattern].armed,
            Reverse(m.end - m.start),
            m.start,
        )
    });
    // kept matches: core range, code, and whether it is a symmetric act with
    // its own SOURCE and TARGET ("talks between SOURCE and TARGET")
    let mut taken: Vec<(Range<usize>, String, bool)> = Vec::new();
    // kept matches whose code lets a nested symmetric act be coded (`nested`)
    let mut hosts: Vec<(Range<usize>, String)> = Vec::new();
    // tokens of intent and threat cues that kept events used
    let mut intent_cues: Vec<usize> = Vec::new();
    // actor mentions this stage adds: places standing for their country as targets
    let mut pending: Vec<dyad_doc::Mention> = Vec::new();
    // notes for --explain, formatted only when tracing
    let mut notes: Option<Vec<String>> = doc.trace.as_ref().map(|_| Vec::new());
    let mut out = Vec::new();
    // patterns flagged `armed` that coded events here
    let mut armed_ids: Vec<String> = Vec::new();
    // acts that matched but found no target ("demanded that Russia return
    // [three navy vessels]"): never events, but an appeal or demand before
    // them still takes its sub-code from them (char span, code, pattern)
    let mut targetless_contents: Vec<(Range<usize>, String, String)> = Vec::new();
    for m in &matches {
        let p = &lex.patterns.list[m.pattern];
        if p.fallback && !out.is_empty() {
            note!(
                notes,
                "dropped {} {} ({}): a fallback, and the sentence has events",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        // ("on March 20": a month is no march)
        if sa.dates.iter().any(|r| r.contains(&m.anchor)) {
            note!(
                notes,
                "dropped {} {} ({}): its key word is part of a date",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        let core = core_range(m, &sa);
        // "called off planned air strikes on Iran", "talks with China were
        // postponed": an act a `cancel` verb calls off did not happen; it
        // blocks nothing, so a pattern naming the verb ("call_off * strikes",
        // 087; "cancel * visit to", 161) codes the cancellation
        let names_cancel = || {
            p.text
                .split(|c: char| c.is_whitespace() || c == '|')
                .any(|w| lex.grammar.is(&w.replace('_', " "), WordClass::Cancel))
        };
        if let Some(k) = sa.cancelled(&core, m.anchor, m.end).filter(|_| !names_cancel()) {
            note!(
                notes,
                "dropped {} {} ({}): called off, cue {:?}",
                p.code,
                p.id,
                p.text,
                sa.toks[k].lower
            );
            continue;
        }
        if intent_cues.iter().any(|k| core.contains(k)) {
            note!(
                notes,
                "dropped {} {} ({}): its word is the intent or threat cue of a kept event",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        // ("Qatar hosted talks between the United States and the Taliban": the
        // two sides' own symmetric act nested in a kept act over both of them
        // is coded too, dict/modality.tsv `nested`)
        let nested = p.symmetric
            && m.source.is_some()
            && m.target.is_some()
            && hosts
                .iter()
                .any(|(r, code)| r.start <= m.start && m.end <= r.end && lex.modality.nested(code, &p.code));
        // (and the other way round: the act over both sides is coded around
        // their symmetric act kept first)
        let hosting = lex.modality.has_nested(&p.code);
        let blocked = taken.iter().any(|(r, code, inner)| {
            r.start < core.end
                && core.start < r.end
                && !(hosting && *inner && m.start <= r.start && r.end <= m.end && lex.modality.nested(&p.code, code))
        });
        if !nested && blocked {
            note!(
                notes,
                "dropped {} {} ({}): overlaps a more specific match",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        // "views the sanctions against Russia": a noun phrase that is the
        // object of some other verb reports no act of the clause subject
        // (but "Trump and Kim opened their summit": the coordinated subject's own)
        let their = m.start >= 1
            && sa.is(m.start - 1, WordClass::Possessive)
            && sa.main_subject(m.start).is_some_and(|g| g.len() >= 2);
        // (but "Russia said its offensive against Kharkiv ...": a possessed
        // event noun after a reporting verb is the reported clause's subject)
        let reported = m.start >= 2
            && p.possessed
            && sa.is(m.start - 1, WordClass::Possessive)
            && sa.is(m.start - 2, WordClass::Report);
        if m.source.is_none()
            && m.start >= 2
            && !their
            && !reported
            && sa.is(m.start - 1, WordClass::Det)
            && !opens_phrase(&sa, m.start - 2)
        {
            note!(
                notes,
                "dropped {} {} ({}): a noun phrase governed by another verb",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        // "Blinken said during a visit to Kyiv", "during Abiy's first visit to
        // Asmara": a visit after a `circumstance` word is where the news
        // happened, not news of its own (dict/modality.tsv `circumstance`)
        if lex.modality.circumstance(&p.code) && sa.after_circumstance(m.start) {
            note!(
                notes,
                "dropped {} {} ({}): the setting of the news, after a circumstance word",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        // "will send troops ... after two days of rioting in Honiara": an act
        // after a counted duration in an adjunct is background, not the
        // subject's (but "after two days of talks": the subject's own)
        if m.source.is_none()
            && sa.after_duration(core.start)
            && lex.codebook.get(&p.code).is_some_and(|i| i.quad_class >= 3)
        {
            note!(
                notes,
                "dropped {} {} ({}): background after a counted duration",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        if sa.after_long_span(core.start) {
            note!(
                notes,
                "dropped {} {} ({}): history, in a clause after a long span",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        if m.source.is_none() && sa.modifying_participle(core.start) {
            note!(
                notes,
                "dropped {} {} ({}): its verb is a participle modifying the actor after it",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        // "condemned Pelosi's visit to Taiwan", "in retaliation for her visit":
        // a possessed event noun governed by a verb or a preposition is what
        // the sentence is about, not an act it reports
        // (but "Kim and Trump shook hands at the start of their summit": the
        // coordinated subject's own joint event)
        let joint = (lex.modality.mutual(&p.code) || lex.modality.mutual_open(&p.code))
            && sa.main_subject(m.start).is_some_and(|g| g.len() >= 2);
        if m.source.is_none() && !joint && sa.possessed_and_governed(m.start) {
            note!(
                notes,
                "dropped {} {} ({}): a possessed noun phrase governed by another word",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        // "Turkey shot down [a Russian warplane]": an agent noun that is
        // another pattern's target is not itself an act ("warplane * TARGET")
        if m.source.is_none() {
            if let Some(a) = sa.covering(core.start) {
                let object = matches.iter().any(|o| {
                    !std::ptr::eq(o, m)
                        && o.target
                            .as_ref()
                            .is_some_and(|t| t.start <= sa.actors[a].0.start && sa.actors[a].0.end <= t.end)
                });
                if object {
                    note!(
                        notes,
                        "dropped {} {} ({}): its words are the object of another verb",
                        p.code,
                        p.id,
                        p.text
                    );
                    continue;
                }
            }
        }
        // "Russia's annexation of Crimea was condemned by the U.N.": a possessed
        // act whose possessor is the target of a reaction to it
        // (dict/modality.tsv `reaction`) is that reaction's topic
        if m.source.is_none() {
            if let Some(owner) = sa.possessor_before(core.start) {
                let reacted = matches.iter().any(|o| {
                    !std::ptr::eq(o, m)
                        && lex.modality.reaction(&lex.patterns.list[o.pattern].code)
                        && o.target.as_ref().is_some_and(|t| {
                            owner
                                .iter()
                                .any(|&a| t.start <= sa.actors[a].0.start && sa.actors[a].0.end <= t.end)
                        })
                });
                if reacted {
                    note!(
                        notes,
                        "dropped {} {} ({}): its possessor is the target of a reaction to it",
                        p.code,
                        p.id,
                        p.text
                    );
                    continue;
                }
            }
        }
        // sources
        // ("Fakhrizadeh was assassinated near Tehran": a pattern whose optional
        // SOURCE slot found no agent has none; the subject is the target)
        let agentless = m.source.is_none() && p.elems.iter().any(|e| matches!(e, dyad_lexicon::Elem::Source(true)));
        let sources: Vec<usize> = match &m.source {
            // ("its attack on the rebels killed 20 fighters": an actor after a
            // `goal` preposition before the verb is the object of an act, no subject)
            Some(r) if r.end <= m.anchor => sa
                .in_range(r)
                .into_iter()
                .filter(|&a| {
                    let s = sa.skip_dets_back(sa.actors[a].0.start);
                    !(sa.after_preposition(a) && sa.toks[s - 1].lower != "by")
                })
                .collect(),
            Some(r) => sa.in_range(r),
            None if agentless => Vec::new(),
            // ("Russia's attack on Ukraine": pattern flag `possessed`, an event
            // noun whose source is only ever its possessor)
            // ("Russia said its offensive against Kharkiv ...": a possessive
            // determiner stands for the actor the search below finds)
            None if p.possessed && !sa.pronoun_possessed(core.start) => {
                sa.possessor_before(core.start).unwrap_or_default()
            }
            None => sa
                .reporter_subject(core.start)
                .or_else(|| sa.reduced_passive_agent(&core))
                .or_else(|| sa.passive_agent_inside(&core, m.end))
                .or_else(|| sa.coordinated_verb_subject(core.start))
                .or_else(|| sa.participle_subject(core.start))
                .or_else(|| sa.opening_participle_subject(core.start))
                .or_else(|| sa.pronoun_subject(core.start))
                .or_else(|| sa.pair_subject(core.start))
                .or_else(|| sa.relative_subject(core.start))
                .or_else(|| sa.across_relative(core.start))
                .or_else(|| sa.phrase_subject(core.start))
                .or_else(|| sa.own_words_at_clause_start(core.start))
                .or_else(|| sa.possessor_before(core.start))
                .or_else(|| sa.subject_before(core.start))
                .or_else(|| sa.agent_after(core.end))
                .or_else(|| sa.speaker_after(core.end))
                // the pattern's own words name the actor: "the International
                // Criminal Court * investigate", "suicide bomber * attack"
                .or_else(|| sa.covering(core.start).map(|a| vec![a]))
                .unwrap_or_default(),
        };
        // (troops or police landing somewhere pay no visit: dict/modality.tsv `envoy`)
        let sources: Vec<usize> = sources
            .into_iter()
            .filter(|&a| lex.modality.envoy_allows(&p.code, sa.doc_actor(a).sector.as_deref()))
            // (a bare "killed" is an act of force only by troops, police or
            // rebels: dict/modality.tsv `armed-force`)
            .filter(|&a| {
                !p.armed
                    || lex
                        .modality
                        .armed_force(sa.doc_actor(a).sector.as_deref().unwrap_or("-"))
            })
            .collect();
        let exclude = &sources[..];
        let mut targets: Vec<usize> = match &m.target {
            Some(r) if r.len() == 1 && sa.covering(r.start).is_none() && sa.is(r.start, WordClass::Pronoun) => {
                // ("warned Israel and Hamas ..., and warned them": "them"
                // stands for the whole coordination)
                match sa.antecedent(r.start, exclude, lex.modality.home_object(&p.code)) {
                    // (one per country: "Assad and his family ... granted them
                    // asylum" is one grant to Syrians)
                    Some(a) if sa.is(r.start, WordClass::PluralPronoun) => {
                        let mut seen: Vec<Option<&str>> = Vec::new();
                        sa.group_left(a)
                            .into_iter()
                            .filter(|g| !exclude.contains(g))
                            .filter(|&g| {
                                let c = sa.country(g);
                                let new = c.is_none() || !seen.contains(&c);
                                seen.push(c);
                                new
                            })
                            .collect()
                    }
                    found => found.into_iter().collect(),
                }
            }
            Some(r) => sa.in_range(r).into_iter().filter(|a| !exclude.contains(a)).collect(),
            None if m.target_missing => {
                let found = sa
                    .object_relative(core.start, exclude)
                    .unwrap_or_else(|| sa.missing_target(m, core.end, exclude, lex.modality.place_target(&p.code)));
                if found.is_empty() && m.word_missing {
                    sa.late_target(p, m.end, exclude).unwrap_or_default()
                } else {
                    found
                }
            }
            // a fallback statement is about the reported clause's first actor
            // ("said that relations with Greece ..."), never a pronoun's
            None if p.fallback => sa.first_actor_after(m.end, exclude).unwrap_or_default(),
            // "Sudan's army and the RSF agreed to a ceasefire brokered by Saudi
            // Arabia": the agent of a passive after a coordinated subject's
            // cooperative act is no target; the act is mutual
            None if sources.len() >= 2
                && !p.has_target_slot()
                && lex.modality.mutual(&p.code)
                && sa.object_after(m.end, exclude).is_some_and(|g| {
                    let start = sa.actors[g[0]].0.start;
                    start > 0 && sa.toks[start - 1].lower == "by"
                }) =>
            {
                Vec::new()
            }
            None => sa
                .object_after(m.end, exclude)
                // ("Truckers protesting against vaccine mandates blocked the
                // bridge between Canada and the United States": a participle
                // right after its subject ends at the main verb)
                .filter(|g| {
                    let participle = toks[core.start].lower.ends_with("ing") && sa.at_end(core.start).is_some();
                    let start = sa.actors[g[0]].0.start;
                    !participle
                        || !(m.end..start).any(|k| {
                            let w = &toks[k];
                            w.lower.len() > 4
                                && w.lower.ends_with("ed")
                                && sa.covering(k).is_none()
                                && !sa.cls[k].function_word()
                                && !sa.is(k - 1, WordClass::Det)
                                && !sa.auxiliary(k - 1)
                        })
                })
                // "Ukraine received aid from SOURCE", "drew condemnation from
                // SOURCE": a pattern naming its source after the verb acts on
                // the clause subject
                .or_else(|| {
                    m.source
                        .as_ref()
                        .filter(|r| r.start >= core.start && !lex.modality.targetless(&p.code))
                        .and_then(|_| {
                            // "..., drawing criticism from X": a participle after a comma
                            // reacts to the main clause's subject, not its object
                            // (and "in a deal brokered by the UAE" acts on the main
                            // clause's subject, the parties: dict/modality.tsv `parties`)
                            if core.start > 0 && sa.toks[core.start - 1].lower == "," || lex.modality.parties(&p.code) {
                                sa.main_subject(core.start)
                            } else {
                                sa.subject_before(core.start)
                            }
                        })
                        .map(|g| g.into_iter().filter(|a| !exclude.contains(a)).collect())
                })
                .unwrap_or_default(),
        };
        // "summoned the ambassadors of Britain and Canada": an actor phrase
        // holding the pattern's own word, coordinated with the TARGET, is a
        // target too
        if m.target.as_ref().is_some_and(|r| !r.is_empty() && !m.target_missing) {
            if let Some(&first) = targets.iter().min_by_key(|&&a| sa.actors[a].0.start) {
                let own_word = |a: usize| {
                    let r = &sa.actors[a].0;
                    r.start < core.end && core.start < r.end
                };
                let left: Vec<usize> = sa
                    .group_left(first)
                    .into_iter()
                    .filter(|&a| a != first && !exclude.contains(&a) && !targets.contains(&a))
                    .collect();
                if left.iter().any(|&a| own_word(a)) {
                    targets.splice(0..0, left);
                }
            }
        }
        // "condemned Russia's invasion of Ukraine": a reaction to a possessed
        // act is aimed at its possessor, who did it, not at the act's own
        // object (dict/modality.tsv `reaction`)
        if lex.modality.reaction(&p.code) && !m.target_missing {
            if let Some(r) = m.target.as_ref().filter(|r| r.start > core.start) {
                let owner = (0..sa.actors.len()).find(|&a| {
                    let ar = &sa.actors[a].0;
                    ar.start >= core.start
                        && ar.end < r.start
                        && sa.possessive(a)
                        && !exclude.contains(&a)
                        && !targets.contains(&a)
                        && sa
                            .country(a)
                            .is_none_or(|c| !exclude.iter().any(|&x| sa.country(x) == Some(c)))
                });
                if let Some(a) = owner {
                    note!(
                        notes,
                        "{} {}: the reaction is aimed at the act's possessor",
                        p.code,
                        p.id
                    );
                    targets = vec![a];
                }
            }
        }
        // "..., and South Korean forces returned fire": force used in return
        // with no target named answers the sentence's other side (grammar `retort`)
        if targets.is_empty()
            && !sources.is_empty()
            && (m.start..m.end).any(|k| sa.is(k, WordClass::Retort))
            && lex.codebook.get(&p.code).is_some_and(|i| i.quad_class >= 4)
        {
            targets.extend(sa.retort_target(exclude));
        }
        // "Modi telephoned Putin and appealed for an end to violence": an
        // appeal or demand with no target named after a contact with someone
        // is addressed to them (dict/modality.tsv `interlocutor`; not a bare
        // verb whose words went missing: "on what he called a peace mission")
        if let Some(contact) = lex
            .modality
            .interlocutor(&p.code)
            .filter(|_| targets.is_empty() && !sources.is_empty() && !m.word_missing)
        {
            let contacted = |a: usize| {
                let r = &sa.actors[a].0;
                matches.iter().any(|c| {
                    lex.patterns.list[c.pattern].code.starts_with(contact)
                        && c.target.as_ref().is_some_and(|t| t.start <= r.start && r.end <= t.end)
                })
            };
            targets.extend(
                (0..sa.actors.len())
                    .rev()
                    .filter(|&a| sa.actors[a].0.end <= core.start && !exclude.contains(&a))
                    .filter(|&a| {
                        sa.country(a)
                            .is_none_or(|c| exclude.iter().all(|&s| sa.country(s) != Some(c)))
                    })
                    .find(|&a| contacted(a)),
            );
        }
        // "Pakistan and India agreed to a ceasefire", "Biden and Putin held
        // talks": each with the other; a pattern that wants a TARGET allows
        // this only when it is symmetric
        // "accused each other", "each side accusing the other": a reciprocal
        // target makes any act mutual
        // (and a pattern with no TARGET that holds "each other" in its own
        // words: "accused each other of shelling", line 10749)
        let reciprocal = (m.target_missing && sa.reciprocal_at(m.end))
            || (!p.has_target_slot() && (m.start..m.end.saturating_sub(1)).any(|k| sa.reciprocal_at(k)));
        let mutual = targets.is_empty()
            && m.target.is_none()
            && sources.len() >= 2
            && (p.symmetric
                || reciprocal
                || lex.modality.mutual_open(&p.code)
                || (!m.target_missing && lex.modality.mutual(&p.code)));
        // (not "battle tanks": a loose match followed by a plain word is a
        // modifier in a compound noun, not an act)
        let date_at = |k: usize| sa.dates.iter().any(|r| r.contains(&k));
        // (but "negotiations mediated by the African Union": a `mediator`
        // participle after the noun is no compound)
        let compound = m.target_missing
            && sa.toks.get(m.end).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && !t.capitalized
                    && !sa.cls[m.end].function_word()
                    && !date_at(m.end)
                    && !sa.cls[m.end].lower_is(WordClass::Mediator)
            });
        // (nor "their trade dispute": a conflict noun after a determiner is
        // background, not something the two did to each other)
        let determined = (1..=3).any(|k| {
            m.start >= k
                && (sa.is(m.start - k, WordClass::Det) || sa.is(m.start - k, WordClass::Possessive))
                && (m.start - k + 1..m.start).all(|j| {
                    let t = &sa.toks[j];
                    t.kind == TokenKind::Word
                        && !t.capitalized
                        && !sa.cls[j].function_word()
                        && sa.covering(j).is_none()
                })
        });
        let background = m.target_missing && determined && lex.codebook.get(&p.code).is_some_and(|i| i.quad_class >= 3);
        // (nor "after 11 days of fighting", "in exchange for prisoners", ",
        // creating the largest trading zone": a symmetric act that lost its
        // TARGET inside a prepositional phrase or a participle clause is not
        // what the coordinated subject did to each other)
        let embedded = m.target_missing && !lex.modality.mutual_open(&p.code) && sa.embedded(m.start);
        let mutual = mutual && (reciprocal || (!compound && !background && !embedded));
        if mutual {
            targets = sources.clone();
        }
        // "shelled the city of Kharkiv", "struck targets in the Gaza Strip":
        // for attacks and aid, a place named after the act stands for its country
        let mut place_target = None;
        // "arrived in Kyiv": the TARGET slot holds a place, which stands for its country
        // (a passive's subject holding only a place, "villagers in eastern Syria
        // were massacred by", does so only for the acts that may hit a place)
        let before_verb = m.target.as_ref().is_some_and(|r| r.end <= m.anchor);
        if let Some(r) = m
            .target
            .as_ref()
            .filter(|_| targets.is_empty() && !sources.is_empty())
            .filter(|_| !before_verb || lex.modality.place_target(&p.code))
            // (not for acts on people: "captured Bakhmut" is no arrest)
            .filter(|_| !lex.modality.persons(&p.code))
        {
            if let Some(place) = place_after(&doc.mentions, in_sentence, base + r.start, base + r.end) {
                // "recalled its ambassadors from Washington and Canberra": the
                // actors coordinated with the place are targets too
                let end = place.tokens.end - base;
                // (not after a bare comma: "After warplanes hit targets inside
                // Pakistan, U.N. chief Guterres called ...")
                if toks.get(end).is_some_and(|t| t.lower == "and" || t.lower == "or") {
                    if let Some(a) = sa.at_start(sa.skip_dets(end + 1)) {
                        targets = sa.group_right(a).into_iter().filter(|x| !exclude.contains(x)).collect();
                    }
                }
                place_target = Some(doc.mentions.len() + pending.len());
                pending.push(place);
            }
        }
        // (not for a passive without its agent: "will be held in Russia's Yekaterinburg")
        let passive = core.start > 0 && sa.is(core.start - 1, WordClass::Auxiliary);
        // (a match that lost its final TARGET takes a place only where the
        // target would stand: "shelled [the city of] Kharkiv")
        if place_target.is_none()
            && targets.is_empty()
            && !mutual
            && !passive
            && !sources.is_empty()
            && lex.modality.place_target(&p.code)
        {
            let window = if m.target_missing {
                LOOSE_PLACE_WINDOW
            } else {
                PLACE_TARGET_WINDOW
            };
            let from = m.end.max(core.end);
            let reachable = |place: &Mention| {
                !m.target_missing
                    || (from..place.tokens.start - base)
                        .all(|k| sa.skippable(k) && !sa.is(k, WordClass::Prep) || sa.toks[k].lower == "of")
            };
            if let Some(place) = place_after(&doc.mentions, in_sentence, base + core.end, base + from + window)
                .filter(|pl| reachable(pl))
            {
                place_target = Some(doc.mentions.len() + pending.len());
                pending.push(place);
            }
        }
        // "declared a state of emergency", "imposed a curfew": a domestic act
        // whose target is the source's own country
        if place_target.is_none()
            && targets.is_empty()
            && !mutual
            && !p.has_target_slot()
            && lex.modality.self_target(&p.code)
        {
            if let Some(&src) = sources.first() {
                let m = &doc.mentions[sa.actors[src].1];
                if let Some(country) = m.actor().and_then(|a| a.country.clone()) {
                    place_target = Some(doc.mentions.len() + pending.len());
                    pending.push(dyad_doc::Mention {
                        kind: MentionKind::Actor(Actor {
                            code: country.clone(),
                            country: Some(country),
                            sector: None,
                            name: None,
                        }),
                        entry: format!("{}+context:own-country", m.entry),
                        ..m.clone()
                    });
                }
            }
        }
        // "security forces detained dozens", "police rounded up hundreds",
        // "arrested more than 100": a bare count as the object of repression
        // is people of the country where it happens, else of the source's
        // own country (dict/modality.tsv `crowd`)
        let mut crowd = false;
        if place_target.is_none() && targets.is_empty() && !mutual && m.target_missing {
            if let (Some(sector), Some(&src)) = (lex.modality.crowd(&p.code), sources.first()) {
                let m0 = &doc.mentions[sa.actors[src].1];
                // (of the country where it happens: "Israeli troops detained
                // dozens in the West Bank" are Palestinians)
                let country = event_place(doc, in_sentence, base + m.anchor)
                    .and_then(|pl| pl.country)
                    .or_else(|| m0.actor().and_then(|a| a.country.clone()));
                if let Some(country) = country.filter(|_| sa.bare_count(core.start, m.end)) {
                    place_target = Some(doc.mentions.len() + pending.len());
                    pending.push(dyad_doc::Mention {
                        kind: MentionKind::Actor(Actor {
                            code: format!("{country}{sector}"),
                            country: Some(country),
                            sector: Some(sector.to_string()),
                            name: None,
                        }),
                        entry: format!("{}+context:crowd", m0.entry),
                        ..m0.clone()
                    });
                    crowd = true;
                }
            }
        }
        // "Honduran soldiers ousted Zelaya, and the OAS condemned the coup": an
        // act whose object noun implies its target (pattern flag `implied`) is
        // aimed at the latest actor of the sector dict/modality.tsv `implied`
        // names, in this sentence before the act or the two before it
        if place_target.is_none() && targets.is_empty() && p.implied && !sources.is_empty() {
            if let Some(sector) = lex.modality.implied(&p.code) {
                let own: Vec<&str> = sources.iter().filter_map(|&a| sa.country(a)).collect();
                let found = (s.saturating_sub(DATE_CONTEXT)..=s)
                    .rev()
                    .flat_map(|t| by_sentence[t].iter().rev())
                    .map(|&i| &doc.mentions[i])
                    .filter(|m| m.sentence < s || m.tokens.end <= base + core.start)
                    .find(|m| {
                        m.actor().is_some_and(|a| {
                            a.sector.as_deref() == Some(sector)
                                && a.country.as_deref().is_some_and(|c| !own.contains(&c))
                        })
                    })
                    .cloned();
                if let Some(m) = found {
                    place_target = Some(doc.mentions.len() + pending.len());
                    pending.push(m);
                }
            }
        }
        // "China summoned the Canadian ambassador ..., warning of severe
        // consequences": a demand or threat in a participle after a comma,
        // with no target of its own, is aimed at the main clause's object
        if targets.is_empty()
            && place_target.is_none()
            && !sources.is_empty()
            && core.start > 0
            && toks[core.start - 1].lower == ","
            && toks[core.start].lower.ends_with("ing")
            && lex.modality.object_aimed(&p.code)
            // (a pattern written without TARGET: "warn of consequences", not
            // "warning to TARGET" that lost its own)
            && !p.has_target_slot()
        {
            let after = sources.iter().map(|&a| sa.actors[a].0.end).max().unwrap_or(0);
            let own: Vec<&str> = sources.iter().filter_map(|&a| sa.country(a)).collect();
            if let Some(a) = (0..sa.actors.len()).find(|&a| {
                let r = &sa.actors[a].0;
                r.start >= after
                    && r.end < core.start
                    && !exclude.contains(&a)
                    && sa.country(a).is_some_and(|c| !own.contains(&c))
            }) {
                targets = vec![a];
            }
        }
        // "..., a charge the Kremlin denied", "..., which Baku denied": a
        // reaction in an appositive clause is to the main clause's subject
        if targets.is_empty()
            && place_target.is_none()
            && (m.target.is_none() || m.target_missing)
            && !m.word_missing
            && lex.modality.reaction(&p.code)
        {
            // (", and Islamic State claimed responsibility" has no target: only
            // a disapproval or rejection reacts across ", and")
            let across_and = lex.modality.denial(&p.code);
            if let Some(g) = sa.appositive_target(core.start, &sources, across_and) {
                targets = g;
            }
        }
        // "massed troops near Ukraine's borders": a force posture is aimed at
        // the next actor in its clause
        if targets.is_empty() && place_target.is_none() && !p.has_target_slot() && lex.modality.aimed(&p.code) {
            let own: Vec<&str> = sources.iter().filter_map(|&a| sa.country(a)).collect();
            let foreign = |pl: &Mention| {
                pl.actor()
                    .and_then(|a| a.country.as_deref())
                    .is_some_and(|c| !own.contains(&c))
            };
            match place_after(&doc.mentions, in_sentence, base + m.start, base + m.end).filter(|pl| foreign(pl)) {
                Some(place) => {
                    place_target = Some(doc.mentions.len() + pending.len());
                    pending.push(place);
                }
                None => targets = sa.object_after(m.end, exclude).unwrap_or_default(),
            }
        }
        // a pattern written without TARGET ("claim responsibility for") codes
        // an act with no one on the receiving end, as CAMEO allows
        let targetless = targets.is_empty()
            && place_target.is_none()
            && !p.has_target_slot()
            && !p.fallback
            && !sources.is_empty()
            && lex.modality.targetless(&p.code);
        if sources.is_empty() || (targets.is_empty() && !targetless && place_target.is_none()) {
            if !sources.is_empty() {
                let span = toks[core.start].start..toks[core.end - 1].end;
                targetless_contents.push((span, p.code.clone(), p.id.clone()));
            }
            note!(
                notes,
                "dropped {} {} ({}): no {}",
                p.code,
                p.id,
                p.text,
                if sources.is_empty() {
                    "source actor"
                } else {
                    "target actor"
                }
            );
            continue;
        }
        taken.push((
            core.clone(),
            p.code.clone(),
            p.symmetric && m.source.is_some() && m.target.is_some(),
        ));
        if p.armed {
            armed_ids.push(p.id.clone());
        }
        let Cues {
            modality,
            negated,
            refused,
            cue,
            intent_at,
        } = modality(&sa, &sources, &sa.actors, cue_end(&sa, &sources, &core));
        // "would impose a tariff on Mexico unless it stopped ...": an intended
        // hostile act on a condition is a threat (CAMEO 13x)
        let (modality, cue) = match trailing_condition(&sa, core.end) {
            // (also "could cut ties with Israel if ...": a hostile act on a
            // condition is a threat whether it would or could follow)
            Some(k)
                if matches!(modality, Modality::Intended | Modality::Conditional)
                    && lex.modality.threat(&p.code).is_some()
                    && lex.codebook.get(&p.code).is_some_and(|i| i.quad_class >= 3) =>
            {
                (Modality::Threatened, Some(sa.toks[k].lower.clone()))
            }
            _ => (modality, cue),
        };
        // "Erdogan said Turkey could suspend ties with the UAE", "Turkey may cut
        // ties, Erdogan said": a hostile act that the speaker's own side may take
        // is a threat (CAMEO 13x); what others may do ("North Korea could conduct
        // a test, analysts say") stays a hypothetical (grammar `possibility`)
        let (modality, cue) = match cue {
            Some(w)
                if modality == Modality::Conditional
                    && lex.grammar.is(&w, WordClass::Possibility)
                    && lex.modality.threat(&p.code).is_some()
                    && lex.codebook.get(&p.code).is_some_and(|i| i.quad_class >= 3)
                    && sa.own_speaker(&sources, core.clone()) =>
            {
                (Modality::Threatened, Some(w))
            }
            cue => (modality, cue),
        };
        // (only an asserted act: "would host talks between ..." holds no talks)
        if lex.modality.has_nested(&p.code) && matches!(modality, Modality::Asserted) && !negated {
            hosts.push((m.start..m.end, p.code.clone()));
        }
        // "did not meet": no event; "refused to meet": a rejection (CAMEO 12x)
        let refusal_code = if refused { lex.modality.refusal(&p.code) } else { None };
        if negated && refusal_code.is_none() {
            note!(
                notes,
                "dropped {} {} ({}): negated, cue {:?}",
                p.code,
                p.id,
                p.text,
                cue.clone().unwrap_or_default()
            );
            continue;
        }
        // "could have a dialogue", "should work to boost trade", "if it attacks":
        // a hypothetical is not an event (CAMEO practice); --explain shows it
        if modality == Modality::Conditional {
            note!(
                notes,
                "dropped {} {} ({}): hypothetical, modality cue {:?}",
                p.code,
                p.id,
                p.text,
                cue.unwrap_or_default()
            );
            continue;
        }
        // ("pledged to deepen defence cooperation": the pledge is this
        // event's cue, not an intent of its own)
        if let Some(k) = intent_at.filter(|_| matches!(modality, Modality::Intended | Modality::Threatened)) {
            intent_cues.push(k);
        }
        let code = match modality {
            _ if refusal_code.is_some() => refusal_code.unwrap_or(&p.code).to_string(),
            Modality::Intended => lex.modality.intent(&p.code).unwrap_or(&p.code).to_string(),
            Modality::Threatened => lex.modality.threat(&p.code).unwrap_or(&p.code).to_string(),
            _ => p.code.clone(),
        };
        let Some(info) = lex.codebook.get(&code).or_else(|| lex.codebook.get(&p.code)) else {
            continue;
        };
        let code = if lex.codebook.get(&code).is_some() {
            code
        } else {
            p.code.clone()
        };
        let (date, date_source) = event_date(doc, by_sentence, s, base + m.anchor);
        // "Hong Kong was handed back to China in 1997", "severed ties in 2016":
        // an act dated only by a year two or more before the story is history
        let old_year = doc
            .article
            .published
            .and_then(|d| sa.old_year_near(&core, chrono::Datelike::year(&d)));
        if let (Some(year), false) = (old_year, date_source == DateSource::Text) {
            note!(
                notes,
                "dropped {} {} ({}): background, dated only by the year {year}",
                p.code,
                p.id,
                p.text
            );
            continue;
        }
        let location = event_place(doc, in_sentence, base + m.anchor).or_else(|| dateline_place.cloned());
        let span = toks[core.start].start..toks[core.end - 1].end;
        let event = |source: usize, target: Option<usize>| Event {
            sentence: s,
            source,
            target,
            cameo: code.clone(),
            goldstein: info.goldstein,
            quad_class: info.quad_class,
            plover: info.plover.clone(),
            plover_mode: info.plover_mode.clone(),
            plover_context: info.plover_context.clone(),
            negated,
            modality,
            event_span: span.clone(),
            date,
            date_source,
            location: location.clone(),
            pattern: p.id.clone(),
        };
        let emitted_before = out.len();
        if targetless || place_target.is_some() {
            // (a place of the source's own country is a target only for the
            // acts `place-target` names: "shelled villages in Idlib"; "arrived
            // in Ukraine", said of Ukraine, is no visit)
            let place_country = place_target
                .and_then(|i| pending.get(i - doc.mentions.len()))
                .and_then(|m| m.actor())
                .and_then(|a| a.country.clone());
            for &src in &sources {
                let own = place_country.is_some() && sa.doc_actor(src).country == place_country && !crowd;
                if own
                    && !lex.modality.place_target(&p.code)
                    && !lex.modality.self_target(&p.code)
                    && !lex.modality.aimed(&p.code)
                {
                    continue;
                }
                out.push(event(sa.actors[src].1, place_target));
            }
        }
        for &src in &sources {
            for &tgt in &targets {
                if src == tgt {
                    continue;
                }
                let (sm, tm) = (sa.actors[src].1, sa.actors[tgt].1);
                let (a, b) = (actor_of(doc, sm), actor_of(doc, tm));
                // "the NATO-Russia Council ... with Moscow": the compound's other member acts
                let (sm, a) = match sa.compound_partner(src) {
                    Some(other) if a.country.is_some() && a.country == b.country => {
                        (sa.actors[other].1, actor_of(doc, sa.actors[other].1))
                    }
                    _ => (sm, a),
                };
                // self-reference ("Russia ... the Russian government"), not a domestic dyad
                let bare = |x: &Actor| x.sector.is_none() && x.name.is_none();
                // (but a country's bare name never stands for its press or its
                // opposition: "Iran arrested two journalists" is a domestic dyad)
                let society = |x: &Actor| x.sector.as_deref().is_some_and(|s| lex.modality.society(s));
                // (nor, as a target, a named group of its people or its rebels:
                // "China's crackdown on Uyghurs", dict/modality.tsv `named-society`)
                let group =
                    |x: &Actor| x.name.is_some() && x.sector.as_deref().is_some_and(|s| lex.modality.named_society(s));
                // (nor its territory, which an armed group takes or strikes:
                // "M23 rebels seized the Congolese town of Bunagana",
                // dict/modality.tsv `territorial`)
                let territorial = |x: &Actor| lex.modality.territorial(&code, x.sector.as_deref());
                // (nor its unnamed people it coerces or strikes: "Myanmar's
                // crackdown on protesters", dict/modality.tsv `repression`)
                let repressed = |x: &Actor| lex.modality.repression(&code, x.sector.as_deref());
                let same = (bare(a) && !society(b) && !group(b) && !repressed(b))
                    || (bare(b) && !society(a) && !territorial(a));
                if a.code == b.code || (a.country.is_some() && a.country == b.country && same) {
                    note!(
                        notes,
                        "dropped {} {}: source and target are the same actor ({})",
                        code,
                        p.id,
                        a.code
                    );
                    continue;
                }
                out.push(event(sm, Some(tm)));
                // (an intention or threat is only the speaker's: "Bahrain
                // agreed to establish relations with Israel")
                if p.symmetric && !mutual && !matches!(modality, Modality::Intended | Modality::Threatened) {
                    out.push(event(tm, Some(sm)));
                }
            }
        }
        // "Pashinyan and Aliyev met in Brussels": a meeting in a country
        // neither side belongs to is CAMEO's meeting at a third location
        // (the dateline's city when the sentence names no place: "HELSINKI -
        // ... after a summit with Putin")
        // (not a place inside an infinitive after the verb: "met Qureshi on
        // Monday to discuss the situation in Afghanistan" is no meeting there)
        let topic_place = |pl: &Place| {
            in_sentence
                .iter()
                .map(|&i| &doc.mentions[i])
                .find(|mm| matches!(&mm.kind, MentionKind::Place(q) if q == pl))
                .is_some_and(|mm| {
                    let at = mm.tokens.start.saturating_sub(base);
                    (core.end..at.min(toks.len())).any(|k| {
                        toks[k].lower == "to"
                            && toks.get(k + 1).is_some_and(|n| {
                                n.kind == TokenKind::Word && !n.capitalized && !sa.cls[k + 1].function_word()
                            })
                    })
                })
        };
        let venue = event_place(doc, in_sentence, base + m.anchor)
            .filter(|pl| !topic_place(pl))
            .or_else(|| dateline_place.cloned())
            .and_then(|pl| pl.country);
        if let (Some(venue), Some((third, info))) = (
            venue,
            lex.modality
                .venue(&code)
                .and_then(|c| lex.codebook.get(c).map(|info| (c, info))),
        ) {
            for e in &mut out[emitted_before..] {
                let country = |m: Option<usize>| {
                    m.and_then(|m| doc.mentions.get(m))
                        .and_then(|m| m.actor())
                        .and_then(|a| a.country.clone())
                };
                let (a, b) = (country(Some(e.source)), country(e.target));
                if a.is_some()
                    && b.is_some()
                    && a.as_deref() != Some(venue.as_str())
                    && b.as_deref() != Some(venue.as_str())
                {
                    note!(
                        notes,
                        "recoded {} {} as {third}: a meeting in {venue}, neither side's country",
                        e.cameo,
                        p.id
                    );
                    set_code(e, third, info);
                }
            }
        }
        // "Assad visited the UAE": the host hosts the visit too (042 <-> 043)
        if let Some((converse, info)) = lex
            .modality
            .converse(&code)
            .and_then(|c| lex.codebook.get(c).map(|info| (c, info)))
            .filter(|_| !p.symmetric && !mutual)
        {
            let reversed: Vec<Event> = out[emitted_before..]
                .iter()
                .filter_map(|e| {
                    let mut r = e.clone();
                    r.source = e.target?;
                    r.target = Some(e.source);
                    set_code(&mut r, converse, info);
                    Some(r)
                })
                .collect();
            if !reversed.is_empty() {
                note!(notes, "added {converse} {}: the same event seen from its target", p.id);
            }
            out.extend(reversed);
        }
        if out.len() == emitted_before {
            // every pair was an actor with itself: leave the words to other patterns
            taken.pop();
            continue;
        }
        note!(
            notes,
            "kept {code} {} ({}){}",
            p.id,
            p.text,
            cue.map(|c| format!(", modality cue {c:?}")).unwrap_or_default()
        );
    }
    // "Egypt urged Israel and Hamas to agree to a truce": what an appeal,
    // demand, rejection or threat asks for is its content, not an event
    let governors: Vec<usize> = (0..out.len())
        .filter(|&i| lex.modality.governs(&out[i].cameo))
        .collect();
    // (not past a new clause: "..., who was detained by Russia's FSB", "; ...",
    // nor a temporal one: "urged restraint after Pakistan shot down two jets")
    let clause_break = |from: usize, to: usize| {
        (1..toks.len()).any(|k| {
            toks[k].start >= from
                && toks[k].end <= to
                && (toks[k].lower == ";"
                    || (sa.is(k, WordClass::Relative) && toks[k - 1].lower == ",")
                    // (", and ordered a freeze on ...": a new verb of the subject's)
                    || (k >= 2
                        && toks[k - 2].lower == ","
                        && toks[k - 1].lower == "and"
                        && sa.covering(k).is_none()
                        && !sa.cls[k].function_word()
                        && toks[k].lower.len() > 4
                        && toks[k].lower.ends_with("ed"))
                    // ("..., as national police used batons": a clause with its
                    // own subject)
                    || (sa.cls[k].lower_is(WordClass::Simultaneous) && {
                        let j = sa.skip_dets(k + 1);
                        sa.at_start(j).or_else(|| sa.after_modifiers(j)).is_some()
                    })
                    // ("accused Ukraine of ... and said it reserved the right to
                    // retaliate": a new report of the subject's)
                    || (toks[k - 1].lower == "and" && sa.covering(k).is_none() && sa.is(k, WordClass::Report))
                    // (", and Pashinyan was detained by police", "but lawmakers
                    // voted": a new subject and its verb)
                    || (k >= 2
                        && (toks[k - 1].lower == "but" || toks[k - 2].lower == "," && toks[k - 1].lower == "and")
                        && {
                        let j = sa.skip_dets(k);
                        sa.at_start(j).or_else(|| sa.after_modifiers(j)).is_some_and(|a| {
                            let end = sa.actors[a].0.end;
                            sa.auxiliary(end)
                                || toks.get(end).is_some_and(|t| {
                                    t.lower.len() > 4 && t.lower.ends_with("ed") && !sa.cls[end].function_word()
                                })
                        })
                    })
                    // (", and hundreds of them stormed ...": a new subject)
                    || (k >= 2
                        && toks[k - 2].lower == ","
                        && sa.is(k - 1, WordClass::Conj)
                        && sa.covering(k).is_none()
                        && (sa.is(k, WordClass::Pronoun) || sa.is(k, WordClass::Quantity) && !sa.is(k, WordClass::Prep)))
                    // ("before" looks ahead, "to ease sanctions before Pyongyang
                    // gives up its weapons", unless counted back from: "hours
                    // before the Security Council voted sanctions")
                    || (sa.is(k, WordClass::Temporal)
                        && (toks[k].lower != "before"
                            || sa.cls[k - 1].lower_is(WordClass::Duration)
                            || sa.cls[k - 1].lower_is(WordClass::Proximity))))
        })
    };
    // (nor a verbal act in a participle after a comma: "demanded that China
    // buy more farm goods, accusing Beijing of ...", "..., warning of severe
    // consequences": the governor's subject says something new)
    let said_after_comma = |e: &Event| {
        toks.iter()
            .position(|t| t.start == e.event_span.start)
            .is_some_and(|k| {
                k > 0 && toks[k - 1].lower == "," && toks[k].lower.ends_with("ing") && lex.modality.verbal(&e.cameo)
            })
    };
    // each event's governor: the nearest appeal, demand, ... before it
    let find_governed = |out: &[Event]| -> Vec<Option<usize>> {
        out.iter()
            .map(|e| {
                // (nor past ", and" when the later event names its own source after
                // it: "X called on Assad to step down, and the leaders of Britain urged him")
                let own_subject = |ge: usize| {
                    // (a source this stage added, a place standing for its country,
                    // is in `pending`)
                    let Some(src) = doc
                        .mentions
                        .get(e.source)
                        .or_else(|| pending.get(e.source - doc.mentions.len()))
                        .map(|m| m.span.start)
                    else {
                        return false;
                    };
                    (1..toks.len().saturating_sub(1)).any(|k| {
                        toks[k].lower == ","
                            && sa.is(k + 1, WordClass::Conj)
                            && toks[k].start >= ge
                            && toks[k].end <= src
                            && src < e.event_span.start
                    })
                };
                governors.iter().rev().copied().find(|&g| {
                    let (gs, ge) = (out[g].event_span.start, out[g].event_span.end);
                    let asks_for = !lex.modality.governs_only_content(&out[g].cameo)
                        || lex.modality.content(&out[g].cameo, &e.cameo).is_some();
                    // (nor a participle describing its subject, "protesters demanding
                    // his resignation stormed ...": the subject's main verb is no content)
                    let participle = out[g].source == e.source
                        && toks
                            .iter()
                            .position(|t| t.start == gs)
                            .is_some_and(|k| k > 0 && toks[k].lower.ends_with("ing") && sa.at_end(k).is_some());
                    // (a protest's participle is still what it is for: "rallied
                    // ..., demanding his resignation")
                    let protest = out[g].cameo.starts_with("14");
                    // ("Demanding that Israel free 50 prisoners, Palestinian gunmen
                    // seized the ship": an opening participle's content ends where
                    // the main clause's subject starts)
                    let opening = toks
                        .iter()
                        .position(|t| t.start == gs)
                        .is_some_and(|k| k == sa.body_start && toks[k].lower.ends_with("ing"))
                        && (1..toks.len()).any(|k| {
                            toks[k - 1].lower == ","
                                && toks[k - 1].start >= ge
                                && toks[k].end <= e.event_span.start
                                && {
                                    let j = sa.skip_dets(k);
                                    sa.at_start(j).or_else(|| sa.after_modifiers(j)).is_some()
                                }
                        });
                    asks_for
                        && !participle
                        && !opening
                        && (protest || !said_after_comma(e))
                        && ge <= e.event_span.start
                        && gs < e.event_span.start
                        && !clause_break(ge, e.event_span.end)
                        && !own_subject(ge)
                })
            })
            .collect()
    };
    let mut governed_by = find_governed(&out);
    // "demanded that Russia withdraw its forces": a plain appeal or demand
    // takes its CAMEO sub-code from what it asks for (100 + 0874 -> 1056)
    for (i, g) in governed_by.iter().enumerate() {
        let Some(g) = *g else { continue };
        let content = out[i].cameo.clone();
        if let Some(was) = refine_by_content(lex, &mut out[g], &content) {
            note!(
                notes,
                "recoded {was} {} as {}: it asks for {content} ({})",
                out[g].pattern,
                out[g].cameo,
                out[i].pattern
            );
        }
    }
    // (the same for acts with no target, when nothing coded refined the
    // governor; the nearest act first)
    targetless_contents.sort_by_key(|(span, _, _)| span.start);
    for (span, content, pattern) in &targetless_contents {
        let governor = governors.iter().rev().copied().find(|&g| {
            let (gs, ge) = (out[g].event_span.start, out[g].event_span.end);
            let asks_for = !lex.modality.governs_only_content(&out[g].cameo)
                || lex.modality.content(&out[g].cameo, content).is_some();
            asks_for && ge <= span.start && gs < span.start && !clause_break(ge, span.end)
        });
        let Some(g) = governor else { continue };
        if let Some(was) = refine_by_content(lex, &mut out[g], content) {
            note!(
                notes,
                "recoded {was} {} as {}: it asks for {content} ({pattern}), an act with no target",
                out[g].pattern,
                out[g].cameo
            );
        }
    }
    // ("took to the streets ..., calling for the prime minister to step down":
    // an appeal or demand just refined by what it asks for, 020 -> 0241, is in
    // turn the content of the protest before it, 141 -> 1411)
    let again = find_governed(&out);
    for (i, g) in again.iter().enumerate() {
        let Some(g) = *g else { continue };
        if governed_by[i].is_some() {
            continue;
        }
        let content = out[i].cameo.clone();
        if let Some(was) = refine_by_content(lex, &mut out[g], &content) {
            note!(
                notes,
                "recoded {was} {} as {}: it asks for {content} ({}), itself refined by what it asks for",
                out[g].pattern,
                out[g].cameo,
                out[i].pattern
            );
            governed_by[i] = Some(g);
        }
    }
    let governed: Vec<bool> = governed_by.iter().map(Option::is_some).collect();
    drop_marked(
        &mut out,
        &governed,
        &mut notes,
        "the content of an appeal, demand or threat",
    );
    // "A suicide bomber killed 22 people ..., and Islamic State claimed
    // responsibility": the claimant is the perpetrator of the sentence's
    // violence done by unnamed attackers (gunmen, a suicide bomber)
    if let Some(claimant) = out.iter().find(|e| lex.modality.claim(&e.cameo)).map(|e| e.source) {
        for e in out.iter_mut() {
            let unnamed =
                doc.mentions.get(e.source).and_then(|m| m.actor()).is_some_and(|a| {
                    a.name.is_none() && lex.modality.unnamed_attacker(a.sector.as_deref().unwrap_or(""))
                });
            if unnamed && lex.modality.place_target(&e.cameo) && e.source != claimant {
                note!(
                    notes,
                    "{} {}: the source is the group that claimed it",
                    e.cameo,
                    e.pattern
                );
                e.source = claimant;
            }
        }
    }
    // "shelled Kharkiv overnight, killing three civilians": a participle
    // after a comma reports a consequence of the act before it by the same
    // source, which CAMEO codes once
    let consequence = |e: &Event| {
        let Some(k) = toks.iter().position(|t| t.start == e.event_span.start) else {
            return false;
        };
        // (a verbal act is no toll: "demanded ..., accusing Beijing of ...")
        let verbal = lex.modality.verbal(&e.cameo);
        let participle = k > 0
            && !verbal
            && toks[k - 1].lower == ","
            && toks[k].lower.ends_with("ing")
            && out
                .iter()
                // (of the same kind: ", accusing it of ..." after cutting ties is a
                // second act, ", killing three" after shelling is the shelling's toll)
                .any(|o| o.source == e.source && o.quad_class == e.quad_class && o.event_span.end <= toks[k - 1].start);
        // "killed 30 militants in an attack on their camp": an event noun in
        // a prepositional phrase after an act of the same root restates it
        let restated = k >= 2
            && sa.is(k - 1, WordClass::Det)
            && sa.is(k - 2, WordClass::Prep)
            && out
                .iter()
                .any(|o| o.cameo.get(..2) == e.cameo.get(..2) && o.event_span.end <= toks[k - 2].start);
        participle || restated
    };
    let dropped: Vec<bool> = out.iter().map(consequence).collect();
    drop_marked(&mut out, &dropped, &mut notes, "a consequence of an earlier act");
    // "commended Ethiopia and Eritrea for signing a declaration", "was
    // arrested for collaborating with Israel": a gerund after a `cause` word
    // is the reason for another act, not an act the sentence reports (left
    // until now so an appeal "for imposing sanctions" took its content first;
    // a statement or stated intent, modality `stated`, is still reported:
    // "thanked China for expressing support for Italy")
    let reason = |e: &Event| {
        toks.iter()
            .position(|t| t.start == e.event_span.start)
            .is_some_and(|k| {
                k > 0
                    && sa.is(k - 1, WordClass::Cause)
                    && toks[k].lower.ends_with("ing")
                    // ("are guilty of violating the ceasefire": a `verdict`
                    // word before it finds the act was done)
                    && !(k > 1 && sa.is(k - 2, WordClass::Verdict))
            })
            && !lex.modality.stated(&e.cameo)
    };
    let dropped: Vec<bool> = out.iter().map(reason).collect();
    drop_marked(&mut out, &dropped, &mut notes, "the reason for another act");
    // one event per dyad and code in a sentence ("met ... the first
    // high-level contact"): the first, most specific, stands
    let code_of = |m: Option<usize>| -> Option<(String, Option<String>)> {
        let m = m?;
        let mention = doc.mentions.get(m).or_else(|| pending.get(m - doc.mentions.len()))?;
        mention.actor().map(|a| (a.code.clone(), a.name.clone()))
    };
    // (two mentions of one actor, one named and one not, are the same
    // actor: "Prime Minister Ariel Henry and his cabinet asked ...")
    type Side = Option<(String, Option<String>)>;
    // (nor are "Armenia" and "Armenian soldiers" in one sentence's dyad of
    // one code: the country's code is a prefix of its sector's)
    // (when the words are the same, `nested`)
    let same = |a: &Side, b: &Side, nested: bool| match (a, b) {
        (Some((ca, na)), Some((cb, nb))) => {
            let prefix = ca.len() >= 3 && cb.len() >= 3 && (ca.starts_with(cb.as_str()) || cb.starts_with(ca.as_str()));
            (ca == cb || (nested && prefix)) && (na == nb || na.is_none() || nb.is_none())
        }
        (None, None) => true,
        _ => false,
    };
    // "Israeli troops killed three militants in an air strike ...": a bare
    // killing (a pattern flagged `armed`) by a source that also does a more
    // specific act of violence in the sentence is that act, coded once
    let bare = |e: &Event| armed_ids.contains(&e.pattern);
    let redundant: Vec<bool> = out
        .iter()
        .map(|e| {
            bare(e)
                && out.iter().any(|o| {
                    !bare(o)
                        && lex.modality.violence(&o.cameo)
                        && same(&code_of(Some(o.source)), &code_of(Some(e.source)), true)
                })
        })
        .collect();
    drop_marked(
        &mut out,
        &redundant,
        &mut notes,
        "a bare killing restated by a more specific act of violence",
    );
    // "Israel and Hamas resumed Qatari-mediated talks", "a U.S.-brokered
    // ceasefire between Armenia and Azerbaijan": the name before a `mediator`
    // participle (dict/grammar.tsv) mediates the act over two sides that its
    // noun heads, with each side (dict/modality.tsv `mediated`)
    let mut mediations = Vec::new();
    for &i in in_sentence {
        let m = &doc.mentions[i];
        if !m.entry.ends_with(crate::mentions::MEDIATOR_MARK) {
            continue;
        }
        let Some(mediator) = m.actor() else { continue };
        // the participle and the noun phrase it opens ("talks", "peace talks")
        let end = doc.sentences[s].tokens.end;
        let head = m.tokens.end + 2;
        if head >= end {
            continue;
        }
        let reach = doc.tokens[m.tokens.end].start..doc.tokens[(head + 3).min(end) - 1].end;
        for e in &out {
            let Some(target) = e.target else { continue };
            let within = e.event_span.start < reach.end && reach.start < e.event_span.end;
            if !within || e.negated || e.modality != Modality::Asserted {
                continue;
            }
            let Some((code, info)) = lex
                .modality
                .mediated(&e.cameo)
                .and_then(|c| lex.codebook.get(c).map(|info| (c, info)))
            else {
                continue;
            };
            for side in [e.source, target] {
                let other = doc
                    .mentions
                    .get(side)
                    .or_else(|| pending.get(side - doc.mentions.len()));
                if other
                    .and_then(|o| o.actor())
                    .is_none_or(|a| a.code == mediator.code || a.country.is_some() && a.country == mediator.country)
                {
                    continue;
                }
                let mut r = e.clone();
                r.source = i;
                r.target = Some(side);
                r.pattern = format!("{}{}", e.pattern, crate::mentions::MEDIATOR_MARK);
                set_code(&mut r, code, info);
                mediations.push(r);
            }
        }
    }
    if !mediations.is_empty() {
        note!(
            notes,
            "added mediation: a name before a `mediator` participle mediates the act"
        );
    }
    out.extend(mediations);
    // "Ruto hosted Abiy at State House in Nairobi for talks": an act whose
    // side is a place standing for its country repeats an act of the same
    // code whose side is an actor of that country
    let placed = |m: usize| {
        m >= doc.mentions.len()
            && pending
                .get(m - doc.mentions.len())
                .is_some_and(|p| p.entry.ends_with("+context:place-as-target"))
    };
    let country_of = |m: usize| code_of(Some(m)).map(|(c, _)| c.chars().take(3).collect::<String>());
    let side_agrees = |p: Option<usize>, a: Option<usize>| match (p, a) {
        (Some(p), Some(a)) if placed(p) && !placed(a) => country_of(p).is_some() && country_of(p) == country_of(a),
        (p, a) => same(&code_of(p), &code_of(a), false),
    };
    let restated_by_actor: Vec<bool> = out
        .iter()
        .map(|e| {
            (placed(e.source) || e.target.is_some_and(placed))
                && out.iter().any(|o| {
                    !std::ptr::eq(o, e)
                        && o.cameo == e.cameo
                        && !placed(o.source)
                        && !o.target.is_some_and(placed)
                        && side_agrees(Some(e.source), Some(o.source))
                        && side_agrees(e.target, o.target)
                })
        })
        .collect();
    drop_marked(
        &mut out,
        &restated_by_actor,
        &mut notes,
        "a place standing for its country repeats an act of an actor of that country",
    );
    // "marched through Hong Kong to protest against a proposed law": a code
    // (141) for a dyad that the sentence also codes with one of its sub-codes
    // (1412) is the same act told twice; the sub-code stands (a root's
    // general `X0` is no such parent: a visit, 042, and talks, 040, are two acts)
    let refined: Vec<bool> = out
        .iter()
        .map(|e| {
            out.iter().any(|o| {
                o.cameo.len() > e.cameo.len()
                    && o.cameo.starts_with(e.cameo.as_str())
                    && o.negated == e.negated
                    && same(&code_of(Some(o.source)), &code_of(Some(e.source)), true)
                    && same(&code_of(o.target), &code_of(e.target), true)
            })
        })
        .collect();
    drop_marked(
        &mut out,
        &refined,
        &mut notes,
        "a code whose sub-code the sentence codes for the same dyad",
    );
    let mut seen: Vec<(Side, Side, String, Range<usize>)> = Vec::new();
    out.retain(|e| {
        let key = (code_of(Some(e.source)), code_of(e.target), e.cameo.clone());
        let fresh = !seen.iter().any(|(s, t, c, span)| {
            let nested = span.start < e.event_span.end && e.event_span.start < span.end;
            *c == key.2 && same(s, &key.0, nested) && same(t, &key.1, nested)
        });
        if fresh {
            seen.push((key.0, key.1, key.2, e.event_span.clone()));
        }
        if !fresh {
            note!(
                notes,
                "dropped {} {}: repeats an event of this sentence",
                e.cameo,
                e.pattern
            );
        }
        fresh
    });
    for n in notes.into_iter().flatten() {
        doc.note(s, || n);
    }
    doc.mentions.extend(pending);
    out
}

/// Recodes an event, with the new code's Goldstein score, quad class and PLOVER fields.
/// Gives a 3-digit appeal, demand, protest ... `governor` the sub-code its
/// `content` rows name for the act it asks for; returns the code it had.
fn refine_by_content(lex: &Lexicon, governor: &mut Event, content: &str) -> Option<String> {
    if governor.cameo.len() != 3 {
        return None;
    }
    let (code, info) = lex
        .modality
        .content(&governor.cameo, content)
        .and_then(|c| lex.codebook.get(c).map(|info| (c, info)))?;
    let was = governor.cameo.clone();
    set_code(governor, code, info);
    Some(was)
}

fn set_code(e: &mut Event, code: &str, info: &dyad_lexicon::CodeInfo) {
    e.cameo = code.to_string();
    e.goldstein = info.goldstein;
    e.quad_class = info.quad_class;
    e.plover = info.plover.clone();
    e.plover_mode = info.plover_mode.clone();
    e.plover_context = info.plover_context.clone();
}

/// Whether token `t` may stand before "the/a + event noun" that is itself
/// the event: a preposition ("during a meeting"), a clause edge, or an actor
/// ("Russia's strikes", "EU sanctions").
fn opens_phrase(sa: &SentenceActors, t: usize) -> bool {
    sa.is(t, WordClass::Prep)
        || (sa.is(t, WordClass::Boundary) && !sa.is(t, WordClass::Relative))
        || sa.covering(t).is_some()
        || matches!(sa.toks[t].lower.as_str(), "," | "'s")
        || sa.is(t, WordClass::Support)
}

/// The words of a match without its leading SOURCE and trailing TARGET, and
/// without determiners or counts left before the target ("arrested 50").
fn core_range(m: &PatternMatch, sa: &SentenceActors) -> Range<usize> {
    let mut r = m.start..m.end;
    if let Some(src) = &m.source {
        if src.start == r.start {
            r.start = src.end.min(r.end);
        }
    }
    if let Some(t) = &m.target {
        if t.end == r.end && t.start > r.start {
            r.end = t.start;
        }
        // a passive starts with its target: "Moise was shot dead by gunmen"
        if t.start == r.start {
            r.start = t.end.min(r.end);
        }
    }
    // ... and ends with its source
    if let Some(src) = &m.source {
        if src.end == r.end && src.start > r.start {
            r.end = src.start;
        }
    }
    while r.end > r.start + 1
        && r.end > m.anchor + 1
        && (sa.is(r.end - 1, WordClass::Det) || sa.toks[r.end - 1].kind == TokenKind::Number)
    {
        r.end -= 1;
    }
    if r.start >= r.end {
        r = m.anchor..m.anchor + 1;
    }
    r
}

/// An "if" or "unless" after token `t` in the same clause.
fn trailing_condition(sa: &SentenceActors, t: usize) -> Option<usize> {
    (t..sa.toks.len())
        .take_while(|&k| !matches!(sa.toks[k].lower.as_str(), ";" | ":"))
        .find(|&k| sa.is(k, WordClass::Conditional) && sa.is(k, WordClass::Boundary))
}

/// "agreed to a ceasefire", "pledged to the fund": an intent word whose
/// "to" takes a noun phrase reports the act itself, not an intention
/// ("agreed to send tanks" is one, CAMEO 03x).
fn noun_object(sa: &SentenceActors, k: usize) -> bool {
    sa.toks.get(k + 1).is_some_and(|t| t.lower == "to") && sa.is(k + 2, WordClass::Det)
}

/// Where the cue words before an act end: its first word, or, for a pattern
/// that starts inside its own subject ("troops|forces * shell TARGET" on
/// "Russian troops plan to shell Kharkiv"), its last word, so the words its
/// gap skipped after the subject ("plan to", "did not") still qualify it.
fn cue_end(sa: &SentenceActors, sources: &[usize], core: &Range<usize>) -> usize {
    let inside_subject = sources.iter().any(|&a| {
        let r = &sa.actors[a].0;
        r.contains(&core.start) && r.end < core.end
    });
    if inside_subject {
        core.end - 1
    } else {
        core.start
    }
}

/// Negation, intent or threat words between the subject and the verb.
/// What the words before the verb say about the event.
struct Cues {
    modality: Modality,
    negated: bool,
    /// "refused to", "declined to": a refusal, which CAMEO codes as a rejection
    refused: bool,
    cue: Option<String>,
    /// The token of an intent or threat cue ("pledged to", "threatened to").
    intent_at: Option<usize>,
}

/// Negation, refusal, intent, threat or condition words between the subject
/// and the verb; a condition ("if", "whether") may also open the clause.
fn modality(sa: &SentenceActors, sources: &[usize], actors: &[(Range<usize>, usize)], verb: usize) -> Cues {
    let subject_end = sources.iter().map(|&a| actors[a].0.end).max().unwrap_or(0);
    let from = verb
        .saturating_sub(MODALITY_WINDOW)
        .max(if subject_end <= verb { subject_end } else { 0 });
    // (", accusing it of ...": a participle after a comma takes no cue from
    // the clause before it, "without delay" included)
    let from = if verb > 0 && sa.toks[verb - 1].lower == "," && sa.toks[verb].lower.ends_with("ing") {
        verb
    } else {
        from
    };
    let mut c = Cues {
        modality: Modality::Asserted,
        negated: false,
        refused: false,
        cue: None,
        intent_at: None,
    };
    for k in from..verb {
        let t = &sa.toks[k];
        if sa.is(k, WordClass::Negation) {
            c.negated = true;
            c.refused |= sa.is(k, WordClass::Refusal);
            c.cue = Some(t.lower.clone());
        }
        if sa.is(k, WordClass::Threat) {
            c.modality = Modality::Threatened;
            c.cue = Some(t.lower.clone());
            c.intent_at = Some(k);
        } else if sa.is(k, WordClass::Intent) && c.modality == Modality::Asserted && !noun_object(sa, k) {
            c.modality = Modality::Intended;
            c.cue = Some(t.lower.clone());
            c.intent_at = Some(k);
        } else if sa.is(k, WordClass::Conditional) && c.modality == Modality::Asserted && !t.capitalized {
            // (not the month: "Turkey in May suspended ties")
            c.modality = Modality::Conditional;
            c.cue = Some(t.lower.clone());
        }
    }
    // "If North Korea conducts a test", "whether Moscow and Kyiv will resume talks"
    let clause_start = (0..from)
        .rev()
        .find(|&k| matches!(sa.toks[k].lower.as_str(), "," | ";" | ":"))
        .map_or(0, |k| k + 1);
    if let Some(k) = (clause_start..from).find(|&k| sa.is(k, WordClass::Conditional) && sa.is(k, WordClass::Boundary)) {
        c.modality = Modality::Conditional;
        c.cue = Some(sa.toks[k].lower.clone());
    }
    c
}

/// How many sentences back a date still dates an undated sentence.
const DATE_CONTEXT: usize = 2;

/// The date mention nearest to the verb in the sentence; else the latest
/// resolved date in the sentences just before; else publication.
fn event_date(doc: &Doc, by_sentence: &[Vec<usize>], s: usize, verb: usize) -> (Option<chrono::NaiveDate>, DateSource) {
    let nearest = by_sentence[s]
        .iter()
        .map(|&i| &doc.mentions[i])
        .filter_map(|m| match m.kind {
            MentionKind::Date(d) => Some((m.tokens.start.abs_diff(verb), d)),
            _ => None,
        })
        .min_by_key(|(d, _)| *d);
    match nearest {
        Some((_, Some(d))) => (Some(d), DateSource::Text),
        Some((_, None)) => (None, DateSource::Unknown),
        None => {
            // the latest resolved date mention (by its place in doc.mentions)
            let context = by_sentence[s.saturating_sub(DATE_CONTEXT)..s]
                .iter()
                .flatten()
                .filter_map(|&i| match doc.mentions[i].kind {
                    MentionKind::Date(Some(d)) => Some((i, d)),
                    _ => None,
                })
                .max_by_key(|(i, _)| *i)
                .map(|(_, d)| d);
            match (context, doc.article.published) {
                (Some(d), _) => (Some(d), DateSource::Context),
                (None, Some(p)) => (Some(p), DateSource::Published),
                (None, None) => (None, DateSource::Unknown),
            }
        }
    }
}

fn event_place(doc: &Doc, in_sentence: &[usize], verb: usize) -> Option<Place> {
    in_sentence
        .iter()
        .map(|&i| &doc.mentions[i])
        .filter_map(|m| match &m.kind {
            MentionKind::Place(p) => Some((m.tokens.start.abs_diff(verb), p)),
            _ => None,
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, p)| p.clone())
}
