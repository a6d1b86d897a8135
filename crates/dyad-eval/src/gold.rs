//! The gold file: JSON Lines, one hand-coded item per line (format in
//! `docs/eval.md`). Parsing checks every line and reports every problem
//! with the file and line; nothing is silently skipped.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// One expected event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldEvent {
    pub source: String,
    /// `None` for an event without a target (rare in CAMEO practice).
    pub target: Option<String>,
    pub cameo: String,
    /// Only scored when given.
    pub date: Option<NaiveDate>,
    /// Only scored when given (compared with the coded location name).
    pub location: Option<String>,
}

/// One gold item: a sentence or short article and every event in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldItem {
    /// 1-based line in the gold file.
    pub line: usize,
    pub id: String,
    pub text: String,
    pub published: NaiveDate,
    /// Empty: the text must produce no event.
    pub events: Vec<GoldEvent>,
    pub note: Option<String>,
}

/// A whole gold file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldSet {
    /// The file name as given (used in error messages and reports).
    pub origin: String,
    pub items: Vec<GoldItem>,
}

/// A problem at `origin:line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldError {
    pub origin: String,
    /// 1-based; 0 when the problem is the whole file.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for GoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.origin, self.message)
        } else {
            write!(f, "{}:{}: {}", self.origin, self.line, self.message)
        }
    }
}

/// Every problem found in a gold file, in line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldErrors(pub Vec<GoldError>);

impl std::fmt::Display for GoldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for GoldErrors {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    text: String,
    published: String,
    events: Vec<RawEvent>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    source: String,
    #[serde(default)]
    target: Option<String>,
    cameo: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    location: Option<String>,
}

impl GoldSet {
    /// Reads and parses a gold file.
    pub fn read(path: &Path) -> Result<GoldSet, GoldErrors> {
        let origin = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| {
            GoldErrors(vec![GoldError {
                origin: origin.clone(),
                line: 0,
                message: format!("cannot read: {e}"),
            }])
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            GoldErrors(vec![GoldError {
                origin: origin.clone(),
                line: 0,
                message: format!("not UTF-8: {e}"),
            }])
        })?;
        Self::parse(&text, &origin)
    }

    /// Parses gold JSON Lines. Blank lines and lines starting with `//` are
    /// skipped; any other bad line is an error, and all errors are returned.
    pub fn parse(text: &str, origin: &str) -> Result<GoldSet, GoldErrors> {
        let mut items = Vec::new();
        let mut errors = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, line) in text.split('\n').enumerate() {
            let n = i + 1;
            let l = line.trim();
            if l.is_empty() || l.starts_with("//") {
                continue;
            }
            let err = |message: String| GoldError {
                origin: origin.to_string(),
                line: n,
                message,
            };
            let raw: RawItem = match serde_json::from_str(l) {
                Ok(r) => r,
                Err(e) => {
                    errors.push(err(format!("invalid gold item: {e}")));
                    continue;
                }
            };
            match item(raw, n) {
                Ok(it) => {
                    if let Some(first) = seen.insert(it.id.clone(), n) {
                        errors.push(err(format!("duplicate id {:?} (first on line {first})", it.id)));
                    }
                    items.push(it);
                }
                Err(m) => errors.push(err(m)),
            }
        }
        if errors.is_empty() {
            Ok(GoldSet {
                origin: origin.to_string(),
                items,
            })
        } else {
            Err(GoldErrors(errors))
        }
    }

    /// Gold events whose CAMEO code `known` rejects (e.g. not in the
    /// codebook), as errors at their lines.
    pub fn check_codes(&self, known: impl Fn(&str) -> bool) -> Vec<GoldError> {
        let mut out = Vec::new();
        for it in &self.items {
            for (k, e) in it.events.iter().enumerate() {
                if !known(&e.cameo) {
                    out.push(GoldError {
                        origin: self.origin.clone(),
                        line: it.line,
                        message: format!("event {}: CAMEO code {:?} is not in the codebook", k + 1, e.cameo),
                    });
                }
            }
        }
        out
    }

    /// Number of gold events.
    pub fn event_count(&self) -> usize {
        self.items.iter().map(|i| i.events.len()).sum()
    }
}

fn date(s: &str, what: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| format!("{what}: {s:?} is not a YYYY-MM-DD date"))
}

/// A CAMEO-style actor code: upper-case letters and digits in 3-character
/// blocks ("RUS", "RUSGOV", "IGOUNOHLHWHO").
fn actor_code(s: &str, what: &str) -> Result<String, String> {
    let s = s.trim();
    if s.is_empty() || !s.len().is_multiple_of(3) || !s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return Err(format!(
            "{what}: {s:?} is not a CAMEO actor code (upper-case, in blocks of 3: \"RUSGOV\")"
        ));
    }
    Ok(s.to_string())
}

fn item(raw: RawItem, line: usize) -> Result<GoldItem, String> {
    if raw.id.trim().is_empty() {
        return Err("\"id\" is empty".into());
    }
    if raw.text.trim().is_empty() {
        return Err("\"text\" is empty".into());
    }
    let published = date(&raw.published, "\"published\"")?;
    let mut events = Vec::new();
    for (k, e) in raw.events.into_iter().enumerate() {
        let what = |f: &str| format!("event {} \"{f}\"", k + 1);
        let cameo = e.cameo.trim().to_string();
        if !(2..=4).contains(&cameo.len()) || !cameo.chars().all(|c| c.is_ascii_digit()) {
            return Err(format!(
                "{}: {:?} is not a CAMEO code (2-4 digits)",
                what("cameo"),
                e.cameo
            ));
        }
        events.push(GoldEvent {
            source: actor_code(&e.source, &what("source"))?,
            target: e.target.map(|t| actor_code(&t, &what("target"))).transpose()?,
            cameo,
            date: e.date.map(|d| date(&d, &what("date"))).transpose()?,
            location: e.location.map(|l| l.trim().to_string()).filter(|l| !l.is_empty()),
        });
    }
    Ok(GoldItem {
        line,
        id: raw.id.trim().to_string(),
        text: raw.text,
        published,
        events,
        note: raw.note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_items_and_skips_blank_and_comment_lines() {
        let text = concat!(
            "// a comment\n",
            "\n",
            r#"{"id":"a","text":"Russia and China met.","published":"2020-10-14","events":[{"source":"RUS","target":"CHN","cameo":"040","date":"2020-10-14","location":"Moscow"}],"note":"n"}"#,
            "\n",
            r#"{"id":"b","text":"It rained.","published":"2020-10-14","events":[]}"#,
            "\n"
        );
        let g = GoldSet::parse(text, "g.jsonl").unwrap();
        assert_eq!(g.items.len(), 2);
        assert_eq!(g.items[0].line, 3);
        assert_eq!(g.items[0].events[0].target.as_deref(), Some("CHN"));
        assert_eq!(g.items[0].events[0].location.as_deref(), Some("Moscow"));
        assert_eq!(g.items[1].line, 4);
        assert!(g.items[1].events.is_empty());
        assert_eq!(g.event_count(), 1);
    }

    #[test]
    fn reports_every_bad_line_with_its_number() {
        let text = concat!(
            r#"{"id":"a","text":"x","published":"2020-13-01","events":[]}"#,
            "\n",
            "not json\n",
            r#"{"id":"c","text":"x","published":"2020-01-01","events":[{"source":"Russia","target":"CHN","cameo":"040"}]}"#,
            "\n",
            r#"{"id":"d","text":"x","published":"2020-01-01","events":[{"source":"RUS","target":"CHN","cameo":"4a"}]}"#,
            "\n",
            r#"{"id":"e","text":"x","published":"2020-01-01","events":[],"evnts":[]}"#,
            "\n",
            r#"{"id":"f","text":"x","published":"2020-01-01","events":[]}"#,
            "\n",
            r#"{"id":"f","text":"x","published":"2020-01-01","events":[]}"#,
            "\n",
        );
        let errs = GoldSet::parse(text, "g.jsonl").unwrap_err().0;
        let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5, 7], "{errs:?}");
        assert!(
            errs[0].to_string().starts_with("g.jsonl:1: \"published\""),
            "{}",
            errs[0]
        );
        assert!(errs[2].message.contains("\"source\""), "{}", errs[2]);
        assert!(errs[3].message.contains("CAMEO code"), "{}", errs[3]);
        assert!(errs[4].message.contains("evnts"), "{}", errs[4]);
        assert!(errs[5].message.contains("duplicate id"), "{}", errs[5]);
    }

    #[test]
    fn unknown_codes_are_reported_at_their_line() {
        let text = r#"{"id":"a","text":"x","published":"2020-01-01","events":[{"source":"RUS","target":"CHN","cameo":"0999"}]}"#;
        let g = GoldSet::parse(text, "g.jsonl").unwrap();
        let errs = g.check_codes(|c| c != "0999");
        assert_eq!(errs.len(), 1);
        assert_eq!(
            errs[0].to_string(),
            "g.jsonl:1: event 1: CAMEO code \"0999\" is not in the codebook"
        );
    }
}
