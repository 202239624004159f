"""The evaluation gate: every figure in eval/floors.json must hold on the bench data."""

from pathlib import Path

import pytest

from threatline.evaluate.suite import EVAL_SETS, below_floors, load_floors

FLOORS = load_floors(Path(__file__).resolve().parents[1] / "eval" / "floors.json")


def test_floors_cover_every_evaluation_set():
    assert set(FLOORS) == {eval_set.name for eval_set in EVAL_SETS}


def test_floors_check_flags_a_drop_and_a_rise_of_a_ceiling():
    floors = {"value_f1": 70.0, "mean_km": 100.0}
    assert below_floors("x", {"value_f1": 71.0, "mean_km": 90.0}, floors) == []
    assert len(below_floors("x", {"value_f1": 69.0, "mean_km": 90.0}, floors)) == 1
    assert len(below_floors("x", {"value_f1": 71.0, "mean_km": 120.0}, floors)) == 1
    assert len(below_floors("x", {"mean_km": 90.0}, floors)) == 1


@pytest.mark.model
@pytest.mark.parametrize("eval_set", EVAL_SETS, ids=lambda eval_set: eval_set.name)
def test_floors_hold(eval_set, bench_dir):
    metrics = eval_set.run(bench_dir)
    assert below_floors(eval_set.name, metrics, FLOORS[eval_set.name]) == []
