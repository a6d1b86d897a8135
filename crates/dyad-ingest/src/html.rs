//! A small tolerant HTML scanner: body text as [`Block`]s whose pieces point
//! into the HTML source, plus metadata. It never fails: unclosed tags,
//! truncated input and stray `<` just end or become text.

use crate::clean::{Block, Line};
use crate::dateline::parse_machine_date;
use crate::decode::cp1252_char;
use crate::noise::noise;
use chrono::NaiveDate;
use std::ops::Range;

/// Metadata found in the page head and JSON-LD.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "footer",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "aside",
    "form",
    "caption",
];

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is raw text up to the matching end tag.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Containers that class-based boilerplate rules never drop.
const NEVER_SOFT: &[&str] = &["html", "body", "main", "article"];

const MAX_DEPTH: usize = 512;

const HARD: u8 = 1;
const SOFT: u8 = 2;

#[derive(Debug)]
enum Item {
    Text(Range<usize>, u8),
    Para,
    Br,
}

#[derive(Debug)]
struct El {
    name: String,
    parent: Option<usize>,
    first: usize,
    end: usize,
    flags: u8,
}

struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct Builder {
    items: Vec<Item>,
    els: Vec<El>,
    stack: Vec<usize>,
    hard: usize,
    soft: usize,
    h1: Option<String>,
    in_first_h1: bool,
    title_tag: Option<String>,
    og_title: Option<String>,
    site_name: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    dates: [Option<String>; 4],
    ld_json: Vec<String>,
}

impl Builder {
    fn flags(&self) -> u8 {
        (if self.hard > 0 { HARD } else { 0 }) | (if self.soft > 0 { SOFT } else { 0 })
    }

    fn para(&mut self) {
        if !matches!(self.items.last(), Some(Item::Para) | None) {
            self.items.push(Item::Para);
        }
    }

    fn pop(&mut self) {
        if let Some(id) = self.stack.pop() {
            let el = &mut self.els[id];
            el.end = self.items.len();
            if el.flags & HARD != 0 {
                self.hard -= 1;
            }
            if el.flags & SOFT != 0 {
                self.soft -= 1;
            }
            if el.name == "h1" && self.in_first_h1 {
                self.in_first_h1 = false;
            }
            if BLOCKS.contains(&self.els[id].name.as_str()) {
                self.para();
            }
        }
    }

    fn top_is(&self, name: &str) -> bool {
        self.stack.last().is_some_and(|&id| self.els[id].name == name)
    }

    fn start(&mut self, tag: Tag) {
        let name = tag.name.as_str();
        self.metadata(&tag);
        if BLOCKS.contains(&name) {
            if self.top_is("p") || (name == "li" && self.top_is("li")) {
                self.pop();
            }
            self.para();
        }
        if name == "br" {
            self.items.push(Item::Br);
        }
        if VOID.contains(&name) || tag.self_closing || self.stack.len() >= MAX_DEPTH {
            return;
        }
        let rules = noise();
        let mut flags = 0;
        let hidden = tag.attr("hidden").is_some()
            || tag.attr("aria-hidden") == Some("true")
            || matches!(
                tag.attr("role"),
                Some("navigation" | "banner" | "contentinfo" | "complementary")
            );
        if rules.tags.iter().any(|t| t == name) || hidden {
            flags |= HARD;
            self.hard += 1;
        }
        if !NEVER_SOFT.contains(&name)
            && [tag.attr("class"), tag.attr("id")]
                .into_iter()
                .flatten()
                .any(|v| rules.boilerplate_class(v))
        {
            flags |= SOFT;
            self.soft += 1;
        }
        if name == "h1" && self.h1.is_none() {
            self.h1 = Some(String::new());
            self.in_first_h1 = true;
        }
        self.els.push(El {
            name: tag.name.clone(),
            parent: self.stack.last().copied(),
            first: self.items.len(),
            end: usize::MAX,
            flags,
        });
        self.stack.push(self.els.len() - 1);
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            self.items.push(Item::Br);
            return;
        }
        if let Some(pos) = self.stack.iter().rposition(|&id| self.els[id].name == name) {
            while self.stack.len() > pos {
                self.pop();
            }
        } else if BLOCKS.contains(&name) {
            self.para();
        }
    }

    fn text(&mut self, src: &str, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        if self.in_first_h1 {
            if let Some(h) = &mut self.h1 {
                h.push_str(&decode_entities(&src[r.clone()]));
            }
        }
        let flags = self.flags();
        self.items.push(Item::Text(r, flags));
    }

    fn metadata(&mut self, tag: &Tag) {
        let set = |slot: &mut Option<String>, v: Option<&str>| {
            if slot.is_none() {
                if let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) {
                    *slot = Some(v.to_string());
                }
            }
        };
        match tag.name.as_str() {
            "meta" => {
                let key = tag
                    .attr("property")
                    .or_else(|| tag.attr("name"))
                    .or_else(|| tag.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let content = tag.attr("content");
                match key.as_str() {
                    "og:title" => set(&mut self.og_title, content),
                    "og:site_name" => set(&mut self.site_name, content),
                    "og:url" => set(&mut self.og_url, content),
                    "article:published_time" => set(&mut self.dates[0], content),
                    "date" | "pubdate" | "publishdate" | "publish-date" | "publish_date" | "article.published"
                    | "dc.date" | "dc.date.issued" | "dcterms.date" | "dcterms.created" | "datepublished"
                    | "sailthru.date" | "parsely-pub-date" | "og:published_time" => set(&mut self.dates[2], content),
                    _ => {}
                }
            }
            "link" => {
                let rel = tag.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    set(&mut self.canonical, tag.attr("href"));
                }
            }
            "time" => set(&mut self.dates[3], tag.attr("datetime")),
            _ => {}
        }
    }
}

fn lower_name(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Finds `</name` (any case) in `src` from `from`: its byte offset.
fn find_end_tag(src: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut pos = from;
    while let Some(k) = src[pos..].find("</") {
        let at = pos + k;
        let after = at + 2;
        if bytes.len() >= after + name.len() && bytes[after..after + name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            let next = bytes.get(after + name.len()).copied();
            if next.is_none_or(|b| b == b'>' || b == b'/' || b.is_ascii_whitespace()) {
                return Some(at);
            }
        }
        pos = after;
    }
    None
}

/// Parses a start tag whose `<` is at `at`. Returns the tag and the offset
/// after `>`, or `None` when the input ends inside the tag.
fn parse_start_tag(src: &str, at: usize) -> Option<(Tag, usize)> {
    let b = src.as_bytes();
    let mut i = at + 1;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    let name = lower_name(&src[at + 1..i]);
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        if b[i] == b'>' {
            return Some((
                Tag {
                    name,
                    attrs,
                    self_closing,
                },
                i + 1,
            ));
        }
        self_closing = false;
        let start = i;
        while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'=' | b'>' | b'/')) {
            i += 1;
        }
        let key = lower_name(&src[start..i]);
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i] as char;
                let end = src[i + 1..].find(q).map(|k| i + 1 + k)?;
                value = decode_entities(&src[i + 1..end]);
                i = end + 1;
            } else {
                let s = i;
                while i < b.len() && !(b[i].is_ascii_whitespace() || b[i] == b'>') {
                    i += 1;
                }
                value = decode_entities(&src[s..i]);
            }
        }
        if !key.is_empty() {
            attrs.push((key, value));
        }
    }
}

/// Body text blocks and metadata of an HTML page.
pub(crate) fn extract(src: &str) -> (Vec<Block>, Meta) {
    let mut bld = Builder::default();
    let b = src.as_bytes();
    let mut pos = 0;
    while pos < src.len() {
        let Some(k) = src[pos..].find('<') else {
            bld.text(src, pos..src.len());
            break;
        };
        let lt = pos + k;
        bld.text(src, pos..lt);
        let next = b.get(lt + 1).copied();
        match next {
            Some(b'!') => {
                pos = if src[lt..].starts_with("<!--") {
                    src[lt + 4..].find("-->").map_or(src.len(), |e| lt + 4 + e + 3)
                } else {
                    src[lt..].find('>').map_or(src.len(), |e| lt + e + 1)
                };
            }
            Some(b'?') => pos = src[lt..].find('>').map_or(src.len(), |e| lt + e + 1),
            Some(b'/') if b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let mut i = lt + 2;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
                    i += 1;
                }
                let name = lower_name(&src[lt + 2..i]);
                let Some(e) = src[i..].find('>') else { break };
                bld.end(&name);
                pos = i + e + 1;
            }
            Some(b'/') => pos = src[lt..].find('>').map_or(src.len(), |e| lt + e + 1),
            Some(c) if c.is_ascii_alphabetic() => {
                let Some((tag, after)) = parse_start_tag(src, lt) else {
                    break;
                };
                pos = after;
                if RAW.contains(&tag.name.as_str()) && !tag.self_closing {
                    let end = find_end_tag(src, after, &tag.name).unwrap_or(src.len());
                    let content = &src[after..end];
                    match tag.name.as_str() {
                        "title" if bld.title_tag.is_none() => bld.title_tag = Some(decode_entities(content)),
                        "script" if tag.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                            bld.ld_json.push(content.to_string())
                        }
                        _ => {}
                    }
                    pos = src[end..].find('>').map_or(src.len(), |e| end + e + 1);
                    continue;
                }
                bld.start(tag);
            }
            _ => {
                bld.text(src, lt..lt + 1);
                pos = lt + 1;
            }
        }
    }
    while !bld.stack.is_empty() {
        bld.pop();
    }
    let meta = metadata(&mut bld);
    let blocks = body_blocks(src, &bld);
    (blocks, meta)
}

fn collapse_ws(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn metadata(bld: &mut Builder) -> Meta {
    for json in &bld.ld_json {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(json.trim()) {
            if bld.dates[1].is_none() {
                bld.dates[1] = find_key(&v, "datePublished", 0)
                    .and_then(|v| v.as_str())
                    .map(str::to_string);
            }
            if bld.site_name.is_none() {
                bld.site_name = find_key(&v, "publisher", 0)
                    .and_then(|p| p.get("name"))
                    .and_then(|n| n.as_str())
                    .map(str::to_string);
            }
        }
    }
    Meta {
        title: [&bld.og_title, &bld.title_tag, &bld.h1]
            .into_iter()
            .flatten()
            .find_map(|t| collapse_ws(t)),
        published: bld.dates.iter().flatten().find_map(|d| parse_machine_date(d)),
        outlet: bld.site_name.as_deref().and_then(collapse_ws),
        url: bld.canonical.clone().or_else(|| bld.og_url.clone()),
    }
}

fn find_key<'a>(v: &'a serde_json::Value, key: &str, depth: usize) -> Option<&'a serde_json::Value> {
    if depth > 8 {
        return None;
    }
    match v {
        serde_json::Value::Object(m) => m
            .get(key)
            .or_else(|| m.values().find_map(|x| find_key(x, key, depth + 1))),
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_key(x, key, depth + 1)),
        _ => None,
    }
}

/// Chooses the content container and turns its items into blocks.
fn body_blocks(src: &str, bld: &Builder) -> Vec<Block> {
    // prefix[i] = non-space text bytes (not dropped) in items[..i]
    let mut prefix = Vec::with_capacity(bld.items.len() + 1);
    let mut acc = 0usize;
    prefix.push(0);
    for item in &bld.items {
        if let Item::Text(r, 0) = item {
            acc += src[r.clone()].bytes().filter(|b| !b.is_ascii_whitespace()).count();
        }
        prefix.push(acc);
    }
    let len_of = |el: &El| prefix[el.end.min(bld.items.len())] - prefix[el.first];
    let mut score = vec![0usize; bld.els.len()];
    for el in bld.els.iter().filter(|e| e.name == "p" && e.flags == 0) {
        // Readability-style: the parent gets the paragraph's text, the
        // grandparent half of it (for one-`<div>`-per-paragraph layouts).
        if let Some(parent) = el.parent {
            score[parent] += len_of(el);
            if let Some(grand) = bld.els[parent].parent {
                score[grand] += len_of(el) / 2;
            }
        }
    }
    let best_p = (0..bld.els.len())
        .filter(|&i| score[i] > 0 && bld.els[i].flags == 0)
        .max_by_key(|&i| score[i]);
    let best_article = (0..bld.els.len())
        .filter(|&i| bld.els[i].name == "article" && bld.els[i].flags == 0)
        .max_by_key(|&i| len_of(&bld.els[i]));
    let p_score = best_p.map_or(0, |i| score[i]);
    let chosen = match best_article {
        Some(a) if len_of(&bld.els[a]) > 0 && len_of(&bld.els[a]) * 2 >= p_score => Some(a),
        _ => best_p.or_else(|| bld.els.iter().position(|e| e.name == "body")),
    };
    let range = chosen.map_or(0..bld.items.len(), |i| {
        bld.els[i].first..bld.els[i].end.min(bld.items.len())
    });
    let blocks = items_to_blocks(src, &bld.items[range.clone()], HARD | SOFT);
    if blocks.iter().flatten().any(|l| !l.is_blank()) {
        blocks
    } else {
        items_to_blocks(src, &bld.items[range], HARD)
    }
}

fn items_to_blocks(src: &str, items: &[Item], mask: u8) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut block: Block = Vec::new();
    let mut line = Line::default();
    let mut ws: Option<Range<usize>> = None;
    for item in items {
        match item {
            Item::Text(r, flags) if flags & mask == 0 => push_text(src, r.clone(), &mut line, &mut ws),
            Item::Text(..) => {}
            Item::Br | Item::Para => {
                ws = None;
                if !line.is_blank() {
                    block.push(std::mem::take(&mut line));
                }
                line = Line::default();
                if matches!(item, Item::Para) && !block.is_empty() {
                    blocks.push(std::mem::take(&mut block));
                }
            }
        }
    }
    if !line.is_blank() {
        block.push(line);
    }
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

/// Appends HTML text to `line`: entities decoded, whitespace collapsed.
fn push_text(src: &str, r: Range<usize>, line: &mut Line, ws: &mut Option<Range<usize>>) {
    let b = src.as_bytes();
    let mut i = r.start;
    while i < r.end {
        if b[i].is_ascii_whitespace() {
            let s = i;
            while i < r.end && b[i].is_ascii_whitespace() {
                i += 1;
            }
            *ws = Some(ws.clone().filter(|w| w.end == s).map_or(s, |w| w.start)..i);
            continue;
        }
        if let Some(w) = ws.take() {
            if !line.text.is_empty() {
                if &src[w.clone()] == " " {
                    line.push_verbatim(" ", w.start);
                } else {
                    line.push_replacement(" ", w.start, w.len());
                }
            }
        }
        if b[i] == b'&' {
            if let Some((decoded, used)) = entity_at(&src[i..r.end]) {
                line.push_replacement(&decoded.to_string(), i, used);
                i += used;
                continue;
            }
        }
        let s = i;
        i += 1;
        while i < r.end && !b[i].is_ascii_whitespace() && b[i] != b'&' {
            i += 1;
        }
        // i stops only at ASCII bytes, so it is always a char boundary.
        line.push_verbatim(&src[s..i], s);
    }
}

const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("shy", '\u{AD}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("ordm", 'º'),
    ("ordf", 'ª'),
    ("acute", '´'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("minus", '−'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yuml", 'ÿ'),
    ("szlig", 'ß'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Ntilde", 'Ñ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Uacute", 'Ú'),
    ("Uuml", 'Ü'),
    ("scaron", 'š'),
    ("Scaron", 'Š'),
    ("zcaron", 'ž'),
    ("Zcaron", 'Ž'),
    ("oelig", 'œ'),
    ("OElig", 'Œ'),
];

/// An entity at the start of `s` ("&amp;", "&#8217;", "&#x2019;"): the
/// character and the bytes it takes.
fn entity_at(s: &str) -> Option<(char, usize)> {
    let semi = s.as_bytes().iter().take(34).position(|&b| b == b';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        match n {
            0 => '\u{FFFD}',
            0x80..=0x9F => cp1252_char(n as u8),
            _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
        }
    } else {
        ENTITIES.iter().find(|(name, _)| *name == body).map(|(_, c)| *c)?
    };
    Some((c, semi + 1))
}

/// Entities decoded in an attribute value or title.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        match entity_at(&rest[k..]) {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[k + used..];
            }
            None => {
                out.push('&');
                rest = &rest[k + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(src: &str) -> Vec<String> {
        extract(src).0.iter().flatten().map(|l| l.text.clone()).collect()
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("A&amp;B &#8217; &#x2014; &#150; &bogus; & x"),
            "A&B ’ — – &bogus; & x"
        );
    }

    #[test]
    fn body_prefers_article_and_drops_boilerplate() {
        let src = r#"<html><head><title>T</title><script>var x = "<p>no</p>";</script></head>
<body><nav><a href="/">Home</a></nav><div class="share-bar">Share</div>
<article><h1>Big &amp; news</h1><p>First para
  spans lines.</p><p>Second<br>line</p><aside>Related</aside></article>
<footer>© 2020</footer></body></html>"#;
        assert_eq!(
            body(src),
            vec!["Big & news", "First para spans lines.", "Second", "line"]
        );
    }

    #[test]
    fn truncated_and_malformed() {
        assert_eq!(body("<p>Hello <b>wor"), vec!["Hello wor"]);
        assert_eq!(
            body("<p>a < b and c</p><p>unterminated <a href=\"x"),
            vec!["a < b and c", "unterminated"]
        );
        assert_eq!(body("<div><p>x<!-- never closed"), vec!["x"]);
        assert_eq!(body("<"), vec!["<"]);
        assert!(body("<script>").is_empty());
    }

    #[test]
    fn meta() {
        let src = r#"<html><head><meta property="og:title" content="OG &amp; Title">
<meta property="og:site_name" content="Sputnik"><link rel="canonical" href="https://x.test/a">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-10-14T16:58:00Z"}</script>
</head><body><p>Hi.</p></body></html>"#;
        let (_, m) = extract(src);
        assert_eq!(m.title.as_deref(), Some("OG & Title"));
        assert_eq!(m.outlet.as_deref(), Some("Sputnik"));
        assert_eq!(m.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2020, 10, 14));
    }
}
