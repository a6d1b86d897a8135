# Type stubs for the dyad package (the implementation is __init__.py over the native dyad._dyad).
import datetime
from typing import Any, Iterable, Literal, Mapping, TypedDict

import pyarrow

__version__: str

class ActorRecord(TypedDict):
    text: str
    code: str
    country: str | None
    sector: str | None
    name: str | None
    span: list[int]
    entry: str

class Place(TypedDict, total=False):
    name: str
    country: str | None
    lat: float
    lon: float

class Evidence(TypedDict):
    sentence: str
    sentence_span: list[int]
    event_span: list[int]
    event_text: str

# One event: the fields of a `dyad code` JSON Lines record, in that order.
EventRecord = TypedDict(
    "EventRecord",
    {
        "article_id": str,
        "outlet": str | None,
        "url": str | None,
        "published": str | None,
        "sentence": int,
        "date": str | None,
        "date_source": Literal["text", "context", "published", "unknown"],
        "source": ActorRecord,
        "target": ActorRecord | None,
        "cameo": str,
        "root": str,
        "quad_class": int,
        "goldstein": float,
        "plover": str | None,
        "plover_mode": str | None,
        "plover_context": list[str],
        "negated": bool,
        "modality": Literal["asserted", "intended", "threatened", "conditional"],
        "location": Place | None,
        "evidence": Evidence,
        "pattern": str,
    },
)

# An input article: dyad's JSON Lines input schema (only "text" is required).
class Article(TypedDict, total=False):
    id: str | int
    title: str
    text: str
    date: str | int | datetime.date
    url: str
    source: str

Errors = Literal["raise", "skip"]

def load() -> None: ...
def code(
    text: str,
    date: str | datetime.date | None = None,
    source: str | None = None,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> list[EventRecord]: ...
def code_records(
    articles: Iterable[Mapping[str, Any]],
    *,
    threads: int | None = None,
    errors: Errors = "raise",
) -> tuple[list[EventRecord], list[tuple[int, str]]]: ...
def code_batch(
    articles: Iterable[Mapping[str, Any]],
    *,
    threads: int | None = None,
    errors: Errors = "raise",
) -> pyarrow.Table: ...
def records_table(records: Iterable[Mapping[str, Any]]) -> pyarrow.Table: ...
def event_schema() -> pyarrow.Schema: ...
