//! WARC (ISO 28500, the web-crawl archive format) as a stream of records.
//!
//! Only `response` records carrying an HTTP 2xx response with an HTML
//! body become articles; every other record is skipped and counted in
//! [`Skips`]. Records are read one at a time: a skipped record's block is
//! read past without being kept, so memory stays flat on large archives.
//! `.warc.gz` files (one gzip member per record) are decompressed by the
//! caller with a multi-member decoder before they reach this reader.

use crate::records::{Kind, Record, Skips};
use crate::{parse_machine_date, Problem};
use chrono::NaiveDate;
use std::io::{BufRead, Read};

/// The longest WARC or HTTP header line accepted.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Larger response records are skipped (news pages are far smaller).
const MAX_RESPONSE: u64 = 32 * 1024 * 1024;

pub(crate) struct WarcReader {
    reader: Box<dyn BufRead>,
    id: String,
    origin: String,
    /// Records started so far (1-based number of the current one).
    n: usize,
    done: bool,
    /// The last header was damaged: skip to the next version line.
    resyncing: bool,
    line: Vec<u8>,
}

/// The header block of one WARC record.
struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

enum Next {
    Eof,
    Header(Header),
    Bad(String),
}

impl WarcReader {
    pub(crate) fn new(reader: Box<dyn BufRead>, id: String, origin: String) -> Self {
        WarcReader {
            reader,
            id,
            origin,
            n: 0,
            done: false,
            resyncing: false,
            line: Vec::new(),
        }
    }

    fn problem(&self, message: impl Into<String>) -> Problem {
        Problem::new(format!("{}#{}", self.origin, self.n), message)
    }

    /// Reads one line (up to `MAX_HEADER_LINE` bytes) into `self.line`;
    /// false at end of input.
    fn read_line(&mut self) -> std::io::Result<bool> {
        self.line.clear();
        let mut limited = (&mut self.reader).take(MAX_HEADER_LINE as u64);
        let n = limited.read_until(b'\n', &mut self.line)?;
        if n == MAX_HEADER_LINE && !self.line.ends_with(b"\n") {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "header line longer than 64 KiB",
            ));
        }
        Ok(n > 0)
    }

    fn trimmed_line(&self) -> &[u8] {
        self.line.trim_ascii()
    }

    /// Skips blank lines, then reads a `WARC/x.y` version line and the
    /// header fields after it.
    fn next_header(&mut self) -> std::io::Result<Next> {
        loop {
            if !self.read_line()? {
                return Ok(Next::Eof);
            }
            if !self.trimmed_line().is_empty() {
                break;
            }
        }
        self.n += 1;
        if !self.trimmed_line().starts_with(b"WARC/") {
            let shown = String::from_utf8_lossy(&self.trimmed_line()[..self.trimmed_line().len().min(40)]).into_owned();
            return Ok(Next::Bad(format!("expected a WARC/1.x version line, found {shown:?}")));
        }
        self.fields()
    }

    /// Header fields up to the blank line that ends them.
    fn fields(&mut self) -> std::io::Result<Next> {
        let mut fields: Vec<(String, String)> = Vec::new();
        loop {
            if !self.read_line()? {
                return Ok(Next::Bad("input ends inside a WARC header".into()));
            }
            let folded = self.line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
            let line = self.trimmed_line();
            if line.is_empty() {
                return Ok(Next::Header(Header { fields }));
            }
            let text = String::from_utf8_lossy(line);
            match (folded, fields.last_mut()) {
                // a folded continuation line belongs to the previous field
                (true, Some(last)) => {
                    last.1.push(' ');
                    last.1.push_str(text.trim());
                }
                _ => match text.split_once(':') {
                    Some((k, v)) => fields.push((k.trim().to_string(), v.trim().to_string())),
                    None => return Ok(Next::Bad(format!("malformed WARC header line {text:?}"))),
                },
            }
        }
    }

    /// After a damaged record: skips to the next `WARC/` version line and
    /// reads the header after it.
    fn resync(&mut self) -> std::io::Result<Next> {
        loop {
            if !self.read_line()? {
                return Ok(Next::Eof);
            }
            if self.trimmed_line().starts_with(b"WARC/") {
                break;
            }
        }
        self.n += 1;
        self.fields()
    }

    /// The next article-bearing record, a problem, or `None` at the end.
    /// Skipped records are counted in `skips`.
    pub(crate) fn next_record(&mut self, skips: &mut Skips) -> Option<Result<Record, Problem>> {
        while !self.done {
            let next = if self.resyncing {
                self.resyncing = false;
                self.resync()
            } else {
                self.next_header()
            };
            let header = match next {
                Ok(Next::Eof) => {
                    self.done = true;
                    if self.n == 0 {
                        return Some(Err(Problem::new(self.origin.clone(), "empty file")));
                    }
                    return None;
                }
                Ok(Next::Header(h)) => h,
                Ok(Next::Bad(msg)) if self.n == 1 => {
                    self.done = true;
                    return Some(Err(Problem::new(
                        self.origin.clone(),
                        format!("not a WARC file: {msg}"),
                    )));
                }
                Ok(Next::Bad(msg)) => {
                    // report it, then look for the next record
                    self.resyncing = true;
                    return Some(Err(self.problem(msg)));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.problem(e.to_string())));
                }
            };
            match self.record(header, skips) {
                Ok(Some(r)) => return Some(Ok(r)),
                Ok(None) => continue,
                Err(p) => return Some(Err(p)),
            }
        }
        None
    }

    /// Reads one record's block: `Ok(None)` when it is skipped.
    fn record(&mut self, header: Header, skips: &mut Skips) -> Result<Option<Record>, Problem> {
        let Some(len) = header.get("Content-Length").and_then(|v| v.parse::<u64>().ok()) else {
            self.resyncing = true;
            return Err(self.problem("WARC record without a valid Content-Length, skipped"));
        };
        let kind = header.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let is_http = header
            .get("Content-Type")
            .is_some_and(|c| c.to_ascii_lowercase().starts_with("application/http"));
        if kind != "response" || !is_http || len > MAX_RESPONSE {
            let reason = match kind.as_str() {
                _ if kind == "response" && !is_http => "WARC response records without an HTTP message",
                "response" => "WARC response records over 32 MiB",
                "warcinfo" => "WARC warcinfo records",
                "request" => "WARC request records",
                "metadata" => "WARC metadata records",
                "revisit" => "WARC revisit records",
                "resource" => "WARC resource records",
                "conversion" => "WARC conversion records",
                "continuation" => "WARC continuation records",
                _ => "WARC records of other types",
            };
            skips.add(reason);
            return self.skip_block(len).map(|_| None);
        }
        let mut block = Vec::with_capacity(len as usize);
        match (&mut self.reader).take(len).read_to_end(&mut block) {
            Ok(n) if n as u64 == len => {}
            Ok(_) => {
                self.done = true;
                return Err(self.problem("input ends inside a WARC record"));
            }
            Err(e) => {
                self.done = true;
                return Err(self.problem(e.to_string()));
            }
        }
        let body = match http_html(&block) {
            Ok(b) => b,
            Err(HttpSkip::Skip(reason)) => {
                skips.add(reason);
                return Ok(None);
            }
            Err(HttpSkip::Bad(msg)) => return Err(self.problem(msg)),
        };
        let url = header
            .get("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string());
        let date: Option<NaiveDate> = header.get("WARC-Date").and_then(parse_machine_date);
        Ok(Some(Record {
            kind: Kind::Warc { body, url, date },
            id: format!("{}-{}", self.id, self.n),
            origin: format!("{}#{}", self.origin, self.n),
        }))
    }

    fn skip_block(&mut self, len: u64) -> Result<(), Problem> {
        match std::io::copy(&mut (&mut self.reader).take(len), &mut std::io::sink()) {
            Ok(n) if n == len => Ok(()),
            Ok(_) => {
                self.done = true;
                Err(self.problem("input ends inside a WARC record"))
            }
            Err(e) => {
                self.done = true;
                Err(self.problem(e.to_string()))
            }
        }
    }
}

enum HttpSkip {
    /// Not an article: counted, not reported.
    Skip(&'static str),
    /// A damaged record: reported as a problem.
    Bad(String),
}

/// The HTML body of an HTTP response, de-chunked and decompressed.
fn http_html(block: &[u8]) -> Result<Vec<u8>, HttpSkip> {
    let (head, body) = match find(block, b"\r\n\r\n") {
        Some(i) => (&block[..i], &block[i + 4..]),
        None => match find(block, b"\n\n") {
            Some(i) => (&block[..i], &block[i + 2..]),
            None => (block, &block[block.len()..]),
        },
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_whitespace();
    if !parts.next().is_some_and(|v| v.starts_with("HTTP/")) {
        return Err(HttpSkip::Skip("WARC responses without an HTTP status line"));
    }
    let status: u16 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    if !(200..300).contains(&status) {
        return Err(HttpSkip::Skip("WARC responses with an HTTP status other than 2xx"));
    }
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase()))
        .collect();
    let header = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let chunked = header("transfer-encoding").is_some_and(|v| v.contains("chunked"));
    let mut body = if chunked {
        dechunk(body).ok_or_else(|| HttpSkip::Bad("malformed chunked HTTP body".into()))?
    } else {
        body.to_vec()
    };
    match header("content-encoding").unwrap_or("identity") {
        "" | "identity" | "none" => {}
        "gzip" | "x-gzip" => body = inflate(flate2::read::MultiGzDecoder::new(&body[..]))?,
        "deflate" => body = inflate(flate2::read::ZlibDecoder::new(&body[..]))?,
        _ => return Err(HttpSkip::Skip("WARC responses with an unsupported Content-Encoding")),
    }
    let html = match header("content-type") {
        Some(ct) => ct.contains("html"),
        None => body.trim_ascii_start().starts_with(b"<"),
    };
    if !html {
        return Err(HttpSkip::Skip("WARC responses that are not HTML"));
    }
    Ok(body)
}

fn inflate(mut r: impl Read) -> Result<Vec<u8>, HttpSkip> {
    let mut out = Vec::new();
    match (&mut r).take(MAX_RESPONSE * 4).read_to_end(&mut out) {
        Ok(_) => Ok(out),
        Err(e) => Err(HttpSkip::Bad(format!("compressed HTTP body: {e}"))),
    }
}

/// `Transfer-Encoding: chunked` body to plain bytes; `None` if malformed.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = find(b, b"\n")?;
        let size_text = std::str::from_utf8(&b[..eol]).ok()?.trim();
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        b = &b[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = &b[size..];
        b = b.strip_prefix(b"\r\n").or_else(|| b.strip_prefix(b"\n")).unwrap_or(b);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"zz\r\nhello"), None);
        assert_eq!(dechunk(b"10\r\nshort"), None);
    }

    #[test]
    fn http_statuses_and_types() {
        let ok = http_html(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>");
        assert_eq!(ok.ok().as_deref(), Some(&b"<p>Hi</p>"[..]));
        assert!(matches!(
            http_html(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>x</p>"),
            Err(HttpSkip::Skip(r)) if r.contains("2xx")
        ));
        assert!(matches!(
            http_html(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"),
            Err(HttpSkip::Skip(r)) if r.contains("not HTML")
        ));
        // no Content-Type: sniffed
        assert!(http_html(b"HTTP/1.0 200 OK\r\n\r\n  <html>x</html>").is_ok());
    }
}
