"""Crash safety of ``threatline ingest`` on PostgreSQL: kill -9 the command at random points,
rerun it, and compare the store with that of an uninterrupted run (the PostgreSQL twin of
the SQLite kill test in test_pipeline.py, on the same collection).

Needs a server: ``THREATLINE_TEST_PG`` (see store_backends.py); skipped without one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from store_backends import fresh_database, postgres_url
from test_pipeline import kill_repeatedly, write_kill_collection

pytestmark = pytest.mark.model

#: The tables compared between the clean and the killed run.
TABLES = ("articles", "reports", "events", "facts", "skips", "actors", "places",
          "article_actors", "merged_events", "event_members")  # fmt: skip
#: Timestamps depend on timing, and so do the ids of tables numbered by insertion.
TIMED_COLUMNS = {"ingested_at", "at"}
NUMBERED_TABLES = {"facts", "skips"}


def ingest_command(folder: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "threatline.cli", "ingest", str(folder), "--db", url,
            "--no-progress"]  # fmt: skip


def store_state(url: str) -> dict[str, list[str]]:
    """The store's rows per table, as sorted text, without timing-dependent columns."""
    engine = create_engine(url)
    try:
        inspector = inspect(engine)
        state = {}
        with engine.connect() as connection:
            for table in TABLES:
                columns = [c["name"] for c in inspector.get_columns(table)]
                keep = [
                    c
                    for c in columns
                    if c not in TIMED_COLUMNS and not (table in NUMBERED_TABLES and c == "id")
                ]
                listed = ", ".join(f'"{c}"' for c in keep)
                rows = connection.execute(text(f'SELECT {listed} FROM "{table}"')).all()
                state[table] = sorted(repr(tuple(row)) for row in rows)
        return state
    finally:
        engine.dispose()


def article_count(url: str) -> int:
    """Articles stored so far (0 before the command has created its tables)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def test_kill_postgres_ingest_killed_and_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    postgres_url()  # skips with the reason when no server is configured
    folder = tmp_path / "articles"
    write_kill_collection(folder)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    with (
        fresh_database("postgresql", tmp_path) as clean,
        fresh_database("postgresql", tmp_path) as killed,
    ):
        subprocess.run(ingest_command(folder, clean), check=True, env=env, capture_output=True)
        expected = store_state(clean)
        total = len(expected["articles"])
        assert total >= 25

        kills = kill_repeatedly(
            ingest_command(folder, killed), lambda: article_count(killed), total
        )
        assert kills >= 2, "the runs finished before they could be killed"
        partial = article_count(killed)
        subprocess.run(ingest_command(folder, killed), check=True, env=env, capture_output=True)
        assert store_state(killed) == expected
        print(
            f"\nkill test (PostgreSQL): {kills} kills, {partial}/{total} articles before the rerun"
        )
