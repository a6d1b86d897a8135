//! Plain aligned text tables for terminals: one header line, a rule, and
//! rows; long cells are cut to a column's width with `…`.

use crate::Fold;
use dyad_doc::record::EventRecord;
use std::io::{self, Write};

/// Writes `rows` under `headers`; `max` is each column's widest allowed
/// cell in characters (the last value repeats for further columns).
pub fn write(headers: &[&str], rows: &[Vec<String>], max: &[usize], out: &mut dyn Write) -> io::Result<()> {
    let limit = |i: usize| max.get(i).or(max.last()).copied().unwrap_or(usize::MAX);
    let cut = |s: &str, w: usize| -> String {
        let s = s.replace(['\n', '\t', '\r'], " ");
        if s.chars().count() <= w {
            s
        } else {
            let mut t: String = s.chars().take(w.saturating_sub(1)).collect();
            t.push('…');
            t
        }
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().enumerate().map(|(i, c)| cut(c, limit(i))).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
    }
    let line = |cols: Vec<&str>| -> String {
        let mut s = String::new();
        for (i, c) in cols.iter().enumerate() {
            if i + 1 == cols.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.extend(std::iter::repeat_n(' ', widths[i] - c.chars().count() + 2));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(headers.to_vec()))?;
    writeln!(
        out,
        "{}",
        line(
            widths
                .iter()
                .map(|w| "─".repeat(*w))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect()
        )
    )?;
    for r in &cells {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/// Headers of [`event_cells`].
pub const EVENT_HEADERS: [&str; 10] = [
    "id",
    "date",
    "source",
    "target",
    "cameo",
    "quad",
    "goldstein",
    "m/s/a",
    "place",
    "event",
];
/// Widths for [`write`] with [`event_cells`].
pub const EVENT_WIDTHS: [usize; 10] = [8, 10, 28, 28, 5, 4, 9, 9, 16, 60];

fn actor(a: &dyad_doc::record::ActorRecord) -> String {
    match &a.name {
        Some(n) => format!("{} {}", a.code, n),
        None => a.code.clone(),
    }
}

/// The cells of one event in a compact terminal table.
pub fn event_cells(r: &EventRecord, fold: &Fold) -> Vec<String> {
    vec![
        fold.id.to_string(),
        r.date.map_or("?".into(), |d| d.to_string()),
        actor(&r.source),
        r.target.as_ref().map_or("-".into(), actor),
        r.cameo.clone(),
        r.quad_class.to_string(),
        format!("{:+.1}", r.goldstein),
        format!("{}/{}/{}", fold.num_mentions, fold.num_sources, fold.num_articles),
        r.location.as_ref().map_or(String::new(), |l| l.name.clone()),
        format!("{}{}", if r.negated { "NOT " } else { "" }, r.evidence.event_text),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn aligns_columns_and_cuts_long_cells() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["RUSGOV".to_string(), "a very long cell indeed".to_string()],
            vec!["IT".to_string(), "short".to_string()],
        ];
        super::write(&["code", "text"], &rows, &[10, 8], &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "code    text");
        assert_eq!(lines[2], "RUSGOV  a very …");
        assert_eq!(lines[3], "IT      short");
    }
}
