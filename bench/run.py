"""The threatline benchmark: extraction against the bare spaCy pipeline, memory, Dask.

One run, one corpus (the MUC-4 dev texts of the evaluation data plus the bundled samples):

1. throughput: ``pipeline.extract_batch`` (batches of ``pipeline.BATCH_SIZE``, as
   ``threatline ingest`` runs it) next to ``nlp.pipe`` of the same pipeline over the same
   prepared (truecased) texts; articles/s, words/s and their ratio;
2. peak memory (RSS) when extracting N articles (the corpus cycled to reach N), each N in a
   fresh subprocess so the peaks are separable;
3. Dask: the same articles as JSON Lines shards through ``threatline.scale.run_dask`` with 1
   and 2 local worker processes, against the single-process figure of step 1.

Only ratios against a baseline measured in the same run are claims. Usage::

    python bench/run.py                # default: 300 articles, memory at 1000, Dask 1 and 2
    python bench/run.py --quick        # under 2 minutes: 40 articles, memory at 100, no Dask
    python bench/run.py --sizes 1000,5000,20000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from threatline.models import Article

REPO = Path(__file__).resolve().parents[1]


def load_corpus() -> list[Article]:
    """MUC-4 dev messages (skipped with a note when the evaluation data is absent), then the
    bundled samples; only readable articles."""
    from threatline.evaluate import default_bench_dir
    from threatline.ingest import read_muc4, read_paths

    articles: list[Article] = []
    muc_dev = default_bench_dir() / "muc4" / "dev"
    if muc_dev.is_dir():
        for path in sorted(muc_dev.iterdir()):
            if path.is_file() and not path.name.startswith("key"):
                articles += [a for a in read_muc4(path) if isinstance(a, Article)]
    else:
        print(f"note: no MUC-4 dev texts at {muc_dev}; samples only", file=sys.stderr)
    articles += [a for a in read_paths([REPO / "samples"]) if isinstance(a, Article)]
    return articles


def mixed(articles: list[Article], count: int) -> list[Article]:
    """``count`` articles spread over the whole corpus (every k-th, samples included),
    cycling when the corpus is smaller."""
    if count <= len(articles):
        step = len(articles) / count
        return [articles[int(i * step)] for i in range(count)]
    return [articles[i % len(articles)] for i in range(count)]


def extract_in_batches(extractor: Any, articles: list[Article]) -> Iterator[Any]:
    """Extraction results as ``threatline ingest`` makes them: spaCy batches of
    ``pipeline.BATCH_SIZE``, the later stages per article under the default limits."""
    from threatline.pipeline import BATCH_SIZE, IngestLimits, extract_batch

    limits = IngestLimits()
    for first in range(0, len(articles), BATCH_SIZE):
        yield from extract_batch(extractor, articles[first : first + BATCH_SIZE], limits)


def words(articles: list[Article]) -> int:
    return sum(len(article.text.split()) for article in articles)


def measure_throughput(articles: list[Article], model: str) -> dict[str, Any]:
    """Bare ``nlp.pipe`` and full extraction over the same articles, both warm."""
    from threatline.annotate import prepare_text
    from threatline.extract import Extractor
    from threatline.pipeline import BATCH_SIZE

    extractor = Extractor(model=model)
    list(extract_in_batches(extractor, articles[:4]))  # warm: lazy tables, caches
    texts = [prepare_text(article.text) for article in articles]

    # Wall time and CPU time: on a shared machine the CPU time is the steadier figure.
    started, cpu = time.perf_counter(), time.process_time()
    for _ in extractor.nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    spacy_s, spacy_cpu = time.perf_counter() - started, time.process_time() - cpu

    started, cpu = time.perf_counter(), time.process_time()
    skipped = sum(
        not hasattr(result, "events") for result in extract_in_batches(extractor, articles)
    )
    extract_s, extract_cpu = time.perf_counter() - started, time.process_time() - cpu

    n, w = len(articles), words(articles)
    return {
        "articles": n,
        "words": w,
        "spacy_seconds": spacy_s,
        "spacy_articles_per_s": n / spacy_s,
        "spacy_words_per_s": w / spacy_s,
        "extract_seconds": extract_s,
        "extract_articles_per_s": n / extract_s,
        "extract_words_per_s": w / extract_s,
        "extract_skipped": skipped,
        "ratio_vs_spacy": spacy_s / extract_s,
        "spacy_cpu_seconds": spacy_cpu,
        "extract_cpu_seconds": extract_cpu,
        "ratio_vs_spacy_cpu": spacy_cpu / extract_cpu,
        # Articles per CPU-second: what one core does, whatever else the machine runs.
        "articles_per_s_per_core": n / extract_cpu,
        # The same for the bare pipeline: the ceiling that extraction can approach.
        "spacy_articles_per_s_per_core": n / spacy_cpu,
    }


def memory_child(count: int, model: str) -> None:
    """(Subprocess) extract ``count`` articles streaming; print seconds and peak RSS."""
    from threatline.extract import Extractor
    from threatline.pipeline import BATCH_SIZE

    started = time.perf_counter()
    corpus = load_corpus()
    extractor = Extractor(model=model)
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    extract_started = time.perf_counter()
    events = 0
    for first in range(0, count, BATCH_SIZE):
        batch = [corpus[i % len(corpus)] for i in range(first, min(first + BATCH_SIZE, count))]
        for result in extract_in_batches(extractor, batch):
            events += len(getattr(result, "events", []))
            json.dumps(getattr(result, "to_json_dict", dict)())  # what ingest serializes
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "articles": count,
                "events": events,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "peak_mb_after_load": loaded,
                "extract_seconds": done - extract_started,
                "total_seconds": done - started,
            }
        )
    )


def measure_memory(count: int, model: str) -> dict[str, Any]:
    """Run :func:`memory_child` in a fresh interpreter; its figures."""
    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(count), "--model", model],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_dask(articles: list[Article], worker_counts: list[int], model: str) -> dict[str, Any]:
    """``run_dask`` over the articles written as JSON Lines, per worker count."""
    from threatline.scale import run_dask

    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for article in articles:
                record = article.model_dump(mode="json", include={"text", "title", "published"})
                handle.write(json.dumps(record) + "\n")
        for workers in worker_counts:
            run = run_dask(
                [source],
                Path(tmp) / f"out-{workers}",
                workers=workers,
                model=model,
                lines_per_shard=max(4, len(articles) // (8 * workers)),
            )
            figures[f"dask_{workers}w_seconds"] = run.seconds
            figures[f"dask_{workers}w_startup_seconds"] = run.startup_seconds
            figures[f"dask_{workers}w_articles_per_s"] = run.items / run.seconds
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="throughput sample size")
    parser.add_argument("--sizes", default="1000", help="memory runs, e.g. 1000,5000,20000")
    parser.add_argument("--workers", default="1,2", help="Dask worker counts ('' for none)")
    parser.add_argument("--quick", action="store_true", help="a run of under 2 minutes")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the project's)")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--memory-child", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()

    from threatline.annotate import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    if args.memory_child:
        memory_child(args.memory_child, model)
        return
    if args.quick:
        args.articles, args.sizes, args.workers = 40, "100", ""
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    worker_counts = [int(count) for count in args.workers.split(",") if count.strip()]

    started = time.perf_counter()
    corpus = load_corpus()
    sample = mixed(corpus, args.articles)
    cores = len(os.sched_getaffinity(0))
    print(f"corpus: {len(corpus)} articles; sample: {len(sample)} articles, {words(sample)} words")
    print(f"machine: {cores} cores, load average {os.getloadavg()[0]:.1f}")

    figures: dict[str, Any] = {"model": model, "cores": cores, "corpus_articles": len(corpus)}
    figures.update(measure_throughput(sample, model))
    print(
        f"spaCy nlp.pipe   {figures['spacy_articles_per_s']:7.2f} articles/s "
        f"{figures['spacy_words_per_s']:9.0f} words/s\n"
        f"extract_batch    {figures['extract_articles_per_s']:7.2f} articles/s "
        f"{figures['extract_words_per_s']:9.0f} words/s\n"
        f"ratio extract/spaCy {figures['ratio_vs_spacy']:.2f} wall, "
        f"{figures['ratio_vs_spacy_cpu']:.2f} CPU (goal >= 0.7); "
        f"{figures['articles_per_s_per_core']:.1f} articles per CPU-second (goal >= 20; "
        f"the bare pipeline {figures['spacy_articles_per_s_per_core']:.1f})"
    )

    for size in sizes:
        memory = measure_memory(size, model)
        figures[f"peak_mb_{size // 1000}k" if size % 1000 == 0 else f"peak_mb_{size}"] = memory[
            "peak_mb"
        ]
        figures[f"memory_{size}"] = memory
        print(
            f"memory {size:6d} articles: peak {memory['peak_mb']:.0f} MB "
            f"(after loading {memory['peak_mb_after_load']:.0f} MB), "
            f"{memory['extract_seconds']:.0f} s extracting"
        )
    figures.setdefault("peak_mb_1k", None)
    figures.setdefault("peak_mb_20k", None)

    if worker_counts:
        figures.update(measure_dask(sample, worker_counts, model))
        single = figures["extract_articles_per_s"]
        for workers in worker_counts:
            rate = figures[f"dask_{workers}w_articles_per_s"]
            print(
                f"dask {workers} worker(s): {rate:.2f} articles/s "
                f"({rate / single:.2f}x the single process; "
                f"startup {figures[f'dask_{workers}w_startup_seconds']:.0f} s not counted)"
            )
        if 1 in worker_counts and 2 in worker_counts:
            figures["dask_speedup_2w"] = (
                figures["dask_2w_articles_per_s"] / figures["dask_1w_articles_per_s"]
            )
            print(f"dask 2 workers / 1 worker: {figures['dask_speedup_2w']:.2f}x (goal >= 1.7)")
    figures.setdefault("dask_speedup_2w", None)
    figures["bench_seconds"] = time.perf_counter() - started
    print(f"benchmark took {figures['bench_seconds']:.0f} s")
    if args.json:
        print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
