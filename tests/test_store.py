"""Store: hand-built reports in a temporary SQLite file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from threatline.errors import StoreError
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
    Skip,
    Span,
    TimeSpan,
)
from threatline.store import Store, database_url, event_key, place_key

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


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "events.sqlite") as opened:
        yield opened


def test_store_add_report_is_idempotent(store: Store) -> None:
    report = make_report()
    assert not store.has_article(report.article.id)
    assert store.add_report(report) is True
    counts = store.counts()
    assert store.add_report(report) is False
    assert store.counts() == counts
    assert counts == {
        "articles": 1,
        "reports": 1,
        "events": 1,
        "actors": 1,
        "places": 2,
        "facts": 1,
        "skips": 0,
        "merged_events": 1,
    }
    assert store.has_article(report.article.id)


def test_store_transaction_all_or_nothing(store: Store) -> None:
    # Two events with the same id collide on the events primary key after the article,
    # actors and places were written: none of it may remain.
    broken = make_report(event_ids=("E1", "E1"))
    with pytest.raises(StoreError):
        store.add_report(broken)
    assert not store.has_article(broken.article.id)
    assert set(store.counts().values()) == {0}
    # The store still works afterwards.
    assert store.add_report(make_report(event_ids=("E1", "E2"))) is True
    assert store.counts()["events"] == 2


def test_store_report_json_round_trip(store: Store) -> None:
    report = make_report()
    store.add_report(report)
    assert store.get_report(report.article.id) == report
    assert store.get_report("0" * 64) is None
    assert list(store.iter_reports()) == [report]


def test_store_event_columns(store: Store) -> None:
    report = make_report()
    store.add_report(report)
    [event] = store.list_events()
    assert event.id == f"{report.article.id[:16]}:E1" == event_key(report.article.id, "E1")
    assert (event.type, event.status) == ("bombing", "occurred")
    assert (event.date_start, event.date_end, event.granularity) == (
        dt.date(2024, 3, 4),
        dt.date(2024, 3, 4),
        "day",
    )
    assert (event.place_id, event.place_name, event.country, event.precision) == (
        "venue:kabul-checkpoint:af",
        "Kabul checkpoint",
        "AF",
        1,
    )
    assert (event.fatalities_min, event.fatalities_max) == (6, 6)
    assert event.injuries_min is None
    assert event.perpetrators == "Taliban"
    assert event.evidence == "A car bomb killed six people at a checkpoint in Kabul on Monday."
    assert (event.article_title, event.article_source, event.article_published) == (
        "Bomb in Kabul",
        "Wire",
        dt.date(2024, 3, 4),
    )
    assert event.mention == report.events[0]


def test_store_place_keys() -> None:
    gazetteer = Place(id="P1", name="Kabul", gazetteer_id="geonames:1138958")
    venue = Place(id="P2", name="Crocus City Hall", country="RU", level="venue")
    unknown = Place(id="P3", name="the old bridge", level="venue")
    assert place_key(gazetteer) == "geonames:1138958"
    assert place_key(venue) == "venue:crocus-city-hall:ru"
    assert place_key(unknown) == "venue:the-old-bridge:xx"


def test_store_list_events_ordering(store: Store) -> None:
    march = make_report("Text of the March article.", dt.date(2024, 3, 4))
    january = make_report("Text of the January article.", dt.date(2024, 1, 9))
    undated = make_report("Text of the undated article.", None)
    for report in (march, undated, january):
        store.add_report(report)

    def days(order: str) -> list[dt.date | None]:
        return [e.date_start for e in store.list_events(order=order)]  # type: ignore[arg-type]

    assert days("date") == [dt.date(2024, 1, 9), dt.date(2024, 3, 4), None]
    assert days("-date") == [dt.date(2024, 3, 4), dt.date(2024, 1, 9), None]
    assert [e.date_start for e in store.list_events(limit=1)] == [dt.date(2024, 1, 9)]
    assert [e.article_id for e in store.list_events(order="ingested")] == [
        march.article.id,
        undated.article.id,
        january.article.id,
    ]
    with pytest.raises(StoreError, match="Unknown event order"):
        store.list_events(order="size")  # type: ignore[arg-type]


def test_store_actor_shared_across_articles(store: Store, tmp_path: Path) -> None:
    store.add_report(make_report("First article.", aliases=("TB",)))
    store.add_report(make_report("Second article.", aliases=("TB", "Islamic Emirate")))
    assert store.counts()["actors"] == 1
    with sqlite3.connect(tmp_path / "events.sqlite") as connection:
        aliases = connection.execute("select aliases from actors").fetchone()[0]
        links = connection.execute("select count(*), sum(mentions) from article_actors").fetchone()
    assert aliases == '["TB", "Islamic Emirate"]'
    assert links == (2, 4)


def test_store_skips_recorded(store: Store) -> None:
    first = Skip(origin="a.txt", code="empty", reason="File is empty; nothing to read.")
    second = Skip(origin="b.jsonl:3", code="parse_error", reason="Line 3 is not valid JSON.")
    store.add_skip(first)
    store.add_skip(second)
    assert store.list_skips() == [first, second]
    assert store.counts()["skips"] == 2


def test_store_full_text_search(store: Store) -> None:
    report = make_report()
    store.add_report(report)
    other = make_report("Police arrested four men in Lyon.")
    store.add_report(other)
    assert store.search("checkpoint") == [report.article.id]
    assert store.search("LYON") == [other.article.id]
    # Both titles are "Bomb in Kabul": titles are indexed too.
    assert set(store.search("kabul")) == {report.article.id, other.article.id}
    assert store.search("nothingmatches") == []
    with pytest.raises(StoreError, match="Bad full-text query"):
        store.search('"unbalanced')


def test_store_sqlite_file_settings(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    with Store.open(path) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    tables = {
        row[0]
        for row in sqlite3.connect(path).execute(
            "select name from sqlite_master where type='table'"
        )
    }
    expected = {"articles", "reports", "skips", "actors", "article_actors", "places", "events"}
    assert expected | {"facts", "articles_fts"} <= tables


def test_store_reopen_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    report = make_report()
    with Store.open(path) as store:
        store.add_report(report)
    with Store.open(str(path)) as store:
        assert store.has_article(report.article.id)
        assert store.add_report(report) is False


def test_store_memory_and_urls(tmp_path: Path) -> None:
    assert database_url(":memory:") == "sqlite://"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    with Store.open(":memory:") as store:
        assert store.add_report(make_report()) is True
        assert store.counts()["events"] == 1


def test_store_open_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "events.sqlite")
