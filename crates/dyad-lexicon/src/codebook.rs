//! The CAMEO event codebook: Goldstein values, quad classes, PLOVER types.

use crate::source::{columns, list, DictFile, LoadError};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    pub name: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    /// PLOVER contexts (`;`-separated in the file), e.g. `diplomatic`.
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
