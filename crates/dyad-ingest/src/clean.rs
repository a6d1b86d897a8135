//! Cleaning shared by every format: lines of pieces (each knowing where it
//! came from in the original) -> normalised characters -> noise removed ->
//! paragraphs -> cleaned text plus [`OffsetMap`].

use crate::decode::cp1252_byte;
use crate::noise::{noise, Verdict};
use dyad_doc::{OffsetMap, TextBuilder};

/// A run of line text: a verbatim copy of `original[orig..orig + text.len()]`,
/// or text written by the cleaner in place of `original[orig..orig + orig_len]`.
/// Offsets are bytes of the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub text: String,
    pub orig: usize,
    pub orig_len: usize,
    pub verbatim: bool,
}

impl Piece {
    fn orig_end(&self) -> usize {
        self.orig + if self.verbatim { self.text.len() } else { self.orig_len }
    }
}

/// One line of text (a line of a text file, a `<br>`-separated line of an
/// HTML block) as pieces, with their concatenation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Line {
    pub pieces: Vec<Piece>,
    pub text: String,
}

/// Lines that belong together: a run of non-blank lines, an HTML block.
pub(crate) type Block = Vec<Line>;

impl Line {
    pub fn push_verbatim(&mut self, s: &str, orig: usize) {
        if s.is_empty() {
            return;
        }
        self.text.push_str(s);
        if let Some(last) = self.pieces.last_mut() {
            if last.verbatim && last.orig + last.text.len() == orig {
                last.text.push_str(s);
                return;
            }
        }
        self.pieces.push(Piece {
            text: s.to_string(),
            orig,
            orig_len: s.len(),
            verbatim: true,
        });
    }

    pub fn push_replacement(&mut self, s: &str, orig: usize, orig_len: usize) {
        if s.is_empty() {
            return;
        }
        self.text.push_str(s);
        self.pieces.push(Piece {
            text: s.to_string(),
            orig,
            orig_len,
            verbatim: false,
        });
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    fn first_orig(&self) -> Option<usize> {
        self.pieces.first().map(|p| p.orig)
    }

    fn last_orig_end(&self) -> Option<usize> {
        self.pieces.last().map(Piece::orig_end)
    }

    /// Whitespace removed at both ends.
    pub fn trimmed(&self) -> Line {
        let blank = |p: &Piece| p.text.trim().is_empty();
        let lead = self.pieces.iter().take_while(|p| blank(p)).count();
        let mut pieces = self.pieces[lead..].to_vec();
        while pieces.last().is_some_and(blank) {
            pieces.pop();
        }
        if let Some(p) = pieces.first_mut() {
            let cut = p.text.len() - p.text.trim_start().len();
            if cut > 0 {
                p.text.drain(..cut);
                if p.verbatim {
                    p.orig += cut;
                    p.orig_len = p.text.len();
                }
            }
        }
        if let Some(p) = pieces.last_mut() {
            let keep = p.text.trim_end().len();
            p.text.truncate(keep);
            if p.verbatim {
                p.orig_len = keep;
            }
        }
        let text = pieces.iter().map(|p| p.text.as_str()).collect();
        Line { pieces, text }
    }

    /// Characters fixed: mojibake repaired, U+FFFD and odd spaces to a space,
    /// zero-width characters dropped, control characters to a space.
    pub fn normalized(&self) -> Line {
        let mut out = Line::default();
        for p in &self.pieces {
            if p.verbatim {
                normalize_verbatim(&p.text, p.orig, &mut out);
            } else {
                let mut s = String::with_capacity(p.text.len());
                for c in p.text.chars() {
                    match char_fix(c) {
                        Some(r) => s.push_str(r),
                        None => s.push(c),
                    }
                }
                out.push_replacement(&s, p.orig, p.orig_len);
            }
        }
        out
    }
}

/// Replacement for a character that should not reach later stages.
fn char_fix(c: char) -> Option<&'static str> {
    match c {
        '\u{FFFD}' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Some(" ")
        }
        '\u{2028}' | '\u{2029}' | '\u{85}' => Some(" "),
        '\u{200B}' | '\u{FEFF}' | '\u{AD}' | '\u{2060}' => Some(""),
        '\t' => None,
        c if c.is_control() => Some(" "),
        _ => None,
    }
}

fn normalize_verbatim(s: &str, base: usize, out: &mut Line) {
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < s.len() {
        let b = bytes[i];
        if (0x20..0x7F).contains(&b) || b == b'\t' {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let (fix, used): (String, usize) = if let Some((ch, used)) = mojibake_at(&s[i..]) {
            (char_fix(ch).map_or_else(|| ch.to_string(), str::to_string), used)
        } else if let Some(r) = char_fix(c) {
            (r.to_string(), c.len_utf8())
        } else {
            i += c.len_utf8();
            continue;
        };
        out.push_verbatim(&s[run..i], base + run);
        out.push_replacement(&fix, base + i, used);
        i += used;
        run = i;
    }
    out.push_verbatim(&s[run..], base + run);
}

/// UTF-8 bytes that were read as Windows-1252 ("’" for "’", "Ã©" for "é"):
/// the character they stand for and how many bytes of `s` they take.
fn mojibake_at(s: &str) -> Option<(char, usize)> {
    let mut it = s.char_indices();
    let (_, c0) = it.next()?;
    let b0 = cp1252_byte(c0)?;
    let n = match b0 {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut buf = [b0, 0, 0, 0];
    let mut end = c0.len_utf8();
    for k in 1..=n {
        let cont = it.next().and_then(|(idx, c)| {
            cp1252_byte(c)
                .filter(|b| (0x80..=0xBF).contains(b))
                .map(|b| (b, idx + c.len_utf8()))
        });
        match cont {
            Some((b, e)) => {
                buf[k] = b;
                end = e;
            }
            // "â€" + a dropped 0x9D: the right double quotation mark.
            None if k == 2 && b0 == 0xE2 && buf[1] == 0x80 => return Some(('”', end)),
            None => return None,
        }
    }
    let ch = std::str::from_utf8(&buf[..=n]).ok()?.chars().next()?;
    if ('\u{80}'..='\u{9F}').contains(&ch) {
        return None;
    }
    Some((ch, end))
}

/// How lines inside a block are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Plain text: hard-wrapped lines are joined.
    Text,
    /// HTML: lines come from `<br>`.
    Html,
}

/// Ends like a sentence (closing quotes and brackets aside).
pub(crate) fn ends_terminal(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    s.ends_with(['.', '!', '?', '…'])
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Cjk,
    Other,
}

fn script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF => Script::Cjk,
        _ => Script::Other,
    })
}

const SCRIPTS: [Script; 7] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Cjk,
    Script::Other,
];

fn script_counts(s: &str) -> [usize; 7] {
    let mut n = [0; 7];
    for c in s.chars() {
        if let Some(sc) = script(c) {
            n[SCRIPTS.iter().position(|&x| x == sc).unwrap_or(6)] += 1;
        }
    }
    n
}

fn dominant(n: &[usize; 7]) -> (usize, usize) {
    let (i, best) = n
        .iter()
        .enumerate()
        .max_by_key(|(_, v)| **v)
        .map_or((0, 0), |(i, v)| (i, *v));
    (i, best)
}

/// Drops lines written in another script than the article ("Заголовок
/// открываемого материала" under an English story), as long as such lines
/// are less than a third of it.
fn drop_foreign_script(blocks: &mut [Block]) {
    let counts: Vec<Vec<[usize; 7]>> = blocks
        .iter()
        .map(|b| b.iter().map(|l| script_counts(&l.text)).collect())
        .collect();
    let mut total = [0; 7];
    for n in counts.iter().flatten() {
        for (t, v) in total.iter_mut().zip(n) {
            *t += v;
        }
    }
    let (doc, _) = dominant(&total);
    let all: usize = total.iter().sum();
    let foreign = |n: &[usize; 7]| {
        let letters: usize = n.iter().sum();
        let (d, best) = dominant(n);
        letters > 0 && d != doc && best * 10 >= letters * 6
    };
    let foreign_letters: usize = counts
        .iter()
        .flatten()
        .filter(|n| foreign(n))
        .map(|n| n.iter().sum::<usize>())
        .sum();
    if foreign_letters == 0 || foreign_letters * 3 >= all {
        return;
    }
    for (block, counts) in blocks.iter_mut().zip(&counts) {
        let mut i = 0;
        block.retain(|_| {
            let keep = !foreign(&counts[i]);
            i += 1;
            keep
        });
    }
}

/// Noise lines, photo captions and the related-story teaser after a
/// caption are dropped.
fn drop_noise(blocks: &mut [Block]) {
    let rules = noise();
    for block in blocks.iter_mut() {
        let mut after_caption = false;
        block.retain(|line| match rules.judge(&line.text) {
            Verdict::Noise => false,
            Verdict::Caption => {
                after_caption = true;
                false
            }
            Verdict::Keep => {
                let teaser = after_caption && !ends_terminal(&line.text) && line.text.len() <= 200;
                after_caption = false;
                !teaser
            }
        });
    }
}

/// A block looks hard-wrapped: three or more lines of similar length.
fn hard_wrapped(block: &[Line]) -> bool {
    if block.len() < 3 {
        return false;
    }
    let lens: Vec<usize> = block[..block.len() - 1]
        .iter()
        .map(|l| l.text.chars().count())
        .collect();
    let (min, max) = (
        lens.iter().min().copied().unwrap_or(0),
        lens.iter().max().copied().unwrap_or(0),
    );
    (50..=100).contains(&min) && max <= 100 && max - min <= 30
}

/// Paragraphs: each a list of lines joined by a space.
fn paragraphs(blocks: Vec<Block>, mode: Mode) -> Vec<Vec<Line>> {
    let mut out = Vec::new();
    for block in blocks {
        let wrapped = mode == Mode::Text && hard_wrapped(&block);
        let mut para: Vec<Line> = Vec::new();
        for line in block {
            if let Some(prev) = para.last() {
                let join = !ends_terminal(&prev.text) && (starts_lowercase(&line.text) || wrapped);
                if !join {
                    out.push(std::mem::take(&mut para));
                }
            }
            para.push(line);
        }
        if !para.is_empty() {
            out.push(para);
        }
    }
    out
}

/// Original byte offsets -> character offsets, fast for increasing offsets.
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        CharIndex {
            text,
            byte: 0,
            chars: 0,
        }
    }

    pub fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text.get(self.byte..byte).map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.chars
    }
}

/// Writes pieces into a [`TextBuilder`], merging adjacent verbatim pieces
/// first so the builder's bookkeeping stays linear.
struct Emitter<'a> {
    original: &'a str,
    index: CharIndex<'a>,
    builder: TextBuilder,
    pending: Option<(usize, String)>,
}

impl<'a> Emitter<'a> {
    fn new(original: &'a str) -> Self {
        Emitter {
            original,
            index: CharIndex::new(original),
            builder: TextBuilder::new(),
            pending: None,
        }
    }

    fn flush(&mut self) {
        if let Some((orig, text)) = self.pending.take() {
            let at = self.index.at(orig);
            self.builder.push_original(&text, at);
        }
    }

    fn verbatim(&mut self, s: &str, orig: usize) {
        if let Some((start, text)) = &mut self.pending {
            if *start + text.len() == orig {
                text.push_str(s);
                return;
            }
        }
        self.flush();
        self.pending = Some((orig, s.to_string()));
    }

    fn replacement(&mut self, s: &str, orig: usize, orig_len: usize) {
        self.flush();
        let start = self.index.at(orig);
        let end = self.index.at(orig + orig_len);
        self.builder.push_replacement(s, start, end - start);
    }

    fn line(&mut self, line: &Line) {
        for p in &line.pieces {
            if p.verbatim {
                self.verbatim(&p.text, p.orig);
            } else {
                self.replacement(&p.text, p.orig, p.orig_len);
            }
        }
    }

    /// A separator between two pieces of kept text: verbatim when the
    /// original has exactly this text there, else a replacement standing for
    /// the whitespace between them (or inserted, when more lies between).
    fn separator(&mut self, sep: &str, from: usize, to: usize) {
        let gap = self.original.get(from..to.max(from)).unwrap_or("");
        if gap == sep {
            self.verbatim(sep, from);
        } else if gap.trim().is_empty() {
            self.replacement(sep, from, gap.len());
        } else {
            self.replacement(sep, from, 0);
        }
    }

    fn finish(mut self) -> (String, OffsetMap) {
        self.flush();
        self.builder.finish()
    }
}

/// The whole cleaning pass over `blocks` taken from `original`.
pub(crate) fn clean(original: &str, blocks: Vec<Block>, mode: Mode) -> (String, OffsetMap) {
    let mut blocks: Vec<Block> = blocks
        .into_iter()
        .map(|b| {
            b.iter()
                .map(|l| l.normalized().trimmed())
                .filter(|l| !l.is_blank())
                .collect::<Block>()
        })
        .filter(|b| !b.is_empty())
        .collect();
    drop_foreign_script(&mut blocks);
    drop_noise(&mut blocks);
    blocks.retain(|b| !b.is_empty());
    let paras = paragraphs(blocks, mode);
    let mut em = Emitter::new(original);
    let mut prev_end: Option<usize> = None;
    for para in &paras {
        for (i, line) in para.iter().enumerate() {
            let start = line.first_orig().unwrap_or(0);
            if let Some(end) = prev_end {
                em.separator(if i == 0 { "\n\n" } else { " " }, end, start);
            }
            em.line(line);
            prev_end = line.last_orig_end();
        }
    }
    em.finish()
}

/// Splits `text` (starting at original byte `base`) into blocks of lines:
/// blank lines separate blocks. Line ends (`\n`, `\r\n`) are not kept.
pub(crate) fn text_blocks(text: &str, base: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut block: Block = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let mut line = Line::default();
        line.push_verbatim(content, base + pos);
        pos += raw.len();
        if content.trim().is_empty() {
            if !block.is_empty() {
                blocks.push(std::mem::take(&mut block));
            }
        } else {
            block.push(line);
        }
    }
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(original: &str) -> String {
        clean(original, text_blocks(original, 0), Mode::Text).0
    }

    #[test]
    fn mojibake_is_repaired() {
        // Escapes: an editor may "helpfully" repair literal mojibake.
        let apos = "\u{e2}\u{20ac}\u{2122}"; // U+2019 read as cp1252
        let e_acute = "\u{c3}\u{a9}";
        let dash = "\u{e2}\u{20ac}\u{201d}";
        assert_eq!(mojibake_at(&format!("{apos}s")), Some(('\u{2019}', 8)));
        assert_eq!(mojibake_at(&format!("{e_acute}t")), Some(('\u{e9}', 4)));
        assert_eq!(mojibake_at(&format!("{dash} x")), Some(('\u{2014}', 8)));
        assert_eq!(mojibake_at("\u{e2}\u{20ac} x"), Some(('\u{201d}', 5)));
        assert_eq!(mojibake_at("\u{e9} t"), None);
        let text = format!("Crimea{apos}s {e_acute}lite {dash} said.\u{FFFD}Ok.");
        assert_eq!(run(&text), "Crimea\u{2019}s \u{e9}lite \u{2014} said. Ok.");
    }

    #[test]
    fn paragraphs_and_wraps() {
        assert_eq!(
            run("Head Line\nBody one.\n\n\n\nBody two\ncontinues here."),
            "Head Line\n\nBody one.\n\nBody two continues here."
        );
        let wrapped = "The minister said on Tuesday that the talks with his\n\
                       Italian counterpart had been useful and that Rome and\n\
                       Moscow would meet again soon, according to officials.";
        assert_eq!(run(wrapped).matches('\n').count(), 0);
    }

    #[test]
    fn foreign_script_line_dropped() {
        let en = "Russia and Italy agreed to cooperate on many issues today, the ministers said.";
        let t = format!("{en}\n{en}\nЗаголовок открываемого материала\n");
        assert_eq!(run(&t), format!("{en}\n\n{en}"));
        let ru = "Россия и Италия договорились о сотрудничестве.";
        assert_eq!(run(ru), ru);
    }
}
