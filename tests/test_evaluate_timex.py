"""The TempEval-3 style scorer on tiny hand-made gold/prediction pairs (scores worked out by
hand), the TimeML reader on a hand-written file, and a sanity run on the benchmark."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from threatline.errors import EvalDataError
from threatline.evaluate.timex import (
    Mention,
    document_errors,
    format_report,
    read_timeml,
    run,
    score,
)

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test_doc</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-23"
 functionInDocument="CREATION_TIME">March 23, 2024</TIMEX3></DCT>
<TEXT>
Smith &amp; Sons said the gunmen <EVENT eid="e1" class="OCCURRENCE">attacked</EVENT> on \
<TIMEX3 tid="t1" type="DATE" value="2024-03-22">Friday</TIMEX3>.
The siege lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_evaluate_timex_one_exact_one_overlap_with_wrong_value():
    gold = [[Mention(0, 5, "DATE", "2024-03-22"), Mention(10, 20, "DATE", "2024-W11")]]
    pred = [[Mention(0, 5, "DATE", "2024-03-22"), Mention(12, 20, "DATE", "2024-W12")]]
    m = score(gold, pred)
    assert m["relaxed_f1"] == pytest.approx(100)
    assert m["strict_f1"] == pytest.approx(50)
    assert m["value_f1"] == pytest.approx(50)
    assert m["type_accuracy"] == pytest.approx(100)
    assert (m["n_gold"], m["n_pred"], m["n_docs"]) == (2, 2, 1)


def test_evaluate_timex_miss_and_spurious():
    # 2 gold, 2 predicted: one exact with the right value, one spurious, one gold missed
    gold = [[Mention(0, 5, "DATE", "2024"), Mention(30, 40, "DURATION", "P2Y")]]
    pred = [[Mention(0, 5, "DATE", "2024"), Mention(50, 55, "DATE", "PAST_REF")]]
    m = score(gold, pred)
    assert (m["relaxed_p"], m["relaxed_r"], m["relaxed_f1"]) == pytest.approx((50, 50, 50))
    assert m["strict_f1"] == pytest.approx(50)
    assert m["value_f1"] == pytest.approx(50)  # 50 x value accuracy 1.0


def test_evaluate_timex_one_prediction_matches_one_gold_only():
    gold = [[Mention(0, 5, "DATE", "2024"), Mention(6, 10, "DATE", "2025")]]
    pred = [[Mention(0, 10, "DATE", "2024")]]
    m = score(gold, pred)
    # precision 1/1, recall 1/2 -> F1 = 2/3; the match is not exact, so strict is 0
    assert (m["relaxed_p"], m["relaxed_r"]) == pytest.approx((100, 50))
    assert m["relaxed_f1"] == pytest.approx(200 / 3)
    assert m["strict_f1"] == 0
    assert m["type_accuracy"] == pytest.approx(100)


def test_evaluate_timex_wrong_type_counts_against_type_accuracy():
    gold = [[Mention(0, 5, "DURATION", "P1W"), Mention(10, 15, "DATE", "2024")]]
    pred = [[Mention(0, 5, "DATE", "P1W"), Mention(10, 15, "DATE", "2024")]]
    m = score(gold, pred)
    assert m["type_accuracy"] == pytest.approx(50)
    assert m["value_f1"] == pytest.approx(100)


def test_evaluate_timex_reads_timeml_offsets(tmp_path: Path):
    path = tmp_path / "test_doc.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.dct == dt.date(2024, 3, 23)
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Friday", "DATE", "2024-03-22"),
        ("three days", "DURATION", "P3D"),
    ]
    for g in doc.gold:  # offsets index the raw text with entities decoded
        assert doc.text[g.start : g.end] == g.text
    assert "Smith & Sons" in doc.text


def test_evaluate_timex_run_on_a_folder(tmp_path: Path):
    (tmp_path / "test_doc.tml").write_text(TML, encoding="utf-8")
    m = run(tmp_path)
    assert (m["n_docs"], m["n_gold"], m["n_pred"]) == (1, 2, 2)
    assert m["value_f1"] == pytest.approx(100)
    report = format_report(m)
    assert "relaxed" in report and "value" in report
    errors = document_errors(tmp_path)
    assert [(e.name, e.missed, e.spurious, e.wrong_value) for e in errors] == [
        ("test_doc", [], [], [])
    ]


def test_evaluate_timex_empty_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(EvalDataError):
        run(tmp_path)


@pytest.mark.bench
def test_evaluate_timex_te3_platinum(bench_dir: Path):
    m = run(bench_dir / "tempeval3" / "te3-platinum")
    assert (m["n_docs"], m["n_gold"]) == (20, 138)
    assert 0 < m["value_f1"] <= m["relaxed_f1"] <= 100
    assert m["strict_f1"] <= m["relaxed_f1"]
    assert m["relaxed_f1"] > 80  # a sanity floor; the gate's floors live in eval/floors.json
