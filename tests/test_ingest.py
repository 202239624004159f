"""Ingest: every format, and every kind of bad input, from small hand-made files."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from threatline.errors import ConfigError, InputError
from threatline.ingest import (
    MucDateline,
    decode_bytes,
    parse_muc_dateline,
    read_muc4,
    read_path,
    read_paths,
    split_text_header,
)
from threatline.models import Article, Skip, normalize_text

REPO = Path(__file__).resolve().parents[1]

BODY = (
    "A car bomb exploded near a market in Mosul on Sunday, killing four people.\n\n"
    "Police said a second device was defused an hour later."
)


def articles(items: list[Article | Skip]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def skips(items: list[Article | Skip]) -> list[Skip]:
    return [item for item in items if isinstance(item, Skip)]


# --------------------------------------------------------------------------- plain text


def test_ingest_text_header_block(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Title: Bomb in Mosul\nSource: Tigris Times\nPublished: 2024-03-10\n"
        "URL: https://example.org/a\n\n" + BODY,
        encoding="utf-8",
    )
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert article.title == "Bomb in Mosul"
    assert article.source == "Tigris Times"
    assert article.published == dt.date(2024, 3, 10)
    assert article.url == "https://example.org/a"
    assert article.text == BODY
    assert article.origin == str(path)


def test_ingest_text_without_header_keeps_first_line(tmp_path: Path) -> None:
    # A one-line lead paragraph must not be mistaken for a title.
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    [article] = list(read_path(path))
    assert article.title is None
    assert article.text.startswith("A car bomb exploded")


def test_ingest_text_header_needs_known_keys() -> None:
    text = "Note: this is not a header\nTitle: x\n\nBody."
    assert split_text_header(text) == ({}, text)


def test_ingest_text_bad_published_date_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Published: last Tuesday\n\n" + BODY, encoding="utf-8")
    [skip] = list(read_path(path))
    assert isinstance(skip, Skip)
    assert skip.code == "bad_date"
    assert "YYYY-MM-DD" in skip.reason


def test_ingest_published_argument_overrides(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Published: 2024-03-10\n\n" + BODY, encoding="utf-8")
    [article] = list(read_path(path, published=dt.date(2020, 1, 2)))
    assert article.published == dt.date(2020, 1, 2)


def test_ingest_article_id_is_hash_of_normalized_text(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(BODY, encoding="utf-8")
    second.write_text("\r\n" + BODY.replace("\n", "\r\n") + "  \r\n", encoding="utf-8")
    [a], [b] = list(read_path(first)), list(read_path(second))
    assert a.id == b.id
    assert a.text == normalize_text(BODY)


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Gunmen storm hotel in Mogadishu | Horn Report</title>
<meta name="author" content="Omar Farah">
<meta property="og:site_name" content="Horn Report">
<meta property="og:title" content="Gunmen storm hotel in Mogadishu">
<meta property="article:published_time" content="2024-03-15T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Sign in to read</a></nav>
<article><h1>Gunmen storm hotel in Mogadishu</h1>
<p>Gunmen stormed a hotel near the presidential palace in Mogadishu on Thursday night,
killing at least three people before security forces ended the siege on Friday morning.</p>
<p>A security official said five attackers were killed and that several guests were
rescued from the upper floors of the building.</p>
<p>The siege lasted about eleven hours, witnesses told reporters at the scene.</p>
</article>
<footer>Copyright 2024 Horn Report. Cookie settings. Subscribe to our newsletter.</footer>
</body></html>"""


def test_ingest_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert article.text.startswith("Gunmen stormed a hotel")
    assert "eleven hours" in article.text
    for boilerplate in ("Sign in to read", "Cookie settings", "newsletter"):
        assert boilerplate not in article.text
    assert article.title == "Gunmen storm hotel in Mogadishu"
    assert article.author == "Omar Farah"
    assert article.source == "Horn Report"
    assert article.published == dt.date(2024, 3, 15)
    assert "\n\n" in article.text  # paragraphs kept apart


def test_ingest_html_without_text_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(
        '<html><body><nav><a href="/">Home</a> | <a href="/w">World</a></nav>'
        "<footer>Copyright 2024</footer></body></html>",
        encoding="utf-8",
    )
    [skip] = list(read_path(path))
    assert isinstance(skip, Skip)
    assert skip.code == "no_text"
    assert "not an article" in skip.reason


# --------------------------------------------------------------------------- JSON Lines


def test_ingest_jsonl_bad_line_skipped_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"url": "https://example.org/1", "title": "One", "source": "Wire", '
        '"published": "2024-01-05", "text": "Rebels attacked a convoy near Goma."}\n'
        '{"title": "broken", "text": \n'
        "\n"
        '{"title": "no body"}\n'
        '{"text": "Two soldiers died.", "published": "05/01/2024 or so"}\n'
        '["not", "an", "object"]\n'
        '{"text": "Police arrested four men in Lyon.", "published": "2024-01-07T10:00:00Z"}\n',
        encoding="utf-8",
    )
    items = list(read_path(path))
    found = articles(items)
    assert [a.text for a in found] == [
        "Rebels attacked a convoy near Goma.",
        "Police arrested four men in Lyon.",
    ]
    assert found[0].url == "https://example.org/1"
    assert found[0].published == dt.date(2024, 1, 5)
    assert found[1].published == dt.date(2024, 1, 7)
    assert found[1].origin == f"{path}:7"
    problems = {(s.origin, s.code) for s in skips(items)}
    assert problems == {
        (f"{path}:2", "parse_error"),
        (f"{path}:4", "no_text"),
        (f"{path}:5", "bad_date"),
        (f"{path}:6", "parse_error"),
    }
    line_two = next(s for s in skips(items) if s.origin.endswith(":2"))
    assert "Line 2" in line_two.reason


# --------------------------------------------------------------------------- feeds

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Sahel Watch</title><link>https://example.org</link>
<item><title>Attack on army post in Mali</title>
<link>https://example.org/mali-post</link>
<pubDate>Mon, 04 Mar 2024 10:00:00 +0000</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Militants attacked an army post near Mopti on Sunday,
killing six soldiers.</p><p>The army said it repelled the assault.</p>]]></content:encoded>
</item>
<item><title>Curfew in Niamey</title><link>https://example.org/niamey</link>
<pubDate>Tue, 05 Mar 2024 09:00:00 +0000</pubDate>
<description>&lt;p&gt;Authorities imposed a curfew in Niamey after clashes.&lt;/p&gt;</description>
</item>
<item><title>Empty item</title><link>https://example.org/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Andes Desk</title>
<entry><title>Bomb defused in Lima</title><link href="https://example.org/lima"/>
<id>urn:1</id><updated>2024-02-01T12:00:00Z</updated>
<summary type="html">&lt;p&gt;Police defused a bomb outside a bank in Lima.&lt;/p&gt;</summary>
</entry></feed>"""


def test_ingest_rss_entries_with_content_or_summary(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_path(path))
    first, second = articles(items)
    assert first.title == "Attack on army post in Mali"
    assert first.url == "https://example.org/mali-post"
    assert first.published == dt.date(2024, 3, 4)
    assert first.source == "Sahel Watch"
    assert first.text.startswith("Militants attacked an army post near Mopti")
    assert "repelled the assault" in first.text
    assert "<p>" not in first.text
    assert second.text == "Authorities imposed a curfew in Niamey after clashes."
    assert first.origin == f"{path}#entry-1"
    [empty] = skips(items)
    assert (empty.origin, empty.code) == (f"{path}#entry-3", "no_text")


def test_ingest_atom_in_xml_file_detected_by_root(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert article.url == "https://example.org/lima"
    assert article.published == dt.date(2024, 2, 1)
    assert article.text == "Police defused a bomb outside a bank in Lima."


def test_ingest_xml_that_is_not_a_feed_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><records><r>1</r></records>", encoding="utf-8")
    [skip] = list(read_path(path))
    assert isinstance(skip, Skip)
    assert skip.code == "unsupported"


def test_ingest_malformed_feed_is_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("just words, no feed here", encoding="utf-8")
    [skip] = list(read_path(path))
    assert isinstance(skip, Skip)
    assert skip.code == "parse_error"


def test_ingest_truncated_feed_item_without_text(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text("<rss><channel><item><title>half", encoding="utf-8")
    [skip] = list(read_path(path))
    assert isinstance(skip, Skip)
    assert (skip.code, skip.origin) == ("no_text", f"{path}#entry-1")


# --------------------------------------------------------------------------- WARC


def _warc_bytes(gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)

    def response(url: str, content_type: str, payload: bytes) -> None:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)

    page = PAGE.encode("utf-8")
    response("https://example.org/hotel", "text/html; charset=utf-8", page)
    response("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00")
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/other", "request", payload=io.BytesIO(b"GET / HTTP/1.0\r\n\r\n")
        )
    )
    response("https://example.org/empty", "text/html", b"<html><body></body></html>")
    return buffer.getvalue()


@pytest.mark.parametrize("compressed", [False, True])
def test_ingest_warc_html_responses(tmp_path: Path, compressed: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(_warc_bytes(gzip=compressed))
    items = list(read_path(path))
    [article] = articles(items)
    assert article.url == "https://example.org/hotel"
    assert article.text.startswith("Gunmen stormed a hotel")
    assert article.origin == f"{path}#record-1"
    [empty] = skips(items)
    assert empty.code == "no_text"
    assert empty.origin == f"{path}#record-4"


def test_ingest_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    data = _warc_bytes(gzip=False)
    path = tmp_path / "cut.warc"
    cut = data.index(b"WARC/1", 10)  # start of the second record
    path.write_bytes(data[: cut + 40])
    items = list(read_path(path))
    assert len(articles(items)) == 1
    assert [s.code for s in skips(items)] == ["parse_error"]


def test_ingest_not_a_warc_is_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive\n", encoding="utf-8")
    [skip] = list(read_path(path))
    assert isinstance(skip, Skip)
    assert skip.code == "parse_error"


# --------------------------------------------------------------------------- bad files


def test_ingest_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    [skip] = list(read_path(path))
    assert (skip.code, skip.origin) == ("empty", str(path))


def test_ingest_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    [skip] = list(read_path(path))
    assert isinstance(skip, Skip)
    assert skip.code == "binary"


def test_ingest_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 10, encoding="utf-8")
    [skip] = list(read_path(path, max_bytes=100))
    assert isinstance(skip, Skip)
    assert skip.code == "too_large"
    assert "max_bytes" in skip.reason


def test_ingest_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    [skip] = list(read_path(path))
    assert isinstance(skip, Skip)
    assert skip.code == "unsupported"


def test_ingest_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("The minister\u2019s convoy was attacked near Asunción.".encode("cp1252"))
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert article.text == "The minister\u2019s convoy was attacked near Asunción."


def test_ingest_decode_bytes_order() -> None:
    assert decode_bytes("café".encode()) == "café"
    assert decode_bytes("café".encode("utf-16")) == "café"
    # A declared encoding is tried before cp1252 (0xC1 is "а" in KOI8-R, "Á" in cp1252).
    assert decode_bytes(b'<meta charset="koi8-r">\xc1') == '<meta charset="koi8-r">а'
    assert decode_bytes(b"abc\x00def") is None


def test_ingest_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        read_path(tmp_path / "nothing.txt")


def test_ingest_unknown_format_raises(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(ConfigError, match="Unknown input format"):
        read_path(tmp_path / "a.txt", fmt="docx")


def test_ingest_format_override(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    [article] = list(read_path(path, fmt="html"))
    assert article.text.startswith("Gunmen stormed a hotel")


def test_ingest_directory_recursive_sorted_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article text.", encoding="utf-8")
    (tmp_path / "b" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third article text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Editor state.", encoding="utf-8")
    (tmp_path / "README.md").write_text("About these files.", encoding="utf-8")
    items = list(read_path(tmp_path))
    assert [type(i).__name__ for i in items] == ["Article", "Skip", "Article", "Article"]
    assert [a.text for a in articles(items)] == [
        "First article text.",
        "Second article text.",
        "Third article text.",
    ]


def test_ingest_read_paths_chains(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First article text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second article text.", encoding="utf-8")
    items = list(read_paths([tmp_path / "b.txt", str(tmp_path / "a.txt")]))
    assert [a.text for a in articles(items)] == ["Second article text.", "First article text."]


# --------------------------------------------------------------------------- MUC-4

# Two messages in the MUC-4 layout, written for this test.
MUC = """TST9-MUC3-0001

   QUITO, 4 MAR 90 (RADIO EXAMPLE) -- [TEXT] A BOMB EXPLODED TODAY AT A
POWER PYLON NEAR THE AIRPORT, CAUSING A BLACKOUT IN THE NORTH OF THE
CITY.

   NO ONE WAS HURT, POLICE SAID.


DEV-MUC3-0002 (NOSC)

   NO CITY, NO DATE -- [COMMUNIQUE] [TEXT] THE COMMAND ANNOUNCES A
TRUCE FOR THE HOLIDAYS.
"""


def test_ingest_muc4_messages_split(tmp_path: Path) -> None:
    path = tmp_path / "messages"  # no extension: detected by content
    path.write_text(MUC, encoding="ascii")
    first, second = list(read_path(path))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "TST9-MUC3-0001"
    assert first.published == dt.date(1990, 3, 4)
    assert first.source == "RADIO EXAMPLE"
    assert first.origin == f"{path}#TST9-MUC3-0001"
    assert first.text == (
        "QUITO, 4 MAR 90 (RADIO EXAMPLE) -- [TEXT] A BOMB EXPLODED TODAY AT A POWER PYLON "
        "NEAR THE AIRPORT, CAUSING A BLACKOUT IN THE NORTH OF THE CITY.\n\n"
        "NO ONE WAS HURT, POLICE SAID."
    )
    assert second.title == "DEV-MUC3-0002"
    assert second.published is None
    assert second.source is None
    assert list(read_muc4(path)) == [first, second]


def test_ingest_muc4_year_from_earlier_message(tmp_path: Path) -> None:
    path = tmp_path / "messages.txt"
    path.write_text(
        "DEV-MUC3-0001 (NOSC)\n\n   LIMA, 30 DEC 89 (EFE) -- [TEXT] ONE.\n\n"
        "DEV-MUC3-0002 (NOSC)\n\n   LIMA, 7 FEB (EFE) -- [TEXT] TWO.\n",
        encoding="ascii",
    )
    first, second = list(read_muc4(path))
    assert first.published == dt.date(1989, 12, 30)
    assert second.published == dt.date(1989, 2, 7)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "SAN SALVADOR, 17 NOV 89 (RADIO) -- [REPORT]",
            MucDateline("SAN SALVADOR", dt.date(1989, 11, 17), "RADIO"),
        ),
        ("SANTIAGO, 5 JAN 90 -- [EXCERPTS]", MucDateline("SANTIAGO", dt.date(1990, 1, 5), None)),
        (
            "CLANDESTINE, 8 JAN 90 (RADIO VENCEREMOS)-- [TEXT]",
            MucDateline("CLANDESTINE", dt.date(1990, 1, 8), "RADIO VENCEREMOS"),
        ),
        (
            "ROME (ITALY), 11 JAN 90 -- [INTERVIEW]",
            MucDateline("ROME", dt.date(1990, 1, 11), None, country="ITALY"),
        ),
        ("BOGOTA, 18 APRIL 89 (AFP) --", MucDateline("BOGOTA", dt.date(1989, 4, 18), "AFP")),
        (
            "TAIPEI (TAIWAN), 4 SEPT 89 (CNA) --",
            MucDateline("TAIPEI", dt.date(1989, 9, 4), "CNA", country="TAIWAN"),
        ),
        (
            "PERTH (AUSTRALIA), JUNE 11 89 (AFP) --",
            MucDateline("PERTH", dt.date(1989, 6, 11), "AFP", country="AUSTRALIA"),
        ),
        (
            "BOGOTA, 12 MAR 90 [NATIONAL TELEVISION CHANNEL 2) -- [SPEECH]",
            MucDateline("BOGOTA", dt.date(1990, 3, 12), "NATIONAL TELEVISION CHANNEL 2"),
        ),
        (
            "SAN SALVADOR, 17 NOV 89 (INTERPRESS AGENCY [IPS]) -- [TEXT]",
            MucDateline("SAN SALVADOR", dt.date(1989, 11, 17), "INTERPRESS AGENCY [IPS]"),
        ),
        ("LIMA, NO DATE (TELEVISION PERUANA) --", MucDateline("LIMA", None, "TELEVISION PERUANA")),
        ("NO CITY (PERU), NO DATE --", MucDateline(None, None, None, country="PERU")),
        ("TEGUCIGALPA, 7 FEB (REUTER) --", MucDateline("TEGUCIGALPA", None, "REUTER")),
        ("LIMA, 31 FEB 90 (EFE) --", MucDateline("LIMA", None, "EFE")),
    ],
)
def test_ingest_muc_dateline_variants(line: str, expected: MucDateline) -> None:
    parsed = parse_muc_dateline(line)
    assert parsed is not None
    assert (parsed.place, parsed.date, parsed.source, parsed.country) == (
        expected.place,
        expected.date,
        expected.source,
        expected.country,
    )
    assert line[: parsed.end].rstrip().endswith("--")


def test_ingest_muc_dateline_default_year_and_absent() -> None:
    parsed = parse_muc_dateline("TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT]", default_year=1990)
    assert parsed is not None and parsed.date == dt.date(1990, 2, 7)
    assert parse_muc_dateline("THE ARMY SAID, 3 DEAD AND MORE -- LATER") is None
    assert parse_muc_dateline("THE ARMY REPORTED TODAY THAT THREE DIED.") is None


def test_ingest_muc4_bench_file_all_messages(bench_dir: Path) -> None:
    path = bench_dir / "muc4" / "dev" / "dev-muc3-0001-0100"
    items = list(read_muc4(path))
    assert len(items) == 100
    assert all(isinstance(item, Article) for item in items)
    assert [a.title for a in items] == [f"DEV-MUC3-{n:04d}" for n in range(1, 101)]
    # Every message in this file has a dated dateline (0075 without a year).
    assert all(a.published is not None for a in articles(items))
    first = items[0]
    assert first.published == dt.date(1990, 1, 3)  # "SAN SALVADOR, 3 JAN 90 --"
    assert first.text.startswith("SAN SALVADOR, 3 JAN 90 -- [REPORT]")
    assert len({a.id for a in articles(items)}) == 100


def test_ingest_muc4_bench_undated_only_where_no_date(bench_dir: Path) -> None:
    files = sorted((bench_dir / "muc4" / "dev").glob("dev-muc3-*"))
    files += [bench_dir / "muc4" / "tst1" / "tst1-muc3", bench_dir / "muc4" / "tst2" / "tst2-muc4"]
    found = articles([item for path in files for item in read_muc4(path)])
    assert len(found) == 1500
    undated = {a.title for a in found if a.published is None}
    marked = {a.title for a in found if re.match(r"[^,]*, NO DATE\b", a.text)}
    assert undated == marked
    assert sum(1 for a in found if a.source) > 1350


# --------------------------------------------------------------------------- samples


def test_ingest_samples_folder_reads_cleanly() -> None:
    items = list(read_path(REPO / "samples"))
    assert skips(items) == []
    found = articles(items)
    assert len(found) == 9
    assert all(a.published is not None for a in found)
    assert sum(1 for a in found if a.title and a.title.startswith("DEV-MUC3-")) == 3


# --------------------------------------------------------------------------- language


def test_ingest_sets_language_from_the_text(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text(
        "Language: en\n\nВо вторник вечером в центре города прогремел взрыв, погибли трое.",
        encoding="utf-8",
    )
    (tmp_path / "fa.txt").write_text(
        "روز یکشنبه یک خودروی بمب‌گذاری‌شده در نزدیکی بازار شهر منفجر شد.", encoding="utf-8"
    )
    (tmp_path / "en.txt").write_text(BODY.upper(), encoding="utf-8")
    (tmp_path / "short.txt").write_text("Language: fr\n\nBoom.", encoding="utf-8")
    languages = {Path(a.origin or "").name: a.language for a in articles(list(read_path(tmp_path)))}
    # Detection beats the header when it is sure; a text too short to judge keeps it.
    assert languages == {"ru.txt": "ru", "fa.txt": "fa", "en.txt": "en", "short.txt": "fr"}


def test_ingest_samples_are_detected_as_english() -> None:
    found = articles(list(read_path(REPO / "samples")))
    assert len(found) >= 8
    assert {article.language for article in found} == {"en"}


def test_ingest_muc4_dev_messages_are_detected_as_english(bench_dir: Path) -> None:
    found = articles(list(read_muc4(bench_dir / "muc4" / "dev" / "dev-muc3-0001-0100")))
    assert len(found) == 100
    assert [a.title for a in found if a.language != "en"] == []


def test_ingest_warc_without_html_responses_is_skipped_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "requests.warc"
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: https://example.org/\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
    )
    [skip] = list(read_path(path))
    assert isinstance(skip, Skip)
    assert skip.code == "no_text" and "HTML response" in skip.reason
