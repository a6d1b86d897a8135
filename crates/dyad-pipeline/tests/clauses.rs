//! The clause-structure fixture (`tests/fixtures/clauses.tsv`): one
//! sentence per line with the events the shallow parser must find (and
//! those it must not), each line naming the rule it exercises. Every line
//! must pass; a failure prints the sentence, the expectation and what was
//! coded.

use dyad_pipeline::doc::record::EventRecord;
use dyad_pipeline::doc::NaiveDate;
use dyad_pipeline::Pipeline;

struct Expect {
    negative: bool,
    source: String,
    target: String,
    code: String,
    /// `@YYYY-MM-DD`: the event's resolved date
    date: Option<String>,
}

fn parse_expect(s: &str, line: usize) -> Expect {
    let (negative, s) = match s.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (s, date) = match s.split_once('@') {
        Some((s, d)) => (s, Some(d.to_string())),
        None => (s, None),
    };
    let (dyad, code) = s
        .split_once(':')
        .unwrap_or_else(|| panic!("clauses.tsv:{line}: {s:?} lacks `:CODE`"));
    let (source, target) = dyad
        .split_once('>')
        .unwrap_or_else(|| panic!("clauses.tsv:{line}: {s:?} lacks `SRC>TGT`"));
    Expect {
        negative,
        source: source.to_string(),
        target: target.to_string(),
        code: code.to_string(),
        date,
    }
}

fn matches(e: &Expect, r: &EventRecord) -> bool {
    let target = r.target.as_ref().map_or("-", |t| t.code.as_str());
    let target_ok = if e.target == "-" {
        r.target.is_none()
    } else {
        target.starts_with(&e.target)
    };
    let date_ok = e
        .date
        .as_ref()
        .is_none_or(|d| r.date.map(|x| x.to_string()).as_deref() == Some(d.as_str()));
    r.source.code.starts_with(&e.source) && target_ok && r.cameo.starts_with(&e.code) && date_ok
}

#[test]
fn clause_structure_fixture() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/clauses.tsv");
    let data = std::fs::read_to_string(path).expect("fixture readable");
    let pipeline = Pipeline::builtin();
    let mut failures = Vec::new();
    let mut lines = 0;
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        lines += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "clauses.tsv:{}: expected 4 TAB-separated columns", i + 1);
        let date = NaiveDate::parse_from_str(cols[1], "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("clauses.tsv:{}: bad date {:?}: {e}", i + 1, cols[1]));
        let doc = pipeline.process_text(cols[0], Some(date));
        let records = EventRecord::all(&doc);
        let mut expects = Vec::new();
        for x in cols[2].split(';').map(str::trim) {
            // `count=N`: exactly N events in all
            if let Some(n) = x.strip_prefix("count=") {
                let n: usize = n
                    .parse()
                    .unwrap_or_else(|_| panic!("clauses.tsv:{}: bad count {x:?}", i + 1));
                if records.len() != n {
                    failures.push(format!(
                        "clauses.tsv:{} ({}): {} events coded, {n} expected\n    {}",
                        i + 1,
                        cols[3],
                        records.len(),
                        cols[0]
                    ));
                }
                continue;
            }
            expects.push(parse_expect(x, i + 1));
        }
        for e in expects {
            let found = records.iter().any(|r| matches(&e, r));
            if found == e.negative {
                let coded: Vec<String> = records
                    .iter()
                    .map(|r| {
                        let t = r.target.as_ref().map_or("-", |t| t.code.as_str());
                        format!("{}>{}:{} [{}]", r.source.code, t, r.cameo, r.pattern)
                    })
                    .collect();
                failures.push(format!(
                    "clauses.tsv:{} ({}): {}{}>{}:{} {}; coded {:?}\n    {}",
                    i + 1,
                    cols[3],
                    if e.negative { "!" } else { "" },
                    e.source,
                    e.target,
                    e.code,
                    if e.negative { "was coded" } else { "was not coded" },
                    coded,
                    cols[0]
                ));
            }
        }
    }
    assert!(lines >= 20, "the fixture lost lines: {lines}");
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
