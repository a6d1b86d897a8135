//! Streaming input: files and standard input as a sequence of unparsed
//! [`Record`]s, read with bounded memory.
//!
//! Reading is split in two so that the expensive half can run in parallel:
//! [`read_records`] only finds record boundaries (a JSON Lines line, a WARC
//! response, a whole small file) and [`Record::parse`] decodes, extracts and
//! cleans one record into articles. A JSON Lines file or a WARC archive is
//! never held in memory whole, however large; `.gz` files are decompressed
//! on the fly.

use crate::warc::WarcReader;
use crate::{decode, decode::looks_binary, from_bytes, from_html, from_jsonl_line, Problem};
use chrono::NaiveDate;
use dyad_doc::Article;
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

/// Input that was read past on purpose (not an article, not an error),
/// counted by reason: e.g. WARC request records or non-HTML responses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skips {
    counts: BTreeMap<&'static str, u64>,
}

impl Skips {
    pub fn add(&mut self, reason: &'static str) {
        *self.counts.entry(reason).or_default() += 1;
    }

    pub fn merge(&mut self, other: &Skips) {
        for (k, v) in &other.counts {
            *self.counts.entry(k).or_default() += v;
        }
    }

    pub fn total(&self) -> u64 {
        self.counts.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// (reason, count), by reason.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        self.counts.iter().map(|(k, v)| (*k, *v))
    }

    pub fn get(&self, reason: &str) -> u64 {
        self.counts.get(reason).copied().unwrap_or(0)
    }
}

impl std::fmt::Display for Skips {
    /// `3 WARC request records, 1 WARC responses that are not HTML`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (reason, n)) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{n} {reason}")?;
        }
        Ok(())
    }
}

/// One unit of input, read but not yet parsed.
#[derive(Debug)]
pub struct Record {
    pub(crate) kind: Kind,
    /// The article id (or the id prefix for a whole JSON array).
    pub(crate) id: String,
    /// `path`, `path:LINE` or `path#RECORD`.
    pub(crate) origin: String,
}

#[derive(Debug)]
pub(crate) enum Kind {
    /// A whole input: one article (text, HTML) or a JSON array. `path`
    /// (without any `.gz`) picks the format by extension.
    Whole { bytes: Vec<u8>, path: Option<PathBuf> },
    /// One non-blank line of a JSON Lines input.
    JsonLine(Vec<u8>),
    /// The HTML body of a WARC response record.
    Warc {
        body: Vec<u8>,
        url: Option<String>,
        date: Option<NaiveDate>,
    },
}

impl Record {
    /// Where the record was read from.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Bytes of input the record holds.
    pub fn len(&self) -> usize {
        match &self.kind {
            Kind::Whole { bytes, .. } => bytes.len(),
            Kind::JsonLine(b) => b.len(),
            Kind::Warc { body, .. } => body.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Decodes, extracts and cleans the record into its articles (one,
    /// except for a JSON array file). A WARC page with no article text is
    /// counted in `skips`, not reported.
    pub fn parse(self, skips: &mut Skips) -> Vec<Result<Article, Problem>> {
        match self.kind {
            Kind::Whole { bytes, path } => from_bytes(&bytes, path.as_deref(), &self.id, &self.origin),
            Kind::JsonLine(line) => {
                let text = decode::decode_utf8_or_1252(&line);
                vec![from_jsonl_line(&text, &self.id, &self.origin)]
            }
            Kind::Warc { body, url, date } => {
                let text = match decode::decode(&body) {
                    Ok(t) => t,
                    Err(_) => {
                        skips.add("WARC responses with an empty or binary body");
                        return Vec::new();
                    }
                };
                let mut a = from_html(&self.id, &self.origin, text);
                if a.text.trim().is_empty() {
                    skips.add("WARC responses with no article text");
                    return Vec::new();
                }
                if url.is_some() {
                    a.url = url;
                }
                if a.published.is_none() && date.is_some() {
                    a.published = date;
                    a.published_from = Some("warc-date");
                }
                vec![Ok(a)]
            }
        }
    }
}

/// The records of every input in `paths` (files, directories, `-` for
/// stdin), in a stable order, with problems where they occur. Directories
/// are read recursively in sorted order, skipping hidden entries.
pub fn read_records(paths: &[PathBuf]) -> Records<'_> {
    Records {
        roots: paths.iter(),
        files: VecDeque::new(),
        current: None,
        skips: Skips::default(),
    }
}

/// Iterator over [`Record`]s; see [`read_records`].
pub struct Records<'a> {
    roots: std::slice::Iter<'a, PathBuf>,
    files: VecDeque<Result<PathBuf, Problem>>,
    current: Option<Stream>,
    skips: Skips,
}

impl Records<'_> {
    /// What was read past so far (WARC records that are not articles).
    pub fn skips(&self) -> &Skips {
        &self.skips
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(stream) = &mut self.current {
                match stream.next(&mut self.skips) {
                    Some(r) => return Some(r),
                    None => self.current = None,
                }
            }
            match self.files.pop_front() {
                Some(Ok(f)) => match open(&f) {
                    Ok(Opened::Whole(r)) => return Some(Ok(r)),
                    Ok(Opened::Stream(s)) => self.current = Some(s),
                    Err(p) => return Some(Err(p)),
                },
                Some(Err(p)) => return Some(Err(p)),
                None => {
                    let root = self.roots.next()?;
                    expand(root, &mut self.files);
                }
            }
        }
    }
}

/// A root path as the files it stands for.
fn expand(root: &Path, files: &mut VecDeque<Result<PathBuf, Problem>>) {
    if root.as_os_str() == "-" {
        files.push_back(Ok(root.to_path_buf()));
        return;
    }
    match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => {
            let mut seen = HashSet::new();
            walk(root, files, &mut seen);
        }
        Ok(_) => files.push_back(Ok(root.to_path_buf())),
        Err(e) => files.push_back(Err(Problem::new(root.display().to_string(), e.to_string()))),
    }
}

fn walk(dir: &Path, files: &mut VecDeque<Result<PathBuf, Problem>>, seen: &mut HashSet<PathBuf>) {
    // Symlinked directories are followed once.
    if !seen.insert(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            files.push_back(Err(Problem::new(dir.display().to_string(), e.to_string())));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, files, seen);
        } else {
            files.push_back(Ok(p));
        }
    }
}

/// An input read record by record.
enum Stream {
    Lines(LineReader),
    Warc(WarcReader),
}

impl Stream {
    fn next(&mut self, skips: &mut Skips) -> Option<Result<Record, Problem>> {
        match self {
            Stream::Lines(l) => l.next(),
            Stream::Warc(w) => w.next_record(skips),
        }
    }
}

enum Opened {
    Whole(Record),
    Stream(Stream),
}

/// The file name without `.gz`, and whether it had one.
fn strip_gz(path: &Path) -> (PathBuf, bool) {
    match path.extension() {
        Some(e) if e.eq_ignore_ascii_case("gz") => (path.with_extension(""), true),
        _ => (path.to_path_buf(), false),
    }
}

fn ext_of(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The article id of a file: its stem, without `.gz`.
pub(crate) fn file_id(path: &Path) -> String {
    strip_gz(path)
        .0
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Opens one input and decides, from its extension or else its first
/// line, whether it is streamed (JSON Lines, WARC) or read whole.
fn open(path: &Path) -> Result<Opened, Problem> {
    let stdin = path.as_os_str() == "-";
    let origin = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let bad = |e: std::io::Error| Problem::new(origin.clone(), e.to_string());
    let (inner, gz) = strip_gz(path);
    let mut reader: Box<dyn BufRead> = if stdin {
        Box::new(BufReader::with_capacity(256 * 1024, std::io::stdin()))
    } else {
        let file = std::fs::File::open(path).map_err(bad)?;
        if gz {
            let gz = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(256 * 1024, file));
            Box::new(BufReader::with_capacity(256 * 1024, gz))
        } else {
            Box::new(BufReader::with_capacity(256 * 1024, file))
        }
    };
    let (id, named) = if stdin {
        ("stdin".to_string(), None)
    } else {
        (file_id(path), Some(inner.clone()))
    };
    let ext = named.as_deref().map(ext_of).unwrap_or_default();
    if ext == "warc" {
        return Ok(Opened::Stream(Stream::Warc(WarcReader::new(reader, id, origin))));
    }
    let whole_by_ext = matches!(ext.as_str(), "txt" | "text" | "html" | "htm" | "xhtml" | "shtml");
    let json_by_ext = matches!(ext.as_str(), "jsonl" | "ndjson" | "json");
    let mut head = Vec::new();
    if !whole_by_ext {
        // the first non-blank line decides
        loop {
            let start = head.len();
            let n = reader.read_until(b'\n', &mut head).map_err(bad)?;
            if n == 0 || !head[start..].trim_ascii().is_empty() {
                break;
            }
        }
    }
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") || head.contains(&0);
    let first = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head).trim_ascii_start();
    let stream = !whole_by_ext && !utf16 && !looks_binary(&head) && {
        if json_by_ext {
            !first.starts_with(b"[")
        } else if first.starts_with(b"WARC/") {
            return Ok(Opened::Stream(Stream::Warc(WarcReader::new(
                Box::new(Cursor::new(head).chain(reader)),
                id,
                origin,
            ))));
        } else {
            first.starts_with(b"{")
                && serde_json::from_slice::<serde_json::Value>(first.trim_ascii()).is_ok_and(|v| v.is_object())
        }
    };
    if stream {
        return Ok(Opened::Stream(Stream::Lines(LineReader {
            reader: Box::new(Cursor::new(head).chain(reader)),
            line: 0,
            seen: false,
            done: false,
            id,
            origin,
        })));
    }
    let mut bytes = head;
    reader.read_to_end(&mut bytes).map_err(bad)?;
    let path = named.filter(|_| !stdin);
    Ok(Opened::Whole(Record {
        kind: Kind::Whole { bytes, path },
        id,
        origin,
    }))
}

/// JSON Lines, one record per non-blank line, numbered from 1.
struct LineReader {
    reader: Box<dyn BufRead>,
    line: usize,
    /// A non-blank line was seen (an input without one is an empty file).
    seen: bool,
    done: bool,
    id: String,
    origin: String,
}

impl LineReader {
    fn next(&mut self) -> Option<Result<Record, Problem>> {
        while !self.done {
            let mut buf = Vec::new();
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.done = true;
                    if !self.seen {
                        return Some(Err(Problem::new(self.origin.clone(), "empty file")));
                    }
                }
                Ok(_) => {
                    self.line += 1;
                    if self.line == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                        buf.drain(..3);
                    }
                    if buf.trim_ascii().is_empty() {
                        continue;
                    }
                    self.seen = true;
                    return Some(Ok(Record {
                        kind: Kind::JsonLine(buf),
                        id: format!("{}-{}", self.id, self.line),
                        origin: format!("{}:{}", self.origin, self.line),
                    }));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(Problem::new(
                        format!("{}:{}", self.origin, self.line + 1),
                        e.to_string(),
                    )));
                }
            }
        }
        None
    }
}
