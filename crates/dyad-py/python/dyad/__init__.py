"""dyad: political event coding from Python.

News text in, CAMEO-coded "who did what to whom, when, where" event records
out, with the same coder, dictionaries and record fields as the ``dyad``
command line::

    >>> import dyad
    >>> events = dyad.code(text, date="2020-10-14", source="UrduPoint.com")
    >>> events[0]["source"]["code"], events[0]["cameo"], events[0]["target"]["code"]

* :func:`code` codes one article and returns its event records as dicts,
  field for field what ``dyad code`` writes as JSON Lines.
* :func:`code_batch` codes many articles (dicts in dyad's JSON Lines input
  schema: ``id``, ``text``, ``date``, ``source``, ``url``, ``title``) on
  several threads and returns one ``pyarrow.Table`` of event records
  (schema: :func:`event_schema`).
* :func:`code_records` is :func:`code_batch` returning dicts and the list of
  articles that could not be read; :func:`records_table` makes the table.

The built-in dictionaries are loaded once per process, on first use (or by
:func:`load`). Coding releases the GIL.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Iterable, Mapping

from . import _dyad

__all__ = ["code", "code_batch", "code_records", "records_table", "event_schema", "load", "__version__"]

__version__: str = _dyad.__version__

_FIELDS = ("id", "title", "text", "date", "url", "source")


def load() -> None:
    """Loads the built-in dictionaries now instead of on the first call."""
    _dyad.load()


def _jsonable(value: Any) -> Any:
    # dates may be given as datetime.date / datetime.datetime as well as text
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def _article_json(article: Mapping[str, Any], index: int) -> str:
    if not isinstance(article, Mapping):
        raise TypeError(f"articles[{index}]: expected a dict with a 'text' key, got {type(article).__name__}")
    # Unknown keys are ignored, as in JSON Lines input; only known ones cross.
    obj = {k: _jsonable(article[k]) for k in _FIELDS if k in article}
    try:
        return _json.dumps(obj, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        raise ValueError(f"articles[{index}]: {e}") from None


def code(
    text: str,
    date: str | _dt.date | None = None,
    source: str | None = None,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> list[dict[str, Any]]:
    """Codes one article; returns its event records in text order.

    ``text`` is the article body, read as the ``text`` field of dyad's JSON
    Lines input (offsets in the records point into it). ``date`` is the
    publication date (``YYYY-MM-DD``, RFC 3339, ``YYYYMMDD``,
    ``YYYYMMDDhhmmss`` or a ``datetime.date``); ``source`` the outlet.
    ``id`` defaults to ``"text"``.

    Each record is a dict with exactly the fields of a ``dyad code`` JSON
    Lines record (dates as ``YYYY-MM-DD`` strings). Empty or whitespace-only
    text gives ``[]``. Raises ``TypeError`` when ``text`` is not a string and
    ``ValueError`` for input dyad cannot read (e.g. a malformed date).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    article = {"id": "text" if id is None else id, "text": text, "date": date, "source": source, "url": url}
    if title is not None:
        article["title"] = title
    records, _ = _dyad.code_json([_article_json(article, 0)], 1, False)
    return _json.loads(records)


def code_records(
    articles: Iterable[Mapping[str, Any]],
    *,
    threads: int | None = None,
    errors: str = "raise",
) -> tuple[list[dict[str, Any]], list[tuple[int, str]]]:
    """Codes many articles; returns ``(records, problems)``.

    ``articles`` are dicts in dyad's JSON Lines input schema (``text``
    required; ``id``, ``title``, ``date``, ``url``, ``source`` optional; other
    keys ignored); an article without ``id`` gets ``article-N`` (N counts
    from 1). They are coded on ``threads`` threads (default: one per core)
    and the records come back in input order, as :func:`code` returns them.

    ``errors="raise"`` (default) raises ``ValueError`` naming the first
    article that cannot be read, before any coding; ``errors="skip"`` codes
    the rest and lists each unread article in ``problems`` as
    ``(index, message)``.
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise ValueError(f"threads must be a positive int, not {threads!r}")
    lines = [_article_json(a, i) for i, a in enumerate(articles)]
    records, problems = _dyad.code_json(lines, threads or 0, errors == "skip")
    return _json.loads(records), problems


def event_schema():
    """The ``pyarrow.Schema`` of :func:`code_batch` tables: one column per
    JSON Lines record field, nested records as structs, dates as ``date32``."""
    import pyarrow as pa

    span = pa.list_(pa.int64())
    actor = pa.struct(
        [
            ("text", pa.string()),
            ("code", pa.string()),
            ("country", pa.string()),
            ("sector", pa.string()),
            ("name", pa.string()),
            ("span", span),
            ("entry", pa.string()),
        ]
    )
    place = pa.struct([("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64())])
    evidence = pa.struct(
        [
            ("sentence", pa.string()),
            ("sentence_span", span),
            ("event_span", span),
            ("event_text", pa.string()),
        ]
    )
    return pa.schema(
        [
            ("article_id", pa.string()),
            ("outlet", pa.string()),
            ("url", pa.string()),
            ("published", pa.date32()),
            ("sentence", pa.int64()),
            ("date", pa.date32()),
            ("date_source", pa.string()),
            ("source", actor),
            ("target", actor),
            ("cameo", pa.string()),
            ("root", pa.string()),
            ("quad_class", pa.int8()),
            ("goldstein", pa.float64()),
            ("plover", pa.string()),
            ("plover_mode", pa.string()),
            ("plover_context", pa.list_(pa.string())),
            ("negated", pa.bool_()),
            ("modality", pa.string()),
            ("location", place),
            ("evidence", evidence),
            ("pattern", pa.string()),
        ]
    )


def _as_date(value: str | None) -> _dt.date | None:
    return None if value is None else _dt.date.fromisoformat(value)


def records_table(records: list[dict[str, Any]]):
    """Event records (as :func:`code` and :func:`code_records` return them)
    as a ``pyarrow.Table`` with the schema of :func:`event_schema`."""
    import pyarrow as pa

    rows = []
    for r in records:
        r = dict(r)
        r["published"] = _as_date(r["published"])
        r["date"] = _as_date(r["date"])
        rows.append(r)
    return pa.Table.from_pylist(rows, schema=event_schema())


def code_batch(
    articles: Iterable[Mapping[str, Any]],
    *,
    threads: int | None = None,
    errors: str = "raise",
):
    """Codes many articles in parallel; returns a ``pyarrow.Table`` with one
    row per event record and the columns of :func:`event_schema`.

    Arguments as for :func:`code_records`; with ``errors="skip"`` unreadable
    articles are left out silently (use :func:`code_records` and
    :func:`records_table` to see them).
    """
    records, _ = code_records(articles, threads=threads, errors=errors)
    return records_table(records)
