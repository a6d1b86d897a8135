//! Date mentions resolved against the publication date.
//!
//! "on Wednesday" is the latest Wednesday on or before publication;
//! "April 8" takes the publication year (the year before if that would put
//! it more than a week in the future). Without a publication date, a
//! missing year is inferred from the latest year the article names (a
//! story that mentions "November 2024" is not from 2019); weekdays and
//! relative words then stay unresolved (`None`), never guessed.

use chrono::{Datelike, Duration, NaiveDate};
use dyad_doc::{Doc, Mention, MentionKind, Token, TokenKind};
use dyad_lexicon::{CalendarWord, Lexicon};

/// How far before a weekday a future word ("will", "scheduled") counts.
const FUTURE_WINDOW: usize = 10;

/// The latest plausible year named in the article (1900–2100), used when
/// the publication date is unknown.
pub fn inferred_year(doc: &Doc) -> Option<i32> {
    doc.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number && t.lower.len() == 4)
        .filter_map(|t| t.lower.parse::<i32>().ok())
        .filter(|y| (1900..=2100).contains(y))
        .max()
}

fn day_number(t: &Token) -> Option<u32> {
    let digits: String = t.lower.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t.lower[digits.len()..];
    if digits.is_empty() || !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(t: Option<&Token>) -> Option<i32> {
    let t = t?;
    (t.kind == TokenKind::Number && t.lower.len() == 4)
        .then(|| t.lower.parse().ok())
        .flatten()
}

/// Adds a `Date` mention for every date expression in every sentence.
pub fn find(doc: &mut Doc, lex: &Lexicon) {
    let published = doc.article.published;
    let fallback_year = published.map(|d| d.year()).or_else(|| inferred_year(doc));
    let cal = &lex.calendar;
    let mut found = Vec::new();
    // "last week": two-word calendar phrases, built without allocating per token
    let mut pair = String::new();
    for (s, sent) in doc.sentences.iter().enumerate() {
        let toks = &doc.tokens[sent.tokens.clone()];
        let in_dateline = |t: &Token| {
            doc.article
                .dateline
                .as_ref()
                .is_some_and(|d| t.start >= d.span.start && t.end <= d.span.end)
        };
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if in_dateline(t) {
                i += 1;
                continue;
            }
            let mut hit: Option<(usize, usize, Option<NaiveDate>)> = None;
            let word = cal.get(&t.lower);
            match word {
                Some(CalendarWord::Month(m)) if t.capitalized => {
                    // "April 8", "Feb. 19, 2020", "July 7-10"
                    if let Some(d) = toks.get(i + 1).and_then(day_number) {
                        let (year, end) = match toks.get(i + 2).map(|t| t.lower.as_str()) {
                            Some(",") if year_number(toks.get(i + 3)).is_some() => {
                                (year_number(toks.get(i + 3)), i + 4)
                            }
                            _ if year_number(toks.get(i + 2)).is_some() => (year_number(toks.get(i + 2)), i + 3),
                            _ => (None, i + 2),
                        };
                        hit = Some((i, end, resolve(year, m, d, published, fallback_year)));
                    } else if i > 0 && day_number(&toks[i - 1]).is_some() {
                        // "14th October, 2020", "8 April 2024"
                        let d = day_number(&toks[i - 1]).unwrap_or(1);
                        let (year, end) = match toks.get(i + 1).map(|t| t.lower.as_str()) {
                            Some(",") if year_number(toks.get(i + 2)).is_some() => {
                                (year_number(toks.get(i + 2)), i + 3)
                            }
                            _ if year_number(toks.get(i + 1)).is_some() => (year_number(toks.get(i + 1)), i + 2),
                            _ => (None, i + 1),
                        };
                        hit = Some((i - 1, end, resolve(year, m, d, published, fallback_year)));
                    } else if i > 0
                        && matches!(
                            toks[i - 1].lower.as_str(),
                            "in" | "since" | "early" | "late" | "mid" | "last" | "this"
                        )
                    {
                        // "in July": the month, dated to its first day
                        let (year, end) = match year_number(toks.get(i + 1)) {
                            Some(y) => (Some(y), i + 2),
                            None => (None, i + 1),
                        };
                        hit = Some((i, end, resolve(year, m, 1, published, fallback_year)));
                    }
                }
                Some(CalendarWord::Weekday(w)) if t.capitalized => {
                    // "will hold an emergency meeting on Tuesday": the coming one
                    let future = toks[i.saturating_sub(FUTURE_WINDOW)..i]
                        .iter()
                        .any(|x| matches!(cal.get(&x.lower), Some(CalendarWord::Future)));
                    let date = published.map(|p| {
                        let back = (p.weekday().number_from_monday() as i64 - w as i64).rem_euclid(7);
                        if (i > 0 && toks[i - 1].lower == "next") || (future && back != 0) {
                            p + Duration::days((7 - back) % 7 + if back == 0 { 7 } else { 0 })
                        } else {
                            p - Duration::days(back)
                        }
                    });
                    hit = Some((i, i + 1, date));
                }
                Some(CalendarWord::Relative(d)) => {
                    hit = Some((i, i + 1, published.map(|p| p + Duration::days(d))));
                }
                _ => {
                    if let Some(next) = toks.get(i + 1) {
                        pair.clear();
                        pair.push_str(&t.lower);
                        pair.push(' ');
                        pair.push_str(&next.lower);
                        if let Some(CalendarWord::Week(w)) = cal.get(&pair) {
                            let date = published.map(|p| {
                                p - Duration::days(p.weekday().num_days_from_monday() as i64) + Duration::weeks(w)
                            });
                            hit = Some((i, i + 2, date));
                        }
                    }
                    // ISO 8601: 2020-10-14
                    if hit.is_none() && t.kind == TokenKind::Number && t.lower.len() == 4 {
                        let parts: Vec<&str> = toks[i..toks.len().min(i + 5)]
                            .iter()
                            .map(|t| t.lower.as_str())
                            .collect();
                        if let [y, "-", m, "-", d] = parts.as_slice() {
                            if let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) {
                                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                                    hit = Some((i, i + 5, Some(date)));
                                }
                            }
                        }
                    }
                }
            }
            match hit {
                Some((a, b, date)) => {
                    let base = sent.tokens.start;
                    found.push(Mention {
                        sentence: s,
                        tokens: base + a..base + b,
                        span: toks[a].start..toks[b - 1].end,
                        kind: MentionKind::Date(date),
                        entry: "calendar.tsv".into(),
                    });
                    i = b;
                }
                None => i += 1,
            }
        }
    }
    doc.mentions.extend(found);
}

/// A month and day with an explicit, published or inferred year.
fn resolve(
    year: Option<i32>,
    month: u32,
    day: u32,
    published: Option<NaiveDate>,
    fallback_year: Option<i32>,
) -> Option<NaiveDate> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    let y = fallback_year?;
    let date = NaiveDate::from_ymd_opt(y, month, day)?;
    match published {
        // news reports the past: a date well after publication is last year's
        Some(p) if date > p + Duration::days(7) => NaiveDate::from_ymd_opt(y - 1, month, day),
        _ => Some(date),
    }
}
