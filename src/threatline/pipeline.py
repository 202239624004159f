"""The batch job behind ``threatline ingest``: read, extract, store, and account for all.

Every input item ends in exactly one of: stored, duplicate (already in the store, or twice
in this run), or skipped with a reason (recorded in the store's ``skips`` table).
"""

from __future__ import annotations

import datetime as dt
import resource
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from threatline.extract import Extractor
from threatline.ingest import read_paths
from threatline.models import Article, ArticleReport, Skip
from threatline.store import Store

BATCH_SIZE = 16


@dataclass
class IngestStats:
    """What one ingest run did."""

    stored: int = 0
    duplicates: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    peak_memory_mb: float = 0.0
    skips: list[Skip] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return (self.stored + self.duplicates) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (
            f"stored {self.stored} articles ({self.events} events), "
            f"{self.duplicates} duplicates, {len(self.skips)} skipped; "
            f"{self.seconds:.1f} s, {self.articles_per_second:.1f} articles/s, "
            f"{self.words / self.seconds if self.seconds else 0:.0f} words/s, "
            f"peak memory {self.peak_memory_mb:.0f} MB"
        )


def _batches(items: Iterable[Article | Skip], size: int) -> Iterator[list[Article | Skip]]:
    batch: list[Article | Skip] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_articles(
    items: Iterable[Article | Skip],
    store: Store,
    extractor: Extractor,
    progress: bool = False,
) -> IngestStats:
    """Extract and store a stream of articles (and record its skips)."""
    stats = IngestStats()
    started = time.perf_counter()
    seen: set[str] = set()
    bar = tqdm(desc="ingest", unit=" articles", disable=not progress, leave=False)
    for batch in _batches(items, BATCH_SIZE):
        fresh: list[Article] = []
        for item in batch:
            if isinstance(item, Skip):
                store.add_skip(item)
                stats.skips.append(item)
            elif item.id in seen or store.has_article(item.id):
                stats.duplicates += 1
            else:
                seen.add(item.id)
                fresh.append(item)
        for result in extractor.extract_batch(fresh):
            if isinstance(result, Skip):
                store.add_skip(result)
                stats.skips.append(result)
                continue
            _store_report(store, result, stats)
        bar.update(len(batch))
    bar.close()
    stats.seconds = time.perf_counter() - started
    # ru_maxrss is in kilobytes on Linux.
    stats.peak_memory_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return stats


def _store_report(store: Store, report: ArticleReport, stats: IngestStats) -> None:
    if store.add_report(report):
        stats.stored += 1
        stats.events += len(report.events)
        stats.words += len(report.article.text.split())
    else:
        stats.duplicates += 1


def ingest_paths(
    paths: list[Path],
    db: str | Path,
    published: dt.date | None = None,
    model: str | None = None,
    progress: bool = False,
    extractor: Extractor | None = None,
) -> IngestStats:
    """Read every article under ``paths``, extract it and store it in ``db``."""
    if extractor is None:
        extractor = Extractor(model=model) if model else Extractor()
    with Store.open(db) as store:
        return ingest_articles(read_paths(paths, published=published), store, extractor, progress)
