//! Noise rules from `dict/noise.txt` and their tiny pattern language.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

const NOISE_TXT: &str = include_str!("../../../dict/noise.txt");

/// `line` rules only look at lines this long or shorter; `start`/`end` rules
/// look at this many bytes at either end of a line.
pub(crate) const WINDOW: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Line,
    Start,
    End,
    CaptionStart,
    CaptionEnd,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Elem {
    /// A lowercased literal character.
    Lit(char),
    /// One or more whitespace characters.
    Space,
    /// One or more ASCII digits.
    Num,
    /// One word.
    Word,
    /// Anything, possibly empty.
    Any,
}

#[derive(Debug, Clone)]
struct Rule {
    kind: Kind,
    elems: Vec<Elem>,
    /// The longest literal run, lowercased: a cheap pre-filter.
    needle: String,
}

/// What a noise rule says about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Keep,
    Noise,
    Caption,
}

/// The compiled rules of `dict/noise.txt`.
#[derive(Debug, Default)]
pub(crate) struct Noise {
    rules: Vec<Rule>,
    /// HTML elements whose content is dropped.
    pub tags: Vec<String>,
    /// HTML class/id words that mark boilerplate.
    pub classes: Vec<String>,
    /// All rules' needles in one automaton, so a line is scanned once
    /// instead of once per rule; `None` when no rule has a needle.
    needles: Option<AhoCorasick>,
    /// Rules per automaton pattern.
    needle_rules: Vec<Vec<usize>>,
}

/// The built-in rules, compiled once.
pub(crate) fn noise() -> &'static Noise {
    static NOISE: OnceLock<Noise> = OnceLock::new();
    NOISE.get_or_init(|| Noise::parse(NOISE_TXT).expect("dict/noise.txt is valid"))
}

impl Noise {
    /// Parses the rule file; an error names the offending line.
    pub(crate) fn parse(src: &str) -> Result<Noise, String> {
        let mut out = Noise::default();
        for (i, raw) in src.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, pattern) = line
                .split_once(char::is_whitespace)
                .map(|(k, p)| (k, p.trim()))
                .ok_or_else(|| format!("noise.txt:{}: expected `KIND PATTERN`", i + 1))?;
            let kind = match kind {
                "line" => Kind::Line,
                "start" => Kind::Start,
                "end" => Kind::End,
                "caption-start" => Kind::CaptionStart,
                "caption-end" => Kind::CaptionEnd,
                "tag" => {
                    out.tags.push(pattern.to_ascii_lowercase());
                    continue;
                }
                "class" => {
                    out.classes.push(pattern.to_ascii_lowercase());
                    continue;
                }
                other => return Err(format!("noise.txt:{}: unknown kind `{other}`", i + 1)),
            };
            let elems = compile(pattern);
            let needle = longest_literal(&elems);
            out.rules.push(Rule { kind, elems, needle });
        }
        let mut patterns: Vec<&str> = Vec::new();
        for (r, rule) in out.rules.iter().enumerate() {
            if rule.needle.is_empty() {
                continue;
            }
            match patterns.iter().position(|p| *p == rule.needle) {
                Some(i) => out.needle_rules[i].push(r),
                None => {
                    patterns.push(&rule.needle);
                    out.needle_rules.push(vec![r]);
                }
            }
        }
        if !patterns.is_empty() {
            out.needles = Some(AhoCorasick::new(&patterns).map_err(|e| format!("noise.txt: {e}"))?);
        }
        Ok(out)
    }

    /// Marks in `hits` (one bit per rule) the rules whose needle occurs in `window`.
    fn needle_hits(&self, window: &str, hits: &mut [u64]) {
        let Some(ac) = &self.needles else { return };
        for m in ac.find_overlapping_iter(window) {
            for &r in &self.needle_rules[m.pattern().as_usize()] {
                hits[r / 64] |= 1 << (r % 64);
            }
        }
    }

    /// Whether `line` (already trimmed) is noise, a photo caption, or text.
    pub(crate) fn judge(&self, line: &str) -> Verdict {
        let short = line.len() <= WINDOW;
        let head = line[..floor_boundary(line, WINDOW)].to_lowercase();
        let tail = line[ceil_boundary(line, line.len().saturating_sub(WINDOW))..].to_lowercase();
        let (head, tail) = (head.as_str(), tail.as_str());
        let mut head_chars: Option<Vec<char>> = None;
        let mut tail_chars: Option<Vec<char>> = None;
        let words = self.rules.len().div_ceil(64);
        let mut head_hits = vec![0u64; words];
        self.needle_hits(head, &mut head_hits);
        let tail_hits = if tail == head {
            head_hits.clone()
        } else {
            let mut hits = vec![0u64; words];
            self.needle_hits(tail, &mut hits);
            hits
        };
        for (r, rule) in self.rules.iter().enumerate() {
            let (hits, anchored_start, anchored_end) = match rule.kind {
                Kind::Line if short => (&head_hits, true, true),
                Kind::Line => continue,
                Kind::Start | Kind::CaptionStart => (&head_hits, true, false),
                Kind::End | Kind::CaptionEnd => (&tail_hits, false, true),
            };
            if !rule.needle.is_empty() && hits[r / 64] & (1 << (r % 64)) == 0 {
                continue;
            }
            let chars = if anchored_start {
                head_chars.get_or_insert_with(|| head.chars().collect())
            } else {
                tail_chars.get_or_insert_with(|| tail.chars().collect())
            };
            if matches(&rule.elems, chars, anchored_start, anchored_end) {
                return match rule.kind {
                    Kind::CaptionStart | Kind::CaptionEnd => Verdict::Caption,
                    _ => Verdict::Noise,
                };
            }
        }
        Verdict::Keep
    }

    /// Whether an HTML class or id attribute value marks boilerplate.
    pub(crate) fn boilerplate_class(&self, value: &str) -> bool {
        value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|w| !w.is_empty())
            .any(|w| self.classes.iter().any(|c| c.eq_ignore_ascii_case(w)))
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn compile(pattern: &str) -> Vec<Elem> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        let (elem, len) = if rest.starts_with("<n>") {
            (Elem::Num, 3)
        } else if rest.starts_with("<w>") {
            (Elem::Word, 3)
        } else if rest.starts_with("<*>") {
            (Elem::Any, 3)
        } else if c.is_whitespace() {
            let n = rest.len() - rest.trim_start().len();
            (Elem::Space, n)
        } else {
            let lower = c.to_lowercase().next().unwrap_or(c);
            (Elem::Lit(lower), c.len_utf8())
        };
        out.push(elem);
        rest = &rest[len..];
    }
    out
}

fn longest_literal(elems: &[Elem]) -> String {
    let mut best = String::new();
    let mut cur = String::new();
    for e in elems {
        match e {
            Elem::Lit(c) => cur.push(*c),
            _ => {
                if cur.len() > best.len() {
                    best = std::mem::take(&mut cur);
                }
                cur.clear();
            }
        }
    }
    if cur.len() > best.len() {
        best = cur;
    }
    best
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-')
}

/// Backtracking match of `elems` against lowercased `text`. Windows are at
/// most [`WINDOW`] bytes and the needle pre-filter runs first, so this stays cheap.
fn matches(elems: &[Elem], text: &[char], anchored_start: bool, anchored_end: bool) -> bool {
    if anchored_start {
        match_here(elems, text, anchored_end)
    } else {
        (0..=text.len()).any(|i| match_here(elems, &text[i..], anchored_end))
    }
}

fn match_here(elems: &[Elem], text: &[char], anchored_end: bool) -> bool {
    let Some((first, rest)) = elems.split_first() else {
        return !anchored_end || text.is_empty();
    };
    let run = |pred: fn(char) -> bool| text.iter().take_while(|c| pred(**c)).count();
    match first {
        Elem::Lit(c) => text.first() == Some(c) && match_here(rest, &text[1..], anchored_end),
        Elem::Space => {
            let n = run(char::is_whitespace);
            n > 0 && match_here(rest, &text[n..], anchored_end)
        }
        Elem::Num => {
            let n = run(|c| c.is_ascii_digit());
            (1..=n).rev().any(|k| match_here(rest, &text[k..], anchored_end))
        }
        Elem::Word => {
            let n = run(is_word_char);
            (1..=n).rev().any(|k| match_here(rest, &text[k..], anchored_end))
        }
        Elem::Any => (0..=text.len()).any(|k| match_here(rest, &text[k..], anchored_end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_parse_and_judge() {
        let n = noise();
        assert!(n.tags.iter().any(|t| t == "script"));
        assert_eq!(n.judge("Subscribe"), Verdict::Noise);
        assert_eq!(n.judge("0"), Verdict::Noise);
        assert_eq!(
            n.judge("Muhammad Irfan 42 seconds ago Wed 14th October 2020 | 04:58 PM"),
            Verdict::Noise
        );
        assert_eq!(n.judge("© Sputnik / Alexei DruzhininVladimir Putin"), Verdict::Caption);
        assert_eq!(
            n.judge("One of the Kremlin towers in Moscow. - Sputnik International"),
            Verdict::Caption
        );
        assert_eq!(n.judge("Wang said China is ready to help."), Verdict::Keep);
        assert_eq!(n.judge("By contrast, the minister said nothing."), Verdict::Keep);
        assert_eq!(n.judge("By John Smith"), Verdict::Noise);
        assert_eq!(n.judge("Subscribers fell in 2020."), Verdict::Keep);
        assert!(n.boilerplate_class("post social-share"));
        assert!(!n.boilerplate_class("article-body content"));
    }

    #[test]
    fn bad_kind_is_reported_with_line() {
        let err = Noise::parse("# c\nbogus x\n").unwrap_err();
        assert!(err.contains("noise.txt:2"), "{err}");
    }
}
