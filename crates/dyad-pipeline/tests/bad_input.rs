//! No input makes dyad panic: empty files, binary garbage, invalid UTF-8,
//! malformed JSON Lines and a 5 MB single-line file give clear problems or
//! plain output, and the good articles beside them are still coded.

use dyad_pipeline::Pipeline;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-bad-input-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn bad_inputs_give_problems_not_panics() {
    let dir = scratch("mixed");
    std::fs::write(dir.join("a_empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("b_garbage.bin"),
        (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::write(
        dir.join("c_latin1.txt"),
        b"ROME \xe9t\xe9: Italy imposed sanctions on Russia.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("d_lines.jsonl"),
        "{\"id\":\"ok1\",\"text\":\"The United States imposed sanctions on Russia on Monday.\",\"date\":\"2022-03-02\"}\n{not json\n{\"id\":\"ok2\",\"text\":\"Russian Foreign Minister Sergey Lavrov met his Italian counterpart Luigi Di Maio in Moscow.\",\"date\":\"2020-10-14\"}\n",
    )
    .unwrap();
    let long: String = "Russia and Italy met in Rome and then ".repeat(5 * 1024 * 1024 / 38);
    std::fs::write(dir.join("e_long.txt"), &long).unwrap();

    let pipeline = Pipeline::builtin();
    let results: Vec<_> = pipeline.run(std::slice::from_ref(&dir)).collect();
    let problems: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|p| p.to_string())
        .collect();
    let docs: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("a_empty.txt") && p.contains("empty")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("b_garbage.bin") && p.contains("binary")),
        "{problems:?}"
    );
    assert!(problems.iter().any(|p| p.contains("d_lines.jsonl:2")), "{problems:?}");
    let ids: Vec<&str> = docs.iter().map(|d| d.article.id.as_str()).collect();
    assert!(
        ids.contains(&"ok1") && ids.contains(&"ok2") && ids.contains(&"c_latin1") && ids.contains(&"e_long"),
        "{ids:?}"
    );
    let meeting = docs.iter().find(|d| d.article.id == "ok2").unwrap();
    assert!(
        meeting.events.iter().any(|e| e.cameo.starts_with("04")),
        "the good line beside a bad one is still coded"
    );
    std::fs::remove_dir_all(&dir).ok();
}
