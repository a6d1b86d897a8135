//! Places shared by the coding stages: the dateline's city.

use dyad_doc::{Doc, Place};
use dyad_lexicon::Lexicon;

/// The dateline city from the gazetteer (a country named in the dateline
/// picks between same-named cities), else the dateline text as written.
pub fn dateline_place(doc: &Doc, lex: &Lexicon) -> Option<Place> {
    let d = doc.article.dateline.as_ref()?;
    let mut parts = d.place.split(',').map(str::trim);
    let city = parts.next()?;
    let country_hint = parts.next().map(|c| c.to_lowercase());
    let entries = lex.actors.phrases.get(city);
    let places: Vec<&Place> = entries
        .iter()
        .filter_map(|e| match e {
            dyad_lexicon::ActorEntry::Place { place, .. } => Some(&lex.actors.places[*place]),
            _ => None,
        })
        .collect();
    let hint_code = country_hint.and_then(|h| {
        lex.actors.phrases.get(&h).iter().find_map(|e| match e {
            dyad_lexicon::ActorEntry::Country { code, .. } => Some(code.clone()),
            _ => None,
        })
    });
    let chosen = match &hint_code {
        Some(c) => places
            .iter()
            .find(|p| p.country.as_deref() == Some(c))
            .or(places.first()),
        None => places.first(),
    };
    Some(match chosen {
        Some(p) => (*p).clone(),
        None => Place {
            name: title_case(city),
            country: hint_code,
            lat: None,
            lon: None,
        },
    })
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
