//! Actor and place mentions, with in-document learning of titled names.
//!
//! An actor phrase is composed left to right from dictionary hits:
//! `[country | organisation | place] ['s] [agent (and agent)*] [name]`,
//! e.g. "Russian Foreign Minister Sergey Lavrov" = RUS + GOV + a name. A
//! name introduced with a title is learned for the whole article, so a
//! later "Lavrov said" codes as `RUSGOV` too. Two passes: the first only
//! learns, the second emits mentions, so a title later in the article still
//! codes an earlier bare name.

use crate::dates;
use chrono::NaiveDate;
use dyad_doc::{Actor, Doc, Mention, MentionKind, Place, Token, TokenKind};
use dyad_lexicon::{ActorEntry, CountryForm, Lexicon, WordClass};
use std::ops::Range;

/// A name learned from a title in this article.
#[derive(Debug, Clone)]
struct Learned {
    /// Lowercase token sequences that refer to the person.
    aliases: Vec<Vec<String>>,
    actor: Actor,
    /// Agent entry ids of the title ("the foreign minister" finds them).
    agents: Vec<String>,
    entry: String,
}

#[derive(Default)]
struct Memory {
    learned: Vec<Learned>,
    /// Country of the latest gazetteer place mentioned ("the region's").
    last_place_country: Option<String>,
    /// The dateline's country: where an unplaced "police" or "protesters" are.
    dateline_country: Option<String>,
}

/// Finds actor, place and date mentions in every sentence of `doc`.
pub fn find(doc: &mut Doc, lex: &Lexicon) {
    // the date that decides who held which office; an undated article is
    // read at mid-year of the latest year it names ("September 2016")
    let date = doc
        .article
        .published
        .or_else(|| dates::inferred_year(doc).and_then(|y| NaiveDate::from_ymd_opt(y, 7, 1)));
    let mut memory = Memory {
        dateline_country: crate::places::dateline_place(doc, lex).and_then(|p| p.country),
        ..Memory::default()
    };
    for learn in [true, false] {
        memory.last_place_country = None;
        for s in 0..doc.sentences.len() {
            let found = sentence_mentions(doc, lex, s, date, &mut memory, learn);
            if !learn {
                doc.mentions.extend(found);
            }
        }
    }
    dates::find(doc, lex);
    doc.mentions.sort_by_key(|m| (m.sentence, m.tokens.start));
}

/// An organisation prefix: code, home country, sector, name, entry id.
type OrgHit = (String, Option<String>, Option<String>, String, String);

/// The actor under construction while scanning a phrase.
#[derive(Default, Debug)]
struct Phrase {
    country: Option<(String, String)>, // (code, entry id)
    org: Option<OrgHit>,
    agents: Vec<(String, String)>, // (sector, entry id)
    name: Option<(Range<usize>, String)>,
    person: Option<(Actor, String)>,
}

fn cap(t: &Token) -> bool {
    t.capitalized || t.kind == TokenKind::Number
}

fn is_all_caps(doc: &Doc, t: &Token) -> bool {
    let s = &doc.article.text[t.start..t.end];
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

fn is_name_token(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.capitalized && t.lower.chars().count() > 1 && !t.lower.ends_with('.')
}

fn sentence_mentions(
    doc: &Doc,
    lex: &Lexicon,
    s: usize,
    date: Option<NaiveDate>,
    mem: &mut Memory,
    learn: bool,
) -> Vec<Mention> {
    let sent = &doc.sentences[s];
    let base = sent.tokens.start;
    let toks = doc.sentence_tokens(s);
    let n = toks.len();
    let headline = sent.headline;
    let in_dateline = |i: usize| {
        doc.article
            .dateline
            .as_ref()
            .is_some_and(|d| toks[i].start >= d.span.start && toks[i].end <= d.span.end)
    };
    // dictionary hits grouped by start token, longest first
    let mut by_start: Vec<Vec<(usize, &[ActorEntry])>> = vec![Vec::new(); n];
    for h in lex.actors.phrases.find(toks) {
        by_start[h.start].push((h.end, h.entries));
    }
    let g = &lex.grammar;
    let mut out = Vec::new();
    let mut unplaced: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        if in_dateline(i) {
            i += 1;
            continue;
        }
        let start = i;
        // a longer phrase starting inside this one wins: "The UN Security Council"
        // is "UN Security Council", not "The UN" + "Security Council"
        let here_end = by_start[i].iter().map(|(e, _)| *e).max().unwrap_or(i);
        if (i + 1..here_end).any(|k| by_start[k].iter().any(|(e, _)| *e > here_end)) {
            i += 1;
            continue;
        }
        let mut ph = Phrase::default();
        let mut j = i;
        let mut place: Option<(usize, usize, String)> = None; // (place idx, end, id)
        let mut capital: Option<(String, usize, String, bool)> = None; // (code, end, id, metonym)

        // 1. a country, organisation or place prefix
        let longest_place = by_start[j]
            .iter()
            .filter(|(_, es)| es.iter().any(|e| matches!(e, ActorEntry::Place { .. })))
            .map(|(e, _)| *e)
            .max();
        if cap(&toks[j]) {
            for (end, entries) in &by_start[j] {
                // "the Niger River": a longer place beats the country it starts with
                if longest_place.is_some_and(|pe| pe > *end) {
                    if let Some(ActorEntry::Place { place: p, id }) = by_start[j]
                        .iter()
                        .find(|(e, _)| Some(*e) == longest_place)
                        .and_then(|(_, es)| es.iter().find(|e| matches!(e, ActorEntry::Place { .. })))
                    {
                        place = Some((*p, longest_place.unwrap_or(*end), id.clone()));
                    }
                    continue;
                }
                // "Michael Jordan", "Chad Smith": a country name inside a person's name
                if *end == j + 1 && !headline && in_unknown_name(toks, j, &by_start, g) {
                    continue;
                }
                // "Who"/"Us" opening a sentence are not WHO and the US
                if *end == j + 1 && g.is_function_word(&toks[j].lower) && !is_all_caps(doc, &toks[j]) {
                    continue;
                }
                for e in entries.iter() {
                    match e {
                        ActorEntry::Country {
                            code,
                            form: CountryForm::Name | CountryForm::Adjective,
                            id,
                        } if ph.country.is_none() && ph.org.is_none() => {
                            ph.country = Some((code.clone(), id.clone()));
                            j = j.max(*end);
                        }
                        ActorEntry::Org {
                            code,
                            country,
                            sector,
                            name,
                            id,
                        } if ph.country.is_none() && ph.org.is_none() => {
                            ph.org = Some((code.clone(), country.clone(), sector.clone(), name.clone(), id.clone()));
                            j = j.max(*end);
                        }
                        ActorEntry::Country {
                            code,
                            form: form @ (CountryForm::Capital | CountryForm::Metonym),
                            id,
                        } if capital.is_none() => {
                            capital = Some((code.clone(), *end, id.clone(), *form == CountryForm::Metonym));
                        }
                        ActorEntry::Place { place: p, id } if place.is_none() => {
                            place = Some((*p, *end, id.clone()));
                        }
                        _ => {}
                    }
                }
                if ph.country.is_some() || ph.org.is_some() {
                    break;
                }
            }
            // "the Italian La Stampa daily": an organisation after a country adjective is the actor
            if ph.country.is_some() && j < n && cap(&toks[j]) {
                let org = by_start[j].iter().find_map(|(end, es)| {
                    es.iter().find_map(|e| match e {
                        ActorEntry::Org {
                            code,
                            country,
                            sector,
                            name,
                            id,
                        } => Some((
                            *end,
                            (code.clone(), country.clone(), sector.clone(), name.clone(), id.clone()),
                        )),
                        _ => None,
                    })
                });
                if let Some((end, hit)) = org {
                    ph.country = None;
                    ph.org = Some(hit);
                    j = end;
                }
            }
        }
        // a dictionary person
        let mut person_end = None;
        if ph.country.is_none() && ph.org.is_none() && cap(&toks[j]) {
            for (end, entries) in &by_start[j] {
                let people: Vec<(usize, &str)> = entries
                    .iter()
                    .filter_map(|e| match e {
                        ActorEntry::Person { person, id } => Some((*person, id.as_str())),
                        _ => None,
                    })
                    .collect();
                if people.is_empty() {
                    continue;
                }
                // the tenure on the article's date; undated, the latest one
                let people_dict = &lex.actors.people;
                let latest = |ks: &[usize]| ks.iter().copied().max_by_key(|&k| people_dict[people[k].0].start);
                let all: Vec<usize> = (0..people.len()).collect();
                let holding: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|&k| people_dict[people[k].0].holds_on(date))
                    .collect();
                let in_office = !holding.is_empty();
                let (p, id) = people[latest(&holding).or_else(|| latest(&all)).unwrap_or(0)];
                let person = &lex.actors.people[p];
                let country = Some(person.country.clone()).filter(|c| c.len() == 3);
                let actor = if in_office {
                    // an organisation's head is the organisation: IGOWSTNAT, not IGOWSTNATIGO
                    let whole =
                        person.country.ends_with(&person.sector) || matches!(person.sector.as_str(), "IGO" | "NGO");
                    let code = if person.country.len() > 3 && whole {
                        person.country.clone()
                    } else {
                        format!("{}{}", person.country, person.sector)
                    };
                    Actor {
                        code,
                        country,
                        sector: Some(person.sector.clone()),
                        name: Some(person.name.clone()),
                    }
                } else {
                    // out of office on this date: the country only
                    Actor {
                        code: person.country.clone(),
                        country,
                        sector: None,
                        name: Some(person.name.clone()),
                    }
                };
                ph.person = Some((actor, id.to_string()));
                person_end = Some(*end);
                break;
            }
        }
        // learned names
        if ph.person.is_none() && ph.country.is_none() && ph.org.is_none() && cap(&toks[j]) {
            if let Some((l, end)) = learned_at(&mem.learned, toks, j, g) {
                ph.person = Some((l.actor.clone(), l.entry.clone()));
                person_end = Some(end);
            }
        }
        if let Some(end) = person_end {
            let (actor, entry) = ph.person.take().expect("person set");
            out.push(actor_mention(doc, s, base, start..end, actor, entry));
            i = end;
            continue;
        }
        // a place prefix ("Liguria's president") gives the country
        let mut place_prefix = None;
        if ph.country.is_none() && ph.org.is_none() {
            if let Some((p, end, _)) = &place {
                let agent_follows = by_start.get(*end + 1).is_some_and(|hs| {
                    hs.iter()
                        .any(|(_, es)| es.iter().any(|e| matches!(e, ActorEntry::Agent { .. })))
                });
                if toks.get(*end).is_some_and(|t| t.lower == "'s") && agent_follows {
                    place_prefix = lex.actors.places[*p].country.clone();
                    if let Some(c) = &place_prefix {
                        ph.country = Some((c.clone(), place.as_ref().map(|p| p.2.clone()).unwrap_or_default()));
                        j = *end;
                    }
                }
            }
            // "the region's president": the latest place named
            if ph.country.is_none()
                && j + 2 < n
                && toks[j].lower == "the"
                && g.is(&toks[j + 1].lower, WordClass::Anaphor)
                && toks[j + 2].lower == "'s"
            {
                if let Some(c) = &mem.last_place_country {
                    ph.country = Some((c.clone(), "context:latest-place".into()));
                    j += 2;
                }
            }
        }
        let prefix_end = j;
        let had_prefix = ph.country.is_some() || ph.org.is_some();
        if had_prefix && toks.get(j).is_some_and(|t| t.lower == "'s") {
            j += 1;
        }
        // 2. agents ("State Councilor and Foreign Minister"); determiners before a bare agent
        let mut k = j;
        if !had_prefix {
            while k < n && g.is(&toks[k].lower, WordClass::Det) && k - j < 2 {
                k += 1;
            }
            // "the Italian side": determiner then country adjective
            if k > j && k < n && cap(&toks[k]) {
                for (end, entries) in &by_start[k] {
                    if let Some(ActorEntry::Country {
                        code,
                        id,
                        form: CountryForm::Adjective | CountryForm::Name,
                    }) = entries.iter().find(|e| {
                        matches!(
                            e,
                            ActorEntry::Country {
                                form: CountryForm::Adjective | CountryForm::Name,
                                ..
                            }
                        )
                    }) {
                        if by_start.get(*end).is_some_and(|h| {
                            h.iter()
                                .any(|(_, es)| es.iter().any(|e| matches!(e, ActorEntry::Agent { .. })))
                        }) {
                            ph.country = Some((code.clone(), id.clone()));
                            k = *end;
                        }
                        break;
                    }
                }
            }
        }
        let agents_start = k;
        while let Some((end, sector, id)) = by_start.get(k).and_then(|hs| {
            hs.iter().find_map(|(end, es)| {
                es.iter().find_map(|e| match e {
                    ActorEntry::Agent { sector, id } => Some((*end, sector.clone(), id.clone())),
                    _ => None,
                })
            })
        }) {
            ph.agents.push((sector, id));
            k = end;
            if k + 1 < n
                && toks[k].lower == "and"
                && by_start[k + 1]
                    .iter()
                    .any(|(_, es)| es.iter().any(|e| matches!(e, ActorEntry::Agent { .. })))
            {
                k += 1;
            }
        }
        if !ph.agents.is_empty() {
            j = k;
            // "the Ministry of Foreign Affairs (and International Cooperation) of the Republic of Azerbaijan"
            if ph.country.is_none() && ph.org.is_none() {
                let mut c = j;
                while c < n && (is_name_token(&toks[c]) || toks[c].lower == "and") && c - j < 4 {
                    c += 1;
                }
                if c < n && toks[c].lower == "of" {
                    let mut d = c + 1;
                    if d < n && g.is(&toks[d].lower, WordClass::Det) {
                        d += 1;
                    }
                    if d < n && cap(&toks[d]) {
                        let country = by_start[d].iter().find_map(|(end, es)| {
                            es.iter().find_map(|e| match e {
                                ActorEntry::Country {
                                    code,
                                    id,
                                    form: CountryForm::Name | CountryForm::Adjective,
                                } => Some((*end, code.clone(), id.clone())),
                                _ => None,
                            })
                        });
                        if let Some((end, code, id)) = country {
                            ph.country = Some((code, id));
                            j = end;
                        }
                    }
                }
            }
        } else if !had_prefix && ph.country.is_none() {
            // no actor starts here: maybe a capital, metonym or place
            // "Cairo's Tahrir Square": a capital owning a place is the city
            let owns_place = capital.as_ref().is_some_and(|(_, end, _, _)| {
                toks.get(*end).is_some_and(|t| t.lower == "'s")
                    && by_start.get(*end + 1).is_some_and(|hs| {
                        hs.iter()
                            .any(|(_, es)| es.iter().any(|e| matches!(e, ActorEntry::Place { .. })))
                    })
            });
            if let Some((code, end, id, metonym)) = capital.filter(|_| !owns_place) {
                let locative = start > 0 && after_locative(toks, start, g);
                if !locative || metonym {
                    let actor = Actor {
                        code: format!("{code}GOV"),
                        country: Some(code.clone()),
                        sector: Some("GOV".into()),
                        name: None,
                    };
                    if toks.get(end).is_some_and(|t| t.lower == "'s") || !locative {
                        out.push(actor_mention(doc, s, base, start..end, actor, id));
                        i = end;
                        continue;
                    }
                }
            }
            if let Some((p, end, id)) = place {
                // a place after "in", "Russia's", or a name of several words ("the Red Sea")
                let placed = start > 0 && (after_locative(toks, start, g) || toks[start - 1].lower == "'s");
                if (placed || end - start >= 2 || owns_place) && !headline {
                    let pl = lex.actors.places[p].clone();
                    mem.last_place_country = pl.country.clone();
                    out.push(place_mention(doc, s, base, start..end, pl, id));
                    i = end;
                    continue;
                }
                mem.last_place_country = lex.actors.places[p].country.clone();
            }
            i += 1;
            continue;
        }
        let _ = (prefix_end, agents_start, place_prefix);
        // "Atlanta, Georgia": after a city of another country and a comma, a
        // country name is a region there (the US state), not the country
        if ph.agents.is_empty() && ph.org.is_none() && start >= 2 && toks[start - 1].lower == "," {
            let city_country = (0..start - 1).find_map(|k| {
                by_start[k].iter().filter(|(e, _)| *e == start - 1).find_map(|(_, es)| {
                    es.iter().find_map(|e| match e {
                        ActorEntry::Place { place, .. } => lex.actors.places[*place].country.clone(),
                        _ => None,
                    })
                })
            });
            if let (Some(cc), Some((code, id))) = (city_country, &ph.country) {
                if &cc != code {
                    let name = doc.article.text[toks[start].start..toks[j - 1].end].to_string();
                    let pl = Place {
                        name,
                        country: Some(cc),
                        lat: None,
                        lon: None,
                    };
                    out.push(place_mention(
                        doc,
                        s,
                        base,
                        start..j,
                        pl,
                        format!("{id}+context:city-region"),
                    ));
                    i = j;
                    continue;
                }
            }
        }
        // a country after "in" is where, not who ("recalled its ambassador from
        // Algeria" and "rockets at northern Israel" stay actors)
        if ph.agents.is_empty() && ph.org.is_none() && start > 0 && after_class(toks, start, g, WordClass::Within) {
            if let Some((code, id)) = &ph.country {
                let name = lex.actors.country_name(code).unwrap_or(code).to_string();
                out.push(place_mention(
                    doc,
                    s,
                    base,
                    start..j,
                    Place {
                        name,
                        country: Some(code.clone()),
                        lat: None,
                        lon: None,
                    },
                    id.clone(),
                ));
                i = j;
                continue;
            }
        }
        // 3. a name after a title: "Foreign Minister Sergey Lavrov", "counterpart, Luigi Di Maio"
        if (!ph.agents.is_empty() || ph.org.is_some()) && !headline {
            let apposition = j < n && toks[j].lower == ",";
            let name_start = if apposition { j + 1 } else { j };
            let mut e = name_start;
            // title continuation: "Minister of Industry and Trade Denis Manturov"
            let starts_actor = |k: usize| {
                by_start[k].iter().any(|(_, es)| {
                    es.iter().any(|e| {
                        matches!(
                            e,
                            ActorEntry::Agent { .. } | ActorEntry::Country { .. } | ActorEntry::Org { .. }
                        )
                    })
                })
            };
            while e < n
                && (is_name_token(&toks[e])
                    || (matches!(toks[e].lower.as_str(), "of" | "and" | "for")
                        && e + 1 < n
                        && is_name_token(&toks[e + 1])
                        && !starts_actor(e + 1)
                        && e > name_start))
            {
                e += 1;
            }
            let run = name_start..e;
            let closes = e >= n || !is_name_token(&toks[e]);
            if run.len() >= 2 && closes && toks[e - 1].capitalized {
                let mut first = e.saturating_sub(2).max(run.start);
                // "Luigi Di Maio", "Ursula von der Leyen"
                while first > run.start && g.is(&toks[first].lower, WordClass::Particle) {
                    first -= 1;
                }
                if run.len() == 3
                    && first == run.start + 1
                    && !by_start[run.start]
                        .iter()
                        .any(|(_, es)| es.iter().any(|e| matches!(e, ActorEntry::Agent { .. })))
                    && !apposition
                {
                    // three-part names: "Paolo Emilio Signorini"
                    first = run.start;
                }
                // the name must not itself be a known actor phrase (a country, an organisation)
                let known = by_start[first].iter().any(|(_, es)| {
                    es.iter()
                        .any(|e| matches!(e, ActorEntry::Country { .. } | ActorEntry::Org { .. }))
                });
                if !known
                    && (!apposition
                        || e >= n
                        || matches!(toks[e].lower.as_str(), "," | "." | ")" | "in" | "said" | "and"))
                {
                    let name = doc.article.text[toks[first].start..toks[e - 1].end].to_string();
                    ph.name = Some((first..e, name));
                    j = e;
                }
            }
        }
        // compose
        let (country, country_id) = match (&ph.country, &ph.org) {
            (Some((c, id)), _) => (Some(c.clone()), Some(id.clone())),
            (None, Some((_, c, _, _, id))) => (c.clone(), Some(id.clone())),
            _ => (None, None),
        };
        let sector = ph.agents.first().map(|(s, _)| s.clone());
        let mut entry_parts: Vec<String> = country_id.into_iter().collect();
        entry_parts.extend(ph.agents.iter().map(|(_, id)| id.clone()));
        let mut actor = match &ph.org {
            Some((code, _, org_sector, name, _)) => Actor {
                code: code.clone(),
                country: country.clone(),
                sector: org_sector.clone().or(sector.clone()),
                name: Some(name.clone()),
            },
            None => Actor {
                code: format!(
                    "{}{}",
                    country.clone().unwrap_or_default(),
                    sector.clone().unwrap_or_default()
                ),
                country: country.clone(),
                sector: sector.clone(),
                name: None,
            },
        };
        if country.is_none() && ph.org.is_none() {
            // a bare title: "the foreign minister" is the latest person learned with it
            let agent_ids: Vec<&String> = ph.agents.iter().map(|(_, id)| id).collect();
            match mem
                .learned
                .iter()
                .rev()
                .find(|l| l.agents.iter().any(|a| agent_ids.contains(&a)))
            {
                Some(l) if ph.name.is_none() => {
                    out.push(actor_mention(
                        doc,
                        s,
                        base,
                        agents_start..j,
                        l.actor.clone(),
                        format!("{}+{}", l.entry, entry_parts.join("+")),
                    ));
                }
                // "Port Authority's President Paolo Emilio Signorini": no country
                // in the title; let the name itself be looked up
                _ if ph.name.is_some() => {
                    // "President Alexander Lukashenko": a title without a country
                    // before a name the dictionary knows is that person, title included
                    let (range, _) = ph.name.clone().expect("name");
                    let known = by_start[range.start].iter().find_map(|(end, es)| {
                        let people: Vec<usize> = es
                            .iter()
                            .filter_map(|e| match e {
                                ActorEntry::Person { person, .. } => Some(*person),
                                _ => None,
                            })
                            .collect();
                        let p = people
                            .iter()
                            .copied()
                            .filter(|&p| lex.actors.people[p].holds_on(date))
                            .max_by_key(|&p| lex.actors.people[p].start)?;
                        let id = es.iter().find_map(|e| match e {
                            ActorEntry::Person { person, id } if *person == p => Some(id.clone()),
                            _ => None,
                        })?;
                        Some((*end, p, id))
                    });
                    match known {
                        Some((end, p, id)) if end == range.end => {
                            let person = &lex.actors.people[p];
                            let code = if person.country.len() > 3 {
                                person.country.clone()
                            } else {
                                format!("{}{}", person.country, person.sector)
                            };
                            let actor = Actor {
                                code,
                                country: Some(person.country.clone()).filter(|c| c.len() == 3),
                                sector: Some(person.sector.clone()),
                                name: Some(person.name.clone()),
                            };
                            out.push(actor_mention(
                                doc,
                                s,
                                base,
                                agents_start..end,
                                actor,
                                format!("{id}+{}", entry_parts.join("+")),
                            ));
                            i = end;
                        }
                        _ => i = range.start.max(start + 1),
                    }
                    continue;
                }
                _ if !headline && stands_alone(toks, j, g) => {
                    // "Police arrested protesters": the country comes from the
                    // sentence's place or the dateline, after the sentence is read
                    unplaced.push(out.len());
                    out.push(actor_mention(
                        doc,
                        s,
                        base,
                        agents_start..j,
                        actor.clone(),
                        entry_parts.join("+"),
                    ));
                }
                _ => {}
            }
            i = j.max(start + 1);
            continue;
        }
        if let Some((range, name)) = &ph.name {
            actor.name = Some(name.clone());
            if learn {
                mem.learned.push(Learned {
                    aliases: aliases(&toks[range.clone()], g),
                    actor: actor.clone(),
                    agents: ph.agents.iter().map(|(_, id)| id.clone()).collect(),
                    entry: format!("learned:{name}"),
                });
            }
        }
        let entry = entry_parts.join("+");
        out.push(actor_mention(doc, s, base, start..j, actor, entry));
        i = j.max(start + 1);
    }
    let here = out.iter().find_map(|m: &Mention| match &m.kind {
        MentionKind::Place(p) => p.country.clone(),
        _ => None,
    });
    // the dateline only places a sentence that names no country itself
    let names_country = out.iter().any(|m| m.actor().is_some_and(|a| a.country.is_some()));
    let dateline = if names_country {
        None
    } else {
        mem.dateline_country.clone()
    };
    if let Some(country) = here.or(dateline) {
        for &k in &unplaced {
            if let MentionKind::Actor(a) = &mut out[k].kind {
                a.code = format!("{country}{}", a.sector.clone().unwrap_or_default());
                a.country = Some(country.clone());
                out[k].entry.push_str("+context:place");
            }
        }
    }
    out
}

/// Whether the phrase at `start` follows a locative preposition, allowing a
/// compass word between: "in Moscow", "in northern Iraq".
fn after_locative(toks: &[Token], start: usize, g: &dyad_lexicon::Grammar) -> bool {
    after_class(toks, start, g, WordClass::Locative)
}

/// Whether the phrase at `start` follows a word of `class`, allowing "the"
/// and a compass word between.
fn after_class(toks: &[Token], start: usize, g: &dyad_lexicon::Grammar, class: WordClass) -> bool {
    let mut k = start;
    if k > 0 && g.is(&toks[k - 1].lower, WordClass::Direction) {
        k -= 1;
    }
    if k > 0 && toks[k - 1].lower == "the" {
        k -= 1;
    }
    k > 0 && g.is(&toks[k - 1].lower, class)
}

/// Whether the one-word phrase at `j` sits next to a capitalised word that
/// no dictionary knows (not sentence-initial): part of a person's name, as
/// in "Michael Jordan" or "Chad Smith".
fn in_unknown_name(
    toks: &[Token],
    j: usize,
    by_start: &[Vec<(usize, &[ActorEntry])>],
    g: &dyad_lexicon::Grammar,
) -> bool {
    let unknown_name_word = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.capitalized
                && !g.is_function_word(&t.lower)
                && by_start[k].is_empty()
                && !by_start[..k].iter().any(|hs| hs.iter().any(|(e, _)| *e > k))
        })
    };
    (j > 0 && unknown_name_word(j - 1)) || unknown_name_word(j + 1)
}

/// Whether an agent phrase ending before token `j` is a noun standing alone
/// ("police arrested", "protesters in") rather than an adjective before a
/// noun ("military cooperation"): the next token must be punctuation, a
/// function word, or an inflected verb form.
fn stands_alone(toks: &[Token], j: usize, g: &dyad_lexicon::Grammar) -> bool {
    let Some(next) = toks.get(j) else { return true };
    next.kind != TokenKind::Word
        || next.capitalized
        || g.is_function_word(&next.lower)
        || g.is_function_word(&next.lemma)
        || next.lower.ends_with("ed")
        || (next.lower.ends_with('s') && next.lemma != next.lower)
}

/// Alias token sequences for a learned name: the full name, every suffix
/// ("Di Maio", "Maio"), and the first word of a two-word name ("Wang").
fn aliases(name: &[Token], g: &dyad_lexicon::Grammar) -> Vec<Vec<String>> {
    let words: Vec<String> = name.iter().map(|t| t.lower.clone()).collect();
    let mut out = Vec::new();
    for k in 0..words.len() {
        if !g.is(&words[k], WordClass::Particle) || k + 1 == words.len() {
            out.push(words[k..].to_vec());
        }
    }
    if words.len() == 2 {
        out.push(vec![words[0].clone()]);
    }
    out
}

fn learned_at<'a>(
    learned: &'a [Learned],
    toks: &[Token],
    j: usize,
    g: &dyad_lexicon::Grammar,
) -> Option<(&'a Learned, usize)> {
    let mut best: Option<(&Learned, usize)> = None;
    for l in learned.iter().rev() {
        for a in &l.aliases {
            let end = j + a.len();
            if end <= toks.len()
                && toks[j..end].iter().zip(a).all(|(t, w)| t.lower == *w)
                && (end == toks.len() || !is_name_token(&toks[end]) || g.is(&toks[end].lemma, WordClass::Report))
                && best.is_none_or(|(_, e)| end > e)
            {
                best = Some((l, end));
            }
        }
    }
    best
}

fn actor_mention(doc: &Doc, s: usize, base: usize, r: Range<usize>, actor: Actor, entry: String) -> Mention {
    mention(doc, s, base, r, MentionKind::Actor(actor), entry)
}

fn place_mention(doc: &Doc, s: usize, base: usize, r: Range<usize>, place: Place, entry: String) -> Mention {
    mention(doc, s, base, r, MentionKind::Place(place), entry)
}

/// A mention of sentence `s` over sentence-relative tokens `r`.
fn mention(doc: &Doc, s: usize, base: usize, r: Range<usize>, kind: MentionKind, entry: String) -> Mention {
    Mention {
        sentence: s,
        tokens: base + r.start..base + r.end,
        span: doc.tokens[base + r.start].start..doc.tokens[base + r.end - 1].end,
        kind,
        entry,
    }
}
