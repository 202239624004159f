"""The HTTP API (threatline.serve) over a database built from the bundled samples plus a
hostile article, with FastAPI's test client."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from threatline.errors import StoreError
from threatline.serve import CONTENT_SECURITY_POLICY, MAX_LIMIT, create_app

REPO = Path(__file__).resolve().parents[1]

#: An article whose title, outlet, URL and text try to run script in a page that would
#: insert them as markup. Written for these tests.
HOSTILE_ARTICLE = """Title: Bomb <script>window.__pwned=1</script> in Kabul \
<img src=x onerror="window.__pwned=1"> <a href="javascript:window.__pwned=1">read</a>
Source: <b onmouseover="window.__pwned=1">Test Desk</b>
Published: 2024-03-02
URL: javascript:window.__pwned=1

KABUL, Afghanistan - A roadside bomb exploded near a market in Kabul on Friday, killing four \
people, police said. <script>window.__pwned=1</script>

Witnesses said the blast <img src=x onerror="window.__pwned=1"> shattered windows along the \
street. <a href="javascript:window.__pwned=1">More</a> <svg onload="window.__pwned=1"></svg>
"""

_BUILT: dict[str, Path] = {}


def build_sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples and the hostile article, ingested with the real model once per session
    (shared by the serve, export and web tests)."""
    if "db" not in _BUILT:
        from threatline.pipeline import ingest_paths

        folder = tmp_path_factory.mktemp("served")
        hostile = folder / "hostile"
        hostile.mkdir()
        (hostile / "hostile.txt").write_text(HOSTILE_ARTICLE)
        samples = folder / "samples"
        shutil.copytree(REPO / "samples", samples)
        db = folder / "events.sqlite"
        ingest_paths([samples, hostile], db)
        _BUILT["db"] = db
    return _BUILT["db"]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory)


@pytest.fixture(scope="module")
def client(sample_db: Path) -> TestClient:
    return TestClient(create_app(str(sample_db)))


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body["error"]["message"]


pytestmark = pytest.mark.model


def test_serve_events_lists_all_merged_events_in_a_stable_order(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    assert first["total"] >= 20 and len(first["items"]) == 5 and first["next_offset"] == 5
    everything = client.get("/api/events", params={"limit": MAX_LIMIT}).json()["items"]
    assert len(everything) == first["total"]
    paged = []
    for offset in range(0, first["total"], 5):
        paged += client.get("/api/events", params={"limit": 5, "offset": offset}).json()["items"]
    assert [e["id"] for e in paged] == [e["id"] for e in everything]
    dated = [e["date_start"] for e in everything if e["date_start"]]
    assert dated == sorted(dated)
    newest = client.get("/api/events", params={"sort": "-date", "limit": 1}).json()["items"][0]
    assert newest["date_start"] == max(dated)


def test_serve_events_filters_by_country_type_and_dates(client):
    pakistan = client.get("/api/events", params={"country": "pk"}).json()["items"]
    assert pakistan and {e["country"] for e in pakistan} == {"PK"}
    bombings = client.get("/api/events", params={"type": "suicide_bombing"}).json()["items"]
    assert bombings and {e["type"] for e in bombings} == {"suicide_bombing"}
    # The Peshawar bombing is written for 14 May 2024.
    may = client.get("/api/events", params={"start": "2024-05-14", "end": "2024-05-14"}).json()
    assert any(e["place_name"] == "Peshawar" for e in may["items"])
    assert all(e["date_start"] <= "2024-05-14" for e in may["items"])
    none = client.get("/api/events", params={"start": "2030-01-01"}).json()
    assert none["total"] == 0 and none["items"] == [] and none["next_offset"] is None


def test_serve_events_filters_by_bbox_place_actor_status_and_certainty(client):
    # Peshawar is at about 34.0 N, 71.6 E.
    box = client.get("/api/events", params={"bbox": "70,33,73,35"}).json()["items"]
    assert box and all(70 <= e["lon"] <= 73 and 33 <= e["lat"] <= 35 for e in box)
    assert client.get("/api/events", params={"place": "peSHAwar"}).json()["total"] >= 1
    by_name = client.get("/api/events", params={"actor": "Pakistani Taliban"}).json()["items"]
    by_id = client.get("/api/events", params={"actor": "ttp"}).json()["items"]
    assert by_name and [e["id"] for e in by_name] == [e["id"] for e in by_id]
    occurred = client.get("/api/events", params={"status": "occurred"}).json()["items"]
    assert occurred and {e["status"] for e in occurred} == {"occurred"}
    confirmed = client.get("/api/events", params={"min_certainty": "confirmed"}).json()["items"]
    assert confirmed and {e["certainty"] for e in confirmed} == {"confirmed"}
    claimed = client.get("/api/events", params={"min_certainty": "claimed"}).json()["items"]
    assert {e["certainty"] for e in claimed} <= {"claimed", "confirmed"}
    assert len(claimed) > len(confirmed)


def test_serve_events_full_text_search_finds_the_reporting_articles(client):
    found = client.get("/api/events", params={"q": "Kuriga"}).json()["items"]
    assert found and any(e["place_name"] == "Kuriga" for e in found)
    assert client.get("/api/events", params={"q": "zzyzxnothing"}).json()["total"] == 0


@pytest.mark.parametrize(
    "params,fragment",
    [
        ({"limit": 0}, "limit"),
        ({"limit": MAX_LIMIT + 1}, "limit"),
        ({"offset": -1}, "offset"),
        ({"start": "yesterday"}, "start"),
        ({"start": "2024-05-02", "end": "2024-05-01"}, "start must not be after end"),
        ({"bbox": "1,2,3"}, "four numbers"),
        ({"bbox": "10,20,5,30"}, "out of range"),
        ({"bbox": "a,b,c,d"}, "four numbers"),
        ({"country": "Pakistan"}, "country"),
        ({"type": "picnic"}, "type"),
        ({"status": "maybe"}, "status"),
        ({"min_certainty": "sure"}, "min_certainty"),
        ({"sort": "random"}, "sort"),
    ],
)
def test_serve_events_rejects_bad_parameters_with_json(client, params, fragment):
    message = _error(client.get("/api/events", params=params), 422, "invalid_parameter")
    assert fragment in message


def test_serve_events_bad_fulltext_query_is_a_400(client):
    message = _error(client.get("/api/events", params={"q": '"unclosed'}), 400, "invalid_query")
    assert "FTS5" in message


def test_serve_timeline_counts_the_filtered_events(client):
    days = client.get("/api/timeline", params={"country": "PK"}).json()
    listed = client.get("/api/events", params={"country": "PK"}).json()
    assert days["bucket"] == "day" and days["total"] == listed["total"]
    assert sum(b["count"] for b in days["buckets"]) + days["undated"] == days["total"]
    weeks = client.get("/api/timeline", params={"bucket": "week"}).json()
    import datetime as dt

    assert all(dt.date.fromisoformat(b["start"]).weekday() == 0 for b in weeks["buckets"])
    _error(client.get("/api/timeline", params={"bucket": "year"}), 422, "invalid_parameter")


def test_serve_event_has_reports_mentions_and_evidence_offsets(client):
    peshawar = client.get("/api/events", params={"place": "Peshawar"}).json()["items"]
    bombing = next(e for e in peshawar if e["type"] == "suicide_bombing")
    detail = client.get(f"/api/events/{bombing['id']}").json()
    assert detail["event"]["id"] == bombing["id"]
    assert detail["event"]["reports"]["fatalities"]
    assert len(detail["mentions"]) == detail["event"]["n_reports"]
    for mention in detail["mentions"]:
        article = client.get(f"/api/articles/{mention['article_id']}").json()
        text = article["report"]["article"]["text"]
        for span in mention["mention"]["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
    # A stored mention id finds its merged event too.
    key = detail["mentions"][0]["key"]
    assert client.get(f"/api/events/{key}").json()["event"]["id"] == bombing["id"]


def test_serve_event_unknown_or_malformed_ids(client):
    _error(client.get("/api/events/ev-000000000000"), 404, "not_found")
    _error(client.get("/api/events/bad id!"), 422, "invalid_parameter")


def test_serve_actors_list_filters_and_pages(client):
    page = client.get("/api/actors", params={"limit": 3}).json()
    assert len(page["items"]) == 3 and page["total"] > 3 and page["next_offset"] == 3
    names = [a["name"].lower() for a in client.get("/api/actors").json()["items"]]
    assert names == sorted(names)
    taliban = client.get("/api/actors", params={"name": "pakistani taliban"}).json()["items"]
    assert [a["id"] for a in taliban] == ["ttp"]
    groups = client.get("/api/actors", params={"kind": "armed_group"}).json()["items"]
    assert groups and {a["kind"] for a in groups} == {"armed_group"}
    _error(client.get("/api/actors", params={"kind": "alien"}), 422, "invalid_parameter")


def test_serve_actor_profile_by_id_or_alias(client):
    by_alias = client.get("/api/actors/TTP").json()
    assert by_alias["profile"]["id"] == "ttp"
    assert "Pakistani Taliban" in by_alias["profile"]["aliases"]
    event_ids = {e["id"] for e in by_alias["events"]}
    assert event_ids == {i for ids in by_alias["profile"]["events"].values() for i in ids}
    _error(client.get("/api/actors/nobody-at-all"), 404, "not_found")


def test_serve_articles_list_search_and_text(client):
    page = client.get("/api/articles").json()
    assert page["total"] == 10  # nine sample articles and the hostile one
    dates = [a["published"] for a in page["items"] if a["published"]]
    assert dates == sorted(dates, reverse=True)
    kabul = client.get("/api/articles", params={"q": "Kabul"}).json()["items"]
    assert len(kabul) == 1 and "<script>" in kabul[0]["title"]
    detail = client.get(f"/api/articles/{kabul[0]['id']}").json()
    assert "<script>window.__pwned=1</script>" in detail["report"]["article"]["text"]
    for mention in detail["report"]["events"]:
        assert detail["merged"][mention["id"]].startswith("ev-")
    _error(client.get("/api/articles/" + "0" * 64), 404, "not_found")
    _error(client.get("/api/articles/not-a-hash"), 422, "invalid_parameter")
    _error(client.get("/api/articles", params={"q": "AND"}), 400, "invalid_query")


def test_serve_stats_counts_and_facets(client):
    stats = client.get("/api/stats").json()
    assert stats["counts"]["articles"] == 10
    assert sum(stats["types"].values()) == stats["counts"]["merged_events"]
    assert "PK" in stats["countries"] and stats["first_date"] <= stats["last_date"]


def test_serve_openapi_describes_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/timeline",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/actors/{name_or_id}",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/stats",
    } <= set(spec["paths"])


def test_serve_security_headers_on_every_response(client):
    for path in ["/", "/static/app.js", "/api/events", "/api/events/nope", "/openapi.json"]:
        response = client.get(path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY


def test_serve_is_read_only_and_limits_requests(client, sample_db):
    _error(client.post("/api/events"), 405, "method_not_allowed")
    _error(client.delete("/api/events/ev-000000000000"), 405, "method_not_allowed")
    big = client.request("GET", "/api/events", content=b"x" * 100_000)
    _error(big, 413, "request_too_large")
    # The connections themselves refuse writes.
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    with client.app.state.store.engine.connect() as connection, pytest.raises(OperationalError):
        connection.execute(text("DELETE FROM articles"))
    assert client.get("/api/stats").json()["counts"]["articles"] == 10


def test_serve_token_guards_the_api(sample_db):
    guarded = TestClient(create_app(str(sample_db), token="s3cret"))
    _error(guarded.get("/api/events"), 401, "unauthorized")
    _error(
        guarded.get("/api/events", headers={"Authorization": "Bearer wrong"}), 401, "unauthorized"
    )
    ok = guarded.get("/api/events", headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200
    assert guarded.get("/").status_code == 200  # the page itself is static


def test_serve_allowed_hosts_refuse_other_host_headers(sample_db):
    local = TestClient(create_app(str(sample_db), allowed_hosts=["127.0.0.1"]))
    _error(local.get("/api/stats", headers={"Host": "evil.example:80"}), 400, "bad_host")
    assert local.get("/api/stats", headers={"Host": "127.0.0.1"}).status_code == 200


def test_serve_refuses_a_missing_database(tmp_path):
    with pytest.raises(StoreError, match="No database"):
        create_app(str(tmp_path / "missing.sqlite"))
    assert not (tmp_path / "missing.sqlite").exists()
