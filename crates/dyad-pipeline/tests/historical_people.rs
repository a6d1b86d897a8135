//! Office-holders of every era (`tests/fixtures/historical_people.tsv`):
//! news sentences from the 1970s to the 2020s with the code each named
//! person should get on the article date — in office, in an earlier or
//! later office, or out of office (then the country alone).
//!
//! Same columns and matching rules as the actor fixture (`actor_fixture.rs`):
//! `sentence<TAB>published date<TAB>mention text<TAB>expected code`; the
//! mention text is matched exactly, except that a leading article and a
//! trailing possessive 's need not be in it; `TEXT@N` is the N-th occurrence.
//! Prints accuracy and every failure; asserts a floor.

use dyad_pipeline::doc::{Doc, MentionKind, NaiveDate};
use dyad_pipeline::Pipeline;
use std::collections::HashMap;

const FIXTURE: &str = "historical_people.tsv";

/// The target (#4); measured accuracy is printed by the test.
const FLOOR: f64 = 0.95;

struct Row {
    line: usize,
    sentence: String,
    date: NaiveDate,
    text: String,
    nth: usize,
    code: String,
}

fn rows() -> Vec<Row> {
    let path = format!("{}/tests/fixtures/{FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(&path).expect("fixture readable");
    let mut out = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{FIXTURE}:{}: expected 4 TAB-separated columns", i + 1);
        let date = NaiveDate::parse_from_str(cols[1], "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("{FIXTURE}:{}: bad date {:?}: {e}", i + 1, cols[1]));
        let (text, nth) = match cols[2].rsplit_once('@') {
            Some((t, n)) if n.parse::<usize>().is_ok() => (t.to_string(), n.parse().unwrap()),
            _ => (cols[2].to_string(), 1),
        };
        assert!(
            cols[0].match_indices(&text).count() >= nth,
            "{FIXTURE}:{}: {text:?} does not occur {nth} time(s) in the sentence",
            i + 1
        );
        out.push(Row {
            line: i + 1,
            sentence: cols[0].to_string(),
            date,
            text,
            nth,
            code: cols[3].to_string(),
        });
    }
    out
}

/// (text, code) of the mentions overlapping the N-th occurrence of `text`;
/// `exact` is the code of a mention spanning exactly that occurrence.
fn look(doc: &Doc, text: &str, nth: usize) -> (Option<String>, Vec<(String, String)>) {
    let body = &doc.article.text;
    let Some((at, _)) = body.match_indices(text).nth(nth - 1) else {
        return (None, Vec::new());
    };
    let range = at..at + text.len();
    let mut exact = None;
    let mut overlapping = Vec::new();
    for m in &doc.mentions {
        let code = match &m.kind {
            MentionKind::Actor(a) => a.code.clone(),
            MentionKind::Place(p) => format!("place:{}", p.name),
            MentionKind::Date(_) => continue,
        };
        if m.span.start < range.end && range.start < m.span.end {
            if (m.span == range || core(doc, &m.span) == range) && exact.is_none() {
                exact = Some(code.clone());
            }
            overlapping.push((doc.slice(&m.span).to_string(), code));
        }
    }
    (exact, overlapping)
}

/// A mention span without a leading article and a trailing possessive.
fn core(doc: &Doc, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let text = doc.slice(span);
    let mut r = span.clone();
    for art in ["the ", "a ", "an "] {
        if text.len() > art.len() && text[..art.len()].eq_ignore_ascii_case(art) {
            r.start += art.len();
            break;
        }
    }
    for poss in ["'s", "\u{2019}s"] {
        if doc.slice(&r).ends_with(poss) {
            r.end -= poss.len();
            break;
        }
    }
    r
}

#[test]
fn historical_people_accuracy() {
    let rows = rows();
    assert!(rows.len() >= 60, "fixture has {} mentions", rows.len());
    let decades: std::collections::BTreeSet<i32> = rows
        .iter()
        .map(|r| r.date.format("%Y").to_string().parse::<i32>().unwrap() / 10 * 10)
        .collect();
    assert!(decades.len() >= 5, "fixture covers only the decades {decades:?}");
    let p = Pipeline::builtin();
    let mut docs: HashMap<(String, NaiveDate), Doc> = HashMap::new();
    let mut failures = Vec::new();
    for r in &rows {
        let doc = docs
            .entry((r.sentence.clone(), r.date))
            .or_insert_with(|| p.process_text(&r.sentence, Some(r.date)));
        let (exact, overlapping) = look(doc, &r.text, r.nth);
        let ok = if r.code == "-" {
            overlapping.is_empty()
        } else {
            exact.as_deref() == Some(r.code.as_str())
        };
        if !ok {
            failures.push(format!(
                "{FIXTURE}:{}: {:?} expected {} got {:?} [{}] in: {}",
                r.line, r.text, r.code, overlapping, r.date, r.sentence
            ));
        }
    }
    let accuracy = 1.0 - failures.len() as f64 / rows.len() as f64;
    println!(
        "historical people: {}/{} correct, accuracy {:.1}%",
        rows.len() - failures.len(),
        rows.len(),
        accuracy * 100.0
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(
        accuracy >= FLOOR,
        "accuracy {:.1}% fell below the floor {:.1}%",
        accuracy * 100.0,
        FLOOR * 100.0
    );
}
