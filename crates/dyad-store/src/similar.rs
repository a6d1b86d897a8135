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
#[inline(always)]
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

/// The words of a text as hashed: each lowercased word followed by one
/// space, in one buffer, with the offset where each word starts. Built
/// once per article for both the content hash and the signature; the bytes
/// are exactly those of [`words`] joined with spaces.
pub struct Normalized {
    bytes: Vec<u8>,
    starts: Vec<usize>,
}

impl Normalized {
    pub fn new(text: &str) -> Normalized {
        let mut n = Normalized {
            bytes: Vec::with_capacity(text.len() + 16),
            starts: Vec::with_capacity(text.len() / 5 + 1),
        };
        for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            n.starts.push(n.bytes.len());
            if w.is_ascii() {
                n.bytes.extend(w.bytes().map(|b| b.to_ascii_lowercase()));
            } else {
                // `str::to_lowercase` on the word, as in `words` (final sigma included)
                n.bytes.extend_from_slice(w.to_lowercase().as_bytes());
            }
            n.bytes.push(b' ');
        }
        n
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Words `i..j`, each followed by a space.
    fn span(&self, i: usize, j: usize) -> &[u8] {
        let end = self.starts.get(j).copied().unwrap_or(self.bytes.len());
        &self.bytes[self.starts[i]..end]
    }
}

/// Hash identifying one publication: the outlet (lowercased) and the
/// article's words, so whitespace, case and punctuation changes from
/// re-scraping do not make a new article, but the same text from another
/// outlet does (it is a syndicated copy, counted as another source).
pub fn content_hash(article: &Article) -> u64 {
    content_hash_of(article, &Normalized::new(&article.text))
}

/// [`content_hash`] with the article's words already normalised.
pub fn content_hash_of(article: &Article, words: &Normalized) -> u64 {
    let outlet = article.outlet.as_deref().unwrap_or("").trim().to_lowercase();
    let mut h = fnv1a(FNV_OFFSET, outlet.as_bytes());
    h = fnv1a(h, &[0xff]);
    h = fnv1a(h, &words.bytes);
    mix(h)
}

/// The MinHash signature of `text`, or `None` when it has fewer than
/// [`MIN_WORDS`] words.
pub fn signature(text: &str) -> Option<Vec<u64>> {
    signature_of(&Normalized::new(text))
}

/// The seed of each hash function.
fn seeds() -> &'static [u64; HASHES] {
    static SEEDS: std::sync::OnceLock<[u64; HASHES]> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| std::array::from_fn(|i| mix((i as u64).wrapping_mul(0x5851_f42d_4c95_7f2d))))
}

/// [`signature`] of already normalised words.
pub fn signature_of(words: &Normalized) -> Option<Vec<u64>> {
    if words.len() < MIN_WORDS {
        return None;
    }
    let hashes: Vec<u64> = (0..=words.len() - SHINGLE)
        .map(|i| fnv1a(FNV_OFFSET, words.span(i, i + SHINGLE)))
        .collect();
    let mut sig = [u64::MAX; HASHES];
    min_hashes(&hashes, seeds(), &mut sig);
    Some(sig.to_vec())
}

/// For each seed, the minimum of `mix(h ^ seed)` over `hashes` (the hot
/// loop of MinHash: 128 mixes per shingle). Written so the compiler
/// vectorises it; on x86-64 with AVX-512 (detected at run time) the same
/// code is compiled for 8 lanes of 64-bit multiplies. Same result either way.
fn min_hashes(hashes: &[u64], seeds: &[u64; HASHES], sig: &mut [u64; HASHES]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") && std::arch::is_x86_feature_detected!("avx512dq") {
            // SAFETY: the CPU has the features the function is compiled for (checked just above).
            unsafe { min_hashes_avx512(hashes, seeds, sig) };
            return;
        }
    }
    min_hashes_generic(hashes, seeds, sig);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn min_hashes_avx512(hashes: &[u64], seeds: &[u64; HASHES], sig: &mut [u64; HASHES]) {
    min_hashes_generic(hashes, seeds, sig);
}

#[inline(always)]
fn min_hashes_generic(hashes: &[u64], seeds: &[u64; HASHES], sig: &mut [u64; HASHES]) {
    for &h in hashes {
        for (slot, seed) in sig.iter_mut().zip(seeds) {
            *slot = (*slot).min(mix(h ^ seed));
        }
    }
}

/// The bucket of each band of a signature.
pub fn bands(sig: &[u64]) -> Vec<u64> {
    sig.chunks(ROWS)
        .map(|rows| rows.iter().fold(FNV_OFFSET, |h, v| mix(h ^ v)))
        .collect()
}

/// The LSH keys of a signature as stored in the `lsh` table: each band's
/// bucket with its low bits replaced by the band number, so one indexed
/// column holds both and a bucket of one band never meets another band's.
pub fn band_keys(sig: &[u64]) -> Vec<i64> {
    const { assert!(BANDS <= 32, "band numbers must fit the 5 low bits of a key") };
    bands(sig)
        .into_iter()
        .enumerate()
        .map(|(band, bucket)| ((bucket & !31) | band as u64) as i64)
        .collect()
}

/// Estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn estimate(a: &[u64], b: &[u64]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// [`estimate`] against a signature as stored (see [`to_bytes`]).
pub fn estimate_bytes(a: &[u64], b: &[u8]) -> f64 {
    if b.len() != a.len() * 8 || a.is_empty() {
        return 0.0;
    }
    let equal = a
        .iter()
        .zip(b.chunks_exact(8))
        .filter(|(x, y)| x.to_le_bytes() == **y)
        .count();
    equal as f64 / a.len() as f64
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

    /// The reference: what `content_hash` and `signature` computed before
    /// they shared one normalised buffer (stored hashes and signatures must
    /// not change).
    fn reference(outlet: &str, text: &str) -> (u64, Option<Vec<u64>>) {
        let w = words(text);
        let mut h = fnv1a(FNV_OFFSET, outlet.trim().to_lowercase().as_bytes());
        h = fnv1a(h, &[0xff]);
        for word in &w {
            h = fnv1a(h, word.as_bytes());
            h = fnv1a(h, b" ");
        }
        let sig = (w.len() >= MIN_WORDS).then(|| {
            let mut sig = vec![u64::MAX; HASHES];
            for sh in w.windows(SHINGLE) {
                let mut h = FNV_OFFSET;
                for word in sh {
                    h = fnv1a(h, word.as_bytes());
                    h = fnv1a(h, b" ");
                }
                for (i, slot) in sig.iter_mut().enumerate() {
                    let v = mix(h ^ mix((i as u64).wrapping_mul(0x5851_f42d_4c95_7f2d)));
                    *slot = (*slot).min(v);
                }
            }
            sig
        });
        (mix(h), sig)
    }

    #[test]
    fn hashes_and_signatures_are_those_of_the_word_by_word_reference() {
        let texts = [
            STORY.to_string(),
            // non-ASCII words: final sigma, sharp s, dotted capital I, digits in other scripts
            format!("{STORY} ΟΔΥΣΣΕΥΣ Straße İstanbul ١٢٣ Ærø MÜNCHEN"),
            "Ein Treffen in MÜNCHEN: die Außenminister sprachen über Zölle, Öl und Gas, über İzmir und Ἀθῆναι."
                .repeat(3),
            "too short".into(),
        ];
        for text in &texts {
            let article = Article {
                outlet: Some(" Sputnik ".into()),
                text: text.clone(),
                ..Default::default()
            };
            let (hash, sig) = reference(" Sputnik ", text);
            assert_eq!(content_hash(&article), hash, "{text}");
            assert_eq!(signature(text), sig, "{text}");
        }
    }

    #[test]
    fn the_vectorised_minimum_equals_the_plain_loop() {
        let hashes: Vec<u64> = (0..500u64).map(|i| mix(i * 7 + 3)).collect();
        let mut fast = [u64::MAX; HASHES];
        min_hashes(&hashes, seeds(), &mut fast);
        let mut plain = [u64::MAX; HASHES];
        for &h in &hashes {
            for (slot, seed) in plain.iter_mut().zip(seeds()) {
                *slot = (*slot).min(mix(h ^ seed));
            }
        }
        assert_eq!(fast, plain);
    }

    #[test]
    fn band_keys_keep_the_band_in_the_low_bits() {
        let s = signature(STORY).unwrap();
        let keys = band_keys(&s);
        assert_eq!(keys.len(), BANDS);
        for (band, (key, bucket)) in keys.iter().zip(bands(&s)).enumerate() {
            assert_eq!(*key as u64 & 31, band as u64);
            assert_eq!(*key as u64 >> 5, bucket >> 5);
        }
        assert_eq!(estimate_bytes(&s, &to_bytes(&s)), 1.0);
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
