//! The human-readable evaluation report.

use crate::score::{Accuracy, Counts, ErrorKind, EvalError};
use crate::{CodedEvent, Evaluation, GoldEvent};
use std::fmt::Write;

fn actor(a: Option<&str>) -> &str {
    a.unwrap_or("-")
}

fn gold_event(g: &GoldEvent) -> String {
    let mut s = format!("{} -> {} {}", g.source, actor(g.target.as_deref()), g.cameo);
    if let Some(d) = g.date {
        let _ = write!(s, " date {d}");
    }
    if let Some(l) = &g.location {
        let _ = write!(s, " at {l}");
    }
    s
}

fn coded_event(c: &CodedEvent) -> String {
    let mut s = format!(
        "{} -> {} {} {:?}",
        c.source,
        actor(c.target.as_deref()),
        c.cameo,
        c.event_text
    );
    if let Some(d) = c.date {
        let _ = write!(s, " date {d}");
    }
    if c.modality != "asserted" {
        let _ = write!(s, " ({})", c.modality);
    }
    if c.negated {
        s.push_str(" (negated)");
    }
    s
}

fn row(out: &mut String, label: &str, c: &Counts) {
    let _ = writeln!(
        out,
        "  {label:<10} {:>6.3} {:>6.3} {:>6.3} {:>8} {:>6} {:>6}",
        c.precision, c.recall, c.f1, c.correct, c.gold, c.coded
    );
}

fn acc(a: &Accuracy) -> String {
    if a.total == 0 {
        "n/a".into()
    } else {
        format!("{:.3} ({}/{})", a.accuracy, a.correct, a.total)
    }
}

fn kind_label(k: ErrorKind) -> &'static str {
    match k {
        ErrorKind::Missed => "MISSED",
        ErrorKind::Spurious => "SPURIOUS",
        ErrorKind::WrongActor => "WRONG ACTOR",
        ErrorKind::WrongCode => "WRONG CODE",
    }
}

fn error(out: &mut String, e: &EvalError, file: &str) {
    let _ = writeln!(out, "{} {} ({}:{})", kind_label(e.kind), e.item, file, e.line);
    let _ = writeln!(out, "    text:     {}", e.text.replace('\n', " "));
    let expected = match (&e.expected, &e.coded) {
        (Some(g), _) => gold_event(g),
        (None, _) if e.item_events.is_empty() => "no event (the item must code nothing)".to_string(),
        (None, c) => format!(
            "no event of root {}; the item's gold: {}",
            c.as_ref().map_or("", |c| crate::score::root(&c.cameo)),
            e.item_events.iter().map(gold_event).collect::<Vec<_>>().join("; ")
        ),
    };
    let _ = writeln!(out, "    expected: {expected}");
    let _ = writeln!(
        out,
        "    coded:    {}",
        e.coded.as_ref().map_or("nothing".to_string(), coded_event)
    );
    if let Some(p) = &e.pattern {
        let _ = writeln!(out, "    pattern:  {p}");
    }
    for (i, c) in e.candidates.iter().take(6).enumerate() {
        let _ = writeln!(out, "    {} {c}", if i == 0 { "trace:   " } else { "         " });
    }
}

/// The report as text; at most `max_errors` errors are listed (all counts
/// are always shown).
pub fn render(ev: &Evaluation, max_errors: usize) -> String {
    let m = &ev.metrics;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "dyad eval {}: {} items ({} must code nothing), {} gold events, {} coded events",
        ev.gold_file, m.items, m.no_event.items, m.root.gold, m.root.coded
    );
    let _ = writeln!(
        out,
        "\n  {:<10} {:>6} {:>6} {:>6} {:>8} {:>6} {:>6}",
        "level", "P", "R", "F1", "correct", "gold", "coded"
    );
    row(&mut out, "root", &m.root);
    row(&mut out, "full code", &m.full);
    row(&mut out, "strict", &m.strict);
    let _ = writeln!(
        out,
        "  (root/full code: event code at 2 digits / in full, actors at country level; strict: full event and actor codes)"
    );
    let _ = writeln!(
        out,
        "\nper root:\n  {:<4} {:<34} {:>6} {:>6} {:>6} {:>7} {:>6} {:>7}",
        "root", "name", "P", "R", "F1", "support", "coded", "correct"
    );
    for (r, c) in &m.per_root {
        let name = ev.root_names.get(r).map_or("", String::as_str);
        let name: String = name.chars().take(34).collect();
        let _ = writeln!(
            out,
            "  {r:<4} {name:<34} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>6} {:>7}",
            c.precision, c.recall, c.f1, c.gold, c.coded, c.correct
        );
    }
    let a = &m.actors;
    let _ = writeln!(
        out,
        "\nactors over {} aligned events (same item, same root):",
        m.aligned
    );
    let _ = writeln!(
        out,
        "  source  country {}  full {}",
        acc(&a.source_country),
        acc(&a.source_full)
    );
    let _ = writeln!(
        out,
        "  target  country {}  full {}",
        acc(&a.target_country),
        acc(&a.target_full)
    );
    let _ = writeln!(out, "dates (root-correct events with a gold date): {}", acc(&m.date));
    let _ = writeln!(
        out,
        "locations (root-correct events with a gold location): {}",
        acc(&m.location)
    );
    let _ = writeln!(
        out,
        "no-event items: {} of {} coded something ({} events)",
        m.no_event.with_events, m.no_event.items, m.no_event.events
    );
    if !ev.errors_by_pattern.is_empty() {
        let _ = writeln!(out, "\npatterns behind spurious / wrong-actor events:");
        for (p, n) in ev.errors_by_pattern.iter().take(15) {
            let _ = writeln!(out, "  {n:>4}  {p}");
        }
    }
    let shown = ev.errors.len().min(max_errors);
    let _ = writeln!(out, "\nerrors ({} of {}; misses first):", shown, ev.errors.len());
    for e in ev.errors.iter().take(max_errors) {
        error(&mut out, e, &ev.gold_file);
    }
    out
}
