//! Small additions for `dyad serve` (crate `dyad-serve`), kept apart from
//! the store's own reads: the actor-code → country map the API uses to
//! group actors by country, and a way to stop a long query from another
//! thread (the server's per-request time limit).

use crate::{Result, Store, StoreError};
use std::collections::HashMap;

/// Stops the query running on one [`Store`]'s connection, from any thread.
pub struct Interrupt(rusqlite::InterruptHandle);

impl Interrupt {
    /// The running statement fails with an error for which
    /// [`StoreError::is_interrupted`] is true; no data changes (a write in
    /// progress is rolled back).
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

impl Store {
    /// A handle that can stop this store's running query.
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }

    /// The country of every actor code in stored events (`None` for codes
    /// stored without a country, such as most IGOs). When a code was stored
    /// with several countries, the most frequent one.
    pub fn code_countries(&self) -> Result<HashMap<String, Option<String>>> {
        let mut stmt = self.conn.prepare(
            "SELECT code, country, count(*) AS n FROM (
                 SELECT src_code AS code, src_country AS country FROM events
                 UNION ALL
                 SELECT tgt_code, tgt_country FROM events WHERE tgt_code IS NOT NULL)
             GROUP BY code, country ORDER BY code, n DESC, country",
        )?;
        let mut out: HashMap<String, Option<String>> = HashMap::new();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))?;
        for row in rows {
            let (code, country) = row?;
            out.entry(code).or_insert(country);
        }
        Ok(out)
    }
}

impl StoreError {
    /// Whether a query was stopped through an [`Interrupt`].
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::OperationInterrupted)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Store, StoreError};

    #[test]
    fn interrupt_stops_a_running_query() {
        let store = Store::open_in_memory().unwrap();
        let handle = store.interrupt_handle();
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            handle.interrupt();
        });
        // Counts to 10^10: minutes of work unless interrupted.
        let r: rusqlite::Result<i64> = store.conn.query_row(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) SELECT count(*) FROM c",
            [],
            |r| r.get(0),
        );
        stopper.join().unwrap();
        let e = StoreError::from(r.unwrap_err());
        assert!(e.is_interrupted(), "{e}");
        assert!(!StoreError::Filter("x".into()).is_interrupted());
    }

    #[test]
    fn code_countries_of_an_empty_store_is_empty_and_interrupt_is_harmless() {
        let store = Store::open_in_memory().unwrap();
        assert!(store.code_countries().unwrap().is_empty());
        // Interrupting with no statement running changes nothing.
        store.interrupt_handle().interrupt();
        assert_eq!(store.counts().unwrap().events, 0);
    }
}
