//! Ingestion: bytes the user has -> [`dyad_doc::Article`]s.
//!
//! Owns: input discovery (files, recursive directories, `-` for stdin),
//! streaming record reading ([`read_records`]: JSON Lines line by line, WARC
//! archives record by record, `.gz` decompressed on the fly), format
//! detection (plain text, JSON Lines, HTML, WARC), decoding (UTF-8,
//! UTF-16, Windows-1252), cleaning scraping noise while keeping an
//! [`dyad_doc::OffsetMap`] back to the original, and article metadata
//! (publication date, outlet, title, URL, dateline).
//!
//! Noise phrases live in `dict/noise.txt` (embedded at build time), not in
//! code. Input formats are documented in `docs/input-formats.md`.
//!
//! Errors never stop a run: a file or line that cannot be read becomes a
//! [`Problem`] naming the file and line, and the rest is still read.

mod clean;
mod dateline;
mod decode;
mod html;
mod noise;
mod records;
mod warc;

pub use dateline::{find_dateline, parse_machine_date};
pub use decode::{decode, DecodeError};
pub use records::{read_records, Record, Records, Skips};

use chrono::NaiveDate;
use clean::{clean, text_blocks, Line, Mode};
use dyad_doc::Article;
use serde_json::Value;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// A non-fatal input problem, reported and skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `path` or `path:line`.
    pub origin: String,
    pub message: String,
}

impl Problem {
    pub fn new(origin: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            origin: origin.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for Problem {}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, optionally with a ` date YYYY-MM-DD OUTLET` first line.
    Text,
    /// One JSON object per line (a `.json` file may also hold one array).
    JsonLines,
    Html,
}

/// The format of a file: by extension, else by content.
pub fn detect_format(path: Option<&Path>, text: &str) -> Format {
    let ext = path
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" => Format::Text,
        "jsonl" | "ndjson" | "json" => Format::JsonLines,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        _ => sniff(text),
    }
}

fn sniff(text: &str) -> Format {
    let t = text.trim_start();
    if t.starts_with('<') {
        Format::Html
    } else if t.starts_with('{')
        && t.lines()
            .next()
            .is_some_and(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| v.is_object()))
    {
        Format::JsonLines
    } else {
        Format::Text
    }
}

/// Every article in `paths` (files, directories, or `-` for stdin), in a
/// stable order, with problems interleaved where they occur. Directories
/// are read recursively in sorted order, skipping hidden entries. Large
/// JSON Lines and WARC inputs are streamed record by record.
///
/// This reads and parses on the calling thread; `dyad-pipeline` reads
/// [`read_records`] instead and parses records on its worker threads.
pub fn read_inputs(paths: &[PathBuf]) -> Inputs<'_> {
    Inputs {
        records: read_records(paths),
        skips: Skips::default(),
        out: VecDeque::new(),
    }
}

/// Iterator over articles; see [`read_inputs`].
pub struct Inputs<'a> {
    records: Records<'a>,
    /// Skips found while parsing (the reader keeps its own).
    skips: Skips,
    out: VecDeque<Result<Article, Problem>>,
}

impl Inputs<'_> {
    /// Input read past on purpose so far (e.g. WARC records that are not articles).
    pub fn skips(&self) -> Skips {
        let mut all = self.records.skips().clone();
        all.merge(&self.skips);
        all
    }
}

impl Iterator for Inputs<'_> {
    type Item = Result<Article, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.out.pop_front() {
                return Some(r);
            }
            match self.records.next()? {
                Ok(record) => self.out.extend(record.parse(&mut self.skips)),
                Err(p) => return Some(Err(p)),
            }
        }
    }
}

/// Articles in the bytes of one input: `path` (if any) picks the format by
/// extension, else the content does. `id` is the article id (text, HTML) or
/// the id prefix (`<id>-<line>`, JSON Lines); `origin` names the input.
pub fn from_bytes(bytes: &[u8], path: Option<&Path>, id: &str, origin: &str) -> Vec<Result<Article, Problem>> {
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(e) => return vec![Err(Problem::new(origin, e.message()))],
    };
    let article = match detect_format(path, &text) {
        Format::JsonLines => return read_json(&text, id, origin),
        Format::Text => from_text(id, origin, text),
        Format::Html => from_html(id, origin, text),
    };
    vec![nonempty(article)]
}

fn nonempty(a: Article) -> Result<Article, Problem> {
    if a.text.trim().is_empty() {
        Err(Problem::new(a.origin, "no article text found after cleaning"))
    } else {
        Ok(a)
    }
}

/// The ` date YYYY-MM-DD REST` first line of a plain-text article.
struct Header {
    date: Option<NaiveDate>,
    outlet: Option<String>,
    /// Original byte range of REST when it is not an outlet but text.
    lead: Option<std::ops::Range<usize>>,
    body_start: usize,
}

fn parse_header(original: &str) -> Option<Header> {
    let line_end = original.find('\n').unwrap_or(original.len());
    let line = original[..line_end].trim_end_matches('\r');
    let rest = line.trim_start().strip_prefix("date")?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start();
    let b = rest.as_bytes();
    let shaped = b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&i| b[i].is_ascii_digit())
        && (b.len() == 10 || b[10].is_ascii_whitespace());
    if !shaped {
        return None;
    }
    let date = NaiveDate::parse_from_str(&rest[..10], "%Y-%m-%d").ok();
    let tail = rest[10..].trim();
    let tail_start = line.len() - rest[10..].trim_start().len();
    let (outlet, lead) = if tail.is_empty() {
        (None, None)
    } else if outlet_shaped(tail) {
        (Some(tail.to_string()), None)
    } else {
        (None, Some(tail_start..tail_start + tail.len()))
    };
    Some(Header {
        date,
        outlet,
        lead,
        body_start: (line_end + 1).min(original.len()),
    })
}

/// An outlet is short: a domain ("UrduPoint.com") or one to three
/// capitalised words without sentence punctuation ("Trend News Agency").
fn outlet_shaped(s: &str) -> bool {
    if s.len() > 40 {
        return false;
    }
    if !s.contains(char::is_whitespace) && s.contains('.') {
        let labels: Vec<&str> = s.split('.').collect();
        return labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
            && labels
                .last()
                .is_some_and(|t| t.len() >= 2 && t.chars().all(char::is_alphabetic));
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        && !s.contains(['.', ',', ';', ':', '!', '?', '"', '“', '”'])
}

/// A plain-text article, with an optional ` date YYYY-MM-DD OUTLET` header
/// line. When the header's rest is not an outlet (it is a sentence), it is
/// kept as the first paragraph; the `date YYYY-MM-DD` prefix never is.
pub fn from_text(id: &str, origin: &str, original: String) -> Article {
    let header = parse_header(&original);
    let mut blocks = Vec::new();
    let body_start = header.as_ref().map_or(0, |h| h.body_start);
    if let Some(lead) = header.as_ref().and_then(|h| h.lead.clone()) {
        let mut line = Line::default();
        line.push_verbatim(&original[lead.clone()], lead.start);
        blocks.push(vec![line]);
    }
    blocks.extend(text_blocks(&original[body_start..], body_start));
    let (text, map) = clean(&original, blocks, Mode::Text);
    let mut article = Article {
        id: id.to_string(),
        origin: origin.to_string(),
        text,
        map,
        ..Default::default()
    };
    if let Some(h) = header {
        article.published = h.date;
        article.published_from = h.date.map(|_| "header");
        article.outlet = h.outlet;
    }
    article.original = original;
    finish(&mut article);
    if article.title.is_none() {
        article.title = headline_title(&article);
    }
    article
}

/// The first paragraph, when it is a headline above the story.
fn headline_title(a: &Article) -> Option<String> {
    let mut paras = a.text.split("\n\n");
    let first = paras.next()?;
    let dateline_first = a.dateline.as_ref().is_some_and(|d| d.span.start == 0);
    (paras.next().is_some() && !dateline_first && !clean::ends_terminal(first) && first.len() <= 200)
        .then(|| first.to_string())
}

/// An HTML page: body text (the `<article>`, else the element with the most
/// `<p>` text) without navigation, scripts and other boilerplate; title,
/// date, outlet and URL from the page's metadata. `original` is the HTML
/// source and the map points into it.
pub fn from_html(id: &str, origin: &str, original: String) -> Article {
    let (blocks, meta) = html::extract(&original);
    let (text, map) = clean(&original, blocks, Mode::Html);
    let mut article = Article {
        id: id.to_string(),
        origin: origin.to_string(),
        title: meta.title,
        outlet: meta.outlet,
        url: meta.url,
        published: meta.published,
        published_from: meta.published.map(|_| "html-meta"),
        text,
        map,
        original,
        ..Default::default()
    };
    finish(&mut article);
    article
}

/// Dateline, and the publication date from it when nothing better is known.
fn finish(a: &mut Article) {
    a.dateline = find_dateline(&a.text);
    if a.published.is_none() {
        if let Some(d) = a.dateline.as_ref().and_then(|d| d.date) {
            a.published = Some(d);
            a.published_from = Some("dateline");
        }
    }
}

/// All articles of a JSON Lines file (or of a `.json` file holding one
/// array of objects). Blank lines are skipped; a bad line is a [`Problem`]
/// at `origin:LINE` and reading goes on.
pub fn read_json(content: &str, id_prefix: &str, origin: &str) -> Vec<Result<Article, Problem>> {
    if content.trim_start().starts_with('[') {
        return match serde_json::from_str::<Vec<Value>>(content) {
            Ok(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| from_json_value(v, &format!("{id_prefix}-{}", i + 1), &format!("{origin}#{}", i + 1)))
                .collect(),
            Err(e) => vec![Err(Problem::new(origin, format!("invalid JSON array: {e}")))],
        };
    }
    content
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| from_jsonl_line(l, &format!("{id_prefix}-{}", i + 1), &format!("{origin}:{}", i + 1)))
        .collect()
}

/// One JSON Lines record: `{"id", "title", "text", "date", "url", "source"}`
/// (only `text` is required; unknown fields are ignored). `default_id` is
/// used when the record has no `id`; `origin` is usually `path:LINE`.
pub fn from_jsonl_line(line: &str, default_id: &str, origin: &str) -> Result<Article, Problem> {
    let value: Value =
        serde_json::from_str(line.trim()).map_err(|e| Problem::new(origin, format!("invalid JSON: {e}")))?;
    from_json_value(&value, default_id, origin)
}

fn from_json_value(v: &Value, default_id: &str, origin: &str) -> Result<Article, Problem> {
    let bad = |m: String| Problem::new(origin, m);
    let obj = v.as_object().ok_or_else(|| bad("expected a JSON object".into()))?;
    let text = match obj.get("text") {
        None | Some(Value::Null) => return Err(bad("missing \"text\" field".into())),
        Some(Value::String(s)) if s.trim().is_empty() => return Err(bad("empty \"text\" field".into())),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(bad("\"text\" must be a string".into())),
    };
    let string = |key: &str| -> Result<Option<String>, Problem> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
            Some(_) => Err(bad(format!("\"{key}\" must be a string"))),
        }
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err(bad("\"id\" must be a string or a number".into())),
    }
    .unwrap_or_else(|| default_id.to_string());
    let date_text = match obj.get("date") {
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => string("date")?,
    };
    let published = match date_text {
        None => None,
        Some(d) => Some(parse_machine_date(&d).ok_or_else(|| {
            bad(format!(
                "unrecognised \"date\" {d:?}: expected YYYY-MM-DD, RFC 3339, YYYYMMDD or YYYYMMDDhhmmss"
            ))
        })?),
    };
    let title = string("title")?;
    let url = string("url")?;
    let outlet = string("source")?;
    let blocks = text_blocks(&text, 0);
    let (clean_text, map) = clean(&text, blocks, Mode::Text);
    let mut article = Article {
        id,
        title,
        outlet,
        url,
        published,
        published_from: published.map(|_| "json"),
        origin: origin.to_string(),
        original: text,
        text: clean_text,
        map,
        dateline: None,
    };
    finish(&mut article);
    nonempty(article)
}

/// The largest char boundary of `s` at or below `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
