//! The CAMEO event codebook: Goldstein values, quad classes, and the PLOVER
//! event type, mode and contexts each CAMEO code maps to.

use crate::source::{columns, list, DictFile, LoadError};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    pub name: String,
    pub goldstein: f64,
    pub quad_class: u8,
    /// PLOVER event type, e.g. `THREATEN`; `None` where PLOVER has no mapping.
    pub plover: Option<String>,
    /// PLOVER mode, e.g. `restrict`; `None` where the column is empty.
    pub plover_mode: Option<String>,
    /// PLOVER contexts (`;`-separated in the file), e.g. `diplomatic`; PLOVER
    /// allows several (`091` → `crime`, `corruption`); empty where none.
    pub plover_context: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Codebook {
    codes: HashMap<String, CodeInfo>,
}

impl Codebook {
    pub fn load(&mut self, f: &DictFile, errors: &mut Vec<LoadError>) {
        for (n, line) in f.lines() {
            let parsed = columns(line, 4, 7).and_then(|c| {
                if !(2..=4).contains(&c[0].len()) || !c[0].chars().all(|d| d.is_ascii_digit()) {
                    return Err(format!("bad CAMEO code {:?}", c[0]));
                }
                let goldstein = c[2]
                    .parse::<f64>()
                    .map_err(|_| format!("bad Goldstein value {:?}", c[2]))?;
                let quad_class = c[3]
                    .parse::<u8>()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .ok_or(format!("bad quad class {:?}", c[3]))?;
                let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
                Ok((
                    c[0].to_string(),
                    CodeInfo {
                        name: c[1].to_string(),
                        goldstein,
                        quad_class,
                        plover: opt(c[4]),
                        plover_mode: opt(c[5]),
                        plover_context: list(c[6]).map(String::from).collect(),
                    },
                ))
            });
            match parsed {
                Ok((code, info)) => {
                    self.codes.insert(code, info);
                }
                Err(e) => errors.push(f.error(n, e)),
            }
        }
    }

    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        self.codes.get(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info<'c>(book: &'c Codebook, code: &str) -> (Option<&'c str>, Option<&'c str>, Vec<&'c str>) {
        let c = book.get(code).unwrap_or_else(|| panic!("{code} in the codebook"));
        (
            c.plover.as_deref(),
            c.plover_mode.as_deref(),
            c.plover_context.iter().map(String::as_str).collect(),
        )
    }

    /// Values of PLOVER's CAMEO table (CAMEO2PLOVER, draft 0.8) as
    /// dict/cameo.tsv carries them.
    #[test]
    fn builtin_codes_carry_plover_type_mode_and_contexts() {
        let lex = crate::Lexicon::builtin();
        let book = &lex.codebook;
        assert_eq!(
            info(book, "1312"),
            (Some("THREATEN"), Some("restrict"), vec!["economic"])
        );
        assert_eq!(info(book, "141"), (Some("PROTEST"), Some("demo"), vec![]));
        assert_eq!(info(book, "1411"), (Some("PROTEST"), Some("demo"), vec!["executive"]));
        assert_eq!(info(book, "041"), (Some("CONSULT"), Some("phone"), vec![]));
        assert_eq!(info(book, "040"), (Some("CONSULT"), None, vec![]));
        assert_eq!(
            info(book, "091"),
            (Some("ACCUSE"), Some("investigate"), vec!["crime", "corruption"])
        );
        // a context without a mode
        assert_eq!(info(book, "196"), (Some("ASSAULT"), None, vec!["legal", "military"]));
        // CAMEO root 01 has no PLOVER type at all
        assert_eq!(info(book, "010"), (None, None, vec![]));
        // appeals take the PLOVER fields of the parallel demand code (0231 ~ 1031)
        assert_eq!(info(book, "0231"), (Some("REQUEST"), Some("assist"), vec!["economic"]));
    }

    #[test]
    fn empty_or_missing_plover_columns_are_none() {
        let f = DictFile::builtin(
            "user.tsv",
            "1312\tThreaten with sanctions\t-5.8\t3\n\
             141\tDemonstrate or rally\t-6.5\t4\tPROTEST\t \t ; \n\
             091\tInvestigate crime\t-2.0\t3\tACCUSE\tinvestigate\tcrime; corruption\n\
             12x\tBad\t1\t1\n",
        );
        let mut book = Codebook::default();
        let mut errors = Vec::new();
        book.load(&f, &mut errors);
        assert_eq!(info(&book, "1312"), (None, None, vec![]));
        assert_eq!(info(&book, "141"), (Some("PROTEST"), None, vec![]));
        assert_eq!(
            info(&book, "091"),
            (Some("ACCUSE"), Some("investigate"), vec!["crime", "corruption"])
        );
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].file.as_str(), errors[0].line), ("user.tsv", 4));
    }
}
