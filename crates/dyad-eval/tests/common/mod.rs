//! Helpers shared by the tests that read public reference data where it lies
//! (`../shared/reference/` beside the repository), never copied into it.

use std::path::PathBuf;

/// A file under `../shared/reference/`, or `None` when the folder is absent
/// (a fresh CI machine), so the calling test can skip.
pub fn reference_file(relative: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference")
        .join(relative);
    p.exists().then_some(p)
}

/// Splits CSV text into records (RFC 4180 quoting; a quoted field may hold a
/// newline).
pub fn records(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let (mut row, mut cur) = (Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cur)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cur));
                out.push(std::mem::take(&mut row));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() || !row.is_empty() {
        row.push(cur);
        out.push(row);
    }
    out
}
