//! Streamed inputs: WARC archives (plain and gzip), gzip-compressed JSON
//! Lines, and the record reader that the parallel pipeline uses.

use chrono::NaiveDate;
use dyad_ingest::{read_inputs, read_records, Skips};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::PathBuf;

/// A scratch directory under the system temp dir, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dyad-stream-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// One WARC record: version line, headers, block, and the two CRLFs after it.
fn warc_record(kind: &str, uri: &str, date: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

const PAGE_WITH_META: &str = r#"<html><head><title>Talks in Rome</title>
<meta property="article:published_time" content="2020-02-21T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks in Rome</h1>
<p>ROME (Reuters) - Italy's foreign minister met his Russian counterpart on Friday to discuss the crisis in Libya.</p>
<p>The two ministers agreed to hold further talks next month.</p></article>
<footer>Copyright 2020</footer></body></html>"#;

const PAGE_WITHOUT_DATE: &str = r#"<html><body><article>
<p>Turkey condemned the attack on its embassy and called on Iraq to find those responsible.</p>
</article></body></html>"#;

/// A small crawl: metadata, request/response pairs, a 404, an image, a
/// chunked gzip response, and a page with no text.
fn crawl() -> Vec<Vec<u8>> {
    let date = "2020-02-22T08:30:00Z";
    let html = "application/http; msgtype=response";
    let mut chunked_gz = Vec::new();
    let gz = gzip(PAGE_WITHOUT_DATE.as_bytes());
    for part in gz.chunks(50) {
        chunked_gz.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked_gz.extend_from_slice(part);
        chunked_gz.extend_from_slice(b"\r\n");
    }
    chunked_gz.extend_from_slice(b"0\r\n\r\n");
    vec![
        warc_record(
            "warcinfo",
            "",
            date,
            "application/warc-fields",
            b"software: test\r\nformat: WARC File Format 1.0\r\n",
        ),
        warc_record(
            "request",
            "https://news.example/rome",
            date,
            "application/http; msgtype=request",
            b"GET /rome HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://news.example/rome",
            date,
            html,
            &http(
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\n",
                PAGE_WITH_META.as_bytes(),
            ),
        ),
        warc_record(
            "response",
            "https://news.example/missing",
            date,
            html,
            &http("404 Not Found", "Content-Type: text/html\r\n", b"<p>Not found</p>"),
        ),
        warc_record(
            "response",
            "https://news.example/logo.png",
            date,
            html,
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ),
        warc_record(
            "metadata",
            "https://news.example/rome",
            date,
            "application/warc-fields",
            b"fetchTimeMs: 120\r\n",
        ),
        warc_record(
            "response",
            "https://news.example/ankara",
            "2021-03-04T12:00:00Z",
            html,
            &http(
                "200 OK",
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked_gz,
            ),
        ),
        warc_record(
            "response",
            "https://news.example/empty",
            date,
            html,
            &http(
                "200 OK",
                "Content-Type: text/html\r\n",
                b"<html><body><script>x()</script></body></html>",
            ),
        ),
    ]
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn check_crawl(path: PathBuf) {
    let paths = vec![path];
    let mut inputs = read_inputs(&paths);
    let got: Vec<_> = inputs.by_ref().collect();
    let skips = inputs.skips();
    let articles: Vec<_> = got
        .into_iter()
        .map(|r| r.expect("no problems in a well-formed crawl"))
        .collect();
    assert_eq!(articles.len(), 2, "{articles:#?}");

    let rome = &articles[0];
    assert_eq!(rome.id, "crawl-3");
    assert!(rome.origin.ends_with("#3"), "{}", rome.origin);
    assert_eq!(rome.url.as_deref(), Some("https://news.example/rome"));
    // the page's own date beats the crawl date
    assert_eq!(rome.published, ymd(2020, 2, 21));
    assert_eq!(rome.published_from, Some("html-meta"));
    assert!(rome
        .text
        .contains("Italy's foreign minister met his Russian counterpart"));
    assert!(!rome.text.contains("Home | World"), "navigation is not article text");
    // the offset map points into the HTML body
    let start = rome.text.find("Italy").unwrap();
    let (os, oe) = (
        rome.map.to_original(&rome.text, start),
        rome.map.to_original_end(&rome.text, start + 5),
    );
    let chars: String = rome.original.chars().skip(os).take(oe - os).collect();
    assert_eq!(chars, "Italy");

    let ankara = &articles[1];
    assert_eq!(ankara.id, "crawl-7");
    assert_eq!(ankara.url.as_deref(), Some("https://news.example/ankara"));
    // no date in the page: the crawl date is the fallback
    assert_eq!(ankara.published, ymd(2021, 3, 4));
    assert_eq!(ankara.published_from, Some("warc-date"));
    assert!(ankara.text.starts_with("Turkey condemned the attack"));

    let want = [
        ("WARC warcinfo records", 1),
        ("WARC request records", 1),
        ("WARC metadata records", 1),
        ("WARC responses with an HTTP status other than 2xx", 1),
        ("WARC responses that are not HTML", 1),
        ("WARC responses with no article text", 1),
    ];
    for (reason, n) in want {
        assert_eq!(skips.get(reason), n, "{reason}: {skips}");
    }
    assert_eq!(skips.total(), 6, "{skips}");
}

#[test]
fn warc_responses_become_articles_and_the_rest_is_counted() {
    let dir = Scratch::new("warc");
    let bytes: Vec<u8> = crawl().concat();
    check_crawl(dir.file("crawl.warc", &bytes));
}

#[test]
fn warc_gz_with_one_member_per_record() {
    let dir = Scratch::new("warcgz");
    let bytes: Vec<u8> = crawl().iter().map(|r| gzip(r)).collect::<Vec<_>>().concat();
    check_crawl(dir.file("crawl.warc.gz", &bytes));
}

#[test]
fn warc_is_recognised_by_content_without_extension() {
    let dir = Scratch::new("warcsniff");
    let path = dir.file("crawl", &crawl().concat());
    let n = read_inputs(&[path]).filter(|r| r.is_ok()).count();
    assert_eq!(n, 2);
}

#[test]
fn damaged_warc_reports_and_reads_on() {
    let dir = Scratch::new("warcbad");
    let records = crawl();
    // garbage between two records, then a record cut short
    let mut bytes = records[2].clone();
    bytes.extend_from_slice(b"this is not a WARC header\r\nnor this\r\n\r\n");
    bytes.extend_from_slice(&records[6]);
    let cut = &records[2][..records[2].len() - 200];
    bytes.extend_from_slice(cut);
    let path = dir.file("bad.warc", &bytes);
    let got: Vec<_> = read_inputs(&[path]).collect();
    let ok: Vec<_> = got
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|a| a.id.clone())
        .collect();
    let problems: Vec<String> = got
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|p| p.to_string())
        .collect();
    assert_eq!(ok, vec!["bad-1", "bad-3"], "{problems:?}");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("bad.warc#2: expected a WARC/1.x version line"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("bad.warc#4: input ends inside a WARC record"),
        "{problems:?}"
    );

    let not_warc = dir.file("notes.warc", b"hello\nworld\n");
    let got: Vec<_> = read_inputs(&[not_warc]).collect();
    assert_eq!(got.len(), 1);
    assert!(
        got[0].as_ref().unwrap_err().message.starts_with("not a WARC file"),
        "{got:?}"
    );
}

fn jsonl(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i == 2 {
            s.push_str("\n   \n"); // blank lines keep their line numbers
        }
        s.push_str(&format!(
            "{{\"text\": \"MOSCOW - Russia and Italy agreed to cooperate, minister {i} said.\", \"date\": \"2020-10-14\"}}\n"
        ));
    }
    s.push_str("{broken\n");
    s
}

#[test]
fn jsonl_streams_with_line_numbers_plain_gzip_and_sniffed() {
    let dir = Scratch::new("jsonl");
    let text = jsonl(5);
    let plain = dir.file("wire.jsonl", format!("\u{feff}{text}").as_bytes());
    let gz = dir.file("wire.jsonl.gz", &gzip(text.as_bytes()));
    let sniffed = dir.file("wire.dump", text.as_bytes());
    let summary = |p: PathBuf| -> Vec<String> {
        read_inputs(&[p])
            .map(|r| match r {
                Ok(a) => format!("{} {} {:?}", a.id, a.origin.rsplit(':').next().unwrap(), a.published),
                Err(p) => format!("problem {}", p.origin.rsplit(':').next().unwrap()),
            })
            .collect()
    };
    let want = vec![
        "wire-1 1 Some(2020-10-14)",
        "wire-2 2 Some(2020-10-14)",
        "wire-5 5 Some(2020-10-14)",
        "wire-6 6 Some(2020-10-14)",
        "wire-7 7 Some(2020-10-14)",
        "problem 8",
    ];
    assert_eq!(summary(plain), want);
    assert_eq!(summary(gz), want);
    assert_eq!(summary(sniffed), want);
}

#[test]
fn records_are_cheap_to_read_and_parse_later() {
    let dir = Scratch::new("records");
    let path = dir.file("wire.jsonl", jsonl(3).as_bytes());
    let paths = vec![path];
    let records: Vec<_> = read_records(&paths).collect();
    assert_eq!(records.len(), 4);
    let origins: Vec<&str> = records
        .iter()
        .map(|r| r.as_ref().unwrap().origin().rsplit(':').next().unwrap())
        .collect();
    assert_eq!(origins, vec!["1", "2", "5", "6"]);
    let mut skips = Skips::default();
    let parsed: Vec<_> = records.into_iter().flat_map(|r| r.unwrap().parse(&mut skips)).collect();
    assert_eq!(parsed.iter().filter(|r| r.is_ok()).count(), 3);
    assert!(parsed[3].as_ref().unwrap_err().message.starts_with("invalid JSON"));
    assert!(skips.is_empty());
}

#[test]
fn empty_and_corrupt_gzip_are_problems() {
    let dir = Scratch::new("gzbad");
    let empty = dir.file("empty.jsonl", b"\n\n");
    let corrupt = dir.file("x.jsonl.gz", b"\x1f\x8b\x08\x00garbage");
    let got: Vec<_> = read_inputs(&[empty, corrupt]).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].as_ref().unwrap_err().message, "empty file");
    let p = got[1].as_ref().unwrap_err();
    assert!(p.origin.ends_with("x.jsonl.gz"), "{p}");
}
