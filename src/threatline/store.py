"""Store: articles, extraction reports and skips in one SQL database (SQLite by default).

``Store.open("events.sqlite")`` opens (and creates) a SQLite file; any SQLAlchemy URL
(``postgresql+psycopg://user:password@host/db``) is accepted too, with the same tables. On
SQLite every connection sets ``PRAGMA journal_mode=WAL`` (readers do not block the writer) and
``PRAGMA foreign_keys=ON``.

The tables are the SQLAlchemy models below, created and upgraded by the Alembic migrations in
:mod:`threatline.migrations` (``alembic upgrade head``, run by :meth:`Store.open`). To change
the schema, change the models, then ``alembic revision --autogenerate`` with an ini file whose
``script_location`` is ``threatline:migrations`` and review the new revision by hand.

On PostgreSQL several processes may ingest into one database at once: each report's
transaction holds an advisory lock (``pg_advisory_xact_lock``) from its first statement to its
commit, so writes, and the incremental merge in particular, happen one report at a time and no
article, event or alias is lost or doubled; readers (``serve``) are never blocked (MVCC).
Spatial queries (:meth:`Store.list_merged_events_near`) use PostGIS where the extension is
installed in the database, and an equivalent portable query elsewhere.

Schema
------
The file is plain SQLite: open it in Datasette (``datasette events.sqlite``), DuckDB
(``ATTACH 'events.sqlite' (TYPE sqlite)``) or pandas (``pd.read_sql("select * from events",
sqlite3.connect("events.sqlite"))``). Dates are ISO 8601 text (``YYYY-MM-DD``); JSON columns
hold the models of :mod:`threatline.models` as JSON.

``articles``
    one row per article: ``id`` (sha256 of the normalized text, primary key), ``url``,
    ``title``, ``source`` (outlet), ``author``, ``published`` (date), ``language``, ``text``
    (the normalized text; all character offsets index into it), ``origin`` (file, line or
    record it was read from), ``ingested_at`` (UTC timestamp).
``reports``
    ``article_id`` (primary key, references articles), ``json``: the whole
    ``threatline.extract/1`` document (:class:`~threatline.models.ArticleReport`) without the
    article text, which stays in ``articles.text``.
``skips``
    inputs that could not be read: ``id``, ``origin``, ``code`` (empty, binary, too_large,
    parse_error, no_text, bad_date, unsupported, ...), ``reason``, ``at`` (UTC timestamp).
``actors``
    ``id`` (knowledge-base id or a slug of the name), ``name``, ``kind``, ``parent`` (actor id),
    ``country``, ``aliases`` (JSON list). The first article to name an actor sets its row;
    later articles add aliases.
``article_actors``
    ``article_id``, ``actor_id``, ``mentions`` (how many times the article mentions it).
``places``
    ``id`` = the gazetteer id (``geonames:524901``) or, for a place the gazetteer lacks,
    a synthetic ``<level>:<slug of name>:<country>`` (``venue:crocus-city-hall:ru``;
    ``xx`` when the country is unknown); ``name``, ``lat``, ``lon``, ``country`` (ISO 3166-1
    alpha-2), ``admin1``, ``level``.
``events``
    one row per event mention: ``id`` = ``<first 16 hex of article id>:<event id>``,
    ``article_id``, ``type``, ``status``, ``time_text``, ``date_start``, ``date_end``,
    ``granularity``, ``place_id`` (references places), ``place_name``, ``lat``, ``lon``,
    ``country``, ``precision`` (1 exact .. 3 region/country), ``fatalities_min``/``_max``,
    ``injuries_min``/``_max``, ``perpetrators`` (actor names, comma-joined), ``evidence``
    (the first evidence sentence), ``json`` (the full
    :class:`~threatline.models.EventMention`).
``facts``
    ``id``, ``article_id``, ``subject`` (actor id), ``predicate``, ``value``, ``json`` (the
    full :class:`~threatline.models.Fact`).
``event_members``
    one row per event mention: ``mention_id`` (references ``events.id``), ``event_id`` (the
    merged event it belongs to), ``component`` (the linked group it was clustered in, see
    :mod:`threatline.merge`), ``article_id``, ``date_start``, ``date_end``, ``country`` (the
    blocking keys; ``country`` only when the place vouches for it, see
    :func:`~threatline.merge.precise_country`) and ``json`` (its
    :class:`~threatline.merge.MentionRecord`).
``merged_events``
    one row per real-world event, merged from all its reports: ``id`` (``ev-`` + 12 hex,
    derived from its first report), ``component``, ``type``, ``status``, ``date_start``,
    ``date_end``, ``granularity``, ``place_name``, ``country``, ``lat``, ``lon``,
    ``fatalities_min``/``_max``, ``injuries_min``/``_max`` (the consensus figures),
    ``perpetrators`` (names, comma-joined), ``actor_ids`` (``|id|id|``: perpetrators,
    targets, claimants), ``certainty``, ``n_reports``, ``n_articles``, ``first_reported``,
    ``latest_reported`` and ``json`` (the full :class:`~threatline.merge.Event`, with every
    report side by side).
``alembic_version``
    the schema revision (Alembic).
``articles_fts`` (SQLite only)
    an FTS5 full-text index over ``articles.title`` and ``articles.text``, with the
    ``article_id`` beside them, kept in step by triggers on ``articles``:
    ``select article_id from articles_fts where articles_fts match 'bomb*'``. Other
    backends have no such table (PostgreSQL will use its own text search).

Writing is one transaction per article (:meth:`Store.add_report`): a report is stored
completely or not at all, together with the merge of its events into ``merged_events``, and
storing the same article twice changes nothing. Merging is incremental (only the stored
events of the new events' block are read) and independent of the order of ingestion.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

from alembic import command
from alembic.config import Config
from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    case,
    create_engine,
    delete,
    event,
    func,
    inspect,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

from threatline.errors import StoreError
from threatline.merge import (
    Event,
    MentionRecord,
    block_window,
    build_event,
    mention_records,
    precise_country,
    regroup,
)
from threatline.models import (
    ArticleReport,
    EventMention,
    Fact,
    Place,
    Role,
    Skip,
)

# --------------------------------------------------------------------------- tables


class Base(DeclarativeBase):
    """Declarative base of the threatline tables."""


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(16), default="en")
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class ReportRow(Base):
    __tablename__ = "reports"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    json: Mapped[dict[str, Any]] = mapped_column(JSON)


class SkipRow(Base):
    __tablename__ = "skips"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(32), index=True)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class ActorRow(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    parent: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(8))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)


class ArticleActorRow(Base):
    __tablename__ = "article_actors"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), primary_key=True)
    mentions: Mapped[int] = mapped_column(Integer, default=0)


class PlaceRow(Base):
    __tablename__ = "places"

    id: Mapped[str] = mapped_column(String(300), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8))
    admin1: Mapped[str | None] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(16))


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    type: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(20))
    time_text: Mapped[str | None] = mapped_column(Text)
    date_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    granularity: Mapped[str | None] = mapped_column(String(16))
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"))
    place_name: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    precision: Mapped[int | None] = mapped_column(Integer)
    fatalities_min: Mapped[int | None] = mapped_column(Integer)
    fatalities_max: Mapped[int | None] = mapped_column(Integer)
    injuries_min: Mapped[int | None] = mapped_column(Integer)
    injuries_max: Mapped[int | None] = mapped_column(Integer)
    perpetrators: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)
    json: Mapped[dict[str, Any]] = mapped_column(JSON)


class FactRow(Base):
    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    subject: Mapped[str] = mapped_column(String(200), index=True)
    predicate: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(Text)
    json: Mapped[dict[str, Any]] = mapped_column(JSON)


class EventMemberRow(Base):
    __tablename__ = "event_members"

    mention_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[str] = mapped_column(String(40), index=True)
    component: Mapped[str] = mapped_column(String(120), index=True)
    article_id: Mapped[str] = mapped_column(String(64), index=True)
    date_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    json: Mapped[dict[str, Any]] = mapped_column(JSON)


class MergedEventRow(Base):
    __tablename__ = "merged_events"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    component: Mapped[str] = mapped_column(String(120), index=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(20))
    date_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    granularity: Mapped[str | None] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    fatalities_min: Mapped[int | None] = mapped_column(Integer)
    fatalities_max: Mapped[int | None] = mapped_column(Integer)
    injuries_min: Mapped[int | None] = mapped_column(Integer)
    injuries_max: Mapped[int | None] = mapped_column(Integer)
    perpetrators: Mapped[str | None] = mapped_column(Text)
    actor_ids: Mapped[str] = mapped_column(Text, default="|")
    certainty: Mapped[str] = mapped_column(String(16))
    n_reports: Mapped[int] = mapped_column(Integer)
    n_articles: Mapped[int] = mapped_column(Integer)
    first_reported: Mapped[dt.date | None] = mapped_column(Date)
    latest_reported: Mapped[dt.date | None] = mapped_column(Date)
    json: Mapped[dict[str, Any]] = mapped_column(JSON)


def include_in_migrations(name: str | None, type_: str, _parents: dict[str, Any]) -> bool:
    """Whether Alembic manages this database object: not the SQLite full-text index (its
    virtual table, shadow tables and triggers are created by the migration, outside the
    models) nor PostGIS's own tables."""
    if type_ == "table" and name is not None:
        return not name.startswith("articles_fts") and name not in _FOREIGN_TABLES
    return True


# Tables of extensions that may live in the same schema (PostGIS).
_FOREIGN_TABLES = frozenset({"spatial_ref_sys", "geography_columns", "geometry_columns"})


# --------------------------------------------------------------------------- read models


class StoredEvent(BaseModel):
    """One stored event mention with its article's metadata (a row of ``events`` joined
    with ``articles``), and the full mention in ``mention``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    article_id: str
    type: str
    status: str
    time_text: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    granularity: str | None = None
    place_id: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: int | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    injuries_min: int | None = None
    injuries_max: int | None = None
    perpetrators: str | None = None
    evidence: str | None = None
    article_title: str | None = None
    article_url: str | None = None
    article_source: str | None = None
    article_published: dt.date | None = None
    mention: EventMention


class ActorFact(BaseModel):
    """A fact about an actor with the article that states it."""

    model_config = ConfigDict(extra="forbid")

    fact: Fact
    article_id: str
    outlet: str | None = None
    published: dt.date | None = None


class ActorProfile(BaseModel):
    """Everything the store knows about one actor (see :meth:`Store.get_actor`).

    ``ids``: every stored actor id merged into this profile; ``events``: merged event ids by
    role (``perpetrator``, ``target``, ``claimant``)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    ids: list[str]
    name: str
    kind: str
    aliases: list[str] = []
    parent: str | None = None
    branches: list[str] = []
    country: str | None = None
    facts: list[ActorFact] = []
    events: dict[str, list[str]] = {}


EventOrder = Literal["date", "-date", "published", "-published", "ingested"]


# --------------------------------------------------------------------------- the store


def database_url(db: str | Path) -> str:
    """The SQLAlchemy URL for ``db``: a URL as is (``scheme://...``), ``:memory:`` for an
    in-memory SQLite database, anything else a SQLite file path."""
    value = str(db)
    if "://" in value:
        return value
    if value == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(value).expanduser()}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def place_key(place: Place) -> str:
    """The stored id of a place: its gazetteer id, or ``<level>:<slug>:<country>`` for a
    place the gazetteer lacks (``venue:crocus-city-hall:ru``)."""
    if place.gazetteer_id:
        return place.gazetteer_id
    return f"{place.level}:{_slug(place.name)}:{(place.country or 'xx').lower()}"


def event_key(article_id: str, event_id: str) -> str:
    """The stored id of an event mention: unique across articles."""
    return f"{article_id[:16]}:{event_id}"


# Keys of the PostgreSQL advisory locks (any 64-bit numbers; ASCII "thrl" + 1 or 2): one
# serializes schema migrations of concurrent Store.open calls, one serializes writers.
_PG_MIGRATION_LOCK = 0x7468726C_0001
_PG_WRITE_LOCK = 0x7468726C_0002


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration of the store's migrations (shipped inside the package), bound
    to ``connection`` when given (``env.py`` then migrates over it)."""
    config = Config()
    config.set_main_option("script_location", "threatline:migrations")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema: ``alembic upgrade head``. A database made
    before migrations existed (tables but no ``alembic_version``) gets its missing tables and
    is stamped as the initial revision's schema, which it has. Concurrent calls on PostgreSQL
    wait for each other (an advisory lock held until the migration commits)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(_PG_MIGRATION_LOCK)))
        tables = set(inspect(connection).get_table_names())
        config = alembic_config(connection)
        if "articles" in tables and "alembic_version" not in tables:
            Base.metadata.create_all(connection)
            command.stamp(config, "0001")
        command.upgrade(config, "head")


class Store:
    """The event database. Open with :meth:`Store.open`; use as a context manager."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.has_postgis = _has_postgis(engine)

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, db: str | Path) -> Store:
        """Open the database at ``db`` (a SQLite file path, ``:memory:`` or a SQLAlchemy URL),
        creating or upgrading its tables with the Alembic migrations (:func:`migrate`).
        Raises :class:`StoreError` when it cannot."""
        url = database_url(db)
        if url.startswith("sqlite:///"):
            folder = Path(url.removeprefix("sqlite:///")).parent
            if not folder.is_dir():
                raise StoreError(
                    f"Cannot create the database {db}: folder {folder} does not exist."
                )
        try:
            options: dict[str, Any] = {}
            if url == "sqlite://":
                # One shared connection, or each session would see its own empty database.
                options = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
            engine = create_engine(url, **options)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_on_connect)
            migrate(engine)
        except SQLAlchemyError as error:
            raise StoreError(f"Cannot open the database {db}: {error}") from error
        return cls(engine)

    def close(self) -> None:
        """Release all connections (the SQLite file stays consistent; WAL is checkpointed)."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def has_fulltext(self) -> bool:
        """Whether the ``articles_fts`` full-text index exists (SQLite only)."""
        return self.engine.dialect.name == "sqlite"

    # ------------------------------------------------------------------ writing

    def has_article(self, article_id: str) -> bool:
        """Whether the article is stored."""
        with self._sessions() as session:
            return session.get(ArticleRow, article_id) is not None

    def add_report(self, report: ArticleReport) -> bool:
        """Store an article and everything extracted from it, in one transaction.

        Returns False, changing nothing, when the article is already stored (idempotent).
        On any error nothing of the report is stored and :class:`StoreError` is raised.
        """
        article = report.article
        try:
            with self._sessions() as session, session.begin():
                if self.engine.dialect.name == "postgresql":
                    # One writer at a time, until commit: the merge reads a block of stored
                    # events and rewrites its components, and actors' aliases are read, then
                    # extended; two writers interleaving would lose or duplicate merged events
                    # or aliases. Readers are not blocked (MVCC), and extraction, the costly
                    # part, runs in parallel outside this transaction.
                    session.execute(select(func.pg_advisory_xact_lock(_PG_WRITE_LOCK)))
                if session.get(ArticleRow, article.id) is not None:
                    return False
                session.add(_article_row(report))
                session.flush()  # the article row first, for the foreign keys below
                session.add(
                    ReportRow(article_id=article.id, json=report.to_json_dict(include_text=False))
                )
                self._add_actors(session, report)
                place_ids = self._add_places(session, report)
                session.add_all(_event_rows(report, place_ids))
                session.flush()
                self._merge_events(session, report)
                session.add_all(
                    FactRow(
                        article_id=article.id,
                        subject=fact.subject,
                        predicate=str(fact.predicate),
                        value=fact.value,
                        json=fact.model_dump(mode="json"),
                    )
                    for fact in report.facts
                )
        except IntegrityError as error:
            # Another writer stored the same article between our check and our insert.
            if self.has_article(article.id):
                return False
            raise StoreError(
                f"Cannot store article {article.id[:16]}: the report breaks a constraint "
                f"(duplicate ids within it?): {error.orig}"
            ) from error
        except SQLAlchemyError as error:
            raise StoreError(f"Cannot store article {article.id[:16]}: {error}") from error
        return True

    @staticmethod
    def _merge_events(session: Session, report: ArticleReport) -> None:
        """Merge the report's events into ``merged_events`` (see :mod:`threatline.merge`):
        read the stored components of their block, regroup, rewrite what changed."""
        new = mention_records(report)
        if not new:
            return
        touched: set[str] = set()
        for record in new:
            query = select(EventMemberRow.component).distinct()
            country = precise_country(record)
            if country:
                query = query.where(
                    (EventMemberRow.country == country) | EventMemberRow.country.is_(None)
                )
            window = block_window(record)
            if window is not None:
                query = query.where(
                    EventMemberRow.date_start.is_(None)
                    | (
                        (EventMemberRow.date_start <= window[1])
                        & (EventMemberRow.date_end >= window[0])
                    )
                )
            touched.update(session.scalars(query).all())
        stored: dict[str, list[MentionRecord]] = {}
        if touched:
            rows = session.execute(
                select(EventMemberRow.component, EventMemberRow.json).where(
                    EventMemberRow.component.in_(sorted(touched))
                )
            ).all()
            for row in rows:
                stored.setdefault(row.component, []).append(MentionRecord.model_validate(row.json))
        change = regroup(new, stored)
        if change.removed_components:
            removed = sorted(change.removed_components)
            session.execute(delete(EventMemberRow).where(EventMemberRow.component.in_(removed)))
            session.execute(delete(MergedEventRow).where(MergedEventRow.component.in_(removed)))
            session.flush()
        for component, cluster in change.clusters:
            merged = build_event(cluster)
            session.add(_merged_row(merged, component))
            session.add_all(
                EventMemberRow(
                    mention_id=record.key,
                    event_id=merged.id,
                    component=component,
                    article_id=record.article_id,
                    date_start=record.date_start,
                    date_end=record.date_end,
                    country=precise_country(record),
                    json=record.model_dump(mode="json"),
                )
                for record in cluster
            )
        session.flush()

    @staticmethod
    def _add_actors(session: Session, report: ArticleReport) -> None:
        for actor in report.actors:
            row = session.get(ActorRow, actor.id)
            if row is None:
                session.add(
                    ActorRow(
                        id=actor.id,
                        name=actor.name,
                        kind=str(actor.kind),
                        parent=actor.parent,
                        country=actor.country,
                        aliases=sorted(set(actor.aliases)),
                    )
                )
            else:
                merged = sorted({*row.aliases, *actor.aliases})  # sorted: order-independent
                if merged != row.aliases:
                    row.aliases = merged  # a new list: JSON is not mutable
            session.flush()
            session.add(
                ArticleActorRow(
                    article_id=report.article.id, actor_id=actor.id, mentions=len(actor.mentions)
                )
            )

    @staticmethod
    def _add_places(session: Session, report: ArticleReport) -> dict[str, str]:
        """Upsert the report's places; returns document place id -> stored place id."""
        stored: dict[str, str] = {}
        for place in report.places:
            key = place_key(place)
            stored[place.id] = key
            if session.get(PlaceRow, key) is None:
                session.add(
                    PlaceRow(
                        id=key,
                        name=place.name,
                        lat=place.lat,
                        lon=place.lon,
                        country=place.country,
                        admin1=place.admin1,
                        level=str(place.level),
                    )
                )
                session.flush()
        return stored

    def add_skip(self, skip: Skip) -> None:
        """Record an input that could not be processed (once: the same origin and code
        again, as when a killed run is rerun, adds nothing)."""
        try:
            with self._sessions() as session, session.begin():
                known = session.scalar(
                    select(SkipRow.id).where(
                        SkipRow.origin == skip.origin, SkipRow.code == skip.code
                    )
                )
                if known is None:
                    session.add(SkipRow(origin=skip.origin, code=skip.code, reason=skip.reason))
        except SQLAlchemyError as error:
            raise StoreError(f"Cannot record the skip of {skip.origin}: {error}") from error

    # ------------------------------------------------------------------ reading

    def get_report(self, article_id: str) -> ArticleReport | None:
        """The stored report of an article, with its text; None when not stored."""
        with self._sessions() as session:
            row = session.execute(
                select(ReportRow.json, ArticleRow.text)
                .join(ArticleRow, ArticleRow.id == ReportRow.article_id)
                .where(ReportRow.article_id == article_id)
            ).first()
        if row is None:
            return None
        data = dict(row.json)
        data["article"] = {**data["article"], "text": row.text}
        return ArticleReport.model_validate(data)

    def iter_reports(self) -> Iterator[ArticleReport]:
        """Every stored report, in order of ingestion."""
        with self._sessions() as session:
            ids = session.scalars(
                select(ArticleRow.id)
                .join(ReportRow, ReportRow.article_id == ArticleRow.id)
                .order_by(ArticleRow.ingested_at, ArticleRow.id)
            ).all()
        for article_id in ids:
            report = self.get_report(article_id)
            if report is not None:
                yield report

    def list_events(
        self, limit: int | None = None, order: EventOrder = "date"
    ) -> list[StoredEvent]:
        """Stored event mentions with their article's title, url, source and date.

        ``order``: ``date`` (event start date, oldest first; undated events last),
        ``-date`` (newest first; undated last), ``published`` / ``-published`` (article
        date), ``ingested`` (order of storing). Ties go by article date, then event id.
        """
        undated_last = case((EventRow.date_start.is_(None), 1), else_=0)
        unpublished_last = case((ArticleRow.published.is_(None), 1), else_=0)
        orders = {
            "date": [undated_last, EventRow.date_start, ArticleRow.published],
            "-date": [undated_last, EventRow.date_start.desc(), ArticleRow.published.desc()],
            "published": [unpublished_last, ArticleRow.published, EventRow.date_start],
            "-published": [
                unpublished_last,
                ArticleRow.published.desc(),
                EventRow.date_start.desc(),
            ],
            "ingested": [ArticleRow.ingested_at],
        }
        if order not in orders:
            raise StoreError(f"Unknown event order {order!r}: use one of {', '.join(orders)}.")
        query = (
            select(
                EventRow, ArticleRow.title, ArticleRow.url, ArticleRow.source, ArticleRow.published
            )
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .order_by(*orders[order], EventRow.article_id, EventRow.id)
        )
        if limit is not None:
            query = query.limit(limit)
        with self._sessions() as session:
            rows = session.execute(query).all()
        return [
            StoredEvent(
                **{column: getattr(row.EventRow, column) for column in _EVENT_COLUMNS},
                article_title=row.title,
                article_url=row.url,
                article_source=row.source,
                article_published=row.published,
                mention=EventMention.model_validate(row.EventRow.json),
            )
            for row in rows
        ]

    def list_merged_events(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        type: str | None = None,
        country: str | None = None,
        actor: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """The merged events (one per real-world event, see :mod:`threatline.merge`), oldest
        first (undated last), filtered by date range (events whose span overlaps
        [``start``, ``end``]), type, country (ISO alpha-2) and actor (an actor id or name as
        :meth:`get_actor` resolves it: events where it is perpetrator, target or claimant)."""
        undated_last = case((MergedEventRow.date_start.is_(None), 1), else_=0)
        query = select(MergedEventRow.json).order_by(
            undated_last, MergedEventRow.date_start, MergedEventRow.id
        )
        if start is not None:
            query = query.where(MergedEventRow.date_end >= start)
        if end is not None:
            query = query.where(MergedEventRow.date_start <= end)
        if type is not None:
            query = query.where(MergedEventRow.type == type)
        if country is not None:
            query = query.where(MergedEventRow.country == country.upper())
        if actor is not None:
            profile_ids = self._actor_ids(actor) or [actor]
            query = query.where(
                or_(*(MergedEventRow.actor_ids.contains(f"|{i}|") for i in profile_ids))
            )
        if limit is not None:
            query = query.limit(limit)
        with self._sessions() as session:
            rows = session.scalars(query).all()
        return [Event.model_validate(row) for row in rows]

    def list_merged_events_near(
        self, lat: float, lon: float, radius_km: float, limit: int | None = None
    ) -> list[Event]:
        """The merged events located within ``radius_km`` kilometres (great-circle) of
        (``lat``, ``lon``), nearest first. Uses PostGIS where the database has it; elsewhere
        a bounding box in SQL, then the haversine distance, gives the same answer."""
        if radius_km < 0:
            raise StoreError(f"The radius must not be negative: {radius_km} km.")
        if self.has_postgis:
            return self._near_postgis(lat, lon, radius_km, limit)
        query = select(MergedEventRow.json, MergedEventRow.lat, MergedEventRow.lon).where(
            MergedEventRow.lat.is_not(None), MergedEventRow.lon.is_not(None)
        )
        lat_margin = math.degrees(radius_km / _EARTH_RADIUS_KM)
        query = query.where(MergedEventRow.lat.between(lat - lat_margin, lat + lat_margin))
        widest = max(abs(lat) + lat_margin, 0.0)
        if widest < 89.0:  # near a pole every longitude is close: no longitude bound
            lon_margin = lat_margin / math.cos(math.radians(widest))
            if lon - lon_margin >= -180.0 and lon + lon_margin <= 180.0:
                query = query.where(MergedEventRow.lon.between(lon - lon_margin, lon + lon_margin))
        with self._sessions() as session:
            rows = session.execute(query).all()
        found = [
            (distance, Event.model_validate(row.json))
            for row in rows
            if (distance := haversine_km(lat, lon, row.lat, row.lon)) <= radius_km
        ]
        found.sort(key=lambda pair: (pair[0], pair[1].id))
        return [merged for _, merged in found[:limit]]

    def _near_postgis(
        self, lat: float, lon: float, radius_km: float, limit: int | None
    ) -> list[Event]:
        """:meth:`list_merged_events_near` on PostGIS: geography distances on the WGS 84
        spheroid (within a fraction of a percent of the haversine figure)."""
        point = func.ST_SetSRID(func.ST_MakePoint(MergedEventRow.lon, MergedEventRow.lat), 4326)
        centre = func.ST_SetSRID(func.ST_MakePoint(lon, lat), 4326)
        here, there = func.geography(point), func.geography(centre)
        query = (
            select(MergedEventRow.json)
            .where(MergedEventRow.lat.is_not(None), MergedEventRow.lon.is_not(None))
            .where(func.ST_DWithin(here, there, radius_km * 1000.0))
            .order_by(func.ST_Distance(here, there), MergedEventRow.id)
        )
        if limit is not None:
            query = query.limit(limit)
        with self._sessions() as session:
            rows = session.scalars(query).all()
        return [Event.model_validate(row) for row in rows]

    def get_event(self, event_id: str) -> Event | None:
        """One merged event with every report side by side and its evidence sentences; a
        stored mention id (``<article>:<E1>``) finds the event it belongs to. None when
        unknown."""
        with self._sessions() as session:
            row = session.get(MergedEventRow, event_id)
            if row is None:
                member = session.get(EventMemberRow, event_id)
                row = session.get(MergedEventRow, member.event_id) if member else None
        return Event.model_validate(row.json) if row is not None else None

    def event_of_mention(self, article_id: str, event_id: str) -> str | None:
        """The id of the merged event a mention of an article belongs to."""
        with self._sessions() as session:
            member = session.get(EventMemberRow, event_key(article_id, event_id))
        return member.event_id if member else None

    def _actor_ids(self, name_or_id: str) -> list[str]:
        """The stored actor ids with this id, or this name or alias (case-insensitive):
        actors that the knowledge base or their names make one identity."""
        wanted = name_or_id.casefold()
        with self._sessions() as session:
            if session.get(ActorRow, name_or_id) is not None:
                primary = session.get(ActorRow, name_or_id)
                names = {primary.name.casefold(), *(a.casefold() for a in primary.aliases)}  # type: ignore[union-attr]
            else:
                names = {wanted}
            rows = session.scalars(select(ActorRow)).all()
        ids = [
            row.id
            for row in rows
            if row.id == name_or_id
            or row.name.casefold() in names
            or any(alias.casefold() in names for alias in row.aliases)
        ]
        return sorted(ids, key=lambda i: (i != name_or_id, i))

    def get_actor(self, name_or_id: str) -> ActorProfile | None:
        """The profile of an actor, by id, name or alias: aliases, kind, parent and branches,
        facts with their sources and dates, and its merged events as perpetrator, target or
        claimant. Stored actors sharing a name or alias with it (one identity under several
        names) are merged into the profile. None when unknown."""
        ids = self._actor_ids(name_or_id)
        if not ids:
            return None
        with self._sessions() as session:
            rows = [row for row in (session.get(ActorRow, i) for i in ids) if row is not None]
            # The knowledge-base entry (most aliases) describes the identity.
            primary = max(rows, key=lambda row: (row.id == name_or_id, len(row.aliases), row.id))
            branches = session.scalars(
                select(ActorRow.id).where(ActorRow.parent.in_(ids)).order_by(ActorRow.id)
            ).all()
            facts = session.execute(
                select(FactRow.json, ArticleRow.id, ArticleRow.source, ArticleRow.published)
                .join(ArticleRow, ArticleRow.id == FactRow.article_id)
                .where(FactRow.subject.in_(ids))
                .order_by(ArticleRow.published, FactRow.id)
            ).all()
        aliases = dict.fromkeys(a for row in rows for a in [row.name, *row.aliases])
        aliases.pop(primary.name, None)
        profile = ActorProfile(
            id=primary.id,
            ids=ids,
            name=primary.name,
            kind=primary.kind,
            aliases=list(aliases),
            parent=primary.parent,
            branches=[b for b in branches if b not in ids],
            country=primary.country,
            facts=[
                ActorFact(
                    fact=Fact.model_validate(row.json),
                    article_id=row.id,
                    outlet=row.source,
                    published=row.published,
                )
                for row in facts
            ],
        )
        for merged in self.list_merged_events(actor=primary.id):
            for role, members in (
                ("perpetrator", merged.perpetrator_ids),
                ("target", merged.target_ids),
                ("claimant", merged.claimant_ids),
            ):
                if set(members) & set(ids):
                    profile.events.setdefault(role, []).append(merged.id)
        return profile

    def list_skips(self) -> list[Skip]:
        """Recorded skips, oldest first."""
        with self._sessions() as session:
            rows = session.scalars(select(SkipRow).order_by(SkipRow.id)).all()
        return [Skip(origin=row.origin, code=row.code, reason=row.reason) for row in rows]

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables: articles, reports, events, actors, places, facts,
        skips, merged_events."""
        tables = {
            "articles": ArticleRow,
            "reports": ReportRow,
            "events": EventRow,
            "actors": ActorRow,
            "places": PlaceRow,
            "facts": FactRow,
            "skips": SkipRow,
            "merged_events": MergedEventRow,
        }
        with self._sessions() as session:
            return {
                name: session.scalar(select(func.count()).select_from(table)) or 0
                for name, table in tables.items()
            }

    def search(self, query: str, limit: int = 20) -> list[str]:
        """Ids of articles whose title or text match an FTS5 query (``"car bomb"``,
        ``kidnap*``), best first. SQLite only: raises :class:`StoreError` elsewhere."""
        if not self.has_fulltext:
            raise StoreError("Full-text search needs the SQLite backend.")
        try:
            with self.engine.connect() as connection:
                rows = connection.execute(
                    text(
                        "SELECT article_id FROM articles_fts WHERE articles_fts MATCH :query "
                        "ORDER BY rank LIMIT :limit"
                    ),
                    {"query": query, "limit": limit},
                ).all()
        except SQLAlchemyError as error:
            raise StoreError(f"Bad full-text query {query!r}: {error.orig}") from error
        return [row[0] for row in rows]


def _merged_row(merged: Event, component: str) -> MergedEventRow:
    actor_ids = sorted({*merged.perpetrator_ids, *merged.target_ids, *merged.claimant_ids})
    return MergedEventRow(
        id=merged.id,
        component=component,
        type=merged.type,
        status=merged.status,
        date_start=merged.date_start,
        date_end=merged.date_end,
        granularity=merged.granularity,
        place_name=merged.place_name,
        country=merged.country,
        lat=merged.lat,
        lon=merged.lon,
        fatalities_min=merged.fatalities.min if merged.fatalities else None,
        fatalities_max=merged.fatalities.max if merged.fatalities else None,
        injuries_min=merged.injuries.min if merged.injuries else None,
        injuries_max=merged.injuries.max if merged.injuries else None,
        perpetrators=", ".join(merged.perpetrators) or None,
        actor_ids="|" + "".join(f"{actor_id}|" for actor_id in actor_ids),
        certainty=merged.certainty,
        n_reports=merged.n_reports,
        n_articles=merged.n_articles,
        first_reported=merged.first_reported,
        latest_reported=merged.latest_reported,
        json=merged.model_dump(mode="json"),
    )


_EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _has_postgis(engine: Engine) -> bool:
    """Whether the database is PostgreSQL with the PostGIS extension installed in it."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
        ).first()
    return found is not None


_EVENT_COLUMNS = [column.key for column in EventRow.__table__.columns if column.key != "json"]


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _article_row(report: ArticleReport) -> ArticleRow:
    article = report.article
    return ArticleRow(
        id=article.id,
        url=article.url,
        title=article.title,
        source=article.source,
        author=article.author,
        published=article.published,
        language=article.language,
        text=article.text,
        origin=article.origin,
        ingested_at=_utcnow(),
    )


def _event_rows(report: ArticleReport, place_ids: dict[str, str]) -> list[EventRow]:
    places = {place.id: place for place in report.places}
    actor_names = {actor.id: actor.name for actor in report.actors}
    rows = []
    for mention in report.events:
        place = places.get(mention.place.id) if mention.place and mention.place.id else None
        perpetrators = [
            actor_names.get(p.actor, p.actor)
            for p in mention.participants
            if p.role == Role.PERPETRATOR
        ]
        rows.append(
            EventRow(
                id=event_key(report.article.id, mention.id),
                article_id=report.article.id,
                type=str(mention.type),
                status=str(mention.status),
                time_text=mention.time.text if mention.time else None,
                date_start=mention.time.start if mention.time else None,
                date_end=mention.time.end if mention.time else None,
                granularity=str(mention.time.granularity) if mention.time else None,
                place_id=place_ids.get(place.id) if place else None,
                place_name=(place.name if place else mention.place.text if mention.place else None),
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                country=place.country if place else None,
                precision=mention.place.precision if mention.place else None,
                fatalities_min=mention.fatalities.min if mention.fatalities else None,
                fatalities_max=mention.fatalities.max if mention.fatalities else None,
                injuries_min=mention.injuries.min if mention.injuries else None,
                injuries_max=mention.injuries.max if mention.injuries else None,
                perpetrators=", ".join(dict.fromkeys(perpetrators)) or None,
                evidence=mention.evidence[0].text if mention.evidence else None,
                json=mention.model_dump(mode="json"),
            )
        )
    return rows
