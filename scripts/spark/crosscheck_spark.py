#!/usr/bin/env python3
"""crosscheck on Apache Spark: `crosscheck map` on the executors, one task per
input shard, then `crosscheck reduce` on the driver.

    spark-submit --master yarn --num-executors 50 --executor-cores 4 \\
        --conf spark.task.cpus=1 --files /opt/crosscheck/bin/crosscheck \\
        scripts/spark/crosscheck_spark.py \\
        --binary ./crosscheck --parts /mnt/shared/crosscheck/parts \\
        --output ledger.json 's3a://news/2026-11-23/*.jsonl.gz'

    # local mode (what the test suite runs):
    python scripts/spark/crosscheck_spark.py --master 'local[2]' \\
        --binary target/release/crosscheck --parts /tmp/parts \\
        --output /tmp/ledger.json /tmp/shards

Shards are any files crosscheck reads (JSONL, WARC, HTML, text; gzip too),
named by paths, directories or globs Spark's Hadoop file systems understand
(`file:`, `hdfs:`, `s3a:`, ...). Each shard is read by Spark
(`SparkContext.binaryFiles`), copied to a temporary file on the executor and
mapped there with `crosscheck map SHARD --out PARTS --name NAME`; NAME is the
shard's file name, so shard names must be distinct, and `reduce` reads the
parts in name order (the ledger's input order). A failed task is retried by
Spark: a rerun of a shard replaces its part, so retries and speculative
copies are harmless. `--parts` must be a directory every executor and the
driver can write and read under the same path: a local directory in local
mode; on a cluster a shared file system (NFS, EFS, Lustre, HDFS through its
NFS gateway or FUSE mount, S3 through mountpoint-s3). `reduce` then runs once
on the driver and writes the ledger (and, with --parquet, its tables).

The `crosscheck` binary must exist on every executor at `--binary`: ship it
with `spark-submit --files` (it lands in each executor's working directory,
hence `./crosscheck`) or install it on the images. Each task runs it with
`--jobs 1` (Spark gives one core per task; raise `--task-threads` together
with `spark.task.cpus`).

Needs pyspark (`pip install pyspark`) and a Java runtime (OpenJDK 17) on the
driver; nothing else in Python. Prints one line per shard and the wall time
of each phase; `--timings FILE` writes them as JSON.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def part_name(path: str) -> str:
    """The part a shard becomes: its file name, as `crosscheck map` names it."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    name = re.sub(r"[^A-Za-z0-9._-]", "_", name).lstrip(".")
    return name or "part"


def list_shards(sc, patterns):
    """Every file the patterns name (globs expanded, directories walked),
    through Hadoop's file systems, so that hdfs: and s3a: work as file: does."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    shards = []
    for pattern in patterns:
        path = jvm.org.apache.hadoop.fs.Path(pattern)
        fs = path.getFileSystem(conf)
        for status in fs.globStatus(path) or []:
            if status.isDirectory():
                files = fs.listFiles(status.getPath(), True)
                while files.hasNext():
                    shards.append(files.next().getPath().toString())
            else:
                shards.append(status.getPath().toString())
    # Hidden and bookkeeping files (`.crc`, `_SUCCESS`) are no shards.
    return sorted(s for s in shards if not s.rsplit("/", 1)[-1].startswith((".", "_")))


def map_shards(binary, parts, threads, shards):
    """Runs on an executor: maps every (path, bytes) shard of one partition."""
    work = tempfile.mkdtemp(prefix="crosscheck-map-")
    try:
        for path, content in shards:
            name = part_name(path)
            local = os.path.join(work, name)
            with open(local, "wb") as f:
                f.write(content)
            del content
            started = time.monotonic()
            run = subprocess.run(
                [binary, "--quiet", "--jobs", str(threads), "map", local,
                 "--out", parts, "--name", name],
                capture_output=True, text=True)
            seconds = time.monotonic() - started
            os.remove(local)
            # Exit status 1: some records of the shard could not be read, the
            # rest is in the part. 2: nothing was written; fail the task so
            # that Spark retries it.
            if run.returncode not in (0, 1):
                raise RuntimeError(
                    f"crosscheck map {path} failed ({run.returncode}): {run.stderr[-2000:]}")
            yield {"shard": path, "part": name, "status": run.returncode,
                   "seconds": seconds, "errors": run.stderr[-2000:]}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shards", nargs="+", help="shard files, directories or globs")
    parser.add_argument("--binary", default="crosscheck",
                        help="the crosscheck binary on the executors and the driver")
    parser.add_argument("--parts", required=True,
                        help="directory for the Parquet parts, shared by driver and executors")
    parser.add_argument("--output", required=True, help="the ledger file the driver writes")
    parser.add_argument("--master", help="Spark master for local runs (spark-submit sets it otherwise)")
    parser.add_argument("--task-threads", type=int, default=1,
                        help="crosscheck worker threads per task (match spark.task.cpus)")
    parser.add_argument("--reduce-arg", action="append", default=[],
                        help="extra argument for crosscheck reduce (repeatable), e.g. --reduce-arg=--with-text")
    parser.add_argument("--timings", help="write the phases' wall times here as JSON")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("crosscheck")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext
    timings = {"master": sc.master, "default_parallelism": sc.defaultParallelism}

    started = time.monotonic()
    shards = list_shards(sc, args.shards)
    names = [part_name(s) for s in shards]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        print(f"crosscheck-spark: shards share file names: {', '.join(duplicates)}; "
              "give every shard its own name", file=sys.stderr)
        return 2
    if not shards:
        print("crosscheck-spark: no shards found", file=sys.stderr)
        return 2
    count = len(shards)
    binary, parts, threads = args.binary, os.path.abspath(args.parts), args.task_threads
    os.makedirs(parts, exist_ok=True)
    # As many splits as shards, so that shards spread over the executors.
    files = sc.binaryFiles(",".join(shards), minPartitions=count)
    results = (files
               .mapPartitions(lambda part: map_shards(binary, parts, threads, part))
               .collect())
    timings["map_seconds"] = time.monotonic() - started
    timings["shards"] = count
    timings["task_seconds"] = sorted(r["seconds"] for r in results)
    for r in sorted(results, key=lambda r: r["part"]):
        print(f"{r['shard']}: part {r['part']}, {r['seconds']:.1f} s"
              + (f", some records unreadable:\n{r['errors']}" if r["status"] else ""))
    spark.stop()

    started = time.monotonic()
    reduce = subprocess.run([args.binary, "--quiet", "reduce", parts, "-o", args.output]
                            + args.reduce_arg)
    timings["reduce_seconds"] = time.monotonic() - started
    print(f"map {timings['map_seconds']:.1f} s over {count} shards, "
          f"reduce {timings['reduce_seconds']:.1f} s")
    if args.timings:
        with open(args.timings, "w") as f:
            json.dump(timings, f, indent=2)
    if reduce.returncode != 0:
        return reduce.returncode
    return 1 if any(r["status"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
