"""Tests of the geoparsing scorer: reading the gold formats and the metrics."""

from __future__ import annotations

import math

import pytest

from threatline.evaluate.geo import (
    MAX_ERROR_KM,
    auc_of_errors,
    format_report,
    load_geo_xml,
    resolution_metrics,
    run,
)

_LGL_LIKE = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="7"><text>Rain fell on Dayton and Ohio.</text>
<toponyms>
<toponym><start>13</start><end>19</end><phrase>Dayton</phrase>
<gaztag geonameid="1"><name>Dayton</name><lat>39.76</lat><lon>-84.19</lon></gaztag></toponym>
<toponym><start>24</start><end>28</end><phrase>Ohio</phrase></toponym>
</toponyms></article></articles>"""

# GeoVirus-style, with offsets one character past the text as in the published file.
_GEOVIRUS_LIKE = """<articles><article><text>Cases rose in Lima.</text><locations>
<location><name>Lima</name><start>15</start><end>19</end><lat>-12.04</lat><lon>-77.03</lon>
</location></locations></article></articles>"""


def test_evaluate_geo_reads_both_formats(tmp_path):
    lgl = tmp_path / "a.xml"
    lgl.write_text(_LGL_LIKE, encoding="utf-8")
    (doc,) = load_geo_xml(lgl)
    assert [(t.name, t.lat) for t in doc.toponyms] == [("Dayton", 39.76), ("Ohio", None)]
    gv = tmp_path / "b.xml"
    gv.write_text(_GEOVIRUS_LIKE, encoding="utf-8")
    (doc,) = load_geo_xml(gv)
    top = doc.toponyms[0]
    assert doc.text[top.start : top.end] == "Lima" and top.start == 14


def test_evaluate_geo_auc_and_accuracy_by_hand():
    # Errors 0 and 20039 km map to 0 and log(20040)/log(20039) ~ 1: one trapezoid.
    top = math.log(20040) / math.log(MAX_ERROR_KM)
    assert auc_of_errors([0.0, MAX_ERROR_KM]) == pytest.approx(top / 2)
    # Three errors: y = 0, log(101)/log(20039), top; area (0+y)/2 + (y+top)/2 over width 2.
    y = math.log(101) / math.log(MAX_ERROR_KM)
    assert auc_of_errors([MAX_ERROR_KM, 0.0, 100.0]) == pytest.approx((2 * y + top) / 4)
    metrics = resolution_metrics([0.0, 100.0, 161.0, 500.0])
    assert metrics["acc161"] == pytest.approx(75.0)
    assert metrics["mean_km"] == pytest.approx(190.25)
    assert metrics["median_km"] == pytest.approx(130.5)
    assert metrics["n"] == 4


def test_evaluate_geo_gold_mode_on_tiny_file(tmp_path, gazetteer):
    path = tmp_path / "a.xml"
    path.write_text(_LGL_LIKE, encoding="utf-8")
    metrics = run(path, mode="gold", gazetteer=gazetteer)
    assert metrics["n"] == 1 and metrics["acc161"] == 100.0
    assert "Acc@161 100.0%" in format_report(metrics)


@pytest.mark.bench
def test_evaluate_geo_lgl_slice_gold_mode(bench_dir, gazetteer):
    metrics = run(bench_dir / "geo" / "lgl.xml", mode="gold", gazetteer=gazetteer, limit=100)
    assert metrics["n"] > 500
    # The population baseline reaches about 70 on LGL; we must beat it.
    assert metrics["acc161"] > 70.0


_UNKNOWN_NEAR_TOWN = """<articles><article><text>Water rose in Qwxzzyv Flats near Dayton.</text>
<locations>
<location><name>Qwxzzyv Flats</name><start>14</start><end>27</end><lat>39.7</lat><lon>-84.2</lon>
</location>
<location><name>Dayton</name><start>33</start><end>39</end><lat>39.76</lat><lon>-84.19</lon>
</location></locations></article></articles>"""


def test_evaluate_geo_unknown_name_scored_at_its_fallback(tmp_path, gazetteer):
    path = tmp_path / "u.xml"
    path.write_text(_UNKNOWN_NEAR_TOWN, encoding="utf-8")
    strict = run(path, mode="gold", gazetteer=gazetteer, fallback=False)
    assert strict["n"] == 2 and strict["acc161"] == 50.0
    assert strict["mean_km"] > MAX_ERROR_KM / 2 - 1
    lenient = run(path, mode="gold", gazetteer=gazetteer)
    assert lenient["acc161"] == 100.0
