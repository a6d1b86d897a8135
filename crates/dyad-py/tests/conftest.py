"""Shared helpers: the repo, the `dyad` CLI to compare against, the sample corpus."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "corpus" / "sample"
HEADER = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})(?: (.*))?$")


_BUILT: list[Path] = []


def dyad_bin() -> Path:
    """The CLI to compare with: $DYAD_BIN, else the workspace's debug build,
    brought up to date once per session (a stale binary from older sources
    would code differently from the wheel just built)."""
    env = os.environ.get("DYAD_BIN")
    if env:
        return Path(env)
    if not _BUILT:
        subprocess.run(["cargo", "build", "-q", "-p", "dyad"], cwd=REPO, check=True)
        target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
        _BUILT.append(target / "debug" / "dyad")
    return _BUILT[0]


def run_cli(*paths: Path) -> list[dict]:
    """`dyad code PATHS` as a list of records."""
    out = subprocess.run(
        [str(dyad_bin()), "code", "-q", *map(str, paths)], check=True, capture_output=True, text=True
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def sample_files() -> list[Path]:
    files = sorted(SAMPLE.glob("*.txt"))
    assert files, f"no sample corpus under {SAMPLE}"
    return files


def split_header(content: str, outlet: str | None) -> tuple[str, str | None, str | None, int]:
    """A plain-text sample file as an API call: (text, date, source, shift).

    The optional first line ` date YYYY-MM-DD REST` of dyad's plain-text
    format becomes `date`; REST becomes `source` when the CLI read it as the
    outlet, and otherwise stays as the first line of the text. `shift` is how
    many characters were cut from the front, so a span in the returned text
    plus `shift` is the span in the file.
    """
    first, sep, body = content.partition("\n")
    m = HEADER.match(first)
    if not m:
        return content, None, None, 0
    date, rest = m.group(1), m.group(2)
    if rest is not None and rest.strip() == outlet:
        return body, date, outlet, len(first) + len(sep)
    prefix = first[: m.start(2)] if rest is not None else first + sep
    return content[len(prefix) :], date, None, len(prefix)


def sample_articles() -> list[dict]:
    """The sample corpus as JSON Lines input articles, with the CLI's records
    for each file (`cli`) and the header's length (`shift`)."""
    cli = run_cli(*sample_files())
    articles = []
    for path in sample_files():
        content = path.read_text(encoding="utf-8")
        records = [r for r in cli if r["article_id"] == path.stem]
        outlet = records[0]["outlet"] if records else None
        text, date, source, shift = split_header(content, outlet)
        articles.append(
            {"id": path.stem, "text": text, "date": date, "source": source, "cli": records, "shift": shift}
        )
    return articles


def shift_spans(record: dict, by: int) -> dict:
    """The record with every character span moved `by` characters."""
    r = json.loads(json.dumps(record))
    for actor in (r["source"], r["target"]):
        if actor:
            actor["span"] = [s + by for s in actor["span"]]
    for key in ("sentence_span", "event_span"):
        r["evidence"][key] = [s + by for s in r["evidence"][key]]
    return r


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    keys = ("id", "title", "text", "date", "url", "source")
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({k: a[k] for k in keys if a.get(k) is not None}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def samples() -> list[dict]:
    return sample_articles()
