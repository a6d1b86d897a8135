//! Actor and place mentions, with in-document learning of titled names.
//!
//! An actor phrase is composed left to right from dictionary hits:
//! `[country | organisation | place] ['s] [agent (and agent)*] [name]`,
//! e.g. "Russian Foreign Minister Sergey Lavrov" = RUS + GOV + a name. A
//! name introduced with a title is learned for the whole article, so a
//! later "Lavrov said" codes as `RUSGOV` too. Two passes: the first only
//! learns, the second emits mentions, so a title later in the article still
//! codes an earlier bare name.

use crate::classes::{Classes, TokenClasses};
use crate::dates;
use chrono::NaiveDate;
use dyad_doc::{Actor, Doc, Mention, MentionKind, Place, Token, TokenKind};
use dyad_lexicon::{ActorEntry, CountryForm, Lexicon, WordClass};
use std::borrow::Cow;
use std::ops::Range;

/// Agents from this dictionary stand for an actor only beside the
/// country they name ("his Italian counterpart"), never alone.
const NEEDS_COUNTRY_FILE: &str = "agents-diplomatic.tsv";

/// Marks the entry of a title held in the past ("former U.S. President").
const FORMER_MARK: &str = "+context:former";

/// Marks the entry of a mediator named before a `mediator` participle
/// ("Qatari-mediated talks"): no pattern's actor, only the mediator of the
/// act its noun heads.
pub const MEDIATOR_MARK: &str = "+context:mediator";

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
    /// Country of the latest actor or place named ("the island's health minister").
    last_country: Option<String>,
    /// The latest organisation named, with its entry ("the bloc's leaders").
    last_org: Option<(Actor, String)>,
}

/// Finds actor, place and date mentions in every sentence of `doc`.
pub fn find(doc: &mut Doc, lex: &Lexicon) {
    let classes = TokenClasses::new(&doc.tokens, &lex.grammar);
    find_classified(doc, lex, &classes);
}

/// Dictionary hits of one sentence by start token, longest first.
type ByStart<'l> = Vec<Vec<(usize, &'l [ActorEntry])>>;

/// What the learning pass saw and found in one sentence.
struct FirstPass<'l> {
    by_start: ByStart<'l>,
    /// Names learned before the sentence.
    learned: usize,
    last_place_country: Option<String>,
    last_country: Option<String>,
    last_org: Option<String>,
    found: Vec<Mention>,
}

/// [`find`] with the document's token classes already looked up.
pub(crate) fn find_classified(doc: &mut Doc, lex: &Lexicon, classes: &TokenClasses) {
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
    // the learning pass; each sentence's dictionary hits are kept for the second
    let mut first = Vec::with_capacity(doc.sentences.len());
    for s in 0..doc.sentences.len() {
        let by_start = phrase_hits(doc, lex, s);
        let learned = memory.learned.len();
        let last_place_country = memory.last_place_country.clone();
        let last_country = memory.last_country.clone();
        let last_org = memory.last_org.as_ref().map(|(_, e)| e.clone());
        let found = sentence_mentions(doc, lex, classes, &by_start, s, date, &mut memory, true);
        first.push(FirstPass {
            by_start,
            learned,
            last_place_country,
            last_country,
            last_org,
            found,
        });
    }
    // the second pass knows every name learned. A sentence's mentions depend
    // only on the names learned and the latest place before it: from the
    // first sentence after which nothing more was learned that also starts
    // with the same latest place in both passes, the second pass would repeat
    // the first one word for word, so the first pass's mentions are kept.
    memory.last_place_country = None;
    memory.last_country = None;
    memory.last_org = None;
    let learned_total = memory.learned.len();
    let mut found = Vec::new();
    let mut sentences = first.into_iter().enumerate();
    while let Some((s, f)) = sentences.next() {
        if f.learned == learned_total
            && f.last_place_country == memory.last_place_country
            && f.last_country == memory.last_country
            && f.last_org == memory.last_org.as_ref().map(|(_, e)| e.clone())
        {
            found.extend(f.found);
            found.extend(sentences.flat_map(|(_, f)| f.found));
            break;
        }
        found.extend(sentence_mentions(
            doc,
            lex,
            classes,
            &f.by_start,
            s,
            date,
            &mut memory,
            false,
        ));
    }
    doc.mentions.extend(found);
    dates::find(doc, lex);
    doc.mentions.sort_by_key(|m| (m.sentence, m.tokens.start));
}

/// The first organisation among the phrase hits starting at one token, with its end.
fn org_at<'l>(hits: &[(usize, &'l [ActorEntry])]) -> Option<(usize, OrgHit<'l>)> {
    hits.iter()
        .find_map(|(end, es)| es.iter().find_map(org_hit).map(|hit| (*end, hit)))
}

/// An organisation entry's parts, borrowed from the lexicon.
fn org_hit(e: &ActorEntry) -> Option<OrgHit<'_>> {
    match e {
        ActorEntry::Org {
            code,
            country,
            sector,
            name,
            id,
        } => Some((code.as_str(), country, sector, name.as_str(), id.as_str())),
        _ => None,
    }
}

/// An organisation prefix: code, home country, sector, name, entry id.
type OrgHit<'l> = (&'l str, &'l Option<String>, &'l Option<String>, &'l str, &'l str);

/// The actor under construction while scanning a phrase. Its parts borrow
/// from the lexicon; only what becomes a [`Mention`] is copied.
#[derive(Default, Debug)]
struct Phrase<'l> {
    country: Option<(Cow<'l, str>, Cow<'l, str>)>, // (code, entry id)
    org: Option<OrgHit<'l>>,
    agents: Vec<(&'l str, &'l str)>, // (sector, entry id)
    name: Option<(Range<usize>, String)>,
    person: Option<(Actor, String)>,
}

impl Phrase<'_> {
    /// An agent phrase with no country of its own takes the sentence's place
    /// or the dateline, after the sentence is read ("Police arrested
    /// protesters"); refugees and migrants keep where they come from, which
    /// the place they are in does not tell, and neither does "the
    /// international community", a body of states.
    fn takes_place_country(&self, lex: &Lexicon) -> bool {
        self.agents
            .first()
            .is_none_or(|(sector, _)| !lex.modality.keeps_origin(sector) && *sector != "IGO")
    }
}

/// `a` followed by `b`, as `format!("{a}{b}")` gives it.
fn concat(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + b.len());
    out.push_str(a);
    out.push_str(b);
    out
}

/// Records the country of the latest place, copying it only when it changes.
fn set_last_place(mem: &mut Memory, country: Option<&str>) {
    if mem.last_place_country.as_deref() != country {
        mem.last_place_country = country.map(str::to_string);
    }
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

/// Actor dictionary hits of sentence `s` grouped by start token, longest first.
fn phrase_hits<'l>(doc: &Doc, lex: &'l Lexicon, s: usize) -> ByStart<'l> {
    let toks = doc.sentence_tokens(s);
    let mut by_start: ByStart<'l> = vec![Vec::new(); toks.len()];
    for h in lex.actors.phrases.find(toks) {
        by_start[h.start].push((h.end, h.entries));
    }
    by_start
}

#[allow(clippy::too_many_arguments)]
fn sentence_mentions<'l>(
    doc: &Doc,
    lex: &'l Lexicon,
    classes: &TokenClasses,
    by_start: &[Vec<(usize, &'l [ActorEntry])>],
    s: usize,
    date: Option<NaiveDate>,
    mem: &mut Memory,
    learn: bool,
) -> Vec<Mention> {
    let sent = &doc.sentences[s];
    let base = sent.tokens.start;
    let toks = doc.sentence_tokens(s);
    let cls = classes.slice(sent.tokens.clone());
    let n = toks.len();
    let headline = sent.headline;
    let in_dateline = |i: usize| {
        doc.article
            .dateline
            .as_ref()
            .is_some_and(|d| toks[i].start >= d.span.start && toks[i].end <= d.span.end)
    };
    // the first token after a dateline ("LONDON (Reuters) - Accusing ...")
    let body = (0..n).take_while(|&i| in_dateline(i)).count();
    let mut out = Vec::new();
    let mut unplaced: Vec<usize> = Vec::new();
    // indices in `out` of mentions of an organisation
    let mut orgs_here: Vec<usize> = Vec::new();
    // mentions composed as "[agent] of [country]", with the agent's sector and id
    let mut heads_of: Vec<(usize, &'l str, &'l str)> = Vec::new();
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
        // ("U.S.-South Korean air drills": an organisation's name written in
        // lowercase, "Korean Air", is no name there)
        let named = |e: usize, es: &[ActorEntry]| {
            toks[e - 1].capitalized || !es.iter().all(|x| matches!(x, ActorEntry::Org { .. }))
        };
        if (i + 1..here_end).any(|k| by_start[k].iter().any(|(e, es)| *e > here_end && named(*e, es))) {
            i += 1;
            continue;
        }
        // "the bloc's leaders", "the alliance", "the agency said": a definite
        // description of an organisation names the latest one mentioned
        if by_start[i].is_empty() && !headline {
            if let Some(h) = description_head(toks, cls, by_start, i, WordClass::Collective) {
                let referent = orgs_here
                    .last()
                    .and_then(|&k| {
                        out.get(k)
                            .and_then(|m: &Mention| m.actor().map(|a| (a.clone(), m.entry.clone())))
                    })
                    .or_else(|| mem.last_org.clone());
                if let Some((actor, entry)) = referent {
                    let mut end = h + 1;
                    // ("the alliance's secretary general": its head is the organisation)
                    if toks.get(end).is_some_and(|t| t.lower == "'s") {
                        let mut k = end + 1;
                        while let Some((e, _, _)) = longest_agent_at(by_start, k) {
                            k = e;
                        }
                        if k > end + 1 {
                            end = k;
                        }
                    }
                    orgs_here.push(out.len());
                    out.push(actor_mention(
                        doc,
                        s,
                        base,
                        i..end,
                        actor,
                        concat(&entry, "+context:anaphor"),
                    ));
                    i = end;
                    continue;
                }
            }
        }
        let mut ph = Phrase::default();
        let mut j = i;
        let mut place: Option<(usize, usize, &'l str)> = None; // (place idx, end, id)
        let mut capital: Option<(&'l str, usize, &'l str, bool)> = None; // (code, end, id, metonym)
                                                                         // the country prefix is a demonym or adjective ("Chinese"), not a name ("China")
        let mut adjective = false;

        // 1. a country, organisation or place prefix
        let longest_place = by_start[j]
            .iter()
            .filter(|(_, es)| es.iter().any(|e| matches!(e, ActorEntry::Place { .. })))
            .map(|(e, _)| *e)
            .max();
        // "Pope Francis": a known person's name that starts with an organisation
        // or country word is the person
        let longest_person = by_start[j]
            .iter()
            .filter(|(_, es)| es.iter().any(|e| matches!(e, ActorEntry::Person { .. })))
            .map(|(e, _)| *e)
            .max();
        if cap(&toks[j]) {
            for (end, entries) in &by_start[j] {
                if longest_person.is_some_and(|pe| pe > *end) {
                    continue;
                }
                // "the Niger River": a longer place beats the country it starts with
                if longest_place.is_some_and(|pe| pe > *end) {
                    if let Some((p, id)) = by_start[j]
                        .iter()
                        .find(|(e, _)| Some(*e) == longest_place)
                        .and_then(|(_, es)| best_place(lex, es))
                    {
                        place = Some((p, longest_place.unwrap_or(*end), id));
                    }
                    continue;
                }
                // "Michael Jordan", "Chad Smith": a country name inside a person's name
                // ("Ethnic Albanians", "Young Algerians": a sentence-initial word before a
                // demonym is an ordinary capitalised adjective, not a first name)
                let demonym = entries.iter().any(|e| {
                    matches!(
                        e,
                        ActorEntry::Country {
                            form: CountryForm::Adjective,
                            ..
                        }
                    )
                });
                // (nor is "Accusing" in "Accusing Russia of ...": a sentence-initial
                // verb form, after a dateline too)
                let plain_opening = j == body + 1 && {
                    let w = &toks[body];
                    demonym || w.lower.ends_with("ing") || w.lower.ends_with("ed") || w.lemma != w.lower
                };
                if *end == j + 1
                    && !headline
                    && !plain_opening
                    && in_unknown_name(toks, cls, j, by_start, &lex.calendar)
                {
                    continue;
                }
                // "Who"/"Us" opening a sentence are not WHO and the US
                if *end == j + 1 && cls[j].function_word() && !is_all_caps(doc, &toks[j]) {
                    continue;
                }
                for e in entries.iter() {
                    match e {
                        ActorEntry::Country {
                            code,
                            form: form @ (CountryForm::Name | CountryForm::Adjective),
                            id,
                        } if ph.country.is_none() && ph.org.is_none() => {
                            ph.country = Some((Cow::Borrowed(code), Cow::Borrowed(id)));
                            adjective = *form == CountryForm::Adjective;
                            j = j.max(*end);
                        }
                        org @ ActorEntry::Org { .. } if ph.country.is_none() && ph.org.is_none() => {
                            ph.org = org_hit(org);
                            j = j.max(*end);
                        }
                        ActorEntry::Country {
                            code,
                            form: form @ (CountryForm::Capital | CountryForm::Metonym),
                            id,
                        } if capital.is_none() => {
                            capital = Some((code, *end, id, *form == CountryForm::Metonym));
                        }
                        ActorEntry::Place { .. } if place.is_none() => {
                            place = best_place(lex, entries).map(|(p, id)| (p, *end, id));
                        }
                        _ => {}
                    }
                }
                if ph.country.is_some() || ph.org.is_some() {
                    break;
                }
            }
            // "Oxfam Canada", "Save the Children UK": an international NGO's national
            // branch is the NGO, not also the country
            if let Some((_, None, Some(sector), _, _)) = ph.org {
                if sector == "NGO" && j < n && cap(&toks[j]) {
                    let branch = by_start[j].iter().find_map(|(end, es)| {
                        es.iter()
                            .any(|e| {
                                matches!(
                                    e,
                                    ActorEntry::Country {
                                        form: CountryForm::Name,
                                        ..
                                    }
                                )
                            })
                            .then_some(*end)
                    });
                    if let Some(end) = branch {
                        j = end;
                    }
                }
            }
            // "the Italian La Stampa daily": an organisation after a country adjective is the actor
            if ph.country.is_some() && j < n && cap(&toks[j]) {
                if let Some((end, hit)) = org_at(&by_start[j]) {
                    ph.country = None;
                    ph.org = Some(hit);
                    j = end;
                }
            }
            // "Russia's FSB", "Yemen's Houthi movement": the country's own
            // organisation after its possessive is the one actor
            if let Some((code, _)) = &ph.country {
                if j + 1 < n && toks[j].lower == "'s" && cap(&toks[j + 1]) {
                    if let Some((end, hit)) = org_at(&by_start[j + 1]) {
                        if hit.1.as_deref() == Some(code.as_ref()) {
                            ph.country = None;
                            ph.org = Some(hit);
                            j = end;
                        }
                    }
                }
            }
            // "Iran-backed Hezbollah", "U.N.-backed mission": the name before the
            // hyphen backs the actor and is none itself
            if (ph.country.is_some() || ph.org.is_some())
                && j + 1 < n
                && toks[j].lower == "-"
                && (cls[j + 1].lower_is(WordClass::Sponsor) || cls[j + 1].lower_is(WordClass::Mediator))
            {
                // ("Qatari-mediated talks", "a U.S.-brokered ceasefire": a
                // `mediator` participle keeps the name as the mediator of the
                // act its noun heads, which no pattern takes as an actor)
                if cls[j + 1].lower_is(WordClass::Mediator) && ph.agents.is_empty() && ph.name.is_none() {
                    let hit = match (&ph.country, &ph.org) {
                        (Some((code, id)), _) => Some((
                            Actor {
                                code: code.to_string(),
                                country: Some(code.to_string()),
                                sector: None,
                                name: None,
                            },
                            id.to_string(),
                        )),
                        (None, Some((code, country, sector, name, id))) => Some((
                            Actor {
                                code: code.to_string(),
                                country: (*country).clone(),
                                sector: (*sector).clone(),
                                name: Some(name.to_string()),
                            },
                            id.to_string(),
                        )),
                        _ => None,
                    };
                    if let Some((actor, id)) = hit {
                        let entry = format!("{id}{MEDIATOR_MARK}");
                        // ("the Turkish- and U.N.-brokered deal", "Qatari and
                        // Egyptian-mediated talks": a name coordinated before
                        // the mediator mediates too)
                        let and = start >= 1 && cls[start - 1].lower_is(WordClass::Conj);
                        let hyphen = and && start >= 2 && toks[start - 2].lower == "-";
                        let before = (base + start).checked_sub(1 + usize::from(hyphen));
                        if let Some(m) = out.last_mut().filter(|m| and && Some(m.tokens.end) == before) {
                            if !m.entry.ends_with(MEDIATOR_MARK) {
                                m.entry.push_str(MEDIATOR_MARK);
                            }
                        }
                        out.push(actor_mention(doc, s, base, start..j, actor, entry));
                    }
                }
                i = j + 2;
                continue;
            }
            // "Australian-led peacekeepers", "the Saudi-led coalition": the agents
            // a country leads are its own (AUSMIL)
            if (ph.country.is_some() || ph.org.is_some())
                && j + 2 < n
                && toks[j].lower == "-"
                && toks[j + 1].lower == "led"
                && agent_starts(by_start, j + 2, true)
            {
                j += 2;
            }
            // "pro-Palestinian students", "anti-American protesters": the name is
            // their cause; the agents after it are the actor, without its country
            if ph.country.is_some()
                && ph.org.is_none()
                && start >= 2
                && toks[start - 1].lower == "-"
                && cls[start - 2].lower_is(WordClass::Stance)
            {
                ph.country = None;
                if !agent_starts(by_start, j, true) {
                    i = j;
                    continue;
                }
            }
            // "Chinese and Russian warships", "senior U.S. and Chinese officials":
            // each country of a coordinated list takes the agent after the last
            if let Some((code, id)) = &ph.country {
                if (adjective || is_all_caps(doc, &toks[start])) && !headline {
                    if let Some((sector, agent_id)) = shared_agent(toks, by_start, j) {
                        let actor = Actor {
                            code: concat(code, sector),
                            country: Some(code.to_string()),
                            sector: Some(sector.to_string()),
                            name: None,
                        };
                        let entry = format!("{id}+{agent_id}+context:shared-agent");
                        out.push(actor_mention(doc, s, base, start..j, actor, entry));
                        i = j;
                        continue;
                    }
                }
            }
        }
        // "the world body", "the global chemical weapons watchdog": a lowercase
        // description of an organisation, two words or more, after "the"
        if ph.country.is_none() && ph.org.is_none() && !cap(&toks[j]) && j > 0 && toks[j - 1].lower == "the" {
            let described = by_start[j]
                .iter()
                .filter(|(end, _)| *end >= j + 2)
                .filter_map(|(end, es)| es.iter().find_map(org_hit).map(|hit| (*end, hit)))
                .max_by_key(|(end, _)| *end);
            if let Some((end, hit)) = described {
                ph.org = Some(hit);
                j = end;
            }
        }
        // "the West African bloc ECOWAS": a description and then the
        // organisation's name are one actor
        if let Some(org) = ph.org {
            if let Some((end, hit)) = by_start.get(j).and_then(|hs| org_at(hs)) {
                if hit.0 == org.0 && cap(&toks[j]) {
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
                // "President Jean-Bertrand Aristide": a name that is only the first part
                // of a hyphenated name is not this person
                if toks.get(*end).is_some_and(|t| t.lower == "-") && toks.get(*end + 1).is_some_and(cap) {
                    continue;
                }
                // the tenure on the article's date; undated, the latest one
                let people_dict = &lex.actors.people;
                let latest = |ks: &[usize]| ks.iter().copied().max_by_key(|&k| people_dict[people[k].0].start);
                // ("King Abdullah of Jordan": a country named right after the name
                // picks among namesakes; the phrase then runs to its end)
                let of_country = (toks.get(*end).is_some_and(|t| t.lower == "of"))
                    .then(|| {
                        by_start.get(*end + 1)?.iter().find_map(|(ce, es)| {
                            es.iter().find_map(|e| match e {
                                ActorEntry::Country {
                                    code,
                                    form: CountryForm::Name,
                                    ..
                                } => Some((*ce, code.as_str())),
                                _ => None,
                            })
                        })
                    })
                    .flatten()
                    .filter(|(_, c)| people.iter().any(|(p, _)| people_dict[*p].country == *c));
                let all: Vec<usize> = (0..people.len())
                    .filter(|&k| of_country.is_none_or(|(_, c)| people_dict[people[k].0].country == c))
                    .collect();
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
                    let whole = person.country.ends_with(&person.sector)
                        || matches!(person.sector.as_str(), "IGO" | "NGO" | "IMG");
                    let code = if person.country.len() > 3 && whole {
                        person.country.clone()
                    } else {
                        concat(&person.country, &person.sector)
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
                person_end = Some(of_country.map_or(*end, |(ce, _)| ce));
                break;
            }
        }
        // learned names
        if ph.person.is_none() && ph.country.is_none() && ph.org.is_none() && cap(&toks[j]) {
            if let Some((l, end)) = learned_at(&mem.learned, toks, cls, j) {
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
                // "Liguria's president", and without the 's: "Istanbul Mayor Ekrem
                // Imamoglu", "Gaza health officials"
                let possessive = toks.get(*end).is_some_and(|t| t.lower == "'s")
                    && agent_starts(by_start, skip_modifiers(cls, by_start, *end + 1), false);
                // (not diplomatic shorthand: "Syria's Idlib region", "the Gaza side")
                let compound = agent_starts(by_start, *end, true) && toks.get(*end).is_none_or(|t| t.lower != "'s");
                if possessive || compound {
                    place_prefix = lex.actors.places[*p].country.as_deref();
                    if let Some(c) = place_prefix {
                        let id = place.as_ref().map(|p| p.2).unwrap_or_default();
                        ph.country = Some((Cow::Borrowed(c), Cow::Borrowed(id)));
                        j = *end;
                    }
                }
            }
            // "Cairo's security chief", "Kremlin critic Alexei Navalny": a capital
            // or metonym before an agent gives the agent its country
            if ph.country.is_none() {
                if let Some((code, end, id, _)) = capital {
                    let possessive = toks.get(end).is_some_and(|t| t.lower == "'s")
                        && agent_starts(by_start, skip_modifiers(cls, by_start, end + 1), false);
                    if possessive || agent_starts(by_start, end, false) {
                        ph.country = Some((Cow::Borrowed(code), Cow::Borrowed(id)));
                        j = end;
                    }
                }
            }
            // "the island's health minister", "the Balkan country's president":
            // a definite description of a country before a title names the
            // latest country mentioned
            if ph.country.is_none() {
                if let Some(h) = description_head(toks, cls, by_start, j, WordClass::Anaphor) {
                    if toks.get(h + 1).is_some_and(|t| t.lower == "'s")
                        && agent_starts(by_start, skip_modifiers(cls, by_start, h + 2), false)
                    {
                        let latest = out
                            .iter()
                            .rev()
                            .find_map(|m: &Mention| match &m.kind {
                                MentionKind::Actor(a) => a.country.clone(),
                                MentionKind::Place(p) => p.country.clone(),
                                _ => None,
                            })
                            .or_else(|| mem.last_country.clone());
                        if let Some(c) = latest {
                            ph.country = Some((Cow::Owned(c), Cow::Borrowed("context:anaphor")));
                            j = h + 1;
                        }
                    }
                }
            }
            // "the region's president": the latest place named
            if ph.country.is_none()
                && j + 2 < n
                && cls[j].lower_is(WordClass::Det)
                && cls[j + 1].lower_is(WordClass::Anaphor)
                && toks[j + 2].lower == "'s"
            {
                if let Some(c) = &mem.last_place_country {
                    ph.country = Some((Cow::Owned(c.clone()), Cow::Borrowed("context:latest-place")));
                    j += 2;
                }
            }
        }
        let prefix_end = j;
        let had_prefix = ph.country.is_some() || ph.org.is_some();
        if had_prefix && toks.get(j).is_some_and(|t| t.lower == "'s") {
            j += 1;
            // "Sudan's warring army", "South Korea's top court": modifiers
            // between the possessive and its agent
            j = skip_modifiers(cls, by_start, j);
        }
        // 2. agents ("State Councilor and Foreign Minister"); determiners before a bare agent
        let mut k = j;
        if !had_prefix {
            while k < n && cls[k].lower_is(WordClass::Det) && k - j < 2 {
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
                        if agent_starts(by_start, *end, false) {
                            ph.country = Some((Cow::Borrowed(code), Cow::Borrowed(id)));
                            k = *end;
                        }
                        break;
                    }
                }
            }
        }
        let agents_start = k;
        // where the mention starts when not at `start`
        let mut span_start = start;
        let mut head_of_country = false;
        let mut first_agent: Option<Range<usize>> = None;
        // the longest agent at each step: "[Treasury Secretary]", not "[Treasury] Secretary"
        while let Some((end, sector, id)) = longest_agent_at(by_start, k) {
            ph.agents.push((sector, id));
            first_agent.get_or_insert(k..end);
            k = end;
            // ("troops and Hutu militiamen", "police and soldiers": agents of
            // different sectors are two actors, not one person's two titles)
            let same_sector = longest_agent_at(by_start, k + 1).is_some_and(|(_, s, _)| s == sector);
            if k + 1 < n && toks[k].lower == "and" && agent_starts(by_start, k + 1, false) && same_sector {
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
                // (or "from" right after the agents: "militants from the Islamic
                // State"; a country after "from" only for a clause's opening head,
                // "troops from Syria" elsewhere being where they leave)
                let from = c == j && c < n && toks[c].lower == "from";
                // ("judges at the International Criminal Court", "experts at the
                // IAEA": an agent "at" an organisation is its member; "at" a
                // country or place is only where they are)
                let at = c == j && c < n && toks[c].lower == "at";
                if c < n && (toks[c].lower == "of" || from || at) {
                    let mut d = c + 1;
                    if d < n && cls[d].lower_is(WordClass::Det) {
                        d += 1;
                    }
                    // ("fighters from al-Shabaab": an organisation may start lowercase)
                    if d < n && (cap(&toks[d]) || org_at(&by_start[d]).is_some()) {
                        let country = by_start[d].iter().find_map(|(end, es)| {
                            es.iter().find_map(|e| match e {
                                ActorEntry::Country {
                                    code,
                                    id,
                                    form: CountryForm::Name | CountryForm::Adjective,
                                } => Some((*end, code.as_str(), id.as_str())),
                                _ => None,
                            })
                        });
                        // "a delegation of the Palestinian Authority": an organisation
                        // longer than the country word it starts with wins
                        let org = org_at(&by_start[d]);
                        let org_longer = match (&org, &country) {
                            (Some((oe, _)), Some((ce, _, _))) => oe > ce,
                            _ => false,
                        };
                        // ("his counterparts from Australia": diplomatic shorthand
                        // is always of the country after "from")
                        let diplomatic = ph.agents.iter().all(|(_, id)| id.starts_with(NEEDS_COUNTRY_FILE));
                        let country =
                            country.filter(|_| !at && (!from || diplomatic || opens_clause(toks, cls, start)));
                        // ("warplanes from the Saudi-led coalition": a country that
                        // leads the agents after it is theirs, not these agents')
                        let leads = |end: usize| {
                            toks.get(end).is_some_and(|t| t.lower == "-")
                                && toks.get(end + 1).is_some_and(|t| t.lower == "led")
                        };
                        let country = country.filter(|(end, _, _)| !leads(*end));
                        if let (Some((end, code, id)), false) = (country, org_longer) {
                            ph.country = Some((Cow::Borrowed(code), Cow::Borrowed(id)));
                            head_of_country = true;
                            j = end;
                        } else if let Some((end, hit)) = org {
                            // "the head of the World Food Programme": the organisation
                            // ("[militants from] the Islamic State": the organisation
                            // alone, its members' noun left as the clause's head)
                            ph.org = Some(hit);
                            if from {
                                span_start = d;
                            }
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
                            // ("Cairo's Tahrir Square", "Kyiv's Okhmatdyt hospital": a
                            // name no dictionary knows, owned by a capital, is a place in it)
                            || (hs.is_empty()
                                && toks.get(*end + 1).is_some_and(is_name_token)
                                && !cls[*end + 1].function_word()
                                && learned_at(&mem.learned, toks, cls, *end + 1).is_none())
                    })
            });
            // ("the Taliban seized Kabul": a capital a `conquest` verb takes is
            // the city, not its government, grammar `conquest`)
            let taken = place.is_some()
                && capital.as_ref().is_some_and(|(_, end, _, _)| {
                    start > 0
                        && cls[start - 1].lower_is(WordClass::Conquest)
                        && toks.get(*end).is_none_or(|t| t.lower != "'s")
                });
            if let Some((code, end, id, metonym)) = capital.filter(|_| !owns_place && !taken) {
                // ("a request from Kabul", "pressure from Washington": the sender)
                let sent = start > 1 && toks[start - 1].lower == "from" && cls[start - 2].is(WordClass::Sender);
                let locative = start > 0 && after_locative(cls, start) && !sent;
                // after "in" only a metonym with "'s" is an actor
                if !locative || (metonym && toks.get(end).is_some_and(|t| t.lower == "'s")) {
                    let actor = Actor {
                        code: concat(code, "GOV"),
                        country: Some(code.to_string()),
                        sector: Some("GOV".into()),
                        name: None,
                    };
                    out.push(actor_mention(doc, s, base, start..end, actor, id.to_string()));
                    i = end;
                    continue;
                }
            }
            if let Some((p, end, id)) = place {
                // a place after "in", "Russia's", or a name of several words ("the Red Sea")
                // (or after "on", "into": "air strikes on Gaza")
                let placed = start > 0
                    && (after_locative(cls, start)
                        || after_class(cls, start, WordClass::Goal)
                        || toks[start - 1].lower == "'s");
                // (or a big city anywhere, not inside a name: "Russian forces
                // shelled Kharkiv overnight")
                let big_city = lex.actors.place_population.get(p).is_some_and(|&n| n >= BIG_CITY)
                    && start > 0
                    && !toks[start - 1].capitalized
                    && toks.get(end).is_none_or(|n| !n.capitalized);
                // (or a town of any size taken or shelled: "M23 rebels seized
                // Goma", "Russian forces captured Bakhmut", grammar `conquest`)
                let conquered = start > 0
                    && cls[start - 1].lower_is(WordClass::Conquest)
                    && toks.get(end).is_none_or(|n| !n.capitalized);
                if (placed || big_city || conquered || end - start >= 2 || owns_place) && !headline {
                    let pl = lex.actors.places[p].clone();
                    set_last_place(mem, pl.country.as_deref());
                    out.push(place_mention(doc, s, base, start..end, pl, id.to_string()));
                    i = end;
                    continue;
                }
                set_last_place(mem, lex.actors.places[p].country.as_deref());
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
                        ActorEntry::Place { place, .. } => lex.actors.places[*place].country.as_deref(),
                        _ => None,
                    })
                })
            });
            if let (Some(cc), Some((code, id))) = (city_country, &ph.country) {
                if cc != code.as_ref() {
                    let name = doc.article.text[toks[start].start..toks[j - 1].end].to_string();
                    let pl = Place {
                        name,
                        country: Some(cc.to_string()),
                        lat: None,
                        lon: None,
                    };
                    out.push(place_mention(
                        doc,
                        s,
                        base,
                        start..j,
                        pl,
                        concat(id, "+context:city-region"),
                    ));
                    i = j;
                    continue;
                }
            }
        }
        // a country after "in" is where, not who ("recalled its ambassador from
        // Algeria" and "rockets at northern Israel" stay actors)
        // (but a country before the act it names after "in a" is who:
        // "killed in an Israeli air strike", "in a U.S. drone strike")
        let names_act = start > 1
            && cls[start - 1].lower_is(WordClass::Indefinite)
            && toks
                .get(j)
                .is_some_and(|t| !t.capitalized && t.kind == TokenKind::Word && !cls[j].function_word());
        if ph.agents.is_empty()
            && ph.org.is_none()
            && start > 0
            && !names_act
            && after_class(cls, start, WordClass::Within)
        {
            if let Some((code, id)) = &ph.country {
                let name = lex.actors.country_name(code).unwrap_or(code).to_string();
                out.push(place_mention(
                    doc,
                    s,
                    base,
                    start..j,
                    Place {
                        name,
                        country: Some(code.to_string()),
                        lat: None,
                        lon: None,
                    },
                    id.to_string(),
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
                    || (cls[e].lower_is(WordClass::Connector)
                        && e + 1 < n
                        && is_name_token(&toks[e + 1])
                        && !starts_actor(e + 1)
                        && e > name_start))
            {
                e += 1;
            }
            // a known person whose whole name runs past the capitalised words
            // ("Abdel Fattah al-Sisi", "Mohammed bin Salman") is not a new name
            let known_end = by_start
                .get(name_start)
                .into_iter()
                .flatten()
                .filter(|(_, es)| es.iter().any(|e| matches!(e, ActorEntry::Person { .. })))
                .map(|(end, _)| *end)
                .max();
            // (then the title stands alone here, and the person found next is
            // merged into it with their dated role: `merge_titles`)
            let whole_known = known_end.is_some_and(|k| k > e);
            let run = name_start..e;
            let closes = e >= n || !is_name_token(&toks[e]);
            if run.len() >= 2 && closes && toks[e - 1].capitalized && !whole_known {
                let mut first = e.saturating_sub(2).max(run.start);
                // "Luigi Di Maio", "Ursula von der Leyen"
                while first > run.start && cls[first].lower_is(WordClass::Particle) {
                    first -= 1;
                }
                if run.len() == 3 && first == run.start + 1 && !agent_starts(by_start, run.start, false) && !apposition
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
                        || matches!(toks[e].lower.as_str(), "," | "." | ")")
                        || cls[e].lower_is(WordClass::Locative)
                        || cls[e].lemma_is(WordClass::Report)
                        || cls[e].lower_is(WordClass::Conj))
                {
                    let name = doc.article.text[toks[first].start..toks[e - 1].end].to_string();
                    ph.name = Some((first..e, name));
                    j = e;
                }
            }
        }
        // "former U.S. President Donald Trump": a past office takes the sector
        // of the title's "former" entry ("former president" = ELI)
        let former = start > 0
            && (cls[start - 1].lower_is(WordClass::Former)
                || (start > 1 && toks[start - 1].lower == "-" && cls[start - 2].lower_is(WordClass::Former)));
        let mut past_office = false;
        if former && ph.org.is_none() && ph.country.is_some() {
            if let Some(r) = &first_agent {
                let mut phrase = String::from("former");
                for t in &toks[r.clone()] {
                    phrase.push(' ');
                    phrase.push_str(&t.lower);
                }
                let past = lex.actors.phrases.get(&phrase).iter().find_map(|e| match e {
                    ActorEntry::Agent { sector, id } => Some((sector.as_str(), id.as_str())),
                    _ => None,
                });
                if let Some(past) = past {
                    ph.agents[0] = past;
                    past_office = true;
                }
            }
        }
        // "hundreds of Cubans", "200 Venezuelans": a counted plural demonym is civilians
        // (a plural: the dictionary lists its singular, "Cuban", for the same country)
        if ph.agents.is_empty() && ph.org.is_none() && adjective && counted(toks, cls, start) {
            if let Some((code, _)) = &ph.country {
                let words: Vec<&str> = toks[start..j].iter().map(|t| t.lower.as_str()).collect();
                let plural = words.join(" ");
                // ("thousands of Sudanese", "hundreds of Swiss": a demonym in -ese
                // or -ss is its own plural)
                let own_plural = plural.ends_with("ese") || plural.ends_with("ss");
                let singular = if own_plural {
                    plural.as_str()
                } else {
                    plural.strip_suffix('s').unwrap_or_default()
                };
                let demonym = !singular.is_empty()
                    && lex.actors.phrases.get(singular).iter().any(
                        |e| matches!(e, ActorEntry::Country { code: c, form: CountryForm::Adjective, .. } if c == code),
                    );
                if demonym {
                    ph.agents.push(("CVL", "context:counted"));
                }
            }
        }
        // compose
        let (country, country_id): (Option<&str>, Option<&str>) = match (&ph.country, &ph.org) {
            (Some((c, id)), _) => (Some(c), Some(id)),
            (None, Some((_, c, _, _, id))) => (c.as_deref(), Some(id)),
            _ => (None, None),
        };
        let sector = ph.agents.first().map(|(s, _)| *s);
        // a title of a past office of its own: "former president", "ex-minister"
        let former_title = first_agent
            .as_ref()
            .is_some_and(|r| cls[r.start].lower_is(WordClass::Former));
        // the entry ids of the parts joined with "+"
        let entry_parts = || {
            let mut out = String::new();
            let ids = country_id.into_iter().chain(ph.agents.iter().map(|(_, id)| *id));
            for (k, id) in ids.enumerate() {
                if k > 0 {
                    out.push('+');
                }
                out.push_str(id);
            }
            out
        };
        let actor = || match &ph.org {
            Some((code, _, org_sector, name, _)) => Actor {
                code: code.to_string(),
                country: country.map(str::to_string),
                sector: org_sector.as_deref().or(sector).map(str::to_string),
                name: Some(name.to_string()),
            },
            None => Actor {
                code: concat(country.unwrap_or_default(), sector.unwrap_or_default()),
                country: country.map(str::to_string),
                sector: sector.map(str::to_string),
                name: None,
            },
        };
        if country.is_none() && ph.org.is_none() {
            // a bare title: "the foreign minister" is the latest person learned with it
            let agent_ids: Vec<&str> = ph.agents.iter().map(|(_, id)| *id).collect();
            match mem
                .learned
                .iter()
                .rev()
                .find(|l| l.agents.iter().any(|a| agent_ids.contains(&a.as_str())))
            {
                Some(l) if ph.name.is_none() => {
                    out.push(actor_mention(
                        doc,
                        s,
                        base,
                        agents_start..j,
                        l.actor.clone(),
                        concat(&l.entry, &concat("+", &entry_parts())),
                    ));
                }
                // "Port Authority's President Paolo Emilio Signorini": no country
                // in the title; let the name itself be looked up
                _ if ph.name.is_some() => {
                    // "President Alexander Lukashenko": a title without a country
                    // before a name the dictionary knows is that person, title included
                    let range = ph.name.as_ref().map(|(r, _)| r.clone()).expect("name");
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
                            .filter(|&p| former_title || lex.actors.people[p].holds_on(date))
                            .max_by_key(|&p| lex.actors.people[p].start)?;
                        let id = es.iter().find_map(|e| match e {
                            ActorEntry::Person { person, id } if *person == p => Some(id.as_str()),
                            _ => None,
                        })?;
                        Some((*end, p, id))
                    });
                    match known {
                        Some((end, p, id)) if end == range.end => {
                            let person = &lex.actors.people[p];
                            // "Former President Donald Trump": the past office's sector (ELI)
                            let person_sector = match (former_title, sector) {
                                (true, Some(past)) if person.country.len() == 3 => past,
                                _ => person.sector.as_str(),
                            };
                            let code = if person.country.len() > 3 {
                                person.country.clone()
                            } else {
                                concat(&person.country, person_sector)
                            };
                            let actor = Actor {
                                code,
                                country: Some(person.country.clone()).filter(|c| c.len() == 3),
                                sector: Some(person_sector.to_string()),
                                name: Some(person.name.clone()),
                            };
                            out.push(actor_mention(
                                doc,
                                s,
                                base,
                                agents_start..end,
                                actor,
                                concat(id, &concat("+", &entry_parts())),
                            ));
                            i = end;
                        }
                        // "Army chief General Waker": a name no dictionary knows,
                        // in no word of it, after a capitalised title is the title's
                        // holder, placed like a bare title (not "tanker Stena Impero")
                        None if toks[agents_start].capitalized
                            && range.clone().all(|k| by_start[k].is_empty())
                            && !ph.agents.iter().all(|(_, id)| id.starts_with(NEEDS_COUNTRY_FILE)) =>
                        {
                            if ph.takes_place_country(lex) {
                                unplaced.push(out.len());
                            }
                            let mut holder = actor();
                            holder.name = ph.name.as_ref().map(|(_, name)| name.clone());
                            out.push(actor_mention(
                                doc,
                                s,
                                base,
                                agents_start..range.end,
                                holder,
                                entry_parts(),
                            ));
                            i = range.end;
                        }
                        _ => i = range.start.max(start + 1),
                    }
                    continue;
                }
                // (diplomatic shorthand, "the region", "the other side", only
                // stands for a government beside a country it names)
                _ if (stands_alone(toks, cls, j)
                        || subjunctive_after_that(toks, cls, agents_start, j)
                        // ("Truckers protesting ... blocked": a plural opening the
                        // sentence before a participle is its subject, though the
                        // lemma table does not know the plural)
                        || (agents_start == body
                            && j > 0
                            && toks[j - 1].lower.ends_with('s')
                            && toks.get(j).is_some_and(|n| n.lower.ends_with("ing"))))
                    && !ph.agents.iter().all(|(_, id)| id.starts_with(NEEDS_COUNTRY_FILE)) =>
                {
                    if ph.takes_place_country(lex) {
                        unplaced.push(out.len());
                    }
                    out.push(actor_mention(doc, s, base, agents_start..j, actor(), entry_parts()));
                }
                _ => {}
            }
            i = j.max(start + 1);
            continue;
        }
        let mut actor = actor();
        // "Finnish police passed it to their Swedish counterparts": a counterpart
        // holds the post of the actor named before it in the sentence (SWECOP),
        // a government only when that actor is one or none is named
        if ph.org.is_none() && ph.name.is_none() && is_counterpart(toks, first_agent.as_ref()) {
            let before = out.iter().rev().find_map(|m: &Mention| match &m.kind {
                MentionKind::Actor(a) if a.country.as_deref().is_some_and(|c| c.len() == 3 && Some(c) != country) => {
                    a.sector.clone()
                }
                _ => None,
            });
            if let (Some(sec), Some(c)) = (before.filter(|s| s != "IGO"), country) {
                actor.code = concat(c, &sec);
                actor.sector = Some(sec);
            }
        }
        if let Some((range, name)) = &ph.name {
            actor.name = Some(name.clone());
            if learn {
                mem.learned.push(Learned {
                    aliases: aliases(&toks[range.clone()], &cls[range.clone()]),
                    actor: actor.clone(),
                    agents: ph.agents.iter().map(|(_, id)| id.to_string()).collect(),
                    entry: concat("learned:", name),
                });
            }
        }
        if ph.org.is_some() {
            orgs_here.push(out.len());
        }
        if let (true, Some(&(sector, id))) = (head_of_country && ph.org.is_none(), ph.agents.first()) {
            heads_of.push((out.len(), sector, id));
        }
        let mut entry = entry_parts();
        if past_office {
            // (merge_titles gives a known person after it the past office too)
            entry.push_str(FORMER_MARK);
        }
        out.push(actor_mention(doc, s, base, span_start..j, actor, entry));
        i = j.max(start + 1);
    }
    // where the sentence happens: a place, or a country after "in",
    // "through", "across" ("marched through central Hong Kong")
    let here = out
        .iter()
        .find_map(|m: &Mention| match &m.kind {
            MentionKind::Place(p) => p.country.clone(),
            // ("set up tents at Columbia University": a gazetteer place that is
            // also an actor places the sentence when it follows "at" or "in")
            MentionKind::Actor(a)
                if m.entry.starts_with("places.tsv:") && after_locative(cls, m.tokens.start - base) =>
            {
                a.country.clone()
            }
            _ => None,
        })
        .or_else(|| {
            out.iter().find_map(|m: &Mention| {
                let start = m.tokens.start - base;
                let inside = after_class(cls, start, WordClass::Within) || after_class(cls, start, WordClass::Locative);
                match &m.kind {
                    MentionKind::Actor(a) if inside && a.sector.is_none() && a.name.is_none() => a.country.clone(),
                    _ => None,
                }
            })
        });
    // the dateline only places a sentence that names no country itself
    let names_country = out.iter().any(|m| m.actor().is_some_and(|a| a.country.is_some()));
    let dateline = if names_country {
        None
    } else {
        mem.dateline_country.clone()
    };
    // "the defence ministries of France and Germany", "warships from China
    // and Russia": each country coordinated after the head's country takes
    // the head's sector
    for &(k, sector, agent_id) in &heads_of {
        let mut prev_end = out[k].tokens.end - base;
        for m in out.iter_mut().skip(k + 1) {
            let r = m.tokens.start - base..m.tokens.end - base;
            if r.start <= prev_end {
                continue;
            }
            let gap: Vec<&str> = toks[prev_end..r.start].iter().map(|t| t.lower.as_str()).collect();
            let and = matches!(gap.as_slice(), ["and"] | [",", "and"]);
            if !(and || gap.as_slice() == [","]) {
                break;
            }
            let MentionKind::Actor(a) = &mut m.kind else { break };
            // ("the people of Turkey and Syria" are the two countries)
            if sector == "CVL" || a.sector.is_some() || a.name.is_some() || a.country.is_none() {
                break;
            }
            a.code = concat(a.country.as_deref().unwrap_or_default(), sector);
            a.sector = Some(sector.to_string());
            m.entry = format!("{}+{agent_id}+context:shared-head", m.entry);
            prev_end = r.end;
            if and {
                break;
            }
        }
    }
    // "Russia sent tanks ... and its warplanes bombed targets": an agent
    // owned by "its"/"their" belongs to the actor named before it
    let antecedent_country = |out: &[Mention], k: usize| {
        out[..k]
            .iter()
            .rev()
            .filter(|m| m.tokens.end <= out[k].tokens.start)
            .find_map(|m| m.actor().and_then(|a| a.country.clone()))
    };
    let owned: Vec<usize> = unplaced
        .iter()
        .copied()
        .filter(|&k| {
            let start = out[k].tokens.start - base;
            start > 0 && cls[start - 1].lower_is(WordClass::Possessive)
        })
        .collect();
    for &k in &owned {
        // "Islamic State said its fighters ...": an organisation with no
        // country owns its members, who are the organisation
        let org_owner = orgs_here
            .iter()
            .rev()
            .find(|&&o| o < k)
            .filter(|&&o| {
                !out[o + 1..k].iter().any(|m| m.actor().is_some())
                    && out[o].actor().is_some_and(|a| a.country.is_none())
            })
            .and_then(|&o| out[o].actor().map(|a| (a.clone(), out[o].entry.clone())));
        if let Some((owner, owner_entry)) = org_owner {
            if let MentionKind::Actor(a) = &mut out[k].kind {
                a.code = owner.code;
                a.name = owner.name;
                a.sector = owner.sector.or(a.sector.take());
                out[k].entry = format!("{owner_entry}+{}+context:owner", out[k].entry);
            }
            continue;
        }
        if let (Some(country), MentionKind::Actor(a)) = (antecedent_country(&out, k), &mut out[k].kind) {
            a.code = concat(&country, a.sector.as_deref().unwrap_or_default());
            a.country = Some(country);
            out[k].entry.push_str("+context:owner");
        }
    }
    unplaced.retain(|k| !owned.contains(k));
    if let Some(country) = here.or(dateline) {
        for &k in &unplaced {
            if let MentionKind::Actor(a) = &mut out[k].kind {
                a.code = concat(&country, a.sector.as_deref().unwrap_or_default());
                a.country = Some(country.clone());
                out[k].entry.push_str("+context:place");
            }
        }
    } else {
        // "France recalled its ambassadors", "Kenyan police fired at
        // protesters": with no place named, an unplaced agent belongs to the
        // country of the nearest actor before it
        for &k in &unplaced {
            let before = out[..k]
                .iter()
                .rev()
                .filter(|m| m.tokens.end <= out[k].tokens.start)
                .find_map(|m| m.actor().and_then(|a| a.country.clone()));
            // ("Iran has held the tanker since July. The United States insisted
            // that the government release it": a definite agent a demand asks to
            // act belongs to the country the story is about, not the speaker's;
            // grammar `demand`)
            let start = out[k].tokens.start - base;
            let asked = start >= 2
                && cls[start - 1].lower_is(WordClass::Det)
                && !cls[start - 1].lower_is(WordClass::Indefinite)
                && !cls[start - 1].lower_is(WordClass::Quantity)
                && !cls[start - 1].lower_is(WordClass::Possessive)
                && (cls[start - 2].lower_is(WordClass::Demand)
                    || (start >= 3
                        && cls[start - 2].lower_is(WordClass::Complementizer)
                        && cls[start - 3].lower_is(WordClass::Demand)));
            let story = mem
                .last_country
                .clone()
                .filter(|c| asked && before.as_ref().is_some_and(|b| b != c));
            if let (Some(country), MentionKind::Actor(a)) = (story, &mut out[k].kind) {
                a.code = concat(&country, a.sector.as_deref().unwrap_or_default());
                a.country = Some(country);
                out[k].entry.push_str("+context:story");
            } else if let (Some(country), MentionKind::Actor(a)) = (before, &mut out[k].kind) {
                a.code = concat(&country, a.sector.as_deref().unwrap_or_default());
                a.country = Some(country);
                out[k].entry.push_str("+context:antecedent");
            } else if let (Some(country), MentionKind::Actor(a)) = (
                // "NEW YORK - ... drone attacks on Saudi oil facilities": a weapon
                // striking another country named after it was not launched from
                // where the story is filed
                mem.dateline_country.as_ref().filter(|d| {
                    let last = out[k].tokens.end - base - 1;
                    !cls[last].lower_is(WordClass::Weapon)
                        || !out[k + 1..]
                            .iter()
                            .any(|m| m.actor().and_then(|a| a.country.as_ref()).is_some_and(|c| c != *d))
                }),
                &mut out[k].kind,
            ) {
                // "ISLAMABAD - Paramilitary forces arrested former Pakistani prime
                // minister Imran Khan": nothing before it, so the dateline's
                a.code = concat(country, a.sector.as_deref().unwrap_or_default());
                a.country = Some(country.clone());
                out[k].entry.push_str("+context:dateline");
            } else if let (Some(country), MentionKind::Actor(a)) = (
                // "Mali's junta ... . The junta expelled the French ambassador":
                // a definite agent with no country before it belongs to the
                // country the story is about, the latest named before it
                mem.last_country.as_ref().filter(|_| {
                    let start = out[k].tokens.start - base;
                    start > 0
                        && cls[start - 1].lower_is(WordClass::Det)
                        && !cls[start - 1].lower_is(WordClass::Indefinite)
                        && !cls[start - 1].lower_is(WordClass::Quantity)
                        && !cls[start - 1].lower_is(WordClass::Possessive)
                }),
                &mut out[k].kind,
            ) {
                a.code = concat(country, a.sector.as_deref().unwrap_or_default());
                a.country = Some(country.clone());
                out[k].entry.push_str("+context:story");
            } else {
                // "Protesters blocked the entrances to Georgia's parliament",
                // "Kashmiri opposition leaders demanded that New Delhi ...": with
                // no place, dateline, story or actor before it, an unplaced agent
                // belongs to the country of the first actor named after it when
                // that actor is one of the country's own bodies ("A European
                // court convicted Turkey" keeps a court of no country)
                let after = out[k + 1..]
                    .iter()
                    .filter(|m| m.tokens.start >= out[k].tokens.end)
                    .find(|m| m.actor().is_some())
                    // (a capital standing for its government, "in eastern
                    // Beirut", is as much a place as a body: it lends nothing)
                    .filter(|m| !m.entry.starts_with("countries.tsv") || m.entry.contains('+'))
                    .and_then(|m| m.actor())
                    .filter(|a| a.sector.is_some())
                    .and_then(|a| a.country.clone());
                if let (Some(country), MentionKind::Actor(a)) = (after, &mut out[k].kind) {
                    a.code = concat(&country, a.sector.as_deref().unwrap_or_default());
                    a.country = Some(country);
                    out[k].entry.push_str("+context:following");
                }
            }
        }
    }
    // the latest country and organisation, for descriptions in later sentences
    if let Some(c) = out.iter().rev().find_map(|m| match &m.kind {
        MentionKind::Actor(a) => a.country.clone(),
        MentionKind::Place(p) => p.country.clone(),
        _ => None,
    }) {
        mem.last_country = Some(c);
    }
    if let Some(&k) = orgs_here.last() {
        if let Some(a) = out[k].actor() {
            mem.last_org = Some((a.clone(), out[k].entry.clone()));
        }
    }
    merge_org_appositions(toks, cls, base, &mut out);
    merge_parenthetical_names(toks, base, &mut out);
    merge_titles(&mut out);
    heads_of_people(toks, cls, base, &mut out);
    out
}

/// "the Tigray People's Liberation Front (TPLF)": a name restated in
/// parentheses as the same actor is one mention, so "the Ethiopian
/// government and the Tigray People's Liberation Front (TPLF) signed"
/// keeps its coordinated subject.
fn merge_parenthetical_names(toks: &[Token], base: usize, out: &mut Vec<Mention>) {
    let mut k = 1;
    while k < out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let (a_end, b_start, b_end) = (
            a.tokens.end.saturating_sub(base),
            b.tokens.start.saturating_sub(base),
            b.tokens.end.saturating_sub(base),
        );
        let parenthesised = b_start == a_end + 1
            && toks.get(a_end).is_some_and(|t| t.lower == "(")
            && toks.get(b_end).is_some_and(|t| t.lower == ")");
        let same = match (a.actor(), b.actor()) {
            (Some(x), Some(y)) => x.code == y.code && !b.entry.contains("+context:"),
            _ => false,
        };
        if parenthesised && same {
            // the closing parenthesis too, so the name ends where the phrase does
            let close = out[k].tokens.end + 1;
            let span_end = toks[b_end].end;
            out[k - 1].tokens.end = close;
            out[k - 1].span.end = span_end;
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// "ECOWAS, the West African bloc, asked ...": an organisation and a
/// description of the same organisation in apposition are one mention.
fn merge_org_appositions(toks: &[Token], cls: &[Classes], base: usize, out: &mut Vec<Mention>) {
    let mut k = 1;
    while k < out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let gap = a.tokens.end.saturating_sub(base)..b.tokens.start.saturating_sub(base);
        let apposition = b.tokens.start >= a.tokens.end
            && gap.len() <= 2
            && toks.get(gap.start).is_some_and(|t| t.lower == ",")
            && (gap.len() == 1 || cls.get(gap.start + 1).is_some_and(|c| c.lower_is(WordClass::Det)));
        let same_org = match (a.actor(), b.actor()) {
            (Some(x), Some(y)) => {
                x.code == y.code && x.code.starts_with("IGO") && !b.entry.contains("+context:") && y.name.is_some()
            }
            _ => false,
        };
        if apposition && same_org {
            let (end, span_end) = (out[k].tokens.end, out[k].span.end);
            out[k - 1].tokens.end = end;
            out[k - 1].span.end = span_end;
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// A definite description starting at `k` ("the island's", "the Balkan
/// country's", "the island nation's", "the bloc"): the index of its head, a
/// noun of `class`, after at most three modifiers that name no actor.
fn description_head(
    toks: &[Token],
    cls: &[Classes],
    by_start: &[Vec<(usize, &[ActorEntry])>],
    k: usize,
    class: WordClass,
) -> Option<usize> {
    if toks.get(k).is_none_or(|t| t.lower != "the") {
        return None;
    }
    let n = toks.len();
    for h in k + 1..n.min(k + 5) {
        if !by_start[h].is_empty() {
            return None;
        }
        if cls[h].lower_is(class) {
            // "the island nation's": the last noun of the class is the head
            if h + 1 < n && cls[h + 1].lower_is(class) && by_start[h + 1].is_empty() {
                continue;
            }
            return Some(h);
        }
        let modifier = (toks[h].kind == TokenKind::Word && !cls[h].function_word()) || toks[h].lower == "-";
        if !modifier {
            return None;
        }
    }
    None
}

/// "[Supporters] of [President Donald Trump]": a bare agent joined by
/// "of"/"from" to a person is one actor, the agent's sector in the person's
/// country (USACVL), not the person.
fn heads_of_people(toks: &[Token], cls: &[Classes], base: usize, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (head, next) = (&out[i], &out[i + 1]);
        let bare = head.entry.starts_with("agents.tsv:") && head.actor().is_some_and(|a| a.name.is_none());
        let person = next.entry.contains("people.tsv:") || next.entry.starts_with("learned:");
        let mut k = head.tokens.end - base;
        let joined = k < toks.len() && cls[k].lower_is(WordClass::Partitive);
        k += 1;
        while k < toks.len() && cls[k].lower_is(WordClass::Det) {
            k += 1;
        }
        let country = next.actor().and_then(|a| a.country.clone());
        // (a title the person absorbed or stands before: "of Prime Minister Imran Khan")
        let next_start = next.tokens.start - base;
        let titled = next_start >= k
            && next_start - k <= 4
            && toks[k..next_start]
                .iter()
                .all(|t| t.kind == TokenKind::Word && t.capitalized);
        if bare && person && joined && titled {
            if let (Some(country), MentionKind::Actor(a)) = (country, &mut out[i].kind) {
                a.code = concat(&country, a.sector.as_deref().unwrap_or_default());
                a.country = Some(country);
                let person = out.remove(i + 1);
                let h = &mut out[i];
                h.entry = format!(
                    "{}+{}",
                    h.entry.split("+context:").next().unwrap_or_default(),
                    person.entry
                );
                h.tokens.end = person.tokens.end;
                h.span.end = person.span.end;
            }
        }
        i += 1;
    }
}

/// "[Saudi Crown Prince] [Mohammed bin Salman]": a title phrase right
/// before a known person of the same country (or of none) is one mention,
/// the person's, so the pair is not two actors.
fn merge_titles(out: &mut Vec<Mention>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let merge = a.tokens.end == b.tokens.start
            && match (a.actor(), b.actor()) {
                (Some(title), Some(person)) => {
                    title.name.is_none()
                        && person.name.is_some()
                        && title.sector.is_some()
                        // (a country the title only took from context yields to the person's)
                        && (title.country.is_none()
                            || title.country == person.country
                            || a.entry.replace(FORMER_MARK, "").contains("+context:"))
                }
                _ => false,
            };
        if merge {
            let title = out.remove(i);
            let person = &mut out[i];
            // "former South Korean President Park Geun-hye": the past office
            if title.entry.contains(FORMER_MARK) {
                if let (Some(t), MentionKind::Actor(p)) = (title.actor(), &mut person.kind) {
                    if let (Some(sector), Some(country)) = (&t.sector, &p.country) {
                        p.code = concat(country, sector);
                        p.sector = Some(sector.clone());
                    }
                }
            }
            // "the opposition Move Forward Party", "the ruling AK Party": a party
            // is coded by the side the title gives it
            if person.entry.contains("orgs.tsv:") {
                if let (Some(t), MentionKind::Actor(p)) = (title.actor(), &mut person.kind) {
                    let side = t.sector.as_deref().filter(|s| matches!(*s, "OPP" | "GOV"));
                    if let (Some(sector), Some(country), Some("PTY")) = (side, &p.country, p.sector.as_deref()) {
                        p.code = concat(country, sector);
                        p.sector = Some(sector.to_string());
                    }
                }
            }
            person.tokens.start = title.tokens.start;
            person.span.start = title.span.start;
            let title_entry = title.entry.split("+context:").next().unwrap_or(&title.entry);
            person.entry = format!("{title_entry}+{}", person.entry);
        } else {
            i += 1;
        }
    }
}

/// The longest agent phrase starting at token `k`: (end, sector, entry id).
fn longest_agent_at<'a>(by_start: &[Vec<(usize, &'a [ActorEntry])>], k: usize) -> Option<(usize, &'a str, &'a str)> {
    by_start.get(k).and_then(|hs| {
        hs.iter()
            .filter_map(|(end, es)| {
                es.iter().find_map(|e| match e {
                    ActorEntry::Agent { sector, id } => Some((*end, sector.as_str(), id.as_str())),
                    _ => None,
                })
            })
            .max_by_key(|(end, _, _)| *end)
    })
}

/// Where the agent after a possessive starts when at most two modifiers
/// (grammar class `modifier`: "warring", "top", "biggest") stand before it
/// ("Sudan's warring army", "South Korea's top court"); `k` itself when no
/// agent follows them.
fn skip_modifiers(cls: &[Classes], by_start: &[Vec<(usize, &[ActorEntry])>], k: usize) -> usize {
    let mut m = k;
    while m < cls.len() && m - k < 2 && cls[m].lower_is(WordClass::Modifier) && !agent_starts(by_start, m, false) {
        m += 1;
    }
    if m > k && agent_starts(by_start, m, false) {
        m
    } else {
        k
    }
}

/// A one-word gazetteer name with at least this many inhabitants is a place
/// wherever it stands (smaller towns share their names with people and words).
const BIG_CITY: u64 = 500_000;

/// Whether an agent phrase starts at token `k`; with `plain`, one that
/// stands for an actor on its own (not from `NEEDS_COUNTRY_FILE`).
fn agent_starts(by_start: &[Vec<(usize, &[ActorEntry])>], k: usize, plain: bool) -> bool {
    by_start.get(k).is_some_and(|hs| {
        hs.iter().any(|(_, es)| {
            es.iter()
                .any(|e| matches!(e, ActorEntry::Agent { id, .. } if !plain || !id.starts_with(NEEDS_COUNTRY_FILE)))
        })
    })
}

/// The agent shared by a coordinated list of countries continuing at `k`
/// ("[Chinese] and Russian warships", "[French], German and British
/// diplomats"): the sector and entry id of the agent right after the last
/// country.
fn shared_agent<'l>(
    toks: &[Token],
    by_start: &[Vec<(usize, &'l [ActorEntry])>],
    mut k: usize,
) -> Option<(&'l str, &'l str)> {
    let n = toks.len();
    loop {
        let comma = k < n && toks[k].lower == ",";
        if comma {
            k += 1;
        }
        // ("joint Russian-Belarusian military exercises": two adjectives
        // joined by a hyphen)
        let hyphen = !comma && k < n && toks[k].lower == "-";
        let and = hyphen || (k < n && matches!(toks[k].lower.as_str(), "and" | "or"));
        if and {
            k += 1;
        }
        if !(comma || and) || k >= n || !cap(&toks[k]) {
            return None;
        }
        let end = by_start[k].iter().find_map(|(end, es)| {
            es.iter()
                .any(|e| match e {
                    ActorEntry::Country {
                        form: CountryForm::Adjective,
                        ..
                    } => true,
                    ActorEntry::Country {
                        form: CountryForm::Name,
                        ..
                    } => !hyphen,
                    _ => false,
                })
                .then_some(*end)
        })?;
        let agent = longest_agent_at(by_start, end);
        if let Some((_, sector, id)) = agent {
            // ("British-Iranian aid worker": one person of two nationalities;
            // only forces and governments are joined so)
            if hyphen && !matches!(sector, "MIL" | "GOV") {
                return None;
            }
            return Some((sector, id));
        }
        // only "and" ends the list
        if and {
            return None;
        }
        k = end;
    }
}

/// Whether the phrase at `start` opens its clause, after determiners and
/// counts: "[The] militants from ...", "..., [dozens of] soldiers from ...".
fn opens_clause(toks: &[Token], cls: &[Classes], start: usize) -> bool {
    let mut k = start;
    while k > 0
        && (cls[k - 1].lower_is(WordClass::Det)
            || cls[k - 1].lower_is(WordClass::Quantity)
            || toks[k - 1].kind == TokenKind::Number)
    {
        k -= 1;
    }
    k == 0
        || matches!(toks[k - 1].lower.as_str(), "," | ";" | ":" | "-" | "(")
        || cls[k - 1].lower_is(WordClass::Boundary)
}

/// Whether the phrase at `start` follows a count: a number or a count
/// word ("200 Venezuelans", "hundreds of Cubans", "many Afghans").
fn counted(toks: &[Token], cls: &[Classes], start: usize) -> bool {
    let mut k = start;
    if k > 0 && toks[k - 1].lower == "of" {
        k -= 1;
    }
    k > 0
        && (toks[k - 1].kind == TokenKind::Number
            || (cls[k - 1].lower_is(WordClass::Quantity) && !cls[k - 1].lower_is(WordClass::Prep)))
}

/// Whether the phrase at `start` follows a locative preposition, allowing a
/// compass word between: "in Moscow", "in northern Iraq".
fn after_locative(cls: &[Classes], start: usize) -> bool {
    after_class(cls, start, WordClass::Locative)
}

/// Whether the phrase at `start` follows a word of `class`, allowing a
/// determiner and a compass word between.
fn after_class(cls: &[Classes], start: usize, class: WordClass) -> bool {
    let mut k = start;
    if k > 0 && cls[k - 1].lower_is(WordClass::Direction) {
        k -= 1;
    }
    if k > 0 && cls[k - 1].lower_is(WordClass::Det) {
        k -= 1;
    }
    k > 0 && cls[k - 1].lower_is(class)
}

/// The gazetteer place a phrase names: of same-named places ("London",
/// "Madrid", "Tripoli"), the one in the country whose capital the phrase also
/// names (the gazetteer lists London, Ontario before London, England), else
/// the first.
fn best_place<'l>(lex: &'l Lexicon, entries: &'l [ActorEntry]) -> Option<(usize, &'l str)> {
    let capital_of = entries.iter().find_map(|e| match e {
        ActorEntry::Country {
            code,
            form: CountryForm::Capital,
            ..
        } => Some(code.as_str()),
        _ => None,
    });
    let places = entries.iter().filter_map(|e| match e {
        ActorEntry::Place { place, id } => Some((*place, id.as_str())),
        _ => None,
    });
    let mut first = None;
    for (p, id) in places {
        if capital_of.is_some() && lex.actors.places[p].country.as_deref() == capital_of {
            return Some((p, id));
        }
        first = first.or(Some((p, id)));
    }
    first
}

/// Whether the one-word phrase at `j` sits next to a capitalised word that
/// no dictionary knows (not sentence-initial): part of a person's name, as
/// in "Michael Jordan" or "Chad Smith".
fn in_unknown_name(
    toks: &[Token],
    cls: &[Classes],
    j: usize,
    by_start: &[Vec<(usize, &[ActorEntry])>],
    calendar: &dyad_lexicon::Calendar,
) -> bool {
    // (a weekday or month is no part of a name: "on Monday India's decision")
    let unknown_name_word = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.capitalized
                && !cls[k].function_word()
                && !cls[k].lower_is(WordClass::Former)
                && calendar.get(&t.lower).is_none()
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
/// Whether the bare title at `start..j` opens a "that" clause whose verb is
/// a bare (subjunctive) form: "demanded that the ruling military council hand
/// power to civilians", "insisted that the government release ...". The
/// word after the verb must not make it a noun ("that the government
/// release was delayed").
fn subjunctive_after_that(toks: &[Token], cls: &[Classes], start: usize, j: usize) -> bool {
    let mut k = start;
    while k > 0 && (cls[k - 1].lower_is(WordClass::Det) || cls[k - 1].lower_is(WordClass::Modifier)) {
        k -= 1;
    }
    let (Some(verb), Some(after)) = (toks.get(j), toks.get(j + 1)) else {
        return false;
    };
    k > 0
        && cls[k - 1].lower_is(WordClass::Complementizer)
        && verb.kind == TokenKind::Word
        && !verb.capitalized
        && verb.lemma == verb.lower
        && !verb.lower.ends_with("ing")
        && !cls[j].function_word()
        && !cls[j].lemma_function_word()
        && !cls[j + 1].lemma_is(WordClass::Auxiliary)
        && !cls[j + 1].lower_is(WordClass::Intent)
        && !cls[j + 1].lower_is(WordClass::Conditional)
        && !cls[j + 1].lower_is(WordClass::Negation)
        && (after.kind != TokenKind::Word || !after.lower.ends_with("ed") || cls[j + 1].lower_is(WordClass::Modifier))
}

fn stands_alone(toks: &[Token], cls: &[Classes], j: usize) -> bool {
    let Some(next) = toks.get(j) else { return true };
    next.kind != TokenKind::Word
        || next.capitalized
        || cls[j].function_word()
        || cls[j].lemma_function_word()
        || next.lower.ends_with("ed")
        || (next.lower.ends_with('s') && next.lemma != next.lower)
        // an irregular past ("protesters took", "soldiers fought"), or one
        // spelt like its present ("protesters set fire", "police beat")
        || (next.lemma != next.lower && !next.lower.ends_with("ing"))
        || cls[j].lower_is(WordClass::BarePast)
        // modals the grammar lists in no class ("the international community must act")
        || matches!(next.lower.as_str(), "must" | "can" | "cannot" | "might" | "shall")
        // a participle after a plural noun ("protesters demanding", "soldiers
        // carrying"), not a gerund compound ("military spending")
        || (next.lower.ends_with("ing") && j > 0 && toks[j - 1].lemma != toks[j - 1].lower && toks[j - 1].lower.ends_with('s'))
}

/// Alias token sequences for a learned name: the full name, every suffix
/// ("Di Maio", "Maio"), and the first word of a two-word name ("Wang").
fn aliases(name: &[Token], cls: &[Classes]) -> Vec<Vec<String>> {
    let words: Vec<String> = name.iter().map(|t| t.lower.clone()).collect();
    let mut out = Vec::new();
    for k in 0..words.len() {
        if !cls[k].lower_is(WordClass::Particle) || k + 1 == words.len() {
            out.push(words[k..].to_vec());
        }
    }
    // ("Kim Jong Un" ... "Kim": a family name first is the short form of a
    // three-word name whose given name is two syllables, the last short, as
    // in Korean names; not "George W. Bush")
    if words.len() == 2 || (words.len() == 3 && words[1].len() > 2 && words[2].len() <= 3) {
        out.push(vec![words[0].clone()]);
    }
    out
}

fn learned_at<'a>(learned: &'a [Learned], toks: &[Token], cls: &[Classes], j: usize) -> Option<(&'a Learned, usize)> {
    let mut best: Option<(&Learned, usize)> = None;
    for l in learned.iter().rev() {
        for a in &l.aliases {
            let end = j + a.len();
            if end <= toks.len()
                && toks[j..end].iter().zip(a).all(|(t, w)| t.lower == *w)
                && (end == toks.len() || !is_name_token(&toks[end]) || cls[end].lemma_is(WordClass::Report))
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

/// The agent words are diplomatic "counterpart(s)", which name a post only
/// relative to another actor's.
fn is_counterpart(toks: &[Token], agent: Option<&Range<usize>>) -> bool {
    agent.is_some_and(|r| r.len() == 1 && matches!(toks[r.start].lower.as_str(), "counterpart" | "counterparts"))
}
