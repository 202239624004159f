"""The HTTP API and the web page behind ``threatline serve``.

:func:`create_app` builds a FastAPI application over one event database. Everything is
read-only: SQLite connections are opened with ``PRAGMA query_only`` and only ``GET`` routes
exist. The OpenAPI description is at ``/openapi.json``; the page is at ``/``.

Endpoints (all under ``/api/``, JSON):

``GET /api/events``
    merged events, filtered (``start``/``end`` dates, ``bbox``, ``place``, ``country``,
    ``type``, ``actor``, ``status``, ``min_certainty``, full-text ``q`` over the reporting
    articles), sorted (``sort``; ties always by event id, so pages are stable) and paged
    (``limit`` up to :data:`MAX_LIMIT`, ``offset``).
``GET /api/timeline``
    the number of filtered events per ``day`` or ``week`` (same filters).
``GET /api/events/{event_id}``
    one merged event with every report side by side, its evidence and the full event
    mention of each report (offsets into the article text).
``GET /api/actors``, ``GET /api/actors/{name_or_id}``
    actors (filter by name, kind), and one actor's profile with its facts and events.
``GET /api/articles``, ``GET /api/articles/{article_id}``
    articles (filter by full-text ``q``), and one article with its text and its report.
``GET /api/stats``
    row counts and the event types and countries present (for the page's filters).

Errors are JSON ``{"error": {"code": ..., "message": ...}}``: 400/422 for bad parameters,
401 without the token (when one is set), 404 for unknown ids, 405, 413 for a too large
request. Every response carries a Content-Security-Policy that forbids inline script, and
``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, ConfigDict
from sqlalchemy import Select, case, event, func, or_, select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from threatline.errors import StoreError, ThreatlineError
from threatline.merge import Event
from threatline.models import (
    ActorKind,
    ArticleReport,
    EventMention,
    EventStatus,
    EventType,
)
from threatline.store import (
    ActorProfile,
    ActorRow,
    ArticleActorRow,
    ArticleRow,
    EventMemberRow,
    EventRow,
    MergedEventRow,
    Store,
    database_url,
)

#: The largest page of results one request may ask for.
MAX_LIMIT = 1000
#: Requests with a larger body are refused (the API takes no bodies at all).
MAX_REQUEST_BYTES = 16 * 1024
#: Articles a full-text query may select before the event filter applies.
MAX_FULLTEXT_ARTICLES = 5000

#: Certainty levels from weakest to strongest, for ``min_certainty`` (see
#: :class:`threatline.merge.Event`): a disputed event is weakest, one an official source
#: asserts is strongest; a claim of responsibility counts above an allegation.
CERTAINTY_ORDER: tuple[str, ...] = ("disputed", "reported", "alleged", "claimed", "confirmed")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

WEB_DIR = Path(__file__).resolve().parent / "web"

Certainty = Literal["disputed", "reported", "alleged", "claimed", "confirmed"]
EventSort = Literal["date", "-date", "reported", "-reported", "fatalities", "-fatalities"]
EVENT_ID = r"^[A-Za-z0-9:_.\-]{1,120}$"
ARTICLE_ID = r"^[0-9a-f]{64}$"


def _iso_date_only(value: object) -> object:
    """Let only ``YYYY-MM-DD`` text through to date parsing: pydantic's lax mode would
    otherwise read "0" or "86400" as a Unix time and filter on a day nobody asked for."""
    if isinstance(value, str) and not (
        len(value) == 10 and value[4] == value[7] == "-" and value.replace("-", "").isdigit()
    ):
        raise ValueError("a date must be written YYYY-MM-DD")
    return value


#: A query parameter date: ISO ``YYYY-MM-DD`` only.
QueryDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]


# --------------------------------------------------------------------------- responses


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    """Every error: ``{"error": {"code": "not_found", "message": "No event ev-..."}}``."""

    error: ErrorBody


class EventSummary(BaseModel):
    """A merged event without its per-report detail (see :class:`threatline.merge.Event`)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    type: str
    status: str
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    granularity: str = "unknown"
    place_name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    fatalities_text: str | None = None
    injuries_min: int | None = None
    injuries_max: int | None = None
    injuries_text: str | None = None
    perpetrators: list[str] = []
    perpetrator_ids: list[str] = []
    target_ids: list[str] = []
    claimant_ids: list[str] = []
    certainty: str
    n_reports: int
    n_articles: int
    first_reported: dt.date | None = None
    latest_reported: dt.date | None = None


class EventPage(BaseModel):
    """One page of events: ``total`` matches, ``next_offset`` null on the last page."""

    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[EventSummary]


class TimelineBucket(BaseModel):
    start: dt.date
    count: int


class Timeline(BaseModel):
    """Filtered events per day or week (by start date; undated events are counted apart)."""

    bucket: Literal["day", "week"]
    total: int
    undated: int
    buckets: list[TimelineBucket]


class MentionDetail(BaseModel):
    """One report of a merged event: the article's account with offsets into its text."""

    key: str
    article_id: str
    article_title: str | None = None
    article_url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    mention: EventMention


class EventDetail(BaseModel):
    """A merged event with every report side by side and each report's full mention."""

    event: Event
    mentions: list[MentionDetail]


class ActorSummary(BaseModel):
    id: str
    name: str
    kind: str
    parent: str | None = None
    country: str | None = None
    aliases: list[str] = []
    n_articles: int = 0


class ActorPage(BaseModel):
    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[ActorSummary]


class ActorDetail(BaseModel):
    """An actor's profile and the summaries of its events (oldest first)."""

    profile: ActorProfile
    events: list[EventSummary]


class ArticleSummary(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    n_events: int = 0


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[ArticleSummary]


class ArticleDetail(BaseModel):
    """An article with its text and everything extracted from it; ``merged`` maps each
    event mention id of the report to the merged event it belongs to."""

    report: ArticleReport
    merged: dict[str, str]


class Stats(BaseModel):
    counts: dict[str, int]
    types: dict[str, int]
    countries: dict[str, int]
    first_date: dt.date | None
    last_date: dt.date | None


# --------------------------------------------------------------------------- helpers


class ApiError(Exception):
    """An error with an HTTP status and a machine code, rendered as the JSON error body."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=SECURITY_HEADERS
    )


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "request_too_large",
}


def _summary(event: Event) -> EventSummary:
    data = event.model_dump()
    for field in ("fatalities", "injuries"):
        quantity = data.pop(field)
        data[f"{field}_min"] = quantity["min"] if quantity else None
        data[f"{field}_max"] = quantity["max"] if quantity else None
        data[f"{field}_text"] = quantity["text"] if quantity else None
    return EventSummary.model_validate(data)


def _page_next(total: int, limit: int, offset: int) -> int | None:
    return offset + limit if offset + limit < total else None


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``min_lon,min_lat,max_lon,max_lat`` in degrees; raises ApiError when malformed."""
    parts = value.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or any(n != n for n in numbers):  # n != n: NaN
        raise ApiError(
            422, "invalid_parameter", "bbox must be four numbers: min_lon,min_lat,max_lon,max_lat"
        )
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(
            422,
            "invalid_parameter",
            "bbox out of range: need -180 <= min_lon <= max_lon <= 180 and "
            "-90 <= min_lat <= max_lat <= 90",
        )
    return min_lon, min_lat, max_lon, max_lat


class EventFilters(BaseModel):
    """The filters of the event list and timeline (all optional, combined with AND)."""

    start: dt.date | None = None
    end: dt.date | None = None
    bbox: str | None = None
    place: str | None = None
    country: str | None = None
    type: EventType | None = None
    actor: str | None = None
    status: EventStatus | None = None
    min_certainty: Certainty | None = None
    q: str | None = None


def event_filters(
    start: Annotated[
        QueryDate | None, Query(description="Events whose dates overlap or follow this day.")
    ] = None,
    end: Annotated[
        QueryDate | None, Query(description="Events starting on or before this day.")
    ] = None,
    bbox: Annotated[
        str | None,
        Query(
            description="Bounding box min_lon,min_lat,max_lon,max_lat (degrees); events "
            "without coordinates are left out.",
            max_length=100,
        ),
    ] = None,
    place: Annotated[
        str | None,
        Query(description="Place name contains this (case-insensitive).", max_length=200),
    ] = None,
    country: Annotated[
        str | None,
        Query(description="ISO 3166-1 alpha-2 country code.", pattern=r"^[A-Za-z]{2}$"),
    ] = None,
    type: Annotated[EventType | None, Query(description="Event type.")] = None,
    actor: Annotated[
        str | None,
        Query(
            description="Actor id, name or alias: perpetrator, target or claimant.",
            max_length=200,
        ),
    ] = None,
    status: Annotated[EventStatus | None, Query(description="Event status.")] = None,
    min_certainty: Annotated[
        Certainty | None,
        Query(description="At least this certainty: " + " < ".join(CERTAINTY_ORDER) + "."),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            description="SQLite FTS5 query over the reporting articles' titles and texts "
            '("car bomb", kidnap*).',
            min_length=1,
            max_length=500,
        ),
    ] = None,
) -> EventFilters:
    """The event filters from the query string (FastAPI validates the types)."""
    if start and end and start > end:
        raise ApiError(422, "invalid_parameter", "start must not be after end")
    if bbox is not None:
        parse_bbox(bbox)
    return EventFilters(
        start=start,
        end=end,
        bbox=bbox,
        place=place,
        country=country,
        type=type,
        actor=actor,
        status=status,
        min_certainty=min_certainty,
        q=q,
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fulltext_articles(store: Store, query: str) -> list[str]:
    if not store.has_fulltext:
        raise ApiError(400, "fulltext_unavailable", "Full-text search needs the SQLite backend.")
    try:
        return store.search(query, limit=MAX_FULLTEXT_ARTICLES)
    except StoreError as error:
        raise ApiError(
            400, "invalid_query", f"Bad full-text query {query!r}: use FTS5 syntax."
        ) from error


def apply_event_filters(store: Store, query: Select, filters: EventFilters) -> Select:
    """``query`` (over ``merged_events``) restricted by ``filters``; every value is bound
    as a parameter."""
    row = MergedEventRow
    if filters.start is not None:
        query = query.where(func.coalesce(row.date_end, row.date_start) >= filters.start)
    if filters.end is not None:
        query = query.where(row.date_start <= filters.end)
    if filters.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = parse_bbox(filters.bbox)
        query = query.where(row.lon.between(min_lon, max_lon), row.lat.between(min_lat, max_lat))
    if filters.place is not None:
        query = query.where(row.place_name.ilike(f"%{_escape_like(filters.place)}%", escape="\\"))
    if filters.country is not None:
        query = query.where(row.country == filters.country.upper())
    if filters.type is not None:
        query = query.where(row.type == str(filters.type))
    if filters.status is not None:
        query = query.where(row.status == str(filters.status))
    if filters.min_certainty is not None:
        allowed = CERTAINTY_ORDER[CERTAINTY_ORDER.index(filters.min_certainty) :]
        query = query.where(row.certainty.in_(allowed))
    if filters.actor is not None:
        profile = store.get_actor(filters.actor)
        ids = profile.ids if profile else [filters.actor]
        query = query.where(or_(*(row.actor_ids.contains(f"|{i}|") for i in ids)))
    if filters.q is not None:
        articles = _fulltext_articles(store, filters.q)
        members = select(EventMemberRow.event_id).where(EventMemberRow.article_id.in_(articles))
        query = query.where(row.id.in_(members))
    return query


def _event_order(sort: EventSort) -> list[Any]:
    row = MergedEventRow
    undated_last = case((row.date_start.is_(None), 1), else_=0)
    unreported_last = case((row.first_reported.is_(None), 1), else_=0)
    no_toll_last = case((row.fatalities_min.is_(None), 1), else_=0)
    orders: dict[str, list[Any]] = {
        "date": [undated_last, row.date_start, row.date_end],
        "-date": [undated_last, row.date_start.desc(), row.date_end.desc()],
        "reported": [unreported_last, row.first_reported],
        "-reported": [unreported_last, row.first_reported.desc()],
        "fatalities": [no_toll_last, row.fatalities_min],
        "-fatalities": [no_toll_last, row.fatalities_min.desc()],
    }
    return [*orders[sort], row.id]  # the id breaks every tie: pages never overlap


# --------------------------------------------------------------------------- the app


def _session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.store.engine) as db_session:
        yield db_session


DbSession = Annotated[Session, Depends(_session)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Filters = Annotated[EventFilters, Depends(event_filters)]


def _open_read_only(db: str) -> Store:
    url = database_url(db)
    if url == "sqlite://":
        raise StoreError("serve needs a database file or URL, not an in-memory database.")
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        raise StoreError(f"No database at {db}: build one with `threatline ingest`.")
    store = Store.open(db)
    if store.engine.dialect.name == "sqlite":
        # Every later connection refuses writes; drop the ones Store.open made.
        event.listen(store.engine, "connect", _query_only)
        store.engine.dispose()
    return store


def _query_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def create_app(
    db: str, token: str | None = None, allowed_hosts: list[str] | None = None
) -> FastAPI:
    """The API and web page over the database ``db`` (a SQLite file or SQLAlchemy URL),
    read-only.

    ``token``: when given, every ``/api/`` request needs ``Authorization: Bearer <token>``.
    ``allowed_hosts``: when given, requests whose Host header is not in it are refused (a
    guard against DNS rebinding for a server on a loopback address).
    Raises :class:`StoreError` when the database cannot be opened.
    """
    store = _open_read_only(db)
    app = FastAPI(
        title="threatline",
        summary="Sourced, time-resolved, geocoded event data from news reports.",
        version="1",
        docs_url=None,  # Swagger UI and ReDoc load script from a CDN: not offline, not CSP
        redoc_url=None,
    )
    app.state.store = store

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_REQUEST_BYTES):
            return _error(413, "request_too_large", f"Requests over {MAX_REQUEST_BYTES} bytes.")
        if allowed_hosts is not None:
            host = request.headers.get("host", "")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in allowed_hosts:
                return _error(400, "bad_host", f"Host {host!r} is not served here.")
        if request.method not in ("GET", "HEAD"):
            return _error(405, "method_not_allowed", "This API is read-only: use GET.")
        if token is not None and request.url.path.startswith("/api/"):
            given = request.headers.get("authorization", "")
            if not secrets.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return _error(401, "unauthorized", "Send Authorization: Bearer <token>.")
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.code, error.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = []
        for item in error.errors():
            where = ".".join(str(part) for part in item.get("loc", ()) if part != "query")
            problems.append(f"{where}: {item.get('msg', 'invalid')}")
        return _error(422, "invalid_parameter", "; ".join(problems) or "invalid parameters")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(error.status_code, "error")
        return _error(error.status_code, code, str(error.detail))

    @app.exception_handler(ThreatlineError)
    async def store_error(_request: Request, error: ThreatlineError) -> JSONResponse:
        return _error(500, "store_error", str(error))

    errors: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorResponse} for code in (400, 401, 404, 413, 422)
    }

    @app.get("/api/events", response_model=EventPage, responses=errors, tags=["events"])
    def list_events(
        db_session: DbSession,
        filters: Filters,
        limit: Limit = 100,
        offset: Offset = 0,
        sort: Annotated[
            EventSort, Query(description="Order; ties by event id. Undated/unknown last.")
        ] = "date",
    ) -> EventPage:
        """Merged events matching every given filter, one page in a stable order."""
        matched = apply_event_filters(store, select(MergedEventRow.id), filters).subquery()
        total = db_session.scalar(select(func.count()).select_from(matched)) or 0
        rows = db_session.scalars(
            apply_event_filters(store, select(MergedEventRow.json), filters)
            .order_by(*_event_order(sort))
            .limit(limit)
            .offset(offset)
        ).all()
        return EventPage(
            total=total,
            limit=limit,
            offset=offset,
            next_offset=_page_next(total, limit, offset),
            items=[_summary(Event.model_validate(row)) for row in rows],
        )

    @app.get("/api/timeline", response_model=Timeline, responses=errors, tags=["events"])
    def timeline(
        db_session: DbSession,
        filters: Filters,
        bucket: Annotated[
            Literal["day", "week"], Query(description="day, or ISO week (Monday start).")
        ] = "day",
    ) -> Timeline:
        """How many filtered events start in each day or week (empty buckets left out)."""
        dates = db_session.scalars(
            apply_event_filters(store, select(MergedEventRow.date_start), filters)
        ).all()
        counts: Counter[dt.date] = Counter()
        for day in dates:
            if day is not None:
                counts[day - dt.timedelta(days=day.weekday()) if bucket == "week" else day] += 1
        return Timeline(
            bucket=bucket,
            total=len(dates),
            undated=sum(1 for day in dates if day is None),
            buckets=[TimelineBucket(start=day, count=n) for day, n in sorted(counts.items())],
        )

    @app.get(
        "/api/events/{event_id}", response_model=EventDetail, responses=errors, tags=["events"]
    )
    def get_event(
        db_session: DbSession,
        event_id: Annotated[
            str, PathParam(pattern=EVENT_ID, description="ev-... or a mention id <article>:E1")
        ],
    ) -> EventDetail:
        """One merged event, its reports side by side and each report's full mention."""
        found = store.get_event(event_id)
        if found is None:
            raise ApiError(404, "not_found", f"No event {event_id}.")
        keys = [member.key for member in found.members]
        rows = db_session.execute(
            select(EventRow.id, EventRow.json, ArticleRow)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(EventRow.id.in_(keys))
            .order_by(ArticleRow.published, EventRow.id)
        ).all()
        mentions = [
            MentionDetail(
                key=row.id,
                article_id=row.ArticleRow.id,
                article_title=row.ArticleRow.title,
                article_url=row.ArticleRow.url,
                outlet=row.ArticleRow.source,
                published=row.ArticleRow.published,
                mention=EventMention.model_validate(row.json),
            )
            for row in rows
        ]
        return EventDetail(event=found, mentions=mentions)

    @app.get("/api/actors", response_model=ActorPage, responses=errors, tags=["actors"])
    def list_actors(
        db_session: DbSession,
        limit: Limit = 100,
        offset: Offset = 0,
        name: Annotated[
            str | None,
            Query(description="Name or alias contains this (case-insensitive).", max_length=200),
        ] = None,
        kind: Annotated[ActorKind | None, Query(description="Actor kind.")] = None,
    ) -> ActorPage:
        """Actors by name (then id), with how many articles mention each."""
        n_articles = (
            select(func.count())
            .where(ArticleActorRow.actor_id == ActorRow.id)
            .correlate(ActorRow)
            .scalar_subquery()
        )
        query = select(ActorRow, n_articles.label("n_articles"))
        if name is not None:
            pattern = f"%{_escape_like(name)}%"
            # aliases is a JSON list stored as text: matching its text finds any alias.
            query = query.where(
                or_(
                    ActorRow.name.ilike(pattern, escape="\\"),
                    func.cast(ActorRow.aliases, ActorRow.name.type).ilike(pattern, escape="\\"),
                )
            )
        if kind is not None:
            query = query.where(ActorRow.kind == str(kind))
        total = db_session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = db_session.execute(
            query.order_by(func.lower(ActorRow.name), ActorRow.id).limit(limit).offset(offset)
        ).all()
        return ActorPage(
            total=total,
            limit=limit,
            offset=offset,
            next_offset=_page_next(total, limit, offset),
            items=[
                ActorSummary(
                    id=row.ActorRow.id,
                    name=row.ActorRow.name,
                    kind=row.ActorRow.kind,
                    parent=row.ActorRow.parent,
                    country=row.ActorRow.country,
                    aliases=list(row.ActorRow.aliases or []),
                    n_articles=row.n_articles,
                )
                for row in rows
            ],
        )

    @app.get(
        "/api/actors/{name_or_id}", response_model=ActorDetail, responses=errors, tags=["actors"]
    )
    def get_actor(
        name_or_id: Annotated[str, PathParam(min_length=1, max_length=200)],
    ) -> ActorDetail:
        """An actor's profile (aliases, parent, branches, facts with sources) and its
        merged events, oldest first."""
        profile = store.get_actor(name_or_id)
        if profile is None:
            raise ApiError(404, "not_found", f"No actor {name_or_id!r}.")
        events = store.list_merged_events(actor=profile.id)
        return ActorDetail(profile=profile, events=[_summary(found) for found in events])

    @app.get("/api/articles", response_model=ArticlePage, responses=errors, tags=["articles"])
    def list_articles(
        db_session: DbSession,
        limit: Limit = 100,
        offset: Offset = 0,
        q: Annotated[
            str | None,
            Query(description="SQLite FTS5 query over titles and texts.", max_length=500),
        ] = None,
    ) -> ArticlePage:
        """Articles, newest first (then by id), optionally matching a full-text query."""
        n_events = (
            select(func.count())
            .where(EventRow.article_id == ArticleRow.id)
            .correlate(ArticleRow)
            .scalar_subquery()
        )
        query = select(
            ArticleRow.id,
            ArticleRow.title,
            ArticleRow.url,
            ArticleRow.source,
            ArticleRow.published,
            n_events.label("n_events"),
        )
        if q is not None:
            query = query.where(ArticleRow.id.in_(_fulltext_articles(store, q)))
        total = db_session.scalar(select(func.count()).select_from(query.subquery())) or 0
        unpublished_last = case((ArticleRow.published.is_(None), 1), else_=0)
        rows = db_session.execute(
            query.order_by(unpublished_last, ArticleRow.published.desc(), ArticleRow.id)
            .limit(limit)
            .offset(offset)
        ).all()
        return ArticlePage(
            total=total,
            limit=limit,
            offset=offset,
            next_offset=_page_next(total, limit, offset),
            items=[ArticleSummary.model_validate(row._asdict()) for row in rows],
        )

    @app.get(
        "/api/articles/{article_id}",
        response_model=ArticleDetail,
        responses=errors,
        tags=["articles"],
    )
    def get_article(
        db_session: DbSession,
        article_id: Annotated[
            str, PathParam(pattern=ARTICLE_ID, description="sha256 hex of the article text")
        ],
    ) -> ArticleDetail:
        """One article with its text, its extraction report and the merged events of its
        event mentions."""
        report = store.get_report(article_id)
        if report is None:
            raise ApiError(404, "not_found", f"No article {article_id}.")
        rows = db_session.execute(
            select(EventMemberRow.mention_id, EventMemberRow.event_id).where(
                EventMemberRow.article_id == article_id
            )
        ).all()
        prefix = f"{article_id[:16]}:"
        merged = {row.mention_id.removeprefix(prefix): row.event_id for row in rows}
        return ArticleDetail(report=report, merged=merged)

    @app.get("/api/stats", response_model=Stats, responses=errors, tags=["meta"])
    def stats(db_session: DbSession) -> Stats:
        """Row counts, merged events per type and per country, and the date range."""
        types = db_session.execute(
            select(MergedEventRow.type, func.count()).group_by(MergedEventRow.type)
        ).all()
        countries = db_session.execute(
            select(MergedEventRow.country, func.count())
            .where(MergedEventRow.country.is_not(None))
            .group_by(MergedEventRow.country)
        ).all()
        first, last = db_session.execute(
            select(func.min(MergedEventRow.date_start), func.max(MergedEventRow.date_start))
        ).one()
        return Stats(
            counts=store.counts(),
            types={name: n for name, n in sorted(types)},
            countries={code: n for code, n in sorted(countries)},
            first_date=first,
            last_date=last,
        )

    @app.get("/api/countries.json", include_in_schema=False)
    def country_shapes() -> FileResponse:
        path = resources.files("threatline").joinpath("data/countries.json")
        return FileResponse(str(path), media_type="application/json")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


def run(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the API and page with uvicorn until interrupted (what ``threatline serve``
    does). On a loopback host only loopback Host headers are accepted."""
    import uvicorn

    loopback = host in ("127.0.0.1", "localhost", "::1")
    hosts = ["127.0.0.1", "localhost", "[::1]", "::1"] if loopback else None
    app = create_app(db, token=token, allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
