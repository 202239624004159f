"""Store on PostgreSQL: concurrent writers and readers (skipped without ``THREATLINE_TEST_PG``)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from store_backends import fresh_database, ingest_worker, make_report
from threatline import store as store_module
from threatline.models import ArticleReport
from threatline.store import ArticleRow, Store


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    with fresh_database("postgresql", tmp_path) as url:
        yield url


def _corpus() -> list[ArticleReport]:
    """Thirty reports of bombings on four dates (some undated), with differing aliases for the
    shared actor and, in some, two event mentions."""
    days = [dt.date(2024, 3, 4), dt.date(2024, 3, 20), dt.date(2024, 5, 1), dt.date(2024, 7, 15)]
    reports = []
    for number in range(30):
        day = days[number % 4] if number % 7 else None
        reports.append(
            make_report(
                f"Report number {number} about a car bomb at a checkpoint in Kabul.",
                day=day,
                event_ids=("E1", "E2") if number % 5 == 0 else ("E1",),
                aliases=("TB", f"Alias {number % 3}"),
            )
        )
    return reports


def _snapshot(url: str) -> tuple[dict[str, int], list[dict], list[str], list[str]]:
    """What must not depend on who wrote: counts, merged events, mention ids, aliases."""
    with Store.open(url) as store:
        merged = [event.model_dump(mode="json") for event in store.list_merged_events()]
        mentions = sorted(event.id for event in store.list_events())
        profile = store.get_actor("taliban")
        assert profile is not None
        return store.counts(), merged, mentions, sorted(profile.aliases)


def test_store_postgres_concurrent_writers_match_one_writer(tmp_path: Path) -> None:
    corpus = _corpus()
    with (
        fresh_database("postgresql", tmp_path) as single,
        fresh_database("postgresql", tmp_path) as shared,
    ):
        with Store.open(single) as store:
            for report in corpus:
                store.add_report(report)

        # Three workers open the empty database at once (racing on its migration), each with
        # two thirds of the corpus in its own order: every report is offered by two workers.
        context = multiprocessing.get_context("spawn")
        start = context.Barrier(3)
        workers = []
        for worker in range(3):
            mine = [r.model_dump_json() for i, r in enumerate(corpus) if i % 3 != worker]
            random.Random(worker).shuffle(mine)
            workers.append(
                context.Process(target=ingest_worker, args=(shared, mine, start), daemon=True)
            )
        for process in workers:
            process.start()
        for process in workers:
            process.join(timeout=120)
        assert [p.exitcode for p in workers] == [0, 0, 0]

        expected = _snapshot(single)
        assert expected[0]["articles"] == len(corpus)
        # One event per date: the undated reports (same place, type and perpetrator) join one.
        assert expected[0]["merged_events"] == 4
        assert _snapshot(shared) == expected


def test_store_postgres_reader_not_blocked_by_writer(pg_url: str) -> None:
    # A reader (serve) keeps reading while a writer is inside its transaction, holding the
    # write lock with an article written but not committed: the reader sees the committed
    # report only and does not wait.
    committed = make_report("The committed report.")
    pending = make_report("The pending report.")
    with Store.open(pg_url) as writer, Store.open(pg_url) as reader:
        writer.add_report(committed)
        with writer.engine.connect() as connection:
            transaction = connection.begin()
            connection.execute(select(func.pg_advisory_xact_lock(store_module._PG_WRITE_LOCK)))
            connection.execute(insert(ArticleRow).values(id=pending.article.id, text="pending"))
            connection.exec_driver_sql("SET LOCAL lock_timeout = '1s'")
            assert reader.counts()["articles"] == 1
            assert reader.has_article(committed.article.id)
            assert not reader.has_article(pending.article.id)
            assert [e.article_id for e in reader.list_events()] == [committed.article.id]
            transaction.commit()
        assert reader.has_article(pending.article.id)
