"""The batch job behind ``threatline ingest``: read, extract, store, and account for all.

Every input item ends in exactly one of: stored, duplicate (already in the store, or twice
in this run), or skipped with a reason (recorded in the store's ``skips`` table), so
``stored + duplicates + len(skips) == items`` (:class:`IngestStats`).

Routing and limits (:class:`IngestLimits`, all configurable, all reported when hit)
-------------------------------------------------------------------------------------
- ``max_bytes``: a larger file is skipped as ``too_large`` before it is read or parsed.
- ``max_chars``: a longer article text is skipped as ``too_large`` before annotation.
- language: an article whose text is clearly not in one of ``languages`` (see
  :func:`threatline.language.resolve_language`) is skipped as ``not_english``, the reason
  naming the language, instead of going through the English models.
- ``max_seconds``: the time budget of one article's extraction stages after spaCy
  annotation (time expressions, actors, places, events, facts). An article over budget is
  skipped as ``time_limit``. The watchdog is a ``SIGALRM`` timer when ingest runs in the
  main thread of a Unix process: it interrupts Python code between bytecodes, so a single
  long call into C (one regular-expression match, one spaCy component) finishes before the
  article is abandoned. Elsewhere (threads, Windows) the elapsed time is checked once the
  stages are done. Annotation is batched across articles and not timed per article: it is
  bounded by ``max_chars`` (spaCy's cost is linear in the text length).
- ``max_events``: an article with more events keeps the first ``max_events`` (links to the
  dropped ones removed) and an ``event_limit`` notice is recorded.
- casualty counts over :data:`threatline.numbers.MAX_PLAUSIBLE_CASUALTIES` ("killing
  10,000,000 people") keep their text and offsets but lose their value (min and max unknown),
  and an ``implausible_count`` notice names the figure.

Notices are recorded in the ``skips`` table too (the article itself is stored) and listed in
:attr:`IngestStats.notices`, not in :attr:`IngestStats.skips`.

Crash safety
------------
Each article is stored in one transaction (:meth:`Store.add_report`), and an article already
stored is not extracted again, so a run killed at any moment and started again with the same
inputs ends with the same store as an uninterrupted run. Skips and notices already recorded
(same origin and code) are not recorded twice; a notice is recorded before its article, so
a kill between the two cannot lose it.
"""

from __future__ import annotations

import datetime as dt
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from tqdm import tqdm

from threatline.errors import StoreError
from threatline.extract import Extractor
from threatline.ingest import DEFAULT_MAX_BYTES, read_paths
from threatline.language import UNDETERMINED, resolve_language
from threatline.models import Article, ArticleReport, Quantity, Skip
from threatline.numbers import MAX_PLAUSIBLE_CASUALTIES, is_plausible_casualty_count
from threatline.store import Store

BATCH_SIZE = 16


@dataclass(frozen=True)
class IngestLimits:
    """Bounds on the input and on each article's work (see the module docstring)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = 200_000
    max_events: int = 200
    max_seconds: float = 60.0
    languages: tuple[str, ...] = ("en",)


@dataclass
class IngestStats:
    """What one ingest run did. ``items`` = ``stored + duplicates + len(skips)``."""

    items: int = 0
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    peak_memory_mb: float = 0.0
    skips: list[Skip] = field(default_factory=list)
    notices: list[Skip] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return (self.stored + self.duplicates) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        notices = f", {len(self.notices)} limit notices" if self.notices else ""
        return (
            f"stored {self.stored} articles ({self.events} events), "
            f"{self.duplicates} duplicates, {len(self.skips)} skipped{notices}; "
            f"{self.seconds:.1f} s, {self.articles_per_second:.1f} articles/s, "
            f"{self.words / self.seconds if self.seconds else 0:.0f} words/s"
            + (f", peak memory {self.peak_memory_mb:.0f} MB" if self.peak_memory_mb else "")
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


class SkipLog:
    """Records skips and notices in the store once: a rerun of the same inputs finds the
    (origin, code) pairs it recorded before and does not add them again."""

    def __init__(self, store: Store, stats: IngestStats) -> None:
        self.store = store
        self.stats = stats
        self.recorded = {(skip.origin, skip.code) for skip in store.list_skips()}

    def _record(self, skip: Skip) -> None:
        key = (skip.origin, skip.code)
        if key not in self.recorded:
            self.store.add_skip(skip)
            self.recorded.add(key)

    def skip(self, skip: Skip) -> None:
        self._record(skip)
        self.stats.skips.append(skip)

    def notice(self, notice: Skip) -> None:
        self._record(notice)
        self.stats.notices.append(notice)


@dataclass
class Outcome:
    """What became of one input item, before it touches the store. Both engines (this
    process, and the Dask workers of :mod:`threatline.scale`) produce these, and
    :func:`apply_outcome` stores them, so the two cannot drift apart."""

    kind: str  # "skip", "duplicate" or "report"
    origin: str
    skip: Skip | None = None
    report: ArticleReport | None = None
    notices: list[Skip] = field(default_factory=list)


def process_batch(
    batch: list[Article | Skip],
    extractor: Extractor,
    limits: IngestLimits,
    is_known: Callable[[str], bool] = lambda _id: False,
) -> list[Outcome]:
    """The outcome of every item of ``batch``, in input order: read skips stay skips,
    known articles (``is_known``, or twice in the batch) are duplicates, the rest are
    routed (language, size), extracted in one spaCy batch and bounded."""
    outcomes: list[Outcome | None] = [None] * len(batch)
    claimed: set[str] = set()
    fresh: list[tuple[int, Article]] = []
    for index, item in enumerate(batch):
        if isinstance(item, Skip):
            outcomes[index] = Outcome("skip", item.origin, skip=item)
        elif item.id in claimed or is_known(item.id):
            outcomes[index] = Outcome("duplicate", item.origin or item.id)
        else:
            claimed.add(item.id)
            routed = route_article(item, limits)
            if isinstance(routed, Skip):
                outcomes[index] = Outcome("skip", routed.origin, skip=routed)
            else:
                fresh.append((index, routed))
    results = extract_batch(extractor, [article for _, article in fresh], limits)
    for (index, article), result in zip(fresh, results, strict=True):
        origin = article.origin or article.id
        if isinstance(result, Skip):
            outcomes[index] = Outcome("skip", origin, skip=result)
        else:
            report, notices = bound_report(result, limits)
            outcomes[index] = Outcome("report", origin, report=report, notices=notices)
    return [outcome for outcome in outcomes if outcome is not None]


def apply_outcome(
    outcome: Outcome, store: Store, stats: IngestStats, log: SkipLog, seen: set[str]
) -> None:
    """Store one outcome: a report of an article stored before (or earlier in this run)
    counts as a duplicate and leaves no trace, not even its limit notices."""
    stats.items += 1
    if outcome.kind == "skip" and outcome.skip is not None:
        log.skip(outcome.skip)
    elif outcome.kind == "report" and outcome.report is not None:
        article_id = outcome.report.article.id
        if article_id in seen or store.has_article(article_id):
            stats.duplicates += 1
            return
        seen.add(article_id)
        for notice in outcome.notices:
            log.notice(notice)  # before the article, so a kill between them loses nothing
        _store_report(store, outcome.report, stats, log)
    else:
        stats.duplicates += 1


def ingest_articles(
    items: Iterable[Article | Skip],
    store: Store,
    extractor: Extractor,
    progress: bool = False,
    limits: IngestLimits | None = None,
) -> IngestStats:
    """Extract and store a stream of articles (and record its skips); never raises for one
    bad article (only when the store itself cannot be written)."""
    limits = limits or IngestLimits()
    stats = IngestStats()
    log = SkipLog(store, stats)
    started = time.perf_counter()
    seen: set[str] = set()

    def is_known(article_id: str) -> bool:
        return article_id in seen or store.has_article(article_id)

    bar = tqdm(desc="ingest", unit=" articles", disable=not progress, leave=False)
    for batch in _batches(items, BATCH_SIZE):
        for outcome in process_batch(batch, extractor, limits, is_known):
            apply_outcome(outcome, store, stats, log, seen)
        bar.update(len(batch))
    bar.close()
    stats.seconds = time.perf_counter() - started
    # ru_maxrss is in kilobytes on Linux.
    stats.peak_memory_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return stats


def _store_report(store: Store, report: ArticleReport, stats: IngestStats, log: SkipLog) -> None:
    try:
        stored = store.add_report(report)
    except StoreError as error:
        # A report the store rejects (a constraint it breaks) is this article's problem;
        # the transaction left nothing behind.
        log.skip(_skip(report.article, "store_error", str(error)))
        return
    if stored:
        stats.stored += 1
        stats.events += len(report.events)
        stats.words += len(report.article.text.split())
    else:
        stats.duplicates += 1


def _skip(article: Article, code: str, reason: str) -> Skip:
    return Skip(origin=article.origin or article.id, code=code, reason=reason)


# --------------------------------------------------------------------------- routing


def route_article(article: Article, limits: IngestLimits) -> Article | Skip:
    """The article ready for extraction (its ``language`` set), or why it is not.

    Skip codes: ``empty`` (no text), ``too_large`` (over ``limits.max_chars``),
    ``not_english`` (clearly in a language outside ``limits.languages``).
    """
    if not article.text.strip():
        return _skip(article, "empty", "The article has no text.")
    if len(article.text) > limits.max_chars:
        return _skip(
            article,
            "too_large",
            f"{len(article.text):,} characters is over the limit of {limits.max_chars:,} "
            "per article; split it or raise max_chars.",
        )
    language, confidence = resolve_language(article.text, article.language)
    if language not in limits.languages and language != UNDETERMINED:
        return _skip(
            article,
            "not_english",
            f"Detected language {language} (confidence {confidence:.2f}); only "
            f"{', '.join(limits.languages)} text is extracted, so it was not processed.",
        )
    if language != article.language and language != UNDETERMINED:
        article = article.model_copy(update={"language": language})
    return article


# --------------------------------------------------------------------------- extraction


class ArticleTimeout(BaseException):
    """Raised by the watchdog inside an article's stages. A BaseException, so the stages'
    own ``except Exception`` handlers cannot swallow it."""


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the enclosed code after ``seconds`` of wall time,
    when a SIGALRM timer is available and unused (main thread, Unix); else do nothing."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield
        return

    def on_alarm(_signum: int, _frame: FrameType | None) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _time_limit_skip(article: Article, seconds: float) -> Skip:
    return _skip(
        article,
        "time_limit",
        f"Extraction took longer than the budget of {seconds:g} s per article and was "
        "abandoned; raise max_seconds to process it.",
    )


def extract_one(
    extractor: Extractor, article: Article, doc: object, limits: IngestLimits
) -> ArticleReport | Skip:
    """The report of one annotated article within ``limits.max_seconds``; a failure or an
    overrun is a Skip (``extract_error``, ``time_limit``)."""
    started = time.perf_counter()
    try:
        with _watchdog(limits.max_seconds):
            report = extractor.report(article, doc)  # type: ignore[arg-type]
    except ArticleTimeout:
        return _time_limit_skip(article, limits.max_seconds)
    except Exception as error:  # a bug on one article must not stop the batch
        return _skip(
            article, "extract_error", f"Extraction failed: {type(error).__name__}: {error}."
        )
    if limits.max_seconds > 0 and time.perf_counter() - started > limits.max_seconds:
        return _time_limit_skip(article, limits.max_seconds)
    return report


def extract_batch(
    extractor: Extractor, articles: list[Article], limits: IngestLimits
) -> Iterator[ArticleReport | Skip]:
    """One result per article, in order: annotate them in one spaCy batch (one by one if
    the batch fails), then run the later stages of each under the time budget."""
    from threatline.annotate import annotate_many

    if not articles:
        return
    try:
        docs = [doc for _, doc in annotate_many(articles, extractor.nlp, len(articles))]
    except Exception:  # one bad text spoils a batch: retry the articles one by one
        docs = []
        for article in articles:
            try:
                docs.extend(doc for _, doc in annotate_many([article], extractor.nlp, 1))
            except Exception as error:
                docs.append(
                    _skip(
                        article,
                        "extract_error",
                        f"Annotation failed: {type(error).__name__}: {error}.",
                    )
                )
    for article, doc in zip(articles, docs, strict=True):
        yield doc if isinstance(doc, Skip) else extract_one(extractor, article, doc, limits)


def bound_report(report: ArticleReport, limits: IngestLimits) -> tuple[ArticleReport, list[Skip]]:
    """The report within limits, and a notice for each limit it hit.

    More than ``limits.max_events`` events: the first ones are kept, links to the others
    removed (``event_limit``). A casualty count that cannot be one event's
    (:func:`~threatline.numbers.is_plausible_casualty_count`) keeps its text but not its
    value (``implausible_count``).
    """
    article = report.article
    notices: list[Skip] = []
    events = report.events
    if len(events) > limits.max_events:
        notices.append(
            _skip(
                article,
                "event_limit",
                f"The article gave {len(events)} events; only the first "
                f"{limits.max_events} were stored (raise max_events to keep more).",
            )
        )
        events = events[: limits.max_events]
        kept = {event.id for event in events}
        events = [
            event.model_copy(update={"links": [link for link in event.links if link.event in kept]})
            for event in events
        ]
    bounded = []
    implausible: list[str] = []
    for event in events:
        updates: dict[str, Quantity] = {}
        for name in ("fatalities", "injuries"):
            quantity: Quantity | None = getattr(event, name)
            if quantity is not None and not is_plausible_casualty_count(quantity):
                implausible.append(f"{event.id} {name} {quantity.text!r}")
                updates[name] = quantity.model_copy(update={"min": None, "max": None})
        bounded.append(event.model_copy(update=updates) if updates else event)
    if implausible:
        notices.append(
            _skip(
                article,
                "implausible_count",
                f"Casualty counts over {MAX_PLAUSIBLE_CASUALTIES:,} were stored as unknown "
                f"(their text is kept): {'; '.join(implausible)}.",
            )
        )
    if notices:
        report = report.model_copy(update={"events": bounded})
    return report, notices


def ingest_paths(
    paths: list[Path],
    db: str | Path,
    published: dt.date | None = None,
    model: str | None = None,
    progress: bool = False,
    extractor: Extractor | None = None,
    limits: IngestLimits | None = None,
) -> IngestStats:
    """Read every article under ``paths``, extract it and store it in ``db``, within
    ``limits`` (see :class:`IngestLimits`)."""
    limits = limits or IngestLimits()
    if extractor is None:
        extractor = Extractor(model=model) if model else Extractor()
    with Store.open(db) as store:
        return ingest_articles(
            read_paths(paths, published=published, max_bytes=limits.max_bytes),
            store,
            extractor,
            progress,
            limits,
        )
