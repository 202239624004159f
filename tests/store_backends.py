"""Test helpers for the store: hand-built reports, and fresh databases on each backend.

PostgreSQL tests need a server: set ``THREATLINE_TEST_PG`` to a SQLAlchemy URL of a database
where the user may create schemas (``eval "$(.ci/postgres.sh start)"`` starts one). Each test
gets its own schema, dropped afterwards, so tests do not see each other's rows.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from threatline.models import (
    Actor,
    Article,
    ArticleReport,
    Attribution,
    EventMention,
    EventPlace,
    Fact,
    Participant,
    Place,
    Quantity,
    Span,
    TimeSpan,
)
from threatline.store import Store

PG_ENV = "THREATLINE_TEST_PG"
BACKENDS = ("sqlite", "postgresql")

TEXT = (
    "A car bomb killed six people at a checkpoint in Kabul on Monday. "
    "The Taliban said it carried out the attack."
)


def make_report(
    text: str = TEXT,
    day: dt.date | None = dt.date(2024, 3, 4),
    event_ids: tuple[str, ...] = ("E1",),
    aliases: tuple[str, ...] = ("TB",),
) -> ArticleReport:
    """A small report: one actor, one gazetteer place, one venue, events dated ``day``."""
    article = Article.from_text(
        text, title="Bomb in Kabul", source="Wire", url="https://example.org/k", published=day
    )
    sentence = Span(start=0, end=64, text=article.text[:64])
    events = [
        EventMention(
            id=event_id,
            type="bombing",
            trigger=Span(start=6, end=10, text="bomb"),
            time=TimeSpan(text="on Monday", start=day, end=day, granularity="day") if day else None,
            place=EventPlace(id="P2", text="a checkpoint", precision=1),
            participants=[Participant(actor="taliban", role="perpetrator")],
            fatalities=Quantity(min=6, max=6, text="six people"),
            attributions=[Attribution(source="taliban", stance="claims")],
            evidence=[sentence],
        )
        for event_id in event_ids
    ]
    return ArticleReport(
        article=article,
        actors=[
            Actor(
                id="taliban",
                name="Taliban",
                kind="armed_group",
                aliases=list(aliases),
                mentions=[(65, 76), (82, 84)],
            )
        ],
        places=[
            Place(
                id="P1",
                name="Kabul",
                gazetteer_id="geonames:1138958",
                lat=34.53,
                lon=69.17,
                country="AF",
                level="settlement",
            ),
            Place(
                id="P2", name="Kabul checkpoint", lat=34.53, lon=69.17, country="AF", level="venue"
            ),
        ],
        events=events,
        facts=[
            Fact(
                id="F1",
                subject="taliban",
                predicate="active_in",
                value="P1",
                evidence=[sentence],
            )
        ],
    )


def postgres_url() -> str:
    """The test server's URL, or skip the test with the reason."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server (start one: .ci/postgres.sh start)")
    return url


@contextmanager
def fresh_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL (or path) of an empty database on ``backend``: a SQLite file in ``tmp_path``, or
    a new PostgreSQL schema (first on the search path), dropped on exit."""
    if backend == "sqlite":
        yield str(tmp_path / f"events-{uuid.uuid4().hex[:8]}.sqlite")
        return
    base = postgres_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def ingest_worker(url: str, reports_json: Sequence[str], start: object) -> None:
    """A separate process's ingest: wait at the ``start`` barrier, then store the reports
    one by one (the exit status is non-zero when any write fails)."""
    reports = [ArticleReport.model_validate_json(data) for data in reports_json]
    start.wait()  # type: ignore[attr-defined]
    with Store.open(url) as store:
        for report in reports:
            store.add_report(report)
