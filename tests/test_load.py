"""A bounded load test of the HTTP API on loopback: many concurrent readers of a uvicorn
server while an ingest in another process writes into the same SQLite file (WAL).

It asserts no server error and no failed connection, and that the server sees the ingested
articles afterwards; it prints the throughput and the 95th percentile latency (figures only,
no timed assertions: machines differ).
"""

from __future__ import annotations

import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from test_serve import build_sample_db

pytestmark = pytest.mark.model

READERS = 8
REQUESTS_PER_READER = 50
#: Nothing here should take long; a hung server fails the test instead of hanging CI.
STARTUP_SECONDS = 60
REQUEST_TIMEOUT = 30.0

#: Short articles written for this test, one per place, so the ingest stores each of them.
LOAD_PLACES = ["Mosul", "Kirkuk", "Quetta", "Kandahar", "Herat", "Kismayo", "Gao", "Niamey",
               "Aden", "Sanaa", "Baidoa", "Tikrit"]  # fmt: skip


def write_load_articles(folder: Path) -> int:
    """Two small text files per place in :data:`LOAD_PLACES` (a bombing in June, a
    kidnapping in July); returns how many."""
    folder.mkdir()
    for number, place in enumerate(LOAD_PLACES):
        (folder / f"bomb{number:02d}.txt").write_text(
            f"Published: 2024-06-{1 + number:02d}\n\n"
            f"A car bomb exploded near a checkpoint in {place} on June {1 + number}, 2024, "
            f"killing {3 + number} people and wounding {10 + number}, police said. "
            f"No group claimed the attack, load report {number}.",
            encoding="utf-8",
        )
        (folder / f"kidnap{number:02d}.txt").write_text(
            f"Published: 2024-07-{1 + number:02d}\n\n"
            f"Gunmen kidnapped {2 + number} aid workers on a road near {place} on July "
            f"{1 + number}, 2024, a local official said. Load report {100 + number}.",
            encoding="utf-8",
        )
    return 2 * len(LOAD_PLACES)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (the shared sample database stays untouched)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def article_count(db: Path) -> int:
    connection = sqlite3.connect(db, timeout=5)
    try:
        return connection.execute("select count(*) from articles").fetchone()[0]
    finally:
        connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SERVER = """
import sys, uvicorn
from threatline.serve import create_app
app = create_app(sys.argv[1], allowed_hosts=["127.0.0.1"])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""

INGEST = """
import sys
from pathlib import Path
from threatline.pipeline import ingest_paths
stats = ingest_paths([Path(sys.argv[1])], sys.argv[2])
print(stats.stored, len(stats.skips))
"""


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A uvicorn server on a free loopback port, ready to answer; returns it and its URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(db), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server exited: {server.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"{base}/api/stats", timeout=1).status_code == 200:
                return server, base
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError("the server did not start")


def route(path: str) -> str:
    """The route a request path belongs to: "/api/events/{id}" for any event id."""
    parts = path.split("?")[0].split("/")
    return "/".join(parts[:3] + ["{id}"] * (len(parts) > 3))


def read_repeatedly(
    base: str, paths: list[str], latencies: list[float], statuses: Counter[str], errors: list[str]
) -> None:
    """One reader: ``REQUESTS_PER_READER`` GETs cycling through ``paths``, recording each
    latency and status, and any transport failure as an error."""
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        for number in range(REQUESTS_PER_READER):
            path = paths[number % len(paths)]
            started = time.perf_counter()
            try:
                response = client.get(path)
            except httpx.HTTPError as error:
                errors.append(f"{path}: {type(error).__name__}: {error}")
                continue
            latencies.append(time.perf_counter() - started)
            statuses[f"{route(path)} {response.status_code}"] += 1
            if response.status_code >= 500:
                errors.append(f"{path}: {response.status_code} {response.text[:200]}")


def test_load_concurrent_readers_during_an_ingest(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    db = tmp_path / "events.sqlite"
    copy_database(build_sample_db(tmp_path_factory), db)
    before = article_count(db)
    folder = tmp_path / "incoming"
    written = write_load_articles(folder)

    server, base = start_server(db)
    try:
        events = httpx.get(f"{base}/api/events", params={"limit": 20}).json()["items"]
        articles = httpx.get(f"{base}/api/articles", params={"limit": 20}).json()["items"]
        paths = ["/api/events?limit=50", "/api/stats", "/api/actors?limit=20",
                 "/api/articles?limit=20", "/api/timeline?bucket=week",
                 "/api/events?country=PK&sort=-date"]  # fmt: skip
        paths += [f"/api/events/{e['id']}" for e in events[:6]]
        paths += [f"/api/articles/{a['id']}" for a in articles[:6]]

        ingest = subprocess.Popen(
            [sys.executable, "-c", INGEST, str(folder), str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        # Start reading once the ingest is writing (its model takes a while to load).
        deadline = time.monotonic() + STARTUP_SECONDS
        while article_count(db) == before and ingest.poll() is None:
            assert time.monotonic() < deadline, "the ingest wrote nothing"
            time.sleep(0.05)
        overlapped = ingest.poll() is None

        latencies: list[float] = []
        statuses: Counter[str] = Counter()
        errors: list[str] = []
        readers = [
            threading.Thread(
                target=read_repeatedly, args=(base, paths, latencies, statuses, errors)
            )
            for _ in range(READERS)
        ]
        started = time.perf_counter()
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(timeout=120)
        elapsed = time.perf_counter() - started
        still_ingesting = ingest.poll() is None

        out, err = ingest.communicate(timeout=300)
        assert ingest.returncode == 0, err.decode()[-2000:]
        assert not any(reader.is_alive() for reader in readers), "a reader hung"
        assert errors == [], errors[:10]
        assert len(latencies) == READERS * REQUESTS_PER_READER
        # Only event details may miss: a merge during the ingest can re-key an event.
        unexpected = {k: n for k, n in statuses.items() if not k.endswith(" 200")}
        assert set(unexpected) <= {"/api/events/{id} 404"}, unexpected
        assert overlapped, "the ingest finished before the readers started"

        stored = int(out.split()[0])
        assert stored == written
        after = httpx.get(f"{base}/api/stats").json()["counts"]["articles"]
        assert after == before + written == article_count(db)

        p95 = statistics.quantiles(latencies, n=20)[18]
        print(
            f"\nload: {READERS} readers x {REQUESTS_PER_READER} requests in {elapsed:.2f} s "
            f"= {len(latencies) / elapsed:.0f} requests/s, p50 "
            f"{statistics.median(latencies) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms; "
            f"ingest still writing at the end: {still_ingesting}; statuses {dict(statuses)}"
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
