"""Store: hand-built reports in a temporary SQLite file and, where a test server is given
(``THREATLINE_TEST_PG``), in a fresh PostgreSQL schema."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select

from store_backends import BACKENDS, fresh_database, make_report
from threatline import store as store_module
from threatline.errors import StoreError
from threatline.models import Place, Skip
from threatline.store import (
    ActorRow,
    ArticleActorRow,
    Base,
    Store,
    database_url,
    event_key,
    place_key,
)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend (PostgreSQL skips without a test server)."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
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


def test_store_actor_shared_across_articles(store: Store) -> None:
    store.add_report(make_report("First article.", aliases=("TB",)))
    store.add_report(make_report("Second article.", aliases=("TB", "Islamic Emirate")))
    assert store.counts()["actors"] == 1
    with store.engine.connect() as connection:
        aliases = connection.scalar(select(ActorRow.aliases))
        mentions = connection.scalars(select(ArticleActorRow.mentions)).all()
    assert aliases == ["Islamic Emirate", "TB"]  # sorted, so ingest order does not matter
    assert sorted(mentions) == [2, 2]


def test_store_actor_aliases_stored_as_json_text(tmp_path: Path) -> None:
    # Other tools read the SQLite file: JSON columns hold plain JSON text.
    path = tmp_path / "events.sqlite"
    with Store.open(path) as store:
        store.add_report(make_report("First article.", aliases=("TB", "Islamic Emirate")))
    with sqlite3.connect(path) as connection:
        aliases = connection.execute("select aliases from actors").fetchone()[0]
    assert aliases == '["Islamic Emirate", "TB"]'


def test_store_skips_recorded(store: Store) -> None:
    first = Skip(origin="a.txt", code="empty", reason="File is empty; nothing to read.")
    second = Skip(origin="b.jsonl:3", code="parse_error", reason="Line 3 is not valid JSON.")
    store.add_skip(first)
    store.add_skip(second)
    assert store.list_skips() == [first, second]
    assert store.counts()["skips"] == 2


def test_store_full_text_search(sqlite_store: Store) -> None:
    store = sqlite_store
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


def _schema_diff(connection) -> list:  # type: ignore[no-untyped-def]
    context = MigrationContext.configure(
        connection,
        opts={"include_name": store_module.include_in_migrations, "compare_type": True},
    )
    return compare_metadata(context, Base.metadata)


def test_store_migrated_schema_matches_models(store: Store) -> None:
    with store.engine.connect() as connection:
        assert _schema_diff(connection) == []
        assert MigrationContext.configure(connection).get_current_revision() == _head_revision()


def test_store_migrations_downgrade_then_upgrade(db_url: str) -> None:
    report = make_report()
    with Store.open(db_url) as store:
        store.add_report(report)
        config = store_module.alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            store_module.command.downgrade(config, "base")
        with store.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) == {"alembic_version"}
    with Store.open(db_url) as store:
        assert store.counts()["articles"] == 0
        with store.engine.connect() as connection:
            assert _schema_diff(connection) == []
        assert store.add_report(report) is True


def test_store_database_without_migrations_is_adopted(tmp_path: Path) -> None:
    # A file made by an older version with create_all (no alembic_version table, one table
    # missing) keeps its rows, gets the missing table and is marked as migrated.
    path = tmp_path / "old.sqlite"
    engine = create_engine(database_url(path))
    tables = [t for name, t in Base.metadata.tables.items() if name != "merged_events"]
    Base.metadata.create_all(engine, tables=tables)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO skips (origin, code, reason, at) "
            "VALUES ('a.txt', 'empty', 'File is empty.', '2024-01-01 00:00:00')"
        )
    engine.dispose()
    with Store.open(path) as store:
        assert store.list_skips() == [Skip(origin="a.txt", code="empty", reason="File is empty.")]
        with store.engine.connect() as connection:
            assert "merged_events" in inspect(connection).get_table_names()
            revision = MigrationContext.configure(connection).get_current_revision()
            assert revision == _head_revision()
        assert store.add_report(make_report()) is True
        assert store.counts()["merged_events"] == 1


def _head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(store_module.alembic_config()).get_current_head()


def _member_countries(store: Store) -> list[str | None]:
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT country FROM event_members").all()
    return [row[0] for row in rows]


def test_store_migration_0002_keeps_country_keys_only_for_precise_places(db_url: str) -> None:
    report = make_report()
    country_only = report.places[1].model_copy(update={"level": "country"})
    report = report.model_copy(update={"places": [report.places[0], country_only]})
    with Store.open(db_url) as store:
        store.add_report(report)
        assert _member_countries(store) == [None]  # a country alone does not block
        config = store_module.alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            store_module.command.downgrade(config, "0001")
        assert _member_countries(store) == ["AF"]  # the keys older versions wrote
    with Store.open(db_url) as store:  # opening upgrades and rewrites them
        assert _member_countries(store) == [None]


def _relocated(report, name: str, lat: float, lon: float, country: str):  # type: ignore[no-untyped-def]
    """The report with its venue (the events' place) moved."""
    venue = report.places[1].model_copy(
        update={"name": name, "lat": lat, "lon": lon, "country": country}
    )
    return report.model_copy(update={"places": [report.places[0], venue]})


def test_store_merged_events_near(store: Store) -> None:
    kabul = make_report("A report from Kabul.")
    lyon = _relocated(make_report("A report from Lyon."), "Lyon station", 45.76, 4.84, "FR")
    store.add_report(kabul)
    store.add_report(lyon)
    [kabul_event] = store.list_merged_events(country="AF")
    [lyon_event] = store.list_merged_events(country="FR")
    assert [e.id for e in store.list_merged_events_near(34.5, 69.2, 50)] == [kabul_event.id]
    assert [e.id for e in store.list_merged_events_near(45.7, 4.8, 20)] == [lyon_event.id]
    # From (30, 60): Kabul is about 1,000 km away, Lyon about 5,040 km.
    both = store.list_merged_events_near(30.0, 60.0, 6000)
    assert [e.id for e in both] == [kabul_event.id, lyon_event.id]
    assert [e.id for e in store.list_merged_events_near(30.0, 60.0, 6000, limit=1)] == [
        kabul_event.id
    ]
    assert store.list_merged_events_near(30.0, 60.0, 900) == []
    with pytest.raises(StoreError, match="must not be negative"):
        store.list_merged_events_near(30.0, 60.0, -1)


def test_store_haversine_distance() -> None:
    # Paris to London is about 344 km; a quarter of the equator about 10,008 km.
    assert store_module.haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(
        343.6, abs=1
    )
    assert store_module.haversine_km(0, 0, 0, 90) == pytest.approx(10007.5, abs=1)
    assert store_module.haversine_km(10, 179.5, 10, -179.5) == pytest.approx(109.5, abs=1)
