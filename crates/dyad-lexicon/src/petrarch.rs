//! PETRARCH/TABARI dictionaries: actors, agents and verb patterns, read
//! into dyad's structures (see `docs/dictionaries.md`, "PETRARCH and
//! TABARI dictionaries").
//!
//! [`parse`] turns one file into a [`Translation`] (records, counts,
//! problems); `apply` adds it to the lexicon builders. Malformed lines are
//! errors naming file and line; constructs dyad cannot express (null codes,
//! prefix agents, compound actors, reversed events) are warnings. Neither
//! stops the load.
//!
//! * Actors: a primary phrase (`_` or blank between words), `+` synonyms,
//!   codes `[CODE]` on the phrase line or on TAB-indented lines, with date
//!   restrictions `[CODE YYMMDD-YYMMDD]`, `[CODE <date]`, `[CODE >date]`
//!   (YYMMDD or YYYYMMDD; YY <= 30 is 20YY). Undated entries become country
//!   names (a bare country code) or organisations; dated ones become
//!   [`Person`] tenures in file order, then the undated default.
//! * Agents: `PHRASE {PLURALS} [~CODE]`, `!MARKER! = A, B` substitutions,
//!   regular plurals of the last word unless `{}` or a marker is used.
//! * Verbs: `&SYNSET` blocks, `--- NAME [CODE] ---` verb blocks with verbs
//!   (`{forms}`, `+` multi-word verbs, own `[CODE]`) and `- ... * ... [CODE]`
//!   patterns, translated to `events.txt` patterns (`*` = the verb,
//!   blank = dyad `*` skip, `_` = adjacent, `+` = TARGET, `$` = SOURCE,
//!   `^` = skip, `{..}`/`(..)` grouping dropped, `A/B` and synsets =
//!   alternatives, `[a:a]` = `sym`).

use crate::actors::{self, ActorEntry, CountryForm, Person};
use crate::codebook::Codebook;
use crate::patterns;
use crate::source::{DictFile, LoadError};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// More dyad patterns than this from one PETRARCH pattern: skipped.
const MAX_VARIANTS: usize = 64;

/// What one PETRARCH file gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Actor records (a primary phrase with its synonyms and codes) translated.
    pub actors: usize,
    /// Phrases those records added (primary phrases and synonyms).
    pub actor_phrases: usize,
    /// Date-restricted roles translated to dated tenures.
    pub dated_roles: usize,
    /// Agent lines translated.
    pub agent_lines: usize,
    /// Agent phrases added (with plurals and `!MARKER!` substitutions).
    pub agents: usize,
    /// Verb lines in verb blocks.
    pub verbs: usize,
    /// `-` pattern lines translated into at least one dyad pattern.
    pub patterns_translated: usize,
    /// `-` pattern lines skipped (warnings or errors say why).
    pub patterns_skipped: usize,
    /// dyad patterns produced, isolated-verb codes included.
    pub dyad_patterns: usize,
    pub warnings: usize,
    pub errors: usize,
}

/// One code of an actor, possibly date-restricted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl Role {
    pub fn dated(&self) -> bool {
        self.start.is_some() || self.end.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRecord {
    /// Line of the primary phrase.
    pub line: usize,
    /// Display name: the primary phrase in title case.
    pub name: String,
    pub phrases: Vec<String>,
    /// Roles in file order (dated and undated).
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentRecord {
    pub line: usize,
    pub phrases: Vec<String>,
    pub sector: String,
}

/// A dyad pattern in the `events.txt` grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternRecord {
    pub line: usize,
    pub code: String,
    pub text: String,
    pub symmetric: bool,
}

/// A PETRARCH file read into dyad's terms.
#[derive(Debug, Clone, Default)]
pub struct Translation {
    pub actors: Vec<ActorRecord>,
    pub agents: Vec<AgentRecord>,
    pub patterns: Vec<PatternRecord>,
    /// Errors (malformed lines) and warnings (untranslatable constructs).
    pub problems: Vec<LoadError>,
    pub stats: Stats,
}

impl Translation {
    fn error(&mut self, f: &DictFile, line: usize, msg: impl Into<String>) {
        self.stats.errors += 1;
        self.problems.push(f.error(line, msg));
    }

    fn warn(&mut self, f: &DictFile, line: usize, msg: impl Into<String>) {
        self.stats.warnings += 1;
        self.problems.push(f.warning(line, msg));
    }
}

/// The PETRARCH kind a file's content shows, if any.
pub(crate) fn sniff(text: &str) -> Option<&'static str> {
    let mut actor_lines = 0;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with("---") && t.contains('[') && t[3..].contains("---") {
            return Some("petrarch-verbs");
        }
        if i > 2000 {
            continue; // only verb headers are searched further
        }
        if t.starts_with('#') || t.starts_with('<') {
            continue;
        }
        if let Some(b) = t.find('[') {
            let inner = t[b + 1..].split(']').next().unwrap_or("");
            if inner.starts_with('~') || inner.ends_with('~') {
                return Some("petrarch-agents");
            }
            let code = inner.split_whitespace().next().unwrap_or("");
            let code_like = !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if code_like && (b > 0 || line.starts_with(['\t', ' '])) {
                actor_lines += 1;
            }
        }
        if actor_lines >= 2 {
            return Some("petrarch-actors");
        }
    }
    None
}

/// Content lines with comments removed: `#` and legacy `;` comments,
/// one-line and multi-line `<!-- -->` comments, other `<...>` lines.
/// Leading whitespace is kept (it marks actor date restrictions).
fn content_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = raw.trim_end_matches('\r').to_string();
        if in_comment {
            match line.find("-->") {
                Some(p) => {
                    in_comment = false;
                    line = line[p + 3..].to_string();
                }
                None => continue,
            }
        }
        // inline <!-- ... --> comments
        while let Some(s) = line.find("<!") {
            match line[s..].find("-->") {
                Some(e) => line.replace_range(s..s + e + 3, ""),
                None => {
                    in_comment = true;
                    line.truncate(s);
                    break;
                }
            }
        }
        if line.trim_start().starts_with('<') {
            continue;
        }
        if let Some(p) = line.find(['#', ';']) {
            line.truncate(p);
        }
        if line.trim().is_empty() {
            continue;
        }
        out.push((i + 1, line.trim_end().to_string()));
    }
    out
}

/// Reads one PETRARCH file of `kind` (from [`DictFile::kind`]).
pub fn parse(f: &DictFile, kind: &str, codebook: &Codebook) -> Translation {
    let mut t = Translation::default();
    match kind {
        "petrarch-actors" => parse_actors(f, &mut t),
        "petrarch-agents" => parse_agents(f, &mut t),
        "petrarch-verbs" => parse_verbs(f, codebook, &mut t),
        "petrarch-discards" => t.warn(f, 0, "PETRARCH discard list: dyad has no discard lists; file ignored"),
        "petrarch-issues" => t.warn(f, 0, "PETRARCH issue list: dyad does not code issues; file ignored"),
        _ => t.warn(
            f,
            0,
            "PETRARCH ontology or preposition list: not used by dyad; file ignored",
        ),
    }
    t
}

// ---------------------------------------------------------------- actors

fn phrase_text(s: &str) -> String {
    s.replace('_', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `YYMMDD` (YY <= 30 is 20YY, else 19YY) or `YYYYMMDD`.
fn petrarch_date(s: &str) -> Option<NaiveDate> {
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// One `[CODE restriction]` bracket.
fn parse_role(inner: &str) -> Result<Option<Role>, String> {
    let inner = inner.trim();
    let (code, rest) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    if code == "---" {
        return Ok(None);
    }
    if code.is_empty() || code.len() > 15 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("bad actor code {code:?}"));
    }
    let bad = || format!("bad date restriction {rest:?}: use <DATE, >DATE or DATE-DATE (YYMMDD or YYYYMMDD)");
    let date = |s: &str| petrarch_date(s).ok_or_else(bad);
    let (start, end) = if rest.is_empty() {
        (None, None)
    } else if let Some(d) = rest.strip_prefix('<') {
        (None, Some(date(d)?))
    } else if let Some(d) = rest.strip_prefix('>') {
        (Some(date(d)?), None)
    } else if let Some((a, b)) = rest.split_once('-') {
        (Some(date(a)?), Some(date(b)?))
    } else {
        return Err(bad());
    };
    Ok(Some(Role {
        code: code.to_ascii_uppercase(),
        start,
        end,
    }))
}

/// Splits `text` into the part before the first `[` and the bracket contents.
fn brackets(text: &str) -> Result<(&str, Vec<&str>), String> {
    let Some(first) = text.find('[') else {
        return Ok((text, Vec::new()));
    };
    let mut inners = Vec::new();
    let mut rest = &text[first..];
    while let Some(s) = rest.find('[') {
        if !rest[..s].trim().is_empty() {
            return Err(format!("unexpected text {:?} between codes", rest[..s].trim()));
        }
        let Some(e) = rest[s..].find(']') else {
            return Err("unclosed [".into());
        };
        inners.push(&rest[s + 1..s + e]);
        rest = &rest[s + e + 1..];
    }
    if !rest.trim().is_empty() {
        return Err(format!("unexpected text {:?} after codes", rest.trim()));
    }
    Ok((&text[..first], inners))
}

fn parse_actors(f: &DictFile, t: &mut Translation) {
    let mut cur: Option<ActorRecord> = None;
    let mut nulls = 0;
    let finish = |t: &mut Translation, rec: Option<ActorRecord>, nulls: usize| {
        let Some(rec) = rec else { return };
        if rec.roles.is_empty() {
            if nulls > 0 {
                t.warn(
                    f,
                    rec.line,
                    format!(
                        "{:?} has only the null code ---: dyad has no null actors; skipped",
                        rec.name
                    ),
                );
            } else {
                t.error(f, rec.line, format!("actor {:?} has no code", rec.name));
            }
            return;
        }
        t.stats.actors += 1;
        t.stats.actor_phrases += rec.phrases.len();
        t.stats.dated_roles += rec.roles.iter().filter(|r| r.dated()).count();
        t.actors.push(rec);
    };
    for (n, line) in content_lines(&f.text) {
        if line.contains("---STOP---") {
            break;
        }
        let indented = line.starts_with(['\t', ' ']);
        let body = line.trim();
        let (head, inners) = match brackets(body) {
            Ok(x) => x,
            Err(e) => {
                t.error(f, n, e);
                continue;
            }
        };
        let head = head.trim();
        if indented && head.is_empty() {
            // date restrictions of the current record
        } else if let Some(syn) = head.strip_prefix('+') {
            let p = phrase_text(syn);
            match cur.as_mut() {
                Some(rec) if !p.is_empty() => rec.phrases.push(p),
                Some(_) => t.error(f, n, "empty synonym"),
                None => t.error(f, n, "synonym before any actor"),
            }
        } else {
            finish(t, cur.take(), nulls);
            nulls = 0;
            let p = phrase_text(head);
            if p.is_empty() {
                t.error(f, n, "code without an actor phrase");
                continue;
            }
            cur = Some(ActorRecord {
                line: n,
                name: title_case(&p.to_lowercase()),
                phrases: vec![p],
                roles: Vec::new(),
            });
        }
        let Some(rec) = cur.as_mut() else {
            if !inners.is_empty() {
                t.error(f, n, "date restriction before any actor");
            }
            continue;
        };
        let mut warnings = Vec::new();
        let mut errors = Vec::new();
        for inner in inners {
            if inner.contains('/') {
                errors.push(format!("several codes {inner:?} in one bracket"));
                continue;
            }
            match parse_role(inner) {
                Ok(Some(role)) => rec.roles.push(role),
                Ok(None) => {
                    nulls += 1;
                    warnings.push("null code --- (PETRARCH: match but do not code): no dyad equivalent; role skipped")
                }
                Err(e) => errors.push(e),
            }
        }
        for w in warnings {
            t.warn(f, n, w);
        }
        for e in errors {
            t.error(f, n, e);
        }
    }
    finish(t, cur.take(), nulls);
}

// ---------------------------------------------------------------- agents

fn plural(phrase: &str) -> String {
    let (head, last) = phrase.rsplit_once(' ').map_or(("", phrase), |(h, l)| (h, l));
    let lower = last.to_ascii_lowercase();
    let p = if lower.ends_with('y') && !lower.ends_with("ay") && !lower.ends_with("ey") && !lower.ends_with("oy") {
        format!("{}ies", &last[..last.len() - 1])
    } else if ["s", "x", "ch", "sh", "z"].iter().any(|e| lower.ends_with(e)) {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    if head.is_empty() {
        p
    } else {
        format!("{head} {p}")
    }
}

fn parse_agents(f: &DictFile, t: &mut Translation) {
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    for (n, line) in content_lines(&f.text) {
        let body = line.trim();
        if body.starts_with('!') && body.contains('=') && !body.contains('[') {
            let (k, v) = body.split_once('=').unwrap_or_default();
            let items: Vec<String> = v
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            let k = k.trim();
            if !(k.len() > 2 && k.ends_with('!')) || items.is_empty() {
                t.error(f, n, "bad substitution marker: use !NAME! = A, B, C");
            } else {
                markers.insert(k.to_string(), items);
            }
            continue;
        }
        let Some(b) = body.find('[') else {
            t.error(f, n, "agent without a [~CODE]");
            continue;
        };
        let Some(e) = body[b..].find(']').map(|e| b + e) else {
            t.error(f, n, "unclosed [ (expected [~CODE] or [CODE~])");
            continue;
        };
        let code = body[b + 1..e].trim();
        let (phrase_part, plural_part) = match body[..b].find('{') {
            Some(o) => match body[o..b].find('}') {
                Some(c) => (&body[..o], Some(&body[o + 1..o + c])),
                None => {
                    t.error(f, n, "unclosed { in plural");
                    continue;
                }
            },
            None => (&body[..b], None),
        };
        let sector = if let Some(c) = code.strip_prefix('~') {
            c
        } else if code.ends_with('~') {
            t.warn(
                f,
                n,
                format!("prefix agent code [{code}] (put before the actor code) has no dyad equivalent; skipped"),
            );
            continue;
        } else {
            t.error(f, n, format!("bad agent code [{code}]: expected [~CODE] or [CODE~]"));
            continue;
        };
        if sector.is_empty() || sector.len() > 15 || !sector.chars().all(|c| c.is_ascii_alphanumeric()) {
            t.error(f, n, format!("bad agent code [{code}]"));
            continue;
        }
        let raw = phrase_part.trim();
        if raw.is_empty() {
            t.error(f, n, "empty agent phrase");
            continue;
        }
        if raw.contains(' ') {
            t.warn(
                f,
                n,
                "a blank in an agent phrase lets other words intervene in PETRARCH; dyad matches the words consecutively",
            );
        }
        let mut phrases = Vec::new();
        if let Some(s) = raw.find('!') {
            let Some(l) = raw[s + 1..].find('!') else {
                t.error(f, n, "unclosed !MARKER!");
                continue;
            };
            let marker = &raw[s..s + l + 2];
            let Some(items) = markers.get(marker) else {
                t.error(f, n, format!("undefined substitution marker {marker}"));
                continue;
            };
            for it in items {
                phrases.push(phrase_text(&raw.replacen(marker, it, 1)));
            }
        } else {
            let p = phrase_text(raw);
            match plural_part {
                Some(pl) => {
                    for form in pl.split_whitespace() {
                        phrases.push(phrase_text(form));
                    }
                }
                None => phrases.push(plural(&p)),
            }
            phrases.insert(0, p);
        }
        t.stats.agent_lines += 1;
        t.stats.agents += phrases.len();
        t.agents.push(AgentRecord {
            line: n,
            phrases: phrases.into_iter().map(|p| p.to_lowercase()).collect(),
            sector: sector.to_ascii_uppercase(),
        });
    }
}

// ---------------------------------------------------------------- verbs

/// A sequence of token positions, each with its alternatives.
type Seq = Vec<BTreeSet<String>>;

/// dyad tokens of one PETRARCH word or phrase (`_` and blanks separate words).
fn word_tokens(w: &str) -> Vec<String> {
    dyad_text::tokenize(&w.replace('_', " "))
        .into_iter()
        .map(|t| t.lower)
        .collect()
}

fn seq_of(tokens: Vec<String>) -> Seq {
    tokens.into_iter().map(|t| BTreeSet::from([t])).collect()
}

/// Merges alternatives that differ in one position: `[a b] [c b]` -> `[a|c b]`.
fn merge(mut alts: Vec<Seq>) -> Vec<Seq> {
    alts.retain(|s| !s.is_empty());
    alts.sort();
    alts.dedup();
    loop {
        let mut merged = false;
        'outer: for i in 0..alts.len() {
            for j in i + 1..alts.len() {
                if alts[i].len() != alts[j].len() {
                    continue;
                }
                let diff: Vec<usize> = (0..alts[i].len()).filter(|&k| alts[i][k] != alts[j][k]).collect();
                if diff.len() <= 1 {
                    let b = alts.remove(j);
                    if let Some(&k) = diff.first() {
                        alts[i][k].extend(b[k].iter().cloned());
                    }
                    merged = true;
                    break 'outer;
                }
            }
        }
        if !merged {
            return alts;
        }
    }
}

/// Merges alternatives of equal length position by position: `[guided
/// missile] [cruise missile] [assault rifle]` -> `[guided|cruise|assault
/// missile|rifle]`. Used for synsets, whose members are one class of thing,
/// so the extra combinations this accepts ("guided rifle") are harmless.
fn merge_by_length(alts: Vec<Seq>) -> Vec<Seq> {
    let mut by_len: std::collections::BTreeMap<usize, Seq> = Default::default();
    for a in alts {
        let slot = by_len.entry(a.len()).or_insert_with(|| vec![BTreeSet::new(); a.len()]);
        for (k, set) in a.into_iter().enumerate() {
            slot[k].extend(set);
        }
    }
    by_len.into_values().filter(|s| !s.is_empty()).collect()
}

#[derive(Debug, Clone)]
struct Verb {
    line: usize,
    forms: Vec<Vec<String>>,
    code: Option<String>,
}

#[derive(Debug, Default)]
struct Block {
    line: usize,
    code: String,
    verbs: Vec<Verb>,
    patterns: Vec<(usize, String)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Slot {
    Gap,
    Source,
    Target,
    Choice(Vec<Seq>),
}

/// A verb line: `SAY {SAYS SAID SAYING} [010]`, `+CLEAR_UP`, `RE_+ARREST`.
fn parse_verb(n: usize, body: &str) -> Result<Verb, String> {
    let (head, code) = match body.find('[') {
        Some(b) => {
            let e = body[b..].find(']').ok_or("unclosed [")? + b;
            (&body[..b], Some(body[b + 1..e].trim().to_string()))
        }
        None => (body, None),
    };
    let (base, forms) = match head.find('{') {
        Some(o) => {
            let c = head[o..].find('}').ok_or("unclosed {")? + o;
            (&head[..o], head[o + 1..c].split_whitespace().collect::<Vec<_>>())
        }
        None => (head, Vec::new()),
    };
    let clean = |s: &str| word_tokens(s.trim().trim_end_matches('_').replace('+', "").as_str());
    let mut all = vec![clean(base)];
    all.extend(forms.into_iter().map(clean));
    all.retain(|f| !f.is_empty());
    if all.is_empty() {
        return Err("empty verb".into());
    }
    Ok(Verb {
        line: n,
        forms: all,
        code: code.filter(|c| !c.is_empty()),
    })
}

struct VerbCtx<'a> {
    f: &'a DictFile,
    codebook: &'a Codebook,
    synsets: HashMap<String, Vec<String>>,
}

impl VerbCtx<'_> {
    /// Members of a synset as token sequences, nested synsets resolved.
    fn synset(&self, label: &str, depth: usize) -> Result<Vec<Seq>, String> {
        let key = label.trim_end_matches('_').to_ascii_uppercase();
        let members = self
            .synsets
            .get(&key)
            .ok_or_else(|| format!("undefined synset {label}"))?;
        let mut out = Vec::new();
        for m in members {
            if let Some(inner) = m.strip_prefix('&') {
                if depth > 4 {
                    return Err(format!("synsets nested too deep at {label}"));
                }
                out.extend(self.synset(inner, depth + 1)?);
            } else {
                out.push(seq_of(word_tokens(m.trim_end_matches('_'))));
            }
        }
        Ok(out)
    }

    /// The verb alternatives of a group of verbs.
    fn verb_choice(verbs: &[&Verb]) -> Vec<Seq> {
        merge(verbs.iter().flat_map(|v| v.forms.iter().cloned().map(seq_of)).collect())
    }

    /// Code of a pattern: `(code, symmetric)`, or a warning.
    fn code(&self, raw: &str) -> Result<(String, bool, Option<String>), String> {
        let raw = raw.trim();
        if raw == "---" {
            return Err("null code --- (PETRARCH: do not code): dyad has no blocking patterns; skipped".into());
        }
        let (code, sym, note) = match raw.split_once(':') {
            Some(("", b)) => {
                return Err(format!(
                    "code [{raw}] gives only the reversed event ({b}, target to source): no dyad equivalent; skipped"
                ))
            }
            Some((a, b)) if a == b => (a, true, None),
            Some((a, b)) => (
                a,
                false,
                Some(format!(
                    "code [{raw}]: the reversed event {b} (target to source) has no dyad equivalent; coded {a} only"
                )),
            ),
            None => (raw, false, None),
        };
        if self.codebook.get(code).is_none() {
            return Err(format!("unknown CAMEO code {code:?}; skipped"));
        }
        Ok((code.to_string(), sym, note))
    }

    /// Translates the body of a pattern line (text between `-` and `[CODE]`).
    fn slots(&self, body: &str, verb: &[Seq]) -> Result<Vec<Slot>, String> {
        let (mut paren, mut brace) = (0i32, 0i32);
        let mut slots = Vec::new();
        let mut verbs = 0;
        let mut opened = false;
        for chunk in body.split_whitespace() {
            for c in chunk.chars() {
                match c {
                    '(' => paren += 1,
                    ')' => paren -= 1,
                    '{' => brace += 1,
                    '}' => brace -= 1,
                    _ => {}
                }
            }
            if paren < 0 || brace < 0 {
                return Err("unbalanced ( ) or { }: a closing bracket without an opening one".into());
            }
            // `(P FOR +`: P marks a prepositional phrase, not a word
            let after_open = std::mem::replace(&mut opened, chunk == "(" || chunk.ends_with('('));
            if chunk == "(P" || (after_open && chunk == "P") {
                continue;
            }
            let chunk: String = chunk.chars().filter(|c| !"(){}".contains(*c)).collect();
            slots.push(Slot::Gap);
            for part in chunk.split('_').filter(|p| !p.is_empty()) {
                slots.push(match part {
                    "*" => {
                        verbs += 1;
                        Slot::Choice(verb.to_vec())
                    }
                    "+" => Slot::Target,
                    "$" => Slot::Source,
                    "^" => Slot::Gap,
                    "%" => return Err("% (compound actor, both source and target) has no dyad equivalent".into()),
                    p if p.starts_with('&') => Slot::Choice(merge_by_length(self.synset(&p[1..], 0)?)),
                    p => {
                        let alts: Vec<Seq> = p.split('/').map(|a| seq_of(word_tokens(a))).collect();
                        let alts = merge(alts);
                        if alts.is_empty() {
                            return Err(format!("{p:?} has no words"));
                        }
                        Slot::Choice(alts)
                    }
                });
            }
        }
        // groups left open are closed at the end of the pattern (as newdict.txt writes them)
        if verbs != 1 {
            return Err(format!("expected one * (the verb), found {verbs}"));
        }
        for slot in [Slot::Source, Slot::Target] {
            if slots.iter().filter(|s| **s == slot).count() > 1 {
                return Err(format!(
                    "more than one {} slot",
                    if slot == Slot::Source { "$" } else { "+" }
                ));
            }
        }
        // collapse gaps, drop them at the ends
        let mut out: Vec<Slot> = Vec::new();
        for s in slots {
            if s == Slot::Gap && out.last().is_none_or(|l| *l == Slot::Gap) {
                continue;
            }
            out.push(s);
        }
        if out.last() == Some(&Slot::Gap) {
            out.pop();
        }
        Ok(out)
    }

    /// Every dyad pattern text for `slots` (one per combination of
    /// alternatives that could not be merged into one element).
    fn render(slots: &[Slot]) -> Result<Vec<String>, String> {
        let count: usize = slots
            .iter()
            .map(|s| match s {
                Slot::Choice(a) => a.len().max(1),
                _ => 1,
            })
            .try_fold(1usize, |acc, k| acc.checked_mul(k).filter(|&v| v <= MAX_VARIANTS))
            .ok_or_else(|| format!("expands to more than {MAX_VARIANTS} dyad patterns; skipped"))?;
        let mut texts = vec![String::new(); 1];
        for s in slots {
            let parts: Vec<String> = match s {
                Slot::Gap => vec!["*".into()],
                Slot::Source => vec!["SOURCE".into()],
                Slot::Target => vec!["TARGET".into()],
                Slot::Choice(alts) => alts
                    .iter()
                    .map(|seq| {
                        seq.iter()
                            .map(|alt| alt.iter().cloned().collect::<Vec<_>>().join("|"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect(),
            };
            texts = texts
                .iter()
                .flat_map(|t| {
                    parts
                        .iter()
                        .map(move |p| if t.is_empty() { p.clone() } else { format!("{t} {p}") })
                })
                .collect();
        }
        debug_assert_eq!(texts.len(), count);
        Ok(texts)
    }
}

fn parse_verbs(f: &DictFile, codebook: &Codebook, t: &mut Translation) {
    let mut ctx = VerbCtx {
        f,
        codebook,
        synsets: HashMap::new(),
    };
    let mut blocks: Vec<Block> = Vec::new();
    // Some(label) while reading a synset's `+` members
    let mut synset: Option<String> = None;
    for (n, line) in content_lines(&f.text) {
        let body = line.trim();
        if body.starts_with("---") {
            synset = None;
            let inner = body.trim_matches('-');
            let code = match (inner.find('['), inner.find(']')) {
                (Some(a), Some(b)) if a < b => inner[a + 1..b].trim().to_string(),
                (None, None) => "---".into(),
                _ => {
                    t.error(f, n, "bad block header: expected --- NAME [CODE] ---");
                    "---".into()
                }
            };
            blocks.push(Block {
                line: n,
                code,
                ..Block::default()
            });
        } else if let Some(label) = body.strip_prefix('&') {
            let label = label
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches('_')
                .to_ascii_uppercase();
            if label.is_empty() {
                t.error(f, n, "empty synset label");
                continue;
            }
            ctx.synsets.insert(label.clone(), Vec::new());
            synset = Some(label);
        } else if let (Some(m), Some(label)) = (body.strip_prefix('+'), synset.as_ref()) {
            ctx.synsets.entry(label.clone()).or_default().push(m.trim().to_string());
        } else if let Some(p) = body.strip_prefix('-') {
            synset = None;
            match blocks.last_mut() {
                Some(b) => b.patterns.push((n, p.to_string())),
                None => {
                    t.stats.patterns_skipped += 1;
                    t.error(f, n, "pattern before any --- verb block ---");
                }
            }
        } else {
            synset = None;
            let Some(b) = blocks.last_mut() else {
                t.error(f, n, "verb before any --- verb block ---");
                continue;
            };
            match parse_verb(n, body) {
                Ok(v) => {
                    t.stats.verbs += 1;
                    b.verbs.push(v);
                }
                Err(e) => t.error(f, n, e),
            }
        }
    }
    for b in &blocks {
        translate_block(&ctx, b, t);
    }
}

fn translate_block(ctx: &VerbCtx, b: &Block, t: &mut Translation) {
    let f = ctx.f;
    let all: Vec<&Verb> = b.verbs.iter().collect();
    // isolated verbs: grouped by their code (own code, else the block's)
    let mut groups: Vec<(String, usize, Vec<&Verb>)> = Vec::new();
    for v in &b.verbs {
        let (code, line) = match &v.code {
            Some(c) => (c.clone(), v.line),
            None => (b.code.clone(), b.line),
        };
        if code == "---" {
            continue;
        }
        match groups.iter_mut().find(|g| g.0 == code) {
            Some(g) => g.2.push(v),
            None => groups.push((code, line, vec![v])),
        }
    }
    for (code, line, verbs) in groups {
        let (code, sym, note) = match ctx.code(&code) {
            Ok(c) => c,
            Err(w) => {
                t.warn(f, line, format!("verb code: {w}"));
                continue;
            }
        };
        if let Some(w) = note {
            t.warn(f, line, w);
        }
        let slots = [Slot::Choice(VerbCtx::verb_choice(&verbs))];
        match VerbCtx::render(&slots) {
            Ok(texts) => push_patterns(t, line, &code, sym, texts),
            Err(w) => t.warn(f, line, w),
        }
    }
    let verb = VerbCtx::verb_choice(&all);
    for (n, raw) in &b.patterns {
        let n = *n;
        let result = (|| {
            if verb.is_empty() {
                return Err((true, "pattern in a block without verbs".to_string()));
            }
            let open = raw.rfind('[').ok_or((true, "pattern without [CODE]".to_string()))?;
            let close = raw[open..]
                .find(']')
                .map(|c| c + open)
                .ok_or((true, "unclosed [ in pattern code".to_string()))?;
            let (code, sym, note) = ctx.code(&raw[open + 1..close]).map_err(|w| (false, w))?;
            let slots = ctx.slots(&raw[..open], &verb).map_err(|w| (false, w))?;
            let texts = VerbCtx::render(&slots).map_err(|w| (false, w))?;
            Ok((code, sym, note, texts))
        })();
        match result {
            Ok((code, sym, note, texts)) => {
                if let Some(w) = note {
                    t.warn(f, n, w);
                }
                t.stats.patterns_translated += 1;
                push_patterns(t, n, &code, sym, texts);
            }
            Err((malformed, msg)) => {
                t.stats.patterns_skipped += 1;
                if malformed {
                    t.error(f, n, msg);
                } else {
                    t.warn(f, n, msg);
                }
            }
        }
    }
}

fn push_patterns(t: &mut Translation, line: usize, code: &str, symmetric: bool, texts: Vec<String>) {
    for text in texts {
        t.stats.dyad_patterns += 1;
        t.patterns.push(PatternRecord {
            line,
            code: code.to_string(),
            text,
            symmetric,
        });
    }
}

// ---------------------------------------------------------------- apply

/// Adds a translation to the lexicon builders.
pub(crate) fn apply(
    t: &Translation,
    f: &DictFile,
    actors: &mut actors::Builder,
    patterns: &mut patterns::Builder,
    errors: &mut Vec<LoadError>,
) {
    // country + rest, when the code starts with a known country code
    let split = |actors: &actors::Builder, code: &str| -> Option<(String, String)> {
        let cc = code.get(..3)?;
        actors.is_country(cc).then(|| (cc.to_string(), code[3..].to_string()))
    };
    for rec in &t.actors {
        let id = f.entry_id(rec.line);
        if rec.roles.iter().any(Role::dated) {
            // dated roles first (first holding wins), then the undated default
            let mut ordered: Vec<&Role> = rec.roles.iter().filter(|r| r.dated()).collect();
            ordered.extend(rec.roles.iter().filter(|r| !r.dated()).take(1));
            for role in ordered {
                let (country, sector) = split(actors, &role.code).unwrap_or((role.code.clone(), String::new()));
                let person = actors.push_person(Person {
                    name: rec.name.clone(),
                    country,
                    sector,
                    role: format!("{} (PETRARCH)", role.code),
                    start: role.start,
                    end: role.end,
                });
                for p in &rec.phrases {
                    actors.add(p, ActorEntry::Person { person, id: id.clone() });
                }
            }
            continue;
        }
        let code = &rec.roles[0].code;
        let entry = match split(actors, code) {
            Some((cc, rest)) if rest.is_empty() => ActorEntry::Country {
                code: cc,
                form: CountryForm::Name,
                id,
            },
            Some((cc, rest)) => ActorEntry::Org {
                code: code.clone(),
                country: Some(cc),
                sector: Some(rest),
                name: rec.name.clone(),
                id,
            },
            None => ActorEntry::Org {
                code: code.clone(),
                country: None,
                sector: None,
                name: rec.name.clone(),
                id,
            },
        };
        for p in &rec.phrases {
            actors.add(p, entry.clone());
        }
    }
    for a in &t.agents {
        for p in &a.phrases {
            actors.add(
                p,
                ActorEntry::Agent {
                    sector: a.sector.clone(),
                    id: f.entry_id(a.line),
                },
            );
        }
    }
    for p in &t.patterns {
        if let Err(e) = patterns.push(&p.code, &p.text, p.symmetric, f.entry_id(p.line)) {
            errors.push(f.error(p.line, format!("translated pattern {:?}: {e}", p.text)));
        }
    }
}

/// A one-line summary of what a file gave, for the load report.
pub fn summary(kind: &str, s: &Stats) -> String {
    match kind {
        "petrarch-actors" => format!(
            "PETRARCH actors: {} actors ({} phrases, {} dated roles); {} warnings, {} errors",
            s.actors, s.actor_phrases, s.dated_roles, s.warnings, s.errors
        ),
        "petrarch-agents" => format!(
            "PETRARCH agents: {} lines -> {} agent phrases; {} warnings, {} errors",
            s.agent_lines, s.agents, s.warnings, s.errors
        ),
        _ => format!(
            "PETRARCH verbs: {} verbs; {} patterns translated, {} skipped -> {} dyad patterns; {} warnings, {} errors",
            s.verbs, s.patterns_translated, s.patterns_skipped, s.dyad_patterns, s.warnings, s.errors
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codebook() -> Codebook {
        let mut cb = Codebook::default();
        let mut errors = Vec::new();
        cb.load(
            &DictFile::builtin(
                "cameo.tsv",
                "042\tVisit\t1.9\t1\n043\tHost\t2.8\t1\n070\tAid\t7\t2\n163\tEmbargo\t-8\t4\n010\tStatement\t0\t1\n",
            ),
            &mut errors,
        );
        assert!(errors.is_empty());
        cb
    }

    #[test]
    fn actors_with_synonyms_dates_and_comments() {
        let f = DictFile::builtin(
            "test.actors.txt",
            "<!-- header\n# still comment\n-->\nJENS_STOLTENBERG_  # NATO\n+STOLTENBERG\n\t[NORGOV 051017-131016]\n\t[IGOWSTNAT 141001-]\n\
             \t[IGOWSTNAT >141001]\n\t[NOR]\nITALY [ITA]\n+ITALIAN\nGHOST [---]\nNOCODE\nBROKEN [ABC 991301-000101]\n",
        );
        let t = parse(&f, "petrarch-actors", &codebook());
        assert_eq!(t.actors.len(), 2, "{:?}", t.actors);
        let js = &t.actors[0];
        assert_eq!(js.name, "Jens Stoltenberg");
        assert_eq!(js.phrases, vec!["JENS STOLTENBERG", "STOLTENBERG"]);
        assert_eq!(js.roles.len(), 3);
        assert_eq!(js.roles[0].start, NaiveDate::from_ymd_opt(2005, 10, 17));
        assert_eq!(js.roles[0].end, NaiveDate::from_ymd_opt(2013, 10, 16));
        assert_eq!(js.roles[1].start, NaiveDate::from_ymd_opt(2014, 10, 1));
        assert_eq!(t.stats.dated_roles, 2);
        let lines: Vec<(usize, bool)> = t.problems.iter().map(|p| (p.line, p.is_warning())).collect();
        // 141001- (missing end); GHOST: null code, so no actor; NOCODE; BROKEN: bad month, so no code
        assert_eq!(
            lines,
            vec![
                (7, false),
                (12, true),
                (12, true),
                (13, false),
                (14, false),
                (14, false)
            ],
            "{:?}",
            t.problems
        );
        assert_eq!(t.actors[1].phrases, vec!["ITALY", "ITALIAN"]);
    }

    #[test]
    fn agents_plurals_markers_and_prefix_codes() {
        let f = DictFile::builtin(
            "x.agents.txt",
            "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n\
             PARTY [~PTY]\nPEACEKEEPER [IGO~]\nNOCODE\n",
        );
        let t = parse(&f, "petrarch-agents", &codebook());
        let got: Vec<(Vec<String>, String)> = t.agents.iter().map(|a| (a.phrases.clone(), a.sector.clone())).collect();
        assert_eq!(
            got,
            vec![
                (vec!["congressman".into(), "congresswoman".into()], "LEG".into()),
                (vec!["police".into()], "COP".into()),
                (
                    vec!["attorney general".into(), "attorneys general".into()],
                    "GOV".into()
                ),
                (vec!["party".into(), "parties".into()], "PTY".into()),
            ]
        );
        assert_eq!(t.stats.warnings, 1);
        assert_eq!(t.stats.errors, 1);
        assert_eq!(t.problems[1].line, 7);
    }

    #[test]
    fn verb_blocks_and_patterns_translate_to_dyad_grammar() {
        let f = DictFile::builtin(
            "CAMEO.test.txt",
            "&CURRENCY\n+DOLLAR\n+SWISS FRANC\n\n--- VISIT [042:043] ---\nVISIT\nTOUR\n+DROP_IN {+DROPS_IN +DROPPED_IN}\n\
             - * + (IN {CAPITAL CITY}) [042]\n- $ * ^ &CURRENCY [070]\n- * SHIP [---]\n- % * [042]\n- * (TO [042]\n\
             - * AID/HELP [070:070]\n- * (P FOR +) [070]\n--- SAY [010] ---\nSAY {SAYS SAID}\nNAME [---]\n",
        );
        let t = parse(&f, "petrarch-verbs", &codebook());
        let got: Vec<(usize, &str, &str, bool)> = t
            .patterns
            .iter()
            .map(|p| (p.line, p.code.as_str(), p.text.as_str(), p.symmetric))
            .collect();
        assert_eq!(
            got,
            vec![
                (5, "042", "drop|dropped|drops in", false),
                (5, "042", "tour|visit", false),
                (9, "042", "drop|dropped|drops in * TARGET * in * capital * city", false),
                (9, "042", "tour|visit * TARGET * in * capital * city", false),
                (10, "070", "SOURCE * drop|dropped|drops in * dollar", false),
                (10, "070", "SOURCE * drop|dropped|drops in * swiss franc", false),
                (10, "070", "SOURCE * tour|visit * dollar", false),
                (10, "070", "SOURCE * tour|visit * swiss franc", false),
                (13, "042", "drop|dropped|drops in * to", false),
                (13, "042", "tour|visit * to", false),
                (14, "070", "drop|dropped|drops in * aid|help", true),
                (14, "070", "tour|visit * aid|help", true),
                (15, "070", "drop|dropped|drops in * for * TARGET", false),
                (15, "070", "tour|visit * for * TARGET", false),
                (16, "010", "said|say|says", false),
            ],
            "{:#?}",
            t.problems
        );
        assert_eq!(t.stats.patterns_translated, 5);
        assert_eq!(t.stats.patterns_skipped, 2);
        let warned: Vec<usize> = t.problems.iter().filter(|p| p.is_warning()).map(|p| p.line).collect();
        // block code 042:043 (reverse dropped), null code, compound
        assert_eq!(warned, vec![5, 11, 12]);
    }

    #[test]
    fn sniffing_tells_petrarch_from_dyad_files() {
        assert_eq!(sniff("--- GRANT [070] ---\nGRANT\n"), Some("petrarch-verbs"));
        assert_eq!(sniff("POLICE {} [~COP]\n"), Some("petrarch-agents"));
        assert_eq!(sniff("ITALY [ITA]\n+ITALIAN\nFRANCE [FRA]\n"), Some("petrarch-actors"));
        assert_eq!(sniff("[Dictionaries]\nverbfile_name = x\n[Options]\n"), None);
        assert_eq!(sniff("president\tGOV\nminister\tGOV\n"), None);
    }
}
