"""The benchmark script runs: its throughput step over a few bundled samples gives the
figures its JSON line promises (the timing itself is never asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _bench_module():
    spec = importlib.util.spec_from_file_location("threatline_bench_run", REPO / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.model
def test_throughput_step_measures_extraction_and_bare_pipeline(nlp, gazetteer, actor_kb):
    from threatline.annotate import DEFAULT_MODEL
    from threatline.ingest import read_paths

    bench = _bench_module()
    articles = [a for a in read_paths([REPO / "samples"]) if hasattr(a, "text")][:3]
    figures = bench.measure_throughput(articles, DEFAULT_MODEL)
    assert figures["articles"] == 3
    assert figures["words"] == bench.words(articles) > 0
    assert figures["extract_skipped"] == 0
    for key in ("ratio_vs_spacy", "ratio_vs_spacy_cpu", "articles_per_s_per_core"):
        assert figures[key] > 0


def test_mixed_spreads_and_cycles():
    bench = _bench_module()
    items = list(range(10))
    assert bench.mixed(items, 5) == [0, 2, 4, 6, 8]
    assert bench.mixed(items, 12)[10:] == [0, 1]
