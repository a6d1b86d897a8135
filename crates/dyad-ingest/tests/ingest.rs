//! End-to-end tests on the sample corpus and on hand-made inputs.

use chrono::NaiveDate;
use dyad_doc::Article;
use dyad_ingest::{from_bytes, from_html, from_jsonl_line, from_text, read_inputs, Problem};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample")
}

fn sample(stem: &str) -> Article {
    let path = sample_dir().join(format!("{stem}.txt"));
    let mut got: Vec<_> = read_inputs(&[path]).collect();
    assert_eq!(got.len(), 1);
    got.remove(0).expect("sample reads")
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A scratch directory under the system temp dir, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dyad-ingest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Byte ranges of the whitespace-separated words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// What the cleaner is allowed to change inside a word: tags, entities,
/// the mojibake used in these tests, odd spaces.
fn normalise_original(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    for (from, to) in [
        ("&amp;", "&"),
        ("&rsquo;", "\u{2019}"),
        ("&ldquo;", "\u{201c}"),
        ("&rdquo;", "\u{201d}"),
        ("&#8217;", "\u{2019}"),
        ("&mdash;", "\u{2014}"),
        ("&eacute;", "\u{e9}"),
        ("\u{e2}\u{20ac}\u{2122}", "\u{2019}"),
        ("\u{e2}\u{20ac}\u{201d}", "\u{2014}"),
        ("\u{c3}\u{a9}", "\u{e9}"),
        ("\u{a0}", " "),
        ("\u{fffd}", " "),
    ] {
        out = out.replace(from, to);
    }
    out
}

/// Every word of the cleaned text maps back to the same word in the
/// original (up to the repairs the cleaner made); most words are verbatim.
fn assert_map_roundtrip(a: &Article) {
    let orig: Vec<char> = a.original.chars().collect();
    let ws = words(&a.text);
    assert!(!ws.is_empty(), "{}: no words", a.id);
    let mut exact = 0;
    for &(s, e) in &ws {
        let word = &a.text[s..e];
        let os = a.map.to_original(&a.text, s);
        let oe = a.map.to_original_end(&a.text, e);
        assert!(os < oe && oe <= orig.len(), "{}: {word:?} maps to {os}..{oe}", a.id);
        let back: String = orig[os..oe].iter().collect();
        if back == word {
            exact += 1;
        } else {
            assert_eq!(normalise_original(&back), word, "{}: word at {s}..{e}", a.id);
        }
    }
    assert!(
        exact * 4 >= ws.len() * 3,
        "{}: only {exact} of {} words verbatim",
        a.id,
        ws.len()
    );
}

fn dateline_text(a: &Article) -> &str {
    &a.text[a.dateline.as_ref().expect("dateline").span.clone()]
}

#[test]
fn sample_000_header_outlet_dateline_and_noise() {
    let a = sample("000_46ba96b69bd97d1b");
    assert_eq!(a.id, "000_46ba96b69bd97d1b");
    assert_eq!(a.published, ymd(2020, 10, 14));
    assert_eq!(a.published_from, Some("header"));
    assert_eq!(a.outlet.as_deref(), Some("UrduPoint.com"));
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(d.place, "MOSCOW");
    assert_eq!(d.date, ymd(2020, 10, 14));
    assert_eq!(
        dateline_text(&a),
        "MOSCOW (UrduPoint News / Sputnik - 14th October, 2020)"
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Lavrov Calls for Strengthening of Russia-Italy Cooperation Against COVID-19, Global Tasks")
    );
    assert!(
        a.text.starts_with("Lavrov Calls for Strengthening"),
        "{}",
        &a.text[..80]
    );
    assert!(!a.text.contains("date 2020"));
    assert!(!a.text.contains("Muhammad Irfan"));
    assert!(!a.text.contains("seconds ago"));
    assert!(!a.text.contains('\u{FFFD}'));
    assert!(a.text.contains("joint actions and strengthen coordination"));
    assert!(!a.text.contains("\n\n\n"));
    assert!(!a.text.ends_with('\n'));
}

#[test]
fn sample_001_header_sentence_is_kept_as_first_paragraph() {
    let a = sample("001_b0d4efdc87d7cf46");
    assert_eq!(a.published, ymd(2020, 2, 21));
    assert_eq!(a.published_from, Some("header"));
    assert_eq!(a.outlet, None);
    assert!(a.text.starts_with("Italy's region of Liguria is seeking"));
    assert!(a.text.contains("on Friday\n\nGENOA (UrduPoint News"));
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(d.place, "GENOA");
    assert_eq!(d.date, ymd(2020, 2, 21));
    assert_eq!(
        dateline_text(&a),
        "GENOA (UrduPoint News / Sputnik - 21st February, 2020)"
    );
    // the first paragraph maps back to the header line, after `date 2020-02-21 `
    let start = a.map.to_original(&a.text, 0);
    assert_eq!(start, " date 2020-02-21 ".chars().count());
}

#[test]
fn sample_002_dateline_without_year_gives_no_date() {
    let a = sample("002_e008512cb5fc5f6b");
    assert_eq!(a.published, None);
    assert_eq!(a.published_from, None);
    assert_eq!(a.outlet, None);
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(d.place, "BAKU, Azerbaijan");
    assert_eq!(d.date, None);
    assert_eq!(d.span, 0.."BAKU, Azerbaijan, April 9.".len());
    // runs of blank lines became single paragraph breaks
    assert!(a.text.contains("frameworks.\n\nThe Italian side"));
    assert!(!a.text.contains("\n\n\n"));
}

#[test]
fn sample_003_photo_caption_header_is_dropped() {
    let a = sample("003_006d332586fce9d9");
    assert_eq!(a.published, ymd(2020, 2, 28));
    assert_eq!(a.published_from, Some("header"));
    assert_eq!(a.outlet, None);
    assert_eq!(a.dateline, None);
    assert!(!a.text.contains("File photo"));
    assert!(!a.text.contains("dinner party"));
    assert!(a.text.starts_with("China is ready to strengthen communication"));
}

#[test]
fn sample_004_sputnik_captions_ui_and_cyrillic_are_dropped() {
    let a = sample("004_82d6cd54c4ffa80f");
    assert_eq!(a.published, None);
    assert_eq!(a.outlet, None);
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(d.place, "ROME");
    assert_eq!(d.date, None);
    assert_eq!(dateline_text(&a), "ROME (Sputnik) \u{2014}");
    assert_eq!(
        a.title.as_deref(),
        Some("Italian Defense Minister Calls for Russia-US Thaw, Joint Anti-Terror Front")
    );
    for noise in [
        "Sputnik International",
        "\u{a9}",
        "Druzhinin",
        "Subscribe",
        "Newsfeed",
        "To participate",
        "log in or register",
        "loader",
        "Chats",
        "Заголовок",
        "Russian, Syrian Strikes on Terrorist Sites",
        "Plutonium Deal",
        "\u{a0}",
    ] {
        assert!(!a.text.contains(noise), "{noise:?} left in text");
    }
    assert!(!a.text.split("\n\n").any(|p| p == "0"));
    assert!(a
        .text
        .contains("The Italian defense minister called for establishing a joint anti-terrorism front."));
    assert!(a.text.ends_with("military cooperation with Moscow."));
    assert!(a.text.contains("Ukraine\u{2019}s affairs \u{2014} an accusation"));
}

#[test]
fn offsets_map_every_word_back_in_all_samples() {
    let mut n = 0;
    for r in read_inputs(&[sample_dir()]) {
        let a = r.expect("sample reads");
        assert_map_roundtrip(&a);
        n += 1;
    }
    assert_eq!(n, 5);
}

#[test]
fn mojibake_is_repaired_and_maps_back() {
    // Escapes, so no editor repairs the test data.
    let original = "Lavrov\u{e2}\u{20ac}\u{2122}s visit\n\nThe caf\u{c3}\u{a9} talks \u{e2}\u{20ac}\u{201d} held in Rome \u{2014} went well.\u{fffd}Both sides agreed.\n"
        .to_string();
    let a = from_text("moji", "moji.txt", original);
    assert_eq!(
        a.text,
        "Lavrov\u{2019}s visit\n\nThe caf\u{e9} talks \u{2014} held in Rome \u{2014} went well. Both sides agreed."
    );
    assert_map_roundtrip(&a);
    // the repaired apostrophe maps to the three mojibake characters
    let at = a.text.find('\u{2019}').unwrap();
    let (s, e) = (a.map.to_original(&a.text, at), a.map.to_original_end(&a.text, at + 3));
    assert_eq!((s, e), (6, 9));
}

#[test]
fn invalid_utf8_is_read_as_windows_1252() {
    let got = from_bytes(
        b"The minister\x92s caf\xe9 talks \x96 in Rome \x93went well\x94.\n",
        None,
        "w",
        "w.txt",
    );
    let a = got.into_iter().next().unwrap().unwrap();
    assert_eq!(
        a.text,
        "The minister\u{2019}s caf\u{e9} talks \u{2013} in Rome \u{201c}went well\u{201d}."
    );
    assert_map_roundtrip(&a);
}

const JSONL: &str = r#"{"id": "a1", "title": "Lavrov meets Di Maio", "text": "MOSCOW, Oct. 14, 2020 (Reuters) - Russia and Italy agreed to cooperate.", "source": "Reuters", "url": "https://example.test/a1", "extra": [1, 2]}
{"id": "broken", "text": "unterminated
{"title": "no id", "text": "ROME (Sputnik) \u2014 Rome calls on Moscow.\n\nSecond paragraph here.", "date": "20201015"}

{"id": 7, "text": "Text with an RFC 3339 date.", "date": "2020-10-16T08:00:00+03:00"}
{"id": "no-text", "title": "x"}
{"id": "bad-type", "text": 42}
{"id": "stamp", "text": "Timestamped.", "date": "20201017093000"}
{"id": "plain", "text": "Plain date.", "date": "2020-10-18"}
"#;

#[test]
fn jsonl_broken_lines_are_problems_and_reading_goes_on() {
    let dir = Scratch::new("jsonl");
    let path = dir.file("news.jsonl", JSONL.as_bytes());
    let got: Vec<Result<Article, Problem>> = read_inputs(std::slice::from_ref(&path)).collect();
    let origin = path.display().to_string();
    let problems: Vec<&Problem> = got.iter().filter_map(|r| r.as_ref().err()).collect();
    let lines: Vec<String> = problems.iter().map(|p| p.origin.clone()).collect();
    assert_eq!(
        lines,
        vec![format!("{origin}:2"), format!("{origin}:6"), format!("{origin}:7")]
    );
    assert!(
        problems[0].message.starts_with("invalid JSON"),
        "{}",
        problems[0].message
    );
    assert!(
        problems[1].message.contains("missing \"text\""),
        "{}",
        problems[1].message
    );
    assert!(
        problems[2].message.contains("must be a string"),
        "{}",
        problems[2].message
    );

    let arts: Vec<&Article> = got.iter().filter_map(|r| r.as_ref().ok()).collect();
    let ids: Vec<&str> = arts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["a1", "news-3", "7", "stamp", "plain"]);

    let a1 = arts[0];
    assert_eq!(a1.origin, format!("{origin}:1"));
    assert_eq!(a1.title.as_deref(), Some("Lavrov meets Di Maio"));
    assert_eq!(a1.outlet.as_deref(), Some("Reuters"));
    assert_eq!(a1.url.as_deref(), Some("https://example.test/a1"));
    assert!(!a1.text.contains("Lavrov meets"), "title is metadata, not text");
    assert_eq!(
        a1.original,
        "MOSCOW, Oct. 14, 2020 (Reuters) - Russia and Italy agreed to cooperate."
    );
    // no `date` field: the dateline's full date stands in
    assert_eq!(a1.published, ymd(2020, 10, 14));
    assert_eq!(a1.published_from, Some("dateline"));
    assert_eq!(a1.dateline.as_ref().unwrap().place, "MOSCOW");

    let a3 = arts[1];
    assert_eq!(a3.published, ymd(2020, 10, 15));
    assert_eq!(a3.published_from, Some("json"));
    assert_eq!(a3.title.as_deref(), Some("no id"));
    assert_eq!(a3.dateline.as_ref().unwrap().place, "ROME");
    assert_eq!(
        a3.text,
        "ROME (Sputnik) \u{2014} Rome calls on Moscow.\n\nSecond paragraph here."
    );

    assert_eq!(arts[2].published, ymd(2020, 10, 16));
    assert_eq!(arts[3].published, ymd(2020, 10, 17));
    assert_eq!(arts[4].published, ymd(2020, 10, 18));
    for a in &arts {
        assert_map_roundtrip(a);
    }
}

#[test]
fn jsonl_single_line_api() {
    let a = from_jsonl_line(r#"{"text": "Hello there.", "date": "2020-01-02"}"#, "f-1", "f.jsonl:1").unwrap();
    assert_eq!((a.id.as_str(), a.published), ("f-1", ymd(2020, 1, 2)));
    let e = from_jsonl_line(r#"{"text": "x", "date": "yesterday"}"#, "f-2", "f.jsonl:2").unwrap_err();
    assert_eq!(e.origin, "f.jsonl:2");
    assert!(e.message.contains("date"), "{}", e.message);
    let e = from_jsonl_line(r#"{"text": "   "}"#, "f-3", "f.jsonl:3").unwrap_err();
    assert!(e.message.contains("empty"), "{}", e.message);
    let e = from_jsonl_line(r#"[1, 2]"#, "f-4", "f.jsonl:4").unwrap_err();
    assert!(e.message.contains("object"), "{}", e.message);
}

const HTML: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Lavrov Calls for Cooperation | Sputnik</title>
<meta property="og:title" content="Lavrov Calls for Cooperation &amp; Talks">
<meta property="og:site_name" content="Sputnik International">
<meta property="article:published_time" content="2020-10-14T16:58:00+03:00">
<link rel="canonical" href="https://sputniknews.test/20201014/lavrov.html">
<style>p { color: red; }</style>
<script>window.ads = "<p>Buy now</p>";</script>
</head>
<body>
<header><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li>Politics</li><li>Economy</li></ul></nav>
<div class="layout">
 <article>
  <h1>Lavrov Calls for Cooperation</h1>
  <div class="social-share">Share Tweet Email</div>
  <p>MOSCOW (Sputnik) &mdash; Russia is convinced that cooperation with
     Italy will help, Russian Foreign Minister Sergey Lavrov said on <b>Wednesday</b>.</p>
  <figure><img src="x.jpg"><figcaption>&copy; Sputnik / Photo</figcaption></figure>
  <p>&ldquo;We are convinced,&rdquo; Lavrov&rsquo;s statement read. Caf&eacute; talks A&amp;B followed.</p>
  <script>track("<p>not text</p>")</script>
  <p>Di Maio agreed.<br>He left.</p>
 </article>
 <aside><h2>Most read</h2><p>Another story entirely with a lot of words in it.</p></aside>
</div>
<footer><p>&copy; 2020 Sputnik. All rights reserved.</p></footer>
<noscript>Enable JavaScript</noscript>
</body></html>
"#;

#[test]
fn html_body_only_with_metadata_and_offsets() {
    let a = from_html("lavrov", "lavrov.html", HTML.to_string());
    assert_eq!(
        a.text,
        "Lavrov Calls for Cooperation\n\n\
         MOSCOW (Sputnik) \u{2014} Russia is convinced that cooperation with Italy will help, Russian Foreign Minister Sergey Lavrov said on Wednesday.\n\n\
         \u{201c}We are convinced,\u{201d} Lavrov\u{2019}s statement read. Caf\u{e9} talks A&B followed.\n\n\
         Di Maio agreed.\n\nHe left."
    );
    assert_eq!(a.title.as_deref(), Some("Lavrov Calls for Cooperation & Talks"));
    assert_eq!(a.outlet.as_deref(), Some("Sputnik International"));
    assert_eq!(a.url.as_deref(), Some("https://sputniknews.test/20201014/lavrov.html"));
    assert_eq!(a.published, ymd(2020, 10, 14));
    assert_eq!(a.published_from, Some("html-meta"));
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(
        (d.place.as_str(), &a.text[d.span.clone()]),
        ("MOSCOW", "MOSCOW (Sputnik) \u{2014}")
    );
    assert_eq!(a.original, HTML);
    // offsets point into the HTML source
    let w = a.text.find("Wednesday").unwrap();
    let s = a.map.to_original(&a.text, w);
    assert_eq!(&HTML[s..s + 9], "Wednesday", "HTML is ASCII, so chars = bytes");
    let amp = a.text.find("A&B").unwrap();
    let (s, e) = (a.map.to_original(&a.text, amp), a.map.to_original_end(&a.text, amp + 3));
    assert_eq!(&HTML[s..e], "A&amp;B");
    assert_map_roundtrip(&a);
}

#[test]
fn html_without_article_uses_the_block_with_most_paragraph_text() {
    let src = "<html><body><div id=menu><p>Home</p></div>\
        <div class=main><p>First real paragraph of the story.</p><p>Second real paragraph.</p></div>\
        <div><p>Short.</p></div></body></html>";
    let a = from_html("x", "x.html", src.to_string());
    assert_eq!(a.text, "First real paragraph of the story.\n\nSecond real paragraph.");
    assert_eq!(a.title, None);
    // JSON-LD date and <time>
    let src = "<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"datePublished\":\"2021-03-03\"}]}</script></head>\
        <body><time datetime=\"2021-03-04\">x</time><p>Text.</p></body></html>";
    assert_eq!(from_html("y", "y.html", src.to_string()).published, ymd(2021, 3, 3));
    let src = "<body><time datetime=\"2021-03-04T10:00\">March 4</time><p>Text.</p>";
    assert_eq!(from_html("z", "z.html", src.to_string()).published, ymd(2021, 3, 4));
}

#[test]
fn truncated_html_yields_what_text_there_is() {
    let src =
        "<html><head><title>Cut</title></head><body><article><p>The talks were held in Rome.</p><p>Both sides agr";
    let a = from_html("cut", "cut.html", src.to_string());
    assert_eq!(a.text, "The talks were held in Rome.\n\nBoth sides agr");
    assert_eq!(a.title.as_deref(), Some("Cut"));
    for src in [
        "<",
        "<p",
        "<p class=\"x",
        "<!--",
        "<script>alert(",
        "</",
        "<a href='x'>&#xFFFFFFFF; &#0; &",
        "<<<>>>",
    ] {
        let _ = from_html("m", "m.html", src.to_string());
    }
}

#[test]
fn files_directories_and_problems() {
    let dir = Scratch::new("dirs");
    dir.file("b.txt", b"Second article text.\n");
    dir.file("a.txt", b" date 2021-01-02 Trend\nFirst article text.\n");
    dir.file(".hidden.txt", b"Hidden.\n");
    dir.file("sub/c.html", b"<p>Third article text.</p>");
    dir.file("sub/d", b"{\"text\": \"Fourth, sniffed as JSON Lines.\"}\n");
    dir.file("empty.txt", b"  \n\n \t\n");
    dir.file("garbage.bin", &[0u8, 1, 2, 3, 0xFF, 0, 7, 8, 0, 0, 0x1B, 0x10]);
    let missing = dir.0.join("missing.txt");
    let got: Vec<Result<Article, Problem>> = read_inputs(&[dir.0.clone(), missing.clone()]).collect();
    let summary: Vec<String> = got
        .iter()
        .map(|r| match r {
            Ok(a) => format!("{}: {}", a.id, a.text),
            Err(p) => format!(
                "{} -> {}",
                Path::new(&p.origin).file_name().unwrap().to_string_lossy(),
                p.message
            ),
        })
        .collect();
    assert_eq!(summary[0], "a: First article text.");
    assert_eq!(summary[1], "b: Second article text.");
    assert_eq!(summary[2], "empty.txt -> empty file");
    assert_eq!(summary[3], "garbage.bin -> binary file, skipped");
    assert_eq!(summary[4], "c: Third article text.");
    assert_eq!(summary[5], "d-1: Fourth, sniffed as JSON Lines.");
    assert!(summary[6].starts_with("missing.txt -> "), "{}", summary[6]);
    assert_eq!(summary.len(), 7);
    let a = got[0].as_ref().unwrap();
    assert_eq!((a.published, a.outlet.as_deref()), (ymd(2021, 1, 2), Some("Trend")));
}

#[test]
fn utf16_and_bom_inputs() {
    let mut le = vec![0xFF, 0xFE];
    for u in "Caf\u{e9} talks.".encode_utf16() {
        le.extend(u.to_le_bytes());
    }
    let a = from_bytes(&le, Some(Path::new("u.txt")), "u", "u.txt")
        .remove(0)
        .unwrap();
    assert_eq!(a.text, "Caf\u{e9} talks.");
    let a = from_bytes(b"\xEF\xBB\xBFHello.", None, "b", "b").remove(0).unwrap();
    assert_eq!((a.text.as_str(), a.original.as_str()), ("Hello.", "Hello."));
}

#[test]
fn five_megabyte_single_lines_are_fast() {
    let sentence = "Russia and Italy agreed to strengthen cooperation in Rome on Wednesday. ";
    let big: String = sentence.repeat(5_000_000 / sentence.len() + 1);
    assert!(big.len() > 5_000_000 && !big.contains('\n'));
    let budget = Duration::from_secs(30);

    let t = Instant::now();
    let a = from_text("big", "big.txt", big.clone());
    assert!(t.elapsed() < budget, "text took {:?}", t.elapsed());
    assert_eq!(a.text, big.trim_end());
    let last = a.text.rfind("Wednesday").unwrap();
    let s = a.map.to_original(&a.text, last);
    assert_eq!(s, last, "ASCII: byte offset = char offset");

    let t = Instant::now();
    let html = format!("<html><body><p>{big}</p></body></html>");
    let a = from_html("bigh", "big.html", html);
    assert!(t.elapsed() < budget, "html took {:?}", t.elapsed());
    assert_eq!(a.text.len(), big.trim_end().len());

    let t = Instant::now();
    let line = serde_json::json!({ "text": big }).to_string();
    let a = from_jsonl_line(&line, "bigj-1", "big.jsonl:1").unwrap();
    assert!(t.elapsed() < budget, "jsonl took {:?}", t.elapsed());
    assert_eq!(a.text.len(), big.trim_end().len());

    // 5 MB of one unbroken token, and of noise-like bytes
    let t = Instant::now();
    let blob = "x".repeat(5_000_000);
    assert_eq!(from_text("blob", "blob.txt", blob).text.len(), 5_000_000);
    let lt = "<".repeat(1_000_000) + &"&amp".repeat(500_000);
    let _ = from_html("lt", "lt.html", lt);
    assert!(t.elapsed() < budget, "blobs took {:?}", t.elapsed());
}
