//! Actor and place knowledge: countries, agents (sectors), organisations,
//! dated office-holders and the gazetteer, all in one phrase automaton.

use crate::phrase::{PhraseSet, PhraseSetBuilder};
use crate::source::{columns, columns_or_report, list, DictFile, LoadError};
use chrono::NaiveDate;
use dyad_doc::Place;
use std::collections::HashMap;

/// How a country is named by a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryForm {
    /// "Russia", "the Russian Federation"
    Name,
    /// "Russian", "Russians", "Sino"
    Adjective,
    /// "Moscow": the government as a clause subject, else a place
    Capital,
    /// "the Kremlin": always the government
    Metonym,
}

/// What a phrase in the actor automaton stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum ActorEntry {
    Country {
        code: String,
        form: CountryForm,
        id: String,
    },
    Agent {
        sector: String,
        id: String,
    },
    Org {
        code: String,
        country: Option<String>,
        sector: Option<String>,
        name: String,
        id: String,
    },
    /// Index into [`ActorLexicon::people`].
    Person {
        person: usize,
        id: String,
    },
    /// Index into [`ActorLexicon::places`].
    Place {
        place: usize,
        id: String,
    },
}

impl ActorEntry {
    pub fn id(&self) -> &str {
        match self {
            ActorEntry::Country { id, .. }
            | ActorEntry::Agent { id, .. }
            | ActorEntry::Org { id, .. }
            | ActorEntry::Person { id, .. }
            | ActorEntry::Place { id, .. } => id,
        }
    }
}

/// One tenure of one person.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub country: String,
    pub sector: String,
    pub role: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl Person {
    /// Whether the tenure covers `date`; an unknown date matches any tenure.
    pub fn holds_on(&self, date: Option<NaiveDate>) -> bool {
        let Some(d) = date else { return true };
        self.start.is_none_or(|s| s <= d) && self.end.is_none_or(|e| d <= e)
    }
}

#[derive(Debug, Clone, Default)]
pub struct ActorLexicon {
    pub phrases: PhraseSet<ActorEntry>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    /// Each place's population (0 when unknown), indexed like `places`.
    pub place_population: Vec<u64>,
    /// Country code -> English short name.
    pub country_names: HashMap<String, String>,
}

impl ActorLexicon {
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.country_names.get(code).map(String::as_str)
    }
}

#[derive(Debug, Default)]
pub(crate) struct Builder {
    phrases: PhraseSetBuilder<ActorEntry>,
    people: Vec<Person>,
    places: Vec<Place>,
    place_population: Vec<u64>,
    country_names: HashMap<String, String>,
    /// The layer of the file being loaded: 0 for built-ins, n for the n-th user file.
    pub layer: u32,
}

/// Entries of the same class shadow each other across layers: names
/// (countries, organisations, people), agents, places.
fn same_class(a: &ActorEntry, b: &ActorEntry) -> bool {
    fn class(e: &ActorEntry) -> u8 {
        match e {
            ActorEntry::Agent { .. } => 1,
            ActorEntry::Place { .. } => 2,
            _ => 0,
        }
    }
    class(a) == class(b)
}

fn is_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 15 && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` picks the last day of a year or month.
pub(crate) fn parse_partial_date(s: &str, end: bool) -> Result<Option<NaiveDate>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || format!("bad date {s:?}: use YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let year = num(parts[0])? as i32;
    let date = match parts.len() {
        1 if end => NaiveDate::from_ymd_opt(year, 12, 31),
        1 => NaiveDate::from_ymd_opt(year, 1, 1),
        2 => {
            let m = num(parts[1])?;
            if end {
                let (ny, nm) = if m == 12 { (year + 1, 1) } else { (year, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            } else {
                NaiveDate::from_ymd_opt(year, m, 1)
            }
        }
        3 => NaiveDate::from_ymd_opt(year, num(parts[1])?, num(parts[2])?),
        _ => None,
    };
    date.map(Some).ok_or_else(bad)
}

impl Builder {
    /// Adds an entry in the current layer; a user file's entry replaces
    /// earlier files' entries of the same class for the same phrase.
    pub fn add(&mut self, phrase: &str, entry: ActorEntry) -> bool {
        self.phrases.add_in_layer(phrase, entry, self.layer, same_class)
    }

    /// Adds a tenure; returns its index for [`ActorEntry::Person`].
    pub fn push_person(&mut self, person: Person) -> usize {
        self.people.push(person);
        self.people.len() - 1
    }

    pub fn is_country(&self, code: &str) -> bool {
        self.country_names.contains_key(code)
    }

    pub fn countries(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        for (n, line) in f.lines() {
            let Some(cols) = columns_or_report(f, n, line, 3, 7, errors) else {
                continue;
            };
            let code = cols[0];
            if !is_code(code) {
                errors.push(f.error(n, format!("bad country code {code:?}")));
                continue;
            }
            let id = f.entry_id(n);
            self.country_names.insert(code.to_string(), cols[2].to_string());
            let forms = [
                (CountryForm::Name, cols[2]),
                (CountryForm::Name, cols[3]),
                (CountryForm::Adjective, cols[4]),
                (CountryForm::Capital, cols[5]),
                (CountryForm::Metonym, cols[6]),
            ];
            for (form, field) in forms {
                for phrase in list(field) {
                    // a capital repeated among metonyms stays a capital
                    if form == CountryForm::Metonym && list(cols[5]).any(|c| c == phrase) {
                        continue;
                    }
                    self.add(
                        phrase,
                        ActorEntry::Country {
                            code: code.to_string(),
                            form,
                            id: id.clone(),
                        },
                    );
                }
            }
        }
    }

    pub fn agents(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        for (n, line) in f.lines() {
            match columns(line, 2, 2) {
                Ok(c) if is_code(c[1]) => {
                    self.add(
                        c[0],
                        ActorEntry::Agent {
                            sector: c[1].to_string(),
                            id: f.entry_id(n),
                        },
                    );
                }
                Ok(c) => errors.push(f.error(n, format!("bad sector code {:?}", c[1]))),
                Err(e) => errors.push(f.error(n, e)),
            }
        }
    }

    pub fn orgs(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        for (n, line) in f.lines() {
            let Some(cols) = columns_or_report(f, n, line, 2, 4, errors) else {
                continue;
            };
            if !is_code(cols[0]) {
                errors.push(f.error(n, format!("bad organisation code {:?}", cols[0])));
                continue;
            }
            let name = list(cols[1]).next().unwrap_or(cols[0]).to_string();
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            for phrase in list(cols[1]) {
                self.add(
                    phrase,
                    ActorEntry::Org {
                        code: cols[0].to_string(),
                        country: opt(cols[2]),
                        sector: opt(cols[3]),
                        name: name.clone(),
                        id: f.entry_id(n),
                    },
                );
            }
        }
    }

    pub fn people(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        for (n, line) in f.lines() {
            let parsed = columns(line, 5, 7).and_then(|c| {
                let start = parse_partial_date(c[5], false)?;
                let end = parse_partial_date(c[6], true)?;
                if !is_code(c[2]) || !is_code(c[3]) {
                    return Err(format!("bad country or sector code {:?} {:?}", c[2], c[3]));
                }
                Ok((c, start, end))
            });
            let (c, start, end) = match parsed {
                Ok(p) => p,
                Err(e) => {
                    errors.push(f.error(n, e));
                    continue;
                }
            };
            let person = self.people.len();
            self.people.push(Person {
                name: c[0].to_string(),
                country: c[2].to_string(),
                sector: c[3].to_string(),
                role: c[4].to_string(),
                start,
                end,
            });
            let id = f.entry_id(n);
            for phrase in std::iter::once(c[0]).chain(list(c[1])) {
                self.add(phrase, ActorEntry::Person { person, id: id.clone() });
            }
        }
    }

    pub fn places(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        // a name several places share reads as the most populous one first
        // (Colombo in Sri Lanka, not in Brazil); ids keep their file lines
        let mut rows: Vec<(usize, Vec<&str>)> = f
            .lines()
            .filter_map(|(n, line)| columns_or_report(f, n, line, 3, 7, errors).map(|c| (n, c)))
            .collect();
        let population = |c: &[&str]| c.get(6).and_then(|p| p.parse::<u64>().ok()).unwrap_or(0);
        rows.sort_by_key(|(_, c)| std::cmp::Reverse(population(c)));
        for (n, cols) in rows {
            let coord = |s: &str| s.parse::<f64>().ok();
            let place = self.places.len();
            self.place_population.push(population(&cols));
            self.places.push(Place {
                name: cols[0].to_string(),
                country: (!cols[2].is_empty()).then(|| cols[2].to_string()),
                lat: coord(cols[4]),
                lon: coord(cols[5]),
            });
            let id = f.entry_id(n);
            for phrase in std::iter::once(cols[0]).chain(list(cols[1])) {
                self.add(phrase, ActorEntry::Place { place, id: id.clone() });
            }
        }
    }

    pub fn build(self) -> ActorLexicon {
        ActorLexicon {
            phrases: self.phrases.build(),
            people: self.people,
            places: self.places,
            place_population: self.place_population,
            country_names: self.country_names,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_cover_whole_periods() {
        assert_eq!(
            parse_partial_date("2016", true).unwrap(),
            NaiveDate::from_ymd_opt(2016, 12, 31)
        );
        assert_eq!(
            parse_partial_date("2016-02", true).unwrap(),
            NaiveDate::from_ymd_opt(2016, 2, 29)
        );
        assert_eq!(
            parse_partial_date("2016-02", false).unwrap(),
            NaiveDate::from_ymd_opt(2016, 2, 1)
        );
        assert!(parse_partial_date("2016-13-01", false).is_err());
    }

    #[test]
    fn malformed_lines_are_reported_with_line_numbers() {
        let f = DictFile::builtin(
            "my-people.tsv",
            "# header\nAnna Smith\tSmith\tGBR\tGOV\tminister\t2010\t2012\nBroken line\n",
        );
        let mut b = Builder::default();
        let mut errors = Vec::new();
        b.people(&f, &mut errors);
        assert_eq!(b.people.len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 3);
        assert_eq!(errors[0].file, "my-people.tsv");
    }
}
