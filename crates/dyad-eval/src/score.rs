//! Matching coded events to gold events and the metrics over the matches.
//! Pure functions over [`GoldItem`]s and [`CodedEvent`]s; no pipeline here.
//!
//! The rules (also in `docs/eval.md`):
//! * Events are only compared within one gold item.
//! * **Alignment.** Within an item, a coded event may pair with a gold
//!   event that has the same root code (first two digits). Pairs are taken
//!   greedily, best first, one-to-one; "best" prefers agreeing actors at
//!   country level, then the same full code, then agreeing full actor
//!   codes, then the same date.
//! * An aligned pair is **correct at root level** when source and target
//!   agree at country level ([`actor_country`]); **correct at full-code
//!   level** when, in addition, the full CAMEO codes are equal; **strict**
//!   when, in addition, the full actor codes are equal.
//! * Symmetric events are two events (A→B and B→A) on both sides.
//! * Actor accuracy is measured over all aligned pairs; date accuracy over
//!   root-correct pairs whose gold event gives a date, location accuracy
//!   likewise.

use crate::gold::{GoldEvent, GoldItem};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// A coded event, reduced to what scoring and error reports need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodedEvent {
    /// Sentence index within the item.
    pub sentence: usize,
    pub source: String,
    pub target: Option<String>,
    pub cameo: String,
    pub date: Option<NaiveDate>,
    pub location: Option<String>,
    pub negated: bool,
    pub modality: String,
    /// The words that triggered the event.
    pub event_text: String,
    /// The event-pattern line that fired (`events.txt:994`).
    pub pattern: String,
}

/// Prefixes of actor codes that name a transnational body rather than a
/// country: their "country" is the whole code.
const TRANSNATIONAL: &[&str] = &["IGO", "NGO", "MNC", "NGM"];

/// The country-level part of an actor code: the first three characters
/// (the ISO alpha-3 country, or a bare sector such as `REB` when no country
/// is known), except for IGO/NGO/MNC/NGM codes, which are compared whole
/// (`IGOUNO` and `IGOUNOHLHWHO` are different bodies, not one "country").
pub fn actor_country(code: &str) -> &str {
    if TRANSNATIONAL.iter().any(|p| code.starts_with(p)) || code.len() <= 3 {
        code
    } else {
        &code[..3]
    }
}

/// The root of a CAMEO code: its first two digits.
pub fn root(cameo: &str) -> &str {
    cameo.get(..2).unwrap_or(cameo)
}

fn same_country(a: &str, b: &str) -> bool {
    actor_country(a) == actor_country(b)
}

fn same_opt(a: Option<&str>, b: Option<&str>, eq: impl Fn(&str, &str) -> bool) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => eq(x, y),
        _ => false,
    }
}

/// Source and target agree at country level.
pub fn actors_match_country(g: &GoldEvent, c: &CodedEvent) -> bool {
    same_country(&g.source, &c.source) && same_opt(g.target.as_deref(), c.target.as_deref(), same_country)
}

/// Source and target codes are identical.
pub fn actors_match_full(g: &GoldEvent, c: &CodedEvent) -> bool {
    g.source == c.source && g.target == c.target
}

/// Greedy one-to-one alignment of gold and coded events of one item:
/// `(gold index, coded index)` pairs, in gold order.
pub fn align(gold: &[GoldEvent], coded: &[CodedEvent]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (ci, c) in coded.iter().enumerate() {
            if root(&g.cameo) != root(&c.cameo) {
                continue;
            }
            let mut score = 0u32;
            if same_country(&g.source, &c.source) {
                score += 16;
            }
            if same_opt(g.target.as_deref(), c.target.as_deref(), same_country) {
                score += 16;
            }
            if g.cameo == c.cameo {
                score += 8;
            }
            if g.source == c.source {
                score += 2;
            }
            if g.target == c.target {
                score += 2;
            }
            if g.date.is_some() && g.date == c.date {
                score += 1;
            }
            cands.push((score, gi, ci));
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gused, mut cused) = (vec![false; gold.len()], vec![false; coded.len()]);
    let mut pairs = Vec::new();
    for (_, gi, ci) in cands {
        if !gused[gi] && !cused[ci] {
            gused[gi] = true;
            cused[ci] = true;
            pairs.push((gi, ci));
        }
    }
    pairs.sort();
    pairs
}

/// Gold, coded and correct counts at one level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub coded: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Counts {
    fn finish(&mut self) {
        self.precision = ratio(self.correct, self.coded);
        self.recall = ratio(self.correct, self.gold);
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
    }
}

/// With nothing to score the ratio is 1 when nothing was expected either
/// (0 coded of 0 gold is perfect precision), else 0.
fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// `correct` of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
    pub accuracy: f64,
}

impl Accuracy {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += ok as usize;
        self.accuracy = ratio(self.correct, self.total);
    }
}

/// Actor accuracy over aligned pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ActorAccuracy {
    pub source_country: Accuracy,
    pub source_full: Accuracy,
    pub target_country: Accuracy,
    pub target_full: Accuracy,
}

/// Items that must produce no event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct NoEventItems {
    pub items: usize,
    /// Of those, items where something was coded anyway.
    pub with_events: usize,
    /// Events coded in them.
    pub events: usize,
}

/// Every number of one evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    pub items: usize,
    /// Event code compared at root (first two digits).
    pub root: Counts,
    /// Full event code.
    pub full: Counts,
    /// Full event code and full actor codes.
    pub strict: Counts,
    /// By gold/coded root; `gold` is the support.
    pub per_root: BTreeMap<String, Counts>,
    pub aligned: usize,
    pub actors: ActorAccuracy,
    pub date: Accuracy,
    pub location: Accuracy,
    pub no_event: NoEventItems,
}

/// What went wrong with one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A gold event with no coded event of its root.
    Missed,
    /// A coded event with no gold event of its root.
    Spurious,
    /// Right root, an actor wrong at country level (one miss and one
    /// spurious event in the counts).
    WrongActor,
    /// Right root and actors, wrong full code.
    WrongCode,
}

/// One scoring error, with what the report needs to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalError {
    pub kind: ErrorKind,
    pub item: String,
    pub line: usize,
    pub text: String,
    pub expected: Option<GoldEvent>,
    pub coded: Option<CodedEvent>,
    /// The coded event's pattern, when there is a coded event.
    pub pattern: Option<String>,
    /// For a spurious event: every gold event of the item (empty for an
    /// item that must code nothing).
    pub item_events: Vec<GoldEvent>,
    /// For a miss: the coder's trace notes for the item whose code has the
    /// expected root (the nearest candidate patterns), else all notes.
    pub candidates: Vec<String>,
}

/// One item's gold, what was coded, and the coder's trace notes
/// (`(sentence, note)`, as in `Doc::trace`).
pub struct ItemRun<'a> {
    pub gold: &'a GoldItem,
    pub coded: Vec<CodedEvent>,
    pub trace: Vec<(usize, String)>,
}

/// The code a trace note is about ("kept 043 events.txt:983 (...)").
fn note_code(note: &str) -> Option<&str> {
    let mut w = note.split_whitespace();
    match w.next() {
        Some("kept" | "dropped") => w.next().filter(|c| c.chars().all(|d| d.is_ascii_digit())),
        _ => None,
    }
}

fn candidates(trace: &[(usize, String)], want_root: &str) -> Vec<String> {
    let fmt = |(s, n): &(usize, String)| format!("[{s}] {n}");
    let same: Vec<String> = trace
        .iter()
        .filter(|(_, n)| note_code(n).is_some_and(|c| root(c) == want_root))
        .map(fmt)
        .collect();
    if same.is_empty() {
        trace.iter().map(fmt).collect()
    } else {
        same
    }
}

/// Scores all items: metrics and the list of errors (misses first, then
/// spurious events, wrong actors, wrong full codes; item order within).
pub fn score(runs: &[ItemRun]) -> (Metrics, Vec<EvalError>) {
    let mut m = Metrics {
        items: runs.len(),
        ..Default::default()
    };
    let mut errors = Vec::new();
    for run in runs {
        let (gold, coded) = (&run.gold.events, &run.coded);
        let pairs = align(gold, coded);
        let err = |kind, g: Option<&GoldEvent>, c: Option<&CodedEvent>| EvalError {
            kind,
            item: run.gold.id.clone(),
            line: run.gold.line,
            text: run.gold.text.clone(),
            expected: g.cloned(),
            coded: c.cloned(),
            pattern: c.map(|c| c.pattern.clone()),
            item_events: if kind == ErrorKind::Spurious {
                gold.clone()
            } else {
                Vec::new()
            },
            candidates: match (kind, g) {
                (ErrorKind::Missed | ErrorKind::WrongActor | ErrorKind::WrongCode, Some(g)) => {
                    candidates(&run.trace, root(&g.cameo))
                }
                _ => Vec::new(),
            },
        };
        for lv in [&mut m.root, &mut m.full, &mut m.strict] {
            lv.gold += gold.len();
            lv.coded += coded.len();
        }
        for g in gold {
            m.per_root.entry(root(&g.cameo).to_string()).or_default().gold += 1;
        }
        for c in coded {
            m.per_root.entry(root(&c.cameo).to_string()).or_default().coded += 1;
        }
        if gold.is_empty() {
            m.no_event.items += 1;
            if !coded.is_empty() {
                m.no_event.with_events += 1;
                m.no_event.events += coded.len();
            }
        }
        let (mut gpaired, mut cpaired) = (vec![false; gold.len()], vec![false; coded.len()]);
        for &(gi, ci) in &pairs {
            gpaired[gi] = true;
            cpaired[ci] = true;
            let (g, c) = (&gold[gi], &coded[ci]);
            m.aligned += 1;
            let a = &mut m.actors;
            a.source_country.add(same_country(&g.source, &c.source));
            a.source_full.add(g.source == c.source);
            a.target_country
                .add(same_opt(g.target.as_deref(), c.target.as_deref(), same_country));
            a.target_full.add(g.target == c.target);
            if !actors_match_country(g, c) {
                errors.push(err(ErrorKind::WrongActor, Some(g), Some(c)));
                continue;
            }
            m.root.correct += 1;
            m.per_root.entry(root(&g.cameo).to_string()).or_default().correct += 1;
            if let Some(d) = g.date {
                m.date.add(c.date == Some(d));
            }
            if let Some(l) = &g.location {
                m.location
                    .add(c.location.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(l)));
            }
            if g.cameo == c.cameo {
                m.full.correct += 1;
                if actors_match_full(g, c) {
                    m.strict.correct += 1;
                }
            } else {
                errors.push(err(ErrorKind::WrongCode, Some(g), Some(c)));
            }
        }
        for (gi, g) in gold.iter().enumerate() {
            if !gpaired[gi] {
                errors.push(err(ErrorKind::Missed, Some(g), None));
            }
        }
        for (ci, c) in coded.iter().enumerate() {
            if !cpaired[ci] {
                errors.push(err(ErrorKind::Spurious, None, Some(c)));
            }
        }
    }
    for c in [&mut m.root, &mut m.full, &mut m.strict] {
        c.finish();
    }
    for c in m.per_root.values_mut() {
        c.finish();
    }
    // Stable: item order is kept within each kind.
    errors.sort_by_key(|e| e.kind);
    (m, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gev(s: &str, t: &str, cameo: &str) -> GoldEvent {
        GoldEvent {
            source: s.into(),
            target: Some(t.into()),
            cameo: cameo.into(),
            date: None,
            location: None,
        }
    }

    fn cev(s: &str, t: &str, cameo: &str) -> CodedEvent {
        CodedEvent {
            sentence: 0,
            source: s.into(),
            target: Some(t.into()),
            cameo: cameo.into(),
            date: None,
            location: None,
            negated: false,
            modality: "asserted".into(),
            event_text: "met".into(),
            pattern: "events.txt:1".into(),
        }
    }

    fn item(id: &str, events: Vec<GoldEvent>) -> GoldItem {
        GoldItem {
            line: 1,
            id: id.into(),
            text: "text".into(),
            published: NaiveDate::from_ymd_opt(2020, 10, 14).unwrap(),
            events,
            note: None,
        }
    }

    fn run(gold: &GoldItem, coded: Vec<CodedEvent>) -> ItemRun<'_> {
        ItemRun {
            gold,
            coded,
            trace: vec![(0, "dropped 042 events.txt:7 (visit TARGET): no source".into())],
        }
    }

    #[test]
    fn country_level_codes() {
        assert_eq!(actor_country("RUSGOV"), "RUS");
        assert_eq!(actor_country("RUS"), "RUS");
        assert_eq!(actor_country("RUSGOVMIL"), "RUS");
        assert_eq!(actor_country("IGOUNOHLHWHO"), "IGOUNOHLHWHO");
        assert_eq!(actor_country("NGOHRIAMN"), "NGOHRIAMN");
        assert_eq!(root("0431"), "04");
    }

    #[test]
    fn symmetric_pair_counts_twice() {
        let g = item(
            "a",
            vec![gev("RUSGOV", "ITAGOV", "043"), gev("ITAGOV", "RUSGOV", "042")],
        );
        // Both directions coded: two correct events.
        let both = [run(
            &g,
            vec![cev("RUSGOV", "ITAGOV", "043"), cev("ITAGOV", "RUSGOV", "042")],
        )];
        let (m, errors) = score(&both);
        assert_eq!((m.root.gold, m.root.coded, m.root.correct), (2, 2, 2));
        assert_eq!(m.full.correct, 2);
        assert!(errors.is_empty());
        // One direction only: half the recall, and the reverse is a miss.
        let one = [run(&g, vec![cev("RUSGOV", "ITAGOV", "043")])];
        let (m, errors) = score(&one);
        assert_eq!((m.root.correct, m.root.recall, m.root.precision), (1, 0.5, 1.0));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, ErrorKind::Missed);
        assert_eq!(errors[0].expected.as_ref().unwrap().source, "ITAGOV");
        assert_eq!(
            errors[0].candidates,
            vec!["[0] dropped 042 events.txt:7 (visit TARGET): no source"]
        );
    }

    #[test]
    fn country_level_matching_and_full_code_accuracy() {
        let g = item("a", vec![gev("RUSGOV", "UKRMIL", "190")]);
        let runs = [run(&g, vec![cev("RUS", "UKR", "195")])];
        let (m, errors) = score(&runs);
        // Country level and root agree: correct at root level.
        assert_eq!(m.root.correct, 1);
        // Full code differs: not correct at full-code level, nor strict.
        assert_eq!((m.full.correct, m.strict.correct), (0, 0));
        assert_eq!(m.actors.source_country.correct, 1);
        assert_eq!(m.actors.source_full.correct, 0);
        assert_eq!(m.actors.target_full.correct, 0);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, ErrorKind::WrongCode);
        // An IGO is its own "country": a different IGO is a wrong actor.
        let g = item("b", vec![gev("IGOUNO", "SYRGOV", "112")]);
        let runs = [run(&g, vec![cev("IGOUNOHLHWHO", "SYRGOV", "112")])];
        let (m, errors) = score(&runs);
        assert_eq!(m.root.correct, 0);
        assert_eq!(m.actors.source_country.correct, 0);
        assert_eq!(errors[0].kind, ErrorKind::WrongActor);
    }

    #[test]
    fn reversed_direction_is_wrong_actor() {
        let g = item("a", vec![gev("RUSMIL", "UKR", "190")]);
        let runs = [run(&g, vec![cev("UKR", "RUSMIL", "190")])];
        let (m, errors) = score(&runs);
        assert_eq!((m.root.correct, m.root.precision, m.root.recall), (0, 0.0, 0.0));
        assert_eq!(m.aligned, 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, ErrorKind::WrongActor);
    }

    #[test]
    fn no_event_item_with_coded_event_is_a_false_positive() {
        let quiet = item("q", vec![]);
        let g = item("a", vec![gev("USAGOV", "CHNGOV", "111")]);
        let runs = [
            run(&quiet, vec![cev("USA", "CHN", "040")]),
            run(&g, vec![cev("USAGOV", "CHNGOV", "111")]),
        ];
        let (m, errors) = score(&runs);
        assert_eq!((m.root.gold, m.root.coded, m.root.correct), (1, 2, 1));
        assert_eq!(m.root.precision, 0.5);
        assert_eq!(m.root.recall, 1.0);
        assert_eq!(
            m.no_event,
            NoEventItems {
                items: 1,
                with_events: 1,
                events: 1
            }
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, ErrorKind::Spurious);
        assert_eq!(errors[0].pattern.as_deref(), Some("events.txt:1"));
        assert_eq!(m.per_root["04"].coded, 1);
        assert_eq!(m.per_root["04"].precision, 0.0);
        assert_eq!(m.per_root["11"].f1, 1.0);
    }

    #[test]
    fn greedy_alignment_prefers_exact_pairs_and_is_one_to_one() {
        let gold = [gev("RUS", "UKR", "190"), gev("RUS", "UKR", "195")];
        let coded = [
            cev("RUS", "UKR", "195"),
            cev("RUS", "UKR", "190"),
            cev("RUS", "UKR", "190"),
        ];
        assert_eq!(align(&gold, &coded), vec![(0, 1), (1, 0)]);
        // Events in different items are never compared.
        let a = item("a", vec![gev("RUS", "UKR", "190")]);
        let b = item("b", vec![]);
        let runs = [run(&a, vec![]), run(&b, vec![cev("RUS", "UKR", "190")])];
        let (m, _) = score(&runs);
        assert_eq!(m.root.correct, 0);
    }

    #[test]
    fn dates_are_scored_where_gold_gives_one() {
        let mut g1 = gev("RUS", "UKR", "190");
        g1.date = NaiveDate::from_ymd_opt(2022, 2, 24);
        let g2 = gev("UKR", "RUS", "111");
        let g = item("a", vec![g1, g2]);
        let mut c1 = cev("RUS", "UKR", "190");
        c1.date = NaiveDate::from_ymd_opt(2022, 2, 23);
        let runs = [run(&g, vec![c1, cev("UKR", "RUS", "111")])];
        let (m, _) = score(&runs);
        assert_eq!((m.date.correct, m.date.total), (0, 1));
    }
}
