"""The ingest pipeline: routing, limits, accounting and crash safety.

Most tests use a stand-in extractor (a blank spaCy pipeline and a ``report`` written here),
so limits and failures can be produced on demand; the kill test runs the real command.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy

from threatline.models import (
    Article,
    ArticleReport,
    EventLink,
    EventMention,
    Quantity,
    Skip,
    Span,
)
from threatline.pipeline import IngestLimits, bound_report, ingest_articles, route_article
from threatline.store import Store

REPO = Path(__file__).resolve().parents[1]

ENGLISH = "A bomb exploded near a market in Mosul on Sunday, killing four people, police said."


class FakeExtractor:
    """An Extractor stand-in: ``report`` gives ``events`` events per article, or sleeps, or
    fails, as the article text asks ("SLOW", "FAIL")."""

    def __init__(self, events: int = 1, fatalities: int | None = 4) -> None:
        self.nlp = spacy.blank("en")
        self.events = events
        self.fatalities = fatalities

    def report(self, article: Article, doc: object) -> ArticleReport:
        if "SLOW" in article.text:
            deadline = time.perf_counter() + 5
            while time.perf_counter() < deadline:  # Python work the watchdog can interrupt
                pass
        if "FAIL" in article.text:
            raise ValueError("a bug in a stage")
        events = [
            EventMention(
                id=f"E{n}",
                type="bombing",
                trigger=Span(start=2, end=6, text=article.text[2:6]),
                fatalities=(
                    Quantity(min=self.fatalities, max=self.fatalities, text=str(self.fatalities))
                    if self.fatalities is not None
                    else None
                ),
                links=[EventLink(type="follows", event=f"E{n + 1}")] if n < self.events else [],
            )
            for n in range(1, self.events + 1)
        ]
        return ArticleReport(article=article, events=events)


def article(text: str, origin: str) -> Article:
    return Article.from_text(text, origin=origin)


def test_pipeline_routes_non_english_to_a_skip() -> None:
    russian = article("В понедельник в центре города прогремел взрыв, погибли три человека.", "r")
    routed = route_article(russian, IngestLimits())
    assert isinstance(routed, Skip)
    assert routed.code == "not_english"
    assert "language ru" in routed.reason
    english = route_article(article(ENGLISH, "e"), IngestLimits())
    assert isinstance(english, Article) and english.language == "en"


def test_pipeline_routing_trusts_a_declared_language_only_when_detection_cannot_tell() -> None:
    declared_french = Article.from_text("Bombe à Lyon.", origin="f", language="fr")
    routed = route_article(declared_french, IngestLimits())
    assert isinstance(routed, Skip) and "language fr" in routed.reason
    mislabelled = Article.from_text(ENGLISH, origin="m", language="ru")
    routed = route_article(mislabelled, IngestLimits())
    assert isinstance(routed, Article) and routed.language == "en"
    assert isinstance(route_article(mislabelled, IngestLimits(languages=("ru",))), Skip)


def test_pipeline_routes_overlong_articles_to_too_large() -> None:
    routed = route_article(article(ENGLISH * 10, "long"), IngestLimits(max_chars=100))
    assert isinstance(routed, Skip) and routed.code == "too_large"
    assert "100" in routed.reason


def test_pipeline_event_limit_keeps_the_first_events_and_says_so() -> None:
    report = FakeExtractor(events=5).report(article(ENGLISH, "a"), None)
    bounded, notices = bound_report(report, IngestLimits(max_events=3))
    assert [event.id for event in bounded.events] == ["E1", "E2", "E3"]
    # E3 linked to E4, which is gone: no dangling link is left.
    assert bounded.events[2].links == []
    assert bounded.events[1].links[0].event == "E3"
    [notice] = notices
    assert notice.code == "event_limit" and "5 events" in notice.reason


def test_pipeline_implausible_counts_keep_their_text_but_lose_their_value() -> None:
    report = FakeExtractor(fatalities=10_000_000).report(article(ENGLISH, "a"), None)
    bounded, [notice] = bound_report(report, IngestLimits())
    fatalities = bounded.events[0].fatalities
    assert fatalities is not None
    assert (fatalities.min, fatalities.max, fatalities.text) == (None, None, "10000000")
    assert notice.code == "implausible_count"
    plausible = FakeExtractor(fatalities=40).report(article(ENGLISH, "a"), None)
    assert bound_report(plausible, IngestLimits()) == (plausible, [])


def test_pipeline_time_budget_abandons_a_slow_article_and_goes_on(tmp_path: Path) -> None:
    items = [
        article(ENGLISH + " SLOW", "slow"),
        article(ENGLISH + " FAIL", "fail"),
        article(ENGLISH, "good"),
    ]
    with Store.open(tmp_path / "db.sqlite") as store:
        started = time.perf_counter()
        stats = ingest_articles(items, store, FakeExtractor(), limits=IngestLimits(max_seconds=0.3))  # type: ignore[arg-type]
        elapsed = time.perf_counter() - started
        assert elapsed < 3  # the 5 s loop was cut short
        assert {(s.origin, s.code) for s in stats.skips} == {
            ("slow", "time_limit"),
            ("fail", "extract_error"),
        }
        assert stats.stored == 1
        assert stats.items == stats.stored + stats.duplicates + len(stats.skips)
        assert {s.origin for s in store.list_skips()} == {"slow", "fail"}


def test_pipeline_rerun_records_no_skip_twice(tmp_path: Path) -> None:
    items: list[Article | Skip] = [
        Skip(origin="x.bin", code="binary", reason="binary"),
        article(ENGLISH, "good"),
        article(ENGLISH + " FAIL", "fail"),
    ]
    limits = IngestLimits(max_events=0)  # every stored article hits the event limit
    with Store.open(tmp_path / "db.sqlite") as store:
        first = ingest_articles(items, store, FakeExtractor(), limits=limits)  # type: ignore[arg-type]
        second = ingest_articles(items, store, FakeExtractor(), limits=limits)  # type: ignore[arg-type]
        assert (first.stored, second.stored, second.duplicates) == (1, 0, 1)
        assert len(second.skips) == 2  # still reported to the user on each run ...
        codes = sorted(s.code for s in store.list_skips())
        assert codes == ["binary", "event_limit", "extract_error"]  # ... but recorded once


# --------------------------------------------------------------------------- kill test

KILL_PLACES = [
    "Mosul", "Kirkuk", "Peshawar", "Quetta", "Kandahar", "Herat", "Mogadishu", "Kismayo",
    "Maiduguri", "Kaduna", "Bamako", "Gao", "Niamey", "Kabul", "Aden", "Sanaa",
]  # fmt: skip
KILL_VERBS = [
    ("A car bomb exploded near a market in {p}", "killing {n} people"),
    ("Gunmen attacked a police checkpoint outside {p}", "killing {n} officers"),
    ("A suicide bomber blew himself up at a mosque in {p}", "killing {n} worshippers"),
    ("Militants kidnapped {n} aid workers on a road near {p}", "a local official said"),
]


def write_kill_collection(folder: Path) -> None:
    """About 30 short articles: text files, a JSON Lines file and two bad files."""
    folder.mkdir()
    rng = random.Random(11)
    texts = []
    for number in range(28):
        place = KILL_PLACES[number % len(KILL_PLACES)]
        first, second = KILL_VERBS[number % len(KILL_VERBS)]
        count = rng.randint(2, 30)
        day = 1 + number % 27
        texts.append(
            f"{first.format(p=place, n=count)} on March {day}, 2024, "
            f"{second.format(n=count)}, police said. Report {number}."
        )
    for number, text in enumerate(texts[:18]):
        (folder / f"a{number:02d}.txt").write_text(
            f"Published: 2024-03-{1 + number % 28:02d}\n\n{text}", encoding="utf-8"
        )
    records = [{"url": f"https://example.org/{n}", "text": t} for n, t in enumerate(texts[18:])]
    records.append({"url": "https://example.org/copy", "text": texts[0]})  # a duplicate
    lines = [json.dumps(r) for r in records] + ["{not json"]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "russian.txt").write_text(
        "В понедельник в центре города прогремел взрыв, погибли три человека.",
        encoding="utf-8",
    )


def store_state(db: Path) -> dict[str, list[tuple]]:
    """The store's content without timestamps and row ids that depend on timing."""
    connection = sqlite3.connect(db)
    try:
        state = {}
        # Timestamps, and the row ids of tables numbered by insertion, depend on timing.
        ignored = {"ingested_at", "at"}
        for table in ("articles", "reports", "events", "facts", "skips", "actors", "places",
                      "article_actors", "merged_events", "event_members"):  # fmt: skip
            columns = [c[1] for c in connection.execute(f"pragma table_info({table})")]
            numbered = table in ("facts", "skips")
            keep = [c for c in columns if c not in ignored and not (numbered and c == "id")]
            rows = connection.execute(f"select {', '.join(keep)} from {table}").fetchall()
            state[table] = sorted(rows, key=repr)
        return state
    finally:
        connection.close()


def _ingest_command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "threatline.cli", "ingest", str(folder), "--db", str(db),
            "--no-progress"]  # fmt: skip


def _article_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        connection = sqlite3.connect(db, timeout=1)
        try:
            return connection.execute("select count(*) from articles").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def kill_repeatedly(
    command: list[str], stored: Callable[[], int], total: int, seed: int = 5
) -> int:
    """Start ``command`` up to four times and SIGKILL each run once it has stored a new
    article (after a random extra delay); the number of kills."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    rng = random.Random(seed)
    kills = 0
    for _ in range(4):
        stored_before = stored()
        if stored_before >= total:
            break
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while stored() <= stored_before and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.3))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
    return kills


@pytest.mark.model
def test_pipeline_kill_and_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_kill_collection(folder)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    clean = tmp_path / "clean.sqlite"
    subprocess.run(_ingest_command(folder, clean), check=True, env=env, capture_output=True)
    expected = store_state(clean)
    total = len(expected["articles"])
    assert total >= 25

    killed = tmp_path / "killed.sqlite"
    kills = kill_repeatedly(_ingest_command(folder, killed), lambda: _article_count(killed), total)
    assert kills >= 2, "the runs finished before they could be killed"
    assert _article_count(killed) < total or kills >= 2
    subprocess.run(_ingest_command(folder, killed), check=True, env=env, capture_output=True)
    assert store_state(killed) == expected
