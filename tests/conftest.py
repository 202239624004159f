"""Shared fixtures: the real model and the evaluation data, each loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(os.environ.get("THREATLINE_BENCH", REPO.parent / "shared" / "bench"))
SEED = BENCH.parent / "seed"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline (integration tests only: mark them `model`)."""
    from threatline.annotate import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def gazetteer():
    from threatline.geo import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def actor_kb():
    from threatline.actors import ActorKB

    return ActorKB.load()


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    if not BENCH.is_dir():
        pytest.skip(f"evaluation data not found at {BENCH}; set THREATLINE_BENCH to its folder")
    return BENCH


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEED.is_dir():
        pytest.skip(f"seed article folder not found at {SEED}")
    return SEED
