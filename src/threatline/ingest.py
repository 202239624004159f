"""Ingest: turn files into :class:`~threatline.models.Article` objects, or recorded skips.

Every reader is a generator of ``Article | Skip``: one bad file, line, entry or record becomes
a :class:`~threatline.models.Skip` with a code and a reason a user can act on, and reading goes
on. Only a path that does not exist raises (:class:`~threatline.errors.InputError`).

Formats and how they are recognized
-----------------------------------
The ``fmt`` argument (``text``, ``html``, ``jsonl``, ``feed``, ``warc``, ``muc4``) overrides
detection. Otherwise, in this order:

1. MUC-4 message files, by content whatever the extension: the first non-blank line is a
   message id such as ``DEV-MUC3-0001 (NOSC)`` or ``TST1-MUC3-0001``.
2. By extension: ``.txt``/``.text`` text, ``.html``/``.htm``/``.xhtml`` HTML, ``.jsonl``/
   ``.ndjson`` JSON Lines, ``.rss``/``.atom`` feeds, ``.xml`` a feed when its root element is
   ``rss``, ``feed`` or ``rdf:RDF`` (else unsupported), ``.warc``/``.warc.gz`` web archives.
3. Any other extension by content: a WARC header, a feed root, an HTML tag, a JSON object per
   line; failing those, decodable text is read as plain text.

Plain text
    The whole file is the article text, except an optional **header block**: lines
    ``Title:``, ``Source:``, ``Published:`` (``YYYY-MM-DD``), ``URL:``, ``Author:``,
    ``Language:`` at the very top, ended by a blank line. The block is taken as a header only
    when every line before the first blank line is one of these keys; otherwise the file is
    all text. There is deliberately no "first line is the title" guess: one-sentence lead
    paragraphs are common in news and would be lost from the text.
HTML
    trafilatura's ``bare_extraction`` gives the main text (boilerplate removed), title,
    author, site name (used as ``source``) and date (used as ``published``). Its blocks
    become paragraphs separated by blank lines; a first block that repeats the title is
    dropped (the title is in ``Article.title``).
JSON Lines
    One object per line with ``text`` (required) and optional ``url``, ``title``, ``source``,
    ``author``, ``published``, ``language``. The origin is ``path:line``.
RSS/Atom
    feedparser; each entry is one article from its ``content`` (else ``summary``) HTML, with
    its link, title and published date. The origin is ``path#entry-N`` (N from 1).
WARC
    warcio; each HTML ``response`` record is one article via trafilatura, with the record's
    target URI as url. The origin is ``path#record-N`` (N counts all records, from 1).
MUC-4
    One article per message: title = message id, text = the message body with its
    hard-wrapped lines joined (dateline included, so offsets cover it too), and from the
    dateline the publication date and the
    source (the parenthesised medium). See :func:`parse_muc_dateline`. The origin is
    ``path#<message id>``.

Directories are read recursively in sorted order (so runs are repeatable), taking only files
with an input extension (:data:`INPUT_EXTENSIONS`) or none, and leaving out hidden files.

Decoding: a UTF BOM is honoured, then UTF-8 is tried, then an encoding the file declares
(``<meta charset>``, ``<?xml encoding?>``), then cp1252. A file with NUL bytes, or with many
control characters after decoding, is ``binary``.

Language: every article's ``language`` is detected from its text
(:func:`threatline.language.detect_language`); a declared language (a ``Language:`` header,
a JSON ``language`` field) is kept only when detection cannot tell. Routing non-English
articles away from the English models is the pipeline's job (:mod:`threatline.pipeline`).

Skip codes: ``empty``, ``binary``, ``too_large``, ``parse_error``, ``no_text``, ``bad_date``,
``unsupported``. Every file read yields at least one item (an article or a skip), so nothing
named on the command line disappears silently.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from threatline.errors import ConfigError, InputError
from threatline.language import UNDETERMINED, detect_language
from threatline.models import Article, Skip

LANGUAGE_MIN_CONFIDENCE = 0.3
"""A detected language below this confidence does not replace the declared one."""

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Files larger than this are skipped as ``too_large`` (override with ``max_bytes``)."""

MIN_PAGE_WORDS = 10
"""An HTML page (file or WARC record) with fewer words of main text is skipped as ``no_text``."""

FORMATS = ("text", "html", "jsonl", "feed", "warc", "muc4")
_FORMAT_ALIASES = {"txt": "text", "htm": "html", "rss": "feed", "atom": "feed", "json": "jsonl"}

_TEXT_EXTENSIONS = {".txt", ".text"}
_HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
_JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
_FEED_EXTENSIONS = {".rss", ".atom"}
INPUT_EXTENSIONS = (
    *_TEXT_EXTENSIONS, *_HTML_EXTENSIONS, *_JSONL_EXTENSIONS, *_FEED_EXTENSIONS,
    ".xml", ".warc", ".warc.gz",
)  # fmt: skip
"""Extensions read when walking a directory (files without an extension are read too)."""
# Formats we know we cannot read: skipped as unsupported rather than sniffed as text.
_UNSUPPORTED_EXTENSIONS = {
    ".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".zip", ".tar", ".7z", ".png", ".jpg",
    ".jpeg", ".gif", ".webp", ".mp3", ".mp4", ".parquet", ".sqlite", ".db",
}  # fmt: skip

_MUC_ID_LINE = re.compile(r"^[ \t]*((?:DEV|TST\d+)-MUC\d+-\d+)\b[^\n]*$", re.MULTILINE)
_MUC_FIRST_LINE = re.compile(r"\A\s*(?:DEV|TST\d+)-MUC\d+-\d+\b")
_FEED_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|body|article|p)\b", re.I)
_DECLARED_ENCODING = re.compile(
    rb"""(?:<meta[^>]+charset=["']?|<\?xml[^>]*encoding=["'])([A-Za-z0-9_.:-]+)""", re.I
)
_HEADER_KEYS = {"title", "source", "published", "url", "author", "language"}
_HEADER_LINE = re.compile(r"^([A-Za-z]+):[ \t]*(.*)$")


# --------------------------------------------------------------------------- public API


def read_paths(
    paths: Iterable[Path | str],
    published: dt.date | None = None,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Skip]:
    """Read every path in turn (see :func:`read_path`); a missing path raises before any
    later path is read."""
    for path in paths:
        yield from read_path(Path(path), published=published, fmt=fmt, max_bytes=max_bytes)


def read_path(
    path: Path | str,
    published: dt.date | None = None,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Skip]:
    """Yield the articles in a file or, recursively and in sorted order, a directory.

    ``published`` sets (or overrides) every article's publication date. ``fmt`` forces a
    format (see the module docstring). Problems with one file or record are yielded as
    :class:`Skip`; a path that does not exist raises :class:`InputError` at once.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"No such file or directory: {path}. Check the path and try again.")
    fmt = _canonical_format(fmt)
    return _read_checked(path, published, fmt, max_bytes)


def _read_checked(
    path: Path, published: dt.date | None, fmt: str | None, max_bytes: int
) -> Iterator[Article | Skip]:
    if path.is_dir():
        for file in _walk(path):
            yield from _read_file(file, published, fmt, max_bytes)
    else:
        yield from _read_file(path, published, fmt, max_bytes)


def read_muc4(
    path: Path | str, published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Skip]:
    """Yield one article per message of a MUC-4 message file (see :func:`parse_muc_dateline`).

    A message without a body is skipped as ``no_text``; a dateline without a readable date
    gives an article with ``published=None`` (MUC-4 has ``NO DATE`` datelines) unless
    ``published`` is given. A dateline date without a year takes the year of the closest
    earlier dated message in the same file (the files are in date order).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"No such file or directory: {path}. Check the path and try again.")
    return _read_file(path, published, "muc4", max_bytes)


# --------------------------------------------------------------------------- MUC-4 datelines

_MONTHS = {
    "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
    "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12,
}  # fmt: skip
_MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?"
# The dateline grammar of the MUC-4 headers, loosened for the variants found in the corpus:
# full month names ("18 APRIL 89", "4 SEPT 89"), month first ("JUNE 11 89"), no year
# ("7 FEB"), "NO DATE", and a source opened with "[" but closed with ")".
_DATELINE = re.compile(
    rf"""\A\s*
    (?P<place>[^,\n]*?)\s*
    (?:\((?P<country>[^)\n]*)\))?\s*,\s*
    (?P<date>
        (?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{2}}|\d{{4}}))?
      | (?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:,?\s+(?P<y2>\d{{2}}|\d{{4}}))?
      | NO\s+DATE
    )\s*
    (?:[(\[](?P<source>(?:[^()\[\]]|\[[^\]\n]*\]){{1,80}})[)\]])?\s*
    --""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class MucDateline:
    """The dateline of a MUC-4 message: ``SAN SALVADOR, 17 NOV 89 (RADIO) --``.

    ``place`` is None for ``NO CITY``; ``"CLANDESTINE"`` is kept as written (a clandestine
    radio). ``country`` is the parenthesised country after a city outside the nine countries
    of the corpus (``ROME (ITALY)``). ``date`` is None for ``NO DATE`` or when the year is
    missing and no ``default_year`` was given (``day``/``month`` still say what was there).
    ``source`` is the parenthesised medium or outlet. ``end`` is the offset just after
    ``--`` in the text parsed.
    """

    place: str | None
    date: dt.date | None
    source: str | None
    country: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    date_text: str | None = None
    end: int = 0


def parse_muc_dateline(text: str, default_year: int | None = None) -> MucDateline | None:
    """Parse the dateline at the start of a MUC-4 message body; None when there is none.

    Two-digit years are 19xx (the corpus covers 1988-1991). ``default_year`` fills in a
    missing year. An impossible date (``31 FEB 90``) gives ``date=None``.
    """
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = " ".join(match["place"].split()) or None
    if place is not None and place.upper() == "NO CITY":
        place = None
    day_text, month_text, year_text = (
        (match["d1"], match["m1"], match["y1"])
        if match["d1"]
        else (match["d2"], match["m2"], match["y2"])
    )
    day = int(day_text) if day_text else None
    month = _MONTHS[month_text[:3].upper()] if month_text else None
    year = _expand_year(year_text) if year_text else None
    date = None
    if day is not None and month is not None and (year or default_year):
        try:
            date = dt.date(year or default_year, month, day)  # type: ignore[arg-type]
        except ValueError:
            date = None
    source = " ".join(match["source"].split()) if match["source"] else None
    country = " ".join(match["country"].split()) if match["country"] else None
    return MucDateline(
        place=place,
        date=date,
        source=source or None,
        country=country or None,
        day=day,
        month=month,
        year=year,
        date_text=" ".join(match["date"].split()),
        end=match.end(),
    )


def _expand_year(text: str) -> int:
    year = int(text)
    return 1900 + year if year < 100 else year


# --------------------------------------------------------------------------- dispatch


def _canonical_format(fmt: str | None) -> str | None:
    if fmt is None:
        return None
    name = _FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
    if name not in FORMATS:
        raise ConfigError(f"Unknown input format {fmt!r}: use one of {', '.join(FORMATS)}.")
    return name


def _walk(directory: Path) -> Iterator[Path]:
    """Input files under a directory, recursively, in sorted order.

    Left out: hidden files and folders (names starting with '.'), where editors and tools
    keep state, and files whose extension is not one of :data:`INPUT_EXTENSIONS`, such as a
    README beside the articles. Files without an extension are read (MUC-4 message files
    have none). A file named explicitly is always read.
    """
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file() and (
            not entry.suffix or entry.name.lower().endswith(INPUT_EXTENSIONS)
        ):
            yield entry


def _read_file(
    path: Path, published: dt.date | None, fmt: str | None, max_bytes: int
) -> Iterator[Article | Skip]:
    origin = str(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        yield Skip(origin=origin, code="parse_error", reason=f"Cannot read the file: {error}.")
        return
    if size > max_bytes:
        yield Skip(
            origin=origin,
            code="too_large",
            reason=f"File is {size:,} bytes, over the limit of {max_bytes:,}; "
            "split it or raise max_bytes.",
        )
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Skip(origin=origin, code="parse_error", reason=f"Cannot read the file: {error}.")
        return
    if not data.strip():
        yield Skip(origin=origin, code="empty", reason="File is empty; nothing to read.")
        return
    name = path.name.lower()
    if name.endswith(".gz") and not name.endswith(".warc.gz"):
        yield Skip(
            origin=origin,
            code="unsupported",
            reason="Compressed files other than .warc.gz are not read; decompress it first.",
        )
        return
    fmt = fmt or _detect_format(path, data)
    if fmt is None:
        yield Skip(
            origin=origin,
            code="unsupported",
            reason=f"Cannot read {path.suffix or 'extension-less'} files: convert to text, "
            "HTML, JSON Lines, RSS/Atom or WARC, or pass the format explicitly.",
        )
        return
    if fmt == "warc":
        items = _read_warc(data, origin)
    else:
        text = decode_bytes(data)
        if text is None:
            yield Skip(
                origin=origin,
                code="binary",
                reason="File looks binary (NUL bytes or undecodable); "
                "only text formats can be read.",
            )
            return
        reader = {
            "text": _read_text,
            "html": _read_html,
            "jsonl": _read_jsonl,
            "feed": _read_feed,
            "muc4": _read_muc4_text,
        }[fmt]
        items = reader(text, origin)
    for item in items:
        if published is not None and isinstance(item, Article):
            item = item.model_copy(update={"published": published})
        yield item


def _detect_format(path: Path, data: bytes) -> str | None:
    """The format by content first for MUC-4, then by extension, then by content."""
    name = path.name.lower()
    suffix = path.suffix.lower()
    head = data[:4096]
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if _MUC_FIRST_LINE.match(head.decode("latin-1")):
        return "muc4"
    if suffix in _TEXT_EXTENSIONS:
        return "text"
    if suffix in _HTML_EXTENSIONS:
        return "html"
    if suffix in _JSONL_EXTENSIONS:
        return "jsonl"
    if suffix in _FEED_EXTENSIONS:
        return "feed"
    if suffix == ".xml":
        return "feed" if _FEED_ROOT.match(head) else None
    if suffix in _UNSUPPORTED_EXTENSIONS:
        return None
    # Unknown extension: look at the content.
    if head.startswith(b"WARC/") or head[:2] == b"\x1f\x8b":
        return "warc" if head.startswith(b"WARC/") else None
    if _FEED_ROOT.match(head):
        return "feed"
    if _HTML_SNIFF.search(head):
        return "html"
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    return "text"


# --------------------------------------------------------------------------- decoding

_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes) -> str | None:
    """Decode file content, or None when it looks binary.

    Order: a BOM (UTF-8/16/32), UTF-8, an encoding the content declares (HTML meta charset,
    XML declaration), cp1252 (the usual encoding of older Western news files). NUL bytes
    without a UTF-16/32 BOM, or more than 1% control characters after decoding, mean binary.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _unless_binary(data.decode(encoding))
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    candidates = ["utf-8"]
    declared = _DECLARED_ENCODING.search(data[:4096])
    if declared:
        candidates.append(declared.group(1).decode("ascii").lower())
    candidates.append("cp1252")
    for encoding in candidates:
        try:
            return _unless_binary(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _unless_binary(text: str) -> str | None:
    sample = text[:65536]
    if sample and len(_BINARY_CONTROL.findall(sample)) > len(sample) / 100:
        return None
    return text


# --------------------------------------------------------------------------- readers


def _article_or_skip(text: str | None, origin: str, **fields: Any) -> Article | Skip:
    """An Article from extracted text, or a no_text Skip when nothing is left after
    normalization.

    ``Article.language`` is the detected language (:func:`threatline.language.detect_language`)
    when detection can tell; otherwise the declared one (a ``language`` field or header),
    else the default.
    """
    if text is None or not text.strip():
        return Skip(
            origin=origin,
            code="no_text",
            reason="No article text found in this item; check that it holds the article body.",
        )
    article = Article.from_text(text, origin=origin, **fields)
    if not article.text:
        return Skip(
            origin=origin,
            code="no_text",
            reason="Nothing is left of this item's text after removing control characters "
            "and spaces.",
        )
    language, confidence = detect_language(article.text)
    if language != UNDETERMINED and confidence >= LANGUAGE_MIN_CONFIDENCE:
        article = article.model_copy(update={"language": language})
    return article


def parse_date(value: object) -> dt.date | None:
    """A publication date from ISO 8601 text (``2024-03-22``, ``2024-03-22T18:00:00Z``),
    a date or datetime; None for empty values; ValueError when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    # RFC 2822, as in RSS and e-mail headers: "Fri, 22 Mar 2024 18:00:00 GMT".
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError) as error:
        raise ValueError(f"unreadable date {value!r}; use YYYY-MM-DD") from error


def _bad_date(origin: str, value: object) -> Skip:
    return Skip(
        origin=origin,
        code="bad_date",
        reason=f"Unreadable publication date {value!r}; write it as YYYY-MM-DD "
        "or pass --published.",
    )


def _read_text(text: str, origin: str) -> Iterator[Article | Skip]:
    header, body = split_text_header(text)
    fields: dict[str, Any] = {
        key: header[key] for key in ("title", "source", "url", "author") if header.get(key)
    }
    if header.get("language"):
        fields["language"] = header["language"]
    if header.get("published"):
        try:
            fields["published"] = parse_date(header["published"])
        except ValueError:
            yield _bad_date(origin, header["published"])
            return
    yield _article_or_skip(body, origin, **fields)


def split_text_header(text: str) -> tuple[dict[str, str], str]:
    """Split a plain-text file into its header block (lower-case keys) and body.

    The header block is the lines before the first blank line, taken only when every one
    of them is ``Key: value`` with a known key (title, source, published, url, author,
    language); otherwise the header is empty and the body is the whole text.
    """
    stripped = text.lstrip("\ufeff").replace("\r\n", "\n").lstrip("\n")
    head, sep, rest = stripped.partition("\n\n")
    if not sep:
        return {}, text
    header: dict[str, str] = {}
    for line in head.split("\n"):
        match = _HEADER_LINE.match(line.strip())
        if match is None or match[1].lower() not in _HEADER_KEYS:
            return {}, text
        header[match[1].lower()] = match[2].strip()
    return header, rest


def _trafilatura_fields(html: str | bytes, url: str | None = None) -> dict[str, Any]:
    """Main text and metadata of an HTML page; empty dict when trafilatura finds nothing."""
    from trafilatura import bare_extraction

    document = bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_recall=True
    )
    if document is None:
        return {}
    get = document.get if isinstance(document, dict) else lambda key: getattr(document, key)
    return {
        "text": get("text"),
        "title": get("title"),
        "author": get("author"),
        "source": get("sitename"),
        "published": get("date"),
        "url": get("url") or url,
    }


def _html_article(html: str | bytes, origin: str, url: str | None = None) -> Article | Skip:
    try:
        fields = _trafilatura_fields(html, url)
    except Exception as error:  # trafilatura and lxml raise many kinds on bad HTML
        return Skip(origin=origin, code="parse_error", reason=f"Cannot parse the HTML: {error}.")
    text = _paragraphs_from_lines(fields.pop("text", None), fields.get("title"))
    if text is not None and len(text.split()) < MIN_PAGE_WORDS:
        # trafilatura falls back to any text on the page, such as a menu: not an article.
        return Skip(
            origin=origin,
            code="no_text",
            reason=f"Only {len(text.split())} word(s) of text on this page, below "
            f"{MIN_PAGE_WORDS}; it is probably not an article (an index, menu or error page).",
        )
    published_value = fields.pop("published", None)
    try:
        published = parse_date(published_value)
    except ValueError:
        # A page date trafilatura guessed wrongly should not lose the article.
        published = None
    return _article_or_skip(
        text, origin, published=published, **{k: v for k, v in fields.items() if v}
    )


def _paragraphs_from_lines(text: str | None, title: str | None) -> str | None:
    """trafilatura's text has one block per line: separate them by blank lines, as in the
    other formats, so that sentence splitting sees paragraph ends; a first line that repeats
    the title is dropped (the title is kept in ``Article.title``)."""
    if not text:
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def _read_html(text: str, origin: str) -> Iterator[Article | Skip]:
    yield _html_article(text, origin)


def _read_jsonl(text: str, origin: str) -> Iterator[Article | Skip]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        line_origin = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skip(
                origin=line_origin,
                code="parse_error",
                reason=f"Line {number} is not valid JSON ({error.msg} at column "
                f"{error.colno}); fix or remove that line.",
            )
            continue
        if not isinstance(record, dict):
            yield Skip(
                origin=line_origin,
                code="parse_error",
                reason=f"Line {number} is not a JSON object; each line must be one article.",
            )
            continue
        body = record.get("text")
        if not isinstance(body, str):
            body = None
        try:
            published = parse_date(record.get("published"))
        except ValueError:
            yield _bad_date(line_origin, record.get("published"))
            continue
        fields = {
            key: str(record[key])
            for key in ("url", "title", "source", "author", "language")
            if record.get(key) not in (None, "")
        }
        yield _article_or_skip(body, line_origin, published=published, **fields)


def _read_feed(text: str, origin: str) -> Iterator[Article | Skip]:
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        reason = (
            f"Not a readable RSS/Atom feed ({problem}); check the file."
            if problem
            else "The feed has no entries."
        )
        yield Skip(origin=origin, code="parse_error" if problem else "no_text", reason=reason)
        return
    source = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        entry_origin = f"{origin}#entry-{number}"
        contents = entry.get("content") or []
        html = contents[0].get("value") if contents else entry.get("summary")
        published = None
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed:
            published = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        elif entry.get("published") or entry.get("updated"):
            yield _bad_date(entry_origin, entry.get("published") or entry.get("updated"))
            continue
        body = _html_to_text(html) if html else None
        fields = {
            "url": entry.get("link") or None,
            "title": entry.get("title") or None,
            "author": entry.get("author") or None,
            "source": source,
        }
        yield _article_or_skip(
            body, entry_origin, published=published, **{k: v for k, v in fields.items() if v}
        )


def _html_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry): trafilatura when it finds a main text,
    else all text nodes, since short summaries are often below trafilatura's thresholds."""
    if "<" not in html:
        return html
    import lxml.html

    try:
        fields = _trafilatura_fields(f"<html><body><article>{html}</article></body></html>")
    except Exception:  # fall back to plain text below
        fields = {}
    if fields.get("text"):
        return _paragraphs_from_lines(fields["text"], None) or ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup
        return re.sub(r"<[^>]+>", " ", html)
    for block in root.iter("p", "br", "div", "li"):
        block.tail = ("\n" + block.tail) if block.tail else "\n"
    return root.text_content()


def _read_warc(data: bytes, origin: str) -> Iterator[Article | Skip]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = data[:5]
    if data[:2] == b"\x1f\x8b":
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(data)).read(5)
        except (OSError, EOFError):
            head = b""
    if head != b"WARC/":
        yield Skip(
            origin=origin,
            code="parse_error",
            reason="Not a WARC file (it does not start with a WARC/1.x record header).",
        )
        return
    number = 0
    produced = 0  # items yielded: an archive without any must still say why
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            number += 1
            if record.rec_type != "response":
                continue
            record_origin = f"{origin}#record-{number}"
            content_type = ""
            if record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type") or ""
            if content_type and "html" not in content_type.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                payload = record.content_stream().read()
            except Exception as error:  # broken chunking or compression
                yield Skip(
                    origin=record_origin,
                    code="parse_error",
                    reason=f"Cannot read the record's payload: {error}.",
                )
                continue
            produced += 1
            if not payload.strip():
                yield Skip(origin=record_origin, code="no_text", reason="The record is empty.")
                continue
            yield _html_article(payload, record_origin, url=url)
    except (ArchiveLoadFailed, EOFError, ValueError, OSError, AttributeError) as error:
        # warcio raises these (AttributeError on a header cut short) on damaged archives.
        yield Skip(
            origin=origin if number == 0 else f"{origin}#record-{number}",
            code="parse_error",
            reason=f"Not a readable WARC file after {number} record(s) ({error}); "
            "the archive may be truncated.",
        )
        return
    if produced == 0:
        yield Skip(
            origin=origin,
            code="no_text",
            reason=f"None of the {number} record(s) of this archive is an HTML response; "
            "nothing to read.",
        )


def _read_muc4_text(text: str, origin: str) -> Iterator[Article | Skip]:
    matches = list(_MUC_ID_LINE.finditer(text))
    if not matches:
        yield Skip(
            origin=origin,
            code="parse_error",
            reason="No MUC-4 message id lines (like 'DEV-MUC3-0001 (NOSC)') found.",
        )
        return
    last_year: int | None = None
    for index, match in enumerate(matches):
        message_id = match.group(1)
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        body = text[match.end() : end]
        message_origin = f"{origin}#{message_id}"
        dateline = parse_muc_dateline(body.lstrip("\n"), default_year=last_year)
        fields: dict[str, Any] = {"title": message_id}
        if dateline is not None:
            if dateline.year is not None:
                last_year = dateline.year
            fields["published"] = dateline.date
            fields["source"] = dateline.source
        yield _article_or_skip(_unwrap_lines(body), message_origin, **fields)


def _unwrap_lines(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph (MUC-4 texts are wrapped at about 75
    columns); paragraphs stay separated by a blank line."""
    paragraphs = re.split(r"\n[ \t]*\n", text.strip("\n"))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
