"""Evaluation against published benchmarks: one scorer module per component."""

from __future__ import annotations

import os
from pathlib import Path


def default_bench_dir() -> Path:
    """`../shared/bench` beside the checkout, or $THREATLINE_BENCH."""
    env = os.environ.get("THREATLINE_BENCH")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "bench"
