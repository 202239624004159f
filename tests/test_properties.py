"""Property-based tests (hypothesis) of the normalizers and of the store."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threatline.language import detect_language
from threatline.models import (
    Actor,
    ActorKind,
    Article,
    ArticleReport,
    EventMention,
    EventPlace,
    Participant,
    Place,
    Quantity,
    Span,
    TimeSpan,
    article_id,
    normalize_text,
)
from threatline.numbers import parse_quantity
from threatline.store import Store
from threatline.timex import find_timexes

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------- numbers

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """English words for 0 <= n < 10**9, written here independently of numbers.py."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {in_words(rest)}" if rest else "")
    for size, name in ((10**6, "million"), (1000, "thousand")):
        if n >= size:
            high, rest = divmod(n, size)
            return f"{in_words(high)} {name}" + (f" {in_words(rest)}" if rest else "")
    raise ValueError(n)


@FAST
@given(st.integers(min_value=0, max_value=999_999_999))
def test_properties_numbers_digits_round_trip(n: int) -> None:
    for text in (str(n), f"{n:,}"):
        quantity = parse_quantity(f"{text} people were killed")
        assert quantity is not None, text
        assert (quantity.min, quantity.max) == (n, n), text


@FAST
@given(st.integers(min_value=1, max_value=999_999_999))
def test_properties_numbers_words_round_trip(n: int) -> None:
    text = in_words(n)
    quantity = parse_quantity(f"{text} people were killed")
    assert quantity is not None, text
    assert (quantity.min, quantity.max) == (n, n), text


@FAST
@given(
    st.integers(min_value=0, max_value=100_000),
    st.integers(min_value=0, max_value=100_000),
    st.sampled_from(
        [
            "{a} to {b}",
            "between {a} and {b}",
            "{a}-{b}",
            "from {a} to {b}",
            "at least {a}",
            "more than {a}",
            "up to {a}",
            "nearly {a}",
        ]
    ),
)
def test_properties_numbers_ranges_are_ordered(a: int, b: int, pattern: str) -> None:
    quantity = parse_quantity(pattern.format(a=a, b=b) + " people")
    assert quantity is not None
    if quantity.min is not None and quantity.max is not None:
        assert quantity.min <= quantity.max


@FAST
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=9))
def test_properties_numbers_decimal_millions(whole: int, tenth: int) -> None:
    quantity = parse_quantity(f"{whole}.{tenth} million people")
    assert quantity is not None
    assert quantity.min == quantity.max == whole * 1_000_000 + tenth * 100_000


def test_properties_numbers_and_a_half_million() -> None:
    quantity = parse_quantity("one and a half million people")
    assert quantity is not None and quantity.min == 1_500_000


# --------------------------------------------------------------------------- dates

_MONTH_NAMES = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
DATE_FORMATS = {
    "month_day_year": lambda d: f"{_MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    "day_month_year": lambda d: f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}",
    "iso": lambda d: d.isoformat(),
    "abbreviated": lambda d: f"{_MONTH_NAMES[d.month - 1][:3]}. {d.day}, {d.year}",
    "ordinal": lambda d: f"the {d.day}{_suffix(d.day)} of {_MONTH_NAMES[d.month - 1]} {d.year}",
}


def _suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2035, 12, 31))


@FAST
@given(dates, dates, st.sampled_from(sorted(DATE_FORMATS)))
def test_properties_timex_absolute_dates_resolve_to_themselves(
    day: dt.date, published: dt.date, fmt: str
) -> None:
    written = DATE_FORMATS[fmt](day)
    text = f"The attack took place on {written}, officials said."
    timexes = find_timexes(text, published)
    covering = [t for t in timexes if t.char_start is not None and written in t.text]
    assert covering, (text, timexes)
    assert (covering[0].start, covering[0].end) == (day, day), (text, covering[0])


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "on Monday",
                "last week",
                "in March",
                "two days later",
                "yesterday",
                "on 32/13/2024",
                "between 3 and 5 May 2021",
                "in 1999",
                "last year",
                "in the 1980s",
                "this morning",
                "on 12/03/2024",
                "since 2019",
                "3-5 June",
                "the next day",
                "in late 2022",
                "early on 4 July",
            ]
        ),
        min_size=1,
        max_size=6,
    ),
    st.one_of(st.none(), dates),
)
def test_properties_timex_start_never_after_end(parts: list[str], published: dt.date | None):
    text = "Gunmen attacked a village " + ", and again ".join(parts) + "."
    for timex in find_timexes(text, published):
        if timex.start is not None and timex.end is not None:
            assert timex.start <= timex.end, (text, timex)
        if timex.char_start is not None and timex.char_end is not None:
            assert text[timex.char_start : timex.char_end] == timex.text


# --------------------------------------------------------------------------- text


@FAST
@given(st.text(max_size=300))
def test_properties_normalize_text_is_idempotent_and_ids_stable(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert article_id(text) == article_id(once)
    assert Article.from_text(text).id == Article.from_text(once).id


@FAST
@given(st.text(max_size=300))
def test_properties_language_detection_is_total(text: str) -> None:
    language, confidence = detect_language(text)
    assert isinstance(language, str) and language
    assert 0.0 <= confidence <= 1.0


# --------------------------------------------------------------------------- geography


def test_properties_gazetteer_coordinates_in_range(gazetteer) -> None:
    # Every entry, exhaustively (cheap: a few hundred thousand rows).
    bad = [
        gazetteer._entry(i)
        for i in range(len(gazetteer))
        if not (-90 <= gazetteer._entry(i).lat <= 90 and -180 <= gazetteer._entry(i).lon <= 180)
    ]
    assert not bad[:5]


@FAST
@given(st.text(min_size=1, max_size=30))
def test_properties_gazetteer_lookup_of_any_name_is_safe(gazetteer, name: str) -> None:
    for entry in gazetteer.candidates(name):
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180


# --------------------------------------------------------------------------- store

_REPORT_TEXTS = [
    "A car bomb exploded in Mosul on 3 March 2024, killing four people. "
    "The Islamic State claimed it.",
    "Islamic State fighters set off a car bomb in Mosul on March 3, killing five people.",
    "Gunmen from the Islamic State kidnapped two engineers near Kirkuk on 9 March 2024.",
    "A bomb in Mosul on 3 March killed four people, the group Daesh said.",
]


def _report(number: int) -> ArticleReport:
    """A hand-built report: the reports share an actor (with different aliases), a place
    and, for 0, 1 and 3, one real-world event, so that merging has work to do."""
    text = _REPORT_TEXTS[number]
    article = Article.from_text(
        text, origin=f"r{number}", published=dt.date(2024, 3, 4 + number), url=f"u{number}"
    )
    actor = Actor(
        id="islamic-state",
        name="Islamic State",
        kind=ActorKind.ARMED_GROUP,
        aliases=[["IS"], ["ISIS"], [], ["Daesh", "ISIS"]][number],
        mentions=[(0, 3)],
    )
    place_name = "Kirkuk" if number == 2 else "Mosul"
    place = Place(
        id="P1",
        name=place_name,
        gazetteer_id="geonames:99072" if place_name == "Mosul" else "geonames:94787",
        lat=36.335 if place_name == "Mosul" else 35.468,
        lon=43.119 if place_name == "Mosul" else 44.392,
        country="IQ",
    )
    day = dt.date(2024, 3, 9 if number == 2 else 3)
    trigger = "kidnapped" if number == 2 else "bomb"
    start = text.index(trigger)
    event = EventMention(
        id="E1",
        type="kidnapping" if number == 2 else "bombing",
        trigger=Span(start=start, end=start + len(trigger), text=trigger),
        time=TimeSpan(text=str(day), start=day, end=day, granularity="day"),
        place=EventPlace(id="P1", text=place_name, precision=1),
        participants=[Participant(actor="islamic-state", role="perpetrator")],
        fatalities=None
        if number == 2
        else Quantity(min=4 + number % 2, max=4 + number % 2, text="four"),
        evidence=[Span(start=0, end=len(text), text=text)],
    )
    return ArticleReport(article=article, actors=[actor], places=[place], events=[event])


REPORTS = [_report(n) for n in range(len(_REPORT_TEXTS))]
_ORDER_FREE_COLUMNS = {"ingested_at", "at"}


def _state(db: Path, alias_order: bool = False) -> dict[str, list]:
    """The store's rows, sorted; actor aliases as a sorted list unless ``alias_order``."""
    connection = sqlite3.connect(db)
    try:
        state = {}
        for table in ("articles", "reports", "events", "actors", "places", "article_actors",
                      "merged_events", "event_members", "facts"):  # fmt: skip
            columns = [c[1] for c in connection.execute(f"pragma table_info({table})")]
            keep = [c for c in columns if c not in _ORDER_FREE_COLUMNS]
            rows = connection.execute(f"select {', '.join(keep)} from {table}").fetchall()
            if table == "actors" and not alias_order:
                aliases = keep.index("aliases")
                rows = [
                    (*row[:aliases], sorted(json.loads(row[aliases])), *row[aliases + 1 :])
                    for row in rows
                ]
            state[table] = sorted(rows, key=repr)
        return state
    finally:
        connection.close()


def _final_state(sequence: list[int], alias_order: bool = False) -> dict[str, list]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "db.sqlite"
        with Store.open(db) as store:
            for number in sequence:
                store.add_report(REPORTS[number])
        return _state(db, alias_order)


@pytest.fixture(scope="module")
def reference_state() -> dict[str, list]:
    return _final_state(list(range(len(REPORTS))))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(range(len(REPORTS))), st.lists(st.integers(0, len(REPORTS) - 1)))
def test_properties_store_any_order_of_ingests_and_reingests_gives_one_state(
    reference_state: dict[str, list], order: list[int], repeats: list[int]
) -> None:
    # Each report at least once, in any order, with any re-ingests mixed in.
    sequence = list(order)
    for position, number in enumerate(repeats):
        sequence.insert((position * 7) % (len(sequence) + 1), number)
    assert _final_state(sequence) == reference_state


def test_properties_store_reingest_changes_nothing() -> None:
    for sequence in itertools.permutations(range(2)):
        assert _final_state([*sequence, *sequence]) == _final_state(list(sequence))


def test_properties_store_actor_aliases_do_not_depend_on_order() -> None:
    assert _final_state([0, 1], alias_order=True) == _final_state([1, 0], alias_order=True)
