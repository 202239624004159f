"""Exports of the merged events, one row per real-world event, in formats users already read.

``json`` (one array of :class:`threatline.merge.Event`), ``jsonl`` (one Event per line),
``csv`` and ``parquet`` (the flat columns of :data:`FLAT_COLUMNS`), ``geojson`` (a
FeatureCollection of points with the flat columns as properties), ``acled`` (the columns of
ACLED's public exports, :data:`ACLED_COLUMNS`) and ``gtd`` (the Global Terrorism Database
codebook fields we can fill, :data:`GTD_COLUMNS`). ``docs/exports.md`` documents every column
and how it is derived. A value the store does not know is left empty, never guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal, get_args

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from threatline.errors import ConfigError
from threatline.merge import Event
from threatline.ontology import event_type_info
from threatline.store import ActorRow, PlaceRow, Store

ExportFormat = Literal["json", "jsonl", "csv", "geojson", "parquet", "acled", "gtd"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)

FLAT_COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "status",
    "date_start",
    "date_end",
    "granularity",
    "place_name",
    "admin1",
    "country",
    "lat",
    "lon",
    "fatalities_min",
    "fatalities_max",
    "fatalities_text",
    "injuries_min",
    "injuries_max",
    "injuries_text",
    "perpetrators",
    "perpetrator_ids",
    "target_ids",
    "claimant_ids",
    "certainty",
    "n_reports",
    "n_articles",
    "first_reported",
    "latest_reported",
    "acled_event_type",
    "acled_sub_event_type",
    "gtd_attack_type",
    "sources",
    "article_ids",
    "evidence",
)

ACLED_COLUMNS: tuple[str, ...] = (
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)

GTD_COLUMNS: tuple[str, ...] = (
    "iyear",
    "imonth",
    "iday",
    "approxdate",
    "country_txt",
    "provstate",
    "city",
    "latitude",
    "longitude",
    "specificity",
    "attacktype1_txt",
    "targtype1_txt",
    "gname",
    "gsubname",
    "claimed",
    "claimmode_txt",
    "guncertain1",
    "nkill",
    "nwound",
    "summary",
    "scite1",
)

#: ACLED event type -> ACLED disorder type.
ACLED_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

#: Actor kinds whose ACLED inter code is certain (armed groups are left empty: the text
#: rarely tells a rebel group from a political or identity militia).
ACLED_INTER = {"security_force": 1, "government": 1, "civilians": 7}

#: Place level -> ACLED geo_precision (1 town, 2 part of a region, 3 region or larger).
ACLED_GEO_PRECISION = {
    "venue": 1,
    "settlement": 1,
    "district": 2,
    "region": 3,
    "country": 3,
    "area": 3,
}
#: Place level -> GTD specificity (1 city, 3 second-order region, 4 first-order region,
#: 5 country).
GTD_SPECIFICITY = {
    "venue": 1,
    "settlement": 1,
    "district": 3,
    "region": 4,
    "country": 5,
    "area": 5,
}
_DAY_GRANULARITIES = ("time", "day")
_MONTH_GRANULARITIES = ("time", "day", "week", "month")


@dataclass(frozen=True)
class _ActorInfo:
    name: str
    kind: str
    parent: str | None


@dataclass(frozen=True)
class _PlaceInfo:
    admin1: str | None
    level: str | None


class ExportContext:
    """What the exports need besides the events: actor kinds and parents, place levels
    and first-order regions, read once from the store."""

    def __init__(self, actors: dict[str, _ActorInfo], places: dict[str, _PlaceInfo]) -> None:
        self.actors = actors
        self.places = places

    @classmethod
    def from_store(cls, store: Store) -> ExportContext:
        with Session(store.engine) as session:
            actors = {
                row.id: _ActorInfo(row.name, row.kind, row.parent)
                for row in session.scalars(select(ActorRow))
            }
            places = {
                row.id: _PlaceInfo(row.admin1, row.level)
                for row in session.scalars(select(PlaceRow))
            }
        return cls(actors, places)

    def place(self, event: Event) -> _PlaceInfo:
        return self.places.get(event.place_key or "", _PlaceInfo(None, None))


# --------------------------------------------------------------------------- values


def country_name(code: str | None) -> str | None:
    """The English name of an ISO alpha-2 code (``PK`` -> ``Pakistan``), the common name
    where ISO has one (``BO`` -> ``Bolivia``)."""
    if not code:
        return None
    country = pycountry.countries.get(alpha_2=code.upper())
    return getattr(country, "common_name", country.name) if country else None


def _context(event: Event) -> str:
    # Evidence sentences refine the codes (a bombing "with a grenade" is ACLED "Grenade").
    return " ".join(evidence.text for evidence in event.evidence)


def _joined(values: Iterable[str | None], sep: str = "; ") -> str | None:
    unique = dict.fromkeys(value for value in values if value)
    return sep.join(unique) or None


def _sources(event: Event) -> str | None:
    outlets = [report.outlet for reports in event.reports.values() for report in reports]
    return _joined([*outlets, *(evidence.outlet for evidence in event.evidence)])


def _article_ids(event: Event) -> str | None:
    return _joined((member.article_id for member in event.members), sep="|")


def flat_row(event: Event, context: ExportContext) -> dict[str, Any]:
    """The flat columns (:data:`FLAT_COLUMNS`) of one merged event; lists joined by ``|``
    (ids) or ``; `` (names)."""
    info = event_type_info(event.type, _context(event))
    place = context.place(event)
    return {
        "id": event.id,
        "type": event.type,
        "status": event.status,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "granularity": event.granularity,
        "place_name": event.place_name,
        "admin1": place.admin1,
        "country": event.country,
        "lat": event.lat,
        "lon": event.lon,
        "fatalities_min": event.fatalities.min if event.fatalities else None,
        "fatalities_max": event.fatalities.max if event.fatalities else None,
        "fatalities_text": event.fatalities.text if event.fatalities else None,
        "injuries_min": event.injuries.min if event.injuries else None,
        "injuries_max": event.injuries.max if event.injuries else None,
        "injuries_text": event.injuries.text if event.injuries else None,
        "perpetrators": _joined(event.perpetrators),
        "perpetrator_ids": _joined(event.perpetrator_ids, "|"),
        "target_ids": _joined(event.target_ids, "|"),
        "claimant_ids": _joined(event.claimant_ids, "|"),
        "certainty": event.certainty,
        "n_reports": event.n_reports,
        "n_articles": event.n_articles,
        "first_reported": event.first_reported,
        "latest_reported": event.latest_reported,
        "acled_event_type": info.acled_event_type,
        "acled_sub_event_type": info.acled_sub_event_type,
        "gtd_attack_type": info.gtd_attack_type,
        "sources": _sources(event),
        "article_ids": _article_ids(event),
        "evidence": event.evidence[0].text if event.evidence else None,
    }


def _time_precision(event: Event) -> int | None:
    if event.date_start is None:
        return None
    if event.granularity in _DAY_GRANULARITIES:
        return 1
    days = ((event.date_end or event.date_start) - event.date_start).days + 1
    if event.granularity == "week" or days <= 7:
        return 1 if days == 1 else 2
    return 3


def _actors(ids: list[str], context: ExportContext) -> list[_ActorInfo]:
    return [context.actors.get(actor_id, _ActorInfo(actor_id, "other", None)) for actor_id in ids]


def _named_first(actors: list[_ActorInfo]) -> list[_ActorInfo]:
    """Actors named by a proper name ("Tehrik-i-Taliban Pakistan") before those only
    described ("suicide bomber"): ACLED's first actor is a named one when there is one."""
    return sorted(actors, key=lambda actor: not actor.name[:1].isupper())


def _inter(actors: list[_ActorInfo]) -> int | None:
    return ACLED_INTER.get(actors[0].kind) if actors else None


def acled_row(event: Event, context: ExportContext) -> dict[str, Any]:
    """One event in ACLED's export columns (:data:`ACLED_COLUMNS`)."""
    info = event_type_info(event.type, _context(event))
    place = context.place(event)
    doers = _named_first(
        _actors(list(dict.fromkeys(event.perpetrator_ids + event.claimant_ids)), context)
    )
    targets = _named_first(_actors(event.target_ids, context))
    inter1, inter2 = _inter(doers), _inter(targets)
    interaction: str | None = None
    if inter1 is not None and inter2 is not None:
        interaction = f"{min(inter1, inter2)}{max(inter1, inter2)}"
    elif inter1 is not None and not targets:
        interaction = f"{inter1}0"  # ACLED: an actor acting alone
    return {
        "event_date": event.date_start.isoformat() if event.date_start else None,
        "year": event.date_start.year if event.date_start else None,
        "time_precision": _time_precision(event),
        "disorder_type": ACLED_DISORDER.get(info.acled_event_type),
        "event_type": info.acled_event_type,
        "sub_event_type": info.acled_sub_event_type,
        "actor1": doers[0].name if doers else None,
        "assoc_actor_1": _joined(actor.name for actor in doers[1:]),
        "inter1": inter1,
        "actor2": targets[0].name if targets else None,
        "assoc_actor_2": _joined(actor.name for actor in targets[1:]),
        "inter2": inter2,
        "interaction": interaction,
        "country": country_name(event.country),
        "admin1": place.admin1,
        "admin2": None,
        "location": event.place_name,
        "latitude": event.lat,
        "longitude": event.lon,
        "geo_precision": ACLED_GEO_PRECISION.get(place.level or "") if event.place_name else None,
        "source": _sources(event),
        "notes": event.evidence[0].text if event.evidence else None,
        "fatalities": event.fatalities.min if event.fatalities else None,
    }


#: Words in a target's name that give its GTD target type (checked before the kind).
_GTD_TARGET_WORDS = (
    (("police", "policemen", "officers", "constable"), "Police"),
    (("army", "soldiers", "troops", "military", "armed forces"), "Military"),
    (("journalist", "journalists", "reporter", "reporters"), "Journalists & Media"),
    (("school", "students", "teachers", "university"), "Educational Institution"),
    (("church", "mosque", "temple", "worshippers", "synagogue"), "Religious Figures/Institutions"),
)
_GTD_TARGET_KINDS = {
    "civilians": "Private Citizens & Property",
    "government": "Government (General)",
    "media": "Journalists & Media",
}


def _gtd_target(targets: list[_ActorInfo]) -> str | None:
    if not targets:
        return None
    first = targets[0]
    words = first.name.casefold()
    for cues, target_type in _GTD_TARGET_WORDS:
        if any(cue in words.split() or (" " in cue and cue in words) for cue in cues):
            return target_type
    return _GTD_TARGET_KINDS.get(first.kind)


def _approxdate(event: Event) -> str | None:
    if event.date_start is None or event.granularity in _DAY_GRANULARITIES:
        return None
    said = event.reports.get("date", [])
    if said:
        return said[0].text or said[0].value
    span = event.date_start.isoformat()
    if event.date_end and event.date_end != event.date_start:
        span += f"..{event.date_end.isoformat()}"
    return span


def _citation(event: Event) -> str | None:
    for reports in event.reports.values():
        for report in reports:
            parts = [report.outlet, report.published.isoformat() if report.published else None]
            parts.append(f"article {report.article_id[:16]}")
            return ", ".join(part for part in parts if part)
    return None


def gtd_row(event: Event, context: ExportContext) -> dict[str, Any]:
    """One event in the GTD codebook fields we can fill (:data:`GTD_COLUMNS`)."""
    info = event_type_info(event.type, _context(event))
    place = context.place(event)
    start = event.date_start
    doers = _named_first(
        _actors(list(dict.fromkeys(event.perpetrator_ids + event.claimant_ids)), context)
    )
    group, subgroup = (None, None)
    if doers:
        first = doers[0]
        parent = context.actors.get(first.parent or "")
        group, subgroup = (parent.name, first.name) if parent else (first.name, None)
    # Only an allegation (uncertain) or a claim (certain) says how sure the attribution is.
    uncertain = {"alleged": 1, "claimed": 0}.get(event.certainty)
    return {
        "iyear": start.year if start else None,
        "imonth": start.month if start and event.granularity in _MONTH_GRANULARITIES else None,
        "iday": start.day if start and event.granularity in _DAY_GRANULARITIES else None,
        "approxdate": _approxdate(event),
        "country_txt": country_name(event.country),
        "provstate": place.admin1,
        "city": event.place_name if place.level == "settlement" else None,
        "latitude": event.lat,
        "longitude": event.lon,
        "specificity": GTD_SPECIFICITY.get(place.level or "") if event.lat is not None else None,
        "attacktype1_txt": info.gtd_attack_type,
        "targtype1_txt": _gtd_target(_actors(event.target_ids, context)),
        "gname": group,
        "gsubname": subgroup,
        "claimed": 1 if event.claimant_ids else None,
        "claimmode_txt": None,
        "guncertain1": uncertain if doers else None,
        "nkill": event.fatalities.min if event.fatalities else None,
        "nwound": event.injuries.min if event.injuries else None,
        "summary": event.evidence[0].text if event.evidence else None,
        "scite1": _citation(event),
    }


# --------------------------------------------------------------------------- writers


def _cell(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: "" if value is None else _cell(value) for key, value in row.items()})
        count += 1
    return count


def geojson_feature(event: Event, context: ExportContext) -> dict[str, Any]:
    """A GeoJSON Feature: a Point at the event's place, or a null geometry when the place is
    unknown (RFC 7946 allows unlocated features)."""
    properties = {key: _cell(value) for key, value in flat_row(event, context).items()}
    geometry = None
    if event.lat is not None and event.lon is not None:
        geometry = {"type": "Point", "coordinates": [event.lon, event.lat]}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def parquet_schema() -> Any:
    """The pyarrow schema of the Parquet export (the flat columns, typed)."""
    import pyarrow as pa

    types = {
        "date_start": pa.date32(),
        "date_end": pa.date32(),
        "first_reported": pa.date32(),
        "latest_reported": pa.date32(),
        "lat": pa.float64(),
        "lon": pa.float64(),
        "n_reports": pa.int64(),
        "n_articles": pa.int64(),
    }
    for column in FLAT_COLUMNS:
        if column.endswith(("_min", "_max")):
            types[column] = pa.int64()
    return pa.schema([(column, types.get(column, pa.string())) for column in FLAT_COLUMNS])


def _write_parquet(rows: list[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)


def write_export(events: list[Event], fmt: str, out: IO[Any], context: ExportContext) -> int:
    """Write ``events`` to ``out`` (text for every format but ``parquet``, which needs a
    binary stream) in format ``fmt``; returns the number of events written."""
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}.")
    if fmt == "json":
        json.dump([event.model_dump(mode="json") for event in events], out, ensure_ascii=False)
        out.write("\n")
        return len(events)
    if fmt == "jsonl":
        for event in events:
            out.write(event.model_dump_json() + "\n")
        return len(events)
    if fmt == "geojson":
        collection = {
            "type": "FeatureCollection",
            "features": [geojson_feature(event, context) for event in events],
        }
        json.dump(collection, out, ensure_ascii=False)
        out.write("\n")
        return len(events)
    if fmt == "parquet":
        return _write_parquet([flat_row(event, context) for event in events], out)
    builders = {"csv": (flat_row, FLAT_COLUMNS), "acled": (acled_row, ACLED_COLUMNS)}
    build, columns = builders.get(fmt, (gtd_row, GTD_COLUMNS))
    return _write_csv((build(event, context) for event in events), columns, out)


def export(
    db: str | Path,
    fmt: str,
    out: Path | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    type: str | None = None,
    country: str | None = None,
) -> int:
    """Export the merged events of ``db`` (optionally filtered as
    :meth:`Store.list_merged_events` filters) to the file ``out``, or to standard output
    when it is None. Returns the number of events written."""
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}.")
    with Store.open(db) as store:
        events = store.list_merged_events(start=start, end=end, type=type, country=country)
        context = ExportContext.from_store(store)
    binary = fmt == "parquet"
    if out is None:
        stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        return write_export(events, fmt, stream, context)
    # newline="" keeps the CSV writer's own line ends.
    with open(out, "wb") if binary else open(out, "w", encoding="utf-8", newline="") as handle:
        return write_export(events, fmt, handle, context)


def export_text(events: list[Event], fmt: str, context: ExportContext) -> str:
    """The export of ``events`` as a string (every format but parquet)."""
    buffer = io.StringIO()
    write_export(events, fmt, buffer, context)
    return buffer.getvalue()
