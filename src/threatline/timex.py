"""Temporal expressions: find them in text and normalize them (threatline.timex.v1).

:func:`find_timexes` returns every temporal expression of a text as a
:class:`~threatline.models.TimeSpan`: its extent, its TIMEX3 type and value as TempEval-3
annotates them, and the inclusive interval of days it denotes. Relative expressions are
resolved against the publication date; without one they keep their text and a value with
``X`` placeholders (never today's date). Expressions anchored on another event ("two days
later", "shortly after the attack") stay unresolved until :func:`anchor_on` places them
relative to that event's TimeSpan.

How it works, in order:

1. Word tables (months, weekdays, numbers, units, seasons, trigger words) live in
   ``data/timex_lexicon.json``.
2. The rules run only in windows around trigger words and digits (speed: most of a text has
   no temporal word). Each rule is a regular expression compiled once plus a function that
   normalizes its match or rejects it (guards: 'may' the verb, ages, counts, 'Resolution 1973').
3. Overlaps are settled: the longest candidate wins, then the leftmost, then the earlier rule
   (event-anchored rules rank first, so 'two days before the vote' beats 'two days').
4. Adjacent candidates are merged into ranges ("from May to July", "2014-2019") and clock
   times are joined to their day ("Friday at 10 p.m."); "since 2021" runs to publication.

The direction of a bare weekday or month (the last one or the next one) follows the tense of
its clause: from the spaCy parse when a ``Doc`` is given, otherwise from the verb cue nearest
to the expression in its sentence; with no cue, weekdays look back and months stay in the
publication year.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING

from threatline.models import Granularity, TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "anchor_on",
    "find_dateline",
    "find_timexes",
    "interval_of",
    "is_event_anchored",
    "local_day",
    "suggest_publication_window",
]

# --------------------------------------------------------------------------- word tables

_LEX: dict = json.loads(
    resources.files("threatline").joinpath("data/timex_lexicon.json").read_text("utf-8")
)
MONTHS: dict[str, int] = _LEX["months"]
WEEKDAYS: dict[str, int] = _LEX["weekdays"]
NUMBERS: dict[str, float] = _LEX["numbers"]
ORDINALS: dict[str, int] = _LEX["ordinals"]
UNITS: dict[str, list] = _LEX["units"]
SEASONS: dict[str, str] = _LEX["seasons"]
SEASON_MONTHS: dict[str, list[int]] = _LEX["season_months"]
PARTS_OF_DAY: dict[str, str] = _LEX["parts_of_day"]
SET_ADVERBS: dict[str, str] = _LEX["set_adverbs"]
SET_BY_UNIT: dict[str, str] = _LEX["set_by_unit"]
DATE_MODIFIERS: dict[str, str] = _LEX["modifiers"]
QUANTITY_MODIFIERS: dict[str, str | None] = _LEX["quantity_modifiers"]
VAGUE_COUNTS: dict[str, list[int | None]] = _LEX["vague_counts"]
NON_YEAR_CONTEXT: frozenset[str] = frozenset(_LEX["words_before_non_year_numbers"])
COUNT_NOUNS: frozenset[str] = frozenset(_LEX["count_nouns_after_year"])
_FULL_MONTHS = frozenset(n for n in MONTHS if len(n) > 4 or n in ("may", "june", "july"))
_GUARDED_MONTHS = frozenset(_LEX["ambiguous_months"])
#: Hours from universal time of each country's standard time (ISO 3166-1 alpha-2).
UTC_OFFSETS: dict[str, float] = _LEX["standard_utc_offsets"]

# The value of a decade as the TimeML guidelines and TempEval-3 write it: the 1990s -> "199".
# Set to "X" for the "199X" spelling some tools use.
DECADE_SUFFIX = ""


def _alt(words: object) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_NUMBER_WORDS = [w for w in NUMBERS if w not in ("a", "an")]

MON = (
    rf"(?:(?:{_alt(n for n in MONTHS if len(n) > 4 or n in ('may', 'june', 'july'))})(?!\.\w)"
    rf"|(?:{_alt(n for n in MONTHS if len(n) <= 4)})\.?)"
)
WD = _alt(n for n in WEEKDAYS if len(n) > 4)
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
NUM = (
    rf"(?:(?:\d+|{_alt(_NUMBER_WORDS)}|a|an)\s+and\s+a\s+half|\d+(?:[.,]\d+)?"
    rf"|(?:{'|'.join(_TENS)})[-\s](?:{'|'.join(_ONES)})|{_alt(_NUMBER_WORDS)}|a|an)"
)
VAGUE = _alt(_LEX["vague_quantities"])
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?"
    r"|century|centuries)"
)
POD = _alt(PARTS_OF_DAY)
DMOD = rf"(?P<dmod>{_alt(DATE_MODIFIERS)})(?:\s+|(?<=mid)-|-(?=\d))"
QMOD = rf"(?P<qmod>{_alt(QUANTITY_MODIFIERS)})"
SEASON = _alt(SEASONS)
REL = r"(?P<rel>this\s+past|this\s+coming|last|this|next|past|coming|current|the\s+current)"

_PREPOSITIONS = frozenset(_LEX["context_prepositions"])


def _number(word: str | None) -> float | None:
    """'three' -> 3, '24' -> 24, 'twenty-five' -> 25, vague words -> None."""
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w in NUMBERS:
        return NUMBERS[w]
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", w):
        return float(w.replace(",", ""))
    half = re.fullmatch(r"(.+?)\s+and\s+a\s+half", w)
    if half:
        whole = _number(half.group(1))
        return None if whole is None else whole + 0.5
    parts = re.split(r"[-\s]", w)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def _unit_name(word: str) -> str:
    w = word.lower()
    return _LEX["unit_plurals"].get(w, w[:-1] if w.endswith("s") else w)


# --------------------------------------------------------------------------- date arithmetic


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, _month_length(year, month + 1)))


def _month_length(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def _shift(day: dt.date, n: float, unit: str) -> dt.date:
    """The date n units (day, week, month, year, decade, century) after `day`."""
    if unit in ("second", "minute", "hour"):
        seconds = {"second": 1, "minute": 60, "hour": 3600}[unit] * n
        # toward zero: 'two hours ago' stays on the day (the hour of publication is unknown)
        return day + dt.timedelta(days=int(seconds / 86400))
    if unit == "day":
        return day + dt.timedelta(days=round(n))
    if unit in ("week", "fortnight"):
        return day + dt.timedelta(days=round(n * (14 if unit == "fortnight" else 7)))
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit] * n
    return _add_months(day, round(months))


def _week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _season_of(day: dt.date) -> tuple[int, str]:
    """The season containing `day`, as (year, code); December belongs to next year's winter."""
    for code, (first, last) in SEASON_MONTHS.items():
        if first <= last and first <= day.month <= last:
            return day.year, code
    return (day.year + 1, "WI") if day.month == 12 else (day.year, "WI")


_VALUE_PATTERNS = [
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)(T.*)?"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)(-WE)?"), "week"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-H([12])"), "half"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{3})"), "decade"),
    (re.compile(r"(\d{2})"), "century"),
]


def interval_of(
    value: str | None, mod: str | None = None
) -> tuple[dt.date, dt.date, Granularity] | None:
    """The inclusive interval of days a resolved TIMEX3 date value denotes, with its granularity.

    START/MID/END narrow it to its first, middle or last third. Values with X placeholders,
    durations and *_REF values have no interval: None.
    """
    if not value:
        return None
    for pattern, kind in _VALUE_PATTERNS:
        m = pattern.fullmatch(value)
        if not m:
            continue
        try:
            lo, hi, gran = _interval_of_match(m, kind)
        except ValueError:  # impossible dates such as 2013-02-30
            return None
        if mod in ("START", "MID", "END") and (hi - lo).days >= 2:
            third = ((hi - lo).days + 1) // 3
            if mod == "START":
                hi = lo + dt.timedelta(days=third - 1)
            elif mod == "END":
                lo = hi - dt.timedelta(days=third - 1)
            else:
                lo, hi = lo + dt.timedelta(days=third), hi - dt.timedelta(days=third)
        return lo, hi, gran
    return None


def _interval_of_match(m: re.Match, kind: str) -> tuple[dt.date, dt.date, Granularity]:
    g = m.groups()
    if kind == "day":
        day = dt.date(int(g[0]), int(g[1]), int(g[2]))
        return day, day, Granularity.TIME if g[3] else Granularity.DAY
    if kind == "week":
        monday = dt.date.fromisocalendar(int(g[0]), int(g[1]), 1)
        if g[2]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), Granularity.WEEK
        return monday, monday + dt.timedelta(days=6), Granularity.WEEK
    year = int(g[0])
    if kind == "month":
        month = int(g[1])
        return (
            dt.date(year, month, 1),
            dt.date(year, month, _month_length(year, month)),
            (Granularity.MONTH),
        )
    if kind == "season":
        first, last = SEASON_MONTHS[g[1]]
        start_year = year - 1 if first > last else year  # winter of Y: Dec Y-1 .. Feb Y
        lo = dt.date(start_year, first, 1)
        return lo, dt.date(year, last, _month_length(year, last)), Granularity.SEASON
    if kind == "quarter":
        q = int(g[1])
        last = q * 3
        return (
            dt.date(year, last - 2, 1),
            dt.date(year, last, _month_length(year, last)),
            (Granularity.QUARTER),
        )
    if kind == "half":
        h = int(g[1])
        return (
            dt.date(year, 1 + 6 * (h - 1), 1),
            dt.date(year, 6 * h, 30 + (h == 2)),
            (Granularity.MONTH),
        )
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31), Granularity.YEAR
    if kind == "decade":
        return dt.date(year * 10, 1, 1), dt.date(year * 10 + 9, 12, 31), Granularity.DECADE
    first = max(year * 100, 1)
    return dt.date(first, 1, 1), dt.date(year * 100 + 99, 12, 31), Granularity.CENTURY


def _value_for(day: dt.date, granularity: str) -> str:
    """The TIMEX3 value of the unit-sized interval around `day`."""
    if granularity in ("day", "hour", "minute", "second"):
        return day.isoformat()
    if granularity in ("week", "fortnight"):
        return _week_value(day)
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}{DECADE_SUFFIX}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


_UNRESOLVED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "year": "XXXX",
    "quarter": "XXXX-QX",
    "season": "XXXX-XX",
    "decade": "XXX",
    "century": "XX",
}

# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    """A proposed temporal expression before overlaps are settled."""

    start: int
    end: int
    type: str = "DATE"
    value: str | None = None
    mod: str | None = None
    anchor: str | None = None  # 'absolute', 'publication' or None
    lo: dt.date | None = None  # explicit interval; otherwise derived from value
    hi: dt.date | None = None
    granularity: Granularity | None = None
    explicit_interval: bool = False
    rule: int = 0
    needs_day: bool = False  # 'the night of': kept only when a day follows


class _Context:
    """One text being processed: publication date, case mode, the parse, and tense lookups."""

    def __init__(self, text: str, published: dt.date | None, doc: Doc | None) -> None:
        self.text = text
        self.pub = published
        self.doc = doc
        sample = text[:5000]
        upper, lower = len(_UPPER.findall(sample)), len(_LOWER.findall(sample))
        self.upper = upper > 4 * lower
        self._token_starts: list[int] | None = None

    def direction(self, start: int, end: int) -> int:
        """-1 when the clause around [start, end) is past tense, +1 when future, 0 unknown."""
        if self.doc is not None:
            d = _doc_direction(self, start)
            if d:
                return d
        return _text_direction(self.text, start, end)

    def token_at(self, start: int) -> int:
        """Index of the parse token covering character `start` (-1 when there is none)."""
        assert self.doc is not None
        if self._token_starts is None:
            self._token_starts = [t.idx for t in self.doc]
        i = bisect_right(self._token_starts, start) - 1
        return i if 0 <= i < len(self.doc) else -1

    def word_before(self, start: int) -> str:
        """The word just before `start` (over spaces and commas), lower case; '' if none."""
        m = _WORD_BEFORE.search(self.text, max(0, start - 40), start)
        return m.group(1).lower() if m else ""


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*\Z")

# --------------------------------------------------------------------------- tense

_FUTURE_CUES = re.compile(
    r"\b(?:will|shall|won't|'ll|going\s+to|scheduled|expected|plans?|planned|planning|"
    r"due\s+to\s+be|due\s+(?:on|in|by|at|next)|"
    r"set\s+to|upcoming|intends?|aims?\s+to|hopes?\s+to|to\s+be\s+held|would)\b",
    re.I,
)
_PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|said|told|took|went|came|made|met|gave|got|left|began|fought|"
    r"struck|shot|held|found|saw|won|lost|ran|led|fled|hit|stood|sent|spoke|wrote|broke|"
    r"became|knew|thought|brought|built|caught|fell|felt|kept|paid|sold|stole|threw|"
    r"ago|last|yesterday|[a-z]{3,}ed)\b",
    re.I,
)
_NOT_PAST = frozenset(_LEX["ed_words_not_past"])
# '-ed' after these is a passive or infinitive form, not a past tense ('to be published')
_PASSIVE_OR_INFINITIVE = re.compile(r"\b(?:be|been|being|is|are|am|to|get|gets)\s+\Z", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(sep, 0, start) for sep in (". ", "\n", "? ", "! "))
    m = _SENTENCE_END.search(text, end)
    return left + 1, (m.start() + 1 if m else len(text))


def _text_direction(text: str, start: int, end: int) -> int:
    """Tense from verb cues: the cue nearest to the expression in its sentence decides."""
    lo, hi = _sentence_bounds(text, start, end)
    best: tuple[int, int] | None = None
    for pattern, sign in ((_FUTURE_CUES, 1), (_PAST_CUES, -1)):
        for m in pattern.finditer(text, lo, hi):
            word = m.group(0).lower()
            if sign < 0 and (
                word in _NOT_PAST
                or (
                    word.endswith("ed")
                    and _PASSIVE_OR_INFINITIVE.search(text, max(0, m.start() - 12), m.start())
                )
            ):
                continue
            if sign < 0 and word in ("last", "ago", "yesterday") and start <= m.start() < end:
                continue
            if start <= m.start() < end:
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, sign)
    return best[1] if best else 0


def _doc_direction(ctx: _Context, start: int) -> int:
    """Tense of the verb governing the expression, from the parse (0 when it does not say)."""
    doc = ctx.doc
    assert doc is not None
    i = ctx.token_at(start)
    if i < 0:
        return 0
    token = doc[i]
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return 0
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & {"will", "'ll", "shall", "wo"}:
        return 1
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return -1
    if ctx.word_before(start) in ("until", "till"):
        return 1  # 'has been postponed until Saturday': the end of a period still running
    if token.tag_ == "VBN" and lowers & {"has", "have", "'s", "'ve"}:
        return -1
    if "Tense=Past" in str(token.morph) and token.tag_ != "VBN":
        return -1
    return 0


# --------------------------------------------------------------------------- resolution helpers


def _two_digit_year(yy: int, pub: dt.date | None) -> int:
    """'89' -> 1989; '05' -> 2005: the century that puts it at most 10 years after publication."""
    ref = pub.year if pub else 2000
    year = (ref // 100) * 100 + yy
    if year > ref + 10:
        year -= 100
    return year


def _year_of(text: str | None, ctx: _Context, allow_bare_two_digit: bool) -> int | None:
    if not text:
        return None
    t = text.strip().lstrip("'\u2019")
    if len(t) == 4:
        return int(t)
    if text.strip()[0] in "'\u2019" or allow_bare_two_digit:
        return _two_digit_year(int(t), ctx.pub)
    return None


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _resolve_month(month: int, ctx: _Context, start: int, end: int) -> int | None:
    """The year of a bare month name, by tense: the last one in the past, the next in future."""
    if ctx.pub is None:
        return None
    d = ctx.direction(start, end)
    if d < 0 and month > ctx.pub.month:
        return ctx.pub.year - 1
    if d > 0 and month < ctx.pub.month:
        return ctx.pub.year + 1
    return ctx.pub.year


def _resolve_month_day(month: int, day: int, ctx: _Context, start: int, end: int) -> dt.date | None:
    if ctx.pub is None:
        return None
    try:
        date = dt.date(ctx.pub.year, month, day)
    except ValueError:
        return None
    d = ctx.direction(start, end)
    try:
        if d < 0 and date > ctx.pub + dt.timedelta(days=1):
            date = date.replace(year=date.year - 1)
        elif d > 0 and date < ctx.pub - dt.timedelta(days=1):
            date = date.replace(year=date.year + 1)
    except ValueError:
        return None
    return date


def _resolve_weekday(weekday: int, rel: str, ctx: _Context, start: int, end: int) -> dt.date | None:
    """The date of a weekday: 'last' or past tense -> on or before publication, else after."""
    if ctx.pub is None:
        return None
    rel = re.sub(r"\s+", " ", rel.lower())
    today = ctx.pub.isoweekday()
    if rel in ("last", "past", "this past"):
        back = (today - weekday) % 7 or 7
        return ctx.pub - dt.timedelta(days=back)
    if rel in ("next", "coming", "this coming"):
        ahead = (weekday - today) % 7 or 7
        return ctx.pub + dt.timedelta(days=ahead)
    direction = ctx.direction(start, end)
    if direction > 0:
        return ctx.pub + dt.timedelta(days=(weekday - today) % 7)
    return ctx.pub - dt.timedelta(days=(today - weekday) % 7)


def _date_cand(
    m: re.Match, date: dt.date | None, unresolved: str, anchor: str, granularity: str = "day"
) -> _Cand:
    if date is None:
        return _Cand(m.start(), m.end(), value=unresolved)
    return _Cand(m.start(), m.end(), value=_value_for(date, granularity), anchor=anchor)


def _dmod(m: re.Match) -> str | None:
    word = m.groupdict().get("dmod")
    if not word:
        return None
    return DATE_MODIFIERS.get(re.sub(r"\s+", " ", word.lower()).rstrip("-"), "MID")


# --------------------------------------------------------------------------- rule handlers

Handler = Callable[[re.Match, _Context], "_Cand | None"]


def _h_iso(m: re.Match, ctx: _Context) -> _Cand | None:
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["t"]:
        return _Cand(m.start(), m.end(), "TIME", f"{day.isoformat()}T{m['t']}", anchor="absolute")
    return _Cand(m.start(), m.end(), value=day.isoformat(), anchor="absolute")


def _h_numeric(m: re.Match, ctx: _Context) -> _Cand | None:
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)  # US order unless the first cannot be a month
    year = _year_of(m["y"], ctx, allow_bare_two_digit=True)
    try:
        date = dt.date(year or 0, month, day) if year else None
    except ValueError:
        return None
    return _Cand(m.start(), m.end(), value=date.isoformat() if date else None, anchor="absolute")


def _h_numeric_day(m: re.Match, ctx: _Context) -> _Cand | None:
    """'on 3/7': month/day without a year (day/month when the first cannot be a month), only
    after a preposition, so fractions and scores ('won 3/7') stay numbers."""
    if ctx.word_before(m.start()) not in ("on", "since", "until", "till", "from", "to", "by"):
        return None
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)
    if not 1 <= month <= 12 or not 1 <= day <= _month_length(2000, month):
        return None
    date = _resolve_month_day(month, day, ctx, m.start(), m.end())
    if date is None:
        return _Cand(m.start(), m.end(), value=f"XXXX-{month:02d}-{day:02d}")
    return _Cand(m.start(), m.end(), value=date.isoformat(), anchor="publication")


def _month_guard(m: re.Match, ctx: _Context, bare: bool) -> bool:
    """Whether a month-name match is really a month: capitalized, and May/March in context."""
    word = m["mon"]
    if not ctx.upper and not word[0].isupper():
        return False
    if bare:
        key = word.lower().rstrip(".")
        if key not in _FULL_MONTHS and not word.endswith("."):
            return False
        if key in _GUARDED_MONTHS and not m.groupdict().get("dmod"):
            before = ctx.word_before(m.start())
            if before in ("to", "and", "or"):
                # 'from April to May', 'in April and May'; not 'to march on', 'and may be'
                window = max(0, m.start() - 25)
                return bool(
                    _MONTH_OR_DIGIT.search(ctx.text, window, m.start())
                    or _RANGE_FROM_MONTH.search(ctx.text, window, m.start())
                )
            return before in _PREPOSITIONS
    return True


_MONTH_OR_DIGIT = re.compile(
    rf"\d|(?<!\w)(?:{_alt(n for n in MONTHS if n not in _GUARDED_MONTHS and n != 'mar')})(?!\w)",
    re.I,
)


# 'from March to May': a guarded month may open a range too (the range words make it one)
_RANGE_FROM_MONTH = re.compile(rf"\b(?:from|between)\s+(?:{_alt(MONTHS)})\b", re.I)


def _bare_two_digit_ok(m: re.Match, ctx: _Context) -> bool:
    """A bare '89' is a year only in upper-case wire text, or after a month in the wire's
    upper-case abbreviation ('Bogota, 12 MAR 90 (EFE) --' in mixed-case text), and not
    before a word ('17 PEOPLE')."""
    wire_month = len(m["mon"]) == 3 and m["mon"].isupper()
    return (ctx.upper or wire_month) and not re.match(
        r"\s*[A-Za-z]", ctx.text[m.end() : m.end() + 3]
    )


def _day_month_year(m: re.Match, ctx: _Context) -> _Cand | None:
    if not _month_guard(m, ctx, bare=False):
        return None
    month = _month_number(m["mon"])
    day = int(re.match(r"\d+", m["day"]).group(0))  # type: ignore[union-attr]
    end = m.end()
    year = None
    if m["year"]:
        year = _year_of(m["year"], ctx, allow_bare_two_digit=_bare_two_digit_ok(m, ctx))
        if year is None:  # '5 May 20 people': the number is not a year
            end = m.start("year")
            end = len(ctx.text[:end].rstrip(" ,"))
    if day > _month_length(year or 2000, month):
        return None
    if year:
        return _Cand(m.start(), end, value=dt.date(year, month, day).isoformat(), anchor="absolute")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel and ctx.pub is not None:  # 'last 9 August': the latest one before publication
        step = -1 if rel in ("last", "this past") else 1
        year = ctx.pub.year
        if day > _month_length(year, month):
            year += step  # 29 February
        while (
            dt.date(year, month, min(day, _month_length(year, month))) - ctx.pub
        ).days * step <= 0:
            year += step
        if day <= _month_length(year, month):
            return _Cand(
                m.start(), end, value=dt.date(year, month, day).isoformat(), anchor="publication"
            )
    date = _resolve_month_day(month, day, ctx, m.start(), end)
    if date is None:
        return _Cand(m.start(), end, value=f"XXXX-{month:02d}-{day:02d}")
    return _Cand(m.start(), end, value=date.isoformat(), anchor="publication")


def _h_month_year(m: re.Match, ctx: _Context) -> _Cand | None:
    if not _month_guard(m, ctx, bare=False):
        return None
    year = _year_of(m["year"], ctx, allow_bare_two_digit=_bare_two_digit_ok(m, ctx))
    if year is None:
        return None
    month = _month_number(m["mon"])
    return _Cand(
        m.start(), m.end(), value=f"{year:04d}-{month:02d}", mod=_dmod(m), anchor="absolute"
    )


def _h_month_rel_year(m: re.Match, ctx: _Context) -> _Cand | None:
    if not _month_guard(m, ctx, bare=False):
        return None
    month = _month_number(m["mon"])
    if ctx.pub is None:
        return _Cand(m.start(), m.end(), value=f"XXXX-{month:02d}", mod=_dmod(m))
    rel = m["rel"].lower()
    year = ctx.pub.year + (
        -1
        if "last" in rel or "previous" in rel
        else 1
        if ("next" in rel or "following" in rel or "coming" in rel)
        else 0
    )
    return _Cand(
        m.start(), m.end(), value=f"{year:04d}-{month:02d}", mod=_dmod(m), anchor="publication"
    )


def _h_rel_month(m: re.Match, ctx: _Context) -> _Cand | None:
    if not _month_guard(m, ctx, bare=False):
        return None
    month = _month_number(m["mon"])
    if ctx.pub is None:
        return _Cand(m.start(), m.end(), value=f"XXXX-{month:02d}", mod=_dmod(m))
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("last", "past", "this past"):
        year = ctx.pub.year if month < ctx.pub.month else ctx.pub.year - 1
    elif rel in ("next", "coming", "this coming"):
        year = ctx.pub.year if month > ctx.pub.month else ctx.pub.year + 1
    else:
        year = ctx.pub.year
    return _Cand(
        m.start(), m.end(), value=f"{year:04d}-{month:02d}", mod=_dmod(m), anchor="publication"
    )


def _h_month(m: re.Match, ctx: _Context) -> _Cand | None:
    if not _month_guard(m, ctx, bare=True):
        return None
    month = _month_number(m["mon"])
    year = _resolve_month(month, ctx, m.start(), m.end())
    if year is None:
        return _Cand(m.start(), m.end(), value=f"XXXX-{month:02d}", mod=_dmod(m))
    return _Cand(
        m.start(), m.end(), value=f"{year:04d}-{month:02d}", mod=_dmod(m), anchor="publication"
    )


_WORDS_AFTER_ORDINAL_DAY = frozenset(_LEX["words_after_ordinal_day"])


def _h_ordinal_day(m: re.Match, ctx: _Context) -> _Cand | None:
    """'on the 7th': a day of the publication month (or the one before/after, by tense)."""
    if ctx.word_before(m.start()) not in _PREPOSITIONS:
        return None
    follow = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end() : m.end() + 20])
    # 'on the 9th the rebels struck' is a day; 'the 9th brigade' is not: only function words
    # may follow a bare ordinal day
    if follow and follow.group(1).lower() not in _WORDS_AFTER_ORDINAL_DAY:
        return None
    day = int(m["day"])
    if ctx.pub is None:
        return _Cand(m.start(), m.end(), value=f"XXXX-XX-{day:02d}")
    base = ctx.pub.replace(day=1)
    d = ctx.direction(m.start(), m.end())
    if d < 0 and day > ctx.pub.day:
        base = _add_months(base, -1)
    elif d > 0 and day < ctx.pub.day:
        base = _add_months(base, 1)
    if day > _month_length(base.year, base.month):
        return None
    return _Cand(m.start(), m.end(), value=base.replace(day=day).isoformat(), anchor="publication")


def _h_part_of_day_of(m: re.Match, ctx: _Context) -> _Cand | None:
    """'the night of' (15 November): a part of the day waiting for the day that follows."""
    word = re.sub(r"\s+", " ", m["pod"].lower())
    code = PARTS_OF_DAY.get(word.split()[-1], "MO")  # 'the early (morning) hours': MO
    return _Cand(m.start(), m.end(), "TIME", f"XXXX-XX-XXT{code}", mod=_dmod(m), needs_day=True)


def _h_listed_day(m: re.Match, ctx: _Context) -> _Cand | None:
    """A day number sharing its month with another: '12' of '12 and 13 November',
    '13' of 'November 12 and 13', '15' of '15-16 November'. Resolved like the full date."""
    if not _month_guard(m, ctx, bare=False):
        return None
    day, other = int(m["day"]), int(m["other"])
    first_is_listed = m.start("day") < m.start("other")
    if (day >= other) if first_is_listed else (day <= other):
        return None  # lists run forward: '5, 10 May' counts things, not days
    month = _month_number(m["mon"])
    year = _year_of(m["year"], ctx, allow_bare_two_digit=ctx.upper) if m["year"] else None
    start, end = m.start("day"), m.end("day")
    if not first_is_listed and m["year"]:
        end = m.end("year")
    if day > _month_length(year or 2000, month):
        return None
    if year:
        return _Cand(start, end, value=dt.date(year, month, day).isoformat(), anchor="absolute")
    date = _resolve_month_day(month, day, ctx, start, m.end())
    if date is None:
        return _Cand(start, end, value=f"XXXX-{month:02d}-{day:02d}")
    return _Cand(start, end, value=date.isoformat(), anchor="publication")


def _h_weekday(m: re.Match, ctx: _Context) -> _Cand | None:
    word = m["wd"]
    if not ctx.upper and not word[0].isupper():
        return None
    weekday = WEEKDAYS[word.lower()]
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    if m["pl"]:  # 'on Fridays'
        return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{weekday}")
    date = _resolve_weekday(weekday, m["rel"] or "", ctx, m.start(), m.end())
    mod = _dmod(m)
    if date is None:
        value = f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else "")
        return _Cand(m.start(), m.end(), "TIME" if pod else "DATE", value, mod)
    if pod:
        value = f"{date.isoformat()}T{pod}"
        return _Cand(m.start(), m.end(), "TIME", value, mod, anchor="publication")
    return _Cand(m.start(), m.end(), value=date.isoformat(), mod=mod, anchor="publication")


_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "last night": -1,
    "this": 0,
    "last": -1,
}


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)


def _h_day_word(m: re.Match, ctx: _Context) -> _Cand | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    pod_word = (m.groupdict().get("pod") or "").lower()
    pod = PARTS_OF_DAY.get(pod_word)
    if word in ("tonight", "last night"):
        pod = "NI"
    if word == "last" and pod_word not in ("night", "evening"):
        return None  # 'last morning' is not said; 'last night' and 'last evening' are
    if word == "last" and (
        _THE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
        or _OF_AFTER.match(ctx.text, m.end())
    ):
        return None  # 'the last evening of the fair' is the final one, not yesterday's
    offset = _DAY_OFFSETS[word]
    mod = _dmod(m)
    if ctx.pub is None:
        value = "XXXX-XX-XX" + (f"T{pod}" if pod else "")
        return _Cand(m.start(), m.end(), "TIME" if pod else "DATE", value, mod)
    date = ctx.pub + dt.timedelta(days=offset)
    if pod:
        value = f"{date.isoformat()}T{pod}"
        return _Cand(m.start(), m.end(), "TIME", value, mod, anchor="publication")
    return _Cand(m.start(), m.end(), value=date.isoformat(), mod=mod, anchor="publication")


def _h_rel_unit(m: re.Match, ctx: _Context) -> _Cand | None:
    """'last week', 'this year', 'earlier this month', 'the end of the year', 'this summer'."""
    rel = re.sub(r"\s+", " ", (m["rel"] or "this").lower())
    unit = m["unit"].lower()
    mod = _dmod(m)
    if rel.startswith("the ") and rel != "the current":
        return None  # 'the past year' is a duration (another rule)
    if m["rel"] is None and mod is None:
        return None
    step = (
        -1
        if rel in ("last", "past", "this past", "previous", "earlier last")
        else (1 if rel in ("next", "coming", "this coming", "later next") else 0)
    )
    if unit in SEASONS:
        return _season_cand(m, ctx, SEASONS[unit], step, mod)
    if unit == "season":
        return None
    if ctx.pub is None:
        return _Cand(m.start(), m.end(), value=_UNRESOLVED.get(unit, "XXXX"), mod=mod)
    pub = ctx.pub
    if unit == "weekend":
        monday = pub - dt.timedelta(days=pub.isoweekday() - 1) + dt.timedelta(weeks=step)
        if rel == "the":
            # 'over the weekend' told in the past is the last one, in the future the next one
            d = ctx.direction(m.start(), m.end())
            if d < 0 and monday + dt.timedelta(days=5) > pub:
                monday -= dt.timedelta(weeks=1)
            elif d > 0 and monday + dt.timedelta(days=6) < pub:
                monday += dt.timedelta(weeks=1)
        value = f"{_week_value(monday)}-WE"
    elif unit == "quarter":
        q = (pub.month - 1) // 3 + step
        year = pub.year + (q // 4)
        value = f"{year}-Q{q % 4 + 1}"
    else:
        value = _value_for(_shift(pub, step, unit), unit)
    cand = _Cand(m.start(), m.end(), value=value, mod=mod, anchor="publication")
    if rel.startswith("earlier") or rel.startswith("later"):
        span = interval_of(value)
        if span:  # 'earlier this month': from the month's start up to publication
            cand.lo, cand.hi = (span[0], pub) if rel.startswith("earlier") else (pub, span[1])
            cand.granularity, cand.explicit_interval = span[2], True
    return cand


def _season_cand(m: re.Match, ctx: _Context, code: str, step: int, mod: str | None) -> _Cand | None:
    if re.match(r"\s+of\s+(?!\d)", ctx.text[m.end() : m.end() + 8]):
        return None  # 'the fall of Kabul', 'the spring of hope'
    if ctx.pub is None:
        return _Cand(m.start(), m.end(), value=f"XXXX-{code}", mod=mod)
    cur_year, cur_code = _season_of(ctx.pub)
    order = ["WI", "SP", "SU", "FA"]
    # seasons counted from winter: index of (year, code) on one line
    cur = cur_year * 4 + order.index(cur_code)
    target = cur_year * 4 + order.index(code)
    if step < 0:
        while target >= cur:
            target -= 4
    elif step > 0:
        while target <= cur:
            target += 4
    elif (m.groupdict().get("rel") or "").strip().lower() in ("", "the"):
        # 'in the summer', 'this summer' said of the past: by tense
        d = ctx.direction(m.start(), m.end())
        if d < 0 and target > cur:
            target -= 4
        elif d > 0 and target < cur:
            target += 4
    year, index = divmod(target, 4)
    return _Cand(m.start(), m.end(), value=f"{year}-{order[index]}", mod=mod, anchor="publication")


def _h_season(m: re.Match, ctx: _Context) -> _Cand | None:
    code = SEASONS[m["season"].lower()]
    mod = _dmod(m)
    if m["year"]:
        year = int(m["year"])
        return _Cand(m.start(), m.end(), value=f"{year}-{code}", mod=mod, anchor="absolute")
    has_the = m["the"] is not None
    if (
        not has_the
        and not mod
        and ctx.word_before(m.start())
        not in ("in", "during", "over", "through", "since", "until", "by", "this", "early", "late")
    ):
        return None
    if m["season"].lower() == "fall" and not has_the and not mod:
        return None
    if not has_the and ctx.word_before(m.start()) == "this":
        return None
    return _season_cand(m, ctx, code, 0, mod)


def _h_quarter(m: re.Match, ctx: _Context) -> _Cand | None:
    q = ORDINALS.get(m["ord"].lower()) or int(m["ord"][0])
    half = "half" in m.group(0).lower()
    if half and q > 2:
        return None
    letter = "H" if half else "Q"
    if m["year"]:
        return _Cand(m.start(), m.end(), value=f"{m['year']}-{letter}{q}", anchor="absolute")
    if ctx.pub is None:
        return _Cand(m.start(), m.end(), value=f"XXXX-{letter}{q}")
    rel = (m["rel"] or "").lower()
    year = ctx.pub.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
    if not rel and not half:
        current = (ctx.pub.month - 1) // 3 + 1
        d = ctx.direction(m.start(), m.end())
        if d < 0 and q > current:
            year -= 1
    return _Cand(m.start(), m.end(), value=f"{year}-{letter}{q}", anchor="publication")


def _year_guard(m: re.Match, ctx: _Context, group: str = "year") -> bool:
    """Whether a four-digit number is a year: not money, not 'Resolution 1973', not a count."""
    before = ctx.text[max(0, m.start(group) - 6) : m.start(group)]
    if re.search(r"[$€£#]\s*$|\b(?:No|Nos|pp?)\.\s*$", before, re.I):
        return False
    if ctx.word_before(m.start(group)) in NON_YEAR_CONTEXT and not m.groupdict().get("dmod"):
        return False
    after = re.match(r"\s*([A-Za-z]+)", ctx.text[m.end() : m.end() + 25])
    return not (after and after.group(1).lower() in COUNT_NOUNS)


def _h_year(m: re.Match, ctx: _Context) -> _Cand | None:
    if not _year_guard(m, ctx):
        return None
    return _Cand(m.start(), m.end(), value=m["year"], mod=_dmod(m), anchor="absolute")


def _h_year_range(m: re.Match, ctx: _Context) -> _Cand | None:
    y1 = int(m["y1"])
    y2s = m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 <= y1 or y2 - y1 > 100 or not _year_guard(m, ctx, "y1"):
        return None
    return _Cand(
        m.start(),
        m.end(),
        value=str(y1),
        anchor="absolute",
        lo=dt.date(y1, 1, 1),
        hi=dt.date(y2, 12, 31),
        granularity=Granularity.YEAR,
        explicit_interval=True,
    )


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _h_decade(m: re.Match, ctx: _Context) -> _Cand | None:
    gd = m.groupdict()
    if gd.get("dec"):
        decade = int(gd["dec"]) // 10
    elif gd.get("dec2"):
        tens = int(gd["dec2"]) // 10
        decade = 190 + tens if not ctx.pub or 2000 + tens * 10 > ctx.pub.year else 200 + tens
    else:
        decade = 190 + _DECADE_WORDS[gd["decw"].lower()]
    return _Cand(
        m.start(), m.end(), value=f"{decade:03d}{DECADE_SUFFIX}", mod=_dmod(m), anchor="absolute"
    )


def _h_century(m: re.Match, ctx: _Context) -> _Cand | None:
    word = m["n"].lower()
    n = ORDINALS.get(word) or int(re.match(r"\d+", word).group(0))  # type: ignore[union-attr]
    if n < 1 or n > 21:
        return None
    return _Cand(m.start(), m.end(), value=f"{n - 1:02d}", mod=_dmod(m), anchor="absolute")


def _unit_code(unit: str, n: float | None) -> str:
    """The ISO 8601 duration for n units: 3 days -> P3D, 2 hours -> PT2H, 2 decades -> P20Y."""
    code, is_time = UNITS[unit]
    if unit == "decade":
        code, mult = "Y", 10
    elif unit == "century":
        code, mult = "Y", 100
    elif unit == "fortnight":
        code, mult = "W", 2
    else:
        mult = 1
    if n is None:
        amount = "X"
        code = UNITS[unit][0] if unit in ("decade", "century") else code
    else:
        total = n * mult
        amount = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return ("PT" if is_time else "P") + amount + code


def _half_down(n: float, unit: str) -> tuple[float, str]:
    """'half an hour' -> 30 minute; 'half a year' -> 6 month."""
    smaller = {
        "hour": (60, "minute"),
        "day": (24, "hour"),
        "year": (12, "month"),
        "minute": (60, "second"),
        "month": (30, "day"),
        "week": (7, "day"),
    }
    if not float(n).is_integer() and unit in smaller:
        factor, smaller_unit = smaller[unit]
        return n * factor, smaller_unit
    return n, unit


def _h_duration(m: re.Match, ctx: _Context) -> _Cand | None:
    unit_word = m["unit"].lower()
    unit = _unit_name(unit_word)
    plural = unit_word != unit
    num_word = m["num"]
    rest = ctx.text[m.end() : m.end() + 6].lower()
    if rest.startswith(("-old", " old", "s-old")):
        return None  # ages: 'a 20-year-old'
    if num_word is None and not plural and m["rel"] is None:
        return None
    if num_word is None and re.search(
        r"\b(?:early|small|wee|morning)\s+\Z", ctx.text[max(0, m.start() - 10) : m.start()], re.I
    ):
        return None  # 'in the early hours': a part of the day (see _h_part_of_day_of)
    if re.search(r"\b(?:ages?|aged)\s+\Z", ctx.text[max(0, m.start() - 8) : m.start()], re.I):
        return None  # 'children ages 6 months and older'
    start = m.start()
    if m["qmod"] and m["rel"] and m["qmod"].lower() in ("over", "under", "some"):
        start = m.start("rel")  # 'over the past two years': 'over' is a preposition here
        m_qmod = None
    else:
        m_qmod = m["qmod"]
    if num_word is None and not plural:
        num_word = "one"  # 'the next decade'
    n = _number(num_word)
    if unit == "second" and not plural and (num_word or "").lower() in ("a", "an"):
        return None  # 'a second attack'
    if n is not None and unit in ("hour", "day", "year", "minute", "month", "week"):
        n, unit = _half_down(n, unit)
    qmod = QUANTITY_MODIFIERS.get(re.sub(r"\s+", " ", (m_qmod or "").lower()))
    cand = _Cand(start, m.end(), "DURATION", _unit_code(unit, n), mod=qmod)
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    vague = VAGUE_COUNTS.get(re.sub(r"\s+", " ", (num_word or "").lower()))
    reach = n if n is not None else (vague[1] if vague and vague[1] else None)
    if rel and ctx.pub is not None:  # 'the past two years', 'the past few hours'
        if rel in ("the past", "the last"):
            cand.lo = _shift(ctx.pub, -reach, unit) if reach is not None else None
            cand.hi = ctx.pub
        elif rel in ("the next", "the coming"):
            cand.lo = ctx.pub
            cand.hi = _shift(ctx.pub, reach, unit) if reach is not None else None
        else:
            return cand
        cand.anchor, cand.explicit_interval = "publication", True
        cand.granularity = _granularity_of_unit(unit)
    elif num_word and ctx.pub is not None and _PAST_FEW.fullmatch(num_word):
        # 'the past few days': back as far as a vague count goes, up to publication
        most = VAGUE_COUNTS["few"][1] or 9
        cand.lo, cand.hi = _shift(ctx.pub, -most, unit), ctx.pub
        cand.anchor, cand.explicit_interval = "publication", True
        cand.granularity = _granularity_of_unit(unit)
    elif num_word and num_word.lower() == "recent" and ctx.pub is not None:
        cand.hi, cand.anchor, cand.explicit_interval = ctx.pub, "publication", True
        cand.granularity = _granularity_of_unit(unit)
    return cand


_PAST_FEW = re.compile(r"the\s+(?:past|last)\s+few", re.I)


def _granularity_of_unit(unit: str) -> Granularity:
    return {
        "second": Granularity.TIME,
        "minute": Granularity.TIME,
        "hour": Granularity.TIME,
        "day": Granularity.DAY,
        "week": Granularity.WEEK,
        "fortnight": Granularity.WEEK,
        "month": Granularity.MONTH,
        "year": Granularity.YEAR,
        "decade": Granularity.DECADE,
        "century": Granularity.CENTURY,
    }[unit]


def _h_ago(m: re.Match, ctx: _Context) -> _Cand | None:
    """'three days ago', 'more than two decades ago': a date counted back from publication."""
    unit = _unit_name(m["unit"])
    n = _number(m["num"])
    qmod = QUANTITY_MODIFIERS.get(re.sub(r"\s+", " ", (m["qmod"] or "").lower()))
    mod = {
        "MORE_THAN": "BEFORE",
        "EQUAL_OR_MORE": "ON_OR_BEFORE",
        "LESS_THAN": "AFTER",
        "EQUAL_OR_LESS": "ON_OR_AFTER",
        "APPROX": "APPROX",
    }.get(qmod or "")
    if n is None:
        if ctx.pub is None:
            return _Cand(m.start(), m.end(), value="PAST_REF")
        vague = VAGUE_COUNTS.get(re.sub(r"\s+", " ", (m["num"] or "").lower()))
        if vague:  # 'a few days ago': between 9 and 2 days back
            most, least = vague[1], vague[0]
            return _Cand(
                m.start(),
                m.end(),
                value="PAST_REF",
                anchor="publication",
                lo=_shift(ctx.pub, -most, unit) if most else None,
                hi=_shift(ctx.pub, -least, unit),
                explicit_interval=True,
                granularity=_granularity_of_unit(unit),
            )
        return _Cand(
            m.start(),
            m.end(),
            value="PAST_REF",
            anchor="publication",
            hi=ctx.pub,
            explicit_interval=True,
            granularity=_granularity_of_unit(unit),
        )
    granularity = "year" if unit in ("decade", "century") else unit
    if ctx.pub is None:
        return _Cand(m.start(), m.end(), value=_UNRESOLVED.get(granularity, "XXXX-XX-XX"), mod=mod)
    n, unit = _half_down(n, unit)
    date = _shift(ctx.pub, -n, unit)
    value = _value_for(date, granularity)
    cand = _Cand(m.start(), m.end(), value=value, mod=mod, anchor="publication")
    span = interval_of(value)
    if span and mod in ("BEFORE", "ON_OR_BEFORE"):
        cand.lo, cand.hi, cand.granularity, cand.explicit_interval = None, date, span[2], True
    elif span and mod in ("AFTER", "ON_OR_AFTER"):
        cand.lo, cand.hi, cand.granularity, cand.explicit_interval = date, ctx.pub, span[2], True
    return cand


_REF_VALUES = {
    **{w: "PRESENT_REF" for w in _LEX["present_ref"]},
    **{w: "PAST_REF" for w in _LEX["past_ref"]},
    **{w: "FUTURE_REF" for w in _LEX["future_ref"]},
}


def _h_ref(m: re.Match, ctx: _Context) -> _Cand | None:
    value = _REF_VALUES[re.sub(r"\s+", " ", m.group(0).lower())]
    if ctx.pub is None:
        return _Cand(m.start(), m.end(), value=value)
    cand = _Cand(
        m.start(),
        m.end(),
        value=value,
        anchor="publication",
        explicit_interval=True,
        granularity=Granularity.UNKNOWN,
    )
    if value == "PRESENT_REF":
        cand.lo = cand.hi = ctx.pub
        cand.granularity = Granularity.DAY
    elif value == "PAST_REF":
        cand.hi = ctx.pub
    else:
        cand.lo = ctx.pub
    return cand


def _h_set(m: re.Match, ctx: _Context) -> _Cand | None:
    gd = m.groupdict()
    if gd.get("adv"):
        return _Cand(m.start(), m.end(), "SET", SET_ADVERBS[gd["adv"].lower()])
    what = gd["what"].lower()
    if what in PARTS_OF_DAY:
        return _Cand(m.start(), m.end(), "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}")
    if what in WEEKDAYS:
        return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[what]}")
    if what.rstrip(".") in MONTHS:
        return _Cand(m.start(), m.end(), "SET", f"XXXX-{_month_number(what):02d}")
    if what in SEASONS:
        return _Cand(m.start(), m.end(), "SET", f"XXXX-{SEASONS[what]}")
    unit = _unit_name(what)
    n = _number(gd.get("num"))
    if n is not None and n != 1:  # 'every two weeks'
        return _Cand(m.start(), m.end(), "SET", _unit_code(unit, n))
    return _Cand(m.start(), m.end(), "SET", SET_BY_UNIT[unit])


def _h_clock(m: re.Match, ctx: _Context) -> _Cand | None:
    """'10 p.m.', '15:00 GMT', 'noon': a time of an unknown day (joined to a day later)."""
    gd = m.groupdict()
    if gd.get("word"):
        hhmm = "12:00" if gd["word"].lower() == "noon" else "24:00"
    else:
        hour = int(gd["h"])
        minute = int(gd["mi"] or 0)
        ap = (gd.get("ap") or "").lower().replace(".", "")
        if ap and not 1 <= hour <= 12:
            return None
        if ap == "pm" and hour != 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        hhmm = f"{hour:02d}:{minute:02d}"
    return _Cand(m.start(), m.end(), "TIME", f"XXXX-XX-XXT{hhmm}")


def _h_military_clock(m: re.Match, ctx: _Context) -> _Cand | None:
    """'at 2200 (hours)', '1515 GMT', 'SINCE 1705': a wire-style clock time, preferred over
    the year reading.

    With a zone or 'hours' after it the number is a time in any text. Otherwise only in
    upper-case wire text: after 'at' always, after 'since', 'until', 'before', ... only when
    it cannot be a modern year (before 1800), so 'SINCE 1985' stays a year.
    """
    if not m["suffix"]:
        prep = (m["prep"] or "").split()
        if not ctx.upper or not prep:
            return None  # mixed-case 'at 1800' is more often a year or a count
        if prep[0].lower() != "at" and int(m["h"]) >= 18:
            return None
    return _Cand(m.start("h"), m.end(), "TIME", f"XXXX-XX-XXT{m['h']}:{m['mi']}", rule=-1)


# --------------------------------------------------------------------------- event-anchored

_ANCHOR_DIRECTIONS = {
    "later": 1,
    "after": 1,
    "afterwards": 1,
    "afterward": 1,
    "thereafter": 1,
    "following": 1,
    "next": 1,
    "subsequent": 1,
    "earlier": -1,
    "before": -1,
    "prior to": -1,
    "previous": -1,
    "preceding": -1,
    "prior": -1,
    "same": 0,
    "that": 0,
}
_NP = r"(?P<np>(?:the|a|an|his|her|its|their|this|that|these|those)\s+[\w-]+(?:'s\s+[\w-]+)?)"

_ANCHORED_PATTERNS = [
    # 'two days later', 'more than a day later', 'two days before the vote'
    re.compile(
        rf"(?<!\w)(?:{QMOD}\s+)?(?:(?P<num>{NUM}|{VAGUE})(?:\s+|-))?(?P<unit>{UNIT})\s+"
        rf"(?P<dir>later|earlier|afterwards?|after|before|prior\s+to)(?:\s+{_NP})?(?!\w)",
        re.I,
    ),
    # 'shortly after the attack', 'soon afterwards'
    re.compile(
        rf"(?<!\w)(?P<adv>shortly|soon|just|immediately|right|not\s+long|moments)\s+"
        rf"(?:(?P<dir>after|before)\s+{_NP}|(?P<dir2>afterwards?|thereafter))(?!\w)",
        re.I,
    ),
    # 'the following day', 'the next morning', 'the previous week', 'that night'
    re.compile(
        r"(?<!\w)(?:(?:later|earlier)\s+)?(?:the|that)\s+(?:(?P<dir>following|previous|preceding|prior|"
        r"same|subsequent)\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night|"
        r"weekend|decade)|(?P<dir2>next)\s+(?P<unit2>day|morning|afternoon|evening|night))(?!\w)",
        re.I,
    ),
    re.compile(
        r"(?<!\w)(?:(?:later|earlier)\s+)?(?P<dir>that)\s+(?P<unit>day|night|morning|afternoon|"
        r"evening|week|weekend)(?!\w)",
        re.I,
    ),
    re.compile(
        r"(?<!\w)the\s+(?P<unit>day|night|week|month|year)\s+(?P<dir>before|after)"
        r"(?!\s+(?:yesterday|tomorrow))(?!\w)",
        re.I,
    ),
]


@dataclass
class _AnchorOffset:
    """How an event-anchored expression relates to its anchor."""

    direction: int  # +1 after, -1 before, 0 same time
    n: float | None  # how many units; None when vague ('days later')
    unit: str  # day, week, month, year, ...
    qmod: str | None
    immediate: bool  # 'shortly after', 'soon afterwards'


def _parse_anchored(m: re.Match) -> _AnchorOffset:
    gd = m.groupdict()
    dir_word = re.sub(r"\s+", " ", (gd.get("dir") or gd.get("dir2") or "").lower())
    direction = _ANCHOR_DIRECTIONS.get(dir_word, 1)
    if gd.get("adv"):
        return _AnchorOffset(direction, None, "day", None, immediate=True)
    unit_word = (gd.get("unit") or gd.get("unit2") or "day").lower()
    unit = (
        unit_word if unit_word in PARTS_OF_DAY or unit_word == "weekend" else _unit_name(unit_word)
    )
    if unit in PARTS_OF_DAY or unit == "weekend":
        unit = "day" if unit in PARTS_OF_DAY else "week"
    if "num" in gd:
        n = _number(gd.get("num"))
        if n is None and gd.get("num") is None and unit_word == unit:
            n = 1.0  # 'a day later' has its number; 'day later' alone is one unit
    else:
        n = 0.0 if direction == 0 else 1.0
    qmod = QUANTITY_MODIFIERS.get(re.sub(r"\s+", " ", (gd.get("qmod") or "").lower()))
    if n is not None:
        n, unit = _half_down(n, unit)
    return _AnchorOffset(direction, n, unit, qmod, immediate=False)


def _h_anchored(m: re.Match, ctx: _Context) -> _Cand | None:
    """An expression placed relative to another event; unresolved until :func:`anchor_on`."""
    gd = m.groupdict()
    offset = _parse_anchored(m)
    unit_word = (gd.get("unit") or gd.get("unit2") or "").lower()
    if "num" in gd and gd.get("num") is None and unit_word == _unit_name(unit_word):
        return None  # 'day later' without a number is not an expression of its own
    if "num" in gd:
        # the extent TimeML gives is the quantity: 'two days' (later) is a duration
        value = _unit_code(offset.unit, offset.n)
        return _Cand(m.start(), m.end(), "DURATION", value, mod=offset.qmod, rule=-1)
    if offset.immediate:
        return _Cand(m.start(), m.end(), "DATE", "XXXX-XX-XX", rule=-1)
    part = PARTS_OF_DAY.get(unit_word)
    if part:
        return _Cand(m.start(), m.end(), "TIME", f"XXXX-XX-XXT{part}", rule=-1)
    return _Cand(m.start(), m.end(), "DATE", _UNRESOLVED.get(offset.unit, "XXXX-XX-XX"), rule=-1)


# --------------------------------------------------------------------------- the rule list

_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (
        re.compile(
            r"(?<![\w-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:T(?P<t>\d\d:\d\d(?::\d\d)?))?(?![\w-])"
        ),
        _h_iso,
    ),
    (
        re.compile(r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])"),
        _h_numeric,
    ),
    (re.compile(r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/]|\.\d)"), _h_numeric_day),
    (
        re.compile(
            rf"(?<!\w)(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?:(?:{WD}),?\s+)?"
            rf"(?P<mon>{MON})\s+(?P<day>{DAYNUM})"
            rf"(?:(?:,\s*|\s+)(?P<year>{YEAR4}|['\u2019]\d\d|\d\d))?(?![\w'])",
            re.I,
        ),
        _day_month_year,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?:(?:{WD}),?\s+)?"
            rf"(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?"
            rf"(?P<mon>{MON})(?:,?\s+(?P<year>{YEAR4}|['\u2019]\d\d|\d\d))?(?![\w'])",
            re.I,
        ),
        _day_month_year,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{DMOD})?(?P<mon>{MON})(?:\s+of)?,?\s+"
            rf"(?P<year>{YEAR4}|['\u2019]\d\d|\d\d)(?![\w'])",
            re.I,
        ),
        _h_month_year,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{DMOD})?(?P<mon>{MON})\s+(?:of\s+)?(?P<rel>this|last|next|"
            r"the\s+same|the\s+previous|the\s+following|the\s+next|the\s+coming)\s+year(?!\w)",
            re.I,
        ),
        _h_month_rel_year,
    ),
    (re.compile(rf"(?<!\w)(?:{DMOD})?{REL}\s+(?P<mon>{MON})(?!\w)", re.I), _h_rel_month),
    (re.compile(rf"(?<!\w)(?:{DMOD})?(?P<mon>{MON})(?!\w)", re.I), _h_month),
    (
        re.compile(r"(?<!\w)the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?!\w)", re.I),
        _h_ordinal_day,
    ),
    (
        re.compile(
            rf"(?<![\w/.,-])(?P<day>{DAYNUM})(?=\s*(?:-|–|and|or|to|&|,)\s*(?:the\s+)?"
            rf"(?P<other>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON})"
            rf"(?:,?\s+(?P<year>{YEAR4}|['\u2019]\d\d|\d\d))?(?![\w']))",
            re.I,
        ),
        _h_listed_day,
    ),
    (
        re.compile(
            rf"(?<!\w)(?P<mon>{MON})\s+(?P<other>{DAYNUM})\s*(?:-|–|and|or|to|&)\s*"
            rf"(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}|['\u2019]\d\d))?(?![\w'])",
            re.I,
        ),
        _h_listed_day,
    ),
    (
        re.compile(
            rf"(?<!\w)the\s+(?:{DMOD})?(?P<pod>morning|afternoon|evening|night|"
            r"(?:early|small|wee)\s+(?:morning\s+)?hours|early\s+morning)\s+of(?=\s)",
            re.I,
        ),
        _h_part_of_day_of,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{DMOD})?(?:(?P<rel>last|this\s+past|this\s+coming|this|next|past|coming)"
            rf"\s+)?(?P<wd>{WD})(?P<pl>s)?(?:\s+(?P<pod>morning|afternoon|evening|night))?"
            r"(?!\w)",
            re.I,
        ),
        _h_weekday,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{DMOD})?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            r"yesterday|today|tomorrow|tonight)(?:\s+(?P<pod>morning|afternoon|evening|"
            r"night))?(?!\w)",
            re.I,
        ),
        _h_day_word,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{DMOD})?(?P<w>last|this)\s+(?P<pod>morning|afternoon|evening|night)"
            r"(?!\w)",
            re.I,
        ),
        _h_day_word,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{DMOD})?(?:(?P<rel>this\s+past|this\s+coming|last|this|next|past|"
            r"coming|current|the\s+current|earlier\s+this|later\s+this|earlier\s+last|"
            r"later\s+next|the\s+past|the\s+last|the\s+next|the\s+coming|the)\s+)?"
            rf"(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century|season|{SEASON})"
            r"(?!\w)",
            re.I,
        ),
        _h_rel_unit,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{DMOD})?(?P<the>the\s+)?(?P<season>{SEASON})"
            rf"(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?(?!\w)",
            re.I,
        ),
        _h_season,
    ),
    (
        re.compile(
            r"(?<!\w)(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
            rf"(?:quarter|half)(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?"
            rf"(?P<year>{YEAR4})|(?P<rel>this|last|next)\s+year))?(?!\w)",
            re.I,
        ),
        _h_quarter,
    ),
    (
        re.compile(
            rf"(?<![\w$€£#.,])(?P<y1>{YEAR4})\s*[-–—/]\s*(?P<y2>{YEAR4}|\d\d)"
            r"(?![\w%]|[.,]\d)"
        ),
        _h_year_range,
    ),
    (
        re.compile(
            rf"(?<![\w$€£#.,])(?:{DMOD})?(?:(?:fiscal|FY)\s*(?:year\s+)?)?(?P<year>{YEAR4})"
            r"(?![\w%]|[.,]\d)",
            re.I,
        ),
        _h_year,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:the\s+)?(?:{DMOD})?(?P<dec>(?:1[0-9]|20)[0-9]0)['\u2019]?s(?!\w)", re.I
        ),
        _h_decade,
    ),
    (
        re.compile(rf"(?<!\w)the\s+(?:{DMOD})?['\u2019]?(?P<dec2>[0-9]0)['\u2019]?s(?!\w)", re.I),
        _h_decade,
    ),
    (
        re.compile(
            rf"(?<!\w)the\s+(?:{DMOD})?(?:nineteen[-\s])?(?P<decw>{_alt(_DECADE_WORDS)})"
            r"(?!\w)",
            re.I,
        ),
        _h_decade,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{DMOD})?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|"
            rf"{_alt(o for o in ORDINALS if o not in ('final', 'last'))})[-\s]+centur(?:y|ies)"
            r"(?!\w)",
            re.I,
        ),
        _h_century,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{QMOD}\s+)?(?:(?P<num>{NUM}|{VAGUE})(?:\s+|-))?"
            rf"(?P<unit>{UNIT})['\u2019]?\s+ago(?!\w)",
            re.I,
        ),
        _h_ago,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:{QMOD}\s+)?(?:(?P<rel>the\s+(?:past|last|next|coming|first|final))"
            rf"\s+)?(?:(?P<num>{NUM}|{VAGUE})(?:\s+|-))?(?P<unit>{UNIT})(?!\w)",
            re.I,
        ),
        _h_duration,
    ),
    (re.compile(rf"(?<!\w)(?:{_alt(_REF_VALUES)})(?!\w)", re.I), _h_ref),
    (
        re.compile(
            rf"(?<!\w)(?:every|each|per)\s+(?:(?P<num>{NUM})\s+)?"
            rf"(?P<what>{UNIT}|{WD}|{POD}|{MON}|{SEASON})(?!\w)",
            re.I,
        ),
        _h_set,
    ),
    (
        re.compile(
            rf"(?<!\w)(?:once|twice|(?:{NUM})\s+times)\s+(?:a|an|per)\s+(?P<what>{UNIT})"
            r"(?!\w)",
            re.I,
        ),
        _h_set,
    ),
    (re.compile(rf"(?<!\w)(?P<adv>{_alt(SET_ADVERBS)})(?!\w)", re.I), _h_set),
    (
        re.compile(
            r"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*"
            r"(?P<ap>a\.m\.|p\.m\.|am|pm)(?:\s+(?:GMT|UTC|local\s+time|[ECMP][SD]?T|BST|CET|MSK))?"
            r"(?!\w)",
            re.I,
        ),
        _h_clock,
    ),
    (
        re.compile(
            r"(?<![\w:.])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!:\d)"
            r"(?:\s*(?:GMT|UTC|local\s+time|hours|hrs))?(?![\w:])",
            re.I,
        ),
        _h_clock,
    ),
    (re.compile(r"(?<!\w)(?P<word>noon|midnight)(?!\w)", re.I), _h_clock),
    (
        re.compile(
            r"(?<![\w:.$#])(?P<prep>(?:at|since|until|till|before|after|from|by|between|to|and)"
            r"\s+(?:(?:approximately|about|around|roughly|some)\s+)?)?"
            r"(?<![\w:.$#])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)"
            r"(?P<suffix>\s*(?:hours|hrs|GMT|UTC|local\s+time|\(local\s+time\)))?(?!\w)",
            re.I,
        ),
        _h_military_clock,
    ),
    *[(p, _h_anchored) for p in _ANCHORED_PATTERNS],
]

# --------------------------------------------------------------------------- post-passes

_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru)\s*\Z", re.I)
_BETWEEN = re.compile(r"(?:between|from)\s+\Z", re.I)
_TIME_JOIN = re.compile(r"\s*(?:,|at|on|,\s*on|,\s*at)?\s*\Z", re.I)
_SINCE = re.compile(r"(?:ever\s+)?since\s+\Z", re.I)


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest candidates first, then leftmost, then the earlier rule; no overlaps."""
    chosen: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.start, c.rule)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _bounds(cand: _Cand) -> tuple[dt.date | None, dt.date | None, Granularity | None]:
    if cand.explicit_interval:
        return cand.lo, cand.hi, cand.granularity
    if cand.anchor is None or cand.type not in ("DATE", "TIME"):
        return None, None, None
    span = interval_of(cand.value, cand.mod)
    return span if span else (None, None, None)


# A month or day named without a year: 'May', '7 May', 'May 7th', 'early May'.
_YEARLESS = re.compile(
    rf"(?:(?:early|mid|late)[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_alt(MONTHS)})\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?",
    re.I,
)


def _in_year_of_range_end(start: _Cand, end: _Cand, ctx: _Context) -> _Cand:
    """The start of a range named without a year takes the year of its end: 'from May to
    July 2023' is May 2023, and 'from November to February' the November before."""
    value = start.value or ""
    if (
        start.anchor != "publication"
        or not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value)
        or not _YEARLESS.fullmatch(ctx.text[start.start : start.end])
    ):
        return start
    _, end_hi, _ = _bounds(end)
    if end_hi is None:
        return start
    year = end_hi.year
    if value[5:] > end_hi.isoformat()[5 : len(value)]:
        year -= 1
    if value[5:] == "02-29" and _month_length(year, 2) < 29:
        return start
    return replace(start, value=f"{year:04d}{value[4:]}", anchor=end.anchor)


def _merge_ranges(cands: list[_Cand], ctx: _Context) -> list[_Cand]:
    """'from May to July', '2014 - 2019', 'between 2014 and 2019' -> one span."""
    out: list[_Cand] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.type == cand.type == "DATE" and prev.anchor and cand.anchor:
            gap = ctx.text[prev.end : cand.start]
            joined = _RANGE_JOIN.match(gap) or (
                re.fullmatch(r"\s+and\s+", gap, re.I)
                and _BETWEEN.search(ctx.text, 0, prev.start)
                and _BETWEEN.search(ctx.text[max(0, prev.start - 10) : prev.start])
            )
            if joined:
                prev = _in_year_of_range_end(prev, cand, ctx)
            lo1, _, g1 = _bounds(prev)
            _, hi2, g2 = _bounds(cand)
            if joined and len(gap) <= 12 and lo1 and hi2 and g1 == g2 and lo1 <= hi2:
                merged = _Cand(
                    prev.start,
                    cand.end,
                    "DATE",
                    prev.value,
                    prev.mod,
                    anchor=prev.anchor if prev.anchor == cand.anchor else "publication",
                    lo=lo1,
                    hi=hi2,
                    granularity=g1,
                    explicit_interval=True,
                )
                out[-1] = merged
                continue
        out.append(cand)
    return out


_OPEN_BRACKET = re.compile(r"\s*[(\[]\s*\Z")
_CLOSE_BRACKET = re.compile(r"\s*[)\]]")
_ZONE_GAP = re.compile(r"\s*,?\s*(?:on\s+)?\Z", re.I)


def _is_clock(cand: _Cand) -> bool:
    return cand.type == "TIME" and (cand.value or "").startswith("XXXX-XX-XXT")


def _minutes(value: str) -> int:
    hh, mm = value.split("T")[1][:5].split(":")
    return int(hh) * 60 + int(mm)


def _universal_weekday(day: _Cand, value: str, ctx: _Context) -> str:
    """'2100 local time (0300 GMT on Sunday)' in a Saturday's report: the universal day is
    at most the day after the report, so a weekday is the latest such day up to then (the
    coming Sunday), not the last one before the report."""
    if ctx.pub is None or ctx.text[day.start : day.end].strip(" .,").lower() not in WEEKDAYS:
        return value
    resolved = dt.date.fromisoformat(value)
    while resolved + dt.timedelta(days=7) <= ctx.pub + dt.timedelta(days=1):
        resolved += dt.timedelta(days=7)
    return resolved.isoformat()


def _merge_zone_times(cands: list[_Cand], ctx: _Context) -> list[_Cand]:
    """'AT 1950 (0050 GMT 18 OCTOBER)', 'AT 2330 [0530 GMT]': the bracketed universal time
    restates the local one; one TIME of the local clock, dated when the bracket has a day."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        cand = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (
            nxt is not None
            and _is_clock(cand)
            and nxt.type == "TIME"
            and (nxt.value or "").count("T") == 1
            and _OPEN_BRACKET.fullmatch(ctx.text[cand.end : nxt.start])
            and re.match(r"\s*(?:GMT|UTC)", ctx.text[nxt.start + 4 : nxt.end + 4], re.I)
        ):
            used, day = 2, None
            after = cands[i + 2] if i + 2 < len(cands) else None
            if (  # '(0050 GMT 18 OCTOBER)': the universal day inside the bracket
                after is not None
                and after.type == "DATE"
                and _ZONE_GAP.fullmatch(ctx.text[nxt.end : after.start])
            ):
                used, day = 3, after
            close = _CLOSE_BRACKET.match(ctx.text, (day or nxt).end)
            if close:
                merged = _Cand(cand.start, close.end(), "TIME", cand.value, cand.mod)
                day_value = (day.value or "") if day and day.anchor else ""
                if day is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", day_value):
                    day_value = _universal_weekday(day, day_value, ctx)
                if re.fullmatch(r"\d{4}-\d\d-\d\d", day_value):
                    # local day = universal day shifted by the zone offset (-12h..+14h)
                    offset = (_minutes(cand.value or "") - _minutes(nxt.value or "")) % 1440
                    offset -= 1440 if offset > 840 else 0
                    utc = dt.datetime.fromisoformat(day_value) + dt.timedelta(
                        minutes=_minutes(nxt.value or "")
                    )
                    local = (utc + dt.timedelta(minutes=offset)).date()
                    merged.value = f"{local.isoformat()}T{(cand.value or '').split('T')[1]}"
                    merged.anchor = day.anchor if day else None
                out.append(merged)
                i += used
                continue
        out.append(cand)
        i += 1
    return out


def _merge_part_of_day(cands: list[_Cand], ctx: _Context) -> list[_Cand]:
    """'the night of' + '15 November' -> one TIME; a 'the night of' with no day is dropped."""
    out: list[_Cand] = []
    for i, cand in enumerate(cands):
        if not cand.needs_day:
            out.append(cand)
            continue
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        day_value = (nxt.value or "").split("T")[0] if nxt else ""
        if (
            nxt is not None
            and nxt.type == "DATE"
            and not ctx.text[cand.end : nxt.start].strip()
            and re.fullmatch(r"(\d{4}|XXXX)-[\dX]{2}-[\dX]{2}|XXXX-WXX-\d", day_value)
        ):
            pod = (cand.value or "").split("T")[1]
            nxt.start, nxt.type = cand.start, "TIME"
            nxt.value, nxt.mod = f"{day_value}T{pod}", cand.mod or nxt.mod
    return [c for c in out if not c.needs_day]


def _merge_times(cands: list[_Cand], ctx: _Context) -> list[_Cand]:
    """A clock time next to its day ('Friday at 10 p.m.', '15:00 GMT Saturday') -> one TIME."""
    out: list[_Cand] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev is not None:
            pair = None
            if cand.type == "TIME" and cand.value and cand.value.startswith("XXXX-XX-XXT"):
                pair = (prev, cand)
            elif prev.type == "TIME" and prev.value and prev.value.startswith("XXXX-XX-XXT"):
                pair = (cand, prev)
            gap = ctx.text[prev.end : cand.start]
            if pair and len(gap) <= 6 and _TIME_JOIN.match(gap):
                day, clock = pair
                day_value = (day.value or "").split("T")[0]
                if day.type == "DATE" and re.fullmatch(
                    r"(\d{4}|XXXX)-[\dX]{2}-[\dX]{2}|"
                    r"XXXX-WXX-\d",
                    day_value,
                ):
                    merged = _Cand(
                        prev.start,
                        cand.end,
                        "TIME",
                        f"{day_value}T{(clock.value or '').split('T')[1]}",
                        anchor=day.anchor,
                    )
                    out[-1] = merged
                    continue
        out.append(cand)
    return out


def _apply_since(cands: list[_Cand], ctx: _Context) -> None:
    """'since 2021': the interval runs from 2021 up to publication (or stays open)."""
    for cand in cands:
        if cand.type != "DATE" or cand.anchor is None or cand.explicit_interval:
            continue
        if _SINCE.search(ctx.text[max(0, cand.start - 12) : cand.start]):
            span = interval_of(cand.value, cand.mod)
            if span:
                cand.lo, cand.hi, cand.granularity = span[0], ctx.pub, span[2]
                cand.explicit_interval = True
                if ctx.pub is None or (span[0] > ctx.pub):
                    cand.hi = None
                if cand.anchor == "absolute" and ctx.pub is not None:
                    cand.anchor = "publication"


def _to_span(cand: _Cand, text: str) -> TimeSpan:
    lo, hi, gran = _bounds(cand)
    if gran is None:
        gran = _granularity_from_value(cand)
    return TimeSpan(
        text=text[cand.start : cand.end],
        char_start=cand.start,
        char_end=cand.end,
        start=lo,
        end=hi,
        granularity=gran,
        anchor=cand.anchor if (lo or hi) else None,
        timex_type=cand.type,
        value=cand.value,
        mod=cand.mod,  # type: ignore[arg-type]
    )


def _granularity_from_value(cand: _Cand) -> Granularity:
    value = cand.value or ""
    if cand.type == "TIME":
        return Granularity.TIME
    if cand.type in ("DURATION", "SET"):
        unit = value[-1:] if value.startswith("P") else ""
        if value.startswith("PT"):
            return Granularity.TIME
        return {
            "D": Granularity.DAY,
            "W": Granularity.WEEK,
            "M": Granularity.MONTH,
            "Y": Granularity.YEAR,
            "E": Granularity.DECADE,
        }.get(unit, Granularity.UNKNOWN)
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", value):
        return Granularity.DAY
    if re.fullmatch(r"[\dX]{4}-W[\dX]{2}(-WE|-\d)?", value):
        return Granularity.DAY if re.search(r"-\d$", value) else Granularity.WEEK
    if re.fullmatch(r"[\dX]{4}-(SP|SU|FA|WI)", value):
        return Granularity.SEASON
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}", value):
        return Granularity.MONTH
    if re.fullmatch(r"[\dX]{4}", value):
        return Granularity.YEAR
    return Granularity.UNKNOWN


# --------------------------------------------------------------------------- trigger words

# Every rule's match contains one of these words or a word with a digit, so the rules run only
# in windows around them: most of a news text has no temporal word, and the patterns, with
# their optional prefixes, are slow to try at every position.
_STOP = frozenset(_LEX["trigger_stopwords"])
_TRIGGER_WORDS = frozenset(
    w
    for phrase in (
        *MONTHS,
        *(d for d in WEEKDAYS if len(d) > 4),
        *(f"{d}s" for d in WEEKDAYS if len(d) > 4),
        *UNITS,
        *(f"{u}s" for u in UNITS),
        *_LEX["unit_plurals"],
        *SEASONS,
        *PARTS_OF_DAY,
        *SET_ADVERBS,
        *_REF_VALUES,
        *_DECADE_WORDS,
        *_LEX["trigger_words"],
    )
    for w in re.split(r"[\s'-]+", phrase.lower())
    if len(w) > 1 and w not in _STOP
)
_WORD = re.compile(r"\w+")
_WINDOW_BEFORE, _WINDOW_AFTER = 48, 48


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged [lo, hi) regions around the trigger words of `text`."""
    windows: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        if not (w[0].isdigit() or w[-1].isdigit() or w.lower() in _TRIGGER_WORDS):
            continue
        lo, hi = max(0, m.start() - _WINDOW_BEFORE), min(len(text), m.end() + _WINDOW_AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


# --------------------------------------------------------------------------- public API


# A dateline: 'SAN SALVADOR, 17 NOV 89 (RADIO) --', 'KABUL, Afghanistan, March 7 (Reuters) -'.
# Its date follows a comma and is followed, up to the dash, at most by the source.
_DATELINE_HEAD = 160
_DATELINE_DASH = re.compile(r"\s(?:--|-|—|–|_)\s|--")
_DATELINE_PLACE = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z(][\w.'’()-]*|de|del|la|el|of))*")
# The source may hold a bracketed part of its own: "(INTERPRESS AGENCY [IPS])".
_DATELINE_SOURCE = re.compile(
    r"\s*(?:[(\[](?:[^()\[\]\n]|\[[^()\[\]\n]*\]|\([^()\[\]\n]*\)){1,80}[)\]]\s*)?"
)


def _dateline_extent(text: str) -> tuple[int, int] | None:
    """Where the date of the text's dateline may lie: from its first comma to its dash."""
    head = text[:_DATELINE_HEAD]
    dash = _dash_outside_brackets(head)
    if dash is None or "\n\n" in head[: dash.start()] or ". " in head[: dash.start()]:
        return None
    comma = head.find(",", 0, dash.start())
    # the place before the comma is a capitalized name: 'SAN SALVADOR', 'New York (US)'
    if comma <= 0 or not _DATELINE_PLACE.fullmatch(head[:comma].strip()):
        return None
    return comma + 1, dash.start()


def _dash_outside_brackets(head: str) -> re.Match | None:
    """The first dateline dash not inside brackets: the source may hold one of its own
    ('SAN SALVADOR, 3 MAY 89 (ACAN - EFE) --')."""
    for dash in _DATELINE_DASH.finditer(head):
        before = head[: dash.start()]
        # counted together: a source may open with one bracket and close with the other
        # ('12 MAR 90 [NATIONAL TELEVISION CHANNEL 2) --')
        if before.count("(") + before.count("[") <= before.count(")") + before.count("]"):
            return dash
    return None


def _is_dateline_date(cand: _Cand, text: str, extent: tuple[int, int] | None) -> bool:
    if extent is None or cand.type not in ("DATE", "TIME") or cand.start < extent[0]:
        return False
    if not text[: cand.start].rstrip().endswith(","):
        return False
    rest = _DATELINE_SOURCE.match(text, cand.end, extent[1])
    return rest is not None and rest.end() == extent[1]


def find_dateline(text: str) -> TimeSpan | None:
    """The date of the text's dateline ('SAN SALVADOR, 17 NOV 89 (RADIO) --'), or None.

    This is the date of the report, not of the events it tells; :func:`find_timexes` leaves it
    out of the expressions unless asked. A dateline without a year comes back unresolved.
    """
    spans = find_timexes(text[:_DATELINE_HEAD], None, keep_dateline=True)
    extent = _dateline_extent(text)
    for span in spans:
        cand = _Cand(span.char_start or 0, span.char_end or 0, span.timex_type)
        if _is_dateline_date(cand, text, extent):
            return span
    return None


def find_timexes(
    text: str, published: dt.date | None, doc: Doc | None = None, *, keep_dateline: bool = False
) -> list[TimeSpan]:
    """Every temporal expression in `text`, sorted by position, none overlapping.

    Offsets index into `text`. Relative expressions are resolved against `published`; when it
    is None they are resolved against the date of the text's dateline if it has a full one,
    and otherwise keep a value with X placeholders and null dates (absolute dates still
    resolve). `doc`, a spaCy parse of the same text, refines the tense that decides whether a
    bare weekday or month is the last or the next one. Event-anchored expressions ("two days
    later") come back with ``anchor=None``; see :func:`anchor_on`.

    The date of a dateline ('SAN SALVADOR, 17 NOV 89 (RADIO) --') is the date of the report,
    not of an event: it is left out unless `keep_dateline` (see :func:`find_dateline`).
    """
    if isinstance(published, dt.datetime):  # a datetime compares badly with dates
        published = published.date()
    if published is None and not keep_dateline:
        dateline = find_dateline(text)
        if dateline is not None and dateline.anchor == "absolute":
            published = dateline.start
    ctx = _Context(text, published, doc)
    cands: list[_Cand] = []
    seen: set[tuple[int, int, int]] = set()
    for lo, hi in _windows(text):
        for rule_index, (pattern, handler) in enumerate(_RULES):
            for m in pattern.finditer(text, lo, hi):
                if m.end() >= hi and hi < len(text):  # cut by the window: match the whole text
                    m = pattern.match(text, m.start())
                    if m is None:
                        continue
                if (m.start(), m.end(), rule_index) in seen:
                    continue
                seen.add((m.start(), m.end(), rule_index))
                cand = handler(m, ctx)
                if cand is not None and cand.end > cand.start:
                    cand.rule = min(cand.rule, rule_index) if cand.rule < 0 else rule_index
                    cands.append(cand)
    chosen = [c for c in _select(cands) if not _quoted_name(c, text)]
    if not keep_dateline:
        extent = _dateline_extent(text)
        chosen = [c for c in chosen if not _is_dateline_date(c, text, extent)]
    chosen = _merge_part_of_day(_merge_zone_times(chosen, ctx), ctx)
    chosen = _merge_times(_merge_ranges(chosen, ctx), ctx)
    _apply_since(chosen, ctx)
    return [_to_span(c, text) for c in chosen]


_OPEN_QUOTES = "\"“'‘"
_CLOSE_QUOTES = "\"”'’"


# '1 May Avenue', '20 de Julio Street', 'on Boyaca and 9 October Avenues': a day that names a
# street or a square
_NAMED_AFTER_DAY = re.compile(
    r"\s+(?:avenues?|av\.|street|st\.|square|boulevard|plaza|park|bridge|neighbou?rhood)\b",
    re.IGNORECASE,
)


def _quoted_name(cand: _Cand, text: str) -> bool:
    """'the "9 May" People's Liberation Forces', 'the "April 19" Movement': a date alone in
    quotation marks and followed by a word names a group after that day; a date followed by
    'Avenue' or 'Square' names a place. Neither is a time."""
    if cand.type == "DATE" and _NAMED_AFTER_DAY.match(text, cand.end):
        return True
    if cand.start == 0 or cand.end >= len(text):
        return False
    if text[cand.start - 1] not in _OPEN_QUOTES or text[cand.end] not in _CLOSE_QUOTES:
        return False
    return re.match(r"\s+[A-Za-z]", text[cand.end + 1 : cand.end + 3]) is not None


def _as_granularity(value: Granularity | str | None) -> Granularity:
    """The Granularity member for an enum or its plain string value.

    Models validated with ``use_enum_values=True`` hold plain strings, spans copied without
    validation hold members; code reading a TimeSpan must accept both.
    """
    if value is None:
        return Granularity.UNKNOWN
    try:
        return Granularity(value)
    except ValueError:
        return Granularity.UNKNOWN


def _anchored_offset(text: str) -> _AnchorOffset | None:
    for pattern in _ANCHORED_PATTERNS:
        m = pattern.fullmatch(text.strip())
        if m:
            return _parse_anchored(m)
    return None


# '0400 GMT on 10 September', '0500 GMT today': the first clock of the expression is universal
# time ('2030 [0230 GMT on 12 January]' gives the local clock first and is left alone)
_UNIVERSAL_CLOCK = re.compile(
    r"^\D*?(?<!\d)\d{1,2}[:.]?\d{2}\s*(?:hours\s+|hrs\s+)?(?:GMT|UTC)\b", re.IGNORECASE
)
_CLOCK_VALUE = re.compile(r"T(\d{2}):(\d{2})")


def local_day(span: TimeSpan, country: str | None) -> TimeSpan:
    """The local day and clock of a time told in universal time, in a country (ISO 3166-1
    alpha-2) whose standard offset is known: '0400 GMT on 10 September' in Guatemala (6
    hours behind) is 2200 on 9 September. Any other span comes back unchanged."""
    offset = UTC_OFFSETS.get((country or "").upper())
    if offset is None or span.start is None or span.start != span.end:
        return span
    clock = _CLOCK_VALUE.search(span.value or "")
    if clock is None or not _UNIVERSAL_CLOCK.match(span.text):
        return span
    universal = dt.datetime.combine(span.start, dt.time(int(clock[1]), int(clock[2])))
    local = universal + dt.timedelta(hours=offset)
    return span.model_copy(
        update={
            "start": local.date(),
            "end": local.date(),
            "value": local.strftime("%Y-%m-%dT%H:%M"),
        }
    )


def is_event_anchored(span: TimeSpan) -> bool:
    """Whether the expression is placed relative to another event ('two days later')."""
    if span.anchor and span.anchor.startswith("event:"):
        return True
    return span.anchor is None and _anchored_offset(span.text) is not None


def anchor_on(span: TimeSpan, anchor: TimeSpan, anchor_label: str) -> TimeSpan:
    """Resolve an event-anchored `span` against the TimeSpan of its anchoring event.

    'more than a day later' after an event on 2024-03-22 starts on 2024-03-23 and is open at
    the end; 'two days before' it is 2024-03-20; 'shortly after' it is that day or the next;
    'the following week' is the week after. The result carries ``anchor=anchor_label``. A span
    that is not event-anchored, or an anchor without dates, comes back unchanged.
    """
    offset = _anchored_offset(span.text)
    if offset is None or (anchor.start is None and anchor.end is None):
        return span
    first = anchor.start or anchor.end
    last = anchor.end or anchor.start
    assert first is not None and last is not None
    base = last if offset.direction > 0 else first
    lo: dt.date | None
    hi: dt.date | None
    unit = offset.unit
    granularity = Granularity.DAY
    mod = None
    if offset.immediate:
        lo, hi = (
            (base, base + dt.timedelta(days=1))
            if offset.direction >= 0
            else (base - dt.timedelta(days=1), base)
        )
    elif offset.direction == 0:
        lo, hi = first, last
        granularity = _as_granularity(anchor.granularity)
    elif offset.n is None and unit in ("second", "minute", "hour"):
        # 'a few hours after the blast': as days go, the anchor's own day (open-ended, it
        # would read as any day after it)
        lo = hi = base
    elif offset.n is None:  # 'days later': at least one unit after, open-ended
        step = _shift(base, offset.direction, unit)
        lo, hi = (step, None) if offset.direction > 0 else (None, step)
        granularity = _granularity_of_unit(unit)
    else:
        target = _shift(base, offset.direction * offset.n, unit)
        if unit in ("second", "minute", "hour"):
            target = base + dt.timedelta(
                days=offset.direction
                * int(offset.n * {"second": 1, "minute": 60, "hour": 3600}[unit] // 86400)
            )
        if offset.qmod in ("MORE_THAN", "EQUAL_OR_MORE"):
            lo, hi = (target, None) if offset.direction > 0 else (None, target)
            mod = "ON_OR_AFTER" if offset.direction > 0 else "ON_OR_BEFORE"
        elif offset.qmod in ("LESS_THAN", "EQUAL_OR_LESS"):
            lo, hi = (base, target) if offset.direction > 0 else (target, base)
        elif unit in ("day", "second", "minute", "hour"):
            lo = hi = target
            mod = "APPROX" if offset.qmod == "APPROX" else None
        else:
            span_of = interval_of(_value_for(target, unit))
            lo, hi = (span_of[0], span_of[1]) if span_of else (target, target)
            granularity = _granularity_of_unit(unit)
            mod = "APPROX" if offset.qmod == "APPROX" else None
    if lo is not None and hi is not None and lo == hi:
        value: str | None = lo.isoformat()
    elif granularity not in (Granularity.DAY, Granularity.TIME) and lo is not None and hi:
        value = _value_for(lo, _as_granularity(granularity).value)
    else:
        value = (lo or hi).isoformat() if (lo or hi) else span.value  # type: ignore[union-attr]
    return span.model_copy(
        update={
            "start": lo,
            "end": hi,
            # a plain value, as validation with use_enum_values would store it
            "granularity": _as_granularity(granularity).value,
            "anchor": anchor_label,
            "timex_type": "DATE",
            "value": value,
            "mod": mod,
        }
    )


# The days after the latest date an article mentions within which it was most likely written:
# news reports mostly tell of the past year.
PUBLICATION_HORIZON_DAYS = 365


def suggest_publication_window(timexes: Sequence[TimeSpan]) -> tuple[dt.date, dt.date] | None:
    """A suggested window for an unknown publication date, from the article's own dates.

    Only absolute expressions count (those resolved without a publication date): the latest
    day any of them begins on is the lower bound, since a report mostly tells what has
    happened; the upper bound is :data:`PUBLICATION_HORIZON_DAYS` after the end of that
    expression. A suggestion, not a finding: an article that names a future date ('the vote on
    9 June 2025') pushes the lower bound too late. None when there is no absolute date.
    """
    latest: TimeSpan | None = None
    for span in timexes:
        if span.anchor != "absolute" or span.start is None:
            continue
        if span.timex_type not in ("DATE", "TIME"):
            continue
        if latest is None or span.start > latest.start:  # type: ignore[operator]
            latest = span
    if latest is None or latest.start is None:
        return None
    last_day = max(latest.end or latest.start, latest.start)
    return latest.start, last_day + dt.timedelta(days=PUBLICATION_HORIZON_DAYS)
