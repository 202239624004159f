"""Scale out: the per-article stages on a Dask cluster, merged into the store afterwards.

The single-process job (:func:`threatline.pipeline.ingest_paths`) reads, extracts and stores
one stream of articles. Here the input is cut into **shards** that workers read and extract
independently, each writing one Parquet file; :func:`merge_shards_into_store` then replays
those files into a :class:`~threatline.store.Store` in the input's order, with the same
duplicate and skip bookkeeping as the single process, so both give the same database.

Shards
    A file of a directory (walked in the same sorted order as :func:`threatline.ingest.
    read_paths`) is one shard; a JSON Lines file is cut into runs of ``lines_per_shard``
    lines (its origins stay ``path:line``); a MUC-4 file stays whole (a message without a
    year takes it from the messages before it in the same file).

Parquet rows (one per input item, in input order within the shard)
    the :class:`~threatline.pipeline.Outcome` of the item: ``seq`` (position in the shard),
    ``kind`` (``report``, ``skip`` or ``duplicate``: the same article earlier in the shard,
    not extracted again), ``origin``, the article fields (``article_id``, ``url``, ``title``,
    ``source``, ``author``, ``published``, ``language``, ``text``), ``report`` (the
    ``threatline.extract/1`` JSON, without the text, which is in ``text``), ``notices`` (JSON
    list of limit notices), ``skip_code``, ``skip_reason``.

The spaCy model, gazetteer and actor knowledge base are built once per worker process (a
module-level cache), never per article or per shard. Dask (``dask[distributed]``) and
pyarrow are imported only when this module's functions run, so the rest of the package
works without them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from threatline.annotate import DEFAULT_MODEL
from threatline.errors import ConfigError, InputError
from threatline.ingest import DEFAULT_MAX_BYTES, _detect_format, _read_jsonl, _walk, decode_bytes
from threatline.models import Article, ArticleReport, Skip
from threatline.pipeline import (
    BATCH_SIZE,
    IngestLimits,
    IngestStats,
    Outcome,
    SkipLog,
    apply_outcome,
    process_batch,
)
from threatline.store import Store

if TYPE_CHECKING:
    from threatline.extract import Extractor

LINES_PER_SHARD = 500
"""JSON Lines files are cut into shards of this many lines."""

SHARD_PATTERN = "shard-*.parquet"

_EXTRACTORS: dict[str, Extractor] = {}
_EXTRACTORS_LOCK = threading.Lock()
_LOADS = 0


# --------------------------------------------------------------------------- shards


@dataclass(frozen=True)
class Shard:
    """A piece of the input: a whole file, or the lines ``[first, stop)`` (0-based) of a
    JSON Lines file."""

    index: int
    path: str
    fmt: str | None = None
    lines: tuple[int, int] | None = None


def plan_shards(
    paths: Iterable[Path | str],
    fmt: str | None = None,
    lines_per_shard: int = LINES_PER_SHARD,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Shard]:
    """The shards of the input, numbered in the order the single process reads it.

    Raises :class:`InputError` for a path that does not exist, like ``read_paths``.
    """
    if lines_per_shard < 1:
        raise ConfigError(f"lines_per_shard must be at least 1, not {lines_per_shard}.")
    shards: list[Shard] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"No such file or directory: {path}. Check the path and try again.")
        files = list(_walk(path)) if path.is_dir() else [path]
        for file in files:
            for lines in _line_ranges(file, fmt, lines_per_shard, max_bytes):
                shards.append(Shard(index=len(shards), path=str(file), fmt=fmt, lines=lines))
    return shards


def _line_ranges(
    file: Path, fmt: str | None, lines_per_shard: int, max_bytes: int
) -> list[tuple[int, int] | None]:
    """Line ranges of a JSON Lines file that can be split; ``[None]`` (whole file) else.

    Files the single process would skip as a whole (too large, empty, binary) stay whole
    so that the same skip is recorded.
    """
    looks_jsonl = fmt in ("jsonl", "json") or (
        fmt is None and file.name.lower().endswith((".jsonl", ".ndjson"))
    )
    if not looks_jsonl:
        return [None]
    try:
        if file.stat().st_size > max_bytes:
            return [None]
        data = file.read_bytes()
    except OSError:
        return [None]
    if not data.strip() or (fmt is None and _detect_format(file, data) != "jsonl"):
        return [None]
    text = decode_bytes(data)
    if text is None:
        return [None]
    count = len(text.splitlines())
    starts = range(0, count, lines_per_shard)
    return [(first, min(first + lines_per_shard, count)) for first in starts]


def read_shard(
    shard: Shard, published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Skip]:
    """The articles and skips of one shard, exactly as ``read_paths`` yields them."""
    from threatline.ingest import read_path

    if shard.lines is None:
        yield from read_path(shard.path, published=published, fmt=shard.fmt, max_bytes=max_bytes)
        return
    first, stop = shard.lines
    text = decode_bytes(Path(shard.path).read_bytes()) or ""
    lines = text.splitlines()[first:stop]
    # Blank lines in front keep the line numbers, hence the origins, of the whole file.
    for item in _read_jsonl("\n" * first + "\n".join(lines), shard.path):
        if published is not None and isinstance(item, Article):
            item = item.model_copy(update={"published": published})
        yield item


# --------------------------------------------------------------------------- workers


def get_extractor(model: str = DEFAULT_MODEL) -> Extractor:
    """The process's extractor for ``model``, built on first use (once per worker)."""
    global _LOADS
    with _EXTRACTORS_LOCK:
        extractor = _EXTRACTORS.get(model)
        if extractor is None:
            from threatline.extract import Extractor

            extractor = Extractor(model=model)
            _EXTRACTORS[model] = extractor
            _LOADS += 1
        return extractor


def model_loads() -> int:
    """How many extractors (model, gazetteer, knowledge base) this process has built."""
    return _LOADS


@dataclass(frozen=True)
class ShardResult:
    """What a worker did with one shard."""

    index: int
    parquet: str
    items: int
    reports: int
    skips: int
    seconds: float
    pid: int
    loads: int


def _row(seq: int, kind: str, origin: str | None, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(_COLUMNS)
    row.update(seq=seq, kind=kind, origin=origin, **values)
    return row


def _article_values(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "text": article.text,
    }


def shard_rows(
    items: Iterable[Article | Skip],
    extractor: Extractor,
    batch_size: int = BATCH_SIZE,
    limits: IngestLimits | None = None,
) -> list[dict[str, Any]]:
    """One row per input item, in input order: the :class:`~threatline.pipeline.Outcome`
    that :func:`~threatline.pipeline.process_batch` gives it, as the single process would
    (duplicates of already stored articles are only known at merge time)."""
    limits = limits or IngestLimits()
    seen: set[str] = set()
    rows: list[dict[str, Any]] = []
    batch: list[Article | Skip] = []

    def flush() -> None:
        for outcome in process_batch(batch, extractor, limits, is_known=seen.__contains__):
            rows.append(_outcome_row(len(rows), outcome))
            if outcome.report is not None:
                seen.add(outcome.report.article.id)
        batch.clear()

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return rows


def _outcome_row(seq: int, outcome: Outcome) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if outcome.skip is not None:
        values.update(skip_code=outcome.skip.code, skip_reason=outcome.skip.reason)
    if outcome.report is not None:
        document = outcome.report.to_json_dict(include_text=False)
        values.update(_article_values(outcome.report.article))
        values["report"] = json.dumps(document, ensure_ascii=False)
        values["notices"] = json.dumps([n.model_dump() for n in outcome.notices])
    return _row(seq, outcome.kind, outcome.origin, **values)


def _outcome_of(row: dict[str, Any]) -> Outcome:
    if row["kind"] == "skip":
        return Outcome("skip", row["origin"], skip=_skip_of(row))
    if row["kind"] == "report":
        notices = [Skip.model_validate(n) for n in json.loads(row["notices"] or "[]")]
        return Outcome("report", row["origin"], report=_report_of(row), notices=notices)
    return Outcome("duplicate", row["origin"])


def _schema() -> Any:
    import pyarrow as pa

    text = pa.string()
    return pa.schema(
        [
            ("seq", pa.int64()),
            ("kind", text),
            ("origin", text),
            ("article_id", text),
            ("url", text),
            ("title", text),
            ("source", text),
            ("author", text),
            ("published", pa.date32()),
            ("language", text),
            ("text", text),
            ("report", text),
            ("skip_code", text),
            ("skip_reason", text),
            ("notices", text),
        ]
    )


_COLUMNS = (
    "seq", "kind", "origin", "article_id", "url", "title", "source", "author",
    "published", "language", "text", "report", "skip_code", "skip_reason", "notices",
)  # fmt: skip


def shard_file(out_dir: Path | str, index: int) -> Path:
    """Where the rows of shard ``index`` are written."""
    return Path(out_dir) / f"shard-{index:06d}.parquet"


def write_shard(rows: list[dict[str, Any]], out_dir: Path | str, index: int) -> Path:
    """Write the rows of shard ``index`` (from :func:`shard_rows`) as Parquet; the path.

    The file is written under a temporary name and renamed, so a retried task never
    leaves half a shard behind.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = shard_file(out_dir, index)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), partial)
    partial.replace(target)
    return target


def extract_shard(
    shard: Shard,
    out_dir: str,
    model: str = DEFAULT_MODEL,
    published: dt.date | None = None,
    limits: IngestLimits | None = None,
) -> ShardResult:
    """Read, extract and write one shard as Parquet (the task each worker runs)."""
    started = time.perf_counter()
    limits = limits or IngestLimits()
    extractor = get_extractor(model)
    items = read_shard(shard, published, limits.max_bytes)
    rows = shard_rows(items, extractor, limits=limits)
    target = write_shard(rows, out_dir, shard.index)
    return ShardResult(
        index=shard.index,
        parquet=str(target),
        items=len(rows),
        reports=sum(1 for row in rows if row["kind"] == "report"),
        skips=sum(1 for row in rows if row["kind"] == "skip"),
        seconds=time.perf_counter() - started,
        pid=os.getpid(),
        loads=model_loads(),
    )


# --------------------------------------------------------------------------- the cluster


@dataclass
class DaskRunStats:
    """What :func:`run_dask` did: the shards' results in shard order, the wall time of the
    extraction (``seconds``) and of starting the cluster and the workers' extractors."""

    shards: list[ShardResult] = field(default_factory=list)
    seconds: float = 0.0
    startup_seconds: float = 0.0
    workers: int = 0

    @property
    def items(self) -> int:
        return sum(result.items for result in self.shards)

    @property
    def loads_per_worker(self) -> dict[int, int]:
        """Extractor builds per worker process (1 each when the cache works)."""
        loads: dict[int, int] = {}
        for result in self.shards:
            loads[result.pid] = max(loads.get(result.pid, 0), result.loads)
        return loads


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        raise ConfigError(
            "The Dask engine needs dask[distributed] and pyarrow: "
            "`pip install 'dask[distributed]' pyarrow`."
        ) from error
    return distributed


def run_dask(
    paths: Iterable[Path | str],
    out_dir: Path | str,
    scheduler: str | None = None,
    workers: int = 2,
    *,
    model: str = DEFAULT_MODEL,
    published: dt.date | None = None,
    fmt: str | None = None,
    lines_per_shard: int = LINES_PER_SHARD,
    limits: IngestLimits | None = None,
    processes: bool = True,
) -> DaskRunStats:
    """Extract every shard of ``paths`` on a Dask cluster into Parquet files in ``out_dir``.

    ``scheduler`` is a ``dask.distributed`` scheduler address (``tcp://host:8786``); its
    workers must see ``paths`` and ``out_dir`` at the same paths. Without one a
    ``LocalCluster`` of ``workers`` single-threaded worker processes (threads with
    ``processes=False``) is started and stopped. Old shard files in ``out_dir`` are removed
    first, so a merge sees only this run's.
    """
    distributed = _import_distributed()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(SHARD_PATTERN):
        old.unlink()
    limits = limits or IngestLimits()
    shards = plan_shards(
        paths, fmt=fmt, lines_per_shard=lines_per_shard, max_bytes=limits.max_bytes
    )
    started = time.perf_counter()
    cluster = None
    if scheduler is None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, not {workers}.")
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # spaCy work holds the GIL: more threads only contend
            processes=processes,
            dashboard_address=None,
        )
    try:
        with distributed.Client(cluster if cluster is not None else scheduler) as client:
            # Build each worker's extractor before timing the shards (workers that join
            # later build theirs on their first shard).
            client.run(get_extractor, model)
            ready = time.perf_counter()
            futures = [
                client.submit(
                    extract_shard,
                    shard,
                    str(out.resolve()),
                    model,
                    published,
                    limits,
                    key=f"threatline-shard-{shard.index}-{time.time_ns()}",
                    pure=False,
                )
                for shard in shards
            ]
            results: list[ShardResult] = client.gather(futures)
            worker_count = len(client.scheduler_info().get("workers", {}))
    finally:
        if cluster is not None:
            cluster.close()
    results.sort(key=lambda result: result.index)
    return DaskRunStats(
        shards=results,
        seconds=time.perf_counter() - ready,
        startup_seconds=ready - started,
        workers=worker_count,
    )


# --------------------------------------------------------------------------- merging


def read_shard_rows(out_dir: Path | str) -> Iterator[dict[str, Any]]:
    """Every row of every shard file in ``out_dir``, in input order (shard, then seq)."""
    import pyarrow.parquet as pq

    for file in sorted(Path(out_dir).glob(SHARD_PATTERN)):
        table = pq.read_table(file)
        yield from sorted(table.to_pylist(), key=lambda row: row["seq"])


def _report_of(row: dict[str, Any]) -> ArticleReport:
    data = json.loads(row["report"])
    data["article"] = {**data["article"], "text": row["text"]}
    return ArticleReport.model_validate(data)


def _skip_of(row: dict[str, Any]) -> Skip:
    return Skip(origin=row["origin"], code=row["skip_code"], reason=row["skip_reason"])


def merge_shards_into_store(out_dir: Path | str, store: Store) -> IngestStats:
    """Load the shard files of ``out_dir`` into ``store`` as the single process would: the
    outcomes are applied in input order by :func:`threatline.pipeline.apply_outcome`, the
    function the single process uses, so both give the same store."""
    stats = IngestStats()
    log = SkipLog(store, stats)
    started = time.perf_counter()
    seen: set[str] = set()
    for row in read_shard_rows(out_dir):
        apply_outcome(_outcome_of(row), store, stats, log, seen)
    stats.seconds = time.perf_counter() - started
    return stats


def ingest_dask(
    paths: list[Path],
    db: str | Path,
    out_dir: Path | str,
    scheduler: str | None = None,
    workers: int = 2,
    **options: Any,
) -> tuple[DaskRunStats, IngestStats]:
    """``threatline ingest --engine dask``: :func:`run_dask`, then merge into ``db``."""
    run = run_dask(paths, out_dir, scheduler=scheduler, workers=workers, **options)
    with Store.open(db) as store:
        stats = merge_shards_into_store(out_dir, store)
    stats.seconds = run.startup_seconds + run.seconds + stats.seconds
    return run, stats
