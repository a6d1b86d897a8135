"""examples/spark/code_corpus.py in local[2] mode against `dyad code` on the same input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO, run_cli, write_jsonl

# CI sets DYAD_REQUIRE_SPARK=1 so that a missing pyspark or Java fails instead of skipping.
REQUIRED = os.environ.get("DYAD_REQUIRE_SPARK") == "1"
EXAMPLE = REPO / "examples" / "spark" / "code_corpus.py"
COPIES = 20


def need(ok: bool, why: str) -> None:
    if not ok:
        if REQUIRED:
            pytest.fail(why)
        pytest.skip(why)


def key(record: dict) -> tuple:
    """The comparison the brief names, plus the evidence span to tell apart
    two events of one sentence with the same codes."""
    target = record["target"]["code"] if record["target"] else None
    date = record["date"] if record["date"] is None or isinstance(record["date"], str) else record["date"].isoformat()
    span = tuple(record["evidence"]["event_span"])
    return (record["article_id"], record["sentence"], record["source"]["code"], target, record["cameo"], date, span)


def test_spark_job_matches_cli(samples, tmp_path):
    try:
        import pyspark  # noqa: F401
    except ImportError:
        need(False, "pyspark is not installed")
    need(shutil.which("java") is not None or "JAVA_HOME" in os.environ, "no Java for Spark")
    import pyarrow.parquet as pq

    from test_code import as_record

    articles = [dict(a, id=f"{a['id']}-{i}") for i in range(COPIES) for a in samples]
    # one unreadable line: `dyad code` reports and skips it, and so must the job
    articles.insert(7, {"id": "bad-date", "text": "Russia met Italy on Monday.", "date": "14/10/2020"})
    corpus = write_jsonl(tmp_path / "corpus.jsonl", articles)
    out = tmp_path / "events.parquet"

    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), "--master", "local[2]", "--partitions", "2", str(corpus), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert "1 article(s) skipped" in run.stderr, run.stderr[-2000:]

    rows = pq.read_table(out).to_pylist()
    cli = run_cli(corpus)
    assert len(cli) == COPIES * sum(len(a["cli"]) for a in samples) > 0
    assert len({r["article_id"] for r in rows}) == len({r["article_id"] for r in cli})
    assert sorted(map(key, rows)) == sorted(map(key, cli))
    # and every field, not only the key
    canon = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
    assert sorted(canon(as_record(r)) for r in rows) == sorted(canon(r) for r in cli)
