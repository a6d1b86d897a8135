//! Cleaned-text byte offsets back to original-text character offsets.

/// One run of cleaned text: either copied verbatim from the original, or
/// written by the cleaner in place of `orig_len` original characters (an
/// HTML entity, a repaired mojibake sequence, a paragraph break).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    clean_start: usize,
    orig_start: usize,
    orig_len: usize,
    verbatim: bool,
}

/// Maps byte offsets in cleaned text to character offsets in the original.
///
/// Invariant: segments are sorted by `clean_start` and cover the cleaned
/// text from byte 0 without gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    /// The identity map for a text that needed no cleaning.
    pub fn identity() -> Self {
        OffsetMap {
            segments: vec![Segment {
                clean_start: 0,
                orig_start: 0,
                orig_len: usize::MAX,
                verbatim: true,
            }],
        }
    }

    fn segment(&self, byte: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.clean_start <= byte);
        i.checked_sub(1).map(|i| &self.segments[i])
    }

    /// Original character offset where the cleaned character at `byte` came from.
    pub fn to_original(&self, clean: &str, byte: usize) -> usize {
        match self.segment(byte) {
            None => 0,
            Some(s) if s.verbatim => s.orig_start + char_count(clean, s.clean_start, byte),
            Some(s) => s.orig_start,
        }
    }

    /// Original character offset just past the cleaned character that ends at `byte`.
    pub fn to_original_end(&self, clean: &str, byte: usize) -> usize {
        if byte == 0 {
            return 0;
        }
        let mut last = byte.min(clean.len()) - 1;
        while last > 0 && !clean.is_char_boundary(last) {
            last -= 1;
        }
        match self.segment(last) {
            None => 0,
            Some(s) if s.verbatim => s.orig_start + char_count(clean, s.clean_start, last) + 1,
            Some(s) => s.orig_start + s.orig_len,
        }
    }
}

fn char_count(text: &str, from: usize, to: usize) -> usize {
    let to = to.min(text.len());
    if from >= to {
        return 0;
    }
    text.get(from..to).map_or(to - from, |s| s.chars().count())
}

/// Builds cleaned text and its [`OffsetMap`] together, so the two cannot drift.
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    map: OffsetMap,
}

impl TextBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `s`, a verbatim copy of the original starting at character `orig_start`.
    pub fn push_original(&mut self, s: &str, orig_start: usize) {
        if s.is_empty() {
            return;
        }
        let clean_start = self.text.len();
        let extends = self.map.segments.last().is_some_and(|last| {
            last.verbatim && last.orig_start + char_count(&self.text, last.clean_start, clean_start) == orig_start
        });
        if !extends {
            self.map.segments.push(Segment {
                clean_start,
                orig_start,
                orig_len: 0,
                verbatim: true,
            });
        }
        self.text.push_str(s);
    }

    /// Appends `s` written by the cleaner in place of `orig_len` original
    /// characters starting at `orig_start` (0 for pure insertions).
    pub fn push_replacement(&mut self, s: &str, orig_start: usize, orig_len: usize) {
        if s.is_empty() {
            return;
        }
        self.map.segments.push(Segment {
            clean_start: self.text.len(),
            orig_start,
            orig_len,
            verbatim: false,
        });
        self.text.push_str(s);
    }

    pub fn ends_with(&self, pat: &str) -> bool {
        self.text.ends_with(pat)
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn finish(self) -> (String, OffsetMap) {
        (self.text, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_survive_removed_noise_and_replacements() {
        // Original: "A&amp;B «noise» Пу C"
        let original = "A&amp;B «noise» Пу C";
        let mut b = TextBuilder::new();
        b.push_original("A", 0);
        b.push_replacement("&", 1, 5);
        b.push_original("B ", 6);
        // skip "«noise» " (8 chars: 6..16 -> chars 8..16)
        b.push_original("Пу C", 16);
        let (text, map) = b.finish();
        assert_eq!(text, "A&B Пу C");
        let orig: Vec<char> = original.chars().collect();
        // "Пу" in clean text
        let start = text.find("Пу").unwrap();
        let end = start + "Пу".len();
        let s = map.to_original(&text, start);
        let e = map.to_original_end(&text, end);
        assert_eq!(orig[s..e].iter().collect::<String>(), "Пу");
        // "&" maps to the whole entity
        assert_eq!(
            orig[map.to_original(&text, 1)..map.to_original_end(&text, 2)]
                .iter()
                .collect::<String>(),
            "&amp;"
        );
        // "C" at the end
        let c = text.find('C').unwrap();
        assert_eq!(orig[map.to_original(&text, c)], 'C');
    }

    #[test]
    fn identity_map_counts_chars() {
        let text = "é a";
        let m = OffsetMap::identity();
        assert_eq!(m.to_original(text, 3), 2);
        assert_eq!(m.to_original_end(text, 2), 1);
    }
}
