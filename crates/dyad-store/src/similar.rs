//! Near-duplicate detection: MinHash signatures over word shingles, with
//! LSH banding to find candidates, and a 64-bit content hash for exact
//! duplicates.
//!
//! Words are maximal runs of alphanumeric characters, lowercased; a shingle
//! is [`SHINGLE`] consecutive words. The signature keeps, for each of
//! [`HASHES`] hash functions, the minimum hash over the article's shingles;
//! the share of equal positions in two signatures estimates the Jaccard
//! similarity of the shingle sets. Signatures are cut into [`BANDS`] bands
//! of [`ROWS`] values; articles sharing any band bucket are candidates, and
//! a candidate whose estimate is at least [`THRESHOLD`] is a near-duplicate.
//! With 32 × 4, a pair at Jaccard 0.6 becomes a candidate with
//! probability 1 − (1 − 0.6⁴)³² ≈ 0.99.

use dyad_doc::Article;

pub const SHINGLE: usize = 4;
pub const HASHES: usize = 128;
pub const BANDS: usize = 32;
pub const ROWS: usize = HASHES / BANDS;
/// Minimum estimated Jaccard similarity of two near-duplicates.
pub const THRESHOLD: f64 = 0.6;
/// Texts with fewer words than this get no signature (too short to tell).
pub const MIN_WORDS: usize = 12;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// A strong 64-bit mixer (SplitMix64's finaliser).
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Lowercased alphanumeric words of `text`.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Hash identifying one publication: the outlet (lowercased) and the
/// article's words, so whitespace, case and punctuation changes from
/// re-scraping do not make a new article, but the same text from another
/// outlet does (it is a syndicated copy, counted as another source).
pub fn content_hash(article: &Article) -> u64 {
    let outlet = article.outlet.as_deref().unwrap_or("").trim().to_lowercase();
    let mut h = fnv1a(FNV_OFFSET, outlet.as_bytes());
    h = fnv1a(h, &[0xff]);
    for w in words(&article.text) {
        h = fnv1a(h, w.as_bytes());
        h = fnv1a(h, b" ");
    }
    mix(h)
}

/// The MinHash signature of `text`, or `None` when it has fewer than
/// [`MIN_WORDS`] words.
pub fn signature(text: &str) -> Option<Vec<u64>> {
    let w = words(text);
    if w.len() < MIN_WORDS {
        return None;
    }
    let mut sig = vec![u64::MAX; HASHES];
    let seeds: Vec<u64> = (0..HASHES as u64)
        .map(|i| mix(i.wrapping_mul(0x5851_f42d_4c95_7f2d)))
        .collect();
    for sh in w.windows(SHINGLE) {
        let mut h = FNV_OFFSET;
        for word in sh {
            h = fnv1a(h, word.as_bytes());
            h = fnv1a(h, b" ");
        }
        for (slot, seed) in sig.iter_mut().zip(&seeds) {
            let v = mix(h ^ seed);
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

/// The bucket of each band of a signature.
pub fn bands(sig: &[u64]) -> Vec<u64> {
    sig.chunks(ROWS)
        .map(|rows| rows.iter().fold(FNV_OFFSET, |h, v| mix(h ^ v)))
        .collect()
}

/// Estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn estimate(a: &[u64], b: &[u64]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// Signature as stored (little-endian u64s).
pub fn to_bytes(sig: &[u64]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn from_bytes(b: &[u8]) -> Vec<u64> {
    b.chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("chunks of 8")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russia is convinced that further cooperation with Italy will have a positive impact on \
        efforts to combat COVID-19 and other global challenges, Russian Foreign Minister Sergey Lavrov said on \
        Wednesday during a meeting with his Italian counterpart, Luigi Di Maio. The Russian foreign minister added \
        that Moscow values the continuity in relations with Rome over recent years. Di Maio earlier on Wednesday \
        attended a session of the Russian-Italian Council for Economic, Industrial and Financial Cooperation.";

    fn shingle_jaccard(a: &str, b: &str) -> f64 {
        use std::collections::HashSet;
        let set = |t: &str| -> HashSet<Vec<String>> { words(t).windows(SHINGLE).map(|w| w.to_vec()).collect() };
        let (x, y) = (set(a), set(b));
        x.intersection(&y).count() as f64 / x.union(&y).count() as f64
    }

    #[test]
    fn light_edits_stay_near_duplicates() {
        let edited = STORY
            .replace("Wednesday during", "Wednesday at")
            .replace("recent years", "the past years")
            .replace("  ", " ");
        let (a, b) = (signature(STORY).unwrap(), signature(&edited).unwrap());
        let est = estimate(&a, &b);
        let exact = shingle_jaccard(STORY, &edited);
        assert!(exact > 0.7 && exact < 1.0, "exact {exact}");
        assert!((est - exact).abs() < 0.15, "estimate {est} vs exact {exact}");
        assert!(est >= THRESHOLD);
        // and LSH makes them candidates: at least one band bucket equal
        assert!(bands(&a).iter().zip(bands(&b)).any(|(x, y)| *x == y));
    }

    #[test]
    fn different_stories_on_the_same_topic_are_not() {
        let other = "Italy's region of Liguria is seeking closer ties with Moscow at many levels and views the \
            sanctions against Russia as obstacles that need to be overcome, the region's president, Giovanni Toti, \
            said at the Russian-Italian seminar in Genoa on Friday. Russian Foreign Minister Sergey Lavrov said \
            in an interview that sanctions are having a negative impact on relations.";
        let est = estimate(&signature(STORY).unwrap(), &signature(other).unwrap());
        assert!(est < 0.2, "estimate {est}");
    }

    #[test]
    fn case_punctuation_and_spacing_do_not_change_the_content_hash_but_outlet_does() {
        let mk = |outlet: &str, text: &str| Article {
            outlet: Some(outlet.into()),
            text: text.into(),
            ..Default::default()
        };
        let a = content_hash(&mk("Sputnik", "Lavrov met Di Maio in Moscow."));
        assert_eq!(a, content_hash(&mk("sputnik ", "Lavrov  met di Maio in Moscow")));
        assert_ne!(a, content_hash(&mk("TASS", "Lavrov met Di Maio in Moscow.")));
        assert_ne!(a, content_hash(&mk("Sputnik", "Lavrov met Di Maio in Rome.")));
    }

    #[test]
    fn short_texts_get_no_signature_and_bytes_round_trip() {
        assert!(signature("Lavrov met Di Maio.").is_none());
        let s = signature(STORY).unwrap();
        assert_eq!(s.len(), HASHES);
        assert_eq!(from_bytes(&to_bytes(&s)), s);
        assert_eq!(bands(&s).len(), BANDS);
    }
}
