//! Evaluation of dyad against hand-coded gold data.
//!
//! Owns: the gold-file format and its parser ([`gold`]), the rules for
//! matching coded events to gold events and the metrics over them
//! ([`score`]), running the pipeline over a gold set ([`evaluate`]) and the
//! text report ([`report`]). The `dyad eval` subcommand is a thin shell
//! over this crate. Format and rules are documented in `docs/eval.md`;
//! dyad's own gold set is `fixtures/gold.jsonl`.

pub mod gold;
pub mod report;
pub mod score;

pub use gold::{GoldError, GoldErrors, GoldEvent, GoldItem, GoldSet};
pub use score::{CodedEvent, ErrorKind, EvalError, ItemRun, Metrics};

use dyad_doc::record::EventRecord;
use dyad_pipeline::Pipeline;
use serde::Serialize;
use std::path::PathBuf;

/// Path of dyad's own gold set.
pub fn builtin_gold_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/gold.jsonl")
}

/// Scoring options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Leave out coded events marked `negated` (by default every event the
    /// coder outputs is scored, as a user reading its output would see it).
    pub skip_negated: bool,
}

/// The result of one evaluation, as printed by `dyad eval --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub gold_file: String,
    pub metrics: Metrics,
    /// Root names from the codebook, for the per-root table.
    pub root_names: std::collections::BTreeMap<String, String>,
    /// Spurious and wrong-actor coded events by pattern, most first.
    pub errors_by_pattern: Vec<(String, usize)>,
    pub errors: Vec<EvalError>,
}

/// Codes every gold item (with tracing on) and scores the result.
pub fn evaluate(pipeline: &Pipeline, gold: &GoldSet, opts: Options) -> Evaluation {
    let mut runs = Vec::with_capacity(gold.items.len());
    for it in &gold.items {
        let origin = format!("{}:{}", gold.origin, it.line);
        let mut article = dyad_ingest::from_text(&it.id, &origin, it.text.clone());
        article.published = Some(it.published);
        let doc = pipeline.process_with(article, true);
        let coded = EventRecord::all(&doc)
            .into_iter()
            .filter(|r| !(opts.skip_negated && r.negated))
            .map(|r| CodedEvent {
                sentence: r.sentence,
                source: r.source.code,
                target: r.target.map(|t| t.code),
                cameo: r.cameo,
                date: r.date,
                location: r.location.map(|l| l.name),
                negated: r.negated,
                modality: serde_json::to_value(r.modality)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                event_text: r.evidence.event_text,
                pattern: r.pattern,
            })
            .collect();
        runs.push(ItemRun {
            gold: it,
            coded,
            trace: doc.trace.unwrap_or_default(),
        });
    }
    let (metrics, errors) = score::score(&runs);
    let root_names = metrics
        .per_root
        .keys()
        .filter_map(|r| pipeline.lexicon().codebook.get(r).map(|i| (r.clone(), i.name.clone())))
        .collect();
    let mut by_pattern = std::collections::BTreeMap::<String, usize>::new();
    for e in &errors {
        if matches!(e.kind, ErrorKind::Spurious | ErrorKind::WrongActor) {
            if let Some(p) = &e.pattern {
                *by_pattern.entry(p.clone()).or_default() += 1;
            }
        }
    }
    let mut errors_by_pattern: Vec<(String, usize)> = by_pattern.into_iter().collect();
    errors_by_pattern.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Evaluation {
        gold_file: gold.origin.clone(),
        metrics,
        root_names,
        errors_by_pattern,
        errors,
    }
}
