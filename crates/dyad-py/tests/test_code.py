"""dyad.code / code_records / code_batch against the `dyad code` CLI on the sample corpus."""

from __future__ import annotations

import datetime as dt
import threading

import pyarrow as pa
import pytest

import dyad
from conftest import run_cli, sample_files, shift_spans, write_jsonl

COLUMNS = [
    "article_id", "outlet", "url", "published", "sentence", "date", "date_source", "source", "target",
    "cameo", "root", "quad_class", "goldstein", "plover", "plover_mode", "plover_context", "negated",
    "modality", "location", "evidence", "pattern",
]  # fmt: skip


def test_sample_corpus_has_events(samples):
    # the comparisons below mean something only if the CLI codes events in most files
    assert sum(len(a["cli"]) for a in samples) >= 20
    assert sum(1 for a in samples if a["cli"]) >= 4


def test_code_matches_cli_on_sample_files(samples):
    """Each sample file's body through dyad.code gives the records `dyad code
    corpus/sample` writes: same events, same fields, spans moved by the
    header line the file has and the API call does not."""
    for a in samples:
        got = dyad.code(a["text"], date=a["date"], source=a["source"], id=a["id"])
        assert [shift_spans(r, a["shift"]) for r in got] == a["cli"], a["id"]


def test_code_matches_cli_on_jsonl(samples, tmp_path):
    """The same articles as JSON Lines through the CLI: identical records."""
    cli = run_cli(write_jsonl(tmp_path / "sample.jsonl", samples))
    assert len(cli) == sum(len(a["cli"]) for a in samples)
    got = []
    for a in samples:
        got += dyad.code(a["text"], date=a["date"], source=a["source"], id=a["id"])
    assert got == cli
    records, problems = dyad.code_records(samples, threads=2)
    assert problems == []
    assert records == cli


def test_record_fields_are_the_jsonl_fields(samples):
    a = next(a for a in samples if a["cli"])
    ev = dyad.code(a["text"], date=a["date"], source=a["source"], id=a["id"])[0]
    assert list(ev) == COLUMNS
    assert set(ev["source"]) == {"text", "code", "country", "sector", "name", "span", "entry"}
    assert set(ev["evidence"]) == {"sentence", "sentence_span", "event_span", "event_text"}


def test_example_call_codes_lavrov():
    text = "MOSCOW (Sputnik) - Russian Foreign Minister Sergey Lavrov met Italian Foreign Minister Luigi Di Maio."
    events = dyad.code(text, date="2020-10-14", source="UrduPoint.com")
    assert events, "no events"
    ev = events[0]
    assert ev["article_id"] == "text"
    assert ev["outlet"] == "UrduPoint.com"
    assert ev["published"] == "2020-10-14"
    assert ev["source"]["code"] == "RUSGOV"
    assert ev["target"]["code"] == "ITAGOV"
    assert ev["cameo"].startswith("04")
    s, e = ev["evidence"]["event_span"]
    assert text[s:e] == ev["evidence"]["event_text"]


def test_date_may_be_a_date_object():
    text = "Russian Foreign Minister Sergey Lavrov met Italian Foreign Minister Luigi Di Maio on Wednesday."
    assert dyad.code(text, date=dt.date(2020, 10, 14)) == dyad.code(text, date="2020-10-14")


def as_record(row: dict) -> dict:
    """A table row as the JSON Lines record it came from: dates as text, and
    no lat/lon keys on a place that has none (the JSON omits them)."""
    r = dict(row)
    for key in ("published", "date"):
        r[key] = r[key].isoformat() if r[key] is not None else None
    if r["location"] is not None:
        r["location"] = {k: v for k, v in r["location"].items() if not (k in ("lat", "lon") and v is None)}
    return r


def test_code_batch_table(samples, tmp_path):
    cli = run_cli(write_jsonl(tmp_path / "sample.jsonl", samples))
    table = dyad.code_batch(samples, threads=2)
    assert isinstance(table, pa.Table)
    assert table.column_names == COLUMNS
    assert table.schema == dyad.event_schema()
    assert pa.types.is_date32(table.schema.field("date").type)
    assert table.num_rows == len(cli) == sum(len(a["cli"]) for a in samples)
    assert [as_record(r) for r in table.to_pylist()] == cli


def test_code_batch_threads_do_not_change_output(samples):
    many = [dict(a, id=f"{a['id']}-{i}") for i in range(6) for a in samples]
    one = dyad.code_batch(many, threads=1)
    four = dyad.code_batch(many, threads=4)
    assert one.num_rows == 6 * sum(len(a["cli"]) for a in samples)
    assert one.equals(four)


def test_empty_batch_is_an_empty_table():
    table = dyad.code_batch([])
    assert table.num_rows == 0
    assert table.schema == dyad.event_schema()


def test_default_ids_count_from_one():
    text = "Russian Foreign Minister Sergey Lavrov met Italian Foreign Minister Luigi Di Maio."
    records, _ = dyad.code_records([{"text": "Nothing happened."}, {"text": text}])
    assert {r["article_id"] for r in records} == {"article-2"}


# --- bad input: a clear exception or no events, never a crash ---------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_gives_no_events(text):
    assert dyad.code(text) == []
    assert dyad.code_batch([{"text": text}]).num_rows == 0


def test_none_date_means_no_date():
    text = "Russian Foreign Minister Sergey Lavrov met Italian Foreign Minister Luigi Di Maio."
    events = dyad.code(text, date=None)
    assert events and all(e["published"] is None for e in events)


@pytest.mark.parametrize("date", ["14/10/2020", "2020-13-45", "yesterday", "2020-10"])
def test_malformed_date_is_a_value_error(date):
    with pytest.raises(ValueError, match="date"):
        dyad.code("Russia met Italy.", date=date)


def test_text_must_be_a_string():
    with pytest.raises(TypeError, match="text must be a str"):
        dyad.code(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dyad.code(b"bytes")  # type: ignore[arg-type]


def test_batch_problems_name_the_article():
    good = {"id": "g", "text": "Russian Foreign Minister Sergey Lavrov met Italian Foreign Minister Luigi Di Maio."}
    bad = [
        ({"id": "x", "text": "Russia met Italy.", "date": "not a date"}, "date"),
        ({"id": "y"}, "text"),
        ({"id": "z", "text": 42}, "text"),
        ({"id": ["list"], "text": "Russia met Italy."}, "id"),
    ]
    for article, field in bad:
        with pytest.raises(ValueError, match=rf"articles\[1\].*{field}"):
            dyad.code_batch([good, article])
        records, problems = dyad.code_records([good, article], errors="skip")
        assert [i for i, _ in problems] == [1]
        assert field in problems[0][1]
        assert records and {r["article_id"] for r in records} == {"g"}
        assert dyad.code_batch([good, article], errors="skip").num_rows == len(records)
    with pytest.raises(TypeError, match=r"articles\[0\]"):
        dyad.code_batch(["just a string"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="errors"):
        dyad.code_batch([good], errors="ignore")
    with pytest.raises(ValueError, match="threads"):
        dyad.code_batch([good], threads=0)


def test_hostile_text_does_not_crash():
    texts = [
        "\x00\x01\x02 binary \x00",
        "((((((((((" * 1000,
        "Russia " * 5000,
        "\u202e\u0644\u0627 \U0001f600 \ud7ff",
        "A." * 20000,
    ]
    for t in texts:
        assert isinstance(dyad.code(t), list)
    assert dyad.code_batch([{"text": t} for t in texts], threads=2).num_rows >= 0


def test_gil_is_released_while_coding(samples):
    """Another Python thread runs while a batch is coded.

    Not a timing ratio (a busy machine starves any thread): with the GIL held
    for the whole native call, no other Python code could run after the
    call's first switch interval, so one tick of the other thread well inside
    a call proves the call released the GIL.
    """
    import json
    import time

    lines = [json.dumps({"id": f"{a['id']}-{i}", "text": a["text"]}) for i in range(60) for a in samples]
    stamps = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            stamps.append(time.perf_counter())

    t = threading.Thread(target=tick)
    t.start()
    inside, calls = 0, []
    deadline = time.perf_counter() + 10.0
    while inside == 0 and time.perf_counter() < deadline:
        started = time.perf_counter()
        dyad._dyad.code_json(lines, 1, False)
        ended = time.perf_counter()
        calls.append(ended - started)
        # past the first switch interval (5 ms) with margin, before the end
        inside = sum(1 for s in list(stamps) if started + 0.02 < s < ended - 0.005)
    stop.set()
    t.join()
    assert max(calls) > 0.05, ("batch too small to tell", calls)
    assert inside > 0, ("no other thread ran during a native call", calls)


def test_files_listed():
    assert len(sample_files()) == 5
