//! Office-holders of every era (`tests/fixtures/historical_people.tsv`):
//! news sentences from the 1970s to the 2020s with the code each named
//! person should get on the article date — in office, in an earlier or
//! later office, or out of office (then the country alone).
//!
//! Same columns and matching rules as the actor fixture (`tests/common/mod.rs`).
//! Prints accuracy and every failure; asserts a floor.

mod common;

const FIXTURE: &str = "historical_people.tsv";

/// The target (#4); measured accuracy is printed by the test.
const FLOOR: f64 = 0.95;

#[test]
fn historical_people_accuracy() {
    let rows = common::rows(FIXTURE);
    assert!(rows.len() >= 60, "fixture has {} mentions", rows.len());
    let decades: std::collections::BTreeSet<i32> = rows
        .iter()
        .map(|r| r.date.format("%Y").to_string().parse::<i32>().unwrap() / 10 * 10)
        .collect();
    assert!(decades.len() >= 5, "fixture covers only the decades {decades:?}");
    let failures = common::failures(FIXTURE, &rows);
    common::assert_accuracy("historical people", rows.len(), &failures, FLOOR);
}
