"""Exports (threatline.export): hand-built merged events checked column by column, and every
format of the sample database read back (CSV headers, GeoJSON structure, Parquet)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from test_serve import build_sample_db
from threatline.cli import main
from threatline.export import (
    ACLED_COLUMNS,
    FLAT_COLUMNS,
    FORMATS,
    GTD_COLUMNS,
    ExportContext,
    _ActorInfo,
    _PlaceInfo,
    acled_row,
    export_text,
    gtd_row,
)
from threatline.merge import Event, Evidence, MemberRef, ValueReport
from threatline.models import Quantity

DOCS = Path(__file__).resolve().parents[1] / "docs" / "exports.md"


def _context() -> ExportContext:
    return ExportContext(
        actors={
            "north-front": _ActorInfo("North Front", "armed_group", "front"),
            "front": _ActorInfo("The Front", "armed_group", None),
            "police": _ActorInfo("city police", "security_force", None),
        },
        places={"geonames:1": _PlaceInfo("Province One", "settlement")},
    )


def _bombing() -> Event:
    report = ValueReport(
        value="6", text="six", article_id="a" * 64, mention="aaaaaaaaaaaaaaaa:E1",
        outlet="Test Wire", published=dt.date(2024, 5, 15),
    )  # fmt: skip
    return Event(
        id="ev-000000000001",
        type="bombing",
        status="occurred",
        date_start=dt.date(2024, 5, 14),
        date_end=dt.date(2024, 5, 14),
        granularity="day",
        place_name="Townsville",
        place_key="geonames:1",
        country="PK",
        lat=34.0,
        lon=71.5,
        fatalities=Quantity(min=6, max=6, text="six"),
        injuries=Quantity(min=20, max=None, text="more than 20"),
        perpetrators=["North Front"],
        perpetrator_ids=["north-front"],
        target_ids=["police"],
        claimant_ids=["north-front"],
        certainty="claimed",
        n_reports=1,
        n_articles=1,
        first_reported=dt.date(2024, 5, 15),
        latest_reported=dt.date(2024, 5, 15),
        members=[MemberRef(article_id="a" * 64, event_id="E1", key="aaaaaaaaaaaaaaaa:E1")],
        reports={"fatalities": [report]},
        evidence=[
            Evidence(
                text="A car bomb killed six police officers in Townsville.",
                article_id="a" * 64,
                outlet="Test Wire",
                published=dt.date(2024, 5, 15),
            )
        ],
    )


def _bare() -> Event:
    """An event that says almost nothing: a protest with no date, place or actors."""
    return Event(id="ev-000000000002", type="protest", status="occurred", certainty="reported")


def test_export_acled_row_derives_every_known_column():
    row = acled_row(_bombing(), _context())
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_date"] == "2024-05-14" and row["year"] == 2024
    assert row["time_precision"] == 1
    assert row["disorder_type"] == "Political violence"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "North Front" and row["assoc_actor_1"] is None
    assert row["inter1"] is None  # an armed group's ACLED category is not guessed
    assert row["actor2"] == "city police" and row["inter2"] == 1
    assert row["interaction"] is None  # needs both sides
    assert row["country"] == "Pakistan" and row["admin1"] == "Province One"
    assert row["location"] == "Townsville" and row["geo_precision"] == 1
    assert (row["latitude"], row["longitude"]) == (34.0, 71.5)
    assert row["source"] == "Test Wire"
    assert row["notes"].startswith("A car bomb") and row["fatalities"] == 6


def test_export_acled_leaves_unknowns_empty():
    row = acled_row(_bare(), _context())
    assert row["event_type"] == "Protests" and row["disorder_type"] == "Demonstrations"
    unknown = set(ACLED_COLUMNS) - {"event_type", "sub_event_type", "disorder_type"}
    assert all(row[column] is None for column in unknown), row


def test_export_acled_week_span_is_precision_two_month_three():
    week = _bombing().model_copy(update={"date_end": dt.date(2024, 5, 20), "granularity": "week"})
    assert acled_row(week, _context())["time_precision"] == 2
    month = _bombing().model_copy(
        update={"date_start": dt.date(2024, 5, 1), "date_end": dt.date(2024, 5, 31),
                "granularity": "month"}
    )  # fmt: skip
    assert acled_row(month, _context())["time_precision"] == 3


def test_export_gtd_row_derives_every_known_column():
    row = gtd_row(_bombing(), _context())
    assert tuple(row) == GTD_COLUMNS
    assert (row["iyear"], row["imonth"], row["iday"]) == (2024, 5, 14)
    assert row["approxdate"] is None
    assert row["country_txt"] == "Pakistan" and row["provstate"] == "Province One"
    assert row["city"] == "Townsville" and row["specificity"] == 1
    assert row["attacktype1_txt"] == "Bombing/Explosion"
    assert row["targtype1_txt"] == "Police"
    # A branch is the subgroup of its parent.
    assert (row["gname"], row["gsubname"]) == ("The Front", "North Front")
    assert row["claimed"] == 1 and row["claimmode_txt"] is None and row["guncertain1"] == 0
    assert (row["nkill"], row["nwound"]) == (6, 20)
    assert row["summary"].startswith("A car bomb")
    assert row["scite1"].startswith("Test Wire, 2024-05-15")


def test_export_gtd_month_only_date_keeps_day_empty():
    month = _bombing().model_copy(
        update={"date_start": dt.date(2024, 5, 1), "date_end": dt.date(2024, 5, 31),
                "granularity": "month"}
    )  # fmt: skip
    row = gtd_row(month, _context())
    assert (row["iyear"], row["imonth"], row["iday"]) == (2024, 5, None)
    assert row["approxdate"] == "2024-05-01..2024-05-31"
    bare = gtd_row(_bare(), _context())
    assert all(value is None for value in bare.values()), bare


@pytest.mark.parametrize("fmt", ["csv", "acled", "gtd"])
def test_export_csv_formats_have_their_documented_headers(fmt):
    columns = {"csv": FLAT_COLUMNS, "acled": ACLED_COLUMNS, "gtd": GTD_COLUMNS}[fmt]
    text = export_text([_bombing(), _bare()], fmt, _context())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == columns and len(rows) == 2
    documented = DOCS.read_text()
    for column in columns:
        assert f"`{column}`" in documented, f"{fmt} column {column} is not documented"


def test_export_geojson_unlocated_event_has_null_geometry():
    collection = json.loads(export_text([_bombing(), _bare()], "geojson", _context()))
    located, unlocated = collection["features"]
    assert located["geometry"] == {"type": "Point", "coordinates": [71.5, 34.0]}
    assert unlocated["geometry"] is None


def _check_geojson(document: dict) -> None:
    """The parts of RFC 7946 the export uses."""
    assert document["type"] == "FeatureCollection"
    for feature in document["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is not None:
            lon, lat = geometry["coordinates"]
            assert geometry["type"] == "Point"
            assert -180 <= lon <= 180 and -90 <= lat <= 90


@pytest.mark.model
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_cli_writes_every_format_readably(fmt, tmp_path, tmp_path_factory):
    db = build_sample_db(tmp_path_factory)
    out = tmp_path / f"events.{fmt}"
    result = CliRunner().invoke(
        main, ["export", "--db", str(db), "--format", fmt, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    from threatline.store import Store

    with Store.open(db) as store:
        expected = store.counts()["merged_events"]
    if fmt == "json":
        events = json.loads(out.read_text())
        assert len(events) == expected and all(Event.model_validate(e) for e in events)
    elif fmt == "jsonl":
        lines = out.read_text().splitlines()
        assert len(lines) == expected and Event.model_validate_json(lines[0])
    elif fmt == "geojson":
        document = json.loads(out.read_text())
        _check_geojson(document)
        assert len(document["features"]) == expected
        assert any(f["geometry"] for f in document["features"])
    elif fmt == "parquet":
        table = pq.read_table(out)
        assert table.num_rows == expected and tuple(table.column_names) == FLAT_COLUMNS
        assert str(table.schema.field("date_start").type) == "date32[day]"
    else:
        columns = {"csv": FLAT_COLUMNS, "acled": ACLED_COLUMNS, "gtd": GTD_COLUMNS}[fmt]
        with out.open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == expected and tuple(rows[0]) == columns


@pytest.mark.model
def test_export_peshawar_bombing_in_acled_matches_the_article(tmp_path_factory):
    """The sample says eleven people were killed in a suicide car bombing in Peshawar on
    14 May 2024 and the Pakistani Taliban claimed it."""
    db = build_sample_db(tmp_path_factory)
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "acled"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    row = next(r for r in rows if r["location"] == "Peshawar" and r["event_date"])
    assert row["event_date"] == "2024-05-14" and row["country"] == "Pakistan"
    assert row["sub_event_type"] == "Suicide bomb" and row["fatalities"] == "11"
    assert row["actor1"] == "Tehrik-i-Taliban Pakistan"


def test_export_cli_rejects_an_unknown_format(tmp_path):
    result = CliRunner().invoke(
        main, ["export", "--db", str(tmp_path / "x.sqlite"), "--format", "xlsx"]
    )
    assert result.exit_code != 0 and "xlsx" in result.output
