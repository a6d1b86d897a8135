//! The vertical slice's acceptance test: code the sample corpus and
//! compare with the events an analyst expects (fixtures/seeds.tsv).
//!
//! Events are compared as sets of (article, source, target, root, date)
//! keys; a gold country code without a sector accepts any sector of that
//! country. Precision and recall are printed and held to floors.

use dyad_pipeline::Pipeline;
use std::collections::BTreeSet;
use std::path::PathBuf;

type Key = (String, String, String, String, String);

fn root_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gold() -> Vec<Key> {
    let text =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].into(), c[1].into(), c[2].into(), c[3].into(), c[4].into())
        })
        .collect()
}

fn coded() -> BTreeSet<Key> {
    let pipeline = Pipeline::builtin();
    let paths = vec![root_dir().join("corpus/sample")];
    let mut out = BTreeSet::new();
    for doc in pipeline.run(&paths) {
        let doc = doc.expect("sample articles read");
        for r in dyad_doc::record::EventRecord::all(&doc) {
            let Some(target) = r.target else { continue };
            out.insert((
                r.article_id.clone(),
                r.source.code,
                target.code,
                r.root,
                r.date.map_or("unknown".to_string(), |d| d.to_string()),
            ));
        }
    }
    out
}

fn actor_matches(gold: &str, coded: &str) -> bool {
    gold == coded || (gold.len() == 3 && coded.starts_with(gold))
}

fn matches(g: &Key, c: &Key) -> bool {
    g.0 == c.0 && actor_matches(&g.1, &c.1) && actor_matches(&g.2, &c.2) && g.3 == c.3 && g.4 == c.4
}

#[test]
fn seed_corpus_precision_and_recall() {
    let gold = gold();
    let coded = coded();
    assert!(gold.len() >= 20, "every seed article has at least 4 expected events");
    let found: Vec<&Key> = gold.iter().filter(|g| coded.iter().any(|c| matches(g, c))).collect();
    let correct: Vec<&Key> = coded.iter().filter(|c| gold.iter().any(|g| matches(g, c))).collect();
    let recall = found.len() as f64 / gold.len() as f64;
    let precision = correct.len() as f64 / coded.len().max(1) as f64;
    for g in &gold {
        if !found.contains(&g) {
            println!("missed:   {g:?}");
        }
    }
    for c in &coded {
        if !correct.contains(&c) {
            println!("spurious: {c:?}");
        }
    }
    println!(
        "seed events: {} expected, {} coded; recall {recall:.2}, precision {precision:.2}",
        gold.len(),
        coded.len()
    );
    assert!(recall >= 0.6, "recall {recall:.2} below 0.6");
    assert!(precision >= 0.7, "precision {precision:.2} below 0.7");
}

#[test]
fn the_named_examples_are_found() {
    let coded = coded();
    let has = |a: &str, s: &str, t: &str, root: &str, date: &str| {
        let g: Key = (a.into(), s.into(), t.into(), root.into(), date.into());
        assert!(coded.iter().any(|c| matches(&g, c)), "missing {g:?}\ncoded: {coded:#?}");
    };
    has("000_46ba96b69bd97d1b", "RUSGOV", "ITAGOV", "04", "2020-10-14");
    has("002_e008512cb5fc5f6b", "AZEGOV", "ITAGOV", "04", "2024-04-08");
    has("002_e008512cb5fc5f6b", "ITAGOV", "AZEGOV", "04", "2024-04-08");
    has("003_006d332586fce9d9", "CHNGOV", "ITAGOV", "04", "2020-02-28");
    has("004_82d6cd54c4ffa80f", "ITAGOV", "RUSGOV", "02", "unknown");
    has("004_82d6cd54c4ffa80f", "ITAGOV", "USAGOV", "02", "unknown");
}
