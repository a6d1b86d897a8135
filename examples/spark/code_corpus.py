"""Code a news corpus with PySpark and the dyad wheel; write the events as Parquet.

Input: JSON Lines files (or directories of them) in dyad's input schema
(docs/input-formats.md: id, title, text, date, url, source). Output: a
Parquet directory with one row per event record and the columns of
``dyad.event_schema()`` (the fields of ``dyad code``'s JSON Lines records,
nested ones as structs).

Locally, on two cores::

    python examples/spark/code_corpus.py --master 'local[2]' news.jsonl events.parquet

On a cluster, run the same file with spark-submit (README, "More than one
machine"). Each Spark task codes its partition's Arrow batches with
``dyad.code_batch`` (which releases the GIL); the dictionaries are loaded
once per Python worker process. Articles dyad cannot read (bad date, no
text) are counted and skipped, as ``dyad code`` reports and skips them.
"""

from __future__ import annotations

import argparse
import os
import sys

# The input columns dyad reads; everything as text, as in JSON Lines (ids and
# dates may be numbers there, and Spark keeps a number's text for a string column).
INPUT_SCHEMA = "id string, title string, text string, date string, url string, source string"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input", nargs="+", help="JSON Lines files or directories")
    p.add_argument("output", help="Parquet directory to write (replaced if it exists)")
    p.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's or Spark's default)")
    p.add_argument("--partitions", type=int, help="repartition the input into this many tasks")
    p.add_argument("--threads", type=int, default=1, help="coding threads per Spark task (default 1)")
    p.add_argument("--batch-rows", type=int, default=256, help="articles per Arrow batch handed to dyad")
    args = p.parse_args(argv)

    if args.master and args.master.startswith("local"):
        # local workers are this machine's processes: use this interpreter (and its dyad)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    import dyad
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema

    builder = SparkSession.builder.appName("dyad-code-corpus")
    if args.master:
        builder = builder.master(args.master)
    spark = (
        builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_rows))
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    problems = spark.sparkContext.accumulator(0)
    threads = args.threads

    def code_partition(batches):
        import dyad  # on the executor

        for batch in batches:
            rows = batch.to_pylist()
            records, bad = dyad.code_records(rows, threads=threads, errors="skip")
            if bad:
                problems.add(len(bad))
                for index, message in bad:  # in the executor's log
                    print(f"dyad: skipped article {rows[index].get('id')!r}: {message}", file=sys.stderr)
            yield from dyad.records_table(records).to_batches()

    articles = spark.read.schema(INPUT_SCHEMA).json(args.input)
    if args.partitions:
        articles = articles.repartition(args.partitions)
    events = articles.mapInArrow(code_partition, from_arrow_schema(dyad.event_schema()))
    events.write.mode("overwrite").parquet(args.output)

    written = spark.read.parquet(args.output).count()
    print(f"dyad: {written} events written to {args.output}; {problems.value} article(s) skipped", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
