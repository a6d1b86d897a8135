//! What the mention fixtures (`actors.tsv`, `historical_people.tsv`) share:
//! the row format, finding the mention a row names, and scoring.
//!
//! Columns: `sentence<TAB>published date<TAB>mention text<TAB>expected code`.
//! The mention text is matched exactly, except that a mention's leading
//! article (the/a/an) and trailing possessive 's are not required to be in
//! it (span conventions are not what these fixtures test); `TEXT@N` means its
//! N-th occurrence in the sentence. Codes: country (+ sector) codes,
//! organisation codes, `place:<Name>` for places, `-` for "no actor or place
//! here" (Michael Jordan is not Jordan).

use dyad_pipeline::doc::{Doc, MentionKind, NaiveDate};
use dyad_pipeline::Pipeline;
use std::collections::HashMap;

pub struct Row {
    pub line: usize,
    pub sentence: String,
    pub date: NaiveDate,
    pub text: String,
    pub nth: usize,
    pub code: String,
}

/// The rows of `tests/fixtures/<file>`.
pub fn rows(file: &str) -> Vec<Row> {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(&path).expect("fixture readable");
    let mut out = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{file}:{}: expected 4 TAB-separated columns", i + 1);
        let date = NaiveDate::parse_from_str(cols[1], "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("{file}:{}: bad date {:?}: {e}", i + 1, cols[1]));
        let (text, nth) = match cols[2].rsplit_once('@') {
            Some((t, n)) if n.parse::<usize>().is_ok() => (t.to_string(), n.parse().unwrap()),
            _ => (cols[2].to_string(), 1),
        };
        assert!(
            cols[0].match_indices(&text).count() >= nth,
            "{file}:{}: {text:?} does not occur {nth} time(s) in the sentence",
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

/// Codes every row and returns the failures, one line each.
pub fn failures(file: &str, rows: &[Row]) -> Vec<String> {
    let p = Pipeline::builtin();
    let mut docs: HashMap<(String, NaiveDate), Doc> = HashMap::new();
    let mut failures = Vec::new();
    for r in rows {
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
                "{file}:{}: {:?} expected {} got {:?} [{}] in: {}",
                r.line, r.text, r.code, overlapping, r.date, r.sentence
            ));
        }
    }
    failures
}

/// Prints the accuracy and every failure, and asserts `floor`.
pub fn assert_accuracy(name: &str, rows: usize, failures: &[String], floor: f64) {
    let accuracy = 1.0 - failures.len() as f64 / rows as f64;
    println!(
        "{name}: {}/{rows} correct, accuracy {:.1}%",
        rows - failures.len(),
        accuracy * 100.0
    );
    for f in failures {
        println!("FAIL {f}");
    }
    assert!(
        accuracy >= floor,
        "accuracy {:.1}% fell below the floor {:.1}%",
        accuracy * 100.0,
        floor * 100.0
    );
}
