//! Actor coding on real sentences: dated roles, titles learned in the
//! article, capitals as governments vs. places, acronyms vs. words.

use dyad_pipeline::doc::{MentionKind, NaiveDate};
use dyad_pipeline::Pipeline;

fn actors(p: &Pipeline, text: &str, date: &str) -> Vec<(String, String)> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    let doc = p.process_text(text, date);
    doc.mentions
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Actor(a) => Some((doc.slice(&m.span).to_string(), a.code.clone())),
            MentionKind::Place(pl) => Some((doc.slice(&m.span).to_string(), format!("place:{}", pl.name))),
            MentionKind::Date(_) => None,
        })
        .collect()
}

fn has(found: &[(String, String)], text: &str, code: &str) {
    assert!(
        found.iter().any(|(t, c)| t == text && c == code),
        "expected {text:?} as {code}, got {found:?}"
    );
}

#[test]
fn office_holders_are_coded_for_the_article_date() {
    let p = Pipeline::builtin();
    let s = "Pinotti said Italy would contribute to the mission.";
    has(&actors(&p, s, "2016-10-20"), "Pinotti", "ITAGOV");
    // out of office in 2024: still Italian, no longer the government
    has(&actors(&p, s, "2024-05-01"), "Pinotti", "ITA");
}

#[test]
fn titled_names_are_learned_for_the_rest_of_the_article() {
    let p = Pipeline::builtin();
    let text =
        "Liguria's president Giovanni Toti spoke in Genoa. Later, Toti noted that Genoa and Russia were partners. \
                Azerbaijani Deputy Foreign Minister Fariz Rzayev met Italian officials. Rzayev also addressed events.";
    let found = actors(&p, text, "2020-02-21");
    has(&found, "Toti", "ITAGOV");
    has(&found, "Rzayev", "AZEGOV");
    has(&found, "Genoa", "place:Genoa");
}

#[test]
fn capitals_are_governments_as_subjects_and_places_after_in() {
    let p = Pipeline::builtin();
    let found = actors(
        &p,
        "Moscow values the continuity in relations with Rome. The talks were held in Moscow.",
        "2020-10-14",
    );
    has(&found, "Moscow", "RUSGOV");
    has(&found, "Rome", "ITAGOV");
    has(&found, "Moscow", "place:Moscow");
}

#[test]
fn sentence_initial_function_words_are_not_acronyms() {
    let p = Pipeline::builtin();
    let found = actors(&p, "Who met us? The WHO and the US did.", "2020-01-01");
    assert!(!found.iter().any(|(t, _)| t == "Who" || t == "us"), "{found:?}");
    has(&found, "US", "USA");
}

/// Every named person in the sample articles, coded for the article's date.
#[test]
fn seed_article_people_are_coded_for_their_dates() {
    let p = Pipeline::builtin();
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample");
    let expected: &[(&str, &str, &str)] = &[
        ("000_46ba96b69bd97d1b", "Lavrov", "RUSGOV"),
        ("000_46ba96b69bd97d1b", "Di Maio", "ITAGOV"),
        ("000_46ba96b69bd97d1b", "Denis Manturov", "RUSGOV"),
        ("001_b0d4efdc87d7cf46", "Toti", "ITAGOV"),
        ("001_b0d4efdc87d7cf46", "Signorini", "ITAGOV"),
        ("001_b0d4efdc87d7cf46", "Sergey Razov", "RUSGOV"),
        (
            "001_b0d4efdc87d7cf46",
            "Russian Foreign Minister Sergey Lavrov",
            "RUSGOV",
        ),
        (
            "002_e008512cb5fc5f6b",
            "Azerbaijani Deputy Foreign Minister Fariz Rzayev",
            "AZEGOV",
        ),
        ("002_e008512cb5fc5f6b", "Rzayev", "AZEGOV"),
        ("002_e008512cb5fc5f6b", "Edmondo Cirielli", "ITAGOV"),
        ("003_006d332586fce9d9", "Wang", "CHNGOV"),
        ("003_006d332586fce9d9", "Di Maio", "ITAGOV"),
        ("004_82d6cd54c4ffa80f", "Pinotti", "ITAGOV"),
        (
            "004_82d6cd54c4ffa80f",
            "NATO Secretary General Jens Stoltenberg",
            "IGOWSTNAT",
        ),
    ];
    for (id, text, code) in expected {
        let docs: Vec<_> = p.run(&[dir.join(format!("{id}.txt"))]).collect();
        let doc = docs.into_iter().next().unwrap().unwrap();
        let found: Vec<(String, String)> = doc
            .mentions
            .iter()
            .filter_map(|m| m.actor().map(|a| (doc.slice(&m.span).to_string(), a.code.clone())))
            .collect();
        assert!(
            found.iter().any(|(t, c)| t.ends_with(text) && c == code),
            "{id}: expected {text:?} as {code}; mentions: {found:?}"
        );
    }
}
