//! Query-string parsing with the API's rules: every parameter is checked,
//! unknown and repeated parameters are rejected, and every problem is a 400
//! naming the parameter.

use crate::error::ApiError;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use chrono::NaiveDate;

/// The query string of a request, consumed parameter by parameter; call
/// [`Params::finish`] last to reject anything left over.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Params::parse(parts.uri.query().unwrap_or(""))
    }
}

impl Params {
    /// Parses `a=1&b=x`; a parameter given twice is an error.
    pub fn parse(query: &str) -> Result<Params, ApiError> {
        let uri: axum::http::Uri = format!("/?{query}")
            .parse()
            .map_err(|_| ApiError::bad_request("malformed query string"))?;
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&uri)
            .map_err(|e| ApiError::bad_request(format!("malformed query string: {}", e.body_text())))?;
        for (i, (k, _)) in pairs.iter().enumerate() {
            if pairs[..i].iter().any(|(j, _)| j == k) {
                return Err(ApiError::bad_request(format!(
                    "parameter `{k}` is given more than once"
                )));
            }
        }
        Ok(Params { pairs })
    }

    /// A text parameter; empty values count as absent.
    pub fn text(&mut self, key: &str) -> Option<String> {
        let i = self.pairs.iter().position(|(k, _)| k == key)?;
        let (_, v) = self.pairs.remove(i);
        let v = v.trim().to_string();
        (!v.is_empty()).then_some(v)
    }

    /// A text parameter of at most `max` characters.
    pub fn text_max(&mut self, key: &str, max: usize) -> Result<Option<String>, ApiError> {
        match self.text(key) {
            Some(v) if v.chars().count() > max => Err(ApiError::bad_request(format!(
                "`{key}` is longer than {max} characters"
            ))),
            v => Ok(v),
        }
    }

    /// A required text parameter.
    pub fn required(&mut self, key: &str) -> Result<String, ApiError> {
        self.text(key)
            .ok_or_else(|| ApiError::bad_request(format!("missing parameter `{key}`")))
    }

    /// An integer in `min..=max`.
    pub fn int(&mut self, key: &str, min: u64, max: u64) -> Result<Option<u64>, ApiError> {
        let Some(v) = self.text(key) else { return Ok(None) };
        match v.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(ApiError::bad_request(format!(
                "`{key}` must be an integer from {min} to {max}, got `{v}`"
            ))),
        }
    }

    /// A `YYYY-MM-DD` date.
    pub fn date(&mut self, key: &str) -> Result<Option<NaiveDate>, ApiError> {
        let Some(v) = self.text(key) else { return Ok(None) };
        NaiveDate::parse_from_str(&v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ApiError::bad_request(format!("`{key}` must be a date YYYY-MM-DD, got `{v}`")))
    }

    /// One of `allowed` (exact, lowercase).
    pub fn choice(&mut self, key: &str, allowed: &[&str]) -> Result<Option<String>, ApiError> {
        let Some(v) = self.text(key) else { return Ok(None) };
        if allowed.contains(&v.as_str()) {
            Ok(Some(v))
        } else {
            Err(ApiError::bad_request(format!(
                "`{key}` must be one of {}, got `{v}`",
                allowed.join(", ")
            )))
        }
    }

    /// Fails on any parameter not consumed.
    pub fn finish(self) -> Result<(), ApiError> {
        match self.pairs.first() {
            None => Ok(()),
            Some((k, _)) => Err(ApiError::bad_request(format!("unknown parameter `{k}`"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_checks_and_rejects_leftovers() {
        let mut p = Params::parse("limit=20&from=2020-10-14&by=week&q=%20Lavrov%20").unwrap();
        assert_eq!(p.int("limit", 1, 500).unwrap(), Some(20));
        assert_eq!(p.date("from").unwrap(), NaiveDate::from_ymd_opt(2020, 10, 14));
        assert_eq!(p.choice("by", &["day", "week"]).unwrap().as_deref(), Some("week"));
        assert_eq!(p.text("q").as_deref(), Some("Lavrov"));
        p.finish().unwrap();

        let mut p = Params::parse("limit=501&offset=-1&to=2020-13-01&x=1").unwrap();
        assert!(p.int("limit", 1, 500).unwrap_err().message.contains("from 1 to 500"));
        assert!(p.int("offset", 0, 10).unwrap_err().message.contains("`-1`"));
        assert!(p.date("to").unwrap_err().message.contains("YYYY-MM-DD"));
        assert_eq!(p.finish().unwrap_err().message, "unknown parameter `x`");

        assert!(Params::parse("a=1&a=2").unwrap_err().message.contains("more than once"));
        let mut p = Params::parse("q=").unwrap();
        assert_eq!(p.text("q"), None);
    }
}
