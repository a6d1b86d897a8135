//! Scores the built-in lexicon on dyad's own gold set
//! (`fixtures/gold.jsonl`), prints the report, and holds the numbers to
//! floors a little below the last measurement so regressions fail.
//! When the coder improves, raise the floors (a little below the measurement).

use dyad_eval::{evaluate, GoldSet, Options};
use dyad_pipeline::Pipeline;
use std::collections::BTreeMap;

fn gold() -> GoldSet {
    GoldSet::read(&dyad_eval::builtin_gold_path()).unwrap_or_else(|e| panic!("{e}"))
}

/// The measures below their floors, one message each.
fn below_floor(floors: &[(&str, f64, f64)]) -> Vec<String> {
    floors
        .iter()
        .filter(|(_, got, floor)| got < floor)
        .map(|(name, got, floor)| format!("{name} {got:.3} < floor {floor:.2}"))
        .collect()
}

#[test]
fn gold_set_is_well_formed_and_covers_every_root() {
    let g = gold();
    let pipeline = Pipeline::builtin();
    let unknown = g.check_codes(|c| pipeline.lexicon().codebook.get(c).is_some());
    assert!(unknown.is_empty(), "{}", dyad_eval::GoldErrors(unknown));
    assert!(g.items.len() >= 250, "{} items", g.items.len());
    let quiet = g.items.iter().filter(|i| i.events.is_empty()).count();
    assert!(quiet >= 40, "{quiet} no-event items");
    let mut roots = BTreeMap::<String, usize>::new();
    for e in g.items.iter().flat_map(|i| &i.events) {
        *roots.entry(e.cameo[..2].to_string()).or_default() += 1;
    }
    for r in 1..=20 {
        let n = roots.get(&format!("{r:02}")).copied().unwrap_or(0);
        assert!(n >= 8, "root {r:02} has {n} gold events");
    }
}

#[test]
fn builtin_lexicon_on_gold_set() {
    let g = gold();
    let ev = evaluate(&Pipeline::builtin(), &g, Options::default());
    println!("{}", dyad_eval::report::render(&ev, 60));
    let m = &ev.metrics;
    assert_eq!(m.items, g.items.len());
    assert_eq!(m.root.gold, g.event_count());
    let floors = [
        ("root precision", m.root.precision, 0.94),
        ("root recall", m.root.recall, 0.85),
        ("root F1", m.root.f1, 0.89),
        ("full-code F1", m.full.f1, 0.85),
        ("strict F1", m.strict.f1, 0.49),
        ("source country accuracy", m.actors.source_country.accuracy, 0.98),
        ("target country accuracy", m.actors.target_country.accuracy, 0.97),
        ("date accuracy", m.date.accuracy, 0.98),
    ];
    let mut failed = below_floor(&floors);
    let clean = m.no_event.items - m.no_event.with_events;
    if clean < 48 {
        failed.push(format!(
            "only {clean} of {} no-event items stay silent",
            m.no_event.items
        ));
    }
    assert!(failed.is_empty(), "regressions: {failed:?}");
}

/// Floors of a held-out set, in the order root precision, root recall,
/// root F1, full-code F1, source and target country accuracy.
struct HeldOut {
    file: &'static str,
    floors: [f64; 6],
    /// How many errors the printed report lists (0 for a set kept blind).
    errors_shown: usize,
}

/// Scores a held-out set and returns its metrics, failing on any floor.
fn score_held_out(set: HeldOut) -> dyad_eval::Metrics {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(set.file);
    let g = GoldSet::read(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(g.items.len() >= 100, "{}: {} items", set.file, g.items.len());
    let ev = evaluate(&Pipeline::builtin(), &g, Options::default());
    println!("{}", dyad_eval::report::render(&ev, set.errors_shown));
    let m = ev.metrics;
    let [p, r, f1, full, src, tgt] = set.floors;
    let floors = [
        ("root precision", m.root.precision, p),
        ("root recall", m.root.recall, r),
        ("root F1", m.root.f1, f1),
        ("full-code F1", m.full.f1, full),
        ("source country accuracy", m.actors.source_country.accuracy, src),
        ("target country accuracy", m.actors.target_country.accuracy, tgt),
    ];
    let failed = below_floor(&floors);
    assert!(failed.is_empty(), "{}: regressions: {failed:?}", set.file);
    m
}

/// At least `quiet` of the set's must-code-nothing items code nothing.
fn assert_quiet(m: &dyad_eval::Metrics, quiet: usize) {
    let clean = m.no_event.items - m.no_event.with_events;
    assert!(
        clean >= quiet,
        "{} of {} no-event items coded something",
        m.no_event.with_events,
        m.no_event.items
    );
}

/// The second set (`fixtures/dev.jsonl`, 150 items written independently of
/// the coder and of `gold.jsonl`; its errors have been read while changing
/// the coder, so it is no longer unseen text). Floors a little below its
/// last measurement.
#[test]
fn builtin_lexicon_on_dev_set() {
    let m = score_held_out(HeldOut {
        file: "dev.jsonl",
        floors: [0.89, 0.82, 0.86, 0.78, 0.99, 0.97],
        errors_shown: 20,
    });
    assert_quiet(&m, 22);
}

/// The fourth set (`fixtures/dev2.jsonl`, 150 items written by a team member
/// who never ran the coder nor read the dictionaries; first measured at root
/// F1 0.559, full 0.423 before any tuning on it, its errors read since):
/// floors a little below the last measurement.
#[test]
fn builtin_lexicon_on_dev2_set() {
    score_held_out(HeldOut {
        file: "dev2.jsonl",
        floors: [0.83, 0.79, 0.81, 0.75, 0.98, 0.92],
        errors_shown: 20,
    });
}

/// The eleventh set (`fixtures/para4.jsonl`, 250 paraphrases of `cover.jsonl`
/// items written without running the coder; first measured at root F1
/// 0.650, full 0.451): floors a little below the last measurement.
#[test]
fn builtin_lexicon_on_fourth_paraphrase_set() {
    score_held_out(HeldOut {
        file: "para4.jsonl",
        floors: [0.85, 0.79, 0.82, 0.69, 0.98, 0.93],
        errors_shown: 20,
    });
}

/// The tenth set (`fixtures/cover.jsonl`, one sentence for each of the 292
/// CAMEO sub-codes, written without running the coder; first measured at
/// root F1 0.746, full 0.556 — the set that found a panic): floors a little
/// below the last measurement.
#[test]
fn builtin_lexicon_on_cameo_coverage_set() {
    score_held_out(HeldOut {
        file: "cover.jsonl",
        floors: [0.87, 0.84, 0.86, 0.77, 0.98, 0.94],
        errors_shown: 20,
    });
}

/// The ninth set (`fixtures/para3.jsonl`, 200 paraphrases of `dev3.jsonl` and
/// `gold.jsonl` items, 26 of them no-event, written without running the
/// coder; first measured at root F1 0.574, full 0.487): floors a little
/// below the last measurement.
#[test]
fn builtin_lexicon_on_third_paraphrase_set() {
    score_held_out(HeldOut {
        file: "para3.jsonl",
        floors: [0.84, 0.69, 0.76, 0.71, 0.96, 0.93],
        errors_shown: 20,
    });
}

/// The eighth set (`fixtures/para2.jsonl`, 200 paraphrases of `dev.jsonl` and
/// `dev2.jsonl` items written without running the coder; first measured at
/// root F1 0.525, full 0.433): floors a little below the last measurement.
#[test]
fn builtin_lexicon_on_second_paraphrase_set() {
    score_held_out(HeldOut {
        file: "para2.jsonl",
        floors: [0.82, 0.70, 0.76, 0.70, 0.97, 0.94],
        errors_shown: 20,
    });
}

/// The fifteenth set (`fixtures/dev6.jsonl`, 150 items written without
/// running the coder, 1995–2025, wire copy with appositives, participles and
/// coordinated verbs; first measured at root F1 0.684, full 0.590): floors a
/// little below the last measurement.
#[test]
fn builtin_lexicon_on_dev6_set() {
    score_held_out(HeldOut {
        file: "dev6.jsonl",
        floors: [0.82, 0.79, 0.81, 0.74, 0.98, 0.95],
        errors_shown: 20,
    });
}

/// The fourteenth set (`fixtures/dev5.jsonl`, 150 items written without
/// running the coder, 1994–2025, mostly Africa, Latin America and domestic
/// politics; first measured at root F1 0.487, full 0.418): floors a little
/// below the last measurement.
#[test]
fn builtin_lexicon_on_dev5_set() {
    score_held_out(HeldOut {
        file: "dev5.jsonl",
        floors: [0.76, 0.64, 0.70, 0.62, 0.96, 0.93],
        errors_shown: 20,
    });
}

/// The thirteenth set (`fixtures/dev4.jsonl`, 150 items written without
/// running the coder, 1979–2025, every region; first measured at root F1
/// 0.645, full 0.515): floors a little below the last measurement.
#[test]
fn builtin_lexicon_on_dev4_set() {
    score_held_out(HeldOut {
        file: "dev4.jsonl",
        floors: [0.88, 0.81, 0.84, 0.77, 0.99, 0.94],
        errors_shown: 20,
    });
}

/// The seventh set (`fixtures/dev3.jsonl`, 150 items written without running
/// the coder, each root's act worded at least six ways; first measured at
/// root F1 0.603, full 0.484): floors a little below the last measurement.
#[test]
fn builtin_lexicon_on_dev3_set() {
    score_held_out(HeldOut {
        file: "dev3.jsonl",
        floors: [0.83, 0.80, 0.81, 0.77, 0.98, 0.92],
        errors_shown: 20,
    });
}

/// The sixth set (`fixtures/para.jsonl`, 200 paraphrases of `gold.jsonl`
/// items written without running the coder: other verbs, nouns, structures
/// and names for the same events; first measured at root F1 0.555, full
/// 0.482, against 0.860 / 0.802 on the originals): floors a little below the
/// last measurement.
#[test]
fn builtin_lexicon_on_paraphrase_set() {
    score_held_out(HeldOut {
        file: "para.jsonl",
        floors: [0.83, 0.72, 0.77, 0.73, 0.97, 0.93],
        errors_shown: 20,
    });
}

/// The fifth set (`fixtures/blind2.jsonl`, 120 items written by another team
/// member who never ran the coder, 1981–2025; its errors are never printed
/// nor read): floors a little below its first measurement (root F1 0.555,
/// full 0.471).
#[test]
fn builtin_lexicon_on_blind2_set() {
    score_held_out(HeldOut {
        file: "blind2.jsonl",
        floors: [0.77, 0.64, 0.70, 0.61, 0.99, 0.91],
        errors_shown: 0,
    });
}

/// The twelfth set (`fixtures/blind3.jsonl`, 120 items written by another
/// team member who never ran the coder, 1980–2024; its errors are never
/// printed nor read; first measured at root F1 0.584, full 0.505, and at
/// 0.605 / 0.531 at the end of the tenth stop): floors a little below.
#[test]
fn builtin_lexicon_on_blind3_set() {
    score_held_out(HeldOut {
        file: "blind3.jsonl",
        floors: [0.67, 0.58, 0.62, 0.54, 0.95, 0.91],
        errors_shown: 0,
    });
}

/// The sixteenth set (`fixtures/blind4.jsonl`, 120 items written at the end
/// of the tenth stop by a team member who never ran the coder, 1984–2024;
/// measured exactly once, at the end of that stop, at root F1 0.734, full
/// 0.675; its errors are never printed nor read): floors a little below.
#[test]
fn builtin_lexicon_on_blind4_set() {
    score_held_out(HeldOut {
        file: "blind4.jsonl",
        floors: [0.75, 0.72, 0.74, 0.68, 0.99, 0.94],
        errors_shown: 0,
    });
}

/// The third set (`fixtures/blind.jsonl`, 150 items written blind by a third
/// team member, 1985–2025, all regions; its errors are never printed nor
/// read, only its summary line is watched): floors a little below its last
/// measurement.
#[test]
fn builtin_lexicon_on_blind_set() {
    score_held_out(HeldOut {
        file: "blind.jsonl",
        floors: [0.83, 0.79, 0.81, 0.71, 0.97, 0.94],
        errors_shown: 0,
    });
}

/// The seventeenth set (`fixtures/dev7.jsonl`, 120 items of wire copy,
/// 1992–2025, written at the start of the eleventh stop by a team member who
/// read only `docs/eval.md` and the codebook and never ran the coder; first
/// measured at root F1 0.646, full 0.609; its errors read since): floors a
/// little below the last measurement.
#[test]
fn builtin_lexicon_on_dev7_set() {
    let m = score_held_out(HeldOut {
        file: "dev7.jsonl",
        floors: [0.79, 0.74, 0.76, 0.73, 0.97, 0.92],
        errors_shown: 20,
    });
    assert_quiet(&m, 12);
}

/// The eighteenth set (`fixtures/blind5.jsonl`, 120 items, 1995–2025, written
/// at the start of the eleventh stop by a team member who never ran the
/// coder; first measured at root F1 0.726, full 0.604; its errors are never
/// printed nor read): floors a little below.
#[test]
fn builtin_lexicon_on_blind5_set() {
    score_held_out(HeldOut {
        file: "blind5.jsonl",
        floors: [0.80, 0.67, 0.73, 0.61, 0.97, 0.93],
        errors_shown: 0,
    });
}

/// The nineteenth set (`fixtures/blind6.jsonl`, 100 items, 1990–2025,
/// written at the end of the eleventh stop by a team member who never ran the
/// coder, and measured once, after all of that stop's changes: root F1
/// 0.619, full 0.541; the stop's first commit scores it 0.611 / 0.539; its
/// errors are never printed nor read): floors a little below.
#[test]
fn builtin_lexicon_on_blind6_set() {
    score_held_out(HeldOut {
        file: "blind6.jsonl",
        floors: [0.66, 0.59, 0.62, 0.54, 0.95, 0.88],
        errors_shown: 0,
    });
}

/// The twentieth set (`fixtures/dev8.jsonl`, 100 items of wire copy with
/// datelines, 2015–2025, a quarter from Africa, Latin America and Asia,
/// written at the start of the twelfth stop by a team member who read only
/// `docs/eval.md` and the codebook and never ran the coder; first measured at
/// root F1 0.681, full 0.585; its errors read since): floors a little below
/// the last measurement.
#[test]
fn builtin_lexicon_on_dev8_set() {
    let m = score_held_out(HeldOut {
        file: "dev8.jsonl",
        floors: [0.83, 0.73, 0.78, 0.70, 0.98, 0.94],
        errors_shown: 20,
    });
    assert_quiet(&m, 14);
}

/// The twenty-first set (`fixtures/dev9.jsonl`, 100 single lead sentences of
/// the kind event-data projects coded from, 1992–2020, written in the twelfth
/// stop by a team member who never ran the coder; first measured at root F1
/// 0.718, full 0.587; its errors read since): floors a little below the last
/// measurement.
#[test]
fn builtin_lexicon_on_dev9_set() {
    let m = score_held_out(HeldOut {
        file: "dev9.jsonl",
        floors: [0.85, 0.78, 0.81, 0.72, 0.96, 0.95],
        errors_shown: 20,
    });
    assert_quiet(&m, 11);
}

/// The twenty-second set (`fixtures/blind7.jsonl`, 100 items in the styles
/// of many outlets, 1990–2026, written at the start of the twelfth stop by a
/// team member who never ran the coder; measured at that stop's start, root
/// F1 0.628, full 0.553, and once more at its end; its errors are never
/// printed nor read): floors a little below.
#[test]
fn builtin_lexicon_on_blind7_set() {
    score_held_out(HeldOut {
        file: "blind7.jsonl",
        floors: [0.69, 0.58, 0.63, 0.55, 0.95, 0.87],
        errors_shown: 0,
    });
}
