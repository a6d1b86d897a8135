//! Lemmas: irregular forms from `dict/lemmas.tsv`, regular inflections by
//! rule. Rules propose candidates; a vocabulary of known lemmas (the words
//! the event patterns use, supplied by the caller) picks between them, so
//! "providing" becomes "provide" and "meeting" becomes "meet".

use rustc_hash::{FxHashMap, FxHashSet};

const IRREGULAR: &str = include_str!("../../../dict/lemmas.tsv");

#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    irregular: FxHashMap<String, String>,
    known: FxHashSet<String>,
}

impl Lemmatizer {
    /// A lemmatiser with the built-in irregular forms and `known` lemmas.
    pub fn new<I, S>(known: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut irregular = FxHashMap::default();
        let mut known: FxHashSet<String> = known.into_iter().map(Into::into).collect();
        for line in IRREGULAR.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(lemma), Some(forms)) = (cols.next(), cols.next()) else {
                continue;
            };
            known.insert(lemma.to_string());
            for f in forms.split(';').filter(|f| !f.is_empty()) {
                irregular.entry(f.to_string()).or_insert_with(|| lemma.to_string());
            }
        }
        Lemmatizer { irregular, known }
    }

    /// The lemma of a lowercase word. Capitalised words (likely names) only
    /// change when the result is a known lemma.
    pub fn lemma(&self, lower: &str, capitalized: bool) -> String {
        if let Some(l) = self.irregular.get(lower) {
            return l.clone();
        }
        if lower.len() < 4 || !lower.is_ascii() {
            return lower.to_string();
        }
        // a known base form beats the form itself being known: patterns may
        // list "calls" as a noun, but the verb "calls" is still "call"
        let cands = candidates(lower);
        if let Some(c) = cands.iter().find(|c| c.with_str(lower, |s| self.known.contains(s))) {
            return c.to_string(lower);
        }
        if capitalized || self.known.contains(lower) {
            return lower.to_string();
        }
        let first = cands.iter().next();
        first.map_or_else(|| lower.to_string(), |c| c.to_string(lower))
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A candidate lemma of a word: its first `keep` bytes, then `add`.
/// Candidates are checked on the stack; only the chosen one is allocated.
#[derive(Debug, Clone, Copy, Default)]
struct Cand {
    keep: usize,
    add: &'static str,
}

impl Cand {
    fn with_str<R>(self, w: &str, f: impl FnOnce(&str) -> R) -> R {
        let mut buf = [0u8; 64];
        let (head, add) = (&w.as_bytes()[..self.keep], self.add.as_bytes());
        if head.len() + add.len() > buf.len() {
            return f(&self.to_string(w));
        }
        buf[..head.len()].copy_from_slice(head);
        buf[head.len()..head.len() + add.len()].copy_from_slice(add);
        // ASCII only (the caller checks), so always valid UTF-8
        f(std::str::from_utf8(&buf[..head.len() + add.len()]).unwrap_or_default())
    }

    fn to_string(self, w: &str) -> String {
        let mut s = String::with_capacity(self.keep + self.add.len());
        s.push_str(&w[..self.keep]);
        s.push_str(self.add);
        s
    }
}

/// At most six candidates, without a heap allocation.
#[derive(Default)]
struct Cands {
    items: [Cand; 6],
    len: usize,
}

impl Cands {
    fn push(&mut self, keep: usize, add: &'static str) {
        if self.len < self.items.len() {
            self.items[self.len] = Cand { keep, add };
            self.len += 1;
        }
    }

    fn iter(&self) -> impl Iterator<Item = Cand> + '_ {
        self.items[..self.len].iter().copied()
    }
}

/// Possible lemmas for a regular inflected form (ASCII), the likeliest first.
fn candidates(w: &str) -> Cands {
    let b = w.as_bytes();
    let n = b.len();
    let mut out = Cands::default();
    // `stem` is w[..k]
    let push_stem = |k: usize, out: &mut Cands| {
        let s = &b[..k];
        let m = s.len();
        if m < 2 {
            return;
        }
        // doubled final consonant: stopped -> stop (but not "called" -> "cal")
        if m >= 3 && s[m - 1] == s[m - 2] && !is_vowel(s[m - 1]) && !matches!(s[m - 1], b'l' | b's' | b'z' | b'f') {
            out.push(m - 1, "");
        }
        // one syllable ending consonant-vowel-consonant lost an "e": noted -> note, hoped -> hope
        let vowel_groups =
            s.windows(2).filter(|w| !is_vowel(w[0]) && is_vowel(w[1])).count() + usize::from(is_vowel(s[0]));
        let cvc = m >= 3
            && !is_vowel(s[m - 1])
            && !matches!(s[m - 1], b'w' | b'x' | b'y')
            && is_vowel(s[m - 2])
            && !is_vowel(s[m - 3]);
        if cvc && vowel_groups == 1 {
            out.push(k, "e");
            out.push(k, "");
        } else {
            out.push(k, "");
            out.push(k, "e");
        }
        // doubled l/s/z/f after the plain stem, so only a known lemma takes
        // it: "expelled" -> "expel", "compelled" -> "compel", but "called" -> "call"
        if m >= 4 && s[m - 1] == s[m - 2] && matches!(s[m - 1], b'l' | b's' | b'z' | b'f') && is_vowel(s[m - 3]) {
            out.push(m - 1, "");
        }
    };
    if w.ends_with("ies") || w.ends_with("ied") {
        out.push(n - 3, "y");
    } else if w.ends_with("ing") {
        if n - 3 >= 2 {
            push_stem(n - 3, &mut out);
        }
    } else if w.ends_with("ed") {
        if w.ends_with("eed") {
            out.push(n - 1, "");
        }
        push_stem(n - 2, &mut out);
        out.push(n - 1, "");
    } else if let Some(stem) = w.strip_suffix("es") {
        if stem.ends_with("ss")
            || stem.ends_with("sh")
            || stem.ends_with("ch")
            || stem.ends_with('x')
            || stem.ends_with('z')
        {
            out.push(n - 2, "");
        }
        out.push(n - 1, "");
        out.push(n - 2, "");
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        out.push(n - 1, "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms() {
        let l = Lemmatizer::new([
            "provide", "impose", "call", "expel", "control", "stop", "meet", "sanction", "agree", "visit", "carry",
        ]);
        for (form, lemma) in [
            ("providing", "provide"),
            ("imposed", "impose"),
            ("called", "call"),
            ("expelled", "expel"),
            ("expelling", "expel"),
            ("controlled", "control"),
            ("stopped", "stop"),
            ("meeting", "meet"),
            ("met", "meet"),
            ("sanctions", "sanction"),
            ("agreed", "agree"),
            ("visited", "visit"),
            ("carried", "carry"),
            ("held", "hold"),
            ("discusses", "discuss"),
            ("crisis", "crisis"),
            ("noted", "note"),
            ("voted", "vote"),
            ("jailed", "jail"),
            ("opened", "open"),
        ] {
            assert_eq!(l.lemma(form, false), lemma, "{form}");
        }
        // names stay names unless they are a known inflection
        assert_eq!(l.lemma("paris", true), "paris");
    }
}
