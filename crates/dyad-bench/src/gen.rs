//! Synthetic wire stories for benchmarks: deterministic for a seed, any
//! number of them, built from the same dictionaries the coder reads.
//!
//! A story has a headline, a dateline (`MOSCOW, Oct. 14 (Outlet) - `), a
//! lead sentence with an event, and paragraphs mixing more events,
//! background sentences and quotes, with scraping-noise lines (from
//! `dict/noise.txt`) between paragraphs now and then. Countries,
//! adjectives and capitals come from `dict/countries.tsv`; office-holders
//! (in office on the story's date) from `dict/people.tsv`; agents from
//! `dict/agents.tsv`; event phrases are rendered from the patterns of
//! `dict/events.txt`, so most stories produce coded events. The sentence
//! frames and other building blocks are in `data/stories.txt`.

use crate::rng::Rng;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::HashMap;

const COUNTRIES: &str = include_str!("../../../dict/countries.tsv");
const PEOPLE: &str = include_str!("../../../dict/people.tsv");
const AGENTS: &str = include_str!("../../../dict/agents.tsv");
const EVENTS: &str = include_str!("../../../dict/events.txt");
const LEMMAS: &str = include_str!("../../../dict/lemmas.tsv");
const NOISE: &str = include_str!("../../../dict/noise.txt");
const STORIES: &str = include_str!("../data/stories.txt");

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub id: String,
    pub date: NaiveDate,
    pub outlet: String,
    pub title: String,
    pub url: String,
    /// Dateline and body, paragraphs separated by blank lines.
    pub text: String,
}

impl Story {
    /// One JSON Lines record as `dyad code` reads it (with a newline).
    pub fn to_jsonl(&self) -> String {
        let v = serde_json::json!({
            "id": self.id,
            "title": self.title,
            "date": self.date.to_string(),
            "source": self.outlet,
            "url": self.url,
            "text": self.text,
        });
        let mut s = v.to_string();
        s.push('\n');
        s
    }

    /// A plain-text article file: ` date YYYY-MM-DD OUTLET`, headline, body.
    pub fn to_text(&self) -> String {
        format!(" date {} {}\n{}\n\n{}\n", self.date, self.outlet, self.title, self.text)
    }
}

struct Country {
    code: String,
    name: String,
    adj: String,
    capital: String,
}

struct Person {
    name: String,
    role: String,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
enum Elem {
    Word(Vec<String>, bool),
    Skip,
    Source,
    Target(bool),
}

/// The generator: dictionaries parsed once, then [`Generator::story`] per article.
pub struct Generator {
    rng: Rng,
    seed: u64,
    n: u64,
    countries: Vec<Country>,
    /// Office-holders by country code.
    people: HashMap<String, Vec<Person>>,
    agents: Vec<String>,
    patterns: Vec<Vec<Elem>>,
    past: HashMap<String, String>,
    noise: Vec<String>,
    blocks: HashMap<String, Vec<String>>,
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

fn sections(text: &str) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut current = String::new();
    for l in data_lines(text) {
        if let Some(name) = l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_string();
        } else {
            out.entry(current.clone()).or_default().push(l.trim().to_string());
        }
    }
    out
}

fn parse_pattern(p: &str) -> Vec<Elem> {
    p.split_whitespace()
        .map(|raw| match raw {
            "*" => Elem::Skip,
            "SOURCE" | "SOURCE?" => Elem::Source,
            "TARGET" => Elem::Target(false),
            "TARGET?" => Elem::Target(true),
            w => {
                let (w, optional) = w.strip_suffix('?').map_or((w, false), |w| (w, true));
                Elem::Word(
                    w.split('|').filter(|a| !a.is_empty()).map(str::to_string).collect(),
                    optional,
                )
            }
        })
        .collect()
}

/// A pattern whose first element is a word is read as "SOURCE verb ...";
/// words shaped like adjectives or negations are not verbs, and such
/// patterns are left out (the generator needs no part-of-speech data).
fn verb_initial(elems: &[Elem]) -> bool {
    match elems.first() {
        Some(Elem::Word(alts, false)) => alts.iter().all(|w| {
            w.len() > 2
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !["ent", "ive", "al", "ic", "ous", "ful", "ble", "ary"]
                    .iter()
                    .any(|s| w.ends_with(s))
        }),
        _ => false,
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if i == 0 || w.len() > 3 => f.to_uppercase().chain(c).collect(),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

const MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Generator {
    pub fn new(seed: u64) -> Self {
        let countries: Vec<Country> = data_lines(COUNTRIES)
            .filter_map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                let adj = c.get(4)?.split(';').next()?.trim();
                let capital = c.get(5)?.trim();
                (!adj.is_empty() && !capital.is_empty()).then(|| Country {
                    code: c[0].to_string(),
                    name: c[2].to_string(),
                    adj: adj.to_string(),
                    capital: capital.to_string(),
                })
            })
            .collect();
        let mut people: HashMap<String, Vec<Person>> = HashMap::new();
        for l in data_lines(PEOPLE) {
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() < 7 {
                continue;
            }
            let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
            people.entry(c[2].to_string()).or_default().push(Person {
                name: c[0].to_string(),
                role: c[4].to_string(),
                start: date(c[5]),
                end: date(c[6]),
            });
        }
        let agents = data_lines(AGENTS)
            .filter_map(|l| l.split('\t').next())
            .filter(|a| {
                a.split(' ').count() <= 2 && !a.ends_with('s') && a.chars().all(|c| c.is_ascii_lowercase() || c == ' ')
            })
            .map(str::to_string)
            .collect();
        let patterns = data_lines(EVENTS)
            .filter_map(|l| l.split(" #").next()?.split('\t').nth(1))
            .map(parse_pattern)
            .filter(|p| verb_initial(p))
            .collect();
        // the irregular past: the first listed form that is not -s or -ing
        let mut past = HashMap::new();
        for l in data_lines(LEMMAS) {
            let mut c = l.split('\t');
            let (Some(lemma), Some(forms)) = (c.next(), c.next()) else {
                continue;
            };
            if let Some(f) = forms
                .split(';')
                .find(|f| !f.ends_with('s') && !f.ends_with("ing") && !f.starts_with('\'') && !f.is_empty())
            {
                past.insert(lemma.to_string(), f.to_string());
            }
        }
        let noise = data_lines(NOISE)
            .filter_map(|l| l.strip_prefix("line"))
            .map(str::trim)
            .filter(|l| !l.contains('<') && !l.is_empty())
            .map(str::to_string)
            .collect();
        Generator {
            rng: Rng::new(seed),
            seed,
            n: 0,
            countries,
            people,
            agents,
            patterns,
            past,
            noise,
            blocks: sections(STORIES),
        }
    }

    fn block(&mut self, name: &str) -> String {
        let items = &self.blocks[name];
        items[self.rng.below(items.len())].clone()
    }

    fn past_tense(&self, w: &str) -> String {
        if let Some(p) = self.past.get(w) {
            return p.clone();
        }
        let b = w.as_bytes();
        let n = b.len();
        let vowel = |c: u8| b"aeiou".contains(&c);
        if w.ends_with('e') {
            format!("{w}d")
        } else if w.ends_with('y') && n > 1 && !vowel(b[n - 2]) {
            format!("{}ied", &w[..n - 1])
        } else if (3..=4).contains(&n)
            && !vowel(b[n - 1])
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
            && !b"wxy".contains(&b[n - 1])
        {
            format!("{w}{}ed", b[n - 1] as char)
        } else {
            format!("{w}ed")
        }
    }

    fn person_in_office(&mut self, code: &str, date: NaiveDate) -> Option<String> {
        let people = self.people.get(code)?;
        let serving: Vec<&Person> = people
            .iter()
            .filter(|p| p.start.is_none_or(|s| s <= date) && p.end.is_none_or(|e| e > date))
            .collect();
        if serving.is_empty() {
            return None;
        }
        let p = serving[self.rng.below(serving.len())];
        let c = self.countries.iter().find(|c| c.code == code)?;
        Some(format!("{} {} {}", c.adj, title_case(&p.role), p.name))
    }

    /// An actor phrase for country `c`: its name, capital, "the ADJ agent",
    /// or an office-holder with title.
    fn actor(&mut self, c: usize, date: NaiveDate) -> String {
        match self.rng.below(5) {
            0 | 1 => self.countries[c].name.clone(),
            2 => self.countries[c].capital.clone(),
            3 => {
                let agent = self.rng.pick(&self.agents).clone();
                format!("the {} {agent}", self.countries[c].adj)
            }
            _ => {
                let code = self.countries[c].code.clone();
                self.person_in_office(&code, date)
                    .unwrap_or_else(|| self.countries[c].name.clone())
            }
        }
    }

    /// "SOURCE verb-ed ... TARGET ..." from a random event pattern.
    fn event_clause(&mut self, src: String, tgt: String) -> String {
        let pattern = self.patterns[self.rng.below(self.patterns.len())].clone();
        let mut words = Vec::new();
        if !pattern.iter().any(|e| matches!(e, Elem::Source)) {
            words.push(src.clone());
        }
        let mut first_word = true;
        for e in &pattern {
            match e {
                Elem::Word(alts, optional) => {
                    if *optional && self.rng.chance(0.5) {
                        continue;
                    }
                    let w = self.rng.pick(alts).clone();
                    if first_word {
                        words.push(self.past_tense(&w));
                    } else {
                        words.push(w);
                    }
                    first_word = false;
                }
                Elem::Skip => {
                    if self.rng.chance(0.4) {
                        let f = self.block("filler");
                        words.push(f);
                    }
                }
                Elem::Source => words.push(src.clone()),
                Elem::Target(optional) => {
                    if !*optional || self.rng.chance(0.8) {
                        words.push(tgt.clone());
                    }
                }
            }
        }
        words.join(" ")
    }

    fn fill(&mut self, frame: &str, slots: &Slots) -> String {
        let mut out = String::with_capacity(frame.len() + 64);
        let mut rest = frame;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let Some(j) = rest[i..].find('}') else { break };
            let name = &rest[i + 1..i + j];
            let value = match name {
                "E" => slots.event.clone(),
                "DAY" => slots.day.to_string(),
                "CAPITAL" => self.countries[slots.other].capital.clone(),
                "COUNTRY" => self.countries[slots.main].name.clone(),
                "ADJ" => self.countries[slots.other].adj.clone(),
                "PERSON" => slots.person.clone(),
                "SURNAME" => slots.surname.clone(),
                "NUM" => self.rng.range(2, 950).to_string(),
                "QUOTE" => self.block("quote"),
                "OUTLET" => self.block("outlet"),
                "MONTH" => MONTH_NAMES[self.rng.below(12)].to_string(),
                _ => format!("{{{name}}}"),
            };
            out.push_str(&value);
            rest = &rest[i + j + 1..];
        }
        out.push_str(rest);
        capitalize(&out)
    }

    fn event_sentence(&mut self, slots: &mut Slots, date: NaiveDate) -> (String, String) {
        let (a, b) = if self.rng.chance(0.6) {
            (slots.main, slots.other)
        } else {
            (slots.other, slots.main)
        };
        let src = if a == slots.main && self.rng.chance(0.5) {
            slots.person.clone()
        } else {
            self.actor(a, date)
        };
        let tgt = self.actor(b, date);
        let clause = self.event_clause(src, tgt);
        slots.event = clause.clone();
        let frame = self.block("event");
        (self.fill(&frame, slots), clause)
    }

    /// The next story.
    pub fn story(&mut self) -> Story {
        self.n += 1;
        let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
        let date = start + Duration::days(self.rng.below(3650) as i64);
        let main = self.rng.below(self.countries.len());
        let mut other = self.rng.below(self.countries.len());
        if other == main {
            other = (other + 1) % self.countries.len();
        }
        let code = self.countries[main].code.clone();
        let person = self
            .person_in_office(&code, date)
            .unwrap_or_else(|| format!("the {} foreign minister", self.countries[main].adj));
        let surname = match person.starts_with("the ") {
            true => "The minister".to_string(),
            false => person.rsplit(' ').next().unwrap_or_default().to_string(),
        };
        let mut slots = Slots {
            main,
            other,
            person,
            surname,
            event: String::new(),
            day: WEEKDAYS[date.weekday().num_days_from_monday() as usize],
        };
        let outlet = self.block("outlet");
        let (lead, clause) = self.event_sentence(&mut slots, date);
        let title = title_case(&clause);
        let mut text = format!(
            "{}, {} {} ({outlet}) - {lead}",
            self.countries[main].capital.to_uppercase(),
            MONTHS[date.month0() as usize],
            date.day()
        );
        for _ in 0..self.rng.range(4, 10) {
            text.push_str("\n\n");
            if !self.noise.is_empty() && self.rng.chance(0.12) {
                let noise = self.rng.pick(&self.noise).clone();
                text.push_str(&noise);
                text.push_str("\n\n");
            }
            let sentences = self.rng.range(1, 3);
            for k in 0..sentences {
                if k > 0 {
                    text.push(' ');
                }
                let s = match self.rng.below(10) {
                    0..=3 => self.event_sentence(&mut slots, date).0,
                    4..=7 => {
                        let frame = self.block("background");
                        self.fill(&frame, &slots)
                    }
                    _ => {
                        let frame = self.block("quote-frame");
                        self.fill(&frame, &slots)
                    }
                };
                text.push_str(&s);
            }
        }
        if !self.noise.is_empty() && self.rng.chance(0.3) {
            text.push_str("\n\n");
            let noise = self.rng.pick(&self.noise).clone();
            text.push_str(&noise);
        }
        let id = format!("gen{}-{}", self.seed, self.n);
        Story {
            url: format!("https://example.org/{}/{id}", date.format("%Y/%m/%d")),
            id,
            date,
            outlet,
            title,
            text,
        }
    }
}

struct Slots {
    main: usize,
    other: usize,
    person: String,
    surname: String,
    event: String,
    day: &'static str,
}

impl Iterator for Generator {
    type Item = Story;

    fn next(&mut self) -> Option<Story> {
        Some(self.story())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stories_and_the_dictionaries_are_used() {
        let a: Vec<Story> = Generator::new(3).take(20).collect();
        let b: Vec<Story> = Generator::new(3).take(20).collect();
        assert_eq!(a, b);
        assert_ne!(a[0].text, Generator::new(4).story().text);
        let g = Generator::new(1);
        assert!(g.countries.len() > 150, "{}", g.countries.len());
        assert!(g.patterns.len() > 1000, "{}", g.patterns.len());
        assert!(g.people.values().map(Vec::len).sum::<usize>() > 1000);
        assert!(!g.noise.is_empty());
        for s in &a {
            assert!(s.text.contains(" - "), "dateline: {}", s.text);
            assert!(!s.text.contains('{'), "unfilled slot: {}", s.text);
            assert!(s.text.len() > 300);
        }
        let g = Generator::new(1);
        assert_eq!(g.past_tense("impose"), "imposed");
        assert_eq!(g.past_tense("carry"), "carried");
        assert_eq!(g.past_tense("ban"), "banned");
        assert_eq!(g.past_tense("say"), "said");
        assert_eq!(g.past_tense("reject"), "rejected");
    }
}
