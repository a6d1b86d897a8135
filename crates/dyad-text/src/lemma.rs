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
        let candidates = candidates(lower);
        if let Some(c) = candidates.iter().find(|c| self.known.contains(c.as_str())) {
            return c.clone();
        }
        if capitalized || self.known.contains(lower) {
            return lower.to_string();
        }
        candidates.into_iter().next().unwrap_or_else(|| lower.to_string())
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Possible lemmas for a regular inflected form, the likeliest first.
fn candidates(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let push_stem = |stem: &str, out: &mut Vec<String>| {
        let s = stem.as_bytes();
        let m = s.len();
        if m < 2 {
            return;
        }
        // doubled final consonant: stopped -> stop (but not "called" -> "cal")
        if m >= 3 && s[m - 1] == s[m - 2] && !is_vowel(s[m - 1]) && !matches!(s[m - 1], b'l' | b's' | b'z' | b'f') {
            out.push(stem[..m - 1].to_string());
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
            out.push(format!("{stem}e"));
            out.push(stem.to_string());
        } else {
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
        }
    };
    if let Some(stem) = w.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = w.strip_suffix("ied") {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = w.strip_suffix("ing") {
        if stem.len() >= 2 {
            push_stem(stem, &mut out);
        }
    } else if let Some(stem) = w.strip_suffix("ed") {
        if w.ends_with("eed") {
            out.push(w[..n - 1].to_string());
        }
        push_stem(stem, &mut out);
        out.push(w[..n - 1].to_string());
    } else if let Some(stem) = w.strip_suffix("es") {
        if stem.ends_with("ss")
            || stem.ends_with("sh")
            || stem.ends_with("ch")
            || stem.ends_with('x')
            || stem.ends_with('z')
        {
            out.push(stem.to_string());
        }
        out.push(w[..n - 1].to_string());
        out.push(stem.to_string());
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        out.push(w[..n - 1].to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms() {
        let l = Lemmatizer::new([
            "provide", "impose", "call", "stop", "meet", "sanction", "agree", "visit", "carry",
        ]);
        for (form, lemma) in [
            ("providing", "provide"),
            ("imposed", "impose"),
            ("called", "call"),
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
