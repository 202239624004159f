"""A fuzz run of the HTTP API (threatline.serve) with schemathesis against its own OpenAPI
description: every operation, with valid and with invalid parameters; no 5xx, and every
response conforming to the documented schema (status code, content type, body).

The run is bounded (:data:`EXAMPLES_PER_RUN` examples per operation and mode) and
derandomized, so it sends the same requests on every run and takes well under a minute.
Each case runs through the app in process (schemathesis's ASGI transport), no socket.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from test_serve import build_sample_db
from threatline.serve import create_app

pytestmark = pytest.mark.model

#: Examples per operation and generation mode: 8 operations x 2 modes x 40 = about 600
#: requests; set THREATLINE_FUZZ_EXAMPLES for a longer run.
EXAMPLES_PER_RUN = int(os.environ.get("THREATLINE_FUZZ_EXAMPLES", "40"))

OPERATIONS = [
    "/api/events",
    "/api/timeline",
    "/api/events/{event_id}",
    "/api/actors",
    "/api/actors/{name_or_id}",
    "/api/articles",
    "/api/articles/{article_id}",
    "/api/stats",
]

#: Status codes seen per operation and mode, printed at the end of the module (-s).
SEEN: Counter[tuple[str, str, int]] = Counter()


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.schemas.BaseSchema:
    """The API's OpenAPI description, loaded from the app over the sample database."""
    app = create_app(str(build_sample_db(tmp_path_factory)))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_api_fuzz_describes_every_endpoint(api_schema: schemathesis.schemas.BaseSchema) -> None:
    """The description lists exactly the routes fuzzed below (a new route must be added)."""
    paths = {result.ok().path for result in api_schema.get_all_operations()}
    assert paths == set(OPERATIONS)


# The lazy ``schema.parametrize()`` integration of schemathesis 4.32 fails under pytest 9
# (it reads a private node attribute), so each operation's strategy is driven with
# hypothesis directly; the checks are the same (``call_and_validate`` runs all of them).
@pytest.mark.parametrize(
    "path,mode",
    [(path, GenerationMode.POSITIVE) for path in OPERATIONS]
    # /api/stats takes no parameters: there is nothing to make invalid.
    + [(path, GenerationMode.NEGATIVE) for path in OPERATIONS if path != "/api/stats"],
)
def test_api_fuzz_no_server_error_and_responses_conform(
    api_schema: schemathesis.schemas.BaseSchema, path: str, mode: GenerationMode
) -> None:
    """Any request the description allows (positive) or forbids (negative) gets a
    documented, schema-conforming answer, never a 5xx."""
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_RUN,
        derandomize=True,
        deadline=None,
        database=None,  # no example database: the same cases on every machine
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        # positive_data_acceptance is left out: some schema-valid values are still refused
        # with a documented 400/422, by design (an FTS5 query with a syntax error, a bbox
        # that is not four numbers, start after end); every other check runs.
        response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
        SEEN[(path, mode.value, response.status_code)] += 1

    run()
    sent = sum(n for (p, m, _), n in SEEN.items() if (p, m) == (path, mode.value))
    assert sent >= 1
    print(
        f"\nfuzz {path} {mode.value}: {sent} requests, statuses "
        f"{sorted({s for (p, m, s) in SEEN if (p, m) == (path, mode.value)})}"
    )


def test_api_fuzz_found_dates_given_as_numbers_are_refused(
    api_schema: schemathesis.schemas.BaseSchema,
) -> None:
    """Found by the fuzz run: ``end=0.0`` was read as a Unix time (1970-01-01) and
    answered 200; a date parameter now takes ``YYYY-MM-DD`` only."""
    from fastapi.testclient import TestClient

    client = TestClient(api_schema.app)
    for value in ("0", "0.0", "86400", "2024-05-14T00:00:00", "2024-5-1"):
        response = client.get("/api/events", params={"end": value})
        assert response.status_code == 422, (value, response.text)
        assert "end" in response.json()["error"]["message"]
    assert client.get("/api/timeline", params={"start": "2024-05-14"}).status_code == 200


def test_api_fuzz_detail_responses_of_stored_ids_conform(
    api_schema: schemathesis.schemas.BaseSchema,
) -> None:
    """Generated ids almost never exist, so the detail pages of every stored event,
    article and actor are checked against the description here (200s, not 404s)."""
    from fastapi.testclient import TestClient

    client = TestClient(api_schema.app)
    limit = {"limit": 1000}
    ids = {
        "/api/events/{event_id}": [
            item["id"] for item in client.get("/api/events", params=limit).json()["items"]
        ],
        "/api/articles/{article_id}": [
            item["id"] for item in client.get("/api/articles", params=limit).json()["items"]
        ],
        "/api/actors/{name_or_id}": [
            item["id"] for item in client.get("/api/actors", params=limit).json()["items"]
        ],
    }
    for path, values in ids.items():
        assert values, path
        operation = api_schema[path]["GET"]
        [name] = [part.strip("{}") for part in path.split("/") if part.startswith("{")]
        for value in values:
            case = operation.Case(path_parameters={name: value})
            response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
            assert response.status_code == 200, (path, value, response.text[:300])
