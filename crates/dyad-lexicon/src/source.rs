//! Dictionary files and their line-level errors.

use std::path::Path;

/// A dictionary file's name (as cited in output) and text.
#[derive(Debug, Clone)]
pub struct DictFile {
    pub name: String,
    pub text: String,
}

/// A malformed dictionary line: reported, skipped, never fatal to a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
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
            }
        })?;
        Ok(DictFile { name, text })
    }

    /// The dictionary kind from the file name: `countries`, `people`, ...
    /// (a prefix such as `my-people.tsv` or `people.extra.tsv` works too).
    pub fn kind(&self) -> Option<&'static str> {
        let base = Path::new(&self.name).file_name()?.to_str()?.to_ascii_lowercase();
        [
            "countries",
            "agents",
            "orgs",
            "people",
            "places",
            "cameo",
            "events",
            "grammar",
            "calendar",
            "modality",
        ]
        .into_iter()
        .find(|k| base.split(['.', '-', '_']).any(|part| part == *k))
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

/// A `;`-separated list field.
pub(crate) fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}
