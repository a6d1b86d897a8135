//! Dictionary files and their line-level errors.

use std::path::Path;

/// A dictionary file's name (as cited in output) and text.
#[derive(Debug, Clone)]
pub struct DictFile {
    pub name: String,
    pub text: String,
}

/// A malformed dictionary line (or, with [`Severity::Warning`], a construct
/// that could not be translated): reported, skipped, never fatal to a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    /// 1-based; 0 for the file as a whole.
    pub line: usize,
    pub message: String,
    pub severity: Severity,
}

/// How bad a [`LoadError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    /// A malformed line: the line is skipped.
    #[default]
    Error,
    /// A well-formed line (or part of one) dyad cannot use, e.g. a PETRARCH
    /// construct with no equivalent in dyad's pattern grammar.
    Warning,
}

impl LoadError {
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.is_warning() { "warning: " } else { "" };
        if self.line == 0 {
            write!(f, "{}: {level}{}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {level}{}", self.file, self.line, self.message)
        }
    }
}

impl DictFile {
    pub fn builtin(name: &str, text: &str) -> Self {
        DictFile {
            name: name.to_string(),
            text: text.to_string(),
        }
    }

    pub fn read(path: &Path) -> Result<Self, LoadError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| LoadError {
            file: name.clone(),
            line: 0,
            message: e.to_string(),
            severity: Severity::Error,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            LoadError {
                file: name.clone(),
                line,
                message: "not valid UTF-8".into(),
                severity: Severity::Error,
            }
        })?;
        Ok(DictFile { name, text })
    }

    /// The dictionary kind: one of dyad's own (`countries`, `agents`, `orgs`,
    /// `people`, `places`, `cameo`, `events`, `grammar`, `calendar`,
    /// `modality`) or a PETRARCH/TABARI one (`petrarch-actors`,
    /// `petrarch-agents`, `petrarch-verbs`, `petrarch-discards`,
    /// `petrarch-issues`, `petrarch-other`). Precedence:
    /// 1. a name part only PETRARCH uses (`actors`, `verbs`, `verbpatterns`,
    ///    `discards`, `issues`, `issuecoding`, `ontology`, `prepositions`);
    /// 2. a name part naming one of dyad's kinds other than `agents` and
    ///    `cameo` (`my-people.tsv`, `people.extra.tsv`);
    /// 3. content sniffing (first 400 lines) for PETRARCH verbs (`--- X [C] ---`
    ///    block headers), agents (`[~GOV]`/`[NGO~]` codes) and actors
    ///    (`[CODE]` brackets, `+` synonym lines), so `Phoenix.agents.txt`,
    ///    `CAMEO.2.0.txt` and `newdict.txt` are PETRARCH while `agents.tsv`
    ///    and `cameo.tsv` stay dyad's;
    /// 4. the `agents`/`cameo` name part (dyad's TSV formats).
    pub fn kind(&self) -> Option<&'static str> {
        let base = Path::new(&self.name).file_name()?.to_str()?.to_ascii_lowercase();
        let parts: Vec<&str> = base.split(['.', '-', '_']).collect();
        let has = |k: &str| parts.contains(&k);
        let petrarch_names = [
            ("actors", "petrarch-actors"),
            ("verbs", "petrarch-verbs"),
            ("verbpatterns", "petrarch-verbs"),
            ("discards", "petrarch-discards"),
            ("issues", "petrarch-issues"),
            ("issuecoding", "petrarch-issues"),
            ("ontology", "petrarch-other"),
            ("prepositions", "petrarch-other"),
        ];
        if let Some((_, k)) = petrarch_names.iter().find(|(p, _)| has(p)) {
            return Some(k);
        }
        let own = [
            "countries",
            "orgs",
            "people",
            "places",
            "events",
            "grammar",
            "calendar",
            "modality",
        ];
        if let Some(k) = own.into_iter().find(|k| has(k)) {
            return Some(k);
        }
        if let Some(k) = crate::petrarch::sniff(&self.text) {
            return Some(k);
        }
        ["agents", "cameo"].into_iter().find(|k| has(k))
    }

    /// Content lines (not blank, not `#` comments) with 1-based numbers,
    /// trailing `\r` removed.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    }

    /// `file:line`, the id output uses to cite an entry.
    pub fn entry_id(&self, line: usize) -> String {
        let base = Path::new(&self.name)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(&self.name);
        format!("{base}:{line}")
    }

    pub fn error(&self, line: usize, message: impl Into<String>) -> LoadError {
        LoadError {
            file: self.name.clone(),
            line,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    pub fn warning(&self, line: usize, message: impl Into<String>) -> LoadError {
        LoadError {
            severity: Severity::Warning,
            ..self.error(line, message)
        }
    }
}

/// Splits a TSV line into exactly `n` columns (missing trailing columns are
/// empty), or explains what is wrong.
pub(crate) fn columns(line: &str, min: usize, max: usize) -> Result<Vec<&str>, String> {
    let mut cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cols.len() < min {
        return Err(format!(
            "expected at least {min} TAB-separated columns, found {}",
            cols.len()
        ));
    }
    if cols.len() > max {
        return Err(format!(
            "expected at most {max} TAB-separated columns, found {}",
            cols.len()
        ));
    }
    cols.resize(max, "");
    Ok(cols)
}

/// [`columns`], reporting a malformed line as an error of `f` at line `n`.
pub(crate) fn columns_or_report<'a>(
    f: &DictFile,
    n: usize,
    line: &'a str,
    min: usize,
    max: usize,
    errors: &mut Vec<LoadError>,
) -> Option<Vec<&'a str>> {
    columns(line, min, max).map_err(|e| errors.push(f.error(n, e))).ok()
}

/// A `;`-separated list field.
pub(crate) fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}
