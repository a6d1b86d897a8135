//! Loads every file of the public PETRARCH2 dictionaries (when present)
//! and checks what dyad makes of each: kinds, counts, problems.
//!
//! The dictionaries are read from `DYAD_PETRARCH_DIR`, else
//! `../shared/reference/petrarch2` above the repository; without them the
//! test prints why and passes (they are not part of the repository).

use dyad_lexicon::petrarch::{self, Stats};
use dyad_lexicon::{DictFile, Lexicon};
use std::path::{Path, PathBuf};

fn reference_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("DYAD_PETRARCH_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/petrarch2"),
    };
    dir.is_dir().then_some(dir)
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable directory")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// (kind, actor records, dated roles, agent phrases, patterns translated,
/// patterns skipped, dyad patterns, warnings, errors)
type Row = (
    Option<&'static str>,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
);

fn row(kind: Option<&'static str>, s: &Stats) -> Row {
    (
        kind,
        s.actors,
        s.dated_roles,
        s.agents,
        s.patterns_translated,
        s.patterns_skipped,
        s.dyad_patterns,
        s.warnings,
        s.errors,
    )
}

#[test]
fn every_petrarch2_reference_file() {
    let Some(dir) = reference_dir() else {
        println!(
            "SKIPPED: PETRARCH2 reference dictionaries not found (set DYAD_PETRARCH_DIR or provide ../shared/reference/petrarch2)"
        );
        return;
    };
    let mut paths = Vec::new();
    files_under(&dir, &mut paths);
    let codebook = Lexicon::builtin().codebook;
    let mut got = Vec::new();
    for p in &paths {
        let f = DictFile::read(p).expect("reference file is UTF-8");
        let name = p.strip_prefix(&dir).unwrap().display().to_string();
        let kind = f.kind();
        let stats = match kind {
            Some(k) if k.starts_with("petrarch") => {
                let t = petrarch::parse(&f, k, &codebook);
                for e in &t.problems {
                    assert!(e.line <= f.text.lines().count(), "{e}");
                    assert!(e.file.ends_with(p.file_name().unwrap().to_str().unwrap()), "{e}");
                }
                t.stats
            }
            _ => Stats::default(),
        };
        println!("{name}: {:?}", row(kind, &stats));
        got.push((name, row(kind, &stats)));
    }
    // measured on the files of SOURCES.md (petrarch2 @ 676801c, UniversalPetrarch @ 067552d / f2192ba)
    let expected: Vec<(&str, Row)> = vec![
        (
            "CAMEO.2.0.txt",
            (Some("petrarch-verbs"), 0, 0, 0, 4390, 278, 10270, 362, 0),
        ),
        (
            "CAMEO.2.0_unsorted.txt",
            (Some("petrarch-verbs"), 0, 0, 0, 4397, 277, 10278, 361, 1),
        ),
        (
            "CAMEO.verbpatterns.150430.txt",
            (Some("petrarch-verbs"), 0, 0, 0, 10126, 885, 23363, 1074, 2),
        ),
        (
            "PETR.Internal.Coding.Ontology.txt",
            (Some("petrarch-other"), 0, 0, 0, 0, 0, 0, 1, 0),
        ),
        (
            "PETR.Validate.actors.txt",
            (Some("petrarch-actors"), 124, 12, 0, 0, 0, 0, 3, 6),
        ),
        (
            "PETR.Validate.agents.txt",
            (Some("petrarch-agents"), 0, 0, 160, 0, 0, 0, 4, 0),
        ),
        (
            "PETR.Validate.discards.txt",
            (Some("petrarch-discards"), 0, 0, 0, 0, 0, 0, 1, 0),
        ),
        (
            "PETR.Validate.verbs.txt",
            (Some("petrarch-verbs"), 0, 0, 0, 362, 112, 525, 156, 1),
        ),
        ("PETR_config.ini", (None, 0, 0, 0, 0, 0, 0, 0, 0)),
        (
            "Phoenix.Countries.actors.txt",
            (Some("petrarch-actors"), 18350, 26103, 0, 0, 0, 0, 4, 45),
        ),
        (
            "Phoenix.International.actors.txt",
            (Some("petrarch-actors"), 7835, 451, 0, 0, 0, 0, 2, 7),
        ),
        (
            "Phoenix.IssueCoding.txt",
            (Some("petrarch-issues"), 0, 0, 0, 0, 0, 0, 1, 0),
        ),
        (
            "Phoenix.MilNonState.actors.txt",
            (Some("petrarch-actors"), 1021, 1, 0, 0, 0, 0, 0, 0),
        ),
        (
            "Phoenix.agents.txt",
            (Some("petrarch-agents"), 0, 0, 5147, 0, 0, 0, 279, 2),
        ),
        (
            "Phoenix.discards.txt",
            (Some("petrarch-discards"), 0, 0, 0, 0, 0, 0, 1, 0),
        ),
        (
            "Phoenix.prepositions.txt",
            (Some("petrarch-other"), 0, 0, 0, 0, 0, 0, 1, 0),
        ),
        ("SOURCES.md", (None, 0, 0, 0, 0, 0, 0, 0, 0)),
        (
            "newdict.txt",
            (Some("petrarch-verbs"), 0, 0, 0, 9552, 860, 21805, 1028, 2),
        ),
        (
            "validate_2_02/PETR_Validate_Internal_Coding_Ontology_1_01.txt",
            (Some("petrarch-other"), 0, 0, 0, 0, 0, 0, 1, 0),
        ),
        (
            "validate_2_02/PETR_Validate_actors_2_02.txt",
            (Some("petrarch-actors"), 128, 12, 0, 0, 0, 0, 3, 8),
        ),
        (
            "validate_2_02/PETR_Validate_agents_2_02.txt",
            (Some("petrarch-agents"), 0, 0, 160, 0, 0, 0, 4, 0),
        ),
        (
            "validate_2_02/PETR_Validate_discards_2_02.txt",
            (Some("petrarch-discards"), 0, 0, 0, 0, 0, 0, 1, 0),
        ),
        (
            "validate_2_02/PETR_Validate_verbs_2_02.txt",
            (Some("petrarch-verbs"), 0, 0, 0, 328, 30, 546, 41, 1),
        ),
    ];
    let got_ref: Vec<(&str, Row)> = got.iter().map(|(n, r)| (n.as_str(), *r)).collect();
    assert_eq!(got_ref, expected);
}

#[test]
fn petrarch2_default_set_loads_into_the_lexicon() {
    let Some(dir) = reference_dir() else {
        println!("SKIPPED: PETRARCH2 reference dictionaries not found (set DYAD_PETRARCH_DIR)");
        return;
    };
    // PETR_config.ini's default set
    let names = [
        "CAMEO.2.0.txt",
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ];
    let files: Vec<DictFile> = names.iter().map(|n| DictFile::read(&dir.join(n)).unwrap()).collect();
    let (builtin, _) = Lexicon::load(&[]);
    let (lex, problems) = Lexicon::load(&files);
    // malformed lines are named by file and line and do not stop the load
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        shown.iter().any(|p| p.ends_with(
            "Phoenix.Countries.actors.txt:2039: bad date restriction \"9008223-911221\": use <DATE, >DATE or DATE-DATE (YYMMDD or YYYYMMDD)"
        )),
        "{:?}",
        &shown[..5]
    );
    assert!(shown.iter().any(|p| p.contains("Phoenix.agents.txt:544: unclosed [")));
    assert_eq!(problems.iter().filter(|p| !p.is_warning()).count(), 45 + 7 + 2);
    // translated patterns are in the lexicon with their PETRARCH line as id
    assert_eq!(lex.patterns.len(), builtin.patterns.len() + 10270);
    let p = lex
        .patterns
        .list
        .iter()
        .find(|p| p.id == "CAMEO.2.0.txt:1155")
        .expect("pattern from line 1155");
    assert_eq!(p.code, "087");
    // dated roles: Hamid Karzai was AFG head of state 2001-12-22 .. 2014-09-29
    let karzai = lex.actors.phrases.get("Hamid Karzai");
    let people: Vec<&dyad_lexicon::Person> = karzai
        .iter()
        .filter_map(|e| match e {
            dyad_lexicon::ActorEntry::Person { person, id } if id.starts_with("Phoenix.Countries") => {
                Some(&lex.actors.people[*person])
            }
            _ => None,
        })
        .collect();
    assert!(!people.is_empty(), "{karzai:?}");
    let on = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    let holder = people
        .iter()
        .find(|p| p.holds_on(on(2010, 6, 1)))
        .expect("a tenure in 2010");
    assert_eq!(format!("{}{}", holder.country, holder.sector), "AFGGOV");
    // agents with their plurals
    let sectors: Vec<&str> = lex
        .actors
        .phrases
        .get("cattlemen")
        .iter()
        .filter_map(|e| match e {
            dyad_lexicon::ActorEntry::Agent { sector, .. } => Some(sector.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(sectors, vec!["AGR"]);
}
