//! The parallel run gives exactly the sequential run's output, in input
//! order, whatever the thread count and batch size; the sink's error stops
//! it; problems pass through in place.

use dyad_pipeline::{Batch, Pipeline, RunOptions};
use std::path::PathBuf;

fn root_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The sample corpus ×50 as JSON Lines with distinct ids, a broken line
/// in the middle, plus the sample directory itself (plain-text files).
fn corpus(name: &str) -> (PathBuf, Vec<PathBuf>) {
    let dir = std::env::temp_dir().join(format!("dyad-parallel-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut samples: Vec<PathBuf> = std::fs::read_dir(root_dir().join("corpus/sample"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    samples.sort();
    let texts: Vec<String> = samples
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect();
    let mut jsonl = String::new();
    for copy in 0..50 {
        for (i, t) in texts.iter().enumerate() {
            let v = serde_json::json!({"id": format!("copy{copy}-{i}"), "text": t, "date": "2020-10-14"});
            jsonl.push_str(&v.to_string());
            jsonl.push('\n');
        }
        if copy == 25 {
            jsonl.push_str("{this line is broken\n");
        }
    }
    let file = dir.join("replicated.jsonl");
    std::fs::write(&file, jsonl).unwrap();
    (dir, vec![root_dir().join("corpus/sample"), file])
}

/// Every item rendered the way `dyad code` writes it.
fn render(items: impl IntoIterator<Item = Result<dyad_pipeline::doc::Doc, dyad_pipeline::Problem>>) -> Vec<String> {
    items
        .into_iter()
        .map(|r| match r {
            Ok(doc) => {
                let mut out = Vec::new();
                dyad_export::write_jsonl(&doc, &mut out).unwrap();
                format!("{} {}", doc.article.id, String::from_utf8(out).unwrap())
            }
            Err(p) => format!("problem {p}"),
        })
        .collect()
}

#[test]
fn parallel_equals_sequential_on_the_replicated_samples() {
    let (dir, paths) = corpus("equal");
    let pipeline = Pipeline::builtin();
    let sequential = render(pipeline.run(&paths));
    assert_eq!(sequential.len(), 5 + 250 + 1);
    assert!(sequential
        .iter()
        .any(|l| l.starts_with("problem ") && l.contains("replicated.jsonl:131")));
    let events: usize = sequential.iter().map(|l| l.matches("\"cameo\"").count()).sum();
    assert!(events > 100, "the samples produce events: {events}");

    for (threads, batch_records) in [(1, 64), (2, 7), (3, 1), (4, 1000)] {
        let opts = RunOptions {
            threads,
            batch_records,
            ..RunOptions::default()
        };
        let mut items = Vec::new();
        let mut batches = 0;
        let stats = pipeline
            .run_parallel(&paths, &opts, |b: Batch| -> Result<(), ()> {
                batches += 1;
                items.extend(b.items);
                Ok(())
            })
            .unwrap();
        let parallel = render(items);
        assert_eq!(parallel, sequential, "threads={threads} batch={batch_records}");
        assert_eq!(stats.articles, 255);
        assert_eq!(stats.problems, 1);
        assert_eq!(stats.events as usize, events);
        assert!(stats.sentences > stats.articles);
        assert!(stats.bytes > 0);
        assert!(batches >= 255 / batch_records.min(255), "{batches} batches");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn sink_error_stops_the_run() {
    let (dir, paths) = corpus("stop");
    let pipeline = Pipeline::builtin();
    let opts = RunOptions {
        threads: 2,
        batch_records: 4,
        ..RunOptions::default()
    };
    let mut seen = 0;
    let err = pipeline
        .run_parallel(&paths, &opts, |b: Batch| {
            seen += b.items.len();
            if seen >= 20 {
                Err(format!("disk full after {seen}"))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
    assert!(err.starts_with("disk full after 2"), "{err}");
    assert!(seen < 40, "the run stopped: {seen}");
    std::fs::remove_dir_all(dir).unwrap();
}
