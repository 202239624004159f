"""The full evaluation: every component on every development set of ``shared/bench``,
and the floors that each figure may never drop below (``eval/floors.json``)."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from threatline.errors import EvalDataError

# Metrics where smaller is better: their floor is a ceiling.
LOWER_IS_BETTER = {"mean_km", "median_km", "auc"}


@dataclass(frozen=True)
class EvalSet:
    """One figure row: a command on a data set, as the CLI would run it."""

    name: str
    command: str
    run: Callable[[Path], dict[str, Any]]


def _timex(bench: Path) -> dict[str, Any]:
    from threatline.evaluate import timex

    return timex.run(bench / "tempeval3" / "te3-platinum")


def _geo(file_name: str, mode: str) -> Callable[[Path], dict[str, Any]]:
    def run(bench: Path) -> dict[str, Any]:
        from threatline.evaluate import geo

        return geo.run(bench / "geo" / file_name, mode=mode)

    return run


def _muc4(bench: Path) -> dict[str, Any]:
    from threatline.evaluate import muc4

    muc = bench / "muc4"
    return muc4.run(
        [muc / "tst1" / "tst1-muc3", muc / "tst2" / "tst2-muc4"],
        [muc / "tst1" / "key-tst1.v7", muc / "tst2" / "key-tst2.v4"],
    )


#: The coreference subset of MUC-4 dev: messages whose dateline falls in these windows
#: (the assassination of Luis Carlos Galan, 18 Aug 1989; the FENASTRAS bombing, 31 Oct
#: 1989; the killing of six Jesuits, 16 Nov 1989, and the weeks after), each holding
#: incidents reported in several messages; 221 messages, about a minute to run.
COREF_WINDOWS: tuple[tuple[str, str], ...] = (
    ("1989-08-17", "1989-08-25"),
    ("1989-10-31", "1989-11-06"),
    ("1989-11-16", "1989-11-30"),
)


def coref_windows() -> list[tuple[dt.date, dt.date]]:
    """:data:`COREF_WINDOWS` as dates (the CLI's ``eval coref`` uses them too)."""
    return [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in COREF_WINDOWS]


def _coref(bench: Path) -> dict[str, Any]:
    from threatline.evaluate import coref

    return coref.run(bench / "muc4" / "dev", windows=coref_windows())


def _case2021(bench: Path) -> dict[str, Any]:
    """The rule backend's figures and, under ``fitted_cv``, the fitted backend's 5-fold
    cross-validated ones (the extractor runs once for both; about 30 s more)."""
    from threatline.evaluate import case2021
    from threatline.extract import Extractor

    extractor = Extractor()
    items = case2021.load_case_tsv(bench / "case2021-task2" / "dev.tsv")
    reports = case2021.extract_reports(items, extractor)
    metrics = case2021.score_reports(items, reports)
    example_reports = case2021.extract_reports(case2021.example_items(), extractor)
    metrics["fitted_cv"] = case2021.cross_validate_fitted(items, reports, example_reports)
    return metrics


EVAL_SETS: tuple[EvalSet, ...] = (
    EvalSet(
        "timex/te3-platinum",
        "threatline eval timex --data ../shared/bench/tempeval3/te3-platinum",
        _timex,
    ),
    EvalSet(
        "geo/lgl/gold",
        "threatline eval geo --data ../shared/bench/geo/lgl.xml",
        _geo("lgl.xml", "gold"),
    ),
    EvalSet(
        "geo/geovirus/gold",
        "threatline eval geo --data ../shared/bench/geo/GeoVirus.xml",
        _geo("GeoVirus.xml", "gold"),
    ),
    EvalSet(
        "muc4/tst1+tst2",
        "threatline eval muc4 --texts ../shared/bench/muc4/tst1/tst1-muc3 "
        "../shared/bench/muc4/tst2/tst2-muc4 --keys ../shared/bench/muc4/tst1/key-tst1.v7 "
        "../shared/bench/muc4/tst2/key-tst2.v4",
        _muc4,
    ),
    EvalSet(
        "coref/muc4-dev",
        "threatline eval coref --data ../shared/bench/muc4/dev",
        _coref,
    ),
    EvalSet(
        "case2021/dev",
        "threatline eval case2021 --data ../shared/bench/case2021-task2/dev.tsv "
        "[--backend fitted --folds 5]",
        _case2021,
    ),
)


def run_suite(bench: Path, only: str | None = None) -> dict[str, dict[str, Any]]:
    """Run every evaluation (or those whose name starts with ``only``)."""
    if not bench.is_dir():
        raise EvalDataError(f"No evaluation data at {bench}: pass --data-dir")
    results: dict[str, dict[str, Any]] = {}
    for eval_set in EVAL_SETS:
        if only and not eval_set.name.startswith(only):
            continue
        started = time.perf_counter()
        metrics = eval_set.run(bench)
        metrics["seconds"] = round(time.perf_counter() - started, 1)
        results[eval_set.name] = metrics
    return results


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    return json.loads(path.read_text())["floors"]


def below_floors(name: str, metrics: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """Every figure of ``metrics`` that is worse than its floor (empty when all hold)."""
    failures = []
    for metric, floor in floors.items():
        value = _lookup(metrics, metric)
        if value is None:
            failures.append(f"{name}: {metric} missing from the results")
        elif metric.split(".")[-1] in LOWER_IS_BETTER:
            if value > floor + 1e-6:
                failures.append(f"{name}: {metric} = {value:.2f}, ceiling {floor}")
        elif value < floor - 1e-6:
            failures.append(f"{name}: {metric} = {value:.2f}, floor {floor}")
    return failures


def _lookup(metrics: dict[str, Any], dotted: str) -> float | None:
    value: Any = metrics
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return float(value)
