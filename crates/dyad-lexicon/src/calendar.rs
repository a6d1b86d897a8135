//! Calendar words (`dict/calendar.tsv`) and modality code maps (`dict/modality.tsv`).

use crate::source::{columns, DictFile, LoadError};
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarWord {
    Month(u32),
    /// ISO weekday number, Monday = 1.
    Weekday(u32),
    /// Days from the publication date.
    Relative(i64),
    /// Weeks from the publication date's week (multi-word: "last week").
    Week(i64),
    /// A word that puts the clause in the future ("will", "to be held"):
    /// a weekday after it is the next one, not the last.
    Future,
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    words: FxHashMap<String, CalendarWord>,
}

impl Calendar {
    pub fn load(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        for (n, line) in f.lines() {
            let parsed = columns(line, 3, 3).and_then(|c| {
                let v: i64 = c[2].parse().map_err(|_| format!("bad value {:?}", c[2]))?;
                let w = match c[0] {
                    "month" if (1..=12).contains(&v) => CalendarWord::Month(v as u32),
                    "weekday" if (1..=7).contains(&v) => CalendarWord::Weekday(v as u32),
                    "relative" => CalendarWord::Relative(v),
                    "week" => CalendarWord::Week(v),
                    "future" => CalendarWord::Future,
                    k => return Err(format!("unknown calendar kind or value {k:?} {v}")),
                };
                Ok((c[1].to_lowercase(), w))
            });
            match parsed {
                Ok((word, w)) => {
                    self.words.insert(word, w);
                }
                Err(e) => errors.push(f.error(n, e)),
            }
        }
    }

    /// A single word or a two-word phrase ("last week").
    pub fn get(&self, phrase: &str) -> Option<CalendarWord> {
        self.words.get(phrase).copied()
    }
}

/// How context changes an event's code (`dict/modality.tsv`): intent,
/// threat and refusal codes, which codes may lack a target, govern their
/// content, take places or their own country as targets, are mutual, have
/// a third-location or a converse code, or name a perpetrator.
#[derive(Debug, Clone, Default)]
pub struct ModalityMap {
    intent: FxHashMap<String, String>,
    threat: FxHashMap<String, String>,
    targetless: FxHashMap<String, String>,
    governs: FxHashMap<String, String>,
    place_target: FxHashMap<String, String>,
    refusal: FxHashMap<String, String>,
    self_target: FxHashMap<String, String>,
    implied: FxHashMap<String, String>,
    mutual: FxHashMap<String, String>,
    mutual_open: FxHashMap<String, String>,
    venue: FxHashMap<String, String>,
    converse: FxHashMap<String, String>,
    claim: FxHashMap<String, String>,
    unnamed_attacker: FxHashMap<String, String>,
    origin: FxHashMap<String, String>,
    society: FxHashMap<String, String>,
    named_society: FxHashMap<String, String>,
    aimed: FxHashMap<String, String>,
    reaction: FxHashMap<String, String>,
    circumstance: FxHashMap<String, String>,
    envoy: FxHashMap<String, String>,
    verbal: FxHashMap<String, String>,
    stated: FxHashMap<String, String>,
    object_aimed: FxHashMap<String, String>,
    denial: FxHashMap<String, String>,
    home_object: FxHashMap<String, String>,
    nested: FxHashMap<String, String>,
    interlocutor: FxHashMap<String, String>,
    parties: FxHashMap<String, String>,
    mediated: FxHashMap<String, String>,
    armed_force: FxHashMap<String, String>,
    violence: FxHashMap<String, String>,
    crowd: FxHashMap<String, String>,
    persons: FxHashMap<String, String>,
    territorial: FxHashMap<String, String>,
    repression: FxHashMap<String, String>,
    /// "GOVERNOR/CONTENT" code prefixes -> the governor's refined code
    content: FxHashMap<String, String>,
}

impl ModalityMap {
    /// The table a kind of line goes to (`None`: not a kind).
    fn table(&mut self, kind: &str) -> Option<&mut FxHashMap<String, String>> {
        Some(match kind {
            "intent" => &mut self.intent,
            "threat" => &mut self.threat,
            "targetless" => &mut self.targetless,
            "governs" => &mut self.governs,
            "place-target" => &mut self.place_target,
            "refusal" => &mut self.refusal,
            "self-target" => &mut self.self_target,
            "implied" => &mut self.implied,
            "mutual" => &mut self.mutual,
            "mutual-open" => &mut self.mutual_open,
            "venue" => &mut self.venue,
            "converse" => &mut self.converse,
            "claim" => &mut self.claim,
            "unnamed-attacker" => &mut self.unnamed_attacker,
            "origin" => &mut self.origin,
            "society" => &mut self.society,
            "named-society" => &mut self.named_society,
            "aimed" => &mut self.aimed,
            "reaction" => &mut self.reaction,
            "circumstance" => &mut self.circumstance,
            "envoy" => &mut self.envoy,
            "verbal" => &mut self.verbal,
            "stated" => &mut self.stated,
            "object-aimed" => &mut self.object_aimed,
            "denial" => &mut self.denial,
            "home-object" => &mut self.home_object,
            "nested" => &mut self.nested,
            "interlocutor" => &mut self.interlocutor,
            "parties" => &mut self.parties,
            "mediated" => &mut self.mediated,
            "armed-force" => &mut self.armed_force,
            "violence" => &mut self.violence,
            "crowd" => &mut self.crowd,
            "persons" => &mut self.persons,
            "territorial" => &mut self.territorial,
            "repression" => &mut self.repression,
            "content" => &mut self.content,
            _ => return None,
        })
    }

    pub fn load(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        for (n, line) in f.lines() {
            let c = match columns(line, 3, 3) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(f.error(n, e));
                    continue;
                }
            };
            let bad_content = c[0] == "content"
                && !c[1]
                    .split_once('/')
                    .is_some_and(|(g, k)| !g.is_empty() && !k.is_empty());
            if bad_content {
                errors.push(f.error(n, format!("expected GOVERNOR/CONTENT codes, got {:?}", c[1])));
                continue;
            }
            match self.table(c[0]) {
                Some(table) => {
                    table.insert(c[1].to_string(), c[2].to_string());
                }
                None => errors.push(f.error(n, format!("unknown modality kind {:?}", c[0]))),
            }
        }
    }

    fn lookup<'a>(map: &'a FxHashMap<String, String>, code: &'a str) -> Option<&'a str> {
        (1..=code.len())
            .rev()
            .find_map(|l| map.get(&code[..l]))
            .map(|c| if c == "=" { code } else { c.as_str() })
    }

    /// The code for an intended `code`; `None` when the map has no entry.
    pub fn intent<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        Self::lookup(&self.intent, code)
    }

    /// Whether CAMEO codes `code` without a target ("declined to comment",
    /// "claimed responsibility", "protesters demonstrated").
    pub fn targetless(&self, code: &str) -> bool {
        Self::lookup(&self.targetless, code).is_some()
    }

    /// Whether an event of `code` takes what follows it as its content
    /// ("urged X to ...", "demanded that X ..."), so later events in the
    /// sentence are not asserted.
    pub fn governs(&self, code: &str) -> bool {
        Self::lookup(&self.governs, code).is_some()
    }

    /// Whether an event of `code` with no target actor may take a place named
    /// after it as its target ("shelled Kharkiv" -> UKR).
    pub fn place_target(&self, code: &str) -> bool {
        Self::lookup(&self.place_target, code).is_some()
    }

    /// The code for a refused `code` ("refused to meet" -> 125); `None`
    /// where CAMEO has no rejection for it, and the event is not coded.
    pub fn refusal<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        Self::lookup(&self.refusal, code)
    }

    /// Whether an event of `code` written with no TARGET slot is aimed at
    /// the next actor after it in the clause ("massed troops near Ukraine's
    /// border" -> UKR); without one it stays targetless.
    pub fn aimed(&self, code: &str) -> bool {
        Self::lookup(&self.aimed, code).is_some()
    }

    /// Whether `sector` is in the comma-separated sector list of the longest
    /// prefix of `code` in `map`; `None` when the code has no row or the
    /// actor no sector (`envoy`, `territorial`, `repression`).
    fn sector_listed(map: &FxHashMap<String, String>, code: &str, sector: Option<&str>) -> Option<bool> {
        let sectors = (1..=code.len()).rev().find_map(|l| map.get(&code[..l]))?;
        let sector = sector?;
        Some(sectors.split(',').any(|b| b.trim() == sector))
    }

    /// Whether an actor of `sector` using force of `code` on its own
    /// country's bare name acts on that country's territory, a domestic
    /// dyad ("M23 rebels seized the Congolese town of Bunagana" CODREB ->
    /// COD), not one actor named twice.
    pub fn territorial(&self, code: &str, sector: Option<&str>) -> bool {
        Self::sector_listed(&self.territorial, code, sector) == Some(true)
    }

    /// Whether a country's bare name using coercion or force of `code` on
    /// its own unnamed people of `sector` is a domestic dyad ("Saudi Arabia
    /// detained 18 Saudis" SAU -> SAUCVL), not one actor named twice.
    pub fn repression(&self, code: &str, sector: Option<&str>) -> bool {
        Self::sector_listed(&self.repression, code, sector) == Some(true)
    }

    /// Whether a source of `sector` can do an act of `code`: a visit (042)
    /// is paid by envoys, not by troops or police landing somewhere
    /// (`envoy 042 MIL,COP`: the sectors that cannot).
    pub fn envoy_allows(&self, code: &str, sector: Option<&str>) -> bool {
        Self::sector_listed(&self.envoy, code, sector) != Some(true)
    }

    /// Whether `code` is a verbal act, which in a participle after a comma
    /// says something new ("demanded ..., accusing Beijing of ..."): neither
    /// the content of the act before it nor its consequence.
    pub fn verbal(&self, code: &str) -> bool {
        Self::lookup(&self.verbal, code).is_some()
    }

    /// Whether `code` is a statement or stated intent that is still reported
    /// when it is the reason for another act ("thanked China for expressing
    /// support for Italy"); other acts after a `cause` word are not.
    pub fn stated(&self, code: &str) -> bool {
        Self::lookup(&self.stated, code).is_some()
    }

    /// Whether a participle of `code` after a comma with no target of its own
    /// is aimed at the main clause's object ("summoned the ambassador ...,
    /// warning of severe consequences").
    pub fn object_aimed(&self, code: &str) -> bool {
        Self::lookup(&self.object_aimed, code).is_some()
    }

    /// Whether `code` reacts to the main clause's subject even across ",
    /// and" (", and Armenia denied the charge").
    pub fn denial(&self, code: &str) -> bool {
        Self::lookup(&self.denial, code).is_some()
    }

    /// Whether `code` is a reaction to what someone else did, which an
    /// appositive can tell (", a charge the Kremlin denied").
    pub fn reaction(&self, code: &str) -> bool {
        Self::lookup(&self.reaction, code).is_some()
    }

    /// Whether an act of `code` whose event noun follows a `circumstance`
    /// word ("said during a visit to Kyiv") is only the setting of the news,
    /// not news of its own.
    pub fn circumstance(&self, code: &str) -> bool {
        Self::lookup(&self.circumstance, code).is_some()
    }

    /// Whether an object pronoun of `code` ("police dispersed them", "stripped
    /// them of their citizenship") may stand for an actor of the source's own
    /// country of another sector (`home-object`).
    pub fn home_object(&self, code: &str) -> bool {
        Self::lookup(&self.home_object, code).is_some()
    }

    /// Whether a kept event of code `outer` over two sides ("hosted talks
    /// between Israel and Hamas", 045) also lets the symmetric act `inner`
    /// its words name between those sides be coded ("talks between Israel
    /// and Hamas", 046): `nested OUTER INNER-PREFIX`.
    pub fn nested(&self, outer: &str, inner: &str) -> bool {
        Self::lookup(&self.nested, outer).is_some_and(|v| inner.starts_with(v))
    }

    /// The code prefix of the contacts whose target an act of `code` with no
    /// target named is addressed to (`interlocutor CODE CONTACT`: "Modi
    /// telephoned Putin and appealed for an end to violence").
    pub fn interlocutor<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        Self::lookup(&self.interlocutor, code)
    }

    /// Whether an act of `code` whose agent follows its verb ("in a deal
    /// brokered by the UAE") acts on the main clause's subject, the parties
    /// (`parties`), not on the nearest subject before it.
    pub fn parties(&self, code: &str) -> bool {
        Self::lookup(&self.parties, code).is_some()
    }

    /// The code a name before a `mediator` participle ("Qatari-mediated
    /// talks") has with each side of an act of `code` its noun heads
    /// (`mediated CODE MEDIATION`).
    pub fn mediated<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        Self::lookup(&self.mediated, code)
    }

    /// Whether `code` has a `nested` row.
    pub fn has_nested(&self, code: &str) -> bool {
        Self::lookup(&self.nested, code).is_some()
    }

    /// Whether an event of `code` with no target acts on the source's own
    /// country ("Sri Lanka declared a state of emergency" -> LKA).
    pub fn self_target(&self, code: &str) -> bool {
        Self::lookup(&self.self_target, code).is_some()
    }

    /// The sector of the actor a pattern flagged `implied` of `code` acts on
    /// when it names none ("condemned the coup": MIL).
    pub fn implied<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        Self::lookup(&self.implied, code)
    }

    /// The sector of the source's own country that an act of `code` whose
    /// object is a bare count ("detained dozens", "rounded up hundreds")
    /// acts on (CVL).
    pub fn crowd<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        Self::lookup(&self.crowd, code)
    }

    /// Whether `code` acts on people only, so a place in its TARGET slot
    /// stands for no target ("captured Bakhmut" is no arrest).
    pub fn persons(&self, code: &str) -> bool {
        Self::lookup(&self.persons, code).is_some()
    }

    /// The code of an appeal or demand `governor` ("020", "100") that asks
    /// for an act of code `content`: CAMEO's sub-codes mirror what is asked
    /// for ("urged ... to release" 0253, "demanded ... withdraw" 1056).
    /// Rows keyed by the governor's own code ("141/1041": a demonstration
    /// demanding a leader's removal is 1411) come first; rows keyed by its
    /// root ("10/084") apply to the root's plain code (020, 100) only.
    pub fn content<'a>(&'a self, governor: &str, content: &str) -> Option<&'a str> {
        let plain = governor.len() == 3 && governor.ends_with('0');
        // (a 4-digit governor also reads its 3-digit parent's rows: "accused X
        // of genocide", 1124, governs what 112's rows name)
        let parent = governor.get(..3).filter(|_| governor.len() > 3);
        let keys = [Some(governor), parent, governor.get(..2).filter(|_| plain)];
        keys.into_iter().flatten().find_map(|g| {
            (1..=content.len())
                .rev()
                .find_map(|l| self.content.get(&format!("{g}/{}", &content[..l])))
                .map(String::as_str)
        })
    }

    /// Whether a governing `code` governs only the acts its `content` rows
    /// name (`governs 14 content`: "protesters rallied to demand his
    /// resignation" refines the protest, "and police fired tear gas" stays
    /// an event).
    pub fn governs_only_content(&self, code: &str) -> bool {
        (1..=code.len())
            .rev()
            .find_map(|l| self.governs.get(&code[..l]))
            .is_some_and(|v| v == "content")
    }

    /// Whether `code` claims responsibility (CAMEO 015): its source is the
    /// perpetrator of violence in the sentence done by unnamed attackers.
    pub fn claim(&self, code: &str) -> bool {
        Self::lookup(&self.claim, code).is_some()
    }

    /// Whether an actor of `sector` with no name is an unnamed attacker
    /// ("gunmen", "a suicide bomber": CAMEO's UAF) a claim names.
    pub fn unnamed_attacker(&self, sector: &str) -> bool {
        self.unnamed_attacker.contains_key(sector)
    }

    /// Whether an actor of `sector` is an organised armed force (troops,
    /// police, rebels; `-` an actor with no sector, a country), whose bare
    /// "killed" is an act of force (CAMEO 190).
    pub fn armed_force(&self, sector: &str) -> bool {
        self.armed_force.contains_key(sector)
    }

    /// Whether `code` is an act of violence that makes a bare killing by the
    /// same source in the sentence redundant ("killed 20 villagers in an air
    /// strike" is the air strike, 195, not also a killing).
    pub fn violence(&self, code: &str) -> bool {
        Self::lookup(&self.violence, code).is_some()
    }

    /// Whether an agent of `sector` belongs to where it comes from, so the
    /// sentence's place does not give it a country (refugees, migrants).
    pub fn keeps_origin(&self, sector: &str) -> bool {
        self.origin.contains_key(sector)
    }

    /// Whether an agent of `sector` is part of its country's society that the
    /// country's bare name never stands for (the press, the opposition), so
    /// "Iran arrested two journalists" is a domestic dyad, not self-reference.
    pub fn society(&self, sector: &str) -> bool {
        Self::has_sector(&self.society, sector)
    }

    /// Whether `map` has a row for `sector` or for its first three letters
    /// (a compound sector such as "CVLHRI" counts as CVL).
    fn has_sector(map: &FxHashMap<String, String>, sector: &str) -> bool {
        map.contains_key(sector) || sector.get(..3).is_some_and(|s| map.contains_key(s))
    }

    /// Whether a named group of `sector` ("the Uyghurs", "the PKK") is, as a
    /// target, part of its country that the country's bare name never stands
    /// for: "China's crackdown on Uyghurs" is a domestic dyad.
    pub fn named_society(&self, sector: &str) -> bool {
        Self::has_sector(&self.named_society, sector)
    }

    /// The code of the same event seen from its target, coded too with
    /// source and target swapped: a visit (042) is hosted (043).
    pub fn converse<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        Self::lookup(&self.converse, code).filter(|c| *c != code)
    }

    /// The code for a meeting of `code` held in a country neither side
    /// belongs to (CAMEO 044, "meet at a third location").
    pub fn venue<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        Self::lookup(&self.venue, code).filter(|c| *c != code)
    }

    /// Whether [`ModalityMap::mutual`] holds even for a pattern whose final
    /// TARGET went missing ("Erdogan and Putin agreed a ceasefire after six
    /// hours of talks [with ...]").
    pub fn mutual_open(&self, code: &str) -> bool {
        Self::lookup(&self.mutual_open, code).is_some()
    }

    /// Whether a coordinated subject with no target named acts on each
    /// other ("Pakistan and Iran agreed to expand trade").
    pub fn mutual(&self, code: &str) -> bool {
        Self::lookup(&self.mutual, code).is_some()
    }

    /// The code for a threatened `code`.
    pub fn threat<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        Self::lookup(&self.threat, code)
    }
}

#[cfg(test)]
mod modality_tests {
    use super::*;

    fn load(text: &str) -> (ModalityMap, Vec<LoadError>) {
        let mut m = ModalityMap::default();
        let mut errors = Vec::new();
        m.load(&DictFile::builtin("m.tsv", text), &mut errors);
        (m, errors)
    }

    #[test]
    fn kinds_go_to_their_tables_and_the_longest_prefix_wins() {
        let (m, errors) =
            load("intent\t04\t036\nintent\t087\t0356\nvenue\t040\t044\ncontent\t10/087\t1056\nmutual\t05\t=\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(m.intent("042"), Some("036"));
        assert_eq!(m.intent("0871"), Some("0356"));
        assert_eq!(m.venue("040"), Some("044"));
        assert_eq!(m.venue("043"), None);
        assert_eq!(m.content("100", "0874"), Some("1056"));
        assert_eq!(m.content("020", "0874"), None);
        assert!(m.mutual("057") && !m.mutual("19"));
    }

    #[test]
    fn content_rows_of_a_governors_own_code_come_before_its_roots() {
        let (m, errors) =
            load("content\t10/084\t1053\ncontent\t141/1041\t1411\ngoverns\t14\tcontent\ngoverns\t10\t=\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(m.content("141", "1041"), Some("1411"));
        // root rows refine only the root's plain code
        assert_eq!(m.content("100", "0841"), Some("1053"));
        assert_eq!(m.content("101", "0841"), None);
        assert!(m.governs_only_content("141") && !m.governs_only_content("100"));
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line() {
        let (_, errors) = load("intent\t04\t036\nvenu\t040\t044\ncontent\t10087\t1056\nthreat\t19\n");
        let lines: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0].0, 2);
        assert!(lines[0].1.contains("unknown modality kind"));
        assert_eq!(lines[1].0, 3);
        assert!(lines[1].1.contains("GOVERNOR/CONTENT"));
        assert_eq!(lines[2].0, 4);
    }
}
