//! Event patterns (`events.txt`): parsing, indexing by anchor word, and a
//! small backtracking matcher over a sentence's tokens.
//!
//! A pattern is anchored on its first required word. The index maps each
//! alternative of that word to the patterns it anchors, so a sentence is
//! scanned once, token by token, with a hash lookup per token; only
//! patterns whose anchor occurs are tried, forwards and backwards from it.

use crate::codebook::Codebook;
use crate::grammar::{Grammar, WordClass};
use crate::source::{DictFile, LoadError, Severity};
use dyad_doc::Token;
use rustc_hash::FxHashMap;
use std::collections::HashSet;
use std::ops::Range;

/// How far `*` may skip.
const MAX_SKIP: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    Word {
        alts: Vec<String>,
        optional: bool,
    },
    Skip,
    /// The source actor; `true` when optional (`SOURCE?`).
    Source(bool),
    /// The target actor; `true` when optional (`TARGET?`).
    Target(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventPattern {
    pub code: String,
    pub elems: Vec<Elem>,
    pub symmetric: bool,
    /// Flag `fallback`: tried only when nothing else in the sentence was
    /// coded ("X said that ... Y" as a plain statement, CAMEO 010).
    pub fallback: bool,
    /// Flag `armed`: a bare act of force ("killed"), coded only when its
    /// source is an organised armed force (`armed-force` sectors in
    /// `dict/modality.tsv`) and dropped when the sentence has a more specific
    /// act of violence (`violence` codes) by the same source.
    pub armed: bool,
    /// Flag `implied`: the act's object noun implies its target ("condemned
    /// the coup": the coup-makers), an actor of the sector `dict/modality.tsv`
    /// `implied` gives the code, named before it in the text.
    pub implied: bool,
    /// Flag `possessed`: an event noun whose source is only ever its
    /// possessor ("Russia's attack on Ukraine", "China's crackdown on
    /// Uyghurs"); with no possessor the pattern codes nothing.
    pub possessed: bool,
    /// `events.txt:42`
    pub id: String,
    /// The pattern as written.
    pub text: String,
    anchor: usize,
}

impl EventPattern {
    /// Number of required words: more specific patterns win ties.
    pub fn specificity(&self) -> usize {
        self.elems
            .iter()
            .map(|e| match e {
                Elem::Word { optional: false, .. } => 2,
                Elem::Source(false) | Elem::Target(false) => 1,
                _ => 0,
            })
            .sum()
    }

    pub fn has_target_slot(&self) -> bool {
        self.elems.iter().any(|e| matches!(e, Elem::Target(_)))
    }
}

/// What the coder knows about actors, offered to the matcher for slots.
pub trait Slots {
    /// Actor phrases starting at `tok` (determiners allowed before it),
    /// preferred first: a coordinated group, then its shorter prefixes.
    fn actor_from(&self, tok: usize) -> Vec<Range<usize>>;
    /// Actor phrases ending just before `tok`, preferred first.
    fn actor_until(&self, tok: usize) -> Vec<Range<usize>>;
    /// Whether `*` may skip this token (not an actor, not a clause boundary).
    fn skippable(&self, tok: usize) -> bool;
    /// Whether the token is a passive auxiliary ("was", "got").
    fn auxiliary(&self, tok: usize) -> bool;
    /// Whether the token belongs to an actor inside a prepositional phrase
    /// ("inside the [Saudi] consulate"), which a passive may skip before "by".
    fn in_adjunct(&self, _tok: usize) -> bool {
        false
    }
    /// The end of a date phrase starting at `tok` ("on Monday", "today"),
    /// which may stand anywhere between a pattern's elements.
    fn date_end(&self, _tok: usize) -> Option<usize> {
        None
    }
    /// Whether an actor phrase may start within a few tokens of `tok` (a
    /// cheap test before the in-actor and actor-skipping rules, which are
    /// tried on every failed word).
    fn actor_near(&self, _tok: usize) -> bool {
        true
    }
    /// Whether the token is a relative pronoun ("who", "which").
    fn relative(&self, _tok: usize) -> bool {
        false
    }
    /// An actor inside the noun phrase that ends before `tok` and opens its
    /// clause ("[Russia]'s annexation of four regions was condemned by",
    /// "an offer of talks with [the Afghan government] was turned down by"):
    /// the passive's target when no actor ends right before the auxiliary.
    fn subject_phrase_actor(&self, _tok: usize) -> Option<Range<usize>> {
        None
    }
    /// A place inside that noun phrase when it holds no actor ("Hundreds of
    /// villagers in eastern Syria were massacred by"): the passive's target
    /// stands there, and the coder takes the place's country for it.
    fn subject_phrase_place(&self, _tok: usize) -> Option<Range<usize>> {
        None
    }
    /// Whether a pattern word may go missing with a missing final TARGET:
    /// a preposition may ("held talks [with TARGET]"), a verb may not
    /// ("police [investigate TARGET]" is no investigation).
    fn droppable(&self, _word: &str) -> bool {
        true
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternMatch {
    pub pattern: usize,
    /// Token range of the whole match (slots included).
    pub start: usize,
    pub end: usize,
    pub anchor: usize,
    pub source: Option<Range<usize>>,
    pub target: Option<Range<usize>>,
    /// The pattern ends in TARGET but no actor followed ("Russia and China
    /// held talks"): only usable when the subject is a coordinated group.
    pub target_missing: bool,
    /// The word before the missing TARGET went missing with it ("held
    /// talks [with]"): the match is shorter than its pattern.
    pub word_missing: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Patterns {
    pub list: Vec<EventPattern>,
    index: FxHashMap<String, Vec<usize>>,
    /// Every word the patterns use, numbered (for the prefilter in `find`).
    vocab: FxHashMap<String, u32>,
    /// Patterns anchored on each vocabulary word.
    anchored: Vec<Vec<usize>>,
    /// Per pattern: its required words other than the anchor, each as the
    /// vocabulary ids of its alternatives. A pattern is tried only when
    /// every one of them occurs in the sentence.
    required: Vec<Vec<Box<[u32]>>>,
}

#[derive(Debug, Default)]
pub(crate) struct Builder {
    list: Vec<EventPattern>,
    /// Alternations right after a word in `events.txt` lines (entry id, the
    /// word before, the alternatives), checked at build time against the
    /// grammar's `verb-particle` class: `carry out|commit` reads as
    /// `carry (out|commit)`, which is almost never what the author meant.
    split_verbs: Vec<(String, String, String)>,
}

/// One pattern text per combination of multi-word alternatives: an element
/// such as `carry_out|commit` (words of one alternative joined by `_`) gives
/// `carry out` and `commit`. A text without `_` comes back as it is.
fn expand_multiword(text: &str) -> Result<Vec<String>, String> {
    let mut variants = vec![String::new()];
    for raw in text.split_whitespace() {
        let options: Vec<String> = if raw.contains('_') {
            let (w, optional) = raw.strip_suffix('?').map_or((raw, false), |w| (w, true));
            let (multi, single): (Vec<&str>, Vec<&str>) =
                w.split('|').filter(|a| !a.is_empty()).partition(|a| a.contains('_'));
            if multi.iter().any(|a| a.split('_').any(str::is_empty)) {
                return Err(format!("empty word in multi-word alternative at {raw:?}"));
            }
            let mut options: Vec<String> = multi.iter().map(|a| a.replace('_', " ")).collect();
            match (single.is_empty(), optional) {
                (false, false) => options.push(single.join("|")),
                (false, true) => options.push(format!("{}?", single.join("|"))),
                (true, true) => options.push(String::new()),
                (true, false) => {}
            }
            options
        } else {
            vec![raw.to_string()]
        };
        variants = variants
            .iter()
            .flat_map(|v| options.iter().map(move |o| format!("{v} {o}")))
            .collect();
        if variants.len() > 64 {
            return Err("multi-word alternatives give more than 64 patterns; split the line".into());
        }
    }
    Ok(variants
        .into_iter()
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect())
}

fn parse_pattern(text: &str) -> Result<(Vec<Elem>, usize), String> {
    let mut elems = Vec::new();
    for raw in text.split_whitespace() {
        elems.push(match raw {
            "*" => Elem::Skip,
            "SOURCE" => Elem::Source(false),
            "SOURCE?" => Elem::Source(true),
            "TARGET" => Elem::Target(false),
            "TARGET?" => Elem::Target(true),
            w => {
                let (w, optional) = match w.strip_suffix('?') {
                    Some(w) => (w, true),
                    None => (w, false),
                };
                let alts: Vec<String> = w.split('|').filter(|a| !a.is_empty()).map(str::to_lowercase).collect();
                if alts.is_empty() {
                    return Err(format!("empty word in pattern at {raw:?}"));
                }
                Elem::Word { alts, optional }
            }
        });
    }
    for (name, is_slot) in [
        ("SOURCE", (|e: &Elem| matches!(e, Elem::Source(_))) as fn(&Elem) -> bool),
        ("TARGET", |e: &Elem| matches!(e, Elem::Target(_))),
    ] {
        if elems.iter().filter(|e| is_slot(e)).count() > 1 {
            return Err(format!("pattern has more than one {name} slot"));
        }
    }
    let anchor = elems
        .iter()
        .position(|e| matches!(e, Elem::Word { optional: false, .. }))
        .ok_or("pattern needs at least one required word")?;
    Ok((elems, anchor))
}

impl Builder {
    /// Adds one pattern written in the `events.txt` grammar (used for
    /// patterns translated from other formats).
    pub fn push(&mut self, code: &str, text: &str, symmetric: bool, id: String) -> Result<(), String> {
        let (elems, anchor) = parse_pattern(text)?;
        self.list.push(EventPattern {
            code: code.to_string(),
            elems,
            symmetric,
            fallback: false,
            armed: false,
            implied: false,
            possessed: false,
            id,
            text: text.to_string(),
            anchor,
        });
        Ok(())
    }

    pub fn load(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        for (n, line) in f.lines() {
            let line = line.split(" #").next().unwrap_or(line);
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 2 || cols.len() > 3 {
                errors.push(f.error(n, "expected CODE<TAB>PATTERN[<TAB>FLAGS]"));
                continue;
            }
            let flags: Vec<&str> = cols
                .get(2)
                .map_or(Vec::new(), |f| f.split(',').map(str::trim).collect());
            if let Some(bad) = flags
                .iter()
                .find(|f| !matches!(**f, "sym" | "fallback" | "armed" | "implied" | "possessed" | ""))
            {
                errors.push(f.error(n, format!("unknown flag {bad:?}")));
                continue;
            }
            let texts = match expand_multiword(cols[1]) {
                Ok(texts) => texts,
                Err(e) => {
                    errors.push(f.error(n, e));
                    continue;
                }
            };
            for text in texts {
                match parse_pattern(&text) {
                    Ok((elems, anchor)) => {
                        for pair in elems.windows(2) {
                            if let [Elem::Word { alts: before, .. }, Elem::Word { alts, .. }] = pair {
                                if alts.len() > 1 {
                                    self.split_verbs.push((f.entry_id(n), before.join("|"), alts.join("|")));
                                }
                            }
                        }
                        self.list.push(EventPattern {
                            code: cols[0].to_string(),
                            elems,
                            symmetric: flags.contains(&"sym"),
                            fallback: flags.contains(&"fallback"),
                            armed: flags.contains(&"armed"),
                            implied: flags.contains(&"implied"),
                            possessed: flags.contains(&"possessed"),
                            id: f.entry_id(n),
                            text: cols[1].to_string(),
                            anchor,
                        })
                    }
                    Err(e) => {
                        errors.push(f.error(n, e));
                        break;
                    }
                }
            }
        }
    }

    /// Drops patterns whose code the codebook lacks (reported), and indexes the rest.
    pub fn build(self, codebook: &Codebook, grammar: &Grammar, errors: &mut Vec<LoadError>) -> Patterns {
        for (id, before, alts) in &self.split_verbs {
            let words: Vec<&str> = alts.split('|').collect();
            let particle = words.iter().find(|w| grammar.is(w, WordClass::VerbParticle));
            let other = words
                .iter()
                .find(|w| !grammar.is(w, WordClass::VerbParticle) && !grammar.is(w, WordClass::Prep));
            if let (Some(particle), Some(other)) = (particle, other) {
                let (file, line) = id.rsplit_once(':').unwrap_or((id, "0"));
                let verb = before.rsplit('|').next().unwrap_or(before);
                errors.push(LoadError {
                    file: file.to_string(),
                    line: line.parse().unwrap_or(0),
                    message: format!(
                        "`{before} {alts}` reads as `{before}` followed by one of `{alts}`; to offer a two-word verb \
                         beside single words, join its words with `_` (`{verb}_{particle}|{other}`)"
                    ),
                    severity: Severity::Warning,
                });
            }
        }
        let mut list = Vec::new();
        let mut index: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for p in self.list {
            if codebook.get(&p.code).is_none() {
                let (file, line) = p.id.rsplit_once(':').unwrap_or((&p.id, "0"));
                errors.push(LoadError {
                    file: file.to_string(),
                    line: line.parse().unwrap_or(0),
                    message: format!("unknown CAMEO code {:?}", p.code),
                    severity: Default::default(),
                });
                continue;
            }
            if let Elem::Word { alts, .. } = &p.elems[p.anchor] {
                for a in alts {
                    index.entry(a.clone()).or_default().push(list.len());
                }
            }
            list.push(p);
        }
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut id = |w: &str| -> u32 {
            let n = vocab.len() as u32;
            *vocab.entry(w.to_string()).or_insert(n)
        };
        let mut anchored: Vec<Vec<usize>> = Vec::new();
        let mut required = Vec::with_capacity(list.len());
        for (pi, p) in list.iter().enumerate() {
            let mut req = Vec::new();
            for (e, elem) in p.elems.iter().enumerate() {
                let Elem::Word { alts, optional } = elem else { continue };
                let ids: Box<[u32]> = alts.iter().map(|a| id(a)).collect();
                if e == p.anchor {
                    for &w in ids.iter() {
                        if anchored.len() <= w as usize {
                            anchored.resize(w as usize + 1, Vec::new());
                        }
                        anchored[w as usize].push(pi);
                    }
                } else {
                    // a word right before a final TARGET may go missing with it (`Matcher::loose_end`)
                    let droppable = e + 2 == p.elems.len() && e > p.anchor && p.elems[e + 1] == Elem::Target(false);
                    if !optional && !droppable {
                        req.push(ids);
                    }
                }
            }
            required.push(req);
        }
        anchored.resize(vocab.len(), Vec::new());
        Patterns {
            list,
            index,
            vocab,
            anchored,
            required,
        }
    }
}

fn word_matches(t: &Token, alts: &[String]) -> bool {
    alts.iter().any(|a| *a == t.lemma || *a == t.lower)
}

impl EventPattern {
    /// The alternatives of the word right before a final TARGET ("to",
    /// "with" in "share * recordings with TARGET"), if the pattern has one.
    pub fn word_before_target(&self) -> Option<&[String]> {
        match self.elems.as_slice() {
            [.., Elem::Word { alts, .. }, Elem::Target(_)] => Some(alts),
            _ => None,
        }
    }

    /// Whether token `t` is one of `alts` (by lowercase form or lemma).
    pub fn matches_word(t: &Token, alts: &[String]) -> bool {
        word_matches(t, alts)
    }
}

struct Matcher<'a> {
    p: &'a EventPattern,
    tokens: &'a [Token],
    slots: &'a dyn Slots,
    /// Let a final required TARGET match nothing (see `PatternMatch::target_missing`).
    loose_end: bool,
}

#[derive(Default, Clone)]
struct Captures {
    source: Option<Range<usize>>,
    target: Option<Range<usize>>,
    word_missing: bool,
}

impl Matcher<'_> {
    fn capture(e: &Elem, r: Range<usize>, c: &mut Captures) {
        if matches!(e, Elem::Source(_)) {
            c.source = Some(r);
        } else {
            c.target = Some(r);
        }
    }

    fn target_slot_after(&self, e: usize) -> bool {
        self.p.elems[e + 1..].iter().any(|x| matches!(x, Elem::Target(_)))
    }

    /// Matches elems[e..] from token t; returns the end token.
    fn forward(&self, e: usize, t: usize, c: &mut Captures) -> Option<usize> {
        let Some(elem) = self.p.elems.get(e) else {
            return Some(t);
        };
        // "condemned on Monday India's decision", "accused Ukraine on
        // Wednesday of": a date phrase between two elements is skipped
        if e > self.p.anchor {
            if let Some(end) = self.slots.date_end(t).filter(|&end| end > t) {
                if let Some(found) = self.forward(e, end, c) {
                    return Some(found);
                }
            }
        }
        match elem {
            Elem::Word { alts, optional } => {
                // ("Israel's blockade of Gaza continued on Monday" is no
                // "blockade * on": a last word reached over `*` is not the
                // preposition of a date)
                let date_preposition = e + 1 == self.p.elems.len()
                    && e > 0
                    && self.p.elems[e - 1] == Elem::Skip
                    && self.slots.date_end(t).is_some_and(|end| end > t + 1);
                if t < self.tokens.len() && word_matches(&self.tokens[t], alts) && !date_preposition {
                    if let Some(end) = self.forward(e + 1, t + 1, c) {
                        return Some(end);
                    }
                }
                // "expelled [Russian diplomats]", "summoned [the ambassador of China]":
                // the word is inside an actor phrase, which is then the target
                if c.target.is_none() && self.target_slot_after(e) && self.slots.actor_near(t) {
                    for r in self.slots.actor_from(t) {
                        if self.tokens[r.clone()].iter().any(|t| word_matches(t, alts)) {
                            if let Some(end) = self.forward(e + 1, r.end, c) {
                                if c.target.is_none() {
                                    c.target = Some(r);
                                }
                                return Some(end);
                            }
                        }
                    }
                }
                if *optional {
                    self.forward(e + 1, t, c)
                } else if self.loose_end
                    && e + 2 == self.p.elems.len()
                    && e > self.p.anchor
                    && alts.iter().all(|w| self.slots.droppable(w))
                {
                    // "held talks [with TARGET]": the preposition goes with the missing target
                    c.word_missing = true;
                    Some(t)
                } else {
                    None
                }
            }
            Elem::Skip => {
                let mut pos = t;
                for used in 0..=MAX_SKIP {
                    if let Some(end) = self.forward(e + 1, pos, c) {
                        return Some(end);
                    }
                    if used == MAX_SKIP || pos >= self.tokens.len() {
                        break;
                    }
                    if self.slots.skippable(pos) {
                        pos += 1;
                    } else if let Some(r) = (self.slots.actor_near(pos) && self.target_slot_after(e))
                        .then(|| self.slots.actor_from(pos).into_iter().next())
                        .flatten()
                        .filter(|r| {
                            // an object before a later TARGET, skipped as one word:
                            // "extradited [a drug trafficker] to Spain"
                            r.start == pos && self.target_slot_after(e)
                        })
                    {
                        pos = r.end;
                    } else {
                        break;
                    }
                }
                None
            }
            Elem::Source(optional) | Elem::Target(optional) => {
                for r in self.slots.actor_from(t) {
                    if let Some(end) = self.forward(e + 1, r.end, c) {
                        Self::capture(elem, r, c);
                        return Some(end);
                    }
                }
                if *optional || (self.loose_end && e + 1 == self.p.elems.len() && matches!(elem, Elem::Target(_))) {
                    self.forward(e + 1, t, c)
                } else {
                    None
                }
            }
        }
    }

    /// Matches elems[..=e] backwards, ending just before token t; returns the start token.
    fn backward(&self, e: Option<usize>, t: usize, c: &mut Captures) -> Option<usize> {
        let Some(e) = e else { return Some(t) };
        let prev = e.checked_sub(1);
        match &self.p.elems[e] {
            Elem::Word { alts, optional } => {
                if t > 0 && word_matches(&self.tokens[t - 1], alts) {
                    if let Some(start) = self.backward(prev, t - 1, c) {
                        return Some(start);
                    }
                }
                if *optional {
                    self.backward(prev, t, c)
                } else {
                    None
                }
            }
            Elem::Skip => {
                for k in 0..=MAX_SKIP {
                    if k > 0 && (k > t || !self.slots.skippable(t - k)) {
                        break;
                    }
                    if let Some(start) = self.backward(prev, t - k, c) {
                        return Some(start);
                    }
                }
                None
            }
            elem @ (Elem::Source(optional) | Elem::Target(optional)) => {
                for r in self.slots.actor_until(t) {
                    if let Some(start) = self.backward(prev, r.start, c) {
                        Self::capture(elem, r, c);
                        return Some(start);
                    }
                }
                if *optional {
                    self.backward(prev, t, c)
                } else {
                    None
                }
            }
        }
    }
}

/// How far after a passive verb its "by" may stand.
const PASSIVE_GAP: usize = 12;

impl Patterns {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every word the patterns use.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        let mut seen = HashSet::new();
        self.list
            .iter()
            .flat_map(|p| p.elems.iter())
            .filter_map(|e| match e {
                Elem::Word { alts, .. } => Some(alts.iter()),
                _ => None,
            })
            .flatten()
            .filter(move |w| seen.insert(w.as_str()))
            .map(String::as_str)
    }

    /// Passive voice for patterns that start `VERB * OBJECT ... TARGET`: the
    /// object and its target make up the subject ("Economic sanctions on
    /// Iran were lifted by the United States" matches "lift * sanction * on
    /// TARGET").
    fn object_passive(
        &self,
        tokens: &[Token],
        i: usize,
        subject_end: usize,
        slots: &dyn Slots,
        out: &mut Vec<PatternMatch>,
    ) {
        const SUBJECT_PHRASE: usize = 10;
        let t = &tokens[i];
        let by = i + 1 + usize::from(tokens.get(i + 1).is_some_and(|n| n.lower != "by"));
        if tokens.get(by).is_none_or(|b| b.lower != "by") {
            return;
        }
        let from = subject_end.saturating_sub(SUBJECT_PHRASE);
        for key in [&t.lemma, &t.lower] {
            for &pi in self.index.get(key.as_str()).into_iter().flatten() {
                let p = &self.list[pi];
                let shape = p.anchor == 0
                    && p.elems.len() >= 4
                    && matches!(p.elems[1], Elem::Skip)
                    && matches!(p.elems[2], Elem::Word { optional: false, .. })
                    && matches!(p.elems.last(), Some(Elem::Target(false)));
                if !shape || out.iter().any(|m| m.pattern == pi) {
                    continue;
                }
                let m = Matcher {
                    p,
                    tokens,
                    slots,
                    loose_end: false,
                };
                // the object phrase must open within the subject and its target end it
                let found = (from..subject_end).find_map(|k| {
                    let mut c = Captures::default();
                    (m.forward(2, k, &mut c)? == subject_end).then_some((k, c.target?))
                });
                let Some((start, target)) = found else { continue };
                if let Some(source) = slots.actor_from(by + 1).into_iter().next() {
                    out.push(PatternMatch {
                        pattern: pi,
                        start,
                        end: source.end,
                        anchor: i,
                        source: Some(source),
                        target: Some(target),
                        target_missing: false,
                        word_missing: false,
                    });
                }
            }
        }
    }

    /// Passive voice for active patterns that start `VERB TARGET`:
    /// "TARGET was/were/has been VERB-ed by SOURCE ..." matches "VERB TARGET ...".
    fn passive(&self, tokens: &[Token], i: usize, slots: &dyn Slots) -> Option<Vec<PatternMatch>> {
        let t = &tokens[i];
        if !(t.lower.ends_with("ed") || t.lower.ends_with("en") || t.lower != t.lemma) {
            return None;
        }
        // the auxiliary, allowing one adverb between: "was reportedly shelled"
        let aux = (1..=2).filter_map(|k| i.checked_sub(k)).find(|&a| slots.auxiliary(a))?;
        // "Evan Gershkovich, who was detained by": the relative pronoun's antecedent
        let subject_end = match aux.checked_sub(1) {
            Some(r) if slots.relative(r) => r - usize::from(r > 0 && tokens[r - 1].lower == ","),
            _ => aux,
        };
        let mut out: Vec<PatternMatch> = Vec::new();
        self.object_passive(tokens, i, subject_end, slots, &mut out);
        let Some(target) = slots
            .actor_until(subject_end)
            .into_iter()
            .next()
            .or_else(|| slots.subject_phrase_actor(subject_end))
            .or_else(|| slots.subject_phrase_place(subject_end))
            // "a day after he was detained by Russia's FSB": a personal
            // pronoun subject, which the coder resolves to its antecedent
            .or_else(|| {
                let k = subject_end.checked_sub(1)?;
                matches!(tokens[k].lower.as_str(), "he" | "she" | "they").then_some(k..subject_end)
            })
        else {
            return Some(out);
        };
        for key in [&t.lemma, &t.lower] {
            for &pi in self.index.get(key.as_str()).into_iter().flatten() {
                let p = &self.list[pi];
                // "VERB [words] TARGET ...": "shoot dead TARGET" is "was shot dead by SOURCE"
                let Some(slot) = p.elems.iter().position(|e| matches!(e, Elem::Target(_))) else {
                    continue;
                };
                // ("turn down * TARGET" is "was turned down by": a gap before
                // the target has nothing to skip in the passive)
                let words_only = p.anchor == 0
                    && p.elems[1..slot]
                        .iter()
                        .all(|e| matches!(e, Elem::Word { optional: false, .. } | Elem::Skip));
                if !words_only || out.iter().any(|m| m.pattern == pi) {
                    continue;
                }
                let after_words = (1..slot).try_fold(i + 1, |k, e| match &p.elems[e] {
                    Elem::Word { alts, .. } if tokens.get(k).is_some_and(|t| word_matches(t, alts)) => Some(k + 1),
                    Elem::Skip => Some(k),
                    _ => None,
                });
                let Some(after_words) = after_words else { continue };
                // "by" may follow a short phrase: "was received in Cairo by",
                // "was killed inside the Saudi consulate in Istanbul by"
                let Some(by) =
                    (after_words..(after_words + PASSIVE_GAP).min(tokens.len())).find(|&k| tokens[k].lower == "by")
                else {
                    continue;
                };
                if (after_words..by).any(|k| !slots.skippable(k) && !slots.in_adjunct(k)) {
                    continue;
                }
                let m = Matcher {
                    p,
                    tokens,
                    slots,
                    loose_end: false,
                };
                for source in slots.actor_from(by + 1) {
                    let mut c = Captures::default();
                    if let Some(end) = m.forward(slot + 1, source.end, &mut c) {
                        out.push(PatternMatch {
                            pattern: pi,
                            start: target.start,
                            end,
                            anchor: i,
                            source: Some(source),
                            target: Some(target.clone()),
                            target_missing: false,
                            word_missing: false,
                        });
                        break;
                    }
                }
            }
        }
        Some(out)
    }

    /// All pattern matches in a sentence's tokens (indices relative to `tokens`).
    pub fn find(&self, tokens: &[Token], slots: &dyn Slots) -> Vec<PatternMatch> {
        let mut out = Vec::new();
        // vocabulary ids of each token's lemma and lowercase form, and the
        // set of pattern words present in the sentence
        let ids: Vec<[Option<u32>; 2]> = tokens
            .iter()
            .map(|t| {
                [
                    self.vocab.get(t.lemma.as_str()).copied(),
                    self.vocab.get(t.lower.as_str()).copied(),
                ]
            })
            .collect();
        let mut present = vec![0u64; self.vocab.len().div_ceil(64)];
        for &id in ids.iter().flatten().flatten() {
            present[id as usize / 64] |= 1 << (id % 64);
        }
        let has = |id: u32| present[id as usize / 64] & (1 << (id % 64)) != 0;
        for (i, key_ids) in ids.iter().enumerate() {
            for (k, id) in key_ids.iter().enumerate() {
                let Some(id) = *id else { continue };
                // the lowercase form's patterns, less those its lemma's tried
                // (the `anchored` lists are sorted)
                let tried = if k == 1 { key_ids[0] } else { None };
                if tried == Some(id) {
                    continue;
                }
                for &pi in &self.anchored[id as usize] {
                    if tried.is_some_and(|t| self.anchored[t as usize].binary_search(&pi).is_ok()) {
                        continue;
                    }
                    if !self.required[pi].iter().all(|alts| alts.iter().any(|&w| has(w))) {
                        continue;
                    }
                    let p = &self.list[pi];
                    // "anti-war", "post-war": the second half of a hyphenated
                    // compound is a modifier, not the event word
                    let hyphen_before = p.anchor == 0
                        && i >= 2
                        && tokens[i - 1].lower == "-"
                        && tokens[i - 1].start == tokens[i - 2].end
                        && tokens[i].start == tokens[i - 1].end;
                    if hyphen_before {
                        continue;
                    }
                    // a full match first; a match missing its final TARGET only as a last resort
                    let can_loosen = matches!(p.elems.last(), Some(Elem::Target(false)));
                    let attempt = |loose_end: bool| {
                        let m = Matcher {
                            p,
                            tokens,
                            slots,
                            loose_end,
                        };
                        let mut c = Captures::default();
                        let end = m.forward(p.anchor + 1, i + 1, &mut c)?;
                        let start = m.backward(p.anchor.checked_sub(1), i, &mut c)?;
                        Some((start, end, c))
                    };
                    let Some((start, end, c)) = attempt(false).or_else(|| attempt(can_loosen).filter(|_| can_loosen))
                    else {
                        continue;
                    };
                    let loose_end = can_loosen;
                    out.push(PatternMatch {
                        pattern: pi,
                        start,
                        end,
                        anchor: i,
                        target_missing: loose_end && c.target.is_none(),
                        word_missing: c.word_missing,
                        source: c.source,
                        target: c.target,
                    });
                }
            }
            if let Some(m) = self.passive(tokens, i, slots) {
                out.extend(m);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codebook::Codebook;

    struct Caps<'a>(&'a [Token]);
    impl Slots for Caps<'_> {
        fn actor_from(&self, tok: usize) -> Vec<Range<usize>> {
            let mut t = tok;
            while self.0.get(t).is_some_and(|x| x.lower == "the") {
                t += 1;
            }
            self.0
                .get(t)
                .filter(|x| x.capitalized)
                .map(|_| t..t + 1)
                .into_iter()
                .collect()
        }
        fn actor_until(&self, tok: usize) -> Vec<Range<usize>> {
            tok.checked_sub(1)
                .filter(|&t| self.0[t].capitalized)
                .map(|t| t..tok)
                .into_iter()
                .collect()
        }
        fn skippable(&self, tok: usize) -> bool {
            !self.0[tok].capitalized
        }
        fn auxiliary(&self, tok: usize) -> bool {
            self.0[tok].lemma == "be"
        }
    }

    fn patterns(text: &str) -> (Patterns, Vec<LoadError>) {
        let mut cb = Codebook::default();
        let mut errors = Vec::new();
        cb.load(
            &DictFile::builtin(
                "cameo.tsv",
                "043\tMeet\t2.8\t1\n163\tEmbargo\t-8\t4\n040\tConsult\t1\t1\n",
            ),
            &mut errors,
        );
        let mut grammar = Grammar::default();
        grammar.load(
            &DictFile::builtin(
                "grammar.tsv",
                "verb-particle\tout\nverb-particle\tdown\nprep\ton\nprep\tabout\n",
            ),
            &mut errors,
        );
        let mut b = Builder::default();
        b.load(&DictFile::builtin("events.txt", text), &mut errors);
        (b.build(&cb, &grammar, &mut errors), errors)
    }

    fn lemmatized(text: &str) -> Vec<Token> {
        let l = dyad_text::Lemmatizer::new(["impose", "sanction", "meet", "consultation", "carry", "stage"]);
        let mut toks = dyad_text::tokenize(text);
        for t in &mut toks {
            t.lemma = l.lemma(&t.lower, t.capitalized);
        }
        toks
    }

    #[test]
    fn a_final_preposition_and_target_may_be_missing() {
        let (p, errors) = patterns("040\thold|have * consultations|talks with TARGET\tsym\n");
        assert!(errors.is_empty(), "{errors:?}");
        let toks = lemmatized("Biden and Putin held talks in Geneva");
        let ms = p.find(&toks, &Caps(&toks));
        assert_eq!(ms.len(), 1, "{ms:?}");
        assert!(ms[0].target_missing);
    }

    #[test]
    fn matches_slots_optional_words_and_skips() {
        let (p, errors) = patterns(
            "# test\n043\tmeet with? TARGET\tsym\n163\timpose * sanction on|against TARGET\n\
             040\tconsultation between SOURCE and TARGET\n999\tbad code\n043\t\n",
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        let toks =
            lemmatized("they imposed new economic sanctions on Moscow after consultations between Rome and Baku");
        let ms = p.find(&toks, &Caps(&toks));
        type Got = (String, Option<Range<usize>>, Option<Range<usize>>);
        let got: Vec<Got> = ms
            .iter()
            .map(|m| (p.list[m.pattern].code.clone(), m.source.clone(), m.target.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("163".into(), None, Some(6..7)),
                ("040".into(), Some(10..11), Some(12..13))
            ]
        );
        let toks = lemmatized("Lavrov met with the Minister");
        let ms = p.find(&toks, &Caps(&toks));
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].target, Some(4..5));
        assert!(p.list[ms[0].pattern].symmetric);
    }

    #[test]
    fn multi_word_alternatives_expand_and_split_verbs_are_flagged() {
        let (p, errors) = patterns("163\tcarry_out|stage * embargo against TARGET\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(p.list.len(), 2, "one pattern per alternative");
        assert!(p.list.iter().all(|q| q.id == "events.txt:1"), "both keep the line's id");
        for text in [
            "Iran carried out an embargo against Iraq",
            "Iran staged an embargo against Iraq",
        ] {
            let toks = lemmatized(text);
            assert_eq!(p.find(&toks, &Caps(&toks)).len(), 1, "{text}");
        }
        let toks = lemmatized("Iran carried an embargo against Iraq");
        assert!(p.find(&toks, &Caps(&toks)).is_empty());

        // written without `_`: still loads, with a warning naming the line
        let (p, errors) = patterns("# x\n163\tcarry out|stage * embargo against TARGET\n163\tspeak out|about\n");
        assert_eq!(p.list.len(), 2);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].is_warning() && errors[0].line == 2, "{errors:?}");
        assert!(errors[0].message.contains("carry_out|stage"), "{}", errors[0].message);
    }
}
