"""Scale: sharding, Parquet shards and their merge give the single process's store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from threatline.extract import Extractor
from threatline.ingest import read_paths
from threatline.models import Article, ArticleReport
from threatline.pipeline import IngestLimits, ingest_articles, ingest_paths
from threatline.scale import (
    merge_shards_into_store,
    plan_shards,
    read_shard,
    run_dask,
    shard_rows,
    write_shard,
)
from threatline.store import Store

pytest.importorskip("pyarrow")

LINES = [
    {"text": "Gunmen killed two police officers in Kaduna on Monday.", "published": "2024-02-19"},
    "this line is not JSON",
    {"text": "A car bomb exploded near a market in Peshawar, wounding nine people."},
    {"text": "   "},
    {"text": "Gunmen killed two police officers in Kaduna on Monday.", "url": "https://x.test/2"},
    {"text": "Rebels attacked an army post near Goma; FAIL three soldiers died."},
    {"text": "Police said the attackers fled towards the border after the raid."},
]


def _write_input(root: Path) -> Path:
    """A folder with two plain-text articles and a JSON Lines file with every kind of item:
    a bad line, an empty text, a duplicate across shards."""
    folder = root / "input"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Title: Attack\nPublished: 2024-05-14\n\nA suicide bomber struck a checkpoint in "
        "Peshawar on Tuesday, killing four soldiers.\n"
    )
    (folder / "b.txt").write_text(LINES[-1]["text"] + "\n")  # again as the last JSON line
    lines = [json.dumps(line) if isinstance(line, dict) else line for line in LINES]
    (folder / "c.jsonl").write_text("\n".join(lines) + "\n")
    return folder


# Texts over 66 characters are refused before extraction.
SHORT = IngestLimits(max_chars=66)


class FakeExtractor(Extractor):
    """The real batching and failure handling; a trivial report (no model). A text with
    FAIL in it raises."""

    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.blank("en")

    def report(self, article: Article, doc: Doc) -> ArticleReport:
        if "FAIL" in article.text:
            raise ValueError("made to fail")
        return ArticleReport(article=article)


def _contents(store: Store) -> tuple[list[dict], list[tuple[str, str, str]], dict[str, int]]:
    reports = [report.model_dump(mode="json") for report in store.iter_reports()]
    skips = [(skip.origin, skip.code, skip.reason) for skip in store.list_skips()]
    return reports, skips, store.counts()


def test_scale_shards_read_like_read_paths(tmp_path: Path) -> None:
    folder = _write_input(tmp_path)
    shards = plan_shards([folder], lines_per_shard=2)
    # two text files, then the 7 JSON lines in runs of 2
    assert [(Path(s.path).name, s.lines) for s in shards] == [
        ("a.txt", None), ("b.txt", None),
        ("c.jsonl", (0, 2)), ("c.jsonl", (2, 4)), ("c.jsonl", (4, 6)), ("c.jsonl", (6, 7)),
    ]  # fmt: skip
    sharded = [item for shard in shards for item in read_shard(shard)]
    assert sharded == list(read_paths([folder]))
    assert sharded[3].origin.endswith("c.jsonl:2")  # line numbers survive the split


def test_scale_merge_equals_single_process(tmp_path: Path) -> None:
    folder = _write_input(tmp_path)
    extractor = FakeExtractor()
    with Store.open(tmp_path / "single.sqlite") as single:
        expected_stats = ingest_articles(read_paths([folder]), single, extractor, limits=SHORT)
        expected = _contents(single)
    out = tmp_path / "shards"
    out.mkdir()
    for shard in plan_shards([folder], lines_per_shard=2):
        write_shard(shard_rows(read_shard(shard), extractor, limits=SHORT), out, shard.index)
    with Store.open(tmp_path / "merged.sqlite") as merged:
        stats = merge_shards_into_store(out, merged)
        assert _contents(merged) == expected
    assert (stats.stored, stats.duplicates, len(stats.skips)) == (
        expected_stats.stored, expected_stats.duplicates, len(expected_stats.skips),
    )  # fmt: skip
    # By hand: b.txt and Kaduna stored; the second Kaduna line and the last line (b.txt's
    # text, in another shard) are duplicates. Skips come in input order: a.txt is too long,
    # then the JSON lines: not JSON, too long, empty, FAIL.
    assert (stats.stored, stats.duplicates) == (2, 2)
    codes = ["too_large", "parse_error", "too_large", "no_text", "extract_error"]
    assert [skip.code for skip in stats.skips] == codes
    assert [code for _, code, _ in expected[1]] == codes


@pytest.mark.model
def test_scale_dask_equals_single_process_and_loads_once_per_worker(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder = _write_input(tmp_path)
    ingest_paths([folder], tmp_path / "single.sqlite")
    run = run_dask([folder], tmp_path / "shards", workers=2, lines_per_shard=2)
    assert len(run.shards) == 6
    assert sum(result.items for result in run.shards) == len(list(read_paths([folder])))
    # Six shards on two worker processes: each process built its extractor exactly once.
    assert run.loads_per_worker and set(run.loads_per_worker.values()) == {1}
    with Store.open(tmp_path / "merged.sqlite") as merged:
        merge_shards_into_store(tmp_path / "shards", merged)
        got = _contents(merged)
    with Store.open(tmp_path / "single.sqlite") as single:
        expected = _contents(single)
    assert got == expected
    assert any(report["events"] for report in got[0])  # real extraction ran
