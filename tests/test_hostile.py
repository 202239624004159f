"""Hostile and broken input: a generated corpus through ``ingest_paths`` into a store that
already holds good articles. Nothing crashes, every item is accounted for, nothing stored
before changes."""

from __future__ import annotations

import gzip
import json
import random
import sqlite3
import time
from pathlib import Path

import pytest

from threatline.extract import Extractor
from threatline.numbers import MAX_PLAUSIBLE_CASUALTIES
from threatline.pipeline import IngestStats, ingest_paths

REPO = Path(__file__).resolve().parents[1]

GOOD = [
    (
        "Title: Market bombing in Mosul\nPublished: 2024-03-10\nURL: https://example.org/mosul\n\n"
        "A car bomb went off beside a busy market in Mosul on Sunday; four people died and "
        "eleven were hurt, police said.\n\nNo group has claimed responsibility."
    ),
    (
        "Title: Kidnapping in Kaduna\nPublished: 2024-02-20\n\n"
        "Gunmen abducted twelve passengers from a bus on the Kaduna-Abuja highway on Monday "
        "night, a police spokesman said on Tuesday."
    ),
    (
        "Title: Attack on a checkpoint\nPublished: 2024-05-14\n\n"
        "Militants attacked a police checkpoint outside Peshawar on Tuesday, killing two "
        "officers. The Pakistani Taliban said they carried out the attack."
    ),
]

RUSSIAN = (
    "Во вторник вечером в центре города прогремел взрыв. По словам полиции, погибли три "
    "человека, ещё семеро получили ранения. Ответственность за нападение пока никто не взял."
)
ARABIC = (
    "انفجرت سيارة مفخخة قرب سوق مزدحم في المدينة يوم الأحد، مما أدى إلى مقتل أربعة أشخاص "
    "وإصابة أحد عشر آخرين، بحسب ما أفادت الشرطة. ولم تعلن أي جهة مسؤوليتها عن الهجوم."
)
PERSIAN = (
    "روز یکشنبه یک خودروی بمب‌گذاری‌شده در نزدیکی بازار شهر منفجر شد و چهار نفر کشته و "
    "یازده نفر دیگر زخمی شدند. پلیس گفت هیچ گروهی مسئولیت این حمله را بر عهده نگرفته است."
)
ABSURD = (
    "A suicide bomber blew himself up at a crowded market in Kabul on Monday, killing "
    "10,000,000 people, a spokesman for the interior ministry said."
)
ENGLISH_CP1252 = (
    "Title: Café attack\n\nA grenade was thrown into a café in Bamako on Friday — two "
    "customers were hurt, the owner said."
)


def write_good(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for number, text in enumerate(GOOD, start=1):
        path = folder / f"good-{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def write_hostile(folder: Path) -> dict[str, set[str]]:
    """Write the hostile corpus; return origin -> the outcomes it may have ("stored",
    "duplicate", or a skip code). Every origin yields exactly one item."""
    folder.mkdir()
    (folder / "explicit").mkdir()
    expected: dict[str, set[str]] = {}

    def put(name: str, data: bytes | str, *outcomes: str) -> Path:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        expected[str(path)] = set(outcomes)
        return path

    put("empty.txt", b"", "empty")
    put("blank.txt", b"  \n\t\n\x0b\x0c  ", "empty")
    rng = random.Random(7)
    put("binary.txt", bytes(rng.randrange(256) for _ in range(4096)) + b"\x00", "binary")
    put("controls", b"\x01\x02\x03\x04" * 100, "binary")
    # Named on the command line (a directory walk leaves such extensions out).
    put("explicit/picture.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "unsupported")
    put("explicit/archive.gz", gzip.compress(b"hello"), "unsupported")
    # 50 MB: rejected by its size before it is read, let alone parsed.
    huge = folder / "huge.html"
    with huge.open("wb") as handle:
        handle.write(b"<html><body>")
        chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
        handle.write(b"</body></html>")
    expected[str(huge)] = {"too_large"}
    # 2 MB in one paragraph: readable, but over the per-article character limit.
    put("paragraph.txt", "Gunmen fired on a bus near the border. " * 54_000, "too_large")
    put("russian.txt", RUSSIAN, "not_english")
    put("arabic.txt", ARABIC, "not_english")
    put("persian.txt", PERSIAN, "not_english")
    put("cp1252.txt", ENGLISH_CP1252.encode("cp1252"), "stored")
    # UTF-8 then a stray Latin-1 byte: decoded as cp1252 (mojibake, but text).
    put(
        "mixed.txt",
        "Police in Zürich said a parcel bomb wounded a postal worker on Monday.".encode()
        + b" The caf\xe9 nearby was closed.",
        "stored",
    )
    put("bad-date.txt", "Published: 32/13/2024\n\n" + GOOD[0].split("\n\n", 1)[1], "bad_date")
    put("tiny.html", "<html><body><div><p>Home | News</b></div>", "no_text")
    put(
        "malformed.html",
        "<html><head><title>Blast</title><body><div><p>A roadside bomb struck a military "
        "convoy near Gao on Wednesday, killing three soldiers, the army said.<p>Officials "
        "said the convoy was carrying supplies to a base in the north.</div></span></i>"
        "<script>alert(1)</script><p>Investigators were sent to the scene on Thursday",
        "stored",
        "no_text",
    )
    truncated = put("truncated.rss", "<?xml version='1.0'?><rss><channel><item><title>x")
    del expected[str(truncated)]
    expected[f"{truncated}#entry-1"] = {"no_text"}  # feedparser reads the one entry begun
    put("not-a-feed.xml", "<?xml version='1.0'?><note><to>x</to></note>", "unsupported")
    atom = folder / "bad-date.atom"
    atom.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Wire</title><entry><title>Blast</title><updated>32/13/2024</updated>"
        "<content type='html'>&lt;p&gt;A bomb exploded in Quetta on Monday, killing two "
        "people and wounding nine, police said.&lt;/p&gt;</content></entry></feed>",
        encoding="utf-8",
    )
    expected[f"{atom}#entry-1"] = {"bad_date"}
    put("garbage.warc", b"WARC/1.0\r\nWARC-Type: resp" + bytes(range(256)), "parse_error",
        "no_text")  # fmt: skip
    put("fake.warc", b"this is not an archive at all", "parse_error")
    lines = folder / "wire.jsonl"
    lines.write_bytes(
        _jsonl(
            {"url": "https://a.example/1", "text": GOOD[1].split("\n\n", 1)[1]},
            '{"url": "https://a.example/2", "text": "unterminated',
            "[1, 2, 3]",
            {"url": "https://a.example/4", "title": "no text field"},
            {"text": "Two people were shot in Lagos on Friday.", "published": "32/13/2024"},
            {"text": RUSSIAN.replace("три", "два")},
            {"url": "https://b.example/absurd", "published": "2024-04-01", "text": ABSURD},
            {"text": "The attack happened on 32/13/2024 in Kandahar, when a bomb killed "
             "two people and wounded five, officials said.", "published": "2024-04-02"},
        ).encode()
        + b'{"text": "Gunmen killed a trader in Maiduguri on Sunday \xff\xfe, police said."}\n'
    )  # fmt: skip
    for number, outcomes in {
        1: {"duplicate"},  # the text of good-2, under another URL
        2: {"parse_error"},
        3: {"parse_error"},
        4: {"no_text"},
        5: {"bad_date"},
        6: {"not_english"},
        7: {"stored"},
        8: {"stored"},
        9: {"stored"},  # the file is not UTF-8: read as cp1252
    }.items():
        expected[f"{lines}:{number}"] = outcomes
    # The same article twice in the corpus under different names: stored once.
    put("copy-a.txt", "URL: https://c.example/a\n\n" + ABSURD.replace("Kabul", "Herat"),
        "stored")  # fmt: skip
    put("copy-b.txt", "URL: https://c.example/b\n\n" + ABSURD.replace("Kabul", "Herat"),
        "duplicate")  # fmt: skip
    return expected


DUMPED_TABLES = ("articles", "reports", "events", "facts", "article_actors")


def dump(db: Path, article_ids: set[str]) -> dict[str, list[tuple]]:
    """Every row of the per-article tables that belongs to ``article_ids``."""
    connection = sqlite3.connect(db)
    try:
        result = {}
        for table in DUMPED_TABLES:
            key = "id" if table == "articles" else "article_id"
            rows = connection.execute(f"select * from {table} order by 1, 2").fetchall()
            columns = [c[1] for c in connection.execute(f"pragma table_info({table})")]
            index = columns.index(key)
            result[table] = [row for row in rows if row[index] in article_ids]
        return result
    finally:
        connection.close()


def outcomes_by_origin(stats: IngestStats, db: Path, expected: dict[str, set[str]]) -> dict:
    """origin -> outcome, from the skips of the run and the stored articles' origins."""
    found: dict[str, str] = {skip.origin: skip.code for skip in stats.skips}
    connection = sqlite3.connect(db)
    stored = {row[0] for row in connection.execute("select origin from articles")}
    connection.close()
    for origin in expected:
        if origin not in found:
            found[origin] = "stored" if origin in stored else "duplicate"
    return found


@pytest.fixture(scope="module")
def extractor(nlp, gazetteer, actor_kb) -> Extractor:
    return Extractor(nlp=nlp, gazetteer=gazetteer, actor_kb=actor_kb)


@pytest.mark.model
def test_hostile_corpus_is_accounted_for_and_leaves_stored_rows_alone(
    tmp_path: Path, extractor: Extractor
) -> None:
    db = tmp_path / "events.sqlite"
    first = ingest_paths(write_good(tmp_path / "good"), db, extractor=extractor)
    assert first.stored == len(GOOD) and not first.skips
    connection = sqlite3.connect(db)
    good_ids = {row[0] for row in connection.execute("select id from articles")}
    connection.close()
    before = dump(db, good_ids)
    assert before["events"], "the good articles should give events"

    expected = write_hostile(tmp_path / "hostile")
    started = time.perf_counter()
    inputs = [tmp_path / "hostile", *sorted((tmp_path / "hostile" / "explicit").iterdir())]
    stats = ingest_paths(inputs, db, extractor=extractor)
    elapsed = time.perf_counter() - started

    assert stats.items == len(expected)
    assert stats.stored + stats.duplicates + len(stats.skips) == stats.items
    outcomes = outcomes_by_origin(stats, db, expected)
    wrong = {o: (outcomes[o], want) for o, want in expected.items() if outcomes[o] not in want}
    assert not wrong
    assert all(skip.reason.strip() for skip in stats.skips)
    assert dump(db, good_ids) == before
    assert elapsed < 60  # the 50 MB page and the 2 MB paragraph are rejected before parsing

    connection = sqlite3.connect(db)
    biggest = connection.execute(
        "select max(max(coalesce(fatalities_max, 0), coalesce(fatalities_min, 0))) from events"
    ).fetchone()[0]
    languages = dict(connection.execute("select origin, language from articles"))
    recorded = connection.execute("select origin, code from skips").fetchall()
    connection.close()
    assert biggest <= MAX_PLAUSIBLE_CASUALTIES
    assert set(languages.values()) == {"en"}
    # Every skip of the run, and each notice, is in the store once.
    assert sorted(recorded) == sorted({(s.origin, s.code) for s in [*stats.skips, *stats.notices]})
    # The absurd count was kept as text, stored as unknown, and said so.
    notices = {(n.origin, n.code) for n in stats.notices}
    assert (f"{tmp_path / 'hostile' / 'wire.jsonl'}:7", "implausible_count") in notices
    # Skipped non-English texts name their language.
    reasons = {s.origin: s.reason for s in stats.skips if s.code == "not_english"}
    assert "language ru" in reasons[str(tmp_path / "hostile" / "russian.txt")]
    assert "language fa" in reasons[str(tmp_path / "hostile" / "persian.txt")]
    assert "language ar" in reasons[str(tmp_path / "hostile" / "arabic.txt")]

    # A second run of the same corpus stores nothing and records no skip twice.
    again = ingest_paths(inputs, db, extractor=extractor)
    assert again.stored == 0
    assert again.items == stats.items
    connection = sqlite3.connect(db)
    assert connection.execute("select count(*) from skips").fetchone()[0] == len(recorded)
    connection.close()
