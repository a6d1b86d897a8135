//! Dates as machines write them (metadata) and as wire services write them
//! (datelines: "MOSCOW (UrduPoint News / Sputnik - 14th October, 2020)",
//! "BAKU, Azerbaijan, April 9.", "WASHINGTON, March 3 (Reuters) -").

use chrono::NaiveDate;
use dyad_doc::Dateline;

/// `YYYY-MM-DD`, RFC 3339 / ISO 8601 date-times (the date as written, no
/// time-zone shift), `YYYY/MM/DD`, `YYYYMMDD`, `YYYYMMDDhhmmss`.
pub fn parse_machine_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.iter().all(u8::is_ascii_digit) && (b.len() == 8 || b.len() == 14) {
        if b.len() == 14 {
            let (h, m, sec) = (num(&s[8..10])?, num(&s[10..12])?, num(&s[12..14])?);
            if h > 23 || m > 59 || sec > 60 {
                return None;
            }
        }
        return NaiveDate::from_ymd_opt(num(&s[..4])? as i32, num(&s[4..6])?, num(&s[6..8])?);
    }
    if b.len() >= 10
        && (b[4] == b'-' && b[7] == b'-' || b[4] == b'/' && b[7] == b'/')
        && [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&i| b[i].is_ascii_digit())
    {
        let rest = &s[10..];
        if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
            return None;
        }
        return NaiveDate::from_ymd_opt(num(&s[..4])? as i32, num(&s[5..7])?, num(&s[8..10])?);
    }
    None
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name or its usual abbreviation ("Feb", "Sept"), any case.
fn month(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() <= 4 && m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
}

/// Byte length of the ASCII-alphabetic run at the start of `s`.
fn alpha_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_alphabetic).count()
}

fn digit_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// A month at the start of `s` ("October", "Feb."): month and bytes used.
fn month_at(s: &str) -> Option<(u32, usize)> {
    let n = alpha_len(s);
    let m = month(&s[..n])?;
    // "Feb." keeps its period; a full name's period ends the sentence.
    let used = if s[n..].starts_with('.') && n <= 4 { n + 1 } else { n };
    Some((m, used))
}

/// A day of the month ("9", "14th", "21st") at the start of `s`.
fn day_at(s: &str) -> Option<(u32, usize)> {
    let n = digit_len(s);
    if n == 0 || n > 2 {
        return None;
    }
    let d: u32 = s[..n].parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let suffix = ["st", "nd", "rd", "th"]
        .iter()
        .find(|x| s[n..].get(..2).is_some_and(|y| y.eq_ignore_ascii_case(x)))
        .map_or(0, |_| 2);
    if s[n + suffix..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((d, n + suffix))
}

/// A year ("2020") after `, ` or ` ` at the start of `s`.
fn year_after(s: &str) -> Option<(i32, usize)> {
    let sep = if s.starts_with(", ") {
        2
    } else if s.starts_with(' ') {
        1
    } else {
        return None;
    };
    let n = digit_len(&s[sep..]);
    if n != 4 || s[sep + n..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((s[sep..sep + n].parse().ok()?, sep + n))
}

/// A written date at the start of `s`: "April 9", "Feb. 28, 2020",
/// "14th October, 2020", "21 February 2020". The date is `None` without a
/// year; the second value is the bytes used.
pub(crate) fn written_date_at(s: &str) -> Option<(Option<NaiveDate>, usize)> {
    let (m, d, mut used) = if let Some((m, n)) = month_at(s) {
        let sp = s[n..].len() - s[n..].trim_start_matches(' ').len();
        if sp == 0 {
            return None;
        }
        let (d, k) = day_at(&s[n + sp..])?;
        (m, d, n + sp + k)
    } else {
        let (d, n) = day_at(s)?;
        if !s[n..].starts_with(' ') {
            return None;
        }
        let (m, k) = month_at(&s[n + 1..])?;
        (m, d, n + 1 + k)
    };
    let mut date = None;
    if let Some((y, k)) = year_after(&s[used..]) {
        date = NaiveDate::from_ymd_opt(y, m, d);
        used += k;
    }
    Some((date, used))
}

/// A capitalised word at the start of `s` (letters, `.`, `'`, `-`): bytes used.
fn cap_word(s: &str) -> Option<usize> {
    if !s.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let n = s
        .char_indices()
        .find(|(_, c)| !(c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')))
        .map_or(s.len(), |(i, _)| i);
    Some(n)
}

/// 1..=max capitalised words separated by single spaces: bytes used.
fn cap_words(s: &str, max: usize) -> Option<usize> {
    let mut used = cap_word(s)?;
    for _ in 1..max {
        match s[used..].strip_prefix(' ').and_then(cap_word) {
            Some(n) => used += 1 + n,
            None => break,
        }
    }
    Some(used)
}

/// A dash or colon ending a dateline (with the spaces before it): bytes used.
fn dash_at(s: &str) -> Option<usize> {
    let t = s.trim_start_matches(' ');
    let sp = s.len() - t.len();
    for d in ["--", "—", "–", "-", ":"] {
        if let Some(rest) = t.strip_prefix(d) {
            if d == "-" && !rest.starts_with(' ') {
                return None;
            }
            return Some(sp + d.len());
        }
    }
    None
}

/// `(Source)` or `(Source - date)` at the start of `s`: bytes used and the
/// date written inside, if any.
fn paren_at(s: &str) -> Option<(usize, Option<NaiveDate>, usize)> {
    let inner_end = s.strip_prefix('(')?.find(')')?;
    if inner_end == 0 || inner_end > 100 {
        return None;
    }
    let inner = &s[1..1 + inner_end];
    let words = inner.split_whitespace().count();
    let mut date = None;
    for (i, _) in inner.char_indices() {
        if i == 0 || inner[..i].ends_with([' ', '/', '-']) {
            if let Some((d, used)) = written_date_at(&inner[i..]) {
                if inner[i + used..].trim().is_empty() {
                    date = d;
                    break;
                }
            }
        }
    }
    Some((inner_end + 2, date, words))
}

/// The dateline at the start of paragraph `p`, span relative to `p`.
pub(crate) fn dateline_at(p: &str) -> Option<Dateline> {
    let p = &p[..crate::floor_char_boundary(p, 240)];
    let mut i = cap_words(p, 4)?;
    // "SEOUL/TOKYO", "ISLAMABAD/NEW DELHI": a story filed from several cities
    // names the first as its place
    let first_city = i;
    while let Some(n) = p[i..].strip_prefix('/').and_then(|r| cap_words(r, 4)) {
        i += 1 + n;
    }
    let first = &p[..i];
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    let allcaps = letters >= 2 && !first.chars().any(char::is_lowercase);
    let mut place_end = i;
    let mut found_date: Option<Option<NaiveDate>> = None;
    for _ in 0..3 {
        let Some(rest) = p[i..].strip_prefix(", ") else {
            break;
        };
        if let Some((d, used)) = written_date_at(rest) {
            found_date = Some(d);
            i += 2 + used;
            break;
        }
        match cap_words(rest, 3) {
            Some(n) if month_at(rest).is_none() => {
                i += 2 + n;
                place_end = i;
            }
            _ => break,
        }
    }
    // Region words may have swallowed a trailing period ("Calif.").
    let place = if place_end == first.len() && first_city < first.len() {
        p[..first_city].to_string()
    } else {
        p[..place_end].to_string()
    };
    let mut date = found_date.flatten();
    let after_space = if p[i..].starts_with(" (") { i + 1 } else { i };
    if let Some((used, d, words)) = paren_at(&p[after_space..]) {
        i = after_space + used;
        date = date.or(d);
        let dash = dash_at(&p[i..]);
        if let Some(n) = dash {
            i += n;
        }
        let next_upper = p[i..]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“');
        let ok = dash.is_some() || d.is_some() || found_date.is_some() || (allcaps && words <= 3 && next_upper);
        if !ok {
            return None;
        }
    } else if found_date.is_some() {
        if let Some(n) = dash_at(&p[i..]) {
            i += n;
        } else if allcaps && p[i..].starts_with('.') {
            i += 1;
        } else {
            return None;
        }
    } else if allcaps && place_end == i {
        let n = dash_at(&p[i..])?;
        if p[i..i + n].ends_with(':') {
            return None;
        }
        i += n;
    } else {
        return None;
    }
    if !(p[i..].is_empty() || p[i..].starts_with(char::is_whitespace)) {
        return None;
    }
    Some(Dateline {
        place,
        date,
        span: 0..i,
    })
}

/// The dateline in one of the first paragraphs of cleaned `text`.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    let mut start = 0;
    for para in text.split("\n\n").take(4) {
        if let Some(mut d) = dateline_at(para) {
            d.span = start + d.span.start..start + d.span.end;
            return Some(d);
        }
        start += para.len() + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn machine_dates() {
        assert_eq!(parse_machine_date("2020-10-14"), ymd(2020, 10, 14));
        assert_eq!(parse_machine_date("2020-10-14T16:58:00+05:00"), ymd(2020, 10, 14));
        assert_eq!(parse_machine_date("20201014"), ymd(2020, 10, 14));
        assert_eq!(parse_machine_date("20201014165800"), ymd(2020, 10, 14));
        assert_eq!(parse_machine_date("20201014996600"), None);
        assert_eq!(parse_machine_date("2020-13-14"), None);
        assert_eq!(parse_machine_date("14/10/2020"), None);
        assert_eq!(parse_machine_date("2020-10-14x"), None);
    }

    #[test]
    fn written_dates() {
        assert_eq!(written_date_at("14th October, 2020)"), Some((ymd(2020, 10, 14), 18)));
        assert_eq!(written_date_at("April 9. Another"), Some((None, 7)));
        assert_eq!(written_date_at("Feb. 28, 2020 (Xinhua)"), Some((ymd(2020, 2, 28), 13)));
        assert_eq!(written_date_at("21 February 2020"), Some((ymd(2020, 2, 21), 16)));
        assert_eq!(written_date_at("Azerbaijan, April 9."), None);
        assert_eq!(written_date_at("Mayor Smith"), None);
    }

    fn dl(p: &str) -> Option<(String, Option<NaiveDate>, String)> {
        dateline_at(p).map(|d| (d.place, d.date, p[d.span].to_string()))
    }

    #[test]
    fn dateline_forms() {
        let s = |x: &str| x.to_string();
        assert_eq!(
            dl("MOSCOW (UrduPoint News / Sputnik - 14th October, 2020) Russia is convinced"),
            Some((
                s("MOSCOW"),
                ymd(2020, 10, 14),
                s("MOSCOW (UrduPoint News / Sputnik - 14th October, 2020)")
            ))
        );
        assert_eq!(
            dl("BAKU, Azerbaijan, April 9. Another round"),
            Some((s("BAKU, Azerbaijan"), None, s("BAKU, Azerbaijan, April 9.")))
        );
        assert_eq!(
            dl("ROME (Sputnik) — Rome calls"),
            Some((s("ROME"), None, s("ROME (Sputnik) —")))
        );
        assert_eq!(
            dl("WASHINGTON, March 3 (Reuters) - The U.S."),
            Some((s("WASHINGTON"), None, s("WASHINGTON, March 3 (Reuters) -")))
        );
        assert_eq!(
            dl("KYIV, Ukraine (AP) — Russian"),
            Some((s("KYIV, Ukraine"), None, s("KYIV, Ukraine (AP) —")))
        );
        assert_eq!(
            dl("BEIJING, Feb. 28, 2020 (Xinhua) -- China"),
            Some((s("BEIJING"), ymd(2020, 2, 28), s("BEIJING, Feb. 28, 2020 (Xinhua) --")))
        );
        assert_eq!(
            dl("NEW YORK — Stocks fell"),
            Some((s("NEW YORK"), None, s("NEW YORK —")))
        );
        assert_eq!(
            dl("SEOUL/TOKYO, Oct 4 (Reuters) - North Korea"),
            Some((s("SEOUL"), None, s("SEOUL/TOKYO, Oct 4 (Reuters) -")))
        );
        assert_eq!(
            dl("ISLAMABAD/NEW DELHI (Reuters) - Pakistan"),
            Some((s("ISLAMABAD"), None, s("ISLAMABAD/NEW DELHI (Reuters) -")))
        );
        // not datelines
        assert_eq!(dl("NATO (North Atlantic Treaty Organization) said on"), None);
        assert_eq!(dl("Lavrov Calls for Strengthening of Russia-Italy Cooperation"), None);
        assert_eq!(
            dl("Italian Defense Minister Calls for Russia-US Thaw, Joint Anti-Terror Front"),
            None
        );
        assert_eq!(dl("The Italian defense minister called for a front."), None);
        assert_eq!(dl("UN (United Nations) chief said"), None);
        assert_eq!(dl("Moscow, October 14, 2020. Russia said"), None);
    }
}
