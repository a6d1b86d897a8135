//! Bytes to text: BOMs, UTF-16, Windows-1252 fallback, binary detection.

/// Windows-1252 bytes 0x80..=0x9F. The five undefined bytes map to the C1
/// control of the same value, as WHATWG does.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2C6}', '\u{2030}',
    '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}',
    '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}',
    '\u{17E}', '\u{178}',
];

/// The character a Windows-1252 byte stands for.
pub(crate) fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// The Windows-1252 byte that decodes to `c`, if any (Latin-1 C1 controls
/// count too: some decoders produce them for 0x80..=0x9F).
pub(crate) fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    CP1252_HIGH.iter().position(|&h| h == c).map(|i| 0x80 + i as u8)
}

/// Why bytes were not decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    Empty,
}

impl DecodeError {
    pub fn message(self) -> &'static str {
        match self {
            DecodeError::Binary => "binary file, skipped",
            DecodeError::Empty => "empty file",
        }
    }
}

/// Decodes input bytes: UTF-8 (BOM stripped), UTF-16 with a BOM (or an
/// unmistakable BOM-less one), otherwise each invalid UTF-8 byte as
/// Windows-1252. Binary data and whitespace-only input are errors.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8_or_1252(rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(rest, false)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(rest, true)
    } else if let Some(big_endian) = bomless_utf16(bytes) {
        decode_utf16(bytes, big_endian)
    } else {
        if looks_binary(bytes) {
            return Err(DecodeError::Binary);
        }
        decode_utf8_or_1252(bytes)
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if looks_binary(&text.as_bytes()[..text.len().min(8192)]) {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

/// Valid UTF-8 runs as UTF-8, every invalid byte as Windows-1252. Linear.
pub(crate) fn decode_utf8_or_1252(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY-free: from_utf8 just validated this prefix.
                out.push_str(std::str::from_utf8(&bytes[..good]).unwrap_or_default());
                let bad = e.error_len().unwrap_or(bytes.len() - good).max(1);
                for &b in &bytes[good..good + bad] {
                    out.push(cp1252_char(b));
                }
                bytes = &bytes[good + bad..];
            }
        }
    }
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// BOM-less UTF-16 of mostly ASCII text: NULs in every other byte only.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul == 0 {
        Some(false)
    } else if even_nul * 10 >= pairs * 9 && odd_nul == 0 {
        Some(true)
    } else {
        None
    }
}

/// NUL bytes, or more than 10% control bytes other than tab/newline/CR/FF,
/// in the first 8 KiB.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode(b"caf\xE9 \x93ok\x94").unwrap(), "café “ok”");
        assert_eq!(decode("café ’".as_bytes()).unwrap(), "café ’");
        // mixed: valid UTF-8 plus one stray 1252 byte
        assert_eq!(decode(b"\xE2\x80\x99 x \x96 y").unwrap(), "’ x – y");
        assert_eq!(decode(b"\xFF\xFEh\x00i\x00").unwrap(), "hi");
        assert_eq!(decode(b"\xFE\xFF\x00h\x00i").unwrap(), "hi");
        assert_eq!(decode(b"h\x00e\x00l\x00l\x00o\x00").unwrap(), "hello");
        assert_eq!(decode(b"\x00\x01\x02\x03garbage\xFF\x00"), Err(DecodeError::Binary));
        assert_eq!(decode(b"  \n\t\r\n "), Err(DecodeError::Empty));
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(cp1252_byte('’'), Some(0x92));
        assert_eq!(cp1252_byte('Ã'), Some(0xC3));
        assert_eq!(cp1252_byte('Я'), None);
    }
}
